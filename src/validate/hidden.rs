//! Gaps a register could otherwise hide: a processor acting for itself, a reference to a document
//! of the wrong kind, a system's provider or hosting that no other rule sees, a transfer that names
//! another country than its recipient's, and ids that only look different.

use std::hash::BuildHasher;

use foldhash::HashMap;

use super::{
    ActivityContext, Context, PROCESSOR_WITHOUT_CONTRACT, RECIPIENT_OUTSIDE_WITHOUT_TRANSFER, Rule,
    SCAN_LIMIT, Severity, id_membership,
};
use crate::law::adequacy::{is_eea, is_third_country};
use crate::model::text::{bounded_id, skeleton};
use crate::model::{
    ActivityRole, CountryCode, DocumentId, DocumentKind, RecipientRole, Region, TransferMechanism,
};

/// Fires when an activity is recorded with the organisation as processor on behalf of itself.
/// A processor processes on behalf of another (Art 4(8)); the activity is the organisation's own,
/// and recorded as processing it escapes every rule for controllers (special category data, lawful
/// bases, retention) until its role is corrected.
pub const PROCESSOR_ON_OWN_BEHALF: Rule = Rule {
    id: "processor-on-own-behalf",
    severity: Severity::Error,
    citation: "Art 4(8)",
    summary: "An activity recorded as processing on behalf of the organisation itself.",
};

/// Fires when a reference points at a document of a kind that cannot be what the place needs: an
/// Art 28 contract, transfer documentation or a risk assessment that is a privacy notice, say.
/// What the place needs is then not recorded, so the finding has the severity and cites the
/// provision of that place (an error only for the Art 49(6) documentation of a transfer on
/// compelling legitimate interests, which the record must hold). Documents of kind `other` are
/// accepted anywhere.
pub const DOCUMENT_KIND_MISMATCH: Rule = Rule {
    id: "document-kind-mismatch",
    severity: Severity::Warning,
    citation: "Art 5(2)",
    summary: "A reference to a document of the wrong kind (error for Art 49(6) documentation).",
};

/// Fires when a transfer names a destination country other than the country of its recipient
/// (the recipient's own, or its party's): the record then identifies the third country wrongly
/// for one of them (Art 30(1)(e)), and the mechanism is judged against a country the data may
/// not go to.
pub const TRANSFER_COUNTRY_MISMATCH: Rule = Rule {
    id: "transfer-country-mismatch",
    severity: Severity::Error,
    citation: "Art 30(1)(e)",
    summary: "A transfer whose country differs from its recipient's country.",
};

/// Fires when two parties, documents or activities, or two purposes, data subject categories,
/// data categories or recipients of one activity, have ids that differ only by case, surrounding
/// or invisible characters, or look-alike letters (Cyrillic `а` for Latin `a`, `0` for `o`): a
/// reference meant for one can be read, or typed, as the other.
pub const CONFUSABLE_IDS: Rule = Rule {
    id: "confusable-ids",
    severity: Severity::Warning,
    citation: "Art 30(1)",
    summary: "Ids of the same kind that differ only by case, spacing or look-alike characters.",
};

/// Fires when a recipient recorded as staff of the organisation (`internal`) or as the public
/// names a party other than the organisation: a named organisation is neither, so the record
/// misstates the recipient (Art 30(1)(d)) and escapes the checks of its real role: an Art 28
/// contract for a processor, a transfer for a body abroad.
pub const RECIPIENT_ROLE_CONTRADICTS_PARTY: Rule = Rule {
    id: "recipient-role-contradicts-party",
    severity: Severity::Error,
    citation: "Art 30(1)(d)",
    summary: "A recipient recorded as internal or as the public that names another organisation.",
};

