//! The `ropa` command line (the `cli` feature): `cargo install --path . --features cli`.
//!
//! clap reads the arguments to check them and to give `--help`; each command then runs the code
//! the examples run (`src/cli/`), on the same arguments, so that `ropa validate` and
//! `cargo run --example validate --` take the same options, print the same output and exit with
//! the same status.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

mod cli;

const EXAMPLES: &str = "Examples:
  ropa validate register.json                      findings, one a line; exit 1 on an error
  ropa validate --format json --as-of 2026-11-22 *.json
  ropa validate --format sarif register.json > ropa.sarif
  ropa validate --list-rules
  ropa report --kind register --format html --out register.html register.json
  ropa diff --as-of 2026-11-22 old.json new.json   what changed, and the findings it made or fixed
  ropa schema --strict > ropa.strict.schema.json
  ropa init > register.json                        a register to start from
  ropa fmt register.json                           rewrite in the canonical layout
  ropa fmt --check register.json                   exit 1 when not in the canonical layout
  ropa completions bash > ropa.bash                shell completions (bash, zsh, fish, ...)
  ropa man > ropa.1                                the manual page
  ropa import --out register.json register.xlsx    a register kept in the ICO spreadsheet template
  ropa import --out register.json system.yml       a fides manifest, a declaration an activity
  ropa export --out register.xlsx register.json    the register as the ICO spreadsheet template
  ropa export --format fides --out fides.yml register.json   the register as a fides manifest
  ropa pack --as-of 2026-12-06 --out pack register.json   the evidence pack, with its MANIFEST

Exit status: 0 success (no error finding; registers the same), 1 an error finding (diff: the
registers differ), 2 a file that cannot be read or parsed, or a usage error.";

/// Records of processing activities (GDPR / UK GDPR Art 30): validate, report, compare.
#[derive(Parser)]
#[command(name = "ropa", after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate registers against the rules the law sets and print every finding.
    #[command(after_help = "Examples:
  ropa validate register.json
  ropa validate --format json --min-severity warning --as-of 2026-11-22 a.json b.json
  ropa validate --format sarif register.json > ropa.sarif
  ropa validate --list-rules --format markdown

FILE - reads standard input; with no FILE it prints its usage. Exit status: 0 when no
finding is an error, 1 when one is, 2 when a file cannot be read or parsed (a parse-error finding,
its message naming the file, the JSON Pointer and line:column).")]
    Validate {
        /// Output: text (one finding a line), json, sarif (SARIF 2.1.0), or markdown (with
        /// --list-rules: the rule table).
        #[arg(long, value_parser = ["text", "json", "sarif", "markdown"])]
        format: Option<String>,
        /// The date the law and the dates are judged on (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
        /// Leave out findings below this severity.
        #[arg(long, value_parser = ["info", "warning", "error"])]
        min_severity: Option<String>,
        /// Print the rules instead of validating.
        #[arg(long)]
        list_rules: bool,
        /// The organisation's policy file (default: ropa.toml beside each register, if any).
        #[arg(long, value_name = "ropa.toml")]
        policy: Option<PathBuf>,
        /// The most bytes read from one input file, pipe or device (default 1 GiB); a larger
        /// input is a parse-error finding.
        #[arg(long, value_name = "BYTES")]
        max_input_bytes: Option<u64>,
        /// Register files (JSON, or spreadsheets in the ICO template); - for standard input.
        files: Vec<PathBuf>,
    },
    /// Render a report of a register for auditors and DPOs.
    #[command(after_help = "Examples:
  ropa report register.json                                  the Art 30 record, Markdown
  ropa report --kind register --format html --out register.html register.json
  ropa report --kind register --format csv register.json     the regulator template's columns
  ropa report --kind findings --format json --as-of 2026-11-22 register.json
  ropa report --kind notice register.json                    a draft privacy notice

--out replaces the file only when the whole report is written. Exit status 2 when the register
cannot be read or the report written.")]
    Report {
        /// What to show.
        #[arg(long, value_parser = ["register", "retention", "transfers", "special-category", "findings", "notice"])]
        kind: Option<String>,
        /// How to write it: csv is for the register, json for the findings (default: the one
        /// --out's extension names, else markdown).
        #[arg(long, value_parser = ["markdown", "md", "html", "csv", "json"])]
        format: Option<String>,
        /// The reference date for erasure dates, overdue rows and validation (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
        /// Write to this file instead of stdout.
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
        /// The organisation's policy file (default: ropa.toml beside the register, if any).
        #[arg(long, value_name = "ropa.toml")]
        policy: Option<PathBuf>,
        /// The most bytes read from one input file, pipe or device (default 1 GiB).
        #[arg(long, value_name = "BYTES")]
        max_input_bytes: Option<u64>,
        /// The register file (JSON, or a spreadsheet in the ICO template); - for standard input.
        file: Option<PathBuf>,
    },
    /// Compare two versions of a register: what was added, removed or changed, by id.
    #[command(after_help = "Examples:
  ropa diff old.json new.json
  ropa diff --as-of 2026-11-22 --format html old.json new.json > changes.html

