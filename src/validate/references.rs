//! Ids: unique where they are declared, and resolving where they are used.

use foldhash::HashSet;

use super::{ActivityContext, Context, Rule, SCAN_LIMIT, Severity};
use crate::model::{DataCategoryId, DocumentId, PartyId, PurposeId, RecipientId};

/// Fires when two parties, documents or activities of the register, or two purposes, data subject
/// categories, data categories or recipients of one activity, share an id: references to that id
/// become ambiguous.
pub const DUPLICATE_ID: Rule = Rule {
    id: "duplicate-id",
    severity: Severity::Error,
    citation: "Art 30(1)",
    summary: "Two objects of the same kind share an id.",
};

/// Fires when a reference does not resolve: a party, document, data category, purpose or
/// recipient id that the register does not declare. The record then says less than it seems to.
pub const DANGLING_REFERENCE: Rule = Rule {
    id: "dangling-reference",
    severity: Severity::Error,
    citation: "Art 30(1)",
    summary: "A reference names an id the register does not declare.",
};

/// Reports every item of `items` (at `{base}/{list}`) whose id an earlier item already has.
fn duplicates<'a, T>(
    ctx: &mut Context<'_>,
    kind: &str,
    (base, list): (&str, &str),
    items: &'a [T],
    id: impl Fn(&'a T) -> &'a str,
) {
    // Short lists (most) are compared pairwise; long ones through a set, to stay linear.
    let mut seen: HashSet<&'a str> = HashSet::default();
    for (i, item) in items.iter().enumerate() {
        let item_id = id(item);
        let repeated = if items.len() <= SCAN_LIMIT {
            items[..i].iter().any(|earlier| id(earlier) == item_id)
        } else {
            !seen.insert(item_id)
        };
        if repeated {
            ctx.report(
                &DUPLICATE_ID,
                format!("{base}/{list}/{i}/id"),
                format!(
                    "The {kind} id '{item_id}' is used more than once; give each {kind} its own id."
                ),
            );
        }
    }
}

fn party(ctx: &mut Context<'_>, id: &PartyId, path: impl FnOnce() -> String) {
    if ctx.index.party(id).is_none() {
        ctx.report(
            &DANGLING_REFERENCE,
            path(),
            format!("No party has the id '{id}'; add it to parties or correct the id."),
        );
    }
}

fn document(ctx: &mut Context<'_>, id: &DocumentId, path: impl FnOnce() -> String) {
    if ctx.index.document(id).is_none() {
        ctx.report(
            &DANGLING_REFERENCE,
            path(),
            format!("No document has the id '{id}'; add it to documents or correct the id."),
        );
    }
}

fn category(
    ctx: &mut Context<'_>,
    a: &ActivityContext<'_>,
    id: &DataCategoryId,
    path: impl FnOnce() -> String,
) {
    if !a.data_categories.contains_key(id.as_str()) {
        ctx.report(
            &DANGLING_REFERENCE,
            path(),
            format!("'{}' has no data category with the id '{id}'.", a.name()),
        );
    }
}

fn purpose(
    ctx: &mut Context<'_>,
    a: &ActivityContext<'_>,
    id: &PurposeId,
    path: impl FnOnce() -> String,
) {
    if !a.purposes.contains_key(id.as_str()) {
        ctx.report(
            &DANGLING_REFERENCE,
            path(),
            format!("'{}' has no purpose with the id '{id}'.", a.name()),
        );
    }
}

fn recipient(
    ctx: &mut Context<'_>,
    a: &ActivityContext<'_>,
    id: &RecipientId,
    path: impl FnOnce() -> String,
) {
    if !a.recipients.contains_key(id.as_str()) && !ctx.register_recipients.contains_key(id.as_str())
    {
        ctx.report(
            &DANGLING_REFERENCE,
            path(),
            format!("'{}' has no recipient with the id '{id}'.", a.name()),
        );
    }
}

pub(super) fn check_register(ctx: &mut Context<'_>) {
    let register = ctx.register;
    duplicates(ctx, "party", ("", "parties"), &register.parties, |p| {
        p.id.as_str()
    });
    duplicates(
        ctx,
        "document",
        ("", "documents"),
        &register.documents,
        |d| d.id.as_str(),
    );
    duplicates(
        ctx,
        "activity",
        ("", "activities"),
        &register.activities,
        |a| a.id.as_str(),
    );

    party(ctx, &register.organisation, || "/organisation".to_owned());
    if let Some(id) = &register.representative {
        party(ctx, id, || "/representative".to_owned());
    }
    if let Some(id) = &register.supervisory_authority {
        party(ctx, id, || "/supervisory_authority".to_owned());
    }
    if let Some(id) = register.dpo.as_ref().and_then(|d| d.party.as_ref()) {
        party(ctx, id, || "/dpo/party".to_owned());
    }
    if let Some(id) = register
        .complaints_procedure
        .as_ref()
        .and_then(|p| p.document.as_ref())
    {
        document(ctx, id, || "/complaints_procedure/document".to_owned());
    }
    duplicates(
        ctx,
        "recipient",
        ("", "recipients"),
        &register.recipients,
        |r| r.id.as_str(),
    );
    for (i, r) in register.recipients.iter().enumerate() {
        if let Some(id) = &r.party {
            party(ctx, id, || format!("/recipients/{i}/party"));
        }
        if let Some(id) = &r.agreement {
            document(ctx, id, || format!("/recipients/{i}/agreement"));
        }
        if let Some(id) = r.consent.as_ref().and_then(|c| c.record.as_ref()) {
            document(ctx, id, || format!("/recipients/{i}/consent/record"));
        }
    }
    for (i, p) in register.parties.iter().enumerate() {
        if let Some(id) = &p.contract {
            document(ctx, id, || format!("/parties/{i}/contract"));
        }
        for (j, id) in p.sub_processors.iter().enumerate() {
            party(ctx, id, || format!("/parties/{i}/sub_processors/{j}"));
        }
    }
}

