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
        crate::de::parse_option_str(deserializer, "a date written YYYY-MM-DD", |text| {
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
