//! The JSON Schema agrees with the crate: committed files are current, the schema is valid draft
//! 2020-12, and serde and the schema give the same verdict on every fixture, generated register
//! and mutated document; the strict schema rejects exactly when validation reports its rules.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(schema)
        .expect("schema compiles")
}

fn structural() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| validator(&ropa::schema()))
}

fn json_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

/// The first schema error as "pointer: message", or None when the document is accepted.
fn schema_verdict(validator: &jsonschema::Validator, value: &Value) -> Option<String> {
    validator
        .iter_errors(value)
        .next()
        .map(|e| format!("{}: {}", e.instance_path(), e))
}

#[test]
fn committed_schemas_are_current() {
    for (file, schema, command) in [
        (
            "schema/ropa.schema.json",
            ropa::schema(),
            "cargo run --example schema > schema/ropa.schema.json",
        ),
        (
            "schema/ropa.strict.schema.json",
            ropa::strict_schema(),
            "cargo run --example schema -- --strict > schema/ropa.strict.schema.json",
        ),
        (
            "schema/ropa.layout.schema.json",
            ropa::sheet::layout_schema(),
            "cargo run --example schema -- --layout > schema/ropa.layout.schema.json",
        ),
        (
            "schema/ropa.policy.schema.json",
            ropa::validate::policy_schema(),
            "cargo run --example schema -- --policy > schema/ropa.policy.schema.json",
        ),
        (
            "schema/ropa.findings.schema.json",
            ropa::validate::findings_schema(),
            "cargo run --example schema -- --findings > schema/ropa.findings.schema.json",
        ),
        (
            "schema/ropa.diff.schema.json",
            ropa::diff::diff_schema(),
            "cargo run --example schema -- --diff > schema/ropa.diff.schema.json",
        ),
    ] {
        let committed = std::fs::read_to_string(root().join(file)).unwrap_or_default();
        let generated = serde_json::to_string_pretty(&schema).unwrap() + "\n";
        assert!(
            committed == generated,
            "{file} differs from what the code generates; regenerate it with `{command}`"
        );
    }
}

#[test]
fn schemas_are_valid_draft_2020_12() {
    for schema in [ropa::schema(), ropa::strict_schema()] {
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        if let Err(error) = jsonschema::meta::validate(&schema) {
            panic!("{} is not a valid schema: {error}", schema["$id"]);
        }
    }
}

#[test]
fn every_property_definition_and_value_is_described_and_formats_are_standard() {
    fn walk(value: &Value, pointer: &str, problems: &mut Vec<String>) {
        match value {
            Value::Object(object) => {
                if let Some(format) = object.get("format").and_then(Value::as_str)
                    && format != "date"
                {
                    problems.push(format!("{pointer}: non-standard format {format}"));
                }
                if let Some(Value::Object(properties)) = object.get("properties") {
                    for (name, property) in properties {
                        if property.get("description").is_none() {
                            problems.push(format!("{pointer}/properties/{name}: no description"));
                        }
                    }
                }
                if let Some(Value::Array(options)) = object.get("oneOf") {
                    for (i, option) in options.iter().enumerate() {
                        if option.get("const").is_some() && option.get("description").is_none() {
                            problems.push(format!(
                                "{pointer}/oneOf/{i}: vocabulary value without description"
                            ));
                        }
                    }
                }
                if object.contains_key("enum") && !pointer.contains("allOf") {
                    problems.push(format!("{pointer}: enum values without descriptions"));
                }
                for (key, child) in object {
                    walk(child, &format!("{pointer}/{key}"), problems);
                }
            }
            Value::Array(items) => items
                .iter()
                .enumerate()
                .for_each(|(i, v)| walk(v, &format!("{pointer}/{i}"), problems)),
            _ => {}
        }
    }
    let schema = ropa::schema();
    let mut problems = Vec::new();
    walk(&schema, "", &mut problems);
    for (name, definition) in schema["$defs"].as_object().unwrap() {
        if definition.get("description").is_none() {
            problems.push(format!("/$defs/{name}: no description"));
        }
    }
    assert!(schema.get("description").is_some());
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(
        schema["$defs"]["IsoDuration"]["pattern"],
        ropa::DURATION_PATTERN
    );
}

