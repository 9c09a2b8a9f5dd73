//! International transfers (Chapter V; Art 30(1)(e)).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::vocabulary::vocabulary;
use crate::model::{CountryCode, DataCategoryId, DocumentId, RecipientId};

vocabulary! {
    /// Where a transfer goes.
    pub enum TransferDestination {
        /// A third country, named in `country`.
        Country,
        /// An international organisation (Art 4(26)), named in `organisation`.
        InternationalOrganisation,
        /// Publication reachable from anywhere, e.g. a video on a public website. Publication is a
        /// disclosure, not a transfer (CJEU C-101/01 Lindqvist): record the public as a recipient
        /// and the upload to the platform's operator as the transfer. Kept so that registers
        /// written this way read; validation says so (`publication-recorded-as-transfer`).
        Worldwide,
        /// A region rather than one country, named in `region`: "within the EEA", "outside the
        /// UK".
        Region,
    }
}

vocabulary! {
    /// A region that registers name instead of a country.
    pub enum Region {
        /// The European Economic Area: the EU member states, Iceland, Liechtenstein and Norway.
        Eea,
        /// The European Union.
        Eu,
        /// Somewhere outside the United Kingdom, no country named.
        OutsideUk,
        /// Somewhere outside the European Economic Area, no country named.
        OutsideEea,
    }
}

impl Region {
    /// Whether the region names where the data goes (the EEA, the EU) rather than only where it
    /// does not (outside the UK).
    pub fn is_named(self) -> bool {
        matches!(self, Self::Eea | Self::Eu)
    }

    /// The region in words, e.g. "the EEA".
    pub fn label(self) -> &'static str {
        match self {
            Self::Eea => "the EEA",
            Self::Eu => "the EU",
            Self::OutsideUk => "outside the UK",
            Self::OutsideEea => "outside the EEA",
        }
    }
}

vocabulary! {
    /// The Chapter V mechanism a transfer relies on.
    pub enum TransferMechanism {
        /// An adequacy decision or UK adequacy regulations (Art 45; DPA 2018 s17A).
        Adequacy,
        /// A legally binding instrument between public authorities (Art 46(2)(a)).
        PublicAuthorityInstrument,
        /// Binding corporate rules (Art 46(2)(b), 47).
        BindingCorporateRules,
        /// EU standard contractual clauses (Art 46(2)(c)); alone they are not valid for a UK transfer.
        EuStandardContractualClauses,
        /// The UK International Data Transfer Agreement (Art 46(2)(d) UK GDPR; DPA 2018 s119A).
        UkIdta,
        /// EU standard contractual clauses with the UK International Data Transfer Addendum.
        EuSccsWithUkAddendum,
        /// Standard data protection clauses adopted by a supervisory authority (Art 46(2)(d)).
        SupervisoryAuthorityClauses,
        /// An approved code of conduct with binding commitments (Art 46(2)(e)).
        CodeOfConduct,
        /// An approved certification mechanism with binding commitments (Art 46(2)(f)).
        Certification,
        /// Contractual clauses authorised by the supervisory authority (Art 46(3)(a)).
        AdHocClauses,
        /// Provisions in administrative arrangements between public authorities (Art 46(3)(b)).
        AdministrativeArrangement,
        /// A derogation for a specific situation (Art 49(1)(a)-(g)); say which in `derogation`.
        Derogation,
        /// Compelling legitimate interests: the Art 49(1) second subparagraph exception.
        CompellingLegitimateInterests,
        /// Contract clauses whose kind the register does not state (Art 46): the EU SCCs, the
        /// IDTA, the Addendum or ad hoc clauses.
        ContractualClauses,
    }
}

impl TransferMechanism {
    /// Whether the mechanism is an Art 46 appropriate safeguard.
    pub fn is_article_46_safeguard(self) -> bool {
        !matches!(
            self,
            Self::Adequacy | Self::Derogation | Self::CompellingLegitimateInterests
        )
    }

    /// The article cited for the mechanism.
    pub fn citation(self) -> &'static str {
        match self {
            Self::Adequacy => "Art 45",
            Self::PublicAuthorityInstrument => "Art 46(2)(a)",
            Self::BindingCorporateRules => "Art 46(2)(b), 47",
            Self::EuStandardContractualClauses => "Art 46(2)(c)",
            Self::UkIdta | Self::EuSccsWithUkAddendum | Self::SupervisoryAuthorityClauses => {
                "Art 46(2)(d)"
            }
            Self::CodeOfConduct => "Art 46(2)(e)",
            Self::Certification => "Art 46(2)(f)",
            Self::AdHocClauses => "Art 46(3)(a)",
            Self::AdministrativeArrangement => "Art 46(3)(b)",
            Self::Derogation => "Art 49(1)",
            Self::CompellingLegitimateInterests => "Art 49(1) second subparagraph",
            Self::ContractualClauses => "Art 46",
        }
    }
}

