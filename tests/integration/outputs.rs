//! Outputs that cannot be turned on their readers (issue 13): `--out` never destroys a file, CSV is
//! inert with `,` and `;` separators, terminal output is one line a finding without control
//! characters, Markdown keeps its block structure whatever the text, a file that cannot be parsed
//! is not summarised as clean.

use std::path::{Path, PathBuf};

use ropa::report::{Format, ReportKind, ReportOptions, render_to_string};

use crate::cli::example;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ropa-outputs-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn options() -> ReportOptions {
    ReportOptions::default().as_of("2026-11-22".parse().unwrap())
}

fn load(name: &str) -> ropa::Register {
    ropa::from_path(format!(
        "{}/examples/data/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

// ---- 2. `--out` never destroys a file ----

#[test]
fn out_keeps_the_old_file_when_the_report_cannot_be_written() {
    let dir = scratch("out");
    let existing = dir.join("existing.csv");
    std::fs::write(&existing, "precious").unwrap();
    let output = example("report")
        .args(["--kind", "notice", "--format", "csv", "--out"])
        .arg(&existing)
        .arg("examples/data/northfield-research-processor.json")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "precious");
    assert_eq!(entries(&dir), ["existing.csv"]);

    // A file that cannot be parsed leaves the output alone too.
    let output = example("report")
        .args(["--out"])
        .arg(&existing)
        .arg("tests/fixtures/hostile/truncated.json")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "precious");

    // Where the file cannot be written, the message gives the OS's reason.
    let output = example("report")
        .args(["--out"])
        .arg(dir.join("no-such-dir/report.md"))
        .arg("examples/data/northfield-research-processor.json")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("no-such-dir"), "{stderr}");
    assert!(stderr.contains("No such file or directory"), "{stderr}");

    // On success the file is replaced, and nothing else is left beside it.
    let output = example("report")
        .args(["--format", "csv", "--out"])
        .arg(&existing)
        .arg("examples/data/northfield-research-processor.json")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(&existing)
            .unwrap()
            .starts_with("Activity ID,")
    );
    assert_eq!(entries(&dir), ["existing.csv"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

// ---- 3. CSV inert in every locale ----

/// Reads CSV as a lenient spreadsheet import does (Python's csv module, not strict): a quote opens
/// a quoted field only at the start of a field; after a closing quote, other characters are taken
/// literally up to the separator.
fn read_csv(text: &str, separator: char) -> Vec<Vec<String>> {
    #[derive(PartialEq)]
    enum State {
        Start,
        Field,
        Quoted,
        QuoteInQuoted,
    }
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut state = State::Start;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match state {
            State::Start | State::Field => {
                if c == separator {
                    row.push(std::mem::take(&mut field));
                    state = State::Start;
                } else if c == '\r' || c == '\n' {
                    if c == '\r' && chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                    state = State::Start;
                } else if c == '"' && state == State::Start {
                    state = State::Quoted;
                } else {
                    field.push(c);
                    state = State::Field;
                }
            }
            State::Quoted => {
                if c == '"' {
                    state = State::QuoteInQuoted;
                } else {
                    field.push(c);
                }
            }
            State::QuoteInQuoted => {
                if c == '"' {
                    field.push('"');
                    state = State::Quoted;
                } else if c == separator {
                    row.push(std::mem::take(&mut field));
                    state = State::Start;
                } else if c == '\r' || c == '\n' {
                    if c == '\r' && chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                    state = State::Start;
                } else {
                    field.push(c);
                    state = State::Field;
                }
            }
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// What a spreadsheet skips before deciding whether a cell is a formula.
fn skipped(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '"' | '\u{FEFF}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{00AD}'
        )
}

fn is_formula(cell: &str) -> bool {
    cell.trim_start_matches(skipped).starts_with([
        '=', '+', '-', '@', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}',
    ])
}

const HOSTILE_NAMES: &[&str] = &[
    "Panels;=1+1;=HYPERLINK(\"http://evil.example\",\"x\")",
    "=1+1",
    " =1+1",
    "\u{A0}=1+1",
    "\u{3000}+1",
    "\u{FEFF}=1",
    "\u{200B}@SUM(A1)",
    "\u{2060}-1",
    "\u{FF1D}1+1",
    "\u{FF0B}1",
    "\u{FF0D}1",
    "\u{FF20}SUM(A1)",
    "a\n=1+1",
    "a\r\n-1",
    "a\t+1",
    "x,\"=1\"",
    "\"=1\"",
    "Plain; and -minus in the middle, @at",
    "\u{202E}evil\u{202C}",
];

fn hostile_register() -> ropa::Register {
    let mut register = load("kent-parent-carer-panel");
    let template = register.activities[0].clone();
    register.activities.clear();
    for (i, name) in HOSTILE_NAMES.iter().enumerate() {
        let mut activity = template.clone();
        activity.id = format!("a{i}").as_str().into();
        activity.name = (*name).to_owned();
        activity.business_function = Some((*name).to_owned());
        for purpose in &mut activity.purposes {
            purpose.description = (*name).to_owned();
        }
        register.activities.push(activity);
    }
    register
}

#[test]
fn csv_is_inert_read_with_comma_or_semicolon() {
    let csv = render_to_string(
        &hostile_register(),
        ReportKind::Register,
        Format::Csv,
        &options(),
    )
    .unwrap();
    for separator in [',', ';'] {
        let rows = read_csv(&csv, separator);
        assert!(rows.len() > HOSTILE_NAMES.len(), "{separator}: {rows:?}");
        for row in &rows {
            for cell in row {
                assert!(
                    !is_formula(cell),
                    "read with {separator:?}, a cell is a formula: {cell:?}"
                );
            }
        }
    }
    // Read with its own separator, the structure holds: every row has the header's width, and
    // each name reads back as written, but for the `'` in front of its triggers.
    let rows = read_csv(&csv, ',');
    let width = rows[0].len();
    assert!(rows.iter().all(|r| r.len() == width), "{rows:?}");
    let names: Vec<&str> = rows[1..].iter().map(|r| r[1].as_str()).collect();
    let purposes = rows.len() - 1;
    assert_eq!(purposes % HOSTILE_NAMES.len(), 0);
    let per = purposes / HOSTILE_NAMES.len();
    for (i, name) in HOSTILE_NAMES.iter().enumerate() {
        let read = names[i * per];
        if name.contains('\u{202E}') {
            assert_eq!(read, "[U+202E]evil[U+202C]");
        } else {
            assert_eq!(&read.replace('\'', ""), name, "{read:?}");
        }
    }
    assert!(!csv.contains('\u{202E}'));
}

// ---- 4. Terminal output: one finding, one line, no control ----

fn write_register(dir: &Path, name: &str, register: &ropa::Register) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, ropa::to_string(register).unwrap()).unwrap();
    path
}

