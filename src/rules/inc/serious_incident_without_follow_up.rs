use crate::model::Rating;
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Finds incidents of `severity: high` or `critical` with no follow-up activity
    /// (`activities` empty), whatever their status, detected on or before the as-of date.
    ///
    /// ## Why it matters
    /// A serious incident shows a weakness that handling the incident alone does not remove.
    /// ISO/IEC 27001:2022 clause 10.2 asks for corrective action proportionate to the effects
    /// of a nonconformity, and A.5.27 that lessons from incidents strengthen the controls;
    /// an activity in the action plan makes that work owned, dated and followed up.
    ///
    /// ## Example
    /// ```yaml
    /// kind: incident
    /// id: INC-2023-021
    /// type: it
    /// severity: high          # no activities: warning
    /// detected: 2023-09-14T07:10
    /// ```
    /// Not reported: the same incident with `activities: [act-2023-31]`, or a `medium` one.
    ///
    /// ## How to fix
    /// Decide what must change after the incident, add it as an activity of the action plan
    /// and list the activity under the incident's `activities`.
    ///
    /// ## References
    /// - ISO/IEC 27001:2022, 10.2 and A.5.27
    /// - MSB (MCF), Metodstöd för LIS: följa upp och förbättra
    pub struct SeriousIncidentWithoutFollowUp {
        code: "INC005",
        name: "serious-incident-without-follow-up",
        severity: Warning,
        summary: "high or critical incident with no follow-up activity",
    }
}

impl Rule for SeriousIncidentWithoutFollowUp {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        for inc in &cx.repo.incidents {
            let Some(severity @ (Rating::High | Rating::Critical)) = inc.severity else {
                continue;
            };
            if !inc.activities.is_empty() || !inc.detected_by(cx.as_of, &cx.tz) {
                continue;
            }
            sink.record(inc, "/severity")
                .arg("title", &inc.title)
                .arg("rating", severity.as_str())
                .arg("detected", inc.detected.date(&cx.tz));
        }
    }
}
