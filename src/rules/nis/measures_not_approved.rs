use crate::rules::nis::{APPROVAL_MONTHS, ART21, applies, measures_approval};
use crate::model::Body;
use crate::rules::frm::statement;
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// For a covered entity on a date the cybersecurity law is in force, finds that the
    /// management body has not approved the risk-management measures: there is no
    /// `nis2-art21` statement of applicability approved by `executive_board` or
    /// `municipal_council` in the last twelve months, and no adopted
    /// `information_security_policy` that says `nis2` in its `topics` (and was adopted by the
    /// executive board or the council, or by a body not recorded).
    ///
    /// ## Why it matters
    /// NIS2 art. 20(1) makes the management body approve the cybersecurity risk-management
    /// measures and oversee their implementation, and holds its members liable. A decision
    /// on record is how the organisation shows it.
    ///
    /// ## Example
    /// ```yaml
    /// kind: statement_of_applicability
    /// id: soa-nis2
    /// framework: nis2-art21         # not approved: warning
    /// ```
    /// Not reported: the statement with `approved: 2026-03-16` and
    /// `approved_by: executive_board`, or an adopted information security policy with
    /// `topics: [nis2]`.
    ///
    /// ## How to fix
    /// Have the executive board approve the statement of applicability for `nis2-art21`
    /// (or adopt an information security policy that covers the law's measures, with `nis2`
    /// in its topics), and record the decision.
    ///
    /// ## References
    /// - Directive (EU) 2022/2555 (NIS2), art. 20(1)
    /// - Cybersäkerhetslag (2025:1506)
    pub struct MeasuresNotApproved {
        code: "NIS004",
        name: "measures-not-approved",
        severity: Warning,
        summary: "the risk-management measures not approved by the management body in the last 12 months",
    }
}

impl Rule for MeasuresNotApproved {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        if !applies(cx) || measures_approval(cx).is_some() {
            return;
        }
        let d = match statement(cx, ART21) {
            Some(s) => {
                let d = sink.record(s, "");
                match (s.approved.filter(|a| *a <= cx.as_of), s.approved_by) {
                    (None, _) => d.says("NIS004-unapproved"),
                    (Some(date), Some(Body::ExecutiveBoard | Body::MunicipalCouncil)) => {
                        d.says("NIS004-old").arg("approved", date)
                    }
                    (Some(date), body) => d
                        .says("NIS004-body")
                        .arg("approved", date)
                        .arg("approved_by", body.map_or("none", |b| b.as_str())),
                }
            }
            None => sink.repository(),
        };
        d.arg("window_months", APPROVAL_MONTHS);
    }
}
