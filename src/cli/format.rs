//! `format` (`ropa fmt`): rewrites register files in the crate's canonical JSON layout (fields in
//! model order, two-space indentation, final newline), so that they round-trip byte for byte.
//! Shared by `cargo run --example format` and `ropa fmt` (the `cli` feature).
//!
//! `--check` rewrites nothing: it names each file not in canonical form and exits 1, as
//! `rustfmt --check` and `cargo fmt --check` do, so CI can require canonical registers.

use std::process::ExitCode;

/// The arguments after the command, as its usage line gives them.
pub const OPTIONS: &str = "[--check] [--max-input-bytes BYTES] FILE...";

/// Runs the command: `command` is how it was called (for the usage line), `arguments` what
/// follows it. Exit status 2 when a file cannot be read, parsed or written (the others are still
/// rewritten).
pub fn main(command: &str, arguments: Vec<String>) -> ExitCode {
    let args = match parse_args(arguments) {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("{message}\nusage: {command} {OPTIONS}");
            return ExitCode::from(2);
        }
    };
    if args.check {
        return check(&args);
    }
    let mut status = ExitCode::SUCCESS;
    for file in &args.files {
        // Rewritten through a temporary file renamed over it: a full disk or a file-size limit
        // leaves the register as it was, never truncated.
        let result = ropa::from_path_within(file, args.max_input_bytes)
            .and_then(|register| ropa::to_path(&register, file));
        if let Err(error) = result {
            eprintln!(
                "{}",
                ropa::report::terminal_escape(&super::error_chain(&error))
            );
            status = ExitCode::from(2);
        }
    }
    status
}

/// `--check`: each file not in canonical form named on standard output; exit status 1 when
/// one is not, 2 when one cannot be read or parsed, else 0.
fn check(args: &Args) -> ExitCode {
    let (mut unformatted, mut unreadable) = (false, false);
    for file in &args.files {
        let canonical =
            ropa::from_path_with_text(file, args.max_input_bytes).and_then(|(text, register)| {
                ropa::to_string(&register).map(|canonical| canonical == text)
            });
        match canonical {
            Ok(true) => {}
            Ok(false) => {
                unformatted = true;
                println!(
                    "{}",
                    ropa::report::terminal_escape(&format!(
                        "{file}: not in canonical form (ropa fmt rewrites it)"
                    ))
                );
            }
            Err(error) => {
                unreadable = true;
                eprintln!(
                    "{}",
                    ropa::report::terminal_escape(&super::error_chain(&error))
                );
            }
        }
    }
    if unreadable {
        ExitCode::from(2)
    } else if unformatted {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// What `fmt` was asked to do.
struct Args {
    files: Vec<String>,
    max_input_bytes: u64,
    /// Report the files not in canonical form instead of rewriting them.
    check: bool,
}

/// The files to rewrite and the read limit; an error for a missing file, an unknown option or help.
fn parse_args(arguments: Vec<String>) -> Result<Args, String> {
    let mut files = Vec::new();
    let mut max_input_bytes = ropa::DEFAULT_MAX_INPUT_BYTES;
    let mut check = false;
    let mut arguments = super::split_equals(arguments).into_iter();
    while let Some(argument) = arguments.next() {
        match argument.as_str() {
            "--check" => check = true,
            "--max-input-bytes" => {
                let text = arguments.next().ok_or("--max-input-bytes needs a value")?;
                max_input_bytes = super::max_input_bytes(&text)?;
            }
            "-h" | "--help" => return Err("rewrites each FILE in canonical form".to_owned()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            _ => files.push(argument),
        }
    }
    if files.is_empty() {
        return Err("give at least one FILE".to_owned());
    }
    Ok(Args {
        files,
        max_input_bytes,
        check,
    })
}
