//! Taxonomy keys (issue 27, point 1): checked against fideslang and DPV where the prefix is
//! known, kept as written where not, with a parse error naming the key's place where wrong.

use ropa::{DataCategory, Purpose, TaxonomyField, TaxonomyKey};

fn register_with(category_keys: &str, purpose_keys: &str, subject_keys: &str) -> String {
    format!(
        r#"{{
  "schema_version": "1.1",
  "organisation": "org",
  "parties": [ {{ "id": "org", "name": "Org", "kind": "company" }} ],
  "activities": [
    {{
      "id": "a",
      "name": "Newsletter",
      "role": "controller",
      "purposes": [ {{ "id": "p", "description": "Sending the newsletter", "taxonomy": {purpose_keys} }} ],
      "data_subjects": [ {{ "id": "s", "name": "Subscribers", "taxonomy": {subject_keys} }} ],
      "data_categories": [
        {{ "id": "c", "name": "Email address", "taxonomy": {category_keys} }}
      ]
    }}
  ]
}}"#
    )
}

#[test]
fn keys_round_trip_on_categories_purposes_and_subjects() {
    let text = register_with(
        r#"["fides:user.contact.email", "pd:EmailAddress", "acme:contact"]"#,
        r#"["fides:marketing.communications.email", "dpv:Marketing"]"#,
        r#"["fides:customer", "dpv:Subscriber"]"#,
    );
    let register = ropa::from_str(&text).unwrap();
    let a = &register.activities[0];
    let keys = |k: &[TaxonomyKey]| k.iter().map(|k| k.as_str().to_owned()).collect::<Vec<_>>();
    assert_eq!(
        keys(&a.data_categories[0].taxonomy),
        [
            "fides:user.contact.email",
            "pd:EmailAddress",
            "acme:contact"
        ]
    );
    assert_eq!(
        keys(&a.purposes[0].taxonomy),
        ["fides:marketing.communications.email", "dpv:Marketing"]
    );
    assert_eq!(
        keys(&a.data_subjects[0].taxonomy),
        ["fides:customer", "dpv:Subscriber"]
    );
    let again = ropa::from_str(&ropa::to_string(&register).unwrap()).unwrap();
    assert_eq!(again, register);
    // null is no keys, as for every list.
    let register = ropa::from_str(&register_with("null", "null", "[]")).unwrap();
    assert!(
        register.activities[0].data_categories[0]
            .taxonomy
            .is_empty()
    );
}

