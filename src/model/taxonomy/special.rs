//! What a taxonomy key says of the data: special category data of one of Art 9(1)'s kinds, or
//! criminal offence data (Art 10), so that validation can compare it with what the register marks.

use super::{DPV_PD, FIDES_DATA_CATEGORIES, TaxonomyKey, Term};
use crate::model::SpecialCategoryKind;

/// The kind of data a taxonomy key names, where the law treats it apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyedKind {
    /// Special category data of this kind (Art 9(1)).
    Special(SpecialCategoryKind),
    /// Special category data whose kind the key does not say (`dpv:SpecialCategoryPersonalData`).
    SpecialOfUnstatedKind,
    /// Personal data relating to criminal convictions and offences (Art 10).
    CriminalOffence,
}

/// fideslang keys, each with what it and every key under it is; a key's own entry wins over
/// its parent's (`user.biometric.health` is health data, `user.health_and_medical.genetic` genetic).
const FIDES: &[(&str, KeyedKind)] = {
    use KeyedKind::*;
    use SpecialCategoryKind::*;
    &[
        ("user.authorization.biometric", Special(Biometric)),
        ("user.biometric", Special(Biometric)),
        ("user.biometric.health", Special(Health)),
        ("user.criminal_history", CriminalOffence),
        (
            "user.demographic.political_opinion",
            Special(PoliticalOpinions),
        ),
        (
            "user.demographic.race_ethnicity",
            Special(RacialOrEthnicOrigin),
        ),
        (
            "user.demographic.religious_belief",
            Special(ReligiousOrPhilosophicalBeliefs),
        ),
        (
            "user.demographic.sexual_orientation",
            Special(SexLifeOrSexualOrientation),
        ),
        ("user.health_and_medical", Special(Health)),
        ("user.health_and_medical.genetic", Special(Genetic)),
    ]
};

/// DPV `pd:` terms, each with what it and every term under it is, nearest first as for fides.
/// DPV types `Ethnicity` as personal data only, though its narrower terms are special category
/// data; racial or ethnic origin is special category data in Art 9(1), so it is listed here.
const PD: &[(&str, KeyedKind)] = {
    use KeyedKind::*;
    use SpecialCategoryKind::*;
    &[
        ("Biometric", Special(Biometric)),
        ("Criminal", CriminalOffence),
        ("DNACode", Special(Genetic)),
        ("Ethnicity", Special(RacialOrEthnicOrigin)),
        ("Genetic", Special(Genetic)),
        ("MedicalHealth", Special(Health)),
        (
            "PhilosophicalBelief",
            Special(ReligiousOrPhilosophicalBeliefs),
        ),
        ("PoliticalAffiliation", Special(PoliticalOpinions)),
        ("PoliticalOpinion", Special(PoliticalOpinions)),
        ("Religion", Special(ReligiousOrPhilosophicalBeliefs)),
        ("ReligiousBelief", Special(ReligiousOrPhilosophicalBeliefs)),
        ("Sexual", Special(SexLifeOrSexualOrientation)),
        ("TradeUnionMembership", Special(TradeUnionMembership)),
    ]
};

/// What `key` (on a data category) says the data is, where it is special category or criminal
/// offence data; `None` for other data and for prefixes ropa does not know.
///
/// ```
/// use ropa::{KeyedKind, SpecialCategoryKind, TaxonomyField, TaxonomyKey, keyed_kind};
/// let key = |k| TaxonomyKey::new(TaxonomyField::DataCategory, k).unwrap();
/// assert_eq!(
///     keyed_kind(&key("fides:user.health_and_medical.record_id")),
///     Some(KeyedKind::Special(SpecialCategoryKind::Health))
/// );
/// assert_eq!(keyed_kind(&key("pd:CriminalConviction")), Some(KeyedKind::CriminalOffence));
/// assert_eq!(keyed_kind(&key("fides:user.contact.email")), None);
/// ```
pub fn keyed_kind(key: &TaxonomyKey) -> Option<KeyedKind> {
    match key.prefix() {
        "fides" => nearest_listed(key.key(), FIDES_DATA_CATEGORIES, FIDES),
        "pd" | "dpv-pd" => nearest_listed(key.key(), DPV_PD, PD).or_else(|| {
            term(DPV_PD, key.key())
                .filter(|t| t.kind == "SpecialCategoryPersonalData")
                .map(|_| KeyedKind::SpecialOfUnstatedKind)
        }),
        "dpv" => {
            (key.key() == "SpecialCategoryPersonalData").then_some(KeyedKind::SpecialOfUnstatedKind)
        }
        _ => None,
    }
}

