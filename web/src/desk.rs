//! One register opened in the page, and everything the page shows or downloads of it. Each
//! output is made by the library calls the command line makes, in the same order and with the
//! same options, so that a download is byte for byte what `ropa` writes.

use ropa::report::{Format, ReportKind, ReportOptions};
use ropa::sheet::Imported;
use ropa::{Finding, NaiveDate, Register, Severity, ValidationOptions};
use serde::Serialize;

/// Where a register came from: JSON (its text kept, for SARIF's regions) or a spreadsheet.
enum Source {
    Json {
        text: String,
        register: Box<Register>,
    },
    Workbook {
        bytes: Vec<u8>,
        imported: Box<Imported>,
    },
}

/// A register opened from a file's bytes, as the command line opens the file of that name.
pub struct Desk {
    name: String,
    source: Source,
    /// The register as JSON, made on the first request for an item and kept for the next.
    json: std::cell::OnceCell<serde_json::Value>,
}

use ropa::error_chain;
use ropa::sheet::is_spreadsheet_name as is_spreadsheet;

/// The date `YYYY-MM-DD` the page's date field gives, or the message the command line gives.
pub fn date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|e| format!("--as-of {text}: {e} (use YYYY-MM-DD)"))
}

/// One finding as the page lists it.
#[derive(Serialize)]
struct Shown<'a> {
    rule: &'a str,
    severity: Severity,
    path: &'a str,
    /// The place in words.
    place: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    cell: Option<String>,
    message: &'a str,
    citation: &'a str,
    /// Accepted by a policy (never, in the page, which reads no policy file; kept for the shape).
    suppressed: bool,
}

/// What the page shows of a register on a date.
#[derive(Serialize)]
struct Summary<'a> {
    file: &'a str,
    /// "json", or the spreadsheet layout read ("ico-controller", ...).
    layout: &'a str,
    regime: &'static str,
    /// Whether the register states its regime, or the default (UK GDPR) applies.
    regime_stated: bool,
    organisation: &'a str,
    activities: usize,
    /// Findings per severity: info, warning, error.
    counts: [usize; 3],
    findings: Vec<Shown<'a>>,
}

impl Desk {
    /// Opens a file's bytes: a spreadsheet by its extension, else JSON read within
    /// `max_input_bytes`. The error is the command line's message for the same file.
    pub fn open(name: &str, bytes: Vec<u8>, max_input_bytes: u64) -> Result<Desk, String> {
        let source = if is_spreadsheet(name) {
            let imported =
                ropa::sheet::import_bytes(bytes.clone(), name).map_err(|e| error_chain(&e))?;
            Source::Workbook {
                bytes,
                imported: Box::new(imported),
            }
        } else {
            let (text, register) = ropa::from_reader_within(&bytes[..], max_input_bytes, name)
                .map_err(|e| error_chain(&e.in_file(name)))?;
            Source::Json {
                text,
                register: Box::new(register),
            }
        };
        Ok(Desk {
            name: name.to_owned(),
            source,
            json: std::cell::OnceCell::new(),
        })
    }

    /// The register opened.
    pub fn register(&self) -> &Register {
        match &self.source {
            Source::Json { register, .. } => register,
            Source::Workbook { imported, .. } => &imported.register,
        }
    }

    /// The file's name, as it was opened.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The bytes the register was read from.
    pub fn original(&self) -> &[u8] {
        match &self.source {
            Source::Json { text, .. } => text.as_bytes(),
            Source::Workbook { bytes, .. } => bytes,
        }
    }

    /// Every finding on the date, a spreadsheet's import findings after the register's, as
    /// `ropa validate` lists them.
    pub fn findings(&self, options: &ValidationOptions) -> Vec<Finding> {
        let mut findings = ropa::validate(self.register(), options).findings;
        if let Source::Workbook { imported, .. } = &self.source {
            findings.extend(ropa::validate::spreadsheet_findings(imported, options));
        }
        findings
    }

