//! Validation: the cross-field rules the law sets, reported as findings.
//!
//! [`validate()`] runs every rule of the [`catalogue`] over a register in one pass and returns a
//! [`ValidationReport`]: every finding, in a deterministic order (the register's own order: the register,
//! then its parties, then each activity in turn), each with a stable rule id, a severity, an
//! RFC 6901 JSON Pointer into the register's JSON, a message saying what is wrong and what would
//! fix it, and the provision it cites. A pointer names the value that is wrong or, when something
//! is missing, the object that lacks it.

use std::fmt::Write as _;

use foldhash::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{CountryCode, ProcessingActivity, Regime, Register, RegisterIndex};

mod accountability;
mod consent;
mod disclosures;
mod findings_schema;
mod hidden;
mod identity;
mod lawful_basis;
mod notice;
mod once;
mod options;
mod policy;
mod references;
mod regime;
mod retention;
mod rights;
mod rows;
mod special_category;
mod spreadsheet;
mod taxonomy;
mod transfers;

pub use accountability::*;
pub use consent::*;
pub use disclosures::*;
pub use findings_schema::{FINDINGS_SCHEMA_ID, findings_schema};
pub use hidden::*;
pub use identity::*;
pub use lawful_basis::*;
pub use notice::*;
pub(crate) use notice::{every_purpose_has_a_basis, right_in_play, untold_rights};
pub use options::ValidationOptions;
pub use policy::{
    Action, ActionStatus, POLICY_SUPPRESSION_EXPIRED, POLICY_SUPPRESSION_UNUSED, Policy,
    PolicyError, PolicyNote, SeverityOverride, Suppression, places, policy_schema,
};
pub use references::*;
pub use regime::*;
pub use retention::*;
pub use rights::*;
pub use rows::FindingRow;
pub(crate) use special_category::SPECIAL_CATEGORY_RULES;
pub use special_category::*;
pub use spreadsheet::*;
pub use taxonomy::{
    TAXONOMY_CONTRADICTS_KIND, TAXONOMY_CRIMINAL_OFFENCE_UNMARKED,
    TAXONOMY_SPECIAL_CATEGORY_UNMARKED,
};
pub use transfers::*;

pub use crate::law::rule::{Rule, Severity};

/// Every rule, in the order they run.
pub fn catalogue() -> &'static [Rule] {
    CATALOGUE
}

