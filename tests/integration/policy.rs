//! The policy file (`ropa.toml`, issue 28 point 4): accepted findings are shown but not counted,
//! severities are the organisation's, stale decisions are warned about, and the command line
//! finds the file beside the register.

use std::path::PathBuf;
use std::process::Command;

use ropa::{
    ActivityRole, NaiveDate, Party, PartyKind, Policy, ProcessingActivity, Register, Severity,
    ValidationOptions,
};

use super::cli::ROPA;

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// A council with no contact details and one activity without a purpose basis.
fn council() -> Register {
    Register::new(Party::new("council", "Council").with_kind(PartyKind::PublicAuthority))
        .with_activity(ProcessingActivity::controller("a", "Alpha"))
        .with_activity(ProcessingActivity::controller("b", "Beta"))
}

fn validate(register: &Register, policy: &str, as_of: &str) -> ropa::ValidationReport {
    let policy = Policy::from_toml(policy).unwrap();
    ropa::validate(
        register,
        &ValidationOptions::default()
            .as_of(day(as_of))
            .policy(policy),
    )
}

#[test]
fn a_suppressed_finding_is_shown_marked_and_not_counted() {
    let register = council();
    let plain = ropa::validate(
        &register,
        &ValidationOptions::default().as_of(day("2026-12-06")),
    );
    let contact = plain.of_rule("missing-controller-contact").next().unwrap();
    assert_eq!(contact.path, "/parties/0");
    assert!(plain.has_errors());

    let report = validate(
        &register,
        r#"[[suppress]]
rule = "missing-controller-contact"
at = "/parties/[id=council]"
reason = "Contact details are kept in the corporate directory"
owner = "dpo@council.example"
expires = 2027-06-30"#,
        "2026-12-06",
    );
    assert_eq!(
        report.findings.len(),
        plain.findings.len(),
        "nothing is hidden"
    );
    let accepted: Vec<_> = report.suppressed().collect();
    assert_eq!(accepted.len(), 1);
    assert_eq!(accepted[0].rule, "missing-controller-contact");
    let note = accepted[0].policy.as_ref().unwrap();
    assert_eq!(note.owner.as_deref(), Some("dpo@council.example"));
    assert_eq!(note.expires, Some(day("2027-06-30")));
    assert_eq!(
        report.count(Severity::Error),
        plain.count(Severity::Error) - 1
    );
    assert!(report.of_rule("policy-suppression-unused").next().is_none());
}

#[test]
fn a_suppression_without_a_place_covers_every_finding_of_its_rule_and_follows_ids() {
    let register = council();
    let rule = "activity-without-data-categories";
    let all = validate(
        &register,
        &format!("[[suppress]]\nrule = \"{rule}\"\nreason = \"r\""),
        "2026-12-06",
    );
    assert_eq!(all.of_rule(rule).count(), 2);
    assert!(all.of_rule(rule).all(|f| f.is_suppressed()));

    // Named by id, the suppression follows its activity when the list is reordered.
    let mut reordered = register.clone();
    reordered.activities.reverse();
    let policy =
        format!("[[suppress]]\nrule = \"{rule}\"\nat = \"/activities/[id=b]\"\nreason = \"r\"");
    let report = validate(&reordered, &policy, "2026-12-06");
    let suppressed: Vec<_> = report.of_rule(rule).filter(|f| f.is_suppressed()).collect();
    assert_eq!(suppressed.len(), 1);
    assert_eq!(
        suppressed[0].path, "/activities/0",
        "b is first once reversed"
    );
}

