//! The typed record model: one type per record kind, the shape of `schemas/`.
//!
//! Records are deserialised from schema-valid JSON values, so the types describe meaning
//! (dates, enums, references) and leave structure errors to the schemas.
//!
//! The table of kinds below is the one list of record kinds: adding a kind is a row in it,
//! the kind's model file (`model/<kind>.rs`, declared with `record!`), its schema
//! (`schemas/<kind>.schema.json`), its templates (`templates/kinds/<kind>.yaml`) and a
//! fixture; everything else is generated from the rows.

#[macro_use]
mod common;

/// Calls `$callback!` with the table of kinds, one row per kind in catalogue order:
///
/// - the `Kind` variant, which is also the model type's name;
/// - `kind`: the `kind:` value, the model module's name, and the name of its schema
///   (`schemas/<kind>.schema.json`) and templates (`templates/kinds/<kind>.yaml`);
/// - `plural`: the word of summaries ("assets 120");
/// - `folder`: the conventional folder (`isms new` writes there, editors map schemas to it);
/// - `list`: the repository's field holding the kind's records;
/// - `path`: where `isms new` writes a record (`{id}`, `{year}` of `--as-of`);
/// - `example`: where `isms init` writes its example record (`{{year}}` of `--as-of`);
/// - `columns`: the fields `isms list` shows after the id.
macro_rules! kind_table {
    ($callback:ident) => {
        $callback! {
            Organisation { kind: organisation, plural: "organisation", folder: "",
                list: organisation, path: "organisation.yaml", example: "organisation.yaml",
                columns: ["name"] },
            Unit { kind: unit, plural: "units", folder: "units",
                list: units, path: "units/{id}.yaml", example: "units/kommunstyrelsen.yaml",
                columns: ["name", "type", "parent"] },
            Policy { kind: policy, plural: "policies", folder: "policies",
                list: policies, path: "policies/{id}.yaml",
                example: "policies/informationssakerhetspolicy.yaml",
                columns: ["title", "type", "status", "adopted"] },
            Asset { kind: asset, plural: "assets", folder: "assets",
                list: assets, path: "assets/{id}.yaml", example: "assets/diarium.yaml",
                columns: ["name", "unit", "critical"] },
            Classification { kind: classification, plural: "classifications",
                folder: "classifications", list: classifications,
                path: "classifications/{id}.yaml",
                example: "classifications/diarium-{{year}}.yaml",
                columns: ["asset", "date", "confidentiality", "integrity", "availability"] },
            Risk { kind: risk, plural: "risks", folder: "risks",
                list: risks, path: "risks/{id}.yaml", example: "risks/r-{{year}}-001.yaml",
                columns: ["title", "asset", "likelihood", "consequence", "status"] },
            Measure { kind: measure, plural: "measures", folder: "measures",
                list: measures, path: "measures/{id}.yaml",
                example: "measures/logg-och-intrangsovervakning.yaml",
                columns: ["title", "status", "scope", "last_verified"] },
            Requirement { kind: requirement, plural: "requirements", folder: "requirements",
                list: requirements, path: "requirements/{id}.yaml",
                example: "requirements/kansliga-personuppgifter.yaml",
                columns: ["title"] },
            Incident { kind: incident, plural: "incidents", folder: "incidents",
                list: incidents, path: "incidents/{year}/{id}.yaml",
                example: "incidents/{{year}}/INC-{{year}}-001.yaml",
                columns: ["type", "severity", "detected", "status"] },
            Plan { kind: plan, plural: "plans", folder: "plans",
                list: plans, path: "plans/{id}.yaml", example: "plans/{{year}}.yaml",
                columns: ["year", "title", "decided"] },
            Activity { kind: activity, plural: "activities", folder: "activities",
                list: activities, path: "activities/{year}/{id}.yaml",
                example: "activities/{{year}}/act-{{year}}-01.yaml",
                columns: ["title", "plan", "due", "status"] },
            Training { kind: training, plural: "trainings", folder: "training",
                list: trainings, path: "training/{id}.yaml",
                example: "training/grundutbildning-{{year}}.yaml",
                columns: ["title", "type", "start"] },
            ContinuityPlan { kind: continuity_plan, plural: "continuity plans",
                folder: "continuity", list: continuity_plans, path: "continuity/{id}.yaml",
                example: "continuity/kp-diarium.yaml",
                columns: ["title", "unit", "documented"] },
            Evaluation { kind: evaluation, plural: "evaluations", folder: "evaluations",
                list: evaluations, path: "evaluations/{id}.yaml",
                example: "evaluations/pentest-{{year}}.yaml",
                columns: ["title", "type", "date"] },
            Review { kind: review, plural: "reviews", folder: "reviews",
                list: reviews, path: "reviews/{id}.yaml",
                example: "reviews/revision-{{year}}.yaml",
                columns: ["title", "type", "date"] },
            AuditFinding { kind: finding, plural: "findings", folder: "findings",
                list: audit_findings, path: "findings/{id}.yaml",
                example: "findings/revision-{{year}}-r1.yaml",
                columns: ["title", "source", "due", "status"] },
            Supplier { kind: supplier, plural: "suppliers", folder: "suppliers",
                list: suppliers, path: "suppliers/{id}.yaml",
                example: "suppliers/exempel-drift.yaml",
                columns: ["name", "status", "processor", "assessed"] },
            StatementOfApplicability { kind: statement_of_applicability,
                plural: "statements of applicability", folder: "soa",
                list: statements_of_applicability, path: "soa/{id}.yaml",
                example: "soa/soa-iso27001.yaml",
                columns: ["framework", "approved", "approved_by"] },
            Framework { kind: framework, plural: "frameworks", folder: "frameworks",
                list: frameworks, path: "frameworks/{id}.yaml",
                example: "frameworks/egna-krav.yaml",
                columns: ["title", "source"] },
        }
    };
}
pub(crate) use kind_table;

/// Declares each kind's model module and re-exports its types.
macro_rules! model_modules {
    ($($variant:ident { kind: $kind:ident, $($_rest:tt)* }),* $(,)?) => {
        $(
            mod $kind;
            pub use $kind::*;
        )*
    };
}
kind_table!(model_modules);

mod kinds;
pub(crate) mod prose;
mod time;

pub use common::{Record, References, Waiver};
pub use kinds::{AnyRecord, Kind, KindVisitor, visit_kinds};
pub use prose::Prose;
pub use time::{Date, DateTime};
