//! Parse errors name the file, the JSON Pointer and line:column; legal gaps parse.

use std::path::Path;

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

const MINIMAL: &str = r#"{
  "schema_version": "1.0",
  "organisation": "org",
  "parties": [{"id": "org", "name": "Org"}],
  "activities": []
}"#;

#[test]
fn a_minimal_register_parses() {
    let register = ropa::from_str(MINIMAL).unwrap();
    assert_eq!(register.organisation().unwrap().name, "Org");
}

#[test]
fn a_typo_is_an_error_with_pointer_and_position() {
    let json = MINIMAL.replace(
        r#""activities": []"#,
        r#""activities": [{"id": "a", "name": "A", "role": "controller", "retension": []}]"#,
    );
    let error = ropa::from_str(&json).unwrap_err();
    assert_eq!(error.pointer(), Some("/activities/0/retension"));
    let (line, column) = error.line_column().unwrap();
    assert_eq!(line, 5);
    assert!(column > 60, "{column}");
    let message = error.to_string();
    assert!(
        message.starts_with("/activities/0/retension: line 5, column"),
        "{message}"
    );
    assert!(message.contains("unknown field `retension`"), "{message}");
}

#[test]
fn a_wrong_enum_value_names_its_pointer() {
    let json = MINIMAL.replace(
        r#""activities": []"#,
        r#""activities": [{"id": "a", "name": "A", "role": "owner"}]"#,
    );
    let error = ropa::from_str(&json).unwrap_err();
    assert_eq!(error.pointer(), Some("/activities/0/role"));
    assert!(
        error.to_string().contains("unknown variant `owner`"),
        "{error}"
    );
}

#[test]
fn impossible_dates_and_bad_durations_are_rejected() {
    let bad_date = MINIMAL.replace(
        r#""organisation": "org","#,
        r#""organisation": "org", "next_review": "2024-02-30","#,
    );
    assert_eq!(
        ropa::from_str(&bad_date).unwrap_err().pointer(),
        Some("/next_review")
    );
    let bad_duration = MINIMAL.replace(
        r#""activities": []"#,
        r#""activities": [{"id": "a", "name": "A", "role": "controller", "retention": [{"retention": {"period": "3 years"}}]}]"#,
    );
    assert_eq!(
        ropa::from_str(&bad_duration).unwrap_err().pointer(),
        Some("/activities/0/retention/0/retention/period")
    );
    let bad_country = MINIMAL.replace(
        r#""name": "Org""#,
        r#""name": "Org", "country": "United Kingdom""#,
    );
    assert_eq!(
        ropa::from_str(&bad_country).unwrap_err().pointer(),
        Some("/parties/0/country")
    );
}

#[test]
fn legal_gaps_parse() {
    // Special category data with no condition, a transfer with no mechanism, no retention.
    let json = MINIMAL.replace(
        r#""activities": []"#,
        r#""activities": [{"id": "a", "name": "A", "role": "controller",
            "data_categories": [{"id": "h", "name": "Health", "special_category": "health"}],
            "transfers": [{"destination": "country", "country": "US"}]}]"#,
    );
    let register = ropa::from_str(&json).unwrap();
    assert!(register.activities[0].transfers[0].mechanism.is_none());
}

#[test]
fn file_errors_name_the_file() {
    let path = fixture("invalid/unknown-field.json");
    let error = ropa::from_path(&path).unwrap_err();
    let message = error.to_string();
    assert!(
        message.starts_with(&format!(
            "{}: /parties/0/emial: line 7, column",
            path.display()
        )),
        "{message}"
    );
    let missing = ropa::from_path(fixture("no-such-file.json")).unwrap_err();
    assert!(matches!(missing, ropa::Error::Io { .. }));
    assert!(missing.to_string().contains("no-such-file.json"));
}

#[test]
fn trailing_garbage_and_syntax_errors_have_positions() {
    let error = ropa::from_str(&format!("{MINIMAL} x")).unwrap_err();
    assert_eq!(error.pointer(), Some(""));
    assert_eq!(error.line_column(), Some((6, 3)));
    let error = ropa::from_str("{\"schema_version\": ").unwrap_err();
    assert!(error.to_string().contains("EOF"), "{error}");
}

