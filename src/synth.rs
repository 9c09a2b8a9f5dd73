//! Deterministic synthetic registers, for benchmarks, load tests and property tests.
//!
//! [`synthetic_register`] builds a realistic register of any size from a seed: mixed lawful
//! bases, special category and criminal offence data with and without their conditions,
//! transfers under every mechanism, every form of retention, about one processor per ten
//! activities, and about one activity in ten carrying exactly one error that validation finds.
//! The same seed and size give the same register, and so the same bytes.

use chrono::NaiveDate;

use crate::model::*;

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

const FUNCTIONS: &[&str] = &[
    "Adult social care",
    "Children's services",
    "Housing",
    "Human resources",
    "Finance",
    "Libraries",
    "Waste and recycling",
    "Customer services",
    "Public health",
    "Planning",
];
const PROCESSES: &[&str] = &[
    "case management",
    "payments",
    "enquiries",
    "surveys",
    "recruitment",
    "grants",
    "complaints",
    "events",
    "licensing",
    "safeguarding referrals",
];
const ORDINARY: &[&str] = &[
    "Name",
    "Address",
    "Email address",
    "Phone number",
    "Date of birth",
    "Bank details",
    "Case notes",
    "Postcode",
    "National Insurance number",
    "Household composition",
];
const STATUTES: &[&str] = &[
    "Care Act 2014",
    "Children Act 1989",
    "Housing Act 1996",
    "Localism Act 2011",
    "Equality Act 2010",
    "Public Health (Control of Disease) Act 1984",
];
const THIRD: &[&str] = &["JP", "CH", "NZ", "CA", "KR", "US", "IN", "AU", "BR", "ZA"];

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
    let organisation = Party::new(
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
    );
    let processors = activities / 10 + 1;
    let mut register = Register::new(organisation);
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
    register.activities = (0..activities)
        .map(|i| activity(&mut rng, i, processors, public))
        .collect();
    register
}

