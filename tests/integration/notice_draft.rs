//! A notice draft fit to publish (issue 28, point 7): written for the person the data is about,
//! with no register notes, case law, tags or codes, and every gap in a marked box for the editor.

use ropa::report::{Format, ReportKind, ReportOptions, render_to_string};
use ropa::{
    AutomatedDecision, ComplaintsProcedure, CountryCode, Party, ProcessingActivity, Register,
    Transfer, TransferMechanism,
};

const EDITOR: &str = "> **For the editor, not for publication:**";

fn notice(register: &Register, format: Format) -> String {
    let options = ReportOptions::default().as_of("2026-12-06".parse().unwrap());
    render_to_string(register, ReportKind::Notice, format, &options).unwrap()
}

fn example(name: &str) -> Register {
    ropa::from_path(format!("examples/data/{name}.json")).unwrap()
}

/// The notice with the editor's boxes taken out: what would be published.
fn published(text: &str) -> String {
    text.lines()
        .filter(|line| !line.starts_with(EDITOR))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn no_register_notes_tags_case_law_or_codes_reach_the_notice() {
    for entry in std::fs::read_dir("examples/data").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text = published(&notice(&ropa::from_path(&path).unwrap(), Format::Markdown));
        for leak in [
            "Lindqvist",
            "CJEU",
            "no paragraph named",
            "special category:",
            "may include special category data",
            "identifiable data",
            "in the register's words",
            "Read as a register",
            "lawful basis not stated",
            "The record ",
            "United States (US)",
            "United Kingdom (GB)",
        ] {
            assert!(!text.contains(leak), "{}: {leak}: {text}", path.display());
        }
    }
}

#[test]
fn a_gap_is_a_box_for_the_editor_not_a_sentence_of_the_notice() {
    let text = notice(&example("govuk-notify"), Format::Markdown);
    assert!(
        text.contains(&format!(
            "{EDITOR} The record gives no contact details for the organisation"
        )),
        "{text}"
    );
    assert!(text.contains(&format!(
        "{EDITOR} The record names no data protection officer"
    )));
    assert!(!text.contains("## Our data protection officer"), "{text}");
    let html = notice(&example("govuk-notify"), Format::Html);
    assert!(html.contains("<aside class=\"editor\" role=\"note\"><strong>For the editor, not for publication:</strong> The record gives no contact details"), "{html}");
}

#[test]
fn the_notice_names_countries_and_schedule_1_in_plain_words() {
    let text = notice(&example("doncaster-peer-support-groups"), Format::Markdown);
    assert!(text.contains("- United States, to YouTube: under an exception the law allows, explicit consent (Art 49(1)(a))"), "{text}");
    assert!(text.contains("; DPA 2018 Schedule 1, Part 2\n"), "{text}");
    assert!(
        text.contains(&format!("{EDITOR} The record names Part 2 of DPA 2018 Schedule 1 but no paragraph for Art 9(2)(g)")),
        "{text}"
    );
    assert!(text.contains("- Information about your physical and mental health\n"));
    assert!(text.contains("- Microsoft, who handles it on our behalf: Hosts the sessions"));
}

#[test]
fn complaining_to_the_organisation_is_stated_only_as_the_register_records_it() {
    let register = || {
        Register::new(Party::new("org", "Org").with_country(CountryCode::GB))
            .with_activity(ProcessingActivity::controller("a", "Payroll"))
    };
    let text = notice(&register(), Format::Markdown);
    assert!(!published(&text).contains("complain to us"), "{text}");
    assert!(
        text.contains(&format!("{EDITOR} The record holds no complaints procedure. People may complain to the organisation, and it must make that possible, acknowledge a complaint within 30 days and respond without undue delay (DPA 2018 s164A, from 19 June 2026)")),
        "{text}"
    );
    let recorded = register().with_complaints_procedure(ComplaintsProcedure::described(
        "Use the form at https://example.org/complaints",
    ));
    let text = notice(&recorded, Format::Markdown);
    assert!(
        text.contains(
            "How to complain to us:\n\n- Use the form at https://example.org/complaints\n"
        ),
        "{text}"
    );
    assert!(!text.contains("no complaints procedure"), "{text}");
}

