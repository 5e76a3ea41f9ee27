use crate::rules::{Context, Rule, Sink, declare_rule};

use super::{at_field, critical_suppliers, criticality_figures};

declare_rule! {
    /// ## What it does
    /// Finds active critical suppliers whose contract does not state security requirements:
    /// `contract.security_requirements` is `false` or absent. A supplier is critical when
    /// its record says `critical: true`, or, with no `critical:` at all, when an active
    /// asset whose `hosting.supplier` names it is critical (itself, or through an asset it
    /// `supports`); `critical: false` wins over the assets. Ended suppliers raise nothing.
    /// The finding points at `security_requirements`, or at the record when the field is
    /// absent, and relates the critical assets behind an inferred criticality.
    ///
    /// ## Why it matters
    /// A critical service run by a supplier is only as secure as the supplier is bound to
    /// keep it. NIS2 art. 21(2)(d), which the cybersecurity law (cybersäkerhetslagen
    /// 2025:1506) brings into Swedish law, makes supply-chain security, "including
    /// security-related aspects concerning the relationships between each entity and its
    /// direct suppliers or service providers", one of the minimum measures; ISO/IEC 27001:2022 A.5.20 asks for
    /// information security requirements in each supplier agreement. Requirements left out of
    /// the contract cannot be demanded, followed up or enforced later.
    ///
    /// ## Example
    /// ```yaml
    /// kind: supplier
    /// id: omsorgsdata
    /// name: Omsorgsdata AB
    /// critical: true
    /// contract:
    ///   signed: 2019-09-01
    ///   security_requirements: false   # error
    /// ```
    /// Not reported: the same supplier with `security_requirements: true`, one with
    /// `critical: false`, or one with `status: ended`.
    ///
    /// ## How to fix
    /// Agree security requirements with the supplier (an annex to the contract: access
    /// control, logging, encryption, vulnerability handling, incident notification, audit
    /// rights, subcontractors) and record `contract.security_requirements: true`. If the
    /// supplier is in fact not critical, say so with `critical: false`.
    ///
    /// ## References
    /// - Directive (EU) 2022/2555 (NIS2), art. 21(2)(d) and 21(3)
    /// - Cybersäkerhetslag (2025:1506), which implements NIS2 in Sweden from 2026-01-15
    /// - ISO/IEC 27001:2022, annex A 5.19 and 5.20 (security in supplier relationships and
    ///   agreements)
    /// - Regulation (EU) 2016/679 (GDPR), art. 28(1) and 32, for a supplier that processes
    ///   personal data
    /// - ENISA, Good practices for supply chain cybersecurity (2023)
    /// - MSB (MCF), Metodstöd för LIS
    pub struct SupplierWithoutSecurityRequirements {
        code: "SUP001",
        name: "supplier-without-security-requirements",
        severity: Error,
        summary: "an active critical supplier whose contract states no security requirements",
    }
}

impl Rule for SupplierWithoutSecurityRequirements {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        for (supplier, criticality) in critical_suppliers(cx) {
            let stated = match supplier.contract.security_requirements {
                Some(true) => continue,
                Some(false) => "no",
                None => "absent",
            };
            let pointer = at_field(supplier, "/contract/security_requirements");
            let d = sink
                .record(supplier, pointer)
                .arg("name", &supplier.name)
                .arg("security_requirements", stated);
            criticality_figures(d, &criticality);
        }
    }
}
