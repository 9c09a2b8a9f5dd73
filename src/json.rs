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

use crate::{Error, Register};

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
    Register::deserialize(crate::strict::Strict(&mut deserializer))
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
fn locate_error(json: &[u8]) -> Error {
    let json = without_bom(json);
    let mut deserializer = serde_json::Deserializer::from_slice(json);
    let result: Result<Register, _> =
        serde_path_to_error::deserialize(crate::strict::Strict(&mut deserializer));
    match result {
        Err(e) => parse_error(Some(e.path()), e.inner()),
        Ok(_) => match deserializer.end() {
            Err(e) => parse_error(None, &e),
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

/// Parses a register from a reader, reading it to the end first.
///
/// # Errors
///
/// [`Error::Io`] when reading fails (the path is empty), [`Error::Parse`] when the JSON is not a
/// register.
pub fn from_reader(mut reader: impl Read) -> Result<Register, Error> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(|source| Error::Io {
        path: Default::default(),
        source,
    })?;
    from_slice(&bytes)
}

/// Reads a register from a file; errors name the file.
///
/// # Errors
///
/// [`Error::Io`] when the file cannot be read, [`Error::Parse`] when it is not a register.
pub fn from_path(path: impl AsRef<Path>) -> Result<Register, Error> {
    let path = path.as_ref();
    let io_error = |source| Error::Io {
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io_error)?;
    // Streamed through a buffer, so the file is never held whole beside the register: peak
    // memory stays near the register's own size. Only on failure is the file read again, whole,
    // to locate the error exactly as `from_slice` does.
    let mut reader = std::io::BufReader::with_capacity(1 << 20, file);
    if std::io::BufRead::fill_buf(&mut reader)
        .map_err(io_error)?
        .starts_with(BOM)
    {
        std::io::BufRead::consume(&mut reader, BOM.len());
    }
    let mut deserializer = serde_json::Deserializer::from_reader(reader);
    let fast = Register::deserialize(crate::strict::Strict(&mut deserializer))
        .and_then(|register| deserializer.end().map(|()| register));
    match fast {
        Ok(register) => Ok(register),
        Err(error) if error.is_io() => Err(io_error(std::io::Error::other(error))),
        Err(_) => {
            let bytes = std::fs::read(path).map_err(io_error)?;
            Err(locate_error(&bytes).in_file(path))
        }
    }
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

fn parse_error(path: Option<&serde_path_to_error::Path>, error: &serde_json::Error) -> Error {
    let (line, column) = (error.line(), error.column());
    let full = error.to_string();
    let message = full
        .strip_suffix(&format!(" at line {line} column {column}"))
        .unwrap_or(&full)
        .to_owned();
    Error::Parse {
        file: None,
        pointer: path.map(pointer_of).unwrap_or_default(),
        line,
        column,
        message,
    }
}
