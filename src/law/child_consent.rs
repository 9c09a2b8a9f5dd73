//! The age of digital consent (Art 8(1)): below it, consent to an information society service
//! offered directly to a child needs the holder of parental responsibility.
//!
//! The EU GDPR sets 16 and lets each member state lower it to no less than 13; the member state is
//! the one where the controller is established. The EEA states (Iceland, Liechtenstein, Norway)
//! apply the GDPR through the EEA Agreement and set their own ages too. The UK sets 13 (UK GDPR
//! Art 8(1), as DPA 2018 s9 did before 1 January 2021).
//!
//! Sources, checked 2026-11-25. `verified` marks the entries checked against a second source
//! (Bird & Bird, GDPR tracker, "Children online"; DataGuidance, "EU: Age of consent for children";
//! for Cyprus the Law 125(I)/2018 s8 on cylaw.org). The others cite the national law as the
//! crate's authors know it and are not verified: check them before relying on them. Each national
//! age is dated from the GDPR's application (25 May 2018) unless it is known to have changed later;
//! the commencement dates of the national laws themselves are not modelled.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Period, ymd};
use crate::model::{CountryCode, Regime};

/// One age of digital consent: a regime's default, or a country's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DigitalConsentAge {
    /// The regime.
    pub regime: Regime,
    /// The country (ISO 3166-1 alpha-2) that sets it; `None` for the regime's own default.
    pub country: Option<&'static str>,
    /// The age.
    pub age: u8,
    /// When it applies.
    pub period: Period,
    /// The law that sets it.
    pub source: &'static str,
    /// Whether the entry was checked against a second source (see the module docs).
    pub verified: bool,
}

const GDPR_APPLIES: NaiveDate = ymd(2018, 5, 25);

const fn eu(
    country: &'static str,
    age: u8,
    source: &'static str,
    verified: bool,
) -> DigitalConsentAge {
    DigitalConsentAge {
        regime: Regime::EuGdpr,
        country: Some(country),
        age,
        period: Period::from(GDPR_APPLIES),
        source,
        verified,
    }
}

const SLOVENIA_ZVOP_2: NaiveDate = ymd(2023, 1, 26);

/// Every age known to the crate: the two regimes' defaults, then the EU/EEA states.
pub const DIGITAL_CONSENT_AGES: &[DigitalConsentAge] = &[
    DigitalConsentAge {
        regime: Regime::UkGdpr,
        country: None,
        age: 13,
        period: Period::ALWAYS,
        source: "UK GDPR Art 8(1) (DPA 2018 s9 before 1 Jan 2021)",
        verified: true,
    },
    DigitalConsentAge {
        regime: Regime::EuGdpr,
        country: None,
        age: 16,
        period: Period::ALWAYS,
        source: "GDPR Art 8(1), where the member state sets no lower age",
        verified: true,
    },
    eu("AT", 14, "Datenschutzgesetz (DSG) s4(4)", true),
    eu(
        "BE",
        13,
        "Act of 30 July 2018 on the protection of natural persons with regard to the processing of personal data, art 7",
        true,
    ),
    eu("BG", 14, "Personal Data Protection Act, art 25c", false),
    eu(
        "HR",
        16,
        "Act on the Implementation of the General Data Protection Regulation (NN 42/2018), art 19",
        false,
    ),
    eu("CY", 14, "Law 125(I)/2018, s8", true),
    eu(
        "CZ",
        15,
        "Act No 110/2019 Coll. on the processing of personal data, s7",
        true,
    ),
    eu(
        "DK",
        13,
        "Databeskyttelsesloven (Act No 502 of 23 May 2018), s6",
        true,
    ),
    eu(
        "EE",
        13,
        "Isikuandmete kaitse seadus (Personal Data Protection Act 2018), s8",
        false,
    ),
    eu(
        "FI",
        13,
        "Tietosuojalaki (Data Protection Act 1050/2018), s5",
        true,
    ),
    eu(
        "FR",
        15,
        "Loi n° 78-17 Informatique et Libertés, art 45 (art 7-1 before the 2018 renumbering)",
        true,
    ),
    eu("DE", 16, "no lower age set: GDPR Art 8(1)", true),
    eu("GR", 15, "Law 4624/2019, art 21", false),
    eu("HU", 16, "no lower age set: GDPR Art 8(1)", true),
    eu("IE", 16, "Data Protection Act 2018, s31", true),
    eu(
        "IT",
        14,
        "Codice in materia di protezione dei dati personali, art 2-quinquies",
        true,
    ),
    eu("LV", 13, "Personal Data Processing Law, s33", false),
    eu(
        "LT",
        14,
        "Law on Legal Protection of Personal Data, art 6",
        false,
    ),
    eu("LU", 16, "no lower age set: GDPR Art 8(1)", false),
    eu(
        "MT",
        13,
        "Processing of Child's Personal Data in relation to the Offer of Information Society Services Regulations (S.L. 586.11)",
        false,
    ),
    eu("NL", 16, "Uitvoeringswet AVG, art 5", true),
    eu("PL", 16, "no lower age set: GDPR Art 8(1)", true),
    eu("PT", 13, "Lei n.º 58/2019, art 16", false),
    eu("RO", 16, "no lower age set: GDPR Art 8(1)", false),
    eu(
        "SK",
        16,
        "Act No 18/2018 Coll. on personal data protection, s15",
        true,
    ),
    DigitalConsentAge {
        period: Period::before(SLOVENIA_ZVOP_2),
        ..eu(
            "SI",
            16,
            "no lower age set before ZVOP-2: GDPR Art 8(1)",
            false,
        )
    },
    DigitalConsentAge {
        period: Period::from(SLOVENIA_ZVOP_2),
        ..eu(
            "SI",
            15,
            "Zakon o varstvu osebnih podatkov (ZVOP-2), art 8, from 26 Jan 2023",
            false,
        )
    },
    eu("ES", 14, "Ley Orgánica 3/2018 (LOPDGDD), art 7", true),
    eu(
        "SE",
        13,
        "Lag (2018:218) med kompletterande bestämmelser till EU:s dataskyddsförordning, ch 2 s4",
        true,
    ),
    eu("IS", 13, "Act No 90/2018 on Data Protection, art 10", false),
    eu("LI", 16, "no lower age set: GDPR Art 8(1)", false),
    eu("NO", 13, "Personopplysningsloven (2018), s5", false),
];

