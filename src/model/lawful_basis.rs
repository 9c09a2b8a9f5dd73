//! Article 6 lawful bases, and what each basis needs recorded beside it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::DocumentId;
use crate::model::vocabulary::vocabulary;

vocabulary! {
    /// A condition of UK GDPR Annex 1: the recognised legitimate interest relied on under
    /// Art 6(1)(ea). Each is a purpose the law recognises, so no balancing test is needed, but the
    /// processing must be necessary for it, and the condition must be named (Art 13(1)(c)).
    pub enum Annex1Condition {
        /// Annex 1 para 1: disclosure to a person who asks for it and says they need it for a task
        /// carried out in the public interest or in the exercise of official authority (Art 6(1)(e)).
        PublicTaskDisclosure,
        /// Annex 1 para 2: safeguarding national security, protecting public security, or defence.
        NationalSecurityPublicSecurityDefence,
        /// Annex 1 para 3: responding to an emergency (Civil Contingencies Act 2004 s1).
        Emergencies,
        /// Annex 1 para 4: detecting, investigating or preventing crime, or apprehending or
        /// prosecuting offenders.
        Crime,
        /// Annex 1 para 5: safeguarding vulnerable individuals.
        SafeguardingVulnerableIndividuals,
    }
}

vocabulary! {
    /// A lawful basis of UK GDPR / EU GDPR Article 6(1).
    pub enum Article6Basis {
        /// Art 6(1)(a): the data subject has given consent for one or more specific purposes.
        Consent,
        /// Art 6(1)(b): necessary for a contract with the data subject, or steps before entering one.
        Contract,
        /// Art 6(1)(c): necessary for compliance with a legal obligation of the controller.
        LegalObligation,
        /// Art 6(1)(d): necessary to protect the vital interests of the data subject or another person.
        VitalInterests,
        /// Art 6(1)(e): necessary for a task in the public interest or in the exercise of official authority.
        PublicTask,
        /// Art 6(1)(ea), UK only: a recognised legitimate interest (UK GDPR Annex 1, inserted by the
        /// Data (Use and Access) Act 2025).
        RecognisedLegitimateInterest,
        /// Art 6(1)(f): necessary for legitimate interests not overridden by the data subject's interests.
        LegitimateInterests,
    }
}

impl Article6Basis {
    /// The point of Art 6(1) as cited, e.g. `"6(1)(a)"`.
    pub fn citation(self) -> &'static str {
        match self {
            Self::Consent => "6(1)(a)",
            Self::Contract => "6(1)(b)",
            Self::LegalObligation => "6(1)(c)",
            Self::VitalInterests => "6(1)(d)",
            Self::PublicTask => "6(1)(e)",
            Self::RecognisedLegitimateInterest => "6(1)(ea)",
            Self::LegitimateInterests => "6(1)(f)",
        }
    }

    /// A short human name, e.g. `"public task"`.
    pub fn label(self) -> &'static str {
        match self {
            Self::Consent => "consent",
            Self::Contract => "contract",
            Self::LegalObligation => "legal obligation",
            Self::VitalInterests => "vital interests",
            Self::PublicTask => "public task",
            Self::RecognisedLegitimateInterest => "recognised legitimate interest",
            Self::LegitimateInterests => "legitimate interests",
        }
    }
}

vocabulary! {
    /// The paragraph of DPA 2018 section 8 relied on to show that a public task under Art 6(1)(e)
    /// has a basis in law.
    pub enum Dpa2018Section8 {
        /// s8(a): the administration of justice.
        AdministrationOfJustice,
        /// s8(b): the exercise of a function of either House of Parliament.
        ParliamentaryFunction,
        /// s8(c): the exercise of a function conferred on a person by an enactment or rule of law.
        FunctionConferredByEnactment,
        /// s8(d): the exercise of a function of the Crown, a Minister of the Crown or a government department.
        CrownOrGovernmentFunction,
        /// s8(e): an activity that supports or promotes democratic engagement.
        DemocraticEngagement,
    }
}

vocabulary! {
    /// How consent was given.
    pub enum ConsentForm {
        /// Explicit consent: an express statement, as Art 9(2)(a), Art 22(2)(c) and Art 49(1)(a) need.
        Explicit,
        /// A clear affirmative act (Art 4(11)): enough for Art 6(1)(a), not for special category data.
        #[doc(alias = "opt-in")]
        Affirmative,
        /// Consent inferred from conduct, as some notices describe it ("implied consent"); it is
        /// not explicit consent.
        Implied,
    }
}

/// What a register records about consent relied on under Art 6(1)(a) (Art 7(1), 7(3)).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Consent {
    /// How consent is given: explicit, a clear affirmative act, or implied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<ConsentForm>,
    /// How consent is given, as told to data subjects, e.g. "by ticking the box on the form".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given: Option<String>,
    /// Where the record of consent is kept (Art 7(1): the controller must be able to demonstrate it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<DocumentId>,
    /// How a data subject withdraws consent (Art 7(3)), as told to them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawal: Option<String>,
    /// How consent for a child below the age of digital consent is given or authorised by the
    /// holder of parental responsibility (Art 8(1), 8(2)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parental_authorisation: Option<String>,
    /// Consent is made a condition of a service or contract for which the data is not necessary,
    /// or bundled with agreement to other terms, so that it is not freely given (Art 7(4),
    /// Recital 43).
    #[serde(
        default,
        skip_serializing_if = "std::ops::Not::not",
        deserialize_with = "crate::model::de::null_as_default"
    )]
    pub conditional: bool,
}

