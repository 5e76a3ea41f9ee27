use crate::model::{Incident, IncidentStatus};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Finds incidents not closed (`status` open or contained, or absent) detected more than
    /// `incident_open_max_days` days before the as-of date, counted in calendar days from the
    /// detection date in the configured time zone. An incident exactly at the limit is not
    /// reported yet. One closed after the as-of date (its `closed` date) was still open then.
    ///
    /// ## Why it matters
    /// An incident that stays open for months is usually one nobody follows up: its causes
    /// are not analysed, its lessons not learnt, and the register no longer shows what is
    /// really going on. ISO/IEC 27001:2022 A.5.26 asks that incidents be responded to and
    /// brought to a close, and A.5.27 that they be learnt from.
    ///
    /// ## Example
    /// ```yaml
    /// kind: incident
    /// id: INC-2024-002
    /// type: it
    /// detected: 2024-01-10T14:00   # as of 2024-04-01: open 82 days, warning
    /// status: contained
    /// ```
    /// Not reported: the same incident with `status: closed`, or one detected 60 days ago.
    ///
    /// ## How to fix
    /// Finish the incident: record the root cause and lessons and set `status: closed` and
    /// `closed`. Remaining work belongs in an activity of the action plan, not in an open
    /// incident. Threshold: `incident_open_max_days` (default 60).
    ///
    /// ## References
    /// - ISO/IEC 27001:2022, A.5.26 and A.5.27
    /// - MSB (MCF), Metodstöd för LIS: hantera incidenter
    pub struct LongOpenIncident {
        code: "INC004",
        name: "long-open-incident",
        severity: Warning,
        summary: "incident open longer than incident_open_max_days",
    }
}

/// The days incident `inc` has been open, when INC004 finds it open (as of the as-of date)
/// longer than `incident_open_max_days`; the audit report's "still within the open window"
/// is its absence.
pub fn days_open_too_long(cx: &Context<'_>, inc: &Incident) -> Option<i64> {
    // One closed after the as-of date was still open then.
    if inc.closed_on(cx.as_of) {
        return None;
    }
    let max = i64::from(cx.config.thresholds.incident_open_max_days);
    let days = inc.detected.date(&cx.tz).days_until(cx.as_of);
    (days > max).then_some(days)
}

impl Rule for LongOpenIncident {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let max = i64::from(cx.config.thresholds.incident_open_max_days);
        for inc in &cx.repo.incidents {
            let Some(days) = days_open_too_long(cx, inc) else {
                continue;
            };
            // One closed after the as-of date was open then.
            let status = match inc.status {
                IncidentStatus::Contained => "contained",
                IncidentStatus::Open | IncidentStatus::Closed => "open",
            };
            let pointer = if inc.src.spans.contains("/status") {
                "/status"
            } else {
                "/detected"
            };
            sink.record(inc, pointer)
                .arg("title", &inc.title)
                .arg("detected", inc.detected.date(&cx.tz))
                .arg("status", status)
                .arg("days_open", days)
                .arg("threshold", max);
        }
    }
}
