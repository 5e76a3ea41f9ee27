//! Training campaigns and phishing simulations.

use serde::{Deserialize, Serialize};

use super::{Date, Kind};

record! {
    /// A campaign with per-unit results.
    pub struct Training {
        pub title: String,
        #[serde(rename = "type")]
        pub training_type: TrainingType,
        pub start: Date,
        #[serde(default)]
        pub end: Option<Date>,
        #[serde(default)]
        pub audience: Vec<String>,
        #[serde(default)]
        pub results: Vec<TrainingResult>,
    }
    fn references(&self, refs) {
        for (i, result) in self.results.iter().enumerate() {
            refs.one(&format!("/results/{i}/unit"), Kind::Unit, Some(&result.unit));
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrainingType {
    Course,
    NanoLearning,
    Briefing,
    PhishingSimulation,
}

/// Results for one unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainingResult {
    pub unit: String,
    #[serde(default)]
    pub targeted: u64,
    #[serde(default)]
    pub completed: Option<u64>,
    #[serde(default)]
    pub clicked: Option<u64>,
    #[serde(default)]
    pub reported: Option<u64>,
}

impl Training {
    /// Whether the campaign's period overlaps `[from, to]`; an open end means ongoing.
    pub fn overlaps(&self, from: Date, to: Date) -> bool {
        self.start <= to && self.end.is_none_or(|e| e >= from)
    }
}
