//! Suppliers: who hosts, runs or provides the organisation's services, and what their
//! contracts secure (NIS2 art. 21(2)(d), GDPR art. 28).

use serde::{Deserialize, Serialize};

use super::{Date, Kind};

record! {
    /// A supplier (leverantör) and its contract.
    pub struct Supplier {
        pub name: String,
        #[serde(default)]
        pub org_number: Option<String>,
        #[serde(default)]
        pub status: SupplierStatus,
        /// Processes personal data on the organisation's behalf (GDPR art. 28).
        #[serde(default)]
        pub processor: bool,
        /// Stated criticality; when absent, a supplier is critical when it hosts or
        /// provides a critical asset.
        #[serde(default)]
        pub critical: Option<bool>,
        /// Where it stores or processes the organisation's data (ISO 3166-1 alpha-2).
        #[serde(default)]
        pub countries: Vec<String>,
        #[serde(default)]
        pub contract: Contract,
        /// The last security assessment of the supplier.
        #[serde(default)]
        pub assessed: Option<Date>,
        #[serde(default)]
        pub subprocessors: Vec<String>,
        #[serde(default)]
        pub description: super::Prose,
    }
    fn references(&self, refs) {
        refs.many("/subprocessors", Kind::Supplier, &self.subprocessors);
    }
}

impl Supplier {
    pub fn is_active(&self) -> bool {
        self.status == SupplierStatus::Active
    }
}

/// A supplier without `status` is taken to be active: it is in the register for a reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupplierStatus {
    #[default]
    Active,
    Ended,
}

impl SupplierStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            SupplierStatus::Active => "active",
            SupplierStatus::Ended => "ended",
        }
    }
}

/// What the contract with a supplier says; a missing field is not known to be there.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Contract {
    #[serde(default)]
    pub signed: Option<Date>,
    #[serde(default)]
    pub ends: Option<Date>,
    /// The data processing agreement (personuppgiftsbiträdesavtal), when signed.
    #[serde(default)]
    pub dpa: Option<Date>,
    #[serde(default)]
    pub security_requirements: Option<bool>,
    /// Within how many hours the supplier must report an incident to the organisation.
    #[serde(default)]
    pub incident_notification_hours: Option<u32>,
    #[serde(default)]
    pub exit_plan: Option<bool>,
}
