//! Table-driven tests of the rule catalogue: for every rule, a register where it fires (with the
//! path asserted) and a close variant where it does not.

use chrono::NaiveDate;
use ropa::*;

const BASE: &str = r#"{
  "schema_version": "1.0",
  "regime": "uk_gdpr",
  "organisation": "org",
  "dpo": {"contacts": [{"email": "dpo@example.org"}]},
  "next_review": "2027-01-01",
  "security_measures": [{"kind": "access_control"}],
  "parties": [
    {"id": "org", "name": "Example Ltd", "kind": "company", "country": "GB", "contacts": [{"email": "info@example.org"}]},
    {"id": "proc", "name": "Hosting Ltd", "kind": "company", "country": "GB", "contract": "dpa", "contacts": [{"email": "privacy@hosting.example"}]},
    {"id": "partner", "name": "Partner Ltd", "kind": "company", "country": "GB", "contacts": [{"email": "dp@partner.example"}]},
    {"id": "us-vendor", "name": "Vendor Inc.", "kind": "company", "country": "US", "contract": "dpa", "contacts": [{"email": "privacy@vendor.example"}]}
  ],
  "activities": [
    {
      "id": "a",
      "name": "Member services",
      "status": "active",
      "role": "controller",
      "purposes": [
        {"id": "p1", "description": "Running the membership", "lawful_bases": [
          {"basis": "consent", "consent": {"form": "explicit", "record": "consents", "withdrawal": "Email us"}}
        ]}
      ],
      "data_subjects": [{"id": "s", "name": "Members"}],
      "data_categories": [
        {"id": "c1", "name": "Contact details", "sources": [{"kind": "data_subject"}]},
        {"id": "h", "name": "Health", "special_category": "health", "sources": [{"kind": "data_subject"}]}
      ],
      "special_category_conditions": [{"condition": "explicit_consent"}],
      "recipients": [{"id": "r", "party": "proc", "role": "processor"}],
      "retention": [{"retention": {"period": "P1Y", "trigger": "last_contact"}}],
      "privacy_notice": "notice"
    }
  ],
  "documents": [
    {"id": "dpa", "kind": "art28_contract", "title": "DPA"},
    {"id": "notice", "kind": "privacy_notice", "title": "Privacy notice"},
    {"id": "consents", "kind": "consent_record", "title": "Consent log"},
    {"id": "apd", "kind": "appropriate_policy_document", "title": "APD"},
    {"id": "lia", "kind": "legitimate_interests_assessment", "title": "LIA"},
    {"id": "tra", "kind": "transfer_risk_assessment", "title": "TRA"},
    {"id": "arrangement", "kind": "joint_controller_arrangement", "title": "Art 26 arrangement"},
    {"id": "dpia", "kind": "dpia", "title": "DPIA"}
  ]
}"#;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()
}

pub(super) fn base() -> Register {
    ropa::from_str(BASE).unwrap()
}

pub(super) fn run(register: &Register) -> ValidationReport {
    validate(register, &ValidationOptions::default().as_of(as_of()))
}

pub(super) fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A taxonomy key for a data category.
fn key(text: &str) -> TaxonomyKey {
    TaxonomyKey::new(TaxonomyField::DataCategory, text).unwrap()
}

pub(super) fn act(r: &mut Register) -> &mut ProcessingActivity {
    &mut r.activities[0]
}

fn basis(r: &mut Register) -> &mut LawfulBasis {
    &mut r.activities[0].purposes[0].lawful_bases[0]
}

pub(super) fn set_basis(r: &mut Register, basis: LawfulBasis) {
    r.activities[0].purposes[0].lawful_bases = vec![basis];
}

pub(super) fn org(r: &mut Register) -> &mut Party {
    &mut r.parties[0]
}

pub(super) fn public_authority(r: &mut Register) {
    org(r).kind = Some(PartyKind::PublicAuthority);
    set_basis(r, LawfulBasis::public_task("Local Government Act 1972"));
}

pub(super) fn special(
    r: &mut Register,
    condition: Article9Condition,
    paragraph: Option<Schedule1Paragraph>,
) -> &mut SpecialCategoryCondition {
    let mut c = SpecialCategoryCondition::new(condition);
    c.schedule_1_paragraph = paragraph;
    c.policy_document = Some("apd".into());
    c.para_41 = Some(Para41Record::new("Art 6(1)(a) consent", true));
    act(r).special_category_conditions = vec![c];
    &mut act(r).special_category_conditions[0]
}

pub(super) fn transfer(r: &mut Register, t: Transfer) -> &mut Transfer {
    act(r).transfers = vec![t];
    &mut act(r).transfers[0]
}

pub(super) fn us_transfer() -> Transfer {
    Transfer::to_country(CountryCode::US).with_recipient("us")
}

pub(super) fn us_recipient(r: &mut Register) {
    act(r)
        .recipients
        .push(Recipient::new("us", RecipientRole::Processor).with_party("us-vendor"));
}

pub(super) fn processor_role(r: &mut Register) {
    let a = act(r);
    a.role = ActivityRole::Processor;
    a.on_behalf_of = vec![
        OnBehalfOf::new("partner")
            .with_processing("Hosting")
            .with_contract("dpa"),
    ];
}

/// The police receive the health data, on the exemption given.
fn police(r: &mut Register, exemption: Option<&str>) {
    let mut police = Recipient::new("police", RecipientRole::LawEnforcement);
    police.data_categories = vec!["h".into()];
    police.exemption = exemption.map(str::to_owned);
    act(r).recipients.push(police);
}

struct Case {
    rule: &'static str,
    path: &'static str,
    fire: fn(&mut Register),
    quiet: fn(&mut Register),
}

