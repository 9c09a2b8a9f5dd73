//! Deserializing small string values without allocating: serde's `Cow<str>` always allocates,
//! and dates, durations and country codes are parsed from the text and dropped.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize as _;
use serde::Deserializer;
use serde::de::{self, Visitor};

/// Reads a string and parses it with `parse`, which returns the error message on failure.
pub(crate) fn parse_str<'de, D, T>(
    deserializer: D,
    expecting: &'static str,
    parse: fn(&str) -> Result<T, String>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    deserializer.deserialize_str(StrVisitor { expecting, parse })
}

/// As [`parse_str`], for an optional value (`null` and absent read as `None`).
pub(crate) fn parse_option_str<'de, D, T>(
    deserializer: D,
    expecting: &'static str,
    parse: fn(&str) -> Result<T, String>,
) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
{
    deserializer.deserialize_option(OptionVisitor {
        expecting,
        parse,
        marker: PhantomData,
    })
}

struct StrVisitor<T> {
    expecting: &'static str,
    parse: fn(&str) -> Result<T, String>,
}

impl<T> Visitor<'_> for StrVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        (self.parse)(v).map_err(E::custom)
    }
}

struct OptionVisitor<T> {
    expecting: &'static str,
    parse: fn(&str) -> Result<T, String>,
    marker: PhantomData<T>,
}

impl<'de, T> Visitor<'de> for OptionVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} or null", self.expecting)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        parse_str(deserializer, self.expecting, self.parse).map(Some)
    }
}

/// Reads an optional value that has a default (a flag, the retention period of a rule): `null`
/// reads as the default, as it reads as absent for every other optional value, because code
/// generated from the schema in other languages (pydantic, for one) writes `null` for what was
/// never set.
pub(crate) fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: de::Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// Reads a JSON array into a `Vec` whose capacity is its length; `null` reads as an empty list,
/// as it reads as absent for every optional value, because code generated from the schema in
/// other languages (pydantic, for one) writes `null` for a list that was never set.
///
/// serde grows a `Vec` as `push` does, to four slots at the first item and doubling after, and
/// most lists in a register hold one to three items of a hundred bytes or more. Reading the
/// first four items onto the stack and allocating once at the exact length saves the unused
/// slots' memory, and the time spent allocating, growing and freeing them.
pub(crate) fn exact_vec<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: de::Deserialize<'de>,
{
    deserializer.deserialize_option(ExactVecVisitor(PhantomData))
}

struct ExactVecVisitor<T>(PhantomData<T>);

impl<'de, T: de::Deserialize<'de>> ExactVecVisitor<T> {
    fn seq<D: Deserializer<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
        deserializer.deserialize_seq(ExactVecVisitor(PhantomData))
    }
}

