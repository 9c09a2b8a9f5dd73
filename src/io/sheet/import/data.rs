//! The columns about the data: whose it is, what it is, where it comes from, who receives it,
//! where it goes abroad, how long it is kept, where it is held and how it is secured.

use super::{Builder, UnreadReason};
use crate::io::sheet::cell::CellRef;
use crate::io::sheet::ico::Column;
use crate::io::sheet::recognise::{self, fold, has_word, values};
use crate::model::{
    ActivityRole, DataCategory, DataSource, DataSubjectCategory, DocumentKind, Party, Recipient,
    RecipientRole, RetentionRule, SecurityMeasure, SecurityMeasureKind, SourceKind,
    SpecialCategoryKind, System, Transfer,
};

/// Reads one of the data columns into the activity.
pub(super) fn apply(
    b: &mut Builder<'_>,
    activity: usize,
    column: Column,
    text: &str,
    cell: CellRef,
) {
    if text.is_empty() {
        return;
    }
    match column {
        Column::JointController => joint_controllers(b, activity, text, cell),
        Column::Individuals => individuals(b, activity, text, cell),
        Column::PersonalData => personal_data(b, activity, text, cell),
        Column::SpecialCategoryData => special_data(b, activity, text, cell),
        Column::Recipients => recipients(b, activity, text, cell),
        Column::ProcessorContract => processor_contracts(b, activity, text, cell),
        Column::ThirdCountries => transfers(b, activity, text, cell),
        Column::Safeguards => safeguards(b, activity, text, cell),
        Column::Retention => retention(b, activity, text, cell),
        Column::Security => security(b, activity, text, cell),
        Column::Source => sources(b, activity, text, cell),
        Column::Location => systems(b, activity, text, cell),
        // Every column sent here has an arm; were one missed, its words are kept, not dropped.
        _ => b.keep(activity, text, cell, UnreadReason::NoField),
    }
}

fn joint_controllers(b: &mut Builder<'_>, activity: usize, text: &str, cell: CellRef) {
    for value in values(text) {
        let id = format!("joint-controller-{}", b.register.parties.len());
        b.register.parties.push(Party::new(id.as_str(), value));
        let a = &mut b.register.activities[activity];
        a.role = ActivityRole::JointController;
        a.joint_controllers.push(id.as_str().into());
        let pointer = format!(
            "/activities/{activity}/joint_controllers/{}",
            a.joint_controllers.len() - 1
        );
        b.cells.insert(pointer, cell.clone());
    }
}

fn individuals(b: &mut Builder<'_>, activity: usize, text: &str, cell: CellRef) {
    for value in values(text) {
        let a = &mut b.register.activities[activity];
        let mut subjects =
            DataSubjectCategory::new(format!("subjects-{}", a.data_subjects.len() + 1), value);
        let folded = fold(value);
        subjects.children = [
            "child",
            "pupil",
            "young people",
            "under 18",
            "minor",
            "students under",
        ]
        .iter()
        .any(|w| folded.contains(w));
        a.data_subjects.push(subjects);
        let pointer = format!(
            "/activities/{activity}/data_subjects/{}",
            a.data_subjects.len() - 1
        );
        b.cells.insert(pointer, cell.clone());
    }
}

/// The Art 9(1) kind a data category's name states, by its words.
fn special_kind(name: &str) -> Option<SpecialCategoryKind> {
    use SpecialCategoryKind as K;
    let text = fold(name);
    let table: [(&[&str], K); 8] = [
        (&["ethnic", "race", "racial"], K::RacialOrEthnicOrigin),
        (&["political"], K::PoliticalOpinions),
        (
            &["religio", "philosophical belief", "faith"],
            K::ReligiousOrPhilosophicalBeliefs,
        ),
        (&["trade union"], K::TradeUnionMembership),
        (&["genetic"], K::Genetic),
        (
            &["biometric", "fingerprint", "facial recognition"],
            K::Biometric,
        ),
        (
            &[
                "health",
                "medical",
                "disabilit",
                "sickness",
                "illness",
                "mental",
            ],
            K::Health,
        ),
        (
            &["sexual orientation", "sex life"],
            K::SexLifeOrSexualOrientation,
        ),
    ];
    table
        .iter()
        .find(|(words, _)| words.iter().any(|w| text.contains(w)))
        .map(|(_, kind)| *kind)
}

