//! Where a value came from in a workbook: its sheet and cell, written as people read it
//! (`Template!L12`).

use std::fmt;

use serde::Serialize;

/// A cell of a sheet: 0-based row and column, shown as `Sheet!A1`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct CellRef {
    /// The sheet's name (for a CSV file, the file's name without its extension).
    pub sheet: String,
    /// The row, from 0 (row 1 in a spreadsheet program).
    pub row: u32,
    /// The column, from 0 (column A).
    pub column: u32,
}

impl CellRef {
    /// A cell of a sheet.
    pub fn new(sheet: impl Into<String>, row: u32, column: u32) -> Self {
        Self {
            sheet: sheet.into(),
            row,
            column,
        }
    }

    /// The cell's address without its sheet, e.g. `L12`.
    pub fn address(&self) -> String {
        format!("{}{}", column_letters(self.column), self.row as u64 + 1)
    }
}

impl fmt::Display for CellRef {
    /// `Template!L12`; a sheet name that is not one word is quoted, as spreadsheets write it
    /// (`'My sheet'!L12`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plain = !self.sheet.is_empty()
            && self
                .sheet
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '.');
        if plain {
            write!(f, "{}!{}", self.sheet, self.address())
        } else {
            write!(f, "'{}'!{}", self.sheet.replace('\'', "''"), self.address())
        }
    }
}

/// A column's letters: 0 is `A`, 25 `Z`, 26 `AA`, 16 383 `XFD`.
pub fn column_letters(column: u32) -> String {
    let mut n = column as u64 + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        letters.push(b'A' + rem);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_spreadsheets_do() {
        for (column, letters) in [
            (0, "A"),
            (25, "Z"),
            (26, "AA"),
            (29, "AD"),
            (701, "ZZ"),
            (702, "AAA"),
            (16_383, "XFD"),
        ] {
            assert_eq!(column_letters(column), letters);
        }
    }

    #[test]
    fn cells_show_their_sheet_quoted_where_needed() {
        assert_eq!(CellRef::new("Template", 11, 11).to_string(), "Template!L12");
        assert_eq!(CellRef::new("My sheet", 0, 0).to_string(), "'My sheet'!A1");
        assert_eq!(CellRef::new("It's", 0, 1).to_string(), "'It''s'!B1");
    }
}
