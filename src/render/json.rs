//! The fixed JSON shape of `isms check --format json` (see the spec's machine-readable output).

use serde::Serialize;

use super::Output;
use crate::check::baseline::{BaselineState, Comparison};
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

/// A finding of a ratchet run: the fixed fields, then whether it is new or worsened and
/// where it stands against the baseline (`absent` for the baseline's fixed findings).
#[derive(Serialize)]
struct MarkedFinding<'a> {
    #[serde(flatten)]
    finding: JsonFinding<'a>,
    new: bool,
    baseline_state: &'static str,
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
    /// What the gap is about beyond the record (a document type, a role, a country…).
    pub subject: Option<&'a str>,
    /// Other records the finding concerns, as `{kind, id}`.
    pub related: Vec<JsonRef<'a>>,
    /// The typed values behind the message, by the names its templates use.
    pub figures: Figures<'a>,
    /// The finding's identity across edits and commits (`Diagnostic::fingerprint`).
    pub fingerprint: String,
}

/// A record named by kind and id.
#[derive(Serialize, Clone)]
pub struct JsonRef<'a> {
    pub kind: &'a str,
    pub id: &'a str,
}

/// A finding's figures as one JSON object, in the order the rule gave them.
#[derive(Clone)]
pub struct Figures<'a>(&'a [(&'static str, crate::l10n::Value)]);

impl Serialize for Figures<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (name, value) in self.0 {
            map.serialize_entry(name, &value.to_json())?;
        }
        map.end()
    }
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
            subject: d.subject.as_deref(),
            related: d
                .related
                .iter()
                .map(|(kind, id)| JsonRef {
                    kind: kind.as_str(),
                    id,
                })
                .collect(),
            figures: Figures(&d.figures),
            fingerprint: d.fingerprint(),
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

/// `isms check --baseline REV --format json`: every finding, marked new or not and with its
/// baseline state, then the baseline's findings that are gone (`absent`), and the
/// comparison's figures.
pub fn render_with_baseline(out: &Output<'_>, rev: &str, comparison: &Comparison) -> String {
    to_text(&Json {
        as_of: &out.as_of,
        summary: summary(out),
        findings: out
            .diagnostics
            .iter()
            .zip(&comparison.states)
            .map(|(d, state)| MarkedFinding {
                finding: JsonFinding::from(d),
                new: *state == BaselineState::New,
                baseline_state: state.as_str(),
            })
            .chain(comparison.absent.iter().map(|d| MarkedFinding {
                finding: JsonFinding::from(d),
                new: false,
                baseline_state: BaselineState::Absent.as_str(),
            }))
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