const CATALOGUE: &[Rule] = &[
    PARSE_ERROR,
    MISSING_CONTROLLER_CONTACT,
    MISSING_DPO,
    DPO_WITHOUT_CONTACT,
    MISSING_REPRESENTATIVE,
    EU_REGIME_FOR_UK_ORGANISATION,
    CHILD_CONSENT_AGE_ASSUMED,
    REVIEW_OVERDUE,
    DUPLICATE_ID,
    DANGLING_REFERENCE,
    JOINT_CONTROLLER_WITHOUT_ARRANGEMENT,
    PROCESSOR_RECORD_INCOMPLETE,
    ACTIVITY_WITHOUT_PURPOSE,
    ACTIVITY_WITHOUT_DATA_SUBJECTS,
    ACTIVITY_WITHOUT_DATA_CATEGORIES,
    PURPOSE_WITHOUT_LAWFUL_BASIS,
    MULTIPLE_LAWFUL_BASES,
    LEGITIMATE_INTERESTS_WITHOUT_ASSESSMENT,
    PUBLIC_AUTHORITY_LEGITIMATE_INTERESTS,
    BASIS_WITHOUT_LEGAL_SOURCE,
    CONSENT_WITHOUT_RECORD,
    RECOGNISED_LEGITIMATE_INTEREST_OUTSIDE_UK,
    RECOGNISED_LEGITIMATE_INTEREST_WITHOUT_CONDITION,
    RECOGNISED_LEGITIMATE_INTEREST_BEFORE_COMMENCEMENT,
    CHILD_CONSENT_AGE,
    SPECIAL_CATEGORY_WITHOUT_CONDITION,
    IMPLIED_CONSENT_FOR_SPECIAL_CATEGORY,
    SCHEDULE_1_CONDITION_MISSING,
    SCHEDULE_1_CONDITION_MISMATCH,
    SCHEDULE_1_CONDITION_OUT_OF_SCOPE,
    APPROPRIATE_POLICY_DOCUMENT_MISSING,
    PARA_41_RECORD_INCOMPLETE,
    CRIMINAL_OFFENCE_DATA_WITHOUT_AUTHORITY,
    CONDITION_NOT_SPECIAL_CATEGORY,
    TAXONOMY_SPECIAL_CATEGORY_UNMARKED,
    TAXONOMY_CRIMINAL_OFFENCE_UNMARKED,
    TAXONOMY_CONTRADICTS_KIND,
    PROCESSOR_WITHOUT_CONTRACT,
    TRANSFER_WITHOUT_MECHANISM,
    TRANSFER_DESTINATION_UNNAMED,
    DEROGATION_NOT_SPECIFIED,
    ADEQUACY_NOT_RECOGNISED,
    DEROGATION_BY_PUBLIC_AUTHORITY,
    DEROGATION_USED_FOR_REGULAR_TRANSFER,
    COMPELLING_INTERESTS_UNDOCUMENTED,
    EU_SCCS_WITHOUT_UK_ADDENDUM,
    TRANSFER_WITHOUT_RISK_ASSESSMENT,
    RECIPIENT_OUTSIDE_WITHOUT_TRANSFER,
    PUBLICATION_RECORDED_AS_TRANSFER,
    MISSING_RETENTION,
    DATA_CATEGORY_WITHOUT_RETENTION,
    INDEFINITE_RETENTION,
    RETENTION_PERIOD_ELAPSED,
    MISSING_SECURITY_MEASURES,
    AUTOMATED_DECISION_WITHOUT_BASIS,
    AUTOMATED_DECISION_SAFEGUARDS_MISSING,
    DPIA_EXPECTED,
    THIRD_PARTY_SOURCE_WITHOUT_NOTICE,
    PROCESSOR_ON_OWN_BEHALF,
    DOCUMENT_KIND_MISMATCH,
    TRANSFER_COUNTRY_MISMATCH,
    CONFUSABLE_IDS,
    RECIPIENT_ROLE_CONTRADICTS_PARTY,
    IMPLIED_CONSENT,
    CONDITIONAL_CONSENT,
    STATED_RIGHT_NOT_AVAILABLE,
    AVAILABLE_RIGHT_NOT_STATED,
    DPO_CONFLICT_OF_INTEREST,
    SUB_PROCESSOR_WITHOUT_AUTHORISATION,
    MISSING_COMPLAINTS_PROCEDURE,
    DISCLOSURE_WITHOUT_GROUND,
    BREACH_RECORD_INCOMPLETE,
    SPREADSHEET_CELL_NOT_READ,
    SPREADSHEET_VALUE_TO_BE_CONFIRMED,
    POLICY_SUPPRESSION_EXPIRED,
    POLICY_SUPPRESSION_UNUSED,
];

/// Fires when a file cannot be read or is not a well-formed register (malformed JSON, an unknown
/// field, a wrong type, an impossible date): the record cannot be read, so none of the other rules
/// can run on it, and the file must not pass as clean. [`validate()`] never reports it (it takes a
/// parsed register); [`Finding::parse_error`] makes the finding from the parse error.
pub const PARSE_ERROR: Rule = Rule {
    id: "parse-error",
    severity: Severity::Error,
    citation: "Art 30(1)",
    summary: "The file cannot be read or is not a well-formed register.",
};

/// Looks up a rule by id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    CATALOGUE.iter().find(|r| r.id == id)
}

/// One thing validation found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Finding {
    /// The rule's id.
    pub rule: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// The RFC 6901 JSON Pointer into the register's JSON: `""`, the whole document, for a
    /// finding about the register itself (printed as [`Finding::display_path`] shows it).
    pub path: String,
    /// What is wrong and what would fix it.
    pub message: String,
    /// The provision it breaks, e.g. "UK GDPR Art 9(2)" or "DPA 2018 Sch 1 para 41".
    pub citation: String,
    /// What the organisation's policy ([`ValidationOptions::policy`]) decided about it: accepted
    /// (shown, not counted) or given another severity, and why; absent where it decided nothing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<PolicyNote>,
    /// The policy's action on it: who fixes it, by when, where the work stands.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<Action>,
}

