//! The builder methods of [`ProcessingActivity`] for its optional facts, one `with_*` a field,
//! so that an activity can be written in code as the register would hold it.

use chrono::NaiveDate;

use super::{
    DataSubjectRight, DocumentId, PartialDate, PartyId, ProcessingActivity, QualifiedRight,
    RiskCriterion,
};

impl ProcessingActivity {
    /// Sets the business function (the team or department) that runs the activity.
    ///
    /// ```
    /// use ropa::ProcessingActivity;
    /// let payroll = ProcessingActivity::controller("payroll", "Payroll")
    ///     .with_business_function("Human Resources")
    ///     .with_note("Moved to the new payroll system in 2026");
    /// assert_eq!(payroll.business_function.as_deref(), Some("Human Resources"));
    /// ```
    pub fn with_business_function(mut self, function: impl Into<String>) -> Self {
        self.business_function = Some(function.into());
        self
    }

    /// Sets the day the activity began.
    pub fn with_start_date(mut self, date: NaiveDate) -> Self {
        self.start_date = Some(date);
        self
    }

    /// Sets the day the activity ended (or ends).
    pub fn with_end_date(mut self, date: NaiveDate) -> Self {
        self.end_date = Some(date);
        self
    }

    /// Sets when the activity's record was last updated (a day, a month or a year).
    pub fn with_last_updated(mut self, date: PartialDate) -> Self {
        self.last_updated = Some(date);
        self
    }

    /// Adds a joint controller (Art 26), a party of the register.
    pub fn with_joint_controller(mut self, party: impl Into<PartyId>) -> Self {
        self.joint_controllers.push(party.into());
        self
    }

    /// Sets the joint controllers' Art 26 arrangement, a document of the register.
    pub fn with_joint_arrangement(mut self, document: impl Into<DocumentId>) -> Self {
        self.joint_arrangement = Some(document.into());
        self
    }

    /// Records whether the processing is on a large scale (Art 35(3), Art 37(1)).
    pub fn with_large_scale(mut self, large_scale: bool) -> Self {
        self.large_scale = Some(large_scale);
        self
    }

    /// Adds a high-risk criterion the activity meets (the EDPB's nine criteria for a DPIA).
    pub fn with_risk_criterion(mut self, criterion: RiskCriterion) -> Self {
        self.risk_criteria.push(criterion);
        self
    }

    /// Sets the privacy notice that tells people about the activity, a document of the register.
    ///
    /// ```
    /// use ropa::{DataSubjectRight, ProcessingActivity};
    /// let newsletter = ProcessingActivity::controller("newsletter", "Newsletter")
    ///     .with_privacy_notice("notice")
    ///     .with_right_stated(DataSubjectRight::Access)
    ///     .with_right_stated(DataSubjectRight::Object);
    /// assert_eq!(newsletter.rights_stated.len(), 2);
    /// ```
    pub fn with_privacy_notice(mut self, document: impl Into<DocumentId>) -> Self {
        self.privacy_notice = Some(document.into());
        self
    }

    /// Sets the exemption relied on for not giving people a notice (e.g. Art 14(5)(b)).
    pub fn with_notice_exemption(mut self, exemption: impl Into<String>) -> Self {
        self.notice_exemption = Some(exemption.into());
        self
    }

    /// Records that the activity offers an information society service directly to children
    /// (Art 8), so that the age of digital consent applies.
    pub fn as_information_society_service(mut self) -> Self {
        self.information_society_service = true;
        self
    }

    /// Adds a right the privacy notice states.
    #[doc(alias = "with_rights_stated")]
    pub fn with_right_stated(mut self, right: DataSubjectRight) -> Self {
        self.rights_stated.push(right);
        self
    }

    /// Adds a right the notice states only where a basis applies ("where we rely on consent").
    pub fn with_right_stated_where(mut self, right: QualifiedRight) -> Self {
        self.rights_stated_where.push(right);
        self
    }

    /// Adds a breach record about the activity, a document of the register.
    pub fn with_breach(mut self, document: impl Into<DocumentId>) -> Self {
        self.breaches.push(document.into());
        self
    }

    /// Adds a note: a fact the model has no field for, kept so that nothing is lost.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }
}
