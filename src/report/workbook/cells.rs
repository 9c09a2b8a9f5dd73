//! Each template column of an activity's row, written so that `ropa import` reads it back: one
//! value a line, bases and conditions with their citations, retention in the words the
//! recognisers know, countries by name.

use crate::io::sheet::ico::Column;
use crate::io::sheet::recognise::country_name;
use crate::law::rights::applicable_rights;
use crate::model::labels::{Label, capital};
use crate::model::*;
use crate::report::text::document;

/// One value a line, in order: a list of the register's items (purposes, data, rules...), each
/// kept even where two read the same.
fn lines(values: impl IntoIterator<Item = String>) -> String {
    let values: Vec<String> = values
        .into_iter()
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
        .collect();
    values.join("\n")
}

/// One value a line, each once: what several items share (a source, a document).
fn distinct_lines(values: impl IntoIterator<Item = String>) -> String {
    // A set, so that many values shared by many items stay linear.
    let mut seen = std::collections::BTreeSet::new();
    let mut kept: Vec<String> = Vec::new();
    for value in values {
        let value = value.trim().to_owned();
        if !value.is_empty() && seen.insert(value.clone()) {
            kept.push(value);
        }
    }
    kept.join("\n")
}

fn yes_no(yes: bool) -> String {
    if yes { "Yes" } else { "No" }.to_owned()
}

/// The template's cells of an activity's first row (its first purpose and the bases of the
/// activity, its first purpose and its data), as (column, text); empty cells are left out.
pub(super) fn first_row(
    register: &Register,
    index: &RegisterIndex<'_>,
    a: &ProcessingActivity,
) -> Vec<(Column, String)> {
    use Column as C;
    let first = a.purposes.first();
    let bases: Vec<&LawfulBasis> = a
        .lawful_bases
        .iter()
        .chain(first.into_iter().flat_map(|p| &p.lawful_bases))
        .chain(a.data_categories.iter().flat_map(|c| &c.lawful_bases))
        .collect();
    let mut cells = vec![
        (
            C::BusinessFunction,
            a.business_function.clone().unwrap_or_default(),
        ),
        (
            C::Purpose,
            first.map(|p| p.description.clone()).unwrap_or_default(),
        ),
        (
            C::JointController,
            lines(a.joint_controllers.iter().map(|id| party_name(index, id))),
        ),
        (
            C::Individuals,
            lines(a.data_subjects.iter().map(|s| s.name.clone())),
        ),
        (
            C::PersonalData,
            lines(a.data_categories.iter().map(|c| c.name.clone())),
        ),
        (
            C::Recipients,
            lines(recipients(register, a).map(|r| recipient_name(index, r))),
        ),
        (
            C::ProcessorContract,
            distinct_lines(
                recipients(register, a)
                    .filter_map(|r| r.agreement.as_ref())
                    .map(|d| document(index, d)),
            ),
        ),
        (
            C::ThirdCountries,
            lines(a.transfers.iter().map(destination)),
        ),
        (
            C::Safeguards,
            distinct_lines(
                a.transfers
                    .iter()
                    .filter_map(|t| t.mechanism)
                    .map(mechanism),
            ),
        ),
        (C::Retention, lines(a.retention.iter().map(retention))),
        (C::Security, lines(a.security_measures.iter().map(measure))),
    ];
    cells.extend(basis_cells(index, &bases));
    cells.extend(condition_cells(index, a));
    cells.extend(record_cells(index, a));
    cells.retain(|(_, text)| !text.is_empty());
    cells
}

/// A further purpose of the activity: its own row of the purpose and its bases, as the import
/// reads a row that gives only a purpose.
pub(super) fn purpose_row(index: &RegisterIndex<'_>, p: &Purpose) -> Vec<(Column, String)> {
    let bases: Vec<&LawfulBasis> = p.lawful_bases.iter().collect();
    let mut cells = vec![(Column::Purpose, p.description.clone())];
    cells.extend(basis_cells(index, &bases));
    cells.retain(|(_, text)| !text.is_empty());
    cells
}

fn recipients<'r>(
    register: &'r Register,
    a: &'r ProcessingActivity,
) -> impl Iterator<Item = &'r Recipient> {
    a.recipients.iter().chain(&register.recipients)
}

fn party_name(index: &RegisterIndex<'_>, id: &PartyId) -> String {
    index
        .party(id)
        .map_or_else(|| id.to_string(), |p| p.name.clone())
}

fn recipient_name(index: &RegisterIndex<'_>, r: &Recipient) -> String {
    match (&r.party, &r.category) {
        (Some(id), _) => party_name(index, id),
        (None, Some(category)) => category.clone(),
        (None, None) => r.id.to_string(),
    }
}

