//! How to validate: the fallback regime, the reference date, the least severity reported and the
//! organisation's policy.

use chrono::NaiveDate;

use super::{Policy, Severity};
use crate::model::Regime;

/// How to validate.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ValidationOptions {
    /// The regime to apply where the register does not set one.
    pub regime: Regime,
    /// The reference date for date rules; `None` means today.
    pub as_of: Option<NaiveDate>,
    /// Findings below this severity are left out.
    pub min_severity: Severity,
    /// The organisation's own decisions ([`Policy`], `ropa.toml`): accepted findings, severities,
    /// its review interval.
    pub policy: Option<std::sync::Arc<Policy>>,
}

impl Default for ValidationOptions {
    fn default() -> Self {
        Self {
            regime: Regime::UkGdpr,
            as_of: None,
            min_severity: Severity::Info,
            policy: None,
        }
    }
}

impl ValidationOptions {
    /// Sets the reference date.
    pub fn as_of(mut self, date: NaiveDate) -> Self {
        self.as_of = Some(date);
        self
    }

    /// Sets the fallback regime.
    pub fn regime(mut self, regime: Regime) -> Self {
        self.regime = regime;
        self
    }

    /// Sets the minimum severity reported.
    pub fn min_severity(mut self, severity: Severity) -> Self {
        self.min_severity = severity;
        self
    }

    /// Applies the organisation's policy.
    pub fn policy(mut self, policy: Policy) -> Self {
        self.policy = Some(std::sync::Arc::new(policy));
        self
    }
}
