//! `isms report management` (*Ledningens genomgång*): the inputs of ISO/IEC 27001:2022
//! clause 9.3 as the records show them, for the executive board.
//!
//! Status of earlier decisions and of the action plan; performance (incidents by type and
//! month, training completion per unit, classification coverage of critical assets,
//! evaluation results, audit findings); feedback from follow-ups; the risk picture; the gap
//! list by area as opportunities for improvement; the key figures in one table, with a line
//! per declared framework; and, for a covered entity, the cybersecurity law in short.

use serde::Serialize;

use crate::report::charts::Chart;

use super::Header;
use super::facts::{Input, PERIOD_MONTHS};
use super::gaps::{self, Gaps};

mod classification;
mod decisions;
mod evaluations;
mod follow_up;
mod frameworks;
mod incidents;
mod key_figures;
mod plan_status;
mod risks;
mod summary;
mod training;

pub use classification::{CriticalAssetCoverage, CriticalAssetRow};
pub use decisions::Decision;
pub use evaluations::{EvaluationFindingRow, EvaluationRow, Evaluations};
pub use follow_up::{AuditFindingRow, ReviewRow};
pub use frameworks::{Cybersecurity, FrameworkLine};
pub use incidents::{Incidents, MonthCount};
pub use key_figures::KeyFigureRow;
pub use plan_status::PlanStatus;
pub use risks::Risks;
pub use training::{TrainingOverview, UnitCompletionRow};

/// A value and how many records have it.
#[derive(Debug, Clone, Serialize)]
pub struct Count {
    pub key: String,
    pub label: String,
    pub count: usize,
}

/// The review's Mermaid charts, `None` when there is nothing to draw.
#[derive(Debug, Clone, Serialize)]
pub struct ManagementCharts {
    pub incidents_by_month: Option<Chart>,
    pub incidents_by_type: Option<Chart>,
    pub training_by_unit: Option<Chart>,
    pub classification_coverage: Option<Chart>,
    pub plan_status: Option<Chart>,
    pub plan_gantt: Option<Chart>,
}

/// The management review's data.
#[derive(Clone, Serialize)]
pub struct Management<'a> {
    #[serde(flatten)]
    pub header: Header,
    /// First day of the last 12 months.
    pub period_start: String,
    /// The as-of year, whose action plan is the current one.
    pub year: i16,
    pub key_figures: Vec<KeyFigureRow>,
    /// One line per framework in `isms.toml` `frameworks`.
    pub frameworks: Vec<FrameworkLine>,
    /// The cybersecurity law, for a covered entity on a date the law is in force.
    pub cybersecurity: Option<Cybersecurity<'a>>,
    pub decisions: Vec<Decision>,
    pub plan: Option<PlanStatus>,
    pub audit_findings: Vec<AuditFindingRow>,
    pub incidents: Incidents,
    pub training: TrainingOverview,
    pub classification: CriticalAssetCoverage,
    pub evaluations: Evaluations,
    pub follow_ups: Vec<ReviewRow>,
    pub risks: Risks,
    pub gaps: Gaps<'a>,
    pub charts: ManagementCharts,
    pub summary: summary::Summary<'a>,
}

/// The key figures alone, as the review shows them: what `--compare` and `isms trend` read
/// at each revision.
pub fn key_figures(input: &Input<'_>) -> Vec<KeyFigureRow> {
    key_figures_with(input, gaps::tally(&input.findings).0)
}

/// The key figures as [`key_figures`] computes them, from the findings already counted
/// (`gaps::tally`), for a caller that shows those counts too.
pub fn key_figures_with(input: &Input<'_>, gaps: gaps::Counts) -> Vec<KeyFigureRow> {
    key_figures::build(
        input,
        input.count_incidents_within(PERIOD_MONTHS),
        follow_up::open_recommendations(input),
        gaps,
    )
}

