//! SARIF output of validation: valid against the SARIF 2.1.0 schema, each result at the line and
//! column of the value its JSON Pointer names, positions found in one pass.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use ropa::sarif::{Position, Sarif, locate};
use ropa::{DataCategory, Party, ProcessingActivity, Register, ValidationOptions};
use serde_json::Value;

use crate::cli::example;
use crate::examples_data::example_files;

fn sarif_schema() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        // The schema's pattern for `run.language` has an unescaped `]`, which ECMA-262 regexes in
        // unicode mode reject, so the jsonschema crate refuses the schema as published; the
        // pattern is escaped here (ropa writes no `language`) and the file is kept as published.
        let text = include_str!("../fixtures/sarif/sarif-schema-2.1.0.json")
            .replace(r#"-[a-zA-Z]{2}]?$""#, r#"-[a-zA-Z]{2}\\]?$""#);
        let schema: Value = serde_json::from_str(&text).unwrap();
        jsonschema::draft7::options()
            .should_validate_formats(true)
            .build(&schema)
            .unwrap()
    })
}

pub fn assert_valid_sarif(log: &Value) {
    let errors: Vec<String> = sarif_schema()
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

fn options() -> ValidationOptions {
    ValidationOptions::default().as_of("2026-11-22".parse().unwrap())
}

fn sarif_of(uri: &str, text: &str) -> Value {
    let register = ropa::from_str(text).unwrap();
    let report = ropa::validate(&register, &options());
    let mut sarif = Sarif::new();
    sarif.add_findings(uri, text, &register, &report);
    serde_json::to_value(sarif.finish()).unwrap()
}

/// Each result's line holds the value its pointer names, starting at its column, and for an
/// object member the member's key.
fn assert_locations_hold_their_values(text: &str, log: &Value) {
    let json: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).unwrap();
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split('\n').collect();
    let results = log["runs"][0]["results"].as_array().unwrap();
    for result in results {
        let location = &result["locations"][0];
        let pointer = location["logicalLocations"][0]["fullyQualifiedName"]
            .as_str()
            .unwrap();
        let region = &location["physicalLocation"]["region"];
        let line = lines[region["startLine"].as_u64().unwrap() as usize - 1];
        let column = region["startColumn"].as_u64().unwrap() as usize;
        let from_column: String = line.chars().skip(column - 1).collect();
        let value = json.pointer(pointer).unwrap_or_else(|| panic!("{pointer}"));
        let serialized = serde_json::to_string(value).unwrap();
        let first = serialized.chars().next().unwrap();
        assert!(
            from_column.starts_with(first),
            "{pointer}: column {column} of {line:?} does not start {first}"
        );
        if let Value::String(_) | Value::Bool(_) | Value::Number(_) = value {
            assert!(from_column.starts_with(&serialized), "{pointer}: {line:?}");
        }
        // The register itself (pointer "") has no key.
        let Some((parent, key)) = pointer.rsplit_once('/') else {
            continue;
        };
        if json.pointer(parent).is_some_and(Value::is_object) {
            let key = key.replace("~1", "/").replace("~0", "~");
            assert!(
                line.contains(&serde_json::to_string(&key).unwrap()),
                "{pointer}: key not on {line:?}"
            );
        }
    }
}

#[test]
fn sarif_of_every_example_register_is_valid_and_locates_every_finding() {
    let mut total = 0;
    for file in example_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        let uri = format!(
            "examples/data/{}",
            file.file_name().unwrap().to_string_lossy()
        );
        let log = sarif_of(&uri, &text);
        assert_valid_sarif(&log);
        assert_locations_hold_their_values(&text, &log);
        let run = &log["runs"][0];
        let results = run["results"].as_array().unwrap();
        total += results.len();
        for result in results {
            assert_eq!(
                result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                uri.as_str()
            );
            let index = result["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(
                run["tool"]["driver"]["rules"][index]["id"],
                result["ruleId"]
            );
        }
    }
    // The bundled registers have findings (the README lists them); all of them were checked.
    assert!(total > 40, "{total}");
}

#[test]
fn the_rule_catalogue_is_the_drivers_rules_with_citations_and_levels() {
    let log = serde_json::to_value(Sarif::new().finish()).unwrap();
    assert_valid_sarif(&log);
    assert_eq!(log["version"], "2.1.0");
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert_eq!(rules.len(), ropa::catalogue().len());
    for (rule, sarif) in ropa::catalogue().iter().zip(rules) {
        assert_eq!(sarif["id"], rule.id);
        assert_eq!(sarif["shortDescription"]["text"], rule.summary);
        let help = sarif["help"]["text"].as_str().unwrap();
        for regime in [ropa::Regime::UkGdpr, ropa::Regime::EuGdpr] {
            let cited = ropa::law::rule_citations_in_words(rule, regime);
            assert!(help.contains(&cited), "{}: {help}", rule.id);
        }
        let level = match rule.severity {
            ropa::Severity::Error => "error",
            ropa::Severity::Warning => "warning",
            _ => "note",
        };
        assert_eq!(sarif["defaultConfiguration"]["level"], level, "{}", rule.id);
    }
    assert_eq!(
        log["runs"][0]["invocations"][0]["executionSuccessful"],
        true
    );
}

