//! Typed identifiers. A reference from one object to another is always one of these, never a bare
//! `String`, so that a party id cannot be passed where a document id is expected.

use std::fmt;

use compact_str::CompactString;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
        #[serde(transparent)]
        #[cfg_attr(test, derive(arbitrary::Arbitrary))]
        pub struct $name(#[schemars(with = "String")] CompactString);

        impl $name {
            /// Wraps an identifier.
            pub fn new(id: impl Into<String>) -> Self {
                Self(CompactString::from(id.into()))
            }

            /// The identifier as written in the register.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(CompactString::from(id))
            }
        }

        impl From<String> for $name {
            fn from(id: String) -> Self {
                Self(CompactString::from(id))
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

typed_id!(
    /// Identifies a [`Party`](crate::model::Party) in the register's `parties`.
    PartyId
);
typed_id!(
    /// Identifies a [`ProcessingActivity`](crate::model::ProcessingActivity) in the register.
    ActivityId
);
typed_id!(
    /// Identifies a [`Document`](crate::model::Document) in the register's `documents`.
    DocumentId
);
typed_id!(
    /// Identifies a [`Purpose`](crate::model::Purpose) within its processing activity.
    PurposeId
);
typed_id!(
    /// Identifies a [`DataCategory`](crate::model::DataCategory) within its processing activity.
    DataCategoryId
);
typed_id!(
    /// Identifies a [`DataSubjectCategory`](crate::model::DataSubjectCategory) within its processing activity.
    DataSubjectId
);
typed_id!(
    /// Identifies a [`Recipient`](crate::model::Recipient) within its processing activity.
    RecipientId
);