fn term(terms: &'static [Term], key: &str) -> Option<&'static Term> {
    terms
        .binary_search_by(|t| t.key.cmp(key))
        .ok()
        .map(|i| &terms[i])
}

/// The entry of `listed` for `key` or its nearest broader term. The walk is bounded by the
/// table's size, so a cycle in a source could not make it loop.
fn nearest_listed(
    key: &str,
    terms: &'static [Term],
    listed: &[(&str, KeyedKind)],
) -> Option<KeyedKind> {
    let mut current = Some(key);
    for _ in 0..=terms.len() {
        let here = current?;
        if let Some((_, kind)) = listed.iter().find(|(k, _)| *k == here) {
            return Some(*kind);
        }
        current = term(terms, here).and_then(|t| t.parent);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::taxonomy::TaxonomyField;

    fn kind(key: &str) -> Option<KeyedKind> {
        keyed_kind(&TaxonomyKey::new(TaxonomyField::DataCategory, key).unwrap())
    }

    #[test]
    fn every_listed_key_is_in_its_taxonomy() {
        for (key, _) in FIDES {
            assert!(term(FIDES_DATA_CATEGORIES, key).is_some(), "{key}");
        }
        for (key, _) in PD {
            assert!(term(DPV_PD, key).is_some(), "{key}");
        }
    }

    #[test]
    fn keys_name_their_kind_through_their_nearest_listed_ancestor() {
        use KeyedKind::*;
        use SpecialCategoryKind::*;
        for (key, expected) in [
            ("fides:user.health_and_medical", Some(Special(Health))),
            (
                "fides:user.health_and_medical.insurance_beneficiary_id",
                Some(Special(Health)),
            ),
            (
                "fides:user.health_and_medical.genetic",
                Some(Special(Genetic)),
            ),
            ("fides:user.biometric.fingerprint", Some(Special(Biometric))),
            ("fides:user.biometric.health", Some(Special(Health))),
            (
                "fides:user.demographic.race_ethnicity",
                Some(Special(RacialOrEthnicOrigin)),
            ),
            ("fides:user.criminal_history", Some(CriminalOffence)),
            ("fides:user.demographic", None),
            ("fides:user", None),
            ("pd:HealthRecord", Some(Special(Health))),
            ("dpv-pd:MentalHealth", Some(Special(Health))),
            ("pd:Genetic", Some(Special(Genetic))),
            ("pd:DNACode", Some(Special(Genetic))),
            ("pd:Race", Some(Special(RacialOrEthnicOrigin))),
            ("pd:Fingerprint", Some(Special(Biometric))),
            (
                "pd:SexualHistory",
                Some(Special(SexLifeOrSexualOrientation)),
            ),
            (
                "pd:TradeUnionMembership",
                Some(Special(TradeUnionMembership)),
            ),
            ("pd:CriminalCharge", Some(CriminalOffence)),
            ("pd:EmailAddress", None),
            (
                "dpv:SpecialCategoryPersonalData",
                Some(SpecialOfUnstatedKind),
            ),
            ("dpv:SensitivePersonalData", None),
            ("acme:health", None),
        ] {
            assert_eq!(kind(key), expected, "{key}");
        }
    }

    #[test]
    fn a_special_pd_term_no_entry_covers_is_special_of_unstated_kind() {
        // Every pd term DPV types as special category data is covered by the list or reported as
        // of unstated kind: none is taken for ordinary data.
        for t in DPV_PD
            .iter()
            .filter(|t| t.kind == "SpecialCategoryPersonalData")
        {
            assert!(kind(&format!("pd:{}", t.key)).is_some(), "{}", t.key);
        }
        assert_eq!(nearest_listed("NoSuchTerm", DPV_PD, PD), None);
    }
}
