//! A register as linked data in the W3C Data Privacy Vocabulary (DPV 2.3, with its GDPR
//! extension): each activity a `dpv:Process`, as JSON-LD with its `@context` inline so that it
//! expands offline. One-way: DPV has no place for much of the record (notes, the Schedule 1
//! paragraphs, the register's findings), and the README lists the values with no DPV term.
//!
//! Every term written is one DPV defines: each is checked against the lists `tools/taxonomy.py`
//! generates from DPV's own files (a test holds every example's output to them).

use serde_json::{Map, Value, json};

use crate::model::taxonomy::{DPV_TERMS, EU_GDPR_TERMS, LOC_COUNTRIES};
use crate::model::{
    ActivityRole, Article6Basis, Article9Condition, Article49Derogation, DataCategory,
    ProcessingActivity, Recipient, RecipientRole, Regime, Register, RetentionRule,
    SecurityMeasureKind, SpecialCategoryKind, TaxonomyKey, Transfer, TransferMechanism,
};

/// The base of the register's own nodes' ids: `urn:ropa:ACTIVITY-ID` and below.
const BASE: &str = "urn:ropa:";

/// The register as DPV JSON-LD: a graph of one `dpv:Process` per activity.
///
/// ```
/// let register = ropa::from_path("examples/data/northfield-research-processor.json")?;
/// let graph = ropa::dpv::to_json_ld(&register);
/// let process = &graph["@graph"][2];
/// assert_eq!(process["@type"], "dpv:Process");
/// assert_eq!(process["dpv:hasDataController"]["@id"], "urn:ropa:party:northfield");
/// assert!(ropa::dpv::defines("dpv:Process") && !ropa::dpv::defines("dpv:NoSuchTerm"));
/// # Ok::<(), ropa::Error>(())
/// ```
pub fn to_json_ld(register: &Register) -> Value {
    let parties = register.parties.iter().map(|p| {
        json!({
            "@id": id(&["party", p.id.as_str()]),
            "@type": "dpv:LegalEntity",
            "dpv:hasName": p.name,
        })
    });
    let graph: Vec<Value> = register
        .activities
        .iter()
        .map(|a| process(register, a))
        .chain(parties)
        .collect();
    json!({
        "@context": context(),
        "@graph": graph,
    })
}

fn context() -> Value {
    json!({
        "dpv": "https://w3id.org/dpv#",
        "pd": "https://w3id.org/dpv/pd#",
        "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
        "legal-eu": "https://w3id.org/dpv/legal/eu#",
        "legal-gb": "https://w3id.org/dpv/legal/gb#",
        "loc": "https://w3id.org/dpv/loc#",
        "dct": "http://purl.org/dc/terms/",
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
    })
}

/// A reference to a node: a DPV term (`prefix:Term`) or one of the register's own (`urn:ropa:...`).
fn term(id: &str) -> Value {
    json!({"@id": id})
}

fn id(parts: &[&str]) -> String {
    let encoded: Vec<String> = parts.iter().map(|p| encode(p)).collect();
    format!("{BASE}{}", encoded.join(":"))
}

