//! The JSON Schemas of `schemas/`, embedded and compiled once, and their errors turned
//! into diagnostics that point at the offending key or value.

mod explain;

use std::sync::OnceLock;

use jsonschema::{Draft, Validator};
use serde_json::Value;

use crate::model::Kind;
use crate::source::tree::{Tree, TreeJson};
use explain::explain;

pub use explain::{datetime_pointers, known_properties, value_args};

/// The schema files and the copies of them that `build.rs` prepares, all in one order:
/// `common` first, then the kinds.
macro_rules! schema_files {
    ($($name:expr),* $(,)?) => {
        /// Each schema file by kind, as shipped in `schemas/` (also printed by `isms schema`).
        pub const SCHEMAS: [(&str, &str); [$($name),*].len()] =
            [$(($name, include_str!(concat!("../../schemas/", $name, ".schema.json")))),*];

        /// The same schemas as compiled, in the same order: without annotations
        /// (`description`, `title`) and indentation, which validate nothing and were most of
        /// the bytes every run parses and compiles (prepared by `build.rs`).
        const COMPILED: [&str; SCHEMAS.len()] =
            [$(include_str!(concat!(env!("OUT_DIR"), "/", $name, ".schema.json"))),*];

        /// The same again translated to draft 7 (`$defs` as `definitions`), in the same
        /// order: what records are checked against. Every keyword the schemas use means the
        /// same under both drafts, and `build.rs` refuses any other, so the translation is
        /// exact; the gain is the meta-schema every schema is checked against while
        /// compiling, which `jsonschema` compiles and applies for draft 7 in a fraction of
        /// 2020-12's time. Errors are still explained by the 2020-12 schemas ([`validator`]).
        const COMPILED_DRAFT7: [&str; SCHEMAS.len()] =
            [$(include_str!(concat!(env!("OUT_DIR"), "/", $name, ".schema.draft7.json"))),*];
    };
}

/// The schema files are `common` and one per kind of the table, named as the kind.
macro_rules! schema_files_of_kinds {
    ($($variant:ident { kind: $kind:ident, $($_rest:tt)* }),* $(,)?) => {
        schema_files!("common", $(stringify!($kind)),*);
    };
}
crate::model::kind_table!(schema_files_of_kinds);

/// The text of one schema file by name (`asset`, `common`).
pub fn text(name: &str) -> Option<&'static str> {
    SCHEMAS.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// Where the schema `name` stands in [`SCHEMAS`] and its copies.
fn schema_index(name: &str) -> usize {
    SCHEMAS
        .iter()
        .position(|(n, _)| *n == name)
        .unwrap_or_else(|| panic!("no embedded schema {name}"))
}

/// A 2020-12 schema as a value, parsed on first use: for the validators that word errors,
/// for `$ref`s retrieved by name and for the list of known fields. Records are checked
/// against the draft-7 texts, which each compilation parses itself, so a run without
/// schema errors parses none of these.
fn parsed(name: &str) -> &'static Value {
    // One cell per schema: threads meeting errors in different kinds parse their own.
    static PARSED: [OnceLock<Value>; SCHEMAS.len()] = [const { OnceLock::new() }; SCHEMAS.len()];
    let i = schema_index(name);
    PARSED[i].get_or_init(|| {
        serde_json::from_str(COMPILED[i])
            .unwrap_or_else(|e| panic!("embedded schema {name} is not JSON: {e}"))
    })
}

/// Serves `urn:isms:schema:<name>` from the embedded files, and nothing from the network.
struct Embedded;

impl jsonschema::Retrieve for Embedded {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let s = uri.as_str();
        let name = s.strip_prefix("urn:isms:schema:").unwrap_or(s);
        let name = name.split('#').next().unwrap_or(name);
        if text(name).is_some() {
            Ok(parsed(name).clone())
        } else {
            Err(format!("no embedded schema for {s}").into())
        }
    }
}

fn options<F: jsonschema::json::Json>(
    draft: Draft,
) -> jsonschema::ValidationOptions<'static, std::sync::Arc<dyn jsonschema::Retrieve>, F> {
    jsonschema::options_for::<F>()
        .with_draft(draft)
        .should_validate_formats(true)
        .with_retriever(Embedded)
}

/// The compiled validator of a kind for `serde_json` values: the one that explains what
/// is wrong with a record. Compiled on first use, which a repository without schema errors
/// never makes.
pub fn validator(kind: Kind) -> &'static Validator {
    // One cell per kind, so that threads meeting different kinds compile them in parallel.
    static VALIDATORS: [OnceLock<Validator>; Kind::ALL.len()] =
        [const { OnceLock::new() }; Kind::ALL.len()];
    VALIDATORS[kind_index(kind)].get_or_init(|| {
        options::<jsonschema::json::SerdeJson>(Draft::Draft202012)
            .build(parsed(kind.as_str()))
            .unwrap_or_else(|e| panic!("embedded schema {kind} does not compile: {e}"))
    })
}

