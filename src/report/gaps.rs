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

/// Errors, warnings and infos among some findings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Counts {
    fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
        }
    }
}

/// Some findings counted by area, in catalogue order, and over all areas: the counts
/// [`by_area`] gives, without its lists (a trend's points need only these).
pub(crate) fn tally<'a>(
    findings: impl IntoIterator<Item = &'a Diagnostic>,
) -> (Counts, Vec<(Area, Counts)>) {
    let mut areas: Vec<(Area, Counts)> = Vec::new();
    let mut total = Counts::default();
    for d in findings {
        let area = area_of(d);
        let i = match areas.iter().position(|(a, _)| *a == area) {
            Some(i) => i,
            None => {
                areas.push((area, Counts::default()));
                areas.len() - 1
            }
        };
        areas[i].1.add(d.severity);
        total.add(d.severity);
    }
    areas.sort_by_key(|(a, _)| *a);
    (total, areas)
}

/// Some findings grouped by area in catalogue order, errors first within an area.
pub(crate) fn by_area<'a>(input: &Input<'_>, findings: Vec<&'a Diagnostic>) -> Gaps<'a> {
    let lang = input.lang;
    let (total, counts) = tally(findings.iter().copied());
    let mut grouped: Vec<(Area, Vec<&Diagnostic>)> =
        counts.iter().map(|(a, _)| (*a, Vec::new())).collect();
    for d in findings {
        let area = area_of(d);
        if let Some((_, list)) = grouped.iter_mut().find(|(a, _)| *a == area) {
            list.push(d);
        }
    }
    let areas = grouped
        .into_iter()
        .zip(counts)
        .map(|((area, mut list), (_, n))| {
            // Stable: output order is kept within a severity.
            list.sort_by_key(|d| std::cmp::Reverse(d.severity));
            AreaGaps {
                area: area_key(area),
                title: area.title(lang).to_owned(),
                errors: n.errors,
                warnings: n.warnings,
                infos: n.infos,
                findings: list.into_iter().map(JsonFinding::from).collect(),
            }
        })
        .collect();
    Gaps {
        errors: total.errors,
        warnings: total.warnings,
        infos: total.infos,
        areas,
    }
}

impl Gaps<'_> {
    /// The counts over all areas.
    pub fn counts(&self) -> Counts {
        Counts {
            errors: self.errors,
            warnings: self.warnings,
            infos: self.infos,
        }
    }
}

/// The area of the catalogue a finding belongs to (a code of no area counts with the
/// record problems).
fn area_of(d: &Diagnostic) -> Area {
    Area::of(d.code).unwrap_or(Area::Rec)
}

/// An area as the reports name it (`CLS`).
pub(crate) fn area_key(area: Area) -> String {
    format!("{area:?}").to_uppercase()
}
