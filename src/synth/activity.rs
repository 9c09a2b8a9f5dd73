//! One synthetic activity: its frame, data subjects, data, purposes, recipients and transfers,
//! retention, and one injected error in ten.

use chrono::NaiveDate;

use super::SplitMix64;
use crate::model::*;

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

pub(super) fn activity(
    rng: &mut SplitMix64,
    i: usize,
    processors: usize,
    public: bool,
) -> ProcessingActivity {
    let (mut a, process) = activity_frame(rng, i, processors);
    let role = a.role;
    add_data_subjects(rng, &mut a);
    let special = add_data(rng, &mut a, public);
    if role != ActivityRole::Processor {
        for p in 0..1 + rng.below(3) {
            a.purposes.push(
                Purpose::new(format!("p{p}"), format!("{process} purpose {p}"))
                    .with_basis(basis(rng, public)),
            );
        }
    }
    add_recipients_and_transfers(rng, &mut a, i, processors, public);
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

/// An activity's name, role, dates and the parties its role names; and the process it is named
/// after, for its purposes.
fn activity_frame(
    rng: &mut SplitMix64,
    i: usize,
    processors: usize,
) -> (ProcessingActivity, &'static str) {
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

    (a, process)
}

/// Residents or service users (sometimes children), and sometimes staff.
fn add_data_subjects(rng: &mut SplitMix64, a: &mut ProcessingActivity) {
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
}

/// Ordinary data, and sometimes special category or criminal offence data with its condition;
/// whether special category data was added.
fn add_data(rng: &mut SplitMix64, a: &mut ProcessingActivity, public: bool) -> bool {
    let role = a.role;
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

    special
}

/// A processor as recipient, sometimes an internal team and an overseas partner, and the
/// transfers to them under every mechanism.
fn add_recipients_and_transfers(
    rng: &mut SplitMix64,
    a: &mut ProcessingActivity,
    i: usize,
    processors: usize,
    public: bool,
) {
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
        3 => {
            a.status = Some(crate::model::ActivityStatus::Active);
            a.retention = vec![RetentionRule::new(RetentionPeriod::until(
                chrono::NaiveDate::from_ymd_opt(2001, 1, 1).unwrap_or_default(),
            ))];
        }
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
