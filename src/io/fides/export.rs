//! A register as a fides manifest: the organisation, then a system per activity with a privacy
//! declaration per purpose. fideslang 3's fields only, so that `fides evaluate` and fideslang's
//! models read it; a purpose, category or subject with no `fides:` key gets a key of the
//! manifest's own (`ropa_purpose_ID`), declared in its `data_use`, `data_category` or
//! `data_subject` resources, so that every key the manifest uses is defined in it or in fides.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use crate::model::{
    ActivityRole, Article6Basis, Article9Condition, Contact, DataCategory, DpiaStatus, Party,
    ProcessingActivity, Purpose, Register, TaxonomyKey, TransferMechanism,
};

/// The manifest's own keys, with their names, by resource.
#[derive(Default)]
struct OwnKeys {
    resources: BTreeMap<&'static str, BTreeMap<String, String>>,
}

impl OwnKeys {
    /// The `fides:` key among `keys`, or a key of the manifest's own made from `id`.
    fn key(
        &mut self,
        resource: &'static str,
        keys: &[TaxonomyKey],
        id: &str,
        name: &str,
    ) -> String {
        if let Some(key) = keys.iter().find(|k| k.prefix() == "fides") {
            return key.key().to_owned();
        }
        let own = format!("ropa_{}_{}", &resource[5..], fides_key(id));
        self.resources
            .entry(resource)
            .or_default()
            .insert(own.clone(), name.to_owned());
        own
    }
}

/// A fides key made of `id`: its characters outside fides's pattern (`[A-Za-z0-9_.<>-]`) as `_`.
fn fides_key(id: &str) -> String {
    let key: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "_.<>-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    if key.is_empty() { "_".to_owned() } else { key }
}

/// The register as a fides manifest (`organization`, `system` and the manifest's own taxonomy
/// keys), as JSON, which YAML readers read too.
///
/// ```
/// let register = ropa::from_path("examples/data/northfield-research-processor.json")?;
/// let manifest = ropa::fides::to_manifest(&register);
/// let systems = manifest["system"].as_array().unwrap();
/// assert_eq!(systems.len(), register.activities.len());
/// assert_eq!(systems[2]["privacy_declarations"][0]["data_use"], "employment");
/// # Ok::<(), ropa::Error>(())
/// ```
pub fn to_manifest(register: &Register) -> Value {
    let mut own = OwnKeys::default();
    let systems: Vec<Value> = register
        .activities
        .iter()
        .map(|a| system(register, a, &mut own))
        .collect();
    let mut manifest = Map::new();
    if let Some(org) = register.organisation() {
        manifest.insert("organization".into(), json!([organization(register, org)]));
    }
    manifest.insert("system".into(), Value::Array(systems));
    for (resource, keys) in own.resources {
        let declared: Vec<Value> = keys
            .into_iter()
            .map(|(key, name)| json!({"fides_key": key, "name": name}))
            .collect();
        manifest.insert(resource.into(), Value::Array(declared));
    }
    Value::Object(manifest)
}

fn organization(register: &Register, org: &Party) -> Value {
    let mut out = Map::new();
    out.insert("fides_key".into(), json!(fides_key(org.id.as_str())));
    out.insert("name".into(), json!(org.name));
    if let Some(description) = &org.description {
        out.insert("description".into(), json!(description));
    }
    if let Some(contact) = org.contacts.first() {
        out.insert("controller".into(), contact_details(&org.name, contact));
    }
    if let Some(dpo) = &register.dpo {
        let name = dpo.name.clone().unwrap_or_default();
        let contact = dpo.contacts.first().cloned().unwrap_or_default();
        out.insert(
            "data_protection_officer".into(),
            contact_details(&name, &contact),
        );
    }
    if let Some(rep) = register
        .representative
        .as_ref()
        .and_then(|id| register.party(id))
    {
        let contact = rep.contacts.first().cloned().unwrap_or_default();
        out.insert(
            "representative".into(),
            contact_details(&rep.name, &contact),
        );
    }
    Value::Object(out)
}

fn contact_details(name: &str, contact: &Contact) -> Value {
    json!({
        "name": name,
        "address": contact.address.clone().unwrap_or_default(),
        "email": contact.email.clone().unwrap_or_default(),
        "phone": contact.phone.clone().unwrap_or_default(),
    })
}

