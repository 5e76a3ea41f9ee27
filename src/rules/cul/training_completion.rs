use std::borrow::Cow;

use crate::repo::fold_case;
use crate::util::hash::HashMap;

use crate::l10n::Value;
use crate::model::Kind;
use crate::rules::cul::{
    below_target, campaigns_in_window, completion, counted_results, nothing_counted, share_value,
};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Computes training completion, the sum of `completed` over the sum of `targeted`,
    /// over the training campaigns (every type but `phishing_simulation`) whose period
    /// overlaps the last `training_window_months` months (12), ongoing campaigns (no `end`)
    /// included, and reports it when it is below `completion_target` (0.9):
    /// - organisation-wide, once, at the organisation record (the figure belongs to no
    ///   single campaign);
    /// - per unit, for every unit whose own results fall below the target, at that unit's
    ///   `completed` in the most recent campaign (latest `start`) that reports it. A CUL001
    ///   waiver on that campaign or on the unit record silences it.
    ///
    /// A result row without `completed` is not yet reported and is left out of both sums,
    /// `targeted` included: an ongoing campaign does not pull the figure down before its
    /// results come in. Units are taken as written in `results` (a department's figures count
    /// for the department, not for its committee).
    ///
    /// No campaign in the window, or none with a reported result, is a completion of 0 %:
    /// nothing shows that anyone was trained, and absence of evidence is not compliance
    /// (the audit report's question 4 answers No then). It is reported once,
    /// organisation-wide, saying which of the two it is; no unit is reported (CUL003 finds
    /// the units no campaign reached).
    ///
    /// ## Why it matters
    /// People are the first line of defence: an organisation whose staff have not been
    /// trained misses phishing, mishandles information and reports incidents late. The
    /// board is responsible for a sufficient security culture in the committees; municipal
    /// audits measure it as completion per unit and have judged 48 % far too low.
    ///
    /// ## Example
    /// ```yaml
    /// kind: training
    /// id: nano-2024
    /// title: Nano learnings 2024
    /// type: nano_learning
    /// start: 2024-01-01
    /// results:
    ///   - unit: socialnamnden
    ///     targeted: 1200
    ///     completed: 560     # 47 %, below 90 %: reported here and organisation-wide
    /// ```
    /// Not reported: `completed: 1100` (92 %). A campaign that ended more than 12 months
    /// before the as-of date counts for nothing: with no other campaign in the window,
    /// completion is 0 % and reported organisation-wide.
    ///
    /// ## How to fix
    /// Follow up with the units below target (reminders through managers, time set aside
    /// for training) and record the new figures under `results`. Thresholds:
    /// `[training] completion_target`, `training_window_months`.
    ///
    /// ## References
    /// - MSB (MCF), Metodstöd för LIS: utbildning och medvetandegörande
    /// - ISO/IEC 27001:2022, 7.2 (competence) and 7.3 (awareness); annex A.6.3
    pub struct TrainingCompletion {
        code: "CUL001",
        name: "training-completion-below-target",
        severity: Error,
        summary: "training completion below completion_target over the last 12 months, organisation-wide and per unit",
    }
}

/// Reported results of one unit over the window.
#[derive(Default)]
struct Tally<'a> {
    unit: &'a str,
    targeted: u64,
    completed: u64,
    campaigns: usize,
    /// The last campaign counted, so a unit listed twice in one campaign counts it once.
    last_counted: Option<usize>,
    /// (training index, result index) of the unit's most recent reported result.
    latest: Option<(usize, usize)>,
}

impl Rule for TrainingCompletion {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let target = cx.config.training.completion_target;
        let months = cx.config.thresholds.training_window_months;
        let trainings = &cx.repo.trainings;
        let counted = counted_results(cx);
        let (completed, targeted) = completion(&counted, |_| true);
        let mut campaigns: Vec<usize> = counted.iter().map(|r| r.campaign).collect();
        campaigns.dedup();
        let campaigns = campaigns.len();
        let mut units: HashMap<Cow<'_, str>, Tally<'_>> = HashMap::default();
        for r in &counted {
            let (ti, ri) = (r.campaign, r.row);
            let tally = units.entry(fold_case(r.unit)).or_insert_with(|| Tally {
                unit: r.unit,
                ..Tally::default()
            });
            tally.targeted = tally.targeted.saturating_add(r.targeted);
            tally.completed = tally.completed.saturating_add(r.completed);
            if tally.last_counted != Some(ti) {
                tally.last_counted = Some(ti);
                tally.campaigns += 1;
            }
            // Most recent: latest start; on equal starts the later record in path order.
            let newer = tally
                .latest
                .is_none_or(|(lt, _)| trainings[lt].start <= trainings[ti].start);
            if newer {
                tally.latest = Some((ti, ri));
            }
        }
        if nothing_counted(cx, targeted) {
            // Nothing to count is 0 %, said as such: which campaigns there are, if any.
            sink.repository()
                .says("CUL001-none")
                .arg("completion", Value::Share(0.0))
                .arg("campaigns", campaigns_in_window(cx))
                .arg("window_months", months)
                .arg("target", Value::Share(target));
        } else if below_target(cx, completed, targeted) {
            sink.repository()
                .says("CUL001-organisation")
                .arg("completion", share_value(completed, targeted, target))
                .arg("completed", completed)
                .arg("targeted", targeted)
                .arg("campaigns", campaigns)
                .arg("window_months", months)
                .arg("target", Value::Share(target));
        }
        let mut below: Vec<&Tally<'_>> = units
            .values()
            .filter(|u| below_target(cx, u.completed, u.targeted))
            .collect();
        below.sort_by_key(|u| u.latest);
        for u in below {
            let Some((ti, ri)) = u.latest else { continue };
            let t = &trainings[ti];
            let unit = cx.repo.unit(u.unit);
            let name = unit.map(|r| r.name.clone());
            sink.record_also(t, unit.map(|r| &*r.r), &format!("/results/{ri}/completed"))
                .with_subject(u.unit)
                .relate(Kind::Unit, u.unit)
                .arg("unit", Value::Record(u.unit.to_owned(), name))
                .arg("completion", share_value(u.completed, u.targeted, target))
                .arg("completed", u.completed)
                .arg("targeted", u.targeted)
                .arg("campaigns", u.campaigns)
                .arg("window_months", months)
                .arg("target", Value::Share(target));
        }
    }
}
