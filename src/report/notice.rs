//! A draft privacy notice drawn from the register (Art 13; Art 14 where data comes from others).

use std::io;

use super::ReportOptions;
use super::notice_words as words;
use super::record::dpo;
use super::sink::Sink;
use super::text::*;
use crate::law::rights::applicable_rights;
use crate::model::labels::Label;
use crate::model::*;

fn right(right: DataSubjectRight, regime: Regime, on: chrono::NaiveDate) -> &'static str {
    match right {
        // UK GDPR Arts 22A-22D from 5 Feb 2026 replace the Art 22 prohibition with safeguards.
        DataSubjectRight::AutomatedDecisions
            if regime == Regime::UkGdpr && on >= crate::law::DUAA_FROM =>
        {
            "to be told about significant decisions we take about you by automated means alone, to make representations about them, to have a person intervene and to contest them (Art 22A-22D)"
        }
        DataSubjectRight::BeInformed => "to be told how we use your information (Art 13, 14)",
        DataSubjectRight::Access => {
            "to ask for a copy of the information we hold about you (Art 15)"
        }
        DataSubjectRight::Rectification => {
            "to ask us to correct information that is wrong or incomplete (Art 16)"
        }
        DataSubjectRight::Erasure => {
            "to ask us to delete your information, where we rely on a basis other than a legal obligation or a public task (Art 17)"
        }
        DataSubjectRight::Restriction => "to ask us to limit how we use your information (Art 18)",
        DataSubjectRight::Portability => {
            "to receive the information you gave us in a machine-readable form, or have it sent to another organisation, where we rely on your consent or a contract (Art 20)"
        }
        DataSubjectRight::Object => {
            "to object to our use of your information where we rely on a public task or legitimate interests (Art 21)"
        }
        DataSubjectRight::AutomatedDecisions => {
            "not to be subject to a decision based solely on automated processing that significantly affects you (Art 22)"
        }
        DataSubjectRight::WithdrawConsent => {
            "to withdraw your consent at any time, where we rely on it; this does not affect what we did before (Art 7(3))"
        }
        DataSubjectRight::Complain => "to complain to the supervisory authority (Art 77)",
    }
}

/// What every section of the notice reads besides the activity.
#[derive(Clone, Copy)]
struct Notice<'r> {
    register: &'r Register,
    index: &'r RegisterIndex<'r>,
    /// The DPA 2018 (Schedule 1) applies.
    uk_law: bool,
    /// The regime and the date the rights and the complaint route are worded for.
    regime: Regime,
    on: chrono::NaiveDate,
}

pub(crate) fn render(
    register: &Register,
    options: &ReportOptions,
    sink: &mut dyn Sink,
) -> io::Result<()> {
    let index = register.index();
    let n = &Notice {
        register,
        index: &index,
        uk_law: crate::validate::uk_law_applies(register, options.validation.regime),
        regime: crate::validate::applicable_regime(
            register,
            options.validation.regime,
            options.date(),
        ),
        on: options.date(),
    };
    let name = super::organisation_name(register);
    sink.begin(&format!("Privacy notice (draft): {name}"))?;
    sink.editor_note(&format!("This draft is drawn from the record of processing activities as of {}. It says only what the record says; boxes like this one mark a gap in the record or a choice to settle, and are not part of the notice.", options.date()))?;
    published_notices(n, sink)?;
    let (controller, processor): (Vec<&ProcessingActivity>, Vec<&ProcessingActivity>) = register
        .activities
        .iter()
        .partition(|a| a.role != ActivityRole::Processor);
    let contacts = who_we_are(n, sink, &name, &controller, &processor)?;
    data_protection_officer(n, sink)?;
    shared_recipients(n, sink)?;
    for a in controller {
        activity(n, sink, a)?;
    }
    processor_activities(n, sink, &processor)?;
    complaints(n, sink, &contacts)?;
    sink.end()
}

/// The notices the register says are published, with their dates, for the editor to date this
/// one against: each once, however many activities refer to it.
fn published_notices(n: &Notice<'_>, sink: &mut dyn Sink) -> io::Result<()> {
    let mut seen = std::collections::HashSet::new();
    for id in n
        .register
        .activities
        .iter()
        .filter_map(|a| a.privacy_notice.as_ref())
    {
        if !seen.insert(id) {
            continue;
        }
        let dated = n
            .index
            .document(id)
            .and_then(|d| d.date.as_ref())
            .map(|date| format!(", last updated {date}"))
            .unwrap_or_default();
        sink.editor_note(&format!(
            "The record refers to the published notice {}{dated}: give this one the date it is published.",
            document(n.index, id)
        ))?;
    }
    Ok(())
}