    /// The cell a finding's pointer came from, for a register read from a spreadsheet.
    fn cell_of(&self, pointer: &str) -> Option<String> {
        match &self.source {
            Source::Workbook { imported, .. } => imported.cell_of(pointer).map(|c| c.to_string()),
            Source::Json { .. } => None,
        }
    }

    /// What the page shows: the register's name, regime and counts, and every finding, as JSON.
    pub fn summary(&self, as_of: NaiveDate) -> String {
        let options = ValidationOptions::default().as_of(as_of);
        let findings = self.findings(&options);
        let places = ropa::report::places_in_words(self.register(), &findings);
        let mut counts = [0; 3];
        for finding in findings.iter().filter(|f| !f.is_suppressed()) {
            counts[finding.severity as usize] += 1;
        }
        let shown = findings.iter().zip(places).map(|(f, place)| Shown {
            rule: f.rule,
            severity: f.severity,
            path: &f.path,
            place,
            cell: self.cell_of(&f.path),
            message: &f.message,
            citation: &f.citation,
            suppressed: f.is_suppressed(),
        });
        let register = self.register();
        let summary = Summary {
            file: &self.name,
            layout: match &self.source {
                Source::Json { .. } => "json",
                Source::Workbook { imported, .. } => imported.layout,
            },
            regime: regime_in_words(register.regime.unwrap_or(options.regime)),
            regime_stated: register.regime.is_some(),
            organisation: organisation_name(register),
            activities: register.activities.len(),
            counts,
            findings: shown.collect(),
        };
        serde_json::to_string(&summary).unwrap_or_default()
    }

    /// The item a JSON Pointer names in the register, as pretty JSON: the object holding the
    /// value where the pointer names a single value, so that the value is read in its item;
    /// empty where it names nothing.
    pub fn item(&self, pointer: &str) -> String {
        let json = self
            .json
            .get_or_init(|| serde_json::to_value(self.register()).unwrap_or_default());
        let value = json.pointer(pointer);
        let holder = match (value, pointer.rsplit_once('/')) {
            (Some(v), Some((parent, _))) if !v.is_object() && !v.is_array() => json.pointer(parent),
            _ => value,
        };
        holder
            .and_then(|value| serde_json::to_string_pretty(value).ok())
            .unwrap_or_default()
    }

    /// `ropa validate --format json FILE`'s output.
    pub fn findings_json(&self, as_of: NaiveDate) -> Vec<u8> {
        let options = ValidationOptions::default().as_of(as_of);
        let findings = self.findings(&options);
        let cell_of = |pointer: &str| self.cell_of(pointer);
        let rows = ropa::validate::FindingRow::rows(&self.name, self.register(), findings, cell_of);
        pretty(&rows)
    }

    /// `ropa validate --format sarif FILE`'s output.
    pub fn sarif(&self, as_of: NaiveDate) -> Vec<u8> {
        let options = ValidationOptions::default().as_of(as_of);
        let mut sarif = ropa::sarif::Sarif::new();
        match &self.source {
            Source::Json { text, register } => {
                let report = ropa::validate(register, &options);
                sarif.add_findings(&self.name, text, register, &report);
            }
            Source::Workbook { imported, .. } => {
                let findings = self.findings(&options);
                sarif.add_workbook_findings(&self.name, imported, &findings);
            }
        }
        pretty(&sarif.finish())
    }

    /// `ropa report --kind KIND --format FORMAT --as-of DATE FILE`'s output.
    pub fn report(&self, kind: &str, format: &str, as_of: NaiveDate) -> Result<Vec<u8>, String> {
        let kind: ReportKind =
            (kind.replace('-', "_").parse()).map_err(|_| format!("unknown kind '{kind}'"))?;
        let format: Format = match format {
            "md" => Format::Markdown,
            other => other
                .parse()
                .map_err(|_| format!("unknown format '{other}'"))?,
        };
        let options = ReportOptions::default().as_of(as_of);
        let mut bytes = Vec::new();
        ropa::report::render(self.register(), kind, format, &options, &mut bytes)
            .map_err(|e| error_chain(&e))?;
        Ok(bytes)
    }

