//! Records of processing activities (ROPA) as typed data: the register that Article 30 of the UK
//! GDPR and the EU GDPR obliges every controller and processor to keep, with the UK Data
//! Protection Act 2018 Schedule 1 additions (para 41).
//!
//! Parse a register from JSON (malformed structure is an error that says where; legal gaps parse),
//! build one in code, validate it against the rules the law sets (every finding with its rule id,
//! severity, JSON Pointer and the article it cites), render reports for auditors and DPOs, and
//! hand the JSON Schema to integrators in other languages. The
//! [README](https://github.com/ropa-rs/ropa#readme) has the rules' table, what they find in five
//! real privacy notices, the benchmarks and the command line.
//!
//! # Parse
//!
//! [`from_path`], [`from_str`], [`from_slice`] and [`from_reader`] read a register; an [`Error`]
//! names the file, the JSON Pointer and the line and column.
//!
//! ```
//! let register = ropa::from_path("examples/data/kent-parent-carer-panel.json")?;
//! assert_eq!(register.organisation().map(|p| p.name.as_str()), Some("Kent County Council"));
//!
//! let error = ropa::from_str(r#"{"schema_version": "1.0", "organisation": "org", "retension": []}"#)
//!     .unwrap_err();
//! assert_eq!(error.pointer(), Some("/retension"));
//! assert_eq!(error.line_column(), Some((1, 60)));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Build
//!
//! Every type has a constructor for what it needs and `with_*` methods for the rest;
//! [`to_string`], [`to_writer`] and [`to_path`] (atomically) write the canonical JSON, which reads
//! back equal.
//!
//! ```
//! use ropa::{
//!     DataCategory, DataSubjectCategory, LawfulBasis, Party, PartyKind, ProcessingActivity,
//!     Purpose, Register, RetentionPeriod, RetentionRule, RetentionTrigger,
//! };
//!
//! let register = Register::new(Party::new("council", "Example Council").with_kind(PartyKind::PublicAuthority))
//!     .with_activity(
//!         ProcessingActivity::controller("benefits", "Housing benefit")
//!             .with_purpose(Purpose::new("assess", "Assessing claims").with_basis(LawfulBasis::public_task("Social Security Administration Act 1992")))
//!             .with_data_subjects(DataSubjectCategory::new("claimants", "Claimants"))
//!             .with_data_category(DataCategory::new("income", "Income"))
//!             .with_retention(RetentionRule::new(RetentionPeriod::after("P6Y".parse()?, RetentionTrigger::EndOfRelationship))),
//!     );
//! let json = ropa::to_string(&register)?;
//! assert_eq!(ropa::from_str(&json)?, register);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Validate
//!
//! [`validate()`] runs every rule of the [`catalogue`] and returns a [`ValidationReport`]; a
//! [`Finding`]'s `path` is the RFC 6901 JSON Pointer (`""` for the register itself, which
//! [`Finding::display_path`] prints as `(register)`).
//!
//! ```
//! use ropa::{NaiveDate, Severity, ValidationOptions};
//!
//! let register = ropa::from_path("examples/data/doncaster-peer-support-groups.json")?;
//! let options = ValidationOptions::default().as_of(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
//! let report = ropa::validate(&register, &options);
//! for finding in &report.findings {
//!     println!("{} {} {}: {} ({})", finding.severity, finding.rule, finding.display_path(), finding.message, finding.citation);
//! }
//! assert!(report.has_errors());
//! assert!(report.count(Severity::Error) > 0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Render a report
//!
//! [`report::render_to_string`] renders one [`ReportKind`](report::ReportKind) (the Art 30
//! register, retention, transfers, special category data, findings, a draft privacy notice) in one
//! [`Format`](report::Format) (Markdown, HTML, CSV for the register, JSON for the findings) with
//! [`ReportOptions`](report::ReportOptions); [`report::render`] streams it to any writer, such as
//! a file.
//!
//! ```no_run
//! use std::fs::File;
//!
//! use ropa::NaiveDate;
//! use ropa::report::{render, render_to_string, Format, ReportKind, ReportOptions};
//!
//! let register = ropa::from_path("examples/data/kent-parent-carer-panel.json")?;
//! let options = ReportOptions::default().as_of(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
//!
//! let markdown = render_to_string(&register, ReportKind::Register, Format::Markdown, &options)?;
//! assert!(markdown.contains("Processing activities"));
//!
//! let file = File::create("register.html")?;
//! render(&register, ReportKind::Register, Format::Html, &options, file)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Read the schema
//!
//! [`schema()`] is the register's JSON Schema (draft 2020-12), committed as
//! `schema/ropa.schema.json`; it accepts exactly what the crate parses. [`strict_schema()`] also
//! enforces the [`STRICT_RULES`].
//!
//! ```
//! let schema = ropa::schema();
//! assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
//! assert_eq!(schema["$defs"]["ProcessingActivity"]["title"], "ProcessingActivity");
//! let text = serde_json::to_string_pretty(&ropa::strict_schema())?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # How it is built
//!
//! [ARCHITECTURE.md](https://github.com/ropa-rs/ropa/blob/main/ARCHITECTURE.md) gives the layers
//! (model, law, io, validate, report, review, cli), how a register flows through them, where to
//! add a rule, a law table entry, a report section or an import layout, and the invariants.
//!
//! # Features
//!
//! - `synth`: the `ropa::synth` module, deterministic synthetic registers of any size, for
//!   benchmarks and load tests.
//! - `spreadsheet`: the `ropa::sheet` module, registers read from the ICO template in xlsx, ods
//!   and csv (calamine, csv).
//! - `cli`: the `ropa` command line (`cargo install ropa --features cli`), with `spreadsheet`.
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod law;
pub use io::dpv;
#[cfg(feature = "fides")]
#[cfg_attr(docsrs, doc(cfg(feature = "fides")))]
pub use io::fides;
#[cfg(feature = "spreadsheet")]
#[cfg_attr(docsrs, doc(cfg(feature = "spreadsheet")))]
pub use io::sheet;
pub use review::{diff, pack, sarif};
mod io;
mod model;
pub mod report;
mod review;
#[cfg(test)]
mod robustness_tests;
#[cfg(feature = "synth")]
#[cfg_attr(docsrs, doc(cfg(feature = "synth")))]
pub mod synth;
pub mod validate;

