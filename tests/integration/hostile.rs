//! Hostile input: every case gives a clean register or a clean error (file, JSON Pointer,
//! line:column), within bounded time, and never a panic.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use ropa::report::{Format, ReportKind, ReportOptions, render};

fn hostile(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile")
        .join(name)
}

/// Validation and every report on a register that parsed.
fn exercise(register: &ropa::Register) {
    let options = ReportOptions::default().as_of("2026-11-22".parse().unwrap());
    let _ = ropa::validate(register, &options.validation);
    for kind in ReportKind::ALL {
        for format in [Format::Markdown, Format::Html] {
            render(register, *kind, format, &options, std::io::sink()).unwrap();
        }
    }
    render(
        register,
        ReportKind::Register,
        Format::Csv,
        &options,
        std::io::sink(),
    )
    .unwrap();
    render(
        register,
        ReportKind::Findings,
        Format::Json,
        &options,
        std::io::sink(),
    )
    .unwrap();
}

/// Parses the file and checks the outcome is clean; returns the error message if any.
fn outcome(path: &Path) -> Result<ropa::Register, String> {
    let start = Instant::now();
    let result = ropa::from_path(path);
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "{}: took {:?}",
        path.display(),
        start.elapsed()
    );
    match result {
        Ok(register) => {
            exercise(&register);
            Ok(register)
        }
        Err(error) => {
            let message = error.to_string();
            let (line, column) = error
                .line_column()
                .unwrap_or_else(|| panic!("{}: no position: {message}", path.display()));
            assert!(line >= 1, "{message}");
            assert!(error.pointer().is_some(), "{message}");
            assert!(
                message.starts_with(&format!("{}: ", path.display())),
                "{message}"
            );
            assert!(
                message.contains(&format!("line {line}, column {column}")),
                "{message}"
            );
            Err(message)
        }
    }
}

#[test]
fn committed_hostile_files_give_a_clean_outcome() {
    let expect_error = [
        ("empty.json", "EOF while parsing"),
        ("nul-byte.json", "key must be a string"),
        ("invalid-utf8.json", "invalid unicode"),
        ("top-level-array.json", "expected struct Register"),
        ("huge-numbers.json", "number out of range"),
        ("huge-integer.json", "expected a whole number from 0 to 255"),
        ("duplicate-keys.json", "duplicate field `organisation`"),
        ("truncated.json", "EOF while parsing"),
        ("impossible-date.json", "invalid date `2024-02-30`"),
        ("zero-date.json", "invalid date `0000-00-00`"),
        ("duration-overflow.json", "invalid duration"),
    ];
    for (file, expected) in expect_error {
        let message = outcome(&hostile(file))
            .err()
            .unwrap_or_else(|| panic!("{file} parsed"));
        assert!(message.contains(expected), "{file}: {message}");
    }
    for file in [
        "bom.json",
        "control-and-bidi.json",
        "every-string-empty.json",
    ] {
        outcome(&hostile(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    }
    let pointer = ropa::from_path(hostile("impossible-date.json")).unwrap_err();
    assert_eq!(pointer.pointer(), Some("/next_review"));
}

#[test]
fn control_and_bidi_characters_cannot_reach_html_as_markup() {
    let register = ropa::from_path(hostile("control-and-bidi.json")).unwrap();
    let options = ReportOptions::default().as_of("2026-11-22".parse().unwrap());
    let html =
        ropa::report::render_to_string(&register, ReportKind::Register, Format::Html, &options)
            .unwrap();
    assert!(!html.contains('\u{0}') && !html.contains('\u{1b}') && !html.contains("<b>"));
    let csv =
        ropa::report::render_to_string(&register, ReportKind::Register, Format::Csv, &options)
            .unwrap();
    assert!(csv.contains("\"'=cmd|"), "{csv}");
}

#[test]
fn generated_large_cases_are_bounded() {
    let dir = std::env::temp_dir().join(format!("ropa-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();

    // Nesting 100 000 levels deep, where a string is expected and where an unknown field is.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    for (name, json) in [
        ("deep-top.json", deep.clone()),
        (
            "deep-in-field.json",
            format!(r#"{{"schema_version": {deep}}}"#),
        ),
        (
            "deep-objects.json",
            format!("{}{}", r#"{"a":"#.repeat(100_000), "}".repeat(100_000)),
        ),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, json).unwrap();
        outcome(&path).expect_err(name);
        let error = ropa::from_slice(&std::fs::read(&path).unwrap()).unwrap_err();
        assert!(error.line_column().is_some());
    }

    // A 20 MB string in a valid register parses and reports render.
    let big = "x".repeat(20 << 20);
    let path = dir.join("big-string.json");
    std::fs::write(&path, format!(r#"{{"schema_version": "1.0", "organisation": "o", "parties": [{{"id": "o", "name": "{big}"}}], "activities": []}}"#)).unwrap();
    let register = ropa::from_path(&path).unwrap();
    assert_eq!(register.parties[0].name.len(), 20 << 20);
    std::fs::remove_dir_all(&dir).unwrap();
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(|n| serde_json::json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| serde_json::json!(f)),
        "[a-z_]{0,12}".prop_map(serde_json::Value::String),
        prop_oneof![
            Just("1.0"),
            Just("controller"),
            Just("P1Y"),
            Just("2024-02-29"),
            Just("GB"),
            Just("health")
        ]
        .prop_map(|s| serde_json::Value::String(s.to_owned())),
    ];
    let keys = prop_oneof![
        Just("schema_version"),
        Just("organisation"),
        Just("parties"),
        Just("activities"),
        Just("id"),
        Just("name"),
        Just("role"),
        Just("purposes"),
        Just("retention"),
        Just("period"),
        Just("transfers"),
        Just("x"),
    ];
    leaf.prop_recursive(5, 64, 8, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            proptest::collection::btree_map(keys.clone().prop_map(str::to_owned), inner, 0..6)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn arbitrary_json_never_panics(value in json_value()) {
        let text = serde_json::to_string(&value).unwrap();
        match ropa::from_str(&text) {
            Ok(register) => exercise(&register),
            Err(error) => prop_assert!(error.line_column().is_some() && error.pointer().is_some()),
        }
    }

    #[test]
    fn mutated_bytes_of_a_valid_register_never_panic(edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..8)) {
        let mut bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/doncaster-peer-support-groups.json")).unwrap();
        for (at, byte) in edits {
            let at = at % bytes.len();
            bytes[at] = byte;
        }
        match ropa::from_slice(&bytes) {
            Ok(register) => exercise(&register),
            Err(error) => prop_assert!(error.line_column().is_some()),
        }
    }
}