#[test]
fn validate_text_output_is_one_line_a_finding_without_control_characters() {
    let dir = scratch("terminal");
    let mut register = load("kent-parent-carer-panel");
    // A dangling reference, whose id the finding's message names.
    let forged = "x\n/fake: error forged-rule / : all clear\u{1b}]0;owned\u{7}\u{1b}[2J\u{9b}31m\u{202E}\u{2066}";
    register.activities[0]
        .transfers
        .push(ropa::Transfer::to_country("US".parse().unwrap()));
    register.activities[0]
        .transfers
        .last_mut()
        .unwrap()
        .recipient = Some(forged.into());
    let path = write_register(&dir, "forged.json", &register);
    let output = example("validate")
        .args(["--as-of", "2026-11-22"])
        .arg(&path)
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let report = ropa::validate(&register, &options().validation);
    assert!(report.findings.iter().any(|f| f.message.contains('\u{1b}')));
    assert_eq!(
        stdout.lines().count(),
        report.findings.len() + 1,
        "{stdout}"
    );
    for line in stdout.lines().take(report.findings.len()) {
        assert!(line.starts_with(&format!("{}: ", path.display())), "{line}");
    }
    for bad in ['\u{1b}', '\u{7}', '\u{9b}', '\r', '\u{202E}', '\u{2066}'] {
        assert!(!stdout.contains(bad), "{bad:?} in {stdout}");
    }
    assert!(stdout.contains(r"x\n/fake: error forged-rule"), "{stdout}");
    assert!(
        stdout.contains(r"\u{1b}]0;owned\u{7}\u{1b}[2J\u{9b}31m\u{202e}\u{2066}"),
        "{stdout}"
    );

    // A parse error quoting the input is escaped too, on stdout and stderr.
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        "{\"schema_version\": \"1.0\", \"organisation\": \"o\", \"x\\n/fake \\u001b[2J\\u202e\": 1}",
    )
    .unwrap();
    let output = example("validate").arg(&bad).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    // Text output prints it once, on stdout; JSON output also echoes it on stderr.
    let json = example("validate")
        .args(["--format", "json"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(json.status.code(), Some(2));
    for stream in [&output.stdout, &json.stderr] {
        let text = String::from_utf8(stream.clone()).unwrap();
        assert!(!text.contains(['\u{1b}', '\u{202E}']), "{text}");
        assert!(text.contains(r"x\n/fake \u{1b}[2J\u{202e}"), "{text}");
    }
    assert!(output.stderr.is_empty());
    assert_eq!(String::from_utf8(json.stderr).unwrap().lines().count(), 1);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bidi_controls_are_shown_not_obeyed_in_every_format() {
    let mut register = load("kent-parent-carer-panel");
    register.activities[0].name = "Panel \u{202E}lanep\u{202C} \u{2067}x\u{2069}".to_owned();
    for (kind, format) in [
        (ReportKind::Register, Format::Markdown),
        (ReportKind::Register, Format::Html),
        (ReportKind::Register, Format::Csv),
        (ReportKind::Notice, Format::Markdown),
        (ReportKind::Retention, Format::Html),
    ] {
        let text = render_to_string(&register, kind, format, &options()).unwrap();
        for c in ['\u{202E}', '\u{202C}', '\u{2067}', '\u{2069}'] {
            assert!(!text.contains(c), "{kind} {format}: {c:?}");
        }
        let shown = if format == Format::Markdown {
            r"\[U+202E\]lanep\[U+202C\]"
        } else {
            "[U+202E]lanep[U+202C]"
        };
        assert!(text.contains(shown), "{kind} {format}");
    }
}

// ---- 5. Markdown keeps its block structure ----

/// The block-level structure of a Markdown document: each block's start tag, in order.
fn blocks(markdown: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    Parser::new_ext(markdown, options)
        .filter_map(|event| match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => Some("p".to_owned()),
                Tag::Heading { level, .. } => Some(format!("{level:?}")),
                Tag::BlockQuote(_) => Some("quote".to_owned()),
                Tag::CodeBlock(_) => Some("code".to_owned()),
                Tag::HtmlBlock => Some("html".to_owned()),
                Tag::List(start) => Some(format!("list {start:?}")),
                Tag::Item => Some("item".to_owned()),
                Tag::Table(_) => Some("table".to_owned()),
                Tag::TableRow => Some("tr".to_owned()),
                Tag::TableCell => Some("td".to_owned()),
                _ => None,
            },
            Event::Rule => Some("hr".to_owned()),
            Event::Html(_) => Some("html".to_owned()),
            _ => None,
        })
        .collect()
}

