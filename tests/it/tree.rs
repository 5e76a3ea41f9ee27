//! The document tree the loader validates and types records from agrees with the
//! `serde_json::Value` path it replaced: same schema verdicts, same typed records, on
//! every record file of the examples and the rule fixtures (valid and broken alike).

use std::path::{Path, PathBuf};

use isms::model::*;
use isms::schema;
use isms::source::tree::{Tree, TreeJson};
use serde_json::Value;

/// The record as `serde_json` types it from the value, empty fields removed: the path the
/// tree replaced, kept here as the reference.
fn via_value(kind: Kind, value: Value) -> Result<String, String> {
    fn without_nulls(value: Value) -> Value {
        match value {
            Value::Object(map) => Value::Object(
                map.into_iter()
                    .filter(|(_, v)| !v.is_null())
                    .map(|(k, v)| (k, without_nulls(v)))
                    .collect(),
            ),
            Value::Array(items) => Value::Array(items.into_iter().map(without_nulls).collect()),
            other => other,
        }
    }
    let v = without_nulls(value);
    // The kind's model type, through the table of kinds.
    struct Typed {
        kind: Kind,
        value: Option<Value>,
        out: Option<Result<String, String>>,
    }
    impl KindVisitor for Typed {
        fn visit<T>(&mut self, kind: Kind)
        where
            T: Record + serde::de::DeserializeOwned + Into<AnyRecord> + 'static,
        {
            if kind == self.kind
                && let Some(v) = self.value.take()
            {
                self.out = Some(
                    serde_json::from_value::<T>(v)
                        .map(|r| format!("{:?}", r.into()))
                        .map_err(|e| e.to_string()),
                );
            }
        }
    }
    let mut typed = Typed {
        kind,
        value: Some(v),
        out: None,
    };
    visit_kinds(&mut typed);
    typed.out.expect("every kind is in the table")
}

fn yaml_files(root: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
        .collect()
}

/// Calls `f` with every record document of `files`: its kind, tree and value.
fn each_record(files: Vec<PathBuf>, mut f: impl FnMut(&Path, Kind, &Tree<'_>, Value)) {
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        for doc in isms::source::yaml::parse(&text).documents {
            let value = doc.tree.to_value();
            let kind = value
                .get("kind")
                .and_then(Value::as_str)
                .and_then(Kind::parse);
            if let Some(kind) = kind {
                f(&path, kind, &doc.tree, value);
            }
        }
    }
}

/// Both paths give the same schema verdict on a document and, when it passes, the same
/// typed record; returns the verdict. `what` names the document in a failure.
fn compare(kind: Kind, tree: &Tree<'_>, value: &Value, what: &str) -> bool {
    let by_tree = schema::tree_validator(kind).is_valid(tree.root());
    let by_value = schema::validator(kind).is_valid(value);
    assert_eq!(by_tree, by_value, "{what}: schema verdicts differ");
    if by_tree {
        let typed = isms::load::typed_record(kind, tree.root())
            .map(|r| format!("{r:?}"))
            .map_err(|(_, message)| message);
        assert_eq!(
            typed,
            via_value(kind, value.clone()),
            "{what}: typed records differ"
        );
    }
    by_tree
}

#[test]
fn tree_and_value_agree_on_every_record_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = yaml_files(&root.join("examples"));
    files.extend(yaml_files(&root.join("tests/fixtures")));
    let (mut valid, mut invalid) = (0, 0);
    each_record(files, |path, kind, tree, value| {
        match compare(kind, tree, &value, &path.display().to_string()) {
            true => valid += 1,
            false => invalid += 1,
        }
    });
    assert!(valid > 300, "{valid} valid, {invalid} invalid");
}

/// Compares the two paths on one document given as JSON (which is YAML).
fn agree(kind: Kind, value: &Value) -> bool {
    let text = value.to_string();
    let parsed = isms::source::yaml::parse(&text);
    let tree = &parsed.documents[0].tree;
    assert_eq!(&tree.to_value(), value, "JSON read as YAML: {text}");
    compare(kind, tree, value, &text)
}

/// Every example record with each field in turn replaced by a value of another shape, and
/// with a field added: both paths take or refuse each the same way.
#[test]
fn tree_and_value_agree_on_broken_records() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let replacements = [
        serde_json::json!(null),
        serde_json::json!(7),
        serde_json::json!(-1.5),
        serde_json::json!("x"),
        serde_json::json!("2026-02-30"),
        serde_json::json!(true),
        serde_json::json!(["a", 1]),
        serde_json::json!({"k": "v"}),
    ];
    let (mut valid, mut invalid) = (0, 0);
    each_record(
        yaml_files(&root.join("examples/sjobacka")),
        |_, kind, _, value| {
            let Some(map) = value.as_object() else {
                return;
            };
            for field in map.keys().filter(|k| *k != "kind") {
                for r in &replacements {
                    let mut broken = value.clone();
                    broken[field.as_str()] = r.clone();
                    match agree(kind, &broken) {
                        true => valid += 1,
                        false => invalid += 1,
                    }
                }
            }
            let mut extra = value.clone();
            extra["ownr"] = serde_json::json!("x");
            assert!(!agree(kind, &extra));
        },
    );
    assert!(
        valid > 100 && invalid > 1000,
        "{valid} valid, {invalid} invalid"
    );
}

#[test]
fn tree_keeps_the_last_of_duplicate_keys_in_the_first_place() {
    let parsed = isms::source::yaml::parse("a: 1\nb: 2\na: 3\n");
    assert_eq!(parsed.warnings.len(), 1);
    let value = parsed.documents[0].tree.to_value();
    assert_eq!(value, serde_json::json!({"a": 3, "b": 2}));
    let keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["a", "b"]);
}

#[test]
fn tree_finds_duplicates_in_large_mappings() {
    let mut text: String = (0..40).map(|i| format!("k{i}: {i}\n")).collect();
    text.push_str("k3: x\nk39: y\n");
    let parsed = isms::source::yaml::parse(&text);
    assert_eq!(parsed.warnings.len(), 2);
    let value = parsed.documents[0].tree.to_value();
    assert_eq!(value["k3"], "x");
    assert_eq!(value["k39"], "y");
    assert_eq!(value.as_object().unwrap().len(), 40);
}

#[test]
fn tree_resolves_scalars_and_keys_as_json() {
    let text = "s: text\ni: -3\nf: 0.5\nb: true\nn: ~\nq: '12'\n1: one\ntrue: yes\nl: [1, a]\n";
    let value = isms::source::yaml::parse(text).documents[0].tree.to_value();
    assert_eq!(
        value,
        serde_json::json!({
            "s": "text", "i": -3, "f": 0.5, "b": true, "n": null, "q": "12",
            "1": "one", "true": "yes", "l": [1, "a"]
        })
    );
}

#[test]
fn aliases_share_the_anchored_value() {
    let text = "a: &x {k: [1, 2]}\nb: *x\n";
    let value = isms::source::yaml::parse(text).documents[0].tree.to_value();
    assert_eq!(value["b"], serde_json::json!({"k": [1, 2]}));
    assert_eq!(value["a"], value["b"]);
}

/// `jsonschema`'s own check of a custom representation's contract (lengths in code
/// points, number equality, node identity).
#[test]
fn tree_meets_the_jsonschema_representation_contract() {
    let text = jsonschema::json::conformance::document().to_string();
    let parsed = isms::source::yaml::parse(&text);
    jsonschema::json::conformance::assert_conformance::<TreeJson>(&parsed.documents[0].tree.root());
}