/// Who the controller is and for what, and how to reach it; the contacts, for the complaints
/// section.
fn who_we_are(
    n: &Notice<'_>,
    sink: &mut dyn Sink,
    name: &str,
    controller: &[&ProcessingActivity],
    processor: &[&ProcessingActivity],
) -> io::Result<Vec<String>> {
    let Notice {
        register, index, ..
    } = *n;
    sink.heading(2, "Who we are")?;
    let organisation = register.organisation();
    if !controller.is_empty() {
        let names: Vec<String> = controller.iter().map(|a| a.name.clone()).collect();
        sink.paragraph(&format!(
            "{name} is the controller of your personal information for: {}.",
            enumerate(&names)
        ))?;
    }
    if !processor.is_empty() {
        sink.paragraph(&format!(
            "For some processing {name} is not the controller: it acts on behalf of another organisation, which decides why and how your information is used (see \u{201c}Where we act for another organisation\u{201d})."
        ))?;
    }
    let contacts: Vec<String> = organisation
        .map(|p| p.contacts.iter().flat_map(contact).collect())
        .unwrap_or_default();
    if contacts.is_empty() {
        sink.editor_note("The record gives no contact details for the organisation; a notice must give them (Art 13(1)(a)). Add them here.")?;
    } else {
        sink.paragraph("You can contact us:")?;
        sink.list(&contacts)?;
    }
    let facts = organisation.map(party_facts).unwrap_or_default();
    if !facts.is_empty() {
        sink.paragraph("About us:")?;
        sink.list(&facts)?;
    }
    if let Some(id) = &register.representative {
        sink.paragraph("Our representative:")?;
        sink.list(&party(index, id))?;
    }
    Ok(contacts)
}

/// The heading of the section on the register-wide recipients, which each activity refers to.
const SHARED_RECIPIENTS: &str = "Who we share all your information with";

/// The register-wide recipients, once: they receive the information of every activity.
fn shared_recipients(n: &Notice<'_>, sink: &mut dyn Sink) -> io::Result<()> {
    if n.register.recipients.is_empty() {
        return Ok(());
    }
    sink.heading(2, SHARED_RECIPIENTS)?;
    sink.paragraph("We share the information of every activity in this notice with:")?;
    let names = CategoryNames::register_wide(n.register);
    sink.list(
        &n.register
            .recipients
            .iter()
            .map(|r| words::recipient(n.index, r, &names))
            .collect::<Vec<_>>(),
    )
}

/// The DPO and how to reach them.
fn data_protection_officer(n: &Notice<'_>, sink: &mut dyn Sink) -> io::Result<()> {
    let Notice {
        register, index, ..
    } = *n;
    match &register.dpo {
        Some(d) => {
            sink.heading(2, "Our data protection officer")?;
            sink.paragraph("You can contact our data protection officer:")?;
            sink.list(&dpo(index, d))
        }
        None => sink.editor_note("The record names no data protection officer. Where there is one, give their contact details here (Art 13(1)(b)); where there is none, leave this out."),
    }
}

/// The activities carried out for other controllers, and who those controllers are.
fn processor_activities(
    n: &Notice<'_>,
    sink: &mut dyn Sink,
    processor: &[&ProcessingActivity],
) -> io::Result<()> {
    let Notice { index, .. } = *n;
    if !processor.is_empty() {
        sink.heading(2, "Where we act for another organisation")?;
        sink.paragraph("For the processing below we are a processor: the organisation we act for is the controller and decides why and how your information is used. Its own privacy notice tells you about it, and you can exercise your rights with it.")?;
        for a in processor {
            sink.heading(3, &a.name)?;
            if let Some(description) = &a.description {
                sink.paragraph(description)?;
            }
            if a.on_behalf_of.is_empty() {
                sink.editor_note("The record does not name the controller this processing is carried out for: name it here.")?;
            }
            for o in &a.on_behalf_of {
                sink.paragraph(&format!(
                    "The controller is {}.",
                    party_name(index, &o.controller)
                ))?;
                let contacts: Vec<String> = index
                    .party(&o.controller)
                    .map(|p| p.contacts.iter().flat_map(contact).collect())
                    .unwrap_or_default();
                if !contacts.is_empty() {
                    sink.list(&contacts)?;
                }
            }
        }
    }
    Ok(())
}

