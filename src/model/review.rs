//! Follow-up: management reviews, self-assessments, audits, Infosäkkollen.

use serde::{Deserialize, Serialize};

use super::{Body, Date, Kind};

record! {
    /// A review of the ISMS.
    pub struct Review {
        pub title: String,
        #[serde(rename = "type")]
        pub review_type: ReviewType,
        pub date: Date,
        #[serde(default)]
        pub presented_to: Option<Body>,
        #[serde(default)]
        pub decision_ref: Option<String>,
        #[serde(default)]
        pub units: Vec<String>,
        #[serde(default)]
        pub score: Option<f64>,
        #[serde(default)]
        pub level: Option<u8>,
    }
    fn references(&self, refs) {
        refs.many("/units", Kind::Unit, &self.units);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewType {
    ManagementReview,
    SelfAssessment,
    InternalAudit,
    ExternalAudit,
    Infosakkollen,
}

impl ReviewType {
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewType::ManagementReview => "management_review",
            ReviewType::SelfAssessment => "self_assessment",
            ReviewType::InternalAudit => "internal_audit",
            ReviewType::ExternalAudit => "external_audit",
            ReviewType::Infosakkollen => "infosakkollen",
        }
    }

    /// An audit of the ISMS (FUP002, audit question 11).
    pub fn is_audit(self) -> bool {
        matches!(self, ReviewType::InternalAudit | ReviewType::ExternalAudit)
    }

    /// A follow-up of the units it covers (FUP003, audit question 5).
    pub fn is_follow_up(self) -> bool {
        matches!(
            self,
            ReviewType::SelfAssessment | ReviewType::Infosakkollen | ReviewType::ManagementReview
        )
    }
}
