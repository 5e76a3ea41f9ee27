//! `isms report unit ID`: one committee's (or company's, federation's) page — its assets
//! and their classification, its training, incidents, continuity plans, plan activities,
//! risks and open gaps.
//!
//! A unit's page covers the unit and the units below it (`parent`), since a committee
//! answers for its department's systems. A finding belongs to the page when the record it
//! is about belongs to one of these units, or when its message names one of them.

use anyhow::{Result, bail};
use serde::Serialize;

use crate::report::charts::Chart;

use super::Header;
use super::facts::{Input, PERIOD_MONTHS};
use super::gaps::{self, Gaps};
use super::labels::label;
use super::rows::{ActivityRow, IncidentRow, RiskRow, activity_row, incident_row, risk_row};
use crate::diagnostic::Diagnostic;
use crate::model::*;
use crate::registry::registry;
use crate::repo::Rec;

mod assets;
mod continuity;
mod training;

pub use assets::{UnitAsset, UnitCoverage};
pub use continuity::ContinuityRow;
pub use training::{CampaignRow, UnitTraining};

/// The unit the page is about.
#[derive(Debug, Clone, Serialize)]
pub struct UnitInfo {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    pub kind_label: String,
    pub parent: String,
    pub security_representative: String,
    pub essential_services: Vec<String>,
}

/// A unit below the page's unit.
#[derive(Debug, Clone, Serialize)]
pub struct SubUnit {
    pub id: String,
    pub name: String,
    pub kind_label: String,
}

/// The page's Mermaid chart, `None` when there is nothing to draw.
#[derive(Debug, Clone, Serialize)]
pub struct UnitCharts {
    pub classification: Option<Chart>,
}

/// One unit's page.
#[derive(Clone, Serialize)]
pub struct UnitPage<'a> {
    #[serde(flatten)]
    pub header: Header,
    pub period_start: String,
    pub unit: UnitInfo,
    pub sub_units: Vec<SubUnit>,
    pub assets: Vec<UnitAsset>,
    pub classification: UnitCoverage,
    pub training: UnitTraining,
    pub incidents: Vec<IncidentRow>,
    pub continuity: Vec<ContinuityRow>,
    pub activities: Vec<ActivityRow>,
    pub risks: Vec<RiskRow>,
    pub gaps: Gaps<'a>,
    pub charts: UnitCharts,
}

fn unit_type_str(t: UnitType) -> &'static str {
    match t {
        UnitType::Board => "board",
        UnitType::Committee => "committee",
        UnitType::Company => "company",
        UnitType::Federation => "federation",
        UnitType::Department => "department",
    }
}

/// The unit and every unit below it, the unit first, then by id.
fn family<'a>(input: &Input<'a>, root: &'a Rec<Unit>) -> Vec<&'a Rec<Unit>> {
    let mut out = vec![root];
    let mut i = 0;
    // Breadth-first; a `parent` cycle cannot loop because a unit is added once.
    while i < out.len() {
        let id = out[i].id.clone();
        let mut children: Vec<&Rec<Unit>> = input
            .repo
            .units
            .iter()
            .filter(|u| {
                u.parent
                    .as_deref()
                    .is_some_and(|p| p.eq_ignore_ascii_case(&id))
            })
            .filter(|u| !out.iter().any(|o| o.id == u.id))
            .collect();
        children.sort_by(|a, b| a.id.cmp(&b.id));
        out.extend(children);
        i += 1;
    }
    out
}

/// The units a page covers, and the records that belong to them.
struct Scope<'a, 'r> {
    input: &'a Input<'r>,
    /// The page's unit's id.
    root: String,
    /// The units' ids, lower-cased.
    ids: Vec<String>,
}

impl Scope<'_, '_> {
    /// Whether a record's `unit` is one of the page's units.
    fn unit(&self, u: Option<&str>) -> bool {
        u.is_some_and(|u| self.ids.contains(&u.to_lowercase()))
    }

    /// Whether asset `id` belongs to one of the page's units.
    fn asset(&self, id: &str) -> bool {
        self.input
            .repo
            .asset(id)
            .is_some_and(|a| self.unit(a.unit.as_deref()))
    }
}

/// The unit of id `id`; an unknown id is an error with a suggestion.
fn find<'r>(input: &Input<'r>, id: &str) -> Result<&'r Rec<Unit>> {
    if let Some(unit) = input.repo.unit(id) {
        return Ok(unit);
    }
    let ids: Vec<&str> = input.repo.units.iter().map(|u| u.id.as_str()).collect();
    if ids.is_empty() {
        bail!("no unit `{id}`: the repository has no unit records");
    }
    match crate::util::suggest::closest(id, ids.iter().copied()) {
        Some(close) => bail!("no unit `{id}`; did you mean `{close}`?"),
        None => bail!("no unit `{id}`; the units are: {}", ids.join(", ")),
    }
}

