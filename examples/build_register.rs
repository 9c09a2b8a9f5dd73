//! Builds a small register in code and prints its JSON.
//!
//! `cargo run --example build_register`

use chrono::NaiveDate;
use ropa::{
    Article9Condition, Contact, DataCategory, DataSource, DataSubjectCategory, DisposalAction,
    Document, DocumentKind, Dpo, IsoDuration, LawfulBasis, Para41Record, Party, PartyKind,
    ProcessingActivity, Purpose, Recipient, RecipientRole, Regime, Register, RetentionException,
    RetentionPeriod, RetentionRule, RetentionTrigger, Schedule1Paragraph, SecurityMeasure,
    SecurityMeasureKind, SourceKind, SpecialCategoryCondition, SpecialCategoryKind,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let council = Party::new("council", "Example Borough Council")
        .with_kind(PartyKind::PublicAuthority)
        .with_country("GB".parse()?)
        .with_contact(
            Contact::new()
                .with_address("Town Hall, High Street, Exampleton EX1 1AA")
                .with_email("info@example.gov.uk"),
        );
    let ico = Party::new("ico", "Information Commissioner's Office")
        .with_kind(PartyKind::SupervisoryAuthority)
        .with_contact(Contact::new().with_phone("0303 123 1113"));

    let safeguarding =
        ProcessingActivity::controller("safeguarding", "Adult safeguarding enquiries")
            .with_description("Enquiries under section 42 of the Care Act 2014")
            .with_purpose(
                Purpose::new("enquiry", "Making safeguarding enquiries")
                    .with_basis(LawfulBasis::public_task("Care Act 2014, s42")),
            )
            .with_data_subjects(
                DataSubjectCategory::new("adults-at-risk", "Adults at risk").vulnerable(),
            )
            .with_data_category(
                DataCategory::new("contact", "Name and contact details").with_source(
                    DataSource::new(SourceKind::ThirdParty)
                        .with_description("The person raising the concern"),
                ),
            )
            .with_data_category(DataCategory::special(
                "health",
                "Health and care needs",
                SpecialCategoryKind::Health,
            ))
            .with_special_category_condition(
                SpecialCategoryCondition::new(Article9Condition::SubstantialPublicInterest)
                    .with_schedule_1(Schedule1Paragraph::SafeguardingChildrenAndIndividualsAtRisk)
                    .with_policy_document("apd")
                    .with_para_41(Para41Record::new("Art 6(1)(e), Care Act 2014 s42", true)),
            )
            .with_recipient(
                Recipient::new("police", RecipientRole::LawEnforcement)
                    .with_condition("Where a crime may have been committed"),
            )
            .with_retention(
                RetentionRule::new(RetentionPeriod::after(
                    IsoDuration::years(6),
                    RetentionTrigger::CaseClosure,
                ))
                .with_exception(RetentionException::new(
                    "The enquiry concerned a death",
                    RetentionPeriod::after(IsoDuration::years(25), RetentionTrigger::CaseClosure),
                ))
                .with_disposal(DisposalAction::Delete),
            )
            .with_security_measure(SecurityMeasure::new(SecurityMeasureKind::AccessControl));

    let register = Register::new(council)
        .with_regime(Regime::UkGdpr)
        .with_dpo(Dpo::new(Contact::new().with_email("dpo@example.gov.uk")))
        .with_supervisory_authority(ico)
        .with_activity(safeguarding)
        .with_document(
            Document::new(
                "apd",
                DocumentKind::AppropriatePolicyDocument,
                "Appropriate policy document",
            )
            .with_date(NaiveDate::from_ymd_opt(2026, 1, 5).ok_or("bad date")?),
        );

    print!("{}", ropa::to_string(&register)?);
    Ok(())
}
