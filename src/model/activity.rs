//! Processing activities: one row of the Art 30 record.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::vocabulary::vocabulary;
use crate::model::{
    ActivityId, Article35Trigger, AutomatedDecision, CriminalOffenceCondition, DataCategory,
    DataSubjectCategory, DataSubjectRight, DocumentId, Dpia, HighRiskOperation, LawfulBasis,
    PartyId, Purpose, Recipient, RetentionRule, RiskCriterion, SecurityMeasure,
    SpecialCategoryCondition, System, Transfer,
};

vocabulary! {
    /// Where an activity stands.
    pub enum ActivityStatus {
        /// Planned, not started.
        Planned,
        /// Running.
        Active,
        /// Paused.
        Suspended,
        /// Finished; data may still be held until its retention ends.
        Ended,
    }
}

vocabulary! {
    /// The role the organisation plays in an activity.
    pub enum ActivityRole {
        /// Controller (Art 4(7); record under Art 30(1)).
        Controller,
        /// Joint controller with others (Art 26; record under Art 30(1)).
        JointController,
        /// Processor on behalf of a controller (Art 28; record under Art 30(2)).
        Processor,
    }
}

/// For an activity the organisation carries out as processor: a controller it acts for and the
/// categories of processing carried out for it (Art 30(2)(a), (b)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct OnBehalfOf {
    /// The controller.
    pub controller: PartyId,
    /// The categories of processing carried out on its behalf (Art 30(2)(b)).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub processing: Vec<String>,
    /// The Art 28(3) contract with the controller.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract: Option<DocumentId>,
    /// Where the organisation engages sub-processors: the controller's prior written
    /// authorisation of them, specific or general (Art 28(2)); often a clause of the contract.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_processor_authorisation: Option<DocumentId>,
    /// The controller's Art 27 representative, in `parties`, where it has one (a controller
    /// established outside the UK or EU that is subject to the regime): the processor's record
    /// names it (Art 30(2)(a)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub representative: Option<PartyId>,
}

impl OnBehalfOf {
    /// Processing on behalf of a controller.
    pub fn new(controller: impl Into<PartyId>) -> Self {
        Self {
            controller: controller.into(),
            processing: Vec::new(),
            contract: None,
            sub_processor_authorisation: None,
            representative: None,
        }
    }

    /// Sets the controller's Art 27 representative.
    pub fn with_representative(mut self, party: impl Into<PartyId>) -> Self {
        self.representative = Some(party.into());
        self
    }

    /// Adds a category of processing.
    pub fn with_processing(mut self, processing: impl Into<String>) -> Self {
        self.processing.push(processing.into());
        self
    }

    /// Sets the contract.
    pub fn with_contract(mut self, contract: impl Into<DocumentId>) -> Self {
        self.contract = Some(contract.into());
        self
    }

    /// Sets the controller's authorisation of the organisation's sub-processors (Art 28(2)).
    pub fn with_sub_processor_authorisation(mut self, document: impl Into<DocumentId>) -> Self {
        self.sub_processor_authorisation = Some(document.into());
        self
    }
}

/// A change of the organisation's role over the data's life: "joint controllers from collection
/// until the data reaches the provider's own systems, then each an independent controller". The
/// activity's `role` is the role at collection; each change gives the role from a later point.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RoleChange {
    /// The point from which the role applies, in the register's words, e.g. "once the data
    /// reaches the provider's own systems".
    pub from: String,
    /// The organisation's role from that point.
    pub role: ActivityRole,
    /// The other parties and their roles from that point, in the register's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl RoleChange {
    /// The role from a point in the data's life.
    pub fn new(from: impl Into<String>, role: ActivityRole) -> Self {
        Self {
            from: from.into(),
            role,
            description: None,
        }
    }
}

/// A right the privacy notice states only where some lawful bases are relied on, e.g. "you can ask
/// us to delete your information, depending on our reason for using it".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct QualifiedRight {
    /// The right.
    pub right: DataSubjectRight,
    /// The bases the notice states it for; empty where the notice says only that it depends on
    /// the basis ("depending on our reason").
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub bases: Vec<crate::model::Article6Basis>,
    /// The notice's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wording: Option<String>,
}

impl QualifiedRight {
    /// A right stated where the given bases are relied on.
    pub fn new(
        right: DataSubjectRight,
        bases: impl IntoIterator<Item = crate::model::Article6Basis>,
    ) -> Self {
        Self {
            right,
            bases: bases.into_iter().collect(),
            wording: None,
        }
    }
}