fn activity(rng: &mut SplitMix64, i: usize, processors: usize, public: bool) -> ProcessingActivity {
    let function = rng.pick(FUNCTIONS);
    let process = rng.pick(PROCESSES);
    let role = match i % 20 {
        5 => ActivityRole::Processor,
        11 => ActivityRole::JointController,
        _ => ActivityRole::Controller,
    };
    let mut a = ProcessingActivity::new(
        format!("act-{i}"),
        format!("{function}: {process} ({i})"),
        role,
    )
    .with_description(format!("Synthetic activity {i}: {process} in {function}."))
    .with_status(ActivityStatus::Active);
    a.business_function = Some(function.to_owned());
    a.start_date = NaiveDate::from_ymd_opt(
        2020 + (i % 6) as i32,
        1 + (i % 12) as u32,
        1 + (i % 28) as u32,
    );
    a.privacy_notice = Some("notice".into());
    match role {
        ActivityRole::Processor => a.on_behalf_of.push(
            OnBehalfOf::new("partner")
                .with_processing(format!("{process} on the partner's instructions"))
                .with_contract(format!("contract-{}", i % processors)),
        ),
        ActivityRole::JointController => {
            a.joint_controllers.push("partner".into());
            a.joint_arrangement = Some("arrangement".into());
        }
        ActivityRole::Controller => {}
    }

    // Data subjects.
    let mut subjects = DataSubjectCategory::new(
        "s0",
        if rng.one_in(2) {
            "Residents"
        } else {
            "Service users"
        },
    );
    if rng.one_in(6) {
        subjects.children = true;
        subjects.minimum_age = Some(13);
    }
    a.data_subjects.push(subjects);
    if rng.one_in(3) {
        a.data_subjects
            .push(DataSubjectCategory::new("s1", "Staff"));
    }

    // Data categories.
    for c in 0..2 + rng.below(4) {
        let source = if rng.one_in(5) {
            DataSource::new(SourceKind::ThirdParty).with_description("Referring agency")
        } else {
            DataSource::new(SourceKind::DataSubject)
        };
        a.data_categories.push(
            DataCategory::new(format!("c{c}"), rng.pick(ORDINARY))
                .with_provision(if rng.one_in(3) {
                    Provision::Optional
                } else {
                    Provision::Required
                })
                .with_source(source),
        );
    }
    let special = role != ActivityRole::Processor && rng.one_in(3);
    if special {
        a.data_categories.push(DataCategory::special(
            "sc",
            "Special category data",
            rng.pick(SpecialCategoryKind::ALL),
        ));
        let condition = special_condition(rng, public);
        // A Schedule 1 condition serves only some kinds of data (para 8: not, e.g., biometric
        // data); keep the generated data within its scope.
        if let Some(paragraph) = condition.schedule_1_paragraph
            && let Some(category) = a.data_categories.last_mut()
            && category
                .special_category
                .is_some_and(|kind| !paragraph.serves(kind))
        {
            category.special_category = Some(SpecialCategoryKind::Health);
        }
        a.special_category_conditions.push(condition);
    }
    if role != ActivityRole::Processor && rng.one_in(12) {
        a.data_categories.push(DataCategory::criminal_offence(
            "co",
            "Criminal record checks",
        ));
        let mut condition =
            CriminalOffenceCondition::new(CriminalOffenceAuthority::AuthorisedByLaw)
                .with_schedule_1(Schedule1Paragraph::PreventingUnlawfulActs);
        condition.policy_document = Some("apd".into());
        condition.para_41 = Some(Para41Record::new("Art 6(1)(e)", true));
        a.criminal_offence_conditions.push(condition);
    }

    // Purposes.
    if role != ActivityRole::Processor {
        for p in 0..1 + rng.below(3) {
            a.purposes.push(
                Purpose::new(format!("p{p}"), format!("{process} purpose {p}"))
                    .with_basis(basis(rng, public)),
            );
        }
    }

    // Recipients and transfers.
    let processor = i % processors;
    a.recipients.push(
        Recipient::new("r0", RecipientRole::Processor)
            .with_party(format!("processor-{processor}"))
            .with_data_form(DataForm::Identifiable),
    );
    if rng.one_in(3) {
        a.recipients
            .push(Recipient::new("r1", RecipientRole::Internal).with_category("Finance team"));
    }
    if processor % 7 == 3 {
        let mut transfer = Transfer::to_country(CountryCode::US)
            .with_recipient("r0")
            .with_frequency(TransferFrequency::Regular);
        transfer = if processor % 2 == 1 {
            transfer.with_mechanism(TransferMechanism::Adequacy)
        } else {
            transfer
                .with_mechanism(TransferMechanism::UkIdta)
                .with_risk_assessment("tra")
        };
        a.transfers.push(transfer);
    }
    if i % 5 == 2 {
        a.recipients.push(
            Recipient::new("r2", RecipientRole::IndependentController)
                .with_category("Overseas partner"),
        );
        let country: CountryCode = rng.pick(THIRD).parse().unwrap_or(CountryCode::US);
        let mut transfer = Transfer::to_country(country)
            .with_recipient("r2")
            .with_frequency(TransferFrequency::Regular);
        transfer = match rng.pick(TransferMechanism::ALL) {
            TransferMechanism::Adequacy | TransferMechanism::EuStandardContractualClauses => {
                transfer
                    .with_mechanism(TransferMechanism::EuSccsWithUkAddendum)
                    .with_risk_assessment("tra")
            }
            TransferMechanism::Derogation => transfer
                .with_derogation(if public {
                    Article49Derogation::PublicInterest
                } else {
                    Article49Derogation::ContractWithDataSubject
                })
                .with_frequency(TransferFrequency::Occasional),
            TransferMechanism::CompellingLegitimateInterests if !public => transfer
                .with_mechanism(TransferMechanism::CompellingLegitimateInterests)
                .with_documentation("transfer-docs")
                .with_frequency(TransferFrequency::Occasional),
            TransferMechanism::CompellingLegitimateInterests => transfer
                .with_mechanism(TransferMechanism::BindingCorporateRules)
                .with_risk_assessment("tra"),
            mechanism => transfer
                .with_mechanism(mechanism)
                .with_risk_assessment("tra"),
        };
        a.transfers.push(transfer);
    }

    // Retention, in every form.
    if role != ActivityRole::Processor {
        a.retention.push(retention(rng, i));
    }
    if rng.one_in(2) {
        a.security_measures.push(
            SecurityMeasure::new(rng.pick(SecurityMeasureKind::ALL))
                .with_description("Activity-specific measure"),
        );
    }
    if special || a.has_criminal_offence_data() || a.data_subjects.iter().any(|s| s.children) {
        a.dpia = Some(Dpia::new(DpiaStatus::Completed).with_document("dpia"));
    }

    // Some controllers record that they make no automated decisions (Art 13(2)(f)); the rest
    // leave it unsaid. Chosen by position, not by the generator, so other fields stay as they were.
    a.no_automated_decisions = role != ActivityRole::Processor && i.is_multiple_of(3);

    if i % 10 == 7 && role == ActivityRole::Controller {
        inject_error(&mut a, i / 10);
    }
    a
}

