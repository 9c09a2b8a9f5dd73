//! Special category data (Art 9) and criminal offence data (Art 10): the kinds, the conditions, and
//! the UK DPA 2018 Schedule 1 entries that go with them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::schedule_1::{Schedule1Paragraph, Schedule1Part};
use crate::model::vocabulary::vocabulary;
use crate::model::{DataCategoryId, DocumentId, PurposeId, RecipientId};

vocabulary! {
    /// The eight kinds of special category data of Art 9(1). Nothing else is special category:
    /// financial hardship, gender or age are not.
    pub enum SpecialCategoryKind {
        /// Personal data revealing racial or ethnic origin.
        RacialOrEthnicOrigin,
        /// Personal data revealing political opinions.
        PoliticalOpinions,
        /// Personal data revealing religious or philosophical beliefs.
        ReligiousOrPhilosophicalBeliefs,
        /// Personal data revealing trade union membership.
        TradeUnionMembership,
        /// Genetic data.
        Genetic,
        /// Biometric data processed for the purpose of uniquely identifying a natural person.
        Biometric,
        /// Data concerning health.
        Health,
        /// Data concerning a natural person's sex life or sexual orientation.
        SexLifeOrSexualOrientation,
    }
}

vocabulary! {
    /// A condition of Art 9(2) that lifts the prohibition on processing special category data.
    pub enum Article9Condition {
        /// Art 9(2)(a): explicit consent.
        ExplicitConsent,
        /// Art 9(2)(b): employment, social security and social protection law.
        EmploymentSocialSecurity,
        /// Art 9(2)(c): vital interests where the data subject cannot give consent.
        VitalInterests,
        /// Art 9(2)(d): legitimate activities of a not-for-profit body.
        NotForProfitBody,
        /// Art 9(2)(e): data manifestly made public by the data subject.
        ManifestlyMadePublic,
        /// Art 9(2)(f): establishment, exercise or defence of legal claims, or courts acting judicially.
        LegalClaims,
        /// Art 9(2)(g): reasons of substantial public interest.
        SubstantialPublicInterest,
        /// Art 9(2)(h): health or social care, under the secrecy of Art 9(3).
        HealthOrSocialCare,
        /// Art 9(2)(i): public health.
        PublicHealth,
        /// Art 9(2)(j): archiving in the public interest, scientific or historical research, or
        /// statistics, with Art 89(1) safeguards.
        ArchivingResearchStatistics,
    }
}

impl Article9Condition {
    /// The point of Art 9(2) as cited, e.g. `"9(2)(g)"`.
    pub fn citation(self) -> &'static str {
        match self {
            Self::ExplicitConsent => "9(2)(a)",
            Self::EmploymentSocialSecurity => "9(2)(b)",
            Self::VitalInterests => "9(2)(c)",
            Self::NotForProfitBody => "9(2)(d)",
            Self::ManifestlyMadePublic => "9(2)(e)",
            Self::LegalClaims => "9(2)(f)",
            Self::SubstantialPublicInterest => "9(2)(g)",
            Self::HealthOrSocialCare => "9(2)(h)",
            Self::PublicHealth => "9(2)(i)",
            Self::ArchivingResearchStatistics => "9(2)(j)",
        }
    }

    /// What the UK (DPA 2018 s10) requires beside this condition from Schedule 1.
    pub fn uk_schedule_1_requirement(self) -> Schedule1Requirement {
        match self {
            Self::EmploymentSocialSecurity => {
                Schedule1Requirement::Paragraph(Schedule1Paragraph::EmploymentSocialSecurity)
            }
            Self::HealthOrSocialCare => {
                Schedule1Requirement::Paragraph(Schedule1Paragraph::HealthOrSocialCare)
            }
            Self::PublicHealth => Schedule1Requirement::Paragraph(Schedule1Paragraph::PublicHealth),
            Self::ArchivingResearchStatistics => {
                Schedule1Requirement::Paragraph(Schedule1Paragraph::Research)
            }
            Self::SubstantialPublicInterest => Schedule1Requirement::PartTwoParagraph,
            Self::ExplicitConsent
            | Self::VitalInterests
            | Self::NotForProfitBody
            | Self::ManifestlyMadePublic
            | Self::LegalClaims => Schedule1Requirement::None,
        }
    }
}

