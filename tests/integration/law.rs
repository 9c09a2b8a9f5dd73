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
  "complaints_procedure": {"description": "Complaints are acknowledged within 30 days", "contacts": [{"email": "complaints@example.org"}]},
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

pub(crate) fn run_on(register: &Register, day: &str) -> ValidationReport {
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
    r.parties[0].country = Some("IE".parse().unwrap());
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

fn rules_on(register: &Register, day: &str) -> Vec<&'static str> {
    run_on(register, day)
        .findings
        .iter()
        .map(|f| f.rule)
        .collect()
}

#[test]
fn recognised_legitimate_interests_exist_in_the_uk_from_5_february_2026() {
    let mut r = base();
    act(&mut r).purposes[0].lawful_bases = vec![LawfulBasis::new(
        Article6Basis::RecognisedLegitimateInterest,
    )];
    // Before: relying on (ea) is an error; from: the Annex 1 condition must be named.
    assert_eq!(
        rules_on(&r, BEFORE),
        ["recognised-legitimate-interest-before-commencement"]
    );
    assert_eq!(
        rules_on(&r, FROM),
        ["recognised-legitimate-interest-without-condition"]
    );
    assert_eq!(
        cites(&r, FROM, "recognised-legitimate-interest-without-condition"),
        ["UK GDPR Art 6(1)(ea)"]
    );
    act(&mut r).purposes[0].lawful_bases = vec![LawfulBasis::recognised_legitimate_interest(
        Annex1Condition::Crime,
    )];
    assert!(rules_on(&r, FROM).is_empty());
    assert_eq!(
        rules_on(&r, BEFORE),
        ["recognised-legitimate-interest-before-commencement"]
    );
    // A public authority relying on (ea) for its tasks is caught like (f), from the same date.
    r.parties[0].kind = Some(PartyKind::PublicAuthority);
    r.dpo = Some(Dpo::new(Contact::new().with_email("dpo@example.org")));
    assert_eq!(
        rules_on(&r, FROM),
        ["public-authority-legitimate-interests"]
    );
    // Under the EU GDPR (ea) never exists.
    r.regime = Some(Regime::EuGdpr);
    r.parties[0].country = Some("FR".parse().unwrap());
    for day in [BEFORE, FROM] {
        assert_eq!(
            rules_on(&r, day),
            ["recognised-legitimate-interest-outside-uk"],
            "{day}"
        );
    }
}

#[test]
fn automated_decision_safeguards_follow_article_22_3_then_22c() {
    let rule = "automated-decision-safeguards-missing";
    let mut r = base();
    decision(&mut r, false, Some(Article22Basis::Contract));
    assert_eq!(cites(&r, BEFORE, rule), ["UK GDPR Art 22(3)"]);
    assert_eq!(cites(&r, FROM, rule), ["UK GDPR Art 22C"]);
    // The three of Art 22(3) satisfy the old law; Art 22C adds information about the decision.
    act(&mut r).automated_decisions[0].safeguards_in_place = vec![
        DecisionSafeguard::Representations,
        DecisionSafeguard::HumanIntervention,
        DecisionSafeguard::Contest,
    ];
    assert!(cites(&r, BEFORE, rule).is_empty());
    let report = run_on(&r, FROM);
    let finding = report.of_rule(rule).next().unwrap();
    assert!(
        finding
            .message
            .contains(": information about the decisions;"),
        "{}",
        finding.message
    );
    act(&mut r).automated_decisions[0]
        .safeguards_in_place
        .push(DecisionSafeguard::Information);
    assert!(cites(&r, FROM, rule).is_empty());
    // EU: 22(3) applies to contract and explicit consent, not to decisions authorised by law.
    r.regime = Some(Regime::EuGdpr);
    r.parties[0].country = Some("FR".parse().unwrap());
    act(&mut r).automated_decisions[0]
        .safeguards_in_place
        .clear();
    assert_eq!(cites(&r, FROM, rule), ["GDPR Art 22(3)"]);
    act(&mut r).automated_decisions[0].basis = Some(Article22Basis::AuthorisedByLaw);
    assert!(cites(&r, FROM, rule).is_empty());
}

