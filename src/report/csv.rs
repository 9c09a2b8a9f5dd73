//! The register as CSV: one row per activity and purpose, the regulator template's columns.

use std::io::{self, Write};

use super::ReportOptions;
use super::record::{controller_rows, purpose_columns};
use super::sink::csv_cell;
use super::text::words;
use crate::Register;

pub(crate) fn register(
    register: &Register,
    options: &ReportOptions,
    out: &mut impl Write,
) -> io::Result<()> {
    let index = register.index();
    let mut header_written = false;
    let mut write_row = |out: &mut dyn Write,
                         id: &str,
                         name: &str,
                         role: &str,
                         rows: &[(&'static str, String)]|
     -> io::Result<()> {
        if !header_written {
            let mut header = vec!["Activity ID", "Activity", "Role"];
            header.extend(rows.iter().map(|(label, _)| *label));
            let cells: Vec<String> = header.iter().map(|h| csv_cell(h)).collect();
            write!(out, "{}\r\n", cells.join(","))?;
            header_written = true;
        }
        let mut cells = vec![csv_cell(id), csv_cell(name), csv_cell(role)];
        cells.extend(rows.iter().map(|(_, value)| csv_cell(value)));
        write!(out, "{}\r\n", cells.join(","))
    };
    for a in &register.activities {
        let role = words(a.role.as_str());
        if a.purposes.is_empty() {
            write_row(
                out,
                a.id.as_str(),
                &a.name,
                &role,
                &controller_rows(register, &index, a, None, options),
            )?;
        }
        // The activity's own columns are computed once and repeated on each purpose's row; only
        // the purpose's columns are computed per row. The output is one row per purpose, each
        // repeating the activity's columns: its size is bounded by purposes x activity.
        let mut rows = Vec::new();
        for (i, purpose) in a.purposes.iter().enumerate() {
            if i == 0 {
                rows = controller_rows(register, &index, a, Some(purpose), options);
            } else {
                for (label, value) in purpose_columns(&index, a, &[purpose]) {
                    if let Some(row) = rows.iter_mut().find(|(l, _)| *l == label) {
                        row.1 = value;
                    }
                }
            }
            write_row(out, a.id.as_str(), &a.name, &role, &rows)?;
        }
    }
    if !header_written {
        // An empty register still gets its header row.
        let dummy = crate::ProcessingActivity::controller("", "");
        let mut header = vec![
            "Activity ID".to_owned(),
            "Activity".to_owned(),
            "Role".to_owned(),
        ];
        header.extend(
            controller_rows(register, &index, &dummy, None, options)
                .iter()
                .map(|(label, _)| csv_cell(label)),
        );
        write!(out, "{}\r\n", header.join(","))?;
    }
    Ok(())
}
