//! The Art 30 record, with the regulator's template headings.
//!
//! Every field of the register appears next to what it qualifies, notes included; where the
//! register says nothing the row says so ("Not stated", "None recorded") rather than guessing.

use std::io;

use super::ReportOptions;
use super::sink::{Cell, Field, Sink};
use super::text::*;
use crate::law::rights::applicable_rights;
use crate::model::labels::{Label, capital};
use crate::model::*;

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

/// The regulator's (ICO) controller template columns, in its order, for one activity and its
/// purposes (all of them when `purpose` is None), followed by the rest of what the register
/// records about the activity.
pub(crate) fn controller_rows(
    cx: &RowContext<'_, '_>,
    a: &ProcessingActivity,
    purpose: Option<&Purpose>,
) -> Vec<Field> {
    let index = cx.index;
    let names = CategoryNames::new(a).with_shared(&cx.register.recipients);
    let purposes: Vec<&Purpose> = match purpose {
        Some(p) => vec![p],
        None => a.purposes.iter().collect(),
    };
    let [
        purpose_of_processing,
        lawful_basis,
        legitimate_interests,
        assessment,
        consent_record,
    ] = purpose_fields(cx, a, &purposes, &names);
    // The register-wide recipients receive every activity's data.
    let recipients: Vec<&Recipient> = a.recipients.iter().chain(&cx.register.recipients).collect();
    let processors: Vec<&Recipient> = recipients
        .iter()
        .copied()
        .filter(|r| r.role == Some(RecipientRole::Processor))
        .collect();
    let [countries, safeguards] = transfer_rows(index, a, &names);
    let mut rows: Vec<Field> = vec![
        (
            "Business function",
            one(a
                .business_function
                .clone()
                .unwrap_or_else(|| NOT_STATED.to_owned())),
        ),
        purpose_of_processing,
        (
            "Name and contact details of joint controller",
            none_recorded(
                a.joint_controllers
                    .iter()
                    .flat_map(|id| party(index, id))
                    .collect(),
            ),
        ),
        (
            "Categories of individuals",
            join_or_not_stated(a.data_subjects.iter().map(subject).collect()),
        ),
        (
            "Categories of personal data",
            join_or_not_stated(
                a.data_categories
                    .iter()
                    .map(|c| with_note(data_category(c), c.note.as_ref()))
                    .collect(),
            ),
        ),
        (
            "Categories of recipients",
            none_recorded(
                recipients
                    .iter()
                    .map(|r| recipient(index, r, &names))
                    .collect(),
            ),
        ),
        (
            "Link to contract with processor",
            none_recorded(
                processors
                    .iter()
                    .map(|r| processor_contract(index, r))
                    .collect(),
            ),
        ),
        countries,
        safeguards,
        (
            "Retention schedule",
            join_or_not_stated(
                a.retention
                    .iter()
                    .flat_map(|r| retention_rule(r, &names, index))
                    .collect(),
            ),
        ),
        (
            "General description of technical and organisational security measures",
            join_or_not_stated(measures(cx.register, a)),
        ),
        lawful_basis,
        (
            "Article 9 condition",
            none_recorded(
                a.special_category_conditions
                    .iter()
                    .map(|c| special_condition_text(c, &names, cx.uk_law))
                    .collect(),
            ),
        ),
        (
            "Article 10 authority for criminal offence data",
            none_recorded(
                a.criminal_offence_conditions
                    .iter()
                    .map(|c| criminal_condition(c, &names, cx.uk_law))
                    .collect(),
            ),
        ),
        legitimate_interests,
        assessment,
    ];
    rows.extend(rights_rows(a, cx.regime, cx.date));
    if !a.rights_restrictions.is_empty() {
        rows.push((
            "Restrictions of rights",
            a.rights_restrictions
                .iter()
                .map(rights_restriction)
                .collect(),
        ));
    }
    rows.extend([
        (
            "Existence of automated decision-making, including profiling",
            automated(a),
        ),
        (
            "Source of personal data",
            join_or_not_stated(sources(index, a)),
        ),
        consent_record,
        (
            "Location of personal data",
            join_or_not_stated(a.systems.iter().map(|s| system(index, s, &names)).collect()),
        ),
        (
            "Data Protection Impact Assessment required?",
            dpia_required(a),
        ),
        (
            "DPIA progress",
            one(a
                .dpia
                .as_ref()
                .and_then(|d| d.status)
                .map(|s| capital(s.label()))
                .unwrap_or_else(|| NOT_STATED.to_owned())),
        ),
        (
            "Link to DPIA",
            one(a
                .dpia
                .as_ref()
                .and_then(|d| d.document.as_ref())
                .map(|d| document(index, d))
                .unwrap_or_else(|| NONE_RECORDED.to_owned())),
        ),
        ("High-risk indicators (Art 35, WP248)", risk_indicators(a)),
        (
            "Personal data breach?",
            one(if a.breaches.is_empty() {
                "No breach recorded"
            } else {
                "Yes"
            }),
        ),
        (
            "Link to record of personal data breach",
            none_recorded(a.breaches.iter().map(|d| document(index, d)).collect()),
        ),
    ]);
    rows.extend(schedule_1_rows(cx, a));
    rows.extend([
        (
            "Link to retention and erasure policy document",
            join_or_not_stated(policy_documents(index, a, cx.uk_law)),
        ),
        (
            "Privacy notice",
            one(a
                .privacy_notice
                .as_ref()
                .map(|d| document(index, d))
                .unwrap_or_else(|| NONE_RECORDED.to_owned())),
        ),
    ]);
    if let Some(exemption) = &a.notice_exemption {
        rows.push((
            "Why people are not told (Art 14(5) exemption)",
            one(exemption.clone()),
        ));
    }
    if a.information_society_service {
        rows.push((
            "Information society service offered directly to children (Art 8)",
            one("Yes"),
        ));
    }
    rows.push(("Notes", none_recorded(a.notes.clone())));
    rows
}

