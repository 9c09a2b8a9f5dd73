//! The register's JSON Schema (draft 2020-12), for integrators in any language.

use serde_json::{Value, json};

use crate::model::Register;

/// The `$id` of the structural schema.
pub const SCHEMA_ID: &str = "https://ropa-rs.github.io/schema/1.1/ropa.schema.json";

/// The register's JSON Schema, draft 2020-12, generated from the model: every property and
/// definition carries the description of its doc comment, every vocabulary value the article it
/// stands for. It accepts exactly what [`crate::io::from_str`] accepts, and is committed as
/// `schema/ropa.schema.json`.
///
/// # Examples
///
/// ```
/// let schema = ropa::schema();
/// assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// // Titled, like every definition, with its Rust name: code generators name the type after it.
/// assert_eq!(schema["title"], "Register");
/// assert_eq!(schema["$defs"]["ProcessingActivity"]["title"], "ProcessingActivity");
/// ```
pub fn schema() -> Value {
    let generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    let root = generator.into_root_schema_for::<Register>();
    let mut value = serde_json::to_value(root).unwrap_or_default();
    remove_non_standard_formats(&mut value);
    for_code_generators(&mut value);
    if let Value::Object(object) = &mut value {
        object.insert("$id".to_owned(), json!(SCHEMA_ID));
        object.insert("title".to_owned(), json!("Register"));
    }
    value
}

/// Makes the generated schema read cleanly by code generators and by people who do not read Rust:
/// every definition is titled with its Rust name (quicktype and others name their types after
/// `title`); descriptions lose the doc comments' Rust (intra-doc links, `# Examples` sections
/// with their code); a `$ref` loses the `default` that schemars writes beside it and goes into an
/// `allOf` when described (a `$ref` with siblings is a new type to json-schema-to-typescript,
/// which emits `RetentionPeriod1`, `PartyId1`); and every optional property also accepts `null`,
/// which the crate reads as absent, as code generated in other languages writes it.
fn for_code_generators(value: &mut Value) {
    if let Some(Value::Object(definitions)) = value.get_mut("$defs") {
        for (name, definition) in definitions.iter_mut() {
            if let Value::Object(definition) = definition {
                definition
                    .entry("title")
                    .or_insert_with(|| Value::String(name.clone()));
            }
        }
    }
    tidy(value);
}

fn tidy(value: &mut Value) {
    match value {
        Value::Object(object) => {
            if let Some(Value::String(description)) = object.get_mut("description") {
                *description = plain_description(description);
            }
            if let Some(reference) = object.remove("$ref") {
                object.remove("default");
                if object.is_empty() {
                    object.insert("$ref".to_owned(), reference);
                } else {
                    // Beside a description: json-schema-to-typescript would declare a copy of
                    // the referenced type (`PartyId1`) for each differently described use.
                    object.insert("allOf".to_owned(), json!([{ "$ref": reference }]));
                }
            }
            let required: Vec<String> = match object.get("required") {
                Some(Value::Array(names)) => names
                    .iter()
                    .filter_map(|n| n.as_str().map(str::to_owned))
                    .collect(),
                _ => Vec::new(),
            };
            if let Some(Value::Object(properties)) = object.get_mut("properties") {
                for (name, property) in properties.iter_mut() {
                    if !required.contains(name) {
                        nullable(property);
                    }
                }
            }
            object.values_mut().for_each(tidy);
        }
        Value::Array(items) => items.iter_mut().for_each(tidy),
        _ => {}
    }
}

/// Lets an optional property be `null`, which the crate reads as absent (an empty list, `false`,
/// the default retention period), unless it already may be.
fn nullable(property: &mut Value) {
    let Value::Object(object) = property else {
        return;
    };
    if let Some(kind) = object.get("type") {
        if kind.is_string() {
            let kind = kind.clone();
            object.insert("type".to_owned(), json!([kind, "null"]));
        }
        return;
    }
    if object.contains_key("anyOf") || object.contains_key("oneOf") {
        return;
    }
    // A reference (wrapped in `allOf` when described): null or the referenced type.
    let description = object.remove("description");
    let schema = std::mem::take(object);
    object.insert("anyOf".to_owned(), json!([schema, {"type": "null"}]));
    if let Some(description) = description {
        object.insert("description".to_owned(), description);
    }
}

