//! The synthetic register generator: deterministic, and its errors are exactly the injected ones.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use ropa::synth::synthetic_register;
use ropa::{Severity, ValidationOptions, validate};

#[test]
fn same_seed_same_bytes_and_round_trip() {
    let a = ropa::to_string(&synthetic_register(200, 42)).unwrap();
    let b = ropa::to_string(&synthetic_register(200, 42)).unwrap();
    assert_eq!(a, b);
    assert_ne!(a, ropa::to_string(&synthetic_register(200, 43)).unwrap());
    assert_eq!(ropa::to_string(&ropa::from_str(&a).unwrap()).unwrap(), a);
}

#[test]
fn errors_are_exactly_the_injected_ones() {
    for seed in 0..5 {
        let register = synthetic_register(300, seed);
        let report = validate(
            &register,
            &ValidationOptions::default().as_of(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()),
        );
        let with_errors: BTreeSet<usize> = report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| {
                f.path
                    .split('/')
                    .nth(2)
                    .and_then(|n| n.parse().ok())
                    .unwrap_or_else(|| panic!("error outside activities: {f:?}"))
            })
            .collect();
        let injected: BTreeSet<usize> = (0..300)
            .filter(|i| i % 10 == 7 && i % 20 != 5 && i % 20 != 11)
            .collect();
        assert_eq!(
            with_errors,
            injected,
            "seed {seed}: {:#?}",
            report
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .take(5)
                .collect::<Vec<_>>()
        );
        let mechanisms: BTreeSet<_> = register
            .activities
            .iter()
            .flat_map(|a| &a.transfers)
            .filter_map(|t| t.mechanism)
            .collect();
        assert!(mechanisms.len() >= 10, "seed {seed}: {mechanisms:?}");
    }
}
