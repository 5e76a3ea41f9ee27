//! YAML documents to document trees (`crate::tree`) with a source position for every value.
//!
//! Built on `saphyr-parser`'s event stream rather than a tree loader so that depth, alias
//! expansion and size are bounded here, before a hostile document can exhaust stack or memory.

use std::borrow::Cow;
use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError};
use serde_json::{Number, Value};

use crate::span::{Pos, Span};
use crate::tree::{NodeId, Slot, Tree};

/// Nesting deeper than this is refused: records are at most four or five levels deep, and
/// a bound keeps every later recursive walk (validation, drop, serialisation) safe.
pub const MAX_DEPTH: usize = 64;

/// Values produced in one document, aliases counted at their expanded size; a "billion
/// laughs" document hits this long before it hurts.
pub const MAX_NODES_PER_DOCUMENT: usize = 100_000;

/// Where each value of a document sits in the file, keyed by JSON pointer (`/hosting/model`).
///
/// Pointers are stored as 64-bit hashes of their segments, computed while parsing: no
/// string per value, which matters at a hundred thousand records. A record has a few
/// dozen values and the table is read only when a diagnostic needs a position, so a flat
/// list searched linearly is the cheapest structure.
#[derive(Debug, Clone, Default)]
pub struct SpanTable {
    entries: Box<[SpanEntry]>,
}

/// One value's position, packed into 24 bytes: a hundred thousand records hold millions of
/// these. Columns beyond 65 535 saturate (a record line is never that long).
#[derive(Debug, Clone, Copy)]
struct SpanEntry {
    pointer: u64,
    value_line: u32,
    /// How many lines above the value its key starts, plus one: 1 on the same line, 2 for a
    /// block value under its key. 0 when the value has no key (list items, the document
    /// itself), or when the key lies further above than this counts; the value then
    /// stands for its key.
    key_gap: u16,
    value_col: u16,
    value_end_col: u16,
    /// End line minus start line.
    value_lines: u16,
    key_col: u16,
    key_end_col: u16,
}

fn col16(col: u32) -> u16 {
    u16::try_from(col).unwrap_or(u16::MAX)
}

const _: () = assert!(std::mem::size_of::<SpanEntry>() == 24);

impl SpanEntry {
    fn new(pointer: u64, key: Option<Span>, value: Span) -> SpanEntry {
        let k = key.unwrap_or_default();
        SpanEntry {
            pointer,
            value_line: value.start.line,
            key_gap: match key {
                Some(_) if k.start.line <= value.start.line => {
                    u16::try_from(value.start.line.saturating_sub(k.start.line.max(1)) + 1)
                        .unwrap_or(0)
                }
                _ => 0,
            },
            value_col: col16(value.start.col),
            value_end_col: col16(value.end.col),
            value_lines: u16::try_from(value.end.line.saturating_sub(value.start.line))
                .unwrap_or(u16::MAX),
            key_col: col16(k.start.col),
            // Keys are kept on one line; a multi-line key (`? >` block) is marked at its start.
            key_end_col: if k.end.line == k.start.line {
                col16(k.end.col.max(k.start.col))
            } else {
                col16(k.start.col)
            },
        }
    }

    fn value(&self) -> Span {
        Span::new(
            Pos {
                line: self.value_line,
                col: u32::from(self.value_col),
            },
            Pos {
                line: self.value_line + u32::from(self.value_lines),
                col: u32::from(self.value_end_col),
            },
        )
    }

    fn key(&self) -> Option<Span> {
        (self.key_gap > 0).then(|| {
            let line = self.value_line - (u32::from(self.key_gap) - 1);
            Span::new(
                Pos {
                    line,
                    col: u32::from(self.key_col),
                },
                Pos {
                    line,
                    col: u32::from(self.key_end_col),
                },
            )
        })
    }

    /// Moves both spans through `f` (to keep them inside the text).
    fn map(&mut self, f: impl Fn(Span) -> Span) {
        *self = SpanEntry::new(self.pointer, self.key().map(&f), f(self.value()));
    }
}