fn special_condition(rng: &mut SplitMix64, public: bool) -> SpecialCategoryCondition {
    let choice = rng.below(4);
    let (condition, paragraph) = match choice {
        0 => (Article9Condition::ExplicitConsent, None),
        1 if public => (
            Article9Condition::SubstantialPublicInterest,
            Some(rng.pick(&[
                Schedule1Paragraph::StatutoryAndGovernmentPurposes,
                Schedule1Paragraph::SafeguardingChildrenAndIndividualsAtRisk,
                Schedule1Paragraph::EqualityOfOpportunity,
            ])),
        ),
        2 => (
            Article9Condition::EmploymentSocialSecurity,
            Some(Schedule1Paragraph::EmploymentSocialSecurity),
        ),
        _ => (
            Article9Condition::HealthOrSocialCare,
            Some(Schedule1Paragraph::HealthOrSocialCare),
        ),
    };
    let mut c = SpecialCategoryCondition::new(condition);
    c.schedule_1_paragraph = paragraph;
    if paragraph.is_some_and(|p| p.needs_policy_document()) {
        c.policy_document = Some("apd".into());
        c.para_41 = Some(Para41Record::new("Art 6(1)(e) public task", true));
    }
    c
}

fn basis(rng: &mut SplitMix64, public: bool) -> LawfulBasis {
    match rng.below(6) {
        0 => LawfulBasis::consent(
            Consent::new(ConsentForm::Explicit)
                .with_record("consents")
                .with_withdrawal("Email dpo@synthetic.example"),
        ),
        1 => LawfulBasis::new(Article6Basis::Contract),
        2 => LawfulBasis::legal_obligation(rng.pick(STATUTES)),
        3 if !public => LawfulBasis::legitimate_interests("Improving our services", "lia"),
        4 => LawfulBasis::new(Article6Basis::VitalInterests),
        _ => {
            let mut b = LawfulBasis::public_task(rng.pick(STATUTES));
            b.dpa_2018_section_8 = Some(Dpa2018Section8::FunctionConferredByEnactment);
            b
        }
    }
}

fn retention(rng: &mut SplitMix64, i: usize) -> RetentionRule {
    let period = |n: u32| match n % 4 {
        0 => IsoDuration::years(1 + n % 7),
        1 => IsoDuration::months(1 + n % 24),
        2 => IsoDuration::weeks(1 + n % 8),
        _ => IsoDuration::days(28),
    };
    let trigger = rng.pick(RetentionTrigger::ALL);
    let mut rule = match i % 6 {
        0 => RetentionRule::new(RetentionPeriod::after(period(i as u32), trigger)),
        1 => RetentionRule::new(RetentionPeriod::until(
            NaiveDate::from_ymd_opt(2031, 3, 31).unwrap_or_default(),
        )),
        2 => RetentionRule::new(RetentionPeriod::indefinite(Some(IsoDuration::years(1))))
            .with_wording("Indefinitely, reviewed annually"),
        3 => RetentionRule::new(RetentionPeriod::after(
            IsoDuration::months(1),
            RetentionTrigger::EnquiryResponse,
        ))
        .with_exception(RetentionException::new(
            "There is a safeguarding concern",
            RetentionPeriod::after(IsoDuration::years(6), RetentionTrigger::EnquiryResponse),
        )),
        4 => {
            let mut period =
                RetentionPeriod::after(IsoDuration::years(2), RetentionTrigger::Collection);
            period.until = NaiveDate::from_ymd_opt(2032, 12, 31);
            RetentionRule::new(period)
                .with_wording("2 years from collection or the end of 2032, whichever is earlier")
        }
        _ => RetentionRule::new(RetentionPeriod::after(
            period(i as u32 / 6),
            RetentionTrigger::LastContact,
        )),
    };
    rule.disposal.push(rng.pick(DisposalAction::ALL));
    rule.policy = Some("retention".into());
    rule
}

/// One error a validation rule reports, cycling through several rules.
fn inject_error(a: &mut ProcessingActivity, n: usize) {
    match n % 6 {
        0 => a.purposes[0].lawful_bases.clear(),
        1 => {
            a.data_categories.push(DataCategory::special(
                "sc-gap",
                "Health notes",
                SpecialCategoryKind::Health,
            ));
            a.special_category_conditions.clear();
            a.data_categories.retain(|c| c.id.as_str() != "sc");
        }
        2 => a.transfers.push(
            Transfer::to_country("IN".parse().unwrap_or(CountryCode::US))
                .with_recipient("r0")
                .with_frequency(TransferFrequency::Occasional),
        ),
        3 => a.retention = vec![RetentionRule::new(RetentionPeriod::indefinite(None))],
        4 => {
            let mut recipient = Recipient::new("gap", RecipientRole::Processor)
                .with_category("Unnamed IT supplier");
            recipient.country = Some(CountryCode::US);
            a.recipients.push(recipient);
        }
        _ => {
            a.purposes[0].lawful_bases = vec![LawfulBasis::new(Article6Basis::LegitimateInterests)]
        }
    }
}

