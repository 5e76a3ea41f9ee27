//! The management review's one-page summary: how many key figures reach their target, the
//! most serious gaps, and the decisions the review asks for (ISO/IEC 27001 9.3.3: the
//! review ends in decisions).

use serde::Serialize;

use super::follow_up::AuditFindingRow;
use super::frameworks::Cybersecurity;
use super::key_figures::KeyFigureRow;
use super::risks::Risks;
use crate::diagnostic::Severity;
use crate::render::json::JsonFinding;
use crate::report::gaps::Gaps;

/// The most serious gaps the summary names; the rest are in the appendix.
const SERIOUS_MAX: usize = 5;

/// The summary's data.
#[derive(Clone, Serialize)]
pub struct Summary<'a> {
    /// Key figures that have a target, and how many of them reach it.
    pub with_target: usize,
    pub reached: usize,
    /// The key figures below their target, in table order.
    pub below_target: Vec<String>,
    /// Errors, at most five: the first of each area in catalogue order, then the next ones.
    pub serious: Vec<JsonFinding<'a>>,
    /// The decisions asked for, in order; each a key the template words.
    pub proposals: Vec<Proposal>,
}

/// A decision the review proposes.
#[derive(Clone, Serialize)]
pub struct Proposal {
    /// `approve_review`, `approve_cybersecurity_measures`, `treat_risks`,
    /// `audit_findings`, `next_plan`.
    pub key: &'static str,
    /// What it concerns: the number of risks or recommendations, or the plan's year.
    pub count: usize,
}

/// Builds the summary from the review's own sections, so that it says what they say.
pub(super) fn build<'a>(
    key_figures: &[KeyFigureRow],
    gaps: &Gaps<'a>,
    cybersecurity: Option<&Cybersecurity<'_>>,
    risks: &Risks,
    audit_findings: &[AuditFindingRow],
    year: i16,
) -> Summary<'a> {
    let targeted: Vec<&KeyFigureRow> = key_figures.iter().filter(|k| k.reached.is_some()).collect();
    let mut proposals = vec![Proposal {
        key: "approve_review",
        count: 0,
    }];
    if cybersecurity.is_some_and(|c| c.management_body.approval.is_none()) {
        proposals.push(Proposal {
            key: "approve_cybersecurity_measures",
            count: 0,
        });
    }
    if !risks.untreated.is_empty() {
        proposals.push(Proposal {
            key: "treat_risks",
            count: risks.untreated.len(),
        });
    }
    let without_activity = audit_findings
        .iter()
        .filter(|f| f.activities.is_empty())
        .count();
    if without_activity > 0 {
        proposals.push(Proposal {
            key: "audit_findings",
            count: without_activity,
        });
    }
    proposals.push(Proposal {
        key: "next_plan",
        count: usize::try_from(year).unwrap_or(0) + 1,
    });
    Summary {
        with_target: targeted.len(),
        reached: targeted.iter().filter(|k| k.reached == Some(true)).count(),
        below_target: targeted
            .iter()
            .filter(|k| k.reached == Some(false))
            .map(|k| k.name.clone())
            .collect(),
        serious: serious(gaps),
        proposals,
    }
}

/// The first error of each area in catalogue order, then the following errors area by area,
/// at most [`SERIOUS_MAX`].
fn serious<'a>(gaps: &Gaps<'a>) -> Vec<JsonFinding<'a>> {
    let errors: Vec<Vec<&JsonFinding<'a>>> = gaps
        .areas
        .iter()
        .map(|a| {
            a.findings
                .iter()
                .filter(|f| f.severity == Severity::Error.as_str())
                .collect()
        })
        .collect();
    let mut out = Vec::new();
    let deepest = errors.iter().map(Vec::len).max().unwrap_or(0);
    for round in 0..deepest {
        for area in &errors {
            if out.len() == SERIOUS_MAX {
                return out;
            }
            if let Some(f) = area.get(round) {
                out.push((*f).clone());
            }
        }
    }
    out
}