/// FNV-1a offset basis: the hash of the root pointer `""`.
const ROOT: u64 = 0xcbf2_9ce4_8422_2325;

/// The hash of `parent` extended by one (unescaped) segment.
fn child(parent: u64, segment: &[u8]) -> u64 {
    let mut h = parent ^ u64::from(b'/');
    h = h.wrapping_mul(0x0100_0000_01b3);
    for b in segment {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn child_index(parent: u64, index: usize) -> u64 {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut n = index;
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    child(parent, &buf[i..])
}

/// Hashes of `pointer` and of each of its ancestors, root first.
fn prefixes(pointer: &str) -> Vec<u64> {
    let mut out = vec![ROOT];
    let mut h = ROOT;
    for seg in pointer.split('/').skip(1) {
        h = segment(h, seg);
        out.push(h);
    }
    out
}

/// The hash of `pointer` itself.
fn hash_of(pointer: &str) -> u64 {
    pointer.split('/').skip(1).fold(ROOT, segment)
}

fn segment(parent: u64, seg: &str) -> u64 {
    if seg.contains('~') {
        child(parent, seg.replace("~1", "/").replace("~0", "~").as_bytes())
    } else {
        child(parent, seg.as_bytes())
    }
}

impl SpanTable {
    /// The span of the value at `pointer`, or of its nearest ancestor that has one.
    pub fn value(&self, pointer: &str) -> Option<Span> {
        self.nearest(pointer).map(SpanEntry::value)
    }

    /// The span of the key that introduces the value at `pointer` (the `adopted:` of
    /// `adopted: 2019-11-12`), falling back to the value's own span.
    pub fn key(&self, pointer: &str) -> Option<Span> {
        self.nearest(pointer).map(|e| e.key().unwrap_or(e.value()))
    }

    /// Whether a value exists at exactly this pointer.
    pub fn contains(&self, pointer: &str) -> bool {
        let h = hash_of(pointer);
        self.entries.iter().any(|e| e.pointer == h)
    }

    fn nearest(&self, pointer: &str) -> Option<&SpanEntry> {
        // Rules ask for values that exist, nearly always: the pointer itself first, and
        // its ancestors only when it has no position of its own.
        let h = hash_of(pointer);
        if let Some(e) = self.entries.iter().find(|e| e.pointer == h) {
            return Some(e);
        }
        prefixes(pointer)
            .iter()
            .rev()
            .find_map(|h| self.entries.iter().find(|e| e.pointer == *h))
    }
}

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
    pub message: String,
    pub span: Span,
}

/// Documents of a file and, when reading stopped early, why.
#[derive(Debug, Default)]
pub struct Parsed<'t> {
    pub documents: Vec<Document<'t>>,
    pub error: Option<YamlError>,
    /// Non-fatal problems inside otherwise readable documents (duplicate keys).
    pub warnings: Vec<YamlError>,
}

