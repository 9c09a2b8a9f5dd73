//! The notice's wording of what the register records, said to the person it is about: plain
//! names of countries, no register notes, no tags meant for the auditor, no case law. Where the
//! register has a gap, the notice says nothing of it and the editor's box says what is missing.

use super::text::*;
use crate::model::labels::Label;
use crate::model::*;

/// A country as the notice names it: its name alone.
pub(crate) fn country_name(c: CountryCode) -> String {
    c.name().to_owned()
}

/// A category of information: its name, what it covers, and whether giving it is optional.
/// Whether it is special category data is the register's to record and the auditor's to read.
pub(crate) fn category(c: &DataCategory) -> String {
    let mut text = c.name.clone();
    if let Some(description) = &c.description {
        text.push_str(&format!(" ({description})"));
    }
    if c.provision == Some(Provision::Optional) {
        text.push_str(" (optional)");
    }
    text
}

/// Where the activity's information comes from, each source once, said to the person.
pub(crate) fn sources(index: &RegisterIndex<'_>, a: &ProcessingActivity) -> Vec<String> {
    super::record::sources_worded(index, a, |kind| {
        match kind {
            SourceKind::DataSubject => "You",
            SourceKind::ThirdParty => "Other people or organisations",
            SourceKind::PublicSources => "Publicly available sources",
            SourceKind::Observed => "What we observe or record ourselves",
        }
        .to_owned()
    })
}

/// Who receives the information, in what role, what they receive and on what condition; the
/// register's accountability detail (agreements, exemptions, sub-processors) stays in the record.
pub(crate) fn recipient(
    index: &RegisterIndex<'_>,
    r: &Recipient,
    names: &CategoryNames<'_>,
) -> String {
    let mut text = recipient_name(index, r);
    match r.role {
        Some(RecipientRole::Processor) => text.push_str(", who handles it on our behalf"),
        Some(RecipientRole::JointController) => {
            text.push_str(", who decides with us how it is used")
        }
        _ => {}
    }
    if let Some(description) = &r.description {
        text.push_str(&format!(": {}", description.trim_end_matches('.')));
    }
    if !r.data_categories.is_empty() {
        text.push_str(&format!(
            "; they receive {}",
            names.names(&r.data_categories)
        ));
    }
    if !r.purposes.is_empty() {
        text.push_str(&format!("; for {}", names.purposes(&r.purposes)));
    }
    match r.data_form {
        Some(DataForm::Pseudonymised) => text.push_str(", in pseudonymised form"),
        Some(DataForm::Anonymised) => text.push_str(", in anonymised form"),
        _ => {}
    }
    if let Some(condition) = &r.condition {
        text.push_str(&format!(
            "; {}",
            lower_first(condition.trim_end_matches('.'))
        ));
    }
    if r.consent.is_some() {
        text.push_str("; only with your consent");
    }
    if let Some(c) = r.country {
        text.push_str(&format!("; in {}", country_name(c)));
    }
    text
}

