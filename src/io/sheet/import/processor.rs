//! The processor template's columns (Art 30(2)): the controller acted for, with its contact
//! details, and the categories of processing carried out for it.

use super::Builder;
use crate::io::sheet::cell::CellRef;
use crate::io::sheet::ico::Column;
use crate::io::sheet::recognise::{lines, values};
use crate::model::{Contact, OnBehalfOf, Party};

/// Reads one of the processor columns into the row's activity.
pub(super) fn apply(
    b: &mut Builder<'_>,
    activity: usize,
    column: Column,
    text: &str,
    cell: CellRef,
) {
    if text.is_empty() {
        return;
    }
    match column {
        Column::Controller => controller(b, activity, text, cell),
        _ => processing(b, activity, text, cell),
    }
}

/// The controller: a party named by the cell's first line, with the email, phone and address its
/// other lines give, that the activity is carried out for.
fn controller(b: &mut Builder<'_>, activity: usize, text: &str, cell: CellRef) {
    let parts = lines(text);
    let name = parts.first().copied().unwrap_or(text);
    let mut contact = Contact::new();
    let mut address = Vec::new();
    for part in parts.iter().skip(1) {
        let digits = part.chars().filter(char::is_ascii_digit).count();
        if part.contains('@') && !part.contains(' ') {
            contact.email = Some((*part).to_owned());
        } else if digits >= 8 && !part.chars().any(char::is_alphabetic) {
            contact.phone = Some((*part).to_owned());
        } else {
            address.push(*part);
        }
    }
    if !address.is_empty() {
        contact.address = Some(address.join(", "));
    }
    let id = format!("controller-{}", b.register.parties.len());
    let mut party = Party::new(id.as_str(), name);
    if contact.email.is_some() || contact.phone.is_some() || contact.address.is_some() {
        party = party.with_contact(contact);
    }
    b.register.parties.push(party);
    let at = b.register.parties.len() - 1;
    b.cells.insert(format!("/parties/{at}"), cell.clone());
    let a = &mut b.register.activities[activity];
    a.on_behalf_of.push(OnBehalfOf::new(id.as_str()));
    let at = a.on_behalf_of.len() - 1;
    b.cells
        .insert(format!("/activities/{activity}/on_behalf_of/{at}"), cell);
}

/// The categories of processing, one a value, for the row's controller.
fn processing(b: &mut Builder<'_>, activity: usize, text: &str, cell: CellRef) {
    let a = &mut b.register.activities[activity];
    let Some(entry) = a.on_behalf_of.last_mut() else {
        b.keep(activity, text, cell, super::UnreadReason::NotRecognised);
        return;
    };
    entry
        .processing
        .extend(values(text).into_iter().map(str::to_owned));
    let at = a.on_behalf_of.len() - 1;
    b.cells.insert(
        format!("/activities/{activity}/on_behalf_of/{at}/processing"),
        cell,
    );
}
