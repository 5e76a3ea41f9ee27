//! One renderer per output format of `isms check` / `isms validate`.

pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use crate::diagnostic::{Diagnostic, Severity};
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
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let kinds: Vec<String> = self
            .counts
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(k, n)| format!("{} {n}", k.plural()))
            .collect();
        format!(
            "{}, {}, {} in {}{}",
            plural(self.count(Severity::Error), "error", "errors"),
            plural(self.count(Severity::Warning), "warning", "warnings"),
            plural(self.count(Severity::Info), "info", "infos"),
            plural(self.records, "record", "records"),
            if kinds.is_empty() {
                String::new()
            } else {
                format!(" ({})", kinds.join(", "))
            }
        )
    }
}
