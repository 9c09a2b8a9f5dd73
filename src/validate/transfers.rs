//! Processors, recipients and international transfers (Art 28, Chapter V).

use super::{ActivityContext, Context, Rule, Severity, id_membership};
use crate::law::adequacy::{Adequacy, adequacy, is_third_country, organisation_adequacy};
use crate::model::text::{bounded_id, mention};
use crate::model::{
    Article6Basis, Article49Derogation, CountryCode, PartyKind, Recipient, RecipientRole, Regime,
    Region, Transfer, TransferDestination, TransferFrequency, TransferMechanism,
};

/// Fires when a processor (a recipient in the role of processor, or the provider of a system that
/// holds the activity's data and is not otherwise a recipient), a controller the organisation
/// processes for, or a sub-processor has no Art 28 contract recorded: processing by a processor is
/// governed by a contract or other legal act (Art 28(3); for a sub-processor, the processor's
/// duty under Art 28(4), which the finding cites). A warning: the contract must exist, but the
/// register need not hold it.
pub const PROCESSOR_WITHOUT_CONTRACT: Rule = Rule {
    id: "processor-without-contract",
    severity: Severity::Warning,
    citation: "Art 28(3)",
    summary: "A processor, system provider or sub-processor without an Art 28 contract recorded (sub-processors cite Art 28(4)).",
};

/// Fires when a transfer states no mechanism: a transfer is lawful only under Chapter V (Art 44;
/// UK from 5 February 2026 Art 44A), and the record must describe it (Art 30(1)(e)).
pub const TRANSFER_WITHOUT_MECHANISM: Rule = Rule {
    id: "transfer-without-mechanism",
    severity: Severity::Error,
    citation: "Art 44",
    summary: "An international transfer with no Chapter V mechanism.",
};

/// Fires when a transfer to a country or an international organisation does not name it
/// (Art 30(1)(e) requires the identification of the third country or organisation).
pub const TRANSFER_DESTINATION_UNNAMED: Rule = Rule {
    id: "transfer-destination-unnamed",
    severity: Severity::Error,
    citation: "Art 30(1)(e)",
    summary: "A transfer that does not name its country or international organisation.",
};

/// Fires when a transfer relies on a derogation without saying which of Art 49(1)(a)-(g): each has
/// its own conditions.
pub const DEROGATION_NOT_SPECIFIED: Rule = Rule {
    id: "derogation-not-specified",
    severity: Severity::Error,
    citation: "Art 49(1)",
    summary: "A derogation without saying which one.",
};

/// Fires when adequacy is claimed for a destination the regime does not recognise as adequate on
/// the reference date, for a public body in a country whose decision covers only the private
/// sector (Canada, Japan), or for an international organisation no decision covers on that date.
/// For the United States, whose adequacy covers only recipients certified under the Data Privacy
/// Framework (EU) or its UK Extension (UK), a recipient the record does not show as certified is a
/// warning: the certification is evidence the record does not hold. Cites Art 45 (UK from
/// 5 February 2026: Art 45A, transfers approved by regulations).
pub const ADEQUACY_NOT_RECOGNISED: Rule = Rule {
    id: "adequacy-not-recognised",
    severity: Severity::Error,
    citation: "Art 45",
    summary: "Adequacy claimed for a destination not adequate on the reference date, or outside the decision's scope (warning where a US recipient's certification is not recorded).",
};

/// Fires when a public authority, in an activity it carries out under public task or legal
/// obligation, relies on the derogations of Art 49(1)(a), (b) or (c) or on compelling legitimate
/// interests: Art 49(3) bars them in the exercise of public powers.
pub const DEROGATION_BY_PUBLIC_AUTHORITY: Rule = Rule {
    id: "derogation-by-public-authority",
    severity: Severity::Error,
    citation: "Art 49(3)",
    summary: "A public authority uses Art 49(1)(a)-(c) or compelling interests in the exercise of its powers.",
};

