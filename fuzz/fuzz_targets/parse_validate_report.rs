//! Arbitrary bytes through parsing, validation and every report in every format.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ropa::report::{Format, ReportKind, ReportOptions, render};

fuzz_target!(|data: &[u8]| {
    let Ok(register) = ropa::from_slice(data) else {
        return;
    };
    let options = ReportOptions::default().as_of(chrono_date());
    let _ = ropa::validate(&register, &options.validation);
    for kind in ReportKind::ALL {
        for format in Format::ALL {
            let _ = render(&register, *kind, *format, &options, std::io::sink());
        }
    }
    // What parsed must serialize and parse back equal, in the version written.
    let json = ropa::to_string(&register).expect("serializes");
    let mut expected = register;
    expected.schema_version = ropa::SCHEMA_VERSION.to_owned();
    assert_eq!(ropa::from_str(&json).expect("parses back"), expected);
});

fn chrono_date() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}
