//! Countries and regions as people name them in a cell: "USA", "United States", "UK", "EU",
//! "India (support desk)", or an upper-case ISO 3166-1 code.

use super::{fold, has_word};
use crate::model::{CountryCode, Region};

/// Where data goes: a country, or a region the record can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    Country(CountryCode),
    Region(Region),
}

/// Names, in lower case, and the ISO 3166-1 code each stands for. Longer names first, so that
/// "south africa" is not read as "africa".
const NAMES: &[(&str, &str)] = &[
    ("united states of america", "US"),
    ("united states", "US"),
    ("usa", "US"),
    ("u.s.a.", "US"),
    ("u.s.", "US"),
    ("america", "US"),
    ("united kingdom", "GB"),
    ("great britain", "GB"),
    ("england", "GB"),
    ("scotland", "GB"),
    ("wales", "GB"),
    ("northern ireland", "GB"),
    ("uk", "GB"),
    ("republic of ireland", "IE"),
    ("ireland", "IE"),
    ("south africa", "ZA"),
    ("south korea", "KR"),
    ("republic of korea", "KR"),
    ("korea", "KR"),
    ("new zealand", "NZ"),
    ("united arab emirates", "AE"),
    ("uae", "AE"),
    ("saudi arabia", "SA"),
    ("hong kong", "HK"),
    ("czech republic", "CZ"),
    ("czechia", "CZ"),
    ("holland", "NL"),
    ("the netherlands", "NL"),
    ("netherlands", "NL"),
    ("isle of man", "IM"),
    ("faroe islands", "FO"),
    ("argentina", "AR"),
    ("australia", "AU"),
    ("austria", "AT"),
    ("belgium", "BE"),
    ("brazil", "BR"),
    ("bulgaria", "BG"),
    ("canada", "CA"),
    ("china", "CN"),
    ("croatia", "HR"),
    ("cyprus", "CY"),
    ("denmark", "DK"),
    ("egypt", "EG"),
    ("estonia", "EE"),
    ("finland", "FI"),
    ("france", "FR"),
    ("germany", "DE"),
    ("gibraltar", "GI"),
    ("greece", "GR"),
    ("guernsey", "GG"),
    ("hungary", "HU"),
    ("iceland", "IS"),
    ("india", "IN"),
    ("indonesia", "ID"),
    ("israel", "IL"),
    ("italy", "IT"),
    ("japan", "JP"),
    ("jersey", "JE"),
    ("kenya", "KE"),
    ("latvia", "LV"),
    ("liechtenstein", "LI"),
    ("lithuania", "LT"),
    ("luxembourg", "LU"),
    ("malaysia", "MY"),
    ("malta", "MT"),
    ("mexico", "MX"),
    ("nigeria", "NG"),
    ("norway", "NO"),
    ("pakistan", "PK"),
    ("philippines", "PH"),
    ("poland", "PL"),
    ("portugal", "PT"),
    ("romania", "RO"),
    ("russia", "RU"),
    ("singapore", "SG"),
    ("slovakia", "SK"),
    ("slovenia", "SI"),
    ("spain", "ES"),
    ("sri lanka", "LK"),
    ("sweden", "SE"),
    ("switzerland", "CH"),
    ("taiwan", "TW"),
    ("thailand", "TH"),
    ("turkey", "TR"),
    ("türkiye", "TR"),
    ("ukraine", "UA"),
    ("uruguay", "UY"),
    ("vietnam", "VN"),
];

