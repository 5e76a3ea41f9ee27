//! The problems met while reading a repository's records, as values: the loader finds what
//! cannot be read (REC001), the repository the duplicate ids (REC002) and the references to
//! nothing (REC003). The REC rules (`rules::rec`) turn them into findings.

use std::sync::Arc;

use super::Source;
use crate::l10n::{Args, Value};
use crate::model::Kind;
use crate::source::span::Span;

/// Where a problem lies: a file, a span in it when one is known, and the record concerned
/// as far as it could be read.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub path: Arc<str>,
    pub span: Option<Span>,
    pub kind: Option<Kind>,
    pub id: Option<String>,
}

/// Where a problem lies in a record that was read: its kind and id, and the span of the
/// value concerned.
#[derive(Debug, Clone, PartialEq)]
pub struct At {
    pub path: Arc<str>,
    pub span: Span,
    pub kind: Kind,
    pub id: String,
}

impl Place {
    /// A place in a file, about no record in particular.
    pub fn in_file(path: Arc<str>, span: Option<Span>) -> Place {
        Place {
            path,
            span,
            kind: None,
            id: None,
        }
    }
}

impl At {
    /// The value at `pointer` in record `kind` `id`, read from `src`.
    pub fn value(src: &Source, pointer: &str, kind: Kind, id: impl Into<String>) -> At {
        At {
            path: src.path.clone(),
            span: src.value(pointer),
            kind,
            id: id.into(),
        }
    }

    pub fn place(&self) -> Place {
        Place {
            path: self.path.clone(),
            span: Some(self.span),
            kind: Some(self.kind),
            id: Some(self.id.clone()),
        }
    }
}

/// A file or a document that is not a readable record (REC001). What found the problem
/// (the file system, the YAML parser, the schema, the loader) says what it is as data: a
/// message of REC001 in the rules' catalogue (`REC001-type`) and the values that fill it,
/// so that the finding can be said in either language.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    pub place: Place,
    /// The JSON pointer of the offending value, for a record that was read but is wrong.
    pub pointer: Option<String>,
    /// Whether the problem is placed at the key of the field at `pointer` (a missing,
    /// unknown or merge-key field) rather than at a value there.
    pub at_key: bool,
    /// The message's id in `src/rules/rec/*.ftl`: `REC001-<problem>`.
    pub template: &'static str,
    /// The values the message names.
    pub args: Args,
}

impl Unreadable {
    pub fn new(path: &Arc<str>, span: Option<Span>, template: &'static str) -> Unreadable {
        Unreadable {
            place: Place::in_file(path.clone(), span),
            pointer: None,
            at_key: false,
            template,
            args: Args::new(),
        }
    }

    /// Adds a value the message names.
    pub fn arg(mut self, name: &'static str, value: impl Into<Value>) -> Unreadable {
        self.args.push((name, value.into()));
        self
    }

    /// Adds values the message names.
    pub fn with_args(mut self, args: Args) -> Unreadable {
        self.args.extend(args);
        self
    }

    /// The value the problem is at, by its JSON pointer in the record.
    pub fn at_pointer(mut self, pointer: &str) -> Unreadable {
        self.pointer = Some(pointer.to_owned());
        self
    }

    /// The record the problem is in, as far as its kind and id could be read.
    pub fn about(mut self, kind: Kind, id: Option<&str>) -> Unreadable {
        self.place.kind = Some(kind);
        self.place.id = id.map(str::to_owned);
        self
    }
}

/// A problem met while reading the records.
#[derive(Debug, Clone, PartialEq)]
pub enum RecordProblem {
    /// REC001: a file or a document that is not a readable record.
    Unreadable(Unreadable),
    /// REC001: a symbolic link to a folder or a record file, which the walk does not follow.
    LinkNotFollowed { path: Arc<str> },
    /// REC002: a record whose id (ignoring case) another record of its kind keeps; `first_*`
    /// say where that one is and how its id is written, `by_name` whether it keeps the id
    /// for its file's name though it comes later in path order (else for coming first).
    DuplicateId {
        at: At,
        first_id: String,
        first_path: Arc<str>,
        first_line: u32,
        by_name: bool,
    },
    /// REC002: an organisation record after the first.
    SecondOrganisation { at: At },
    /// REC003: a reference in `field` to a `target` record `value` that does not exist, with
    /// the closest id of that kind when one is close.
    MissingReference {
        at: At,
        target: Kind,
        value: String,
        field: String,
        closest: Option<String>,
    },
    /// REC003: an activity's goal that its plan does not have; `goals` are the plan's.
    MissingGoal {
        at: At,
        goal: String,
        plan: String,
        goals: Vec<String>,
    },
    /// REC003: a `supports` chain that comes back to its start, the assets in chain order.
    SupportsCycle { at: At, assets: Vec<String> },
    /// REC003: a framework or a control that no catalogue has, as `written` in the record's
    /// `field`.
    UnknownControl {
        at: At,
        field: &'static str,
        written: String,
        problem: crate::registry::UnresolvedControl,
    },
}

impl RecordProblem {
    /// Whether the file could not be read from the file system at all (an I/O error): a
    /// problem of the reading, not of the content.
    pub fn is_io(&self) -> bool {
        matches!(self, RecordProblem::Unreadable(u)
            if u.args.iter().any(|(name, value)| *name == "reason" && *value == "io".into()))
    }
}

impl From<Unreadable> for RecordProblem {
    fn from(u: Unreadable) -> RecordProblem {
        RecordProblem::Unreadable(u)
    }
}
