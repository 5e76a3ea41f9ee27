//! Prepares what the binary embeds in a form that is cheap to read at every start:
//!
//! - the copies of `schemas/` that it compiles: the same schemas without their annotations
//!   (`description`, `title`, `examples`, `$comment`) and without indentation. Annotations
//!   are two thirds of the files' bytes and validate nothing, and every run parses and
//!   compiles all sixteen schemas before it reads the first record, so at a few thousand
//!   records they were a measurable part of the run. The files as shipped, annotations
//!   included, stay embedded for `isms schema` and for editors;
//! - the same copies translated to draft 7, which records are checked against: `jsonschema`
//!   checks every schema it compiles against its draft's meta-schema, and draft 7's costs
//!   a fraction of 2020-12's at every start. The translation is exact or the build stops
//!   ([`to_draft7`]);
//! - the reference data of `registry/` and its framework catalogues in
//!   `registry/frameworks/`, written in TOML for people and turned into JSON here: every
//!   run reads all of it, and the TOML parser took five times as long as `serde_json` does
//!   on the same data. TOML dates become `YYYY-MM-DD` strings.

use std::path::Path;

use serde_json::Value;

/// Keywords whose value maps names to subschemas: the names are property names, which
/// may well be `description` or `title`, and are kept.
const SCHEMA_MAPS: [&str; 5] = [
    "properties",
    "patternProperties",
    "$defs",
    "definitions",
    "dependentSchemas",
];

/// Annotations: no effect on validation.
const ANNOTATIONS: [&str; 4] = ["description", "title", "examples", "$comment"];

/// Keywords whose value is data, not a schema: left as they are.
const DATA: [&str; 5] = ["enum", "const", "default", "required", "dependentRequired"];

fn strip_schema(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            map.retain(|k, _| !ANNOTATIONS.contains(&k.as_str()));
            for (key, value) in map.iter_mut() {
                if DATA.contains(&key.as_str()) {
                    continue;
                }
                if SCHEMA_MAPS.contains(&key.as_str()) {
                    if let Value::Object(named) = value {
                        named.values_mut().for_each(strip_schema);
                    }
                } else {
                    strip_schema(value);
                }
            }
        }
        // `anyOf`, `allOf`, `oneOf`, `prefixItems`: lists of subschemas.
        Value::Array(items) => items.iter_mut().for_each(strip_schema),
        _ => {}
    }
}

/// Keywords the schemas may use: each means the same under draft 7 as under 2020-12 (given
/// no `$ref` has siblings), which makes the draft-7 copies exact translations. A schema
/// that needs another keyword stops the build here rather than be translated wrongly.
const SAME_IN_DRAFT7: [&str; 22] = [
    "$schema",
    "$id",
    "$ref",
    "$defs",
    "type",
    "enum",
    "const",
    "properties",
    "patternProperties",
    "additionalProperties",
    "required",
    "minProperties",
    "items",
    "minItems",
    "anyOf",
    "if",
    "then",
    "minimum",
    "maximum",
    "minLength",
    "pattern",
    "format",
];

/// The same schema under draft 7, whose meta-schema `jsonschema` compiles and checks
/// against in a fraction of 2020-12's time: `$defs` are `definitions`, references follow,
/// and `$schema` names draft 7. Panics on anything the translation would not keep exact.
fn to_draft7(schema: &mut Value, at: &str) {
    match schema {
        Value::Object(map) => {
            if map.contains_key("$ref") {
                assert!(
                    map.len() == 1,
                    "{at}: `$ref` with siblings, which draft 7 ignores"
                );
            }
            for (key, mut value) in std::mem::take(map) {
                assert!(
                    SAME_IN_DRAFT7.contains(&key.as_str()),
                    "{at}: keyword `{key}` is not known to mean the same under draft 7"
                );
                let here = format!("{at}/{key}");
                match key.as_str() {
                    "$schema" => value = Value::from("http://json-schema.org/draft-07/schema#"),
                    "$ref" => {
                        let target = value.as_str().expect("a `$ref` is text");
                        value = Value::from(target.replace("#/$defs/", "#/definitions/"));
                    }
                    k if SCHEMA_MAPS.contains(&k) => {
                        if let Value::Object(named) = &mut value {
                            for (name, sub) in named.iter_mut() {
                                to_draft7(sub, &format!("{here}/{name}"));
                            }
                        }
                    }
                    k if DATA.contains(&k) => {}
                    _ => to_draft7(&mut value, &here),
                }
                let key = if key == "$defs" {
                    "definitions".to_owned()
                } else {
                    key
                };
                map.insert(key, value);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                to_draft7(item, &format!("{at}/{i}"));
            }
        }
        _ => {}
    }
}

/// A TOML value as JSON; dates as `YYYY-MM-DD` text.
fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => {
            assert!(
                d.date.is_some() && d.time.is_none() && d.offset.is_none(),
                "the registry holds calendar dates only, found {d}"
            );
            Value::String(d.to_string())
        }
        toml::Value::Array(items) => Value::Array(items.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(table) => Value::Object(
            table
                .into_iter()
                .map(|(k, v)| (k, toml_to_json(v)))
                .collect(),
        ),
    }
}

/// The files of `dir` ending in `.ext`, in name order; cargo reruns the script when the
/// folder changes.
fn files(dir: &str, ext: &str) -> Vec<std::path::PathBuf> {
    println!("cargo::rerun-if-changed={dir}");
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}/ is not readable: {e}"))
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    entries.sort();
    entries
}

/// `registry/<name>.toml` as `<name>.json`, and the framework catalogues of
/// `registry/frameworks/<name>.toml` as `frameworks-<name>.json` (OUT_DIR is flat).
fn registry(out: &Path) {
    let top = files("registry", "toml").into_iter().map(|p| (p, ""));
    let frameworks = files("registry/frameworks", "toml")
        .into_iter()
        .map(|p| (p, "frameworks-"));
    for (path, prefix) in top.chain(frameworks) {
        let text = std::fs::read_to_string(&path).expect("a registry file is UTF-8");
        let table: toml::Table =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{} is not TOML: {e}", path.display()));
        let json = toml_to_json(toml::Value::Table(table));
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a UTF-8 file name");
        std::fs::write(
            out.join(format!("{prefix}{stem}.json")),
            serde_json::to_string(&json).expect("serialisable"),
        )
        .expect("OUT_DIR is writable");
    }
}

fn main() {
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    registry(Path::new(&out));
    for path in files("schemas", "json") {
        let text = std::fs::read_to_string(&path).expect("a schema is UTF-8");
        let mut schema: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
        strip_schema(&mut schema);
        let name = path.file_name().expect("a file name");
        let mut draft7 = schema.clone();
        to_draft7(&mut draft7, &path.display().to_string());
        std::fs::write(
            Path::new(&out).join(
                path.with_extension("draft7.json")
                    .file_name()
                    .expect("a name"),
            ),
            serde_json::to_string(&draft7).expect("serialisable"),
        )
        .expect("OUT_DIR is writable");
        std::fs::write(
            Path::new(&out).join(name),
            serde_json::to_string(&schema).expect("serialisable"),
        )
        .expect("OUT_DIR is writable");
    }
}
