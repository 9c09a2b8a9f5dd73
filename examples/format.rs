//! Rewrites register files in the crate's canonical JSON layout, so that they round-trip byte for byte.
//!
//! ```text
//! cargo run --example format -- FILE...
//! ```
//!
//! The options, output and exit status are those of `ropa fmt` (the `cli` feature): both run the
//! shared code in `src/cli/format.rs`, whose docs say what the command does.

#[allow(dead_code, reason = "each example runs one of the shared commands")]
#[path = "../src/cli/mod.rs"]
mod cli;

fn main() -> std::process::ExitCode {
    cli::format::main(
        "cargo run --example format --",
        std::env::args().skip(1).collect(),
    )
}
