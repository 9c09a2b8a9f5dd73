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
use marks::{ACTIVITY_AS_A_WHOLE, Placed, REGISTER_AS_A_WHOLE, mark_rows};
use organisation::{documents, header};

pub(crate) use cells::{destination_in_words, sources_worded};
pub(crate) use controller::{controller_rows, purpose_fields};
pub(crate) use organisation::dpo;

mod cells;
mod controller;
mod marks;
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
    /// Whether the register has recipients of every activity, and whether any is a processor:
    /// found once, since every activity's rows refer to them.
    pub shared_recipients: (bool, bool),
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
            regime: crate::validate::applicable_regime(
                register,
                options.validation.regime,
                options.date(),
            ),
            date: options.date(),
            shared_recipients: (
                !register.recipients.is_empty(),
                register.recipients.iter().any(controller::is_processor),
            ),
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
    let stated = register.regime.unwrap_or(options.validation.regime);
    let applied = cx.regime;
    sink.paragraph(&if stated == applied {
        format!(
            "The record kept under Article 30 of the {}, as of {}.",
            applied.label(),
            options.date()
        )
    } else {
        format!(
            "The record kept under Article 30 of the {applied}, as of {}. The register states the {stated}; the organisation is established in the United Kingdom, so the UK GDPR applies, and this report cites it.",
            options.date(),
            applied = applied.label(),
            stated = stated.label()
        )
    })?;
    sink.paragraph(KEY)?;
    let report = crate::validate::validate(register, &options.validation);
    let placed = Placed::new(register, &report);
    sink.heading(2, "Controller")?;
    let mut rows = header(register, &index, options);
    let marks = mark_rows(&mut rows, &placed.register, REGISTER_AS_A_WHOLE);
    sink.marked_fields("The organisation", &rows, &marks)?;
    shared_recipients(&cx, &placed, sink)?;
    activities(&cx, &placed, sink)?;
    if !register.parties.is_empty() {
        sink.heading(2, "Parties")?;
        marked_table(
            sink,
            "Parties the register refers to",
            &[
                "Party",
                "Id",
                "Kind",
                "Country",
                "Description and contact details",
                "Contract",
            ],
            (&organisation::parties(register, &index), &placed.parties),
        )?;
    }
    if !register.documents.is_empty() {
        sink.heading(2, "Documents")?;
        marked_table(
            sink,
            "Documents the register refers to",
            &["Document", "Kind", "Where", "Date", "Review", "Note"],
            (&documents(register), &placed.documents),
        )?;
    }
    sink.end()
}

/// What the report's words for a gap mean, and how findings are shown.
const KEY: &str = "How to read this record: \u{2018}Not stated\u{2019} means the register leaves the entry empty; \u{2018}None recorded\u{2019} means the register lists none (no transfers, no joint controllers), which may be the fact; \u{2018}No breach recorded\u{2019} means no personal data breach is recorded for the activity. Where the law requires what an entry shows or lacks, the finding is shown beside it, marked Error (the record as written does not meet the law), Warning (the register holds no evidence the law is met) or Information. An entry without a finding raised none of the validator's rules.";

/// The activities, those carried out as controller (Art 30(1)) first, each with its findings
/// beside its rows.
fn activities(cx: &RowContext<'_, '_>, placed: &Placed<'_>, sink: &mut dyn Sink) -> io::Result<()> {
    let activities = &cx.register.activities;
    let numbered = || activities.iter().enumerate();
    for (role, heading) in [
        (false, "Processing activities (Article 30(1))"),
        (true, "Processing on behalf of controllers (Article 30(2))"),
    ] {
        let of_role =
            |(_, a): &(usize, &ProcessingActivity)| (a.role == ActivityRole::Processor) == role;
        if !numbered().any(|item| of_role(&item)) {
            continue;
        }
        sink.heading(2, heading)?;
        for (i, a) in numbered().filter(of_role) {
            activity_heading(a, sink)?;
            let mut rows = if role {
                processor_record(cx, a)
            } else {
                controller_record(cx, a)
            };
            let marks = mark_rows(&mut rows, &placed.activities[i], ACTIVITY_AS_A_WHOLE);
            sink.marked_fields(&record_of(a), &rows, &marks)?;
        }
    }
    Ok(())
}

/// A table with a last column of the findings about each row, where any row has one.
fn marked_table(
    sink: &mut dyn Sink,
    caption: &str,
    headers: &[&str],
    (rows, marks): (&[Vec<super::sink::Cell>], &[super::sink::Marks<'_>]),
) -> io::Result<()> {
    if marks.iter().all(Vec::is_empty) {
        return sink.table(caption, headers, rows);
    }
    let mut headers = headers.to_vec();
    headers.push(super::sink::FINDINGS);
    sink.table_start(caption, &headers)?;
    for (row, marks) in rows.iter().zip(marks) {
        sink.marked_table_row(row, marks)?;
    }
    sink.table_end()
}

/// The heading of the register-wide recipients' section, which each activity refers to.
pub(crate) const SHARED_RECIPIENTS: &str = "Recipients of every activity";

/// The register-wide recipients, once: they receive every activity's data, and each activity's
/// record refers here rather than repeating them.
fn shared_recipients(
    cx: &RowContext<'_, '_>,
    placed: &Placed<'_>,
    sink: &mut dyn Sink,
) -> io::Result<()> {
    let Some(mut rows) = shared_recipients_row(cx) else {
        return Ok(());
    };
    sink.heading(2, SHARED_RECIPIENTS)?;
    sink.paragraph("These recipients receive the data of every activity. Each activity's record refers to them here.")?;
    let marks = mark_rows(&mut rows, &placed.recipients, REGISTER_AS_A_WHOLE);
    sink.marked_fields(SHARED_RECIPIENTS, &rows, &marks)
}

/// The rows of the register-wide recipients, where there are any.
pub(crate) fn shared_recipients_row(cx: &RowContext<'_, '_>) -> Option<Vec<Field>> {
    let shared = &cx.register.recipients;
    if shared.is_empty() {
        return None;
    }
    let names = CategoryNames::register_wide(cx.register);
    Some(vec![
        (
            "Categories of recipients",
            shared
                .iter()
                .map(|r| recipient(cx.index, r, &names))
                .collect(),
        ),
        (
            "Link to contract with processor",
            none_recorded(
                shared
                    .iter()
                    .filter(|r| controller::is_processor(r))
                    .map(|r| processor_contract(cx.index, r))
                    .collect(),
            ),
        ),
    ])
}

/// The line of an activity's recipients that refers to the register-wide ones, where any of them
/// is of the kind the row lists (`present`).
pub(crate) fn shared_recipients_note(present: bool) -> Option<String> {
    present.then(|| {
        format!(
            "The recipients of every activity, listed under \u{2018}{SHARED_RECIPIENTS}\u{2019}"
        )
    })
}

fn activity_heading(a: &ProcessingActivity, sink: &mut dyn Sink) -> io::Result<()> {
    sink.activity(&a.name)?;
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
    let names = CategoryNames::new(a).with_shared(index);
    let [countries, safeguards] = transfer_rows(index, a, &names, (cx.regime, cx.date));
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
                    .filter(|r| controller::is_processor(r))
                    .map(|r| processor_contract(index, r))
                    .chain(shared_recipients_note(cx.shared_recipients.1))
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
                    .flat_map(|o| {
                        let representative = o.representative.iter().flat_map(|id| {
                            party(index, id)
                                .into_iter()
                                .map(|line| format!("Its Art 27 representative: {line}"))
                        });
                        party(index, &o.controller)
                            .into_iter()
                            .chain(representative)
                    })
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