pub(super) fn check_activity(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    duplicate_ids(ctx, a);
    party_and_basis_references(ctx, a);
    condition_references(ctx, a);
    recipient_and_transfer_references(ctx, a);
    retention_references(ctx, a);
    system_and_document_references(ctx, a);
}

/// Ids used twice within one activity's lists.
fn duplicate_ids(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    let activity = a.activity;
    let base = &a.path;
    duplicates(
        ctx,
        "purpose",
        (base, "purposes"),
        &activity.purposes,
        |p| p.id.as_str(),
    );
    duplicates(
        ctx,
        "data subject category",
        (base, "data_subjects"),
        &activity.data_subjects,
        |s| s.id.as_str(),
    );
    duplicates(
        ctx,
        "data category",
        (base, "data_categories"),
        &activity.data_categories,
        |c| c.id.as_str(),
    );
    duplicates(
        ctx,
        "recipient",
        (base, "recipients"),
        &activity.recipients,
        |r| r.id.as_str(),
    );
}

/// The parties an activity names (joint controllers, the controllers it works for, sources) and
/// the documents of its bases and purposes.
fn party_and_basis_references(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    let activity = a.activity;
    let base = &a.path;
    for (i, id) in activity.joint_controllers.iter().enumerate() {
        party(ctx, id, || format!("{base}/joint_controllers/{i}"));
    }
    if let Some(id) = &activity.joint_arrangement {
        document(ctx, id, || format!("{base}/joint_arrangement"));
    }
    for (i, entry) in activity.on_behalf_of.iter().enumerate() {
        party(ctx, &entry.controller, || {
            format!("{base}/on_behalf_of/{i}/controller")
        });
        if let Some(id) = &entry.contract {
            document(ctx, id, || format!("{base}/on_behalf_of/{i}/contract"));
        }
        if let Some(id) = &entry.representative {
            party(ctx, id, || {
                format!("{base}/on_behalf_of/{i}/representative")
            });
        }
    }
    for (i, p) in activity.purposes.iter().enumerate() {
        for (j, id) in p.data_categories.iter().enumerate() {
            category(ctx, a, id, || {
                format!("{base}/purposes/{i}/data_categories/{j}")
            });
        }
    }
    // Each list's pointer is made only for a finding: most purposes and categories have none.
    for list in a.basis_lists() {
        basis_documents(ctx, list.bases, || list.pointer());
    }
    for (i, c) in activity.data_categories.iter().enumerate() {
        for (j, source) in c.sources.iter().enumerate() {
            if let Some(id) = &source.party {
                party(ctx, id, || {
                    format!("{base}/data_categories/{i}/sources/{j}/party")
                });
            }
        }
    }
}

/// What the Art 9 conditions and Art 10 authorities name: data, purposes, recipients, documents.
fn condition_references(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    let activity = a.activity;
    let base = &a.path;
    for (i, c) in activity.special_category_conditions.iter().enumerate() {
        let path = || format!("{base}/special_category_conditions/{i}");
        for (j, id) in c.data_categories.iter().enumerate() {
            category(ctx, a, id, || format!("{}/data_categories/{j}", path()));
        }
        for (j, id) in c.purposes.iter().enumerate() {
            purpose(ctx, a, id, || format!("{}/purposes/{j}", path()));
        }
        for (j, id) in c.recipients.iter().enumerate() {
            recipient(ctx, a, id, || format!("{}/recipients/{j}", path()));
        }
        if let Some(id) = &c.policy_document {
            document(ctx, id, || format!("{}/policy_document", path()));
        }
    }
    for (i, c) in activity.criminal_offence_conditions.iter().enumerate() {
        let path = || format!("{base}/criminal_offence_conditions/{i}");
        for (j, id) in c.data_categories.iter().enumerate() {
            category(ctx, a, id, || format!("{}/data_categories/{j}", path()));
        }
        if let Some(id) = &c.policy_document {
            document(ctx, id, || format!("{}/policy_document", path()));
        }
    }
}

