//! Risk assessments.

use serde::{Deserialize, Serialize};

use super::{Date, Kind};

record! {
    /// A risk assessment of an asset or a unit.
    pub struct Risk {
        pub title: String,
        #[serde(default)]
        pub asset: Option<String>,
        #[serde(default)]
        pub unit: Option<String>,
        pub assessed: Date,
        pub likelihood: u8,
        pub consequence: u8,
        #[serde(default)]
        pub treatment: Treatment,
        #[serde(default)]
        pub activities: Vec<String>,
        #[serde(default)]
        pub owner: Option<String>,
        #[serde(default)]
        pub status: RiskStatus,
        #[serde(default)]
        pub description: super::Prose,
    }
    fn references(&self, refs) {
        refs.one("/asset", Kind::Asset, self.asset.as_deref());
        refs.one("/unit", Kind::Unit, self.unit.as_deref());
        refs.many("/activities", Kind::Activity, &self.activities);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Treatment {
    #[default]
    Undecided,
    Accept,
    Mitigate,
    Transfer,
    Avoid,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskStatus {
    #[default]
    Open,
    Treated,
    Accepted,
    Closed,
}

impl Risk {
    /// Likelihood times consequence, 1..=16.
    pub fn value(&self) -> u8 {
        self.likelihood.saturating_mul(self.consequence)
    }
}
