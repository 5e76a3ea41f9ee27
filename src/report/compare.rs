//! `isms report --compare REV`: the key figures (and the audit verdicts) of the records as
//! they were at a git revision, next to today's, and the change between them.
//!
//! Both sides are computed for the same `--as-of` date: the comparison then shows what the
//! change in the records did, not what the passing of time did (a policy that was current
//! at REV's commit date but is stale today counts as stale on both sides). The records at
//! REV are read by [`crate::git::Snapshot`], without touching the work tree.

use serde::Serialize;

use super::Input;
use super::audit::{self, Audit, VerdictSummary};
use super::labels::label;
use super::management::{self, KeyFigureRow, Management};
use crate::config::Language;

/// The other side of a comparison: the records at a revision, ready to report on.
pub struct Before<'a> {
    /// The revision as given (`HEAD~3`, `v2025`).
    pub rev: String,
    /// The full commit id it names.
    pub commit: String,
    /// The commit's committer date.
    pub date: String,
    /// The records at the revision, with the same `--as-of` and language as today's.
    pub input: Input<'a>,
}

/// What `--format json` and the templates receive as `compare`.
#[derive(Debug, Clone, Serialize)]
pub struct Compare {
    pub rev: String,
    pub commit: String,
    /// The first seven characters of `commit`.
    pub short_commit: String,
    /// The commit's committer date.
    pub date: String,
    /// The date both sides are computed for.
    pub as_of: String,
    /// Records with errors at the revision, left out of its figures.
    pub record_problems: usize,
    /// The management review's key figures at the revision.
    pub key_figures: Vec<KeyFigureRow>,
    /// The audit answers at the revision (audit report only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<VerdictSummary>,
}

impl Before<'_> {
    fn compare(&self, key_figures: Vec<KeyFigureRow>, summary: Option<VerdictSummary>) -> Compare {
        Compare {
            rev: self.rev.clone(),
            commit: self.commit.clone(),
            short_commit: crate::git::short_id(&self.commit).to_owned(),
            date: self.date.clone(),
            as_of: self.input.as_of.to_string(),
            record_problems: self.input.record_problems,
            key_figures,
            summary,
        }
    }
}

/// Adds the values at the revision and the changes to today's key-figure table.
pub fn management(now: &mut Management<'_>, before: &Before<'_>) -> Compare {
    let then = management::key_figures(&before.input);
    add_changes(&mut now.key_figures, &then, before.input.lang);
    before.compare(then, None)
}

/// Adds the verdict at the revision to each question.
pub fn audit(now: &mut Audit<'_>, before: &Before<'_>) -> Compare {
    let then = audit::build(&before.input);
    let lang = before.input.lang;
    for q in &mut now.questions {
        if let Some(b) = then.questions.iter().find(|b| b.number == q.number) {
            q.verdict_before = Some(b.verdict);
            q.verdict_before_label = Some(label(lang, "verdict", b.verdict.as_str()));
        }
    }
    let key_figures = management::key_figures(&before.input);
    before.compare(key_figures, Some(then.summary))
}

/// Fills `before_text` and `change_text` of each row of `now` from the row of the same name
/// in `then` (both built in the same language, so the names match).
pub fn add_changes(now: &mut [KeyFigureRow], then: &[KeyFigureRow], lang: Language) {
    for row in now {
        let old = then.iter().find(|t| t.name == row.name);
        row.before_text = Some(old.map_or_else(|| "–".to_owned(), |t| t.value_text.clone()));
        row.change_text = Some(change_text(
            row.value,
            old.and_then(|t| t.value),
            row.question.is_some(),
            lang,
        ));
    }
}

/// The change from `before` to `now`: in percentage points for shares (`+12 p.e.`,
/// `+12 pp`), as a plain difference for counts (`+3`, `-2`), `±0` when unchanged, `–`
/// when either side has no value. Shares are compared as printed (whole percent), so the
/// change always matches the two values in the table. Only digits, signs and the unit:
/// the built-in templates print it `safe` (escaped, `+` would read `\+`).
pub fn change_text(now: Option<f64>, before: Option<f64>, share: bool, lang: Language) -> String {
    let (Some(now), Some(before)) = (now, before) else {
        return "–".to_owned();
    };
    let diff = if share {
        (now * 100.0).round() - (before * 100.0).round()
    } else {
        now - before
    } as i64;
    let number = match diff {
        0 => "±0".to_owned(),
        d if d > 0 => format!("+{d}"),
        d => format!("-{}", d.unsigned_abs()),
    };
    if share {
        match lang {
            Language::Sv => format!("{number} p.e."),
            Language::En => format!("{number} pp"),
        }
    } else {
        number
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_of_shares_are_in_percentage_points_of_the_printed_values() {
        let t = |now, before, share, lang| change_text(now, before, share, lang);
        assert_eq!(t(Some(0.74), Some(0.62), true, Language::Sv), "+12 p.e.");
        assert_eq!(t(Some(0.5), Some(0.625), true, Language::En), "-13 pp");
        assert_eq!(t(Some(0.333), Some(0.334), true, Language::En), "±0 pp");
        assert_eq!(t(None, Some(0.5), true, Language::Sv), "–");
        assert_eq!(t(Some(7.0), Some(4.0), false, Language::Sv), "+3");
        assert_eq!(t(Some(2.0), Some(4.0), false, Language::En), "-2");
        assert_eq!(t(Some(4.0), Some(4.0), false, Language::En), "±0");
    }
}
