//! Statements of applicability: which controls of a framework apply, and why not where
//! they do not (ISO/IEC 27001:2022 clause 6.1.3 d).

use serde::{Deserialize, Serialize};

use super::{Body, Date};

record! {
    /// The organisation's statement of applicability for one framework.
    pub struct StatementOfApplicability {
        /// A built-in framework (`iso27001-2022`, `nis2-art21`) or a `framework` record.
        pub framework: String,
        #[serde(default)]
        pub title: Option<String>,
        #[serde(default)]
        pub approved: Option<Date>,
        #[serde(default)]
        pub approved_by: Option<Body>,
        #[serde(default)]
        pub decision_ref: Option<String>,
        #[serde(default)]
        pub review_interval_months: Option<u32>,
        /// Controls judged not applicable, each with its reason.
        #[serde(default)]
        pub excluded: Vec<Exclusion>,
        /// Why a control is included, where that is not obvious.
        #[serde(default)]
        pub included: Vec<Inclusion>,
    }
}

/// The approval of a statement lasts this long unless it says otherwise.
pub const DEFAULT_SOA_REVIEW_MONTHS: u32 = 12;

impl StatementOfApplicability {
    /// The months an approval lasts.
    pub fn review_months(&self) -> u32 {
        self.review_interval_months
            .unwrap_or(DEFAULT_SOA_REVIEW_MONTHS)
    }

    /// The exclusion of `control`, if the statement excludes it.
    pub fn exclusion(&self, control: &str) -> Option<&Exclusion> {
        self.excluded.iter().find(|e| e.control == control)
    }

    /// The reason given for including `control`.
    pub fn inclusion(&self, control: &str) -> Option<&Inclusion> {
        self.included.iter().find(|e| e.control == control)
    }
}

/// A control judged not applicable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exclusion {
    pub control: String,
    pub reason: String,
    /// When the exclusion is to be reconsidered.
    #[serde(default)]
    pub review: Option<Date>,
}

/// Why a control is included.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Inclusion {
    pub control: String,
    #[serde(default)]
    pub reason: Option<String>,
}
