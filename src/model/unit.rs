//! Units: the board, committees, companies, federations and departments.

use serde::{Deserialize, Serialize};

use super::Kind;

record! {
    /// An organisational unit.
    pub struct Unit {
        pub name: String,
        #[serde(rename = "type")]
        pub unit_type: UnitType,
        #[serde(default)]
        pub parent: Option<String>,
        #[serde(default)]
        pub security_representative: Option<String>,
        #[serde(default)]
        pub essential_services: Vec<String>,
        #[serde(default)]
        pub description: super::Prose,
    }
    fn references(&self, refs) {
        refs.one("/parent", Kind::Unit, self.parent.as_deref());
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitType {
    Board,
    Committee,
    Company,
    Federation,
    Department,
}

impl Unit {
    /// The security representative, unless absent or blank.
    pub fn representative(&self) -> Option<&str> {
        self.security_representative
            .as_deref()
            .filter(|s| !s.trim().is_empty())
    }
}
