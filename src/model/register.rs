//! The register: the root of a record of processing activities.

use foldhash::{HashMap, HashMapExt};

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::vocabulary::vocabulary;
use crate::model::{
    ActivityId, Contact, Document, DocumentId, Party, PartyId, PartyKind, ProcessingActivity,
    SecurityMeasure,
};

/// The version of the register format this crate writes: [`crate::io::to_string`] writes it whatever
/// version the register was read from.
pub const SCHEMA_VERSION: &str = "1.1";

/// The versions of the register format this crate reads, oldest first. Version 1.1 only adds to
/// 1.0: a 1.0 file means the same when read as 1.1, so it is read into the same model.
pub const SUPPORTED_SCHEMA_VERSIONS: &[&str] = &["1.0", "1.1"];

/// serde and schemars for `schema_version`: one of [`SUPPORTED_SCHEMA_VERSIONS`] on reading,
/// always [`SCHEMA_VERSION`] on writing.
mod schema_version {
    use schemars::{Schema, SchemaGenerator, json_schema};
    use serde::{Deserializer, Serializer};

    use super::{SCHEMA_VERSION, SUPPORTED_SCHEMA_VERSIONS};

    pub(super) fn serialize<S: Serializer>(_: &str, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(SCHEMA_VERSION)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<String, D::Error> {
        crate::model::de::parse_str(
            deserializer,
            "a schema version such as \"1.1\"",
            |version| {
                if SUPPORTED_SCHEMA_VERSIONS.contains(&version) {
                    Ok(version.to_owned())
                } else {
                    Err(format!(
                        "unsupported schema_version {version:?}: this version of ropa reads {}",
                        SUPPORTED_SCHEMA_VERSIONS
                            .iter()
                            .map(|v| format!("{v:?}"))
                            .collect::<Vec<_>>()
                            .join(" and ")
                    ))
                }
            },
        )
    }

    pub(super) fn schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "The version of the register format. Files of every version listed are read; version 1.1 only adds to 1.0.",
            "type": "string",
            "oneOf": [
                {"const": "1.0", "description": "The first version of the format."},
                {"const": "1.1", "description": "Adds retention as written, parties known as a class, register-wide recipients, transfer regions, activity-wide and per-category bases, restrictions of rights, partial dates and ISO 3166-1 country checks; written by this version of the crate."}
            ]
        })
    }

    #[cfg(test)]
    pub(super) fn arbitrary(_: &mut arbitrary::Unstructured<'_>) -> arbitrary::Result<String> {
        // The version written, so that what is written parses back equal.
        Ok(SCHEMA_VERSION.to_owned())
    }
}

vocabulary! {
    /// The data protection law the register is kept under.
    pub enum Regime {
        /// The UK GDPR with the Data Protection Act 2018.
        UkGdpr,
        /// Regulation (EU) 2016/679.
        EuGdpr,
    }
}

impl Regime {
    /// The name used in citations, e.g. `"UK GDPR"`.
    pub fn label(self) -> &'static str {
        match self {
            Self::UkGdpr => "UK GDPR",
            Self::EuGdpr => "GDPR",
        }
    }
}

/// The data protection officer (Art 37-39; Art 30(1)(a)).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Dpo {
    /// The DPO's name, where published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The DPO's position, e.g. "Chief Executive Officer".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// An external party providing the DPO service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<PartyId>,
    /// How to reach the DPO (Art 37(7)).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub contacts: Vec<Contact>,
}

impl Dpo {
    /// A DPO reached through the given contact.
    pub fn new(contact: Contact) -> Self {
        Self {
            contacts: vec![contact],
            ..Self::default()
        }
    }

    /// Sets the DPO's name.
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Sets the DPO's position.
    pub fn with_position(mut self, position: impl Into<String>) -> Self {
        self.position = Some(position.into());
        self
    }
}

/// How people complain to the organisation about its use of their data (DPA 2018 s164A: an
/// electronic complaint form or other means, acknowledgement within 30 days, steps taken and the
/// outcome told without undue delay).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ComplaintsProcedure {
    /// The procedure in the register's words, e.g. "complaints are acknowledged within 30 days".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Where complaints go: the electronic form, an email address, a postal address.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub contacts: Vec<crate::model::Contact>,
    /// The document that sets the procedure out, in `documents`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<crate::model::DocumentId>,
}

impl ComplaintsProcedure {
    /// A procedure described in words.
    pub fn described(description: impl Into<String>) -> Self {
        Self {
            description: Some(description.into()),
            ..Self::default()
        }
    }

    /// Whether the procedure says anything: a description, a way to reach it or its document.
    pub fn is_stated(&self) -> bool {
        crate::model::text::is_stated(self.description.as_deref())
            || self
                .contacts
                .iter()
                .any(crate::model::Contact::is_reachable)
            || self.document.is_some()
    }
}

