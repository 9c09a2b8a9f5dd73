//! The organisation's own decisions about its register's findings, kept in the open: the risks it
//! accepts (suppressions, each with a reason, an owner and an expiry date), the severities it sets
//! for rules, and how often it reviews the register. Read from `ropa.toml` beside the register
//! ([`Policy::from_toml`]), in the manner of cargo-deny's configuration and fides' policies.
//!
//! A suppressed finding is never hidden: it stays in the report, marked with its reason, and only
//! stops counting toward [`ValidationReport::has_errors`](super::ValidationReport::has_errors). A
//! suppression names its finding by rule and by place, the place as the diff names it (ids for
//! list positions, `/activities/[id=payroll]/purposes/[id=pay]`), so reordering a list does not
//! move it. Where two entries of a table name the same rule and place, the first applies. On its
//! expiry date the finding counts again and a warning says so; a suppression that
//! matches nothing is a warning too, so that stale decisions do not pile up.

use chrono::NaiveDate;
use foldhash::HashMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Context, Finding, Rule, Severity};
use crate::io::keys::Places;
use crate::model::IsoDuration;

/// An organisation's decisions about its register's findings (`ropa.toml`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Policy {
    /// How often the organisation reviews its register (ISO 8601 duration, e.g. `P1Y`): where the
    /// register records when it was last reviewed and no next review, `review-overdue` fires once
    /// that much time has passed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_interval: Option<IsoDuration>,
    /// Findings the organisation accepts (`[[suppress]]` tables).
    #[serde(
        default,
        rename = "suppress",
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub suppressions: Vec<Suppression>,
    /// Who fixes which finding by when (`[[action]]` tables): the findings report's action list.
    #[serde(
        default,
        rename = "action",
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub actions: Vec<Action>,
    /// Rules whose severity the organisation sets (`[[severity]]` tables).
    #[serde(
        default,
        rename = "severity",
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub severities: Vec<SeverityOverride>,
}

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Suppression {
    /// The rule id, e.g. `missing-complaints-procedure`.
    pub rule: String,
    /// The place, as the diff and the findings' `place` name it (`""` for the register itself);
    /// absent for every finding of the rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// Why the risk is accepted.
    pub reason: String,
    /// Who answers for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The first day the finding counts again (`2027-03-31`, quoted or as a TOML date).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "date_or_toml_date"
    )]
    pub expires: Option<NaiveDate>,
}

/// A date written as a string or as a TOML local date (`expires = 2027-03-31`).
fn date_or_toml_date<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<NaiveDate>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Written {
        Text(String),
        Toml(toml::value::Datetime),
    }
    let text = match Written::deserialize(deserializer)? {
        Written::Text(text) => text,
        Written::Toml(date) => date.to_string(),
    };
    NaiveDate::parse_from_str(&text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| serde::de::Error::custom(format!("`{text}` is not a date (YYYY-MM-DD)")))
}

crate::model::vocabulary::vocabulary! {
    /// Where the work on a finding stands.
    #[derive(Default)]
    pub enum ActionStatus {
        /// Not started.
        #[default]
        Open,
        /// Under way.
        InProgress,
        /// Done: the register is to show it at its next change.
        Done,
    }
}

/// Who fixes a finding, by when, and where the work stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Action {
    /// The rule id.
    pub rule: String,
    /// The place, as a suppression's `at` names it; absent for every finding of the rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// Who does it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// By when (`2027-01-31`, quoted or as a TOML date).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "date_or_toml_date"
    )]
    pub due: Option<NaiveDate>,
    /// Where it stands (`open` where absent).
    #[serde(default, deserialize_with = "crate::model::de::null_as_default")]
    pub status: ActionStatus,
}

/// A rule's severity as the organisation sets it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SeverityOverride {
    /// The rule id.
    pub rule: String,
    /// The severity its findings get.
    pub severity: Severity,
    /// Why.
    pub reason: String,
}

/// How a finding stands under the policy: the suppression that accepts it, or the change to its
/// severity (with the severity the rule gave).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PolicyNote {
    /// The severity the rule gave, where the policy set another.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule_severity: Option<Severity>,
    /// Why the severity was set, or the finding accepted.
    pub reason: String,
    /// Whether the finding is accepted (suppressed): shown, but not counted.
    pub suppressed: bool,
    /// Who answers for the suppression.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The first day a suppressed finding counts again.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires: Option<NaiveDate>,
}

/// Why a policy file could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct PolicyError {
    /// What was wrong, with the line and column where TOML gives them.
    pub message: String,
}

