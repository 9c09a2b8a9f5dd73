//! Retention rules (Art 5(1)(e), Art 30(1)(f)).
//!
//! A rule can say everything the seed notices say: a period from a named trigger, a fixed end
//! date, the earlier of the two (both set), indefinite retention with a review interval, an
//! exception that switches the period under a condition, and the disposal action, for the whole
//! activity or for named data categories.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::vocabulary::vocabulary;
use crate::model::{DataCategoryId, IsoDuration, PartyId};

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
        /// The data subject's last activity or login, e.g. "deleted after 5 years of inactivity".
        LastActivity,
        /// The closure of the data subject's account, or their request to close it.
        AccountClosure,
        /// The data subject objects to the processing (Art 21).
        Objection,
        /// The data subject asks for the data to be erased (Art 17).
        ErasureRequest,
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
        /// Processing restricted (Art 18 style): kept, but used only for limited purposes.
        Restrict,
        /// Marked inactive: kept but no longer used for the service, pending a later step.
        MarkInactive,
    }
}

vocabulary! {
    /// Whether a period is the time data is kept, or the most it is kept.
    pub enum PeriodBound {
        /// Kept for the period: "we keep it for 2 years".
        For,
        /// Disposed of at the latest when the period ends: "we delete it within 1 year".
        Within,
    }
}

/// Who decides how long data is kept when the register does not: "providers keep it according
/// to their own retention period as data controller". It counts as a retention statement for
/// Art 30(1)(f) and Art 13(2)(a): the record says where the period is set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RetentionDecidedBy {
    /// The party that decides, when one is named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<PartyId>,
    /// Who decides, in the register's words, e.g. "the training providers you apply to, as
    /// controllers".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl RetentionDecidedBy {
    /// Decided by a named party.
    pub fn party(party: impl Into<PartyId>) -> Self {
        Self {
            party: Some(party.into()),
            description: None,
        }
    }

    /// Decided by someone described in words.
    pub fn described(description: impl Into<String>) -> Self {
        Self {
            party: None,
            description: Some(description.into()),
        }
    }
}

/// A legal hold: data kept, whatever its period, until the body that set the hold lifts it ("we
/// keep everything on the matter until the court closes it").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LegalHold {
    /// The party that set the hold and lifts it, when one is named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<PartyId>,
    /// Who set the hold, in the register's words, e.g. "the court hearing the case".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set_by: Option<String>,
    /// What the hold covers, e.g. "every record of the child arrangements application".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// How often the organisation checks whether the hold still stands, e.g. `P1Y`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_interval: Option<IsoDuration>,
}

impl LegalHold {
    /// A hold set by someone described in words.
    pub fn set_by(set_by: impl Into<String>) -> Self {
        Self {
            set_by: Some(set_by.into()),
            ..Self::default()
        }
    }
}

/// How long data is kept. Fields combine: with both `period` and `until`, the data is kept until
/// the earlier of the two; with `or_earlier_at`, until the period ends or the first of those
/// events happens, whichever comes first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RetentionPeriod {
    /// The period, an ISO 8601 duration such as `P3Y`, `P1M`, `P1W` or `P28D`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<IsoDuration>,
    /// Whether the period is the time kept ("for 2 years") or an upper bound ("within 1 year");
    /// absent when the register does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bound: Option<PeriodBound>,
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
        with = "crate::model::date::option"
    )]
    #[schemars(with = "Option<NaiveDate>")]
    #[cfg_attr(test, arbitrary(with = crate::model::date::arbitrary_date))]
    pub until: Option<NaiveDate>,
    /// Events that end the retention earlier: the data goes when the period ends or at the first
    /// of these, whichever comes first ("1 year after the questionnaire, or when you object").
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub or_earlier_at: Vec<RetentionTrigger>,
    /// The data is kept with no end set.
    #[serde(
        default,
        skip_serializing_if = "std::ops::Not::not",
        deserialize_with = "crate::model::de::null_as_default"
    )]
    pub indefinite: bool,
    /// The data is not stored at all ("we do not store the video"): used as it passes and never
    /// kept, which is not the same as a period of `P0D`.
    #[serde(
        default,
        skip_serializing_if = "std::ops::Not::not",
        deserialize_with = "crate::model::de::null_as_default"
    )]
    pub not_retained: bool,
    /// Another party decides how long the data is kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<RetentionDecidedBy>,
    /// How often indefinitely kept data is reviewed, e.g. `P1Y`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_interval: Option<IsoDuration>,
    /// The data is kept until a legal hold another body set is lifted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_hold: Option<LegalHold>,
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

    /// Data that is not stored at all.
    pub fn not_retained() -> Self {
        Self {
            not_retained: true,
            ..Self::default()
        }
    }

    /// Retention decided by another party.
    pub fn decided_by(decided_by: RetentionDecidedBy) -> Self {
        Self {
            decided_by: Some(decided_by),
            ..Self::default()
        }
    }

    /// Sets whether the period is the time kept or an upper bound.
    pub fn with_bound(mut self, bound: PeriodBound) -> Self {
        self.bound = Some(bound);
        self
    }

    /// Adds an event that ends the retention earlier, whichever comes first.
    pub fn or_earlier_at(mut self, event: RetentionTrigger) -> Self {
        self.or_earlier_at.push(event);
        self
    }

    /// Whether the period says anything at all about how long data is kept: a period, a date,
    /// indefinite retention, no retention at all, who decides, or the event until which data is
    /// kept ("for as long as you subscribe": until consent is withdrawn), which is a criterion
    /// Art 13(2)(a) accepts.
    pub fn is_stated(&self) -> bool {
        self.period.is_some()
            || self.until.is_some()
            || self.indefinite
            || self.not_retained
            || self.decided_by.is_some()
            || self.trigger.is_some()
            || !self.or_earlier_at.is_empty()
            || self.legal_hold.is_some()
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
        // Data not stored has nothing to erase; an earlier event may end any period sooner, so
        // the date computed is the latest the data may be kept.
        if self.indefinite || self.not_retained {
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
    /// What happens to the data at the end of the exception's retention, where it differs from
    /// the rule's own.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub disposal: Vec<DisposalAction>,
}

impl RetentionException {
    /// An exception with its condition and retention.
    pub fn new(condition: impl Into<String>, retention: RetentionPeriod) -> Self {
        Self {
            condition: condition.into(),
            retention,
            disposal: Vec::new(),
        }
    }

    /// Adds the exception's own disposal action.
    pub fn with_disposal(mut self, action: DisposalAction) -> Self {
        self.disposal.push(action);
        self
    }
}

/// A step before the end of a rule's retention: after its own period, an action such as
/// anonymising, restricting or marking inactive, before the rule's final disposal ("after 2
/// years we mark the account inactive; after 5 we delete it").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RetentionStage {
    /// When the step is taken.
    pub retention: RetentionPeriod,
    /// What is done at that point.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub actions: Vec<DisposalAction>,
    /// The step in the register's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wording: Option<String>,
}