impl Finding {
    /// The [`PARSE_ERROR`] finding for an error from reading a register: the pointer of the value
    /// that failed, and a message starting with its line and column (for a file that cannot be
    /// read, the I/O error and its cause). The citation is prefixed with the options' regime,
    /// since the register's own cannot be read.
    ///
    /// # Examples
    ///
    /// ```
    /// use ropa::{Finding, ValidationOptions};
    ///
    /// let error = ropa::from_str(r#"{"schema_version": "1.0", "organisation": 7}"#).unwrap_err();
    /// let finding = Finding::parse_error(&error, &ValidationOptions::default());
    /// assert_eq!(finding.rule, "parse-error");
    /// assert_eq!(finding.path, "/organisation");
    /// assert!(finding.message.starts_with("line 1, column 43: invalid type"), "{}", finding.message);
    /// assert_eq!(finding.citation, "UK GDPR Art 30(1)");
    /// ```
    pub fn parse_error(error: &crate::io::Error, options: &ValidationOptions) -> Finding {
        let (path, message) = match error {
            crate::io::Error::Parse {
                pointer,
                line,
                column,
                message,
                ..
            } => (
                pointer.clone(),
                format!("line {line}, column {column}: {message}"),
            ),
            other => (String::new(), crate::io::error_chain(other)),
        };
        Finding {
            rule: PARSE_ERROR.id,
            severity: PARSE_ERROR.severity,
            path,
            message,
            citation: format!("{} {}", options.regime.label(), PARSE_ERROR.citation),
            policy: None,
            action: None,
        }
    }

    /// The [`PARSE_ERROR`] finding for a spreadsheet that cannot be read as a register (feature
    /// `spreadsheet`): at the register, with the error and its cause as the message.
    #[cfg(feature = "spreadsheet")]
    #[cfg_attr(docsrs, doc(cfg(feature = "spreadsheet")))]
    pub fn sheet_error(
        error: &crate::io::sheet::SheetError,
        options: &ValidationOptions,
    ) -> Finding {
        Finding {
            rule: PARSE_ERROR.id,
            severity: PARSE_ERROR.severity,
            path: String::new(),
            message: crate::io::error_chain(error),
            citation: format!("{} {}", options.regime.label(), PARSE_ERROR.citation),
            policy: None,
            action: None,
        }
    }

    /// The path as printed for people: the JSON Pointer, or `(register)` for a finding about the
    /// register as a whole, whose pointer is the empty string (RFC 6901's pointer to the whole
    /// document), which would otherwise print as nothing. Machine output (JSON) keeps `""`.
    ///
    /// # Examples
    ///
    /// ```
    /// use ropa::{Party, PartyKind, Register, ValidationOptions};
    ///
    /// let council = Party::new("council", "Council").with_kind(PartyKind::PublicAuthority);
    /// let report = ropa::validate(&Register::new(council), &ValidationOptions::default());
    /// let dpo = report.of_rule("missing-dpo").next().unwrap();
    /// assert_eq!(dpo.path, "");
    /// assert_eq!(dpo.display_path(), "(register)");
    /// let contact = report.of_rule("missing-controller-contact").next().unwrap();
    /// assert_eq!(contact.display_path(), "/parties/0");
    /// ```
    pub fn display_path(&self) -> &str {
        if self.path.is_empty() {
            "(register)"
        } else {
            &self.path
        }
    }

    /// Whether the organisation's policy accepts the finding: it is shown, marked, but does not
    /// count toward [`ValidationReport::has_errors`] or the exit status.
    pub fn is_suppressed(&self) -> bool {
        self.policy.as_ref().is_some_and(|note| note.suppressed)
    }
}

/// The findings of one validation run (what [`validate()`] returns; the reports that render a
/// register for people are in [`crate::report`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct ValidationReport {
    /// Every finding at or above the minimum severity, in a deterministic order.
    pub findings: Vec<Finding>,
}

