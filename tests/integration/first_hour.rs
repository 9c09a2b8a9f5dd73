//! What a new user meets in the first hour with the installed `ropa` (issue 28): it never reads
//! the tree it was built from, reads standard input as `-`, and follows `--out`'s extension.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use super::cli::ROPA;

/// A fresh empty directory to run in, away from the source tree.
fn elsewhere(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ropa-first-hour-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn bundled(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/data")
        .join(name)
}

/// `ropa ARGS` run in `dir`, with `stdin` on its standard input.
fn ropa_in(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(ROPA)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn the_installed_command_with_no_file_prints_its_usage_and_exits_2() {
    let dir = elsewhere("no-file");
    for command in ["validate", "report"] {
        let output = ropa_in(&dir, &[command], b"");
        assert_eq!(
            output.status.code(),
            Some(2),
            "{command}: {}",
            stderr(&output)
        );
        assert!(
            output.stdout.is_empty(),
            "{command} printed a report of a register it was not given"
        );
        let message = stderr(&output);
        assert!(
            message.contains("no FILE given (use - for standard input)"),
            "{message}"
        );
        // The usage on a line of its own, not after an escaped "\n".
        assert!(
            message.contains(&format!(
                "(use - for standard input)\nusage: ropa {command}"
            )),
            "{message}"
        );
    }
    // --list-rules needs no register.
    let rules = ropa_in(&dir, &["validate", "--list-rules"], b"");
    assert_eq!(rules.status.code(), Some(0), "{}", stderr(&rules));
}

#[test]
fn the_examples_still_default_to_the_bundled_registers() {
    let mut path: PathBuf = std::env::current_exe().unwrap();
    path.pop();
    if path.ends_with("deps") {
        path.pop();
    }
    let output = Command::new(path.join("examples/report"))
        .current_dir(elsewhere("example"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("Northfield"));
}

#[test]
fn a_dash_reads_the_register_from_standard_input() {
    let dir = elsewhere("stdin");
    let json = std::fs::read(bundled("doncaster-peer-support-groups.json")).unwrap();
    let validated = ropa_in(&dir, &["validate", "--as-of", "2026-12-06", "-"], &json);
    assert_eq!(validated.status.code(), Some(1), "{}", stderr(&validated));
    let text = String::from_utf8_lossy(&validated.stdout);
    assert!(
        text.lines()
            .any(|l| l.starts_with("-: error derogation-by-public-authority")),
        "{text}"
    );
    let reported = ropa_in(&dir, &["report", "--as-of", "2026-12-06", "-"], &json);
    assert_eq!(reported.status.code(), Some(0), "{}", stderr(&reported));
    assert!(String::from_utf8_lossy(&reported.stdout).contains("City of Doncaster Council"));

    let broken = ropa_in(
        &dir,
        &["report", "-"],
        b"{\"schema_version\": \"1.0\",\n \"organisation\": 7}",
    );
    assert_eq!(broken.status.code(), Some(2));
    let message = stderr(&broken);
    assert!(
        message.starts_with("<stdin>: /organisation: line 2, column"),
        "{message}"
    );
}

#[test]
fn the_report_format_follows_the_out_extension_and_a_contradiction_is_an_error() {
    let dir = elsewhere("out");
    let register = bundled("northfield-research-processor.json");
    let register = register.to_str().unwrap();
    let html = ropa_in(&dir, &["report", "--out", "x.html", register], b"");
    assert_eq!(html.status.code(), Some(0), "{}", stderr(&html));
    let written = std::fs::read_to_string(dir.join("x.html")).unwrap();
    assert!(
        written.starts_with("<!DOCTYPE html>"),
        "{}",
        &written[..40.min(written.len())]
    );

    let md = ropa_in(
        &dir,
        &["report", "--format", "md", "--out", "x.md", register],
        b"",
    );
    assert_eq!(md.status.code(), Some(0), "{}", stderr(&md));
    assert!(
        std::fs::read_to_string(dir.join("x.md"))
            .unwrap()
            .starts_with("# ")
    );

    let clash = ropa_in(
        &dir,
        &[
            "report", "--format", "markdown", "--out", "y.html", register,
        ],
        b"",
    );
    assert_eq!(clash.status.code(), Some(2));
    assert!(
        stderr(&clash).contains("--format markdown contradicts --out's extension .html"),
        "{}",
        stderr(&clash)
    );
    assert!(
        !dir.join("y.html").exists(),
        "nothing is written on a usage error"
    );

    // An extension that names no format leaves the default.
    let txt = ropa_in(&dir, &["report", "--out", "x.txt", register], b"");
    assert_eq!(txt.status.code(), Some(0), "{}", stderr(&txt));
    assert!(
        std::fs::read_to_string(dir.join("x.txt"))
            .unwrap()
            .starts_with("# ")
    );
}

#[test]
fn a_misspelt_field_gets_the_nearest_name() {
    let dir = elsewhere("suggest");
    let json = br#"{"schema_version": "1.0", "organisation": "org",
 "parties": [{"id": "org", "name": "Org"}],
 "activities": [{"id": "a", "name": "A", "role": "controller", "purpose": []}]}"#;
    let output = ropa_in(&dir, &["report", "-"], json);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("/activities/0/purpose: line 3, column")
            && message.contains("unknown field `purpose`: did you mean `purposes`?"),
        "{message}"
    );
    assert!(!message.contains("expected one of"), "{message}");
}

#[test]
fn init_writes_a_register_that_reads_and_never_replaces_a_file() {
    let dir = elsewhere("init");
    let printed = ropa_in(&dir, &["init"], b"");
    assert_eq!(printed.status.code(), Some(0), "{}", stderr(&printed));
    let register = ropa::from_slice(&printed.stdout).unwrap();
    assert_eq!(
        register,
        ropa::Register::starter(ropa::ActivityRole::Controller)
    );

    let made = ropa_in(
        &dir,
        &["init", "--kind", "processor", "--out", "register.json"],
        b"",
    );
    assert_eq!(made.status.code(), Some(0), "{}", stderr(&made));
    let processor = ropa::from_path(dir.join("register.json")).unwrap();
    assert_eq!(processor.activities[0].role, ropa::ActivityRole::Processor);
    assert_eq!(processor.activities[0].on_behalf_of.len(), 1);

    std::fs::write(dir.join("register.json"), "mine").unwrap();
    let again = ropa_in(&dir, &["init", "--out", "register.json"], b"");
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("register.json: already exists"),
        "{}",
        stderr(&again)
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("register.json")).unwrap(),
        "mine"
    );

    // What validation then lists is what to fill in; the starter reads and validates.
    let validated = ropa_in(&dir, &["validate", "-"], &printed.stdout);
    assert_eq!(validated.status.code(), Some(1), "{}", stderr(&validated));
    assert!(String::from_utf8_lossy(&validated.stdout).contains("purpose-without-lawful-basis"));
}