/// A transfer's destination by name, as the import reads it back.
fn destination(t: &Transfer) -> String {
    match (t.country, t.region, &t.organisation) {
        (Some(country), _, _) => country_name(country),
        (None, Some(Region::Eu), _) => "EU".to_owned(),
        (None, Some(Region::Eea), _) => "EEA".to_owned(),
        (None, Some(region), _) => capital(region.label()),
        (None, None, Some(organisation)) => organisation.clone(),
        (None, None, None) => String::new(),
    }
}

/// A mechanism in the words the import knows.
fn mechanism(m: TransferMechanism) -> String {
    use TransferMechanism as M;
    match m {
        M::Adequacy => "Adequacy".to_owned(),
        M::UkIdta => "UK IDTA".to_owned(),
        M::EuSccsWithUkAddendum => "EU SCCs with the UK Addendum".to_owned(),
        M::EuStandardContractualClauses => "EU standard contractual clauses".to_owned(),
        M::BindingCorporateRules => "Binding corporate rules".to_owned(),
        M::Derogation => "Art 49 derogation".to_owned(),
        M::CompellingLegitimateInterests => "Compelling legitimate interests".to_owned(),
        other => capital(other.label()),
    }
}

/// The words an event is known by (`import`'s recogniser reads them back).
fn event(t: RetentionTrigger) -> &'static str {
    use RetentionTrigger as T;
    match t {
        T::Collection => "collection",
        T::LastContact => "last contact",
        T::EndOfRelationship => "the end of the relationship",
        T::EnquiryResponse => "the response to the enquiry",
        T::EndOfActivity => "the end of the activity",
        T::CaseClosure => "case closure",
        T::ConsentWithdrawal => "consent is withdrawn",
        T::Recording => "recording",
        T::LastActivity => "last activity",
        T::AccountClosure => "account closure",
        T::Objection => "objection",
        T::ErasureRequest => "an erasure request",
        _ => "the event",
    }
}

/// A retention rule as a line: its own words where they read back as its period, else the
/// period in words the import reads (the words are then kept on the `More` sheet).
fn retention(rule: &RetentionRule) -> String {
    let generated = retention_words(rule);
    match &rule.wording {
        Some(wording)
            if crate::io::sheet::recognise::retention(wording).map(|r| r.period)
                == Some(rule.retention.clone()) =>
        {
            wording.clone()
        }
        _ if !generated.is_empty() => generated,
        Some(wording) => wording.clone(),
        None => String::new(),
    }
}

/// The period of a rule in words: its bound, length and event, its date, or indefinite keeping,
/// then its disposal.
fn retention_words(rule: &RetentionRule) -> String {
    let p = &rule.retention;
    // A period of nothing is said as "0 days", which the import reads back (not "immediately").
    let words = |d: &IsoDuration| match d.in_words().as_str() {
        "immediately" => "0 days".to_owned(),
        other => other.to_owned(),
    };
    let bound = match p.bound {
        Some(PeriodBound::Within) => "Within ",
        Some(PeriodBound::For) => "Up to ",
        _ => "",
    };
    let mut text = match (&p.period, p.trigger, p.until, p.indefinite) {
        (_, _, _, true) => match &p.review_interval {
            Some(review) => format!("Indefinitely, reviewed every {}", review.in_words()),
            None => "Indefinitely".to_owned(),
        },
        (Some(period), Some(RetentionTrigger::Other), _, _) => format!(
            "{bound}{} after \"{}\"",
            words(period),
            p.trigger_description.as_deref().unwrap_or("the event")
        ),
        (Some(period), Some(trigger), _, _) => {
            format!("{bound}{} after {}", words(period), event(trigger))
        }
        (Some(period), None, _, _) => format!("{bound}{}", words(period)),
        (None, Some(trigger), Some(until), _) if trigger != RetentionTrigger::Other => {
            format!("Until {until} ({})", event(trigger))
        }
        (None, _, Some(until), _) => format!("Until {until}"),
        (None, Some(RetentionTrigger::Other), None, _) => format!(
            "Until \"{}\"",
            p.trigger_description.as_deref().unwrap_or("the event")
        ),
        (None, Some(trigger), None, _) => format!("Until {}", event(trigger)),
        _ => String::new(),
    };
    let disposal: Vec<&str> = rule.disposal.iter().map(|d| d.label()).collect();
    if !text.is_empty() && !disposal.is_empty() {
        text.push_str(&format!(", then {}", disposal.join(" or ")));
    }
    text
}

fn measure(m: &SecurityMeasure) -> String {
    m.description
        .clone()
        .unwrap_or_else(|| capital(m.kind.label()))
}

