//! Continuity (BCM): critical assets covered by continuity plans, plans exercised, restores
//! tested.

use std::borrow::Cow;

use crate::util::hash::HashMap;
use crate::repo::fold_case;

use super::area_rules;
use crate::config::Config;
use crate::model::{ContinuityPlan, Date};
use crate::repo::{Rec, Repository};

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
    let last = plan.exercises.iter().map(|e| e.date).filter(|d| *d <= as_of).max();
    match last {
        Some(d) => Some(d.leaves_window(months)),
        None => plan.documented,
    }
}

/// Whether `plan` was exercised in the last `exercise_max_age_months` (BCM002 is silent
/// about it; audit question 10 and the unit page count it).
pub fn exercised_on(config: &Config, plan: &ContinuityPlan, as_of: Date) -> bool {
    plan.exercises.iter().any(|e| e.date <= as_of)
        && exercise_due(config, plan, as_of).is_some_and(|due| as_of < due)
}

/// The continuity plans existing on `as_of` that list `asset` (BCM001's coverage, from
/// `plans_by_asset`), in path order.
pub fn plans_covering<'r>(repo: &'r Repository, asset: &str, as_of: Date) -> Vec<&'r Rec<ContinuityPlan>> {
    plans_by_asset(repo, as_of)
        .get(&*fold_case(asset))
        .map(|plans| plans.iter().map(|&pi| &repo.continuity_plans[pi]).collect())
        .unwrap_or_default()
}

/// The continuity plans listing each asset that existed on `as_of`: lower-cased asset id →
/// indices into `repo.continuity_plans`, in path order. Built once, so rules join without
/// scanning.
pub(crate) fn plans_by_asset(repo: &Repository, as_of: Date) -> HashMap<Cow<'_, str>, Vec<usize>> {
    let mut index: HashMap<Cow<'_, str>, Vec<usize>> = HashMap::default();
    for (pi, plan) in repo.continuity_plans.iter().enumerate() {
        if !plan.exists_on(as_of) {
            continue;
        }
        for asset in &plan.assets {
            let plans = index.entry(fold_case(asset)).or_default();
            if plans.last() != Some(&pi) {
                plans.push(pi);
            }
        }
    }
    index
}
