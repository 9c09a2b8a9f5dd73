//! Every command grows linearly on the adversarial shapes of register (`ropa::synth::Shape`):
//! from `n` to `4n`, in every command and format, time and output grow at most 6 times (linear
//! work grows 4 times, quadratic work 16).
//!
//! Time is the thread's CPU time, so that other processes on a shared machine do not count; the
//! best of several runs; and a command over its bound is measured again with more runs before it
//! fails. `ROPA_GROWTH=1` prints every measurement.

use std::time::Duration;

use ropa::report::ReportOptions;
use ropa::synth::{Shape, adversarial_register};

use crate::growth_commands::{Command, Input, run};

/// The thread's CPU time, so that other processes on a shared machine do not count.
fn now() -> Duration {
    cpu_time::ThreadTime::now().as_duration()
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
/// Linear work grows 4 times from `n` to `4n` and quadratic work 16 times; the bound leaves room
/// for allocators and caches, and for time, timer noise.
const BOUND: f64 = 6.0;

/// Whether the command grows within the bound from `small` to `large`, after `runs` runs each;
/// the failure in words if not.
fn within_bound(
    shape: Shape,
    command: Command,
    inputs: [&Input; 2],
    options: &ReportOptions,
    runs: usize,
) -> Result<(), String> {
    let (t1, o1) = measure(command, inputs[0], options, runs);
    let (t4, o4) = measure(command, inputs[1], options, runs);
    // A floor of 50 microseconds keeps timer granularity out of the ratio.
    let floor = Duration::from_micros(50);
    let time = t4.max(floor).as_secs_f64() / t1.max(floor).as_secs_f64();
    let output = o4 as f64 / o1.max(1) as f64;
    let input = inputs[1].json.len() as f64 / inputs[0].json.len() as f64;
    let words = format!(
        "{} {}: time {t1:?} -> {t4:?} ({time:.1}x), output {o1} -> {o4} ({output:.1}x), input {input:.1}x",
        shape.name(),
        command.name()
    );
    if std::env::var_os("ROPA_GROWTH").is_some() {
        eprintln!("{words}");
    }
    if time <= BOUND && (o1 == 0 || output <= BOUND) {
        Ok(())
    } else {
        Err(words)
    }
}

#[test]
fn every_command_grows_linearly_on_every_adversarial_shape() {
    let options = ReportOptions::default().as_of("2026-11-22".parse().unwrap());
    let n: usize = std::env::var("ROPA_GROWTH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(N);
    let mut failures = Vec::new();
    for shape in Shape::ALL {
        let small = Input::new(*shape, n);
        let large = Input::new(*shape, 4 * n);
        let mut larger: Option<Input> = None;
        for command in Command::all() {
            // A command over the bound is measured again with more runs, then from 4n to 16n,
            // before it fails: a small register crossing a cache's size grows faster once, where
            // quadratic work grows 16 times at every size.
            let result = within_bound(*shape, command, [&small, &large], &options, 3)
                .or_else(|_| within_bound(*shape, command, [&small, &large], &options, 6))
                .or_else(|_| {
                    let larger = larger.get_or_insert_with(|| Input::new(*shape, 16 * n));
                    within_bound(*shape, command, [&large, larger], &options, 3)
                });
            if let Err(words) = result {
                failures.push(words);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "super-linear:\n{}",
        failures.join("\n")
    );
}

/// A spreadsheet of `n` rows in the ICO layout, as CSV: each row an activity with a few values
/// per cell, the shape of a large organisation's register; or (`one_cell`) one activity whose
/// data cell lists `n` categories; or (`purposes`) one activity continued by `n` purpose rows.
fn sheet(n: usize, shape: &str) -> Vec<u8> {
    let mut csv = String::from(
        "Business function,Purpose of processing,Categories of individuals,\
         Categories of personal data,Article 6 lawful basis for processing personal data,\
         Retention schedule (if possible),Categories of recipients,Owner\n",
    );
    match shape {
        "rows" => {
            for i in 0..n {
                csv.push_str(&format!(
                    "Dept {i},Purpose {i},Residents; Staff,\"Name; Address\nHealth records\",\
                     Public task - Care Act 2014,6 years after last contact,HMRC; IT supplier,Team {i}\n"
                ));
            }
        }
        "one_cell" => {
            // A cell holds at most 32 767 characters: short names, so that 4n of them fit.
            let categories: Vec<String> = (0..n).map(|i| format!("C{i}")).collect();
            csv.push_str(&format!(
                "Dept,Purpose,Residents,\"{}\",Consent,1 year after collection,HMRC,Team\n",
                categories.join("; ")
            ));
        }
        _ => {
            csv.push_str(
                "Dept,Purpose 0,Residents,Name,Consent,1 year after collection,HMRC,Team\n",
            );
            for i in 1..n {
                csv.push_str(&format!(",Purpose {i},,,Legal obligation,,,\n"));
            }
        }
    }
    csv.into_bytes()
}

#[test]
fn importing_a_spreadsheet_is_linear_in_every_shape() {
    for (shape, n) in [("rows", 1_000), ("one_cell", 1_000), ("purposes", 1_000)] {
        let time = |rows: usize, runs: usize| {
            let bytes = sheet(rows, shape);
            let mut best = Duration::MAX;
            let mut size = 0;
            for _ in 0..runs {
                let bytes = bytes.clone();
                let start = now();
                let imported = ropa::sheet::import_bytes(bytes, "register.csv").unwrap();
                best = best.min(now().saturating_sub(start));
                size = imported.cells.len();
            }
            (best, size)
        };
        let (small, small_size) = time(n, 3);
        let (large, large_size) = time(4 * n, 3);
        let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-6);
        if std::env::var_os("ROPA_GROWTH").is_some() {
            eprintln!("import {shape}: {small:?} -> {large:?} ({ratio:.1}x)");
        }
        assert!(
            ratio < 8.0,
            "import of {shape} grew {ratio:.1}x from {n} to {}",
            4 * n
        );
        assert!(
            large_size <= 4 * small_size + 16,
            "{shape}: {small_size} -> {large_size} cells"
        );
    }
}

#[test]
fn a_sheet_of_100_000_rows_imports() {
    let bytes = sheet(100_000, "rows");
    let imported = ropa::sheet::import_bytes(bytes, "register.csv").unwrap();
    assert_eq!(imported.register.activities.len(), 100_000);
    assert_eq!(
        imported.unread.len(),
        100_000,
        "the Owner column of every row is kept"
    );
}

#[test]
fn exporting_and_importing_the_workbook_is_linear_and_a_cell_too_long_overflows_to_more() {
    let options = ReportOptions::default().as_of("2026-11-22".parse().unwrap());
    let time = |n: usize| {
        let register = adversarial_register(Shape::SpecialCategories, n);
        let start = now();
        let bytes = ropa::report::render_workbook(&register, &options).unwrap();
        let imported = ropa::sheet::import_bytes(bytes.clone(), "w.xlsx").unwrap();
        (now().saturating_sub(start), bytes.len(), imported)
    };
    let (small, small_bytes, _) = time(600);
    let (large, large_bytes, imported) = time(2_400);
    let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-6);
    assert!(
        ratio < 8.0,
        "export and import grew {ratio:.1}x from 600 to 2400 categories"
    );
    assert!(
        large_bytes <= 5 * small_bytes,
        "{small_bytes} -> {large_bytes} bytes"
    );
    // 2 401 category names do not fit one cell: the cell says so, the rest is on More.
    let a = &imported.register.activities[0];
    assert!(a.data_categories.len() < 2_401);
    assert!(
        a.data_categories
            .iter()
            .all(|c| !c.name.contains("More sheet"))
    );
    assert!(
        a.notes
            .iter()
            .any(|n| n.contains("more, on the More sheet under Template!E10"))
    );
}
