//! The evidence pack: what an auditor hands a regulator. One folder (or one zip) holding the
//! register as read and in canonical form, every report, the findings as JSON and SARIF, the
//! schema the register was read against, the law tables applied on the date, and a `MANIFEST`
//! of every file's SHA-256 and size that `sha256sum -c MANIFEST` checks.
//!
//! The same input and date give the same bytes: nothing depends on the clock, the machine or the
//! order of a hash map, so a third party who packs the same register on the same date gets the
//! same manifest.
//!
//! # Examples
//!
//! ```
//! use ropa::pack::{PackInput, pack};
//! use ropa::report::ReportOptions;
//!
//! let text = std::fs::read("examples/data/kent-parent-carer-panel.json")?;
//! let register = ropa::from_slice(&text)?;
//! let options = ReportOptions::default().as_of("2026-12-06".parse()?);
//! let input = PackInput::new(&register, &text, "kent-parent-carer-panel.json");
//! let files = pack(&input, &options)?;
//! let manifest = files.iter().find(|f| f.path == "MANIFEST").unwrap();
//! let manifest = String::from_utf8_lossy(&manifest.bytes);
//! assert!(manifest.contains("  reports/register.html\n"));
//! // The same register on the same date gives the same bytes.
//! assert_eq!(pack(&input, &options)?, files);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt::Write as _;
use std::io::{self, Write as _};
use std::path::Path;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::law::Period;
use crate::model::{Regime, Register};
use crate::report::{Format, ReportError, ReportKind, ReportOptions, render};
use crate::validate::validate;

/// One file of a pack: its path inside the pack (`/`-separated) and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackFile {
    /// Where it goes, relative to the pack's folder, e.g. `reports/register.html`.
    pub path: String,
    /// What it holds.
    pub bytes: Vec<u8>,
}

/// What a pack is made from: the register, the bytes it was read from and the file's name.
#[derive(Debug, Clone, Copy)]
pub struct PackInput<'a> {
    /// The register.
    pub register: &'a Register,
    /// The file as read (JSON or a workbook), kept byte for byte.
    pub original: &'a [u8],
    /// The file's name, without its folder: the pack keeps the original under it.
    pub file_name: &'a str,
    /// An earlier version of the register and its file name, for the diff.
    pub previous: Option<(&'a Register, &'a str)>,
}

impl<'a> PackInput<'a> {
    /// The input for a register read from `original`, a file named `file_name`.
    pub fn new(register: &'a Register, original: &'a [u8], file_name: &'a str) -> Self {
        Self {
            register,
            original,
            file_name,
            previous: None,
        }
    }

    /// Adds the diff from an earlier version of the register (named `file_name`).
    pub fn with_previous(mut self, previous: &'a Register, file_name: &'a str) -> Self {
        self.previous = Some((previous, file_name));
        self
    }
}

/// The report kinds and formats a pack holds, in the order the manifest lists them.
const REPORTS: &[(ReportKind, Format, &str)] = &[
    (ReportKind::Register, Format::Html, "reports/register.html"),
    (
        ReportKind::Register,
        Format::Markdown,
        "reports/register.md",
    ),
    (ReportKind::Register, Format::Csv, "reports/register.csv"),
    (
        ReportKind::Retention,
        Format::Html,
        "reports/retention.html",
    ),
    (
        ReportKind::Retention,
        Format::Markdown,
        "reports/retention.md",
    ),
    (
        ReportKind::Transfers,
        Format::Html,
        "reports/transfers.html",
    ),
    (
        ReportKind::Transfers,
        Format::Markdown,
        "reports/transfers.md",
    ),
    (
        ReportKind::SpecialCategory,
        Format::Html,
        "reports/special-category.html",
    ),
    (
        ReportKind::SpecialCategory,
        Format::Markdown,
        "reports/special-category.md",
    ),
    (ReportKind::Findings, Format::Html, "reports/findings.html"),
    (
        ReportKind::Findings,
        Format::Markdown,
        "reports/findings.md",
    ),
    (ReportKind::Notice, Format::Html, "reports/notice.html"),
    (ReportKind::Notice, Format::Markdown, "reports/notice.md"),
];