const CASES: &[Case] = &[
    // Format 1.1: what real notices say, read by the rules.
    Case {
        rule: "missing-retention",
        path: "/activities/0",
        fire: |r| act(r).retention = vec![RetentionRule::default()],
        quiet: |r| act(r).retention = vec![RetentionRule::new(RetentionPeriod::not_retained())],
    },
    Case {
        rule: "missing-retention",
        path: "/activities/0",
        fire: |r| {
            act(r).retention = vec![RetentionRule::default().with_wording("as long as needed")]
        },
        quiet: |r| {
            act(r).retention = vec![RetentionRule::new(RetentionPeriod::decided_by(
                RetentionDecidedBy::described("the providers, as controllers"),
            ))]
        },
    },
    Case {
        rule: "missing-retention",
        path: "/activities/0",
        fire: |r| {
            act(r).retention = vec![RetentionRule::default().with_stage(RetentionStage::new(
                RetentionPeriod::default(),
                DisposalAction::Anonymise,
            ))]
        },
        quiet: |r| {
            act(r).retention = vec![RetentionRule::default().with_stage(RetentionStage::new(
                RetentionPeriod::after(IsoDuration::years(2), RetentionTrigger::LastActivity),
                DisposalAction::Delete,
            ))]
        },
    },
    Case {
        rule: "missing-retention",
        path: "/activities/0",
        fire: |r| {
            act(r).retention = vec![RetentionRule::new(
                RetentionPeriod::default().with_bound(PeriodBound::For),
            )]
        },
        quiet: |r| {
            act(r).retention = vec![RetentionRule::new(
                RetentionPeriod::after(IsoDuration::years(1), RetentionTrigger::Collection)
                    .or_earlier_at(RetentionTrigger::ConsentWithdrawal),
            )]
        },
    },
    Case {
        rule: "data-category-without-retention",
        path: "/activities/0/data_categories/1",
        fire: |r| act(r).retention[0] = act(r).retention[0].clone().for_data_category("c1"),
        quiet: |r| {
            act(r).retention[0] = act(r).retention[0].clone().for_data_category("c1");
            act(r)
                .retention
                .push(RetentionRule::new(RetentionPeriod::not_retained()).for_data_category("h"));
        },
    },
    Case {
        rule: "indefinite-retention",
        path: "/activities/0/retention/0/stages/0/retention",
        fire: |r| {
            act(r).retention[0].stages = vec![RetentionStage::new(
                RetentionPeriod::indefinite(None),
                DisposalAction::Restrict,
            )]
        },
        quiet: |r| {
            act(r).retention[0].stages = vec![RetentionStage::new(
                RetentionPeriod::indefinite(Some(IsoDuration::years(1))),
                DisposalAction::Restrict,
            )]
        },
    },
    Case {
        rule: "purpose-without-lawful-basis",
        path: "/activities/0/purposes/0",
        fire: |r| act(r).purposes[0].lawful_bases.clear(),
        quiet: |r| {
            let bases = std::mem::take(&mut act(r).purposes[0].lawful_bases);
            act(r).lawful_bases = bases;
        },
    },
    Case {
        rule: "purpose-without-lawful-basis",
        path: "/activities/0/purposes/0",
        fire: |r| {
            act(r).purposes[0].lawful_bases.clear();
            act(r).data_categories[0].lawful_bases =
                vec![LawfulBasis::new(Article6Basis::Contract)];
        },
        quiet: |r| {
            act(r).purposes[0].lawful_bases.clear();
            for c in &mut act(r).data_categories {
                c.lawful_bases = vec![LawfulBasis::new(Article6Basis::Contract)];
            }
        },
    },
    Case {
        rule: "multiple-lawful-bases",
        path: "/activities/0/purposes/0/lawful_bases",
        fire: |r| act(r).lawful_bases = vec![LawfulBasis::legal_obligation("Companies Act 2006")],
        quiet: |r| act(r).lawful_bases = std::mem::take(&mut act(r).purposes[0].lawful_bases),
    },
    Case {
        rule: "basis-without-legal-source",
        path: "/activities/0/lawful_bases/0",
        fire: |r| act(r).lawful_bases = vec![LawfulBasis::new(Article6Basis::PublicTask)],
        quiet: |r| {
            act(r).lawful_bases = vec![LawfulBasis::public_task("Local Government Act 1972")]
        },
    },
    Case {
        rule: "legitimate-interests-without-assessment",
        path: "/activities/0/data_categories/0/lawful_bases/0",
        fire: |r| {
            act(r).data_categories[0].lawful_bases =
                vec![LawfulBasis::new(Article6Basis::LegitimateInterests)]
        },
        quiet: |r| {
            act(r).data_categories[0].lawful_bases =
                vec![LawfulBasis::legitimate_interests("Site security", "lia")]
        },
    },
    Case {
        rule: "consent-without-record",
        path: "/activities/0/data_categories/0/lawful_bases/0",
        fire: |r| {
            act(r).data_categories[0].lawful_bases =
                vec![LawfulBasis::consent(Consent::new(ConsentForm::Affirmative))]
        },
        quiet: |r| {
            act(r).data_categories[0].lawful_bases = vec![LawfulBasis::consent(
                Consent::new(ConsentForm::Affirmative)
                    .with_given("by accepting analytics cookies")
                    .with_record("consents")
                    .with_withdrawal("Change your cookie settings"),
            )]
        },
    },
    Case {
        rule: "implied-consent-for-special-category",
        path: "/activities/0/lawful_bases/0/consent/form",
        fire: |r| {
            act(r).lawful_bases = vec![LawfulBasis::consent(
                Consent::new(ConsentForm::Implied)
                    .with_record("consents")
                    .with_withdrawal("Email us"),
            )]
        },
        quiet: |r| {
            act(r).lawful_bases = vec![LawfulBasis::consent(
                Consent::new(ConsentForm::Explicit)
                    .with_record("consents")
                    .with_withdrawal("Email us"),
            )]
        },
    },
    Case {
        rule: "missing-controller-contact",
        path: "/activities/0/joint_controllers/0",
        fire: |r| {
            r.parties.push(Party::class(
                "providers",
                "The providers you apply to",
                None,
            ));
            act(r).role = ActivityRole::JointController;
            act(r).joint_controllers = vec!["providers".into()];
            act(r).joint_arrangement = Some("arrangement".into());
        },
        quiet: |r| {
            r.parties.push(Party::class(
                "providers",
                "The providers you apply to",
                Some("https://example.org/providers".to_owned()),
            ));
            act(r).role = ActivityRole::JointController;
            act(r).joint_controllers = vec!["providers".into()];
            act(r).joint_arrangement = Some("arrangement".into());
        },
    },
    Case {
        rule: "processor-record-incomplete",
        path: "/activities/0/on_behalf_of/0",
        fire: |r| {
            processor_role(r);
            r.parties.push(Party::class(
                "senders",
                "The organisations that send messages",
                None,
            ));
            act(r).on_behalf_of[0].controller = "senders".into();
        },
        quiet: |r| {
            processor_role(r);
            r.parties.push(Party::class(
                "senders",
                "The organisations that send messages",
                Some("the service's list of organisations".to_owned()),
            ));
            act(r).on_behalf_of[0].controller = "senders".into();
        },
    },
    Case {
        rule: "processor-without-contract",
        path: "/recipients/0",
        fire: |r| {
            r.recipients = vec![
                Recipient::new("host", RecipientRole::Processor).with_category("Hosting provider"),
            ]
        },
        quiet: |r| {
            r.recipients = vec![
                Recipient::new("host", RecipientRole::Processor)
                    .with_category("Hosting provider")
                    .with_agreement("dpa"),
            ]
        },
    },
    Case {
        rule: "dangling-reference",
        path: "/activities/0/transfers/0/recipient",
        fire: |r| {
            transfer(r, Transfer::to_region(Region::Eea).with_recipient("host")).mechanism =
                Some(TransferMechanism::Adequacy);
        },
        quiet: |r| {
            r.recipients =
                vec![Recipient::new("host", RecipientRole::Processor).with_agreement("dpa")];
            transfer(r, Transfer::to_region(Region::Eea).with_recipient("host")).mechanism =
                Some(TransferMechanism::Adequacy);
        },
    },
    Case {
        rule: "recipient-outside-without-transfer",
        path: "/recipients/0",
        fire: |r| {
            r.recipients =
                vec![Recipient::new("us", RecipientRole::Processor).with_party("us-vendor")]
        },
        quiet: |r| {
            r.recipients =
                vec![Recipient::new("us", RecipientRole::Processor).with_party("us-vendor")];
            let t = transfer(r, us_transfer());
            t.mechanism = Some(TransferMechanism::UkIdta);
            t.risk_assessment = Some("tra".into());
        },
    },
    Case {
        rule: "dangling-reference",
        path: "/activities/0/retention/0/system",
        fire: |r| act(r).retention[0] = act(r).retention[0].clone().for_system("Notify"),
        quiet: |r| {
            act(r).systems = vec![System::new("Notify")];
            act(r).retention[0] = act(r).retention[0].clone().for_system("Notify");
        },
    },
    Case {
        rule: "dangling-reference",
        path: "/activities/0/retention/0/held_by",
        fire: |r| act(r).retention[0] = act(r).retention[0].clone().held_by("firetext"),
        quiet: |r| act(r).retention[0] = act(r).retention[0].clone().held_by("proc"),
    },
    Case {
        rule: "transfer-destination-unnamed",
        path: "/activities/0/transfers/0",
        fire: |r| {
            transfer(r, Transfer::to_region(Region::OutsideUk)).mechanism =
                Some(TransferMechanism::ContractualClauses);
        },
        quiet: |r| {
            transfer(r, Transfer::to_region(Region::Eea)).mechanism =
                Some(TransferMechanism::Adequacy);
        },
    },
    Case {
        rule: "transfer-without-risk-assessment",
        path: "/activities/0/transfers/0",
        fire: |r| {
            us_recipient(r);
            transfer(r, us_transfer()).mechanism = Some(TransferMechanism::ContractualClauses);
        },
        quiet: |r| {
            us_recipient(r);
            let t = transfer(r, us_transfer());
            t.mechanism = Some(TransferMechanism::ContractualClauses);
            t.risk_assessment = Some("tra".into());
        },
    },
    Case {
        rule: "eu-regime-for-uk-organisation",
        path: "/regime",
        fire: |r| r.regime = Some(Regime::EuGdpr),
        quiet: |r| {
            r.regime = Some(Regime::EuGdpr);
            org(r).country = Some("IE".parse().unwrap())
        },
    },
    Case {
        rule: "child-consent-age-assumed",
        path: "/parties/0",
        fire: |r| {
            r.regime = Some(Regime::EuGdpr);
            org(r).country = None;
            act(r).information_society_service = true
        },
        quiet: |r| {
            r.regime = Some(Regime::EuGdpr);
            org(r).country = Some("FR".parse().unwrap());
            act(r).information_society_service = true
        },
    },
    Case {
        rule: "recognised-legitimate-interest-without-condition",
        path: "/activities/0/purposes/0/lawful_bases/0",
        fire: |r| {
            set_basis(
                r,
                LawfulBasis::new(Article6Basis::RecognisedLegitimateInterest),
            )
        },
        quiet: |r| {
            set_basis(
                r,
                LawfulBasis::recognised_legitimate_interest(
                    Annex1Condition::SafeguardingVulnerableIndividuals,
                ),
            )
        },
    },
    Case {
        rule: "schedule-1-condition-out-of-scope",
        path: "/activities/0/special_category_conditions/0/schedule_1_paragraph",
        fire: |r| {
            special(
                r,
                Article9Condition::SubstantialPublicInterest,
                Some(Schedule1Paragraph::RacialAndEthnicDiversity),
            );
        },
        quiet: |r| {
            special(
                r,
                Article9Condition::SubstantialPublicInterest,
                Some(Schedule1Paragraph::EqualityOfOpportunity),
            );
        },
    },
    Case {
        rule: "publication-recorded-as-transfer",
        path: "/activities/0/transfers/0/destination",
        fire: |r| {
            transfer(r, Transfer::worldwide());
        },
        quiet: |r| {
            transfer(
                r,
                Transfer::to_country("JP".parse().unwrap())
                    .with_mechanism(TransferMechanism::Adequacy),
            );
        },
    },
    Case {
        rule: "automated-decision-safeguards-missing",
        path: "/activities/0/automated_decisions/0",
        fire: |r| {
            let mut d = AutomatedDecision::new("Credit scoring");
            d.solely_automated = true;
            d.significant_effects = true;
            act(r).automated_decisions.push(d);
            act(r).dpia = Some(Dpia::new(DpiaStatus::Completed).with_document("dpia"))
        },
        quiet: |r| {
            let mut d = AutomatedDecision::new("Credit scoring");
            d.solely_automated = true;
            d.significant_effects = true;
            d.safeguards_in_place = DecisionSafeguard::ALL.to_vec();
            act(r).automated_decisions.push(d);
            act(r).dpia = Some(Dpia::new(DpiaStatus::Completed).with_document("dpia"))
        },
    },
    Case {
        rule: "missing-controller-contact",
        path: "/parties/0",
        fire: |r| org(r).contacts.clear(),
        quiet: |r| org(r).contacts = vec![Contact::new().with_web("https://example.org/contact")],
    },
    Case {
        rule: "missing-dpo",
        path: "",
        fire: |r| {
            r.dpo = None;
            public_authority(r)
        },
        quiet: |r| r.dpo = None,
    },
    Case {
        rule: "dpo-without-contact",
        path: "/dpo",
        fire: |r| r.dpo = Some(Dpo::default().with_name("A. Person")),
        quiet: |r| r.dpo = Some(Dpo::new(Contact::new().with_phone("0100"))),
    },
    Case {
        rule: "missing-representative",
        path: "",
        fire: |r| org(r).country = Some(CountryCode::US),
        quiet: |r| {
            org(r).country = Some(CountryCode::US);
            r.representative = Some("partner".into())
        },
    },
    Case {
        rule: "review-overdue",
        path: "/next_review",
        fire: |r| r.next_review = Some(date("2026-05-31")),
        quiet: |r| r.next_review = Some(date("2026-06-01")),
    },
    Case {
        rule: "duplicate-id",
        path: "/documents/8/id",
        fire: |r| {
            r.documents
                .push(Document::new("dpa", DocumentKind::Other, "Copy"))
        },
        quiet: |r| {
            r.documents
                .push(Document::new("dpa-2", DocumentKind::Other, "Copy"))
        },
    },
    Case {
        rule: "dangling-reference",
        path: "/activities/0/privacy_notice",
        fire: |r| act(r).privacy_notice = Some("notise".into()),
        quiet: |r| act(r).privacy_notice = Some("dpa".into()),
    },
    Case {
        rule: "joint-controller-without-arrangement",
        path: "/activities/0",
        fire: |r| {
            act(r).role = ActivityRole::JointController;
            act(r).joint_controllers = vec!["partner".into()]
        },
        quiet: |r| {
            act(r).role = ActivityRole::JointController;
            act(r).joint_controllers = vec!["partner".into()];
            act(r).joint_arrangement = Some("arrangement".into())
        },
    },
    Case {
        rule: "processor-record-incomplete",
        path: "/activities/0/on_behalf_of/0",
        fire: |r| {
            processor_role(r);
            act(r).on_behalf_of[0].processing.clear()
        },
        quiet: processor_role,
    },
    Case {
        rule: "activity-without-purpose",
        path: "/activities/0",
        fire: |r| act(r).purposes.clear(),
        quiet: |r| {
            processor_role(r);
            act(r).purposes.clear()
        },
    },
    Case {
        rule: "activity-without-data-subjects",
        path: "/activities/0",
        fire: |r| act(r).data_subjects.clear(),
        quiet: |r| {
            processor_role(r);
            act(r).data_subjects.clear()
        },
    },
    Case {
        rule: "activity-without-data-categories",
        path: "/activities/0",
        fire: |r| act(r).data_categories.clear(),
        quiet: |r| {
            processor_role(r);
            act(r).data_categories.clear()
        },
    },
    Case {
        rule: "purpose-without-lawful-basis",
        path: "/activities/0/purposes/0",
        fire: |r| act(r).purposes[0].lawful_bases.clear(),
        quiet: |r| set_basis(r, LawfulBasis::new(Article6Basis::Contract)),
    },
    Case {
        rule: "purpose-without-lawful-basis",
        path: "/activities/0/purposes/0",
        fire: |r| {
            act(r).purposes[0].lawful_bases.clear();
            act(r).data_categories[0].lawful_bases =
                vec![LawfulBasis::new(Article6Basis::Contract)];
        },
        quiet: |r| {
            act(r).purposes[0].lawful_bases.clear();
            for c in &mut act(r).data_categories {
                c.lawful_bases = vec![LawfulBasis::new(Article6Basis::Contract)];
            }
        },
    },
    Case {
        rule: "multiple-lawful-bases",
        path: "/activities/0/purposes/0/lawful_bases",
        fire: |r| {
            act(r).purposes[0]
                .lawful_bases
                .push(LawfulBasis::new(Article6Basis::Contract))
        },
        quiet: |r| {
            act(r).purposes.push(
                Purpose::new("p2", "Billing").with_basis(LawfulBasis::new(Article6Basis::Contract)),
            )
        },
    },
    Case {
        rule: "legitimate-interests-without-assessment",
        path: "/activities/0/purposes/0/lawful_bases/0",
        fire: |r| {
            set_basis(r, LawfulBasis::new(Article6Basis::LegitimateInterests));
            basis(r).interest = Some("Fraud prevention".into())
        },
        quiet: |r| {
            set_basis(
                r,
                LawfulBasis::legitimate_interests("Fraud prevention", "lia"),
            )
        },
    },
    Case {
        rule: "public-authority-legitimate-interests",
        path: "/activities/0/purposes/0/lawful_bases/0",
        fire: |r| {
            public_authority(r);
            set_basis(r, LawfulBasis::legitimate_interests("Fundraising", "lia"))
        },
        quiet: |r| set_basis(r, LawfulBasis::legitimate_interests("Fundraising", "lia")),
    },
    Case {
        rule: "basis-without-legal-source",
        path: "/activities/0/purposes/0/lawful_bases/0",
        fire: |r| set_basis(r, LawfulBasis::new(Article6Basis::LegalObligation)),
        quiet: |r| set_basis(r, LawfulBasis::legal_obligation("Companies Act 2006")),
    },
    Case {
        rule: "consent-without-record",
        path: "/activities/0/purposes/0/lawful_bases/0",
        fire: |r| basis(r).consent.as_mut().unwrap().record = None,
        quiet: |r| basis(r).consent.as_mut().unwrap().record = Some("notice".into()),
    },
    Case {
        rule: "recognised-legitimate-interest-outside-uk",
        path: "/activities/0/purposes/0/lawful_bases/0",
        fire: |r| {
            r.regime = Some(Regime::EuGdpr);
            org(r).country = Some("IE".parse().unwrap());
            set_basis(
                r,
                LawfulBasis::new(Article6Basis::RecognisedLegitimateInterest),
            )
        },
        quiet: |r| {
            set_basis(
                r,
                LawfulBasis::new(Article6Basis::RecognisedLegitimateInterest),
            )
        },
    },
    Case {
        rule: "child-consent-age",
        path: "/activities/0/purposes/0/lawful_bases/0",
        fire: |r| {
            act(r).information_society_service = true;
            act(r).data_subjects[0].children = true;
            act(r).data_subjects[0].minimum_age = Some(10)
        },
        quiet: |r| {
            act(r).information_society_service = true;
            act(r).data_subjects[0].children = true;
            act(r).data_subjects[0].minimum_age = Some(13)
        },
    },
    Case {
        rule: "special-category-without-condition",
        path: "/activities/0/data_categories/1",
        fire: |r| act(r).special_category_conditions.clear(),
        quiet: |r| act(r).special_category_conditions[0].data_categories = vec!["h".into()],
    },
    Case {
        rule: "implied-consent-for-special-category",
        path: "/activities/0/purposes/0/lawful_bases/0/consent/form",
        fire: |r| basis(r).consent.as_mut().unwrap().form = Some(ConsentForm::Implied),
        quiet: |r| {
            basis(r).consent.as_mut().unwrap().form = Some(ConsentForm::Implied);
            special(
                r,
                Article9Condition::HealthOrSocialCare,
                Some(Schedule1Paragraph::HealthOrSocialCare),
            );
        },
    },
    Case {
        rule: "schedule-1-condition-missing",
        path: "/activities/0/special_category_conditions/0",
        fire: |r| {
            special(r, Article9Condition::SubstantialPublicInterest, None).schedule_1_part =
                Some(Schedule1Part::Part2)
        },
        quiet: |r| {
            special(
                r,
                Article9Condition::SubstantialPublicInterest,
                Some(Schedule1Paragraph::EqualityOfOpportunity),
            );
        },
    },
    Case {
        rule: "schedule-1-condition-mismatch",
        path: "/activities/0/special_category_conditions/0/schedule_1_paragraph",
        fire: |r| {
            special(
                r,
                Article9Condition::HealthOrSocialCare,
                Some(Schedule1Paragraph::EqualityOfOpportunity),
            );
        },
        quiet: |r| {
            special(
                r,
                Article9Condition::HealthOrSocialCare,
                Some(Schedule1Paragraph::HealthOrSocialCare),
            );
        },
    },
    Case {
        rule: "appropriate-policy-document-missing",
        path: "/activities/0/special_category_conditions/0",
        fire: |r| {
            special(
                r,
                Article9Condition::SubstantialPublicInterest,
                Some(Schedule1Paragraph::EqualityOfOpportunity),
            )
            .policy_document = None
        },
        quiet: |r| {
            special(
                r,
                Article9Condition::HealthOrSocialCare,
                Some(Schedule1Paragraph::HealthOrSocialCare),
            )
            .policy_document = None
        },
    },
    Case {
        rule: "para-41-record-incomplete",
        path: "/activities/0/special_category_conditions/0",
        fire: |r| {
            special(
                r,
                Article9Condition::SubstantialPublicInterest,
                Some(Schedule1Paragraph::EqualityOfOpportunity),
            )
            .para_41 = Some(Para41Record::new("Art 6(1)(e)", false))
        },
        quiet: |r| {
            let mut record = Para41Record::new("Art 6(1)(e)", false);
            record.reasons_for_not_following_policy = Some("Litigation hold".into());
            special(
                r,
                Article9Condition::SubstantialPublicInterest,
                Some(Schedule1Paragraph::EqualityOfOpportunity),
            )
            .para_41 = Some(record)
        },
    },
    Case {
        rule: "criminal-offence-data-without-authority",
        path: "/activities/0/data_categories/2",
        fire: |r| {
            act(r)
                .data_categories
                .push(DataCategory::criminal_offence("dbs", "DBS checks"))
        },
        quiet: |r| {
            act(r)
                .data_categories
                .push(DataCategory::criminal_offence("dbs", "DBS checks"));
            act(r)
                .criminal_offence_conditions
                .push(CriminalOffenceCondition::new(
                    CriminalOffenceAuthority::OfficialAuthority,
                ))
        },
    },
    Case {
        rule: "taxonomy-special-category-unmarked",
        path: "/activities/0/data_categories/0/taxonomy/0",
        fire: |r| act(r).data_categories[0].taxonomy = vec![key("fides:user.health_and_medical")],
        quiet: |r| act(r).data_categories[1].taxonomy = vec![key("fides:user.health_and_medical")],
    },
    Case {
        rule: "taxonomy-criminal-offence-unmarked",
        path: "/activities/0/data_categories/0/taxonomy/0",
        fire: |r| act(r).data_categories[0].taxonomy = vec![key("fides:user.criminal_history")],
        quiet: |r| {
            act(r).data_categories[0].taxonomy = vec![key("fides:user.criminal_history")];
            act(r).data_categories[0].criminal_offence = true;
        },
    },
    Case {
        rule: "taxonomy-contradicts-kind",
        path: "/activities/0/data_categories/1/taxonomy/0",
        fire: |r| act(r).data_categories[1].taxonomy = vec![key("pd:Race")],
        quiet: |r| act(r).data_categories[1].taxonomy = vec![key("pd:HealthRecord")],
    },
    Case {
        rule: "condition-not-special-category",
        path: "/activities/0/special_category_conditions",
        fire: |r| act(r).data_categories.truncate(1),
        quiet: |r| {
            act(r).data_categories.truncate(1);
            act(r).data_categories[0].may_include_special_category = true
        },
    },
    Case {
        rule: "processor-without-contract",
        path: "/activities/0/recipients/0",
        fire: |r| r.parties[1].contract = None,
        quiet: |r| {
            r.parties[1].contract = None;
            act(r).recipients[0].agreement = Some("dpa".into())
        },
    },
    Case {
        rule: "transfer-without-mechanism",
        path: "/activities/0/transfers/0",
        fire: |r| {
            us_recipient(r);
            transfer(r, us_transfer());
        },
        quiet: |r| {
            us_recipient(r);
            transfer(
                r,
                us_transfer()
                    .with_mechanism(TransferMechanism::UkIdta)
                    .with_risk_assessment("tra"),
            );
        },
    },
    Case {
        rule: "transfer-destination-unnamed",
        path: "/activities/0/transfers/0",
        fire: |r| {
            us_recipient(r);
            transfer(
                r,
                us_transfer()
                    .with_mechanism(TransferMechanism::UkIdta)
                    .with_risk_assessment("tra"),
            )
            .country = None
        },
        quiet: |r| {
            us_recipient(r);
            transfer(
                r,
                us_transfer()
                    .with_mechanism(TransferMechanism::UkIdta)
                    .with_risk_assessment("tra"),
            );
        },
    },
    Case {
        rule: "derogation-not-specified",
        path: "/activities/0/transfers/0",
        fire: |r| {
            us_recipient(r);
            transfer(
                r,
                us_transfer().with_mechanism(TransferMechanism::Derogation),
            );
        },
        quiet: |r| {
            us_recipient(r);
            transfer(
                r,
                us_transfer().with_derogation(Article49Derogation::LegalClaims),
            );
        },
    },
    Case {
        rule: "adequacy-not-recognised",
        path: "/activities/0/transfers/0/mechanism",
        fire: |r| {
            transfer(
                r,
                Transfer::to_country("IN".parse().unwrap())
                    .with_mechanism(TransferMechanism::Adequacy),
            );
        },
        quiet: |r| {
            transfer(
                r,
                Transfer::to_country("JP".parse().unwrap())
                    .with_mechanism(TransferMechanism::Adequacy),
            );
        },
    },
    // A role taken on by a later change of role brings its rules (issue 24, point 1).
    Case {
        rule: "joint-controller-without-arrangement",
        path: "/activities/0",
        fire: |r| {
            act(r).role_changes = vec![RoleChange::new(
                "once the data reaches the provider",
                ActivityRole::JointController,
            )];
        },
        quiet: |r| {
            act(r).role_changes = vec![RoleChange::new(
                "once the data reaches the provider",
                ActivityRole::JointController,
            )];
            act(r).joint_controllers = vec!["partner".into()];
            act(r).joint_arrangement = Some("arrangement".into());
        },
    },
    Case {
        rule: "activity-without-purpose",
        path: "/activities/0",
        fire: |r| {
            processor_role(r);
            act(r).role_changes = vec![RoleChange::new("afterwards", ActivityRole::Controller)];
            act(r).purposes.clear();
        },
        quiet: |r| {
            processor_role(r);
            act(r).purposes.clear();
        },
    },
    Case {
        rule: "disclosure-without-ground",
        path: "/activities/0/recipients/1",
        fire: |r| police(r, None),
        quiet: |r| police(r, Some("DPA 2018 Sch 2 para 2 (crime and taxation)")),
    },
    Case {
        rule: "recipient-role-contradicts-party",
        path: "/activities/0/recipients/1/role",
        fire: |r| {
            act(r)
                .recipients
                .push(Recipient::new("staff", RecipientRole::Internal).with_party("partner"));
        },
        quiet: |r| {
            act(r)
                .recipients
                .push(Recipient::new("staff", RecipientRole::Internal).with_party("org"));
        },
    },
    Case {
        rule: "derogation-by-public-authority",
        path: "/activities/0/transfers/0/mechanism",
        fire: |r| {
            public_authority(r);
            us_recipient(r);
            transfer(
                r,
                us_transfer().with_derogation(Article49Derogation::ExplicitConsent),
            );
        },
        quiet: |r| {
            public_authority(r);
            us_recipient(r);
            transfer(
                r,
                us_transfer().with_derogation(Article49Derogation::PublicInterest),
            );
        },
    },
    Case {
        rule: "derogation-used-for-regular-transfer",
        path: "/activities/0/transfers/0/frequency",
        fire: |r| {
            us_recipient(r);
            transfer(
                r,
                us_transfer()
                    .with_derogation(Article49Derogation::LegalClaims)
                    .with_frequency(TransferFrequency::Regular),
            );
        },
        quiet: |r| {
            us_recipient(r);
            transfer(
                r,
                us_transfer()
                    .with_derogation(Article49Derogation::LegalClaims)
                    .with_frequency(TransferFrequency::Occasional),
            );
        },
    },
    Case {
        rule: "compelling-interests-undocumented",
        path: "/activities/0/transfers/0",
        fire: |r| {
            us_recipient(r);
            transfer(
                r,
                us_transfer().with_mechanism(TransferMechanism::CompellingLegitimateInterests),
            );
        },
        quiet: |r| {
            us_recipient(r);
            transfer(
                r,
                us_transfer()
                    .with_mechanism(TransferMechanism::CompellingLegitimateInterests)
                    .with_documentation("tra"),
            );
        },
    },
    Case {
        rule: "eu-sccs-without-uk-addendum",
        path: "/activities/0/transfers/0/mechanism",
        fire: |r| {
            us_recipient(r);
            transfer(
                r,
                us_transfer()
                    .with_mechanism(TransferMechanism::EuStandardContractualClauses)
                    .with_risk_assessment("tra"),
            );
        },
        quiet: |r| {
            us_recipient(r);
            transfer(
                r,
                us_transfer()
                    .with_mechanism(TransferMechanism::EuSccsWithUkAddendum)
                    .with_risk_assessment("tra"),
            );
        },
    },
    Case {
        rule: "transfer-without-risk-assessment",
        path: "/activities/0/transfers/0",
        fire: |r| {
            us_recipient(r);
            transfer(r, us_transfer().with_mechanism(TransferMechanism::UkIdta));
        },
        quiet: |r| {
            us_recipient(r);
            transfer(
                r,
                us_transfer()
                    .with_mechanism(TransferMechanism::UkIdta)
                    .with_risk_assessment("tra"),
            );
        },
    },
    Case {
        rule: "recipient-outside-without-transfer",
        path: "/activities/0/recipients/1",
        fire: us_recipient,
        quiet: |r| {
            us_recipient(r);
            transfer(
                r,
                us_transfer()
                    .with_mechanism(TransferMechanism::UkIdta)
                    .with_risk_assessment("tra"),
            );
        },
    },
    Case {
        rule: "missing-retention",
        path: "/activities/0",
        fire: |r| act(r).retention.clear(),
        quiet: |r| {
            act(r).retention = vec![RetentionRule::new(RetentionPeriod::until(date(
                "2027-01-01",
            )))]
        },
    },
    Case {
        rule: "data-category-without-retention",
        path: "/activities/0/data_categories/1",
        fire: |r| act(r).retention[0].data_categories = vec!["c1".into()],
        quiet: |r| act(r).retention[0].data_categories = vec!["c1".into(), "h".into()],
    },
    Case {
        rule: "indefinite-retention",
        path: "/activities/0/retention/0/retention",
        fire: |r| act(r).retention[0].retention = RetentionPeriod::indefinite(None),
        quiet: |r| {
            act(r).retention[0].retention = RetentionPeriod::indefinite(Some(IsoDuration::years(1)))
        },
    },
    Case {
        rule: "retention-period-elapsed",
        path: "/activities/0/retention/0/retention/until",
        fire: |r| act(r).retention[0].retention.until = Some(date("2026-05-01")),
        quiet: |r| {
            act(r).retention[0].retention.until = Some(date("2026-05-01"));
            act(r).status = Some(ActivityStatus::Ended)
        },
    },
    Case {
        rule: "missing-security-measures",
        path: "/activities/0",
        fire: |r| r.security_measures.clear(),
        quiet: |r| {
            r.security_measures.clear();
            act(r)
                .security_measures
                .push(SecurityMeasure::new(SecurityMeasureKind::EncryptionAtRest))
        },
    },
    Case {
        rule: "automated-decision-without-basis",
        path: "/activities/0/automated_decisions/0",
        // The base date is after 5 Feb 2026: the UK case is Art 22B, special category data.
        fire: |r| {
            let mut d = AutomatedDecision::new("Credit scoring");
            d.solely_automated = true;
            d.significant_effects = true;
            d.uses_special_category_data = true;
            act(r).automated_decisions.push(d)
        },
        quiet: |r| {
            let mut d = AutomatedDecision::new("Credit scoring");
            d.solely_automated = true;
            d.significant_effects = true;
            d.basis = Some(Article22Basis::ExplicitConsent);
            act(r).automated_decisions.push(d);
            act(r).dpia = Some(Dpia::new(DpiaStatus::Completed).with_document("dpia"))
        },
    },
    Case {
        rule: "dpia-expected",
        path: "/activities/0",
        fire: |r| act(r).data_subjects[0].vulnerable = true,
        quiet: |r| {
            act(r).data_subjects[0].vulnerable = true;
            act(r).dpia = Some(Dpia::new(DpiaStatus::Completed).with_document("dpia"))
        },
    },
    Case {
        rule: "third-party-source-without-notice",
        path: "/activities/0/data_categories/0/sources",
        fire: |r| {
            act(r).privacy_notice = None;
            act(r).data_categories[0].sources = vec![DataSource::new(SourceKind::ThirdParty)]
        },
        quiet: |r| {
            act(r).privacy_notice = None;
            act(r).data_categories[0].sources = vec![DataSource::new(SourceKind::ThirdParty)];
            act(r).notice_exemption = Some("Art 14(5)(b): disproportionate effort".into())
        },
    },
    // Gaps that could be hidden.
    Case {
        rule: "missing-controller-contact",
        path: "/parties/0",
        fire: |r| org(r).contacts = vec![Contact::new().with_email("\u{200B}").with_phone(" ")],
        quiet: |r| org(r).contacts = vec![Contact::new().with_email("\u{200B}info@example.org")],
    },
    Case {
        rule: "dpo-without-contact",
        path: "/dpo",
        fire: |r| r.dpo = Some(Dpo::new(Contact::new().with_email("\u{2060}\u{FEFF}"))),
        quiet: |r| r.dpo = Some(Dpo::new(Contact::new().with_email("dpo@example.org"))),
    },
    Case {
        rule: "basis-without-legal-source",
        path: "/activities/0/purposes/0/lawful_bases/0",
        fire: |r| set_basis(r, LawfulBasis::legal_obligation(" \u{200B}\t")),
        quiet: |r| set_basis(r, LawfulBasis::legal_obligation(" Companies Act 2006")),
    },
    Case {
        rule: "legitimate-interests-without-assessment",
        path: "/activities/0/purposes/0/lawful_bases/0",
        fire: |r| set_basis(r, LawfulBasis::legitimate_interests("\u{3164}", "lia")),
        quiet: |r| {
            set_basis(
                r,
                LawfulBasis::legitimate_interests("Network security", "lia"),
            )
        },
    },
    Case {
        rule: "consent-without-record",
        path: "/activities/0/purposes/0/lawful_bases/0",
        fire: |r| basis(r).consent.as_mut().unwrap().withdrawal = Some("\u{00A0}\u{200D}".into()),
        quiet: |r| basis(r).consent.as_mut().unwrap().withdrawal = Some("Reply STOP".into()),
    },
    Case {
        rule: "child-consent-age",
        path: "/activities/0/purposes/0/lawful_bases/0",
        fire: |r| {
            act(r).information_society_service = true;
            act(r).data_subjects[0].children = true;
            basis(r).consent.as_mut().unwrap().parental_authorisation = Some(" ".into())
        },
        quiet: |r| {
            act(r).information_society_service = true;
            act(r).data_subjects[0].children = true;
            basis(r).consent.as_mut().unwrap().parental_authorisation =
                Some("Parent confirms by email".into())
        },
    },
    Case {
        rule: "joint-controller-without-arrangement",
        path: "/activities/0",
        fire: |r| {
            act(r).role = ActivityRole::JointController;
            act(r).joint_arrangement = Some("arrangement".into())
        },
        quiet: |r| {
            act(r).role = ActivityRole::JointController;
            act(r).joint_controllers = vec!["partner".into()];
            act(r).joint_arrangement = Some("arrangement".into())
        },
    },
    Case {
        rule: "processor-on-own-behalf",
        path: "/activities/0/on_behalf_of/0/controller",
        fire: |r| {
            processor_role(r);
            act(r).on_behalf_of[0].controller = "org".into()
        },
        quiet: processor_role,
    },
    // The organisation's id with an invisible TAG character, which once hid the rule.
    Case {
        rule: "processor-on-own-behalf",
        path: "/activities/0/on_behalf_of/0/controller",
        fire: |r| {
            processor_role(r);
            r.parties
                .push(Party::new("org\u{E0041}", "Example Ltd (2)"));
            act(r).on_behalf_of[0].controller = "org\u{E0041}".into()
        },
        quiet: |r| {
            processor_role(r);
            r.parties.push(Party::new("org2", "Example Ltd (2)"));
            act(r).on_behalf_of[0].controller = "org2".into()
        },
    },
    // The organisation entered a second time, under another id and its own name.
    Case {
        rule: "processor-on-own-behalf",
        path: "/activities/0/on_behalf_of/0/controller",
        fire: |r| {
            processor_role(r);
            r.parties.push(Party::new("example", "EXAMPLE  LTD"));
            act(r).on_behalf_of[0].controller = "example".into()
        },
        quiet: |r| {
            processor_role(r);
            r.parties.push(Party::new("example", "Example Trust"));
            act(r).on_behalf_of[0].controller = "example".into()
        },
    },
    // A TAG character and mathematical look-alikes are look-alike ids (UTS #39).
    Case {
        rule: "confusable-ids",
        path: "/parties/4/id",
        fire: |r| {
            r.parties
                .push(Party::new("org\u{E0041}", "Example Ltd (2)"))
        },
        quiet: |r| r.parties.push(Party::new("org2", "Example Ltd (2)")),
    },
    Case {
        rule: "confusable-ids",
        path: "/parties/4/id",
        fire: |r| {
            r.parties.push(Party::new(
                "\u{1D429}\u{1D42B}\u{1D428}\u{1D41C}",
                "Hosting (again)",
            ))
        },
        quiet: |r| r.parties.push(Party::new("proc2", "Hosting (again)")),
    },
    Case {
        rule: "document-kind-mismatch",
        path: "/parties/1/contract",
        fire: |r| r.parties[1].contract = Some("notice".into()),
        quiet: |r| r.parties[1].contract = Some("dpa".into()),
    },
    Case {
        rule: "document-kind-mismatch",
        path: "/activities/0/transfers/0/documentation",
        fire: |r| {
            us_recipient(r);
            transfer(
                r,
                us_transfer()
                    .with_mechanism(TransferMechanism::CompellingLegitimateInterests)
                    .with_documentation("notice"),
            );
        },
        quiet: |r| {
            us_recipient(r);
            transfer(
                r,
                us_transfer()
                    .with_mechanism(TransferMechanism::CompellingLegitimateInterests)
                    .with_documentation("tra"),
            );
        },
    },
    Case {
        rule: "document-kind-mismatch",
        path: "/activities/0/transfers/0/risk_assessment",
        fire: |r| {
            us_recipient(r);
            transfer(
                r,
                us_transfer()
                    .with_mechanism(TransferMechanism::UkIdta)
                    .with_risk_assessment("notice"),
            );
        },
        quiet: |r| {
            us_recipient(r);
            let mut document = Document::new("tra-2", DocumentKind::Other, "Risk note");
            document.note = Some("Kind not yet classified".into());
            r.documents.push(document);
            transfer(
                r,
                us_transfer()
                    .with_mechanism(TransferMechanism::UkIdta)
                    .with_risk_assessment("tra-2"),
            );
        },
    },
    Case {
        rule: "processor-without-contract",
        path: "/activities/0/systems/0/provider",
        fire: |r| {
            r.parties[2].contract = None;
            act(r)
                .systems
                .push(System::new("CRM").with_provider("partner"))
        },
        quiet: |r| {
            r.parties[2].contract = None;
            act(r)
                .systems
                .push(System::new("CRM").with_provider("partner"));
            act(r).recipients.push(
                Recipient::new("partner", RecipientRole::IndependentController)
                    .with_party("partner"),
            )
        },
    },
    Case {
        rule: "processor-without-contract",
        path: "/parties/1/sub_processors/0",
        fire: |r| {
            r.parties[1].sub_processors = vec!["partner".into()];
            r.parties[1].sub_processor_authorisation = Some("dpa".into())
        },
        quiet: |r| {
            r.parties[1].sub_processors = vec!["partner".into()];
            r.parties[1].sub_processor_authorisation = Some("dpa".into());
            r.parties[2].contract = Some("dpa".into())
        },
    },
    Case {
        rule: "recipient-outside-without-transfer",
        path: "/activities/0/systems/0",
        fire: |r| {
            let mut system = System::new("Cloud store").with_provider("proc");
            system.country = Some(CountryCode::US);
            act(r).systems.push(system)
        },
        quiet: |r| {
            let mut system = System::new("Cloud store").with_provider("proc");
            system.country = Some(CountryCode::US);
            act(r).systems.push(system);
            transfer(
                r,
                Transfer::to_country(CountryCode::US)
                    .with_mechanism(TransferMechanism::UkIdta)
                    .with_risk_assessment("tra"),
            );
        },
    },
    Case {
        rule: "transfer-country-mismatch",
        path: "/activities/0/transfers/0/country",
        fire: |r| {
            us_recipient(r);
            transfer(
                r,
                Transfer::to_country("JP".parse::<CountryCode>().unwrap())
                    .with_recipient("us")
                    .with_mechanism(TransferMechanism::Adequacy),
            );
        },
        quiet: |r| {
            us_recipient(r);
            r.parties[3].country = Some("JP".parse::<CountryCode>().unwrap());
            transfer(
                r,
                Transfer::to_country("JP".parse::<CountryCode>().unwrap())
                    .with_recipient("us")
                    .with_mechanism(TransferMechanism::Adequacy),
            );
        },
    },
    Case {
        rule: "confusable-ids",
        path: "/parties/4/id",
        fire: |r| {
            r.parties
                .push(Party::new("Pr\u{043E}c ", "Hosting (again)"))
        },
        quiet: |r| r.parties.push(Party::new("proc-2", "Hosting (again)")),
    },
    Case {
        rule: "confusable-ids",
        path: "/activities/0/data_categories/2/id",
        fire: |r| {
            act(r)
                .data_categories
                .push(DataCategory::new("C1", "Contact details (copy)"))
        },
        quiet: |r| {
            act(r)
                .data_categories
                .push(DataCategory::new("c2", "Contact details (copy)"))
        },
    },
    // The checks a DPO expects.
    Case {
        rule: "stated-right-not-available",
        path: "/activities/0/rights_stated",
        fire: |r| {
            public_authority(r);
            act(r).data_categories.truncate(1);
            act(r).special_category_conditions.clear();
            act(r).rights_stated = vec![DataSubjectRight::Portability]
        },
        quiet: |r| act(r).rights_stated = vec![DataSubjectRight::Portability],
    },
    Case {
        rule: "available-right-not-stated",
        path: "/activities/0/rights_stated",
        fire: |r| act(r).rights_stated = all_rights_but(DataSubjectRight::WithdrawConsent),
        quiet: |r| act(r).rights_stated = all_rights_but(DataSubjectRight::Object),
    },
    Case {
        rule: "available-right-not-stated",
        path: "/activities/0/rights_stated",
        fire: |r| act(r).rights_stated = all_rights_but(DataSubjectRight::Access),
        quiet: |r| {
            act(r).rights_stated = all_rights_but(DataSubjectRight::Access);
            act(r).rights_restrictions = vec![
                RightsRestriction::new("DPA 2018 Sch 2 para 2 (crime and taxation)")
                    .of_right(DataSubjectRight::Access),
            ]
        },
    },
    Case {
        rule: "special-category-without-condition",
        path: "/activities/0/purposes/1",
        fire: |r| {
            act(r).purposes[0].data_categories = vec!["h".into()];
            act(r).purposes.push(
                Purpose::new("p2", "Referral")
                    .with_basis(LawfulBasis::new(Article6Basis::Contract))
                    .with_data_category("h"),
            );
            act(r).special_category_conditions[0].purposes = vec!["p1".into()]
        },
        quiet: |r| {
            act(r).purposes[0].data_categories = vec!["h".into()];
            act(r).purposes.push(
                Purpose::new("p2", "Referral")
                    .with_basis(LawfulBasis::new(Article6Basis::Contract))
                    .with_data_category("c1"),
            );
            act(r).special_category_conditions[0].purposes = vec!["p1".into()]
        },
    },
    Case {
        rule: "dpo-conflict-of-interest",
        path: "/dpo/position",
        fire: |r| r.dpo.as_mut().unwrap().position = Some("Head of IT".into()),
        quiet: |r| r.dpo.as_mut().unwrap().position = Some("Head of Information Governance".into()),
    },
    Case {
        rule: "implied-consent",
        path: "/activities/0/purposes/0/lawful_bases/0/consent/form",
        fire: |r| {
            act(r).data_categories.truncate(1);
            act(r).special_category_conditions.clear();
            basis(r).consent.as_mut().unwrap().form = Some(ConsentForm::Implied)
        },
        quiet: |r| {
            act(r).data_categories.truncate(1);
            act(r).special_category_conditions.clear();
            basis(r).consent.as_mut().unwrap().form = Some(ConsentForm::Affirmative)
        },
    },
    Case {
        rule: "conditional-consent",
        path: "/activities/0/purposes/0/lawful_bases/0/consent/conditional",
        fire: |r| basis(r).consent.as_mut().unwrap().conditional = true,
        quiet: |r| basis(r).consent.as_mut().unwrap().conditional = false,
    },
    Case {
        rule: "sub-processor-without-authorisation",
        path: "/parties/1/sub_processors",
        fire: |r| {
            r.parties[2].contract = Some("dpa".into());
            r.parties[1].sub_processors = vec!["partner".into()]
        },
        quiet: |r| {
            r.parties[2].contract = Some("dpa".into());
            r.parties[1].sub_processors = vec!["partner".into()];
            r.parties[1].sub_processor_authorisation = Some("dpa".into())
        },
    },
    Case {
        rule: "sub-processor-without-authorisation",
        path: "/activities/0/on_behalf_of/0",
        fire: |r| {
            processor_role(r);
            r.parties[1].contract = Some("dpa".into());
            org(r).sub_processors = vec!["proc".into()]
        },
        quiet: |r| {
            processor_role(r);
            org(r).sub_processors = vec!["proc".into()];
            act(r).on_behalf_of[0].sub_processor_authorisation = Some("dpa".into())
        },
    },
    Case {
        rule: "dpia-expected",
        path: "/activities/0",
        fire: |r| {
            act(r).data_subjects[0].vulnerable = true;
            act(r).dpia = Some(Dpia::new(DpiaStatus::NotRequired).with_note(" "))
        },
        quiet: |r| {
            act(r).data_subjects[0].vulnerable = true;
            act(r).dpia = Some(
                Dpia::new(DpiaStatus::NotRequired)
                    .with_note("Ten members, no new technology, data held by one person"),
            )
        },
    },
    Case {
        rule: "dpia-expected",
        path: "/activities/0",
        fire: |r| {
            act(r).data_categories[1].special_category = Some(SpecialCategoryKind::Biometric);
            act(r).data_subjects[0].vulnerable = true;
            act(r).dpia = Some(Dpia::new(DpiaStatus::NotRequired).with_note("Judged low risk"))
        },
        quiet: |r| {
            act(r).data_categories[1].special_category = Some(SpecialCategoryKind::Biometric);
            act(r).data_subjects[0].vulnerable = true;
            act(r).dpia = Some(Dpia::new(DpiaStatus::InProgress))
        },
    },
    Case {
        rule: "dpia-expected",
        path: "/activities/0",
        fire: |r| {
            act(r).high_risk_operations = vec![HighRiskOperation::DataMatching];
            act(r).data_categories.truncate(1);
            act(r).special_category_conditions.clear()
        },
        quiet: |r| {
            act(r).high_risk_operations = vec![HighRiskOperation::Tracking];
            act(r).data_categories.truncate(1);
            act(r).special_category_conditions.clear()
        },
    },
    Case {
        rule: "breach-record-incomplete",
        path: "/documents/8",
        fire: |r| {
            r.documents.push(
                Document::new("breach-1", DocumentKind::BreachRecord, "Lost laptop").with_breach(
                    BreachDetails::new(date("2026-03-02"))
                        .with_facts("Laptop left on a train")
                        .with_effects("\u{200B}")
                        .with_remedial_action("Remote wipe"),
                ),
            )
        },
        quiet: |r| {
            r.documents.push(
                Document::new("breach-1", DocumentKind::BreachRecord, "Lost laptop").with_breach(
                    BreachDetails::new(date("2026-03-02"))
                        .with_facts("Laptop left on a train")
                        .with_effects("None: the disk was encrypted")
                        .with_remedial_action("Remote wipe"),
                ),
            )
        },
    },
];