/// Every description of both schemas, with its pointer.
fn descriptions(value: &Value, pointer: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(object) => {
            if let Some(Value::String(description)) = object.get("description") {
                out.push((pointer.to_owned(), description.clone()));
            }
            for (key, child) in object {
                descriptions(child, &format!("{pointer}/{key}"), out);
            }
        }
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| descriptions(v, &format!("{pointer}/{i}"), out)),
        _ => {}
    }
}

/// Descriptions are for people reading the schema in any language: no intra-doc links, no Rust
/// code, no Rust paths; a name in backticks is a definition of the schema.
#[test]
fn descriptions_carry_no_rust() {
    for schema in [ropa::schema(), ropa::strict_schema()] {
        let titles: Vec<&str> = schema["$defs"]
            .as_object()
            .unwrap()
            .values()
            .map(|d| d["title"].as_str().unwrap())
            .collect();
        let mut all = Vec::new();
        descriptions(&schema, "", &mut all);
        assert!(all.len() > 300, "{}", all.len());
        let mut problems = Vec::new();
        for (pointer, text) in &all {
            for rust in ["](", "crate::", "```", "::", "# Examples", "[`", "`]"] {
                if text.contains(rust) {
                    problems.push(format!("{pointer}: {rust:?} in {text:?}"));
                }
            }
            for (i, quoted) in text.split('`').enumerate() {
                // A Rust type's name: CamelCase (durations such as `P28D` are values).
                let type_like = quoted
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_uppercase())
                    && quoted.chars().any(|c| c.is_ascii_lowercase())
                    && quoted.chars().all(|c| c.is_ascii_alphanumeric());
                if i % 2 == 1 && type_like && !titles.contains(&quoted) {
                    problems.push(format!("{pointer}: `{quoted}` is no definition"));
                }
            }
        }
        assert!(problems.is_empty(), "{problems:#?}");
        assert_eq!(
            schema["description"].as_str().map(|d| d.contains("let ")),
            Some(false)
        );
    }
    // What the doc comments had: the cleaning is what removed it.
    let activity_id = &ropa::schema()["$defs"]["ActivityId"]["description"];
    assert_eq!(
        activity_id,
        "Identifies a `ProcessingActivity` in the register."
    );
    assert_eq!(
        ropa::schema()["description"],
        "A record of processing activities."
    );
}

/// Code generators name types after `title` (quicktype) and make a new type of a `$ref` with
/// siblings such as `default` or `description` (json-schema-to-typescript's `RetentionPeriod1`).
#[test]
fn definitions_are_titled_with_their_name_and_refs_have_no_default() {
    fn walk(value: &Value, pointer: &str, problems: &mut Vec<String>) {
        match value {
            Value::Object(object) => {
                if object.contains_key("$ref") && object.len() > 1 {
                    problems.push(format!("{pointer}: $ref with siblings"));
                }
                for (key, child) in object {
                    walk(child, &format!("{pointer}/{key}"), problems);
                }
            }
            Value::Array(items) => items
                .iter()
                .enumerate()
                .for_each(|(i, v)| walk(v, &format!("{pointer}/{i}"), problems)),
            _ => {}
        }
    }
    for schema in [ropa::schema(), ropa::strict_schema()] {
        let definitions = schema["$defs"].as_object().unwrap();
        assert!(definitions.len() > 50);
        for (name, definition) in definitions {
            assert_eq!(definition["title"], name.as_str());
        }
        let mut problems = Vec::new();
        walk(&schema, "", &mut problems);
        assert!(problems.is_empty(), "{problems:#?}");
    }
    let rule = &ropa::schema()["$defs"]["RetentionRule"]["properties"]["retention"];
    assert_eq!(rule["anyOf"][0]["$ref"], "#/$defs/RetentionPeriod");
    assert_eq!(rule["description"], "How long the data is kept.");
    assert!(
        !ropa::schema()["$defs"]["RetentionRule"]["required"]
            .as_array()
            .is_some_and(|r| r.contains(&"retention".into()))
    );
}

