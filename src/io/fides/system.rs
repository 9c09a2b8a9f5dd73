//! The manifest's systems: each privacy declaration an activity, with what the system says of
//! all its declarations (role, data flows, transfers, DPIA, privacy policy) on each.

use serde_json::{Map, Value};

use super::declaration::{self, Taxonomy};
use super::{Misread, Reader, keep_the_rest, mappings, text, texts};
use crate::model::{
    ActivityRole, CountryCode, Document, DocumentKind, Dpia, DpiaStatus, ProcessingActivity,
    Register, System, Transfer,
};

/// The system fields read into typed facts; the rest are kept as notes.
const KNOWN: &[&str] = &[
    "fides_key",
    "name",
    "description",
    "organization_fides_key",
    "privacy_declarations",
    "responsibility",
    "data_responsibility_title",
    "administrating_department",
    "egress",
    "ingress",
    "third_country_transfers",
    "data_protection_impact_assessment",
    "requires_data_protection_assessments",
    "dpa_location",
    "dpa_progress",
    "privacy_policy",
    "dataset_references",
];

/// The resources that describe no processing of their own: their keys and names are noted on the
/// first activity, their content listed as unread.
const OTHER_RESOURCES: &[&str] = &["dataset", "policy", "registry", "evaluation"];

/// Reads every system into `register`, then notes the manifest's other resources.
pub(super) fn read_all(
    top: &Map<String, Value>,
    register: &mut Register,
    reader: &mut Reader,
) -> Result<(), Misread> {
    let taxonomy = Taxonomy::read(top)?;
    for (s, system) in mappings(top, "system", "")?.into_iter().enumerate() {
        read_system(system, &format!("system[{s}]"), &taxonomy, register, reader)?;
    }
    let mut notes = Vec::new();
    for (key, value) in top {
        let at = key.as_str();
        if matches!(at, "system" | "organization") {
            continue;
        }
        let known_taxonomy = matches!(at, "data_category" | "data_use" | "data_subject");
        if known_taxonomy || OTHER_RESOURCES.contains(&at) || !value.is_null() {
            notes.push(reader.keep(at.to_owned(), value));
        }
    }
    match register.activities.first_mut() {
        Some(first) => first.notes.extend(notes),
        None => {
            let party = register.parties.first_mut().expect("the organisation");
            for note in notes {
                party.description = Some(match party.description.take() {
                    Some(d) => format!("{d}; {note}"),
                    None => note,
                });
            }
        }
    }
    Ok(())
}

/// One system: an activity per privacy declaration, or one for the system where it declares none.
fn read_system(
    system: &Map<String, Value>,
    at: &str,
    taxonomy: &Taxonomy,
    register: &mut Register,
    reader: &mut Reader,
) -> Result<(), Misread> {
    let key = text(system, "fides_key", at)?.unwrap_or_else(|| at.to_owned());
    let name = text(system, "name", at)?.unwrap_or_else(|| key.clone());
    let shared = Shared::read(system, at, &key, &name, register)?;
    let mut notes = keep_the_rest(system, KNOWN, at, reader);
    notes.extend(shared.notes.iter().cloned());
    let declarations = mappings(system, "privacy_declarations", at)?;
    if declarations.is_empty() {
        let mut activity = shared.activity(key.clone(), name.clone());
        activity.notes.extend(notes);
        register.activities.push(activity);
        return Ok(());
    }
    for (d, found) in declarations.into_iter().enumerate() {
        let id = if d == 0 {
            key.clone()
        } else {
            format!("{key}.{}", d + 1)
        };
        let mut activity = shared.activity(id, name.clone());
        let at = format!("{at}.privacy_declarations[{d}]");
        declaration::read(found, &at, taxonomy, &shared, &mut activity, reader)?;
        if d == 0 {
            // The system's own notes once, on its first activity, not repeated on each.
            activity.notes.splice(0..0, notes.drain(..));
        }
        register.activities.push(activity);
    }
    Ok(())
}