/// Builds the management review from the input's records and findings.
pub fn build<'a>(input: &'a Input<'_>) -> Management<'a> {
    let lang = input.lang;
    let plan = plan_status::build(input);
    let incidents = incidents::build(input);
    let training = training::build(input);
    let classification = classification::build(input);
    let audit_findings = follow_up::audit_findings(input);
    let gaps = gaps::all(input);
    let key_figures =
        key_figures::build(input, incidents.total, audit_findings.len(), gaps.counts());
    let charts = ManagementCharts {
        incidents_by_month: incidents::by_month_chart(lang, &incidents),
        incidents_by_type: incidents::by_type_chart(lang, &incidents),
        training_by_unit: training::by_unit_chart(lang, &training),
        classification_coverage: classification::chart(lang, &classification),
        plan_status: plan.as_ref().and_then(|p| plan_status::chart(lang, p)),
        plan_gantt: plan_status::gantt(input),
    };
    let cybersecurity = frameworks::cybersecurity(input);
    let risks = risks::build(input);
    let year = input.as_of.year();
    let summary = summary::build(
        &key_figures,
        &gaps,
        cybersecurity.as_ref(),
        &risks,
        &audit_findings,
        year,
    );
    Management {
        header: Header::new(input, "management"),
        period_start: input.window_start(PERIOD_MONTHS).to_string(),
        year,
        key_figures,
        frameworks: frameworks::lines(input),
        cybersecurity,
        decisions: decisions::build(input),
        plan,
        audit_findings,
        incidents,
        training,
        classification,
        evaluations: evaluations::build(input),
        follow_ups: follow_up::follow_ups(input),
        risks,
        gaps,
        charts,
        summary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Language;
    use crate::model::Date;
    use crate::registry::registry;
    use crate::repo::session::Session;
    use crate::report::audit;

    /// The key figures a trend point or `--compare` reads alone count what the review's own
    /// sections list: the incidents of the last twelve months and the outstanding audit
    /// recommendations, on both examples at dates that see some of each and none.
    #[test]
    fn key_figures_count_what_the_review_lists() {
        let value = |rows: &[KeyFigureRow], key: &str| {
            rows.iter()
                .find(|r| r.key == key)
                .and_then(|r| r.value)
                .unwrap_or_else(|| panic!("no {key}"))
        };
        let mut seen = (0.0, 0.0);
        for example in ["sjobacka", "norrvik"] {
            let session = Session::example(example);
            for day in ["2020-01-01", "2025-06-30", "2026-11-28", "2030-01-01"] {
                let as_of = Date::parse(day).expect("date");
                let input = Input::new(&session, as_of, Language::Sv);
                let review = build(&input);
                let alone = key_figures(&input);
                let incidents = value(&alone, "incidents_12m");
                let open = value(&alone, "open_recommendations");
                assert_eq!(incidents, review.incidents.total as f64, "{example} {day}");
                assert_eq!(open, review.audit_findings.len() as f64, "{example} {day}");
                seen = (seen.0 + incidents, seen.1 + open);
            }
        }
        assert!(
            seen.0 > 0.0 && seen.1 > 0.0,
            "the examples count some of each"
        );
    }

    /// A key figure counted alone (the table, a trend's point) is the figure the audit
    /// report counts with the records behind it, on both examples at several dates.
    #[test]
    fn a_figure_counted_alone_is_the_figure_described() {
        let mut counted = 0;
        for example in ["sjobacka", "norrvik"] {
            let session = Session::example(example);
            for day in ["2020-01-01", "2025-06-30", "2026-11-28"] {
                let as_of = Date::parse(day).expect("date");
                let input = Input::new(&session, as_of, Language::En);
                for q in &registry().audit_questions {
                    let full = audit::measure(&input, q.number);
                    let alone = audit::count(&input, q.number);
                    let at = format!("{example} {day} question {}", q.number);
                    assert_eq!(alone.numerator, full.numerator, "{at}");
                    assert_eq!(alone.denominator, full.denominator, "{at}");
                    assert_eq!(alone.share, full.share, "{at}");
                    assert_eq!(alone.nothing, full.nothing, "{at}");
                    assert!(alone.evidence.is_empty(), "{at}");
                    if q.number != 4 {
                        // Question 4's rows are its units; its count is CUL001's results.
                        assert_eq!(full.evidence.len() as u64, full.denominator, "{at}");
                        let ok = full.evidence.iter().filter(|e| e.ok).count() as u64;
                        assert_eq!(ok, full.numerator, "{at}");
                    }
                    counted += full.denominator;
                }
            }
        }
        assert!(counted > 0, "the examples have records in the figures");
    }
}
