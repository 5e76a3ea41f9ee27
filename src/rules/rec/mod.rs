//! Record hygiene (REC): schema violations, duplicate ids and missing references, which the
//! loader and the repository find as typed problems (`load::RecordProblem`) and these
//! rules report; expired and unknown waivers.

use super::area_rules;

area_rules! {
    schema_violation::SchemaViolation,
    duplicate_id::DuplicateId,
    missing_reference::MissingReference,
    invalid_waiver::InvalidWaiver,
}
