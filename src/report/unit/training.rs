//! A unit page's training: each campaign of the window over the units, completion against
//! the target, and the phishing simulations the units took part in.

use serde::Serialize;

use super::Scope;
use crate::model::*;
use crate::repo::{Rec, fold_case};
use crate::report::labels::label;
use crate::report::markdown::percent;
use crate::report::rows::{PhishingRow, phishing_row};
use crate::rules::cul;

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
    /// Whether a campaign or phishing simulation of the window reached the unit or one
    /// below it: false exactly when CUL003 reports the unit.
    pub reached: bool,
    /// Completion over the results CUL001 counts for the unit and the units below it
    /// together. A different measure from CUL001's per unit, which takes each unit as
    /// written in the results: the page answers for the committee with its departments.
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
    let counted = input.counted_results();
    let campaigns: Vec<CampaignRow> = input
        .training_campaigns()
        .into_iter()
        .filter_map(|t| campaign_row(scope, t, &counted))
        .collect();
    let (done, targeted) = input.completion(|u| scope.unit(Some(u)));
    let completion = (targeted > 0).then(|| done as f64 / targeted as f64);
    let phishing = input
        .phishing_simulations()
        .into_iter()
        .filter(|t| t.results.iter().any(|r| scope.unit(Some(&r.unit))))
        .map(|t| phishing_row(input, t, |u| scope.unit(Some(u))))
        .collect();
    let reached = cul::reached_units(&input.rules_context()).contains(&*fold_case(&scope.root));
    UnitTraining {
        reached,
        completion,
        completion_text: completion.map_or_else(|| "–".into(), |c| percent(c, lang)),
        target_text: percent(target, lang),
        campaigns,
        phishing,
    }
}

/// A campaign's results over the units; `None` when none of them took part. The sums are
/// CUL001's: over the rows it counts (reported ones).
fn campaign_row(
    scope: &Scope<'_, '_>,
    t: &Rec<Training>,
    counted: &[cul::CountedResult<'_>],
) -> Option<CampaignRow> {
    let input = scope.input;
    let lang = input.lang;
    if !t.results.iter().any(|r| scope.unit(Some(&r.unit))) {
        return None;
    }
    let this: Vec<cul::CountedResult<'_>> = counted
        .iter()
        .filter(|r| std::ptr::eq(&input.repo.trainings[r.campaign], t))
        .copied()
        .collect();
    let (completed, targeted) = cul::completion(&this, |u| scope.unit(Some(u)));
    let share = (targeted > 0).then(|| completed as f64 / targeted as f64);
    Some(CampaignRow {
        id: t.id.clone(),
        title: t.title.clone(),
        kind_label: label(lang, "training", training_type_str(t.training_type)),
        targeted,
        completed,
        share_text: share.map_or_else(|| "–".into(), |s| percent(s, lang)),
        below_target: input.below_target(completed, targeted),
    })
}
