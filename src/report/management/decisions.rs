//! The management review's status of earlier decisions: management reviews and decided
//! plans up to the as-of date, newest first.

use serde::Serialize;

use crate::model::*;
use crate::report::facts::Input;
use crate::report::labels::label;

/// An earlier decision: a management review or a plan, with its decision reference.
#[derive(Debug, Clone, Serialize)]
pub struct Decision {
    pub kind: &'static str,
    pub id: String,
    pub title: String,
    pub date: String,
    pub body: String,
    pub decision_ref: String,
}

/// Management reviews and decided plans up to the as-of date, newest first.
pub(super) fn build(input: &Input<'_>) -> Vec<Decision> {
    let lang = input.lang;
    let mut v: Vec<Decision> = input
        .repo
        .reviews
        .iter()
        .filter(|r| r.review_type == ReviewType::ManagementReview && r.date <= input.as_of)
        .map(|r| Decision {
            kind: "review",
            id: r.id.clone(),
            title: r.title.clone(),
            date: r.date.to_string(),
            body: r
                .presented_to
                .map_or_else(String::new, |b| label(lang, "body", b.as_str())),
            decision_ref: r.decision_ref.clone().unwrap_or_default(),
        })
        .chain(input.repo.plans.iter().filter_map(|p| {
            let decided = p.decided.filter(|d| *d <= input.as_of)?;
            Some(Decision {
                kind: "plan",
                id: p.id.clone(),
                title: p.title.clone().unwrap_or_else(|| p.id.clone()),
                date: decided.to_string(),
                body: p
                    .decided_by
                    .map_or_else(String::new, |b| label(lang, "body", b.as_str())),
                decision_ref: p.decision_ref.clone().unwrap_or_default(),
            })
        }))
        .collect();
    v.sort_by(|a, b| b.date.cmp(&a.date).then(a.id.cmp(&b.id)));
    v
}
