//! Questions 7–9: implemented security measures are verified on time, monitoring and
//! intrusion detection are in place, and incidents are handled to standard.

use super::Measured;
use crate::config::Language;
use crate::model::*;
use crate::registry::registry;
use crate::repo::Rec;
use crate::report::audit::Evidence;
use crate::report::facts::{Input, PERIOD_MONTHS};

pub(super) fn measures_verified(input: &Input<'_>, m: &mut Measured) {
    let lang = input.lang;
    for x in &input.repo.measures {
        if !x.implemented_on(input.as_of) {
            continue;
        }
        let interval = x
            .verify_interval_months
            .unwrap_or(input.config.thresholds.verify_interval_months);
        let detail = match (x.last_verified, lang) {
            (Some(d), Language::Sv) => format!("verifierad {d} (intervall {interval} månader)"),
            (Some(d), Language::En) => format!("verified {d} (interval {interval} months)"),
            (None, _) => lang.pick("aldrig verifierad", "never verified").to_owned(),
        };
        m.push(Evidence {
            kind: "measure",
            id: x.id.clone(),
            name: x.title.clone(),
            ok: input.measure_verified(x),
            detail,
        });
    }
}

pub(super) fn monitoring(input: &Input<'_>, m: &mut Measured) {
    let lang = input.lang;
    for cap in ["monitoring", "intrusion_detection"] {
        let providers: Vec<&Rec<Measure>> = input
            .repo
            .measures
            .iter()
            .filter(|x| x.implemented_on(input.as_of))
            .filter(|x| x.provides.iter().any(|p| p == cap))
            .collect();
        let verified: Vec<&str> = providers
            .iter()
            .filter(|x| input.measure_verified(x))
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
        m.push(Evidence {
            kind: "measure",
            id: verified
                .first()
                .map(|s| (*s).to_owned())
                .unwrap_or_default(),
            name,
            ok: !verified.is_empty(),
            detail,
        });
    }
}

pub(super) fn incidents(input: &Input<'_>, m: &mut Measured) {
    let lang = input.lang;
    for i in input.incidents_within(PERIOD_MONTHS) {
        let reasons = input.incident_shortfalls(i);
        m.push(Evidence {
            kind: "incident",
            id: i.id.clone(),
            name: i.title.clone(),
            ok: reasons.is_empty(),
            detail: if reasons.is_empty() {
                lang.pick("hanterad enligt standard", "handled to standard")
                    .to_owned()
            } else {
                reasons.join("; ")
            },
        });
    }
}