    /// The register in canonical JSON: what `ropa fmt` (or `ropa import` for a spreadsheet)
    /// writes.
    pub fn canonical(&self) -> Result<Vec<u8>, String> {
        let mut bytes = Vec::new();
        ropa::to_writer(&mut bytes, self.register()).map_err(|e| error_chain(&e))?;
        Ok(bytes)
    }

    /// `ropa export --as-of DATE`'s workbook: the ICO controller template.
    pub fn workbook(&self, as_of: NaiveDate) -> Result<Vec<u8>, String> {
        let options = ReportOptions::default().as_of(as_of);
        ropa::report::render_workbook(self.register(), &options).map_err(|e| error_chain(&e))
    }

    /// `ropa pack --zip --as-of DATE [--previous OLD] FILE`'s zip.
    pub fn pack(&self, as_of: NaiveDate, previous: Option<&Desk>) -> Result<Vec<u8>, String> {
        let options = ReportOptions::default().as_of(as_of);
        let mut input = ropa::pack::PackInput::new(self.register(), self.original(), &self.name);
        if let Some(old) = previous {
            input = input.with_previous(old.register(), &old.name);
        }
        let files = ropa::pack::pack(&input, &options).map_err(|e| error_chain(&e))?;
        ropa::pack::to_zip(&files).map_err(|e| error_chain(&e))
    }

    /// `ropa diff --format FORMAT --as-of DATE OLD NEW`'s output, this register the new one.
    pub fn diff_from(&self, old: &Desk, format: &str, as_of: NaiveDate) -> Result<Vec<u8>, String> {
        let format: ropa::diff::DiffFormat = format
            .parse()
            .map_err(|_| format!("unknown format '{format}': use markdown, html or json"))?;
        let options = ValidationOptions::default().as_of(as_of);
        let diff = ropa::diff::diff_with_findings(old.register(), self.register(), &options);
        let mut bytes = Vec::new();
        diff.render(format, &old.name, &self.name, &mut bytes)
            .map_err(|e| error_chain(&e))?;
        Ok(bytes)
    }
}

/// The regime as the page names it.
fn regime_in_words(regime: ropa::Regime) -> &'static str {
    match regime {
        ropa::Regime::UkGdpr => "UK GDPR, with the Data Protection Act 2018",
        ropa::Regime::EuGdpr => "EU GDPR (Regulation (EU) 2016/679)",
        other => other.label(),
    }
}

/// The name of the register's organisation, or its id where no party has it.
fn organisation_name(register: &Register) -> &str {
    let id = register.organisation.as_str();
    (register.parties.iter())
        .find(|party| party.id.as_str() == id)
        .map_or(id, |party| party.name.as_str())
}

