//! Retention (Art 5(1)(e), 30(1)(f)) and security measures (Art 30(1)(g), 32).

use super::once::report_once;
use super::{ActivityContext, Context, Rule, Severity, id_membership};
use crate::model::{ActivityStatus, RetentionPeriod, RetentionRule};

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

/// Fires on indefinite retention, or a period longer than any person's life (over 150 years, such
/// as `P9999Y`), which is indefinite in effect. A warning without a review interval (or with a
/// zero one): the record then holds no evidence that data is kept no longer than necessary
/// (Art 5(1)(e)), but keeping data indefinitely can be lawful (archiving in the public interest,
/// Art 89) on facts the record does not hold, so it does not show a breach. Info with a review.
pub const INDEFINITE_RETENTION: Rule = Rule {
    id: "indefinite-retention",
    severity: Severity::Warning,
    citation: "Art 5(1)(e)",
    summary: "Indefinite retention, or a period beyond any lifetime (warning without a review interval, info with one).",
};

/// Longer than any person's life: a period beyond it keeps the data indefinitely in effect.
const LIFETIME_YEARS: u32 = 150;

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
    let beyond_lifetime = retention
        .period
        .filter(|p| p.exceeds_years(LIFETIME_YEARS))
        .filter(|_| retention.until.is_none());
    // Kept until the body that set a legal hold lifts it: the end is that body's decision.
    if let Some(hold) = retention
        .legal_hold
        .as_ref()
        .filter(|h| holder_named(ctx, h))
        && (retention.indefinite || beyond_lifetime.is_some())
    {
        let who = match (&hold.set_by, &hold.party) {
            (Some(words), _) if crate::model::text::is_stated(Some(words)) => {
                crate::model::text::mention(words, "").into_owned()
            }
            (_, Some(party)) => ctx.party_name(party).into_owned(),
            _ => String::new(),
        };
        ctx.report_as(
            &INDEFINITE_RETENTION,
            Severity::Info,
            path,
            format!("Data is kept under a legal hold set by {who}, until it is lifted."),
        );
        return;
    }
    let kept = match (retention.indefinite, beyond_lifetime) {
        (true, _) => "Data is kept indefinitely".to_owned(),
        (false, Some(period)) => format!(
            "Data is kept for {period}, longer than any person's life: indefinitely in effect"
        ),
        (false, None) => return,
    };
    // A zero interval reviews nothing.
    match retention.review_interval.filter(|i| !i.is_zero()) {
        None => ctx.report(&INDEFINITE_RETENTION, path, format!("{kept}, with no review; set a period, or a review interval at which the need to keep it is checked.")),
        Some(interval) => ctx.report_as(&INDEFINITE_RETENTION, Severity::Info, path, format!("{kept}, reviewed every {} ({interval}).", interval.in_words())),
    }
}

/// Whether a legal hold names who set it, other than the organisation: only then is its lifting
/// someone else's decision.
fn holder_named(ctx: &Context<'_>, hold: &crate::model::LegalHold) -> bool {
    match &hold.party {
        Some(party) => !super::hidden::is_the_organisation(ctx, party),
        None => crate::model::text::is_stated(hold.set_by.as_deref()),
    }
}

/// Whether a retention says when the data goes: a period, a date, the event until which it is
/// kept, that it is kept indefinitely (judged by `indefinite-retention`) or not at all, or who
/// else decides. Events that only end it earlier (`or_earlier_at`) set no end of their own, and a
/// decision "by" no one, or by the organisation itself, is no statement of who else decides.
fn ends(ctx: &Context<'_>, p: &RetentionPeriod) -> bool {
    p.period.is_some()
        || p.until.is_some()
        || p.indefinite
        || p.not_retained
        || p.trigger.is_some()
        || p.legal_hold.as_ref().is_some_and(|h| holder_named(ctx, h))
        || p.decided_by.as_ref().is_some_and(|d| match &d.party {
            Some(party) => !super::hidden::is_the_organisation(ctx, party),
            None => crate::model::text::is_stated(d.description.as_deref()),
        })
}

/// Whether a rule says when the data goes: its own retention, or a stage that ends it (deletes,
/// destroys or anonymises). A stage that only marks data inactive or restricts it, an exception
/// (which applies only under its condition) and a policy the rule points to set no end for it.
fn rule_ends(ctx: &Context<'_>, rule: &RetentionRule) -> bool {
    use crate::model::DisposalAction as D;
    ends(ctx, &rule.retention)
        || rule.stages.iter().any(|s| {
            ends(ctx, &s.retention)
                && s.actions
                    .iter()
                    .any(|a| matches!(a, D::Delete | D::Destroy | D::Anonymise))
        })
}

pub(super) fn check_activity(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    let activity = a.activity;
    if activity.security_measures.is_empty() && ctx.register.security_measures.is_empty() {
        // A processor's record asks for them under Art 30(2)(d).
        let citation = if a.is_controller() {
            MISSING_SECURITY_MEASURES.citation
        } else {
            "Art 30(2)(d)"
        };
        ctx.report_cited(
            &MISSING_SECURITY_MEASURES,
            MISSING_SECURITY_MEASURES.severity,
            citation,
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
    let stated = activity.retention.iter().any(|r| rule_ends(ctx, r));
    if !stated {
        let policy = activity.retention.iter().find_map(|r| r.policy.as_ref());
        let message = match policy {
            Some(policy) => format!(
                "'{}' states no retention period, only the policy '{}'; record in the register how long the data is kept under it, or the criteria used to decide.",
                a.name(),
                crate::model::text::bounded_id(policy.as_str())
            ),
            None => format!(
                "'{}' states no retention period; record how long the data is kept, or the criteria used to decide.",
                a.name()
            ),
        };
        ctx.report(&MISSING_RETENTION, a.path.clone(), message);
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
        indefinite(ctx, &rule.retention, path());
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