impl Policy {
    /// Reads a policy from TOML text, rejecting unknown keys, unknown rule ids and bad dates.
    ///
    /// ```
    /// let policy = ropa::validate::Policy::from_toml(r#"
    /// review_interval = "P1Y"
    /// [[suppress]]
    /// rule = "missing-complaints-procedure"
    /// reason = "The procedure is published; the register is updated at the next review."
    /// owner = "dpo@example.org"
    /// expires = "2027-03-31"
    /// "#)?;
    /// assert_eq!(policy.suppressions[0].rule, "missing-complaints-procedure");
    /// assert!(ropa::validate::Policy::from_toml("[[suppress]]\nrule = \"no-such-rule\"\nreason = \"x\"").is_err());
    /// # Ok::<(), ropa::validate::PolicyError>(())
    /// ```
    pub fn from_toml(text: &str) -> Result<Policy, PolicyError> {
        let policy: Policy = toml::from_str(text).map_err(|error| PolicyError {
            message: error.to_string().trim_end().to_owned(),
        })?;
        let rules = policy
            .suppressions
            .iter()
            .map(|s| (&s.rule, "suppress"))
            .chain(policy.severities.iter().map(|s| (&s.rule, "severity")))
            .chain(policy.actions.iter().map(|a| (&a.rule, "action")));
        for (rule, table) in rules {
            if super::rule(rule).is_none() {
                return Err(PolicyError {
                    message: format!(
                        "[[{table}]] names rule `{rule}`, which is not a rule (`ropa validate --list-rules`)"
                    ),
                });
            }
        }
        Ok(policy)
    }

    /// The severity set for each rule, found once: where two entries name the same rule, the
    /// first applies, as for suppressions and actions.
    pub(crate) fn severity_by_rule(&self) -> HashMap<&str, &SeverityOverride> {
        let mut by_rule = HashMap::default();
        for set in &self.severities {
            by_rule.entry(set.rule.as_str()).or_insert(set);
        }
        by_rule
    }
}

/// The policy file's JSON Schema (draft 2020-12), for editors that check TOML against one
/// (`#:schema` in taplo and Even Better TOML): the tables, their keys, and the rule ids a
/// `rule` may name.
///
/// ```
/// let schema = ropa::validate::policy_schema();
/// assert_eq!(schema["title"], "ropa policy");
/// ```
pub fn policy_schema() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    let mut value =
        serde_json::to_value(generator.into_root_schema_for::<Policy>()).unwrap_or_default();
    let ids: Vec<&str> = super::catalogue().iter().map(|rule| rule.id).collect();
    for table in ["Suppression", "SeverityOverride"] {
        if let Some(rule) = value.pointer_mut(&format!("/$defs/{table}/properties/rule")) {
            rule["enum"] = serde_json::json!(ids);
        }
    }
    if let serde_json::Value::Object(object) = &mut value {
        object.insert(
            "$id".to_owned(),
            serde_json::json!("https://github.com/ropa-rs/ropa/schema/ropa.policy.schema.json"),
        );
        object.insert("title".to_owned(), serde_json::json!("ropa policy"));
    }
    value
}

/// Fires when a suppression in the policy file has expired: the finding it accepted counts again.
pub const POLICY_SUPPRESSION_EXPIRED: Rule = Rule {
    id: "policy-suppression-expired",
    severity: Severity::Warning,
    citation: "Art 5(2)",
    summary: "An accepted finding's suppression has expired; the finding counts again.",
};

/// Fires when a suppression in the policy file matches no finding: the decision is stale.
pub const POLICY_SUPPRESSION_UNUSED: Rule = Rule {
    id: "policy-suppression-unused",
    severity: Severity::Warning,
    citation: "Art 5(2)",
    summary: "A suppression in the policy file matches no finding.",
};

/// Each finding's place as a suppression's `at` names it: its JSON Pointer with each list
/// position replaced by the item's id (or the key the diff matches it by), in the findings' order.
///
/// ```
/// use ropa::{Party, ProcessingActivity, Register, ValidationOptions};
/// let register = Register::new(Party::new("org", "Org"))
///     .with_activity(ProcessingActivity::controller("payroll", "Payroll"));
/// let report = ropa::validate(&register, &ValidationOptions::default());
/// let places = ropa::validate::places(&register, &report.findings);
/// let i = report.findings.iter().position(|f| f.path == "/activities/0").unwrap();
/// assert_eq!(places[i], "/activities/[id=payroll]");
/// ```
pub fn places(register: &crate::model::Register, findings: &[Finding]) -> Vec<String> {
    let json = serde_json::to_value(register).unwrap_or(serde_json::Value::Null);
    let mut places = Places::new(&json);
    findings.iter().map(|f| places.stable(&f.path)).collect()
}