/// Pretty JSON and a final newline, as the command line prints a JSON document.
fn pretty(value: &impl Serialize) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    const REGISTER: &str = "../examples/data/kent-parent-carer-panel.json";

    fn opened(name: &str, bytes: &[u8]) -> Result<Desk, String> {
        Desk::open(name, bytes.to_vec(), ropa::DEFAULT_MAX_INPUT_BYTES)
    }

    fn as_of() -> NaiveDate {
        date("2026-12-06").unwrap()
    }

    #[test]
    fn a_spreadsheet_is_known_by_its_extension_in_any_case() {
        assert!(
            is_spreadsheet("ropa.XLSX") && is_spreadsheet("a.b.ods") && is_spreadsheet("x.csv")
        );
        assert!(
            !is_spreadsheet("register.json")
                && !is_spreadsheet("xlsx")
                && !is_spreadsheet("a.xlsx.json")
        );
    }

    #[test]
    fn the_summary_counts_and_lists_every_finding_with_its_place_in_words() {
        let bytes = std::fs::read(REGISTER).unwrap();
        let desk = opened("kent.json", &bytes).unwrap();
        let findings = desk.findings(&ValidationOptions::default().as_of(as_of()));
        let summary: serde_json::Value = serde_json::from_str(&desk.summary(as_of())).unwrap();
        let shown = summary["findings"].as_array().unwrap();
        assert_eq!(shown.len(), findings.len());
        assert!(!findings.is_empty());
        let errors = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        assert_eq!(summary["counts"][2], errors);
        assert_eq!(summary["layout"], "json");
        assert_eq!(summary["file"], "kent.json");
        assert_eq!(
            summary["regime"],
            "UK GDPR, with the Data Protection Act 2018"
        );
        for (shown, finding) in shown.iter().zip(&findings) {
            assert_eq!(shown["rule"], finding.rule);
            assert_eq!(shown["path"], finding.path.as_str());
            assert!(!shown["place"].as_str().unwrap().starts_with('/'));
        }
        assert_eq!(desk.original(), &bytes[..]);
    }

    #[test]
    fn an_item_is_the_json_its_pointer_names() {
        let desk = opened("kent.json", &std::fs::read(REGISTER).unwrap()).unwrap();
        let activity: serde_json::Value =
            serde_json::from_str(&desk.item("/activities/0")).unwrap();
        assert_eq!(activity["id"], desk.register().activities[0].id.as_str());
        assert_eq!(desk.item("/activities/999"), "");
        // A single value is shown in the object that holds it.
        let holder: serde_json::Value =
            serde_json::from_str(&desk.item("/activities/0/name")).unwrap();
        assert_eq!(holder, activity);
    }

    #[test]
    fn the_findings_json_is_one_row_per_finding_naming_the_file() {
        let desk = opened("kent.json", &std::fs::read(REGISTER).unwrap()).unwrap();
        let rows: Vec<serde_json::Value> =
            serde_json::from_slice(&desk.findings_json(as_of())).unwrap();
        let findings = desk.findings(&ValidationOptions::default().as_of(as_of()));
        assert_eq!(rows.len(), findings.len());
        assert!(
            rows.iter()
                .all(|row| row["file"] == "kent.json" && row["place"].is_string())
        );
        assert!(desk.findings_json(as_of()).ends_with(b"]\n"));
    }

    #[test]
    fn unreadable_input_gets_the_command_lines_message() {
        let error = opened(
            "bad.json",
            b"{\"schema_version\": \"1.0\",\n \"organisation\": 7}",
        )
        .err()
        .unwrap();
        assert!(
            error.starts_with("bad.json") && error.contains("line 2"),
            "{error}"
        );
        let too_large = Desk::open("big.json", vec![b' '; 11], 10).err().unwrap();
        assert!(too_large.contains("more than 10 bytes"), "{too_large}");
        let workbook = opened("fake.xlsx", b"not a workbook").err().unwrap();
        assert!(workbook.contains("fake.xlsx"), "{workbook}");
        assert_eq!(
            date("6 Dec 2026").unwrap_err().split(':').next(),
            Some("--as-of 6 Dec 2026")
        );
    }

    #[test]
    fn reports_and_diffs_refuse_unknown_kinds_and_formats() {
        let desk = opened("kent.json", &std::fs::read(REGISTER).unwrap()).unwrap();
        assert!(
            desk.report("register", "html", as_of())
                .unwrap()
                .starts_with(b"<!DOCTYPE html>")
        );
        assert!(desk.report("special-category", "md", as_of()).is_ok());
        assert_eq!(
            desk.report("everything", "html", as_of()).unwrap_err(),
            "unknown kind 'everything'"
        );
        assert_eq!(
            desk.report("register", "pdf", as_of()).unwrap_err(),
            "unknown format 'pdf'"
        );
        assert!(desk.diff_from(&desk, "yaml", as_of()).is_err());
        let same = desk.diff_from(&desk, "json", as_of()).unwrap();
        assert!(!same.is_empty());
    }
}
