//! Reading and writing registers as JSON.
//!
//! Reading rejects malformed structure only: unknown fields, wrong types, bad enum values,
//! impossible dates, malformed durations. A register with legal gaps parses; finding the gaps is
//! the job of validation. Writing is deterministic: two-space indentation, fields in declaration
//! order, absent values omitted, and a final newline, so that parse then write reproduces a file
//! written by this crate byte for byte.

use std::io::{Read, Write};
use std::path::Path;

use serde::Deserialize;
use serde_path_to_error::Segment;

use crate::io::Error;
use crate::model::Register;

/// Parses a register from a JSON string.
///
/// # Errors
///
/// [`Error::Parse`] with the JSON Pointer and line:column of the first malformed value.
///
/// # Examples
///
/// ```
/// let err = ropa::from_str(r#"{"schema_version": "1.0", "organisation": "x", "retension": 1}"#)
///     .unwrap_err();
/// assert_eq!(err.pointer(), Some("/retension"));
/// assert!(err.to_string().contains("unknown field `retension`"));
/// ```
pub fn from_str(json: &str) -> Result<Register, Error> {
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    // Fast path without path tracking (which allocates a string per key); only when it fails is
    // the input parsed again, tracking the path, to say where.
    let mut deserializer = serde_json::Deserializer::from_str(json);
    Register::deserialize(crate::io::strict::Strict(&mut deserializer))
        .and_then(|register| deserializer.end().map(|()| register))
        .map_err(|_| locate_error(json.as_bytes()))
}

/// Parses a register from JSON bytes.
///
/// # Errors
///
/// [`Error::Parse`] with the JSON Pointer and line:column of the first malformed value.
pub fn from_slice(json: &[u8]) -> Result<Register, Error> {
    // One check of the whole input as UTF-8 (JSON text is UTF-8 throughout) and a parse of it as
    // text is faster than serde_json's check of each string as it reads bytes: a tenth off the
    // parse of a large register. Bytes that are not UTF-8 are an error wherever they are, which
    // the locating parse reports with its position.
    match std::str::from_utf8(json) {
        Ok(text) => from_str(text),
        Err(_) => Err(locate_error(json)),
    }
}

/// Parses again with path tracking to name the JSON Pointer of the first error.
pub(crate) fn locate_error(json: &[u8]) -> Error {
    let json = without_bom(json);
    let mut deserializer = serde_json::Deserializer::from_slice(json);
    let result: Result<Register, _> =
        serde_path_to_error::deserialize(crate::io::strict::Strict(&mut deserializer));
    match result {
        Err(e) => parse_error(json, Some(e.path()), e.inner()),
        Ok(_) => match deserializer.end() {
            Err(e) => parse_error(json, None, &e),
            Ok(()) => Error::Parse {
                file: None,
                pointer: String::new(),
                line: 1,
                column: 1,
                message: "invalid register".to_owned(),
            },
        },
    }
}

/// Parses a register from a reader, reading it to the end first, and at most
/// [`DEFAULT_MAX_INPUT_BYTES`](crate::io::DEFAULT_MAX_INPUT_BYTES) of it.
///
/// # Errors
///
/// [`Error::Io`] when reading fails and [`Error::TooLarge`] when the reader holds more than the
/// limit (the path is empty in both), [`Error::Parse`] when the JSON is not a register.
pub fn from_reader(reader: impl Read) -> Result<Register, Error> {
    let limit = crate::io::DEFAULT_MAX_INPUT_BYTES;
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Io {
            path: Default::default(),
            source,
        })?;
    if bytes.len() as u64 > limit {
        return Err(Error::TooLarge {
            path: Default::default(),
            limit,
        });
    }
    from_slice(&bytes)
}

/// Reads a register from a file; errors name the file.
///
/// The file is read once and at most [`DEFAULT_MAX_INPUT_BYTES`](crate::io::DEFAULT_MAX_INPUT_BYTES)
/// of it; [`from_path_within`](crate::io::from_path_within) sets another limit.
///
/// # Errors
///
/// [`Error::Io`] when the file cannot be read, [`Error::TooLarge`] when it is over the limit,
/// [`Error::Parse`] when it is not a register.
pub fn from_path(path: impl AsRef<Path>) -> Result<Register, Error> {
    crate::io::input::from_path_within(path, crate::io::DEFAULT_MAX_INPUT_BYTES)
}

