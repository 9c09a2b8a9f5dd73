//! International transfers and the findings about them.

use std::collections::HashMap;
use std::io;

use super::ReportOptions;
use super::record::destination_in_words;
use super::sink::{Cell, Sink};
use super::text::*;
use crate::model::labels::{Label, capital};
use crate::model::*;
use crate::validate::{Finding, validate};

/// Splits a finding's path into (activity, collection, position) where it points into one.
pub(crate) fn locate(path: &str) -> Option<(usize, &str, Option<usize>)> {
    let mut parts = path.strip_prefix("/activities/")?.split('/');
    let activity = parts.next()?.parse().ok()?;
    let collection = parts.next().unwrap_or("");
    let position = parts.next().and_then(|p| p.parse().ok());
    Some((activity, collection, position))
}

pub(crate) fn render(
    register: &Register,
    options: &ReportOptions,
    sink: &mut dyn Sink,
) -> io::Result<()> {
    let index = register.index();
    let report = validate(register, &options.validation);
    let table = TransferTable {
        index: &index,
        about: findings_by_place(&report.findings),
        recipient_positions: recipient_positions(register),
        law: (
            crate::validate::applicable_regime(register, options.validation.regime, options.date()),
            options.date(),
        ),
    };
    sink.begin(&format!(
        "International transfers: {}",
        super::organisation_name(register)
    ))?;
    sink.paragraph(&format!("Every transfer to a third country or international organisation, or by publication worldwide, as of {}, with what validation finds about it.", options.date()))?;
    let headers = &[
        "Activity",
        "Destination",
        "Recipient",
        "Mechanism",
        "Documentation",
        "Risk assessment",
        "Frequency",
        "Data and description",
        "Findings",
    ];
    let mut any = false;
    for (ai, a) in register.activities.iter().enumerate() {
        let names = CategoryNames::new(a).with_shared(&index);
        let rows: Vec<Vec<Cell>> = (a.transfers.iter().enumerate())
            .map(|(ti, t)| table.row(ai, a, ti, t, &names))
            .collect();
        if !rows.is_empty() {
            any = true;
            sink.table(
                &format!("Transfers of \u{2018}{}\u{2019}", a.name),
                headers,
                &rows,
            )?;
        }
    }
    if !any {
        sink.paragraph("The register records no international transfer.")?;
    }
    recipients_abroad(sink, register, &report.findings)?;
    sink.end()
}

/// Each finding about a transfer or a recipient, by (activity, collection, position), in words.
fn findings_by_place(findings: &[Finding]) -> HashMap<(usize, &str, usize), Vec<String>> {
    let mut about: HashMap<(usize, &str, usize), Vec<String>> = HashMap::new();
    for f in findings {
        if let Some((a, collection @ ("transfers" | "recipients"), Some(i))) = locate(&f.path) {
            about.entry((a, collection, i)).or_default().push(format!(
                "{} {}: {} ({})",
                f.severity, f.rule, f.message, f.citation
            ));
        }
    }
    about
}

/// Each activity's recipients by id, built once, so that many transfers naming many recipients
/// are matched in linear time.
fn recipient_positions(register: &Register) -> HashMap<(usize, &RecipientId), usize> {
    let mut recipient_positions: HashMap<(usize, &RecipientId), usize> = HashMap::new();
    for (ai, a) in register.activities.iter().enumerate() {
        for (ri, r) in a.recipients.iter().enumerate() {
            recipient_positions.entry((ai, &r.id)).or_insert(ri);
        }
    }
    recipient_positions
}

/// What every row of the transfers table reads besides the transfer.
struct TransferTable<'r> {
    index: &'r RegisterIndex<'r>,
    about: HashMap<(usize, &'r str, usize), Vec<String>>,
    recipient_positions: HashMap<(usize, &'r RecipientId), usize>,
    /// The regime and date the mechanisms are cited for.
    law: Law,
}

impl TransferTable<'_> {
    /// One transfer's row, with the findings about it and about its recipient.
    fn row(
        &self,
        ai: usize,
        a: &ProcessingActivity,
        ti: usize,
        t: &Transfer,
        names: &CategoryNames<'_>,
    ) -> Vec<Cell> {
        let (index, about, recipient_positions) =
            (self.index, &self.about, &self.recipient_positions);
        let found = t.recipient.as_ref().map(|id| (id, names.recipient(id)));
        let recipient_text = match found {
            Some((_, Some(r))) => recipient(index, r, names),
            Some((id, None)) => format!("{id} (not in the activity's recipients)"),
            None => NOT_STATED.to_owned(),
        };
        let mut findings = about
            .get(&(ai, "transfers", ti))
            .cloned()
            .unwrap_or_default();
        if let Some(ri) = t
            .recipient
            .as_ref()
            .and_then(|id| recipient_positions.get(&(ai, id)).copied())
        {
            findings.extend(
                about
                    .get(&(ai, "recipients", ri))
                    .cloned()
                    .unwrap_or_default(),
            );
        }
        let mut data = Vec::new();
        if !t.data_categories.is_empty() {
            data.push(format!("Data: {}", names.names(&t.data_categories)));
        }
        if let Some(description) = &t.description {
            data.push(description.clone());
        }
        vec![
            one(a.name.clone()),
            one(destination_in_words(index, t, names)),
            one(recipient_text),
            one(mechanism(t, self.law)),
            one(t
                .documentation
                .as_ref()
                .map(|d| document(index, d))
                .unwrap_or_else(|| NOT_STATED.to_owned())),
            one(t
                .risk_assessment
                .as_ref()
                .map(|d| document(index, d))
                .unwrap_or_else(|| NOT_STATED.to_owned())),
            one(t
                .frequency
                .map(|f| capital(f.label()))
                .unwrap_or_else(|| NOT_STATED.to_owned())),
            join_or_not_stated(data),
            join_or(findings, "None"),
        ]
    }
}

/// The recipients abroad that no transfer names.
fn recipients_abroad(
    sink: &mut dyn Sink,
    register: &Register,
    findings: &[Finding],
) -> io::Result<()> {
    let abroad: Vec<String> = findings
        .iter()
        .filter(|f| f.rule == "recipient-outside-without-transfer")
        .map(|f| {
            format!(
                "{}: {}",
                locate(&f.path)
                    .and_then(|(a, _, _)| register.activities.get(a))
                    .map(|a| a.name.as_str())
                    .unwrap_or(""),
                f.message
            )
        })
        .collect();
    if !abroad.is_empty() {
        sink.heading(2, "Recipients abroad with no transfer recorded")?;
        sink.list(&abroad)?;
    }
    Ok(())
}
