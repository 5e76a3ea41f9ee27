//! One YAML document as a flat tree: every value in one vector, strings borrowed from the
//! file's text where the parser could.
//!
//! This is what a record is between parsing and typing. The schema validator reads it in
//! place (through `jsonschema`'s custom-representation traits) and the typed records are
//! deserialised straight from it, so a record costs no `serde_json::Value` and no string is
//! copied twice: at a hundred thousand records the intermediate tree was a third of the
//! loading time and most of its allocations. A `serde_json::Value` is built only for the
//! rare record that fails its schema, for the error messages.

use std::borrow::Cow;
use std::fmt;

use jsonschema::JsonType;
use jsonschema::json::{Array, Json, JsonNumber, Node, NodeIdentity, Object};
use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};
use serde_json::Value;

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
        self
    }

    pub(crate) fn slot(&self, id: NodeId) -> &Slot<'t> {
        &self.slots[id as usize]
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
            skip_prose: false,
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
    /// Whether deserialising leaves free text unread ([`crate::model::FreeText::Skip`]);
    /// passed on to every value below.
    skip_prose: bool,
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

    /// This value as typed records deserialise it under `free_text`.
    pub fn reading(self, free_text: crate::model::FreeText) -> NodeRef<'a> {
        NodeRef {
            skip_prose: free_text == crate::model::FreeText::Skip,
            ..self
        }
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

// ---------------------------------------------------------------------------------------
// The tree as an instance representation for `jsonschema`.

/// The marker type that makes [`Tree`] an instance representation for `jsonschema`.
pub struct TreeJson;

impl Json for TreeJson {
    type Node<'a> = NodeRef<'a>;
    type PreparedKey = Box<str>;
    /// A lookup is a linear scan of a record's dozen or two keys, so one pass over the
    /// members beats several lookups.
    const KEYS_PER_LOOKUP: usize = 4;
    /// Aliases only name values already complete, so no value contains itself.
    const ACYCLIC: bool = true;
    type StringBuffer = Tree<'static>;

    fn prepare_key(key: &str) -> Box<str> {
        key.into()
    }

    fn with_string_node<T>(
        buffer: &mut Tree<'static>,
        string: &str,
        f: impl FnOnce(NodeRef<'_>) -> T,
    ) -> T {
        buffer.slots.clear();
        buffer.links.clear();
        buffer.slots.push(Slot::Str(Cow::Owned(string.to_owned())));
        buffer.root = 0;
        f(buffer.root())
    }
}

/// A number of the tree: YAML integers stay integers.
#[derive(Clone, Copy)]
pub enum TreeNumber {
    Int(i64),
    Float(f64),
}

impl JsonNumber for TreeNumber {
    fn as_u64(&self) -> Option<u64> {
        match *self {
            TreeNumber::Int(i) => u64::try_from(i).ok(),
            TreeNumber::Float(_) => None,
        }
    }

    fn as_i64(&self) -> Option<i64> {
        match *self {
            TreeNumber::Int(i) => Some(i),
            TreeNumber::Float(_) => None,
        }
    }

    fn as_f64(&self) -> Option<f64> {
        Some(match *self {
            TreeNumber::Int(i) => i as f64,
            TreeNumber::Float(f) => f,
        })
    }

    fn as_str(&self) -> Cow<'_, str> {
        Cow::Owned(self.to_number().to_string())
    }

    fn to_number(&self) -> Cow<'_, serde_json::Number> {
        Cow::Owned(match *self {
            TreeNumber::Int(i) => i.into(),
            // The builder keeps only finite floats.
            TreeNumber::Float(f) => {
                serde_json::Number::from_f64(f).unwrap_or_else(|| serde_json::Number::from(0))
            }
        })
    }

    fn is_integer(&self) -> bool {
        match *self {
            TreeNumber::Int(_) => true,
            TreeNumber::Float(f) => f.fract() == 0.0,
        }
    }

    fn is_written_as_integer(&self) -> bool {
        matches!(self, TreeNumber::Int(_))
    }
}

