//! Plain-language wording of the model's values, shared by every report.

use crate::*;

/// What a report says where the register says nothing.
pub(crate) const NOT_STATED: &str = "Not stated";

/// A vocabulary value in words: `racial_or_ethnic_origin` becomes "racial or ethnic origin".
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

/// Joins non-empty parts with "; ", or says the register states nothing.
pub(crate) fn join_or_not_stated(parts: Vec<String>) -> String {
    join_or(parts, NOT_STATED)
}

/// Joins non-empty parts with "; ", or gives `empty`.
pub(crate) fn join_or(parts: Vec<String>, empty: &str) -> String {
    let parts: Vec<String> = parts.into_iter().filter(|p| !p.trim().is_empty()).collect();
    if parts.is_empty() {
        empty.to_owned()
    } else {
        parts.join("; ")
    }
}

pub(crate) fn contact(contact: &Contact) -> String {
    let values: Vec<&str> = [
        &contact.address,
        &contact.email,
        &contact.phone,
        &contact.web,
    ]
    .into_iter()
    .flatten()
    .map(String::as_str)
    .collect();
    match &contact.label {
        Some(label) if values.is_empty() => label.clone(),
        Some(label) => format!("{label}: {}", values.join(", ")),
        None => values.join(", "),
    }
}

pub(crate) fn contacts(list: &[Contact]) -> String {
    join_or_not_stated(list.iter().map(contact).collect())
}

pub(crate) fn party(index: &RegisterIndex<'_>, id: &PartyId) -> String {
    match index.party(id) {
        Some(p) => {
            let mut text = p.name.clone();
            if p.contacts.iter().any(Contact::is_reachable) {
                text.push_str(&format!(" ({})", contacts(&p.contacts)));
            }
            text.push_str(&party_facts(p));
            text
        }
        None => format!("{id} (not in the register's parties)"),
    }
}

/// What a party's record says beyond its name and contacts: that it is a class and where its
/// list is kept, its registrations, its own privacy notice and who legally represents it. Empty
/// when it says none of these.
pub(crate) fn party_facts(p: &Party) -> String {
    let mut facts = Vec::new();
    if p.class {
        facts.push(match &p.list {
            Some(list) => format!("a class of organisations, listed at {list}"),
            None => "a class of organisations; where their list is kept is not stated".to_owned(),
        });
    }
    for r in &p.registrations {
        let register = match (r.kind, &r.register) {
            (_, Some(name)) => name.clone(),
            (RegistrationKind::IcoRegistration, None) => "ICO registration".to_owned(),
            (kind, None) => format!("{} number", words(kind.as_str())),
        };
        facts.push(format!("{register} {}", r.number));
    }
    if let Some(notice) = &p.privacy_notice {
        facts.push(format!("privacy notice: {notice}"));
    }
    if let Some(r) = &p.legal_representative {
        let who: Vec<&str> = [&r.name, &r.position]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        facts.push(format!(
            "legally represented by {}",
            join_or_not_stated(who.iter().map(|s| s.to_string()).collect()).replace("; ", ", ")
        ));
    }
    if facts.is_empty() {
        String::new()
    } else {
        format!(" [{}]", facts.join("; "))
    }
}

pub(crate) fn party_name(index: &RegisterIndex<'_>, id: &PartyId) -> String {
    index
        .party(id)
        .map(|p| p.name.clone())
        .unwrap_or_else(|| id.to_string())
}

pub(crate) fn document(index: &RegisterIndex<'_>, id: &DocumentId) -> String {
    match index.document(id) {
        Some(d) => match &d.location {
            Some(location) => format!("{} ({location})", d.title),
            None => d.title.clone(),
        },
        None => format!("{id} (not in the register's documents)"),
    }
}

