//! `isms check` as a library call: every selected rule, the record problems' (REC001–REC003)
//! included, its findings sorted into output order.

pub mod baseline;

use crate::diagnostic::{self, Diagnostic};
use crate::model::Date;
use crate::registry::registry;
use crate::repo::derived::Derived;
use crate::repo::session::Session;
use crate::rules::{self, Context, Selection};

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
    let outcome = rules::run(&cx, selection);
    let mut findings = outcome.findings;
    // A record problem that is still an error after `isms.toml`'s severities left records
    // out of every rule: the exit code says the records are invalid.
    let record_codes: Vec<&str> = rules::all()
        .into_iter()
        .filter(|r| r.reports_record_problems())
        .map(|r| r.meta().code)
        .collect();
    let invalid_records = findings
        .iter()
        .any(|d| d.severity == diagnostic::Severity::Error && record_codes.contains(&d.code));
    diagnostic::sort(&mut findings);
    CheckResult {
        findings,
        waived: outcome.waived,
        invalid_records,
    }
}