/// A transfer abroad: where to, to whom, under which safeguard or exception, what is sent, and
/// what the register says of it in its own words; and, where the register does not name the
/// destination or the safeguard, the gap for the editor.
pub(crate) fn transfer(
    index: &RegisterIndex<'_>,
    t: &Transfer,
    names: &CategoryNames<'_>,
    (regime, on): Law,
) -> (String, Option<String>) {
    let mut gaps = Vec::new();
    let mut text = match (t.destination, t.country, &t.organisation) {
        (TransferDestination::Country, Some(c), _) => country_name(c),
        (TransferDestination::InternationalOrganisation, _, Some(o)) => o.clone(),
        (TransferDestination::Worldwide, _, _) => "Anywhere in the world".to_owned(),
        (TransferDestination::Region, _, _) if t.region.is_some() => {
            crate::model::labels::capital(t.region.map(Region::label).unwrap_or_default())
        }
        _ => {
            gaps.push("where it goes");
            "Abroad".to_owned()
        }
    };
    if let Some(r) = t.recipient.as_ref().and_then(|id| names.recipient(id)) {
        text.push_str(&format!(", to {}", recipient_name(index, r)));
    }
    match (t.mechanism, t.derogation) {
        (Some(TransferMechanism::Derogation), Some(d)) => text.push_str(&format!(
            ": under an exception the law allows, {} ({})",
            d.label(),
            d.citation()
        )),
        (Some(TransferMechanism::Derogation), None) | (None, _) => {
            gaps.push("the safeguard or exception it relies on")
        }
        (Some(m), _) => text.push_str(&format!(
            ": {} ({})",
            m.label(),
            crate::law::provisions::mechanism_citation(m, regime, on)
        )),
    }
    if !t.data_categories.is_empty() {
        text.push_str(&format!(
            "; the information sent: {}",
            names.names(&t.data_categories)
        ));
    }
    if let Some(description) = &t.description {
        text.push_str(&format!(". {}", description.trim_end_matches('.')));
    }
    text.push('.');
    let gap = (!gaps.is_empty()).then(|| {
        format!(
            "The record does not say {} for the transfer {}: a notice must (Art 13(1)(f)).",
            gaps.join(" or "),
            quoted(&text)
        )
    });
    (text, gap)
}

/// An Art 9 condition with the law it rests on and, under UK law, its Schedule 1 condition;
/// where the register names only the Part of Schedule 1, the notice names the Part and the
/// editor is told that the paragraph is missing.
pub(crate) fn special_condition(
    c: &SpecialCategoryCondition,
    uk_law: bool,
) -> (String, Option<String>) {
    let mut text = format!("Art {} {}", c.condition.citation(), c.condition.label());
    if !c.legal_sources.is_empty() {
        text.push_str(&format!(" under {}", enumerate(&c.legal_sources)));
    }
    if !uk_law {
        return (text, None);
    }
    let mut gap = None;
    if let Some(p) = c.schedule_1_paragraph {
        text.push_str(&format!(
            "; DPA 2018 Schedule 1, paragraph {} ({})",
            p.paragraph(),
            p.heading()
        ));
    } else if let Some(part) = c.schedule_1_part {
        text.push_str(&format!("; DPA 2018 Schedule 1, {}", part.label()));
        gap = Some(format!(
            "The record names Part {} of DPA 2018 Schedule 1 but no paragraph for Art {}: name the condition relied on.",
            part.label().trim_start_matches("Part "),
            c.condition.citation()
        ));
    }
    (text, gap)
}

/// A text quoted for the editor, a long one cut.
fn quoted(text: &str) -> String {
    format!(
        "\u{2018}{}\u{2019}",
        crate::model::text::cut(text, crate::model::text::MENTION_CHARS)
    )
}

/// A retention rule as the notice says it: the register's own words where it has them; a period
/// the register states; or, where the period is the policy's to set, the policy, by name and
/// where to find it.
pub(crate) fn retention(
    rule: &RetentionRule,
    names: &CategoryNames<'_>,
    index: &RegisterIndex<'_>,
) -> Vec<String> {
    match (&rule.wording, &rule.policy) {
        (Some(wording), _) => vec![wording.clone()],
        (None, Some(policy)) if !rule.retention.is_stated() => vec![format!(
            "{}: as set out in {}",
            covered(rule, names),
            document(index, policy)
        )],
        _ => retention_rule(rule, names, index),
    }
}

/// A change of the organisation's role in the data's life, as the notice says it, e.g. "Once
/// the data reaches a provider's own systems, we decide on our own how your information is
/// used."
pub(crate) fn role_change(change: &RoleChange) -> String {
    let role = match change.role {
        ActivityRole::Controller => "we decide on our own how your information is used",
        ActivityRole::JointController => "we decide with others how your information is used",
        ActivityRole::Processor => "we use your information only on another organisation's behalf",
    };
    let mut text = format!(
        "{}, {role}",
        crate::model::labels::capital(change.from.trim_end_matches('.'))
    );
    if let Some(description) = &change.description {
        text.push_str(&format!(": {}", description.trim_end_matches('.')));
    }
    text.push('.');
    text
}