fn personal_data(b: &mut Builder<'_>, activity: usize, text: &str, cell: CellRef) {
    for value in values(text) {
        let a = &mut b.register.activities[activity];
        let id = format!("data-{}", a.data_categories.len() + 1);
        let folded = fold(value);
        let category = if ["criminal", "conviction", "offence", "dbs check"]
            .iter()
            .any(|w| folded.contains(w))
        {
            DataCategory::criminal_offence(id, value)
        } else if let Some(kind) = special_kind(value) {
            DataCategory::special(id, value, kind)
        } else {
            let mut category = DataCategory::new(id, value);
            // "Special category data (may be in our response)": of no kind the words say.
            category.may_include_special_category =
                folded.contains("special categor") || folded.contains("sensitive");
            category
        };
        a.data_categories.push(category);
        let pointer = format!(
            "/activities/{activity}/data_categories/{}",
            a.data_categories.len() - 1
        );
        b.cells.insert(pointer, cell.clone());
    }
}

/// A column that lists the special category data apart: each value is special category data,
/// of the kind its words say, or data that may hold it where they say none.
fn special_data(b: &mut Builder<'_>, activity: usize, text: &str, cell: CellRef) {
    for value in values(text) {
        let a = &mut b.register.activities[activity];
        let id = format!("data-{}", a.data_categories.len() + 1);
        let category = match special_kind(value) {
            Some(kind) => DataCategory::special(id, value, kind),
            None => {
                let mut category = DataCategory::new(id, value);
                category.may_include_special_category = true;
                category
            }
        };
        a.data_categories.push(category);
        let pointer = format!(
            "/activities/{activity}/data_categories/{}",
            a.data_categories.len() - 1
        );
        b.cells.insert(pointer, cell.clone());
    }
}

/// A recipient's role where its name states one; `None` where it does not.
fn recipient_role(name: &str) -> Option<RecipientRole> {
    use RecipientRole as R;
    let text = fold(name);
    let table: [(&[&str], R); 6] = [
        (
            &[
                "processor",
                "supplier",
                "service provider",
                "contractor",
                "hosting",
                "software",
            ],
            R::Processor,
        ),
        (&["police", "law enforcement"], R::LawEnforcement),
        (
            &[
                "solicitor",
                "legal adviser",
                "auditor",
                "accountant",
                "insurer",
            ],
            R::ProfessionalAdvisers,
        ),
        (&["public", "published", "website"], R::Public),
        (
            &[
                "staff",
                "team",
                "department",
                "internal",
                "colleagues",
                "manager",
            ],
            R::Internal,
        ),
        (
            &[
                "hmrc",
                "council",
                "government",
                "nhs",
                "authority",
                "regulator",
                "dwp",
                "ofsted",
            ],
            R::PublicAuthority,
        ),
    ];
    table
        .iter()
        .find(|(words, _)| words.iter().any(|w| has_word(&text, w) || text.contains(w)))
        .map(|(_, role)| *role)
}

fn recipients(b: &mut Builder<'_>, activity: usize, text: &str, cell: CellRef) {
    for value in values(text) {
        let a = &mut b.register.activities[activity];
        let mut recipient = Recipient::new(
            format!("recipient-{}", a.recipients.len() + 1),
            RecipientRole::Internal,
        )
        .with_category(value);
        recipient.role = recipient_role(value);
        a.recipients.push(recipient);
        let pointer = format!(
            "/activities/{activity}/recipients/{}",
            a.recipients.len() - 1
        );
        b.cells.insert(pointer, cell.clone());
    }
}

/// A linked document: its id, and the document itself with the cell's words as its title (and
/// as its location where they are a link or a path).
pub(super) fn document(
    b: &mut Builder<'_>,
    value: &str,
    kind: DocumentKind,
    cell: &CellRef,
) -> String {
    let id = format!(
        "doc-{}-{}",
        cell.address().to_lowercase(),
        b.register.documents.len() + 1
    );
    let mut document = crate::model::Document::new(id.as_str(), kind, value);
    let link = value.starts_with("http://")
        || value.starts_with("https://")
        || value.contains(['\\', '/']);
    if link {
        document = document.with_location(value);
    }
    b.register.documents.push(document);
    let pointer = format!("/documents/{}", b.register.documents.len() - 1);
    b.cells.insert(pointer, cell.clone());
    id
}

