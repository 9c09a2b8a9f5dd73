//! The Art 30 record, with the regulator's template headings.

use std::io;

use super::ReportOptions;
use super::sink::Sink;
use super::text::*;
use crate::*;

/// The template's columns that depend on the purposes shown (the CSV writes one row per purpose
/// and recomputes only these, so that its time stays linear in its output).
pub(crate) fn purpose_columns(
    index: &RegisterIndex<'_>,
    a: &ProcessingActivity,
    purposes: &[&Purpose],
) -> [(&'static str, String); 5] {
    let bases: Vec<&LawfulBasis> = a
        .lawful_bases
        .iter()
        .chain(purposes.iter().flat_map(|p| &p.lawful_bases))
        .chain(a.data_categories.iter().flat_map(|c| &c.lawful_bases))
        .collect();
    [
        (
            "Purpose of processing",
            join_or_not_stated(purposes.iter().map(|p| purpose_text(p)).collect()),
        ),
        (
            "Article 6 lawful basis",
            join_or_not_stated(unique(bases.iter().map(|b| basis(b)))),
        ),
        (
            "Legitimate interests",
            none_recorded(bases.iter().filter_map(|b| b.interest.clone()).collect()),
        ),
        (
            "Link to record of legitimate interests assessment",
            none_recorded(
                bases
                    .iter()
                    .filter_map(|b| b.assessment.as_ref())
                    .map(|d| document(index, d))
                    .collect(),
            ),
        ),
        (
            "Link to record of consent",
            none_recorded(
                bases
                    .iter()
                    .filter_map(|b| b.consent.as_ref()?.record.as_ref())
                    .map(|d| document(index, d))
                    .collect(),
            ),
        ),
    ]
}

/// The regulator's (ICO) controller template columns, in its order, for one activity and its
/// purposes (all of them when `purpose` is None).
pub(crate) fn controller_rows(
    register: &Register,
    index: &RegisterIndex<'_>,
    a: &ProcessingActivity,
    purpose: Option<&Purpose>,
    options: &ReportOptions,
) -> Vec<(&'static str, String)> {
    // Rights are worded and cited as the law stands under the regime on the report's date.
    let regime = register.regime.unwrap_or(options.validation.regime);
    let purposes: Vec<&Purpose> = match purpose {
        Some(p) => vec![p],
        None => a.purposes.iter().collect(),
    };
    // The register-wide recipients receive every activity's data.
    let recipients: Vec<&Recipient> = a.recipients.iter().chain(&register.recipients).collect();
    let [
        purpose_of_processing,
        lawful_basis,
        legitimate_interests,
        assessment,
        consent_record,
    ] = purpose_columns(index, a, &purposes);
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
    let processors: Vec<&Recipient> = recipients
        .iter()
        .copied()
        .filter(|r| r.role == Some(RecipientRole::Processor))
        .collect();
    let mut measures: Vec<String> = a
        .security_measures
        .iter()
        .chain(&register.security_measures)
        .map(measure)
        .collect();
    measures.dedup();
    let [countries, safeguards] = transfer_rows(index, a);
    let mut rows = vec![
        (
            "Business function",
            a.business_function
                .clone()
                .unwrap_or_else(|| NOT_STATED.to_owned()),
        ),
        purpose_of_processing,
        (
            "Name and contact details of joint controller",
            none_recorded(
                a.joint_controllers
                    .iter()
                    .map(|id| party(index, id))
                    .collect(),
            ),
        ),
        (
            "Categories of individuals",
            join_or_not_stated(a.data_subjects.iter().map(subject).collect()),
        ),
        (
            "Categories of personal data",
            join_or_not_stated(a.data_categories.iter().map(data_category).collect()),
        ),
        (
            "Categories of recipients",
            join_or_not_stated(recipients.iter().map(|r| recipient(index, r)).collect()),
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
        ("Retention schedule", {
            let names = CategoryNames::of(a);
            join_or_not_stated(
                a.retention
                    .iter()
                    .map(|r| retention_rule(index, r, &names))
                    .collect(),
            )
        }),
        (
            "General description of technical and organisational security measures",
            join_or_not_stated(measures),
        ),
        lawful_basis,
        (
            "Article 9 condition",
            none_recorded(
                a.special_category_conditions
                    .iter()
                    .map(special_condition)
                    .chain(a.criminal_offence_conditions.iter().map(criminal_condition))
                    .collect(),
            ),
        ),
        legitimate_interests,
        assessment,
        (
            "Rights available to individuals",
            applicable_rights(a)
                .iter()
                .map(|r| r.words_on(regime, options.date()))
                .collect::<Vec<_>>()
                .join(", "),
        ),
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
            join_or_not_stated(a.systems.iter().map(system).collect()),
        ),
        (
            "Data Protection Impact Assessment required?",
            dpia_required(a),
        ),
        (
            "DPIA progress",
            a.dpia
                .as_ref()
                .and_then(|d| d.status)
                .map(|s| words(s.as_str()))
                .unwrap_or_else(|| NOT_STATED.to_owned()),
        ),
        (
            "Link to DPIA",
            a.dpia
                .as_ref()
                .and_then(|d| d.document.as_ref())
                .map(|d| document(index, d))
                .unwrap_or_else(|| NONE_RECORDED.to_owned()),
        ),
        (
            "Personal data breach?",
            if a.breaches.is_empty() {
                "No breach recorded".to_owned()
            } else {
                "Yes".to_owned()
            },
        ),
        (
            "Link to record of personal data breach",
            none_recorded(a.breaches.iter().map(|d| document(index, d)).collect()),
        ),
        (
            "DPA 2018 Schedule 1 condition for processing",
            none_recorded(schedule_1(a)),
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
            "Link to retention and erasure policy document",
            join_or_not_stated(policy_documents(index, a)),
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
    // Restrictions of rights are shown only where recorded, after the rights they restrict.
    if !a.rights_restrictions.is_empty() {
        let at = rows
            .iter()
            .position(|(k, _)| *k == "Rights available to individuals")
            .map_or(rows.len(), |i| i + 1);
        rows.insert(
            at,
            (
                "Restrictions of rights",
                a.rights_restrictions
                    .iter()
                    .map(rights_restriction)
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        );
    }
    rows
}

fn subject(s: &DataSubjectCategory) -> String {
    let mut text = s.name.clone();
    if s.children {
        text.push_str(" (includes children)");
    }
    if s.vulnerable {
        text.push_str(" (includes vulnerable people)");
    }
    text
}

fn measure(m: &SecurityMeasure) -> String {
    match &m.description {
        Some(d) => format!("{}: {d}", words(m.kind.as_str())),
        None => words(m.kind.as_str()),
    }
}

fn processor_contract(index: &RegisterIndex<'_>, r: &Recipient) -> String {
    let name = r
        .party
        .as_ref()
        .map(|id| party_name(index, id))
        .or(r.category.clone())
        .unwrap_or_else(|| r.id.to_string());
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

pub(crate) fn transfer_safeguards(index: &RegisterIndex<'_>, t: &Transfer) -> String {
    let mut text = format!("{}: {}", destination(t), mechanism(t));
    if let Some(d) = &t.documentation {
        text.push_str(&format!(", documented in {}", document(index, d)));
    }
    if let Some(d) = &t.risk_assessment {
        text.push_str(&format!(", risk assessment {}", document(index, d)));
    }
    text
}

fn criminal_condition(c: &CriminalOffenceCondition) -> String {
    let mut text = format!("Art 10: {}", words(c.authority.as_str()));
    if let Some(p) = c.schedule_1_paragraph {
        text.push_str(&format!(
            "; DPA 2018 Sch 1 para {} ({})",
            p.paragraph(),
            p.heading()
        ));
    }
    text
}

fn automated(a: &ProcessingActivity) -> String {
    if a.automated_decisions.is_empty() {
        return NONE_RECORDED.to_owned();
    }
    a.automated_decisions
        .iter()
        .map(|d| {
            let mut text = d.description.clone();
            if let Some(b) = d.basis {
                text.push_str(&format!(" (Art 22(2): {})", words(b.as_str())));
            }
            if let Some(logic) = &d.logic {
                text.push_str(&format!("; logic: {logic}"));
            }
            if !d.safeguards.is_empty() {
                text.push_str(&format!("; safeguards: {}", d.safeguards.join(", ")));
            }
            text
        })
        .collect::<Vec<_>>()
        .join("; ")
}

pub(crate) fn sources(index: &RegisterIndex<'_>, a: &ProcessingActivity) -> Vec<String> {
    unique(a.data_categories.iter().flat_map(|c| &c.sources).map(|s| {
        let mut text = words(s.kind.as_str());
        if let Some(id) = &s.party {
            text.push_str(&format!(": {}", party_name(index, id)));
        }
        if let Some(d) = &s.description {
            text.push_str(&format!(" ({d})"));
        }
        text
    }))
}

fn system(s: &System) -> String {
    let mut text = s.name.clone();
    for part in [&s.location, &s.description].into_iter().flatten() {
        text.push_str(&format!(", {part}"));
    }
    if let Some(country) = s.country {
        text.push_str(&format!(" ({country})"));
    }
    if let Some(region) = s.region {
        text.push_str(&format!(" ({})", region.label()));
    }
    text
}

fn dpia_required(a: &ProcessingActivity) -> String {
    a.dpia
        .as_ref()
        .and_then(|d| d.required)
        .map_or(NOT_STATED, yes_no)
        .to_owned()
}

fn schedule_1(a: &ProcessingActivity) -> Vec<String> {
    a.special_category_conditions
        .iter()
        .filter_map(|c| {
            c.schedule_1_paragraph
                .map(|p| format!("para {} {}", p.paragraph(), p.heading()))
                .or(c
                    .schedule_1_part
                    .map(|p| format!("{} (no paragraph named)", words(p.as_str()))))
        })
        .chain(a.criminal_offence_conditions.iter().filter_map(|c| {
            c.schedule_1_paragraph
                .map(|p| format!("para {} {}", p.paragraph(), p.heading()))
        }))
        .collect()
}

fn policy_documents(index: &RegisterIndex<'_>, a: &ProcessingActivity) -> Vec<String> {
    let mut out: Vec<String> = a
        .special_category_conditions
        .iter()
        .filter_map(|c| c.policy_document.as_ref())
        .chain(
            a.criminal_offence_conditions
                .iter()
                .filter_map(|c| c.policy_document.as_ref()),
        )
        .chain(a.retention.iter().filter_map(|r| r.policy.as_ref()))
        .map(|d| document(index, d))
        .collect();
    out.dedup();
    out
}

pub(crate) fn header(
    register: &Register,
    index: &RegisterIndex<'_>,
    options: &ReportOptions,
) -> Vec<(&'static str, String)> {
    let organisation = register.organisation();
    let mut rows = vec![
        (
            "Name",
            organisation
                .map(|p| p.name.clone())
                .unwrap_or_else(|| NOT_STATED.to_owned()),
        ),
        (
            "Contact details",
            organisation
                .map(|p| contacts(&p.contacts))
                .unwrap_or_else(|| NOT_STATED.to_owned()),
        ),
        (
            "Public authority",
            yes_no(register.is_public_authority()).to_owned(),
        ),
        (
            "Data protection officer",
            register
                .dpo
                .as_ref()
                .map(dpo)
                .unwrap_or_else(|| NONE_RECORDED.to_owned()),
        ),
        (
            "Representative (Art 27)",
            register
                .representative
                .as_ref()
                .map(|id| party(index, id))
                .unwrap_or_else(|| NONE_RECORDED.to_owned()),
        ),
        (
            "Supervisory authority",
            register
                .supervisory_authority
                .as_ref()
                .map(|id| party(index, id))
                .unwrap_or_else(|| NOT_STATED.to_owned()),
        ),
        (
            "Regime",
            register
                .regime
                .map(|r| r.label().to_owned())
                .unwrap_or_else(|| {
                    format!(
                        "{} (not stated in the register)",
                        options.validation.regime.label()
                    )
                }),
        ),
        (
            "Register owner",
            register
                .owner
                .clone()
                .unwrap_or_else(|| NOT_STATED.to_owned()),
        ),
        (
            "Last reviewed",
            register
                .last_reviewed
                .map(|d| d.to_string())
                .unwrap_or_else(|| NOT_STATED.to_owned()),
        ),
        (
            "Next review",
            register
                .next_review
                .map(|d| d.to_string())
                .unwrap_or_else(|| NOT_STATED.to_owned()),
        ),
    ];
    // Facts a register records only sometimes: shown where recorded.
    let facts = organisation.map(party_facts).unwrap_or_default();
    if !facts.is_empty() {
        rows.insert(
            2,
            (
                "Registrations and representation",
                facts
                    .trim_start_matches(" [")
                    .trim_end_matches(']')
                    .to_owned(),
            ),
        );
    }
    if let Some(state) = register.member_state {
        rows.push(("Member state of establishment", state.to_string()));
    }
    if !register.recipients.is_empty() {
        rows.push((
            "Recipients of every activity",
            register
                .recipients
                .iter()
                .map(|r| recipient(index, r))
                .collect::<Vec<_>>()
                .join("; "),
        ));
    }
    rows
}

pub(crate) fn dpo(d: &Dpo) -> String {
    let mut parts = Vec::new();
    if let Some(name) = &d.name {
        parts.push(name.clone());
    }
    if let Some(position) = &d.position {
        parts.push(position.clone());
    }
    if !d.contacts.is_empty() {
        parts.push(contacts(&d.contacts));
    }
    join_or_not_stated(parts)
}

pub(crate) fn render(
    register: &Register,
    options: &ReportOptions,
    sink: &mut dyn Sink,
) -> io::Result<()> {
    let index = register.index();
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
    sink.fields(&header(register, &index, options))?;
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
            let mut rows = vec![("Role", role(a))];
            if let Some(arrangement) = &a.joint_arrangement {
                rows.push((
                    "Joint controller arrangement (Art 26)",
                    document(&index, arrangement),
                ));
            }
            rows.extend(controller_rows(register, &index, a, None, options));
            sink.fields(&rows)?;
        }
    }
    if !processor.is_empty() {
        sink.heading(2, "Processing on behalf of controllers (Article 30(2))")?;
        for a in processor {
            sink.heading(3, &a.name)?;
            if let Some(description) = &a.description {
                sink.paragraph(description)?;
            }
            let mut measures: Vec<String> = a
                .security_measures
                .iter()
                .chain(&register.security_measures)
                .map(measure)
                .collect();
            measures.dedup();
            let [countries, safeguards] = transfer_rows(&index, a);
            let rows = vec![
                (
                    "Name and contact details of the controller",
                    join_or_not_stated(
                        a.on_behalf_of
                            .iter()
                            .map(|o| party(&index, &o.controller))
                            .collect(),
                    ),
                ),
                (
                    "Categories of processing",
                    join_or_not_stated(
                        a.on_behalf_of
                            .iter()
                            .map(|o| {
                                format!(
                                    "for {}: {}",
                                    party_name(&index, &o.controller),
                                    o.processing.join(", ")
                                )
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
                                o.contract
                                    .as_ref()
                                    .map(|d| document(&index, d))
                                    .unwrap_or_else(|| "no contract recorded".to_owned())
                            })
                            .collect(),
                    ),
                ),
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
                    join_or_not_stated(measures),
                ),
            ];
            sink.fields(&rows)?;
        }
    }
    sink.end()
}

fn none_recorded(parts: Vec<String>) -> String {
    join_or(parts, NONE_RECORDED)
}

/// The distinct values, in first-seen order (hashed, so that thousands of them stay linear).
pub(crate) fn unique(values: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen: foldhash::HashSet<String> = foldhash::HashSet::default();
    let mut out: Vec<String> = Vec::new();
    for value in values {
        if !seen.contains(&value) {
            seen.insert(value.clone());
            out.push(value);
        }
    }
    out
}

/// The template's two transfer columns: the destinations, and the safeguards of each.
fn transfer_rows(index: &RegisterIndex<'_>, a: &ProcessingActivity) -> [(&'static str, String); 2] {
    [
        (
            "Names of third countries or international organisations",
            none_recorded(a.transfers.iter().map(destination).collect()),
        ),
        (
            "Safeguards for exceptional transfers",
            none_recorded(
                a.transfers
                    .iter()
                    .map(|t| transfer_safeguards(index, t))
                    .collect(),
            ),
        ),
    ]
}
