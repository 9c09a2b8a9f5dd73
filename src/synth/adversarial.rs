//! The adversarial shapes: one activity holding `n` of one thing.

use chrono::NaiveDate;

use crate::model::*;

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
    /// One retention rule listing `n` data categories that the activity does not hold: `n`
    /// findings inside one list item whose key (what the rule applies to) grows with `n`.
    RetentionUnknownCategories,
    /// One activity with `n` purposes, each with its own lawful basis.
    PurposesWithBases,
    /// One activity with `n` data categories, each from its own source.
    DataSources,
    /// One activity with `n` recipients and `n` transfers, each naming one of them.
    TransfersToRecipients,
    /// One activity with `n` purposes, each naming its own special category data category, and
    /// one Art 9 condition limited to all `n` purposes and listing all `n` categories.
    PurposeLimitedConditions,
    /// The organisation, a processor, the activity and one of its data categories each named by
    /// a name `16n` characters long, and each referred to `n` times: by `n` systems the processor
    /// provides without a contract, `n` recipients it is, and `n` purposes using the category.
    /// Every message or row that repeats a name costs `n` times the name unless it is bounded.
    LongNamesReferenced,
    /// `n` activities and `n` recipients of the whole register, which receive every activity's
    /// data: shown with each activity, they cost `n` squared.
    RegisterWideRecipients,
    /// One activity with `n` data categories (the last special category data) and `n` recipients
    /// that are other controllers and state no categories, so that each may receive them all; half
    /// of them staff recorded as internal but naming a party with a name `16n` characters long.
    UnstatedDisclosures,
    /// One activity with `n` purposes about individuals and `n` Sch 1 para 8 conditions, none
    /// limited to purposes, each of which every one of those purposes falls outside.
    EqualityConditions,
}

impl Shape {
    /// Every shape.
    pub const ALL: &'static [Shape] = &[
        Shape::SpecialCategories,
        Shape::CriminalOffence,
        Shape::RetentionCategories,
        Shape::RetentionExceptions,
        Shape::RetentionUnknownCategories,
        Shape::PurposesWithBases,
        Shape::DataSources,
        Shape::TransfersToRecipients,
        Shape::PurposeLimitedConditions,
        Shape::LongNamesReferenced,
        Shape::RegisterWideRecipients,
        Shape::UnstatedDisclosures,
        Shape::EqualityConditions,
    ];

    /// Whether the register CSV's output grows with `n` squared by design on this shape. No
    /// longer: the CSV gives each further purpose a row of its own columns only, so it is linear
    /// in every shape.
    #[deprecated(note = "the register CSV is linear in every shape; this is always false")]
    pub fn register_csv_repeats_by_design(self) -> bool {
        false
    }

    /// A short kebab-case name, for benchmark ids and tables.
    pub fn name(self) -> &'static str {
        match self {
            Shape::SpecialCategories => "special-categories",
            Shape::CriminalOffence => "criminal-offence",
            Shape::RetentionCategories => "retention-categories",
            Shape::RetentionExceptions => "retention-exceptions",
            Shape::RetentionUnknownCategories => "retention-unknown-categories",
            Shape::PurposesWithBases => "purposes-with-bases",
            Shape::DataSources => "data-sources",
            Shape::TransfersToRecipients => "transfers-to-recipients",
            Shape::PurposeLimitedConditions => "purpose-limited-conditions",
            Shape::LongNamesReferenced => "long-names-referenced",
            Shape::RegisterWideRecipients => "register-wide-recipients",
            Shape::UnstatedDisclosures => "unstated-disclosures",
            Shape::EqualityConditions => "equality-conditions",
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
    match shape {
        Shape::SpecialCategories => special_categories(&mut a, n),
        Shape::CriminalOffence => criminal_offence(&mut a, n),
        Shape::RetentionCategories | Shape::RetentionExceptions => {
            retention_categories(&mut a, n, shape)
        }
        Shape::RetentionUnknownCategories => {
            let rule = &mut a.retention[0];
            for i in 0..n {
                rule.data_categories
                    .push(numbered("unrecorded", i).as_str().into());
            }
        }
        Shape::PurposesWithBases => purposes_with_bases(&mut a, n),
        Shape::DataSources => data_sources(&mut a, n),
        Shape::TransfersToRecipients => transfers_to_recipients(&mut a, n),
        Shape::PurposeLimitedConditions => purpose_limited_conditions(&mut a, n),
        Shape::LongNamesReferenced => long_names_referenced(&mut register, &mut a, n),
        Shape::RegisterWideRecipients => register_wide_recipients(&mut register, n),
        Shape::UnstatedDisclosures => unstated_disclosures(&mut register, &mut a, n),
        Shape::EqualityConditions => equality_conditions(&mut a, n),
    }
    register.activities.insert(0, a);
    register
}

