//! Documents a register refers to: contracts, DPIAs, assessments, policies, notices.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::DocumentId;
use crate::model::vocabulary::vocabulary;

vocabulary! {
    /// What a document is.
    pub enum DocumentKind {
        /// A contract or other legal act with a processor (Art 28(3)).
        #[doc(alias = "contract")]
        #[doc(alias = "data processing agreement")]
        #[doc(alias = "DPA")]
        Art28Contract,
        /// The arrangement between joint controllers (Art 26(1)).
        JointControllerArrangement,
        /// A data protection impact assessment (Art 35).
        Dpia,
        /// A legitimate interests assessment (Art 6(1)(f)).
        LegitimateInterestsAssessment,
        /// An appropriate policy document (DPA 2018 Sch 1 Part 4, paras 38-39).
        AppropriatePolicyDocument,
        /// An information or data sharing agreement with another controller.
        InformationSharingAgreement,
        /// A record of consent (Art 7(1)).
        ConsentRecord,
        /// A privacy notice (Art 13, 14).
        PrivacyNotice,
        /// A transfer risk assessment or transfer impact assessment.
        TransferRiskAssessment,
        /// Documentation of a transfer (Art 30(1)(e), 49(6)).
        TransferDocumentation,
        /// A record of a personal data breach (Art 33(5)).
        BreachRecord,
        /// A retention schedule or policy.
        RetentionPolicy,
        /// Any other policy, e.g. an information security policy (Art 24(2)).
        Policy,
        /// Any other document.
        Other,
    }
}

/// A document the register refers to by id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Document {
    /// The document's id, unique among the register's documents.
    pub id: DocumentId,
    /// What the document is.
    pub kind: DocumentKind,
    /// The document's title.
    pub title: String,
    /// Where the document is kept: a URL, a file path or a description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// The date of the document or its latest version, to the year, month or day as given
    /// ("last updated: April 2025" is `2025-04`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<crate::model::PartialDate>,
    /// When the document is next due for review.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::model::date::option"
    )]
    #[schemars(with = "Option<NaiveDate>")]
    #[cfg_attr(test, arbitrary(with = crate::model::date::arbitrary_date))]
    pub review_date: Option<NaiveDate>,
    /// Anything else said about the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// For a breach record: what Art 33(5) asks the controller to document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breach: Option<BreachDetails>,
}

/// The facts of a personal data breach as documented under Art 33(5): when it happened, what
/// happened, its effects and the remedial action taken.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct BreachDetails {
    /// When the breach happened (or began).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::model::date::option"
    )]
    #[schemars(with = "Option<NaiveDate>")]
    #[cfg_attr(test, arbitrary(with = crate::model::date::arbitrary_date))]
    pub occurred: Option<NaiveDate>,
    /// What happened: the facts relating to the breach.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facts: Option<String>,
    /// Its effects, and likely consequences for the people concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effects: Option<String>,
    /// The remedial action taken.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remedial_action: Option<String>,
    /// Whether the supervisory authority was notified (Art 33(1)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notified_to_authority: Option<bool>,
}

impl BreachDetails {
    /// The details of a breach that happened on the given date.
    pub fn new(occurred: NaiveDate) -> Self {
        Self {
            occurred: Some(occurred),
            ..Self::default()
        }
    }

    /// Sets what happened.
    pub fn with_facts(mut self, facts: impl Into<String>) -> Self {
        self.facts = Some(facts.into());
        self
    }

    /// Sets the effects.
    pub fn with_effects(mut self, effects: impl Into<String>) -> Self {
        self.effects = Some(effects.into());
        self
    }

    /// Sets the remedial action taken.
    pub fn with_remedial_action(mut self, action: impl Into<String>) -> Self {
        self.remedial_action = Some(action.into());
        self
    }
}

impl Document {
    /// A document with an id, a kind and a title.
    pub fn new(id: impl Into<DocumentId>, kind: DocumentKind, title: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            kind,
            title: title.into(),
            location: None,
            date: None,
            review_date: None,
            note: None,
            breach: None,
        }
    }

    /// Sets where the document is kept.
    pub fn with_location(mut self, location: impl Into<String>) -> Self {
        self.location = Some(location.into());
        self
    }

    /// Sets the document's date.
    pub fn with_date(mut self, date: impl Into<crate::model::PartialDate>) -> Self {
        self.date = Some(date.into());
        self
    }

    /// Sets the details of the breach it records.
    pub fn with_breach(mut self, breach: BreachDetails) -> Self {
        self.breach = Some(breach);
        self
    }
}
