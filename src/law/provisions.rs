//! Provisions whose text or citation depends on the regime and the date, and the provision each
//! dated rule cites.
//!
//! Sources, checked 2026-11-25:
//! - Data (Use and Access) Act 2025 (c. 18), commenced for these provisions on 5 February 2026 by
//!   the Data (Use and Access) Act 2025 (Commencement No. 6 and Transitional and Saving Provisions)
//!   Regulations 2026, SI 2026/82, reg 2: s70 and Sch 4 (Art 6(1)(ea) and Annex 1), s80 (Arts
//!   22A-22D replace Art 22), s85 and Sch 7 (Chapter V: Arts 44A, 45A-45B, 46(1A));
//!   reg 3: s103 (DPA 2018 s164A, complaints to controllers) from 19 June 2026.
//! - Regulation (EU) 2016/679 (GDPR), unchanged on these points.
//!
//! A provision missing for a regime on a date does not exist there then (recognised legitimate
//! interests under the EU GDPR, or in the UK before 5 February 2026).

use chrono::NaiveDate;
use serde::Serialize;

use super::{DUAA_FROM, Period, S164A_FROM};
use crate::law::rule::Rule;
use crate::model::Regime;

/// A provision whose citation or content changed over time or differs between the regimes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Provision {
    /// The general principle for transfers (Chapter V).
    TransferPrinciples,
    /// Transfers on the basis of adequacy (EU: a Commission decision; UK: adequacy regulations).
    Adequacy,
    /// Transfers subject to appropriate safeguards, and what the exporter must assess.
    AppropriateSafeguards,
    /// When a solely automated significant decision may be taken.
    AutomatedDecisionConditions,
    /// The safeguards a solely automated significant decision needs.
    AutomatedDecisionSafeguards,
    /// The data subject's right about solely automated decisions, as a notice states it.
    AutomatedDecisionRight,
    /// Art 6(1)(ea): recognised legitimate interests, with the conditions of Annex 1.
    RecognisedLegitimateInterests,
    /// The bases public authorities may not rely on in the performance of their tasks.
    PublicAuthorityRestriction,
    /// The right to complain to the controller first (DPA 2018 s164A).
    ComplaintToController,
    /// The regulator's guidance on when the Art 49 derogations may be used (occasional, not
    /// regular, transfers).
    DerogationGuidance,
    /// Why publication reachable worldwide is a disclosure, not a transfer to every country.
    PublicationNotTransfer,
}

/// One provision as it applies under one regime over one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ProvisionEntry {
    /// Which provision.
    pub provision: Provision,
    /// Under which regime.
    pub regime: Regime,
    /// When.
    pub period: Period,
    /// How it is cited, without the regime's name, e.g. `"Art 45A"`.
    pub citation: &'static str,
    /// What it provides, in one line.
    pub text: &'static str,
    /// The instrument it comes from.
    pub source: &'static str,
}

const DUAA: &str = "Data (Use and Access) Act 2025; in force from 5 Feb 2026 (SI 2026/82 reg 2)";
const GDPR: &str = "Regulation (EU) 2016/679";
const UK_GDPR: &str = "UK GDPR as retained on 1 Jan 2021 (European Union (Withdrawal) Act 2018 s3)";

const fn entry(
    provision: Provision,
    regime: Regime,
    period: Period,
    citation: &'static str,
    text: &'static str,
    source: &'static str,
) -> ProvisionEntry {
    ProvisionEntry {
        provision,
        regime,
        period,
        citation,
        text,
        source,
    }
}

use Provision as P;
use Regime::{EuGdpr as EU, UkGdpr as UK};

