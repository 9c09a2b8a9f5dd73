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

/// The form under which two ids count as the same to a reader: invisible and default-ignorable
/// characters dropped (a TAG character after `org` hides nothing), lower case, then Unicode's
/// confusable skeleton (UTS #39: NFD and the confusables table, so Cyrillic `а`, mathematical
/// `𝐨𝐫𝐠`, fullwidth forms and `0` beside `o` fold to one), in lower case.
pub(crate) fn skeleton(id: &str) -> String {
    let lower: String = id
        .chars()
        .filter(|c| !is_ignorable(*c))
        .flat_map(char::to_lowercase)
        .collect();
    unicode_security::skeleton(&lower)
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether a character is dropped from a skeleton: one of [`is_invisible`], or a default-ignorable
/// character beyond the Basic Multilingual Plane (the TAG characters, the musical symbol formats,
/// the shorthand format controls), which no text shows.
fn is_ignorable(c: char) -> bool {
    is_invisible(c)
        || matches!(c, '\u{E0000}'..='\u{E0FFF}' | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}')
}

/// The longest name, in characters, that [`mention`] shows whole.
pub(crate) const MENTION_CHARS: usize = 80;

/// How many characters of a longer name [`mention`] keeps.
const MENTION_KEPT_CHARS: usize = 60;

/// The longest id, in bytes, that [`bounded_id`] keeps whole.
pub(crate) const ID_BYTES: usize = 64;

/// A name where it is repeated: in a finding about something else, in a row or change that refers
/// to the item. Whole up to [`MENTION_CHARS`] characters; a longer one is cut to its first 60
/// characters, an ellipsis and the item's id, so that a name referred to N times costs N times a
/// constant, never N times the name. The full name stays where the item itself is shown.
pub(crate) fn mention<'a>(name: &'a str, id: &str) -> std::borrow::Cow<'a, str> {
    // No more bytes than the limit means no more characters: most names stop here.
    if name.len() <= MENTION_CHARS {
        return std::borrow::Cow::Borrowed(name);
    }
    match name.char_indices().nth(MENTION_CHARS) {
        None => std::borrow::Cow::Borrowed(name),
        Some(_) => {
            let kept = name
                .char_indices()
                .nth(MENTION_KEPT_CHARS)
                .map_or(name.len(), |(end, _)| end);
            let name = name[..kept].trim_end();
            std::borrow::Cow::Owned(if id.is_empty() {
                format!("{name}…")
            } else {
                format!("{name}… (id {})", bounded_id(id))
            })
        }
    }
}

/// A text where it is repeated: whole up to `max` characters, else its first `max` and an ellipsis.
pub(crate) fn cut(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => std::borrow::Cow::Borrowed(text),
        Some((end, _)) => std::borrow::Cow::Owned(format!("{}…", &text[..end])),
    }
}

/// An id where it is repeated: whole up to [`ID_BYTES`]; a longer one cut to its first 32 bytes
/// (to a character boundary), an ellipsis and its 128-bit FNV-1a hash in hex, which keeps two long
/// ids apart.
pub(crate) fn bounded_id(id: &str) -> std::borrow::Cow<'_, str> {
    if id.len() <= ID_BYTES {
        return std::borrow::Cow::Borrowed(id);
    }
    let mut end = 32;
    while !id.is_char_boundary(end) {
        end -= 1;
    }
    std::borrow::Cow::Owned(format!("{}…{:032x}", &id[..end], fnv1a_128(id.as_bytes())))
}

/// FNV-1a, 128 bits: a hash that is the same on every platform and in every version, as a
/// fingerprint or a cut id must be (the standard library's hashers promise neither).
pub(crate) fn fnv1a_128(bytes: &[u8]) -> u128 {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    bytes.iter().fold(OFFSET, |hash, &byte| {
        (hash ^ u128::from(byte)).wrapping_mul(PRIME)
    })
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
            // A TAG character (invisible, beyond the BMP) after the id.
            ("org", "org\u{E0041}"),
            // Mathematical alphanumeric look-alikes.
            ("org", "\u{1D428}\u{1D42B}\u{1D420}"),
            ("nhs", "\u{1D5FB}\u{1D5F5}\u{1D600}"),
        ];
        for (a, b) in same {
            assert_eq!(skeleton(a), skeleton(b), "{a:?} {b:?}");
        }
        for (a, b) in [("dpa", "dpb"), ("apd", "apd2"), ("x", "y"), ("org", "orgs")] {
            assert_ne!(skeleton(a), skeleton(b), "{a:?} {b:?}");
        }
    }

    #[test]
    fn a_long_name_is_cut_where_it_is_mentioned() {
        let short = "é".repeat(MENTION_CHARS);
        assert_eq!(
            mention(&short, "x"),
            short.as_str(),
            "80 characters stay whole"
        );
        let long = format!("{short}é");
        let mentioned = mention(&long, "host");
        assert_eq!(mentioned, format!("{}… (id host)", "é".repeat(60)));
        assert_eq!(mention(&long, ""), format!("{}…", "é".repeat(60)));
        // Trailing space before the ellipsis is dropped.
        let spaced = format!("{} {}", "a".repeat(59), "b".repeat(40));
        assert_eq!(mention(&spaced, "i"), format!("{}… (id i)", "a".repeat(59)));
        // A long id is cut too, to 32 bytes and a hash that tells two long ids apart.
        let id_a = "a".repeat(100);
        let id_b = format!("{}b", "a".repeat(99));
        let (a, b) = (mention(&long, &id_a), mention(&long, &id_b));
        assert_ne!(a, b);
        assert!(a.len() < 60 * 2 + 100, "{a}");
        assert_eq!(bounded_id(&"x".repeat(ID_BYTES)), "x".repeat(ID_BYTES));
        assert_eq!(
            bounded_id(&"x".repeat(ID_BYTES + 1)),
            format!(
                "{}…{:032x}",
                "x".repeat(32),
                fnv1a_128("x".repeat(65).as_bytes())
            )
        );
        // A cut falls on a character boundary.
        assert!(
            bounded_id(&format!("{}é{}", "x".repeat(31), "y".repeat(40)))
                .starts_with(&"x".repeat(31))
        );
        assert_eq!(cut("abc", 3), "abc");
        assert_eq!(cut("abcd", 3), "abc…");
    }
}