pub(crate) fn duration(d: &IsoDuration) -> String {
    let mut parts = Vec::new();
    for (n, unit) in [
        (d.year_part(), "year"),
        (d.month_part(), "month"),
        (d.week_part(), "week"),
        (d.day_part(), "day"),
    ] {
        if let Some(n) = n {
            parts.push(format!("{n} {unit}{}", if n == 1 { "" } else { "s" }));
        }
    }
    if parts.iter().all(|p| p.starts_with("0 ")) {
        "immediately".to_owned()
    } else {
        parts.join(" ")
    }
}

pub(crate) fn trigger(period: &RetentionPeriod) -> Option<String> {
    if let Some(description) = &period.trigger_description {
        return Some(description.clone());
    }
    period.trigger.map(|t| match t {
        RetentionTrigger::Collection => "collection".to_owned(),
        RetentionTrigger::LastContact => "the last contact".to_owned(),
        RetentionTrigger::EndOfRelationship => "the end of the relationship".to_owned(),
        RetentionTrigger::EnquiryResponse => "our response to the enquiry".to_owned(),
        RetentionTrigger::EndOfActivity => "the end of the activity".to_owned(),
        RetentionTrigger::CaseClosure => "the case is closed".to_owned(),
        RetentionTrigger::ConsentWithdrawal => "consent is withdrawn".to_owned(),
        RetentionTrigger::Recording => "the recording".to_owned(),
        other => event(other),
    })
}

/// A retention event in words.
pub(crate) fn event(t: RetentionTrigger) -> String {
    match t {
        RetentionTrigger::LastActivity => "the last activity or login".to_owned(),
        RetentionTrigger::AccountClosure => "the account is closed".to_owned(),
        RetentionTrigger::Objection => "you object".to_owned(),
        RetentionTrigger::ErasureRequest => "you ask for erasure".to_owned(),
        RetentionTrigger::ConsentWithdrawal => "consent is withdrawn".to_owned(),
        other => words(other.as_str()),
    }
}

pub(crate) fn retention_period(period: &RetentionPeriod) -> String {
    let mut text = if period.not_retained {
        "not stored at all".to_owned()
    } else if period.indefinite {
        match &period.review_interval {
            Some(interval) => format!("indefinitely, reviewed every {}", duration(interval)),
            None => "indefinitely, with no review".to_owned(),
        }
    } else {
        let within = if period.bound == Some(PeriodBound::Within) {
            "within "
        } else {
            ""
        };
        match (&period.period, trigger(period)) {
            (Some(p), Some(t)) => format!("{within}{} after {t}", duration(p)),
            (Some(p), None) => format!("{within}{}", duration(p)),
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
            d.party.as_ref().map(|p| p.to_string()),
        ]
        .into_iter()
        .flatten()
        .collect();
        let decided = format!("as decided by {}", join_or_not_stated(who));
        text = if text.is_empty() {
            decided
        } else {
            format!("{text}, {decided}")
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

pub(crate) fn retention_rule(
    index: &RegisterIndex<'_>,
    rule: &RetentionRule,
    names: &CategoryNames<'_>,
) -> String {
    let covers = covered(rule, names);
    let mut text = format!("{covers}{}: ", holder(index, rule));
    for stage in &rule.stages {
        text.push_str(&format!(
            "{}: {}; ",
            retention_period(&stage.retention),
            actions(&stage.actions)
        ));
    }
    text.push_str(&retention_period(&rule.retention));
    for exception in &rule.exceptions {
        text.push_str(&format!(
            "; where {}: {}",
            lower_first(&exception.condition),
            retention_period(&exception.retention)
        ));
        if !exception.disposal.is_empty() {
            text.push_str(&format!(", then {}", actions(&exception.disposal)));
        }
    }
    if !rule.disposal.is_empty() {
        text.push_str(&format!("; then {}", actions(&rule.disposal)));
    }
    text.push_str(&retention_grounds(rule));
    text
}

/// Disposal or stage actions in words, e.g. "anonymise or delete".
pub(crate) fn actions(list: &[DisposalAction]) -> String {
    list.iter()
        .map(|d| words(d.as_str()))
        .collect::<Vec<_>>()
        .join(" or ")
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
        parts.push(format!("set by {}", rule.legal_sources.join(", ")));
    }
    if let Some(reason) = &rule.reason {
        parts.push(format!("reason: {reason}"));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join("; "))
    }
}

/// What a retention rule covers, in words.
pub(crate) fn covered(rule: &RetentionRule, names: &CategoryNames<'_>) -> String {
    if let Some(applies_to) = &rule.applies_to {
        return applies_to.clone();
    }
    if rule.data_categories.is_empty() {
        return "All data".to_owned();
    }
    let names: Vec<String> = rule
        .data_categories
        .iter()
        .map(|id| names.name(id).map_or_else(|| id.to_string(), str::to_owned))
        .collect();
    names.join(", ")
}

/// The position of the first of `ids` equal to an id: scanned while they are few, hashed once when
/// they are many, so that resolving every reference of a long list stays linear.
pub(crate) fn first_positions<'a>(
    ids: impl Iterator<Item = &'a str> + Clone,
) -> impl Fn(&str) -> Option<usize> {
    let many = ids.clone().nth(crate::validate::SCAN_LIMIT).is_some();
    let map: Option<foldhash::HashMap<&'a str, usize>> = many.then(|| {
        let mut map = foldhash::HashMap::default();
        for (i, id) in ids.clone().enumerate() {
            map.entry(id).or_insert(i);
        }
        map
    });
    move |id| match &map {
        Some(map) => map.get(id).copied(),
        None => ids.clone().position(|x| x == id),
    }
}

