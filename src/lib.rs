#![doc = include_str!("../README.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod activity;
mod automated;
mod country;
mod data;
mod date;
mod de;
pub mod diff;
mod document;
mod dpia;
mod duration;
mod error;
mod id;
mod json;
pub mod law;
mod lawful_basis;
mod party;
mod purpose;
mod recipient;
mod register;
pub mod report;
mod retention;
mod rights;
#[cfg(test)]
mod robustness_tests;
pub mod sarif;
mod schema;
mod security;
mod special_category;
mod strict;
pub mod synth;
mod system;
mod transfer;
pub mod validate;
mod vocabulary;

pub use activity::{
    ActivityRole, ActivityStatus, OnBehalfOf, ProcessingActivity, RightsRestriction, RoleChange,
};
pub use automated::{Article22Basis, AutomatedDecision, DecisionSafeguard};
pub use country::{CountryCode, ISO_3166_1, InvalidCountryCode};
pub use data::{DataCategory, DataSource, DataSubjectCategory, Provision, SourceKind};
pub use date::{InvalidPartialDate, PartialDate};
pub use document::{Document, DocumentKind};
pub use dpia::{Article35Trigger, Dpia, DpiaStatus, RiskCriterion};
pub use duration::{DURATION_PATTERN, InvalidDuration, IsoDuration};
pub use error::Error;
pub use id::{
    ActivityId, DataCategoryId, DataSubjectId, DocumentId, PartyId, PurposeId, RecipientId,
};
pub use json::{escape_token, from_path, from_reader, from_slice, from_str, to_string, to_writer};
pub use law::adequacy::{
    ADEQUACY, Adequacy, AdequacyDestination, AdequacyEntry, EEA, adequacy, is_eea, is_third_country,
};
pub use law::annex_1::Annex1Condition;
pub use law::schedule_1::{Schedule1Entry, Schedule1Paragraph, Schedule1Part};
pub use lawful_basis::{Article6Basis, Consent, ConsentForm, Dpa2018Section8, LawfulBasis};
pub use party::{Contact, LegalRepresentative, Party, PartyKind, Registration, RegistrationKind};
pub use purpose::Purpose;
pub use recipient::{DataForm, Recipient, RecipientRole};
pub use register::{
    Dpo, Regime, Register, RegisterIndex, SCHEMA_VERSION, SUPPORTED_SCHEMA_VERSIONS,
};
pub use retention::{
    DisposalAction, PeriodBound, RetentionDecidedBy, RetentionException, RetentionPeriod,
    RetentionRule, RetentionStage, RetentionTrigger,
};
pub use rights::{DataSubjectRight, applicable_rights};
pub use schema::{
    SCHEMA_ID, STRICT_RULES, STRICT_SCHEMA_ID, schema, strict_schema, strict_schema_with,
};
pub use security::{SecurityMeasure, SecurityMeasureKind};
pub use special_category::{
    Article9Condition, CriminalOffenceAuthority, CriminalOffenceCondition, Para41Record,
    Schedule1Requirement, SpecialCategoryCondition, SpecialCategoryKind,
};
pub use system::System;
pub use transfer::{
    Article49Derogation, Region, Transfer, TransferDestination, TransferFrequency,
    TransferMechanism,
};
pub use validate::{Finding, Report, Rule, Severity, ValidationOptions, catalogue, validate};
