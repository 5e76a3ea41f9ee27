//! YAML documents to document trees (`crate::source::tree`) with a source position for every value.
//!
//! Built on `saphyr-parser`'s event stream rather than a tree loader so that depth, alias
//! expansion and size are bounded here, before a hostile document can exhaust stack or memory.

mod builder;
mod mistake;
mod scalar;
mod spans;

use saphyr_parser::{Parser, ScanError};

use crate::source::span::{Pos, Span};
use crate::source::tree::Tree;
use builder::Builder;

pub use mistake::Mistake;
pub use scalar::resolve_plain;
pub use spans::SpanTable;

/// Nesting deeper than this is refused: records are at most four or five levels deep, and
/// a bound keeps every later recursive walk (validation, drop, serialisation) safe.
pub const MAX_DEPTH: usize = 64;

/// Values produced in one document, aliases counted at their expanded size; a "billion
/// laughs" document hits this long before it hurts.
pub const MAX_NODES_PER_DOCUMENT: usize = 100_000;

/// Documents read from one file: a real file holds a record or a few dozen (a folder's
/// records kept together); a file of millions of tiny documents would otherwise hold a
/// tree and a span table for each at once.
pub const MAX_DOCUMENTS_PER_FILE: usize = 10_000;

/// One YAML document of a file; `'t` is the lifetime of the file's text.
#[derive(Debug, Clone)]
pub struct Document<'t> {
    /// 0-based position of the document in its file.
    pub index: usize,
    pub tree: Tree<'t>,
    pub spans: SpanTable,
    /// Where the document's content starts.
    pub span: Span,
}

/// A problem that stops the reading of a file at `pos`; documents before it are kept.
#[derive(Debug, Clone, PartialEq)]
pub struct YamlError {
    pub problem: Problem,
    pub span: Span,
}

/// What is wrong with a file's YAML, as data: the loader words it (REC001).
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The scanner's own description (`did not find expected key`).
    Syntax(String),
    /// A syntax error recognised as a common mistake; the span points at what to change.
    Mistake(Mistake),
    /// Nesting deeper than [`MAX_DEPTH`].
    TooDeep,
    /// A document of more than [`MAX_NODES_PER_DOCUMENT`] values, aliases expanded.
    TooManyValues,
    /// A file of more than [`MAX_DOCUMENTS_PER_FILE`] documents.
    TooManyDocuments,
    /// An alias to an anchor that was never set.
    UnknownAnchor,
    /// The end of a list or mapping that was never started.
    UnbalancedEnd,
    /// A list or mapping where a mapping key should be.
    CollectionKey,
    /// A mapping key that is not a plain scalar.
    KeyNotString,
    /// A key written twice in one mapping (a warning: the document is read).
    DuplicateKey(String),
}

/// Documents of a file and, when reading stopped early, why.
#[derive(Debug, Default)]
pub struct Parsed<'t> {
    pub documents: Vec<Document<'t>>,
    pub error: Option<YamlError>,
    /// Non-fatal problems inside otherwise readable documents (duplicate keys).
    pub warnings: Vec<YamlError>,
}

/// How the reading of a file ended, once each document has been handed on.
#[derive(Debug, Default)]
pub struct Ended {
    /// Documents read.
    pub documents: usize,
    pub error: Option<YamlError>,
    /// Non-fatal problems inside otherwise readable documents (duplicate keys).
    pub warnings: Vec<YamlError>,
}

/// Parses every document of `text`, holding them all.
pub fn parse(text: &str) -> Parsed<'_> {
    let mut documents = Vec::new();
    let ended = parse_each(text, |doc| documents.push(doc));
    Parsed {
        documents,
        error: ended.error,
        warnings: ended.warnings,
    }
}

/// Parses the documents of `text` one at a time, handing each to `each` as soon as it is
/// complete: a file of many documents never has more than one tree in memory here.
pub fn parse_each<'t>(text: &'t str, mut each: impl FnMut(Document<'t>)) -> Ended {
    let mut builder = Builder::for_text(text);
    let mut parser = Parser::new_from_str(text);
    let mut out = Ended::default();
    let place = Placement::for_text(text);
    while let Some(event) = parser.next_event() {
        match event {
            Ok((event, span)) => {
                let span = to_span(&span);
                match builder.on_event(event, span) {
                    Ok(Some(mut doc)) => {
                        if out.documents == MAX_DOCUMENTS_PER_FILE {
                            out.error = Some(YamlError {
                                problem: Problem::TooManyDocuments,
                                span: doc.span,
                            });
                            break;
                        }
                        doc.index = out.documents;
                        out.documents += 1;
                        place.document(&mut doc);
                        each(doc);
                    }
                    Ok(None) => {}
                    Err(e) => {
                        out.error = Some(e);
                        break;
                    }
                }
            }
            Err(e) => {
                out.error = Some(scan_error(text, &e));
                break;
            }
        }
    }
    out.warnings = builder.warnings;
    let problems = || out.error.iter().chain(&out.warnings);
    // The widths of the lines up to the last one a problem names: a problem early in a
    // large file (the cap on documents) measures a few lines, not millions.
    if let Some(upto) = problems()
        .map(|e| e.span.end.line.max(e.span.start.line))
        .max()
    {
        let widths = place.widths_upto(text, upto as usize);
        for e in out.error.iter_mut().chain(out.warnings.iter_mut()) {
            e.span = clamp(&widths, place.last, e.span);
        }
    }
    out
}

