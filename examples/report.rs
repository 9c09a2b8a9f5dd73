//! Renders an auditor's report of a register.
//!
//! ```text
//! cargo run --example report -- [--kind register|retention|transfers|special-category|findings|notice]
//!                               [--format markdown|html|csv|json] [--as-of YYYY-MM-DD] [--out PATH] [FILE]
//! ```
//!
//! With no FILE it renders the bundled example register (an organisation that is both controller
//! and processor). Output goes to stdout unless `--out` names a file, which is replaced only when
//! the whole report is written: on any failure it is left as it was, and the message gives the
//! OS's reason.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use ropa::report::{Format, ReportKind, ReportOptions, render, render_to_path, terminal_escape};

const USAGE: &str = "usage: cargo run --example report -- [--kind register|retention|transfers|special-category|findings|notice] [--format markdown|html|csv|json] [--as-of YYYY-MM-DD] [--out PATH] [FILE]";

struct Args {
    kind: ReportKind,
    format: Format,
    options: ReportOptions,
    out: Option<PathBuf>,
    file: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        kind: ReportKind::Register,
        format: Format::Markdown,
        options: ReportOptions::default(),
        out: None,
        file: Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/data/northfield-research-processor.json"),
    };
    let mut file = None;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .ok_or_else(|| format!("{name} needs a value\n{USAGE}"))
        };
        match arg.as_str() {
            "--kind" => {
                let text = value("--kind")?;
                args.kind = text
                    .replace('-', "_")
                    .parse()
                    .map_err(|_| format!("unknown kind '{text}'\n{USAGE}"))?;
            }
            "--format" => {
                let text = value("--format")?;
                args.format = text
                    .parse()
                    .map_err(|_| format!("unknown format '{text}'\n{USAGE}"))?;
            }
            "--as-of" => {
                let text = value("--as-of")?;
                let date = NaiveDate::parse_from_str(&text, "%Y-%m-%d")
                    .map_err(|e| format!("--as-of {text}: {e} (use YYYY-MM-DD)"))?;
                args.options = args.options.as_of(date);
            }
            "--out" => args.out = Some(PathBuf::from(value("--out")?)),
            "-h" | "--help" => return Err(USAGE.to_owned()),
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag}\n{USAGE}"));
            }
            path if file.is_none() => file = Some(PathBuf::from(path)),
            _ => return Err(format!("one FILE at a time\n{USAGE}")),
        }
    }
    if let Some(file) = file {
        args.file = file;
    }
    Ok(args)
}

/// The error and its causes, one after the other: the OS's reason is in the source.
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    text
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{}", terminal_escape(&message));
            return ExitCode::from(2);
        }
    };
    // Checked before the register is read or any file touched.
    if let Err(error) = ropa::report::supported(args.kind, args.format) {
        eprintln!("{error}");
        return ExitCode::from(2);
    }
    let register = match ropa::from_path(&args.file) {
        Ok(register) => register,
        Err(error) => {
            eprintln!("{}", terminal_escape(&error_chain(&error)));
            return ExitCode::from(2);
        }
    };
    let result = match &args.out {
        Some(path) => render_to_path(&register, args.kind, args.format, &args.options, path),
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
            eprintln!("{}", terminal_escape(&error_chain(&error)));
            ExitCode::from(2)
        }
    }
}
