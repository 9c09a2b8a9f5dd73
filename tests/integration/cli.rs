//! The `validate` example as its users run it: output lines, JSON keys, exit status.

use std::path::PathBuf;
use std::process::Command;

/// `cargo test` builds the examples next to the test binary's directory.
pub fn example(name: &str) -> Command {
    let mut path: PathBuf = std::env::current_exe().unwrap();
    path.pop();
    if path.ends_with("deps") {
        path.pop();
    }
    let mut command = Command::new(path.join("examples").join(name));
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

#[test]
fn validate_exit_status_follows_the_worst_outcome() {
    let clean = example("validate")
        .args([
            "--as-of",
            "2026-11-22",
            "examples/data/northfield-research-processor.json",
        ])
        .output()
        .unwrap();
    assert_eq!(
        clean.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&clean.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&clean.stdout),
        "0 findings in 1 files: 0 errors, 0 warnings, 0 info\n"
    );

    let gaps = example("validate")
        .args([
            "--as-of",
            "2026-11-22",
            "examples/data/doncaster-peer-support-groups.json",
        ])
        .output()
        .unwrap();
    assert_eq!(gaps.status.code(), Some(1));
    let text = String::from_utf8(gaps.stdout).unwrap();
    assert!(text.lines().any(|l| l == "examples/data/doncaster-peer-support-groups.json: error derogation-by-public-authority /activities/0/transfers/0/mechanism: A public authority exercising its public powers cannot rely on Art 49(1)(a) (Art 49(3)); use an Art 46 safeguard or another derogation. (UK GDPR Art 49(3))"), "{text}");

    let broken = example("validate")
        .args([
            "tests/fixtures/invalid/unknown-field.json",
            "examples/data/doncaster-peer-support-groups.json",
        ])
        .output()
        .unwrap();
    assert_eq!(broken.status.code(), Some(2));
    let stderr = String::from_utf8(broken.stderr).unwrap();
    assert!(stderr.starts_with("tests/fixtures/invalid/unknown-field.json: /parties/0/emial: line 7, column 13: unknown field `emial`"), "{stderr}");
}

#[test]
fn validate_json_has_the_documented_keys() {
    let output = example("validate")
        .args(["--format", "json", "--as-of", "2026-11-22"])
        .output()
        .unwrap();
    let rows: Vec<serde_json::Map<String, serde_json::Value>> =
        serde_json::from_slice(&output.stdout).unwrap();
    assert!(!rows.is_empty());
    for row in rows {
        let keys: Vec<&str> = row.keys().map(String::as_str).collect();
        assert_eq!(keys.len(), 6);
        for key in ["file", "rule", "severity", "path", "message", "citation"] {
            assert!(row.contains_key(key), "{key}");
        }
    }
}

#[test]
fn list_rules_prints_the_catalogue() {
    let output = example("validate").arg("--list-rules").output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(text.lines().count(), ropa::catalogue().len());
}

#[test]
fn format_rewrites_a_1_0_file_as_1_1_without_loss() {
    let dir = std::env::temp_dir().join(format!("ropa-format-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for file in crate::examples_data::example_files() {
        let current = std::fs::read_to_string(&file).unwrap();
        let old = current.replacen(
            "\"schema_version\": \"1.1\"",
            "\"schema_version\": \"1.0\"",
            1,
        );
        assert_ne!(old, current, "{}", file.display());
        let copy = dir.join(file.file_name().unwrap());
        std::fs::write(&copy, &old).unwrap();
        let output = example("format").arg(&copy).output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert_eq!(
            std::fs::read_to_string(&copy).unwrap(),
            current,
            "{}",
            file.display()
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn validate_prints_a_register_level_path_as_register() {
    let dir = std::env::temp_dir().join(format!("ropa-cli-register-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("council.json");
    std::fs::write(
        &file,
        r#"{"schema_version": "1.0", "organisation": "c", "parties": [{"id": "c", "name": "C", "kind": "public_authority", "contacts": [{"email": "dp@c.example"}]}]}"#,
    )
    .unwrap();
    let output = example("validate").arg(&file).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.lines()
            .any(|l| l.contains("council.json: error missing-dpo (register): ")),
        "{text}"
    );
    let json = example("validate")
        .args(["--format", "json"])
        .arg(&file)
        .output()
        .unwrap();
    let rows: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(rows[0]["path"], "");
    std::fs::remove_dir_all(&dir).unwrap();
}