/// The former name of [`ValidationReport`].
#[deprecated(
    since = "0.1.0",
    note = "renamed `ValidationReport`, so that it is not confused with the `report` module"
)]
pub type Report = ValidationReport;

impl ValidationReport {
    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.findings
            .iter()
            .any(|f| f.severity == Severity::Error && !f.is_suppressed())
    }

    /// How many findings have the given severity, leaving out those the policy accepts.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity && !f.is_suppressed())
            .count()
    }

    /// The findings the organisation's policy accepts.
    pub fn suppressed(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.is_suppressed())
    }

    /// The findings of one rule.
    pub fn of_rule<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Finding> + 'a {
        self.findings.iter().filter(move |f| f.rule == id)
    }

    /// Whether the report is empty.
    pub fn is_empty(&self) -> bool {
        self.findings.is_empty()
    }
}

/// Validates a register against every rule of the [`catalogue`].
///
/// Runs in time linear in the size of the register: ids are resolved through maps built once.
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use ropa::{validate, DataCategory, Party, ProcessingActivity, Register, SpecialCategoryKind, ValidationOptions};
///
/// let register = Register::new(Party::new("org", "Org")).with_activity(
///     ProcessingActivity::controller("a", "Support groups")
///         .with_data_category(DataCategory::special("h", "Health", SpecialCategoryKind::Health)),
/// );
/// let options = ValidationOptions::default().as_of(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
/// let report = validate(&register, &options);
/// let finding = report.of_rule("special-category-without-condition").next().unwrap();
/// assert_eq!(finding.path, "/activities/0/data_categories/0");
/// assert_eq!(finding.citation, "UK GDPR Art 9(1)");
/// ```
pub fn validate(register: &Register, options: &ValidationOptions) -> ValidationReport {
    let mut ctx = Context::new(register, options);
    identity::check_register(&mut ctx);
    regime::check_register(&mut ctx);
    references::check_register(&mut ctx);
    transfers::check_register(&mut ctx);
    hidden::check_register(&mut ctx);
    accountability::check_register(&mut ctx);
    // The activity context's buffers are reused from one activity to the next, so that
    // validating an activity allocates nothing unless it has findings.
    let mut scratch = Scratch::default();
    for (position, activity) in register.activities.iter().enumerate() {
        let activity_ctx = ActivityContext::new(activity, position, scratch);
        references::check_activity(&mut ctx, &activity_ctx);
        identity::check_activity(&mut ctx, &activity_ctx);
        lawful_basis::check_activity(&mut ctx, &activity_ctx);
        special_category::check_activity(&mut ctx, &activity_ctx);
        taxonomy::check_activity(&mut ctx, &activity_ctx);
        transfers::check_activity(&mut ctx, &activity_ctx);
        retention::check_activity(&mut ctx, &activity_ctx);
        rights::check_activity(&mut ctx, &activity_ctx);
        hidden::check_activity(&mut ctx, &activity_ctx);
        consent::check_activity(&mut ctx, &activity_ctx);
        disclosures::check_activity(&mut ctx, &activity_ctx);
        notice::check_activity(&mut ctx, &activity_ctx);
        accountability::check_activity(&mut ctx, &activity_ctx);
        scratch = activity_ctx.into_scratch();
    }
    if let Some(policy) = options.policy.as_deref() {
        policy::apply(&mut ctx, policy);
    }
    ValidationReport {
        findings: ctx.findings,
    }
}

/// What every rule sees of the register.
pub(crate) struct Context<'a> {
    pub register: &'a Register,
    pub index: RegisterIndex<'a>,
    /// The regime the rules apply and cite ([`applicable_regime`]).
    pub regime: Regime,
    /// The regime the register states (or the options' fallback).
    pub stated_regime: Regime,
    /// UK law (DPA 2018) applies: the regime is the UK GDPR, or the organisation is established in
    /// the UK (before 2021 the DPA 2018 supplemented the EU GDPR there).
    pub uk_law: bool,
    pub public_authority: bool,
    /// Where the organisation is established; a recipient there is not abroad.
    pub organisation_country: Option<CountryCode>,
    pub as_of: NaiveDate,
    /// The ids of the register-wide recipients, which every activity's transfers may name.
    pub register_recipients: Ids<'a>,
    min_severity: Severity,
    /// The organisation's policy: the severities it sets, its review interval.
    pub policy: Option<&'a Policy>,
    /// The policy's severities by rule, looked up once per finding.
    severities: HashMap<&'a str, &'a SeverityOverride>,
    findings: Vec<Finding>,
    /// The confusable skeletons of the organisation's id and of every party's name, computed on
    /// first use: comparing a party with the organisation then costs its own id only, however
    /// often a long name is referred to.
    skeletons: std::cell::OnceCell<Skeletons>,
}

