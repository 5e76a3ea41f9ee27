//! `isms.toml`: the organisation's settings and every rule threshold, with defaults.
//!
//! Unknown keys are refused with a suggestion, since a misspelt threshold would silently
//! keep its default.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};
use serde::{Deserialize, Serialize};

use crate::diagnostic::Severity;
use crate::util::suggest::did_you_mean;

/// The file name searched for upwards from the working directory.
pub const FILE_NAME: &str = "isms.toml";

pub use crate::l10n::Language;

/// A rule's configured severity, or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleLevel {
    Off,
    Severity(Severity),
}

/// Steering-document thresholds (`[policies]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Policies {
    pub warn_age_years: u32,
    pub max_age_years: u32,
    pub draft_max_age_months: u32,
    pub required_types: Vec<String>,
    pub required_topics: Vec<String>,
}

impl Default for Policies {
    fn default() -> Self {
        Policies {
            warn_age_years: 3,
            max_age_years: 5,
            draft_max_age_months: 12,
            required_types: vec!["information_security_policy".into(), "guideline".into()],
            required_topics: vec![
                "incident_management".into(),
                "classification".into(),
                "continuity".into(),
                "cloud_services".into(),
            ],
        }
    }
}

/// Security-culture thresholds (`[training]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TrainingCfg {
    pub completion_target: f64,
    pub phishing_click_rate_max: f64,
}

impl Default for TrainingCfg {
    fn default() -> Self {
        TrainingCfg {
            completion_target: 0.9,
            phishing_click_rate_max: 0.1,
        }
    }
}

/// Every other threshold. Written in `[thresholds]` or, as the spec names them, at the top
/// level of `isms.toml`; both are read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Thresholds {
    pub council_meetings_per_year: u32,
    pub classification_max_age_months: u32,
    pub risk_max_age_months: u32,
    pub risk_appetite_max: u32,
    pub pentest_max_age_months: u32,
    pub vulnerability_scan_max_age_months: u32,
    pub verify_interval_months: u32,
    pub evaluation_finding_max_days_critical: u32,
    pub evaluation_finding_max_days_high: u32,
    pub incident_open_max_days: u32,
    pub exercise_max_age_months: u32,
    pub activity_overdue_error_days: u32,
    pub management_review_max_age_months: u32,
    pub audit_max_age_months: u32,
    pub follow_up_max_age_months: u32,
    pub training_window_months: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            council_meetings_per_year: 4,
            classification_max_age_months: 24,
            risk_max_age_months: 12,
            risk_appetite_max: 8,
            pentest_max_age_months: 12,
            vulnerability_scan_max_age_months: 12,
            verify_interval_months: 12,
            evaluation_finding_max_days_critical: 30,
            evaluation_finding_max_days_high: 90,
            incident_open_max_days: 60,
            exercise_max_age_months: 12,
            activity_overdue_error_days: 90,
            management_review_max_age_months: 12,
            audit_max_age_months: 24,
            follow_up_max_age_months: 12,
            training_window_months: 12,
        }
    }
}

/// The settings in force for one run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Config {
    pub organisation: Option<String>,
    pub language: Language,
    pub timezone: String,
    pub exclude: Vec<String>,
    pub policies: Policies,
    pub training: TrainingCfg,
    pub thresholds: Thresholds,
    /// Per-rule severity overrides by code.
    pub rules: BTreeMap<String, RuleLevel>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            organisation: None,
            language: Language::Sv,
            timezone: "Europe/Stockholm".into(),
            exclude: Vec::new(),
            policies: Policies::default(),
            training: TrainingCfg::default(),
            thresholds: Thresholds::default(),
            rules: BTreeMap::new(),
        }
    }
}

const TOP_KEYS: &[&str] = &[
    "organisation",
    "language",
    "timezone",
    "exclude",
    "policies",
    "training",
    "thresholds",
    "rules",
];

fn threshold_keys() -> Vec<String> {
    match toml::Value::try_from(Thresholds::default()) {
        Ok(toml::Value::Table(t)) => t.keys().cloned().collect(),
        _ => Vec::new(),
    }
}

fn section_keys<T: Serialize + Default>() -> Vec<String> {
    match toml::Value::try_from(T::default()) {
        Ok(toml::Value::Table(t)) => t.keys().cloned().collect(),
        _ => Vec::new(),
    }
}

