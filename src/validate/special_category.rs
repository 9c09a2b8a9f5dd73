//! Special category data (Art 9), criminal offence data (Art 10), and DPA 2018 Schedule 1.

use super::once::report_once;
use super::{ActivityContext, Context, Rule, Severity, id_membership};
use crate::model::{
    Article6Basis, Article9Condition, ConsentForm, Schedule1Paragraph, Schedule1Part,
    Schedule1Requirement, SpecialCategoryCondition,
};

/// Fires on the special category data categories (or free text that may hold such data) of a
/// controller's activity that no Art 9(2) condition covers: the processing is prohibited unless
/// one applies (Art 9(1)). One finding for the categories of an activity (at the list when there
/// are several), naming
/// each. A condition limited to named recipients covers only those disclosures, and one limited
/// to named purposes covers only those: a purpose that uses special category data no condition
/// covers for it gets a finding of its own, at the purpose (a warning where the purpose names no
/// data categories and so only may use it).
pub const SPECIAL_CATEGORY_WITHOUT_CONDITION: Rule = Rule {
    id: "special-category-without-condition",
    severity: Severity::Error,
    citation: "Art 9(1)",
    summary: "Special category data with no Art 9(2) condition.",
};

/// Fires when an activity with special category data relies on consent given in a form that is
/// not explicit (implied, or a mere affirmative act), and either names no Art 9 condition or
/// names explicit consent: only explicit consent lifts the Art 9 prohibition (Art 9(2)(a)). One
/// finding for an activity, naming each basis.
pub const IMPLIED_CONSENT_FOR_SPECIAL_CATEGORY: Rule = Rule {
    id: "implied-consent-for-special-category",
    severity: Severity::Error,
    citation: "Art 9(2)(a)",
    summary: "Consent that is not explicit relied on for special category data.",
};

/// UK only. Fires when Art 9(2)(b), (h), (i) or (j) is relied on without its DPA 2018 Sch 1 Part 1
/// condition, when Art 9(2)(g) is relied on without a specific Part 2 paragraph (naming "Part 2"
/// is not enough), or when criminal offence data is processed as authorised by law without a
/// Schedule 1 condition (s10(5)).
pub const SCHEDULE_1_CONDITION_MISSING: Rule = Rule {
    id: "schedule-1-condition-missing",
    severity: Severity::Error,
    citation: "DPA 2018 s10",
    summary: "An Art 9(2) condition or Art 10 authorisation without the Schedule 1 condition it needs.",
};

/// UK only. Fires when the Schedule 1 paragraph does not match the Art 9(2) condition: (b) needs
/// para 1, (h) para 2, (i) para 3, (j) para 4, (g) a Part 2 paragraph; a Part 3 paragraph serves
/// criminal offence data only. A paragraph beside a condition that needs none is a warning.
pub const SCHEDULE_1_CONDITION_MISMATCH: Rule = Rule {
    id: "schedule-1-condition-mismatch",
    severity: Severity::Error,
    citation: "DPA 2018 s10",
    summary: "The Schedule 1 paragraph does not match the Art 9(2) condition.",
};

/// UK only. Fires when a Schedule 1 condition that needs an appropriate policy document (para 1,
/// every Part 2 condition, paras 35-37) is relied on and none is referenced (Sch 1 paras 5, 38-39).
/// A warning: the document must exist and be kept (para 40), but para 41 does not ask the record
/// to reference it. One finding for an activity, naming each condition that needs it.
pub const APPROPRIATE_POLICY_DOCUMENT_MISSING: Rule = Rule {
    id: "appropriate-policy-document-missing",
    severity: Severity::Warning,
    citation: "DPA 2018 Sch 1 para 5, 38-39",
    summary: "A Schedule 1 condition that needs an appropriate policy document, none referenced.",
};

/// UK only. Fires when a Schedule 1 condition that needs an appropriate policy document is relied
/// on and the record lacks the para 41 entries: how Art 6 is satisfied, and whether the data is
/// retained and erased per the policy document (and if not, why not). One finding for an
/// activity, naming each condition that lacks them.
pub const PARA_41_RECORD_INCOMPLETE: Rule = Rule {
    id: "para-41-record-incomplete",
    severity: Severity::Error,
    citation: "DPA 2018 Sch 1 para 41",
    summary: "The Sch 1 para 41 entries are missing or incomplete.",
};

