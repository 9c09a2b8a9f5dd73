//! The retention schedule.

use std::io;

use chrono::NaiveDate;

use super::ReportOptions;
use super::sink::Sink;
use super::text::*;
use crate::model::labels::capital;
use crate::model::*;

/// What a rule's later rows say of the data it covers: that of the row above.
const AS_ABOVE: &str = "As above";

/// The date a rule's trigger happened, where the register knows it.
fn trigger_date(period: &RetentionPeriod, activity: &ProcessingActivity) -> Option<NaiveDate> {
    match period.trigger {
        Some(RetentionTrigger::EndOfActivity) => activity.end_date,
        _ => None,
    }
}

/// The erasure date (or, where each record has its own, what happens to it and when) and the
/// state, for one row; `disposal` is what the row does to the data, e.g. "deleted".
fn status(
    period: &RetentionPeriod,
    (activity, register, index): (&ProcessingActivity, &Register, &RegisterIndex<'_>),
    disposal: Option<String>,
    as_of: NaiveDate,
) -> (String, String) {
    // Kept until another body lifts its hold: no date the register can compute.
    let held_only = period.period.is_none() && period.until.is_none() && period.trigger.is_none();
    if period.legal_hold.is_some() && (period.indefinite || held_only) {
        return (
            "When the legal hold is lifted".to_owned(),
            "Legal hold".to_owned(),
        );
    }
    if period.indefinite {
        let due = period
            .review_interval
            .and_then(|interval| register.last_reviewed.and_then(|last| interval.after(last)));
        return match (period.review_interval, due) {
            (None, _) => (
                "None: kept indefinitely".to_owned(),
                "No review set".to_owned(),
            ),
            (Some(_), Some(due)) if due < as_of => {
                (format!("Review due {due}"), "REVIEW DUE".to_owned())
            }
            (Some(_), Some(due)) => (format!("Review due {due}"), "Review scheduled".to_owned()),
            (Some(_), None) => (
                "Review date unknown (no last review date)".to_owned(),
                "Review interval set".to_owned(),
            ),
        };
    }
    if period.not_retained {
        return ("None: not stored".to_owned(), "Not stored".to_owned());
    }

    match period.erasure_due(trigger_date(period, activity)) {
        Some(due) if due < as_of => (due.to_string(), "OVERDUE".to_owned()),
        Some(due) => (due.to_string(), "Not yet due".to_owned()),
        None if period.period.is_none() && period.decided_by.is_some() => (
            "Set by another party".to_owned(),
            "Decided elsewhere".to_owned(),
        ),
        // Each record has its own trigger date: say what happens to it, in words a records
        // manager applies ("Deleted 3 years after the last contact, record by record").
        None if period.is_stated() => (
            capital(&format!(
                "{} {}, record by record",
                disposal.unwrap_or_else(|| "disposed of".to_owned()),
                retention_period_in(period, index)
            )),
            "Due record by record".to_owned(),
        ),
        None => (NOT_STATED.to_owned(), "No retention stated".to_owned()),
    }
}

pub(crate) fn render(
    register: &Register,
    options: &ReportOptions,
    sink: &mut dyn Sink,
) -> io::Result<()> {
    let as_of = options.date();
    sink.begin(&format!(
        "Retention schedule: {}",
        super::organisation_name(register)
    ))?;
    sink.paragraph(&format!(
        "Every retention rule of every activity, with its trigger, period, condition and disposal. Erasure dates are computed as of {as_of} where the trigger date is known (a fixed end date, or the end of an activity with an end date); OVERDUE marks data that should already have been disposed of, REVIEW DUE indefinite retention whose review has passed, NO RULE COVERS THIS DATA a data category that no rule names."
    ))?;
    let headers = &[
        "Applies to",
        "Retention",
        "Trigger",
        "Condition",
        "Disposal",
        "Erasure or review due",
        "Status",
        "Policy and notes",
    ];
    let index = register.index();
    let schedule = Schedule {
        register,
        index: &index,
        as_of,
    };
    for a in &register.activities {
        // Each row is written as it is made, so that a rule with thousands of categories and
        // exceptions streams; a rule's later rows say "as above" rather than repeating what it
        // covers, so that the output stays linear in the rule's size.
        sink.heading(2, &a.name)?;
        sink.table_start(&format!("Retention of \u{2018}{}\u{2019}", a.name), headers)?;
        let names = CategoryNames::new(a).with_shared(&index);
        if a.retention.is_empty() {
            sink.table_row(&[
                one("All data"),
                one(NOT_STATED),
                one(NOT_STATED),
                one(""),
                one(NOT_STATED),
                one(NOT_STATED),
                one("No retention stated"),
                one(""),
            ])?;
        }
        for rule in &a.retention {
            schedule.rule_rows(sink, a, rule, &names)?;
        }
        uncovered_rows(sink, a)?;
        sink.table_end()?;
    }
    sink.end()
}

/// What every row of the schedule reads besides the rule.
struct Schedule<'r> {
    register: &'r Register,
    index: &'r RegisterIndex<'r>,
    as_of: chrono::NaiveDate,
}