/// Every right a data subject can be told of, but one.
fn all_rights_but(right: DataSubjectRight) -> Vec<DataSubjectRight> {
    DataSubjectRight::ALL
        .iter()
        .copied()
        .filter(|r| *r != right)
        .collect()
}

#[test]
fn the_base_register_is_clean() {
    let report = run(&base());
    assert!(report.is_empty(), "{:#?}", report.findings);
}

#[test]
fn every_rule_fires_with_its_path_and_not_on_the_close_variant() {
    for case in CASES {
        let mut register = base();
        (case.fire)(&mut register);
        let report = run(&register);
        let fired: Vec<&Finding> = report.of_rule(case.rule).collect();
        assert!(
            !fired.is_empty(),
            "{} did not fire; findings: {:#?}",
            case.rule,
            report.findings
        );
        assert!(
            fired.iter().any(|f| f.path == case.path),
            "{} fired at {:?}, expected {}",
            case.rule,
            fired.iter().map(|f| &f.path).collect::<Vec<_>>(),
            case.path
        );
        let severity = fired[0].severity;

        let mut register = base();
        (case.quiet)(&mut register);
        let report = run(&register);
        let still: Vec<&Finding> = report
            .of_rule(case.rule)
            .filter(|f| f.severity == severity)
            .collect();
        assert!(
            still.is_empty(),
            "{} fired on its close variant: {still:#?}",
            case.rule
        );
    }
}

