//! What the command line and the page in the browser (`web/`) share: the rows of
//! `ropa validate --format json` and each finding's place in words.

use std::process::Command;

use ropa::validate::FindingRow;

const REGISTER: &str = "examples/data/kent-parent-carer-panel.json";

fn findings(register: &ropa::Register) -> Vec<ropa::Finding> {
    let options = ropa::ValidationOptions::default().as_of("2026-12-06".parse().unwrap());
    ropa::validate(register, &options).findings
}

#[test]
fn finding_rows_are_the_bytes_ropa_validate_prints_as_json() {
    let dir = std::env::temp_dir().join(format!("ropa-front-ends-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(REGISTER, dir.join("kent.json")).unwrap();
    let printed = Command::new(crate::cli::ROPA)
        .args([
            "validate",
            "--format",
            "json",
            "--as-of",
            "2026-12-06",
            "kent.json",
        ])
        .current_dir(&dir)
        .output()
        .unwrap();
    let register = ropa::from_path(REGISTER).unwrap();
    let rows = FindingRow::rows("kent.json", &register, findings(&register), |_| None);
    let mut expected = serde_json::to_vec_pretty(&rows).unwrap();
    expected.push(b'\n');
    assert!(rows.len() > 3);
    assert_eq!(
        String::from_utf8_lossy(&printed.stdout),
        String::from_utf8_lossy(&expected)
    );
    let cells = FindingRow::rows("kent.json", &register, findings(&register), |p| {
        Some(format!("Template!{}", p.len()))
    });
    assert!(cells.iter().all(|row| {
        row.cell
            .as_deref()
            .is_some_and(|c| c.starts_with("Template!"))
    }));
    let unreadable = FindingRow::unreadable("x.json", rows[0].finding.clone());
    assert_eq!(
        (unreadable.file.as_str(), unreadable.place),
        ("x.json", None)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn each_finding_is_placed_in_words() {
    let register = ropa::from_path(REGISTER).unwrap();
    let findings = findings(&register);
    let words = ropa::report::places_in_words(&register, &findings);
    assert_eq!(words.len(), findings.len());
    for (finding, words) in findings.iter().zip(&words) {
        if finding.path.is_empty() {
            assert_eq!(words, "The register");
        } else if finding.path.starts_with("/activities/0") {
            assert!(
                words.starts_with("Activity \u{2018}Children, Young People"),
                "{words}"
            );
        }
    }
    assert!(findings.iter().any(|f| f.path.starts_with("/activities/0")));
}
