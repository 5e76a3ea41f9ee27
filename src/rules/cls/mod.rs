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
/// `supports` do not make an asset classified).
fn is_classified(cx: &Context<'_>, ai: usize) -> bool {
    cx.derived
        .assets
        .get(ai)
        .is_some_and(|v| v.current.is_some())
}

/// The reasons CLS001 requires a classification of asset `ai`, in words; empty when none
/// applies (then CLS005 covers it).
fn classification_reasons(cx: &Context<'_>, ai: usize) -> Vec<String> {
    let a = &cx.repo.assets[ai];
    let mut reasons = Vec::new();
    if let Some((why, _)) = critical_origin(cx, ai) {
        reasons.push(format!("is {why}"));
    }
    if a.personal_data == crate::model::PersonalData::Sensitive {
        reasons.push("holds sensitive personal data".to_owned());
    }
    if a.secrecy {
        reasons.push("is under secrecy".to_owned());
    }
    if let Some(service) = a
        .essential_service
        .as_deref()
        .filter(|s| !s.trim().is_empty())
    {
        reasons.push(format!("supports the essential service `{service}`"));
    }
    reasons
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
