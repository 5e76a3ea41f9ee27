//! Catalogues of controls (ISO/IEC 27001:2022 annex A, NIS2 art. 21(2)), the map from the
//! evidence records hold to the controls it counts for, and the cybersecurity law's duties as
//! data: what the statement of applicability, the NIS rules and SUP004 read.

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::Text;
use super::legal::AuthorityChange;
use crate::util::suggest::closest;

/// A catalogue of controls, built in (`registry/frameworks/`) or, later, from an
/// organisation's own `framework` record: every field is owned, so a record can be turned
/// into one.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    /// How references name it: `iso27001-2022` in `iso27001-2022:A.5.22`.
    pub id: String,
    pub name: Text,
    /// Where the catalogue comes from, with its date.
    pub source: String,
    /// When the source was published; a user's own catalogue may not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    /// The groups, in catalogue order; every control's `group` is one of them.
    pub groups: Vec<ControlGroup>,
    /// The controls, in catalogue order.
    pub controls: Vec<Control>,
}

/// A group of controls (ISO/IEC 27001 annex A's four themes, `A.5` ... `A.8`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ControlGroup {
    pub id: String,
    pub name: Text,
}

/// One control of a catalogue. Built-in labels are short and written for isms, never a
/// standard's copyrighted text.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Control {
    pub id: String,
    /// The id of its group in the framework.
    pub group: String,
    pub label: Text,
}

impl Framework {
    /// The control with this id (exact: `A.5.22`, not `a.5.22`).
    #[must_use]
    pub fn control(&self, id: &str) -> Option<&Control> {
        self.controls.iter().find(|c| c.id == id)
    }

    /// The control with this id, or what was likely meant.
    ///
    /// # Errors
    ///
    /// [`UnresolvedControl::UnknownControl`] when the framework has no such control.
    pub fn find_control(&self, id: &str) -> Result<&Control, UnresolvedControl> {
        self.control(id)
            .ok_or_else(|| UnresolvedControl::UnknownControl {
                framework: self.id.clone(),
                control: id.to_owned(),
                suggestion: closest(id, self.controls.iter().map(|c| c.id.as_str()))
                    .map(str::to_owned),
            })
    }

    /// The group with this id.
    #[must_use]
    pub fn group(&self, id: &str) -> Option<&ControlGroup> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// The controls of a group, in catalogue order.
    pub fn controls_in<'a>(&'a self, group: &'a str) -> impl Iterator<Item = &'a Control> + 'a {
        self.controls.iter().filter(move |c| c.group == group)
    }

    /// Lists a group, named by its id, for every group a control names that the framework
    /// does not list, in order of first use: a `framework` record names groups on its
    /// controls only.
    pub fn add_missing_groups(&mut self) {
        for control in &self.controls {
            if !self.groups.iter().any(|g| g.id == control.group) {
                self.groups.push(ControlGroup {
                    id: control.group.clone(),
                    name: Text {
                        sv: control.group.clone(),
                        en: control.group.clone(),
                    },
                });
            }
        }
    }
}

/// A reference to a control as records and the control map write it:
/// `FRAMEWORK:CONTROL`, e.g. `iso27001-2022:A.5.22`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ControlRef<'a> {
    pub framework: &'a str,
    pub control: &'a str,
}

impl<'a> ControlRef<'a> {
    /// The reference in `text`, or `None` unless it is exactly one framework id, a colon and
    /// one control id, neither empty nor holding white space.
    #[must_use]
    pub fn parse(text: &'a str) -> Option<Self> {
        let (framework, control) = text.split_once(':')?;
        let part = |s: &str| !s.is_empty() && !s.contains(':') && !s.contains(char::is_whitespace);
        (part(framework) && part(control)).then_some(Self { framework, control })
    }
}

impl fmt::Display for ControlRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.framework, self.control)
    }
}

/// A control reference that names no known control, with the id likely meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnresolvedControl {
    UnknownFramework {
        framework: String,
        suggestion: Option<String>,
    },
    UnknownControl {
        framework: String,
        control: String,
        suggestion: Option<String>,
    },
}

