//! Errors from reading and writing registers.

use std::path::PathBuf;

/// An error reading or writing a register.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is not a well-formed register.
    #[error("{}{}: line {line}, column {column}: {message}", file_prefix(.file), shown_pointer(.pointer))]
    Parse {
        /// The file read, when reading from a file.
        file: Option<PathBuf>,
        /// The RFC 6901 JSON Pointer of the value that failed ("" for the document itself).
        pointer: String,
        /// The 1-based line where parsing stopped.
        line: usize,
        /// The 1-based column where parsing stopped.
        column: usize,
        /// What was wrong.
        message: String,
    },
    /// A file could not be read or written.
    #[error("cannot access {}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The input holds more bytes than the limit for reading one
    /// ([`DEFAULT_MAX_INPUT_BYTES`](crate::io::DEFAULT_MAX_INPUT_BYTES) unless set); reading
    /// stopped there.
    #[error("{}: more than {limit} bytes, the limit for reading one register", .path.display())]
    TooLarge {
        /// The file (empty for a reader).
        path: PathBuf,
        /// The limit, in bytes.
        limit: u64,
    },
    /// The register could not be written.
    #[error("cannot write register")]
    Write(#[source] serde_json::Error),
}

/// The pointer as messages show it: the register itself (pointer `""`) as `(register)`, as in
/// findings, rather than an empty gap between two colons.
fn shown_pointer(pointer: &str) -> &str {
    if pointer.is_empty() {
        "(register)"
    } else {
        pointer
    }
}

fn file_prefix(file: &Option<PathBuf>) -> String {
    match file {
        Some(path) => format!("{}: ", path.display()),
        None => String::new(),
    }
}

impl Error {
    /// Names the file the error came from (for errors from [`crate::io::from_str`] and friends
    /// that a caller read from a file itself).
    pub fn in_file(mut self, path: impl Into<PathBuf>) -> Self {
        if let Error::Parse { file, .. } = &mut self {
            *file = Some(path.into());
        }
        self
    }

    /// The JSON Pointer of the value that failed, for a parse error (`""` for the register itself,
    /// which the message shows as `(register)`).
    ///
    /// # Examples
    ///
    /// ```
    /// let err = ropa::from_str("[]").unwrap_err();
    /// assert_eq!(err.pointer(), Some(""));
    /// assert!(err.to_string().starts_with("(register): line 1, column 1: "), "{err}");
    /// ```
    pub fn pointer(&self) -> Option<&str> {
        match self {
            Error::Parse { pointer, .. } => Some(pointer),
            _ => None,
        }
    }

    /// The line and column where parsing stopped, for a parse error.
    pub fn line_column(&self) -> Option<(usize, usize)> {
        match self {
            Error::Parse { line, column, .. } => Some((*line, *column)),
            _ => None,
        }
    }
}

/// An error and its causes, one after the other (`error: cause: cause`), as the command line
/// prints them and findings of unreadable files state them: the OS's reason is in a source.
///
/// # Examples
///
/// ```
/// #[derive(Debug)]
/// struct Unwritten(std::io::Error);
/// impl std::fmt::Display for Unwritten {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
///         f.write_str("cannot write register.html")
///     }
/// }
/// impl std::error::Error for Unwritten {
///     fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
///         Some(&self.0)
///     }
/// }
/// let error = Unwritten(std::io::Error::other("disk full"));
/// assert_eq!(ropa::error_chain(&error), "cannot write register.html: disk full");
/// ```
pub fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
