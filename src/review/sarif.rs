//! Validation findings as SARIF 2.1.0 (the OASIS Static Analysis Results Interchange Format), so
//! that code review tools show them inline, on the line of the register file they are about.
//!
//! One run: the rule [`catalogue`] is the tool's `rules` (id, summary, and as
//! help the provisions cited under each regime, by date); each finding is a result with its
//! `ruleId`, a `level` from its severity (`error`, `warning`, `note`), its message, and a physical
//! location: the file and the line and column where the value at the finding's JSON Pointer
//! starts. A file that cannot be
//! parsed is a `parse-error` result at the line and column of the error, and an error notification
//! of the run's invocation.
//!
//! Positions are found in one pass over each file ([`locate`]), however many findings it has.
//! Columns count Unicode code points (`columnKind: unicodeCodePoints`).
//!
//! The types are this module's own: the part of SARIF written here is small, and a schema test
//! checks it against the SARIF 2.1.0 JSON Schema.
//!
//! # Examples
//!
//! ```
//! use ropa::sarif::Sarif;
//! use ropa::ValidationOptions;
//!
//! let path = "examples/data/doncaster-peer-support-groups.json";
//! let text = std::fs::read_to_string(path)?;
//! let register = ropa::from_str(&text)?;
//! let report = ropa::validate(&register, &ValidationOptions::default().as_of("2026-11-22".parse()?));
//!
//! let mut sarif = Sarif::new();
//! sarif.add_findings(path, &text, &register, &report);
//! let json = serde_json::to_value(sarif.finish())?;
//! let result = &json["runs"][0]["results"][0];
//! assert_eq!(result["ruleId"], report.findings[0].rule);
//! assert!(result["locations"][0]["physicalLocation"]["region"]["startLine"].as_u64().unwrap() > 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use serde::Serialize;

use crate::io::Error;
use crate::model::{Regime, Register};
use crate::review::diff::Places;
use crate::validate::{Finding, Severity, ValidationOptions, ValidationReport, catalogue};

/// Where a value starts in a file: 1-based line, and 1-based column in Unicode code points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, in Unicode code points.
    pub column: usize,
}

/// Finds where the values at the given JSON Pointers start in a JSON text, in one pass over it.
///
/// Returns a position for each pointer that names a value in the text, and for a pointer that
/// does not, the position of the nearest value that holds where it would be (its longest prefix
/// that names one). A byte-order mark at the start is skipped. Text that is not well-formed JSON
/// gives the positions found up to where it stops being JSON.
///
/// # Examples
///
/// ```
/// let text = "{\n  \"a\": [\n    1,\n    {\"b\": true}\n  ]\n}";
/// let positions = ropa::sarif::locate(text, ["/a/1/b", "/a/0", "/a/7"]);
/// assert_eq!(positions["/a/1/b"], ropa::sarif::Position { line: 4, column: 11 });
/// assert_eq!(positions["/a/0"].line, 3);
/// assert_eq!(positions["/a/7"].line, 2); // not in the text: the list that would hold it
/// ```
pub fn locate<'p>(
    text: &str,
    pointers: impl IntoIterator<Item = &'p str>,
) -> std::collections::BTreeMap<String, Position> {
    let pointers: Vec<&str> = pointers.into_iter().collect();
    // Every prefix of a wanted pointer is wanted too, for pointers that name no value.
    let mut wanted: HashSet<&str> = HashSet::with_capacity(pointers.len() * 4);
    for pointer in &pointers {
        wanted.insert(pointer);
        for (i, _) in pointer.match_indices('/') {
            wanted.insert(&pointer[..i]);
        }
    }
    let found = scan(text, &wanted);
    pointers
        .iter()
        .filter_map(|pointer| {
            let mut prefix: &str = pointer;
            loop {
                if let Some(position) = found.get(prefix) {
                    return Some(((*pointer).to_owned(), *position));
                }
                prefix = &prefix[..prefix.rfind('/')?];
            }
        })
        .collect()
}

