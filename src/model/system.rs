//! Systems and storage locations where an activity's data is held.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{CountryCode, DataCategoryId, DataForm, PartyId};

/// A system or storage location, e.g. "Microsoft Teams" or "locked filing cabinet".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct System {
    /// The system's name.
    pub name: String,
    /// What is kept there and how.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The party that provides or hosts the system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<PartyId>,
    /// Where the data is stored, in the register's words, e.g. "in the cloud".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// The country where the data is stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<CountryCode>,
    /// The region where the data is stored, where the register names no country ("in the EEA").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<crate::model::Region>,
    /// The form in which the data is held there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_form: Option<DataForm>,
    /// The data categories held there; empty means not stated.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub data_categories: Vec<DataCategoryId>,
}

impl System {
    /// A system with a name.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            description: None,
            provider: None,
            location: None,
            country: None,
            region: None,
            data_form: None,
            data_categories: Vec::new(),
        }
    }

    /// Sets the provider.
    pub fn with_provider(mut self, provider: impl Into<PartyId>) -> Self {
        self.provider = Some(provider.into());
        self
    }

    /// Sets the storage location.
    pub fn with_location(mut self, location: impl Into<String>) -> Self {
        self.location = Some(location.into());
        self
    }
}
