//! The law on the date: every dated rule, tested on both sides of its date and under both regimes.

use chrono::NaiveDate;
use ropa::*;

/// A small clean UK register: a company in GB with one consent-based activity.
const BASE: &str = r#"{
  "schema_version": "1.0",
  "regime": "uk_gdpr",
  "organisation": "org",
  "dpo": {"contacts": [{"email": "dpo@example.org"}]},
  "next_review": "2030-01-01",
  "security_measures": [{"kind": "access_control"}],
  "supervisory_authority": "ico",
  "parties": [
    {"id": "org", "name": "Example Ltd", "kind": "company", "country": "GB", "contacts": [{"email": "info@example.org"}]},
    {"id": "ico", "name": "Information Commissioner's Office", "kind": "supervisory_authority", "country": "GB"},
    {"id": "vendor", "name": "Vendor", "kind": "company", "country": "BR", "contract": "dpa", "contacts": [{"email": "privacy@vendor.example"}]}
  ],
  "activities": [
    {
      "id": "a",
      "name": "Member services",
      "status": "active",
      "role": "controller",
      "purposes": [
        {"id": "p1", "description": "Running the membership", "lawful_bases": [
          {"basis": "contract"}
        ]}
      ],
      "data_subjects": [{"id": "s", "name": "Members"}],
      "data_categories": [{"id": "c1", "name": "Contact details", "sources": [{"kind": "data_subject"}]}],
      "retention": [{"retention": {"period": "P1Y", "trigger": "last_contact"}}],
      "privacy_notice": "notice"
    }
  ],
  "documents": [
    {"id": "dpa", "kind": "art28_contract", "title": "DPA"},
    {"id": "notice", "kind": "privacy_notice", "title": "Privacy notice"},
    {"id": "tra", "kind": "transfer_risk_assessment", "title": "TRA"}
  ]
}"#;

pub(crate) fn base() -> Register {
    ropa::from_str(BASE).unwrap()
}

pub(crate) fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The day before the Data (Use and Access) Act 2025 changes, the day they apply, and a day
/// well after, as the issue asks (2026-01-01 and 2026-03-01).
const BEFORE: &str = "2026-02-04";
const FROM: &str = "2026-02-05";

pub(crate) fn run_on(register: &Register, day: &str) -> Report {
    validate(register, &ValidationOptions::default().as_of(date(day)))
}

fn act(r: &mut Register) -> &mut ProcessingActivity {
    &mut r.activities[0]
}

fn cites(register: &Register, day: &str, rule: &str) -> Vec<String> {
    run_on(register, day)
        .of_rule(rule)
        .map(|f| f.citation.clone())
        .collect()
}

fn to_vendor(r: &mut Register, t: Transfer) {
    act(r).recipients = vec![Recipient::new("v", RecipientRole::Processor).with_party("vendor")];
    act(r).transfers = vec![t.with_recipient("v")];
}

#[test]
fn the_base_register_is_clean_on_both_sides_of_every_date() {
    for day in [
        "2020-12-31",
        "2026-01-01",
        BEFORE,
        FROM,
        "2026-03-01",
        "2026-11-25",
    ] {
        let report = run_on(&base(), day);
        assert!(report.is_empty(), "{day}: {:#?}", report.findings);
    }
}

#[test]
fn chapter_v_citations_change_for_the_uk_on_5_february_2026() {
    let mut r = base();
    to_vendor(&mut r, Transfer::to_country("BR".parse().unwrap()));
    for (day, cite) in [
        ("2026-01-01", "UK GDPR Art 44"),
        (BEFORE, "UK GDPR Art 44"),
        (FROM, "UK GDPR Art 44A"),
        ("2026-03-01", "UK GDPR Art 44A"),
    ] {
        assert_eq!(
            cites(&r, day, "transfer-without-mechanism"),
            [cite],
            "{day}"
        );
    }
    r.regime = Some(Regime::EuGdpr);
    for day in ["2026-01-01", "2026-03-01"] {
        assert_eq!(
            cites(&r, day, "transfer-without-mechanism"),
            ["GDPR Art 44"],
            "{day}"
        );
    }
}

#[test]
fn adequacy_cites_45a_for_the_uk_and_brazil_is_adequate_for_the_eu_from_26_january_2026() {
    let mut r = base();
    to_vendor(
        &mut r,
        Transfer::to_country("BR".parse().unwrap()).with_mechanism(TransferMechanism::Adequacy),
    );
    assert_eq!(
        cites(&r, "2026-01-01", "adequacy-not-recognised"),
        ["UK GDPR Art 45"]
    );
    assert_eq!(
        cites(&r, "2026-03-01", "adequacy-not-recognised"),
        ["UK GDPR Art 45A"]
    );
    r.regime = Some(Regime::EuGdpr);
    r.parties[0].country = Some("FR".parse().unwrap());
    assert_eq!(
        cites(&r, "2026-01-25", "adequacy-not-recognised"),
        ["GDPR Art 45"]
    );
    assert!(cites(&r, "2026-01-26", "adequacy-not-recognised").is_empty());
}

