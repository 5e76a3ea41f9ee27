use crate::rules::{Context, Rule, Sink, declare_rule};

use super::{at_field, critical_suppliers, criticality_figures};

/// How close a contract's end must be for SUP005 to ask for an exit plan: the time a
/// procurement or a move to another supplier takes at the least.
pub const EXIT_PLAN_MONTHS: u32 = 6;

declare_rule! {
    /// ## What it does
    /// Finds active critical suppliers whose contract ends within 6 months of the as-of
    /// date (`contract.ends` on or before the as-of date plus 6 months, an end already
    /// passed included while the supplier is still active) with no exit plan
    /// (`contract.exit_plan` false or absent). A contract with no `ends` runs until further
    /// notice and is not reported. Criticality as for SUP001. The finding points at `ends`.
    ///
    /// ## Why it matters
    /// When the contract of a critical service ends, the service, its data and the know-how
    /// to run it must move somewhere in time: to a new supplier after a procurement, or back
    /// in house. Without a plan for the exit (data export in a usable format, a transition
    /// period, deletion at the old supplier) the organisation is left to extend on the
    /// supplier's terms or risk losing the service. NIS2 art. 21(2)(c) and (d) ask for
    /// continuity and supply-chain security; ISO/IEC 27001:2022 A.5.20 and A.5.30 for the
    /// agreements and ICT readiness that make an exit possible; GDPR art. 28(3)(g) for the
    /// return or deletion of personal data when a processor's service ends.
    ///
    /// ## Example
    /// ```yaml
    /// kind: supplier
    /// id: omsorgsappar
    /// name: Omsorgsappar i Sverige AB
    /// critical: true
    /// contract:
    ///   ends: 2027-01-31     # as of 2026-11-28: 2 months left, warning
    ///   exit_plan: false
    /// ```
    /// Not reported: the same supplier with `exit_plan: true`, or as of 2026-07-30, more
    /// than 6 months before the end (reported from 2026-07-31, exactly 6 months before).
    ///
    /// ## How to fix
    /// Write an exit plan with the supplier's part in it (how data and configuration are
    /// handed over, in which formats, over what transition period, how the supplier deletes
    /// the data) and record `contract.exit_plan: true`; start the procurement or the
    /// extension in time. Extend the contract and update `ends` if the supplier stays.
    ///
    /// ## References
    /// - Directive (EU) 2022/2555 (NIS2), art. 21(2)(c) and (d); cybersäkerhetslag
    ///   (2025:1506)
    /// - ISO/IEC 27001:2022, annex A 5.20, 5.22 and 5.30
    /// - Regulation (EU) 2016/679 (GDPR), art. 28(3)(g)
    /// - ENISA, Good practices for supply chain cybersecurity (2023)
    /// - SKR, vägledning om molntjänster
    pub struct ContractEndingWithoutExitPlan {
        code: "SUP005",
        name: "contract-ending-without-exit-plan",
        severity: Warning,
        summary: "an active critical supplier whose contract ends within 6 months with no exit plan",
    }
}

impl Rule for ContractEndingWithoutExitPlan {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let horizon = cx.as_of.plus_months(EXIT_PLAN_MONTHS as i32);
        for (supplier, criticality) in critical_suppliers(cx) {
            let Some(ends) = supplier.contract.ends else {
                continue;
            };
            if ends > horizon || supplier.contract.exit_plan == Some(true) {
                continue;
            }
            let d = sink
                .record(supplier, at_field(supplier, "/contract/ends"))
                .arg("name", &supplier.name)
                .arg("ends", ends)
                .arg("window_months", EXIT_PLAN_MONTHS)
                .arg("ended", ends < cx.as_of)
                .arg(
                    "exit_plan",
                    match supplier.contract.exit_plan {
                        Some(_) => "no",
                        None => "absent",
                    },
                );
            criticality_figures(d, &criticality);
        }
    }
}
