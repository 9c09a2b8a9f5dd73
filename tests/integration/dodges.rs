//! Ways a register could hide a real gap (issue 24), each with the finding that must name it and
//! the honest record that gives no such finding.

use ropa::report::{Format, ReportKind, ReportOptions, render_to_string};
use ropa::*;

use super::rules::{act, base, processor_role, run, transfer, us_recipient, us_transfer};

struct Dodge {
    /// What the register does to hide the gap.
    name: &'static str,
    rule: &'static str,
    severity: Severity,
    path: &'static str,
    hide: fn(&mut Register),
    /// The same facts recorded honestly, complete: no finding of the rule at that severity.
    honest: fn(&mut Register),
}

fn no_special_condition(r: &mut Register) {
    act(r).special_category_conditions.clear();
}

fn to_controller_later(r: &mut Register) {
    processor_role(r);
    no_special_condition(r);
    act(r).role_changes.push(RoleChange::new(
        "once the data is in our own systems",
        ActivityRole::Controller,
    ));
}

fn to_joint_later(r: &mut Register) {
    act(r).role_changes.push(RoleChange::new(
        "until the data reaches the provider's own systems",
        ActivityRole::JointController,
    ));
}

fn system(r: &mut Register, s: System) {
    act(r).systems = vec![s];
}

fn us_system_hosted_at_home(r: &mut Register) {
    let mut s = System::new("CRM").with_provider("us-vendor");
    s.country = Some(CountryCode::GB);
    system(r, s);
}

