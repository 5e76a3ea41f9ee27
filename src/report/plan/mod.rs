//! `isms report plan`: a draft action plan for next year (the as-of year + 1), ready to be
//! edited into `plans/` and `activities/`.
//!
//! It carries over every unfinished activity (planned, in progress, postponed) of the
//! current plan, and of earlier plans unless a later plan already took it up, marking those
//! carried over before and how often; and it proposes one activity per area of the
//! catalogue with open gaps. Each comes with a YAML record to paste in.
//!
//! An earlier plan's activity counts as taken up when an activity of a later plan lists
//! that plan in `carried_over_from` and shares an `addresses` finding, or has the same
//! goal and unit, or the same title.

use serde::Serialize;

use super::Header;
use super::charts::{self, Task, TaskState};
use super::facts::Input;
use super::markdown::fenced;
use crate::config::Language;
use crate::model::*;
use crate::repo::Repository;

mod carried;
mod proposals;
mod snippets;

pub use carried::Carried;
pub use proposals::Proposal;

/// A goal of the new plan.
#[derive(Debug, Clone, Serialize)]
pub struct GoalRow {
    pub id: String,
    pub title: String,
}

/// The draft's Mermaid chart, `None` when it has no activity.
#[derive(Debug, Clone, Serialize)]
pub struct DraftCharts {
    pub gantt: Option<charts::Chart>,
}

/// The draft plan's data.
#[derive(Clone, Serialize)]
pub struct Draft<'a> {
    #[serde(flatten)]
    pub header: Header,
    pub year: i16,
    pub plan_id: String,
    pub plan_title: String,
    /// The current year's plan, if there is one.
    pub current_plan: String,
    /// A plan for next year already in the repository, if any.
    pub existing_plan: String,
    pub carried: Vec<Carried>,
    pub repeated: usize,
    pub proposals: Vec<Proposal<'a>>,
    pub goals: Vec<GoalRow>,
    pub plan_path: String,
    pub plan_yaml: String,
    pub charts: DraftCharts,
}

/// Ids `act-YYYY-NN` not yet used, in order.
struct Ids<'r> {
    year: i16,
    next: u32,
    repo: &'r Repository,
}

impl Ids<'_> {
    fn take(&mut self) -> String {
        loop {
            self.next += 1;
            let id = format!("act-{}-{:02}", self.year, self.next);
            if !self.repo.exists(Kind::Activity, &id) {
                return id;
            }
        }
    }
}

/// The plan being drafted: its year, id and dates, the activity ids given out so far and
/// the goals its activities go under, in the order they were met.
struct NextYear<'a, 'r> {
    input: &'a Input<'r>,
    /// The as-of year, whose plan is the current one.
    this_year: i16,
    year: i16,
    plan_id: String,
    /// 30 June: when carried activities and proposals for errors are due.
    first_half: Date,
    year_start: Date,
    year_end: Date,
    ids: Ids<'a>,
    goals: Vec<GoalRow>,
}

impl<'a, 'r> NextYear<'a, 'r> {
    fn new(input: &'a Input<'r>, plan_id: String) -> Self {
        let this_year = input.as_of.year();
        let year = this_year + 1;
        NextYear {
            input,
            this_year,
            year,
            plan_id,
            first_half: Date::new(year, 6, 30).unwrap_or(input.as_of),
            year_start: Date::new(year, 1, 1).unwrap_or(input.as_of),
            year_end: Date::new(year, 12, 31).unwrap_or(input.as_of),
            ids: Ids {
                year,
                next: 0,
                repo: input.repo,
            },
            goals: Vec::new(),
        }
    }

    /// Adds a goal unless the plan has one with the same id.
    fn add_goal(&mut self, id: &str, title: &str) {
        if !self.goals.iter().any(|g| g.id.eq_ignore_ascii_case(id)) {
            self.goals.push(GoalRow {
                id: id.to_owned(),
                title: title.to_owned(),
            });
        }
    }
}