/// Skeletons computed once per register (see `model::text::skeleton`), owned so that the
/// context stays covariant in the register's lifetime.
pub(crate) struct Skeletons {
    pub organisation_id: String,
    /// By party id.
    pub names: foldhash::HashMap<String, String>,
}

impl<'a> Context<'a> {
    fn new(register: &'a Register, options: &'a ValidationOptions) -> Self {
        let index = register.index();
        let as_of = options.as_of.unwrap_or_else(today);
        let stated_regime = register.regime.unwrap_or(options.regime);
        let regime = applicable_regime(register, options.regime, as_of);
        let country = index.party(&register.organisation).and_then(|p| p.country);
        let mut register_recipients = Ids::default();
        register_recipients.refill(register.recipients.iter().map(|r| r.id.as_str()));
        Self {
            register_recipients,
            register,
            regime,
            stated_regime,
            uk_law: uk_law(regime, country),
            public_authority: register.is_public_authority(),
            organisation_country: country,
            as_of,
            min_severity: options.min_severity,
            policy: options.policy.as_deref(),
            severities: (options.policy.as_deref())
                .map(Policy::severity_by_rule)
                .unwrap_or_default(),
            skeletons: std::cell::OnceCell::new(),
            index,
            findings: Vec::new(),
        }
    }

    /// Records a finding of the rule at its own severity.
    pub fn report(&mut self, rule: &Rule, path: String, message: String) {
        self.report_as(rule, rule.severity, path, message);
    }

    /// Records a finding of the rule at the given severity.
    pub fn report_as(&mut self, rule: &Rule, severity: Severity, path: String, message: String) {
        self.report_cited(rule, severity, rule.citation, path, message);
    }

    /// Records a finding of the rule at the given severity, citing another provision than the
    /// rule's own (where one case of a rule rests on a different provision, e.g. Art 28(4) for
    /// sub-processors).
    pub fn report_cited(
        &mut self,
        rule: &Rule,
        severity: Severity,
        citation: &str,
        path: String,
        message: String,
    ) {
        // The provision cited is the one in force under the regime on the reference date, unless
        // the case cites a provision of its own.
        let cited = if citation == rule.citation {
            crate::law::rule_citation(rule, self.regime, self.as_of)
        } else {
            citation
        };
        self.report_citing_exactly(rule, severity, cited, path, message);
    }

    /// Records a finding citing exactly `cited`: a provision of another time, such as the old
    /// Art 22 that SI 2026/82 reg 5 keeps for decisions taken before 5 February 2026.
    pub fn report_citing_exactly(
        &mut self,
        rule: &Rule,
        severity: Severity,
        cited: &str,
        path: String,
        message: String,
    ) {
        let set = self.severities.get(rule.id).copied();
        let (severity, policy) = policy::severity(set, severity);
        if severity < self.min_severity {
            return;
        }
        let citation = match cited.strip_prefix("Art ") {
            Some(_) => format!("{} {}", self.regime.label(), cited),
            None => cited.to_owned(),
        };
        self.findings.push(Finding {
            rule: rule.id,
            severity,
            path,
            message,
            citation,
            policy,
            action: None,
        });
    }

    /// The skeletons of the organisation's id and of the parties' names, computed once.
    pub fn skeletons(&self) -> &Skeletons {
        let register = self.register;
        self.skeletons.get_or_init(|| Skeletons {
            organisation_id: crate::model::text::skeleton(register.organisation.as_str()),
            names: (register.parties.iter())
                .map(|p| (p.id.to_string(), crate::model::text::skeleton(&p.name)))
                .collect(),
        })
    }