fn processor_contracts(b: &mut Builder<'_>, activity: usize, text: &str, cell: CellRef) {
    let contracts: Vec<String> = values(text)
        .into_iter()
        .map(|value| document(b, value, DocumentKind::Art28Contract, &cell))
        .collect();
    // One contract and one processor: the contract is that processor's.
    let a = &mut b.register.activities[activity];
    let processors: Vec<usize> = (0..a.recipients.len())
        .filter(|&i| a.recipients[i].role == Some(RecipientRole::Processor))
        .collect();
    if let ([contract], [processor]) = (contracts.as_slice(), processors.as_slice()) {
        a.recipients[*processor].agreement = Some(contract.as_str().into());
        b.cells.insert(
            format!("/activities/{activity}/recipients/{processor}/agreement"),
            cell,
        );
    }
}

/// The third countries column. The ICO's template is a UK organisation's: the UK named there is
/// where the data stays, not a transfer, and is kept as the register's words.
fn transfers(b: &mut Builder<'_>, activity: usize, text: &str, cell: CellRef) {
    let (domestic, places): (Vec<_>, Vec<_>) = recognise::countries(text)
        .into_iter()
        .partition(|p| *p == recognise::Place::Country(crate::model::CountryCode::GB));
    if places.is_empty() {
        let reason = if domestic.is_empty() {
            UnreadReason::NotRecognised
        } else {
            UnreadReason::NoField
        };
        b.keep(activity, text, cell, reason);
        return;
    }
    for place in places {
        let mut transfer = match place {
            recognise::Place::Country(country) => Transfer::to_country(country),
            recognise::Place::Region(region) => Transfer::to_region(region),
        };
        transfer.description = Some(text.to_owned());
        let a = &mut b.register.activities[activity];
        a.transfers.push(transfer);
        let pointer = format!("/activities/{activity}/transfers/{}", a.transfers.len() - 1);
        b.cells.insert(pointer, cell.clone());
    }
}

/// The safeguards column: the mechanism of every transfer of the row, where it names one; the
/// cell's words are kept on each transfer.
fn safeguards(b: &mut Builder<'_>, activity: usize, text: &str, cell: CellRef) {
    let mechanism = recognise::transfer_mechanism(text);
    let a = &mut b.register.activities[activity];
    if a.transfers.is_empty() || mechanism.is_none() {
        b.keep(activity, text, cell, UnreadReason::NotRecognised);
        return;
    }
    for (i, transfer) in a.transfers.iter_mut().enumerate() {
        transfer.mechanism = mechanism;
        let words = match &transfer.description {
            Some(description) if description != text => {
                format!("{description}; safeguards: {text}")
            }
            _ => format!("Safeguards: {text}"),
        };
        transfer.description = Some(words);
        b.cells.insert(
            format!("/activities/{activity}/transfers/{i}/mechanism"),
            cell.clone(),
        );
    }
}

fn retention(b: &mut Builder<'_>, activity: usize, text: &str, cell: CellRef) {
    for value in values(text) {
        let Some(read) = recognise::retention(value) else {
            b.keep(activity, value, cell.clone(), UnreadReason::NotRecognised);
            continue;
        };
        let mut rule = RetentionRule::new(read.period).with_wording(value);
        rule.disposal = read.disposal;
        let a = &mut b.register.activities[activity];
        a.retention.push(rule);
        let pointer = format!("/activities/{activity}/retention/{}", a.retention.len() - 1);
        b.cells.insert(pointer, cell.clone());
    }
}

/// The kind of a security measure by its words; `Other` where none says.
fn measure_kind(value: &str) -> SecurityMeasureKind {
    use SecurityMeasureKind as K;
    let text = fold(value);
    let table: [(&[&str], K); 13] = [
        (&["encrypt"], K::EncryptionAtRest),
        (&["pseudonym"], K::Pseudonymisation),
        (&["anonymis"], K::Anonymisation),
        (
            &[
                "access control",
                "role-based",
                "rbac",
                "restricted access",
                "permissions",
            ],
            K::AccessControl,
        ),
        (
            &["password", "multi-factor", "two-factor", "mfa", "2fa"],
            K::Authentication,
        ),
        (&["audit", "logging"], K::AuditLogging),
        (&["backup", "back-up"], K::Backup),
        (&["training"], K::StaffTraining),
        (
            &["locked", "physical", "secure office", "cabinet"],
            K::PhysicalSecurity,
        ),
        (&["confidentiality"], K::ConfidentialityAgreement),
        (&["firewall", "network"], K::NetworkSecurity),
        (&["penetration", "testing"], K::SecurityTesting),
        (&["policy", "policies"], K::Policy),
    ];
    table
        .iter()
        .find(|(words, _)| words.iter().any(|w| text.contains(w)))
        .map_or(K::Other, |(_, kind)| *kind)
}

