//! The conditions of UK DPA 2018 Schedule 1, in one table.
//!
//! Source: Data Protection Act 2018, Schedule 1 Parts 1-3 (paragraphs 1-37; paragraph 5 is the
//! appropriate policy document requirement of Part 2, not a condition), as in force on 2026-11-25
//! (legislation.gov.uk). The table has applied since the Act came into force on 25 May 2018
//! (under the UK GDPR from 1 January 2021). Schedule 1 has not stood still since: the Data (Use and
//! Access) Act 2025 s73 amended the elected-representatives condition (para 23) from 5 February
//! 2026, and each entry lists its amendments with the day each applies from
//! ([`Schedule1Paragraph::amendments_on`]). A condition's heading, Part and policy document
//! requirement are the same on both sides of that date, so the rules read the table unchanged.
//!
//! Whether a condition needs an appropriate policy document (APD): Sch 1 para 1(1)(b) (Part 1
//! para 1), para 5 (Part 2, "except as otherwise provided"), paras 35-37 (Part 3). Part 2 provides
//! otherwise for para 13, which is met without an APD (para 13(3)), and for the disclosures of
//! para 10(2) (to a competent authority) and para 27(3) (to an anti-doping body), met without one
//! when the processing is such a disclosure or its preparation.
//!
//! Scope: some conditions serve only some kinds of special category data, or only some
//! controllers: para 8 (equality) racial or ethnic origin, religious or philosophical beliefs,
//! health and sexual orientation, and not for measures or decisions about a particular person
//! (para 8(3)); para 9 racial or ethnic origin; para 16 not-for-profit bodies (para 16(1)(a));
//! para 19 (economic well-being) and para 21 (occupational pensions) health; para 22 political
//! opinions.

use chrono::NaiveDate;

use super::DUAA_FROM;
use crate::model::SpecialCategoryKind;
pub use crate::model::schedule_1::{Schedule1Paragraph, Schedule1Part};

/// One row of the Schedule 1 table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Schedule1Entry {
    /// The paragraph number.
    pub paragraph: u8,
    /// The Part the paragraph is in.
    pub part: Schedule1Part,
    /// The paragraph's heading.
    pub heading: &'static str,
    /// Whether relying on it needs an appropriate policy document.
    pub needs_policy_document: bool,
    /// The sub-paragraph under which a disclosure (or its preparation) meets the condition without
    /// an appropriate policy document, e.g. `"10(2)"`.
    pub disclosure_exception: Option<&'static str>,
    /// The only kinds of special category data the condition serves; `None` for any.
    pub kinds: Option<&'static [SpecialCategoryKind]>,
    /// The condition serves only not-for-profit bodies.
    pub not_for_profit_only: bool,
    /// The condition does not serve measures or decisions about a particular data subject.
    pub not_for_individual_measures: bool,
    /// The amendments made to the condition since 25 May 2018, oldest first.
    pub amendments: &'static [Schedule1Amendment],
}

/// A dated amendment of one Schedule 1 condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Schedule1Amendment {
    /// The first day the amended text applies.
    pub applies_from: NaiveDate,
    /// The provision that made it, e.g. "Data (Use and Access) Act 2025 s73".
    pub made_by: &'static str,
    /// What it changed, in a sentence.
    pub effect: &'static str,
    /// Where the crate's authors read of it.
    pub source: &'static str,
}

/// DUAA 2025 s73 on para 23. The Act's own text was not in the sources checked on 2026-12-06;
/// the effect is as the Government described the clause when it was tabled (it was carried over
/// from the Data Protection and Digital Information Bill).
const DUAA_S73: Schedule1Amendment = Schedule1Amendment {
    applies_from: DUAA_FROM,
    made_by: "Data (Use and Access) Act 2025 s73",
    effect: "a former Member of Parliament whose seat was lost to a successful recall petition is \
             treated as an elected representative for a period afterwards, to finish urgent \
             casework or hand it to a successor, as after a dissolution of Parliament",
    source: "HC Deb 29 November 2023 (Data Protection and Digital Information Bill, Government \
             amendments on former MPs after a recall petition); in force from 5 February 2026",
};

const fn entry(
    paragraph: u8,
    part: Schedule1Part,
    heading: &'static str,
    apd: bool,
) -> Schedule1Entry {
    Schedule1Entry {
        paragraph,
        part,
        heading,
        needs_policy_document: apd,
        disclosure_exception: None,
        kinds: None,
        not_for_profit_only: false,
        not_for_individual_measures: false,
        amendments: &[],
    }
}

