//! The fixed JSON shape of `isms check --format json` (see the spec's machine-readable output).

use serde::Serialize;

use super::Output;
use crate::check::baseline::Comparison;
use crate::diagnostic::{Diagnostic, Severity};

#[derive(Serialize)]
struct Json<'a, F> {
    as_of: &'a str,
    summary: Summary,
    findings: Vec<F>,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<Baseline<'a>>,
}

/// `isms check --baseline REV`: the comparison's figures.
#[derive(Serialize)]
struct Baseline<'a> {
    rev: &'a str,
    remaining: usize,
    fixed: usize,
    new: usize,
}

/// A finding of a ratchet run: the fixed fields, then whether it is new or worsened.
#[derive(Serialize)]
struct MarkedFinding<'a> {
    #[serde(flatten)]
    finding: JsonFinding<'a>,
    new: bool,
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
pub struct JsonFinding<'a> {
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

impl<'a> JsonFinding<'a> {
    pub fn from(d: &'a Diagnostic) -> JsonFinding<'a> {
        JsonFinding {
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
    to_text(&Json {
        as_of: &out.as_of,
        summary: summary(out),
        findings: out.diagnostics.iter().map(JsonFinding::from).collect(),
        baseline: None,
    })
}

/// `isms check --baseline REV --format json`: every finding, marked new or not, and the
/// comparison's figures.
pub fn render_with_baseline(out: &Output<'_>, rev: &str, comparison: &Comparison) -> String {
    to_text(&Json {
        as_of: &out.as_of,
        summary: summary(out),
        findings: out
            .diagnostics
            .iter()
            .zip(&comparison.is_new)
            .map(|(d, &new)| MarkedFinding {
                finding: JsonFinding::from(d),
                new,
            })
            .collect(),
        baseline: Some(Baseline {
            rev,
            remaining: comparison.remaining,
            fixed: comparison.fixed,
            new: comparison.new,
        }),
    })
}

fn summary(out: &Output<'_>) -> Summary {
    Summary {
        records: out.records,
        errors: out.count(Severity::Error),
        warnings: out.count(Severity::Warning),
        infos: out.count(Severity::Info),
    }
}

fn to_text(json: &impl Serialize) -> String {
    let mut s = serde_json::to_string_pretty(json).unwrap_or_default();
    s.push('\n');
    s
}
