//! Reading a register's file once, within a size limit.
//!
//! A regular file is read whole (its size is known, and parsing a slice is faster than parsing
//! through a reader) and an error is located in the bytes already read. Anything else (a pipe, a
//! FIFO, a device such as `/dev/zero`) is read once, as it streams, keeping what was read so far:
//! a malformed stream fails at its first bad byte, and that byte's position is found in the bytes
//! kept, without reading the stream a second time (which for a pipe would give the wrong error
//! and for a FIFO would wait for a writer that never comes).

use std::io::{BufReader, Read};
use std::path::Path;

use serde::Deserialize;

use crate::io::Error;
use crate::model::Register;

/// The default limit on the bytes read from one input: 1 GiB, four times the largest register
/// measured (a 280 MB register of 10 000 activities).
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 1 << 30;

/// Reads a register from a file of at most `max_bytes` bytes, reading it once.
///
/// # Errors
///
/// [`Error::TooLarge`] when the input holds more than `max_bytes` bytes, [`Error::Io`] when it
/// cannot be read, [`Error::Parse`] (naming the file) when it is not a register.
///
/// # Examples
///
/// ```
/// let path = std::env::temp_dir().join("ropa-doc-within.json");
/// std::fs::write(&path, r#"{"schema_version": "1.0", "organisation": "x"}"#)?;
/// let err = ropa::from_path_within(&path, 10).unwrap_err();
/// assert!(matches!(err, ropa::Error::TooLarge { limit: 10, .. }));
/// assert!(ropa::from_path_within(&path, 1000).is_ok());
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn from_path_within(path: impl AsRef<Path>, max_bytes: u64) -> Result<Register, Error> {
    read_path(path.as_ref(), max_bytes).map(|(_, register)| register)
}

/// Reads a register and keeps its text, for a caller that locates findings in the text (SARIF
/// regions); reads the input once, within `max_bytes`.
///
/// # Errors
///
/// As [`from_path_within`].
pub fn from_path_with_text(
    path: impl AsRef<Path>,
    max_bytes: u64,
) -> Result<(String, Register), Error> {
    let (bytes, register) = read_path(path.as_ref(), max_bytes)?;
    // A register parsed from these bytes proves them UTF-8; the check is kept rather than
    // asserted so that no input can make this panic.
    let text = String::from_utf8(bytes).map_err(|error| Error::Io {
        path: path.as_ref().to_owned(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, error),
    })?;
    Ok((text, register))
}

/// Reads a register from a stream (standard input, a socket, a decompressor) of at most
/// `max_bytes` bytes, keeping its text; `name` is what errors call the input, e.g. `<stdin>`.
///
/// # Errors
///
/// As [`from_path_within`].
///
/// # Examples
///
/// ```
/// let json = br#"{"schema_version": "1.0", "organisation": "x"}"#;
/// let (text, register) = ropa::from_reader_within(&json[..], 1000, "<stdin>")?;
/// assert_eq!(register.organisation.as_str(), "x");
/// assert_eq!(text.len(), json.len());
/// let err = ropa::from_reader_within(&b"{\"schema_version\": 1"[..], 1000, "<stdin>").unwrap_err();
/// assert!(err.to_string().contains("<stdin>"));
/// # Ok::<(), ropa::Error>(())
/// ```
pub fn from_reader_within(
    reader: impl Read,
    max_bytes: u64,
    name: impl AsRef<Path>,
) -> Result<(String, Register), Error> {
    let path = name.as_ref();
    let (bytes, register) =
        read_stream(reader, max_bytes).map_err(|error| failure(error, path, max_bytes))?;
    let text = String::from_utf8(bytes).map_err(|error| Error::Io {
        path: path.to_owned(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, error),
    })?;
    Ok((text, register))
}

/// The error of a failed read, naming the input.
fn failure(error: Failure, path: &Path, max_bytes: u64) -> Error {
    match error {
        Failure::TooLarge => Error::TooLarge {
            path: path.to_owned(),
            limit: max_bytes,
        },
        Failure::Io(source) => Error::Io {
            path: path.to_owned(),
            source,
        },
        Failure::Parse(error) => error.in_file(path),
    }
}

