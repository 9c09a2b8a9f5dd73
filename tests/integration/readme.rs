//! The README's `ropa` lines, run as written: every line of a `sh` block that starts with `ropa`
//! (or `cp`, which makes a file the next lines use), in the README's order, in one empty directory, with the `ropa` that `cargo test` builds first
//! on the PATH. The other shell lines are the maintainers' (`cargo bench`, `cargo fuzz`, npm):
//! CI runs `cargo test` itself, and those need a network or minutes.

use std::path::Path;
use std::process::Command;

use super::cli::ROPA;

/// The `ropa` lines of the README's `sh` blocks, in order.
fn ropa_lines() -> Vec<String> {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let mut lines = Vec::new();
    let mut in_sh = false;
    for line in readme.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") {
            in_sh = !in_sh && trimmed == "```sh";
            continue;
        }
        let local_copy = trimmed.starts_with("cp ") && !trimmed.contains('/');
        if in_sh && (trimmed.starts_with("ropa ") || local_copy) {
            lines.push(trimmed.to_owned());
        }
    }
    lines
}

/// Whether exit status 1 is one of the line's answers: findings with an error, registers that
/// differ, a file not in canonical form.
fn may_exit_1(line: &str) -> bool {
    ["ropa validate", "ropa diff", "--check"]
        .iter()
        .any(|command| line.contains(command))
}

#[test]
fn every_ropa_line_runs_as_written() {
    let lines = ropa_lines();
    assert!(lines.len() >= 14, "{lines:#?}");
    let dir = std::env::temp_dir().join(format!("ropa-readme-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let bin = dir.join("bin");
    let work = dir.join("work");
    std::fs::create_dir_all(&bin).unwrap();
    std::fs::create_dir_all(&work).unwrap();
    std::os::unix::fs::symlink(Path::new(ROPA), bin.join("ropa")).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for line in &lines {
        let output = Command::new("bash")
            .args(["--noprofile", "--norc", "-o", "pipefail", "-c", line])
            .current_dir(&work)
            .env("PATH", &path)
            .output()
            .unwrap();
        let code = output.status.code();
        let fine = code == Some(0) || (code == Some(1) && may_exit_1(line));
        assert!(
            fine,
            "`{line}` exited {code:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    for made in [
        "register.json",
        "register.html",
        "register.xlsx",
        "old.json",
        "ropa.strict.schema.json",
        "ropa.bash",
    ] {
        assert!(work.join(made).is_file(), "{made} was not made");
    }
    let html = std::fs::read_to_string(work.join("register.html")).unwrap();
    assert!(
        html.starts_with("<!DOCTYPE html>"),
        "the format follows --out's extension"
    );
}

#[test]
fn the_readmes_policy_file_reads_and_validates_against_its_schema() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme.find("```toml\n").expect("the README's policy file") + "```toml\n".len();
    let text = &readme[start..start + readme[start..].find("```").unwrap()];
    let policy = ropa::Policy::from_toml(text).unwrap();
    assert_eq!(policy.suppressions.len(), 1);
    assert_eq!(policy.severities.len(), 1);
    assert_eq!(policy.actions.len(), 1);
    assert_eq!(policy.suppressions[0].expires, "2027-03-31".parse().ok());
}
