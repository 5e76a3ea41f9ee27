//! A unit page's training: each campaign of the window over the units, completion against
//! the target, and the phishing simulations the units took part in.

use serde::Serialize;

use super::Scope;
use crate::model::*;
use crate::report::labels::label;
use crate::report::markdown::percent;
use crate::report::rows::{PhishingRow, phishing_row};

/// One training campaign, summed over the units.
#[derive(Debug, Clone, Serialize)]
pub struct CampaignRow {
    pub id: String,
    pub title: String,
    pub kind_label: String,
    pub targeted: u64,
    pub completed: u64,
    pub share_text: String,
    pub below_target: bool,
}

/// The units' training.
#[derive(Debug, Clone, Serialize)]
pub struct UnitTraining {
    pub completion: Option<f64>,
    pub completion_text: String,
    pub target_text: String,
    pub campaigns: Vec<CampaignRow>,
    pub phishing: Vec<PhishingRow>,
}

fn training_type_str(t: TrainingType) -> &'static str {
    match t {
        TrainingType::Course => "course",
        TrainingType::NanoLearning => "nano_learning",
        TrainingType::Briefing => "briefing",
        TrainingType::PhishingSimulation => "phishing_simulation",
    }
}

pub(super) fn build(scope: &Scope<'_, '_>) -> UnitTraining {
    let input = scope.input;
    let lang = input.lang;
    let target = input.config.training.completion_target;
    let campaigns: Vec<CampaignRow> = input
        .training_campaigns()
        .into_iter()
        .filter_map(|t| campaign_row(scope, t, target))
        .collect();
    let (done, targeted) = input.completion(|u| scope.unit(Some(u)));
    let completion = (targeted > 0).then(|| done as f64 / targeted as f64);
    let phishing = input
        .phishing_simulations()
        .into_iter()
        .filter(|t| t.results.iter().any(|r| scope.unit(Some(&r.unit))))
        .map(|t| phishing_row(input, t, |u| scope.unit(Some(u))))
        .collect();
    UnitTraining {
        completion,
        completion_text: completion.map_or_else(|| "–".into(), |c| percent(c, lang)),
        target_text: percent(target, lang),
        campaigns,
        phishing,
    }
}

/// A campaign's results over the units; `None` when none of them took part.
fn campaign_row(scope: &Scope<'_, '_>, t: &Training, target: f64) -> Option<CampaignRow> {
    let lang = scope.input.lang;
    let rows: Vec<&TrainingResult> = t
        .results
        .iter()
        .filter(|r| scope.unit(Some(&r.unit)))
        .collect();
    if rows.is_empty() {
        return None;
    }
    let targeted: u64 = rows.iter().map(|r| r.targeted).sum();
    let completed: u64 = rows.iter().map(|r| r.completed.unwrap_or(0)).sum();
    let share = (targeted > 0).then(|| completed as f64 / targeted as f64);
    Some(CampaignRow {
        id: t.id.clone(),
        title: t.title.clone(),
        kind_label: label(lang, "training", training_type_str(t.training_type)),
        targeted,
        completed,
        share_text: share.map_or_else(|| "–".into(), |s| percent(s, lang)),
        below_target: share.is_none_or(|s| s + 1e-9 < target),
    })
}
