//! Follow-up: management reviews, self-assessments, audits, Infosäkkollen.

use serde::{Deserialize, Serialize};

use super::{Body, Date};

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
