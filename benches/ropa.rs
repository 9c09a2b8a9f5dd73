//! Parse, validate, schema-validate and render synthetic registers of 100 to 100 000 activities.
//!
//! `cargo bench --bench ropa` (all sizes; `-- 100000` for one size). The groups:
//! (a) `value`: `serde_json::from_slice::<Value>` of the same bytes, the floor;
//! (b) `parse`: typed parse into the register; (c) `parse_validate`: typed parse plus validation;
//! (d) `jsonschema`: parse to `Value` plus validation against the crate's schema with the
//! jsonschema crate, formats on, which is what an integrator would run instead;
//! (e) `report_html`, `report_csv`: rendering the register report to a writer.
//!
//! The group `sheet` (`cargo bench --bench ropa -- sheet`) times the ICO workbook of 10 000
//! activities written (`report::render_workbook`) and read back (`sheet::import_bytes`).
//!
//! The group `adversarial` (`cargo bench --bench ropa -- adversarial`) times parse plus validation
//! and every report kind on the shapes of `ropa::synth::Shape`, each at `n` and `4n`: linear work
//! takes about 4 times as long at `4n`. (`examples/growth.rs` prints the ratios for every command;
//! the growth test in tests/integration/growth.rs fails when one passes 8.)

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use ropa::report::{Format, ReportKind, ReportOptions, render};

const SIZES: &[usize] = &[100, 1_000, 10_000, 100_000];

fn bytes_of(activities: usize) -> Vec<u8> {
    ropa::to_string(&ropa::synth::synthetic_register(activities, 1))
        .unwrap()
        .into_bytes()
}

fn configure(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    activities: usize,
) {
    if activities >= 10_000 {
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(if activities >= 100_000 {
            60
        } else {
            15
        }));
    }
}

/// The adversarial shapes' sizes: `n` and `4n`.
const ADVERSARIAL_SIZES: &[usize] = &[2_000, 8_000];

fn adversarial(c: &mut Criterion) {
    use ropa::synth::{Shape, adversarial_register};
    let options = ReportOptions::default().as_of("2026-11-22".parse().unwrap());
    let mut group = c.benchmark_group("adversarial");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(2));
    for shape in Shape::ALL {
        for &n in ADVERSARIAL_SIZES {
            let bytes = ropa::to_string(&adversarial_register(*shape, n))
                .unwrap()
                .into_bytes();
            let register = ropa::from_slice(&bytes).unwrap();
            group.bench_with_input(
                BenchmarkId::new(format!("{}/parse_validate", shape.name()), n),
                &bytes,
                |b, bytes| {
                    b.iter(|| {
                        let register = ropa::from_slice(bytes).unwrap();
                        black_box(ropa::validate(&register, &options.validation))
                    })
                },
            );
            for kind in ReportKind::ALL {
                let formats: &[Format] = if *kind == ReportKind::Register {
                    &[Format::Markdown, Format::Csv]
                } else {
                    &[Format::Markdown]
                };
                for format in formats {
                    group.bench_with_input(
                        BenchmarkId::new(format!("{}/{kind}_{format}", shape.name()), n),
                        &register,
                        |b, register| {
                            b.iter(|| {
                                render(register, *kind, *format, &options, std::io::sink()).unwrap()
                            })
                        },
                    );
                }
            }
        }
    }
    group.finish();
}

fn benches(c: &mut Criterion) {
    // Generating the synthetic registers takes minutes at 100 000 activities; skip it when only
    // the adversarial group is asked for.
    if std::env::args()
        .skip(1)
        .any(|a| a.starts_with("adversarial"))
    {
        return;
    }
    let options = ropa::ValidationOptions::default().as_of("2026-11-22".parse().unwrap());
    let schema = jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&ropa::schema())
        .unwrap();
    let report_options = ReportOptions::default().as_of("2026-11-22".parse().unwrap());
    for &activities in SIZES {
        let bytes = bytes_of(activities);
        let register = ropa::from_slice(&bytes).unwrap();

        let mut group = c.benchmark_group("input");
        configure(&mut group, activities);
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("a_value", activities),
            &bytes,
            |b, bytes| {
                b.iter(|| black_box(serde_json::from_slice::<serde_json::Value>(bytes).unwrap()))
            },
        );
        group.bench_with_input(
            BenchmarkId::new("b_parse", activities),
            &bytes,
            |b, bytes| b.iter(|| black_box(ropa::from_slice(bytes).unwrap())),
        );
        group.bench_with_input(
            BenchmarkId::new("c_parse_validate", activities),
            &bytes,
            |b, bytes| {
                b.iter(|| {
                    let register = ropa::from_slice(bytes).unwrap();
                    black_box(ropa::validate(&register, &options))
                })
            },
        );
        group.bench_with_input(
            BenchmarkId::new("d_jsonschema", activities),
            &bytes,
            |b, bytes| {
                b.iter(|| {
                    let value: serde_json::Value = serde_json::from_slice(bytes).unwrap();
                    black_box(schema.is_valid(&value))
                })
            },
        );
        group.finish();

        let mut group = c.benchmark_group("report");
        configure(&mut group, activities);
        for (name, format) in [("e_html", Format::Html), ("e_csv", Format::Csv)] {
            let size = {
                let mut sink = Vec::new();
                render(
                    &register,
                    ReportKind::Register,
                    format,
                    &report_options,
                    &mut sink,
                )
                .unwrap();
                sink.len()
            };
            group.throughput(Throughput::Bytes(size as u64));
            group.bench_with_input(
                BenchmarkId::new(name, activities),
                &register,
                |b, register| {
                    b.iter(|| {
                        render(
                            register,
                            ReportKind::Register,
                            format,
                            &report_options,
                            std::io::sink(),
                        )
                        .unwrap()
                    })
                },
            );
        }
        group.finish();
    }
}

/// The spreadsheet group (`cargo bench --bench ropa -- sheet`): writing a synthetic register of
/// 10 000 activities as the ICO template (xlsx) and reading that workbook back.
fn sheet(c: &mut Criterion) {
    let options = ReportOptions::default().as_of("2026-11-22".parse().unwrap());
    let mut group = c.benchmark_group("sheet");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    let rows = 10_000;
    let register = ropa::synth::synthetic_register(rows, 1);
    let bytes = ropa::report::render_workbook(&register, &options).unwrap();
    group.throughput(Throughput::Elements(rows as u64));
    group.bench_with_input(BenchmarkId::new("export_xlsx", rows), &register, |b, r| {
        b.iter(|| ropa::report::render_workbook(black_box(r), &options).unwrap())
    });
    group.bench_with_input(BenchmarkId::new("import_xlsx", rows), &bytes, |b, bytes| {
        b.iter(|| ropa::sheet::import_bytes(black_box(bytes.clone()), "register.xlsx").unwrap())
    });
    group.finish();
}

criterion_group!(ropa_benches, benches, adversarial, sheet);
criterion_main!(ropa_benches);
