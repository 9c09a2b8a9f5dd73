//! Adequacy: which destinations a regime recognises as adequate, and from when.
//!
//! Sources, checked 2026-11-22:
//! - EU: the European Commission's adequacy decisions under Art 45(3) GDPR
//!   (<https://commission.europa.eu/law/law-topic/data-protection/international-dimension-data-protection/adequacy-decisions_en>);
//!   UK renewed on 19 December 2025 until 27 December 2031; EU-US Data Privacy Framework
//!   (Decision 2023/1795) from 10 July 2023, for certified organisations only.
//! - UK: adequacy regulations under DPA 2018 s17A and the transitional provisions of Sch 21 para 5
//!   (<https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/international-transfers/>);
//!   Republic of Korea from 19 December 2022; the UK Extension to the Data Privacy Framework
//!   from 12 October 2023, for certified organisations only.
//!
//! Decisions limited to a sector (Canada: commercial organisations under PIPEDA) are listed
//! whole; the register's own description of the recipient says whether it falls in the sector.

use chrono::NaiveDate;

use crate::{CountryCode, Regime};

/// One adequacy decision or regulation: a destination adequate under a regime over a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AdequacyEntry {
    /// The regime that recognises the destination.
    pub regime: Regime,
    /// The destination, ISO 3166-1 alpha-2.
    pub country: &'static str,
    /// The first day the decision applies.
    pub from: (i32, u32, u32),
    /// The last day it applies, for decisions with an expiry.
    pub until: Option<(i32, u32, u32)>,
    /// Only recipients certified under a framework (the EU-US Data Privacy Framework or its UK
    /// Extension) are covered.
    pub certified_recipients_only: bool,
}

const fn eu(country: &'static str, from: (i32, u32, u32)) -> AdequacyEntry {
    AdequacyEntry {
        regime: Regime::EuGdpr,
        country,
        from,
        until: None,
        certified_recipients_only: false,
    }
}

const fn uk(country: &'static str, from: (i32, u32, u32)) -> AdequacyEntry {
    AdequacyEntry {
        regime: Regime::UkGdpr,
        country,
        from,
        until: None,
        certified_recipients_only: false,
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
    eu("AD", (2010, 10, 19)),
    eu("AR", (2003, 7, 3)),
    eu("CA", (2002, 1, 4)),
    eu("FO", (2010, 3, 15)),
    eu("GG", (2003, 11, 21)),
    eu("IL", (2011, 1, 31)),
    eu("IM", (2004, 4, 28)),
    eu("JP", (2019, 1, 23)),
    eu("JE", (2008, 5, 8)),
    eu("NZ", (2012, 12, 19)),
    eu("KR", (2021, 12, 17)),
    eu("CH", (2000, 7, 26)),
    AdequacyEntry {
        until: Some((2031, 12, 27)),
        ..eu("GB", (2021, 6, 28))
    },
    eu("UY", (2012, 8, 21)),
    AdequacyEntry {
        certified_recipients_only: true,
        ..eu("US", (2023, 7, 10))
    },
    uk("AD", (2021, 1, 1)),
    uk("AR", (2021, 1, 1)),
    uk("CA", (2021, 1, 1)),
    uk("FO", (2021, 1, 1)),
    uk("GG", (2021, 1, 1)),
    uk("IL", (2021, 1, 1)),
    uk("IM", (2021, 1, 1)),
    uk("JP", (2021, 1, 1)),
    uk("JE", (2021, 1, 1)),
    uk("NZ", (2021, 1, 1)),
    uk("CH", (2021, 1, 1)),
    uk("UY", (2021, 1, 1)),
    uk("GI", (2021, 1, 1)),
    uk("KR", (2022, 12, 19)),
    AdequacyEntry {
        certified_recipients_only: true,
        ..uk("US", (2023, 10, 12))
    },
];

fn date((y, m, d): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

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
/// assert_eq!(adequacy(Regime::UkGdpr, "JP".parse()?, day), Adequacy::Adequate);
/// assert_eq!(adequacy(Regime::UkGdpr, CountryCode::US, day), Adequacy::CertifiedRecipientsOnly);
/// assert_eq!(adequacy(Regime::EuGdpr, "IN".parse()?, day), Adequacy::NotAdequate);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn adequacy(regime: Regime, country: CountryCode, on: NaiveDate) -> Adequacy {
    if !is_third_country(regime, country) {
        return Adequacy::Domestic;
    }
    if regime == Regime::UkGdpr && is_eea(country) && on >= date((2021, 1, 1)) {
        return Adequacy::Adequate;
    }
    let entry = ADEQUACY.iter().find(|e| {
        e.regime == regime
            && e.country == country.as_str()
            && on >= date(e.from)
            && e.until.is_none_or(|until| on <= date(until))
    });
    match entry {
        Some(e) if e.certified_recipients_only => Adequacy::CertifiedRecipientsOnly,
        Some(_) => Adequacy::Adequate,
        None => Adequacy::NotAdequate,
    }
}