/// Every dated provision, by provision and regime, in date order.
pub const PROVISIONS: &[ProvisionEntry] = &[
    entry(
        P::TransferPrinciples,
        EU,
        Period::ALWAYS,
        "Art 44",
        "A transfer takes place only under Chapter V.",
        GDPR,
    ),
    entry(
        P::TransferPrinciples,
        UK,
        Period::before(DUAA_FROM),
        "Art 44",
        "A transfer takes place only under Chapter V.",
        UK_GDPR,
    ),
    entry(
        P::TransferPrinciples,
        UK,
        Period::from(DUAA_FROM),
        "Art 44A",
        "General principles for transfers: approved by regulations (Art 45A) or subject to appropriate safeguards (Art 46), or a derogation (Art 49).",
        "Data (Use and Access) Act 2025 s85, Sch 7; in force from 5 Feb 2026 (SI 2026/82 reg 2)",
    ),
    entry(
        P::Adequacy,
        EU,
        Period::ALWAYS,
        "Art 45",
        "Transfers on the basis of a Commission adequacy decision.",
        GDPR,
    ),
    entry(
        P::Adequacy,
        UK,
        Period::before(DUAA_FROM),
        "Art 45",
        "Transfers on the basis of adequacy regulations (DPA 2018 s17A).",
        UK_GDPR,
    ),
    entry(
        P::Adequacy,
        UK,
        Period::from(DUAA_FROM),
        "Art 45A",
        "Transfers approved by regulations; the Secretary of State applies the data protection test of Art 45B (protection not materially lower).",
        "Data (Use and Access) Act 2025 s85, Sch 7; in force from 5 Feb 2026 (SI 2026/82 reg 2)",
    ),
    entry(
        P::AppropriateSafeguards,
        EU,
        Period::ALWAYS,
        "Art 46(1)",
        "Transfers subject to appropriate safeguards, with a transfer impact assessment of their effect in the destination (C-311/18 Schrems II).",
        GDPR,
    ),
    entry(
        P::AppropriateSafeguards,
        UK,
        Period::before(DUAA_FROM),
        "Art 46(1)",
        "Transfers subject to appropriate safeguards, with a transfer risk assessment (C-311/18 Schrems II).",
        UK_GDPR,
    ),
    entry(
        P::AppropriateSafeguards,
        UK,
        Period::from(DUAA_FROM),
        "Art 46(1A)",
        "Transfers subject to appropriate safeguards where the exporter, acting reasonably and proportionately, considers the data protection test met.",
        "Data (Use and Access) Act 2025 s85, Sch 7; in force from 5 Feb 2026 (SI 2026/82 reg 2)",
    ),
    entry(
        P::AutomatedDecisionConditions,
        EU,
        Period::ALWAYS,
        "Art 22(2)",
        "A solely automated decision with legal or similarly significant effects only on contract, law or explicit consent; with special category data only under Art 9(2)(a) or (g) (Art 22(4)).",
        GDPR,
    ),
    entry(
        P::AutomatedDecisionConditions,
        UK,
        Period::before(DUAA_FROM),
        "Art 22(2)",
        "A solely automated decision with legal or similarly significant effects only on contract, law or explicit consent; with special category data only under Art 9(2)(a) or (g) (Art 22(4)).",
        UK_GDPR,
    ),
    entry(
        P::AutomatedDecisionConditions,
        UK,
        Period::from(DUAA_FROM),
        "Art 22B",
        "A significant decision based solely on automated processing is allowed with the Art 22C safeguards, but restricted where based on special category data (22B(1)-(3): explicit consent, or contract or law with Art 9(2)(g)) and never on Art 6(1)(ea) alone (22B(4)).",
        "Data (Use and Access) Act 2025 s80; in force from 5 Feb 2026 (SI 2026/82 reg 2)",
    ),
    entry(
        P::AutomatedDecisionSafeguards,
        EU,
        Period::ALWAYS,
        "Art 22(3)",
        "On contract or explicit consent, at least the rights to obtain human intervention, to express one's point of view and to contest the decision.",
        GDPR,
    ),
    entry(
        P::AutomatedDecisionSafeguards,
        UK,
        Period::before(DUAA_FROM),
        "Art 22(3)",
        "On contract or explicit consent, at least the rights to obtain human intervention, to express one's point of view and to contest the decision.",
        UK_GDPR,
    ),
    entry(
        P::AutomatedDecisionSafeguards,
        UK,
        Period::from(DUAA_FROM),
        "Art 22C",
        "Safeguards for every significant decision based solely on automated processing: information about the decision, making representations, obtaining human intervention, contesting it.",
        "Data (Use and Access) Act 2025 s80; in force from 5 Feb 2026 (SI 2026/82 reg 2)",
    ),
    entry(
        P::AutomatedDecisionRight,
        EU,
        Period::ALWAYS,
        "Art 22",
        "Not to be subject to a decision based solely on automated processing with legal or similarly significant effects.",
        GDPR,
    ),
    entry(
        P::AutomatedDecisionRight,
        UK,
        Period::before(DUAA_FROM),
        "Art 22",
        "Not to be subject to a decision based solely on automated processing with legal or similarly significant effects.",
        UK_GDPR,
    ),
    entry(
        P::AutomatedDecisionRight,
        UK,
        Period::from(DUAA_FROM),
        "Art 22A-22D",
        "To be told of a significant decision taken solely by automated means, to make representations about it, to obtain human intervention and to contest it.",
        "Data (Use and Access) Act 2025 s80; in force from 5 Feb 2026 (SI 2026/82 reg 2)",
    ),
    entry(
        P::RecognisedLegitimateInterests,
        UK,
        Period::from(DUAA_FROM),
        "Art 6(1)(ea)",
        "Processing necessary for a recognised legitimate interest: a condition of Annex 1, which must be named; no balancing test.",
        "Data (Use and Access) Act 2025 s70, Sch 4; in force from 5 Feb 2026 (SI 2026/82 reg 2)",
    ),
    entry(
        P::PublicAuthorityRestriction,
        EU,
        Period::ALWAYS,
        "Art 6(1) second subparagraph",
        "Point (f) does not apply to processing by public authorities in the performance of their tasks.",
        GDPR,
    ),
    entry(
        P::PublicAuthorityRestriction,
        UK,
        Period::before(DUAA_FROM),
        "Art 6(1) second subparagraph",
        "Point (f) does not apply to processing by public authorities in the performance of their tasks.",
        UK_GDPR,
    ),
    entry(
        P::PublicAuthorityRestriction,
        UK,
        Period::from(DUAA_FROM),
        "Art 6(1) second subparagraph",
        "Points (ea) and (f) do not apply to processing by public authorities in the performance of their tasks.",
        DUAA,
    ),
    entry(
        P::ComplaintToController,
        UK,
        Period::from(S164A_FROM),
        "DPA 2018 s164A",
        "Controllers must facilitate complaints to them (an electronic complaint form, acknowledgement within 30 days); people complain to the controller first, then to the ICO.",
        "Data (Use and Access) Act 2025 s103; in force from 19 Jun 2026 (SI 2026/82 reg 3)",
    ),
    entry(
        P::DerogationGuidance,
        EU,
        Period::ALWAYS,
        "EDPB Guidelines 2/2018",
        "The derogations of Art 49 are exceptions for occasional transfers, to be interpreted restrictively.",
        "EDPB Guidelines 2/2018 on derogations of Article 49 under Regulation 2016/679, adopted 25 May 2018",
    ),
    entry(
        P::DerogationGuidance,
        UK,
        Period::ALWAYS,
        "ICO guidance on international transfers (the exceptions)",
        "The exceptions of Art 49 are for occasional, not regular, restricted transfers, and are interpreted narrowly.",
        "ICO, Guide to the UK GDPR: international transfers (https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/international-transfers/)",
    ),
    entry(
        P::PublicationNotTransfer,
        EU,
        Period::ALWAYS,
        "CJEU C-101/01 Lindqvist; EDPB Guidelines 05/2021",
        "Publishing on a website reachable from every country is not a transfer to each of them; Chapter V applies where an exporter discloses or makes data available to an importer in a third country.",
        "CJEU C-101/01 Lindqvist (6 Nov 2003); EDPB Guidelines 05/2021 on the interplay between Art 3 and Chapter V, version 2.0 (14 Feb 2023)",
    ),
    entry(
        P::PublicationNotTransfer,
        UK,
        Period::ALWAYS,
        "CJEU C-101/01 Lindqvist (retained case law); ICO guidance on international transfers",
        "Publishing on a website reachable from every country is not a transfer to each of them; a restricted transfer needs a receiver in a third country.",
        "CJEU C-101/01 Lindqvist (6 Nov 2003), retained by European Union (Withdrawal) Act 2018 s6; ICO, Guide to the UK GDPR: international transfers",
    ),
];

