//! The register as CSV: a row per activity and a row per further purpose, the regulator
//! template's columns.

use std::io::{self, Write};

use super::ReportOptions;
use super::record::{
    RowContext, SHARED_RECIPIENTS, controller_rows, processor_rows, purpose_fields,
    shared_recipients_row,
};
use super::sink::{Field, csv_cell};
use super::text::CategoryNames;
use crate::model::Register;
use crate::model::labels::{Label, capital};
use crate::model::text::bounded_id;

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

/// The register as CSV. An activity's first row holds all its columns; each further purpose gets
/// a row of its own holding the activity's id and that purpose's columns only, so that the output
/// is linear in the register (an activity's columns are not repeated for each purpose). The
/// register-wide recipients get one row of their own, which each activity's row refers to.
pub(crate) fn register(
    register: &Register,
    options: &ReportOptions,
    out: &mut impl Write,
) -> io::Result<()> {
    let index = register.index();
    let cx = RowContext::new(register, &index, options);
    let dummy = crate::model::ProcessingActivity::controller("", "");
    let labels: Vec<&str> = with_processor(&cx, &dummy, None)
        .iter()
        .map(|(label, _)| *label)
        .collect();
    let mut header = vec!["Activity ID", "Activity", "Role"];
    header.extend(&labels);
    let cells: Vec<String> = header.iter().map(|h| csv_cell(h)).collect();
    write!(out, "{}\r\n", cells.join(","))?;
    let write_row = |out: &mut dyn Write, first: [&str; 3], rows: &[Field]| -> io::Result<()> {
        let mut cells: Vec<String> = first.iter().map(|c| csv_cell(c)).collect();
        // A cell of several items holds one a line, so that no separator is needed.
        cells.extend(labels.iter().map(|label| {
            rows.iter()
                .find(|(l, _)| l == label)
                .map_or_else(String::new, |(_, value)| csv_cell(&value.join("\n")))
        }));
        write!(out, "{}\r\n", cells.join(","))
    };
    if let Some(rows) = shared_recipients_row(&cx) {
        write_row(out, ["", SHARED_RECIPIENTS, ""], &rows)?;
    }
    for a in &register.activities {
        let role = capital(a.role.label());
        let first = [a.id.as_str(), a.name.as_str(), role.as_str()];
        let Some((purpose, rest)) = a.purposes.split_first() else {
            write_row(out, first, &with_processor(&cx, a, None))?;
            continue;
        };
        write_row(out, first, &with_processor(&cx, a, Some(purpose)))?;
        // A long id is cut where it is repeated, as a name is.
        let id = bounded_id(a.id.as_str());
        let names = CategoryNames::new(a).with_shared(&index);
        for purpose in rest {
            let fields = purpose_fields(&cx, a, &[purpose], &names, true);
            write_row(out, [&id, "", ""], &fields)?;
        }
    }
    Ok(())
}