#[test]
fn a_uk_organisation_is_under_the_uk_gdpr_from_1_january_2021() {
    let rule = "eu-regime-for-uk-organisation";
    let mut r = base();
    r.regime = Some(Regime::EuGdpr);
    assert!(cites(&r, "2020-12-31", rule).is_empty());
    let report = run_on(&r, "2021-01-01");
    let finding = report.of_rule(rule).next().unwrap();
    assert_eq!(
        (finding.path.as_str(), finding.severity),
        ("/regime", Severity::Warning)
    );
    r.regime = Some(Regime::UkGdpr);
    assert!(cites(&r, "2021-01-01", rule).is_empty());
}

fn children_online(r: &mut Register, country: Option<&str>, minimum_age: u8) {
    r.regime = Some(Regime::EuGdpr);
    r.parties[0].country = country.map(|c| c.parse().unwrap());
    r.representative = Some("ico".into());
    let a = act(r);
    a.information_society_service = true;
    a.data_subjects[0].children = true;
    a.data_subjects[0].minimum_age = Some(minimum_age);
    a.purposes[0].lawful_bases = vec![LawfulBasis::consent(
        Consent::new(ConsentForm::Affirmative)
            .with_record("notice")
            .with_withdrawal("Email us"),
    )];
}

#[test]
fn the_art_8_age_is_the_member_states() {
    let fires = |country: Option<&str>, minimum_age: u8, day: &str| {
        let mut r = base();
        children_online(&mut r, country, minimum_age);
        run_on(&r, day).of_rule("child-consent-age").count() == 1
    };
    let day = "2026-11-25";
    // Children from 14: too young in France (15) and Germany (16), old enough in Italy (14) and
    // Belgium (13).
    assert!(fires(Some("FR"), 14, day));
    assert!(fires(Some("DE"), 14, day));
    assert!(!fires(Some("IT"), 14, day));
    assert!(!fires(Some("BE"), 14, day));
    assert!(!fires(Some("NO"), 13, day));
    // Slovenia lowered its age from 16 to 15 on 26 January 2023.
    assert!(fires(Some("SI"), 15, "2023-01-25"));
    assert!(!fires(Some("SI"), 15, "2023-01-26"));
    // No country: 16 is assumed, and the register is told so.
    assert!(fires(None, 15, day));
    let mut r = base();
    children_online(&mut r, None, 15);
    let report = run_on(&r, day);
    let assumed = report.of_rule("child-consent-age-assumed").next().unwrap();
    assert_eq!(assumed.severity, Severity::Info);
    assert!(
        assumed.message.contains("16 was assumed"),
        "{}",
        assumed.message
    );
    // The UK: 13.
    let mut r = base();
    children_online(&mut r, Some("GB"), 13);
    r.regime = Some(Regime::UkGdpr);
    assert_eq!(run_on(&r, day).of_rule("child-consent-age").count(), 0);
    act(&mut r).data_subjects[0].minimum_age = Some(12);
    assert_eq!(run_on(&r, day).of_rule("child-consent-age").count(), 1);
}

fn condition(
    r: &mut Register,
    kind: SpecialCategoryKind,
    paragraph: Schedule1Paragraph,
) -> &mut SpecialCategoryCondition {
    act(r).data_categories.retain(|c| c.id.as_str() != "s");
    act(r)
        .data_categories
        .push(DataCategory::special("s", "Special", kind));
    let mut c = SpecialCategoryCondition::new(Article9Condition::SubstantialPublicInterest);
    c.schedule_1_paragraph = Some(paragraph);
    act(r).special_category_conditions = vec![c];
    &mut act(r).special_category_conditions[0]
}

