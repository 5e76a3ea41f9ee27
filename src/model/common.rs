//! Fields every record has, and the list of kinds.

use serde::{Deserialize, Serialize};

use super::Date;

/// The sixteen record kinds, named as in the `kind:` field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Organisation,
    Unit,
    Policy,
    Asset,
    Classification,
    Risk,
    Measure,
    Requirement,
    Incident,
    Plan,
    Activity,
    Training,
    ContinuityPlan,
    Evaluation,
    Review,
    Finding,
}

impl Kind {
    pub const ALL: [Kind; 16] = [
        Kind::Organisation,
        Kind::Unit,
        Kind::Policy,
        Kind::Asset,
        Kind::Classification,
        Kind::Risk,
        Kind::Measure,
        Kind::Requirement,
        Kind::Incident,
        Kind::Plan,
        Kind::Activity,
        Kind::Training,
        Kind::ContinuityPlan,
        Kind::Evaluation,
        Kind::Review,
        Kind::Finding,
    ];

    /// The name used in `kind:` and in file names of `schemas/`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Organisation => "organisation",
            Kind::Unit => "unit",
            Kind::Policy => "policy",
            Kind::Asset => "asset",
            Kind::Classification => "classification",
            Kind::Risk => "risk",
            Kind::Measure => "measure",
            Kind::Requirement => "requirement",
            Kind::Incident => "incident",
            Kind::Plan => "plan",
            Kind::Activity => "activity",
            Kind::Training => "training",
            Kind::ContinuityPlan => "continuity_plan",
            Kind::Evaluation => "evaluation",
            Kind::Review => "review",
            Kind::Finding => "finding",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The plural used in summaries ("assets 120").
    pub fn plural(self) -> &'static str {
        match self {
            Kind::Organisation => "organisation",
            Kind::Unit => "units",
            Kind::Policy => "policies",
            Kind::Asset => "assets",
            Kind::Classification => "classifications",
            Kind::Risk => "risks",
            Kind::Measure => "measures",
            Kind::Requirement => "requirements",
            Kind::Incident => "incidents",
            Kind::Plan => "plans",
            Kind::Activity => "activities",
            Kind::Training => "trainings",
            Kind::ContinuityPlan => "continuity plans",
            Kind::Evaluation => "evaluations",
            Kind::Review => "reviews",
            Kind::Finding => "findings",
        }
    }

    /// The conventional folder of the kind in a repository (`isms new` writes there).
    pub fn folder(self) -> &'static str {
        match self {
            Kind::Organisation => "",
            Kind::Unit => "units",
            Kind::Policy => "policies",
            Kind::Asset => "assets",
            Kind::Classification => "classifications",
            Kind::Risk => "risks",
            Kind::Measure => "measures",
            Kind::Requirement => "requirements",
            Kind::Incident => "incidents",
            Kind::Plan => "plans",
            Kind::Activity => "activities",
            Kind::Training => "training",
            Kind::ContinuityPlan => "continuity",
            Kind::Evaluation => "evaluations",
            Kind::Review => "reviews",
            Kind::Finding => "findings",
        }
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A waiver: silences one rule for its record until `until` (inclusive).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Waiver {
    pub rule: String,
    pub reason: String,
    pub until: Date,
    #[serde(default)]
    pub approved_by: Option<String>,
}

/// Declares a record type with the fields every kind shares (`id`, `tags`, `notes`,
/// `waivers`) ahead of its own. A plain struct, not `#[serde(flatten)]`: flattening buffers
/// every record and hides the field list the schema agreement test reads.
macro_rules! record {
    ($(#[$m:meta])* pub struct $name:ident { $($(#[$fm:meta])* pub $f:ident : $t:ty),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        pub struct $name {
            pub id: String,
            #[serde(default)]
            pub tags: Vec<String>,
            #[serde(default)]
            pub notes: $crate::model::Prose,
            #[serde(default)]
            pub waivers: Vec<$crate::model::Waiver>,
            $($(#[$fm])* pub $f: $t,)*
        }
    };
}
