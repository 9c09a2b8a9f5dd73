//! Deterministic synthetic registers, for benchmarks, load tests and property tests.
//!
//! [`synthetic_register`] builds a realistic register of any size from a seed: mixed lawful
//! bases, special category and criminal offence data with and without their conditions,
//! transfers under every mechanism, every form of retention, about one processor per ten
//! activities, and about one activity in ten carrying exactly one error that validation finds.
//! The same seed and size give the same register, and so the same bytes.

use chrono::NaiveDate;

use crate::model::*;

mod activity;
mod adversarial;

use activity::activity;
pub use adversarial::{Shape, adversarial_register};

/// A small, fast, deterministic random number generator (SplitMix64), so that the output does not
/// depend on any other crate's algorithm.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `bound` (which must not be 0).
    pub fn below(&mut self, bound: usize) -> usize {
        (self.next_u64() % bound.max(1) as u64) as usize
    }

    /// True with probability 1 in `n`.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    /// One element of a non-empty slice.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// A register of `activities` processing activities, the same for the same `seed`.
///
/// # Examples
///
/// ```
/// let a = ropa::synth::synthetic_register(50, 7);
/// let b = ropa::synth::synthetic_register(50, 7);
/// assert_eq!(ropa::to_string(&a)?, ropa::to_string(&b)?);
/// assert_eq!(a.activities.len(), 50);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn synthetic_register(activities: usize, seed: u64) -> Register {
    let mut rng = SplitMix64::new(seed);
    let public = !rng.one_in(3);
    let processors = activities / 10 + 1;
    let mut register = Register::new(organisation(public));
    register.regime = Some(Regime::UkGdpr);
    register.dpo = Some(Dpo::new(Contact::new().with_email("dpo@synthetic.example")));
    register.supervisory_authority = Some("ico".into());
    register.last_reviewed = NaiveDate::from_ymd_opt(2026, 1, 15);
    register.next_review = NaiveDate::from_ymd_opt(2030, 1, 15);
    register.security_measures = vec![
        SecurityMeasure::new(SecurityMeasureKind::AccessControl)
            .with_description("Role-based access"),
        SecurityMeasure::new(SecurityMeasureKind::EncryptionAtRest),
        SecurityMeasure::new(SecurityMeasureKind::StaffTraining),
    ];
    add_parties(&mut register, processors);
    add_documents(&mut register);
    register.activities = (0..activities)
        .map(|i| activity(&mut rng, i, processors, public))
        .collect();
    register
}

/// The organisation: a council or a company.
fn organisation(public: bool) -> Party {
    Party::new(
        "org",
        if public {
            "Synthetic Borough Council"
        } else {
            "Synthetic Services Ltd"
        },
    )
    .with_kind(if public {
        PartyKind::PublicAuthority
    } else {
        PartyKind::Company
    })
    .with_country(CountryCode::GB)
    .with_contact(
        Contact::new()
            .with_address("1 High Street, Exampleton EX1 1AA")
            .with_email("info@synthetic.example"),
    )
}

/// The processors (about one per ten activities, some in the US), a partner and the regulator.
fn add_parties(register: &mut Register, processors: usize) {
    for i in 0..processors {
        let country = if i % 7 == 3 {
            CountryCode::US
        } else {
            CountryCode::GB
        };
        let mut processor = Party::new(format!("processor-{i}"), format!("Processor {i} Ltd"))
            .with_kind(PartyKind::Company)
            .with_country(country)
            .with_contract(format!("contract-{i}"))
            .with_contact(Contact::new().with_email(format!("privacy@processor-{i}.example")));
        processor.dpf_certified = country == CountryCode::US && i % 2 == 1;
        processor.dpf_uk_extension = processor.dpf_certified;
        register.parties.push(processor);
        register.documents.push(Document::new(
            format!("contract-{i}"),
            DocumentKind::Art28Contract,
            format!("Data processing agreement with Processor {i} Ltd"),
        ));
    }
    register.parties.push(
        Party::new("partner", "Partner Trust")
            .with_kind(PartyKind::PublicAuthority)
            .with_country(CountryCode::GB)
            .with_contact(Contact::new().with_email("ig@partner.example")),
    );
    register.parties.push(
        Party::new("ico", "Information Commissioner's Office")
            .with_kind(PartyKind::SupervisoryAuthority)
            .with_country(CountryCode::GB)
            .with_contact(Contact::new().with_phone("0303 123 1113")),
    );
}

/// The documents the activities refer to.
fn add_documents(register: &mut Register) {
    for (id, kind, title) in [
        (
            "apd",
            DocumentKind::AppropriatePolicyDocument,
            "Appropriate policy document",
        ),
        (
            "lia",
            DocumentKind::LegitimateInterestsAssessment,
            "Legitimate interests assessment",
        ),
        (
            "tra",
            DocumentKind::TransferRiskAssessment,
            "Transfer risk assessment",
        ),
        (
            "transfer-docs",
            DocumentKind::TransferDocumentation,
            "Transfer documentation",
        ),
        (
            "arrangement",
            DocumentKind::JointControllerArrangement,
            "Joint controller arrangement",
        ),
        ("consents", DocumentKind::ConsentRecord, "Consent records"),
        ("notice", DocumentKind::PrivacyNotice, "Privacy notice"),
        ("dpia", DocumentKind::Dpia, "DPIA"),
        (
            "retention",
            DocumentKind::RetentionPolicy,
            "Retention schedule",
        ),
    ] {
        register.documents.push(Document::new(id, kind, title));
    }
}

/// The register with every name, description and title changed: a second version in which every
/// item changed, for measuring a diff.
///
/// # Examples
///
/// ```
/// use ropa::synth::{adversarial_register, revised, Shape};
///
/// let old = adversarial_register(Shape::PurposesWithBases, 3);
/// let new = revised(&old);
/// assert_eq!(new.activities[0].purposes[1].description, "Statutory duty 0 (revised)");
/// assert_eq!(ropa::diff::diff(&old, &new).changes.len(), 10);
/// ```
pub fn revised(register: &Register) -> Register {
    fn revise(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, value) in map.iter_mut() {
                    match value {
                        serde_json::Value::String(s)
                            if matches!(key.as_str(), "name" | "description" | "title") =>
                        {
                            s.push_str(" (revised)");
                        }
                        _ => revise(value),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(revise),
            _ => {}
        }
    }
    // Neither conversion fails on a register: its map keys are strings and only free text changes.
    let Ok(mut value) = serde_json::to_value(register) else {
        return register.clone();
    };
    revise(&mut value);
    serde_json::from_value(value).unwrap_or_else(|_| register.clone())
}
