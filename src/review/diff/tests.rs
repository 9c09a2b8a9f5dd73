use serde_json::json;

use super::keys::{Keying, canonical, match_items};
use super::*;

#[test]
fn places_are_named_by_ids_keys_and_content_whatever_the_order() {
    let old = json!({"activities": [
        {"id": "a", "retention": [{"data_categories": ["x"]}, {"data_categories": ["y"]}],
         "notes": ["n1", "n2", "n1"], "dpia": {}},
        {"id": "b"}
    ]});
    let new = json!({"activities": [
        {"id": "b"},
        {"id": "a", "retention": [{"data_categories": ["y"]}, {"data_categories": ["x"]}],
         "notes": ["n1", "n1", "n2"], "dpia": {}}
    ]});
    let (mut o, mut n) = (Places::new(&old), Places::new(&new));
    for (old_pointer, new_pointer) in [
        ("/activities/0/retention/1", "/activities/1/retention/0"),
        ("/activities/0/notes/2", "/activities/1/notes/1"),
        ("/activities/0/notes/1", "/activities/1/notes/2"),
        ("/activities/1", "/activities/0"),
    ] {
        assert_eq!(
            o.stable(old_pointer),
            n.stable(new_pointer),
            "{old_pointer}"
        );
    }
    assert_eq!(
        o.stable("/activities/0/notes/2"),
        "/activities/[id=a]/notes/[\"n1\"]#2"
    );
    assert_ne!(
        o.stable("/activities/0/notes/0"),
        o.stable("/activities/0/notes/2")
    );
    // Past what the register holds, the rest of the pointer is kept as it is.
    assert_eq!(
        o.stable("/activities/0/dpia/document/x~1y"),
        "/activities/[id=a]/dpia/document/x~1y"
    );
    assert_eq!(o.stable("/activities/7/name"), "/activities/7/name");
    assert_eq!(o.stable(""), "");
    // An id with `/` or `~` stays one token.
    let odd = json!({"parties": [{"id": "a/b~c"}]});
    assert_eq!(
        Places::new(&odd).stable("/parties/0"),
        "/parties/[id=a~1b~0c]"
    );
}

#[test]
fn canonical_ignores_the_order_of_keys_and_lists_only() {
    let a = json!({"b": [1, 2, {"y": 1, "x": [3, 4]}], "a": "s"});
    let b = json!({"a": "s", "b": [{"x": [4, 3], "y": 1}, 2, 1]});
    assert_eq!(canonical(&a), canonical(&b));
    assert_eq!(canonical(&a), r#"{"a":"s","b":[1,2,{"x":[3,4],"y":1}]}"#);
    assert_ne!(canonical(&json!([1, 1, 2])), canonical(&json!([1, 2, 2])));
    assert_ne!(canonical(&json!(["1"])), canonical(&json!([1])));
}

fn reversed(value: &Value) -> Value {
    match value {
        Value::Array(items) => Value::Array(items.iter().rev().map(reversed).collect()),
        Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (k.clone(), reversed(v))).collect())
        }
        other => other.clone(),
    }
}

fn register_from(bytes: &[u8]) -> Option<Register> {
    use arbitrary::Arbitrary;
    Register::arbitrary(&mut arbitrary::Unstructured::new(bytes)).ok()
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Any two registers: no panic, every pointer names its value; a register against
    /// itself with every list reversed: no change, no finding moved.
    #[test]
    fn arbitrary_registers_diff_with_pointers_that_resolve(
        a in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..8192),
        b in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..8192),
    ) {
        let (Some(old), Some(new)) = (register_from(&a), register_from(&b)) else {
            return Ok(());
        };
        let options = ValidationOptions::default()
            .as_of(chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default());
        let d = diff_with_findings(&old, &new, &options);
        let (old_json, new_json) = (to_value(&old), to_value(&new));
        for change in &d.changes {
            if let Some(p) = &change.old_pointer {
                proptest::prop_assert_eq!(old_json.pointer(p), change.old_value.as_ref());
            }
            if let Some(p) = &change.new_pointer {
                proptest::prop_assert_eq!(new_json.pointer(p), change.new_value.as_ref());
            }
        }
        for format in DiffFormat::ALL {
            let _ = d.render_to_string(*format, "old", "new");
        }
        let again: Register = serde_json::from_value(reversed(&old_json)).unwrap();
        let same = diff(&old, &again);
        proptest::prop_assert!(same.is_empty(), "{:#?}", same.changes);
    }
}

#[test]
fn items_sharing_an_id_pair_with_their_equals_first() {
    let a = json!({"id": "x", "name": "A"});
    let b = json!({"id": "x", "name": "B"});
    let pairs = match_items(Keying::Id, &[a.clone(), b.clone()], &[b, a]);
    assert_eq!(pairs, [(Some(1), Some(0)), (Some(0), Some(1))]);
    // Without repeats, by id alone: a changed item still pairs with its old self.
    let pairs = match_items(
        Keying::Id,
        &[json!({"id": "x", "name": "A"})],
        &[json!({"id": "x", "name": "B"})],
    );
    assert_eq!(pairs, [(Some(0), Some(0))]);
}

#[test]
fn duplicates_pair_in_order_and_the_rest_are_added_or_removed() {
    let old = [json!("x"), json!("x"), json!("y")];
    let new = [json!("y"), json!("x"), json!("z"), json!("x"), json!("x")];
    let mut pairs = match_items(Keying::Scalar, &old, &new);
    pairs.sort();
    assert_eq!(
        pairs,
        [
            (None, Some(2)),
            (None, Some(4)),
            (Some(0), Some(1)),
            (Some(1), Some(3)),
            (Some(2), Some(0)),
        ]
    );
}

#[test]
fn a_place_stays_short_whatever_the_content_of_the_lists_it_passes() {
    let long: Vec<String> = (0..2000).map(|i| format!("category-{i}")).collect();
    let other: Vec<String> = (0..2000).map(|i| format!("category-{i}x")).collect();
    let register = json!({"activities": [{"id": "a", "retention": [
        {"data_categories": long}, {"data_categories": other}
    ]}]});
    let mut places = Places::new(&register);
    let first = places.stable("/activities/0/retention/0/data_categories/1999");
    let second = places.stable("/activities/0/retention/1/data_categories/1999");
    assert!(first.len() < 200, "{first}");
    assert!(
        first.starts_with("/activities/[id=a]/retention/[") && first.contains("category-0,"),
        "{first}"
    );
    assert!(first.contains('…'));
    assert_ne!(first, second, "the hash keeps long keys apart");
    assert_eq!(
        first,
        Places::new(&register).stable("/activities/0/retention/0/data_categories/1999")
    );
}

#[test]
fn the_place_hash_is_fnv1a_128() {
    // The published test vectors: a fingerprint must not change with the platform or version.
    assert_eq!(
        crate::model::text::fnv1a_128(b""),
        0x6c62_272e_07bb_0142_62b8_2175_6295_c58d
    );
    assert_eq!(
        crate::model::text::fnv1a_128(b"a"),
        0xd228_cb69_6f1a_8caf_7891_2b70_4e4a_8964
    );
}