/// Reports a recipient whose role (internal, the public) cannot be that of the party it names.
fn role_against_party(
    ctx: &mut Context<'_>,
    r: &crate::model::Recipient,
    path: impl FnOnce() -> String,
) {
    let (Some(role @ (RecipientRole::Internal | RecipientRole::Public)), Some(party)) =
        (r.role, r.party.as_ref())
    else {
        return;
    };
    if is_the_organisation(ctx, party) {
        return;
    }
    let name = ctx.party_name(party);
    ctx.report(&RECIPIENT_ROLE_CONTRADICTS_PARTY, format!("{}/role", path()), format!("Recipient '{}' is recorded as {}, but names {name}, another organisation; record its real role (processor, independent controller, ...), so that its contract and any transfer are checked.", bounded_id(r.id.as_str()), crate::model::labels::Label::label(role)));
}

/// Reports every item of `items` whose id looks like an earlier item's without being equal.
fn confusables<'a, T>(
    ctx: &mut Context<'_>,
    kind: &str,
    (base, list): (&str, &str),
    items: &'a [T],
    id: impl Fn(&'a T) -> &'a str,
) {
    let same = |a: &str, b: &str| a != b && skeleton(a) == skeleton(b);
    let report = |ctx: &mut Context<'_>, i: usize, j: usize| {
        ctx.report(
            &CONFUSABLE_IDS,
            format!("{base}/{list}/{i}/id"),
            format!(
                "The {kind} id {:?} differs from {:?} ({base}/{list}/{j}/id) only by case, spacing or look-alike characters; give them clearly different ids.",
                id(&items[i]),
                id(&items[j])
            ),
        );
    };
    // Each id's skeleton is hashed once; only equal hashes are confirmed by comparing skeletons.
    let state = foldhash::fast::FixedState::default();
    let hash = |i: usize| state.hash_one(skeleton(id(&items[i])));
    if items.len() <= SCAN_LIMIT {
        let mut hashes = [0u64; SCAN_LIMIT];
        for i in 0..items.len() {
            hashes[i] = hash(i);
            let earlier =
                (0..i).find(|&j| hashes[j] == hashes[i] && same(id(&items[j]), id(&items[i])));
            if let Some(j) = earlier {
                report(ctx, i, j);
            }
        }
        return;
    }
    // Long lists: bucket by the hash, so that the check stays linear. A bucket holds its first
    // id inline and allocates only for the rare ids whose different skeletons share a hash.
    let mut first: HashMap<u64, (usize, Vec<usize>)> = HashMap::default();
    for i in 0..items.len() {
        let (head, rest) = first.entry(hash(i)).or_insert((i, Vec::new()));
        if *head == i {
            continue;
        }
        let found = std::iter::once(*head)
            .chain(rest.iter().copied())
            .find(|&j| same(id(&items[j]), id(&items[i])));
        if let Some(j) = found {
            report(ctx, i, j);
        } else if !std::iter::once(*head)
            .chain(rest.iter().copied())
            .any(|j| skeleton(id(&items[j])) == skeleton(id(&items[i])))
        {
            rest.push(i);
        }
    }
}

/// Reports a reference to a document whose kind is not among `kinds` (nor `other`).
fn kind(
    ctx: &mut Context<'_>,
    id: &DocumentId,
    kinds: &[DocumentKind],
    (severity, citation): (Severity, &str),
    path: impl FnOnce() -> String,
) {
    let Some(document) = ctx.index.document(id) else {
        return;
    };
    if document.kind == DocumentKind::Other || kinds.contains(&document.kind) {
        return;
    }
    let wanted: Vec<&str> = kinds
        .iter()
        .map(|k| crate::model::labels::Label::label(*k))
        .collect();
    ctx.report_cited(
        &DOCUMENT_KIND_MISMATCH,
        severity,
        citation,
        path(),
        format!(
            "'{id}' is a document of kind {}, not {}: what belongs here is not recorded. Reference the right document, or correct the document's kind.",
            crate::model::labels::Label::label(document.kind),
            wanted.join(" or ")
        ),
    );
}

const WARN_28_3: (Severity, &str) = (Severity::Warning, "Art 28(3)");

