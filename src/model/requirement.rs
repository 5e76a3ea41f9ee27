//! The organisation's own level -> capability requirements.


record! {
    /// Replaces the baseline requirement with the same id, or adds one.
    pub struct Requirement {
        #[serde(default)]
        pub title: Option<String>,
        pub when: Condition,
        pub requires: Vec<String>,
    }
}

/// When a requirement applies to an asset; shared by the baseline and `requirement` records.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidentiality: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integrity: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub traceability: Option<u8>,
    /// any aspect at or above this level
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub any: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personal_data: Option<Vec<String>>, // none|ordinary|sensitive
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hosting_model: Option<Vec<String>>,
}

impl Condition {
    /// Whether an asset with these effective `levels` (`[c, i, a, t]`, `None` = not rated),
    /// `personal_data` and `hosting_model` meets every field given.
    ///
    /// A condition with no fields matches nothing: an empty `when` is far more likely a
    /// mistake than a wish to require something of every asset.
    #[must_use]
    pub fn matches(
        &self,
        levels: [Option<u8>; 4],
        personal_data: &str,
        hosting_model: Option<&str>,
    ) -> bool {
        if *self == Self::default() {
            return false;
        }
        let [c, i, a, t] = levels;
        let at_least = |level: Option<u8>, min: Option<u8>| {
            min.is_none_or(|min| level.is_some_and(|l| l >= min))
        };
        at_least(c, self.confidentiality)
            && at_least(i, self.integrity)
            && at_least(a, self.availability)
            && at_least(t, self.traceability)
            && self
                .any
                .is_none_or(|min| levels.iter().flatten().any(|&l| l >= min))
            && self
                .personal_data
                .as_ref()
                .is_none_or(|allowed| allowed.iter().any(|p| p == personal_data))
            && self.hosting_model.as_ref().is_none_or(|allowed| {
                hosting_model.is_some_and(|model| allowed.iter().any(|m| m == model))
            })
    }

    /// The condition in words, e.g. `availability >= 3`; clauses joined by `and`.
    #[must_use]
    pub fn describe(&self) -> String {
        let levels = [
            ("confidentiality", self.confidentiality),
            ("integrity", self.integrity),
            ("availability", self.availability),
            ("traceability", self.traceability),
            ("any aspect", self.any),
        ];
        let mut clauses: Vec<String> = levels
            .iter()
            .filter_map(|(name, min)| min.map(|min| format!("{name} >= {min}")))
            .collect();
        let lists = [
            ("personal_data", &self.personal_data),
            ("hosting_model", &self.hosting_model),
        ];
        for (name, values) in lists {
            if let Some(values) = values {
                clauses.push(format!("{name} in [{}]", values.join(", ")));
            }
        }
        if clauses.is_empty() {
            "nothing (empty condition)".to_owned()
        } else {
            clauses.join(" and ")
        }
    }
}
