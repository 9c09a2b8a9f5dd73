//! What a validation rule is: a stable id, the provision it cites and how serious its findings
//! are. The type lives beside the law because the law's tables say which provision each rule
//! follows on a date ([`super::provisions::rule_citation`]); the rules themselves, and their
//! catalogue, are in `validate`, which re-exports these as `ropa::validate::{Rule, Severity}`.

use serde::Serialize;

use crate::model::vocabulary::vocabulary;

vocabulary! {
    /// How serious a finding is.
    pub enum Severity {
        /// Worth knowing; not a breach.
        Info,
        /// Likely a gap, or a breach depending on facts the register does not hold.
        Warning,
        /// The register, as written, does not meet the law.
        Error,
    }
}

/// A validation rule: its stable id, default severity, the provision it cites and what it checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rule {
    /// The stable kebab-case id, e.g. `"missing-retention"`.
    pub id: &'static str,
    /// The severity of its findings (a few rules lower or raise it case by case, as their docs say).
    pub severity: Severity,
    /// The provision it cites, without the regime, e.g. `"Art 30(1)(f)"`.
    pub citation: &'static str,
    /// One line on what it checks.
    pub summary: &'static str,
}

impl Rule {
    /// The rule's page in the crate's documentation on docs.rs, for this version: each rule is a
    /// constant of `ropa::validate` named by its id (`missing-dpo` is `MISSING_DPO`). SARIF logs
    /// give it as each rule's `helpUri`.
    ///
    /// ```
    /// let rule = ropa::validate::rule("missing-dpo").unwrap();
    /// assert!(rule.docs_url().ends_with("/ropa/validate/constant.MISSING_DPO.html"));
    /// ```
    pub fn docs_url(&self) -> String {
        format!(
            "https://docs.rs/ropa/{}/ropa/validate/constant.{}.html",
            env!("CARGO_PKG_VERSION"),
            self.id.to_ascii_uppercase().replace('-', "_")
        )
    }
}