/// What recipients and transfers name: parties, data, purposes, recipients, documents.
fn recipient_and_transfer_references(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    let activity = a.activity;
    let base = &a.path;
    for (i, r) in activity.recipients.iter().enumerate() {
        let path = || format!("{base}/recipients/{i}");
        if let Some(id) = &r.party {
            party(ctx, id, || format!("{}/party", path()));
        }
        for (j, id) in r.data_categories.iter().enumerate() {
            category(ctx, a, id, || format!("{}/data_categories/{j}", path()));
        }
        for (j, id) in r.purposes.iter().enumerate() {
            purpose(ctx, a, id, || format!("{}/purposes/{j}", path()));
        }
        if let Some(id) = &r.agreement {
            document(ctx, id, || format!("{}/agreement", path()));
        }
        if let Some(id) = r.consent.as_ref().and_then(|c| c.record.as_ref()) {
            document(ctx, id, || format!("{}/consent/record", path()));
        }
    }
    for (i, t) in activity.transfers.iter().enumerate() {
        let path = || format!("{base}/transfers/{i}");
        if let Some(id) = &t.recipient {
            recipient(ctx, a, id, || format!("{}/recipient", path()));
        }
        if let Some(id) = &t.documentation {
            document(ctx, id, || format!("{}/documentation", path()));
        }
        if let Some(id) = &t.risk_assessment {
            document(ctx, id, || format!("{}/risk_assessment", path()));
        }
        for (j, id) in t.data_categories.iter().enumerate() {
            category(ctx, a, id, || format!("{}/data_categories/{j}", path()));
        }
    }
}

/// What retention rules name: data, policy, holder, system, and the parties deciding a period.
fn retention_references(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    let activity = a.activity;
    let base = &a.path;
    let systems = super::id_membership(|| activity.systems.iter().map(|s| s.name.as_str()));
    for (i, rule) in activity.retention.iter().enumerate() {
        for (j, id) in rule.data_categories.iter().enumerate() {
            category(ctx, a, id, || {
                format!("{base}/retention/{i}/data_categories/{j}")
            });
        }
        if let Some(id) = &rule.policy {
            document(ctx, id, || format!("{base}/retention/{i}/policy"));
        }
        if let Some(id) = &rule.held_by {
            party(ctx, id, || format!("{base}/retention/{i}/held_by"));
        }
        if let Some(name) = &rule.system
            && !systems(name)
        {
            ctx.report(
                &DANGLING_REFERENCE,
                format!("{base}/retention/{i}/system"),
                format!("'{}' has no system named '{name}'.", a.name()),
            );
        }
        let periods = std::iter::once((String::from("retention"), &rule.retention))
            .chain(
                rule.stages
                    .iter()
                    .enumerate()
                    .map(|(j, s)| (format!("stages/{j}/retention"), &s.retention)),
            )
            .chain(
                rule.exceptions
                    .iter()
                    .enumerate()
                    .map(|(j, e)| (format!("exceptions/{j}/retention"), &e.retention)),
            );
        for (at, period) in periods {
            if let Some(id) = period.decided_by.as_ref().and_then(|d| d.party.as_ref()) {
                party(ctx, id, || {
                    format!("{base}/retention/{i}/{at}/decided_by/party")
                });
            }
        }
    }
}

/// Systems' providers and data, and the activity's DPIA, notice and breach records.
fn system_and_document_references(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    let activity = a.activity;
    let base = &a.path;
    for (i, system) in activity.systems.iter().enumerate() {
        if let Some(id) = &system.provider {
            party(ctx, id, || format!("{base}/systems/{i}/provider"));
        }
        for (j, id) in system.data_categories.iter().enumerate() {
            category(ctx, a, id, || {
                format!("{base}/systems/{i}/data_categories/{j}")
            });
        }
    }
    if let Some(id) = activity.dpia.as_ref().and_then(|d| d.document.as_ref()) {
        document(ctx, id, || format!("{base}/dpia/document"));
    }
    if let Some(id) = &activity.privacy_notice {
        document(ctx, id, || format!("{base}/privacy_notice"));
    }
    for (i, id) in activity.breaches.iter().enumerate() {
        document(ctx, id, || format!("{base}/breaches/{i}"));
    }
}

/// The documents the bases of one list refer to: the LIA and the consent record.
fn basis_documents(
    ctx: &mut Context<'_>,
    bases: &[crate::model::LawfulBasis],
    parent: impl Fn() -> String,
) {
    for (j, basis) in bases.iter().enumerate() {
        if let Some(id) = &basis.assessment {
            document(ctx, id, || {
                format!("{}/lawful_bases/{j}/assessment", parent())
            });
        }
        if let Some(id) = basis.consent.as_ref().and_then(|c| c.record.as_ref()) {
            document(ctx, id, || {
                format!("{}/lawful_bases/{j}/consent/record", parent())
            });
        }
    }
}
