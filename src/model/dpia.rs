//! Data protection impact assessments (Art 35) and the criteria that call for one.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::vocabulary::vocabulary;
use crate::model::{DocumentId, Regime};

vocabulary! {
    /// A case of Art 35(3) in which a DPIA is always required.
    pub enum Article35Trigger {
        /// Art 35(3)(a): systematic and extensive evaluation, including profiling, with legal or
        /// similarly significant effects.
        SystematicEvaluation,
        /// Art 35(3)(b): large-scale processing of special category or criminal offence data.
        LargeScaleSpecialCategory,
        /// Art 35(3)(c): systematic monitoring of a publicly accessible area on a large scale.
        PublicMonitoring,
    }
}

vocabulary! {
    /// A criterion of the EDPB's (WP29's) guidelines on DPIA (WP248 rev.01); processing that meets
    /// two or more is likely to need a DPIA.
    pub enum RiskCriterion {
        /// Evaluation or scoring, including profiling and predicting.
        EvaluationOrScoring,
        /// Automated decision-making with legal or similarly significant effect.
        AutomatedDecisionWithSignificantEffect,
        /// Systematic monitoring.
        SystematicMonitoring,
        /// Sensitive data or data of a highly personal nature.
        SensitiveData,
        /// Data processed on a large scale.
        LargeScale,
        /// Matching or combining datasets.
        MatchingOrCombining,
        /// Data concerning vulnerable data subjects.
        VulnerableDataSubjects,
        /// Innovative use or applying new technological or organisational solutions.
        InnovativeTechnology,
        /// Processing that prevents data subjects from exercising a right or using a service.
        PreventsExercisingRights,
    }
}

vocabulary! {
    /// A type of processing on a supervisory authority's Art 35(4) list of processing operations
    /// that require a DPIA. The entries of [`ARTICLE_35_4_LIST`] say which regime lists it, from
    /// when, and whether it needs another WP248 criterion beside it.
    pub enum HighRiskOperation {
        /// New technologies, or the novel application of existing ones (including AI).
        InnovativeTechnology,
        /// Decisions about access to a product, service, opportunity or benefit based to any
        /// extent on automated decision-making or involving special category data.
        DenialOfService,
        /// Profiling of individuals on a large scale.
        LargeScaleProfiling,
        /// Biometric data processed to identify someone uniquely.
        BiometricData,
        /// Genetic data, other than by a GP or health professional for direct care.
        GeneticData,
        /// Combining, comparing or matching personal data from several sources.
        DataMatching,
        /// Data not obtained from the person where telling them is judged impossible or
        /// disproportionate (Art 14(5)(b)).
        InvisibleProcessing,
        /// Tracking someone's geolocation or behaviour, online or offline.
        Tracking,
        /// Using children's or other vulnerable people's data for marketing, profiling or
        /// automated decisions, or offering online services directly to children.
        TargetingChildren,
        /// Processing whose breach could endanger someone's physical health or safety.
        RiskOfPhysicalHarm,
    }
}

/// One entry of a supervisory authority's list under Art 35(4): processing that requires a DPIA,
/// on a regime, over a period, with its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Article35ListEntry {
    /// The regime whose supervisory authority lists it.
    pub regime: Regime,
    /// The type of processing.
    pub operation: HighRiskOperation,
    /// A DPIA is required only where another criterion of WP248 rev.01 applies too.
    pub with_another_criterion: bool,
    /// The first day the entry applies.
    pub from: (i32, u32, u32),
    /// The last day it applies, where the list has dropped it.
    pub until: Option<(i32, u32, u32)>,
    /// Where the entry is published.
    pub source: &'static str,
}

const ICO_LIST: &str = "ICO, Examples of processing 'likely to result in high risk' (UK GDPR Art 35(4) list), https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/data-protection-impact-assessments-dpias/examples-of-processing-likely-to-result-in-high-risk/";

const fn ico(operation: HighRiskOperation, with_another_criterion: bool) -> Article35ListEntry {
    Article35ListEntry {
        regime: Regime::UkGdpr,
        operation,
        with_another_criterion,
        // The list as revised after EDPB Opinion 22/2018 on the UK's draft list (25 September
        // 2018); it has stood since, through the UK GDPR from 1 January 2021. Checked 2026-11-25.
        from: (2018, 9, 25),
        until: None,
        source: ICO_LIST,
    }
}

/// The Art 35(4) lists known to the crate. The UK's is the ICO's; the EU's are kept by each
/// member state's authority and are not included.
pub const ARTICLE_35_4_LIST: &[Article35ListEntry] = &[
    ico(HighRiskOperation::InnovativeTechnology, true),
    ico(HighRiskOperation::DenialOfService, false),
    ico(HighRiskOperation::LargeScaleProfiling, false),
    ico(HighRiskOperation::BiometricData, true),
    ico(HighRiskOperation::GeneticData, true),
    ico(HighRiskOperation::DataMatching, false),
    ico(HighRiskOperation::InvisibleProcessing, true),
    ico(HighRiskOperation::Tracking, true),
    ico(HighRiskOperation::TargetingChildren, false),
    ico(HighRiskOperation::RiskOfPhysicalHarm, false),
];

/// The entry of the Art 35(4) list that lists the operation under the regime on the date, if any.
pub fn article_35_4_entry(
    regime: Regime,
    operation: HighRiskOperation,
    on: NaiveDate,
) -> Option<&'static Article35ListEntry> {
    let day = |(y, m, d): (i32, u32, u32)| NaiveDate::from_ymd_opt(y, m, d);
    ARTICLE_35_4_LIST.iter().find(|e| {
        e.regime == regime
            && e.operation == operation
            && day(e.from).is_some_and(|from| from <= on)
            && e.until.and_then(day).is_none_or(|until| on <= until)
    })
}

vocabulary! {
    /// Where a DPIA stands.
    pub enum DpiaStatus {
        /// Considered and judged not required (record why in the note: with the reasons recorded,
        /// validation accepts it where only WP248 criteria point to a DPIA).
        NotRequired,
        /// Required but not started.
        NotStarted,
        /// Under way.
        InProgress,
        /// Completed.
        Completed,
    }
}

/// What the register records about an activity's DPIA.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Dpia {
    /// Whether a DPIA is required, as judged by the organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    /// Where the DPIA stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DpiaStatus>,
    /// The DPIA document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<DocumentId>,
    /// When the DPIA was completed or last reviewed.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::model::date::option"
    )]
    #[schemars(with = "Option<NaiveDate>")]
    #[cfg_attr(test, arbitrary(with = crate::model::date::arbitrary_date))]
    pub date: Option<NaiveDate>,
    /// Anything else; where the DPIA is judged not required, why (WP248 rev.01: the reasons for
    /// not carrying one out despite the criteria met should be documented).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Dpia {
    /// A DPIA record with the given status.
    pub fn new(status: DpiaStatus) -> Self {
        Self {
            status: Some(status),
            ..Self::default()
        }
    }

    /// Sets the note: for a DPIA judged not required, the reasons.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// Sets the DPIA document.
    pub fn with_document(mut self, document: impl Into<DocumentId>) -> Self {
        self.document = Some(document.into());
        self
    }
}