use SpecialCategoryKind as K;

const EQUALITY_KINDS: &[SpecialCategoryKind] = &[
    K::RacialOrEthnicOrigin,
    K::ReligiousOrPhilosophicalBeliefs,
    K::Health,
    K::SexLifeOrSexualOrientation,
];

use Schedule1Part::{Part1 as P1, Part2 as P2, Part3 as P3};

/// The table, in the order of [`Schedule1Paragraph::ALL`].
/// Every condition of DPA 2018 Schedule 1, by paragraph.
pub const SCHEDULE_1: &[Schedule1Entry] = TABLE;

const TABLE: &[Schedule1Entry] = &[
    entry(
        1,
        P1,
        "Employment, social security and social protection",
        true,
    ),
    entry(2, P1, "Health or social care purposes", false),
    entry(3, P1, "Public health", false),
    entry(4, P1, "Research etc", false),
    entry(6, P2, "Statutory etc and government purposes", true),
    entry(
        7,
        P2,
        "Administration of justice and parliamentary purposes",
        true,
    ),
    Schedule1Entry {
        kinds: Some(EQUALITY_KINDS),
        not_for_individual_measures: true,
        ..entry(8, P2, "Equality of opportunity or treatment", true)
    },
    Schedule1Entry {
        kinds: Some(&[K::RacialOrEthnicOrigin]),
        ..entry(
            9,
            P2,
            "Racial and ethnic diversity at senior levels of organisations",
            true,
        )
    },
    Schedule1Entry {
        disclosure_exception: Some("10(2)"),
        ..entry(10, P2, "Preventing or detecting unlawful acts", true)
    },
    entry(11, P2, "Protecting the public against dishonesty etc", true),
    entry(
        12,
        P2,
        "Regulatory requirements relating to unlawful acts and dishonesty etc",
        true,
    ),
    entry(
        13,
        P2,
        "Journalism etc in connection with unlawful acts and dishonesty etc",
        false,
    ),
    entry(14, P2, "Preventing fraud", true),
    entry(
        15,
        P2,
        "Suspicion of terrorist financing or money laundering",
        true,
    ),
    Schedule1Entry {
        not_for_profit_only: true,
        ..entry(
            16,
            P2,
            "Support for individuals with a particular disability or medical condition",
            true,
        )
    },
    entry(17, P2, "Counselling etc", true),
    entry(
        18,
        P2,
        "Safeguarding of children and of individuals at risk",
        true,
    ),
    Schedule1Entry {
        kinds: Some(&[K::Health]),
        ..entry(
            19,
            P2,
            "Safeguarding of economic well-being of certain individuals",
            true,
        )
    },
    entry(20, P2, "Insurance", true),
    Schedule1Entry {
        kinds: Some(&[K::Health]),
        ..entry(21, P2, "Occupational pensions", true)
    },
    Schedule1Entry {
        kinds: Some(&[K::PoliticalOpinions]),
        ..entry(22, P2, "Political parties", true)
    },
    Schedule1Entry {
        amendments: &[DUAA_S73],
        ..entry(
            23,
            P2,
            "Elected representatives responding to requests",
            true,
        )
    },
    entry(24, P2, "Disclosure to elected representatives", true),
    entry(
        25,
        P2,
        "Informing elected representatives about prisoners",
        true,
    ),
    entry(26, P2, "Publication of legal judgments", true),
    Schedule1Entry {
        disclosure_exception: Some("27(3)"),
        ..entry(27, P2, "Anti-doping in sport", true)
    },
    entry(28, P2, "Standards of behaviour in sport", true),
    entry(29, P3, "Consent", false),
    entry(30, P3, "Protecting individual's vital interests", false),
    entry(31, P3, "Processing by not-for-profit bodies", false),
    entry(32, P3, "Personal data in the public domain", false),
    entry(33, P3, "Legal claims", false),
    entry(34, P3, "Judicial acts", false),
    entry(
        35,
        P3,
        "Administration of accounts used in commission of indecency offences involving children",
        true,
    ),
    entry(
        36,
        P3,
        "Extension of conditions in Part 2 referring to substantial public interest",
        true,
    ),
    entry(37, P3, "Extension of insurance conditions", true),
];

