//! One privacy declaration as an activity: its data use as the purpose, its data categories and
//! subjects with their taxonomy keys, bases, conditions, retention and data flows.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::system::Shared;
use super::{Misread, Reader, keep_the_rest, mappings, text, texts};
use crate::model::{
    Article6Basis, Article9Condition, DataCategory, DataSource, DataSubjectCategory, IsoDuration,
    KeyedKind, LawfulBasis, ProcessingActivity, Purpose, Recipient, RecipientRole, RetentionPeriod,
    RetentionRule, SourceKind, SpecialCategoryCondition, TaxonomyField, TaxonomyKey, keyed_kind,
};

const KNOWN: &[&str] = &[
    "name",
    "data_use",
    "data_categories",
    "data_subjects",
    "legal_basis_for_processing",
    "special_category_legal_basis",
    "processes_special_category_data",
    "retention_period",
    "egress",
    "ingress",
    "data_shared_with_third_parties",
    "third_parties",
    "shared_categories",
    "dataset_references",
];

/// The names a manifest gives its own taxonomy keys (`data_category`, `data_use`,
/// `data_subject` resources), for keys fideslang's default taxonomy does not hold.
pub(super) struct Taxonomy {
    names: HashMap<String, String>,
}

impl Taxonomy {
    pub(super) fn read(top: &Map<String, Value>) -> Result<Self, Misread> {
        let mut names = HashMap::new();
        for kind in ["data_category", "data_use", "data_subject"] {
            for (i, resource) in mappings(top, kind, "")?.into_iter().enumerate() {
                let at = format!("{kind}[{i}]");
                if let (Some(key), Some(name)) = (
                    text(resource, "fides_key", &at)?,
                    text(resource, "name", &at)?,
                ) {
                    names.insert(key, name);
                }
            }
        }
        Ok(Self { names })
    }

    /// The name of a key: the manifest's own, or the key itself.
    fn name(&self, key: &str) -> String {
        self.names
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_owned())
    }
}

/// The key `fides:KEY` for the field, where fideslang's default taxonomy holds it.
fn fides_key(field: TaxonomyField, key: &str) -> Option<TaxonomyKey> {
    TaxonomyKey::new(field, format!("fides:{key}")).ok()
}

/// Reads a declaration into `activity`, which holds what its system says.
pub(super) fn read(
    found: &Map<String, Value>,
    at: &str,
    taxonomy: &Taxonomy,
    shared: &Shared,
    activity: &mut ProcessingActivity,
    reader: &mut Reader,
) -> Result<(), Misread> {
    let use_key = text(found, "data_use", at)?;
    if let Some(name) = text(found, "name", at)? {
        activity.name = name;
    } else if let Some(data_use) = &use_key {
        activity.name = format!("{}: {}", activity.name, taxonomy.name(data_use));
    }
    let purpose = purpose(found, at, use_key.as_deref(), taxonomy, activity)?;
    activity.purposes.push(purpose);
    for key in texts(found, "data_subjects", at)? {
        let mut subject = DataSubjectCategory::new(key, taxonomy.name(key));
        subject
            .taxonomy
            .extend(fides_key(TaxonomyField::DataSubject, key));
        unknown_key(&subject.taxonomy, "data subject", key, at, activity);
        activity.data_subjects.push(subject);
    }
    categories(found, at, taxonomy, activity)?;
    conditions(found, at, activity)?;
    retention(found, at, activity)?;
    flows(found, at, shared, activity)?;
    let notes = keep_the_rest(found, KNOWN, at, reader);
    activity.notes.extend(notes);
    Ok(())
}

/// A note where a manifest key is not one of fideslang's defaults, so it is not typed.
fn unknown_key(
    typed: &[TaxonomyKey],
    what: &str,
    key: &str,
    at: &str,
    activity: &mut ProcessingActivity,
) {
    if typed.is_empty() {
        activity.notes.push(format!(
            "fides {at}: the {what} key {key} is not in fideslang's default taxonomy; it is kept in this note only"
        ));
    }
}

