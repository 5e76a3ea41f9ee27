//! Question 4: training completion over the campaigns of the window, and per unit.

use super::Measured;
use crate::config::Language;
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
    let mut rows: Vec<(String, String, u64, u64)> = units
        .into_iter()
        .map(|id| {
            let (done, targeted) = cul::completion(&counted, |u| u.eq_ignore_ascii_case(&id));
            let canonical = input.repo.unit(&id).map_or(id.clone(), |u| u.id.clone());
            (canonical, input.unit_name(&id), done, targeted)
        })
        .collect();
    rows.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    rows
}

pub(super) fn training(input: &Input<'_>, m: &mut Measured) {
    let lang = input.lang;
    let (done, targeted) = input.completion(|_| true);
    m.numerator = done;
    m.denominator = targeted;
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
