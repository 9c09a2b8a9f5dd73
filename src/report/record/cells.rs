//! One cell of the record each: a data subject, a measure, a contract, a transfer, a condition,
//! automated decisions, sources, systems, DPIA and risk, status.

use crate::model::labels::{Label, capital};
use crate::model::*;
use crate::report::sink::{Cell, Field};
use crate::report::text::*;

pub(super) fn subject(s: &DataSubjectCategory) -> String {
    let mut text = s.name.clone();
    if let Some(description) = &s.description {
        text.push_str(&format!(" ({description})"));
    }
    if s.children {
        text.push_str(" (includes children)");
    }
    if let Some(age) = s.minimum_age {
        text.push_str(&format!(" (aged {age} and over)"));
    }
    if s.vulnerable {
        text.push_str(" (includes vulnerable people)");
    }
    text + &taxonomy(&s.taxonomy)
}

fn measure(m: &SecurityMeasure) -> String {
    match &m.description {
        Some(d) => format!("{}: {d}", capital(m.kind.label())),
        None => capital(m.kind.label()),
    }
}

/// The activity's own measures, then the register's, each once.
pub(super) fn measures(register: &Register, a: &ProcessingActivity) -> Vec<String> {
    let mut out: Vec<String> = a
        .security_measures
        .iter()
        .chain(&register.security_measures)
        .map(measure)
        .collect();
    out.dedup();
    out
}

pub(super) fn processor_contract(index: &RegisterIndex<'_>, r: &Recipient) -> String {
    let name = recipient_name(index, r);
    let contract = r.agreement.as_ref().or_else(|| {
        r.party
            .as_ref()
            .and_then(|id| index.party(id))
            .and_then(|p| p.contract.as_ref())
    });
    match contract {
        Some(d) => format!("{name}: {}", document(index, d)),
        None => format!("{name}: no contract recorded"),
    }
}

/// A transfer's destination, recipient, mechanism and documents, in one item.
pub(crate) fn transfer_safeguards(
    index: &RegisterIndex<'_>,
    t: &Transfer,
    names: &CategoryNames<'_>,
    law: Law,
) -> String {
    let mut text = format!(
        "{}: {}",
        destination_in_words(index, t, names),
        mechanism(t, law)
    );
    if let Some(frequency) = t.frequency {
        text.push_str(&format!(", {} transfers", frequency.label()));
    }
    if !t.data_categories.is_empty() {
        text.push_str(&format!("; data: {}", names.names(&t.data_categories)));
    }
    if let Some(d) = &t.documentation {
        text.push_str(&format!("; documented in {}", document(index, d)));
    }
    if let Some(d) = &t.risk_assessment {
        text.push_str(&format!("; risk assessment: {}", document(index, d)));
    }
    if let Some(description) = &t.description {
        text.push_str(&format!(
            " (in the register's words: \u{201c}{description}\u{201d})"
        ));
    }
    text
}

/// A destination in words; where no country is named, what the register does say: the
/// recipient's country, or only that it is not named.
pub(crate) fn destination_in_words(
    index: &RegisterIndex<'_>,
    t: &Transfer,
    names: &CategoryNames<'_>,
) -> String {
    let mut text = destination(t);
    let recipient = t.recipient.as_ref().and_then(|id| names.recipient(id));
    if t.destination == TransferDestination::Country && t.country.is_none() {
        let country = recipient.and_then(|r| {
            r.country.or_else(|| {
                r.party
                    .as_ref()
                    .and_then(|id| index.party(id))
                    .and_then(|p| p.country)
            })
        });
        if let Some(country) = country {
            text.push_str(&format!(
                " (the recipient is recorded in {})",
                super::super::text::country(country)
            ));
        }
    }
    if let Some(r) = recipient {
        text.push_str(&format!(", to {}", recipient_name(index, r)));
    }
    text
}

