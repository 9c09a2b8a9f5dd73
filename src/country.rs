//! ISO 3166-1 alpha-2 country codes.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An ISO 3166-1 alpha-2 country code such as `GB`, `IE` or `US`.
///
/// Parsing checks the shape (two upper-case ASCII letters) only: whether a code is assigned, or a
/// country adequate, is a question for validation.
///
/// # Examples
///
/// ```
/// use ropa::CountryCode;
/// let gb: CountryCode = "GB".parse()?;
/// assert_eq!(gb.as_str(), "GB");
/// assert!("gb".parse::<CountryCode>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CountryCode([u8; 2]);

/// A string that is not two upper-case ASCII letters.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid country code {0:?}: expected two upper-case letters (ISO 3166-1 alpha-2), e.g. \"GB\""
)]
pub struct InvalidCountryCode(pub String);

impl CountryCode {
    /// The United Kingdom.
    pub const GB: CountryCode = CountryCode(*b"GB");
    /// The United States.
    pub const US: CountryCode = CountryCode(*b"US");

    /// The code as a string slice.
    pub fn as_str(&self) -> &str {
        // Both bytes are checked ASCII upper-case letters on construction.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl FromStr for CountryCode {
    type Err = InvalidCountryCode;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.as_bytes() {
            [a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => Ok(Self([*a, *b])),
            _ => Err(InvalidCountryCode(s.to_owned())),
        }
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for CountryCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::de::parse_str(deserializer, "an ISO 3166-1 alpha-2 country code", |s| {
            s.parse().map_err(|e: InvalidCountryCode| e.to_string())
        })
    }
}

impl JsonSchema for CountryCode {
    fn schema_name() -> Cow<'static, str> {
        "CountryCode".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An ISO 3166-1 alpha-2 country code, e.g. \"GB\".",
            "type": "string",
            "pattern": "^[A-Z]{2}$"
        })
    }
}

#[cfg(test)]
impl<'a> arbitrary::Arbitrary<'a> for CountryCode {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        Ok(CountryCode([
            b'A' + u.int_in_range(0..=25)?,
            b'A' + u.int_in_range(0..=25)?,
        ]))
    }
}
