//! The walk over both versions' JSON that finds every change, and the words for each item.

use crate::model::text::{MENTION_CHARS, bounded_id, cut, mention};
use foldhash::{HashMap, HashMapExt};
use serde_json::{Map, Value};

use super::keys::{Keying, canonical, keying, match_items, renames};
use super::names::{
    ActivityNames, Side, covered_fields, party_name, recipient_name, reference, singular, words,
    words_if_vocabulary,
};
use super::{Change, ChangeKind};
use crate::io::escape_token;
use crate::model::{LawfulBasis, RetentionRule, SpecialCategoryCondition, Transfer};
use crate::report::text;

/// Where a change is: its scope, the words before it within the scope, and the names of the
/// activity it is in, on each side.
pub(super) struct Place<'p> {
    scope: &'p str,
    prefix: &'p str,
    old_activity: Option<&'p ActivityNames>,
    new_activity: Option<&'p ActivityNames>,
}

impl Place<'_> {
    fn with_prefix<'q>(&'q self, prefix: &'q str) -> Place<'q> {
        Place {
            scope: self.scope,
            prefix,
            old_activity: self.old_activity,
            new_activity: self.new_activity,
        }
    }
}

#[derive(Clone, Copy)]
pub(super) enum Which {
    Old,
    New,
}

pub(super) struct Walker<'a> {
    pub(super) old: Side<'a>,
    pub(super) new: Side<'a>,
    pub(super) changes: Vec<Change>,
}