/// The data use as the purpose, with its taxonomy key and the Art 6 basis.
fn purpose(
    found: &Map<String, Value>,
    at: &str,
    use_key: Option<&str>,
    taxonomy: &Taxonomy,
    activity: &mut ProcessingActivity,
) -> Result<Purpose, Misread> {
    // The declaration's name says what the data is used for; the data use is its key.
    let description = match (text(found, "name", at)?, use_key) {
        (Some(name), _) => name,
        (None, Some(key)) => taxonomy.name(key),
        (None, None) => "Not stated in the manifest (no name or data_use)".to_owned(),
    };
    let mut purpose = Purpose::new("purpose", description);
    if let Some(key) = use_key {
        purpose
            .taxonomy
            .extend(fides_key(TaxonomyField::Purpose, key));
        unknown_key(&purpose.taxonomy, "data use", key, at, activity);
    }
    if let Some(basis) = text(found, "legal_basis_for_processing", at)? {
        let article_6 = match basis.as_str() {
            "Consent" => Some(Article6Basis::Consent),
            "Contract" => Some(Article6Basis::Contract),
            "Legal obligations" => Some(Article6Basis::LegalObligation),
            "Vital interests" => Some(Article6Basis::VitalInterests),
            "Public interest" => Some(Article6Basis::PublicTask),
            "Legitimate interests" => Some(Article6Basis::LegitimateInterests),
            _ => None,
        };
        match article_6 {
            Some(b) => purpose.lawful_bases.push(LawfulBasis::new(b)),
            None => activity.notes.push(format!(
                "fides {at}.legal_basis_for_processing: {basis} (not a fides legal basis)"
            )),
        }
    }
    Ok(purpose)
}

/// The data categories, each with its taxonomy key; marked special category data of the kind
/// its key names where the declaration says it processes such data. Where it does not say so,
/// the category stays unmarked and validation reports the key (`taxonomy-special-category-unmarked`).
fn categories(
    found: &Map<String, Value>,
    at: &str,
    taxonomy: &Taxonomy,
    activity: &mut ProcessingActivity,
) -> Result<(), Misread> {
    let special = found
        .get("processes_special_category_data")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    // Each key once; a set, so that a declaration of many categories stays linear.
    let mut seen: std::collections::HashSet<String> = activity
        .data_categories
        .iter()
        .map(|c| c.id.to_string())
        .collect();
    for key in texts(found, "data_categories", at)? {
        if !seen.insert(key.to_owned()) {
            continue;
        }
        let mut category = DataCategory::new(key, taxonomy.name(key));
        category
            .taxonomy
            .extend(fides_key(TaxonomyField::DataCategory, key));
        unknown_key(&category.taxonomy, "data category", key, at, activity);
        if let (true, Some(KeyedKind::Special(kind))) =
            (special, category.taxonomy.first().and_then(keyed_kind))
        {
            category.special_category = Some(kind);
        }
        activity.data_categories.push(category);
    }
    if special
        && !activity
            .data_categories
            .iter()
            .any(DataCategory::is_special_category)
    {
        activity.notes.push(format!(
            "fides {at}.processes_special_category_data: true, but no data category's key names special category data"
        ));
    }
    Ok(())
}

/// The Art 9(2) condition of `special_category_legal_basis`.
fn conditions(
    found: &Map<String, Value>,
    at: &str,
    activity: &mut ProcessingActivity,
) -> Result<(), Misread> {
    let Some(basis) = text(found, "special_category_legal_basis", at)? else {
        return Ok(());
    };
    use Article9Condition::*;
    let condition = match basis.as_str() {
        "Explicit consent" => Some(ExplicitConsent),
        "Employment, social security and social protection" => Some(EmploymentSocialSecurity),
        "Vital interests" => Some(VitalInterests),
        "Not-for-profit bodies" => Some(NotForProfitBody),
        "Made public by the data subject" => Some(ManifestlyMadePublic),
        "Legal claims or judicial acts" => Some(LegalClaims),
        "Reasons of substantial public interest (with a basis in law)" => {
            Some(SubstantialPublicInterest)
        }
        "Health or social care (with a basis in law)" => Some(HealthOrSocialCare),
        "Public health (with a basis in law)" => Some(PublicHealth),
        "Archiving, research and statistics (with a basis in law)" => {
            Some(ArchivingResearchStatistics)
        }
        _ => None,
    };
    match condition {
        Some(c) => activity
            .special_category_conditions
            .push(SpecialCategoryCondition::new(c)),
        None => activity.notes.push(format!(
            "fides {at}.special_category_legal_basis: {basis} (not a fides Art 9 basis)"
        )),
    }
    Ok(())
}

