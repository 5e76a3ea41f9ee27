//! Prepares the copies of `schemas/` that the binary compiles: the same schemas without
//! their annotations (`description`, `title`, `examples`, `$comment`) and without
//! indentation. Annotations are two thirds of the files' bytes and validate nothing, and
//! every run parses and compiles all sixteen schemas before it reads the first record, so
//! at a few thousand records they were a measurable part of the run. The files as shipped,
//! annotations included, stay embedded for `isms schema` and for editors.

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

fn main() {
    println!("cargo::rerun-if-changed=schemas");
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let dir = Path::new("schemas");
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("schemas/ is readable")
        .map(|e| e.expect("a schema file").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    entries.sort();
    for path in entries {
        let text = std::fs::read_to_string(&path).expect("a schema is UTF-8");
        let mut schema: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
        strip_schema(&mut schema);
        let name = path.file_name().expect("a file name");
        std::fs::write(
            Path::new(&out).join(name),
            serde_json::to_string(&schema).expect("serialisable"),
        )
        .expect("OUT_DIR is writable");
    }
}
