//! `export` (`ropa export`): writes a register as the ICO's controller template, an xlsx workbook
//! with a `Findings` sheet linking each finding to its cell and a `More` sheet of the facts the
//! template has no column for; `ropa import` reads it back. The file is replaced only once it is
//! whole. With `--format fides` it writes a fides manifest instead (`ropa::fides::to_manifest`),
//! with `--format dpv` the register as DPV JSON-LD (`ropa::dpv::to_json_ld`).
//! Shared by `cargo run --example export` and `ropa export` (the `cli` feature).

use std::process::ExitCode;

use ropa::NaiveDate;
use ropa::report::ReportOptions;

/// The arguments after the command, as its usage line gives them.
pub const OPTIONS: &str = "--out PATH [--format xlsx|fides|dpv] [--as-of YYYY-MM-DD] [--layout ico-controller|ico-processor] [--max-input-bytes BYTES] FILE";

#[derive(Clone, Copy)]
enum Format {
    Xlsx,
    Fides,
    Dpv,
}

struct Args {
    file: String,
    out: String,
    options: ReportOptions,
    /// The processor template (Art 30(2)) rather than the controller's.
    processor: bool,
    /// What to write: the workbook, a fides manifest or DPV JSON-LD.
    format: Format,
    max_input_bytes: u64,
}

fn parse_args(command: &str, arguments: Vec<String>) -> Result<Args, String> {
    let usage = || format!("usage: {command} {OPTIONS}");
    let (mut file, mut out, mut options) = (None, None, ReportOptions::default());
    let mut processor = false;
    let mut format = Format::Xlsx;
    let mut max_input_bytes = ropa::DEFAULT_MAX_INPUT_BYTES;
    let mut arguments = super::split_equals(arguments).into_iter();
    while let Some(argument) = arguments.next() {
        match argument.as_str() {
            "--out" => out = Some(arguments.next().ok_or_else(usage)?),
            "--as-of" => {
                let date = arguments.next().ok_or_else(usage)?;
                let date: NaiveDate = date
                    .parse()
                    .map_err(|_| format!("--as-of takes a date YYYY-MM-DD, not '{date}'"))?;
                options = options.as_of(date);
            }
            "--layout" => match arguments.next().as_deref() {
                Some("ico-controller") => processor = false,
                Some("ico-processor") => processor = true,
                Some(other) => {
                    return Err(format!(
                        "unknown layout '{other}': the layouts are ico-controller and ico-processor\n{}",
                        usage()
                    ));
                }
                None => return Err(usage()),
            },
            "--max-input-bytes" => {
                max_input_bytes = super::max_input_bytes(&arguments.next().ok_or_else(usage)?)?;
            }
            "--format" => match arguments.next().as_deref() {
                Some("xlsx") => format = Format::Xlsx,
                Some("fides") => format = Format::Fides,
                Some("dpv") => format = Format::Dpv,
                Some(other) => {
                    return Err(format!(
                        "unknown format '{other}': the formats are xlsx, fides and dpv\n{}",
                        usage()
                    ));
                }
                None => return Err(usage()),
            },
            "-h" | "--help" => return Err(usage()),
            other if other.starts_with("--") => {
                return Err(format!("unknown option {other}\n{}", usage()));
            }
            _ if file.is_none() => file = Some(argument),
            _ => return Err(format!("one register at a time\n{}", usage())),
        }
    }
    Ok(Args {
        file: file.ok_or_else(usage)?,
        out: out.ok_or_else(|| format!("--out names the file to write\n{}", usage()))?,
        options,
        processor,
        format,
        max_input_bytes,
    })
}

/// Runs the command: `command` is how it was called (for the usage line), `arguments` what
/// follows it. Exit status 0 when the workbook is written, 2 when the register cannot be read or
/// the workbook written.
pub fn main(command: &str, arguments: Vec<String>) -> ExitCode {
    let escape = ropa::report::terminal_escape;
    let args = match parse_args(command, arguments) {
        Ok(args) => args,
        Err(message) => {
            super::print_error(&message);
            return ExitCode::from(2);
        }
    };
    let register = match ropa::from_path_within(&args.file, args.max_input_bytes) {
        Ok(register) => register,
        Err(error) => {
            eprintln!("{}", escape(&super::error_chain(&error)));
            return ExitCode::from(2);
        }
    };
    let other = match args.format {
        Format::Xlsx => None,
        Format::Fides => Some(
            ropa::fides::to_manifest_path(&register, &args.out).map_err(|e| super::error_chain(&e)),
        ),
        Format::Dpv => Some(
            ropa::dpv::to_json_ld_path(&register, &args.out).map_err(|e| super::error_chain(&e)),
        ),
    };
    if let Some(written) = other {
        return match written {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                super::print_error(&message);
                ExitCode::from(2)
            }
        };
    }
    let written = if args.processor {
        ropa::report::render_processor_workbook_to_path(&register, &args.options, &args.out)
    } else {
        ropa::report::render_workbook_to_path(&register, &args.options, &args.out)
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{}", escape(&super::error_chain(&error)));
            ExitCode::from(2)
        }
    }
}