/// UK only. Fires when a Schedule 1 condition is relied on outside its scope: para 8 (equality)
/// serves racial or ethnic origin, religious or philosophical beliefs, health and sexual
/// orientation only, and not measures or decisions about a particular person (para 8(3)); para 9
/// racial or ethnic origin only; paras 19 and 21 health only; para 22 political opinions only;
/// para 16 not-for-profit bodies only. Where the condition lists its data categories, each one it
/// does not serve is reported; where it lists none, it is reported when it serves none of the
/// activity's special category data.
pub const SCHEDULE_1_CONDITION_OUT_OF_SCOPE: Rule = Rule {
    id: "schedule-1-condition-out-of-scope",
    severity: Severity::Error,
    citation: "DPA 2018 Sch 1 Part 2",
    summary: "A Schedule 1 condition relied on outside its scope (data it does not serve, a body it is not for, decisions about a person).",
};

/// Fires on each criminal offence data category of a controller's activity with no Art 10
/// authority: official authority or authorisation by law (in the UK, DPA 2018 s10(5)).
pub const CRIMINAL_OFFENCE_DATA_WITHOUT_AUTHORITY: Rule = Rule {
    id: "criminal-offence-data-without-authority",
    severity: Severity::Error,
    citation: "Art 10",
    summary: "Criminal offence data with no Art 10 authority.",
};

/// Fires when an activity names Art 9 conditions but records no special category data: either a
/// data category is not marked as special category, or the condition is not needed.
pub const CONDITION_NOT_SPECIAL_CATEGORY: Rule = Rule {
    id: "condition-not-special-category",
    severity: Severity::Info,
    citation: "Art 9(1)",
    summary: "An Art 9 condition where no special category data is recorded.",
};

/// The rules about special category and criminal offence data, whose findings the special
/// category report shows beside the conditions they concern.
pub(crate) const SPECIAL_CATEGORY_RULES: &[&str] = &[
    SPECIAL_CATEGORY_WITHOUT_CONDITION.id,
    IMPLIED_CONSENT_FOR_SPECIAL_CATEGORY.id,
    SCHEDULE_1_CONDITION_MISSING.id,
    SCHEDULE_1_CONDITION_MISMATCH.id,
    APPROPRIATE_POLICY_DOCUMENT_MISSING.id,
    PARA_41_RECORD_INCOMPLETE.id,
    SCHEDULE_1_CONDITION_OUT_OF_SCOPE.id,
    CRIMINAL_OFFENCE_DATA_WITHOUT_AUTHORITY.id,
    CONDITION_NOT_SPECIAL_CATEGORY.id,
    super::DISCLOSURE_WITHOUT_GROUND.id,
    super::TAXONOMY_SPECIAL_CATEGORY_UNMARKED.id,
    super::TAXONOMY_CRIMINAL_OFFENCE_UNMARKED.id,
    super::TAXONOMY_CONTRADICTS_KIND.id,
];

/// Whether the activity's consent, if not explicit, is judged by
/// [`IMPLIED_CONSENT_FOR_SPECIAL_CATEGORY`]: it has special category data and names no Art 9
/// condition, or names explicit consent.
pub(super) fn consent_must_be_explicit(activity: &crate::model::ProcessingActivity) -> bool {
    let conditions = &activity.special_category_conditions;
    activity.has_special_category_data()
        && (conditions.is_empty()
            || conditions
                .iter()
                .any(|c| c.condition == Article9Condition::ExplicitConsent))
}

pub(super) fn check_activity(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    if !a.is_controller() {
        return;
    }
    check_coverage(ctx, a);
    check_consent_and_conditions(ctx, a);
    if ctx.uk_law {
        check_schedule_1(ctx, a);
    }
}

