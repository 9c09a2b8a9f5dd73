//! The rows of a template sheet read into a register, every value with its cell.

mod bases;
mod contact;
mod data;
mod processor;

use std::collections::BTreeMap;

use serde::Serialize;

use super::SheetError;
use super::cell::CellRef;
use super::grid::{Grid, Row};
use super::ico::{self, Column, Headings};
use super::layout::Layout;
use super::recognise::{Meaning, meaning};
use crate::model::{ActivityRole, Party, ProcessingActivity, Purpose, Register};

/// A register read from a spreadsheet, with where each value came from.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Imported {
    /// The register.
    pub register: Register,
    /// The layout the sheet was read in: `ico-controller`, or `own` (a [`Layout`] of one's own).
    pub layout: &'static str,
    /// The sheet the template was found on.
    pub sheet: String,
    /// The cell each value came from, by the value's JSON Pointer in the register.
    pub cells: BTreeMap<String, CellRef>,
    /// The cells, or parts of cells, that were not read into typed facts, in sheet order: each is
    /// also in its activity's `notes`, word for word.
    pub unread: Vec<Unread>,
}

impl Imported {
    /// The cell a value came from: the cell of the pointer, or of the nearest value that holds it
    /// (`/activities/0/purposes/1/lawful_bases/0` falls back to `/activities/0/purposes/1`, then
    /// to the activity's row).
    pub fn cell_of(&self, pointer: &str) -> Option<&CellRef> {
        let mut pointer = pointer;
        loop {
            if let Some(cell) = self.cells.get(pointer) {
                return Some(cell);
            }
            pointer = &pointer[..pointer.rfind('/')?];
        }
    }
}

/// A cell, or part of one, that no recogniser typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Unread {
    /// The cell.
    pub cell: CellRef,
    /// Its column's heading, as written.
    pub heading: String,
    /// The words not read, as written.
    pub text: String,
    /// The JSON Pointer of the note that keeps them.
    pub pointer: String,
    /// Why they were not read.
    pub reason: UnreadReason,
}

/// Why words of a cell were not read into a typed fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum UnreadReason {
    /// No recogniser reads them: kept as a note.
    NotRecognised,
    /// The cell says the value is still to be confirmed ("TBC"): a gap the organisation knows of.
    ToBeConfirmed,
    /// A column of the organisation's own, which the template does not have: kept as a note.
    OwnColumn,
    /// Read, but the register has no field for it (the template's "Rights available to
    /// individuals": the rights follow from the bases): kept as a note.
    NoField,
}

/// The register of the first sheet that has the template's heading row (or, with a layout of
/// one's own, the layout's headings).
pub(crate) fn from_grids(
    grids: &[Grid],
    file: &str,
    layout: Option<&Layout>,
) -> Result<Imported, SheetError> {
    let mut nearest: Option<(String, usize, String)> = None;
    for grid in grids {
        if layout
            .and_then(|l| l.sheet.as_ref())
            .is_some_and(|s| *s != grid.sheet)
        {
            continue;
        }
        let found = match layout {
            Some(layout) => heading_row_by(grid, layout),
            None => ico::find_heading_row(grid),
        };
        match found {
            Ok((at, headings)) => {
                let name = match (layout, headings.is_processor()) {
                    (Some(_), _) => "own",
                    (None, true) => "ico-processor",
                    (None, false) => "ico-controller",
                };
                let mut builder = Builder::new(grid, at, headings, file);
                builder.layout = name;
                return Ok(builder.build());
            }
            Err(Some((at, best))) => {
                let row = &grid.rows[at];
                if nearest
                    .as_ref()
                    .is_none_or(|(_, n, _)| best.columns.len() > *n)
                {
                    let place = CellRef::new(&grid.sheet, row.index, 0);
                    let found = row.cells.iter().map(|(_, h)| h.trim()).collect::<Vec<_>>();
                    nearest = Some((place.to_string(), best.columns.len(), found.join(" | ")));
                }
            }
            Err(None) => {}
        }
    }
    let (place, matched, found) =
        nearest.unwrap_or_else(|| ("no row".to_owned(), 0, String::new()));
    let of = match layout {
        Some(layout) => format!("the layout's {} headings", layout.columns.len()),
        None => "layout ico-controller's 30 headings".to_owned(),
    };
    Err(SheetError::NoHeadingRow {
        file: file.to_owned(),
        nearest: format!("row {place} ({matched} of {of} matched)"),
        found: if found.is_empty() {
            "none".to_owned()
        } else {
            found
        },
    })
}

/// The heading row by a layout of one's own: the row it names, or the row of the first rows that
/// names the most of its headings (at least one).
fn heading_row_by(
    grid: &Grid,
    layout: &Layout,
) -> Result<(usize, Headings), Option<(usize, Headings)>> {
    let rows = grid.rows.iter().enumerate();
    let candidates: Vec<(usize, Headings)> = match layout.heading_row {
        Some(n) => rows
            .filter(|(_, row)| row.index + 1 == n)
            .map(|(i, row)| (i, ico::match_layout(row, &layout.columns)))
            .collect(),
        None => rows
            .take(100)
            .map(|(i, row)| (i, ico::match_layout(row, &layout.columns)))
            .collect(),
    };
    let best = candidates
        .into_iter()
        .fold(None::<(usize, Headings)>, |best, (i, h)| match best {
            Some((_, ref b)) if b.columns.len() >= h.columns.len() => best,
            _ => Some((i, h)),
        });
    match best {
        Some((i, headings)) if !headings.columns.is_empty() => Ok((i, headings)),
        other => Err(other),
    }
}

