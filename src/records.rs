//! Every record of a repository as one list of kind-agnostic entries, for the commands that
//! treat all kinds alike (`isms due`'s waivers, `isms list`, `isms export`).

use crate::loader::Source;
use crate::model::{Kind, Waiver};
use crate::repo::{Rec, Repository};

/// What the kind-agnostic commands need from a record of any kind.
pub trait AnyRecord {
    fn id(&self) -> &str;
    fn waivers(&self) -> &[Waiver];
    /// The record's fields as JSON, in the model's field order.
    fn to_json(&self) -> serde_json::Value;
}

macro_rules! any_record {
    ($($t:ty),* $(,)?) => {$(
        impl AnyRecord for $t {
            fn id(&self) -> &str {
                &self.id
            }
            fn waivers(&self) -> &[Waiver] {
                &self.waivers
            }
            fn to_json(&self) -> serde_json::Value {
                // The model types are plain data: serialising them cannot fail.
                serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
            }
        }
    )*};
}

any_record!(
    crate::model::Organisation,
    crate::model::Unit,
    crate::model::Policy,
    crate::model::Asset,
    crate::model::Classification,
    crate::model::Risk,
    crate::model::Measure,
    crate::model::Requirement,
    crate::model::Incident,
    crate::model::Plan,
    crate::model::Activity,
    crate::model::Training,
    crate::model::ContinuityPlan,
    crate::model::Evaluation,
    crate::model::Review,
    crate::model::Finding,
);

/// One valid record, whatever its kind.
pub struct Entry<'r> {
    pub kind: Kind,
    pub record: &'r dyn AnyRecord,
    pub src: &'r Source,
}

fn entries_of<'r, T: AnyRecord>(kind: Kind, recs: &'r [Rec<T>]) -> Vec<Entry<'r>> {
    recs.iter()
        .map(|r| Entry {
            kind,
            record: &r.r,
            src: &r.src,
        })
        .collect()
}

/// The valid records of one kind, in path order.
pub fn of_kind(repo: &Repository, kind: Kind) -> Vec<Entry<'_>> {
    match kind {
        Kind::Organisation => entries_of(kind, &repo.organisation),
        Kind::Unit => entries_of(kind, &repo.units),
        Kind::Policy => entries_of(kind, &repo.policies),
        Kind::Asset => entries_of(kind, &repo.assets),
        Kind::Classification => entries_of(kind, &repo.classifications),
        Kind::Risk => entries_of(kind, &repo.risks),
        Kind::Measure => entries_of(kind, &repo.measures),
        Kind::Requirement => entries_of(kind, &repo.requirements),
        Kind::Incident => entries_of(kind, &repo.incidents),
        Kind::Plan => entries_of(kind, &repo.plans),
        Kind::Activity => entries_of(kind, &repo.activities),
        Kind::Training => entries_of(kind, &repo.trainings),
        Kind::ContinuityPlan => entries_of(kind, &repo.continuity_plans),
        Kind::Evaluation => entries_of(kind, &repo.evaluations),
        Kind::Review => entries_of(kind, &repo.reviews),
        Kind::Finding => entries_of(kind, &repo.findings),
    }
}

/// Every valid record, kind by kind in [`Kind::ALL`] order.
pub fn all(repo: &Repository) -> Vec<Entry<'_>> {
    Kind::ALL
        .into_iter()
        .flat_map(|k| of_kind(repo, k))
        .collect()
}