/// Fires when a derogation is used for a regular transfer. Derogations are for occasional
/// transfers (EDPB Guidelines 2/2018); for compelling legitimate interests, "not repetitive" is a
/// condition of Art 49(1) itself, so that case is an error.
pub const DEROGATION_USED_FOR_REGULAR_TRANSFER: Rule = Rule {
    id: "derogation-used-for-regular-transfer",
    severity: Severity::Warning,
    citation: "EDPB Guidelines 2/2018",
    summary: "An Art 49 derogation used for a regular transfer.",
};

/// Fires when a transfer on compelling legitimate interests has no documentation of the
/// assessment and suitable safeguards, which the record must hold (Art 30(1)(e), 49(6)).
pub const COMPELLING_INTERESTS_UNDOCUMENTED: Rule = Rule {
    id: "compelling-interests-undocumented",
    severity: Severity::Error,
    citation: "Art 49(6)",
    summary: "Compelling legitimate interests without documented safeguards.",
};

/// Fires when a register under the UK GDPR relies on the EU standard contractual clauses alone:
/// they are valid for UK transfers only with the UK Addendum (DPA 2018 s119A).
pub const EU_SCCS_WITHOUT_UK_ADDENDUM: Rule = Rule {
    id: "eu-sccs-without-uk-addendum",
    severity: Severity::Error,
    citation: "DPA 2018 s119A",
    summary: "Bare EU SCCs relied on under the UK GDPR.",
};

/// Fires when an Art 46 safeguard is relied on without a transfer risk assessment (UK) or transfer
/// impact assessment (EU): the exporter must check that the safeguard is effective in the
/// destination (C-311/18 Schrems II). Under the UK GDPR from 5 February 2026 the exporter must
/// instead consider, acting reasonably and proportionately, that the data protection test is met
/// (Art 46(1A)): the finding then says the data protection test is not recorded. The id is kept.
pub const TRANSFER_WITHOUT_RISK_ASSESSMENT: Rule = Rule {
    id: "transfer-without-risk-assessment",
    severity: Severity::Warning,
    citation: "Art 46(1)",
    summary: "An Art 46 safeguard without a transfer risk or impact assessment.",
};

/// Fires, as information, when a transfer records worldwide publication. Publishing personal data
/// on a website reachable from every country is a disclosure, not a transfer to each of them
/// (CJEU C-101/01 *Lindqvist*; EDPB Guidelines 05/2021), so Chapter V and the Art 49 derogations
/// do not apply to it and no other transfer rule judges the entry. The transfer, if there is one,
/// is the upload to the platform's operator: record the public as a recipient, and the operator
/// as a recipient in its country with a transfer and mechanism of its own.
pub const PUBLICATION_RECORDED_AS_TRANSFER: Rule = Rule {
    id: "publication-recorded-as-transfer",
    severity: Severity::Info,
    citation: "CJEU C-101/01 Lindqvist; EDPB Guidelines 05/2021",
    summary: "Worldwide publication recorded as a transfer: it is a disclosure; the transfer is the upload to the platform's operator.",
};

/// Fires when a recipient is located in a third country and no transfer of the activity names it,
/// or when a system holding the activity's data is hosted in a third country (its own country,
/// or its provider's where the provider is not a recipient) and no transfer goes to that country
/// or to that provider: the transfer must be recorded (Art 30(1)(e)) and rest on Chapter V.
pub const RECIPIENT_OUTSIDE_WITHOUT_TRANSFER: Rule = Rule {
    id: "recipient-outside-without-transfer",
    severity: Severity::Error,
    citation: "Art 30(1)(e)",
    summary: "A recipient, or a system's hosting or provider, in a third country with no transfer recorded.",
};

