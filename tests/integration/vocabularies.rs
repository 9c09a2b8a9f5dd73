//! serde and strum must spell every variant of every closed vocabulary the same way.

use std::str::FromStr;

use ropa::*;

fn check<T>(all: &[T])
where
    T: Copy
        + PartialEq
        + std::fmt::Debug
        + std::fmt::Display
        + FromStr
        + serde::Serialize
        + serde::de::DeserializeOwned,
    <T as FromStr>::Err: std::fmt::Debug,
{
    assert!(!all.is_empty());
    let mut seen = std::collections::BTreeSet::new();
    for &variant in all {
        let strum = variant.to_string();
        let serde = serde_json::to_value(variant).unwrap();
        assert_eq!(
            serde,
            serde_json::Value::String(strum.clone()),
            "{variant:?}"
        );
        assert_eq!(T::from_str(&strum).unwrap(), variant, "{variant:?}");
        assert_eq!(
            serde_json::from_value::<T>(serde).unwrap(),
            variant,
            "{variant:?}"
        );
        assert!(
            strum
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "{strum}"
        );
        assert!(seen.insert(strum.clone()), "spelling {strum} repeats");
    }
}

macro_rules! vocabularies {
    ($($name:ident),+ $(,)?) => {
        $(
            #[test]
            #[allow(non_snake_case, reason = "each test is named after its vocabulary type")]
            fn $name() {
                check($name::ALL);
            }
        )+
    };
}

vocabularies!(
    Annex1Condition,
    DecisionSafeguard,
    ActivityRole,
    ActivityStatus,
    Article22Basis,
    Article35Trigger,
    Article49Derogation,
    Article6Basis,
    Article9Condition,
    ConsentForm,
    CriminalOffenceAuthority,
    DataForm,
    DataSubjectRight,
    DisposalAction,
    DocumentKind,
    Dpa2018Section8,
    DpiaStatus,
    PartyKind,
    Provision,
    RecipientRole,
    Regime,
    RetentionTrigger,
    RiskCriterion,
    Schedule1Paragraph,
    Schedule1Part,
    SecurityMeasureKind,
    SourceKind,
    SpecialCategoryKind,
    TransferDestination,
    TransferFrequency,
    TransferMechanism,
);

#[test]
fn schedule_1_covers_paragraphs_1_to_37_except_5() {
    let numbers: Vec<u8> = Schedule1Paragraph::ALL
        .iter()
        .map(|p| p.paragraph())
        .collect();
    let expected: Vec<u8> = (1..=37).filter(|&n| n != 5).collect();
    assert_eq!(numbers, expected);
    assert!(Schedule1Paragraph::EqualityOfOpportunity.needs_policy_document());
    assert!(!Schedule1Paragraph::HealthOrSocialCare.needs_policy_document());
    assert!(!Schedule1Paragraph::CriminalConsent.needs_policy_document());
}
