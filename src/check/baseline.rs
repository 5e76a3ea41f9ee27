//! `isms check --baseline REV`: the findings of the records as they were at a git revision
//! (read by [`crate::git::Snapshot`]), and which of today's findings are new.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use anyhow::{Context as _, Result};

use crate::check;
use crate::diagnostic::{Diagnostic, Severity};
use crate::git::Snapshot;
use crate::model::Date;
use crate::repo::session::Session;
use crate::rules::Selection;

/// How today's findings compare with the baseline's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// For each current finding, in order: whether it is new or worse than at the baseline.
    pub is_new: Vec<bool>,
    /// Current findings that were already there, no worse.
    pub remaining: usize,
    /// Baseline findings that are gone.
    pub fixed: usize,
    /// Current findings that are new or worsened.
    pub new: usize,
}

impl Comparison {
    /// The findings of `current` (the list this comparison was made from) that are new.
    pub fn new_findings(&self, current: &[Diagnostic]) -> Vec<Diagnostic> {
        current
            .iter()
            .zip(&self.is_new)
            .filter(|(_, new)| **new)
            .map(|(d, _)| d.clone())
            .collect()
    }

    /// `baseline REV: 37 gaps remain, 5 fixed, 2 new`
    pub fn summary_line(&self, rev: &str) -> String {
        format!(
            "baseline {rev}: {} {}, {} fixed, {} new",
            self.remaining,
            if self.remaining == 1 {
                "gap remains"
            } else {
                "gaps remain"
            },
            self.fixed,
            self.new
        )
    }
}

/// What makes two findings the same gap across commits: rule, record, file and message
/// with the numbers taken out ("4 years old" and "5 years old" are one gap). The line is
/// left out: editing a file above a gap must not make it new.
fn key(d: &Diagnostic) -> String {
    format!(
        "{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
        d.code,
        d.kind.map_or("", |k| k.as_str()),
        d.id.as_deref().unwrap_or(""),
        d.path().unwrap_or(""),
        crate::diagnostic::without_numbers(&d.message)
    )
}

/// Compares today's findings with the baseline's. A finding is new when the baseline has
/// no finding with its key, or only less severe ones.
pub fn compare(current: &[Diagnostic], baseline: &[Diagnostic]) -> Comparison {
    let mut before: HashMap<String, Severity> = HashMap::with_capacity(baseline.len());
    for d in baseline {
        let worst = before.entry(key(d)).or_insert(d.severity);
        *worst = (*worst).max(d.severity);
    }
    let now: HashSet<String> = current.iter().map(key).collect();
    let is_new: Vec<bool> = current
        .iter()
        .map(|d| before.get(&key(d)).is_none_or(|&was| d.severity > was))
        .collect();
    let new = is_new.iter().filter(|n| **n).count();
    Comparison {
        remaining: current.len() - new,
        fixed: baseline.iter().filter(|d| !now.contains(&key(d))).count(),
        new,
        is_new,
    }
}

/// Checks the records at `root` as they were at git revision `rev`, with the same date and
/// selection as today's check. The revision's files are copied into a temporary folder
/// (removed before returning); the work tree and the index are never touched.
pub fn findings_at(
    root: &Path,
    rev: &str,
    as_of: Date,
    selection: &Selection,
) -> Result<Vec<Diagnostic>> {
    let snapshot = Snapshot::read(root, rev, "--baseline")?;
    let session = Session::open(snapshot.path())
        .with_context(|| format!("--baseline {rev}: cannot read the records at {rev}"))?;
    let result = check::check(&session, as_of, selection);
    Ok(result.findings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    fn finding(code: &'static str, severity: Severity, id: &str, msg: &str) -> Diagnostic {
        Diagnostic::new(code, severity, msg).about(Kind::Policy, id)
    }

    #[test]
    fn numbers_do_not_make_a_gap_new_but_a_higher_severity_does() {
        let before = [
            finding("DOC001", Severity::Warning, "p", "policy is 4 years old"),
            finding("DOC001", Severity::Warning, "q", "policy is 4 years old"),
            finding("DOC002", Severity::Warning, "r", "no owner"),
        ];
        let now = [
            finding("DOC001", Severity::Warning, "p", "policy is 5 years old"),
            finding("DOC001", Severity::Error, "q", "policy is 5 years old"),
            finding("DOC003", Severity::Info, "s", "something new"),
        ];
        let c = compare(&now, &before);
        assert_eq!(c.is_new, [false, true, true]);
        assert_eq!((c.remaining, c.fixed, c.new), (1, 1, 2));
        assert_eq!(
            c.summary_line("HEAD"),
            "baseline HEAD: 1 gap remains, 1 fixed, 2 new"
        );
    }

    #[test]
    fn the_same_findings_compare_as_nothing_new() {
        let all = [finding("DOC001", Severity::Warning, "p", "old")];
        let c = compare(&all, &all);
        assert_eq!((c.remaining, c.fixed, c.new), (1, 0, 0));
    }
}
