//! How the items of two versions of a register's lists are matched, and how a place in a register
//! is named the same in both versions: by id, by a natural key, or by content; never by position.
//! The diff pairs items and findings with it (`review/diff`), and a policy file names the findings
//! it suppresses by the same places (`validate/policy.rs`), so it lives below both.

use foldhash::{HashMap, HashMapExt};
use serde_json::Value;

use crate::io::escape_token;

/// How the items of a list are matched between the two versions.
#[derive(Clone, Copy)]
pub(crate) enum Keying {
    /// By the `id` field.
    Id,
    /// Identical items first, then by what the item is about (a natural key) where the list has
    /// one; the rest are removed and added.
    Content(Option<fn(&Value) -> String>),
    /// Scalars: as a multiset of values.
    Scalar,
}

pub(crate) fn keying<'v>(field: &str, items: impl Iterator<Item = &'v Value> + Clone) -> Keying {
    if items.clone().all(|v| !v.is_object() && !v.is_array()) {
        return Keying::Scalar;
    }
    if items
        .into_iter()
        .all(|v| v.get("id").is_some_and(Value::is_string))
    {
        return Keying::Id;
    }
    Keying::Content(natural_key(field))
}

fn natural_key(field: &str) -> Option<fn(&Value) -> String> {
    fn fields(v: &Value, names: &[&str]) -> String {
        let mut key = String::new();
        for name in names {
            match v.get(name) {
                Some(Value::Array(items)) => {
                    let mut items: Vec<String> = items.iter().map(scalar_text).collect();
                    items.sort();
                    key.push_str(&items.join(","));
                }
                Some(value) => key.push_str(&scalar_text(value)),
                None => {}
            }
            key.push('\u{1f}');
        }
        key
    }
    Some(match field {
        "retention" => |v| fields(v, &["applies_to", "data_categories"]),
        "lawful_bases" => |v| fields(v, &["basis"]),
        "special_category_conditions" => |v| fields(v, &["condition"]),
        "criminal_offence_conditions" => |v| fields(v, &["authority"]),
        "transfers" => |v| fields(v, &["destination", "country", "organisation", "recipient"]),
        "on_behalf_of" => |v| fields(v, &["controller"]),
        "contacts" => |v| fields(v, &["label"]),
        "sources" => |v| fields(v, &["kind", "party"]),
        "exceptions" => |v| fields(v, &["condition"]),
        "security_measures" => |v| fields(v, &["kind"]),
        "automated_decisions" => |v| fields(v, &["description"]),
        "systems" => |v| fields(v, &["name"]),
        _ => return None,
    })
}

/// A value as text for keys: strings as they are, anything else as JSON.
pub(crate) fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Pairs the items of two lists: `(Some(old), Some(new))` for a match, `(Some(old), None)` for
/// one removed, `(None, Some(new))` for one added. Linear: keys go through maps.
pub(crate) fn match_items(
    keying: Keying,
    old: &[Value],
    new: &[Value],
) -> Vec<(Option<usize>, Option<usize>)> {
    let mut pairs = Vec::with_capacity(old.len().max(new.len()));
    let mut old_taken = vec![false; old.len()];
    let mut new_taken = vec![false; new.len()];
    let pair_by = |key: &dyn Fn(&Value) -> String,
                   old_taken: &mut Vec<bool>,
                   new_taken: &mut Vec<bool>,
                   pairs: &mut Vec<(Option<usize>, Option<usize>)>| {
        // Items with the same key pair in the order they come.
        let mut waiting: HashMap<String, std::collections::VecDeque<usize>> = HashMap::new();
        for (i, item) in old.iter().enumerate() {
            if !old_taken[i] {
                waiting.entry(key(item)).or_default().push_back(i);
            }
        }
        for (j, item) in new.iter().enumerate() {
            if new_taken[j] {
                continue;
            }
            if let Some(i) = waiting.get_mut(&key(item)).and_then(|q| q.pop_front()) {
                old_taken[i] = true;
                new_taken[j] = true;
                pairs.push((Some(i), Some(j)));
            }
        }
    };
    match keying {
        Keying::Id => {
            let id = |v: &Value| scalar_text(v.get("id").unwrap_or(&Value::Null));
            // Where an id repeats (a register with a duplicate-id finding), identical items pair
            // first, so that reordering them is no change either.
            if has_repeats(old.iter().map(id)) || has_repeats(new.iter().map(id)) {
                pair_by(&canonical, &mut old_taken, &mut new_taken, &mut pairs);
            }
            pair_by(&id, &mut old_taken, &mut new_taken, &mut pairs);
        }
        Keying::Scalar => pair_by(&scalar_key, &mut old_taken, &mut new_taken, &mut pairs),
        Keying::Content(natural) => {
            pair_by(&canonical, &mut old_taken, &mut new_taken, &mut pairs);
            if let Some(natural) = natural {
                pair_by(&natural, &mut old_taken, &mut new_taken, &mut pairs);
            }
        }
    }
    pairs.extend(
        old_taken
            .iter()
            .enumerate()
            .filter(|(_, t)| !**t)
            .map(|(i, _)| (Some(i), None)),
    );
    pairs.extend(
        new_taken
            .iter()
            .enumerate()
            .filter(|(_, t)| !**t)
            .map(|(j, _)| (None, Some(j))),
    );
    pairs
}

