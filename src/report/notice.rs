//! A draft privacy notice drawn from the register (Art 13; Art 14 where data comes from others).

use std::io;

use super::ReportOptions;
use super::record::dpo;
use super::sink::Sink;
use super::text::*;
use crate::*;

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

pub(crate) fn render(
    register: &Register,
    options: &ReportOptions,
    sink: &mut dyn Sink,
) -> io::Result<()> {
    let index = register.index();
    let regime = register.regime.unwrap_or(options.validation.regime);
    let name = super::organisation_name(register);
    sink.begin(&format!("Privacy notice (draft): {name}"))?;
    sink.paragraph(&format!("A draft drawn from our record of processing activities as of {}. Check it before publishing: it says only what the record says.", options.date()))?;

    sink.heading(2, "Who we are")?;
    let organisation = register.organisation();
    let mut who = format!("{name} is the controller of your personal information");
    if let Some(contacts) = organisation.map(|p| &p.contacts).filter(|c| !c.is_empty()) {
        who.push_str(&format!(
            ". You can contact us at: {}",
            contacts.iter().map(contact).collect::<Vec<_>>().join("; ")
        ));
    }
    sink.paragraph(&format!("{who}."))?;
    let facts = organisation.map(party_facts).unwrap_or_default();
    if !facts.is_empty() {
        sink.paragraph(&format!(
            "About us: {}.",
            facts.trim_start_matches(" [").trim_end_matches(']')
        ))?;
    }
    if let Some(id) = &register.representative {
        sink.paragraph(&format!("Our representative is {}.", party(&index, id)))?;
    }
    sink.heading(2, "Our data protection officer")?;
    match &register.dpo {
        Some(d) => sink.paragraph(&format!(
            "You can contact our data protection officer: {}.",
            dpo(d)
        ))?,
        None => sink.paragraph("The record names no data protection officer.")?,
    }

    for a in register
        .activities
        .iter()
        .filter(|a| a.role != ActivityRole::Processor)
    {
        sink.heading(2, &a.name)?;
        if let Some(description) = &a.description {
            sink.paragraph(description)?;
        }

        sink.heading(3, "What information we use")?;
        sink.list(
            &a.data_categories
                .iter()
                .map(data_category)
                .collect::<Vec<_>>(),
        )?;
        let required: Vec<&str> = a
            .data_categories
            .iter()
            .filter(|c| c.provision == Some(Provision::Required))
            .map(|c| c.name.as_str())
            .collect();
        if !required.is_empty() {
            sink.paragraph(&format!("You need to give us: {}. Without it we cannot provide this service (Art 13(2)(e)).", required.join(", ")))?;
        }

        if a.data_categories
            .iter()
            .any(|c| c.sources.iter().any(|s| s.kind != SourceKind::DataSubject))
        {
            sink.heading(3, "Where we get your information from")?;
            sink.list(&super::record::sources(&index, a))?;
        }

        sink.heading(3, "Why we use it, and our lawful basis")?;
        let purposes: Vec<String> = a
            .purposes
            .iter()
            .map(|p| {
                let bases: Vec<String> = a.bases_of(p).map(basis).collect();
                format!(
                    "{}: {}",
                    purpose_text(p),
                    if bases.is_empty() {
                        "lawful basis not stated".to_owned()
                    } else {
                        bases.join("; ")
                    }
                )
            })
            .collect();
        sink.list(&purposes)?;
        let per_category: Vec<String> = a
            .data_categories
            .iter()
            .filter(|c| !c.lawful_bases.is_empty())
            .map(|c| {
                let bases: Vec<String> = c.lawful_bases.iter().map(basis).collect();
                format!("{}: {}", c.name, bases.join("; "))
            })
            .collect();
        if !per_category.is_empty() {
            sink.paragraph("For particular information we rely on:")?;
            sink.list(&per_category)?;
        }
        let interests: Vec<String> = a.all_bases().filter_map(|b| b.interest.clone()).collect();
        if !interests.is_empty() {
            sink.paragraph(&format!(
                "The legitimate interests we pursue: {}.",
                interests.join("; ")
            ))?;
        }
        if !a.special_category_conditions.is_empty() || !a.criminal_offence_conditions.is_empty() {
            let mut conditions: Vec<String> = a
                .special_category_conditions
                .iter()
                .map(special_condition)
                .collect();
            conditions.extend(
                a.criminal_offence_conditions
                    .iter()
                    .map(|c| format!("Art 10: {}", words(c.authority.as_str()))),
            );
            sink.paragraph(&format!(
                "For special category or criminal offence information we rely on: {}.",
                conditions.join("; ")
            ))?;
        }

        sink.heading(3, "Who we share it with")?;
        if a.recipients.is_empty() && register.recipients.is_empty() {
            sink.paragraph("The record names no one we share this information with.")?;
        } else {
            sink.list(
                &a.recipients
                    .iter()
                    .chain(&register.recipients)
                    .map(|r| recipient(&index, r))
                    .collect::<Vec<_>>(),
            )?;
        }

        if !a.transfers.is_empty() {
            sink.heading(3, "Sending your information abroad")?;
            sink.list(
                &a.transfers
                    .iter()
                    .map(|t| super::record::transfer_safeguards(&index, t))
                    .collect::<Vec<_>>(),
            )?;
        }

        sink.heading(3, "How long we keep it")?;
        if a.retention.is_empty() {
            sink.paragraph("The record states no retention period for this information.")?;
        } else {
            let names = CategoryNames::of(a);
            sink.list(
                &a.retention
                    .iter()
                    .map(|r| {
                        r.wording
                            .clone()
                            .unwrap_or_else(|| retention_rule(&index, r, &names))
                    })
                    .collect::<Vec<_>>(),
            )?;
        }

        sink.heading(3, "Automated decisions")?;
        if a.automated_decisions.is_empty() {
            sink.paragraph(
                "We do not make decisions about you based solely on automated processing.",
            )?;
        } else {
            let decisions: Vec<String> = a
                .automated_decisions
                .iter()
                .map(|d| {
                    format!(
                        "{}{}{}",
                        d.description,
                        d.logic
                            .as_ref()
                            .map(|l| format!("; how it works: {l}"))
                            .unwrap_or_default(),
                        d.consequences
                            .as_ref()
                            .map(|c| format!("; what it means for you: {c}"))
                            .unwrap_or_default()
                    )
                })
                .collect();
            sink.list(&decisions)?;
        }

        sink.heading(3, "Your rights")?;
        sink.list(
            &applicable_rights(a)
                .into_iter()
                .map(|r| format!("The right {}.", right(r, regime, options.date())))
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
            sink.paragraph(&format!("To withdraw consent: {how}"))?;
        }
    }

    sink.heading(2, "How to complain")?;
    // DPA 2018 s164A, from 19 Jun 2026: people complain to the controller first.
    if let Some(entry) = crate::law::provisions::entry_on(
        crate::law::Provision::ComplaintToController,
        regime,
        options.date(),
    ) {
        let contacts: Vec<String> = organisation
            .map(|p| p.contacts.iter().map(contact).collect())
            .unwrap_or_default();
        let reach = match (&register.dpo, contacts.is_empty()) {
            (_, false) => format!("you can reach us at: {}", contacts.join("; ")),
            (Some(d), true) => format!("you can reach our data protection officer: {}", dpo(d)),
            (None, true) => "the record gives no contact details for complaints".to_owned(),
        };
        sink.paragraph(&format!("If you are unhappy with how we use your information, you can complain to us first ({}); {reach}. If you are not satisfied with our response, you can then complain to the supervisory authority.", entry.citation))?;
    }
    match &register.supervisory_authority {
        Some(id) => sink.paragraph(&format!("You have the right to complain to the supervisory authority: {}.", party(&index, id)))?,
        None => sink.paragraph("You have the right to complain to a supervisory authority (Art 77); the record does not name one.")?,
    }
    sink.end()
}
