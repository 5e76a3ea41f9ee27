//! Steering documents (DOC): age, required types, adopting body, drafts, topics.

use super::area_rules;
use crate::diagnostic::Diagnostic;
use crate::l10n::Value;
use crate::model::{Kind, Policy};
use crate::registry::Registry;

pub use missing_required_document::{adopted_of_type, required_types};
pub use stale_document::{ReviewDeadline, ReviewLimit, review_deadlines};

area_rules! {
    stale_document::StaleDocument,
    missing_required_document::MissingRequiredDocument,
    adopted_below_required_body::AdoptedBelowRequiredBody,
    stale_draft::StaleDraft,
    ungoverned_topic::UngovernedTopic,
}

/// A topic id as words: `cloud_services` → "cloud services".
pub(crate) fn words(id: &str) -> String {
    id.trim().replace('_', " ")
}

/// Which bodies may adopt a document type whose lowest body is `min_body`, as its
/// messages say it: `only` that body (the highest), `any` body (the lowest), or that body
/// `or_higher`.
pub(crate) fn required_scope(registry: &Registry, min_body: &str) -> &'static str {
    let rank = registry.body_rank(min_body);
    let ranks = registry.bodies.iter().map(|b| b.rank);
    if rank.is_some() && rank >= ranks.clone().max() {
        "only"
    } else if rank.is_some() && rank <= ranks.min() {
        "any"
    } else {
        "or_higher"
    }
}

/// Names steering documents in a finding: `list` (by id and title) and their number
/// `count`, and each as a related record.
pub(crate) fn name_documents<'d>(
    d: &'d mut Diagnostic,
    list: &'static str,
    count: &'static str,
    docs: &[&Policy],
) -> &'d mut Diagnostic {
    for p in docs {
        d.relate(Kind::Policy, &p.id);
    }
    let named = docs
        .iter()
        .map(|p| (p.id.clone(), Some(p.title.clone())))
        .collect();
    d.arg(list, Value::Records(named)).arg(count, docs.len())
}