impl Schedule1Paragraph {
    /// This condition's row of the table.
    pub fn entry(self) -> &'static Schedule1Entry {
        // ALL and TABLE are in the same order; a test checks they have the same length.
        &TABLE[self as usize]
    }

    /// The paragraph number, e.g. 8 for equality of opportunity or treatment.
    pub fn paragraph(self) -> u8 {
        self.entry().paragraph
    }

    /// The Part the paragraph is in.
    pub fn part(self) -> Schedule1Part {
        self.entry().part
    }

    /// The paragraph's heading.
    pub fn heading(self) -> &'static str {
        self.entry().heading
    }

    /// Whether relying on this condition needs an appropriate policy document.
    pub fn needs_policy_document(self) -> bool {
        self.entry().needs_policy_document
    }

    /// Whether the condition serves this kind of special category data.
    pub fn serves(self, kind: SpecialCategoryKind) -> bool {
        self.entry().kinds.is_none_or(|kinds| kinds.contains(&kind))
    }

    /// The amendments to this condition that apply on a date: empty before the first of them.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use ropa::Schedule1Paragraph;
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 2, d).unwrap();
    /// let para_23 = Schedule1Paragraph::from_paragraph(23).unwrap();
    /// assert_eq!(para_23.amendments_on(day(4)).count(), 0);
    /// let amendment = para_23.amendments_on(day(5)).next().unwrap();
    /// assert_eq!(amendment.made_by, "Data (Use and Access) Act 2025 s73");
    /// ```
    pub fn amendments_on(self, on: NaiveDate) -> impl Iterator<Item = &'static Schedule1Amendment> {
        self.entry()
            .amendments
            .iter()
            .filter(move |a| a.applies_from <= on)
    }

    /// The condition with the given paragraph number, if there is one (5 and 38 onwards are not conditions).
    pub fn from_paragraph(paragraph: u8) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|p| p.paragraph() == paragraph)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_matches_the_enum() {
        assert_eq!(TABLE.len(), Schedule1Paragraph::ALL.len());
        let numbers: Vec<u8> = Schedule1Paragraph::ALL
            .iter()
            .map(|p| p.paragraph())
            .collect();
        let expected: Vec<u8> = (1..=37).filter(|n| *n != 5).collect();
        assert_eq!(numbers, expected);
        for p in Schedule1Paragraph::ALL {
            let part = match p.paragraph() {
                1..=4 => Schedule1Part::Part1,
                6..=28 => Schedule1Part::Part2,
                _ => Schedule1Part::Part3,
            };
            assert_eq!(p.part(), part, "{p}");
        }
    }

    #[test]
    fn policy_document_requirements() {
        assert!(Schedule1Paragraph::EmploymentSocialSecurity.needs_policy_document());
        assert!(!Schedule1Paragraph::HealthOrSocialCare.needs_policy_document());
        assert!(Schedule1Paragraph::EqualityOfOpportunity.needs_policy_document());
        assert!(!Schedule1Paragraph::CriminalLegalClaims.needs_policy_document());
        assert!(Schedule1Paragraph::ExtensionOfPart2Conditions.needs_policy_document());
        // Para 13(3): journalism in connection with unlawful acts needs no APD.
        assert!(!Schedule1Paragraph::Journalism.needs_policy_document());
        assert_eq!(
            Schedule1Paragraph::PreventingUnlawfulActs
                .entry()
                .disclosure_exception,
            Some("10(2)")
        );
        assert_eq!(
            Schedule1Paragraph::AntiDopingInSport
                .entry()
                .disclosure_exception,
            Some("27(3)")
        );
        assert_eq!(
            Schedule1Paragraph::from_paragraph(18),
            Some(Schedule1Paragraph::SafeguardingChildrenAndIndividualsAtRisk)
        );
        assert_eq!(Schedule1Paragraph::from_paragraph(5), None);
    }

    #[test]
    fn the_elected_representatives_condition_is_amended_from_5_february_2026_only() {
        use crate::law::ymd;
        let para_23 = Schedule1Paragraph::ElectedRepresentativesRespondingToRequests;
        assert_eq!(para_23.paragraph(), 23);
        assert_eq!(para_23.amendments_on(ymd(2026, 2, 4)).count(), 0);
        let after: Vec<_> = para_23.amendments_on(ymd(2026, 2, 5)).collect();
        assert_eq!(after.len(), 1);
        assert_eq!(after[0].made_by, "Data (Use and Access) Act 2025 s73");
        assert!(after[0].effect.contains("recall petition"));
        // No other condition has an amendment on the crate's record.
        let amended: Vec<u8> = Schedule1Paragraph::ALL
            .iter()
            .filter(|p| p.amendments_on(ymd(2026, 12, 6)).next().is_some())
            .map(|p| p.paragraph())
            .collect();
        assert_eq!(amended, [23]);
    }
}
