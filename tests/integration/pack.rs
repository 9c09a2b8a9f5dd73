//! The evidence pack (issue 25, point 1): every file, byte-identical for the same register and
//! date, with a MANIFEST that `sha256sum -c` checks.

use std::path::PathBuf;
use std::process::Command;

use ropa::pack::{PackFile, PackInput, pack, sha256_hex, to_zip, write_dir};
use ropa::report::ReportOptions;

use super::cli::example;

const KENT: &str = "examples/data/kent-parent-carer-panel.json";

fn options(day: &str) -> ReportOptions {
    ReportOptions::default().as_of(day.parse().unwrap())
}

fn kent_pack(day: &str) -> Vec<PackFile> {
    let text = std::fs::read(KENT).unwrap();
    let register = ropa::from_slice(&text).unwrap();
    pack(
        &PackInput::new(&register, &text, "kent-parent-carer-panel.json"),
        &options(day),
    )
    .unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ropa-pack-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn text<'f>(files: &'f [PackFile], path: &str) -> std::borrow::Cow<'f, str> {
    let file = files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("no {path}"));
    String::from_utf8_lossy(&file.bytes)
}

#[test]
fn a_pack_holds_every_file_an_auditor_hands_over() {
    let files = kent_pack("2026-12-06");
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "findings/findings.json",
            "findings/findings.sarif",
            "law/tables.json",
            "original/kent-parent-carer-panel.json",
            "register/register.json",
            "register/register.xlsx",
            "reports/findings.html",
            "reports/findings.md",
            "reports/notice.html",
            "reports/notice.md",
            "reports/register.csv",
            "reports/register.html",
            "reports/register.md",
            "reports/retention.html",
            "reports/retention.md",
            "reports/special-category.html",
            "reports/special-category.md",
            "reports/transfers.html",
            "reports/transfers.md",
            "schema/ropa.schema.json",
            "MANIFEST",
        ]
    );
    let original = std::fs::read(KENT).unwrap();
    assert_eq!(files[3].bytes, original, "the original, byte for byte");
    let manifest = text(&files, "MANIFEST");
    assert!(
        manifest.starts_with(
            "# ropa evidence pack\n# made by ropa 0.1.0 (register format 1.1; law tables checked "
        ),
        "{manifest}"
    );
    assert!(manifest.contains("\n# as of 2026-12-06\n"));
    assert!(manifest.contains(&format!(
        "\n# register original/kent-parent-carer-panel.json ({} bytes), sha256 {}\n",
        original.len(),
        sha256_hex(&original)
    )));
    for f in &files[..files.len() - 1] {
        assert!(
            manifest.contains(&format!("\n# {} {}\n", f.bytes.len(), f.path)),
            "{}",
            f.path
        );
        assert!(
            manifest.contains(&format!("\n{}  {}\n", sha256_hex(&f.bytes), f.path)),
            "{}",
            f.path
        );
    }
    assert!(
        text(&files, "findings/findings.sarif")
            .contains("\"uri\": \"original/kent-parent-carer-panel.json\"")
    );
}

#[test]
fn the_same_register_and_date_give_the_same_bytes() {
    let first = scratch("first");
    let second = scratch("second");
    write_dir(&kent_pack("2026-12-06"), &first).unwrap();
    write_dir(&kent_pack("2026-12-06"), &second).unwrap();
    let files = kent_pack("2026-12-06");
    for f in &files {
        assert_eq!(
            std::fs::read(first.join(&f.path)).unwrap(),
            f.bytes,
            "{}",
            f.path
        );
        assert_eq!(
            std::fs::read(second.join(&f.path)).unwrap(),
            f.bytes,
            "{}",
            f.path
        );
    }
    assert_eq!(
        to_zip(&files).unwrap(),
        to_zip(&kent_pack("2026-12-06")).unwrap()
    );
    // Another date is another pack.
    assert_ne!(
        text(&kent_pack("2026-01-01"), "MANIFEST"),
        text(&files, "MANIFEST")
    );
    std::fs::remove_dir_all(&first).unwrap();
    std::fs::remove_dir_all(&second).unwrap();
}