/// A doc comment as a schema description: the text before its first rustdoc section heading
/// (`# Examples`, `# Errors`), with intra-doc links reduced to their text.
fn plain_description(doc: &str) -> String {
    let body = match doc.find("\n# ") {
        Some(end) => &doc[..end],
        None => doc,
    };
    let mut out = String::with_capacity(body.len());
    let mut rest = body.trim_end();
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find(']') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let text = &after[..close];
        let tail = &after[close + 1..];
        if let Some(target) = tail.strip_prefix('(').and_then(|t| t.split_once(')')) {
            if target.0.starts_with("crate::") || !target.0.contains('/') {
                // An intra-doc link with an explicit target: keep its text.
                out.push_str(text);
                rest = target.1;
                continue;
            }
            // A web link: kept whole.
            out.push('[');
            out.push_str(text);
            out.push(']');
            rest = tail;
            continue;
        }
        if text.starts_with('`') && text.ends_with('`') {
            // A shortcut intra-doc link, [`Name`].
            out.push_str(text);
        } else {
            out.push('[');
            out.push_str(text);
            out.push(']');
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// The `$id` of the strict schema.
pub const STRICT_SCHEMA_ID: &str = "https://ropa-rs.github.io/schema/1.1/ropa.strict.schema.json";

/// The ids of the validation rules the strict schema enforces: those JSON Schema can express
/// without resolving references between objects.
pub const STRICT_RULES: &[&str] = &[
    "activity-without-purpose",
    "activity-without-data-subjects",
    "activity-without-data-categories",
    "purpose-without-lawful-basis",
    "legitimate-interests-without-assessment",
    "recognised-legitimate-interest-outside-uk",
    "joint-controller-without-arrangement",
    "transfer-without-mechanism",
    "transfer-destination-unnamed",
    "derogation-not-specified",
    "compelling-interests-undocumented",
];

/// The strict schema: the structural [`schema`] plus every rule of [`STRICT_RULES`], so that an
/// integrator without Rust gets the same verdict as [`crate::validate::validate()`] reporting that rule as
/// an error (a rule's warnings, such as a legitimate interest stated without an LIA, are not
/// enforced) (with the default options: the UK GDPR where the register sets no regime).
/// Committed as `schema/ropa.strict.schema.json`.
pub fn strict_schema() -> Value {
    strict_schema_with(STRICT_RULES)
}

/// The structural schema plus the named rules of [`STRICT_RULES`] only (unknown ids are ignored).
pub fn strict_schema_with(rules: &[&str]) -> Value {
    let mut value = schema();
    let fragments: Vec<Value> = rules.iter().filter_map(|id| rule_fragment(id)).collect();
    if let Value::Object(object) = &mut value {
        object.insert("$id".to_owned(), json!(STRICT_SCHEMA_ID));
        object.insert("description".to_owned(), json!(format!(
            "A record of processing activities that also meets these validation rules of the ropa crate: {}.",
            rules.iter().filter(|id| STRICT_RULES.contains(id)).copied().collect::<Vec<_>>().join(", ")
        )));
        object.insert("allOf".to_owned(), Value::Array(fragments));
    }
    value
}

/// A property that is present and not null (serde reads `null` as absent).
fn present(field: &str, kind: &str) -> Value {
    json!({"required": [field], "properties": {field: {"type": kind}}})
}

/// Applies `rule` to every activity in which the organisation is not the processor.
fn controller_activities(rule: Value) -> Value {
    // A processor at collection that becomes a controller later is a controller's activity.
    json!({"properties": {"activities": {"items": {
        "if": {"properties": {
            "role": {"const": "processor"},
            "role_changes": {"not": {"contains": {
                "properties": {"role": {"not": {"const": "processor"}}}
            }}}
        }},
        "else": rule
    }}}})
}

/// Applies `rule` to every activity.
fn all_activities(rule: Value) -> Value {
    json!({"properties": {"activities": {"items": rule}}})
}

/// Applies `rule` to every lawful basis of a controller's activity: the activity's own, each
/// purpose's and each data category's.
fn controller_bases(rule: Value) -> Value {
    let bases = json!({"properties": {"lawful_bases": {"items": rule}}});
    controller_activities(json!({"allOf": [
        bases,
        {"properties": {"purposes": {"items": bases}}},
        {"properties": {"data_categories": {"items": bases}}}
    ]}))
}

/// Applies `rule` to every transfer.
fn transfers(rule: Value) -> Value {
    all_activities(json!({"properties": {"transfers": {"items": rule}}}))
}

fn non_empty_array(field: &str) -> Value {
    json!({"required": [field], "properties": {field: {"type": "array", "minItems": 1}}})
}

fn when(property: &str, value: &str, then: Value) -> Value {
    json!({"if": {"required": [property], "properties": {property: {"const": value}}}, "then": then})
}

fn rule_fragment(id: &str) -> Option<Value> {
    let fragment = match id {
        "activity-without-purpose" => controller_activities(non_empty_array("purposes")),
        "activity-without-data-subjects" => controller_activities(non_empty_array("data_subjects")),
        "activity-without-data-categories" => {
            controller_activities(non_empty_array("data_categories"))
        }
        "purpose-without-lawful-basis" => controller_activities(json!({"anyOf": [
            non_empty_array("lawful_bases"),
            {"required": ["data_categories"], "properties": {"data_categories": {
                "minItems": 1, "items": non_empty_array("lawful_bases")
            }}},
            {"properties": {"purposes": {"items": non_empty_array("lawful_bases")}}}
        ]})),
        // Only the error: the interest stated, with a character that is not blank.
        "legitimate-interests-without-assessment" => controller_bases(when(
            "basis",
            "legitimate_interests",
            json!({"required": ["interest"], "properties": {"interest": {
                "type": "string",
                "pattern": crate::model::text::visible_pattern()
            }}}),
        )),
        "recognised-legitimate-interest-outside-uk" => json!({
            "if": {"required": ["regime"], "properties": {"regime": {"const": "eu_gdpr"}}},
            "then": controller_bases(json!({"properties": {"basis": {"not": {"const": "recognised_legitimate_interest"}}}}))
        }),
        // Only the error: the other joint controllers named.
        "joint-controller-without-arrangement" => all_activities(json!({
            "if": {"anyOf": [
                {"required": ["role"], "properties": {"role": {"const": "joint_controller"}}},
                {"required": ["role_changes"], "properties": {"role_changes": {"contains": {
                    "properties": {"role": {"const": "joint_controller"}}
                }}}}
            ]},
            "then": non_empty_array("joint_controllers")
        })),
        // Worldwide publication is a disclosure, not a transfer: it needs no mechanism.
        "transfer-without-mechanism" => transfers(json!({
            "if": {"required": ["destination"], "properties": {"destination": {"const": "worldwide"}}},
            "else": present("mechanism", "string")
        })),
        "transfer-destination-unnamed" => transfers(json!({"allOf": [
            when("destination", "country", present("country", "string")),
            when("destination", "international_organisation", present("organisation", "string")),
            when("destination", "region", json!({"required": ["region"], "properties": {"region": {"enum": ["eea", "eu"]}}}))
        ]})),
        "derogation-not-specified" => transfers(when(
            "mechanism",
            "derogation",
            present("derogation", "string"),
        )),
        "compelling-interests-undocumented" => transfers(when(
            "mechanism",
            "compelling_legitimate_interests",
            present("documentation", "string"),
        )),
        _ => return None,
    };
    let mut fragment = json!({"description": format!("Rule {id}."), "allOf": [fragment]});
    declare_types(&mut fragment);
    Some(fragment)
}

/// Adds the `type` that each keyword applies to, which strict validators (ajv's strictTypes) ask
/// for. It changes no verdict: the structural schema already requires those types there, and a
/// list that may be `null` (read as empty) stays nullable unless the rule needs an item.
fn declare_types(value: &mut Value) {
    match value {
        Value::Object(object) => {
            if !object.contains_key("type") {
                if object.contains_key("properties") || object.contains_key("required") {
                    object.insert("type".to_owned(), json!("object"));
                } else if object.contains_key("contains") || object.contains_key("minItems") {
                    // A list that must hold something: `null`, an empty list to the crate, fails.
                    object.insert("type".to_owned(), json!("array"));
                } else if object.contains_key("items") {
                    object.insert("type".to_owned(), json!(["array", "null"]));
                }
            }
            object.values_mut().for_each(declare_types);
        }
        Value::Array(items) => items.iter_mut().for_each(declare_types),
        _ => {}
    }
}

/// schemars writes formats such as `uint8` and `uint32` that no validator knows; the range they
/// stand for is already in `minimum` and `maximum`.
fn remove_non_standard_formats(value: &mut Value) {
    const STANDARD: &[&str] = &[
        "date",
        "date-time",
        "time",
        "duration",
        "email",
        "uri",
        "uri-reference",
    ];
    match value {
        Value::Object(object) => {
            if object
                .get("format")
                .and_then(Value::as_str)
                .is_some_and(|f| !STANDARD.contains(&f))
            {
                object.remove("format");
            }
            object.values_mut().for_each(remove_non_standard_formats);
        }
        Value::Array(items) => items.iter_mut().for_each(remove_non_standard_formats),
        _ => {}
    }
}