vocabulary! {
    /// A derogation of Art 49(1) first subparagraph.
    pub enum Article49Derogation {
        /// Art 49(1)(a): explicit consent after being informed of the risks.
        ExplicitConsent,
        /// Art 49(1)(b): necessary for a contract with the data subject.
        ContractWithDataSubject,
        /// Art 49(1)(c): necessary for a contract in the data subject's interest.
        ContractInDataSubjectInterest,
        /// Art 49(1)(d): important reasons of public interest.
        PublicInterest,
        /// Art 49(1)(e): legal claims.
        LegalClaims,
        /// Art 49(1)(f): vital interests where the data subject cannot consent.
        VitalInterests,
        /// Art 49(1)(g): transfer from a public register.
        PublicRegister,
    }
}

impl Article49Derogation {
    /// The point of Art 49(1) as cited, e.g. `"Art 49(1)(a)"`.
    pub fn citation(self) -> &'static str {
        match self {
            Self::ExplicitConsent => "Art 49(1)(a)",
            Self::ContractWithDataSubject => "Art 49(1)(b)",
            Self::ContractInDataSubjectInterest => "Art 49(1)(c)",
            Self::PublicInterest => "Art 49(1)(d)",
            Self::LegalClaims => "Art 49(1)(e)",
            Self::VitalInterests => "Art 49(1)(f)",
            Self::PublicRegister => "Art 49(1)(g)",
        }
    }
}

vocabulary! {
    /// How often a transfer happens.
    pub enum TransferFrequency {
        /// Occasional, not repetitive (what Art 49 derogations are for).
        Occasional,
        /// Regular, repetitive or systematic.
        Regular,
    }
}

/// One international transfer of personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Transfer {
    /// What kind of destination.
    pub destination: TransferDestination,
    /// The destination country, for a country destination.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<CountryCode>,
    /// The region, for a region destination.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    /// The international organisation's name, for such a destination.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// The recipient in the activity's `recipients`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<RecipientId>,
    /// The mechanism relied on; absent when the register does not state one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mechanism: Option<TransferMechanism>,
    /// For the mechanism `derogation`: which Art 49(1) derogation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derogation: Option<Article49Derogation>,
    /// Documentation of suitable safeguards (Art 30(1)(e), 49(6)), or the safeguard document itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documentation: Option<DocumentId>,
    /// The transfer risk assessment or transfer impact assessment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk_assessment: Option<DocumentId>,
    /// How often the transfer happens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<TransferFrequency>,
    /// The data categories transferred; empty means not stated.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub data_categories: Vec<DataCategoryId>,
    /// The transfer in the register's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Transfer {
    /// A transfer to a third country.
    ///
    /// ```
    /// use ropa::{CountryCode, Transfer, TransferMechanism};
    /// let hosting = Transfer::to_country(CountryCode::US)
    ///     .with_recipient("hosting")
    ///     .with_mechanism(TransferMechanism::UkIdta);
    /// assert_eq!(hosting.country, Some(CountryCode::US));
    /// ```
    pub fn to_country(country: CountryCode) -> Self {
        Self::with_destination(TransferDestination::Country, Some(country))
    }

    /// A transfer by publication reachable worldwide.
    pub fn worldwide() -> Self {
        Self::with_destination(TransferDestination::Worldwide, None)
    }

    /// A transfer to a region.
    pub fn to_region(region: Region) -> Self {
        let mut transfer = Self::with_destination(TransferDestination::Region, None);
        transfer.region = Some(region);
        transfer
    }

    /// A transfer to an international organisation.
    pub fn to_organisation(name: impl Into<String>) -> Self {
        let mut transfer =
            Self::with_destination(TransferDestination::InternationalOrganisation, None);
        transfer.organisation = Some(name.into());
        transfer
    }

    fn with_destination(destination: TransferDestination, country: Option<CountryCode>) -> Self {
        Self {
            destination,
            country,
            region: None,
            organisation: None,
            recipient: None,
            mechanism: None,
            derogation: None,
            documentation: None,
            risk_assessment: None,
            frequency: None,
            data_categories: Vec::new(),
            description: None,
        }
    }

    /// Sets the recipient.
    pub fn with_recipient(mut self, recipient: impl Into<RecipientId>) -> Self {
        self.recipient = Some(recipient.into());
        self
    }

    /// Sets the mechanism.
    pub fn with_mechanism(mut self, mechanism: TransferMechanism) -> Self {
        self.mechanism = Some(mechanism);
        self
    }

    /// Relies on an Art 49(1) derogation (sets the mechanism to `derogation`).
    pub fn with_derogation(mut self, derogation: Article49Derogation) -> Self {
        self.mechanism = Some(TransferMechanism::Derogation);
        self.derogation = Some(derogation);
        self
    }

    /// Sets the documentation.
    pub fn with_documentation(mut self, document: impl Into<DocumentId>) -> Self {
        self.documentation = Some(document.into());
        self
    }

    /// Sets the risk assessment.
    pub fn with_risk_assessment(mut self, document: impl Into<DocumentId>) -> Self {
        self.risk_assessment = Some(document.into());
        self
    }

    /// Sets the frequency.
    pub fn with_frequency(mut self, frequency: TransferFrequency) -> Self {
        self.frequency = Some(frequency);
        self
    }

    /// Sets the description.
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
}
