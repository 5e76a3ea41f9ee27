//! The management review's incidents of the last twelve months: counts, by type, by month,
//! and the list.

use serde::Serialize;

use crate::report::charts::Chart;

use crate::config::Language;

use super::Count;
use crate::model::*;
use crate::report::charts;
use crate::report::facts::{Input, PERIOD_MONTHS};
use crate::report::labels::label;
use crate::report::rows::{IncidentRow, incident_row};

/// How many incidents were detected in a month.
#[derive(Debug, Clone, Serialize)]
pub struct MonthCount {
    /// `2026-03`.
    pub month: String,
    pub count: usize,
}

/// The incidents section.
#[derive(Debug, Clone, Serialize)]
pub struct Incidents {
    pub total: usize,
    pub personal_data_breaches: usize,
    pub significant: usize,
    pub escalated: usize,
    pub open: usize,
    pub by_type: Vec<Count>,
    pub by_month: Vec<MonthCount>,
    pub list: Vec<IncidentRow>,
}

const INCIDENT_TYPES: [IncidentType; 5] = [
    IncidentType::It,
    IncidentType::PersonalData,
    IncidentType::Nis,
    IncidentType::LostEquipment,
    IncidentType::Other,
];

/// The incidents detected in the last twelve months.
pub(super) fn build(input: &Input<'_>) -> Incidents {
    let lang = input.lang;
    let list = input.incidents_within(PERIOD_MONTHS);
    let by_type = INCIDENT_TYPES
        .iter()
        .map(|t| Count {
            key: t.as_str().to_owned(),
            label: label(lang, "incident", t.as_str()),
            count: list.iter().filter(|i| i.incident_type == *t).count(),
        })
        .filter(|c| c.count > 0)
        .collect();
    // Twelve calendar months ending with the as-of month.
    let by_month = (0..12)
        .rev()
        .map(|back| {
            let d = input.as_of.minus_months(back);
            let month = format!("{:04}-{:02}", d.0.year(), d.0.month());
            let count = list
                .iter()
                .filter(|i| {
                    let det = input.detected(i);
                    det.0.year() == d.0.year() && det.0.month() == d.0.month()
                })
                .count();
            MonthCount { month, count }
        })
        .collect();
    Incidents {
        total: list.len(),
        personal_data_breaches: list.iter().filter(|i| i.personal_data_breach).count(),
        significant: list.iter().filter(|i| i.significant).count(),
        escalated: list.iter().filter(|i| i.escalated).count(),
        open: list.iter().filter(|i| !i.closed_on(input.as_of)).count(),
        by_type,
        by_month,
        list: list.iter().map(|i| incident_row(input, i)).collect(),
    }
}

/// Bars of the incidents per month.
pub(super) fn by_month_chart(lang: Language, incidents: &Incidents) -> Option<Chart> {
    charts::bars(
        lang.pick("Incidenter per månad", "Incidents per month"),
        lang.pick("Antal", "Count"),
        &incidents
            .by_month
            .iter()
            .map(|m| (m.month.clone(), m.count as u64))
            .collect::<Vec<_>>(),
        1,
    )
}

/// A pie of the incidents by type.
pub(super) fn by_type_chart(lang: Language, incidents: &Incidents) -> Option<Chart> {
    charts::pie(
        lang.pick("Incidenter per typ", "Incidents by type"),
        &incidents
            .by_type
            .iter()
            .map(|c| (c.label.clone(), c.count as u64))
            .collect::<Vec<_>>(),
    )
}
