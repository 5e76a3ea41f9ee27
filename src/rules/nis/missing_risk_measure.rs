use crate::diagnostic::Severity;
use crate::rules::frm::ControlStatus;
use crate::rules::nis::{ART21, applies};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// For a covered entity on a date the cybersecurity law is in force, finds each of the
    /// ten risk-management measures of NIS2 art. 21(2) (`nis2-art21:a` … `j`) that no
    /// evidence carries out: an error when nothing counts for it (`missing`), a warning when
    /// only planned measures do (`planned`). The status is the one of the statement of
    /// applicability (FRM003, `isms report soa`): measures that name the point in
    /// `controls` or provide a capability mapped to it, adopted steering documents by
    /// topic, exercised continuity plans, training, evaluations and the supplier register.
    /// All ten apply to every covered entity: an exclusion in a `nis2-art21` statement does
    /// not silence this rule.
    ///
    /// ## Why it matters
    /// The law requires covered entities to take appropriate and proportionate measures
    /// covering at least these ten points; supervision starts from them.
    ///
    /// ## Example
    /// ```yaml
    /// kind: measure
    /// id: leverantorsuppfoljning
    /// title: Uppföljning av leverantörer
    /// provides: []
    /// status: planned            # nis2-art21:d only planned: warning
    /// controls: [nis2-art21:d]
    /// ```
    /// Not reported: the measure `status: implemented`.
    ///
    /// ## How to fix
    /// Put the measure in place and record it with `controls: [nis2-art21:<point>]`, or
    /// record the evidence that already exists (a steering document's topics, a measure's
    /// capabilities).
    ///
    /// ## References
    /// - Directive (EU) 2022/2555 (NIS2), art. 21(2)
    /// - Commission Implementing Regulation (EU) 2024/2690
    /// - Cybersäkerhetslag (2025:1506)
    pub struct MissingRiskMeasure {
        code: "NIS003",
        name: "missing-risk-measure",
        severity: Error,
        summary: "one of the ten risk-management measures of NIS2 art. 21(2) with nothing that carries it out",
    }
}

impl Rule for MissingRiskMeasure {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        if !applies(cx) {
            return;
        }
        let Some(state) = cx.framework_state(ART21) else {
            return;
        };
        for c in &state.controls {
            if !matches!(c.status, ControlStatus::Missing | ControlStatus::Planned) {
                continue;
            }
            let d = match state.statement {
                Some(s) => sink.record(s, "/framework"),
                None => sink.repository(),
            };
            d.with_subject(format!("control {ART21}:{}", c.id))
                .arg("control", c.id)
                .arg("label", c.control.label.get(cx.config.language))
                .arg("status", c.status.as_str());
            if c.status == ControlStatus::Planned {
                d.with_severity(Severity::Warning);
                let planned: Vec<String> = c
                    .evidence
                    .iter()
                    .filter_map(|e| e.id.map(str::to_owned))
                    .collect();
                d.arg("measures", planned);
            }
        }
    }
}