/// Special category data that no Art 9 condition covers, data covered only for some purposes,
/// and criminal offence data with no Art 10 authority.
fn check_coverage(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    let activity = a.activity;
    let conditions = &activity.special_category_conditions;
    // Which categories some condition covers, and some condition not limited to purposes,
    // resolved once per activity (a condition may list thousands of categories, and so may the
    // activity), so that the check stays linear.
    let covering = |unlimited_only: bool| {
        let counts = move |c: &&SpecialCategoryCondition| {
            c.recipients.is_empty() && (!unlimited_only || c.purposes.is_empty())
        };
        let all = conditions
            .iter()
            .filter(counts)
            .any(|c| c.data_categories.is_empty());
        let listed = id_membership(move || {
            conditions
                .iter()
                .filter(counts)
                .flat_map(|c| c.data_categories.iter().map(|id| id.as_str()))
        });
        move |id: &str| all || listed(id)
    };
    let covered = covering(false);
    let covered_for_every_purpose = covering(true);
    let criminal = &activity.criminal_offence_conditions;
    let criminal_covers_all = criminal.iter().any(|c| c.data_categories.is_empty());
    let criminal_listed = id_membership(|| {
        criminal
            .iter()
            .flat_map(|c| c.data_categories.iter().map(|id| id.as_str()))
    });
    let mut uncovered: Vec<(String, String)> = Vec::new();
    // Special category data covered only by conditions limited to some purposes.
    let mut purpose_limited: Vec<usize> = Vec::new();
    for (i, category) in activity.data_categories.iter().enumerate() {
        let path = || format!("{}/data_categories/{i}", a.path);
        if category.is_special_category() {
            if !covered(category.id.as_str()) {
                uncovered.push((path(), special_category_words(category)));
            } else if !covered_for_every_purpose(category.id.as_str()) {
                purpose_limited.push(i);
            }
        }
        if category.criminal_offence
            && !(criminal_covers_all || criminal_listed(category.id.as_str()))
        {
            ctx.report(&CRIMINAL_OFFENCE_DATA_WITHOUT_AUTHORITY, path(), format!("'{}' is criminal offence data with no Art 10 authority; record official authority or the authorising law.", crate::model::text::mention(&category.name, category.id.as_str())));
        }
    }
    report_once(
        ctx,
        &SPECIAL_CATEGORY_WITHOUT_CONDITION,
        &uncovered,
        &format!("{}/data_categories", a.path),
        |what| {
            format!(
                "{what} and no Art 9(2) condition covers it; record the condition relied on, or stop processing it."
            )
        },
        |list| {
            format!(
                "{} data categories of '{}' are special category data that no Art 9(2) condition covers: {list}. Record the condition relied on for each, or stop processing them.",
                uncovered.len(),
                a.name()
            )
        },
    );
    if !purpose_limited.is_empty() {
        check_purpose_scope(ctx, a, &purpose_limited);
    }
}

/// What a special category data category is, for a message: its name (a long one cut) and kind.
fn special_category_words(category: &crate::model::DataCategory) -> String {
    let name = crate::model::text::mention(&category.name, category.id.as_str());
    match category.special_category {
        Some(kind) => format!(
            "'{name}' is special category data ({})",
            crate::model::labels::Label::label(kind)
        ),
        None => format!("'{name}' may hold special category data"),
    }
}

/// Consent that is not explicit relied on for special category data, and Art 9 conditions where
/// no special category data is recorded.
fn check_consent_and_conditions(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    let activity = a.activity;
    let has_special = activity.has_special_category_data();
    let conditions = &activity.special_category_conditions;
    if consent_must_be_explicit(activity) {
        let mut implied: Vec<(String, String)> = Vec::new();
        let lists = a.basis_lists();
        for list in lists {
            for (j, basis) in list.bases.iter().enumerate() {
                let form = basis.consent.as_ref().and_then(|c| c.form);
                if basis.basis == Article6Basis::Consent
                    && matches!(form, Some(ConsentForm::Implied | ConsentForm::Affirmative))
                {
                    let form = form.map(|f| f.as_str()).unwrap_or_default();
                    implied.push((
                        format!("{}/lawful_bases/{j}/consent/form", list.pointer()),
                        format!("'{}': {form}", list.name()),
                    ));
                }
            }
        }
        report_once(
            ctx,
            &IMPLIED_CONSENT_FOR_SPECIAL_CATEGORY,
            &implied,
            &a.path,
            |label| {
                format!(
                    "Consent for {label}, but special category data needs explicit consent (Art 9(2)(a)) or another Art 9(2) condition."
                )
            },
            |list| {
                format!(
                    "Consent that is not explicit is relied on in {} places of '{}': {list}; special category data needs explicit consent (Art 9(2)(a)) or another Art 9(2) condition.",
                    implied.len(),
                    a.name()
                )
            },
        );
    } else if !has_special && !conditions.is_empty() {
        ctx.report(&CONDITION_NOT_SPECIAL_CATEGORY, format!("{}/special_category_conditions", a.path), format!("'{}' names Art 9 conditions but no data category is marked as special category data.", a.name()));
    }
}

