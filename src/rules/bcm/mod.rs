//! Continuity (BCM): critical assets covered by continuity plans, plans exercised, restores
//! tested.

use std::borrow::Cow;

use crate::util::hash::HashMap;
use crate::repo::fold_case;

use super::area_rules;
use crate::model::Date;
use crate::repo::Repository;

area_rules! {
    critical_asset_without_continuity_plan::CriticalAssetWithoutContinuityPlan,
    unexercised_continuity_plan::UnexercisedContinuityPlan,
    critical_asset_without_restore_test::CriticalAssetWithoutRestoreTest,
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
