use crate::model::Aspect;
use crate::rules::{Context, Rule, Sink, declare_rule};

use super::critical_figures;
use crate::rules::sec::{display_name, level_sources};

/// Availability from this level up puts an asset in scope (KLASSA: "allvarlig" and above).
const AVAILABILITY_IN_SCOPE: u8 = 3;

declare_rule! {
    /// ## What it does
    /// Finds active assets that are critical, or whose availability level is 3 or higher,
    /// and that no continuity plan lists in its `assets`. Both are effective values: an asset
    /// that `supports` a critical asset is critical itself, and its availability is the
    /// highest of its own and of the assets it supports (transitively); the message says
    /// where the value comes from. Planned and retired assets are not judged. A plan
    /// documented after the as-of date, and not exercised by then, did not exist yet.
    ///
    /// ## Why it matters
    /// When a critical system stops, the business needs reserve routines that are written
    /// down and known before it happens. ISO/IEC 27001:2022 A.5.29 and A.5.30 ask for
    /// information security and ICT readiness during disruption; MSB's method support and
    /// municipal audits ask for documented, tested continuity plans for critical processes.
    ///
    /// ## Example
    /// ```yaml
    /// kind: asset
    /// id: procapita
    /// name: Procapita
    /// type: system
    /// critical: true      # no continuity_plan lists procapita: error
    /// ```
    /// Not reported: the same asset listed under a continuity plan's `assets`, or an asset
    /// that is neither critical nor classified with availability 3 or more.
    ///
    /// ## How to fix
    /// Write a continuity plan (reserve routines, restore order, contacts) for the process
    /// the asset serves, and list the asset under the plan's `assets`.
    ///
    /// ## References
    /// - ISO/IEC 27001:2022, A.5.29 and A.5.30
    /// - MSB (MCF), Metodstöd för LIS: kontinuitetshantering
    /// - SKR, KLASSA: tillgänglighet nivå 3 (allvarlig) och högre
    pub struct CriticalAssetWithoutContinuityPlan {
        code: "BCM001",
        name: "critical-asset-without-continuity-plan",
        severity: Error,
        summary: "critical asset, or one with availability >= 3, covered by no continuity plan",
    }
}

impl Rule for CriticalAssetWithoutContinuityPlan {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let covered = cx.plans_by_asset();
        let availability = Aspect::ALL
            .iter()
            .position(|a| *a == Aspect::Availability)
            .unwrap_or(2);
        for (ai, asset) in cx.repo.assets.iter().enumerate() {
            if !asset.is_active() || covered.get(ai).is_some_and(|p| !p.is_empty()) {
                continue;
            }
            let Some(view) = cx.derived.assets.get(ai) else {
                continue;
            };
            let level = view.levels[availability].filter(|l| l.level >= AVAILABILITY_IN_SCOPE);
            match (view.critical_from, level) {
                (Some(from), _) => {
                    let pointer = if from == ai { "/critical" } else { "" };
                    let d = sink
                        .record(asset, pointer)
                        .arg("name", display_name(&asset.name, &asset.id));
                    critical_figures(d, cx, ai, from);
                }
                (None, Some(l)) => {
                    let d = sink
                        .record(asset, "")
                        .says("BCM001-availability")
                        .arg("name", display_name(&asset.name, &asset.id))
                        .arg("level", l.level);
                    level_sources(d, cx, ai, &[availability]);
                }
                (None, None) => continue,
            }
        }
    }
}
