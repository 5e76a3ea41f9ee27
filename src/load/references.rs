//! The references a record that failed its schema makes, read from its document tree, so
//! that REC003 checks them in the same run as the record's other problems: a record with a
//! wrong date and a misspelt asset gets both findings at once, not one per run.
//!
//! A valid record tells its references through the model (`Record::references`); an
//! invalid one has no typed record, so this table says the same of documents. A test holds
//! the two equal on every record of the examples and the fixtures.

use crate::model::Kind;
use crate::source::tree::NodeRef;

/// A reference written in a document: the JSON pointer of the id, the kind it names and
/// the id as written.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct RawRef {
    pub pointer: String,
    pub target: Kind,
    pub id: String,
}

/// One field that refers to records of `target`. `path` is the field's JSON pointer, with
/// `*` for every item of a list (`/results/*/unit`); `word` is a value that is a word of
/// the format, not an id (an evaluation's scope `all`).
struct Field {
    kind: Kind,
    path: &'static str,
    target: Kind,
    word: Option<&'static str>,
}

const fn field(kind: Kind, path: &'static str, target: Kind) -> Field {
    Field {
        kind,
        path,
        target,
        word: None,
    }
}

/// Every reference field of every kind, as the model's `references` lists them.
const FIELDS: &[Field] = &[
    field(Kind::Unit, "/parent", Kind::Unit),
    field(Kind::Asset, "/unit", Kind::Unit),
    field(Kind::Asset, "/measures/*", Kind::Measure),
    field(Kind::Asset, "/supports/*", Kind::Asset),
    field(Kind::Asset, "/hosting/supplier", Kind::Supplier),
    field(Kind::Classification, "/asset", Kind::Asset),
    field(Kind::Risk, "/asset", Kind::Asset),
    field(Kind::Risk, "/unit", Kind::Unit),
    field(Kind::Risk, "/activities/*", Kind::Activity),
    field(Kind::Incident, "/unit", Kind::Unit),
    field(Kind::Incident, "/assets/*", Kind::Asset),
    field(Kind::Incident, "/activities/*", Kind::Activity),
    field(Kind::Activity, "/plan", Kind::Plan),
    field(Kind::Activity, "/unit", Kind::Unit),
    field(Kind::Activity, "/carried_over_from/*", Kind::Plan),
    field(Kind::Activity, "/addresses/*", Kind::AuditFinding),
    field(Kind::Training, "/results/*/unit", Kind::Unit),
    field(Kind::ContinuityPlan, "/unit", Kind::Unit),
    field(Kind::ContinuityPlan, "/assets/*", Kind::Asset),
    Field {
        word: Some("all"),
        ..field(Kind::Evaluation, "/scope/*", Kind::Asset)
    },
    field(Kind::Review, "/units/*", Kind::Unit),
    field(Kind::AuditFinding, "/source", Kind::Review),
    field(Kind::Supplier, "/subprocessors/*", Kind::Supplier),
];

/// The references of a `kind` document `root` whose value has the right type (an id where
/// one id belongs, ids in a list), leaving out those `flagged` says already have a problem
/// of their own: a value of the wrong shape is the schema's finding, not a missing record.
pub fn raw_references(
    kind: Kind,
    root: NodeRef<'_>,
    flagged: &dyn Fn(&str) -> bool,
) -> Vec<RawRef> {
    let mut out = Vec::new();
    for f in FIELDS.iter().filter(|f| f.kind == kind) {
        let segments: Vec<&str> = f.path.split('/').skip(1).collect();
        collect(root, &segments, String::new(), &mut |pointer, id| {
            if f.word != Some(id) && !flagged(&pointer) {
                out.push(RawRef {
                    pointer,
                    target: f.target,
                    id: id.to_owned(),
                });
            }
        });
    }
    out
}

