//! Recipients of personal data (Art 4(9), Art 30(1)(d)).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::vocabulary::vocabulary;
use crate::model::{CountryCode, DataCategoryId, DocumentId, PartyId, PurposeId, RecipientId};

vocabulary! {
    /// The role a recipient plays when it receives the data.
    pub enum RecipientRole {
        /// Staff or a team within the organisation.
        Internal,
        /// A processor acting on the organisation's instructions (Art 28).
        Processor,
        /// Another controller that decides for itself what to do with the data.
        IndependentController,
        /// A joint controller (Art 26).
        JointController,
        /// A public authority, e.g. a government department or regulator.
        PublicAuthority,
        /// The police or another law enforcement body.
        LawEnforcement,
        /// Lawyers, insurers, auditors or other professional advisers.
        ProfessionalAdvisers,
        /// The public: data published for anyone to see.
        Public,
    }
}

vocabulary! {
    /// The form in which a recipient gets the data.
    pub enum DataForm {
        /// Data that identifies the data subject.
        Identifiable,
        /// Pseudonymised data (Art 4(5)): still personal data.
        Pseudonymised,
        /// Anonymised data (Recital 26): no longer personal data.
        Anonymised,
    }
}

/// A recipient or category of recipients of the data of one processing activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Recipient {
    /// The recipient's id, unique within its activity.
    pub id: RecipientId,
    /// The named party that receives the data, if a particular one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<PartyId>,
    /// The category of recipient as described, e.g. "Health professionals", where no single party
    /// is named (Art 30(1)(d) allows categories).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// The role the recipient plays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<RecipientRole>,
    /// The form of the data the recipient gets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_form: Option<DataForm>,
    /// What is disclosed and why, in the register's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Any condition on the disclosure, e.g. "only where there is a safeguarding concern".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
    /// The disclosure happens only with the data subject's consent ("to a health professional,
    /// only if you authorised it"): how it is given and withdrawn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<crate::model::Consent>,
    /// The data categories disclosed; empty means not stated.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub data_categories: Vec<DataCategoryId>,
    /// The purposes for which the data is disclosed; empty means not stated.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub purposes: Vec<PurposeId>,
    /// Where the recipient is, if it differs from the party's country or no party is named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<CountryCode>,
    /// The information sharing agreement or contract governing the disclosure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<DocumentId>,
    /// The disclosure's own Art 6 basis, where it differs from the activity's: a disclosure is
    /// processing of its own (to the police, say, on legal obligation).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub lawful_bases: Vec<crate::model::LawfulBasis>,
    /// The exemption the disclosure relies on, e.g. "DPA 2018 Sch 2 para 2 (crime and taxation)"
    /// or "DPA 2018 Sch 2 para 5 (legal proceedings)". The Art 9 condition of a disclosure of
    /// special category data is recorded on the condition, in its `recipients`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exemption: Option<String>,
}

impl Recipient {
    /// A recipient with an id and a role.
    ///
    /// ```
    /// use ropa::{Recipient, RecipientRole};
    /// let police = Recipient::new("police", RecipientRole::LawEnforcement)
    ///     .with_condition("Where a crime may have been committed");
    /// let host = Recipient::new("hosting", RecipientRole::Processor).with_party("acme-cloud");
    /// assert_eq!(host.party.as_ref().map(|p| p.as_str()), Some("acme-cloud"));
    /// assert!(police.condition.is_some());
    /// ```
    pub fn new(id: impl Into<RecipientId>, role: RecipientRole) -> Self {
        Self {
            id: id.into(),
            party: None,
            category: None,
            role: Some(role),
            data_form: None,
            description: None,
            condition: None,
            consent: None,
            data_categories: Vec::new(),
            purposes: Vec::new(),
            country: None,
            agreement: None,
            lawful_bases: Vec::new(),
            exemption: None,
        }
    }

    /// Names the party that receives the data.
    pub fn with_party(mut self, party: impl Into<PartyId>) -> Self {
        self.party = Some(party.into());
        self
    }

    /// Sets the category of recipient.
    pub fn with_category(mut self, category: impl Into<String>) -> Self {
        self.category = Some(category.into());
        self
    }

    /// Sets the form of the data received.
    pub fn with_data_form(mut self, form: DataForm) -> Self {
        self.data_form = Some(form);
        self
    }

    /// Sets the condition on disclosure.
    pub fn with_condition(mut self, condition: impl Into<String>) -> Self {
        self.condition = Some(condition.into());
        self
    }

    /// Makes the disclosure depend on the data subject's consent.
    pub fn with_consent(mut self, consent: crate::model::Consent) -> Self {
        self.consent = Some(consent);
        self
    }

    /// Sets the description.
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Sets the governing agreement.
    pub fn with_agreement(mut self, agreement: impl Into<DocumentId>) -> Self {
        self.agreement = Some(agreement.into());
        self
    }
}
