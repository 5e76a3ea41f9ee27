use crate::model::Rating;
use crate::rules::sec::display_name;
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Finds open findings of technical evaluations (penetration tests, scans, reviews) that
    /// are older than allowed: `critical` ones older than
    /// `evaluation_finding_max_days_critical` days (30), `high` ones older than
    /// `evaluation_finding_max_days_high` days (90). Age is counted from the evaluation's
    /// `date`; a finding exactly 30 (or 90) days old is still in time, the next day it is
    /// reported. Fixed and accepted findings, and low or medium ones, raise nothing; one
    /// fixed (its `fixed` date) after the as-of date was still open on that day. The
    /// finding points at the evaluation finding's `status`.
    ///
    /// ## Why it matters
    /// A known, unfixed critical vulnerability is the easiest way in: attackers scan for
    /// published weaknesses within days. An evaluation whose serious findings stay open has
    /// bought knowledge, not security.
    ///
    /// ## Example
    /// ```yaml
    /// kind: evaluation
    /// id: pentest-2024
    /// title: Penetrationstest externa tjänster
    /// type: penetration_test
    /// date: 2024-09-10
    /// findings:
    ///   - id: F1
    ///     title: Föråldrad TLS-konfiguration
    ///     severity: critical
    ///     status: open        # 63 days on 2024-11-12: reported
    /// ```
    /// Not reported: `status: fixed`, or `severity: high` (within 90 days).
    ///
    /// ## How to fix
    /// Fix the finding and set `status: fixed` with the `fixed` date, or have the risk
    /// owner accept it formally (`status: accepted`). Thresholds:
    /// `[thresholds] evaluation_finding_max_days_critical`, `evaluation_finding_max_days_high`.
    ///
    /// ## References
    /// - ISO/IEC 27001:2022, annex A.8.8 (management of technical vulnerabilities)
    /// - MSB (MCF), Metodstöd för LIS: hantera risker och brister
    pub struct OpenEvaluationFinding {
        code: "SEC004",
        name: "open-evaluation-finding",
        severity: Error,
        summary: "open critical/high evaluation finding older than 30 / 90 days",
    }
}

impl Rule for OpenEvaluationFinding {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let t = &cx.config.thresholds;
        for e in &cx.repo.evaluations {
            let age = e.date.days_until(cx.as_of);
            for (i, f) in e.findings.iter().enumerate() {
                // Fixed after the as-of date: still open on that day.
                if !f.open_on(cx.as_of) {
                    continue;
                }
                let max = match f.severity {
                    Rating::Critical => t.evaluation_finding_max_days_critical,
                    Rating::High => t.evaluation_finding_max_days_high,
                    Rating::Low | Rating::Medium => continue,
                };
                if age <= i64::from(max) {
                    continue;
                }
                let d = sink
                    .record(e, &format!("/findings/{i}/status"))
                    .with_subject(&f.id)
                    .arg("severity", f.severity.as_str())
                    .arg("evaluation_title", display_name(&e.title, &e.id))
                    .arg("date", e.date)
                    .arg("age_days", age)
                    .arg("max_days", max);
                match &f.title {
                    Some(title) => d.arg("title", display_name(title, &f.id)),
                    None => d.says("SEC004-untitled"),
                };
            }
        }
    }
}