/// The template's columns that depend on the purposes shown: the CSV writes one row per purpose
/// and recomputes only these, so that its time stays linear in its output.
pub(crate) fn purpose_fields(
    cx: &RowContext<'_, '_>,
    a: &ProcessingActivity,
    purposes: &[&Purpose],
    names: &CategoryNames<'_>,
) -> [Field; 5] {
    let index = cx.index;
    // Each basis with what it serves (the whole activity, a purpose or a data category), so that
    // bases are never pooled across purposes.
    let mut bases: Vec<(String, &LawfulBasis)> = Vec::new();
    bases.extend(
        a.lawful_bases
            .iter()
            .map(|b| ("The whole activity".to_owned(), b)),
    );
    for p in purposes {
        let scope = p.description.trim_end_matches('.').to_owned();
        bases.extend(p.lawful_bases.iter().map(|b| (scope.clone(), b)));
    }
    for c in &a.data_categories {
        bases.extend(
            c.lawful_bases
                .iter()
                .map(|b| (format!("The data \u{2018}{}\u{2019}", c.name), b)),
        );
    }
    let single = purposes.len() <= 1
        && bases.iter().all(|(scope, _)| {
            purposes
                .first()
                .is_some_and(|p| *scope == p.description.trim_end_matches('.'))
        });
    let per_purpose = |text: String, scope: &str| {
        if single {
            text
        } else {
            format!("{scope}: {text}")
        }
    };
    [
        (
            "Purpose of processing",
            join_or_not_stated(purposes.iter().map(|p| purpose_text(p, names)).collect()),
        ),
        (
            "Article 6 lawful basis",
            join_or_not_stated({
                let mut items: Vec<String> = bases
                    .iter()
                    .map(|(scope, b)| per_purpose(with_note(basis(b), b.note.as_ref()), scope))
                    .collect();
                // A purpose with no basis of its own and none for the whole activity says so.
                if a.lawful_bases.is_empty() {
                    items.extend(
                        purposes
                            .iter()
                            .filter(|p| p.lawful_bases.is_empty())
                            .map(|p| {
                                per_purpose(
                                    "no lawful basis stated".to_owned(),
                                    p.description.trim_end_matches('.'),
                                )
                            }),
                    );
                }
                items
            }),
        ),
        (
            "Legitimate interests",
            none_recorded(
                bases
                    .iter()
                    .filter_map(|(scope, b)| Some(per_purpose(b.interest.clone()?, scope)))
                    .collect(),
            ),
        ),
        (
            "Link to record of legitimate interests assessment",
            none_recorded(
                bases
                    .iter()
                    .filter_map(|(scope, b)| {
                        Some(per_purpose(document(index, b.assessment.as_ref()?), scope))
                    })
                    .collect(),
            ),
        ),
        (
            "Link to record of consent",
            none_recorded(
                bases
                    .iter()
                    .filter_map(|(scope, b)| Some((scope.as_str(), b.consent.as_ref()?)))
                    .flat_map(|(p, c)| {
                        let mut items = Vec::new();
                        if let Some(record) = &c.record {
                            items.push(per_purpose(document(index, record), p));
                        }
                        if let Some(how) = &c.withdrawal {
                            items.push(per_purpose(format!("how consent is withdrawn: {how}"), p));
                        }
                        if let Some(how) = &c.parental_authorisation {
                            items.push(per_purpose(format!("parental authorisation: {how}"), p));
                        }
                        items
                    })
                    .collect(),
            ),
        ),
    ]
}

