//! A transfer's destination and mechanism in words, with the article it rests on under the law
//! of the report's date.

use super::text::country;
use crate::model::labels::Label;
use crate::model::*;

/// Where a transfer goes, in words.
pub(crate) fn destination(t: &Transfer) -> String {
    match t.destination {
        TransferDestination::Country => t
            .country
            .map(country)
            .unwrap_or_else(|| "a country not named".to_owned()),
        TransferDestination::InternationalOrganisation => t
            .organisation
            .clone()
            .unwrap_or_else(|| "an international organisation not named".to_owned()),
        TransferDestination::Worldwide => "Worldwide (published)".to_owned(),
        TransferDestination::Region => t
            .region
            .map(|r| format!("A region: {}", r.label()))
            .unwrap_or_else(|| "a region not named".to_owned()),
    }
}

/// A transfer's mechanism in words, without the article (which depends on the regime and date).
pub(crate) fn mechanism_in_words(t: &Transfer) -> String {
    match (t.mechanism, t.derogation) {
        (Some(TransferMechanism::Derogation), Some(d)) => format!("derogation: {}", d.label()),
        (Some(m), _) => m.label().to_owned(),
        (None, _) => "No mechanism stated".to_owned(),
    }
}

/// The regime and the date a report cites the law for.
pub(crate) type Law = (Regime, chrono::NaiveDate);

/// A transfer's mechanism with the article it rests on under the law of the report.
pub(crate) fn mechanism(t: &Transfer, (regime, on): Law) -> String {
    match (t.mechanism, t.derogation) {
        (Some(TransferMechanism::Derogation), Some(d)) => {
            format!("derogation: {} ({})", d.label(), d.citation())
        }
        (Some(m), _) => format!(
            "{} ({})",
            m.label(),
            crate::law::provisions::mechanism_citation(m, regime, on)
        ),
        (None, _) => "No mechanism stated".to_owned(),
    }
}
