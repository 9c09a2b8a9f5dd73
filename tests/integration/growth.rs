//! Every command grows linearly on the adversarial shapes of register (`ropa::synth::Shape`):
//! from `n` to `4n`, time grows less than 8 times (quadratic work would grow 16 times) and output
//! no more than the input does (with a quarter's slack).
//!
//! Time is the thread's CPU time, so that other processes on a shared machine do not count; the
//! best of several runs; and a command over its bound is measured again with more runs before it
//! fails. `ROPA_GROWTH=1` prints every measurement.

use std::time::Duration;

use ropa::Register;
use ropa::report::{Format, ReportKind, ReportOptions, render, supported};
use ropa::synth::{Shape, adversarial_register};

/// The thread's CPU time, so that other processes on a shared machine do not count.
fn now() -> Duration {
    cpu_time::ThreadTime::now().as_duration()
}

#[derive(Clone, Copy, Debug)]
enum Command {
    Parse,
    Validate,
    Report(ReportKind, Format),
}

fn commands() -> Vec<Command> {
    let mut all = vec![Command::Parse, Command::Validate];
    for kind in ReportKind::ALL {
        for format in Format::ALL {
            if supported(*kind, *format).is_ok() {
                all.push(Command::Report(*kind, *format));
            }
        }
    }
    all
}

struct Input {
    json: String,
    register: Register,
}

/// Runs the command; returns the size of what it produced.
fn run(command: Command, input: &Input, options: &ReportOptions) -> usize {
    match command {
        Command::Parse => {
            let register = ropa::from_str(&input.json).unwrap();
            register.activities.len()
        }
        Command::Validate => ropa::validate(&input.register, &options.validation)
            .findings
            .iter()
            .map(|f| f.message.len() + f.path.len())
            .sum(),
        Command::Report(kind, format) => {
            let mut out = Vec::new();
            render(&input.register, kind, format, options, &mut out).unwrap();
            out.len()
        }
    }
}

/// The best time of `runs` runs, and the output size.
fn measure(
    command: Command,
    input: &Input,
    options: &ReportOptions,
    runs: usize,
) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut size = 0;
    for _ in 0..runs {
        let start = now();
        size = run(command, input, options);
        best = best.min(now().saturating_sub(start));
    }
    (best, size)
}

const N: usize = 600;
const TIME_BOUND: f64 = 8.0;

#[test]
fn every_command_grows_linearly_on_every_adversarial_shape() {
    let options = ReportOptions::default().as_of("2026-11-22".parse().unwrap());
    let mut failures = Vec::new();
    for shape in Shape::ALL {
        let n: usize = std::env::var("ROPA_GROWTH_N")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(N);
        let inputs = [n, 4 * n].map(|n| {
            let register = adversarial_register(*shape, n);
            Input {
                json: ropa::to_string(&register).unwrap(),
                register,
            }
        });
        let input_growth = inputs[1].json.len() as f64 / inputs[0].json.len() as f64;
        for command in commands() {
            if shape.register_csv_repeats_by_design()
                && matches!(command, Command::Report(ReportKind::Register, Format::Csv))
            {
                continue;
            }
            let mut runs = 3;
            loop {
                let (t1, o1) = measure(command, &inputs[0], &options, runs);
                let (t4, o4) = measure(command, &inputs[1], &options, runs);
                // A floor of 50 microseconds keeps timer granularity out of the ratio.
                let floor = Duration::from_micros(50);
                let time = t4.max(floor).as_secs_f64() / t1.max(floor).as_secs_f64();
                let output = o4 as f64 / o1.max(1) as f64;
                let output_ok = o1 == 0 || output <= input_growth * 1.25;
                if std::env::var_os("ROPA_GROWTH").is_some() {
                    eprintln!(
                        "{} {command:?}: time {t1:?} -> {t4:?} ({time:.1}x), output {output:.1}x",
                        shape.name()
                    );
                }
                if output_ok && time < TIME_BOUND {
                    break;
                }
                if runs >= 6 || !output_ok {
                    failures.push(format!(
                        "{} {command:?}: time {t1:?} -> {t4:?} ({time:.1}x), output {o1} -> {o4} ({output:.1}x), input {input_growth:.1}x",
                        shape.name()
                    ));
                    break;
                }
                runs += 3;
            }
        }
    }
    assert!(
        failures.is_empty(),
        "super-linear:\n{}",
        failures.join("\n")
    );
}
