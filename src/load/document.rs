//! One file's text as records: its YAML documents parsed, each checked against its kind's
//! schema and typed, and after a syntax error the ids of the documents that could not be read.

use std::sync::Arc;

use super::problem::Unreadable;
use super::{FileResult, Invalid, Loaded, Source};
use crate::l10n;
use crate::model::{AnyRecord, Kind};
use crate::schema;
use crate::source::span::{Pos, Span};
use crate::source::tree::{NodeRef, Tree};
use crate::source::yaml::{self, Mistake, Problem, SpanTable, YamlError};
use crate::util::suggest::closest;

/// Parses the documents of one file's text into records and problems.
pub(super) fn parse_text(text: &str, relp: &Arc<str>, out: &mut FileResult) {
    // Each document is checked and typed as soon as it is read, and its tree dropped: the
    // records and their positions are what a file's documents leave behind.
    let ended = yaml::parse_each(text, |doc| {
        let source = Source {
            path: relp.clone(),
            doc: doc.index,
            file: 0,
            spans: doc.spans,
            span: doc.span,
        };
        check_document(&doc.tree, source, out);
    });
    for w in &ended.warnings {
        out.unreadable(yaml_problem(relp, w.span, w));
    }
    if ended.documents == 0 && ended.error.is_none() {
        out.unreadable(Unreadable::new(
            relp,
            Some(Span::file_start()),
            "REC001-no-document",
        ));
    }
    if let Some(e) = ended.error {
        // The scanner places some tab errors at the start of the scalar being read, lines
        // above the tab itself.
        let span = match is_tab(&e.problem) {
            true => leading_tab(text, e.span.start.line).map_or(e.span, Span::point),
            false => e.span,
        };
        out.unreadable(yaml_problem(relp, span, &e));
        // The ids of the documents after a syntax error are still known; after the cap on
        // documents, the rest of the file is not read at all (a scan for its ids would hold
        // one entry per document, millions of them in a hostile file).
        if e.problem != Problem::TooManyDocuments {
            salvage_ids(text, e.span.start.line, ended.documents, relp, out);
        }
    }
}

/// Whether the scanner stopped at a tab (its description says so).
fn is_tab(problem: &Problem) -> bool {
    matches!(problem, Problem::Syntax(info) if info.contains("tab"))
}

/// A YAML problem of the file at `span`, as REC001 says it.
fn yaml_problem(relp: &Arc<str>, span: Span, e: &YamlError) -> Unreadable {
    let problem = Unreadable::new(relp, Some(span), "REC001-yaml");
    match &e.problem {
        Problem::Syntax(info) => problem
            .arg("problem", if is_tab(&e.problem) { "tab" } else { "syntax" })
            .arg("error", info),
        Problem::TooDeep => problem
            .arg("problem", "too-deep")
            .arg("max_depth", yaml::MAX_DEPTH),
        Problem::TooManyValues => problem
            .arg("problem", "too-many-values")
            .arg("max_values", yaml::MAX_NODES_PER_DOCUMENT),
        Problem::TooManyDocuments => problem
            .arg("problem", "too-many-documents")
            .arg("max_documents", yaml::MAX_DOCUMENTS_PER_FILE),
        Problem::UnknownAnchor => problem.arg("problem", "unknown-anchor"),
        Problem::UnbalancedEnd => problem.arg("problem", "unbalanced"),
        Problem::CollectionKey => problem.arg("problem", "key-collection"),
        Problem::KeyNotString => problem.arg("problem", "key-not-string"),
        Problem::DuplicateKey(key) => problem.arg("problem", "duplicate-key").arg("key", key),
        Problem::Mistake(m) => mistake_problem(problem, m),
    }
}

