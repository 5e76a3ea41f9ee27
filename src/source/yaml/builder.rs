//! Parser events to a document tree and its span table, with the bounds on depth, alias
//! expansion and size, and the detection of duplicate keys.

use std::collections::HashMap;

use saphyr_parser::{Event, ScalarStyle};
use serde_json::Number;

use super::mistake::TabLines;
use super::scalar::resolve;
use super::spans::{ROOT, SpanEntry, SpanTable, child, child_index};
use super::{Document, MAX_DEPTH, MAX_NODES_PER_DOCUMENT, Problem, YamlError};
use crate::source::span::Span;
use crate::source::tree::{NodeId, Slot, Tree};

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

pub(super) struct Builder<'t> {
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
    pub(super) warnings: Vec<YamlError>,
    /// The text's lines when it holds a tab, for the check the scanner leaves out.
    tabs: Option<TabLines<'t>>,
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
            tabs: None,
        }
    }
}

impl<'t> Builder<'t> {
    /// A builder for the documents of `text`.
    pub(super) fn for_text(text: &'t str) -> Builder<'t> {
        Builder {
            // A record file has a value for every 25 bytes or so; a file of many documents
            // gets no more than a large record's worth per document.
            expected_values: (text.len() / 25).clamp(8, 512),
            pending: Vec::with_capacity(64),
            members: Vec::with_capacity(64),
            path: Vec::with_capacity(8),
            tabs: TabLines::of(text),
            ..Builder::default()
        }
    }

    pub(super) fn on_event(
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
                let (node, size) = self.anchors.get(&id).copied().ok_or(YamlError {
                    problem: Problem::UnknownAnchor,
                    span,
                })?;
                self.count(size, span)?;
                self.value(node, span, true)
            }
            Event::Scalar(text, style, anchor, tag) => {
                self.count(1, span)?;
                // `!!str 12`, the verbatim `!<tag:yaml.org,2002:str> 12`, and the
                // non-specific `! 12` are text (YAML 1.2, 6.9.1: a plain scalar with the
                // `!` tag is not resolved); other tags are not interpreted.
                let forced_str = tag.as_ref().is_some_and(|t| {
                    matches!(
                        (t.handle.as_str(), t.suffix.as_str()),
                        ("", "!") | ("!", "")
                    ) || format!("{}{}", t.handle, t.suffix) == "tag:yaml.org,2002:str"
                });
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
                let frame = self.stack.pop().ok_or(YamlError {
                    problem: Problem::UnbalancedEnd,
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
                problem: Problem::TooManyValues,
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
                problem: Problem::TooDeep,
                span,
            });
        }
        if let Some((mistake, at)) = self
            .tabs
            .as_ref()
            .and_then(|t| t.before_collection(span.start))
        {
            return Err(YamlError {
                problem: Problem::Mistake(mistake),
                span: at,
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
                    problem: Problem::CollectionKey,
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
                            problem: Problem::KeyNotString,
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
                        problem: Problem::DuplicateKey(name.to_owned()),
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

#[cfg(test)]
mod tests {
    use crate::source::yaml::{Problem, parse};

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
        assert_eq!(e.problem, Problem::TooManyValues);
    }

    #[test]
    fn reports_duplicate_keys() {
        let p = parse("id: a\nid: b\n");
        assert_eq!(p.warnings.len(), 1);
        assert_eq!(p.warnings[0].span.start.line, 2);
    }
}
