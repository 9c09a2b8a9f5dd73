//! Special category (Art 9) and criminal offence (Art 10) data.

use std::io;

use super::ReportOptions;
use super::sink::{Cell, Sink};
use super::text::*;
use crate::model::labels::{Label, capital};
use crate::model::*;

pub(crate) fn render(
    register: &Register,
    options: &ReportOptions,
    sink: &mut dyn Sink,
) -> io::Result<()> {
    let index = register.index();
    let uk_law = crate::validate::uk_law_applies(register, options.validation.regime);
    sink.begin(&format!(
        "Special category and criminal offence data: {}",
        super::organisation_name(register)
    ))?;
    if uk_law {
        sink.paragraph(&format!("Every activity with Art 9 or Art 10 data, as of {}: the data, the Art 9(2) condition, the DPA 2018 Schedule 1 condition, the appropriate policy document and the Sch 1 para 41 entries.", options.date()))?;
    } else {
        sink.paragraph(&format!("Every activity with Art 9 or Art 10 data, as of {}: the data and the Art 9(2) condition or Art 10 authority. The DPA 2018 does not apply under the regime, so Schedule 1 entries are shown only where the register records them.", options.date()))?;
    }
    // The findings about this data, by activity, so that each activity shows its own.
    let report = crate::validate::validate(register, &options.validation);
    let mut findings: Vec<Vec<&crate::validate::Finding>> =
        vec![Vec::new(); register.activities.len()];
    for f in &report.findings {
        if crate::validate::SPECIAL_CATEGORY_RULES.contains(&f.rule)
            && let Some((i, _, _)) = super::transfers::locate(&f.path)
            && let Some(list) = findings.get_mut(i)
        {
            list.push(f);
        }
    }
    let mut any = false;
    for (i, a) in register.activities.iter().enumerate().filter(|(_, a)| {
        a.has_special_category_data()
            || a.has_criminal_offence_data()
            || !a.special_category_conditions.is_empty()
            || !a.criminal_offence_conditions.is_empty()
    }) {
        any = true;
        activity(sink, &index, uk_law, a)?;
        findings_table(sink, a, &findings[i])?;
    }
    if !any {
        sink.paragraph("The register records no special category or criminal offence data.")?;
    }
    sink.end()
}

/// One activity's special category and criminal offence data, and the conditions it relies on.
fn activity(
    sink: &mut dyn Sink,
    index: &RegisterIndex<'_>,
    uk_law: bool,
    a: &ProcessingActivity,
) -> io::Result<()> {
    let names = CategoryNames::new(a).with_shared(index);
    let purposes: std::collections::HashMap<&PurposeId, &Purpose> =
        a.purposes.iter().rev().map(|p| (&p.id, p)).collect();
    sink.heading(2, &a.name)?;
    let data: Vec<String> = a
        .data_categories
        .iter()
        .filter(|c| c.is_special_category() || c.criminal_offence)
        .map(data_category)
        .collect();
    sink.fields(
        &format!(
            "Special category and criminal offence data of \u{2018}{}\u{2019}",
            a.name
        ),
        &[
            ("Data", join_or_not_stated(data)),
            ("Role", one(capital(a.role.label()))),
        ],
    )?;
    // Schedule 1 columns where UK law applies, or where the register records Schedule 1 entries.
    let schedule_1 = uk_law || records_schedule_1(a);
    let mut headers = vec!["Condition", "Covers"];
    if schedule_1 {
        headers.extend([
            "Schedule 1 condition",
            "Appropriate policy document",
            "Art 6 basis (para 41)",
            "Retained per policy (para 41)",
            "Reasons for not following it",
        ]);
    }
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    for c in &a.special_category_conditions {
        rows.push(condition_row(index, &names, &purposes, schedule_1, c));
    }
    for c in &a.criminal_offence_conditions {
        rows.push(authority_row(index, &names, schedule_1, c));
    }
    if rows.is_empty() {
        sink.paragraph("No Art 9(2) condition or Art 10 authority is recorded.")?;
    } else {
        sink.table(
            &format!("Conditions relied on in \u{2018}{}\u{2019}", a.name),
            &headers,
            &rows,
        )?;
    }
    Ok(())
}

/// The findings about the activity's special category and criminal offence data, as the findings
/// report gives them; a sentence where there are none.
fn findings_table(
    sink: &mut dyn Sink,
    a: &ProcessingActivity,
    findings: &[&crate::validate::Finding],
) -> io::Result<()> {
    if findings.is_empty() {
        return sink.paragraph("Validation finds nothing about this data.");
    }
    let rows: Vec<Vec<Cell>> = findings
        .iter()
        .map(|f| {
            let mut finding = vec![f.message.clone()];
            if f.is_suppressed() {
                let reason = f.policy.as_ref().map(|n| n.reason.as_str()).unwrap_or("");
                finding.push(format!("Accepted by the organisation's policy: {reason}"));
            }
            vec![
                vec![f.rule.to_owned(), format!("({})", f.severity)],
                one(format!("Pointer: {}", f.display_path())),
                finding,
                one(f.citation.clone()),
            ]
        })
        .collect();
    sink.table(
        &format!("Findings about the data of \u{2018}{}\u{2019}", a.name),
        &[super::sink::RULE, "Where", "Finding", "Citation"],
        &rows,
    )
}