/// Marks the findings the policy accepts, and reports its expired and unused suppressions.
/// Linear: each finding's place is named once, and suppressions are found through a map.
pub(crate) fn apply(ctx: &mut Context<'_>, policy: &Policy) {
    if policy.suppressions.is_empty() && policy.actions.is_empty() {
        return;
    }
    let json = serde_json::to_value(ctx.register).unwrap_or(serde_json::Value::Null);
    let mut places = Places::new(&json);
    let actions = Lookup::new(
        policy
            .actions
            .iter()
            .map(|a| (a.rule.as_str(), a.at.as_deref())),
    );
    let suppressions =
        Lookup::new((policy.suppressions.iter()).map(|s| (s.rule.as_str(), s.at.as_deref())));
    let mut used = vec![false; policy.suppressions.len()];
    let mut expired = vec![false; policy.suppressions.len()];
    for finding in &mut ctx.findings {
        let place = places.stable(&finding.path);
        if let Some(i) = actions.find(finding.rule, &place) {
            finding.action = Some(policy.actions[i].clone());
        }
        let Some(i) = suppressions.find(finding.rule, &place) else {
            continue;
        };
        used[i] = true;
        let suppression = &policy.suppressions[i];
        if suppression.expires.is_some_and(|day| day <= ctx.as_of) {
            expired[i] = true;
            continue;
        }
        finding.policy = Some(suppressed(suppression, finding.policy.take()));
    }
    report_stale(ctx, policy, &used, &expired);
}

/// The entries of a policy table by rule and place, and by rule alone for those without a place.
struct Lookup<'p> {
    exact: HashMap<(&'p str, &'p str), usize>,
    anywhere: HashMap<&'p str, usize>,
}

impl<'p> Lookup<'p> {
    fn new(entries: impl Iterator<Item = (&'p str, Option<&'p str>)>) -> Self {
        let mut lookup = Lookup {
            exact: HashMap::default(),
            anywhere: HashMap::default(),
        };
        for (i, (rule, at)) in entries.enumerate() {
            match at {
                Some(at) => lookup.exact.entry((rule, at)).or_insert(i),
                None => lookup.anywhere.entry(rule).or_insert(i),
            };
        }
        lookup
    }

    /// The first entry for the finding of `rule` at `place`: the one naming the place, else the
    /// one for the whole rule.
    fn find(&self, rule: &str, place: &str) -> Option<usize> {
        self.exact
            .get(&(rule, place))
            .or_else(|| self.anywhere.get(rule))
            .copied()
    }
}

/// The note of a suppressed finding, keeping the severity the rule gave where the policy changed
/// it.
fn suppressed(suppression: &Suppression, earlier: Option<PolicyNote>) -> PolicyNote {
    PolicyNote {
        rule_severity: earlier.and_then(|note| note.rule_severity),
        reason: suppression.reason.clone(),
        suppressed: true,
        owner: suppression.owner.clone(),
        expires: suppression.expires,
    }
}

/// The warnings for suppressions expired or matching nothing, in the policy's order.
fn report_stale(ctx: &mut Context<'_>, policy: &Policy, used: &[bool], expired: &[bool]) {
    for (i, s) in policy.suppressions.iter().enumerate() {
        let place = match &s.at {
            Some(at) if at.is_empty() => " at the register".to_owned(),
            Some(at) => format!(" at {at}"),
            None => String::new(),
        };
        if expired[i] {
            let day = s.expires.map(|d| d.to_string()).unwrap_or_default();
            ctx.report(
                &POLICY_SUPPRESSION_EXPIRED,
                String::new(),
                format!(
                    "The policy's suppression of `{}`{place} expired on {day} (reason given: {}); its finding counts again. Fix it, or renew the decision with a new expiry date.",
                    s.rule, s.reason
                ),
            );
        } else if !used[i] {
            ctx.report(
                &POLICY_SUPPRESSION_UNUSED,
                String::new(),
                format!(
                    "The policy suppresses `{}`{place}, but no such finding is reported; remove the suppression.",
                    s.rule
                ),
            );
        }
    }
}

/// The severity a finding gets where the policy sets `set` for its rule, and the note saying so.
pub(crate) fn severity(
    set: Option<&SeverityOverride>,
    severity: Severity,
) -> (Severity, Option<PolicyNote>) {
    match set {
        Some(set) if set.severity != severity => (
            set.severity,
            Some(PolicyNote {
                rule_severity: Some(severity),
                reason: set.reason.clone(),
                suppressed: false,
                owner: None,
                expires: None,
            }),
        ),
        _ => (severity, None),
    }
}