#[test]
fn every_rule_in_the_catalogue_has_a_case() {
    let ids: Vec<&str> = catalogue().iter().map(|r| r.id).collect();
    for id in &ids {
        // `parse-error` is about files, not registers: tests/integration/outputs.rs tests it; the
        // spreadsheet rules are about workbooks: tests/integration/sheet.rs tests them.
        // A rule that can only fire before or after the base date is tested on both sides of its
        // date in tests/integration/law.rs. The policy rules need a policy file:
        // tests/integration/policy.rs tests them.
        assert!(
            *id == "parse-error"
                || id.starts_with("spreadsheet-")
                || id.starts_with("policy-")
                || *id == "recognised-legitimate-interest-before-commencement"
                || *id == "missing-complaints-procedure"
                || CASES.iter().any(|c| c.rule == *id),
            "no test case for {id}"
        );
        assert!(
            id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{id} is not kebab-case"
        );
    }
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), ids.len(), "rule ids repeat");
    for case in CASES {
        assert!(
            ropa::validate::rule(case.rule).is_some(),
            "{} is not in the catalogue",
            case.rule
        );
    }
}

#[test]
fn indefinite_retention_with_review_is_info() {
    let mut register = base();
    act(&mut register).retention[0].retention =
        RetentionPeriod::indefinite(Some(IsoDuration::years(1)));
    let report = run(&register);
    let finding = report.of_rule("indefinite-retention").next().unwrap();
    assert_eq!(finding.severity, Severity::Info);
}

