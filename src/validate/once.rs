//! One cause, one finding: places that share one gap are reported together.

use super::{Context, Rule};

/// Reports one finding for the places that share one gap: at the first place, naming them all
/// when there are several.
pub(crate) fn report_once(
    ctx: &mut Context<'_>,
    rule: &Rule,
    places: &[(String, String)],
    one: impl FnOnce(&str) -> String,
    many: impl FnOnce(&str) -> String,
) {
    let Some((first, label)) = places.first() else {
        return;
    };
    let message = if places.len() == 1 {
        one(label)
    } else {
        let listed: Vec<String> = places
            .iter()
            .map(|(path, label)| format!("{path} ({label})"))
            .collect();
        many(&listed.join("; "))
    };
    ctx.report(rule, first.clone(), message);
}
