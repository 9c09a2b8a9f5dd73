//! The semantic diff: edits of every kind on the example registers, what is not a change, the
//! findings introduced and resolved, the formats, the example's exit status, and scale.

use std::time::{Duration, Instant};

use ropa::diff::{ChangeKind, Diff, DiffFormat, diff, diff_with_findings};
use ropa::{
    Article9Condition, DataCategory, Party, PartyKind, ProcessingActivity, Recipient,
    RecipientRole, Register, SpecialCategoryCondition, ValidationOptions,
};
use serde_json::Value;

use crate::cli::example;
use crate::examples_data::example_files;

fn load(name: &str) -> Register {
    ropa::from_path(format!(
        "{}/examples/data/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn panel() -> Register {
    load("kent-parent-carer-panel.json")
}

fn lines(d: &Diff) -> Vec<String> {
    d.changes.iter().map(ToString::to_string).collect()
}

/// Every change's pointers name its values in the two versions.
fn assert_pointers_resolve(old: &Register, new: &Register, d: &Diff) {
    let old_json = as_read(old);
    let new_json = as_read(new);
    for change in &d.changes {
        match &change.old_pointer {
            Some(p) => assert_eq!(old_json.pointer(p), change.old_value.as_ref(), "{change}"),
            None => assert_eq!(change.kind, ChangeKind::Added, "{change}"),
        }
        match &change.new_pointer {
            Some(p) => assert_eq!(new_json.pointer(p), change.new_value.as_ref(), "{change}"),
            None => assert_eq!(change.kind, ChangeKind::Removed, "{change}"),
        }
    }
}

/// A register as JSON with the format version it was read from (writing puts the current one).
fn as_read(register: &Register) -> Value {
    let mut json = serde_json::to_value(register).unwrap();
    json["schema_version"] = Value::String(register.schema_version.clone());
    json
}

const PANEL: &str = "activity 'Children, Young People and Education Parent Carer Panel'";

#[test]
fn a_register_against_itself_reformatted_and_reordered_has_no_changes() {
    for file in example_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        let old = ropa::from_str(&text).unwrap();
        // Compact, then every list reversed: neither layout nor order is a change.
        let compact: Value = serde_json::from_str(&text).unwrap();
        let reordered = ropa::from_str(&reverse_lists(compact).to_string()).unwrap();
        assert_ne!(
            old,
            reordered,
            "{}: the test must reorder something",
            file.display()
        );
        let d = diff(&old, &reordered);
        assert!(d.is_empty(), "{}: {:#?}", file.display(), lines(&d));
        let d = diff_with_findings(&old, &reordered, &as_of());
        let findings = d.findings.unwrap();
        assert!(
            findings.introduced.is_empty() && findings.resolved.is_empty(),
            "{}: reordering moved findings: {findings:#?}",
            file.display()
        );
    }
}

fn reverse_lists(value: Value) -> Value {
    match value {
        Value::Array(items) => Value::Array(items.into_iter().rev().map(reverse_lists).collect()),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, reverse_lists(v)))
                .collect(),
        ),
        other => other,
    }
}

fn as_of() -> ValidationOptions {
    ValidationOptions::default().as_of("2026-11-25".parse().unwrap())
}

