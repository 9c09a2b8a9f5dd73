//! Writes a register as the ICO's controller template (xlsx), which `import` reads back.
//!
//! ```text
//! cargo run --example export -- --out register.xlsx FILE
//! ```
//!
//! The options, output and exit status are those of `ropa export` (the `cli` feature): both run
//! the shared code in `src/cli/export.rs`, whose docs say what the command does.

#[allow(dead_code, reason = "each example runs one of the shared commands")]
#[path = "../src/cli/mod.rs"]
mod cli;

fn main() -> std::process::ExitCode {
    cli::export::main(
        "cargo run --example export --",
        std::env::args().skip(1).collect(),
    )
}