pub(super) fn check_register(ctx: &mut Context<'_>) {
    let register = ctx.register;
    confusables(ctx, "party", ("", "parties"), &register.parties, |p| {
        p.id.as_str()
    });
    confusables(
        ctx,
        "document",
        ("", "documents"),
        &register.documents,
        |d| d.id.as_str(),
    );
    confusables(
        ctx,
        "activity",
        ("", "activities"),
        &register.activities,
        |a| a.id.as_str(),
    );
    for (i, r) in register.recipients.iter().enumerate() {
        role_against_party(ctx, r, || format!("/recipients/{i}"));
    }
    for (i, party) in register.parties.iter().enumerate() {
        if let Some(id) = &party.contract {
            kind(ctx, id, &[DocumentKind::Art28Contract], WARN_28_3, || {
                format!("/parties/{i}/contract")
            });
        }
        if let Some(id) = &party.sub_processor_authorisation {
            kind(
                ctx,
                id,
                &[DocumentKind::Art28Contract],
                (Severity::Warning, "Art 28(2)"),
                || format!("/parties/{i}/sub_processor_authorisation"),
            );
        }
    }
}

pub(super) fn check_activity(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    let activity = a.activity;
    let base = &a.path;
    confusables(
        ctx,
        "purpose",
        (base, "purposes"),
        &activity.purposes,
        |p| p.id.as_str(),
    );
    confusables(
        ctx,
        "data subject category",
        (base, "data_subjects"),
        &activity.data_subjects,
        |s| s.id.as_str(),
    );
    confusables(
        ctx,
        "data category",
        (base, "data_categories"),
        &activity.data_categories,
        |c| c.id.as_str(),
    );
    confusables(
        ctx,
        "recipient",
        (base, "recipients"),
        &activity.recipients,
        |r| r.id.as_str(),
    );

    if activity.plays(ActivityRole::Processor) {
        for (i, entry) in activity.on_behalf_of.iter().enumerate() {
            if is_the_organisation(ctx, &entry.controller) {
                ctx.report(&PROCESSOR_ON_OWN_BEHALF, format!("{base}/on_behalf_of/{i}/controller"), format!("'{}' is recorded as processing on behalf of the organisation itself; an organisation processing for its own purposes is their controller. Record the activity with role controller, so that the rules for controllers apply to it.", a.name()));
            }
        }
    }

    for (i, r) in activity.recipients.iter().enumerate() {
        role_against_party(ctx, r, || format!("{base}/recipients/{i}"));
    }
    document_kinds(ctx, a);
    transfer_countries(ctx, a);
    systems(ctx, a);
}

/// Each document an activity refers to is of a kind that can be what the reference needs.
fn document_kinds(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    arrangement_kinds(ctx, a);
    basis_document_kinds(ctx, a);
    policy_document_kinds(ctx, a);
    recipient_and_transfer_kinds(ctx, a);
    record_kinds(ctx, a);
}

/// A warning citing the provision that asks for the document.
fn warn(citation: &'static str) -> (Severity, &'static str) {
    (Severity::Warning, citation)
}

/// The joint controller arrangement, and the contracts and authorisations of processing on behalf
/// of controllers.
fn arrangement_kinds(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    use DocumentKind as K;
    let activity = a.activity;
    let base = &a.path;
    if let Some(id) = &activity.joint_arrangement {
        kind(
            ctx,
            id,
            &[K::JointControllerArrangement],
            warn("Art 26(1)"),
            || format!("{base}/joint_arrangement"),
        );
    }
    for (i, entry) in activity.on_behalf_of.iter().enumerate() {
        if let Some(id) = &entry.contract {
            kind(ctx, id, &[K::Art28Contract], WARN_28_3, || {
                format!("{base}/on_behalf_of/{i}/contract")
            });
        }
        if let Some(id) = &entry.sub_processor_authorisation {
            kind(ctx, id, &[K::Art28Contract], warn("Art 28(2)"), || {
                format!("{base}/on_behalf_of/{i}/sub_processor_authorisation")
            });
        }
    }
}

