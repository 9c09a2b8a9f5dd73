//! DPV out (issue 27, point 5): each activity a `dpv:Process`, every term one DPV defines, the
//! `@context` inline.

use serde_json::Value;

/// Every compact IRI the output uses: property names and the values of `@type` and `@id`.
fn curies(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                if key != "@context" {
                    if !key.starts_with('@') {
                        out.push(key.clone());
                    }
                    if key == "@type" || key == "@id" {
                        match v {
                            Value::String(s) => out.push(s.clone()),
                            Value::Array(items) => out
                                .extend(items.iter().filter_map(|i| i.as_str().map(str::to_owned))),
                            _ => {}
                        }
                    }
                    curies(v, out);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|i| curies(i, out)),
        _ => {}
    }
}

#[test]
fn every_term_of_every_example_s_export_is_one_dpv_defines() {
    let mut checked = 0;
    for entry in std::fs::read_dir("examples/data").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let register = ropa::from_path(&path).unwrap();
        let graph = ropa::dpv::to_json_ld(&register);
        let context = graph["@context"].as_object().unwrap();
        let mut found = Vec::new();
        curies(&graph, &mut found);
        for curie in found {
            if curie.starts_with("urn:ropa:") || curie.starts_with("@") {
                continue;
            }
            let (prefix, _) = curie.split_once(':').unwrap_or_else(|| panic!("{curie}"));
            assert!(
                context.contains_key(prefix),
                "{curie}: no prefix in the context"
            );
            let standard = matches!(prefix, "dct" | "rdf" | "xsd");
            assert!(
                standard || ropa::dpv::defines(&curie),
                "{}: {curie}",
                path.display()
            );
            checked += 1;
        }
        let processes = graph["@graph"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| {
                n["@type"] == "dpv:Process" && n["@id"].as_str().unwrap().matches(':').count() == 2
            })
            .count();
        assert_eq!(processes, register.activities.len(), "{}", path.display());
    }
    assert!(checked > 500, "{checked}");
}

#[test]
fn the_law_s_terms_carry_the_register_s_facts() {
    let register = ropa::from_path("examples/data/northfield-research-processor.json").unwrap();
    let graph = ropa::dpv::to_json_ld(&register);
    let nodes = graph["@graph"].as_array().unwrap();
    let survey = &nodes[0];
    // A processor's activity: the organisation processes, the council controls.
    assert_eq!(
        survey["dpv:hasDataProcessor"]["@id"],
        "urn:ropa:party:northfield"
    );
    assert_eq!(
        survey["dpv:hasDataController"][0]["@id"],
        "urn:ropa:party:harbourside"
    );
    assert_eq!(survey["dpv:hasApplicableLaw"]["@id"], "legal-gb:law-GDPR");
    // Special category data by its pd: key; transfers with country.
    let data = survey["dpv:hasPersonalData"].as_array().unwrap();
    assert!(data.iter().any(|d| d["@type"][0] == "pd:Disability"));
    assert_eq!(
        survey["dpv:hasProcess"][0]["dpv:hasThirdCountry"]["@id"],
        "loc:US"
    );
    let staff = &nodes[2];
    let bases: Vec<&str> = staff["dpv:hasLegalBasis"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["@id"].as_str().unwrap())
        .collect();
    assert_eq!(
        bases,
        ["eu-gdpr:A6-1-b", "eu-gdpr:A6-1-c", "eu-gdpr:A9-2-b"]
    );
    let purpose = &staff["dpv:hasPurpose"][0];
    assert_eq!(purpose["@type"][0], "dpv:HumanResourceManagement");
    let retention = &staff["dpv:hasStorageCondition"][0];
    assert_eq!(retention["@type"], "dpv:StorageDuration");
    // Parties are nodes with their names.
    assert!(nodes.iter().any(|n| n["@id"] == "urn:ropa:party:northfield"
        && n["dpv:hasName"] == "Northfield Research Ltd"));
    // The same register gives the same graph; a hostile id stays inside its IRI.
    assert_eq!(graph, ropa::dpv::to_json_ld(&register));
    let mut hostile = register.clone();
    hostile.activities[0].id = "a b>\"<#x".into();
    let graph = ropa::dpv::to_json_ld(&hostile);
    assert_eq!(graph["@graph"][0]["@id"], "urn:ropa:a%20b%3E%22%3C%23x");
}