impl<'de, T: de::Deserialize<'de>> Visitor<'de> for ExactVecVisitor<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Vec<T>, E> {
        Ok(Vec::new())
    }

    fn visit_unit<E: de::Error>(self) -> Result<Vec<T>, E> {
        Ok(Vec::new())
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<T>, D::Error> {
        Self::seq(deserializer)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let Some(a) = seq.next_element()? else {
            return Ok(Vec::new());
        };
        let Some(b) = seq.next_element()? else {
            return Ok(vec![a]);
        };
        let Some(c) = seq.next_element()? else {
            return Ok(vec![a, b]);
        };
        let Some(d) = seq.next_element()? else {
            return Ok(vec![a, b, c]);
        };
        let Some(e) = seq.next_element()? else {
            return Ok(vec![a, b, c, d]);
        };
        let mut items = Vec::with_capacity(8);
        items.extend([a, b, c, d, e]);
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        // Long lists (the activities) end with up to half their capacity unused; shrinking a large
        // allocation is a remap, not a copy.
        items.shrink_to_fit();
        Ok(items)
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Register;

    fn register_with(lists: usize) -> Register {
        let purposes: Vec<String> = (0..lists)
            .map(|i| {
                let sources: Vec<String> = (0..lists).map(|j| format!("\"Act {j}\"")).collect();
                format!(
                    r#"{{"id": "p{i}", "description": "d", "lawful_bases": [{{"basis": "public_task", "legal_sources": [{}]}}]}}"#,
                    sources.join(",")
                )
            })
            .collect();
        let activities: Vec<String> = (0..lists)
            .map(|i| {
                format!(
                    r#"{{"id": "a{i}", "name": "A", "role": "controller", "purposes": [{}]}}"#,
                    purposes.join(",")
                )
            })
            .collect();
        // serde_json directly: the model's own deserialisers are under test, not the reader's.
        serde_json::from_str(&format!(
            r#"{{"schema_version": "1.0", "organisation": "org", "activities": [{}]}}"#,
            activities.join(",")
        ))
        .unwrap()
    }

    #[test]
    fn lists_are_allocated_at_their_length() {
        for lists in [0, 1, 2, 3, 4, 5, 8, 9, 40] {
            let register = register_with(lists);
            let activities = &register.activities;
            assert_eq!(activities.len(), lists);
            assert_eq!(activities.capacity(), lists, "activities");
            for activity in activities {
                assert_eq!(activity.purposes.len(), lists);
                assert_eq!(activity.purposes.capacity(), lists, "purposes");
                for purpose in &activity.purposes {
                    let sources = &purpose.lawful_bases[0].legal_sources;
                    assert_eq!(purpose.lawful_bases.capacity(), 1, "lawful_bases");
                    assert_eq!(sources.len(), lists);
                    assert_eq!(sources.capacity(), lists, "legal_sources");
                    assert_eq!(
                        sources.last().map(String::as_str),
                        lists.checked_sub(1).map(|j| format!("Act {j}")).as_deref()
                    );
                }
            }
        }
    }

    /// Every field with a default reads `null` as absent: an `Option`, a list (through
    /// `exact_vec`), or a flag or value read through `null_as_default`. The schema says every
    /// optional property may be `null`, and code generated from it writes `null`.
    #[test]
    fn every_defaulted_field_reads_null_as_absent() {
        fn rust_files(dir: &std::path::Path, files: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    rust_files(&path, files);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    files.push(path);
                }
            }
        }
        let mut files = Vec::new();
        rust_files(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut files,
        );
        let mut fields = 0;
        let mut problems = Vec::new();
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap();
            let lines: Vec<&str> = text.lines().collect();
            for (i, line) in lines.iter().enumerate() {
                let line = line.trim_start();
                if !(line.starts_with("pub ") && line.contains(": ") && line.ends_with(',')) {
                    continue;
                }
                let attributes: Vec<&str> = lines[..i]
                    .iter()
                    .rev()
                    .take_while(|l| !l.trim_start().starts_with("///"))
                    .copied()
                    .collect();
                let defaulted = attributes
                    .iter()
                    .any(|l| l.contains("#[serde(default") || l.trim() == "default,");
                if !defaulted {
                    continue;
                }
                fields += 1;
                let ty = line.split_once(": ").unwrap().1;
                let reads_null = ty.starts_with("Option<")
                    || attributes.iter().any(|l| {
                        l.contains("crate::model::de::exact_vec")
                            || l.contains("crate::model::de::null_as_default")
                            || l.contains("crate::model::taxonomy::")
                    });
                if !reads_null {
                    problems.push(format!("{}: {line}", path.display()));
                }
            }
        }
        assert!(problems.is_empty(), "{problems:#?}");
        assert!(fields >= 150, "found only {fields} fields with a default");
    }

    /// Every list field of the model reads through `exact_vec`; a new field that forgets it would
    /// quietly cost memory and time on large registers.
    #[test]
    fn every_list_field_reads_at_its_exact_length() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model");
        let mut fields = 0;
        for entry in std::fs::read_dir(src).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            // Only what is read needs it (the diff's output types are written, never read).
            if !text.contains("Deserialize") {
                continue;
            }
            let lines: Vec<&str> = text.lines().collect();
            for (i, line) in lines.iter().enumerate() {
                let line = line.trim_start();
                if !(line.starts_with("pub ") && line.contains(": Vec<") && line.ends_with(',')) {
                    continue;
                }
                // The field's attributes are the lines above it back to its doc comment.
                let attributes = lines[..i]
                    .iter()
                    .rev()
                    .take_while(|l| !l.trim_start().starts_with("///"))
                    .any(|l| {
                        l.contains("deserialize_with = \"crate::model::de::exact_vec\"")
                            // Taxonomy keys are checked for their field as read, at exact length.
                            || l.contains("deserialize_with = \"crate::model::taxonomy::")
                    });
                assert!(attributes, "{}: {line}", path.display());
                fields += 1;
            }
        }
        assert!(fields >= 44, "found only {fields} list fields");
    }
}
