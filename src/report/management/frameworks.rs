//! The management review's frameworks and cybersecurity law: one line per framework that
//! `isms.toml` declares (the share of its applicable controls implemented) and, for a
//! covered entity on a date the law is in force, a short section on the cybersecurity law.
//!
//! The figures are `isms report soa`'s and `isms report nis2`'s, from the same functions
//! (`frm::framework_state`, `nis::*`), so the review and those reports cannot differ.

use serde::Serialize;

use crate::report::facts::Input;
use crate::report::markdown::percent;
use crate::report::nis2::{self, ManagementBody, MeasureCounts, Registration};
use crate::report::soa::Counts;
use crate::rules::frm::framework_state;
use crate::rules::nis::applies;

/// One declared framework: how many of its applicable controls are implemented.
#[derive(Debug, Clone, Serialize)]
pub struct FrameworkLine {
    pub id: String,
    pub name: String,
    pub implemented: usize,
    pub applicable: usize,
    /// Implemented of applicable, null when nothing applies.
    pub share: Option<f64>,
    pub share_text: String,
}

/// The declared frameworks that a catalogue has, in `isms.toml`'s order (FRM001 reports an
/// unknown id).
pub(super) fn lines(input: &Input<'_>) -> Vec<FrameworkLine> {
    let cx = input.rules_context();
    input
        .config
        .frameworks
        .iter()
        .filter_map(|id| {
            let state = framework_state(&cx, id)?;
            let counts = Counts::of(&state);
            Some(FrameworkLine {
                id: id.clone(),
                name: state.framework.name.get(input.lang).to_owned(),
                implemented: counts.implemented,
                applicable: counts.applicable,
                share: counts.implemented_share,
                share_text: counts
                    .implemented_share
                    .map_or_else(|| "–".to_owned(), |s| percent(s, input.lang)),
            })
        })
        .collect()
}

/// The review's section on the cybersecurity law.
#[derive(Clone, Serialize)]
pub struct Cybersecurity<'a> {
    pub registration: Registration<'a>,
    pub management_body: ManagementBody<'a>,
    /// The ten measures of art. 21(2) by status.
    pub measures: MeasureCounts,
}

/// The section, only for a covered entity on a date the law is in force.
pub(super) fn cybersecurity<'a>(input: &'a Input<'_>) -> Option<Cybersecurity<'a>> {
    let cx = input.rules_context();
    if !applies(&cx) {
        return None;
    }
    Some(Cybersecurity {
        registration: nis2::registration(input, &cx),
        management_body: nis2::management_body(input, &cx),
        measures: nis2::measures(input, &cx).counts,
    })
}