impl<'a> Node<'a, TreeJson> for NodeRef<'a> {
    type Object = MapRef<'a>;
    type Array = SeqRef<'a>;
    type Number = TreeNumber;

    fn as_object(&self) -> Option<MapRef<'a>> {
        self.members()
    }

    fn as_array(&self) -> Option<SeqRef<'a>> {
        self.items()
    }

    fn as_string(&self) -> Option<Cow<'a, str>> {
        NodeRef::as_str(self).map(Cow::Borrowed)
    }

    fn as_number(&self) -> Option<TreeNumber> {
        match *self.slot() {
            Slot::Int(i) => Some(TreeNumber::Int(i)),
            Slot::Float(f) => Some(TreeNumber::Float(f)),
            _ => None,
        }
    }

    fn as_boolean(&self) -> Option<bool> {
        match *self.slot() {
            Slot::Bool(b) => Some(b),
            _ => None,
        }
    }

    fn is_null(&self) -> bool {
        NodeRef::is_null(self)
    }

    fn json_type(&self) -> JsonType {
        match self.slot() {
            Slot::Null => JsonType::Null,
            Slot::Bool(_) => JsonType::Boolean,
            Slot::Int(_) | Slot::Float(_) => JsonType::Number,
            Slot::Str(_) => JsonType::String,
            Slot::Seq { .. } => JsonType::Array,
            Slot::Map { .. } => JsonType::Object,
        }
    }

    fn equals_value(&self, expected: &Value) -> bool {
        // `enum` and `const` of strings are most of the schemas' comparisons: answered
        // without building a value.
        match (self.slot(), expected) {
            (Slot::Str(s), Value::String(e)) => s == e,
            (Slot::Str(_), _) | (_, Value::String(_)) => false,
            (Slot::Null, e) => e.is_null(),
            (Slot::Bool(b), e) => e.as_bool() == Some(*b),
            _ => jsonschema::json::cmp::equal(&self.to_value(), expected),
        }
    }

    fn to_value(&self) -> Cow<'a, Value> {
        Cow::Owned(NodeRef::to_value(self))
    }

    fn identity(&self) -> Option<NodeIdentity> {
        Some(NodeIdentity::tagged(
            std::ptr::from_ref::<Tree<'_>>(self.tree) as usize,
            self.id,
        ))
    }
}

impl<'a> Object<'a, TreeJson> for MapRef<'a> {
    type Node = NodeRef<'a>;
    type MemberName = &'a str;
    type MembersIter = MembersIter<'a>;

    fn len(&self) -> usize {
        self.pairs.len() / 2
    }

    fn get(&self, key: &Box<str>) -> Option<NodeRef<'a>> {
        self.find(key)
    }

    fn members(&self) -> MembersIter<'a> {
        self.iter()
    }
}

impl<'a> Array<'a, TreeJson> for SeqRef<'a> {
    type Node = NodeRef<'a>;
    type ElementsIter = ItemsIter<'a>;

    fn len(&self) -> usize {
        self.items.len()
    }

    fn elements(&self) -> ItemsIter<'a> {
        self.iter()
    }
}

// ---------------------------------------------------------------------------------------
// Typed records straight from the tree.

/// A typing error: the message serde composes.
#[derive(Debug, Clone, PartialEq)]
pub struct DeError(String);

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError(msg.to_string())
    }
}

impl<'a> NodeRef<'a> {
    fn unexpected(&self) -> de::Unexpected<'a> {
        match self.slot() {
            Slot::Null => de::Unexpected::Unit,
            Slot::Bool(b) => de::Unexpected::Bool(*b),
            Slot::Int(i) => match u64::try_from(*i) {
                Ok(u) => de::Unexpected::Unsigned(u),
                Err(_) => de::Unexpected::Signed(*i),
            },
            Slot::Float(f) => de::Unexpected::Float(*f),
            Slot::Str(s) => de::Unexpected::Str(s),
            Slot::Seq { .. } => de::Unexpected::Seq,
            Slot::Map { .. } => de::Unexpected::Map,
        }
    }
}

