//! The management review's evaluations (penetration tests, scans, reviews) of the last
//! twelve months, and the high and critical findings still open.

use serde::Serialize;

use crate::model::*;
use crate::report::facts::{Input, PERIOD_MONTHS};
use crate::report::labels::label;

/// One evaluation and its findings, counted.
#[derive(Debug, Clone, Serialize)]
pub struct EvaluationRow {
    pub id: String,
    pub title: String,
    pub date: String,
    pub kind_label: String,
    pub performed_by: String,
    pub findings: usize,
    pub open: usize,
    pub open_high: usize,
}

/// An open high or critical finding of an evaluation.
#[derive(Debug, Clone, Serialize)]
pub struct EvaluationFindingRow {
    pub evaluation: String,
    pub id: String,
    pub title: String,
    pub severity_label: String,
    pub date: String,
    pub days_open: i64,
}

/// The evaluations section.
#[derive(Debug, Clone, Serialize)]
pub struct Evaluations {
    /// Evaluations of the last 12 months, newest first.
    pub recent: Vec<EvaluationRow>,
    /// Open high and critical findings of any evaluation. A different measure from SEC004,
    /// on purpose: the board sees every open serious finding, SEC004 reports only those open
    /// longer than `evaluation_finding_max_days_high` / `_critical` (30 / 90 days).
    pub open_high: Vec<EvaluationFindingRow>,
}

fn evaluation_type_str(t: EvaluationType) -> &'static str {
    match t {
        EvaluationType::PenetrationTest => "penetration_test",
        EvaluationType::VulnerabilityScan => "vulnerability_scan",
        EvaluationType::ConfigurationReview => "configuration_review",
        EvaluationType::RedTeam => "red_team",
        EvaluationType::Other => "other",
    }
}

pub(super) fn build(input: &Input<'_>) -> Evaluations {
    let lang = input.lang;
    let high = |s: crate::model::Rating| s >= crate::model::Rating::High;
    let mut recent: Vec<EvaluationRow> = input
        .repo
        .evaluations
        .iter()
        .filter(|e| input.within(e.date, PERIOD_MONTHS))
        .map(|e| EvaluationRow {
            id: e.id.clone(),
            title: e.title.clone(),
            date: e.date.to_string(),
            kind_label: label(lang, "evaluation", evaluation_type_str(e.evaluation_type)),
            performed_by: e.performed_by.map_or_else(String::new, |p| {
                label(
                    lang,
                    "performer",
                    match p {
                        Performer::External => "external",
                        Performer::Internal => "internal",
                    },
                )
            }),
            findings: e.findings.len(),
            open: e.findings.iter().filter(|f| f.open_on(input.as_of)).count(),
            open_high: e
                .findings
                .iter()
                .filter(|f| f.open_on(input.as_of) && high(f.severity))
                .count(),
        })
        .collect();
    recent.sort_by(|a, b| b.date.cmp(&a.date).then(a.id.cmp(&b.id)));
    let mut open_high: Vec<EvaluationFindingRow> = input
        .repo
        .evaluations
        .iter()
        .filter(|e| e.date <= input.as_of)
        .flat_map(|e| {
            e.findings
                .iter()
                .filter(|f| f.open_on(input.as_of) && high(f.severity))
                .map(move |f| EvaluationFindingRow {
                    evaluation: e.id.clone(),
                    id: f.id.clone(),
                    title: f.title.clone().unwrap_or_default(),
                    severity_label: label(lang, "severity", f.severity.as_str()),
                    date: e.date.to_string(),
                    days_open: e.date.days_until(input.as_of),
                })
        })
        .collect();
    open_high.sort_by(|a, b| {
        b.days_open
            .cmp(&a.days_open)
            .then(a.evaluation.cmp(&b.evaluation))
            .then(a.id.cmp(&b.id))
    });
    Evaluations { recent, open_high }
}
