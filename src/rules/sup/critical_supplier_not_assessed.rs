use crate::rules::{Context, Rule, Sink, declare_rule};

use super::{assessment_due, at_field, critical_suppliers, criticality_figures};

declare_rule! {
    /// ## What it does
    /// Finds active critical suppliers with no security assessment in the last
    /// `supplier_assessment_max_age_months` months (24): `assessed` is absent, empty, older
    /// than the window (as-of minus 24 months, as-of], or dated after the as-of date (not
    /// made yet on that day). A supplier never assessed is reported like one assessed too
    /// long ago; the finding's figures say which (`assessment`: `outdated`, with `assessed`
    /// and `age_months`, or `never`). Criticality as for SUP001: `critical:` on the record,
    /// else a critical asset the supplier serves. The finding points at `assessed`, or at
    /// the record when the field is absent.
    ///
    /// ## Why it matters
    /// A contract says what a supplier promised; an assessment shows whether it delivers.
    /// NIS2 art. 21(3) asks covered entities to take into account the vulnerabilities
    /// specific to each direct supplier and the quality of its cybersecurity practices, which
    /// means knowing them, and ISO/IEC 27001:2022 A.5.22 asks for regular monitoring and
    /// review of supplier services. A supplier last looked at years ago may have changed
    /// owners, subcontractors, data centres or security posture since.
    ///
    /// ## Example
    /// ```yaml
    /// kind: supplier
    /// id: skolnavet
    /// name: Skolnavet AB
    /// critical: true
    /// assessed: 2023-11-14   # 36 months before 2026-11-28: warning
    /// ```
    /// Not reported on 2026-11-28: `assessed: 2024-11-29` or later. A supplier assessed
    /// exactly 24 months earlier (2024-11-28) is outside the window and reported.
    ///
    /// ## How to fix
    /// Assess the supplier's security (a questionnaire, its certifications and audit
    /// reports, a site visit or an audit under the contract's audit clause) and record the
    /// date in `assessed`. Threshold: `[suppliers] supplier_assessment_max_age_months`.
    ///
    /// ## References
    /// - Directive (EU) 2022/2555 (NIS2), art. 21(2)(d) and 21(3)
    /// - Cybersäkerhetslag (2025:1506), which implements NIS2 in Sweden from 2026-01-15
    /// - ISO/IEC 27001:2022, annex A 5.22 (monitoring, review and change management of
    ///   supplier services)
    /// - Regulation (EU) 2016/679 (GDPR), art. 28(1) and 28(3)(h) (audits of processors)
    /// - ENISA, Good practices for supply chain cybersecurity (2023)
    pub struct CriticalSupplierNotAssessed {
        code: "SUP002",
        name: "critical-supplier-not-assessed",
        severity: Warning,
        summary: "an active critical supplier not assessed in the last supplier_assessment_max_age_months",
    }
}

impl Rule for CriticalSupplierNotAssessed {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let months = cx.config.suppliers.supplier_assessment_max_age_months;
        for (supplier, criticality) in critical_suppliers(cx) {
            if assessment_due(cx.config, supplier, cx.as_of).is_some_and(|due| cx.as_of < due) {
                continue;
            }
            // An assessment dated after the as-of date had not been made on that day.
            let last = supplier.assessed.filter(|d| *d <= cx.as_of);
            let d = sink
                .record(supplier, at_field(supplier, "/assessed"))
                .arg("name", &supplier.name)
                .arg("max_months", months);
            match last {
                Some(assessed) => {
                    d.arg("assessment", "outdated")
                        .arg("assessed", assessed)
                        .arg("age_months", assessed.months_until(cx.as_of));
                }
                None => {
                    d.arg("assessment", "never");
                }
            }
            criticality_figures(d, &criticality);
        }
    }
}
