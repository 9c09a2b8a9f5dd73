//! Writes the evidence pack of a register: every report, the findings as JSON and SARIF, the
//! schema, the law tables of the date and a `MANIFEST` that `sha256sum -c MANIFEST` checks.
//!
//! ```text
//! cargo run --example pack -- --as-of 2026-12-06 --out pack examples/data/kent-parent-carer-panel.json
//! ```
//!
//! The options, output and exit status are those of `ropa pack` (the `cli` feature): both run
//! the shared code in `src/cli/pack.rs`, whose docs say what the command does.

#[allow(dead_code, reason = "each example runs one of the shared commands")]
#[path = "../src/cli/mod.rs"]
mod cli;

fn main() -> std::process::ExitCode {
    cli::pack::main(
        "cargo run --example pack --",
        std::env::args().skip(1).collect(),
    )
}