#[test]
fn schedule_1_policy_documents_and_disclosure_exceptions() {
    let apd = "appropriate-policy-document-missing";
    let mut r = base();
    // Para 13 needs no appropriate policy document (para 13(3)); para 14 does.
    condition(
        &mut r,
        SpecialCategoryKind::Health,
        Schedule1Paragraph::Journalism,
    );
    assert!(rules_on(&r, "2026-11-25").is_empty());
    condition(
        &mut r,
        SpecialCategoryKind::Health,
        Schedule1Paragraph::PreventingFraud,
    );
    assert_eq!(
        rules_on(&r, "2026-11-25"),
        [apd, "para-41-record-incomplete"]
    );
    // A disclosure under para 10(2) or 27(3) needs none; the flag does nothing for other paragraphs.
    for paragraph in [
        Schedule1Paragraph::PreventingUnlawfulActs,
        Schedule1Paragraph::AntiDopingInSport,
    ] {
        condition(&mut r, SpecialCategoryKind::Health, paragraph).disclosure_exception = true;
        assert!(rules_on(&r, "2026-11-25").is_empty(), "{paragraph}");
        act(&mut r).special_category_conditions[0].disclosure_exception = false;
        assert_eq!(rules_on(&r, "2026-11-25")[0], apd, "{paragraph}");
    }
    condition(
        &mut r,
        SpecialCategoryKind::Health,
        Schedule1Paragraph::PreventingFraud,
    )
    .disclosure_exception = true;
    let report = run_on(&r, "2026-11-25");
    assert!(
        report
            .of_rule(apd)
            .next()
            .unwrap()
            .message
            .contains("only paras 10(2) and 27(3)")
    );
    // Criminal offence data under para 10 as a disclosure needs none either.
    let mut r = base();
    act(&mut r)
        .data_categories
        .push(DataCategory::criminal_offence("co", "Offences"));
    let mut c = CriminalOffenceCondition::new(CriminalOffenceAuthority::AuthorisedByLaw)
        .with_schedule_1(Schedule1Paragraph::PreventingUnlawfulActs);
    act(&mut r).criminal_offence_conditions = vec![c.clone()];
    assert_eq!(rules_on(&r, "2026-11-25")[0], apd);
    c.disclosure_exception = true;
    act(&mut r).criminal_offence_conditions = vec![c];
    assert!(rules_on(&r, "2026-11-25").is_empty());
}

#[test]
fn schedule_1_conditions_used_outside_their_scope() {
    let rule = "schedule-1-condition-out-of-scope";
    let day = "2026-11-25";
    let paths = |r: &Register| -> Vec<String> {
        run_on(r, day)
            .of_rule(rule)
            .map(|f| f.path.clone())
            .collect()
    };
    let with_apd = |c: &mut SpecialCategoryCondition| {
        c.policy_document = Some("notice".into());
        c.para_41 = Some(Para41Record::new("Art 6(1)(b)", true));
    };
    // Each paragraph against a kind it serves and one it does not.
    for (paragraph, served, not_served) in [
        (
            Schedule1Paragraph::EqualityOfOpportunity,
            SpecialCategoryKind::SexLifeOrSexualOrientation,
            SpecialCategoryKind::TradeUnionMembership,
        ),
        (
            Schedule1Paragraph::RacialAndEthnicDiversity,
            SpecialCategoryKind::RacialOrEthnicOrigin,
            SpecialCategoryKind::Health,
        ),
        (
            Schedule1Paragraph::SafeguardingEconomicWellBeing,
            SpecialCategoryKind::Health,
            SpecialCategoryKind::Genetic,
        ),
        (
            Schedule1Paragraph::OccupationalPensions,
            SpecialCategoryKind::Health,
            SpecialCategoryKind::Biometric,
        ),
        (
            Schedule1Paragraph::PoliticalParties,
            SpecialCategoryKind::PoliticalOpinions,
            SpecialCategoryKind::ReligiousOrPhilosophicalBeliefs,
        ),
    ] {
        let mut r = base();
        with_apd(condition(&mut r, served, paragraph));
        assert!(paths(&r).is_empty(), "{paragraph} with {served}");
        let mut r = base();
        with_apd(condition(&mut r, not_served, paragraph));
        assert_eq!(
            paths(&r),
            ["/activities/0/special_category_conditions/0/schedule_1_paragraph"],
            "{paragraph} with {not_served}"
        );
        // A condition that lists its categories is judged category by category.
        let c = &mut act(&mut r).special_category_conditions[0];
        c.data_categories = vec!["s".into()];
        assert_eq!(
            paths(&r),
            ["/activities/0/special_category_conditions/0/data_categories/0"]
        );
    }
    // Para 8(3): not for measures or decisions about a particular person.
    let mut r = base();
    let c = condition(
        &mut r,
        SpecialCategoryKind::Health,
        Schedule1Paragraph::EqualityOfOpportunity,
    );
    with_apd(c);
    c.measures_about_individuals = true;
    assert_eq!(
        paths(&r),
        ["/activities/0/special_category_conditions/0/measures_about_individuals"]
    );
    // Para 16: not-for-profit bodies only.
    let mut r = base();
    with_apd(condition(
        &mut r,
        SpecialCategoryKind::Health,
        Schedule1Paragraph::SupportForDisabilityOrMedicalCondition,
    ));
    assert_eq!(paths(&r).len(), 1);
    r.parties[0].kind = Some(PartyKind::Charity);
    assert!(paths(&r).is_empty());
}

