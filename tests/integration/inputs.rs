//! Reading inputs once and within a bound (issue 23, points 3, 4 and 13): pipes and FIFOs are
//! read once, an endless stream stops at its first bad byte or at the read limit, a file over
//! the limit is refused unread, and every error names the file, the pointer and line:column.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use crate::cli::example;

/// A fresh directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ropa-inputs-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success());
}

/// Runs `command` under `timeout 20`, so that a hang fails the test instead of stalling it.
fn bounded(command: &Command) -> Output {
    let mut timed = Command::new("timeout");
    timed
        .arg("20")
        .arg(command.get_program())
        .args(command.get_args())
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    let out = timed.output().unwrap();
    assert_ne!(out.status.code(), Some(124), "timed out: a hang");
    out
}

/// Feeds `bytes` into the FIFO, then (when `endless`) spaces until the reader goes away.
fn feed(fifo: PathBuf, bytes: Vec<u8>, endless: bool) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        let Ok(mut writer) = std::fs::OpenOptions::new().write(true).open(fifo) else {
            return;
        };
        if writer.write_all(&bytes).is_err() || !endless {
            return;
        }
        let block = vec![b' '; 1 << 16];
        while writer.write_all(&block).is_ok() {}
    })
}

const BAD: &str = "{\n  \"schema_version\": \"1.0\",\n  \"organisation\": 7\n}\n";

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// What a command said on either stream: `validate`'s text output prints an unreadable file's
/// error once, on standard output, as its `parse-error` line; other commands on standard error.
fn said(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn a_fifo_holding_a_bad_register_gets_the_real_error_and_no_hang() {
    let dir = scratch("fifo");
    let fifo = dir.join("register.json");
    mkfifo(&fifo);
    let writer = feed(fifo.clone(), BAD.as_bytes().to_vec(), false);
    let mut command = example("validate");
    command.arg(&fifo);
    let out = bounded(&command);
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", said(&out));
    let stderr = said(&out);
    assert!(
        stderr.contains("/organisation: line 3, column 19: invalid type"),
        "the real error at its place, not EOF at 1:1: {stderr}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_endless_stream_fails_at_its_first_bad_byte() {
    let dir = scratch("endless");
    let fifo = dir.join("zero.json");
    mkfifo(&fifo);
    // A NUL then spaces for ever: `/dev/zero` made in the test's own directory.
    let writer = feed(fifo.clone(), vec![0], true);
    let mut command = example("validate");
    command.arg(&fifo);
    let out = bounded(&command);
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", said(&out));
    assert!(said(&out).contains("line 1, column 1"), "{}", said(&out));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_endless_valid_prefix_stops_at_the_read_limit() {
    let dir = scratch("limit-stream");
    let fifo = dir.join("spaces.json");
    mkfifo(&fifo);
    // Whitespace is valid JSON before the value, so only the limit stops this one.
    let writer = feed(fifo.clone(), Vec::new(), true);
    let mut command = example("validate");
    command.args(["--max-input-bytes", "1000000"]).arg(&fifo);
    let out = bounded(&command);
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", said(&out));
    assert!(
        said(&out).contains("more than 1000000 bytes"),
        "{}",
        said(&out)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_file_over_the_limit_is_refused_and_the_limit_can_be_raised() {
    let file = "examples/data/kent-parent-carer-panel.json";
    let size = std::fs::metadata(file).unwrap().len();
    let refused = example("validate")
        .args(["--max-input-bytes", &(size - 1).to_string(), file])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        said(&refused).contains(&format!("{file}: more than {} bytes", size - 1)),
        "{}",
        said(&refused)
    );
    let read = example("validate")
        .args(["--max-input-bytes", &size.to_string(), file])
        .output()
        .unwrap();
    assert_ne!(read.status.code(), Some(2), "{}", stderr(&read));
    let bad = example("validate")
        .args(["--max-input-bytes", "lots", file])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("--max-input-bytes lots"));
}

#[test]
fn every_command_that_reads_a_register_takes_the_read_limit() {
    let file = "examples/data/kent-parent-carer-panel.json";
    let size = std::fs::metadata(file).unwrap().len();
    let dir = scratch("limit");
    let copy = dir.join("register.json");
    std::fs::copy(file, &copy).unwrap();
    let copy = copy.to_str().unwrap().to_owned();
    let out = dir.join("out.xlsx");
    let out = out.to_str().unwrap();
    let under = (size - 1).to_string();
    let commands: [(&str, Vec<&str>); 4] = [
        ("report", vec![copy.as_str()]),
        ("diff", vec![copy.as_str(), file]),
        ("export", vec!["--out", out, copy.as_str()]),
        ("format", vec![copy.as_str()]),
    ];
    for (name, files) in &commands {
        let refused = example(name)
            .args(["--max-input-bytes", under.as_str()])
            .args(files)
            .output()
            .unwrap();
        assert_eq!(refused.status.code(), Some(2), "{name}: {}", said(&refused));
        assert!(
            said(&refused).contains(&format!("more than {under} bytes")),
            "{name}: {}",
            said(&refused)
        );
        let read = example(name)
            .args(["--max-input-bytes", &size.to_string()])
            .args(files)
            .output()
            .unwrap();
        assert_ne!(read.status.code(), Some(2), "{name}: {}", stderr(&read));
        let bad = example(name)
            .args(["--max-input-bytes=lots"])
            .args(files)
            .output()
            .unwrap();
        assert_eq!(bad.status.code(), Some(2), "{name}");
        assert!(
            stderr(&bad).contains("--max-input-bytes lots"),
            "{name}: {}",
            stderr(&bad)
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_sparse_file_over_the_limit_is_refused_without_reading_it() {
    let dir = scratch("sparse");
    let file = dir.join("sparse.json");
    // 2 GiB of holes: reading it would take seconds and 2 GiB; refusing it takes none.
    std::fs::File::create(&file)
        .unwrap()
        .set_len(2 << 30)
        .unwrap();
    let start = std::time::Instant::now();
    let error = ropa::from_path(&file).unwrap_err();
    assert!(start.elapsed() < Duration::from_secs(2));
    assert!(
        matches!(error, ropa::Error::TooLarge { limit, .. } if limit == ropa::DEFAULT_MAX_INPUT_BYTES),
        "{error}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn sarif_locates_invalid_utf8_with_line_and_column() {
    let dir = scratch("utf8");
    let file = dir.join("register.json");
    std::fs::write(
        &file,
        b"{\n  \"schema_version\": \"1.0\",\n  \"organisation\": \"\xff\"\n}\n",
    )
    .unwrap();
    let out = example("validate")
        .args(["--format", "sarif"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = said(&out);
    assert!(
        stderr.contains("/organisation: line 3"),
        "pointer and line, not `cannot access`: {stderr}"
    );
    assert!(!stderr.contains("cannot access"), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_byte_order_mark_is_skipped_in_a_reader_and_in_a_stream() {
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(br#"{"schema_version": "1.0", "organisation": "x"}"#);
    assert!(ropa::from_reader(&with_bom[..]).is_ok());
    let dir = scratch("bom");
    let fifo = dir.join("bom.json");
    mkfifo(&fifo);
    let writer = feed(fifo.clone(), with_bom, false);
    let register = ropa::from_path(&fifo);
    writer.join().unwrap();
    assert_eq!(register.unwrap().organisation.as_str(), "x");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_csv_report_on_a_terminal_shows_controls_escaped() {
    let dir = scratch("tty");
    let file = dir.join("register.json");
    let register = ropa::from_path("examples/data/kent-parent-carer-panel.json").unwrap();
    let mut json = serde_json::to_value(&register).unwrap();
    json["activities"][0]["name"] =
        serde_json::Value::String("Panel\u{1b}]0;pwned\u{7}\u{9b}2J\r\u{7f}".to_owned());
    std::fs::write(&file, serde_json::to_string(&json).unwrap()).unwrap();
    let report = example("report");
    let line = std::iter::once(report.get_program())
        .chain(report.get_args())
        .map(|a| a.to_str().unwrap().to_owned())
        .chain(["--kind", "register", "--format", "csv"].map(str::to_owned))
        .chain([file.to_str().unwrap().to_owned()])
        .map(|a| format!("'{a}'"))
        .collect::<Vec<_>>()
        .join(" ");
    // `script` runs the command with a pseudo-terminal as its standard output.
    let mut under_tty = Command::new("script");
    under_tty.args(["-qec", &line, "/dev/null"]);
    let out = bounded(&under_tty);
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(
        shown.contains("Panel\\u{1b}]0;pwned\\u{7}\\u{9b}2J\\r\\u{7f}"),
        "{shown}"
    );
    assert!(
        !shown.contains(['\u{1b}', '\u{7}', '\u{9b}', '\u{7f}']),
        "{shown:?}"
    );
    // Piped, the CSV keeps the value as recorded, for a spreadsheet to read.
    let piped = example("report")
        .args(["--kind", "register", "--format", "csv"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&piped.stdout).contains('\u{1b}'));
    std::fs::remove_dir_all(&dir).unwrap();
}
