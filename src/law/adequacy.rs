//! Adequacy: which destinations a regime recognises as adequate, and from when. A destination is
//! a country or an international organisation (the EU's decision for the European Patent
//! Organisation of 15 July 2025 is the first for an organisation).
//!
//! Sources, checked 2026-11-25:
//! - EU: the European Commission's adequacy decisions under Art 45(3) GDPR
//!   (<https://commission.europa.eu/law/law-topic/data-protection/international-dimension-data-protection/adequacy-decisions_en>),
//!   each entry naming its decision; the UK decisions renewed on 19 December 2025 until
//!   27 December 2031 (Decision (EU) 2025/2574); the EU-US Data Privacy Framework (Decision (EU) 2023/1795) from 10 July 2023
//!   for certified organisations only; Brazil, Commission Implementing Decision (EU) 2026/179 of
//!   26 January 2026; the European Patent Organisation, adopted 15 July 2025.
//! - UK: adequacy regulations under DPA 2018 s17A (from 5 February 2026, transfers approved by
//!   regulations under UK GDPR Art 45A) and the transitional provisions of DPA 2018 Sch 21 para 5
//!   (<https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/international-transfers/>);
//!   Republic of Korea from 19 December 2022 (SI 2022/1213); the UK Extension to the Data Privacy
//!   Framework from 12 October 2023 (SI 2023/1028), for certified organisations only.
//!
//! Decisions limited to a sector (Canada: commercial organisations under PIPEDA) are listed
//! whole; the register's own description of the recipient says whether it falls in the sector.

use chrono::NaiveDate;

use super::{Period, ymd};
use crate::model::{CountryCode, Regime};

/// What an adequacy decision covers: a country (or territory), or an international organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AdequacyDestination {
    /// A country or territory, ISO 3166-1 alpha-2.
    Country(&'static str),
    /// An international organisation (Art 4(26)), by its name; `aliases` are the other names a
    /// register may give it, compared without regard to case.
    InternationalOrganisation {
        /// The organisation's name.
        name: &'static str,
        /// Other names and abbreviations it goes by.
        aliases: &'static [&'static str],
    },
}

impl AdequacyDestination {
    /// Whether a register's name for an international organisation names this one.
    pub fn names_organisation(&self, name: &str) -> bool {
        let name = name.trim();
        match self {
            Self::Country(_) => false,
            Self::InternationalOrganisation { name: own, aliases } => std::iter::once(own)
                .chain(aliases.iter())
                .any(|n| n.eq_ignore_ascii_case(name)),
        }
    }
}

/// One adequacy decision or regulation: a destination adequate under a regime over a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct AdequacyEntry {
    /// The regime that recognises the destination.
    pub regime: Regime,
    /// The destination.
    pub destination: AdequacyDestination,
    /// When the decision applies (the last day, for decisions with an expiry).
    pub period: Period,
    /// Only recipients certified under a framework (the EU-US Data Privacy Framework or its UK
    /// Extension) are covered.
    pub certified_recipients_only: bool,
    /// The decision covers only the private sector (Canada: organisations subject to PIPEDA;
    /// Japan: business operators under the APPI), so a public body there is not covered.
    pub excludes_public_bodies: bool,
    /// The decision or regulations.
    pub source: &'static str,
}

const fn eu(country: &'static str, from: NaiveDate, source: &'static str) -> AdequacyEntry {
    AdequacyEntry {
        regime: Regime::EuGdpr,
        destination: AdequacyDestination::Country(country),
        period: Period::from(from),
        certified_recipients_only: false,
        excludes_public_bodies: false,
        source,
    }
}

const SCH_21: &str =
    "DPA 2018 Sch 21 para 5 (EU decisions in force on 31 Dec 2020 kept as UK adequacy regulations)";

const SCH_21_CA: &str = "DPA 2018 Sch 21 para 5, keeping Commission Decision 2002/2/EC (recipients subject to PIPEDA: organisations in commercial activities, not public bodies)";

const SCH_21_JP: &str = "DPA 2018 Sch 21 para 5, keeping Commission Implementing Decision (EU) 2019/419 (business operators under the APPI; not public bodies)";