/// Percent-encodes what an IRI's path may not hold, so that a register's ids make valid IRIs.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn process(register: &Register, a: &ProcessingActivity) -> Value {
    let mut out = Map::new();
    out.insert("@id".into(), json!(id(&[a.id.as_str()])));
    out.insert("@type".into(), json!("dpv:Process"));
    out.insert("dct:title".into(), json!(a.name));
    if let Some(description) = &a.description {
        out.insert("dct:description".into(), json!(description));
    }
    let law = match register.regime {
        Some(Regime::EuGdpr) => "legal-eu:law-GDPR",
        _ => "legal-gb:law-GDPR",
    };
    out.insert("dpv:hasApplicableLaw".into(), term(law));
    let organisation = term(&id(&["party", register.organisation.as_str()]));
    let role = match a.role {
        ActivityRole::Processor => "dpv:hasDataProcessor",
        ActivityRole::Controller | ActivityRole::JointController => "dpv:hasDataController",
    };
    out.insert(role.into(), organisation);
    // A processor's record names the controllers it acts for (Art 30(2)(a)).
    let controllers: Vec<Value> = a
        .on_behalf_of
        .iter()
        .map(|o| term(&id(&["party", o.controller.as_str()])))
        .collect();
    if !controllers.is_empty() {
        out.insert("dpv:hasDataController".into(), Value::Array(controllers));
    }
    if !a.joint_controllers.is_empty() {
        let joint: Vec<Value> = a
            .joint_controllers
            .iter()
            .map(|p| term(&id(&["party", p.as_str()])))
            .collect();
        out.insert(
            "dpv:hasJointDataControllers".into(),
            json!({"@type": "dpv:JointDataControllers", "dpv:hasDataController": joint}),
        );
    }
    out.insert("dpv:hasPurpose".into(), Value::Array(purposes(a)));
    out.insert("dpv:hasLegalBasis".into(), Value::Array(legal_bases(a)));
    out.insert("dpv:hasPersonalData".into(), Value::Array(personal_data(a)));
    out.insert("dpv:hasDataSubject".into(), Value::Array(subjects(a)));
    out.insert(
        "dpv:hasRecipient".into(),
        Value::Array(recipients(register, a)),
    );
    let transfers: Vec<Value> = a
        .transfers
        .iter()
        .enumerate()
        .map(|(i, t)| transfer(a, i, t))
        .collect();
    out.insert("dpv:hasProcess".into(), Value::Array(transfers));
    let storage: Vec<Value> = a.retention.iter().map(storage_duration).collect();
    out.insert("dpv:hasStorageCondition".into(), Value::Array(storage));
    let measures = a
        .security_measures
        .iter()
        .chain(&register.security_measures)
        .filter_map(|m| measure(m.kind))
        .map(term)
        .collect();
    out.insert(
        "dpv:hasTechnicalOrganisationalMeasure".into(),
        Value::Array(measures),
    );
    out.retain(|_, v| !matches!(v, Value::Array(items) if items.is_empty()));
    Value::Object(out)
}

/// The types of a node: the DPV terms of its taxonomy keys (`dpv:`, `pd:`, `dpv-pd:`), else
/// `fallback`.
fn types(keys: &[TaxonomyKey], fallback: &str) -> Value {
    let mut types: Vec<String> = keys
        .iter()
        .filter_map(|k| match k.prefix() {
            "dpv" => Some(format!("dpv:{}", k.key())),
            "pd" | "dpv-pd" => Some(format!("pd:{}", k.key())),
            _ => None,
        })
        .collect();
    if types.is_empty() {
        types.push(fallback.to_owned());
    }
    json!(types)
}

fn purposes(a: &ProcessingActivity) -> Vec<Value> {
    a.purposes
        .iter()
        .map(|p| {
            json!({
                "@id": id(&[a.id.as_str(), "purpose", p.id.as_str()]),
                "@type": types(&p.taxonomy, "dpv:Purpose"),
                "dct:description": p.description,
            })
        })
        .collect()
}

/// The Art 6 bases (activity's and each purpose's, each once) and Art 9 conditions, as the GDPR
/// extension's terms.
fn legal_bases(a: &ProcessingActivity) -> Vec<Value> {
    let mut curies: Vec<&str> = Vec::new();
    let bases = a
        .lawful_bases
        .iter()
        .chain(a.purposes.iter().flat_map(|p| &p.lawful_bases))
        .chain(a.data_categories.iter().flat_map(|c| &c.lawful_bases));
    // At most sixteen distinct terms: the search in the list stays constant.
    for basis in bases {
        if let Some(curie) = article_6(basis.basis)
            && !curies.contains(&curie)
        {
            curies.push(curie);
        }
    }
    for condition in &a.special_category_conditions {
        let curie = article_9(condition.condition);
        if !curies.contains(&curie) {
            curies.push(curie);
        }
    }
    curies.into_iter().map(term).collect()
}

