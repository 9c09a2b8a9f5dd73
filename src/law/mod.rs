//! The law as dated data, in one place.
//!
//! Everything the rules need to know about the law that changes with time lives here, one file
//! per table, each entry with the instrument it comes from and the dates it applies between:
//!
//! - [`provisions`]: provisions whose text or citation changed, by regime (the UK GDPR as amended
//!   by the Data (Use and Access) Act 2025 from 5 February 2026, DPA 2018 s164A from 19 June 2026),
//!   and the provision each rule cites;
//! - [`adequacy`](mod@adequacy): adequacy decisions and regulations, keyed by country or by
//!   international organisation;
//! - [`schedule_1`]: the conditions of DPA 2018 Schedule 1, their policy-document requirements and
//!   their scope;
//! - [`child_consent`]: the age of digital consent (Art 8(1)) by regime and member state;
//! - [`annex_1`]: the recognised legitimate interest conditions of UK GDPR Annex 1.
//!
//! A rule asks what applies on a date under a regime (for example
//! [`provisions::citation`]`(Provision::Adequacy, Regime::UkGdpr, date)`) instead of writing an
//! article number into its code. When the law moves, the tables here are what must change.

use chrono::NaiveDate;

pub mod adequacy;
pub mod annex_1;
pub mod child_consent;
pub mod provisions;
pub(crate) mod rights;
pub(crate) mod rule;
pub mod schedule_1;

pub use annex_1::Annex1Condition;
pub use child_consent::{ConsentAge, DIGITAL_CONSENT_AGES, DigitalConsentAge, digital_consent_age};
pub use provisions::{
    PROVISIONS, Provision, ProvisionEntry, RULE_PROVISIONS, citation, in_force, rule_citation,
    rule_citations, rule_citations_in_words,
};

/// A date in a table, checked when the crate compiles.
pub(crate) const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("invalid date in a law table"),
    }
}

/// The UK GDPR applies in the UK from the end of the transition period (IP completion day,
/// 31 December 2020 at 11 pm): European Union (Withdrawal) Act 2018 s3, DPPEC Regulations 2019
/// (SI 2019/419).
pub const UK_GDPR_FROM: NaiveDate = ymd(2021, 1, 1);

/// The Data (Use and Access) Act 2025 amendments to the UK GDPR (ss70-71, 76-77, 80-81, 85-86 and
/// Sch 7, among others) apply from 5 February 2026: SI 2026/82 reg 2.
pub const DUAA_FROM: NaiveDate = ymd(2026, 2, 5);

/// The latest day any of the law tables (provisions, adequacy, Schedule 1, ages, rights) was
/// checked against its sources, as each table's module says; `ropa --version` shows it.
pub const TABLES_CHECKED: &str = "2026-12-06";

/// DPA 2018 s164A (complaints to controllers, inserted by the Data (Use and Access) Act 2025
/// s103) applies from 19 June 2026: SI 2026/82 reg 3.
pub const S164A_FROM: NaiveDate = ymd(2026, 6, 19);

/// The period an entry of a table applies: from its first day, up to and including its last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Period {
    /// The first day it applies; `None` for as far back as the crate models.
    pub from: Option<NaiveDate>,
    /// The last day it applies; `None` while it still does.
    pub until: Option<NaiveDate>,
}

impl Period {
    /// Whether one of the two periods ends before the other begins, so that no day is in both:
    /// the tables' tests require it of two entries for the same thing.
    #[cfg(test)]
    pub(crate) fn is_disjoint(&self, other: &Period) -> bool {
        let ends_before =
            |a: &Period, b: &Period| a.until.is_some_and(|u| b.from.is_some_and(|f| u < f));
        ends_before(self, other) || ends_before(other, self)
    }

    /// Always.
    pub const ALWAYS: Period = Period {
        from: None,
        until: None,
    };

    /// From a date on.
    pub const fn from(date: NaiveDate) -> Period {
        Period {
            from: Some(date),
            until: None,
        }
    }

    /// Up to the day before a date.
    pub const fn before(date: NaiveDate) -> Period {
        Period {
            from: None,
            until: date.pred_opt(),
        }
    }

    /// Whether the period covers the date.
    pub fn covers(&self, on: NaiveDate) -> bool {
        self.from.is_none_or(|from| on >= from) && self.until.is_none_or(|until| on <= until)
    }

    /// The period in words, e.g. "from 5 Feb 2026" or "to 4 Feb 2026"; empty for always.
    pub fn words(&self) -> String {
        let day = |d: NaiveDate| d.format("%-d %b %Y").to_string();
        match (self.from, self.until) {
            (None, None) => String::new(),
            (Some(from), None) => format!("from {}", day(from)),
            (None, Some(until)) => format!("to {}", day(until)),
            (Some(from), Some(until)) => format!("{} to {}", day(from), day(until)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_cover_their_first_and_last_days_only() {
        let p = Period {
            from: Some(ymd(2026, 2, 5)),
            until: Some(ymd(2026, 6, 18)),
        };
        assert!(!p.covers(ymd(2026, 2, 4)));
        assert!(p.covers(ymd(2026, 2, 5)));
        assert!(p.covers(ymd(2026, 6, 18)));
        assert!(!p.covers(ymd(2026, 6, 19)));
        assert_eq!(p.words(), "5 Feb 2026 to 18 Jun 2026");
        assert_eq!(Period::before(DUAA_FROM).words(), "to 4 Feb 2026");
        assert_eq!(Period::from(DUAA_FROM).words(), "from 5 Feb 2026");
        assert_eq!(Period::ALWAYS.words(), "");
        assert!(Period::ALWAYS.covers(NaiveDate::MIN));
    }
}