#[test]
fn on_its_expiry_date_the_finding_counts_again_with_a_warning() {
    let policy = r#"[[suppress]]
rule = "missing-controller-contact"
at = "/parties/[id=council]"
reason = "Directory"
expires = "2027-06-30""#;
    let before = validate(&council(), policy, "2027-06-29");
    assert_eq!(before.suppressed().count(), 1);
    assert!(
        before
            .of_rule("policy-suppression-expired")
            .next()
            .is_none()
    );

    let on = validate(&council(), policy, "2027-06-30");
    assert_eq!(on.suppressed().count(), 0);
    let expired = on.of_rule("policy-suppression-expired").next().unwrap();
    assert_eq!(expired.severity, Severity::Warning);
    assert!(
        expired.message.contains("expired on 2027-06-30"),
        "{}",
        expired.message
    );
    assert!(on.of_rule("policy-suppression-unused").next().is_none());
}

#[test]
fn a_suppression_that_matches_nothing_is_a_warning() {
    let report = validate(
        &council(),
        "[[suppress]]\nrule = \"missing-controller-contact\"\nat = \"/parties/[id=nobody]\"\nreason = \"r\"",
        "2026-12-06",
    );
    let unused = report.of_rule("policy-suppression-unused").next().unwrap();
    assert_eq!(unused.severity, Severity::Warning);
    assert!(
        unused.message.contains("/parties/[id=nobody]"),
        "{}",
        unused.message
    );
    assert_eq!(report.suppressed().count(), 0);
}

#[test]
fn a_severity_set_by_the_policy_keeps_the_rules_own_and_passes_the_minimum() {
    let register = council();
    let policy = Policy::from_toml(
        "[[severity]]\nrule = \"activity-without-data-categories\"\nseverity = \"info\"\nreason = \"Drafts\"",
    )
    .unwrap();
    let options = ValidationOptions::default()
        .as_of(day("2026-12-06"))
        .policy(policy.clone());
    let report = ropa::validate(&register, &options);
    let lowered = report
        .of_rule("activity-without-data-categories")
        .next()
        .unwrap();
    assert_eq!(lowered.severity, Severity::Info);
    let note = lowered.policy.as_ref().unwrap();
    assert_eq!(note.rule_severity, Some(Severity::Error));
    assert!(!note.suppressed);
    // Left out below the minimum at its new severity.
    let warnings_up = ropa::validate(&register, &options.clone().min_severity(Severity::Warning));
    assert!(
        warnings_up
            .of_rule("activity-without-data-categories")
            .next()
            .is_none()
    );
    // Raised above the minimum, it is kept.
    let raised = Policy::from_toml(
        "[[severity]]\nrule = \"activity-without-data-categories\"\nseverity = \"error\"\nreason = \"x\"",
    )
    .unwrap();
    let same = ropa::validate(&register, &ValidationOptions::default().policy(raised));
    assert!(
        same.of_rule("activity-without-data-categories")
            .all(|f| f.policy.is_none()),
        "no change, no note"
    );
}

#[test]
fn where_two_severities_name_one_rule_the_first_applies() {
    let rule = "activity-without-data-categories";
    let report = validate(
        &council(),
        &format!(
            "[[severity]]\nrule = \"{rule}\"\nseverity = \"info\"\nreason = \"first\"\n[[severity]]\nrule = \"{rule}\"\nseverity = \"warning\"\nreason = \"second\""
        ),
        "2026-12-06",
    );
    let finding = report.of_rule(rule).next().unwrap();
    assert_eq!(finding.severity, Severity::Info);
    assert_eq!(finding.policy.as_ref().unwrap().reason, "first");
}

#[test]
fn the_organisations_review_interval_dates_the_next_review() {
    let mut register = council();
    register.last_reviewed = Some(day("2025-01-15"));
    let policy = "review_interval = \"P1Y\"";
    let due = validate(&register, policy, "2026-01-15");
    assert!(
        due.of_rule("review-overdue").next().is_none(),
        "due on the day, not overdue"
    );
    let overdue = validate(&register, policy, "2026-01-16");
    let finding = overdue.of_rule("review-overdue").next().unwrap();
    assert_eq!(finding.path, "/last_reviewed");
    assert!(
        finding
            .message
            .contains("every P1Y, so it was due on 2026-01-15"),
        "{}",
        finding.message
    );
    // A next review date the register records is what counts.
    register.next_review = Some(day("2026-06-01"));
    assert!(
        validate(&register, policy, "2026-01-16")
            .of_rule("review-overdue")
            .next()
            .is_none()
    );
    // Without the policy nothing fires.
    register.next_review = None;
    let plain = ropa::validate(
        &register,
        &ValidationOptions::default().as_of(day("2026-01-16")),
    );
    assert!(plain.of_rule("review-overdue").next().is_none());
}

