//! Which rights a data subject has, and where the law grants them, on a date under a regime.
//!
//! Source: UK GDPR and EU GDPR Arts 7(3), 13-22 and 77; the UK GDPR's Arts 22A-22D replace Art 22
//! from 5 February 2026 (Data (Use and Access) Act 2025 s80, SI 2026/82), which
//! [`Provision::AutomatedDecisionRight`] dates. The undated citation of each right is the model's
//! own (`DataSubjectRight::citation`).

use chrono::NaiveDate;

use crate::law::{DUAA_FROM, Provision, citation};
use crate::model::{
    Article6Basis, Article9Condition, DataSubjectRight, ProcessingActivity, Regime,
};

impl DataSubjectRight {
    /// The provision that grants the right under a regime on a date, e.g. for automated
    /// decisions `"Art 22"`, or under the UK GDPR from 5 February 2026 `"Art 22A-22D"`
    /// (`law::provisions`).
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use ropa::{DataSubjectRight, Regime};
    ///
    /// let right = DataSubjectRight::AutomatedDecisions;
    /// let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    /// assert_eq!(right.citation_on(Regime::UkGdpr, day), "Art 22A-22D");
    /// assert_eq!(right.citation_on(Regime::EuGdpr, day), "Art 22");
    /// ```
    pub fn citation_on(self, regime: Regime, on: NaiveDate) -> &'static str {
        match self {
            Self::AutomatedDecisions => {
                citation(Provision::AutomatedDecisionRight, regime, on).unwrap_or(self.citation())
            }
            _ => self.citation(),
        }
    }

    /// The right in a few words with its citation under a regime on a date, as the register
    /// report lists it, e.g. "access (Art 15)".
    pub fn words_on(self, regime: Regime, on: NaiveDate) -> String {
        let words = match self {
            // UK GDPR Arts 22A-22D from 5 Feb 2026: safeguards rather than a prohibition.
            Self::AutomatedDecisions if regime == Regime::UkGdpr && on >= DUAA_FROM => {
                "safeguards for significant automated decisions"
            }
            Self::AutomatedDecisions => "not to be subject to solely automated decisions",
            _ => {
                return format!(
                    "{} ({})",
                    self.as_str().replace('_', " "),
                    self.citation_on(regime, on)
                );
            }
        };
        format!("{words} ({})", self.citation_on(regime, on))
    }
}

/// The rights a data subject has in an activity, derived from the lawful bases and conditions it
/// relies on (Art 13(2)(b)-(c), 15-22), in the order of [`DataSubjectRight::ALL`]:
///
/// - always: to be informed, of access, to rectification, to restriction, about automated
///   decisions (Art 22), and to complain (Art 77);
/// - erasure (Art 17) unless every purpose relies on legal obligation or public task (17(3)(b));
/// - portability (Art 20) only where consent, explicit consent (Art 9(2)(a)) or contract is relied on;
/// - objection (Art 21) where public task, legitimate interests or a recognised legitimate interest is;
/// - withdrawing consent (Art 7(3)) where consent or explicit consent is.
///
/// An activity that states no basis gets only the rights that do not depend on one.
///
/// # Examples
///
/// ```
/// use ropa::{applicable_rights, DataSubjectRight, LawfulBasis, ProcessingActivity, Purpose};
///
/// let activity = ProcessingActivity::controller("a", "Council tax")
///     .with_purpose(Purpose::new("p", "Billing").with_basis(LawfulBasis::public_task("Local Government Finance Act 1992")));
/// let rights = applicable_rights(&activity);
/// assert!(rights.contains(&DataSubjectRight::Object));
/// assert!(!rights.contains(&DataSubjectRight::Erasure));
/// assert!(!rights.contains(&DataSubjectRight::Portability));
/// ```
pub fn applicable_rights(activity: &ProcessingActivity) -> Vec<DataSubjectRight> {
    let bases: Vec<Article6Basis> = activity.all_bases().map(|b| b.basis).collect();
    let explicit_consent = activity
        .special_category_conditions
        .iter()
        .any(|c| c.condition == Article9Condition::ExplicitConsent);
    DataSubjectRight::ALL
        .iter()
        .copied()
        .filter(|right| right_given(*right, &bases, explicit_consent))
        .collect()
}

/// Whether processing on `bases` (and on explicit consent under Art 9(2)(a), where
/// `explicit_consent`) gives `right`; see [`applicable_rights`] for the rules.
///
/// # Examples
///
/// ```
/// use ropa::{right_given, Article6Basis, DataSubjectRight};
///
/// assert!(right_given(DataSubjectRight::Portability, &[Article6Basis::Consent], false));
/// assert!(!right_given(DataSubjectRight::Portability, &[Article6Basis::PublicTask], false));
/// ```
pub fn right_given(
    right: DataSubjectRight,
    bases: &[Article6Basis],
    explicit_consent: bool,
) -> bool {
    use Article6Basis as B;
    let any = |wanted: &[B]| bases.iter().any(|b| wanted.contains(b));
    match right {
        DataSubjectRight::Erasure => bases
            .iter()
            .any(|b| !matches!(b, B::LegalObligation | B::PublicTask)),
        DataSubjectRight::Portability => any(&[B::Consent, B::Contract]) || explicit_consent,
        DataSubjectRight::Object => any(&[
            B::PublicTask,
            B::LegitimateInterests,
            B::RecognisedLegitimateInterest,
        ]),
        DataSubjectRight::WithdrawConsent => any(&[B::Consent]) || explicit_consent,
        _ => true,
    }
}
