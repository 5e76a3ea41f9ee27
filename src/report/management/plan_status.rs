//! The management review's action-plan status: the current plan's progress, its overdue and
//! carried-over activities, and its pie and gantt charts.

use serde::Serialize;

use crate::config::Language;

use super::Count;
use crate::model::*;
use crate::report::charts::{self, Chart, Task, TaskState};
use crate::report::facts::Input;
use crate::report::labels::label;
use crate::report::markdown::percent;
use crate::report::rows::{ActivityRow, activity_row};

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
    /// Every activity PLAN002 finds overdue, an earlier plan's still open included: the
    /// board sees all the work that is late, not only this year's.
    pub overdue: Vec<ActivityRow>,
    /// Activities carried over from an earlier plan.
    pub carried_over: Vec<ActivityRow>,
}

const STATUSES: [ActivityStatus; 5] = [
    ActivityStatus::Done,
    ActivityStatus::InProgress,
    ActivityStatus::Planned,
    ActivityStatus::Postponed,
    ActivityStatus::Cancelled,
];

/// The current plan's status; `None` without a current plan.
pub(super) fn build(input: &Input<'_>) -> Option<PlanStatus> {
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
        overdue: input
            .overdue_activities()
            .into_iter()
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
pub(super) fn gantt(input: &Input<'_>) -> Option<Chart> {
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
                    lang.pick("Övrigt", "Other").to_owned()
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
        &format!("{} {}", lang.pick("Handlingsplan", "Action plan"), p.year),
        &tasks,
    )
}

/// A pie of the current plan's activities by status.
pub(super) fn chart(lang: Language, plan: &PlanStatus) -> Option<Chart> {
    charts::pie(
        &format!(
            "{} {}",
            lang.pick("Handlingsplanens aktiviteter", "Action plan activities"),
            plan.year
        ),
        &plan
            .by_status
            .iter()
            .map(|c| (c.label.clone(), c.count as u64))
            .collect::<Vec<_>>(),
    )
}