impl Consent {
    /// Consent given in the given form.
    pub fn new(form: ConsentForm) -> Self {
        Self {
            form: Some(form),
            ..Self::default()
        }
    }

    /// Sets where the record of consent is kept.
    pub fn with_record(mut self, record: impl Into<DocumentId>) -> Self {
        self.record = Some(record.into());
        self
    }

    /// Sets how consent is given.
    pub fn with_given(mut self, given: impl Into<String>) -> Self {
        self.given = Some(given.into());
        self
    }

    /// Sets how consent is withdrawn.
    pub fn with_withdrawal(mut self, withdrawal: impl Into<String>) -> Self {
        self.withdrawal = Some(withdrawal.into());
        self
    }

    /// Marks consent as a condition of the service, or bundled with other terms (Art 7(4)).
    pub fn conditional(mut self) -> Self {
        self.conditional = true;
        self
    }
}

/// One Art 6(1) basis relied on for a purpose, with what that basis needs recorded beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LawfulBasis {
    /// The Art 6(1) basis.
    pub basis: Article6Basis,
    /// For 6(1)(c) and (e): the law relied on (Art 6(3)), e.g. "Children Act 1989".
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub legal_sources: Vec<String>,
    /// For 6(1)(e) in the UK: the paragraph of DPA 2018 s8 relied on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpa_2018_section_8: Option<Dpa2018Section8>,
    /// For 6(1)(f): the legitimate interest pursued (Art 13(1)(d)); for 6(1)(ea): the recognised
    /// legitimate interest relied on, in the register's own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest: Option<String>,
    /// For 6(1)(ea), UK from 5 February 2026: the condition of UK GDPR Annex 1 relied on. It must
    /// be named (people must be told it, Art 13(1)(c)); format 1.1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recognised_legitimate_interest: Option<Annex1Condition>,
    /// For 6(1)(f): the legitimate interests assessment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<DocumentId>,
    /// For 6(1)(a): how consent is given, recorded and withdrawn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<Consent>,
    /// Anything else the register says about this basis, in its own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl LawfulBasis {
    /// A basis with nothing recorded beside it yet; the constructors below record what each
    /// basis needs beside it.
    ///
    /// ```
    /// use ropa::{Article6Basis, Consent, ConsentForm, LawfulBasis};
    /// let task = LawfulBasis::public_task("Care Act 2014, s42");
    /// assert_eq!(task.basis, Article6Basis::PublicTask);
    /// let interests = LawfulBasis::legitimate_interests("Preventing fraud", "lia-2026");
    /// assert_eq!(interests.assessment.as_ref().map(|d| d.as_str()), Some("lia-2026"));
    /// let consent = LawfulBasis::consent(Consent::new(ConsentForm::Affirmative));
    /// assert!(consent.consent.is_some());
    /// ```
    pub fn new(basis: Article6Basis) -> Self {
        Self {
            basis,
            legal_sources: Vec::new(),
            dpa_2018_section_8: None,
            interest: None,
            recognised_legitimate_interest: None,
            assessment: None,
            consent: None,
            note: None,
        }
    }

    /// Consent (6(1)(a)) with its details.
    pub fn consent(consent: Consent) -> Self {
        Self {
            consent: Some(consent),
            ..Self::new(Article6Basis::Consent)
        }
    }

    /// Public task (6(1)(e)) under the given law.
    pub fn public_task(law: impl Into<String>) -> Self {
        Self::new(Article6Basis::PublicTask).with_legal_source(law)
    }

    /// Legal obligation (6(1)(c)) under the given law.
    pub fn legal_obligation(law: impl Into<String>) -> Self {
        Self::new(Article6Basis::LegalObligation).with_legal_source(law)
    }

    /// Legitimate interests (6(1)(f)): the interest and its assessment.
    pub fn legitimate_interests(
        interest: impl Into<String>,
        assessment: impl Into<DocumentId>,
    ) -> Self {
        Self {
            interest: Some(interest.into()),
            assessment: Some(assessment.into()),
            ..Self::new(Article6Basis::LegitimateInterests)
        }
    }

    /// A recognised legitimate interest (6(1)(ea), UK only) under the given Annex 1 condition.
    pub fn recognised_legitimate_interest(condition: Annex1Condition) -> Self {
        Self {
            recognised_legitimate_interest: Some(condition),
            ..Self::new(Article6Basis::RecognisedLegitimateInterest)
        }
    }

    /// Adds a law relied on.
    pub fn with_legal_source(mut self, law: impl Into<String>) -> Self {
        self.legal_sources.push(law.into());
        self
    }

    /// Sets the DPA 2018 s8 paragraph relied on.
    pub fn with_section_8(mut self, paragraph: Dpa2018Section8) -> Self {
        self.dpa_2018_section_8 = Some(paragraph);
        self
    }

    /// Sets a note.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}
