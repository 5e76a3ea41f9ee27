//! Security culture (CUL): training completion, phishing click rates, units reached.

use super::{Context, area_rules};
use crate::l10n::Value;
use crate::model::{Date, Training, TrainingType};
use crate::util::hash::HashMap;

area_rules! {
    training_completion::TrainingCompletion,
    phishing_click_rate::PhishingClickRate,
    unit_not_reached::UnitNotReached,
}

pub use unit_not_reached::reached_units;

/// The first day of the training window: "the last `training_window_months` months" is
/// (as-of minus N months, as-of], so the day after as-of minus N months.
fn window_start(cx: &Context<'_>) -> Date {
    cx.months_ago(cx.config.thresholds.training_window_months)
        .plus_days(1)
}

/// Whether a campaign's period overlaps the training window; ongoing ones (no `end`)
/// overlap from their start on, campaigns starting after as-of do not. The CUL rules and
/// the reports' training figures look at these campaigns.
pub fn in_window(cx: &Context<'_>, t: &Training) -> bool {
    t.overlaps(window_start(cx), cx.as_of)
}

/// One reported result that CUL001 counts: a result row with `completed` of a training
/// campaign (not a phishing simulation) overlapping the training window.
#[derive(Debug, Clone, Copy)]
pub struct CountedResult<'a> {
    /// Index of the campaign in `repo.trainings`.
    pub campaign: usize,
    /// Index of the row in the campaign's `results`.
    pub row: usize,
    /// The unit as written in the row.
    pub unit: &'a str,
    pub targeted: u64,
    pub completed: u64,
}

/// Every result CUL001 counts, in record order. A row without `completed` is not yet
/// reported and is left out, `targeted` included. The reports' completion figures are
/// sums over these.
pub fn counted_results<'a>(cx: &Context<'a>) -> Vec<CountedResult<'a>> {
    let mut out = Vec::new();
    for (ti, t) in cx.repo.trainings.iter().enumerate() {
        if t.training_type == TrainingType::PhishingSimulation || !in_window(cx, t) {
            continue;
        }
        for (ri, r) in t.results.iter().enumerate() {
            let Some(completed) = r.completed else {
                continue;
            };
            out.push(CountedResult {
                campaign: ti,
                row: ri,
                unit: &r.unit,
                targeted: r.targeted,
                completed,
            });
        }
    }
    out
}