/// The new plan's id and title: the current plan's with the year moved on, or new ones.
fn plan_names(input: &Input<'_>, this_year: i16) -> (String, String) {
    let year = this_year + 1;
    let current = input.current_plans();
    let plan_id = current
        .first()
        .filter(|p| p.id.contains(&this_year.to_string()))
        .map(|p| p.id.replace(&this_year.to_string(), &year.to_string()))
        .unwrap_or_else(|| format!("handlingsplan-{year}"));
    let plan_title = current
        .first()
        .and_then(|p| p.title.as_deref())
        .filter(|t| t.contains(&this_year.to_string()))
        .map(|t| t.replace(&this_year.to_string(), &year.to_string()))
        .unwrap_or_else(|| match input.lang {
            Language::Sv => format!("Handlingsplan för informationssäkerhet {year}"),
            Language::En => format!("Information security action plan {year}"),
        });
    (plan_id, plan_title)
}

/// Builds the draft plan for the year after the as-of date.
pub fn build<'a>(input: &'a Input<'_>) -> Draft<'a> {
    let lang = input.lang;
    let this_year = input.as_of.year();
    let (plan_id, plan_title) = plan_names(input, this_year);
    let mut next = NextYear::new(input, plan_id);
    // Carried first, so that proposals find the goals the carried activities brought.
    let carried: Vec<Carried> = carried::unfinished(input, this_year)
        .into_iter()
        .map(|(p, a)| next.carry(p, a))
        .collect();
    let proposals: Vec<Proposal<'a>> = proposals::gap_areas(input)
        .into_iter()
        .map(|(area, found)| next.propose(area, found))
        .collect();
    let year = next.year;
    let plan_yaml = snippets::plan_yaml(lang, &next.plan_id, year, &plan_title, &next.goals);
    Draft {
        header: Header::new(input, "plan"),
        year,
        plan_path: format!("plans/{year}.yaml"),
        plan_yaml: fenced("yaml", &plan_yaml),
        current_plan: input
            .current_plans()
            .first()
            .map(|p| p.id.clone())
            .unwrap_or_default(),
        existing_plan: input
            .repo
            .plans
            .iter()
            .find(|p| p.year == year)
            .map(|p| p.id.clone())
            .unwrap_or_default(),
        repeated: carried.iter().filter(|c| c.repeated).count(),
        charts: DraftCharts {
            gantt: gantt(&next, &carried, &proposals),
        },
        plan_id: next.plan_id,
        plan_title,
        carried,
        proposals,
        goals: next.goals,
    }
}

/// The draft's activities on a time line: carried over, then proposed.
fn gantt(
    next: &NextYear<'_, '_>,
    carried: &[Carried],
    proposals: &[Proposal<'_>],
) -> Option<charts::Chart> {
    let lang = next.input.lang;
    let tasks: Vec<Task> = carried
        .iter()
        .map(|c| Task {
            section: lang
                .pick("Överförda aktiviteter", "Carried over")
                .to_owned(),
            name: format!("{} {}", c.new_id, c.activity.title),
            start: next.year_start,
            end: Date::parse(&c.new_due).unwrap_or(next.year_end),
            state: if c.activity.status == "in_progress" {
                TaskState::Active
            } else {
                TaskState::Planned
            },
        })
        .chain(proposals.iter().map(|p| Task {
            section: lang.pick("Föreslagna aktiviteter", "Proposed").to_owned(),
            name: format!("{} {}", p.new_id, p.title),
            start: next.year_start,
            end: Date::parse(&p.due).unwrap_or(next.year_end),
            state: TaskState::Planned,
        }))
        .collect();
    charts::gantt(
        &format!(
            "{} {}",
            lang.pick("Utkast till handlingsplan", "Draft action plan"),
            next.year
        ),
        &tasks,
    )
}
