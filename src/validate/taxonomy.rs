//! What a data category's taxonomy keys say against what the register marks: a key that names
//! special category or criminal offence data on a category not marked so is data the Art 9 and
//! Art 10 rules cannot see.

use super::{ActivityContext, Context, Rule, Severity};
use crate::model::labels::Label;
use crate::model::{DataCategory, KeyedKind, SpecialCategoryKind, TaxonomyKey, keyed_kind};

/// Fires on a data category whose taxonomy key names special category data (`fides:user.
/// health_and_medical`, `pd:HealthRecord`) but which is not marked special category data. An
/// error where the organisation controls the activity and records no Art 9(2) condition for
/// it: the record shows special category data processed with no condition. A warning where a
/// condition is recorded (the marking is missing, not the condition), for a processor's
/// activity, and for biometric keys, since biometric data is special category data only when
/// processed to identify a person uniquely (Art 9(1)), which a key does not say.
pub const TAXONOMY_SPECIAL_CATEGORY_UNMARKED: Rule = Rule {
    id: "taxonomy-special-category-unmarked",
    severity: Severity::Error,
    citation: "Art 9(1)",
    summary: "A data category whose taxonomy key names special category data is not marked so.",
};

/// Fires on a data category whose taxonomy key names criminal offence data (`fides:user.
/// criminal_history`, `pd:CriminalConviction`) but which is not marked criminal offence data.
/// An error where the organisation controls the activity and records no Art 10 authority; a
/// warning where one is recorded, or the activity is a processor's.
pub const TAXONOMY_CRIMINAL_OFFENCE_UNMARKED: Rule = Rule {
    id: "taxonomy-criminal-offence-unmarked",
    severity: Severity::Error,
    citation: "Art 10",
    summary: "A data category whose taxonomy key names criminal offence data is not marked so.",
};

/// Fires on a data category marked as special category data of one kind whose taxonomy key
/// names another kind (marked health, keyed `fides:user.demographic.race_ethnicity`): one of the
/// two is wrong, and the condition relied on may not serve the other.
pub const TAXONOMY_CONTRADICTS_KIND: Rule = Rule {
    id: "taxonomy-contradicts-kind",
    severity: Severity::Warning,
    citation: "Art 9(1)",
    summary: "A data category's taxonomy key names another kind of special category data than the one marked.",
};

pub(super) fn check_activity(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    for (i, category) in a.activity.data_categories.iter().enumerate() {
        for (j, key) in category.taxonomy.iter().enumerate() {
            let Some(kind) = keyed_kind(key) else {
                continue;
            };
            let path = format!("{}/data_categories/{i}/taxonomy/{j}", a.path);
            check_key(ctx, a, category, key, kind, path);
        }
    }
}

fn check_key(
    ctx: &mut Context<'_>,
    a: &ActivityContext<'_>,
    category: &DataCategory,
    key: &TaxonomyKey,
    kind: KeyedKind,
    path: String,
) {
    let activity = a.activity;
    let name = crate::model::text::mention(&category.name, category.id.as_str());
    match kind {
        KeyedKind::CriminalOffence if !category.criminal_offence => {
            let authority = !activity.criminal_offence_conditions.is_empty();
            let severity = if authority || !activity.controls() {
                Severity::Warning
            } else {
                Severity::Error
            };
            let then = if authority {
                "mark it as criminal offence data, so that the Art 10 rules see it"
            } else {
                "mark it as criminal offence data and record the Art 10 authority relied on"
            };
            let message = format!(
                "'{name}' carries the taxonomy key '{key}', which names criminal offence data, but is not marked as criminal offence data; {then}."
            );
            ctx.report_as(&TAXONOMY_CRIMINAL_OFFENCE_UNMARKED, severity, path, message);
        }
        KeyedKind::Special(_) | KeyedKind::SpecialOfUnstatedKind
            if !category.is_special_category() =>
        {
            let what = match kind {
                KeyedKind::Special(k) => format!("special category data ({})", k.label()),
                _ => "special category data".to_owned(),
            };
            let condition = !activity.special_category_conditions.is_empty();
            let biometric = kind == KeyedKind::Special(SpecialCategoryKind::Biometric);
            let severity = if condition || biometric || !activity.controls() {
                Severity::Warning
            } else {
                Severity::Error
            };
            let mut message = format!(
                "'{name}' carries the taxonomy key '{key}', which names {what}, but is not marked as special category data; "
            );
            message.push_str(match (biometric, condition) {
                (true, _) => "biometric data is special category data where it is processed to identify a person uniquely: if so, mark it and record the Art 9(2) condition relied on.",
                (false, true) => "mark its kind, so that the Art 9 rules see it.",
                (false, false) => "mark its kind and record the Art 9(2) condition relied on.",
            });
            ctx.report_as(&TAXONOMY_SPECIAL_CATEGORY_UNMARKED, severity, path, message);
        }
        KeyedKind::Special(keyed) => {
            if let Some(marked) = category.special_category.filter(|m| *m != keyed) {
                let message = format!(
                    "'{name}' is marked as special category data ({}) but carries the taxonomy key '{key}', which names {}; correct the one that is wrong, and check that the Art 9(2) condition serves the data.",
                    marked.label(),
                    keyed.label()
                );
                ctx.report(&TAXONOMY_CONTRADICTS_KIND, path, message);
            }
        }
        _ => {}
    }
}