/// The compiled validator of a kind for documents as read ([`Tree`]): the one every
/// record passes through, compiled from the draft-7 translation (`COMPILED_DRAFT7`),
/// which embeds its own copy of the shared definitions as every schema does. Compiled once
/// per process: compilation costs far more than validating a record.
pub fn tree_validator(kind: Kind) -> &'static Validator<TreeJson> {
    static VALIDATORS: [OnceLock<Validator<TreeJson>>; Kind::ALL.len()] =
        [const { OnceLock::new() }; Kind::ALL.len()];
    VALIDATORS[kind_index(kind)].get_or_init(|| {
        let schema: Value = serde_json::from_str(COMPILED_DRAFT7[schema_index(kind.as_str())])
            .unwrap_or_else(|e| panic!("embedded schema {kind} is not JSON: {e}"));
        options::<TreeJson>(Draft::Draft7)
            .build(&schema)
            .unwrap_or_else(|e| panic!("embedded schema {kind} does not compile: {e}"))
    })
}

fn kind_index(kind: Kind) -> usize {
    Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

/// Compiles every validator on the rayon pool, in the background: started before the
/// repository is walked, compilation overlaps the walk instead of delaying the first
/// records. The reference data goes first: the first asset read needs it (its countries),
/// and every rule after loading.
pub fn warm_up() {
    // `jsonschema` checks each schema against the draft's meta-schema, which it compiles
    // once, on first use; every compilation waits for it. So it is compiled first, alone,
    // while the other thread parses the reference data, which waits for nothing.
    rayon::spawn(|| {
        let _ = options::<TreeJson>(Draft::Draft7).build(&serde_json::json!({"type": "object"}));
    });
    rayon::spawn(|| {
        let _ = crate::registry::registry();
    });
    for kind in Kind::ALL {
        rayon::spawn(move || {
            let _ = tree_validator(kind);
        });
    }
}

/// One schema violation, ready to be placed at `pointer` (value) or at its key.
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaError {
    pub pointer: String,
    /// Point at the key rather than the value (unknown fields, missing fields).
    pub at_key: bool,
    /// What the violation is: a message of REC001 in the rules' catalogue (`REC001-type`).
    pub template: &'static str,
    /// The values the message names.
    pub args: crate::l10n::Args,
}

/// Validates a document of `kind` as read; errors sorted by pointer for stable output.
/// The document is turned into a `serde_json::Value` only when it has errors, to explain
/// them.
pub fn validate_tree(kind: Kind, tree: &Tree<'_>) -> Vec<SchemaError> {
    if tree_validator(kind).is_valid(tree.root()) {
        return Vec::new();
    }
    validate(kind, &tree.to_value())
}

/// Validates a record of `kind`; errors sorted by pointer for stable output.
pub fn validate(kind: Kind, value: &Value) -> Vec<SchemaError> {
    let v = validator(kind);
    if v.is_valid(value) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for e in v.iter_errors(value) {
        let pointer = e.instance_path().as_str().to_owned();
        explain(kind, value, &pointer, e.kind(), &e.to_string(), &mut out);
    }
    // Ties are rare (two keywords failing on one value): ordered by their values as text,
    // so that equal errors are next to each other for `dedup`.
    out.sort_by(|a, b| {
        a.pointer
            .cmp(&b.pointer)
            .then(a.template.cmp(b.template))
            .then_with(|| format!("{:?}", a.args).cmp(&format!("{:?}", b.args)))
    });
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every scalar of a schema as (JSON pointer, value).
    fn leaves(v: &Value, at: String, out: &mut Vec<(String, Value)>) {
        match v {
            Value::Object(m) => m
                .iter()
                .for_each(|(k, x)| leaves(x, format!("{at}/{k}"), out)),
            Value::Array(a) => a
                .iter()
                .enumerate()
                .for_each(|(i, x)| leaves(x, format!("{at}/{i}"), out)),
            _ => out.push((at, v.clone())),
        }
    }

    #[test]
    fn compiled_schemas_are_the_shipped_ones_without_annotations() {
        // A leaf under an annotation keyword, where that keyword is not a property name.
        let annotation = |p: &str| {
            let segs: Vec<&str> = p.split('/').collect();
            segs.windows(2).any(|w| {
                ["description", "title", "examples", "$comment"].contains(&w[1])
                    && !["properties", "patternProperties", "$defs"].contains(&w[0])
            })
        };
        for ((name, shipped), compiled) in SCHEMAS.iter().zip(COMPILED) {
            let (mut full, mut bare) = (Vec::new(), Vec::new());
            leaves(
                &serde_json::from_str(shipped).unwrap(),
                String::new(),
                &mut full,
            );
            leaves(
                &serde_json::from_str(compiled).unwrap(),
                String::new(),
                &mut bare,
            );
            // What is left out is annotations only; what is kept is kept as it was.
            let kept: Vec<&(String, Value)> = full.iter().filter(|(p, _)| !annotation(p)).collect();
            assert_eq!(kept, bare.iter().collect::<Vec<_>>(), "{name}");
            assert!(
                compiled.len() * 2 < shipped.len(),
                "{name}: annotations left in"
            );
        }
    }
    use serde_json::json;

    #[test]
    fn every_schema_compiles() {
        for k in Kind::ALL {
            let _ = validator(k);
            let _ = tree_validator(k);
        }
    }

    /// `value` and every variant of it with one value (at any depth) removed or replaced by
    /// a value of another type.
    fn variants(value: &Value, out: &mut Vec<Value>) {
        const OTHERS: [&str; 7] = ["null", "12345", "-1", "\"x y\"", "[]", "{}", "true"];
        fn walk(root: &Value, at: &mut Vec<String>, node: &Value, out: &mut Vec<Value>) {
            let children: Vec<(String, &Value)> = match node {
                Value::Object(m) => m.iter().map(|(k, v)| (k.clone(), v)).collect(),
                Value::Array(a) => a
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (i.to_string(), v))
                    .collect(),
                _ => return,
            };
            for (key, child) in children {
                at.push(key);
                let pointer = format!("/{}", at.join("/"));
                for other in OTHERS {
                    let mut v = root.clone();
                    if let Some(slot) = v.pointer_mut(&pointer) {
                        *slot = serde_json::from_str(other).unwrap();
                    }
                    out.push(v);
                }
                let mut v = root.clone();
                let (parent, last) = pointer.rsplit_once('/').unwrap();
                match v.pointer_mut(parent) {
                    Some(Value::Object(m)) => {
                        m.shift_remove(last);
                    }
                    Some(Value::Array(a)) => {
                        a.remove(last.parse::<usize>().unwrap());
                    }
                    _ => {}
                }
                out.push(v);
                walk(root, at, child, out);
                at.pop();
            }
        }
        out.push(value.clone());
        walk(value, &mut Vec::new(), value, out);
    }

    /// Records are checked against the draft-7 translations and explained by the 2020-12
    /// schemas: the two must agree on every record. Checked on every document of the
    /// examples and the test fixtures, valid or not, and on thousands of variants
    /// of the examples' records with one value removed or of another type.
    #[test]
    fn draft7_translations_accept_exactly_what_the_schemas_accept() {
        fn documents(dir: &std::path::Path, out: &mut Vec<Value>) {
            let mut entries: Vec<_> = std::fs::read_dir(dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            entries.sort();
            for path in entries {
                if path.is_dir() {
                    documents(&path, out);
                } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                    let Ok(text) = std::fs::read_to_string(&path) else {
                        continue;
                    };
                    for doc in crate::source::yaml::parse(&text).documents {
                        out.push(doc.tree.to_value());
                    }
                }
            }
        }
        let kind_of = |value: &Value| {
            value
                .get("kind")
                .and_then(Value::as_str)
                .and_then(Kind::parse)
        };
        let agree = |value: &Value, counts: &mut [usize; 2]| {
            let Some(kind) = kind_of(value) else {
                return;
            };
            // JSON is YAML: read back as a document tree, as the loader reads a file.
            let text = serde_json::to_string(value).unwrap();
            let parsed = crate::source::yaml::parse(&text);
            let tree = &parsed.documents[0].tree;
            let expected = validator(kind).is_valid(value);
            assert_eq!(
                tree_validator(kind).is_valid(tree.root()),
                expected,
                "{kind}: {value}"
            );
            counts[usize::from(expected)] += 1;
        };
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut fixtures = Vec::new();
        documents(&root.join("tests/fixtures"), &mut fixtures);
        let mut examples = Vec::new();
        documents(&root.join("examples"), &mut examples);
        let mut counts = [0, 0];
        for value in fixtures.iter().chain(&examples) {
            agree(value, &mut counts);
        }
        // Variants of the first five records of each kind in the examples.
        let mut seen: std::collections::HashMap<Kind, usize> = Default::default();
        for value in &examples {
            let Some(kind) = kind_of(value) else {
                continue;
            };
            let n = seen.entry(kind).or_default();
            *n += 1;
            if *n > 5 {
                continue;
            }
            let mut all = Vec::new();
            variants(value, &mut all);
            for v in &all {
                agree(v, &mut counts);
            }
        }
        assert_eq!(
            seen.len(),
            Kind::ALL.len(),
            "every kind has example records"
        );
        // Both answers are well represented: the comparison is not one-sided.
        assert!(
            counts[0] > 5_000 && counts[1] > 2_000,
            "invalid, valid: {counts:?}"
        );
    }

    #[test]
    fn extension_fields_are_allowed() {
        let v = json!({"kind": "policy", "id": "p", "title": "T", "type": "guideline",
                       "status": "adopted", "x-dnr": "KS 2020/12"});
        assert!(validate(Kind::Policy, &v).is_empty());
    }
}