/// A purpose with the data it uses and its note.
fn purpose_text(p: &Purpose, names: &CategoryNames<'_>) -> String {
    let mut text = format!("{}{}", p.description, opt_out(p));
    if !p.data_categories.is_empty() {
        text = format!(
            "{} (data used: {})",
            text.trim_end_matches('.'),
            names.names(&p.data_categories)
        );
    }
    with_note(text, p.note.as_ref())
}

/// A right in words with the provision that gives it under the regime on the date.
fn right_words(r: DataSubjectRight, regime: Regime, on: chrono::NaiveDate) -> String {
    match r {
        // Its wording changes with the law (UK Arts 22A-22D from 5 Feb 2026).
        DataSubjectRight::AutomatedDecisions => capital(&r.words_on(regime, on)),
        _ => format!("{} ({})", capital(r.label()), r.citation_on(regime, on)),
    }
}

/// The rights the bases give, beside the rights the privacy notice states, each difference marked.
fn rights_rows(a: &ProcessingActivity, regime: Regime, on: chrono::NaiveDate) -> [Field; 2] {
    let available = applicable_rights(a);
    let stated = &a.rights_stated;
    [
        (
            "Rights available to individuals",
            available
                .iter()
                .map(|r| {
                    let mut text = right_words(*r, regime, on);
                    if !stated.is_empty() && !stated.contains(r) {
                        text.push_str(" (not stated in the privacy notice)");
                    }
                    text
                })
                .collect(),
        ),
        (
            "Rights the privacy notice states",
            none_recorded(
                stated
                    .iter()
                    .map(|r| {
                        let mut text = right_words(*r, regime, on);
                        if !available.contains(r) {
                            text.push_str(" (not given by the lawful bases recorded)");
                        }
                        text
                    })
                    .collect(),
            ),
        ),
    ]
}

fn subject(s: &DataSubjectCategory) -> String {
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
    text
}

fn measure(m: &SecurityMeasure) -> String {
    match &m.description {
        Some(d) => format!("{}: {d}", capital(m.kind.label())),
        None => capital(m.kind.label()),
    }
}

/// The activity's own measures, then the register's, each once.
fn measures(register: &Register, a: &ProcessingActivity) -> Vec<String> {
    let mut out: Vec<String> = a
        .security_measures
        .iter()
        .chain(&register.security_measures)
        .map(measure)
        .collect();
    out.dedup();
    out
}

