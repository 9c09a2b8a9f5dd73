//! Deserializing small string values without allocating: serde's `Cow<str>` always allocates,
//! and dates, durations and country codes are parsed from the text and dropped.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserializer;
use serde::de::{self, Visitor};

/// Reads a string and parses it with `parse`, which returns the error message on failure.
pub(crate) fn parse_str<'de, D, T>(
    deserializer: D,
    expecting: &'static str,
    parse: fn(&str) -> Result<T, String>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    deserializer.deserialize_str(StrVisitor { expecting, parse })
}

/// As [`parse_str`], for an optional value (`null` and absent read as `None`).
pub(crate) fn parse_option_str<'de, D, T>(
    deserializer: D,
    expecting: &'static str,
    parse: fn(&str) -> Result<T, String>,
) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
{
    deserializer.deserialize_option(OptionVisitor {
        expecting,
        parse,
        marker: PhantomData,
    })
}

struct StrVisitor<T> {
    expecting: &'static str,
    parse: fn(&str) -> Result<T, String>,
}

impl<T> Visitor<'_> for StrVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        (self.parse)(v).map_err(E::custom)
    }
}

struct OptionVisitor<T> {
    expecting: &'static str,
    parse: fn(&str) -> Result<T, String>,
    marker: PhantomData<T>,
}

impl<'de, T> Visitor<'de> for OptionVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} or null", self.expecting)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        parse_str(deserializer, self.expecting, self.parse).map(Some)
    }
}
