use crate::model::{Date, Measure};
use crate::repo::{Rec, Repository};
use crate::rules::sec::{Verification, capability, interval, verification, verification_pointer};
use crate::rules::{Context, Rule, Sink, declare_rule};

/// The capabilities that together make up detection (audit question 8).
pub const DETECTION: [&str; 2] = ["monitoring", "intrusion_detection"];

declare_rule! {
    /// ## What it does
    /// Checks that `monitoring` and `intrusion_detection` are each provided by an implemented
    /// measure verified within its interval (the same test as SEC002: `last_verified`, or
    /// `implemented` when never verified, within the measure's `verify_interval_months`,
    /// default 12). A measure of any scope counts; one implemented after the as-of date does
    /// not (yet). One finding names the capabilities
    /// missing and the unverified measures that provide them. It points at the measure when
    /// a single implemented but unverified measure provides every missing capability
    /// (verifying it is the fix, and a waiver on it silences the finding), and at the
    /// organisation otherwise.
    ///
    /// ## Why it matters
    /// Incidents that are not detected cannot be handled: attackers often sit in a network
    /// for weeks before they act. Audits ask whether there is established monitoring to
    /// detect intrusion and other incidents, and NIS2 (the cybersecurity law) requires
    /// incident detection. An unverified SOC or IDS may have stopped alerting long ago.
    ///
    /// ## Example
    /// ```yaml
    /// kind: measure
    /// id: soc
    /// title: SOC-tjänst
    /// provides: [monitoring, intrusion_detection]
    /// status: implemented
    /// implemented: 2021-03-01
    /// last_verified: 2022-05-06    # past its 12 months on 2024-11-12: reported here
    /// ```
    /// Not reported: `last_verified: 2024-05-06`.
    ///
    /// ## How to fix
    /// Implement monitoring and intrusion detection (an own SOC, a procured service, EDR and
    /// network detection), verify that they alert (an alarm test, a review of reports), and
    /// record the measure with `provides` and `last_verified`.
    ///
    /// ## References
    /// - ISO/IEC 27001:2022, annex A.8.15 (logging) and A.8.16 (monitoring activities)
    /// - cybersäkerhetslag (2025:1506); NIS2 art. 21(2)(b)
    /// - MSB (MCF), Metodstöd för LIS: incidenthantering
    pub struct MissingMonitoring {
        code: "SEC005",
        name: "missing-monitoring",
        severity: Error,
        summary: "no implemented, verified measure providing monitoring and intrusion_detection",
    }
}

/// The measures implemented on `as_of` that provide `cap` (compared as SEC005 compares
/// capabilities: trimmed, ignoring case). SEC005 is met for `cap` when one of them is
/// verified on time ([`super::verified_on`]); audit question 8 counts the same.
pub fn detection_providers<'r>(
    repo: &'r Repository,
    as_of: Date,
    cap: &str,
) -> Vec<&'r Rec<Measure>> {
    repo.measures
        .iter()
        .filter(|m| m.implemented_on(as_of))
        .filter(|m| m.provides.iter().any(|p| capability(p) == capability(cap)))
        .collect()
}

impl Rule for MissingMonitoring {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let provides = |m: &Measure, cap: &str| m.provides.iter().any(|p| capability(p) == cap);
        let mut missing: Vec<&str> = Vec::new();
        // Implemented measures providing a missing capability, none verified in time.
        let mut unverified: Vec<&Rec<Measure>> = Vec::new();
        // Missing capabilities grouped by what provides them: (capabilities, the unverified
        // providers in words, None when nothing implemented provides them).
        let mut groups: Vec<(Vec<&str>, Option<String>)> = Vec::new();
        for cap in DETECTION {
            let providers = detection_providers(cx.repo, cx.as_of, cap);
            if providers
                .iter()
                .any(|m| verification(cx, m) == Verification::Current)
            {
                continue;
            }
            missing.push(cap);
            let states = (!providers.is_empty()).then(|| {
                let states: Vec<String> = providers.iter().map(|m| state(cx, m)).collect();
                states.join(" and ")
            });
            match groups.iter_mut().find(|(_, s)| *s == states) {
                Some((caps, _)) => caps.push(cap),
                None => groups.push((vec![cap], states)),
            }
            for m in providers {
                if !unverified.iter().any(|u| std::ptr::eq(*u, m)) {
                    unverified.push(m);
                }
            }
        }
        if missing.is_empty() {
            return;
        }
        let clauses: Vec<String> = groups
            .iter()
            .map(|(caps, states)| match states {
                None => format!("no implemented measure provides {}", caps.join(" or ")),
                Some(states) => format!(
                    "{} {} provided only by {states}",
                    caps.join(" and "),
                    if caps.len() == 1 { "is" } else { "are" }
                ),
            })
            .collect();
        let message = clauses.join("; ");
        let help = "implement monitoring and intrusion detection, verify that they alert, and record the date in `last_verified`";
        // One unverified measure that would close the whole gap: point at it.
        let single = unverified
            .iter()
            .filter(|m| missing.iter().all(|cap| provides(m, cap)))
            .max_by_key(|m| m.last_verified.or(m.implemented));
        match single {
            Some(m) => {
                sink.at(m, verification_pointer(m), message).help = Some(format!(
                    "verify that `{}` detects and alerts (an alarm test, a review of its reports) and record the date in `last_verified`",
                    m.id
                ))
            }
            None => sink.global(message).help = Some(help.into()),
        }
    }
}

/// An unverified measure in words: "`soc`, last verified 2022-05-06, not within its
/// 12-month interval".
fn state(cx: &Context<'_>, m: &Rec<Measure>) -> String {
    let every = interval(cx, m);
    match verification(cx, m) {
        Verification::Overdue { date } => {
            format!(
                "`{}`, last verified {date}, not within its {every}-month interval",
                m.id
            )
        }
        Verification::NeverSinceImplemented { date } => {
            format!("`{}`, implemented {date} and never verified", m.id)
        }
        _ => format!("`{}`, never verified", m.id),
    }
}