/// How to complain: to the organisation, where the register records how, and to the
/// supervisory authority. Where UK law gives people a right to complain to the controller
/// (DPA 2018 s164A, from 19 June 2026) and the register records no procedure, the editor is told;
/// the notice states no route the organisation has not recorded.
fn complaints(n: &Notice<'_>, sink: &mut dyn Sink, contacts: &[String]) -> io::Result<()> {
    let Notice {
        register,
        index,
        regime,
        on,
        ..
    } = *n;
    sink.heading(2, "How to complain")?;
    let to_us =
        crate::law::provisions::entry_on(crate::law::Provision::ComplaintToController, regime, on);
    match register
        .complaints_procedure
        .as_ref()
        .filter(|p| p.is_stated())
    {
        Some(procedure) => {
            let mut lines: Vec<String> = procedure.description.iter().cloned().collect();
            lines.extend(procedure.contacts.iter().flat_map(contact));
            if procedure.contacts.is_empty() {
                lines.extend(contacts.iter().cloned());
            }
            sink.paragraph("How to complain to us:")?;
            sink.list(&lines)?;
        }
        None => {
            if let Some(entry) = to_us {
                let from = entry
                    .period
                    .from
                    .map(|d| format!(", from {}", d.format("%-d %B %Y")))
                    .unwrap_or_default();
                sink.editor_note(&format!("The record holds no complaints procedure. People may complain to the organisation, and it must make that possible, acknowledge a complaint within 30 days and respond without undue delay ({}{from}): describe how to complain here.", entry.citation))?;
            }
        }
    }
    match &register.supervisory_authority {
        Some(id) => {
            sink.paragraph(&format!(
                "You have the right to complain to the supervisory authority, {} (Art 77).",
                party_name(index, id)
            ))?;
            let contacts: Vec<String> = index
                .party(id)
                .map(|p| p.contacts.iter().flat_map(contact).collect())
                .unwrap_or_default();
            if !contacts.is_empty() {
                sink.list(&contacts)?;
            }
        }
        None => {
            sink.paragraph("You have the right to complain to a supervisory authority (Art 77).")?;
            sink.editor_note("The record does not name the supervisory authority: name it and say how to reach it.")?;
        }
    }
    Ok(())
}

/// The notice's section for one activity the organisation controls.
fn activity(n: &Notice<'_>, sink: &mut dyn Sink, a: &ProcessingActivity) -> io::Result<()> {
    let names = CategoryNames::new(a).with_shared(n.index);
    activity_intro(n, sink, a)?;
    information_used(n, sink, a)?;
    purposes_and_bases(sink, a)?;
    interests_and_conditions(n, sink, a)?;
    sharing_and_keeping(n, sink, a, &names)?;
    automated_decisions(sink, a)?;
    rights(n, sink, a)
}

/// The activity's name, description and joint controllers.
fn activity_intro(n: &Notice<'_>, sink: &mut dyn Sink, a: &ProcessingActivity) -> io::Result<()> {
    let Notice { index, .. } = *n;
    sink.heading(2, &a.name)?;
    if let Some(description) = &a.description {
        sink.paragraph(description)?;
    }
    if a.role == ActivityRole::JointController && !a.joint_controllers.is_empty() {
        let others: Vec<String> = a
            .joint_controllers
            .iter()
            .map(|id| party_name(index, id))
            .collect();
        sink.paragraph(&format!(
            "We are joint controllers of this information with: {}.",
            enumerate(&others)
        ))?;
    }
    for change in &a.role_changes {
        sink.paragraph(&words::role_change(change))?;
    }
    Ok(())
}

/// What information is used, what must be given (Art 13(2)(e)) and where it comes from.
fn information_used(n: &Notice<'_>, sink: &mut dyn Sink, a: &ProcessingActivity) -> io::Result<()> {
    let Notice { index, .. } = *n;
    sink.heading(3, "What information we use")?;
    if a.data_categories.is_empty() {
        sink.editor_note(
            "The record lists no categories of information for this activity: list them here.",
        )?;
    } else {
        sink.list(
            &a.data_categories
                .iter()
                .map(words::category)
                .collect::<Vec<_>>(),
        )?;
    }
    // Art 13(2)(e): only what the record says; whether a requirement is statutory or
    // contractual, and what follows from not providing, are not recorded, so not stated.
    let required: Vec<String> = a
        .data_categories
        .iter()
        .filter(|c| c.provision == Some(Provision::Required))
        .map(|c| c.name.clone())
        .collect();
    if !required.is_empty() {
        sink.paragraph(&format!(
            "You must give us: {} (Art 13(2)(e)).",
            enumerate(&required)
        ))?;
    }

    if a.data_categories
        .iter()
        .any(|c| c.sources.iter().any(|s| s.kind != SourceKind::DataSubject))
    {
        sink.heading(3, "Where we get your information from")?;
        sink.list(&words::sources(index, a))?;
    }
    Ok(())
}

