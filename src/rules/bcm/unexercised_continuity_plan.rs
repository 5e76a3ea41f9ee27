use crate::rules::bcm::exercised_on;
use crate::rules::sec::display_name;
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Finds continuity plans with no exercise (of any type: tabletop, simulation, live,
    /// restore test) dated in the last `exercise_max_age_months` months, the window
    /// (as-of minus N months, as-of]. An exercise exactly N months before the as-of date is
    /// outside the window; exercises dated after the as-of date do not count. A plan
    /// documented after the as-of date, and not exercised by then, did not exist yet and
    /// raises nothing.
    ///
    /// ## Why it matters
    /// A plan that has never been exercised is a plan nobody knows works: contacts are
    /// outdated, reserve routines forgotten, restore times guessed. ISO/IEC 27001:2022 A.5.29
    /// and A.5.30 ask that continuity arrangements be tested; MSB's method support and
    /// municipal audits ask for regular exercises and for plans to be revised after them.
    ///
    /// ## Example
    /// ```yaml
    /// kind: continuity_plan
    /// id: kp-socialtjanst
    /// title: Kontinuitetsplan socialtjänsten
    /// exercises:
    ///   - date: 2022-03-14    # as of 2024-01-10, more than 12 months ago: warning
    ///     type: tabletop
    /// ```
    /// Not reported: the same plan with an exercise dated 2023-06-01.
    ///
    /// ## How to fix
    /// Exercise the plan (a tabletop exercise is a good start, a restore test the proof),
    /// record it under `exercises` with its outcome and lessons, and revise the plan.
    /// Threshold: `exercise_max_age_months` (default 12).
    ///
    /// ## References
    /// - ISO/IEC 27001:2022, A.5.29 and A.5.30
    /// - MSB (MCF), Metodstöd för LIS: kontinuitetshantering; MSB, Vägledning för kontinuitetshantering
    pub struct UnexercisedContinuityPlan {
        code: "BCM002",
        name: "unexercised-continuity-plan",
        severity: Warning,
        summary: "continuity plan with no exercise in the last exercise_max_age_months",
    }
}

impl Rule for UnexercisedContinuityPlan {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let months = cx.config.thresholds.exercise_max_age_months;
        for plan in &cx.repo.continuity_plans {
            if !plan.exists_on(cx.as_of) {
                continue;
            }
            let last = plan
                .exercises
                .iter()
                .map(|e| e.date)
                .filter(|d| *d <= cx.as_of)
                .max();
            if exercised_on(cx.config, plan, cx.as_of) {
                continue;
            }
            let pointer = if plan.src.spans.contains("/exercises") {
                "/exercises"
            } else {
                ""
            };
            let d = sink
                .record(plan, pointer)
                .arg("title", display_name(&plan.title, &plan.id))
                .arg("max_age_months", months);
            match last {
                Some(date) => {
                    d.arg("last_exercised", date)
                        .arg("months_ago", date.months_until(cx.as_of));
                }
                None => {
                    d.says("BCM002-never");
                }
            }
        }
    }
}
