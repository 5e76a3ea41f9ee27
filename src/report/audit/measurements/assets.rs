//! Questions 6, 10 and 12, about assets: those that must be classified are, critical ones
//! have exercised continuity plans, and cloud services are classified, lawful and in the
//! right jurisdiction.

use super::Measured;
use crate::config::Language;
use crate::model::*;
use crate::registry::registry;
use crate::report::audit::Evidence;
use crate::report::facts::{ClassificationState, Input};
use crate::report::labels::label;
use crate::rules::cld::{jurisdiction_gap, unclassified_cloud_service, unlawful_transfers};
use crate::rules::cls::{self, Ground};

/// Why an asset must be classified (CLS001's grounds), in words.
fn classification_reasons(input: &Input<'_>, ai: usize) -> String {
    let lang = input.lang;
    cls::classification_grounds(&input.rules_context(), ai)
        .iter()
        .map(|g| match g {
            Ground::Critical(_) => lang.pick("verksamhetskritisk", "critical"),
            Ground::SensitivePersonalData => {
                lang.pick("känsliga personuppgifter", "sensitive personal data")
            }
            Ground::Secrecy => lang.pick("sekretess", "secrecy"),
            Ground::EssentialService(_) => {
                lang.pick("samhällsviktig verksamhet", "essential service")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The classification state of an asset in words: `klassad 2025-12-03`.
pub(crate) fn classification_detail(
    input: &Input<'_>,
    asset: &str,
) -> (ClassificationState, String) {
    let state = input.classification_state(asset);
    (state, describe_classification(input, asset, state))
}

/// An asset's classification state, `state`, in words.
fn describe_classification(input: &Input<'_>, asset: &str, state: ClassificationState) -> String {
    let lang = input.lang;
    match (state, input.classification_of(asset)) {
        (ClassificationState::Missing, _) | (_, None) => {
            lang.pick("ingen klassning", "no classification").to_owned()
        }
        (ClassificationState::Current, Some(c)) => match lang {
            Language::Sv => format!("klassad {}", c.date),
            Language::En => format!("classified {}", c.date),
        },
        (ClassificationState::Outdated, Some(c)) => {
            let max = input.config.thresholds.classification_max_age_months;
            match lang {
                Language::Sv => format!("klassad {}, äldre än {max} månader", c.date),
                Language::En => format!("classified {}, older than {max} months", c.date),
            }
        }
    }
}

/// The active assets: what questions 6 and 10 say there is when none is in their scope.
pub(super) fn active_assets(input: &Input<'_>) -> usize {
    input.repo.assets.iter().filter(|a| a.is_active()).count()
}

/// Question 6: CLS001's assets ([`Input::must_classify`]), counting those classified and
/// not outdated (CLS002); the others are CLS001's and CLS002's findings.
pub(super) fn classification(input: &Input<'_>, m: &mut Measured) {
    for (ai, a) in input.repo.assets.iter().enumerate() {
        if !input.must_classify(ai) {
            continue;
        }
        let state = input.classification_state_at(ai);
        let ok = state == ClassificationState::Current;
        m.push(ok, || Evidence {
            kind: "asset",
            id: a.id.clone(),
            name: a.name.clone(),
            ok,
            detail: format!(
                "{} ({})",
                describe_classification(input, &a.id, state),
                classification_reasons(input, ai)
            ),
        });
    }
}

/// Question 10: critical assets covered by a continuity plan (BCM001's coverage,
/// `plans_covering`) exercised in time (BCM002's `exercised_on`). The scope is the
/// specification's key figure, a different measure from BCM001: BCM001 also requires plans
/// for assets with availability 3 or more, which this figure does not count.
pub(super) fn continuity(input: &Input<'_>, m: &mut Measured) {
    let lang = input.lang;
    for (ai, a) in input.repo.assets.iter().enumerate() {
        if !a.is_active() || !input.is_critical(ai) {
            continue;
        }
        let plans = input.plans_covering(&a.id);
        let ok = plans.iter().any(|p| input.exercised(p));
        let describe = |p: &ContinuityPlan| match (input.last_exercise(p), lang) {
            (Some(e), Language::Sv) => format!("{} övad {}", p.id, e.date),
            (Some(e), Language::En) => format!("{} exercised {}", p.id, e.date),
            (None, Language::Sv) => format!("{} aldrig övad", p.id),
            (None, Language::En) => format!("{} never exercised", p.id),
        };
        m.push(ok, || Evidence {
            kind: "asset",
            id: a.id.clone(),
            name: a.name.clone(),
            ok,
            detail: if plans.is_empty() {
                lang.pick("ingen kontinuitetsplan", "no continuity plan")
                    .to_owned()
            } else {
                plans
                    .iter()
                    .map(|p| describe(p))
                    .collect::<Vec<_>>()
                    .join(", ")
            },
        });
    }
}

/// What is wrong with cloud asset `ai`, in words: the findings CLD001–CLD003 make about it,
/// from the rules' own predicates.
fn cloud_shortfalls(input: &Input<'_>, ai: usize) -> Vec<String> {
    let lang = input.lang;
    let a = &input.repo.assets[ai];
    let mut out = Vec::new();
    if unclassified_cloud_service(input.repo, &input.derived, ai).is_some() {
        out.push(lang.pick("ej klassad", "not classified").to_owned());
    }
    for t in unlawful_transfers(registry(), a, input.as_of) {
        let c = t.country;
        out.push(match lang {
            Language::Sv => format!("personuppgifter i {c} utan adekvansbeslut eller skyddsåtgärd"),
            Language::En => {
                format!("personal data in {c} without an adequacy decision or safeguard")
            }
        });
    }
    if jurisdiction_gap(a).is_some() {
        out.push(
            lang.pick(
                "sekretessbelagd information hos leverantör utanför svensk jurisdiktion",
                "information under secrecy with a provider outside Swedish jurisdiction",
            )
            .to_owned(),
        );
    }
    out
}

/// Question 12: active cloud and SaaS assets (CLD003's scope) with no CLD001–CLD003
/// finding. The scope is the specification's key figure: CLD001 and CLD002 also report
/// assets hosted externally, which this figure does not count.
pub(super) fn cloud(input: &Input<'_>, m: &mut Measured) {
    let lang = input.lang;
    for (ai, a) in input.repo.assets.iter().enumerate() {
        let Some(model) = a.hosting_model().filter(|h| h.is_cloud()) else {
            continue;
        };
        if !a.is_active() {
            continue;
        }
        let problems = cloud_shortfalls(input, ai);
        let hosting = label(lang, "hosting", model.as_str());
        let ok = problems.is_empty();
        m.push(ok, || Evidence {
            kind: "asset",
            id: a.id.clone(),
            name: a.name.clone(),
            ok,
            detail: if ok {
                match lang {
                    Language::Sv => {
                        format!("{hosting}: klassad, laglig överföring och rätt jurisdiktion")
                    }
                    Language::En => {
                        format!("{hosting}: classified, lawful transfers and jurisdiction")
                    }
                }
            } else {
                format!("{hosting}: {}", problems.join("; "))
            },
        });
    }
}
