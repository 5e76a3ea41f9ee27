use crate::model::Incident;
use crate::rules::{Context, Rule, Sink, declare_rule};

use super::is_blank;

declare_rule! {
    /// ## What it does
    /// Finds closed incidents (`status: closed`) without a `root_cause` or without `lessons`.
    /// A field that is present but blank counts as missing. An incident detected, or closed,
    /// after the as-of date was not closed on that day and raises nothing.
    ///
    /// ## Why it matters
    /// An incident closed without knowing why it happened, or what the organisation learnt,
    /// is likely to happen again. ISO/IEC 27001:2022 A.5.27 asks that knowledge gained from
    /// incidents be used to strengthen controls, and clause 10.2 that the causes of
    /// nonconformities be determined. MSB's method support and municipal audits ask for
    /// incidents to be documented and followed up, not only handled.
    ///
    /// ## Example
    /// ```yaml
    /// kind: incident
    /// id: INC-2023-014
    /// type: lost_equipment
    /// detected: 2023-05-02T09:30
    /// status: closed          # no root_cause, no lessons: warning
    /// closed: 2023-05-20
    /// ```
    /// Not reported: the same incident with a `root_cause` and `lessons`, or one still open.
    ///
    /// ## How to fix
    /// Analyse the incident and write its `root_cause` and `lessons` (what changes, who
    /// does it; an activity in the action plan when it takes work).
    ///
    /// ## References
    /// - ISO/IEC 27001:2022, A.5.27 and 10.2
    /// - MSB (MCF), Metodstöd för LIS: hantera incidenter, följa upp och förbättra
    pub struct ClosedIncidentWithoutLessons {
        code: "INC003",
        name: "closed-incident-without-lessons",
        severity: Warning,
        summary: "closed incident without root cause or lessons learned",
    }
}

/// What INC003 finds missing from a closed incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MissingAnalysis {
    pub root_cause: bool,
    pub lessons: bool,
}

/// Whether INC003 finds incident `inc` closed (as of the as-of date) without a root cause or
/// without lessons learned, and which; the audit report's "closed with root cause and
/// lessons" is this.
pub fn missing_analysis(cx: &Context<'_>, inc: &Incident) -> Option<MissingAnalysis> {
    // Closed as of the as-of date: one detected or closed later was not closed then.
    if !inc.detected_by(cx.as_of, &cx.tz) || !inc.closed_on(cx.as_of) {
        return None;
    }
    let missing = MissingAnalysis {
        root_cause: is_blank(inc.root_cause.as_deref()),
        lessons: is_blank(inc.lessons.as_deref()),
    };
    (missing.root_cause || missing.lessons).then_some(missing)
}

impl Rule for ClosedIncidentWithoutLessons {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let yes_no = |missing: bool| if missing { "yes" } else { "no" };
        for inc in &cx.repo.incidents {
            let Some(found) = missing_analysis(cx, inc) else {
                continue;
            };
            let d = sink
                .record(inc, "/status")
                .arg("title", &inc.title)
                .arg("root_cause_missing", yes_no(found.root_cause))
                .arg("lessons_missing", yes_no(found.lessons));
            match inc.closed {
                Some(closed) => {
                    d.arg("closed", closed);
                }
                None => {
                    d.says("INC003-undated");
                }
            }
        }
    }
}
