//! The rows of an activity carried out as controller, in the order of the regulator's (ICO)
//! controller template: purposes and bases, Art 30(1) columns, conditions, rights, accountability,
//! Schedule 1 and the notice.

use super::RowContext;
use super::cells::{
    automated, criminal_condition, dpia_required, measures, none_recorded, processor_contract,
    risk_indicators, sources, special_condition_text, subject, system, transfer_rows,
};
use crate::law::rights::applicable_rights;
use crate::model::labels::{Label, capital};
use crate::model::text::{MENTION_CHARS, mention};
use crate::model::*;
use crate::report::sink::Field;
use crate::report::text::*;

/// The regulator's (ICO) controller template columns, in its order, for one activity and its
/// purposes (all of them when `purpose` is None), followed by the rest of what the register
/// records about the activity.
pub(crate) fn controller_rows(
    cx: &RowContext<'_, '_>,
    a: &ProcessingActivity,
    purpose: Option<&Purpose>,
) -> Vec<Field> {
    let names = CategoryNames::new(a).with_shared(cx.index);
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
    ] = purpose_fields(cx, a, &purposes, &names, false);
    let business_function = a.business_function.clone();
    let mut rows: Vec<Field> = vec![
        (
            "Business function",
            one(business_function.unwrap_or_else(|| NOT_STATED.to_owned())),
        ),
        purpose_of_processing,
    ];
    rows.extend(article_30_rows(cx, a, &names));
    rows.push(lawful_basis);
    rows.extend(condition_rows(cx, a, &names));
    rows.extend([legitimate_interests, assessment]);
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
    rows.extend(accountability_rows(cx, a, &names, consent_record));
    rows.extend(schedule_1_rows(cx, a));
    rows.extend(notice_rows(cx, a));
    rows
}

/// The template's Art 30(1) columns after the purposes: who the data is about and goes to, where
/// it is transferred, how long it is kept and how it is secured.
fn article_30_rows(
    cx: &RowContext<'_, '_>,
    a: &ProcessingActivity,
    names: &CategoryNames<'_>,
) -> Vec<Field> {
    let index = cx.index;
    let processors: Vec<&Recipient> = a
        .recipients
        .iter()
        .filter(|r| r.role == Some(RecipientRole::Processor))
        .collect();
    let [countries, safeguards] = transfer_rows(index, a, names, (cx.regime, cx.date));
    vec![
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
                a.recipients
                    .iter()
                    .map(|r| recipient(index, r, names))
                    .chain(super::shared_recipients_note(cx.shared_recipients.0))
                    .collect(),
            ),
        ),
        (
            "Link to contract with processor",
            none_recorded(
                processors
                    .iter()
                    .map(|r| processor_contract(index, r))
                    .chain(super::shared_recipients_note(cx.shared_recipients.1))
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
                    .flat_map(|r| retention_rule(r, names, index))
                    .collect(),
            ),
        ),
        (
            "General description of technical and organisational security measures",
            join_or_not_stated(measures(cx.register, a)),
        ),
    ]
}

/// The Art 9 condition and the Art 10 authority relied on.
fn condition_rows(
    cx: &RowContext<'_, '_>,
    a: &ProcessingActivity,
    names: &CategoryNames<'_>,
) -> [Field; 2] {
    [
        (
            "Article 9 condition",
            none_recorded(
                a.special_category_conditions
                    .iter()
                    .map(|c| special_condition_text(c, names, cx.uk_law))
                    .collect(),
            ),
        ),
        (
            "Article 10 authority for criminal offence data",
            none_recorded(
                a.criminal_offence_conditions
                    .iter()
                    .map(|c| criminal_condition(c, names, cx.uk_law))
                    .collect(),
            ),
        ),
    ]
}

/// Automated decisions, sources, consent, where the data is, DPIA and breaches.
fn accountability_rows(
    cx: &RowContext<'_, '_>,
    a: &ProcessingActivity,
    names: &CategoryNames<'_>,
    consent_record: Field,
) -> Vec<Field> {
    let index = cx.index;
    vec![
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
            join_or_not_stated(a.systems.iter().map(|s| system(index, s, names)).collect()),
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
    ]
}

/// The retention policy document, the privacy notice and what the activity tells people.
fn notice_rows(cx: &RowContext<'_, '_>, a: &ProcessingActivity) -> Vec<Field> {
    let index = cx.index;
    let mut rows: Vec<Field> = vec![
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
    ];
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

/// The template's columns that depend on the purposes shown. With `own_only` (the CSV's row for
/// each further purpose) only the purposes' own bases are shown: the activity's and its data
/// categories' are on the activity's first row, and repeating them would make the CSV quadratic.
pub(crate) fn purpose_fields(
    cx: &RowContext<'_, '_>,
    a: &ProcessingActivity,
    purposes: &[&Purpose],
    names: &CategoryNames<'_>,
    own_only: bool,
) -> [Field; 5] {
    let index = cx.index;
    let bases = scoped_bases(a, purposes, own_only);
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
            // A scope is repeated for each of its bases: a long one is cut.
            format!("{}: {text}", crate::model::text::cut(scope, MENTION_CHARS))
        }
    };
    [
        (
            "Purpose of processing",
            join_or_not_stated(purposes.iter().map(|p| purpose_text(p, names)).collect()),
        ),
        (
            "Article 6 lawful basis",
            join_or_not_stated(basis_items(a, purposes, &bases, &per_purpose)),
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
            none_recorded(consent_items(index, &bases, &per_purpose)),
        ),
    ]
}