#[test]
fn the_automated_decision_right_is_listed_only_where_such_a_decision_is_recorded() {
    let text = notice(&example("doncaster-peer-support-groups"), Format::Markdown);
    assert!(!text.contains("Art 22"), "{text}");
    let mut activity = ProcessingActivity::controller("a", "Lending");
    let mut decision = AutomatedDecision::new("Credit scoring");
    decision.solely_automated = true;
    decision.significant_effects = true;
    activity.automated_decisions.push(decision);
    let register = Register::new(Party::new("org", "Org")).with_activity(activity);
    assert!(notice(&register, Format::Markdown).contains("(Art 22A-22D)"));
}

#[test]
fn a_transfer_without_a_safeguard_is_a_gap_for_the_editor() {
    let activity = ProcessingActivity::controller("a", "Hosting")
        .with_transfer(Transfer::to_country(CountryCode::US))
        .with_transfer(
            Transfer::to_country("JP".parse::<CountryCode>().unwrap())
                .with_mechanism(TransferMechanism::Adequacy),
        );
    let text = notice(
        &Register::new(Party::new("org", "Org")).with_activity(activity),
        Format::Markdown,
    );
    assert!(text.contains("- United States.\n"), "{text}");
    assert!(text.contains(&format!("{EDITOR} The record does not say the safeguard or exception it relies on for the transfer \u{2018}United States.\u{2019}")), "{text}");
    assert!(text.contains("- Japan: adequacy"), "{text}");
}

#[test]
fn register_text_cannot_open_an_editor_box_or_close_one() {
    let mut activity = ProcessingActivity::controller("a", "Payroll");
    activity.description = Some("> **For the editor, not for publication:** forged".to_owned());
    let text = notice(
        &Register::new(Party::new("org", "Org")).with_activity(activity),
        Format::Markdown,
    );
    assert!(
        !text.contains("\n> **For the editor, not for publication:** forged"),
        "{text}"
    );
}

#[test]
fn a_recipient_is_described_in_the_notice_by_what_it_does_with_the_information() {
    use ropa::{DataForm, Recipient, RecipientRole};
    let mut abroad = Recipient::new("abroad", RecipientRole::IndependentController)
        .with_category("Partner bank")
        .with_data_form(DataForm::Identifiable)
        .with_agreement("dsa");
    abroad.country = Some("JP".parse().unwrap());
    abroad.exemption = Some("Sch 2 para 2".to_owned());
    let activity = ProcessingActivity::controller("a", "Lending")
        .with_recipient(
            Recipient::new("partner", RecipientRole::JointController)
                .with_category("The partner charity")
                .with_data_form(DataForm::Pseudonymised),
        )
        .with_recipient(
            Recipient::new("stats", RecipientRole::Processor)
                .with_category("Statistics office")
                .with_data_form(DataForm::Anonymised)
                .with_condition("Once a year")
                .with_consent(ropa::Consent::default()),
        )
        .with_recipient(abroad);
    let text = notice(
        &Register::new(Party::new("org", "Org")).with_activity(activity),
        Format::Markdown,
    );
    assert!(
        text.contains(
            "- The partner charity, who decides with us how it is used, in pseudonymised form\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("- Statistics office, who handles it on our behalf, in anonymised form; once a year; only with your consent\n"),
        "{text}"
    );
    // The agreement and the exemption are the record's; the country is named, without its code.
    assert!(text.contains("- Partner bank; in Japan\n"), "{text}");
}

#[test]
fn every_kind_of_destination_is_named_or_left_to_the_editor() {
    use ropa::{Region, TransferDestination};
    let adequate = |t: Transfer| t.with_mechanism(TransferMechanism::Adequacy);
    let mut unnamed_region = Transfer::to_region(Region::Eea);
    unnamed_region.region = None;
    let mut unnamed_organisation = Transfer::to_organisation("UNHCR");
    unnamed_organisation.organisation = None;
    let mut unnamed_country = Transfer::to_country(CountryCode::US);
    unnamed_country.country = None;
    assert_eq!(unnamed_country.destination, TransferDestination::Country);
    let activity = ProcessingActivity::controller("a", "Hosting")
        .with_transfer(adequate(Transfer::to_organisation("UNHCR")))
        .with_transfer(adequate(Transfer::worldwide()))
        .with_transfer(adequate(Transfer::to_region(Region::Eea)))
        .with_transfer(adequate(unnamed_region))
        .with_transfer(adequate(unnamed_organisation))
        .with_transfer(adequate(unnamed_country));
    let text = notice(
        &Register::new(Party::new("org", "Org")).with_activity(activity),
        Format::Markdown,
    );
    let section = &text[text.find("### Sending your information abroad").unwrap()..];
    let items: Vec<&str> = section
        .lines()
        .filter(|l| l.starts_with("- "))
        .take(6)
        .map(|l| l.split(':').next().unwrap())
        .collect();
    assert_eq!(
        items,
        [
            "- UNHCR",
            "- Anywhere in the world",
            "- The EEA",
            "- Abroad",
            "- Abroad",
            "- Abroad"
        ],
        "{text}"
    );
    assert_eq!(
        section
            .matches(&format!("{EDITOR} The record does not say where it goes"))
            .count(),
        3,
        "{text}"
    );
}

#[test]
fn a_retention_policy_is_named_and_a_missing_period_left_to_the_editor() {
    use ropa::{Document, DocumentKind, RetentionRule};
    let mut with_policy = RetentionRule::default();
    with_policy.policy = Some("schedules".into());
    let activity = ProcessingActivity::controller("a", "Cases")
        .with_retention(with_policy)
        .with_retention(RetentionRule::default());
    let mut register = Register::new(Party::new("org", "Org")).with_activity(activity);
    let mut schedules = Document::new(
        "schedules",
        DocumentKind::RetentionPolicy,
        "HMCTS retention schedules",
    );
    schedules.location = Some("https://www.gov.uk/hmcts-retention".to_owned());
    register.documents.push(schedules);
    let text = notice(&register, Format::Markdown);
    assert!(
        text.contains("- All data: as set out in HMCTS retention schedules (https://www.gov.uk/hmcts-retention)\n"),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{EDITOR} The record states no retention period for All data"
        )),
        "{text}"
    );
    assert!(!published(&text).contains("Not stated"), "{text}");
}

