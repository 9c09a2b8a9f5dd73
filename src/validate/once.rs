//! One cause, one finding: places that share one gap are reported together.

use super::{Context, Rule};

/// Reports one finding for the places that share one gap: at the place when there is one; when
/// there are several, at `holder`, the object that holds them all, naming each place (so that
/// the finding stays where it is when the places are reordered).
pub(crate) fn report_once(
    ctx: &mut Context<'_>,
    rule: &Rule,
    places: &[(String, String)],
    holder: &str,
    one: impl FnOnce(&str) -> String,
    many: impl FnOnce(&str) -> String,
) {
    let Some((first, label)) = places.first() else {
        return;
    };
    let (at, message) = if places.len() == 1 {
        (first.clone(), one(label))
    } else {
        let listed: Vec<String> = places
            .iter()
            .map(|(path, label)| format!("{path} ({label})"))
            .collect();
        (holder.to_owned(), many(&listed.join("; ")))
    };
    ctx.report(rule, at, message);
}
