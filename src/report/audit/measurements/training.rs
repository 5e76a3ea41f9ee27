//! Question 4: training completion over the campaigns of the window, and per unit.

use super::Measured;
use crate::config::Language;
use crate::l10n::Args;
use crate::report::audit::Evidence;
use crate::report::facts::Input;
use crate::report::markdown::percent;
use crate::rules::cul;

/// Per-unit completion over the results CUL001 counts (reported rows of the campaigns of
/// the window), units as written in the results, by name.
pub(crate) fn completion_by_unit(input: &Input<'_>) -> Vec<(String, String, u64, u64)> {
    let counted = input.counted_results();
    let mut units: Vec<String> = counted.iter().map(|r| r.unit.to_lowercase()).collect();
    units.sort();
    units.dedup();
    // Each unit's results are those naming it with `eq_ignore_ascii_case`, summed at once.
    let sums = cul::completion_by_unit(&counted);
    let mut rows: Vec<(String, String, u64, u64)> = units
        .into_iter()
        .map(|id| {
            let (done, targeted) = sums.get(&id).copied().unwrap_or_default();
            let canonical = input.repo.unit(&id).map_or(id.clone(), |u| u.id.clone());
            (canonical, input.unit_name(&id), done, targeted)
        })
        .collect();
    rows.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    rows
}

/// Question 4: CUL001's organisation-wide completion, with its share from CUL001's own
/// function (0 % when nothing is counted, as CUL001 then reports), and each unit's.
pub(super) fn training(input: &Input<'_>, m: &mut Measured) {
    let lang = input.lang;
    let (done, targeted) = input.completion(|_| true);
    m.numerator = done;
    m.denominator = targeted;
    m.share = Some(cul::completion_share(done, targeted));
    // The units' rows describe the figure; they do not count in it.
    if m.counting {
        return;
    }
    for (id, name, d, t) in completion_by_unit(input) {
        let share = if t > 0 { d as f64 / t as f64 } else { 0.0 };
        m.evidence.push(Evidence {
            kind: "unit",
            id,
            name,
            // Below target as CUL001 judges a unit (nothing targeted is not below).
            ok: !input.below_target(d, t),
            detail: match lang {
                Language::Sv => format!("{d} av {t} ({})", percent(share, lang)),
                Language::En => format!("{d} of {t} ({})", percent(share, lang)),
            },
        });
    }
}

/// What question 4 lacks when nothing is counted, in CUL001's terms: the catalogue message
/// and its values (the campaigns of the window, none with reported results, and the window).
pub(super) fn training_gap(input: &Input<'_>) -> (&'static str, Args) {
    let cx = input.rules_context();
    let args: Args = vec![
        ("campaigns", cul::campaigns_in_window(&cx).into()),
        (
            "window_months",
            input.config.thresholds.training_window_months.into(),
        ),
    ];
    ("missing-training", args)
}
