//! Ids renamed between two versions; the matching of items and the naming of places are
//! `io/keys.rs`, shared with the policy file.

use foldhash::{HashMap, HashMapExt};
use serde_json::Value;

use crate::io::keys::scalar_text;
pub(super) use crate::io::keys::{Keying, canonical, keying, match_items};

use super::walker::Which;

/// Items removed and added whose content is the same but for the id: an id renamed. Keyed by
/// (side, position), the other side's id.
pub(super) fn renames(
    old: &[Value],
    new: &[Value],
    removed: &[usize],
    added: &[usize],
) -> HashMap<(u8, usize), String> {
    let without_id = |v: &Value| {
        let mut v = v.clone();
        if let Some(map) = v.as_object_mut() {
            map.remove("id");
        }
        canonical(&v)
    };
    let id = |v: &Value| scalar_text(v.get("id").unwrap_or(&Value::Null));
    let mut waiting: HashMap<String, std::collections::VecDeque<usize>> = HashMap::new();
    for &i in removed {
        waiting.entry(without_id(&old[i])).or_default().push_back(i);
    }
    let mut renames = HashMap::new();
    for &j in added {
        if let Some(i) = waiting
            .get_mut(&without_id(&new[j]))
            .and_then(|q| q.pop_front())
        {
            renames.insert((Which::Old as u8, i), id(&new[j]));
            renames.insert((Which::New as u8, j), id(&old[i]));
        }
    }
    renames
}