/// Whether any condition of the activity records a Schedule 1 entry.
fn records_schedule_1(a: &ProcessingActivity) -> bool {
    a.special_category_conditions.iter().any(|c| {
        c.schedule_1_paragraph.is_some()
            || c.schedule_1_part.is_some()
            || c.policy_document.is_some()
            || c.para_41.is_some()
    }) || a.criminal_offence_conditions.iter().any(|c| {
        c.schedule_1_paragraph.is_some() || c.policy_document.is_some() || c.para_41.is_some()
    })
}

/// The row of an Art 9(2) condition: what it covers and, where shown, its Schedule 1 entries.
fn condition_row(
    index: &RegisterIndex<'_>,
    names: &CategoryNames<'_>,
    purposes: &std::collections::HashMap<&PurposeId, &Purpose>,
    schedule_1: bool,
    c: &SpecialCategoryCondition,
) -> Vec<Cell> {
    let mut covers: Vec<String> = c.data_categories.iter().map(|id| names.name(id)).collect();
    covers.extend(c.recipients.iter().map(|id| {
        format!(
            "Disclosures to {}",
            names
                .recipient(id)
                .map(|r| recipient_name(index, r))
                .unwrap_or_else(|| format!("{id} (not among the activity's recipients)"))
        )
    }));
    covers.extend(
        c.purposes
            .iter()
            .map(|id| format!("For the purpose {}", purpose_name(purposes, id))),
    );
    let mut row = vec![
        one(special_condition_only(c)),
        if covers.is_empty() {
            one("All special category data of the activity")
        } else {
            covers
        },
    ];
    if schedule_1 {
        row.push(one(c
            .schedule_1_paragraph
            .map(|p| format!("para {} {}", p.paragraph(), p.heading()))
            .or(c
                .schedule_1_part
                .map(|p| format!("{} (no paragraph named)", p.label())))
            .unwrap_or_else(|| NOT_STATED.to_owned())));
        row.extend(policy_cells(
            index,
            c.policy_document.as_ref(),
            c.para_41.as_ref(),
        ));
    }
    row
}

/// The row of an Art 10 authority: what it covers and, where shown, its Schedule 1 entries.
fn authority_row(
    index: &RegisterIndex<'_>,
    names: &CategoryNames<'_>,
    schedule_1: bool,
    c: &CriminalOffenceCondition,
) -> Vec<Cell> {
    let mut condition = format!("Art 10: {}", c.authority.label());
    if !c.legal_sources.is_empty() {
        condition.push_str(&format!(" under {}", enumerate(&c.legal_sources)));
    }
    if let Some(description) = &c.description {
        condition.push_str(&format!(" ({description})"));
    }
    let mut row = vec![
        one(condition),
        if c.data_categories.is_empty() {
            one("All criminal offence data of the activity")
        } else {
            c.data_categories.iter().map(|id| names.name(id)).collect()
        },
    ];
    if schedule_1 {
        row.push(one(c
            .schedule_1_paragraph
            .map(|p| format!("para {} {}", p.paragraph(), p.heading()))
            .unwrap_or_else(|| NOT_STATED.to_owned())));
        row.extend(policy_cells(
            index,
            c.policy_document.as_ref(),
            c.para_41.as_ref(),
        ));
    }
    row
}

/// The Art 9(2) condition with the law and description the register gives, without the
/// Schedule 1 entry (which has its own column).
fn special_condition_only(c: &SpecialCategoryCondition) -> String {
    let mut text = format!("Art {} {}", c.condition.citation(), c.condition.label());
    if !c.legal_sources.is_empty() {
        text.push_str(&format!(" under {}", enumerate(&c.legal_sources)));
    }
    if let Some(description) = &c.description {
        text.push_str(&format!(": {description}"));
    }
    text
}

fn purpose_name(
    purposes: &std::collections::HashMap<&PurposeId, &Purpose>,
    id: &PurposeId,
) -> String {
    purposes
        .get(id)
        .map(|p| format!("\u{2018}{}\u{2019}", p.description.trim_end_matches('.')))
        .unwrap_or_else(|| format!("{id} (not among the activity's purposes)"))
}

/// The appropriate policy document and the three para 41 entries, as table cells.
fn policy_cells(
    index: &RegisterIndex<'_>,
    policy: Option<&DocumentId>,
    record: Option<&Para41Record>,
) -> [Cell; 4] {
    let entry = |get: fn(&Para41Record) -> Option<String>| {
        one(record
            .and_then(get)
            .unwrap_or_else(|| NOT_STATED.to_owned()))
    };
    [
        one(policy
            .map(|d| document(index, d))
            .unwrap_or_else(|| NOT_STATED.to_owned())),
        entry(|r| r.article_6_basis.clone()),
        entry(|r| r.retained_per_policy.map(|yes| yes_no(yes).to_owned())),
        entry(|r| r.reasons_for_not_following_policy.clone()),
    ]
}
