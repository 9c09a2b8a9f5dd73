//! The recognised legitimate interest conditions of UK GDPR Annex 1 (Art 6(1)(ea)).
//!
//! Source: UK GDPR Annex 1, inserted by the Data (Use and Access) Act 2025 s70(4) and Sch 4, in
//! force from 5 February 2026 (SI 2026/82 reg 2); the ICO's recognised legitimate interest
//! guidance (final, 23 March 2026) names the same five conditions. The Secretary of State may add
//! conditions by regulations (Art 6(6)): a new one is a new variant here, with its date.

pub use crate::model::Annex1Condition;

impl Annex1Condition {
    /// The paragraph of Annex 1.
    pub fn paragraph(self) -> u8 {
        match self {
            Self::PublicTaskDisclosure => 1,
            Self::NationalSecurityPublicSecurityDefence => 2,
            Self::Emergencies => 3,
            Self::Crime => 4,
            Self::SafeguardingVulnerableIndividuals => 5,
        }
    }

    /// The condition's heading, e.g. "Safeguarding vulnerable individuals".
    pub fn heading(self) -> &'static str {
        match self {
            Self::PublicTaskDisclosure => {
                "Disclosure for the purposes of processing described in Article 6(1)(e)"
            }
            Self::NationalSecurityPublicSecurityDefence => {
                "National security, public security and defence"
            }
            Self::Emergencies => "Emergencies",
            Self::Crime => "Crime",
            Self::SafeguardingVulnerableIndividuals => "Safeguarding vulnerable individuals",
        }
    }

    /// The citation, e.g. `"Annex 1 para 5"`.
    pub fn citation(self) -> String {
        format!("Annex 1 para {}", self.paragraph())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_one_to_five_in_order() {
        let numbers: Vec<u8> = Annex1Condition::ALL.iter().map(|c| c.paragraph()).collect();
        assert_eq!(numbers, [1, 2, 3, 4, 5]);
        assert_eq!(Annex1Condition::Crime.citation(), "Annex 1 para 4");
        assert_eq!(Annex1Condition::Emergencies.heading(), "Emergencies");
    }
}