const BLOCK_OPENERS: &[&str] = &[
    "~~~",
    "```rust",
    "---",
    "===",
    "1. ",
    "2) ",
    "- ",
    "+ ",
    "* ",
    "# ",
    "> ",
    "    ",
    "\t",
    "x\n===\n",
    "x\n---\n",
    "\n~~~\n",
    "\n    code\n",
    "| a | b |\n|---|---|\n",
    "<div>",
    "[x]: http://evil.example",
    "___",
];

/// Puts a block opener in front of every free-text value, chosen by the text so that equal texts
/// stay equal (reports merge repeated values).
fn poison(value: &mut serde_json::Value, key: &str, next: &mut usize) {
    const FREE_TEXT: &[&str] = &[
        "name",
        "description",
        "business_function",
        "applies_to",
        "wording",
        "trigger_description",
        "label",
        "address",
        "title",
        "location",
        "category",
        "note",
        "notes",
        "owner",
        "position",
        "withdrawal",
        "interest",
        "legal_sources",
    ];
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                poison(v, k, next);
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                poison(item, key, next);
            }
        }
        serde_json::Value::String(text) => {
            let free_condition = key == "condition" && text.contains(' ');
            if FREE_TEXT.contains(&key) || free_condition {
                let choice = text.bytes().map(usize::from).sum::<usize>();
                let opener = BLOCK_OPENERS[choice % BLOCK_OPENERS.len()];
                *next += 1;
                *text = format!("{opener}{text}");
            }
        }
        _ => {}
    }
}

#[test]
fn user_text_cannot_change_the_structure_of_markdown() {
    for name in [
        "kent-parent-carer-panel",
        "northfield-research-processor",
        "parents-1st-peer-support",
        "kent-medway-domestic-abuse-website",
    ] {
        let clean = load(name);
        let mut value = serde_json::to_value(&clean).unwrap();
        let mut count = 0;
        poison(&mut value, "", &mut count);
        assert!(count > BLOCK_OPENERS.len(), "{name}: only {count} texts");
        let hostile: ropa::Register = ropa::from_str(&value.to_string()).unwrap();
        for kind in ReportKind::ALL {
            let clean_md = render_to_string(&clean, *kind, Format::Markdown, &options()).unwrap();
            let hostile_md =
                render_to_string(&hostile, *kind, Format::Markdown, &options()).unwrap();
            let (hostile_blocks, clean_blocks) = (blocks(&hostile_md), blocks(&clean_md));
            let first = hostile_blocks
                .iter()
                .zip(&clean_blocks)
                .position(|(h, c)| h != c)
                .unwrap_or(hostile_blocks.len().min(clean_blocks.len()));
            assert_eq!(
                hostile_blocks.len(),
                clean_blocks.len(),
                "{name} {kind}: first difference at block {first}: {:?} for {:?}\n{hostile_md}",
                hostile_blocks.get(first),
                clean_blocks.get(first),
            );
            assert_eq!(
                hostile_blocks, clean_blocks,
                "{name} {kind}: at {first}\n{hostile_md}"
            );
        }
    }
}