#[test]
fn the_european_patent_organisation_is_adequate_for_the_eu_from_15_july_2025() {
    let mut r = base();
    r.regime = Some(Regime::EuGdpr);
    r.parties[0].country = Some("DE".parse().unwrap());
    act(&mut r).transfers = vec![
        Transfer::to_organisation("European Patent Organisation")
            .with_mechanism(TransferMechanism::Adequacy),
    ];
    assert_eq!(
        cites(&r, "2025-07-14", "adequacy-not-recognised"),
        ["GDPR Art 45"]
    );
    assert!(cites(&r, "2025-07-15", "adequacy-not-recognised").is_empty());
    // Another organisation, or the same one under the UK GDPR, is not covered.
    act(&mut r).transfers[0].organisation = Some("World Health Organization".into());
    assert_eq!(cites(&r, "2026-11-25", "adequacy-not-recognised").len(), 1);
    act(&mut r).transfers[0].organisation = Some("EPO".into());
    r.regime = Some(Regime::UkGdpr);
    r.parties[0].country = Some(CountryCode::GB);
    assert_eq!(
        cites(&r, "2026-11-25", "adequacy-not-recognised"),
        ["UK GDPR Art 45A"]
    );
}

#[test]
fn a_uk_art_46_transfer_needs_the_data_protection_test_from_5_february_2026() {
    let mut r = base();
    to_vendor(
        &mut r,
        Transfer::to_country("BR".parse().unwrap()).with_mechanism(TransferMechanism::UkIdta),
    );
    let message = |r: &Register, day: &str| {
        let report = run_on(r, day);
        let f = report
            .of_rule("transfer-without-risk-assessment")
            .next()
            .unwrap();
        (f.citation.clone(), f.message.clone())
    };
    let (cite, text) = message(&r, BEFORE);
    assert_eq!(cite, "UK GDPR Art 46(1)");
    assert!(
        text.contains("transfer risk or impact assessment"),
        "{text}"
    );
    let (cite, text) = message(&r, FROM);
    assert_eq!(cite, "UK GDPR Art 46(1A)");
    assert!(
        text.starts_with("Data protection test not recorded"),
        "{text}"
    );
    r.regime = Some(Regime::EuGdpr);
    r.parties[0].country = Some("FR".parse().unwrap());
    act(&mut r).transfers[0].mechanism = Some(TransferMechanism::EuStandardContractualClauses);
    let (cite, text) = message(&r, FROM);
    assert_eq!(cite, "GDPR Art 46(1)");
    assert!(
        text.contains("transfer risk or impact assessment"),
        "{text}"
    );
    act(&mut r).transfers[0].risk_assessment = Some("tra".into());
    assert!(cites(&r, FROM, "transfer-without-risk-assessment").is_empty());
}

fn decision(r: &mut Register, special: bool, basis: Option<Article22Basis>) {
    let mut d = AutomatedDecision::new("Eligibility scoring");
    d.solely_automated = true;
    d.significant_effects = true;
    d.uses_special_category_data = special;
    d.basis = basis;
    act(r).automated_decisions = vec![d];
    act(r).dpia = Some(Dpia::new(DpiaStatus::Completed));
}

#[test]
fn automated_decisions_follow_article_22_then_22a_to_22d_in_the_uk() {
    let rule = "automated-decision-without-basis";
    let mut r = base();
    decision(&mut r, false, None);
    // Before: Art 22(2) needs an exception; from 5 Feb 2026 the decision is allowed (with 22C).
    assert_eq!(cites(&r, BEFORE, rule), ["UK GDPR Art 22(2)"]);
    assert!(cites(&r, FROM, rule).is_empty());
    r.regime = Some(Regime::EuGdpr);
    r.parties[0].country = Some("FR".parse().unwrap());
    assert_eq!(cites(&r, FROM, rule), ["GDPR Art 22(2)"]);

    // Special category data: 22B(1)-(3) needs explicit consent, or contract or law with 9(2)(g).
    let mut r = base();
    decision(&mut r, true, Some(Article22Basis::Contract));
    assert_eq!(cites(&r, BEFORE, rule), ["UK GDPR Art 22(2)"]);
    assert_eq!(cites(&r, FROM, rule), ["UK GDPR Art 22B"]);
    act(&mut r).data_categories.push(DataCategory::special(
        "h",
        "Health",
        SpecialCategoryKind::Health,
    ));
    let mut g = SpecialCategoryCondition::new(Article9Condition::SubstantialPublicInterest);
    g.schedule_1_paragraph = Some(Schedule1Paragraph::PreventingFraud);
    act(&mut r).special_category_conditions = vec![g];
    assert!(cites(&r, FROM, rule).is_empty());
    decision(&mut r, true, Some(Article22Basis::ExplicitConsent));
    act(&mut r).special_category_conditions.clear();
    assert!(cites(&r, FROM, rule).is_empty());

    // 22B(4): never on a recognised legitimate interest alone.
    let mut r = base();
    decision(&mut r, false, None);
    act(&mut r).purposes[0].lawful_bases = vec![LawfulBasis::new(
        Article6Basis::RecognisedLegitimateInterest,
    )];
    assert_eq!(cites(&r, FROM, rule), ["UK GDPR Art 22B"]);
    act(&mut r).purposes[0]
        .lawful_bases
        .push(LawfulBasis::new(Article6Basis::Contract));
    assert!(cites(&r, FROM, rule).is_empty());
}