/// `retention_period`, in days in fideslang: a period whose start fides does not record.
fn retention(
    found: &Map<String, Value>,
    at: &str,
    activity: &mut ProcessingActivity,
) -> Result<(), Misread> {
    let Some(days) = text(found, "retention_period", at)? else {
        return Ok(());
    };
    let period = days
        .trim()
        .parse::<u32>()
        .ok()
        .and_then(|d| format!("P{d}D").parse::<IsoDuration>().ok());
    let rule = match period {
        Some(period) => RetentionRule::new(RetentionPeriod {
            period: Some(period),
            ..RetentionPeriod::default()
        }),
        None => RetentionRule::new(RetentionPeriod::default())
            .with_wording(format!("{days} (fides retention_period)")),
    };
    activity.retention.push(rule);
    Ok(())
}

/// Data flows: where the data goes (`egress`, and `third_parties`) as recipients, where it comes
/// from (`ingress`) as sources. The system's flows apply to each of its declarations; a
/// declaration's own `egress` and `ingress` name flows of the system.
fn flows(
    found: &Map<String, Value>,
    at: &str,
    shared: &Shared,
    activity: &mut ProcessingActivity,
) -> Result<(), Misread> {
    use std::collections::HashSet;
    let own_egress: HashSet<&str> = texts(found, "egress", at)?.into_iter().collect();
    let own_ingress: HashSet<&str> = texts(found, "ingress", at)?.into_iter().collect();
    for (key, kind, categories) in &shared.egress {
        if !own_egress.is_empty() && !own_egress.contains(&key.as_str()) {
            continue;
        }
        let mut recipient = Recipient::new(format!("egress-{key}"), RecipientRole::Internal);
        recipient.role = (kind == "system").then_some(RecipientRole::Internal);
        recipient.category = Some(format!("{kind} {key}"));
        recipient.data_categories = categories.iter().map(|c| c.as_str().into()).collect();
        activity.recipients.push(recipient);
    }
    for (key, kind, categories) in &shared.ingress {
        if !own_ingress.is_empty() && !own_ingress.contains(&key.as_str()) {
            continue;
        }
        // Only a flow from the user says where the data comes from; a flow from a system or
        // dataset of the organisation's own is kept in words, not read as a third party.
        if kind != "user" {
            activity.notes.push(format!(
                "fides ingress: receives data from the {kind} {key}"
            ));
            continue;
        }
        let source = DataSource::new(SourceKind::DataSubject);
        let named: HashSet<&str> = categories.iter().map(String::as_str).collect();
        for category in &mut activity.data_categories {
            if named.is_empty() || named.contains(category.id.as_str()) {
                category.sources.push(source.clone());
            }
        }
    }
    third_parties(found, at, activity)
}

/// `third_parties` (who, in words) and `shared_categories` (what they receive).
fn third_parties(
    found: &Map<String, Value>,
    at: &str,
    activity: &mut ProcessingActivity,
) -> Result<(), Misread> {
    let shared = found
        .get("data_shared_with_third_parties")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let who = text(found, "third_parties", at)?;
    let what = texts(found, "shared_categories", at)?;
    if !shared && who.is_none() && what.is_empty() {
        return Ok(());
    }
    let mut recipient = Recipient::new("third-parties", RecipientRole::IndependentController);
    recipient.role = None;
    recipient.category = Some(who.unwrap_or_else(|| "Third parties".to_owned()));
    recipient.data_categories = what.into_iter().map(Into::into).collect();
    activity.recipients.push(recipient);
    Ok(())
}