    /// The name of a party for messages (a long one cut), or its id where it does not resolve.
    pub fn party_name<'b>(&self, id: &'b crate::model::PartyId) -> std::borrow::Cow<'b, str>
    where
        'a: 'b,
    {
        match self.index.party(id) {
            Some(p) => crate::model::text::mention(&p.name, p.id.as_str()),
            None => crate::model::text::bounded_id(id.as_str()),
        }
    }
}

/// What the rules see of one activity: its position and its ids, indexed once.
pub(crate) struct ActivityContext<'a> {
    pub activity: &'a ProcessingActivity,
    pub path: String,
    pub data_categories: Ids<'a>,
    pub purposes: Ids<'a>,
    pub recipients: Ids<'a>,
    /// The activity's measures about particular people, found once when a rule first asks.
    individual_measures: std::cell::OnceCell<IndividualMeasures>,
}

/// What an activity does about particular people, for the conditions that do not serve it
/// (Sch 1 para 8(3)): the positions of its purposes about individuals, and of its first solely
/// automated significant decision.
pub(crate) struct IndividualMeasures {
    pub purposes: Vec<usize>,
    pub decision: Option<usize>,
}

/// The ids of one list of an activity, for lookups by id: a scan while the list is short (most
/// are), a hash map once it is long, so that no activity, however large, costs quadratic time.
#[derive(Default)]
pub(crate) struct Ids<'a> {
    ids: Vec<&'a str>,
    map: HashMap<&'a str, usize>,
}

/// How long a list may be and still be searched by scanning it: below this a scan beats hashing,
/// above it a hash keeps every lookup constant, so that no list, however long, costs quadratic time.
pub(crate) const SCAN_LIMIT: usize = 16;

/// Whether an id is among those `ids` yields: scanned while they are few, as they nearly always
/// are, and looked up in a set built once when they are many.
pub(crate) fn id_membership<'a, I>(ids: impl Fn() -> I) -> impl Fn(&str) -> bool
where
    I: Iterator<Item = &'a str>,
{
    let set: Option<HashSet<&'a str>> = (ids().count() > SCAN_LIMIT).then(|| ids().collect());
    move |id| match &set {
        Some(set) => set.contains(id),
        None => ids().any(|x| x == id),
    }
}

impl<'a> Ids<'a> {
    /// Replaces the ids held, keeping the buffers.
    fn refill(&mut self, ids: impl Iterator<Item = &'a str>) {
        self.ids.clear();
        self.ids.extend(ids);
        // Clearing an empty map would still sweep its whole table.
        if !self.map.is_empty() {
            self.map.clear();
        }
        if self.ids.len() > SCAN_LIMIT {
            self.map.reserve(self.ids.len());
            for (i, id) in self.ids.iter().enumerate() {
                self.map.entry(*id).or_insert(i);
            }
        }
    }

    /// The position of the first item with this id.
    pub fn get(&self, id: &str) -> Option<usize> {
        if self.ids.len() > SCAN_LIMIT {
            self.map.get(id).copied()
        } else {
            self.ids.iter().position(|x| *x == id)
        }
    }

    /// Whether an item has this id.
    pub fn contains_key(&self, id: &str) -> bool {
        self.get(id).is_some()
    }
}

/// The buffers of an [`ActivityContext`], kept between activities.
#[derive(Default)]
struct Scratch<'a> {
    path: String,
    data_categories: Ids<'a>,
    purposes: Ids<'a>,
    recipients: Ids<'a>,
}

impl<'a> ActivityContext<'a> {
    fn new(activity: &'a ProcessingActivity, position: usize, mut scratch: Scratch<'a>) -> Self {
        scratch.path.clear();
        // Writing to a String cannot fail.
        let _ = write!(scratch.path, "/activities/{position}");
        scratch
            .data_categories
            .refill(activity.data_categories.iter().map(|c| c.id.as_str()));
        scratch
            .purposes
            .refill(activity.purposes.iter().map(|p| p.id.as_str()));
        scratch
            .recipients
            .refill(activity.recipients.iter().map(|r| r.id.as_str()));
        Self {
            activity,
            path: scratch.path,
            data_categories: scratch.data_categories,
            purposes: scratch.purposes,
            recipients: scratch.recipients,
            individual_measures: std::cell::OnceCell::new(),
        }
    }

