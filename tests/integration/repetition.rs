//! Issue 23 points 6-8: a name referred to N times is cut where it is repeated and shown whole
//! once; the register-wide recipients are shown once; a diff says each scope once.

use ropa::diff::{DiffFormat, diff_with_findings};
use ropa::report::{Format, ReportKind, ReportOptions, render_to_string, supported};
use ropa::synth::{Shape, adversarial_register, revised};

fn options() -> ReportOptions {
    ReportOptions::default().as_of("2026-11-22".parse().unwrap())
}

#[test]
fn a_long_name_is_cut_where_it_is_repeated_and_shown_whole_where_its_item_is() {
    let n = 100;
    let register = adversarial_register(Shape::LongNamesReferenced, n);
    let host = register.parties[1].name.clone();
    let activity = register.activities[0].name.clone();
    assert!(host.len() >= 16 * n);
    let findings = ropa::validate(&register, &options().validation).findings;
    assert!(findings.len() >= n, "{} findings", findings.len());
    for f in &findings {
        assert!(f.message.len() < 1_000, "{}: {}", f.rule, f.message);
    }
    assert!(findings.iter().any(|f| {
        f.message.starts_with("Processor Hosting and services")
            && f.message.contains("… (id host) has no Art 28 contract")
    }));
    for kind in ReportKind::ALL {
        for format in Format::ALL {
            if supported(*kind, *format).is_err() {
                continue;
            }
            let out = render_to_string(&register, *kind, *format, &options()).unwrap();
            // Whole at most where the item itself is shown (the register's Parties table, the
            // activity's heading and record title), never once per reference.
            for name in [&host, &activity] {
                let whole = out.matches(name.as_str()).count();
                assert!(
                    whole <= 4,
                    "{kind} {format}: a name shown whole {whole} times"
                );
            }
            assert!(
                out.len() < 40 * ropa::to_string(&register).unwrap().len(),
                "{kind} {format}: {} bytes",
                out.len()
            );
        }
    }
    let register_report = render_to_string(
        &register,
        ReportKind::Register,
        Format::Markdown,
        &options(),
    )
    .unwrap();
    assert_eq!(
        register_report.matches(host.as_str()).count(),
        1,
        "the Parties table"
    );
}

#[test]
fn the_register_wide_recipients_are_shown_once_and_referred_to() {
    let register = adversarial_register(Shape::RegisterWideRecipients, 20);
    for (kind, format, reference) in [
        (
            ReportKind::Register,
            Format::Markdown,
            "The recipients of every activity, listed under ‘Recipients of every activity’",
        ),
        (
            ReportKind::Register,
            Format::Html,
            "The recipients of every activity, listed under ‘Recipients of every activity’",
        ),
        (
            ReportKind::Register,
            Format::Csv,
            "The recipients of every activity, listed under ‘Recipients of every activity’",
        ),
        (
            ReportKind::Notice,
            Format::Markdown,
            "We also share it with everyone listed under “Who we share all your information with”.",
        ),
    ] {
        let out = render_to_string(&register, kind, format, &options()).unwrap();
        for i in 0..20 {
            let role = if kind == ReportKind::Notice {
                "who handles it on our behalf"
            } else {
                "processor"
            };
            let name = format!("Shared service {i}, {role}");
            let shown = out.matches(&name).count();
            assert_eq!(shown, 1, "{kind} {format}: {name} shown {shown} times");
        }
        // Each of the 21 activities refers to them.
        assert!(out.matches(reference).count() >= 21, "{kind} {format}");
    }
}

#[test]
fn a_diff_says_each_scope_once_and_cuts_a_long_label() {
    let old = adversarial_register(Shape::LongNamesReferenced, 50);
    let new = revised(&old);
    let diff = diff_with_findings(&old, &new, &options().validation);
    assert!(diff.changes.len() > 100);
    for change in &diff.changes {
        assert!(change.scope.len() < 200, "{}", change.scope);
        // A changed name is said whole, once; every other change mentions names cut.
        let pointer = change.new_pointer.as_deref().unwrap_or_default();
        if !pointer.ends_with("/name") {
            assert!(change.summary.len() < 1_000, "{}", change.summary);
        }
    }
    let json: serde_json::Value =
        serde_json::from_str(&diff.render_to_string(DiffFormat::Json, "a", "b")).unwrap();
    let groups = json["groups"].as_array().unwrap();
    let scopes: Vec<&str> = groups
        .iter()
        .map(|g| g["scope"].as_str().unwrap())
        .collect();
    let mut unique = scopes.clone();
    unique.dedup();
    assert_eq!(scopes, unique, "each scope once");
    let in_groups: usize = groups
        .iter()
        .map(|g| g["changes"].as_array().unwrap().len())
        .sum();
    assert_eq!(in_groups, diff.changes.len());
    assert!(
        groups
            .iter()
            .flat_map(|g| g["changes"].as_array().unwrap())
            .all(|c| c.get("scope").is_none())
    );
}