/// The Art 6 columns: each basis with its citation and statutes, its interest and its evidence.
fn basis_cells(index: &RegisterIndex<'_>, bases: &[&LawfulBasis]) -> Vec<(Column, String)> {
    let basis = |b: &LawfulBasis| {
        let mut text = format!("Art {} {}", b.basis.citation(), b.basis.label());
        for source in &b.legal_sources {
            text.push_str(&format!(" - {source}"));
        }
        text
    };
    vec![
        (Column::Article6, lines(bases.iter().map(|b| basis(b)))),
        (
            Column::LegitimateInterests,
            distinct_lines(bases.iter().filter_map(|b| b.interest.clone())),
        ),
        (
            Column::AssessmentLink,
            distinct_lines(
                bases
                    .iter()
                    .filter_map(|b| b.assessment.as_ref())
                    .map(|d| document(index, d)),
            ),
        ),
        (
            Column::ConsentLink,
            distinct_lines(
                bases
                    .iter()
                    .filter_map(|b| b.consent.as_ref()?.record.as_ref())
                    .map(|d| document(index, d)),
            ),
        ),
    ]
}

/// The Art 9, Schedule 1 and para 41 columns.
fn condition_cells(index: &RegisterIndex<'_>, a: &ProcessingActivity) -> Vec<(Column, String)> {
    let conditions = &a.special_category_conditions;
    let criminal = &a.criminal_offence_conditions;
    let paragraphs = conditions
        .iter()
        .filter_map(|c| c.schedule_1_paragraph)
        .chain(criminal.iter().filter_map(|c| c.schedule_1_paragraph));
    let records: Vec<&Para41Record> = conditions
        .iter()
        .filter_map(|c| c.para_41.as_ref())
        .chain(criminal.iter().filter_map(|c| c.para_41.as_ref()))
        .collect();
    let policies = conditions
        .iter()
        .filter_map(|c| c.policy_document.as_ref())
        .chain(criminal.iter().filter_map(|c| c.policy_document.as_ref()));
    vec![
        (
            Column::Article9,
            lines(
                conditions
                    .iter()
                    .map(|c| format!("Art {} {}", c.condition.citation(), c.condition.label())),
            ),
        ),
        (
            Column::Schedule1Condition,
            lines(paragraphs.map(|p| format!("Sch 1 para {} {}", p.paragraph(), p.heading()))),
        ),
        (
            Column::Schedule1Article6,
            distinct_lines(records.iter().filter_map(|r| r.article_6_basis.clone())),
        ),
        (
            Column::PolicyDocumentLink,
            distinct_lines(policies.map(|d| document(index, d))),
        ),
        (
            Column::RetainedPerPolicy,
            distinct_lines(
                records
                    .iter()
                    .filter_map(|r| r.retained_per_policy)
                    .map(yes_no),
            ),
        ),
        (
            Column::ReasonsNotAdhering,
            lines(
                records
                    .iter()
                    .filter_map(|r| r.reasons_for_not_following_policy.clone()),
            ),
        ),
    ]
}

/// Rights, automated decisions, sources, systems, DPIA and breaches.
fn record_cells(index: &RegisterIndex<'_>, a: &ProcessingActivity) -> Vec<(Column, String)> {
    let dpia = a.dpia.as_ref();
    let automated = if a.automated_decisions.is_empty() {
        if a.no_automated_decisions {
            "No".to_owned()
        } else {
            String::new()
        }
    } else {
        lines(
            a.automated_decisions
                .iter()
                .map(|d| format!("Yes - {}", d.description)),
        )
    };
    let sources = a.data_categories.iter().flat_map(|c| &c.sources).map(|s| {
        s.description
            .clone()
            .unwrap_or_else(|| capital(s.kind.label()))
    });
    vec![
        (
            Column::Rights,
            // As the register report lists them: the Art 22 right where a solely automated
            // significant decision is recorded.
            distinct_lines(
                applicable_rights(a)
                    .into_iter()
                    .filter(|r| crate::validate::right_in_play(a, *r))
                    .map(|r| capital(r.label())),
            ),
        ),
        (Column::AutomatedDecisions, automated),
        (Column::Source, distinct_lines(sources)),
        (
            Column::Location,
            lines(a.systems.iter().map(|s| s.name.clone())),
        ),
        (
            Column::DpiaRequired,
            dpia.and_then(|d| d.required)
                .map(yes_no)
                .unwrap_or_default(),
        ),
        (
            Column::DpiaProgress,
            dpia.and_then(|d| d.status)
                .map(|s| capital(s.label()))
                .unwrap_or_default(),
        ),
        (
            Column::DpiaLink,
            dpia.and_then(|d| d.document.as_ref())
                .map(|d| document(index, d))
                .unwrap_or_default(),
        ),
        (
            Column::BreachOccurred,
            if a.breaches.is_empty() {
                String::new()
            } else {
                "Yes".to_owned()
            },
        ),
        (
            Column::BreachLink,
            lines(a.breaches.iter().map(|d| document(index, d))),
        ),
    ]
}
