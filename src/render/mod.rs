//! One renderer per output format of `isms check` / `isms validate`.

pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use crate::config::Language;
use crate::diagnostic::{Diagnostic, Severity};
use crate::l10n::text;
use crate::model::Kind;

/// What every renderer gets: the sorted findings and the run's figures.
pub struct Output<'a> {
    pub as_of: String,
    pub diagnostics: &'a [Diagnostic],
    pub records: usize,
    pub counts: &'a [(Kind, usize)],
    /// File texts by path, for code frames.
    pub file_text: &'a dyn Fn(&str) -> Option<&'a str>,
    /// The rules that ran, for formats that carry rule metadata (SARIF, JUnit).
    pub rules: &'a [&'static dyn crate::rules::Rule],
    /// The language of the texts around the findings (summary, labels).
    pub lang: Language,
    /// The ISMS repository's folder below the top of its git work tree (`lis/`, or `""`),
    /// which the findings' paths already start with: for formats that must name a file
    /// when a finding has none.
    pub path_prefix: &'a str,
}

impl Output<'_> {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// `3 errors, 5 warnings, 1 info in 412 records (assets 120, incidents 45, ...)`
    pub fn summary_line(&self) -> String {
        let kinds: Vec<String> = self
            .counts
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(k, n)| {
                let args = [("kind", k.as_str().into()), ("plural", k.plural().into())];
                format!("{} {n}", text(self.lang, "kind-plural", &args))
            })
            .collect();
        let kinds = if kinds.is_empty() {
            "none".to_owned()
        } else {
            kinds.join(", ")
        };
        text(
            self.lang,
            "summary",
            &[
                ("errors", self.count(Severity::Error).into()),
                ("warnings", self.count(Severity::Warning).into()),
                ("infos", self.count(Severity::Info).into()),
                ("records", self.records.into()),
                ("kinds", kinds.into()),
            ],
        )
    }
}
