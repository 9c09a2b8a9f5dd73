//! A sheet as rows of text cells, whatever file it came from, read within bounds.
//!
//! xlsx and ods are read by calamine (a formula cell gives its cached value; nothing is
//! evaluated), xlsx cell by cell so that a sheet whose cells lie far apart costs what its cells
//! cost, not the rectangle they span. CSV is decoded (UTF-8, with or without a byte-order mark,
//! UTF-16 with its mark, or Windows-1252) and split by the csv crate, its delimiter (comma,
//! semicolon or tab) taken from the first line.

use std::io::{Cursor, Read};

use calamine::{Data, DataRef, Reader, Sheets};

use super::SheetError;

/// The largest file read, in bytes.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// The most cells with a value read from one workbook.
pub const MAX_CELLS: usize = 2_000_000;
/// The most characters in one cell (a spreadsheet program's own limit).
pub const MAX_CELL_CHARS: usize = 32_767;
/// The most bytes the parts of an xlsx or ods file may say they unpack to, together.
pub const MAX_UNPACKED_BYTES: u64 = 512 * 1024 * 1024;

/// One row: its index (from 0) and its non-empty cells as (column, text), in column order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Row {
    pub index: u32,
    pub cells: Vec<(u32, String)>,
}

impl Row {
    /// The text of a column, if the row has it.
    pub(crate) fn get(&self, column: u32) -> Option<&str> {
        self.cells
            .binary_search_by_key(&column, |(c, _)| *c)
            .ok()
            .map(|i| self.cells[i].1.as_str())
    }
}

/// A sheet's rows with a value, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Grid {
    pub sheet: String,
    pub rows: Vec<Row>,
}

/// What kind of file the bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileKind {
    /// A zip container: xlsx or ods.
    Workbook,
    Csv,
}

impl FileKind {
    /// By the file's first bytes (a zip starts with `PK`), else by its extension.
    pub(crate) fn of(bytes: &[u8], name: &str) -> Self {
        let lower = name.to_ascii_lowercase();
        let ole2 = bytes.starts_with(b"\xD0\xCF\x11\xE0");
        if bytes.starts_with(b"PK\x03\x04")
            || ole2
            || lower.ends_with(".xlsx")
            || lower.ends_with(".ods")
        {
            FileKind::Workbook
        } else {
            FileKind::Csv
        }
    }
}

/// Reads a file into memory, refusing one larger than [`MAX_FILE_BYTES`] before reading it all.
pub(crate) fn read_bounded(reader: impl Read, name: &str) -> Result<Vec<u8>, SheetError> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| SheetError::Io {
            file: name.to_owned(),
            source,
        })?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(SheetError::TooLarge {
            file: name.to_owned(),
            what: format!("the file is over {MAX_FILE_BYTES} bytes"),
        });
    }
    Ok(bytes)
}

/// Every sheet of a workbook or CSV file, as grids.
pub(crate) fn grids(bytes: Vec<u8>, name: &str) -> Result<Vec<Grid>, SheetError> {
    match FileKind::of(&bytes, name) {
        FileKind::Csv => Ok(vec![super::delimited::grid(&bytes, name)?]),
        FileKind::Workbook => workbook_grids(bytes, name),
    }
}

fn workbook_grids(bytes: Vec<u8>, name: &str) -> Result<Vec<Grid>, SheetError> {
    // An OLE2 container: what a spreadsheet program writes for a password-protected workbook,
    // or an old .xls file.
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Err(SheetError::Unreadable {
            file: name.to_owned(),
            reason: "it is password-protected (encrypted), or an old .xls file; save it without a \
                     password as .xlsx"
                .to_owned(),
        });
    }
    check_unpacked_size(&bytes, name)?;
    let unreadable = |error: calamine::Error| SheetError::Unreadable {
        file: name.to_owned(),
        reason: error.to_string(),
    };
    let mut workbook =
        calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(unreadable)?;
    let mut budget = MAX_CELLS;
    let mut grids = Vec::new();
    for sheet in workbook.sheet_names() {
        let grid = match &mut workbook {
            Sheets::Xlsx(xlsx) => xlsx_grid(xlsx, &sheet, name, &mut budget)?,
            _ => {
                let range = workbook.worksheet_range(&sheet).map_err(unreadable)?;
                range_grid(&range, &sheet, name, &mut budget)?
            }
        };
        grids.push(grid);
    }
    Ok(grids)
}