#[test]
fn a_bad_policy_file_is_an_error_naming_what_is_wrong() {
    for (text, expected) in [
        (
            "[[suppress]]\nrule = \"no-such-rule\"\nreason = \"r\"",
            "names rule `no-such-rule`, which is not a rule",
        ),
        (
            "[[severity]]\nrule = \"no-such-rule\"\nseverity = \"info\"\nreason = \"r\"",
            "[[severity]] names rule",
        ),
        ("review_intervl = \"P1Y\"", "unknown field `review_intervl`"),
        (
            "[[suppress]]\nrule = \"review-overdue\"\nreason = \"r\"\nexpires = \"soon\"",
            "`soon` is not a date",
        ),
        (
            "[[suppress]]\nrule = \"review-overdue\"",
            "missing field `reason`",
        ),
        ("review_interval = \"a year\"", "line 1"),
    ] {
        let error = Policy::from_toml(text).unwrap_err().to_string();
        assert!(error.contains(expected), "{text:?}: {error}");
    }
}

// ---- The command line ----

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ropa-policy-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    ropa::to_path(&council(), dir.join("register.json")).unwrap();
    dir
}

const ACCEPT_CONTACT: &str = r#"[[suppress]]
rule = "missing-controller-contact"
at = "/parties/[id=council]"
reason = "Contact details are kept in the corporate directory"
owner = "dpo@council.example"
"#;

fn ropa(dir: &PathBuf, args: &[&str]) -> std::process::Output {
    Command::new(ROPA)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

#[test]
fn the_command_line_finds_ropa_toml_beside_the_register() {
    let dir = scratch("beside");
    let before = ropa(
        &dir,
        &["validate", "--as-of", "2026-12-06", "register.json"],
    );
    std::fs::write(dir.join("ropa.toml"), ACCEPT_CONTACT).unwrap();
    let after = ropa(
        &dir,
        &["validate", "--as-of", "2026-12-06", "register.json"],
    );
    let (before, after) = (
        String::from_utf8_lossy(&before.stdout).into_owned(),
        String::from_utf8_lossy(&after.stdout).into_owned(),
    );
    assert_eq!(before.lines().count(), after.lines().count(), "{after}");
    let line = after
        .lines()
        .find(|l| l.contains("missing-controller-contact"))
        .unwrap();
    assert!(
        line.ends_with("[accepted by the policy: Contact details are kept in the corporate directory; owner dpo@council.example]"),
        "{line}"
    );
    assert!(
        after
            .lines()
            .last()
            .unwrap()
            .ends_with("; 1 accepted by the policy"),
        "{after}"
    );

    let json = ropa(
        &dir,
        &[
            "validate",
            "--format",
            "json",
            "--as-of",
            "2026-12-06",
            "register.json",
        ],
    );
    let rows: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let row = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule"] == "missing-controller-contact")
        .unwrap();
    assert_eq!(row["place"], "/parties/[id=council]");
    assert_eq!(row["policy"]["suppressed"], true);
    assert_eq!(row["policy"]["owner"], "dpo@council.example");

    let sarif = ropa(
        &dir,
        &[
            "validate",
            "--format",
            "sarif",
            "--as-of",
            "2026-12-06",
            "register.json",
        ],
    );
    let log: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let result = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "missing-controller-contact")
        .unwrap();
    assert_eq!(result["suppressions"][0]["kind"], "external");
    assert_eq!(result["suppressions"][0]["status"], "accepted");

    let html = ropa(
        &dir,
        &[
            "report",
            "--kind",
            "findings",
            "--format",
            "html",
            "--as-of",
            "2026-12-06",
            "register.json",
        ],
    );
    let page = String::from_utf8_lossy(&html.stdout);
    assert!(
        page.contains("Accepted by the organisation&#39;s policy (1)")
            || page.contains("Accepted by the organisation's policy (1)"),
        "{page}"
    );
    assert!(
        page.contains("Owner: <a href=\"mailto:dpo@council.example\">"),
        "{page}"
    );
}

