//! The contact block above the template's table: the controller, the DPO and the representative,
//! each with a name, address, email and telephone.
//!
//! Two shapes are read: a small table (a row of the labels "Name", "Address", "Email",
//! "Telephone", then a row per role starting with "Controller", "Data Protection Officer" or
//! "Representative"), and label and value side by side ("Controller name" | "Example Council").

use super::Builder;
use crate::io::sheet::cell::CellRef;
use crate::io::sheet::grid::Row;
use crate::io::sheet::recognise::{Meaning, fold, meaning};
use crate::model::{Contact, Dpo, Party};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Controller,
    Dpo,
    Representative,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Name,
    Address,
    Email,
    Phone,
}

fn role(text: &str) -> Option<Role> {
    let text = fold(text);
    if text.contains("data protection officer") || text.starts_with("dpo") {
        Some(Role::Dpo)
    } else if text.contains("representative") {
        Some(Role::Representative)
    } else if text.contains("controller")
        || text.contains("organisation")
        || text.contains("processor")
    {
        Some(Role::Controller)
    } else {
        None
    }
}

fn field(text: &str) -> Option<Field> {
    let text = fold(text);
    if text.contains("e-mail") || text.contains("email") {
        Some(Field::Email)
    } else if text.contains("telephone") || text.contains("phone") || text.contains("tel") {
        Some(Field::Phone)
    } else if text.contains("address") {
        Some(Field::Address)
    } else if text.contains("name") {
        Some(Field::Name)
    } else {
        None
    }
}

/// Every (role, field, value, cell) the block states.
fn entries(b: &Builder<'_>, rows: &[Row]) -> Vec<(Role, Field, String, CellRef)> {
    let mut found = Vec::new();
    let mut labels: Vec<(u32, Field)> = Vec::new();
    for row in rows {
        let row_labels: Vec<(u32, Field)> = row
            .cells
            .iter()
            .filter_map(|(c, t)| Some((*c, field(t)?)))
            .collect();
        let first_role = row.cells.first().and_then(|(_, t)| role(t));
        if row_labels.len() >= 2 && first_role.is_none() {
            labels = row_labels;
            continue;
        }
        if let (Some(role), false) = (first_role, labels.is_empty()) {
            for (column, field) in &labels {
                if let Some(value) = row.get(*column) {
                    found.push((role, *field, value.trim().to_owned(), b.cell(row, *column)));
                }
            }
            continue;
        }
        // Label and value side by side: "DPO email" | "dpo@example.org".
        for pair in row.cells.windows(2) {
            let ((_, label), (column, value)) = (&pair[0], &pair[1]);
            if let (Some(who), Some(what)) = (role(label), field(label).or(Some(Field::Name)))
                && role(value).is_none()
            {
                found.push((who, what, value.trim().to_owned(), b.cell(row, *column)));
            }
        }
    }
    found
}

/// Reads the block above the heading row into the organisation, the DPO and the representative.
pub(super) fn read(b: &mut Builder<'_>) {
    let rows = &b.grid.rows[..b.heading_at];
    // "N/A" or "TBC" beside a role says there is none, or none yet: nothing to record.
    let found = entries(b, rows)
        .into_iter()
        .filter(|(_, _, value, _)| matches!(meaning(value), Meaning::Text(_)));
    let mut dpo: Option<(Dpo, CellRef)> = None;
    let mut representative: Option<(Party, CellRef)> = None;
    for (role, field, value, cell) in found {
        let key = match field {
            Field::Name => "name",
            Field::Address => "contacts/0/address",
            Field::Email => "contacts/0/email",
            Field::Phone => "contacts/0/phone",
        };
        let base = match role {
            Role::Controller => {
                let organisation = &mut b.register.parties[0];
                match field {
                    Field::Name => organisation.name = value,
                    other => set(contact_of(&mut organisation.contacts), other, value),
                }
                "/parties/0".to_owned()
            }
            Role::Dpo => {
                let (d, _) = dpo.get_or_insert_with(|| (Dpo::new(Contact::new()), cell.clone()));
                match field {
                    Field::Name => d.name = Some(value),
                    other => set(contact_of(&mut d.contacts), other, value),
                }
                "/dpo".to_owned()
            }
            Role::Representative => {
                let (p, _) = representative
                    .get_or_insert_with(|| (Party::new("representative", ""), cell.clone()));
                match field {
                    Field::Name => p.name = value,
                    other => set(contact_of(&mut p.contacts), other, value),
                }
                format!("/parties/{}", b.register.parties.len())
            }
        };
        b.cells.entry(base.clone()).or_insert_with(|| cell.clone());
        b.cells.insert(format!("{base}/{key}"), cell);
    }
    if let Some((d, _)) = dpo {
        b.register.dpo = Some(d);
    }
    if let Some((p, _)) = representative {
        b.register.representative = Some("representative".into());
        b.register.parties.push(p);
    }
}

fn contact_of(contacts: &mut Vec<Contact>) -> &mut Contact {
    if contacts.is_empty() {
        contacts.push(Contact::new());
    }
    &mut contacts[0]
}

fn set(contact: &mut Contact, field: Field, value: String) {
    match field {
        Field::Address => contact.address = Some(value),
        Field::Email => contact.email = Some(value),
        Field::Phone => contact.phone = Some(value),
        Field::Name => contact.label = Some(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_and_fields_by_their_words() {
        assert_eq!(role("Data Protection Officer"), Some(Role::Dpo));
        assert_eq!(role("DPO email"), Some(Role::Dpo));
        assert_eq!(role("Controller"), Some(Role::Controller));
        assert_eq!(
            role("Processor"),
            Some(Role::Controller),
            "the organisation keeping the record"
        );
        assert_eq!(role("Representative (Art 27)"), Some(Role::Representative));
        assert_eq!(field("Email address"), Some(Field::Email));
        assert_eq!(field("Telephone"), Some(Field::Phone));
        assert_eq!(field("Address"), Some(Field::Address));
        assert_eq!(field("Name"), Some(Field::Name));
    }
}