/// The age of digital consent that applies, and how it was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConsentAge {
    /// The age.
    pub age: u8,
    /// The table entry it comes from.
    pub entry: &'static DigitalConsentAge,
    /// The organisation's country was not known, or not in the table, so the regime's default
    /// was assumed.
    pub assumed: bool,
}

/// The age of digital consent under a regime on a date, for an organisation established in
/// `country`: under the UK GDPR always 13; under the EU GDPR the member state's age, or 16 where
/// the country is unknown or not an EU/EEA state (then `assumed` is set).
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use ropa::law::digital_consent_age;
/// use ropa::Regime;
///
/// let day = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
/// assert_eq!(digital_consent_age(Regime::EuGdpr, Some("FR".parse()?), day).age, 15);
/// assert_eq!(digital_consent_age(Regime::UkGdpr, Some("GB".parse()?), day).age, 13);
/// let unknown = digital_consent_age(Regime::EuGdpr, None, day);
/// assert_eq!((unknown.age, unknown.assumed), (16, true));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn digital_consent_age(
    regime: Regime,
    country: Option<CountryCode>,
    on: NaiveDate,
) -> ConsentAge {
    let find = |country: Option<&str>| {
        DIGITAL_CONSENT_AGES
            .iter()
            .find(|e| e.regime == regime && e.country == country && e.period.covers(on))
    };
    let national = match regime {
        Regime::EuGdpr => country.and_then(|c| find(Some(c.as_str()))),
        Regime::UkGdpr => None,
    };
    match national {
        Some(entry) => ConsentAge {
            age: entry.age,
            entry,
            assumed: false,
        },
        None => {
            // Both regimes have an undated default in the table; a test checks it.
            let entry = find(None).unwrap_or(&DIGITAL_CONSENT_AGES[0]);
            ConsentAge {
                age: entry.age,
                entry,
                assumed: regime == Regime::EuGdpr,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn age(regime: Regime, country: &str, on: NaiveDate) -> u8 {
        digital_consent_age(regime, Some(country.parse().unwrap()), on).age
    }

    #[test]
    fn every_eea_state_has_an_age_between_13_and_16() {
        let today = ymd(2026, 11, 25);
        for country in crate::law::adequacy::EEA {
            let found = digital_consent_age(Regime::EuGdpr, Some(country.parse().unwrap()), today);
            assert!(!found.assumed, "{country} has no age");
            assert!((13..=16).contains(&found.age), "{country}");
        }
        assert_eq!(
            DIGITAL_CONSENT_AGES
                .iter()
                .filter(|e| e.country.is_some())
                .count(),
            crate::law::adequacy::EEA.len() + 1
        );
    }

    #[test]
    fn one_country_has_one_age_on_any_date() {
        for (i, a) in DIGITAL_CONSENT_AGES.iter().enumerate() {
            for b in &DIGITAL_CONSENT_AGES[i + 1..] {
                if a.regime != b.regime || a.country != b.country {
                    continue;
                }
                assert!(a.period.is_disjoint(&b.period), "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn ages_differ_by_member_state_and_date() {
        let today = ymd(2026, 11, 25);
        assert_eq!(age(Regime::EuGdpr, "BE", today), 13);
        assert_eq!(age(Regime::EuGdpr, "IT", today), 14);
        assert_eq!(age(Regime::EuGdpr, "FR", today), 15);
        assert_eq!(age(Regime::EuGdpr, "DE", today), 16);
        assert_eq!(age(Regime::EuGdpr, "NO", today), 13);
        assert_eq!(age(Regime::EuGdpr, "SI", ymd(2023, 1, 25)), 16);
        assert_eq!(age(Regime::EuGdpr, "SI", ymd(2023, 1, 26)), 15);
        // The UK's age does not depend on the country, and an EU register abroad assumes 16.
        assert_eq!(age(Regime::UkGdpr, "FR", today), 13);
        let abroad = digital_consent_age(Regime::EuGdpr, Some(CountryCode::US), today);
        assert_eq!((abroad.age, abroad.assumed), (16, true));
        assert!(!digital_consent_age(Regime::UkGdpr, None, today).assumed);
    }
}
