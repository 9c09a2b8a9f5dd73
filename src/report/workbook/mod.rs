//! The register as the ICO's controller template, an xlsx workbook that `ropa import` reads back
//! (feature `spreadsheet`).
//!
//! Sheet `Template`: the contact block in rows 1-4, the template's 30 headings in row 9 (frozen,
//! styled) and a 31st, "Processing activity", for the activity's name; then each activity's row, its further purposes in rows of their own; several values in
//! a cell one a line; drop-downs on the yes/no and DPIA progress columns. Sheet `Findings`: each
//! finding, linked to its cell. Sheet `More`: every fact the template has no column for, by its
//! JSON Pointer, so that the workbook holds everything the register does. Every cell is a string:
//! nothing is written as a formula. The same register gives the same bytes.

mod cells;
mod more;
mod processor;

use std::collections::BTreeMap;
use std::path::Path;

use rust_xlsxwriter::{
    Color, DataValidation, DocProperties, ExcelDateTime, Format, FormatBorder, Url, Workbook,
    Worksheet, XlsxError,
};

use super::{ReportError, ReportOptions};
use crate::io::sheet::CellRef;
use crate::io::sheet::ico::{CONTROLLER, Column, PROCESSOR};
use crate::model::{Register, RegisterIndex};
use crate::validate::validate;

/// The row of the template's headings (row 9, from 0).
const HEADING_ROW: u32 = 8;

fn failed(error: XlsxError) -> ReportError {
    ReportError::Io(std::io::Error::other(error))
}

/// The workbook's bytes.
///
/// # Errors
///
/// [`ReportError::Io`] when the workbook cannot be assembled (a cell over the format's limits).
///
/// # Examples
///
/// ```
/// use ropa::report::{ReportOptions, render_workbook};
///
/// let register = ropa::from_path("examples/data/kent-parent-carer-panel.json")?;
/// let bytes = render_workbook(&register, &ReportOptions::default())?;
/// let imported = ropa::sheet::import_bytes(bytes, "register.xlsx")?;
/// assert_eq!(imported.register.activities.len(), register.activities.len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn render_workbook(
    register: &Register,
    options: &ReportOptions,
) -> Result<Vec<u8>, ReportError> {
    let mut workbook = Workbook::new();
    // Fixed document dates, so that the same register gives the same bytes.
    let fixed = ExcelDateTime::from_ymd(2000, 1, 1).map_err(failed)?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&fixed));
    let index = register.index();
    let mut overflow = Vec::new();
    let rows =
        template(workbook.add_worksheet(), register, &index, &mut overflow).map_err(failed)?;
    let places = Places {
        sheet: "Template",
        rows: &rows,
        columns: &CONTROLLER,
    };
    findings(workbook.add_worksheet(), register, options, &places).map_err(failed)?;
    more::sheet(workbook.add_worksheet(), register, more::carried, &overflow).map_err(failed)?;
    workbook.save_to_buffer().map_err(failed)
}

/// The register's processing as processor (Art 30(2)) as the ICO's processor template: sheet
/// `Processor` with the organisation's contact block and a row per controller acted for (its
/// name and contact details, the categories of processing, third countries, safeguards,
/// security), which `ropa import` reads back; sheets `Findings` and `More` as in
/// [`render_workbook`] (`More` holds every fact the processor template has no column for,
/// activities carried out as controller included).
///
/// # Errors
///
/// As [`render_workbook`].
///
/// # Examples
///
/// ```
/// use ropa::report::{ReportOptions, render_processor_workbook};
///
/// let register = ropa::from_path("examples/data/northfield-research-processor.json")?;
/// let bytes = render_processor_workbook(&register, &ReportOptions::default())?;
/// let imported = ropa::sheet::import_bytes(bytes, "processor.xlsx")?;
/// assert_eq!(imported.layout, "ico-processor");
/// assert_eq!(imported.register.activities.len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn render_processor_workbook(
    register: &Register,
    options: &ReportOptions,
) -> Result<Vec<u8>, ReportError> {
    let mut workbook = Workbook::new();
    let fixed = ExcelDateTime::from_ymd(2000, 1, 1).map_err(failed)?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&fixed));
    let index = register.index();
    let rows = processor::sheet(workbook.add_worksheet(), register, &index).map_err(failed)?;
    let places = Places {
        sheet: "Processor",
        rows: &rows,
        columns: &PROCESSOR,
    };
    findings(workbook.add_worksheet(), register, options, &places).map_err(failed)?;
    more::sheet(
        workbook.add_worksheet(),
        register,
        more::carried_by_processor,
        &[],
    )
    .map_err(failed)?;
    workbook.save_to_buffer().map_err(failed)
}

/// Writes the workbook into the file at `path`, replacing it only once it is whole.
///
/// # Errors
///
/// As [`render_workbook`]; [`ReportError::File`] when the file cannot be written.
pub fn render_workbook_to_path(
    register: &Register,
    options: &ReportOptions,
    path: impl AsRef<Path>,
) -> Result<(), ReportError> {
    let bytes = render_workbook(register, options)?;
    super::file::write_atomically(path.as_ref(), |file| {
        std::io::Write::write_all(file, &bytes)
    })
}