/// The legitimate interests assessments and consent records of every list of bases.
fn basis_document_kinds(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    use DocumentKind as K;
    for list in a.basis_lists() {
        for (j, basis) in list.bases.iter().enumerate() {
            let path = || format!("{}/lawful_bases/{j}", list.pointer());
            if let Some(id) = &basis.assessment {
                kind(
                    ctx,
                    id,
                    &[K::LegitimateInterestsAssessment],
                    warn("Art 6(1)(f)"),
                    || format!("{}/assessment", path()),
                );
            }
            if let Some(id) = basis.consent.as_ref().and_then(|c| c.record.as_ref()) {
                kind(ctx, id, &[K::ConsentRecord], warn("Art 7(1)"), || {
                    format!("{}/consent/record", path())
                });
            }
        }
    }
}

/// The appropriate policy documents of Art 9 conditions and Art 10 authorities.
fn policy_document_kinds(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    use DocumentKind as K;
    let activity = a.activity;
    let base = &a.path;
    let apd = warn("DPA 2018 Sch 1 para 5, 38-39");
    for (i, c) in activity.special_category_conditions.iter().enumerate() {
        if let Some(id) = &c.policy_document {
            kind(ctx, id, &[K::AppropriatePolicyDocument], apd, || {
                format!("{base}/special_category_conditions/{i}/policy_document")
            });
        }
    }
    for (i, c) in activity.criminal_offence_conditions.iter().enumerate() {
        if let Some(id) = &c.policy_document {
            kind(ctx, id, &[K::AppropriatePolicyDocument], apd, || {
                format!("{base}/criminal_offence_conditions/{i}/policy_document")
            });
        }
    }
}

/// Recipients' agreements and transfers' documentation and risk assessments.
fn recipient_and_transfer_kinds(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    use DocumentKind as K;
    let activity = a.activity;
    let base = &a.path;
    for (i, r) in activity.recipients.iter().enumerate() {
        if let Some(id) = &r.agreement {
            let path = || format!("{base}/recipients/{i}/agreement");
            if r.role == Some(RecipientRole::Processor) {
                kind(ctx, id, &[K::Art28Contract], WARN_28_3, path);
            } else {
                let agreements = [
                    K::InformationSharingAgreement,
                    K::JointControllerArrangement,
                    K::Art28Contract,
                    K::Policy,
                ];
                kind(ctx, id, &agreements, warn("Art 5(2)"), path);
            }
        }
    }
    for (i, t) in activity.transfers.iter().enumerate() {
        if let Some(id) = &t.documentation {
            let citation = if t.mechanism == Some(TransferMechanism::CompellingLegitimateInterests)
            {
                (Severity::Error, "Art 49(6)")
            } else {
                warn("Art 30(1)(e)")
            };
            let kinds = [
                K::TransferDocumentation,
                K::TransferRiskAssessment,
                K::Art28Contract,
            ];
            kind(ctx, id, &kinds, citation, || {
                format!("{base}/transfers/{i}/documentation")
            });
        }
        if let Some(id) = &t.risk_assessment {
            kind(
                ctx,
                id,
                &[K::TransferRiskAssessment],
                warn("Art 46(1)"),
                || format!("{base}/transfers/{i}/risk_assessment"),
            );
        }
    }
}

/// Retention policies, the DPIA, the privacy notice and the breach records.
fn record_kinds(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    use DocumentKind as K;
    let activity = a.activity;
    let base = &a.path;
    for (i, rule) in activity.retention.iter().enumerate() {
        if let Some(id) = &rule.policy {
            let kinds = [K::RetentionPolicy, K::Policy, K::AppropriatePolicyDocument];
            kind(ctx, id, &kinds, warn("Art 5(1)(e)"), || {
                format!("{base}/retention/{i}/policy")
            });
        }
    }
    if let Some(id) = activity.dpia.as_ref().and_then(|d| d.document.as_ref()) {
        kind(ctx, id, &[K::Dpia], warn("Art 35(1)"), || {
            format!("{base}/dpia/document")
        });
    }
    if let Some(id) = &activity.privacy_notice {
        kind(ctx, id, &[K::PrivacyNotice], warn("Art 13"), || {
            format!("{base}/privacy_notice")
        });
    }
    for (i, id) in activity.breaches.iter().enumerate() {
        kind(ctx, id, &[K::BreachRecord], warn("Art 33(5)"), || {
            format!("{base}/breaches/{i}")
        });
    }
}