#[test]
fn an_unknown_key_under_a_known_prefix_is_an_error_at_its_place_with_a_hint() {
    for (text, pointer, says) in [
        (
            register_with(
                r#"["pd:EmailAddress", "fides:user.helth_and_medical"]"#,
                "[]",
                "[]",
            ),
            "/activities/0/data_categories/0/taxonomy/1",
            "did you mean `fides:user.health_and_medical`?",
        ),
        (
            register_with("[]", r#"["fides:user.contact"]"#, "[]"),
            "/activities/0/purposes/0/taxonomy/0",
            "it is a key for a data category, not for a purpose",
        ),
        (
            register_with("[]", "[]", r#"["dpv:Custmer"]"#),
            "/activities/0/data_subjects/0/taxonomy/0",
            "did you mean `dpv:Customer`?",
        ),
        (
            register_with(r#"["health"]"#, "[]", "[]"),
            "/activities/0/data_categories/0/taxonomy/0",
            "write it as prefix:key",
        ),
    ] {
        let error = ropa::from_str(&text).unwrap_err();
        assert_eq!(error.pointer(), Some(pointer), "{error}");
        let (line, _) = error.line_column().unwrap();
        assert!(line > 1, "{error}");
        assert!(error.to_string().contains(says), "{error}");
    }
}

#[test]
fn a_taxonomy_of_the_wrong_shape_says_what_was_expected() {
    for (keys, says) in [
        ("5", "expected a list of taxonomy keys or null"),
        (
            "[5]",
            "expected a taxonomy key such as \"fides:user.contact\"",
        ),
    ] {
        let error = ropa::from_str(&register_with(keys, "[]", "[]")).unwrap_err();
        assert!(error.to_string().contains(says), "{keys}: {error}");
    }
}

#[test]
fn builders_take_checked_keys() {
    let key = TaxonomyKey::new(TaxonomyField::DataCategory, "fides:user.name").unwrap();
    let category = DataCategory::new("c", "Name").with_taxonomy(key.clone());
    assert_eq!(category.taxonomy, [key]);
    let use_key = TaxonomyKey::new(TaxonomyField::Purpose, "fides:essential.service").unwrap();
    let purpose = Purpose::new("p", "Service").with_taxonomy(use_key.clone());
    assert_eq!(purpose.taxonomy, [use_key]);
    let subject = TaxonomyKey::new(TaxonomyField::DataSubject, "fides:employee").unwrap();
    let category = ropa::DataSubjectCategory::new("s", "Staff").with_taxonomy(subject.clone());
    assert_eq!(category.taxonomy, [subject]);
}

fn category_key(text: &str) -> TaxonomyKey {
    TaxonomyKey::new(TaxonomyField::DataCategory, text).unwrap()
}

/// The severity of each taxonomy finding on `register`, with its rule.
fn taxonomy_findings(register: &ropa::Register) -> Vec<(String, ropa::Severity)> {
    super::rules::run(register)
        .findings
        .iter()
        .filter(|f| f.rule.starts_with("taxonomy-"))
        .map(|f| (f.rule.to_string(), f.severity))
        .collect()
}

/// Issue 27, point 2: an error where the record shows special category or criminal offence
/// data processed with nothing to allow it, a warning where only the marking is missing.
#[test]
fn a_key_naming_special_or_criminal_data_on_an_unmarked_category_is_found() {
    use ropa::Severity::{Error, Warning};
    let special = "taxonomy-special-category-unmarked".to_owned();
    let criminal = "taxonomy-criminal-offence-unmarked".to_owned();
    // The base register's activity records an Art 9(2) condition: the marking is what is missing.
    let mut register = super::rules::base();
    register.activities[0].data_categories[0].taxonomy = vec![category_key("pd:MentalHealth")];
    assert_eq!(taxonomy_findings(&register), [(special.clone(), Warning)]);
    // With no condition, the record shows health data processed with none: an error.
    register.activities[0].special_category_conditions.clear();
    register.activities[0].data_categories.truncate(1);
    assert_eq!(taxonomy_findings(&register), [(special.clone(), Error)]);
    let message = super::rules::run(&register)
        .findings
        .into_iter()
        .find(|f| f.rule == "taxonomy-special-category-unmarked")
        .unwrap()
        .message;
    assert!(
        message.contains("'pd:MentalHealth', which names special category data (health)"),
        "{message}"
    );
    // A processor's activity: the controller holds the condition; the marking is the gap.
    register.activities[0].role = ropa::ActivityRole::Processor;
    assert_eq!(taxonomy_findings(&register), [(special.clone(), Warning)]);
    register.activities[0].role = ropa::ActivityRole::Controller;
    // Biometric data is special only where used to identify: a warning, saying so.
    register.activities[0].data_categories[0].taxonomy =
        vec![category_key("fides:user.biometric.fingerprint")];
    assert_eq!(taxonomy_findings(&register), [(special.clone(), Warning)]);
    // A key DPV types special of no stated kind.
    register.activities[0].data_categories[0].taxonomy =
        vec![category_key("dpv:SpecialCategoryPersonalData")];
    assert_eq!(taxonomy_findings(&register), [(special.clone(), Error)]);
    // "May include special category data" is a marking: nothing to find.
    register.activities[0].data_categories[0].may_include_special_category = true;
    assert_eq!(taxonomy_findings(&register), []);
    register.activities[0].data_categories[0].may_include_special_category = false;

    // Criminal offence data: an error with no Art 10 authority, a warning with one.
    register.activities[0].data_categories[0].taxonomy =
        vec![category_key("pd:CriminalConviction")];
    assert_eq!(taxonomy_findings(&register), [(criminal.clone(), Error)]);
    register.activities[0].role = ropa::ActivityRole::Processor;
    assert_eq!(taxonomy_findings(&register), [(criminal.clone(), Warning)]);
    register.activities[0].role = ropa::ActivityRole::Controller;
    register.activities[0]
        .criminal_offence_conditions
        .push(ropa::CriminalOffenceCondition::new(
            ropa::CriminalOffenceAuthority::OfficialAuthority,
        ));
    assert_eq!(taxonomy_findings(&register), [(criminal, Warning)]);
    // Keys of ordinary data and of unknown prefixes say nothing.
    register.activities[0].data_categories[0].taxonomy = vec![
        category_key("fides:user.contact.email"),
        category_key("acme:health"),
    ];
    assert_eq!(taxonomy_findings(&register), []);
}
