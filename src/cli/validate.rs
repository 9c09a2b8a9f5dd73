//! `validate`: validates registers and prints the findings. Shared by `cargo run --example
//! validate` and `ropa validate` (the `cli` feature), so that both take the same options, print the
//! same output and exit with the same status.
//!
//! With no FILE the example validates the registers bundled in examples/data; the installed
//! `ropa validate` prints its usage and exits 2, since it has no source tree to read. FILE `-`
//! reads standard input. Exit status: 0 when no
//! finding is an error, 1 when one is, 2 when a file cannot be read or parsed. A file that cannot
//! be read or parsed is a `parse-error` finding of its own (and its error goes to stderr too), so
//! it is never summarised as clean. Text output escapes control characters, line breaks and bidi
//! controls, so one finding is one line and no value can drive the terminal. `--list-rules
//! --format markdown` prints the README's rule table: each rule's citation under each regime, by
//! date. SARIF output (`--format sarif`) is one SARIF 2.1.0 log for code review tools, each
//! finding at the line and column of the file where the value it is about starts.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use ropa::{NaiveDate, Severity, ValidationOptions};

struct Args {
    json: bool,
    markdown: bool,
    /// SARIF 2.1.0, for code review tools.
    sarif: bool,
    list_rules: bool,
    options: ValidationOptions,
    /// The most bytes read from one input.
    max_input_bytes: u64,
    /// The policy file named; else each register's own `ropa.toml`, where there is one.
    policy: Option<PathBuf>,
    files: Vec<PathBuf>,
}

/// The options after the command, as its usage line gives them.
pub const OPTIONS: &str = "[--format text|json|sarif|markdown] [--as-of YYYY-MM-DD] [--min-severity info|warning|error] [--list-rules] [--policy ropa.toml] [--max-input-bytes BYTES] [FILE...]";

/// Reads the arguments after the command; `command` is how it was called, for the usage line.
fn parse_args(command: &str, arguments: Vec<String>) -> Result<Args, String> {
    let usage = || format!("usage: {command} {OPTIONS}");
    let mut args = Args {
        json: false,
        markdown: false,
        sarif: false,
        list_rules: false,
        options: ValidationOptions::default(),
        max_input_bytes: ropa::DEFAULT_MAX_INPUT_BYTES,
        policy: None,
        files: Vec::new(),
    };
    let mut it = super::split_equals(arguments).into_iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .ok_or_else(|| format!("{name} needs a value\n{}", usage()))
        };
        match arg.as_str() {
            "--format" => match value("--format")?.as_str() {
                "text" => args.json = false,
                "json" => args.json = true,
                "markdown" => args.markdown = true,
                "sarif" => args.sarif = true,
                other => {
                    return Err(format!(
                        "unknown format '{other}': use text, json, sarif or markdown (with --list-rules)"
                    ));
                }
            },
            "--as-of" => {
                let text = value("--as-of")?;
                let date = NaiveDate::parse_from_str(&text, "%Y-%m-%d")
                    .map_err(|e| format!("--as-of {text}: {e} (use YYYY-MM-DD)"))?;
                args.options = args.options.as_of(date);
            }
            "--min-severity" => {
                let text = value("--min-severity")?;
                let severity: Severity = text.parse().map_err(|_| {
                    format!("unknown severity '{text}': use info, warning or error")
                })?;
                args.options = args.options.min_severity(severity);
            }
            "--list-rules" => args.list_rules = true,
            "--policy" => args.policy = Some(PathBuf::from(value("--policy")?)),
            "--max-input-bytes" => {
                args.max_input_bytes = super::max_input_bytes(&value("--max-input-bytes")?)?;
            }
            "-h" | "--help" => return Err(usage()),
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag}\n{}", usage()));
            }
            file => args.files.push(PathBuf::from(file)),
        }
    }
    Ok(args)
}

