use crate::model::Kind;
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Reports when no action plan (`kind: plan`) for the as-of year has a `decided` date
    /// on or before the as-of date. When a plan for the year exists but is undecided (or
    /// decided only after the as-of date), the finding points at that plan — at `decided`
    /// when the field is written, else at the record; with several such plans, at the first
    /// in path order. With no plan for the year at all, the finding concerns the whole
    /// repository and points at the organisation record. A plan for the year decided late
    /// in the previous year counts.
    ///
    /// ## Why it matters
    /// Decided goals and a yearly action plan are how the board steers the information
    /// security work and gives it resources; an undecided plan binds no one. ISO/IEC
    /// 27001:2022 clause 6.2 requires information security objectives and plans to achieve
    /// them; MSB's method support has the executive board decide the action plan
    /// (handlingsplan) each year, and municipal audits ask whether decided goals and action
    /// plans exist.
    ///
    /// ## Example
    /// ```yaml
    /// kind: plan
    /// id: handlingsplan-2024
    /// year: 2024
    /// title: Handlingsplan för informationssäkerhet 2024
    /// goals:
    ///   - id: klassning        # no `decided`: reported as of any day of 2024
    /// ```
    /// Not reported: the same plan with `decided: 2024-02-12` (as of 2024-02-12 or later).
    ///
    /// ## How to fix
    /// Draw up the year's plan, have the executive board decide it and record `decided`,
    /// `decided_by` and `decision_ref`.
    ///
    /// ## References
    /// - ISO/IEC 27001:2022, 6.2 (information security objectives and planning to achieve them)
    /// - MSB (MCF), Metodstöd för LIS: mål och handlingsplan
    pub struct UndecidedPlan {
        code: "PLAN001",
        name: "undecided-plan",
        severity: Error,
        summary: "no decided action plan for the current (as-of) year",
    }
}

impl Rule for UndecidedPlan {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let year = cx.as_of.year();
        let mut this_year = cx.repo.plans.iter().filter(|p| p.year == year);
        if this_year
            .clone()
            .any(|p| p.decided.is_some_and(|d| d <= cx.as_of))
        {
            return;
        }
        if let Some(p) = this_year.next() {
            match p.decided {
                Some(decided) => {
                    sink.record(p, "/decided")
                        .says("PLAN001-late")
                        .arg("year", i64::from(year))
                        .arg("decided", decided)
                        .arg("as_of", cx.as_of);
                }
                None => {
                    let pointer = if p.src.spans.contains("/decided") {
                        "/decided"
                    } else {
                        ""
                    };
                    sink.record(p, pointer).arg("year", i64::from(year));
                }
            }
            return;
        }
        let latest = cx
            .repo
            .plans
            .iter()
            .filter(|p| p.year < year)
            .max_by_key(|p| p.year);
        let d = sink.repository();
        d.arg("year", i64::from(year));
        match latest {
            Some(p) => d
                .says("PLAN001-missing-earlier")
                .arg("latest", &p.id)
                .arg("latest_year", i64::from(p.year))
                .relate(Kind::Plan, &p.id),
            None => d.says("PLAN001-missing"),
        };
    }
}