/// A recognised syntax mistake as REC001 says it: `problem` names it, the other values
/// fill its message and help.
fn mistake_problem(problem: Unreadable, m: &Mistake) -> Unreadable {
    let text = |c: &char| c.to_string();
    // Messages select on words, not on punctuation.
    let after = |mark: &char| match mark {
        ':' => "colon",
        '?' => "question",
        _ => "dash",
    };
    let quotes = |quote: &char| if *quote == '\'' { "single" } else { "double" };
    let collection = |c: &char| {
        if matches!(c, '[' | ']') {
            "list"
        } else {
            "mapping"
        }
    };
    match m {
        Mistake::Indent {
            key,
            above,
            above_line,
            above_item,
            column,
            deeper,
        } => problem
            .arg("problem", "indent")
            .arg("key", key)
            .arg("above", above)
            .arg("above_line", *above_line)
            .arg("above_is", if *above_item { "item" } else { "key" })
            .arg("column", *column)
            .arg("deeper", *deeper),
        Mistake::IndentedStart { key, spaces } => problem
            .arg("problem", "indented-start")
            .arg("key", key)
            .arg("spaces", *spaces),
        Mistake::TextIndent { key, column } => problem
            .arg("problem", "text-indent")
            .arg("key", key)
            .arg("column", *column),
        Mistake::FlowIndent { key } => problem.arg("problem", "flow-indent").arg("key", key),
        Mistake::TabAfter { mark } => problem
            .arg("problem", "tab-after")
            .arg("mark", text(mark))
            .arg("after", after(mark)),
        Mistake::NoSpace {
            mark,
            text: written,
        } => problem
            .arg("problem", "no-space")
            .arg("mark", text(mark))
            .arg("after", after(mark))
            .arg("text", written),
        Mistake::NoColon {
            text: written,
            fixed,
        } => problem
            .arg("problem", "no-colon")
            .arg("text", written)
            .arg("fixed", fixed),
        Mistake::ColonInValue { key, quoted } => problem
            .arg("problem", "colon-in-value")
            .arg("key", key)
            .arg("quoted", quoted),
        Mistake::UnclosedQuote { quote } => problem
            .arg("problem", "unclosed-quote")
            .arg("quote", text(quote))
            .arg("quotes", quotes(quote)),
        Mistake::AfterQuote { quote, quoted } => problem
            .arg("problem", "after-quote")
            .arg("quote", text(quote))
            .arg("quotes", quotes(quote))
            .arg("quoted", quoted),
        Mistake::UnclosedBracket { open, close } => problem
            .arg("problem", "unclosed-bracket")
            .arg("open", text(open))
            .arg("close", text(close))
            .arg("collection", collection(open)),
        Mistake::StrayBracket { close } => problem
            .arg("problem", "stray-bracket")
            .arg("close", text(close))
            .arg("collection", collection(close)),
        Mistake::ReservedStart { ch, quoted } => problem
            .arg("problem", "reserved-start")
            .arg("char", text(ch))
            .arg("quoted", quoted),
        Mistake::CommentInText => problem.arg("problem", "comment-in-text"),
        Mistake::ListItem { above } => problem.arg("problem", "list-item").arg("above", above),
        Mistake::ListOnKeyLine { key } => {
            problem.arg("problem", "list-on-key-line").arg("key", key)
        }
    }
}

/// The first tab in the indentation of a line with content, from line `from` on.
fn leading_tab(text: &str, from: u32) -> Option<Pos> {
    let skip = usize::try_from(from.max(1) - 1).unwrap_or(usize::MAX);
    text.lines().enumerate().skip(skip).find_map(|(i, line)| {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let rest = line[indent..].trim_end();
        let tab = line[..indent].find('\t')?;
        (!rest.is_empty() && !rest.starts_with('#')).then(|| Pos::new(i + 1, tab))
    })
}

/// The top-level `kind:` and `id:` lines of one document, read as plain text.
struct DocHead {
    first_line: u32,
    kind: Option<Kind>,
    id: Option<(String, Pos)>,
}

