//! The layering that `docs/architecture.md` describes, checked on the source: a module of
//! `src/` uses modules of its own layer or below, and no two modules use each other, even
//! through others. Test code (after `#[cfg(test)]`) may reach further.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The top-level modules of `src/`, lowest layer first.
const LAYERS: &[&[&str]] = &[
    &["util"],
    &["source"],
    &["model"],
    &["l10n"],
    &["registry", "config", "diagnostic"],
    &["schema", "load"],
    &["repo"],
    &["rules"],
    &["check", "git"],
    &["report", "render"],
    &["cli"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The crate's top-level modules each file of `src/` names, by the file's own module.
fn uses() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.expect("walk src");
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path.strip_prefix(&src).expect("below src");
        let first = rel.components().next().expect("a component");
        let module = first
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_owned();
        if module == "lib" || module == "main" {
            continue;
        }
        let text = std::fs::read_to_string(path).expect("read source");
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        let named = uses.entry(module.clone()).or_default();
        for (i, _) in code.match_indices("crate::") {
            named.insert(leading_ident(&code[i + "crate::".len()..]));
        }
        // `use crate::{a, b::c}` names several.
        for (i, _) in code.match_indices("use crate::{") {
            let group = &code[i + "use crate::{".len()..];
            let group = &group[..group.find("};").unwrap_or(group.len())];
            for part in group.split(',') {
                named.insert(leading_ident(part.trim()));
            }
        }
        named.retain(|m| *m != module && !m.is_empty());
    }
    uses
}

fn leading_ident(s: &str) -> String {
    s.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

#[test]
fn every_module_of_src_has_a_layer() {
    let modules: Vec<String> = uses().into_keys().collect();
    for m in &modules {
        assert!(
            layer_of(m).is_some(),
            "src/{m} is in no layer of tests/it/architecture.rs (and docs/architecture.md)"
        );
    }
    for layer in LAYERS {
        for m in *layer {
            assert!(modules.iter().any(|x| x == m), "no module src/{m}");
        }
    }
}

#[test]
fn modules_use_their_own_layer_or_below() {
    let mut wrong = Vec::new();
    for (module, named) in uses() {
        let Some(own) = layer_of(&module) else {
            continue;
        };
        for other in named {
            if layer_of(&other).is_some_and(|l| l > own) {
                wrong.push(format!("{module} uses {other}"));
            }
        }
    }
    assert!(wrong.is_empty(), "layering broken: {wrong:?}");
}

#[test]
fn no_two_modules_use_each_other() {
    let uses = uses();
    // A module that reaches itself through others is in a cycle.
    for start in uses.keys() {
        let mut seen = BTreeSet::new();
        let mut todo: Vec<&String> = uses[start].iter().collect();
        while let Some(m) = todo.pop() {
            assert!(m != start, "an import cycle goes through src/{start}");
            if seen.insert(m.clone()) {
                todo.extend(uses.get(m).into_iter().flatten());
            }
        }
    }
}
