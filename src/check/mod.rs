//! `isms check` as a library call: every selected rule, the record problems' (REC001–REC003)
//! included, its findings sorted into output order.

pub mod baseline;

use crate::diagnostic::{self, Diagnostic};
use crate::model::Date;

use crate::repo::derived::Derived;
use crate::repo::session::Session;
use crate::rules::{self, Context, Selection};

/// Everything `isms check` reports.
pub struct CheckResult {
    pub findings: Vec<Diagnostic>,
    pub waived: Vec<Diagnostic>,
    /// Whether any record problem (REC001–REC003) made records unusable.
    pub invalid_records: bool,
    /// The effective values the rules judged by, for reports over the same check.
    pub derived: Derived,
}

/// Whether a finding is a record problem that is still an error after `isms.toml`'s
/// severities: its records were left out of every rule (the exit code says the records are
/// invalid, and reports say their figures leave those records out).
pub fn leaves_records_out(d: &Diagnostic) -> bool {
    static CODES: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    let codes = CODES.get_or_init(|| {
        rules::all()
            .into_iter()
            .filter(|r| r.reports_record_problems())
            .map(|r| r.meta().code)
            .collect()
    });
    d.severity == diagnostic::Severity::Error && codes.contains(&d.code)
}

/// Runs the whole check of a session as of a date, said in its configured language.
pub fn check(session: &Session, as_of: Date, selection: &Selection) -> CheckResult {
    check_config(session, &session.config, as_of, selection, true)
}

/// Runs the whole check as [`check`] does, leaving the findings' messages unsaid and the
/// findings in the rules' order (duplicates dropped all the same): for figures that count
/// findings by their data (a trend's points), where saying tens of thousands of messages
/// would cost as much as the rules, and sorting them a tenth of it.
pub fn counted(session: &Session, as_of: Date) -> CheckResult {
    check_config(
        session,
        &session.config,
        as_of,
        &Selection::default(),
        false,
    )
}

/// Like [`check`], with the findings said in `lang` whatever `isms.toml` says (a report
/// in the other language).
pub fn check_in(
    session: &Session,
    as_of: Date,
    selection: &Selection,
    lang: crate::config::Language,
) -> CheckResult {
    if lang == session.config.language {
        return check(session, as_of, selection);
    }
    let mut config = session.config.clone();
    config.language = lang;
    check_config(session, &config, as_of, selection, true)
}

fn check_config(
    session: &Session,
    config: &crate::config::Config,
    as_of: Date,
    selection: &Selection,
    say: bool,
) -> CheckResult {
    let derived = Derived::compute(&session.repo, as_of);
    let mut cx = Context::new(&session.repo, config, &derived, as_of);
    cx.say = say;
    let outcome = rules::run(&cx, selection);
    let mut findings = outcome.findings;
    let invalid_records = findings.iter().any(leaves_records_out);
    if say {
        diagnostic::sort(&mut findings);
    } else {
        diagnostic::dedup(&mut findings);
    }
    CheckResult {
        findings,
        waived: outcome.waived,
        invalid_records,
        derived,
    }
}
