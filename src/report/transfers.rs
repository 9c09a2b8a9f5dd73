//! International transfers and the findings about them.

use std::collections::HashMap;
use std::io;

use super::ReportOptions;
use super::sink::Sink;
use super::text::*;
use crate::*;

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
    let mut about: HashMap<(usize, &str, usize), Vec<String>> = HashMap::new();
    for f in &report.findings {
        if let Some((a, collection @ ("transfers" | "recipients"), Some(i))) = locate(&f.path) {
            about.entry((a, collection, i)).or_default().push(format!(
                "{} {}: {} ({})",
                f.severity, f.rule, f.message, f.citation
            ));
        }
    }
    sink.begin(&format!(
        "International transfers: {}",
        super::organisation_name(register)
    ))?;
    sink.paragraph(&format!("Every transfer to a third country or international organisation, or by publication worldwide, as of {}, with what validation finds about it.", options.date()))?;
    let headers = [
        "Activity",
        "Destination",
        "Recipient",
        "Mechanism",
        "Documentation",
        "Risk assessment",
        "Frequency",
        "Findings",
    ];
    let mut any = false;
    let shared_at = first_positions(register.recipients.iter().map(|r| r.id.as_str()));
    for (ai, a) in register.activities.iter().enumerate() {
        let mut rows = Vec::new();
        let recipient_at = first_positions(a.recipients.iter().map(|r| r.id.as_str()));
        for (ti, t) in a.transfers.iter().enumerate() {
            let position = t
                .recipient
                .as_ref()
                .and_then(|id| recipient_at(id.as_str()));
            // The activity's own recipients first, then the register-wide ones.
            let shared = match (&t.recipient, position) {
                (Some(id), None) => shared_at(id.as_str()),
                _ => None,
            };
            let recipient_text = match (&t.recipient, position, shared) {
                (Some(_), Some(ri), _) => recipient(&index, &a.recipients[ri]),
                (Some(_), None, Some(ri)) => recipient(&index, &register.recipients[ri]),
                (Some(id), None, None) => format!("{id} (not in the activity's recipients)"),
                (None, _, _) => NOT_STATED.to_owned(),
            };
            let mut findings = about
                .get(&(ai, "transfers", ti))
                .cloned()
                .unwrap_or_default();
            if let Some(ri) = position {
                findings.extend(
                    about
                        .get(&(ai, "recipients", ri))
                        .cloned()
                        .unwrap_or_default(),
                );
            }
            rows.push(vec![
                a.name.clone(),
                destination(t),
                recipient_text,
                mechanism(t),
                t.documentation
                    .as_ref()
                    .map(|d| document(&index, d))
                    .unwrap_or_else(|| NOT_STATED.to_owned()),
                t.risk_assessment
                    .as_ref()
                    .map(|d| document(&index, d))
                    .unwrap_or_else(|| NOT_STATED.to_owned()),
                t.frequency
                    .map(|f| words(f.as_str()))
                    .unwrap_or_else(|| NOT_STATED.to_owned()),
                if findings.is_empty() {
                    "None".to_owned()
                } else {
                    findings.join("; ")
                },
            ]);
        }
        if !rows.is_empty() {
            any = true;
            sink.table(&headers, &rows)?;
        }
    }
    if !any {
        sink.paragraph("The register records no international transfer.")?;
    }
    let abroad: Vec<String> = report
        .findings
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
    sink.end()
}
