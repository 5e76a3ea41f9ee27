//! Questions 7–9: implemented security measures are verified on time, monitoring and
//! intrusion detection are in place, and incidents are handled to standard.

use super::Measured;
use crate::config::Language;
use crate::model::Measure;
use crate::registry::registry;
use crate::report::audit::Evidence;
use crate::report::facts::{Input, PERIOD_MONTHS};
use crate::rules::sec::{
    DETECTION, Verification, detection_providers, interval_of, verification_on, verified_on,
};

/// Question 7: implemented measures verified on time, as SEC002 judges them
/// (`verification_on`): a measure counts against the figure exactly when SEC002 reports it.
pub(super) fn measures_verified(input: &Input<'_>, m: &mut Measured) {
    for x in &input.repo.measures {
        if !x.implemented_on(input.as_of) {
            continue;
        }
        let state = verification_on(input.config, x, input.as_of);
        let ok = state == Verification::Current;
        m.push(ok, || Evidence {
            kind: "measure",
            id: x.id.clone(),
            name: x.title.clone(),
            ok,
            detail: verification_detail(input, x, state),
        });
    }
}

/// How and when a measure was verified, in words, for its verification state `state`.
fn verification_detail(input: &Input<'_>, x: &Measure, state: Verification) -> String {
    let lang = input.lang;
    let interval = interval_of(input.config, x);
    match (state, x.last_verified.filter(|d| *d <= input.as_of), lang) {
        (_, Some(d), Language::Sv) => format!("verifierad {d} (intervall {interval} månader)"),
        (_, Some(d), Language::En) => format!("verified {d} (interval {interval} months)"),
        (Verification::Current, None, _) => match (x.implemented, lang) {
            (Some(d), Language::Sv) => {
                format!("genomförd {d}, ännu inte verifierad (intervall {interval} månader)")
            }
            (Some(d), Language::En) => {
                format!("implemented {d}, not yet verified (interval {interval} months)")
            }
            (None, _) => lang.pick("aldrig verifierad", "never verified").to_owned(),
        },
        (_, None, _) => lang.pick("aldrig verifierad", "never verified").to_owned(),
    }
}

/// Question 8: each detection capability provided by an implemented measure verified on
/// time, with SEC005's providers (`detection_providers`) and SEC002's verification: some
/// capability falls short exactly when SEC005 reports. Returns whether nothing is recorded
/// (no implemented measure provides either capability).
pub(super) fn monitoring(input: &Input<'_>, m: &mut Measured) -> bool {
    let lang = input.lang;
    let mut nothing = true;
    for cap in DETECTION {
        let providers = detection_providers(input.repo, input.as_of, cap);
        nothing &= providers.is_empty();
        let verified: Vec<&str> = providers
            .iter()
            .filter(|x| verified_on(input.config, x, input.as_of))
            .map(|x| x.id.as_str())
            .collect();
        let name = registry()
            .capability(cap)
            .map_or_else(|| cap.to_owned(), |c| c.name.get(lang).to_owned());
        let detail = if !verified.is_empty() {
            match lang {
                Language::Sv => format!("ges av {}", verified.join(", ")),
                Language::En => format!("provided by {}", verified.join(", ")),
            }
        } else if !providers.is_empty() {
            let ids: Vec<&str> = providers.iter().map(|x| x.id.as_str()).collect();
            match lang {
                Language::Sv => format!("{} är inte verifierad i tid", ids.join(", ")),
                Language::En => format!("{} not verified on time", ids.join(", ")),
            }
        } else {
            lang.pick("ingen genomförd åtgärd", "no implemented measure")
                .to_owned()
        };
        let ok = !verified.is_empty();
        m.push(ok, || Evidence {
            kind: "measure",
            id: verified
                .first()
                .map(|s| (*s).to_owned())
                .unwrap_or_default(),
            name,
            ok,
            detail,
        });
    }
    nothing
}

/// Question 9: the incidents of the last twelve months, each handled to standard unless
/// INC001–INC004 find it short ([`Input::incident_shortfalls`]). INC005 (follow-up
/// activities) is among the question's rules but not in the spec's key figure.
pub(super) fn incidents(input: &Input<'_>, m: &mut Measured) {
    let lang = input.lang;
    // Counted, the order makes no difference and sorting costs more than counting.
    let incidents = if m.counting {
        input.incidents_in(PERIOD_MONTHS).collect()
    } else {
        input.incidents_within(PERIOD_MONTHS)
    };
    for i in incidents {
        let reasons = input.incident_shortfalls(i);
        let ok = reasons.is_empty();
        m.push(ok, || Evidence {
            kind: "incident",
            id: i.id.clone(),
            name: i.title.clone(),
            ok,
            detail: if ok {
                lang.pick("hanterad som den ska", "handled to standard")
                    .to_owned()
            } else {
                reasons.join("; ")
            },
        });
    }
}
