//! `isms report audit`: the twelve questions of a municipal audit of information security,
//! each with a verdict, its key figure and the records and findings behind it.
//!
//! The verdict follows rules.md: **Yes** when the question's rules raise no error
//! (warnings are remarks) and the key figure reaches at least three quarters of its target;
//! **No** when they raise errors and the key figure is below half of its target; **Partly**
//! otherwise. Absence of evidence is not compliance: a question whose key figure has nothing
//! to count answers No and names what is missing, its figure shown as 0 %; only questions
//! 9 and 12 (incidents, cloud services) may have nothing in scope, and then answer Yes, or
//! No with errors.
//!
//! DOC005 (a required topic no adopted document governs) finds one gap per topic and names
//! the topic in its message; it counts for a question only when the message names that
//! question's `topic` (as `cloud_services` or `cloud services`).
//!
//! What the report says of a question with nothing to count comes from its own Fluent
//! catalogue (`sv.ftl`, `en.ftl` next to this file); the rest of its words are the
//! templates' and `report::labels`.

use serde::Serialize;

use crate::report::charts::Chart;

use super::facts::Input;
use super::labels::{self, label};
use super::markdown::percent;
use super::{Header, charts};
use crate::config::Language;
use crate::diagnostic::{Diagnostic, Severity};
use crate::l10n::{Catalogue, Source, Value};
use crate::registry::{AuditQuestion, registry};
use crate::render::json::JsonFinding;

mod measurements;

pub use measurements::{Measured, Nothing, count, measure};
pub(crate) use measurements::{classification_detail, completion_by_unit};

/// The audit report's own texts, Swedish then English: what a question with nothing to
/// count lacks, and what is not in scope of questions 9 and 12.
pub const TEXTS: [&[Source]; 2] = [
    &[Source {
        name: "src/report/audit/sv.ftl",
        text: include_str!("sv.ftl"),
    }],
    &[Source {
        name: "src/report/audit/en.ftl",
        text: include_str!("en.ftl"),
    }],
];

/// The audit report's texts in both languages, read once.
pub fn texts() -> &'static Catalogue {
    static CATALOGUE: Catalogue = Catalogue::new(TEXTS[0], TEXTS[1]);
    &CATALOGUE
}

