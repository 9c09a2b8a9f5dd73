//! Writes a deterministic synthetic register to stdout.
//!
//! `cargo run --release --example synth -- --activities N [--seed S]`
//!
//! Same N and seed, same bytes. See `ropa::synth` for what the register holds.

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut activities = 100usize;
    let mut seed = 1u64;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next();
        let parsed = match (arg.as_str(), value.as_deref()) {
            ("--activities", Some(v)) => v.parse().map(|n| activities = n).is_ok(),
            ("--seed", Some(v)) => v.parse().map(|s| seed = s).is_ok(),
            _ => false,
        };
        if !parsed {
            eprintln!("usage: cargo run --release --example synth -- --activities N [--seed S]");
            return ExitCode::from(2);
        }
    }
    let register = ropa::synth::synthetic_register(activities, seed);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match ropa::to_writer(&mut out, &register).and_then(|()| {
        out.flush()
            .map_err(|e| ropa::Error::Write(serde_json::Error::io(e)))
    }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{error}");
            ExitCode::from(2)
        }
    }
}