/// The names of one activity's data categories by id: scanned while they are few, hashed once
/// when they are many, so that naming every category a rule or condition lists stays linear.
pub(crate) struct CategoryNames<'a> {
    categories: &'a [DataCategory],
    map: Option<foldhash::HashMap<&'a str, &'a str>>,
}

impl<'a> CategoryNames<'a> {
    pub(crate) fn of(activity: &'a ProcessingActivity) -> Self {
        let categories = activity.data_categories.as_slice();
        let map = (categories.len() > crate::validate::SCAN_LIMIT).then(|| {
            let mut map = foldhash::HashMap::default();
            for c in categories {
                // The first category with an id names it, as a scan would find.
                map.entry(c.id.as_str()).or_insert(c.name.as_str());
            }
            map
        });
        Self { categories, map }
    }

    /// The name of the category with this id, if the activity has one.
    pub(crate) fn name(&self, id: &DataCategoryId) -> Option<&'a str> {
        match &self.map {
            Some(map) => map.get(id.as_str()).copied(),
            None => self
                .categories
                .iter()
                .find(|c| &c.id == id)
                .map(|c| c.name.as_str()),
        }
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
        text.push_str(&format!(" ({})", b.legal_sources.join(", ")));
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
        text.push_str(&format!(", {} consent", words(form.as_str())));
    }
    if let Some(given) = b.consent.as_ref().and_then(|c| c.given.as_ref()) {
        text.push_str(&format!(", given {}", lower_first(given)));
    }
    text
}

pub(crate) fn data_category(c: &DataCategory) -> String {
    let mut text = c.name.clone();
    if let Some(kind) = c.special_category {
        text.push_str(&format!(" [special category: {}]", words(kind.as_str())));
    } else if c.may_include_special_category {
        text.push_str(" [may include special category data]");
    }
    if c.criminal_offence {
        text.push_str(" [criminal offence data]");
    }
    if c.provision == Some(Provision::Optional) {
        text.push_str(" (optional)");
    }
    if !c.lawful_bases.is_empty() {
        let bases: Vec<String> = c.lawful_bases.iter().map(basis).collect();
        text.push_str(&format!(" (lawful basis: {})", bases.join("; ")));
    }
    text
}