/// Builds the pack: every file, sorted by path, the `MANIFEST` last.
///
/// # Errors
///
/// [`ReportError`] where a report or the workbook cannot be assembled.
pub fn pack(input: &PackInput<'_>, options: &ReportOptions) -> Result<Vec<PackFile>, ReportError> {
    let register = input.register;
    let mut files = vec![
        file(original_path(input.file_name), input.original.to_vec()),
        file(
            "register/register.json".to_owned(),
            crate::to_string(register)
                .map_err(|e| ReportError::Io(std::io::Error::other(e)))?
                .into_bytes(),
        ),
        json_file("schema/ropa.schema.json", &crate::schema())?,
        json_file("law/tables.json", &law_tables(register, options))?,
    ];
    for (kind, format, path) in REPORTS {
        let mut bytes = Vec::new();
        render(register, *kind, *format, options, &mut bytes)?;
        files.push(file((*path).to_owned(), bytes));
    }
    files.extend(findings(input, options)?);
    #[cfg(feature = "spreadsheet")]
    files.push(workbook(register, options)?);
    if let Some((previous, name)) = input.previous {
        files.extend(diff(previous, name, input, options));
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let manifest = manifest(input, options, &files);
    files.push(file("MANIFEST".to_owned(), manifest.into_bytes()));
    Ok(files)
}

fn file(path: String, bytes: Vec<u8>) -> PackFile {
    PackFile { path, bytes }
}

fn json_file(path: &str, value: &impl Serialize) -> Result<PackFile, ReportError> {
    let mut bytes =
        serde_json::to_vec_pretty(value).map_err(|e| ReportError::Io(std::io::Error::other(e)))?;
    bytes.push(b'\n');
    Ok(file(path.to_owned(), bytes))
}

/// Where the original goes: under `original/`, by its own name with anything that could leave
/// the folder or trouble a shell replaced, so that a hostile name stays inside the pack.
fn original_path(file_name: &str) -> String {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or_default();
    let safe: String = base
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let safe = safe.trim_start_matches('.');
    if safe.is_empty() {
        "original/register".to_owned()
    } else {
        format!("original/{safe}")
    }
}

/// The findings as JSON (as `ropa validate --format json` writes them) and as SARIF, located in
/// the original where it is JSON text.
fn findings(input: &PackInput<'_>, options: &ReportOptions) -> Result<[PackFile; 2], ReportError> {
    let report = validate(input.register, &options.validation);
    let json = json_file("findings/findings.json", &report)?;
    let mut sarif = crate::sarif::Sarif::new();
    let uri = original_path(input.file_name);
    let text = std::str::from_utf8(input.original).unwrap_or_default();
    sarif.add_findings(&uri, text, input.register, &report);
    let sarif = json_file("findings/findings.sarif", &sarif.finish())?;
    Ok([json, sarif])
}

/// The register as the ICO's spreadsheet template (the processor's where every activity is
/// carried out as processor).
#[cfg(feature = "spreadsheet")]
fn workbook(register: &Register, options: &ReportOptions) -> Result<PackFile, ReportError> {
    use crate::model::ActivityRole;
    let processor_only = !register.activities.is_empty()
        && register
            .activities
            .iter()
            .all(|a| a.role == ActivityRole::Processor);
    let bytes = if processor_only {
        crate::report::render_processor_workbook(register, options)?
    } else {
        crate::report::render_workbook(register, options)?
    };
    Ok(file("register/register.xlsx".to_owned(), bytes))
}

/// What changed since the earlier version, with the findings introduced and resolved.
fn diff(
    previous: &Register,
    previous_name: &str,
    input: &PackInput<'_>,
    options: &ReportOptions,
) -> Vec<PackFile> {
    let diff = crate::diff::diff_with_findings(previous, input.register, &options.validation);
    [
        (crate::diff::DiffFormat::Markdown, "diff/diff.md"),
        (crate::diff::DiffFormat::Html, "diff/diff.html"),
        (crate::diff::DiffFormat::Json, "diff/diff.json"),
    ]
    .into_iter()
    .map(|(format, path)| {
        let text = diff.render_to_string(format, previous_name, input.file_name);
        file(path.to_owned(), text.into_bytes())
    })
    .collect()
}

/// One law table as applied: where it comes from, and its entries that apply on the date under
/// the regime.
#[derive(Serialize)]
struct LawTable<T: Serialize> {
    source: &'static str,
    entries: Vec<T>,
}

/// The law tables the validation applied: the provisions, adequacy decisions and ages of digital
/// consent in force on the date under the register's regime, and under UK law the Schedule 1
/// conditions with the amendments made by then.
#[derive(Serialize)]
struct LawTables {
    as_of: chrono::NaiveDate,
    regime: Regime,
    tables_checked: &'static str,
    provisions: LawTable<crate::law::provisions::ProvisionEntry>,
    adequacy: LawTable<crate::law::adequacy::AdequacyEntry>,
    digital_consent_ages: LawTable<crate::law::child_consent::DigitalConsentAge>,
    #[serde(skip_serializing_if = "Option::is_none")]
    schedule_1: Option<LawTable<Schedule1Applied>>,
}

/// A Schedule 1 condition with the amendments that apply by the date.
#[derive(Serialize)]
struct Schedule1Applied {
    #[serde(flatten)]
    entry: crate::law::schedule_1::Schedule1Entry,
    amendments_applied: Vec<crate::law::schedule_1::Schedule1Amendment>,
}

fn law_tables(register: &Register, options: &ReportOptions) -> LawTables {
    let on = options.date();
    let regime = crate::validate::applicable_regime(register, options.validation.regime, on);
    let covers = |period: &Period| period.covers(on);
    LawTables {
        as_of: on,
        regime,
        tables_checked: crate::law::TABLES_CHECKED,
        provisions: LawTable {
            source: "each entry's instrument",
            entries: crate::law::provisions::PROVISIONS
                .iter()
                .filter(|e| e.regime == regime && covers(&e.period))
                .copied()
                .collect(),
        },
        adequacy: LawTable {
            source: "each entry's decision or regulations",
            entries: crate::law::adequacy::ADEQUACY
                .iter()
                .filter(|e| e.regime == regime && covers(&e.period))
                .copied()
                .collect(),
        },
        digital_consent_ages: LawTable {
            source: "each entry's law",
            entries: crate::law::child_consent::DIGITAL_CONSENT_AGES
                .iter()
                .filter(|e| e.regime == regime && covers(&e.period))
                .copied()
                .collect(),
        },
        schedule_1: crate::validate::uk_law_applies(register, options.validation.regime)
            .then(|| schedule_1(on)),
    }
}

fn schedule_1(on: chrono::NaiveDate) -> LawTable<Schedule1Applied> {
    LawTable {
        source: "Data Protection Act 2018 Schedule 1, in force from 25 May 2018, as amended",
        entries: crate::law::schedule_1::SCHEDULE_1
            .iter()
            .map(|entry| Schedule1Applied {
                entry: *entry,
                amendments_applied: entry
                    .amendments
                    .iter()
                    .filter(|a| a.applies_from <= on)
                    .copied()
                    .collect(),
            })
            .collect(),
    }
}

/// The SHA-256 of some bytes, in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for byte in digest {
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

/// The manifest: comment lines (which `sha256sum -c` skips) naming the crate, the date, the
/// register's own hash and each file's size, then one `HASH  PATH` line a file.
fn manifest(input: &PackInput<'_>, options: &ReportOptions, files: &[PackFile]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# ropa evidence pack");
    let _ = writeln!(
        out,
        "# made by ropa {} (register format {}; law tables checked {})",
        env!("CARGO_PKG_VERSION"),
        crate::model::SCHEMA_VERSION,
        crate::law::TABLES_CHECKED
    );
    let _ = writeln!(out, "# as of {}", options.date());
    let _ = writeln!(
        out,
        "# register {} ({} bytes), sha256 {}",
        original_path(input.file_name),
        input.original.len(),
        sha256_hex(input.original)
    );
    let _ = writeln!(
        out,
        "# check every file, in this folder: sha256sum -c MANIFEST"
    );
    let _ = writeln!(out, "#\n# bytes path");
    for f in files {
        let _ = writeln!(out, "# {} {}", f.bytes.len(), f.path);
    }
    for f in files {
        let _ = writeln!(out, "{}  {}", sha256_hex(&f.bytes), f.path);
    }
    out
}

/// Writes the pack into `dir`, a folder that does not exist yet or is empty, each file under its
/// path (each written as `report::render_to_path` writes a report: whole or not at all). A folder
/// that holds anything is refused, so that a pack never mixes with other files.
///
/// # Errors
///
/// [`ReportError::File`] naming the folder or the file that could not be written.
pub fn write_dir(files: &[PackFile], dir: &Path) -> Result<(), ReportError> {
    let refuse = |source: io::Error| ReportError::File {
        path: dir.to_owned(),
        source,
    };
    match std::fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(refuse(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    "the folder is not empty: a pack goes into a new or empty folder",
                )));
            }
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            std::fs::create_dir_all(dir).map_err(refuse)?;
        }
        Err(error) => return Err(refuse(error)),
    }
    for f in files {
        let path = dir.join(&f.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|source| ReportError::File {
                path: parent.to_owned(),
                source,
            })?;
        }
        crate::report::write_atomically(&path, |out| out.write_all(&f.bytes))?;
    }
    Ok(())
}

