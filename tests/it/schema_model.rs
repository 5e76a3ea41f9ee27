//! The JSON Schemas (`schemas/`) and the typed model (`isms::model`) describe the same
//! records: the same fields, the same enum words. The schema checks structure, the model
//! gives it meaning; a field only one of them knows is either refused by the schema or
//! silently dropped by the model.

use std::collections::BTreeSet;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde_json::Value;

use isms::model::*;
use isms::registry;
use isms::schema;

/// What a type told the deserialiser about itself before it was stopped.
#[derive(Debug)]
enum Shape {
    Fields(&'static [&'static str]),
    Variants(&'static [&'static str]),
    Other(String),
}

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Shape::Fields(names) => write!(f, "fields {names:?}"),
            Shape::Variants(names) => write!(f, "variants {names:?}"),
            Shape::Other(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Shape {}

impl de::Error for Shape {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Shape::Other(msg.to_string())
    }
}

/// A deserialiser that holds no data: it records the field names a struct asks for (or the
/// variant names of an enum) and stops with them as its error.
struct ShapeOf;

impl<'de> Deserializer<'de> for ShapeOf {
    type Error = Shape;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Shape> {
        Err(Shape::Other("neither a struct nor an enum".into()))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Shape> {
        Err(Shape::Fields(fields))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Shape> {
        Err(Shape::Variants(variants))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map
        identifier ignored_any
    }
}

fn words(list: &[&str]) -> BTreeSet<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

/// The field names of a struct, as written in YAML (renames applied).
fn fields_of<'de, T: Deserialize<'de>>() -> BTreeSet<String> {
    match T::deserialize(ShapeOf) {
        Err(Shape::Fields(f)) => words(f),
        other => panic!(
            "{} is not a plain struct: {:?}",
            std::any::type_name::<T>(),
            other.err()
        ),
    }
}

/// The variant names of an enum, as written in YAML.
fn variants_of<'de, T: Deserialize<'de>>() -> BTreeSet<String> {
    match T::deserialize(ShapeOf) {
        Err(Shape::Variants(v)) => words(v),
        other => panic!(
            "{} is not an enum: {:?}",
            std::any::type_name::<T>(),
            other.err()
        ),
    }
}

fn schema_file(name: &str) -> Value {
    let text = schema::text(name).unwrap_or_else(|| panic!("no schema {name}"));
    serde_json::from_str(text).unwrap_or_else(|e| panic!("schema {name}: {e}"))
}

/// Follows `$ref` (into `common`) and picks the non-null branch of `anyOf`/`oneOf`.
fn resolve<'a>(mut node: &'a Value, common: &'a Value) -> &'a Value {
    for _ in 0..16 {
        if let Some(r) = node.get("$ref").and_then(Value::as_str) {
            let (file, pointer) = r.split_once('#').unwrap_or((r, ""));
            assert!(
                file.is_empty() || file == "urn:isms:schema:common",
                "unexpected $ref {r}"
            );
            node = common
                .pointer(pointer)
                .unwrap_or_else(|| panic!("dangling $ref {r}"));
            continue;
        }
        let branch = ["anyOf", "oneOf"].iter().find_map(|k| {
            let branches = node.get(*k)?.as_array()?;
            let useful: Vec<&Value> = branches
                .iter()
                .filter(|b| b.get("type").and_then(Value::as_str) != Some("null"))
                .collect();
            (useful.len() == 1).then(|| useful[0])
        });
        match branch {
            Some(b) => node = b,
            None => return node,
        }
    }
    panic!("$ref loop")
}

/// A schema node of a kind by path: property names, `[]` for the items of a list.
struct Schemas {
    common: Value,
}

impl Schemas {
    fn new() -> Schemas {
        Schemas {
            common: schema_file("common"),
        }
    }

    fn at(&self, root: &Value, path: &[&str]) -> Value {
        let mut node = resolve(root, &self.common);
        for seg in path {
            let next = if *seg == "[]" {
                node.get("items")
            } else if let Some(def) = seg.strip_prefix('#') {
                self.common.pointer(&format!("/$defs/{def}"))
            } else {
                node.get("properties").and_then(|p| p.get(*seg))
            };
            let next = next.unwrap_or_else(|| panic!("no schema node at {path:?}"));
            node = resolve(next, &self.common);
        }
        node.clone()
    }

    /// Property names of the object at `path` of schema `name`; a record's own `kind` is
    /// left out, as it picks the type rather than being one of its fields.
    fn properties(&self, name: &str, path: &[&str]) -> BTreeSet<String> {
        let node = self.at(&schema_file(name), path);
        let props = node
            .get("properties")
            .and_then(Value::as_object)
            .unwrap_or_else(|| panic!("{name} {path:?} has no properties"));
        props
            .keys()
            .filter(|k| !(path.is_empty() && *k == "kind"))
            .cloned()
            .collect()
    }

    /// The `enum` words of the value at `path` of schema `name`, without `null`.
    fn enumeration(&self, name: &str, path: &[&str]) -> BTreeSet<String> {
        let node = self.at(&schema_file(name), path);
        let list = node
            .get("enum")
            .and_then(Value::as_array)
            .unwrap_or_else(|| panic!("{name} {path:?} is not an enum: {node}"));
        list.iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect()
    }
}

/// Collects every difference, so one run shows them all.
#[derive(Default)]
struct Differences(Vec<String>);

impl Differences {
    fn compare(&mut self, what: &str, model: &BTreeSet<String>, schema: &BTreeSet<String>) {
        let only_model: Vec<&String> = model.difference(schema).collect();
        let only_schema: Vec<&String> = schema.difference(model).collect();
        if !only_model.is_empty() {
            self.0.push(format!(
                "{what}: in the model, not the schema: {only_model:?}"
            ));
        }
        if !only_schema.is_empty() {
            self.0.push(format!(
                "{what}: in the schema, not the model: {only_schema:?}"
            ));
        }
    }

    fn assert_none(self) {
        assert!(
            self.0.is_empty(),
            "schema and model disagree:\n  {}",
            self.0.join("\n  ")
        );
    }
}

#[test]
fn record_fields_agree() {
    let s = Schemas::new();
    let mut d = Differences::default();
    struct Fields<'a>(&'a Schemas, &'a mut Differences);
    impl KindVisitor for Fields<'_> {
        fn visit<T>(&mut self, kind: Kind)
        where
            T: Record + serde::de::DeserializeOwned + Into<AnyRecord> + 'static,
        {
            let schema = self.0.properties(kind.as_str(), &[]);
            self.1.compare(kind.as_str(), &fields_of::<T>(), &schema);
        }
    }
    visit_kinds(&mut Fields(&s, &mut d));
    d.assert_none();
}

#[test]
fn nested_fields_agree() {
    let s = Schemas::new();
    let mut d = Differences::default();
    let mut nested = |what: &str, model: BTreeSet<String>, kind: &str, path: &[&str]| {
        d.compare(what, &model, &s.properties(kind, path));
    };
    nested("Hosting", fields_of::<Hosting>(), "asset", &["hosting"]);
    nested(
        "Notification",
        fields_of::<Notification>(),
        "incident",
        &["notifications", "[]"],
    );
    nested("Goal", fields_of::<Goal>(), "plan", &["goals", "[]"]);
    nested(
        "TrainingResult",
        fields_of::<TrainingResult>(),
        "training",
        &["results", "[]"],
    );
    nested(
        "Exercise",
        fields_of::<Exercise>(),
        "continuity_plan",
        &["exercises", "[]"],
    );
    nested(
        "EvaluationFinding",
        fields_of::<EvaluationFinding>(),
        "evaluation",
        &["findings", "[]"],
    );
    nested("Roles", fields_of::<Roles>(), "organisation", &["roles"]);
    nested(
        "Council",
        fields_of::<Council>(),
        "organisation",
        &["council"],
    );
    nested(
        "Condition",
        fields_of::<Condition>(),
        "requirement",
        &["when"],
    );
    nested("Waiver", fields_of::<Waiver>(), "common", &["#waiver"]);
    for kind in Kind::ALL {
        nested(
            &format!("{kind} waivers"),
            fields_of::<Waiver>(),
            kind.as_str(),
            &["waivers", "[]"],
        );
    }
    d.assert_none();
}

#[test]
fn enum_words_agree() {
    let s = Schemas::new();
    let mut d = Differences::default();
    let mut words = |model: BTreeSet<String>, kind: &str, path: &[&str]| {
        let what = format!("{kind}.{}", path.join("."));
        d.compare(&what, &model, &s.enumeration(kind, path));
    };
    words(variants_of::<UnitType>(), "unit", &["type"]);
    words(variants_of::<PolicyType>(), "policy", &["type"]);
    words(variants_of::<PolicyStatus>(), "policy", &["status"]);
    words(variants_of::<Body>(), "policy", &["adopted_by"]);
    words(variants_of::<AssetType>(), "asset", &["type"]);
    words(variants_of::<AssetStatus>(), "asset", &["status"]);
    words(variants_of::<PersonalData>(), "asset", &["personal_data"]);
    words(
        variants_of::<HostingModel>(),
        "asset",
        &["hosting", "model"],
    );
    words(
        variants_of::<TransferSafeguard>(),
        "asset",
        &["hosting", "transfer_safeguard"],
    );
    words(variants_of::<Treatment>(), "risk", &["treatment"]);
    words(variants_of::<RiskStatus>(), "risk", &["status"]);
    words(variants_of::<MeasureScope>(), "measure", &["scope"]);
    words(variants_of::<MeasureStatus>(), "measure", &["status"]);
    words(
        variants_of::<PersonalData>(),
        "requirement",
        &["when", "personal_data", "[]"],
    );
    words(
        variants_of::<HostingModel>(),
        "requirement",
        &["when", "hosting_model", "[]"],
    );
    words(variants_of::<IncidentType>(), "incident", &["type"]);
    words(variants_of::<Rating>(), "incident", &["severity"]);
    words(variants_of::<IncidentStatus>(), "incident", &["status"]);
    words(
        variants_of::<Recipient>(),
        "incident",
        &["notifications", "[]", "to"],
    );
    words(
        variants_of::<NotificationKind>(),
        "incident",
        &["notifications", "[]", "kind"],
    );
    words(variants_of::<Body>(), "plan", &["decided_by"]);
    words(variants_of::<ActivityStatus>(), "activity", &["status"]);
    words(variants_of::<TrainingType>(), "training", &["type"]);
    words(
        variants_of::<ExerciseType>(),
        "continuity_plan",
        &["exercises", "[]", "type"],
    );
    words(
        variants_of::<ExerciseOutcome>(),
        "continuity_plan",
        &["exercises", "[]", "outcome"],
    );
    words(variants_of::<EvaluationType>(), "evaluation", &["type"]);
    words(variants_of::<Performer>(), "evaluation", &["performed_by"]);
    words(
        variants_of::<Rating>(),
        "evaluation",
        &["findings", "[]", "severity"],
    );
    words(
        variants_of::<FindingStatus>(),
        "evaluation",
        &["findings", "[]", "status"],
    );
    words(variants_of::<ReviewType>(), "review", &["type"]);
    words(variants_of::<Body>(), "review", &["presented_to"]);
    words(variants_of::<AuditFindingState>(), "finding", &["status"]);
    d.assert_none();
}

#[test]
fn kinds_agree() {
    let mut d = Differences::default();
    let schemas: BTreeSet<String> = schema::SCHEMAS
        .iter()
        .map(|(name, _)| (*name).to_owned())
        .filter(|name| name != "common")
        .collect();
    // What `kind:` deserialises from: every kind's name, and nothing else.
    let read: BTreeSet<String> = schemas
        .iter()
        .filter(|name| serde_json::from_value::<Kind>(Value::String((*name).clone())).is_ok())
        .cloned()
        .collect();
    d.compare("kinds", &read, &schemas);
    assert!(serde_json::from_value::<Kind>(Value::String("audit_finding".into())).is_err());
    let as_str: BTreeSet<String> = Kind::ALL.iter().map(|k| k.as_str().to_owned()).collect();
    d.compare("Kind::as_str", &as_str, &schemas);
    for kind in Kind::ALL {
        let file = schema_file(kind.as_str());
        assert_eq!(
            file.pointer("/properties/kind/const"),
            Some(&Value::from(kind.as_str())),
            "schemas/{kind}.schema.json must fix `kind` to `{kind}`"
        );
        assert_eq!(
            file.get("$id"),
            Some(&Value::from(format!("urn:isms:schema:{kind}"))),
        );
    }
    // Aspects are field names of a classification and of a requirement's `when`.
    let s = Schemas::new();
    let aspects = variants_of::<Aspect>();
    for (kind, path) in [("classification", &[][..]), ("requirement", &["when"][..])] {
        let props = s.properties(kind, path);
        let missing: Vec<&String> = aspects.difference(&props).collect();
        assert!(missing.is_empty(), "{kind} {path:?} lacks {missing:?}");
    }
    d.assert_none();
}

/// Names a schema uses in `required` or in its conditions (`if`/`then`/`anyOf`) are names
/// it declares in `properties`: a misspelt one would require a field no record can have.
#[test]
fn schemas_name_only_declared_fields() {
    fn check(node: &Value, declared: Option<&BTreeSet<String>>, at: &str, bad: &mut Vec<String>) {
        let Some(obj) = node.as_object() else {
            if let Some(list) = node.as_array() {
                for (i, item) in list.iter().enumerate() {
                    check(item, declared, &format!("{at}/{i}"), bad);
                }
            }
            return;
        };
        let own: Option<BTreeSet<String>> = obj
            .get("properties")
            .and_then(Value::as_object)
            .map(|p| p.keys().cloned().collect());
        // A subschema of a condition speaks of the properties of the object it sits in.
        let in_scope = own.as_ref().or(declared);
        let named = obj
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .chain(own.iter().flatten().map(String::as_str));
        for name in named {
            if let Some(scope) = declared.or(in_scope)
                && !scope.contains(name)
            {
                bad.push(format!("{at}: `{name}` is not a declared property"));
            }
        }
        for (key, child) in obj {
            match key.as_str() {
                "$defs" => {}
                "if" | "then" | "else" | "anyOf" | "allOf" | "oneOf" | "not" => {
                    check(child, in_scope, &format!("{at}/{key}"), bad);
                }
                "properties" => {
                    for (name, prop) in child.as_object().into_iter().flatten() {
                        check(prop, None, &format!("{at}/properties/{name}"), bad);
                    }
                }
                _ => check(child, None, &format!("{at}/{key}"), bad),
            }
        }
    }
    let mut bad = Vec::new();
    for (name, _) in schema::SCHEMAS {
        check(&schema_file(name), None, name, &mut bad);
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// Each kind's schema carries a copy of `common.schema.json` under `$defs.common`, so that an
/// editor given one file alone resolves every `$ref`; the copies must not drift.
#[test]
fn embedded_common_copies_are_current() {
    let common = schema_file("common");
    let mut stale = Vec::new();
    for kind in Kind::ALL {
        let file = schema_file(kind.as_str());
        if file.pointer("/$defs/common") != Some(&common) {
            stale.push(kind.as_str());
        }
    }
    assert!(
        stale.is_empty(),
        "$defs.common differs from common.schema.json in: {stale:?}"
    );
}

/// The files in `schemas/` are the ones compiled into the binary.
#[test]
fn schema_files_are_the_embedded_ones() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .expect("schemas/")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut embedded: Vec<String> = schema::SCHEMAS
        .iter()
        .map(|(n, _)| format!("{n}.schema.json"))
        .collect();
    embedded.sort();
    assert_eq!(on_disk, embedded);
}

/// Every record of the example passes its schema and deserialises into the model (the
/// loader does both), and the example as a whole validates.
#[test]
fn the_example_validates() {
    let root = crate::support::example_root();
    let session = isms::repo::session::Session::open(&root).expect("the example opens");
    let problems: Vec<String> = session
        .repo
        .problems
        .iter()
        .map(|p| format!("{p:?}"))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Every document of every file became a typed record.
    let mut documents = 0;
    for entry in walkdir::WalkDir::new(&root) {
        let entry = entry.expect("walk");
        let is_yaml = matches!(
            entry.path().extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        );
        if is_yaml {
            let text = std::fs::read_to_string(entry.path()).expect("read");
            documents += isms::source::yaml::parse(&text).documents.len();
        }
    }
    assert_eq!(session.repo.record_count(), documents);
    let typed: usize = isms::model::Kind::ALL
        .iter()
        .map(|k| session.repo.entries(*k).len())
        .sum();
    assert_eq!(typed, documents);
}

/// The registry's baseline requirements are valid `requirement` records, and its lists of
/// bodies, document types and aspects are the model's.
#[test]
fn registry_agrees_with_schema_and_model() {
    let r = registry::registry();
    for b in &r.baseline {
        let record = serde_json::json!({
            "kind": "requirement",
            "id": b.id,
            "when": b.when,
            "requires": b.requires,
        });
        let errors = schema::validate(Kind::Requirement, &record);
        assert!(errors.is_empty(), "baseline {}: {errors:?}", b.id);
        // JSON text is YAML: read it as the loader reads a record file.
        let text = record.to_string();
        let parsed = isms::source::yaml::parse(&text);
        let tree = &parsed.documents[0].tree;
        assert!(schema::validate_tree(Kind::Requirement, tree).is_empty());
        isms::load::typed_record(Kind::Requirement, tree.root())
            .unwrap_or_else(|e| panic!("baseline {}: {e:?}", b.id));
    }
    let mut d = Differences::default();
    let ids = |list: Vec<&String>| list.into_iter().cloned().collect::<BTreeSet<String>>();
    d.compare(
        "registry bodies",
        &variants_of::<Body>(),
        &ids(r.bodies.iter().map(|b| &b.id).collect()),
    );
    d.compare(
        "registry document types",
        &variants_of::<PolicyType>(),
        &ids(r.document_types.iter().map(|t| &t.id).collect()),
    );
    d.compare(
        "registry aspects",
        &variants_of::<Aspect>(),
        &ids(r.aspects.iter().map(|a| &a.id).collect()),
    );
    d.assert_none();
}

/// The capture deserialiser itself: it must see renames and fail loudly on other shapes.
#[test]
fn shape_capture_sees_renames() {
    let asset = fields_of::<Asset>();
    assert!(asset.contains("type") && !asset.contains("asset_type"));
    assert!(asset.contains("id") && asset.contains("waivers"));
    assert!(!asset.contains("kind"));
    assert!(variants_of::<Recipient>().contains("cert_se"));
    assert!(matches!(String::deserialize(ShapeOf), Err(Shape::Other(_))));
}