impl Config {
    /// Reads `isms.toml` in `root`; a missing file gives the defaults.
    pub fn load(root: &Path) -> Result<Config> {
        let path = root.join(FILE_NAME);
        if !path.exists() {
            return Ok(Config::default());
        }
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        Config::parse(&text).with_context(|| format!("invalid configuration in {FILE_NAME}"))
    }

    /// Parses the text of an `isms.toml`; `known_rules` is checked by the caller.
    pub fn parse(text: &str) -> Result<Config> {
        let table: toml::Table = toml::from_str(text).map_err(|e| {
            let at = e
                .span()
                .map(|s| line_col(text, s.start))
                .map(|(l, c)| format!("{FILE_NAME}:{l}:{c}: "))
                .unwrap_or_default();
            anyhow::anyhow!("{at}{}", e.message().trim())
        })?;
        let thresholds_known = threshold_keys();
        let mut config = Config::default();
        let mut thresholds = toml::Table::new();
        for (key, value) in &table {
            let at = key_position(text, None, key);
            let bad_type = |what: &str| anyhow::anyhow!("{at}`{key}` must be {what}");
            match key.as_str() {
                "organisation" => {
                    config.organisation =
                        Some(value.as_str().ok_or_else(|| bad_type("a string"))?.into());
                }
                "language" => {
                    config.language = match value.as_str() {
                        Some("sv") => Language::Sv,
                        Some("en") => Language::En,
                        _ => return Err(bad_type("\"sv\" or \"en\"")),
                    }
                }
                "timezone" => {
                    let tz = value.as_str().ok_or_else(|| bad_type("a string"))?;
                    if zone(tz).is_none() {
                        bail!(
                            "{at}unknown time zone `{tz}` (an IANA name such as \"Europe/Stockholm\")"
                        );
                    }
                    config.timezone = tz.into();
                }
                "exclude" => {
                    config.exclude = value
                        .clone()
                        .try_into()
                        .map_err(|_| bad_type("a list of glob strings"))?;
                }
                "policies" => {
                    check_keys(text, "policies", value, &section_keys::<Policies>())?;
                    config.policies = value.clone().try_into().map_err(|e: toml::de::Error| {
                        anyhow::anyhow!("{at}[policies]: {}", e.message().trim())
                    })?;
                }
                "training" => {
                    check_keys(text, "training", value, &section_keys::<TrainingCfg>())?;
                    config.training = value.clone().try_into().map_err(|e: toml::de::Error| {
                        anyhow::anyhow!("{at}[training]: {}", e.message().trim())
                    })?;
                }
                "thresholds" => {
                    check_keys(text, "thresholds", value, &thresholds_known)?;
                    if let Some(t) = value.as_table() {
                        thresholds.extend(t.clone());
                    }
                }
                "rules" => {
                    let t = value.as_table().ok_or_else(|| bad_type("a table"))?;
                    for (code, level) in t {
                        let at = key_position(text, Some("rules"), code);
                        let level = match level.as_str() {
                            Some("off") => RuleLevel::Off,
                            Some(s) => match Severity::parse(s) {
                                Some(sev) => RuleLevel::Severity(sev),
                                None => bail!(
                                    "{at}rule `{code}`: `{s}` is not one of \"error\", \"warning\", \"info\", \"off\""
                                ),
                            },
                            None => bail!("{at}rule `{code}` must be set to a string"),
                        };
                        // Codes compare ignoring case, as in waivers and --select.
                        config.rules.insert(code.trim().to_ascii_uppercase(), level);
                    }
                }
                k if thresholds_known.iter().any(|t| t == k) => {
                    thresholds.insert(key.clone(), value.clone());
                }
                _ => {
                    let mut known: Vec<&str> = TOP_KEYS.to_vec();
                    known.extend(thresholds_known.iter().map(String::as_str));
                    bail!("{at}unknown key `{key}`{}", did_you_mean(key, known));
                }
            }
        }
        config.thresholds = toml::Value::Table(thresholds)
            .try_into()
            .map_err(|e: toml::de::Error| anyhow::anyhow!("thresholds: {}", e.message().trim()))?;
        Ok(config)
    }

    /// The configured time zone (validated when read).
    pub fn tz(&self) -> jiff::tz::TimeZone {
        zone(&self.timezone).unwrap_or(jiff::tz::TimeZone::UTC)
    }
}

