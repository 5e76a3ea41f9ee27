//! The reference data `isms` ships with (levels, capabilities, baseline, adequacy decisions,
//! reporting regimes, document types, audit questions), written in `registry/*.toml`
//! and embedded as the JSON that `build.rs` makes of it.

use std::sync::OnceLock;

use jiff::civil::Date;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// A text in both report languages.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub sv: String,
    pub en: String,
}

impl Text {
    /// The text in `language` (`"sv"` or `"en"`); any other code gets English.
    #[must_use]
    pub fn get(&self, language: &str) -> &str {
        if language == "sv" { &self.sv } else { &self.en }
    }
}

/// A classification level on the 0..4 consequence scale.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub level: u8,
    pub name: Text,
    pub description: Text,
}

/// One of the four aspects an asset is classified on, in the order `[c, i, a, t]`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Aspect {
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

/// An EU adequacy decision for a third country (GDPR art. 45).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AdequacyDecision {
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub name: Text,
    pub decided: Date,
    /// e.g. `Commission Implementing Decision (EU) 2023/1795`.
    pub instrument: String,
    /// Only part of the country's recipients are covered (e.g. Canada: PIPEDA organisations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Text>,
    /// The `transfer_safeguard` an asset must declare to rely on the decision (US: `dpf`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requires_safeguard: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewed: Option<Date>,
    /// Last day the decision applies (a sunset clause); `None` = until repealed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<Date>,
}

impl AdequacyDecision {
    /// Whether the decision applied on `date` (both ends inclusive).
    #[must_use]
    pub fn in_force_on(&self, date: Date) -> bool {
        self.decided <= date && self.expires.is_none_or(|end| date <= end)
    }
}

/// Which report a deadline is for; the values of a notification's `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    EarlyWarning,
    Initial,
    Final,
}

/// What a deadline's clock starts at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineStart {
    /// The incident's `detected` time.
    Detection,
    /// The time the initial notification was sent.
    Initial,
}

/// One reporting deadline of a regime: `kind` due within `hours` or `months` of `from`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    pub kind: ReportKind,
    // u16 keeps every value inside jiff's span limits, so `within` cannot panic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months: Option<u16>,
    pub from: DeadlineStart,
}

impl Deadline {
    /// The time allowed, as a span to add to the start (calendar months, not 30 days).
    #[must_use]
    pub fn within(&self) -> jiff::Span {
        let span = jiff::Span::new().hours(self.hours.unwrap_or(0));
        span.months(self.months.unwrap_or(0))
    }

    /// The time allowed in words, e.g. `72 h` or `1 month`.
    #[must_use]
    pub fn describe(&self) -> String {
        match (self.hours, self.months) {
            (_, Some(1)) => "1 month".to_owned(),
            (_, Some(months)) => format!("{months} months"),
            (Some(hours), None) => format!("{hours} h"),
            (None, None) => "0 h".to_owned(),
        }
    }
}

/// An incident reporting regime and the period it governs incidents detected in.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Regime {
    pub id: String,
    pub name: Text,
    /// The legal source, e.g. `Cybersäkerhetslag (2025:1506) 2 kap. 5-8 §§`.
    pub law: String,
    /// `personal_data_breach` or `significant_incident`.
    pub applies_to: String,
    pub from: Date,
    /// Last day in force (inclusive); `None` = still in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
    /// The notification `to` value the regime names as recipient.
    pub authority: String,
    /// Every notification `to` value that counts as reporting under the regime.
    pub recipients: Vec<String>,
    pub deadlines: Vec<Deadline>,
}

impl Regime {
    /// Whether the regime governs an incident detected on `date`.
    #[must_use]
    pub fn in_force_on(&self, date: Date) -> bool {
        self.from <= date && self.until.is_none_or(|end| date <= end)
    }

    /// The deadline for a report of `kind`, if the regime has one.
    #[must_use]
    pub fn deadline(&self, kind: ReportKind) -> Option<&Deadline> {
        self.deadlines.iter().find(|d| d.kind == kind)
    }
}

/// A body that adopts steering documents, ranked for DOC003 (higher may adopt what lower may).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    pub id: String,
    pub rank: u8,
    pub name: Text,
}

/// A steering document type, the lowest body that may adopt it and what it should contain.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentType {
    pub id: String,
    pub name: Text,
    /// A body id; `official` means any body may adopt it.
    pub min_body: String,
    pub contents: Vec<Text>,
}