#[test]
fn a_suppressed_error_does_not_set_the_exit_status() {
    let dir = scratch("exit");
    // Only one error: the contact; the activities get data categories and bases elsewhere, so
    // accept every other error rule by rule.
    let plain = ropa(
        &dir,
        &[
            "validate",
            "--format",
            "json",
            "--as-of",
            "2026-12-06",
            "register.json",
        ],
    );
    assert_eq!(plain.status.code(), Some(1));
    let rows: serde_json::Value = serde_json::from_slice(&plain.stdout).unwrap();
    let mut policy = String::new();
    let mut rules: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["severity"] == "error")
        .map(|r| r["rule"].as_str().unwrap())
        .collect();
    rules.dedup();
    for rule in rules {
        policy.push_str(&format!(
            "[[suppress]]\nrule = \"{rule}\"\nreason = \"accepted\"\n"
        ));
    }
    std::fs::write(dir.join("decisions.toml"), policy).unwrap();
    let accepted = ropa(
        &dir,
        &[
            "validate",
            "--policy",
            "decisions.toml",
            "--as-of",
            "2026-12-06",
            "register.json",
        ],
    );
    assert_eq!(
        accepted.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&accepted.stdout)
    );

    std::fs::write(
        dir.join("ropa.toml"),
        "[[suppress]]\nrule = \"nope\"\nreason = \"r\"",
    )
    .unwrap();
    let bad = ropa(&dir, &["validate", "register.json"]);
    assert_eq!(bad.status.code(), Some(2));
    let message = String::from_utf8_lossy(&bad.stderr);
    assert!(
        message.starts_with("ropa.toml: [[suppress]] names rule `nope`"),
        "{message}"
    );
    assert!(
        bad.stdout.is_empty(),
        "nothing is printed before a bad policy is found"
    );
    let report = ropa(&dir, &["report", "register.json"]);
    assert_eq!(report.status.code(), Some(2));
}

#[test]
fn the_starter_register_of_every_kind_reads_back() {
    for role in [ActivityRole::Controller, ActivityRole::Processor] {
        let register = Register::starter(role);
        let json = ropa::to_string(&register).unwrap();
        assert_eq!(ropa::from_str(&json).unwrap(), register);
    }
}

#[test]
fn the_policy_schema_accepts_a_policy_and_names_the_rules() {
    let schema = ropa::validate::policy_schema();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let text = format!(
        "review_interval = \"P1Y\"\n{ACCEPT_CONTACT}\n[[severity]]\nrule = \"review-overdue\"\nseverity = \"error\"\nreason = \"Board decision\"\n"
    );
    // TOML reads into the same JSON the schema describes.
    let policy: serde_json::Value = toml::from_str(&text).unwrap();
    assert!(validator.is_valid(&policy), "{policy}");
    let mut unknown_rule = policy.clone();
    unknown_rule["suppress"][0]["rule"] = "no-such-rule".into();
    assert!(!validator.is_valid(&unknown_rule));
    let mut unknown_key = policy;
    unknown_key["suppress"][0]["because"] = "x".into();
    assert!(!validator.is_valid(&unknown_key));
}