/// Each basis with what it serves (the whole activity, a purpose or a data category), so that
/// bases are never pooled across purposes.
fn scoped_bases<'a>(
    a: &'a ProcessingActivity,
    purposes: &[&'a Purpose],
    own_only: bool,
) -> Vec<(String, &'a LawfulBasis)> {
    let mut bases: Vec<(String, &LawfulBasis)> = Vec::new();
    for p in purposes {
        let scope = p.description.trim_end_matches('.').to_owned();
        bases.extend(p.lawful_bases.iter().map(|b| (scope.clone(), b)));
    }
    if own_only {
        return bases;
    }
    bases.splice(
        0..0,
        a.lawful_bases
            .iter()
            .map(|b| ("The whole activity".to_owned(), b)),
    );
    for c in &a.data_categories {
        bases.extend(c.lawful_bases.iter().map(|b| {
            (
                format!(
                    "The data \u{2018}{}\u{2019}",
                    mention(&c.name, c.id.as_str())
                ),
                b,
            )
        }));
    }
    bases
}

/// The Art 6 bases in words; a purpose with no basis of its own and none for the whole activity
/// says so.
fn basis_items(
    a: &ProcessingActivity,
    purposes: &[&Purpose],
    bases: &[(String, &LawfulBasis)],
    per_purpose: &dyn Fn(String, &str) -> String,
) -> Vec<String> {
    // A basis shared by several purposes is stated once, naming them (at most three, then how
    // many more), so seven purposes on one public task read as one line.
    let mut groups: Vec<(String, Vec<&str>)> = Vec::new();
    let mut at: foldhash::HashMap<String, usize> = foldhash::HashMap::default();
    for (scope, b) in bases {
        let text = with_note(basis(b), b.note.as_ref());
        match at.get(&text) {
            Some(&i) => groups[i].1.push(scope),
            None => {
                at.insert(text.clone(), groups.len());
                groups.push((text, vec![scope]));
            }
        }
    }
    let mut items: Vec<String> = groups
        .into_iter()
        .map(|(text, scopes)| match scopes.as_slice() {
            [one] => per_purpose(text, one),
            _ if purposes.len() > 1 && scopes.len() == purposes.len() && {
                let named: foldhash::HashSet<&str> = scopes.iter().copied().collect();
                purposes
                    .iter()
                    .all(|p| named.contains(p.description.trim_end_matches('.')))
            } =>
            {
                format!("All {} purposes: {text}", scopes.len())
            }
            _ => {
                let named: Vec<&str> = scopes.iter().take(3).copied().collect();
                let more = scopes.len().saturating_sub(3);
                let mut who = crate::report::text::enumerate(
                    &named.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>(),
                );
                if more > 0 {
                    who.push_str(&format!(" and {more} more"));
                }
                per_purpose(text, &who)
            }
        })
        .collect();
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
}

/// Where each consent is recorded, how it is withdrawn and how a parent authorises it.
fn consent_items(
    index: &RegisterIndex<'_>,
    bases: &[(String, &LawfulBasis)],
    per_purpose: &dyn Fn(String, &str) -> String,
) -> Vec<String> {
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
        .collect()
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
    with_note(text + &taxonomy(&p.taxonomy), p.note.as_ref())
}

/// A right in words with the provision that gives it under the regime on the date.
fn right_words(r: DataSubjectRight, regime: Regime, on: chrono::NaiveDate) -> String {
    match r {
        // Its wording changes with the law (UK Arts 22A-22D from 5 Feb 2026).
        DataSubjectRight::AutomatedDecisions => capital(&r.words_on(regime, on)),
        _ => format!("{} ({})", capital(r.label()), r.citation_on(regime, on)),
    }
}

/// The rights the bases give, beside the rights the privacy notice states, each difference marked
/// where validation finds it (`available-right-not-stated`), so that report and findings agree.
fn rights_rows(a: &ProcessingActivity, regime: Regime, on: chrono::NaiveDate) -> [Field; 2] {
    let available: Vec<DataSubjectRight> = applicable_rights(a)
        .into_iter()
        .filter(|r| crate::validate::right_in_play(a, *r))
        .collect();
    let untold = crate::validate::untold_rights(a);
    // As `stated-right-not-available`: only where every purpose has a basis can a stated right
    // be said not to come from them.
    let given = applicable_rights(a);
    let judged = crate::validate::every_purpose_has_a_basis(a);
    let stated = &a.rights_stated;
    let qualified = &a.rights_stated_where;
    [
        (
            "Rights available to individuals",
            available
                .iter()
                .map(|r| {
                    let mut text = right_words(*r, regime, on);
                    if untold.contains(r) {
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
                        if judged && !given.contains(r) {
                            text.push_str(" (not given by the lawful bases recorded)");
                        }
                        text
                    })
                    .chain(qualified.iter().map(|q| qualified_right(q, regime, on)))
                    .collect(),
            ),
        ),
    ]
}

/// A right the notice states only where some bases apply: the bases, and the notice's words.
fn qualified_right(q: &QualifiedRight, regime: Regime, on: chrono::NaiveDate) -> String {
    let mut text = right_words(q.right, regime, on);
    if q.bases.is_empty() {
        text.push_str(", depending on the basis");
    } else {
        let bases: Vec<String> = q.bases.iter().map(|b| b.label().to_owned()).collect();
        text.push_str(&format!(", where the basis is {}", bases.join(" or ")));
    }
    if let Some(wording) = &q.wording {
        text.push_str(&format!(" (the notice: \"{wording}\")"));
    }
    text
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

/// Whether a recipient is recorded as a processor.
pub(crate) fn is_processor(r: &Recipient) -> bool {
    r.role == Some(RecipientRole::Processor)
}