/// Every optional property accepts `null`, which the crate reads as absent (an empty list, `false`,
/// the default retention period), as code generated in other languages writes it.
#[test]
fn every_optional_property_is_nullable() {
    fn accepts_null(property: &Value) -> bool {
        property["type"]
            .as_array()
            .is_some_and(|t| t.contains(&"null".into()))
            || property["anyOf"]
                .as_array()
                .is_some_and(|a| a.iter().any(|o| o["type"] == "null"))
    }
    let schema = ropa::schema();
    let (mut lists, mut flags, mut optional) = (0, 0, 0);
    for definition in schema["$defs"]
        .as_object()
        .unwrap()
        .values()
        .chain([&schema])
    {
        let required = definition["required"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        for (name, property) in definition["properties"].as_object().into_iter().flatten() {
            if required.contains(&name.as_str().into()) {
                continue;
            }
            assert!(accepts_null(property), "{name}: {property}");
            optional += 1;
            lists += usize::from(property.get("items").is_some());
            flags += usize::from(property["type"] == serde_json::json!(["boolean", "null"]));
        }
    }
    assert!(
        lists >= 44 && flags >= 11 && optional > 150,
        "{lists} {flags} {optional}"
    );
}

#[test]
fn valid_registers_are_accepted_by_serde_and_the_schema() {
    let mut files = json_files("examples/data");
    files.extend(json_files("tests/fixtures/valid"));
    assert!(files.len() >= 8);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        ropa::from_str(&text).unwrap_or_else(|e| panic!("{}: serde rejects: {e}", file.display()));
        let value: Value = serde_json::from_str(&text).unwrap();
        if let Some(error) = schema_verdict(structural(), &value) {
            panic!("{}: the schema rejects at {error}", file.display());
        }
    }
}

#[test]
fn invalid_registers_are_rejected_by_serde_and_the_schema() {
    let files = json_files("tests/fixtures/invalid");
    assert!(files.len() >= 15);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let serde = ropa::from_str(&text);
        assert!(serde.is_err(), "{}: serde accepts it", file.display());
        let error = serde.unwrap_err();
        assert!(
            error.pointer().is_some() && error.line_column().is_some(),
            "{}: {error}",
            file.display()
        );
        let value: Value = serde_json::from_str(&text).unwrap();
        assert!(
            schema_verdict(structural(), &value).is_some(),
            "{}: the schema accepts it (serde says {error})",
            file.display()
        );
    }
}

/// The number of proptest cases: `PROPTEST_CASES` when set, else the default given.
pub fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Replacement values that probe each kind of constraint.
const PROBES: &[&str] = &[
    "null",
    "true",
    "false",
    "0",
    "-1",
    "7",
    "7.0",
    "12.5",
    "256",
    "\"\"",
    "\"x\"",
    "\"GB\"",
    "\"gb\"",
    "\"P1Y\"",
    "\"P1Y2M3W4D\"",
    "\"PT1H\"",
    "\"P\"",
    "\"P1234567890D\"",
    "\"2024-02-29\"",
    "\"2023-02-29\"",
    "\"2024-2-9\"",
    "\"+2024-01-01\"",
    "\"consent\"",
    "\"public_task\"",
    "\"controller\"",
    "\"processor\"",
    "\"health\"",
    "\"adequacy\"",
    "\"derogation\"",
    "\"country\"",
    "\"worldwide\"",
    "\"delete\"",
    "\"uk_gdpr\"",
    "\"explicit\"",
    "\"part2\"",
    "\"equality_of_opportunity\"",
    "[]",
    "{}",
    "[1]",
    "[\"x\"]",
];

/// Applies one mutation, chosen by `choice`, at the node chosen by `target`.
fn mutate(value: &mut Value, target: usize, choice: usize) {
    let mut nodes: Vec<String> = Vec::new();
    fn collect(value: &Value, pointer: String, nodes: &mut Vec<String>) {
        match value {
            Value::Object(o) => o.iter().for_each(|(k, v)| {
                collect(v, format!("{pointer}/{}", ropa::escape_token(k)), nodes)
            }),
            Value::Array(a) => a
                .iter()
                .enumerate()
                .for_each(|(i, v)| collect(v, format!("{pointer}/{i}"), nodes)),
            _ => {}
        }
        nodes.push(pointer);
    }
    collect(value, String::new(), &mut nodes);
    let pointer = nodes[target % nodes.len()].clone();
    let node = value.pointer_mut(&pointer).unwrap();
    match (choice % 4, node) {
        (0, Value::Object(o)) if !o.is_empty() => {
            let key = o.keys().nth(choice / 4 % o.len()).unwrap().clone();
            o.remove(&key);
        }
        (1, Value::Object(o)) => {
            o.insert(
                ["retension", "note", "id", "kind", "role"][choice / 4 % 5].to_owned(),
                serde_json::from_str(PROBES[choice % PROBES.len()]).unwrap(),
            );
        }
        (2, Value::Array(a)) if !a.is_empty() => {
            a.remove(choice / 4 % a.len());
        }
        (_, node) => *node = serde_json::from_str(PROBES[choice % PROBES.len()]).unwrap(),
    }
}

