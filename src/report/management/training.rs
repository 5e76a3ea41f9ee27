//! The management review's training: completion overall and per unit against the target,
//! and the phishing simulations of the period.

use serde::Serialize;

use crate::report::charts::Chart;

use crate::config::Language;

use crate::report::audit;
use crate::report::charts;
use crate::report::facts::Input;
use crate::report::markdown::percent;
use crate::report::rows::{PhishingRow, phishing_row};

/// A unit's training completion against the target.
#[derive(Debug, Clone, Serialize)]
pub struct UnitCompletionRow {
    pub unit: String,
    pub name: String,
    pub targeted: u64,
    pub completed: u64,
    pub share: Option<f64>,
    pub share_text: String,
    pub below_target: bool,
}

/// The training section.
#[derive(Debug, Clone, Serialize)]
pub struct TrainingOverview {
    pub target: f64,
    pub target_text: String,
    pub completion: Option<f64>,
    pub completion_text: String,
    pub campaigns: Vec<String>,
    pub units: Vec<UnitCompletionRow>,
    pub phishing: Vec<PhishingRow>,
    pub click_rate_max_text: String,
}

/// Completion over the campaigns of the window, and the phishing simulations.
pub(super) fn build(input: &Input<'_>) -> TrainingOverview {
    let lang = input.lang;
    let target = input.config.training.completion_target;
    let (done, targeted) = input.completion(|_| true);
    let completion = (targeted > 0).then(|| done as f64 / targeted as f64);
    let units = audit::completion_by_unit(input)
        .into_iter()
        .map(|(id, name, d, t)| {
            let share = (t > 0).then(|| d as f64 / t as f64);
            UnitCompletionRow {
                unit: id,
                name,
                targeted: t,
                completed: d,
                share,
                share_text: share.map_or_else(|| "–".into(), |s| percent(s, lang)),
                // CUL001's finding for the unit.
                below_target: input.below_target(d, t),
            }
        })
        .collect();
    let max = input.config.training.phishing_click_rate_max;
    let phishing = input
        .phishing_simulations()
        .into_iter()
        .map(|t| phishing_row(input, t, |_| true))
        .collect();
    TrainingOverview {
        target,
        target_text: percent(target, lang),
        completion,
        completion_text: completion.map_or_else(|| "–".into(), |c| percent(c, lang)),
        campaigns: input
            .training_campaigns()
            .iter()
            .map(|t| t.title.clone())
            .collect(),
        units,
        phishing,
        click_rate_max_text: percent(max, lang),
    }
}

/// Bars of the completion per unit, in whole percent.
pub(super) fn by_unit_chart(lang: Language, training: &TrainingOverview) -> Option<Chart> {
    charts::bars(
        lang.pick(
            "Genomförd utbildning per enhet (%)",
            "Training completion per unit (%)",
        ),
        "%",
        &training
            .units
            .iter()
            .filter_map(|u| {
                u.share
                    .map(|s| (u.name.clone(), (s * 100.0).round() as u64))
            })
            .collect::<Vec<_>>(),
        100,
    )
}