fn security(b: &mut Builder<'_>, activity: usize, text: &str, cell: CellRef) {
    for value in values(text) {
        let a = &mut b.register.activities[activity];
        a.security_measures
            .push(SecurityMeasure::new(measure_kind(value)).with_description(value));
        let pointer = format!(
            "/activities/{activity}/security_measures/{}",
            a.security_measures.len() - 1
        );
        b.cells.insert(pointer, cell.clone());
    }
}

/// Where data comes from, by its words: the person themselves, public sources, or someone else.
fn source(value: &str) -> DataSource {
    let text = fold(value);
    let from_person = [
        "data subject",
        "individual",
        "directly",
        "themselves",
        "the person",
        "from you",
        "employee",
        "applicant",
        "customer",
        "self",
    ]
    .iter()
    .any(|w| text.contains(w));
    let public = [
        "publicly available",
        "public source",
        "public record",
        "companies house",
        "electoral roll",
        "social media",
    ]
    .iter()
    .any(|w| text.contains(w));
    let kind = if from_person && !text.contains("third") {
        SourceKind::DataSubject
    } else if public {
        SourceKind::PublicSources
    } else {
        SourceKind::ThirdParty
    };
    DataSource::new(kind).with_description(value)
}

/// The source column: each source, on every data category of the row's activity (the template
/// gives one source cell for all the data).
fn sources(b: &mut Builder<'_>, activity: usize, text: &str, cell: CellRef) {
    let found: Vec<DataSource> = values(text).into_iter().map(source).collect();
    let a = &mut b.register.activities[activity];
    if a.data_categories.is_empty() {
        b.keep(activity, text, cell, UnreadReason::NotRecognised);
        return;
    }
    for (i, category) in a.data_categories.iter_mut().enumerate() {
        category.sources.extend(found.iter().cloned());
        b.cells.insert(
            format!("/activities/{activity}/data_categories/{i}/sources"),
            cell.clone(),
        );
    }
}

fn systems(b: &mut Builder<'_>, activity: usize, text: &str, cell: CellRef) {
    for value in values(text) {
        let a = &mut b.register.activities[activity];
        a.systems.push(System::new(value));
        let pointer = format!("/activities/{activity}/systems/{}", a.systems.len() - 1);
        b.cells.insert(pointer, cell.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_and_criminal_data_are_told_by_their_words() {
        assert_eq!(
            special_kind("Health records"),
            Some(SpecialCategoryKind::Health)
        );
        assert_eq!(
            special_kind("Ethnic origin"),
            Some(SpecialCategoryKind::RacialOrEthnicOrigin)
        );
        assert_eq!(
            special_kind("Trade union membership"),
            Some(SpecialCategoryKind::TradeUnionMembership)
        );
        assert_eq!(special_kind("Bank details"), None);
    }

    #[test]
    fn recipients_roles_only_where_their_words_say() {
        assert_eq!(
            recipient_role("IT service provider"),
            Some(RecipientRole::Processor)
        );
        assert_eq!(recipient_role("HMRC"), Some(RecipientRole::PublicAuthority));
        assert_eq!(
            recipient_role("Police"),
            Some(RecipientRole::LawEnforcement)
        );
        assert_eq!(
            recipient_role("Payroll team"),
            Some(RecipientRole::Internal)
        );
        assert_eq!(recipient_role("Family members"), None);
    }

    #[test]
    fn sources_and_measures_by_their_words() {
        assert_eq!(
            source("Directly from the individual").kind,
            SourceKind::DataSubject
        );
        assert_eq!(source("Referring agencies").kind, SourceKind::ThirdParty);
        assert_eq!(source("Companies House").kind, SourceKind::PublicSources);
        assert_eq!(
            measure_kind("Encrypted laptops"),
            SecurityMeasureKind::EncryptionAtRest
        );
        assert_eq!(
            measure_kind("Annual data protection training"),
            SecurityMeasureKind::StaffTraining
        );
        assert_eq!(
            measure_kind("RBAC, masking"),
            SecurityMeasureKind::AccessControl
        );
        assert_eq!(measure_kind("Common sense"), SecurityMeasureKind::Other);
    }
}
