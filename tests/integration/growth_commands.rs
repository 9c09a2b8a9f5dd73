//! The commands whose growth the growth test and `examples/growth.rs` measure, on the adversarial
//! shapes of `ropa::synth::Shape`: each returns the size of what it writes.

use ropa::Register;
use ropa::diff::DiffFormat;
use ropa::report::{Format, ReportKind, ReportOptions, render, supported};
use ropa::synth::{Shape, adversarial_register, revised};

/// One command of the command line, run through the library as the command line runs it.
#[derive(Clone, Copy, Debug)]
pub enum Command {
    /// Reading the register.
    Parse,
    /// `validate`: a line a finding.
    Validate,
    /// `validate --format json`.
    ValidateJson,
    /// `validate --format sarif`: the log, with each finding's region and fingerprint.
    Sarif,
    /// `report --kind KIND --format FORMAT`.
    Report(ReportKind, Format),
    /// `diff --as-of DATE --format FORMAT` against [`revised`], where every item changed.
    Diff(DiffFormat),
}

impl Command {
    /// Every command, in every format.
    pub fn all() -> Vec<Command> {
        let mut all = vec![
            Command::Parse,
            Command::Validate,
            Command::ValidateJson,
            Command::Sarif,
        ];
        for kind in ReportKind::ALL {
            for format in Format::ALL {
                if supported(*kind, *format).is_ok() {
                    all.push(Command::Report(*kind, *format));
                }
            }
        }
        all.extend(DiffFormat::ALL.iter().map(|f| Command::Diff(*f)));
        all
    }

    /// The command as it is typed.
    pub fn name(&self) -> String {
        match self {
            Command::Parse => "parse".to_owned(),
            Command::Validate => "validate".to_owned(),
            Command::ValidateJson => "validate json".to_owned(),
            Command::Sarif => "validate sarif".to_owned(),
            Command::Report(kind, format) => format!("report {kind} {format}"),
            Command::Diff(format) => format!("diff {format}"),
        }
    }
}

/// A register of one shape, as JSON and read, and its revised version for the diff.
pub struct Input {
    pub json: String,
    pub register: Register,
    pub revised: Register,
}

impl Input {
    pub fn new(shape: Shape, n: usize) -> Self {
        let register = adversarial_register(shape, n);
        Input {
            json: ropa::to_string(&register).unwrap(),
            revised: revised(&register),
            register,
        }
    }
}

/// Runs the command; returns the size of what it wrote.
pub fn run(command: Command, input: &Input, options: &ReportOptions) -> usize {
    match command {
        Command::Parse => {
            let register = ropa::from_str(&input.json).unwrap();
            register.activities.len()
        }
        Command::Validate => ropa::validate(&input.register, &options.validation)
            .findings
            .iter()
            .map(|f| {
                format!(
                    "register.json: {} {} {}: {} ({})\n",
                    f.severity,
                    f.rule,
                    f.display_path(),
                    f.message,
                    f.citation
                )
                .len()
            })
            .sum(),
        Command::ValidateJson => {
            let report = ropa::validate(&input.register, &options.validation);
            serde_json::to_vec(&report.findings).unwrap().len()
        }
        Command::Sarif => {
            let report = ropa::validate(&input.register, &options.validation);
            let mut sarif = ropa::sarif::Sarif::new();
            sarif.add_findings("register.json", &input.json, &input.register, &report);
            serde_json::to_vec(&sarif.finish()).unwrap().len()
        }
        Command::Report(kind, format) => {
            let mut out = Vec::new();
            render(&input.register, kind, format, options, &mut out).unwrap();
            out.len()
        }
        Command::Diff(format) => {
            let diff = ropa::diff::diff_with_findings(
                &input.register,
                &input.revised,
                &options.validation,
            );
            let mut out = Vec::new();
            diff.render(format, "old.json", "new.json", &mut out)
                .unwrap();
            out.len()
        }
    }
}