pub(super) fn check_register(ctx: &mut Context<'_>) {
    let register = ctx.register;
    // A register-wide recipient abroad needs a transfer in some activity that names it.
    // Gathered once: scanning every activity for each recipient would be quadratic even when
    // the activities hold no transfer.
    let named: Vec<&str> = register
        .activities
        .iter()
        .flat_map(|a| &a.transfers)
        .filter_map(|t| t.recipient.as_ref().map(|r| r.as_str()))
        .collect();
    let transferred = id_membership(|| named.iter().copied());
    for (i, r) in register.recipients.iter().enumerate() {
        processor_contract(ctx, r, || format!("/recipients/{i}"));
        outside_without_transfer(ctx, r, &transferred, || format!("/recipients/{i}"));
    }
    sub_processors_abroad(ctx);
    for (i, party) in ctx.register.parties.iter().enumerate() {
        for (j, id) in party.sub_processors.iter().enumerate() {
            if let Some(sub) = ctx.index.party(id)
                && sub.contract.is_none()
            {
                ctx.report_cited(&PROCESSOR_WITHOUT_CONTRACT, PROCESSOR_WITHOUT_CONTRACT.severity, "Art 28(4)", format!("/parties/{i}/sub_processors/{j}"), format!("Sub-processor {} of {} has no contract recorded binding it to the same data protection obligations (Art 28(4)); reference it in the sub-processor's contract.", crate::model::text::mention(&sub.name, sub.id.as_str()), crate::model::text::mention(&party.name, party.id.as_str())));
            }
        }
    }
}

pub(super) fn check_activity(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    let activity = a.activity;
    for (i, entry) in activity.on_behalf_of.iter().enumerate() {
        if entry.contract.is_none() {
            ctx.report(
                &PROCESSOR_WITHOUT_CONTRACT,
                format!("{}/on_behalf_of/{i}", a.path),
                format!(
                    "No Art 28 contract with {} is recorded for '{}'.",
                    ctx.party_name(&entry.controller),
                    a.name()
                ),
            );
        }
    }
    for (i, r) in activity.recipients.iter().enumerate() {
        processor_contract(ctx, r, || format!("{}/recipients/{i}", a.path));
    }

    let public_powers = ctx.public_authority
        && activity.all_bases().any(|b| {
            matches!(
                b.basis,
                Article6Basis::PublicTask | Article6Basis::LegalObligation
            )
        });
    for (i, t) in activity.transfers.iter().enumerate() {
        check_transfer(ctx, a, t, i, public_powers);
    }
    // The recipients a transfer names.
    let transferred = id_membership(|| {
        activity
            .transfers
            .iter()
            .filter_map(|t| t.recipient.as_ref().map(|r| r.as_str()))
    });
    for (i, r) in activity.recipients.iter().enumerate() {
        outside_without_transfer(ctx, r, &transferred, || {
            format!("{}/recipients/{i}", a.path)
        });
    }
}

