//! Data subjects and categories of personal data (Art 30(1)(c)), and where the data comes from.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::vocabulary::vocabulary;
use crate::model::{DataCategoryId, DataSubjectId, PartyId, SpecialCategoryKind};

/// A category of data subjects, e.g. "parents and carers".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct DataSubjectCategory {
    /// The category's id, unique within its activity.
    pub id: DataSubjectId,
    /// The category's name.
    pub name: String,
    /// More about who is in the category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The category includes children (Art 8, Recital 38).
    #[serde(
        default,
        skip_serializing_if = "std::ops::Not::not",
        deserialize_with = "crate::model::de::null_as_default"
    )]
    pub children: bool,
    /// The category includes vulnerable people (WP248 criterion 7).
    #[serde(
        default,
        skip_serializing_if = "std::ops::Not::not",
        deserialize_with = "crate::model::de::null_as_default"
    )]
    pub vulnerable: bool,
    /// The youngest age of the people in the category, where the register states one.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::model::date::option_u8"
    )]
    #[schemars(with = "Option<u8>")]
    pub minimum_age: Option<u8>,
    /// Keys naming the category in published taxonomies, e.g. `fides:customer` or
    /// `dpv:Employee`.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::taxonomy::data_subject_keys"
    )]
    pub taxonomy: Vec<crate::model::TaxonomyKey>,
}

impl DataSubjectCategory {
    /// A category with an id and a name.
    pub fn new(id: impl Into<DataSubjectId>, name: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            description: None,
            children: false,
            vulnerable: false,
            minimum_age: None,
            taxonomy: Vec::new(),
        }
    }

    /// Adds a taxonomy key, made for the data subject category with [`TaxonomyKey::new`](crate::TaxonomyKey::new).
    pub fn with_taxonomy(mut self, key: crate::model::TaxonomyKey) -> Self {
        self.taxonomy.push(key);
        self
    }

    /// Marks the category as including children.
    pub fn children(mut self) -> Self {
        self.children = true;
        self
    }

    /// Marks the category as including vulnerable people.
    pub fn vulnerable(mut self) -> Self {
        self.vulnerable = true;
        self
    }

    /// Sets the description.
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
}

vocabulary! {
    /// Whether the data subject must provide an item (Art 13(2)(e)).
    pub enum Provision {
        /// The item must be provided.
        Required,
        /// The item is optional.
        Optional,
    }
}

vocabulary! {
    /// Where data comes from (Art 14(2)(f)).
    pub enum SourceKind {
        /// From the data subject (Art 13 applies).
        DataSubject,
        /// From a third party (Art 14 applies).
        ThirdParty,
        /// From publicly accessible sources (Art 14(2)(f)).
        PublicSources,
        /// Generated or observed by the organisation, e.g. IP addresses logged by a website.
        Observed,
    }
}

/// One source of a data category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct DataSource {
    /// What kind of source.
    pub kind: SourceKind,
    /// The party the data comes from, when named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<PartyId>,
    /// The source in the register's words, e.g. "your midwife or health visitor".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl DataSource {
    /// A source of the given kind.
    pub fn new(kind: SourceKind) -> Self {
        Self {
            kind,
            party: None,
            description: None,
        }
    }

    /// Sets the description.
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Names the party.
    pub fn with_party(mut self, party: impl Into<PartyId>) -> Self {
        self.party = Some(party.into());
        self
    }
}

/// A category of personal data: ordinary, special category (Art 9(1)) or criminal offence data
/// (Art 10).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct DataCategory {
    /// The category's id, unique within its activity.
    pub id: DataCategoryId,
    /// The category's name, e.g. "email address".
    pub name: String,
    /// More about what the category holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The Art 9(1) kind when the category is special category data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub special_category: Option<SpecialCategoryKind>,
    /// The category is free text in which data subjects may volunteer special category data of
    /// kinds not known in advance (a message box, a recorded conversation). Validation treats it
    /// as special category data.
    #[serde(
        default,
        skip_serializing_if = "std::ops::Not::not",
        deserialize_with = "crate::model::de::null_as_default"
    )]
    pub may_include_special_category: bool,
    /// The category is personal data relating to criminal convictions and offences (Art 10).
    #[serde(
        default,
        skip_serializing_if = "std::ops::Not::not",
        deserialize_with = "crate::model::de::null_as_default"
    )]
    pub criminal_offence: bool,
    /// Whether providing it is required or optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provision: Option<Provision>,
    /// Art 6(1) bases the register gives for this category of data ("for web analytics: your
    /// consent").
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub lawful_bases: Vec<crate::model::LawfulBasis>,
    /// Where the data comes from; empty means not stated.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub sources: Vec<DataSource>,
    /// Anything else the register says about the category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Keys naming the category in published taxonomies, e.g. `fides:user.contact.email` or
    /// `pd:HealthRecord` (see [`TaxonomyKey`](crate::TaxonomyKey)).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::taxonomy::data_category_keys"
    )]
    pub taxonomy: Vec<crate::model::TaxonomyKey>,
}

impl DataCategory {
    /// An ordinary category of personal data.
    pub fn new(id: impl Into<DataCategoryId>, name: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            description: None,
            special_category: None,
            may_include_special_category: false,
            criminal_offence: false,
            provision: None,
            lawful_bases: Vec::new(),
            sources: Vec::new(),
            note: None,
            taxonomy: Vec::new(),
        }
    }

    /// Adds a taxonomy key, made for a data category with [`TaxonomyKey::new`](crate::TaxonomyKey::new).
    pub fn with_taxonomy(mut self, key: crate::model::TaxonomyKey) -> Self {
        self.taxonomy.push(key);
        self
    }

    /// A special category of personal data of the given Art 9(1) kind.
    pub fn special(
        id: impl Into<DataCategoryId>,
        name: impl Into<String>,
        kind: SpecialCategoryKind,
    ) -> Self {
        let mut category = Self::new(id, name);
        category.special_category = Some(kind);
        category
    }

    /// A category of criminal offence data (Art 10).
    pub fn criminal_offence(id: impl Into<DataCategoryId>, name: impl Into<String>) -> Self {
        let mut category = Self::new(id, name);
        category.criminal_offence = true;
        category
    }

    /// Sets whether providing it is required or optional.
    pub fn with_provision(mut self, provision: Provision) -> Self {
        self.provision = Some(provision);
        self
    }

    /// Adds a basis given for this category.
    pub fn with_basis(mut self, basis: crate::model::LawfulBasis) -> Self {
        self.lawful_bases.push(basis);
        self
    }

    /// Adds a source.
    pub fn with_source(mut self, source: DataSource) -> Self {
        self.sources.push(source);
        self
    }

    /// Sets the description.
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Whether the category is, or may include, special category data.
    pub fn is_special_category(&self) -> bool {
        self.special_category.is_some() || self.may_include_special_category
    }
}