/// Parses every document of `text`.
pub fn parse(text: &str) -> Parsed<'_> {
    let mut builder = Builder {
        // A record file has a value for every 25 bytes or so; a file of many documents
        // gets no more than a large record's worth per document.
        expected_values: (text.len() / 25).clamp(8, 512),
        pending: Vec::with_capacity(64),
        members: Vec::with_capacity(64),
        path: Vec::with_capacity(8),
        ..Builder::default()
    };
    let mut parser = Parser::new_from_str(text);
    let mut out = Parsed::default();
    while let Some(event) = parser.next_event() {
        match event {
            Ok((event, span)) => {
                let span = to_span(&span);
                match builder.on_event(event, span) {
                    Ok(Some(doc)) => {
                        let index = out.documents.len();
                        out.documents.push(Document { index, ..doc });
                    }
                    Ok(None) => {}
                    Err(e) => {
                        out.error = Some(e);
                        break;
                    }
                }
            }
            Err(e) => {
                out.error = Some(scan_error(&e));
                break;
            }
        }
    }
    out.warnings = builder.warnings;
    // The scanner places errors at the end of the stream one line past a last line that
    // has no line break, and the odd one past the end of a line; no position may lie
    // beyond its line. Only errors and warnings can be out of place, and they are rare, so
    // the line widths are measured only when there is one.
    // Carriage returns make YAML's line count differ from a count of LFs.
    if out.error.is_some()
        || !out.warnings.is_empty()
        || memchr::memchr(b'\r', text.as_bytes()).is_some()
    {
        let widths = line_widths(text);
        let clamp_pos = |p: Pos| {
            let line = (p.line as usize).max(1);
            match widths.get(line - 1) {
                Some(w) => Pos::new(line, (p.col as usize).min(*w)),
                None => Pos::new(widths.len(), widths.last().copied().unwrap_or(0)),
            }
        };
        let clamp = |s: Span| Span::new(clamp_pos(s.start), clamp_pos(s.end));
        for doc in &mut out.documents {
            doc.span = clamp(doc.span);
            for e in &mut doc.spans.entries {
                e.map(clamp);
            }
        }
        for e in out.error.iter_mut().chain(out.warnings.iter_mut()) {
            e.span = clamp(e.span);
        }
    } else {
        // A collection (or an empty value) that runs to the end of the text can be placed
        // one line past it.
        let (lines, width) = last_line(text);
        let fix = |p: &mut Pos| {
            if p.line > lines {
                *p = Pos::new(lines as usize, width);
            }
        };
        for doc in &mut out.documents {
            fix(&mut doc.span.start);
            fix(&mut doc.span.end);
            for e in &mut doc.spans.entries {
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
    out
}

/// The number of the last line and its width in characters.
fn last_line(text: &str) -> (u32, usize) {
    // This runs over every file: memchr's vectorised search, not a byte loop.
    let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1;
    let width = text.rsplit('\n').next().map_or(0, |l| l.chars().count());
    (u32::try_from(lines).unwrap_or(u32::MAX), width)
}

/// The length in characters of each line, counting lines as YAML does (LF, CRLF, CR).
fn line_widths(text: &str) -> Vec<usize> {
    let mut widths = vec![0];
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => widths.push(0),
            _ => {
                if let Some(w) = widths.last_mut() {
                    *w += 1;
                }
            }
        }
    }
    widths
}

fn scan_error(e: &ScanError) -> YamlError {
    let m = e.marker();
    let pos = Pos::new(m.line(), m.col());
    // The scanner stops flow collections (`[[[...`) at 255 levels, before the builder's
    // own depth check sees them: say so in the builder's words.
    let message = if e.info() == "recursion limit exceeded" {
        format!("nesting deeper than {MAX_DEPTH} levels; the rest of this file is not read")
    } else {
        format!("invalid YAML: {}", e.info())
    };
    YamlError {
        message,
        span: Span::point(pos),
    }
}

fn to_span(s: &saphyr_parser::Span) -> Span {
    Span::new(
        Pos::new(s.start.line(), s.start.col()),
        Pos::new(s.end.line(), s.end.col()),
    )
}

/// A collection under construction; its children wait in `Builder::pending` from `first` on
/// (a mapping's as key and value ids in turn).
struct Frame {
    map: bool,
    start: Span,
    anchor: usize,
    first: usize,
    /// Values counted before the collection opened: an anchored collection's size is the
    /// count at its end less this.
    nodes_before: usize,
    /// A mapping's key, read and waiting for its value.
    pending_key: Option<PendingKey>,
    /// Where this mapping's members start in `Builder::members`.
    first_member: usize,
    /// A large mapping's keys and where their values wait, so that finding duplicates
    /// stays linear on hostile input.
    index: Option<HashMap<String, usize>>,
}

struct PendingKey {
    id: NodeId,
    /// The member's hashed JSON pointer.
    pointer: u64,
    span: Span,
    /// Where the value of an earlier member with the same key waits: the later value
    /// replaces it, as in a JSON object.
    replaces: Option<usize>,
}

/// Mappings with more members than this get an index of their keys.
const INDEXED_MAPPING: usize = 16;

