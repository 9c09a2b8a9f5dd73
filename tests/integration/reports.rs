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
        "United States (US), to SurveyCloud Inc.: UK International Data Transfer Agreement",
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
        "You must give us",                          // 13(2)(e)
        "based solely on automated processing",      // 13(2)(f)
        "Information Commissioner's Office",         // 13(2)(d)
    ] {
        assert!(text.contains(expected), "notice lacks {expected:?}");
    }
    // For processor activities the notice names the controller and does not claim to be it.
    assert!(text.contains("Where we act for another organisation"));
    assert!(text.contains("The controller is Harbourside Borough Council."));
    assert!(!text.contains(
        "Northfield Research Ltd is the controller of your personal information for: Harbourside"
    ));
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
            !html.contains("src=") && !html.contains("<link") && !html.contains("<img"),
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
    assert!(csv.contains("\"'-2+3 | pipes, \"\"quotes\"\"\nand a newline"));
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

/// Every object of the model that can carry a `note` or `notes`, by schema definition: when a
/// note is added to another object, this list (and the register below) must learn of it.
const NOTED: &[&str] = &[
    "DataCategory",
    "Document",
    "Dpia",
    "LawfulBasis",
    "ProcessingActivity",
    "Purpose",
    "RetentionRule",
];

#[test]
fn the_note_fixture_knows_every_object_with_a_note() {
    let schema = ropa::schema();
    let mut noted: Vec<String> = schema["$defs"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, def)| {
            let properties = &def["properties"];
            properties.get("note").is_some() || properties.get("notes").is_some()
        })
        .map(|(name, _)| name.clone())
        .collect();
    let root = &schema["properties"];
    if root.get("note").is_some() || root.get("notes").is_some() {
        noted.push("Register".to_owned());
    }
    noted.sort();
    assert_eq!(
        noted, NOTED,
        "a note field was added or removed: cover it in noted_register()"
    );
}

/// A register with a distinct note in every place a note can be, in a controller and in a
/// processor activity, and on a document nothing refers to.
fn noted_register() -> ropa::Register {
    ropa::from_str(
        r#"{
  "schema_version": "1.1",
  "organisation": "org",
  "parties": [{"id": "org", "name": "Org"}, {"id": "client", "name": "Client"}],
  "activities": [
    {
      "id": "a", "name": "Support", "role": "controller",
      "purposes": [{"id": "p", "description": "Helping; advising", "note": "NOTE-purpose",
        "lawful_bases": [{"basis": "legitimate_interests", "interest": "Help", "note": "NOTE-basis"}]}],
      "data_categories": [{"id": "d", "name": "Name", "note": "NOTE-category"}],
      "retention": [{"retention": {"period": "P1Y"}, "note": "NOTE-retention"}],
      "dpia": {"required": false, "note": "NOTE-dpia"},
      "notes": ["NOTE-activity-1", "NOTE-activity-2"]
    },
    {
      "id": "b", "name": "Hosting", "role": "processor",
      "on_behalf_of": [{"controller": "client", "processing": ["hosting"]}],
      "data_categories": [{"id": "d", "name": "Name", "note": "NOTE-processor-category"}],
      "retention": [{"retention": {"period": "P1M"}, "note": "NOTE-processor-retention"}],
      "notes": ["NOTE-processor-activity"]
    }
  ],
  "documents": [{"id": "doc", "kind": "policy", "title": "Policy", "note": "NOTE-document"}]
}"#,
    )
    .unwrap()
}

