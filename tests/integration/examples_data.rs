//! Every register in examples/data parses and round-trips byte for byte.

use std::path::PathBuf;

pub fn example_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data"))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == "json"))
            .collect();
    files.sort();
    files
}

#[test]
fn the_six_example_registers_are_there() {
    let names: Vec<String> = example_files()
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    for seed in [
        "kent-mens-antenatal-pilot.json",
        "kent-parent-carer-panel.json",
        "parents-1st-peer-support.json",
        "kent-medway-domestic-abuse-website.json",
        "doncaster-peer-support-groups.json",
    ] {
        assert!(names.iter().any(|n| n == seed), "missing {seed}");
    }
    assert!(names.len() >= 6);
}

#[test]
fn every_example_round_trips_byte_for_byte() {
    for file in example_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        let register = ropa::from_path(&file).unwrap_or_else(|e| panic!("{e}"));
        let written = ropa::to_string(&register).unwrap();
        assert!(
            written == text,
            "{} does not round-trip; run `cargo run --example format -- {}`",
            file.display(),
            file.display()
        );
        assert_eq!(
            ropa::from_str(&written).unwrap(),
            register,
            "{}",
            file.display()
        );
        let mut buffer = Vec::new();
        ropa::to_writer(&mut buffer, &register).unwrap();
        assert_eq!(buffer, text.as_bytes());
        assert_eq!(ropa::from_reader(text.as_bytes()).unwrap(), register);
    }
}

#[test]
fn the_processor_register_has_an_article_30_2_record() {
    let register = ropa::from_path(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/northfield-research-processor.json"
    ))
    .unwrap();
    let processing: Vec<_> = register
        .activities
        .iter()
        .filter(|a| a.role == ropa::ActivityRole::Processor)
        .collect();
    assert_eq!(processing.len(), 2);
    let controllers: Vec<&str> = processing
        .iter()
        .flat_map(|a| a.on_behalf_of.iter().map(|o| o.controller.as_str()))
        .collect();
    assert_eq!(controllers, ["harbourside", "westmoor"]);
}

#[test]
fn seed_facts_have_their_place() {
    let doncaster = ropa::from_path(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/doncaster-peer-support-groups.json"
    ))
    .unwrap();
    let activity = &doncaster.activities[0];
    let condition = &activity.special_category_conditions[0];
    assert_eq!(condition.schedule_1_part, Some(ropa::Schedule1Part::Part2));
    assert_eq!(condition.schedule_1_paragraph, None);
    // Publication on YouTube is a disclosure to the public (Lindqvist); the transfer is the
    // upload to the platform's operator in the United States.
    let public = activity
        .recipients
        .iter()
        .find(|r| r.id.as_str() == "the-public")
        .unwrap();
    assert_eq!(public.role, Some(ropa::RecipientRole::Public));
    assert_eq!(public.party, None);
    let transfer = &activity.transfers[0];
    assert_eq!(transfer.destination, ropa::TransferDestination::Country);
    assert_eq!(transfer.country, Some(ropa::CountryCode::US));
    assert_eq!(
        transfer.recipient.as_ref().map(|r| r.as_str()),
        Some("youtube")
    );
    assert_eq!(
        transfer.derogation,
        Some(ropa::Article49Derogation::ExplicitConsent)
    );

    let parents = ropa::from_path(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/parents-1st-peer-support.json"
    ))
    .unwrap();
    let activity = &parents.activities[0];
    assert!(activity.has_special_category_data());
    assert!(
        activity.special_category_conditions.is_empty(),
        "the notice names no Art 9 condition"
    );
    let consent = activity.purposes[0].lawful_bases[0]
        .consent
        .as_ref()
        .unwrap();
    assert_eq!(consent.form, Some(ropa::ConsentForm::Implied));
    let indefinite = &activity.retention[1].retention;
    assert!(indefinite.indefinite);
    assert_eq!(
        indefinite.review_interval.map(|d| d.to_string()),
        Some("P1Y".to_owned())
    );

    let kent = ropa::from_path(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/kent-mens-antenatal-pilot.json"
    ))
    .unwrap();
    let rule = &kent.activities[0].retention[0];
    assert_eq!(
        rule.retention.until,
        chrono::NaiveDate::from_ymd_opt(2024, 4, 30)
    );
    assert!(
        rule.wording
            .as_deref()
            .unwrap()
            .contains("until April 2024")
    );
}

