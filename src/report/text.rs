//! Plain-language wording of the model's values, shared by every report.

use super::sink::Cell;
use crate::model::labels::{Label, capital};
use crate::model::text::{MENTION_CHARS, bounded_id, cut, mention};
use crate::model::*;

/// The longest document location, in characters, shown whole where the document is referred to:
/// long enough for the addresses of real documents.
const LOCATION_CHARS: usize = 300;

/// What a report says where the register says nothing.
pub(crate) const NOT_STATED: &str = "Not stated";

/// A vocabulary value's spelling in words, `racial_or_ethnic_origin` as "racial or ethnic origin".
/// The reports use [`Label`](super::labels::Label); this stays for callers that hold only the
/// spelling.
pub(crate) fn words(value: &str) -> String {
    match value {
        "uk_idta" => "UK International Data Transfer Agreement".to_owned(),
        "eu_sccs_with_uk_addendum" => {
            "EU standard contractual clauses with the UK Addendum".to_owned()
        }
        "eu_standard_contractual_clauses" => "EU standard contractual clauses".to_owned(),
        "uk_gdpr" => "UK GDPR".to_owned(),
        "eu_gdpr" => "GDPR".to_owned(),
        "dpia" => "DPIA".to_owned(),
        "part1" | "part2" | "part3" => format!("Part {}", &value[4..]),
        other => other.replace('_', " "),
    }
}

/// What a report says of a list the register leaves empty because there is nothing to record.
pub(crate) const NONE_RECORDED: &str = "None recorded";

/// "Yes" or "No".
pub(crate) fn yes_no(yes: bool) -> &'static str {
    if yes { "Yes" } else { "No" }
}

/// The non-empty parts, one item each, or "Not stated".
pub(crate) fn join_or_not_stated(parts: Vec<String>) -> Cell {
    join_or(parts, NOT_STATED)
}

/// The non-empty parts, one item each, or `empty`.
pub(crate) fn join_or(parts: Vec<String>, empty: &str) -> Cell {
    let parts: Vec<String> = parts.into_iter().filter(|p| !p.trim().is_empty()).collect();
    if parts.is_empty() {
        vec![empty.to_owned()]
    } else {
        parts
    }
}

pub(crate) use super::transfer_text::{Law, destination, mechanism, mechanism_in_words};

/// One value as a cell.
pub(crate) fn one(value: impl Into<String>) -> Cell {
    vec![value.into()]
}

/// Values of one item, e.g. the statutes behind a basis: joined with ", ", each in quotation marks
/// when one of them holds a comma or semicolon itself, so that the reader sees where each ends.
pub(crate) fn enumerate(values: &[String]) -> String {
    if values.len() > 1 && values.iter().any(|v| v.contains([',', ';'])) {
        values
            .iter()
            .map(|v| format!("\u{201c}{v}\u{201d}"))
            .collect::<Vec<_>>()
            .join(", ")
    } else {
        values.join(", ")
    }
}

/// A contact's values, one item each, labelled with what they are and the contact's label.
pub(crate) fn contact(contact: &Contact) -> Vec<String> {
    let values: Vec<(&str, &str)> = [
        ("address", &contact.address),
        ("email", &contact.email),
        ("phone", &contact.phone),
        ("web", &contact.web),
    ]
    .into_iter()
    .filter_map(|(what, value)| Some((what, value.as_deref()?)))
    .collect();
    match &contact.label {
        Some(label) if values.is_empty() => vec![label.clone()],
        Some(label) => values
            .iter()
            .map(|(what, value)| format!("{label} ({what}): {value}"))
            .collect(),
        None => values
            .iter()
            .map(|(what, value)| format!("{}: {value}", capital(what)))
            .collect(),
    }
}

pub(crate) fn contacts(list: &[Contact]) -> Cell {
    join_or_not_stated(list.iter().flat_map(contact).collect())
}

/// A party: its name (with its description where the register gives one), then its contacts,
/// one item each.
pub(crate) fn party(index: &RegisterIndex<'_>, id: &PartyId) -> Vec<String> {
    match index.party(id) {
        Some(p) => {
            let mut items = vec![match &p.description {
                Some(d) if !d.contains(&p.name) => format!("{} ({d})", p.name),
                Some(d) => d.clone(),
                None => p.name.clone(),
            }];
            items.extend(p.contacts.iter().flat_map(contact));
            items.extend(party_facts(p));
            items
        }
        None => vec![format!("{id} (not in the register's parties)")],
    }
}

