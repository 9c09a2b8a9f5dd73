//! Every public name of the crate, imported at the path a user's `use` line names it by.
//!
//! Moving a module inside the crate must not break a user's import: if a name below stops
//! resolving, this test binary no longer compiles. The list was generated from the crate's rustdoc
//! JSON (every public item and re-export reachable from the root with every feature on, 308 names;
//! `RUSTC_BOOTSTRAP=1 cargo rustdoc --lib --all-features -- -Z unstable-options --output-format
//! json` writes it to `target/doc/ropa.json`). Add a name here when one is added to the public API,
//! and remove one only with a deprecation noted in the CHANGELOG.
//! Each path gets a module of its own, since two paths may export the same name (`ropa::Provision`
//! and `ropa::law::Provision` are different types).
#![allow(
    unused_imports,
    deprecated,
    reason = "the imports are the test: each must resolve, used or not, deprecated or not"
)]

mod root {
    use ropa::{
        ADEQUACY, ARTICLE_35_4_LIST, ActivityId, ActivityRole, ActivityStatus, Adequacy,
        AdequacyDestination, AdequacyEntry, Annex1Condition, Article6Basis, Article9Condition,
        Article22Basis, Article35ListEntry, Article35Trigger, Article49Derogation,
        AutomatedDecision, BreachDetails, Consent, ConsentForm, Contact, CountryCode,
        CriminalOffenceAuthority, CriminalOffenceCondition, DEFAULT_MAX_INPUT_BYTES,
        DURATION_PATTERN, DataCategory, DataCategoryId, DataForm, DataSource, DataSubjectCategory,
        DataSubjectId, DataSubjectRight, DecisionSafeguard, DisposalAction, Document, DocumentId,
        DocumentKind, Dpa2018Section8, Dpia, DpiaStatus, Dpo, EEA, Error, Finding,
        HighRiskOperation, ISO_3166_1, InvalidCountryCode, InvalidDuration, InvalidPartialDate,
        IsoDuration, LawfulBasis, LegalHold, LegalRepresentative, NaiveDate, OnBehalfOf,
        Para41Record, PartialDate, Party, PartyId, PartyKind, PeriodBound, Policy,
        ProcessingActivity, Provision, Purpose, PurposeId, QualifiedRight, Recipient, RecipientId,
        RecipientRole, Regime, Region, Register, RegisterIndex, Registration, RegistrationKind,
        Report, RetentionDecidedBy, RetentionException, RetentionPeriod, RetentionRule,
        RetentionStage, RetentionTrigger, RightsRestriction, RiskCriterion, RoleChange, Rule,
        SCHEMA_ID, SCHEMA_VERSION, STRICT_RULES, STRICT_SCHEMA_ID, SUPPORTED_SCHEMA_VERSIONS,
        Schedule1Amendment, Schedule1Entry, Schedule1Paragraph, Schedule1Part,
        Schedule1Requirement, SecurityMeasure, SecurityMeasureKind, Severity, SourceKind,
        SpecialCategoryCondition, SpecialCategoryKind, System, Transfer, TransferDestination,
        TransferFrequency, TransferMechanism, ValidationOptions, ValidationReport, adequacy,
        applicable_regime, applicable_rights, article_35_4_entry, catalogue, diff, escape_token,
        from_path, from_path_with_text, from_path_within, from_reader, from_reader_within,
        from_slice, from_str, is_eea, is_third_country, law, report, right_given, sarif, schema,
        sheet, strict_schema, strict_schema_with, synth, to_path, to_string, to_writer, validate,
    };
}

mod fides {
    use ropa::fides::{
        FidesError, FidesImport, Unread, import_path, import_str, to_manifest, to_manifest_path,
    };
}

mod dpv {
    use ropa::dpv::{defines, to_json_ld, to_json_ld_path};
}