#[test]
fn uk_and_eu_citations_differ() {
    let mut register = base();
    act(&mut register).retention.clear();
    assert_eq!(
        run(&register)
            .of_rule("missing-retention")
            .next()
            .unwrap()
            .citation,
        "UK GDPR Art 30(1)(f)"
    );
    register.regime = Some(Regime::EuGdpr);
    // Established in the UK, the organisation is under UK law whatever the register says.
    assert_eq!(
        run(&register)
            .of_rule("missing-retention")
            .next()
            .unwrap()
            .citation,
        "UK GDPR Art 30(1)(f)"
    );
    org(&mut register).country = Some("IE".parse().unwrap());
    assert_eq!(
        run(&register)
            .of_rule("missing-retention")
            .next()
            .unwrap()
            .citation,
        "GDPR Art 30(1)(f)"
    );
}

#[test]
fn schedule_1_rules_do_not_apply_outside_the_uk() {
    let mut register = base();
    register.regime = Some(Regime::EuGdpr);
    org(&mut register).country = Some("FR".parse().unwrap());
    special(
        &mut register,
        Article9Condition::SubstantialPublicInterest,
        None,
    );
    let report = run(&register);
    assert_eq!(report.of_rule("schedule-1-condition-missing").count(), 0);
}

#[test]
fn minimum_severity_filters_and_order_is_deterministic() {
    let mut register = base();
    act(&mut register).retention.clear();
    register.security_measures.clear();
    let all = run(&register);
    assert_eq!(all, run(&register));
    let errors = validate(
        &register,
        &ValidationOptions::default()
            .as_of(as_of())
            .min_severity(Severity::Error),
    );
    assert!(
        errors
            .findings
            .iter()
            .all(|f| f.severity == Severity::Error)
    );
    assert!(errors.findings.len() < all.findings.len());
}