/// The Schedule 1 conditions (UK law): each Art 9 condition paired with the paragraph it needs,
/// and the appropriate policy document and para 41 entries that paragraphs and Art 10 need.
fn check_schedule_1(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    let activity = a.activity;
    let mut no_policy: Vec<(String, String)> = Vec::new();
    let mut no_para_41: Vec<(String, String)> = Vec::new();
    for (i, c) in activity.special_category_conditions.iter().enumerate() {
        let path = format!("{}/special_category_conditions/{i}", a.path);
        check_schedule_1_pairing(ctx, a, c, &path);
        let cite = c.condition.citation();
        let needs_policy = match c.schedule_1_paragraph {
            Some(paragraph) => {
                paragraph.needs_policy_document()
                    && !(c.disclosure_exception && paragraph.entry().disclosure_exception.is_some())
            }
            None => c.condition == Article9Condition::SubstantialPublicInterest,
        };
        if needs_policy {
            let label = match c.schedule_1_paragraph {
                Some(paragraph) => format!("Art {cite}, Sch 1 para {}", paragraph.paragraph()),
                None => format!("Art {cite}"),
            };
            if c.policy_document.is_none() {
                no_policy.push((path.clone(), policy_label(&label, c.disclosure_exception)));
            }
            if !c.para_41.as_ref().is_some_and(|r| r.is_complete()) {
                no_para_41.push((path, label));
            }
        }
    }
    for (i, c) in activity.criminal_offence_conditions.iter().enumerate() {
        let path = format!("{}/criminal_offence_conditions/{i}", a.path);
        match c.schedule_1_paragraph {
            None if c.authority == crate::model::CriminalOffenceAuthority::AuthorisedByLaw => ctx.report(
                &SCHEDULE_1_CONDITION_MISSING,
                path.clone(),
                "Criminal offence data processed as authorised by law needs a DPA 2018 Sch 1 Part 1, 2 or 3 condition (s10(5)); record it in the Schedule 1 paragraph field.".to_owned(),
            ),
            Some(paragraph)
                if paragraph.needs_policy_document()
                    && !(c.disclosure_exception && paragraph.entry().disclosure_exception.is_some()) =>
            {
                let label = format!("Art 10, Sch 1 para {}", paragraph.paragraph());
                if c.policy_document.is_none() {
                    no_policy.push((path.clone(), policy_label(&label, c.disclosure_exception)));
                }
                if !c.para_41.as_ref().is_some_and(|r| r.is_complete()) {
                    no_para_41.push((path, label));
                }
            }
            _ => {}
        }
    }
    report_policy_gaps(ctx, a, &no_policy, &no_para_41);
}

