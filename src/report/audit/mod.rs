//! `isms report audit`: the twelve questions of a municipal audit of information security,
//! each with a verdict, its key figure and the records and findings behind it.
//!
//! The verdict follows rules.md exactly: **Yes** when the question's rules raise no error
//! (warnings are remarks); **Partly** when errors exist but the key figure reaches at least
//! half of its target; **No** otherwise. With nothing in scope the key figure has no value:
//! Yes without errors, No with them (no evidence shows half the target reached).
//!
//! DOC005 (a required topic no adopted document governs) finds one gap per topic and names
//! the topic in its message; it counts for a question only when the message names that
//! question's `topic` (as `cloud_services` or `cloud services`).

use serde::Serialize;

use super::facts::Input;
use super::labels::{self, label};
use super::markdown::percent;
use super::{Header, charts};
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::{AuditQuestion, registry};
use crate::render::json::JsonFinding;

mod measurements;

pub use measurements::{Measured, measure};
pub(crate) use measurements::{classification_detail, completion_by_unit};

/// The answer to one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Yes,
    Partly,
    No,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Yes => "yes",
            Verdict::Partly => "partly",
            Verdict::No => "no",
        }
    }
}

/// The verdict of rules.md from the number of errors among the question's findings and its
/// key figure (`None` when nothing is in scope).
pub fn verdict(errors: usize, value: Option<f64>, target: f64) -> Verdict {
    // A hair of tolerance: 9/20 must count as half of 0.9 whatever the rounding.
    const EPS: f64 = 1e-9;
    if errors == 0 {
        Verdict::Yes
    } else if value.is_some_and(|v| v + EPS >= target / 2.0) {
        Verdict::Partly
    } else {
        Verdict::No
    }
}

/// A key figure: `numerator / denominator` against a target share.
#[derive(Debug, Clone, Serialize)]
pub struct KeyFigure {
    /// The share, or null when nothing is in scope.
    pub value: Option<f64>,
    pub target: f64,
    pub numerator: u64,
    pub denominator: u64,
    /// The value as the report prints it (`48 %`), `–` when nothing is in scope.
    pub value_text: String,
    pub target_text: String,
    /// Short name, for tables.
    pub name: String,
    /// What is counted, from the registry.
    pub description: String,
    pub reached: bool,
}

/// One record behind a key figure, and whether it counts towards it.
#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    pub kind: &'static str,
    pub id: String,
    pub name: String,
    pub ok: bool,
    pub detail: String,
}

/// One audit question with its verdict, key figure, findings and evidence.
#[derive(Clone, Serialize)]
pub struct Question<'a> {
    pub number: u8,
    pub question: String,
    pub verdict: Verdict,
    pub verdict_label: String,
    /// With `--compare REV`: the verdict at REV.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict_before: Option<Verdict>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict_before_label: Option<String>,
    pub key_figure: KeyFigure,
    /// False when nothing is in scope (no incidents, no cloud services...).
    pub in_scope: bool,
    /// What is missing from the scope, when nothing is in it.
    pub scope_note: Option<String>,
    pub codes: Vec<String>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub findings: Vec<JsonFinding<'a>>,
    pub evidence: Vec<Evidence>,
}

/// How many questions got each verdict.
#[derive(Debug, Clone, Serialize)]
pub struct VerdictSummary {
    pub yes: usize,
    pub partly: usize,
    pub no: usize,
}

/// The audit report's Mermaid chart, `None` when there is nothing to draw.
#[derive(Debug, Clone, Serialize)]
pub struct AuditCharts {
    pub verdicts: Option<String>,
}

/// The audit report's data.
#[derive(Clone, Serialize)]
pub struct Audit<'a> {
    #[serde(flatten)]
    pub header: Header,
    pub summary: VerdictSummary,
    pub questions: Vec<Question<'a>>,
    pub charts: AuditCharts,
}

