//! `isms report unit ID`: one committee's (or company's, federation's) page — its assets
//! and their classification, its training, incidents, continuity plans, plan activities,
//! risks and open gaps.
//!
//! A unit's page covers the unit and the units below it (`parent`), since a committee
//! answers for its department's systems. A finding belongs to the page when the record it
//! is about belongs to one of these units, or when its message names one of them.

use anyhow::{Result, bail};
use serde::Serialize;

use super::Header;
use super::charts;
use super::facts::{ClassificationState, Input, PERIOD_MONTHS};
use super::gaps::{self, Gaps};
use super::labels::{label, pick};
use super::markdown::percent;
use super::rows::{
    ActivityRow, IncidentRow, Phishing, RiskRow, activity_row, incident_row, phishing_row, risk_row,
};
use crate::diagnostic::Diagnostic;
use crate::model::*;
use crate::repo::Rec;

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

#[derive(Debug, Clone, Serialize)]
pub struct SubUnit {
    pub id: String,
    pub name: String,
    pub kind_label: String,
}

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

#[derive(Debug, Clone, Serialize)]
pub struct CampaignRow {
    pub id: String,
    pub title: String,
    pub kind_label: String,
    pub targeted: u64,
    pub completed: u64,
    pub share_text: String,
    pub below_target: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct UnitTraining {
    pub completion: Option<f64>,
    pub completion_text: String,
    pub target_text: String,
    pub campaigns: Vec<CampaignRow>,
    pub phishing: Vec<Phishing>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ContinuityRow {
    pub id: String,
    pub title: String,
    pub assets: Vec<String>,
    pub last_exercise: String,
    pub exercise_label: String,
    pub outcome_label: String,
    /// Exercised within `exercise_max_age_months`.
    pub exercised: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    pub assets: usize,
    pub current: usize,
    pub outdated: usize,
    pub missing: usize,
    pub share_text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Charts {
    pub classification: Option<String>,
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
    pub classification: Coverage,
    pub training: UnitTraining,
    pub incidents: Vec<IncidentRow>,
    pub continuity: Vec<ContinuityRow>,
    pub activities: Vec<ActivityRow>,
    pub risks: Vec<RiskRow>,
    pub gaps: Gaps<'a>,
    pub charts: Charts,
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

/// Builds the page of unit `id`; an unknown id is an error with a suggestion.
pub fn build<'a>(input: &'a Input<'_>, id: &str) -> Result<UnitPage<'a>> {
    let lang = input.lang;
    let Some(root) = input.repo.unit(id) else {
        let ids: Vec<&str> = input.repo.units.iter().map(|u| u.id.as_str()).collect();
        if ids.is_empty() {
            bail!("no unit `{id}`: the repository has no unit records");
        }
        match crate::suggest::closest(id, ids.iter().copied()) {
            Some(close) => bail!("no unit `{id}`; did you mean `{close}`?"),
            None => bail!("no unit `{id}`; the units are: {}", ids.join(", ")),
        }
    };
    let fam = family(input, root);
    let ids: Vec<String> = fam.iter().map(|u| u.id.to_lowercase()).collect();
    let ours = |u: Option<&str>| u.is_some_and(|u| ids.contains(&u.to_lowercase()));

    let unit = UnitInfo {
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
                crate::registry::registry()
                    .vocabularies
                    .essential_services
                    .iter()
                    .find(|v| v.id == *w)
                    .map_or_else(|| w.clone(), |v| v.name.get(lang.as_str()).to_owned())
            })
            .collect(),
    };
    let sub_units = fam[1..]
        .iter()
        .map(|u| SubUnit {
            id: u.id.clone(),
            name: u.name.clone(),
            kind_label: label(lang, "unit", unit_type_str(u.unit_type)),
        })
        .collect();

    let mut assets = Vec::new();
    let mut cov = Coverage {
        assets: 0,
        current: 0,
        outdated: 0,
        missing: 0,
        share_text: String::new(),
    };
    for (ai, a) in input.repo.assets.iter().enumerate() {
        if !ours(a.unit.as_deref()) || a.status == AssetStatus::Retired {
            continue;
        }
        let state = input.classification_state(&a.id);
        let c = input.classification_of(&a.id);
        if a.is_active() {
            cov.assets += 1;
            match state {
                ClassificationState::Current => cov.current += 1,
                ClassificationState::Outdated => cov.outdated += 1,
                ClassificationState::Missing => cov.missing += 1,
            }
        }
        let letters = match lang {
            crate::config::Language::Sv => ["K", "R", "T", "S"],
            crate::config::Language::En => ["C", "I", "A", "T"],
        };
        assets.push(UnitAsset {
            id: a.id.clone(),
            name: a.name.clone(),
            unit: a
                .unit
                .as_deref()
                .map(|u| input.unit_name(u))
                .unwrap_or_default(),
            status: match a.status {
                AssetStatus::Planned => pick(lang, "planerad", "planned").to_owned(),
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
        });
    }
    cov.share_text = if cov.assets > 0 {
        percent(cov.current as f64 / cov.assets as f64, lang)
    } else {
        "–".into()
    };

    let target = input.config.training.completion_target;
    let campaigns: Vec<CampaignRow> = input
        .training_campaigns()
        .into_iter()
        .filter_map(|t| {
            let rows: Vec<&TrainingResult> =
                t.results.iter().filter(|r| ours(Some(&r.unit))).collect();
            if rows.is_empty() {
                return None;
            }
            let targeted: u64 = rows.iter().map(|r| r.targeted).sum();
            let completed: u64 = rows.iter().map(|r| r.completed.unwrap_or(0)).sum();
            let share = (targeted > 0).then(|| completed as f64 / targeted as f64);
            Some(CampaignRow {
                id: t.id.clone(),
                title: t.title.clone(),
                kind_label: label(lang, "training", training_type_str(t.training_type)),
                targeted,
                completed,
                share_text: share.map_or_else(|| "–".into(), |s| percent(s, lang)),
                below_target: share.is_none_or(|s| s + 1e-9 < target),
            })
        })
        .collect();
    let (done, targeted) = input.completion(|u| ours(Some(u)));
    let completion = (targeted > 0).then(|| done as f64 / targeted as f64);
    let phishing = input
        .phishing_simulations()
        .into_iter()
        .filter(|t| t.results.iter().any(|r| ours(Some(&r.unit))))
        .map(|t| phishing_row(input, t, |u| ours(Some(u))))
        .collect();
    let training = UnitTraining {
        completion,
        completion_text: completion.map_or_else(|| "–".into(), |c| percent(c, lang)),
        target_text: percent(target, lang),
        campaigns,
        phishing,
    };

    let incidents = input
        .incidents_within(PERIOD_MONTHS)
        .into_iter()
        .filter(|i| ours(i.unit.as_deref()))
        .map(|i| incident_row(input, i))
        .collect();

    let asset_of_ours = |id: &str| {
        input
            .repo
            .asset(id)
            .is_some_and(|a| ours(a.unit.as_deref()))
    };
    let continuity = input
        .repo
        .continuity_plans
        .iter()
        .filter(|p| p.exists_on(input.as_of))
        .filter(|p| ours(p.unit.as_deref()) || p.assets.iter().any(|a| asset_of_ours(a)))
        .map(|p| {
            let last = input.last_exercise(p);
            ContinuityRow {
                id: p.id.clone(),
                title: p.title.clone(),
                assets: p
                    .assets
                    .iter()
                    .map(|a| {
                        input
                            .repo
                            .asset(a)
                            .map_or_else(|| a.clone(), |x| x.name.clone())
                    })
                    .collect(),
                last_exercise: last.map(|e| e.date.to_string()).unwrap_or_default(),
                exercise_label: last
                    .map(|e| label(lang, "exercise", exercise_type_str(e.exercise_type)))
                    .unwrap_or_default(),
                outcome_label: last
                    .map(|e| {
                        label(
                            lang,
                            "outcome",
                            e.outcome.map_or("none", |o| match o {
                                ExerciseOutcome::Passed => "passed",
                                ExerciseOutcome::Partial => "partial",
                                ExerciseOutcome::Failed => "failed",
                            }),
                        )
                    })
                    .unwrap_or_default(),
                exercised: input.exercised(p),
            }
        })
        .collect();

    // The current plan's activities, and activities of earlier plans still open.
    let current: Vec<String> = input
        .current_plans()
        .iter()
        .map(|p| p.id.to_lowercase())
        .collect();
    let mut acts: Vec<&Rec<Activity>> = input
        .repo
        .activities
        .iter()
        .filter(|a| ours(a.unit.as_deref()))
        .filter(|a| {
            current.contains(&a.plan.to_lowercase())
                || (a.status.is_open()
                    && input
                        .repo
                        .plan(&a.plan)
                        .is_some_and(|p| p.year < input.as_of.year()))
        })
        .collect();
    acts.sort_by(|a, b| a.id.cmp(&b.id));
    let activities = acts.into_iter().map(|a| activity_row(input, a)).collect();

    // All risks still in force, not only open ones: a committee should see what it accepted.
    let mut in_force: Vec<&Rec<Risk>> = input
        .repo
        .risks
        .iter()
        .filter(|r| r.status != RiskStatus::Closed && r.assessed <= input.as_of)
        .collect();
    in_force.sort_by(|a, b| b.value().cmp(&a.value()).then(a.id.cmp(&b.id)));
    let risks = in_force
        .into_iter()
        .filter(|r| ours(r.unit.as_deref()) || r.asset.as_deref().is_some_and(asset_of_ours))
        .map(|r| risk_row(input, r))
        .collect();

    let findings: Vec<&Diagnostic> = input
        .findings
        .iter()
        .filter(|d| belongs(input, d, &ids))
        .collect();
    let gaps = gaps::by_area(input, findings);

    let charts = Charts {
        classification: charts::pie(
            pick(
                lang,
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
        ),
    };

    Ok(UnitPage {
        header: Header::new(input, "unit"),
        period_start: input.window_start(PERIOD_MONTHS).to_string(),
        unit,
        sub_units,
        assets,
        classification: cov,
        training,
        incidents,
        continuity,
        activities,
        risks,
        gaps,
        charts,
    })
}

fn training_type_str(t: TrainingType) -> &'static str {
    match t {
        TrainingType::Course => "course",
        TrainingType::NanoLearning => "nano_learning",
        TrainingType::Briefing => "briefing",
        TrainingType::PhishingSimulation => "phishing_simulation",
    }
}

fn exercise_type_str(t: ExerciseType) -> &'static str {
    match t {
        ExerciseType::Tabletop => "tabletop",
        ExerciseType::Simulation => "simulation",
        ExerciseType::Live => "live",
        ExerciseType::RestoreTest => "restore_test",
    }
}

/// Whether a finding concerns one of the units `ids` (lower-cased).
fn belongs(input: &Input<'_>, d: &Diagnostic, ids: &[String]) -> bool {
    let ours = |u: Option<&str>| u.is_some_and(|u| ids.contains(&u.to_lowercase()));
    let asset_ours = |a: &str| input.repo.asset(a).is_some_and(|a| ours(a.unit.as_deref()));
    let named = ids
        .iter()
        .any(|id| d.message.to_lowercase().contains(&format!("`{id}`")));
    if named {
        return true;
    }
    let (Some(kind), Some(id)) = (d.kind, d.id.as_deref()) else {
        return false;
    };
    let repo = input.repo;
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
