//! The manifest's `organization`: the register's organisation, its DPO and its representative.

use serde_json::{Map, Value};

use super::{Misread, Reader, keep_the_rest, mappings, text};
use crate::model::{Contact, Dpo, Party};

/// The organisation and the people around it, as the manifest names them.
pub(super) struct Organisation {
    pub party: Party,
    pub dpo: Option<Dpo>,
    /// The representative, where named (Art 27).
    pub representative: Option<Party>,
}

const KNOWN: &[&str] = &[
    "fides_key",
    "name",
    "description",
    "controller",
    "data_protection_officer",
    "representative",
];

/// The first `organization` of the manifest; where there is none, an organisation named by the
/// systems' `organization_fides_key` (fides's own default where they name none).
pub(super) fn read(top: &Map<String, Value>, reader: &mut Reader) -> Result<Organisation, Misread> {
    let organizations = mappings(top, "organization", "")?;
    let Some(org) = organizations.first() else {
        let key = mappings(top, "system", "")?
            .first()
            .and_then(|s| s.get("organization_fides_key"))
            .and_then(Value::as_str)
            .unwrap_or("default_organization")
            .to_owned();
        return Ok(Organisation {
            party: Party::new(key.as_str(), key.as_str()),
            dpo: None,
            representative: None,
        });
    };
    let at = "organization[0]";
    let key = text(org, "fides_key", at)?.unwrap_or_else(|| "organisation".to_owned());
    let name = text(org, "name", at)?.unwrap_or_else(|| key.clone());
    let mut party = Party::new(key.as_str(), name);
    party.description = text(org, "description", at)?;
    let mut notes = Vec::new();
    if let Some((contact, _)) = contact(org, "controller", at, reader, &mut notes)? {
        party.contacts.push(contact);
    }
    let dpo =
        contact(org, "data_protection_officer", at, reader, &mut notes)?.map(|(contact, name)| {
            let dpo = Dpo::new(contact);
            match name {
                Some(name) => dpo.with_name(name),
                None => dpo,
            }
        });
    let representative =
        contact(org, "representative", at, reader, &mut notes)?.map(|(contact, name)| {
            let name = name.unwrap_or_else(|| "Representative".to_owned());
            let mut representative = Party::new("representative", name);
            representative.contacts.push(contact);
            representative
        });
    notes.extend(keep_the_rest(org, KNOWN, at, reader));
    if !notes.is_empty() {
        let description = party.description.take().into_iter().chain(notes);
        party.description = Some(description.collect::<Vec<_>>().join("; "));
    }
    for (other, found) in organizations.iter().enumerate().skip(1) {
        let value = Value::Object((*found).clone());
        let note = reader.keep(format!("organization[{other}]"), &value);
        party.description = Some(match party.description.take() {
            Some(d) => format!("{d}; {note}"),
            None => note,
        });
    }
    Ok(Organisation {
        party,
        dpo,
        representative,
    })
}

/// A fides contact (`name`, `address`, `email`, `phone`) as a contact and the person's name;
/// any other field of it is kept in `notes`.
fn contact(
    org: &Map<String, Value>,
    key: &str,
    at: &str,
    reader: &mut Reader,
    notes: &mut Vec<String>,
) -> Result<Option<(Contact, Option<String>)>, Misread> {
    let Some(value) = org.get(key).filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    let Value::Object(fields) = value else {
        return Err((format!("{at}.{key}"), "expected a mapping"));
    };
    let at = format!("{at}.{key}");
    // fideslang writes "" for what is not known.
    let given = |key: &str| -> Result<Option<String>, Misread> {
        Ok(text(fields, key, &at)?.filter(|v| !v.trim().is_empty()))
    };
    let mut contact = Contact::new();
    if let Some(address) = given("address")? {
        contact = contact.with_address(address);
    }
    if let Some(email) = given("email")? {
        contact = contact.with_email(email);
    }
    if let Some(phone) = given("phone")? {
        contact = contact.with_phone(phone);
    }
    let name = given("name")?;
    notes.extend(keep_the_rest(
        fields,
        &["name", "address", "email", "phone"],
        &at,
        reader,
    ));
    Ok(Some((contact, name)))
}
