//! Free text as spreadsheets hold it, read into typed facts: the words a DPO writes in a cell
//! ("Public task - Art 6(1)(e)", "SPI - Sch 1 para 6", "6 years after last contact", "USA - UK
//! IDTA", "Yes - completed March 2024", "N/A", "TBC", "see above").
//!
//! Every recogniser is a pure function of the text; none guesses. What none of them types is kept
//! verbatim by the importer, so a cell is typed, or noted, and never lost.

mod basis;
mod place;
mod retention;

pub(crate) use basis::{article_6, article_9, schedule_1, transfer_mechanism};
pub(crate) use place::{Place, countries, country_name};
pub(crate) use retention::retention;

/// What a cell says before its words are read: nothing on purpose, a gap still to fill, a
/// reference to the row above, or text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Meaning<'t> {
    /// Empty, or "N/A", "-", "none", "not applicable": an explicit nothing.
    Nothing,
    /// "TBC", "TBD", "to be confirmed": a gap the organisation knows of.
    ToBeConfirmed,
    /// "see above", "as above", "ditto": the cell of the row above.
    AsAbove,
    /// Anything else.
    Text(&'t str),
}

/// What a cell says, from its trimmed, case-folded words.
pub(crate) fn meaning(cell: &str) -> Meaning<'_> {
    let text = cell.trim();
    let folded = fold(text);
    let bare = folded.trim_end_matches(['.', '!']).trim();
    match bare {
        "" | "-" | "--" | "n/a" | "na" | "n / a" | "none" | "not applicable" | "nil" => {
            Meaning::Nothing
        }
        "tbc" | "tbd" | "to be confirmed" | "to be decided" | "to be determined" | "?" => {
            Meaning::ToBeConfirmed
        }
        "see above" | "as above" | "ditto" | "same as above" | "\"" => Meaning::AsAbove,
        _ => Meaning::Text(text),
    }
}

/// The values of a multi-value cell: split on ";", line breaks and bullets, trimmed, empty parts
/// dropped. A cell of one value gives that value.
pub(crate) fn values(cell: &str) -> Vec<&str> {
    cell.split([';', '\n', '\r', '•', '\u{2023}', '\u{25e6}'])
        .map(|part| {
            let part = part.trim();
            // A list marker at the start of a line ("- Name", "* Name", "1. Name").
            let part = part
                .strip_prefix("- ")
                .or_else(|| part.strip_prefix("* "))
                .or_else(|| part.strip_prefix("\u{2013} "))
                .unwrap_or(part);
            strip_number_marker(part).trim()
        })
        .filter(|part| !part.is_empty())
        .collect()
}

/// "1. Name" or "2) Name" as "Name"; anything else as it is.
fn strip_number_marker(part: &str) -> &str {
    let digits = part.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return part;
    }
    match part[digits..]
        .strip_prefix(". ")
        .or(part[digits..].strip_prefix(") "))
    {
        Some(rest) => rest,
        None => part,
    }
}

/// The lines of a cell: split on line breaks and bullets only, for values that are sentences and
/// may hold a ";" of their own (a purpose).
pub(crate) fn lines(cell: &str) -> Vec<&str> {
    cell.split(['\n', '\r', '•', '\u{2023}', '\u{25e6}'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect()
}

/// Text in lower case with runs of white space as one space, for matching words.
pub(crate) fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.extend(word.chars().flat_map(char::to_lowercase));
    }
    folded
}

/// A yes or no at the start of a cell ("Yes - completed March 2024", "No", "Y"), with the words
/// after it.
pub(crate) fn yes_no(cell: &str) -> Option<(bool, &str)> {
    let text = cell.trim();
    let word_end = text
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(text.len());
    let answer = match text[..word_end].to_lowercase().as_str() {
        "yes" | "y" | "true" => true,
        "no" | "n" | "false" => false,
        _ => return None,
    };
    let rest = text[word_end..].trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '\u{2013}' | '\u{2014}' | ',' | ':' | '.' | '(')
    });
    Some((answer, rest.trim_end_matches(')').trim()))
}

/// A number written as digits or as a word up to twenty ("6", "six", "a", "one").
pub(crate) fn number(word: &str) -> Option<u32> {
    if let Ok(n) = word.parse() {
        return Some(n);
    }
    const WORDS: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    match word {
        "a" | "an" => Some(1),
        _ => WORDS.iter().position(|w| *w == word).map(|n| n as u32),
    }
}

/// Whether `text` (folded) holds `word` as a whole word.
pub(crate) fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explicit_nothing_gaps_and_references_are_told_from_text() {
        for nothing in ["", " ", "N/A", "n/a", "-", "None", "Not applicable.", "NA"] {
            assert_eq!(meaning(nothing), Meaning::Nothing, "{nothing:?}");
        }
        for gap in ["TBC", "tbc", "To be confirmed", "TBD"] {
            assert_eq!(meaning(gap), Meaning::ToBeConfirmed, "{gap:?}");
        }
        for above in ["see above", "As above", "Ditto"] {
            assert_eq!(meaning(above), Meaning::AsAbove, "{above:?}");
        }
        assert_eq!(meaning(" Name; address "), Meaning::Text("Name; address"));
        assert_eq!(
            meaning("None of the above"),
            Meaning::Text("None of the above")
        );
    }

    #[test]
    fn multi_value_cells_split_on_semicolons_lines_and_bullets() {
        assert_eq!(
            values("Name; Address;; Email"),
            ["Name", "Address", "Email"]
        );
        assert_eq!(
            values("Name\nAddress\r\nEmail"),
            ["Name", "Address", "Email"]
        );
        assert_eq!(values("• Name\n• Address"), ["Name", "Address"]);
        assert_eq!(values("- Name\n- Date of birth"), ["Name", "Date of birth"]);
        assert_eq!(values("1. Name\n2) Address"), ["Name", "Address"]);
        assert_eq!(values("2024 budget"), ["2024 budget"]);
        assert!(values(" ; \n").is_empty());
    }

    #[test]
    fn yes_and_no_keep_the_words_after_them() {
        assert_eq!(
            yes_no("Yes - completed March 2024"),
            Some((true, "completed March 2024"))
        );
        assert_eq!(yes_no("No"), Some((false, "")));
        assert_eq!(yes_no("y"), Some((true, "")));
        assert_eq!(yes_no("Yes (see DPIA log)"), Some((true, "see DPIA log")));
        assert_eq!(yes_no("Yearly"), None);
        assert_eq!(yes_no("Not yet"), None);
    }

    #[test]
    fn numbers_are_digits_or_words() {
        assert_eq!(number("6"), Some(6));
        assert_eq!(number("six"), Some(6));
        assert_eq!(number("a"), Some(1));
        assert_eq!(number("twenty"), Some(20));
        assert_eq!(number("many"), None);
    }

    #[test]
    fn whole_words_only() {
        assert!(has_word("public task", "task"));
        assert!(!has_word("multitask", "task"));
        assert!(has_word("(uk) idta", "uk"));
        assert!(!has_word("ukraine", "uk"));
    }
}
