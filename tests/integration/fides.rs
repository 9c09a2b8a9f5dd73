//! fides manifests in (issue 27, point 3): every declaration an activity, typed where ropa has a
//! field, kept in notes with its YAML path where not; malformed structure is an error at its path.

use ropa::fides::{FidesError, import_path, import_str};
use ropa::{ActivityRole, Article6Basis, Article9Condition, DpiaStatus, SpecialCategoryKind};

const EVERYTHING: &str = "tests/fixtures/fides/everything.yml";

fn keys(keys: &[ropa::TaxonomyKey]) -> Vec<&str> {
    keys.iter().map(|k| k.as_str()).collect()
}

#[test]
fn every_field_ropa_types_is_read_into_its_field() {
    let imported = import_path(EVERYTHING, 1 << 20).unwrap();
    let register = &imported.register;
    let org = &register.parties[0];
    assert_eq!(
        (org.id.as_str(), org.name.as_str()),
        ("acme", "Acme Health Ltd")
    );
    assert_eq!(
        org.contacts[0].email.as_deref(),
        Some("privacy@acme.example")
    );
    assert_eq!(
        register.dpo.as_ref().unwrap().name.as_deref(),
        Some("Dana Officer")
    );
    assert_eq!(
        register.representative.as_ref().unwrap().as_str(),
        "representative"
    );
    assert_eq!(
        register.activities.len(),
        3,
        "two declarations and a system with none"
    );

    let booking = &register.activities[0];
    assert_eq!(booking.id.as_str(), "booking");
    assert_eq!(booking.name, "Booking appointments for patients");
    assert_eq!(booking.role, ActivityRole::Controller);
    assert_eq!(
        booking.business_function.as_deref(),
        Some("Clinical operations")
    );
    assert_eq!(
        booking.purposes[0].lawful_bases[0].basis,
        Article6Basis::Contract
    );
    // A data use of the manifest's own taxonomy: no fides key, a note saying so.
    assert!(booking.purposes[0].taxonomy.is_empty());
    assert!(
        booking
            .notes
            .iter()
            .any(|n| n.contains("essential.service.booking is not in fideslang"))
    );
    let categories: Vec<_> = booking.data_categories.iter().collect();
    assert_eq!(
        keys(&categories[1].taxonomy),
        ["fides:user.health_and_medical"]
    );
    // The declaration processes special category data: the health key's category is marked.
    assert_eq!(
        categories[1].special_category,
        Some(SpecialCategoryKind::Health)
    );
    // Nothing marks criminal offence data in fides: the key stays for validation to report.
    assert!(!categories[2].criminal_offence);
    assert_eq!(
        booking.special_category_conditions[0].condition,
        Article9Condition::HealthOrSocialCare
    );
    assert_eq!(keys(&booking.data_subjects[0].taxonomy), ["fides:patient"]);
    assert_eq!(
        booking.retention[0].retention.period.unwrap().to_string(),
        "P365D"
    );
    // Transfers: the country typed, the mechanism left a gap; a code ISO does not assign noted.
    assert_eq!(booking.transfers.len(), 1);
    assert_eq!(booking.transfers[0].country.unwrap().as_str(), "US");
    assert!(booking.transfers[0].mechanism.is_none());
    assert!(
        booking
            .notes
            .iter()
            .any(|n| n.contains("third_country_transfers[1]: XXX"))
    );
    let dpia = booking.dpia.as_ref().unwrap();
    assert_eq!(
        (dpia.required, dpia.status),
        (Some(true), Some(DpiaStatus::Completed))
    );
    let dpia_doc = dpia.document.as_ref().unwrap();
    let document = register
        .documents
        .iter()
        .find(|d| &d.id == dpia_doc)
        .unwrap();
    assert_eq!(
        document.location.as_deref(),
        Some("https://acme.example/dpia")
    );
    assert!(booking.privacy_notice.is_some());
    assert_eq!(booking.systems[0].name, "Booking system");
    assert_eq!(
        booking.systems[0].description.as_deref(),
        Some("Books appointments.")
    );
    assert_eq!(booking.systems[1].name, "dataset bookings_db");
    // Flows: egress to a system of the organisation's own, third parties with what they receive,
    // ingress from the user as the data subject source.
    let recipients: Vec<_> = booking
        .recipients
        .iter()
        .map(|r| r.category.as_deref())
        .collect();
    assert_eq!(recipients, [Some("system mailer"), Some("Insurers")]);
    assert_eq!(
        booking.recipients[1].data_categories[0].as_str(),
        "user.contact.email"
    );
    assert!(booking.data_categories.iter().all(|c| c.sources.len() == 1));

    let newsletter = &register.activities[1];
    assert_eq!(newsletter.id.as_str(), "booking.2");
    assert_eq!(
        keys(&newsletter.purposes[0].taxonomy),
        ["fides:marketing.communications.email"]
    );
    assert_eq!(
        newsletter.purposes[0].lawful_bases[0].basis,
        Article6Basis::Consent
    );
    assert_eq!(
        newsletter.retention[0].wording.as_deref(),
        Some("until unsubscribed (fides retention_period)")
    );
    let mailer = &register.activities[2];
    assert_eq!(mailer.role, ActivityRole::Processor);
    assert_eq!(
        mailer.dpia.as_ref().unwrap().status,
        Some(DpiaStatus::NotRequired)
    );
}