const DODGES: &[Dodge] = &[
    Dodge {
        name: "a change from processor to controller hides the missing Art 9 condition",
        rule: "special-category-without-condition",
        severity: Severity::Error,
        path: "/activities/0/data_categories/1",
        hide: to_controller_later,
        honest: |r| {
            to_controller_later(r);
            r.activities[0].special_category_conditions =
                base().activities[0].special_category_conditions.clone();
        },
    },
    Dodge {
        name: "a change to joint controller needs no arrangement",
        rule: "joint-controller-without-arrangement",
        severity: Severity::Warning,
        path: "/activities/0",
        hide: to_joint_later,
        honest: |r| {
            to_joint_later(r);
            act(r).joint_controllers = vec!["partner".into()];
            act(r).joint_arrangement = Some("arrangement".into());
        },
    },
    Dodge {
        name: "a change to joint controller names no other controller",
        rule: "joint-controller-without-arrangement",
        severity: Severity::Error,
        path: "/activities/0",
        hide: to_joint_later,
        honest: |r| {
            to_joint_later(r);
            act(r).joint_controllers = vec!["partner".into()];
        },
    },
    Dodge {
        name: "a transfer to a US processor recorded as worldwide",
        rule: "transfer-destination-unnamed",
        severity: Severity::Error,
        path: "/activities/0/transfers/0/destination",
        hide: |r| {
            us_recipient(r);
            transfer(
                r,
                Transfer::worldwide()
                    .with_recipient("us")
                    .with_mechanism(TransferMechanism::UkIdta)
                    .with_risk_assessment("tra"),
            );
        },
        honest: |r| {
            us_recipient(r);
            transfer(
                r,
                us_transfer()
                    .with_mechanism(TransferMechanism::UkIdta)
                    .with_risk_assessment("tra"),
            );
        },
    },
    Dodge {
        name: "a transfer to the EEA on adequacy whose recipient is in the US",
        rule: "transfer-country-mismatch",
        severity: Severity::Error,
        path: "/activities/0/transfers/0/region",
        hide: |r| {
            us_recipient(r);
            transfer(
                r,
                Transfer::to_region(Region::Eea)
                    .with_recipient("us")
                    .with_mechanism(TransferMechanism::Adequacy),
            );
        },
        honest: |r| {
            let mut ie = Recipient::new("us", RecipientRole::IndependentController);
            ie.country = Some("IE".parse().unwrap());
            act(r).recipients.push(ie);
            transfer(
                r,
                Transfer::to_region(Region::Eea)
                    .with_recipient("us")
                    .with_mechanism(TransferMechanism::Adequacy),
            );
        },
    },
    Dodge {
        name: "a system hosted outside the UK with no transfer",
        rule: "recipient-outside-without-transfer",
        severity: Severity::Error,
        path: "/activities/0/systems/0/region",
        hide: |r| {
            let mut s = System::new("Mail");
            s.region = Some(Region::OutsideUk);
            system(r, s);
        },
        honest: |r| {
            let mut s = System::new("Mail");
            s.region = Some(Region::OutsideUk);
            system(r, s);
            transfer(
                r,
                Transfer::to_country("JP".parse().unwrap())
                    .with_mechanism(TransferMechanism::Adequacy),
            );
        },
    },
    Dodge {
        name: "a US provider's system recorded as hosted in the UK",
        rule: "recipient-outside-without-transfer",
        severity: Severity::Error,
        path: "/activities/0/systems/0",
        hide: us_system_hosted_at_home,
        honest: |r| {
            us_system_hosted_at_home(r);
            transfer(
                r,
                Transfer::to_country(CountryCode::US)
                    .with_mechanism(TransferMechanism::UkIdta)
                    .with_risk_assessment("tra"),
            );
        },
    },
    Dodge {
        name: "a recipient recorded in the UK whose party is in the US",
        rule: "recipient-outside-without-transfer",
        severity: Severity::Error,
        path: "/activities/0/recipients/1",
        hide: |r| {
            us_recipient(r);
            act(r).recipients[1].country = Some(CountryCode::GB);
        },
        honest: |r| {
            us_recipient(r);
            act(r).recipients[1].country = Some(CountryCode::GB);
            transfer(
                r,
                us_transfer()
                    .with_mechanism(TransferMechanism::UkIdta)
                    .with_risk_assessment("tra"),
            );
        },
    },
    Dodge {
        name: "a transfer to the UK for a recipient whose party is in the US",
        rule: "transfer-country-mismatch",
        severity: Severity::Error,
        path: "/activities/0/transfers/0/country",
        hide: |r| {
            us_recipient(r);
            act(r).recipients[1].country = Some(CountryCode::GB);
            transfer(
                r,
                Transfer::to_country(CountryCode::GB).with_recipient("us"),
            );
        },
        honest: |r| {
            us_recipient(r);
            transfer(
                r,
                us_transfer()
                    .with_mechanism(TransferMechanism::UkIdta)
                    .with_risk_assessment("tra"),
            );
        },
    },
    Dodge {
        name: "a US company recorded as the public",
        rule: "recipient-role-contradicts-party",
        severity: Severity::Error,
        path: "/activities/0/recipients/1/role",
        hide: |r| {
            act(r)
                .recipients
                .push(Recipient::new("us", RecipientRole::Public).with_party("us-vendor"));
        },
        honest: |r| {
            act(r)
                .recipients
                .push(Recipient::new("us", RecipientRole::Public));
        },
    },
    Dodge {
        name: "a company recorded as internal staff",
        rule: "recipient-role-contradicts-party",
        severity: Severity::Error,
        path: "/recipients/0/role",
        hide: |r| {
            r.recipients
                .push(Recipient::new("staff", RecipientRole::Internal).with_party("partner"));
        },
        honest: |r| {
            r.recipients
                .push(Recipient::new("staff", RecipientRole::Internal).with_party("org"));
        },
    },
    Dodge {
        name: "a US company recorded as the public escapes the transfer check",
        rule: "recipient-outside-without-transfer",
        severity: Severity::Error,
        path: "/activities/0/recipients/1",
        hide: |r| {
            act(r)
                .recipients
                .push(Recipient::new("us", RecipientRole::Public).with_party("us-vendor"));
        },
        honest: |r| {
            act(r)
                .recipients
                .push(Recipient::new("us", RecipientRole::Public));
        },
    },
    Dodge {
        name: "a US sub-processor with no transfer",
        rule: "recipient-outside-without-transfer",
        severity: Severity::Error,
        path: "/parties/1/sub_processors/0",
        hide: |r| {
            r.parties[1].sub_processors = vec!["us-vendor".into()];
        },
        honest: |r| {
            r.parties[1].sub_processors = vec!["us-vendor".into()];
            us_recipient(r);
            transfer(
                r,
                us_transfer()
                    .with_mechanism(TransferMechanism::UkIdta)
                    .with_risk_assessment("tra"),
            );
        },
    },
    Dodge {
        name: "a UK transfer on US adequacy to a recipient certified only to the EU-US framework",
        rule: "adequacy-not-recognised",
        severity: Severity::Warning,
        path: "/activities/0/transfers/0/mechanism",
        hide: |r| {
            us_recipient(r);
            r.parties[3].dpf_certified = true;
            transfer(r, us_transfer().with_mechanism(TransferMechanism::Adequacy));
        },
        honest: |r| {
            us_recipient(r);
            r.parties[3].dpf_certified = true;
            r.parties[3].dpf_uk_extension = true;
            transfer(r, us_transfer().with_mechanism(TransferMechanism::Adequacy));
        },
    },
    Dodge {
        name: "Canadian adequacy claimed for a Canadian public body",
        rule: "adequacy-not-recognised",
        severity: Severity::Error,
        path: "/activities/0/transfers/0/mechanism",
        hide: |r| canada(r, RecipientRole::PublicAuthority),
        honest: |r| canada(r, RecipientRole::IndependentController),
    },
    Dodge {
        name: "a processor record without the foreign controller's representative",
        rule: "processor-record-incomplete",
        severity: Severity::Warning,
        path: "/activities/0/on_behalf_of/0",
        hide: |r| {
            processor_role(r);
            act(r).on_behalf_of[0].controller = "us-vendor".into();
        },
        honest: |r| {
            processor_role(r);
            act(r).on_behalf_of[0].controller = "us-vendor".into();
            act(r).on_behalf_of[0].representative = Some("partner".into());
        },
    },
    Dodge {
        name: "a processor record naming a representative without contact details",
        rule: "processor-record-incomplete",
        severity: Severity::Error,
        path: "/activities/0/on_behalf_of/0/representative",
        hide: |r| {
            processor_role(r);
            act(r).on_behalf_of[0].representative = Some("partner".into());
            r.parties[2].contacts.clear();
        },
        honest: |r| {
            processor_role(r);
            act(r).on_behalf_of[0].representative = Some("partner".into());
        },
    },
    Dodge {
        name: "a rights restriction with a blank ground",
        rule: "available-right-not-stated",
        severity: Severity::Error,
        path: "/activities/0/rights_stated",
        hide: |r| without_erasure(r, "  "),
        honest: |r| without_erasure(r, "DPA 2018 Sch 2 para 2 (crime and taxation)"),
    },
    Dodge {
        name: "a restriction of the right to complain to the regulator",
        rule: "available-right-not-stated",
        severity: Severity::Error,
        path: "/activities/0/rights_stated",
        hide: |r| {
            every_right_but(r, DataSubjectRight::Complain);
            act(r).rights_restrictions = vec![
                RightsRestriction::new("DPA 2018 Sch 2 para 2")
                    .of_right(DataSubjectRight::Complain),
            ];
        },
        honest: |r| every_right_but(r, DataSubjectRight::BeInformed),
    },
    Dodge {
        name: "retention decided by no one",
        rule: "missing-retention",
        severity: Severity::Warning,
        path: "/activities/0",
        hide: |r| {
            retention(
                r,
                RetentionPeriod::decided_by(RetentionDecidedBy::described(" ")),
            )
        },
        honest: |r| {
            retention(
                r,
                RetentionPeriod::decided_by(RetentionDecidedBy::party("partner")),
            )
        },
    },
    Dodge {
        name: "retention decided by the organisation itself",
        rule: "missing-retention",
        severity: Severity::Warning,
        path: "/activities/0",
        hide: |r| {
            retention(
                r,
                RetentionPeriod::decided_by(RetentionDecidedBy::party("org")),
            )
        },
        honest: |r| {
            retention(
                r,
                RetentionPeriod::decided_by(RetentionDecidedBy::party("partner")),
            )
        },
    },
    Dodge {
        name: "retention that only ends earlier on an event",
        rule: "missing-retention",
        severity: Severity::Warning,
        path: "/activities/0",
        hide: |r| {
            retention(
                r,
                RetentionPeriod::default().or_earlier_at(RetentionTrigger::ConsentWithdrawal),
            )
        },
        honest: |r| {
            retention(
                r,
                RetentionPeriod::after(IsoDuration::years(1), RetentionTrigger::Collection)
                    .or_earlier_at(RetentionTrigger::ConsentWithdrawal),
            )
        },
    },
    Dodge {
        name: "a stage that marks data inactive and no end",
        rule: "missing-retention",
        severity: Severity::Warning,
        path: "/activities/0",
        hide: |r| stage_only(r, DisposalAction::MarkInactive),
        honest: |r| stage_only(r, DisposalAction::Delete),
    },
    Dodge {
        name: "a rule that only points to a policy",
        rule: "missing-retention",
        severity: Severity::Warning,
        path: "/activities/0",
        hide: |r| {
            let mut rule = RetentionRule::new(RetentionPeriod::default());
            rule.policy = Some("notice".into());
            act(r).retention = vec![rule];
        },
        honest: |r| {
            let mut rule = RetentionRule::new(RetentionPeriod::after(
                IsoDuration::years(6),
                RetentionTrigger::Collection,
            ));
            rule.policy = Some("notice".into());
            act(r).retention = vec![rule];
        },
    },
    Dodge {
        name: "a period longer than any life",
        rule: "indefinite-retention",
        severity: Severity::Warning,
        path: "/activities/0/retention/0/retention",
        hide: |r| {
            retention(
                r,
                RetentionPeriod::after(IsoDuration::years(9999), RetentionTrigger::Collection),
            )
        },
        honest: |r| {
            retention(
                r,
                RetentionPeriod::after(IsoDuration::years(100), RetentionTrigger::Collection),
            )
        },
    },
    Dodge {
        name: "indefinite retention reviewed every zero days",
        rule: "indefinite-retention",
        severity: Severity::Warning,
        path: "/activities/0/retention/0/retention",
        hide: |r| retention(r, RetentionPeriod::indefinite(Some(IsoDuration::days(0)))),
        honest: |r| retention(r, RetentionPeriod::indefinite(Some(IsoDuration::years(1)))),
    },
];