/// One of the twelve questions of the audit self-assessment.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AuditQuestion {
    pub number: u8,
    pub question: Text,
    /// Rule codes whose errors decide the verdict.
    pub rules: Vec<String>,
    pub key_figure: Text,
    /// The key figure's target as a share; the fallback when `target_from` names a setting.
    pub target: f64,
    /// The `isms.toml` setting that holds the target, e.g. `training.completion_target`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_from: Option<String>,
    /// The DOC005 topic the question includes, e.g. `classification`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
}

/// A suggested word of an open vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Word {
    pub id: String,
    pub name: Text,
}

/// Suggested words for the open vocabularies; unknown words stay allowed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Vocabularies {
    pub topics: Vec<Word>,
    pub audience: Vec<Word>,
    pub essential_services: Vec<Word>,
}

/// All reference data, as embedded in the binary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Registry {
    pub levels: Vec<Level>,
    pub aspects: Vec<Aspect>,
    pub capabilities: Vec<Capability>,
    pub baseline: Vec<BaselineRequirement>,
    /// EU member states, ISO 3166-1 alpha-2.
    pub eu: Vec<String>,
    /// The EEA states outside the EU (IS, LI, NO).
    pub eea: Vec<String>,
    pub adequacy: Vec<AdequacyDecision>,
    pub regimes: Vec<Regime>,
    pub bodies: Vec<Body>,
    pub document_types: Vec<DocumentType>,
    pub audit_questions: Vec<AuditQuestion>,
    pub vocabularies: Vocabularies,
    /// The officially assigned ISO 3166-1 alpha-2 codes, upper case.
    pub countries: Vec<String>,
    /// Exceptionally reserved codes people write instead of the ISO one: `UK` → `GB`.
    pub reserved_countries: std::collections::BTreeMap<String, String>,
}

/// The embedded registry, parsed on first use.
///
/// # Panics
///
/// When the embedded data does not parse; the unit tests load it, so a release cannot.
pub fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        Registry::embedded().unwrap_or_else(|err| panic!("the embedded registry is invalid: {err}"))
    })
}

impl Registry {
    /// The classification level `n` (0..=4).
    #[must_use]
    pub fn level(&self, n: u8) -> Option<&Level> {
        self.levels.iter().find(|l| l.level == n)
    }

    /// The capability with this id.
    #[must_use]
    pub fn capability(&self, id: &str) -> Option<&Capability> {
        self.capabilities.iter().find(|c| c.id == id)
    }

    /// Whether `code` is an officially assigned ISO 3166-1 alpha-2 code (upper case).
    #[must_use]
    pub fn is_country(&self, code: &str) -> bool {
        self.countries.iter().any(|c| c == code)
    }

    /// The ISO code meant by an exceptionally reserved one (`UK` → `GB`, `EL` → `GR`).
    #[must_use]
    pub fn reserved_country(&self, code: &str) -> Option<&str> {
        self.reserved_countries
            .get(&code.to_ascii_uppercase())
            .map(String::as_str)
    }

    /// Whether the country (ISO alpha-2, any case) is in the EU or the EEA, where GDPR applies.
    #[must_use]
    pub fn is_eu_eea(&self, code: &str) -> bool {
        self.eu
            .iter()
            .chain(&self.eea)
            .any(|c| c.eq_ignore_ascii_case(code))
    }

    /// The adequacy decision for a country (ISO alpha-2, any case); check
    /// [`AdequacyDecision::in_force_on`] and `requires_safeguard` before relying on it.
    #[must_use]
    pub fn adequacy(&self, code: &str) -> Option<&AdequacyDecision> {
        self.adequacy
            .iter()
            .find(|d| d.country.eq_ignore_ascii_case(code))
    }

    /// The regime for incidents of `applies_to` (`personal_data_breach`,
    /// `significant_incident`) that governs one detected on `detected`.
    #[must_use]
    pub fn regime_for(&self, applies_to: &str, detected: Date) -> Option<&Regime> {
        // Periods should not overlap; if a transition ever makes them, the newer law wins.
        self.regimes
            .iter()
            .filter(|r| r.applies_to == applies_to && r.in_force_on(detected))
            .max_by_key(|r| r.from)
    }

    /// The steering document type with this id.
    #[must_use]
    pub fn document_type(&self, id: &str) -> Option<&DocumentType> {
        self.document_types.iter().find(|t| t.id == id)
    }

