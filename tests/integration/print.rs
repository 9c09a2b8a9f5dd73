//! Reports that print (issue 25, point 2): a cover, contents linked to their sections, a page
//! break before each section and activity. The PDF test runs where Chromium and poppler's
//! pdftotext are installed (`apt-get install chromium poppler-utils`), and says so where not.

use std::process::Command;

use ropa::report::{Format, ReportKind, ReportOptions, render_to_string};
use ropa::{
    DataCategory, DataSubjectCategory, LawfulBasis, Party, ProcessingActivity, Purpose, Register,
};

fn options() -> ReportOptions {
    ReportOptions::default().as_of("2026-12-06".parse().unwrap())
}

fn three_activities() -> Register {
    let mut register =
        Register::new(Party::new("org", "Org")).with_last_reviewed("2026-11-01".parse().unwrap());
    for name in ["Payroll", "Recruitment", "Newsletter"] {
        register = register.with_activity(
            ProcessingActivity::controller(name.to_lowercase(), name)
                .with_purpose(
                    Purpose::new("p", format!("{name} purpose"))
                        .with_basis(LawfulBasis::public_task("Local Government Act 1972")),
                )
                .with_data_subjects(DataSubjectCategory::new("s", "Staff"))
                .with_data_category(DataCategory::new("c", "Name")),
        );
    }
    register
}

#[test]
fn an_html_report_opens_with_a_cover_and_contents_that_link_to_each_section() {
    let html = render_to_string(
        &three_activities(),
        ReportKind::Register,
        Format::Html,
        &options(),
    )
    .unwrap();
    assert!(html.contains("<main class=\"printed\">"));
    for fact in [
        "<dt>Organisation</dt><dd>Org</dd>",
        "<dt>Report</dt><dd>Register</dd>",
        "<dt>As of</dt><dd>2026-12-06</dd>",
        "<dt>Register last reviewed</dt><dd>2026-11-01</dd>",
        "<dt>Next review</dt><dd>Not stated</dd>",
        "<dt>Made by</dt><dd>ropa 0.1.0 (register format 1.1; law tables checked",
    ] {
        assert!(html.contains(fact), "{fact}: {html}");
    }
    let links = html.matches("<a href=\"#s").count();
    let anchors = html.matches(" id=\"s").count();
    assert_eq!(links, anchors, "{html}");
    for (i, name) in ["Payroll", "Recruitment", "Newsletter"].iter().enumerate() {
        let n = 3 + i;
        assert!(
            html.contains(&format!(
                "<li class=\"l3\"><a href=\"#s{n}\">{name}</a></li>"
            )),
            "{html}"
        );
        assert!(
            html.contains(&format!("<h3 id=\"s{n}\" class=\"activity\">{name}</h3>")),
            "{html}"
        );
    }
    // The other kinds have their contents too; the diff, not a report, has none.
    for kind in [
        ReportKind::Findings,
        ReportKind::Notice,
        ReportKind::Retention,
    ] {
        let html = render_to_string(&three_activities(), kind, Format::Html, &options()).unwrap();
        assert!(html.contains("<nav class=\"contents\""), "{kind}");
    }
}

fn installed(program: &str, flag: &str) -> bool {
    Command::new(program)
        .arg(flag)
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn the_printed_register_starts_each_activity_on_a_page_of_its_own() {
    if !installed("chromium", "--version") || !installed("pdftotext", "-v") {
        eprintln!("chromium or pdftotext is not installed: the PDF is not checked");
        return;
    }
    let dir = std::env::temp_dir().join(format!("ropa-print-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let html = dir.join("register.html");
    let pdf = dir.join("register.pdf");
    std::fs::write(
        &html,
        render_to_string(
            &three_activities(),
            ReportKind::Register,
            Format::Html,
            &options(),
        )
        .unwrap(),
    )
    .unwrap();
    let printed = Command::new("timeout")
        .args([
            "60",
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
        ])
        .args([
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg("--no-pdf-header-footer")
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .unwrap();
    assert!(pdf.exists(), "{}", String::from_utf8_lossy(&printed.stderr));
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    let first_lines: Vec<&str> = pages
        .iter()
        .map(|p| p.trim_start().lines().next().unwrap_or(""))
        .collect();
    assert!(
        pages[0].contains("Contents") && pages[0].contains("Made by"),
        "{}",
        pages[0]
    );
    for name in [
        "Controller",
        "Processing activities (Article 30(1))",
        "Recruitment",
        "Newsletter",
        "Parties",
    ] {
        assert!(
            first_lines.iter().any(|l| l.trim() == name),
            "{name} starts no page: {first_lines:?}"
        );
    }
    // The first activity follows its section's heading on that page.
    let section = pages
        .iter()
        .find(|p| p.trim_start().starts_with("Processing activities"))
        .unwrap();
    let second = section
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .nth(1);
    assert_eq!(second, Some("Payroll"), "{section}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A printed link shows its address: every link out of a report is written with its own address
/// as its text (a web page or an email), so the paper carries what the screen links to.
#[test]
fn every_link_out_of_a_report_prints_its_address() {
    let mut links = 0;
    for entry in std::fs::read_dir("examples/data").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let register = ropa::from_path(&path).unwrap();
        for kind in ReportKind::ALL {
            let html = render_to_string(&register, *kind, Format::Html, &options()).unwrap();
            for link in html.split("<a href=\"").skip(1) {
                let (target, rest) = link.split_once("\">").unwrap();
                if target.starts_with('#') {
                    continue;
                }
                let text = &rest[..rest.find("</a>").unwrap()];
                let shown = target.strip_prefix("mailto:").unwrap_or(target);
                assert_eq!(text, shown, "{}: {kind}", path.display());
                links += 1;
            }
        }
    }
    assert!(links > 20, "{links}");
}
