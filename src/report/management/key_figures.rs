//! The management review's key-figure table: the twelve audit questions' shares, then the
//! counts the board follows (incidents, open recommendations, overdue activities, gaps).

use rayon::prelude::*;
use serde::Serialize;

use crate::registry::registry;
use crate::report::audit::{self, KeyFigure};
use crate::report::facts::Input;
use crate::report::gaps::Counts;

/// A row of the key-figure table.
#[derive(Debug, Clone, Serialize)]
pub struct KeyFigureRow {
    /// What the figure is, whatever the language: `q1`–`q12` for the audit questions' key
    /// figures, else a name (`incidents_12m`); the trend's row keys.
    #[serde(skip)]
    pub key: String,
    pub name: String,
    pub value_text: String,
    pub target_text: String,
    /// Null for counts without a target.
    pub reached: Option<bool>,
    /// The audit question it comes from, if any: its key figure is a share, the others
    /// are counts.
    pub question: Option<u8>,
    /// The figure as a number: the share (0–1, null when nothing is in scope) or the count.
    pub value: Option<f64>,
    /// With `--compare REV`: the value at REV as printed (`–` when the figure has no value
    /// there).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before_text: Option<String>,
    /// With `--compare REV`: the change since REV (`+12 p.e.`/`+12 pp` for shares, `+3`
    /// for counts, `–` when either side has no value).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change_text: Option<String>,
}

/// The audit questions' key figures, then the counts: the incidents of the last twelve
/// months, the outstanding audit recommendations and the gaps.
pub(super) fn build(
    input: &Input<'_>,
    incidents: usize,
    open_recommendations: usize,
    gaps: Counts,
) -> Vec<KeyFigureRow> {
    let lang = input.lang;
    // The questions side by side: a trend's last point has the machine to itself.
    let mut rows: Vec<KeyFigureRow> = registry()
        .audit_questions
        .par_iter()
        .map(|q| {
            // The table shows the figure alone, not the records behind it.
            let measured = audit::count(input, q.number);
            let k: KeyFigure = audit::key_figure(input, q, &measured);
            KeyFigureRow {
                key: format!("q{}", q.number),
                name: k.name,
                value_text: k.value_text,
                target_text: k.target_text,
                reached: k.value.map(|_| k.reached),
                question: Some(q.number),
                value: k.value,
                before_text: None,
                change_text: None,
            }
        })
        .collect();
    let count = |key: &str, name: &str, n: usize| KeyFigureRow {
        key: key.to_owned(),
        name: name.to_owned(),
        value_text: n.to_string(),
        target_text: String::new(),
        reached: None,
        question: None,
        value: Some(n as f64),
        before_text: None,
        change_text: None,
    };
    rows.push(count(
        "incidents_12m",
        lang.pick(
            "Incidenter de senaste 12 månaderna",
            "Incidents in the last 12 months",
        ),
        incidents,
    ));
    // Every outstanding recommendation (FUP004's `outstanding`): a different measure from
    // FUP004's findings, which are only those past due or open with no activity.
    rows.push(count(
        "open_recommendations",
        lang.pick(
            "Öppna revisionsrekommendationer",
            "Open audit recommendations",
        ),
        open_recommendations,
    ));
    rows.push(count(
        "overdue_activities",
        lang.pick("Försenade planaktiviteter", "Overdue plan activities"),
        // PLAN002's count, also when the year has no plan for the overdue work to sit in.
        input.overdue_activities().len(),
    ));
    rows.push(count(
        "errors",
        lang.pick("Brister", "Gaps (errors)"),
        gaps.errors,
    ));
    rows.push(count(
        "warnings",
        lang.pick("Anmärkningar", "Gaps (warnings)"),
        gaps.warnings,
    ));
    rows
}
