//! GitLab Code Quality for `isms check --format gitlab`: the Code Climate JSON array that
//! GitLab reads from a job's `artifacts:reports:codequality` and shows on merge requests.

use serde_json::{Value, json};

use super::Output;
use crate::diagnostic::{Diagnostic, Severity};

/// The file a finding about no file is shown on: the repository's configuration, which is
/// where an organisation-wide gap is answered (GitLab requires a path on every issue).
const NO_FILE: &str = "isms.toml";

/// Renders every finding as a Code Quality issue, in output order.
///
/// The fingerprint is the finding's identity (`Diagnostic::fingerprint`), so that GitLab
/// tells new gaps from old ones across commits; GitLab also needs it unique within one
/// report, so a second finding with the same identity gets a numbered suffix.
pub fn render(out: &Output<'_>) -> String {
    let mut seen = std::collections::HashMap::<String, usize>::new();
    let issues: Vec<Value> = out
        .diagnostics
        .iter()
        .map(|d| {
            let base = d.fingerprint();
            let n = seen.entry(base.clone()).or_default();
            *n += 1;
            let fingerprint = match *n {
                1 => base,
                n => format!("{base}-{n}"),
            };
            issue(d, fingerprint, out.path_prefix)
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&issues).unwrap_or_else(|_| "[]".to_owned());
    text.push('\n');
    text
}

fn issue(d: &Diagnostic, fingerprint: String, prefix: &str) -> Value {
    let path = match d.path() {
        Some(p) => p.to_owned(),
        None => format!("{prefix}{NO_FILE}"),
    };
    let mut issue = json!({
        "type": "issue",
        "check_name": d.code,
        "description": d.message,
        "categories": ["Security"],
        "fingerprint": fingerprint,
        "severity": severity(d.severity),
        "location": { "path": path, "lines": { "begin": d.line().unwrap_or(1) } },
    });
    if let Some(help) = &d.help {
        issue["content"] = json!({ "body": help });
    }
    issue
}

/// Code Climate's scale has five steps; a finding has three. An error is a gap the
/// organisation must close (`major`), a warning one it should (`minor`).
fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}
