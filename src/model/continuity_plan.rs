//! Continuity plans and their exercises.

use serde::{Deserialize, Serialize};

use super::{Date, Kind};

record! {
    /// A continuity plan with reserve routines for a unit's processes.
    pub struct ContinuityPlan {
        pub title: String,
        #[serde(default)]
        pub unit: Option<String>,
        #[serde(default)]
        pub assets: Vec<String>,
        #[serde(default)]
        pub documented: Option<Date>,
        #[serde(default)]
        pub exercises: Vec<Exercise>,
    }
    fn references(&self, refs) {
        refs.one("/unit", Kind::Unit, self.unit.as_deref());
        refs.many("/assets", Kind::Asset, &self.assets);
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exercise {
    pub date: Date,
    #[serde(rename = "type")]
    pub exercise_type: ExerciseType,
    #[serde(default)]
    pub scenario: Option<String>,
    #[serde(default)]
    pub outcome: Option<ExerciseOutcome>,
    #[serde(default)]
    pub lessons: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExerciseType {
    Tabletop,
    Simulation,
    Live,
    RestoreTest,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExerciseOutcome {
    Passed,
    Partial,
    Failed,
}

impl ContinuityPlan {
    /// Whether the plan existed on `as_of`: documented on or before that day, or exercised
    /// by then (a plan revised later keeps its older exercises), or with no `documented`
    /// date at all.
    pub fn exists_on(&self, as_of: Date) -> bool {
        self.documented.is_none_or(|d| d <= as_of) || self.exercises.iter().any(|e| e.date <= as_of)
    }

    pub fn last_exercise(&self) -> Option<Date> {
        self.exercises.iter().map(|e| e.date).max()
    }
}