pub(crate) fn recipient(index: &RegisterIndex<'_>, r: &Recipient) -> String {
    let mut text = match (&r.party, &r.category) {
        (Some(id), Some(category)) => format!("{} ({category})", party_name(index, id)),
        (Some(id), None) => party_name(index, id),
        (None, Some(category)) => category.clone(),
        (None, None) => r.id.to_string(),
    };
    if let Some(role) = r.role {
        text.push_str(&format!(", {}", words(role.as_str())));
    }
    if let Some(form) = r.data_form {
        text.push_str(&format!(", {} data", words(form.as_str())));
    }
    if let Some(condition) = &r.condition {
        text.push_str(&format!(", {}", lower_first(condition)));
    }
    if let Some(consent) = &r.consent {
        text.push_str(", only with your consent");
        if let Some(given) = &consent.given {
            text.push_str(&format!(", given {}", lower_first(given)));
        }
        if let Some(withdrawal) = &consent.withdrawal {
            text.push_str(&format!(", withdrawn {}", lower_first(withdrawal)));
        }
    }
    text
}

/// A purpose in words, with its opt-out route where it has one.
pub(crate) fn purpose_text(p: &Purpose) -> String {
    match &p.opt_out {
        Some(route) => format!("{} (to opt out: {})", p.description, lower_first(route)),
        None => p.description.clone(),
    }
}

/// A restriction of rights in words.
pub(crate) fn rights_restriction(r: &RightsRestriction) -> String {
    let rights = if r.rights.is_empty() {
        "rights not named".to_owned()
    } else {
        r.rights
            .iter()
            .map(|x| words(x.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut text = format!("{rights}: restricted under {}", r.ground);
    if let Some(d) = &r.description {
        text.push_str(&format!(" ({d})"));
    }
    text
}

/// The organisation's role with its changes over the data's life.
pub(crate) fn role(a: &ProcessingActivity) -> String {
    let mut text = words(a.role.as_str());
    for change in &a.role_changes {
        text.push_str(&format!(
            "; from {}: {}",
            lower_first(&change.from),
            words(change.role.as_str())
        ));
        if let Some(d) = &change.description {
            text.push_str(&format!(" ({d})"));
        }
    }
    text
}

pub(crate) fn destination(t: &Transfer) -> String {
    match t.destination {
        TransferDestination::Country => t
            .country
            .map(|c| c.to_string())
            .unwrap_or_else(|| "a country not named".to_owned()),
        TransferDestination::InternationalOrganisation => t
            .organisation
            .clone()
            .unwrap_or_else(|| "an international organisation not named".to_owned()),
        TransferDestination::Worldwide => "Worldwide (published)".to_owned(),
        TransferDestination::Region => t
            .region
            .map(|r| format!("A region: {}", r.label()))
            .unwrap_or_else(|| "a region not named".to_owned()),
    }
}

pub(crate) fn mechanism(t: &Transfer) -> String {
    match (t.mechanism, t.derogation) {
        (Some(TransferMechanism::Derogation), Some(d)) => {
            format!("derogation: {} ({})", words(d.as_str()), d.citation())
        }
        (Some(m), _) => format!("{} ({})", words(m.as_str()), m.citation()),
        (None, _) => "No mechanism stated".to_owned(),
    }
}

pub(crate) fn special_condition(c: &SpecialCategoryCondition) -> String {
    let mut text = format!(
        "Art {} {}",
        c.condition.citation(),
        words(c.condition.as_str())
    );
    if let Some(p) = c.schedule_1_paragraph {
        text.push_str(&format!(
            "; DPA 2018 Sch 1 para {} ({})",
            p.paragraph(),
            p.heading()
        ));
    } else if let Some(part) = c.schedule_1_part {
        text.push_str(&format!(
            "; DPA 2018 Sch 1 {} (no paragraph named)",
            words(part.as_str())
        ));
    }
    text
}