Exit status, as diff(1): 0 when the registers are the same, 1 when they differ, 2 when a file
cannot be read or parsed.")]
    Diff {
        /// Output format.
        #[arg(long, value_parser = ["markdown", "html", "json"])]
        format: Option<String>,
        /// Also list the findings the change introduced and resolved, judged on this date.
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
        /// The most bytes read from one input file, pipe or device (default 1 GiB).
        #[arg(long, value_name = "BYTES")]
        max_input_bytes: Option<u64>,
        /// The older register.
        old: PathBuf,
        /// The newer register.
        new: PathBuf,
    },
    /// Print the register's JSON Schema (draft 2020-12).
    #[command(after_help = "Examples:
  ropa schema > ropa.schema.json
  ropa schema --strict > ropa.strict.schema.json
  ropa schema --layout > ropa.layout.schema.json
  ropa schema --policy > ropa.policy.schema.json
  ropa schema --findings > ropa.findings.schema.json
  ropa schema --diff > ropa.diff.schema.json")]
    Schema {
        /// The strict schema: also the validation rules JSON Schema can express.
        #[arg(long, conflicts_with = "layout")]
        strict: bool,
        /// The schema of a spreadsheet layout file (`ropa import --layout FILE`).
        #[arg(long, conflicts_with = "policy")]
        layout: bool,
        /// The schema of the policy file (`ropa.toml`).
        #[arg(long, conflicts_with = "strict")]
        policy: bool,
        /// The schema of the findings JSON (`validate --format json`, `report --kind findings --format json`).
        #[arg(long, conflicts_with_all = ["strict", "layout", "policy"])]
        findings: bool,
        /// The schema of the diff JSON (`diff --format json`).
        #[arg(long, conflicts_with_all = ["strict", "layout", "policy", "findings"])]
        diff: bool,
    },
    /// Write a register as the ICO controller template (xlsx), which `ropa import` reads back, as
    /// a fides manifest, or as DPV JSON-LD.
    #[command(after_help = "Examples:
  ropa export --out register.xlsx register.json
  ropa export --format fides --out fides.yml register.json
  ropa export --format dpv --out register.jsonld register.json

Sheet Template: the contact block, the template's 30 headings, a row per activity (further
purposes in rows of their own), drop-downs on the yes/no columns. Sheet Findings: each finding,
linked to its cell. Sheet More: the facts the template has no column for, by JSON Pointer.
Every cell is a string, never a formula; the same register gives the same bytes.
--format fides: a system per activity, a privacy declaration per purpose (fideslang 3), as JSON,
which fides reads as YAML too. --format dpv: each activity a dpv:Process (DPV 2.3 JSON-LD, its
@context inline).
Exit status 2 when the register cannot be read or the file written.")]
    Export {
        /// The file to write (replaced only once it is whole).
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        /// What to write: the ICO workbook (xlsx, the default), a fides manifest, or DPV JSON-LD.
        #[arg(long, value_parser = ["xlsx", "fides", "dpv"])]
        format: Option<String>,
        /// The date the findings are judged on (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
        /// The workbook's layout: the controller template (the default), or the processor
        /// template (Art 30(2)): a row per controller acted for.
        #[arg(long, value_parser = ["ico-controller", "ico-processor"])]
        layout: Option<String>,
        /// The most bytes read from one input file, pipe or device (default 1 GiB).
        #[arg(long, value_name = "BYTES")]
        max_input_bytes: Option<u64>,
        /// The register (JSON).
        file: PathBuf,
    },
    /// Write the evidence pack of a register: every report, the findings as JSON and SARIF, the
    /// schema, the law tables of the date, the ICO workbook and a MANIFEST of SHA-256 sums.
    #[command(after_help = "Examples:
  ropa pack --as-of 2026-12-06 --out pack register.json
  (cd pack && sha256sum -c MANIFEST)
  ropa pack --as-of 2026-12-06 --zip --out pack.zip --previous old.json register.json

The same register and date give byte-identical files. The folder must be new or empty.
Exit status 2 when an input cannot be read or the pack written.")]
    Pack {
        /// The folder to write (new or empty), or with --zip the zip file.
        #[arg(long, value_name = "DIR|PATH.zip")]
        out: PathBuf,
        /// Write one deterministic zip instead of a folder.
        #[arg(long)]
        zip: bool,
        /// The date the law and the findings are judged on (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
        /// An earlier version of the register: the pack adds what changed and the findings
        /// introduced and resolved.
        #[arg(long, value_name = "OLD.json")]
        previous: Option<PathBuf>,
        /// The organisation's policy file (default: ropa.toml beside the register, if any).
        #[arg(long, value_name = "ropa.toml")]
        policy: Option<PathBuf>,
        /// The most bytes read from one input file (default 1 GiB).
        #[arg(long, value_name = "BYTES")]
        max_input_bytes: Option<u64>,
        /// The register (JSON, or a spreadsheet in the ICO template).
        file: PathBuf,
    },
    /// Read a register kept in a spreadsheet (the ICO controller template: xlsx, ods or csv) or a
    /// fides manifest (YAML or JSON) and write it as JSON.
    #[command(after_help = "Examples:
  ropa import register.xlsx > register.json
  ropa import --out register.json register.xlsx
  ropa import --out register.json fides/system.yml
  ropa import --layout fides --out register.json manifest.json

