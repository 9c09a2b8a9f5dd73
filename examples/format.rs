//! Rewrites register files in the crate's canonical JSON layout (fields in model order,
//! two-space indentation, final newline), so that they round-trip byte for byte.
//!
//! `cargo run --example format -- FILE...`

use std::process::ExitCode;

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: cargo run --example format -- FILE...");
        return ExitCode::from(2);
    }
    let mut status = ExitCode::SUCCESS;
    for file in &files {
        let result = ropa::from_path(file)
            .and_then(|register| ropa::to_string(&register))
            .and_then(|json| {
                std::fs::write(file, json).map_err(|source| ropa::Error::Io {
                    path: file.into(),
                    source,
                })
            });
        if let Err(error) = result {
            eprintln!("{error}");
            status = ExitCode::from(2);
        }
    }
    status
}