#[test]
fn whatever_has_no_field_is_kept_in_notes_with_its_yaml_path() {
    let imported = import_path(EVERYTHING, 1 << 20).unwrap();
    let paths: Vec<&str> = imported.unread.iter().map(|u| u.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "system[0].system_type",
            "system[0].privacy_declarations[0].features",
            "data_use",
        ]
    );
    let notes: Vec<&String> = imported
        .register
        .activities
        .iter()
        .flat_map(|a| &a.notes)
        .collect();
    for unread in &imported.unread {
        let note = format!("fides {}: {}", unread.path, unread.value);
        assert!(notes.contains(&&note), "{note} in {notes:?}");
    }
}

#[test]
fn the_fides_demo_manifests_import_and_validate() {
    let imported = import_path("tests/fixtures/fides/demo_system.yml", 1 << 20).unwrap();
    let register = &imported.register;
    assert_eq!(register.activities.len(), 2);
    assert_eq!(
        keys(&register.activities[1].purposes[0].taxonomy),
        ["fides:marketing.advertising"]
    );
    let report = ropa::validate(
        register,
        &ropa::ValidationOptions::default().as_of("2026-12-06".parse().unwrap()),
    );
    let rules: Vec<&str> = report.findings.iter().map(|f| f.rule).collect();
    // What the demo does not say: contacts, lawful bases, retention, security, complaints.
    for rule in [
        "missing-controller-contact",
        "purpose-without-lawful-basis",
        "missing-retention",
        "missing-security-measures",
    ] {
        assert!(rules.contains(&rule), "{rule}: {rules:?}");
    }
    // The other demo resources import too: their content kept, nothing made up.
    for file in [
        "demo_organization",
        "demo_extended_taxonomy",
        "demo_dataset",
        "demo_policy",
    ] {
        let imported = import_path(format!("tests/fixtures/fides/{file}.yml"), 1 << 20).unwrap();
        assert!(imported.register.activities.is_empty(), "{file}");
        assert!(!imported.unread.is_empty(), "{file}");
    }
    let organisation = import_path("tests/fixtures/fides/demo_organization.yml", 1 << 20).unwrap();
    assert_eq!(organisation.register.parties[0].name, "Demo Organization");
    assert_eq!(
        organisation.unread[0].path,
        "organization[0].security_policy"
    );
    let description = organisation.register.parties[0]
        .description
        .as_deref()
        .unwrap();
    assert!(
        description
            .contains("fides organization[0].security_policy: https://ethyca.com/privacy-policy/")
    );
    let organisation = import_path("tests/fixtures/fides/demo_organization.yml", 1 << 20).unwrap();
    assert_eq!(organisation.register.parties[0].name, "Demo Organization");
}

