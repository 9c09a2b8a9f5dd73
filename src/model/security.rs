//! Art 32 technical and organisational security measures.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::vocabulary::vocabulary;

vocabulary! {
    /// A kind of technical or organisational measure (Art 32(1), Art 30(1)(g)).
    pub enum SecurityMeasureKind {
        /// Encryption of data at rest (Art 32(1)(a)).
        EncryptionAtRest,
        /// Encryption of data in transit (Art 32(1)(a)).
        EncryptionInTransit,
        /// Pseudonymisation (Art 32(1)(a)).
        Pseudonymisation,
        /// Access control: role-based access, least privilege, need to know (Art 32(1)(b)).
        AccessControl,
        /// Authentication, including multi-factor authentication (Art 32(1)(b)).
        Authentication,
        /// Logging and monitoring of access (Art 32(1)(b)).
        AuditLogging,
        /// Backups and the ability to restore in a timely manner (Art 32(1)(c)).
        Backup,
        /// Business continuity and resilience of systems (Art 32(1)(b), (c)).
        BusinessContinuity,
        /// Regular testing and evaluation of measures (Art 32(1)(d)).
        SecurityTesting,
        /// Physical security of premises and paper records.
        PhysicalSecurity,
        /// Staff training and awareness (Art 32(4)).
        StaffTraining,
        /// Confidentiality obligations on staff (Art 28(3)(b), 32(4)).
        ConfidentialityAgreement,
        /// Policies and procedures (Art 24(2)).
        Policy,
        /// Secure disposal and deletion of data and media.
        SecureDisposal,
        /// Data minimisation measures (Art 25).
        DataMinimisation,
        /// Network security: firewalls, segregation.
        NetworkSecurity,
        /// Anonymisation before sharing or storage.
        Anonymisation,
        /// A security certification, e.g. ISO/IEC 27001 or Cyber Essentials.
        Certification,
        /// Any other measure; say what in the description.
        Other,
    }
}

/// One security measure: a kind from the vocabulary and, where the register says more, free text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SecurityMeasure {
    /// The kind of measure.
    pub kind: SecurityMeasureKind,
    /// The measure in the register's own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl SecurityMeasure {
    /// A measure of the given kind.
    pub fn new(kind: SecurityMeasureKind) -> Self {
        Self {
            kind,
            description: None,
        }
    }

    /// Sets the measure's description.
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
}