mod taxonomy {
    use ropa::taxonomy::{
        DPV_DATA_SUBJECTS, DPV_PD, DPV_PERSONAL_DATA, DPV_PURPOSES, DPV_TERMS, DPV_VERSION,
        EU_GDPR_TERMS, FIDES_DATA_CATEGORIES, FIDES_DATA_SUBJECTS, FIDES_DATA_USES,
        FIDESLANG_VERSION, InvalidTaxonomyKey, KNOWN_PREFIXES, KeyedKind, LOC_COUNTRIES,
        TaxonomyField, TaxonomyKey, Term, keyed_kind,
    };
    use ropa::{
        InvalidTaxonomyKey as _, KeyedKind as _, TaxonomyField as _, TaxonomyKey as _,
        keyed_kind as _,
    };
}

mod diff {
    use ropa::diff::{
        Change, ChangeKind, DIFF_SCHEMA_ID, Diff, DiffFormat, FindingChanges, diff, diff_schema,
        diff_with_findings,
    };
}

mod law {
    use ropa::law::{
        Annex1Condition, ConsentAge, DIGITAL_CONSENT_AGES, DUAA_FROM, DigitalConsentAge,
        PROVISIONS, Period, Provision, ProvisionEntry, RULE_PROVISIONS, S164A_FROM, UK_GDPR_FROM,
        adequacy, annex_1, child_consent, citation, digital_consent_age, in_force, provisions,
        rule_citation, rule_citations, rule_citations_in_words, schedule_1,
    };
}

mod law_adequacy {
    use ropa::law::adequacy::{
        ADEQUACY, Adequacy, AdequacyDestination, AdequacyEntry, EEA, adequacy, is_eea,
        is_third_country, organisation_adequacy,
    };
}

mod law_annex_1 {
    use ropa::law::annex_1::Annex1Condition;
}

mod law_child_consent {
    use ropa::law::child_consent::{
        ConsentAge, DIGITAL_CONSENT_AGES, DigitalConsentAge, digital_consent_age,
    };
}

mod law_provisions {
    use ropa::law::provisions::{
        PROVISIONS, Provision, ProvisionEntry, RULE_PROVISIONS, citation, entry_on, in_force,
        rule_citation, rule_citations, rule_citations_in_words,
    };
}

mod law_schedule_1 {
    use ropa::law::schedule_1::{
        Schedule1Amendment, Schedule1Entry, Schedule1Paragraph, Schedule1Part,
    };
}

mod report {
    use ropa::report::places_in_words;
    use ropa::report::{
        Format, ReportError, ReportKind, ReportOptions, render, render_processor_workbook,
        render_processor_workbook_to_path, render_to_path, render_to_string, render_workbook,
        render_workbook_to_path, supported, terminal_escape,
    };
}

mod pack {
    use ropa::pack::{PackFile, PackInput, pack, sha256_hex, to_zip, write_dir, write_zip};
}

mod sarif {
    use ropa::sarif::{Log, Position, SCHEMA_URI, Sarif, locate};
}

mod sheet {
    use ropa::error_chain;
    use ropa::sheet::is_spreadsheet_name;
    use ropa::sheet::{
        CellRef, FIELD_NAMES, Imported, Layout, MAX_CELL_CHARS, MAX_CELLS, MAX_FILE_BYTES,
        MAX_UNPACKED_BYTES, SheetError, Unread, UnreadReason, column_letters, import_bytes,
        import_bytes_with, import_path, import_path_with, layout_schema,
    };
}

mod synth {
    use ropa::synth::{Shape, SplitMix64, adversarial_register, revised, synthetic_register};
}

mod validate_policy {
    use ropa::validate::FindingRow;
    use ropa::validate::{
        Action, ActionStatus, FINDINGS_SCHEMA_ID, POLICY_SUPPRESSION_EXPIRED,
        POLICY_SUPPRESSION_UNUSED, Policy, PolicyError, PolicyNote, SeverityOverride, Suppression,
        findings_schema, places, policy_schema,
    };
}