/// One row per kind of edit: the edit, then the changes expected, in words, in order.
#[test]
fn edits_of_every_kind_are_said_in_the_registers_words() {
    type Edit = fn(&mut Register);
    let cases: &[(&str, Edit, &[&str])] = &[
        (
            "add a processor recipient",
            |r| {
                r.parties
                    .push(Party::new("hosting", "Hosting Ltd").with_kind(PartyKind::Company));
                r.activities[0].recipients.push(
                    Recipient::new("hosting", RecipientRole::Processor).with_party("hosting"),
                );
            },
            &[
                "register: party 'Hosting Ltd' added",
                "ACT: recipient 'Hosting Ltd' (processor) added",
            ],
        ),
        (
            "remove a purpose",
            |r| {
                r.activities[0]
                    .purposes
                    .retain(|p| p.id.as_str() != "insights")
            },
            &[
                "ACT: purpose 'To publish Insights and feedback gathered; this will not involve sharing any personal or identifiable information' removed",
            ],
        ),
        (
            "change a retention period",
            |r| {
                r.activities[0].retention[0].retention.period = Some("P1Y".parse().unwrap());
                r.activities[0].retention[0].retention.trigger = None;
            },
            &["ACT: retention of 'all data' changed from 2 years after collection to 1 year"],
        ),
        (
            "add an Art 9 condition",
            |r| {
                r.activities[0].special_category_conditions.push(
                    SpecialCategoryCondition::new(Article9Condition::SubstantialPublicInterest)
                        .with_schedule_1(
                            ropa::Schedule1Paragraph::SafeguardingChildrenAndIndividualsAtRisk,
                        ),
                )
            },
            &["ACT: Art 9 condition 'substantial public interest (Sch 1 para 18)' added"],
        ),
        (
            "change a retention period and its disposal",
            |r| {
                let rule = &mut r.activities[0].retention[0];
                rule.retention.period = Some("P1Y".parse().unwrap());
                rule.disposal.clear();
            },
            &[
                "ACT: retention of 'all data' changed from 2 years after collection; then make inaccessible or destroy to 1 year after collection; no disposal stated",
            ],
        ),
        (
            "rename a data category",
            |r| r.activities[0].data_categories[0].name = "Full name".to_owned(),
            &["ACT: data category 'Name': name changed from 'Name' to 'Full name'"],
        ),
        (
            "add a scalar of the register",
            |r| r.owner = Some("Information Governance team".to_owned()),
            &["register: owner 'Information Governance team' added"],
        ),
        (
            "remove an optional field, add to a list of text",
            |r| {
                r.dpo.as_mut().unwrap().name = None;
                r.activities[0].notes.push("Reviewed by the DPO".to_owned());
            },
            &[
                "register: DPO name 'Benjamin Watts' removed",
                "ACT: note 'Reviewed by the DPO' added",
            ],
        ),
        (
            "add and remove a reference in a list of ids",
            |r| {
                let purpose = &mut r.activities[0].purposes[0];
                purpose.data_categories.retain(|c| c.as_str() != "name");
                purpose.data_categories.push("postcode".into());
            },
            &[
                "ACT: purpose 'To contact you to invite you to parent carer panels or send… (id contact)': data category 'Name' removed",
                "ACT: purpose 'To contact you to invite you to parent carer panels or send… (id contact)': data category 'Postcode' added",
            ],
        ),
        (
            "change a lawful basis",
            |r| {
                r.activities[0].purposes[0].lawful_bases[0]
                    .legal_sources
                    .clear()
            },
            &[
                "ACT: purpose 'To contact you to invite you to parent carer panels or send… (id contact)': lawful basis 'Art 6(1)(a) consent' changed from Art 6(1)(a) consent under National Family Hub Guidance to Art 6(1)(a) consent",
            ],
        ),
        (
            "add an activity",
            |r| {
                r.activities.insert(
                    0,
                    ProcessingActivity::controller("newsletter", "Newsletter"),
                )
            },
            &["register: activity 'Newsletter' added"],
        ),
    ];
    let old = panel();
    for (name, edit, expected) in cases {
        let mut new = old.clone();
        edit(&mut new);
        let d = diff(&old, &new);
        let expected: Vec<String> = expected.iter().map(|e| e.replace("ACT", PANEL)).collect();
        assert_eq!(lines(&d), expected, "{name}");
        assert_pointers_resolve(&old, &new, &d);
        // And back: the same changes the other way round.
        let back = diff(&new, &old);
        assert_eq!(back.changes.len(), d.changes.len(), "{name} reversed");
        assert_pointers_resolve(&new, &old, &back);
    }
}

#[test]
fn kinds_and_pointers_of_added_removed_and_changed() {
    let old = panel();
    let mut new = old.clone();
    let removed = new.activities[0].data_categories.remove(0);
    new.activities[0]
        .data_categories
        .push(DataCategory::new("age", "Age"));
    new.activities[0].data_categories[0].description = Some("Email and phone".to_owned());
    let d = diff(&old, &new);
    let kinds: Vec<(ChangeKind, Option<&str>, Option<&str>)> = d
        .changes
        .iter()
        .map(|c| (c.kind, c.old_pointer.as_deref(), c.new_pointer.as_deref()))
        .collect();
    let last = new.activities[0].data_categories.len() - 1;
    assert_eq!(
        kinds,
        [
            (
                ChangeKind::Removed,
                Some("/activities/0/data_categories/0"),
                None
            ),
            (
                ChangeKind::Added,
                None,
                Some("/activities/0/data_categories/0/description")
            ),
            (
                ChangeKind::Added,
                None,
                Some(format!("/activities/0/data_categories/{last}").as_str())
            ),
        ]
        .map(|(k, o, n)| (k, o, n))
        .to_vec()
        .into_iter()
        .collect::<Vec<_>>(),
    );
    // The old value of the description is absent, so it is added; the moved category keeps
    // its identity: its old pointer is where it was.
    assert_eq!(
        d.changes[1].to_string(),
        format!(
            "{PANEL}: data category 'Email address and phone number': description 'Email and phone' added"
        )
    );
    assert_eq!(
        d.changes[0].old_value,
        Some(serde_json::to_value(&removed).unwrap())
    );
    assert_pointers_resolve(&old, &new, &d);
}

