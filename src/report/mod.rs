//! Reports for auditors and DPOs, rendered from a register.
//!
//! [`render`] writes one [`ReportKind`] in one [`Format`] to any writer, block by block as it is
//! rendered, so a large register streams through. Every value is escaped for its format: HTML
//! escapes markup, Markdown escapes markup and table syntax, CSV neutralises formula injection.
//!
//! # Examples
//!
//! ```
//! use ropa::report::{render, Format, ReportKind, ReportOptions};
//!
//! let register = ropa::from_path("examples/data/kent-parent-carer-panel.json")?;
//! let mut html = Vec::new();
//! render(&register, ReportKind::Register, Format::Html, &ReportOptions::default(), &mut html)?;
//! assert!(String::from_utf8(html)?.contains(">Processing activities (Article 30(1))</h2>"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::io::Write;

use chrono::NaiveDate;

use crate::model::Register;
use crate::model::vocabulary::vocabulary;
use crate::validate::ValidationOptions;

mod csv;
mod file;
mod findings;
mod notice;
mod notice_words;
mod outline;
mod place;
mod record;
mod retention;
pub(crate) mod sink;
mod special;
pub(crate) mod text;
mod transfer_text;
mod transfers;
#[cfg(feature = "spreadsheet")]
mod workbook;

pub use file::render_to_path;
pub(crate) use file::write_atomically;
pub use place::places_in_words;
pub use sink::terminal_escape;
use sink::{Html, Markdown, Sink};
#[cfg(feature = "spreadsheet")]
#[cfg_attr(docsrs, doc(cfg(feature = "spreadsheet")))]
pub use workbook::{
    render_processor_workbook, render_processor_workbook_to_path, render_workbook,
    render_workbook_to_path,
};

vocabulary! {
    /// What a report shows.
    pub enum ReportKind {
        /// The Art 30(1) record, and the Art 30(2) record where the organisation is processor,
        /// with the headings of the regulator's template and the Sch 1 para 41 entries.
        Register,
        /// Every retention rule with its trigger, period, condition and disposal.
        Retention,
        /// Every international transfer with its mechanism and the findings about it.
        Transfers,
        /// Every activity with Art 9 or Art 10 data: the conditions and Schedule 1 entries.
        SpecialCategory,
        /// The validation report grouped by severity and by activity.
        Findings,
        /// A draft privacy notice (Art 13, and Art 14 where data comes from third parties).
        Notice,
    }
}

vocabulary! {
    /// How a report is written.
    pub enum Format {
        /// Markdown.
        Markdown,
        /// One self-contained HTML file: no external assets or scripts, prints well.
        Html,
        /// CSV with a header row, for the `register` kind: one row per activity and purpose, the
        /// regulator template's columns in its order.
        Csv,
        /// JSON, for the `findings` kind: one array of findings.
        Json,
    }
}

impl Format {
    /// The format a file's extension names (case-insensitive): `md`/`markdown`, `html`/`htm`,
    /// `csv`, `json`; `None` for any other.
    ///
    /// ```
    /// use ropa::report::Format;
    /// assert_eq!(Format::from_extension("HTML"), Some(Format::Html));
    /// assert_eq!(Format::from_extension("md"), Some(Format::Markdown));
    /// assert_eq!(Format::from_extension("pdf"), None);
    /// ```
    pub fn from_extension(extension: &str) -> Option<Format> {
        match extension.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

/// How to render.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReportOptions {
    /// The reference date for erasure dates, overdue rows and validation; `None` means today.
    pub as_of: Option<NaiveDate>,
    /// The options of the validation that the findings and transfers reports run.
    pub validation: ValidationOptions,
}

impl ReportOptions {
    /// Sets the reference date (for validation too).
    pub fn as_of(mut self, date: NaiveDate) -> Self {
        self.as_of = Some(date);
        self.validation = self.validation.as_of(date);
        self
    }

    /// Applies the organisation's policy (`ropa.toml`) to the validation the reports run: accepted
    /// findings are listed as such, actions fill the findings report's action list.
    ///
    /// ```
    /// use ropa::report::{Format, ReportKind, ReportOptions, render_to_string};
    /// let register = ropa::from_path("examples/data/doncaster-peer-support-groups.json")?;
    /// let policy = ropa::Policy::from_toml(
    ///     "[[suppress]]\nrule = \"missing-controller-contact\"\nreason = \"In the directory\"",
    /// )?;
    /// let options = ReportOptions::default().as_of("2026-12-06".parse()?).policy(policy);
    /// let text = render_to_string(&register, ReportKind::Findings, Format::Markdown, &options)?;
    /// assert!(text.contains("Accepted by the organisation's policy (1)"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn policy(mut self, policy: crate::validate::Policy) -> Self {
        self.validation = self.validation.policy(policy);
        self
    }

    pub(crate) fn date(&self) -> NaiveDate {
        self.as_of.unwrap_or_else(crate::validate::today)
    }
}