#[test]
fn every_note_is_in_the_register_report() {
    let register = noted_register();
    let notes = [
        "NOTE-purpose",
        "NOTE-basis",
        "NOTE-category",
        "NOTE-retention",
        "NOTE-dpia",
        "NOTE-activity-1",
        "NOTE-activity-2",
        "NOTE-processor-category",
        "NOTE-processor-retention",
        "NOTE-processor-activity",
        "NOTE-document",
    ];
    for format in [Format::Markdown, Format::Html, Format::Csv] {
        let text = render_to_string(&register, ReportKind::Register, format, &options()).unwrap();
        for note in notes {
            if format == Format::Csv && note == "NOTE-document" {
                continue; // The CSV has one row per activity; documents are in the other formats.
            }
            assert!(text.contains(note), "{format} register report lacks {note}");
        }
    }
    // Next to what it qualifies: the purpose's note in the purpose's own item.
    let markdown = render_to_string(
        &register,
        ReportKind::Register,
        Format::Markdown,
        &options(),
    )
    .unwrap();
    assert!(
        markdown.contains("Helping; advising \\[note: NOTE-purpose\\]"),
        "{markdown}"
    );
    let retention = render_to_string(
        &register,
        ReportKind::Retention,
        Format::Markdown,
        &options(),
    )
    .unwrap();
    assert!(retention.contains("NOTE-retention"));
}

fn notice_of(register: &ropa::Register) -> String {
    render_to_string(register, ReportKind::Notice, Format::Markdown, &options()).unwrap()
}

fn one_activity(activity: &str) -> ropa::Register {
    ropa::from_str(&format!(
        r#"{{"schema_version": "1.1", "organisation": "org",
            "parties": [{{"id": "org", "name": "Org"}}, {{"id": "client", "name": "Client Council"}}],
            "activities": [{activity}]}}"#
    ))
    .unwrap()
}

#[test]
fn the_notice_states_no_automated_decision_fact_the_register_does_not_record() {
    let denial = "We do not make decisions about you based solely on automated processing";
    let silent = one_activity(r#"{"id": "a", "name": "A", "role": "controller"}"#);
    let text = notice_of(&silent);
    assert!(!text.contains(denial), "{text}");
    assert!(text.contains("> **For the editor, not for publication:** The record does not say whether decisions are made about people based solely on automated processing."));

    let none = one_activity(
        r#"{"id": "a", "name": "A", "role": "controller", "no_automated_decisions": true}"#,
    );
    assert!(notice_of(&none).contains(denial));

    let some = one_activity(
        r#"{"id": "a", "name": "A", "role": "controller", "automated_decisions": [
            {"description": "Scoring", "consequences": "Fewer visits", "safeguards": ["Human review, on request", "Contest it"]}]}"#,
    );
    let text = notice_of(&some);
    assert!(!text.contains(denial));
    assert!(text.contains("what it means for you: Fewer visits"));
    // Values holding commas are quoted, so the reader sees where each ends.
    assert!(
        text.contains("“Human review, on request”, “Contest it”"),
        "{text}"
    );
    let register =
        render_to_string(&some, ReportKind::Register, Format::Markdown, &options()).unwrap();
    assert!(
        register.contains("consequences: Fewer visits"),
        "{register}"
    );
}

#[test]
fn the_notice_states_no_statutory_requirement_the_register_does_not_record() {
    let unstated = one_activity(
        r#"{"id": "a", "name": "A", "role": "controller", "data_categories": [{"id": "d", "name": "Name"}]}"#,
    );
    let text = notice_of(&unstated);
    assert!(!text.contains("You must give us"), "{text}");
    let required = one_activity(
        r#"{"id": "a", "name": "A", "role": "controller",
            "data_categories": [{"id": "d", "name": "Name", "provision": "required"}]}"#,
    );
    let text = notice_of(&required);
    assert!(
        text.contains("You must give us: Name (Art 13(2)(e))."),
        "{text}"
    );
    // Whether it is a statutory or contractual requirement, and what follows from not giving
    // it, are not recorded.
    for unrecorded in ["cannot provide", "statutory", "contractual", "Without it"] {
        assert!(!text.contains(unrecorded), "{unrecorded}: {text}");
    }
}

#[test]
fn the_notice_names_the_controller_of_a_processor_activity() {
    let register = one_activity(
        r#"{"id": "a", "name": "Hosting", "role": "processor",
            "on_behalf_of": [{"controller": "client", "processing": ["hosting"]}]}"#,
    );
    let text = notice_of(&register);
    assert!(!text.contains("Org is the controller"), "{text}");
    assert!(text.contains("The controller is Client Council."), "{text}");
}

