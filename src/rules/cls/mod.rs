//! Risk analysis and classification (CLS): unclassified and stale classifications, risk
//! assessments of critical assets, untreated risks above the appetite.

use super::{Context, area_rules};
use crate::diagnostic::Diagnostic;
use crate::model::Kind;

area_rules! {
    unclassified_sensitive_asset::UnclassifiedSensitiveAsset,
    stale_classification::StaleClassification,
    critical_without_risk_assessment::CriticalWithoutRiskAssessment,
    untreated_risk::UntreatedRisk,
    unclassified_asset::UnclassifiedAsset,
}

pub use stale_classification::{is_stale, stands_until};
pub use untreated_risk::{Untreated, untreated};

/// Where an asset's criticality comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Criticality {
    /// Its own `critical: true`.
    Own,
    /// Inherited from the asset at this index, which it supports (directly or through
    /// others).
    Through(usize),
}

impl Criticality {
    /// Whether active or not, why asset `ai` is critical, if it is.
    pub fn of(cx: &Context<'_>, ai: usize) -> Option<Criticality> {
        let from = cx.derived.assets.get(ai)?.critical_from?;
        Some(if from == ai {
            Criticality::Own
        } else {
            Criticality::Through(from)
        })
    }

    /// The field a finding about the criticality points at.
    pub fn pointer(self) -> &'static str {
        match self {
            Criticality::Own => "/critical",
            Criticality::Through(_) => "/supports",
        }
    }

    /// Gives a finding the criticality as figures: `critical` (`own` or `inherited`), and
    /// for an inherited one the asset it comes from (`via`, `via_name`, related).
    pub(crate) fn describe(self, cx: &Context<'_>, d: &mut Diagnostic) {
        match self {
            Criticality::Own => {
                d.arg("critical", "own");
            }
            Criticality::Through(from) => {
                d.arg("critical", "inherited");
                if let Some(origin) = cx.repo.assets.get(from) {
                    d.arg("via", &origin.id)
                        .arg("via_name", &origin.name)
                        .relate(Kind::Asset, &origin.id);
                }
            }
        }
    }
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
    /// Critical, by its own flag or through an asset it supports.
    Critical(Criticality),
    SensitivePersonalData,
    Secrecy,
    /// The essential service it supports.
    EssentialService(String),
}

/// The grounds on which CLS001 requires a classification of asset `ai`, whether or not it
/// is active; empty when none applies (then CLS005 covers it).
pub fn classification_grounds(cx: &Context<'_>, ai: usize) -> Vec<Ground> {
    grounds(cx, ai).collect()
}

/// [`classification_grounds`] one at a time, each worked out when asked for: whether an
/// asset has any is asked of every asset at every point, and needs only the first.
fn grounds<'c>(cx: &'c Context<'_>, ai: usize) -> impl Iterator<Item = Ground> + 'c {
    let a = cx.repo.assets.get(ai);
    std::iter::once_with(move || Criticality::of(cx, ai).map(Ground::Critical))
        .chain(std::iter::once_with(move || {
            a.filter(|a| a.personal_data == crate::model::PersonalData::Sensitive)
                .map(|_| Ground::SensitivePersonalData)
        }))
        .chain(std::iter::once_with(move || {
            a.filter(|a| a.secrecy).map(|_| Ground::Secrecy)
        }))
        .chain(std::iter::once_with(move || {
            a.and_then(|a| a.essential_service.as_deref())
                .filter(|s| !s.trim().is_empty())
                .map(|s| Ground::EssentialService(s.to_owned()))
        }))
        .flatten()
}

/// Whether CLS001 requires a classification of asset `ai`: an active asset that is
/// critical, holds sensitive personal data, is under secrecy or supports an essential
/// service. The reports' "must be classified" is this.
pub fn requires_classification(cx: &Context<'_>, ai: usize) -> bool {
    cx.repo.assets.get(ai).is_some_and(|a| a.is_active()) && grounds(cx, ai).next().is_some()
}