/// A cursor over JSON text that knows its line and column.
struct Cursor<'t> {
    bytes: &'t [u8],
    at: usize,
    line: usize,
    column: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn bump(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.at += 1;
        if byte == b'\n' {
            self.line += 1;
            self.column = 1;
        } else if byte & 0xC0 != 0x80 {
            // A continuation byte of UTF-8 is part of the code point already counted.
            self.column += 1;
        }
        Some(byte)
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    fn position(&self) -> Position {
        Position {
            line: self.line,
            column: self.column,
        }
    }

    /// Reads a string, the cursor on its opening quote, and returns its value when `decode` (an
    /// empty string otherwise); `None` where the text ends first.
    fn string(&mut self, decode: bool) -> Option<String> {
        self.bump();
        let mut out = decode.then(Vec::new);
        loop {
            match self.bump()? {
                b'"' => {
                    return Some(
                        out.map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
                            .unwrap_or_default(),
                    );
                }
                b'\\' => {
                    let escaped = self.bump()?;
                    let Some(out) = out.as_mut() else {
                        continue;
                    };
                    let c = match escaped {
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let high = self.hex4()?;
                            let code =
                                if (0xD800..0xDC00).contains(&high) && self.peek() == Some(b'\\') {
                                    self.bump();
                                    self.bump();
                                    let low = self.hex4()?;
                                    0x10000
                                        + ((high - 0xD800) << 10)
                                        + (low.wrapping_sub(0xDC00) & 0x3FF)
                                } else {
                                    high
                                };
                            char::from_u32(code).unwrap_or('\u{fffd}')
                        }
                        other => char::from(other),
                    };
                    let mut buffer = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
                }
                byte => {
                    if let Some(out) = out.as_mut() {
                        out.push(byte);
                    }
                }
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let mut value = 0;
        for _ in 0..4 {
            let digit = char::from(self.bump()?).to_digit(16)?;
            value = value * 16 + digit;
        }
        Some(value)
    }
}

/// One open array or object: where the pointer stood before it, for an array the index, and
/// whether its pointer is wanted (only then are its members' pointers built: no pointer under
/// one that is not wanted can be wanted, since every prefix of a wanted pointer is).
struct Frame {
    base: usize,
    index: Option<usize>,
    live: bool,
}

/// The positions of the wanted pointers' values, in one pass, without recursion (so no depth of
/// nesting can overflow the stack), building pointers only where they can be wanted (so a deep
/// file costs no more than a flat one).
fn scan(text: &str, wanted: &HashSet<&str>) -> HashMap<String, Position> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut scanner = Scanner {
        cursor: Cursor {
            bytes: text.as_bytes(),
            at: 0,
            line: 1,
            column: 1,
        },
        wanted,
        found: HashMap::with_capacity(wanted.len()),
        pointer: String::new(),
        stack: Vec::new(),
        live: true,
    };
    // Whether a value comes next (else: what follows a value).
    let mut expect_value = true;
    loop {
        scanner.cursor.skip_whitespace();
        let next = if expect_value {
            scanner.value()
        } else {
            scanner.after_value()
        };
        match next {
            Some(value_next) => expect_value = value_next,
            None => return scanner.found,
        }
    }
}

/// The scan's state: where it is, the pointer of what comes next, and the open containers.
struct Scanner<'t, 'w> {
    cursor: Cursor<'t>,
    wanted: &'w HashSet<&'w str>,
    found: HashMap<String, Position>,
    pointer: String,
    stack: Vec<Frame>,
    /// Whether `pointer` names what comes next (it is built only where it can be wanted).
    live: bool,
}

impl Scanner<'_, '_> {
    /// Reads a value, noting its position where wanted. Whether a value comes next (a container
    /// was opened and is not empty); `None` at the end of the text or where it is not JSON.
    fn value(&mut self) -> Option<bool> {
        let cursor = &mut self.cursor;
        let here = self.live && self.wanted.contains(self.pointer.as_str());
        if here {
            self.found.insert(self.pointer.clone(), cursor.position());
        }
        match cursor.peek()? {
            open @ (b'{' | b'[') => {
                cursor.bump();
                let array = open == b'[';
                self.stack.push(Frame {
                    base: self.pointer.len(),
                    index: array.then_some(0),
                    live: here,
                });
                cursor.skip_whitespace();
                if cursor.peek() == Some(if array { b']' } else { b'}' }) {
                    cursor.bump();
                    self.stack.pop();
                    return Some(false);
                }
                if array {
                    if here {
                        self.pointer.push_str("/0");
                    }
                } else if !key(cursor, &mut self.pointer, here) {
                    return None;
                }
                self.live = here;
                Some(true)
            }
            b'"' => cursor.string(false).map(|_| false),
            _ => {
                while let Some(byte) = cursor.peek() {
                    if matches!(byte, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                        break;
                    }
                    cursor.bump();
                }
                Some(false)
            }
        }
    }