/// Each purpose with its lawful bases, and the bases of particular information.
fn purposes_and_bases(sink: &mut dyn Sink, a: &ProcessingActivity) -> io::Result<()> {
    sink.heading(3, "Why we use it, and our lawful basis")?;
    if a.purposes.is_empty() {
        sink.editor_note(
            "The record states no purpose for this activity: a notice must (Art 13(1)(c)).",
        )?;
    }
    let unbased: Vec<String> = a
        .purposes
        .iter()
        .filter(|p| a.bases_of(p).next().is_none())
        .map(|p| crate::model::text::mention(&p.description, "").into_owned())
        .collect();
    let purposes: Vec<String> = a
        .purposes
        .iter()
        .flat_map(|p| {
            let purpose = format!("{}{}", p.description.trim_end_matches('.'), opt_out(p));
            let bases: Vec<&LawfulBasis> = a.bases_of(p).collect();
            if bases.is_empty() {
                vec![purpose]
            } else {
                bases
                    .iter()
                    .map(|b| format!("{purpose}: {}", basis(b)))
                    .collect()
            }
        })
        .collect();
    sink.list(&purposes)?;
    if !unbased.is_empty() {
        sink.editor_note(&format!(
            "The record gives no lawful basis for {}: a notice must give one for each purpose (Art 13(1)(c)).",
            enumerate(&unbased)
        ))?;
    }
    let per_category: Vec<String> = a
        .data_categories
        .iter()
        .flat_map(|c| {
            c.lawful_bases
                .iter()
                .map(move |b| format!("{}: {}", c.name, basis(b)))
        })
        .collect();
    if !per_category.is_empty() {
        sink.paragraph("For particular information we rely on:")?;
        sink.list(&per_category)?;
    }
    Ok(())
}

/// The legitimate interests pursued, and the conditions for special category and criminal
/// offence information.
fn interests_and_conditions(
    n: &Notice<'_>,
    sink: &mut dyn Sink,
    a: &ProcessingActivity,
) -> io::Result<()> {
    let Notice { uk_law, .. } = *n;
    let interests: Vec<String> = a
        .lawful_bases
        .iter()
        .filter_map(|b| b.interest.clone())
        .chain(a.purposes.iter().flat_map(|p| {
            p.lawful_bases.iter().filter_map(move |b| {
                Some(format!(
                    "{}: {}",
                    p.description.trim_end_matches('.'),
                    b.interest.as_ref()?
                ))
            })
        }))
        .chain(a.data_categories.iter().flat_map(|c| {
            c.lawful_bases
                .iter()
                .filter_map(move |b| Some(format!("{}: {}", c.name, b.interest.as_ref()?)))
        }))
        .collect();
    if !interests.is_empty() {
        sink.paragraph("The legitimate interests we pursue:")?;
        sink.list(&interests)?;
    }
    if !a.special_category_conditions.is_empty() || !a.criminal_offence_conditions.is_empty() {
        let (mut conditions, gaps): (Vec<String>, Vec<Option<String>>) = a
            .special_category_conditions
            .iter()
            .map(|c| words::special_condition(c, uk_law))
            .unzip();
        conditions.extend(a.criminal_offence_conditions.iter().map(|c| {
            let mut text = format!("Art 10: {}", c.authority.label());
            if let (true, Some(p)) = (uk_law, c.schedule_1_paragraph) {
                text.push_str(&format!(
                    "; DPA 2018 Schedule 1, paragraph {} ({})",
                    p.paragraph(),
                    p.heading()
                ));
            }
            text
        }));
        sink.paragraph(
            "For information the law protects more strongly (about health, for example, or about crime) we rely on:",
        )?;
        sink.list(&conditions)?;
        for gap in gaps.into_iter().flatten() {
            sink.editor_note(&gap)?;
        }
    }
    Ok(())
}

