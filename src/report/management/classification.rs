//! The management review's classification coverage: how many critical assets have a
//! current classification, and which lack one.

use serde::Serialize;

use crate::report::charts::Chart;

use crate::config::Language;

use crate::report::audit;
use crate::report::charts;
use crate::report::facts::{ClassificationState, Input};
use crate::report::labels::label;
use crate::report::markdown::percent;

/// A critical asset without a current classification.
#[derive(Debug, Clone, Serialize)]
pub struct CriticalAssetRow {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub state: &'static str,
    pub state_label: String,
    pub detail: String,
}

/// Classification of the critical assets.
#[derive(Debug, Clone, Serialize)]
pub struct CriticalAssetCoverage {
    pub critical: usize,
    pub current: usize,
    /// Critical assets whose classification CLS002 finds too old.
    pub outdated: usize,
    /// Critical assets CLS001 finds without a classification.
    pub missing: usize,
    pub share: Option<f64>,
    pub share_text: String,
    /// Critical assets without a current classification.
    pub lacking: Vec<CriticalAssetRow>,
}

/// The classification state of every active critical asset.
pub(super) fn build(input: &Input<'_>) -> CriticalAssetCoverage {
    let lang = input.lang;
    let mut c = CriticalAssetCoverage {
        critical: 0,
        current: 0,
        outdated: 0,
        missing: 0,
        share: None,
        share_text: String::new(),
        lacking: Vec::new(),
    };
    for (ai, a) in input.repo.assets.iter().enumerate() {
        if !a.is_active() || !input.is_critical(ai) {
            continue;
        }
        c.critical += 1;
        let (state, detail) = audit::classification_detail(input, &a.id);
        match state {
            ClassificationState::Current => c.current += 1,
            ClassificationState::Outdated => c.outdated += 1,
            ClassificationState::Missing => c.missing += 1,
        }
        if state != ClassificationState::Current {
            c.lacking.push(CriticalAssetRow {
                id: a.id.clone(),
                name: a.name.clone(),
                unit: input.unit_name_of(a.unit.as_deref()),
                state: state.as_str(),
                state_label: label(lang, "classification", state.as_str()),
                detail,
            });
        }
    }
    c.share = (c.critical > 0).then(|| c.current as f64 / c.critical as f64);
    c.share_text = c.share.map_or_else(|| "–".into(), |s| percent(s, lang));
    c
}

/// A pie of the critical assets by classification state.
pub(super) fn chart(lang: Language, coverage: &CriticalAssetCoverage) -> Option<Chart> {
    charts::pie(
        lang.pick(
            "Klassning av verksamhetskritiska tillgångar",
            "Classification of critical assets",
        ),
        &[
            (
                label(lang, "classification", "current"),
                coverage.current as u64,
            ),
            (
                label(lang, "classification", "outdated"),
                coverage.outdated as u64,
            ),
            (
                label(lang, "classification", "missing"),
                coverage.missing as u64,
            ),
        ],
    )
}