fn retention(r: &mut Register, period: RetentionPeriod) {
    act(r).retention = vec![RetentionRule::new(period)];
}

fn stage_only(r: &mut Register, action: DisposalAction) {
    let stage = RetentionStage::new(
        RetentionPeriod::after(IsoDuration::years(2), RetentionTrigger::LastContact),
        action,
    );
    act(r).retention = vec![RetentionRule::new(RetentionPeriod::default()).with_stage(stage)];
}

/// The notice states every right the activity gives but `left_out`.
fn every_right_but(r: &mut Register, left_out: DataSubjectRight) {
    let rights = applicable_rights(&r.activities[0]);
    act(r).rights_stated = rights.into_iter().filter(|x| *x != left_out).collect();
}

/// The notice leaves out erasure, restricted on `ground`.
fn without_erasure(r: &mut Register, ground: &str) {
    every_right_but(r, DataSubjectRight::Erasure);
    act(r).rights_restrictions =
        vec![RightsRestriction::new(ground).of_right(DataSubjectRight::Erasure)];
}

fn canada(r: &mut Register, role: RecipientRole) {
    let ca: CountryCode = "CA".parse().unwrap();
    act(r).recipients.push({
        let mut recipient = Recipient::new("ca", role);
        recipient.country = Some(ca);
        recipient
    });
    transfer(
        r,
        Transfer::to_country(ca)
            .with_recipient("ca")
            .with_mechanism(TransferMechanism::Adequacy),
    );
}

/// A finding in one line, for failure messages.
fn line(f: &Finding) -> String {
    format!("{} {:?} {}: {}", f.rule, f.severity, f.path, f.message)
}

