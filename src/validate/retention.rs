//! Retention (Art 5(1)(e), 30(1)(f)) and security measures (Art 30(1)(g), 32).

use super::once::report_once;
use super::{ActivityContext, Context, Rule, Severity, id_membership};
use crate::model::{ActivityStatus, RetentionPeriod};

/// Fires when a controller's activity states no retention at all: the record should give the
/// time limits for erasure (Art 30(1)(f)), and data may be kept no longer than necessary
/// (Art 5(1)(e)). A period, a date, indefinite retention, "not stored at all", a statement of
/// who else decides the period, and the event until which data is kept each count, in the rule,
/// a stage or an exception. A warning: Art 30(1)(f) asks for the limits "where possible".
pub const MISSING_RETENTION: Rule = Rule {
    id: "missing-retention",
    severity: Severity::Warning,
    citation: "Art 30(1)(f)",
    summary: "An activity with no retention rule.",
};

/// Fires on the data categories that no retention rule covers, when every rule of the activity is
/// limited to named categories: Art 30(1)(f) asks for the time limits of the different
/// categories of data. One finding for an activity (at the category, or at the list of categories
/// when there are several), naming each.
pub const DATA_CATEGORY_WITHOUT_RETENTION: Rule = Rule {
    id: "data-category-without-retention",
    severity: Severity::Warning,
    citation: "Art 30(1)(f)",
    summary: "A data category that no retention rule covers.",
};

/// Fires on indefinite retention: an error without a review interval (nothing then ensures data is
/// kept no longer than necessary, Art 5(1)(e)); info with one.
pub const INDEFINITE_RETENTION: Rule = Rule {
    id: "indefinite-retention",
    severity: Severity::Error,
    citation: "Art 5(1)(e)",
    summary: "Indefinite retention (error without a review interval, info with one).",
};

/// Fires when a retention rule's fixed end date is before the reference date while the activity is
/// still active: the data should have been disposed of.
pub const RETENTION_PERIOD_ELAPSED: Rule = Rule {
    id: "retention-period-elapsed",
    severity: Severity::Error,
    citation: "Art 5(1)(e)",
    summary: "A fixed retention end date has passed while the activity is active.",
};

/// Fires when neither the activity nor the register describes any security measure
/// (Art 30(1)(g), 30(2)(d), 32).
pub const MISSING_SECURITY_MEASURES: Rule = Rule {
    id: "missing-security-measures",
    severity: Severity::Warning,
    citation: "Art 30(1)(g)",
    summary: "No technical or organisational security measures described.",
};

fn indefinite(ctx: &mut Context<'_>, retention: &RetentionPeriod, path: String) {
    if !retention.indefinite {
        return;
    }
    match retention.review_interval {
        None => ctx.report(&INDEFINITE_RETENTION, path, "Data is kept indefinitely with no review; set a period, or a review_interval at which the need to keep it is checked.".to_owned()),
        Some(interval) => ctx.report_as(&INDEFINITE_RETENTION, Severity::Info, path, format!("Data is kept indefinitely, reviewed every {} ({interval}).", interval.in_words())),
    }
}

pub(super) fn check_activity(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    let activity = a.activity;
    if activity.security_measures.is_empty() && ctx.register.security_measures.is_empty() {
        ctx.report(
            &MISSING_SECURITY_MEASURES,
            a.path.clone(),
            format!(
                "No security measures are described for '{}' or for the register as a whole.",
                a.name()
            ),
        );
    }
    if !a.is_controller() {
        return;
    }
    check_retention_stated(ctx, a);
    check_periods(ctx, a);
}

/// A retention period stated, and where every rule names its data, every data category covered.
fn check_retention_stated(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    let activity = a.activity;
    let stated = activity
        .retention
        .iter()
        .any(crate::model::RetentionRule::is_stated);
    if !stated {
        ctx.report(&MISSING_RETENTION, a.path.clone(), format!("'{}' states no retention period; record how long the data is kept, or the criteria used to decide.", a.name()));
    } else if activity
        .retention
        .iter()
        .all(|r| !r.data_categories.is_empty())
    {
        let covered = id_membership(|| {
            activity
                .retention
                .iter()
                .flat_map(|r| r.data_categories.iter().map(|c| c.as_str()))
        });
        let uncovered: Vec<(String, String)> = activity
            .data_categories
            .iter()
            .enumerate()
            .filter(|(_, category)| !covered(category.id.as_str()))
            .map(|(i, category)| {
                (
                    format!("{}/data_categories/{i}", a.path),
                    format!(
                        "'{}'",
                        crate::model::text::mention(&category.name, category.id.as_str())
                    ),
                )
            })
            .collect();
        report_once(
            ctx,
            &DATA_CATEGORY_WITHOUT_RETENTION,
            &uncovered,
            &format!("{}/data_categories", a.path),
            |name| format!("No retention rule covers {name}."),
            |list| {
                format!(
                    "No retention rule covers {} data categories of '{}': {list}.",
                    uncovered.len(),
                    a.name()
                )
            },
        );
    }
}

/// Each period of each rule: kept indefinitely, or kept until a date that has passed while the
/// activity goes on.
fn check_periods(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    let activity = a.activity;
    let active = match activity.status {
        Some(status) => status == ActivityStatus::Active,
        None => activity.end_date.is_none_or(|end| end >= ctx.as_of),
    };
    for (i, rule) in activity.retention.iter().enumerate() {
        let path = || format!("{}/retention/{i}/retention", a.path);
        if rule.retention.indefinite {
            indefinite(ctx, &rule.retention, path());
        }
        for (j, stage) in rule.stages.iter().enumerate() {
            indefinite(
                ctx,
                &stage.retention,
                format!("{}/retention/{i}/stages/{j}/retention", a.path),
            );
        }
        for (j, exception) in rule.exceptions.iter().enumerate() {
            indefinite(
                ctx,
                &exception.retention,
                format!("{}/retention/{i}/exceptions/{j}/retention", a.path),
            );
        }
        if let Some(until) = rule.retention.until
            && active
            && until < ctx.as_of
        {
            ctx.report(&RETENTION_PERIOD_ELAPSED, format!("{}/until", path()), format!("The data was to be kept until {until}, which has passed while '{}' is still active; dispose of it or update the rule.", a.name()));
        }
    }
}