struct Builder<'t> {
    tree: Tree<'t>,
    stack: Vec<Frame>,
    /// Children of the open collections, innermost last.
    pending: Vec<NodeId>,
    /// The hashed pointers of the open mappings' members and where their values wait,
    /// innermost last: duplicate keys are found by comparing hashes, not strings.
    members: Vec<(u64, usize)>,
    /// Hashed JSON pointer of each open collection, innermost last.
    path: Vec<u64>,
    /// Positions of the document being built; copied into an exact-size table at its end.
    spans: Vec<SpanEntry>,
    /// Anchored values and their sizes, aliases counted expanded.
    anchors: HashMap<usize, (NodeId, usize)>,
    nodes: usize,
    /// About how many values a document holds, guessed from the text's size: the vectors
    /// of a document are made that big at once rather than grown step by step.
    expected_values: usize,
    doc_start: Option<Span>,
    root: Option<NodeId>,
    warnings: Vec<YamlError>,
}

impl Default for Builder<'_> {
    fn default() -> Self {
        Builder {
            tree: Tree::building(0),
            stack: Vec::new(),
            pending: Vec::new(),
            members: Vec::new(),
            path: Vec::new(),
            spans: Vec::new(),
            anchors: HashMap::new(),
            nodes: 0,
            expected_values: 0,
            doc_start: None,
            root: None,
            warnings: Vec::new(),
        }
    }
}

