//! fides manifests in: each privacy declaration of each system becomes a processing activity
//! (issue 27). fideslang's fields that ropa types become typed facts (the data use as the purpose
//! and its taxonomy key, legal bases and Art 9 conditions, retention in days, transfers, roles,
//! data flows, DPIA); every other field is kept in the activity's notes with its YAML path, and
//! listed in [`FidesImport::unread`], so that nothing in the manifest is lost.
//!
//! YAML is read with `serde-saphyr`: maintained, panic-free on malformed input, and with limits
//! on alias expansion and nesting, so that a hostile manifest (a "billion laughs" of anchors)
//! fails instead of exhausting memory. `serde_yaml` is archived and `serde_yml` unmaintained.

mod declaration;
mod export;
mod organization;
mod system;

use std::io::Read;
use std::path::Path;

use serde_json::Value;

pub use export::to_manifest;

use crate::model::Register;

/// A register read from a fides manifest, with what was kept in notes rather than typed.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct FidesImport {
    /// The register: one activity per privacy declaration (or per system without one).
    pub register: Register,
    /// Each field kept as a note, in the manifest's order.
    pub unread: Vec<Unread>,
}

/// A field of the manifest that ropa has no typed field for, kept in an activity's notes.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Unread {
    /// Where it is in the manifest, e.g. `system[0].privacy_declarations[1].features`.
    pub path: String,
    /// Its value as written (text as is, anything else as JSON).
    pub value: String,
}

/// Why a manifest could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FidesError {
    /// The file could not be read or written.
    #[error("cannot access {}", .path.display())]
    Io {
        /// The file.
        path: std::path::PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The file is larger than the read limit.
    #[error("{}: more than {limit} bytes, the limit for reading one manifest", .path.display())]
    TooLarge {
        /// The file.
        path: std::path::PathBuf,
        /// The limit, in bytes.
        limit: u64,
    },
    /// The text is not YAML or JSON.
    #[error("{}: line {line}, column {column}: {message}", .path.display())]
    Syntax {
        /// The file.
        path: std::path::PathBuf,
        /// The line of the error, from 1 (0 where the parser gives none).
        line: u64,
        /// The column of the error, from 1 (0 where the parser gives none).
        column: u64,
        /// What is wrong.
        message: String,
    },
    /// The text is YAML or JSON but not a fides manifest at the place named.
    #[error("{}: {at}: {message}", .path.display())]
    Structure {
        /// The file.
        path: std::path::PathBuf,
        /// The YAML path of the value, e.g. `system[0].privacy_declarations`.
        at: String,
        /// What was expected there.
        message: String,
    },
}

/// Reads a fides manifest (YAML, or JSON where the name ends `.json`) of at most `max_bytes`.
///
/// # Errors
///
/// [`FidesError`] when the file cannot be read, is too large, is not YAML or JSON, or does not
/// have a manifest's structure (a `system` list of mappings, each declaration a mapping).
pub fn import_path(path: impl AsRef<Path>, max_bytes: u64) -> Result<FidesImport, FidesError> {
    let path = path.as_ref();
    let io = |source| FidesError::Io {
        path: path.to_owned(),
        source,
    };
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .map_err(io)?
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > max_bytes {
        return Err(FidesError::TooLarge {
            path: path.to_owned(),
            limit: max_bytes,
        });
    }
    let text = String::from_utf8(bytes)
        .map_err(|e| io(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))?;
    let json = path.extension().is_some_and(|e| e == "json");
    import_str(&text, path, json)
}

/// Reads a fides manifest from text: JSON where `json`, else YAML; `name` is what errors call it.
///
/// # Errors
///
/// As [`import_path`], but for reading.
///
/// ```
/// let manifest = "system:\n  - fides_key: crm\n    name: CRM\n    privacy_declarations:\n      - name: Newsletter\n        data_use: marketing.communications.email\n        data_categories: [user.contact.email]\n        data_subjects: [customer]\n        legal_basis_for_processing: Consent\n";
/// let imported = ropa::fides::import_str(manifest, "crm.yml", false)?;
/// let activity = &imported.register.activities[0];
/// assert_eq!(activity.name, "Newsletter");
/// assert_eq!(activity.purposes[0].taxonomy[0].as_str(), "fides:marketing.communications.email");
/// # Ok::<(), ropa::fides::FidesError>(())
/// ```
pub fn import_str(
    text: &str,
    name: impl AsRef<Path>,
    json: bool,
) -> Result<FidesImport, FidesError> {
    let path = name.as_ref();
    let value: Value = if json {
        serde_json::from_str(text).map_err(|e| FidesError::Syntax {
            path: path.to_owned(),
            line: e.line() as u64,
            column: e.column() as u64,
            message: e.to_string(),
        })?
    } else {
        serde_saphyr::from_str(text).map_err(|e| {
            let (line, column) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
            FidesError::Syntax {
                path: path.to_owned(),
                line,
                column,
                message: yaml_message(&e.to_string(), line, column),
            }
        })?
    };
    let structure = |at: String, message: &str| FidesError::Structure {
        path: path.to_owned(),
        at,
        message: message.to_owned(),
    };
    let Value::Object(top) = &value else {
        return Err(structure(
            "(top)".into(),
            "a manifest is a mapping of resource lists",
        ));
    };
    let mut reader = Reader::default();
    let organisation = organization::read(top, &mut reader).map_err(|(at, m)| structure(at, m))?;
    let mut register = Register::new(organisation.party);
    register.dpo = organisation.dpo;
    if let Some(representative) = organisation.representative {
        register.representative = Some(representative.id.clone());
        register.parties.push(representative);
    }
    system::read_all(top, &mut register, &mut reader).map_err(|(at, m)| structure(at, m))?;
    Ok(FidesImport {
        register,
        unread: reader.unread,
    })
}