#[test]
fn the_processor_example_is_clean_and_the_seeds_are_not() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/");
    let processor = ropa::from_path(format!("{dir}northfield-research-processor.json")).unwrap();
    assert!(
        run(&processor).is_empty(),
        "{:#?}",
        run(&processor).findings
    );
    let doncaster = ropa::from_path(format!("{dir}doncaster-peer-support-groups.json")).unwrap();
    let report = run(&doncaster);
    for rule in [
        "schedule-1-condition-missing",
        "derogation-by-public-authority",
        "processor-without-contract",
    ] {
        assert!(report.of_rule(rule).next().is_some(), "{rule}");
    }
    let parents = ropa::from_path(format!("{dir}parents-1st-peer-support.json")).unwrap();
    let report = run(&parents);
    // The five categories without a condition are one gap: one finding naming each.
    let uncovered: Vec<&Finding> = report
        .of_rule("special-category-without-condition")
        .collect();
    assert_eq!(uncovered.len(), 1);
    assert_eq!(
        uncovered[0]
            .message
            .matches("/activities/0/data_categories/")
            .count(),
        5
    );
    assert!(
        report
            .of_rule("implied-consent-for-special-category")
            .next()
            .is_some()
    );
}

#[test]
fn the_readme_lists_every_rule() {
    let readme = include_str!("../../README.md");
    for rule in catalogue() {
        assert!(
            readme.contains(&format!(
                "| `{}` | {} | {} | {} | {} |",
                rule.id,
                rule.severity,
                ropa::law::rule_citations_in_words(rule, Regime::UkGdpr),
                ropa::law::rule_citations_in_words(rule, Regime::EuGdpr),
                rule.summary
            )),
            "README lacks the row of {}",
            rule.id
        );
    }
}

/// The registers of every rule case, fired and quiet, for other tests to judge.
pub fn case_registers() -> Vec<(String, Register)> {
    let mut registers = vec![("rules::BASE".to_owned(), base())];
    for case in CASES {
        for (kind, mutation) in [("fires", case.fire), ("quiet", case.quiet)] {
            let mut register = base();
            mutation(&mut register);
            registers.push((format!("rules case {} ({kind})", case.rule), register));
        }
    }
    registers
}