/// Keeps positions on the lines a file has. The scanner places errors at the end of the
/// stream one line past a last line that has no line break, and the odd one past the end
/// of a line; a collection (or an empty value) that runs to the end of the text can be
/// placed one line past it. A final line break ends the last line, as editors count
/// lines, so a position after it is the end of that line: a machine format never names a
/// line the file does not have.
struct Placement {
    /// The number of the last line and its width.
    last: (u32, usize),
    /// Each line's width, measured only when needed: for errors and warnings, which are
    /// rare, and for every document of a text with carriage returns (YAML's line count
    /// differs from a count of LFs there).
    widths: Option<Vec<usize>>,
}

impl Placement {
    fn for_text(text: &str) -> Placement {
        let has_cr = memchr::memchr(b'\r', text.as_bytes()).is_some();
        Placement {
            last: last_line(text),
            widths: has_cr.then(|| editor_widths(text)),
        }
    }

    /// The widths of the first `upto` lines (or all lines, when known already).
    fn widths_upto<'a>(&'a self, text: &str, upto: usize) -> std::borrow::Cow<'a, [usize]> {
        match &self.widths {
            Some(all) => std::borrow::Cow::Borrowed(all),
            None => std::borrow::Cow::Owned(line_widths(text, upto)),
        }
    }

    /// Moves a document's positions that lie past the end onto the last line.
    fn document(&self, doc: &mut Document<'_>) {
        if let Some(widths) = &self.widths {
            doc.span = clamp(widths, self.last, doc.span);
            for e in doc.spans.entries_mut() {
                e.map(|s| clamp(widths, self.last, s));
            }
            return;
        }
        let (lines, width) = self.last;
        let fix = |p: &mut Pos| {
            if p.line > lines {
                *p = Pos::new(lines as usize, width);
            }
        };
        fix(&mut doc.span.start);
        fix(&mut doc.span.end);
        for e in doc.spans.entries_mut() {
            // A key starts at or above its value: the value's lines bound both.
            if e.value_line + u32::from(e.value_lines) > lines {
                e.map(|mut s| {
                    fix(&mut s.start);
                    fix(&mut s.end);
                    s
                });
            }
        }
    }
}

/// `span` with each end on a line of the text, at most at the line's end: `widths` are the
/// widths of the text's first lines (all of them, or at least as many as `span` names) and
/// `last` the number and width of its last line.
fn clamp(widths: &[usize], last: (u32, usize), span: Span) -> Span {
    let pos = |p: Pos| {
        let line = (p.line as usize).max(1);
        match widths.get(line - 1) {
            Some(w) if line <= last.0 as usize => Pos::new(line, (p.col as usize).min(*w)),
            _ => Pos::new(last.0 as usize, last.1),
        }
    };
    let start = pos(span.start);
    // A mistake's span is measured on lines broken at LF only; with a lone CR in the text
    // its end can land on an earlier line than its start.
    Span::new(start, pos(span.end).max(start))
}

/// The width of each line as an editor counts them: a final line break ends a line.
fn editor_widths(text: &str) -> Vec<usize> {
    let mut widths = line_widths(text, usize::MAX);
    if widths.len() > 1 && text.ends_with(['\n', '\r']) {
        widths.pop();
    }
    widths
}

/// The number of the last line and its width in characters, counting lines as YAML does
/// (LF, CRLF, CR); a final line break ends the last line rather than starting another.
fn last_line(text: &str) -> (u32, usize) {
    let text = text
        .strip_suffix("\r\n")
        .or_else(|| text.strip_suffix(['\n', '\r']))
        .unwrap_or(text);
    // This runs over every file: memchr's vectorised search, not a byte loop. Carriage
    // returns are rare; a text with one is counted character by character.
    if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        let widths = line_widths(text, usize::MAX);
        let lines = u32::try_from(widths.len()).unwrap_or(u32::MAX);
        return (lines, widths.last().copied().unwrap_or(0));
    }
    let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1;
    let width = text.rsplit('\n').next().map_or(0, |l| l.chars().count());
    (u32::try_from(lines).unwrap_or(u32::MAX), width)
}

