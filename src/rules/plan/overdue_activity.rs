use crate::diagnostic::Severity;
use crate::model::{Activity, Date, Kind};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Finds plan activities whose `due` date is before the as-of date while their status
    /// is `planned` or `in_progress`: a warning, and an error when more than
    /// `activity_overdue_error_days` (default 90) days have passed since `due`. An activity
    /// is not overdue on its due date itself. Done, cancelled and postponed activities are
    /// never overdue: a postponed one lives on in the plan that carries it over (see
    /// PLAN003); but one done with a `completed` date after the as-of date was still open on
    /// that day. Activities without `due` raise nothing.
    ///
    /// ## Why it matters
    /// An action plan is followed up by its activities; overdue ones that still read
    /// "planned" or "in progress" make the plan look on track when it is not, and the board
    /// decides next year's plan on a false picture. ISO/IEC 27001:2022 clause 6.2 asks for
    /// plans that say when the work will be completed, and 9.1 and 9.3 for their follow-up;
    /// MSB's method support has the plan followed up and reported to the management.
    ///
    /// ## Example
    /// ```yaml
    /// kind: activity
    /// id: act-2024-03
    /// plan: handlingsplan-2024
    /// title: Klassa socialtjänstens verksamhetssystem
    /// due: 2024-06-30
    /// status: in_progress      # 135 days past due on 2024-11-12: an error
    /// ```
    /// Not reported: the same activity with `status: done` and `completed: 2024-06-20`, or
    /// with `status: postponed` and carried over to the 2025 plan.
    ///
    /// ## How to fix
    /// Finish the activity and record `status: done` with `completed`, or decide what
    /// happens to it: postpone it (set `status: postponed` and carry it over to the next
    /// plan with `carried_over_from`) or cancel it. A new due date needs a decision too.
    /// Threshold: `activity_overdue_error_days`.
    ///
    /// ## References
    /// - ISO/IEC 27001:2022, 6.2, 9.1 and 9.3
    /// - MSB (MCF), Metodstöd för LIS: följ upp handlingsplanen
    pub struct OverdueActivity {
        code: "PLAN002",
        name: "overdue-activity",
        severity: Warning,
        summary: "a planned or in-progress activity past its due date; an error after `activity_overdue_error_days` (90)",
    }
}

/// The days activity `a` is overdue as of `as_of`, when PLAN002 finds it so: past its due
/// date and still open that day (planned, in progress, or done only later). Done, cancelled
/// and postponed activities are not overdue, whatever their plan. Every report's and
/// `isms due`'s overdue activities are these.
pub fn days_overdue(a: &Activity, as_of: Date) -> Option<i64> {
    let due = a.due?;
    (a.open_on(as_of) && due < as_of).then(|| due.days_until(as_of))
}

impl Rule for OverdueActivity {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let error_after = i64::from(cx.config.thresholds.activity_overdue_error_days);
        for a in &cx.repo.activities {
            let (Some(due), Some(days)) = (a.due, days_overdue(a, cx.as_of)) else {
                continue;
            };
            let d = sink.record(a, "/due");
            d.arg("title", &a.title)
                .arg("plan", &a.plan)
                .arg("due", due)
                .arg("days_overdue", days)
                .arg("status", a.status.as_str());
            // Done, but completed after the as-of date: still open on that day.
            if let Some(completed) = a.completed.filter(|_| a.completed_after(cx.as_of)) {
                d.arg("completed", completed);
            }
            d.arg("error_after_days", error_after)
                .relate(Kind::Plan, &a.plan);
            if days > error_after {
                d.with_severity(Severity::Error);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Severity;
    use crate::rules::testing::fixture_severities;

    /// The fixture harness checks where findings point; this checks their severity.
    #[test]
    fn severity_follows_days_past_due() {
        let by_id = fixture_severities("PLAN002", "2024-11-12");
        assert_eq!(by_id["one-day"], Severity::Warning);
        assert_eq!(by_id["ninety-days"], Severity::Warning);
        assert_eq!(by_id["ninety-one-days"], Severity::Error);
        assert_eq!(by_id["last-year"], Severity::Error);
    }
}
