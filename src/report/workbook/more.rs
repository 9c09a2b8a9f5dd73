//! The `More` sheet: every fact of the register that the template has no column for, one a row
//! by its JSON Pointer, so that the workbook holds everything the register does.

use rust_xlsxwriter::{Format, Worksheet, XlsxError};
use serde_json::Value;

use crate::io::escape_token;
use crate::model::Register;

/// Whether the template carries the value at this pointer (an activity's field, with the
/// positions in lists written as `*`).
pub(super) fn carried(pattern: &str) -> bool {
    const CARRIED: &[&str] = &[
        "/activities/*/name",
        "/activities/*/business_function",
        "/activities/*/purposes/*/description",
        "/activities/*/purposes/*/lawful_bases/*/basis",
        "/activities/*/purposes/*/lawful_bases/*/legal_sources/*",
        "/activities/*/purposes/*/lawful_bases/*/interest",
        "/activities/*/lawful_bases/*/basis",
        "/activities/*/lawful_bases/*/legal_sources/*",
        "/activities/*/lawful_bases/*/interest",
        "/activities/*/data_subjects/*/name",
        "/activities/*/data_categories/*/name",
        "/activities/*/special_category_conditions/*/condition",
        "/activities/*/special_category_conditions/*/schedule_1_paragraph",
        "/activities/*/special_category_conditions/*/para_41/article_6_basis",
        "/activities/*/special_category_conditions/*/para_41/retained_per_policy",
        "/activities/*/special_category_conditions/*/para_41/reasons_for_not_following_policy",
        "/activities/*/transfers/*/country",
        "/activities/*/transfers/*/mechanism",
        "/activities/*/security_measures/*/description",
        "/activities/*/systems/*/name",
        "/activities/*/dpia/required",
        "/activities/*/dpia/status",
        "/activities/*/no_automated_decisions",
        "/activities/*/automated_decisions/*/description",
        "/parties/0/name",
        "/parties/0/contacts/0/address",
        "/parties/0/contacts/0/email",
        "/parties/0/contacts/0/phone",
        "/dpo/name",
        "/dpo/contacts/0/address",
        "/dpo/contacts/0/email",
        "/dpo/contacts/0/phone",
    ];
    CARRIED.contains(&pattern)
}

/// Whether the processor template carries the value at this pointer.
pub(super) fn carried_by_processor(pattern: &str) -> bool {
    const CARRIED: &[&str] = &[
        "/activities/*/on_behalf_of/*/processing/*",
        "/activities/*/transfers/*/country",
        "/activities/*/transfers/*/mechanism",
        "/activities/*/security_measures/*/description",
        "/parties/0/name",
        "/parties/0/contacts/0/email",
    ];
    CARRIED.contains(&pattern)
}

/// Every leaf of the JSON with its pointer and its pattern (list positions as `*`), in order,
/// but those `carried` says the template holds.
fn leaves(
    value: &Value,
    carried: fn(&str) -> bool,
    pointer: &mut String,
    pattern: &mut String,
    out: &mut Vec<(String, String)>,
) {
    let (p, q) = (pointer.len(), pattern.len());
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let token = escape_token(key);
                pointer.push('/');
                pointer.push_str(&token);
                pattern.push('/');
                pattern.push_str(&token);
                leaves(child, carried, pointer, pattern, out);
                pointer.truncate(p);
                pattern.truncate(q);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                pointer.push_str(&format!("/{i}"));
                pattern.push_str("/*");
                leaves(child, carried, pointer, pattern, out);
                pointer.truncate(p);
                pattern.truncate(q);
            }
        }
        leaf if !carried(pattern) => {
            let text = match leaf {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            out.push((pointer.clone(), text));
        }
        _ => {}
    }
}

/// Writes the sheet: every fact the template does not carry, then the lines of template cells
/// too long for a cell (`overflow`: the cell's address and the line).
pub(super) fn sheet(
    ws: &mut Worksheet,
    register: &Register,
    carried: fn(&str) -> bool,
    overflow: &[(String, String)],
) -> Result<(), XlsxError> {
    ws.set_name("More")?;
    let bold = Format::new().set_bold();
    ws.write_string_with_format(0, 0, "Field (JSON Pointer)", &bold)?;
    ws.write_string_with_format(0, 1, "Value", &bold)?;
    ws.set_column_width(0, 60)?;
    ws.set_column_width(1, 80)?;
    ws.set_freeze_panes(1, 0)?;
    let json = serde_json::to_value(register).unwrap_or_default();
    let mut out = Vec::new();
    leaves(
        &json,
        carried,
        &mut String::new(),
        &mut String::new(),
        &mut out,
    );
    out.extend(overflow.iter().cloned());
    for (i, (pointer, value)) in out.iter().enumerate() {
        ws.write_string(i as u32 + 1, 0, pointer)?;
        ws.write_string(i as u32 + 1, 1, value)?;
    }
    Ok(())
}
