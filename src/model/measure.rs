//! Security measures (controls) and the capabilities they provide.

use serde::{Deserialize, Serialize};

use super::Date;

record! {
    /// A security measure in place or planned.
    pub struct Measure {
        pub title: String,
        pub provides: Vec<String>,
        #[serde(default)]
        pub scope: MeasureScope,
        pub status: MeasureStatus,
        #[serde(default)]
        pub implemented: Option<Date>,
        #[serde(default)]
        pub last_verified: Option<Date>,
        #[serde(default)]
        pub verify_interval_months: Option<u32>,
        /// Controls the measure carries out, as `FRAMEWORK:CONTROL` (`nis2-art21:d`).
        #[serde(default)]
        pub controls: Vec<String>,
        #[serde(default)]
        pub references: Vec<String>,
        #[serde(default)]
        pub description: super::Prose,
    }
}

impl Measure {
    /// Whether the measure was in place on `as_of`: implemented, and not implemented later
    /// (a measure without an `implemented` date counts as in place).
    pub fn in_place(&self, as_of: Date) -> bool {
        self.status == MeasureStatus::Implemented && self.implemented.is_none_or(|d| d <= as_of)
    }
}

/// Organisation-wide by default: most controls (MFA, monitoring) are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasureScope {
    #[default]
    Organisation,
    Assets,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasureStatus {
    Planned,
    Implemented,
    Retired,
}

impl Measure {
    /// Whether the measure was in place on `as_of`: `status: implemented`, and `implemented`
    /// (when given) on or before that day. One implemented later was still planned then.
    pub fn implemented_on(&self, as_of: Date) -> bool {
        self.status == MeasureStatus::Implemented && self.implemented.is_none_or(|d| d <= as_of)
    }
}
