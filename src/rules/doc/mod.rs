//! Steering documents (DOC): age, required types, adopting body, drafts, topics.

use super::Rule;

mod stale_document;

pub use stale_document::StaleDocument;

/// The rules of this area, in code order.
pub static RULES: &[&dyn Rule] = &[&StaleDocument];