/// The provision as it applies under a regime on a date, if it exists then.
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use ropa::Regime;
/// use ropa::law::{Provision, citation};
///
/// let before = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
/// let after = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
/// assert_eq!(citation(Provision::Adequacy, Regime::UkGdpr, before), Some("Art 45"));
/// assert_eq!(citation(Provision::Adequacy, Regime::UkGdpr, after), Some("Art 45A"));
/// assert_eq!(citation(Provision::Adequacy, Regime::EuGdpr, after), Some("Art 45"));
/// assert_eq!(citation(Provision::RecognisedLegitimateInterests, Regime::UkGdpr, before), None);
/// ```
pub fn citation(provision: Provision, regime: Regime, on: NaiveDate) -> Option<&'static str> {
    citation_of(provision, regime, on)
}

/// The article a transfer mechanism rests on under the regime on the date: adequacy is Art 45,
/// and under the UK GDPR from 5 February 2026 Art 45A (transfers approved by regulations); the
/// others are as [`TransferMechanism::citation`](crate::model::TransferMechanism::citation) gives
/// them.
///
/// ```
/// use ropa::law::provisions::mechanism_citation;
/// use ropa::{Regime, TransferMechanism};
/// let on = "2026-12-06".parse()?;
/// assert_eq!(mechanism_citation(TransferMechanism::Adequacy, Regime::UkGdpr, on), "Art 45A");
/// assert_eq!(mechanism_citation(TransferMechanism::Adequacy, Regime::EuGdpr, on), "Art 45");
/// assert_eq!(mechanism_citation(TransferMechanism::UkIdta, Regime::UkGdpr, on), "Art 46(2)(d)");
/// # Ok::<(), chrono::ParseError>(())
/// ```
pub fn mechanism_citation(
    mechanism: crate::model::TransferMechanism,
    regime: Regime,
    on: NaiveDate,
) -> &'static str {
    match mechanism {
        crate::model::TransferMechanism::Adequacy => {
            citation_of(Provision::Adequacy, regime, on).unwrap_or(mechanism.citation())
        }
        other => other.citation(),
    }
}

