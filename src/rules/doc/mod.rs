//! Steering documents (DOC): age, required types, adopting body, drafts, topics.

use super::area_rules;
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

/// A document type or topic id as words: `information_security_policy` → "information
/// security policy".
pub(crate) fn words(id: &str) -> String {
    id.trim().replace('_', " ")
}

/// An adopting body as a message names it, with its Swedish name:
/// "the municipal council (kommunfullmäktige)".
pub(crate) fn body_phrase(id: &str) -> String {
    match id {
        "municipal_council" => "the municipal council (kommunfullmäktige)".to_owned(),
        "executive_board" => "the executive board (kommunstyrelsen)".to_owned(),
        "committee" => "a committee (nämnd)".to_owned(),
        "official" => "an official (tjänsteperson)".to_owned(),
        other => format!("`{other}`"),
    }
}

/// The body a document type requires, as a message names it: "the municipal council
/// (kommunfullmäktige)", "the executive board (kommunstyrelsen) or a higher body", or
/// "any body" when the type's minimum is the lowest rank.
pub(crate) fn required_body(registry: &Registry, min_body: &str) -> String {
    let rank = registry.body_rank(min_body);
    let ranks = registry.bodies.iter().map(|b| b.rank);
    if rank.is_some() && rank >= ranks.clone().max() {
        body_phrase(min_body)
    } else if rank.is_some() && rank <= ranks.min() {
        "any body".to_owned()
    } else {
        format!("{} or a higher body", body_phrase(min_body))
    }
}

/// "a guideline", "an information security policy".
pub(crate) fn with_article(noun: &str) -> String {
    let vowel = noun.starts_with(|c: char| "aeiouAEIOU".contains(c));
    format!("{} {noun}", if vowel { "an" } else { "a" })
}

/// Ids as a message lists them: "`a`", "`a` and `b`", "`a`, `b` and `c`".
pub(crate) fn id_list<S: AsRef<str>>(ids: &[S]) -> String {
    let quoted: Vec<String> = ids.iter().map(|s| format!("`{}`", s.as_ref())).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_as_prose() {
        assert_eq!(id_list::<&str>(&[]), "");
        assert_eq!(id_list(&["a"]), "`a`");
        assert_eq!(id_list(&["a", "b"]), "`a` and `b`");
        assert_eq!(id_list(&["a", "b", "c"]), "`a`, `b` and `c`");
    }
}