/// An Art 9 condition and the Schedule 1 paragraph recorded beside it: missing, of the wrong
/// Part, or recorded where none is needed; and whether the paragraph serves the data.
fn check_schedule_1_pairing(
    ctx: &mut Context<'_>,
    a: &ActivityContext<'_>,
    c: &SpecialCategoryCondition,
    path: &str,
) {
    let path = path.to_owned();
    let cite = c.condition.citation();
    match (c.condition.uk_schedule_1_requirement(), c.schedule_1_paragraph) {
        (Schedule1Requirement::Paragraph(expected), None) => ctx.report(
            &SCHEDULE_1_CONDITION_MISSING,
            path.clone(),
            format!("Art {cite} needs the DPA 2018 Sch 1 para {} condition ({}); record it in the Schedule 1 paragraph field.", expected.paragraph(), expected.heading()),
        ),
        (Schedule1Requirement::Paragraph(expected), Some(actual)) if expected != actual => ctx.report(
            &SCHEDULE_1_CONDITION_MISMATCH,
            format!("{path}/schedule_1_paragraph"),
            format!("Art {cite} goes with Sch 1 para {} ({}), not para {} ({}).", expected.paragraph(), expected.heading(), actual.paragraph(), actual.heading()),
        ),
        (Schedule1Requirement::PartTwoParagraph, None) => {
            let named = if c.schedule_1_part == Some(Schedule1Part::Part2) { " Naming Part 2 of Schedule 1 is not enough:" } else { "" };
            ctx.report(&SCHEDULE_1_CONDITION_MISSING, path.clone(), format!("Art {cite} needs a specific substantial public interest condition.{named} record the Sch 1 Part 2 paragraph (6-28) relied on."));
        }
        (Schedule1Requirement::PartTwoParagraph, Some(actual)) if actual.part() != Schedule1Part::Part2 => ctx.report(
            &SCHEDULE_1_CONDITION_MISMATCH,
            format!("{path}/schedule_1_paragraph"),
            format!("Art {cite} needs a Part 2 condition; para {} ({}) is in {}.", actual.paragraph(), actual.heading(), actual.part()),
        ),
        (Schedule1Requirement::None, Some(actual)) => ctx.report_as(
            &SCHEDULE_1_CONDITION_MISMATCH,
            Severity::Warning,
            format!("{path}/schedule_1_paragraph"),
            format!("Art {cite} needs no Schedule 1 condition, yet para {} ({}) is recorded; check which condition is relied on.", actual.paragraph(), actual.heading()),
        ),
        _ => {}
    }
    if let (Some(part), Some(paragraph)) = (c.schedule_1_part, c.schedule_1_paragraph)
        && paragraph.part() != part
    {
        ctx.report(
            &SCHEDULE_1_CONDITION_MISMATCH,
            format!("{path}/schedule_1_part"),
            format!(
                "Para {} is in {}, not {part}.",
                paragraph.paragraph(),
                paragraph.part()
            ),
        );
    }
    if let Some(paragraph) = c.schedule_1_paragraph {
        check_scope(ctx, a, c, paragraph, &path);
    }
}

/// One finding each for the conditions that lack an appropriate policy document and for those
/// whose para 41 entries are incomplete.
fn report_policy_gaps(
    ctx: &mut Context<'_>,
    a: &ActivityContext<'_>,
    no_policy: &[(String, String)],
    no_para_41: &[(String, String)],
) {
    report_once(
        ctx,
        &APPROPRIATE_POLICY_DOCUMENT_MISSING,
        no_policy,
        &a.path,
        |label| {
            format!(
                "This Schedule 1 condition ({label}) needs an appropriate policy document; reference it in the policy document field."
            )
        },
        |list| {
            format!(
                "{} Schedule 1 conditions of '{}' need an appropriate policy document and none is referenced: {list}. One document can serve them all; reference it in each one's policy document field.",
                no_policy.len(),
                a.name()
            )
        },
    );
    report_once(
        ctx,
        &PARA_41_RECORD_INCOMPLETE,
        no_para_41,
        &a.path,
        |label| {
            format!(
                "Record the para 41 entries for this condition ({label}): how the processing satisfies Art 6, and whether the data is retained and erased per the appropriate policy document (and if not, why not)."
            )
        },
        |list| {
            format!(
                "The para 41 entries are missing or incomplete for {} Schedule 1 conditions of '{}': {list}. Record for each how the processing satisfies Art 6, and whether the data is retained and erased per the appropriate policy document (and if not, why not).",
                no_para_41.len(),
                a.name()
            )
        },
    );
}

/// The label of a condition without its appropriate policy document, saying why a disclosure
/// exception recorded does not help.
fn policy_label(label: &str, disclosure_exception: bool) -> String {
    if disclosure_exception {
        format!(
            "{label}; a disclosure exception is recorded, but only paras 10(2) and 27(3) have a disclosure exception"
        )
    } else {
        label.to_owned()
    }
}

