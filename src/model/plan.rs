//! The yearly action plan (handlingsplan) and its goals.

use serde::{Deserialize, Serialize};

use super::{Body, Date};

record! {
    /// A yearly action plan.
    pub struct Plan {
        pub year: i16,
        #[serde(default)]
        pub title: Option<String>,
        #[serde(default)]
        pub decided: Option<Date>,
        #[serde(default)]
        pub decided_by: Option<Body>,
        #[serde(default)]
        pub decision_ref: Option<String>,
        #[serde(default)]
        pub goals: Vec<Goal>,
    }
}

/// A goal of a plan, referred to by activities as `goal:`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    pub id: String,
    #[serde(default)]
    pub title: Option<String>,
}