/// Writes a register as pretty JSON with a final newline.
///
/// # Errors
///
/// [`Error::Write`] when serialization fails, which it does not for registers built by this
/// crate.
pub fn to_string(register: &Register) -> Result<String, Error> {
    let mut json = serde_json::to_string_pretty(register).map_err(Error::Write)?;
    json.push('\n');
    Ok(json)
}

/// Writes a register as pretty JSON with a final newline into the file at `path`, replacing it
/// only once the whole register is written: into a temporary file beside it, synced, then
/// renamed over it. On failure the file at `path` is as it was.
///
/// # Errors
///
/// [`Error::Io`] naming the path, with the OS error.
///
/// # Examples
///
/// ```
/// let register = ropa::from_path("examples/data/kent-parent-carer-panel.json")?;
/// let path = std::env::temp_dir().join(format!("ropa-to-path-{}.json", std::process::id()));
/// ropa::to_path(&register, &path)?;
/// assert_eq!(ropa::from_path(&path)?, register);
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_path(register: &Register, path: impl AsRef<std::path::Path>) -> Result<(), Error> {
    let path = path.as_ref();
    let json = to_string(register)?;
    crate::io::file::write_atomically(path, |file| file.write_all(json.as_bytes())).map_err(
        |source| Error::Io {
            path: path.to_owned(),
            source,
        },
    )
}

/// Writes a register as pretty JSON with a final newline to a writer.
///
/// # Errors
///
/// [`Error::Write`] when the writer fails.
pub fn to_writer(mut writer: impl Write, register: &Register) -> Result<(), Error> {
    serde_json::to_writer_pretty(&mut writer, register).map_err(Error::Write)?;
    writer
        .write_all(b"\n")
        .map_err(|e| Error::Write(serde_json::Error::io(e)))
}

/// The UTF-8 byte order mark, which RFC 8259 lets a parser ignore and Windows tools write.
const BOM: &[u8] = b"\xEF\xBB\xBF";

fn without_bom(json: &[u8]) -> &[u8] {
    json.strip_prefix(BOM).unwrap_or(json)
}

/// Turns a path from serde_path_to_error into an RFC 6901 JSON Pointer.
pub(crate) fn pointer_of(path: &serde_path_to_error::Path) -> String {
    let mut pointer = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => {
                pointer.push('/');
                pointer.push_str(&index.to_string());
            }
            Segment::Map { key } => {
                pointer.push('/');
                pointer.push_str(&escape_token(key));
            }
            Segment::Enum { variant } => {
                pointer.push('/');
                pointer.push_str(&escape_token(variant));
            }
            // A key not read yet: the pointer names the object that holds it.
            Segment::Unknown => break,
        }
    }
    pointer
}

/// Escapes one reference token of a JSON Pointer (RFC 6901 section 3).
pub fn escape_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

fn parse_error(
    json: &[u8],
    path: Option<&serde_path_to_error::Path>,
    error: &serde_json::Error,
) -> Error {
    let (line, byte_column) = (error.line(), error.column());
    let full = error.to_string();
    let message = crate::io::suggest::with_suggestion(
        full.strip_suffix(&format!(" at line {line} column {byte_column}"))
            .unwrap_or(&full),
    );
    let mut pointer = path.map(pointer_of).unwrap_or_default();
    // serde reports a repeated field from the object that holds it; the pointer names the key.
    if let Some(key) = message
        .strip_prefix("duplicate field `")
        .and_then(|rest| rest.strip_suffix('`'))
    {
        pointer.push('/');
        pointer.push_str(&escape_token(key));
    }
    Error::Parse {
        file: None,
        pointer,
        line: line.max(1),
        column: char_column(json, line, byte_column),
        message,
    }
}

/// The 1-based column in characters of serde_json's byte column on a 1-based line: editors
/// count characters, and an error at the very start (an empty file) is column 1, not 0.
fn char_column(json: &[u8], line: usize, byte_column: usize) -> usize {
    let start = if line <= 1 {
        0
    } else {
        json.iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .nth(line - 2)
            .map_or(json.len(), |(i, _)| i + 1)
    };
    let end = start.saturating_add(byte_column).min(json.len());
    // Every byte that does not continue a UTF-8 sequence starts a character (an invalid byte
    // counts as one, as editors show it).
    let chars = json[start..end]
        .iter()
        .filter(|b| (**b & 0xC0) != 0x80)
        .count();
    chars.max(1)
}