pub(super) fn criminal_condition(
    c: &CriminalOffenceCondition,
    names: &CategoryNames<'_>,
    uk_law: bool,
) -> String {
    let mut text = format!("Art 10: {}", c.authority.label());
    if !c.legal_sources.is_empty() {
        text.push_str(&format!(" under {}", enumerate(&c.legal_sources)));
    }
    if let Some(p) = c.schedule_1_paragraph {
        text.push_str(&format!(
            "; DPA 2018 Sch 1 para {} ({}){}",
            p.paragraph(),
            p.heading(),
            if uk_law {
                ""
            } else {
                ", recorded although the DPA 2018 does not apply"
            }
        ));
    }
    if !c.data_categories.is_empty() {
        text.push_str(&format!("; covers {}", names.names(&c.data_categories)));
    }
    if let Some(description) = &c.description {
        text.push_str(&format!(" ({description})"));
    }
    text
}

pub(super) fn special_condition_text(
    c: &SpecialCategoryCondition,
    names: &CategoryNames<'_>,
    uk_law: bool,
) -> String {
    let mut text = special_condition(c);
    if !uk_law && (c.schedule_1_paragraph.is_some() || c.schedule_1_part.is_some()) {
        text.push_str(" (Schedule 1 recorded although the DPA 2018 does not apply)");
    }
    if !c.data_categories.is_empty() {
        text.push_str(&format!("; covers {}", names.names(&c.data_categories)));
    }
    text
}

pub(super) fn automated(a: &ProcessingActivity) -> Cell {
    if a.automated_decisions.is_empty() {
        return one(if a.no_automated_decisions {
            "None: the register records that there is none"
        } else {
            NONE_RECORDED
        });
    }
    a.automated_decisions
        .iter()
        .map(|d| {
            let mut text = d.description.trim_end_matches('.').to_owned();
            let mut kinds = Vec::new();
            if d.solely_automated {
                kinds.push("solely automated");
            }
            if d.significant_effects {
                kinds.push("with legal or similarly significant effects");
            }
            if d.profiling {
                kinds.push("profiling");
            }
            if d.uses_special_category_data {
                kinds.push("uses special category data");
            }
            if !kinds.is_empty() {
                text.push_str(&format!(" ({})", kinds.join(", ")));
            }
            match (d.in_use_since, d.in_use_until) {
                (Some(from), Some(to)) => text.push_str(&format!("; in use from {from} to {to}")),
                (Some(from), None) => text.push_str(&format!("; in use since {from}")),
                (None, Some(to)) => text.push_str(&format!("; in use until {to}")),
                (None, None) => {}
            }
            if let Some(b) = d.basis {
                text.push_str(&format!("; basis: {}", b.label()));
            }
            if let Some(logic) = &d.logic {
                text.push_str(&format!("; logic: {}", logic.trim_end_matches('.')));
            }
            if let Some(consequences) = &d.consequences {
                text.push_str(&format!(
                    "; consequences: {}",
                    consequences.trim_end_matches('.')
                ));
            }
            if !d.safeguards.is_empty() {
                text.push_str(&format!("; safeguards: {}", enumerate(&d.safeguards)));
            }
            text
        })
        .collect()
}

/// Where the activity's data comes from, each source once.
pub(crate) fn sources(index: &RegisterIndex<'_>, a: &ProcessingActivity) -> Vec<String> {
    sources_worded(index, a, |kind| capital(kind.label()))
}

/// The activity's sources, each once, the kind of each in `word`'s words (the record's labels,
/// or the notice's second person), followed by the categories that come from it unless every
/// category of the activity does: a register records its sources per category, and merging them
/// would say that each category comes from each source.
pub(crate) fn sources_worded(
    index: &RegisterIndex<'_>,
    a: &ProcessingActivity,
    word: impl Fn(SourceKind) -> String,
) -> Vec<String> {
    let mut position = std::collections::HashMap::new();
    let mut found: Vec<(String, Vec<&str>)> = Vec::new();
    for c in &a.data_categories {
        let mut seen_here = std::collections::HashSet::new();
        for s in &c.sources {
            let text = source_worded(index, s, &word);
            if !seen_here.insert(text.clone()) {
                continue;
            }
            let at = *position.entry(text.clone()).or_insert_with(|| {
                found.push((text, Vec::new()));
                found.len() - 1
            });
            found[at].1.push(&c.name);
        }
    }
    let every = a.data_categories.len();
    found
        .into_iter()
        .map(|(text, categories)| {
            if categories.len() == every {
                return text;
            }
            let names: Vec<String> = categories.into_iter().map(str::to_owned).collect();
            format!("{text}; for {}", enumerate(&names))
        })
        .collect()
}

