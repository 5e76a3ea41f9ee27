//! The findings of `isms check` grouped by area of the catalogue, with their counts: the
//! gap list of the management review and of a unit's page.

use serde::Serialize;

use super::facts::Input;
use crate::diagnostic::{Diagnostic, Severity};
use crate::render::json::JsonFinding;
use crate::rules::Area;

/// The findings of one area of the catalogue.
#[derive(Clone, Serialize)]
pub struct AreaGaps<'a> {
    pub area: String,
    pub title: String,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Errors first, then warnings, then infos; in output order within each.
    pub findings: Vec<JsonFinding<'a>>,
}

/// Findings by area, with the counts over all areas.
#[derive(Clone, Serialize)]
pub struct Gaps<'a> {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub areas: Vec<AreaGaps<'a>>,
}

/// The findings grouped by area in catalogue order, errors first within an area.
pub(crate) fn all<'a>(input: &'a Input<'_>) -> Gaps<'a> {
    by_area(input, input.findings.iter().collect())
}

/// Some findings grouped by area in catalogue order, errors first within an area.
pub(crate) fn by_area<'a>(input: &Input<'_>, findings: Vec<&'a Diagnostic>) -> Gaps<'a> {
    let lang = input.lang;
    let mut areas: Vec<AreaGaps<'a>> = Vec::new();
    let mut grouped: Vec<(Area, Vec<&Diagnostic>)> = Vec::new();
    for d in findings {
        let area = Area::of(d.code).unwrap_or(Area::Rec);
        match grouped.iter_mut().find(|(a, _)| *a == area) {
            Some((_, v)) => v.push(d),
            None => grouped.push((area, vec![d])),
        }
    }
    grouped.sort_by_key(|(a, _)| *a);
    let (mut errors, mut warnings, mut infos) = (0, 0, 0);
    for (area, mut list) in grouped {
        // Stable: output order is kept within a severity.
        list.sort_by_key(|d| std::cmp::Reverse(d.severity));
        let count = |s: Severity| list.iter().filter(|d| d.severity == s).count();
        let g = AreaGaps {
            area: format!("{area:?}").to_uppercase(),
            title: area.title(lang).to_owned(),
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
            findings: list.into_iter().map(JsonFinding::from).collect(),
        };
        errors += g.errors;
        warnings += g.warnings;
        infos += g.infos;
        areas.push(g);
    }
    Gaps {
        errors,
        warnings,
        infos,
        areas,
    }
}