/// An activity as a system: named after the IT system it runs on where the register names one.
fn system(register: &Register, a: &ProcessingActivity, own: &mut OwnKeys) -> Value {
    let mut out = Map::new();
    out.insert("fides_key".into(), json!(fides_key(a.id.as_str())));
    let (name, mut description) = match a
        .systems
        .first()
        .filter(|s| !s.name.starts_with("dataset "))
    {
        Some(s) => (s.name.clone(), s.description.clone()),
        None => (a.name.clone(), a.description.clone()),
    };
    // fides names the system and each declaration: the activity's own name, where it is neither,
    // leads the description so that it is not lost.
    let named = name == a.name || a.purposes.iter().any(|p| p.description == a.name);
    if !named {
        description = Some(match description {
            Some(d) => format!("{}: {d}", a.name),
            None => a.name.clone(),
        });
    }
    out.insert("name".into(), json!(name));
    if let Some(description) = description {
        out.insert("description".into(), json!(description));
    }
    out.insert("system_type".into(), json!(system_type(a)));
    let responsibility = match a.role {
        ActivityRole::Processor => "Processor",
        ActivityRole::Controller | ActivityRole::JointController => "Controller",
    };
    out.insert("responsibility".into(), json!([responsibility]));
    if let Some(function) = &a.business_function {
        out.insert("administrating_department".into(), json!(function));
    }
    let datasets: Vec<&str> = a
        .systems
        .iter()
        .filter_map(|s| s.name.strip_prefix("dataset "))
        .collect();
    out.insert("dataset_references".into(), json!(datasets));
    transfers(a, &mut out);
    flows(a, own, &mut out);
    dpia(register, a, &mut out);
    if let Some(url) = a
        .privacy_notice
        .as_ref()
        .and_then(|id| register.documents.iter().find(|d| &d.id == id))
        .and_then(|d| d.location.as_deref())
        .filter(|l| l.starts_with("http"))
    {
        out.insert("privacy_policy".into(), json!(url));
    }
    // An activity with no purpose recorded (a processor's) but with data is one declaration,
    // named after it.
    let unnamed = [Purpose::new(a.id.as_str(), a.name.as_str())];
    let purposes = match (a.purposes.is_empty(), a.data_categories.is_empty()) {
        (false, _) => &a.purposes[..],
        (true, false) => &unnamed[..],
        (true, true) => &[][..],
    };
    let declarations: Vec<Value> = purposes
        .iter()
        .map(|p| declaration(register, a, p, own))
        .collect();
    out.insert("privacy_declarations".into(), Value::Array(declarations));
    Value::Object(out)
}

/// The system type fides asks for: the one an import kept in the activity's notes, else
/// "Processing activity".
fn system_type(a: &ProcessingActivity) -> String {
    a.notes
        .iter()
        .find_map(|n| {
            let rest = n.strip_prefix("fides system[")?;
            let (_, value) = rest.split_once("].system_type: ")?;
            Some(value.to_owned())
        })
        .unwrap_or_else(|| "Processing activity".to_owned())
}

/// Whether the system transfers data abroad, and on what legal basis in fides's words.
fn transfers(a: &ProcessingActivity, out: &mut Map<String, Value>) {
    out.insert(
        "does_international_transfers".into(),
        json!(!a.transfers.is_empty()),
    );
    let mut bases: Vec<&str> = a
        .transfers
        .iter()
        .filter_map(|t| t.mechanism)
        .map(|m| match m {
            TransferMechanism::Adequacy => "Adequacy Decision",
            TransferMechanism::EuStandardContractualClauses
            | TransferMechanism::EuSccsWithUkAddendum
            | TransferMechanism::UkIdta => "SCCs",
            TransferMechanism::BindingCorporateRules => "BCRs",
            _ => "Other",
        })
        .collect();
    bases.sort_unstable();
    bases.dedup();
    out.insert("legal_basis_for_transfers".into(), json!(bases));
    // fideslang 1's field, which fideslang 3 ignores: the only place fides names the countries.
    let countries: Vec<&str> = a
        .transfers
        .iter()
        .filter_map(|t| t.country)
        .filter_map(|c| c.alpha_3())
        .collect();
    if !countries.is_empty() {
        out.insert("third_country_transfers".into(), json!(countries));
    }
}

