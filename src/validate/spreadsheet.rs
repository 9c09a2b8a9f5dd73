//! Findings about a register read from a spreadsheet (feature `spreadsheet`): the cells the import
//! kept as notes rather than read, and the values the organisation marked as still to be
//! confirmed. [`validate()`](super::validate) never reports these (it takes a register);
//! `spreadsheet_findings` (feature `spreadsheet`) does, from what the import says.

#[cfg(feature = "spreadsheet")]
use super::{Finding, ValidationOptions};
use super::{Rule, Severity};
#[cfg(feature = "spreadsheet")]
use crate::io::sheet::{Imported, UnreadReason};

/// Fires for each cell, or part of one, of a spreadsheet that the import kept word for word in
/// the activity's notes because no recogniser reads it: a reviewer should read it and record it
/// as a typed fact, since no rule can check a note.
pub const SPREADSHEET_CELL_NOT_READ: Rule = Rule {
    id: "spreadsheet-cell-not-read",
    severity: Severity::Info,
    citation: "Art 30(1)",
    summary: "A spreadsheet cell kept as a note because its words could not be read as a fact.",
};

/// Fires for each spreadsheet cell that says its value is still to be confirmed ("TBC"): the
/// organisation knows the record lacks it. The field stays empty, so the rule that needs it
/// reports the gap too.
pub const SPREADSHEET_VALUE_TO_BE_CONFIRMED: Rule = Rule {
    id: "spreadsheet-value-to-be-confirmed",
    severity: Severity::Warning,
    citation: "Art 30(1)",
    summary: "A spreadsheet cell says its value is still to be confirmed.",
};

/// The findings of an import, one for each cell it kept as a note or found marked "TBC", at the
/// pointer of the note (columns of the organisation's own are kept as notes too, and are not
/// findings: nothing in them was asked for).
///
/// # Examples
///
/// ```
/// let csv = "Business function,Purpose of processing,Categories of individuals,\
///            Categories of personal data,Article 6 lawful basis for processing personal data,\
///            Retention schedule\nHR,Payroll,Staff,Name,Legal obligation,TBC\n";
/// let imported = ropa::sheet::import_bytes(csv.as_bytes().to_vec(), "hr.csv")?;
/// let findings = ropa::validate::spreadsheet_findings(&imported, &ropa::ValidationOptions::default());
/// assert_eq!(findings[0].rule, "spreadsheet-value-to-be-confirmed");
/// assert!(findings[0].message.starts_with("hr!F2"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg(feature = "spreadsheet")]
#[cfg_attr(docsrs, doc(cfg(feature = "spreadsheet")))]
pub fn spreadsheet_findings(imported: &Imported, options: &ValidationOptions) -> Vec<Finding> {
    let regime = imported.register.regime.unwrap_or(options.regime);
    imported
        .unread
        .iter()
        .filter_map(|unread| {
            let (rule, message) = match unread.reason {
                UnreadReason::ToBeConfirmed => (
                    &SPREADSHEET_VALUE_TO_BE_CONFIRMED,
                    format!(
                        "{} ({}) is marked '{}': the record does not hold it yet; record it.",
                        unread.cell, unread.heading, unread.text
                    ),
                ),
                UnreadReason::NotRecognised => (
                    &SPREADSHEET_CELL_NOT_READ,
                    format!(
                        "{} ({}) could not be read as a fact and is kept as a note: '{}'; record it in the field it belongs to.",
                        unread.cell, unread.heading, unread.text
                    ),
                ),
                _ => return None,
            };
            (rule.severity >= options.min_severity).then(|| Finding {
                rule: rule.id,
                severity: rule.severity,
                path: unread.pointer.clone(),
                message,
                citation: format!("{} {}", regime.label(), rule.citation),
                policy: None,
                action: None,
            })
        })
        .collect()
}
