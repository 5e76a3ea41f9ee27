use crate::l10n::{Args, Value};
use crate::model::Kind;
use crate::model::{Date, Measure};
use crate::repo::{Rec, Repository};
use crate::rules::sec::{
    Verification, capability, display_name, verification, verification_figures,
    verification_pointer,
};
use crate::rules::{Context, Rule, Sink, declare_rule};

/// The capabilities that together make up detection (audit question 8).
pub const DETECTION: [&str; 2] = ["monitoring", "intrusion_detection"];

/// The figures that list the unverified measures providing each of [`DETECTION`].
const PROVIDED_BY: [&str; 2] = ["monitoring_by", "intrusion_detection_by"];

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
        // Each detection capability's state and, when unverified, its providers.
        let mut states: Vec<(&str, &str, Vec<Args>)> = Vec::new();
        for cap in DETECTION {
            let providers = detection_providers(cx.repo, cx.as_of, cap);
            if providers
                .iter()
                .any(|m| verification(cx, m) == Verification::Current)
            {
                states.push((cap, "verified", Vec::new()));
                continue;
            }
            missing.push(cap);
            let parts: Vec<Args> = providers.iter().map(|m| provider(cx, m)).collect();
            let state = if parts.is_empty() {
                "unprovided"
            } else {
                "unverified"
            };
            states.push((cap, state, parts));
            for m in providers {
                if !unverified.iter().any(|u| std::ptr::eq(*u, m)) {
                    unverified.push(m);
                }
            }
        }
        if missing.is_empty() {
            return;
        }
        // One unverified measure that would close the whole gap: point at it.
        let single = unverified
            .iter()
            .filter(|m| missing.iter().all(|cap| provides(m, cap)))
            .max_by_key(|m| m.last_verified.or(m.implemented))
            .copied();
        let d = match single {
            Some(m) => sink
                .record(m, verification_pointer(m))
                .arg("one_measure", "yes")
                .arg("title", display_name(&m.title, &m.id)),
            None => sink.repository().arg("one_measure", "no"),
        };
        d.arg(
            "missing",
            missing.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
        );
        // Both missing and provided alike (by nothing, or by the same measures in the same
        // state): one sentence says both.
        let alike = missing.len() == DETECTION.len() && states.windows(2).all(|w| w[0].2 == w[1].2);
        if alike {
            d.says("SEC005-alike");
        }
        for ((cap, state, parts), by) in states.into_iter().zip(PROVIDED_BY) {
            d.arg(cap, state);
            if !parts.is_empty() {
                d.arg(by, Value::Parts(parts));
            }
        }
        for m in unverified {
            if single.is_none_or(|s| !std::ptr::eq(s, m)) {
                d.relate(Kind::Measure, &m.id);
            }
        }
    }
}

/// An unverified measure providing a detection capability, as the figures of one part:
/// its id (`measure`), `title` and where it stands ([`verification_figures`]).
fn provider(cx: &Context<'_>, m: &Rec<Measure>) -> Args {
    let mut part: Args = vec![
        ("measure", (&m.id).into()),
        ("title", display_name(&m.title, &m.id).into()),
    ];
    part.extend(verification_figures(cx, m, verification(cx, m)));
    part
}