#[test]
fn every_dodge_is_found_and_its_honest_record_is_not() {
    let mut failures = Vec::new();
    for dodge in DODGES {
        let mut register = base();
        (dodge.hide)(&mut register);
        let report = run(&register);
        let found = report
            .of_rule(dodge.rule)
            .any(|f| f.path == dodge.path && f.severity == dodge.severity);
        if !found {
            let all: Vec<String> = report.findings.iter().map(line).collect();
            failures.push(format!(
                "{}: no {} {:?} at {}; findings:\n  {}",
                dodge.name,
                dodge.rule,
                dodge.severity,
                dodge.path,
                all.join("\n  ")
            ));
        }

        let mut register = base();
        (dodge.honest)(&mut register);
        let report = run(&register);
        let still: Vec<String> = report
            .of_rule(dodge.rule)
            .filter(|f| f.severity == dodge.severity)
            .map(line)
            .collect();
        if !still.is_empty() {
            failures.push(format!(
                "{}: honest record still gives\n  {}",
                dodge.name,
                still.join("\n  ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

// Findings that were wrong (issue 24, point 8): each fires no more where the record is right, and
// still fires where it is not.

#[test]
fn a_right_stated_depending_on_the_basis_is_not_reported_as_unavailable() {
    let mut register = base();
    // Consent gives no right to object; the notice says "depending on our reason".
    act(&mut register).rights_stated = applicable_rights(&register.activities[0]);
    act(&mut register)
        .rights_stated_where
        .push(QualifiedRight::new(DataSubjectRight::Object, []));
    assert!(
        run(&register)
            .of_rule("stated-right-not-available")
            .next()
            .is_none()
    );
    // Stated where a basis applies that does give it: right.
    act(&mut register).rights_stated_where[0].bases = vec![Article6Basis::PublicTask];
    assert!(
        run(&register)
            .of_rule("stated-right-not-available")
            .next()
            .is_none()
    );
    // Stated where a basis applies that does not give it: wrong.
    act(&mut register).rights_stated_where[0].bases = vec![Article6Basis::Consent];
    let report = run(&register);
    let finding = report.of_rule("stated-right-not-available").next().unwrap();
    assert!(
        finding.message.contains("/rights_stated_where/0"),
        "{}",
        finding.message
    );
}

#[test]
fn a_right_stated_for_some_bases_counts_as_stated() {
    let mut register = base();
    let rights = applicable_rights(&register.activities[0]);
    act(&mut register).rights_stated = rights
        .iter()
        .copied()
        .filter(|r| *r != DataSubjectRight::WithdrawConsent)
        .collect();
    assert!(
        run(&register)
            .of_rule("available-right-not-stated")
            .next()
            .is_some()
    );
    act(&mut register)
        .rights_stated_where
        .push(QualifiedRight::new(
            DataSubjectRight::WithdrawConsent,
            [Article6Basis::Consent],
        ));
    assert!(
        run(&register)
            .of_rule("available-right-not-stated")
            .next()
            .is_none()
    );
}

#[test]
fn a_class_of_joint_controllers_without_its_list_is_a_warning_and_a_named_one_an_error() {
    let mut register = base();
    register.parties.push(Party::class(
        "providers",
        "The providers you apply to",
        None,
    ));
    act(&mut register).role = ActivityRole::JointController;
    act(&mut register).joint_controllers = vec!["providers".into()];
    act(&mut register).joint_arrangement = Some("arrangement".into());
    let severities: Vec<Severity> = run(&register)
        .of_rule("missing-controller-contact")
        .map(|f| f.severity)
        .collect();
    assert_eq!(severities, [Severity::Warning]);
    register.parties[2].contacts.clear();
    act(&mut register).joint_controllers = vec!["partner".into()];
    let severities: Vec<Severity> = run(&register)
        .of_rule("missing-controller-contact")
        .map(|f| f.severity)
        .collect();
    assert_eq!(severities, [Severity::Error]);
}

#[test]
fn a_legal_hold_is_not_indefinite_retention_without_review() {
    let mut register = base();
    let mut held = RetentionPeriod::indefinite(None);
    held.legal_hold = Some(LegalHold::set_by("the court hearing the case"));
    act(&mut register).retention = vec![RetentionRule::new(held.clone())];
    let report = run(&register);
    let severities: Vec<Severity> = report
        .of_rule("indefinite-retention")
        .map(|f| f.severity)
        .collect();
    assert_eq!(severities, [Severity::Info], "{:#?}", report.findings);
    assert!(report.of_rule("missing-retention").next().is_none());
    // A hold set by no one, or by the organisation itself, ends nothing.
    for hold in [LegalHold::set_by(" "), {
        let mut own = LegalHold::default();
        own.party = Some("org".into());
        own
    }] {
        held.legal_hold = Some(hold);
        act(&mut register).retention = vec![RetentionRule::new(held.clone())];
        let severities: Vec<Severity> = run(&register)
            .of_rule("indefinite-retention")
            .map(|f| f.severity)
            .collect();
        assert_eq!(severities, [Severity::Warning]);
    }
    // The finding names who set the hold: in words, or the party.
    let mut by_party = LegalHold::default();
    by_party.party = Some("partner".into());
    held.legal_hold = Some(by_party.clone());
    act(&mut register).retention = vec![RetentionRule::new(held.clone())];
    let message = |r: &Register| {
        run(r)
            .of_rule("indefinite-retention")
            .map(|f| f.message.clone())
            .next()
            .unwrap()
    };
    assert!(
        message(&register).contains("set by Partner Ltd,"),
        "{}",
        message(&register)
    );
    by_party.set_by = Some(" ".into());
    held.legal_hold = Some(by_party);
    act(&mut register).retention = vec![RetentionRule::new(held.clone())];
    assert!(
        message(&register).contains("set by Partner Ltd,"),
        "{}",
        message(&register)
    );
    held.legal_hold = Some(LegalHold::set_by("the court hearing the case"));
    act(&mut register).retention = vec![RetentionRule::new(held.clone())];
    assert!(
        message(&register).contains("set by the court hearing the case,"),
        "{}",
        message(&register)
    );
    // A hold alone (no period, not marked indefinite) states when the data goes, if someone set it.
    let mut only_hold = RetentionPeriod::default();
    only_hold.legal_hold = Some(LegalHold::set_by("the court"));
    act(&mut register).retention = vec![RetentionRule::new(only_hold.clone())];
    assert!(run(&register).of_rule("missing-retention").next().is_none());
    only_hold.legal_hold = Some(LegalHold::set_by(" "));
    act(&mut register).retention = vec![RetentionRule::new(only_hold)];
    assert!(run(&register).of_rule("missing-retention").next().is_some());
    // A review interval of zero is said as it is, not as "every immediately".
    let mut checked = LegalHold::set_by("the court");
    checked.review_interval = Some(IsoDuration::days(0));
    held.legal_hold = Some(checked.clone());
    act(&mut register).retention = vec![RetentionRule::new(held.clone())];
    let text = render_to_string(
        &register,
        ReportKind::Retention,
        Format::Markdown,
        &ReportOptions::default(),
    )
    .unwrap();
    assert!(text.contains("with a review interval of zero"), "{text}");
    checked.review_interval = Some(IsoDuration::years(1));
    held.legal_hold = Some(checked);
    act(&mut register).retention = vec![RetentionRule::new(held.clone())];
    let text = render_to_string(
        &register,
        ReportKind::Retention,
        Format::Markdown,
        &ReportOptions::default(),
    )
    .unwrap();
    assert!(text.contains("checked every 1 year"), "{text}");
    held.legal_hold = Some(LegalHold::set_by("the court hearing the case"));
    // The retention report says what the hold is.
    held.legal_hold = Some(LegalHold::set_by("the court hearing the case"));
    act(&mut register).retention = vec![RetentionRule::new(held)];
    let text = render_to_string(
        &register,
        ReportKind::Retention,
        Format::Markdown,
        &ReportOptions::default(),
    )
    .unwrap();
    assert!(text.contains("When the legal hold is lifted"), "{text}");
    assert!(
        text.contains("the legal hold set by the court hearing the case is lifted"),
        "{text}"
    );
}

// The citation follows the law that applies (issue 24, point 6).

#[test]
fn a_uk_organisation_on_the_eu_regime_is_judged_and_cited_under_uk_law() {
    let mut register = base();
    register.regime = Some(Regime::EuGdpr);
    us_recipient(&mut register);
    transfer(
        &mut register,
        us_transfer()
            .with_mechanism(TransferMechanism::EuStandardContractualClauses)
            .with_risk_assessment("tra"),
    );
    act(&mut register).special_category_conditions.clear();
    let report = run(&register);
    assert!(
        report
            .of_rule("eu-regime-for-uk-organisation")
            .next()
            .is_some()
    );
    // Judged under UK law: bare EU SCCs need the UK Addendum.
    assert!(
        report
            .of_rule("eu-sccs-without-uk-addendum")
            .next()
            .is_some()
    );
    let eu_cited: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.citation.starts_with("GDPR"))
        .collect();
    assert!(eu_cited.is_empty(), "{eu_cited:#?}");
    let finding = report
        .of_rule("special-category-without-condition")
        .next()
        .unwrap();
    assert_eq!(finding.citation, "UK GDPR Art 9(1)");
    // Before 2021 the EU GDPR applied, and is cited.
    let before = validate(
        &register,
        &ValidationOptions::default().as_of("2020-06-01".parse().unwrap()),
    );
    let finding = before
        .of_rule("special-category-without-condition")
        .next()
        .unwrap();
    assert_eq!(finding.citation, "GDPR Art 9(1)");
}

#[test]
fn derogation_guidance_is_the_regulators_own() {
    let mut register = base();
    us_recipient(&mut register);
    transfer(
        &mut register,
        us_transfer()
            .with_mechanism(TransferMechanism::Derogation)
            .with_derogation(Article49Derogation::ExplicitConsent)
            .with_frequency(TransferFrequency::Regular),
    );
    let cite = |register: &Register| {
        run(register)
            .of_rule("derogation-used-for-regular-transfer")
            .next()
            .unwrap()
            .citation
            .clone()
    };
    assert_eq!(
        cite(&register),
        "ICO guidance on international transfers (the exceptions)"
    );
    register.regime = Some(Regime::EuGdpr);
    register.parties[0].country = Some("IE".parse().unwrap());
    assert_eq!(cite(&register), "EDPB Guidelines 2/2018");
}

#[test]
fn a_processor_without_security_measures_cites_the_processor_record() {
    let mut register = base();
    register.security_measures.clear();
    let cite = |register: &Register| {
        run(register)
            .of_rule("missing-security-measures")
            .next()
            .unwrap()
            .citation
            .clone()
    };
    assert_eq!(cite(&register), "UK GDPR Art 30(1)(g)");
    processor_role(&mut register);
    assert_eq!(cite(&register), "UK GDPR Art 30(2)(d)");
}

/// Sch 1 para 8 (equality) serves groups, not measures about a person (issue 24, point 13).
#[test]
fn equality_of_opportunity_does_not_serve_individual_needs_or_decisions() {
    let mut register = base();
    let mut c = SpecialCategoryCondition::new(Article9Condition::SubstantialPublicInterest);
    c.schedule_1_paragraph = Some(Schedule1Paragraph::EqualityOfOpportunity);
    c.policy_document = Some("apd".into());
    c.para_41 = Some(Para41Record::new("Art 6(1)(a) consent", true));
    act(&mut register).special_category_conditions = vec![c];
    let out_of_scope = |r: &Register| {
        run(r)
            .of_rule("schedule-1-condition-out-of-scope")
            .map(|f| f.message.clone())
            .collect::<Vec<_>>()
    };
    assert!(out_of_scope(&register).is_empty());
    // A purpose that caters for a person's own needs.
    act(&mut register).purposes[0].about_individuals = true;
    let found = out_of_scope(&register);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].contains("/activities/0/purposes/0"),
        "{}",
        found[0]
    );
    // Not where the condition is limited to other purposes.
    act(&mut register)
        .purposes
        .push(Purpose::new("p2", "Monitoring equality between groups"));
    act(&mut register).special_category_conditions[0].purposes = vec!["p2".into()];
    assert!(out_of_scope(&register).is_empty());
    act(&mut register).special_category_conditions[0]
        .purposes
        .clear();
    act(&mut register).purposes[0].about_individuals = false;
    // An automated decision without significant effects is no decision about the person.
    let mut d = AutomatedDecision::new("Panel selection");
    d.solely_automated = true;
    act(&mut register).automated_decisions = vec![d.clone()];
    assert!(out_of_scope(&register).is_empty());
    // A significant automated decision about people.
    d.significant_effects = true;
    act(&mut register).automated_decisions = vec![d];
    let found = out_of_scope(&register);
    assert_eq!(found.len(), 1);
    assert!(found[0].contains("automated_decisions/0"), "{}", found[0]);
}

/// The para 8 finding names three purposes about individuals, then says how many more.
#[test]
fn the_equality_finding_names_three_purposes_then_counts_the_rest() {
    let mut register = base();
    let mut c = SpecialCategoryCondition::new(Article9Condition::SubstantialPublicInterest);
    c.schedule_1_paragraph = Some(Schedule1Paragraph::EqualityOfOpportunity);
    c.policy_document = Some("apd".into());
    c.para_41 = Some(Para41Record::new("Art 6(1)(a) consent", true));
    act(&mut register).special_category_conditions = vec![c];
    act(&mut register).purposes[0].about_individuals = true;
    for n in 2..=3 {
        let mut p = Purpose::new(format!("p{n}"), format!("Needs {n}"));
        p.about_individuals = true;
        act(&mut register).purposes.push(p);
    }
    let message = |r: &Register| {
        run(r)
            .of_rule("schedule-1-condition-out-of-scope")
            .map(|f| f.message.clone())
            .next()
            .unwrap()
    };
    let three = message(&register);
    assert!(
        three.contains("/purposes/2") && !three.contains(" more;"),
        "{three}"
    );
    let mut p = Purpose::new("p4", "Needs 4");
    p.about_individuals = true;
    act(&mut register).purposes.push(p);
    let four = message(&register);
    assert!(!four.contains("/purposes/3"), "{four}");
    assert!(four.contains(" and 1 more;"), "{four}");
}

/// A disclosure is processing of its own (issue 24, point 5).
#[test]
fn a_disclosure_of_special_category_data_needs_its_own_ground() {
    let fired = |r: &Register| {
        run(r)
            .of_rule("disclosure-without-ground")
            .map(|f| (f.path.clone(), f.citation.clone()))
            .collect::<Vec<_>>()
    };
    let mut register = base();
    let mut police = Recipient::new("police", RecipientRole::LawEnforcement);
    police.data_categories = vec!["h".into()];
    act(&mut register).recipients.push(police);
    assert_eq!(
        fired(&register),
        [(
            "/activities/0/recipients/1".to_owned(),
            "UK GDPR Art 9(1)".to_owned()
        )]
    );
    // The activity's explicit consent is for its own processing; a condition naming the
    // recipient covers the disclosure.
    act(&mut register).special_category_conditions[0].recipients = vec!["police".into()];
    assert!(fired(&register).is_empty());
    act(&mut register).special_category_conditions[0]
        .recipients
        .clear();
    // Explicit consent to the disclosure itself covers it; implied consent does not, and is an
    // error of its own.
    let mut consent = Consent::new(ConsentForm::Explicit);
    act(&mut register).recipients[1].consent = Some(consent.clone());
    assert!(fired(&register).is_empty());
    consent.form = Some(ConsentForm::Implied);
    act(&mut register).recipients[1].consent = Some(consent);
    assert_eq!(fired(&register).len(), 1);
    let implied: Vec<String> = run(&register)
        .of_rule("implied-consent-for-special-category")
        .map(|f| f.path.clone())
        .collect();
    assert!(
        implied.contains(&"/activities/0/recipients/1/consent/form".to_owned()),
        "{implied:?}"
    );
    act(&mut register).recipients[1].consent = None;
    // A processor acts for the organisation: no disclosure of its own.
    act(&mut register).recipients[1].role = Some(RecipientRole::Processor);
    assert!(fired(&register).is_empty());
    act(&mut register).recipients[1].role = Some(RecipientRole::LawEnforcement);
    // Ordinary data only: nothing to judge.
    act(&mut register).recipients[1].data_categories = vec!["c1".into()];
    assert!(fired(&register).is_empty());
    // Categories not stated: it may get the health data (and no criminal offence data).
    act(&mut register).recipients[1].data_categories.clear();
    assert_eq!(
        fired(&register),
        [(
            "/activities/0/recipients/1".to_owned(),
            "UK GDPR Art 9(1)".to_owned()
        )]
    );
    // A free-text category that may hold special category data counts as such.
    act(&mut register).data_categories[1].special_category = None;
    act(&mut register).data_categories[1].may_include_special_category = true;
    assert_eq!(fired(&register).len(), 1);
    act(&mut register).recipients[1].data_categories = vec!["h".into()];
    assert_eq!(fired(&register).len(), 1);
    act(&mut register).recipients[1].data_categories.clear();
    act(&mut register).data_categories[1].may_include_special_category = false;
    act(&mut register).data_categories[1].special_category = Some(SpecialCategoryKind::Health);
    // Anonymised data is not personal data.
    act(&mut register).recipients[1].data_form = Some(DataForm::Anonymised);
    assert!(fired(&register).is_empty());
    act(&mut register).recipients[1].data_form = None;
    // Criminal offence data: Art 10, covered by an exemption or an Art 10 authority.
    act(&mut register).data_categories[1].special_category = None;
    act(&mut register).data_categories[1].criminal_offence = true;
    act(&mut register).recipients[1].data_categories = vec!["h".into()];
    assert_eq!(fired(&register)[0].1, "UK GDPR Art 10");
    // Its categories not stated, it may receive the criminal offence data too.
    act(&mut register).recipients[1].data_categories.clear();
    assert_eq!(fired(&register)[0].1, "UK GDPR Art 10");
    act(&mut register).recipients[1].exemption = Some("DPA 2018 Sch 2 para 2".into());
    assert!(fired(&register).is_empty());
    act(&mut register).recipients[1].exemption = None;
    act(&mut register).recipients[1].data_categories = vec!["h".into()];
    act(&mut register).recipients[1].exemption = Some("DPA 2018 Sch 2 para 2".into());
    assert!(fired(&register).is_empty());
}

/// The edges of the region checks: the EU is not the EEA, and hosting is only certainly abroad
/// outside the regime's own territory.
#[test]
fn regions_and_hosting_are_judged_by_the_regime_s_own_territory() {
    let findings = |r: &Register, rule: &str| {
        run(r)
            .of_rule(rule)
            .map(|f| f.path.clone())
            .collect::<Vec<_>>()
    };
    // A transfer to the EU whose recipient is in Norway, in the EEA but not the EU.
    let mut register = base();
    let mut norway = Recipient::new("no", RecipientRole::IndependentController);
    norway.country = Some("NO".parse().unwrap());
    act(&mut register).recipients.push(norway);
    transfer(
        &mut register,
        Transfer::to_region(Region::Eu)
            .with_recipient("no")
            .with_mechanism(TransferMechanism::Adequacy),
    );
    assert_eq!(
        findings(&register, "transfer-country-mismatch"),
        ["/activities/0/transfers/0/region"]
    );
    act(&mut register).transfers[0].region = Some(Region::Eea);
    assert!(findings(&register, "transfer-country-mismatch").is_empty());

    // Hosting outside the UK: a transfer within the UK does not leave, one to the EEA does.
    let mut register = base();
    let mut mail = System::new("Mail");
    mail.region = Some(Region::OutsideUk);
    act(&mut register).systems = vec![mail];
    transfer(&mut register, Transfer::to_country(CountryCode::GB));
    assert_eq!(
        findings(&register, "recipient-outside-without-transfer"),
        ["/activities/0/systems/0/region"]
    );
    act(&mut register).transfers[0] =
        Transfer::to_region(Region::Eea).with_mechanism(TransferMechanism::Adequacy);
    assert!(findings(&register, "recipient-outside-without-transfer").is_empty());

    // Under the UK GDPR, "outside the EEA" may be the UK itself: no transfer is presumed.
    let mut register = base();
    let mut mail = System::new("Mail");
    mail.region = Some(Region::OutsideEea);
    act(&mut register).systems = vec![mail];
    assert!(findings(&register, "recipient-outside-without-transfer").is_empty());

    // Under the EU GDPR it is abroad, and a transfer within the EEA does not leave the territory.
    register.regime = Some(Regime::EuGdpr);
    register.parties[0].country = Some("IE".parse().unwrap());
    // (The base register's processor is in the UK, a third country for the EU GDPR.)
    act(&mut register).recipients.clear();
    transfer(
        &mut register,
        Transfer::to_region(Region::Eea).with_mechanism(TransferMechanism::Adequacy),
    );
    assert_eq!(
        findings(&register, "recipient-outside-without-transfer"),
        ["/activities/0/systems/0/region"]
    );
    act(&mut register).transfers[0] =
        Transfer::to_country("JP".parse().unwrap()).with_mechanism(TransferMechanism::Adequacy);
    assert!(findings(&register, "recipient-outside-without-transfer").is_empty());
}

/// The rights each basis gives, as `right_given` says, on each side of every condition.
#[test]
fn the_rights_a_basis_gives() {
    use Article6Basis as B;
    use DataSubjectRight as R;
    for (right, bases, explicit, given) in [
        (R::WithdrawConsent, &[B::Consent][..], false, true),
        (R::WithdrawConsent, &[B::PublicTask][..], true, true),
        (R::WithdrawConsent, &[B::PublicTask][..], false, false),
        (R::Portability, &[B::Contract][..], false, true),
        (R::Portability, &[B::PublicTask][..], true, true),
        (R::Portability, &[B::LegitimateInterests][..], false, false),
        (
            R::Erasure,
            &[B::PublicTask, B::LegalObligation][..],
            false,
            false,
        ),
        (R::Erasure, &[B::PublicTask, B::Consent][..], false, true),
        (
            R::Object,
            &[B::RecognisedLegitimateInterest][..],
            false,
            true,
        ),
        (R::Object, &[B::Consent][..], false, false),
        (R::Access, &[][..], false, true),
    ] {
        assert_eq!(
            right_given(right, bases, explicit),
            given,
            "{right:?} on {bases:?}, explicit consent {explicit}"
        );
    }
}

/// UK law (the DPA 2018) applies under the UK GDPR wherever the organisation is established, and
/// to an organisation established in the UK under either regime.
#[test]
fn uk_law_follows_the_regime_or_the_establishment() {
    let para_41 = |r: &Register, day: &str| {
        validate(r, &ValidationOptions::default().as_of(day.parse().unwrap()))
            .of_rule("para-41-record-incomplete")
            .count()
    };
    let mut register = base();
    let mut c = SpecialCategoryCondition::new(Article9Condition::SubstantialPublicInterest);
    c.schedule_1_paragraph = Some(Schedule1Paragraph::StatutoryAndGovernmentPurposes);
    c.policy_document = Some("apd".into());
    act(&mut register).special_category_conditions = vec![c];
    assert_eq!(para_41(&register, "2026-06-01"), 1);
    // Under the UK GDPR, established abroad.
    register.parties[0].country = Some(CountryCode::US);
    assert_eq!(para_41(&register, "2026-06-01"), 1);
    // Under the EU GDPR, established in the UK before 2021: the DPA 2018 supplemented it.
    register.regime = Some(Regime::EuGdpr);
    register.parties[0].country = Some(CountryCode::GB);
    assert_eq!(para_41(&register, "2020-06-01"), 1);
    // Under the EU GDPR, established in Ireland: no DPA 2018.
    register.parties[0].country = Some("IE".parse().unwrap());
    assert_eq!(para_41(&register, "2020-06-01"), 0);
}

/// Art 22 and Arts 22A-22D reach only decisions both solely automated and significant.
#[test]
fn only_solely_automated_significant_decisions_need_a_basis() {
    for (solely, significant, fires) in [
        (true, true, true),
        (true, false, false),
        (false, true, false),
    ] {
        let mut register = base();
        let mut d = AutomatedDecision::new("Eligibility scoring");
        d.solely_automated = solely;
        d.significant_effects = significant;
        act(&mut register).automated_decisions = vec![d];
        let report = validate(
            &register,
            &ValidationOptions::default().as_of("2026-01-01".parse().unwrap()),
        );
        assert_eq!(
            report.of_rule("automated-decision-without-basis").count() == 1,
            fires,
            "solely {solely}, significant {significant}"
        );
    }
}

/// A UK organisation that records an EU member state of establishment keeps the EU GDPR for it;
/// one whose "member state" is not in the EEA does not.
#[test]
fn an_eu_establishment_keeps_the_eu_regime() {
    let mut register = base();
    register.regime = Some(Regime::EuGdpr);
    act(&mut register).retention.clear();
    let cite = |r: &Register| {
        run(r)
            .of_rule("missing-retention")
            .next()
            .unwrap()
            .citation
            .clone()
    };
    register.member_state = Some("IE".parse().unwrap());
    assert_eq!(cite(&register), "GDPR Art 30(1)(f)");
    assert!(
        run(&register)
            .of_rule("eu-regime-for-uk-organisation")
            .next()
            .is_none()
    );
    register.member_state = Some(CountryCode::US);
    assert_eq!(cite(&register), "UK GDPR Art 30(1)(f)");
    assert!(
        run(&register)
            .of_rule("eu-regime-for-uk-organisation")
            .next()
            .is_some()
    );
}

/// A recipient in the organisation's own country is not abroad, nor one in the regime's territory.
#[test]
fn a_recipient_at_home_needs_no_transfer() {
    let mut register = base();
    // An organisation established in the US, under the UK GDPR.
    register.parties[0].country = Some(CountryCode::US);
    let outside = |r: &Register| {
        run(r)
            .of_rule("recipient-outside-without-transfer")
            .map(|f| f.path.clone())
            .collect::<Vec<_>>()
    };
    // Its UK processor is in the regime's own territory; a US recipient is at its home.
    us_recipient(&mut register);
    assert!(outside(&register).is_empty(), "{:?}", outside(&register));
    // A recipient in a third country that is neither is abroad.
    act(&mut register).recipients[1].country = Some("IN".parse().unwrap());
    assert_eq!(outside(&register), ["/activities/0/recipients/1"]);
}

/// A Canadian public body is outside PIPEDA whether its role or its party says so.
#[test]
fn a_public_body_by_its_party_is_outside_private_sector_adequacy() {
    let mut register = base();
    let ca: CountryCode = "CA".parse().unwrap();
    register.parties.push({
        let mut p = Party::new("ca-body", "Canadian agency").with_country(ca);
        p.kind = Some(PartyKind::PublicAuthority);
        p
    });
    act(&mut register)
        .recipients
        .push(Recipient::new("ca", RecipientRole::IndependentController).with_party("ca-body"));
    transfer(
        &mut register,
        Transfer::to_country(ca)
            .with_recipient("ca")
            .with_mechanism(TransferMechanism::Adequacy),
    );
    let fired = |r: &Register| run(r).of_rule("adequacy-not-recognised").count();
    assert_eq!(fired(&register), 1);
    register.parties[4].kind = Some(PartyKind::Company);
    assert_eq!(fired(&register), 0);
}