/// After a syntax error at `error_line`, registers the top-level `kind:` and `id:` of the
/// broken document and of every later one as invalid records: their ids still exist, so
/// one stray tab does not turn every reference to them into a dangling-reference error.
/// `first_doc` is the number of documents read before the error; `error_line` 0 takes
/// every document of the file.
pub(super) fn salvage_ids(
    text: &str,
    error_line: u32,
    first_doc: usize,
    relp: &Arc<str>,
    out: &mut FileResult,
) {
    let mut heads = vec![DocHead {
        first_line: 1,
        kind: None,
        id: None,
    }];
    for (i, line) in text.lines().enumerate() {
        let is_separator = line
            .strip_prefix("---")
            .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t']));
        if is_separator {
            heads.push(DocHead {
                first_line: u32::try_from(i + 1).unwrap_or(u32::MAX),
                kind: None,
                id: None,
            });
            continue;
        }
        let field = |name: &str| {
            let rest = line.strip_prefix(name)?.strip_prefix(':')?;
            let value = rest.split(" #").next().unwrap_or_default().trim();
            let byte = line.len() - rest.trim_start().len();
            let value = value.trim_matches(['"', '\'']);
            Some((
                value.to_owned(),
                Pos::new(i + 1, line[..byte].chars().count()),
            ))
        };
        let Some(head) = heads.last_mut() else {
            continue;
        };
        if let Some((kind, _)) = field("kind") {
            head.kind = head.kind.or(Kind::parse(&kind));
        } else if let Some(id) = field("id") {
            head.id = head.id.take().or(Some(id));
        }
    }
    let broken = heads
        .iter()
        .rposition(|h| h.first_line <= error_line)
        .unwrap_or(0);
    for (n, head) in heads.into_iter().skip(broken).enumerate() {
        let (Some(kind), Some((id, at))) = (head.kind, head.id) else {
            continue;
        };
        let valid_id = id.starts_with(|c: char| c.is_ascii_alphanumeric())
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
        // The broken document itself was read whole when the error lies past its end;
        // later ones never were.
        // `out` holds the records of earlier files too: only this file's count.
        let already_read = n == 0
            && out
                .records
                .iter()
                .map(|l| (l.record.kind(), l.record.id(), &l.source))
                .chain(out.invalid.iter().map(|r| (r.kind, &*r.id, &r.source)))
                .any(|(k, i, src)| {
                    k == kind
                        && i.eq_ignore_ascii_case(&id)
                        && src.path == *relp
                        && src.span.start.line >= head.first_line
                });
        if valid_id && !already_read {
            out.invalid.push(Invalid {
                kind,
                id,
                source: Source {
                    path: relp.clone(),
                    doc: first_doc + n,
                    file: 0,
                    spans: SpanTable::default(),
                    span: Span::point(at),
                },
                refs: Vec::new(),
            });
        }
    }
}

