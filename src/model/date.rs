//! Dates as RFC 3339 full-date (`YYYY-MM-DD`), read strictly: what JSON Schema's `format: date`
//! accepts and nothing more (chrono alone would also take `2024-1-5` or `+2024-01-05`).

use chrono::NaiveDate;
use serde::{Deserializer, Serializer};

/// Parses `YYYY-MM-DD` with exactly four, two and two digits, into a valid calendar date.
pub(crate) fn parse(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shape = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape {
        return None;
    }
    let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().ok();
    NaiveDate::from_ymd_opt(
        i32::try_from(number(0..4)?).ok()?,
        number(5..7)?,
        number(8..10)?,
    )
}

/// serde for `Option<NaiveDate>` fields.
pub(crate) mod option {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(
        date: &Option<NaiveDate>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => serializer.collect_str(&date.format("%Y-%m-%d")),
            None => serializer.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        crate::model::de::parse_option_str(deserializer, "a date written YYYY-MM-DD", |text| {
            parse(text).ok_or_else(|| {
                format!("invalid date `{text}`: expected a calendar date written YYYY-MM-DD")
            })
        })
    }
}

/// serde for an optional small whole number that JSON may write as `7` or `7.0` (JSON Schema
/// counts both as integers).
pub(crate) mod option_u8 {
    use serde::{Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(
        value: &Option<u8>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => serializer.serialize_u8(*v),
            None => serializer.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<u8>, D::Error> {
        let Some(number) = Option::<serde_json::Number>::deserialize(deserializer)? else {
            return Ok(None);
        };
        let whole = number.as_u64().or_else(|| {
            number
                .as_f64()
                .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f <= 255.0)
                .map(|f| f as u64)
        });
        whole
            .and_then(|n| u8::try_from(n).ok())
            .map(Some)
            .ok_or_else(|| {
                serde::de::Error::custom(format_args!(
                    "invalid value {number}: expected a whole number from 0 to 255"
                ))
            })
    }
}

/// Arbitrary dates within what the format writes: years 0000 to 9999.
#[cfg(test)]
pub(crate) fn arbitrary_date(
    u: &mut arbitrary::Unstructured<'_>,
) -> arbitrary::Result<Option<NaiveDate>> {
    if !u.arbitrary::<bool>()? {
        return Ok(None);
    }
    let year = u.int_in_range(0..=9999)?;
    let ordinal = u.int_in_range(1..=365)?;
    Ok(NaiveDate::from_yo_opt(year, ordinal))
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn only_full_dates_parse() {
        assert!(parse("2024-02-29").is_some());
        assert!(parse("0000-01-01").is_some());
        for bad in [
            "2024-02-30",
            "2023-02-29",
            "2024-2-3",
            "+2024-01-01",
            "20240101",
            "2024-01-01 ",
            "2024-13-01",
            "0000-00-00",
            "２０２４-01-01",
            "",
        ] {
            assert!(parse(bad).is_none(), "{bad}");
        }
    }
}

/// A date known to the year, the month or the day, as notices give them: "last updated: April
/// 2025" is `2025-04`. Written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and ordered by the first day
/// each stands for.
///
/// # Examples
///
/// ```
/// use ropa::PartialDate;
///
/// let april: PartialDate = "2025-04".parse()?;
/// assert_eq!(april.to_string(), "2025-04");
/// assert_eq!(april.first_day(), chrono::NaiveDate::from_ymd_opt(2025, 4, 1).unwrap());
/// assert_eq!(april.last_day(), chrono::NaiveDate::from_ymd_opt(2025, 4, 30).unwrap());
/// assert!("2025-13".parse::<PartialDate>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartialDate {
    /// A year only.
    Year(i32),
    /// A year and a month (1 to 12).
    YearMonth(i32, u32),
    /// A full calendar date.
    Date(NaiveDate),
}

/// A string that is not `YYYY`, `YYYY-MM` or a calendar date `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid date `{0}`: expected YYYY, YYYY-MM or a calendar date written YYYY-MM-DD")]
pub struct InvalidPartialDate(pub String);

