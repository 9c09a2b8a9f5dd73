//! Prints the register's JSON Schema (`--strict`: the strict one).
//!
//! ```text
//! cargo run --example schema -- [--strict]
//! ```
//!
//! The options, output and exit status are those of `ropa schema` (the `cli` feature): both run the
//! shared code in `src/cli/schema.rs`, whose docs say what the command does.

#[allow(dead_code, reason = "each example runs one of the shared commands")]
#[path = "../src/cli/mod.rs"]
mod cli;

fn main() -> std::process::ExitCode {
    cli::schema::main(
        "cargo run --example schema --",
        std::env::args().skip(1).collect(),
    )
}