#[test]
fn schedule_1_rows_only_where_uk_law_applies() {
    let activity = r#"{"id": "a", "name": "A", "role": "controller",
        "data_categories": [{"id": "h", "name": "Health", "special_category": "health"}],
        "special_category_conditions": [{"condition": "explicit_consent"}]}"#;
    let uk = one_activity(activity);
    let mut eu = uk.clone();
    eu.regime = Some(ropa::Regime::EuGdpr);
    let text = |r: &ropa::Register| {
        render_to_string(r, ReportKind::Register, Format::Markdown, &options()).unwrap()
    };
    assert!(text(&uk).contains("DPA 2018 Schedule 1 condition for processing"));
    assert!(!text(&eu).contains("Schedule 1"), "{}", text(&eu));
    assert!(!text(&eu).contains("para 41"));
}

#[test]
fn recipients_of_one_party_with_different_data_are_told_apart() {
    let register = one_activity(
        r#"{"id": "a", "name": "A", "role": "controller",
            "data_categories": [{"id": "n", "name": "Names"}, {"id": "h", "name": "Health notes"}],
            "recipients": [
              {"id": "r1", "party": "client", "role": "independent_controller", "data_categories": ["n"]},
              {"id": "r2", "party": "client", "role": "independent_controller", "data_categories": ["h"]}
            ]}"#,
    );
    let text = render_to_string(
        &register,
        ReportKind::Register,
        Format::Markdown,
        &options(),
    )
    .unwrap();
    assert!(text.contains("Client Council, independent controller; receives Names"));
    assert!(text.contains("Client Council, independent controller; receives Health notes"));
}

#[test]
fn the_retention_schedule_lists_data_no_rule_covers() {
    let register = one_activity(
        r#"{"id": "a", "name": "A", "role": "controller",
            "data_categories": [{"id": "n", "name": "Names"}, {"id": "h", "name": "Health notes"}],
            "retention": [{"data_categories": ["n"], "retention": {"period": "P1Y"},
              "exceptions": [{"condition": "Where a complaint is open", "retention": {"period": "P6Y"}}],
              "disposal": ["delete"]}]}"#,
    );
    let text = render_to_string(
        &register,
        ReportKind::Retention,
        Format::Markdown,
        &options(),
    )
    .unwrap();
    assert!(text.contains("| Health notes | Not stated |"), "{text}");
    assert!(text.contains("NO RULE COVERS THIS DATA"));
    // The exception has no disposal of its own: the rule's is not lent to it.
    assert!(
        text.contains("| Where a complaint is open | Not stated for the exception |"),
        "{text}"
    );
}

#[test]
fn findings_name_the_place_in_words_and_keep_the_pointer() {
    let text = render_to_string(
        &load("parents-1st-peer-support"),
        ReportKind::Findings,
        Format::Markdown,
        &options(),
    )
    .unwrap();
    assert!(
        text.contains("Activity ‘Peer support’, recipient ‘Dulcie McBride’"),
        "{text}"
    );
    assert!(text.contains("Dulcie McBride’<br>• Pointer: /activities/0/recipients/3"));
    assert!(
        !text.contains("sensitive\\_data"),
        "raw vocabulary in {text}"
    );
}

