//! Automated decision-making and profiling (Art 22, Art 13(2)(f)).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::vocabulary::vocabulary;

vocabulary! {
    /// The Art 22(2) exception that permits a solely automated decision with legal or similarly
    /// significant effects.
    pub enum Article22Basis {
        /// Art 22(2)(a): necessary for a contract with the data subject.
        Contract,
        /// Art 22(2)(b): authorised by law that lays down suitable safeguards.
        AuthorisedByLaw,
        /// Art 22(2)(c): the data subject's explicit consent.
        ExplicitConsent,
    }
}

vocabulary! {
    /// A safeguard for a solely automated significant decision: the four of UK GDPR Art 22C(2)
    /// (from 5 February 2026); the EU GDPR's Art 22(3) asks for the last three.
    pub enum DecisionSafeguard {
        /// The data subject is given information about decisions taken about them (Art 22C(2)(a)).
        Information,
        /// The data subject can make representations about the decision, or express their point
        /// of view (Art 22C(2)(b); Art 22(3)).
        Representations,
        /// The data subject can obtain human intervention (Art 22C(2)(c); Art 22(3)).
        HumanIntervention,
        /// The data subject can contest the decision (Art 22C(2)(d); Art 22(3)).
        Contest,
    }
}

/// An automated decision or profiling carried out in an activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AutomatedDecision {
    /// What is decided or profiled.
    pub description: String,
    /// The decision is based solely on automated processing.
    #[serde(
        default,
        skip_serializing_if = "std::ops::Not::not",
        deserialize_with = "crate::model::de::null_as_default"
    )]
    pub solely_automated: bool,
    /// The decision has legal or similarly significant effects on the data subject (Art 22(1)).
    #[serde(
        default,
        skip_serializing_if = "std::ops::Not::not",
        deserialize_with = "crate::model::de::null_as_default"
    )]
    pub significant_effects: bool,
    /// The processing is profiling (Art 4(4)).
    #[serde(
        default,
        skip_serializing_if = "std::ops::Not::not",
        deserialize_with = "crate::model::de::null_as_default"
    )]
    pub profiling: bool,
    /// The Art 22(2) exception relied on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<Article22Basis>,
    /// The logic involved (Art 13(2)(f)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logic: Option<String>,
    /// The significance and envisaged consequences for the data subject (Art 13(2)(f)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consequences: Option<String>,
    /// The safeguards (Art 22(3)): human intervention, expressing a view, contesting.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub safeguards: Vec<String>,
    /// The safeguards in place, typed (Art 22C(2); Art 22(3)); format 1.1.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub safeguards_in_place: Vec<DecisionSafeguard>,
    /// The decision uses special category data (Art 22(4)).
    #[serde(
        default,
        skip_serializing_if = "std::ops::Not::not",
        deserialize_with = "crate::model::de::null_as_default"
    )]
    pub uses_special_category_data: bool,
    /// The first day decisions were taken this way. Under the UK GDPR, decisions taken before
    /// 5 February 2026 stay under the old Art 22 (SI 2026/82 reg 5).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::model::date::option"
    )]
    #[schemars(with = "Option<chrono::NaiveDate>")]
    #[cfg_attr(test, arbitrary(with = crate::model::date::arbitrary_date))]
    pub in_use_since: Option<chrono::NaiveDate>,
    /// The last day decisions were taken this way, where they have stopped.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::model::date::option"
    )]
    #[schemars(with = "Option<chrono::NaiveDate>")]
    #[cfg_attr(test, arbitrary(with = crate::model::date::arbitrary_date))]
    pub in_use_until: Option<chrono::NaiveDate>,
}

impl AutomatedDecision {
    /// An automated decision with its description.
    pub fn new(description: impl Into<String>) -> Self {
        Self {
            description: description.into(),
            solely_automated: false,
            significant_effects: false,
            profiling: false,
            basis: None,
            logic: None,
            consequences: None,
            safeguards: Vec::new(),
            safeguards_in_place: Vec::new(),
            uses_special_category_data: false,
            in_use_since: None,
            in_use_until: None,
        }
    }
}
