//! Compares two versions of a register: what was added, removed or changed, by id.
//!
//! ```text
//! cargo run --example diff -- [--format markdown|html|json] [--as-of YYYY-MM-DD] OLD NEW
//! ```
//!
//! The options, output and exit status are those of `ropa diff` (the `cli` feature): both run the
//! shared code in `src/cli/diff.rs`, whose docs say what the command does.

#[allow(dead_code, reason = "each example runs one of the shared commands")]
#[path = "../src/cli/mod.rs"]
mod cli;

fn main() -> std::process::ExitCode {
    cli::diff::main(
        "cargo run --example diff --",
        std::env::args().skip(1).collect(),
    )
}