fn processor_contract(index: &RegisterIndex<'_>, r: &Recipient) -> String {
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
) -> String {
    let mut text = format!(
        "{}: {}",
        destination_in_words(index, t, names),
        mechanism(t)
    );
    if let Some(frequency) = t.frequency {
        text.push_str(&format!(", {}", frequency.label()));
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
            text.push_str(&format!(" (the recipient is recorded in {country})"));
        }
    }
    if let Some(r) = recipient {
        text.push_str(&format!(", to {}", recipient_name(index, r)));
    }
    text
}

fn criminal_condition(
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

fn special_condition_text(
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

fn automated(a: &ProcessingActivity) -> Cell {
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
    let mut seen = std::collections::HashSet::new();
    let mut out: Vec<String> = Vec::new();
    for c in &a.data_categories {
        for s in &c.sources {
            let mut text = capital(s.kind.label());
            if let Some(id) = &s.party {
                text.push_str(&format!(": {}", party_name(index, id)));
            }
            if let Some(d) = &s.description {
                text.push_str(&format!(" ({})", d.trim_end_matches('.')));
            }
            if seen.insert(text.clone()) {
                out.push(text);
            }
        }
    }
    out
}

/// A system with its name, description, location and country each labelled, so that none runs
/// into another.
fn system(index: &RegisterIndex<'_>, s: &System, names: &CategoryNames<'_>) -> String {
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
        parts.push(format!("country: {country}"));
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

fn dpia_required(a: &ProcessingActivity) -> Cell {
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

fn risk_indicators(a: &ProcessingActivity) -> Cell {
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

/// The Sch 1 para 41 rows: where UK law applies, or where the register records them anyway.
fn schedule_1_rows(cx: &RowContext<'_, '_>, a: &ProcessingActivity) -> Vec<Field> {
    let para_41: Vec<(&str, &Para41Record)> = a
        .special_category_conditions
        .iter()
        .filter_map(|c| c.para_41.as_ref().map(|r| ("Art 9", r)))
        .chain(
            a.criminal_offence_conditions
                .iter()
                .filter_map(|c| c.para_41.as_ref().map(|r| ("Art 10", r))),
        )
        .collect();
    let conditions = schedule_1(a);
    if !cx.uk_law && para_41.is_empty() && conditions.is_empty() {
        return Vec::new();
    }
    let mut rows = vec![
        (
            "DPA 2018 Schedule 1 condition for processing",
            none_recorded(conditions),
        ),
        (
            "Article 6 lawful basis for that processing (Sch 1 para 41)",
            none_recorded(
                para_41
                    .iter()
                    .filter_map(|(k, r)| r.article_6_basis.as_ref().map(|b| format!("{k}: {b}")))
                    .collect(),
            ),
        ),
        (
            "Personal data retained and erased in accordance with the policy document?",
            none_recorded(
                para_41
                    .iter()
                    .filter_map(|(k, r)| {
                        r.retained_per_policy
                            .map(|yes| format!("{k}: {}", yes_no(yes)))
                    })
                    .collect(),
            ),
        ),
        (
            "Reasons for not adhering to the policy document",
            none_recorded(
                para_41
                    .iter()
                    .filter_map(|(k, r)| {
                        r.reasons_for_not_following_policy
                            .as_ref()
                            .map(|x| format!("{k}: {x}"))
                    })
                    .collect(),
            ),
        ),
    ];
    if !cx.uk_law {
        rows.insert(
            0,
            (
                "DPA 2018",
                one("Does not apply under the regime; the entries below are recorded nonetheless"),
            ),
        );
    }
    rows
}

fn schedule_1(a: &ProcessingActivity) -> Vec<String> {
    a.special_category_conditions
        .iter()
        .filter_map(|c| {
            c.schedule_1_paragraph
                .map(|p| format!("Art 9: para {} {}", p.paragraph(), p.heading()))
                .or(c
                    .schedule_1_part
                    .map(|p| format!("Art 9: {} (no paragraph named)", p.label())))
        })
        .chain(a.criminal_offence_conditions.iter().filter_map(|c| {
            c.schedule_1_paragraph
                .map(|p| format!("Art 10: para {} {}", p.paragraph(), p.heading()))
        }))
        .collect()
}

fn policy_documents(
    index: &RegisterIndex<'_>,
    a: &ProcessingActivity,
    uk_law: bool,
) -> Vec<String> {
    let appropriate = a
        .special_category_conditions
        .iter()
        .filter_map(|c| c.policy_document.as_ref())
        .chain(
            a.criminal_offence_conditions
                .iter()
                .filter_map(|c| c.policy_document.as_ref()),
        )
        .map(|d| {
            let text = document(index, d);
            if uk_law {
                format!("{text} (appropriate policy document)")
            } else {
                text
            }
        });
    let mut out: Vec<String> = appropriate
        .chain(
            a.retention
                .iter()
                .filter_map(|r| r.policy.as_ref())
                .map(|d| document(index, d)),
        )
        .collect();
    let mut seen = std::collections::HashSet::new();
    out.retain(|d| seen.insert(d.clone()));
    out
}

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
    ];
    // Facts a register records only sometimes: shown where recorded.
    let facts = organisation.map(party_facts).unwrap_or_default();
    if !facts.is_empty() {
        rows.insert(2, ("Registrations and representation", facts));
    }
    if let Some(state) = register.member_state {
        rows.push(("Member state of establishment", one(state.to_string())));
    }
    if !register.recipients.is_empty() {
        rows.push((
            "Recipients of every activity",
            register
                .recipients
                .iter()
                .map(|r| recipient_name(index, r))
                .collect(),
        ));
    }
    rows
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
fn documents(register: &Register) -> Vec<Vec<Cell>> {
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

fn status_rows(a: &ProcessingActivity) -> Vec<Field> {
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
    let controller: Vec<&ProcessingActivity> = register
        .activities
        .iter()
        .filter(|a| a.role != ActivityRole::Processor)
        .collect();
    let processor: Vec<&ProcessingActivity> = register
        .activities
        .iter()
        .filter(|a| a.role == ActivityRole::Processor)
        .collect();
    if !controller.is_empty() {
        sink.heading(2, "Processing activities (Article 30(1))")?;
        for a in controller {
            sink.heading(3, &a.name)?;
            if let Some(description) = &a.description {
                sink.paragraph(description)?;
            }
            let mut rows = status_rows(a);
            if let Some(arrangement) = &a.joint_arrangement {
                rows.push((
                    "Joint controller arrangement (Art 26)",
                    one(document(&index, arrangement)),
                ));
            }
            rows.extend(controller_rows(&cx, a, None));
            sink.fields(&format!("Record of \u{2018}{}\u{2019}", a.name), &rows)?;
        }
    }
    if !processor.is_empty() {
        sink.heading(2, "Processing on behalf of controllers (Article 30(2))")?;
        for a in processor {
            sink.heading(3, &a.name)?;
            if let Some(description) = &a.description {
                sink.paragraph(description)?;
            }
            let names = CategoryNames::new(a).with_shared(&register.recipients);
            let [countries, safeguards] = transfer_rows(&index, a, &names);
            let [a_controller, a_processing, a_contract] = processor_rows(&index, a);
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
                            .map(|r| processor_contract(&index, r))
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
                controller_rows(&cx, a, None)
                    .into_iter()
                    .filter(|(label, value)| {
                        !shown.contains(label)
                            && !(value.len() == 1
                                && (value[0] == NOT_STATED
                                    || value[0] == NONE_RECORDED
                                    || value[0] == "No breach recorded"))
                    }),
            );
            sink.fields(&format!("Record of \u{2018}{}\u{2019}", a.name), &rows)?;
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

fn none_recorded(parts: Vec<String>) -> Cell {
    join_or(parts, NONE_RECORDED)
}

/// The template's two transfer columns: the destinations, and the safeguards of each.
fn transfer_rows(
    index: &RegisterIndex<'_>,
    a: &ProcessingActivity,
    names: &CategoryNames<'_>,
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
                    .map(|t| transfer_safeguards(index, t, names))
                    .collect(),
            ),
        ),
    ]
}