/// Writes the processor workbook ([`render_processor_workbook`]) into the file at `path`,
/// replacing it only once it is whole.
///
/// # Errors
///
/// As [`render_workbook_to_path`].
pub fn render_processor_workbook_to_path(
    register: &Register,
    options: &ReportOptions,
    path: impl AsRef<Path>,
) -> Result<(), ReportError> {
    let bytes = render_processor_workbook(register, options)?;
    super::file::write_atomically(path.as_ref(), |file| {
        std::io::Write::write_all(file, &bytes)
    })
}

pub(super) fn heading_format() -> Format {
    Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color(Color::RGB(0xD9E1F2))
        .set_border(FormatBorder::Thin)
}

/// The `Template` sheet; returns the row of each activity, by its position, for the findings.
fn template(
    ws: &mut Worksheet,
    register: &Register,
    index: &RegisterIndex<'_>,
    overflow: &mut Vec<(String, String)>,
) -> Result<Vec<u32>, XlsxError> {
    ws.set_name("Template")?;
    contact_block(ws, register)?;
    let wrap = Format::new().set_text_wrap();
    let heading = heading_format();
    for (i, (_, text)) in CONTROLLER.iter().enumerate() {
        ws.write_string_with_format(HEADING_ROW, i as u16, *text, &heading)?;
        ws.set_column_width(i as u16, 28)?;
    }
    // The activity's name has no column in the template: one of the organisation's own, after
    // the template's, which the import reads back as the name.
    let name_column = CONTROLLER.len() as u16;
    ws.write_string_with_format(HEADING_ROW, name_column, "Processing activity", &heading)?;
    ws.set_column_width(name_column, 28)?;
    ws.set_freeze_panes(HEADING_ROW + 1, 0)?;
    let column = |c: Column| CONTROLLER.iter().position(|(k, _)| *k == c).unwrap_or(0) as u16;
    let mut row = HEADING_ROW + 1;
    let mut places = Vec::with_capacity(register.activities.len());
    for a in &register.activities {
        places.push(row);
        ws.write_string_with_format(row, name_column, &a.name, &wrap)?;
        for (c, text) in cells::first_row(register, index, a) {
            ws.write_string_with_format(row, column(c), fit(&text, row, c, overflow), &wrap)?;
        }
        row += 1;
        for p in a.purposes.iter().skip(1) {
            for (c, text) in cells::purpose_row(index, p) {
                ws.write_string_with_format(row, column(c), fit(&text, row, c, overflow), &wrap)?;
            }
            row += 1;
        }
    }
    drop_downs(ws, row.max(HEADING_ROW + 200), &column)?;
    Ok(places)
}

/// The most characters a cell holds (a spreadsheet program's limit).
const CELL_LIMIT: usize = 32_767;

/// A cell's text as it fits in a cell: whole lines up to the limit, then a line that says how many
/// more there are; the lines left out go to the `More` sheet, under the cell's address, so that
/// nothing is lost.
fn fit<'t>(
    text: &'t str,
    row: u32,
    column: Column,
    overflow: &mut Vec<(String, String)>,
) -> std::borrow::Cow<'t, str> {
    if text.chars().count() <= CELL_LIMIT {
        return std::borrow::Cow::Borrowed(text);
    }
    let at = CONTROLLER
        .iter()
        .position(|(k, _)| *k == column)
        .unwrap_or(0) as u32;
    let cell = CellRef::new("Template", row, at);
    let before = overflow.len();
    let mut kept = String::new();
    let mut lines = text.lines();
    for line in lines.by_ref() {
        // Room for the closing line, however long the count.
        if kept.chars().count() + line.chars().count() + 80 > CELL_LIMIT {
            overflow.push((cell.to_string(), line.to_owned()));
            break;
        }
        kept.push_str(line);
        kept.push('\n');
    }
    overflow.extend(lines.map(|line| (cell.to_string(), line.to_owned())));
    let more = overflow.len() - before;
    kept.push_str(&format!(
        "... and {more} more, on the More sheet under {cell}"
    ));
    std::borrow::Cow::Owned(kept)
}

