//! Information classifications (KLASSA-style levels per aspect).

use serde::{Deserialize, Serialize};

use super::{Date, Kind};

record! {
    /// One classification of one asset at one date.
    pub struct Classification {
        #[serde(default)]
        pub title: Option<String>,
        pub asset: String,
        pub date: Date,
        #[serde(default)]
        pub method: Option<String>,
        #[serde(default)]
        pub classified_by: Option<String>,
        pub confidentiality: u8,
        pub integrity: u8,
        pub availability: u8,
        #[serde(default)]
        pub traceability: Option<u8>,
        #[serde(default)]
        pub rationale: super::Prose,
    }
    fn references(&self, refs) {
        refs.one("/asset", Kind::Asset, Some(&self.asset));
    }
}

/// The four aspects KLASSA rates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aspect {
    Confidentiality,
    Integrity,
    Availability,
    Traceability,
}

impl Aspect {
    pub const ALL: [Aspect; 4] = [
        Aspect::Confidentiality,
        Aspect::Integrity,
        Aspect::Availability,
        Aspect::Traceability,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Aspect::Confidentiality => "confidentiality",
            Aspect::Integrity => "integrity",
            Aspect::Availability => "availability",
            Aspect::Traceability => "traceability",
        }
    }
}

impl Classification {
    /// Levels in the order of [`Aspect::ALL`]; traceability is None when not rated.
    pub fn levels(&self) -> [Option<u8>; 4] {
        [
            Some(self.confidentiality),
            Some(self.integrity),
            Some(self.availability),
            self.traceability,
        ]
    }
}
