//! Goals and action plan (PLAN): the yearly plan's decision, overdue and repeatedly
//! carried-over activities, and goals without activities.

use super::Rule;

mod goal_without_activity;
mod overdue_activity;
mod repeatedly_carried_over;
mod undecided_plan;

pub use goal_without_activity::GoalWithoutActivity;
pub use overdue_activity::OverdueActivity;
pub use repeatedly_carried_over::RepeatedlyCarriedOver;
pub use undecided_plan::UndecidedPlan;

/// The rules of this area, in code order.
pub static RULES: &[&dyn Rule] = &[
    &UndecidedPlan,
    &OverdueActivity,
    &RepeatedlyCarriedOver,
    &GoalWithoutActivity,
];
