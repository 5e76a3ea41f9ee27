use crate::rules::sec::{
    Verification, display_name, verification, verification_figures, verification_pointer,
};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Finds implemented measures not verified within their interval: the measure's own
    /// `verify_interval_months`, else `[thresholds] verify_interval_months` (12). The
    /// interval runs from `last_verified`; a measure never verified gets one interval from
    /// `implemented` to be verified in, and one with neither date is reported as never
    /// verified. Verified exactly one interval ago is too late: the window is the last N
    /// months, (as-of minus N months, as-of]; a verification dated after the as-of date had
    /// not happened then and does not count. Planned and retired measures raise nothing,
    /// nor do measures implemented after the as-of date.
    ///
    /// ## Why it matters
    /// A measure on paper protects nothing: backups that do not restore, MFA that was turned
    /// off for a group, logs nobody reads. ISO/IEC 27001 requires the organisation to
    /// evaluate whether its controls are effective, and audits ask for evidence that
    /// technical measures are tested regularly, not once.
    ///
    /// ## Example
    /// ```yaml
    /// kind: measure
    /// id: backup-daily
    /// title: Daglig säkerhetskopiering
    /// provides: [backup]
    /// status: implemented
    /// implemented: 2021-05-01
    /// last_verified: 2023-06-01   # 17 months ago on 2024-11-12: reported
    /// ```
    /// Not reported: `last_verified: 2023-11-13` (within 12 months), or
    /// `verify_interval_months: 24`.
    ///
    /// ## How to fix
    /// Verify that the measure works (a test, a review of its output, an audit) and record
    /// the date in `last_verified`. Thresholds: `verify_interval_months` on the measure,
    /// `[thresholds] verify_interval_months`.
    ///
    /// ## References
    /// - MSB (MCF), Metodstöd för LIS: följ upp och förbättra
    /// - ISO/IEC 27001:2022, 9.1 (monitoring, measurement, analysis and evaluation)
    pub struct UnverifiedMeasure {
        code: "SEC002",
        name: "unverified-measure",
        severity: Warning,
        summary: "implemented measure not verified within its verify_interval_months",
    }
}

impl Rule for UnverifiedMeasure {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        for m in &cx.repo.measures {
            if !m.implemented_on(cx.as_of) {
                continue;
            }
            let state = verification(cx, m);
            let since = match state {
                Verification::Current => continue,
                Verification::Overdue { date } | Verification::NeverSinceImplemented { date } => {
                    Some(date)
                }
                Verification::Never => None,
            };
            let d = sink
                .record(m, verification_pointer(m))
                .arg("title", display_name(&m.title, &m.id));
            for (name, value) in verification_figures(cx, m, state) {
                d.arg(name, value);
            }
            if let Some(date) = since {
                d.arg("months_ago", date.months_until(cx.as_of));
            }
        }
    }
}
