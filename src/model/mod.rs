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
pub use common::{Kind, Waiver};
pub use continuity_plan::{ContinuityPlan, Exercise, ExerciseOutcome, ExerciseType};
pub use evaluation::{Evaluation, EvaluationFinding, EvaluationType, FindingStatus, Performer};
pub use finding::{Finding, FindingState};
pub use incident::{
    Incident, IncidentStatus, IncidentType, Notification, NotificationKind, Recipient, Severity,
};
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

/// A record of any kind. Boxed: records move from the parsing threads to the repository
/// as a pointer, where the largest record is hundreds of bytes, and no second copy of
/// every record is alive at once.
#[derive(Debug, Clone)]
pub enum Record {
    Organisation(Box<Organisation>),
    Unit(Box<Unit>),
    Policy(Box<Policy>),
    Asset(Box<Asset>),
    Classification(Box<Classification>),
    Risk(Box<Risk>),
    Measure(Box<Measure>),
    Requirement(Box<Requirement>),
    Incident(Box<Incident>),
    Plan(Box<Plan>),
    Activity(Box<Activity>),
    Training(Box<Training>),
    ContinuityPlan(Box<ContinuityPlan>),
    Evaluation(Box<Evaluation>),
    Review(Box<Review>),
    Finding(Box<Finding>),
}

impl Record {
    /// The typed record of a document that has passed its schema. Errors are rare here
    /// (an impossible date), so the first pass keeps no path; only on failure does a second
    /// pass track where, for the diagnostic: the error carries the JSON pointer of the
    /// offending value.
    pub fn from_tree(
        kind: Kind,
        value: crate::tree::NodeRef<'_>,
    ) -> Result<Record, (String, String)> {
        fn de<T: serde::de::DeserializeOwned>(
            v: crate::tree::NodeRef<'_>,
        ) -> Result<T, (String, String)> {
            match T::deserialize(v) {
                Ok(t) => Ok(t),
                Err(_) => match serde_path_to_error::deserialize::<_, T>(v) {
                    Ok(t) => Ok(t),
                    Err(e) => {
                        let pointer = path_to_pointer(e.path());
                        Err((pointer, e.into_inner().to_string()))
                    }
                },
            }
        }
        Ok(match kind {
            Kind::Organisation => Record::Organisation(Box::new(de(value)?)),
            Kind::Unit => Record::Unit(Box::new(de(value)?)),
            Kind::Policy => Record::Policy(Box::new(de(value)?)),
            Kind::Asset => Record::Asset(Box::new(de(value)?)),
            Kind::Classification => Record::Classification(Box::new(de(value)?)),
            Kind::Risk => Record::Risk(Box::new(de(value)?)),
            Kind::Measure => Record::Measure(Box::new(de(value)?)),
            Kind::Requirement => Record::Requirement(Box::new(de(value)?)),
            Kind::Incident => Record::Incident(Box::new(de(value)?)),
            Kind::Plan => Record::Plan(Box::new(de(value)?)),
            Kind::Activity => Record::Activity(Box::new(de(value)?)),
            Kind::Training => Record::Training(Box::new(de(value)?)),
            Kind::ContinuityPlan => Record::ContinuityPlan(Box::new(de(value)?)),
            Kind::Evaluation => Record::Evaluation(Box::new(de(value)?)),
            Kind::Review => Record::Review(Box::new(de(value)?)),
            Kind::Finding => Record::Finding(Box::new(de(value)?)),
        })
    }

    pub fn id(&self) -> &str {
        self.waivers_and_id().1
    }

    pub fn waivers(&self) -> &[Waiver] {
        self.waivers_and_id().0
    }

    pub fn kind(&self) -> Kind {
        match self {
            Record::Organisation(_) => Kind::Organisation,
            Record::Unit(_) => Kind::Unit,
            Record::Policy(_) => Kind::Policy,
            Record::Asset(_) => Kind::Asset,
            Record::Classification(_) => Kind::Classification,
            Record::Risk(_) => Kind::Risk,
            Record::Measure(_) => Kind::Measure,
            Record::Requirement(_) => Kind::Requirement,
            Record::Incident(_) => Kind::Incident,
            Record::Plan(_) => Kind::Plan,
            Record::Activity(_) => Kind::Activity,
            Record::Training(_) => Kind::Training,
            Record::ContinuityPlan(_) => Kind::ContinuityPlan,
            Record::Evaluation(_) => Kind::Evaluation,
            Record::Review(_) => Kind::Review,
            Record::Finding(_) => Kind::Finding,
        }
    }

    fn waivers_and_id(&self) -> (&[Waiver], &String) {
        match self {
            Record::Organisation(r) => (&r.waivers, &r.id),
            Record::Unit(r) => (&r.waivers, &r.id),
            Record::Policy(r) => (&r.waivers, &r.id),
            Record::Asset(r) => (&r.waivers, &r.id),
            Record::Classification(r) => (&r.waivers, &r.id),
            Record::Risk(r) => (&r.waivers, &r.id),
            Record::Measure(r) => (&r.waivers, &r.id),
            Record::Requirement(r) => (&r.waivers, &r.id),
            Record::Incident(r) => (&r.waivers, &r.id),
            Record::Plan(r) => (&r.waivers, &r.id),
            Record::Activity(r) => (&r.waivers, &r.id),
            Record::Training(r) => (&r.waivers, &r.id),
            Record::ContinuityPlan(r) => (&r.waivers, &r.id),
            Record::Evaluation(r) => (&r.waivers, &r.id),
            Record::Review(r) => (&r.waivers, &r.id),
            Record::Finding(r) => (&r.waivers, &r.id),
        }
    }
}

fn path_to_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut s = String::new();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => {
                s.push('/');
                s.push_str(&index.to_string());
            }
            Segment::Map { key } => {
                s.push('/');
                s.push_str(&key.replace('~', "~0").replace('/', "~1"));
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    s
}