/// The system's data flows: recipients within the organisation as `egress` to a system, and the
/// data subject as a source as `ingress` from the user.
fn flows(a: &ProcessingActivity, own: &mut OwnKeys, out: &mut Map<String, Value>) {
    let by_id: std::collections::HashMap<&str, &DataCategory> = a
        .data_categories
        .iter()
        .map(|c| (c.id.as_str(), c))
        .collect();
    let egress: Vec<Value> = a
        .recipients
        .iter()
        .filter(|r| r.role == Some(crate::model::RecipientRole::Internal))
        .map(|r| {
            let id = r.id.as_str();
            let categories: Vec<String> = r
                .data_categories
                .iter()
                .filter_map(|c| by_id.get(c.as_str()))
                .map(|c| own.key("data_category", &c.taxonomy, c.id.as_str(), &c.name))
                .collect();
            json!({
                "fides_key": fides_key(id.strip_prefix("egress-").unwrap_or(id)),
                "type": "system",
                "data_categories": categories,
            })
        })
        .collect();
    if !egress.is_empty() {
        out.insert("egress".into(), Value::Array(egress));
    }
    let from_the_person = a.data_categories.iter().any(|c| {
        c.sources
            .iter()
            .any(|s| s.kind == crate::model::SourceKind::DataSubject)
    });
    if from_the_person {
        out.insert(
            "ingress".into(),
            json!([{"fides_key": "user", "type": "user"}]),
        );
    }
}

fn dpia(register: &Register, a: &ProcessingActivity, out: &mut Map<String, Value>) {
    let Some(dpia) = &a.dpia else {
        return;
    };
    if let Some(required) = dpia.required {
        out.insert(
            "requires_data_protection_assessments".into(),
            json!(required),
        );
    }
    let progress = match dpia.status {
        Some(DpiaStatus::Completed) => Some("Complete"),
        Some(DpiaStatus::InProgress) => Some("In progress"),
        Some(DpiaStatus::NotStarted) => Some("Not started"),
        Some(DpiaStatus::NotRequired) => Some("Not required"),
        _ => None,
    };
    if let Some(progress) = progress {
        out.insert("dpa_progress".into(), json!(progress));
    }
    let location = dpia
        .document
        .as_ref()
        .and_then(|id| register.documents.iter().find(|d| &d.id == id))
        .and_then(|d| d.location.as_deref());
    if let Some(location) = location {
        out.insert("dpa_location".into(), json!(location));
    }
}

/// A purpose as a privacy declaration of its activity's system.
fn declaration(
    register: &Register,
    a: &ProcessingActivity,
    p: &Purpose,
    own: &mut OwnKeys,
) -> Value {
    let mut out = Map::new();
    out.insert("name".into(), json!(p.description));
    let data_use = own.key("data_use", &p.taxonomy, p.id.as_str(), &p.description);
    out.insert("data_use".into(), json!(data_use));
    let named: std::collections::HashSet<&str> =
        p.data_categories.iter().map(|id| id.as_str()).collect();
    let used: Vec<&DataCategory> = a
        .data_categories
        .iter()
        .filter(|c| named.is_empty() || named.contains(c.id.as_str()))
        .collect();
    let keys: Vec<String> = used
        .iter()
        .map(|c| own.key("data_category", &c.taxonomy, c.id.as_str(), &c.name))
        .collect();
    out.insert("data_categories".into(), json!(keys));
    let subjects: Vec<String> = a
        .data_subjects
        .iter()
        .map(|s| own.key("data_subject", &s.taxonomy, s.id.as_str(), &s.name))
        .collect();
    out.insert("data_subjects".into(), json!(subjects));
    out.insert("features".into(), json!([]));
    out.insert("flexible_legal_basis_for_processing".into(), json!(false));
    let basis = p.lawful_bases.first().or(a.lawful_bases.first());
    if let Some(basis) = basis.and_then(|b| legal_basis(b.basis)) {
        out.insert("legal_basis_for_processing".into(), json!(basis));
    }
    let special = used.iter().any(|c| c.is_special_category());
    out.insert("processes_special_category_data".into(), json!(special));
    let condition = a.special_category_conditions.first().map(|c| c.condition);
    if let Some(condition) = condition.map(special_basis) {
        out.insert("special_category_legal_basis".into(), json!(condition));
    }
    if let Some(period) = retention_period(a) {
        out.insert("retention_period".into(), json!(period));
    }
    third_parties(register, a, own, &mut out);
    Value::Object(out)
}