/// The audit report's text `id` in `lang`, filled from `args`; the id itself when there is
/// no such text (the tests rule that out).
fn text(lang: Language, id: &str, args: &[(&'static str, Value)]) -> String {
    texts().text(lang, id, args)
}

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

/// What a key figure gives the verdict to go on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Basis {
    /// The figure's share of what it counts.
    Share(f64),
    /// Nothing in scope, where that is a legitimate state (questions 9 and 12).
    NothingInScope,
    /// Nothing to count, where that is itself a gap (every other question).
    NothingToCount,
}

/// The verdict of rules.md from the number of errors among the question's findings, what
/// its key figure rests on and the figure's target.
pub fn verdict(errors: usize, basis: Basis, target: f64) -> Verdict {
    // A hair of tolerance at both boundaries: 27/40 must count as three quarters of 0.9,
    // and 9/20 as half of it, whatever the rounding.
    const EPS: f64 = 1e-9;
    match basis {
        Basis::NothingToCount => Verdict::No,
        Basis::NothingInScope if errors == 0 => Verdict::Yes,
        Basis::NothingInScope => Verdict::No,
        Basis::Share(v) if errors == 0 && v + EPS >= target * 0.75 => Verdict::Yes,
        Basis::Share(v) if errors > 0 && v + EPS < target / 2.0 => Verdict::No,
        Basis::Share(_) => Verdict::Partly,
    }
}

/// A key figure: `numerator / denominator` against a target share.
#[derive(Debug, Clone, Serialize)]
pub struct KeyFigure {
    /// The share; 0 when the question has nothing to count (the gap shown as it is), null
    /// only when a question that may be empty (9, 12) has nothing in scope.
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
    /// False when the key figure counts nothing (no incidents, no training campaign...).
    pub in_scope: bool,
    /// Questions 9 and 12 with nothing in scope: what is not there ("no incidents in the
    /// last 12 months").
    pub scope_note: Option<String>,
    /// Every other question with nothing to count: what is missing ("no training campaign
    /// in the last 12 months"); the question then answers No.
    pub missing: Option<String>,
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
    pub verdicts: Option<Chart>,
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
    let basis = match (&measured.nothing, key_figure.value) {
        (Some(Nothing::Missing(_)), _) => Basis::NothingToCount,
        (_, Some(v)) => Basis::Share(v),
        (_, None) => Basis::NothingInScope,
    };
    let v = verdict(errors, basis, key_figure.target);
    let (scope_note, missing) = match measured.nothing {
        Some(Nothing::InScope(note)) => (Some(note), None),
        Some(Nothing::Missing(what)) => (None, Some(what)),
        None => (None, None),
    };
    Question {
        number: q.number,
        question: q.question.get(lang).to_owned(),
        verdict: v,
        verdict_label: label(lang, "verdict", v.as_str()),
        verdict_before: None,
        verdict_before_label: None,
        in_scope: measured.denominator > 0,
        scope_note,
        missing,
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
/// names a setting. With nothing to count the figure is 0 % (the rule's own share where it
/// has one: CUL001's completion), not left blank: the gap is shown as it is.
pub fn key_figure(input: &Input<'_>, q: &AuditQuestion, m: &Measured) -> KeyFigure {
    let lang = input.lang;
    let target = match q.target_from.as_deref() {
        Some("training.completion_target") => input.config.training.completion_target,
        _ => q.target,
    };
    let value = if m.denominator > 0 {
        Some(m.share.unwrap_or(m.numerator as f64 / m.denominator as f64))
    } else if matches!(m.nothing, Some(Nothing::InScope(_))) {
        None
    } else {
        Some(m.share.unwrap_or(0.0))
    };
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

    const YES: Verdict = Verdict::Yes;
    const PARTLY: Verdict = Verdict::Partly;
    const NO: Verdict = Verdict::No;

    fn share(errors: usize, v: f64, target: f64) -> Verdict {
        verdict(errors, Basis::Share(v), target)
    }

    #[test]
    fn yes_needs_no_errors_and_three_quarters_of_the_target() {
        assert_eq!(share(0, 1.0, 1.0), YES);
        assert_eq!(share(0, 0.75, 1.0), YES, "exactly three quarters");
        assert_eq!(share(0, 6.0 / 8.0, 1.0), YES, "exactly three quarters");
        // 27 of 40 is exactly three quarters of 0.9 (0.675), whatever the rounding.
        assert_eq!(share(0, 27.0 / 40.0, 0.9), YES, "exactly three quarters");
        assert_eq!(share(0, 0.675, 0.9), YES, "exactly three quarters");
        assert_eq!(share(0, 0.7499, 1.0), PARTLY, "just below three quarters");
        assert_eq!(share(0, 0.6749, 0.9), PARTLY, "just below three quarters");
        // Errors keep a figure at or above three quarters at Partly.
        assert_eq!(share(1, 1.0, 1.0), PARTLY);
        assert_eq!(share(2, 0.75, 1.0), PARTLY);
    }

    #[test]
    fn no_errors_and_a_low_figure_is_partly() {
        // The continuity case: plans exist, none exercised (warnings only), 0 %.
        assert_eq!(share(0, 0.0, 1.0), PARTLY);
        assert_eq!(share(0, 0.1, 1.0), PARTLY);
        assert_eq!(share(0, 0.4, 0.9), PARTLY);
    }

    #[test]
    fn no_needs_errors_and_less_than_half_the_target() {
        assert_eq!(share(1, 0.5, 1.0), PARTLY, "exactly half");
        assert_eq!(share(1, 0.45, 0.9), PARTLY, "exactly half");
        assert_eq!(share(1, 9.0 / 20.0, 0.9), PARTLY, "exactly half");
        assert_eq!(share(1, 0.48, 0.9), PARTLY, "rules.md's example");
        assert_eq!(share(1, 0.4999, 1.0), NO, "just below half");
        assert_eq!(share(1, 0.4499, 0.9), NO, "just below half");
        assert_eq!(share(3, 0.0, 1.0), NO);
    }

    #[test]
    fn nothing_to_count_is_no_and_nothing_in_scope_rests_on_the_errors() {
        assert_eq!(verdict(0, Basis::NothingToCount, 1.0), NO);
        assert_eq!(verdict(2, Basis::NothingToCount, 0.9), NO);
        assert_eq!(verdict(0, Basis::NothingInScope, 1.0), YES);
        assert_eq!(verdict(1, Basis::NothingInScope, 1.0), NO);
    }

    /// Every text is in both languages, and says each of its cases without an error.
    #[test]
    fn the_texts_are_in_both_languages_and_fill_every_case() {
        let ids = |sources: &[Source]| {
            let mut v = crate::l10n::message_ids(sources);
            v.sort();
            v
        };
        assert_eq!(ids(TEXTS[0]), ids(TEXTS[1]));
        let count = |name: &'static str, n: i64| (name, Value::Int(n));
        let cases: Vec<(&str, Vec<(&'static str, Value)>)> = [0, 1, 3, 13]
            .into_iter()
            .flat_map(|n| {
                vec![
                    ("missing-documents", vec![]),
                    ("missing-organisation", vec![]),
                    (
                        "missing-plan",
                        vec![
                            ("year", Value::Int(2026)),
                            count("plans", n),
                            count("cancelled", n),
                        ],
                    ),
                    (
                        "missing-training",
                        vec![count("campaigns", n), count("window_months", n.max(1))],
                    ),
                    ("missing-units", vec![]),
                    ("missing-classification", vec![count("assets", n)]),
                    ("missing-measures", vec![]),
                    ("missing-monitoring", vec![]),
                    ("none-incidents", vec![count("months", n.max(1))]),
                    ("missing-continuity", vec![count("assets", n)]),
                    (
                        "missing-follow-ups",
                        vec![count("review_months", n.max(1)), count("audit_months", 24)],
                    ),
                    ("none-cloud", vec![]),
                ]
            })
            .collect();
        let said: std::collections::BTreeSet<&str> = cases.iter().map(|(id, _)| *id).collect();
        let all = ids(TEXTS[0]);
        assert_eq!(
            said.into_iter().map(str::to_owned).collect::<Vec<_>>(),
            all,
            "every text has its cases here"
        );
        for lang in [Language::Sv, Language::En] {
            for (id, args) in &cases {
                let errors = texts().errors(lang, id, None, args);
                assert!(errors.is_empty(), "{id} ({}): {errors:?}", lang.as_str());
            }
        }
    }
}
