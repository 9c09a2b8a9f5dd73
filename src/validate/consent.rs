//! Whether consent relied on under Art 6(1)(a) can be consent at all (Art 4(11), 7(4)).

use super::once::report_once;
use super::special_category::consent_must_be_explicit;
use super::{ActivityContext, Context, Rule, Severity};
use crate::model::{Article6Basis, ConsentForm};

/// Fires when consent relied on under Art 6(1)(a) is recorded as implied (inferred from conduct):
/// consent is a clear affirmative act (Art 4(11), Recital 32), so silence or mere use of a service
/// is none. A warning: some conduct is a clear affirmative act, which the register should then
/// record as `affirmative`. Where the activity's special category data needs explicit consent,
/// [`super::IMPLIED_CONSENT_FOR_SPECIAL_CATEGORY`] reports it instead. One finding an activity.
pub const IMPLIED_CONSENT: Rule = Rule {
    id: "implied-consent",
    severity: Severity::Warning,
    citation: "Art 4(11)",
    summary: "Consent inferred from conduct relied on under Art 6(1)(a).",
};

/// Fires when consent is recorded as a condition of the service, or bundled with other terms:
/// consent is then presumed not freely given (Art 7(4), Recital 43), and a basis that does not
/// depend on it is needed for what the service requires. A warning: whether the data is necessary
/// for the service is a fact the register does not hold. One finding an activity.
pub const CONDITIONAL_CONSENT: Rule = Rule {
    id: "conditional-consent",
    severity: Severity::Warning,
    citation: "Art 7(4)",
    summary: "Consent made a condition of the service, or bundled with other terms.",
};

pub(super) fn check_activity(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    let activity = a.activity;
    if !a.is_controller() {
        return;
    }
    let explicit_needed = consent_must_be_explicit(activity);
    let mut implied: Vec<(String, String)> = Vec::new();
    let mut conditional: Vec<(String, String)> = Vec::new();
    let lists = a.basis_lists();
    for list in lists {
        for (j, basis) in list.bases.iter().enumerate() {
            let Some(consent) = basis.consent.as_ref() else {
                continue;
            };
            if basis.basis != Article6Basis::Consent {
                continue;
            }
            let implied_here = consent.form == Some(ConsentForm::Implied) && !explicit_needed;
            if !implied_here && !consent.conditional {
                continue;
            }
            let path = format!("{}/lawful_bases/{j}/consent", list.pointer());
            let label = format!("'{}'", list.name());
            if implied_here {
                implied.push((format!("{path}/form"), label.clone()));
            }
            if consent.conditional {
                conditional.push((format!("{path}/conditional"), label));
            }
        }
    }
    report_once(
        ctx,
        &IMPLIED_CONSENT,
        &implied,
        &a.path,
        |label| {
            format!(
                "Consent for {label} is implied; consent must be a clear affirmative act (Art 4(11)). Obtain it by one and record the form as affirmative, or rely on another basis."
            )
        },
        |list| {
            format!(
                "Consent is implied in {} places of '{}': {list}; consent must be a clear affirmative act (Art 4(11)). Obtain it by one, or rely on another basis.",
                implied.len(),
                a.name()
            )
        },
    );
    report_once(
        ctx,
        &CONDITIONAL_CONSENT,
        &conditional,
        &a.path,
        |label| {
            format!(
                "Consent for {label} is a condition of the service or bundled with other terms, so it is presumed not freely given (Art 7(4)); rely on a basis that fits what the service needs (contract, legitimate interests) and ask consent only for what is optional."
            )
        },
        |list| {
            format!(
                "Consent is a condition of the service, or bundled, in {} places of '{}': {list}; it is presumed not freely given (Art 7(4)). Rely on a basis that fits what the service needs and ask consent only for what is optional.",
                conditional.len(),
                a.name()
            )
        },
    );
}
