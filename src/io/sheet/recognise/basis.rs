//! Lawful bases, Art 9 conditions, Schedule 1 paragraphs and transfer mechanisms, by their
//! citation ("6(1)(e)", "9(2)(g)", "Sch 1 para 6") or by the words people use for them.

use super::{fold, has_word};
use crate::model::{Article6Basis, Article9Condition, Schedule1Paragraph, TransferMechanism};

/// The folded text without spaces, where citations are compared ("Art 6 (1)(e)" = "art6(1)(e)").
fn squeezed(text: &str) -> String {
    fold(text).chars().filter(|c| !c.is_whitespace()).collect()
}

/// The Art 6(1) basis a value names: by citation first, then by its words.
pub(crate) fn article_6(value: &str) -> Option<Article6Basis> {
    use Article6Basis as B;
    let tight = squeezed(value);
    for (letter, basis) in [
        ("ea", B::RecognisedLegitimateInterest),
        ("a", B::Consent),
        ("b", B::Contract),
        ("c", B::LegalObligation),
        ("d", B::VitalInterests),
        ("e", B::PublicTask),
        ("f", B::LegitimateInterests),
    ] {
        if tight.contains(&format!("6(1)({letter})")) {
            return Some(basis);
        }
    }
    let text = fold(value);
    let words: [(&str, B); 9] = [
        (
            "recognised legitimate interest",
            B::RecognisedLegitimateInterest,
        ),
        ("legitimate interest", B::LegitimateInterests),
        ("legal obligation", B::LegalObligation),
        ("vital interest", B::VitalInterests),
        ("public task", B::PublicTask),
        ("official authority", B::PublicTask),
        ("public interest", B::PublicTask),
        ("contract", B::Contract),
        ("consent", B::Consent),
    ];
    words
        .iter()
        .find(|(w, _)| text.contains(w))
        .map(|(_, basis)| *basis)
}

/// The Art 9(2) condition a value names: by citation first, then by its words.
pub(crate) fn article_9(value: &str) -> Option<Article9Condition> {
    use Article9Condition as C;
    let tight = squeezed(value);
    for (letter, condition) in [
        ("a", C::ExplicitConsent),
        ("b", C::EmploymentSocialSecurity),
        ("c", C::VitalInterests),
        ("d", C::NotForProfitBody),
        ("e", C::ManifestlyMadePublic),
        ("f", C::LegalClaims),
        ("g", C::SubstantialPublicInterest),
        ("h", C::HealthOrSocialCare),
        ("i", C::PublicHealth),
        ("j", C::ArchivingResearchStatistics),
    ] {
        if tight.contains(&format!("9(2)({letter})")) {
            return Some(condition);
        }
    }
    let text = fold(value);
    let words: [(&str, C); 14] = [
        ("explicit consent", C::ExplicitConsent),
        ("substantial public interest", C::SubstantialPublicInterest),
        ("public health", C::PublicHealth),
        ("health or social care", C::HealthOrSocialCare),
        ("health and social care", C::HealthOrSocialCare),
        ("social care", C::HealthOrSocialCare),
        ("medical", C::HealthOrSocialCare),
        ("employment", C::EmploymentSocialSecurity),
        ("social security", C::EmploymentSocialSecurity),
        ("vital interest", C::VitalInterests),
        ("not-for-profit", C::NotForProfitBody),
        ("made public", C::ManifestlyMadePublic),
        ("legal claim", C::LegalClaims),
        ("archiving", C::ArchivingResearchStatistics),
    ];
    if has_word(&text, "spi") {
        return Some(C::SubstantialPublicInterest);
    }
    words
        .iter()
        .find(|(w, _)| text.contains(w))
        .map(|(_, condition)| *condition)
}

/// The DPA 2018 Schedule 1 paragraph a value names ("Sch 1 para 6", "paragraph 18", "Part 2
/// para 10"); `None` where it names none, or a number that is not a condition (para 5 is the
/// policy document requirement).
pub(crate) fn schedule_1(value: &str) -> Option<Schedule1Paragraph> {
    let text = fold(value);
    let after = ["paragraph", "para.", "para", "p."]
        .iter()
        .find_map(|marker| text.find(marker).map(|at| &text[at + marker.len()..]))?;
    let digits: String = after
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let number: u8 = digits.parse().ok()?;
    Schedule1Paragraph::ALL
        .iter()
        .copied()
        .find(|p| p.paragraph() == number)
}

