//! The typed record model: one type per record kind, the shape of `schemas/`.
//!
//! Records are deserialised from schema-valid JSON values, so the types describe meaning
//! (dates, enums, references) and leave structure errors to the schemas.

#[macro_use]
mod common;

mod activity;
mod asset;
mod classification;
mod continuity_plan;
mod evaluation;
mod finding;
mod incident;
mod kinds;
mod measure;
mod organisation;
mod plan;
mod policy;
pub(crate) mod prose;
mod requirement;
mod review;
mod risk;
mod time;
mod training;
mod unit;

pub use activity::{Activity, ActivityStatus};
pub use asset::{
    Asset, AssetStatus, AssetType, Hosting, HostingModel, PersonalData, TransferSafeguard,
};
pub use classification::{Aspect, Classification};
pub use common::{Record, References, Waiver};
pub use continuity_plan::{ContinuityPlan, Exercise, ExerciseOutcome, ExerciseType};
pub use evaluation::{Evaluation, EvaluationFinding, EvaluationType, FindingStatus, Performer};
pub use finding::{Finding, FindingState};
pub use incident::{
    Incident, IncidentStatus, IncidentType, Notification, NotificationKind, Recipient, Severity,
};
pub(crate) use kinds::kind_table;
pub use kinds::{AnyRecord, Kind};
pub use measure::{Measure, MeasureScope, MeasureStatus};
pub use organisation::{Council, Organisation, Roles};
pub use plan::{Goal, Plan};
pub use policy::{Body, Policy, PolicyStatus, PolicyType};
pub use prose::{FreeText, Prose};
pub use requirement::Requirement;
pub use review::{Review, ReviewType};
pub use risk::{Risk, RiskStatus, Treatment};
pub use time::{Date, DateTime};
pub use training::{Training, TrainingResult, TrainingType};
pub use unit::{Unit, UnitType};