impl<'t> Builder<'t> {
    fn on_event(
        &mut self,
        event: Event<'t>,
        span: Span,
    ) -> Result<Option<Document<'t>>, YamlError> {
        match event {
            Event::Nothing | Event::StreamStart | Event::StreamEnd => Ok(None),
            Event::DocumentStart(_) => {
                self.tree = Tree::building(self.expected_values);
                self.spans.reserve(self.expected_values);
                self.stack.clear();
                self.pending.clear();
                self.members.clear();
                self.path.clear();
                self.spans.clear();
                self.anchors.clear();
                self.nodes = 0;
                self.doc_start = None;
                self.root = None;
                Ok(None)
            }
            Event::DocumentEnd => {
                let tree = std::mem::replace(&mut self.tree, Tree::building(0));
                let span = self.doc_start.take().unwrap_or(span);
                Ok(Some(Document {
                    index: 0,
                    tree: tree.finish(self.root.take()),
                    spans: SpanTable {
                        entries: self.spans.as_slice().into(),
                    },
                    span,
                }))
            }
            Event::Alias(id) => {
                let (node, size) = self.anchors.get(&id).copied().ok_or_else(|| YamlError {
                    message: "alias to an unknown anchor".into(),
                    span,
                })?;
                self.count(size, span)?;
                self.value(node, span, true)
            }
            Event::Scalar(text, style, anchor, tag) => {
                self.count(1, span)?;
                let forced_str = tag
                    .as_ref()
                    .is_some_and(|t| t.handle == "tag:yaml.org,2002:" && t.suffix == "str");
                let slot = if style == ScalarStyle::Plain && !forced_str {
                    resolve(text)
                } else {
                    Slot::Str(text)
                };
                let node = self.tree.push(slot);
                if anchor > 0 {
                    self.anchors.insert(anchor, (node, 1));
                }
                self.value(node, span, false)
            }
            Event::SequenceStart(anchor, _) => {
                self.open(false, anchor, span)?;
                Ok(None)
            }
            Event::MappingStart(anchor, _) => {
                self.open(true, anchor, span)?;
                Ok(None)
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let frame = self.stack.pop().ok_or_else(|| YamlError {
                    message: "unbalanced collection end".into(),
                    span,
                })?;
                let node = self
                    .tree
                    .push_container(frame.map, &self.pending[frame.first..]);
                self.pending.truncate(frame.first);
                self.members.truncate(frame.first_member);
                if frame.anchor > 0 {
                    let size = self.nodes - frame.nodes_before;
                    self.anchors.insert(frame.anchor, (node, size));
                }
                let whole = Span::new(frame.start.start, span.end.max(frame.start.end));
                self.close(node, whole)
            }
        }
    }

    /// The hashed pointer of the innermost open collection.
    fn parent(&self) -> u64 {
        self.path.last().copied().unwrap_or(ROOT)
    }

    fn count(&mut self, n: usize, span: Span) -> Result<(), YamlError> {
        self.nodes = self.nodes.saturating_add(n);
        if self.nodes > MAX_NODES_PER_DOCUMENT {
            return Err(YamlError {
                message: format!(
                    "document expands to more than {MAX_NODES_PER_DOCUMENT} values (alias bomb?); \
                     the rest of this file is not read"
                ),
                span,
            });
        }
        Ok(())
    }

    /// The start of a collection: it is a value of its parent, so the parent's pending key
    /// (or the item's index) becomes a path segment now.
    fn open(&mut self, map: bool, anchor: usize, span: Span) -> Result<(), YamlError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(YamlError {
                message: format!(
                    "nesting deeper than {MAX_DEPTH} levels; the rest of this file is not read"
                ),
                span,
            });
        }
        let nodes_before = self.nodes;
        self.count(1, span)?;
        if self.doc_start.is_none() {
            self.doc_start = Some(span);
        }
        let h = match self.stack.last() {
            Some(Frame {
                map: true,
                pending_key: None,
                start,
                ..
            }) => {
                return Err(YamlError {
                    message: "a mapping key must be a plain string, not a list or mapping".into(),
                    span: Span::new(span.start, span.start.max(start.start)),
                });
            }
            Some(Frame {
                map: true,
                pending_key: Some(k),
                ..
            }) => k.pointer,
            Some(Frame { first, .. }) => child_index(self.parent(), self.pending.len() - first),
            None => ROOT,
        };
        self.path.push(h);
        self.stack.push(Frame {
            map,
            start: span,
            anchor,
            first: self.pending.len(),
            first_member: self.members.len(),
            nodes_before,
            pending_key: None,
            index: None,
        });
        Ok(())
    }

    /// A finished collection is placed in its parent; its path segment was pushed by `open`.
    fn close(&mut self, node: NodeId, span: Span) -> Result<Option<Document<'t>>, YamlError> {
        let pointer = self.path.pop().unwrap_or(ROOT);
        let Some(frame) = self.stack.last_mut() else {
            self.spans.push(SpanEntry::new(pointer, None, span));
            self.root = Some(node);
            return Ok(None);
        };
        match frame.pending_key.take() {
            Some(key) if frame.map => {
                self.spans
                    .push(SpanEntry::new(pointer, Some(key.span), span));
                put_member(&mut self.pending, key, node);
            }
            _ => {
                self.spans.push(SpanEntry::new(pointer, None, span));
                self.pending.push(node);
            }
        }
        Ok(None)
    }

    /// A scalar or alias: either a key waiting for its value or a value.
    fn value(
        &mut self,
        node: NodeId,
        span: Span,
        from_alias: bool,
    ) -> Result<Option<Document<'t>>, YamlError> {
        if self.doc_start.is_none() {
            self.doc_start = Some(span);
        }
        let parent = self.parent();
        let Some(frame) = self.stack.last_mut() else {
            self.spans.push(SpanEntry::new(ROOT, None, span));
            self.root = Some(node);
            return Ok(None);
        };
        if !frame.map {
            let index = self.pending.len() - frame.first;
            self.spans
                .push(SpanEntry::new(child_index(parent, index), None, span));
            self.pending.push(node);
            return Ok(None);
        }
        match frame.pending_key.take() {
            Some(key) => {
                self.spans
                    .push(SpanEntry::new(key.pointer, Some(key.span), span));
                put_member(&mut self.pending, key, node);
            }
            None => {
                let text = match self.tree.slot(node) {
                    Slot::Str(_) => None,
                    Slot::Null if !from_alias => Some(String::new()),
                    Slot::Bool(b) => Some(b.to_string()),
                    Slot::Int(i) => Some(i.to_string()),
                    Slot::Float(f) => {
                        Some(Number::from_f64(*f).map_or_else(String::new, |n| n.to_string()))
                    }
                    _ => {
                        return Err(YamlError {
                            message: "a mapping key must be a plain string".into(),
                            span,
                        });
                    }
                };
                let id = match text {
                    Some(t) => self.tree.push(Slot::Str(t.into())),
                    None => node,
                };
                let name = self.tree.str_of(id).unwrap_or_default();
                let pointer = child(parent, name.as_bytes());
                let at = self.pending.len() + 1;
                let replaces = find_member(
                    frame,
                    &self.members,
                    &self.pending,
                    &self.tree,
                    pointer,
                    name,
                );
                if replaces.is_some() {
                    self.warnings.push(YamlError {
                        message: format!("duplicate key `{name}` in the same mapping"),
                        span,
                    });
                } else {
                    self.members.push((pointer, at));
                    if let Some(index) = &mut frame.index {
                        index.insert(name.to_owned(), at);
                    }
                }
                frame.pending_key = Some(PendingKey {
                    id,
                    pointer,
                    span,
                    replaces,
                });
            }
        }
        Ok(None)
    }
}

