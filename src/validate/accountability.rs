//! The DPO's independence (Art 38(6)), sub-processors' authorisation (Art 28(2)) and breach
//! records (Art 33(5)).

use super::{ActivityContext, Context, Rule, Severity};
use crate::model::text::is_stated;
use crate::model::{ActivityRole, DocumentKind};

/// Fires when the DPO's recorded position is one that decides the purposes and means of
/// processing: the head of the organisation (chief executive, managing director, director,
/// founder, owner, chair, trustee) or of its IT, HR or marketing (or a chief operating, financial
/// or technology officer). Such a position conflicts with the DPO's tasks (Art 38(6); EDPB WP243
/// rev.01, 3.5). A warning: the register cannot show what the role involves.
pub const DPO_CONFLICT_OF_INTEREST: Rule = Rule {
    id: "dpo-conflict-of-interest",
    severity: Severity::Warning,
    citation: "Art 38(6)",
    summary: "The DPO holds a position that decides on processing (head of the organisation, of IT, HR or marketing).",
};

/// Fires when a processor engages sub-processors and the controller's prior written authorisation
/// of them is not recorded (Art 28(2)): for a processor the organisation engages, on the party; for
/// the organisation's own sub-processors, on each controller it processes for. A warning: the
/// authorisation must exist, the register need not hold it.
pub const SUB_PROCESSOR_WITHOUT_AUTHORISATION: Rule = Rule {
    id: "sub-processor-without-authorisation",
    severity: Severity::Warning,
    citation: "Art 28(2)",
    summary: "Sub-processors without the controller's authorisation recorded.",
};

/// UK only, from 19 June 2026. Fires when an organisation that is a controller of some activity
/// records no complaints procedure: it must facilitate complaints to it about its processing (an
/// electronic complaint form or other means, acknowledgement within 30 days; DPA 2018 s164A,
/// inserted by the Data (Use and Access) Act 2025 s103). A warning: the procedure must exist, the
/// register need not hold it.
pub const MISSING_COMPLAINTS_PROCEDURE: Rule = Rule {
    id: "missing-complaints-procedure",
    severity: Severity::Warning,
    citation: "DPA 2018 s164A",
    summary: "A controller under UK law records no procedure for complaints to it (from 19 Jun 2026).",
};

/// Fires on a breach record (a document of kind `breach_record`) that does not give when the
/// breach happened, what happened, its effects or the remedial action taken: Art 33(5) asks for
/// each. A warning: the documentation must exist, the register need only point to it.
pub const BREACH_RECORD_INCOMPLETE: Rule = Rule {
    id: "breach-record-incomplete",
    severity: Severity::Warning,
    citation: "Art 33(5)",
    summary: "A breach record without its date, facts, effects or remedial action.",
};

/// Positions that head the organisation, as sequences of lower-case words.
const HEADS: &[&[&str]] = &[
    &["chief", "executive"],
    &["ceo"],
    &["managing", "director"],
    &["executive", "director"],
    &["director", "general"],
    &["general", "manager"],
    &["chief", "operating"],
    &["coo"],
    &["chief", "financial"],
    &["cfo"],
    &["chief", "technology"],
    &["cto"],
    &["chief", "information", "officer"],
    &["cio"],
    &["chief", "marketing"],
    &["cmo"],
    &["chief", "people"],
    &["founder"],
    &["co", "founder"],
    &["owner"],
    &["proprietor"],
    &["chair"],
    &["chairman"],
    &["chairwoman"],
    &["chairperson"],
    &["president"],
    &["trustee"],
    &["headteacher"],
    &["head", "teacher"],
];

/// Functions whose head decides on processing, as sequences of lower-case words.
const FUNCTIONS: &[&[&str]] = &[
    &["it"],
    &["ict"],
    &["information", "technology"],
    &["technology"],
    &["hr"],
    &["human", "resources"],
    &["people"],
    &["marketing"],
];

/// Words that make a position the head of a function.
const LEADS: &[&str] = &["head", "director", "manager", "lead", "chief", "vp"];

fn contains(words: &[&str], phrase: &[&str]) -> bool {
    words.windows(phrase.len()).any(|w| w == phrase)
}

/// The conflicting part of a position, if any.
fn conflict(position: &str) -> Option<String> {
    let lower = position.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words == ["director"] || contains(&words, &["company", "director"]) {
        return Some("director".to_owned());
    }
    if let Some(head) = HEADS.iter().find(|p| contains(&words, p)) {
        return Some(head.join(" "));
    }
    let lead = words.iter().find(|w| LEADS.contains(w))?;
    let function = FUNCTIONS.iter().find(|p| contains(&words, p))?;
    Some(format!("{lead} of {}", function.join(" ")))
}