/// What DPA 2018 s10 requires from Schedule 1 beside an Art 9(2) condition in the UK.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Schedule1Requirement {
    /// Nothing: the Art 9(2) condition stands alone.
    None,
    /// The one matching Part 1 paragraph (s10(2)-(3)).
    Paragraph(Schedule1Paragraph),
    /// A specific paragraph of Part 2 (s10(3)).
    PartTwoParagraph,
}

/// The three entries DPA 2018 Sch 1 para 41 adds to the record where a condition needs an
/// appropriate policy document. The first, the condition relied on, is the condition itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Para41Record {
    /// Para 41(b): how the processing satisfies Art 6 (lawfulness of processing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article_6_basis: Option<String>,
    /// Para 41(c): whether the data is retained and erased in line with the appropriate policy
    /// document's retention policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retained_per_policy: Option<bool>,
    /// Para 41(c): where it is not, the reasons for not following the policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasons_for_not_following_policy: Option<String>,
}

impl Para41Record {
    /// A para 41 record: how Art 6 is met, and whether retention follows the policy document.
    pub fn new(article_6_basis: impl Into<String>, retained_per_policy: bool) -> Self {
        Self {
            article_6_basis: Some(article_6_basis.into()),
            retained_per_policy: Some(retained_per_policy),
            reasons_for_not_following_policy: None,
        }
    }

    /// Whether all three entries are there (the reasons only where retention departs from the policy).
    pub fn is_complete(&self) -> bool {
        self.article_6_basis
            .as_deref()
            .is_some_and(|s| !s.trim().is_empty())
            && match self.retained_per_policy {
                Some(true) => true,
                Some(false) => self
                    .reasons_for_not_following_policy
                    .as_deref()
                    .is_some_and(|s| !s.trim().is_empty()),
                None => false,
            }
    }
}

/// An Art 9(2) condition relied on in an activity, with, in the UK, its Schedule 1 condition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SpecialCategoryCondition {
    /// The Art 9(2) condition.
    pub condition: Article9Condition,
    /// UK: the DPA 2018 Schedule 1 paragraph relied on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule_1_paragraph: Option<Schedule1Paragraph>,
    /// UK: the Part of Schedule 1 named where the register names a Part but no paragraph
    /// ("Part 2 of Schedule 1"). A gap that validation reports, kept as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule_1_part: Option<Schedule1Part>,
    /// The condition as the organisation describes it, in its own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The law relied on with the condition, e.g. for 9(2)(g) the enactment behind the public interest.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub legal_sources: Vec<String>,
    /// The data categories this condition covers; empty means all special category data of the activity.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub data_categories: Vec<DataCategoryId>,
    /// The purposes this condition covers; empty means all purposes of the activity.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub purposes: Vec<PurposeId>,
    /// The recipients whose disclosures this condition covers, e.g. legal advisers under 9(2)(f).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub recipients: Vec<RecipientId>,
    /// The appropriate policy document (DPA 2018 Sch 1 paras 5, 38-40).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy_document: Option<DocumentId>,
    /// The DPA 2018 Sch 1 para 41 entries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub para_41: Option<Para41Record>,
    /// UK: the processing is a disclosure, or its preparation, that the Schedule 1 paragraph lets
    /// proceed without an appropriate policy document (para 10(2): to a competent authority;
    /// para 27(3): to an anti-doping body); format 1.1.
    #[serde(
        default,
        skip_serializing_if = "std::ops::Not::not",
        deserialize_with = "crate::model::de::null_as_default"
    )]
    pub disclosure_exception: bool,
    /// UK: the processing is carried out for measures or decisions about a particular data
    /// subject, which Sch 1 para 8 (equality) does not serve (para 8(3)); format 1.1.
    #[serde(
        default,
        skip_serializing_if = "std::ops::Not::not",
        deserialize_with = "crate::model::de::null_as_default"
    )]
    pub measures_about_individuals: bool,
}

