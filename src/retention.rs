//! Retention rules (Art 5(1)(e), Art 30(1)(f)).
//!
//! A rule can say everything the seed notices say: a period from a named trigger, a fixed end
//! date, the earlier of the two (both set), indefinite retention with a review interval, an
//! exception that switches the period under a condition, and the disposal action, for the whole
//! activity or for named data categories.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::vocabulary::vocabulary;
use crate::{DataCategoryId, IsoDuration};

vocabulary! {
    /// The event from which a retention period runs.
    pub enum RetentionTrigger {
        /// The data was collected.
        Collection,
        /// The last contact with the data subject.
        LastContact,
        /// The end of the relationship or service with the data subject.
        EndOfRelationship,
        /// The organisation's response to the data subject's enquiry.
        EnquiryResponse,
        /// The end of the activity, project or pilot.
        EndOfActivity,
        /// The closure of a case or file.
        CaseClosure,
        /// The data subject withdraws consent.
        ConsentWithdrawal,
        /// The data was recorded or published (a recording, a post).
        Recording,
        /// Another event, described in `trigger_description`.
        Other,
    }
}

vocabulary! {
    /// What happens to the data when its retention ends.
    pub enum DisposalAction {
        /// Deleted from electronic systems.
        Delete,
        /// Physically destroyed (paper, media), e.g. shredded.
        Destroy,
        /// Anonymised so that it is no longer personal data.
        Anonymise,
        /// Put beyond use: kept but inaccessible to the organisation's normal processing.
        MakeInaccessible,
        /// Moved to an archive (e.g. for archiving in the public interest, Art 89).
        Archive,
        /// Returned to the controller (for a processor, Art 28(3)(g)).
        ReturnToController,
    }
}

/// How long data is kept. Fields combine: with both `period` and `until`, the data is kept until
/// the earlier of the two.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RetentionPeriod {
    /// The period, an ISO 8601 duration such as `P3Y`, `P1M`, `P1W` or `P28D`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<IsoDuration>,
    /// The event the period runs from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<RetentionTrigger>,
    /// The trigger in the register's words, e.g. "the end of the pilot".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger_description: Option<String>,
    /// A fixed date by which the data is disposed of.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::date::option"
    )]
    #[schemars(with = "Option<NaiveDate>")]
    #[cfg_attr(test, arbitrary(with = crate::date::arbitrary_date))]
    pub until: Option<NaiveDate>,
    /// The data is kept with no end set.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub indefinite: bool,
    /// How often indefinitely kept data is reviewed, e.g. `P1Y`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_interval: Option<IsoDuration>,
}

impl RetentionPeriod {
    /// A period that runs from a trigger.
    pub fn after(period: IsoDuration, trigger: RetentionTrigger) -> Self {
        Self {
            period: Some(period),
            trigger: Some(trigger),
            ..Self::default()
        }
    }

    /// Retention until a fixed date.
    pub fn until(date: NaiveDate) -> Self {
        Self {
            until: Some(date),
            ..Self::default()
        }
    }

    /// Indefinite retention, reviewed at the given interval.
    pub fn indefinite(review_interval: Option<IsoDuration>) -> Self {
        Self {
            indefinite: true,
            review_interval,
            ..Self::default()
        }
    }

    /// Whether the period says anything at all about how long data is kept.
    pub fn is_stated(&self) -> bool {
        self.period.is_some() || self.until.is_some() || self.indefinite
    }

    /// The date by which data is due for disposal, given the date of the trigger event where the
    /// period runs from one. `None` when the retention is indefinite, or when it depends on a
    /// trigger date that is not given.
    ///
    /// The period is added calendar-correctly: 2024-02-29 + P1Y = 2025-02-28. With both a
    /// period and a fixed date, the earlier date wins.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use ropa::{IsoDuration, RetentionPeriod, RetentionTrigger};
    ///
    /// let rule = RetentionPeriod::after("P1Y".parse::<IsoDuration>()?, RetentionTrigger::LastContact);
    /// let leap_day = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
    /// assert_eq!(rule.erasure_due(Some(leap_day)), NaiveDate::from_ymd_opt(2025, 2, 28));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn erasure_due(&self, trigger_date: Option<NaiveDate>) -> Option<NaiveDate> {
        if self.indefinite {
            return None;
        }
        let from_period = match (self.period, trigger_date) {
            (Some(period), Some(start)) => period.after(start),
            _ => None,
        };
        match (from_period, self.until) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (Some(a), None) => Some(a),
            // Without a trigger date the period cannot be counted; the fixed date is still an
            // upper bound the register commits to.
            (None, Some(b)) => Some(b),
            (None, None) => None,
        }
    }
}

