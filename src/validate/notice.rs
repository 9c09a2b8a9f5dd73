//! What the privacy notice tells people about their rights, against the rights the law gives them
//! on the bases relied on (Art 12(1), 13(2), 14(2), 21(4)).

use super::{ActivityContext, Context, Rule, Severity};
use crate::law::rights::{applicable_rights, right_given};
use crate::model::labels::Label;
use crate::model::{DataSubjectRight, ProcessingActivity};

/// Fires when the rights stated to people (`rights_stated`) include one the activity's lawful
/// bases do not give: erasure or portability where only public task or legal obligation are relied
/// on, objection where neither public task nor legitimate interests are, withdrawing consent where
/// consent is not relied on. Telling people of a right they do not have is not transparent
/// information (Art 12(1), 5(1)(a)). A warning: an organisation may honour more than the law asks.
/// Not judged while a purpose of the activity states no basis. One finding an activity.
pub const STATED_RIGHT_NOT_AVAILABLE: Rule = Rule {
    id: "stated-right-not-available",
    severity: Severity::Warning,
    citation: "Art 12(1)",
    summary: "The notice states a right the activity's lawful bases do not give.",
};

/// Fires when the rights stated to people (`rights_stated`, where the register records them) leave
/// out one the activity gives: access, rectification, restriction and complaint to the regulator
/// always; erasure, portability and objection where the bases give them (Art 13(2)(b), 14(2)(c);
/// the right to object explicitly, Art 21(4)); withdrawing consent where consent is relied on
/// (13(2)(c)); the right about solely automated decisions where the activity makes them. The
/// notice as recorded fails Art 13(2), so an error. The rights that depend on the bases are not
/// judged while a purpose states no basis, and a right recorded as restricted on a legal ground
/// (`rights_restrictions`) is not asked for. One finding an activity.
pub const AVAILABLE_RIGHT_NOT_STATED: Rule = Rule {
    id: "available-right-not-stated",
    severity: Severity::Error,
    citation: "Art 13(2)",
    summary: "The notice leaves out a right the activity gives.",
};

/// Rights that do not depend on the lawful basis.
fn independent_of_basis(right: DataSubjectRight) -> bool {
    matches!(
        right,
        DataSubjectRight::BeInformed
            | DataSubjectRight::Access
            | DataSubjectRight::Rectification
            | DataSubjectRight::Restriction
            | DataSubjectRight::AutomatedDecisions
            | DataSubjectRight::Complain
    )
}

pub(super) fn check_activity(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    let activity = a.activity;
    if !a.is_controller()
        || (activity.rights_stated.is_empty() && activity.rights_stated_where.is_empty())
    {
        return;
    }
    let every_purpose_has_a_basis = every_purpose_has_a_basis(activity);
    let available = applicable_rights(activity);
    let stated = &activity.rights_stated;

    if every_purpose_has_a_basis {
        let extra: Vec<String> = stated
            .iter()
            .enumerate()
            .filter(|(_, r)| !available.contains(r))
            .map(|(i, r)| format!("{}/rights_stated/{i} ({})", a.path, r.label()))
            .collect();
        // A right stated only where some bases apply is wrong only if those bases do not give
        // it; "depending on our reason" (no basis named) states nothing wrong.
        let extra: Vec<String> = extra
            .into_iter()
            .chain(
                activity
                    .rights_stated_where
                    .iter()
                    .enumerate()
                    .filter(|(_, q)| !q.bases.is_empty() && !right_given(q.right, &q.bases, false))
                    .map(|(i, q)| {
                        format!("{}/rights_stated_where/{i} ({})", a.path, q.right.label())
                    }),
            )
            .collect();
        if !extra.is_empty() {
            ctx.report(&STATED_RIGHT_NOT_AVAILABLE, format!("{}/rights_stated", a.path), format!("The notice for '{}' tells people of rights its lawful bases do not give: {}. Say which rights apply to which processing, or change the basis.", a.name(), extra.join(", ")));
        }
    }

    let missing: Vec<String> = untold_rights(activity)
        .into_iter()
        .map(|r| format!("{} ({})", r.label(), r.citation()))
        .collect();
    if !missing.is_empty() {
        ctx.report(&AVAILABLE_RIGHT_NOT_STATED, format!("{}/rights_stated", a.path), format!("The notice for '{}' does not tell people of rights they have: {}. Add them to the notice and to the rights stated field.", a.name(), missing.join(", ")));
    }
}

/// Whether every purpose of the activity has an Art 6 basis: one for the whole activity, one for
/// every data category, or one for each purpose.
pub(crate) fn every_purpose_has_a_basis(activity: &ProcessingActivity) -> bool {
    let every_category_based = !activity.data_categories.is_empty()
        && activity
            .data_categories
            .iter()
            .all(|c| !c.lawful_bases.is_empty());
    !activity.lawful_bases.is_empty()
        || every_category_based
        || (!activity.purposes.is_empty()
            && activity.purposes.iter().all(|p| !p.lawful_bases.is_empty()))
}

/// Whether a right the bases give is one the activity's people can use: the Art 22 right only
/// where the activity takes solely automated decisions with significant effects.
pub(crate) fn right_in_play(activity: &ProcessingActivity, right: DataSubjectRight) -> bool {
    right != DataSubjectRight::AutomatedDecisions
        || activity
            .automated_decisions
            .iter()
            .any(|d| d.solely_automated && d.significant_effects)
}

/// The rights people have that the notice does not state, as `available-right-not-stated`
/// reports them; the register report marks the same ones, so that report and findings agree.
/// Empty where the register records no right stated at all.
pub(crate) fn untold_rights(activity: &ProcessingActivity) -> Vec<DataSubjectRight> {
    if activity.rights_stated.is_empty() && activity.rights_stated_where.is_empty() {
        return Vec::new();
    }
    let based = every_purpose_has_a_basis(activity);
    let stated = &activity.rights_stated;
    applicable_rights(activity)
        .into_iter()
        .filter(|r| *r != DataSubjectRight::BeInformed)
        .filter(|r| right_in_play(activity, *r))
        .filter(|r| based || independent_of_basis(*r))
        .filter(|r| !stated.contains(r))
        .filter(|r| !activity.rights_stated_where.iter().any(|q| q.right == *r))
        // A right the register records as restricted on a legal ground (a DPA 2018 Sch 2
        // exemption, an Art 23 restriction) may rightly go untold; a restriction with no ground
        // stated restricts nothing, and no exemption reaches the right to complain to the
        // regulator (Art 77).
        .filter(|r| {
            *r == DataSubjectRight::Complain
                || !activity
                    .rights_restrictions
                    .iter()
                    .any(|x| x.rights.contains(r) && crate::model::text::is_stated(Some(&x.ground)))
        })
        .collect()
}
