//! The nearest valid name for a misspelt field or vocabulary value, so that a parse error says
//! "did you mean `purposes`?" instead of listing every field the object may have.

/// How alike two names must be (Jaro-Winkler, 0 to 1) for one to be offered for the other: the
/// threshold clap uses for misspelt options.
const ALIKE: f64 = 0.8;

/// serde's message for an unknown field or variant, with the nearest expected name offered in
/// place of the list; the message unchanged where it is of another kind or no name is near.
pub(crate) fn with_suggestion(message: &str) -> String {
    let Some((what, rest)) = ["unknown field `", "unknown variant `"]
        .iter()
        .find_map(|prefix| message.strip_prefix(prefix).map(|rest| (*prefix, rest)))
    else {
        return message.to_owned();
    };
    let Some((given, expected)) = rest.split_once("`, expected ") else {
        return message.to_owned();
    };
    let nearest = names_in(expected)
        .map(|name| (strsim::jaro_winkler(given, name), name))
        .filter(|(likeness, _)| *likeness >= ALIKE)
        // The first of equally near names, in the order serde lists them.
        .fold(
            None,
            |best: Option<(f64, &str)>, (likeness, name)| match best {
                Some((best_likeness, _)) if best_likeness >= likeness => best,
                _ => Some((likeness, name)),
            },
        );
    match nearest {
        Some((_, name)) => format!("{what}{given}`: did you mean `{name}`?"),
        None => message.to_owned(),
    }
}

/// The names in serde's "one of `a`, `b`" or "`a` or `b`" list.
fn names_in(expected: &str) -> impl Iterator<Item = &str> {
    expected.split('`').skip(1).step_by(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_field_gets_the_nearest_name_instead_of_the_list() {
        let message = "unknown field `purpose`, expected one of `id`, `name`, `purposes`, `role`";
        assert_eq!(
            with_suggestion(message),
            "unknown field `purpose`: did you mean `purposes`?"
        );
    }

    #[test]
    fn a_misspelt_value_gets_the_nearest_value() {
        let message = "unknown variant `contrller`, expected one of `controller`, `joint_controller`, `processor`";
        assert_eq!(
            with_suggestion(message),
            "unknown variant `contrller`: did you mean `controller`?"
        );
        let two = "unknown variant `tru`, expected `true` or `false`";
        assert_eq!(
            with_suggestion(two),
            "unknown variant `tru`: did you mean `true`?"
        );
    }

    #[test]
    fn with_no_near_name_the_list_stays() {
        let message = "unknown field `zzzz`, expected one of `id`, `name`";
        assert_eq!(with_suggestion(message), message);
        assert_eq!(with_suggestion("missing field `id`"), "missing field `id`");
        assert_eq!(with_suggestion("unknown field `x`"), "unknown field `x`");
    }

    #[test]
    fn the_nearest_name_wins_over_an_earlier_near_one() {
        let message =
            "unknown field `data_categorys`, expected one of `data_subjects`, `data_categories`";
        assert_eq!(
            with_suggestion(message),
            "unknown field `data_categorys`: did you mean `data_categories`?"
        );
    }

    #[test]
    fn of_two_equally_near_names_the_first_listed_wins() {
        let message = "unknown field `ab`, expected one of `abc`, `abd`";
        assert_eq!(
            with_suggestion(message),
            "unknown field `ab`: did you mean `abc`?"
        );
    }
}
