//! The README's CI recipe, run as written: every `run:` command of its workflow, as bash with
//! `-eo pipefail` as GitHub Actions runs it, in a git repository with a base branch and a change.
//!
//! The recipe's `cargo run` finds the examples that `cargo test` built fresh, so it builds nothing;
//! run alone with `--test integration` (which builds no example) it may rebuild them first.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

/// The `run:` scripts of the README's workflow, with their step names, in order.
fn recipe_steps() -> Vec<(String, String)> {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("```yaml\n# .github/workflows/register.yml")
        .expect("the README's workflow");
    let block = &readme[start..];
    let block = &block[..block[3..].find("```").unwrap() + 3];
    let lines: Vec<&str> = block.lines().collect();
    let mut steps = Vec::new();
    let mut name = String::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if let Some(n) = trimmed.strip_prefix("- name: ") {
            name = n.to_owned();
        } else if trimmed.starts_with("- uses: ") {
            name.clear();
        }
        if let Some(script) = trimmed.strip_prefix("run: ") {
            if script == "|" {
                // A literal block: the lines indented deeper than `run:`.
                let mut body = Vec::new();
                i += 1;
                while i < lines.len() {
                    let l = lines[i];
                    let t = l.trim_start();
                    if !t.is_empty() && l.len() - t.len() <= indent {
                        break;
                    }
                    body.push(t);
                    i += 1;
                }
                steps.push((name.clone(), body.join("\n")));
                continue;
            }
            steps.push((name.clone(), script.to_owned()));
        }
        i += 1;
    }
    steps
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "ropa test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "ropa test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs a step's script as GitHub Actions does (`bash --noprofile --norc -eo pipefail`), with the
/// variables the service sets.
fn run(dir: &Path, script: &str) -> Output {
    Command::new("bash")
        .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
        .current_dir(dir)
        .env("GITHUB_BASE_REF", "main")
        .env("ROPA_DIR", env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn example_register(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/examples/data/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn ci_recipe_runs_as_written() {
    let steps = recipe_steps();
    let names: Vec<&str> = steps.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Diff against the base branch", "Validate"]);

    let dir = std::env::temp_dir().join(format!("ropa-ci-recipe-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    // The base branch holds the register; the pull request adds a processor without a contract.
    git(&dir, &["init", "--quiet", "--initial-branch=main"]);
    std::fs::write(
        dir.join("register.json"),
        example_register("kent-parent-carer-panel.json"),
    )
    .unwrap();
    git(&dir, &["add", "register.json"]);
    git(&dir, &["commit", "--quiet", "-m", "register"]);
    // `actions/checkout` with fetch-depth 0 leaves the base branch as origin's.
    git(&dir, &["update-ref", "refs/remotes/origin/main", "HEAD"]);
    git(&dir, &["checkout", "--quiet", "-b", "new-host"]);
    let mut register = ropa::from_str(&example_register("kent-parent-carer-panel.json")).unwrap();
    register
        .parties
        .push(ropa::Party::new("hosting", "Hosting Ltd"));
    register.activities[0].recipients.push(
        ropa::Recipient::new("hosting", ropa::RecipientRole::Processor).with_party("hosting"),
    );
    std::fs::write(
        dir.join("register.json"),
        ropa::to_string(&register).unwrap(),
    )
    .unwrap();
    git(&dir, &["commit", "--quiet", "-am", "new host"]);

    let (_, diff_step) = &steps[0];
    let out = run(&dir, diff_step);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let comment = std::fs::read_to_string(dir.join("register-diff.md")).unwrap();
    assert!(
        comment.contains("recipient 'Hosting Ltd' (processor) added"),
        "{comment}"
    );
    assert!(comment.contains("processor-without-contract"), "{comment}");

    let (_, validate_step) = &steps[1];
    let out = run(&dir, validate_step);
    // The register has errors: the step fails the job, after writing the log that is uploaded.
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let log: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("ropa.sarif")).unwrap()).unwrap();
    crate::sarif::assert_valid_sarif(&log);
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(
        results
            .iter()
            .any(|r| r["ruleId"] == "processor-without-contract")
    );
    assert!(results.iter().all(
        |r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "register.json"
    ));

    // A register without errors passes; a diff of the branch against itself is empty.
    std::fs::write(
        dir.join("register.json"),
        example_register("northfield-research-processor.json"),
    )
    .unwrap();
    let out = run(&dir, validate_step);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    git(&dir, &["checkout", "--quiet", "--", "register.json"]);
    git(&dir, &["checkout", "--quiet", "main"]);
    let out = run(&dir, diff_step);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let comment = std::fs::read_to_string(dir.join("register-diff.md")).unwrap();
    assert!(comment.contains("No changes."), "{comment}");
    let _ = std::fs::remove_dir_all(&dir);
}
