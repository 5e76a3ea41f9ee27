//! The one `organisation` record: key roles and the security council.

use serde::{Deserialize, Serialize};

use super::Date;

record! {
    /// The organisation itself (exactly one per repository).
    pub struct Organisation {
        pub name: String,
        #[serde(default)]
        pub roles: Roles,
        #[serde(default)]
        pub council: Council,
    }
}

/// Key roles; a missing or empty role is a vacancy.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Roles {
    #[serde(default)]
    pub information_security_coordinator: Option<String>,
    #[serde(default)]
    pub it_security_coordinator: Option<String>,
    #[serde(default)]
    pub security_chief: Option<String>,
    #[serde(default)]
    pub data_protection_officer: Option<String>,
}

impl Roles {
    /// Each key role with its field name and holder (None or blank when vacant).
    pub fn all(&self) -> [(&'static str, Option<&str>); 4] {
        fn held(r: &Option<String>) -> Option<&str> {
            r.as_deref().filter(|s| !s.trim().is_empty())
        }
        [
            (
                "information_security_coordinator",
                held(&self.information_security_coordinator),
            ),
            (
                "it_security_coordinator",
                held(&self.it_security_coordinator),
            ),
            ("security_chief", held(&self.security_chief)),
            (
                "data_protection_officer",
                held(&self.data_protection_officer),
            ),
        ]
    }
}

/// The information security council (informationssäkerhetsråd).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Council {
    #[serde(default)]
    pub meetings: Vec<Date>,
}
