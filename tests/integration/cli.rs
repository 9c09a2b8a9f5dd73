//! The command line as its users run it: output lines, JSON keys, exit status; the `ropa` binary
//! (the `cli` feature) against the examples.
//!
//! Every test that runs an example through [`example`] runs the `ropa` binary's command instead
//! when `ROPA_BIN` names one, so the binary passes the same tests:
//! `ROPA_BIN=target/debug/ropa cargo test --test integration` (as `.ci/run` does), or
//! `ROPA_BIN=$(which ropa)` for one that `cargo install --path . --features cli` installed.

use std::path::PathBuf;
use std::process::Command;

/// The `ropa` binary that `cargo test` builds (the crate's dev-dependency on itself turns on
/// `cli`).
pub const ROPA: &str = env!("CARGO_BIN_EXE_ropa");

/// The example `name` (`validate`, `report`, `diff`, `format`, ...), run from the crate's root, or
/// the `ropa` command doing the same when `ROPA_BIN` is set. `cargo test` builds the examples
/// next to the test binary's directory.
pub fn example(name: &str) -> Command {
    if let Some(bin) = std::env::var_os("ROPA_BIN") {
        let mut command = Command::new(bin);
        command.arg(if name == "format" { "fmt" } else { name });
        command.current_dir(env!("CARGO_MANIFEST_DIR"));
        return command;
    }
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
        "0 findings in 1 file: 0 errors, 0 warnings, 0 info\n"
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
    let stdout = String::from_utf8(broken.stdout).unwrap();
    assert!(stdout.starts_with("tests/fixtures/invalid/unknown-field.json: error parse-error /parties/0/emial: line 7, column 13: unknown field `emial`"), "{stdout}");
    assert_eq!(
        String::from_utf8_lossy(&broken.stderr),
        "",
        "the error is printed once"
    );
}