/// Calls `found` with the pointer and text of every value at `segments` below `node`.
fn collect(node: NodeRef<'_>, segments: &[&str], at: String, found: &mut dyn FnMut(String, &str)) {
    let Some((first, rest)) = segments.split_first() else {
        if let Some(id) = node.as_str() {
            found(at, id);
        }
        return;
    };
    if *first == "*" {
        let Some(items) = node.items() else { return };
        for (i, item) in items.iter().enumerate() {
            collect(item, rest, format!("{at}/{i}"), found);
        }
    } else if let Some(child) = node.get(first) {
        collect(child, rest, format!("{at}/{first}"), found);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::References;

    /// What the model's `references` tells of a typed record.
    #[derive(Default)]
    struct Told(Vec<RawRef>);

    impl References for Told {
        fn one(&mut self, pointer: &str, target: Kind, id: Option<&str>) {
            if let Some(id) = id {
                self.0.push(RawRef {
                    pointer: pointer.to_owned(),
                    target,
                    id: id.to_owned(),
                });
            }
        }
        fn many(&mut self, pointer: &str, target: Kind, ids: &[String]) {
            for (i, id) in ids.iter().enumerate() {
                self.one(&format!("{pointer}/{i}"), target, Some(id));
            }
        }
    }

    /// Every YAML file below `dir`.
    fn yaml_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for path in entries.filter_map(Result::ok).map(|e| e.path()) {
            if path.is_dir() {
                yaml_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                out.push(path);
            }
        }
    }

    /// The table says of every document what the model says of its typed record, and every
    /// row of the table is met at least once (a row the examples never exercise could be
    /// wrong unseen).
    #[test]
    fn the_table_agrees_with_the_model() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        yaml_files(&root.join("examples"), &mut files);
        yaml_files(&root.join("tests/fixtures"), &mut files);
        files.sort();
        let mut rows_met = vec![false; FIELDS.len()];
        let mut compared = 0;
        for path in files {
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            for doc in crate::source::yaml::parse(&text).documents {
                let root = doc.tree.root();
                let Some(kind) = root
                    .get("kind")
                    .and_then(|k| k.as_str())
                    .and_then(Kind::parse)
                else {
                    continue;
                };
                let Ok(record) = crate::load::typed_record(kind, root) else {
                    continue;
                };
                let mut told = Told::default();
                record.as_record().references(&mut told);
                let mut raw = raw_references(kind, root, &|_| false);
                told.0.sort();
                raw.sort();
                assert_eq!(raw, told.0, "{}", path.display());
                for r in &raw {
                    let shape: String = r
                        .pointer
                        .split('/')
                        .map(|s| match s.parse::<usize>() {
                            Ok(_) => "*",
                            Err(_) => s,
                        })
                        .collect::<Vec<_>>()
                        .join("/");
                    if let Some(i) = FIELDS
                        .iter()
                        .position(|f| f.kind == kind && f.path == shape)
                    {
                        rows_met[i] = true;
                    }
                }
                compared += 1;
            }
        }
        assert!(compared > 200, "only {compared} records compared");
        let unmet: Vec<(Kind, &str)> = FIELDS
            .iter()
            .zip(&rows_met)
            .filter(|(_, met)| !**met)
            .map(|(f, _)| (f.kind, f.path))
            .collect();
        assert!(unmet.is_empty(), "rows no record exercises: {unmet:?}");
    }

    #[test]
    fn values_of_the_wrong_type_and_flagged_ones_are_left_out() {
        let text = "kind: asset\nid: a\nunit: 5\nsupports: [x, 7, y]\nmeasures: m\n";
        let parsed = crate::source::yaml::parse(text);
        let root = parsed.documents[0].tree.root();
        let refs = raw_references(Kind::Asset, root, &|p| p == "/supports/2");
        let pointers: Vec<&str> = refs.iter().map(|r| r.pointer.as_str()).collect();
        assert_eq!(pointers, ["/supports/0"]);
    }
}