const fn uk(country: &'static str, from: NaiveDate, source: &'static str) -> AdequacyEntry {
    AdequacyEntry {
        regime: Regime::UkGdpr,
        destination: AdequacyDestination::Country(country),
        period: Period::from(from),
        certified_recipients_only: false,
        excludes_public_bodies: false,
        source,
    }
}

/// A decision that covers only the private sector.
const fn private_sector(entry: AdequacyEntry) -> AdequacyEntry {
    AdequacyEntry {
        excludes_public_bodies: true,
        ..entry
    }
}

/// The members of the European Economic Area: not third countries for the EU regime, adequate
/// for the UK regime from 1 January 2021 (DPA 2018 Sch 21 para 5).
pub const EEA: &[&str] = &[
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
];

/// Every adequacy decision and regulation known to the crate, by regime.
pub const ADEQUACY: &[AdequacyEntry] = &[
    eu("AD", ymd(2010, 10, 19), "Commission Decision 2010/625/EU"),
    eu("AR", ymd(2003, 7, 3), "Commission Decision 2003/490/EC"),
    eu(
        "BR",
        ymd(2026, 1, 26),
        "Commission Implementing Decision (EU) 2026/179 of 26 January 2026",
    ),
    private_sector(eu(
        "CA",
        ymd(2002, 1, 4),
        "Commission Decision 2002/2/EC (recipients subject to PIPEDA: organisations in commercial activities, not public bodies)",
    )),
    eu("FO", ymd(2010, 3, 15), "Commission Decision 2010/146/EU"),
    eu("GG", ymd(2003, 11, 21), "Commission Decision 2003/821/EC"),
    eu("IL", ymd(2011, 1, 31), "Commission Decision 2011/61/EU"),
    eu("IM", ymd(2004, 4, 28), "Commission Decision 2004/411/EC"),
    private_sector(eu(
        "JP",
        ymd(2019, 1, 23),
        "Commission Implementing Decision (EU) 2019/419 (personal information handling business operators under the APPI, with the Supplementary Rules; not public bodies)",
    )),
    eu("JE", ymd(2008, 5, 8), "Commission Decision 2008/393/EC"),
    eu(
        "NZ",
        ymd(2012, 12, 19),
        "Commission Implementing Decision 2013/65/EU",
    ),
    eu(
        "KR",
        ymd(2021, 12, 17),
        "Commission Implementing Decision (EU) 2022/254 (processing under PIPA; not by religious organisations for missionary activities, political parties for nominating candidates, or of personal credit information supervised by the Financial Services Commission)",
    ),
    eu("CH", ymd(2000, 7, 26), "Commission Decision 2000/518/EC"),
    AdequacyEntry {
        period: Period {
            from: Some(ymd(2021, 6, 28)),
            until: Some(ymd(2031, 12, 27)),
        },
        ..eu(
            "GB",
            ymd(2021, 6, 28),
            "Commission Implementing Decision (EU) 2021/1772, renewed by Commission Implementing Decision (EU) 2025/2574 of 19 December 2025 until 27 December 2031 (https://eur-lex.europa.eu/eli/dec_impl/2025/2574/oj)",
        )
    },
    eu("UY", ymd(2012, 8, 21), "Commission Decision 2012/484/EU"),
    AdequacyEntry {
        certified_recipients_only: true,
        ..eu(
            "US",
            ymd(2023, 7, 10),
            "Commission Implementing Decision (EU) 2023/1795 (EU-US Data Privacy Framework)",
        )
    },
    AdequacyEntry {
        regime: Regime::EuGdpr,
        destination: AdequacyDestination::InternationalOrganisation {
            name: "European Patent Organisation",
            aliases: &[
                "European Patent Organization",
                "EPO",
                "European Patent Office",
            ],
        },
        period: Period::from(ymd(2025, 7, 15)),
        certified_recipients_only: false,
        excludes_public_bodies: false,
        source: "Commission adequacy decision for the European Patent Organisation, adopted 15 July 2025 (its Official Journal number was not in the sources checked on 2026-12-06)",
    },
    uk("AD", ymd(2021, 1, 1), SCH_21),
    uk("AR", ymd(2021, 1, 1), SCH_21),
    private_sector(uk("CA", ymd(2021, 1, 1), SCH_21_CA)),
    uk("FO", ymd(2021, 1, 1), SCH_21),
    uk("GG", ymd(2021, 1, 1), SCH_21),
    uk("IL", ymd(2021, 1, 1), SCH_21),
    uk("IM", ymd(2021, 1, 1), SCH_21),
    private_sector(uk("JP", ymd(2021, 1, 1), SCH_21_JP)),
    uk("JE", ymd(2021, 1, 1), SCH_21),
    uk("NZ", ymd(2021, 1, 1), SCH_21),
    uk("CH", ymd(2021, 1, 1), SCH_21),
    uk("UY", ymd(2021, 1, 1), SCH_21),
    uk("GI", ymd(2021, 1, 1), SCH_21),
    uk(
        "KR",
        ymd(2022, 12, 19),
        "The Data Protection (Adequacy) (Republic of Korea) Regulations 2022 (SI 2022/1213) (not personal credit information under the Credit Information Act processed by persons the Financial Services Commission supervises)",
    ),
    AdequacyEntry {
        certified_recipients_only: true,
        ..uk(
            "US",
            ymd(2023, 10, 12),
            "The Data Protection (Adequacy) (United States of America) Regulations 2023 (SI 2023/1028), UK Extension to the Data Privacy Framework",
        )
    },
];

