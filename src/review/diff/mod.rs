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
use serde_json::Value;

use crate::model::Register;
use crate::model::vocabulary::vocabulary;
use crate::report::sink::{Html, Markdown};
use crate::validate::{Finding, ValidationOptions, validate};

pub(crate) use crate::io::keys::Places;
use names::Side;
pub use schema::{DIFF_SCHEMA_ID, diff_schema};
use walker::Walker;

mod keys;
mod names;
mod render;
mod schema;
#[cfg(test)]
mod tests;
mod walker;

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
///
/// As JSON (`Serialize`, `diff --format json`) the changes are grouped by scope, which each
/// group says once: `{"groups": [{"scope": "activity 'Casework'", "changes": [{"kind", …,
/// "summary"}]}], "findings": …}`, so that a scope is not repeated for each of its changes.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Diff {
    /// Every change, grouped by top-level item in the registers' order.
    pub changes: Vec<Change>,
    /// The findings introduced and resolved, where validation was asked for
    /// ([`diff_with_findings`]).
    pub findings: Option<FindingChanges>,
}

/// One change as the JSON of a group writes it: without the scope its group states.
#[derive(Serialize)]
struct GroupedChange<'a> {
    kind: ChangeKind,
    old_pointer: &'a Option<String>,
    new_pointer: &'a Option<String>,
    old_value: &'a Option<Value>,
    new_value: &'a Option<Value>,
    summary: &'a str,
}

/// The changes of one scope, as JSON.
#[derive(Serialize)]
struct Group<'a> {
    scope: &'a str,
    changes: Vec<GroupedChange<'a>>,
}

impl Serialize for Diff {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let groups: Vec<Group<'_>> = self
            .groups()
            .map(|(scope, changes)| Group {
                scope,
                changes: changes
                    .iter()
                    .map(|c| GroupedChange {
                        kind: c.kind,
                        old_pointer: &c.old_pointer,
                        new_pointer: &c.new_pointer,
                        old_value: &c.old_value,
                        new_value: &c.new_value,
                        summary: &c.summary,
                    })
                    .collect(),
            })
            .collect();
        let mut state =
            serializer.serialize_struct("Diff", 1 + usize::from(self.findings.is_some()))?;
        state.serialize_field("groups", &groups)?;
        if let Some(findings) = &self.findings {
            state.serialize_field("findings", findings)?;
        }
        state.end()
    }
}

impl Diff {
    /// The changes grouped by scope, in order: each run of changes with the same scope, with it.
    ///
    /// ```
    /// use ropa::{DataCategory, Party, ProcessingActivity, Register};
    ///
    /// let old = Register::new(Party::new("org", "Org"))
    ///     .with_activity(ProcessingActivity::controller("a", "Casework"));
    /// let mut new = old.clone();
    /// new.activities[0].data_categories.push(DataCategory::new("name", "Name"));
    /// new.activities[0].data_categories.push(DataCategory::new("age", "Age"));
    /// let diff = ropa::diff::diff(&old, &new);
    /// let groups: Vec<_> = diff.groups().collect();
    /// assert_eq!(groups.len(), 1);
    /// assert_eq!(groups[0].0, "activity 'Casework'");
    /// assert_eq!(groups[0].1.len(), 2);
    /// ```
    pub fn groups(&self) -> impl Iterator<Item = (&str, &[Change])> {
        let mut rest = self.changes.as_slice();
        std::iter::from_fn(move || {
            let scope = rest.first()?.scope.as_str();
            let end = rest
                .iter()
                .position(|c| c.scope != scope)
                .unwrap_or(rest.len());
            let (group, tail) = rest.split_at(end);
            rest = tail;
            Some((scope, group))
        })
    }

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
