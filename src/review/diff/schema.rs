//! The JSON Schema of `ropa diff --format json` ([`Diff`](super::Diff) as JSON): the changes
//! grouped by scope, and the findings introduced and resolved where they were compared.

use serde_json::{Value, json};

/// The schema's `$id`.
pub const DIFF_SCHEMA_ID: &str = "https://github.com/ropa-rs/ropa/schema/ropa.diff.schema.json";

/// The JSON Schema (draft 2020-12) of a diff as JSON; its findings are those of
/// [`findings_schema`](crate::validate::findings_schema).
///
/// ```
/// let schema = ropa::diff::diff_schema();
/// assert_eq!(schema["required"][0], "groups");
/// ```
pub fn diff_schema() -> Value {
    let findings = crate::validate::findings_schema();
    let finding = findings["$defs"]["Finding"].clone();
    let note = findings["$defs"]["PolicyNote"].clone();
    let nullable_string = json!({ "type": ["string", "null"] });
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": DIFF_SCHEMA_ID,
        "title": "ropa diff",
        "description": "What changed between two versions of a register (`ropa diff --format json`).",
        "type": "object",
        "additionalProperties": false,
        "required": ["groups"],
        "properties": {
            "groups": {
                "description": "The changes, grouped by the top-level item they are in, in the registers' order.",
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["scope", "changes"],
                    "properties": {
                        "scope": { "description": "The item in words, e.g. \"activity 'Casework'\", or \"register\".", "type": "string" },
                        "changes": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/Change" } }
                    }
                }
            },
            "findings": {
                "description": "The findings the change introduced and resolved, where both versions were validated.",
                "type": "object",
                "additionalProperties": false,
                "required": ["as_of", "introduced", "resolved"],
                "properties": {
                    "as_of": { "description": "The day both versions were judged on.", "type": ["string", "null"], "format": "date" },
                    "introduced": { "type": "array", "items": { "$ref": "#/$defs/Finding" } },
                    "resolved": { "type": "array", "items": { "$ref": "#/$defs/Finding" } }
                }
            }
        },
        "$defs": {
            "Change": {
                "type": "object",
                "additionalProperties": false,
                "required": ["kind", "old_pointer", "new_pointer", "old_value", "new_value", "summary"],
                "properties": {
                    "kind": { "enum": ["added", "removed", "changed"] },
                    "old_pointer": nullable_string,
                    "new_pointer": nullable_string,
                    "old_value": { "description": "The old value as JSON; null when added." },
                    "new_value": { "description": "The new value as JSON; null when removed." },
                    "summary": { "description": "The change in words, within its scope.", "type": "string" }
                }
            },
            "Finding": finding,
            "PolicyNote": note,
            "Action": findings["$defs"]["Action"].clone(),
            "Severity": findings["$defs"]["Severity"].clone()
        }
    })
}
