//! Risk analysis and classification (CLS): unclassified and stale classifications, risk
//! assessments of critical assets, untreated risks above the appetite.

use super::{Context, area_rules};

area_rules! {
    unclassified_sensitive_asset::UnclassifiedSensitiveAsset,
    stale_classification::StaleClassification,
    critical_without_risk_assessment::CriticalWithoutRiskAssessment,
    untreated_risk::UntreatedRisk,
    unclassified_asset::UnclassifiedAsset,
}

pub use stale_classification::{is_stale, stands_until};
pub use untreated_risk::{Untreated, untreated};

/// Why asset `ai` is critical, if it is: `("critical", "/critical")` for its own flag, or
/// `("critical through `x`, which it supports", "/supports")` when the criticality comes
/// from an asset it carries. The pointer is the field a finding should point at.
pub(crate) fn critical_origin(cx: &Context<'_>, ai: usize) -> Option<(String, &'static str)> {
    let from = cx.derived.assets.get(ai)?.critical_from?;
    if from == ai {
        return Some(("critical".to_owned(), "/critical"));
    }
    let origin = cx.repo.assets.get(from)?;
    Some((
        format!("critical through `{}`, which it supports", origin.id),
        "/supports",
    ))
}

/// Whether asset `ai` has a classification of its own (levels inherited through
/// `supports` do not make an asset classified). CLS001 and CLS005 find the active assets
/// without one; the reports count classified assets by it.
pub fn is_classified(cx: &Context<'_>, ai: usize) -> bool {
    cx.derived
        .assets
        .get(ai)
        .is_some_and(|v| v.current.is_some())
}

/// A ground on which CLS001 requires an asset's classification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ground {
    /// Critical: `"critical"`, or `"critical through `x`, which it supports"`.
    Critical(String),
    SensitivePersonalData,
    Secrecy,
    /// The essential service it supports.
    EssentialService(String),
}

/// The grounds on which CLS001 requires a classification of asset `ai`, whether or not it
/// is active; empty when none applies (then CLS005 covers it).
pub fn classification_grounds(cx: &Context<'_>, ai: usize) -> Vec<Ground> {
    let Some(a) = cx.repo.assets.get(ai) else {
        return Vec::new();
    };
    let mut grounds = Vec::new();
    if let Some((why, _)) = critical_origin(cx, ai) {
        grounds.push(Ground::Critical(why));
    }
    if a.personal_data == crate::model::PersonalData::Sensitive {
        grounds.push(Ground::SensitivePersonalData);
    }
    if a.secrecy {
        grounds.push(Ground::Secrecy);
    }
    if let Some(service) = a
        .essential_service
        .as_deref()
        .filter(|s| !s.trim().is_empty())
    {
        grounds.push(Ground::EssentialService(service.to_owned()));
    }
    grounds
}

/// Whether CLS001 requires a classification of asset `ai`: an active asset that is
/// critical, holds sensitive personal data, is under secrecy or supports an essential
/// service. The reports' "must be classified" is this.
pub fn requires_classification(cx: &Context<'_>, ai: usize) -> bool {
    cx.repo.assets.get(ai).is_some_and(|a| a.is_active())
        && !classification_grounds(cx, ai).is_empty()
}

/// The grounds of [`classification_grounds`] in words, for CLS001's message.
fn classification_reasons(cx: &Context<'_>, ai: usize) -> Vec<String> {
    classification_grounds(cx, ai)
        .into_iter()
        .map(|g| match g {
            Ground::Critical(why) => format!("is {why}"),
            Ground::SensitivePersonalData => "holds sensitive personal data".to_owned(),
            Ground::Secrecy => "is under secrecy".to_owned(),
            Ground::EssentialService(service) => {
                format!("supports the essential service `{service}`")
            }
        })
        .collect()
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
