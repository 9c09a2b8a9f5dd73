//! A register to start from: the least a record of each kind holds, its placeholders saying what
//! to write, so that `ropa init` gives a file that reads and whose findings are the list of what
//! to fill in.

use super::{
    ActivityRole, Contact, CountryCode, DataCategory, DataSubjectCategory, OnBehalfOf, Party,
    PartyKind, ProcessingActivity, Purpose, Regime, Register,
};

impl Register {
    /// A minimal register of a UK organisation to start from, with one activity of the given
    /// role (`Controller` or `JointController` for an Art 30(1) record, `Processor` for Art
    /// 30(2)). Its values are placeholders to replace; what the law asks and the starter leaves
    /// out (lawful bases, retention, security measures, ...) is what validation reports.
    ///
    /// ```
    /// use ropa::{ActivityRole, Register, Severity, ValidationOptions};
    /// let register = Register::starter(ActivityRole::Controller);
    /// let json = ropa::to_string(&register)?;
    /// assert_eq!(ropa::from_str(&json)?, register);
    /// // The findings are the list of what to fill in: the lawful basis first.
    /// let report = ropa::validate(&register, &ValidationOptions::default());
    /// assert!(report.findings.iter().any(|f| f.rule == "purpose-without-lawful-basis"));
    /// # Ok::<(), ropa::Error>(())
    /// ```
    pub fn starter(role: ActivityRole) -> Register {
        let organisation = Party::new("org", "Your organisation's legal name")
            .with_country(CountryCode::GB)
            .with_contact(
                Contact::new()
                    .with_address("Your organisation's postal address")
                    .with_email("privacy@example.org"),
            );
        let register = Register::new(organisation).with_regime(Regime::UkGdpr);
        let activity =
            ProcessingActivity::new("first-activity", "The activity's name, e.g. Payroll", role)
                .with_description("What is done with the data, by whom, with which systems")
                .with_data_subjects(DataSubjectCategory::new(
                    "people",
                    "Whose data it is, e.g. employees",
                ))
                .with_data_category(DataCategory::new(
                    "details",
                    "What data, e.g. name and contact details",
                ));
        match role {
            ActivityRole::Processor => register
                .with_party(
                    Party::new("client", "The controller you act for")
                        .with_kind(PartyKind::Company)
                        .with_contact(Contact::new().with_email("dpo@client.example")),
                )
                .with_activity(activity.with_on_behalf_of(
                    OnBehalfOf::new("client").with_processing("What you do for it, e.g. payroll"),
                )),
            _ => register
                .with_activity(activity.with_purpose(Purpose::new("main", "Why the data is used"))),
        }
    }
}