#[test]
fn the_validation_of_an_import_reports_what_the_keys_say() {
    let imported = import_path(EVERYTHING, 1 << 20).unwrap();
    let report = ropa::validate(
        &imported.register,
        &ropa::ValidationOptions::default().as_of("2026-12-06".parse().unwrap()),
    );
    let criminal: Vec<_> = report
        .of_rule("taxonomy-criminal-offence-unmarked")
        .collect();
    assert_eq!(criminal.len(), 1);
    assert_eq!(
        criminal[0].path,
        "/activities/0/data_categories/2/taxonomy/0"
    );
    assert!(
        report
            .of_rule("transfer-without-mechanism")
            .next()
            .is_some()
    );
}

#[test]
fn malformed_structure_is_an_error_at_its_yaml_path() {
    for (text, at) in [
        ("- a list", "(top)"),
        ("system: yes", ".system"),
        (
            "system:\n  - name: x\n    privacy_declarations: [1]",
            "system[0].privacy_declarations[0]",
        ),
        (
            "system:\n  - privacy_declarations:\n      - data_categories: user.name",
            "system[0].privacy_declarations[0].data_categories",
        ),
        ("system:\n  - name: [a]", "system[0].name"),
    ] {
        let error = import_str(text, "m.yml", false).unwrap_err();
        let FidesError::Structure { at: found, .. } = &error else {
            panic!("{text}: {error}");
        };
        assert_eq!(found, at, "{error}");
        assert!(error.to_string().starts_with("m.yml: "), "{error}");
    }
}

