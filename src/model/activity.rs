//! Activities of an action plan.

use serde::{Deserialize, Serialize};

use super::{Date, Kind};

record! {
    /// One activity of a plan.
    pub struct Activity {
        pub plan: String,
        #[serde(default)]
        pub goal: Option<String>,
        pub title: String,
        #[serde(default)]
        pub owner: Option<String>,
        #[serde(default)]
        pub unit: Option<String>,
        #[serde(default)]
        pub due: Option<Date>,
        pub status: ActivityStatus,
        #[serde(default)]
        pub completed: Option<Date>,
        #[serde(default)]
        pub carried_over_from: Vec<String>,
        #[serde(default)]
        pub addresses: Vec<String>,
    }
    fn references(&self, refs) {
        refs.one("/plan", Kind::Plan, Some(&self.plan));
        refs.one("/unit", Kind::Unit, self.unit.as_deref());
        refs.many("/carried_over_from", Kind::Plan, &self.carried_over_from);
        refs.many("/addresses", Kind::AuditFinding, &self.addresses);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityStatus {
    Planned,
    InProgress,
    Done,
    Postponed,
    Cancelled,
}

impl ActivityStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ActivityStatus::Planned => "planned",
            ActivityStatus::InProgress => "in_progress",
            ActivityStatus::Done => "done",
            ActivityStatus::Postponed => "postponed",
            ActivityStatus::Cancelled => "cancelled",
        }
    }

    /// Still to be done: the statuses that can be overdue.
    pub fn is_open(self) -> bool {
        matches!(self, ActivityStatus::Planned | ActivityStatus::InProgress)
    }
}

impl Activity {
    /// Done, but with a `completed` date after `as_of`: still open on that day.
    pub fn completed_after(&self, as_of: Date) -> bool {
        self.status == ActivityStatus::Done && self.completed.is_some_and(|d| d > as_of)
    }

    /// Still to be done on `as_of`: planned, in progress, or completed only later.
    pub fn open_on(&self, as_of: Date) -> bool {
        self.status.is_open() || self.completed_after(as_of)
    }
}
