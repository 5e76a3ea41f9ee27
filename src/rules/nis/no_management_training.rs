use crate::rules::nis::{applies, is_management_training};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// For a covered entity on a date the cybersecurity law is in force, finds no training
    /// campaign for the management body in the last `management_training_months` (12): a
    /// `training` record whose `audience` includes `management_body` or `elected_officials`
    /// and whose period (`start` to `end`; the `start` alone when it has no `end`) overlaps
    /// the window. The finding names the latest such campaign when there is an older one.
    ///
    /// ## Why it matters
    /// NIS2 art. 20(2) requires the members of the management body to follow training, so
    /// that they can identify risks and assess the cybersecurity measures they approve and
    /// answer for. For a municipality that is the executive board or the responsible
    /// committee, whose members change with elections.
    ///
    /// ## Example
    /// ```yaml
    /// kind: training
    /// id: ks-cyber-2025
    /// title: Cybersäkerhetslagen för kommunstyrelsen
    /// type: briefing
    /// start: 2025-03-10           # as of 2026-06-01, more than 12 months ago: error
    /// audience: [management_body]
    /// ```
    /// Not reported: the same briefing on 2026-03-10.
    ///
    /// ## How to fix
    /// Hold a training for the management body (the law's duties, the organisation's risks
    /// and measures) and record it with `audience: [management_body]`. Threshold:
    /// `[cybersecurity] management_training_months`.
    ///
    /// ## References
    /// - Directive (EU) 2022/2555 (NIS2), art. 20(2)
    /// - Cybersäkerhetslag (2025:1506)
    pub struct NoManagementTraining {
        code: "NIS002",
        name: "no-management-training",
        severity: Error,
        summary: "no training for the management body in the last 12 months",
    }
}

impl Rule for NoManagementTraining {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        if !applies(cx) || super::latest_management_training(cx).is_some() {
            return;
        }
        let months = cx.config.cybersecurity.management_training_months;
        let older = cx
            .repo
            .trainings
            .iter()
            .filter(|t| is_management_training(t) && t.start <= cx.as_of)
            .max_by_key(|t| t.start);
        let d = match older {
            Some(t) => sink
                .record(t, "/start")
                .says("NIS002-old")
                .arg("title", &t.title)
                .arg("start", t.start),
            None => sink.repository(),
        };
        d.arg("window_months", months);
    }
}
