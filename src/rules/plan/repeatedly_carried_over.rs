use crate::l10n::Value;
use crate::model::{ActivityStatus, Kind};
use crate::rules::{Context, Rule, Sink, declare_rule};

/// Carried over from this many distinct earlier plans or more: reported.
const MIN_EARLIER_PLANS: usize = 2;

declare_rule! {
    /// ## What it does
    /// Finds activities whose `carried_over_from` lists two or more distinct plans (ids
    /// compared ignoring case; the activity's own plan is not counted). Done and cancelled
    /// activities raise nothing: there is nothing left to decide about them. Planned,
    /// in-progress and postponed activities are reported.
    ///
    /// ## Why it matters
    /// Carrying an unfinished activity over to next year's plan once is normal; carrying it
    /// over again and again is a sign that it lacks an owner, resources or a decision, and
    /// that the plan promises more than the organisation delivers. Municipal audits single
    /// out activities that recur year after year. ISO/IEC 27001:2022 clause 6.2 expects
    /// plans that say what resources are needed and who is responsible, and 10.1 continual
    /// improvement.
    ///
    /// ## Example
    /// ```yaml
    /// kind: activity
    /// id: act-2024-07
    /// plan: handlingsplan-2024
    /// title: Inför loggning av behörigheter i elevregistret
    /// status: in_progress
    /// carried_over_from: [handlingsplan-2022, handlingsplan-2023]   # twice: reported
    /// ```
    /// Not reported: `carried_over_from: [handlingsplan-2023]`, or the same activity with
    /// `status: done`.
    ///
    /// ## How to fix
    /// Find out why the activity stalls and decide: give it an owner and resources, split
    /// it into steps that fit a year, or cancel it and say why.
    ///
    /// ## References
    /// - ISO/IEC 27001:2022, 6.2 and 10.1
    /// - MSB (MCF), Metodstöd för LIS: mål och handlingsplan, uppföljning
    pub struct RepeatedlyCarriedOver {
        code: "PLAN003",
        name: "repeatedly-carried-over",
        severity: Warning,
        summary: "an activity carried over from two or more earlier plans",
    }
}

impl Rule for RepeatedlyCarriedOver {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        for a in &cx.repo.activities {
            if matches!(a.status, ActivityStatus::Done | ActivityStatus::Cancelled) {
                continue;
            }
            let mut plans: Vec<&str> = Vec::new();
            for p in &a.carried_over_from {
                let p = p.trim();
                if !p.eq_ignore_ascii_case(&a.plan)
                    && !plans.iter().any(|q| q.eq_ignore_ascii_case(p))
                {
                    plans.push(p);
                }
            }
            if plans.len() < MIN_EARLIER_PLANS {
                continue;
            }
            let d = sink.record(a, "/carried_over_from");
            d.arg("title", &a.title)
                .arg("plan", &a.plan)
                .arg("carried_over", plans.len())
                .arg(
                    "earlier_plans",
                    Value::Records(plans.iter().map(|p| ((*p).to_owned(), None)).collect()),
                )
                .arg("status", a.status.as_str())
                .relate(Kind::Plan, &a.plan);
            for p in &plans {
                d.relate(Kind::Plan, *p);
            }
        }
    }
}
