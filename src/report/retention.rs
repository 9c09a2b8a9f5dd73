//! The retention schedule.

use std::io;

use chrono::NaiveDate;

use super::ReportOptions;
use super::sink::Sink;
use super::text::*;
use crate::*;

/// What an exception's row says of the data it covers and its disposal: those of the rule in the
/// row above.
const AS_ABOVE: &str = "As above";

/// The date a rule's trigger happened, where the register knows it.
fn trigger_date(period: &RetentionPeriod, activity: &ProcessingActivity) -> Option<NaiveDate> {
    match period.trigger {
        Some(RetentionTrigger::EndOfActivity) => activity.end_date,
        _ => None,
    }
}

fn status(
    period: &RetentionPeriod,
    activity: &ProcessingActivity,
    register: &Register,
    as_of: NaiveDate,
) -> (String, String) {
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
        None if period.is_stated() => (
            "Depends on the trigger date".to_owned(),
            "Apply per record".to_owned(),
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
    let index = register.index();
    sink.begin(&format!(
        "Retention schedule: {}",
        super::organisation_name(register)
    ))?;
    sink.paragraph(&format!(
        "Every retention rule of every activity, with its trigger, period, condition and disposal. Erasure dates are computed as of {as_of} where the trigger date is known (a fixed end date, or the end of an activity with an end date); OVERDUE marks data that should already have been disposed of, REVIEW DUE indefinite retention whose review has passed."
    ))?;
    let headers = [
        "Applies to",
        "Retention",
        "Trigger",
        "Condition",
        "Disposal",
        "Erasure or review due",
        "Status",
    ];
    for a in &register.activities {
        // Each row is written as it is made, so a rule with thousands of categories and
        // exceptions streams; an exception's row says "as above" rather than repeating the
        // rule's categories and disposal, so the output stays linear in the rule's size.
        sink.heading(2, &a.name)?;
        sink.table_start(&headers)?;
        if a.retention.is_empty() {
            sink.table_row(&[
                "All data".to_owned(),
                NOT_STATED.to_owned(),
                NOT_STATED.to_owned(),
                String::new(),
                NOT_STATED.to_owned(),
                NOT_STATED.to_owned(),
                "No retention stated".to_owned(),
            ])?;
        }
        let names = CategoryNames::of(a);
        for rule in &a.retention {
            let disposal = if rule.disposal.is_empty() {
                NOT_STATED.to_owned()
            } else {
                rule.disposal
                    .iter()
                    .map(|d| words(d.as_str()))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let (due, state) = status(&rule.retention, a, register, as_of);
            let mut applies_to = format!("{}{}", covered(rule, &names), holder(&index, rule));
            if let Some(wording) = &rule.wording {
                applies_to.push_str(&format!(" (\"{wording}\")"));
            }
            // The rule's first row says what it covers; its later rows say "as above".
            let mut first = Some(applies_to);
            let mut covers = || first.take().unwrap_or_else(|| AS_ABOVE.to_owned());
            for stage in &rule.stages {
                let (due, state) = status(&stage.retention, a, register, as_of);
                sink.table_row(&[
                    covers(),
                    retention_period(&stage.retention),
                    trigger(&stage.retention).unwrap_or_else(|| NOT_STATED.to_owned()),
                    "Step before the end".to_owned(),
                    actions(&stage.actions),
                    due,
                    state,
                ])?;
            }
            sink.table_row(&[
                covers(),
                format!(
                    "{}{}",
                    retention_period(&rule.retention),
                    retention_grounds(rule)
                ),
                trigger(&rule.retention).unwrap_or_else(|| NOT_STATED.to_owned()),
                "Always".to_owned(),
                disposal,
                due,
                state,
            ])?;
            for exception in &rule.exceptions {
                let (due, state) = status(&exception.retention, a, register, as_of);
                sink.table_row(&[
                    AS_ABOVE.to_owned(),
                    retention_period(&exception.retention),
                    trigger(&exception.retention).unwrap_or_else(|| NOT_STATED.to_owned()),
                    exception.condition.clone(),
                    if exception.disposal.is_empty() {
                        AS_ABOVE.to_owned()
                    } else {
                        actions(&exception.disposal)
                    },
                    due,
                    state,
                ])?;
            }
        }
        sink.table_end()?;
    }
    sink.end()
}
