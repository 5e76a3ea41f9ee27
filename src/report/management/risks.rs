//! The management review's risk picture: the highest open risks and those above the
//! appetite left untreated.

use serde::Serialize;

use crate::model::*;
use crate::repo::Rec;
use crate::report::facts::Input;
use crate::report::rows::{RiskRow, risk_row};

/// The risk picture.
#[derive(Debug, Clone, Serialize)]
pub struct Risks {
    pub appetite: u32,
    pub open: usize,
    /// The ten highest open risks.
    pub top: Vec<RiskRow>,
    /// Risks above the appetite with no decided treatment, or to mitigate with no activity.
    pub untreated: Vec<RiskRow>,
}

/// The report's own reading of "above the appetite and untreated"; CLS004 differs for now.
fn untreated(input: &Input<'_>, r: &Risk) -> bool {
    let appetite = input.config.thresholds.risk_appetite_max;
    r.status == RiskStatus::Open
        && u32::from(r.value()) > appetite
        && (r.treatment == Treatment::Undecided
            || (r.treatment == Treatment::Mitigate && r.activities.is_empty()))
}

/// The open risks assessed by the as-of date, highest value first.
fn sorted_open_risks<'a>(input: &Input<'a>) -> Vec<&'a Rec<Risk>> {
    let mut open: Vec<&Rec<Risk>> = input
        .repo
        .risks
        .iter()
        .filter(|r| r.status == RiskStatus::Open && r.assessed <= input.as_of)
        .collect();
    open.sort_by(|a, b| b.value().cmp(&a.value()).then(a.id.cmp(&b.id)));
    open
}

pub(super) fn build(input: &Input<'_>) -> Risks {
    let open = sorted_open_risks(input);
    Risks {
        appetite: input.config.thresholds.risk_appetite_max,
        open: open.len(),
        top: open.iter().take(10).map(|r| risk_row(input, r)).collect(),
        untreated: open
            .iter()
            .filter(|r| untreated(input, r))
            .map(|r| risk_row(input, r))
            .collect(),
    }
}
