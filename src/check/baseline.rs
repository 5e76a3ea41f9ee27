//! `isms check --baseline REV`: the findings of the records as they were at a git revision
//! (read by [`crate::git::Snapshot`]), and which of today's findings are new.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use anyhow::{Context as _, Result};

use crate::check;
use crate::config::Language;
use crate::diagnostic::Diagnostic;
use crate::git::Snapshot;
use crate::load::FileCache;
use crate::model::Date;
use crate::rules::Selection;

/// Where a finding stands against the baseline: the states of SARIF's `baselineState`, and
/// of `baseline_state` in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaselineState {
    /// No finding with its identity at the baseline, or only a less severe one.
    New,
    /// The same gap, as severe and worded the same.
    Unchanged,
    /// The same gap, no more severe, worded differently (a partial fix, a shorter delay,
    /// a renamed record).
    Updated,
    /// A baseline finding that is gone: fixed.
    Absent,
}

impl BaselineState {
    pub fn as_str(self) -> &'static str {
        match self {
            BaselineState::New => "new",
            BaselineState::Unchanged => "unchanged",
            BaselineState::Updated => "updated",
            BaselineState::Absent => "absent",
        }
    }
}

/// How today's findings compare with the baseline's.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// For each current finding, in order: where it stands against the baseline.
    pub states: Vec<BaselineState>,
    /// The baseline's findings that are gone, in output order.
    pub absent: Vec<Diagnostic>,
    /// Current findings that were already there, no worse.
    pub remaining: usize,
    /// Baseline findings that are gone.
    pub fixed: usize,
    /// Current findings that are new or worsened.
    pub new: usize,
}

impl Comparison {
    /// Whether each current finding is new or worse than at the baseline.
    pub fn is_new(&self) -> impl Iterator<Item = bool> + '_ {
        self.states.iter().map(|s| *s == BaselineState::New)
    }

    /// The findings of `current` (the list this comparison was made from) that are new.
    pub fn new_findings(&self, current: &[Diagnostic]) -> Vec<Diagnostic> {
        current
            .iter()
            .zip(self.is_new())
            .filter(|(_, new)| *new)
            .map(|(d, _)| d.clone())
            .collect()
    }

    /// `baseline REV: 37 gaps remain, 5 fixed, 2 new`, in `lang`.
    pub fn summary_line(&self, rev: &str, lang: Language) -> String {
        crate::l10n::text(
            lang,
            "baseline-summary",
            &[
                ("rev", rev.into()),
                ("remaining", self.remaining.into()),
                ("fixed", self.fixed.into()),
                ("new", self.new.into()),
            ],
        )
    }
}

/// Compares today's findings with the baseline's by identity
/// ([`Diagnostic::fingerprint`]: rule, record, subject), never by message or line: a
/// renamed record, a moved line, a reworded message or a partly fixed gap is the same gap.
/// A finding is new when the baseline has no finding with its identity, or only less
/// severe ones.
pub fn compare(current: &[Diagnostic], baseline: &[Diagnostic]) -> Comparison {
    let mut before: HashMap<String, &Diagnostic> = HashMap::with_capacity(baseline.len());
    for d in baseline {
        let worst = before.entry(d.fingerprint()).or_insert(d);
        if d.severity > worst.severity {
            *worst = d;
        }
    }
    let now: HashSet<String> = current.iter().map(Diagnostic::fingerprint).collect();
    let states: Vec<BaselineState> = current
        .iter()
        .map(|d| match before.get(&d.fingerprint()) {
            Some(was) if d.severity <= was.severity => {
                if d.message == was.message {
                    BaselineState::Unchanged
                } else {
                    BaselineState::Updated
                }
            }
            _ => BaselineState::New,
        })
        .collect();
    let absent: Vec<Diagnostic> = baseline
        .iter()
        .filter(|d| !now.contains(&d.fingerprint()))
        .cloned()
        .collect();
    let new = states.iter().filter(|s| **s == BaselineState::New).count();
    Comparison {
        remaining: current.len() - new,
        fixed: absent.len(),
        new,
        states,
        absent,
    }
}

/// Checks the records at `root` as they were at git revision `rev`, with the same date and
/// selection (and language) as today's check. The revision's files are read from git into
/// memory (the files `cache` holds from the work tree's load are not read again); the work
/// tree and the index are never touched.
pub fn findings_at(
    root: &Path,
    rev: &str,
    as_of: Date,
    selection: &Selection,
    language: Language,
    cache: Option<&FileCache>,
) -> Result<Vec<Diagnostic>> {
    let snapshot = Snapshot::read(root, rev, "--baseline")?;
    let mut session = snapshot
        .open(cache)
        .with_context(|| format!("--baseline {rev}: cannot read the records at {rev}"))?;
    // Said in today's language, so that the same gap reads the same at both revisions.
    session.config.language = language;
    let result = check::check(&session, as_of, selection);
    Ok(result.findings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
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
        assert_eq!(
            c.states,
            [
                BaselineState::Updated,
                BaselineState::New,
                BaselineState::New
            ]
        );
        assert_eq!((c.remaining, c.fixed, c.new), (1, 1, 2));
        assert_eq!(
            c.summary_line("HEAD", Language::En),
            "baseline HEAD: 1 gap remains, 1 fixed, 2 new"
        );
    }

    #[test]
    fn the_same_findings_compare_as_nothing_new() {
        let all = [finding("DOC001", Severity::Warning, "p", "old")];
        let c = compare(&all, &all);
        assert_eq!((c.remaining, c.fixed, c.new), (1, 0, 0));
        assert_eq!(c.states, [BaselineState::Unchanged]);
    }

    #[test]
    fn identity_is_rule_record_and_subject_not_message_case_or_place() {
        let mut before = finding("DOC002", Severity::Error, "", "no adopted guideline");
        before.id = None;
        before.kind = None;
        before.with_subject("guideline");
        let mut other = before.clone();
        other.with_subject("information_security_policy");
        // Another message, a lower severity, another place: the same gap, partly fixed.
        let mut now = before.clone();
        now.message = "no adopted guideline; a draft awaits adoption".into();
        now.severity = Severity::Warning;
        now = now.at("policies/x.yaml".into(), None);
        let c = compare(&[now], &[before.clone(), other.clone()]);
        assert_eq!(c.states, [BaselineState::Updated]);
        assert_eq!(c.absent, [other]);
        // Ids compare ignoring case.
        let a = finding("DOC001", Severity::Warning, "Policy-A", "x");
        let b = finding("DOC001", Severity::Warning, "policy-a", "x");
        assert_eq!(a.fingerprint(), b.fingerprint());
        assert_ne!(a.fingerprint(), before.fingerprint());
    }
}