impl SpecialCategoryCondition {
    /// A condition with nothing recorded beside it yet.
    pub fn new(condition: Article9Condition) -> Self {
        Self {
            condition,
            schedule_1_paragraph: None,
            schedule_1_part: None,
            description: None,
            legal_sources: Vec::new(),
            data_categories: Vec::new(),
            purposes: Vec::new(),
            recipients: Vec::new(),
            policy_document: None,
            para_41: None,
            disclosure_exception: false,
            measures_about_individuals: false,
        }
    }

    /// Sets the Schedule 1 paragraph.
    pub fn with_schedule_1(mut self, paragraph: Schedule1Paragraph) -> Self {
        self.schedule_1_paragraph = Some(paragraph);
        self
    }

    /// Sets the description.
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Sets the appropriate policy document.
    pub fn with_policy_document(mut self, document: impl Into<DocumentId>) -> Self {
        self.policy_document = Some(document.into());
        self
    }

    /// Sets the para 41 entries.
    pub fn with_para_41(mut self, record: Para41Record) -> Self {
        self.para_41 = Some(record);
        self
    }

    /// Limits the condition to some data categories.
    pub fn for_data_category(mut self, category: impl Into<DataCategoryId>) -> Self {
        self.data_categories.push(category.into());
        self
    }
}

vocabulary! {
    /// What authorises processing of criminal offence data under Art 10.
    pub enum CriminalOffenceAuthority {
        /// Processing under the control of official authority.
        OfficialAuthority,
        /// Processing authorised by law (in the UK, by a DPA 2018 Sch 1 Part 1, 2 or 3 condition, s10(5)).
        AuthorisedByLaw,
    }
}

/// The Art 10 authority for processing criminal offence data (including alleged offences, DPA 2018 s11(2)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(test, derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CriminalOffenceCondition {
    /// Official authority, or authorisation by law.
    pub authority: CriminalOffenceAuthority,
    /// UK: the DPA 2018 Schedule 1 paragraph relied on (Part 1, 2 or 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule_1_paragraph: Option<Schedule1Paragraph>,
    /// The law relied on.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub legal_sources: Vec<String>,
    /// The authority as the organisation describes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The data categories this covers; empty means all criminal offence data of the activity.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::de::exact_vec"
    )]
    pub data_categories: Vec<DataCategoryId>,
    /// The appropriate policy document, where the Schedule 1 condition needs one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy_document: Option<DocumentId>,
    /// The DPA 2018 Sch 1 para 41 entries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub para_41: Option<Para41Record>,
    /// UK: the processing is a disclosure, or its preparation, that the Schedule 1 paragraph lets
    /// proceed without an appropriate policy document (para 10(2), 27(3)); format 1.1.
    #[serde(
        default,
        skip_serializing_if = "std::ops::Not::not",
        deserialize_with = "crate::model::de::null_as_default"
    )]
    pub disclosure_exception: bool,
}

impl CriminalOffenceCondition {
    /// An Art 10 authority with nothing recorded beside it yet.
    pub fn new(authority: CriminalOffenceAuthority) -> Self {
        Self {
            authority,
            schedule_1_paragraph: None,
            legal_sources: Vec::new(),
            description: None,
            data_categories: Vec::new(),
            policy_document: None,
            para_41: None,
            disclosure_exception: false,
        }
    }

    /// Sets the Schedule 1 paragraph.
    pub fn with_schedule_1(mut self, paragraph: Schedule1Paragraph) -> Self {
        self.schedule_1_paragraph = Some(paragraph);
        self
    }
}