/// What a party's record says beyond its name and contacts, one item each: that it is a class
/// and where its list is kept, its registrations, its own privacy notice and who legally
/// represents it. Empty when it says none of these.
pub(crate) fn party_facts(p: &Party) -> Vec<String> {
    let mut facts = Vec::new();
    if p.class {
        facts.push(match &p.list {
            Some(list) => format!("A class of organisations, listed at {list}"),
            None => "A class of organisations; where their list is kept is not stated".to_owned(),
        });
    }
    for r in &p.registrations {
        let register = match &r.register {
            Some(name) => name.clone(),
            None => capital(r.kind.label()),
        };
        facts.push(format!("{register}: {}", r.number));
    }
    if let Some(notice) = &p.privacy_notice {
        facts.push(format!("Privacy notice: {notice}"));
    }
    if let Some(r) = &p.legal_representative {
        let who: Vec<String> = [&r.name, &r.position]
            .into_iter()
            .flatten()
            .cloned()
            .collect();
        facts.push(format!(
            "Legally represented by {}",
            if who.is_empty() {
                NOT_STATED.to_lowercase()
            } else {
                who.join(", ")
            }
        ));
    }
    facts
}

/// A party where it is referred to: its name, a long one cut (see [`mention`]), or its id where
/// it is not in the register.
pub(crate) fn party_name(index: &RegisterIndex<'_>, id: &PartyId) -> String {
    index.party(id).map_or_else(
        || bounded_id(id.as_str()).into_owned(),
        |p| mention(&p.name, p.id.as_str()).into_owned(),
    )
}

/// A document: its title, where it is and, where the register notes something about it, the note.
pub(crate) fn document(index: &RegisterIndex<'_>, id: &DocumentId) -> String {
    match index.document(id) {
        Some(d) => {
            let mut text = mention(&d.title, d.id.as_str()).into_owned();
            // A document is referred to from many places; its Documents row shows it whole.
            if let Some(location) = &d.location {
                text.push_str(&format!(" ({})", cut(location, LOCATION_CHARS)));
            }
            if let Some(note) = &d.note {
                text.push_str(&format!(" [note: {}]", cut(note, MENTION_CHARS)));
            }
            text
        }
        None => format!("{id} (not in the register's documents)"),
    }
}

/// Text followed by the register's note on it, if any.
pub(crate) fn with_note(mut text: String, note: Option<&String>) -> String {
    if let Some(note) = note {
        text.push_str(&format!(" [note: {note}]"));
    }
    text
}

