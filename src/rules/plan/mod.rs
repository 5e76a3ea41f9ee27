//! Goals and action plan (PLAN): the yearly plan's decision, overdue and repeatedly
//! carried-over activities, and goals without activities.

use super::area_rules;

area_rules! {
    undecided_plan::UndecidedPlan,
    overdue_activity::OverdueActivity,
    repeatedly_carried_over::RepeatedlyCarriedOver,
    goal_without_activity::GoalWithoutActivity,
}

pub use overdue_activity::days_overdue;
