//! `isms check` as a library call: record problems, derived-view problems and every
//! selected rule, sorted into output order.

use crate::derived::Derived;
use crate::diagnostic::{self, Diagnostic};
use crate::model::Date;
use crate::registry::registry;
use crate::rules::{self, Context, Selection};
use crate::session::Session;

/// Everything `isms check` reports.
pub struct CheckResult {
    pub findings: Vec<Diagnostic>,
    pub waived: Vec<Diagnostic>,
    /// Whether any record problem (REC001–REC003) made records unusable.
    pub invalid_records: bool,
}

/// Runs the whole check of a session as of a date.
pub fn check(session: &Session, as_of: Date, selection: &Selection) -> CheckResult {
    let derived = Derived::compute(&session.repo, as_of);
    let cx = Context {
        repo: &session.repo,
        config: &session.config,
        derived: &derived,
        registry: registry(),
        as_of,
        tz: session.config.tz(),
    };
    let mut problems: Vec<Diagnostic> = session
        .record_problems
        .iter()
        .chain(&derived.diagnostics)
        .filter(|d| selection.wants(d.code))
        .cloned()
        .collect();
    for d in &mut problems {
        rules::apply_level(&session.config, d);
    }
    let invalid_records = problems.iter().any(|d| {
        d.severity == diagnostic::Severity::Error
            && matches!(d.code, "REC001" | "REC002" | "REC003")
    });
    let outcome = rules::run(&cx, selection, problems);
    let mut findings = outcome.findings;
    diagnostic::sort(&mut findings);
    CheckResult {
        findings,
        waived: outcome.waived,
        invalid_records,
    }
}
