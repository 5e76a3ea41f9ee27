//! The fixed JSON shape of `isms check --format json` (see the spec's machine-readable output).

use serde::Serialize;

use super::Output;
use crate::diagnostic::{Diagnostic, Severity};

#[derive(Serialize)]
struct Json<'a> {
    as_of: &'a str,
    summary: Summary,
    findings: Vec<Finding<'a>>,
}

#[derive(Serialize)]
struct Summary {
    records: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

/// One finding as JSON; shared with the report data (`isms report --format json`).
#[derive(Serialize, Clone)]
pub struct Finding<'a> {
    pub code: &'a str,
    pub severity: &'a str,
    pub kind: Option<&'a str>,
    pub id: Option<&'a str>,
    pub path: Option<&'a str>,
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub message: &'a str,
    pub help: Option<&'a str>,
}

impl<'a> Finding<'a> {
    pub fn from(d: &'a Diagnostic) -> Finding<'a> {
        Finding {
            code: d.code,
            severity: d.severity.as_str(),
            kind: d.kind.map(|k| k.as_str()),
            id: d.id.as_deref(),
            path: d.path(),
            line: d.line(),
            column: d.column(),
            message: &d.message,
            help: d.help.as_deref(),
        }
    }
}

pub fn render(out: &Output<'_>) -> String {
    let json = Json {
        as_of: &out.as_of,
        summary: Summary {
            records: out.records,
            errors: out.count(Severity::Error),
            warnings: out.count(Severity::Warning),
            infos: out.count(Severity::Info),
        },
        findings: out.diagnostics.iter().map(Finding::from).collect(),
    };
    let mut s = serde_json::to_string_pretty(&json).unwrap_or_default();
    s.push('\n');
    s
}
