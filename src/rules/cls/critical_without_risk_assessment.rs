use crate::model::{Date, Kind, Risk};
use crate::repo::Rec;
use crate::rules::cls::Criticality;
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Finds active critical assets (`critical: true`, or critical through an asset they
    /// `supports`) with no risk assessment in the last `risk_max_age_months` months (12): no
    /// `risk` record with `asset:` set to the asset and `assessed` in the window. Any risk
    /// record counts as an assessment whatever its status or treatment; a unit-level risk
    /// (`unit:` only) does not. The finding points at `critical`, or at `supports` when the
    /// criticality is inherited.
    ///
    /// ## Why it matters
    /// A critical asset is one the organisation cannot do without; its risks must be known
    /// and current before measures and continuity plans can be proportionate. ISO/IEC 27001
    /// requires risk assessments at planned intervals and on significant change; MSB's method
    /// support asks for risk analysis of critical systems at least yearly.
    ///
    /// ## Example
    /// ```yaml
    /// kind: asset
    /// id: procapita
    /// name: Procapita
    /// type: system
    /// critical: true     # its only risk record was assessed 2023-04-02: reported on 2024-11-12
    /// ```
    /// Not reported: a risk record `asset: procapita` assessed 2023-11-13 or later.
    ///
    /// ## How to fix
    /// Carry out a risk analysis of the asset with its owner and record each risk as a `risk`
    /// record with `asset:` and `assessed`. Threshold: `[thresholds] risk_max_age_months`.
    ///
    /// ## References
    /// - MSB (MCF), Metodstöd för LIS: riskanalys
    /// - ISO/IEC 27001:2022, 6.1.2 and 8.2 (risk assessment at planned intervals)
    pub struct CriticalWithoutRiskAssessment {
        code: "CLS003",
        name: "critical-asset-without-risk-assessment",
        severity: Warning,
        summary: "critical asset with no risk assessment in the last risk_max_age_months",
    }
}

impl Rule for CriticalWithoutRiskAssessment {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let months = cx.config.thresholds.risk_max_age_months;
        // Each asset's latest risk assessment up to as-of, (date, risk), by the asset's
        // place; a risk is on the asset the repository's index finds for its `asset`.
        let mut latest: Vec<Option<(Date, &Rec<Risk>)>> = vec![None; cx.repo.assets.len()];
        for r in &cx.repo.risks {
            let Some(ai) = r.asset.as_deref().and_then(|a| cx.repo.index(Kind::Asset, a)) else {
                continue;
            };
            if r.assessed > cx.as_of {
                continue;
            }
            let slot = latest[ai].get_or_insert((r.assessed, r));
            if r.assessed > slot.0 {
                *slot = (r.assessed, r);
            }
        }
        for (ai, a) in cx.repo.assets.iter().enumerate() {
            if !a.is_active() {
                continue;
            }
            let Some(criticality) = Criticality::of(cx, ai) else {
                continue;
            };
            let last = latest.get(ai).copied().flatten();
            if last.is_some_and(|(date, _)| cx.within_months(date, months)) {
                continue;
            }
            let d = sink
                .record(a, criticality.pointer())
                .arg("name", &a.name)
                .arg("months", months);
            criticality.describe(cx, d);
            match last {
                Some((date, risk)) => {
                    d.arg("latest", &risk.id)
                        .arg("latest_title", &risk.title)
                        .arg("assessed", date)
                        .relate(Kind::Risk, &risk.id);
                }
                None => {
                    d.says("CLS003-never");
                }
            }
        }
    }
}
