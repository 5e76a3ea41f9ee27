//! Free text in records (`notes`, `description`, `rationale`), which only some commands
//! read.
//!
//! No rule and no report reads free text, yet in a realistic repository it is most of each
//! record's bytes: at a hundred thousand records it is about a third of what `isms check`
//! would keep in memory, and putting that memory in place was measured at 3–4 % of the run.
//! So `check`, `validate` and `report` load records with [`FreeText::Skip`], and the
//! commands that print whole records (`list`, `export`) with [`FreeText::Read`]. The
//! schemas check free text in every command alike: skipping concerns only the typed record.

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// Whether loading puts records' free text into the typed records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FreeText {
    /// Every field is read: for commands that show records.
    #[default]
    Read,
    /// Free text is left in the file and the field says only that it was there.
    Skip,
}

/// A free-text field of a record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Prose {
    /// The record has no such field (or it is empty).
    #[default]
    Absent,
    Text(String),
    /// The record has text here, not read under [`FreeText::Skip`].
    Unread,
}

impl Prose {
    /// The text, when it was read.
    pub fn as_deref(&self) -> Option<&str> {
        match self {
            Prose::Text(s) => Some(s),
            Prose::Absent | Prose::Unread => None,
        }
    }

    pub fn is_present(&self) -> bool {
        !matches!(self, Prose::Absent)
    }
}

/// The newtype name a [`Prose`] field asks its deserialiser for. The record tree's
/// deserialiser (`crate::tree::NodeRef`) answers it with a unit under [`FreeText::Skip`];
/// any other deserialiser reads the text (`serde_json`'s `RawValue` uses the same hook).
pub(crate) const NEWTYPE: &str = "$isms::Prose";

impl<'de> Deserialize<'de> for Prose {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Prose, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Prose;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("text")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Prose, E> {
                Ok(Prose::Unread)
            }
            fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Prose, D::Error> {
                Ok(Option::<String>::deserialize(d)?.map_or(Prose::Absent, Prose::Text))
            }
        }
        d.deserialize_newtype_struct(NEWTYPE, V)
    }
}

/// As `Option<String>`: the text, or `null`. Text that was not read is an error rather
/// than a silent `null`: the commands that write records out read every field.
impl Serialize for Prose {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Prose::Unread => Err(serde::ser::Error::custom(
                "free text that was not read cannot be written",
            )),
            _ => self.as_deref().serialize(s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_text_from_any_deserialiser() {
        let p: Prose = serde_json::from_str(r#""Fritext""#).unwrap();
        assert_eq!(p, Prose::Text("Fritext".into()));
        let p: Prose = serde_json::from_str("null").unwrap();
        assert_eq!(p, Prose::Absent);
    }

    #[test]
    fn serialises_as_an_optional_string() {
        assert_eq!(
            serde_json::to_string(&Prose::Text("a".into())).unwrap(),
            r#""a""#
        );
        assert_eq!(serde_json::to_string(&Prose::Absent).unwrap(), "null");
        assert!(serde_json::to_string(&Prose::Unread).is_err());
    }
}