/// Builds the audit report from the input's records and findings.
pub fn build<'a>(input: &'a Input<'_>) -> Audit<'a> {
    let lang = input.lang;
    let questions: Vec<Question<'a>> = registry()
        .audit_questions
        .iter()
        .map(|q| question(input, q))
        .collect();
    let count = |v: Verdict| questions.iter().filter(|q| q.verdict == v).count();
    let summary = VerdictSummary {
        yes: count(Verdict::Yes),
        partly: count(Verdict::Partly),
        no: count(Verdict::No),
    };
    let verdicts = charts::pie(
        lang.pick(
            "Svar på granskningsfrågorna",
            "Answers to the audit questions",
        ),
        &[
            (label(lang, "verdict", "yes"), summary.yes as u64),
            (label(lang, "verdict", "partly"), summary.partly as u64),
            (label(lang, "verdict", "no"), summary.no as u64),
        ],
    );
    Audit {
        header: Header::new(input, "audit"),
        summary,
        questions,
        charts: AuditCharts { verdicts },
    }
}

/// Whether a finding counts for question `q`: its code is one of the question's rules,
/// and a DOC005 finding (an ungoverned topic) has the question's topic as its subject.
pub fn concerns(q: &AuditQuestion, d: &Diagnostic) -> bool {
    if !q.rules.iter().any(|c| c == d.code) {
        return false;
    }
    if d.code != "DOC005" {
        return true;
    }
    q.topic.is_some() && d.subject.as_deref() == q.topic.as_deref()
}

fn question<'a>(input: &'a Input<'_>, q: &AuditQuestion) -> Question<'a> {
    let lang = input.lang;
    let findings: Vec<&'a Diagnostic> = input.findings.iter().filter(|d| concerns(q, d)).collect();
    let count = |s: Severity| findings.iter().filter(|d| d.severity == s).count();
    let errors = count(Severity::Error);
    let measured = measure(input, q.number);
    let key_figure = key_figure(input, q, &measured);
    let v = verdict(errors, key_figure.value, key_figure.target);
    Question {
        number: q.number,
        question: q.question.get(lang).to_owned(),
        verdict: v,
        verdict_label: label(lang, "verdict", v.as_str()),
        verdict_before: None,
        verdict_before_label: None,
        in_scope: measured.denominator > 0,
        scope_note: (measured.denominator == 0).then(|| measured.empty_note.clone()),
        key_figure,
        codes: q.rules.clone(),
        errors,
        warnings: count(Severity::Warning),
        infos: count(Severity::Info),
        findings: findings.into_iter().map(JsonFinding::from).collect(),
        evidence: measured.evidence,
    }
}

/// The key figure of question `q`, with its target from `isms.toml` when the registry
/// names a setting.
pub fn key_figure(input: &Input<'_>, q: &AuditQuestion, m: &Measured) -> KeyFigure {
    let lang = input.lang;
    let target = match q.target_from.as_deref() {
        Some("training.completion_target") => input.config.training.completion_target,
        _ => q.target,
    };
    let value = (m.denominator > 0).then(|| m.numerator as f64 / m.denominator as f64);
    KeyFigure {
        value,
        target,
        numerator: m.numerator,
        denominator: m.denominator,
        value_text: value.map_or_else(|| "–".to_owned(), |v| percent(v, lang)),
        target_text: percent(target, lang),
        name: labels::key_figure_name(lang, q.number).to_owned(),
        description: q.key_figure.get(lang).to_owned(),
        reached: value.is_some_and(|v| v + 1e-9 >= target),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdict_follows_the_spec() {
        assert_eq!(verdict(0, Some(0.1), 1.0), Verdict::Yes);
        assert_eq!(verdict(0, None, 1.0), Verdict::Yes);
        assert_eq!(verdict(1, Some(0.48), 0.9), Verdict::Partly);
        assert_eq!(verdict(1, Some(0.45), 0.9), Verdict::Partly, "exactly half");
        assert_eq!(
            verdict(1, Some(9.0 / 20.0), 0.9),
            Verdict::Partly,
            "exactly half"
        );
        assert_eq!(verdict(1, Some(0.5), 1.0), Verdict::Partly, "exactly half");
        assert_eq!(verdict(1, Some(0.4499), 0.9), Verdict::No);
        assert_eq!(verdict(3, None, 1.0), Verdict::No);
    }
}