    /// After a value: the next member or item (a value comes next), or the end of the
    /// container (another "after a value"); `None` at the end or where it is not JSON.
    fn after_value(&mut self) -> Option<bool> {
        let frame = self.stack.last_mut()?;
        if frame.live {
            self.pointer.truncate(frame.base);
        }
        match (self.cursor.bump(), frame.index.as_mut()) {
            (Some(b','), Some(index)) => {
                *index += 1;
                if frame.live {
                    self.pointer.push('/');
                    self.pointer.push_str(&index.to_string());
                }
                self.live = frame.live;
                Some(true)
            }
            (Some(b','), None) => {
                let track = frame.live;
                self.cursor.skip_whitespace();
                if !key(&mut self.cursor, &mut self.pointer, track) {
                    return None;
                }
                self.live = track;
                Some(true)
            }
            (Some(b']'), Some(_)) | (Some(b'}'), None) => {
                self.stack.pop();
                Some(false)
            }
            _ => None,
        }
    }
}

/// Reads `"key":`, the cursor on the quote, and extends the pointer with the key when `track`.
fn key(cursor: &mut Cursor<'_>, pointer: &mut String, track: bool) -> bool {
    if cursor.peek() != Some(b'"') {
        return false;
    }
    let Some(key) = cursor.string(track) else {
        return false;
    };
    cursor.skip_whitespace();
    if cursor.bump() != Some(b':') {
        return false;
    }
    if track {
        pointer.push('/');
        pointer.push_str(&crate::io::escape_token(&key));
    }
    true
}

/// The SARIF 2.1.0 schema's address, written as the log's `$schema`.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// A SARIF log being built: one run of `ropa` over one or more register files.
#[derive(Debug, Default)]
pub struct Sarif {
    results: Vec<SarifResult>,
    notifications: Vec<Notification>,
}

impl Sarif {
    /// An empty log.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the findings of a register read from `uri`, whose JSON text is `text`.
    ///
    /// `uri` is written as the result's `artifactLocation.uri`: give the path relative to the
    /// repository root, as code review tools expect. The positions come from one pass over `text`.
    pub fn add_findings(
        &mut self,
        uri: &str,
        text: &str,
        register: &Register,
        report: &ValidationReport,
    ) {
        let positions = locate(text, report.findings.iter().map(|f| f.path.as_str()));
        let json = serde_json::to_value(register).unwrap_or_default();
        let mut places = Places::new(&json);
        for finding in &report.findings {
            let position = positions
                .get(&finding.path)
                .copied()
                .unwrap_or(Position { line: 1, column: 1 });
            // The rule and the place by ids: stable when the file is reformatted or reordered.
            let place = places.stable(&finding.path);
            self.push(uri, finding, position, Some(place));
        }
    }

    fn push(&mut self, uri: &str, finding: &Finding, position: Position, place: Option<String>) {
        let rule_index = catalogue().iter().position(|r| r.id == finding.rule);
        let mut fingerprints = std::collections::BTreeMap::new();
        if let Some(place) = place {
            fingerprints.insert("ropaPlace/v2", format!("{}:{place}", finding.rule));
        }
        self.results.push(SarifResult {
            rule_id: finding.rule,
            rule_index,
            level: level(finding.severity),
            message: Message::new(format!("{} ({})", finding.message, finding.citation)),
            locations: vec![Location {
                physical_location: physical(uri, position),
                logical_locations: vec![LogicalLocation {
                    fully_qualified_name: finding.path.clone(),
                    kind: "object",
                }],
            }],
            partial_fingerprints: fingerprints,
            suppressions: crate::review::sarif_suppression::suppressions(finding),
        });
    }