/// A record of processing activities.
///
/// # Examples
///
/// ```
/// use ropa::{Party, PartyKind, ProcessingActivity, Register};
///
/// let register = Register::new(Party::new("council", "Example Council").with_kind(PartyKind::PublicAuthority))
///     .with_activity(ProcessingActivity::controller("benefits", "Housing benefit"));
/// assert!(register.is_public_authority());
/// assert_eq!(register.organisation().map(|p| p.name.as_str()), Some("Example Council"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Register {
    /// The version of the register format the register was read from, one of
    /// [`SUPPORTED_SCHEMA_VERSIONS`]; written as [`SCHEMA_VERSION`].
    #[serde(with = "schema_version")]
    #[schemars(schema_with = "schema_version::schema")]
    #[cfg_attr(test, arbitrary(with = schema_version::arbitrary))]
    pub schema_version: String,
    /// The law the register is kept under; when absent, validation takes it from its options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regime: Option<Regime>,
    /// The party whose register this is, in `parties`. Whether it is a public authority follows
    /// from that party's kind.
    pub organisation: PartyId,
    /// The data protection officer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpo: Option<Dpo>,
    /// The Art 27 representative, in `parties`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub representative: Option<PartyId>,
    /// The supervisory authority data subjects can complain to (Art 77), in `parties`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supervisory_authority: Option<PartyId>,
    /// How people complain to the organisation about its use of their data: under the UK GDPR
    /// from 19 June 2026 a controller must have a procedure (DPA 2018 s164A).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complaints_procedure: Option<ComplaintsProcedure>,
    /// Who keeps the register, e.g. "Information Governance team".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// When the register was last reviewed.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::model::date::option"
    )]
    #[schemars(with = "Option<NaiveDate>")]
    #[cfg_attr(test, arbitrary(with = crate::model::date::arbitrary_date))]
    pub last_reviewed: Option<NaiveDate>,
    /// When the register is next due for review.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::model::date::option"
    )]
    #[schemars(with = "Option<NaiveDate>")]
    #[cfg_attr(test, arbitrary(with = crate::model::date::arbitrary_date))]
    pub next_review: Option<NaiveDate>,
    /// Security measures that apply to every activity (Art 30(1)(g)).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub security_measures: Vec<SecurityMeasure>,
    /// For a register kept under the EU GDPR: the member state where the organisation is
    /// established (its main establishment), where its party's country does not say, e.g. an
    /// organisation of a third country with an establishment in France.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member_state: Option<crate::model::CountryCode>,
    /// Processors and recipients shared by every activity (a hosting provider, a contact
    /// centre), recorded once; their ids share the namespace of each activity's `recipients`.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub recipients: Vec<crate::model::Recipient>,
    /// Every party the register refers to, the organisation included.
    #[serde(default, deserialize_with = "crate::model::de::exact_vec")]
    pub parties: Vec<Party>,
    /// The processing activities.
    #[serde(default, deserialize_with = "crate::model::de::exact_vec")]
    pub activities: Vec<ProcessingActivity>,
    /// Every document the register refers to.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub documents: Vec<Document>,
}

impl Register {
    /// A register of the given organisation, which becomes its first party.
    pub fn new(organisation: Party) -> Self {
        Self {
            schema_version: SCHEMA_VERSION.to_owned(),
            regime: None,
            organisation: organisation.id.clone(),
            dpo: None,
            representative: None,
            supervisory_authority: None,
            complaints_procedure: None,
            owner: None,
            last_reviewed: None,
            next_review: None,
            security_measures: Vec::new(),
            member_state: None,
            recipients: Vec::new(),
            parties: vec![organisation],
            activities: Vec::new(),
            documents: Vec::new(),
        }
    }

    /// Sets the regime.
    pub fn with_regime(mut self, regime: Regime) -> Self {
        self.regime = Some(regime);
        self
    }

    /// Sets the DPO.
    pub fn with_dpo(mut self, dpo: Dpo) -> Self {
        self.dpo = Some(dpo);
        self
    }

    /// Adds a recipient shared by every activity.
    pub fn with_recipient(mut self, recipient: crate::model::Recipient) -> Self {
        self.recipients.push(recipient);
        self
    }

    /// Sets the member state of establishment.
    pub fn with_member_state(mut self, country: crate::model::CountryCode) -> Self {
        self.member_state = Some(country);
        self
    }

    /// Adds a party.
    pub fn with_party(mut self, party: Party) -> Self {
        self.parties.push(party);
        self
    }

    /// Adds a processing activity.
    pub fn with_activity(mut self, activity: ProcessingActivity) -> Self {
        self.activities.push(activity);
        self
    }

    /// Adds a document.
    pub fn with_document(mut self, document: Document) -> Self {
        self.documents.push(document);
        self
    }

    /// Adds a register-wide security measure.
    pub fn with_security_measure(mut self, measure: SecurityMeasure) -> Self {
        self.security_measures.push(measure);
        self
    }

    /// Sets who keeps the register, e.g. "Information Governance team".
    pub fn with_owner(mut self, owner: impl Into<String>) -> Self {
        self.owner = Some(owner.into());
        self
    }

