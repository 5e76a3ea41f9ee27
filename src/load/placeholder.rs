//! Template placeholders: a value written `<…>` (`<Tillgångens namn>`, `<tillgångens id>`,
//! `<0–4>`) is what `isms new` leaves for a person to fill in. A record that still holds one
//! is not yet a record: each placeholder is a REC001 problem of its own (in place of the
//! schema's complaints about the same value), and the record is kept out of the repository
//! like any other invalid record, so it changes nothing that is derived from the others.

use serde_json::{Value, json};

use crate::model::Kind;
use crate::schema::{self, SchemaError};
use crate::source::tree::{NodeRef, Tree};

/// The message of a placeholder in the rules' catalogue.
pub const TEMPLATE: &str = "REC001-placeholder";

/// Whether `s` is a template placeholder: one line in angle brackets, holding no other
/// angle bracket and no `@` (so that a mail address such as `<anna@kommun.se>` is not one).
pub fn is_placeholder(s: &str) -> bool {
    s.len() > 2
        && s.starts_with('<')
        && s.ends_with('>')
        && !s[1..s.len() - 1].contains(['<', '>', '@', '\n'])
}

/// The schema errors of a document of `kind`, with every placeholder reported as such and
/// the schema's errors about a placeholder's value (an id pattern, a level's type, a rule
/// that the value takes part in such as a risk's "an asset or a unit") left out: the
/// placeholder is the one thing to change there.
pub(super) fn validate_tree(kind: Kind, tree: &Tree<'_>) -> Vec<SchemaError> {
    // Almost no record holds a placeholder: a flat scan of its strings decides, and only
    // a record with one is walked for the pointers.
    if !tree.any_str(is_placeholder) {
        return schema::validate_tree(kind, tree);
    }
    let mut found = Vec::new();
    placeholders(tree.root(), &mut Vec::new(), &mut found);
    if found.is_empty() {
        return schema::validate_tree(kind, tree);
    }
    let mut errors = schema::validate(kind, &filled_in(kind, tree, &found));
    errors.retain(|e| !found.iter().any(|(p, _)| within(&e.pointer, p)));
    for (pointer, value) in found {
        let field = field_name(&pointer);
        let target = target_of(kind, &pointer).map_or("none", Kind::as_str);
        errors.push(SchemaError {
            pointer,
            at_key: false,
            template: TEMPLATE,
            args: vec![
                ("field", field.into()),
                ("value", value.into()),
                ("kind", kind.as_str().into()),
                ("target", target.into()),
            ],
        });
    }
    errors.sort_by(|a, b| a.pointer.cmp(&b.pointer));
    errors
}

/// The document with each placeholder replaced by the stand-in the schema objects to least
/// (an id, a number, a date): what is left are the errors the record has whatever its
/// author writes in the placeholders' places. Only records with placeholders come here.
fn filled_in(kind: Kind, tree: &Tree<'_>, found: &[(String, String)]) -> Value {
    let stand_ins = [json!("x"), json!(1), json!("2000-01-01")];
    let mut value = tree.to_value();
    for (pointer, _) in found {
        let mut best: Option<(usize, &Value)> = None;
        for stand_in in &stand_ins {
            let Some(slot) = value.pointer_mut(pointer) else {
                break;
            };
            *slot = stand_in.clone();
            let errors = schema::validate(kind, &value).len();
            if best.is_none_or(|(fewest, _)| errors < fewest) {
                best = Some((errors, stand_in));
            }
            if errors == 0 {
                break;
            }
        }
        if let (Some(slot), Some((_, stand_in))) = (value.pointer_mut(pointer), best) {
            *slot = stand_in.clone();
        }
    }
    value
}

/// One step of the way from a record's root to a value: a key or an index.
#[derive(Clone, Copy)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// Every placeholder below `node` (reached by `path`): its JSON pointer and its text. The
/// pointer is written only for a placeholder: every record of a repository passes here.
fn placeholders<'a>(node: NodeRef<'a>, path: &mut Vec<Step<'a>>, out: &mut Vec<(String, String)>) {
    if let Some(s) = node.as_str() {
        if is_placeholder(s) {
            out.push((pointer(path), s.to_owned()));
        }
    } else if let Some(members) = node.members() {
        for (key, value) in members.iter() {
            path.push(Step::Key(key));
            placeholders(value, path, out);
            path.pop();
        }
    } else if let Some(items) = node.items() {
        for (i, item) in items.iter().enumerate() {
            path.push(Step::Index(i));
            placeholders(item, path, out);
            path.pop();
        }
    }
}

