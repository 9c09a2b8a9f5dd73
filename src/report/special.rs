//! Special category (Art 9) and criminal offence (Art 10) data.

use std::io;

use super::ReportOptions;
use super::sink::Sink;
use super::text::*;
use crate::*;

pub(crate) fn render(
    register: &Register,
    options: &ReportOptions,
    sink: &mut dyn Sink,
) -> io::Result<()> {
    let index = register.index();
    sink.begin(&format!(
        "Special category and criminal offence data: {}",
        super::organisation_name(register)
    ))?;
    sink.paragraph(&format!("Every activity with Art 9 or Art 10 data, as of {}: the data, the Art 9(2) condition, the DPA 2018 Schedule 1 condition, the appropriate policy document and the Sch 1 para 41 entries.", options.date()))?;
    let mut any = false;
    for a in register.activities.iter().filter(|a| {
        a.has_special_category_data()
            || a.has_criminal_offence_data()
            || !a.special_category_conditions.is_empty()
    }) {
        any = true;
        sink.heading(2, &a.name)?;
        let data: Vec<String> = a
            .data_categories
            .iter()
            .filter(|c| c.is_special_category() || c.criminal_offence)
            .map(data_category)
            .collect();
        sink.fields(&[
            ("Data", join_or_not_stated(data)),
            ("Role", words(a.role.as_str())),
        ])?;
        let headers = [
            "Art 9(2) condition",
            "Schedule 1 condition",
            "Covers",
            "Appropriate policy document",
            "Art 6 basis (para 41)",
            "Retained per policy (para 41)",
            "Reasons for not following it",
        ];
        let mut rows = Vec::new();
        let names = CategoryNames::of(a);
        for c in &a.special_category_conditions {
            let covers: Vec<String> = c
                .data_categories
                .iter()
                .map(|id| names.name(id).map_or_else(|| id.to_string(), str::to_owned))
                .chain(c.recipients.iter().map(|id| format!("disclosures to {id}")))
                .collect();
            rows.push(vec![
                format!(
                    "Art {} {}",
                    c.condition.citation(),
                    words(c.condition.as_str())
                ),
                c.schedule_1_paragraph
                    .map(|p| format!("para {} {}", p.paragraph(), p.heading()))
                    .or(c
                        .schedule_1_part
                        .map(|p| format!("{} (no paragraph named)", words(p.as_str()))))
                    .unwrap_or_else(|| NOT_STATED.to_owned()),
                if covers.is_empty() {
                    "All special category data of the activity".to_owned()
                } else {
                    covers.join(", ")
                },
            ]);
            rows.last_mut().into_iter().for_each(|row| {
                row.extend(policy_cells(
                    &index,
                    c.policy_document.as_ref(),
                    c.para_41.as_ref(),
                ))
            });
        }
        for c in &a.criminal_offence_conditions {
            rows.push(vec![
                format!("Art 10: {}", words(c.authority.as_str())),
                c.schedule_1_paragraph
                    .map(|p| format!("para {} {}", p.paragraph(), p.heading()))
                    .unwrap_or_else(|| NOT_STATED.to_owned()),
                "Criminal offence data".to_owned(),
            ]);
            rows.last_mut().into_iter().for_each(|row| {
                row.extend(policy_cells(
                    &index,
                    c.policy_document.as_ref(),
                    c.para_41.as_ref(),
                ))
            });
        }
        if rows.is_empty() {
            sink.paragraph("No Art 9(2) condition or Art 10 authority is recorded.")?;
        } else {
            sink.table(&headers, &rows)?;
        }
    }
    if !any {
        sink.paragraph("The register records no special category or criminal offence data.")?;
    }
    sink.end()
}

/// The appropriate policy document and the three para 41 entries, as table cells.
fn policy_cells(
    index: &RegisterIndex<'_>,
    policy: Option<&DocumentId>,
    record: Option<&Para41Record>,
) -> [String; 4] {
    let entry = |get: fn(&Para41Record) -> Option<String>| {
        record
            .and_then(get)
            .unwrap_or_else(|| NOT_STATED.to_owned())
    };
    [
        policy
            .map(|d| document(index, d))
            .unwrap_or_else(|| NOT_STATED.to_owned()),
        entry(|r| r.article_6_basis.clone()),
        entry(|r| r.retained_per_policy.map(|yes| yes_no(yes).to_owned())),
        entry(|r| r.reasons_for_not_following_policy.clone()),
    ]
}
