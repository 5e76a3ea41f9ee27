//! One YAML document as a flat tree: every value in one vector, strings borrowed from the
//! file's text where the parser could.
//!
//! This is what a record is between parsing and typing. The schema validator reads it in
//! place (through `jsonschema`'s custom-representation traits) and the typed records are
//! deserialised straight from it, so a record costs no `serde_json::Value` and no string is
//! copied twice: at a hundred thousand records the intermediate tree was a third of the
//! loading time and most of its allocations. A `serde_json::Value` is built only for the
//! rare record that fails its schema, for the error messages.

mod de;
mod json;

use std::borrow::Cow;
use std::fmt;

use serde_json::Value;

pub use de::DeError;
pub use json::{TreeJson, TreeNumber};

/// Index of a value in its tree.
pub type NodeId = u32;

/// One value. Containers point into the tree's `links`: a sequence's items, or a
/// mapping's key and value ids in turn.
#[derive(Debug, Clone)]
pub enum Slot<'t> {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Cow<'t, str>),
    Seq { start: u32, len: u32 },
    Map { start: u32, len: u32 },
}

/// A document's values; `'t` is the lifetime of the text the strings borrow from.
#[derive(Debug, Clone)]
pub struct Tree<'t> {
    slots: Vec<Slot<'t>>,
    links: Vec<NodeId>,
    root: NodeId,
}

impl Default for Tree<'_> {
    fn default() -> Self {
        Tree {
            slots: vec![Slot::Null],
            links: Vec::new(),
            root: 0,
        }
    }
}

impl<'t> Tree<'t> {
    /// An empty tree to build into, with room for about `values` values;
    /// [`Tree::finish`] names its root.
    pub(crate) fn building(values: usize) -> Tree<'t> {
        Tree {
            slots: Vec::with_capacity(values),
            links: Vec::with_capacity(values),
            root: 0,
        }
    }

    pub(crate) fn push(&mut self, slot: Slot<'t>) -> NodeId {
        let id = NodeId::try_from(self.slots.len()).unwrap_or(NodeId::MAX);
        self.slots.push(slot);
        id
    }

    /// A container whose children (item ids, or key and value ids in turn) are `children`.
    pub(crate) fn push_container(&mut self, map: bool, children: &[NodeId]) -> NodeId {
        let start = u32::try_from(self.links.len()).unwrap_or(u32::MAX);
        self.links.extend_from_slice(children);
        let n = u32::try_from(children.len()).unwrap_or(u32::MAX);
        self.push(if map {
            Slot::Map { start, len: n / 2 }
        } else {
            Slot::Seq { start, len: n }
        })
    }

    pub(crate) fn finish(mut self, root: Option<NodeId>) -> Tree<'t> {
        self.root = match root {
            Some(r) => r,
            None => self.push(Slot::Null),
        };
        // Room was reserved from the file's size, for the first document; a file of many
        // small documents must not keep that much for each of them.
        self.slots.shrink_to_fit();
        self.links.shrink_to_fit();
        self
    }

    pub(crate) fn slot(&self, id: NodeId) -> &Slot<'t> {
        &self.slots[id as usize]
    }

    /// Whether any string of the document (a key or a value) satisfies `f`: one pass over
    /// the values in storage order, for a check that almost never finds anything.
    pub fn any_str(&self, f: impl Fn(&str) -> bool) -> bool {
        self.slots.iter().any(|s| matches!(s, Slot::Str(t) if f(t)))
    }

    /// How many values the tree has room for (for the tests of its memory).
    #[cfg(test)]
    pub(crate) fn capacity(&self) -> usize {
        self.slots.capacity() + self.links.capacity()
    }

    /// The text of a string value.
    pub(crate) fn str_of(&self, id: NodeId) -> Option<&str> {
        match self.slot(id) {
            Slot::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn root(&self) -> NodeRef<'_> {
        NodeRef {
            tree: self,
            id: self.root,
        }
    }

    /// The document as a `serde_json::Value`, for the cold paths (schema error messages).
    pub fn to_value(&self) -> Value {
        self.root().to_value()
    }
}

