//! Data protection impact assessments (Art 35) and the criteria that call for one.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::DocumentId;
use crate::vocabulary::vocabulary;

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
    /// Where a DPIA stands.
    pub enum DpiaStatus {
        /// Considered and judged not required (record why in the note).
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
        with = "crate::date::option"
    )]
    #[schemars(with = "Option<NaiveDate>")]
    #[cfg_attr(test, arbitrary(with = crate::date::arbitrary_date))]
    pub date: Option<NaiveDate>,
    /// Anything else, e.g. why a DPIA is not required.
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

    /// Sets the DPIA document.
    pub fn with_document(mut self, document: impl Into<DocumentId>) -> Self {
        self.document = Some(document.into());
        self
    }
}
