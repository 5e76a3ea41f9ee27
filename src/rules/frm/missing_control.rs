use crate::diagnostic::Severity;
use crate::rules::frm::{ControlStatus, all_hosted_externally};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// For each framework listed in `isms.toml` `frameworks`, finds each applicable control
    /// (not excluded by the statement of applicability; every control when there is none)
    /// for which no evidence counts (status `missing`). Evidence is a measure that names the
    /// control in `controls` or provides a capability mapped to it, an adopted steering
    /// document by its topics, a continuity plan exercised in the exercise window, a
    /// training campaign in the training window, an evaluation in the last twelve months,
    /// and the supplier register, the classifications and the asset inventory
    /// (`registry/control_map.toml`). A control with only planned measures is `planned`, not
    /// missing.
    ///
    /// A physical control of ISO/IEC 27001:2022 (group A.7) is information only when every
    /// active asset is hosted externally (public cloud, SaaS or an external provider).
    ///
    /// ## Why it matters
    /// An applicable control that nothing carries out is a gap in the management system:
    /// the statement of applicability says it applies, and the records show nothing done.
    ///
    /// ## Example
    /// ```yaml
    /// # isms.toml: frameworks = ["iso27001-2022"]
    /// kind: statement_of_applicability
    /// id: soa-iso27001
    /// framework: iso27001-2022
    /// approved: 2026-03-16
    /// approved_by: executive_board
    /// # A.5.7 (threat intelligence) is not excluded and no record counts for it: warning
    /// ```
    /// Not reported: a measure with `controls: [iso27001-2022:A.5.7]`, or an exclusion of
    /// A.5.7 with its reason.
    ///
    /// ## How to fix
    /// Put the control in place and record the measure (`controls:` names it), or exclude it
    /// in the statement of applicability with the reason.
    ///
    /// ## References
    /// - ISO/IEC 27001:2022, 6.1.3 and annex A
    /// - Directive (EU) 2022/2555 (NIS2), art. 21(2)
    pub struct MissingControl {
        code: "FRM003",
        name: "missing-control",
        severity: Warning,
        summary: "an applicable control that no measure, document or other evidence carries out",
    }
}

impl Rule for MissingControl {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let external = all_hosted_externally(cx);
        for id in &cx.config.frameworks {
            let Some(state) = cx.framework_state(id) else {
                continue;
            };
            for c in state.controls.iter().filter(|c| c.applicable) {
                if c.status != ControlStatus::Missing {
                    continue;
                }
                let d = match state.statement {
                    Some(s) => sink.record(s, "/framework"),
                    None => sink.repository(),
                };
                d.with_subject(format!("control {id}:{}", c.id))
                    .arg("framework", id.as_str())
                    .arg("control", c.id)
                    .arg("label", c.control.label.get(cx.config.language));
                if external && id == "iso27001-2022" && c.group == "A.7" {
                    d.with_severity(Severity::Info).says("FRM003-external");
                }
            }
        }
    }
}
