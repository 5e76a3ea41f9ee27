//! Record hygiene (REC): schema violations, duplicate ids and missing references are found
//! by the loader and the repository (`loader.rs`, `repo.rs`); expired and unknown waivers
//! by a rule. All four have their catalogue entry and documentation here.

use super::Rule;

mod duplicate_id;
mod invalid_waiver;
mod missing_reference;
mod schema_violation;

pub use duplicate_id::DuplicateId;
pub use invalid_waiver::InvalidWaiver;
pub use missing_reference::MissingReference;
pub use schema_violation::SchemaViolation;

/// The rules of this area, in code order.
pub static RULES: &[&dyn Rule] = &[
    &SchemaViolation,
    &DuplicateId,
    &MissingReference,
    &InvalidWaiver,
];