fn check_document(tree: &Tree<'_>, source: Source, out: &mut FileResult) {
    let at = |p: &str| Some(source.value(p));
    let root = tree.root();
    let Some(map) = root.members() else {
        let content = if root.is_null() { "empty" } else { "other" };
        out.unreadable(
            Unreadable::new(&source.path, Some(source.span), "REC001-not-a-record")
                .arg("document", source.doc + 1)
                .arg("content", content)
                .arg("path", &*source.path),
        );
        return;
    };
    let kind_problem = |span, problem: &str| {
        Unreadable::new(&source.path, span, "REC001-kind").arg("problem", problem)
    };
    let kind = match map.find("kind") {
        None => {
            // A mapping without `kind` or `id` is most likely another tool's YAML
            // (`mkdocs.yml`): the help then says how to leave the file out.
            let has_id = map.find("id").is_some();
            out.unreadable(
                kind_problem(Some(source.span), "missing")
                    .arg("kinds", kind_list())
                    .arg("has_id", has_id)
                    .arg("path", &*source.path),
            );
            return;
        }
        Some(node) => match node.as_str() {
            Some(s) => match Kind::parse(s) {
                Some(k) => k,
                None => {
                    let mut args = vec![("value", s.into())];
                    let suggestion = closest(s, Kind::ALL.iter().map(|k| k.as_str()));
                    l10n::suggest(&mut args, suggestion);
                    if suggestion.is_none() {
                        args.push(("kinds", kind_list().into()));
                    }
                    out.unreadable(kind_problem(at("/kind"), "unknown").with_args(args));
                    return;
                }
            },
            None => {
                let found = node.to_value().to_string();
                out.unreadable(kind_problem(at("/kind"), "not-text").arg("found", found));
                return;
            }
        },
    };
    // Borrowed: only a record with problems needs its id copied.
    let id = map.find("id").and_then(|n| n.as_str());
    // Every check that does not need the others to pass runs, so that a record's problems
    // come in one run: the schema's, the countries', the calendar's and (in the
    // repository) its references. Only a record with problems does more than validate and
    // type.
    let to_problem = |e: schema::SchemaError| {
        let span = if e.at_key {
            source.key(&e.pointer)
        } else {
            source.value(&e.pointer)
        };
        let mut problem = Unreadable::new(&source.path, Some(span), e.template)
            .with_args(e.args)
            .about(kind, id)
            .at_pointer(&e.pointer);
        problem.at_key = e.at_key;
        problem
    };
    let mut problems: Vec<Unreadable> = super::placeholder::validate_tree(kind, tree)
        .into_iter()
        .map(to_problem)
        .collect();
    if kind == Kind::Asset {
        let countries = unknown_countries(root, &flags(&problems));
        problems.extend(countries.into_iter().map(to_problem));
    }
    let clean = problems.is_empty();
    if clean || problems.iter().all(|p| p.template == "REC001-country") {
        match typed_record(kind, root) {
            Ok(record) if clean => {
                out.records.push(Loaded { record, source });
                return;
            }
            Ok(_) => {}
            Err((pointer, message)) => {
                problems.push(value_problem(tree, &source, kind, id, &pointer, message));
            }
        }
    } else {
        // The typed record cannot be built, but the values the schema let through can
        // still be wrong: a date-time of the right form that is not in the calendar.
        let value = tree.to_value();
        let flagged = flags(&problems);
        for pointer in schema::datetime_pointers(kind, &value) {
            if flagged(&pointer) {
                continue;
            }
            let text = value.pointer(&pointer).and_then(|v| v.as_str());
            if let Some(Err(message)) = text.map(crate::model::DateTime::parse) {
                problems.push(value_problem(tree, &source, kind, id, &pointer, message));
            }
        }
    }
    let flagged = flags(&problems);
    out.problems.extend(problems.into_iter().map(Into::into));
    if let Some(id) = id.filter(|i| !i.is_empty()) {
        out.invalid.push(Invalid {
            kind,
            id: id.to_owned(),
            refs: super::references::raw_references(kind, root, &flagged),
            source,
        });
    }
}

/// A value the schema allows but the model cannot read (an impossible date-time), in the
/// model's words.
fn value_problem(
    tree: &Tree<'_>,
    source: &Source,
    kind: Kind,
    id: Option<&str>,
    pointer: &str,
    message: String,
) -> Unreadable {
    let mut problem = Unreadable::new(&source.path, Some(source.value(pointer)), "REC001-value")
        .arg("error", message)
        .arg("kind", kind.as_str())
        .with_args(schema::value_args(&tree.to_value(), pointer))
        .at_pointer(pointer);
    if id.is_some() {
        problem = problem.about(kind, id);
    }
    problem
}

/// Whether a value at a pointer already has a problem of its own: a problem at it or at a
/// value that holds it. Problems placed at a key (missing and unknown fields) flag no value.
fn flags(problems: &[Unreadable]) -> impl Fn(&str) -> bool + use<> {
    let at: Vec<String> = problems
        .iter()
        .filter(|p| !p.at_key)
        .filter_map(|p| p.pointer.clone())
        .collect();
    move |pointer: &str| at.iter().any(|a| within(pointer, a))
}

