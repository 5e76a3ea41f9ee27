//! The table of record kinds: every per-kind list in `isms` is generated from it.
//!
//! A kind is one row of the table in `model/mod.rs` (`kind_table!`), which hands the rows to
//! a callback macro, so each layer generates what it needs from the same rows: [`Kind`] and
//! [`AnyRecord`] here, the model modules (`model`), the repository's per-kind lists
//! (`repo`), the embedded schemas (`schema`), the templates of `isms init` and `isms new`
//! (`scaffold`).

use serde::{Deserialize, Serialize};

use super::*;

/// Generates [`Kind`], its names and [`AnyRecord`] from the table.
macro_rules! define_kinds {
    ($($variant:ident {
        kind: $kind:ident, plural: $plural:literal, folder: $folder:literal,
        list: $list:ident, path: $path:literal, example: $example:literal,
        columns: [$($column:literal),* $(,)?] $(,)?
    }),* $(,)?) => {
        /// The record kinds, named as in the `kind:` field (and serialised by that name).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Kind {
            $($variant,)*
        }

        impl Kind {
            /// Every kind, in table order (the order of summaries and exports).
            pub const ALL: [Kind; [$(Kind::$variant),*].len()] = [$(Kind::$variant),*];

            /// The kinds' names, in table order.
            pub const NAMES: [&'static str; Kind::ALL.len()] = [$(stringify!($kind)),*];

            /// The name used in `kind:` and in the file names of `schemas/` and templates.
            pub fn as_str(self) -> &'static str {
                Kind::NAMES[self as usize]
            }

            /// The plural used in summaries ("assets 120").
            pub fn plural(self) -> &'static str {
                match self {
                    $(Kind::$variant => $plural,)*
                }
            }

            /// The conventional folder of the kind in a repository (`""`: the root).
            pub fn folder(self) -> &'static str {
                match self {
                    $(Kind::$variant => $folder,)*
                }
            }

            /// Where `isms new` writes a record, with `{id}` and `{year}` to fill in.
            pub fn path_pattern(self) -> &'static str {
                match self {
                    $(Kind::$variant => $path,)*
                }
            }

            /// Where `isms init` writes the kind's example record, with `{{year}}`.
            pub fn example_path(self) -> &'static str {
                match self {
                    $(Kind::$variant => $example,)*
                }
            }

            /// The fields `isms list` shows after the id (JSON field names of the record).
            pub fn columns(self) -> &'static [&'static str] {
                match self {
                    $(Kind::$variant => &[$($column),*],)*
                }
            }
        }

        /// A record of any kind. Behind a shared pointer: records move from the parsing
        /// threads to the repository as a pointer, where the largest record is hundreds of
        /// bytes, and the revisions of a trend that hold the same file share its records
        /// rather than each holding a copy.
        #[derive(Debug, Clone)]
        pub enum AnyRecord {
            $($variant(std::sync::Arc<$variant>),)*
        }

        $(
            impl From<$variant> for AnyRecord {
                fn from(r: $variant) -> AnyRecord {
                    AnyRecord::$variant(std::sync::Arc::new(r))
                }
            }
        )*

        /// Calls `visitor` with every kind and its model type, in table order: for code
        /// that needs each kind's type, such as the tests that compare the model with the
        /// schemas, without a list of kinds of its own.
        pub fn visit_kinds(visitor: &mut impl KindVisitor) {
            $(visitor.visit::<$variant>(Kind::$variant);)*
        }

        impl AnyRecord {
            /// A record of `kind` from any serde deserialiser (the loader's is the
            /// record's document tree).
            pub fn deserialize_kind<'de, D: serde::Deserializer<'de>>(
                kind: Kind,
                value: D,
            ) -> Result<AnyRecord, D::Error> {
                Ok(match kind {
                    $(Kind::$variant => AnyRecord::$variant(std::sync::Arc::new($variant::deserialize(value)?)),)*
                })
            }

            /// The record as the kind-agnostic record trait.
            pub fn as_record(&self) -> &dyn Record {
                match self {
                    $(AnyRecord::$variant(r) => &**r,)*
                }
            }
        }
    };
}
kind_table!(define_kinds);

impl Kind {
    /// The kind a `kind:` field names, exactly as written.
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The kind a user named on the command line: its name (`continuity_plan`), its plural
    /// (`assets`, `continuity_plans`, and `organisations`, although a repository has one)
    /// or its folder (`continuity`), in any case, with `-` or a space for `_`. The one
    /// parser of `isms new`, `isms list` and `isms schema`.
    pub fn from_user(word: &str) -> Result<Kind, String> {
        let w = word.trim().to_lowercase().replace(['-', ' '], "_");
        Kind::ALL
            .into_iter()
            .find(|k| {
                k.as_str() == w
                    || k.plural().replace(' ', "_") == w
                    || w.strip_suffix('s') == Some(k.as_str())
                    || (!w.is_empty() && k.folder() == w)
            })
            .ok_or_else(|| {
                let names = Kind::ALL.map(Kind::as_str);
                format!(
                    "unknown kind `{word}`{} (kinds: {})",
                    crate::util::suggest::did_you_mean(&w, names),
                    names.join(", ")
                )
            })
    }
}

/// What [`visit_kinds`] calls for each kind.
pub trait KindVisitor {
    fn visit<T>(&mut self, kind: Kind)
    where
        T: Record + serde::de::DeserializeOwned + Into<AnyRecord> + 'static;
}

impl Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Kind, D::Error> {
        let name = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Kind::parse(&name).ok_or_else(|| serde::de::Error::unknown_variant(&name, &Kind::NAMES))
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl AnyRecord {
    pub fn kind(&self) -> Kind {
        self.as_record().kind()
    }

    pub fn id(&self) -> &str {
        self.as_record().id()
    }

    pub fn waivers(&self) -> &[Waiver] {
        self.as_record().waivers()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kind_is_named_by_its_name_plural_or_folder_in_any_case() {
        for (word, kind) in [
            ("asset", Kind::Asset),
            ("assets", Kind::Asset),
            ("Assets", Kind::Asset),
            ("continuity-plan", Kind::ContinuityPlan),
            ("continuity_plans", Kind::ContinuityPlan),
            ("continuity", Kind::ContinuityPlan),
            ("training", Kind::Training),
            ("trainings", Kind::Training),
            ("policies", Kind::Policy),
            ("organisations", Kind::Organisation),
            ("Continuity plans", Kind::ContinuityPlan),
            ("findings", Kind::AuditFinding),
            ("activities", Kind::Activity),
        ] {
            assert_eq!(Kind::from_user(word), Ok(kind), "{word}");
        }
        let err = Kind::from_user("asets").unwrap_err();
        assert!(err.contains("did you mean `asset`"), "{err}");
        assert!(Kind::from_user("").is_err());
    }

    #[test]
    fn names_are_unique_and_paths_lie_in_the_folder() {
        for (i, a) in Kind::ALL.iter().enumerate() {
            for b in &Kind::ALL[i + 1..] {
                assert_ne!(a.as_str(), b.as_str());
                assert_ne!(a.plural(), b.plural());
                assert_ne!(a.folder(), b.folder());
            }
            assert!(a.path_pattern().starts_with(a.folder()), "{a}");
            assert!(a.example_path().starts_with(a.folder()), "{a}");
            assert!(a.path_pattern().contains("{id}") || *a == Kind::Organisation);
        }
    }
}
