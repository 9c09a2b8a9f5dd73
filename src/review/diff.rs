//! A semantic diff between two versions of a register: what was added, removed or changed, said
//! in the register's words, with the findings the change introduced and resolved.
//!
//! Items are matched by what identifies them, never by their position: activities, parties,
//! documents, purposes, data categories, data subjects and recipients by their `id`; systems by
//! their name; an item that has no id by its content, and where it changed, by what it is about
//! (a retention rule by the data it covers, a lawful basis by its Art 6 basis, an Art 9 condition
//! by its condition, a transfer by its destination). So reordering a list, reformatting the file
//! and whitespace are not changes. An id that was renamed shows as the old item removed and the
//! new one added; where nothing else changed, both say so.
//!
//! Both registers are compared as the JSON this crate writes, so every field the model has is
//! compared, and each change carries a JSON Pointer into each version. Registers of different
//! format versions (`schema_version` 1.0 and 1.1) are read into the same model and compared by
//! content; the version itself shows as a change of the register. The work is linear in the
//! size of the two registers: lists are matched through maps.
//!
//! # Examples
//!
//! ```
//! use ropa::{DataCategory, Party, ProcessingActivity, Register};
//! use ropa::diff::{diff, ChangeKind};
//!
//! let old = Register::new(Party::new("council", "Example Council"))
//!     .with_activity(ProcessingActivity::controller("panel", "Parent carer panel")
//!         .with_data_category(DataCategory::new("contact", "Contact details")));
//! let mut new = old.clone();
//! new.activities[0].data_categories.push(DataCategory::new("ethnicity", "Ethnic origin"));
//!
//! let changes = diff(&old, &new);
//! assert_eq!(changes.changes.len(), 1);
//! let change = &changes.changes[0];
//! assert_eq!(change.kind, ChangeKind::Added);
//! assert_eq!(change.to_string(), "activity 'Parent carer panel': data category 'Ethnic origin' added");
//! assert_eq!(change.new_pointer.as_deref(), Some("/activities/0/data_categories/1"));
//! assert!(diff(&old, &old).is_empty());
//! ```

use std::fmt;
use std::io::{self, Write};

use foldhash::{HashMap, HashMapExt};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::io::escape_token;
use crate::model::vocabulary::vocabulary;
use crate::model::{LawfulBasis, Register, RetentionRule, SpecialCategoryCondition, Transfer};
use crate::report::sink::{Html, Markdown, Sink};
use crate::report::text;
use crate::validate::{Finding, ValidationOptions, validate};

vocabulary! {
    /// What happened to an item or a value between the two versions.
    pub enum ChangeKind {
        /// In the new version only.
        Added,
        /// In the old version only.
        Removed,
        /// In both, with a different value.
        Changed,
    }
}

vocabulary! {
    /// How a diff is written.
    pub enum DiffFormat {
        /// Markdown, to post as a pull-request comment.
        Markdown,
        /// One self-contained HTML file, styled like the reports.
        Html,
        /// One JSON object: `changes`, and `findings` where they were compared.
        Json,
    }
}

/// One change between the two versions.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Change {
    /// Added, removed or changed.
    pub kind: ChangeKind,
    /// The RFC 6901 JSON Pointer of the item or value in the old version; `None` when added.
    pub old_pointer: Option<String>,
    /// The RFC 6901 JSON Pointer of the item or value in the new version; `None` when removed.
    pub new_pointer: Option<String>,
    /// The old value, as JSON; `None` when added.
    pub old_value: Option<Value>,
    /// The new value, as JSON; `None` when removed.
    pub new_value: Option<Value>,
    /// The top-level item the change is in, in words: `"activity 'Parent carer panel'"`,
    /// `"party 'Hosting Ltd'"`, or `"register"` for the register's own fields.
    pub scope: String,
    /// The change in words, within its scope: `"recipient 'Hosting Ltd' (processor) added"`.
    pub summary: String,
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.scope, self.summary)
    }
}

/// The findings a change introduced and resolved.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct FindingChanges {
    /// The reference date both versions were validated on.
    pub as_of: Option<chrono::NaiveDate>,
    /// Findings of the new version that the old one did not have, in the new version's order;
    /// their pointers point into the new version.
    pub introduced: Vec<Finding>,
    /// Findings of the old version that the new one does not have, in the old version's order;
    /// their pointers point into the old version.
    pub resolved: Vec<Finding>,
}

/// The differences between two registers.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Diff {
    /// Every change, grouped by top-level item in the registers' order.
    pub changes: Vec<Change>,
    /// The findings introduced and resolved, where validation was asked for
    /// ([`diff_with_findings`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub findings: Option<FindingChanges>,
}

impl Diff {
    /// Whether the two versions are the same (no change; findings follow from the content, so
    /// they cannot differ when nothing else does).
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// Writes the diff in the format.
    ///
    /// `old_name` and `new_name` name the two versions in the title (file names, or commits).
    ///
    /// # Errors
    ///
    /// When the writer fails.
    pub fn render(
        &self,
        format: DiffFormat,
        old_name: &str,
        new_name: &str,
        writer: impl Write,
    ) -> io::Result<()> {
        let mut writer = io::BufWriter::new(writer);
        match format {
            DiffFormat::Json => {
                serde_json::to_writer_pretty(&mut writer, self)?;
                writeln!(writer)?;
            }
            DiffFormat::Markdown => self.blocks(old_name, new_name, &mut Markdown(&mut writer))?,
            DiffFormat::Html => self.blocks(old_name, new_name, &mut Html::new(&mut writer))?,
        }
        writer.flush()
    }