/// Rows 1-4: the controller, the DPO and the representative, as the import reads them.
fn contact_block(ws: &mut Worksheet, register: &Register) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    for (i, label) in ["Name", "Address", "Email", "Telephone"].iter().enumerate() {
        ws.write_string_with_format(0, i as u16 + 1, *label, &bold)?;
    }
    let contact_row = |name: String, contact: Option<&crate::model::Contact>| {
        let field = |f: fn(&crate::model::Contact) -> Option<&String>| {
            contact.and_then(f).cloned().unwrap_or_default()
        };
        [
            name,
            field(|c| c.address.as_ref()),
            field(|c| c.email.as_ref()),
            field(|c| c.phone.as_ref()),
        ]
    };
    let organisation = register.organisation();
    let representative = register
        .representative
        .as_ref()
        .and_then(|id| register.index().party(id).cloned());
    let rows = [
        (
            "Controller",
            Some(contact_row(
                organisation.map(|p| p.name.clone()).unwrap_or_default(),
                organisation.and_then(|p| p.contacts.first()),
            )),
        ),
        (
            "Data Protection Officer",
            register
                .dpo
                .as_ref()
                .map(|d| contact_row(d.name.clone().unwrap_or_default(), d.contacts.first())),
        ),
        (
            "Representative",
            representative
                .as_ref()
                .map(|p| contact_row(p.name.clone(), p.contacts.first())),
        ),
    ];
    for (r, (role, values)) in rows.iter().enumerate() {
        ws.write_string_with_format(r as u32 + 1, 0, *role, &bold)?;
        for (c, value) in values.iter().flatten().enumerate() {
            if !value.is_empty() {
                ws.write_string(r as u32 + 1, c as u16 + 1, value)?;
            }
        }
    }
    Ok(())
}

/// Drop-downs on the columns that take one of a few answers, down to `last_row`.
fn drop_downs(
    ws: &mut Worksheet,
    last_row: u32,
    column: &dyn Fn(Column) -> u16,
) -> Result<(), XlsxError> {
    let yes_no = DataValidation::new().allow_list_strings(&["Yes", "No"])?;
    for c in [
        Column::DpiaRequired,
        Column::BreachOccurred,
        Column::RetainedPerPolicy,
    ] {
        ws.add_data_validation(HEADING_ROW + 1, column(c), last_row, column(c), &yes_no)?;
    }
    let progress = DataValidation::new().allow_list_strings(&[
        "Not required",
        "Not started",
        "In progress",
        "Completed",
    ])?;
    ws.add_data_validation(
        HEADING_ROW + 1,
        column(Column::DpiaProgress),
        last_row,
        column(Column::DpiaProgress),
        &progress,
    )?;
    Ok(())
}

/// The template column a finding's pointer is about (the activity's first column otherwise).
fn column_of(pointer: &str) -> Column {
    use Column as C;
    let field = pointer.split('/').nth(3).unwrap_or("");
    let table: BTreeMap<&str, Column> = [
        ("business_function", C::BusinessFunction),
        ("purposes", C::Purpose),
        ("joint_controllers", C::JointController),
        ("data_subjects", C::Individuals),
        ("data_categories", C::PersonalData),
        ("recipients", C::Recipients),
        ("transfers", C::ThirdCountries),
        ("retention", C::Retention),
        ("security_measures", C::Security),
        ("lawful_bases", C::Article6),
        ("special_category_conditions", C::Article9),
        ("criminal_offence_conditions", C::Schedule1Condition),
        ("automated_decisions", C::AutomatedDecisions),
        ("systems", C::Location),
        ("dpia", C::DpiaRequired),
        ("breaches", C::BreachLink),
    ]
    .into_iter()
    .collect();
    table.get(field).copied().unwrap_or(C::BusinessFunction)
}

/// The `Findings` sheet: each finding, its cell linked.
/// Where the findings link to: the sheet of the template, each activity's first row, and the
/// sheet column of the template column a finding is about.
struct Places<'p> {
    sheet: &'p str,
    rows: &'p [u32],
    columns: &'p [(Column, &'p str)],
}

fn findings(
    ws: &mut Worksheet,
    register: &Register,
    options: &ReportOptions,
    places: &Places<'_>,
) -> Result<(), XlsxError> {
    ws.set_name("Findings")?;
    let heading = heading_format();
    let wrap = Format::new().set_text_wrap();
    for (i, (title, width)) in [
        ("Severity", 10),
        ("Rule", 34),
        ("Cell", 14),
        ("Finding", 80),
        ("Cites", 24),
        ("Pointer", 40),
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(0, i as u16, *title, &heading)?;
        ws.set_column_width(i as u16, *width)?;
    }
    ws.set_freeze_panes(1, 0)?;
    let report = validate(register, &options.validation);
    for (i, f) in report.findings.iter().enumerate() {
        let row = i as u32 + 1;
        ws.write_string(row, 0, f.severity.to_string())?;
        ws.write_string(row, 1, f.rule)?;
        let activity: Option<usize> = f
            .path
            .strip_prefix("/activities/")
            .and_then(|rest| rest.split('/').next()?.parse().ok());
        let at = activity
            .and_then(|a| places.rows.get(a))
            .filter(|&&at| at != u32::MAX);
        if let Some(&at) = at {
            let column = places
                .columns
                .iter()
                .position(|(k, _)| *k == column_of(&f.path))
                .unwrap_or(0) as u32;
            let cell = CellRef::new(places.sheet, at, column);
            ws.write_url_with_text(
                row,
                2,
                Url::new(format!("internal:{cell}")),
                cell.to_string(),
            )?;
        }
        ws.write_string_with_format(row, 3, &f.message, &wrap)?;
        ws.write_string(row, 4, &f.citation)?;
        ws.write_string(row, 5, f.display_path())?;
    }
    Ok(())
}