/// One transfer: a publication recorded as one, its destination named, its mechanism stated
/// and fit for it.
fn check_transfer(
    ctx: &mut Context<'_>,
    a: &ActivityContext<'_>,
    t: &Transfer,
    i: usize,
    public_powers: bool,
) {
    let path = || format!("{}/transfers/{i}", a.path);
    let recipient = transfer_recipient(ctx, a, t);
    if t.destination == TransferDestination::Worldwide {
        match recipient.filter(|r| !is_the_public(r)) {
            None => {
                ctx.report(&PUBLICATION_RECORDED_AS_TRANSFER, format!("{}/destination", path()), "Publication reachable worldwide is a disclosure, not a transfer (C-101/01 Lindqvist), so Chapter V and the Art 49 derogations do not apply to it; record the public as a recipient, and the upload to the platform's operator as a transfer to the operator's country with its own mechanism.".to_owned());
                return;
            }
            // A named organisation is not the public: its transfer goes somewhere, and
            // "worldwide" hides where.
            Some(r) => {
                ctx.report(&TRANSFER_DESTINATION_UNNAMED, format!("{}/destination", path()), format!("The transfer goes to recipient '{}', which is not the public, yet records its destination as worldwide; name the country the recipient is in (Art 30(1)(e)).", bounded_id(r.id.as_str())));
            }
        }
    } else {
        check_destination_named(ctx, t, &path());
    }
    let Some(mechanism) = t.mechanism else {
        ctx.report(&TRANSFER_WITHOUT_MECHANISM, path(), "The transfer states no mechanism; record adequacy, an Art 46 safeguard or the Art 49 derogation relied on.".to_owned());
        return;
    };
    match mechanism {
        TransferMechanism::Adequacy => check_adequacy(ctx, recipient, t, path),
        TransferMechanism::Derogation if t.derogation.is_none() => {
            ctx.report(&DEROGATION_NOT_SPECIFIED, path(), "The transfer relies on a derogation without saying which; set derogation to one of Art 49(1)(a)-(g).".to_owned());
        }
        TransferMechanism::EuStandardContractualClauses if ctx.regime == Regime::UkGdpr => {
            ctx.report(&EU_SCCS_WITHOUT_UK_ADDENDUM, format!("{}/mechanism", path()), "The EU SCCs alone do not cover a transfer under the UK GDPR; record them with the UK Addendum (EU SCCs with the UK Addendum) or use the IDTA.".to_owned());
        }
        _ => {}
    }
    check_derogation(ctx, t, mechanism, &path(), public_powers);
    if mechanism.is_article_46_safeguard() && t.risk_assessment.is_none() {
        let message = if ctx.regime == Regime::UkGdpr && ctx.as_of >= crate::law::DUAA_FROM {
            format!(
                "Data protection test not recorded: the transfer relies on an Art 46 safeguard ({}), and the exporter must consider, acting reasonably and proportionately, that the data protection test is met (Art 46(1A)); reference that assessment in the risk assessment field.",
                crate::model::labels::Label::label(mechanism)
            )
        } else {
            format!(
                "The transfer relies on an Art 46 safeguard ({}) without a transfer risk or impact assessment; reference it in the risk assessment field.",
                crate::model::labels::Label::label(mechanism)
            )
        };
        ctx.report(&TRANSFER_WITHOUT_RISK_ASSESSMENT, path(), message);
    }
}

/// A destination country, region or international organisation that the transfer names.
fn check_destination_named(ctx: &mut Context<'_>, t: &Transfer, path: &str) {
    let path = || path.to_owned();
    match t.destination {
        TransferDestination::Country if t.country.is_none() => {
            ctx.report(
                &TRANSFER_DESTINATION_UNNAMED,
                path(),
                "The transfer does not name its destination country; set country.".to_owned(),
            );
        }
        TransferDestination::Region if !t.region.is_some_and(Region::is_named) => {
            ctx.report(
                &TRANSFER_DESTINATION_UNNAMED,
                path(),
                match t.region {
                    Some(region) => format!("The transfer goes {}, which does not name the third country; name each country (Art 30(1)(e)).", region.label()),
                    None => "The transfer goes to a region it does not name; set region, or name the country.".to_owned(),
                },
            );
        }
        TransferDestination::InternationalOrganisation if t.organisation.is_none() => {
            ctx.report(
                &TRANSFER_DESTINATION_UNNAMED,
                path(),
                "The transfer does not name the international organisation; set organisation."
                    .to_owned(),
            );
        }
        _ => {}
    }
}