/// Whether the country is in the European Economic Area.
pub fn is_eea(country: CountryCode) -> bool {
    EEA.contains(&country.as_str())
}

/// Whether a country is outside the regime's own territory (a third country for Chapter V).
pub fn is_third_country(regime: Regime, country: CountryCode) -> bool {
    match regime {
        Regime::UkGdpr => country != CountryCode::GB,
        Regime::EuGdpr => !is_eea(country),
    }
}

/// What adequacy says about a destination under a regime on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Adequacy {
    /// Not a third country: no transfer.
    Domestic,
    /// Adequate for every recipient.
    Adequate,
    /// Adequate only for certified recipients (the Data Privacy Framework).
    CertifiedRecipientsOnly,
    /// Adequate only for the private sector the decision covers (Canada, Japan), not for a public
    /// body there.
    PrivateSectorOnly,
    /// Not adequate on that date.
    NotAdequate,
}

/// Looks up a destination's adequacy under a regime on a date.
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use ropa::{adequacy, Adequacy, CountryCode, Regime};
///
/// let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
/// assert_eq!(adequacy(Regime::UkGdpr, "NZ".parse()?, day), Adequacy::Adequate);
/// assert_eq!(adequacy(Regime::UkGdpr, "JP".parse()?, day), Adequacy::PrivateSectorOnly);
/// assert_eq!(adequacy(Regime::UkGdpr, CountryCode::US, day), Adequacy::CertifiedRecipientsOnly);
/// assert_eq!(adequacy(Regime::EuGdpr, "IN".parse()?, day), Adequacy::NotAdequate);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn adequacy(regime: Regime, country: CountryCode, on: NaiveDate) -> Adequacy {
    if !is_third_country(regime, country) {
        return Adequacy::Domestic;
    }
    if regime == Regime::UkGdpr && is_eea(country) && on >= super::UK_GDPR_FROM {
        return Adequacy::Adequate;
    }
    let entry = ADEQUACY.iter().find(|e| {
        e.regime == regime
            && matches!(e.destination, AdequacyDestination::Country(c) if c == country.as_str())
            && e.period.covers(on)
    });
    verdict(entry)
}

fn verdict(entry: Option<&AdequacyEntry>) -> Adequacy {
    match entry {
        Some(e) if e.certified_recipients_only => Adequacy::CertifiedRecipientsOnly,
        Some(e) if e.excludes_public_bodies => Adequacy::PrivateSectorOnly,
        Some(_) => Adequacy::Adequate,
        None => Adequacy::NotAdequate,
    }
}

