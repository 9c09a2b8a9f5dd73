//! Text as a SARIF message string holds it: SARIF gives braces and brackets a meaning of their own.

/// Escapes text for a SARIF message string, which is not plain text: `{0}` is a placeholder
/// (SARIF 2.1.0 §3.11.5, literal braces are doubled) and `[text](uri)` an embedded link
/// (§3.11.6, literal brackets take a backslash, and so does a backslash before a bracket or a
/// backslash). Bidi controls are shown as `[U+202E]`, as in every report, so that a value cannot
/// reorder the message around it.
pub(crate) fn sarif_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' => out.push_str("{{"),
            '}' => out.push_str("}}"),
            '[' => out.push_str("\\["),
            ']' => out.push_str("\\]"),
            '\\' if chars.peek().is_some_and(|&next| opens_an_escape(next)) => {
                out.push_str("\\\\");
            }
            c if crate::report::sink::is_bidi_control(c) => {
                use std::fmt::Write as _;
                let _ = write!(out, "\\[U+{:04X}\\]", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// Whether a backslash before this character would be read as an escape once
/// [`sarif_text`] has written it.
fn opens_an_escape(next: char) -> bool {
    matches!(next, '[' | ']' | '\\') || crate::report::sink::is_bidi_control(next)
}

#[cfg(test)]
mod tests {
    use super::sarif_text;

    #[test]
    fn braces_are_doubled_so_no_value_is_a_placeholder() {
        assert_eq!(sarif_text("{0} and }"), "{{0}} and }}");
    }

    #[test]
    fn brackets_are_escaped_so_no_value_is_a_link() {
        assert_eq!(
            sarif_text("[Click](https://evil.example)"),
            "\\[Click\\](https://evil.example)"
        );
    }

    #[test]
    fn a_backslash_is_escaped_only_where_it_would_start_an_escape() {
        assert_eq!(sarif_text("a\\b"), "a\\b");
        assert_eq!(sarif_text("a\\[b"), "a\\\\\\[b");
        assert_eq!(sarif_text("a\\]"), "a\\\\\\]");
        assert_eq!(sarif_text("a\\\\b"), "a\\\\\\b");
        assert_eq!(sarif_text("a\\\u{202e}"), "a\\\\\\[U+202E\\]");
    }

    #[test]
    fn bidi_controls_are_shown_not_obeyed() {
        assert_eq!(
            sarif_text("x\u{202e}y\u{2066}"),
            "x\\[U+202E\\]y\\[U+2066\\]"
        );
    }

    #[test]
    fn plain_text_is_kept() {
        assert_eq!(
            sarif_text("Retention: P6Y (UK GDPR Art 30(1)(f))"),
            "Retention: P6Y (UK GDPR Art 30(1)(f))"
        );
    }
}