pub use io::Error;
pub use io::error_chain;
pub use io::{DEFAULT_MAX_INPUT_BYTES, from_path_with_text, from_path_within, from_reader_within};
pub use io::{
    SCHEMA_ID, STRICT_RULES, STRICT_SCHEMA_ID, schema, strict_schema, strict_schema_with,
};
pub use io::{
    escape_token, from_path, from_reader, from_slice, from_str, to_path, to_string, to_writer,
};
pub use law::adequacy::{
    ADEQUACY, Adequacy, AdequacyDestination, AdequacyEntry, EEA, adequacy, is_eea, is_third_country,
};
pub use law::annex_1::Annex1Condition;
pub use law::rights::{applicable_rights, right_given};
pub use law::schedule_1::{Schedule1Amendment, Schedule1Entry, Schedule1Paragraph, Schedule1Part};
pub use model::DataSubjectRight;
pub use model::Purpose;
pub use model::System;
pub use model::taxonomy;
pub use model::{
    ARTICLE_35_4_LIST, Article35ListEntry, Article35Trigger, Dpia, DpiaStatus, HighRiskOperation,
    RiskCriterion, article_35_4_entry,
};
pub use model::{
    ActivityId, DataCategoryId, DataSubjectId, DocumentId, PartyId, PurposeId, RecipientId,
};
pub use model::{
    ActivityRole, ActivityStatus, OnBehalfOf, ProcessingActivity, QualifiedRight,
    RightsRestriction, RoleChange,
};
pub use model::{Article6Basis, Consent, ConsentForm, Dpa2018Section8, LawfulBasis};
pub use model::{
    Article9Condition, CriminalOffenceAuthority, CriminalOffenceCondition, Para41Record,
    Schedule1Requirement, SpecialCategoryCondition, SpecialCategoryKind,
};
pub use model::{Article22Basis, AutomatedDecision, DecisionSafeguard};
pub use model::{
    Article49Derogation, Region, Transfer, TransferDestination, TransferFrequency,
    TransferMechanism,
};
pub use model::{BreachDetails, Document, DocumentKind};
pub use model::{
    ComplaintsProcedure, Dpo, Regime, Register, RegisterIndex, SCHEMA_VERSION,
    SUPPORTED_SCHEMA_VERSIONS,
};
pub use model::{Contact, LegalRepresentative, Party, PartyKind, Registration, RegistrationKind};
pub use model::{CountryCode, ISO_3166_1, InvalidCountryCode};
pub use model::{DURATION_PATTERN, InvalidDuration, IsoDuration};
pub use model::{DataCategory, DataSource, DataSubjectCategory, Provision, SourceKind};
pub use model::{DataForm, Recipient, RecipientRole};
pub use model::{
    DisposalAction, LegalHold, PeriodBound, RetentionDecidedBy, RetentionException,
    RetentionPeriod, RetentionRule, RetentionStage, RetentionTrigger,
};
pub use model::{InvalidPartialDate, PartialDate};
pub use model::{InvalidTaxonomyKey, KeyedKind, TaxonomyField, TaxonomyKey, keyed_kind};
pub use model::{SecurityMeasure, SecurityMeasureKind};
#[allow(
    deprecated,
    reason = "the deprecated alias `Report` stays importable until it is removed"
)]
pub use validate::Report;
pub use validate::{
    Finding, Policy, Rule, Severity, ValidationOptions, ValidationReport, applicable_regime,
    catalogue, validate,
};

/// The date type of the public API (the `chrono` crate's), so that callers need not depend on
/// `chrono` to pass a date.
pub use chrono::NaiveDate;

// The README's examples run as doctests too.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