/// The id of the `i`th item a shape adds.
fn numbered(prefix: &str, i: usize) -> String {
    format!("{prefix}-{i}")
}

fn special_categories(a: &mut ProcessingActivity, n: usize) {
    let mut condition = SpecialCategoryCondition::new(Article9Condition::SubstantialPublicInterest)
        .with_schedule_1(Schedule1Paragraph::StatutoryAndGovernmentPurposes)
        .with_policy_document("apd")
        .with_para_41(Para41Record::new("Art 6(1)(e)", true));
    for i in 0..n {
        let id = numbered("health", i);
        a.data_categories.push(DataCategory::special(
            id.as_str(),
            format!("Health record {i}"),
            SpecialCategoryKind::Health,
        ));
        condition = condition.for_data_category(id.as_str());
    }
    a.special_category_conditions.push(condition);
}

fn criminal_offence(a: &mut ProcessingActivity, n: usize) {
    let mut condition = CriminalOffenceCondition::new(CriminalOffenceAuthority::AuthorisedByLaw)
        .with_schedule_1(Schedule1Paragraph::PreventingUnlawfulActs);
    condition.policy_document = Some("apd".into());
    condition.para_41 = Some(Para41Record::new("Art 6(1)(e)", true));
    for i in 0..n {
        let id = numbered("offence", i);
        a.data_categories.push(DataCategory::criminal_offence(
            id.as_str(),
            format!("Offence record {i}"),
        ));
        condition.data_categories.push(id.as_str().into());
    }
    a.criminal_offence_conditions.push(condition);
}

fn retention_categories(a: &mut ProcessingActivity, n: usize, shape: Shape) {
    let rule = &mut a.retention[0];
    for i in 0..n {
        let id = numbered("record", i);
        rule.data_categories.push(id.as_str().into());
        if shape == Shape::RetentionExceptions {
            rule.exceptions.push(RetentionException::new(
                format!("Where case {i} is appealed"),
                RetentionPeriod::after(IsoDuration::years(10), RetentionTrigger::CaseClosure),
            ));
        }
        a.data_categories
            .push(DataCategory::new(id.as_str(), format!("Case record {i}")));
    }
}

fn purposes_with_bases(a: &mut ProcessingActivity, n: usize) {
    for i in 0..n {
        a.purposes.push(
            Purpose::new(format!("p-{i}"), format!("Statutory duty {i}"))
                .with_basis(LawfulBasis::legal_obligation(format!("Act {i}"))),
        );
    }
}

fn data_sources(a: &mut ProcessingActivity, n: usize) {
    for i in 0..n {
        a.data_categories.push(
            DataCategory::new(numbered("referral", i), format!("Referral {i}")).with_source(
                DataSource::new(SourceKind::ThirdParty)
                    .with_description(format!("Referring agency {i}")),
            ),
        );
    }
}

