//! The Art 30 record, with the regulator's template headings.
//!
//! Every field of the register appears next to what it qualifies, notes included; where the
//! register says nothing the row says so ("Not stated", "None recorded") rather than guessing.

use std::io;

use super::ReportOptions;
use super::sink::{Field, Sink};
use super::text::*;

use crate::model::*;
use cells::{measures, none_recorded, processor_contract, status_rows, transfer_rows};
use organisation::{documents, header};

pub(crate) use cells::{destination_in_words, sources, transfer_safeguards};
pub(crate) use controller::{controller_rows, purpose_fields};
pub(crate) use organisation::dpo;

mod cells;
mod controller;
mod organisation;

/// What the rows of one activity need besides the activity.
pub(crate) struct RowContext<'r, 'i> {
    pub register: &'r Register,
    pub index: &'i RegisterIndex<'r>,
    /// The DPA 2018 (Schedule 1, para 41) applies.
    pub uk_law: bool,
    /// The regime and the date the rights are worded and cited for.
    pub regime: Regime,
    pub date: chrono::NaiveDate,
}

impl<'r, 'i> RowContext<'r, 'i> {
    pub(crate) fn new(
        register: &'r Register,
        index: &'i RegisterIndex<'r>,
        options: &ReportOptions,
    ) -> Self {
        Self {
            register,
            index,
            uk_law: crate::validate::uk_law_applies(register, options.validation.regime),
            regime: register.regime.unwrap_or(options.validation.regime),
            date: options.date(),
        }
    }
}

pub(crate) fn render(
    register: &Register,
    options: &ReportOptions,
    sink: &mut dyn Sink,
) -> io::Result<()> {
    let index = register.index();
    let cx = RowContext::new(register, &index, options);
    sink.begin(&format!(
        "Record of processing activities: {}",
        super::organisation_name(register)
    ))?;
    sink.paragraph(&format!(
        "The record kept under Article 30 of the {}, as of {}.",
        register.regime.unwrap_or(options.validation.regime).label(),
        options.date()
    ))?;
    sink.heading(2, "Controller")?;
    sink.fields("The organisation", &header(register, &index, options))?;
    let (processor, controller): (Vec<&ProcessingActivity>, Vec<&ProcessingActivity>) = register
        .activities
        .iter()
        .partition(|a| a.role == ActivityRole::Processor);
    if !controller.is_empty() {
        sink.heading(2, "Processing activities (Article 30(1))")?;
        for a in controller {
            activity_heading(a, sink)?;
            sink.fields(&record_of(a), &controller_record(&cx, a))?;
        }
    }
    if !processor.is_empty() {
        sink.heading(2, "Processing on behalf of controllers (Article 30(2))")?;
        for a in processor {
            activity_heading(a, sink)?;
            sink.fields(&record_of(a), &processor_record(&cx, a))?;
        }
    }
    if !register.documents.is_empty() {
        sink.heading(2, "Documents")?;
        sink.table(
            "Documents the register refers to",
            &["Document", "Kind", "Where", "Date", "Review", "Note"],
            &documents(register),
        )?;
    }
    sink.end()
}

fn activity_heading(a: &ProcessingActivity, sink: &mut dyn Sink) -> io::Result<()> {
    sink.heading(3, &a.name)?;
    if let Some(description) = &a.description {
        sink.paragraph(description)?;
    }
    Ok(())
}

fn record_of(a: &ProcessingActivity) -> String {
    format!("Record of \u{2018}{}\u{2019}", a.name)
}

/// The rows of an activity carried out as controller (Art 30(1)).
fn controller_record(cx: &RowContext<'_, '_>, a: &ProcessingActivity) -> Vec<Field> {
    let index = cx.index;
    let mut rows = status_rows(a);
    if let Some(arrangement) = &a.joint_arrangement {
        rows.push((
            "Joint controller arrangement (Art 26)",
            one(document(index, arrangement)),
        ));
    }
    rows.extend(controller_rows(cx, a, None));
    rows
}

/// The rows of an activity carried out as processor (Art 30(2)), then whatever else the register
/// records about it.
fn processor_record(cx: &RowContext<'_, '_>, a: &ProcessingActivity) -> Vec<Field> {
    let (register, index) = (cx.register, cx.index);
    let names = CategoryNames::new(a).with_shared(&register.recipients);
    let [countries, safeguards] = transfer_rows(index, a, &names);
    let [a_controller, a_processing, a_contract] = processor_rows(index, a);
    let mut rows = status_rows(a);
    rows.extend([
        a_controller,
        a_processing,
        a_contract,
        (
            "Sub-processors",
            none_recorded(
                a.recipients
                    .iter()
                    .chain(&register.recipients)
                    .filter(|r| r.role == Some(RecipientRole::Processor))
                    .map(|r| processor_contract(index, r))
                    .collect(),
            ),
        ),
        countries,
        safeguards,
        (
            "General description of technical and organisational security measures",
            join_or_not_stated(measures(register, a)),
        ),
    ]);
    // Whatever else the register records about the activity, so that nothing is dropped.
    // The rights the bases give and the processor contracts are the controller's and
    // the sub-processors row's to state.
    let mut shown: Vec<&str> = rows.iter().map(|(label, _)| *label).collect();
    shown.extend([
        "Rights available to individuals",
        "Link to contract with processor",
    ]);
    rows.extend(
        controller_rows(cx, a, None)
            .into_iter()
            .filter(|(label, value)| {
                !shown.contains(label)
                    && !(value.len() == 1
                        && (value[0] == NOT_STATED
                            || value[0] == NONE_RECORDED
                            || value[0] == "No breach recorded"))
            }),
    );
    rows
}

/// The Art 30(2)(a)-(b) entries of an activity carried out as processor: the controllers, the
/// categories of processing for each, and the Art 28(3) contract with each.
pub(crate) fn processor_rows(index: &RegisterIndex<'_>, a: &ProcessingActivity) -> [Field; 3] {
    [
        (
            "Name and contact details of the controller",
            join_or_not_stated(
                a.on_behalf_of
                    .iter()
                    .flat_map(|o| party(index, &o.controller))
                    .collect(),
            ),
        ),
        (
            "Categories of processing",
            join_or_not_stated(
                a.on_behalf_of
                    .iter()
                    .flat_map(|o| {
                        let controller = party_name(index, &o.controller);
                        o.processing
                            .iter()
                            .map(move |p| format!("For {controller}: {p}"))
                    })
                    .collect(),
            ),
        ),
        (
            "Contract with the controller (Art 28(3))",
            join_or_not_stated(
                a.on_behalf_of
                    .iter()
                    .map(|o| {
                        let controller = party_name(index, &o.controller);
                        match &o.contract {
                            Some(d) => format!("{controller}: {}", document(index, d)),
                            None => format!("{controller}: no contract recorded"),
                        }
                    })
                    .collect(),
            ),
        ),
    ]
}
