//! The organisation's own level -> capability requirements.

use crate::registry::Condition;

record! {
    /// Replaces the baseline requirement with the same id, or adds one.
    pub struct Requirement {
        #[serde(default)]
        pub title: Option<String>,
        pub when: Condition,
        pub requires: Vec<String>,
    }
}
