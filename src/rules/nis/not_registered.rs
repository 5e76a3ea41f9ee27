use crate::rules::nis::{applies, registration_deadline};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// For an organisation that is a covered entity (`organisation.cybersecurity_act.covered:
    /// true`) on a date the cybersecurity law is in force, finds no registration date
    /// (`cybersecurity_act.registered`) once the registration deadline has passed.
    ///
    /// The deadline is `[cybersecurity] registration_deadline` in `isms.toml` when set, else
    /// the registry's: 2026-02-16, the date by which entities covered when the law took
    /// effect were to register with the single point of contact (MCF's portal, under MCFFS
    /// 2026:1). That date comes from secondary sources and is marked uncertain in the
    /// registry; the message says so, and `isms.toml` can correct it.
    ///
    /// ## Why it matters
    /// The supervisory authority can only supervise, and support, entities it knows of.
    /// Registration is a duty of the covered entity under the law (2 kap.), and not
    /// registering is itself a breach the authority can act on.
    ///
    /// ## Example
    /// ```yaml
    /// kind: organisation
    /// id: norrvik
    /// name: Norrviks kommun
    /// cybersecurity_act:
    ///   covered: true
    ///   entity_class: essential
    ///   registered:              # after the deadline: error
    /// ```
    /// Not reported: `registered: 2026-02-10`, or `covered: false`.
    ///
    /// ## How to fix
    /// Register with the supervisory authority and record the date under
    /// `cybersecurity_act.registered` (and the reference under `registration_ref`).
    ///
    /// ## References
    /// - Cybersäkerhetslag (2025:1506), 2 kap.
    /// - Cybersäkerhetsförordning (2025:1507), 5 §
    /// - Directive (EU) 2022/2555 (NIS2), art. 3(3)-(4) and 27
    pub struct NotRegistered {
        code: "NIS001",
        name: "not-registered",
        severity: Error,
        summary: "a covered entity with no registration date once the registration deadline has passed",
    }
}

impl Rule for NotRegistered {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        if !applies(cx) {
            return;
        }
        let Some(org) = cx.repo.organisation.first() else {
            return;
        };
        let registered = org
            .cybersecurity_act
            .as_ref()
            .and_then(|c| c.registered)
            .filter(|d| *d <= cx.as_of);
        let Some((deadline, uncertain)) = registration_deadline(cx) else {
            return;
        };
        if registered.is_some() || cx.as_of <= deadline {
            return;
        }
        let pointer = match org.cybersecurity_act.as_ref().and_then(|c| c.registered) {
            Some(_) => "/cybersecurity_act/registered",
            None if org.src.spans.contains("/cybersecurity_act/registered") => {
                "/cybersecurity_act/registered"
            }
            None => "/cybersecurity_act",
        };
        sink.record(org, pointer)
            .arg("name", &org.name)
            .arg("deadline", deadline)
            .arg("days_overdue", deadline.days_until(cx.as_of))
            .arg("uncertain", uncertain);
    }
}
