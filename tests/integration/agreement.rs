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

/// The register report's line of the rights available to individuals.
fn available_rights(register: &ropa::Register, options: &ReportOptions) -> String {
    let report =
        render_to_string(register, ReportKind::Register, Format::Markdown, options).unwrap();
    report
        .lines()
        .find(|l| l.contains("Rights available to individuals"))
        .unwrap()
        .to_owned()
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
    let available = available_rights(&register, &options);
    assert!(
        !available.to_lowercase().contains(&words.to_lowercase()),
        "{available}"
    );

    let mut decision = ropa::AutomatedDecision::new("Eligibility scoring");
    decision.solely_automated = true;
    decision.significant_effects = true;
    register.activities[0].automated_decisions.push(decision);
    let available = available_rights(&register, &options);
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

/// `stated-right-not-available` judges a stated right against the bases only where every purpose
/// has one: from the activity, from every data category, or from each purpose.
#[test]
fn a_stated_right_is_judged_against_the_bases_only_where_every_purpose_has_one() {
    use ropa::{DataCategory, LawfulBasis, Party, ProcessingActivity, Purpose, Register};
    let task = || LawfulBasis::public_task("Localism Act 2011");
    let fires = |a: ProcessingActivity| {
        let register = Register::new(Party::new("org", "Org")).with_activity(a);
        ropa::validate(
            &register,
            &ValidationOptions::default().as_of(AS_OF.parse().unwrap()),
        )
        .of_rule("stated-right-not-available")
        .count()
            > 0
    };
    // Portability does not come with public task.
    let activity = || {
        ProcessingActivity::controller("a", "Casework")
            .with_right_stated(DataSubjectRight::Portability)
            .with_data_category(DataCategory::new("c", "Case notes"))
    };
    assert!(fires(
        activity().with_purpose(Purpose::new("p", "Casework").with_basis(task()))
    ));
    assert!(
        !fires(activity().with_purpose(Purpose::new("p", "Casework"))),
        "a purpose without a basis"
    );
    assert!(!fires(activity()), "no purpose at all");
    assert!(
        fires(
            activity()
                .with_purpose(Purpose::new("p", "Casework"))
                .with_basis(task())
        ),
        "the activity's basis"
    );
    let mut by_category = activity().with_purpose(Purpose::new("p", "Casework"));
    by_category.data_categories[0].lawful_bases = vec![task()];
    assert!(fires(by_category.clone()), "every data category's basis");
    by_category
        .data_categories
        .push(DataCategory::new("d", "Contact details"));
    assert!(!fires(by_category), "one data category without a basis");
    let mut two = activity()
        .with_purpose(Purpose::new("p", "Casework").with_basis(task()))
        .with_purpose(Purpose::new("q", "Surveys"));
    assert!(!fires(two.clone()), "one purpose without a basis");
    two.purposes[1].lawful_bases = vec![task()];
    assert!(fires(two));
}

#[test]
fn an_automated_decision_without_significant_effects_puts_no_art_22_right_in_play() {
    use ropa::{AutomatedDecision, LawfulBasis, Party, ProcessingActivity, Purpose, Register};
    let mut decision = AutomatedDecision::new("Sorting enquiries");
    decision.solely_automated = true;
    let activity = ProcessingActivity::controller("a", "Enquiries")
        .with_purpose(
            Purpose::new("p", "Answering")
                .with_basis(LawfulBasis::public_task("Local Government Act 1972")),
        )
        .with_right_stated(DataSubjectRight::Access)
        .with_automated_decision(decision);
    let register = Register::new(Party::new("org", "Org")).with_activity(activity);
    let report = ropa::validate(
        &register,
        &ValidationOptions::default().as_of(AS_OF.parse().unwrap()),
    );
    let untold: Vec<&str> = report
        .of_rule("available-right-not-stated")
        .map(|f| f.message.as_str())
        .collect();
    assert!(!untold.is_empty());
    assert!(
        untold.iter().all(|m| !m.contains("automated_decisions")),
        "{untold:?}"
    );
}

/// The exported workbook lists the rights as the register report does: the Art 22 right only
/// where a solely automated significant decision is recorded.
#[test]
fn the_workbook_lists_the_automated_decision_right_only_where_in_play() {
    let options = ReportOptions::default().as_of(AS_OF.parse().unwrap());
    let rights_cell = |register: &ropa::Register| {
        let bytes = ropa::report::render_workbook(register, &options).unwrap();
        let imported = ropa::sheet::import_bytes(bytes, "register.xlsx").unwrap();
        imported.register.activities[0]
            .notes
            .iter()
            .find(|n| n.contains("(Rights available to individuals)"))
            .cloned()
            .unwrap_or_default()
    };
    let mut register = ropa::from_path("examples/data/doncaster-peer-support-groups.json").unwrap();
    register.activities[0].automated_decisions.clear();
    let cell = rights_cell(&register);
    assert!(cell.contains("Access"), "{cell}");
    assert!(!cell.contains("automated"), "{cell}");
    let mut decision = ropa::AutomatedDecision::new("Eligibility scoring");
    decision.solely_automated = true;
    decision.significant_effects = true;
    register.activities[0].automated_decisions.push(decision);
    assert!(rights_cell(&register).contains("automated"));
}
