//! An organisation's own catalogue of controls (its licensed requirement catalogue, a
//! regulation it encodes), or its own text for a built-in framework with the same id.

use serde::{Deserialize, Serialize};

record! {
    /// A framework: a catalogue of controls.
    pub struct Framework {
        pub title: String,
        #[serde(default)]
        pub source: Option<String>,
        pub controls: Vec<FrameworkControl>,
    }
}

/// One control of a framework record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrameworkControl {
    pub id: String,
    #[serde(default)]
    pub group: Option<String>,
    pub label: String,
}