/// Special category data that is covered only by conditions limited to named purposes: each
/// purpose that uses it (a purpose naming no data categories uses them all) needs a condition
/// that covers it there.
fn check_purpose_scope(ctx: &mut Context<'_>, a: &ActivityContext<'_>, limited: &[usize]) {
    let activity = a.activity;
    // Only conditions limited to purposes can cover these categories (one for every purpose
    // would have covered them already). Each is resolved once: the purposes it names map to it,
    // and its categories are a membership test, so every check below is constant time.
    let relevant: Vec<&SpecialCategoryCondition> = activity
        .special_category_conditions
        .iter()
        .filter(|c| c.recipients.is_empty() && !c.purposes.is_empty())
        .collect();
    let category_tests: Vec<_> = relevant
        .iter()
        .map(|&c| id_membership(move || c.data_categories.iter().map(|id| id.as_str())))
        .collect();
    let mut by_purpose: foldhash::HashMap<&str, Vec<usize>> = Default::default();
    for (j, c) in relevant.iter().enumerate() {
        for purpose in &c.purposes {
            let conditions = by_purpose.entry(purpose.as_str()).or_default();
            if conditions.last() != Some(&j) {
                conditions.push(j);
            }
        }
    }
    let is_limited = id_membership(|| {
        limited
            .iter()
            .map(|&i| activity.data_categories[i].id.as_str())
    });
    for (k, purpose) in activity.purposes.iter().enumerate() {
        let conditions = by_purpose
            .get(purpose.id.as_str())
            .map(Vec::as_slice)
            .unwrap_or_default();
        if conditions
            .iter()
            .any(|&j| relevant[j].data_categories.is_empty())
        {
            continue; // a condition for this purpose covers all its data
        }
        let covered = |id: &str| conditions.iter().any(|&j| category_tests[j](id));
        let mut missing: Vec<std::borrow::Cow<'_, str>> = Vec::new();
        if purpose.data_categories.is_empty() {
            // It may use every category, so each limited one is judged for it.
            for &i in limited {
                let category = &activity.data_categories[i];
                if !covered(category.id.as_str()) {
                    missing.push(crate::model::text::mention(
                        &category.name,
                        category.id.as_str(),
                    ));
                }
            }
        } else {
            // Only the purpose's own list is walked, so a register of many purposes each naming
            // a few categories stays linear.
            for id in &purpose.data_categories {
                let id = id.as_str();
                if is_limited(id)
                    && !covered(id)
                    && let Some(i) = a.data_categories.get(id)
                {
                    let category = &activity.data_categories[i];
                    missing.push(crate::model::text::mention(
                        &category.name,
                        category.id.as_str(),
                    ));
                }
            }
        }
        if !missing.is_empty() {
            report_purpose_without_condition(ctx, a, k, purpose, &missing);
        }
    }
}

