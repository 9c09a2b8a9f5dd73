//! The model: the types of a register, as the law and the ICO template name its parts.
//!
//! One file per concept (a party, an activity, a purpose, data, a lawful basis, a special
//! category condition, a recipient, a transfer, retention, security, ...), each a plain serde
//! type with a JSON Schema, builders and docs. The model knows nothing of the law's dates, of
//! validation or of reports: every other layer reads it, and it reads none of them. Its own serde
//! support (`de`: strict strings, `null` as absent, lists read at their length), the `vocabulary!`
//! macro for closed vocabularies, the words for their values (`labels`) and the tests for text
//! that says nothing (`text`) live here, beside the types that use them.

pub(crate) mod activity;
pub(crate) mod activity_builders;
pub(crate) mod automated;
pub(crate) mod country;
pub(crate) mod country_names;
pub(crate) mod data;
pub(crate) mod date;
pub(crate) mod de;
pub(crate) mod document;
pub(crate) mod dpia;
pub(crate) mod duration;
pub(crate) mod id;
pub(crate) mod labels;
pub(crate) mod lawful_basis;
pub(crate) mod party;
pub(crate) mod purpose;
pub(crate) mod recipient;
pub(crate) mod register;
pub(crate) mod retention;
pub(crate) mod rights;
pub(crate) mod schedule_1;
pub(crate) mod security;
pub(crate) mod special_category;
pub(crate) mod starter;
pub(crate) mod system;
pub mod taxonomy;
pub(crate) mod text;
pub(crate) mod transfer;
pub(crate) mod vocabulary;

pub use activity::{
    ActivityRole, ActivityStatus, OnBehalfOf, ProcessingActivity, QualifiedRight,
    RightsRestriction, RoleChange,
};
pub use automated::{Article22Basis, AutomatedDecision, DecisionSafeguard};
pub use country::{CountryCode, ISO_3166_1, InvalidCountryCode};
pub use data::{DataCategory, DataSource, DataSubjectCategory, Provision, SourceKind};
pub use date::{InvalidPartialDate, PartialDate};
pub use document::{BreachDetails, Document, DocumentKind};
pub use dpia::{
    ARTICLE_35_4_LIST, Article35ListEntry, Article35Trigger, Dpia, DpiaStatus, HighRiskOperation,
    RiskCriterion, article_35_4_entry,
};
pub use duration::{DURATION_PATTERN, InvalidDuration, IsoDuration};
pub use id::{
    ActivityId, DataCategoryId, DataSubjectId, DocumentId, PartyId, PurposeId, RecipientId,
};
pub use lawful_basis::{
    Annex1Condition, Article6Basis, Consent, ConsentForm, Dpa2018Section8, LawfulBasis,
};
pub use party::{Contact, LegalRepresentative, Party, PartyKind, Registration, RegistrationKind};
pub use purpose::Purpose;
pub use recipient::{DataForm, Recipient, RecipientRole};
pub use register::{
    ComplaintsProcedure, Dpo, Regime, Register, RegisterIndex, SCHEMA_VERSION,
    SUPPORTED_SCHEMA_VERSIONS,
};
pub use retention::{
    DisposalAction, LegalHold, PeriodBound, RetentionDecidedBy, RetentionException,
    RetentionPeriod, RetentionRule, RetentionStage, RetentionTrigger,
};
pub use rights::DataSubjectRight;
pub use schedule_1::{Schedule1Paragraph, Schedule1Part};
pub use security::{SecurityMeasure, SecurityMeasureKind};
pub use special_category::{
    Article9Condition, CriminalOffenceAuthority, CriminalOffenceCondition, Para41Record,
    Schedule1Requirement, SpecialCategoryCondition, SpecialCategoryKind,
};
pub use system::System;
pub use taxonomy::{InvalidTaxonomyKey, KeyedKind, TaxonomyField, TaxonomyKey, keyed_kind};
pub use transfer::{
    Article49Derogation, Region, Transfer, TransferDestination, TransferFrequency,
    TransferMechanism,
};