/// The notices encoded in format 1.1 keep each fact of the list in its typed place.
#[test]
fn format_1_1_notices_have_their_facts_typed() {
    let load = |name: &str| {
        ropa::from_path(format!(
            "{}/examples/data/{name}.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    };
    let brighton = load("brighton-hove-govuk-notify");
    assert_eq!(
        brighton.recipients[0].role,
        Some(ropa::RecipientRole::Processor)
    );
    let rules = &brighton.activities[0].retention;
    let held: Vec<&str> = rules
        .iter()
        .filter_map(|r| r.held_by.as_ref().map(|p| p.as_str()))
        .collect();
    assert_eq!(held, ["notify", "mmg", "firetext", "mblox"]);
    assert_eq!(rules[0].retention.bound, Some(ropa::PeriodBound::Within));
    assert!(
        brighton
            .party(&"mmg".into())
            .unwrap()
            .registrations
            .iter()
            .any(|r| r.kind == ropa::RegistrationKind::Company && r.number == "7527443")
    );

    let notify = load("govuk-notify");
    let senders = notify.party(&"senders".into()).unwrap();
    assert!(senders.class);
    assert_eq!(
        notify.activities[0].on_behalf_of[0].controller.as_str(),
        "senders"
    );
    let accounts = &notify.activities[1];
    assert_eq!(
        accounts.lawful_bases[0].basis,
        ropa::Article6Basis::PublicTask
    );
    let closure = &accounts.retention[0].retention;
    assert_eq!(
        closure.trigger,
        Some(ropa::RetentionTrigger::AccountClosure)
    );
    assert_eq!(closure.bound, Some(ropa::PeriodBound::Within));
    assert_eq!(
        notify.organisation().unwrap().registrations[0].kind,
        ropa::RegistrationKind::IcoRegistration
    );

    let cop26 = load("ukcop26-website");
    let activity = &cop26.activities[0];
    assert!(
        activity
            .data_categories
            .iter()
            .all(|c| !c.lawful_bases.is_empty())
    );
    assert_eq!(
        activity.retention[0].retention.or_earlier_at,
        [ropa::RetentionTrigger::ErasureRequest]
    );
    assert_eq!(cop26.recipients.len(), 2);
    let open_notes = load("gds-open-notes-newsletter");
    let activity = &open_notes.activities[0];
    assert_eq!(activity.transfers[0].region, Some(ropa::Region::OutsideUk));
    assert!(activity.purposes[1].opt_out.is_some());
    assert_eq!(
        activity.retention[0].retention.trigger,
        Some(ropa::RetentionTrigger::ConsentWithdrawal)
    );
    let report = ropa::validate(&open_notes, &ropa::ValidationOptions::default());
    assert!(report.of_rule("missing-retention").next().is_none());
    assert!(
        report
            .of_rule("transfer-destination-unnamed")
            .next()
            .is_some()
    );
    let mennecy = load("mennecy-mentions-legales");
    assert_eq!(
        mennecy.member_state.map(|c| c.to_string()),
        Some("FR".to_owned())
    );
    assert_eq!(mennecy.regime, Some(ropa::Regime::EuGdpr));
    let localeo = mennecy.party(&"localeo".into()).unwrap();
    assert_eq!(localeo.registrations[0].number, "813 058 542");
    assert_eq!(
        mennecy.recipients[0].party.as_ref().map(|p| p.as_str()),
        Some("localeo")
    );
    let letter = &mennecy.activities[1];
    assert!(letter.purposes[0].opt_out.is_some());
    assert_eq!(
        letter.retention[0].retention.bound,
        Some(ropa::PeriodBound::Within)
    );
    let report = ropa::validate(&cop26, &ropa::ValidationOptions::default());
    assert!(
        report
            .of_rule("purpose-without-lawful-basis")
            .next()
            .is_none(),
        "a basis for every category covers every purpose"
    );
}