#[test]
fn an_action_gives_a_finding_its_owner_due_date_and_status() {
    let policy = r#"[[action]]
rule = "missing-controller-contact"
at = "/parties/[id=council]"
owner = "Records manager"
due = 2026-11-30
status = "in_progress"

[[action]]
rule = "activity-without-data-categories"
owner = "Service leads""#;
    let report = validate(&council(), policy, "2026-12-06");
    let contact = report.of_rule("missing-controller-contact").next().unwrap();
    let action = contact.action.as_ref().unwrap();
    assert_eq!(action.owner.as_deref(), Some("Records manager"));
    assert_eq!(action.status, ropa::validate::ActionStatus::InProgress);
    assert!(!contact.is_suppressed(), "an action accepts nothing");
    // Without a status it is open; without a place it covers every finding of its rule.
    let categories: Vec<_> = report.of_rule("activity-without-data-categories").collect();
    assert_eq!(categories.len(), 2);
    assert!(categories.iter().all(|f| {
        f.action
            .as_ref()
            .is_some_and(|a| a.status == ropa::validate::ActionStatus::Open)
    }));
    assert!(report.of_rule("missing-dpo").all(|f| f.action.is_none()));

    let options = ropa::report::ReportOptions::default().as_of(day("2026-12-06"));
    let mut options = options;
    options.validation = ValidationOptions::default()
        .as_of(day("2026-12-06"))
        .policy(Policy::from_toml(policy).unwrap());
    let text = ropa::report::render_to_string(
        &council(),
        ropa::report::ReportKind::Findings,
        ropa::report::Format::Markdown,
        &options,
    )
    .unwrap();
    assert!(
        text.contains("| Rule | Where | Finding | Citation | Owner | Due | Status |"),
        "{text}"
    );
    assert!(
        text.contains("| Records manager | 2026-11-30 | In progress, OVERDUE |"),
        "{text}"
    );
    assert!(text.contains("| Service leads |  | Open |"), "{text}");

    // No action, no columns.
    let plain = ropa::report::render_to_string(
        &council(),
        ropa::report::ReportKind::Findings,
        ropa::report::Format::Markdown,
        &ropa::report::ReportOptions::default().as_of(day("2026-12-06")),
    )
    .unwrap();
    assert!(!plain.contains("| Owner |"), "{plain}");

    let dir = scratch("action");
    std::fs::write(dir.join("ropa.toml"), policy).unwrap();
    let out = ropa(
        &dir,
        &["validate", "--as-of", "2026-12-06", "register.json"],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout
        .lines()
        .find(|l| l.contains("missing-controller-contact"))
        .unwrap();
    assert!(
        line.ends_with(" [action: in_progress; owner Records manager; due 2026-11-30]"),
        "{line}"
    );
    assert!(
        Policy::from_toml("[[action]]\nrule = \"nope\"")
            .unwrap_err()
            .to_string()
            .contains("[[action]] names rule `nope`")
    );
}

#[test]
fn has_errors_counts_only_errors_the_policy_does_not_accept() {
    let register = council();
    let plain = ropa::validate(
        &register,
        &ValidationOptions::default().as_of(day("2026-12-06")),
    );
    assert!(plain.has_errors());
    let errors: std::collections::BTreeSet<&str> = plain
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.rule)
        .collect();
    let mut every_error = String::new();
    for rule in &errors {
        every_error.push_str(&format!(
            "[[suppress]]\nrule = \"{rule}\"\nreason = \"r\"\n"
        ));
    }
    let accepted = validate(&register, &every_error, "2026-12-06");
    assert!(!accepted.has_errors(), "every error accepted");
    assert!(
        accepted
            .findings
            .iter()
            .any(|f| f.severity != Severity::Error && !f.is_suppressed()),
        "warnings remain, and are no errors"
    );
    // Lowered to warnings by the policy, they are no errors either.
    let mut lowered = String::new();
    for rule in &errors {
        lowered.push_str(&format!(
            "[[severity]]\nrule = \"{rule}\"\nseverity = \"warning\"\nreason = \"r\"\n"
        ));
    }
    assert!(!validate(&register, &lowered, "2026-12-06").has_errors());
}
