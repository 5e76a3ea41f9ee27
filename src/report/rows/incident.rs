//! An incident as every report lists it: type, severity and status in words, and the
//! flags that make it reportable.

use serde::Serialize;

use crate::model::*;
use crate::repo::Rec;
use crate::report::facts::Input;
use crate::report::labels::label;

/// One incident.
#[derive(Debug, Clone, Serialize)]
pub struct IncidentRow {
    pub id: String,
    pub title: String,
    pub detected: String,
    pub kind: &'static str,
    pub kind_label: String,
    pub severity: String,
    pub severity_label: String,
    pub unit: String,
    pub status_label: String,
    pub personal_data_breach: bool,
    pub significant: bool,
    pub escalated: bool,
}

/// The row of an incident; its status as of the report's date.
pub(crate) fn incident_row(input: &Input<'_>, i: &Rec<Incident>) -> IncidentRow {
    let lang = input.lang;
    let severity = i.severity.map_or("none", |s| s.as_str());
    IncidentRow {
        id: i.id.clone(),
        title: i.title.clone(),
        detected: input.detected(i).to_string(),
        kind: i.incident_type.as_str(),
        kind_label: label(lang, "incident", i.incident_type.as_str()),
        severity: severity.to_owned(),
        severity_label: label(lang, "severity", severity),
        unit: input.unit_name_of(i.unit.as_deref()),
        status_label: label(
            lang,
            "incident_status",
            match i.status {
                _ if i.closed_on(input.as_of) => "closed",
                IncidentStatus::Contained => "contained",
                IncidentStatus::Open | IncidentStatus::Closed => "open",
            },
        ),
        personal_data_breach: i.personal_data_breach,
        significant: i.significant,
        escalated: i.escalated,
    }
}
