//! Record hygiene (REC): schema violations, duplicate ids and missing references are found
//! by the loader and the repository (`loader.rs`, `repo.rs`); expired and unknown waivers
//! by a rule. All four have their catalogue entry and documentation here.

use super::area_rules;

area_rules! {
    schema_violation::SchemaViolation,
    duplicate_id::DuplicateId,
    missing_reference::MissingReference,
    invalid_waiver::InvalidWaiver,
}