/// fides's retention period: whole days where a rule's period has them, else the first rule's
/// words (fideslang 3 takes any text).
fn retention_period(a: &ProcessingActivity) -> Option<String> {
    if let Some(days) = a.retention.iter().find_map(|r| days(r.retention.period?)) {
        return Some(days.to_string());
    }
    let wording = a.retention.iter().find_map(|r| r.wording.as_deref())?;
    Some(
        wording
            .strip_suffix(" (fides retention_period)")
            .unwrap_or(wording)
            .to_owned(),
    )
}

/// A period in fides's whole days: only one of days or weeks, since months and years have no
/// fixed number of days.
fn days(period: crate::model::IsoDuration) -> Option<u64> {
    if period.year_part().is_some() || period.month_part().is_some() {
        return None;
    }
    let weeks = u64::from(period.week_part().unwrap_or(0));
    let days = u64::from(period.day_part().unwrap_or(0));
    Some(weeks * 7 + days)
}

fn legal_basis(basis: Article6Basis) -> Option<&'static str> {
    Some(match basis {
        Article6Basis::Consent => "Consent",
        Article6Basis::Contract => "Contract",
        Article6Basis::LegalObligation => "Legal obligations",
        Article6Basis::VitalInterests => "Vital interests",
        Article6Basis::PublicTask => "Public interest",
        Article6Basis::LegitimateInterests => "Legitimate interests",
        // UK Art 6(1)(ea) has no fides value: fides's "Legitimate interests" would claim a
        // balancing test the recognised interests do not need.
        _ => return None,
    })
}

fn special_basis(condition: Article9Condition) -> &'static str {
    use Article9Condition::*;
    match condition {
        ExplicitConsent => "Explicit consent",
        EmploymentSocialSecurity => "Employment, social security and social protection",
        VitalInterests => "Vital interests",
        NotForProfitBody => "Not-for-profit bodies",
        ManifestlyMadePublic => "Made public by the data subject",
        LegalClaims => "Legal claims or judicial acts",
        SubstantialPublicInterest => "Reasons of substantial public interest (with a basis in law)",
        HealthOrSocialCare => "Health or social care (with a basis in law)",
        PublicHealth => "Public health (with a basis in law)",
        ArchivingResearchStatistics => "Archiving, research and statistics (with a basis in law)",
    }
}

/// Recipients outside the organisation, as fides's third parties and the categories they get.
fn third_parties(
    register: &Register,
    a: &ProcessingActivity,
    own: &mut OwnKeys,
    out: &mut Map<String, Value>,
) {
    let outside: Vec<_> = a
        .recipients
        .iter()
        .filter(|r| r.role != Some(crate::model::RecipientRole::Internal))
        .collect();
    out.insert(
        "data_shared_with_third_parties".into(),
        json!(!outside.is_empty()),
    );
    if outside.is_empty() {
        return;
    }
    let names: Vec<&str> = outside
        .iter()
        .map(|r| crate::io::dpv::recipient_name(register, r))
        .collect();
    out.insert("third_parties".into(), json!(names.join("; ")));
    let by_id: std::collections::HashMap<&str, &DataCategory> = a
        .data_categories
        .iter()
        .map(|c| (c.id.as_str(), c))
        .collect();
    let mut seen = std::collections::HashSet::new();
    let mut shared: Vec<String> = Vec::new();
    for id in outside.iter().flat_map(|r| &r.data_categories) {
        if let Some(c) = by_id.get(id.as_str()) {
            let key = own.key("data_category", &c.taxonomy, c.id.as_str(), &c.name);
            if seen.insert(key.clone()) {
                shared.push(key);
            }
        }
    }
    out.insert("shared_categories".into(), json!(shared));
}
