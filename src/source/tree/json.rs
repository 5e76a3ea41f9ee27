//! The tree as an instance representation for `jsonschema`: the schemas validate a record
//! in place, without building a `serde_json::Value`.

use std::borrow::Cow;

use jsonschema::JsonType;
use jsonschema::json::{Array, Json, JsonNumber, Node, NodeIdentity, Object};
use serde_json::Value;

use super::{ItemsIter, MapRef, MembersIter, NodeRef, SeqRef, Slot, Tree};

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