impl UnresolvedControl {
    /// The id likely meant: a framework id or a control id, as the error says.
    #[must_use]
    pub fn suggestion(&self) -> Option<&str> {
        match self {
            Self::UnknownFramework { suggestion, .. } | Self::UnknownControl { suggestion, .. } => {
                suggestion.as_deref()
            }
        }
    }
}

impl fmt::Display for UnresolvedControl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownFramework { framework, .. } => {
                write!(f, "unknown framework `{framework}`")?
            }
            Self::UnknownControl {
                framework, control, ..
            } => write!(f, "`{framework}` has no control `{control}`")?,
        }
        match self.suggestion() {
            Some(s) => write!(f, "; did you mean `{s}`?"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for UnresolvedControl {}

/// The framework and control a reference names, among `frameworks` (the built-in ones, or
/// those with an organisation's own catalogues added).
///
/// # Errors
///
/// When the framework or the control is unknown, with the closest id as a suggestion.
pub fn resolve<'f>(
    frameworks: &'f [Framework],
    reference: ControlRef<'_>,
) -> Result<(&'f Framework, &'f Control), UnresolvedControl> {
    let framework = frameworks
        .iter()
        .find(|f| f.id == reference.framework)
        .ok_or_else(|| UnresolvedControl::UnknownFramework {
            framework: reference.framework.to_owned(),
            suggestion: closest(
                reference.framework,
                frameworks.iter().map(|f| f.id.as_str()),
            )
            .map(str::to_owned),
        })?;
    Ok((framework, framework.find_control(reference.control)?))
}

/// Which controls each kind of evidence counts for (`registry/control_map.toml`). Every
/// entry is a `FRAMEWORK:CONTROL` reference that resolves against the built-in catalogues.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ControlMap {
    /// By capability that a measure provides.
    pub capabilities: Vec<CapabilityControls>,
    /// By topic of an adopted steering document.
    pub topics: Vec<TopicControls>,
    pub evidence: EvidenceControls,
}

/// The controls a capability counts for.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CapabilityControls {
    pub capability: String,
    pub controls: Vec<String>,
}

/// The controls an adopted steering document on a topic counts for.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TopicControls {
    pub topic: String,
    pub controls: Vec<String>,
}

/// The controls each kind of non-technical evidence counts for, by fixed mapping.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceControls {
    /// A continuity plan exercised in the last 12 months.
    pub continuity_exercised: Vec<String>,
    /// A training campaign.
    pub training: Vec<String>,
    /// An evaluation (penetration test, vulnerability scan, audit).
    pub evaluation: Vec<String>,
    /// A supplier record.
    pub supplier: Vec<String>,
    /// A classification of an asset.
    pub classification: Vec<String>,
    /// The asset inventory.
    pub asset_inventory: Vec<String>,
    /// An adopted information security policy, whatever its topics.
    pub information_security_policy: Vec<String>,
}

/// A kind of non-technical evidence of [`EvidenceControls`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Evidence {
    ContinuityExercised,
    Training,
    Evaluation,
    Supplier,
    Classification,
    AssetInventory,
    InformationSecurityPolicy,
}

impl Evidence {
    pub const ALL: [Evidence; 7] = [
        Evidence::ContinuityExercised,
        Evidence::Training,
        Evidence::Evaluation,
        Evidence::Supplier,
        Evidence::Classification,
        Evidence::AssetInventory,
        Evidence::InformationSecurityPolicy,
    ];

    /// Its key in `control_map.toml`'s `[evidence]`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Evidence::ContinuityExercised => "continuity_exercised",
            Evidence::Training => "training",
            Evidence::Evaluation => "evaluation",
            Evidence::Supplier => "supplier",
            Evidence::Classification => "classification",
            Evidence::AssetInventory => "asset_inventory",
            Evidence::InformationSecurityPolicy => "information_security_policy",
        }
    }
}

