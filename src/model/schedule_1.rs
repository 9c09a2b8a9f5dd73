//! The names of the conditions of UK DPA 2018 Schedule 1 and of its Parts, as a register records
//! them. What each condition requires (its paragraph, heading, Part, whether it needs an
//! appropriate policy document, the data it may serve) is the law's dated table,
//! `law::schedule_1`, which also implements these types' methods.

use crate::model::vocabulary::vocabulary;

vocabulary! {
    /// A Part of DPA 2018 Schedule 1.
    pub enum Schedule1Part {
        /// Part 1: conditions relating to employment, health and research etc.
        Part1,
        /// Part 2: substantial public interest conditions.
        Part2,
        /// Part 3: additional conditions relating to criminal convictions etc.
        Part3,
    }
}

vocabulary! {
    /// A condition of DPA 2018 Schedule 1 Parts 1-3, named after its heading; each carries its
    /// paragraph number and whether it needs an appropriate policy document (APD).
    pub enum Schedule1Paragraph {
        /// Sch 1 para 1: employment, social security and social protection (APD).
        EmploymentSocialSecurity,
        /// Sch 1 para 2: health or social care purposes.
        HealthOrSocialCare,
        /// Sch 1 para 3: public health.
        PublicHealth,
        /// Sch 1 para 4: research etc.
        Research,
        /// Sch 1 para 6: statutory etc and government purposes (APD).
        StatutoryAndGovernmentPurposes,
        /// Sch 1 para 7: administration of justice and parliamentary purposes (APD).
        AdministrationOfJustice,
        /// Sch 1 para 8: equality of opportunity or treatment (APD).
        EqualityOfOpportunity,
        /// Sch 1 para 9: racial and ethnic diversity at senior levels of organisations (APD).
        RacialAndEthnicDiversity,
        /// Sch 1 para 10: preventing or detecting unlawful acts (APD).
        PreventingUnlawfulActs,
        /// Sch 1 para 11: protecting the public against dishonesty etc (APD).
        ProtectingThePublic,
        /// Sch 1 para 12: regulatory requirements relating to unlawful acts and dishonesty etc (APD).
        RegulatoryRequirements,
        /// Sch 1 para 13: journalism etc in connection with unlawful acts and dishonesty etc (no
        /// APD, para 13(3)).
        Journalism,
        /// Sch 1 para 14: preventing fraud (APD).
        PreventingFraud,
        /// Sch 1 para 15: suspicion of terrorist financing or money laundering (APD).
        TerroristFinancingOrMoneyLaundering,
        /// Sch 1 para 16: support for individuals with a particular disability or medical condition (APD).
        SupportForDisabilityOrMedicalCondition,
        /// Sch 1 para 17: counselling etc (APD).
        Counselling,
        /// Sch 1 para 18: safeguarding of children and of individuals at risk (APD).
        SafeguardingChildrenAndIndividualsAtRisk,
        /// Sch 1 para 19: safeguarding of economic well-being of certain individuals (APD).
        SafeguardingEconomicWellBeing,
        /// Sch 1 para 20: insurance (APD).
        Insurance,
        /// Sch 1 para 21: occupational pensions (APD).
        OccupationalPensions,
        /// Sch 1 para 22: political parties (APD).
        PoliticalParties,
        /// Sch 1 para 23: elected representatives responding to requests (APD).
        ElectedRepresentativesRespondingToRequests,
        /// Sch 1 para 24: disclosure to elected representatives (APD).
        DisclosureToElectedRepresentatives,
        /// Sch 1 para 25: informing elected representatives about prisoners (APD).
        InformingElectedRepresentativesAboutPrisoners,
        /// Sch 1 para 26: publication of legal judgments (APD).
        PublicationOfLegalJudgments,
        /// Sch 1 para 27: anti-doping in sport (APD).
        AntiDopingInSport,
        /// Sch 1 para 28: standards of behaviour in sport (APD).
        StandardsOfBehaviourInSport,
        /// Sch 1 para 29: consent (criminal offence data).
        CriminalConsent,
        /// Sch 1 para 30: protecting individual's vital interests (criminal offence data).
        CriminalVitalInterests,
        /// Sch 1 para 31: processing by not-for-profit bodies (criminal offence data).
        CriminalNotForProfitBodies,
        /// Sch 1 para 32: personal data in the public domain (criminal offence data).
        CriminalPublicDomain,
        /// Sch 1 para 33: legal claims (criminal offence data).
        CriminalLegalClaims,
        /// Sch 1 para 34: judicial acts (criminal offence data).
        CriminalJudicialActs,
        /// Sch 1 para 35: administration of accounts used in commission of indecency offences
        /// involving children (APD).
        IndecencyOffenceAccounts,
        /// Sch 1 para 36: extension of conditions in Part 2 referring to substantial public interest (APD).
        ExtensionOfPart2Conditions,
        /// Sch 1 para 37: extension of insurance conditions (APD).
        ExtensionOfInsuranceConditions,
    }
}
