//! What a change is said with: the names of parties, documents and an activity's items, a field
//! and a vocabulary value in words.

use foldhash::HashMap;
use serde_json::Value;

use crate::model::Register;
use crate::model::text::{MENTION_CHARS, bounded_id, cut, mention};
use crate::report::text;

/// The names the register gives its parties and documents, for the words of a change.
pub(super) struct Side<'a> {
    index: crate::model::RegisterIndex<'a>,
}

impl<'a> Side<'a> {
    pub(super) fn new(register: &'a Register) -> Self {
        Self {
            index: register.index(),
        }
    }
}

/// The names of one activity's data categories, purposes and recipients, for the words of a change.
#[derive(Default)]
pub(super) struct ActivityNames {
    data_categories: HashMap<String, String>,
    purposes: HashMap<String, String>,
    recipients: HashMap<String, String>,
}

impl ActivityNames {
    pub(super) fn new(activity: &Value, side: &Side<'_>) -> Self {
        let mut names = Self::default();
        let list = |field: &str| -> &[Value] {
            activity
                .get(field)
                .and_then(Value::as_array)
                .map_or(&[], Vec::as_slice)
        };
        for (field, map) in [
            ("data_categories", &mut names.data_categories),
            ("purposes", &mut names.purposes),
        ] {
            for item in list(field) {
                if let Some(id) = item.get("id").and_then(Value::as_str) {
                    let name = item
                        .get("name")
                        .or_else(|| item.get("description"))
                        .and_then(Value::as_str)
                        .unwrap_or(id);
                    map.entry(id.to_owned())
                        .or_insert_with(|| mention(name, id).into_owned());
                }
            }
        }
        for item in list("recipients") {
            if let Some(id) = item.get("id").and_then(Value::as_str) {
                names
                    .recipients
                    .entry(id.to_owned())
                    .or_insert_with(|| recipient_name(item, side));
            }
        }
        names
    }
}

pub(super) fn recipient_name(item: &Value, side: &Side<'_>) -> String {
    let party = item
        .get("party")
        .and_then(Value::as_str)
        .map(|id| party_name(side, id));
    let category = item.get("category").and_then(Value::as_str);
    match (party, category) {
        (Some(party), _) => party,
        (None, Some(category)) => cut(category, MENTION_CHARS).into_owned(),
        (None, None) => {
            bounded_id(item.get("id").and_then(Value::as_str).unwrap_or_default()).into_owned()
        }
    }
}

pub(super) fn party_name(side: &Side<'_>, id: &str) -> String {
    side.index.party(&id.into()).map_or_else(
        || bounded_id(id).into_owned(),
        |p| mention(&p.name, p.id.as_str()).into_owned(),
    )
}

pub(super) fn document_title(side: &Side<'_>, id: &str) -> String {
    side.index.document(&id.into()).map_or_else(
        || bounded_id(id).into_owned(),
        |d| mention(&d.title, d.id.as_str()).into_owned(),
    )
}

/// The fields of an item without an id that [`Walker::item_text`] puts in words.
pub(super) fn covered_fields(field: &str) -> &'static [&'static str] {
    match field {
        "retention" => &["retention", "exceptions", "disposal"],
        "lawful_bases" => &["basis", "legal_sources", "dpa_2018_section_8"],
        "special_category_conditions" => &["condition", "schedule_1_paragraph", "schedule_1_part"],
        "transfers" => &["mechanism", "derogation"],
        _ => &[],
    }
}

/// A string value in words: a reference by the name of what it refers to, a vocabulary value in
/// words, text in quotes.
pub(super) fn reference(
    names: Option<&ActivityNames>,
    side: &Side<'_>,
    field: &str,
    value: &Value,
) -> String {
    let Some(s) = value.as_str() else {
        return value.to_string();
    };
    let quoted = |s: &str| format!("'{s}'");
    match field {
        "party"
        | "controller"
        | "provider"
        | "organisation"
        | "representative"
        | "supervisory_authority"
        | "joint_controllers"
        | "sub_processors" => quoted(&party_name(side, s)),
        "contract" | "joint_arrangement" | "policy_document" | "documentation"
        | "risk_assessment" | "record" | "assessment" | "privacy_notice" | "agreement"
        | "document" | "policy" | "breaches" => quoted(&document_title(side, s)),
        "data_categories" | "purposes" | "recipients" | "recipient" => {
            let map = names.map(|n| match field {
                "data_categories" => &n.data_categories,
                "purposes" => &n.purposes,
                _ => &n.recipients,
            });
            match map.and_then(|m| m.get(s)) {
                Some(name) => quoted(name),
                None => quoted(&bounded_id(s)),
            }
        }
        "period" | "review_interval" => match s.parse::<crate::model::IsoDuration>() {
            Ok(d) => d.in_words(),
            Err(_) => quoted(s),
        },
        _ => quoted(&words_if_vocabulary(s)),
    }
}

/// A snake_case vocabulary value in words; other text as it is.
pub(super) fn words_if_vocabulary(s: &str) -> String {
    if !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && s.contains('_')
    {
        text::words(s)
    } else {
        s.to_owned()
    }
}

/// A field name in words.
pub(super) fn words(field: &str) -> String {
    match field {
        "schema_version" => "schema version".to_owned(),
        "dpo" => "DPO".to_owned(),
        "dpia" => "DPIA".to_owned(),
        other => other.replace('_', " "),
    }
}

/// What one item of a list is called.
pub(super) fn singular(field: &str) -> String {
    match field {
        "activities" => "activity",
        "parties" => "party",
        "documents" => "document",
        "purposes" => "purpose",
        "data_categories" => "data category",
        "data_subjects" => "data subjects",
        "recipients" => "recipient",
        "retention" => "retention rule",
        "transfers" => "transfer",
        "special_category_conditions" => "Art 9 condition",
        "criminal_offence_conditions" => "Art 10 condition",
        "lawful_bases" => "lawful basis",
        "security_measures" => "security measure",
        "systems" => "system",
        "automated_decisions" => "automated decision",
        "on_behalf_of" => "controller",
        "contacts" => "contact",
        "sources" => "source",
        "exceptions" => "exception",
        "joint_controllers" => "joint controller",
        "sub_processors" => "sub-processor",
        "legal_sources" => "legal source",
        "notes" => "note",
        "rights_stated" => "right stated",
        "rights_stated_where" => "right stated for some bases",
        "breaches" => "breach record",
        "risk_criteria" => "risk criterion",
        "article_35_3_triggers" => "Art 35(3) trigger",
        "disposal" => "disposal",
        "processing" => "category of processing",
        "safeguards" => "safeguard",
        other => return words(other),
    }
    .to_owned()
}