/// Reads a node as `serde_json::Value`'s deserialiser reads the same value, except that a
/// mapping's empty (`null`) members are left out, at every level: the schema has accepted
/// them on optional fields only, and an empty optional field (`traceability:`) means the
/// same as an absent one.
impl<'de, 'a> de::Deserializer<'de> for NodeRef<'a> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.slot() {
            Slot::Null => visitor.visit_unit(),
            Slot::Bool(b) => visitor.visit_bool(*b),
            Slot::Int(i) => match u64::try_from(*i) {
                Ok(u) => visitor.visit_u64(u),
                Err(_) => visitor.visit_i64(*i),
            },
            Slot::Float(f) => visitor.visit_f64(*f),
            Slot::Str(s) => visitor.visit_str(s),
            Slot::Seq { .. } => {
                let items = self.items().map(|s| s.iter());
                let mut access = SeqAccess { items };
                let value = visitor.visit_seq(&mut access)?;
                match access.items.map_or(0, |i| i.len()) {
                    0 => Ok(value),
                    _ => Err(de::Error::invalid_length(
                        self.items().map_or(0, |s| s.items.len()),
                        &"fewer elements in sequence",
                    )),
                }
            }
            Slot::Map { .. } => {
                let members = self.members().map(|m| m.iter());
                visitor.visit_map(MapAccess {
                    members,
                    value: None,
                })
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.slot() {
            Slot::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        // Free text left in the file: the schema has checked it already.
        if self.skip_prose && name == crate::model::prose::NEWTYPE {
            return visitor.visit_unit();
        }
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match self.slot() {
            Slot::Str(s) => {
                visitor.visit_enum(IntoDeserializer::<DeError>::into_deserializer(s.as_ref()))
            }
            Slot::Map { len: 1, .. } => {
                let (variant, value) = self
                    .members()
                    .and_then(|m| m.iter().next())
                    .ok_or_else(|| de::Error::custom("empty mapping"))?;
                visitor.visit_enum(EnumAccess { variant, value })
            }
            _ => Err(de::Error::invalid_type(self.unexpected(), &"string or map")),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct identifier
    }
}

struct SeqAccess<'a> {
    items: Option<ItemsIter<'a>>,
}

impl<'de, 'a> de::SeqAccess<'de> for SeqAccess<'a> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        match self.items.as_mut().and_then(Iterator::next) {
            Some(node) => seed.deserialize(node).map(Some),
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        self.items.as_ref().map(ExactSizeIterator::len)
    }
}

impl ExactSizeIterator for ItemsIter<'_> {}

struct MapAccess<'a> {
    members: Option<MembersIter<'a>>,
    value: Option<NodeRef<'a>>,
}

impl<'de, 'a> de::MapAccess<'de> for MapAccess<'a> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let Some(members) = self.members.as_mut() else {
            return Ok(None);
        };
        for (key, value) in members.by_ref() {
            if value.is_null() {
                continue;
            }
            self.value = Some(value);
            return seed
                .deserialize(IntoDeserializer::<DeError>::into_deserializer(key))
                .map(Some);
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        match self.value.take() {
            Some(v) => seed.deserialize(v),
            None => Err(de::Error::custom("value is missing")),
        }
    }
}

struct EnumAccess<'a> {
    variant: &'a str,
    value: NodeRef<'a>,
}

impl<'de, 'a> de::EnumAccess<'de> for EnumAccess<'a> {
    type Error = DeError;
    type Variant = VariantAccess<'a>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, VariantAccess<'a>), DeError> {
        let v = seed.deserialize(IntoDeserializer::<DeError>::into_deserializer(self.variant))?;
        Ok((v, VariantAccess(self.value)))
    }
}

struct VariantAccess<'a>(NodeRef<'a>);

impl<'de, 'a> de::VariantAccess<'de> for VariantAccess<'a> {
    type Error = DeError;

    fn unit_variant(self) -> Result<(), DeError> {
        match self.0.slot() {
            Slot::Null => Ok(()),
            _ => Err(de::Error::invalid_type(
                self.0.unexpected(),
                &"unit variant",
            )),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, DeError> {
        seed.deserialize(self.0)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, DeError> {
        de::Deserializer::deserialize_any(self.0, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        de::Deserializer::deserialize_any(self.0, visitor)
    }
}