/// Refuses a zip whose parts say they unpack to more than [`MAX_UNPACKED_BYTES`] (a zip bomb),
/// before any part is unpacked.
fn check_unpacked_size(bytes: &[u8], name: &str) -> Result<(), SheetError> {
    let archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| SheetError::Unreadable {
        file: name.to_owned(),
        reason: format!("not a readable xlsx or ods file ({e})"),
    })?;
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        // The central directory's sizes, which every entry has, whether or not its local header
        // defers them to a data descriptor.
        let size = archive
            .by_index_data(i)
            .map(|entry| entry.size())
            .unwrap_or(0);
        total = total.saturating_add(size);
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(SheetError::TooLarge {
            file: name.to_owned(),
            what: format!("its parts unpack to {total} bytes, over the {MAX_UNPACKED_BYTES} read"),
        });
    }
    Ok(())
}

fn xlsx_grid<RS: std::io::Read + std::io::Seek>(
    xlsx: &mut calamine::Xlsx<RS>,
    sheet: &str,
    name: &str,
    budget: &mut usize,
) -> Result<Grid, SheetError> {
    let unreadable = |error: calamine::XlsxError| SheetError::Unreadable {
        file: name.to_owned(),
        reason: format!("sheet '{sheet}': {error}"),
    };
    let mut reader = xlsx.worksheet_cells_reader(sheet).map_err(unreadable)?;
    let mut cells: Vec<(u32, u32, String)> = Vec::new();
    while let Some(cell) = reader.next_cell().map_err(unreadable)? {
        let (row, column) = cell.get_position();
        let text = data_ref_text(cell.get_value());
        push_cell(&mut cells, (row, column, text), sheet, name, budget)?;
    }
    Ok(grid_of(sheet, cells))
}

fn range_grid(
    range: &calamine::Range<Data>,
    sheet: &str,
    name: &str,
    budget: &mut usize,
) -> Result<Grid, SheetError> {
    let mut cells = Vec::new();
    for (row, column, value) in range.used_cells() {
        let (top, left) = range.start().unwrap_or((0, 0));
        let at = (top + row as u32, left + column as u32, data_text(value));
        push_cell(&mut cells, at, sheet, name, budget)?;
    }
    Ok(grid_of(sheet, cells))
}

/// Keeps a cell with a value, counting it against the workbook's budget.
fn push_cell(
    cells: &mut Vec<(u32, u32, String)>,
    (row, column, text): (u32, u32, String),
    sheet: &str,
    name: &str,
    budget: &mut usize,
) -> Result<(), SheetError> {
    if text.trim().is_empty() {
        return Ok(());
    }
    let at = super::CellRef::new(sheet, row, column);
    if text.chars().count() > MAX_CELL_CHARS {
        return Err(SheetError::TooLarge {
            file: name.to_owned(),
            what: format!("cell {at} holds over {MAX_CELL_CHARS} characters"),
        });
    }
    if *budget == 0 {
        return Err(SheetError::TooLarge {
            file: name.to_owned(),
            what: format!("the workbook has over {MAX_CELLS} cells with a value (at {at})"),
        });
    }
    *budget -= 1;
    cells.push((row, column, text));
    Ok(())
}

/// Cells in any order as rows in order.
pub(crate) fn grid_of(sheet: &str, mut cells: Vec<(u32, u32, String)>) -> Grid {
    cells.sort_by_key(|(row, column, _)| (*row, *column));
    let mut rows: Vec<Row> = Vec::new();
    for (row, column, text) in cells {
        match rows.last_mut() {
            Some(last) if last.index == row => last.cells.push((column, text)),
            _ => rows.push(Row {
                index: row,
                cells: vec![(column, text)],
            }),
        }
    }
    Grid {
        sheet: sheet.to_owned(),
        rows,
    }
}

fn data_text(value: &Data) -> String {
    match value {
        Data::Int(n) => n.to_string(),
        Data::Float(f) => float_text(*f),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Bool(b) => if *b { "Yes" } else { "No" }.to_owned(),
        Data::DateTime(d) => date_text(d),
        Data::Error(e) => e.to_string(),
        Data::Empty => String::new(),
    }
}

fn data_ref_text(value: &DataRef<'_>) -> String {
    match value {
        DataRef::Int(n) => n.to_string(),
        DataRef::Float(f) => float_text(*f),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Bool(b) => if *b { "Yes" } else { "No" }.to_owned(),
        DataRef::DateTime(d) => date_text(d),
        DataRef::Error(e) => e.to_string(),
        DataRef::Empty => String::new(),
    }
}

/// A number as people wrote it: whole numbers without a fraction.
fn float_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

/// A date cell as an ISO 8601 date (or date and time where it has one).
fn date_text(value: &calamine::ExcelDateTime) -> String {
    match value.as_datetime() {
        Some(dt) if dt.time() == chrono::NaiveTime::MIN => dt.date().to_string(),
        Some(dt) => dt.to_string(),
        None => value.as_f64().to_string(),
    }
}