impl Schedule<'_> {
    /// One rule's rows: its stages, the rule itself, then its exceptions.
    fn rule_rows(
        &self,
        sink: &mut dyn Sink,
        a: &ProcessingActivity,
        rule: &RetentionRule,
        names: &CategoryNames<'_>,
    ) -> io::Result<()> {
        let (register, index, as_of) = (self.register, self.index, self.as_of);
        // The rule's first row says what it covers; its later rows say "as above".
        let mut first = Some(format!("{}{}", covered(rule, names), holder(index, rule)));
        let mut covers = || first.take().unwrap_or_else(|| AS_ABOVE.to_owned());
        // Staged actions before the end (e.g. restrict, then delete), each a row.
        for stage in &rule.stages {
            let (due, state) = status(
                &stage.retention,
                (a, register, index),
                disposal(&stage.actions),
                as_of,
            );
            sink.table_row(&[
                one(covers()),
                one(retention_period_in(&stage.retention, index)),
                one(trigger(&stage.retention).unwrap_or_else(|| NOT_STATED.to_owned())),
                one("Step before the end"),
                one(capital(&actions(&stage.actions))),
                one(due),
                one(state),
                one(""),
            ])?;
        }
        let (due, state) = status(
            &rule.retention,
            (a, register, index),
            disposal(&rule.disposal),
            as_of,
        );
        let mut applies_to = vec![covers()];
        if let Some(wording) = &rule.wording {
            applies_to.push(format!(
                "In the register's words: \u{201c}{wording}\u{201d}"
            ));
        }
        let mut notes = Vec::new();
        if let Some(policy) = &rule.policy {
            notes.push(format!("Policy: {}", document(index, policy)));
        }
        if let Some(note) = &rule.note {
            notes.push(format!("Note: {note}"));
        }
        sink.table_row(&[
            applies_to,
            one(format!(
                "{}{}",
                retention_period_in(&rule.retention, index),
                retention_grounds(rule)
            )),
            one(trigger(&rule.retention).unwrap_or_else(|| NOT_STATED.to_owned())),
            one("Always"),
            one(disposal(&rule.disposal).map_or_else(|| NOT_STATED.to_owned(), |d| capital(&d))),
            one(due),
            one(state),
            notes,
        ])?;
        self.exception_rows(sink, a, rule)
    }

    /// A rule's exceptions, a row each, under the rule ("as above").
    fn exception_rows(
        &self,
        sink: &mut dyn Sink,
        a: &ProcessingActivity,
        rule: &RetentionRule,
    ) -> io::Result<()> {
        let (register, index, as_of) = (self.register, self.index, self.as_of);
        for exception in &rule.exceptions {
            let (due, state) = status(
                &exception.retention,
                (a, register, index),
                disposal(&exception.disposal),
                as_of,
            );
            sink.table_row(&[
                one(AS_ABOVE),
                one(retention_period_in(&exception.retention, index)),
                one(trigger(&exception.retention).unwrap_or_else(|| NOT_STATED.to_owned())),
                one(exception.condition.clone()),
                // The exception's own disposal: the rule's is not lent to it.
                one(disposal(&exception.disposal).map_or_else(
                    || "Not stated for the exception".to_owned(),
                    |d| capital(&d),
                )),
                one(due),
                one(state),
                one(""),
            ])?;
        }
        Ok(())
    }
}

/// Where every rule names its data categories, those that no rule names have no retention:
/// listed, so that the schedule shows all the data and not only the rules.
fn uncovered_rows(sink: &mut dyn Sink, a: &ProcessingActivity) -> io::Result<()> {
    if !a.retention.is_empty() && a.retention.iter().all(|r| !r.data_categories.is_empty()) {
        let covered: std::collections::HashSet<&DataCategoryId> = a
            .retention
            .iter()
            .flat_map(|r| &r.data_categories)
            .collect();
        for c in a
            .data_categories
            .iter()
            .filter(|c| !covered.contains(&c.id))
        {
            sink.table_row(&[
                one(c.name.clone()),
                one(NOT_STATED),
                one(NOT_STATED),
                one(""),
                one(NOT_STATED),
                one(NOT_STATED),
                one("NO RULE COVERS THIS DATA"),
                one(""),
            ])?;
        }
    }
    Ok(())
}
