//! A finding as one row of `ropa validate --format json`: the file it was found in, the cell of a
//! spreadsheet, the place as a policy names it, then the finding's own fields. Public so that
//! every front end (the command line, the page in the browser) writes the same bytes.

use serde::Serialize;

use super::Finding;

/// One element of the JSON array `ropa validate --format json` prints.
///
/// # Examples
///
/// ```
/// let register = ropa::from_path("examples/data/kent-parent-carer-panel.json")?;
/// let findings = ropa::validate(&register, &ropa::ValidationOptions::default()).findings;
/// let rows = ropa::validate::FindingRow::rows("kent.json", &register, findings, |_| None);
/// let json = serde_json::to_string(&rows)?;
/// assert!(rows.iter().all(|row| row.file == "kent.json" && row.place.is_some()));
/// assert!(json.starts_with('['));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Serialize)]
pub struct FindingRow {
    /// The file, as it was named.
    pub file: String,
    /// For a spreadsheet, the cell the finding is about (`Template!L12`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
    /// The finding's place as a policy's suppression names it (ids for list positions).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The finding itself, its fields after the three above.
    #[serde(flatten)]
    pub finding: Finding,
}

impl FindingRow {
    /// The rows of one file's findings, each with its place (computed in one pass over the
    /// register) and the cell of a spreadsheet it came from, which `cell_of` gives for a pointer
    /// (`|_| None` for JSON).
    pub fn rows(
        file: &str,
        register: &crate::model::Register,
        findings: Vec<Finding>,
        cell_of: impl Fn(&str) -> Option<String>,
    ) -> Vec<FindingRow> {
        let places = super::places(register, &findings);
        findings
            .into_iter()
            .zip(places)
            .map(|(finding, place)| FindingRow {
                file: file.to_owned(),
                cell: cell_of(&finding.path),
                place: Some(place),
                finding,
            })
            .collect()
    }

    /// The row of a file that could not be read: its `parse-error` finding, with no place.
    pub fn unreadable(file: &str, finding: Finding) -> FindingRow {
        FindingRow {
            file: file.to_owned(),
            cell: None,
            place: None,
            finding,
        }
    }
}
