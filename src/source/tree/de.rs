//! Typed records straight from the tree: a serde `Deserializer` over [`NodeRef`].

use std::fmt;

use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};

use super::{ItemsIter, MembersIter, NodeRef, Slot};

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
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
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
