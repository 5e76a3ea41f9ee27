use std::borrow::Cow;

use crate::repo::fold_case;
use crate::util::hash::{HashMap, HashSet};

use crate::model::UnitType;
use crate::rules::cul::in_window;
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Finds units taking part in the security work (committees, companies, federations)
    /// that no training campaign or phishing simulation whose period overlaps the last
    /// `training_window_months` months (12) reached. A campaign reaches a unit when one of
    /// its result rows names the unit, or a unit below it (`parent`, e.g. the committee's
    /// department), with `targeted` above 0.
    ///
    /// ## Why it matters
    /// The board is responsible for a sufficient security culture in every committee and
    /// company. A unit left out of every campaign has staff who were never reminded of how
    /// to handle information, recognise phishing or report incidents, and its completion
    /// cannot even be measured.
    ///
    /// ## Example
    /// ```yaml
    /// kind: unit
    /// id: tekniska-namnden     # no training result names it in the last 12 months
    /// name: Tekniska nämnden
    /// type: committee
    /// ```
    /// Not reported: the same unit with a result row `{unit: tekniska-namnden, targeted: 80}`
    /// in a campaign of the last 12 months, or a department (departments are covered through
    /// their committee).
    ///
    /// ## How to fix
    /// Include the unit in the next campaign and record its figures under `results`.
    /// Threshold: `[thresholds] training_window_months`.
    ///
    /// ## References
    /// - MSB (MCF), Metodstöd för LIS: utbildning och medvetandegörande
    /// - ISO/IEC 27001:2022, 7.3 (awareness); annex A.6.3
    pub struct UnitNotReached {
        code: "CUL003",
        name: "unit-not-reached-by-training",
        severity: Warning,
        summary: "committee, company or federation that no campaign of the last 12 months reached",
    }
}

/// The units (folded ids) that a campaign or phishing simulation of the training window
/// reached: every unit of a result row with someone targeted, and every unit above it.
/// CUL003 reports the member units not among them; a unit's page says whether it is.
pub fn reached_units<'a>(cx: &Context<'a>) -> HashSet<Cow<'a, str>> {
    let parent: HashMap<Cow<'_, str>, Cow<'_, str>> = cx
        .repo
        .units
        .iter()
        .filter_map(|u| u.parent.as_ref().map(|p| (fold_case(&u.id), fold_case(p))))
        .collect();
    let mut reached: HashSet<Cow<'_, str>> = HashSet::default();
    for t in &cx.repo.trainings {
        if !in_window(cx, t) {
            continue;
        }
        for r in t.results.iter().filter(|r| r.targeted > 0) {
            // The unit and every unit above it; the step limit guards against a
            // `parent` cycle.
            let mut unit = fold_case(&r.unit);
            for _ in 0..=parent.len() {
                let next = parent.get(&*unit).cloned();
                if !reached.insert(unit) {
                    break;
                }
                match next {
                    Some(p) => unit = p,
                    None => break,
                }
            }
        }
    }
    reached
}

impl Rule for UnitNotReached {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let reached = reached_units(cx);
        for u in cx.member_units() {
            if reached.contains(&*fold_case(&u.id)) {
                continue;
            }
            let kind = match u.unit_type {
                UnitType::Company => "company",
                UnitType::Federation => "federation",
                _ => "committee",
            };
            sink.record(u, "")
                .arg("unit_type", kind)
                .arg("name", &u.name)
                .arg("window_months", cx.config.thresholds.training_window_months);
        }
    }
}