#[test]
fn publication_is_a_disclosure_not_a_transfer() {
    let mut r = base();
    r.parties[0].kind = Some(PartyKind::PublicAuthority);
    act(&mut r).purposes[0].lawful_bases =
        vec![LawfulBasis::public_task("Local Government Act 1972")];
    act(&mut r).recipients = vec![Recipient::new("public", RecipientRole::Public)];
    let mut t = Transfer::worldwide()
        .with_recipient("public")
        .with_derogation(Article49Derogation::ExplicitConsent);
    t.frequency = Some(TransferFrequency::Regular);
    act(&mut r).transfers = vec![t];
    // No Art 49 or adequacy rule judges publication; only the information that it is not a transfer.
    assert_eq!(
        rules_on(&r, "2026-11-25"),
        ["publication-recorded-as-transfer"]
    );
    act(&mut r).transfers[0].mechanism = Some(TransferMechanism::Adequacy);
    assert_eq!(
        rules_on(&r, "2026-11-25"),
        ["publication-recorded-as-transfer"]
    );
    // The upload to the operator abroad is the transfer, judged as one.
    act(&mut r)
        .recipients
        .push(Recipient::new("operator", RecipientRole::Processor).with_party("vendor"));
    act(&mut r).transfers = vec![
        Transfer::to_country(CountryCode::US)
            .with_recipient("operator")
            .with_derogation(Article49Derogation::ExplicitConsent),
    ];
    assert!(rules_on(&r, "2026-11-25").contains(&"derogation-by-public-authority"));
    // The public, wherever it is, is not a recipient abroad.
    let mut r = base();
    let mut public = Recipient::new("public", RecipientRole::Public);
    public.country = Some(CountryCode::US);
    act(&mut r).recipients = vec![public];
    assert!(rules_on(&r, "2026-11-25").is_empty());
}

fn notice(register: &Register, day: &str) -> String {
    use ropa::report::{Format, ReportKind, ReportOptions, render_to_string};
    render_to_string(
        register,
        ReportKind::Notice,
        Format::Markdown,
        &ReportOptions::default().as_of(date(day)),
    )
    .unwrap()
}

#[test]
fn the_notice_words_rights_and_complaints_as_the_law_stands_on_its_date() {
    let r = base();
    // DPA 2018 s164A from 19 June 2026: the right to complain to the controller. The notice
    // states no route the register does not record; the editor is told of the duty.
    let duty = "(DPA 2018 s164A, from 19 June 2026): describe how to complain here.";
    let mut unrecorded = base();
    unrecorded.complaints_procedure = None;
    assert!(!notice(&unrecorded, "2026-06-18").contains(duty));
    assert!(notice(&unrecorded, "2026-06-19").contains(duty));
    assert!(!notice(&unrecorded, "2026-06-19").contains("complain to us"));
    assert!(notice(&r, "2026-06-19").contains("How to complain to us:"));
    assert!(!notice(&r, "2026-06-19").contains(duty));
    // Arts 22A-22D from 5 February 2026, where the activity takes such a decision.
    let mut r = base();
    decision(&mut r, false, Some(Article22Basis::Contract));
    assert!(
        notice(&r, BEFORE)
            .contains("solely on automated processing that significantly affects you (Art 22)")
    );
    assert!(notice(&r, FROM).contains("to contest them (Art 22A-22D)"));
    let mut eu = r.clone();
    eu.regime = Some(Regime::EuGdpr);
    eu.parties[0].country = Some("FR".parse().unwrap());
    eu.complaints_procedure = None;
    let text = notice(&eu, "2026-11-25");
    assert!(!text.contains("s164A"));
    assert!(text.contains("(Art 22)"));
}