/// A restriction of data subjects' rights the register relies on, with its legal ground, e.g.
/// the DPA 2018 Sch 2 para 2 exemption for crime and taxation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RightsRestriction {
    /// The rights restricted; empty means the register does not say which.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub rights: Vec<DataSubjectRight>,
    /// The legal ground, e.g. "DPA 2018 Sch 2 para 2 (crime and taxation)" or "Art 23 GDPR".
    pub ground: String,
    /// When the restriction applies, in the register's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl RightsRestriction {
    /// A restriction on the given legal ground.
    pub fn new(ground: impl Into<String>) -> Self {
        Self {
            rights: Vec::new(),
            ground: ground.into(),
            description: None,
        }
    }

    /// Adds a right restricted.
    pub fn of_right(mut self, right: DataSubjectRight) -> Self {
        self.rights.push(right);
        self
    }
}

/// One processing activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ProcessingActivity {
    /// The activity's id, unique in the register.
    pub id: ActivityId,
    /// The activity's name.
    pub name: String,
    /// What the activity is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The business function or team responsible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_function: Option<String>,
    /// Where the activity stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ActivityStatus>,
    /// When the activity started or starts.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::model::date::option"
    )]
    #[schemars(with = "Option<NaiveDate>")]
    #[cfg_attr(test, arbitrary(with = crate::model::date::arbitrary_date))]
    pub start_date: Option<NaiveDate>,
    /// When the activity ended or ends.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::model::date::option"
    )]
    #[schemars(with = "Option<NaiveDate>")]
    #[cfg_attr(test, arbitrary(with = crate::model::date::arbitrary_date))]
    pub end_date: Option<NaiveDate>,
    /// When the entry was last updated, to the year, month or day as given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_updated: Option<crate::model::PartialDate>,
    /// The role the organisation plays (at collection, where `role_changes` say it changes).
    pub role: ActivityRole,
    /// Changes of the organisation's role over the data's life, in order.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub role_changes: Vec<RoleChange>,
    /// For a joint controller: the other joint controllers.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub joint_controllers: Vec<PartyId>,
    /// For a joint controller: the Art 26 arrangement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joint_arrangement: Option<DocumentId>,
    /// For a processor: the controllers acted for (Art 30(2)(a), (b)).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub on_behalf_of: Vec<OnBehalfOf>,
    /// Art 6(1) bases stated once for the whole activity: they apply to every purpose, beside
    /// any a purpose states itself.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub lawful_bases: Vec<LawfulBasis>,
    /// The purposes (Art 30(1)(b)).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub purposes: Vec<Purpose>,
    /// The categories of data subjects (Art 30(1)(c)).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub data_subjects: Vec<DataSubjectCategory>,
    /// The categories of personal data (Art 30(1)(c)).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub data_categories: Vec<DataCategory>,
    /// The Art 9(2) conditions relied on for special category data.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub special_category_conditions: Vec<SpecialCategoryCondition>,
    /// The Art 10 authority relied on for criminal offence data.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub criminal_offence_conditions: Vec<CriminalOffenceCondition>,
    /// The recipients (Art 30(1)(d)).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub recipients: Vec<Recipient>,
    /// International transfers (Art 30(1)(e)).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub transfers: Vec<Transfer>,
    /// Retention rules (Art 30(1)(f)).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub retention: Vec<RetentionRule>,
    /// Security measures specific to the activity (Art 30(1)(g)); the register's own apply too.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub security_measures: Vec<SecurityMeasure>,
    /// Automated decision-making and profiling (Art 22).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub automated_decisions: Vec<AutomatedDecision>,
    /// The register records that the activity involves no automated decision-making, including
    /// profiling (Art 13(2)(f), 30): an empty `automated_decisions` only says that none is
    /// recorded. A draft notice tells people there is none only when this is set.
    #[serde(
        default,
        skip_serializing_if = "std::ops::Not::not",
        deserialize_with = "crate::model::de::null_as_default"
    )]
    pub no_automated_decisions: bool,
    /// The processing is on a large scale (Art 35(3)(b), 37(1)(b)-(c)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub large_scale: Option<bool>,
    /// The Art 35(3) cases the processing falls in.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub article_35_3_triggers: Vec<Article35Trigger>,
    /// The WP248 criteria the processing meets.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub risk_criteria: Vec<RiskCriterion>,
    /// The types of processing on a supervisory authority's Art 35(4) list that the activity
    /// involves (some follow from the register itself: biometric or genetic data, online services
    /// offered to children, data obtained under an Art 14(5) exemption).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub high_risk_operations: Vec<HighRiskOperation>,
    /// The DPIA.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpia: Option<Dpia>,
    /// Systems and storage locations.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub systems: Vec<System>,
    /// The privacy notice given to data subjects (Art 13, 14).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_notice: Option<DocumentId>,
    /// Why data subjects are not told about data obtained from others, where an Art 14(5)
    /// exemption is relied on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_exemption: Option<String>,
    /// The activity offers an information society service directly to children (Art 8(1)).
    #[serde(
        default,
        skip_serializing_if = "std::ops::Not::not",
        deserialize_with = "crate::model::de::null_as_default"
    )]
    pub information_society_service: bool,
    /// The rights the privacy notice tells data subjects they have.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub rights_stated: Vec<DataSubjectRight>,
    /// Rights the privacy notice states only for some of the processing ("the right to erasure,
    /// depending on our reason for using your data"; "where we rely on consent, you can withdraw
    /// it"), each with the bases it is stated for. They count as stated for `rights_stated`'s
    /// checks, and are judged against their own bases.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub rights_stated_where: Vec<QualifiedRight>,
    /// Restrictions of the data subjects' rights relied on, with their legal ground (Art 23;
    /// DPA 2018 Sch 2).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub rights_restrictions: Vec<RightsRestriction>,
    /// Records of personal data breaches affecting the activity (Art 33(5)).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub breaches: Vec<DocumentId>,
    /// Facts the register states that have no structured place, in its own words.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub notes: Vec<String>,
}

