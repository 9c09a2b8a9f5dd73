//! Measures how every command grows on the adversarial shapes of register, from `n` to `4n`:
//! the commands of the growth test (`tests/integration/growth_commands.rs`), timed alike.
//!
//! `cargo run --release --example growth -- [--n N] [--runs R] [--shape NAME] [--summary]` (default `n` 2 000, 3 runs)
//!
//! For each shape of `ropa::synth::Shape` and each command (parse, validate in every format,
//! every report kind in every format it supports, diff in every format), prints the growth of the input (JSON bytes), of the time (the
//! thread's CPU time, the best of R runs, so that other processes on a shared machine do not
//! count) and of the output (bytes) from `n` to `4n`. Linear work shows as about 4x in time;
//! quadratic work as about 16x. `--summary` prints one row a shape: the largest growth of time
//! (over commands taking at least a millisecond at `4n`) and of output over every command.

use std::time::Duration;

use ropa::report::ReportOptions;
use ropa::synth::Shape;

#[path = "../tests/integration/growth_commands.rs"]
mod growth_commands;

use growth_commands::{Command, Input, run};

fn best(runs: usize, mut f: impl FnMut() -> usize) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut size = 0;
    for _ in 0..runs.max(1) {
        let start = cpu_time::ThreadTime::now();
        size = f();
        best = best.min(start.elapsed());
    }
    (best, size)
}

fn main() {
    let mut n = 2_000usize;
    let mut runs = 3usize;
    let mut summary = false;
    let mut only: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--summary" {
            summary = true;
            continue;
        }
        if arg == "--shape" {
            only = args.next();
            continue;
        }
        match (arg.as_str(), args.next().and_then(|v| v.parse().ok())) {
            ("--n", Some(v)) => n = v,
            ("--runs", Some(v)) => runs = v,
            _ => {
                eprintln!(
                    "usage: cargo run --release --example growth -- [--n N] [--runs R] [--shape NAME] [--summary]"
                );
                std::process::exit(2);
            }
        }
    }
    let options = ReportOptions::default().as_of("2026-11-22".parse().unwrap());
    if summary {
        println!(
            "| shape | input {n} -> {} | time, largest over every command | output, largest |",
            4 * n
        );
        println!("|---|---:|---:|---:|");
    } else {
        println!(
            "| shape | command | input {n} -> {} | time | output |",
            4 * n
        );
        println!("|---|---|---:|---:|---:|");
    }
    for shape in Shape::ALL
        .iter()
        .filter(|s| only.as_deref().is_none_or(|o| o == s.name()))
    {
        let small = Input::new(*shape, n);
        let large = Input::new(*shape, 4 * n);
        let input = large.json.len() as f64 / small.json.len() as f64;
        let mut worst: (f64, String, f64, String) = (0.0, String::new(), 0.0, String::new());
        for command in Command::all() {
            let (t1, o1) = best(runs, || run(command, &small, &options));
            let (t4, o4) = best(runs, || run(command, &large, &options));
            let time = t4.as_secs_f64() / t1.as_secs_f64().max(1e-9);
            let output = (o1 > 0).then(|| o4 as f64 / o1 as f64);
            // Commands under a millisecond at 4n are timer noise, not growth.
            if t4 >= Duration::from_millis(1) && time > worst.0 {
                worst.0 = time;
                worst.1 = command.name();
            }
            if let Some(output) = output.filter(|o| *o > worst.2) {
                worst.2 = output;
                worst.3 = command.name();
            }
            if !summary {
                let output = output.map_or_else(|| "-".to_owned(), |o| format!("{o:.1}x"));
                println!(
                    "| {} | {} | {input:.1}x | {time:.1}x ({:.1} ms -> {:.1} ms) | {output} |",
                    shape.name(),
                    command.name(),
                    t1.as_secs_f64() * 1e3,
                    t4.as_secs_f64() * 1e3,
                );
            }
        }
        if summary {
            println!(
                "| {} | {input:.1}x | {:.1}x ({}) | {:.1}x ({}) |",
                shape.name(),
                worst.0,
                worst.1,
                worst.2,
                worst.3
            );
        }
    }
}
