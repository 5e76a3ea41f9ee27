//! Rows that several reports print the same way (an activity, an incident, a phishing
//! simulation, a risk), each with the function that builds it from a record.

mod activity;
mod incident;
mod phishing;
mod risk;

pub use activity::ActivityRow;
pub(crate) use activity::activity_row;
pub use incident::IncidentRow;
pub(crate) use incident::incident_row;
pub use phishing::PhishingRow;
pub(crate) use phishing::phishing_row;
pub use risk::RiskRow;
pub(crate) use risk::risk_row;
