//! Renders an auditor's report of a register.
//!
//! ```text
//! cargo run --example report -- [--kind register|retention|transfers|special-category|findings|notice]
//!     [--format markdown|html|csv|json] [--as-of YYYY-MM-DD] [--out PATH] [FILE]
//! ```
//!
//! The options, output and exit status are those of `ropa report` (the `cli` feature): both run the
//! shared code in `src/cli/report.rs`, whose docs say what the command does.

#[allow(dead_code, reason = "each example runs one of the shared commands")]
#[path = "../src/cli/mod.rs"]
mod cli;

fn main() -> std::process::ExitCode {
    cli::report::main(
        "cargo run --example report --",
        cli::NoFile::Bundled,
        std::env::args().skip(1).collect(),
    )
}