impl ControlMap {
    /// The controls a capability counts for; none for a word the registry does not map
    /// (organisations may use capabilities of their own).
    #[must_use]
    pub fn for_capability(&self, capability: &str) -> &[String] {
        self.capabilities
            .iter()
            .find(|c| c.capability == capability)
            .map_or(&[], |c| &c.controls)
    }

    /// The controls an adopted steering document on `topic` counts for; none for a topic of
    /// the organisation's own.
    #[must_use]
    pub fn for_topic(&self, topic: &str) -> &[String] {
        self.topics
            .iter()
            .find(|t| t.topic == topic)
            .map_or(&[], |t| &t.controls)
    }

    /// The controls a kind of non-technical evidence counts for.
    #[must_use]
    pub fn for_evidence(&self, evidence: Evidence) -> &[String] {
        let e = &self.evidence;
        match evidence {
            Evidence::ContinuityExercised => &e.continuity_exercised,
            Evidence::Training => &e.training,
            Evidence::Evaluation => &e.evaluation,
            Evidence::Supplier => &e.supplier,
            Evidence::Classification => &e.classification,
            Evidence::AssetInventory => &e.asset_inventory,
            Evidence::InformationSecurityPolicy => &e.information_security_policy,
        }
    }

    /// Every reference in the map, in file order (a reference listed under several keys comes
    /// once for each).
    pub fn references(&self) -> impl Iterator<Item = &str> {
        let capabilities = self.capabilities.iter().flat_map(|c| &c.controls);
        let topics = self.topics.iter().flat_map(|t| &t.controls);
        let evidence = Evidence::ALL.into_iter().flat_map(|e| self.for_evidence(e));
        capabilities
            .chain(topics)
            .chain(evidence)
            .map(String::as_str)
    }
}

/// The cybersecurity law (cybersäkerhetslagen 2025:1506, the Swedish NIS2) as data
/// (`registry/cybersecurity.toml`). Its incident reporting deadlines are the regime
/// [`CybersecurityLaw::reporting_regime`] of `registry/regimes.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CybersecurityLaw {
    pub id: String,
    pub name: Text,
    /// The law's title with its SFS number.
    pub law: String,
    pub sfs: String,
    /// The government's ordinance that completes the law.
    pub ordinance: String,
    pub ordinance_sfs: String,
    /// The EU act it implements.
    pub implements: String,
    /// In force from (inclusive).
    pub from: Date,
    /// Last day in force (inclusive); `None` = still in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
    pub source: String,
    /// The id of the incident reporting regime in `regimes.toml` that the law brings.
    pub reporting_regime: String,
    /// The shortest reporting deadline a covered entity must meet, in hours (the early
    /// warning: 24); a critical supplier should notify the organisation within it (SUP004).
    pub shortest_deadline_hours: u16,
    /// The kinds of organisation isms is for that the law covers whatever their size.
    pub applies_to: Vec<CoveredOrganisation>,
    /// Essential and important entities, the organisation record's `entity_class`.
    pub entity_classes: Vec<EntityClass>,
    pub registration: Registration,
    /// What the management body must do (NIS2 art. 20).
    pub management_body: Vec<ManagementDuty>,
}

/// A kind of organisation the law covers.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CoveredOrganisation {
    pub id: String,
    pub name: Text,
}

/// An entity class of the law (väsentlig / viktig verksamhetsutövare).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EntityClass {
    pub id: String,
    pub name: Text,
    /// How the supervisory authority supervises the class.
    pub supervision: Text,
    pub law: String,
}

/// The duty to register with the single point of contact (anmälan).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Registration {
    pub law: String,
    pub duty: Text,
    /// Whom the registration goes to, as an id (`mcf`).
    pub authority: String,
    /// By when an entity covered when the law took effect registers; `None` when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Date>,
    /// The deadline or the authority is not certain: check before relying on it, and let
    /// `isms.toml` (`[cybersecurity] registration_deadline`) override the date.
    #[serde(default)]
    pub uncertain: bool,
    /// Why it is uncertain, for the reader.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    pub source: String,
    /// `primary` or `secondary`: whether the facts rest on the legal text itself.
    pub source_quality: String,
    /// From when another authority receives registrations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authorities: Vec<AuthorityChange>,
}