    /// Writes the diff to a string.
    pub fn render_to_string(&self, format: DiffFormat, old_name: &str, new_name: &str) -> String {
        let mut bytes = Vec::new();
        // Writing to a Vec cannot fail.
        let _ = self.render(format, old_name, new_name, &mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    }

    fn blocks(&self, old_name: &str, new_name: &str, sink: &mut dyn Sink) -> io::Result<()> {
        sink.begin(&format!("Register changes: {old_name} to {new_name}"))?;
        let count = self.changes.len();
        sink.paragraph(&match count {
            0 => "No changes.".to_owned(),
            1 => "1 change.".to_owned(),
            n => format!("{n} changes."),
        })?;
        if self.changes.iter().any(|c| c.summary.contains("renamed")) {
            sink.paragraph(
                "Items are matched by id: an item whose id was renamed shows as removed and added.",
            )?;
        }
        let mut start = 0;
        while start < count {
            let scope = &self.changes[start].scope;
            let end = self.changes[start..]
                .iter()
                .position(|c| &c.scope != scope)
                .map_or(count, |n| start + n);
            sink.heading(2, scope)?;
            let items: Vec<String> = self.changes[start..end]
                .iter()
                .map(|c| c.summary.clone())
                .collect();
            sink.list(&items)?;
            start = end;
        }
        if let Some(findings) = &self.findings {
            let date = findings
                .as_of
                .map(|d| format!(" (as of {d})"))
                .unwrap_or_default();
            for (title, list) in [
                ("Findings introduced", &findings.introduced),
                ("Findings resolved", &findings.resolved),
            ] {
                sink.heading(2, &format!("{title}{date}: {}", list.len()))?;
                if list.is_empty() {
                    sink.paragraph("None.")?;
                    continue;
                }
                let rows: Vec<Vec<Vec<String>>> = list
                    .iter()
                    .map(|f| {
                        vec![
                            vec![f.severity.to_string()],
                            vec![f.rule.to_owned()],
                            vec![f.path.clone()],
                            vec![f.message.clone()],
                            vec![f.citation.clone()],
                        ]
                    })
                    .collect();
                sink.table(
                    &format!("{title}{date}"),
                    &["severity", "rule", "where", "finding", "cites"],
                    &rows,
                )?;
            }
        }
        sink.end()
    }
}

/// The changes from `old` to `new`.
///
/// Linear in the size of the two registers.
pub fn diff(old: &Register, new: &Register) -> Diff {
    let old_json = to_value(old);
    let new_json = to_value(new);
    let mut walker = Walker {
        old: Side::new(old),
        new: Side::new(new),
        changes: Vec::new(),
    };
    walker.root(&old_json, &new_json);
    Diff {
        changes: walker.changes,
        findings: None,
    }
}

/// The changes from `old` to `new`, and the findings the change introduced and resolved when
/// both are validated with `options`.
///
/// A finding of the new version is the same as one of the old when it has the same rule and the
/// same place, where a place is named by ids rather than positions: a finding about data category
/// `health` of activity `panel` is the same finding after the categories were reordered, or after
/// another activity was inserted before it.
///
/// # Examples
///
/// ```
/// use ropa::{DataCategory, Party, ProcessingActivity, Register, SpecialCategoryKind, ValidationOptions};
/// use ropa::diff::diff_with_findings;
///
/// let old = Register::new(Party::new("org", "Org"))
///     .with_activity(ProcessingActivity::controller("a", "Support groups"));
/// let mut new = old.clone();
/// new.activities[0]
///     .data_categories
///     .push(DataCategory::special("health", "Health", SpecialCategoryKind::Health));
/// let options = ValidationOptions::default().as_of("2026-11-25".parse()?);
/// let result = diff_with_findings(&old, &new, &options);
/// let findings = result.findings.unwrap();
/// assert!(findings.introduced.iter().any(|f| f.rule == "special-category-without-condition"));
/// assert!(findings.resolved.iter().any(|f| f.rule == "activity-without-data-categories"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn diff_with_findings(old: &Register, new: &Register, options: &ValidationOptions) -> Diff {
    let mut result = diff(old, new);
    let old_json = to_value(old);
    let new_json = to_value(new);
    let old_report = validate(old, options);
    let new_report = validate(new, options);
    let mut old_places = Places::new(&old_json);
    let mut new_places = Places::new(&new_json);
    let mut unmatched: HashMap<(&str, String), usize> = HashMap::new();
    for finding in &old_report.findings {
        *unmatched
            .entry((finding.rule, old_places.stable(&finding.path)))
            .or_default() += 1;
    }
    let mut introduced = Vec::new();
    for finding in &new_report.findings {
        let key = (finding.rule, new_places.stable(&finding.path));
        match unmatched.get_mut(&key) {
            Some(n) if *n > 0 => *n -= 1,
            _ => introduced.push(finding.clone()),
        }
    }
    let mut resolved = Vec::new();
    for finding in old_report.findings {
        let key = (finding.rule, old_places.stable(&finding.path));
        if let Some(n) = unmatched.get_mut(&key).filter(|n| **n > 0) {
            *n -= 1;
            resolved.push(finding);
        }
    }
    result.findings = Some(FindingChanges {
        as_of: options.as_of,
        introduced,
        resolved,
    });
    result
}

/// The register as JSON, with the format version it was read from (which writing replaces with
/// the version this crate writes): a file moved to a new version shows that change.
fn to_value(register: &Register) -> Value {
    // The model serializes to JSON without fail: every key is a string and every number finite.
    let mut json = serde_json::to_value(register).unwrap_or(Value::Null);
    if let Some(map) = json.as_object_mut() {
        map.insert(
            "schema_version".to_owned(),
            Value::String(register.schema_version.clone()),
        );
    }
    json
}

/// How the items of a list are matched between the two versions.
#[derive(Clone, Copy)]
enum Keying {
    /// By the `id` field.
    Id,
    /// Identical items first, then by what the item is about (a natural key) where the list has
    /// one; the rest are removed and added.
    Content(Option<fn(&Value) -> String>),
    /// Scalars: as a multiset of values.
    Scalar,
}

fn keying<'v>(field: &str, items: impl Iterator<Item = &'v Value> + Clone) -> Keying {
    if items.clone().all(|v| !v.is_object() && !v.is_array()) {
        return Keying::Scalar;
    }
    if items
        .into_iter()
        .all(|v| v.get("id").is_some_and(Value::is_string))
    {
        return Keying::Id;
    }
    Keying::Content(natural_key(field))
}

