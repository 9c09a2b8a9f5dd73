//! Labels a reader understands (issue 28, point 9): country names beside codes, frequencies that
//! say what they count, one basis stated once for the purposes that share it, retention in a
//! records manager's words.

use ropa::report::{Format, ReportKind, ReportOptions, render_to_string};
use ropa::{
    Article6Basis, CountryCode, IsoDuration, LawfulBasis, Party, ProcessingActivity, Purpose,
    Register, RetentionPeriod, RetentionRule, RetentionTrigger, Transfer, TransferFrequency,
    TransferMechanism,
};

fn report(register: &Register, kind: ReportKind) -> String {
    let options = ReportOptions::default().as_of("2026-12-06".parse().unwrap());
    render_to_string(register, kind, Format::Markdown, &options).unwrap()
}

fn register(activity: ProcessingActivity) -> Register {
    Register::new(Party::new("org", "Org").with_country(CountryCode::GB)).with_activity(activity)
}

#[test]
fn a_country_is_named_beside_its_code_and_a_frequency_says_what_it_counts() {
    let mut transfer =
        Transfer::to_country(CountryCode::US).with_mechanism(TransferMechanism::UkIdta);
    transfer.frequency = Some(TransferFrequency::Regular);
    let text = report(
        &register(ProcessingActivity::controller("a", "Hosting").with_transfer(transfer)),
        ReportKind::Register,
    );
    assert!(text.contains("United States (US)"), "{text}");
    assert!(text.contains(", regular transfers"), "{text}");
    assert!(
        text.contains("United Kingdom (GB)"),
        "the parties table: {text}"
    );
}

#[test]
fn a_basis_shared_by_every_purpose_is_stated_once() {
    let task = || LawfulBasis::public_task("Housing Act 1996, s166A");
    let mut activity = ProcessingActivity::controller("a", "Housing");
    for n in 1..=7 {
        activity = activity
            .with_purpose(Purpose::new(format!("p{n}"), format!("Purpose {n}")).with_basis(task()));
    }
    let text = report(&register(activity.clone()), ReportKind::Register);
    let line = text
        .lines()
        .find(|l| l.contains("Article 6 lawful basis"))
        .unwrap();
    assert_eq!(line.matches("Housing Act 1996").count(), 1, "{line}");
    assert!(line.contains("All 7 purposes: "), "{line}");

    // Shared by some, not all: named, three at most, then how many more.
    activity.purposes[6].lawful_bases = vec![LawfulBasis::new(Article6Basis::Consent)];
    let text = report(&register(activity), ReportKind::Register);
    let line = text
        .lines()
        .find(|l| l.contains("Article 6 lawful basis"))
        .unwrap();
    assert_eq!(line.matches("Housing Act 1996").count(), 1, "{line}");
    assert!(
        line.contains("Purpose 1, Purpose 2, Purpose 3 and 3 more: "),
        "{line}"
    );
    assert!(line.contains("Purpose 7: "), "{line}");
}

#[test]
fn retention_that_runs_record_by_record_says_what_happens_and_when() {
    let rule = RetentionRule::new(RetentionPeriod::after(
        IsoDuration::years(3),
        RetentionTrigger::LastContact,
    ))
    .with_disposal(ropa::DisposalAction::Delete);
    let text = report(
        &register(ProcessingActivity::controller("a", "Enquiries").with_retention(rule)),
        ReportKind::Retention,
    );
    assert!(!text.contains("Apply per record"), "{text}");
    assert!(
        text.contains("Deleted 3 years after the last contact, record by record"),
        "{text}"
    );
    assert!(text.contains("Due record by record"), "{text}");
}
