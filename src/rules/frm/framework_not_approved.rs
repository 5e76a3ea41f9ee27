use crate::rules::frm::{approval_expires, approved_by_management, statement};
use crate::rules::{Context, Rule, Sink, declare_rule};
use crate::util::suggest::closest;

declare_rule! {
    /// ## What it does
    /// For each framework listed in `isms.toml` `frameworks`, finds
    ///
    /// - no `statement_of_applicability` record for it;
    /// - a statement not approved: no `approved` date (or one after the as-of date), or
    ///   approved by a body other than `executive_board` or `municipal_council`;
    /// - a statement approved longer ago than its `review_interval_months` (default 12).
    ///
    /// Of several statements for one framework, the one approved last counts. A framework
    /// id that no catalogue has (built-in, or a `framework` record) is reported too, with
    /// the id likely meant. With `frameworks = []` (the default) the FRM rules are silent.
    ///
    /// ## Why it matters
    /// The statement of applicability is how the organisation decides which controls apply
    /// and why the others do not (ISO/IEC 27001:2022 clause 6.1.3 d); the management body
    /// must approve the risk-management measures (NIS2 art. 20(1), cybersäkerhetslagen). An
    /// unapproved or stale statement is a decision nobody has taken.
    ///
    /// ## Example
    /// ```yaml
    /// kind: statement_of_applicability
    /// id: soa-iso27001
    /// framework: iso27001-2022
    /// approved: 2025-03-16          # as of 2026-06-01, more than 12 months ago: error
    /// approved_by: executive_board
    /// ```
    /// Not reported: the same statement approved 2026-03-16.
    ///
    /// ## How to fix
    /// Prepare the statement, have the executive board (or the council) approve it, and
    /// record `approved`, `approved_by` and `decision_ref`; review it every
    /// `review_interval_months`.
    ///
    /// ## References
    /// - ISO/IEC 27001:2022, 6.1.3 d
    /// - Directive (EU) 2022/2555 (NIS2), art. 20(1)
    /// - Cybersäkerhetslag (2025:1506)
    pub struct FrameworkNotApproved {
        code: "FRM001",
        name: "framework-not-approved",
        severity: Error,
        summary: "a declared framework with no statement of applicability, or one not approved by the executive board or council, or approved too long ago",
    }
}

impl Rule for FrameworkNotApproved {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        for id in &cx.config.frameworks {
            let Some(framework) = cx.repo.framework(id) else {
                let known = cx.repo.catalogues.iter().map(|f| f.id.as_str());
                let d = sink
                    .repository()
                    .says("FRM001-unknown")
                    .with_subject(format!("framework {id}"))
                    .arg("framework", id.as_str());
                let mut args = Vec::new();
                crate::l10n::suggest(&mut args, closest(id, known));
                d.args(args);
                continue;
            };
            let Some(s) = statement(cx, id) else {
                sink.repository()
                    .says("FRM001-none")
                    .with_subject(format!("framework {id}"))
                    .arg("framework", id.as_str())
                    .arg("framework_name", framework.name.get(cx.config.language));
                continue;
            };
            let months = s.review_months();
            if !approved_by_management(s, cx.as_of) {
                let d = match (s.approved.filter(|d| *d <= cx.as_of), s.approved_by) {
                    (Some(date), Some(body)) => sink
                        .record(s, "/approved_by")
                        .says("FRM001-body")
                        .arg("approved", date)
                        .arg("approved_by", body.as_str()),
                    (Some(date), None) => sink
                        .record(s, "/approved")
                        .says("FRM001-body")
                        .arg("approved", date)
                        .arg("approved_by", "none"),
                    (None, _) => sink.record(s, "").says("FRM001-unapproved"),
                };
                d.arg("framework", id.as_str());
                continue;
            }
            if let Some(expired) = approval_expires(s).filter(|e| *e <= cx.as_of)
                && let Some(approved) = s.approved
            {
                sink.record(s, "/approved")
                    .arg("framework", id.as_str())
                    .arg("approved", approved)
                    .arg("expired", expired)
                    .arg("review_months", months);
            }
        }
    }
}