/// The limits of the Art 49 derogations: not for public authorities' public powers (Art 49(3)),
/// not for regular transfers, and compelling legitimate interests documented (Art 49(6)).
fn check_derogation(
    ctx: &mut Context<'_>,
    t: &Transfer,
    mechanism: TransferMechanism,
    path: &str,
    public_powers: bool,
) {
    let path = || path.to_owned();
    let barred = match mechanism {
        TransferMechanism::CompellingLegitimateInterests => Some("compelling legitimate interests"),
        TransferMechanism::Derogation => t
            .derogation
            .filter(|d| {
                matches!(
                    d,
                    Article49Derogation::ExplicitConsent
                        | Article49Derogation::ContractWithDataSubject
                        | Article49Derogation::ContractInDataSubjectInterest
                )
            })
            .map(|d| d.citation()),
        _ => None,
    };
    if let (Some(barred), true) = (barred, public_powers) {
        ctx.report(&DEROGATION_BY_PUBLIC_AUTHORITY, format!("{}/mechanism", path()), format!("A public authority exercising its public powers cannot rely on {barred} (Art 49(3)); use an Art 46 safeguard or another derogation."));
    }
    let derogation = matches!(
        mechanism,
        TransferMechanism::Derogation | TransferMechanism::CompellingLegitimateInterests
    );
    if derogation && t.frequency == Some(TransferFrequency::Regular) {
        let severity = if mechanism == TransferMechanism::CompellingLegitimateInterests {
            Severity::Error
        } else {
            Severity::Warning
        };
        ctx.report_as(&DEROGATION_USED_FOR_REGULAR_TRANSFER, severity, format!("{}/frequency", path()), "Art 49 derogations are for occasional transfers; a regular transfer needs adequacy or an Art 46 safeguard.".to_owned());
    }
    if mechanism == TransferMechanism::CompellingLegitimateInterests && t.documentation.is_none() {
        ctx.report(&COMPELLING_INTERESTS_UNDOCUMENTED, path(), "A transfer on compelling legitimate interests must have its assessment and suitable safeguards documented in the record; reference the documentation.".to_owned());
    }
}

/// A recipient in a third country that no transfer names.
fn outside_without_transfer(
    ctx: &mut Context<'_>,
    r: &crate::model::Recipient,
    transferred: &impl Fn(&str) -> bool,
    path: impl FnOnce() -> String,
) {
    // Publication is a disclosure wherever the public is (Lindqvist).
    if is_the_public(r) || (r.country.is_none() && r.party.is_none()) {
        return;
    }
    let abroad = super::hidden::recipient_countries(ctx, r).find(|&country| {
        is_third_country(ctx.regime, country) && Some(country) != ctx.organisation_country
    });
    if let Some(country) = abroad
        && !transferred(r.id.as_str())
    {
        ctx.report(&RECIPIENT_OUTSIDE_WITHOUT_TRANSFER, path(), format!("Recipient '{}' is in {country}, a third country (its own country or its party's), and no transfer to it is recorded.", bounded_id(r.id.as_str())));
    }
}

/// A recipient that is a processor needs an Art 28 contract, on the recipient or its party.
fn processor_contract(
    ctx: &mut Context<'_>,
    r: &crate::model::Recipient,
    path: impl FnOnce() -> String,
) {
    if r.role == Some(RecipientRole::Processor) {
        let party = r.party.as_ref().and_then(|id| ctx.index.party(id));
        if r.agreement.is_none() && party.is_none_or(|p| p.contract.is_none()) {
            let name = match (party, &r.category) {
                (Some(p), _) => mention(&p.name, p.id.as_str()),
                (None, Some(category)) => mention(category, r.id.as_str()),
                (None, None) => bounded_id(r.id.as_str()),
            };
            ctx.report(&PROCESSOR_WITHOUT_CONTRACT, path(), format!("Processor {name} has no Art 28 contract recorded; reference it in the party's contract or the recipient's agreement."));
        }
    }
}

