//! Audit recommendations and their follow-up.

use serde::{Deserialize, Serialize};

use super::{Date, Kind};

record! {
    /// A recommendation from a review, usually an external audit.
    pub struct AuditFinding {
        pub source: String,
        pub title: String,
        #[serde(default)]
        pub due: Option<Date>,
        #[serde(default)]
        pub owner: Option<String>,
        pub status: AuditFindingState,
        #[serde(default)]
        pub response: Option<String>,
    }
    fn references(&self, refs) {
        refs.one("/source", Kind::Review, Some(&self.source));
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditFindingState {
    Open,
    InProgress,
    Done,
    Rejected,
}