#[test]
fn html_has_a_main_landmark_captions_scrolling_tables_and_safe_links() {
    let mut register = load("northfield-research-processor");
    let contacts = &mut register.parties[0].contacts;
    contacts[0].web = Some("javascript:alert(1)".to_owned());
    contacts[0].email = Some("data:text/html,<b>x</b>".to_owned());
    contacts.push(ropa::Contact::default());
    let last = contacts.last_mut().unwrap();
    last.web = Some("https://example.org/privacy".to_owned());
    last.email = Some("help@example.org".to_owned());
    for kind in ReportKind::ALL {
        let html = render_to_string(&register, *kind, Format::Html, &options()).unwrap();
        assert_eq!(html.matches("<main").count(), 1, "{kind}");
        assert_eq!(
            html.matches("<table").count(),
            html.matches("<caption>").count(),
            "{kind}"
        );
        assert_eq!(
            html.matches("<table").count(),
            html.matches("<div class=\"scroll\" role=\"region\" tabindex=\"0\"")
                .count(),
            "{kind}"
        );
        for (position, _) in html.match_indices("href=\"") {
            let target = &html[position + 6..];
            // The contents' links go to the report's own sections.
            assert!(
                target.starts_with("https://")
                    || target.starts_with("http://")
                    || target.starts_with("mailto:")
                    || target.starts_with("#s"),
                "{kind}: {}",
                &target[..target.len().min(40)]
            );
        }
    }
    let html = render_to_string(&register, ReportKind::Register, Format::Html, &options()).unwrap();
    assert!(
        html.contains("<a href=\"https://example.org/privacy\">https://example.org/privacy</a>")
    );
    assert!(html.contains("<a href=\"mailto:help@example.org\">help@example.org</a>"));
    assert!(html.contains("javascript:alert(1)"), "shown as text");
    let findings = render_to_string(
        &load("doncaster-peer-support-groups"),
        ReportKind::Findings,
        Format::Html,
        &options(),
    )
    .unwrap();
    assert!(findings.contains("<td class=\"rule\">missing-controller-contact</td>"));
}

#[test]
fn sentences_end_cleanly_and_vocabulary_is_in_words() {
    let abbreviations = ["Inc", "Ltd", "etc", "Co"];
    for name in [
        "northfield-research-processor",
        "doncaster-peer-support-groups",
        "parents-1st-peer-support",
        "kent-parent-carer-panel",
        "kent-mens-antenatal-pilot",
        "kent-medway-domestic-abuse-website",
        "brighton-hove-govuk-notify",
        "govuk-notify",
        "ukcop26-website",
        "gds-open-notes-newsletter",
    ] {
        let register = load(name);
        for kind in ReportKind::ALL {
            let text = render_to_string(&register, *kind, Format::Markdown, &options()).unwrap();
            assert!(!text.contains(".."), "{name} {kind}");
            for (position, _) in text.match_indices(".;") {
                let word: String = text[..position]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphanumeric())
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                assert!(
                    abbreviations.contains(&word.as_str()),
                    "{name} {kind}: {}",
                    &text[position.saturating_sub(60)..position + 2]
                );
            }
            for raw in [
                "sensitive\\_data",
                "vulnerable\\_data\\_subjects",
                "data\\_subject ",
                "| controller |",
                "| observed",
            ] {
                assert!(!text.contains(raw), "{name} {kind}: {raw}");
            }
        }
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
        markdown.contains("| missing-dpo | • The register<br>• Pointer: (register) |"),
        "{markdown}"
    );
    let json = render_to_string(&register, ReportKind::Findings, Format::Json, &options()).unwrap();
    let findings: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(findings[0]["rule"], "missing-dpo");
    assert_eq!(findings[0]["path"], "");
}

#[test]
fn the_csv_keeps_the_processor_record() {
    let csv = render_to_string(
        &load("northfield-research-processor"),
        ReportKind::Register,
        Format::Csv,
        &options(),
    )
    .unwrap();
    assert!(csv.contains("For Harbourside Borough Council: Hosting the online survey"));
    assert!(csv.contains("Data processing agreement with Harbourside Borough Council"));
    let header = csv.split("\r\n").next().unwrap();
    assert!(header.ends_with("Controller acted for (Art 30(2)),Categories of processing (Art 30(2)),Contract with the controller (Art 28(3))"), "{header}");
}

