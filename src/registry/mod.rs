//! The reference data `isms` ships with (levels, capabilities, baseline, adequacy decisions,
//! reporting regimes, document types, audit questions, control frameworks and the control
//! map, the cybersecurity law), written in `registry/*.toml` and `registry/frameworks/*.toml`
//! and embedded as the JSON that `build.rs` makes of it.

mod documents;
mod frameworks;
mod legal;
mod requirements;

use std::sync::OnceLock;

use jiff::civil::Date;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

pub use documents::{AuditQuestion, BodyInfo, DocumentType, Vocabularies, Word};
pub use frameworks::{
    CapabilityControls, Control, ControlGroup, ControlMap, ControlRef, CoveredOrganisation,
    CybersecurityLaw, EntityClass, Evidence, EvidenceControls, Framework, ManagementDuty,
    Registration, TopicControls, UnresolvedControl, resolve,
};
pub use legal::{AdequacyDecision, DeadlineStart, NotificationStage, Regime, ReportingDeadline};
pub use requirements::{AspectInfo, BaselineRequirement, Capability, Level};

/// A text in both report languages.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub sv: String,
    pub en: String,
}

impl Text {
    /// The text in `lang`.
    #[must_use]
    pub fn get(&self, lang: crate::config::Language) -> &str {
        lang.pick(&self.sv, &self.en)
    }
}

/// All reference data, as embedded in the binary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Registry {
    pub levels: Vec<Level>,
    pub aspects: Vec<AspectInfo>,
    pub capabilities: Vec<Capability>,
    pub baseline: Vec<BaselineRequirement>,
    /// EU member states, ISO 3166-1 alpha-2.
    pub eu: Vec<String>,
    /// The EEA states outside the EU (IS, LI, NO).
    pub eea: Vec<String>,
    /// Parts of member states with a country code of their own where the Treaties apply
    /// (Åland, the outermost regions).
    pub eu_territories: Vec<EuTerritory>,
    pub adequacy: Vec<AdequacyDecision>,
    pub regimes: Vec<Regime>,
    pub bodies: Vec<BodyInfo>,
    pub document_types: Vec<DocumentType>,
    pub audit_questions: Vec<AuditQuestion>,
    pub vocabularies: Vocabularies,
    /// The officially assigned ISO 3166-1 alpha-2 codes, upper case.
    pub countries: Vec<String>,
    /// Exceptionally reserved codes people write instead of the ISO one: `UK` → `GB`.
    pub reserved_countries: std::collections::BTreeMap<String, String>,
    /// The built-in control catalogues (`registry/frameworks/`), in file name order.
    pub frameworks: Vec<Framework>,
    /// Which controls each kind of evidence counts for.
    pub control_map: ControlMap,
    /// The cybersecurity law (2025:1506): dates, registration, management body duties.
    pub cybersecurity: CybersecurityLaw,
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

    /// Whether the country (ISO alpha-2, any case) is in the EU or the EEA, where GDPR
    /// applies: a member state, an EEA state, or EU territory with a code of its own
    /// (Åland, Réunion, ...).
    #[must_use]
    pub fn is_eu_eea(&self, code: &str) -> bool {
        self.eu
            .iter()
            .chain(&self.eea)
            .chain(self.eu_territories.iter().map(|t| &t.code))
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

    /// The built-in framework with this id (`iso27001-2022`, `nis2-art21`).
    #[must_use]
    pub fn framework(&self, id: &str) -> Option<&Framework> {
        self.frameworks.iter().find(|f| f.id == id)
    }

    /// The built-in framework and control a reference names.
    ///
    /// # Errors
    ///
    /// When either is unknown, with the closest id as a suggestion.
    pub fn resolve_control(
        &self,
        reference: ControlRef<'_>,
    ) -> Result<(&Framework, &Control), UnresolvedControl> {
        resolve(&self.frameworks, reference)
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
        // `registry/frameworks/<name>.toml`, embedded as `frameworks-<name>.json`; a unit test
        // checks that every file of the folder is listed here.
        macro_rules! framework {
            ($name:literal) => {
                parse::<Framework>(
                    concat!("frameworks/", $name, ".toml"),
                    include_str!(concat!(env!("OUT_DIR"), "/frameworks-", $name, ".json")),
                )
            };
        }
        let frameworks = vec![framework!("iso27001-2022")?, framework!("nis2-art21")?];
        let control_map: ControlMap = data!("control_map")?;
        let cybersecurity: CybersecurityLaw = data!("cybersecurity")?;
        Ok(Self {
            levels: levels.levels,
            aspects: levels.aspects,
            capabilities: capabilities.capabilities,
            baseline: baseline.requirements,
            eu: adequacy.eu,
            eea: adequacy.eea,
            eu_territories: adequacy.eu_territories,
            adequacy: adequacy.decisions,
            regimes: regimes.regimes,
            bodies: bodies.bodies,
            document_types: document_types.document_types,
            audit_questions: audit.questions,
            vocabularies,
            countries: countries.codes,
            reserved_countries: countries.reserved,
            frameworks,
            control_map,
            cybersecurity,
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
    aspects: Vec<AspectInfo>,
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

/// A part of a member state with an ISO 3166-1 code of its own, where the Treaties apply
/// (TFEU art. 355).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EuTerritory {
    pub code: String,
    /// The member state it is part of.
    pub of: String,
    pub name: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AdequacyFile {
    eu: Vec<String>,
    eea: Vec<String>,
    eu_territories: Vec<EuTerritory>,
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
    bodies: Vec<BodyInfo>,
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
        let registry = concat!(env!("CARGO_MANIFEST_DIR"), "/registry");
        let top = std::fs::read_dir(registry).unwrap().map(|e| (e, ""));
        let frameworks = std::fs::read_dir(format!("{registry}/frameworks"))
            .unwrap()
            .map(|e| (e, "frameworks-"));
        for (entry, prefix) in top.chain(frameworks) {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "toml") {
                continue;
            }
            let name = path.file_stem().unwrap().to_str().unwrap().to_owned();
            let out = format!("{}/{prefix}{name}.json", env!("OUT_DIR"));
            let toml: toml::Value =
                toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let json: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap();
            same(&toml, &json, &name);
            files += 1;
        }
        assert_eq!(files, 14);
    }

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
    fn text_picks_language() {
        let name = &registry().level(1).expect("level 1").name;
        assert_eq!(name.get(crate::config::Language::Sv), "Måttlig");
        assert_eq!(name.get(crate::config::Language::En), "Moderate");
    }
}