impl ProcessingActivity {
    /// An activity with an id, a name and the organisation's role.
    pub fn new(id: impl Into<ActivityId>, name: impl Into<String>, role: ActivityRole) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            description: None,
            business_function: None,
            status: None,
            start_date: None,
            end_date: None,
            last_updated: None,
            role,
            role_changes: Vec::new(),
            joint_controllers: Vec::new(),
            joint_arrangement: None,
            on_behalf_of: Vec::new(),
            lawful_bases: Vec::new(),
            purposes: Vec::new(),
            data_subjects: Vec::new(),
            data_categories: Vec::new(),
            special_category_conditions: Vec::new(),
            criminal_offence_conditions: Vec::new(),
            recipients: Vec::new(),
            transfers: Vec::new(),
            retention: Vec::new(),
            security_measures: Vec::new(),
            automated_decisions: Vec::new(),
            no_automated_decisions: false,
            large_scale: None,
            article_35_3_triggers: Vec::new(),
            risk_criteria: Vec::new(),
            high_risk_operations: Vec::new(),
            dpia: None,
            systems: Vec::new(),
            privacy_notice: None,
            notice_exemption: None,
            information_society_service: false,
            rights_stated: Vec::new(),
            rights_stated_where: Vec::new(),
            rights_restrictions: Vec::new(),
            breaches: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// An activity in which the organisation is controller: the common case, an Art 30(1)
    /// record.
    ///
    /// ```
    /// use ropa::{
    ///     Article6Basis, DataCategory, DataSubjectCategory, LawfulBasis, ProcessingActivity, Purpose,
    /// };
    /// let payroll = ProcessingActivity::controller("payroll", "Payroll")
    ///     .with_description("Paying staff and making deductions")
    ///     .with_purpose(
    ///         Purpose::new("pay", "Paying salaries")
    ///             .with_basis(LawfulBasis::new(Article6Basis::Contract)),
    ///     )
    ///     .with_data_subjects(DataSubjectCategory::new("staff", "Employees"))
    ///     .with_data_category(DataCategory::new("bank", "Bank details"));
    /// assert!(payroll.controls());
    /// assert_eq!(payroll.purposes[0].lawful_bases.len(), 1);
    /// ```
    pub fn controller(id: impl Into<ActivityId>, name: impl Into<String>) -> Self {
        Self::new(id, name, ActivityRole::Controller)
    }

    /// Sets the description.
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Sets the status.
    pub fn with_status(mut self, status: ActivityStatus) -> Self {
        self.status = Some(status);
        self
    }

    /// Adds a basis for the whole activity.
    pub fn with_basis(mut self, basis: LawfulBasis) -> Self {
        self.lawful_bases.push(basis);
        self
    }