#[test]
fn validate_json_has_the_documented_keys() {
    let output = example("validate")
        .args([
            "--format",
            "json",
            "--as-of",
            "2026-11-22",
            "examples/data/doncaster-peer-support-groups.json",
            "examples/data/kent-parent-carer-panel.json",
        ])
        .output()
        .unwrap();
    let rows: Vec<serde_json::Map<String, serde_json::Value>> =
        serde_json::from_slice(&output.stdout).unwrap();
    assert!(!rows.is_empty());
    for row in rows {
        let keys: Vec<&str> = row.keys().map(String::as_str).collect();
        assert_eq!(keys.len(), 7, "{keys:?}");
        for key in [
            "file", "place", "rule", "severity", "path", "message", "citation",
        ] {
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

/// The binary and the example run the same code on the same arguments: the same output, the same
/// error messages (bar the usage line's command) and the same exit status.
#[test]
fn the_binary_does_what_the_examples_do() {
    let dir = std::env::temp_dir().join(format!("ropa-bin-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let broken = dir.join("broken.json");
    std::fs::write(
        &broken,
        "{\"schema_version\": \"1.1\", \"organisation\": 7}",
    )
    .unwrap();
    let broken = broken.to_str().unwrap();
    let doncaster = "examples/data/doncaster-peer-support-groups.json";
    let northfield = "examples/data/northfield-research-processor.json";
    let cases: &[(&str, &str, Vec<&str>)] = &[
        (
            "validate",
            "validate",
            vec!["--as-of", "2026-11-22", doncaster, northfield],
        ),
        (
            "validate",
            "validate",
            vec!["--format", "json", "--as-of=2026-11-22", doncaster],
        ),
        (
            "validate",
            "validate",
            vec![
                "--format",
                "sarif",
                "--as-of",
                "2026-11-22",
                doncaster,
                broken,
            ],
        ),
        (
            "validate",
            "validate",
            vec![
                "--min-severity",
                "error",
                "--as-of",
                "2026-11-22",
                doncaster,
                northfield,
            ],
        ),
        (
            "validate",
            "validate",
            vec!["--list-rules", "--format", "markdown"],
        ),
        (
            "validate",
            "validate",
            vec!["--as-of", "2026-02-30", doncaster],
        ),
        (
            "report",
            "report",
            vec!["--kind", "retention", "--as-of", "2026-11-22", doncaster],
        ),
        (
            "report",
            "report",
            vec!["--kind", "register", "--format", "csv", northfield],
        ),
        (
            "report",
            "report",
            vec!["--kind", "notice", "--format", "csv", northfield],
        ),
        ("report", "report", vec![broken]),
        (
            "diff",
            "diff",
            vec!["--as-of", "2026-11-22", northfield, doncaster],
        ),
        ("diff", "diff", vec![northfield, northfield]),
        ("schema", "schema", vec!["--strict"]),
        ("schema", "schema", vec![]),
        ("format", "fmt", vec![broken]),
    ];
    for (example_name, command, args) in cases {
        let expected = example(example_name).args(args).output().unwrap();
        let actual = Command::new(ROPA)
            .arg(command)
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        let what = format!("ropa {command} {}", args.join(" "));
        assert_eq!(actual.status.code(), expected.status.code(), "{what}");
        assert_eq!(
            String::from_utf8_lossy(&actual.stdout),
            String::from_utf8_lossy(&expected.stdout),
            "{what}"
        );
        let usage = format!("cargo run --example {example_name} --");
        assert_eq!(
            String::from_utf8_lossy(&actual.stderr),
            String::from_utf8_lossy(&expected.stderr).replace(&usage, &format!("ropa {command}")),
            "{what}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_binary_has_help_with_examples_and_rejects_bad_usage() {
    let run = |args: &[&str]| Command::new(ROPA).args(args).output().unwrap();
    let help = run(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    let text = String::from_utf8(help.stdout).unwrap();
    for command in ["validate", "report", "diff", "schema", "fmt"] {
        assert!(text.contains(&format!("  {command} ")), "{command}\n{text}");
        let help = run(&[command, "--help"]);
        assert_eq!(help.status.code(), Some(0), "{command}");
        let text = String::from_utf8(help.stdout).unwrap();
        assert!(text.contains("Example"), "{command}\n{text}");
        assert!(
            text.contains(&format!("ropa {command}")),
            "{command}\n{text}"
        );
    }
    assert!(text.contains("Exit status"), "{text}");
    let version = String::from_utf8(run(&["--version"]).stdout).unwrap();
    assert_eq!(
        version.trim(),
        format!(
            "ropa {} (register format {}; law tables checked {})",
            env!("CARGO_PKG_VERSION"),
            ropa::SCHEMA_VERSION,
            ropa::law::TABLES_CHECKED
        )
    );
    for bad in [
        &["validate", "--format", "yaml"][..],
        &["validate", "--colour"],
        &["report", "--kind", "everything"],
        &["diff", "one.json"],
        &["fmt"],
        &["frobnicate"],
        &[],
    ] {
        let output = run(bad);
        assert_eq!(output.status.code(), Some(2), "{bad:?}");
        assert!(output.stdout.is_empty(), "{bad:?}");
    }
}

#[test]
fn import_writes_the_register_and_lists_the_cells_it_kept_as_notes() {
    let out = example("import")
        .arg("tests/fixtures/sheets/ico-controller.xlsx")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let register = ropa::from_slice(&out.stdout).unwrap();
    assert_eq!(register.activities.len(), 3);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "3 activities read from sheet 'Template' (ico-controller); 3 cells kept as notes"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("Template!J11 (Retention schedule (if possible)): TBC [to be confirmed]")
    );
}

#[test]
fn import_out_replaces_the_file_only_when_whole_and_bad_input_exits_2() {
    let dir = std::env::temp_dir().join(format!("ropa-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out_path = dir.join("register.json");
    std::fs::write(&out_path, "kept").unwrap();
    // A workbook without the template: an error naming it, and the old file untouched.
    let failed = example("import")
        .args(["tests/fixtures/sheets/no-headings.xlsx", "--out"])
        .arg(&out_path)
        .output()
        .unwrap();
    assert_eq!(failed.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert!(
        stderr.contains("no-headings.xlsx: no sheet has the ICO template's heading row"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&out_path).unwrap(), "kept");
    let written = example("import")
        .args(["tests/fixtures/sheets/reworded.xlsx", "--out"])
        .arg(&out_path)
        .output()
        .unwrap();
    assert_eq!(
        written.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&written.stderr)
    );
    assert!(written.stdout.is_empty());
    let register = ropa::from_path(&out_path).unwrap();
    assert_eq!(register.activities[0].name, "Patient care");
    let usage = example("import")
        .args(["--layout", "mine"])
        .output()
        .unwrap();
    assert_eq!(usage.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn validate_reads_a_workbook_and_places_findings_in_its_cells() {
    let text = example("validate")
        .args([
            "--as-of",
            "2026-12-06",
            "tests/fixtures/sheets/ico-controller.xlsx",
        ])
        .output()
        .unwrap();
    assert_eq!(
        text.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&text.stderr)
    );
    let stdout = String::from_utf8_lossy(&text.stdout);
    assert!(
        stdout.contains(
            "ico-controller.xlsx: warning missing-retention /activities/1 (Template!A11): "
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("spreadsheet-value-to-be-confirmed /activities/1/notes/0 (Template!J11)")
    );
    let json = example("validate")
        .args([
            "--format",
            "json",
            "tests/fixtures/sheets/ico-controller.xlsx",
        ])
        .output()
        .unwrap();
    let rows: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(
        rows.as_array()
            .unwrap()
            .iter()
            .any(|r| r["cell"] == "Template!V13")
    );
    let sarif = example("validate")
        .args([
            "--format",
            "sarif",
            "tests/fixtures/sheets/ico-controller.xlsx",
        ])
        .output()
        .unwrap();
    let log: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    let tbc = results
        .iter()
        .find(|r| r["ruleId"] == "spreadsheet-value-to-be-confirmed")
        .unwrap();
    let logical = &tbc["locations"][0]["logicalLocations"];
    assert_eq!(logical[1]["fullyQualifiedName"], "Template!J11");
    assert_eq!(logical[1]["kind"], "element");
    let broken = example("validate")
        .arg("tests/fixtures/sheets/no-headings.xlsx")
        .output()
        .unwrap();
    assert_eq!(broken.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&broken.stdout).contains("error parse-error (register)"));
}

#[test]
fn export_writes_a_workbook_that_import_reads_back() {
    let dir = std::env::temp_dir().join(format!("ropa-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("register.xlsx");
    let written = example("export")
        .args(["--as-of", "2026-12-06", "--out"])
        .arg(&out)
        .arg("examples/data/kent-parent-carer-panel.json")
        .output()
        .unwrap();
    assert_eq!(
        written.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&written.stderr)
    );
    let first = std::fs::read(&out).unwrap();
    let again = example("export")
        .args(["--as-of", "2026-12-06", "--out"])
        .arg(&out)
        .arg("examples/data/kent-parent-carer-panel.json")
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(
        std::fs::read(&out).unwrap(),
        first,
        "the same register gives the same bytes"
    );
    let imported = ropa::sheet::import_path(&out).unwrap();
    let original = ropa::from_path("examples/data/kent-parent-carer-panel.json").unwrap();
    assert_eq!(
        imported.register.activities[0].purposes.len(),
        original.activities[0].purposes.len()
    );
    // No --out, or a register that cannot be read: exit 2, the workbook untouched.
    let usage = example("export")
        .arg("examples/data/kent-parent-carer-panel.json")
        .output()
        .unwrap();
    assert_eq!(usage.status.code(), Some(2));
    let bad = example("export")
        .arg("--out")
        .arg(&out)
        .arg("no-such.json")
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert_eq!(std::fs::read(&out).unwrap(), first);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn report_and_diff_read_a_workbook_too() {
    let report = example("report")
        .args([
            "--kind",
            "register",
            "--format",
            "markdown",
            "tests/fixtures/sheets/ico-controller.xlsx",
        ])
        .output()
        .unwrap();
    assert_eq!(
        report.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&report.stderr)
    );
    let text = String::from_utf8_lossy(&report.stdout);
    assert!(
        text.contains("Record of processing activities: Northbridge Borough Council"),
        "{text}"
    );
    let diff = example("diff")
        .args([
            "tests/fixtures/sheets/ico-controller.xlsx",
            "tests/fixtures/sheets/ico-controller.ods",
        ])
        .output()
        .unwrap();
    assert_eq!(
        diff.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&diff.stderr)
    );
    let broken = example("report")
        .args([
            "--kind",
            "register",
            "tests/fixtures/sheets/no-headings.xlsx",
        ])
        .output()
        .unwrap();
    assert_eq!(broken.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&broken.stderr)
            .contains("no sheet has the ICO template's heading row")
    );
}

#[test]
fn import_takes_a_layout_file_and_schema_prints_its_schema() {
    let dir = std::env::temp_dir().join(format!("ropa-layout-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let sheet = dir.join("team.csv");
    std::fs::write(&sheet, "Why we do it,Whose data\nInvoicing,Customers\n").unwrap();
    let layout = dir.join("team.json");
    std::fs::write(
        &layout,
        r#"{"columns": {"Why we do it": "purpose", "Whose data": "individuals"}}"#,
    )
    .unwrap();
    let out = example("import")
        .arg(&sheet)
        .arg("--layout")
        .arg(&layout)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let register = ropa::from_slice(&out.stdout).unwrap();
    assert_eq!(register.activities[0].data_subjects[0].name, "Customers");
    std::fs::write(&layout, r#"{"columns": {"Why we do it": "purpse"}}"#).unwrap();
    let bad = example("import")
        .arg(&sheet)
        .arg("--layout")
        .arg(&layout)
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("'purpse' is not a field"));
    let schema = example("schema").arg("--layout").output().unwrap();
    let schema: serde_json::Value = serde_json::from_slice(&schema.stdout).unwrap();
    assert_eq!(schema["title"], "ropa spreadsheet layout");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn export_writes_the_processor_template_on_request() {
    let dir = std::env::temp_dir().join(format!("ropa-export-processor-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("processor.xlsx");
    let written = example("export")
        .args(["--layout", "ico-processor", "--out"])
        .arg(&out)
        .arg("examples/data/northfield-research-processor.json")
        .output()
        .unwrap();
    assert_eq!(
        written.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&written.stderr)
    );
    let imported = ropa::sheet::import_path(&out).unwrap();
    assert_eq!(imported.layout, "ico-processor");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn format_under_a_file_size_limit_leaves_the_register_whole() {
    let dir = std::env::temp_dir().join(format!("ropa-fsize-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("register.json");
    // Larger than the limit below, so that rewriting it must fail half way.
    let original = std::fs::read("examples/data/kent-parent-carer-panel.json").unwrap();
    assert!(original.len() > 4096);
    std::fs::write(&file, &original).unwrap();
    let command = example("format");
    // A limit of one 512-byte block, the signal ignored so that the write fails with EFBIG.
    let mut limited = std::process::Command::new("sh");
    limited
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 1; exec \"$@\"")
        .arg("sh")
        .arg(command.get_program())
        .args(command.get_args())
        .arg(&file)
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    let out = limited.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read(&file).unwrap(),
        original,
        "the register is as it was"
    );
    let names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "no temporary file left: {names:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn report_out_onto_a_fifo_writes_through_it() {
    let dir = std::env::temp_dir().join(format!("ropa-fifo-out-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fifo = dir.join("report.md");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let out = example("report")
        .args(["--kind", "register", "--format", "markdown", "--out"])
        .arg(&fifo)
        .arg("examples/data/kent-parent-carer-panel.json")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    assert!(reader.join().unwrap().contains("Kent County Council"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn diff_says_why_a_file_cannot_be_read_and_escapes_its_name() {
    let out = example("diff")
        .args([
            "no-such-\u{1b}[31mfile.json",
            "examples/data/kent-parent-carer-panel.json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("No such file or directory"),
        "the OS's reason: {stderr}"
    );
    assert!(
        !stderr.contains('\u{1b}'),
        "no terminal escape reaches the terminal: {stderr:?}"
    );
}
