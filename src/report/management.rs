//! `isms report management` (*Ledningens genomgång*): the inputs of ISO/IEC 27001:2022
//! clause 9.3 as the records show them, for the executive board.
//!
//! Status of earlier decisions and of the action plan; performance (incidents by type and
//! month, training completion per unit, classification coverage of critical assets,
//! evaluation results, audit findings); feedback from follow-ups; the risk picture; the gap
//! list by area as opportunities for improvement; and the key figures in one table.

use serde::Serialize;

use super::Header;
use super::audit::{self, KeyFigure};
use super::charts::{self, Task, TaskState};
use super::facts::{ClassificationState, Input, PERIOD_MONTHS};
use super::labels::{label, pick};
use super::markdown::percent;
use crate::config::Language;
use crate::diagnostic::Severity;
use crate::model::*;
use crate::registry::registry;
use crate::render::json::Finding;
use crate::repo::Rec;
use crate::rules::Area;

/// A value and how many records have it.
#[derive(Debug, Clone, Serialize)]
pub struct Count {
    pub key: String,
    pub label: String,
    pub count: usize,
}

/// An earlier decision: a management review or a plan, with its decision reference.
#[derive(Debug, Clone, Serialize)]
pub struct Decision {
    pub kind: &'static str,
    pub id: String,
    pub title: String,
    pub date: String,
    pub body: String,
    pub decision_ref: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActivityRow {
    pub id: String,
    pub title: String,
    pub goal: String,
    pub unit: String,
    pub owner: String,
    pub due: String,
    pub status: &'static str,
    pub status_label: String,
    /// Days past due, for open activities past their due date.
    pub days_overdue: Option<i64>,
    pub carried_over_from: Vec<String>,
}

/// The current year's action plan.
#[derive(Debug, Clone, Serialize)]
pub struct PlanStatus {
    pub id: String,
    pub title: String,
    pub year: i16,
    pub decided: String,
    pub decision_ref: String,
    pub goals: usize,
    pub activities: usize,
    pub done: usize,
    /// Done among activities not cancelled.
    pub progress: Option<f64>,
    pub progress_text: String,
    pub by_status: Vec<Count>,
    pub overdue: Vec<ActivityRow>,
    /// Activities carried over from an earlier plan.
    pub carried_over: Vec<ActivityRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct IncidentRow {
    pub id: String,
    pub title: String,
    pub detected: String,
    pub kind: &'static str,
    pub kind_label: String,
    pub severity: String,
    pub severity_label: String,
    pub unit: String,
    pub status_label: String,
    pub personal_data_breach: bool,
    pub significant: bool,
    pub escalated: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Month {
    /// `2026-03`.
    pub month: String,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Incidents {
    pub total: usize,
    pub personal_data_breaches: usize,
    pub significant: usize,
    pub escalated: usize,
    pub open: usize,
    pub by_type: Vec<Count>,
    pub by_month: Vec<Month>,
    pub list: Vec<IncidentRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct UnitTraining {
    pub unit: String,
    pub name: String,
    pub targeted: u64,
    pub completed: u64,
    pub share: Option<f64>,
    pub share_text: String,
    pub below_target: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Phishing {
    pub id: String,
    pub title: String,
    pub start: String,
    pub targeted: u64,
    pub clicked: u64,
    pub reported: u64,
    pub click_rate: Option<f64>,
    pub click_rate_text: String,
    pub above_max: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Training {
    pub target: f64,
    pub target_text: String,
    pub completion: Option<f64>,
    pub completion_text: String,
    pub campaigns: Vec<String>,
    pub units: Vec<UnitTraining>,
    pub phishing: Vec<Phishing>,
    pub click_rate_max_text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AssetRow {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub state: &'static str,
    pub state_label: String,
    pub detail: String,
}

/// Classification of the critical assets.
#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    pub critical: usize,
    pub current: usize,
    pub outdated: usize,
    pub missing: usize,
    pub share: Option<f64>,
    pub share_text: String,
    /// Critical assets without a current classification.
    pub lacking: Vec<AssetRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EvaluationRow {
    pub id: String,
    pub title: String,
    pub date: String,
    pub kind_label: String,
    pub performed_by: String,
    pub findings: usize,
    pub open: usize,
    pub open_high: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct EvaluationFindingRow {
    pub evaluation: String,
    pub id: String,
    pub title: String,
    pub severity_label: String,
    pub date: String,
    pub days_open: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Evaluations {
    /// Evaluations of the last 12 months, newest first.
    pub recent: Vec<EvaluationRow>,
    /// Open high and critical findings of any evaluation.
    pub open_high: Vec<EvaluationFindingRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AuditFindingRow {
    pub id: String,
    pub title: String,
    pub source: String,
    pub owner: String,
    pub due: String,
    pub past_due: bool,
    pub status_label: String,
    /// Activities that address it.
    pub activities: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReviewRow {
    pub id: String,
    pub title: String,
    pub date: String,
    pub kind_label: String,
    pub units: Vec<String>,
    pub score: String,
    pub level: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RiskRow {
    pub id: String,
    pub title: String,
    pub subject: String,
    pub value: u8,
    pub likelihood: u8,
    pub consequence: u8,
    pub treatment: &'static str,
    pub treatment_label: String,
    pub status_label: String,
    pub owner: String,
    pub activities: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Risks {
    pub appetite: u32,
    pub open: usize,
    /// The ten highest open risks.
    pub top: Vec<RiskRow>,
    /// Risks above the appetite with no decided treatment, or to mitigate with no activity.
    pub untreated: Vec<RiskRow>,
}

/// The findings of one area of the catalogue.
#[derive(Clone, Serialize)]
pub struct AreaGaps<'a> {
    pub area: String,
    pub title: String,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Errors first, then warnings, then infos; in output order within each.
    pub findings: Vec<Finding<'a>>,
}

#[derive(Clone, Serialize)]
pub struct Gaps<'a> {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub areas: Vec<AreaGaps<'a>>,
}

/// A row of the key-figure table.
#[derive(Debug, Clone, Serialize)]
pub struct KeyFigureRow {
    pub name: String,
    pub value_text: String,
    pub target_text: String,
    /// Null for counts without a target.
    pub reached: Option<bool>,
    /// The audit question it comes from, if any: its key figure is a share, the others
    /// are counts.
    pub question: Option<u8>,
    /// The figure as a number: the share (0–1, null when nothing is in scope) or the count.
    pub value: Option<f64>,
    /// With `--compare REV`: the value at REV as printed (`–` when the figure has no value
    /// there).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before_text: Option<String>,
    /// With `--compare REV`: the change since REV (`+12 p.e.`/`+12 pp` for shares, `+3`
    /// for counts, `–` when either side has no value).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change_text: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Charts {
    pub incidents_by_month: Option<String>,
    pub incidents_by_type: Option<String>,
    pub training_by_unit: Option<String>,
    pub classification_coverage: Option<String>,
    pub plan_status: Option<String>,
    pub plan_gantt: Option<String>,
}

/// The management review's data.
#[derive(Clone, Serialize)]
pub struct Management<'a> {
    #[serde(flatten)]
    pub header: Header,
    /// First day of the last 12 months.
    pub period_start: String,
    /// The as-of year, whose action plan is the current one.
    pub year: i16,
    pub key_figures: Vec<KeyFigureRow>,
    pub decisions: Vec<Decision>,
    pub plan: Option<PlanStatus>,
    pub audit_findings: Vec<AuditFindingRow>,
    pub incidents: Incidents,
    pub training: Training,
    pub classification: Coverage,
    pub evaluations: Evaluations,
    pub follow_ups: Vec<ReviewRow>,
    pub risks: Risks,
    pub gaps: Gaps<'a>,
    pub charts: Charts,
}

pub fn build<'a>(input: &'a Input<'_>) -> Management<'a> {
    let lang = input.lang;
    let plan = plan_status(input);
    let incidents = incidents(input);
    let training = training(input);
    let classification = coverage(input);
    let audit_findings = audit_findings(input);
    let gaps = gaps(input);
    let key_figures = key_figures(input, &incidents, &audit_findings, plan.as_ref(), &gaps);
    let charts = Charts {
        incidents_by_month: charts::bars(
            pick(lang, "Incidenter per månad", "Incidents per month"),
            pick(lang, "Antal", "Count"),
            &incidents
                .by_month
                .iter()
                .map(|m| (m.month.clone(), m.count as u64))
                .collect::<Vec<_>>(),
            1,
        ),
        incidents_by_type: charts::pie(
            pick(lang, "Incidenter per typ", "Incidents by type"),
            &incidents
                .by_type
                .iter()
                .map(|c| (c.label.clone(), c.count as u64))
                .collect::<Vec<_>>(),
        ),
        training_by_unit: charts::bars(
            pick(
                lang,
                "Genomförd utbildning per enhet (%)",
                "Training completion per unit (%)",
            ),
            "%",
            &training
                .units
                .iter()
                .filter_map(|u| {
                    u.share
                        .map(|s| (u.name.clone(), (s * 100.0).round() as u64))
                })
                .collect::<Vec<_>>(),
            100,
        ),
        classification_coverage: charts::pie(
            pick(
                lang,
                "Klassning av verksamhetskritiska tillgångar",
                "Classification of critical assets",
            ),
            &[
                (
                    label(lang, "classification", "current"),
                    classification.current as u64,
                ),
                (
                    label(lang, "classification", "outdated"),
                    classification.outdated as u64,
                ),
                (
                    label(lang, "classification", "missing"),
                    classification.missing as u64,
                ),
            ],
        ),
        plan_status: plan.as_ref().and_then(|p| {
            charts::pie(
                &format!(
                    "{} {}",
                    pick(
                        lang,
                        "Handlingsplanens aktiviteter",
                        "Action plan activities"
                    ),
                    p.year
                ),
                &p.by_status
                    .iter()
                    .map(|c| (c.label.clone(), c.count as u64))
                    .collect::<Vec<_>>(),
            )
        }),
        plan_gantt: plan_gantt(input),
    };
    Management {
        header: Header::new(input, "management"),
        period_start: input.window_start(PERIOD_MONTHS).to_string(),
        year: input.as_of.year(),
        key_figures,
        decisions: decisions(input),
        plan,
        audit_findings,
        incidents,
        training,
        classification,
        evaluations: evaluations(input),
        follow_ups: follow_ups(input),
        risks: risks(input),
        gaps,
        charts,
    }
}

fn key_figures(
    input: &Input<'_>,
    incidents: &Incidents,
    audit_findings: &[AuditFindingRow],
    plan: Option<&PlanStatus>,
    gaps: &Gaps<'_>,
) -> Vec<KeyFigureRow> {
    let lang = input.lang;
    let mut rows: Vec<KeyFigureRow> = registry()
        .audit_questions
        .iter()
        .map(|q| {
            let measured = audit::measure(input, q.number);
            let k: KeyFigure = audit::key_figure(input, q, &measured);
            KeyFigureRow {
                name: k.name,
                value_text: k.value_text,
                target_text: k.target_text,
                reached: k.value.map(|_| k.reached),
                question: Some(q.number),
                value: k.value,
                before_text: None,
                change_text: None,
            }
        })
        .collect();
    let count = |name: &str, n: usize| KeyFigureRow {
        name: name.to_owned(),
        value_text: n.to_string(),
        target_text: String::new(),
        reached: None,
        question: None,
        value: Some(n as f64),
        before_text: None,
        change_text: None,
    };
    rows.push(count(
        pick(
            lang,
            "Incidenter de senaste 12 månaderna",
            "Incidents in the last 12 months",
        ),
        incidents.total,
    ));
    rows.push(count(
        pick(
            lang,
            "Öppna revisionsrekommendationer",
            "Open audit recommendations",
        ),
        audit_findings.len(),
    ));
    rows.push(count(
        pick(lang, "Försenade planaktiviteter", "Overdue plan activities"),
        plan.map_or(0, |p| p.overdue.len()),
    ));
    rows.push(count(
        pick(lang, "Brister (fel)", "Gaps (errors)"),
        gaps.errors,
    ));
    rows.push(count(
        pick(lang, "Brister (varningar)", "Gaps (warnings)"),
        gaps.warnings,
    ));
    rows
}

fn decisions(input: &Input<'_>) -> Vec<Decision> {
    let lang = input.lang;
    let mut v: Vec<Decision> = input
        .repo
        .reviews
        .iter()
        .filter(|r| r.review_type == ReviewType::ManagementReview && r.date <= input.as_of)
        .map(|r| Decision {
            kind: "review",
            id: r.id.clone(),
            title: r.title.clone(),
            date: r.date.to_string(),
            body: r
                .presented_to
                .map_or_else(String::new, |b| label(lang, "body", b.as_str())),
            decision_ref: r.decision_ref.clone().unwrap_or_default(),
        })
        .chain(input.repo.plans.iter().filter_map(|p| {
            let decided = p.decided.filter(|d| *d <= input.as_of)?;
            Some(Decision {
                kind: "plan",
                id: p.id.clone(),
                title: p.title.clone().unwrap_or_else(|| p.id.clone()),
                date: decided.to_string(),
                body: p
                    .decided_by
                    .map_or_else(String::new, |b| label(lang, "body", b.as_str())),
                decision_ref: p.decision_ref.clone().unwrap_or_default(),
            })
        }))
        .collect();
    v.sort_by(|a, b| b.date.cmp(&a.date).then(a.id.cmp(&b.id)));
    v
}

pub(crate) fn activity_row(input: &Input<'_>, a: &Rec<Activity>) -> ActivityRow {
    let lang = input.lang;
    let goal = input
        .repo
        .plan(&a.plan)
        .and_then(|p| {
            let g = a.goal.as_deref()?;
            p.goals.iter().find(|x| x.id.eq_ignore_ascii_case(g))
        })
        .map(|g| g.title.clone().unwrap_or_else(|| g.id.clone()))
        .or_else(|| a.goal.clone())
        .unwrap_or_default();
    ActivityRow {
        id: a.id.clone(),
        title: a.title.clone(),
        goal,
        unit: a
            .unit
            .as_deref()
            .map(|u| input.unit_name(u))
            .unwrap_or_default(),
        owner: a.owner.clone().unwrap_or_default(),
        due: a.due.map(|d| d.to_string()).unwrap_or_default(),
        status: a.status.as_str(),
        status_label: label(lang, "activity", a.status.as_str()),
        days_overdue: input.days_overdue(a),
        carried_over_from: a.carried_over_from.clone(),
    }
}

const STATUSES: [ActivityStatus; 5] = [
    ActivityStatus::Done,
    ActivityStatus::InProgress,
    ActivityStatus::Planned,
    ActivityStatus::Postponed,
    ActivityStatus::Cancelled,
];

fn plan_status(input: &Input<'_>) -> Option<PlanStatus> {
    let lang = input.lang;
    let plans = input.current_plans();
    let p = *plans.first()?;
    let acts = input.activities_of(&plans);
    let by_status: Vec<Count> = STATUSES
        .iter()
        .map(|s| Count {
            key: s.as_str().to_owned(),
            label: label(lang, "activity", s.as_str()),
            count: acts.iter().filter(|a| a.status == *s).count(),
        })
        .collect();
    let done = acts
        .iter()
        .filter(|a| a.status == ActivityStatus::Done)
        .count();
    let live = acts
        .iter()
        .filter(|a| a.status != ActivityStatus::Cancelled)
        .count();
    let progress = (live > 0).then(|| done as f64 / live as f64);
    Some(PlanStatus {
        id: p.id.clone(),
        title: p.title.clone().unwrap_or_else(|| p.id.clone()),
        year: p.year,
        decided: p.decided.map(|d| d.to_string()).unwrap_or_default(),
        decision_ref: p.decision_ref.clone().unwrap_or_default(),
        goals: plans.iter().map(|p| p.goals.len()).sum(),
        activities: acts.len(),
        done,
        progress,
        progress_text: progress.map_or_else(|| "–".into(), |x| percent(x, lang)),
        by_status,
        overdue: acts
            .iter()
            .filter(|a| input.days_overdue(a).is_some())
            .map(|a| activity_row(input, a))
            .collect(),
        carried_over: acts
            .iter()
            .filter(|a| !a.carried_over_from.is_empty())
            .map(|a| activity_row(input, a))
            .collect(),
    })
}

/// The current plan's activities on a time line, by goal: done, in progress, late, planned.
fn plan_gantt(input: &Input<'_>) -> Option<String> {
    let lang = input.lang;
    let plans = input.current_plans();
    let p = *plans.first()?;
    let year_start = Date::new(p.year, 1, 1)?;
    let start = p.decided.unwrap_or(year_start);
    let mut tasks: Vec<Task> = input
        .activities_of(&plans)
        .into_iter()
        .filter(|a| a.status != ActivityStatus::Cancelled)
        .map(|a| {
            let row = activity_row(input, a);
            let state = match a.status {
                ActivityStatus::Done => TaskState::Done,
                _ if row.days_overdue.is_some() => TaskState::Late,
                ActivityStatus::InProgress => TaskState::Active,
                _ => TaskState::Planned,
            };
            let end = a
                .completed
                .filter(|_| a.status == ActivityStatus::Done)
                .or(a.due)
                .unwrap_or_else(|| Date::new(p.year, 12, 31).unwrap_or(start));
            Task {
                section: if row.goal.is_empty() {
                    pick(lang, "Övrigt", "Other").to_owned()
                } else {
                    row.goal.clone()
                },
                name: format!("{} {}", a.id, a.title),
                start: start.min(end),
                end,
                state,
            }
        })
        .collect();
    // Sections in first-appearance order of their goal in the plan, then other.
    let order: Vec<String> = p
        .goals
        .iter()
        .map(|g| g.title.clone().unwrap_or_else(|| g.id.clone()))
        .collect();
    tasks.sort_by_key(|t| {
        order
            .iter()
            .position(|g| *g == t.section)
            .unwrap_or(usize::MAX)
    });
    charts::gantt(
        &format!("{} {}", pick(lang, "Handlingsplan", "Action plan"), p.year),
        &tasks,
    )
}

const INCIDENT_TYPES: [IncidentType; 5] = [
    IncidentType::It,
    IncidentType::PersonalData,
    IncidentType::Nis,
    IncidentType::LostEquipment,
    IncidentType::Other,
];

pub(crate) fn incident_row(input: &Input<'_>, i: &Rec<Incident>) -> IncidentRow {
    let lang = input.lang;
    let severity = i.severity.map_or("none", |s| s.as_str());
    IncidentRow {
        id: i.id.clone(),
        title: i.title.clone(),
        detected: input.detected(i).to_string(),
        kind: i.incident_type.as_str(),
        kind_label: label(lang, "incident", i.incident_type.as_str()),
        severity: severity.to_owned(),
        severity_label: label(lang, "severity", severity),
        unit: i
            .unit
            .as_deref()
            .map(|u| input.unit_name(u))
            .unwrap_or_default(),
        status_label: label(
            lang,
            "incident_status",
            match i.status {
                _ if i.closed_on(input.as_of) => "closed",
                IncidentStatus::Contained => "contained",
                IncidentStatus::Open | IncidentStatus::Closed => "open",
            },
        ),
        personal_data_breach: i.personal_data_breach,
        significant: i.significant,
        escalated: i.escalated,
    }
}

fn incidents(input: &Input<'_>) -> Incidents {
    let lang = input.lang;
    let list = input.incidents_within(PERIOD_MONTHS);
    let by_type = INCIDENT_TYPES
        .iter()
        .map(|t| Count {
            key: t.as_str().to_owned(),
            label: label(lang, "incident", t.as_str()),
            count: list.iter().filter(|i| i.incident_type == *t).count(),
        })
        .filter(|c| c.count > 0)
        .collect();
    // Twelve calendar months ending with the as-of month.
    let by_month = (0..12)
        .rev()
        .map(|back| {
            let d = input.as_of.minus_months(back);
            let month = format!("{:04}-{:02}", d.0.year(), d.0.month());
            let count = list
                .iter()
                .filter(|i| {
                    let det = input.detected(i);
                    det.0.year() == d.0.year() && det.0.month() == d.0.month()
                })
                .count();
            Month { month, count }
        })
        .collect();
    Incidents {
        total: list.len(),
        personal_data_breaches: list.iter().filter(|i| i.personal_data_breach).count(),
        significant: list.iter().filter(|i| i.significant).count(),
        escalated: list.iter().filter(|i| i.escalated).count(),
        open: list.iter().filter(|i| !i.closed_on(input.as_of)).count(),
        by_type,
        by_month,
        list: list.iter().map(|i| incident_row(input, i)).collect(),
    }
}

fn training(input: &Input<'_>) -> Training {
    let lang = input.lang;
    let target = input.config.training.completion_target;
    let (done, targeted) = input.completion(|_| true);
    let completion = (targeted > 0).then(|| done as f64 / targeted as f64);
    let units = audit::completion_by_unit(input)
        .into_iter()
        .map(|(id, name, d, t)| {
            let share = (t > 0).then(|| d as f64 / t as f64);
            UnitTraining {
                unit: id,
                name,
                targeted: t,
                completed: d,
                share,
                share_text: share.map_or_else(|| "–".into(), |s| percent(s, lang)),
                below_target: share.is_none_or(|s| s + 1e-9 < target),
            }
        })
        .collect();
    let max = input.config.training.phishing_click_rate_max;
    let phishing = input
        .phishing_simulations()
        .into_iter()
        .map(|t| phishing_row(input, t, |_| true))
        .collect();
    Training {
        target,
        target_text: percent(target, lang),
        completion,
        completion_text: completion.map_or_else(|| "–".into(), |c| percent(c, lang)),
        campaigns: input
            .training_campaigns()
            .iter()
            .map(|t| t.title.clone())
            .collect(),
        units,
        phishing,
        click_rate_max_text: percent(max, lang),
    }
}

/// One phishing simulation, over the units `unit` accepts.
pub(crate) fn phishing_row(
    input: &Input<'_>,
    t: &Rec<crate::model::Training>,
    unit: impl Fn(&str) -> bool,
) -> Phishing {
    let lang = input.lang;
    let results: Vec<&TrainingResult> = t.results.iter().filter(|r| unit(&r.unit)).collect();
    let targeted: u64 = results.iter().map(|r| r.targeted).sum();
    let clicked: u64 = results.iter().map(|r| r.clicked.unwrap_or(0)).sum();
    let reported: u64 = results.iter().map(|r| r.reported.unwrap_or(0)).sum();
    let rate = (targeted > 0).then(|| clicked as f64 / targeted as f64);
    let max = input.config.training.phishing_click_rate_max;
    Phishing {
        id: t.id.clone(),
        title: t.title.clone(),
        start: t.start.to_string(),
        targeted,
        clicked,
        reported,
        click_rate: rate,
        click_rate_text: rate.map_or_else(|| "–".into(), |r| percent(r, lang)),
        above_max: rate.is_some_and(|r| r > max + 1e-9),
    }
}

fn coverage(input: &Input<'_>) -> Coverage {
    let lang = input.lang;
    let mut c = Coverage {
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
            c.lacking.push(AssetRow {
                id: a.id.clone(),
                name: a.name.clone(),
                unit: a
                    .unit
                    .as_deref()
                    .map(|u| input.unit_name(u))
                    .unwrap_or_default(),
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

fn evaluation_type_str(t: EvaluationType) -> &'static str {
    match t {
        EvaluationType::PenetrationTest => "penetration_test",
        EvaluationType::VulnerabilityScan => "vulnerability_scan",
        EvaluationType::ConfigurationReview => "configuration_review",
        EvaluationType::RedTeam => "red_team",
        EvaluationType::Other => "other",
    }
}

fn evaluations(input: &Input<'_>) -> Evaluations {
    let lang = input.lang;
    let high = |s: crate::model::Severity| s >= crate::model::Severity::High;
    let mut recent: Vec<EvaluationRow> = input
        .repo
        .evaluations
        .iter()
        .filter(|e| input.within(e.date, PERIOD_MONTHS))
        .map(|e| EvaluationRow {
            id: e.id.clone(),
            title: e.title.clone(),
            date: e.date.to_string(),
            kind_label: label(lang, "evaluation", evaluation_type_str(e.evaluation_type)),
            performed_by: e.performed_by.map_or_else(String::new, |p| {
                label(
                    lang,
                    "performer",
                    match p {
                        Performer::External => "external",
                        Performer::Internal => "internal",
                    },
                )
            }),
            findings: e.findings.len(),
            open: e.findings.iter().filter(|f| f.open_on(input.as_of)).count(),
            open_high: e
                .findings
                .iter()
                .filter(|f| f.open_on(input.as_of) && high(f.severity))
                .count(),
        })
        .collect();
    recent.sort_by(|a, b| b.date.cmp(&a.date).then(a.id.cmp(&b.id)));
    let mut open_high: Vec<EvaluationFindingRow> = input
        .repo
        .evaluations
        .iter()
        .filter(|e| e.date <= input.as_of)
        .flat_map(|e| {
            e.findings
                .iter()
                .filter(|f| f.open_on(input.as_of) && high(f.severity))
                .map(move |f| EvaluationFindingRow {
                    evaluation: e.id.clone(),
                    id: f.id.clone(),
                    title: f.title.clone().unwrap_or_default(),
                    severity_label: label(lang, "severity", f.severity.as_str()),
                    date: e.date.to_string(),
                    days_open: e.date.days_until(input.as_of),
                })
        })
        .collect();
    open_high.sort_by(|a, b| {
        b.days_open
            .cmp(&a.days_open)
            .then(a.evaluation.cmp(&b.evaluation))
            .then(a.id.cmp(&b.id))
    });
    Evaluations { recent, open_high }
}

fn finding_state_str(s: FindingState) -> &'static str {
    match s {
        FindingState::Open => "open",
        FindingState::InProgress => "in_progress",
        FindingState::Done => "done",
        FindingState::Rejected => "rejected",
    }
}

/// Audit recommendations still open or in progress, by due date.
pub(crate) fn audit_findings(input: &Input<'_>) -> Vec<AuditFindingRow> {
    let lang = input.lang;
    let mut v: Vec<(Option<Date>, AuditFindingRow)> = input
        .repo
        .findings
        .iter()
        .filter(|f| matches!(f.status, FindingState::Open | FindingState::InProgress))
        .filter(|f| {
            input
                .repo
                .review(&f.source)
                .is_none_or(|r| r.date <= input.as_of)
        })
        .map(|f| {
            let mut acts: Vec<String> = input
                .repo
                .activities
                .iter()
                .filter(|a| a.addresses.iter().any(|x| x.eq_ignore_ascii_case(&f.id)))
                .map(|a| a.id.clone())
                .collect();
            acts.sort();
            (
                f.due,
                AuditFindingRow {
                    id: f.id.clone(),
                    title: f.title.clone(),
                    source: input
                        .repo
                        .review(&f.source)
                        .map_or_else(|| f.source.clone(), |r| r.title.clone()),
                    owner: f.owner.clone().unwrap_or_default(),
                    due: f.due.map(|d| d.to_string()).unwrap_or_default(),
                    past_due: f.due.is_some_and(|d| d < input.as_of),
                    status_label: label(lang, "finding_state", finding_state_str(f.status)),
                    activities: acts,
                },
            )
        })
        .collect();
    v.sort_by(|a, b| {
        a.0.is_none()
            .cmp(&b.0.is_none())
            .then(a.0.cmp(&b.0))
            .then(a.1.id.cmp(&b.1.id))
    });
    v.into_iter().map(|(_, r)| r).collect()
}

pub(crate) fn review_row(input: &Input<'_>, r: &Rec<Review>) -> ReviewRow {
    let lang = input.lang;
    ReviewRow {
        id: r.id.clone(),
        title: r.title.clone(),
        date: r.date.to_string(),
        kind_label: label(lang, "review", r.review_type.as_str()),
        units: r.units.iter().map(|u| input.unit_name(u)).collect(),
        score: r
            .score
            .map(|s| super::markdown::decimal(s, 1, lang))
            .unwrap_or_default(),
        level: r.level.map(|l| l.to_string()).unwrap_or_default(),
    }
}

fn follow_ups(input: &Input<'_>) -> Vec<ReviewRow> {
    let mut v: Vec<&Rec<Review>> = input
        .repo
        .reviews
        .iter()
        .filter(|r| input.within(r.date, PERIOD_MONTHS))
        .collect();
    v.sort_by(|a, b| b.date.cmp(&a.date).then(a.id.cmp(&b.id)));
    v.into_iter().map(|r| review_row(input, r)).collect()
}

fn treatment_str(t: Treatment) -> &'static str {
    match t {
        Treatment::Undecided => "undecided",
        Treatment::Accept => "accept",
        Treatment::Mitigate => "mitigate",
        Treatment::Transfer => "transfer",
        Treatment::Avoid => "avoid",
    }
}

fn risk_status_str(s: RiskStatus) -> &'static str {
    match s {
        RiskStatus::Open => "open",
        RiskStatus::Treated => "treated",
        RiskStatus::Accepted => "accepted",
        RiskStatus::Closed => "closed",
    }
}

pub(crate) fn risk_row(input: &Input<'_>, r: &Rec<Risk>) -> RiskRow {
    let lang = input.lang;
    let subject = r
        .asset
        .as_deref()
        .map(|a| {
            input
                .repo
                .asset(a)
                .map_or_else(|| a.to_owned(), |x| x.name.clone())
        })
        .or_else(|| r.unit.as_deref().map(|u| input.unit_name(u)))
        .unwrap_or_default();
    RiskRow {
        id: r.id.clone(),
        title: r.title.clone(),
        subject,
        value: r.value(),
        likelihood: r.likelihood,
        consequence: r.consequence,
        treatment: treatment_str(r.treatment),
        treatment_label: label(lang, "treatment", treatment_str(r.treatment)),
        status_label: label(lang, "risk_status", risk_status_str(r.status)),
        owner: r.owner.clone().unwrap_or_default(),
        activities: r.activities.clone(),
    }
}

/// Whether a risk is above the appetite and untreated (CLS004's condition).
pub(crate) fn untreated(input: &Input<'_>, r: &Risk) -> bool {
    let appetite = input.config.thresholds.risk_appetite_max;
    r.status == RiskStatus::Open
        && u32::from(r.value()) > appetite
        && (r.treatment == Treatment::Undecided
            || (r.treatment == Treatment::Mitigate && r.activities.is_empty()))
}

pub(crate) fn sorted_open_risks<'a>(input: &Input<'a>) -> Vec<&'a Rec<Risk>> {
    let mut open: Vec<&Rec<Risk>> = input
        .repo
        .risks
        .iter()
        .filter(|r| r.status == RiskStatus::Open && r.assessed <= input.as_of)
        .collect();
    open.sort_by(|a, b| b.value().cmp(&a.value()).then(a.id.cmp(&b.id)));
    open
}

fn risks(input: &Input<'_>) -> Risks {
    let open = sorted_open_risks(input);
    Risks {
        appetite: input.config.thresholds.risk_appetite_max,
        open: open.len(),
        top: open.iter().take(10).map(|r| risk_row(input, r)).collect(),
        untreated: open
            .iter()
            .filter(|r| untreated(input, r))
            .map(|r| risk_row(input, r))
            .collect(),
    }
}

/// The findings grouped by area in catalogue order, errors first within an area.
pub(crate) fn gaps<'a>(input: &'a Input<'_>) -> Gaps<'a> {
    gaps_of(input, input.findings.iter().collect())
}

pub(crate) fn gaps_of<'a>(
    input: &Input<'_>,
    findings: Vec<&'a crate::diagnostic::Diagnostic>,
) -> Gaps<'a> {
    let lang = input.lang;
    let mut areas: Vec<AreaGaps<'a>> = Vec::new();
    let mut by_area: Vec<(Area, Vec<&crate::diagnostic::Diagnostic>)> = Vec::new();
    for d in findings {
        let area = Area::of(d.code).unwrap_or(Area::Rec);
        match by_area.iter_mut().find(|(a, _)| *a == area) {
            Some((_, v)) => v.push(d),
            None => by_area.push((area, vec![d])),
        }
    }
    by_area.sort_by_key(|(a, _)| *a);
    let (mut errors, mut warnings, mut infos) = (0, 0, 0);
    for (area, mut list) in by_area {
        // Stable: output order is kept within a severity.
        list.sort_by_key(|d| std::cmp::Reverse(d.severity));
        let count = |s: Severity| list.iter().filter(|d| d.severity == s).count();
        let g = AreaGaps {
            area: format!("{area:?}").to_uppercase(),
            title: match lang {
                Language::Sv => area.title_sv(),
                Language::En => area.title(),
            }
            .to_owned(),
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
            findings: list.into_iter().map(Finding::from).collect(),
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
