//! Technical security evaluations: penetration tests, scans, configuration reviews.

use serde::{Deserialize, Serialize};

use super::{Date, Kind, Rating};

record! {
    /// One technical security test and its findings.
    pub struct Evaluation {
        pub title: String,
        #[serde(rename = "type")]
        pub evaluation_type: EvaluationType,
        pub date: Date,
        #[serde(default)]
        pub performed_by: Option<Performer>,
        #[serde(default)]
        pub scope: Vec<String>,
        #[serde(default)]
        pub findings: Vec<EvaluationFinding>,
    }
    fn references(&self, refs) {
        // `all` is a word, not an asset id.
        for (i, s) in self.scope.iter().enumerate() {
            if s != "all" {
                refs.one(&format!("/scope/{i}"), Kind::Asset, Some(s));
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvaluationType {
    PenetrationTest,
    VulnerabilityScan,
    ConfigurationReview,
    RedTeam,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Performer {
    External,
    Internal,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvaluationFinding {
    pub id: String,
    #[serde(default)]
    pub title: Option<String>,
    pub severity: Rating,
    pub status: FindingStatus,
    #[serde(default)]
    pub fixed: Option<Date>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingStatus {
    Open,
    Fixed,
    Accepted,
}

impl Evaluation {
    /// Whether the evaluation covers `asset` (`scope: [all]` covers every asset).
    pub fn covers(&self, asset: &str) -> bool {
        self.scope
            .iter()
            .any(|s| s == "all" || s.eq_ignore_ascii_case(asset))
    }
}

impl EvaluationFinding {
    /// Open on `as_of`: `status: open`, or fixed with a `fixed` date after that day.
    pub fn open_on(&self, as_of: Date) -> bool {
        self.status == FindingStatus::Open
            || (self.status == FindingStatus::Fixed && self.fixed.is_some_and(|d| d > as_of))
    }
}