fn same_verdict(value: &Value) -> Result<(), TestCaseError> {
    let text = serde_json::to_string(value).unwrap();
    let serde = ropa::from_str(&text);
    let schema = schema_verdict(structural(), value);
    match (&serde, &schema) {
        (Ok(_), None) | (Err(_), Some(_)) => Ok(()),
        (Ok(_), Some(error)) => Err(TestCaseError::fail(format!(
            "serde accepts, the schema rejects at {error}\n{text}"
        ))),
        (Err(error), None) => Err(TestCaseError::fail(format!(
            "serde rejects ({error}), the schema accepts\n{text}"
        ))),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(64)))]

    #[test]
    fn generated_registers_are_accepted_and_parse_back_equal(seed in any::<u64>(), activities in 0usize..12) {
        let register = ropa::synth::synthetic_register(activities, seed);
        let text = ropa::to_string(&register).unwrap();
        let value: Value = serde_json::from_str(&text).unwrap();
        prop_assert!(schema_verdict(structural(), &value).is_none(), "{:?}", schema_verdict(structural(), &value));
        prop_assert_eq!(ropa::from_str(&text).unwrap(), register);
    }

    #[test]
    fn mutated_documents_get_the_same_verdict(seed in any::<u64>(), mutations in proptest::collection::vec((any::<usize>(), any::<usize>()), 1..4)) {
        let mut value = serde_json::to_value(ropa::synth::synthetic_register(3, seed)).unwrap();
        for (target, choice) in mutations {
            mutate(&mut value, target, choice);
        }
        same_verdict(&value)?;
    }

    #[test]
    fn mutated_seed_registers_get_the_same_verdict(file in 0usize..64, mutations in proptest::collection::vec((any::<usize>(), any::<usize>()), 1..3)) {
        let files = json_files("examples/data");
        let mut value: Value = serde_json::from_str(&std::fs::read_to_string(&files[file % files.len()]).unwrap()).unwrap();
        for (target, choice) in mutations {
            mutate(&mut value, target, choice);
        }
        same_verdict(&value)?;
    }
}

/// Every register the strict-rule test judges: the examples, the rule cases and generated ones.
fn test_registers() -> Vec<(String, ropa::Register)> {
    let mut registers: Vec<(String, ropa::Register)> = json_files("examples/data")
        .into_iter()
        .chain(json_files("tests/fixtures/valid"))
        .map(|f| (f.display().to_string(), ropa::from_path(&f).unwrap()))
        .collect();
    registers.extend(crate::rules::case_registers());
    for seed in 0..40 {
        registers.push((
            format!("synthetic_register(30, {seed})"),
            ropa::synth::synthetic_register(30, seed),
        ));
    }
    registers
}

#[test]
fn the_strict_schema_rejects_exactly_when_validation_reports_its_rules_as_errors() {
    let registers = test_registers();
    let options =
        ropa::ValidationOptions::default().as_of(NaiveDate::from_ymd_opt(2026, 6, 1).unwrap());
    let mut disagreements = Vec::new();
    let mut fired = std::collections::BTreeMap::new();
    for rule in ropa::STRICT_RULES {
        let strict = validator(&ropa::strict_schema_with(&[rule]));
        for (name, register) in &registers {
            let value = serde_json::to_value(register).unwrap();
            let schema_error = schema_verdict(&strict, &value);
            let report = ropa::validate(register, &options);
            let finding = report
                .of_rule(rule)
                .find(|f| f.severity == ropa::Severity::Error);
            if finding.is_some() {
                *fired.entry(*rule).or_insert(0) += 1;
            }
            match (finding, schema_error) {
                (Some(f), None) => disagreements.push(format!("{rule} on {name}: validation reports {} but the strict schema accepts", f.path)),
                (None, Some(e)) => disagreements.push(format!("{rule} on {name}: the strict schema rejects at {e} but validation reports nothing")),
                _ => {}
            }
        }
    }
    assert!(disagreements.is_empty(), "{disagreements:#?}");
    for rule in ropa::STRICT_RULES {
        assert!(
            fired.get(rule).copied().unwrap_or(0) > 0,
            "{rule} never fired on the test registers, so the agreement proves nothing"
        );
    }
    // The full strict schema accepts the clean processor register and rejects a seed with gaps.
    let strict = validator(&ropa::strict_schema());
    let clean = serde_json::to_value(
        ropa::from_path(root().join("examples/data/northfield-research-processor.json")).unwrap(),
    )
    .unwrap();
    assert!(schema_verdict(&strict, &clean).is_none());
    let gaps = serde_json::to_value(
        ropa::from_path(root().join("examples/data/parents-1st-peer-support.json")).unwrap(),
    )
    .unwrap();
    assert!(schema_verdict(&strict, &gaps).is_some());
}

