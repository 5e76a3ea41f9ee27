//! Classification levels and aspects, the capability vocabulary, and the baseline of
//! requirements that asks for capabilities by classification.

use serde::{Deserialize, Serialize};

use super::Text;
use crate::model::Condition;

/// A classification level on the 0..4 consequence scale.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub level: u8,
    pub name: Text,
    pub description: Text,
}

/// The name and description of one of the four aspects an asset is classified on
/// (`model::Aspect`), in the order `[c, i, a, t]`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AspectInfo {
    pub id: String,
    pub name: Text,
    pub description: Text,
}

/// A word of the capability vocabulary that measures provide and requirements require.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Capability {
    pub id: String,
    pub name: Text,
    pub description: Text,
    /// Controls or articles the capability carries out, e.g. `ISO/IEC 27001:2022 A.8.5`.
    #[serde(default)]
    pub references: Vec<String>,
}

/// A default requirement: when `when` holds for an asset, it needs every capability in `requires`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineRequirement {
    pub id: String,
    pub when: Condition,
    pub requires: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::registry;

    #[test]
    fn levels_zero_to_four_and_four_aspects() {
        let r = registry();
        for n in 0..=4 {
            assert_eq!(r.level(n).map(|l| l.level), Some(n));
        }
        assert_eq!(r.levels.len(), 5);
        assert!(r.level(5).is_none());
        assert_eq!(
            r.level(4).map(|l| l.name.sv.as_str()),
            Some("Synnerligen allvarlig")
        );
        let aspects: Vec<&str> = r.aspects.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(
            aspects,
            [
                "confidentiality",
                "integrity",
                "availability",
                "traceability"
            ]
        );
    }

    const BASELINE_IDS: [&str; 10] = [
        "confidentiality-1",
        "confidentiality-2",
        "confidentiality-3",
        "integrity-2",
        "integrity-3",
        "availability-2",
        "availability-3",
        "traceability-2",
        "level-4",
        "processor",
    ];

    #[test]
    fn baseline_has_the_ten_ids_and_known_capabilities() {
        let r = registry();
        let ids: Vec<&str> = r.baseline().iter().map(|b| b.id.as_str()).collect();
        assert_eq!(ids, BASELINE_IDS);
        for requirement in r.baseline() {
            for capability in &requirement.requires {
                assert!(r.capability(capability).is_some(), "{capability}");
            }
        }
        let level4 = r
            .baseline()
            .iter()
            .find(|b| b.id == "level-4")
            .expect("level-4");
        assert!(
            level4
                .note
                .as_ref()
                .is_some_and(|n| n.en.contains("level 3"))
        );
    }

    #[test]
    fn condition_levels() {
        let availability3 = Condition {
            availability: Some(3),
            ..Condition::default()
        };
        assert!(availability3.matches([None, None, Some(3), None], "none", None));
        assert!(availability3.matches([Some(0), Some(0), Some(4), None], "none", None));
        assert!(!availability3.matches([Some(4), Some(4), Some(2), Some(4)], "none", None));
        assert!(!availability3.matches([None; 4], "none", None));
        assert_eq!(availability3.describe(), "availability >= 3");
    }

    #[test]
    fn condition_any_four() {
        let level4 = Condition {
            any: Some(4),
            ..Condition::default()
        };
        assert!(level4.matches([None, None, None, Some(4)], "none", None));
        assert!(level4.matches([Some(4), Some(0), Some(0), Some(0)], "none", None));
        assert!(!level4.matches([Some(3), Some(3), Some(3), Some(3)], "sensitive", None));
        assert_eq!(level4.describe(), "any aspect >= 4");
    }

    #[test]
    fn condition_processor() {
        let processor = &registry()
            .baseline()
            .iter()
            .find(|b| b.id == "processor")
            .expect("processor")
            .when;
        assert!(processor.matches([None; 4], "sensitive", Some("saas")));
        assert!(processor.matches([None; 4], "ordinary", Some("external")));
        assert!(!processor.matches([None; 4], "none", Some("saas")));
        assert!(!processor.matches([None; 4], "ordinary", Some("on_premises")));
        assert!(!processor.matches([None; 4], "ordinary", None));
        assert_eq!(
            processor.describe(),
            "personal_data in [ordinary, sensitive] and hosting_model in [saas, public_cloud, external]"
        );
    }

    #[test]
    fn condition_all_fields_must_hold_and_empty_matches_nothing() {
        let both = Condition {
            confidentiality: Some(2),
            integrity: Some(2),
            ..Condition::default()
        };
        assert!(both.matches([Some(2), Some(3), None, None], "none", None));
        assert!(!both.matches([Some(2), Some(1), None, None], "none", None));
        assert_eq!(both.describe(), "confidentiality >= 2 and integrity >= 2");
        let empty = Condition::default();
        assert!(!empty.matches([Some(4); 4], "sensitive", Some("saas")));
    }

    #[test]
    fn condition_reads_requirement_yaml_shape_and_rejects_unknown_fields() {
        let parsed: Condition =
            toml::from_str("personal_data = [\"sensitive\"]\nhosting_model = [\"saas\"]")
                .expect("valid condition");
        assert_eq!(parsed.personal_data, Some(vec!["sensitive".to_owned()]));
        assert!(toml::from_str::<Condition>("availabilty = 3").is_err());
    }
}