/// The shapes of register that once made a command super-linear: each holds `n` of one thing in a
/// single activity (or one rule), where the synthetic register spreads its size over activities.
/// [`adversarial_register`] builds them; the `adversarial` benchmark group and the growth test
/// time every command on them at `n` and `4n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Shape {
    /// One activity with `n` special category data categories, all listed by one Art 9 condition.
    SpecialCategories,
    /// One activity with `n` criminal offence data categories, all listed by one Art 10 condition.
    CriminalOffence,
    /// One retention rule listing `n` data categories.
    RetentionCategories,
    /// One retention rule listing `n` data categories, with `n` exceptions.
    RetentionExceptions,
    /// One activity with `n` purposes, each with its own lawful basis.
    PurposesWithBases,
    /// One activity with `n` data categories, each from its own source.
    DataSources,
    /// One activity with `n` recipients and `n` transfers, each naming one of them.
    TransfersToRecipients,
    /// One activity with `n` purposes, each naming its own special category data category, and
    /// one Art 9 condition limited to all `n` purposes and listing all `n` categories.
    PurposeLimitedConditions,
}

impl Shape {
    /// Every shape.
    pub const ALL: &'static [Shape] = &[
        Shape::SpecialCategories,
        Shape::CriminalOffence,
        Shape::RetentionCategories,
        Shape::RetentionExceptions,
        Shape::PurposesWithBases,
        Shape::DataSources,
        Shape::TransfersToRecipients,
        Shape::PurposeLimitedConditions,
    ];

    /// Whether the register CSV's output grows with `n` squared by design on this shape: the CSV
    /// repeats an activity's columns on each purpose's row (the README's bound, rows per purpose
    /// times the activity's size), and this shape grows both.
    pub fn register_csv_repeats_by_design(self) -> bool {
        self == Shape::PurposeLimitedConditions
    }

    /// A short kebab-case name, for benchmark ids and tables.
    pub fn name(self) -> &'static str {
        match self {
            Shape::SpecialCategories => "special-categories",
            Shape::CriminalOffence => "criminal-offence",
            Shape::RetentionCategories => "retention-categories",
            Shape::RetentionExceptions => "retention-exceptions",
            Shape::PurposesWithBases => "purposes-with-bases",
            Shape::DataSources => "data-sources",
            Shape::TransfersToRecipients => "transfers-to-recipients",
            Shape::PurposeLimitedConditions => "purpose-limited-conditions",
        }
    }
}