/// The length in characters of each of the first `upto` lines (all of them, when the text
/// has fewer), counting lines as YAML does (LF, CRLF, CR).
fn line_widths(text: &str, upto: usize) -> Vec<usize> {
    let mut widths = vec![0];
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                if widths.len() >= upto {
                    break;
                }
                widths.push(0);
            }
            _ => {
                if let Some(w) = widths.last_mut() {
                    *w += 1;
                }
            }
        }
    }
    widths
}

fn scan_error(text: &str, e: &ScanError) -> YamlError {
    let m = e.marker();
    let pos = Pos::new(m.line(), m.col());
    // The scanner stops flow collections (`[[[...`) at 255 levels, before the builder's
    // own depth check sees them: the same problem as the builder's.
    if e.info() == "recursion limit exceeded" {
        return YamlError {
            problem: Problem::TooDeep,
            span: Span::point(pos),
        };
    }
    if e.info() == "while parsing node, found unknown anchor" {
        return YamlError {
            problem: Problem::UnknownAnchor,
            span: Span::point(pos),
        };
    }
    match mistake::recognise(text, e.info(), pos) {
        Some((mistake, span)) => YamlError {
            problem: Problem::Mistake(mistake),
            span,
        },
        None => YamlError {
            problem: Problem::Syntax(e.info().to_owned()),
            span: Span::point(pos),
        },
    }
}

fn to_span(s: &saphyr_parser::Span) -> Span {
    Span::new(
        Pos::new(s.start.line(), s.start.col()),
        Pos::new(s.end.line(), s.end.col()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_collection_after_a_tab_is_an_error() {
        for (text, mark, line, col) in [
            ("-\tfoo: bar\n", '-', 1, 1),
            ("- -\ta: b\n", '-', 1, 3),
            ("a:\n  -\tb: c\n", '-', 2, 3),
            ("x:\n  ? a\n  :\tb: c\n", ':', 3, 3),
        ] {
            let e = parse(text).error.expect(text);
            assert_eq!(
                e.problem,
                Problem::Mistake(Mistake::TabAfter { mark }),
                "{text:?}"
            );
            assert_eq!(
                (e.span.start.line, e.span.start.col),
                (line, col),
                "{text:?}"
            );
        }
        // Tabs that separate a scalar or a flow collection are whitespace like any other.
        for text in [
            "-\t-1\n",
            "- foo:\t bar\n",
            "a:\t[b, c]\n",
            "a: \"x:\tb: c\"\n",
            "block:\t|\n  text\n",
        ] {
            let parsed = parse(text);
            assert_eq!(parsed.error, None, "{text:?}");
        }
    }

    #[test]
    fn a_file_of_too_many_documents_is_read_up_to_the_cap() {
        let text = "--- 1\n".repeat(MAX_DOCUMENTS_PER_FILE + 5);
        let parsed = parse(&text);
        assert_eq!(parsed.documents.len(), MAX_DOCUMENTS_PER_FILE);
        let e = parsed.error.expect("the cap is reported");
        assert_eq!(e.problem, Problem::TooManyDocuments);
        assert_eq!(e.span.start.line as usize, MAX_DOCUMENTS_PER_FILE + 1);
        // Each document keeps what it holds, not the room reserved for the first.
        assert!(parsed.documents.iter().all(|d| d.tree.capacity() <= 4));
    }

    #[test]
    fn second_document_positions_are_file_positions() {
        let p = parse("kind: a\nid: x\n---\nkind: b\nid: y\n");
        assert_eq!(p.documents.len(), 2);
        let s = p.documents[1].spans.value("/id").expect("span");
        assert_eq!(s.start.line, 5);
    }

    #[test]
    fn refuses_deep_nesting_without_overflow() {
        let text = format!("{}{}", "[".repeat(20_000), "]".repeat(20_000));
        let p = parse(&text);
        let e = p.error.expect("error");
        assert_eq!(e.problem, Problem::TooDeep);
        let block: String = (0..2_000)
            .map(|i| format!("{}k:\n", " ".repeat(i)))
            .collect();
        let p = parse(&block);
        assert!(p.error.is_some());
    }

    #[test]
    fn positions_stay_inside_the_text() {
        // A bracket never closed: the scanner stops past the end, the error points at the
        // bracket.
        let p = parse("{");
        let e = p.error.expect("error");
        assert_eq!((e.span.start.line, e.span.start.col), (1, 0));
        let p = parse("kind: unit\nid: [a");
        let e = p.error.expect("error");
        assert_eq!((e.span.start.line, e.span.start.col), (2, 4));
        // A byte order mark inside a directive line: the scanner points one past its end.
        let p = parse("%ö ä\u{feff}\n");
        let e = p.error.expect("error");
        assert_eq!((e.span.start.line, e.span.start.col), (1, 5));
    }

    #[test]
    fn empty_text_has_no_documents() {
        assert!(parse("").documents.is_empty());
        assert!(parse("# only a comment\n").documents.is_empty());
    }
}