/// A time zone by its IANA name, from the database built into `isms`. Not the system's:
/// dates then come out the same on every machine whatever its `tzdata`, and no start-up
/// time goes to listing `/usr/share/zoneinfo`.
pub fn zone(name: &str) -> Option<jiff::tz::TimeZone> {
    static BUNDLED: std::sync::OnceLock<jiff::tz::TimeZoneDatabase> = std::sync::OnceLock::new();
    BUNDLED
        .get_or_init(jiff::tz::TimeZoneDatabase::bundled)
        .get(name)
        .ok()
}

fn check_keys(text: &str, section: &str, value: &toml::Value, known: &[String]) -> Result<()> {
    let Some(t) = value.as_table() else {
        bail!("`{section}` must be a table");
    };
    for key in t.keys() {
        if !known.iter().any(|k| k == key) {
            let at = key_position(text, Some(section), key);
            bail!(
                "{at}unknown key `{key}` in [{section}]{}",
                did_you_mean(key, known.iter().map(String::as_str))
            );
        }
    }
    Ok(())
}

/// `isms.toml:LINE:COL: ` of a key's first appearance (after its section header, if any).
fn key_position(text: &str, section: Option<&str>, key: &str) -> String {
    let mut in_section = section.is_none();
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with('[') {
            in_section =
                section.is_some_and(|s| trimmed.trim_end().trim_matches(['[', ']']).trim() == s);
            continue;
        }
        let bare = trimmed.trim_start_matches('"');
        if in_section && bare.starts_with(key) {
            let rest = bare[key.len()..].trim_start_matches('"').trim_start();
            if rest.starts_with('=') {
                let col = line.len() - trimmed.len() + 1;
                return format!("{FILE_NAME}:{}:{col}: ", i + 1);
            }
        }
    }
    format!("{FILE_NAME}: ")
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// The directory to use as repository root: `explicit`, else the nearest ancestor of
/// `cwd` holding `isms.toml`, else `cwd`.
pub fn find_root(explicit: Option<&Path>, cwd: &Path) -> PathBuf {
    if let Some(p) = explicit {
        return p.to_path_buf();
    }
    cwd.ancestors()
        .find(|d| d.join(FILE_NAME).is_file())
        .unwrap_or(cwd)
        .to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_match_the_spec() {
        let c = Config::parse("").unwrap();
        assert_eq!(c.policies.warn_age_years, 3);
        assert_eq!(c.policies.max_age_years, 5);
        assert_eq!(c.training.completion_target, 0.9);
        assert_eq!(c.thresholds.risk_appetite_max, 8);
        assert_eq!(c.timezone, "Europe/Stockholm");
    }

    #[test]
    fn reads_thresholds_at_top_level_and_in_a_section() {
        let c = Config::parse("risk_appetite_max = 6\n[thresholds]\nincident_open_max_days = 30\n")
            .unwrap();
        assert_eq!(c.thresholds.risk_appetite_max, 6);
        assert_eq!(c.thresholds.incident_open_max_days, 30);
    }

    #[test]
    fn unknown_keys_get_a_suggestion_and_a_line() {
        let e = Config::parse("language = \"sv\"\n[policies]\nwarn_age_yeras = 2\n").unwrap_err();
        let msg = format!("{e:#}");
        assert!(msg.contains("isms.toml:3:1"), "{msg}");
        assert!(msg.contains("did you mean `warn_age_years`"), "{msg}");
        let e = Config::parse("timezon = \"UTC\"\n").unwrap_err();
        assert!(format!("{e:#}").contains("did you mean `timezone`"));
    }

    #[test]
    fn rule_levels() {
        let c = Config::parse("[rules]\n\"ORG003\" = \"off\"\nDOC001 = \"error\"\n").unwrap();
        assert_eq!(c.rules["ORG003"], RuleLevel::Off);
        assert_eq!(c.rules["DOC001"], RuleLevel::Severity(Severity::Error));
        assert!(Config::parse("[rules]\nDOC001 = \"loud\"\n").is_err());
        // Codes ignore case, as waivers and --select do.
        let c = Config::parse("[rules]\n\"org003\" = \"off\"\ncls005 = \"error\"\n").unwrap();
        assert_eq!(c.rules["ORG003"], RuleLevel::Off);
        assert_eq!(c.rules["CLS005"], RuleLevel::Severity(Severity::Error));
    }

    #[test]
    fn bad_timezone_is_refused() {
        assert!(Config::parse("timezone = \"Europe/Stokholm\"\n").is_err());
    }
}