/// A purpose that uses special category data no condition covers for it: an error where the
/// purpose names the data, a warning where it names none and so may use it.
fn report_purpose_without_condition(
    ctx: &mut Context<'_>,
    a: &ActivityContext<'_>,
    k: usize,
    purpose: &crate::model::Purpose,
    missing: &[std::borrow::Cow<'_, str>],
) {
    // A purpose that names its data shows the processing; one that names none may use it.
    let (severity, scope) = if purpose.data_categories.is_empty() {
        (
            Severity::Warning,
            " (it names no data categories, so it may use them all)",
        )
    } else {
        (Severity::Error, "")
    };
    ctx.report_as(
        &SPECIAL_CATEGORY_WITHOUT_CONDITION,
        severity,
        format!("{}/purposes/{k}", a.path),
        format!(
            "The purpose '{}'{scope} uses special category data ('{}') that no Art 9(2) condition covers for it: the conditions recorded are limited to other purposes. Record the condition relied on for this purpose, or keep the data out of it.",
            crate::model::text::mention(&purpose.description, purpose.id.as_str()),
            missing.join("', '")
        ),
    );
}

/// A condition that does not serve measures or decisions about a particular data subject
/// (Sch 1 para 8(3)): recorded as used for them, covering a purpose about individuals (a person's
/// own needs), or in an activity that takes solely automated significant decisions about people.
fn individual_measures(
    ctx: &mut Context<'_>,
    a: &ActivityContext<'_>,
    c: &SpecialCategoryCondition,
    paragraph: Schedule1Paragraph,
    path: &str,
) {
    let entry = paragraph.entry();
    let number = entry.paragraph;
    let heading = entry.heading;
    let why = format!(
        "Sch 1 para {number} ({heading}) is not met by processing for measures or decisions about a particular data subject (para {number}(3))"
    );
    if c.measures_about_individuals {
        ctx.report(
            &SCHEDULE_1_CONDITION_OUT_OF_SCOPE,
            format!("{path}/measures_about_individuals"),
            format!("{why}; rely on another condition."),
        );
    }
    let activity = a.activity;
    let measures = a.individual_measures();
    // A condition limited to purposes is judged on its own list; otherwise on the activity's.
    let about: Vec<usize> = if c.purposes.is_empty() {
        measures.purposes.clone()
    } else {
        c.purposes
            .iter()
            .filter_map(|id| a.purposes.get(id.as_str()))
            .filter(|&k| activity.purposes[k].about_individuals)
            .collect()
    };
    if !about.is_empty() {
        // The first few are named, so that the message stays bounded however many there are.
        let named: Vec<String> = about
            .iter()
            .take(3)
            .map(|&k| {
                let p = &activity.purposes[k];
                format!(
                    "{}/purposes/{k} ('{}')",
                    a.path,
                    crate::model::text::mention(&p.description, p.id.as_str())
                )
            })
            .collect();
        let more = match about.len() {
            n if n > 3 => format!(" and {} more", n - 3),
            _ => String::new(),
        };
        ctx.report(&SCHEDULE_1_CONDITION_OUT_OF_SCOPE, format!("{path}/schedule_1_paragraph"), format!("{why}, and it covers purposes about individuals: {}{more}; rely on another condition for them (explicit consent, or the condition for the person's own needs).", named.join(", ")));
    }
    if let Some(k) = measures.decision {
        ctx.report(&SCHEDULE_1_CONDITION_OUT_OF_SCOPE, format!("{path}/schedule_1_paragraph"), format!("{why}, and '{}' takes a significant decision about individuals ({}/automated_decisions/{k}); rely on another condition for it.", a.name(), a.path));
    }
}

/// The scope of a Schedule 1 condition: the kinds of data it serves, the bodies it is for, and
/// whether it serves measures about a particular person (`law::schedule_1`).
fn check_scope(
    ctx: &mut Context<'_>,
    a: &ActivityContext<'_>,
    c: &SpecialCategoryCondition,
    paragraph: Schedule1Paragraph,
    path: &str,
) {
    let entry = paragraph.entry();
    let number = entry.paragraph;
    if entry.kinds.is_some() {
        let activity = a.activity;
        if c.data_categories.is_empty() {
            let kinds = || {
                activity
                    .data_categories
                    .iter()
                    .filter_map(|d| d.special_category)
            };
            if kinds().next().is_some() && !kinds().any(|k| paragraph.serves(k)) {
                ctx.report(&SCHEDULE_1_CONDITION_OUT_OF_SCOPE, format!("{path}/schedule_1_paragraph"), format!("Sch 1 para {number} ({}) serves none of the special category data of '{}'; rely on a condition that covers it.", entry.heading, a.name()));
            }
        } else {
            for (j, id) in c.data_categories.iter().enumerate() {
                let kind = a
                    .data_categories
                    .get(id.as_str())
                    .and_then(|i| activity.data_categories[i].special_category);
                if let Some(kind) = kind.filter(|k| !paragraph.serves(*k)) {
                    ctx.report(&SCHEDULE_1_CONDITION_OUT_OF_SCOPE, format!("{path}/data_categories/{j}"), format!("Sch 1 para {number} ({}) does not serve {kind} data; rely on a condition that covers it.", entry.heading));
                }
            }
        }
    }
    if entry.not_for_individual_measures {
        individual_measures(ctx, a, c, paragraph, path);
    }
    let kind = ctx.register.organisation().and_then(|p| p.kind);
    if entry.not_for_profit_only
        && let Some(kind) = kind.filter(|k| *k != crate::model::PartyKind::Charity)
    {
        ctx.report(&SCHEDULE_1_CONDITION_OUT_OF_SCOPE, format!("{path}/schedule_1_paragraph"), format!("Sch 1 para {number} ({}) serves only not-for-profit bodies (para {number}(1)(a)), and the organisation is a {}; rely on another condition.", entry.heading, kind.as_str().replace('_', " ")));
    }
}