    /// Every role the organisation plays over the data's life: the role at collection, then each
    /// of `role_changes`. A rule for a role applies if the organisation plays it at any point, so
    /// that a later change of role hides nothing.
    pub fn roles(&self) -> impl Iterator<Item = ActivityRole> + '_ {
        std::iter::once(self.role).chain(self.role_changes.iter().map(|c| c.role))
    }

    /// Whether the organisation plays `role` at some point of the data's life.
    pub fn plays(&self, role: ActivityRole) -> bool {
        self.roles().any(|r| r == role)
    }

    /// Whether the organisation is a controller or joint controller at some point of the data's
    /// life, so that the record under Art 30(1) and the rules for controllers apply.
    pub fn controls(&self) -> bool {
        self.roles().any(|r| r != ActivityRole::Processor)
    }

    /// Adds a change of role over the data's life.
    pub fn with_role_change(mut self, change: RoleChange) -> Self {
        self.role_changes.push(change);
        self
    }

    /// Adds a restriction of rights.
    pub fn with_rights_restriction(mut self, restriction: RightsRestriction) -> Self {
        self.rights_restrictions.push(restriction);
        self
    }

    /// The Art 6 bases that apply to a purpose: the activity's own, then the purpose's.
    pub fn bases_of<'a>(&'a self, purpose: &'a Purpose) -> impl Iterator<Item = &'a LawfulBasis> {
        self.lawful_bases.iter().chain(&purpose.lawful_bases)
    }

    /// Every Art 6 basis the activity states: for the whole activity, for each purpose and for
    /// each data category.
    pub fn all_bases(&self) -> impl Iterator<Item = &LawfulBasis> {
        self.lawful_bases
            .iter()
            .chain(self.purposes.iter().flat_map(|p| &p.lawful_bases))
            .chain(self.data_categories.iter().flat_map(|c| &c.lawful_bases))
    }

    /// Adds a purpose.
    pub fn with_purpose(mut self, purpose: Purpose) -> Self {
        self.purposes.push(purpose);
        self
    }

    /// Adds a category of data subjects.
    pub fn with_data_subjects(mut self, subjects: DataSubjectCategory) -> Self {
        self.data_subjects.push(subjects);
        self
    }

    /// Adds a category of personal data.
    pub fn with_data_category(mut self, category: DataCategory) -> Self {
        self.data_categories.push(category);
        self
    }

    /// Adds an Art 9 condition.
    pub fn with_special_category_condition(mut self, condition: SpecialCategoryCondition) -> Self {
        self.special_category_conditions.push(condition);
        self
    }

    /// Adds an Art 10 condition.
    pub fn with_criminal_offence_condition(mut self, condition: CriminalOffenceCondition) -> Self {
        self.criminal_offence_conditions.push(condition);
        self
    }

    /// Adds a recipient.
    pub fn with_recipient(mut self, recipient: Recipient) -> Self {
        self.recipients.push(recipient);
        self
    }

    /// Adds an international transfer.
    pub fn with_transfer(mut self, transfer: Transfer) -> Self {
        self.transfers.push(transfer);
        self
    }

    /// Adds a retention rule.
    pub fn with_retention(mut self, rule: RetentionRule) -> Self {
        self.retention.push(rule);
        self
    }

    /// Adds a security measure.
    pub fn with_security_measure(mut self, measure: SecurityMeasure) -> Self {
        self.security_measures.push(measure);
        self
    }

    /// Adds a system.
    pub fn with_system(mut self, system: System) -> Self {
        self.systems.push(system);
        self
    }

    /// Adds a type of processing on the Art 35(4) list that the activity involves.
    pub fn with_high_risk_operation(mut self, operation: HighRiskOperation) -> Self {
        self.high_risk_operations.push(operation);
        self
    }

    /// Records that the activity involves no automated decision-making, including profiling.
    pub fn without_automated_decisions(mut self) -> Self {
        self.no_automated_decisions = true;
        self
    }

    /// Sets the DPIA record.
    pub fn with_dpia(mut self, dpia: Dpia) -> Self {
        self.dpia = Some(dpia);
        self
    }

    /// Adds an automated decision.
    pub fn with_automated_decision(mut self, decision: AutomatedDecision) -> Self {
        self.automated_decisions.push(decision);
        self
    }

    /// Adds the organisation acting as processor for a controller.
    pub fn with_on_behalf_of(mut self, on_behalf_of: OnBehalfOf) -> Self {
        self.on_behalf_of.push(on_behalf_of);
        self
    }

    /// Whether any data category is special category data.
    pub fn has_special_category_data(&self) -> bool {
        self.data_categories
            .iter()
            .any(DataCategory::is_special_category)
    }

    /// Whether any data category is criminal offence data.
    pub fn has_criminal_offence_data(&self) -> bool {
        self.data_categories.iter().any(|c| c.criminal_offence)
    }
}
