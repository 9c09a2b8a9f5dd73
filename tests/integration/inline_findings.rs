//! Findings beside what they concern in the Art 30 record (issue 28, point 5): a required entry
//! left empty reads differently from an optional one.

use ropa::report::{Format, ReportKind, ReportOptions, render_to_string};
use ropa::{Party, ProcessingActivity, Register, ValidationOptions, validate};

fn options() -> ReportOptions {
    ReportOptions::default().as_of("2026-12-06".parse().unwrap())
}

fn record(register: &Register, format: Format) -> String {
    render_to_string(register, ReportKind::Register, format, &options()).unwrap()
}

/// The line of a Markdown fields table whose label is `label`.
fn row<'t>(text: &'t str, label: &str) -> &'t str {
    let start = format!("| **{label}** |");
    text.lines()
        .find(|line| line.starts_with(&start))
        .unwrap_or_else(|| panic!("no row {label}: {text}"))
}

fn example(name: &str) -> Register {
    ropa::from_path(format!("examples/data/{name}.json")).unwrap()
}

#[test]
fn a_required_entry_left_empty_carries_its_finding_and_an_optional_one_none() {
    let text = record(&example("govuk-notify"), Format::Markdown);
    let contact = row(&text, "Contact details");
    assert!(contact.starts_with("| **Contact details** | Not stated<br>**Error** `missing-controller-contact`: Cabinet Office has no contact details"), "{contact}");
    assert!(contact.ends_with("(UK GDPR Art 30(1)(a)) |"), "{contact}");
    let function = row(&text, "Business function");
    assert_eq!(function, "| **Business function** | Not stated |");
    assert!(
        row(&text, "Complaints procedure").contains("**Warning** `missing-complaints-procedure`"),
        "{text}"
    );
    assert!(text.contains("\u{2018}None recorded\u{2019} means the register lists none"));
}

#[test]
fn every_finding_of_every_example_is_shown_once_in_the_record() {
    for entry in std::fs::read_dir("examples/data").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let register = ropa::from_path(&path).unwrap();
        let report = validate(&register, &options().validation);
        let text = record(&register, Format::Markdown);
        for f in &report.findings {
            let of_rule = |rule: &str| format!("** `{rule}`: ");
            let findings = report.findings.iter().filter(|g| g.rule == f.rule).count();
            let shown = text.matches(&of_rule(f.rule)).count();
            assert_eq!(shown, findings, "{}: {}: {text}", path.display(), f.rule);
        }
        let marks = text.matches("** `").count();
        assert_eq!(marks, report.findings.len(), "{}", path.display());
    }
}

#[test]
fn each_activity_finding_sits_in_the_row_it_concerns() {
    let text = record(&example("doncaster-peer-support-groups"), Format::Markdown);
    for (label, rule) in [
        ("Retention schedule", "data-category-without-retention"),
        (
            "General description of technical and organisational security measures",
            "missing-security-measures",
        ),
        (
            "Safeguards for exceptional transfers",
            "derogation-by-public-authority",
        ),
        (
            "Link to contract with processor",
            "processor-without-contract",
        ),
        ("Article 9 condition", "special-category-without-condition"),
        (
            "DPA 2018 Schedule 1 condition for processing",
            "para-41-record-incomplete",
        ),
    ] {
        assert!(
            row(&text, label).contains(&format!("`{rule}`")),
            "{label}: {text}"
        );
    }
}

#[test]
fn a_finding_no_row_concerns_goes_to_the_activity_as_a_whole() {
    // A dangling reference in an activity concerns no one entry of the template.
    let mut activity = ProcessingActivity::controller("a", "Payroll");
    activity
        .joint_controllers
        .push(ropa::PartyId::new("nobody"));
    let register = Register::new(Party::new("org", "Org")).with_activity(activity);
    let rules: Vec<&str> = validate(&register, &ValidationOptions::default())
        .findings
        .iter()
        .map(|f| f.rule)
        .collect();
    assert!(rules.contains(&"dangling-reference"), "{rules:?}");
    let text = record(&register, Format::Markdown);
    let whole = row(&text, "Findings about the activity as a whole");
    assert!(whole.contains("**Error** `dangling-reference`"), "{whole}");
    assert!(!row(&text, "Purpose of processing").contains("dangling-reference"));
}

#[test]
fn a_party_with_a_finding_gets_a_findings_column() {
    let text = record(&example("brighton-hove-govuk-notify"), Format::Markdown);
    assert!(
        text.contains("| Party | Id | Kind | Country | Description and contact details | Contract | Findings |"),
        "{text}"
    );
    let parties = &text[text.find("| Party | Id |").unwrap()..];
    assert!(parties.contains("**Warning** `sub-processor-without-authorisation`"));
    // A table no finding concerns keeps its columns.
    let text = record(&example("northfield-research-processor"), Format::Markdown);
    assert!(
        text.contains(
            "| Party | Id | Kind | Country | Description and contact details | Contract |\n"
        ),
        "{text}"
    );
}

#[test]
fn html_marks_a_finding_in_words_and_by_its_class() {
    let text = record(&example("govuk-notify"), Format::Html);
    assert!(
        text.contains("<div class=\"finding error\"><strong>Error</strong> <span class=\"rule\">missing-controller-contact</span>: Cabinet Office has no contact details"),
        "{text}"
    );
    assert!(text.contains("<div class=\"finding warning\"><strong>Warning</strong>"));
}

#[test]
fn an_accepted_finding_is_marked_as_accepted_with_the_reason() {
    let policy = ropa::Policy::from_toml(
        "[[suppress]]\nrule = \"missing-dpo\"\nreason = \"Appointed; the register is being updated\"",
    )
    .unwrap();
    let options = options().policy(policy);
    let register = example("govuk-notify");
    let text =
        render_to_string(&register, ReportKind::Register, Format::Markdown, &options).unwrap();
    let dpo = row(&text, "Data protection officer");
    assert!(dpo.contains("**Accepted error** `missing-dpo`"), "{dpo}");
    assert!(
        dpo.contains(
            "Accepted by the organisation's policy: Appointed; the register is being updated"
        ),
        "{dpo}"
    );
    let html = render_to_string(&register, ReportKind::Register, Format::Html, &options).unwrap();
    assert!(html.contains("<div class=\"finding accepted\"><strong>Accepted error</strong>"));
}

#[test]
fn register_text_cannot_forge_a_mark() {
    let mut party = Party::new("org", "**Error** `missing-dpo`: forged");
    party.description = Some("<div class=\"finding error\">forged</div>".to_owned());
    let text = record(&Register::new(party.clone()), Format::Markdown);
    assert!(!text.contains("**Error** `missing-dpo`: forged"), "{text}");
    let html = record(&Register::new(party), Format::Html);
    assert!(
        !html.contains("<div class=\"finding error\">forged"),
        "{html}"
    );
}

#[test]
fn html_gives_a_party_s_findings_their_own_cell() {
    let text = record(&example("brighton-hove-govuk-notify"), Format::Html);
    assert!(text.contains("<th scope=\"col\">Findings</th>"), "{text}");
    assert!(
        text.contains("</td><td><div class=\"finding warning\"><strong>Warning</strong> <span class=\"rule\">processor-without-contract</span>"),
        "{text}"
    );
}