// ---- 6. A file that cannot be parsed is not summarised as clean ----

#[test]
fn a_file_that_cannot_be_parsed_is_a_parse_error_row() {
    let output = example("validate")
        .args(["tests/fixtures/invalid/unknown-field.json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(lines[0].starts_with("tests/fixtures/invalid/unknown-field.json: error parse-error /parties/0/emial: line 7, column 13: unknown field `emial`, expected one of `id`"), "{stdout}");
    assert!(lines[0].ends_with("` (UK GDPR Art 30(1))"), "{stdout}");
    assert_eq!(
        lines[1],
        "1 finding in 1 file (1 unreadable): 1 error, 0 warnings, 0 info"
    );
    // Printed once: the finding's line says it, so standard error does not say it again.
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");

    let output = example("validate")
        .args([
            "--format",
            "json",
            "--as-of",
            "2026-11-22",
            "tests/fixtures/hostile/empty.json",
            "no-such-file.json",
            "examples/data/northfield-research-processor.json",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(rows.len(), 2, "{rows:#?}");
    assert_eq!(
        rows[0],
        serde_json::json!({
            "file": "tests/fixtures/hostile/empty.json",
            "rule": "parse-error",
            "severity": "error",
            "path": "",
            "message": "line 1, column 1: EOF while parsing a value",
            "citation": "UK GDPR Art 30(1)",
        })
    );
    assert_eq!(rows[1]["file"], "no-such-file.json");
    assert_eq!(rows[1]["rule"], "parse-error");
    let message = rows[1]["message"].as_str().unwrap();
    assert!(message.contains("No such file or directory"), "{message}");
}

#[test]
fn parse_error_columns_count_characters_from_one() {
    // "é" and "😀" are two and four bytes: the column counts them as one character each.
    let error = ropa::from_str("{\"organisation\": \"é😀\", \"bad\": 1}").unwrap_err();
    assert_eq!(error.line_column(), Some((1, 28)));
    let error =
        ropa::from_str("{\n  \"schema_version\": \"1.0\",\n  \"organisation\": \"é\", \"bad\": 1}")
            .unwrap_err();
    assert_eq!(error.line_column(), Some((3, 28)));
    let error = ropa::from_str("").unwrap_err();
    assert_eq!(error.line_column(), Some((1, 1)));
    let error = ropa::from_slice(b"").unwrap_err();
    assert_eq!(error.line_column(), Some((1, 1)));
}

#[test]
fn a_duplicate_key_is_named_by_its_pointer() {
    let error = ropa::from_path(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile/duplicate-keys.json"),
    )
    .unwrap_err();
    assert_eq!(error.pointer(), Some("/organisation"));
    let error = ropa::from_str(
        r#"{"schema_version": "1.0", "organisation": "o", "parties": [{"id": "a", "name": "n", "name": "m"}]}"#,
    )
    .unwrap_err();
    assert_eq!(error.pointer(), Some("/parties/0/name"));
}

#[test]
fn every_block_opener_is_inert_in_every_markdown_report() {
    let base = load("kent-parent-carer-panel");
    let build = |prefix: &dyn Fn(usize) -> String| {
        let mut register = base.clone();
        let template = register.activities[0].clone();
        register.activities.clear();
        for i in 0..BLOCK_OPENERS.len() {
            let mut activity = template.clone();
            activity.id = format!("a{i}").as_str().into();
            activity.name = format!("{}activity {i}", prefix(i));
            activity.description = Some(format!("{}described {i}", prefix(i)));
            for purpose in &mut activity.purposes {
                purpose.description = format!("{}{}", prefix(i), purpose.description);
            }
            for category in &mut activity.data_categories {
                category.name = format!("{}{}", prefix(i), category.name);
            }
            register.activities.push(activity);
        }
        register
    };
    let clean = build(&|_| String::new());
    let hostile = build(&|i| BLOCK_OPENERS[i].to_owned());
    for kind in ReportKind::ALL {
        let clean_md = render_to_string(&clean, *kind, Format::Markdown, &options()).unwrap();
        let hostile_md = render_to_string(&hostile, *kind, Format::Markdown, &options()).unwrap();
        assert_eq!(
            blocks(&hostile_md),
            blocks(&clean_md),
            "{kind}:\n{hostile_md}"
        );
    }
}