/// Sum of `completed` and of `targeted` over the counted results of the units passing
/// `unit`, as CUL001 sums them.
pub fn completion(results: &[CountedResult<'_>], unit: impl Fn(&str) -> bool) -> (u64, u64) {
    results
        .iter()
        .filter(|r| unit(r.unit))
        .fold((0u64, 0u64), add)
}

/// [`completion`] of every unit the results name at once, by the unit as written with its
/// ASCII letters in lower case (the results of a unit passing `eq_ignore_ascii_case`).
pub fn completion_by_unit(results: &[CountedResult<'_>]) -> HashMap<String, (u64, u64)> {
    let mut sums: HashMap<String, (u64, u64)> = HashMap::default();
    for r in results {
        let sum = sums.entry(r.unit.to_ascii_lowercase()).or_default();
        *sum = add(*sum, r);
    }
    sums
}

/// A sum of `completed` and of `targeted` with one more result, as CUL001 sums them.
fn add((completed, targeted): (u64, u64), r: &CountedResult<'_>) -> (u64, u64) {
    (
        completed.saturating_add(r.completed),
        targeted.saturating_add(r.targeted),
    )
}

/// Whether `completed` of `targeted` is below `completion_target`, as CUL001 judges it:
/// nothing targeted is not below.
pub fn below_target(cx: &Context<'_>, completed: u64, targeted: u64) -> bool {
    targeted > 0 && share(completed, targeted) < cx.config.training.completion_target
}

/// The training campaigns (not phishing simulations) whose period overlaps the window:
/// the campaigns whose reported results CUL001 counts.
pub fn campaigns_in_window(cx: &Context<'_>) -> usize {
    cx.repo
        .trainings
        .iter()
        .filter(|t| t.training_type != TrainingType::PhishingSimulation && in_window(cx, t))
        .count()
}

/// Organisation-wide completion as CUL001 judges it: `completed / targeted` over the
/// counted results, and 0 when nothing is counted (no campaign in the window, or none with
/// a reported result): no evidence of training is no training. The audit report's
/// question 4 shows this figure.
pub fn completion_share(completed: u64, targeted: u64) -> f64 {
    share(completed, targeted)
}

/// Whether CUL001 has nothing to count organisation-wide (no one targeted in a reported
/// result of the window) and so reports a completion of 0 %, which is below any target
/// above zero.
pub fn nothing_counted(cx: &Context<'_>, targeted: u64) -> bool {
    targeted == 0 && completion_share(0, 0) < cx.config.training.completion_target
}

/// `num / den` as a message shows it: a whole percentage (`48 %`), or to a tenth when the
/// whole figure would equal the threshold's and so hide which side of it the share lies on
/// (89.6 % is shown as `89.6 %`, not `90 %`, against a 90 % target). The tenth is rounded
/// towards the share's own side of the threshold.
fn share_value(num: u64, den: u64, threshold: f64) -> Value {
    let x = share(num, den);
    let whole = |x: f64| format!("{:.0}", x * 100.0);
    if whole(x) != whole(threshold) || x == threshold {
        return Value::Share(x);
    }
    let tenths = x * 1000.0;
    let tenths = if x < threshold {
        tenths.floor()
    } else {
        tenths.ceil()
    };
    Value::ShareTenths(tenths / 1000.0)
}

/// `num / den`; 0 when nothing was targeted.
fn share(num: u64, den: u64) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

#[cfg(test)]
mod tests {
    use super::{CountedResult, completion, completion_by_unit, share_value};
    use crate::l10n::Value;

    /// Each unit's sum at once is the sum `completion` gives for the results naming it with
    /// `eq_ignore_ascii_case`: ASCII case variants together, other letters as written.
    #[test]
    fn completion_by_unit_is_each_units_completion() {
        let results: Vec<CountedResult<'_>> = [
            ("skola", 10, 4),
            ("SKOLA", 5, 5),
            ("Åsa", 3, 1),
            ("åsa", 2, 2),
            ("vård", u64::MAX, 1),
            ("Vård", 1, 1),
            ("VÅRD", 1, 1),
        ]
        .iter()
        .enumerate()
        .map(|(row, (unit, targeted, completed))| CountedResult {
            campaign: 0,
            row,
            unit,
            targeted: *targeted,
            completed: *completed,
        })
        .collect();
        let sums = completion_by_unit(&results);
        for unit in ["skola", "åsa", "Åsa", "vård", "VÅRD"] {
            let one = completion(&results, |u| u.eq_ignore_ascii_case(unit));
            assert_eq!(sums[&unit.to_ascii_lowercase()], one, "{unit}");
        }
        assert_eq!(sums["skola"], (9, 15));
        assert_eq!(sums["vård"], (2, u64::MAX));
        assert_eq!(sums["vÅrd"], (1, 1));
        assert_eq!(sums.len(), 5);
    }

    #[test]
    fn shares_near_the_threshold_keep_their_side() {
        assert_eq!(share_value(48, 100, 0.9), Value::Share(0.48));
        assert_eq!(share_value(896, 1000, 0.9), Value::ShareTenths(0.896));
        assert_eq!(share_value(8999, 10000, 0.9), Value::ShareTenths(0.899));
        assert_eq!(share_value(1001, 10000, 0.1), Value::ShareTenths(0.101));
        assert_eq!(share_value(14, 100, 0.1), Value::Share(0.14));
    }
}