fn check_adequacy(
    ctx: &mut Context<'_>,
    recipient: Option<&Recipient>,
    t: &crate::model::Transfer,
    path: impl Fn() -> String,
) {
    let label = ctx.regime.label();
    if let (TransferDestination::Country, Some(country)) = (t.destination, t.country) {
        match adequacy(ctx.regime, country, ctx.as_of) {
            Adequacy::CertifiedRecipientsOnly => {
                return certified_recipient(ctx, recipient, country, path);
            }
            Adequacy::PrivateSectorOnly => {
                return private_sector_recipient(ctx, recipient, country, path);
            }
            _ => {}
        }
    }
    let problem = match (t.destination, t.country) {
        // Publication is not a transfer; check_activity reports it and judges it no further.
        (TransferDestination::Worldwide, _) => None,
        (TransferDestination::InternationalOrganisation, _) => match t.organisation.as_deref() {
            // An unnamed organisation is reported by transfer-destination-unnamed.
            None => None,
            Some(name) => (organisation_adequacy(ctx.regime, name, ctx.as_of)
                != Adequacy::Adequate)
                .then(|| {
                    format!(
                        "no adequacy decision of the {label} covers {name} on {}",
                        ctx.as_of
                    )
                }),
        },
        (TransferDestination::Country, None) => None,
        // Every member of the EEA has the same standing under either regime (domestic under the
        // EU GDPR, adequate under the UK GDPR), so one member stands for the region's adequacy.
        (TransferDestination::Region, _) => match t.region {
            Some(Region::Eea | Region::Eu) => {
                let member = CountryCode::IE;
                match adequacy(ctx.regime, member, ctx.as_of) {
                    Adequacy::Adequate | Adequacy::Domestic => None,
                    _ => Some(format!(
                        "{} is not adequate under the {label} on {}",
                        t.region.map(Region::label).unwrap_or_default(),
                        ctx.as_of
                    )),
                }
            }
            // Unnamed destinations are reported by transfer-destination-unnamed.
            _ => None,
        },
        (TransferDestination::Country, Some(country)) => {
            match adequacy(ctx.regime, country, ctx.as_of) {
                Adequacy::Adequate | Adequacy::Domestic => None,
                Adequacy::NotAdequate => Some(format!(
                    "{country} is not adequate under the {label} on {}",
                    ctx.as_of
                )),
                // Judged above, by the recipient.
                Adequacy::CertifiedRecipientsOnly | Adequacy::PrivateSectorOnly => None,
            }
        }
    };
    if let Some(problem) = problem {
        ctx.report(&ADEQUACY_NOT_RECOGNISED, format!("{}/mechanism", path()), format!("Adequacy is claimed, but {problem}; rely on an Art 46 safeguard or an Art 49 derogation."));
    }
}

/// The recipient a transfer names, among the activity's recipients or the register's own.
fn transfer_recipient<'r>(
    ctx: &Context<'r>,
    a: &ActivityContext<'r>,
    t: &Transfer,
) -> Option<&'r Recipient> {
    let id = t.recipient.as_ref()?;
    match a.recipients.get(id.as_str()) {
        Some(i) => a.activity.recipients.get(i),
        None => ctx
            .register_recipients
            .get(id.as_str())
            .and_then(|i| ctx.register.recipients.get(i)),
    }
}

/// Whether a recipient is the public: recorded as such and naming no organisation, since a named
/// organisation is not the public whatever role it is given.
fn is_the_public(r: &Recipient) -> bool {
    r.role == Some(RecipientRole::Public) && r.party.is_none()
}

/// Adequacy for the United States covers only recipients certified under the Data Privacy
/// Framework (EU) or its UK Extension (UK, SI 2023/1028). A recipient the record does not show as
/// certified is an evidence gap (a warning): it may be certified, but the record does not say so.
fn certified_recipient(
    ctx: &mut Context<'_>,
    recipient: Option<&Recipient>,
    country: CountryCode,
    path: impl Fn() -> String,
) {
    let party = recipient
        .and_then(|r| r.party.as_ref())
        .and_then(|id| ctx.index.party(id));
    let (certified, framework, field) = match ctx.regime {
        Regime::UkGdpr => (
            party.is_some_and(|p| p.dpf_uk_extension),
            "the UK Extension to the Data Privacy Framework (SI 2023/1028)",
            "dpf_uk_extension",
        ),
        Regime::EuGdpr => (
            party.is_some_and(|p| p.dpf_certified),
            "the EU-US Data Privacy Framework (Decision (EU) 2023/1795)",
            "dpf_certified",
        ),
    };
    if !certified {
        ctx.report_as(&ADEQUACY_NOT_RECOGNISED, Severity::Warning, format!("{}/mechanism", path()), format!("Adequacy for {country} covers only recipients certified to {framework}, and the record does not show the recipient's party as certified; check the certification and set {field}, or rely on an Art 46 safeguard."));
    }
}

