//! A finding's JSON Pointer in words: `/activities/2/data_categories/1` becomes
//! "activity 'Peer support', data category 'Medical history'".

use serde_json::Value;

use crate::model::labels::capital;

/// What one element of a collection is called.
fn singular(collection: &str) -> Option<&'static str> {
    Some(match collection {
        "activities" => "activity",
        "parties" => "party",
        "documents" => "document",
        "security_measures" => "security measure",
        "purposes" => "purpose",
        "lawful_bases" => "lawful basis",
        "data_subjects" => "data subjects",
        "data_categories" => "data category",
        "sources" => "source",
        "special_category_conditions" => "Art 9 condition",
        "criminal_offence_conditions" => "Art 10 authority",
        "recipients" => "recipient",
        "transfers" => "transfer",
        "retention" => "retention rule",
        "exceptions" => "exception",
        "automated_decisions" => "automated decision",
        "systems" => "system",
        "on_behalf_of" => "controller acted for",
        "joint_controllers" => "joint controller",
        "contacts" => "contact",
        "breaches" => "breach record",
        "notes" => "note",
        "legal_sources" => "law relied on",
        "safeguards" => "safeguard",
        "rights_stated" => "right stated",
        "rights_stated_where" => "right stated for some bases",
        "sub_processors" => "sub-processor",
        "processing" => "category of processing",
        _ => return None,
    })
}

/// A field's name in words.
fn field(key: &str) -> String {
    match key {
        "dpo" => "DPO".to_owned(),
        "dpia" => "DPIA".to_owned(),
        "para_41" => "Sch 1 para 41 entries".to_owned(),
        "schedule_1_paragraph" => "Schedule 1 paragraph".to_owned(),
        "schedule_1_part" => "Schedule 1 part".to_owned(),
        "retention" => "retention period".to_owned(),
        other => other.replace('_', " "),
    }
}

/// How an element is known: its name, title, description or id, shortened.
fn element_name(collection: &str, value: &Value, parties: &Parties<'_>) -> Option<String> {
    // What each kind of element is best known by, most telling first.
    let keys: &[&str] = match collection {
        "special_category_conditions" => &["condition"],
        "criminal_offence_conditions" => &["authority"],
        "lawful_bases" => &["basis"],
        "transfers" => &["country", "organisation", "destination"],
        "recipients" => &["category", "party", "id"],
        "retention" => &["applies_to", "wording"],
        "exceptions" => &["condition"],
        "security_measures" => &["kind"],
        "sources" => &["kind"],
        "on_behalf_of" => &["controller"],
        "contacts" => &["label", "email", "address"],
        _ => &["name", "title", "description", "id"],
    };
    let text = match value {
        Value::String(s) => s.as_str(),
        Value::Object(map) => keys.iter().find_map(|key| {
            let text = map.get(*key)?.as_str()?;
            // A party is known by its name, not its id.
            Some(match *key {
                "party" | "controller" => parties.get(text).copied().unwrap_or(text),
                _ => text,
            })
        })?,
        _ => return None,
    };
    Some(crate::model::text::cut(text, 60).replace('_', " "))
}

/// The register's party names by id.
pub(crate) type Parties<'a> = std::collections::HashMap<&'a str, &'a str>;

/// The party names of the register as JSON, built once for all findings.
pub(crate) fn parties(root: &Value) -> Parties<'_> {
    root["parties"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| Some((p["id"].as_str()?, p["name"].as_str()?)))
        .collect()
}

/// The place a JSON Pointer names in the register, in words. `root` is the register as JSON.
pub(crate) fn place(root: &Value, parties: &Parties<'_>, pointer: &str) -> String {
    if pointer.is_empty() || pointer == "/" {
        return "The register".to_owned();
    }
    let mut parts: Vec<String> = Vec::new();
    let mut current = Some(root);
    let mut key: Option<String> = None;
    for raw in pointer.trim_start_matches('/').split('/') {
        let segment = raw.replace("~1", "/").replace("~0", "~");
        let next = current.and_then(|v| match v {
            Value::Object(map) => map.get(&segment),
            Value::Array(items) => segment.parse::<usize>().ok().and_then(|i| items.get(i)),
            _ => None,
        });
        match (current, segment.parse::<usize>()) {
            (Some(Value::Array(_)) | None, Ok(position)) => {
                let what = key
                    .as_deref()
                    .and_then(singular)
                    .map(str::to_owned)
                    .unwrap_or_else(|| key.as_deref().map(field).unwrap_or_default());
                // The element replaces the collection's own entry.
                parts.pop();
                let collection = key.as_deref().unwrap_or_default();
                parts.push(
                    match next.and_then(|v| element_name(collection, v, parties)) {
                        Some(name) => format!("{what} \u{2018}{name}\u{2019}"),
                        None => format!("{what} no. {}", position + 1),
                    },
                );
            }
            _ => parts.push(field(&segment)),
        }
        key = Some(segment);
        current = next;
    }
    capital(&parts.join(", "))
}

/// Where each finding is, in words ("Activity ‘Payroll’, data category ‘Bank details’"), for
/// findings of `register`: the register is turned into JSON once for all of them.
///
/// # Examples
///
/// ```
/// let register = ropa::from_path("examples/data/kent-parent-carer-panel.json")?;
/// let findings = ropa::validate(&register, &ropa::ValidationOptions::default()).findings;
/// let words = ropa::report::places_in_words(&register, &findings);
/// assert_eq!(words.len(), findings.len());
/// assert!(words.iter().all(|w| !w.is_empty() && !w.starts_with('/')));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn places_in_words(
    register: &crate::model::Register,
    findings: &[crate::validate::Finding],
) -> Vec<String> {
    let root = serde_json::to_value(register).unwrap_or(Value::Null);
    let parties = parties(&root);
    findings
        .iter()
        .map(|finding| place(&root, &parties, &finding.path))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_become_words() {
        let root = serde_json::json!({
            "activities": [
                {"name": "Peer support", "data_categories": [{"id": "x", "name": "Medical history"}],
                 "purposes": [{"description": "Support", "lawful_bases": [{"basis": "public_task"}]}],
                 "dpia": {}}
            ]
        });
        assert_eq!(
            place(&root, &parties(&root), "/activities/0/data_categories/0"),
            "Activity \u{2018}Peer support\u{2019}, data category \u{2018}Medical history\u{2019}"
        );
        assert_eq!(
            place(
                &root,
                &parties(&root),
                "/activities/0/purposes/0/lawful_bases/0/legal_sources"
            ),
            "Activity \u{2018}Peer support\u{2019}, purpose \u{2018}Support\u{2019}, lawful basis \u{2018}public task\u{2019}, legal sources"
        );
        assert_eq!(
            place(&root, &parties(&root), "/activities/0/dpia"),
            "Activity \u{2018}Peer support\u{2019}, DPIA"
        );
        assert_eq!(place(&root, &parties(&root), ""), "The register");
        let with_party = serde_json::json!({
            "parties": [{"id": "ms", "name": "Microsoft"}],
            "activities": [{"name": "A", "recipients": [{"id": "r", "party": "ms"}]}]
        });
        assert_eq!(
            place(
                &with_party,
                &parties(&with_party),
                "/activities/0/recipients/0"
            ),
            "Activity \u{2018}A\u{2019}, recipient \u{2018}Microsoft\u{2019}"
        );
        assert_eq!(
            place(&root, &parties(&root), "/activities/7/transfers/2"),
            "Activity no. 8, transfer no. 3"
        );
    }
}