/// Builds the page of unit `id`; an unknown id is an error with a suggestion.
pub fn build<'a>(input: &'a Input<'_>, id: &str) -> Result<UnitPage<'a>> {
    let root = find(input, id)?;
    let fam = family(input, root);
    let scope = Scope {
        input,
        root: root.id.clone(),
        ids: fam.iter().map(|u| u.id.to_lowercase()).collect(),
    };
    let (assets, classification) = assets::build(&scope);
    let findings: Vec<&Diagnostic> = input
        .findings
        .iter()
        .filter(|d| belongs(&scope, d))
        .collect();
    Ok(UnitPage {
        header: Header::new(input, "unit"),
        period_start: input.window_start(PERIOD_MONTHS).to_string(),
        unit: unit_info(input, root),
        sub_units: fam[1..]
            .iter()
            .map(|u| SubUnit {
                id: u.id.clone(),
                name: u.name.clone(),
                kind_label: label(input.lang, "unit", unit_type_str(u.unit_type)),
            })
            .collect(),
        assets,
        charts: UnitCharts {
            classification: assets::chart(input.lang, &classification),
        },
        classification,
        training: training::build(&scope),
        incidents: incidents(&scope),
        continuity: continuity::build(&scope),
        activities: activities(&scope),
        risks: risks(&scope),
        gaps: gaps::by_area(input, findings),
    })
}

fn unit_info(input: &Input<'_>, root: &Unit) -> UnitInfo {
    let lang = input.lang;
    UnitInfo {
        id: root.id.clone(),
        name: root.name.clone(),
        kind: unit_type_str(root.unit_type),
        kind_label: label(lang, "unit", unit_type_str(root.unit_type)),
        parent: root
            .parent
            .as_deref()
            .map(|p| input.unit_name(p))
            .unwrap_or_default(),
        security_representative: root.representative().unwrap_or_default().to_owned(),
        essential_services: root
            .essential_services
            .iter()
            .map(|w| {
                registry()
                    .vocabularies
                    .essential_services
                    .iter()
                    .find(|v| v.id == *w)
                    .map_or_else(|| w.clone(), |v| v.name.get(lang).to_owned())
            })
            .collect(),
    }
}

/// The units' incidents of the last twelve months.
fn incidents(scope: &Scope<'_, '_>) -> Vec<IncidentRow> {
    scope
        .input
        .incidents_within(PERIOD_MONTHS)
        .into_iter()
        .filter(|i| scope.unit(i.unit.as_deref()))
        .map(|i| incident_row(scope.input, i))
        .collect()
}

/// The units' activities of the current plan, of earlier plans still open on the as-of
/// date, and every one PLAN002 finds overdue, by id.
fn activities(scope: &Scope<'_, '_>) -> Vec<ActivityRow> {
    let input = scope.input;
    let current: Vec<String> = input
        .current_plans()
        .iter()
        .map(|p| p.id.to_lowercase())
        .collect();
    let mut acts: Vec<&Rec<Activity>> = input
        .repo
        .activities
        .iter()
        .filter(|a| scope.unit(a.unit.as_deref()))
        .filter(|a| {
            current.contains(&a.plan.to_lowercase())
                || input.days_overdue(a).is_some()
                || (a.open_on(input.as_of)
                    && input
                        .repo
                        .plan(&a.plan)
                        .is_some_and(|p| p.year < input.as_of.year()))
        })
        .collect();
    acts.sort_by(|a, b| a.id.cmp(&b.id));
    acts.into_iter().map(|a| activity_row(input, a)).collect()
}

/// The risks of the units or their assets, highest value first.
fn risks(scope: &Scope<'_, '_>) -> Vec<RiskRow> {
    let input = scope.input;
    // All risks still in force, not only open ones: a committee should see what it accepted.
    let mut in_force: Vec<&Rec<Risk>> = input
        .repo
        .risks
        .iter()
        .filter(|r| r.status != RiskStatus::Closed && r.assessed <= input.as_of)
        .collect();
    in_force.sort_by(|a, b| b.value().cmp(&a.value()).then(a.id.cmp(&b.id)));
    in_force
        .into_iter()
        .filter(|r| {
            scope.unit(r.unit.as_deref()) || r.asset.as_deref().is_some_and(|a| scope.asset(a))
        })
        .map(|r| risk_row(input, r))
        .collect()
}

/// Whether a finding concerns one of the page's units.
fn belongs(scope: &Scope<'_, '_>, d: &Diagnostic) -> bool {
    let ours = |u: Option<&str>| scope.unit(u);
    let asset_ours = |a: &str| scope.asset(a);
    // A finding on another record that concerns one of the units (a training's figures
    // for a unit) names the unit among its related records.
    let related = d
        .related
        .iter()
        .any(|(kind, id)| *kind == Kind::Unit && ours(Some(id)));
    if related {
        return true;
    }
    let (Some(kind), Some(id)) = (d.kind, d.id.as_deref()) else {
        return false;
    };
    let repo = scope.input.repo;
    match kind {
        Kind::Unit => ours(Some(id)),
        Kind::Asset => asset_ours(id),
        Kind::Classification => repo
            .classifications
            .iter()
            .find(|c| c.id.eq_ignore_ascii_case(id))
            .is_some_and(|c| asset_ours(&c.asset)),
        Kind::Risk => repo
            .risks
            .iter()
            .find(|r| r.id.eq_ignore_ascii_case(id))
            .is_some_and(|r| ours(r.unit.as_deref()) || r.asset.as_deref().is_some_and(asset_ours)),
        Kind::Incident => repo
            .incidents
            .iter()
            .find(|i| i.id.eq_ignore_ascii_case(id))
            .is_some_and(|i| ours(i.unit.as_deref())),
        Kind::Activity => repo.activity(id).is_some_and(|a| ours(a.unit.as_deref())),
        Kind::ContinuityPlan => repo
            .continuity_plans
            .iter()
            .find(|p| p.id.eq_ignore_ascii_case(id))
            .is_some_and(|p| ours(p.unit.as_deref()) || p.assets.iter().any(|a| asset_ours(a))),
        _ => false,
    }
}
