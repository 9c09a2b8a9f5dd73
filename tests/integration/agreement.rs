//! Report and validator agree (issue 28, point 6): a gap the register report marks is one a
//! finding names, and a right the report lists is one the activity's people can use.

use ropa::report::{Format, ReportKind, ReportOptions, render_to_string};
use ropa::{DataSubjectRight, ValidationOptions};

const AS_OF: &str = "2026-12-06";

/// The rights an `available-right-not-stated` finding names.
fn rights_named(message: &str) -> usize {
    message
        .split_once("rights they have: ")
        .and_then(|(_, rest)| rest.split_once(". Add them"))
        .map_or(0, |(list, _)| list.split(", ").count())
}

#[test]
fn every_right_the_report_marks_untold_is_one_a_finding_names() {
    let options = ReportOptions::default().as_of(AS_OF.parse().unwrap());
    for path in super::examples_data::example_files() {
        let register = ropa::from_path(&path).unwrap();
        let report =
            render_to_string(&register, ReportKind::Register, Format::Markdown, &options).unwrap();
        let marked = report.matches("(not stated in the privacy notice)").count();
        let findings = ropa::validate(
            &register,
            &ValidationOptions::default().as_of(AS_OF.parse().unwrap()),
        );
        let named: usize = findings
            .of_rule("available-right-not-stated")
            .map(|f| rights_named(&f.message))
            .sum();
        assert_eq!(marked, named, "{}", path.display());
        let not_given = report
            .matches("(not given by the lawful bases recorded)")
            .count();
        let stated_findings = findings.of_rule("stated-right-not-available").count();
        assert!(
            not_given == 0 || stated_findings > 0,
            "{}: the report marks a stated right no finding names",
            path.display()
        );
    }
}

#[test]
fn the_automated_decision_right_is_listed_only_where_such_decisions_are_recorded() {
    let options = ReportOptions::default().as_of(AS_OF.parse().unwrap());
    let mut register = ropa::from_path("examples/data/doncaster-peer-support-groups.json").unwrap();
    let activity = &mut register.activities[0];
    activity.automated_decisions.clear();
    activity
        .rights_stated
        .retain(|r| *r != DataSubjectRight::AutomatedDecisions);
    let words =
        DataSubjectRight::AutomatedDecisions.words_on(ropa::Regime::UkGdpr, AS_OF.parse().unwrap());
    let report =
        render_to_string(&register, ReportKind::Register, Format::Markdown, &options).unwrap();
    let available = report
        .lines()
        .find(|l| l.contains("Rights available to individuals"))
        .unwrap();
    assert!(
        !available.to_lowercase().contains(&words.to_lowercase()),
        "{available}"
    );

    let mut decision = ropa::AutomatedDecision::new("Eligibility scoring");
    decision.solely_automated = true;
    decision.significant_effects = true;
    register.activities[0].automated_decisions.push(decision);
    let report =
        render_to_string(&register, ReportKind::Register, Format::Markdown, &options).unwrap();
    let available = report
        .lines()
        .find(|l| l.contains("Rights available to individuals"))
        .unwrap();
    assert!(
        available.to_lowercase().contains(&words.to_lowercase()),
        "{available}"
    );
}

#[test]
fn the_special_category_report_shows_the_findings_about_its_data() {
    let options = ReportOptions::default().as_of(AS_OF.parse().unwrap());
    let rules = [
        "special-category-without-condition",
        "schedule-1-condition-missing",
        "para-41-record-incomplete",
        "appropriate-policy-document-missing",
        "disclosure-without-ground",
    ];
    let mut seen = 0;
    for path in super::examples_data::example_files() {
        let register = ropa::from_path(&path).unwrap();
        let report = render_to_string(
            &register,
            ReportKind::SpecialCategory,
            Format::Html,
            &options,
        )
        .unwrap();
        let findings = ropa::validate(
            &register,
            &ValidationOptions::default().as_of(AS_OF.parse().unwrap()),
        );
        for f in findings.findings.iter().filter(|f| rules.contains(&f.rule)) {
            seen += 1;
            assert!(
                report.contains(&format!("Pointer: {}", f.path)) && report.contains(f.rule),
                "{}: {} at {} is not in the special category report",
                path.display(),
                f.rule,
                f.path
            );
        }
    }
    assert!(seen >= 3, "the examples have such findings ({seen})");
}
