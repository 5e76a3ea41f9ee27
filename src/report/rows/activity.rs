//! An action-plan activity as every report lists it: goal and unit by name, status in
//! words, days overdue.

use serde::Serialize;

use crate::model::*;
use crate::repo::Rec;
use crate::report::facts::Input;
use crate::report::labels::label;

/// One activity of an action plan.
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

/// The row of an activity.
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
        unit: input.unit_name_of(a.unit.as_deref()),
        owner: a.owner.clone().unwrap_or_default(),
        due: a.due.map(|d| d.to_string()).unwrap_or_default(),
        status: a.status.as_str(),
        status_label: label(lang, "activity", a.status.as_str()),
        days_overdue: input.days_overdue(a),
        carried_over_from: a.carried_over_from.clone(),
    }
}