/// The register being read, and where each value came from.
pub(super) struct Builder<'g> {
    pub grid: &'g Grid,
    pub headings: Headings,
    pub heading_at: usize,
    pub register: Register,
    pub cells: BTreeMap<String, CellRef>,
    pub unread: Vec<Unread>,
    /// Each template column's text in the row above, for "see above".
    above: BTreeMap<Column, String>,
    /// The purposes the current row added: its bases are theirs (the activity's where it added
    /// none).
    pub row_purposes: std::ops::Range<usize>,
    /// The layout read: `ico-controller`, or `own`.
    layout: &'static str,
}

impl<'g> Builder<'g> {
    fn new(grid: &'g Grid, heading_at: usize, headings: Headings, file: &str) -> Self {
        let stem = std::path::Path::new(file)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "Organisation".to_owned());
        Self {
            grid,
            headings,
            heading_at,
            register: Register::new(Party::new("organisation", stem)),
            cells: BTreeMap::new(),
            unread: Vec::new(),
            above: BTreeMap::new(),
            row_purposes: 0..0,
            layout: "ico-controller",
        }
    }

    fn build(mut self) -> Imported {
        contact::read(&mut self);
        for row in &self.grid.rows[self.heading_at + 1..] {
            self.row(row);
        }
        Imported {
            register: self.register,
            layout: self.layout,
            sheet: self.grid.sheet.clone(),
            cells: self.cells,
            unread: self.unread,
        }
    }

    /// The cell of a column in a row.
    pub(super) fn cell(&self, row: &Row, column: u32) -> CellRef {
        CellRef::new(&self.grid.sheet, row.index, column)
    }

    /// The text of each template column in a row, "see above" resolved; "TBC" is noted as a gap.
    fn texts(&mut self, row: &Row, activity: usize) -> Vec<(Column, u32, String)> {
        let mut texts = Vec::new();
        for &(at, column) in &self.headings.columns.clone() {
            let Some(raw) = row.get(at) else {
                self.above.remove(&column);
                continue;
            };
            let text = match meaning(raw) {
                Meaning::Nothing => {
                    self.above.remove(&column);
                    texts.push((column, at, String::new()));
                    continue;
                }
                Meaning::ToBeConfirmed => {
                    self.note(row, at, activity, raw, UnreadReason::ToBeConfirmed);
                    continue;
                }
                Meaning::AsAbove => match self.above.get(&column) {
                    Some(text) => text.clone(),
                    None => {
                        self.note(row, at, activity, raw, UnreadReason::NotRecognised);
                        continue;
                    }
                },
                Meaning::Text(text) => {
                    // A cell `ropa export` cut at the cell limit ends with a line saying where
                    // the rest is: that line is no value, and is kept as the register's words.
                    match text.rsplit_once('\n') {
                        Some((kept, last))
                            if last.starts_with("... and ")
                                && last.contains(" more, on the More sheet under ") =>
                        {
                            self.note(row, at, activity, last, UnreadReason::NoField);
                            kept.to_owned()
                        }
                        _ => text.to_owned(),
                    }
                }
            };
            self.above.insert(column, text.clone());
            texts.push((column, at, text));
        }
        texts
    }

    /// One row: a new activity, or another purpose of the activity above when the row gives
    /// only a purpose and its basis. Columns are read in the template's order, so that a row's
    /// purposes and data are there before the bases and sources that refer to them.
    fn row(&mut self, row: &Row) {
        let continues = !self.register.activities.is_empty()
            && !self.headings.is_processor()
            && continues_above(&self.headings, row);
        if !continues {
            self.start_activity(row);
        }
        let activity = self.register.activities.len() - 1;
        let mut texts = self.texts(row, activity);
        texts.sort_by_key(|(column, _, _)| *column);
        let purposes_before = self.register.activities[activity].purposes.len();
        for (column, at, text) in texts {
            if column > Column::Purpose {
                let purposes_now = self.register.activities[activity].purposes.len();
                self.row_purposes = purposes_before..purposes_now;
            }
            let cell = self.cell(row, at);
            self.apply(activity, column, &text, cell);
        }
        for (at, heading) in self.headings.own.clone() {
            if let Some(text) = row.get(at) {
                let text = format!("{heading}: {}", text.trim());
                self.note(row, at, activity, &text, UnreadReason::OwnColumn);
            }
        }
    }

    fn start_activity(&mut self, row: &Row) {
        let n = row.index as u64 + 1;
        let name = [
            Column::ActivityName,
            Column::Purpose,
            Column::BusinessFunction,
        ]
        .iter()
        .filter_map(|c| self.headings.column_of(*c))
        .find_map(|at| {
            row.get(at)
                .filter(|t| matches!(meaning(t), Meaning::Text(_)))
        })
        .and_then(|t| super::recognise::lines(t).first().map(|l| (*l).to_owned()))
        .unwrap_or_else(|| format!("Row {n}"));
        // The processor template's rows are each a controller acted for (Art 30(2)).
        let controller = self
            .headings
            .column_of(Column::Controller)
            .and_then(|at| row.get(at))
            .filter(|_| self.headings.is_processor());
        let (name, role) = match controller {
            Some(controller) => {
                let first = super::recognise::lines(controller).first().copied();
                (
                    format!("Processing for {}", first.unwrap_or(controller)),
                    ActivityRole::Processor,
                )
            }
            None => (name, ActivityRole::Controller),
        };
        let activity = ProcessingActivity::new(format!("row-{n}"), name, role);
        self.register.activities.push(activity);
        let pointer = format!("/activities/{}", self.register.activities.len() - 1);
        let first = row.cells.first().map_or(0, |(c, _)| *c);
        self.cells.insert(pointer, self.cell(row, first));
    }

    /// Reads one template column's text into the activity.
    fn apply(&mut self, activity: usize, column: Column, text: &str, cell: CellRef) {
        use Column as C;
        match column {
            C::BusinessFunction => {
                if !text.is_empty() {
                    self.register.activities[activity].business_function = Some(text.to_owned());
                    self.cells
                        .insert(format!("/activities/{activity}/business_function"), cell);
                }
            }
            C::Purpose => purposes(self, activity, text, cell),
            C::Controller | C::CategoriesOfProcessing => {
                processor::apply(self, activity, column, text, cell);
            }
            C::ActivityName => {
                if !text.is_empty() {
                    self.register.activities[activity].name = text.to_owned();
                    self.cells
                        .insert(format!("/activities/{activity}/name"), cell);
                }
            }
            C::JointController
            | C::Individuals
            | C::PersonalData
            | C::SpecialCategoryData
            | C::Recipients
            | C::ProcessorContract
            | C::ThirdCountries
            | C::Safeguards
            | C::Retention
            | C::Security
            | C::Source
            | C::Location => data::apply(self, activity, column, text, cell),
            _ => bases::apply(self, activity, column, text, cell),
        }
    }

    /// Keeps words no recogniser read, verbatim, in the activity's notes with their cell.
    pub(super) fn note(
        &mut self,
        row: &Row,
        at: u32,
        activity: usize,
        text: &str,
        reason: UnreadReason,
    ) {
        let cell = self.cell(row, at);
        self.keep(activity, text, cell, reason);
    }

    /// As [`Builder::note`], for a cell already named.
    pub(super) fn keep(
        &mut self,
        activity: usize,
        text: &str,
        cell: CellRef,
        reason: UnreadReason,
    ) {
        let heading = self
            .headings
            .columns
            .iter()
            .find(|(at, _)| *at == cell.column)
            .and_then(|(_, c)| {
                ico::CONTROLLER
                    .iter()
                    .chain(&ico::PROCESSOR)
                    .find(|(k, _)| k == c)
            })
            .map(|(_, h)| (*h).to_owned())
            .or_else(|| {
                self.headings
                    .own
                    .iter()
                    .find(|(at, _)| *at == cell.column)
                    .map(|(_, h)| h.clone())
            })
            .unwrap_or_default();
        let notes = &mut self.register.activities[activity].notes;
        let prefix = match reason {
            UnreadReason::ToBeConfirmed => "to be confirmed: ",
            _ => "",
        };
        notes.push(format!("{cell} ({heading}): {prefix}{}", text.trim()));
        let pointer = format!("/activities/{activity}/notes/{}", notes.len() - 1);
        self.cells.insert(pointer.clone(), cell.clone());
        self.unread.push(Unread {
            cell,
            heading,
            text: text.trim().to_owned(),
            pointer,
            reason,
        });
    }
}

/// Whether a row only adds a purpose (and its basis) to the activity above: it names no
/// business function, individuals or data of its own, but does name a purpose.
fn continues_above(headings: &Headings, row: &Row) -> bool {
    let has = |column: Column| {
        headings
            .column_of(column)
            .and_then(|at| row.get(at))
            .is_some_and(|t| matches!(meaning(t), Meaning::Text(_)))
    };
    has(Column::Purpose)
        && !has(Column::ActivityName)
        && !has(Column::BusinessFunction)
        && !has(Column::Individuals)
        && !has(Column::PersonalData)
}

/// Each value of the purpose cell as a purpose of the activity.
fn purposes(b: &mut Builder<'_>, activity: usize, text: &str, cell: CellRef) {
    // A purpose is a sentence that may hold a ";" of its own: one a line.
    for value in super::recognise::lines(text) {
        let purposes = &mut b.register.activities[activity].purposes;
        let id = format!("purpose-{}", purposes.len() + 1);
        purposes.push(Purpose::new(id, value));
        let pointer = format!("/activities/{activity}/purposes/{}", purposes.len() - 1);
        b.cells.insert(pointer, cell.clone());
    }
}