/// The transfer mechanism a value names.
pub(crate) fn transfer_mechanism(value: &str) -> Option<TransferMechanism> {
    use TransferMechanism as M;
    let text = fold(value);
    let has = |w: &str| has_word(&text, w);
    if has("idta") || text.contains("international data transfer agreement") {
        Some(M::UkIdta)
    } else if text.contains("addendum") {
        Some(M::EuSccsWithUkAddendum)
    } else if has("scc") || has("sccs") || text.contains("standard contractual clauses") {
        Some(M::EuStandardContractualClauses)
    } else if has("bcr") || has("bcrs") || text.contains("binding corporate rules") {
        Some(M::BindingCorporateRules)
    } else if text.contains("adequa")
        || text.contains("data bridge")
        || text.contains("data privacy framework")
        || has("dpf")
    {
        Some(M::Adequacy)
    } else if text.contains("compelling legitimate interest") {
        Some(M::CompellingLegitimateInterests)
    } else if text.contains("derogation") || text.contains("49(1)") {
        Some(M::Derogation)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_6_by_citation_then_words() {
        use Article6Basis as B;
        for (cell, basis) in [
            ("Public task - Art 6(1)(e)", B::PublicTask),
            ("6(1)(f) legitimate interests", B::LegitimateInterests),
            ("Article 6 (1) (c)", B::LegalObligation),
            (
                "Art 6(1)(ea) recognised legitimate interest",
                B::RecognisedLegitimateInterest,
            ),
            ("Consent", B::Consent),
            ("Contract with the customer", B::Contract),
            ("Legal obligation", B::LegalObligation),
            ("Vital interests", B::VitalInterests),
            ("Task in the public interest", B::PublicTask),
            ("Legitimate interests", B::LegitimateInterests),
        ] {
            assert_eq!(article_6(cell), Some(basis), "{cell}");
        }
        assert_eq!(article_6("Because we need to"), None);
    }

    #[test]
    fn article_9_by_citation_then_words() {
        use Article9Condition as C;
        for (cell, condition) in [
            ("Explicit consent 9(2)(a)", C::ExplicitConsent),
            ("SPI - Sch 1 para 6", C::SubstantialPublicInterest),
            ("Art 9(2)(h)", C::HealthOrSocialCare),
            ("Employment law obligations", C::EmploymentSocialSecurity),
            ("Public health", C::PublicHealth),
            ("Legal claims", C::LegalClaims),
        ] {
            assert_eq!(article_9(cell), Some(condition), "{cell}");
        }
        assert_eq!(article_9("Special"), None);
    }

    #[test]
    fn schedule_1_paragraphs_by_number() {
        assert_eq!(
            schedule_1("SPI - Sch 1 para 6"),
            Some(Schedule1Paragraph::StatutoryAndGovernmentPurposes)
        );
        assert_eq!(
            schedule_1("Paragraph 18 safeguarding"),
            Some(Schedule1Paragraph::SafeguardingChildrenAndIndividualsAtRisk)
        );
        assert_eq!(
            schedule_1("Part 1 para 1"),
            Some(Schedule1Paragraph::EmploymentSocialSecurity)
        );
        assert_eq!(schedule_1("para 5"), None);
        assert_eq!(schedule_1("Schedule 1"), None);
    }

    #[test]
    fn transfer_mechanisms_by_their_names() {
        use TransferMechanism as M;
        for (cell, mechanism) in [
            ("USA (Google Analytics) - UK IDTA", M::UkIdta),
            ("EU SCCs with the UK Addendum", M::EuSccsWithUkAddendum),
            (
                "Standard contractual clauses",
                M::EuStandardContractualClauses,
            ),
            ("Adequacy regulations", M::Adequacy),
            ("UK-US data bridge", M::Adequacy),
            ("BCRs", M::BindingCorporateRules),
            ("Art 49(1)(a) derogation", M::Derogation),
        ] {
            assert_eq!(transfer_mechanism(cell), Some(mechanism), "{cell}");
        }
        assert_eq!(transfer_mechanism("Encrypted email"), None);
        assert_eq!(transfer_mechanism("Successful"), None);
    }
}
