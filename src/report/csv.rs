//! The register as CSV: one row per activity and purpose, the regulator template's columns.

use std::io::{self, Write};

use super::ReportOptions;
use super::record::{RowContext, controller_rows, processor_rows, purpose_fields};
use super::sink::{Field, csv_cell};
use super::text::CategoryNames;
use crate::model::Register;
use crate::model::labels::{Label, capital};

/// The template's columns, then the Art 30(2) ones, which hold "Not stated" for an activity the
/// organisation controls.
fn with_processor(
    cx: &RowContext<'_, '_>,
    a: &crate::model::ProcessingActivity,
    purpose: Option<&crate::model::Purpose>,
) -> Vec<Field> {
    let mut rows = controller_rows(cx, a, purpose);
    rows.extend(processor_rows(cx.index, a).map(|(label, value)| {
        (
            match label {
                "Name and contact details of the controller" => "Controller acted for (Art 30(2))",
                "Categories of processing" => "Categories of processing (Art 30(2))",
                other => other,
            },
            value,
        )
    }));
    rows
}

pub(crate) fn register(
    register: &Register,
    options: &ReportOptions,
    out: &mut impl Write,
) -> io::Result<()> {
    let index = register.index();
    let cx = RowContext::new(register, &index, options);
    let mut header_written = false;
    let mut write_row =
        |out: &mut dyn Write, id: &str, name: &str, role: &str, rows: &[Field]| -> io::Result<()> {
            if !header_written {
                let mut header = vec!["Activity ID", "Activity", "Role"];
                header.extend(rows.iter().map(|(label, _)| *label));
                let cells: Vec<String> = header.iter().map(|h| csv_cell(h)).collect();
                write!(out, "{}\r\n", cells.join(","))?;
                header_written = true;
            }
            let mut cells = vec![csv_cell(id), csv_cell(name), csv_cell(role)];
            // A cell of several items holds one a line, so that no separator is needed.
            cells.extend(rows.iter().map(|(_, value)| csv_cell(&value.join("\n"))));
            write!(out, "{}\r\n", cells.join(","))
        };
    for a in &register.activities {
        let role = capital(a.role.label());
        if a.purposes.is_empty() {
            write_row(
                out,
                a.id.as_str(),
                &a.name,
                &role,
                &with_processor(&cx, a, None),
            )?;
        }
        // The activity's columns are computed once and repeated on each purpose's row; only the
        // purpose's own columns are computed per row. The output is one row per purpose, each
        // repeating the activity's columns: its size is bounded by purposes x activity.
        let names = CategoryNames::new(a).with_shared(&register.recipients);
        let mut rows: Vec<Field> = Vec::new();
        for (i, purpose) in a.purposes.iter().enumerate() {
            if i == 0 {
                rows = with_processor(&cx, a, Some(purpose));
            } else {
                for (label, value) in purpose_fields(&cx, a, &[purpose], &names) {
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
        let dummy = crate::model::ProcessingActivity::controller("", "");
        let mut header = vec![
            "Activity ID".to_owned(),
            "Activity".to_owned(),
            "Role".to_owned(),
        ];
        header.extend(
            with_processor(&cx, &dummy, None)
                .iter()
                .map(|(label, _)| csv_cell(label)),
        );
        write!(out, "{}\r\n", header.join(","))?;
    }
    Ok(())
}