/// The bytes read and the register parsed from them.
fn read_path(path: &Path, max_bytes: u64) -> Result<(Vec<u8>, Register), Error> {
    let io_error = |source| Error::Io {
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io_error)?;
    let metadata = file.metadata().map_err(io_error)?;
    let result = if metadata.is_file() {
        read_regular(file, metadata.len(), max_bytes)
    } else {
        read_stream(file, max_bytes)
    };
    result.map_err(|error| failure(error, path, max_bytes))
}

/// Why reading an input failed, before the file's name is added.
enum Failure {
    TooLarge,
    Io(std::io::Error),
    Parse(Error),
}

/// A regular file, read whole (refused unread when its size is over the limit) and parsed as a
/// slice.
fn read_regular(
    file: std::fs::File,
    size: u64,
    max_bytes: u64,
) -> Result<(Vec<u8>, Register), Failure> {
    if size > max_bytes {
        return Err(Failure::TooLarge);
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // The file may grow between the size check and the read: the read is bounded too.
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(Failure::Io)?;
    if bytes.len() as u64 > max_bytes {
        return Err(Failure::TooLarge);
    }
    let register = crate::io::json::from_slice(&bytes).map_err(Failure::Parse)?;
    Ok((bytes, register))
}

/// A pipe, FIFO or device, parsed as it streams and kept as it is read.
fn read_stream(file: impl Read, max_bytes: u64) -> Result<(Vec<u8>, Register), Failure> {
    let mut reader = BufReader::with_capacity(
        1 << 16,
        Recording {
            inner: file,
            kept: Vec::new(),
            max_bytes,
            over_limit: false,
        },
    );
    let first =
        std::io::BufRead::fill_buf(&mut reader).map(|first| first.starts_with(b"\xEF\xBB\xBF"));
    let starts_with_bom = match first {
        Ok(starts_with_bom) => starts_with_bom,
        Err(_) if reader.get_ref().over_limit => return Err(Failure::TooLarge),
        Err(error) => return Err(Failure::Io(error)),
    };
    if starts_with_bom {
        std::io::BufRead::consume(&mut reader, 3);
    }
    let parsed = {
        let mut deserializer = serde_json::Deserializer::from_reader(&mut reader);
        Register::deserialize(crate::io::strict::Strict(&mut deserializer))
            .and_then(|register| deserializer.end().map(|()| register))
    };
    let recording = reader.into_inner();
    match parsed {
        Ok(register) => Ok((recording.kept, register)),
        Err(_) if recording.over_limit => Err(Failure::TooLarge),
        Err(error) if error.is_io() => Err(Failure::Io(std::io::Error::other(error))),
        // The parser stopped inside what was kept, so locating the error there finds the same
        // error at the same place (a byte order mark included).
        Err(_) => Err(Failure::Parse(crate::io::json::locate_error(
            &recording.kept,
        ))),
    }
}

/// A reader that keeps every byte it passes on, up to a limit.
struct Recording<R> {
    inner: R,
    kept: Vec<u8>,
    max_bytes: u64,
    over_limit: bool,
}

impl<R: Read> Read for Recording<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let read = self.inner.read(buf)?;
        if (self.kept.len() + read) as u64 > self.max_bytes {
            self.over_limit = true;
            return Err(std::io::Error::other("input over the read limit"));
        }
        self.kept.extend_from_slice(&buf[..read]);
        Ok(read)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stream_over_the_limit_is_refused_after_reading_no_more_than_the_limit() {
        let source = std::io::repeat(b' ').take(1 << 20);
        let mut recording = Recording {
            inner: source,
            kept: Vec::new(),
            max_bytes: 1000,
            over_limit: false,
        };
        let mut sink = Vec::new();
        assert!(recording.read_to_end(&mut sink).is_err());
        assert!(recording.over_limit);
        assert!(recording.kept.len() <= 1000);
    }

    #[test]
    fn a_stream_within_the_limit_is_kept_whole() {
        let mut recording = Recording {
            inner: &b"0123456789"[..],
            kept: Vec::new(),
            max_bytes: 10,
            over_limit: false,
        };
        let mut sink = Vec::new();
        recording.read_to_end(&mut sink).unwrap();
        assert_eq!(recording.kept, b"0123456789");
        assert!(!recording.over_limit);
    }
}