/// Ends a sentence: adds a full stop unless the text already ends with one.
pub(crate) fn sentence(text: &str) -> String {
    let text = text.trim_end();
    if text.ends_with(['.', '!', '?']) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

pub(crate) fn trigger(period: &RetentionPeriod) -> Option<String> {
    if let Some(description) = &period.trigger_description {
        return Some(description.clone());
    }
    period.trigger.map(|t| t.label().to_owned())
}

/// A retention event in words.
pub(crate) fn event(t: RetentionTrigger) -> String {
    t.label().to_owned()
}

/// A retention period in words, a deciding party by its id (for the diff, which has no index).
pub(crate) fn retention_period(period: &RetentionPeriod) -> String {
    retention_period_named(period, None)
}

/// A retention period in words, a deciding party by its name where the register names it.
pub(crate) fn retention_period_in(period: &RetentionPeriod, index: &RegisterIndex<'_>) -> String {
    retention_period_named(period, Some(index))
}

fn retention_period_named(period: &RetentionPeriod, index: Option<&RegisterIndex<'_>>) -> String {
    let mut text = if period.not_retained {
        "not stored at all".to_owned()
    } else if period.indefinite {
        match &period.review_interval {
            Some(interval) => format!("indefinitely, reviewed every {}", interval.in_words()),
            None => "indefinitely, with no review".to_owned(),
        }
    } else {
        let within = if period.bound == Some(PeriodBound::Within) {
            "within "
        } else {
            ""
        };
        match (&period.period, trigger(period)) {
            (Some(p), Some(t)) => format!("{within}{} after {t}", p.in_words()),
            (Some(p), None) => format!("{within}{}", p.in_words()),
            (None, Some(t)) => format!("until {t}"),
            (None, None) => String::new(),
        }
    };
    if !period.or_earlier_at.is_empty() {
        let events: Vec<String> = period.or_earlier_at.iter().map(|t| event(*t)).collect();
        text = if text.is_empty() {
            format!("until {}", events.join(" or "))
        } else {
            format!(
                "{text}, or when {}, whichever comes first",
                events.join(" or ")
            )
        };
    }
    if let Some(d) = &period.decided_by {
        let who: Vec<String> = [
            d.description.clone(),
            d.party.as_ref().map(|p| match index {
                Some(index) => party_name(index, p),
                None => p.to_string(),
            }),
        ]
        .into_iter()
        .flatten()
        .collect();
        let decided = format!("as decided by {}", enumerate(&who));
        text = if text.is_empty() {
            decided
        } else {
            format!("{text}, {decided}")
        };
    }
    if let Some(hold) = &period.legal_hold {
        let held = legal_hold(hold, index);
        text = if text.is_empty() || period.indefinite {
            held
        } else {
            format!("{text}, or longer {held}")
        };
    }
    if let Some(until) = period.until {
        text = if text.is_empty() || text.starts_with("until ") {
            format!("until {until}")
        } else {
            format!("{text}, or until {until} if earlier")
        };
    }
    if text.is_empty() {
        NOT_STATED.to_owned()
    } else {
        text
    }
}

/// A legal hold in words: "until the hold set by the court over the case file is lifted".
fn legal_hold(hold: &LegalHold, index: Option<&RegisterIndex<'_>>) -> String {
    let who: Vec<String> = [
        hold.set_by.clone(),
        hold.party.as_ref().map(|p| match index {
            Some(index) => party_name(index, p),
            None => p.to_string(),
        }),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut text = "until the legal hold".to_owned();
    if !who.is_empty() {
        text.push_str(&format!(" set by {}", enumerate(&who)));
    }
    if let Some(scope) = &hold.scope {
        text.push_str(&format!(" over {scope}"));
    }
    text.push_str(" is lifted");
    match &hold.review_interval {
        Some(interval) if interval.is_zero() => text.push_str(", with a review interval of zero"),
        Some(interval) => text.push_str(&format!(", checked every {}", interval.in_words())),
        None => {}
    }
    text
}

/// The disposal actions of a rule in words, e.g. "deleted or anonymised".
pub(crate) fn disposal(actions: &[DisposalAction]) -> Option<String> {
    (!actions.is_empty()).then(|| {
        actions
            .iter()
            .map(|d| d.label())
            .collect::<Vec<_>>()
            .join(" or ")
    })
}

/// A retention rule as the items of a cell: the rule itself, then each exception on its own line.
pub(crate) fn retention_rule(
    rule: &RetentionRule,
    names: &CategoryNames<'_>,
    index: &RegisterIndex<'_>,
) -> Vec<String> {
    let covers = format!("{}{}", covered(rule, names), holder(index, rule));
    let mut text = format!("{covers}: ");
    for stage in &rule.stages {
        text.push_str(&format!(
            "{}: {}; ",
            retention_period_in(&stage.retention, index),
            actions(&stage.actions)
        ));
    }
    text.push_str(&retention_period_in(&rule.retention, index));
    if let Some(then) = disposal(&rule.disposal) {
        text.push_str(&format!(", then {then}"));
    }
    text.push_str(&retention_grounds(rule));
    if let Some(wording) = &rule.wording {
        text.push_str(&format!(
            " (in the register's words: \u{201c}{wording}\u{201d})"
        ));
    }
    if let Some(policy) = &rule.policy {
        text.push_str(&format!(" (policy: {})", document(index, policy)));
    }
    let mut items = vec![with_note(text, rule.note.as_ref())];
    for exception in &rule.exceptions {
        // An exception's own disposal, or that it states none: the rule's is not lent to it.
        // "The same data", not the rule's categories again, so the output stays linear.
        items.push(format!(
            "The same data, where {}: {}{}",
            lower_first(exception.condition.trim_end_matches('.')),
            retention_period_in(&exception.retention, index),
            match disposal(&exception.disposal) {
                Some(then) => format!(", then {then}"),
                None => " (disposal not stated for this exception)".to_owned(),
            }
        ));
    }
    items
}

/// Disposal or stage actions in words, e.g. "anonymised or deleted".
pub(crate) fn actions(list: &[DisposalAction]) -> String {
    disposal(list).unwrap_or_else(|| NOT_STATED.to_owned())
}

/// Who holds the data under a rule and in which system, e.g. " (held by Firetext)".
pub(crate) fn holder(index: &RegisterIndex<'_>, rule: &RetentionRule) -> String {
    let parts: Vec<String> = [
        rule.held_by
            .as_ref()
            .map(|p| format!("held by {}", party_name(index, p))),
        rule.system.as_ref().map(|s| format!("in {s}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(", "))
    }
}

/// The law and the reason a rule gives for its period, e.g. " (set by Limitation Act 1980;
/// reason: legal claims)".
pub(crate) fn retention_grounds(rule: &RetentionRule) -> String {
    let mut parts = Vec::new();
    if !rule.legal_sources.is_empty() {
        parts.push(format!("set by {}", enumerate(&rule.legal_sources)));
    }
    if let Some(reason) = &rule.reason {
        parts.push(format!("reason: {}", reason.trim_end_matches('.')));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join("; "))
    }
}

/// The names of an activity's data categories by id, built once per activity so that a rule or
/// recipient naming many categories is rendered in linear time.
pub(crate) struct CategoryNames<'a> {
    categories: std::collections::HashMap<&'a DataCategoryId, &'a DataCategory>,
    recipients: std::collections::HashMap<&'a RecipientId, &'a Recipient>,
    /// The activity's purposes, which a recipient may name as what it receives the data for.
    purposes: std::collections::HashMap<&'a PurposeId, &'a Purpose>,
    /// The register-wide recipients, indexed once for every activity.
    shared: Option<&'a RegisterIndex<'a>>,
    /// Whether the names are an activity's (false for the register-wide recipients).
    of_activity: bool,
}

impl<'a> CategoryNames<'a> {
    pub(crate) fn new(activity: &'a ProcessingActivity) -> Self {
        let mut categories =
            std::collections::HashMap::with_capacity(activity.data_categories.len());
        for c in &activity.data_categories {
            categories.entry(&c.id).or_insert(c);
        }
        let mut recipients = std::collections::HashMap::with_capacity(activity.recipients.len());
        for r in &activity.recipients {
            recipients.entry(&r.id).or_insert(r);
        }
        let mut purposes = std::collections::HashMap::with_capacity(activity.purposes.len());
        for p in &activity.purposes {
            purposes.entry(&p.id).or_insert(p);
        }
        Self {
            categories,
            recipients,
            purposes,
            shared: None,
            of_activity: true,
        }
    }

    /// The names for the register-wide recipients, which belong to no one activity: a data
    /// category they receive is named as the first activity holding its id names it, or by its id.
    pub(crate) fn register_wide(register: &'a Register) -> Self {
        let mut categories = std::collections::HashMap::new();
        for c in register.activities.iter().flat_map(|a| &a.data_categories) {
            categories.entry(&c.id).or_insert(c);
        }
        Self {
            categories,
            recipients: std::collections::HashMap::new(),
            purposes: std::collections::HashMap::new(),
            shared: None,
            of_activity: false,
        }
    }

    /// Adds the register-wide recipients, which receive every activity's data, from the index
    /// (built once, so that N activities do not each copy them); the activity's own come first
    /// where ids repeat.
    pub(crate) fn with_shared(mut self, index: &'a RegisterIndex<'a>) -> Self {
        self.shared = Some(index);
        self
    }

    /// The activity's recipient with this id (the first, where ids repeat).
    pub(crate) fn recipient(&self, id: &RecipientId) -> Option<&'a Recipient> {
        self.recipients
            .get(id)
            .copied()
            .or_else(|| self.shared?.register_recipient(id))
    }

    /// A data category where it is referred to: its name, a long one cut (see [`mention`]).
    pub(crate) fn name(&self, id: &DataCategoryId) -> String {
        match self.categories.get(id) {
            Some(c) => mention(&c.name, c.id.as_str()).into_owned(),
            None if !self.of_activity => format!("data category {}", bounded_id(id.as_str())),
            None => format!(
                "{} (not among the activity's data categories)",
                bounded_id(id.as_str())
            ),
        }
    }

    /// The purposes a recipient receives data for, by their descriptions (a long one cut), or
    /// by id where the activity has no such purpose.
    pub(crate) fn purposes(&self, ids: &[PurposeId]) -> String {
        let named: Vec<String> = ids
            .iter()
            .map(|id| match self.purposes.get(id) {
                Some(p) => mention(p.description.trim_end_matches('.'), id.as_str()).into_owned(),
                None => format!("purpose {}", bounded_id(id.as_str())),
            })
            .collect();
        enumerate(&named)
    }

    pub(crate) fn names(&self, ids: &[DataCategoryId]) -> String {
        enumerate(&ids.iter().map(|id| self.name(id)).collect::<Vec<_>>())
    }
}

/// What a retention rule covers, in words.
pub(crate) fn covered(rule: &RetentionRule, names: &CategoryNames<'_>) -> String {
    let categories = (!rule.data_categories.is_empty()).then(|| names.names(&rule.data_categories));
    match (&rule.applies_to, categories) {
        (Some(applies_to), Some(categories)) => format!("{applies_to} ({categories})"),
        (Some(applies_to), None) => applies_to.clone(),
        (None, Some(categories)) => categories,
        (None, None) => "All data".to_owned(),
    }
}

pub(crate) fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub(crate) fn basis(b: &LawfulBasis) -> String {
    let mut text = format!("Art {} {}", b.basis.citation(), b.basis.label());
    if !b.legal_sources.is_empty() {
        text.push_str(&format!(" under {}", enumerate(&b.legal_sources)));
    }
    if let Some(s8) = b.dpa_2018_section_8 {
        text.push_str(&format!(
            ", DPA 2018 s8({})",
            ["a", "b", "c", "d", "e"][Dpa2018Section8::ALL
                .iter()
                .position(|x| *x == s8)
                .unwrap_or(0)]
        ));
    }
    if let Some(form) = b.consent.as_ref().and_then(|c| c.form) {
        text.push_str(&format!(", {} consent", form.label()));
    }
    if let Some(given) = b.consent.as_ref().and_then(|c| c.given.as_ref()) {
        text.push_str(&format!(", given {}", lower_first(given)));
    }
    text
}

pub(crate) fn data_category(c: &DataCategory) -> String {
    let mut text = c.name.clone();
    if let Some(description) = &c.description {
        text.push_str(&format!(" ({description})"));
    }
    if let Some(kind) = c.special_category {
        text.push_str(&format!(" [special category: {}]", kind.label()));
    } else if c.may_include_special_category {
        text.push_str(" [may include special category data]");
    }
    if c.criminal_offence {
        text.push_str(" [criminal offence data]");
    }
    if let Some(provision) = c.provision {
        text.push_str(&format!(" ({})", provision.label()));
    }
    if !c.lawful_bases.is_empty() {
        let bases: Vec<String> = c.lawful_bases.iter().map(basis).collect();
        text.push_str(&format!(" (lawful basis: {})", bases.join("; and ")));
    }
    text + &taxonomy(&c.taxonomy)
}

/// The taxonomy keys of a category or purpose as a tag, " [taxonomy: fides:user.name]", or
/// nothing where it has none.
pub(crate) fn taxonomy(keys: &[crate::model::TaxonomyKey]) -> String {
    if keys.is_empty() {
        return String::new();
    }
    let keys: Vec<&str> = keys.iter().map(|k| k.as_str()).collect();
    format!(" [taxonomy: {}]", keys.join(", "))
}

/// Who a recipient is: the party's name, or the category, without repeating one inside the other.
pub(crate) fn recipient_name(index: &RegisterIndex<'_>, r: &Recipient) -> String {
    match (&r.party, &r.category) {
        (Some(id), Some(category)) => {
            let name = party_name(index, id);
            if category.contains(&name) {
                category.clone()
            } else {
                format!("{name} ({category})")
            }
        }
        (Some(id), None) => party_name(index, id),
        (None, Some(category)) => category.clone(),
        (None, None) => r.id.to_string(),
    }
}

/// A recipient with everything the register says about the disclosure: role, what it receives,
/// the form, the condition, its agreement, where it is, and the sub-processors of its party.
pub(crate) fn recipient(
    index: &RegisterIndex<'_>,
    r: &Recipient,
    names: &CategoryNames<'_>,
) -> String {
    let mut text = recipient_name(index, r);
    if let Some(role) = r.role {
        text.push_str(&format!(", {}", role.label()));
    }
    if let Some(description) = &r.description {
        text.push_str(&format!(": {}", description.trim_end_matches('.')));
    }
    if !r.data_categories.is_empty() {
        text.push_str(&format!("; receives {}", names.names(&r.data_categories)));
    }
    if !r.purposes.is_empty() {
        text.push_str(&format!("; for {}", names.purposes(&r.purposes)));
    }
    if let Some(form) = r.data_form {
        text.push_str(&format!("; {}", form.label()));
    }
    if let Some(condition) = &r.condition {
        text.push_str(&format!(
            "; {}",
            lower_first(condition.trim_end_matches('.'))
        ));
    }
    if let Some(consent) = &r.consent {
        text.push_str("; only with your consent");
        if let Some(given) = &consent.given {
            text.push_str(&format!(
                ", given {}",
                lower_first(given.trim_end_matches('.'))
            ));
        }
        if let Some(withdrawal) = &consent.withdrawal {
            text.push_str(&format!(
                ", withdrawn {}",
                lower_first(withdrawal.trim_end_matches('.'))
            ));
        }
    }
    if !r.lawful_bases.is_empty() {
        let bases: Vec<String> = r.lawful_bases.iter().map(basis).collect();
        text.push_str(&format!(
            "; lawful basis of the disclosure: {}",
            bases.join("; and ")
        ));
    }
    if let Some(exemption) = &r.exemption {
        text.push_str(&format!("; exemption relied on: {exemption}"));
    }
    if let Some(c) = r.country {
        text.push_str(&format!("; in {}", country(c)));
    }
    if let Some(agreement) = &r.agreement {
        text.push_str(&format!("; agreement: {}", document(index, agreement)));
    }
    let sub_processors: Vec<String> = r
        .party
        .as_ref()
        .and_then(|id| index.party(id))
        .map(|p| {
            p.sub_processors
                .iter()
                .map(|s| party_name(index, s))
                .collect()
        })
        .unwrap_or_default();
    if !sub_processors.is_empty() {
        text.push_str(&format!("; sub-processors: {}", enumerate(&sub_processors)));
    }
    text
}

/// A country as reports print it: its name beside its code, "United States (US)".
pub(crate) fn country(c: CountryCode) -> String {
    format!("{} ({c})", c.name())
}

pub(crate) fn special_condition(c: &SpecialCategoryCondition) -> String {
    let mut text = format!("Art {} {}", c.condition.citation(), c.condition.label());
    if !c.legal_sources.is_empty() {
        text.push_str(&format!(" under {}", enumerate(&c.legal_sources)));
    }
    if let Some(p) = c.schedule_1_paragraph {
        text.push_str(&format!(
            "; DPA 2018 Sch 1 para {} ({})",
            p.paragraph(),
            p.heading()
        ));
    } else if let Some(part) = c.schedule_1_part {
        text.push_str(&format!(
            "; DPA 2018 Sch 1 {} (no paragraph named)",
            part.label()
        ));
    }
    if let Some(description) = &c.description {
        text.push_str(&format!(
            " (in the register's words: \u{201c}{description}\u{201d})"
        ));
    }
    text
}

/// A purpose's opt-out route, where it has one, to follow its description.
pub(crate) fn opt_out(p: &Purpose) -> String {
    match &p.opt_out {
        Some(route) => format!(
            " (to opt out: {})",
            lower_first(route.trim_end_matches('.'))
        ),
        None => String::new(),
    }
}

/// A restriction of rights in words.
pub(crate) fn rights_restriction(r: &RightsRestriction) -> String {
    let rights = if r.rights.is_empty() {
        "Rights not named".to_owned()
    } else {
        capital(
            &r.rights
                .iter()
                .map(|x| x.label())
                .collect::<Vec<_>>()
                .join(", "),
        )
    };
    let mut text = format!("{rights}: restricted under {}", r.ground);
    if let Some(d) = &r.description {
        text.push_str(&format!(" ({})", d.trim_end_matches('.')));
    }
    text
}

/// The organisation's role with its changes over the data's life, one item each.
pub(crate) fn role(a: &ProcessingActivity) -> Vec<String> {
    let mut items = vec![capital(a.role.label())];
    for change in &a.role_changes {
        let mut text = format!(
            "From {}: {}",
            lower_first(&change.from),
            change.role.label()
        );
        if let Some(d) = &change.description {
            text.push_str(&format!(" ({d})"));
        }
        items.push(text);
    }
    items
}
