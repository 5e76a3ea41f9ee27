//! A phishing simulation's results as the reports list them: targeted, clicked, reported
//! and the click rate against the configured maximum.

use serde::Serialize;

use crate::model::{Training, TrainingResult};
use crate::repo::Rec;
use crate::report::facts::Input;
use crate::report::markdown::percent;

/// One phishing simulation's results, summed over some units.
#[derive(Debug, Clone, Serialize)]
pub struct PhishingRow {
    pub id: String,
    pub title: String,
    pub start: String,
    pub targeted: u64,
    pub clicked: u64,
    pub reported: u64,
    pub click_rate: Option<f64>,
    pub click_rate_text: String,
    pub above_max: bool,
}

/// One phishing simulation, over the units `unit` accepts.
pub(crate) fn phishing_row(
    input: &Input<'_>,
    t: &Rec<Training>,
    unit: impl Fn(&str) -> bool,
) -> PhishingRow {
    let lang = input.lang;
    let results: Vec<&TrainingResult> = t.results.iter().filter(|r| unit(&r.unit)).collect();
    let targeted: u64 = results.iter().map(|r| r.targeted).sum();
    let clicked: u64 = results.iter().map(|r| r.clicked.unwrap_or(0)).sum();
    let reported: u64 = results.iter().map(|r| r.reported.unwrap_or(0)).sum();
    let rate = (targeted > 0).then(|| clicked as f64 / targeted as f64);
    let max = input.config.training.phishing_click_rate_max;
    PhishingRow {
        id: t.id.clone(),
        title: t.title.clone(),
        start: t.start.to_string(),
        targeted,
        clicked,
        reported,
        click_rate: rate,
        click_rate_text: rate.map_or_else(|| "–".into(), |r| percent(r, lang)),
        above_max: rate.is_some_and(|r| r > max + 1e-9),
    }
}