#[test]
fn levels_follow_severity() {
    // The parents 1st register has errors, warnings and info.
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/parents-1st-peer-support.json"
    ))
    .unwrap();
    let register = ropa::from_str(&text).unwrap();
    let report = ropa::validate(&register, &options());
    let log = sarif_of("p.json", &text);
    let levels: Vec<&str> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["level"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = report
        .findings
        .iter()
        .map(|f| match f.severity {
            ropa::Severity::Error => "error",
            ropa::Severity::Warning => "warning",
            _ => "note",
        })
        .collect();
    assert_eq!(levels, expected);
    for level in ["error", "warning", "note"] {
        assert!(levels.contains(&level), "{level} not exercised");
    }
}

#[test]
fn locations_hold_in_compact_files_with_wide_characters_and_a_bom() {
    let file = &example_files()[0];
    let register = ropa::from_path(file).unwrap();
    let mut json: Value = serde_json::to_value(&register).unwrap();
    // Names with characters of 2, 3 and 4 bytes in UTF-8, and escapes, before every finding.
    json["parties"][0]["name"] = Value::String("Café “Ωmega” 🦀 \"quoted\" \\ / ~".to_owned());
    for text in [
        serde_json::to_string(&json).unwrap(),
        format!("\u{feff}{}", serde_json::to_string_pretty(&json).unwrap()),
        serde_json::to_string_pretty(&json)
            .unwrap()
            .replace("  ", "\t")
            .replace('\n', "\r\n"),
    ] {
        let log = sarif_of("f.json", &text);
        assert_valid_sarif(&log);
        assert!(!log["runs"][0]["results"].as_array().unwrap().is_empty());
        assert_locations_hold_their_values(&text.replace("\r\n", "\n"), &log);
    }
}

#[test]
fn locate_names_escaped_keys_nested_lists_and_falls_back_to_the_holder() {
    let text = "{\"a/b\": {\"c~d\": [[], {}, [1, {\"\\u00e9\\ud83e\\udd80\": \"x\"}]]},\n \"\\\"q\\\"\": null}";
    let positions = locate(
        text,
        [
            "",
            "/a~1b",
            "/a~1b/c~0d/0",
            "/a~1b/c~0d/1",
            "/a~1b/c~0d/2/1/é🦀",
            "/\"q\"",
            "/a~1b/c~0d/2/9",
            "/missing/deeper",
        ],
    );
    let at = |line, column| Position { line, column };
    assert_eq!(positions[""], at(1, 1));
    assert_eq!(positions["/a~1b"], at(1, 9));
    assert_eq!(positions["/a~1b/c~0d/0"], at(1, 18));
    assert_eq!(positions["/a~1b/c~0d/1"], at(1, 22));
    assert_eq!(positions["/a~1b/c~0d/2/1/é🦀"], at(1, 53));
    assert_eq!(positions["/\"q\""], at(2, 11));
    // Not in the text: the nearest value that holds where it would be.
    assert_eq!(positions["/a~1b/c~0d/2/9"], at(1, 26));
    assert_eq!(positions["/missing/deeper"], at(1, 1));
    // Not JSON: what was found before it stopped, and no panic.
    for broken in [
        "",
        "{",
        "{\"a\"",
        "[1,",
        "{\"a\":\"\\u12",
        "}",
        "[}",
        "\"abc",
    ] {
        let _ = locate(broken, ["/a", "/0", ""]);
    }
    // Deep nesting: pointers are built only under wanted ones, so this is one linear pass (a
    // pointer built at every depth would hash 10^10 bytes).
    let deep = "[".repeat(100_000);
    let start = Instant::now();
    assert_eq!(locate(&deep, ["/0/0"])["/0/0"], at(1, 3));
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
}

/// One activity with 40 000 categories, each a finding: positions come from one pass. (Criminal
/// offence data without authority is one finding a category; special category data without a
/// condition is one finding an activity.)
#[test]
fn forty_thousand_findings_are_located_in_one_pass() {
    let mut activity = ProcessingActivity::controller("big", "Big");
    for i in 0..40_000 {
        activity
            .data_categories
            .push(DataCategory::criminal_offence(
                format!("c{i}"),
                format!("Category {i}"),
            ));
    }
    let register = Register::new(Party::new("org", "Org")).with_activity(activity);
    let text = ropa::to_string(&register).unwrap();
    let report = ropa::validate(&register, &options());
    assert!(report.findings.len() >= 40_000);
    let start = Instant::now();
    let mut sarif = Sarif::new();
    sarif.add_findings("big.json", &text, &register, &report);
    let log = serde_json::to_value(sarif.finish()).unwrap();
    let elapsed = start.elapsed();
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), report.findings.len());
    let lines = results.iter().map(|r| {
        r["locations"][0]["physicalLocation"]["region"]["startLine"]
            .as_u64()
            .unwrap()
    });
    assert!(lines.max().unwrap() > 40_000);
    eprintln!("SARIF of {} findings: {elapsed:?}", results.len());
    // Debug build on a shared machine: a second or two; a scan per finding would take hours.
    assert!(elapsed < Duration::from_secs(30), "{elapsed:?}");
}