/// Places a mapping member's value: a new member, or the new value of an earlier one.
fn put_member(pending: &mut Vec<NodeId>, key: PendingKey, value: NodeId) {
    match key.replaces {
        Some(i) => pending[i] = value,
        None => {
            pending.push(key.id);
            pending.push(value);
        }
    }
}

/// Where the value of the open mapping's member `name` (hashed pointer `pointer`) waits,
/// if it has one.
fn find_member(
    frame: &mut Frame,
    members: &[(u64, usize)],
    pending: &[NodeId],
    tree: &Tree<'_>,
    pointer: u64,
    name: &str,
) -> Option<usize> {
    if let Some(index) = &frame.index {
        return index.get(name).copied();
    }
    let own = &members[frame.first_member..];
    // Equal hashes are checked by name: the key's id sits just before its value.
    let found = own
        .iter()
        .filter(|(h, _)| *h == pointer)
        .map(|(_, at)| *at)
        .find(|at| tree.str_of(pending[at - 1]) == Some(name));
    if found.is_none() && own.len() >= INDEXED_MAPPING {
        let index = own
            .iter()
            .map(|(_, at)| {
                (
                    tree.str_of(pending[at - 1]).unwrap_or_default().to_owned(),
                    *at,
                )
            })
            .collect();
        frame.index = Some(index);
    }
    found
}

/// A plain scalar resolved by the YAML 1.2 core schema: `yes`/`no` stay strings and dates
/// stay strings (the schemas give them their meaning).
fn resolve(text: Cow<'_, str>) -> Slot<'_> {
    match &*text {
        "" | "~" | "null" | "Null" | "NULL" => return Slot::Null,
        "true" | "True" | "TRUE" => return Slot::Bool(true),
        "false" | "False" | "FALSE" => return Slot::Bool(false),
        _ => {}
    }
    let first = text.as_bytes()[0];
    if !(first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'.')) {
        return Slot::Str(text);
    }
    if let Some(n) = parse_int(&text) {
        return Slot::Int(n);
    }
    if is_float(&text)
        && let Ok(f) = text.parse::<f64>()
        && f.is_finite()
    {
        return Slot::Float(f);
    }
    Slot::Str(text)
}

/// Resolves a plain scalar by the YAML 1.2 core schema, as the loader reads it.
pub fn resolve_plain(s: &str) -> Value {
    match resolve(Cow::Borrowed(s)) {
        Slot::Null => Value::Null,
        Slot::Bool(b) => Value::Bool(b),
        Slot::Int(i) => Value::Number(i.into()),
        Slot::Float(f) => Number::from_f64(f).map_or(Value::Null, Value::Number),
        _ => Value::String(s.to_owned()),
    }
}

fn parse_int(s: &str) -> Option<i64> {
    if let Some(h) = s.strip_prefix("0x") {
        return i64::from_str_radix(h, 16).ok();
    }
    if let Some(o) = s.strip_prefix("0o") {
        return i64::from_str_radix(o, 8).ok();
    }
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    None
}

