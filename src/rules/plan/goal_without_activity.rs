use std::borrow::Cow;

use crate::repo::fold_case;
use crate::util::hash::HashMap;

use crate::model::ActivityStatus;
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Finds the goals of the current action plan — every plan whose `year` is the as-of
    /// year — that no activity works toward: no activity has `plan` set to the plan's id and
    /// `goal` set to the goal's id (ids compared ignoring case). Cancelled and postponed
    /// activities do not count, since they do no work toward the goal this year; the
    /// message says when only such activities exist. The finding points at the goal's `id`.
    ///
    /// ## Why it matters
    /// A goal without activities is a wish: nobody is doing anything to reach it, and the
    /// follow-up will find it unmet. ISO/IEC 27001:2022 clause 6.2 requires, for each
    /// information security objective, what will be done, with what resources, by whom and
    /// when. MSB's method support ties the action plan's activities to its goals.
    ///
    /// ## Example
    /// ```yaml
    /// kind: plan
    /// id: handlingsplan-2024
    /// year: 2024
    /// decided: 2024-02-12
    /// goals:
    ///   - id: molntjanster      # no activity has `goal: molntjanster`: reported
    ///     title: Molntjänster används endast efter beslut och klassning
    /// ```
    /// Not reported: the same goal once an activity with `plan: handlingsplan-2024` and
    /// `goal: molntjanster` exists (planned, in progress or done); goals of earlier plans.
    ///
    /// ## How to fix
    /// Add at least one activity for the goal (`kind: activity` with `plan` and `goal`), or
    /// take the goal out of the plan by a decision.
    ///
    /// ## References
    /// - ISO/IEC 27001:2022, 6.2 (planning to achieve information security objectives)
    /// - MSB (MCF), Metodstöd för LIS: mål och handlingsplan
    pub struct GoalWithoutActivity {
        code: "PLAN004",
        name: "goal-without-activity",
        severity: Warning,
        summary: "a goal of the current plan with no activity",
    }
}

impl Rule for GoalWithoutActivity {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let year = cx.as_of.year();
        if !cx.repo.plans.iter().any(|p| p.year == year) {
            return;
        }
        let this_year = || cx.repo.plans.iter().filter(|p| p.year == year);
        // The goals of this year's plans by (plan, goal), lower-cased: whether an activity
        // works on the goal, and whether one was cancelled or postponed. Only these few
        // are looked up, where the activities are many.
        let mut goals: HashMap<(Cow<'_, str>, Cow<'_, str>), (bool, bool)> = HashMap::default();
        for p in this_year() {
            for g in &p.goals {
                goals.insert((fold_case(&p.id), fold_case(g.id.trim())), (false, false));
            }
        }
        for a in &cx.repo.activities {
            let Some(goal) = &a.goal else { continue };
            let Some((worked, dropped)) =
                goals.get_mut(&(fold_case(&a.plan), fold_case(goal.trim())))
            else {
                continue;
            };
            match a.status {
                ActivityStatus::Cancelled | ActivityStatus::Postponed => *dropped = true,
                _ => *worked = true,
            }
        }
        for p in this_year() {
            let plan = fold_case(&p.id);
            for (i, g) in p.goals.iter().enumerate() {
                let key = (plan.clone(), fold_case(g.id.trim()));
                let (worked, dropped) = goals.get(&key).copied().unwrap_or_default();
                if worked {
                    continue;
                }
                let d = sink.record(p, &format!("/goals/{i}/id"));
                d.with_subject(format!("goal {}", g.id))
                    .arg("goal", &g.id)
                    .arg("year", i64::from(year))
                    .arg(
                        "only_cancelled_or_postponed",
                        if dropped { "yes" } else { "no" },
                    );
                match g.title.as_deref().filter(|t| !t.trim().is_empty()) {
                    Some(title) => d.arg("goal_title", title),
                    None => d.says("PLAN004-untitled"),
                };
            }
        }
    }
}