    /// Adds the findings of a register read from a spreadsheet (feature `spreadsheet`): each
    /// result names its cell in its message and as a logical location (`Template!L12`, kind
    /// `element`) beside its JSON Pointer, and is placed at the file's first line, since a
    /// workbook has no lines of text.
    #[cfg(feature = "spreadsheet")]
    #[cfg_attr(docsrs, doc(cfg(feature = "spreadsheet")))]
    pub fn add_workbook_findings(
        &mut self,
        uri: &str,
        imported: &crate::io::sheet::Imported,
        findings: &[Finding],
    ) {
        for finding in findings {
            let cell = imported.cell_of(&finding.path).map(ToString::to_string);
            let mut placed = finding.clone();
            if let Some(cell) = &cell {
                placed.message = format!("{cell}: {}", finding.message);
            }
            self.push(uri, &placed, Position { line: 1, column: 1 }, cell.clone());
            if let (Some(cell), Some(result)) = (cell, self.results.last_mut()) {
                result.locations[0].logical_locations.push(LogicalLocation {
                    fully_qualified_name: cell,
                    kind: "element",
                });
            }
        }
    }

    /// Adds a spreadsheet that could not be read as a register (feature `spreadsheet`): a
    /// `parse-error` result and an error notification, as [`Sarif::add_error`] does for JSON.
    #[cfg(feature = "spreadsheet")]
    #[cfg_attr(docsrs, doc(cfg(feature = "spreadsheet")))]
    pub fn add_sheet_error(
        &mut self,
        uri: &str,
        error: &crate::io::sheet::SheetError,
        options: &ValidationOptions,
    ) {
        let position = Position { line: 1, column: 1 };
        let finding = Finding::sheet_error(error, options);
        self.push(uri, &finding, position, None);
        self.notifications.push(Notification {
            level: "error",
            message: Message::new(error.to_string()),
            locations: vec![NotificationLocation {
                physical_location: physical(uri, position),
            }],
        });
    }

    /// Adds a file that could not be read or parsed: a `parse-error` result at the line and
    /// column of the error (so that review tools show it inline like any finding), and an error
    /// notification of the run's invocation, which then did not succeed.
    pub fn add_error(&mut self, uri: &str, error: &Error, options: &ValidationOptions) {
        let position = error
            .line_column()
            .map(|(line, column)| Position {
                line: line.max(1),
                column: column.max(1),
            })
            .unwrap_or(Position { line: 1, column: 1 });
        let finding = Finding::parse_error(error, options);
        self.push(uri, &finding, position, None);
        self.notifications.push(Notification {
            level: "error",
            message: Message::new(error.to_string()),
            locations: vec![NotificationLocation {
                physical_location: physical(uri, position),
            }],
        });
    }

    /// The log.
    pub fn finish(self) -> Log {
        let rules = catalogue()
            .iter()
            .map(|rule| ReportingDescriptor {
                id: rule.id,
                help_uri: rule.docs_url(),
                short_description: Message::new(rule.summary.to_owned()),
                help: Message::new(format!(
                    "{} Cites, under the UK GDPR: {}; under the EU GDPR: {}.",
                    rule.summary,
                    crate::law::rule_citations_in_words(rule, Regime::UkGdpr),
                    crate::law::rule_citations_in_words(rule, Regime::EuGdpr)
                )),
                default_configuration: Configuration {
                    level: level(rule.severity),
                },
                properties: RuleProperties {
                    citation: rule.citation,
                },
            })
            .collect();
        Log {
            schema: SCHEMA_URI,
            version: "2.1.0",
            runs: vec![Run {
                tool: Tool {
                    driver: Driver {
                        name: "ropa",
                        version: env!("CARGO_PKG_VERSION"),
                        information_uri: env!("CARGO_PKG_REPOSITORY"),
                        rules,
                    },
                },
                invocations: vec![Invocation {
                    execution_successful: self.notifications.is_empty(),
                    tool_execution_notifications: self.notifications,
                }],
                column_kind: "unicodeCodePoints",
                results: self.results,
            }],
        }
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        _ => "note",
    }
}

fn physical(uri: &str, position: Position) -> PhysicalLocation {
    PhysicalLocation {
        artifact_location: ArtifactLocation {
            uri: percent_encode(uri),
        },
        region: Region {
            start_line: position.line,
            start_column: position.column,
        },
    }
}