impl Registration {
    /// The authority that receives registrations on `date`.
    #[must_use]
    pub fn authority_on(&self, date: Date) -> &str {
        super::legal::authority_on(&self.authority, &self.authorities, date)
    }
}

/// One duty of the management body (ledningsorgan).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ManagementDuty {
    pub id: String,
    pub duty: Text,
    pub law: String,
}

impl CybersecurityLaw {
    /// Whether the law applies on `date` (both ends inclusive).
    #[must_use]
    pub fn in_force_on(&self, date: Date) -> bool {
        self.from <= date && self.until.is_none_or(|end| date <= end)
    }

    /// By when an entity covered when the law took effect registers, as the registry has it
    /// (see [`Registration::uncertain`]).
    #[must_use]
    pub fn registration_deadline(&self) -> Option<Date> {
        self.registration.deadline
    }

    /// Whether the registration deadline or authority is uncertain.
    #[must_use]
    pub fn registration_uncertain(&self) -> bool {
        self.registration.uncertain
    }

    /// The entity class with this id (`essential`, `important`).
    #[must_use]
    pub fn entity_class(&self, id: &str) -> Option<&EntityClass> {
        self.entity_classes.iter().find(|c| c.id == id)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use jiff::civil::date;

    use super::*;
    use crate::registry::{NotificationStage, registry};

    const ISO: &str = "iso27001-2022";
    const NIS2: &str = "nis2-art21";

    fn framework(id: &str) -> &'static Framework {
        registry()
            .framework(id)
            .unwrap_or_else(|| panic!("framework {id}"))
    }

    #[test]
    fn iso27001_has_93_controls_in_order_in_four_groups() {
        let iso = framework(ISO);
        let groups = [("A.5", 37), ("A.6", 8), ("A.7", 14), ("A.8", 34)];
        let expected: Vec<(String, &str)> = groups
            .iter()
            .flat_map(|&(g, n)| (1..=n).map(move |i| (format!("{g}.{i}"), g)))
            .collect();
        let actual: Vec<(String, &str)> = iso
            .controls
            .iter()
            .map(|c| (c.id.clone(), c.group.as_str()))
            .collect();
        assert_eq!(actual, expected);
        assert_eq!(iso.controls.len(), 93);
        let ids: Vec<&str> = iso.groups.iter().map(|g| g.id.as_str()).collect();
        assert_eq!(ids, ["A.5", "A.6", "A.7", "A.8"]);
        for (g, n) in groups {
            assert_eq!(iso.controls_in(g).count(), n, "{g}");
        }
        assert_eq!(iso.published, Some(date(2022, 10, 25)));
    }