fn citation_of(provision: Provision, regime: Regime, on: NaiveDate) -> Option<&'static str> {
    entry_on(provision, regime, on).map(|e| e.citation)
}

/// The entry of the provision under a regime on a date.
pub fn entry_on(
    provision: Provision,
    regime: Regime,
    on: NaiveDate,
) -> Option<&'static ProvisionEntry> {
    PROVISIONS
        .iter()
        .find(|e| e.provision == provision && e.regime == regime && e.period.covers(on))
}

/// Whether the provision exists under a regime on a date.
pub fn in_force(provision: Provision, regime: Regime, on: NaiveDate) -> bool {
    entry_on(provision, regime, on).is_some()
}

/// The rules whose citation follows a dated provision. Every other rule cites the same provision
/// under both regimes at every date.
pub const RULE_PROVISIONS: &[(&str, Provision)] = &[
    ("transfer-without-mechanism", P::TransferPrinciples),
    ("adequacy-not-recognised", P::Adequacy),
    ("transfer-without-risk-assessment", P::AppropriateSafeguards),
    (
        "automated-decision-without-basis",
        P::AutomatedDecisionConditions,
    ),
    (
        "automated-decision-safeguards-missing",
        P::AutomatedDecisionSafeguards,
    ),
    (
        "recognised-legitimate-interest-without-condition",
        P::RecognisedLegitimateInterests,
    ),
    (
        "derogation-used-for-regular-transfer",
        P::DerogationGuidance,
    ),
    (
        "publication-recorded-as-transfer",
        P::PublicationNotTransfer,
    ),
];

