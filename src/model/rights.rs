//! Data subject rights (Chapter III) and how to complain.

use crate::model::vocabulary::vocabulary;

vocabulary! {
    /// A right of the data subject.
    pub enum DataSubjectRight {
        /// Art 13, 14: to be informed.
        BeInformed,
        /// Art 15: of access.
        Access,
        /// Art 16: to rectification.
        Rectification,
        /// Art 17: to erasure.
        Erasure,
        /// Art 18: to restriction of processing.
        Restriction,
        /// Art 20: to data portability.
        Portability,
        /// Art 21: to object.
        Object,
        /// Art 22: not to be subject to a solely automated decision.
        AutomatedDecisions,
        /// Art 7(3): to withdraw consent at any time.
        WithdrawConsent,
        /// Art 77: to lodge a complaint with a supervisory authority.
        Complain,
    }
}

impl DataSubjectRight {
    /// The article that grants the right.
    pub fn citation(self) -> &'static str {
        match self {
            Self::BeInformed => "Art 13, 14",
            Self::Access => "Art 15",
            Self::Rectification => "Art 16",
            Self::Erasure => "Art 17",
            Self::Restriction => "Art 18",
            Self::Portability => "Art 20",
            Self::Object => "Art 21",
            Self::AutomatedDecisions => "Art 22",
            Self::WithdrawConsent => "Art 7(3)",
            Self::Complain => "Art 77",
        }
    }
}