/// The pack as one zip: its files stored uncompressed in pack order, each with zip's first
/// timestamp (1980-01-01 00:00) and mode 0644, so that the same pack gives the same bytes.
///
/// # Errors
///
/// [`ReportError::Io`] where the archive cannot be assembled.
#[cfg(feature = "spreadsheet")]
#[cfg_attr(docsrs, doc(cfg(feature = "spreadsheet")))]
pub fn to_zip(files: &[PackFile]) -> Result<Vec<u8>, ReportError> {
    use zip::write::SimpleFileOptions;
    let failed = |e: zip::result::ZipError| ReportError::Io(io::Error::other(e));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    let mut zip = zip::ZipWriter::new(io::Cursor::new(Vec::new()));
    for f in files {
        zip.start_file(f.path.as_str(), options).map_err(failed)?;
        zip.write_all(&f.bytes)?;
    }
    Ok(zip.finish().map_err(failed)?.into_inner())
}

/// Writes the pack as one zip ([`to_zip`]) to `path`, replaced only once it is whole.
///
/// # Errors
///
/// [`ReportError::File`] naming the path where it cannot be written.
#[cfg(feature = "spreadsheet")]
#[cfg_attr(docsrs, doc(cfg(feature = "spreadsheet")))]
pub fn write_zip(files: &[PackFile], path: &Path) -> Result<(), ReportError> {
    let bytes = to_zip(files)?;
    crate::report::write_atomically(path, |out| out.write_all(&bytes))
}