/// Looks up an international organisation's adequacy under a regime on a date, by the name a
/// register gives it (its name or a known alias, in any case).
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use ropa::{Adequacy, Regime};
/// use ropa::law::adequacy::organisation_adequacy;
///
/// let before = NaiveDate::from_ymd_opt(2025, 7, 14).unwrap();
/// let after = NaiveDate::from_ymd_opt(2025, 7, 15).unwrap();
/// assert_eq!(organisation_adequacy(Regime::EuGdpr, "European Patent Organisation", after), Adequacy::Adequate);
/// assert_eq!(organisation_adequacy(Regime::EuGdpr, "EPO", before), Adequacy::NotAdequate);
/// assert_eq!(organisation_adequacy(Regime::UkGdpr, "EPO", after), Adequacy::NotAdequate);
/// ```
pub fn organisation_adequacy(regime: Regime, name: &str, on: NaiveDate) -> Adequacy {
    verdict(ADEQUACY.iter().find(|e| {
        e.regime == regime && e.destination.names_organisation(name) && e.period.covers(on)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brazil_is_adequate_for_the_eu_from_26_january_2026() {
        let br: CountryCode = "BR".parse().unwrap();
        assert_eq!(
            adequacy(Regime::EuGdpr, br, ymd(2026, 1, 25)),
            Adequacy::NotAdequate
        );
        assert_eq!(
            adequacy(Regime::EuGdpr, br, ymd(2026, 1, 26)),
            Adequacy::Adequate
        );
        assert_eq!(
            adequacy(Regime::UkGdpr, br, ymd(2026, 1, 26)),
            Adequacy::NotAdequate
        );
    }

    #[test]
    fn the_eu_decision_for_the_uk_runs_to_27_december_2031() {
        assert_eq!(
            adequacy(Regime::EuGdpr, CountryCode::GB, ymd(2021, 6, 27)),
            Adequacy::NotAdequate
        );
        assert_eq!(
            adequacy(Regime::EuGdpr, CountryCode::GB, ymd(2031, 12, 27)),
            Adequacy::Adequate
        );
        assert_eq!(
            adequacy(Regime::EuGdpr, CountryCode::GB, ymd(2031, 12, 28)),
            Adequacy::NotAdequate
        );
    }

    #[test]
    fn the_united_states_are_adequate_only_for_certified_recipients() {
        let us = CountryCode::US;
        assert_eq!(
            adequacy(Regime::EuGdpr, us, ymd(2023, 7, 9)),
            Adequacy::NotAdequate
        );
        assert_eq!(
            adequacy(Regime::EuGdpr, us, ymd(2023, 7, 10)),
            Adequacy::CertifiedRecipientsOnly
        );
        assert_eq!(
            adequacy(Regime::UkGdpr, us, ymd(2023, 10, 11)),
            Adequacy::NotAdequate
        );
        assert_eq!(
            adequacy(Regime::UkGdpr, us, ymd(2023, 10, 12)),
            Adequacy::CertifiedRecipientsOnly
        );
    }

    #[test]
    fn the_eea_is_adequate_for_the_uk_from_2021() {
        let fr: CountryCode = "FR".parse().unwrap();
        assert_eq!(
            adequacy(Regime::UkGdpr, fr, ymd(2020, 12, 31)),
            Adequacy::NotAdequate
        );
        assert_eq!(
            adequacy(Regime::UkGdpr, fr, ymd(2021, 1, 1)),
            Adequacy::Adequate
        );
        assert_eq!(
            adequacy(Regime::EuGdpr, fr, ymd(2021, 1, 1)),
            Adequacy::Domestic
        );
    }

    #[test]
    fn organisations_match_by_name_or_alias_only() {
        let on = ymd(2026, 1, 1);
        assert_eq!(
            organisation_adequacy(Regime::EuGdpr, " european patent organization ", on),
            Adequacy::Adequate
        );
        assert_eq!(
            organisation_adequacy(Regime::EuGdpr, "World Health Organization", on),
            Adequacy::NotAdequate
        );
        assert!(!AdequacyDestination::Country("BR").names_organisation("BR"));
    }
}