/// The countries and regions a value names, in the order they appear, each once.
pub(crate) fn countries(value: &str) -> Vec<Place> {
    let text = fold(value);
    let mut found: Vec<(usize, Place)> = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    // "Outside the UK" names a region, not the UK.
    for (phrase, region) in [
        ("outside the uk", Region::OutsideUk),
        ("outside the united kingdom", Region::OutsideUk),
        ("outside the eea", Region::OutsideEea),
        ("outside the european economic area", Region::OutsideEea),
    ] {
        if let Some(at) = text.find(phrase) {
            found.push((at, Place::Region(region)));
            taken.push((at, at + phrase.len()));
        }
    }
    for (name, code) in NAMES {
        for (at, _) in text.match_indices(name) {
            let end = at + name.len();
            let whole = !text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && !text[end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            if whole
                && !taken.iter().any(|&(s, e)| at < e && s < end)
                && let Ok(country) = code.parse()
            {
                found.push((at, Place::Country(country)));
                taken.push((at, end));
            }
        }
    }
    for (words, region) in [
        (&["eea", "european economic area"][..], Region::Eea),
        (&["eu", "european union", "europe"][..], Region::Eu),
    ] {
        let free = |at: usize| !taken.iter().any(|&(s, e)| s <= at && at < e);
        let first = words.iter().find_map(|w| {
            text.match_indices(w).map(|(at, _)| at).find(|&at| {
                free(at) && has_word(&text[at..at + w.len()], w) && whole(&text, at, w.len())
            })
        });
        if let Some(at) = first {
            found.push((at, Place::Region(region)));
        }
    }
    found.extend(codes(value));
    found.sort_by_key(|(at, _)| *at);
    let mut places: Vec<Place> = Vec::new();
    for (_, place) in found {
        if !places.contains(&place) {
            places.push(place);
        }
    }
    places
}

/// Whether `text[at..at + len]` is a word of its own.
fn whole(text: &str, at: usize, len: usize) -> bool {
    !text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
        && !text[at + len..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

/// Upper-case two-letter ISO 3166-1 codes written as words of their own ("US", "IN"), other than
/// those that are also English words in capitals ("IT", "IS", "NO", "AT", "BE", "TO" and the like
/// are read only where written as names).
fn codes(value: &str) -> Vec<(usize, Place)> {
    const WORDS: &[&str] = &[
        "IT", "IS", "NO", "AT", "BE", "IN", "AS", "ID", "ME", "MY", "AM", "DO", "GO", "SO", "TO",
        "UK", "EU",
    ];
    let mut found = Vec::new();
    let mut at = 0;
    for word in value.split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.len() == 2
            && word.bytes().all(|b| b.is_ascii_uppercase())
            && !WORDS.contains(&word)
            && let Ok(country) = word.parse::<CountryCode>()
        {
            found.push((at, Place::Country(country)));
        }
        at += word.len() + 1;
    }
    found
}

/// A country's name as a cell would give it, which [`countries`] reads back: "USA", "UK", else
/// its name from the table, else its code.
pub(crate) fn country_name(country: CountryCode) -> String {
    match country.as_str() {
        "US" => "USA".to_owned(),
        "GB" => "UK".to_owned(),
        code => NAMES
            .iter()
            .filter(|(_, c)| *c == code)
            .map(|(name, _)| *name)
            .next_back()
            .map_or_else(|| code.to_owned(), title_case),
    }
}

fn title_case(name: &str) -> String {
    name.split(' ')
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn country(code: &str) -> Place {
        Place::Country(code.parse().unwrap())
    }

    #[test]
    fn names_codes_and_regions() {
        assert_eq!(
            countries("USA (Google Analytics) - UK IDTA"),
            [country("US"), country("GB")]
        );
        assert_eq!(
            countries("United States; India"),
            [country("US"), country("IN")]
        );
        assert_eq!(countries("South Africa"), [country("ZA")]);
        assert_eq!(countries("Servers in the EU"), [Place::Region(Region::Eu)]);
        assert_eq!(countries("EEA"), [Place::Region(Region::Eea)]);
        assert_eq!(
            countries("Outside the UK"),
            [Place::Region(Region::OutsideUk)]
        );
        assert_eq!(
            countries("Outside the EEA"),
            [Place::Region(Region::OutsideEea)]
        );
        assert_eq!(countries("CA and JP"), [country("CA"), country("JP")]);
        assert_eq!(countries("Processed in Ireland"), [country("IE")]);
    }

    #[test]
    fn names_written_are_names_read() {
        for code in ["US", "GB", "IN", "ZA", "NL", "CA", "KR", "IT", "NO", "AT"] {
            let country: CountryCode = code.parse().unwrap();
            assert_eq!(
                countries(&country_name(country)),
                [Place::Country(country)],
                "{code}"
            );
        }
    }

    #[test]
    fn words_that_look_like_places_are_not_places() {
        assert!(countries("None").is_empty());
        assert!(countries("IT department").is_empty());
        assert!(countries("Ukraine").iter().all(|p| *p == country("UA")));
        assert!(countries("Amerigo Ltd").is_empty());
        assert!(countries("Data is held in the office").is_empty());
    }
}