/// A retention that replaces the rule's own under a condition, e.g. "6 years where there is a
/// safeguarding concern".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RetentionException {
    /// When the exception applies.
    pub condition: String,
    /// How long data is kept when it applies.
    pub retention: RetentionPeriod,
}

impl RetentionException {
    /// An exception with its condition and retention.
    pub fn new(condition: impl Into<String>, retention: RetentionPeriod) -> Self {
        Self {
            condition: condition.into(),
            retention,
        }
    }
}

/// One retention rule of a processing activity.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RetentionRule {
    /// The data categories the rule covers; empty means the whole activity.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::de::exact_vec"
    )]
    pub data_categories: Vec<DataCategoryId>,
    /// What the rule covers in the register's words when that is not a data category, e.g.
    /// "safeguarding files".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_to: Option<String>,
    /// The rule in the register's own words, kept verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wording: Option<String>,
    /// How long the data is kept.
    #[serde(default)]
    pub retention: RetentionPeriod,
    /// Retentions that replace this one under a condition.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::de::exact_vec"
    )]
    pub exceptions: Vec<RetentionException>,
    /// What happens to the data at the end.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::de::exact_vec"
    )]
    pub disposal: Vec<DisposalAction>,
    /// The retention and erasure policy the rule follows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<crate::DocumentId>,
    /// Anything else the register says about the rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl RetentionRule {
    /// A rule for the whole activity with the given retention.
    pub fn new(retention: RetentionPeriod) -> Self {
        Self {
            retention,
            ..Self::default()
        }
    }

    /// Restricts the rule to a data category (call again for more).
    pub fn for_data_category(mut self, category: impl Into<DataCategoryId>) -> Self {
        self.data_categories.push(category.into());
        self
    }

    /// Keeps the register's wording.
    pub fn with_wording(mut self, wording: impl Into<String>) -> Self {
        self.wording = Some(wording.into());
        self
    }

    /// Adds an exception.
    pub fn with_exception(mut self, exception: RetentionException) -> Self {
        self.exceptions.push(exception);
        self
    }

    /// Adds a disposal action.
    pub fn with_disposal(mut self, action: DisposalAction) -> Self {
        self.disposal.push(action);
        self
    }

    /// The erasure due date under the rule's main retention; see [`RetentionPeriod::erasure_due`].
    pub fn erasure_due(&self, trigger_date: Option<NaiveDate>) -> Option<NaiveDate> {
        self.retention.erasure_due(trigger_date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn duration(s: &str) -> IsoDuration {
        s.parse().unwrap()
    }

    #[test]
    fn leap_day_plus_one_year_is_the_last_day_of_february() {
        let rule = RetentionPeriod::after(duration("P1Y"), RetentionTrigger::Collection);
        assert_eq!(
            rule.erasure_due(Some(date(2024, 2, 29))),
            Some(date(2025, 2, 28))
        );
    }

    #[test]
    fn month_end_is_clamped() {
        let rule = RetentionPeriod::after(duration("P1M"), RetentionTrigger::EnquiryResponse);
        assert_eq!(
            rule.erasure_due(Some(date(2024, 1, 31))),
            Some(date(2024, 2, 29))
        );
    }

    #[test]
    fn earlier_of_period_and_date_wins() {
        let mut rule = RetentionPeriod::after(duration("P2Y"), RetentionTrigger::Collection);
        rule.until = Some(date(2025, 1, 1));
        assert_eq!(
            rule.erasure_due(Some(date(2024, 6, 1))),
            Some(date(2025, 1, 1))
        );
        assert_eq!(
            rule.erasure_due(Some(date(2022, 6, 1))),
            Some(date(2024, 6, 1))
        );
    }

    #[test]
    fn indefinite_and_unknown_trigger_have_no_due_date() {
        assert_eq!(
            RetentionPeriod::indefinite(Some(duration("P1Y"))).erasure_due(None),
            None
        );
        let rule = RetentionPeriod::after(duration("P3Y"), RetentionTrigger::LastContact);
        assert_eq!(rule.erasure_due(None), None);
        assert_eq!(
            RetentionPeriod::until(date(2024, 4, 30)).erasure_due(None),
            Some(date(2024, 4, 30))
        );
    }

    #[test]
    fn weeks_and_days_add_exactly() {
        let rule = RetentionPeriod::after(duration("P1W"), RetentionTrigger::Recording);
        assert_eq!(
            rule.erasure_due(Some(date(2024, 12, 28))),
            Some(date(2025, 1, 4))
        );
        let rule = RetentionPeriod::after(duration("P28D"), RetentionTrigger::Collection);
        assert_eq!(
            rule.erasure_due(Some(date(2023, 2, 1))),
            Some(date(2023, 3, 1))
        );
    }
}