fn is_float(s: &str) -> bool {
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    let (mantissa, exp) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let mantissa_ok = {
        let (int, frac) = match mantissa.find('.') {
            Some(i) => (&mantissa[..i], Some(&mantissa[i + 1..])),
            None => (mantissa, None),
        };
        let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        digits(int)
            && frac.is_none_or(digits)
            && !(int.is_empty() && frac.is_none_or(str::is_empty))
    };
    let exp_ok = exp.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && e.bytes().all(|b| b.is_ascii_digit())
    });
    mantissa_ok && exp_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn resolves_core_schema_scalars() {
        assert_eq!(resolve_plain("3"), json!(3));
        assert_eq!(resolve_plain("-2"), json!(-2));
        assert_eq!(resolve_plain("0.9"), json!(0.9));
        assert_eq!(resolve_plain("true"), json!(true));
        assert_eq!(resolve_plain("yes"), json!("yes"));
        assert_eq!(resolve_plain("~"), json!(null));
        assert_eq!(resolve_plain("2023-03-15"), json!("2023-03-15"));
        assert_eq!(resolve_plain("1.2.3"), json!("1.2.3"));
        assert_eq!(resolve_plain("KS 2023"), json!("KS 2023"));
    }

    #[test]
    fn keeps_positions_of_keys_and_values() {
        let p = parse("kind: policy\nid: a\nhosting:\n  model: saas\nlist: [1, 2]\n");
        assert!(p.error.is_none());
        let d = &p.documents[0];
        assert_eq!(d.tree.to_value()["hosting"]["model"], json!("saas"));
        let v = d.spans.value("/hosting/model").expect("span");
        assert_eq!((v.start.line, v.start.col), (4, 9));
        let k = d.spans.key("/hosting/model").expect("span");
        assert_eq!((k.start.line, k.start.col), (4, 2));
        let item = d.spans.value("/list/1").expect("span");
        assert_eq!((item.start.line, item.start.col), (5, 10));
        // A pointer below a scalar falls back to the nearest ancestor.
        assert_eq!(d.spans.value("/hosting/model/x"), Some(v));
        // A block value starts on the line below its key.
        let k = d.spans.key("/hosting").expect("span");
        assert_eq!((k.start.line, k.start.col, k.end.col), (3, 0, 7));
        assert_eq!(d.spans.value("/hosting").expect("span").start.line, 4);
    }

    #[test]
    fn a_key_far_above_its_value_falls_back_to_the_value() {
        let text = format!(
            "kind: unit\nnotes: # the text follows\n{}  later\n",
            "\n".repeat(70_000)
        );
        let p = parse(&text);
        assert!(p.error.is_none(), "{:?}", p.error);
        let v = p.documents[0].spans.value("/notes").expect("span");
        assert_eq!(v.start.line, 70_003);
        assert_eq!(p.documents[0].spans.key("/notes"), Some(v));
        let near = p.documents[0].spans.key("/kind").expect("span");
        assert_eq!(near.start.line, 1);
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
        assert!(e.message.contains("nest"), "{}", e.message);
        let block: String = (0..2_000)
            .map(|i| format!("{}k:\n", " ".repeat(i)))
            .collect();
        let p = parse(&block);
        assert!(p.error.is_some());
    }

    #[test]
    fn refuses_alias_bombs() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let prev = i - 1;
            text.push_str(&format!(
                "a{i}: &a{i} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"
            ));
        }
        let p = parse(&text);
        let e = p.error.expect("error");
        assert!(e.message.contains("alias bomb"), "{}", e.message);
    }

    #[test]
    fn reports_duplicate_keys() {
        let p = parse("id: a\nid: b\n");
        assert_eq!(p.warnings.len(), 1);
        assert_eq!(p.warnings[0].span.start.line, 2);
    }

    #[test]
    fn positions_stay_inside_the_text() {
        let p = parse("{");
        let e = p.error.expect("error");
        assert_eq!((e.span.start.line, e.span.start.col), (1, 1));
        let p = parse("kind: unit\nid: [a");
        let e = p.error.expect("error");
        assert_eq!((e.span.start.line, e.span.start.col), (2, 6));
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
