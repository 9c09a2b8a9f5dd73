//! A CSV file as one sheet: its encoding detected, its delimiter taken from its first line.

use super::SheetError;
use super::grid::{Grid, MAX_CELL_CHARS, MAX_CELLS, grid_of};

/// The encodings a CSV file is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

/// The file's text and the encoding it was read in: UTF-8 (a byte-order mark is dropped),
/// UTF-16 with its byte-order mark, and otherwise Windows-1252, which every byte sequence is.
pub(crate) fn decode(bytes: &[u8]) -> (String, Encoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF")
        && let Ok(text) = std::str::from_utf8(rest)
    {
        return (text.to_owned(), Encoding::Utf8);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return (utf16(rest, u16::from_le_bytes), Encoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return (utf16(rest, u16::from_be_bytes), Encoding::Utf16Be);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), Encoding::Utf8),
        Err(_) => (
            bytes.iter().map(|&b| windows_1252(b)).collect(),
            Encoding::Windows1252,
        ),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// A Windows-1252 byte as a character: Latin-1 but for 0x80-0x9F, where it has typographic
/// characters (curly quotes, dashes, the euro sign).
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '\u{20AC}', '\u{81}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{8D}',
        '\u{017D}', '\u{8F}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}',
        '\u{2013}', '\u{2014}', '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}',
        '\u{9D}', '\u{017E}', '\u{0178}',
    ];
    match byte {
        0x80..=0x9F => HIGH[(byte - 0x80) as usize],
        _ => byte as char,
    }
}

/// The delimiter of the first line: the most frequent of comma, semicolon and tab outside quotes.
fn delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let mut quoted = false;
    let mut counts = [0usize; 3];
    for c in first.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// The file as one grid, its sheet named after the file.
pub(crate) fn grid(bytes: &[u8], name: &str) -> Result<Grid, SheetError> {
    let (text, _) = decode(bytes);
    let sheet = std::path::Path::new(name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Sheet1".to_owned());
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(&text))
        .from_reader(text.as_bytes());
    let mut cells = Vec::new();
    for (row, record) in reader.records().enumerate() {
        let record = record.map_err(|e| SheetError::Unreadable {
            file: name.to_owned(),
            reason: format!("row {}: {e}", row + 1),
        })?;
        for (column, field) in record.iter().enumerate() {
            if field.trim().is_empty() {
                continue;
            }
            let at = super::CellRef::new(&sheet, row as u32, column as u32);
            if field.chars().count() > MAX_CELL_CHARS || column >= 16_384 {
                return Err(SheetError::TooLarge {
                    file: name.to_owned(),
                    what: format!(
                        "cell {at} is over {MAX_CELL_CHARS} characters or past column XFD"
                    ),
                });
            }
            if cells.len() >= MAX_CELLS {
                return Err(SheetError::TooLarge {
                    file: name.to_owned(),
                    what: format!("the file has over {MAX_CELLS} cells with a value (at {at})"),
                });
            }
            cells.push((row as u32, column as u32, field.to_owned()));
        }
    }
    Ok(grid_of(&sheet, cells))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_detected() {
        assert_eq!(
            decode("Café".as_bytes()),
            ("Café".to_owned(), Encoding::Utf8)
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBFCaf\xC3\xA9"),
            ("Café".to_owned(), Encoding::Utf8)
        );
        assert_eq!(
            decode(b"Caf\xE9 \x93x\x94"),
            ("Café \u{201C}x\u{201D}".to_owned(), Encoding::Windows1252)
        );
        assert_eq!(
            decode(b"\xFF\xFEC\x00a\x00"),
            ("Ca".to_owned(), Encoding::Utf16Le)
        );
        assert_eq!(
            decode(b"\xFE\xFF\x00C\x00a"),
            ("Ca".to_owned(), Encoding::Utf16Be)
        );
    }

    #[test]
    fn the_delimiter_is_the_first_lines_commonest() {
        assert_eq!(delimiter("a,b,c\n1;2"), b',');
        assert_eq!(delimiter("a;b;\"c,d\"\n"), b';');
        assert_eq!(delimiter("a\tb\tc"), b'\t');
        assert_eq!(delimiter("abc"), b',');
    }

    #[test]
    fn a_csv_file_is_one_sheet_of_its_cells() {
        let grid = grid(
            b"Business function;Purpose\nHR;\"Payroll; pensions\"\n",
            "hr.csv",
        )
        .unwrap();
        assert_eq!(grid.sheet, "hr");
        assert_eq!(grid.rows.len(), 2);
        assert_eq!(grid.rows[1].get(1), Some("Payroll; pensions"));
        assert_eq!(grid.rows[1].get(2), None);
    }
}