mod validate {
    use ropa::validate::{
        ACTIVITY_WITHOUT_DATA_CATEGORIES, ACTIVITY_WITHOUT_DATA_SUBJECTS, ACTIVITY_WITHOUT_PURPOSE,
        ADEQUACY_NOT_RECOGNISED, APPROPRIATE_POLICY_DOCUMENT_MISSING,
        AUTOMATED_DECISION_SAFEGUARDS_MISSING, AUTOMATED_DECISION_WITHOUT_BASIS,
        AVAILABLE_RIGHT_NOT_STATED, BASIS_WITHOUT_LEGAL_SOURCE, BREACH_RECORD_INCOMPLETE,
        CHILD_CONSENT_AGE, CHILD_CONSENT_AGE_ASSUMED, COMPELLING_INTERESTS_UNDOCUMENTED,
        CONDITION_NOT_SPECIAL_CATEGORY, CONDITIONAL_CONSENT, CONFUSABLE_IDS,
        CONSENT_WITHOUT_RECORD, CRIMINAL_OFFENCE_DATA_WITHOUT_AUTHORITY, DANGLING_REFERENCE,
        DATA_CATEGORY_WITHOUT_RETENTION, DEROGATION_BY_PUBLIC_AUTHORITY, DEROGATION_NOT_SPECIFIED,
        DEROGATION_USED_FOR_REGULAR_TRANSFER, DOCUMENT_KIND_MISMATCH, DPIA_EXPECTED,
        DPO_CONFLICT_OF_INTEREST, DPO_WITHOUT_CONTACT, DUPLICATE_ID, EU_REGIME_FOR_UK_ORGANISATION,
        EU_SCCS_WITHOUT_UK_ADDENDUM, Finding, IMPLIED_CONSENT,
        IMPLIED_CONSENT_FOR_SPECIAL_CATEGORY, INDEFINITE_RETENTION,
        JOINT_CONTROLLER_WITHOUT_ARRANGEMENT, LEGITIMATE_INTERESTS_WITHOUT_ASSESSMENT,
        MISSING_CONTROLLER_CONTACT, MISSING_DPO, MISSING_REPRESENTATIVE, MISSING_RETENTION,
        MISSING_SECURITY_MEASURES, MULTIPLE_LAWFUL_BASES, PARA_41_RECORD_INCOMPLETE, PARSE_ERROR,
        PROCESSOR_ON_OWN_BEHALF, PROCESSOR_RECORD_INCOMPLETE, PROCESSOR_WITHOUT_CONTRACT,
        PUBLIC_AUTHORITY_LEGITIMATE_INTERESTS, PUBLICATION_RECORDED_AS_TRANSFER,
        PURPOSE_WITHOUT_LAWFUL_BASIS, RECIPIENT_OUTSIDE_WITHOUT_TRANSFER,
        RECOGNISED_LEGITIMATE_INTEREST_BEFORE_COMMENCEMENT,
        RECOGNISED_LEGITIMATE_INTEREST_OUTSIDE_UK,
        RECOGNISED_LEGITIMATE_INTEREST_WITHOUT_CONDITION, RETENTION_PERIOD_ELAPSED, REVIEW_OVERDUE,
        Report, Rule, SCHEDULE_1_CONDITION_MISMATCH, SCHEDULE_1_CONDITION_MISSING,
        SCHEDULE_1_CONDITION_OUT_OF_SCOPE, SPECIAL_CATEGORY_WITHOUT_CONDITION,
        SPREADSHEET_CELL_NOT_READ, SPREADSHEET_VALUE_TO_BE_CONFIRMED, STATED_RIGHT_NOT_AVAILABLE,
        SUB_PROCESSOR_WITHOUT_AUTHORISATION, Severity, TAXONOMY_CONTRADICTS_KIND,
        TAXONOMY_CRIMINAL_OFFENCE_UNMARKED, TAXONOMY_SPECIAL_CATEGORY_UNMARKED,
        THIRD_PARTY_SOURCE_WITHOUT_NOTICE, TRANSFER_COUNTRY_MISMATCH, TRANSFER_DESTINATION_UNNAMED,
        TRANSFER_WITHOUT_MECHANISM, TRANSFER_WITHOUT_RISK_ASSESSMENT, ValidationOptions,
        ValidationReport, catalogue, rule, spreadsheet_findings, today, validate,
    };
}