/// Who receives the information, transfers abroad and how long it is kept.
fn sharing_and_keeping(
    n: &Notice<'_>,
    sink: &mut dyn Sink,
    a: &ProcessingActivity,
    names: &CategoryNames<'_>,
) -> io::Result<()> {
    let Notice {
        register, index, ..
    } = *n;
    sink.heading(3, "Who we share it with")?;
    if a.recipients.is_empty() && register.recipients.is_empty() {
        sink.editor_note("The record names no one this information is shared with. If no one receives it, say so here; if someone does, name them (Art 13(1)(e)).")?;
    } else {
        sink.list(
            &a.recipients
                .iter()
                .map(|r| words::recipient(index, r, names))
                .collect::<Vec<_>>(),
        )?;
    }
    if !register.recipients.is_empty() {
        sink.paragraph(&format!(
            "We also share it with everyone listed under \u{201c}{SHARED_RECIPIENTS}\u{201d}."
        ))?;
    }

    if !a.transfers.is_empty() {
        sink.heading(3, "Sending your information abroad")?;
        let (transfers, gaps): (Vec<String>, Vec<Option<String>>) = a
            .transfers
            .iter()
            .map(|t| words::transfer(index, t, names, (n.regime, n.on)))
            .unzip();
        sink.list(&transfers)?;
        for gap in gaps.into_iter().flatten() {
            sink.editor_note(&gap)?;
        }
    }

    sink.heading(3, "How long we keep it")?;
    if a.retention.is_empty() {
        sink.editor_note("The record states no retention period for this information: say how long it is kept, or how that is decided (Art 13(2)(a)).")?;
    } else {
        let (kept, unstated): (Vec<&RetentionRule>, Vec<&RetentionRule>) = a
            .retention
            .iter()
            .partition(|r| r.wording.is_some() || r.retention.is_stated() || r.policy.is_some());
        sink.list(
            &kept
                .iter()
                .flat_map(|r| words::retention(r, names, index))
                .collect::<Vec<_>>(),
        )?;
        if !unstated.is_empty() {
            let covered: Vec<String> = unstated.iter().map(|r| covered(r, names)).collect();
            sink.editor_note(&format!(
                "The record states no retention period for {}: say how long it is kept, or how that is decided (Art 13(2)(a)).",
                enumerate(&covered)
            ))?;
        }
    }
    Ok(())
}

/// Automated decisions, only as far as the record states them (Art 13(2)(f)).
fn automated_decisions(sink: &mut dyn Sink, a: &ProcessingActivity) -> io::Result<()> {
    sink.heading(3, "Automated decisions")?;
    if !a.automated_decisions.is_empty() {
        let decisions: Vec<String> = a
            .automated_decisions
            .iter()
            .map(|d| {
                let mut text = d.description.trim_end_matches('.').to_owned();
                if let Some(logic) = &d.logic {
                    text.push_str(&format!("; how it works: {}", logic.trim_end_matches('.')));
                }
                if let Some(consequences) = &d.consequences {
                    text.push_str(&format!(
                        "; what it means for you: {}",
                        consequences.trim_end_matches('.')
                    ));
                }
                if !d.safeguards.is_empty() {
                    text.push_str(&format!("; your safeguards: {}", enumerate(&d.safeguards)));
                }
                text
            })
            .collect();
        sink.list(&decisions)?;
    } else if a.no_automated_decisions {
        sink.paragraph("We do not make decisions about you based solely on automated processing.")?;
    } else {
        sink.editor_note("The record does not say whether decisions are made about people based solely on automated processing. Say whether they are (Art 13(2)(f)).")?;
    }
    Ok(())
}

/// The rights the bases give, their restrictions and how to withdraw consent.
fn rights(n: &Notice<'_>, sink: &mut dyn Sink, a: &ProcessingActivity) -> io::Result<()> {
    let Notice { regime, on, .. } = *n;
    sink.heading(3, "Your rights")?;
    sink.list(
        &applicable_rights(a)
            .into_iter()
            .filter(|r| crate::validate::right_in_play(a, *r))
            .map(|r| format!("The right {}.", right(r, regime, on)))
            .collect::<Vec<_>>(),
    )?;
    if !a.rights_restrictions.is_empty() {
        sink.paragraph("Some rights are restricted:")?;
        sink.list(
            &a.rights_restrictions
                .iter()
                .map(rights_restriction)
                .collect::<Vec<_>>(),
        )?;
    }
    let withdrawal: Vec<String> = a
        .all_bases()
        .filter_map(|b| b.consent.as_ref()?.withdrawal.clone())
        .collect();
    if let Some(how) = withdrawal.first() {
        sink.paragraph(&sentence(&format!("To withdraw consent: {how}")))?;
    }
    Ok(())
}