    /// The activity's purposes about individuals and its first significant automated decision,
    /// found on the first call only, so that many conditions asking cost one pass.
    pub fn individual_measures(&self) -> &IndividualMeasures {
        self.individual_measures.get_or_init(|| {
            let activity = self.activity;
            IndividualMeasures {
                purposes: (activity.purposes.iter().enumerate())
                    .filter(|(_, p)| p.about_individuals)
                    .map(|(k, _)| k)
                    .collect(),
                decision: (activity.automated_decisions.iter())
                    .position(|d| d.solely_automated && d.significant_effects),
            }
        })
    }

    fn into_scratch(self) -> Scratch<'a> {
        Scratch {
            path: self.path,
            data_categories: self.data_categories,
            purposes: self.purposes,
            recipients: self.recipients,
        }
    }

    /// The activity's name for messages: a long one cut, since a finding repeats it.
    pub fn name(&self) -> std::borrow::Cow<'a, str> {
        crate::model::text::mention(&self.activity.name, self.activity.id.as_str())
    }

    /// Whether the organisation is a controller of this activity (Art 30(1)) at some point of the
    /// data's life: at collection, or after a recorded change of role.
    pub fn is_controller(&self) -> bool {
        self.activity.controls()
    }

    /// Every non-empty list of lawful bases the activity records: the activity's own, each
    /// purpose's and each data category's (format 1.1). Each says its pointer and the name of what
    /// holds it only when asked, since most lists give no finding.
    pub fn basis_lists(&self) -> impl Iterator<Item = BasisList<'a, '_>> + '_ {
        let activity = self.activity;
        let list = move |owner, bases: &'a [crate::model::LawfulBasis]| {
            (!bases.is_empty()).then_some(BasisList {
                activity: self,
                owner,
                bases,
            })
        };
        list(BasisOwner::Activity, &activity.lawful_bases)
            .into_iter()
            .chain(
                activity
                    .purposes
                    .iter()
                    .enumerate()
                    .filter_map(move |(i, p)| list(BasisOwner::Purpose(i, p), &p.lawful_bases)),
            )
            .chain(
                (activity.data_categories.iter().enumerate())
                    .filter_map(move |(i, c)| list(BasisOwner::Category(i, c), &c.lawful_bases)),
            )
    }
}

/// One list of lawful bases of an activity, and what holds it.
pub(crate) struct BasisList<'a, 'c> {
    activity: &'c ActivityContext<'a>,
    owner: BasisOwner<'a>,
    /// The bases.
    pub bases: &'a [crate::model::LawfulBasis],
}

/// What holds a list of lawful bases.
#[derive(Clone, Copy)]
enum BasisOwner<'a> {
    Activity,
    Purpose(usize, &'a crate::model::Purpose),
    Category(usize, &'a crate::model::DataCategory),
}

impl<'a> BasisList<'a, '_> {
    /// The JSON Pointer of what holds the list.
    pub fn pointer(&self) -> String {
        let path = &self.activity.path;
        match self.owner {
            BasisOwner::Activity => path.clone(),
            BasisOwner::Purpose(i, _) => format!("{path}/purposes/{i}"),
            BasisOwner::Category(i, _) => format!("{path}/data_categories/{i}"),
        }
    }

    /// The name of what holds the list, for messages (a long one cut).
    pub fn name(&self) -> std::borrow::Cow<'a, str> {
        match self.owner {
            BasisOwner::Activity => self.activity.name(),
            BasisOwner::Purpose(_, p) => crate::model::text::mention(&p.description, p.id.as_str()),
            BasisOwner::Category(_, c) => crate::model::text::mention(&c.name, c.id.as_str()),
        }
    }
}

/// Today's date in UTC, from the system clock (chrono's `clock` feature is not needed for this).
pub fn today() -> NaiveDate {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    chrono::DateTime::from_timestamp(i64::try_from(seconds).unwrap_or(0), 0)
        .map(|t| t.date_naive())
        .unwrap_or_default()
}
