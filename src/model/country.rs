//! ISO 3166-1 alpha-2 country codes.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Every code officially assigned by ISO 3166-1 alpha-2, sorted: 249 codes.
///
/// Source: ISO 3166-1 as current at ISO/TC 46 N1108 (2023-04-05), as listed in the IANA time zone
/// database's `iso3166.tab` (tzdata 2025b); no assignment has changed since. Exceptionally
/// reserved codes (`UK`, `EU`, `EL`, ...) and user-assigned ones (`XX`, `XK`, ...) are not in it.
pub const ISO_3166_1: &[&str] = &[
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// An ISO 3166-1 alpha-2 country code such as `GB`, `IE` or `US`.
///
/// Parsing accepts the codes ISO 3166-1 assigns ([`ISO_3166_1`]) and nothing else: `UK`, `EU` or
/// `XX` have the right shape but name no country, and would only produce nonsense findings
/// downstream. Whether a country is adequate is a question for validation.
///
/// # Examples
///
/// ```
/// use ropa::CountryCode;
/// let gb: CountryCode = "GB".parse()?;
/// assert_eq!(gb.as_str(), "GB");
/// assert!("gb".parse::<CountryCode>().is_err());
/// let uk = "UK".parse::<CountryCode>().unwrap_err();
/// assert!(uk.to_string().contains("use \"GB\""));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CountryCode([u8; 2]);

/// A string that is not an ISO 3166-1 alpha-2 code; its message says what to write instead where
/// the mistake is a common one (`UK` for `GB`, `EL` for `GR`, `EU`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidCountryCode(pub String);

impl InvalidCountryCode {
    /// What to write instead, for the common mistakes.
    pub fn hint(&self) -> Option<&'static str> {
        Some(match self.0.as_str() {
            "UK" | "uk" | "Uk" => "the United Kingdom is \"GB\": use \"GB\"",
            "EL" => "Greece is \"GR\" (EL is the EU's own abbreviation): use \"GR\"",
            "EU" | "EEA" => {
                "the EU and the EEA are regions, not countries: name the member states, or for a transfer or system use `\"region\": \"eu\"` or `\"eea\"`"
            }
            s if s.len() == 2
                && s.bytes().all(|b| b.is_ascii_alphabetic())
                && s.bytes().any(|b| b.is_ascii_lowercase()) =>
            {
                "codes are written in upper case, e.g. \"GB\""
            }
            _ => return None,
        })
    }
}

impl fmt::Display for InvalidCountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid country code {:?}: expected an ISO 3166-1 alpha-2 code, e.g. \"GB\"",
            self.0
        )?;
        match self.hint() {
            Some(hint) => write!(f, "; {hint}"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for InvalidCountryCode {}

impl CountryCode {
    /// The country's English short name (ISO 3166-1, as Debian's iso-codes gives it); the code
    /// itself for a code the table does not hold.
    ///
    /// ```
    /// let us: ropa::CountryCode = "US".parse()?;
    /// assert_eq!(us.name(), "United States");
    /// # Ok::<(), ropa::InvalidCountryCode>(())
    /// ```
    pub fn name(&self) -> &str {
        let code = self.as_str();
        super::country_names::COUNTRY_NAMES
            .binary_search_by(|(c, _)| (*c).cmp(code))
            .map_or(code, |i| super::country_names::COUNTRY_NAMES[i].1)
    }

    /// The United Kingdom.
    pub const GB: CountryCode = CountryCode(*b"GB");
    /// The United States.
    pub const US: CountryCode = CountryCode(*b"US");
    /// Ireland.
    pub const IE: CountryCode = CountryCode(*b"IE");

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
            [a, b] if ISO_3166_1.binary_search(&s).is_ok() => Ok(Self([*a, *b])),
            _ => Err(InvalidCountryCode(s.to_owned())),
        }
    }
}

impl CountryCode {
    /// The country of an ISO 3166-1 alpha-3 code ("USA", "GBR"), as fides manifests name them;
    /// `None` for a code ISO does not assign.
    ///
    /// ```
    /// use ropa::CountryCode;
    /// assert_eq!(CountryCode::from_alpha_3("GBR"), "GB".parse().ok());
    /// assert_eq!(CountryCode::from_alpha_3("UK"), None);
    /// ```
    pub fn from_alpha_3(code: &str) -> Option<Self> {
        let table = crate::model::country_names::ALPHA_3;
        let i = table.binary_search_by(|(a3, _)| (*a3).cmp(code)).ok()?;
        table[i].1.parse().ok()
    }

    /// The country's ISO 3166-1 alpha-3 code ("GBR").
    ///
    /// ```
    /// let gb: ropa::CountryCode = "GB".parse()?;
    /// assert_eq!(gb.alpha_3(), Some("GBR"));
    /// # Ok::<(), ropa::InvalidCountryCode>(())
    /// ```
    pub fn alpha_3(self) -> Option<&'static str> {
        crate::model::country_names::ALPHA_3
            .iter()
            .find(|(_, a2)| *a2 == self.as_str())
            .map(|(a3, _)| *a3)
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
        crate::model::de::parse_str(deserializer, "an ISO 3166-1 alpha-2 country code", |s| {
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
            "description": "An ISO 3166-1 alpha-2 country code, e.g. \"GB\" (not \"UK\"): one of the 249 codes ISO 3166-1 assigns.",
            "type": "string",
            "pattern": format!("^({})$", ISO_3166_1.join("|"))
        })
    }
}

#[cfg(test)]
impl<'a> arbitrary::Arbitrary<'a> for CountryCode {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        let code = u.choose(ISO_3166_1)?.as_bytes();
        Ok(CountryCode([code[0], code[1]]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_unique_and_complete() {
        assert_eq!(ISO_3166_1.len(), 249);
        assert!(ISO_3166_1.windows(2).all(|w| w[0] < w[1]));
        for code in ISO_3166_1 {
            assert_eq!(code.parse::<CountryCode>().unwrap().as_str(), *code);
        }
    }

    #[test]
    fn every_alpha_3_code_names_its_country() {
        let table = crate::model::country_names::ALPHA_3;
        assert_eq!(table.len(), 249);
        assert!(table.windows(2).all(|w| w[0].0 < w[1].0));
        for (alpha_3, alpha_2) in table {
            let code = CountryCode::from_alpha_3(alpha_3).unwrap();
            assert_eq!(code.as_str(), *alpha_2);
        }
        assert_eq!(CountryCode::from_alpha_3("CAN").unwrap().as_str(), "CA");
        for unassigned in ["", "UK", "XXX", "usa", "GBRR"] {
            assert_eq!(CountryCode::from_alpha_3(unassigned), None, "{unassigned}");
        }
    }

    #[test]
    fn codes_of_the_right_shape_that_iso_does_not_assign_are_rejected() {
        for (code, hint) in [
            ("UK", Some("use \"GB\"")),
            ("EL", Some("use \"GR\"")),
            ("EU", Some("regions")),
            ("uk", Some("use \"GB\"")),
            ("gb", Some("upper case")),
            ("XX", None),
            ("XK", None),
            ("AA", None),
            ("ZZ", None),
            ("GBR", None),
            ("", None),
        ] {
            let error = code.parse::<CountryCode>().unwrap_err();
            assert_eq!(
                error.hint().map(|h| h.contains(hint.unwrap_or(""))),
                hint.map(|_| true),
                "{code}"
            );
            let message = error.to_string();
            assert!(message.contains("ISO 3166-1 alpha-2"), "{message}");
            if let Some(hint) = hint {
                assert!(message.contains(hint), "{message}");
            }
        }
    }
}
