//! ISO 8601 durations of whole days, weeks, months and years, as retention periods are written.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use chrono::{Days, Months, NaiveDate};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The regular expression a duration must match: the date part of ISO 8601 (`P3Y`, `P1M`, `P1W`,
/// `P28D`, `P1Y6M`). Time parts (`T...`) are not used for retention and are rejected.
/// Each number has at most nine digits, so that every duration the pattern accepts also parses.
pub const DURATION_PATTERN: &str = r"^P(\d{1,9}Y(\d{1,9}M)?(\d{1,9}W)?(\d{1,9}D)?|\d{1,9}M(\d{1,9}W)?(\d{1,9}D)?|\d{1,9}W(\d{1,9}D)?|\d{1,9}D)$";

/// The most digits one component may have (see [`DURATION_PATTERN`]).
const MAX_DIGITS: usize = 9;

/// An ISO 8601 duration such as `P3Y`, `P1M`, `P1W` or `P28D`.
///
/// Components are kept as written (`P12M` stays `P12M`, it is not turned into `P1Y`) so that a
/// register round-trips byte for byte.
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use ropa::IsoDuration;
///
/// let one_year: IsoDuration = "P1Y".parse()?;
/// let leap_day = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
/// // Calendar arithmetic: the 29th of February plus one year is the 28th.
/// assert_eq!(one_year.after(leap_day), NaiveDate::from_ymd_opt(2025, 2, 28));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct IsoDuration {
    years: Option<u32>,
    months: Option<u32>,
    weeks: Option<u32>,
    days: Option<u32>,
}

/// A string that is not an ISO 8601 duration of years, months, weeks and days.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid duration {0:?}: expected an ISO 8601 duration of years, months, weeks and days such as \"P3Y\", \"P1M\", \"P1W\" or \"P28D\""
)]
pub struct InvalidDuration(pub String);

impl IsoDuration {
    /// A duration of `n` years.
    pub fn years(n: u32) -> Self {
        Self {
            years: Some(n),
            ..Self::default()
        }
    }

    /// A duration of `n` months.
    pub fn months(n: u32) -> Self {
        Self {
            months: Some(n),
            ..Self::default()
        }
    }

    /// A duration of `n` weeks.
    pub fn weeks(n: u32) -> Self {
        Self {
            weeks: Some(n),
            ..Self::default()
        }
    }

    /// A duration of `n` days.
    pub fn days(n: u32) -> Self {
        Self {
            days: Some(n),
            ..Self::default()
        }
    }

    /// The years component, if written.
    pub fn year_part(&self) -> Option<u32> {
        self.years
    }

    /// The months component, if written.
    pub fn month_part(&self) -> Option<u32> {
        self.months
    }

    /// The weeks component, if written.
    pub fn week_part(&self) -> Option<u32> {
        self.weeks
    }

    /// The days component, if written.
    pub fn day_part(&self) -> Option<u32> {
        self.days
    }

    /// The date this duration after `start`, calendar-correct: years and months are added first,
    /// clamping to the last day of a shorter month (2024-02-29 + P1Y = 2025-02-28), then weeks and
    /// days. `None` when the result is outside the dates chrono can represent.
    pub fn after(&self, start: NaiveDate) -> Option<NaiveDate> {
        let months = u64::from(self.years.unwrap_or(0)) * 12 + u64::from(self.months.unwrap_or(0));
        let days = u64::from(self.weeks.unwrap_or(0)) * 7 + u64::from(self.days.unwrap_or(0));
        let months = u32::try_from(months).ok()?;
        start
            .checked_add_months(Months::new(months))?
            .checked_add_days(Days::new(days))
    }

    /// Whether the duration is zero (`P0D`, `P0Y`): it ends as soon as it starts.
    pub fn is_zero(&self) -> bool {
        [self.years, self.months, self.weeks, self.days]
            .into_iter()
            .all(|part| part.unwrap_or(0) == 0)
    }

    /// Whether the duration is longer than `years` years (compared in days, a year as 365.25).
    pub fn exceeds_years(&self, years: u32) -> bool {
        self.approx_days() > f64::from(years) * 365.25
    }

    /// An approximate length in days (a year as 365.25 days, a month as 30.44), for comparing
    /// and sorting durations. Use [`IsoDuration::after`] for dates.
    pub fn approx_days(&self) -> f64 {
        f64::from(self.years.unwrap_or(0)) * 365.25
            + f64::from(self.months.unwrap_or(0)) * 30.436_875
            + f64::from(self.weeks.unwrap_or(0)) * 7.0
            + f64::from(self.days.unwrap_or(0))
    }
}