/// What a system says of every one of its declarations.
pub(super) struct Shared {
    pub role: ActivityRole,
    pub business_function: Option<String>,
    pub transfers: Vec<Transfer>,
    pub dpia: Option<Dpia>,
    pub privacy_notice: Option<crate::model::DocumentId>,
    pub systems: Vec<System>,
    /// Data flows out (`egress`): key, type, and the data categories named.
    pub egress: Vec<(String, String, Vec<String>)>,
    /// Data flows in (`ingress`), likewise.
    pub ingress: Vec<(String, String, Vec<String>)>,
    /// What the system says that has no typed field, with its path.
    pub notes: Vec<String>,
}

impl Shared {
    fn read(
        system: &Map<String, Value>,
        at: &str,
        key: &str,
        name: &str,
        register: &mut Register,
    ) -> Result<Self, Misread> {
        let mut notes = Vec::new();
        let role = role(system, at, &mut notes)?;
        // The fides system is the IT system the activity runs on; datasets hold its data.
        let mut the_system = System::new(name);
        the_system.description = text(system, "description", at)?;
        let datasets = texts(system, "dataset_references", at)?;
        let systems = std::iter::once(the_system)
            .chain(
                datasets
                    .into_iter()
                    .map(|d| System::new(format!("dataset {d}"))),
            )
            .collect();
        let privacy_notice = match text(system, "privacy_policy", at)? {
            Some(url) => {
                let id = format!("{key}-privacy-policy");
                let title = format!("Privacy policy of {name}");
                Some(document(
                    register,
                    id,
                    DocumentKind::PrivacyNotice,
                    title,
                    url,
                ))
            }
            None => None,
        };
        Ok(Self {
            role,
            business_function: text(system, "administrating_department", at)?,
            transfers: transfers(system, at, &mut notes)?,
            dpia: dpia(system, at, key, name, register)?,
            privacy_notice,
            systems,
            egress: flows(system, "egress", at)?,
            ingress: flows(system, "ingress", at)?,
            notes,
        })
    }

    /// An activity with what the system says of all its declarations.
    fn activity(&self, id: String, name: String) -> ProcessingActivity {
        let mut activity = ProcessingActivity::new(id, name, self.role);
        activity.business_function = self.business_function.clone();
        activity.transfers = self.transfers.clone();
        activity.dpia = self.dpia.clone();
        activity.privacy_notice = self.privacy_notice.clone();
        activity.systems = self.systems.clone();
        activity
    }
}

/// The organisation's role: fideslang 3's `responsibility` list, or the older
/// `data_responsibility_title`. A sub-processor processes for another; with no role recorded the
/// activity is read as the organisation's own, and a note says so.
fn role(
    system: &Map<String, Value>,
    at: &str,
    notes: &mut Vec<String>,
) -> Result<ActivityRole, Misread> {
    let mut titles = texts(system, "responsibility", at)?;
    let legacy = text(system, "data_responsibility_title", at)?;
    titles.extend(legacy.as_deref());
    let roles: Vec<Option<ActivityRole>> = titles
        .iter()
        .map(|t| match *t {
            "Controller" => Some(ActivityRole::Controller),
            "Processor" | "Sub-Processor" => Some(ActivityRole::Processor),
            _ => None,
        })
        .collect();
    match roles.first() {
        Some(Some(role)) => {
            if titles.len() > 1 {
                notes.push(format!("fides {at}.responsibility: {}", titles.join(", ")));
            }
            Ok(*role)
        }
        Some(None) => {
            notes.push(format!(
                "fides {at}.responsibility: {} (not a fides role; read as controller)",
                titles.join(", ")
            ));
            Ok(ActivityRole::Controller)
        }
        None => {
            notes.push(format!(
                "fides {at}: no responsibility recorded; read as the organisation's own processing (controller)"
            ));
            Ok(ActivityRole::Controller)
        }
    }
}

/// The countries the system transfers data to (`third_country_transfers`, alpha-3 codes): each a
/// transfer whose mechanism fides does not record, so it stays a gap validation reports.
fn transfers(
    system: &Map<String, Value>,
    at: &str,
    notes: &mut Vec<String>,
) -> Result<Vec<Transfer>, Misread> {
    let mut out = Vec::new();
    for (i, code) in texts(system, "third_country_transfers", at)?
        .into_iter()
        .enumerate()
    {
        match CountryCode::from_alpha_3(code) {
            Some(country) => out.push(Transfer::to_country(country)),
            None => notes.push(format!(
                "fides {at}.third_country_transfers[{i}]: {code} (not an ISO 3166-1 alpha-3 code)"
            )),
        }
    }
    Ok(out)
}