/// Adequacy for Canada and Japan covers only the private sector (PIPEDA; the APPI): a public body
/// there is outside it, so the transfer has no adequacy to rely on.
fn private_sector_recipient(
    ctx: &mut Context<'_>,
    recipient: Option<&Recipient>,
    country: CountryCode,
    path: impl Fn() -> String,
) {
    let Some(r) = recipient else { return };
    let public_body = matches!(
        r.role,
        Some(RecipientRole::PublicAuthority | RecipientRole::LawEnforcement)
    ) || r
        .party
        .as_ref()
        .and_then(|id| ctx.index.party(id))
        .is_some_and(|p| p.kind == Some(PartyKind::PublicAuthority));
    if public_body {
        ctx.report(&ADEQUACY_NOT_RECOGNISED, format!("{}/mechanism", path()), format!("Adequacy is claimed, but the {} decision for {country} covers only the private sector, and recipient '{}' is a public body; rely on an Art 46 safeguard or an Art 49 derogation.", ctx.regime.label(), bounded_id(r.id.as_str())));
    }
}

/// A sub-processor established in a third country receives the data from the processor: an
/// onward transfer the controller's record must show (Art 30(1)(e)), to its country or to it.
fn sub_processors_abroad(ctx: &mut Context<'_>) {
    let register = ctx.register;
    if register.parties.iter().all(|p| p.sub_processors.is_empty()) {
        return;
    }
    let index = &ctx.index;
    // The countries and the parties some transfer goes to, gathered in one pass (a recipient is
    // looked up in a map of its activity's recipients, so that the pass stays linear).
    let mut countries = foldhash::HashSet::default();
    let mut parties = foldhash::HashSet::default();
    let shared: foldhash::HashMap<&str, &Recipient> = register
        .recipients
        .iter()
        .map(|r| (r.id.as_str(), r))
        .collect();
    for a in &register.activities {
        if a.transfers.is_empty() {
            continue;
        }
        let own: foldhash::HashMap<&str, &Recipient> =
            a.recipients.iter().map(|r| (r.id.as_str(), r)).collect();
        for t in &a.transfers {
            countries.extend(t.country);
            let r = t
                .recipient
                .as_ref()
                .and_then(|id| own.get(id.as_str()).or_else(|| shared.get(id.as_str())));
            parties.extend(r.and_then(|r| r.party.as_ref()).map(|p| p.as_str()));
        }
    }
    let countries = |c: CountryCode| countries.contains(&c);
    let parties = |p: &str| parties.contains(p);
    let mut found = Vec::new();
    for (i, party) in register.parties.iter().enumerate() {
        for (j, id) in party.sub_processors.iter().enumerate() {
            let Some(sub) = index.party(id) else { continue };
            if let Some(country) = sub.country
                && is_third_country(ctx.regime, country)
                && Some(country) != ctx.organisation_country
                && !countries(country)
                && !parties(sub.id.as_str())
            {
                found.push((format!("/parties/{i}/sub_processors/{j}"), format!("Sub-processor {} of {} is in {country}, a third country, and no transfer to {country} or to it is recorded; record the onward transfer and its mechanism.", mention(&sub.name, sub.id.as_str()), mention(&party.name, party.id.as_str()))));
            }
        }
    }
    for (path, message) in found {
        ctx.report(&RECIPIENT_OUTSIDE_WITHOUT_TRANSFER, path, message);
    }
}
