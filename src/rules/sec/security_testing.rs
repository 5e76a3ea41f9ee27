use std::borrow::Cow;

use crate::repo::fold_case;
use crate::util::hash::HashMap;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Date, Evaluation, EvaluationType, Kind, Performer};
use crate::rules::bcm::critical_figures;
use crate::rules::sec::display_name;
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Finds two gaps in technical security testing:
    /// - no `penetration_test` evaluation `performed_by: external` dated in the last
    ///   `pentest_max_age_months` months (12): an error, reported once for the organisation
    ///   whatever its scope (an internal test or a red-team exercise does not count);
    /// - an active critical asset (`critical: true`, or critical through an asset it
    ///   `supports`) that no `vulnerability_scan` dated in the last
    ///   `vulnerability_scan_max_age_months` months (12) covers, by naming it in `scope` or
    ///   with `scope: [all]`: a warning at the asset's `critical` (or `supports`).
    ///
    /// ## Why it matters
    /// Measures must be evaluated regularly, not once: an external penetration test finds
    /// what the organisation's own staff are blind to, and vulnerability scans catch the
    /// unpatched systems attackers look for first. Audits of municipal information security
    /// ask for both, and NIS2 (the cybersecurity law) expects policies and procedures to
    /// assess the effectiveness of cybersecurity measures.
    ///
    /// ## Example
    /// ```yaml
    /// kind: evaluation
    /// id: pentest-2022
    /// title: Penetrationstest externa tjänster
    /// type: penetration_test
    /// date: 2022-09-10        # the latest external test; on 2024-11-12 older than 12 months
    /// performed_by: external
    /// scope: [all]
    /// ```
    /// Not reported: an external penetration test dated 2023-11-13 or later (as of
    /// 2024-11-12), and critical assets covered by a scan of that period.
    ///
    /// ## How to fix
    /// Commission an external penetration test and run vulnerability scans that cover the
    /// critical assets; record each as an `evaluation` with its date, performer and scope.
    /// Thresholds: `[thresholds] pentest_max_age_months`, `vulnerability_scan_max_age_months`.
    ///
    /// ## References
    /// - MSB (MCF), Metodstöd för LIS: följ upp och förbättra
    /// - ISO/IEC 27001:2022, annex A.8.8 (management of technical vulnerabilities) and A.5.35
    ///   (independent review of information security)
    /// - cybersäkerhetslag (2025:1506) and NIS2 art. 21(2)(f)
    pub struct SecurityTesting {
        code: "SEC003",
        name: "missing-security-testing",
        severity: Error,
        summary: "no external penetration test within pentest_max_age_months, or a critical asset not covered by a vulnerability scan in 12 months",
    }
}

impl Rule for SecurityTesting {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let t = &cx.config.thresholds;
        self.penetration_test(cx, sink, t.pentest_max_age_months);
        self.vulnerability_scans(cx, sink, t.vulnerability_scan_max_age_months);
    }
}

/// Says `found` with the latest evaluation that counted (its id, title and date), or
/// `never` when there was none.
fn latest_or_never(
    d: &mut Diagnostic,
    latest: Option<&Evaluation>,
    found: &'static str,
    never: &'static str,
) {
    match latest {
        Some(e) => {
            d.says(found)
                .arg("latest", &e.id)
                .arg("latest_title", display_name(&e.title, &e.id))
                .arg("latest_date", e.date)
                .relate(Kind::Evaluation, &e.id);
        }
        None => {
            d.says(never);
        }
    }
}

impl SecurityTesting {
    fn penetration_test(&self, cx: &Context<'_>, sink: &mut Sink<'_>, months: u32) {
        let latest = cx
            .repo
            .evaluations
            .iter()
            .filter(|e| {
                e.evaluation_type == EvaluationType::PenetrationTest
                    && e.performed_by == Some(Performer::External)
                    && e.date <= cx.as_of
            })
            .max_by_key(|e| e.date);
        if latest.is_some_and(|e| cx.within_months(e.date, months)) {
            return;
        }
        let d = sink.repository().arg("max_age_months", months);
        latest_or_never(d, latest.map(|e| &**e), "SEC003-pentest", "SEC003-pentest-never");
    }

    fn vulnerability_scans(&self, cx: &Context<'_>, sink: &mut Sink<'_>, months: u32) {
        // The latest scan up to as-of naming each asset, and the latest covering all.
        let mut latest: HashMap<Cow<'_, str>, &Evaluation> = HashMap::default();
        let mut latest_all: Option<&Evaluation> = None;
        let newer = |slot: Option<&&Evaluation>, date: Date| slot.is_none_or(|e| date > e.date);
        for e in &cx.repo.evaluations {
            if e.evaluation_type != EvaluationType::VulnerabilityScan || e.date > cx.as_of {
                continue;
            }
            for s in &e.scope {
                if s == "all" {
                    if newer(latest_all.as_ref(), e.date) {
                        latest_all = Some(e);
                    }
                } else {
                    let key = fold_case(s);
                    if newer(latest.get(&key), e.date) {
                        latest.insert(key, e);
                    }
                }
            }
        }
        for (ai, a) in cx.repo.assets.iter().enumerate() {
            if !a.is_active() {
                continue;
            }
            let Some(from) = cx.derived.assets.get(ai).and_then(|v| v.critical_from) else {
                continue;
            };
            let last = [latest.get(&*fold_case(&a.id)).copied(), latest_all]
                .into_iter()
                .flatten()
                .max_by_key(|e| e.date);
            if last.is_some_and(|e| cx.within_months(e.date, months)) {
                continue;
            }
            // An asset critical through another points at the `supports` that makes it so.
            let pointer = if from == ai { "/critical" } else { "/supports" };
            let d = sink
                .record(a, pointer)
                .with_severity(Severity::Warning)
                .arg("name", display_name(&a.name, &a.id))
                .arg("max_age_months", months);
            critical_figures(d, cx, ai, from);
            latest_or_never(d, last, "SEC003-scan", "SEC003-scan-never");
        }
    }
}