/// A path as a URI reference: bytes other than unreserved characters and `/` percent-encoded
/// (RFC 3986), so that a file name with a space or `#` stays one path.
fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A SARIF 2.1.0 log, to serialize with serde (`serde_json::to_writer_pretty`).
#[derive(Debug, Serialize)]
pub struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    invocations: Vec<Invocation>,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Debug, Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    information_uri: &'static str,
    rules: Vec<ReportingDescriptor>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor {
    id: &'static str,
    /// The rule's page in the crate's documentation (SARIF §3.49.12).
    help_uri: String,
    short_description: Message,
    help: Message,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Debug, Serialize)]
struct RuleProperties {
    citation: &'static str,
}

#[derive(Debug, Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Debug, Serialize)]
struct Message {
    text: String,
}

impl Message {
    fn new(text: String) -> Self {
        Self {
            text: crate::review::sarif_text::sarif_text(&text),
        }
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Debug, Serialize)]
struct Notification {
    level: &'static str,
    message: Message,
    locations: Vec<NotificationLocation>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct NotificationLocation {
    physical_location: PhysicalLocation,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Message,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    partial_fingerprints: std::collections::BTreeMap<&'static str, String>,
    /// SARIF's own record of an accepted finding (§3.27.23): the policy's suppression, kind
    /// `external` (kept outside the register), status `accepted`, with its justification.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressions: Vec<crate::review::sarif_suppression::Suppression>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
    logical_locations: Vec<LogicalLocation>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Debug, Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct LogicalLocation {
    fully_qualified_name: String,
    kind: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn register_from(bytes: &[u8]) -> Option<Register> {
        use arbitrary::Arbitrary;
        Register::arbitrary(&mut arbitrary::Unstructured::new(bytes)).ok()
    }

    /// The character at a position of the text.
    fn at(text: &str, position: Position) -> Option<char> {
        text.split('\n')
            .nth(position.line - 1)?
            .chars()
            .nth(position.column - 1)
    }

    /// Keys are decoded with their escapes, surrogate pairs in either case of hex included, so
    /// that the pointer built from them names the key (serde_json writes no such escapes, so the
    /// property test below cannot reach them).
    #[test]
    fn keys_are_decoded_with_their_escapes() {
        let text = r#"{"\u00e9\ud83e\udd80\n\"\\\/x\u0041": 1, "\uD83D\uDE00": 2, "\u20AC": 3}"#;
        let keys = ["/é🦀\n\"\\~1xA", "/😀", "/€"];
        let positions = locate(text, keys);
        for (key, value) in keys.iter().zip(['1', '2', '3']) {
            assert_eq!(at(text, positions[*key]), Some(value), "{key}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// Whatever the register holds (escapes, wide characters, empty lists), in the layout
        /// this crate writes and compact: every finding's value starts where `locate` says, and
        /// so does every value of the register.
        #[test]
        fn every_value_of_arbitrary_registers_is_located(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..8192),
        ) {
            let Some(register) = register_from(&bytes) else {
                return Ok(());
            };
            let json = serde_json::to_value(&register).unwrap_or_default();
            let mut pointers = Vec::new();
            let mut stack = vec![(String::new(), &json)];
            while let Some((pointer, value)) = stack.pop() {
                match value {
                    serde_json::Value::Object(map) => {
                        for (k, v) in map {
                            stack.push((format!("{pointer}/{}", crate::io::escape_token(k)), v));
                        }
                    }
                    serde_json::Value::Array(items) => {
                        for (i, v) in items.iter().enumerate() {
                            stack.push((format!("{pointer}/{i}"), v));
                        }
                    }
                    _ => {}
                }
                pointers.push(pointer);
            }
            for text in [
                crate::io::to_string(&register).unwrap_or_default(),
                serde_json::to_string(&json).unwrap_or_default(),
            ] {
                let positions = locate(&text, pointers.iter().map(String::as_str));
                for pointer in &pointers {
                    let value = json.pointer(pointer).unwrap();
                    let first = serde_json::to_string(value).unwrap().chars().next();
                    let position = positions.get(pointer).copied();
                    proptest::prop_assert!(position.is_some(), "{pointer}");
                    proptest::prop_assert_eq!(
                        position.and_then(|p| at(&text, p)), first, "{}", pointer
                    );
                }
                let report = crate::validate::validate(&register, &ValidationOptions::default());
                let mut sarif = Sarif::new();
                sarif.add_findings("f.json", &text, &register, &report);
                proptest::prop_assert_eq!(sarif.finish().runs[0].results.len(), report.findings.len());
            }
        }
    }
}