    #[test]
    fn nis2_has_the_ten_measures_a_to_j() {
        let nis2 = framework(NIS2);
        let ids: Vec<&str> = nis2.controls.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]);
        assert_eq!(nis2.groups.len(), 1);
        assert!(nis2.controls.iter().all(|c| c.group == nis2.groups[0].id));
        assert!(nis2.source.contains("2022/2555") && nis2.source.contains("2025:1506"));
    }

    /// Labels identify a control in a few words of our own: not empty, 2–8 words, starting
    /// with a capital, and no two alike within a framework in either language.
    #[test]
    fn labels_are_short_distinct_and_in_both_languages() {
        let r = registry();
        assert_eq!(r.frameworks.len(), 2);
        let mut framework_ids = HashSet::new();
        for f in &r.frameworks {
            assert!(framework_ids.insert(f.id.as_str()), "{} twice", f.id);
            assert!(
                !f.source.trim().is_empty() && f.published.is_some(),
                "{}",
                f.id
            );
            for group in &f.groups {
                assert!(!group.name.sv.is_empty() && !group.name.en.is_empty());
            }
            let mut ids = HashSet::new();
            let mut sv = HashSet::new();
            let mut en = HashSet::new();
            for c in &f.controls {
                assert!(ids.insert(&c.id), "{}:{} twice", f.id, c.id);
                assert!(f.group(&c.group).is_some(), "{}:{} group", f.id, c.id);
                for label in [&c.label.sv, &c.label.en] {
                    let words = label.split_whitespace().count();
                    assert!(
                        (2..=8).contains(&words),
                        "{}:{} has {words} words: {label}",
                        f.id,
                        c.id
                    );
                    assert!(
                        label.starts_with(char::is_uppercase) && label.trim() == label,
                        "{}:{}: {label}",
                        f.id,
                        c.id
                    );
                }
                assert!(
                    sv.insert(c.label.sv.to_lowercase()),
                    "{}: {}",
                    f.id,
                    c.label.sv
                );
                assert!(
                    en.insert(c.label.en.to_lowercase()),
                    "{}: {}",
                    f.id,
                    c.label.en
                );
            }
        }
    }

    /// Every file of `registry/frameworks/` is embedded, under the id its name says.
    #[test]
    fn every_framework_file_is_embedded_under_its_name() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/registry/frameworks");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .map(|p| p.file_stem().unwrap().to_str().unwrap().to_owned())
            .collect();
        files.sort();
        let mut ids: Vec<&str> = registry()
            .frameworks
            .iter()
            .map(|f| f.id.as_str())
            .collect();
        ids.sort_unstable();
        assert_eq!(files, ids);
    }

    #[test]
    fn control_refs_parse_only_in_full() {
        assert_eq!(
            ControlRef::parse("iso27001-2022:A.5.22"),
            Some(ControlRef {
                framework: "iso27001-2022",
                control: "A.5.22"
            })
        );
        assert_eq!(
            ControlRef::parse("nis2-art21:d").map(|r| r.to_string()),
            Some("nis2-art21:d".to_owned())
        );
        for bad in [
            "A.5.22",
            "x:",
            ":y",
            ":",
            "",
            "a:b:c",
            "iso27001-2022: A.5.22",
            " x:y",
        ] {
            assert_eq!(ControlRef::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn references_resolve_or_say_what_was_meant() {
        let r = registry();
        let reference = ControlRef::parse("iso27001-2022:A.5.23").unwrap();
        let (f, c) = r.resolve_control(reference).expect("resolves");
        assert_eq!((f.id.as_str(), c.id.as_str()), (ISO, "A.5.23"));
        assert_eq!(c.label.en, "Security of cloud services use");

        let unknown = r
            .resolve_control(ControlRef::parse("iso27001:A.5.23").unwrap())
            .unwrap_err();
        assert_eq!(
            unknown,
            UnresolvedControl::UnknownFramework {
                framework: "iso27001".to_owned(),
                suggestion: Some(ISO.to_owned()),
            }
        );
        assert_eq!(
            unknown.to_string(),
            "unknown framework `iso27001`; did you mean `iso27001-2022`?"
        );

        let typo = r
            .resolve_control(ControlRef::parse("iso27001-2022:A.5.222").unwrap())
            .unwrap_err();
        assert_eq!(typo.suggestion(), Some("A.5.22"));
        assert!(matches!(typo, UnresolvedControl::UnknownControl { .. }));
        let beyond = r
            .resolve_control(ControlRef::parse("nis2-art21:k").unwrap())
            .unwrap_err();
        assert!(
            matches!(&beyond, UnresolvedControl::UnknownControl { control, .. } if control == "k")
        );
        assert!(framework(ISO).find_control("A.9.1").is_err());
    }

    #[test]
    fn every_reference_in_the_control_map_resolves_once_per_list() {
        let r = registry();
        let mut count = 0;
        for reference in r.control_map.references() {
            let parsed = ControlRef::parse(reference)
                .unwrap_or_else(|| panic!("`{reference}` is not FRAMEWORK:CONTROL"));
            if let Err(err) = r.resolve_control(parsed) {
                panic!("{reference}: {err}");
            }
            count += 1;
        }
        assert!(count > 50);
        let map = &r.control_map;
        let lists = map
            .capabilities
            .iter()
            .map(|c| (c.capability.as_str(), c.controls.as_slice()))
            .chain(
                map.topics
                    .iter()
                    .map(|t| (t.topic.as_str(), t.controls.as_slice())),
            )
            .chain(Evidence::ALL.map(|e| (e.as_str(), map.for_evidence(e))));
        for (key, controls) in lists {
            let unique: HashSet<&String> = controls.iter().collect();
            assert_eq!(unique.len(), controls.len(), "{key} lists a control twice");
            assert!(!controls.is_empty(), "{key}");
        }
    }

    fn frameworks_of(controls: &[String]) -> HashSet<&str> {
        controls
            .iter()
            .filter_map(|c| ControlRef::parse(c))
            .map(|r| r.framework)
            .collect()
    }

    /// Every capability maps to a control of each built-in framework, and the map names no
    /// capability the registry does not know.
    #[test]
    fn every_capability_maps_to_both_frameworks() {
        let r = registry();
        for capability in &r.capabilities {
            let controls = r.control_map.for_capability(&capability.id);
            let frameworks = frameworks_of(controls);
            for f in [ISO, NIS2] {
                assert!(
                    frameworks.contains(f),
                    "{} maps to no {f} control",
                    capability.id
                );
            }
        }
        let mut seen = HashSet::new();
        for entry in &r.control_map.capabilities {
            assert!(
                r.capability(&entry.capability).is_some(),
                "{}",
                entry.capability
            );
            assert!(seen.insert(&entry.capability), "{} twice", entry.capability);
        }
    }

    /// Every topic of the vocabulary is mapped; the topics that leave a framework out are the
    /// ones `control_map.toml` explains.
    #[test]
    fn every_topic_is_mapped() {
        let r = registry();
        let mut without_iso = Vec::new();
        let mut without_nis2 = Vec::new();
        for topic in &r.vocabularies.topics {
            let controls = r.control_map.for_topic(&topic.id);
            assert!(!controls.is_empty(), "topic {} is not mapped", topic.id);
            let frameworks = frameworks_of(controls);
            if !frameworks.contains(ISO) {
                without_iso.push(topic.id.as_str());
            }
            if !frameworks.contains(NIS2) {
                without_nis2.push(topic.id.as_str());
            }
        }
        assert_eq!(without_iso, ["risk_management"]);
        assert_eq!(without_nis2, ["data_protection", "physical_security"]);
        let mut seen = HashSet::new();
        for entry in &r.control_map.topics {
            assert!(
                r.vocabularies.topics.iter().any(|t| t.id == entry.topic),
                "{}",
                entry.topic
            );
            assert!(seen.insert(&entry.topic), "{} twice", entry.topic);
        }
        assert!(r.control_map.for_topic("our_own_topic").is_empty());
        assert!(
            r.control_map
                .for_capability("our_own_capability")
                .is_empty()
        );
    }

    /// The mappings the specification fixes, exactly.
    #[test]
    fn the_specifications_examples_map_exactly() {
        let map = &registry().control_map;
        let cases: [(&[String], &[&str]); 10] = [
            (
                map.for_capability("mfa"),
                &["iso27001-2022:A.8.5", "nis2-art21:j"],
            ),
            (
                map.for_capability("backup"),
                &["iso27001-2022:A.8.13", "nis2-art21:c"],
            ),
            (
                map.for_capability("data_processing_agreement"),
                &["iso27001-2022:A.5.20", "nis2-art21:d"],
            ),
            (
                map.for_topic("incident_management"),
                &[
                    "iso27001-2022:A.5.24",
                    "iso27001-2022:A.5.25",
                    "iso27001-2022:A.5.26",
                    "nis2-art21:b",
                ],
            ),
            (
                map.for_evidence(Evidence::ContinuityExercised),
                &[
                    "iso27001-2022:A.5.29",
                    "iso27001-2022:A.5.30",
                    "nis2-art21:c",
                ],
            ),
            (
                map.for_evidence(Evidence::Training),
                &["iso27001-2022:A.6.3", "nis2-art21:g"],
            ),
            (
                map.for_evidence(Evidence::Evaluation),
                &["iso27001-2022:A.8.8", "nis2-art21:f"],
            ),
            (
                map.for_evidence(Evidence::Supplier),
                &[
                    "iso27001-2022:A.5.19",
                    "iso27001-2022:A.5.20",
                    "iso27001-2022:A.5.21",
                    "iso27001-2022:A.5.22",
                    "nis2-art21:d",
                ],
            ),
            (
                map.for_evidence(Evidence::Classification),
                &["iso27001-2022:A.5.12"],
            ),
            (
                map.for_evidence(Evidence::AssetInventory),
                &["iso27001-2022:A.5.9"],
            ),
        ];
        for (actual, expected) in cases {
            assert_eq!(actual, expected);
        }
    }

    #[test]
    fn user_catalogue_gets_groups_from_its_controls() {
        let label = |s: &str| Text {
            sv: s.to_owned(),
            en: s.to_owned(),
        };
        let mut own = Framework {
            id: "klassa".to_owned(),
            name: label("KLASSA"),
            source: "SKR".to_owned(),
            published: None,
            groups: vec![],
            controls: ["K1", "K2", "S1"]
                .iter()
                .map(|id| Control {
                    id: (*id).to_owned(),
                    group: id[..1].to_owned(),
                    label: label(id),
                })
                .collect(),
        };
        own.add_missing_groups();
        let groups: Vec<&str> = own.groups.iter().map(|g| g.id.as_str()).collect();
        assert_eq!(groups, ["K", "S"]);
        assert_eq!(own.controls_in("K").count(), 2);
        let frameworks = [own];
        let reference = ControlRef::parse("klassa:S1").unwrap();
        assert!(resolve(&frameworks, reference).is_ok());
    }

    #[test]
    fn cybersecurity_law_dates_and_registration() {
        let law = &registry().cybersecurity;
        assert_eq!(
            (law.sfs.as_str(), law.ordinance_sfs.as_str()),
            ("2025:1506", "2025:1507")
        );
        assert!(!law.in_force_on(date(2026, 1, 14)));
        assert!(law.in_force_on(date(2026, 1, 15)));
        assert!(law.in_force_on(date(2030, 1, 1)));
        let applies: Vec<&str> = law.applies_to.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(applies, ["municipality", "region", "municipal_federation"]);
        let classes: Vec<&str> = law.entity_classes.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(classes, ["essential", "important"]);
        assert_eq!(
            law.entity_class("important").map(|c| c.name.sv.as_str()),
            Some("Viktig verksamhetsutövare")
        );

        let registration = &law.registration;
        assert_eq!(law.registration_deadline(), Some(date(2026, 2, 16)));
        assert!(law.registration_uncertain());
        // An uncertain fact says why, and rests on secondary sources.
        assert!(registration.note.is_some());
        assert_eq!(registration.source_quality, "secondary");
        assert!(registration.deadline.is_some_and(|d| law.in_force_on(d)));
        assert_eq!(registration.authority_on(date(2026, 2, 1)), "mcf");
        assert_eq!(registration.authority_on(date(2026, 7, 1)), "ncsc");
        for change in &registration.authorities {
            assert!(["primary", "secondary"].contains(&change.source_quality.as_str()));
        }
        let duties: Vec<&str> = law.management_body.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(duties, ["approve_measures", "training"]);
    }

    /// The shortest deadline is the reporting regime's own, which comes into force with the
    /// law: the two files cannot drift apart.
    #[test]
    fn shortest_deadline_is_the_regimes_early_warning() {
        let r = registry();
        let law = &r.cybersecurity;
        let regime = r
            .regimes
            .iter()
            .find(|x| x.id == law.reporting_regime)
            .expect("the law's reporting regime");
        assert_eq!(regime.from, law.from);
        let shortest = regime.deadlines.iter().filter_map(|d| d.hours).min();
        assert_eq!(Some(law.shortest_deadline_hours), shortest);
        assert_eq!(
            regime
                .deadline(NotificationStage::EarlyWarning)
                .and_then(|d| d.hours),
            Some(24)
        );
        assert_eq!(law.shortest_deadline_hours, 24);
    }
}
