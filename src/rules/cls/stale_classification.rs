use crate::model::{Classification, Date, Kind};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Finds active assets whose current classification (the newest by `date`) is not from
    /// the last `classification_max_age_months` months (24): dated on or before the as-of
    /// date minus that many months. The finding points at the classification's `date`, so a
    /// waiver on the classification record silences it. Superseded classifications are
    /// history and raise nothing; neither do those of planned or retired assets.
    ///
    /// ## Why it matters
    /// Systems, their information and the threats against them change: a classification
    /// that is not reviewed regularly drives the wrong measures. KLASSA and MSB's method
    /// support expect classifications to be revisited, at the latest on major changes and
    /// otherwise at a set interval.
    ///
    /// ## Example
    /// ```yaml
    /// kind: classification
    /// id: procapita-2021
    /// asset: procapita
    /// date: 2021-03-15      # 44 months old on 2024-11-12: reported
    /// confidentiality: 3
    /// integrity: 3
    /// availability: 3
    /// ```
    /// Not reported: the same record when a newer classification of `procapita` exists, or
    /// one dated 2022-11-13 (one day short of 24 months).
    ///
    /// ## How to fix
    /// Review the classification with the system owner and record the result as a new
    /// classification record (keep the old one as history). Threshold:
    /// `[thresholds] classification_max_age_months`.
    ///
    /// ## References
    /// - MSB (MCF), Metodstöd för LIS: informationsklassning; SKR, KLASSA
    /// - ISO/IEC 27001:2022, 8.2 (risk assessment at planned intervals) and annex A.5.12
    pub struct StaleClassification {
        code: "CLS002",
        name: "stale-classification",
        severity: Warning,
        summary: "current classification older than classification_max_age_months",
    }
}

/// Whether a classification is too old to stand: dated on or before the as-of date minus
/// `classification_max_age_months`. CLS002 reports the current classifications of active
/// assets that are; the reports call such a classification outdated.
pub fn is_stale(cx: &Context<'_>, c: &Classification) -> bool {
    stale_on(
        c,
        cx.config.thresholds.classification_max_age_months,
        cx.as_of,
    )
}

/// Whether `c` is more than `max_months` old on `as_of` ([`is_stale`] on that day).
fn stale_on(c: &Classification, max_months: u32, as_of: Date) -> bool {
    c.date <= as_of.minus_months(max_months as i32)
}

/// The last day classification `c` stands: on the next, [`is_stale`] holds. `isms due`
/// dates its renewal so, so that the renewal is overdue exactly when CLS002 reports it.
pub fn stands_until(c: &Classification, max_months: u32) -> Date {
    // The first stale day is `max_months` after `c.date`, or a few days later where month
    // ends are clamped (a classification of 29 February).
    let mut day = c.date.plus_months(max_months as i32);
    while !stale_on(c, max_months, day) {
        day = day.plus_days(1);
    }
    day.plus_days(-1)
}

impl Rule for StaleClassification {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let max = cx.config.thresholds.classification_max_age_months;
        for (ai, a) in cx.repo.assets.iter().enumerate() {
            if !a.is_active() {
                continue;
            }
            let Some(ci) = cx.derived.assets.get(ai).and_then(|v| v.current) else {
                continue;
            };
            let c = &cx.repo.classifications[ci];
            if !is_stale(cx, c) {
                continue;
            }
            sink.record(c, "/date")
                .arg("asset", &a.id)
                .arg("asset_name", &a.name)
                .arg("date", c.date)
                .arg("age_months", c.date.months_until(cx.as_of))
                .arg("max_months", max)
                .relate(Kind::Asset, &a.id);
        }
    }
}
