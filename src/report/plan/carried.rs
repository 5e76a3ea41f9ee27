//! The draft plan's carried-over activities: the unfinished activities of the current plan,
//! and of earlier plans that no later plan took up, each as a record for next year.

use serde::Serialize;

use super::NextYear;
use super::snippets::ActivityYaml;
use crate::config::Language;
use crate::model::*;
use crate::repo::Rec;
use crate::report::facts::Input;
use crate::report::markdown::fenced;
use crate::report::rows::{ActivityRow, activity_row};

/// An unfinished activity, carried over to next year's plan.
#[derive(Debug, Clone, Serialize)]
pub struct Carried {
    #[serde(flatten)]
    pub activity: ActivityRow,
    /// The plan it comes from.
    pub plan: String,
    pub plan_year: i16,
    /// How many plans carried it over before (its `carried_over_from`).
    pub times_before: usize,
    /// True when it was carried over before: carrying it again makes it a repeat (PLAN003).
    pub repeated: bool,
    /// Why an earlier plan's activity is listed, empty for the current plan's.
    pub note: String,
    pub new_id: String,
    pub new_due: String,
    pub path: String,
    /// The activity record for next year's plan, as a fenced YAML block.
    pub yaml: String,
}

const UNFINISHED: [ActivityStatus; 3] = [
    ActivityStatus::Planned,
    ActivityStatus::InProgress,
    ActivityStatus::Postponed,
];

/// Whether an earlier plan's activity was taken up by an activity of a later plan.
fn taken_up(input: &Input<'_>, a: &Activity, plan: &Plan) -> bool {
    input.repo.activities.iter().any(|b| {
        let later = input.repo.plan(&b.plan).is_some_and(|p| p.year > plan.year);
        let from_it = b
            .carried_over_from
            .iter()
            .any(|p| p.eq_ignore_ascii_case(&plan.id));
        let shares_finding = a
            .addresses
            .iter()
            .any(|f| b.addresses.iter().any(|g| g.eq_ignore_ascii_case(f)));
        let same = |x: &Option<String>, y: &Option<String>| {
            matches!((x, y), (Some(x), Some(y)) if x.eq_ignore_ascii_case(y))
        };
        let same_goal_unit = same(&a.goal, &b.goal) && same(&a.unit, &b.unit);
        let same_title = a.title.trim().eq_ignore_ascii_case(b.title.trim());
        later && from_it && (shares_finding || same_goal_unit || same_title)
    })
}

/// The activities to carry over, with their plans: the current plan's first, then earlier
/// plans' not taken up, newest plan first.
pub(super) fn unfinished<'r>(
    input: &Input<'r>,
    this_year: i16,
) -> Vec<(&'r Rec<Plan>, &'r Rec<Activity>)> {
    let mut sources = Vec::new();
    let mut plans: Vec<&Rec<Plan>> = input
        .repo
        .plans
        .iter()
        .filter(|p| p.year <= this_year)
        .collect();
    plans.sort_by(|a, b| b.year.cmp(&a.year).then(a.id.cmp(&b.id)));
    for p in plans {
        for a in input.activities_of(&[p]) {
            if !UNFINISHED.contains(&a.status) {
                continue;
            }
            if p.year < this_year && taken_up(input, a, p) {
                continue;
            }
            sources.push((p, a));
        }
    }
    sources
}

/// Why an earlier plan's activity is carried over; empty for the current plan's.
fn note(lang: Language, this_year: i16, p: &Plan, a: &Activity) -> String {
    if p.year >= this_year {
        return String::new();
    }
    match (a.status, lang) {
        (ActivityStatus::Postponed, Language::Sv) => {
            format!("uppskjuten i {} men inte upptagen i en senare plan", p.id)
        }
        (ActivityStatus::Postponed, Language::En) => {
            format!("postponed in {} but not taken up by a later plan", p.id)
        }
        (_, Language::Sv) => format!("fortfarande öppen i {}", p.id),
        (_, Language::En) => format!("still open in {}", p.id),
    }
}

impl NextYear<'_, '_> {
    /// Activity `a` of plan `p` as an activity of the new plan, its goal added to the plan.
    pub(super) fn carry(&mut self, p: &Rec<Plan>, a: &Rec<Activity>) -> Carried {
        let row = activity_row(self.input, a);
        if let Some(g) = a.goal.as_deref() {
            let title = p
                .goals
                .iter()
                .find(|x| x.id.eq_ignore_ascii_case(g))
                .and_then(|x| x.title.clone())
                .unwrap_or_else(|| g.to_owned());
            self.add_goal(g, &title);
        }
        let new_id = self.ids.take();
        // A due date already in next year stands; anything older is due by midsummer.
        let new_due = a
            .due
            .filter(|d| *d >= self.year_start)
            .unwrap_or(self.first_half);
        let mut from = a.carried_over_from.clone();
        if !from.iter().any(|x| x.eq_ignore_ascii_case(&p.id)) {
            from.push(p.id.clone());
        }
        let status = if a.status == ActivityStatus::InProgress {
            ActivityStatus::InProgress
        } else {
            ActivityStatus::Planned
        };
        let yaml = ActivityYaml {
            id: &new_id,
            plan: &self.plan_id,
            goal: a.goal.as_deref(),
            title: &a.title,
            owner: a.owner.as_deref(),
            unit: a.unit.as_deref(),
            due: &new_due.to_string(),
            status,
            carried_over_from: &from,
            addresses: &a.addresses,
            notes: None,
        }
        .text();
        Carried {
            times_before: a.carried_over_from.len(),
            repeated: !a.carried_over_from.is_empty(),
            plan: p.id.clone(),
            plan_year: p.year,
            note: note(self.input.lang, self.this_year, p, a),
            path: format!("activities/{}/{new_id}.yaml", self.year),
            new_id,
            new_due: new_due.to_string(),
            yaml: fenced("yaml", &yaml),
            activity: row,
        }
    }
}