/// Lists longer than the validator's scan limit (16) are looked up through hash maps and sets;
/// they must find exactly what a scan finds. Each length is checked on both sides of the limit.
#[test]
fn long_lists_resolve_like_short_ones() {
    for n in [1, 2, 16, 17, 40] {
        let mut register = base();
        let a = act(&mut register);
        a.data_categories = (0..n)
            .map(|i| DataCategory::new(format!("c{i}"), format!("Category {i}")))
            .collect();
        a.purposes = (0..n)
            .map(|i| {
                Purpose::new(format!("p{i}"), format!("Purpose {i}"))
                    .with_basis(LawfulBasis::new(Article6Basis::Contract))
                    .with_data_category(format!("c{}", n - 1 - i))
            })
            .collect();
        a.recipients = (0..n)
            .map(|i| {
                Recipient::new(format!("r{i}"), RecipientRole::Processor).with_party("us-vendor")
            })
            .collect();
        // Every recipient but the first is abroad with a transfer; the first has none.
        a.transfers = (1..n)
            .map(|i| {
                Transfer::to_country(CountryCode::US)
                    .with_recipient(format!("r{i}"))
                    .with_mechanism(TransferMechanism::UkIdta)
                    .with_risk_assessment("tra")
            })
            .collect();
        // Retention rules name every category but the first.
        let mut rule = RetentionRule::new(RetentionPeriod::after(
            IsoDuration::years(1),
            RetentionTrigger::LastContact,
        ));
        rule.data_categories = (1..n).map(|i| format!("c{i}").into()).collect();
        a.retention = vec![rule];
        let report = run(&register);
        let paths =
            |rule: &str| -> Vec<String> { report.of_rule(rule).map(|f| f.path.clone()).collect() };
        assert_eq!(paths("dangling-reference"), Vec::<String>::new(), "n = {n}");
        assert_eq!(paths("duplicate-id"), Vec::<String>::new(), "n = {n}");
        assert_eq!(
            paths("recipient-outside-without-transfer"),
            ["/activities/0/recipients/0"],
            "n = {n}"
        );
        let uncovered = paths("data-category-without-retention");
        if n == 1 {
            // A rule naming no category covers them all.
            assert!(uncovered.is_empty());
        } else {
            assert_eq!(uncovered, ["/activities/0/data_categories/0"], "n = {n}");
        }

        // A repeated id and a reference to an id that is not there.
        let a = act(&mut register);
        a.data_categories.push(DataCategory::new("c0", "Again"));
        a.purposes[0].data_categories.push("missing".into());
        let report = run(&register);
        let paths =
            |rule: &str| -> Vec<String> { report.of_rule(rule).map(|f| f.path.clone()).collect() };
        assert_eq!(
            paths("duplicate-id"),
            [format!("/activities/0/data_categories/{n}/id")],
            "n = {n}"
        );
        assert_eq!(
            paths("dangling-reference"),
            [format!(
                "/activities/0/purposes/0/data_categories/{}",
                a_len(&register) - 1
            )],
            "n = {n}"
        );
    }
}

fn a_len(register: &Register) -> usize {
    register.activities[0].purposes[0].data_categories.len()
}

/// The lookup buffers are reused from one activity to the next: ids of an earlier activity's long
/// list must not resolve in a later activity.
#[test]
fn ids_do_not_leak_from_one_activity_to_the_next() {
    let categories = |prefix: &str, n: usize| -> Vec<DataCategory> {
        (0..n)
            .map(|i| DataCategory::new(format!("{prefix}{i}"), format!("Category {i}")))
            .collect()
    };
    for (n, m) in [(3, 1), (40, 1), (40, 20)] {
        let mut register = base();
        act(&mut register).data_categories = categories("c", n);
        let mut second = register.activities[0].clone();
        second.id = "b".into();
        second.data_categories = categories("other", m);
        second.purposes[0].data_categories = vec!["c2".into()];
        register.activities.push(second);
        let report = run(&register);
        let dangling: Vec<&str> = report
            .of_rule("dangling-reference")
            .map(|f| f.path.as_str())
            .collect();
        assert_eq!(
            dangling,
            ["/activities/1/purposes/0/data_categories/0"],
            "n = {n}, m = {m}"
        );
    }
}

/// A region is adequate as its members are: the EEA under the UK GDPR from 1 January 2021 (not
/// before), and not a third country at all under the EU GDPR.
#[test]
fn regions_are_adequate_as_their_members_are() {
    let mut register = base();
    transfer(&mut register, Transfer::to_region(Region::Eea)).mechanism =
        Some(TransferMechanism::Adequacy);
    let options = |day: &str| ValidationOptions::default().as_of(date(day));
    let before = validate(&register, &options("2020-06-01"));
    let finding = before.of_rule("adequacy-not-recognised").next().unwrap();
    assert_eq!(finding.path, "/activities/0/transfers/0/mechanism");
    assert!(
        finding.message.contains("the EEA is not adequate"),
        "{}",
        finding.message
    );
    let after = validate(&register, &options("2021-01-01"));
    assert!(after.of_rule("adequacy-not-recognised").next().is_none());
    register.regime = Some(Regime::EuGdpr);
    let eu = validate(&register, &options("2020-06-01"));
    assert!(eu.of_rule("adequacy-not-recognised").next().is_none());
    assert!(eu.of_rule("transfer-destination-unnamed").next().is_none());
    // A region not set, or one that names no destination, is unnamed and not judged for adequacy.
    register.activities[0].transfers[0].region = None;
    let unset = validate(&register, &options("2020-06-01"));
    assert!(unset.of_rule("adequacy-not-recognised").next().is_none());
    let unnamed = unset
        .of_rule("transfer-destination-unnamed")
        .next()
        .unwrap();
    assert!(
        unnamed.message.contains("set region"),
        "{}",
        unnamed.message
    );
}

/// The member state of establishment decides the EU age of digital consent, before the
/// organisation's own country.
#[test]
fn the_member_state_decides_the_age_of_digital_consent() {
    let mut register = base();
    register.regime = Some(Regime::EuGdpr);
    act(&mut register).information_society_service = true;
    act(&mut register).data_subjects[0].children = true;
    act(&mut register).data_subjects[0].minimum_age = Some(14);
    // Established outside the EU and the UK, the EU default of 16 applies: 14-year-olds are too
    // young.
    org(&mut register).country = Some(CountryCode::US);
    let report = run(&register);
    assert!(report.of_rule("child-consent-age").next().is_some());
    // With France (15) as the member state, still too young; with Spain (14), old enough.
    register.member_state = Some("FR".parse().unwrap());
    assert!(run(&register).of_rule("child-consent-age").next().is_some());
    register.member_state = Some("ES".parse().unwrap());
    assert!(run(&register).of_rule("child-consent-age").next().is_none());
}

/// Bases stated for the whole activity give the rights they bring, as a purpose's do.
#[test]
fn activity_wide_bases_decide_the_rights() {
    let mut register = base();
    act(&mut register).purposes[0].lawful_bases.clear();
    assert!(!applicable_rights(act(&mut register)).contains(&DataSubjectRight::Object));
    act(&mut register).lawful_bases = vec![LawfulBasis::public_task("Local Government Act 1972")];
    let rights = applicable_rights(act(&mut register));
    assert!(rights.contains(&DataSubjectRight::Object));
    assert!(!rights.contains(&DataSubjectRight::Erasure));
    act(&mut register).lawful_bases.clear();
    act(&mut register).data_categories[0].lawful_bases =
        vec![LawfulBasis::consent(Consent::new(ConsentForm::Affirmative))];
    assert!(applicable_rights(act(&mut register)).contains(&DataSubjectRight::WithdrawConsent));
}

/// Rules whose severity depends on the case: each case fires at the severity given, at the path.
struct SeverityCase {
    rule: &'static str,
    path: &'static str,
    severity: Severity,
    citation: &'static str,
    fire: fn(&mut Register),
}

const SEVERITY_CASES: &[SeverityCase] = &[
    SeverityCase {
        rule: "legitimate-interests-without-assessment",
        path: "/activities/0/purposes/0/lawful_bases/0",
        severity: Severity::Warning,
        citation: "UK GDPR Art 6(1)(f)",
        fire: |r| {
            set_basis(r, LawfulBasis::new(Article6Basis::LegitimateInterests));
            basis(r).interest = Some("Fraud prevention".into())
        },
    },
    SeverityCase {
        rule: "legitimate-interests-without-assessment",
        path: "/activities/0/purposes/0/lawful_bases/0",
        severity: Severity::Error,
        citation: "UK GDPR Art 6(1)(f)",
        fire: |r| set_basis(r, LawfulBasis::legitimate_interests(" ", "lia")),
    },
    SeverityCase {
        rule: "joint-controller-without-arrangement",
        path: "/activities/0",
        severity: Severity::Warning,
        citation: "UK GDPR Art 26(1)",
        fire: |r| {
            act(r).role = ActivityRole::JointController;
            act(r).joint_controllers = vec!["partner".into()]
        },
    },
    SeverityCase {
        rule: "joint-controller-without-arrangement",
        path: "/activities/0",
        severity: Severity::Error,
        citation: "UK GDPR Art 30(1)(a)",
        fire: |r| {
            act(r).role = ActivityRole::JointController;
            act(r).joint_arrangement = Some("arrangement".into())
        },
    },
    SeverityCase {
        rule: "processor-without-contract",
        path: "/parties/1/sub_processors/0",
        severity: Severity::Warning,
        citation: "UK GDPR Art 28(4)",
        fire: |r| r.parties[1].sub_processors = vec!["partner".into()],
    },
    SeverityCase {
        rule: "processor-without-contract",
        path: "/activities/0/recipients/0",
        severity: Severity::Warning,
        citation: "UK GDPR Art 28(3)",
        fire: |r| r.parties[1].contract = None,
    },
    SeverityCase {
        rule: "document-kind-mismatch",
        path: "/activities/0/transfers/0/documentation",
        severity: Severity::Error,
        citation: "UK GDPR Art 49(6)",
        fire: |r| {
            us_recipient(r);
            transfer(
                r,
                us_transfer()
                    .with_mechanism(TransferMechanism::CompellingLegitimateInterests)
                    .with_documentation("notice"),
            );
        },
    },
    SeverityCase {
        rule: "document-kind-mismatch",
        path: "/parties/1/contract",
        severity: Severity::Warning,
        citation: "UK GDPR Art 28(3)",
        fire: |r| r.parties[1].contract = Some("notice".into()),
    },
    SeverityCase {
        rule: "special-category-without-condition",
        path: "/activities/0/purposes/1",
        severity: Severity::Warning,
        citation: "UK GDPR Art 9(1)",
        fire: |r| {
            act(r).purposes[0].data_categories = vec!["h".into()];
            act(r).purposes.push(
                Purpose::new("p2", "Referral")
                    .with_basis(LawfulBasis::new(Article6Basis::Contract)),
            );
            act(r).special_category_conditions[0].purposes = vec!["p1".into()]
        },
    },
    SeverityCase {
        rule: "basis-without-legal-source",
        path: "/activities/0/purposes/0/lawful_bases/0",
        severity: Severity::Warning,
        citation: "UK GDPR Art 6(3)",
        fire: |r| set_basis(r, LawfulBasis::new(Article6Basis::PublicTask)),
    },
    SeverityCase {
        rule: "missing-retention",
        path: "/activities/0",
        severity: Severity::Warning,
        citation: "UK GDPR Art 30(1)(f)",
        fire: |r| act(r).retention.clear(),
    },
    SeverityCase {
        rule: "dpo-without-contact",
        path: "/dpo",
        severity: Severity::Error,
        citation: "UK GDPR Art 30(1)(a)",
        fire: |r| r.dpo = Some(Dpo::default()),
    },
];