impl PartialDate {
    /// The first day the date stands for.
    pub fn first_day(self) -> NaiveDate {
        match self {
            Self::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
            Self::YearMonth(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
            Self::Date(d) => Some(d),
        }
        .unwrap_or_default()
    }

    /// The last day the date stands for.
    pub fn last_day(self) -> NaiveDate {
        match self {
            Self::Year(y) => NaiveDate::from_ymd_opt(y, 12, 31),
            Self::YearMonth(y, m) => NaiveDate::from_ymd_opt(y, m, 1)
                .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
                .and_then(|d| d.pred_opt()),
            Self::Date(d) => Some(d),
        }
        .unwrap_or_default()
    }
}

impl From<NaiveDate> for PartialDate {
    fn from(date: NaiveDate) -> Self {
        Self::Date(date)
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.first_day(), self.last_day()).cmp(&(other.first_day(), other.last_day()))
    }
}

impl std::str::FromStr for PartialDate {
    type Err = InvalidPartialDate;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bytes = text.as_bytes();
        let digits = |range: std::ops::Range<usize>| {
            bytes[range.clone()].iter().all(u8::is_ascii_digit) && !range.is_empty()
        };
        let error = || InvalidPartialDate(text.to_owned());
        match bytes.len() {
            4 if digits(0..4) => text.parse().map(Self::Year).map_err(|_| error()),
            7 if digits(0..4) && bytes[4] == b'-' && digits(5..7) => {
                let year = text[..4].parse().map_err(|_| error())?;
                let month = text[5..].parse().map_err(|_| error())?;
                if (1..=12).contains(&month) {
                    Ok(Self::YearMonth(year, month))
                } else {
                    Err(error())
                }
            }
            _ => parse(text).map(Self::Date).ok_or_else(error),
        }
    }
}

impl std::fmt::Display for PartialDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Year(y) => write!(f, "{y:04}"),
            Self::YearMonth(y, m) => write!(f, "{y:04}-{m:02}"),
            Self::Date(d) => write!(f, "{}", d.format("%Y-%m-%d")),
        }
    }
}

impl serde::Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::model::de::parse_str(
            deserializer,
            "a date written YYYY, YYYY-MM or YYYY-MM-DD",
            |s| s.parse().map_err(|e: InvalidPartialDate| e.to_string()),
        )
    }
}

impl schemars::JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A date known to the year (YYYY), the month (YYYY-MM) or the day (YYYY-MM-DD), e.g. \"2025-04\" for \"last updated: April 2025\".",
            // Each branch typed on its own: cargo-typify cannot read a branch that is only a
            // format, and json-schema-to-typescript makes an intersection type of the outer type.
            // `oneOf` (the branches are disjoint), which typify reads as an enum; an `anyOf` it
            // reads as a struct of optional parts that accepts no string.
            "oneOf": [
                {"type": "string", "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2]))?$"},
                {"type": "string", "format": "date"}
            ]
        })
    }
}

#[cfg(test)]
impl<'a> arbitrary::Arbitrary<'a> for PartialDate {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        let year = u.int_in_range(0..=9999)?;
        Ok(match u.int_in_range(0..=2)? {
            0 => Self::Year(year),
            1 => Self::YearMonth(year, u.int_in_range(1..=12)?),
            _ => Self::Date(
                NaiveDate::from_yo_opt(year, u.int_in_range(1..=365)?).unwrap_or_default(),
            ),
        })
    }
}

#[cfg(test)]
mod partial_date_tests {
    use super::PartialDate;

    #[test]
    fn partial_dates_read_and_write_their_three_forms() {
        for text in ["2025", "2025-04", "2024-02-29", "0000", "9999-12"] {
            assert_eq!(text.parse::<PartialDate>().unwrap().to_string(), text);
        }
        for bad in [
            "25",
            "2025-4",
            "2025-00",
            "2025-13",
            "2024-02-30",
            "2025-04-",
            "+202",
            "２０２５",
            "",
            "2025-1a",
            // Seven characters that are not YYYY-MM, though their parts parse as numbers.
            "2025x04",
            "+202-04",
            "2025-+4",
        ] {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad}");
        }
        let year: PartialDate = "2024".parse().unwrap();
        assert_eq!(year.last_day().to_string(), "2024-12-31");
        let february: PartialDate = "2024-02".parse().unwrap();
        assert_eq!(february.last_day().to_string(), "2024-02-29");
        let december: PartialDate = "2024-12".parse().unwrap();
        assert_eq!(december.last_day().to_string(), "2024-12-31");
        assert!(year < february && february < "2024-03-01".parse().unwrap());
    }
}
