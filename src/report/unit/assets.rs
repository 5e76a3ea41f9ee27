//! A unit page's assets: each asset of the units with its classification, and the share of
//! active assets classified and current.

use serde::Serialize;

use crate::report::charts::Chart;

use super::Scope;
use crate::config::Language;
use crate::model::*;
use crate::report::charts;
use crate::report::facts::ClassificationState;
use crate::report::labels::label;
use crate::report::markdown::percent;

/// One asset of the units, retired ones left out.
#[derive(Debug, Clone, Serialize)]
pub struct UnitAsset {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub status: String,
    pub critical: bool,
    pub personal_data_label: String,
    pub secrecy: bool,
    /// Must be classified (CLS001's scope).
    pub must_classify: bool,
    pub classification: &'static str,
    pub classification_label: String,
    pub classified: String,
    /// `K3 R3 T3 S2` / `C3 I3 A3 T2`, empty when not classified.
    pub levels: String,
}

/// How many of the units' active assets are classified, and how recently.
#[derive(Debug, Clone, Serialize)]
pub struct UnitCoverage {
    pub assets: usize,
    pub current: usize,
    pub outdated: usize,
    pub missing: usize,
    pub share_text: String,
}

/// The units' assets in record order, and the classification coverage of the active ones.
pub(super) fn build(scope: &Scope<'_, '_>) -> (Vec<UnitAsset>, UnitCoverage) {
    let input = scope.input;
    let lang = input.lang;
    let mut assets = Vec::new();
    let mut cov = UnitCoverage {
        assets: 0,
        current: 0,
        outdated: 0,
        missing: 0,
        share_text: String::new(),
    };
    for (ai, a) in input.repo.assets.iter().enumerate() {
        if !scope.unit(a.unit.as_deref()) || a.status == AssetStatus::Retired {
            continue;
        }
        let state = input.classification_state(&a.id);
        if a.is_active() {
            cov.assets += 1;
            match state {
                ClassificationState::Current => cov.current += 1,
                ClassificationState::Outdated => cov.outdated += 1,
                ClassificationState::Missing => cov.missing += 1,
            }
        }
        assets.push(asset_row(scope, ai, a, state));
    }
    cov.share_text = if cov.assets > 0 {
        percent(cov.current as f64 / cov.assets as f64, lang)
    } else {
        "–".into()
    };
    (assets, cov)
}

fn asset_row(scope: &Scope<'_, '_>, ai: usize, a: &Asset, state: ClassificationState) -> UnitAsset {
    let input = scope.input;
    let lang = input.lang;
    let c = input.classification_of(&a.id);
    let letters = match lang {
        Language::Sv => ["K", "R", "T", "S"],
        Language::En => ["C", "I", "A", "T"],
    };
    UnitAsset {
        id: a.id.clone(),
        name: a.name.clone(),
        unit: input.unit_name_of(a.unit.as_deref()),
        status: match a.status {
            AssetStatus::Planned => lang.pick("planerad", "planned").to_owned(),
            _ => String::new(),
        },
        critical: input.is_critical(ai),
        personal_data_label: label(lang, "personal_data", a.personal_data.as_str()),
        secrecy: a.secrecy,
        must_classify: input.must_classify(ai),
        classification: state.as_str(),
        classification_label: label(lang, "classification", state.as_str()),
        classified: c.map(|c| c.date.to_string()).unwrap_or_default(),
        levels: c
            .map(|c| {
                c.levels()
                    .iter()
                    .zip(letters)
                    .filter_map(|(l, n)| l.map(|l| format!("{n}{l}")))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default(),
    }
}

/// A pie of the active assets by classification state.
pub(super) fn chart(lang: Language, cov: &UnitCoverage) -> Option<Chart> {
    charts::pie(
        lang.pick(
            "Klassning av enhetens tillgångar",
            "Classification of the unit's assets",
        ),
        &[
            (label(lang, "classification", "current"), cov.current as u64),
            (
                label(lang, "classification", "outdated"),
                cov.outdated as u64,
            ),
            (label(lang, "classification", "missing"), cov.missing as u64),
        ],
    )
}