#[test]
fn severities_and_citations_follow_the_case() {
    for case in SEVERITY_CASES {
        let mut register = base();
        (case.fire)(&mut register);
        let report = run(&register);
        let found = report
            .of_rule(case.rule)
            .find(|f| f.path == case.path && f.severity == case.severity);
        let found = found.unwrap_or_else(|| {
            panic!(
                "{} did not fire as {} at {}: {:#?}",
                case.rule, case.severity, case.path, report.findings
            )
        });
        assert_eq!(found.citation, case.citation, "{}", case.rule);
        assert_eq!(
            report.of_rule(case.rule).count(),
            1,
            "{} fired more than once: {:#?}",
            case.rule,
            report.findings
        );
    }
}

/// One cause, one finding: places sharing one gap are named in one finding, at the object that
/// holds them (so that reordering them moves no finding).
#[test]
fn one_gap_gives_one_finding_naming_each_place() {
    // Two Schedule 1 conditions, one missing appropriate policy document and para 41 entries.
    let mut register = base();
    let mut condition = SpecialCategoryCondition::new(Article9Condition::SubstantialPublicInterest);
    condition.schedule_1_paragraph = Some(Schedule1Paragraph::StatutoryAndGovernmentPurposes);
    let mut second = condition.clone();
    second.schedule_1_paragraph =
        Some(Schedule1Paragraph::SafeguardingChildrenAndIndividualsAtRisk);
    act(&mut register).special_category_conditions = vec![condition, second];
    let report = run(&register);
    for rule in [
        "appropriate-policy-document-missing",
        "para-41-record-incomplete",
    ] {
        let found: Vec<&Finding> = report.of_rule(rule).collect();
        assert_eq!(found.len(), 1, "{rule}: {found:#?}");
        assert_eq!(found[0].path, "/activities/0");
        for place in [
            "/activities/0/special_category_conditions/0 (Art 9(2)(g), Sch 1 para 6)",
            "/activities/0/special_category_conditions/1 (Art 9(2)(g), Sch 1 para 18)",
        ] {
            assert!(
                found[0].message.contains(place),
                "{rule}: {}",
                found[0].message
            );
        }
    }

    // Categories without retention, purposes without a consent record, categories without a
    // condition, bases with consent that is not explicit.
    let mut register = base();
    let a = act(&mut register);
    a.retention[0].data_categories = vec!["c1".into()];
    a.data_categories.push(DataCategory::special(
        "g",
        "Genetics",
        SpecialCategoryKind::Genetic,
    ));
    a.special_category_conditions.clear();
    a.purposes[0].lawful_bases[0].consent = Some(Consent::new(ConsentForm::Implied));
    let mut second = a.purposes[0].clone();
    second.id = "p2".into();
    a.purposes.push(second);
    let report = run(&register);
    for (rule, path, places) in [
        (
            "data-category-without-retention",
            "/activities/0/data_categories",
            [
                "/activities/0/data_categories/1",
                "/activities/0/data_categories/2",
            ],
        ),
        (
            "consent-without-record",
            "/activities/0",
            [
                "/activities/0/purposes/0/lawful_bases/0",
                "/activities/0/purposes/1/lawful_bases/0",
            ],
        ),
        (
            "special-category-without-condition",
            "/activities/0/data_categories",
            [
                "/activities/0/data_categories/1",
                "/activities/0/data_categories/2",
            ],
        ),
        (
            "implied-consent-for-special-category",
            "/activities/0",
            [
                "/activities/0/purposes/0/lawful_bases/0/consent/form",
                "/activities/0/purposes/1/lawful_bases/0/consent/form",
            ],
        ),
    ] {
        let found: Vec<&Finding> = report.of_rule(rule).collect();
        assert_eq!(found.len(), 1, "{rule}: {found:#?}");
        assert_eq!(found[0].path, path, "{rule}");
        for place in places {
            assert!(
                found[0].message.contains(place),
                "{rule}: {}",
                found[0].message
            );
        }
    }
    // Implied consent for special category data is reported once, as the Art 9 error, not again
    // as the Art 4(11) warning.
    assert_eq!(report.of_rule("implied-consent").count(), 0);
}

/// The Art 35(4) list is dated: before the ICO's list applied, a listed operation alone calls for
/// no DPIA; from then on it does.
#[test]
fn the_article_35_4_list_applies_from_its_date() {
    let mut register = base();
    act(&mut register).high_risk_operations = vec![HighRiskOperation::DataMatching];
    act(&mut register).data_categories.truncate(1);
    act(&mut register).special_category_conditions.clear();
    let on = |register: &Register, day: &str| {
        validate(register, &ValidationOptions::default().as_of(date(day)))
            .of_rule("dpia-expected")
            .count()
    };
    assert_eq!(on(&register, "2018-09-24"), 0);
    assert_eq!(on(&register, "2018-09-25"), 1);
    assert!(
        article_35_4_entry(
            Regime::EuGdpr,
            HighRiskOperation::DataMatching,
            date("2026-01-01")
        )
        .is_none()
    );
    register.regime = Some(Regime::EuGdpr);
    org(&mut register).country = Some("FR".parse().unwrap());
    assert_eq!(
        on(&register, "2026-06-01"),
        0,
        "the EU lists are each member state's, not held"
    );
}

/// Look-alike ids are found in long lists (hashed) as in short ones (scanned), and exact
/// duplicates stay duplicate-id only.
#[test]
fn confusable_ids_in_long_lists() {
    for n in [3, 16, 17, 40] {
        let mut register = base();
        let a = act(&mut register);
        a.data_categories = (0..n)
            .map(|i| DataCategory::new(format!("cat-{i}"), format!("Category {i}")))
            .collect();
        a.data_categories
            .push(DataCategory::new("CAT-1", "Shouted"));
        a.data_categories
            .push(DataCategory::new("cat-2", "Exact duplicate"));
        a.data_categories
            .push(DataCategory::new("\u{0441}at-0", "Cyrillic es"));
        let report = run(&register);
        let paths: Vec<&str> = report
            .of_rule("confusable-ids")
            .map(|f| f.path.as_str())
            .collect();
        assert_eq!(
            paths,
            [
                format!("/activities/0/data_categories/{n}/id"),
                format!("/activities/0/data_categories/{}/id", n + 2)
            ],
            "n = {n}"
        );
        assert_eq!(report.of_rule("duplicate-id").count(), 1, "n = {n}");
    }
}

/// The words of a message outside what it quotes from the register ('...' and "..."), JSON
/// Pointers and ids excepted: what the validator itself says.
fn own_words(message: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut quoted = false;
    let mut word = String::new();
    for c in message.chars().chain([' ']) {
        if (c == '\'' || c == '"' || c == '\u{2018}' || c == '\u{2019}')
            && !word.chars().last().is_some_and(char::is_alphanumeric)
        {
            quoted = !quoted;
        } else if !quoted && !c.is_whitespace() {
            word.push(c);
            continue;
        }
        if !word.contains('/') && !word.is_empty() {
            words.push(word.trim_matches(|c: char| !c.is_alphanumeric()).to_owned());
        }
        word.clear();
    }
    words
}

/// Messages name the field a user edits in words ("the policy document field"), not by its JSON
/// name: the reader of a finding is a DPO, not the schema (issue 28, point 8).
#[test]
fn messages_name_fields_in_words() {
    assert_eq!(
        own_words("reference it in policy_document; 'a_b' /x/y_z"),
        ["reference", "it", "in", "policy_document"]
    );
    for case in CASES {
        let mut register = base();
        (case.fire)(&mut register);
        for f in &run(&register).findings {
            let json_names: Vec<String> = own_words(&f.message)
                .into_iter()
                .filter(|w| w.contains('_'))
                .collect();
            assert!(
                json_names.is_empty(),
                "{}: {json_names:?} in {}",
                f.rule,
                f.message
            );
        }
    }
}

/// The rules whose findings may concern no one entry of the Art 30 record: an id or a
/// reference, which may sit anywhere, or the policy file.
const ABOUT_THE_WHOLE: &[&str] = &[
    "duplicate-id",
    "dangling-reference",
    "confusable-ids",
    "document-kind-mismatch",
    "policy-suppression-expired",
    "policy-suppression-unused",
];

/// Every rule's finding is shown in the register report beside the entry it concerns (issue 28,
/// point 5), not on the last row of findings about the activity or the register as a whole.
#[test]
fn every_rule_s_finding_sits_beside_the_entry_it_concerns() {
    use ropa::report::{Format, ReportKind, ReportOptions, render_to_string};
    let options = ReportOptions::default().as_of(as_of());
    for case in CASES {
        let mut register = base();
        (case.fire)(&mut register);
        let text =
            render_to_string(&register, ReportKind::Register, Format::Markdown, &options).unwrap();
        let mark = format!("`{}`: ", case.rule);
        let placed: Vec<&str> = text
            .lines()
            .filter(|line| line.contains(&mark))
            .map(|line| line.split(" | ").next().unwrap_or_default())
            .collect();
        assert!(!placed.is_empty(), "{}: not shown: {text}", case.rule);
        let whole = placed.iter().any(|row| row.contains("as a whole"));
        assert!(
            !whole || ABOUT_THE_WHOLE.contains(&case.rule),
            "{} shown in {placed:?}",
            case.rule
        );
    }
}
