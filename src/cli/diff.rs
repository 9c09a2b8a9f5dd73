//! `diff`: compares two versions of a register, what was added, removed or changed, by id.
//! Shared by `cargo run --example diff` and `ropa diff` (the `cli` feature).
//!
//! With `--as-of` it also lists the findings the change introduced and resolved. Exit status, as
//! diff(1): 0 when the registers are the same, 1 when they differ, 2 when a file cannot be read or
//! parsed (the message names the file, the JSON Pointer and line:column).

use std::path::PathBuf;
use std::process::ExitCode;

use ropa::diff::DiffFormat;
use ropa::{NaiveDate, ValidationOptions};

struct Args {
    format: DiffFormat,
    as_of: Option<NaiveDate>,
    files: Vec<PathBuf>,
    max_input_bytes: u64,
}

/// The options after the command, as its usage line gives them.
pub const OPTIONS: &str =
    "[--format markdown|html|json] [--as-of YYYY-MM-DD] [--max-input-bytes BYTES] OLD NEW";

/// Reads the arguments after the command; `command` is how it was called, for the usage line.
fn parse_args(command: &str, arguments: Vec<String>) -> Result<Args, String> {
    let usage = || format!("usage: {command} {OPTIONS}");
    let mut args = Args {
        format: DiffFormat::Markdown,
        as_of: None,
        files: Vec::new(),
        max_input_bytes: ropa::DEFAULT_MAX_INPUT_BYTES,
    };
    let mut it = super::split_equals(arguments).into_iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .ok_or_else(|| format!("{name} needs a value\n{}", usage()))
        };
        match arg.as_str() {
            "--format" => {
                let text = value("--format")?;
                args.format = text
                    .parse()
                    .map_err(|_| format!("unknown format '{text}': use markdown, html or json"))?;
            }
            "--as-of" => {
                let text = value("--as-of")?;
                let date = NaiveDate::parse_from_str(&text, "%Y-%m-%d")
                    .map_err(|e| format!("--as-of {text}: {e} (use YYYY-MM-DD)"))?;
                args.as_of = Some(date);
            }
            "--max-input-bytes" => {
                args.max_input_bytes = super::max_input_bytes(&value("--max-input-bytes")?)?;
            }
            "-h" | "--help" => return Err(usage()),
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag}\n{}", usage()));
            }
            file => args.files.push(PathBuf::from(file)),
        }
    }
    if args.files.len() != 2 {
        return Err(format!("give two files, OLD and NEW\n{}", usage()));
    }
    Ok(args)
}

/// Runs the command: `command` is how it was called (for the usage line), `arguments` what
/// follows it.
pub fn main(command: &str, arguments: Vec<String>) -> ExitCode {
    let args = match parse_args(command, arguments) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let mut registers = Vec::new();
    for path in &args.files {
        match super::read_register(std::path::Path::new(path), args.max_input_bytes) {
            Ok(register) => registers.push(register),
            Err(message) => {
                super::print_error(&message);
                return ExitCode::from(2);
            }
        }
    }
    let (old, new) = (&registers[0], &registers[1]);
    let result = match args.as_of {
        Some(date) => {
            ropa::diff::diff_with_findings(old, new, &ValidationOptions::default().as_of(date))
        }
        None => ropa::diff::diff(old, new),
    };
    let names: Vec<String> = args.files.iter().map(|p| p.display().to_string()).collect();
    if let Err(error) = result.render(args.format, &names[0], &names[1], std::io::stdout().lock()) {
        eprintln!("cannot write the diff: {error}");
        return ExitCode::from(2);
    }
    if result.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