/// Writes the register as a fides manifest ([`to_manifest`]) to `path`: JSON, which fides reads
/// as YAML too, pretty-printed with a final newline; a regular file is replaced only once the
/// new one is whole.
///
/// # Errors
///
/// [`FidesError::Io`] when the file cannot be written.
pub fn to_manifest_path(register: &Register, path: impl AsRef<Path>) -> Result<(), FidesError> {
    use std::io::Write;
    let path = path.as_ref();
    let mut text = serde_json::to_string_pretty(&to_manifest(register)).unwrap_or_default();
    text.push('\n');
    crate::io::file::write_atomically(path, |file| file.write_all(text.as_bytes())).map_err(
        |source| FidesError::Io {
            path: path.to_owned(),
            source,
        },
    )
}

/// serde-saphyr's message without the place it repeats ("error: line 1 column 264: ..."): the
/// error gives the line and column once.
fn yaml_message(message: &str, line: u64, column: u64) -> String {
    let first = message.lines().next().unwrap_or_default();
    let first = first.strip_prefix("error: ").unwrap_or(first);
    let place = format!("line {line} column {column}: ");
    first
        .strip_prefix(place.as_str())
        .unwrap_or(first)
        .to_owned()
}

/// What reading has kept as notes, shared by the parts of the manifest.
#[derive(Debug, Default)]
struct Reader {
    unread: Vec<Unread>,
}

impl Reader {
    /// Keeps `value` at `path` as unread, and returns the note that says so.
    fn keep(&mut self, path: String, value: &Value) -> String {
        let value = match value {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let note = format!("fides {path}: {value}");
        self.unread.push(Unread { path, value });
        note
    }
}

/// A structural error: the YAML path and what was expected there.
type Misread = (String, &'static str);

/// The text of a field, `None` where absent or null; a number or a boolean as its text (a
/// retention period written `30`); an error where a list or a mapping.
fn text(
    object: &serde_json::Map<String, Value>,
    key: &str,
    at: &str,
) -> Result<Option<String>, Misread> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(Value::Bool(b)) => Ok(Some(b.to_string())),
        Some(_) => Err((format!("{at}.{key}"), "expected text")),
    }
}

/// The strings of a list field; empty where absent or null; an error where not a list of text.
fn texts<'v>(
    object: &'v serde_json::Map<String, Value>,
    key: &str,
    at: &str,
) -> Result<Vec<&'v str>, Misread> {
    list(object, key, at, Value::as_str, "expected text")
}

/// The mappings of a list field; empty where absent or null; an error where not a list of
/// mappings.
fn mappings<'v>(
    object: &'v serde_json::Map<String, Value>,
    key: &str,
    at: &str,
) -> Result<Vec<&'v serde_json::Map<String, Value>>, Misread> {
    list(object, key, at, Value::as_object, "expected a mapping")
}

/// The items of a list field read by `item`; empty where absent or null; an error at the first
/// item `item` does not read, or where the field is not a list.
fn list<'v, T>(
    object: &'v serde_json::Map<String, Value>,
    key: &str,
    at: &str,
    item: fn(&'v Value) -> Option<T>,
    expected: &'static str,
) -> Result<Vec<T>, Misread> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, value)| item(value).ok_or_else(|| (format!("{at}.{key}[{i}]"), expected)))
            .collect(),
        Some(_) => Err((format!("{at}.{key}"), "expected a list")),
    }
}

/// Keeps every field of `object` that `known` does not name, returning the notes.
fn keep_the_rest(
    object: &serde_json::Map<String, Value>,
    known: &[&str],
    at: &str,
    reader: &mut Reader,
) -> Vec<String> {
    object
        .iter()
        .filter(|(key, value)| !known.contains(&key.as_str()) && !value.is_null())
        .map(|(key, value)| reader.keep(format!("{at}.{key}"), value))
        .collect()
}