#[test]
fn validate_writes_sarif_with_the_exit_status_of_its_findings() {
    let out = example("validate")
        .args([
            "--format",
            "sarif",
            "--as-of",
            "2026-11-22",
            "examples/data/doncaster-peer-support-groups.json",
            "examples/data/northfield-research-processor.json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_valid_sarif(&log);
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(
        results
            .iter()
            .any(|r| r["ruleId"] == "derogation-by-public-authority"
                && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    == "examples/data/doncaster-peer-support-groups.json")
    );

    // A file that does not parse: an error notification where it stops, and status 2.
    let out = example("validate")
        .args([
            "--format",
            "sarif",
            "tests/fixtures/invalid/unknown-field.json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_valid_sarif(&log);
    let result = &log["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "parse-error");
    assert_eq!(result["level"], "error");
    assert_eq!(
        result["locations"][0]["physicalLocation"]["region"],
        serde_json::json!({"startLine": 7, "startColumn": 13})
    );
    assert_eq!(
        result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
        "/parties/0/emial"
    );
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notification = &invocation["toolExecutionNotifications"][0];
    assert_eq!(notification["level"], "error");
    assert_eq!(
        notification["locations"][0]["physicalLocation"]["region"],
        serde_json::json!({"startLine": 7, "startColumn": 13})
    );
}

#[test]
fn uris_are_percent_encoded() {
    let text = std::fs::read_to_string(&example_files()[0]).unwrap();
    let log = sarif_of("registers/our register#2.json", &text);
    assert_valid_sarif(&log);
    assert_eq!(
        log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "registers/our%20register%232.json"
    );
}

#[test]
fn a_workbooks_findings_and_a_broken_workbook_are_valid_sarif() {
    let imported = ropa::sheet::import_path("tests/fixtures/sheets/ico-controller.xlsx").unwrap();
    let mut findings = ropa::validate(&imported.register, &options()).findings;
    findings.extend(ropa::validate::spreadsheet_findings(&imported, &options()));
    let mut sarif = Sarif::new();
    sarif.add_workbook_findings("register.xlsx", &imported, &findings);
    let error = ropa::sheet::import_path("tests/fixtures/sheets/no-headings.xlsx").unwrap_err();
    sarif.add_sheet_error("no-headings.xlsx", &error, &options());
    let log = serde_json::to_value(sarif.finish()).unwrap();
    assert_valid_sarif(&log);
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), findings.len() + 1);
    // Every result of the workbook whose place is a cell names the cell in its message; only
    // findings about the register as a whole (path "") have none.
    let mut placed = 0;
    for (result, finding) in results[..findings.len()].iter().zip(&findings) {
        let text = result["message"]["text"].as_str().unwrap();
        if imported.cell_of(&finding.path).is_some() {
            assert!(text.starts_with("Template!"), "{text}");
            placed += 1;
        } else {
            assert_eq!(finding.path, "", "{text}");
        }
    }
    assert!(placed > 0);
}

#[test]
fn message_text_escapes_links_placeholders_and_bidi_controls() {
    let file = &example_files()[0];
    let register = ropa::from_path(file).unwrap();
    let mut json: Value = serde_json::to_value(&register).unwrap();
    let hostile = "[Click](https://evil.example) {0} \u{202e}txt.exe";
    for party in json["parties"].as_array_mut().unwrap() {
        party["name"] = Value::String(hostile.to_owned());
    }
    for activity in json["activities"].as_array_mut().unwrap() {
        activity["name"] = Value::String(hostile.to_owned());
    }
    let text = serde_json::to_string_pretty(&json).unwrap();
    let log = sarif_of("f.json", &text);
    assert_valid_sarif(&log);
    let messages: Vec<&str> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|result| result["message"]["text"].as_str().unwrap())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("\\[Click\\](https://evil.example) {{0}} \\[U+202E\\]txt.exe")),
        "some message quotes the name, escaped: {messages:#?}"
    );
    for message in messages {
        assert!(!message.contains('\u{202e}'), "{message}");
        let unescaped = message.replace("\\[", "").replace("\\]", "");
        assert!(!unescaped.contains(['[', ']']), "a raw bracket: {message}");
        let undoubled = message.replace("{{", "").replace("}}", "");
        assert!(!undoubled.contains(['{', '}']), "a raw brace: {message}");
    }
}