fn natural_key(field: &str) -> Option<fn(&Value) -> String> {
    fn fields(v: &Value, names: &[&str]) -> String {
        let mut key = String::new();
        for name in names {
            match v.get(name) {
                Some(Value::Array(items)) => {
                    let mut items: Vec<String> = items.iter().map(scalar_text).collect();
                    items.sort();
                    key.push_str(&items.join(","));
                }
                Some(value) => key.push_str(&scalar_text(value)),
                None => {}
            }
            key.push('\u{1f}');
        }
        key
    }
    Some(match field {
        "retention" => |v| fields(v, &["applies_to", "data_categories"]),
        "lawful_bases" => |v| fields(v, &["basis"]),
        "special_category_conditions" => |v| fields(v, &["condition"]),
        "criminal_offence_conditions" => |v| fields(v, &["authority"]),
        "transfers" => |v| fields(v, &["destination", "country", "organisation", "recipient"]),
        "on_behalf_of" => |v| fields(v, &["controller"]),
        "contacts" => |v| fields(v, &["label"]),
        "sources" => |v| fields(v, &["kind", "party"]),
        "exceptions" => |v| fields(v, &["condition"]),
        "security_measures" => |v| fields(v, &["kind"]),
        "automated_decisions" => |v| fields(v, &["description"]),
        "systems" => |v| fields(v, &["name"]),
        _ => return None,
    })
}

/// A value as text for keys: strings as they are, anything else as JSON.
fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The names the register gives its parties and documents, for the words of a change.
struct Side<'a> {
    index: crate::model::RegisterIndex<'a>,
}

impl<'a> Side<'a> {
    fn new(register: &'a Register) -> Self {
        Self {
            index: register.index(),
        }
    }
}

/// The names of one activity's data categories, purposes and recipients, for the words of a change.
#[derive(Default)]
struct ActivityNames {
    data_categories: HashMap<String, String>,
    purposes: HashMap<String, String>,
    recipients: HashMap<String, String>,
}

impl ActivityNames {
    fn new(activity: &Value, side: &Side<'_>) -> Self {
        let mut names = Self::default();
        let list = |field: &str| -> &[Value] {
            activity
                .get(field)
                .and_then(Value::as_array)
                .map_or(&[], Vec::as_slice)
        };
        for (field, map) in [
            ("data_categories", &mut names.data_categories),
            ("purposes", &mut names.purposes),
        ] {
            for item in list(field) {
                if let Some(id) = item.get("id").and_then(Value::as_str) {
                    let name = item
                        .get("name")
                        .or_else(|| item.get("description"))
                        .and_then(Value::as_str)
                        .unwrap_or(id);
                    map.entry(id.to_owned()).or_insert_with(|| name.to_owned());
                }
            }
        }
        for item in list("recipients") {
            if let Some(id) = item.get("id").and_then(Value::as_str) {
                names
                    .recipients
                    .entry(id.to_owned())
                    .or_insert_with(|| recipient_name(item, side));
            }
        }
        names
    }
}

fn recipient_name(item: &Value, side: &Side<'_>) -> String {
    let party = item
        .get("party")
        .and_then(Value::as_str)
        .map(|id| party_name(side, id));
    let category = item.get("category").and_then(Value::as_str);
    match (party, category) {
        (Some(party), _) => party,
        (None, Some(category)) => category.to_owned(),
        (None, None) => item
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned(),
    }
}

fn party_name(side: &Side<'_>, id: &str) -> String {
    side.index
        .party(&id.into())
        .map_or_else(|| id.to_owned(), |p| p.name.clone())
}

fn document_title(side: &Side<'_>, id: &str) -> String {
    side.index
        .document(&id.into())
        .map_or_else(|| id.to_owned(), |d| d.title.clone())
}

/// Where a change is: its scope, the words before it within the scope, and the names of the
/// activity it is in, on each side.
struct Place<'p> {
    scope: &'p str,
    prefix: &'p str,
    old_activity: Option<&'p ActivityNames>,
    new_activity: Option<&'p ActivityNames>,
}

impl Place<'_> {
    fn with_prefix<'q>(&'q self, prefix: &'q str) -> Place<'q> {
        Place {
            scope: self.scope,
            prefix,
            old_activity: self.old_activity,
            new_activity: self.new_activity,
        }
    }
}

#[derive(Clone, Copy)]
enum Which {
    Old,
    New,
}

struct Walker<'a> {
    old: Side<'a>,
    new: Side<'a>,
    changes: Vec<Change>,
}

