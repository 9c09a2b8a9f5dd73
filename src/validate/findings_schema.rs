//! The JSON Schema of the findings the crate writes: `ropa validate --format json` (an array of
//! rows, one a finding, each naming its file) and `ropa report --kind findings --format json` (a
//! [`ValidationReport`](super::ValidationReport): `{"findings": [...]}`). Integrators in other
//! languages read findings against it; a test checks real output with it.

use serde_json::{Value, json};

/// The schema's `$id`.
pub const FINDINGS_SCHEMA_ID: &str =
    "https://github.com/ropa-rs/ropa/schema/ropa.findings.schema.json";

/// The JSON Schema (draft 2020-12) of findings as JSON: either the rows of
/// `ropa validate --format json` or the findings of `ropa report --kind findings --format json`.
///
/// ```
/// let schema = ropa::validate::findings_schema();
/// assert_eq!(schema["$defs"]["Severity"]["enum"][0], "info");
/// ```
pub fn findings_schema() -> Value {
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": FINDINGS_SCHEMA_ID,
        "title": "ropa findings",
        "description": "Findings of ropa's validation: the rows of `ropa validate --format json` (each naming its file), or the findings of `ropa report --kind findings --format json`.",
        "anyOf": [
            { "type": "array", "items": { "$ref": "#/$defs/Row" } },
            { "type": "array", "items": { "$ref": "#/$defs/Finding" } }
        ],
        "$defs": {
            "Finding": finding_definition(),
            "Row": row_definition(),
            "PolicyNote": policy_note_definition(),
            "Action": action_definition(),
            "Severity": { "enum": ["info", "warning", "error"] }
        }
    })
}

/// The properties every finding has, in the order they are written.
fn finding_properties() -> serde_json::Map<String, Value> {
    let ids: Vec<&str> = super::catalogue().iter().map(|rule| rule.id).collect();
    let properties = json!({
        "rule": { "description": "The rule's stable id (`ropa validate --list-rules`).", "enum": ids },
        "severity": { "$ref": "#/$defs/Severity" },
        "path": { "description": "The RFC 6901 JSON Pointer into the register's JSON; \"\" for the register itself.", "type": "string" },
        "message": { "description": "What is wrong and what would fix it.", "type": "string" },
        "citation": { "description": "The provision cited, prefixed by the regime, e.g. \"UK GDPR Art 9(1)\".", "type": "string" },
        "policy": { "$ref": "#/$defs/PolicyNote" },
        "action": { "$ref": "#/$defs/Action" }
    });
    match properties {
        Value::Object(map) => map,
        _ => serde_json::Map::new(),
    }
}

/// One finding.
fn finding_definition() -> Value {
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["rule", "severity", "path", "message", "citation"],
        "properties": finding_properties()
    })
}

/// One row of `ropa validate --format json`: the file, then the finding's own fields.
fn row_definition() -> Value {
    let mut properties = serde_json::Map::new();
    properties.insert(
        "file".to_owned(),
        json!({ "description": "The file as named on the command line (`-` for standard input).", "type": "string" }),
    );
    properties.insert(
        "cell".to_owned(),
        json!({ "description": "For a spreadsheet, the cell the finding is about, e.g. `Template!L12`.", "type": "string" }),
    );
    properties.insert(
        "place".to_owned(),
        json!({ "description": "The finding's place with ids for list positions, as a policy file's suppression names it; absent for a file that cannot be read.", "type": "string" }),
    );
    properties.extend(finding_properties());
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["file", "rule", "severity", "path", "message", "citation"],
        "properties": properties
    })
}

/// What the organisation's policy decided about a finding.
fn policy_note_definition() -> Value {
    json!({
        "description": "What the organisation's policy file decided: the finding accepted (shown, not counted), or its severity set.",
        "type": "object",
        "additionalProperties": false,
        "required": ["reason", "suppressed"],
        "properties": {
            "rule_severity": { "description": "The severity the rule gave, where the policy set another.", "$ref": "#/$defs/Severity" },
            "reason": { "type": "string" },
            "suppressed": { "description": "Accepted: shown, but not counted toward the exit status.", "type": "boolean" },
            "owner": { "type": "string" },
            "expires": { "description": "The first day a suppressed finding counts again.", "type": "string", "format": "date" }
        }
    })
}

/// The policy's action on a finding.
fn action_definition() -> Value {
    json!({
        "description": "Who fixes the finding, by when, and where the work stands (the policy file's `[[action]]`).",
        "type": "object",
        "additionalProperties": false,
        "required": ["rule", "status"],
        "properties": {
            "rule": { "type": "string" },
            "at": { "type": "string" },
            "owner": { "type": "string" },
            "due": { "type": "string", "format": "date" },
            "status": { "enum": ["open", "in_progress", "done"] }
        }
    })
}
