//! Text to positioned values: YAML parsed into a flat document tree (`yaml`, `tree`) with a
//! JSON-pointer → position table (`span`). Knows nothing of record kinds.

pub mod span;
pub mod tree;
pub mod yaml;
