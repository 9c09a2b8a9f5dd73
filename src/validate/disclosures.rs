//! Disclosures to other controllers: processing of their own, each needing its own ground where
//! special category or criminal offence data goes (DPA 2018 Sch 1, Sch 2; Art 9, 10).

use super::special_category::IMPLIED_CONSENT_FOR_SPECIAL_CATEGORY;
use super::{ActivityContext, Context, Rule, Severity, id_membership};
use crate::model::text::{bounded_id, is_stated};
use crate::model::{ConsentForm, Recipient, RecipientRole};

/// Fires when special category or criminal offence data goes to another controller (an
/// independent controller, a public authority, the police, professional advisers) and the record
/// names no ground for that disclosure: no Art 9 condition listing the recipient, no explicit
/// consent to it, no exemption relied on (DPA 2018 Sch 2 para 2, crime and taxation; para 5,
/// legal proceedings). The activity's own conditions cover its own processing; a disclosure is
/// processing of its own. A warning: the activity's conditions may reach it, but the record does
/// not show that they do. Cites Art 10 for criminal offence data.
pub const DISCLOSURE_WITHOUT_GROUND: Rule = Rule {
    id: "disclosure-without-ground",
    severity: Severity::Warning,
    citation: "Art 9(1)",
    summary: "Special category or criminal offence data disclosed to another controller with no condition or exemption recorded for the disclosure.",
};

/// Whether a recipient is another controller, deciding for itself what it does with the data.
fn another_controller(r: &Recipient) -> bool {
    matches!(
        r.role,
        Some(
            RecipientRole::IndependentController
                | RecipientRole::PublicAuthority
                | RecipientRole::LawEnforcement
                | RecipientRole::ProfessionalAdvisers
        )
    )
}

pub(super) fn check_activity(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    let activity = a.activity;
    if !a.is_controller() || activity.recipients.is_empty() {
        return;
    }
    let named = id_membership(|| {
        activity
            .special_category_conditions
            .iter()
            .flat_map(|c| c.recipients.iter().map(|r| r.as_str()))
    });
    // What a recipient whose categories are not stated may get: found once for the activity.
    let unstated = activity_data(a);
    for (i, r) in activity.recipients.iter().enumerate() {
        let (special, criminal) = sensitive_data(a, r, unstated);
        if !special && !criminal {
            continue;
        }
        let path = || format!("{}/recipients/{i}", a.path);
        let form = r.consent.as_ref().and_then(|c| c.form);
        if special && form == Some(ConsentForm::Implied) {
            ctx.report(&IMPLIED_CONSENT_FOR_SPECIAL_CATEGORY, format!("{}/consent/form", path()), format!("Special category data goes to '{}' on implied consent; only explicit consent lifts the Art 9 prohibition (Art 9(2)(a)). Ask for explicit consent to the disclosure, or record another condition for it.", bounded_id(r.id.as_str())));
        }
        if another_controller(r) {
            let exempt = is_stated(r.exemption.as_deref());
            let special_ground =
                exempt || named(r.id.as_str()) || form == Some(ConsentForm::Explicit);
            let criminal_ground = exempt || !activity.criminal_offence_conditions.is_empty();
            let (uncovered, citation) =
                match (special && !special_ground, criminal && !criminal_ground) {
                    (true, _) => ("special category", DISCLOSURE_WITHOUT_GROUND.citation),
                    (false, true) => ("criminal offence", "Art 10"),
                    (false, false) => continue,
                };
            ctx.report_cited(&DISCLOSURE_WITHOUT_GROUND, DISCLOSURE_WITHOUT_GROUND.severity, citation, path(), format!("'{}', another controller, {} {uncovered} data, and no ground for that disclosure is recorded: a disclosure is processing of its own. Name the condition relied on (list the recipient in the condition's recipients), or the exemption (exemption, e.g. DPA 2018 Sch 2 para 2 for crime and taxation, para 5 for legal proceedings).", bounded_id(r.id.as_str()), if r.data_categories.is_empty() { "may receive (the record does not say which data it gets)" } else { "receives" }));
        }
    }
}

/// Whether the data categories a recipient gets include special category data, and criminal
/// offence data (a free-text category that may hold special category data counts as such). A
/// recipient whose categories are not stated may get any of the activity's (anonymised data aside,
/// which is not personal data).
fn sensitive_data(a: &ActivityContext<'_>, r: &Recipient, unstated: (bool, bool)) -> (bool, bool) {
    if r.data_categories.is_empty() {
        if r.data_form == Some(crate::model::DataForm::Anonymised) {
            return (false, false);
        }
        return unstated;
    }
    let (mut special, mut criminal) = (false, false);
    for id in &r.data_categories {
        if let Some(c) = a
            .data_categories
            .get(id.as_str())
            .and_then(|j| a.activity.data_categories.get(j))
        {
            special |= c.special_category.is_some() || c.may_include_special_category;
            criminal |= c.criminal_offence;
        }
    }
    (special, criminal)
}

/// Whether the activity holds special category data, and criminal offence data.
fn activity_data(a: &ActivityContext<'_>) -> (bool, bool) {
    let categories = &a.activity.data_categories;
    (
        categories
            .iter()
            .any(|c| c.special_category.is_some() || c.may_include_special_category),
        categories.iter().any(|c| c.criminal_offence),
    )
}