#[test]
fn the_register_report_cites_each_right_by_regime_and_date() {
    use ropa::report::{Format, ReportKind, ReportOptions, render_to_string};
    let report = |r: &Register, day: &str| {
        render_to_string(
            r,
            ReportKind::Register,
            Format::Markdown,
            &ReportOptions::default().as_of(date(day)),
        )
        .unwrap()
    };
    let mut r = base();
    // The Art 22 right is listed where the activity takes such decisions.
    decision(&mut r, false, Some(Article22Basis::Contract));
    assert!(
        report(&r, BEFORE).contains("Not to be subject to solely automated decisions (Art 22)")
    );
    assert!(
        report(&r, FROM).contains("Safeguards for significant automated decisions (Art 22A-22D)")
    );
    assert!(report(&r, FROM).contains("Access (Art 15)"));
}

#[test]
fn every_rule_provision_names_a_rule() {
    for (id, _) in ropa::law::RULE_PROVISIONS {
        assert!(ropa::validate::rule(id).is_some(), "{id} is not a rule");
    }
}

/// DPA 2018 s164A (issue 24, point 9): a UK controller must have a complaints procedure from
/// 19 June 2026; not before, not under the EU GDPR, not for a processor only.
#[test]
fn a_complaints_procedure_is_required_from_19_june_2026() {
    let mut r = base();
    r.complaints_procedure = None;
    let fired = |r: &Register, day: &str| {
        run_on(r, day)
            .of_rule("missing-complaints-procedure")
            .map(|f| (f.path.clone(), f.severity, f.citation.clone()))
            .collect::<Vec<_>>()
    };
    assert!(fired(&r, "2026-06-18").is_empty());
    assert_eq!(
        fired(&r, "2026-06-19"),
        [(
            String::new(),
            Severity::Warning,
            "DPA 2018 s164A".to_owned()
        )]
    );
    // Recorded but empty is not recorded.
    r.complaints_procedure = Some(ComplaintsProcedure::described("  "));
    assert_eq!(fired(&r, "2026-06-19")[0].0, "/complaints_procedure");
    r.complaints_procedure = Some(ComplaintsProcedure::described(
        "Use the form on our website; we acknowledge within 30 days",
    ));
    assert!(fired(&r, "2026-06-19").is_empty());
    r.complaints_procedure = None;
    // A processor only: the duty is the controller's.
    act(&mut r).role = ActivityRole::Processor;
    assert!(fired(&r, "2026-06-19").is_empty());
    act(&mut r).role = ActivityRole::Controller;
    // Under the EU GDPR (an Irish organisation) there is no such duty.
    r.regime = Some(Regime::EuGdpr);
    r.parties[0].country = Some("IE".parse().unwrap());
    assert!(fired(&r, "2026-06-19").is_empty());
}

