//! What falls due and when: one function per family of deadlines (policy reviews,
//! classification renewals, exercises, verifications, due dates, waivers, breach notices).

use serde::Serialize;

use super::{Window, text};
use crate::config::{Config, Language};
use crate::l10n::Value;
use crate::model::{Date, Kind, Recipient};
use crate::repo::Repository;
use crate::repo::derived::Derived;
use crate::repo::session::Session;
use crate::rules::bcm::{exercise_due, last_exercise};
use crate::rules::doc::{ReviewLimit, review_deadlines};
use crate::rules::fup::outstanding;
use crate::rules::sec::verification_due;
use crate::rules::sup::{assessment_due, criticality};

/// One deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadline {
    pub date: Date,
    /// A short stable name of what falls due (`review`, `waiver-DOC001`), part of the UID.
    pub what: String,
    /// The deadline in words, in the run's language.
    pub summary: String,
    pub kind: Kind,
    pub id: String,
    pub path: String,
    /// Whether the date is before the as-of date.
    pub overdue: bool,
    /// The moment it falls due, for a deadline with a time of day (the 72 hours after a
    /// breach was detected); `date` is then its day in the configured time zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<jiff::Timestamp>,
}

/// The deadlines from a year before `as_of` up to the end of the window, by date then path,
/// said in the session's language.
pub fn deadlines(session: &Session, as_of: Date, window: Window) -> Vec<Deadline> {
    let repo = &session.repo;
    let config = &session.config;
    let mut found = Found {
        as_of,
        first: as_of.minus_years(1),
        last: window.end(as_of),
        lang: config.language,
        list: Vec::new(),
    };
    policy_reviews(&mut found, repo, config);
    classification_renewals(&mut found, repo, config);
    exercises(&mut found, repo, config);
    verifications(&mut found, repo, config);
    activities_due(&mut found, repo);
    audit_findings_due(&mut found, repo);
    waivers_ending(&mut found, repo);
    breach_notifications(&mut found, repo, config);
    supplier_deadlines(&mut found, repo, config);
    exclusion_reviews(&mut found, repo);
    let mut out = found.list;
    out.sort_by(|a, b| (a.date, &a.path, &a.what, &a.id).cmp(&(b.date, &b.path, &b.what, &b.id)));
    out
}

/// The deadlines found so far, the span from a year before the as-of date to the end of the
/// window that they must fall in, and the language they are said in.
struct Found {
    as_of: Date,
    first: Date,
    last: Date,
    lang: Language,
    list: Vec<Deadline>,
}