pub(super) fn check_register(ctx: &mut Context<'_>) {
    let register = ctx.register;
    complaints_procedure(ctx);
    if let Some(position) = register.dpo.as_ref().and_then(|d| d.position.as_deref())
        && let Some(role) = conflict(position)
    {
        ctx.report(&DPO_CONFLICT_OF_INTEREST, "/dpo/position".to_owned(), format!("The DPO is the organisation's '{position}' ({role}), a position that decides the purposes and means of processing, which the DPO must be free to advise on and monitor (Art 38(6)). Appoint a DPO without that role, or record why there is no conflict."));
    }
    for (i, party) in register.parties.iter().enumerate() {
        if party.id != register.organisation
            && !party.sub_processors.is_empty()
            && party.sub_processor_authorisation.is_none()
        {
            ctx.report(&SUB_PROCESSOR_WITHOUT_AUTHORISATION, format!("/parties/{i}/sub_processors"), format!("{} engages sub-processors, and the organisation's prior written authorisation of them is not recorded (Art 28(2)); reference it in the sub-processor authorisation field.", crate::model::text::mention(&party.name, party.id.as_str())));
        }
    }
    for (i, document) in register.documents.iter().enumerate() {
        if document.kind != DocumentKind::BreachRecord {
            continue;
        }
        let breach = document.breach.as_ref();
        let mut missing = Vec::new();
        if breach.and_then(|b| b.occurred).is_none() {
            missing.push("when it happened");
        }
        if !is_stated(breach.and_then(|b| b.facts.as_deref())) {
            missing.push("what happened");
        }
        if !is_stated(breach.and_then(|b| b.effects.as_deref())) {
            missing.push("its effects");
        }
        if !is_stated(breach.and_then(|b| b.remedial_action.as_deref())) {
            missing.push("the remedial action taken");
        }
        if !missing.is_empty() {
            ctx.report(&BREACH_RECORD_INCOMPLETE, format!("/documents/{i}"), format!("The breach record '{}' does not give {}; Art 33(5) asks for the facts of the breach, its effects and the remedial action taken.", crate::model::text::mention(&document.title, document.id.as_str()), missing.join(", ")));
        }
    }
}

pub(super) fn check_activity(ctx: &mut Context<'_>, a: &ActivityContext<'_>) {
    let activity = a.activity;
    if !activity.plays(ActivityRole::Processor) {
        return;
    }
    let Some(organisation) = ctx.index.party(&ctx.register.organisation) else {
        return;
    };
    if organisation.sub_processors.is_empty() {
        return;
    }
    for (i, entry) in activity.on_behalf_of.iter().enumerate() {
        if entry.sub_processor_authorisation.is_none() {
            ctx.report(&SUB_PROCESSOR_WITHOUT_AUTHORISATION, format!("{}/on_behalf_of/{i}", a.path), format!("The organisation engages sub-processors, and {}'s prior written authorisation of them is not recorded (Art 28(2)); reference it in the sub-processor authorisation field.", ctx.party_name(&entry.controller)));
        }
    }
}

/// The complaints procedure a controller under UK law must have from 19 June 2026 (s164A).
fn complaints_procedure(ctx: &mut Context<'_>) {
    use crate::law::{Provision, in_force};
    let register = ctx.register;
    if !in_force(Provision::ComplaintToController, ctx.regime, ctx.as_of)
        || !register.activities.iter().any(|a| a.controls())
    {
        return;
    }
    let (path, stated) = match &register.complaints_procedure {
        Some(p) => ("/complaints_procedure", p.is_stated()),
        None => ("", false),
    };
    if !stated {
        ctx.report(&MISSING_COMPLAINTS_PROCEDURE, path.to_owned(), "The organisation is a controller under UK law and records no procedure for complaints to it; from 19 June 2026 it must facilitate them (an electronic complaint form or other means, acknowledged within 30 days). Record the procedure in the complaints procedure field.".to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::conflict;

    #[test]
    fn conflicting_positions() {
        for position in [
            "CEO",
            "Chief Executive Officer",
            "Managing Director",
            "Director",
            "Head of IT",
            "IT Manager",
            "HR Director",
            "Head of Human Resources",
            "Marketing Lead",
            "Founder and Data Protection Officer",
            "Chair of Trustees",
        ] {
            assert!(conflict(position).is_some(), "{position}");
        }
        for position in [
            "Data Protection Officer",
            "Head of Information Governance",
            "Information Governance Manager",
            "Solicitor",
            "Director of Legal Services and Monitoring Officer",
            "Records Manager",
        ] {
            assert_eq!(conflict(position), None, "{position}");
        }
    }
}
