//! A risk as the reports list it: its subject by name, value, treatment and status in
//! words.

use serde::Serialize;

use crate::model::*;
use crate::repo::Rec;
use crate::report::facts::Input;
use crate::report::labels::label;

/// One risk.
#[derive(Debug, Clone, Serialize)]
pub struct RiskRow {
    pub id: String,
    pub title: String,
    pub subject: String,
    pub value: u8,
    pub likelihood: u8,
    pub consequence: u8,
    pub treatment: &'static str,
    pub treatment_label: String,
    pub status_label: String,
    pub owner: String,
    pub activities: Vec<String>,
}

fn treatment_str(t: Treatment) -> &'static str {
    match t {
        Treatment::Undecided => "undecided",
        Treatment::Accept => "accept",
        Treatment::Mitigate => "mitigate",
        Treatment::Transfer => "transfer",
        Treatment::Avoid => "avoid",
    }
}

fn risk_status_str(s: RiskStatus) -> &'static str {
    match s {
        RiskStatus::Open => "open",
        RiskStatus::Treated => "treated",
        RiskStatus::Accepted => "accepted",
        RiskStatus::Closed => "closed",
    }
}

pub(crate) fn risk_row(input: &Input<'_>, r: &Rec<Risk>) -> RiskRow {
    let lang = input.lang;
    let subject = r
        .asset
        .as_deref()
        .map(|a| {
            input
                .repo
                .asset(a)
                .map_or_else(|| a.to_owned(), |x| x.name.clone())
        })
        .or_else(|| r.unit.as_deref().map(|u| input.unit_name(u)))
        .unwrap_or_default();
    RiskRow {
        id: r.id.clone(),
        title: r.title.clone(),
        subject,
        value: r.value(),
        likelihood: r.likelihood,
        consequence: r.consequence,
        treatment: treatment_str(r.treatment),
        treatment_label: label(lang, "treatment", treatment_str(r.treatment)),
        status_label: label(lang, "risk_status", risk_status_str(r.status)),
        owner: r.owner.clone().unwrap_or_default(),
        activities: r.activities.clone(),
    }
}