#[test]
fn fmt_check_names_a_file_not_in_canonical_form_and_exits_1_without_writing() {
    let dir = elsewhere("fmt-check");
    let canonical = ropa_in(&dir, &["init", "--out", "canonical.json"], b"");
    assert_eq!(canonical.status.code(), Some(0));
    let clean = ropa_in(&dir, &["fmt", "--check", "canonical.json"], b"");
    assert_eq!(clean.status.code(), Some(0), "{}", stderr(&clean));
    assert!(clean.stdout.is_empty());

    let text = std::fs::read_to_string(dir.join("canonical.json")).unwrap();
    let squashed: String = text.lines().map(str::trim).collect();
    std::fs::write(dir.join("squashed.json"), &squashed).unwrap();
    let dirty = ropa_in(
        &dir,
        &["fmt", "--check", "canonical.json", "squashed.json"],
        b"",
    );
    assert_eq!(dirty.status.code(), Some(1), "{}", stderr(&dirty));
    assert_eq!(
        String::from_utf8_lossy(&dirty.stdout),
        "squashed.json: not in canonical form (ropa fmt rewrites it)\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("squashed.json")).unwrap(),
        squashed
    );

    std::fs::write(dir.join("broken.json"), "{").unwrap();
    let broken = ropa_in(
        &dir,
        &["fmt", "--check", "squashed.json", "broken.json"],
        b"",
    );
    assert_eq!(broken.status.code(), Some(2));
}

#[test]
fn version_names_the_crate_the_register_format_and_the_law_tables() {
    let output = ropa_in(&elsewhere("version"), &["--version"], b"");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        format!(
            "ropa {} (register format {}; law tables checked {})\n",
            env!("CARGO_PKG_VERSION"),
            ropa::SCHEMA_VERSION,
            ropa::law::TABLES_CHECKED
        )
    );
}

#[test]
fn completions_and_the_manual_page_are_generated_from_the_definition() {
    let dir = elsewhere("completions");
    let bash = ropa_in(&dir, &["completions", "bash"], b"");
    assert_eq!(bash.status.code(), Some(0), "{}", stderr(&bash));
    let script = String::from_utf8_lossy(&bash.stdout);
    assert!(
        script.contains("_ropa()") && script.contains("--max-input-bytes"),
        "{script}"
    );
    let man = ropa_in(&dir, &["man"], b"");
    assert_eq!(man.status.code(), Some(0), "{}", stderr(&man));
    let page = String::from_utf8_lossy(&man.stdout);
    assert!(
        page.starts_with(".ie") || page.contains(".TH ropa"),
        "{}",
        &page[..200.min(page.len())]
    );
    assert!(page.contains("validate"), "the page lists the commands");
}
