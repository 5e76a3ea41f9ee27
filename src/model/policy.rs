//! Steering documents: policies, guidelines, routines and positions.

use serde::{Deserialize, Serialize};

use super::Date;

record! {
    /// A steering document (styrdokument).
    pub struct Policy {
        pub title: String,
        #[serde(rename = "type")]
        pub policy_type: PolicyType,
        pub status: PolicyStatus,
        #[serde(default)]
        pub adopted: Option<Date>,
        /// When a draft was first written (an isms addition, for DOC004).
        #[serde(default)]
        pub drafted: Option<Date>,
        #[serde(default)]
        pub adopted_by: Option<Body>,
        #[serde(default)]
        pub decision_ref: Option<String>,
        #[serde(default)]
        pub owner: Option<String>,
        #[serde(default)]
        pub topics: Vec<String>,
        #[serde(default)]
        pub review_interval_years: Option<u32>,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PolicyType {
    SecurityPolicy,
    InformationSecurityPolicy,
    Guideline,
    Routine,
    Position,
    Plan,
    Other,
}

impl PolicyType {
    pub fn as_str(self) -> &'static str {
        match self {
            PolicyType::SecurityPolicy => "security_policy",
            PolicyType::InformationSecurityPolicy => "information_security_policy",
            PolicyType::Guideline => "guideline",
            PolicyType::Routine => "routine",
            PolicyType::Position => "position",
            PolicyType::Plan => "plan",
            PolicyType::Other => "other",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PolicyStatus {
    Draft,
    Adopted,
    Repealed,
}

impl Policy {
    /// Whether the document was adopted on `as_of`: `status: adopted`, and `adopted` (when
    /// given) on or before that day. One adopted later was still a draft then.
    pub fn adopted_on(&self, as_of: Date) -> bool {
        self.status == PolicyStatus::Adopted && self.adopted.is_none_or(|d| d <= as_of)
    }
}

/// The body that adopted a document, highest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Body {
    MunicipalCouncil,
    ExecutiveBoard,
    Committee,
    Official,
}

impl Body {
    pub fn as_str(self) -> &'static str {
        match self {
            Body::MunicipalCouncil => "municipal_council",
            Body::ExecutiveBoard => "executive_board",
            Body::Committee => "committee",
            Body::Official => "official",
        }
    }

    /// Rank for comparing bodies: municipal_council 4 > executive_board 3 > committee 2 > official 1.
    pub fn rank(self) -> u8 {
        match self {
            Body::MunicipalCouncil => 4,
            Body::ExecutiveBoard => 3,
            Body::Committee => 2,
            Body::Official => 1,
        }
    }
}
