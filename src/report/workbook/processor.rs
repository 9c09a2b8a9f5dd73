//! The `Processor` sheet: the ICO's processor template (Art 30(2)), a row per controller acted
//! for, which `ropa import` reads back.

use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use super::HEADING_ROW;
use crate::io::sheet::ico::PROCESSOR;
use crate::model::{Party, ProcessingActivity, Register, RegisterIndex};

/// Writes the sheet; returns the first row of each activity, by position (`u32::MAX` for an
/// activity carried out as controller, which has no row here), for the findings' links.
pub(super) fn sheet(
    ws: &mut Worksheet,
    register: &Register,
    index: &RegisterIndex<'_>,
) -> Result<Vec<u32>, XlsxError> {
    ws.set_name("Processor")?;
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    ws.write_string_with_format(0, 1, "Name", &bold)?;
    ws.write_string_with_format(0, 2, "Email", &bold)?;
    ws.write_string_with_format(1, 0, "Processor", &bold)?;
    if let Some(organisation) = register.organisation() {
        ws.write_string(1, 1, &organisation.name)?;
        if let Some(email) = organisation.contacts.first().and_then(|c| c.email.as_ref()) {
            ws.write_string(1, 2, email)?;
        }
    }
    let heading = super::heading_format();
    for (i, (_, text)) in PROCESSOR.iter().enumerate() {
        ws.write_string_with_format(HEADING_ROW, i as u16, *text, &heading)?;
        ws.set_column_width(i as u16, 32)?;
    }
    ws.set_freeze_panes(HEADING_ROW + 1, 0)?;
    let mut row = HEADING_ROW + 1;
    let mut places = Vec::with_capacity(register.activities.len());
    for a in &register.activities {
        places.push(if a.on_behalf_of.is_empty() {
            u32::MAX
        } else {
            row
        });
        for entry in &a.on_behalf_of {
            let controller = index.party(&entry.controller);
            let cells = [
                controller.map_or_else(|| entry.controller.to_string(), party_lines),
                String::new(),
                entry.processing.join("\n"),
                destinations(a),
                safeguards(a),
                a.security_measures
                    .iter()
                    .filter_map(|m| m.description.clone())
                    .collect::<Vec<_>>()
                    .join("\n"),
            ];
            for (c, text) in cells.iter().enumerate() {
                if !text.is_empty() {
                    ws.write_string_with_format(row, c as u16, text, &wrap)?;
                }
            }
            row += 1;
        }
    }
    Ok(places)
}

/// A party's name, then its address, email and phone, a line each.
fn party_lines(party: &Party) -> String {
    let mut lines = vec![party.name.clone()];
    if let Some(contact) = party.contacts.first() {
        lines.extend(
            [&contact.address, &contact.email, &contact.phone]
                .into_iter()
                .flatten()
                .cloned(),
        );
    }
    lines.join("\n")
}

fn destinations(a: &ProcessingActivity) -> String {
    let names: Vec<String> = a
        .transfers
        .iter()
        .filter_map(|t| t.country.map(crate::io::sheet::recognise::country_name))
        .collect();
    names.join("\n")
}

fn safeguards(a: &ProcessingActivity) -> String {
    let mechanisms: Vec<String> = a
        .transfers
        .iter()
        .filter_map(|t| t.mechanism)
        .map(|m| crate::model::labels::Label::label(m).to_owned())
        .collect();
    mechanisms.join("\n")
}
