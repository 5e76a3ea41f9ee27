//! The management review's risk picture: the highest open risks and those above the
//! appetite left untreated.

use serde::Serialize;

use crate::model::*;
use crate::repo::Rec;
use crate::report::facts::Input;
use crate::report::rows::{RiskRow, risk_row};
use crate::rules::cls;

/// The risk picture.
#[derive(Debug, Clone, Serialize)]
pub struct Risks {
    pub appetite: u32,
    pub open: usize,
    /// The ten highest open risks.
    pub top: Vec<RiskRow>,
    /// Risks above the appetite with no decided treatment, or to mitigate with no activity:
    /// CLS004's findings ([`cls::untreated`]), whatever their status (a `treated` risk
    /// without a decided treatment is untreated), risks on retired assets left out.
    pub untreated: Vec<RiskRow>,
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

/// The risks CLS004 finds untreated above the appetite, highest value first.
fn sorted_untreated_risks<'a>(input: &Input<'a>) -> Vec<&'a Rec<Risk>> {
    let cx = input.rules_context();
    let mut untreated: Vec<&Rec<Risk>> = input
        .repo
        .risks
        .iter()
        .filter(|r| cls::untreated(&cx, r).is_some())
        .collect();
    untreated.sort_by(|a, b| b.value().cmp(&a.value()).then(a.id.cmp(&b.id)));
    untreated
}

pub(super) fn build(input: &Input<'_>) -> Risks {
    let open = sorted_open_risks(input);
    Risks {
        appetite: input.config.thresholds.risk_appetite_max,
        open: open.len(),
        top: open.iter().take(10).map(|r| risk_row(input, r)).collect(),
        untreated: sorted_untreated_risks(input)
            .into_iter()
            .map(|r| risk_row(input, r))
            .collect(),
    }
}