    /// The rank of an adopting body (`municipal_council` 4 ... `official` 1).
    #[must_use]
    pub fn body_rank(&self, id: &str) -> Option<u8> {
        self.bodies.iter().find(|b| b.id == id).map(|b| b.rank)
    }

    /// The default requirements, before `requirement` records replace or add to them.
    #[must_use]
    pub fn baseline(&self) -> &[BaselineRequirement] {
        &self.baseline
    }

    /// The audit question with this number (1..=12).
    #[must_use]
    pub fn audit_question(&self, number: u8) -> Option<&AuditQuestion> {
        self.audit_questions.iter().find(|q| q.number == number)
    }

    fn embedded() -> Result<Self, String> {
        // `registry/<name>.toml` as `build.rs` prepared it.
        macro_rules! data {
            ($name:literal) => {
                parse(
                    concat!($name, ".toml"),
                    include_str!(concat!(env!("OUT_DIR"), "/", $name, ".json")),
                )
            };
        }
        let levels: LevelsFile = data!("levels")?;
        let capabilities: CapabilitiesFile = data!("capabilities")?;
        let baseline: BaselineFile = data!("baseline")?;
        let adequacy: AdequacyFile = data!("adequacy")?;
        let regimes: RegimesFile = data!("regimes")?;
        let bodies: BodiesFile = data!("bodies")?;
        let document_types: DocumentTypesFile = data!("document_types")?;
        let audit: AuditQuestionsFile = data!("audit_questions")?;
        let vocabularies: Vocabularies = data!("vocabularies")?;
        let countries: CountriesFile = data!("countries")?;
        Ok(Self {
            levels: levels.levels,
            aspects: levels.aspects,
            capabilities: capabilities.capabilities,
            baseline: baseline.requirements,
            eu: adequacy.eu,
            eea: adequacy.eea,
            adequacy: adequacy.decisions,
            regimes: regimes.regimes,
            bodies: bodies.bodies,
            document_types: document_types.document_types,
            audit_questions: audit.questions,
            vocabularies,
            countries: countries.codes,
            reserved_countries: countries.reserved,
        })
    }
}

/// One file of `registry/`, as JSON: `build.rs` turns the TOML into JSON, which reads in a
/// fifth of the time at every start.
fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|err| format!("registry/{file}: {err}"))
}

