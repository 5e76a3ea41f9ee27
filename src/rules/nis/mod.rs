//! The cybersecurity law (NIS): registration, the management body's approval and training,
//! and the ten risk-management measures of NIS2 art. 21(2).
//!
//! Every NIS rule applies only to an organisation whose `cybersecurity_act.covered` is true,
//! and only on dates the law is in force (`registry/cybersecurity.toml`): [`applies`].

use super::area_rules;
use crate::model::{Body, Date, PolicyType, Training};
use crate::rules::Context;
use crate::rules::frm::{approved_by_management, statement};

area_rules! {
    not_registered::NotRegistered,
    no_management_training::NoManagementTraining,
    missing_risk_measure::MissingRiskMeasure,
    measures_not_approved::MeasuresNotApproved,
}

/// The framework of the ten measures of art. 21(2).
pub const ART21: &str = "nis2-art21";

/// The audiences whose training is management training (art. 20(2)).
pub const MANAGEMENT_AUDIENCES: [&str; 2] = ["management_body", "elected_officials"];

/// The management body approves the measures at least this often (NIS004).
pub const APPROVAL_MONTHS: u32 = 12;

/// Whether the NIS rules apply as of the as-of date: the organisation says it is covered,
/// and the law is in force.
pub fn applies(cx: &Context<'_>) -> bool {
    cx.repo
        .organisation
        .first()
        .is_some_and(|o| o.covered_by_cybersecurity_act())
        && cx.registry.cybersecurity.in_force_on(cx.as_of.0)
}

/// The registration deadline in force: `[cybersecurity] registration_deadline`, else the
/// registry's, with whether it is the registry's uncertain date.
pub fn registration_deadline(cx: &Context<'_>) -> Option<(Date, bool)> {
    if let Some(d) = cx.config.cybersecurity.registration_deadline {
        return Some((d, false));
    }
    let law = &cx.registry.cybersecurity;
    law.registration_deadline()
        .map(|d| (Date(d), law.registration_uncertain()))
}

/// Whether a campaign trains the management body: its audience names the management body
/// or the elected officials.
pub fn is_management_training(t: &Training) -> bool {
    t.audience
        .iter()
        .any(|a| MANAGEMENT_AUDIENCES.contains(&a.as_str()))
}

/// The latest management training held in the last `management_training_months`: one
/// whose period, `start` to `end`, overlaps the window (as-of minus N months, as-of]
/// (NIS002 reports exactly when there is none). A campaign without an `end` was held on
/// its `start`: unlike CUL001's ongoing campaigns, a briefing recorded once must not count
/// for ever. Its index in `repo.trainings`.
pub fn latest_management_training(cx: &Context<'_>) -> Option<usize> {
    let months = cx.config.cybersecurity.management_training_months;
    let from = cx.months_ago(months).plus_days(1);
    let held = |t: &Training| t.start <= cx.as_of && t.end.unwrap_or(t.start) >= from;
    cx.repo
        .trainings
        .iter()
        .enumerate()
        .filter(|(_, t)| is_management_training(t) && held(t))
        .max_by_key(|(i, t)| (t.start, std::cmp::Reverse(*i)))
        .map(|(i, _)| i)
}

/// How the management body approved the risk-management measures (NIS004): a `nis2-art21`
/// statement of applicability approved by the executive board or the council in the last
/// twelve months, or an adopted information security policy that names `nis2` in its
/// topics. `None`: neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Approval<'r> {
    Statement { id: &'r str, date: Date },
    Policy { id: &'r str },
}

pub fn measures_approval<'r>(cx: &Context<'r>) -> Option<Approval<'r>> {
    if let Some(s) = statement(cx, ART21)
        && approved_by_management(s, cx.as_of)
        && let Some(date) = s.approved
        && cx.within_months(date, APPROVAL_MONTHS)
    {
        return Some(Approval::Statement { id: &s.id, date });
    }
    cx.repo
        .policies
        .iter()
        .find(|p| {
            p.policy_type == PolicyType::InformationSecurityPolicy
                && p.adopted_on(cx.as_of)
                && p.topics.iter().any(|t| t.eq_ignore_ascii_case("nis2"))
                && matches!(
                    p.adopted_by,
                    None | Some(Body::ExecutiveBoard | Body::MunicipalCouncil)
                )
        })
        .map(|p| Approval::Policy { id: &p.id })
}