The template's heading row is found on any sheet, however its headings were reworded or moved;
columns of the organisation's own are kept. In a fides manifest each privacy declaration is an
activity. Cells and fields whose words are not read into typed facts are kept in each activity's
notes, and listed on standard error with their cell or YAML path.
Exit status 2 when the file cannot be read as a register or the output cannot be written.")]
    Import {
        /// Where to write the JSON (replaced only once it is whole); standard output if absent.
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
        /// The file's layout: ico-controller (the default for a spreadsheet), ico-processor,
        /// fides (a fides manifest, YAML or JSON; the default for .yml and .yaml), or a layout
        /// file of one's own (JSON: which heading holds which field; schema/ropa.layout.schema.json).
        #[arg(long, value_name = "ico-controller|ico-processor|fides|LAYOUT.json")]
        layout: Option<String>,
        /// The most bytes read from the file (default 1 GiB).
        #[arg(long, value_name = "BYTES")]
        max_input_bytes: Option<u64>,
        /// The spreadsheet (.xlsx, .ods or .csv) or fides manifest (.yml, .yaml or .json).
        file: PathBuf,
    },
    /// Rewrite registers in the canonical layout, in which they round-trip byte for byte.
    #[command(after_help = "Example:
  ropa fmt register.json

A file written in an older version of the format is rewritten in the current one, without loss.
Exit status 2 when a file cannot be read, parsed or written.")]
    Fmt {
        /// Rewrite nothing: name each file not in canonical form and exit 1 if there is one.
        #[arg(long)]
        check: bool,
        /// The most bytes read from one input file, pipe or device (default 1 GiB).
        #[arg(long, value_name = "BYTES")]
        max_input_bytes: Option<u64>,
        /// Register files, rewritten in place.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write a register to start from: one activity, its placeholders saying what to write.
    #[command(after_help = "Examples:
  ropa init > register.json
  ropa init --kind processor --out register.json

`ropa validate` on the new register lists what is left to fill in. --out writes only a new file:
exit status 2 when the path exists.")]
    Init {
        /// An Art 30(1) record (controller, the default) or an Art 30(2) record (processor).
        #[arg(long, value_parser = ["controller", "processor"])]
        kind: Option<String>,
        /// Write to this new file instead of standard output.
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
    },
    /// Print shell completions for ropa.
    #[command(after_help = "Example:
  ropa completions bash > ~/.local/share/bash-completion/completions/ropa")]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print ropa's manual page (roff).
    #[command(after_help = "Example:
  ropa man > ropa.1 && man ./ropa.1")]
    Man,
}

/// What `--version` says: the crate, the register format it reads and writes, and the latest day
/// its law tables were checked against their sources.
fn version() -> String {
    format!(
        "{} (register format {}; law tables checked {})",
        env!("CARGO_PKG_VERSION"),
        ropa::SCHEMA_VERSION,
        ropa::law::TABLES_CHECKED
    )
}

/// The command line's definition, with its version.
fn definition() -> clap::Command {
    // clap keeps the version for the life of the program; it is made once.
    let version: &'static str = Box::leak(version().into_boxed_str());
    Cli::command().version(version)
}

fn main() -> ExitCode {
    // Checks the arguments and answers --help and --version (exit status 2 on a usage error).
    let parsed = match Cli::from_arg_matches(&definition().get_matches()) {
        Ok(parsed) => parsed,
        Err(error) => error.exit(),
    };
    // The arguments after the command, for the shared code to read as the examples do.
    let arguments: Vec<String> = std::env::args().skip(2).collect();
    match parsed.command {
        Command::Validate { .. } => {
            cli::validate::main("ropa validate", cli::NoFile::Usage, arguments)
        }
        Command::Report { .. } => cli::report::main("ropa report", cli::NoFile::Usage, arguments),
        Command::Diff { .. } => cli::diff::main("ropa diff", arguments),
        Command::Schema { .. } => cli::schema::main("ropa schema", arguments),
        Command::Fmt { .. } => cli::format::main("ropa fmt", arguments),
        Command::Import { .. } => cli::import::main("ropa import", arguments),
        Command::Export { .. } => cli::export::main("ropa export", arguments),
        Command::Init { .. } => cli::init::main("ropa init", arguments),
        Command::Pack { .. } => cli::pack::main("ropa pack", arguments),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut definition(), "ropa", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Command::Man => match clap_mangen::Man::new(definition()).render(&mut std::io::stdout()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("ropa man: {error}");
                ExitCode::from(2)
            }
        },
    }
}