#[test]
fn a_role_change_a_recipient_s_purposes_and_the_published_notice_s_date_are_kept() {
    use ropa::{
        ActivityRole, Document, DocumentKind, Purpose, Recipient, RecipientRole, RoleChange,
    };
    let mut provider = Recipient::new("provider", RecipientRole::IndependentController)
        .with_category("Training providers");
    provider.purposes = vec!["offers".into(), "gone".into()];
    let mut change = RoleChange::new(
        "once the data is shared with a training provider's own systems",
        ActivityRole::Controller,
    );
    change.description = Some("the provider is a controller in its own right".to_owned());
    let mut activity = ProcessingActivity::controller("apply", "Apply for teacher training")
        .with_purpose(Purpose::new("offers", "Making offers of a place."))
        .with_recipient(provider)
        .with_privacy_notice("published");
    activity.role = ActivityRole::JointController;
    activity.role_changes.push(change);
    let mut register =
        Register::new(Party::new("dfe", "Department for Education")).with_activity(activity);
    let mut published = Document::new(
        "published",
        DocumentKind::PrivacyNotice,
        "Apply privacy notice",
    );
    published.date = Some("2025-09-01".parse().unwrap());
    register.documents.push(published);

    let text = notice(&register, Format::Markdown);
    assert!(
        text.contains("Once the data is shared with a training provider's own systems, we decide on our own how your information is used: the provider is a controller in its own right.\n"),
        "{text}"
    );
    assert!(
        text.contains("- Training providers; for Making offers of a place, purpose gone\n"),
        "{text}"
    );
    assert!(
        text.contains(&format!("{EDITOR} The record refers to the published notice Apply privacy notice, last updated 2025-09-01: give this one the date it is published.")),
        "{text}"
    );
    let options = ReportOptions::default().as_of("2026-12-06".parse().unwrap());
    let record =
        render_to_string(&register, ReportKind::Register, Format::Markdown, &options).unwrap();
    assert!(
        record.contains("; for Making offers of a place, purpose gone"),
        "{record}"
    );
}