#[test]
fn pointer_tokens_are_escaped() {
    assert_eq!(ropa::escape_token("a/b~c"), "a~1b~0c");
}

#[test]
fn versions_1_0_and_1_1_are_read_and_1_1_is_written() {
    let old = ropa::from_str(MINIMAL).unwrap();
    assert_eq!(old.schema_version, "1.0");
    let written = ropa::to_string(&old).unwrap();
    assert!(written.contains("\"schema_version\": \"1.1\""), "{written}");
    let new = ropa::from_str(&written).unwrap();
    assert_eq!(new.schema_version, ropa::SCHEMA_VERSION);
    assert_eq!(ropa::SUPPORTED_SCHEMA_VERSIONS, ["1.0", "1.1"]);
    let mut same = new.clone();
    same.schema_version = "1.0".to_owned();
    assert_eq!(same, old, "1.0 means the same read as 1.1");
}

#[test]
fn other_schema_versions_are_an_error_naming_the_supported_ones() {
    for version in ["2.0", "1.2", "1", "", "1.0.0"] {
        let json = MINIMAL.replace("\"1.0\"", &format!("{version:?}"));
        let error = ropa::from_str(&json).unwrap_err();
        assert_eq!(error.pointer(), Some("/schema_version"), "{version}");
        let message = error.to_string();
        assert!(
            message.contains(&format!("unsupported schema_version {version:?}"))
                && message.contains(r#"reads "1.0" and "1.1""#),
            "{message}"
        );
    }
    let missing = MINIMAL.replace("\"schema_version\": \"1.0\",", "");
    assert!(ropa::from_str(&missing).is_err());
    let number = MINIMAL.replace("\"1.0\"", "1.0");
    assert_eq!(
        ropa::from_str(&number).unwrap_err().pointer(),
        Some("/schema_version")
    );
}

#[test]
fn country_codes_are_checked_against_iso_3166_1() {
    for (code, hint) in [
        ("UK", Some(r#"use "GB""#)),
        ("EU", Some("regions, not countries")),
        ("XX", None),
        ("EL", Some(r#"use "GR""#)),
    ] {
        let json = MINIMAL.replace(
            r#""name": "Org""#,
            &format!(r#""name": "Org", "country": "{code}""#),
        );
        let error = ropa::from_str(&json).unwrap_err();
        assert_eq!(error.pointer(), Some("/parties/0/country"), "{code}");
        let message = error.to_string();
        assert!(message.contains("ISO 3166-1 alpha-2"), "{message}");
        if let Some(hint) = hint {
            assert!(message.contains(hint), "{message}");
        }
    }
    for code in ["GB", "IE", "US", "AX", "ZW"] {
        let json = MINIMAL.replace(
            r#""name": "Org""#,
            &format!(r#""name": "Org", "country": "{code}""#),
        );
        ropa::from_str(&json).unwrap_or_else(|e| panic!("{code}: {e}"));
    }
}

/// Code generated from the schema in other languages (pydantic, for one) writes `null` for a list
/// that was never set: it reads as an empty list, as `null` reads as absent for optional values,
/// and is written back as absent.
#[test]
fn a_null_list_reads_as_empty_and_is_written_as_absent() {
    let text = std::fs::read_to_string(fixture("valid/null-lists.json")).unwrap();
    let register = ropa::from_str(&text).unwrap();
    assert!(register.documents.is_empty() && register.security_measures.is_empty());
    let activity = &register.activities[0];
    assert!(activity.data_subjects.is_empty() && activity.transfers.is_empty());
    assert!(
        activity.purposes[0].lawful_bases[0]
            .legal_sources
            .is_empty()
    );
    assert!(activity.retention[0].exceptions.is_empty());
    let written = ropa::to_string(&register).unwrap();
    assert!(!written.contains("null"), "{written}");
    assert_eq!(ropa::from_str(&written).unwrap(), register);
    // A list's items are still checked: `null` stands for the whole list only.
    let error = ropa::from_str(&text.replace(r#""documents": null"#, r#""documents": [null]"#))
        .unwrap_err();
    assert_eq!(error.pointer(), Some("/documents/0"));
}
