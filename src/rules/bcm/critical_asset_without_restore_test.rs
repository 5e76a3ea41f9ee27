use crate::l10n::{Args, Value};
use crate::model::{ContinuityPlan, ExerciseType, Kind};
use crate::rules::{Context, Rule, Sink, declare_rule};

use super::critical_figures;
use crate::rules::sec::display_name;

declare_rule! {
    /// ## What it does
    /// Finds active critical assets (critical themselves, or through an asset they
    /// `supports`) whose continuity plans — the plans that list the asset in `assets` — have
    /// never had an exercise of type `restore_test` (dated on or before the as-of date).
    /// Only assets with at least one plan existing on the as-of date (see BCM001) are judged
    /// here; a critical asset with no plan is BCM001's finding.
    ///
    /// ## Why it matters
    /// Backups are only as good as the last restore that worked. A tabletop exercise shows
    /// that people know the plan; only a real restore shows that the data and the system
    /// come back, and how long it takes. ISO/IEC 27001:2022 A.8.13 asks that backups be
    /// tested, and A.5.30 that ICT readiness be tested; audits of municipalities ask for
    /// documented, tested backup and recovery routines.
    ///
    /// ## Example
    /// ```yaml
    /// kind: continuity_plan
    /// id: kp-socialtjanst
    /// title: Kontinuitetsplan socialtjänsten
    /// assets: [procapita]     # procapita is critical
    /// exercises:
    ///   - date: 2023-03-14
    ///     type: tabletop      # never a restore_test: warning at procapita
    /// ```
    /// Not reported: the same plan with an exercise of `type: restore_test`, whatever its
    /// outcome, or an asset that is not critical.
    ///
    /// ## How to fix
    /// Restore the asset's data (or the whole system) from backup in a test environment,
    /// time it, and record it as an exercise of `type: restore_test` in the plan.
    ///
    /// ## References
    /// - ISO/IEC 27001:2022, A.8.13 and A.5.30
    /// - MSB (MCF), Metodstöd för LIS: kontinuitetshantering
    pub struct CriticalAssetWithoutRestoreTest {
        code: "BCM003",
        name: "critical-asset-without-restore-test",
        severity: Warning,
        summary: "critical asset whose continuity plans have never had a restore_test exercise",
    }
}

impl Rule for CriticalAssetWithoutRestoreTest {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let plans = cx.plans_by_asset();
        let tested: Vec<bool> = cx
            .repo
            .continuity_plans
            .iter()
            .map(|p| {
                p.exercises
                    .iter()
                    .any(|e| e.exercise_type == ExerciseType::RestoreTest && e.date <= cx.as_of)
            })
            .collect();
        for (ai, asset) in cx.repo.assets.iter().enumerate() {
            let Some(from) = cx.derived.assets.get(ai).and_then(|v| v.critical_from) else {
                continue;
            };
            if !asset.is_active() {
                continue;
            }
            let Some(own) = plans.get(ai).filter(|p| !p.is_empty()) else {
                continue;
            };
            if own.iter().any(|&pi| tested[pi]) {
                continue;
            }
            let pointer = if from == ai { "/critical" } else { "" };
            let plans: Vec<&ContinuityPlan> = own
                .iter()
                .map(|&pi| &*cx.repo.continuity_plans[pi].r)
                .collect();
            let parts: Vec<Args> = plans
                .iter()
                .map(|p| {
                    vec![
                        ("plan", (&p.id).into()),
                        ("title", display_name(&p.title, &p.id).into()),
                    ]
                })
                .collect();
            let d = sink
                .record(asset, pointer)
                .arg("name", display_name(&asset.name, &asset.id))
                .arg("plans", Value::Parts(parts));
            critical_figures(d, cx, ai, from);
            if plans.len() > 1 {
                d.says("BCM003-plans");
            }
            for p in plans {
                d.relate(Kind::ContinuityPlan, &p.id);
            }
        }
    }
}