/// The DPIA: fideslang 1's `data_protection_impact_assessment` (`is_required`, `progress`,
/// `link`) or fideslang 3's `requires_data_protection_assessments`, `dpa_progress` and
/// `dpa_location`; a link or location becomes a DPIA document.
fn dpia(
    system: &Map<String, Value>,
    at: &str,
    key: &str,
    name: &str,
    register: &mut Register,
) -> Result<Option<Dpia>, Misread> {
    let legacy = match system.get("data_protection_impact_assessment") {
        Some(Value::Object(map)) => Some(map),
        None | Some(Value::Null) => None,
        Some(_) => {
            let at = format!("{at}.data_protection_impact_assessment");
            return Err((at, "expected a mapping"));
        }
    };
    let legacy_at = format!("{at}.data_protection_impact_assessment");
    let required = match legacy.and_then(|m| m.get("is_required")) {
        Some(Value::Bool(b)) => Some(*b),
        _ => system
            .get("requires_data_protection_assessments")
            .and_then(Value::as_bool),
    };
    let progress = match legacy {
        Some(map) => text(map, "progress", &legacy_at)?,
        None => text(system, "dpa_progress", at)?,
    };
    let location = match legacy {
        Some(map) => text(map, "link", &legacy_at)?,
        None => text(system, "dpa_location", at)?,
    };
    if required.is_none() && progress.is_none() && location.is_none() {
        return Ok(None);
    }
    let mut dpia = Dpia {
        required,
        status: progress.as_deref().and_then(dpia_status),
        ..Dpia::default()
    };
    if let Some(progress) = progress.filter(|p| dpia_status(p).is_none()) {
        dpia = dpia.with_note(format!("progress in fides: {progress}"));
    }
    if let Some(location) = location {
        let id = format!("{key}-dpia");
        let title = format!("DPIA of {name}");
        dpia.document = Some(document(register, id, DocumentKind::Dpia, title, location));
    }
    Ok(Some(dpia))
}

/// The register's document of this kind at `location`, made where there is none yet: systems
/// that share a DPIA or a privacy policy share its document.
fn document(
    register: &mut Register,
    id: String,
    kind: DocumentKind,
    title: String,
    location: String,
) -> crate::model::DocumentId {
    let same = register
        .documents
        .iter()
        .find(|d| d.kind == kind && d.location.as_deref() == Some(location.as_str()));
    if let Some(existing) = same {
        return existing.id.clone();
    }
    register
        .documents
        .push(Document::new(id.as_str(), kind, title).with_location(location));
    id.into()
}

fn dpia_status(progress: &str) -> Option<DpiaStatus> {
    match progress.to_lowercase().as_str() {
        "complete" | "completed" => Some(DpiaStatus::Completed),
        "in progress" | "in_progress" => Some(DpiaStatus::InProgress),
        "not started" | "not_started" => Some(DpiaStatus::NotStarted),
        "not required" | "not_required" => Some(DpiaStatus::NotRequired),
        _ => None,
    }
}

/// A system's data flows: `fides_key`, `type` and `data_categories` of each.
fn flows(
    system: &Map<String, Value>,
    key: &str,
    at: &str,
) -> Result<Vec<(String, String, Vec<String>)>, Misread> {
    let mut out = Vec::new();
    for (i, flow) in mappings(system, key, at)?.into_iter().enumerate() {
        let at = format!("{at}.{key}[{i}]");
        let target = text(flow, "fides_key", &at)?.unwrap_or_default();
        let kind = text(flow, "type", &at)?.unwrap_or_default();
        let categories = texts(flow, "data_categories", &at)?;
        out.push((
            target,
            kind,
            categories.into_iter().map(str::to_owned).collect(),
        ));
    }
    Ok(out)
}
