use crate::rules::{Context, Rule, Sink, declare_rule};

use super::{at_field, critical_suppliers, criticality_figures, own_reporting_deadline};

declare_rule! {
    /// ## What it does
    /// Finds active critical suppliers whose contract sets no time for notifying the
    /// organisation of an incident (`contract.incident_notification_hours` absent), or a
    /// time longer than the shortest reporting deadline the organisation itself must meet:
    ///
    /// - 24 hours for a covered entity under the cybersecurity law (the organisation record
    ///   says `cybersecurity_act.covered: true`) on dates the law is in force (from
    ///   2026-01-15): the early warning of a significant incident, as the registry's data on
    ///   the law gives it (`registry/cybersecurity.toml`);
    /// - otherwise 72 hours, GDPR art. 33's deadline for notifying IMY of a personal-data
    ///   breach, from the registry's reporting regimes.
    ///
    /// A time equal to the deadline is accepted. Criticality as for SUP001. The finding
    /// points at `incident_notification_hours`, or at the record when the field is absent.
    ///
    /// ## Why it matters
    /// The organisation's own clock starts when it becomes aware of an incident, and for an
    /// incident at a supplier that is when the supplier tells it. A covered entity must send
    /// an early warning within 24 hours of becoming aware of a significant incident
    /// (cybersäkerhetslagen 2025:1506; NIS2 art. 23(4)(a)), and every controller must notify
    /// IMY of a personal-data breach within 72 hours (GDPR art. 33(1)); a processor must tell
    /// the controller without undue delay (art. 33(2)). A contract that allows the supplier
    /// 48 hours leaves a covered municipality in breach before it has heard of the incident.
    /// NIS2 art. 21(2)(d) puts the supplier relationship within the measures.
    ///
    /// ## Example
    /// ```yaml
    /// kind: supplier
    /// id: omsorgsappar
    /// name: Omsorgsappar i Sverige AB
    /// critical: true
    /// contract:
    ///   incident_notification_hours: 48   # a covered entity: longer than 24 h, warning
    /// ```
    /// Not reported: `incident_notification_hours: 24` (or less) for a covered entity, or up
    /// to 72 for an organisation the cybersecurity law does not cover.
    ///
    /// ## How to fix
    /// Agree with the supplier to notify you of an incident well within your own deadline,
    /// leaving time to assess the incident and report it, and record the agreed time in
    /// `contract.incident_notification_hours`.
    ///
    /// ## References
    /// - Directive (EU) 2022/2555 (NIS2), art. 21(2)(d), 21(3) and 23(4)
    /// - Cybersäkerhetslag (2025:1506) 2 kap. 5-8 §§ (incident reporting, from 2026-01-15)
    /// - Regulation (EU) 2016/679 (GDPR), art. 28(3)(f) and 33(1)-(2)
    /// - ISO/IEC 27001:2022, annex A 5.20 and 5.24
    /// - ENISA, Good practices for supply chain cybersecurity (2023)
    pub struct SlowSupplierIncidentNotification {
        code: "SUP004",
        name: "slow-supplier-incident-notification",
        severity: Warning,
        summary: "an active critical supplier with no incident notification time, or one longer than the organisation's own shortest reporting deadline",
    }
}

impl Rule for SlowSupplierIncidentNotification {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        // Before any reporting regime applies, there is no deadline to keep.
        let Some(deadline) = own_reporting_deadline(cx.repo, cx.registry, cx.as_of) else {
            return;
        };
        for (supplier, criticality) in critical_suppliers(cx) {
            let hours = supplier.contract.incident_notification_hours;
            if hours.is_some_and(|h| h <= u32::from(deadline.hours)) {
                continue;
            }
            let pointer = at_field(supplier, "/contract/incident_notification_hours");
            let d = sink
                .record(supplier, pointer)
                .arg("name", &supplier.name)
                .arg("deadline_hours", u32::from(deadline.hours))
                .arg("deadline_law", deadline.law.as_str());
            match hours {
                Some(h) => {
                    d.arg("notification", "later").arg("hours", h);
                }
                None => {
                    d.arg("notification", "unstated");
                }
            }
            criticality_figures(d, &criticality);
        }
    }
}