fn bundled() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("examples/data"))
        .map(|dir| {
            dir.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    // Relative names read better, and are the same on every machine.
    files
        .into_iter()
        .map(|p| p.strip_prefix(root).map(Path::to_path_buf).unwrap_or(p))
        .collect()
}

/// A spreadsheet read as a register, with the register's findings and the import's.
fn workbook(
    path: &Path,
    options: &ValidationOptions,
) -> Result<(ropa::sheet::Imported, Vec<ropa::Finding>), ropa::sheet::SheetError> {
    let imported = ropa::sheet::import_path(path)?;
    let mut findings = ropa::validate(&imported.register, options).findings;
    findings.extend(ropa::validate::spreadsheet_findings(&imported, options));
    Ok((imported, findings))
}

/// Runs the command: `command` is how it was called (for the usage line), `arguments` what
/// follows it.
pub fn main(command: &str, no_file: super::NoFile, arguments: Vec<String>) -> ExitCode {
    let args = match parse_args(command, arguments) {
        Ok(args) => args,
        Err(message) => {
            super::print_error(&message);
            return ExitCode::from(2);
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.list_rules {
        list_rules(&args, &mut out);
        let _ = out.flush();
        return ExitCode::SUCCESS;
    }
    if args.files.is_empty() && no_file == super::NoFile::Usage {
        eprintln!("no FILE given (use - for standard input)\nusage: {command} {OPTIONS}");
        return ExitCode::from(2);
    }
    let files = files_to_check(&args);
    // Every policy is read before any output, so that a bad one stops the run cleanly.
    let mut options = Vec::with_capacity(files.len());
    for (path, _) in &files {
        match super::policy_for(path, args.policy.as_deref()) {
            Ok(Some(policy)) => options.push(args.options.clone().policy(policy)),
            Ok(None) => options.push(args.options.clone()),
            Err(message) => {
                super::print_error(&message);
                return ExitCode::from(2);
            }
        }
    }
    let mut tally = Tally {
        max_input_bytes: args.max_input_bytes,
        echo_unreadable: args.json || args.sarif,
        places: args.json,
        ..Tally::default()
    };
    for ((path, shown), options) in files.iter().zip(&options) {
        if args.sarif {
            tally.sarif_file(path, shown, options);
        } else {
            tally.file(path, shown, options, args.json, &mut out);
        }
    }
    tally.finish(&args, files.len(), &mut out)
}

/// A count and its noun, singular for one: "1 finding", "2 findings".
fn counted(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// The rule catalogue, as JSON, a Markdown table or one rule a line.
fn list_rules(args: &Args, out: &mut impl Write) {
    if args.json {
        let _ = serde_json::to_writer_pretty(&mut *out, ropa::catalogue());
        let _ = writeln!(out);
        return;
    }
    if args.markdown {
        let _ = writeln!(
            out,
            "| rule | severity | UK GDPR / DPA 2018 | EU GDPR | fires when |"
        );
        let _ = writeln!(out, "|---|---|---|---|---|");
        for rule in ropa::catalogue() {
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | {} | {} |",
                rule.id,
                rule.severity,
                ropa::law::rule_citations_in_words(rule, ropa::Regime::UkGdpr),
                ropa::law::rule_citations_in_words(rule, ropa::Regime::EuGdpr),
                rule.summary
            );
        }
        return;
    }
    for rule in ropa::catalogue() {
        let _ = writeln!(
            out,
            "{:<42} {:<8} {:<32} {}",
            rule.id, rule.severity, rule.citation, rule.summary
        );
    }
}

/// The files named, or the bundled example registers where none is: (where to read, what to
/// call it).
fn files_to_check(args: &Args) -> Vec<(PathBuf, PathBuf)> {
    if args.files.is_empty() {
        // Only the example gets here with no file: the installed command stops at its usage.
        // Resolve bundled files against the manifest so the command works from any directory.
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        bundled()
            .into_iter()
            .map(|p| (root.join(&p), p))
            .collect::<Vec<_>>()
    } else {
        args.files.iter().map(|p| (p.clone(), p.clone())).collect()
    }
}

/// What the files checked so far came to.
#[derive(Default)]
struct Tally {
    unreadable: usize,
    any_error: bool,
    counts: [usize; 3],
    json_rows: Vec<ropa::validate::FindingRow>,
    sarif: ropa::sarif::Sarif,
    /// The most bytes read from one input.
    max_input_bytes: u64,
    /// Whether an unreadable file's error also goes to standard error: for JSON and SARIF, whose
    /// standard output is for programs. Text output prints it once, as its finding's line.
    echo_unreadable: bool,
    /// Whether each finding's place (as a policy names it) is wanted: for JSON output.
    places: bool,
    /// The findings the policy accepts, which the counts leave out.
    accepted: usize,
}

/// What one file came to: its findings, and for each its cell (in a spreadsheet) and its place.
struct Checked {
    findings: Vec<ropa::Finding>,
    cells: Vec<Option<String>>,
    places: Vec<Option<String>>,
}

impl Tally {
    /// One file for SARIF, which locates each finding in the file's text, so the text is kept.
    fn sarif_file(&mut self, path: &Path, shown: &Path, options: &ValidationOptions) {
        let uri = shown.display().to_string();
        if super::is_spreadsheet(path) {
            match workbook(path, options) {
                Ok((imported, findings)) => {
                    self.any_error |= findings
                        .iter()
                        .any(|f| f.severity == Severity::Error && !f.is_suppressed());
                    self.sarif.add_workbook_findings(&uri, &imported, &findings);
                }
                Err(error) => {
                    eprintln!(
                        "{}",
                        ropa::report::terminal_escape(&super::error_chain(&error))
                    );
                    self.unreadable += 1;
                    self.sarif.add_sheet_error(&uri, &error, options);
                }
            }
            return;
        }
        let read = super::read_json(path, self.max_input_bytes);
        match read {
            Ok((text, register)) => {
                let report = ropa::validate(&register, options);
                self.any_error |= report.has_errors();
                self.sarif
                    .add_findings(&shown.display().to_string(), &text, &register, &report);
            }
            Err(error) => {
                let error = error.in_file(shown);
                eprintln!(
                    "{}",
                    ropa::report::terminal_escape(&super::error_chain(&error))
                );
                self.unreadable += 1;
                self.sarif
                    .add_error(&shown.display().to_string(), &error, options);
            }
        }
    }

    /// One file for text or JSON output; text is written as it comes. A spreadsheet's findings
    /// name their cell beside their pointer.
    fn file(
        &mut self,
        path: &Path,
        shown: &Path,
        options: &ValidationOptions,
        json: bool,
        out: &mut impl Write,
    ) {
        let checked = self.findings_of(path, shown, options);
        let rows = (checked.findings.into_iter())
            .zip(checked.cells)
            .zip(checked.places);
        for ((finding, cell), place) in rows {
            if finding.is_suppressed() {
                self.accepted += 1;
            } else {
                self.counts[finding.severity as usize] += 1;
            }
            if json {
                self.json_rows.push(ropa::validate::FindingRow {
                    file: shown.display().to_string(),
                    cell,
                    place,
                    finding,
                });
            } else {
                let place = match &cell {
                    Some(cell) => format!("{} ({cell})", finding.display_path()),
                    None => finding.display_path().to_owned(),
                };
                // Escaped as one line: a value cannot start a line of its own or drive the terminal.
                let line = format!(
                    "{}: {} {} {place}: {} ({}){}",
                    shown.display(),
                    finding.severity,
                    finding.rule,
                    finding.message,
                    finding.citation,
                    super::policy_words(&finding)
                );
                let _ = writeln!(out, "{}", ropa::report::terminal_escape(&line));
            }
        }
    }

    /// A file's findings, and for a spreadsheet the cell of each; a file that cannot be read is
    /// a `parse-error` finding (its error also on standard error for JSON output).
    fn findings_of(&mut self, path: &Path, shown: &Path, options: &ValidationOptions) -> Checked {
        let places = |register: &ropa::Register, findings: &[ropa::Finding]| {
            if self.places {
                ropa::validate::places(register, findings)
                    .into_iter()
                    .map(Some)
                    .collect()
            } else {
                vec![None; findings.len()]
            }
        };
        let read = if super::is_spreadsheet(path) {
            workbook(path, options)
                .map(|(imported, findings)| {
                    let cells = findings
                        .iter()
                        .map(|f| imported.cell_of(&f.path).map(ToString::to_string))
                        .collect();
                    let places = places(&imported.register, &findings);
                    Checked {
                        findings,
                        cells,
                        places,
                    }
                })
                .map_err(|error| {
                    self.echo(&error);
                    ropa::Finding::sheet_error(&error, options)
                })
        } else {
            super::read_json(path, self.max_input_bytes)
                .map(|(_, register)| {
                    let findings = ropa::validate(&register, options).findings;
                    Checked {
                        cells: vec![None; findings.len()],
                        places: places(&register, &findings),
                        findings,
                    }
                })
                .map_err(|error| {
                    let error = error.in_file(shown);
                    self.echo(&error);
                    ropa::Finding::parse_error(&error, options)
                })
        };
        match read {
            Ok(checked) => {
                self.any_error |= (checked.findings.iter())
                    .any(|f| f.severity == Severity::Error && !f.is_suppressed());
                checked
            }
            Err(finding) => {
                self.unreadable += 1;
                Checked {
                    findings: vec![finding],
                    cells: vec![None],
                    places: vec![None],
                }
            }
        }
    }

    /// An unreadable file's error on standard error, where the output is for programs.
    fn echo(&self, error: &dyn std::error::Error) {
        if self.echo_unreadable {
            eprintln!(
                "{}",
                ropa::report::terminal_escape(&super::error_chain(error))
            );
        }
    }

    /// Writes the totals (or the JSON or SARIF document) and gives the exit status.
    fn finish(self, args: &Args, files: usize, out: &mut impl Write) -> ExitCode {
        let Tally {
            unreadable,
            any_error,
            counts,
            json_rows,
            sarif,
            accepted,
            ..
        } = self;
        if args.sarif {
            let _ = serde_json::to_writer_pretty(&mut *out, &sarif.finish());
            let _ = writeln!(out);
        } else if args.json {
            let _ = serde_json::to_writer_pretty(&mut *out, &json_rows);
            let _ = writeln!(out);
        } else {
            let [info, warnings, errors] = counts;
            let unreadable_note = if unreadable > 0 {
                format!(" ({unreadable} unreadable)")
            } else {
                String::new()
            };
            let accepted_note = if accepted > 0 {
                format!("; {accepted} accepted by the policy")
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "{} in {}{unreadable_note}: {}, {}, {info} info{accepted_note}",
                counted(info + warnings + errors + accepted, "finding"),
                counted(files, "file"),
                counted(errors, "error"),
                counted(warnings, "warning"),
            );
        }
        let _ = out.flush();
        if unreadable > 0 {
            ExitCode::from(2)
        } else if any_error {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}
