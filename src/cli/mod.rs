//! The command line's commands, shared by the examples (`cargo run --example validate`, ...) and
//! the `ropa` binary (the `cli` feature), so that both take the same options, print the same
//! output and exit with the same status. Not a module of the library: each example and the
//! binary include it by path.
//!
//! Each command's `main(command, arguments)` reads the arguments after the command (`command` is
//! how it was called, for its usage line) and returns the exit status.

pub mod diff;
pub mod export;
pub mod format;
pub mod import;
pub mod init;
pub mod pack;
pub mod report;
pub mod schema;
pub mod validate;

/// What a command reads when no FILE is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoFile {
    /// The examples (`cargo run --example report`): the registers bundled with the source tree.
    #[allow(
        dead_code,
        reason = "only the examples read the bundled registers, never the binary"
    )]
    Bundled,
    /// The installed `ropa`, which never reads the tree it was built from: print the usage and
    /// exit 2. `-` names standard input.
    Usage,
}

/// The name standard input goes by, as a FILE argument and in messages.
pub const STDIN: &str = "-";

/// The policy file looked for beside a register.
pub const POLICY_FILE: &str = "ropa.toml";

/// The most bytes read from a policy file: far more than any list of decisions needs.
const POLICY_MAX_BYTES: u64 = 1 << 20;

/// The policy for a register: the file `--policy` names, else `ropa.toml` beside the register
/// (none for standard input); the error, naming the file, ready to print.
fn policy_for(
    register: &std::path::Path,
    named: Option<&std::path::Path>,
) -> Result<Option<ropa::Policy>, String> {
    let path = match named {
        Some(path) => path.to_owned(),
        None if register.as_os_str() == STDIN => return Ok(None),
        None => {
            let beside = register
                .parent()
                .unwrap_or(std::path::Path::new(""))
                .join(POLICY_FILE);
            if !beside.is_file() {
                return Ok(None);
            }
            beside
        }
    };
    let text = read_bounded(&path, POLICY_MAX_BYTES)?;
    ropa::Policy::from_toml(&text)
        .map(Some)
        .map_err(|error| format!("{}: {error}", path.display()))
}

/// A small text file, read within `limit` bytes.
fn read_bounded(path: &std::path::Path, limit: u64) -> Result<String, String> {
    use std::io::Read;
    let mut text = String::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(limit + 1).read_to_string(&mut text))
        .map_err(|error| format!("{}: {error}", path.display()))?;
    if text.len() as u64 > limit {
        return Err(format!("{}: more than {limit} bytes", path.display()));
    }
    Ok(text)
}

/// Prints an error to standard error, each line escaped for the terminal (a name or value the
/// user gave may hold control characters) and the message's own line breaks kept.
fn print_error(message: &str) {
    for line in message.split('\n') {
        eprintln!("{}", ropa::report::terminal_escape(line));
    }
}

/// A file's bytes, read within `limit`.
fn read_bounded_bytes(path: &std::path::Path, limit: u64) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(limit + 1).read_to_end(&mut bytes))
        .map_err(|error| format!("{}: {error}", path.display()))?;
    if bytes.len() as u64 > limit {
        return Err(format!("{}: more than {limit} bytes", path.display()));
    }
    Ok(bytes)
}

/// What the policy decided about a finding, for a line of text output: empty where it decided
/// nothing.
fn policy_words(finding: &ropa::Finding) -> String {
    let action = finding.action.as_ref().map_or_else(String::new, |a| {
        let owner = a
            .owner
            .as_deref()
            .map(|o| format!("; owner {o}"))
            .unwrap_or_default();
        let due = a.due.map(|d| format!("; due {d}")).unwrap_or_default();
        format!(" [action: {}{owner}{due}]", a.status)
    });
    let Some(note) = &finding.policy else {
        return action;
    };
    if note.suppressed {
        let owner = note
            .owner
            .as_deref()
            .map(|o| format!("; owner {o}"))
            .unwrap_or_default();
        let until = note
            .expires
            .map(|d| format!("; until {d}"))
            .unwrap_or_default();
        format!(" [accepted by the policy: {}{owner}{until}]", note.reason)
    } else {
        let was = note
            .rule_severity
            .map(|s| format!(" (the rule says {s})"))
            .unwrap_or_default();
        format!(" [severity set by the policy{was}: {}]", note.reason)
    }
}

/// The error and its causes, one after the other: the OS's reason is in the source.
fn error_chain(error: &dyn std::error::Error) -> String {
    ropa::error_chain(error)
}

/// `--option=value` as `--option value`, as the binary's parser also accepts it.
fn split_equals(arguments: Vec<String>) -> Vec<String> {
    let mut split = Vec::with_capacity(arguments.len());
    for argument in arguments {
        match argument.split_once('=') {
            Some((option, value)) if option.starts_with("--") => {
                split.push(option.to_owned());
                split.push(value.to_owned());
            }
            _ => split.push(argument),
        }
    }
    split
}

/// Whether a file is read as a spreadsheet (by its extension): xlsx, ods or csv.
fn is_spreadsheet(path: &std::path::Path) -> bool {
    path.file_name()
        .is_some_and(|name| ropa::sheet::is_spreadsheet_name(&name.to_string_lossy()))
}

/// A register and its text from a JSON file, or from standard input where the path is `-`.
fn read_json(
    path: &std::path::Path,
    max_input_bytes: u64,
) -> Result<(String, ropa::Register), ropa::Error> {
    if path.as_os_str() == STDIN {
        ropa::from_reader_within(std::io::stdin().lock(), max_input_bytes, "<stdin>")
    } else {
        ropa::from_path_with_text(path, max_input_bytes)
    }
}

/// A register from a JSON file (or standard input, named `-`), read within `max_input_bytes`, or
/// from a spreadsheet in the ICO template; the error and its causes, ready to print.
fn read_register(path: &std::path::Path, max_input_bytes: u64) -> Result<ropa::Register, String> {
    if path.as_os_str() == STDIN {
        read_json(path, max_input_bytes)
            .map(|(_, register)| register)
            .map_err(|error| error_chain(&error))
    } else if is_spreadsheet(path) {
        ropa::sheet::import_path(path)
            .map(|imported| imported.register)
            .map_err(|error| error_chain(&error))
    } else {
        ropa::from_path_within(path, max_input_bytes)
            .map_err(|error| error_chain(&error.in_file(path)))
    }
}

/// The value of `--max-input-bytes`: a whole number of bytes.
fn max_input_bytes(text: &str) -> Result<u64, String> {
    text.parse()
        .map_err(|_| format!("--max-input-bytes {text}: not a whole number of bytes"))
}
