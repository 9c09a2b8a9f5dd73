//! The layout's own rules (ARCHITECTURE.md): no function in `src/` over 80 lines and no file
//! over 800, so that a reader holds a function in their head and a file on a few screens.
//!
//! Functions are found as rustfmt lays them out: a line whose code starts with `fn` (after `pub`,
//! `pub(crate)`, `pub(super)`, `const`), running to the first line that is its own indentation
//! followed by `}`. The count includes the signature, doc-less, and the closing brace.

use std::path::{Path, PathBuf};

const MAX_FUNCTION_LINES: usize = 80;
const MAX_FILE_LINES: usize = 800;

fn rust_files(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

fn sources() -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            (path, text)
        })
        .collect()
}

/// Whether a line opens a function, and its indentation if so.
fn function_indent(line: &str) -> Option<usize> {
    let code = line.trim_start();
    let indent = line.len() - code.len();
    let mut rest = code;
    for prefix in [
        "pub(crate) ",
        "pub(super) ",
        "pub ",
        "const ",
        "async ",
        "unsafe ",
    ] {
        rest = rest.strip_prefix(prefix).unwrap_or(rest);
    }
    rest.starts_with("fn ").then_some(indent)
}

/// Each function of a file: (first line, 1-based; name; length in lines).
fn functions(text: &str) -> Vec<(usize, String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (start, line) in lines.iter().enumerate() {
        let Some(indent) = function_indent(line) else {
            continue;
        };
        let name: String = line
            .trim_start()
            .split("fn ")
            .nth(1)
            .unwrap_or("")
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        // A declaration without a body (in a trait) ends with `;` before any `{`.
        let Some(open) = (start..lines.len()).find(|&i| {
            let l = lines[i].trim_end();
            l.ends_with('{') || l.ends_with(';') || l.ends_with('}')
        }) else {
            continue;
        };
        if !lines[open].trim_end().ends_with('{') {
            continue;
        }
        let close = format!("{}}}", " ".repeat(indent));
        if let Some(end) = (open..lines.len()).find(|&i| lines[i].trim_end() == close) {
            found.push((start + 1, name, end - start + 1));
        }
    }
    found
}

#[test]
fn no_function_is_over_80_lines() {
    let mut long = Vec::new();
    let mut count = 0;
    for (path, text) in sources() {
        for (line, name, length) in functions(&text) {
            count += 1;
            if length > MAX_FUNCTION_LINES {
                long.push(format!("{}:{line} {name}: {length} lines", path.display()));
            }
        }
    }
    assert!(
        count > 700,
        "found only {count} functions: the scan is broken"
    );
    assert!(
        long.is_empty(),
        "functions over {MAX_FUNCTION_LINES} lines: {long:#?}"
    );
}

#[test]
fn no_file_is_over_800_lines() {
    let long: Vec<String> = sources()
        .into_iter()
        .filter(|(_, text)| text.lines().count() > MAX_FILE_LINES)
        .map(|(path, text)| format!("{}: {} lines", path.display(), text.lines().count()))
        .collect();
    assert!(
        long.is_empty(),
        "files over {MAX_FILE_LINES} lines: {long:#?}"
    );
}

#[test]
fn the_scan_finds_a_long_function_and_its_end() {
    let body = "    let x = 1;\n".repeat(81);
    let text = format!(
        "/// Doc.\npub(crate) fn long(\n    a: u8,\n) -> u8 {{\n{body}    x\n}}\n\nfn short() {{}}\n\nimpl A {{\n    fn inner(&self) {{\n        {{\n        }}\n    }}\n}}\n"
    );
    // A one-line function has no body to measure; a nested block does not end its function.
    assert_eq!(
        functions(&text),
        [(2, "long".to_owned(), 86), (92, "inner".to_owned(), 4)]
    );
}