impl Walker<'_> {
    fn side(&self, which: Which) -> &Side<'_> {
        match which {
            Which::Old => &self.old,
            Which::New => &self.new,
        }
    }

    fn root(&mut self, old: &Value, new: &Value) {
        let (Some(old), Some(new)) = (old.as_object(), new.as_object()) else {
            return;
        };
        let place = Place {
            scope: "register",
            prefix: "",
            old_activity: None,
            new_activity: None,
        };
        // The register's own fields first, then its lists of top-level items in the order a
        // reader meets them.
        let lists = ["parties", "documents", "activities"];
        let own: Map<String, Value> = old
            .iter()
            .filter(|(k, _)| !lists.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let own_new: Map<String, Value> = new
            .iter()
            .filter(|(k, _)| !lists.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        self.object(&place, "", "", &own, &own_new);
        for list in lists {
            let empty = Value::Array(Vec::new());
            let old_items = old.get(list).unwrap_or(&empty);
            let new_items = new.get(list).unwrap_or(&empty);
            let pointer = format!("/{list}");
            self.value(&place, list, &pointer, &pointer, old_items, new_items);
        }
    }

    fn object(
        &mut self,
        place: &Place<'_>,
        old_pointer: &str,
        new_pointer: &str,
        old: &Map<String, Value>,
        new: &Map<String, Value>,
    ) {
        let null = Value::Null;
        let mut keys: Vec<&String> = old.keys().collect();
        keys.extend(new.keys().filter(|k| !old.contains_key(*k)));
        keys.sort();
        for key in keys {
            let token = escape_token(key);
            let op = format!("{old_pointer}/{token}");
            let np = format!("{new_pointer}/{token}");
            match (old.get(key), new.get(key)) {
                (Some(o), Some(n)) => self.value(place, key, &op, &np, o, n),
                (Some(o), None) => self.value(place, key, &op, &np, o, &null),
                (None, Some(n)) => self.value(place, key, &op, &np, &null, n),
                (None, None) => {}
            }
        }
    }

    /// Compares the values of one field. `Null` stands for absent.
    fn value(
        &mut self,
        place: &Place<'_>,
        field: &str,
        old_pointer: &str,
        new_pointer: &str,
        old: &Value,
        new: &Value,
    ) {
        if old == new {
            return;
        }
        let empty = Vec::new();
        match (old, new) {
            (Value::Object(o), Value::Object(n)) => {
                let prefix = format!("{}{} ", place.prefix, words(field));
                self.object(&place.with_prefix(&prefix), old_pointer, new_pointer, o, n);
            }
            (Value::Array(_) | Value::Null, Value::Array(_) | Value::Null)
                if old.is_array() || new.is_array() =>
            {
                let o = old.as_array().unwrap_or(&empty);
                let n = new.as_array().unwrap_or(&empty);
                self.list(place, field, old_pointer, new_pointer, o, n);
            }
            _ => {
                let label = format!("{}{}", place.prefix, words(field));
                let old_text = self.field_text(place, field, old, Which::Old);
                let new_text = self.field_text(place, field, new, Which::New);
                let (kind, summary) = match (old.is_null(), new.is_null()) {
                    (true, _) if new.is_object() => (ChangeKind::Added, format!("{label} added")),
                    (_, true) if old.is_object() => {
                        (ChangeKind::Removed, format!("{label} removed"))
                    }
                    (true, _) => (ChangeKind::Added, format!("{label} {new_text} added")),
                    (_, true) => (ChangeKind::Removed, format!("{label} {old_text} removed")),
                    _ => (
                        ChangeKind::Changed,
                        format!("{label} changed from {old_text} to {new_text}"),
                    ),
                };
                self.push(place, kind, old_pointer, new_pointer, old, new, summary);
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        place: &Place<'_>,
        kind: ChangeKind,
        old_pointer: &str,
        new_pointer: &str,
        old: &Value,
        new: &Value,
        summary: String,
    ) {
        let present = |v: &Value| (!v.is_null()).then(|| v.clone());
        self.changes.push(Change {
            kind,
            old_pointer: (kind != ChangeKind::Added).then(|| old_pointer.to_owned()),
            new_pointer: (kind != ChangeKind::Removed).then(|| new_pointer.to_owned()),
            old_value: present(old),
            new_value: present(new),
            scope: place.scope.to_owned(),
            summary,
        });
    }

    fn list(
        &mut self,
        place: &Place<'_>,
        field: &str,
        old_pointer: &str,
        new_pointer: &str,
        old: &[Value],
        new: &[Value],
    ) {
        let keying = keying(field, old.iter().chain(new));
        let pairs = match_items(keying, old, new);
        let mut removed = Vec::new();
        let mut added = Vec::new();
        let mut changed = Vec::new();
        for (o, n) in pairs {
            match (o, n) {
                (Some(o), Some(n)) => changed.push((o, n)),
                (Some(o), None) => removed.push(o),
                (None, Some(n)) => added.push(n),
                (None, None) => {}
            }
        }
        let renames = if matches!(keying, Keying::Id) {
            renames(old, new, &removed, &added)
        } else {
            HashMap::new()
        };
        let null = Value::Null;
        for i in removed {
            let item = &old[i];
            let mut summary = format!(
                "{}{} removed",
                place.prefix,
                self.item_label(place, field, item, Which::Old)
            );
            if let Some(renamed_to) = renames.get(&(Which::Old as u8, i)) {
                summary.push_str(&format!(
                    " (its id was renamed to '{renamed_to}': shown as removed and added)"
                ));
            }
            let op = format!("{old_pointer}/{i}");
            self.push(place, ChangeKind::Removed, &op, "", item, &null, summary);
        }
        for (o, n) in changed {
            let op = format!("{old_pointer}/{o}");
            let np = format!("{new_pointer}/{n}");
            self.item(place, field, keying, &op, &np, &old[o], &new[n]);
        }
        for i in added {
            let item = &new[i];
            let mut summary = format!(
                "{}{} added",
                place.prefix,
                self.item_label(place, field, item, Which::New)
            );
            if let Some(renamed_from) = renames.get(&(Which::New as u8, i)) {
                summary.push_str(&format!(
                    " (its id was renamed from '{renamed_from}': shown as removed and added)"
                ));
            }
            let np = format!("{new_pointer}/{i}");
            self.push(place, ChangeKind::Added, "", &np, &null, item, summary);
        }
    }

    /// Compares two matched items of a list.
    #[allow(clippy::too_many_arguments)]
    fn item(
        &mut self,
        place: &Place<'_>,
        field: &str,
        keying: Keying,
        old_pointer: &str,
        new_pointer: &str,
        old: &Value,
        new: &Value,
    ) {
        // Items matched as equal but for the order of their lists are the same.
        if old == new || (matches!(keying, Keying::Content(_)) && canonical(old) == canonical(new))
        {
            return;
        }
        let (Some(o), Some(n)) = (old.as_object(), new.as_object()) else {
            return;
        };
        let top = place.scope == "register";
        if top {
            // A top-level item is a scope of its own.
            let scope = self.item_label(place, field, new, Which::New);
            let (old_names, new_names) = if field == "activities" {
                (
                    Some(ActivityNames::new(old, &self.old)),
                    Some(ActivityNames::new(new, &self.new)),
                )
            } else {
                (None, None)
            };
            let inner = Place {
                scope: &scope,
                prefix: "",
                old_activity: old_names.as_ref(),
                new_activity: new_names.as_ref(),
            };
            self.object(&inner, old_pointer, new_pointer, o, n);
            return;
        }
        let old_label = self.item_label(place, field, old, Which::Old);
        let new_label = self.item_label(place, field, new, Which::New);
        if let Keying::Content(_) = keying {
            // An item without an id is said as a whole where what it says changed.
            let old_parts = Self::item_text(field, old);
            let new_parts = Self::item_text(field, new);
            if let (Some(old_parts), Some(new_parts)) = (old_parts, new_parts)
                && old_parts != new_parts
            {
                // The first part always, the others where they differ: "from 3 years after the
                // last contact to 1 year", not the unchanged disposal twice.
                let shown = |parts: &[String], other: &[String]| {
                    parts
                        .iter()
                        .enumerate()
                        .filter(|(i, part)| *i == 0 || other.get(*i) != Some(*part))
                        .map(|(_, part)| part.as_str())
                        .collect::<Vec<_>>()
                        .join("; ")
                };
                let old_text = shown(&old_parts, &new_parts);
                let new_text = shown(&new_parts, &old_parts);
                let summary = format!(
                    "{}{new_label} changed from {old_text} to {new_text}",
                    place.prefix
                );
                self.push(
                    place,
                    ChangeKind::Changed,
                    old_pointer,
                    new_pointer,
                    old,
                    new,
                    summary,
                );
                // What the words do not cover is compared field by field, so nothing changed
                // goes unsaid.
                let covered = covered_fields(field);
                let rest = |map: &Map<String, Value>| -> Map<String, Value> {
                    map.iter()
                        .filter(|(k, _)| !covered.contains(&k.as_str()))
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect()
                };
                let prefix = format!("{}{new_label}: ", place.prefix);
                self.object(
                    &place.with_prefix(&prefix),
                    old_pointer,
                    new_pointer,
                    &rest(o),
                    &rest(n),
                );
                return;
            }
        }
        let label = if old_label == new_label {
            new_label
        } else {
            old_label
        };
        let prefix = format!("{}{label}: ", place.prefix);
        self.object(&place.with_prefix(&prefix), old_pointer, new_pointer, o, n);
    }

    /// How an item of a list is named: `recipient 'Hosting Ltd' (processor)`.
    fn item_label(&self, place: &Place<'_>, field: &str, item: &Value, which: Which) -> String {
        let side = self.side(which);
        let names = match which {
            Which::Old => place.old_activity,
            Which::New => place.new_activity,
        };
        let str_field = |name: &str| item.get(name).and_then(Value::as_str);
        match field {
            "recipients" => {
                let mut label = format!("recipient '{}'", recipient_name(item, side));
                if let Some(role) = str_field("role") {
                    label.push_str(&format!(" ({})", text::words(role)));
                }
                return label;
            }
            "retention" => {
                let covers = match (str_field("applies_to"), item.get("data_categories")) {
                    (Some(applies_to), _) => applies_to.to_owned(),
                    (None, Some(Value::Array(ids))) if !ids.is_empty() => ids
                        .iter()
                        .map(|id| reference(names, side, "data_categories", id))
                        .collect::<Vec<_>>()
                        .join(", "),
                    _ => "all data".to_owned(),
                };
                return format!("retention of '{covers}'");
            }
            "lawful_bases" => {
                if let Ok(basis) = serde_json::from_value::<LawfulBasis>(item.clone()) {
                    return format!(
                        "lawful basis 'Art {} {}'",
                        basis.basis.citation(),
                        basis.basis.label()
                    );
                }
            }
            "special_category_conditions" => {
                if let Ok(c) = serde_json::from_value::<SpecialCategoryCondition>(item.clone()) {
                    let mut text = text::words(c.condition.as_str());
                    if let Some(p) = c.schedule_1_paragraph {
                        text.push_str(&format!(" (Sch 1 para {})", p.paragraph()));
                    }
                    return format!("Art 9 condition '{text}'");
                }
            }
            "security_measures" => {
                let kind = str_field("kind").map(text::words).unwrap_or_default();
                return match str_field("description") {
                    Some(description) => format!("security measure '{kind}: {description}'"),
                    None => format!("security measure '{kind}'"),
                };
            }
            "transfers" => {
                if let Ok(t) = serde_json::from_value::<Transfer>(item.clone()) {
                    let to = match &t.recipient {
                        Some(r) => format!(
                            "{} in ",
                            reference(names, side, "recipient", &Value::String(r.to_string()))
                        ),
                        None => String::new(),
                    };
                    return format!("transfer to {to}'{}'", text::destination(&t));
                }
            }
            _ => {}
        }
        let noun = singular(field);
        if !item.is_object() {
            return format!("{noun} {}", self.field_text(place, field, item, which));
        }
        let name = [
            "name",
            "title",
            "description",
            "label",
            "kind",
            "controller",
        ]
        .iter()
        .find_map(|k| item.get(*k).and_then(Value::as_str));
        match (name, str_field("id")) {
            (Some(name), _) if field == "on_behalf_of" => {
                format!("{noun} '{}'", party_name(side, name))
            }
            (Some(name), _) => format!("{noun} '{}'", words_if_vocabulary(name)),
            (None, Some(id)) => format!("{noun} '{id}'"),
            (None, None) => noun,
        }
    }

    /// What an item without an id says, in words, where the reports have words for it: its main
    /// part first, then the parts said only where they changed.
    fn item_text(field: &str, item: &Value) -> Option<Vec<String>> {
        match field {
            "retention" => {
                let rule = serde_json::from_value::<RetentionRule>(item.clone()).ok()?;
                let exceptions: Vec<String> = rule
                    .exceptions
                    .iter()
                    .map(|exception| {
                        format!(
                            "where {}: {}",
                            text::lower_first(&exception.condition),
                            text::retention_period(&exception.retention)
                        )
                    })
                    .collect();
                let disposal: Vec<String> = rule
                    .disposal
                    .iter()
                    .map(|d| text::words(d.as_str()))
                    .collect();
                Some(vec![
                    text::retention_period(&rule.retention),
                    if exceptions.is_empty() {
                        "no exception".to_owned()
                    } else {
                        exceptions.join("; ")
                    },
                    if disposal.is_empty() {
                        "no disposal stated".to_owned()
                    } else {
                        format!("then {}", disposal.join(" or "))
                    },
                ])
            }
            "lawful_bases" => {
                let mut basis = serde_json::from_value::<LawfulBasis>(item.clone()).ok()?;
                // Consent is compared field by field.
                basis.consent = None;
                Some(vec![text::basis(&basis)])
            }
            "special_category_conditions" => {
                let c = serde_json::from_value::<SpecialCategoryCondition>(item.clone()).ok()?;
                Some(vec![text::special_condition(&c)])
            }
            "transfers" => {
                let t = serde_json::from_value::<Transfer>(item.clone()).ok()?;
                Some(vec![text::mechanism(&t)])
            }
            _ => None,
        }
    }

    /// A field's value in words: references by name, vocabulary in words, text quoted.
    fn field_text(&self, place: &Place<'_>, field: &str, value: &Value, which: Which) -> String {
        let side = self.side(which);
        let names = match which {
            Which::Old => place.old_activity,
            Which::New => place.new_activity,
        };
        match value {
            Value::String(_) => reference(names, side, field, value),
            Value::Bool(true) => "yes".to_owned(),
            Value::Bool(false) => "no".to_owned(),
            Value::Null => "nothing".to_owned(),
            other => other.to_string(),
        }
    }
}

/// The fields of an item without an id that [`Walker::item_text`] puts in words.
fn covered_fields(field: &str) -> &'static [&'static str] {
    match field {
        "retention" => &["retention", "exceptions", "disposal"],
        "lawful_bases" => &["basis", "legal_sources", "dpa_2018_section_8"],
        "special_category_conditions" => &["condition", "schedule_1_paragraph", "schedule_1_part"],
        "transfers" => &["mechanism", "derogation"],
        _ => &[],
    }
}

/// A string value in words: a reference by the name of what it refers to, a vocabulary value in
/// words, text in quotes.
fn reference(names: Option<&ActivityNames>, side: &Side<'_>, field: &str, value: &Value) -> String {
    let Some(s) = value.as_str() else {
        return value.to_string();
    };
    let quoted = |s: &str| format!("'{s}'");
    match field {
        "party"
        | "controller"
        | "provider"
        | "organisation"
        | "representative"
        | "supervisory_authority"
        | "joint_controllers"
        | "sub_processors" => quoted(&party_name(side, s)),
        "contract" | "joint_arrangement" | "policy_document" | "documentation"
        | "risk_assessment" | "record" | "assessment" | "privacy_notice" | "agreement"
        | "document" | "policy" | "breaches" => quoted(&document_title(side, s)),
        "data_categories" | "purposes" | "recipients" | "recipient" => {
            let map = names.map(|n| match field {
                "data_categories" => &n.data_categories,
                "purposes" => &n.purposes,
                _ => &n.recipients,
            });
            quoted(map.and_then(|m| m.get(s)).map_or(s, String::as_str))
        }
        "period" | "review_interval" => match s.parse::<crate::model::IsoDuration>() {
            Ok(d) => d.in_words(),
            Err(_) => quoted(s),
        },
        _ => quoted(&words_if_vocabulary(s)),
    }
}

/// A snake_case vocabulary value in words; other text as it is.
fn words_if_vocabulary(s: &str) -> String {
    if !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && s.contains('_')
    {
        text::words(s)
    } else {
        s.to_owned()
    }
}

/// A field name in words.
fn words(field: &str) -> String {
    match field {
        "schema_version" => "schema version".to_owned(),
        "dpo" => "DPO".to_owned(),
        "dpia" => "DPIA".to_owned(),
        other => other.replace('_', " "),
    }
}

/// What one item of a list is called.
fn singular(field: &str) -> String {
    match field {
        "activities" => "activity",
        "parties" => "party",
        "documents" => "document",
        "purposes" => "purpose",
        "data_categories" => "data category",
        "data_subjects" => "data subjects",
        "recipients" => "recipient",
        "retention" => "retention rule",
        "transfers" => "transfer",
        "special_category_conditions" => "Art 9 condition",
        "criminal_offence_conditions" => "Art 10 condition",
        "lawful_bases" => "lawful basis",
        "security_measures" => "security measure",
        "systems" => "system",
        "automated_decisions" => "automated decision",
        "on_behalf_of" => "controller",
        "contacts" => "contact",
        "sources" => "source",
        "exceptions" => "exception",
        "joint_controllers" => "joint controller",
        "sub_processors" => "sub-processor",
        "legal_sources" => "legal source",
        "notes" => "note",
        "rights_stated" => "right stated",
        "breaches" => "breach record",
        "risk_criteria" => "risk criterion",
        "article_35_3_triggers" => "Art 35(3) trigger",
        "disposal" => "disposal",
        "processing" => "category of processing",
        "safeguards" => "safeguard",
        other => return words(other),
    }
    .to_owned()
}

/// Pairs the items of two lists: `(Some(old), Some(new))` for a match, `(Some(old), None)` for
/// one removed, `(None, Some(new))` for one added. Linear: keys go through maps.
fn match_items(
    keying: Keying,
    old: &[Value],
    new: &[Value],
) -> Vec<(Option<usize>, Option<usize>)> {
    let mut pairs = Vec::with_capacity(old.len().max(new.len()));
    let mut old_taken = vec![false; old.len()];
    let mut new_taken = vec![false; new.len()];
    let pair_by = |key: &dyn Fn(&Value) -> String,
                   old_taken: &mut Vec<bool>,
                   new_taken: &mut Vec<bool>,
                   pairs: &mut Vec<(Option<usize>, Option<usize>)>| {
        // Items with the same key pair in the order they come.
        let mut waiting: HashMap<String, std::collections::VecDeque<usize>> = HashMap::new();
        for (i, item) in old.iter().enumerate() {
            if !old_taken[i] {
                waiting.entry(key(item)).or_default().push_back(i);
            }
        }
        for (j, item) in new.iter().enumerate() {
            if new_taken[j] {
                continue;
            }
            if let Some(i) = waiting.get_mut(&key(item)).and_then(|q| q.pop_front()) {
                old_taken[i] = true;
                new_taken[j] = true;
                pairs.push((Some(i), Some(j)));
            }
        }
    };
    match keying {
        Keying::Id => {
            let id = |v: &Value| scalar_text(v.get("id").unwrap_or(&Value::Null));
            // Where an id repeats (a register with a duplicate-id finding), identical items pair
            // first, so that reordering them is no change either.
            if has_repeats(old.iter().map(id)) || has_repeats(new.iter().map(id)) {
                pair_by(&canonical, &mut old_taken, &mut new_taken, &mut pairs);
            }
            pair_by(&id, &mut old_taken, &mut new_taken, &mut pairs);
        }
        Keying::Scalar => pair_by(&scalar_key, &mut old_taken, &mut new_taken, &mut pairs),
        Keying::Content(natural) => {
            pair_by(&canonical, &mut old_taken, &mut new_taken, &mut pairs);
            if let Some(natural) = natural {
                pair_by(&natural, &mut old_taken, &mut new_taken, &mut pairs);
            }
        }
    }
    pairs.extend(
        old_taken
            .iter()
            .enumerate()
            .filter(|(_, t)| !**t)
            .map(|(i, _)| (Some(i), None)),
    );
    pairs.extend(
        new_taken
            .iter()
            .enumerate()
            .filter(|(_, t)| !**t)
            .map(|(j, _)| (None, Some(j))),
    );
    pairs
}

/// Whether a key occurs twice.
fn has_repeats(keys: impl Iterator<Item = String>) -> bool {
    let mut seen = foldhash::HashSet::default();
    keys.into_iter().any(|key| !seen.insert(key))
}

/// A scalar as a key that tells `"1"` from `1`.
fn scalar_key(value: &Value) -> String {
    value.to_string()
}

/// An item's whole content as a key, the same whatever the order of its lists and keys: order
/// is not a change.
fn canonical(value: &Value) -> String {
    let mut out = String::new();
    write_canonical(value, &mut out);
    out
}

fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Array(items) => {
            let mut items: Vec<String> = items.iter().map(canonical).collect();
            items.sort_unstable();
            out.push('[');
            out.push_str(&items.join(","));
            out.push(']');
        }
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_unstable_by_key(|(k, _)| *k);
            out.push('{');
            for (i, (k, v)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                write_canonical(v, out);
            }
            out.push('}');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// Items removed and added whose content is the same but for the id: an id renamed. Keyed by
/// (side, position), the other side's id.
fn renames(
    old: &[Value],
    new: &[Value],
    removed: &[usize],
    added: &[usize],
) -> HashMap<(u8, usize), String> {
    let without_id = |v: &Value| {
        let mut v = v.clone();
        if let Some(map) = v.as_object_mut() {
            map.remove("id");
        }
        canonical(&v)
    };
    let id = |v: &Value| scalar_text(v.get("id").unwrap_or(&Value::Null));
    let mut waiting: HashMap<String, std::collections::VecDeque<usize>> = HashMap::new();
    for &i in removed {
        waiting.entry(without_id(&old[i])).or_default().push_back(i);
    }
    let mut renames = HashMap::new();
    for &j in added {
        if let Some(i) = waiting
            .get_mut(&without_id(&new[j]))
            .and_then(|q| q.pop_front())
        {
            renames.insert((Which::Old as u8, i), id(&new[j]));
            renames.insert((Which::New as u8, j), id(&old[i]));
        }
    }
    renames
}

/// Stable names of places in one register: a JSON Pointer with each list position replaced by the
/// key the diff matches that item by, so that the same item has the same place in both versions.
pub(crate) struct Places<'v> {
    root: &'v Value,
    /// The keys of the items of each list met so far, by the list's pointer.
    lists: HashMap<String, Vec<String>>,
}

impl<'v> Places<'v> {
    pub(crate) fn new(root: &'v Value) -> Self {
        Self {
            root,
            lists: HashMap::new(),
        }
    }

    pub(crate) fn stable(&mut self, pointer: &str) -> String {
        let mut value = self.root;
        let mut raw = String::new();
        let mut stable = String::new();
        let mut field = "";
        for token in pointer.split('/').skip(1) {
            let step = match value {
                Value::Array(items) => token.parse::<usize>().ok().and_then(|i| {
                    let item = items.get(i)?;
                    let keys = self
                        .lists
                        .entry(raw.clone())
                        .or_insert_with(|| list_keys(field, items));
                    stable.push('/');
                    stable.push_str(&keys[i]);
                    Some(item)
                }),
                Value::Object(map) => {
                    let key = token.replace("~1", "/").replace("~0", "~");
                    map.get_key_value(&key).map(|(k, v)| {
                        field = k.as_str();
                        stable.push('/');
                        stable.push_str(token);
                        v
                    })
                }
                _ => None,
            };
            raw.push('/');
            raw.push_str(token);
            match step {
                Some(next) => value = next,
                None => {
                    // Past what the register holds: the rest of the pointer is kept as it is.
                    stable.push_str(&pointer[raw.len() - token.len() - 1..]);
                    break;
                }
            }
        }
        stable
    }
}

/// The key of each item of a list, as the diff matches them, numbered where keys repeat.
fn list_keys(field: &str, items: &[Value]) -> Vec<String> {
    let key: Box<dyn Fn(&Value) -> String> = match keying(field, items.iter()) {
        Keying::Id => {
            Box::new(|v| format!("[id={}]", scalar_text(v.get("id").unwrap_or(&Value::Null))))
        }
        Keying::Scalar => Box::new(|v| format!("[{}]", scalar_key(v))),
        // What an item is about names its place; an item without one is named by its content.
        Keying::Content(Some(natural)) => Box::new(move |v| format!("[{}]", natural(v))),
        Keying::Content(None) => Box::new(|v| format!("[{}]", canonical(v))),
    };
    let mut seen: HashMap<String, usize> = HashMap::with_capacity(items.len());
    items
        .iter()
        .map(|item| {
            let key = escape_token(&key(item));
            let n = seen.entry(key.clone()).or_default();
            *n += 1;
            if *n == 1 { key } else { format!("{key}#{n}") }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn places_are_named_by_ids_keys_and_content_whatever_the_order() {
        let old = json!({"activities": [
            {"id": "a", "retention": [{"data_categories": ["x"]}, {"data_categories": ["y"]}],
             "notes": ["n1", "n2", "n1"], "dpia": {}},
            {"id": "b"}
        ]});
        let new = json!({"activities": [
            {"id": "b"},
            {"id": "a", "retention": [{"data_categories": ["y"]}, {"data_categories": ["x"]}],
             "notes": ["n1", "n1", "n2"], "dpia": {}}
        ]});
        let (mut o, mut n) = (Places::new(&old), Places::new(&new));
        for (old_pointer, new_pointer) in [
            ("/activities/0/retention/1", "/activities/1/retention/0"),
            ("/activities/0/notes/2", "/activities/1/notes/1"),
            ("/activities/0/notes/1", "/activities/1/notes/2"),
            ("/activities/1", "/activities/0"),
        ] {
            assert_eq!(
                o.stable(old_pointer),
                n.stable(new_pointer),
                "{old_pointer}"
            );
        }
        assert_eq!(
            o.stable("/activities/0/notes/2"),
            "/activities/[id=a]/notes/[\"n1\"]#2"
        );
        assert_ne!(
            o.stable("/activities/0/notes/0"),
            o.stable("/activities/0/notes/2")
        );
        // Past what the register holds, the rest of the pointer is kept as it is.
        assert_eq!(
            o.stable("/activities/0/dpia/document/x~1y"),
            "/activities/[id=a]/dpia/document/x~1y"
        );
        assert_eq!(o.stable("/activities/7/name"), "/activities/7/name");
        assert_eq!(o.stable(""), "");
        // An id with `/` or `~` stays one token.
        let odd = json!({"parties": [{"id": "a/b~c"}]});
        assert_eq!(
            Places::new(&odd).stable("/parties/0"),
            "/parties/[id=a~1b~0c]"
        );
    }

    #[test]
    fn canonical_ignores_the_order_of_keys_and_lists_only() {
        let a = json!({"b": [1, 2, {"y": 1, "x": [3, 4]}], "a": "s"});
        let b = json!({"a": "s", "b": [{"x": [4, 3], "y": 1}, 2, 1]});
        assert_eq!(canonical(&a), canonical(&b));
        assert_eq!(canonical(&a), r#"{"a":"s","b":[1,2,{"x":[3,4],"y":1}]}"#);
        assert_ne!(canonical(&json!([1, 1, 2])), canonical(&json!([1, 2, 2])));
        assert_ne!(canonical(&json!(["1"])), canonical(&json!([1])));
    }

    fn reversed(value: &Value) -> Value {
        match value {
            Value::Array(items) => Value::Array(items.iter().rev().map(reversed).collect()),
            Value::Object(map) => {
                Value::Object(map.iter().map(|(k, v)| (k.clone(), reversed(v))).collect())
            }
            other => other.clone(),
        }
    }

    fn register_from(bytes: &[u8]) -> Option<Register> {
        use arbitrary::Arbitrary;
        Register::arbitrary(&mut arbitrary::Unstructured::new(bytes)).ok()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// Any two registers: no panic, every pointer names its value; a register against
        /// itself with every list reversed: no change, no finding moved.
        #[test]
        fn arbitrary_registers_diff_with_pointers_that_resolve(
            a in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..8192),
            b in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..8192),
        ) {
            let (Some(old), Some(new)) = (register_from(&a), register_from(&b)) else {
                return Ok(());
            };
            let options = ValidationOptions::default()
                .as_of(chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default());
            let d = diff_with_findings(&old, &new, &options);
            let (old_json, new_json) = (to_value(&old), to_value(&new));
            for change in &d.changes {
                if let Some(p) = &change.old_pointer {
                    proptest::prop_assert_eq!(old_json.pointer(p), change.old_value.as_ref());
                }
                if let Some(p) = &change.new_pointer {
                    proptest::prop_assert_eq!(new_json.pointer(p), change.new_value.as_ref());
                }
            }
            for format in DiffFormat::ALL {
                let _ = d.render_to_string(*format, "old", "new");
            }
            let again: Register = serde_json::from_value(reversed(&old_json)).unwrap();
            let same = diff(&old, &again);
            proptest::prop_assert!(same.is_empty(), "{:#?}", same.changes);
        }
    }

    #[test]
    fn items_sharing_an_id_pair_with_their_equals_first() {
        let a = json!({"id": "x", "name": "A"});
        let b = json!({"id": "x", "name": "B"});
        let pairs = match_items(Keying::Id, &[a.clone(), b.clone()], &[b, a]);
        assert_eq!(pairs, [(Some(1), Some(0)), (Some(0), Some(1))]);
        // Without repeats, by id alone: a changed item still pairs with its old self.
        let pairs = match_items(
            Keying::Id,
            &[json!({"id": "x", "name": "A"})],
            &[json!({"id": "x", "name": "B"})],
        );
        assert_eq!(pairs, [(Some(0), Some(0))]);
    }

    #[test]
    fn duplicates_pair_in_order_and_the_rest_are_added_or_removed() {
        let old = [json!("x"), json!("x"), json!("y")];
        let new = [json!("y"), json!("x"), json!("z"), json!("x"), json!("x")];
        let mut pairs = match_items(Keying::Scalar, &old, &new);
        pairs.sort();
        assert_eq!(
            pairs,
            [
                (None, Some(2)),
                (None, Some(4)),
                (Some(0), Some(1)),
                (Some(1), Some(3)),
                (Some(2), Some(0)),
            ]
        );
    }
}