#[test]
fn an_id_renamed_is_removed_and_added_and_says_so() {
    let old = panel();
    let mut new = old.clone();
    new.activities[0].purposes[1].id = "access".into();
    let d = diff(&old, &new);
    let text = lines(&d);
    assert_eq!(text.len(), 2, "{text:#?}");
    assert!(
        text[0].ends_with("removed (its id was renamed to 'access': shown as removed and added)"),
        "{text:#?}"
    );
    assert!(
        text[1].ends_with(
            "added (its id was renamed from 'accessibility': shown as removed and added)"
        ),
        "{text:#?}"
    );
    let markdown = d.render_to_string(DiffFormat::Markdown, "old", "new");
    assert!(
        markdown.contains(
            "Items are matched by id: an item whose id was renamed shows as removed and added."
        ),
        "{markdown}"
    );
}

#[test]
fn registers_of_different_schema_versions_compare_by_content() {
    // The panel as a 1.0 file, against the 1.1 file with its lists reordered and one edit.
    let path = format!(
        "{}/examples/data/kent-parent-carer-panel.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains("\"schema_version\": \"1.1\""));
    let old = ropa::from_str(&text.replacen("\"1.1\"", "\"1.0\"", 1)).unwrap();
    assert_eq!(old.schema_version, "1.0");
    let mut new = ropa::from_str(&text).unwrap();
    new.activities[0].data_categories.reverse();
    let same_content = diff(&old, &new);
    assert_eq!(
        lines(&same_content),
        ["register: schema version changed from '1.0' to '1.1'"]
    );
    assert_eq!(
        same_content.changes[0].old_pointer.as_deref(),
        Some("/schema_version")
    );
    assert_pointers_resolve(&old, &new, &same_content);
    new.activities[0].data_categories[0].name = "Gender identity".to_owned();
    let edited = diff(&old, &new);
    assert_eq!(edited.changes.len(), 2, "{:#?}", lines(&edited));
    assert_pointers_resolve(&old, &new, &edited);
    // Validation reads both the same: no finding is introduced or resolved by the version.
    let findings = diff_with_findings(&old, &new, &as_of()).findings.unwrap();
    assert!(findings.introduced.is_empty() && findings.resolved.is_empty());
}

#[test]
fn findings_are_matched_by_rule_and_place_not_position() {
    let old = panel();
    let mut new = old.clone();
    // An activity inserted first moves every pointer of the panel's findings: none of them is
    // introduced or resolved by that.
    new.activities.insert(
        0,
        load("doncaster-peer-support-groups.json").activities[0].clone(),
    );
    new.activities[1].data_categories.reverse();
    new.activities[1].purposes.reverse();
    let d = diff_with_findings(&old, &new, &as_of());
    let findings = d.findings.unwrap();
    assert!(findings.resolved.is_empty(), "{:#?}", findings.resolved);
    assert!(!findings.introduced.is_empty());
    assert!(
        findings
            .introduced
            .iter()
            .all(|f| f.path.starts_with("/activities/0")),
        "{:#?}",
        findings.introduced
    );

    // A processor without a contract is introduced, and the consent finding (one for the
    // activity's four purposes) resolved when every purpose's consent is recorded.
    let mut new = old.clone();
    new.parties
        .push(Party::new("hosting", "Hosting Ltd").with_kind(PartyKind::Company));
    new.activities[0]
        .recipients
        .push(Recipient::new("hosting", RecipientRole::Processor).with_party("hosting"));
    new.documents.push(ropa::Document::new(
        "consents",
        ropa::DocumentKind::ConsentRecord,
        "Consent log",
    ));
    for purpose in &mut new.activities[0].purposes {
        for basis in &mut purpose.lawful_bases {
            if let Some(consent) = basis.consent.as_mut() {
                consent.record = Some("consents".into());
            }
        }
    }
    let findings = diff_with_findings(&old, &new, &as_of()).findings.unwrap();
    let introduced: Vec<(&str, &str)> = findings
        .introduced
        .iter()
        .map(|f| (f.rule, f.path.as_str()))
        .collect();
    assert_eq!(
        introduced,
        [("processor-without-contract", "/activities/0/recipients/8")]
    );
    let resolved: Vec<(&str, &str)> = findings
        .resolved
        .iter()
        .map(|f| (f.rule, f.path.as_str()))
        .collect();
    assert_eq!(resolved, [("consent-without-record", "/activities/0")]);
}