/// SI 2026/82 reg 5 (issue 24, point 10): a UK decision in use since before 5 February 2026 is
/// judged by the old Art 22 for the decisions taken then, and by Arts 22A-22D for those since.
#[test]
fn decisions_taken_before_5_february_2026_stay_under_the_old_article_22() {
    let rule = "automated-decision-without-basis";
    let mut r = base();
    decision(&mut r, false, None);
    let messages = |r: &Register, day: &str| {
        run_on(r, day)
            .of_rule(rule)
            .map(|f| (f.citation.clone(), f.message.contains("SI 2026/82 reg 5")))
            .collect::<Vec<_>>()
    };
    // No start recorded: judged by the law of the date, as before.
    assert!(messages(&r, "2026-03-01").is_empty());
    // In use since 2025: the decisions taken before 5 Feb 2026 needed an Art 22(2) exception.
    act(&mut r).automated_decisions[0].in_use_since = Some(date("2025-01-01"));
    assert_eq!(
        messages(&r, "2026-03-01"),
        [("UK GDPR Art 22(2)".to_owned(), true)]
    );
    // On a date before 5 Feb 2026, the old Art 22 is simply the law: no saving to mention.
    assert_eq!(
        messages(&r, BEFORE),
        [("UK GDPR Art 22(2)".to_owned(), false)]
    );
    // In use only from 5 Feb 2026: the new law alone.
    act(&mut r).automated_decisions[0].in_use_since = Some(date(FROM));
    assert!(messages(&r, "2026-03-01").is_empty());
    // Stopped before 5 Feb 2026: the old law alone, so the 22C safeguards are not asked for.
    act(&mut r).automated_decisions[0].in_use_since = Some(date("2025-01-01"));
    act(&mut r).automated_decisions[0].in_use_until = Some(date(BEFORE));
    let safeguards: Vec<String> = run_on(&r, "2026-03-01")
        .of_rule("automated-decision-safeguards-missing")
        .map(|f| f.citation.clone())
        .collect();
    assert!(safeguards.is_empty(), "{safeguards:?}");
    // With a contract basis, the Art 22(3) safeguards of its time are asked for.
    act(&mut r).automated_decisions[0].basis = Some(Article22Basis::Contract);
    let safeguards: Vec<String> = run_on(&r, "2026-03-01")
        .of_rule("automated-decision-safeguards-missing")
        .map(|f| f.citation.clone())
        .collect();
    assert_eq!(safeguards, ["UK GDPR Art 22(3)"]);
    // Special category data under the old law: Art 22(4).
    act(&mut r).automated_decisions[0].uses_special_category_data = true;
    assert_eq!(
        messages(&r, "2026-03-01"),
        [("UK GDPR Art 22(4)".to_owned(), true)]
    );
    // Art 22(4) was met by explicit consent, or by substantial public interest (Art 9(2)(g)).
    act(&mut r).automated_decisions[0].basis = Some(Article22Basis::ExplicitConsent);
    assert!(messages(&r, "2026-03-01").is_empty());
    act(&mut r).automated_decisions[0].basis = Some(Article22Basis::Contract);
    act(&mut r).special_category_conditions = vec![SpecialCategoryCondition::new(
        Article9Condition::SubstantialPublicInterest,
    )];
    assert!(messages(&r, "2026-03-01").is_empty());
    act(&mut r).special_category_conditions = vec![SpecialCategoryCondition::new(
        Article9Condition::ExplicitConsent,
    )];
    assert_eq!(messages(&r, "2026-03-01").len(), 1);
    // Without special category data a contract was an exception enough.
    act(&mut r).automated_decisions[0].uses_special_category_data = false;
    assert!(messages(&r, "2026-03-01").is_empty());
}

/// Reports cite the article a transfer rests on as the law stood on their date (issue 25,
/// point 3): UK adequacy is Art 45A from 5 February 2026, the EU's stays Art 45.
#[test]
fn reports_cite_adequacy_as_the_law_stands_on_their_date() {
    use ropa::report::{Format, ReportKind, ReportOptions, render_to_string};
    let mut r = base();
    act(&mut r).transfers = vec![
        Transfer::to_country("JP".parse().unwrap()).with_mechanism(TransferMechanism::Adequacy),
    ];
    let render = |r: &Register, kind, day: &str| {
        render_to_string(
            r,
            kind,
            Format::Markdown,
            &ReportOptions::default().as_of(date(day)),
        )
        .unwrap()
    };
    for kind in [
        ReportKind::Register,
        ReportKind::Transfers,
        ReportKind::Notice,
    ] {
        assert!(
            render(&r, kind, "2026-02-04").contains("adequacy (Art 45)"),
            "{kind}"
        );
        let now = render(&r, kind, "2026-12-06");
        assert!(now.contains("adequacy (Art 45A)"), "{kind}: {now}");
        assert!(!now.contains("(Art 45)"), "{kind}");
    }
    let mut eu = r.clone();
    eu.regime = Some(Regime::EuGdpr);
    eu.parties[0].country = Some("FR".parse().unwrap());
    assert!(render(&eu, ReportKind::Register, "2026-12-06").contains("adequacy (Art 45)"));
}
