//! A unit page's continuity plans: those of the units or covering their assets, with their
//! last exercise.

use serde::Serialize;

use super::Scope;
use crate::model::*;
use crate::report::labels::label;

/// One continuity plan and its last exercise.
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

fn exercise_type_str(t: ExerciseType) -> &'static str {
    match t {
        ExerciseType::Tabletop => "tabletop",
        ExerciseType::Simulation => "simulation",
        ExerciseType::Live => "live",
        ExerciseType::RestoreTest => "restore_test",
    }
}

/// The plans in force on the as-of date that belong to the units or cover their assets.
pub(super) fn build(scope: &Scope<'_, '_>) -> Vec<ContinuityRow> {
    let input = scope.input;
    input
        .repo
        .continuity_plans
        .iter()
        .filter(|p| p.exists_on(input.as_of))
        .filter(|p| scope.unit(p.unit.as_deref()) || p.assets.iter().any(|a| scope.asset(a)))
        .map(|p| row(scope, p))
        .collect()
}

fn row(scope: &Scope<'_, '_>, p: &ContinuityPlan) -> ContinuityRow {
    let input = scope.input;
    let lang = input.lang;
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
}
