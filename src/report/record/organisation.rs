//! The organisation the register is kept for: who it is, its DPO and representative, the regime,
//! upkeep and the documents the register refers to.

use crate::model::labels::{Label, capital};
use crate::model::*;
use crate::report::ReportOptions;
use crate::report::sink::{Cell, Field};
use crate::report::text::*;

pub(crate) fn header(
    register: &Register,
    index: &RegisterIndex<'_>,
    options: &ReportOptions,
) -> Vec<Field> {
    let organisation = register.organisation();
    let mut rows = vec![
        (
            "Name",
            one(organisation
                .map(|p| match &p.description {
                    Some(d) => format!("{} ({d})", p.name),
                    None => p.name.clone(),
                })
                .unwrap_or_else(|| NOT_STATED.to_owned())),
        ),
        (
            "Contact details",
            organisation
                .map(|p| contacts(&p.contacts))
                .unwrap_or_else(|| one(NOT_STATED)),
        ),
        (
            "Public authority",
            one(yes_no(register.is_public_authority())),
        ),
        (
            "Data protection officer",
            register
                .dpo
                .as_ref()
                .map(|d| dpo(index, d))
                .unwrap_or_else(|| one(NONE_RECORDED)),
        ),
        (
            "Representative (Art 27)",
            register
                .representative
                .as_ref()
                .map(|id| party(index, id))
                .unwrap_or_else(|| one(NONE_RECORDED)),
        ),
        (
            "Supervisory authority",
            register
                .supervisory_authority
                .as_ref()
                .map(|id| party(index, id))
                .unwrap_or_else(|| one(NOT_STATED)),
        ),
    ];
    rows.extend(upkeep_rows(register, options));
    // Facts a register records only sometimes: shown where recorded.
    let facts = organisation.map(party_facts).unwrap_or_default();
    if !facts.is_empty() {
        rows.insert(2, ("Registrations and representation", facts));
    }
    if let Some(state) = register.member_state {
        rows.push(("Member state of establishment", one(state.to_string())));
    }
    rows.push((
        "Complaints procedure",
        register
            .complaints_procedure
            .as_ref()
            .map(|procedure| complaints_procedure(procedure, index))
            .unwrap_or_else(|| one(NOT_STATED)),
    ));
    rows
}

/// The regime the register is kept under, who keeps it and when it is reviewed.
fn upkeep_rows(register: &Register, options: &ReportOptions) -> [Field; 4] {
    [
        (
            "Regime",
            one(register
                .regime
                .map(|r| r.label().to_owned())
                .unwrap_or_else(|| {
                    format!(
                        "{} (not stated in the register)",
                        options.validation.regime.label()
                    )
                })),
        ),
        (
            "Register owner",
            one(register
                .owner
                .clone()
                .unwrap_or_else(|| NOT_STATED.to_owned())),
        ),
        (
            "Last reviewed",
            one(register
                .last_reviewed
                .map(|d| d.to_string())
                .unwrap_or_else(|| NOT_STATED.to_owned())),
        ),
        (
            "Next review",
            one(register
                .next_review
                .map(|d| d.to_string())
                .unwrap_or_else(|| NOT_STATED.to_owned())),
        ),
    ]
}

/// The DPO: name and position once, then the contact details. A contact label that only
/// repeats "data protection officer", the name or the position is left out.
pub(crate) fn dpo(index: &RegisterIndex<'_>, d: &Dpo) -> Cell {
    let mut who = Vec::new();
    if let Some(name) = &d.name {
        who.push(name.clone());
    }
    if let Some(position) = &d.position {
        who.push(position.clone());
    }
    if let Some(id) = &d.party {
        let name = party_name(index, id);
        if !who.contains(&name) {
            who.push(name);
        }
    }
    let repeats = |label: &str| {
        let label = label.trim().to_lowercase();
        label == "data protection officer"
            || label == "dpo"
            || who.iter().any(|w| w.to_lowercase() == label)
    };
    let mut items = Vec::new();
    if !who.is_empty() {
        items.push(who.join(", "));
    }
    for c in &d.contacts {
        let mut c = c.clone();
        if c.label.as_deref().is_some_and(repeats) {
            c.label = None;
        }
        items.extend(contact(&c));
    }
    join_or_not_stated(items)
}

/// The register's documents, each with its kind, dates and note, so that no document (and no
/// note on one) is left out even where nothing refers to it.
pub(super) fn documents(register: &Register) -> Vec<Vec<Cell>> {
    register
        .documents
        .iter()
        .map(|d| {
            vec![
                one(d.title.clone()),
                one(capital(d.kind.label())),
                one(d.location.clone().unwrap_or_else(|| NOT_STATED.to_owned())),
                one(d
                    .date
                    .map(|x| x.to_string())
                    .unwrap_or_else(|| NOT_STATED.to_owned())),
                one(d
                    .review_date
                    .map(|x| x.to_string())
                    .unwrap_or_else(|| NOT_STATED.to_owned())),
                one(d.note.clone().unwrap_or_default()),
            ]
        })
        .collect()
}

/// Every party once, whole: the activities refer to parties by name, a long one cut, so that a
/// party referred to N times is not copied N times; its full record is here.
pub(super) fn parties(register: &Register, index: &RegisterIndex<'_>) -> Vec<Vec<Cell>> {
    register
        .parties
        .iter()
        .map(|p| {
            vec![
                one(p.name.clone()),
                one(p.id.to_string()),
                one(p
                    .kind
                    .map_or_else(|| NOT_STATED.to_owned(), |k| capital(k.label()))),
                one(p
                    .country
                    .map_or_else(|| NOT_STATED.to_owned(), crate::report::text::country)),
                join_or(
                    p.description
                        .iter()
                        .cloned()
                        .chain(p.contacts.iter().flat_map(contact))
                        .chain(party_facts(p))
                        .chain(processor_facts(p, index))
                        .collect(),
                    NOT_STATED,
                ),
                one(p
                    .contract
                    .as_ref()
                    .map_or_else(|| "None recorded".to_owned(), |d| document(index, d))),
            ]
        })
        .collect()
}

/// What the register records of a party as a processor: its certification, its sub-processors
/// (by name, a long one cut) and the authorisation of them.
fn processor_facts(p: &Party, index: &RegisterIndex<'_>) -> Vec<String> {
    let mut facts = Vec::new();
    if p.dpf_certified {
        facts.push("Certified under the Data Privacy Framework".to_owned());
    }
    if p.dpf_uk_extension {
        facts.push("Certified to the UK Extension to the Data Privacy Framework".to_owned());
    }
    if !p.sub_processors.is_empty() {
        let names: Vec<String> = p
            .sub_processors
            .iter()
            .map(|s| party_name(index, s))
            .collect();
        facts.push(format!("Sub-processors: {}", enumerate(&names)));
    }
    if let Some(d) = &p.sub_processor_authorisation {
        facts.push(format!(
            "Authorisation of sub-processors: {}",
            document(index, d)
        ));
    }
    facts
}

/// The complaints procedure as recorded: its description, where complaints go, its document.
fn complaints_procedure(p: &ComplaintsProcedure, index: &RegisterIndex<'_>) -> Vec<String> {
    let mut lines: Vec<String> = p.description.iter().cloned().collect();
    lines.extend(p.contacts.iter().flat_map(contact));
    if let Some(d) = &p.document {
        lines.push(format!("Set out in {}", document(index, d)));
    }
    if lines.is_empty() {
        lines.push(NOT_STATED.to_owned());
    }
    lines
}