/// The register's JSON with every value under `key` written as `null`, as generated code in other
/// languages writes a value it never set.
fn with_nulls(value: &Value, key: &str) -> Value {
    match value {
        Value::Object(object) => Value::Object(
            object
                .iter()
                .map(|(k, v)| {
                    let v = if k == key {
                        Value::Null
                    } else {
                        with_nulls(v, key)
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(|v| with_nulls(v, key)).collect()),
        other => other.clone(),
    }
}

/// `null` reads as absent wherever a value is optional: serde and the schema agree on which
/// fields may be `null`, and the strict schema still agrees with validation, both where a rule
/// needs an item (`missing-retention`) and where it only looks at the items.
#[test]
fn serde_and_both_schemas_agree_on_nulls() {
    let options =
        ropa::ValidationOptions::default().as_of(NaiveDate::from_ymd_opt(2026, 6, 1).unwrap());
    let mut registers: Vec<Value> = json_files("examples/data")
        .iter()
        .map(|f| serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap())
        .collect();
    for seed in 0..2 {
        registers.push(serde_json::to_value(ropa::synth::synthetic_register(4, seed)).unwrap());
    }
    let strict: Vec<(&str, jsonschema::Validator)> = ropa::STRICT_RULES
        .iter()
        .map(|rule| (*rule, validator(&ropa::strict_schema_with(&[rule]))))
        .collect();
    let mut disagreements = Vec::new();
    let (mut accepted, mut rejected) = (0, 0);
    for value in &registers {
        let mut keys = std::collections::BTreeSet::new();
        fn all_keys(value: &Value, keys: &mut std::collections::BTreeSet<String>) {
            match value {
                Value::Object(o) => o.iter().for_each(|(k, v)| {
                    keys.insert(k.clone());
                    all_keys(v, keys)
                }),
                Value::Array(a) => a.iter().for_each(|v| all_keys(v, keys)),
                _ => {}
            }
        }
        all_keys(value, &mut keys);
        for key in &keys {
            let nulled = with_nulls(value, key);
            let structural_error = schema_verdict(structural(), &nulled);
            let register = match ropa::from_str(&nulled.to_string()) {
                Ok(register) => register,
                Err(error) => {
                    rejected += 1;
                    if structural_error.is_none() {
                        disagreements.push(format!(
                            "null {key}: serde rejects ({error}), the schema accepts"
                        ));
                    }
                    continue;
                }
            };
            accepted += 1;
            if let Some(error) = structural_error {
                disagreements.push(format!(
                    "null {key}: serde accepts, the schema rejects at {error}"
                ));
                continue;
            }
            let report = ropa::validate(&register, &options);
            for (rule, strict) in &strict {
                let error = report
                    .of_rule(rule)
                    .any(|f| f.severity == ropa::Severity::Error);
                if error != schema_verdict(strict, &nulled).is_some() {
                    disagreements.push(format!("{rule} with null {key}: validation error {error}"));
                }
            }
        }
    }
    assert!(accepted > 300 && rejected > 50, "{accepted} {rejected}");
    assert!(disagreements.is_empty(), "{disagreements:#?}");
}

#[test]
fn the_readme_names_the_strict_rules() {
    let readme = include_str!("../../README.md");
    for rule in ropa::STRICT_RULES {
        assert!(readme.contains(&format!("`{rule}`")), "{rule}");
    }
    assert!(readme.contains("## Using the schema from other languages"));
}