/// The GDPR extension's term for an Art 6(1) basis; none for the UK's recognised legitimate
/// interests (Art 6(1)(ea)), which DPV does not define.
pub(crate) fn article_6(basis: Article6Basis) -> Option<&'static str> {
    Some(match basis {
        Article6Basis::Consent => "eu-gdpr:A6-1-a",
        Article6Basis::Contract => "eu-gdpr:A6-1-b",
        Article6Basis::LegalObligation => "eu-gdpr:A6-1-c",
        Article6Basis::VitalInterests => "eu-gdpr:A6-1-d",
        Article6Basis::PublicTask => "eu-gdpr:A6-1-e",
        Article6Basis::LegitimateInterests => "eu-gdpr:A6-1-f",
        _ => return None,
    })
}

pub(crate) fn article_9(condition: Article9Condition) -> &'static str {
    use Article9Condition::*;
    match condition {
        ExplicitConsent => "eu-gdpr:A9-2-a",
        EmploymentSocialSecurity => "eu-gdpr:A9-2-b",
        VitalInterests => "eu-gdpr:A9-2-c",
        NotForProfitBody => "eu-gdpr:A9-2-d",
        ManifestlyMadePublic => "eu-gdpr:A9-2-e",
        LegalClaims => "eu-gdpr:A9-2-f",
        SubstantialPublicInterest => "eu-gdpr:A9-2-g",
        HealthOrSocialCare => "eu-gdpr:A9-2-h",
        PublicHealth => "eu-gdpr:A9-2-i",
        ArchivingResearchStatistics => "eu-gdpr:A9-2-j",
    }
}

fn personal_data(a: &ProcessingActivity) -> Vec<Value> {
    a.data_categories
        .iter()
        .map(|c| {
            json!({
                "@id": id(&[a.id.as_str(), "data", c.id.as_str()]),
                "@type": category_types(c),
                "dct:title": c.name,
            })
        })
        .collect()
}

/// A category's types: its DPV keys; else the `pd:` term of its special category kind or of
/// criminal offence data; else personal data.
fn category_types(c: &DataCategory) -> Value {
    let keyed = types(&c.taxonomy, "");
    if keyed != json!([""]) {
        return keyed;
    }
    let kind = c.special_category.map(special_kind);
    let fallback = match (kind, c.criminal_offence, c.may_include_special_category) {
        (Some(kind), _, _) => kind,
        (None, true, _) => "pd:Criminal",
        (None, false, true) => "dpv:SpecialCategoryPersonalData",
        _ => "dpv:PersonalData",
    };
    json!([fallback])
}

pub(crate) fn special_kind(kind: SpecialCategoryKind) -> &'static str {
    use SpecialCategoryKind::*;
    match kind {
        RacialOrEthnicOrigin => "pd:EthnicOrigin",
        PoliticalOpinions => "pd:PoliticalOpinion",
        ReligiousOrPhilosophicalBeliefs => "pd:Religion",
        TradeUnionMembership => "pd:TradeUnionMembership",
        Genetic => "pd:Genetic",
        Biometric => "pd:Biometric",
        Health => "pd:Health",
        SexLifeOrSexualOrientation => "pd:Sexual",
    }
}

fn subjects(a: &ProcessingActivity) -> Vec<Value> {
    a.data_subjects
        .iter()
        .map(|s| {
            let mut types = types(&s.taxonomy, "dpv:DataSubject");
            if s.children {
                types
                    .as_array_mut()
                    .expect("a list")
                    .push(json!("dpv:Child"));
            }
            if s.vulnerable {
                let list = types.as_array_mut().expect("a list");
                list.push(json!("dpv:VulnerableDataSubject"));
            }
            json!({
                "@id": id(&[a.id.as_str(), "subject", s.id.as_str()]),
                "@type": types,
                "dct:title": s.name,
            })
        })
        .collect()
}