impl RetentionStage {
    /// A step taken after the given retention.
    pub fn new(retention: RetentionPeriod, action: DisposalAction) -> Self {
        Self {
            retention,
            actions: vec![action],
            wording: None,
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
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub data_categories: Vec<DataCategoryId>,
    /// What the rule covers in the register's words when that is not a data category, e.g.
    /// "safeguarding files".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_to: Option<String>,
    /// The party that holds the data under this rule, e.g. a processor that keeps it 30 days,
    /// where it is not the organisation itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_by: Option<PartyId>,
    /// The system the rule applies to, by its name in the activity's `systems`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// The rule in the register's own words, kept verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wording: Option<String>,
    /// How long the data is kept.
    #[serde(default, deserialize_with = "crate::model::de::null_as_default")]
    pub retention: RetentionPeriod,
    /// Steps taken before the end, each after its own period, in order; `retention` and
    /// `disposal` are the last step.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub stages: Vec<RetentionStage>,
    /// Retentions that replace this one under a condition.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub exceptions: Vec<RetentionException>,
    /// What happens to the data at the end.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub disposal: Vec<DisposalAction>,
    /// The retention and erasure policy the rule follows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<crate::model::DocumentId>,
    /// The laws that set the period, e.g. "Limitation Act 1980 s5".
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub legal_sources: Vec<String>,
    /// Why the data is kept that long, as the register gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Anything else the register says about the rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl RetentionRule {
    /// A rule for the whole activity with the given retention.
    ///
    /// ```
    /// use ropa::{DisposalAction, IsoDuration, RetentionPeriod, RetentionRule, RetentionTrigger};
    /// let rule = RetentionRule::new(RetentionPeriod::after(
    ///     IsoDuration::years(6),
    ///     RetentionTrigger::CaseClosure,
    /// ))
    /// .for_data_category("case-notes")
    /// .with_disposal(DisposalAction::Delete);
    /// assert_eq!(rule.data_categories.len(), 1);
    /// ```
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

    /// Adds a step before the end.
    pub fn with_stage(mut self, stage: RetentionStage) -> Self {
        self.stages.push(stage);
        self
    }

    /// Sets the party that holds the data under the rule.
    pub fn held_by(mut self, party: impl Into<PartyId>) -> Self {
        self.held_by = Some(party.into());
        self
    }

    /// Sets the system the rule applies to.
    pub fn for_system(mut self, system: impl Into<String>) -> Self {
        self.system = Some(system.into());
        self
    }

    /// Adds a law that sets the period.
    pub fn with_legal_source(mut self, law: impl Into<String>) -> Self {
        self.legal_sources.push(law.into());
        self
    }

    /// Sets the reason given for the period.
    pub fn with_reason(mut self, reason: impl Into<String>) -> Self {
        self.reason = Some(reason.into());
        self
    }

    /// Whether any part of the rule says how long data is kept: its own retention, a stage or an
    /// exception.
    pub fn is_stated(&self) -> bool {
        self.retention.is_stated()
            || self.stages.iter().any(|s| s.retention.is_stated())
            || self.exceptions.iter().any(|e| e.retention.is_stated())
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
    fn not_retained_and_decided_elsewhere_are_stated_without_a_due_date() {
        let none = RetentionPeriod::not_retained();
        assert!(none.is_stated());
        assert_eq!(none.erasure_due(Some(date(2024, 1, 1))), None);
        let elsewhere = RetentionPeriod::decided_by(RetentionDecidedBy::described("providers"));
        assert!(elsewhere.is_stated());
        assert!(!RetentionPeriod::default().is_stated());
        let until_withdrawal = RetentionPeriod {
            trigger: Some(RetentionTrigger::ConsentWithdrawal),
            ..RetentionPeriod::default()
        };
        assert!(until_withdrawal.is_stated());
        assert!(
            RetentionPeriod::default()
                .or_earlier_at(RetentionTrigger::Objection)
                .is_stated()
        );
        let zero = RetentionPeriod::after(duration("P0D"), RetentionTrigger::Collection);
        assert_eq!(
            zero.erasure_due(Some(date(2024, 1, 1))),
            Some(date(2024, 1, 1))
        );
        let rule = RetentionRule::default()
            .with_stage(RetentionStage::new(zero, DisposalAction::Anonymise));
        assert!(rule.is_stated());
        assert!(!RetentionRule::default().is_stated());
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
