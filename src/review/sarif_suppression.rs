//! A finding the organisation's policy accepts, as SARIF records it (§3.27.23, `suppressions`),
//! so that code review tools show it as accepted rather than open.

use serde::Serialize;

use crate::validate::Finding;

#[derive(Debug, Serialize)]
pub(crate) struct Suppression {
    kind: &'static str,
    status: &'static str,
    justification: String,
}

/// The suppression of a finding the organisation's policy accepts; none otherwise.
pub(crate) fn suppressions(finding: &Finding) -> Vec<Suppression> {
    match &finding.policy {
        Some(note) if note.suppressed => {
            let mut justification = note.reason.clone();
            if let Some(owner) = &note.owner {
                justification.push_str(&format!(" (owner: {owner})"));
            }
            if let Some(expires) = note.expires {
                justification.push_str(&format!(" (until {expires})"));
            }
            vec![Suppression {
                kind: "external",
                status: "accepted",
                justification: crate::review::sarif_text::sarif_text(&justification),
            }]
        }
        _ => Vec::new(),
    }
}