fn transfers_to_recipients(a: &mut ProcessingActivity, n: usize) {
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

fn purpose_limited_conditions(a: &mut ProcessingActivity, n: usize) {
    let mut condition = SpecialCategoryCondition::new(Article9Condition::SubstantialPublicInterest)
        .with_schedule_1(Schedule1Paragraph::StatutoryAndGovernmentPurposes)
        .with_policy_document("apd")
        .with_para_41(Para41Record::new("Art 6(1)(e)", true));
    for i in 0..n {
        let id = numbered("health", i);
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

/// A name of `16n` characters that begins like a name and goes on.
fn long_name(start: &str, n: usize) -> String {
    let mut name = String::with_capacity(16 * n + start.len());
    name.push_str(start);
    while name.len() < 16 * n {
        name.push_str(" and services");
    }
    name
}

fn long_names_referenced(register: &mut Register, a: &mut ProcessingActivity, n: usize) {
    register.parties[0].name = long_name("Adversarial Borough Council", n);
    a.name = long_name("Casework", n);
    a.data_categories[0].name = long_name("Name", n);
    register.parties.push(
        Party::new("host", long_name("Hosting", n))
            .with_kind(PartyKind::Company)
            .with_country(CountryCode::GB)
            .with_contact(Contact::new().with_email("dpo@host.example")),
    );
    for i in 0..n {
        a.systems
            .push(System::new(format!("System {i}")).with_provider("host"));
        a.recipients.push(
            Recipient::new(numbered("r", i).as_str(), RecipientRole::Processor).with_party("host"),
        );
        a.purposes.push(
            Purpose::new(numbered("p", i), format!("Casework stream {i}"))
                .with_basis(LawfulBasis::public_task("Children Act 1989"))
                .with_data_category("name"),
        );
    }
}

fn register_wide_recipients(register: &mut Register, n: usize) {
    for i in 0..n {
        register.recipients.push(
            Recipient::new(numbered("shared", i).as_str(), RecipientRole::Processor)
                .with_category(format!("Shared service {i}")),
        );
        register.activities.push(
            ProcessingActivity::controller(numbered("a", i), format!("Service {i}"))
                .with_purpose(
                    Purpose::new("p", "Service delivery")
                        .with_basis(LawfulBasis::public_task("Local Government Act 1972")),
                )
                .with_data_subjects(DataSubjectCategory::new("s", "Residents"))
                .with_data_category(DataCategory::new("name", "Name")),
        );
    }
}

fn unstated_disclosures(register: &mut Register, a: &mut ProcessingActivity, n: usize) {
    register.parties.push(
        Party::new("partner", long_name("Partner", n))
            .with_kind(PartyKind::Company)
            .with_country(CountryCode::GB),
    );
    for i in 0..n {
        let id = numbered("cat", i);
        a.data_categories.push(if i + 1 == n {
            DataCategory::special(
                id.as_str(),
                format!("Category {i}"),
                SpecialCategoryKind::Health,
            )
        } else {
            DataCategory::new(id.as_str(), format!("Category {i}"))
        });
        let recipient = numbered("agency", i);
        a.recipients.push(if i % 2 == 0 {
            Recipient::new(recipient.as_str(), RecipientRole::PublicAuthority)
                .with_category(format!("Agency {i}"))
        } else {
            Recipient::new(recipient.as_str(), RecipientRole::Internal).with_party("partner")
        });
    }
}

fn equality_conditions(a: &mut ProcessingActivity, n: usize) {
    a.data_categories.push(DataCategory::special(
        "ethnicity",
        "Ethnic origin",
        SpecialCategoryKind::RacialOrEthnicOrigin,
    ));
    for i in 0..n {
        let mut purpose = Purpose::new(
            numbered("needs", i).as_str(),
            format!("Meeting person {i}'s needs"),
        )
        .with_basis(LawfulBasis::public_task("Equality Act 2010"));
        purpose.about_individuals = true;
        a.purposes.push(purpose);
        a.special_category_conditions.push(
            SpecialCategoryCondition::new(Article9Condition::SubstantialPublicInterest)
                .with_schedule_1(Schedule1Paragraph::EqualityOfOpportunity)
                .with_policy_document("apd")
                .with_para_41(Para41Record::new("Art 6(1)(e)", true)),
        );
    }
}