/// A value in a tree; copied freely.
#[derive(Clone, Copy)]
pub struct NodeRef<'a> {
    tree: &'a Tree<'a>,
    id: NodeId,
}

impl fmt::Debug for NodeRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.to_value(), f)
    }
}

impl<'a> NodeRef<'a> {
    fn slot(&self) -> &'a Slot<'a> {
        &self.tree.slots[self.id as usize]
    }

    fn at(&self, id: NodeId) -> NodeRef<'a> {
        NodeRef { id, ..*self }
    }

    fn links(&self, start: u32, len: usize) -> &'a [NodeId] {
        let start = start as usize;
        &self.tree.links[start..start + len]
    }

    pub fn is_null(&self) -> bool {
        matches!(self.slot(), Slot::Null)
    }

    pub fn as_str(&self) -> Option<&'a str> {
        match self.slot() {
            Slot::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The members of a mapping, in document order.
    pub fn members(&self) -> Option<MapRef<'a>> {
        match *self.slot() {
            Slot::Map { start, len } => Some(MapRef {
                node: *self,
                pairs: self.links(start, len as usize * 2),
            }),
            _ => None,
        }
    }

    /// The items of a sequence.
    pub fn items(&self) -> Option<SeqRef<'a>> {
        match *self.slot() {
            Slot::Seq { start, len } => Some(SeqRef {
                node: *self,
                items: self.links(start, len as usize),
            }),
            _ => None,
        }
    }

    /// The value of `key` in a mapping.
    pub fn get(&self, key: &str) -> Option<NodeRef<'a>> {
        self.members()?.find(key)
    }

    pub fn to_value(&self) -> Value {
        match self.slot() {
            Slot::Null => Value::Null,
            Slot::Bool(b) => Value::Bool(*b),
            Slot::Int(i) => Value::Number((*i).into()),
            Slot::Float(f) => serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number),
            Slot::Str(s) => Value::String(s.to_string()),
            Slot::Seq { .. } => Value::Array(
                self.items()
                    .map(|s| s.iter().map(|n| n.to_value()).collect())
                    .unwrap_or_default(),
            ),
            Slot::Map { .. } => Value::Object(
                self.members()
                    .map(|m| {
                        m.iter()
                            .map(|(k, v)| (k.to_owned(), v.to_value()))
                            .collect()
                    })
                    .unwrap_or_default(),
            ),
        }
    }
}

/// A mapping's members.
#[derive(Clone, Copy)]
pub struct MapRef<'a> {
    node: NodeRef<'a>,
    pairs: &'a [NodeId],
}

impl<'a> MapRef<'a> {
    pub fn iter(&self) -> MembersIter<'a> {
        MembersIter {
            node: self.node,
            pairs: self.pairs.chunks_exact(2),
        }
    }

    pub fn find(&self, key: &str) -> Option<NodeRef<'a>> {
        self.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }
}

pub struct MembersIter<'a> {
    node: NodeRef<'a>,
    pairs: std::slice::ChunksExact<'a, NodeId>,
}

impl<'a> Iterator for MembersIter<'a> {
    type Item = (&'a str, NodeRef<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        let pair = self.pairs.next()?;
        // Keys are always strings: the builder turns other scalar keys into text.
        let key = self.node.at(pair[0]).as_str().unwrap_or_default();
        Some((key, self.node.at(pair[1])))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.pairs.size_hint()
    }
}

/// A sequence's items.
#[derive(Clone, Copy)]
pub struct SeqRef<'a> {
    node: NodeRef<'a>,
    items: &'a [NodeId],
}

impl<'a> SeqRef<'a> {
    pub fn iter(&self) -> ItemsIter<'a> {
        ItemsIter {
            node: self.node,
            items: self.items.iter(),
        }
    }
}

pub struct ItemsIter<'a> {
    node: NodeRef<'a>,
    items: std::slice::Iter<'a, NodeId>,
}

impl<'a> Iterator for ItemsIter<'a> {
    type Item = NodeRef<'a>;

    fn next(&mut self) -> Option<Self::Item> {
        self.items.next().map(|id| self.node.at(*id))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.items.size_hint()
    }
}

impl ExactSizeIterator for ItemsIter<'_> {}
