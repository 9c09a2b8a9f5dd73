//! Every JSON the crate writes has a schema, and real output meets it (issue 28, point 11):
//! the findings (`validate --format json`, `report --kind findings --format json`), the diff
//! (`diff --format json`), and SARIF's rule help, which points at each rule's documentation.

use serde_json::Value;

use super::cli::example;

fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(schema)
        .unwrap()
}

fn assert_meets(validator: &jsonschema::Validator, output: &[u8], what: &str) {
    let value: Value = serde_json::from_slice(output).unwrap_or_else(|e| panic!("{what}: {e}"));
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .take(5)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
}

#[test]
fn validate_json_meets_the_findings_schema() {
    let validator = validator(&ropa::validate::findings_schema());
    let mut files: Vec<String> = super::examples_data::example_files()
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    files.push("tests/fixtures/invalid/unknown-field.json".to_owned());
    files.push("tests/fixtures/sheets/ico-controller.xlsx".to_owned());
    files.push("tests/fixtures/sheets/no-headings.xlsx".to_owned());
    let output = example("validate")
        .args(["--format", "json", "--as-of", "2026-12-06"])
        .args(&files)
        .output()
        .unwrap();
    let rows: Value = serde_json::from_slice(&output.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert!(
        rows.iter().any(|r| r.get("cell").is_some()),
        "a workbook's cells"
    );
    assert!(rows.iter().any(|r| r["rule"] == "parse-error"));
    assert_meets(&validator, &output.stdout, "validate --format json");

    for file in [
        "examples/data/doncaster-peer-support-groups.json",
        "examples/data/northfield-research-processor.json",
    ] {
        let report = example("report")
            .args([
                "--kind",
                "findings",
                "--format",
                "json",
                "--as-of",
                "2026-12-06",
                file,
            ])
            .output()
            .unwrap();
        assert_eq!(report.status.code(), Some(0));
        assert_meets(&validator, &report.stdout, file);
    }
}

#[test]
fn a_finding_the_policy_decided_on_meets_the_schema() {
    let validator = validator(&ropa::validate::findings_schema());
    let register = ropa::from_path("examples/data/doncaster-peer-support-groups.json").unwrap();
    let policy = ropa::Policy::from_toml(
        "[[suppress]]\nrule = \"missing-controller-contact\"\nreason = \"r\"\nowner = \"o\"\nexpires = 2030-01-01\n[[severity]]\nrule = \"derogation-by-public-authority\"\nseverity = \"warning\"\nreason = \"s\"",
    )
    .unwrap();
    let options = ropa::ValidationOptions::default()
        .as_of("2026-12-06".parse().unwrap())
        .policy(policy);
    let report = ropa::validate(&register, &options);
    assert!(report.findings.iter().any(|f| f.is_suppressed()));
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.policy.as_ref().is_some_and(|n| n.rule_severity.is_some()))
    );
    assert_meets(
        &validator,
        &serde_json::to_vec(&report).unwrap(),
        "a report with a policy",
    );
}

#[test]
fn diff_json_meets_the_diff_schema() {
    let validator = validator(&ropa::diff::diff_schema());
    for args in [
        &["--format", "json", "--as-of", "2026-12-06"][..],
        &["--format", "json"][..],
    ] {
        let output = example("diff")
            .args(args)
            .args([
                "examples/data/northfield-research-processor.json",
                "examples/data/doncaster-peer-support-groups.json",
            ])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1));
        assert_meets(&validator, &output.stdout, &args.join(" "));
    }
}

#[test]
fn every_rule_in_sarif_points_at_its_own_documentation() {
    let output = example("validate")
        .args([
            "--format",
            "sarif",
            "examples/data/northfield-research-processor.json",
        ])
        .output()
        .unwrap();
    let log: Value = serde_json::from_slice(&output.stdout).unwrap();
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert_eq!(rules.len(), ropa::catalogue().len());
    let mut sources = String::new();
    for entry in std::fs::read_dir("src/validate").unwrap() {
        sources.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    for rule in rules {
        let uri = rule["helpUri"].as_str().unwrap();
        let constant = uri
            .strip_prefix(&format!(
                "https://docs.rs/ropa/{}/ropa/validate/constant.",
                env!("CARGO_PKG_VERSION")
            ))
            .and_then(|rest| rest.strip_suffix(".html"))
            .unwrap_or_else(|| panic!("{uri}"));
        assert!(
            sources.contains(&format!(
                "pub const {constant}: Rule = Rule {{\n    id: {},",
                rule["id"]
            )),
            "{uri} names no rule constant of {}",
            rule["id"]
        );
        assert!(!rule["help"]["text"].as_str().unwrap().is_empty());
    }
}
