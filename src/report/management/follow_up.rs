//! The management review's feedback: audit recommendations still open, and the reviews
//! (audits, follow-ups) of the last twelve months.

use serde::Serialize;

use crate::model::*;
use crate::repo::Rec;
use crate::report::facts::{Input, PERIOD_MONTHS};
use crate::report::labels::label;
use crate::rules::fup::{Addressed, FollowUpGap, follow_up_gap, outstanding};

/// An audit recommendation still open or in progress.
#[derive(Debug, Clone, Serialize)]
pub struct AuditFindingRow {
    pub id: String,
    pub title: String,
    pub source: String,
    pub owner: String,
    pub due: String,
    pub past_due: bool,
    pub status_label: String,
    /// Activities that address it.
    pub activities: Vec<String>,
}

/// A review (audit, follow-up, management review) of the period.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewRow {
    pub id: String,
    pub title: String,
    pub date: String,
    pub kind_label: String,
    pub units: Vec<String>,
    pub score: String,
    pub level: String,
}

fn finding_state_str(s: AuditFindingState) -> &'static str {
    match s {
        AuditFindingState::Open => "open",
        AuditFindingState::InProgress => "in_progress",
        AuditFindingState::Done => "done",
        AuditFindingState::Rejected => "rejected",
    }
}

/// How many audit recommendations are still open or in progress (FUP004's
/// `outstanding`): the number of [`audit_findings`]' rows, the key figure "open audit
/// recommendations".
pub(super) fn open_recommendations(input: &Input<'_>) -> usize {
    outstanding_findings(input).count()
}

/// The audit recommendations still open or in progress (FUP004's `outstanding`).
fn outstanding_findings<'a>(input: &Input<'a>) -> impl Iterator<Item = &'a Rec<AuditFinding>> {
    let (repo, as_of) = (input.repo, input.as_of);
    repo.audit_findings
        .iter()
        .filter(move |f| outstanding(repo, f, as_of))
}

/// Audit recommendations still open or in progress (FUP004's `outstanding`), by due date;
/// `past_due` is FUP004's error (`follow_up_gap`). The count of these rows, the key figure
/// "open audit recommendations", is a different measure from FUP004: it counts every
/// outstanding recommendation, FUP004 only those past due or open with no activity.
pub(super) fn audit_findings(input: &Input<'_>) -> Vec<AuditFindingRow> {
    let lang = input.lang;
    let addressed = Addressed::new(input.repo);
    // The activities that name each finding (ids compared as ASCII case-folded), from one
    // pass over the activities rather than one per finding.
    let mut naming: crate::util::hash::HashMap<String, Vec<&str>> = Default::default();
    for a in &input.repo.activities {
        let mut named: Vec<String> = a.addresses.iter().map(|x| x.to_ascii_lowercase()).collect();
        named.sort_unstable();
        named.dedup();
        for f in named {
            naming.entry(f).or_default().push(&a.id);
        }
    }
    let mut v: Vec<(Option<Date>, AuditFindingRow)> = outstanding_findings(input)
        .map(|f| {
            let mut acts: Vec<String> = naming
                .get(&f.id.to_ascii_lowercase())
                .map_or_else(Vec::new, |ids| {
                    ids.iter().map(|&id| id.to_owned()).collect()
                });
            acts.sort();
            (
                f.due,
                AuditFindingRow {
                    id: f.id.clone(),
                    title: f.title.clone(),
                    source: input
                        .repo
                        .review(&f.source)
                        .map_or_else(|| f.source.clone(), |r| r.title.clone()),
                    owner: f.owner.clone().unwrap_or_default(),
                    due: f.due.map(|d| d.to_string()).unwrap_or_default(),
                    past_due: matches!(
                        follow_up_gap(input.repo, &addressed, f, input.as_of),
                        Some(FollowUpGap::PastDue { .. })
                    ),
                    status_label: label(lang, "finding_state", finding_state_str(f.status)),
                    activities: acts,
                },
            )
        })
        .collect();
    v.sort_by(|a, b| {
        a.0.is_none()
            .cmp(&b.0.is_none())
            .then(a.0.cmp(&b.0))
            .then(a.1.id.cmp(&b.1.id))
    });
    v.into_iter().map(|(_, r)| r).collect()
}

fn review_row(input: &Input<'_>, r: &Rec<Review>) -> ReviewRow {
    let lang = input.lang;
    ReviewRow {
        id: r.id.clone(),
        title: r.title.clone(),
        date: r.date.to_string(),
        kind_label: label(lang, "review", r.review_type.as_str()),
        units: r.units.iter().map(|u| input.unit_name(u)).collect(),
        score: r
            .score
            .map(|s| crate::report::markdown::decimal(s, 1, lang))
            .unwrap_or_default(),
        level: r.level.map(|l| l.to_string()).unwrap_or_default(),
    }
}

/// The reviews of the last twelve months, newest first.
pub(super) fn follow_ups(input: &Input<'_>) -> Vec<ReviewRow> {
    let mut v: Vec<&Rec<Review>> = input
        .repo
        .reviews
        .iter()
        .filter(|r| input.within(r.date, PERIOD_MONTHS))
        .collect();
    v.sort_by(|a, b| b.date.cmp(&a.date).then(a.id.cmp(&b.id)));
    v.into_iter().map(|r| review_row(input, r)).collect()
}
