use std::borrow::Cow;

use crate::repo::fold_case;
use crate::util::hash::HashSet;

use crate::diagnostic::Severity;
use crate::model::{ActivityStatus, AuditFinding, AuditFindingState, Date, Kind};
use crate::repo::Repository;
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Finds audit recommendations (`finding` records) that are not `done` or `rejected` and
    ///
    /// - are past their `due` date (due before the as-of date): an error;
    /// - otherwise, have `status: open` and no activity that lists them in `addresses`: a
    ///   warning. A cancelled activity does not count; a finding `in_progress` without an
    ///   activity is taken at its word.
    ///
    /// A finding of an audit (its `source` review) dated after the as-of date raises nothing.
    ///
    /// ## Why it matters
    /// Auditors come back to their recommendations: a recommendation that nobody answers,
    /// or that passes its due date unnoticed, is the first thing the next audit reports.
    /// ISO/IEC 27001:2022 clause 10.2 asks that nonconformities be acted on; linking each
    /// recommendation to an activity of the action plan makes the answer owned and dated.
    ///
    /// ## Example
    /// ```yaml
    /// kind: finding
    /// id: kpmg-2023-r1
    /// source: kpmg-2023
    /// title: Revidera informationssäkerhetspolicyn
    /// due: 2024-06-30         # as of 2024-09-01 and still open: error
    /// status: open
    /// ```
    /// Not reported: the same finding with `status: done`, or one not yet due that an
    /// activity `addresses`.
    ///
    /// ## How to fix
    /// Plan the answer as an activity of the action plan with `addresses: [<finding id>]`,
    /// and keep the finding's `status` and `due` current; mark it `done` (or `rejected`, with
    /// the reason in `response`) when settled.
    ///
    /// ## References
    /// - ISO/IEC 27001:2022, 10.2
    /// - MSB (MCF), Metodstöd för LIS: följa upp och förbättra
    pub struct AuditFindingNotFollowedUp {
        code: "FUP004",
        name: "audit-finding-not-followed-up",
        severity: Warning,
        summary: "audit finding past its due date and not done, or open with no activity that addresses it",
    }
}

/// The audit findings that activities address, by lower-cased id: cancelled activities
/// address nothing. Built once, so that asking for a finding does not scan every activity.
pub struct Addressed<'r>(HashSet<Cow<'r, str>>);

impl<'r> Addressed<'r> {
    pub fn new(repo: &'r Repository) -> Addressed<'r> {
        Addressed(
            repo.activities
                .iter()
                .filter(|a| a.status != ActivityStatus::Cancelled)
                .flat_map(|a| a.addresses.iter().map(|f| fold_case(f)))
                .collect(),
        )
    }

    pub fn contains(&self, finding: &str) -> bool {
        self.0.contains(&*fold_case(finding))
    }
}

/// Whether an audit finding is outstanding on `as_of`: open or in progress, and made by
/// then (a finding of an audit dated after the as-of date had not been made). The
/// management review lists these as the open audit recommendations.
pub fn outstanding(repo: &Repository, f: &AuditFinding, as_of: Date) -> bool {
    matches!(
        f.status,
        AuditFindingState::Open | AuditFindingState::InProgress
    ) && repo.review(&f.source).is_none_or(|r| r.date <= as_of)
}

/// Why FUP004 reports an audit finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUpGap {
    /// Outstanding past its due date (an error).
    PastDue { due: Date },
    /// Open, not yet due, and no activity addresses it (a warning).
    Unaddressed,
}

/// Why FUP004 reports `f` on `as_of`, if it does.
pub fn follow_up_gap(
    repo: &Repository,
    addressed: &Addressed<'_>,
    f: &AuditFinding,
    as_of: Date,
) -> Option<FollowUpGap> {
    if !outstanding(repo, f, as_of) {
        return None;
    }
    match f.due.filter(|d| *d < as_of) {
        Some(due) => Some(FollowUpGap::PastDue { due }),
        None if f.status == AuditFindingState::Open && !addressed.contains(&f.id) => {
            Some(FollowUpGap::Unaddressed)
        }
        None => None,
    }
}

impl Rule for AuditFindingNotFollowedUp {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let addressed = Addressed::new(cx.repo);
        for f in &cx.repo.audit_findings {
            let status = if f.status == AuditFindingState::Open {
                "open"
            } else {
                "in_progress"
            };
            let d = match follow_up_gap(cx.repo, &addressed, f, cx.as_of) {
                None => continue,
                Some(FollowUpGap::PastDue { due }) => sink
                    .record(f, "/due")
                    .with_severity(Severity::Error)
                    .arg("due", due)
                    .arg("status", status)
                    .arg("days_overdue", due.days_until(cx.as_of)),
                Some(FollowUpGap::Unaddressed) => {
                    sink.record(f, "/status").says("FUP004-unaddressed")
                }
            };
            d.arg("title", &f.title)
                .arg("source", &f.source)
                .relate(Kind::Review, &f.source);
        }
    }
}