/// The JSON pointer of `path`.
fn pointer(path: &[Step<'_>]) -> String {
    let mut out = String::new();
    for step in path {
        out.push('/');
        match step {
            Step::Key(key) => out.push_str(&key.replace('~', "~0").replace('/', "~1")),
            Step::Index(i) => out.push_str(&i.to_string()),
        }
    }
    out
}

/// Whether `pointer` is `of` or a value below it.
fn within(pointer: &str, of: &str) -> bool {
    pointer
        .strip_prefix(of)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// The field a message names: the last key, with the item's index for a list item
/// (`provides[0]`), as the schema's messages name it.
fn field_name(pointer: &str) -> String {
    let mut segments = pointer.rsplit('/');
    let last = segments.next().unwrap_or_default();
    if !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit()) {
        let parent = segments.next().unwrap_or_default();
        format!("{parent}[{last}]")
    } else {
        last.replace("~1", "/").replace("~0", "~")
    }
}

/// The kind of record a reference field of the templates names, for the message's "write
/// the id of the asset": the top-level reference fields `isms new` writes or comments out.
fn target_of(kind: Kind, pointer: &str) -> Option<Kind> {
    let field = pointer.strip_prefix('/')?.split('/').next()?;
    Some(match (kind, field) {
        (_, "asset" | "assets" | "supports") | (Kind::Evaluation, "scope") => Kind::Asset,
        (_, "unit" | "units" | "parent") => Kind::Unit,
        (Kind::Activity, "plan") => Kind::Plan,
        (Kind::AuditFinding, "source") => Kind::Review,
        (_, "measures") => Kind::Measure,
        (_, "activities") => Kind::Activity,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{RecordProblem, load_text};

    #[test]
    fn placeholders_are_angle_brackets_around_one_line() {
        assert!(is_placeholder("<Tillgångens namn>"));
        assert!(is_placeholder("<0–4>"));
        assert!(!is_placeholder("<>"));
        assert!(!is_placeholder("<anna@kommun.se>"));
        assert!(!is_placeholder("<b>fet</b>"));
        assert!(!is_placeholder("a <b>"));
        assert!(!is_placeholder("<två\nrader>"));
    }

    /// Each placeholder is one problem at its value, in place of the schema's errors about
    /// it (the id pattern of `asset`, the type of a level); the record is invalid, its id
    /// still known.
    #[test]
    fn each_placeholder_is_reported_in_place_of_the_schema_errors() {
        let r = load_text(
            "classifications/x.yaml",
            "kind: classification\nid: x\nasset: <tillgångens id>\ndate: 2026-06-01\n\
             confidentiality: <0–4>\nintegrity: 1\navailability: 1\ntitle: <Rubrik>\n",
        );
        let problems: Vec<(&str, u32, String)> = r
            .problems
            .iter()
            .map(|p| match p {
                RecordProblem::Unreadable(u) => (
                    u.template,
                    u.place.span.map_or(0, |s| s.start.line),
                    format!("{:?}", u.args),
                ),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems.iter().all(|(t, _, _)| *t == TEMPLATE));
        assert_eq!(problems.iter().map(|p| p.1).collect::<Vec<_>>(), [3, 5, 8]);
        assert!(
            problems[0].2.contains("\"target\", Text(\"asset\")"),
            "{problems:?}"
        );
        assert!(
            problems[1].2.contains("\"target\", Text(\"none\")"),
            "{problems:?}"
        );
        assert_eq!(r.records().count(), 0);
        assert_eq!(r.invalid().map(|i| &*i.id).collect::<Vec<_>>(), ["x"]);
    }

    /// Other schema errors of the record are still reported with its placeholders.
    /// The templates of the unreadable-record problems of `r`, in order.
    fn templates(r: &crate::load::LoadResult) -> Vec<&'static str> {
        r.problems
            .iter()
            .filter_map(|p| match p {
                RecordProblem::Unreadable(u) => Some(u.template),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn other_errors_stay() {
        let r = load_text(
            "units/u.yaml",
            "kind: unit\nid: u\nname: <Enhetens namn>\ntype: nämnd\n",
        );
        let templates = templates(&r);
        assert_eq!(templates, [TEMPLATE, "REC001-enum"]);
    }

    /// A placeholder in a field that a rule of the whole record reads (a risk is on an
    /// asset or a unit) gives no error of that rule.
    #[test]
    fn rules_over_a_placeholder_are_left_to_it() {
        let r = load_text(
            "risks/r.yaml",
            "kind: risk\nid: r\ntitle: R\nasset: <tillgångens id>\nassessed: 2026-06-01\n\
             likelihood: 2\nconsequence: <1–4>\n",
        );
        let templates = templates(&r);
        assert_eq!(templates, [TEMPLATE, TEMPLATE]);
    }

    #[test]
    fn fields_and_targets() {
        assert_eq!(field_name("/provides/0"), "provides[0]");
        assert_eq!(field_name("/asset"), "asset");
        assert_eq!(target_of(Kind::Risk, "/unit"), Some(Kind::Unit));
        assert_eq!(target_of(Kind::AuditFinding, "/source"), Some(Kind::Review));
        assert_eq!(target_of(Kind::Evaluation, "/scope/0"), Some(Kind::Asset));
        assert_eq!(target_of(Kind::Asset, "/name"), None);
        assert!(within("/a/0", "/a") && within("/a", "/a") && !within("/ab", "/a"));
    }
}