    /// Sets when the register was last reviewed.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use ropa::{Party, Register};
    /// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// let register = Register::new(Party::new("org", "Org"))
    ///     .with_owner("Information Governance team")
    ///     .with_last_reviewed(day(1, 15))
    ///     .with_next_review(day(7, 15));
    /// assert_eq!(register.next_review, Some(day(7, 15)));
    /// ```
    pub fn with_last_reviewed(mut self, date: NaiveDate) -> Self {
        self.last_reviewed = Some(date);
        self
    }

    /// Sets when the register is next due for review.
    pub fn with_next_review(mut self, date: NaiveDate) -> Self {
        self.next_review = Some(date);
        self
    }

    /// Sets the Art 27 representative, adding it to the parties.
    pub fn with_representative(mut self, representative: Party) -> Self {
        self.representative = Some(representative.id.clone());
        self.parties.push(representative);
        self
    }

    /// Sets how people complain to the organisation (DPA 2018 s164A).
    pub fn with_complaints_procedure(mut self, procedure: ComplaintsProcedure) -> Self {
        self.complaints_procedure = Some(procedure);
        self
    }

    /// Sets the supervisory authority, adding it as a party.
    pub fn with_supervisory_authority(mut self, authority: Party) -> Self {
        self.supervisory_authority = Some(authority.id.clone());
        self.parties.push(authority);
        self
    }

    /// The organisation's party, if `organisation` resolves.
    pub fn organisation(&self) -> Option<&Party> {
        self.party(&self.organisation)
    }

    /// Whether the organisation is a public authority or body.
    pub fn is_public_authority(&self) -> bool {
        self.organisation().and_then(|p| p.kind) == Some(PartyKind::PublicAuthority)
    }

    /// Looks up a party by id (a linear scan; build a [`RegisterIndex`] for many lookups).
    pub fn party(&self, id: &PartyId) -> Option<&Party> {
        self.parties.iter().find(|p| &p.id == id)
    }

    /// Looks up a document by id (a linear scan; build a [`RegisterIndex`] for many lookups).
    pub fn document(&self, id: &DocumentId) -> Option<&Document> {
        self.documents.iter().find(|d| &d.id == id)
    }

    /// Looks up an activity by id (a linear scan; build a [`RegisterIndex`] for many lookups).
    pub fn activity(&self, id: &ActivityId) -> Option<&ProcessingActivity> {
        self.activities.iter().find(|a| &a.id == id)
    }

    /// Builds an index for constant-time lookups by id.
    pub fn index(&self) -> RegisterIndex<'_> {
        RegisterIndex::new(self)
    }
}

/// Lookups by id into a register, built once in linear time. Where ids repeat, the first wins.
///
/// The maps hash with foldhash, faster than the standard library's SipHash on short ids and
/// seeded at random per map, so that a file cannot be prepared in advance with ids that collide
/// (foldhash is only minimally resistant to an attacker who can study a running process).
#[derive(Debug)]
pub struct RegisterIndex<'a> {
    parties: HashMap<&'a str, (usize, &'a Party)>,
    documents: HashMap<&'a str, (usize, &'a Document)>,
    activities: HashMap<&'a str, (usize, &'a ProcessingActivity)>,
    recipients: HashMap<&'a str, (usize, &'a crate::model::Recipient)>,
}

impl<'a> RegisterIndex<'a> {
    /// Indexes the register.
    pub fn new(register: &'a Register) -> Self {
        fn build<'a, T>(
            items: &'a [T],
            id: impl Fn(&'a T) -> &'a str,
        ) -> HashMap<&'a str, (usize, &'a T)> {
            let mut map = HashMap::with_capacity(items.len());
            for (position, item) in items.iter().enumerate() {
                map.entry(id(item)).or_insert((position, item));
            }
            map
        }
        Self {
            parties: build(&register.parties, |p| p.id.as_str()),
            documents: build(&register.documents, |d| d.id.as_str()),
            activities: build(&register.activities, |a| a.id.as_str()),
            recipients: build(&register.recipients, |r| r.id.as_str()),
        }
    }

    /// The party with the given id.
    pub fn party(&self, id: &PartyId) -> Option<&'a Party> {
        self.parties.get(id.as_str()).map(|(_, p)| *p)
    }

    /// The position in `parties` of the party with the given id.
    pub fn party_position(&self, id: &PartyId) -> Option<usize> {
        self.parties.get(id.as_str()).map(|(i, _)| *i)
    }

    /// The document with the given id.
    pub fn document(&self, id: &DocumentId) -> Option<&'a Document> {
        self.documents.get(id.as_str()).map(|(_, d)| *d)
    }

    /// The position in `documents` of the document with the given id.
    pub fn document_position(&self, id: &DocumentId) -> Option<usize> {
        self.documents.get(id.as_str()).map(|(i, _)| *i)
    }

    /// The activity with the given id.
    pub fn activity(&self, id: &ActivityId) -> Option<&'a ProcessingActivity> {
        self.activities.get(id.as_str()).map(|(_, a)| *a)
    }

    /// The recipient of the whole register (`Register::recipients`) with the given id.
    pub fn register_recipient(
        &self,
        id: &crate::model::RecipientId,
    ) -> Option<&'a crate::model::Recipient> {
        self.recipients.get(id.as_str()).map(|(_, r)| *r)
    }
}