// One struct per file, so each file's top-level keys are checked on their own.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LevelsFile {
    levels: Vec<Level>,
    aspects: Vec<Aspect>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CapabilitiesFile {
    capabilities: Vec<Capability>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    requirements: Vec<BaselineRequirement>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountriesFile {
    codes: Vec<String>,
    #[serde(default)]
    reserved: std::collections::BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AdequacyFile {
    eu: Vec<String>,
    eea: Vec<String>,
    decisions: Vec<AdequacyDecision>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegimesFile {
    regimes: Vec<Regime>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BodiesFile {
    bodies: Vec<Body>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentTypesFile {
    document_types: Vec<DocumentType>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AuditQuestionsFile {
    questions: Vec<AuditQuestion>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use std::collections::HashSet;

    /// The JSON that `build.rs` makes of each `registry/*.toml` holds the same data: every
    /// value compared leaf by leaf with the TOML read here, a date with its `YYYY-MM-DD` text.
    #[test]
    fn embedded_json_is_the_toml_data() {
        fn same(toml: &toml::Value, json: &serde_json::Value, at: &str) {
            use serde_json::Value as J;
            use toml::Value as T;
            match (toml, json) {
                (T::String(a), J::String(b)) => assert_eq!(a, b, "{at}"),
                (T::Integer(a), J::Number(b)) => assert_eq!(Some(*a), b.as_i64(), "{at}"),
                (T::Float(a), J::Number(b)) => assert_eq!(Some(*a), b.as_f64(), "{at}"),
                (T::Boolean(a), J::Bool(b)) => assert_eq!(a, b, "{at}"),
                (T::Datetime(a), J::String(b)) => assert_eq!(&a.to_string(), b, "{at}"),
                (T::Array(a), J::Array(b)) => {
                    assert_eq!(a.len(), b.len(), "{at}");
                    for (i, (x, y)) in a.iter().zip(b).enumerate() {
                        same(x, y, &format!("{at}/{i}"));
                    }
                }
                (T::Table(a), J::Object(b)) => {
                    assert_eq!(a.len(), b.len(), "{at}");
                    for (k, x) in a {
                        same(x, &b[k], &format!("{at}/{k}"));
                    }
                }
                (a, b) => panic!("{at}: {a:?} became {b:?}"),
            }
        }
        let mut files = 0;
        for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/registry")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "toml") {
                continue;
            }
            let name = path.file_stem().unwrap().to_str().unwrap().to_owned();
            let out = format!("{}/{name}.json", env!("OUT_DIR"));
            let toml: toml::Value =
                toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let json: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap();
            same(&toml, &json, &name);
            files += 1;
        }
        assert_eq!(files, 10);
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
    fn every_file_loads() {
        let registry = Registry::embedded().expect("embedded registry parses");
        assert!(!registry.capabilities.is_empty());
        assert!(!registry.adequacy.is_empty());
        assert!(!registry.document_types.is_empty());
        assert!(!registry.vocabularies.topics.is_empty());
        assert!(!registry.vocabularies.audience.is_empty());
        assert!(!registry.vocabularies.essential_services.is_empty());
    }

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

    #[test]
    fn thirty_eu_eea_codes() {
        let r = registry();
        assert_eq!(r.eu.len(), 27);
        let all: HashSet<&str> = r.eu.iter().chain(&r.eea).map(String::as_str).collect();
        assert_eq!(all.len(), 30, "no code is listed twice");
        for code in ["SE", "no", "IS", "LI", "GR", "DE"] {
            assert!(r.is_eu_eea(code), "{code}");
        }
        for code in ["GB", "CH", "US", "EL", "UK"] {
            assert!(!r.is_eu_eea(code), "{code}");
        }
    }

    #[test]
    fn country_codes() {
        let r = registry();
        assert_eq!(r.countries.len(), 249);
        for code in r.eu.iter().chain(&r.eea) {
            assert!(r.is_country(code), "EU/EEA {code}");
        }
        for d in &r.adequacy {
            assert!(r.is_country(&d.country), "adequacy {}", d.country);
        }
        for (reserved, iso) in &r.reserved_countries {
            assert!(
                !r.is_country(reserved) && r.is_country(iso),
                "{reserved} -> {iso}"
            );
        }
        assert_eq!(r.reserved_country("uk"), Some("GB"));
        assert!(!r.is_country("UK") && !r.is_country("se") && r.is_country("SE"));
    }

    #[test]
    fn adequacy_decisions() {
        let r = registry();
        let us = r.adequacy("us").expect("US decision");
        assert_eq!(us.requires_safeguard.as_deref(), Some("dpf"));
        assert_eq!(us.decided, date(2023, 7, 10));
        assert!(us.instrument.contains("2023/1795"));
        assert!(
            r.adequacy("CH")
                .is_some_and(|d| d.requires_safeguard.is_none())
        );
        assert!(r.adequacy("CN").is_none());
        let gb = r.adequacy("GB").expect("UK decision");
        assert!(gb.in_force_on(date(2026, 6, 1)));
        assert!(!gb.in_force_on(date(2032, 1, 1)));
        for d in &r.adequacy {
            assert!(
                !r.is_eu_eea(&d.country),
                "{} is not a third country",
                d.country
            );
            assert_eq!(d.country.len(), 2);
            assert_eq!(d.country, d.country.to_ascii_uppercase());
        }
    }

    #[test]
    fn regime_boundary_between_nis_and_cybersecurity_law() {
        let r = registry();
        let before = r
            .regime_for("significant_incident", date(2026, 1, 14))
            .expect("NIS law");
        assert_eq!(before.id, "nis-2018");
        let after = r
            .regime_for("significant_incident", date(2026, 1, 15))
            .expect("cybersecurity law");
        assert_eq!(after.id, "cybersecurity-2026");
        assert_eq!(
            after
                .deadline(ReportKind::EarlyWarning)
                .map(Deadline::describe),
            Some("24 h".to_owned())
        );
        assert_eq!(
            after
                .deadline(ReportKind::Final)
                .map(|d| (d.describe(), d.from)),
            Some(("1 month".to_owned(), DeadlineStart::Initial))
        );
        assert!(
            r.regime_for("significant_incident", date(2018, 7, 31))
                .is_none()
        );
        let gdpr = r
            .regime_for("personal_data_breach", date(2023, 5, 2))
            .expect("GDPR");
        assert_eq!(
            gdpr.deadline(ReportKind::Initial).and_then(|d| d.hours),
            Some(72)
        );
        assert!(
            r.regime_for("personal_data_breach", date(2018, 5, 24))
                .is_none()
        );
    }

    #[test]
    fn deadlines_have_exactly_one_unit_and_recipients_include_authority() {
        for regime in &registry().regimes {
            assert!(
                regime.recipients.contains(&regime.authority),
                "{}",
                regime.id
            );
            assert!(!regime.deadlines.is_empty(), "{}", regime.id);
            for d in &regime.deadlines {
                assert!(
                    d.hours.is_some() != d.months.is_some(),
                    "{}: {:?} needs exactly one of hours/months",
                    regime.id,
                    d.kind
                );
            }
        }
    }

    #[test]
    fn deadline_span_is_calendar_aware() {
        let final_report = registry()
            .regimes
            .iter()
            .find(|r| r.id == "cybersecurity-2026")
            .and_then(|r| r.deadline(ReportKind::Final))
            .expect("final report deadline");
        let sent = date(2026, 1, 31).at(12, 0, 0, 0);
        let due = sent.checked_add(final_report.within()).expect("in range");
        assert_eq!(due, date(2026, 2, 28).at(12, 0, 0, 0));
    }

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
    fn twelve_audit_questions_numbered_in_order() {
        let r = registry();
        let numbers: Vec<u8> = r.audit_questions.iter().map(|q| q.number).collect();
        assert_eq!(numbers, (1..=12).collect::<Vec<u8>>());
        let q4 = r.audit_question(4).expect("question 4");
        assert_eq!(
            q4.target_from.as_deref(),
            Some("training.completion_target")
        );
        let topics: Vec<(u8, &str)> = r
            .audit_questions
            .iter()
            .filter_map(|q| q.topic.as_deref().map(|t| (q.number, t)))
            .collect();
        assert_eq!(
            topics,
            [
                (6, "classification"),
                (9, "incident_management"),
                (10, "continuity"),
                (12, "cloud_services")
            ]
        );
        for q in &r.audit_questions {
            assert_eq!(q.topic.is_some(), q.rules.iter().any(|c| c == "DOC005"));
        }
    }

    #[test]
    fn bodies_and_document_types() {
        let r = registry();
        assert_eq!(r.body_rank("municipal_council"), Some(4));
        assert_eq!(r.body_rank("executive_board"), Some(3));
        assert_eq!(r.body_rank("committee"), Some(2));
        assert_eq!(r.body_rank("official"), Some(1));
        assert_eq!(r.body_rank("mayor"), None);
        let expected = [
            ("security_policy", "municipal_council"),
            ("information_security_policy", "municipal_council"),
            ("guideline", "executive_board"),
            ("routine", "official"),
            ("position", "executive_board"),
            ("plan", "official"),
            ("other", "official"),
        ];
        for (id, body) in expected {
            let t = r.document_type(id).expect(id);
            assert_eq!(t.min_body, body, "{id}");
            assert!(!t.contents.is_empty(), "{id}");
        }
        assert_eq!(r.document_types.len(), expected.len());
    }

    #[test]
    fn ids_are_unique_within_each_list() {
        fn unique<'a>(what: &str, ids: impl Iterator<Item = &'a str>) {
            let mut seen = HashSet::new();
            for id in ids {
                assert!(seen.insert(id), "{what}: {id} twice");
            }
        }
        let r = registry();
        unique("capabilities", r.capabilities.iter().map(|c| c.id.as_str()));
        unique("adequacy", r.adequacy.iter().map(|d| d.country.as_str()));
        unique("regimes", r.regimes.iter().map(|x| x.id.as_str()));
        unique("bodies", r.bodies.iter().map(|b| b.id.as_str()));
        let v = &r.vocabularies;
        unique("topics", v.topics.iter().map(|w| w.id.as_str()));
        unique("audience", v.audience.iter().map(|w| w.id.as_str()));
        unique(
            "services",
            v.essential_services.iter().map(|w| w.id.as_str()),
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

    #[test]
    fn text_picks_language() {
        let name = &registry().level(1).expect("level 1").name;
        assert_eq!(name.get("sv"), "Måttlig");
        assert_eq!(name.get("en"), "Moderate");
    }
}