/// Why a report could not be rendered.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReportError {
    /// The kind is not available in the format (CSV is for `register`, JSON for `findings`).
    #[error("the {kind} report is not available as {format}; use markdown or html")]
    Unsupported {
        /// The kind asked for.
        kind: ReportKind,
        /// The format asked for.
        format: Format,
    },
    /// Writing failed.
    #[error("cannot write the report")]
    Io(#[from] std::io::Error),
    /// The report could not be written to its file (the file that was there is left as it was).
    #[error("cannot write the report to {}", .path.display())]
    File {
        /// The file asked for.
        path: std::path::PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
}

/// Checks that the kind is available in the format, before anything is written.
///
/// # Errors
///
/// [`ReportError::Unsupported`] for CSV other than `register` or JSON other than `findings`.
pub fn supported(kind: ReportKind, format: Format) -> Result<(), ReportError> {
    match (kind, format) {
        (ReportKind::Register, Format::Csv) | (ReportKind::Findings, Format::Json) => Ok(()),
        (_, Format::Csv | Format::Json) => Err(ReportError::Unsupported { kind, format }),
        (_, Format::Html | Format::Markdown) => Ok(()),
    }
}

/// Renders a report of the register to the writer.
///
/// # Errors
///
/// [`ReportError::Unsupported`] for CSV other than `register` or JSON other than `findings`;
/// [`ReportError::Io`] when the writer fails.
///
/// # Examples
///
/// ```
/// use ropa::report::{Format, ReportKind, ReportOptions, render};
/// let register = ropa::from_path("examples/data/kent-parent-carer-panel.json")?;
/// let options = ReportOptions::default().as_of("2026-12-06".parse()?);
/// let mut html = Vec::new();
/// render(&register, ReportKind::Register, Format::Html, &options, &mut html)?;
/// assert!(html.starts_with(b"<!DOCTYPE html>"));
/// // CSV is for the register kind only, checked before anything is written.
/// let mut csv = Vec::new();
/// assert!(render(&register, ReportKind::Notice, Format::Csv, &options, &mut csv).is_err());
/// assert!(csv.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn render(
    register: &Register,
    kind: ReportKind,
    format: Format,
    options: &ReportOptions,
    writer: impl Write,
) -> Result<(), ReportError> {
    supported(kind, format)?;
    let mut writer = std::io::BufWriter::with_capacity(64 * 1024, writer);
    match (kind, format) {
        (ReportKind::Register, Format::Csv) => csv::register(register, options, &mut writer)?,
        (ReportKind::Findings, Format::Json) => findings::json(register, options, &mut writer)?,
        (_, Format::Csv | Format::Json) => return Err(ReportError::Unsupported { kind, format }),
        (_, Format::Html) => {
            // Once for the headings of the contents, once for real: linear, and the report
            // still streams.
            let mut outline = outline::Outline::default();
            blocks(register, kind, options, &mut outline)?;
            let front = sink::Front {
                cover: cover(register, kind, options),
                contents: outline.0,
            };
            blocks(
                register,
                kind,
                options,
                &mut Html::with_front(&mut writer, front),
            )?
        }
        (_, Format::Markdown) => blocks(register, kind, options, &mut Markdown(&mut writer))?,
    }
    writer.flush()?;
    Ok(())
}

/// Renders a report to a string.
///
/// # Errors
///
/// As [`render`].
///
/// # Examples
///
/// ```
/// use ropa::report::{Format, ReportKind, ReportOptions, render_to_string};
/// let register = ropa::from_path("examples/data/doncaster-peer-support-groups.json")?;
/// let options = ReportOptions::default().as_of("2026-12-06".parse()?);
/// let findings = render_to_string(&register, ReportKind::Findings, Format::Markdown, &options)?;
/// assert!(findings.starts_with("# Findings: City of Doncaster Council"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn render_to_string(
    register: &Register,
    kind: ReportKind,
    format: Format,
    options: &ReportOptions,
) -> Result<String, ReportError> {
    let mut bytes = Vec::new();
    render(register, kind, format, options, &mut bytes)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn blocks(
    register: &Register,
    kind: ReportKind,
    options: &ReportOptions,
    sink: &mut dyn Sink,
) -> std::io::Result<()> {
    match kind {
        ReportKind::Register => record::render(register, options, sink),
        ReportKind::Retention => retention::render(register, options, sink),
        ReportKind::Transfers => transfers::render(register, options, sink),
        ReportKind::SpecialCategory => special::render(register, options, sink),
        ReportKind::Findings => findings::render(register, options, sink),
        ReportKind::Notice => notice::render(register, options, sink),
    }
}

/// The facts a printed report's cover gives: whose register, which report, as of when, how old
/// the register is, and what made the report.
fn cover(
    register: &Register,
    kind: ReportKind,
    options: &ReportOptions,
) -> Vec<(&'static str, String)> {
    let or_not_stated =
        |date: Option<NaiveDate>| date.map_or_else(|| "Not stated".to_owned(), |d| d.to_string());
    vec![
        ("Organisation", organisation_name(register)),
        (
            "Report",
            crate::model::labels::capital(&kind.to_string().replace(['-', '_'], " ")),
        ),
        ("As of", options.date().to_string()),
        (
            "Register last reviewed",
            or_not_stated(register.last_reviewed),
        ),
        ("Next review", or_not_stated(register.next_review)),
        (
            "Made by",
            format!(
                "ropa {} (register format {}; law tables checked {})",
                env!("CARGO_PKG_VERSION"),
                crate::model::SCHEMA_VERSION,
                crate::law::TABLES_CHECKED
            ),
        ),
    ]
}

/// The organisation's name, for titles.
fn organisation_name(register: &Register) -> String {
    register
        .organisation()
        .map(|p| p.name.clone())
        .unwrap_or_else(|| register.organisation.to_string())
}
