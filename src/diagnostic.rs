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
    /// Empty for a finding that is only counted (see [`Diagnostic::counted`]).
    pub figures: Args,
    /// For a finding that is only counted, never said (a trend's point): its figures as
    /// a hash in place of the figures themselves, so that two findings that differ only
    /// in their figures still differ. Zero otherwise.
    pub figures_hash: u64,
    /// Whether the finding is only counted: [`Diagnostic::arg`] then feeds the value to
    /// `figures_hash` and keeps nothing of it.
    pub counted: bool,
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
            figures_hash: 0,
            counted: false,
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
        let value = value.into();
        if self.counted {
            use std::hash::{BuildHasher, Hash, Hasher};
            let mut state = crate::util::hash::Fixed::default().build_hasher();
            self.figures_hash.hash(&mut state);
            name.hash(&mut state);
            value.feed(&mut state);
            self.figures_hash = state.finish();
        } else {
            self.figures.push((name, value));
        }
        self
    }

    /// Adds values behind the message, as [`Diagnostic::arg`] adds each.
    pub fn args(
        &mut self,
        args: impl IntoIterator<Item = (&'static str, Value)>,
    ) -> &mut Diagnostic {
        for (name, value) in args {
            self.arg(name, value);
        }
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

/// Drops exact duplicates as [`sort`] does, leaving the findings in the order the rules
/// gave them: for callers that count findings and never show them. Equal findings share
/// their code, and each rule reports its code's findings together and mostly in output
/// order already; so a code's run of findings in strictly increasing order holds no
/// duplicates and is left as it is, and only a run out of order is sorted. The order is
/// the output order made total for findings whose messages are unsaid (two subjects of
/// one record at one place tie on it), so that equal findings end up side by side.
pub fn dedup(diags: &mut Vec<Diagnostic>) {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for end in 1..=diags.len() {
        if end == diags.len() || diags[end].code != diags[start].code {
            runs.push((start, end));
            start = end;
        }
    }
    let mut codes: Vec<&str> = runs.iter().map(|(s, _)| diags[*s].code).collect();
    codes.sort_unstable();
    if codes.windows(2).any(|w| w[0] == w[1]) {
        // A code in two places: its duplicates need not be in the same run.
        return sort(diags);
    }
    // Equal findings are neighbours now, and only in the runs that were sorted: a run in
    // strictly increasing order holds none, and runs of different codes share none.
    let mut equal_to_last = Vec::new();
    for (s, e) in runs {
        let run = &mut diags[s..e];
        if run
            .windows(2)
            .any(|w| cmp_total(&w[0], &w[1]) != Ordering::Less)
        {
            run.sort_unstable_by(cmp_total);
            equal_to_last.resize(s, false);
            equal_to_last.push(false);
            equal_to_last.extend(run.windows(2).map(|w| w[0] == w[1]));
        }
    }
    if equal_to_last.iter().any(|e| *e) {
        let mut equal = equal_to_last.into_iter();
        diags.retain(|_| !equal.next().unwrap_or(false));
    }
}

/// The output order, then every other field: equal only for equal findings (but for
/// values that compare equal and print apart, such as `0.0` and `-0.0`).
fn cmp_total(a: &Diagnostic, b: &Diagnostic) -> Ordering {
    a.cmp_output(b)
        .then_with(|| a.subject.cmp(&b.subject))
        .then_with(|| format!("{a:?}").cmp(&format!("{b:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::span::Pos;

    fn finding(code: &'static str, path: &str, line: usize, subject: &str) -> Diagnostic {
        let mut d = Diagnostic::templated(code, Severity::Warning, code)
            .at(path.into(), Some(Span::point(Pos::new(line, 1))))
            .about(Kind::Asset, "a-1");
        d.with_subject(subject);
        d
    }

    fn keys(diags: &[Diagnostic]) -> Vec<String> {
        let mut keys: Vec<String> = diags
            .iter()
            .map(|d| format!("{} {:?} {:?} {:?}", d.code, d.path(), d.line(), d.subject))
            .collect();
        keys.sort();
        keys
    }

    /// Counting keeps two findings that differ only in their figures apart, whether the
    /// figures are kept or only hashed.
    #[test]
    fn a_counted_finding_keeps_a_hash_of_its_figures_and_is_told_apart_by_it() {
        let with = |counted: bool, days: i64, due: &str| {
            let mut d = finding("A1", "a", 1, "x");
            d.counted = counted;
            d.arg("days_overdue", days).arg("due", due);
            d
        };
        for counted in [false, true] {
            // Two findings that differ only in a figure, and a copy of the first.
            let mut found = vec![
                with(counted, 3, "2026-01-01"),
                with(counted, 4, "2026-01-01"),
            ];
            found.push(found[0].clone());
            dedup(&mut found);
            assert_eq!(found.len(), 2, "counted: {counted}");
            // The same figures in another order, or under other names, are other figures.
            assert_ne!(with(counted, 3, "2026-01-01"), {
                let mut d = finding("A1", "a", 1, "x");
                d.counted = counted;
                d.arg("due", "2026-01-01").arg("days_overdue", 3_i64);
                d
            });
        }
        let counted = with(true, 3, "2026-01-01");
        assert!(counted.figures.is_empty() && counted.figures_hash != 0);
        let said = with(false, 3, "2026-01-01");
        assert_eq!(said.figures.len(), 2);
        assert_eq!(said.figures_hash, 0);
    }

    /// `dedup` keeps each distinct finding once, whatever order the findings arrive in: a
    /// run in order untouched, a run out of order with its duplicates dropped, ties on the
    /// output order (two subjects at one place, messages unsaid) told from duplicates, and
    /// a code in two places.
    #[test]
    fn dedup_drops_the_duplicates_sort_drops() {
        let cases: Vec<Vec<Diagnostic>> = vec![
            vec![finding("A1", "a", 1, "x"), finding("A1", "a", 2, "x")],
            vec![
                finding("A1", "b", 1, "x"),
                finding("A1", "a", 1, "x"),
                finding("A1", "b", 1, "x"),
                finding("B2", "a", 1, "x"),
            ],
            vec![
                finding("A1", "a", 1, "x"),
                finding("A1", "a", 1, "y"),
                finding("A1", "a", 1, "x"),
                finding("A1", "a", 1, "y"),
            ],
            vec![
                finding("A1", "a", 1, "x"),
                finding("B2", "a", 1, "x"),
                finding("A1", "a", 1, "x"),
            ],
            // A run in order, then one out of order with a duplicate, then one in order.
            vec![
                finding("B2", "a", 1, "x"),
                finding("B2", "b", 1, "x"),
                finding("A1", "b", 1, "x"),
                finding("A1", "a", 1, "x"),
                finding("A1", "b", 1, "x"),
                finding("C3", "a", 1, "x"),
                finding("C3", "a", 2, "x"),
            ],
        ];
        let kept = [2, 3, 2, 2, 6];
        for (case, kept) in cases.into_iter().zip(kept) {
            let mut distinct: Vec<Diagnostic> = Vec::new();
            for d in &case {
                if !distinct.contains(d) {
                    distinct.push(d.clone());
                }
            }
            let mut deduped = case;
            dedup(&mut deduped);
            assert_eq!(deduped.len(), kept, "{:?}", keys(&deduped));
            assert_eq!(keys(&deduped), keys(&distinct));
        }
    }

    /// A code's findings already in order keep the rules' order: nothing is sorted.
    #[test]
    fn dedup_leaves_findings_in_order_as_they_are() {
        let mut diags = vec![
            finding("B2", "a", 1, "x"),
            finding("B2", "b", 1, "x"),
            finding("A1", "a", 1, "x"),
        ];
        dedup(&mut diags);
        let codes: Vec<&str> = diags.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["B2", "B2", "A1"]);
    }
}
