//! Parties: the organisations and people a register refers to (the organisation itself, joint
//! controllers, processors, recipients, representatives, supervisory authorities).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::vocabulary::vocabulary;
use crate::model::{CountryCode, DocumentId, PartyId};

vocabulary! {
    /// What kind of body a party is.
    pub enum PartyKind {
        /// A public authority or body (a council, a government department, the NHS); relevant to
        /// Art 6(1) second subparagraph, Art 37(1)(a) and Art 49(3).
        PublicAuthority,
        /// A company or other commercial undertaking.
        Company,
        /// A charity or other not-for-profit body.
        Charity,
        /// A natural person, e.g. a freelancer or sole trader.
        Individual,
        /// An international organisation (Art 4(26)).
        InternationalOrganisation,
        /// A supervisory authority, such as the Information Commissioner's Office.
        SupervisoryAuthority,
    }
}

vocabulary! {
    /// The register a party's registration number belongs to.
    pub enum RegistrationKind {
        /// The Information Commissioner's data protection register (a number such as `Z7414053`).
        IcoRegistration,
        /// A register of companies, e.g. Companies House in the UK.
        Company,
        /// A register of charities, e.g. the Charity Commission's.
        Charity,
        /// A VAT registration.
        Vat,
        /// The French SIREN or SIRET business directory.
        Siren,
        /// Another register, named in `register`.
        Other,
    }
}

/// A registration number of a party, e.g. its ICO registration or company number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Registration {
    /// Which register.
    pub kind: RegistrationKind,
    /// The number as written.
    pub number: String,
    /// The register's name, for `other`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub register: Option<String>,
}

impl Registration {
    /// A registration number in the given register.
    pub fn new(kind: RegistrationKind, number: impl Into<String>) -> Self {
        Self {
            kind,
            number: number.into(),
            register: None,
        }
    }
}

/// The person who legally represents a body, such as the head of a public body (not an Art 27
/// representative, which is a party of its own).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LegalRepresentative {
    /// The person's name, where given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The position that carries the representation, e.g. "the Mayor" or "Director General".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
}

impl LegalRepresentative {
    /// A representative by position.
    pub fn position(position: impl Into<String>) -> Self {
        Self {
            name: None,
            position: Some(position.into()),
        }
    }
}

/// One way of reaching a party: a postal address, email, phone and web address, any of which may
/// be absent. A party can have several (the DPO's address, a complaints address, ...).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Contact {
    /// What this contact is for, e.g. "Data Protection Officer" or "complaints".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Postal address, lines separated by ", " as written in the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Telephone number as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Web address (a page or a contact form).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web: Option<String>,
}

impl Contact {
    /// An empty contact; add its parts with the `with_*` methods.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets what the contact is for.
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Sets the postal address.
    pub fn with_address(mut self, address: impl Into<String>) -> Self {
        self.address = Some(address.into());
        self
    }

    /// Sets the email address.
    pub fn with_email(mut self, email: impl Into<String>) -> Self {
        self.email = Some(email.into());
        self
    }

    /// Sets the telephone number.
    pub fn with_phone(mut self, phone: impl Into<String>) -> Self {
        self.phone = Some(phone.into());
        self
    }

    /// Sets the web address.
    pub fn with_web(mut self, web: impl Into<String>) -> Self {
        self.web = Some(web.into());
        self
    }

    /// Whether the contact holds any way of reaching the party (address, email, phone or web);
    /// a part of white space or invisible characters only holds none.
    pub fn is_reachable(&self) -> bool {
        [&self.address, &self.email, &self.phone, &self.web]
            .iter()
            .any(|part| crate::model::text::is_stated(part.as_deref()))
    }
}

