//! Text that says nothing, and ids that look alike.
//!
//! A register can seem to state a fact while holding only spaces or invisible characters (a
//! zero-width space as the law relied on), and two ids can look the same while differing (`nhs`
//! and `NHS`, `apd` and `аpd` with a Cyrillic `а`). Validation treats the first as absent and
//! reports the second, so that neither hides a gap.

/// Characters that show nothing, besides Unicode white space: controls, format characters
/// (zero-width spaces and joiners, bidirectional controls, the byte-order mark, the soft hyphen),
/// fillers and variation selectors. Basic Multilingual Plane only, so that the strict JSON Schema
/// can say the same with a `\uXXXX` character class that every regex dialect reads.
pub(crate) const INVISIBLE: &[(char, char)] = &[
    ('\u{0000}', '\u{001F}'),
    ('\u{007F}', '\u{009F}'),
    ('\u{00AD}', '\u{00AD}'),
    ('\u{034F}', '\u{034F}'),
    ('\u{061C}', '\u{061C}'),
    ('\u{115F}', '\u{1160}'),
    ('\u{17B4}', '\u{17B5}'),
    ('\u{180B}', '\u{180F}'),
    ('\u{200B}', '\u{200F}'),
    ('\u{202A}', '\u{202E}'),
    ('\u{2060}', '\u{206F}'),
    ('\u{2800}', '\u{2800}'),
    ('\u{3164}', '\u{3164}'),
    ('\u{FE00}', '\u{FE0F}'),
    ('\u{FEFF}', '\u{FEFF}'),
    ('\u{FFA0}', '\u{FFA0}'),
    ('\u{FFF9}', '\u{FFFB}'),
];

/// Unicode white space (Rust's `char::is_whitespace`) as ranges, for the schema's pattern.
const WHITE_SPACE: &[(char, char)] = &[
    ('\u{0009}', '\u{000D}'),
    ('\u{0020}', '\u{0020}'),
    ('\u{0085}', '\u{0085}'),
    ('\u{00A0}', '\u{00A0}'),
    ('\u{1680}', '\u{1680}'),
    ('\u{2000}', '\u{200A}'),
    ('\u{2028}', '\u{2029}'),
    ('\u{202F}', '\u{202F}'),
    ('\u{205F}', '\u{205F}'),
    ('\u{3000}', '\u{3000}'),
];

/// Whether a character shows nothing: white space or one of [`INVISIBLE`].
pub(crate) fn is_invisible(c: char) -> bool {
    c.is_whitespace() || INVISIBLE.iter().any(|&(lo, hi)| lo <= c && c <= hi)
}

/// Whether a text is empty, white space or invisible characters only: it states nothing.
pub(crate) fn is_blank(text: &str) -> bool {
    text.chars().all(is_invisible)
}

/// Whether an optional text states something.
pub(crate) fn is_stated(text: Option<&str>) -> bool {
    text.is_some_and(|t| !is_blank(t))
}

/// A JSON Schema `pattern` (ECMA-262) that matches a text holding at least one character that is
/// not blank in the sense of [`is_blank`].
pub(crate) fn visible_pattern() -> String {
    let mut class = String::from("[^");
    for &(lo, hi) in WHITE_SPACE.iter().chain(INVISIBLE) {
        class.push_str(&format!("\\u{:04X}", lo as u32));
        if hi != lo {
            class.push_str(&format!("-\\u{:04X}", hi as u32));
        }
    }
    class.push(']');
    class
}

/// The form under which two ids count as the same to a reader: lower case, invisible characters
/// dropped, and letters that look alike (Cyrillic and Greek letters shaped like Latin ones,
/// fullwidth forms, the digits 0 and 1 beside o and l, dashes beside the hyphen) folded to one.
/// A subset of the Unicode confusables (UTS #39) that covers the letters ids are made of.
pub(crate) fn skeleton(id: &str) -> impl Iterator<Item = char> + '_ {
    id.chars()
        .flat_map(char::to_lowercase)
        .filter(|c| !is_invisible(*c))
        .map(fold)
}

/// One character of a [`skeleton`]: fullwidth ASCII to ASCII, look-alike letters to one.
fn fold(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    match c {
        'а' | 'α' => 'a',
        'в' | 'β' => 'b',
        'с' | 'ϲ' => 'c',
        'ԁ' => 'd',
        'е' | 'ε' | 'ё' => 'e',
        'ɡ' => 'g',
        'һ' | 'η' => 'h',
        'і' | 'ι' | 'ı' => 'i',
        'ӏ' | '1' | '|' => 'l',
        'ј' => 'j',
        'к' | 'κ' => 'k',
        'м' | 'μ' => 'm',
        'п' => 'n',
        'о' | 'ο' | 'ө' | '0' => 'o',
        'р' | 'ρ' => 'p',
        'ԛ' => 'q',
        'ѕ' => 's',
        'т' | 'τ' => 't',
        'υ' | 'ս' => 'u',
        'ν' | 'ѵ' => 'v',
        'ԝ' | 'ѡ' => 'w',
        'х' | 'χ' => 'x',
        'у' | 'γ' | 'ү' => 'y',
        'ζ' => 'z',
        '–' | '—' | '‐' | '‑' | '‒' | '−' => '-',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_text() {
        for blank in [
            "",
            " ",
            "\t\n",
            "\u{200B}",
            " \u{FEFF}\u{200D} ",
            "\u{2800}",
            "\u{3164}",
        ] {
            assert!(is_blank(blank), "{blank:?}");
        }
        for text in ["a", " Children Act 1989 ", "\u{200B}x"] {
            assert!(!is_blank(text), "{text:?}");
        }
        assert!(!is_stated(None));
        assert!(!is_stated(Some("\u{00A0}")));
        assert!(is_stated(Some("Fraud prevention")));
    }

    #[test]
    fn the_pattern_agrees_with_is_blank_on_every_bmp_character() {
        let pattern = visible_pattern();
        assert!(pattern.starts_with("[^\\u0009-\\u000D\\u0020"));
        // Every range of the pattern is a range of is_invisible, and the reverse.
        for c in (0..=0xFFFF).filter_map(char::from_u32) {
            let in_class = WHITE_SPACE
                .iter()
                .chain(INVISIBLE)
                .any(|&(lo, hi)| lo <= c && c <= hi);
            assert_eq!(in_class, is_invisible(c), "{:04X}", c as u32);
        }
    }

    #[test]
    fn look_alike_ids_share_a_skeleton() {
        let same = [
            ("nhs", "NHS"),
            ("apd", "\u{0430}pd"),
            ("dpa", " dpa\u{200B}"),
            ("o1", "0l"),
            ("microsoft", "ｍｉｃｒｏｓｏｆｔ"),
            ("cons-ent", "cons\u{2013}ent"),
        ];
        for (a, b) in same {
            assert!(skeleton(a).eq(skeleton(b)), "{a:?} {b:?}");
        }
        for (a, b) in [("dpa", "dpb"), ("apd", "apd2"), ("x", "y")] {
            assert!(!skeleton(a).eq(skeleton(b)), "{a:?} {b:?}");
        }
    }
}