#[test]
fn bad_yaml_json_and_hostile_input_are_clear_errors() {
    let error = import_str("system:\n  - name: [unclosed\n", "m.yml", false).unwrap_err();
    let FidesError::Syntax {
        line,
        column,
        message,
        ..
    } = &error
    else {
        panic!("{error}");
    };
    assert!(*line >= 2, "{line}");
    // The place is said once, by the error, not again in its message.
    assert!(
        !message.contains(&format!("line {line} column {column}")),
        "{error}"
    );
    assert!(!message.starts_with("error:"), "{error}");
    let error = import_str("{\"system\": [", "m.json", true).unwrap_err();
    assert!(
        matches!(error, FidesError::Syntax { line: 1, .. }),
        "{error}"
    );
    // A billion laughs: anchors expanding to 10^9 nodes fail fast instead of filling memory.
    let mut bomb = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (name, prev) in ["b", "c", "d", "e", "f", "g", "h", "i"]
        .iter()
        .zip(["a", "b", "c", "d", "e", "f", "g", "h"])
    {
        bomb.push_str(&format!("{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
    }
    let started = std::time::Instant::now();
    assert!(import_str(&bomb, "bomb.yml", false).is_err());
    assert!(started.elapsed().as_secs() < 10);
    // The read limit.
    let error = import_path(EVERYTHING, 100).unwrap_err();
    assert!(
        matches!(error, FidesError::TooLarge { limit: 100, .. }),
        "{error}"
    );
    assert!(matches!(
        import_path("no/such.yml", 100),
        Err(FidesError::Io { .. })
    ));
}

#[test]
fn ropa_import_reads_a_manifest_by_its_name_or_its_layout() {
    use std::process::Command;
    let dir = std::env::temp_dir().join(format!("ropa-fides-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let json = dir.join("manifest.json");
    std::fs::write(&json, json_manifest().to_string()).unwrap();
    for args in [
        vec!["import", EVERYTHING],
        vec!["import", "--layout", "fides", json.to_str().unwrap()],
    ] {
        let out = Command::new(super::cli::ROPA).args(&args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let register = ropa::from_slice(&out.stdout).unwrap();
        assert_eq!(register.activities.len(), 3);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("3 activities read from the fides manifest; 3 fields kept as notes"),
            "{stderr}"
        );
        assert!(
            stderr.contains("  system[0].system_type: Application"),
            "{stderr}"
        );
    }
    // A malformed manifest: exit 2 and the place.
    let bad = dir.join("bad.yml");
    std::fs::write(&bad, "system: yes\n").unwrap();
    let out = Command::new(super::cli::ROPA)
        .args(["import", bad.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.yml: .system: expected a list"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A manifest in JSON of the same shape as `everything.yml` for what the command reports: three
/// activities (two declarations, a system with none) and three fields with no ropa field.
fn json_manifest() -> serde_json::Value {
    serde_json::json!({
        "organization": [{"fides_key": "acme", "name": "Acme Health Ltd"}],
        "system": [
            {"fides_key": "booking", "name": "Booking system", "system_type": "Application",
             "privacy_declarations": [
                {"name": "Booking", "data_use": "essential.service", "data_categories": ["user.name"],
                 "features": ["reminders"]},
                {"name": "Newsletter", "data_use": "marketing.communications.email",
                 "data_categories": ["user.contact.email"], "egress": ["mailer"], "retention_period": 30}
             ]},
            {"fides_key": "mailer", "name": "Mailer", "tags": ["email"]}
        ]
    })
}

/// The register without what fides has no field for (notes), for comparing round trips.
fn typed(mut register: ropa::Register) -> serde_json::Value {
    for a in &mut register.activities {
        a.notes.clear();
    }
    serde_json::to_value(&register).unwrap()
}

/// Issue 27, point 6: fides -> ropa -> fides keeps every fides field ropa types: the manifest
/// ropa writes reads back into the same register.
#[test]
fn a_manifest_round_trips_through_the_register() {
    for file in [
        EVERYTHING,
        "tests/fixtures/fides/demo_system.yml",
        "tests/fixtures/fides/demo_organization.yml",
    ] {
        let first = import_path(file, 1 << 20).unwrap().register;
        let manifest = ropa::fides::to_manifest(&first);
        let second = import_str(&manifest.to_string(), "back.json", true)
            .unwrap()
            .register;
        let mut first = typed(first);
        let second = typed(second);
        // Notes on the organisation (fields fides's organisation has and ropa does not) are kept
        // in its description on import and not written back.
        if file.ends_with("demo_organization.yml") {
            first["parties"][0]["description"] = second["parties"][0]["description"].clone();
        }
        assert_eq!(first, second, "{file}");
    }
}

#[test]
fn every_example_register_exports_a_manifest_of_its_activities() {
    for entry in std::fs::read_dir("examples/data").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let register = ropa::from_path(&path).unwrap();
        let manifest = ropa::fides::to_manifest(&register);
        let systems = manifest["system"].as_array().unwrap();
        assert_eq!(
            systems.len(),
            register.activities.len(),
            "{}",
            path.display()
        );
        for (system, activity) in systems.iter().zip(&register.activities) {
            let declarations = system["privacy_declarations"].as_array().unwrap();
            // A declaration per purpose; one for an activity with data but no purpose.
            let expected = match (activity.purposes.len(), activity.data_categories.is_empty()) {
                (0, true) => 0,
                (0, false) => 1,
                (n, _) => n,
            };
            assert_eq!(declarations.len(), expected, "{}", activity.name);
            // Every key a declaration uses is fides's or declared by the manifest.
            for d in declarations {
                let use_key = d["data_use"].as_str().unwrap();
                let declared = |kind: &str, key: &str| {
                    manifest[kind]
                        .as_array()
                        .is_some_and(|list| list.iter().any(|r| r["fides_key"] == key))
                };
                let fides = |field, key: &str| {
                    ropa::TaxonomyKey::new(field, format!("fides:{key}")).is_ok()
                };
                assert!(
                    fides(ropa::TaxonomyField::Purpose, use_key) || declared("data_use", use_key),
                    "{use_key}"
                );
                for key in d["data_categories"].as_array().unwrap() {
                    let key = key.as_str().unwrap();
                    assert!(
                        fides(ropa::TaxonomyField::DataCategory, key)
                            || declared("data_category", key),
                        "{key}"
                    );
                }
            }
        }
    }
    // The same register gives the same manifest.
    let register = ropa::from_path("examples/data/northfield-research-processor.json").unwrap();
    assert_eq!(
        ropa::fides::to_manifest(&register),
        ropa::fides::to_manifest(&register)
    );
}

/// A manifest of one declaration with `n` data categories (fides keys and keys of its own).
fn wide_manifest(n: usize) -> String {
    let keys = ["user.contact.email", "user.name", "user.health_and_medical"];
    let mut text = String::from(
        "system:\n  - fides_key: big\n    name: Big\n    ingress: [{fides_key: user, type: user}]\n    privacy_declarations:\n      - name: One\n        data_use: essential.service\n        data_categories:\n",
    );
    for i in 0..n {
        match keys.get(i) {
            Some(key) => text.push_str(&format!("          - {key}\n")),
            // Longer than any key is compared for a hint, so that the hints' cost, constant per
            // key but large, does not hide the growth of the rest.
            None => text.push_str(&format!(
                "          - own.category{i}.{}\n",
                "x".repeat(200)
            )),
        }
    }
    text
}

/// The best CPU time of `runs` runs of `work`.
fn best_of(runs: usize, mut work: impl FnMut()) -> std::time::Duration {
    (0..runs)
        .map(|_| {
            let start = cpu_time::ThreadTime::now();
            work();
            start.elapsed()
        })
        .min()
        .unwrap()
}

/// The best times of import, fides export and DPV export of `text`, over `runs` runs each.
fn import_and_export_times(text: &str, runs: usize) -> [std::time::Duration; 3] {
    let mut register = None;
    let import = best_of(runs, || {
        register = Some(import_str(text, "big.yml", false).unwrap())
    });
    let register = register.unwrap().register;
    assert_eq!(register.activities[0].data_categories.len() % 1000, 0);
    let fides = best_of(runs, || drop(ropa::fides::to_manifest(&register)));
    let dpv = best_of(runs, || drop(ropa::dpv::to_json_ld(&register)));
    [import, fides, dpv]
}

/// One declaration of many categories is a manifest too: import, fides export and DPV export
/// grow linearly (4 times the categories, at most 6 times the time). CPU time, best of three
/// runs; over the bound, measured again with nine before it fails, as the growth test does, so
/// that a loaded machine does not fail it.
#[test]
fn import_and_exports_grow_linearly_in_the_categories_of_one_declaration() {
    let (small, large) = (wide_manifest(1000), wide_manifest(4000));
    let ratios = |runs| {
        let (t1, t4) = (
            import_and_export_times(&small, runs),
            import_and_export_times(&large, runs),
        );
        let floor = std::time::Duration::from_micros(200);
        let ratio = |i: usize| t4[i].max(floor).as_secs_f64() / t1[i].max(floor).as_secs_f64();
        ([ratio(0), ratio(1), ratio(2)], t1, t4)
    };
    let mut measured = ratios(3);
    if measured.0.iter().any(|r| *r >= 6.0) {
        measured = ratios(9);
    }
    let (ratio, t1, t4) = measured;
    for (i, what) in ["import", "fides export", "DPV export"].iter().enumerate() {
        assert!(
            ratio[i] < 6.0,
            "{what}: {:?} -> {:?} ({:.1}x)",
            t1[i],
            t4[i],
            ratio[i]
        );
    }
}
