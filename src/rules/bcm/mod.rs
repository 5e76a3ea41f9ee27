//! Continuity (BCM): critical assets covered by continuity plans, plans exercised, restores
//! tested.

use super::{Context, area_rules};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::model::{ContinuityPlan, Date, Kind};
use crate::repo::Repository;
use crate::rules::sec::display_name;

area_rules! {
    critical_asset_without_continuity_plan::CriticalAssetWithoutContinuityPlan,
    unexercised_continuity_plan::UnexercisedContinuityPlan,
    critical_asset_without_restore_test::CriticalAssetWithoutRestoreTest,
}

/// The day BCM002 starts to report `plan` as of `as_of`: the day its last exercise up to
/// then leaves the window of `exercise_max_age_months`. A plan never exercised has no
/// exercise in any window: it is reported from the day it exists, its `documented` date
/// (`None` when it has none). `isms due` lists this date as the plan's next exercise.
pub fn exercise_due(config: &Config, plan: &ContinuityPlan, as_of: Date) -> Option<Date> {
    let months = config.thresholds.exercise_max_age_months;
    match last_exercise(plan, as_of) {
        Some(d) => Some(d.leaves_window(months)),
        None => plan.documented,
    }
}

/// The date of `plan`'s last exercise up to `as_of`, if it has had one.
pub fn last_exercise(plan: &ContinuityPlan, as_of: Date) -> Option<Date> {
    plan.exercises
        .iter()
        .map(|e| e.date)
        .filter(|d| *d <= as_of)
        .max()
}

/// Whether `plan` was exercised in the last `exercise_max_age_months` (BCM002 is silent
/// about it; audit question 10 and the unit page count it).
pub fn exercised_on(config: &Config, plan: &ContinuityPlan, as_of: Date) -> bool {
    plan.exercises.iter().any(|e| e.date <= as_of)
        && exercise_due(config, plan, as_of).is_some_and(|due| as_of < due)
}

/// The continuity plans listing each asset that existed on `as_of`, by the asset's place
/// in `repo.assets`: indices into `repo.continuity_plans`, in path order (BCM001's
/// coverage; the reports' `Input::plans_covering` reads it). An asset is found by the
/// repository's index, as a reference is; a plan listing an id no asset holds covers
/// nothing. Built once, so rules and reports join without scanning.
pub(crate) fn plans_by_asset(repo: &Repository, as_of: Date) -> Vec<Vec<usize>> {
    let mut index = vec![Vec::new(); repo.assets.len()];
    for (pi, plan) in repo.continuity_plans.iter().enumerate() {
        if !plan.exists_on(as_of) {
            continue;
        }
        for asset in &plan.assets {
            if let Some(plans) = repo.index(Kind::Asset, asset).map(|ai| &mut index[ai])
                && plans.last() != Some(&pi)
            {
                plans.push(pi);
            }
        }
    }
    index
}

/// Says how asset `ai` is critical, given the asset `from` that makes it so
/// (`AssetView::critical_from`): `critical` is `own` when it is critical itself, or
/// `through` an asset it supports (`through`, with its `through_name`), which is related.
pub(crate) fn critical_figures<'d>(
    d: &'d mut Diagnostic,
    cx: &Context<'_>,
    ai: usize,
    from: usize,
) -> &'d mut Diagnostic {
    match cx.repo.assets.get(from).filter(|_| from != ai) {
        None => d.arg("critical", "own"),
        Some(origin) => d
            .arg("critical", "through")
            .arg("through", &origin.id)
            .arg("through_name", display_name(&origin.name, &origin.id))
            .relate(Kind::Asset, &origin.id),
    }
}
