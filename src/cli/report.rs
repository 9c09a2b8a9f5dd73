//! `report`: renders an auditor's report of a register. Shared by `cargo run --example report`
//! and `ropa report` (the `cli` feature).
//!
//! With no FILE the example renders the bundled example register (an organisation that is both
//! controller and processor); the installed `ropa report` prints its usage and exits 2, since it
//! has no source tree to read. FILE `-` reads standard input. Output goes to stdout unless `--out` names a file, which is replaced only when
//! the whole report is written: on any failure it is left as it was, and the message gives the
//! OS's reason.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use ropa::NaiveDate;

use super::NoFile;
use ropa::report::{Format, ReportKind, ReportOptions, render, render_to_path, terminal_escape};

/// The options after the command, as its usage line gives them.
pub const OPTIONS: &str = "[--kind register|retention|transfers|special-category|findings|notice] [--format markdown|md|html|csv|json] [--as-of YYYY-MM-DD] [--out PATH] [--policy ropa.toml] [--max-input-bytes BYTES] [FILE]";

struct Args {
    kind: ReportKind,
    format: Format,
    options: ReportOptions,
    out: Option<PathBuf>,
    file: PathBuf,
    max_input_bytes: u64,
    /// The policy file named; else the register's own `ropa.toml`, where there is one.
    policy: Option<PathBuf>,
}

/// The register the example reads when no FILE is named.
fn bundled() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/northfield-research-processor.json")
}

/// Reads the arguments after the command; `command` is how it was called, for the usage line.
fn parse_args(command: &str, no_file: NoFile, arguments: Vec<String>) -> Result<Args, String> {
    let usage = format!("usage: {command} {OPTIONS}");
    let mut args = Args {
        kind: ReportKind::Register,
        format: Format::Markdown,
        options: ReportOptions::default(),
        out: None,
        file: PathBuf::new(),
        max_input_bytes: ropa::DEFAULT_MAX_INPUT_BYTES,
        policy: None,
    };
    let mut file = None;
    let mut format_named = None;
    let mut it = super::split_equals(arguments).into_iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .ok_or_else(|| format!("{name} needs a value\n{usage}"))
        };
        match arg.as_str() {
            "--kind" => {
                let text = value("--kind")?;
                args.kind = text
                    .replace('-', "_")
                    .parse()
                    .map_err(|_| format!("unknown kind '{text}'\n{usage}"))?;
            }
            "--format" => {
                let text = value("--format")?;
                let format = match text.as_str() {
                    "md" => Format::Markdown,
                    _ => text
                        .parse()
                        .map_err(|_| format!("unknown format '{text}'\n{usage}"))?,
                };
                format_named = Some(format);
            }
            "--as-of" => {
                let text = value("--as-of")?;
                let date = NaiveDate::parse_from_str(&text, "%Y-%m-%d")
                    .map_err(|e| format!("--as-of {text}: {e} (use YYYY-MM-DD)"))?;
                args.options = args.options.as_of(date);
            }
            "--out" => args.out = Some(PathBuf::from(value("--out")?)),
            "--policy" => args.policy = Some(PathBuf::from(value("--policy")?)),
            "--max-input-bytes" => {
                args.max_input_bytes = super::max_input_bytes(&value("--max-input-bytes")?)?;
            }
            "-h" | "--help" => return Err(usage),
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag}\n{usage}"));
            }
            path if file.is_none() => file = Some(PathBuf::from(path)),
            _ => return Err(format!("one FILE at a time\n{usage}")),
        }
    }
    args.format = format_for(format_named, args.out.as_deref())?;
    args.file = match (file, no_file) {
        (Some(file), _) => file,
        (None, NoFile::Bundled) => bundled(),
        (None, NoFile::Usage) => {
            return Err(format!("no FILE given (use - for standard input)\n{usage}"));
        }
    };
    Ok(args)
}

/// The format: the one named, else the one `--out`'s extension names, else Markdown. A format
/// named that contradicts the extension is an error, so `--out x.html` never holds Markdown.
fn format_for(named: Option<Format>, out: Option<&Path>) -> Result<Format, String> {
    let extension = out
        .and_then(|path| path.extension())
        .and_then(|e| e.to_str());
    let implied = extension.and_then(Format::from_extension);
    match (named, implied) {
        (Some(named), Some(implied)) if named != implied => Err(format!(
            "--format {named} contradicts --out's extension .{}; use --format {implied} or another file name",
            extension.unwrap_or_default()
        )),
        (Some(named), _) => Ok(named),
        (None, Some(implied)) => Ok(implied),
        (None, None) => Ok(Format::Markdown),
    }
}

/// Runs the command: `command` is how it was called (for the usage line), `arguments` what
/// follows it.
pub fn main(command: &str, no_file: NoFile, arguments: Vec<String>) -> ExitCode {
    let args = match parse_args(command, no_file, arguments) {
        Ok(args) => args,
        Err(message) => {
            super::print_error(&message);
            return ExitCode::from(2);
        }
    };
    // Checked before the register is read or any file touched.
    if let Err(error) = ropa::report::supported(args.kind, args.format) {
        eprintln!("{error}");
        return ExitCode::from(2);
    }
    let mut args = args;
    match super::policy_for(&args.file, args.policy.as_deref()) {
        Ok(Some(policy)) => {
            args.options.validation = args.options.validation.clone().policy(policy);
        }
        Ok(None) => {}
        Err(message) => {
            super::print_error(&message);
            return ExitCode::from(2);
        }
    }
    let register =
        match super::read_register(std::path::Path::new(&args.file), args.max_input_bytes) {
            Ok(register) => register,
            Err(message) => {
                super::print_error(&message);
                return ExitCode::from(2);
            }
        };
    let result = match &args.out {
        Some(path) => render_to_path(&register, args.kind, args.format, &args.options, path),
        None if std::io::IsTerminal::is_terminal(&std::io::stdout()) => {
            to_terminal(&register, &args)
        }
        None => render(
            &register,
            args.kind,
            args.format,
            &args.options,
            std::io::stdout().lock(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{}", terminal_escape(&super::error_chain(&error)));
            ExitCode::from(2)
        }
    }
}

/// The report on a terminal: each line with its controls, DEL, C1 and bidi controls shown as
/// escapes, so that no value (a CSV cell holds its text raw, as it must for a spreadsheet) can
/// drive the terminal. A file or a pipe gets the report as it is.
fn to_terminal(register: &ropa::Register, args: &Args) -> Result<(), ropa::report::ReportError> {
    let mut rendered = Vec::new();
    render(
        register,
        args.kind,
        args.format,
        &args.options,
        &mut rendered,
    )?;
    let shown = shown_on_terminal(&String::from_utf8_lossy(&rendered));
    std::io::Write::write_all(&mut std::io::stdout().lock(), shown.as_bytes())
        .map_err(ropa::report::ReportError::Io)
}

/// Text with every line's controls escaped and its line ending kept.
fn shown_on_terminal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (body, end) = if let Some(body) = line.strip_suffix("\r\n") {
            (body, "\r\n")
        } else if let Some(body) = line.strip_suffix('\n') {
            (body, "\n")
        } else {
            (line, "")
        };
        out.push_str(&terminal_escape(body));
        out.push_str(end);
    }
    out
}