impl Walker<'_> {
    fn side(&self, which: Which) -> &Side<'_> {
        match which {
            Which::Old => &self.old,
            Which::New => &self.new,
        }
    }

    pub(super) fn root(&mut self, old: &Value, new: &Value) {
        let (Some(old), Some(new)) = (old.as_object(), new.as_object()) else {
            return;
        };
        let place = Place {
            scope: "register",
            prefix: "",
            old_activity: None,
            new_activity: None,
        };
        // The register's own fields first, then its lists of top-level items in the order a
        // reader meets them.
        let lists = ["parties", "documents", "activities"];
        let own: Map<String, Value> = old
            .iter()
            .filter(|(k, _)| !lists.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let own_new: Map<String, Value> = new
            .iter()
            .filter(|(k, _)| !lists.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        self.object(&place, "", "", &own, &own_new);
        for list in lists {
            let empty = Value::Array(Vec::new());
            let old_items = old.get(list).unwrap_or(&empty);
            let new_items = new.get(list).unwrap_or(&empty);
            let pointer = format!("/{list}");
            self.value(&place, list, &pointer, &pointer, old_items, new_items);
        }
    }

    fn object(
        &mut self,
        place: &Place<'_>,
        old_pointer: &str,
        new_pointer: &str,
        old: &Map<String, Value>,
        new: &Map<String, Value>,
    ) {
        let null = Value::Null;
        let mut keys: Vec<&String> = old.keys().collect();
        keys.extend(new.keys().filter(|k| !old.contains_key(*k)));
        keys.sort();
        for key in keys {
            let token = escape_token(key);
            let op = format!("{old_pointer}/{token}");
            let np = format!("{new_pointer}/{token}");
            match (old.get(key), new.get(key)) {
                (Some(o), Some(n)) => self.value(place, key, &op, &np, o, n),
                (Some(o), None) => self.value(place, key, &op, &np, o, &null),
                (None, Some(n)) => self.value(place, key, &op, &np, &null, n),
                (None, None) => {}
            }
        }
    }

    /// Compares the values of one field. `Null` stands for absent.
    fn value(
        &mut self,
        place: &Place<'_>,
        field: &str,
        old_pointer: &str,
        new_pointer: &str,
        old: &Value,
        new: &Value,
    ) {
        if old == new {
            return;
        }
        let empty = Vec::new();
        match (old, new) {
            (Value::Object(o), Value::Object(n)) => {
                let prefix = format!("{}{} ", place.prefix, words(field));
                self.object(&place.with_prefix(&prefix), old_pointer, new_pointer, o, n);
            }
            (Value::Array(_) | Value::Null, Value::Array(_) | Value::Null)
                if old.is_array() || new.is_array() =>
            {
                let o = old.as_array().unwrap_or(&empty);
                let n = new.as_array().unwrap_or(&empty);
                self.list(place, field, old_pointer, new_pointer, o, n);
            }
            _ => {
                let label = format!("{}{}", place.prefix, words(field));
                let old_text = self.field_text(place, field, old, Which::Old);
                let new_text = self.field_text(place, field, new, Which::New);
                let (kind, summary) = match (old.is_null(), new.is_null()) {
                    (true, _) if new.is_object() => (ChangeKind::Added, format!("{label} added")),
                    (_, true) if old.is_object() => {
                        (ChangeKind::Removed, format!("{label} removed"))
                    }
                    (true, _) => (ChangeKind::Added, format!("{label} {new_text} added")),
                    (_, true) => (ChangeKind::Removed, format!("{label} {old_text} removed")),
                    _ => (
                        ChangeKind::Changed,
                        format!("{label} changed from {old_text} to {new_text}"),
                    ),
                };
                self.push(place, kind, old_pointer, new_pointer, old, new, summary);
            }
        }
    }

    #[allow(
        clippy::too_many_arguments,
        reason = "a change has a kind, a pointer and a value on each side, and its words"
    )]
    fn push(
        &mut self,
        place: &Place<'_>,
        kind: ChangeKind,
        old_pointer: &str,
        new_pointer: &str,
        old: &Value,
        new: &Value,
        summary: String,
    ) {
        let present = |v: &Value| (!v.is_null()).then(|| v.clone());
        self.changes.push(Change {
            kind,
            old_pointer: (kind != ChangeKind::Added).then(|| old_pointer.to_owned()),
            new_pointer: (kind != ChangeKind::Removed).then(|| new_pointer.to_owned()),
            old_value: present(old),
            new_value: present(new),
            scope: place.scope.to_owned(),
            summary,
        });
    }

    fn list(
        &mut self,
        place: &Place<'_>,
        field: &str,
        old_pointer: &str,
        new_pointer: &str,
        old: &[Value],
        new: &[Value],
    ) {
        let keying = keying(field, old.iter().chain(new));
        let pairs = match_items(keying, old, new);
        let mut removed = Vec::new();
        let mut added = Vec::new();
        let mut changed = Vec::new();
        for (o, n) in pairs {
            match (o, n) {
                (Some(o), Some(n)) => changed.push((o, n)),
                (Some(o), None) => removed.push(o),
                (None, Some(n)) => added.push(n),
                (None, None) => {}
            }
        }
        let renames = if matches!(keying, Keying::Id) {
            renames(old, new, &removed, &added)
        } else {
            HashMap::new()
        };
        for i in removed {
            let renamed = renames.get(&(Which::Old as u8, i));
            self.one_sided(place, field, Which::Old, (old_pointer, i), &old[i], renamed);
        }
        for (o, n) in changed {
            let op = format!("{old_pointer}/{o}");
            let np = format!("{new_pointer}/{n}");
            self.item(place, field, keying, &op, &np, &old[o], &new[n]);
        }
        for i in added {
            let renamed = renames.get(&(Which::New as u8, i));
            self.one_sided(place, field, Which::New, (new_pointer, i), &new[i], renamed);
        }
    }

    /// An item in one version only: removed from the old, or added in the new; where its id
    /// was renamed, the other id is said.
    fn one_sided(
        &mut self,
        place: &Place<'_>,
        field: &str,
        which: Which,
        (list_pointer, i): (&str, usize),
        item: &Value,
        renamed: Option<&String>,
    ) {
        let (kind, done, direction) = match which {
            Which::Old => (ChangeKind::Removed, "removed", "to"),
            Which::New => (ChangeKind::Added, "added", "from"),
        };
        let label = self.label(place, field, item, which, true);
        let mut summary = format!("{}{label} {done}", place.prefix);
        if let Some(other) = renamed {
            summary.push_str(&format!(
                " (its id was renamed {direction} '{other}': shown as removed and added)"
            ));
        }
        let pointer = format!("{list_pointer}/{i}");
        let null = Value::Null;
        match which {
            Which::Old => self.push(place, kind, &pointer, "", item, &null, summary),
            Which::New => self.push(place, kind, "", &pointer, &null, item, summary),
        }
    }

    /// Compares two matched items of a list.
    #[allow(
        clippy::too_many_arguments,
        reason = "a place, a field, how the list is keyed, and a pointer and a value on each side"
    )]
    fn item(
        &mut self,
        place: &Place<'_>,
        field: &str,
        keying: Keying,
        old_pointer: &str,
        new_pointer: &str,
        old: &Value,
        new: &Value,
    ) {
        // Items matched as equal but for the order of their lists are the same.
        let by_content = matches!(keying, Keying::Content(_));
        if old == new || (by_content && canonical(old) == canonical(new)) {
            return;
        }
        let (Some(o), Some(n)) = (old.as_object(), new.as_object()) else {
            return;
        };
        let pointers = [old_pointer, new_pointer];
        if place.scope == "register" {
            self.scope_item(place, field, pointers, old, new);
            return;
        }
        if by_content && self.item_as_a_whole(place, field, pointers, old, new) {
            return;
        }
        let old_label = self.item_label(place, field, old, Which::Old);
        let new_label = self.item_label(place, field, new, Which::New);
        let label = if old_label == new_label {
            new_label
        } else {
            old_label
        };
        let prefix = format!("{}{label}: ", place.prefix);
        self.object(&place.with_prefix(&prefix), old_pointer, new_pointer, o, n);
    }

    /// A top-level item (an activity, a party, a document) is a scope of its own.
    fn scope_item(
        &mut self,
        place: &Place<'_>,
        field: &str,
        [old_pointer, new_pointer]: [&str; 2],
        old: &Value,
        new: &Value,
    ) {
        let (Some(o), Some(n)) = (old.as_object(), new.as_object()) else {
            return;
        };
        let scope = self.item_label(place, field, new, Which::New);
        let (old_names, new_names) = if field == "activities" {
            (
                Some(ActivityNames::new(old, &self.old)),
                Some(ActivityNames::new(new, &self.new)),
            )
        } else {
            (None, None)
        };
        let inner = Place {
            scope: &scope,
            prefix: "",
            old_activity: old_names.as_ref(),
            new_activity: new_names.as_ref(),
        };
        self.object(&inner, old_pointer, new_pointer, o, n);
    }

    /// An item without an id is said as a whole where what it says in words changed, and the
    /// fields the words do not cover are compared one by one, so that nothing changed goes
    /// unsaid. Whether it was said so.
    fn item_as_a_whole(
        &mut self,
        place: &Place<'_>,
        field: &str,
        [old_pointer, new_pointer]: [&str; 2],
        old: &Value,
        new: &Value,
    ) -> bool {
        let (Some(old_parts), Some(new_parts)) =
            (Self::item_text(field, old), Self::item_text(field, new))
        else {
            return false;
        };
        let (Some(o), Some(n)) = (old.as_object(), new.as_object()) else {
            return false;
        };
        if old_parts == new_parts {
            return false;
        }
        // The first part always, the others where they differ: "from 3 years after the last
        // contact to 1 year", not the unchanged disposal twice.
        let shown = |parts: &[String], other: &[String]| {
            parts
                .iter()
                .enumerate()
                .filter(|(i, part)| *i == 0 || other.get(*i) != Some(*part))
                .map(|(_, part)| part.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        };
        let new_label = self.item_label(place, field, new, Which::New);
        let summary = format!(
            "{}{new_label} changed from {} to {}",
            place.prefix,
            shown(&old_parts, &new_parts),
            shown(&new_parts, &old_parts)
        );
        self.push(
            place,
            ChangeKind::Changed,
            old_pointer,
            new_pointer,
            old,
            new,
            summary,
        );
        let covered = covered_fields(field);
        let rest = |map: &Map<String, Value>| -> Map<String, Value> {
            map.iter()
                .filter(|(k, _)| !covered.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        };
        let prefix = format!("{}{new_label}: ", place.prefix);
        self.object(
            &place.with_prefix(&prefix),
            old_pointer,
            new_pointer,
            &rest(o),
            &rest(n),
        );
        true
    }

    /// How an item of a list is named where its changes are said: `recipient 'Hosting Ltd'
    /// (processor)`, a long name cut, since every change within the item repeats it.
    fn item_label(&self, place: &Place<'_>, field: &str, item: &Value, which: Which) -> String {
        self.label(place, field, item, which, false)
    }

    /// How an item of a list is named; `whole` where the item itself is added or removed, said
    /// once, so that its name is shown in full.
    fn label(
        &self,
        place: &Place<'_>,
        field: &str,
        item: &Value,
        which: Which,
        whole: bool,
    ) -> String {
        if let Some(label) = self.kind_label(place, field, item, which) {
            return label;
        }
        let side = self.side(which);
        let noun = singular(field);
        if !item.is_object() {
            return format!("{noun} {}", self.field_text(place, field, item, which));
        }
        let name = [
            "name",
            "title",
            "description",
            "label",
            "kind",
            "controller",
        ]
        .iter()
        .find_map(|k| item.get(*k).and_then(Value::as_str));
        match (name, item.get("id").and_then(Value::as_str)) {
            (Some(name), _) if field == "on_behalf_of" => {
                format!("{noun} '{}'", party_name(side, name))
            }
            // A label is repeated in every change within the item: a long name is cut.
            (Some(name), _) if whole => format!("{noun} '{}'", words_if_vocabulary(name)),
            (Some(name), id) => format!(
                "{noun} '{}'",
                mention(&words_if_vocabulary(name), id.unwrap_or_default())
            ),
            (None, Some(id)) => format!("{noun} '{}'", bounded_id(id)),
            (None, None) => noun,
        }
    }

    /// The name of an item whose kind has words of its own (a recipient with its role, a
    /// retention rule by what it covers, a basis or condition by its article...); `None` for the
    /// rest, which are named by their name, title or id.
    fn kind_label(
        &self,
        place: &Place<'_>,
        field: &str,
        item: &Value,
        which: Which,
    ) -> Option<String> {
        let side = self.side(which);
        let names = match which {
            Which::Old => place.old_activity,
            Which::New => place.new_activity,
        };
        let str_field = |name: &str| item.get(name).and_then(Value::as_str);
        let label = match field {
            "recipients" => {
                let mut label = format!("recipient '{}'", recipient_name(item, side));
                if let Some(role) = str_field("role") {
                    label.push_str(&format!(" ({})", text::words(role)));
                }
                label
            }
            "retention" => {
                let covers = match (str_field("applies_to"), item.get("data_categories")) {
                    (Some(applies_to), _) => applies_to.to_owned(),
                    (None, Some(Value::Array(ids))) if !ids.is_empty() => ids
                        .iter()
                        .map(|id| reference(names, side, "data_categories", id))
                        .collect::<Vec<_>>()
                        .join(", "),
                    _ => "all data".to_owned(),
                };
                format!("retention of '{}'", cut(&covers, MENTION_CHARS))
            }
            "lawful_bases" => {
                let basis = serde_json::from_value::<LawfulBasis>(item.clone()).ok()?;
                let (article, words) = (basis.basis.citation(), basis.basis.label());
                format!("lawful basis 'Art {article} {words}'")
            }
            "special_category_conditions" => {
                let c = serde_json::from_value::<SpecialCategoryCondition>(item.clone()).ok()?;
                let mut text = text::words(c.condition.as_str());
                if let Some(p) = c.schedule_1_paragraph {
                    text.push_str(&format!(" (Sch 1 para {})", p.paragraph()));
                }
                format!("Art 9 condition '{text}'")
            }
            "security_measures" => {
                let kind = str_field("kind").map(text::words).unwrap_or_default();
                match str_field("description") {
                    Some(description) => format!(
                        "security measure '{kind}: {}'",
                        cut(description, MENTION_CHARS)
                    ),
                    None => format!("security measure '{kind}'"),
                }
            }
            "transfers" => {
                let t = serde_json::from_value::<Transfer>(item.clone()).ok()?;
                let to = match &t.recipient {
                    Some(r) => format!(
                        "{} in ",
                        reference(names, side, "recipient", &Value::String(r.to_string()))
                    ),
                    None => String::new(),
                };
                format!(
                    "transfer to {to}'{}'",
                    cut(&text::destination(&t), MENTION_CHARS)
                )
            }
            _ => return None,
        };
        Some(label)
    }

    /// What an item without an id says, in words, where the reports have words for it: its main
    /// part first, then the parts said only where they changed.
    fn item_text(field: &str, item: &Value) -> Option<Vec<String>> {
        match field {
            "retention" => {
                let rule = serde_json::from_value::<RetentionRule>(item.clone()).ok()?;
                let exceptions: Vec<String> = rule
                    .exceptions
                    .iter()
                    .map(|exception| {
                        format!(
                            "where {}: {}",
                            text::lower_first(&exception.condition),
                            text::retention_period(&exception.retention)
                        )
                    })
                    .collect();
                let disposal: Vec<String> = rule
                    .disposal
                    .iter()
                    .map(|d| text::words(d.as_str()))
                    .collect();
                Some(vec![
                    text::retention_period(&rule.retention),
                    if exceptions.is_empty() {
                        "no exception".to_owned()
                    } else {
                        exceptions.join("; ")
                    },
                    if disposal.is_empty() {
                        "no disposal stated".to_owned()
                    } else {
                        format!("then {}", disposal.join(" or "))
                    },
                ])
            }
            "lawful_bases" => {
                let mut basis = serde_json::from_value::<LawfulBasis>(item.clone()).ok()?;
                // Consent is compared field by field.
                basis.consent = None;
                Some(vec![text::basis(&basis)])
            }
            "special_category_conditions" => {
                let c = serde_json::from_value::<SpecialCategoryCondition>(item.clone()).ok()?;
                Some(vec![text::special_condition(&c)])
            }
            "transfers" => {
                let t = serde_json::from_value::<Transfer>(item.clone()).ok()?;
                // In words only: the article depends on a date the diff does not have.
                Some(vec![text::mechanism_in_words(&t)])
            }
            _ => None,
        }
    }

    /// A field's value in words: references by name, vocabulary in words, text quoted.
    fn field_text(&self, place: &Place<'_>, field: &str, value: &Value, which: Which) -> String {
        let side = self.side(which);
        let names = match which {
            Which::Old => place.old_activity,
            Which::New => place.new_activity,
        };
        match value {
            Value::String(_) => reference(names, side, field, value),
            Value::Bool(true) => "yes".to_owned(),
            Value::Bool(false) => "no".to_owned(),
            Value::Null => "nothing".to_owned(),
            other => other.to_string(),
        }
    }
}