fn rule_provision(rule: &Rule) -> Option<Provision> {
    RULE_PROVISIONS
        .iter()
        .find(|(id, _)| *id == rule.id)
        .map(|(_, p)| *p)
}

/// What a rule cites under a regime on a date, without the regime's name: the dated provision it
/// follows where there is one in force, otherwise its own [`Rule::citation`].
pub fn rule_citation(rule: &Rule, regime: Regime, on: NaiveDate) -> &'static str {
    rule_provision(rule)
        .and_then(|p| citation(p, regime, on))
        .unwrap_or(rule.citation)
}

/// Every citation of a rule under a regime, with the period of each, in date order. Empty where
/// the rule follows a provision that the regime does not have (recognised legitimate interests
/// under the EU GDPR).
pub fn rule_citations(rule: &Rule, regime: Regime) -> Vec<(Period, &'static str)> {
    match rule_provision(rule) {
        Some(p) => PROVISIONS
            .iter()
            .filter(|e| e.provision == p && e.regime == regime)
            .map(|e| (e.period, e.citation))
            .collect(),
        None => vec![(Period::ALWAYS, rule.citation)],
    }
}

/// Every citation of a rule under a regime in words, e.g. "Art 44 to 4 Feb 2026; Art 44A from
/// 5 Feb 2026", as the README's rule table gives them; "does not apply" where the regime does
/// not have the provision.
pub fn rule_citations_in_words(rule: &Rule, regime: Regime) -> String {
    let citations = rule_citations(rule, regime);
    if citations.is_empty() {
        return "does not apply".to_owned();
    }
    citations
        .iter()
        .map(|(period, citation)| match period.words() {
            words if words.is_empty() => (*citation).to_owned(),
            words => format!("{citation} {words}"),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::law::ymd;

    #[test]
    fn every_dated_provision_changes_on_its_date_and_not_before() {
        let before = ymd(2026, 2, 4);
        let on = ymd(2026, 2, 5);
        for (p, old, new) in [
            (P::TransferPrinciples, "Art 44", "Art 44A"),
            (P::Adequacy, "Art 45", "Art 45A"),
            (P::AppropriateSafeguards, "Art 46(1)", "Art 46(1A)"),
            (P::AutomatedDecisionConditions, "Art 22(2)", "Art 22B"),
            (P::AutomatedDecisionSafeguards, "Art 22(3)", "Art 22C"),
            (P::AutomatedDecisionRight, "Art 22", "Art 22A-22D"),
        ] {
            assert_eq!(citation(p, UK, before), Some(old), "{p:?}");
            assert_eq!(citation(p, UK, on), Some(new), "{p:?}");
            assert_eq!(citation(p, EU, before), Some(old), "{p:?}");
            assert_eq!(citation(p, EU, on), Some(old), "{p:?}");
        }
        assert!(!in_force(P::RecognisedLegitimateInterests, UK, before));
        assert!(in_force(P::RecognisedLegitimateInterests, UK, on));
        assert!(!in_force(P::RecognisedLegitimateInterests, EU, on));
        assert!(!in_force(P::ComplaintToController, UK, ymd(2026, 6, 18)));
        assert!(in_force(P::ComplaintToController, UK, ymd(2026, 6, 19)));
        assert!(!in_force(P::ComplaintToController, EU, ymd(2026, 6, 19)));
    }

    #[test]
    fn periods_of_one_provision_and_regime_do_not_overlap() {
        for a in PROVISIONS {
            for b in PROVISIONS {
                if std::ptr::eq(a, b) || a.provision != b.provision || a.regime != b.regime {
                    continue;
                }
                assert!(a.period.is_disjoint(&b.period), "{a:?} overlaps {b:?}");
            }
        }
    }
}