#[test]
fn format_1_1_facts_are_in_the_reports() {
    let render = |name: &str, kind: ReportKind| {
        render_to_string(&load(name), kind, Format::Markdown, &options()).unwrap()
    };
    let brighton = render("brighton-hove-govuk-notify", ReportKind::Register);
    for expected in [
        "| **Categories of recipients** | GOV.UK Notify (Government Digital Service, Cabinet Office), processor",
        "| **Categories of recipients** | The recipients of every activity, listed under ‘Recipients of every activity’ |",
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
        "**Registrations and representation** | ICO registration: Z7414053",
        "All data: within 1 year after the account is closed, then deleted",
        "A class of organisations; where their list is kept is not stated",
    ] {
        assert!(notify.contains(expected), "{expected}\n{notify}");
    }
    let notice = render("govuk-notify", ReportKind::Notice);
    assert!(
        notice.contains("About us:\n\n- ICO registration: Z7414053\n"),
        "{notice}"
    );
    assert!(notice.contains("Art 6(1)(e) public task"), "{notice}");

    let cop26 = render("ukcop26-website", ReportKind::Register);
    for expected in [
        "3 months after the COP26 conference, or when you ask for erasure, whichever comes first",
        "(held by The government web archive): indefinitely, with no review, then archived (reason: as part of the government web archive)",
        "(lawful basis: Art 6(1)(a) consent, given because you consent to us doing so)",
    ] {
        assert!(cop26.contains(expected), "{expected}\n{cop26}");
    }
    let notice = render("ukcop26-website", ReportKind::Notice);
    assert!(
        notice.contains("For particular information we rely on:"),
        "{notice}"
    );
    // A register-wide recipient named by a transfer is found.
    let transfers = render("gds-open-notes-newsletter", ReportKind::Transfers);
    assert!(
        transfers.contains("| A region: outside the UK, to Mailchimp | Mailchimp, processor"),
        "{transfers}"
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
                .with_mechanism(TransferMechanism::ContractualClauses),
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
        "• Charity number: 1234567<br>• Privacy notice: https://example.org/privacy<br>• Legally represented by the Chief Executive",
        "**Member state of establishment** | FR",
        "• Controller (Art 30(1) record)<br>• From once the data reaches the provider: controller (Art 30(1) record)",
        "Newsletters (to opt out: use the unsubscribe link)",
        "only with your consent, given by ticking the box, withdrawn by emailing us",
        "A region: outside the UK: contractual clauses (kind not stated) (Art 46)",
        "Access: restricted under DPA 2018 Sch 2 para 2 (crime and taxation)",
        "All data: 2 years after the last activity or login: marked inactive; 5 years after the last activity or login, then deleted (set by Limitation Act 1980; reason: Legal claims)",
        // The exception with its own disposal, not the rule's.
        "The same data, where there is a complaint: not stored at all, then anonymised",
        "All data: as decided by the providers, as controllers",
        "Art 6(1)(e) public task under Localism Act 2011",
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
        "| 2 years after the last activity or login | the last activity or login | Step before the end | Marked inactive |",
        "| not stored at all | Not stated | There is a complaint | Anonymised | None: not stored | Not stored |",
        "| Set by another party | Decided elsewhere |",
    ] {
        assert!(schedule.contains(expected), "{expected}\n{schedule}");
    }
    let notice =
        render_to_string(&register, ReportKind::Notice, Format::Markdown, &options()).unwrap();
    for expected in [
        "Some rights are restricted:",
        "Newsletters (to opt out: use the unsubscribe link): Art 6(1)(e) public task under Localism Act 2011",
    ] {
        assert!(notice.contains(expected), "{expected}\n{notice}");
    }
}

#[test]
fn high_risk_operations_are_shown_in_words() {
    let mut register = load("doncaster-peer-support-groups");
    register.activities[0]
        .high_risk_operations
        .push(ropa::HighRiskOperation::DenialOfService);
    register.activities[0].dpia = None;
    let report = render_to_string(
        &register,
        ReportKind::Register,
        Format::Markdown,
        &options(),
    )
    .unwrap();
    assert!(
        report.contains(
            "Decisions on access to a product, service, opportunity or benefit (on the Art 35(4) list)"
        ),
        "the register report drops a recorded Art 35(4) operation"
    );
    let findings = ropa::validate(
        &register,
        &ropa::ValidationOptions::default().as_of("2026-11-22".parse().unwrap()),
    );
    let dpia = findings
        .findings
        .iter()
        .find(|f| f.rule == "dpia-expected")
        .expect("an Art 35(4) operation without a DPIA is a finding");
    assert!(
        dpia.message.contains(
            "decisions on access to a product, service, opportunity or benefit (Art 35(4) list)"
        ),
        "{}",
        dpia.message
    );
}