fn transfer_countries(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    let activity = a.activity;
    for (i, t) in activity.transfers.iter().enumerate() {
        let (Some(country), Some(recipient)) = (t.country, t.recipient.as_ref()) else {
            continue;
        };
        let Some(r) = a
            .recipients
            .get(recipient.as_str())
            .map(|j| &activity.recipients[j])
        else {
            continue;
        };
        if let Some(theirs) = recipient_countries(ctx, r).find(|&c| c != country) {
            ctx.report(&TRANSFER_COUNTRY_MISMATCH, format!("{}/transfers/{i}/country", a.path), format!("The transfer names {country}, but its recipient '{}' is in {theirs}; record the country the data goes to, and a transfer to each country it reaches.", bounded_id(r.id.as_str())));
        }
    }
    transfer_regions(ctx, a);
}

/// The countries a recipient is in: its own, and its party's. Each is judged, so that a recipient
/// recorded in the UK does not hide a party established abroad.
pub(super) fn recipient_countries(
    ctx: &Context<'_>,
    r: &crate::model::Recipient,
) -> impl Iterator<Item = CountryCode> + use<> {
    let party = r
        .party
        .as_ref()
        .and_then(|id| ctx.index.party(id))
        .and_then(|p| p.country);
    [r.country, party].into_iter().flatten()
}

/// A transfer to the EEA or the EU whose recipient (or the recipient's party) is established
/// outside it: the region's adequacy would cover a recipient it does not reach.
fn transfer_regions(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    let activity = a.activity;
    for (i, t) in activity.transfers.iter().enumerate() {
        let Some(region @ (Region::Eea | Region::Eu)) = t.region else {
            continue;
        };
        if t.destination != crate::model::TransferDestination::Region {
            continue;
        }
        let Some(r) = t
            .recipient
            .as_ref()
            .and_then(|id| a.recipients.get(id.as_str()))
            .and_then(|j| activity.recipients.get(j))
        else {
            continue;
        };
        let inside = |c: CountryCode| match region {
            Region::Eu => is_eea(c) && !matches!(c.as_str(), "IS" | "LI" | "NO"),
            _ => is_eea(c),
        };
        if let Some(theirs) = recipient_countries(ctx, r).find(|&c| !inside(c)) {
            ctx.report(&TRANSFER_COUNTRY_MISMATCH, format!("{}/transfers/{i}/region", a.path), format!("The transfer goes to {}, but its recipient '{}' is in {theirs}; record a transfer to {theirs} with its own mechanism.", region.label(), bounded_id(r.id.as_str())));
        }
    }
}

