//! `format` (`ropa fmt`): rewrites register files in the crate's canonical JSON layout (fields in
//! model order, two-space indentation, final newline), so that they round-trip byte for byte.
//! Shared by `cargo run --example format` and `ropa fmt` (the `cli` feature).

use std::process::ExitCode;

/// The arguments after the command, as its usage line gives them.
pub const OPTIONS: &str = "FILE...";

/// Runs the command: `command` is how it was called (for the usage line), `arguments` what
/// follows it. Exit status 2 when a file cannot be read, parsed or written (the others are still
/// rewritten).
pub fn main(command: &str, arguments: Vec<String>) -> ExitCode {
    if arguments.is_empty() || arguments.iter().any(|a| a == "-h" || a == "--help") {
        eprintln!("usage: {command} {OPTIONS}");
        return ExitCode::from(2);
    }
    let mut status = ExitCode::SUCCESS;
    for file in &arguments {
        // Rewritten through a temporary file renamed over it: a full disk or a file-size limit
        // leaves the register as it was, never truncated.
        let result = ropa::from_path(file).and_then(|register| ropa::to_path(&register, file));
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