#[test]
fn sha256sum_checks_the_manifest_as_the_readme_says() {
    if Command::new("sha256sum").arg("--version").output().is_err() {
        eprintln!("sha256sum is not installed; skipped");
        return;
    }
    let dir = scratch("check");
    write_dir(&kent_pack("2026-12-06"), &dir).unwrap();
    let check = Command::new("sha256sum")
        .args(["-c", "--strict", "MANIFEST"])
        .current_dir(&dir)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&check.stdout);
    assert!(
        check.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert_eq!(said.matches(": OK\n").count(), 20, "{said}");
    // A changed file fails the check.
    std::fs::write(dir.join("reports/register.md"), "edited").unwrap();
    let check = Command::new("sha256sum")
        .args(["-c", "MANIFEST"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(!check.status.success());
    assert!(String::from_utf8_lossy(&check.stdout).contains("reports/register.md: FAILED"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_pack_never_mixes_with_other_files() {
    let dir = scratch("full");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("notes.txt"), "mine").unwrap();
    let error = write_dir(&kent_pack("2026-12-06"), &dir).unwrap_err();
    assert!(
        error.to_string().contains(&dir.display().to_string()),
        "{error}"
    );
    assert!(format!("{error:?}").contains("not empty"), "{error:?}");
    let left: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(left.len(), 1);
    assert_eq!(
        std::fs::read_to_string(dir.join("notes.txt")).unwrap(),
        "mine"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_hostile_file_name_stays_inside_the_pack() {
    let text = std::fs::read(KENT).unwrap();
    let register = ropa::from_slice(&text).unwrap();
    for (name, kept) in [
        ("../../etc/passwd", "original/passwd"),
        ("..", "original/register"),
        ("C:\\evil\\a b;rm.json", "original/a_b_rm.json"),
        (".hidden", "original/hidden"),
    ] {
        let files = pack(
            &PackInput::new(&register, &text, name),
            &options("2026-12-06"),
        )
        .unwrap();
        assert!(
            files.iter().any(|f| f.path == kept),
            "{name}: {:?}",
            files.iter().map(|f| &f.path).collect::<Vec<_>>()
        );
    }
}

#[test]
fn the_law_tables_are_those_of_the_date_and_the_regime() {
    let now = text(&kent_pack("2026-12-06"), "law/tables.json").into_owned();
    let before = text(&kent_pack("2026-01-01"), "law/tables.json").into_owned();
    let now: serde_json::Value = serde_json::from_str(&now).unwrap();
    let before: serde_json::Value = serde_json::from_str(&before).unwrap();
    assert_eq!(now["regime"], "uk_gdpr");
    assert_eq!(now["as_of"], "2026-12-06");
    let para_23 = |tables: &serde_json::Value| {
        tables["schedule_1"]["entries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["paragraph"] == 23)
            .unwrap()["amendments_applied"]
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(para_23(&now), 1);
    assert_eq!(para_23(&before), 0);
    let citations = |tables: &serde_json::Value| -> Vec<String> {
        tables["provisions"]["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["citation"].as_str().unwrap().to_owned())
            .collect()
    };
    // DPA 2018 s164A applies from 19 June 2026.
    assert!(
        citations(&now).iter().any(|c| c.contains("s164A")),
        "{:?}",
        citations(&now)
    );
    assert!(!citations(&before).iter().any(|c| c.contains("s164A")));
    for entry in now["provisions"]["entries"].as_array().unwrap() {
        assert!(entry["source"].as_str().is_some_and(|s| !s.is_empty()));
        assert!(entry.get("period").is_some());
    }
}

#[test]
fn the_pack_command_writes_a_folder_or_a_zip_and_adds_the_diff() {
    let dir = scratch("command");
    let out = example("pack")
        .args(["--as-of", "2026-12-06", "--out"])
        .arg(&dir)
        .args([
            "--previous",
            "examples/data/kent-mens-antenatal-pilot.json",
            KENT,
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let manifest = std::fs::read_to_string(dir.join("MANIFEST")).unwrap();
    for path in ["diff/diff.md", "diff/diff.html", "diff/diff.json"] {
        assert!(manifest.contains(&format!("  {path}\n")), "{manifest}");
    }
    let diff = std::fs::read_to_string(dir.join("diff/diff.md")).unwrap();
    assert!(diff.contains("kent-mens-antenatal-pilot.json"), "{diff}");
    // A second pack into the same folder is refused, and the first is left as it was.
    let again = example("pack")
        .args(["--out"])
        .arg(&dir)
        .arg(KENT)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(dir.join("MANIFEST")).unwrap(),
        manifest
    );
    let zip = dir.with_extension("zip");
    let zipped = example("pack")
        .args(["--as-of", "2026-12-06", "--zip", "--out"])
        .arg(&zip)
        .arg(KENT)
        .output()
        .unwrap();
    assert!(
        zipped.status.success(),
        "{}",
        String::from_utf8_lossy(&zipped.stderr)
    );
    assert_eq!(
        std::fs::read(&zip).unwrap(),
        to_zip(&kent_pack("2026-12-06")).unwrap()
    );
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::remove_file(&zip).unwrap();
}

#[test]
fn a_zip_lists_the_files_in_pack_order_with_a_fixed_time() {
    let files = kent_pack("2026-12-06");
    let bytes = to_zip(&files).unwrap();
    let path = scratch("zip").with_extension("zip");
    std::fs::write(&path, &bytes).unwrap();
    let listing = Command::new("python3")
        .args(["-c", "import sys, zipfile\nfor i in zipfile.ZipFile(sys.argv[1]).infolist(): print(i.filename, i.date_time[:3], i.file_size)"])
        .arg(&path)
        .output();
    std::fs::remove_file(&path).unwrap();
    let Ok(listing) = listing else {
        eprintln!("python3 is not installed; skipped");
        return;
    };
    let listing = String::from_utf8_lossy(&listing.stdout);
    let lines: Vec<&str> = listing.lines().collect();
    assert_eq!(lines.len(), files.len(), "{listing}");
    for (line, f) in lines.iter().zip(&files) {
        assert_eq!(*line, format!("{} (1980, 1, 1) {}", f.path, f.bytes.len()));
    }
}

#[test]
fn the_law_tables_hold_only_the_register_s_regime_and_only_what_applies_that_day() {
    let tables: serde_json::Value =
        serde_json::from_str(&text(&kent_pack("2026-12-06"), "law/tables.json")).unwrap();
    for table in ["provisions", "adequacy", "digital_consent_ages"] {
        let entries = tables[table]["entries"].as_array().unwrap();
        assert!(!entries.is_empty(), "{table}");
        for entry in entries {
            assert_eq!(entry["regime"], "uk_gdpr", "{table}: {entry}");
            let from = entry["period"]["from"].as_str().unwrap_or("0000-00-00");
            let until = entry["period"]["until"].as_str().unwrap_or("9999-12-31");
            assert!(
                from <= "2026-12-06" && "2026-12-06" <= until,
                "{table}: {entry}"
            );
        }
        assert!(
            tables[table]["source"]
                .as_str()
                .is_some_and(|s| !s.is_empty())
        );
    }
    // An EU register has no Schedule 1 (a UK statute) in its tables.
    let text_of = std::fs::read("examples/data/mennecy-mentions-legales.json").unwrap();
    let register = ropa::from_slice(&text_of).unwrap();
    let files = pack(
        &PackInput::new(&register, &text_of, "mennecy.json"),
        &options("2026-12-06"),
    )
    .unwrap();
    let tables: serde_json::Value = serde_json::from_str(&text(&files, "law/tables.json")).unwrap();
    assert_eq!(tables["regime"], "eu_gdpr");
    assert!(tables.get("schedule_1").is_none(), "{tables}");
}

#[test]
fn the_workbook_is_the_processor_template_only_where_every_activity_is_processing_for_others() {
    let pack_of = |register: &ropa::Register| {
        let json = ropa::to_string(register).unwrap();
        let files = pack(
            &PackInput::new(register, json.as_bytes(), "r.json"),
            &options("2026-12-06"),
        )
        .unwrap();
        files
            .into_iter()
            .find(|f| f.path == "register/register.xlsx")
            .unwrap()
            .bytes
    };
    let mut processor =
        ropa::from_path("examples/data/northfield-research-processor.json").unwrap();
    processor
        .activities
        .retain(|a| a.role == ropa::ActivityRole::Processor);
    assert!(!processor.activities.is_empty());
    assert_eq!(
        pack_of(&processor),
        ropa::report::render_processor_workbook(&processor, &options("2026-12-06")).unwrap()
    );
    let controller = ropa::from_path(KENT).unwrap();
    let bytes = pack_of(&controller);
    assert_eq!(
        bytes,
        ropa::report::render_workbook(&controller, &options("2026-12-06")).unwrap()
    );
    // A register with no activity is not "every activity a processor's".
    let empty = ropa::Register::new(ropa::Party::new("org", "Org"));
    let json = ropa::to_string(&empty).unwrap();
    let files = pack(
        &PackInput::new(&empty, json.as_bytes(), "e.json"),
        &options("2026-12-06"),
    )
    .unwrap();
    let workbook = &files
        .iter()
        .find(|f| f.path == "register/register.xlsx")
        .unwrap()
        .bytes;
    assert_eq!(
        *workbook,
        ropa::report::render_workbook(&empty, &options("2026-12-06")).unwrap()
    );
}

#[test]
fn a_pack_is_not_written_over_a_file() {
    let path = scratch("a-file");
    std::fs::write(&path, "mine").unwrap();
    let error = write_dir(&kent_pack("2026-12-06"), &path).unwrap_err();
    let ropa::report::ReportError::File { source, .. } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(source.kind(), std::io::ErrorKind::NotADirectory, "{error}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    std::fs::remove_file(&path).unwrap();
}

/// The README's sample MANIFEST is the pack's own output.
#[test]
fn the_readme_s_sample_manifest_is_the_pack_s_own() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme.find("begins:\n\n```text\n").unwrap() + "begins:\n\n```text\n".len();
    let sample = &readme[start..start + readme[start..].find("```").unwrap()];
    let files = kent_pack("2026-12-06");
    let manifest = text(&files, "MANIFEST");
    let lines: Vec<&str> = manifest.lines().collect();
    let shown: Vec<&str> = sample
        .lines()
        .filter(|l| *l != "# ..." && *l != "...")
        .collect();
    assert!(shown.len() > 10);
    for line in shown {
        assert!(lines.contains(&line), "not in the MANIFEST: {line}");
    }
}

/// The words of a pack's HTML reports and CSV, as a reader sees them: tags dropped, entities
/// read, without spaces (a tag may stand between two words or none), in lower case.
fn readable_reports(files: &[PackFile]) -> String {
    let mut out = String::new();
    for f in files.iter().filter(|f| f.path.starts_with("reports/")) {
        let text = String::from_utf8_lossy(&f.bytes);
        if f.path.ends_with(".csv") {
            out.push_str(&text.replace("\"\"", "\""));
        } else if f.path.ends_with(".html") {
            let mut in_tag = false;
            for c in text.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' if in_tag => {
                        in_tag = false;
                        out.push(' ');
                    }
                    _ if !in_tag => out.push(c),
                    _ => {}
                }
            }
        }
        out.push(' ');
    }
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<String>().to_lowercase()
}

/// Each text or number the register records, with its pointer, but for vocabulary values (each
/// shown as a label) and ids and lists of ids (each shown as the name of what it names).
fn recorded_words(value: &serde_json::Value, pointer: String, out: &mut Vec<(String, String)>) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                if key != "id" {
                    recorded_words(v, format!("{pointer}/{key}"), out);
                }
            }
        }
        Value::Array(values) => {
            for (i, v) in values.iter().enumerate() {
                recorded_words(v, format!("{pointer}/{i}"), out);
            }
        }
        Value::String(s) => {
            let vocabulary = s
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            let period = s.starts_with('P') && s[1..].chars().all(|c| c.is_ascii_alphanumeric());
            let reference = !pointer.ends_with("/name")
                && !pointer.contains("/notes")
                && s.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !vocabulary && !period && !reference {
                out.push((pointer, s.trim_end_matches('.').to_owned()));
            }
        }
        Value::Number(n) => out.push((pointer, n.to_string())),
        Value::Bool(_) | Value::Null => {}
    }
}

/// Issue 25, done when: nothing recorded is missing from the pack's reports. Every text and number
/// of every bundled register is found in the words of the pack's HTML reports or CSV.
#[test]
fn everything_recorded_is_shown_in_a_report_of_the_pack() {
    let mut checked = 0;
    for entry in std::fs::read_dir("examples/data").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let register = ropa::from_slice(&bytes).unwrap();
        let files = pack(
            &PackInput::new(&register, &bytes, "register.json"),
            &options("2026-12-06"),
        )
        .unwrap();
        let shown = readable_reports(&files);
        let mut words = Vec::new();
        recorded_words(
            &serde_json::from_slice(&bytes).unwrap(),
            String::new(),
            &mut words,
        );
        for (pointer, text) in words {
            // A condition or description may start a clause in lower case.
            let text = text.split_whitespace().collect::<String>().to_lowercase();
            assert!(
                shown.contains(&text),
                "{}{pointer}: {text:?} is in no report of the pack",
                path.display()
            );
            checked += 1;
        }
    }
    assert!(checked > 700, "{checked}");
}
