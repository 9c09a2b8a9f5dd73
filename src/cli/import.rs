//! `import` (`ropa import`): reads a register kept in a spreadsheet (the ICO controller template,
//! as xlsx, ods or csv) or a fides manifest (YAML or JSON) and writes it as JSON in the current
//! format, to standard output or, with `--out`, to a file that is replaced only once it is whole.
//! What the import could not read into typed facts is kept in each activity's notes and listed on
//! standard error, cell by cell or field by field.
//! Shared by `cargo run --example import` and `ropa import` (the `cli` feature).

use std::io::Write;
use std::process::ExitCode;

/// The arguments after the command, as its usage line gives them.
pub const OPTIONS: &str = "FILE [--out PATH] [--layout ico-controller|ico-processor|fides|LAYOUT.json] [--max-input-bytes BYTES]";

struct Args {
    file: String,
    out: Option<String>,
    /// A layout of one's own; the ICO template where absent.
    layout: Option<ropa::sheet::Layout>,
    /// A fides manifest: `--layout fides`, or a name ending .yml or .yaml.
    fides: bool,
    max_input_bytes: u64,
}

fn parse_args(command: &str, arguments: Vec<String>) -> Result<Args, String> {
    let usage = || format!("usage: {command} {OPTIONS}");
    let mut file = None;
    let mut out = None;
    let mut layout = None;
    let mut fides = None;
    let mut max_input_bytes = ropa::DEFAULT_MAX_INPUT_BYTES;
    let mut arguments = super::split_equals(arguments).into_iter();
    while let Some(argument) = arguments.next() {
        match argument.as_str() {
            "--out" => out = Some(arguments.next().ok_or_else(usage)?),
            "--layout" => match arguments.next().as_deref() {
                // The template is told by its headings: the controller's or the processor's.
                Some("ico-controller" | "ico-processor") => {
                    layout = None;
                    fides = Some(false);
                }
                Some("fides") => fides = Some(true),
                Some(path) if path.ends_with(".json") => {
                    let read = ropa::sheet::Layout::from_path(path);
                    layout = Some(read.map_err(|e| super::error_chain(&e))?);
                }
                Some(other) => {
                    return Err(format!(
                        "unknown layout '{other}': ico-controller, ico-processor, fides, or a layout file ending .json\n{}",
                        usage()
                    ));
                }
                None => return Err(usage()),
            },
            "--max-input-bytes" => {
                max_input_bytes = super::max_input_bytes(&arguments.next().ok_or_else(usage)?)?;
            }
            "-h" | "--help" => return Err(usage()),
            other if other.starts_with("--") => {
                return Err(format!("unknown option {other}\n{}", usage()));
            }
            _ if file.is_none() => file = Some(argument),
            _ => return Err(format!("one file at a time\n{}", usage())),
        }
    }
    let file = file.ok_or_else(usage)?;
    let yaml = [".yml", ".yaml"]
        .iter()
        .any(|e| file.to_lowercase().ends_with(e));
    Ok(Args {
        fides: fides.unwrap_or(yaml && layout.is_none()),
        file,
        out,
        layout,
        max_input_bytes,
    })
}

/// Runs the command: `command` is how it was called (for the usage line), `arguments` what
/// follows it. Exit status 0 when the register is written, 2 when the file cannot be read as a
/// register or the output cannot be written.
pub fn main(command: &str, arguments: Vec<String>) -> ExitCode {
    let escape = ropa::report::terminal_escape;
    let args = match parse_args(command, arguments) {
        Ok(args) => args,
        Err(message) => {
            super::print_error(&message);
            return ExitCode::from(2);
        }
    };
    let register = if args.fides {
        read_fides(&args)
    } else {
        read_sheet(&args)
    };
    let Some(register) = register else {
        return ExitCode::from(2);
    };
    let written = match &args.out {
        Some(path) => ropa::to_path(&register, path),
        None => ropa::to_string(&register).and_then(|json| {
            std::io::stdout()
                .lock()
                .write_all(json.as_bytes())
                .map_err(|source| ropa::Error::Io {
                    path: "(standard output)".into(),
                    source,
                })
        }),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{}", escape(&super::error_chain(&error)));
            ExitCode::from(2)
        }
    }
}

/// The register of a spreadsheet, its unread cells said on standard error; `None` (the error said)
/// where it cannot be read.
fn read_sheet(args: &Args) -> Option<ropa::Register> {
    let read = match &args.layout {
        Some(layout) => ropa::sheet::import_path_with(&args.file, layout),
        None => ropa::sheet::import_path(&args.file),
    };
    match read {
        Ok(imported) => {
            report_unread(&args.file, &imported);
            Some(imported.register)
        }
        Err(error) => {
            super::print_error(&super::error_chain(&error));
            None
        }
    }
}

/// The register of a fides manifest, each field kept as a note said on standard error; `None`
/// (the error said) where it cannot be read.
fn read_fides(args: &Args) -> Option<ropa::Register> {
    match ropa::fides::import_path(&args.file, args.max_input_bytes) {
        Ok(imported) => {
            let mut lines = vec![format!(
                "{}: {} activities read from the fides manifest; {} fields kept as notes",
                args.file,
                imported.register.activities.len(),
                imported.unread.len()
            )];
            for unread in &imported.unread {
                let value: String = unread.value.chars().take(200).collect();
                lines.push(format!("  {}: {value}", unread.path));
            }
            super::print_error(&lines.join("\n"));
            Some(imported.register)
        }
        Err(error) => {
            super::print_error(&super::error_chain(&error));
            None
        }
    }
}

/// Says on standard error what was read, and each cell kept as a note rather than read.
fn report_unread(file: &str, imported: &ropa::sheet::Imported) {
    let escape = ropa::report::terminal_escape;
    let mut err = std::io::stderr().lock();
    let _ = writeln!(
        err,
        "{}",
        escape(&format!(
            "{file}: {} activities read from sheet '{}' ({}); {} cells kept as notes",
            imported.register.activities.len(),
            imported.sheet,
            imported.layout,
            imported.unread.len()
        ))
    );
    for unread in &imported.unread {
        let reason = match unread.reason {
            ropa::sheet::UnreadReason::ToBeConfirmed => "to be confirmed",
            ropa::sheet::UnreadReason::OwnColumn => "a column of the organisation's own",
            ropa::sheet::UnreadReason::NoField => "kept as the organisation's words",
            _ => "not read",
        };
        let line = format!(
            "  {} ({}): {} [{reason}]",
            unread.cell, unread.heading, unread.text
        );
        let _ = writeln!(err, "{}", escape(&line));
    }
}