impl Found {
    /// A deadline in words: `due`'s message `id` filled from `args`.
    fn say(&self, id: &str, args: &[(&'static str, Value)]) -> String {
        text(self.lang, id, args)
    }

    /// Adds a deadline of the record of `kind` with `id` in `path`, if it falls in the span,
    /// and returns it (for a deadline with a time of day to set its moment).
    fn add(
        &mut self,
        date: Date,
        what: &str,
        summary: String,
        kind: Kind,
        id: &str,
        path: &str,
    ) -> Option<&mut Deadline> {
        if date < self.first || date > self.last {
            return None;
        }
        self.list.push(Deadline {
            date,
            what: what.to_owned(),
            summary,
            kind,
            id: id.to_owned(),
            path: path.to_owned(),
            overdue: date < self.as_of,
            at: None,
        });
        self.list.last_mut()
    }
}

/// Adopted policies: the days DOC001 starts to report them (`review_deadlines`): a review at
/// their own interval, else a review at the configured warning age and the end of their
/// maximum age.
fn policy_reviews(found: &mut Found, repo: &Repository, config: &Config) {
    for p in &repo.policies {
        let type_name = found.say(
            "due-policy-type",
            &[("type", p.policy_type.as_str().into())],
        );
        for d in review_deadlines(&config.policies, p, found.as_of) {
            let (what, says) = match d.limit {
                ReviewLimit::OwnInterval => ("review", "due-review-interval"),
                ReviewLimit::WarnAge => ("review", "due-review-age"),
                ReviewLimit::MaxAge => ("max-age", "due-max-age"),
            };
            let summary = found.say(
                says,
                &[
                    ("type_name", (&type_name).into()),
                    ("title", (&p.title).into()),
                    ("years", d.years.into()),
                ],
            );
            found.add(d.date, what, summary, Kind::Policy, &p.id, &p.src.path);
        }
    }
}

/// Active assets: the renewal of their current classification, due by the last day it
/// stands (CLS002 reports it from the next).
fn classification_renewals(found: &mut Found, repo: &Repository, config: &Config) {
    let derived = Derived::compute(repo, found.as_of);
    let months = config.thresholds.classification_max_age_months;
    for (ai, a) in repo.assets.iter().enumerate() {
        if !a.is_active() {
            continue;
        }
        if let Some(ci) = derived.assets[ai].current {
            let c = &repo.classifications[ci];
            let summary = found.say(
                "due-classification",
                &[
                    ("asset", (&a.name).into()),
                    ("classified", c.date.into()),
                    ("classification", (&c.id).into()),
                ],
            );
            found.add(
                crate::rules::cls::stands_until(c, months),
                "classification",
                summary,
                Kind::Asset,
                &a.id,
                &a.src.path,
            );
        }
    }
}

/// Continuity plans in force: the next exercise, the day BCM002 starts to report them
/// (`exercise_due`: counted from the last exercise; a plan never exercised is due from the
/// day it was documented).
fn exercises(found: &mut Found, repo: &Repository, config: &Config) {
    let as_of = found.as_of;
    for c in &repo.continuity_plans {
        if !c.exists_on(as_of) {
            continue;
        }
        let Some(due) = exercise_due(config, c, as_of) else {
            continue;
        };
        let last_exercise = last_exercise(c, as_of);
        let title = ("title", (&c.title).into());
        let summary = match (last_exercise, c.documented) {
            (Some(d), _) => found.say("due-exercise", &[title, ("last_exercised", d.into())]),
            (None, Some(d)) => found.say("due-exercise-never", &[title, ("documented", d.into())]),
            (None, None) => continue,
        };
        found.add(
            due,
            "exercise",
            summary,
            Kind::ContinuityPlan,
            &c.id,
            &c.src.path,
        );
    }
}

/// Implemented measures: the next verification, the day SEC002 starts to report them
/// (`verification_due`: counted from the last verification, else from the implementation).
fn verifications(found: &mut Found, repo: &Repository, config: &Config) {
    let as_of = found.as_of;
    for m in &repo.measures {
        if !m.implemented_on(as_of) {
            continue;
        }
        let Some(due) = verification_due(config, m, as_of) else {
            continue;
        };
        let title = ("title", (&m.title).into());
        let summary = match (m.last_verified.filter(|d| *d <= as_of), m.implemented) {
            (Some(d), _) => found.say("due-verification", &[title, ("last_verified", d.into())]),
            (None, Some(d)) => found.say(
                "due-verification-never",
                &[title, ("implemented", d.into())],
            ),
            (None, None) => continue,
        };
        found.add(
            due,
            "verification",
            summary,
            Kind::Measure,
            &m.id,
            &m.src.path,
        );
    }
}

/// Activities still open on the as-of date (planned, in progress, or done only later):
/// their due dates. So one past due is overdue exactly when PLAN002 finds it so
/// ([`crate::rules::plan::days_overdue`]: open that day and past due).
fn activities_due(found: &mut Found, repo: &Repository) {
    for a in &repo.activities {
        if !a.open_on(found.as_of) {
            continue;
        }
        if let Some(due) = a.due {
            let title = ("title", (&a.title).into());
            let summary = match a.completed.filter(|_| a.completed_after(found.as_of)) {
                Some(d) => found.say("due-activity-done-later", &[title, ("completed", d.into())]),
                None => found.say(
                    "due-activity",
                    &[title, ("status", a.status.as_str().into())],
                ),
            };
            found.add(due, "due", summary, Kind::Activity, &a.id, &a.src.path);
        }
    }
}

/// Outstanding audit findings (FUP004's `outstanding`): their due dates, after which FUP004
/// reports them as errors.
fn audit_findings_due(found: &mut Found, repo: &Repository) {
    for f in &repo.audit_findings {
        if !outstanding(repo, f, found.as_of) {
            continue;
        }
        if let Some(due) = f.due {
            let summary = found.say("due-audit-finding", &[("title", (&f.title).into())]);
            found.add(due, "due", summary, Kind::AuditFinding, &f.id, &f.src.path);
        }
    }
}

/// Every record's waivers: the day each one ends.
fn waivers_ending(found: &mut Found, repo: &Repository) {
    for e in Kind::ALL.into_iter().flat_map(|k| repo.entries(k)) {
        for w in e.record.waivers() {
            let summary = found.say(
                "due-waiver",
                &[("rule", (&w.rule).into()), ("reason", (&w.reason).into())],
            );
            found.add(
                w.until,
                &format!("waiver-{}", w.rule),
                summary,
                e.kind,
                e.record.id(),
                &e.src.path,
            );
        }
    }
}

/// The hours after detection within which IMY must be told of a personal-data breach
/// (GDPR art. 33).
const BREACH_NOTICE_HOURS: i64 = 72;

/// Personal-data breaches detected and not yet notified: IMY's 72 hours.
fn breach_notifications(found: &mut Found, repo: &Repository, config: &Config) {
    let as_of = found.as_of;
    let tz = config.tz();
    for i in &repo.incidents {
        let notified = i.notifications.iter().any(|n| n.to == Recipient::Imy);
        if !i.must_notify_imy() || notified || i.closed_on(as_of) || !i.detected_by(as_of, &tz) {
            continue;
        }
        let deadline =
            i.detected.instant(&tz) + jiff::SignedDuration::from_hours(BREACH_NOTICE_HOURS);
        let local = jiff::ZonedDateTime::new(deadline, tz.clone());
        let summary = found.say(
            "due-breach",
            &[
                ("title", (&i.title).into()),
                ("deadline", Date(local.date()).into()),
                ("time", local.strftime("%H:%M").to_string().into()),
                ("hours", BREACH_NOTICE_HOURS.into()),
            ],
        );
        let added = found.add(
            Date(local.date()),
            "breach-notification",
            summary,
            Kind::Incident,
            &i.id,
            &i.src.path,
        );
        if let Some(d) = added {
            d.at = Some(deadline);
        }
    }
}

/// Active suppliers: the next security assessment of a critical one, the day SUP002 starts
/// to report it (`assessment_due`, counted from the last assessment), and the end of any
/// one's contract (SUP005 asks a critical one for an exit plan in the months before it).
fn supplier_deadlines(found: &mut Found, repo: &Repository, config: &Config) {
    let derived = Derived::compute(repo, found.as_of);
    for s in repo.suppliers.iter().filter(|s| s.is_active()) {
        let name = ("name", (&s.name).into());
        let critical = criticality(repo, &derived, s).is_critical();
        if critical
            && let Some(due) = assessment_due(config, s, found.as_of)
            && let Some(assessed) = s.assessed
        {
            let summary = found.say(
                "due-supplier-assessment",
                &[name.clone(), ("assessed", assessed.into())],
            );
            found.add(
                due,
                "assessment",
                summary,
                Kind::Supplier,
                &s.id,
                &s.src.path,
            );
        }
        if let Some(ends) = s.contract.ends {
            let exit_plan = s.contract.exit_plan == Some(true);
            let summary = found.say(
                "due-contract-end",
                &[
                    name,
                    ("critical", critical.into()),
                    ("exit_plan", exit_plan.into()),
                ],
            );
            found.add(
                ends,
                "contract-end",
                summary,
                Kind::Supplier,
                &s.id,
                &s.src.path,
            );
        }
    }
}

/// Controls excluded by a statement of applicability: the day each exclusion is to be
/// reconsidered (FRM002 reports it from the day after).
fn exclusion_reviews(found: &mut Found, repo: &Repository) {
    for s in &repo.statements_of_applicability {
        for e in &s.excluded {
            let Some(review) = e.review else {
                continue;
            };
            let summary = found.say(
                "due-exclusion-review",
                &[
                    ("control", (&e.control).into()),
                    ("framework", (&s.framework).into()),
                    ("reason", (&e.reason).into()),
                ],
            );
            let what = format!("exclusion-review-{}", e.control);
            found.add(
                review,
                &what,
                summary,
                Kind::StatementOfApplicability,
                &s.id,
                &s.src.path,
            );
        }
    }
}
