//! Purposes of processing (Art 30(1)(b)) and the lawful bases relied on for each.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{DataCategoryId, LawfulBasis, PurposeId};

/// One purpose of a processing activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Purpose {
    /// The purpose's id, unique within its activity.
    pub id: PurposeId,
    /// What the data is processed for.
    pub description: String,
    /// The Art 6(1) bases relied on; normally one. Empty means not stated.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub lawful_bases: Vec<LawfulBasis>,
    /// The data categories used for this purpose; empty means not stated.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub data_categories: Vec<DataCategoryId>,
    /// How the data subject opts out of this purpose, e.g. "the unsubscribe link in every
    /// email".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opt_out: Option<String>,
    /// The purpose takes measures or decisions about particular people (catering for a person's
    /// needs, deciding on an application), not only about groups: Sch 1 para 8 (equality) does
    /// not serve it (para 8(3)).
    #[serde(
        default,
        skip_serializing_if = "std::ops::Not::not",
        deserialize_with = "crate::model::de::null_as_default"
    )]
    pub about_individuals: bool,
    /// Anything else the register says about the purpose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Keys naming the purpose in published taxonomies, e.g. `fides:marketing.communications.email`
    /// or `dpv:ServiceProvision`.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::taxonomy::purpose_keys"
    )]
    pub taxonomy: Vec<crate::model::TaxonomyKey>,
}

impl Purpose {
    /// A purpose with an id and a description.
    pub fn new(id: impl Into<PurposeId>, description: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            description: description.into(),
            lawful_bases: Vec::new(),
            data_categories: Vec::new(),
            opt_out: None,
            about_individuals: false,
            note: None,
            taxonomy: Vec::new(),
        }
    }

    /// Adds a taxonomy key, made for the purpose with [`TaxonomyKey::new`](crate::TaxonomyKey::new).
    pub fn with_taxonomy(mut self, key: crate::model::TaxonomyKey) -> Self {
        self.taxonomy.push(key);
        self
    }

    /// Adds a lawful basis.
    pub fn with_basis(mut self, basis: LawfulBasis) -> Self {
        self.lawful_bases.push(basis);
        self
    }

    /// Sets how the data subject opts out.
    pub fn with_opt_out(mut self, route: impl Into<String>) -> Self {
        self.opt_out = Some(route.into());
        self
    }

    /// Adds a data category used for the purpose.
    pub fn with_data_category(mut self, category: impl Into<DataCategoryId>) -> Self {
        self.data_categories.push(category.into());
        self
    }
}
