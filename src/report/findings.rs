//! The validation report, grouped by severity and by activity.

use std::io::{self, Write};

use super::ReportOptions;
use super::place::{Parties, parties, place};
use super::sink::{Cell, RULE, Sink};
use super::transfers::locate;
use crate::model::*;
use crate::validate::{Finding, Severity, validate};

pub(crate) fn json(
    register: &Register,
    options: &ReportOptions,
    out: &mut impl Write,
) -> io::Result<()> {
    let report = validate(register, &options.validation);
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}

pub(crate) fn render(
    register: &Register,
    options: &ReportOptions,
    sink: &mut dyn Sink,
) -> io::Result<()> {
    let report = validate(register, &options.validation);
    // The register as JSON, once, to name the place each pointer points at.
    let root = serde_json::to_value(register).unwrap_or_default();
    let parties = parties(&root);
    sink.begin(&format!("Findings: {}", super::organisation_name(register)))?;
    let accepted: Vec<&Finding> = report.suppressed().collect();
    let accepted_note = if accepted.is_empty() {
        String::new()
    } else {
        format!(
            " {} more accepted by the organisation's policy (listed last).",
            accepted.len()
        )
    };
    sink.paragraph(&format!(
        "Validation as of {}: {} errors, {} warnings, {} for information.{accepted_note}",
        options.date(),
        report.count(Severity::Error),
        report.count(Severity::Warning),
        report.count(Severity::Info)
    ))?;
    // The action list's columns, where the policy gives any finding an action.
    let actions = report
        .findings
        .iter()
        .any(|f| f.action.is_some())
        .then(|| options.date());
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        let findings: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| f.severity == severity && !f.is_suppressed())
            .collect();
        let places = (&root, &parties);
        severity_section(sink, register, places, (severity, actions), &findings)?;
    }
    if !accepted.is_empty() {
        accepted_section(sink, (&root, &parties), &accepted)?;
    }
    sink.end()
}

/// The findings the organisation's policy accepts: never hidden, each with the decision.
fn accepted_section(
    sink: &mut dyn Sink,
    (root, parties): (&serde_json::Value, &Parties<'_>),
    findings: &[&Finding],
) -> io::Result<()> {
    sink.heading(
        2,
        &format!("Accepted by the organisation's policy ({})", findings.len()),
    )?;
    sink.paragraph(
        "These findings stand; the organisation records why it accepts them, who answers for \
         that, and until when. They do not count toward the totals above.",
    )?;
    let rows: Vec<Vec<Cell>> = findings
        .iter()
        .map(|f| {
            let note = f.policy.as_ref();
            let mut decision = vec![note.map(|n| n.reason.clone()).unwrap_or_default()];
            if let Some(owner) = note.and_then(|n| n.owner.as_ref()) {
                decision.push(format!("Owner: {owner}"));
            }
            if let Some(expires) = note.and_then(|n| n.expires) {
                decision.push(format!("Counts again from {expires}"));
            }
            vec![
                vec![f.rule.to_owned(), format!("({})", f.severity)],
                vec![
                    place(root, parties, &f.path),
                    format!("Pointer: {}", f.display_path()),
                ],
                vec![f.message.clone()],
                vec![f.citation.clone()],
                decision,
            ]
        })
        .collect();
    sink.table(
        "Accepted findings",
        &[RULE, "Where", "Finding", "Citation", "Decision"],
        &rows,
    )
}

/// The action list's cells of a finding: owner, due date and status, OVERDUE where the date has
/// passed and the work is not done; empty where the policy gives it no action.
fn action_cells(f: &Finding, as_of: chrono::NaiveDate) -> [Cell; 3] {
    let Some(action) = &f.action else {
        return [vec![], vec![], vec![]];
    };
    let overdue = action.due.is_some_and(|due| due < as_of)
        && action.status != crate::validate::ActionStatus::Done;
    let status = match action.status {
        crate::validate::ActionStatus::InProgress => "In progress",
        crate::validate::ActionStatus::Done => "Done",
        _ => "Open",
    };
    [
        action.owner.iter().cloned().collect(),
        action.due.iter().map(ToString::to_string).collect(),
        vec![if overdue {
            format!("{status}, OVERDUE")
        } else {
            status.to_owned()
        }],
    ]
}

/// The finding's message, and the policy's change to its severity where it made one.
fn message_with_policy(f: &Finding) -> Cell {
    let mut cell = vec![f.message.clone()];
    if let Some(note) = &f.policy
        && let Some(was) = note.rule_severity
    {
        cell.push(format!(
            "Severity set by the organisation's policy (the rule says {was}): {}",
            note.reason
        ));
    }
    cell
}

/// The findings of one severity, grouped by the activity they are about (findings come in
/// register order, so each activity's are together).
fn severity_section(
    sink: &mut dyn Sink,
    register: &Register,
    (root, parties): (&serde_json::Value, &Parties<'_>),
    (severity, actions): (Severity, Option<chrono::NaiveDate>),
    findings: &[&Finding],
) -> io::Result<()> {
    sink.heading(
        2,
        &format!(
            "{} ({})",
            match severity {
                Severity::Error => "Errors",
                Severity::Warning => "Warnings",
                _ => "Information",
            },
            findings.len()
        ),
    )?;
    if findings.is_empty() {
        return sink.paragraph("None.");
    }
    let mut group: Option<Option<usize>> = None;
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let flush = |sink: &mut dyn Sink,
                 group: Option<Option<usize>>,
                 rows: &mut Vec<Vec<Cell>>|
     -> io::Result<()> {
        if let Some(activity) = group {
            let title = match activity.and_then(|a| register.activities.get(a)) {
                Some(a) => format!("Activity: {}", a.name),
                None => "The register".to_owned(),
            };
            sink.heading(3, &title)?;
            let mut headers = vec![RULE, "Where", "Finding", "Citation"];
            if actions.is_some() {
                headers.extend(["Owner", "Due", "Status"]);
            }
            sink.table(&format!("{} ({})", title, severity), &headers, rows)?;
            rows.clear();
        }
        Ok(())
    };
    // Findings come in register order, so each activity's are together.
    for f in findings.iter().copied() {
        let activity = locate(&f.path).map(|(a, _, _)| a);
        if group != Some(activity) {
            flush(sink, group, &mut rows)?;
            group = Some(activity);
        }
        // The place in words for people, the pointer for machines.
        let mut row = vec![
            vec![f.rule.to_owned()],
            vec![
                place(root, parties, &f.path),
                format!("Pointer: {}", f.display_path()),
            ],
            message_with_policy(f),
            vec![f.citation.clone()],
        ];
        if let Some(as_of) = actions {
            row.extend(action_cells(f, as_of));
        }
        rows.push(row);
    }
    flush(sink, group, &mut rows)?;
    Ok(())
}
