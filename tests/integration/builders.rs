//! Every builder method sets its own field, and what it builds reads back from JSON (issue 28,
//! point 10: a `with_*` for every optional field a user starts from).

use ropa::{
    ActivityRole, Article6Basis, ComplaintsProcedure, DataSubjectRight, NaiveDate, PartialDate,
    Party, ProcessingActivity, QualifiedRight, Register, RiskCriterion,
};

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

#[test]
fn each_activity_builder_sets_its_field() {
    let a = ProcessingActivity::new("a", "Casework", ActivityRole::JointController)
        .with_business_function("Customer services")
        .with_start_date(day("2024-04-01"))
        .with_end_date(day("2027-03-31"))
        .with_last_updated(PartialDate::YearMonth(2026, 11))
        .with_joint_controller("partner")
        .with_joint_arrangement("arrangement")
        .with_large_scale(true)
        .with_risk_criterion(RiskCriterion::EvaluationOrScoring)
        .with_privacy_notice("notice")
        .with_notice_exemption("Art 14(5)(b)")
        .as_information_society_service()
        .with_right_stated(DataSubjectRight::Access)
        .with_right_stated_where(QualifiedRight::new(
            DataSubjectRight::Portability,
            [Article6Basis::Consent],
        ))
        .with_breach("breach-1")
        .with_note("Moved in 2026");
    assert_eq!(a.business_function.as_deref(), Some("Customer services"));
    assert_eq!(a.start_date, Some(day("2024-04-01")));
    assert_eq!(a.end_date, Some(day("2027-03-31")));
    assert_eq!(a.last_updated, Some(PartialDate::YearMonth(2026, 11)));
    assert_eq!(a.joint_controllers[0].as_str(), "partner");
    assert_eq!(
        a.joint_arrangement.as_ref().map(|d| d.as_str()),
        Some("arrangement")
    );
    assert_eq!(a.large_scale, Some(true));
    assert_eq!(a.risk_criteria, [RiskCriterion::EvaluationOrScoring]);
    assert_eq!(
        a.privacy_notice.as_ref().map(|d| d.as_str()),
        Some("notice")
    );
    assert_eq!(a.notice_exemption.as_deref(), Some("Art 14(5)(b)"));
    assert!(a.information_society_service);
    assert_eq!(a.rights_stated, [DataSubjectRight::Access]);
    assert_eq!(
        a.rights_stated_where[0].right,
        DataSubjectRight::Portability
    );
    assert_eq!(a.breaches[0].as_str(), "breach-1");
    assert_eq!(a.notes, ["Moved in 2026"]);

    let register = Register::new(Party::new("org", "Org"))
        .with_owner("Information Governance")
        .with_last_reviewed(day("2026-01-15"))
        .with_next_review(day("2026-07-15"))
        .with_representative(Party::new("rep", "EU Representative Ltd"))
        .with_complaints_procedure(ComplaintsProcedure::described(
            "Acknowledged within 30 days",
        ))
        .with_activity(a);
    assert_eq!(register.owner.as_deref(), Some("Information Governance"));
    assert_eq!(register.last_reviewed, Some(day("2026-01-15")));
    assert_eq!(register.next_review, Some(day("2026-07-15")));
    assert_eq!(
        register.representative.as_ref().map(|p| p.as_str()),
        Some("rep")
    );
    assert!(
        register.parties.iter().any(|p| p.id.as_str() == "rep"),
        "the representative is a party"
    );
    assert!(register.complaints_procedure.is_some());
    let json = ropa::to_string(&register).unwrap();
    assert_eq!(ropa::from_str(&json).unwrap(), register);
}

#[test]
fn each_validation_option_sets_its_field() {
    let options = ropa::ValidationOptions::default()
        .regime(ropa::Regime::EuGdpr)
        .as_of(day("2026-12-06"))
        .min_severity(ropa::Severity::Warning);
    assert_eq!(options.regime, ropa::Regime::EuGdpr);
    assert_eq!(options.as_of, Some(day("2026-12-06")));
    assert_eq!(options.min_severity, ropa::Severity::Warning);
    assert!(options.policy.is_none());
}
