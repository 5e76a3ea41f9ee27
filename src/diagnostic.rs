//! Findings and record problems as values: what every renderer and gate consumes.

use std::cmp::Ordering;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::l10n::{Args, Value};
use crate::model::Kind;
use crate::source::span::Span;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// Where a finding points: a file relative to the repository root, and a span in it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Location {
    /// Relative path with `/` separators, as users and CI annotations expect.
    pub path: Arc<str>,
    pub span: Option<Span>,
}

/// One finding: a gap, or a problem with a record.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    /// The record the finding is about, when there is one.
    pub kind: Option<Kind>,
    pub id: Option<String>,
    /// What the gap is about beyond the record, when a rule can find several gaps on one
    /// record (or several about the repository): a document type, a topic, a role, a
    /// field, a deadline. Part of the finding's identity ([`Diagnostic::fingerprint`]).
    pub subject: Option<String>,
    /// Other records the finding concerns (the measure that lacks a verification, the
    /// asset a risk is on), as kind and id.
    pub related: Vec<(Kind, String)>,
    /// The message's id in the rules' catalogue (the rule's code, or `CODE-variant`), or
    /// `""` for a message given as text.
    pub template: &'static str,
    /// The typed values behind the message, which fill its template in either language.
    pub figures: Args,
    pub location: Option<Location>,
}

impl Diagnostic {
    pub fn new(code: &'static str, severity: Severity, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            severity,
            message: message.into(),
            help: None,
            kind: None,
            id: None,
            subject: None,
            related: Vec::new(),
            template: "",
            figures: Vec::new(),
            location: None,
        }
    }

    /// A finding whose message is the template `template`, to be filled from its figures
    /// in the language of the run.
    pub fn templated(code: &'static str, severity: Severity, template: &'static str) -> Diagnostic {
        let mut d = Diagnostic::new(code, severity, String::new());
        d.template = template;
        d
    }

    /// Adds a value behind the message, named as the template names it.
    pub fn arg(&mut self, name: &'static str, value: impl Into<Value>) -> &mut Diagnostic {
        self.figures.push((name, value.into()));
        self
    }

    /// Says the finding with the template `CODE-variant` instead of the rule's own.
    pub fn says(&mut self, template: &'static str) -> &mut Diagnostic {
        self.template = template;
        self
    }

    /// Adds a record the finding concerns besides its own.
    pub fn relate(&mut self, kind: Kind, id: impl Into<String>) -> &mut Diagnostic {
        self.related.push((kind, id.into()));
        self
    }

    /// The value named `name` behind the message, if there is one.
    pub fn figure(&self, name: &str) -> Option<&Value> {
        self.figures
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v)
    }

    /// Sets what the gap is about beyond its record (see [`Diagnostic::subject`]).
    pub fn with_subject(&mut self, subject: impl Into<String>) -> &mut Diagnostic {
        self.subject = Some(subject.into());
        self
    }

    /// The finding's identity across edits and commits: its rule, its record's kind and id
    /// (ids compare ignoring case) and its subject. Never the message, the position or a
    /// record's display name, so renaming an asset, moving lines, rewording a message or
    /// fixing part of a gap (fewer missing capabilities, a shorter delay) keeps it. A
    /// finding about no record is identified by its rule and subject alone.
    pub fn fingerprint(&self) -> String {
        let id = self.id.as_deref().map(str::to_lowercase);
        let parts = [
            self.code,
            self.kind.map_or("", |k| k.as_str()),
            id.as_deref().unwrap_or(""),
            self.subject.as_deref().unwrap_or(""),
        ];
        format!("{:016x}", crate::util::hash::stable_hash(&parts))
    }

    /// Sets the severity in place (for rules whose severity depends on the figure).
    pub fn with_severity(&mut self, severity: Severity) -> &mut Diagnostic {
        self.severity = severity;
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn at(mut self, path: Arc<str>, span: Option<Span>) -> Diagnostic {
        self.location = Some(Location { path, span });
        self
    }

    pub fn about(mut self, kind: Kind, id: impl Into<String>) -> Diagnostic {
        self.kind = Some(kind);
        self.id = Some(id.into());
        self
    }

    pub fn path(&self) -> Option<&str> {
        self.location.as_ref().map(|l| &*l.path)
    }

    pub fn line(&self) -> Option<u32> {
        self.location.as_ref()?.span.map(|s| s.start.line)
    }

    pub fn column(&self) -> Option<u32> {
        self.location.as_ref()?.span.map(|s| s.start.column())
    }

    /// The order of every output: path, line, code (as the spec fixes it), then column,
    /// record and message for ties. Findings without a path come first, as they concern
    /// the whole repository.
    pub fn cmp_output(&self, other: &Diagnostic) -> Ordering {
        // Lazily: most pairs differ by path or line, and the later keys cost more.
        self.path()
            .cmp(&other.path())
            .then_with(|| self.line().cmp(&other.line()))
            .then_with(|| self.code.cmp(other.code))
            .then_with(|| self.column().cmp(&other.column()))
            .then_with(|| self.id.cmp(&other.id))
            .then_with(|| self.message.cmp(&other.message))
    }
}

/// Sorts diagnostics into output order and drops exact duplicates.
pub fn sort(diags: &mut Vec<Diagnostic>) {
    // A total order, so that the output is the same on any number of threads; the
    // unstable sort moves these large values less than a merge sort and needs no buffer.
    rayon::slice::ParallelSliceMut::par_sort_unstable_by(
        diags.as_mut_slice(),
        Diagnostic::cmp_output,
    );
    diags.dedup();
}
