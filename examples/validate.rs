//! Validates registers and prints the findings.
//!
//! ```text
//! cargo run --example validate -- [--format text|json|sarif|markdown] [--as-of YYYY-MM-DD]
//!     [--min-severity info|warning|error] [--list-rules] [FILE...]
//! ```
//!
//! The options, output and exit status are those of `ropa validate` (the `cli` feature): both run the
//! shared code in `src/cli/validate.rs`, whose docs say what the command does.

#[allow(dead_code, reason = "each example runs one of the shared commands")]
#[path = "../src/cli/mod.rs"]
mod cli;

fn main() -> std::process::ExitCode {
    cli::validate::main(
        "cargo run --example validate --",
        cli::NoFile::Bundled,
        std::env::args().skip(1).collect(),
    )
}