fn source_worded(
    index: &RegisterIndex<'_>,
    s: &DataSource,
    word: &impl Fn(SourceKind) -> String,
) -> String {
    let mut text = word(s.kind);
    if let Some(id) = &s.party {
        text.push_str(&format!(": {}", party_name(index, id)));
    }
    if let Some(d) = &s.description {
        text.push_str(&format!(" ({})", d.trim_end_matches('.')));
    }
    text
}

/// A system with its name, description, location and country each labelled, so that none runs
/// into another.
pub(super) fn system(index: &RegisterIndex<'_>, s: &System, names: &CategoryNames<'_>) -> String {
    let mut parts = vec![s.name.clone()];
    if let Some(description) = &s.description {
        parts.push(format!("what: {}", description.trim_end_matches('.')));
    }
    if let Some(provider) = &s.provider {
        parts.push(format!("provider: {}", party_name(index, provider)));
    }
    if let Some(location) = &s.location {
        parts.push(format!("where: {location}"));
    }
    if let Some(country) = s.country {
        parts.push(format!("country: {}", super::super::text::country(country)));
    }
    if let Some(region) = s.region {
        parts.push(format!("region: {}", region.label()));
    }
    if let Some(form) = s.data_form {
        parts.push(format!("holds {}", form.label()));
    }
    if !s.data_categories.is_empty() {
        parts.push(format!("data: {}", names.names(&s.data_categories)));
    }
    parts.join("; ")
}

pub(super) fn dpia_required(a: &ProcessingActivity) -> Cell {
    let mut items = vec![
        a.dpia
            .as_ref()
            .and_then(|d| d.required)
            .map_or(NOT_STATED, yes_no)
            .to_owned(),
    ];
    if let Some(dpia) = &a.dpia {
        if let Some(date) = dpia.date {
            items.push(format!("Dated {date}"));
        }
        if let Some(note) = &dpia.note {
            items.push(format!("Note: {note}"));
        }
    }
    items
}

pub(super) fn risk_indicators(a: &ProcessingActivity) -> Cell {
    let mut items: Vec<String> = Vec::new();
    if let Some(large) = a.large_scale {
        items.push(format!("Large scale: {}", yes_no(large)));
    }
    items.extend(a.article_35_3_triggers.iter().map(|t| capital(t.label())));
    items.extend(a.risk_criteria.iter().map(|c| capital(c.label())));
    items.extend(
        a.high_risk_operations
            .iter()
            .map(|o| format!("{} (on the Art 35(4) list)", capital(o.label()))),
    );
    none_recorded(items)
}

pub(super) fn status_rows(a: &ProcessingActivity) -> Vec<Field> {
    let mut rows = vec![("Role", role(a))];
    if let Some(status) = a.status {
        rows.push(("Status", one(capital(status.label()))));
    }
    let dates: Vec<String> = [
        ("Started", a.start_date.map(|d| d.to_string())),
        ("Ended", a.end_date.map(|d| d.to_string())),
        ("Entry last updated", a.last_updated.map(|d| d.to_string())),
    ]
    .into_iter()
    .filter_map(|(what, date)| Some(format!("{what}: {}", date?)))
    .collect();
    if !dates.is_empty() {
        rows.push(("Dates", dates));
    }
    rows
}

pub(super) fn none_recorded(parts: Vec<String>) -> Cell {
    join_or(parts, NONE_RECORDED)
}

/// The template's two transfer columns: the destinations, and the safeguards of each.
pub(super) fn transfer_rows(
    index: &RegisterIndex<'_>,
    a: &ProcessingActivity,
    names: &CategoryNames<'_>,
    law: Law,
) -> [Field; 2] {
    [
        (
            "Names of third countries or international organisations",
            none_recorded(
                a.transfers
                    .iter()
                    .map(|t| destination_in_words(index, t, names))
                    .collect(),
            ),
        ),
        (
            "Safeguards for exceptional transfers",
            none_recorded(
                a.transfers
                    .iter()
                    .map(|t| transfer_safeguards(index, t, names, law))
                    .collect(),
            ),
        ),
    ]
}