/// An organisation or person the register refers to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Party {
    /// The party's id, unique among the register's parties.
    pub id: PartyId,
    /// The party's name, e.g. "Kent County Council"; for a class, its description, e.g. "The
    /// organisations that send messages through the service".
    pub name: String,
    /// The party is a class of organisations or people known only by description, not one body:
    /// the controllers that use a platform, "the providers you apply to". Its members' names and
    /// contact details are in the list at `list`.
    #[serde(
        default,
        skip_serializing_if = "std::ops::Not::not",
        deserialize_with = "crate::model::de::null_as_default"
    )]
    pub class: bool,
    /// For a class: where the list of its members is kept, e.g. a URL or "on request".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<String>,
    /// What kind of body the party is, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<PartyKind>,
    /// What the party does in relation to the register, e.g. the service a processor provides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Ways of reaching the party.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub contacts: Vec<Contact>,
    /// Where the party is established: ISO 3166-1 alpha-2 code, e.g. "GB".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<CountryCode>,
    /// Registration numbers: the ICO registration, company or charity number.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub registrations: Vec<Registration>,
    /// The party's own privacy notice, a URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_notice: Option<String>,
    /// The person who legally represents the party, e.g. the head of a public body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_representative: Option<LegalRepresentative>,
    /// For a processor: the Art 28(3) contract or other legal act that binds it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract: Option<DocumentId>,
    /// For a recipient in the United States: certified under the EU-US Data Privacy Framework.
    /// EU adequacy for the United States (Decision (EU) 2023/1795) covers only certified
    /// recipients.
    #[serde(
        default,
        skip_serializing_if = "std::ops::Not::not",
        deserialize_with = "crate::model::de::null_as_default"
    )]
    pub dpf_certified: bool,
    /// For a recipient in the United States: certified to the UK Extension to the EU-US Data
    /// Privacy Framework. The UK's data bridge (SI 2023/1028) covers only such recipients;
    /// `dpf_certified` alone does not.
    #[serde(
        default,
        skip_serializing_if = "std::ops::Not::not",
        deserialize_with = "crate::model::de::null_as_default"
    )]
    pub dpf_uk_extension: bool,
    /// For a processor: the sub-processors it engages (Art 28(2), 28(4)).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub sub_processors: Vec<PartyId>,
    /// For a processor with sub-processors: the organisation's prior written authorisation of
    /// them as controller, specific or general (Art 28(2)); often a clause of the contract.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_processor_authorisation: Option<DocumentId>,
}

impl Party {
    /// A party with an id and a name.
    ///
    /// ```
    /// use ropa::{Contact, CountryCode, Party, PartyKind};
    /// let council = Party::new("council", "Example Borough Council")
    ///     .with_kind(PartyKind::PublicAuthority)
    ///     .with_country(CountryCode::GB)
    ///     .with_contact(Contact::new().with_email("info@example.gov.uk"));
    /// assert_eq!(council.contacts.len(), 1);
    /// ```
    pub fn new(id: impl Into<PartyId>, name: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            class: false,
            list: None,
            kind: None,
            description: None,
            contacts: Vec::new(),
            country: None,
            registrations: Vec::new(),
            privacy_notice: None,
            legal_representative: None,
            contract: None,
            dpf_certified: false,
            dpf_uk_extension: false,
            sub_processors: Vec::new(),
            sub_processor_authorisation: None,
        }
    }

    /// A class of organisations or people known only by description, with where its list is
    /// kept.
    pub fn class(
        id: impl Into<PartyId>,
        description: impl Into<String>,
        list: Option<String>,
    ) -> Self {
        let mut party = Self::new(id, description);
        party.class = true;
        party.list = list;
        party
    }

    /// Adds a registration number.
    pub fn with_registration(mut self, registration: Registration) -> Self {
        self.registrations.push(registration);
        self
    }

    /// Sets the party's own privacy notice.
    pub fn with_privacy_notice(mut self, url: impl Into<String>) -> Self {
        self.privacy_notice = Some(url.into());
        self
    }

    /// Sets the person who legally represents the party.
    pub fn with_legal_representative(mut self, representative: LegalRepresentative) -> Self {
        self.legal_representative = Some(representative);
        self
    }

    /// Sets the kind of body.
    pub fn with_kind(mut self, kind: PartyKind) -> Self {
        self.kind = Some(kind);
        self
    }

    /// Sets the description.
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Adds a contact.
    pub fn with_contact(mut self, contact: Contact) -> Self {
        self.contacts.push(contact);
        self
    }

    /// Sets the country of establishment.
    pub fn with_country(mut self, country: CountryCode) -> Self {
        self.country = Some(country);
        self
    }

    /// Sets the Art 28 contract.
    pub fn with_contract(mut self, contract: impl Into<DocumentId>) -> Self {
        self.contract = Some(contract.into());
        self
    }

    /// Adds a sub-processor.
    pub fn with_sub_processor(mut self, party: impl Into<PartyId>) -> Self {
        self.sub_processors.push(party.into());
        self
    }

    /// Sets the authorisation of its sub-processors (Art 28(2)).
    pub fn with_sub_processor_authorisation(mut self, document: impl Into<DocumentId>) -> Self {
        self.sub_processor_authorisation = Some(document.into());
        self
    }

    /// Whether any contact holds a way of reaching the party (text of white space or invisible
    /// characters only does not count); for a class, whether the register says where the list of
    /// its members (with their details) is kept.
    pub fn is_reachable(&self) -> bool {
        self.contacts.iter().any(Contact::is_reachable)
            || (self.class && crate::model::text::is_stated(self.list.as_deref()))
    }
}