impl FromStr for IsoDuration {
    type Err = InvalidDuration;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let invalid = || InvalidDuration(s.to_owned());
        let rest = s.strip_prefix('P').ok_or_else(invalid)?;
        if rest.is_empty() {
            return Err(invalid());
        }
        let mut duration = IsoDuration::default();
        let mut number_start = 0;
        // Designators must appear in this order, each at most once.
        let mut next_allowed = 0;
        for (i, c) in rest.char_indices() {
            if c.is_ascii_digit() {
                continue;
            }
            let digits = &rest[number_start..i];
            if digits.is_empty() || digits.len() > MAX_DIGITS {
                return Err(invalid());
            }
            let value: u32 = digits.parse().map_err(|_| invalid())?;
            let (order, slot) = match c {
                'Y' => (0, &mut duration.years),
                'M' => (1, &mut duration.months),
                'W' => (2, &mut duration.weeks),
                'D' => (3, &mut duration.days),
                _ => return Err(invalid()),
            };
            if order < next_allowed {
                return Err(invalid());
            }
            next_allowed = order + 1;
            *slot = Some(value);
            number_start = i + c.len_utf8();
        }
        if number_start != rest.len() {
            return Err(invalid());
        }
        Ok(duration)
    }
}

impl fmt::Display for IsoDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("P")?;
        let parts = [
            (self.years, 'Y'),
            (self.months, 'M'),
            (self.weeks, 'W'),
            (self.days, 'D'),
        ];
        let mut any = false;
        for (value, designator) in parts {
            if let Some(value) = value {
                write!(f, "{value}{designator}")?;
                any = true;
            }
        }
        if !any {
            f.write_str("0D")?;
        }
        Ok(())
    }
}

impl Serialize for IsoDuration {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for IsoDuration {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::model::de::parse_str(deserializer, "an ISO 8601 duration such as P3Y", |s| {
            s.parse().map_err(|e: InvalidDuration| e.to_string())
        })
    }
}

impl JsonSchema for IsoDuration {
    fn schema_name() -> Cow<'static, str> {
        "IsoDuration".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An ISO 8601 duration of years, months, weeks and days, e.g. \"P3Y\", \"P1M\", \"P1W\", \"P28D\".",
            "type": "string",
            "pattern": DURATION_PATTERN
        })
    }
}

/// Arbitrary durations within what the format writes: at least one part, each of at most nine
/// digits.
impl IsoDuration {
    /// The period in words, as reports and findings say it, e.g. "6 years", "1 month 2 days";
    /// "immediately" for a period of zero.
    pub(crate) fn in_words(&self) -> String {
        let mut parts = Vec::new();
        for (n, unit) in [
            (self.year_part(), "year"),
            (self.month_part(), "month"),
            (self.week_part(), "week"),
            (self.day_part(), "day"),
        ] {
            if let Some(n) = n {
                parts.push(format!("{n} {unit}{}", if n == 1 { "" } else { "s" }));
            }
        }
        if parts.iter().all(|p| p.starts_with("0 ")) {
            "immediately".to_owned()
        } else {
            parts.join(" ")
        }
    }
}

#[cfg(test)]
impl<'a> arbitrary::Arbitrary<'a> for IsoDuration {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        let part = |u: &mut arbitrary::Unstructured<'a>| -> arbitrary::Result<Option<u32>> {
            Ok(if u.arbitrary::<bool>()? {
                Some(u.int_in_range(0..=999_999_999)?)
            } else {
                None
            })
        };
        let mut duration = IsoDuration {
            years: part(u)?,
            months: part(u)?,
            weeks: part(u)?,
            days: part(u)?,
        };
        if duration == IsoDuration::default() {
            duration.days = Some(u.int_in_range(0..=999_999_999)?);
        }
        Ok(duration)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn parses_and_prints_as_written() {
        for s in [
            "P3Y",
            "P1M",
            "P1W",
            "P28D",
            "P1Y6M",
            "P12M",
            "P0D",
            "P0Y",
            "P1Y2M3W4D",
        ] {
            let d: IsoDuration = s.parse().unwrap();
            assert_eq!(d.to_string(), s);
        }
    }

    #[test]
    fn rejects_malformed() {
        for s in [
            "",
            "P",
            "3Y",
            "PY",
            "P1Y1Y",
            "P1M1Y",
            "P1H",
            "PT1H",
            "P1.5Y",
            "P-1Y",
            "p1y",
            "P1Y ",
            "P99999999999999999999Y",
            "P1234567890D",
            "P1YX",
        ] {
            assert!(
                s.parse::<IsoDuration>().is_err(),
                "{s:?} should be rejected"
            );
        }
    }

    #[test]
    fn calendar_arithmetic() {
        let p1y: IsoDuration = "P1Y".parse().unwrap();
        assert_eq!(p1y.after(date(2024, 2, 29)), Some(date(2025, 2, 28)));
        let p1m: IsoDuration = "P1M".parse().unwrap();
        assert_eq!(p1m.after(date(2024, 1, 31)), Some(date(2024, 2, 29)));
        let p1w: IsoDuration = "P1W".parse().unwrap();
        assert_eq!(p1w.after(date(2024, 12, 28)), Some(date(2025, 1, 4)));
        let p28d: IsoDuration = "P28D".parse().unwrap();
        assert_eq!(p28d.after(date(2023, 2, 1)), Some(date(2023, 3, 1)));
        let huge: IsoDuration = "P999999999Y".parse().unwrap();
        assert_eq!(huge.after(date(2024, 1, 1)), None);
    }
}
