use crate::l10n::Value;
use crate::model::{Kind, TrainingType};
use crate::rules::cul::{in_window, share, share_value};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Finds phishing simulations whose click rate, the sum of `clicked` over the sum of
    /// `targeted` across their results, exceeds `phishing_click_rate_max` (0.1). Only
    /// simulations whose period overlaps the last `training_window_months` months (12) are
    /// judged: an old simulation describes a culture that later training may have changed,
    /// and a newer one is the way to show it. A result row without `clicked` is not yet
    /// reported and is left out of both sums. The unit with the highest click rate is named.
    ///
    /// ## Why it matters
    /// Phishing is the most common way into a municipality's network. The click rate of a
    /// simulation measures how well staff recognise it; a high rate calls for follow-up
    /// training where it is highest, and a new simulation to see the effect.
    ///
    /// ## Example
    /// ```yaml
    /// kind: training
    /// id: phishing-2024-03
    /// title: Phishingövning mars 2024
    /// type: phishing_simulation
    /// start: 2024-03-04
    /// end: 2024-03-15
    /// results:               # 42 of 300 clicked: 14 %, above 10 %
    ///   - unit: socialnamnden
    ///     targeted: 300
    ///     clicked: 42
    ///     reported: 80
    /// ```
    /// Not reported: `clicked: 30` (exactly 10 %, not above the maximum).
    ///
    /// ## How to fix
    /// Give the units with the highest click rates targeted training, and repeat the
    /// simulation. Thresholds: `[training] phishing_click_rate_max`, `training_window_months`.
    ///
    /// ## References
    /// - MSB (MCF), Metodstöd för LIS: utbildning och medvetandegörande
    /// - ISO/IEC 27001:2022, 7.3 (awareness); annex A.6.3
    pub struct PhishingClickRate {
        code: "CUL002",
        name: "phishing-click-rate",
        severity: Warning,
        summary: "phishing simulation whose click rate exceeds phishing_click_rate_max",
    }
}

impl Rule for PhishingClickRate {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let max = cx.config.training.phishing_click_rate_max;
        for t in &cx.repo.trainings {
            if t.training_type != TrainingType::PhishingSimulation || !in_window(cx, t) {
                continue;
            }
            let (mut targeted, mut clicked) = (0u64, 0u64);
            // The unit with the highest click rate: (unit, clicked, targeted).
            let mut worst: Option<(&str, u64, u64)> = None;
            for r in &t.results {
                let Some(c) = r.clicked else { continue };
                targeted = targeted.saturating_add(r.targeted);
                clicked = clicked.saturating_add(c);
                if r.targeted > 0
                    && worst.is_none_or(|(_, wc, wt)| share(c, r.targeted) > share(wc, wt))
                {
                    worst = Some((&r.unit, c, r.targeted));
                }
            }
            if targeted == 0 || share(clicked, targeted) <= max {
                continue;
            }
            let d = sink
                .record(t, "/results")
                .arg("title", &t.title)
                .arg("start", t.start)
                .arg("click_rate", share_value(clicked, targeted, max))
                .arg("clicked", clicked)
                .arg("targeted", targeted)
                .arg("maximum", Value::Share(max))
                .arg("result_rows", t.results.len())
                .arg("window_months", cx.config.thresholds.training_window_months);
            // The unit with the highest rate is worth naming when there are several.
            if let Some((unit, c, n)) = worst.filter(|_| t.results.len() > 1) {
                let name = cx.repo.unit(unit).map(|u| u.name.clone());
                d.relate(Kind::Unit, unit)
                    .arg("highest_unit", Value::Record(unit.to_owned(), name))
                    .arg("highest_rate", share_value(c, n, max));
            }
        }
    }
}
