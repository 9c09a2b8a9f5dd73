//! Property tests over arbitrary registers, built from every model type's `Arbitrary`: round trip,
//! byte-stable output, and no panic in validation or any report.

use arbitrary::{Arbitrary, Unstructured};
use proptest::prelude::*;

use crate::model::Register;
use crate::report::{Format, ReportKind, ReportOptions, render};
use crate::validate::{ValidationOptions, validate};

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(128)
}

fn register_from(bytes: &[u8]) -> Option<Register> {
    Register::arbitrary(&mut Unstructured::new(bytes)).ok()
}

/// Validation and every report, in every format it supports, on the register.
pub(crate) fn exercise(register: &Register) {
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default();
    let _ = validate(register, &ValidationOptions::default().as_of(day));
    let options = ReportOptions::default().as_of(day);
    for kind in ReportKind::ALL {
        for format in Format::ALL {
            let result = render(register, *kind, *format, &options, std::io::sink());
            let supported = matches!(format, Format::Markdown | Format::Html)
                || (*kind == ReportKind::Register && *format == Format::Csv)
                || (*kind == ReportKind::Findings && *format == Format::Json);
            assert_eq!(result.is_ok(), supported, "{kind} as {format}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn arbitrary_registers_round_trip_byte_stable(bytes in proptest::collection::vec(any::<u8>(), 0..16384)) {
        if let Some(register) = register_from(&bytes) {
            let json = crate::io::to_string(&register).unwrap();
            let parsed = crate::io::from_str(&json).unwrap_or_else(|e| panic!("{e}\n{json}"));
            prop_assert_eq!(&parsed, &register);
            prop_assert_eq!(crate::io::to_string(&parsed).unwrap(), json);
        }
    }

    #[test]
    fn validation_and_reports_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..16384)) {
        if let Some(register) = register_from(&bytes) {
            exercise(&register);
        }
    }
}

#[test]
fn cycles_dangling_references_empty_names_and_far_dates_do_not_panic() {
    let json = r#"{
      "schema_version": "1.0", "organisation": "missing", "representative": "nobody",
      "last_reviewed": "9999-12-31", "next_review": "0000-01-01",
      "parties": [
        {"id": "a", "name": "", "sub_processors": ["b"]},
        {"id": "b", "name": "", "sub_processors": ["a", "a", "c"]},
        {"id": "a", "name": ""}
      ],
      "activities": [{
        "id": "", "name": "", "role": "processor", "end_date": "9999-12-31",
        "on_behalf_of": [{"controller": "zzz"}],
        "data_categories": [{"id": "", "name": "", "special_category": "health", "criminal_offence": true}],
        "special_category_conditions": [{"condition": "health_or_social_care", "data_categories": ["nope"], "purposes": ["nope"], "recipients": ["nope"]}],
        "transfers": [{"destination": "country", "recipient": "ghost", "mechanism": "adequacy"}, {"destination": "worldwide", "mechanism": "derogation"}],
        "retention": [{"retention": {"period": "P999999999Y", "trigger": "end_of_activity", "until": "9999-12-31"},
                       "exceptions": [{"condition": "", "retention": {"indefinite": true}}]}],
        "automated_decisions": [{"description": "", "solely_automated": true, "significant_effects": true, "uses_special_category_data": true}]
      }]
    }"#;
    let register = crate::io::from_str(json).unwrap();
    exercise(&register);
    let report = validate(&register, &ValidationOptions::default());
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.rule == "dangling-reference")
    );
    assert!(report.findings.iter().any(|f| f.rule == "duplicate-id"));
}
