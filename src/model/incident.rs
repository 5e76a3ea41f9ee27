//! Incidents: IT incidents, personal-data breaches, NIS incidents, lost equipment.

use serde::{Deserialize, Serialize};

use super::{Date, DateTime, Kind};

record! {
    /// A security incident.
    pub struct Incident {
        pub title: String,
        #[serde(rename = "type")]
        pub incident_type: IncidentType,
        #[serde(default)]
        pub severity: Option<Rating>,
        #[serde(default)]
        pub unit: Option<String>,
        #[serde(default)]
        pub assets: Vec<String>,
        pub detected: DateTime,
        #[serde(default)]
        pub personal_data_breach: bool,
        #[serde(default)]
        pub notification_required: Option<bool>,
        #[serde(default)]
        pub no_notification_reason: Option<String>,
        #[serde(default)]
        pub significant: bool,
        #[serde(default)]
        pub escalated: bool,
        #[serde(default)]
        pub notifications: Vec<Notification>,
        #[serde(default)]
        pub status: IncidentStatus,
        #[serde(default)]
        pub closed: Option<Date>,
        #[serde(default)]
        pub root_cause: Option<String>,
        #[serde(default)]
        pub lessons: Option<String>,
        #[serde(default)]
        pub activities: Vec<String>,
    }
    fn references(&self, refs) {
        refs.one("/unit", Kind::Unit, self.unit.as_deref());
        refs.many("/assets", Kind::Asset, &self.assets);
        refs.many("/activities", Kind::Activity, &self.activities);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncidentType {
    It,
    PersonalData,
    Nis,
    LostEquipment,
    Other,
}

impl IncidentType {
    pub fn as_str(self) -> &'static str {
        match self {
            IncidentType::It => "it",
            IncidentType::PersonalData => "personal_data",
            IncidentType::Nis => "nis",
            IncidentType::LostEquipment => "lost_equipment",
            IncidentType::Other => "other",
        }
    }
}

/// How serious an incident or an evaluation finding is rated, its `severity` field (not a
/// finding's severity, `diagnostic::Severity`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    Low,
    Medium,
    High,
    Critical,
}

impl Rating {
    pub fn as_str(self) -> &'static str {
        match self {
            Rating::Low => "low",
            Rating::Medium => "medium",
            Rating::High => "high",
            Rating::Critical => "critical",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncidentStatus {
    #[default]
    Open,
    Contained,
    Closed,
}

/// A report sent to an authority or to the people affected.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notification {
    pub to: Recipient,
    pub at: DateTime,
    #[serde(default)]
    pub kind: Option<NotificationKind>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recipient {
    Imy,
    CertSe,
    /// The national cyber security centre at FRA, which took over CERT-SE's tasks in 2026.
    Ncsc,
    Mcf,
    Msb,
    Police,
    DataSubjects,
    Other,
}

impl Recipient {
    pub fn as_str(self) -> &'static str {
        match self {
            Recipient::Imy => "imy",
            Recipient::CertSe => "cert_se",
            Recipient::Ncsc => "ncsc",
            Recipient::Mcf => "mcf",
            Recipient::Msb => "msb",
            Recipient::Police => "police",
            Recipient::DataSubjects => "data_subjects",
            Recipient::Other => "other",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotificationKind {
    EarlyWarning,
    Initial,
    Final,
}

impl NotificationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NotificationKind::EarlyWarning => "early_warning",
            NotificationKind::Initial => "initial",
            NotificationKind::Final => "final",
        }
    }
}

impl Incident {
    /// Whether the incident had been detected by the end of `as_of` (a local `detected` time
    /// read in `tz`). One detected later had not happened on that day.
    pub fn detected_by(&self, as_of: Date, tz: &jiff::tz::TimeZone) -> bool {
        self.detected.date(tz) <= as_of
    }

    /// Whether the incident was closed on `as_of`: `status: closed`, and `closed` (when
    /// given) on or before that day. One closed later was still being handled then.
    pub fn closed_on(&self, as_of: Date) -> bool {
        self.status == IncidentStatus::Closed && self.closed.is_none_or(|d| d <= as_of)
    }

    /// A breach must be notified unless the record says it is unlikely to harm anyone.
    pub fn must_notify_imy(&self) -> bool {
        self.personal_data_breach && self.notification_required.unwrap_or(true)
    }
}
