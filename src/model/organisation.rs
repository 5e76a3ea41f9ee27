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
        #[serde(default)]
        pub cybersecurity_act: Option<CybersecurityAct>,
    }
}

impl Organisation {
    /// Whether the organisation says it is a covered entity under the cybersecurity law.
    pub fn covered_by_cybersecurity_act(&self) -> bool {
        self.cybersecurity_act.as_ref().is_some_and(|c| c.covered)
    }
}

/// The organisation under the cybersecurity law (cybersäkerhetslagen 2025:1506).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CybersecurityAct {
    #[serde(default)]
    pub covered: bool,
    #[serde(default)]
    pub entity_class: Option<EntityClass>,
    /// Registration with the supervisory authority; None: not yet registered.
    #[serde(default)]
    pub registered: Option<Date>,
    #[serde(default)]
    pub registration_ref: Option<String>,
}

/// The law's two classes of covered entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityClass {
    /// Väsentlig verksamhetsutövare.
    Essential,
    /// Viktig verksamhetsutövare.
    Important,
}

impl EntityClass {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityClass::Essential => "essential",
            EntityClass::Important => "important",
        }
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
