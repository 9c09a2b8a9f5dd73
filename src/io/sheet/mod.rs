//! Registers in spreadsheets: the ICO's controller template as organisations fill it, read into
//! the model (feature `spreadsheet`).
//!
//! [`import_path`] reads an `.xlsx`, `.ods` or `.csv` file, finds the template's heading row
//! however it was reworded, moved or added to, and reads each row into a processing activity.
//! Free text becomes typed facts where it can be read without guessing ("Public task - Art
//! 6(1)(e)", "6 years after last contact", "USA - UK IDTA"), each keeping the cell's own words;
//! what no recogniser reads goes verbatim into the activity's notes with its cell, and is listed
//! in [`Imported::unread`]. Every value knows its cell ([`Imported::cell_of`]).
//!
//! # Examples
//!
//! ```
//! let csv = "Business function,Purpose of processing,Categories of individuals,\
//!            Categories of personal data,Article 6 lawful basis for processing personal data,\
//!            Retention schedule,Categories of recipients\n\
//!            HR,Payroll,Staff,Name; Bank details,Legal obligation,6 years after leaving,HMRC\n";
//! let imported = ropa::sheet::import_bytes(csv.as_bytes().to_vec(), "register.csv")?;
//! let activity = &imported.register.activities[0];
//! assert_eq!(activity.business_function.as_deref(), Some("HR"));
//! assert_eq!(activity.data_categories.len(), 2);
//! assert_eq!(imported.cell_of("/activities/0/retention/0").unwrap().to_string(), "register!F2");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod cell;
mod delimited;
mod grid;
pub(crate) mod ico;
mod import;
mod layout;
pub(crate) mod recognise;

use std::path::Path;

pub use cell::{CellRef, column_letters};
pub use grid::{MAX_CELL_CHARS, MAX_CELLS, MAX_FILE_BYTES, MAX_UNPACKED_BYTES};
pub use import::{Imported, Unread, UnreadReason};
pub use layout::{FIELD_NAMES, Layout, layout_schema};

/// Why a spreadsheet could not be read as a register. Each names the file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SheetError {
    /// The file could not be read.
    #[error("{file}: cannot read the file")]
    Io {
        /// The file.
        file: String,
        /// The OS's reason.
        #[source]
        source: std::io::Error,
    },
    /// The file is not a workbook this crate reads (corrupt, password-protected, or another
    /// format).
    #[error("{file}: not a readable xlsx, ods or csv file: {reason}")]
    Unreadable {
        /// The file.
        file: String,
        /// What the reader said.
        reason: String,
    },
    /// The file is over one of the bounds it is read within.
    #[error("{file}: too large to read: {what}")]
    TooLarge {
        /// The file.
        file: String,
        /// Which bound, and where.
        what: String,
    },
    /// A layout file (`--layout`) that is not a layout.
    #[error("{file}: not a layout: {message}")]
    Layout {
        /// The layout file.
        file: String,
        /// What is wrong, and where (a JSON Pointer or a line and column).
        message: String,
    },
    /// No sheet has a row of headings that the template's, or enough of them.
    #[error(
        "{file}: no sheet has the ICO template's heading row; the nearest is {nearest}, \
         whose headings are: {found}"
    )]
    NoHeadingRow {
        /// The file.
        file: String,
        /// The best row seen: its cell and how many template columns it names.
        nearest: String,
        /// That row's headings, as written.
        found: String,
    },
}

/// Whether a file of this name is read as a spreadsheet, as the command line and the page decide:
/// by its extension, `xlsx`, `ods` or `csv` in any case (a name such as `.xlsx`, all extension,
/// has none, as for [`Path::extension`]).
///
/// ```
/// use ropa::sheet::is_spreadsheet_name;
/// assert!(is_spreadsheet_name("ropa.XLSX") && is_spreadsheet_name("a.b.ods") && is_spreadsheet_name("x.csv"));
/// assert!(!is_spreadsheet_name("register.json") && !is_spreadsheet_name("xlsx"));
/// assert!(!is_spreadsheet_name("a.xlsx.json") && !is_spreadsheet_name(".xlsx"));
/// ```
pub fn is_spreadsheet_name(name: &str) -> bool {
    let extension = name
        .rsplit_once('.')
        .filter(|(stem, _)| !stem.is_empty())
        .map(|(_, extension)| extension.to_ascii_lowercase());
    extension.is_some_and(|e| ["xlsx", "ods", "csv"].contains(&e.as_str()))
}

/// Reads a spreadsheet file into a register.
///
/// # Errors
///
/// When the file cannot be read, is over a bound ([`MAX_FILE_BYTES`], [`MAX_CELLS`],
/// [`MAX_UNPACKED_BYTES`], [`MAX_CELL_CHARS`]), or has no heading row of the template.
pub fn import_path(path: impl AsRef<Path>) -> Result<Imported, SheetError> {
    let path = path.as_ref();
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|source| SheetError::Io {
        file: name.clone(),
        source,
    })?;
    import_bytes(grid::read_bounded(file, &name)?, &name)
}

/// Reads a spreadsheet held in memory; `name` names it in errors and, for CSV, names its sheet.
///
/// # Errors
///
/// As [`import_path`].
pub fn import_bytes(bytes: Vec<u8>, name: &str) -> Result<Imported, SheetError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(SheetError::TooLarge {
            file: name.to_owned(),
            what: format!("the file is over {MAX_FILE_BYTES} bytes"),
        });
    }
    let grids = grid::grids(bytes, name)?;
    import::from_grids(&grids, name, None)
}

/// Reads a spreadsheet file by a layout of one's own (see [`Layout`]) instead of the ICO template.
///
/// # Errors
///
/// As [`import_path`]; [`SheetError::NoHeadingRow`] when no sheet has the layout's headings.
///
/// # Examples
///
/// ```
/// use ropa::sheet::{Layout, import_bytes_with};
///
/// let layout = Layout::from_json(r#"{"columns": {"Why": "purpose", "Who": "individuals", "Kept": "retention"}}"#, "mine.json")?;
/// let csv = "Why,Who,Kept\nPayroll,Staff,6 years after leaving\n";
/// let imported = import_bytes_with(csv.as_bytes().to_vec(), "ropa.csv", &layout)?;
/// assert_eq!(imported.register.activities[0].purposes[0].description, "Payroll");
/// assert_eq!(imported.layout, "own");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn import_bytes_with(
    bytes: Vec<u8>,
    name: &str,
    layout: &Layout,
) -> Result<Imported, SheetError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(SheetError::TooLarge {
            file: name.to_owned(),
            what: format!("the file is over {MAX_FILE_BYTES} bytes"),
        });
    }
    let grids = grid::grids(bytes, name)?;
    import::from_grids(&grids, name, Some(layout))
}

/// [`import_bytes_with`] for a file.
///
/// # Errors
///
/// As [`import_bytes_with`].
pub fn import_path_with(path: impl AsRef<Path>, layout: &Layout) -> Result<Imported, SheetError> {
    let path = path.as_ref();
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|source| SheetError::Io {
        file: name.clone(),
        source,
    })?;
    import_bytes_with(grid::read_bounded(file, &name)?, &name, layout)
}
