//! Reports: snapshots of every kind and format, completeness, escaping and CSV safety.

use ropa::report::{Format, ReportKind, ReportOptions, render_to_string};

fn options() -> ReportOptions {
    ReportOptions::default().as_of("2026-11-22".parse().unwrap())
}

fn load(name: &str) -> ropa::Register {
    ropa::from_path(format!(
        "{}/examples/data/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

const SNAPSHOT_REGISTERS: &[&str] = &[
    "northfield-research-processor",
    "doncaster-peer-support-groups",
    "parents-1st-peer-support",
];

#[test]
fn snapshots_of_every_kind_and_format() {
    for name in SNAPSHOT_REGISTERS {
        let register = load(name);
        for kind in ReportKind::ALL {
            let mut formats = vec![Format::Markdown, Format::Html];
            match kind {
                ReportKind::Register => formats.push(Format::Csv),
                ReportKind::Findings => formats.push(Format::Json),
                _ => {}
            }
            for format in formats {
                let text = render_to_string(&register, *kind, format, &options()).unwrap();
                insta::assert_snapshot!(format!("{name}__{kind}__{format}"), text);
            }
        }
    }
}

#[test]
fn unsupported_combinations_are_errors() {
    let register = load("northfield-research-processor");
    let error =
        render_to_string(&register, ReportKind::Notice, Format::Csv, &options()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the notice report is not available as csv; use markdown or html"
    );
    assert!(render_to_string(&register, ReportKind::Retention, Format::Json, &options()).is_err());
}

#[test]
fn every_article_30_item_is_in_the_register_report() {
    let register = load("northfield-research-processor");
    let text = render_to_string(
        &register,
        ReportKind::Register,
        Format::Markdown,
        &options(),
    )
    .unwrap();
    // Art 30(1)(a)-(g), each as the register states it.
    for expected in [
        "Northfield Research Ltd",                          // (a) controller
        "privacy@northfield-research.example",              // (a) contact
        "Priya Raman",                                      // (a) DPO
        "Paying staff under their contracts of employment", // (b) purposes
        "Employees",                                        // (c) data subjects
        "Sickness absence records and fit notes",           // (c) data categories
        "HM Revenue &amp; Customs",                         // (d) recipients
        "6 years after the end of the relationship",        // (f) retention
        "Multi-factor authentication on every system",      // (g) measures
        // Art 30(2): controllers, categories of processing, transfers and safeguards.
        "Harbourside Borough Council",
        "Hosting the online survey",
        "US: UK International Data Transfer Agreement",
        // DPA 2018 Sch 1 para 41.
        "para 1 Employment, social security and social protection",
        "Art 9: Art 6(1)(c) legal obligation under the Equality Act 2010",
        "Art 9: Yes",
    ] {
        assert!(
            text.contains(expected),
            "register report lacks {expected:?}"
        );
    }
    for heading in [
        "Processing activities (Article 30(1))",
        "Processing on behalf of controllers (Article 30(2))",
    ] {
        assert!(text.contains(heading), "{heading}");
    }
}

#[test]
fn every_article_13_item_is_in_the_notice() {
    let register = load("northfield-research-processor");
    let text =
        render_to_string(&register, ReportKind::Notice, Format::Markdown, &options()).unwrap();
    for expected in [
        "Northfield Research Ltd is the controller", // 13(1)(a)
        "privacy@northfield-research.example",       // 13(1)(a)
        "dpo@northfield-research.example",           // 13(1)(b)
        "Managing sickness absence",                 // 13(1)(c) purposes
        "Art 6(1)(c) legal obligation",              // 13(1)(c) basis
        "Ledger Payroll Services Ltd",               // 13(1)(e) recipients
        "6 years after employment ends",             // 13(2)(a) retention
        "to ask for a copy of the information",      // 13(2)(b) access
        "to ask us to delete your information",      // 13(2)(b) erasure (contract relied on)
        "to complain to the supervisory authority",  // 13(2)(d)
        "You need to give us",                       // 13(2)(e)
        "based solely on automated processing",      // 13(2)(f)
        "Information Commissioner's Office",         // 13(2)(d)
    ] {
        assert!(text.contains(expected), "notice lacks {expected:?}");
    }
    // Processor activities are the controllers' to tell people about.
    assert!(!text.contains("Harbourside residents' survey"));
}

#[test]
fn the_notice_lists_the_rights_the_bases_give() {
    let kent = render_to_string(
        &load("kent-parent-carer-panel"),
        ReportKind::Notice,
        Format::Markdown,
        &options(),
    )
    .unwrap();
    assert!(kent.contains("to withdraw your consent"));
    assert!(kent.contains("to object to our use"));
    let doncaster = render_to_string(
        &load("doncaster-peer-support-groups"),
        ReportKind::Notice,
        Format::Markdown,
        &options(),
    )
    .unwrap();
    assert!(
        !doncaster.contains("to ask us to delete your information"),
        "public task only: no erasure"
    );
    assert!(
        !doncaster.contains("machine-readable"),
        "public task only: no portability"
    );
    assert!(!doncaster.contains("to withdraw your consent"));
    assert!(doncaster.contains("to object to our use"));
}

fn hostile_register() -> ropa::Register {
    let mut register = load("northfield-research-processor");
    register.parties[0].name = "<script>alert(1)</script>".to_owned();
    register.activities[2].name = "=HYPERLINK(\"http://evil.example\")".to_owned();
    register.activities[2].business_function = Some("@SUM(1+1)".to_owned());
    register.activities[2].purposes[0].description =
        "-2+3 | pipes, \"quotes\"\nand a newline".to_owned();
    register
}

#[test]
fn html_escapes_every_value() {
    let register = hostile_register();
    for kind in ReportKind::ALL {
        let html = render_to_string(&register, *kind, Format::Html, &options()).unwrap();
        assert!(!html.contains("<script>"), "{kind} lets markup through");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{kind}"
        );
        assert!(
            !html.contains("src=\"http") && !html.contains("href=\"http"),
            "{kind} refers to external assets"
        );
    }
    let markdown = render_to_string(
        &register,
        ReportKind::Register,
        Format::Markdown,
        &options(),
    )
    .unwrap();
    assert!(!markdown.contains("<script>"));
    assert!(
        markdown.contains("-2+3 \\| pipes"),
        "pipes must be escaped so that they do not break tables"
    );
}

#[test]
fn csv_neutralises_formulas_and_quotes_cells() {
    let csv = render_to_string(
        &hostile_register(),
        ReportKind::Register,
        Format::Csv,
        &options(),
    )
    .unwrap();
    assert!(
        csv.contains(",'=HYPERLINK(\"\"http://evil.example\"\")")
            || csv.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\")\""),
        "{csv}"
    );
    assert!(csv.contains(",'@SUM(1+1),"));
    assert!(csv.contains("\"'-2+3 | pipes, \"\"quotes\"\"\nand a newline\""));
    for line in csv.split("\r\n") {
        for cell in line.split(',') {
            assert!(
                !cell.starts_with(['=', '+', '@', '\t']),
                "unsafe cell {cell:?}"
            );
        }
    }
    let header = csv.split("\r\n").next().unwrap();
    assert!(header.starts_with("Activity ID,Activity,Role,Business function,Purpose of processing,Name and contact details of joint controller,Categories of individuals"));
}

#[test]
fn retention_marks_overdue_and_review_due() {
    let kent = render_to_string(
        &load("kent-mens-antenatal-pilot"),
        ReportKind::Retention,
        Format::Markdown,
        &options(),
    )
    .unwrap();
    assert!(kent.contains("2024-04-30 | OVERDUE"), "{kent}");
    let mut parents = load("parents-1st-peer-support");
    parents.last_reviewed = "2025-01-01".parse().ok();
    let text = render_to_string(
        &parents,
        ReportKind::Retention,
        Format::Markdown,
        &options(),
    )
    .unwrap();
    assert!(
        text.contains("Review due 2026-01-01 | REVIEW DUE"),
        "{text}"
    );
}

#[test]
fn csv_of_an_empty_register_has_its_header() {
    let register = ropa::from_str(
        r#"{"schema_version": "1.0", "organisation": "o", "parties": [], "activities": []}"#,
    )
    .unwrap();
    let csv = render_to_string(&register, ReportKind::Register, Format::Csv, &options()).unwrap();
    assert_eq!(csv.matches("\r\n").count(), 1);
}

/// The facts of format 1.1 are in every report that shows what holds them: retention as written,
/// who holds the data, classes of controllers, registrations, register-wide recipients.
#[test]
fn format_1_1_facts_are_in_the_reports() {
    let render = |name: &str, kind: ReportKind| {
        render_to_string(&load(name), kind, Format::Markdown, &options()).unwrap()
    };
    let brighton = render("brighton-hove-govuk-notify", ReportKind::Register);
    for expected in [
        "**Recipients of every activity** | GOV.UK Notify",
        "(held by GOV.UK Notify (Government Digital Service, Cabinet Office), in GOV.UK Notify): within 11 days after each communication is sent",
        "(held by MMGRP Ltd): 30 days",
    ] {
        assert!(brighton.contains(expected), "{expected}\n{brighton}");
    }
    let schedule = render("brighton-hove-govuk-notify", ReportKind::Retention);
    assert!(
        schedule.contains("(held by Mblox) | 1 year |"),
        "{schedule}"
    );

    let notify = render("govuk-notify", ReportKind::Register);
    for expected in [
        "**Registrations and representation** | ICO registration Z7414053",
        "All data: within 1 year after the account is closed; then delete",
        "a class of organisations; where their list is kept is not stated",
    ] {
        assert!(notify.contains(expected), "{expected}\n{notify}");
    }
    let notice = render("govuk-notify", ReportKind::Notice);
    assert!(
        notice.contains("About us: ICO registration Z7414053."),
        "{notice}"
    );
    assert!(notice.contains("Art 6(1)(e) public task"), "{notice}");

    let cop26 = render("ukcop26-website", ReportKind::Register);
    for expected in [
        "3 months after the COP26 conference, or when you ask for erasure, whichever comes first",
        "(held by The government web archive): indefinitely, with no review; then archive (reason: as part of the government web archive)",
        "(lawful basis: Art 6(1)(a) consent, given because you consent to us doing so)",
    ] {
        assert!(cop26.contains(expected), "{expected}\n{cop26}");
    }
    let transfers = render("gds-open-notes-newsletter", ReportKind::Transfers);
    assert!(
        transfers.contains("| A region: outside the UK | Mailchimp, processor |"),
        "{transfers}"
    );
    let notice = render("ukcop26-website", ReportKind::Notice);
    assert!(
        notice.contains("For particular information we rely on:"),
        "{notice}"
    );
}

/// Every 1.1 field a report shows, on a register built in code: stages, exceptions with their own
/// disposal, not stored, decided elsewhere, the law and reason, role changes, restrictions,
/// opt-outs, consent to a disclosure, regions, the member state and a party's facts.
#[test]
fn every_format_1_1_field_is_shown_where_recorded() {
    use ropa::*;
    let org = Party::new("org", "Example Council")
        .with_kind(PartyKind::PublicAuthority)
        .with_registration(Registration::new(RegistrationKind::Charity, "1234567"))
        .with_privacy_notice("https://example.org/privacy")
        .with_legal_representative(LegalRepresentative::position("the Chief Executive"));
    let activity = ProcessingActivity::controller("a", "Accounts")
        .with_role_change(RoleChange::new(
            "Once the data reaches the provider",
            ActivityRole::Controller,
        ))
        .with_basis(LawfulBasis::public_task("Localism Act 2011"))
        .with_purpose(Purpose::new("p", "Newsletters").with_opt_out("Use the unsubscribe link"))
        .with_data_category(DataCategory::new("c", "Account details"))
        .with_recipient(
            Recipient::new("gp", RecipientRole::IndependentController)
                .with_category("Your GP")
                .with_consent(
                    Consent::new(ConsentForm::Explicit)
                        .with_given("By ticking the box")
                        .with_withdrawal("By emailing us"),
                ),
        )
        .with_transfer(
            Transfer::to_region(Region::OutsideUk)
                .with_mechanism(TransferMechanism::ContractualClauses)
                .with_recipient("host"),
        )
        .with_rights_restriction(
            RightsRestriction::new("DPA 2018 Sch 2 para 2 (crime and taxation)")
                .of_right(DataSubjectRight::Access),
        )
        .with_retention(
            RetentionRule::new(RetentionPeriod::after(
                IsoDuration::years(5),
                RetentionTrigger::LastActivity,
            ))
            .with_stage(RetentionStage::new(
                RetentionPeriod::after(IsoDuration::years(2), RetentionTrigger::LastActivity),
                DisposalAction::MarkInactive,
            ))
            .with_exception(
                RetentionException::new("There is a complaint", RetentionPeriod::not_retained())
                    .with_disposal(DisposalAction::Anonymise),
            )
            .with_disposal(DisposalAction::Delete)
            .with_legal_source("Limitation Act 1980")
            .with_reason("Legal claims"),
        )
        .with_retention(RetentionRule::new(RetentionPeriod::decided_by(
            RetentionDecidedBy::described("the providers, as controllers"),
        )));
    let register = Register::new(org)
        .with_recipient(Recipient::new("host", RecipientRole::Processor).with_category("Hosting"))
        .with_member_state("FR".parse().unwrap())
        .with_activity(activity);
    let text = render_to_string(
        &register,
        ReportKind::Register,
        Format::Markdown,
        &options(),
    )
    .unwrap();
    for expected in [
        "charity number 1234567; privacy notice: https://example.org/privacy; legally represented by the Chief Executive",
        "**Member state of establishment** | FR",
        "controller; from once the data reaches the provider: controller",
        "Newsletters (to opt out: use the unsubscribe link)",
        "only with your consent, given by ticking the box, withdrawn by emailing us",
        "A region: outside the UK: contractual clauses (Art 46)",
        "access: restricted under DPA 2018 Sch 2 para 2 (crime and taxation)",
        "2 years after the last activity or login: mark inactive; 5 years after the last activity or login; where there is a complaint: not stored at all, then anonymise; then delete (set by Limitation Act 1980; reason: Legal claims)",
        "All data: as decided by the providers, as controllers",
        "Art 6(1)(e) public task (Localism Act 2011)",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
    let schedule = render_to_string(
        &register,
        ReportKind::Retention,
        Format::Markdown,
        &options(),
    )
    .unwrap();
    for expected in [
        "| 2 years after the last activity or login | the last activity or login | Step before the end | mark inactive |",
        "| not stored at all | Not stated | There is a complaint | anonymise | None: not stored | Not stored |",
        "| Set by another party | Decided elsewhere |",
    ] {
        assert!(schedule.contains(expected), "{expected}\n{schedule}");
    }
    let transfers = render_to_string(
        &register,
        ReportKind::Transfers,
        Format::Markdown,
        &options(),
    )
    .unwrap();
    assert!(
        transfers.contains("| A region: outside the UK | Hosting, processor |"),
        "{transfers}"
    );
    let notice =
        render_to_string(&register, ReportKind::Notice, Format::Markdown, &options()).unwrap();
    for expected in [
        "Some rights are restricted:",
        "Hosting, processor",
        "Newsletters (to opt out: use the unsubscribe link): Art 6(1)(e) public task (Localism Act 2011)",
    ] {
        assert!(notice.contains(expected), "{expected}\n{notice}");
    }
}

/// A finding about the register itself has the pointer `""`: people see `(register)`, machines
/// keep the pointer.
#[test]
fn a_register_level_finding_prints_as_register() {
    use ropa::{Contact, Party, PartyKind, Register};
    let register = Register::new(
        Party::new("council", "Council")
            .with_kind(PartyKind::PublicAuthority)
            .with_contact(Contact::new().with_email("dp@council.example")),
    );
    let markdown = render_to_string(
        &register,
        ReportKind::Findings,
        Format::Markdown,
        &options(),
    )
    .unwrap();
    assert!(
        markdown.contains("| missing-dpo | (register) |"),
        "{markdown}"
    );
    let json = render_to_string(&register, ReportKind::Findings, Format::Json, &options()).unwrap();
    let findings: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(findings[0]["rule"], "missing-dpo");
    assert_eq!(findings[0]["path"], "");
}