/// A register of one activity holding `n` of what the shape names, otherwise complete enough
/// that every rule and every report section has something to do.
///
/// # Examples
///
/// ```
/// use ropa::synth::{adversarial_register, Shape};
///
/// let register = adversarial_register(Shape::RetentionExceptions, 10);
/// assert_eq!(register.activities[0].retention[0].exceptions.len(), 10);
/// assert_eq!(register.activities[0].retention[0].data_categories.len(), 10);
/// ```
pub fn adversarial_register(shape: Shape, n: usize) -> Register {
    let organisation = Party::new("org", "Adversarial Borough Council")
        .with_kind(PartyKind::PublicAuthority)
        .with_country(CountryCode::GB)
        .with_contact(Contact::new().with_email("info@adversarial.example"));
    let mut register = Register::new(organisation);
    register.regime = Some(Regime::UkGdpr);
    register.dpo = Some(Dpo::new(
        Contact::new().with_email("dpo@adversarial.example"),
    ));
    register.last_reviewed = NaiveDate::from_ymd_opt(2026, 1, 15);
    register.security_measures =
        vec![SecurityMeasure::new(SecurityMeasureKind::AccessControl).with_description("Roles")];
    register.documents.push(Document::new(
        "apd",
        DocumentKind::AppropriatePolicyDocument,
        "Appropriate policy document",
    ));
    let mut a = ProcessingActivity::controller("a", "Casework")
        .with_purpose(
            Purpose::new("p", "Casework").with_basis(LawfulBasis::public_task("Children Act 1989")),
        )
        .with_data_subjects(DataSubjectCategory::new("s", "Residents"))
        .with_data_category(DataCategory::new("name", "Name"));
    a.retention.push(
        RetentionRule::new(RetentionPeriod::after(
            IsoDuration::years(6),
            RetentionTrigger::CaseClosure,
        ))
        .with_disposal(DisposalAction::Delete),
    );
    let category = |prefix: &str, i: usize| format!("{prefix}-{i}");
    match shape {
        Shape::SpecialCategories => {
            let mut condition =
                SpecialCategoryCondition::new(Article9Condition::SubstantialPublicInterest)
                    .with_schedule_1(Schedule1Paragraph::StatutoryAndGovernmentPurposes)
                    .with_policy_document("apd")
                    .with_para_41(Para41Record::new("Art 6(1)(e)", true));
            for i in 0..n {
                let id = category("health", i);
                a.data_categories.push(DataCategory::special(
                    id.as_str(),
                    format!("Health record {i}"),
                    SpecialCategoryKind::Health,
                ));
                condition = condition.for_data_category(id.as_str());
            }
            a.special_category_conditions.push(condition);
        }
        Shape::CriminalOffence => {
            let mut condition =
                CriminalOffenceCondition::new(CriminalOffenceAuthority::AuthorisedByLaw)
                    .with_schedule_1(Schedule1Paragraph::PreventingUnlawfulActs);
            condition.policy_document = Some("apd".into());
            condition.para_41 = Some(Para41Record::new("Art 6(1)(e)", true));
            for i in 0..n {
                let id = category("offence", i);
                a.data_categories.push(DataCategory::criminal_offence(
                    id.as_str(),
                    format!("Offence record {i}"),
                ));
                condition.data_categories.push(id.as_str().into());
            }
            a.criminal_offence_conditions.push(condition);
        }
        Shape::RetentionCategories | Shape::RetentionExceptions => {
            let rule = &mut a.retention[0];
            for i in 0..n {
                let id = category("record", i);
                rule.data_categories.push(id.as_str().into());
                if shape == Shape::RetentionExceptions {
                    rule.exceptions.push(RetentionException::new(
                        format!("Where case {i} is appealed"),
                        RetentionPeriod::after(
                            IsoDuration::years(10),
                            RetentionTrigger::CaseClosure,
                        ),
                    ));
                }
                a.data_categories
                    .push(DataCategory::new(id.as_str(), format!("Case record {i}")));
            }
        }
        Shape::PurposesWithBases => {
            for i in 0..n {
                a.purposes.push(
                    Purpose::new(format!("p-{i}"), format!("Statutory duty {i}"))
                        .with_basis(LawfulBasis::legal_obligation(format!("Act {i}"))),
                );
            }
        }
        Shape::DataSources => {
            for i in 0..n {
                a.data_categories.push(
                    DataCategory::new(category("referral", i), format!("Referral {i}"))
                        .with_source(
                            DataSource::new(SourceKind::ThirdParty)
                                .with_description(format!("Referring agency {i}")),
                        ),
                );
            }
        }
        Shape::TransfersToRecipients => {
            for i in 0..n {
                let id = format!("r-{i}");
                a.recipients.push(
                    Recipient::new(id.as_str(), RecipientRole::Processor)
                        .with_category(format!("Hosting provider {i}")),
                );
                a.transfers.push(
                    Transfer::to_country(CountryCode::US)
                        .with_recipient(id.as_str())
                        .with_mechanism(TransferMechanism::UkIdta),
                );
            }
        }
        Shape::PurposeLimitedConditions => {
            let mut condition =
                SpecialCategoryCondition::new(Article9Condition::SubstantialPublicInterest)
                    .with_schedule_1(Schedule1Paragraph::StatutoryAndGovernmentPurposes)
                    .with_policy_document("apd")
                    .with_para_41(Para41Record::new("Art 6(1)(e)", true));
            for i in 0..n {
                let id = category("health", i);
                let purpose = format!("p-{i}");
                a.data_categories.push(DataCategory::special(
                    id.as_str(),
                    format!("Health record {i}"),
                    SpecialCategoryKind::Health,
                ));
                a.purposes.push(
                    Purpose::new(purpose.as_str(), format!("Casework stream {i}"))
                        .with_basis(LawfulBasis::public_task("Children Act 1989"))
                        .with_data_category(id.as_str()),
                );
                condition = condition.for_data_category(id.as_str());
                condition.purposes.push(purpose.as_str().into());
            }
            a.special_category_conditions.push(condition);
        }
    }
    register.activities.push(a);
    register
}