/// A system's provider is a processor unless it is the organisation or a recipient recorded in
/// another role, or the system holds anonymised data only; it holds the data where it hosts it, so
/// hosting abroad is a transfer.
fn systems(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    let activity = a.activity;
    if activity.systems.is_empty() {
        return;
    }
    let transferred_countries = id_membership(|| {
        activity
            .transfers
            .iter()
            .filter_map(|t| t.country.as_ref().map(|c| c.as_str()))
    });
    // The parties that a transfer's recipient names.
    let transferred_parties = id_membership(|| {
        activity.transfers.iter().filter_map(|t| {
            let r = t.recipient.as_ref()?;
            let j = a.recipients.get(r.as_str())?;
            activity.recipients[j].party.as_ref().map(|p| p.as_str())
        })
    });
    // The activity's recipients and the register's own, which every activity shares.
    let recipient_parties = id_membership(|| {
        activity
            .recipients
            .iter()
            .chain(&ctx.register.recipients)
            .filter_map(|r| r.party.as_ref().map(|p| p.as_str()))
    });
    for (i, system) in activity.systems.iter().enumerate() {
        // Anonymised data is not personal data (Recital 26): its host processes none.
        if system.data_form == Some(crate::model::DataForm::Anonymised) {
            continue;
        }
        let provider = system
            .provider
            .as_ref()
            .filter(|id| **id != ctx.register.organisation)
            .and_then(|id| ctx.index.party(id));
        let is_recipient = provider.is_some_and(|p| recipient_parties(p.id.as_str()));
        if let Some(p) = provider
            && !is_recipient
            && p.contract.is_none()
        {
            ctx.report(&PROCESSOR_WITHOUT_CONTRACT, format!("{}/systems/{i}/provider", a.path), format!("{} provides '{}', which holds data of '{}', so it processes the data on the organisation's behalf; no Art 28 contract with it is recorded. Reference it in the party's contract.", crate::model::text::mention(&p.name, p.id.as_str()), crate::model::text::mention(&system.name, ""), a.name()));
        }
        // A provider that is a recipient is judged with the recipients, at its own country. The
        // hosting country and the provider's are each judged: a provider established abroad
        // reaches the data it hosts at home.
        let provider_country = provider.filter(|_| !is_recipient).and_then(|p| p.country);
        let abroad = [system.country, provider_country]
            .into_iter()
            .flatten()
            .find(|&country| {
                is_third_country(ctx.regime, country)
                    && Some(country) != ctx.organisation_country
                    && !transferred_countries(country.as_str())
            });
        if let Some(country) = abroad
            && !provider.is_some_and(|p| transferred_parties(p.id.as_str()))
        {
            ctx.report(&RECIPIENT_OUTSIDE_WITHOUT_TRANSFER, format!("{}/systems/{i}", a.path), format!("'{}' is hosted or provided in {country}, a third country, and no transfer to {country} is recorded; record the transfer and its mechanism.", crate::model::text::mention(&system.name, "")));
        } else if system.country.is_none()
            && let Some(region) = system.region.filter(|r| hosted_abroad(ctx.regime, *r))
            && !activity.transfers.iter().any(|t| leaves(ctx.regime, t))
        {
            ctx.report(&RECIPIENT_OUTSIDE_WITHOUT_TRANSFER, format!("{}/systems/{i}/region", a.path), format!("'{}' is hosted {}, and no transfer out of the {} territory is recorded; name the country, and record the transfer and its mechanism.", crate::model::text::mention(&system.name, ""), region.label(), ctx.regime.label()));
        }
    }
}

/// Whether hosting in a region is certainly outside the regime's territory: outside the UK under
/// the UK GDPR, outside the EEA under the EU GDPR. (Outside the EEA may be the UK itself, and
/// outside the UK may be the EEA, under the other regime.)
fn hosted_abroad(regime: crate::model::Regime, region: Region) -> bool {
    use crate::model::Regime;
    matches!(
        (regime, region),
        (Regime::UkGdpr, Region::OutsideUk) | (Regime::EuGdpr, Region::OutsideEea)
    )
}

/// Whether a transfer records data leaving the regime's territory (to a third country, a region
/// outside it, an international organisation, or worldwide).
fn leaves(regime: crate::model::Regime, t: &crate::model::Transfer) -> bool {
    use crate::model::{Regime, TransferDestination as D};
    match t.destination {
        D::Country => t.country.is_none_or(|c| is_third_country(regime, c)),
        D::Region => !(regime == Regime::EuGdpr && t.region.is_some_and(Region::is_named)),
        _ => true,
    }
}

/// Whether a party id names the organisation: its own id, an id that looks the same (differing by
/// case, invisible characters or look-alikes), or another party recorded under the organisation's
/// own name, so that entering the organisation a second time hides nothing.
pub(super) fn is_the_organisation(ctx: &Context<'_>, id: &crate::model::PartyId) -> bool {
    let organisation = &ctx.register.organisation;
    if id == organisation {
        return true;
    }
    let skeletons = ctx.skeletons();
    if skeleton(id.as_str()) == skeletons.organisation_id {
        return true;
    }
    let name = |id: &crate::model::PartyId| skeletons.names.get(id.as_str());
    matches!((name(id), name(organisation)), (Some(a), Some(b)) if !a.is_empty() && a == b)
}