#[test]
fn the_formats_carry_every_change_and_escape_the_registers_text() {
    let old = panel();
    let mut new = old.clone();
    new.activities[0].name = "<script>alert(1)</script> | *panel*".to_owned();
    let d = diff_with_findings(&old, &new, &as_of());

    let json: Value =
        serde_json::from_str(&d.render_to_string(DiffFormat::Json, "a", "b")).unwrap();
    let groups = json["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 1);
    assert_eq!(
        groups[0]["scope"],
        "activity '<script>alert(1)</script> | *panel*'"
    );
    let changes = groups[0]["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1);
    let change = changes[0].as_object().unwrap();
    let mut keys: Vec<&str> = change.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "kind",
            "new_pointer",
            "new_value",
            "old_pointer",
            "old_value",
            "summary"
        ],
        "the scope is said once, by the group"
    );
    assert_eq!(change["kind"], "changed");
    assert_eq!(change["old_pointer"], "/activities/0/name");
    assert_eq!(change["new_value"], "<script>alert(1)</script> | *panel*");
    assert!(
        json["findings"]["introduced"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    let html = d.render_to_string(DiffFormat::Html, "old <a>", "new");
    assert!(!html.contains("<script>"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(html.contains("old &lt;a&gt;"), "{html}");

    let markdown = d.render_to_string(DiffFormat::Markdown, "old", "new");
    assert!(!markdown.contains("<script>"), "{markdown}");
    assert!(markdown.contains(r"\| \*panel\*"), "{markdown}");
    assert!(
        markdown.contains("## Findings introduced (as of 2026-11-25): 0"),
        "{markdown}"
    );
}

#[test]
fn every_pair_of_example_registers_diffs_with_pointers_that_resolve() {
    let registers: Vec<Register> = example_files()
        .iter()
        .map(|f| ropa::from_path(f).unwrap())
        .collect();
    for old in &registers {
        for new in &registers {
            let d = diff(old, new);
            assert_eq!(d.is_empty(), old == new);
            assert_pointers_resolve(old, new, &d);
        }
    }
}

#[test]
fn the_diff_example_exits_like_diff() {
    let dir = std::env::temp_dir().join(format!("ropa-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let old = "examples/data/kent-parent-carer-panel.json";
    let mut register = panel();
    register.activities[0].purposes.reverse();
    let same = dir.join("same.json");
    std::fs::write(&same, serde_json::to_string(&register).unwrap()).unwrap();
    register.activities[0].purposes.pop();
    let changed = dir.join("changed.json");
    std::fs::write(&changed, ropa::to_string(&register).unwrap()).unwrap();

    let run = |args: &[&str]| example("diff").args(args).output().unwrap();
    let out = run(&[old, same.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("No changes."));

    let out = run(&[
        "--format",
        "json",
        "--as-of",
        "2026-11-25",
        old,
        changed.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["groups"][0]["changes"][0]["kind"], "removed");
    assert!(json["findings"].is_object());

    let out = run(&[old, "tests/fixtures/invalid/unknown-field.json"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(
            "tests/fixtures/invalid/unknown-field.json: /parties/0/emial: line 7, column 13"
        ),
        "{stderr}"
    );
    assert_eq!(run(&[old]).status.code(), Some(2));
    assert_eq!(run(&["--format", "csv", old, old]).status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

/// One activity with 40 000 data categories, every one reordered and one in ten changed: a
/// quadratic match would take minutes even in a release build.
#[test]
fn one_activity_with_40_000_categories_diffs_in_linear_time() {
    let mut activity = ProcessingActivity::controller("big", "Big");
    for i in 0..40_000 {
        activity
            .data_categories
            .push(DataCategory::new(format!("c{i}"), format!("Category {i}")));
    }
    let old = Register::new(Party::new("org", "Org")).with_activity(activity);
    let mut new = old.clone();
    new.activities[0].data_categories.reverse();
    for category in new.activities[0].data_categories.iter_mut().step_by(10) {
        category.name.push('!');
    }
    let start = Instant::now();
    let d = diff(&old, &new);
    let elapsed = start.elapsed();
    eprintln!("diff of 40 000 reordered categories: {elapsed:?}");
    assert_eq!(d.changes.len(), 4_000);
    // Debug build on a shared machine: about a second; quadratic matching would be far over.
    assert!(elapsed < Duration::from_secs(20), "{elapsed:?}");
}

/// Items without an id: said as a whole where their words change, and every other field that
/// changed said too.
#[test]
fn items_without_ids_are_said_whole_and_nothing_else_goes_unsaid() {
    type Edit = fn(&mut Register);
    const ACT: &str = "activity 'Harbourside residents' survey 2026'";
    let cases: &[(&str, Edit, &[&str])] = &[
        (
            "a transfer's mechanism and its documentation",
            |r| {
                let t = &mut r.activities[0].transfers[0];
                t.mechanism = Some(ropa::TransferMechanism::EuSccsWithUkAddendum);
                t.documentation = None;
            },
            &[
                "ACT: transfer to 'SurveyCloud Inc.' in 'United States (US)' changed from UK International Data Transfer Agreement to EU standard contractual clauses with the UK Addendum",
                "ACT: transfer to 'SurveyCloud Inc.' in 'United States (US)': documentation 'International Data Transfer Agreement with SurveyCloud Inc.' removed",
            ],
        ),
        (
            "a transfer's description only",
            |r| r.activities[0].transfers[0].description = None,
            &[
                "ACT: transfer to 'SurveyCloud Inc.' in 'United States (US)': description 'Survey responses are stored on SurveyCloud's servers in the United States' removed",
            ],
        ),
        (
            "a security measure added, the list reordered",
            |r| {
                let measures = &mut r.activities[0].security_measures;
                measures.reverse();
                measures.push(
                    ropa::SecurityMeasure::new(ropa::SecurityMeasureKind::EncryptionAtRest)
                        .with_description("At rest"),
                );
            },
            &["ACT: security measure 'encryption at rest: At rest' added"],
        ),
        (
            "a category of processing for a controller",
            |r| {
                r.activities[0].on_behalf_of[0]
                    .processing
                    .push("Archiving".to_owned())
            },
            &[
                "ACT: controller 'Harbourside Borough Council': category of processing 'Archiving' added",
            ],
        ),
    ];
    let old = load("northfield-research-processor.json");
    for (name, edit, expected) in cases {
        let mut new = old.clone();
        edit(&mut new);
        let d = diff(&old, &new);
        let expected: Vec<String> = expected.iter().map(|e| e.replace("ACT", ACT)).collect();
        assert_eq!(lines(&d), expected, "{name}");
        assert_pointers_resolve(&old, &new, &d);
    }
}

/// The README's example lines are what the diff says of those edits.
#[test]
fn the_readme_example_is_the_diffs_own_output() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("version:\n\n```text\n")
        .expect("the README's example of a diff")
        + "version:\n\n```text\n".len();
    let shown: Vec<&str> = readme[start..][..readme[start..].find("```").unwrap()]
        .lines()
        .collect();
    let old = panel();
    let mut new = old.clone();
    new.parties
        .push(Party::new("hosting", "Hosting Ltd").with_kind(PartyKind::Company));
    new.activities[0]
        .recipients
        .push(Recipient::new("hosting", RecipientRole::Processor).with_party("hosting"));
    new.activities[0].retention[0].retention.period = Some("P1Y".parse().unwrap());
    new.activities[0].retention[0].retention.trigger = None;
    new.activities[0].special_category_conditions.push(
        SpecialCategoryCondition::new(Article9Condition::SubstantialPublicInterest)
            .with_schedule_1(ropa::Schedule1Paragraph::SafeguardingChildrenAndIndividualsAtRisk),
    );
    let said = lines(&diff(&old, &new));
    assert_eq!(shown.len(), 3);
    for line in shown {
        assert!(said.iter().any(|s| s == line), "{line}\nnot in {said:#?}");
    }
}