fn recipients(register: &Register, a: &ProcessingActivity) -> Vec<Value> {
    a.recipients
        .iter()
        .map(|r| {
            let name = recipient_name(register, r);
            json!({
                "@id": id(&[a.id.as_str(), "recipient", r.id.as_str()]),
                "@type": recipient_type(r.role),
                "dct:title": name,
            })
        })
        .collect()
}

/// Who a recipient is, for a format that gives it one name: the party's, else the category's,
/// else its id. Shared with the fides export's third parties.
pub(crate) fn recipient_name<'r>(register: &'r Register, r: &'r Recipient) -> &'r str {
    let party = r.party.as_ref().and_then(|id| register.party(id));
    match (party, &r.category) {
        (Some(p), _) => &p.name,
        (None, Some(category)) => category,
        (None, None) => r.id.as_str(),
    }
}

pub(crate) fn recipient_type(role: Option<RecipientRole>) -> &'static str {
    match role {
        Some(RecipientRole::Processor) => "dpv:DataProcessor",
        Some(RecipientRole::IndependentController | RecipientRole::JointController) => {
            "dpv:DataController"
        }
        Some(RecipientRole::PublicAuthority | RecipientRole::LawEnforcement) => {
            "dpv:GovernmentalOrganisation"
        }
        _ => "dpv:Recipient",
    }
}

/// A transfer as a process of its own: the transfer, the country, and its Chapter V basis.
fn transfer(a: &ProcessingActivity, i: usize, t: &Transfer) -> Value {
    let mut out = Map::new();
    out.insert(
        "@id".into(),
        json!(id(&[a.id.as_str(), "transfer", &i.to_string()])),
    );
    out.insert("@type".into(), json!("dpv:Process"));
    out.insert("dpv:hasProcessing".into(), term("dpv:CrossBorderTransfer"));
    if let Some(country) = t.country.filter(|c| LOC_COUNTRIES.contains(&c.as_str())) {
        out.insert(
            "dpv:hasThirdCountry".into(),
            term(&format!("loc:{}", country.as_str())),
        );
    }
    if let Some(organisation) = &t.organisation {
        out.insert("dct:description".into(), json!(organisation));
    }
    let basis = t
        .mechanism
        .and_then(mechanism)
        .or_else(|| t.derogation.map(derogation));
    if let Some(basis) = basis {
        out.insert("dpv:hasLegalBasis".into(), term(basis));
    }
    Value::Object(out)
}

/// The GDPR extension's term for a transfer mechanism; none for those it does not define (the
/// UK's IDTA and addendum, compelling legitimate interests, a bare "derogation").
pub(crate) fn mechanism(m: TransferMechanism) -> Option<&'static str> {
    use TransferMechanism::*;
    Some(match m {
        Adequacy => "eu-gdpr:A45-3",
        PublicAuthorityInstrument => "eu-gdpr:A46-2-a",
        BindingCorporateRules => "eu-gdpr:A46-2-b",
        EuStandardContractualClauses => "eu-gdpr:A46-2-c",
        SupervisoryAuthorityClauses => "eu-gdpr:A46-2-d",
        CodeOfConduct => "eu-gdpr:A46-2-e",
        Certification => "eu-gdpr:A46-2-f",
        AdHocClauses | ContractualClauses => "eu-gdpr:A46-3-a",
        AdministrativeArrangement => "eu-gdpr:A46-3-b",
        _ => return None,
    })
}

pub(crate) fn derogation(d: Article49Derogation) -> &'static str {
    use Article49Derogation::*;
    match d {
        ExplicitConsent => "eu-gdpr:A49-1-a",
        ContractWithDataSubject => "eu-gdpr:A49-1-b",
        ContractInDataSubjectInterest => "eu-gdpr:A49-1-c",
        PublicInterest => "eu-gdpr:A49-1-d",
        LegalClaims => "eu-gdpr:A49-1-e",
        VitalInterests => "eu-gdpr:A49-1-f",
        PublicRegister => "eu-gdpr:A49-1-g",
    }
}