/// Whether a key occurs twice.
fn has_repeats(keys: impl Iterator<Item = String>) -> bool {
    let mut seen = foldhash::HashSet::default();
    keys.into_iter().any(|key| !seen.insert(key))
}

/// A scalar as a key that tells `"1"` from `1`.
fn scalar_key(value: &Value) -> String {
    value.to_string()
}

/// An item's whole content as a key, the same whatever the order of its lists and keys: order
/// is not a change.
pub(crate) fn canonical(value: &Value) -> String {
    let mut out = String::new();
    write_canonical(value, &mut out);
    out
}

fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Array(items) => {
            let mut items: Vec<String> = items.iter().map(canonical).collect();
            items.sort_unstable();
            out.push('[');
            out.push_str(&items.join(","));
            out.push(']');
        }
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_unstable_by_key(|(k, _)| *k);
            out.push('{');
            for (i, (k, v)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                write_canonical(v, out);
            }
            out.push('}');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// Stable names of places in one register: a JSON Pointer with each list position replaced by the
/// key the diff matches that item by, so that the same item has the same place in both versions.
pub(crate) struct Places<'v> {
    root: &'v Value,
    /// The keys of the items of each list met so far, by the list's pointer.
    lists: HashMap<String, Vec<String>>,
}

impl<'v> Places<'v> {
    pub(crate) fn new(root: &'v Value) -> Self {
        Self {
            root,
            lists: HashMap::new(),
        }
    }

    pub(crate) fn stable(&mut self, pointer: &str) -> String {
        let mut value = self.root;
        let mut raw = String::new();
        let mut stable = String::new();
        let mut field = "";
        for token in pointer.split('/').skip(1) {
            let step = match value {
                Value::Array(items) => token.parse::<usize>().ok().and_then(|i| {
                    let item = items.get(i)?;
                    let keys = self.lists.entry(raw.clone()).or_insert_with(|| {
                        list_keys(field, items)
                            .into_iter()
                            .map(bounded_key)
                            .collect()
                    });
                    stable.push('/');
                    stable.push_str(&keys[i]);
                    Some(item)
                }),
                Value::Object(map) => {
                    let key = token.replace("~1", "/").replace("~0", "~");
                    map.get_key_value(&key).map(|(k, v)| {
                        field = k.as_str();
                        stable.push('/');
                        stable.push_str(token);
                        v
                    })
                }
                _ => None,
            };
            raw.push('/');
            raw.push_str(token);
            match step {
                Some(next) => value = next,
                None => {
                    // Past what the register holds: the rest of the pointer is kept as it is.
                    stable.push_str(&pointer[raw.len() - token.len() - 1..]);
                    break;
                }
            }
        }
        stable
    }
}

/// A list key cut when longer than [`crate::model::text::ID_BYTES`] (64): an item named by a long
/// content keeps its first 32 bytes and a hash of the whole, so that a place's length does not
/// grow with the content of the lists it passes through.
fn bounded_key(key: String) -> String {
    match crate::model::text::bounded_id(&key) {
        std::borrow::Cow::Borrowed(_) => key,
        std::borrow::Cow::Owned(cut) => cut,
    }
}

/// The key of each item of a list, as the diff matches them, numbered where keys repeat.
pub(crate) fn list_keys(field: &str, items: &[Value]) -> Vec<String> {
    let key: Box<dyn Fn(&Value) -> String> = match keying(field, items.iter()) {
        Keying::Id => {
            Box::new(|v| format!("[id={}]", scalar_text(v.get("id").unwrap_or(&Value::Null))))
        }
        Keying::Scalar => Box::new(|v| format!("[{}]", scalar_key(v))),
        // What an item is about names its place; an item without one is named by its content.
        Keying::Content(Some(natural)) => Box::new(move |v| format!("[{}]", natural(v))),
        Keying::Content(None) => Box::new(|v| format!("[{}]", canonical(v))),
    };
    let mut seen: HashMap<String, usize> = HashMap::with_capacity(items.len());
    items
        .iter()
        .map(|item| {
            let key = escape_token(&key(item));
            let n = seen.entry(key.clone()).or_default();
            *n += 1;
            if *n == 1 { key } else { format!("{key}#{n}") }
        })
        .collect()
}
