//! Reads a register kept in a spreadsheet (the ICO controller template, as xlsx, ods or csv) and
//! writes it as JSON.
//!
//! ```text
//! cargo run --example import -- FILE [--out PATH]
//! ```
//!
//! The options, output and exit status are those of `ropa import` (the `cli` feature): both run
//! the shared code in `src/cli/import.rs`, whose docs say what the command does.

#[allow(dead_code, reason = "each example runs one of the shared commands")]
#[path = "../src/cli/mod.rs"]
mod cli;

fn main() -> std::process::ExitCode {
    cli::import::main(
        "cargo run --example import --",
        std::env::args().skip(1).collect(),
    )
}