/// A retention rule as a storage duration: a temporal duration with its ISO period, an end date,
/// an event, or no end.
fn storage_duration(rule: &RetentionRule) -> Value {
    let r = &rule.retention;
    let duration = if r.indefinite {
        json!({"@type": "dpv:EndlessDuration"})
    } else if let Some(period) = r.period {
        json!({"@type": "dpv:TemporalDuration",
               "rdf:value": {"@value": period.to_string(), "@type": "xsd:duration"}})
    } else if let Some(until) = r.until {
        json!({"@type": "dpv:UntilTimeDuration",
               "rdf:value": {"@value": until.to_string(), "@type": "xsd:date"}})
    } else if let Some(event) = r.trigger_description.as_deref() {
        json!({"@type": "dpv:UntilEventDuration", "dct:description": event})
    } else {
        json!({"@type": "dpv:IndeterminateDuration"})
    };
    let mut out = json!({"@type": "dpv:StorageDuration", "dpv:hasDuration": duration});
    if let Some(wording) = &rule.wording {
        out["dct:description"] = json!(wording);
    }
    out
}

/// DPV's term for a kind of security measure; none where DPV has no such measure (backups,
/// business continuity, audit logging, secure disposal, data minimisation, policy,
/// certification, other).
pub(crate) fn measure(kind: SecurityMeasureKind) -> Option<&'static str> {
    use SecurityMeasureKind::*;
    Some(match kind {
        EncryptionAtRest => "dpv:EncryptionAtRest",
        EncryptionInTransit => "dpv:EncryptionInTransfer",
        Pseudonymisation => "dpv:Pseudonymisation",
        AccessControl => "dpv:AccessControlMethod",
        Authentication => "dpv:AuthenticationProtocols",
        SecurityTesting => "dpv:PenetrationTestingMethods",
        PhysicalSecurity => "dpv:PhysicalAccessControlMethod",
        StaffTraining => "dpv:StaffTraining",
        ConfidentialityAgreement => "dpv:NDA",
        NetworkSecurity => "dpv:NetworkSecurityProtocols",
        Anonymisation => "dpv:Anonymisation",
        _ => return None,
    })
}

/// Writes the register as DPV JSON-LD ([`to_json_ld`]) to `path`, pretty-printed with a final
/// newline; a regular file is replaced only once the new one is whole.
///
/// # Errors
///
/// [`crate::Error::Io`] when the file cannot be written.
pub fn to_json_ld_path(
    register: &Register,
    path: impl AsRef<std::path::Path>,
) -> Result<(), crate::Error> {
    use std::io::Write;
    let path = path.as_ref();
    let mut text = serde_json::to_string_pretty(&to_json_ld(register)).unwrap_or_default();
    text.push('\n');
    crate::io::file::write_atomically(path, |file| file.write_all(text.as_bytes())).map_err(
        |source| crate::Error::Io {
            path: path.to_owned(),
            source,
        },
    )
}

/// Whether DPV (or its GDPR, location or personal data extension) defines `curie`.
pub fn defines(curie: &str) -> bool {
    let Some((prefix, name)) = curie.split_once(':') else {
        return false;
    };
    let found = |terms: &[&str]| terms.binary_search(&name).is_ok();
    match prefix {
        "dpv" => found(DPV_TERMS),
        "eu-gdpr" => found(EU_GDPR_TERMS),
        "loc" => found(LOC_COUNTRIES),
        "pd" => crate::model::taxonomy::DPV_PD
            .binary_search_by(|t| t.key.cmp(name))
            .is_ok(),
        // The two laws the export names; DPV's legal extensions define them.
        "legal-gb" | "legal-eu" => name == "law-GDPR",
        _ => false,
    }
}
