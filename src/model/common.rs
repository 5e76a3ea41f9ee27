//! What every record has: the common fields, the record trait, and the macro that declares
//! a record type with both.

use serde::{Deserialize, Serialize};

use super::{Date, Kind};

/// A waiver: silences one rule for its record until `until` (inclusive).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Waiver {
    pub rule: String,
    pub reason: String,
    pub until: Date,
    #[serde(default)]
    pub approved_by: Option<String>,
}

/// What every record is, whatever its kind: the one trait the repository, the rules' sink
/// and the kind-agnostic commands (`list`, `export`, `due`) use. Implemented by `record!`.
pub trait Record: Sync + Send + std::fmt::Debug {
    fn kind(&self) -> Kind;
    fn id(&self) -> &str;
    fn waivers(&self) -> &[Waiver];
    /// The record's fields as JSON, in the model's field order.
    fn to_json(&self) -> serde_json::Value;
    /// Tells `refs` every reference the record makes to another record (REC003).
    fn references(&self, refs: &mut dyn References) {
        let _ = refs;
    }
}

/// Receives a record's references: the JSON pointer of the field, the kind referred to and
/// the id written there.
pub trait References {
    /// A field holding one id (absent: no reference).
    fn one(&mut self, pointer: &str, target: Kind, id: Option<&str>);
    /// A field holding a list of ids; each is at `pointer/<index>`.
    fn many(&mut self, pointer: &str, target: Kind, ids: &[String]);
}

/// Declares a record type with the fields every kind shares (`id`, `tags`, `notes`,
/// `waivers`) ahead of its own, and implements [`Record`] for it; the optional
/// `fn references(&self, refs) { .. }` after the struct lists the references it makes.
/// The type's name is its [`Kind`] variant's. A plain struct, not `#[serde(flatten)]`:
/// flattening buffers every record and hides the field list the schema agreement test reads.
macro_rules! record {
    (
        $(#[$m:meta])* pub struct $name:ident { $($(#[$fm:meta])* pub $f:ident : $t:ty),* $(,)? }
        $(fn references(&$s:ident, $refs:ident) $body:block)?
    ) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        pub struct $name {
            pub id: String,
            #[serde(default)]
            pub tags: Vec<String>,
            #[serde(default)]
            pub notes: $crate::model::Prose,
            #[serde(default)]
            pub waivers: Vec<$crate::model::Waiver>,
            $($(#[$fm])* pub $f: $t,)*
        }

        impl $crate::model::Record for $name {
            fn kind(&self) -> $crate::model::Kind {
                $crate::model::Kind::$name
            }
            fn id(&self) -> &str {
                &self.id
            }
            fn waivers(&self) -> &[$crate::model::Waiver] {
                &self.waivers
            }
            fn to_json(&self) -> serde_json::Value {
                // The model types are plain data: serialising them cannot fail.
                serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
            }
            $(
                fn references(&$s, $refs: &mut dyn $crate::model::References) $body
            )?
        }
    };
}