#[test]
fn a_deciding_party_is_named_not_given_by_its_id() {
    let mut register = load("parents-1st-peer-support");
    let party = register.parties[0].clone();
    register.activities[0].retention[0].retention.decided_by =
        Some(ropa::RetentionDecidedBy::party(party.id.clone()));
    // The notice prefers the register's own wording; without it, it says the rule in words.
    register.activities[0].retention[0].wording = None;
    for kind in [
        ReportKind::Register,
        ReportKind::Retention,
        ReportKind::Notice,
    ] {
        let report = render_to_string(&register, kind, Format::Markdown, &options()).unwrap();
        assert!(
            report.contains(&format!("as decided by {}", party.name)),
            "{kind:?} does not name the deciding party"
        );
        assert!(
            !report.contains(&format!("as decided by {}", party.id))
                || party.id.as_str() == party.name,
            "{kind:?} gives the deciding party by its id"
        );
    }
}

/// Issue 25, point 3: a register records its sources per data category; the reports say which
/// category comes from which source, each source once, instead of one merged list that reads as
/// if every category came from every source.
#[test]
fn sources_are_shown_with_the_categories_that_come_from_them() {
    use ropa::{DataCategory, DataSource, SourceKind};
    let mut register = load("govuk-notify");
    register
        .activities
        .retain(|a| a.role == ropa::ActivityRole::Controller);
    register.activities.truncate(1);
    let a = &mut register.activities[0];
    a.data_categories = vec![
        DataCategory::new("first", "Name"),
        DataCategory::new("second", "Email address"),
    ];
    let from_you = DataSource::new(SourceKind::DataSubject);
    let from_referrer = DataSource::new(SourceKind::ThirdParty).with_description("your referrer");
    a.data_categories[0].sources = vec![from_you.clone(), from_you.clone()];
    a.data_categories[1].sources = vec![from_you.clone(), from_referrer];
    a.data_categories.push(
        DataCategory::new("third", "Case notes").with_source(DataSource::new(SourceKind::Observed)),
    );
    let first = a.data_categories[0].name.clone();
    let second = a.data_categories[1].name.clone();
    let record = render_to_string(
        &register,
        ReportKind::Register,
        Format::Markdown,
        &options(),
    )
    .unwrap();
    let line = record
        .lines()
        .find(|l| l.starts_with("| **Source of personal data**"))
        .unwrap();
    assert!(
        line.contains(&format!(
            "• The person themselves; for {first}, {second}<br>"
        )),
        "{line}"
    );
    assert!(
        line.contains(&format!(
            "• A third party (your referrer); for {second}<br>"
        )),
        "{line}"
    );
    assert!(
        line.contains("• Observed or generated by the organisation; for Case notes"),
        "{line}"
    );
    assert_eq!(line.matches("The person themselves").count(), 1, "{line}");
    let notice =
        render_to_string(&register, ReportKind::Notice, Format::Markdown, &options()).unwrap();
    assert!(
        notice.contains(&format!("- You; for {first}, {second}\n")),
        "{notice}"
    );
    assert!(notice.contains("- What we observe or record ourselves; for Case notes\n"));

    // A source every category shares is said once, without the list.
    for c in &mut register.activities[0].data_categories {
        c.sources = vec![DataSource::new(SourceKind::DataSubject)];
    }
    let record = render_to_string(
        &register,
        ReportKind::Register,
        Format::Markdown,
        &options(),
    )
    .unwrap();
    assert!(record.contains("| **Source of personal data** | The person themselves |"));
}