/// Whether `pointer` is `at` or lies below it.
fn within(pointer: &str, at: &str) -> bool {
    pointer
        .strip_prefix(at)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// An asset's `hosting.countries` that are not ISO 3166-1 alpha-2 codes. The schema checks
/// only the shape (two capital letters): `UK` or `EL` pass it, and a code that is not a
/// country cannot be judged under GDPR chapter V (CLD001 would call it a third country).
fn unknown_countries(
    record: NodeRef<'_>,
    flagged: &dyn Fn(&str) -> bool,
) -> Vec<schema::SchemaError> {
    let registry = crate::registry::registry();
    let Some(countries) = record
        .get("hosting")
        .and_then(|h| h.get("countries"))
        .and_then(|c| c.items())
    else {
        return Vec::new();
    };
    countries
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let code = c.as_str()?;
            let pointer = format!("/hosting/countries/{i}");
            if registry.is_country(code) || flagged(&pointer) {
                return None;
            }
            let iso = registry.reserved_country(code);
            let mut args = vec![("code", code.into()), ("reserved", iso.is_some().into())];
            if let Some(iso) = iso {
                args.push(("iso", iso.into()));
            }
            Some(schema::SchemaError {
                pointer,
                at_key: false,
                template: "REC001-country",
                args,
            })
        })
        .collect()
}

/// The typed record of a document that has passed its schema. Errors are rare here (an
/// impossible date), so the first pass keeps no path; only on failure does a second pass
/// track where, for the diagnostic: the error carries the JSON pointer of the offending
/// value.
pub fn typed_record(kind: Kind, value: NodeRef<'_>) -> Result<AnyRecord, (String, String)> {
    if let Ok(record) = AnyRecord::deserialize_kind(kind, value) {
        return Ok(record);
    }
    let mut track = serde_path_to_error::Track::new();
    match AnyRecord::deserialize_kind(
        kind,
        serde_path_to_error::Deserializer::new(value, &mut track),
    ) {
        Ok(record) => Ok(record),
        Err(e) => Err((path_to_pointer(&track.path()), e.to_string())),
    }
}

fn path_to_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut s = String::new();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => {
                s.push('/');
                s.push_str(&index.to_string());
            }
            Segment::Map { key } => {
                s.push('/');
                s.push_str(&key.replace('~', "~0").replace('/', "~1"));
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    s
}

fn kind_list() -> Vec<String> {
    Kind::NAMES.iter().map(|k| (*k).to_owned()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_text;

    #[test]
    fn tab_errors_point_at_the_tab() {
        let r = load_text(
            "a.yaml",
            "kind: unit\nid: a\nname: A\ntype: board\nnotes: one\n\ttwo\n",
        );
        let problem = r.unreadable()[0];
        assert_eq!(problem.template, "REC001-yaml");
        assert_eq!(problem.args[0], ("problem", "tab".into()));
        let at = problem.place.span.expect("a span").start;
        assert_eq!((at.line, at.column()), (6, 1));
    }

    #[test]
    fn ids_survive_a_syntax_error() {
        let text = "kind: unit\nid: a\nname: A\ntype: board\n---\nkind: unit\nid: b # x\n\
                    name: [B\ntype: board\n---\nkind: asset\nid: \"c\"\n";
        let r = load_text("a.yaml", text);
        assert_eq!(r.records().count(), 1);
        let salvaged: Vec<(Kind, &str, u32, u32)> = r
            .invalid()
            .map(|i| {
                let s = i.source.span.start;
                (i.kind, &*i.id, s.line, s.col)
            })
            .collect();
        assert_eq!(
            salvaged,
            [(Kind::Unit, "b", 7, 4), (Kind::Asset, "c", 12, 4)]
        );
    }

    #[test]
    fn unknown_kind_gets_a_suggestion() {
        let r = load_text("a.yaml", "kind: assett\nid: a\n");
        assert_eq!(r.problems.len(), 1);
        let problem = r.unreadable()[0];
        let help = crate::rules::messages().format(
            crate::l10n::Language::En,
            problem.template,
            Some("help"),
            &problem.args,
        );
        assert_eq!(help.as_deref(), Some("did you mean `asset`?"));
    }
}
