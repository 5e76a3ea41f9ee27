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
    let Some(a) = cx.repo.assets.get(ai) else {
        return Vec::new();
    };
    let mut grounds = Vec::new();
    if let Some(criticality) = Criticality::of(cx, ai) {
        grounds.push(Ground::Critical(criticality));
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
