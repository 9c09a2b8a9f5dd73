//! A layout of one's own: a JSON file that says which heading of a sheet is which field, for the
//! many registers that are not the ICO's template.
//!
//! ```json
//! {
//!   "sheet": "ROPA",
//!   "heading_row": 3,
//!   "columns": {
//!     "Activity": "activity_name",
//!     "Why we do it": "purpose",
//!     "Whose data": "individuals",
//!     "What data": "personal_data",
//!     "Legal basis": "article_6",
//!     "How long": "retention"
//!   }
//! }
//! ```
//!
//! `sheet` and `heading_row` (from 1) are optional: without them the sheet and row that name the
//! most of the listed headings are used. Headings match whatever their case, spacing and
//! "(if applicable)" suffixes; a heading the layout does not list is kept as the organisation's
//! own column. The fields are those of [`FIELD_NAMES`]; [`layout_schema`] is the file's JSON
//! Schema.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::{Value, json};

use super::SheetError;
use super::ico::{Column, FIELDS};

/// The fields a layout's columns may name, in the template's order.
pub const FIELD_NAMES: [&str; 35] = {
    let mut names = [""; 35];
    let mut i = 0;
    while i < 35 {
        names[i] = FIELDS[i].1;
        i += 1;
    }
    names
};

/// A layout of one's own, read from its JSON file.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Layout {
    /// The sheet the register is on; any sheet where absent.
    pub sheet: Option<String>,
    /// The row of the headings, from 1; the row naming the most listed headings where absent.
    pub heading_row: Option<u32>,
    /// Each heading, as written, and the field it holds.
    pub(crate) columns: Vec<(String, Column)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LayoutFile {
    #[serde(default)]
    sheet: Option<String>,
    #[serde(default)]
    heading_row: Option<u32>,
    columns: BTreeMap<String, String>,
}

impl Layout {
    /// Reads a layout from its JSON text; `file` names it in errors.
    ///
    /// # Errors
    ///
    /// [`SheetError::Layout`] for JSON that is not a layout, a field that is not one of
    /// [`FIELD_NAMES`], a heading row of 0, or no column at all.
    ///
    /// # Examples
    ///
    /// ```
    /// use ropa::sheet::Layout;
    ///
    /// let layout = Layout::from_json(r#"{"columns": {"Why": "purpose", "Who": "individuals"}}"#, "mine.json")?;
    /// assert_eq!(layout.heading_row, None);
    /// let error = Layout::from_json(r#"{"columns": {"Why": "purpse"}}"#, "mine.json").unwrap_err();
    /// assert!(error.to_string().contains("'purpse' is not a field"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(text: &str, file: &str) -> Result<Layout, SheetError> {
        let fail = |message: String| SheetError::Layout {
            file: file.to_owned(),
            message,
        };
        let parsed: LayoutFile = serde_json::from_str(text)
            .map_err(|e| fail(format!("line {}, column {}: {e}", e.line(), e.column())))?;
        let mut columns = Vec::with_capacity(parsed.columns.len());
        for (heading, field) in parsed.columns {
            let column = FIELDS
                .iter()
                .find(|(_, name)| *name == field)
                .map(|(column, _)| *column)
                .ok_or_else(|| {
                    fail(format!(
                        "/columns/{}: '{field}' is not a field; the fields are: {}",
                        crate::io::escape_token(&heading),
                        FIELD_NAMES.join(", ")
                    ))
                })?;
            columns.push((heading, column));
        }
        if columns.is_empty() {
            return Err(fail("/columns: the layout names no column".to_owned()));
        }
        if parsed.heading_row == Some(0) {
            return Err(fail("/heading_row: rows count from 1".to_owned()));
        }
        Ok(Layout {
            sheet: parsed.sheet,
            heading_row: parsed.heading_row,
            columns,
        })
    }

    /// Reads a layout file.
    ///
    /// # Errors
    ///
    /// [`SheetError::Io`] when the file cannot be read; as [`Layout::from_json`].
    pub fn from_path(path: impl AsRef<std::path::Path>) -> Result<Layout, SheetError> {
        let path = path.as_ref();
        let file = path.display().to_string();
        let bytes = super::grid::read_bounded(
            std::fs::File::open(path).map_err(|source| SheetError::Io {
                file: file.clone(),
                source,
            })?,
            &file,
        )?;
        let text = String::from_utf8(bytes).map_err(|_| SheetError::Layout {
            file: file.clone(),
            message: "not UTF-8 text".to_owned(),
        })?;
        Layout::from_json(&text, &file)
    }
}

/// The JSON Schema (draft 2020-12) of a layout file, committed as
/// `schema/ropa.layout.schema.json`.
pub fn layout_schema() -> Value {
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://github.com/ropa-rs/ropa/schema/ropa.layout.schema.json",
        "title": "ropa spreadsheet layout",
        "description": "Which heading of a spreadsheet holds which field of a record of processing activities, for `ropa import --layout FILE`.",
        "type": "object",
        "additionalProperties": false,
        "required": ["columns"],
        "properties": {
            "sheet": {
                "description": "The sheet the register is on; any sheet where absent.",
                "type": ["string", "null"]
            },
            "heading_row": {
                "description": "The row of the headings, from 1; the row naming the most listed headings where absent.",
                "type": ["integer", "null"],
                "minimum": 1
            },
            "columns": {
                "description": "Each heading, as written in the sheet (case, spacing and \"(if applicable)\" do not matter), and the field it holds.",
                "type": "object",
                "minProperties": 1,
                "additionalProperties": { "enum": FIELD_NAMES.to_vec() }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_has_one_field_name() {
        let mut names = FIELD_NAMES.to_vec();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 35);
        let mut columns: Vec<Column> = FIELDS.iter().map(|(c, _)| *c).collect();
        columns.sort();
        columns.dedup();
        assert_eq!(columns.len(), 35);
    }

    #[test]
    fn bad_layouts_say_where() {
        let error = Layout::from_json("{\"columns\": {}}", "l.json").unwrap_err();
        assert!(
            error
                .to_string()
                .contains("/columns: the layout names no column"),
            "{error}"
        );
        let error = Layout::from_json(
            "{\"columns\": {\"A\": \"purpose\"}, \"heading_row\": 0}",
            "l.json",
        )
        .unwrap_err();
        assert!(error.to_string().contains("/heading_row"), "{error}");
        let error = Layout::from_json("{\"colums\": {}}", "l.json").unwrap_err();
        assert!(error.to_string().starts_with("l.json: "), "{error}");
        assert!(error.to_string().contains("line 1"), "{error}");
    }
}
