//! `pack` (`ropa pack`): writes the evidence pack of a register (`ropa::pack`) into a new or
//! empty folder, or as one zip with `--zip`: the register as read and in canonical form, every
//! report, the findings as JSON and SARIF, the schema, the law tables of the date, the ICO
//! workbook, the diff from `--previous`, and a `MANIFEST` that `sha256sum -c MANIFEST` checks.
//! Shared by `cargo run --example pack` and `ropa pack` (the `cli` feature).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use ropa::NaiveDate;
use ropa::report::ReportOptions;

/// The arguments after the command, as its usage line gives them.
pub const OPTIONS: &str = "--out DIR|PATH.zip [--zip] [--as-of YYYY-MM-DD] [--previous OLD.json] [--policy ropa.toml] [--max-input-bytes BYTES] FILE";

struct Args {
    file: PathBuf,
    out: PathBuf,
    zip: bool,
    previous: Option<PathBuf>,
    policy: Option<PathBuf>,
    options: ReportOptions,
    max_input_bytes: u64,
}

fn parse_args(command: &str, arguments: Vec<String>) -> Result<Args, String> {
    let usage = || format!("usage: {command} {OPTIONS}");
    let (mut file, mut out, mut previous, mut policy) = (None, None, None, None);
    let (mut zip, mut options) = (false, ReportOptions::default());
    let mut max_input_bytes = ropa::DEFAULT_MAX_INPUT_BYTES;
    let mut arguments = super::split_equals(arguments).into_iter();
    while let Some(argument) = arguments.next() {
        let mut value = || arguments.next().ok_or_else(usage);
        match argument.as_str() {
            "--out" => out = Some(PathBuf::from(value()?)),
            "--zip" => zip = true,
            "--previous" => previous = Some(PathBuf::from(value()?)),
            "--policy" => policy = Some(PathBuf::from(value()?)),
            "--as-of" => {
                let date = value()?;
                let date: NaiveDate = date
                    .parse()
                    .map_err(|_| format!("--as-of takes a date YYYY-MM-DD, not '{date}'"))?;
                options = options.as_of(date);
            }
            "--max-input-bytes" => max_input_bytes = super::max_input_bytes(&value()?)?,
            "-h" | "--help" => return Err(usage()),
            other if other.starts_with("--") => {
                return Err(format!("unknown option {other}\n{}", usage()));
            }
            _ if file.is_none() => file = Some(PathBuf::from(argument)),
            _ => return Err(format!("one register at a time\n{}", usage())),
        }
    }
    Ok(Args {
        file: file.ok_or_else(usage)?,
        out: out.ok_or_else(|| format!("--out names the folder (or zip) to write\n{}", usage()))?,
        zip,
        previous,
        policy,
        options,
        max_input_bytes,
    })
}

/// A register and the bytes it was read from: a JSON file within the bound, or a workbook.
fn read(path: &Path, max_input_bytes: u64) -> Result<(Vec<u8>, ropa::Register), String> {
    if super::is_spreadsheet(path) {
        let register = super::read_register(path, max_input_bytes)?;
        let bytes = super::read_bounded_bytes(path, max_input_bytes)?;
        return Ok((bytes, register));
    }
    let (text, register) = ropa::from_path_with_text(path, max_input_bytes)
        .map_err(|error| super::error_chain(&error.in_file(path)))?;
    Ok((text.into_bytes(), register))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "register".to_owned())
}

/// Runs the command: `command` is how it was called (for the usage line), `arguments` what
/// follows it. Exit status 0 when the pack is written, 2 when an input cannot be read or the pack
/// written.
pub fn main(command: &str, arguments: Vec<String>) -> ExitCode {
    match run(command, arguments) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            super::print_error(&message);
            ExitCode::from(2)
        }
    }
}

fn run(command: &str, arguments: Vec<String>) -> Result<(), String> {
    let mut args = parse_args(command, arguments)?;
    let (original, register) = read(&args.file, args.max_input_bytes)?;
    if let Some(policy) = super::policy_for(&args.file, args.policy.as_deref())? {
        args.options = args.options.policy(policy);
    }
    let previous = match &args.previous {
        Some(path) => Some((read(path, args.max_input_bytes)?.1, file_name(path))),
        None => None,
    };
    let name = file_name(&args.file);
    let mut input = ropa::pack::PackInput::new(&register, &original, &name);
    if let Some((old, old_name)) = &previous {
        input = input.with_previous(old, old_name);
    }
    let files =
        ropa::pack::pack(&input, &args.options).map_err(|error| super::error_chain(&error))?;
    let written = if args.zip {
        ropa::pack::write_zip(&files, &args.out)
    } else {
        ropa::pack::write_dir(&files, &args.out)
    };
    written.map_err(|error| super::error_chain(&error))
}
