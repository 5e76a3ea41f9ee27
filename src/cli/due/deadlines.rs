//! What falls due and when: one function per family of deadlines (policy reviews,
//! classification renewals, exercises, verifications, due dates, waivers, breach notices).

use serde::Serialize;

use super::Window;
use crate::config::Config;
use crate::model::{Date, Kind, Recipient};
use crate::repo::Repository;
use crate::repo::derived::Derived;
use crate::repo::session::Session;
use crate::rules::bcm::exercise_due;
use crate::rules::doc::{ReviewLimit, review_deadlines};
use crate::rules::fup::outstanding;
use crate::rules::sec::verification_due;

/// One deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadline {
    pub date: Date,
    /// A short stable name of what falls due (`review`, `waiver-DOC001`), part of the UID.
    pub what: String,
    /// The deadline in words.
    pub summary: String,
    pub kind: Kind,
    pub id: String,
    pub path: String,
    /// Whether the date is before the as-of date.
    pub overdue: bool,
}

/// The deadlines from a year before `as_of` up to the end of the window, by date then path.
pub fn deadlines(session: &Session, as_of: Date, window: Window) -> Vec<Deadline> {
    let repo = &session.repo;
    let config = &session.config;
    let mut found = Found {
        as_of,
        first: as_of.minus_years(1),
        last: window.end(as_of),
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
    let mut out = found.list;
    out.sort_by(|a, b| (a.date, &a.path, &a.what, &a.id).cmp(&(b.date, &b.path, &b.what, &b.id)));
    out
}

/// The deadlines found so far, and the span from a year before the as-of date to the end
/// of the window that they must fall in.
struct Found {
    as_of: Date,
    first: Date,
    last: Date,
    list: Vec<Deadline>,
}

impl Found {
    /// Adds a deadline of the record of `kind` with `id` in `path`, if it falls in the span.
    fn add(&mut self, date: Date, what: &str, summary: String, kind: Kind, id: &str, path: &str) {
        if date >= self.first && date <= self.last {
            self.list.push(Deadline {
                date,
                what: what.to_owned(),
                summary,
                kind,
                id: id.to_owned(),
                path: path.to_owned(),
                overdue: date < self.as_of,
            });
        }
    }
}

/// Adopted policies: the days DOC001 starts to report them (`review_deadlines`): a review at
/// their own interval, else a review at the configured warning age and the end of their
/// maximum age.
fn policy_reviews(found: &mut Found, repo: &Repository, config: &Config) {
    for p in &repo.policies {
        let kind = p.policy_type.as_str().replace('_', " ");
        for d in review_deadlines(&config.policies, p, found.as_of) {
            let (what, summary) = match d.limit {
                ReviewLimit::OwnInterval => (
                    "review",
                    format!(
                        "review {kind} `{}` (its review interval of {})",
                        p.title,
                        years_text(d.years)
                    ),
                ),
                ReviewLimit::WarnAge => (
                    "review",
                    format!("review {kind} `{}` ({} old)", p.title, years_text(d.years)),
                ),
                ReviewLimit::MaxAge => (
                    "max-age",
                    format!(
                        "{kind} `{}` reaches the maximum age of {}",
                        p.title,
                        years_text(d.years)
                    ),
                ),
            };
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
            found.add(
                crate::rules::cls::stands_until(c, months),
                "classification",
                format!(
                    "renew the classification of `{}` (classified {}, `{}`)",
                    a.name, c.date, c.id
                ),
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
        let last_exercise = c
            .exercises
            .iter()
            .map(|e| e.date)
            .filter(|d| *d <= as_of)
            .max();
        let summary = match (last_exercise, c.documented) {
            (Some(d), _) => format!(
                "exercise continuity plan `{}` (last exercised {d})",
                c.title
            ),
            (None, Some(d)) => format!(
                "exercise continuity plan `{}` (documented {d}, never exercised)",
                c.title
            ),
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
        let how = match (m.last_verified.filter(|d| *d <= as_of), m.implemented) {
            (Some(d), _) => format!("last verified {d}"),
            (None, Some(d)) => format!("implemented {d}, never verified"),
            (None, None) => continue,
        };
        found.add(
            due,
            "verification",
            format!("verify measure `{}` ({how})", m.title),
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
            let status = match a.completed.filter(|_| a.completed_after(found.as_of)) {
                Some(d) => format!("done only on {d}"),
                None => a.status.as_str().replace('_', " "),
            };
            found.add(
                due,
                "due",
                format!("activity `{}` is due ({status})", a.title),
                Kind::Activity,
                &a.id,
                &a.src.path,
            );
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
            found.add(
                due,
                "due",
                format!("audit finding `{}` is due", f.title),
                Kind::AuditFinding,
                &f.id,
                &f.src.path,
            );
        }
    }
}

/// Every record's waivers: the day each one ends.
fn waivers_ending(found: &mut Found, repo: &Repository) {
    for e in Kind::ALL.into_iter().flat_map(|k| repo.entries(k)) {
        for w in e.record.waivers() {
            found.add(
                w.until,
                &format!("waiver-{}", w.rule),
                format!("the waiver of {} expires ({})", w.rule, w.reason),
                e.kind,
                e.record.id(),
                &e.src.path,
            );
        }
    }
}

/// Personal-data breaches detected and not yet notified: IMY's 72 hours.
fn breach_notifications(found: &mut Found, repo: &Repository, config: &Config) {
    let as_of = found.as_of;
    let tz = config.tz();
    for i in &repo.incidents {
        let notified = i.notifications.iter().any(|n| n.to == Recipient::Imy);
        if !i.must_notify_imy() || notified || i.closed_on(as_of) || !i.detected_by(as_of, &tz) {
            continue;
        }
        let deadline = i.detected.instant(&tz) + jiff::SignedDuration::from_hours(72);
        let local = jiff::ZonedDateTime::new(deadline, tz.clone());
        found.add(
            Date(local.date()),
            "breach-notification",
            format!(
                "notify IMY of the personal-data breach `{}` by {} (72 hours after detection)",
                i.title,
                local.strftime("%Y-%m-%d %H:%M")
            ),
            Kind::Incident,
            &i.id,
            &i.src.path,
        );
    }
}

fn years_text(n: u32) -> String {
    if n == 1 {
        "1 year".to_owned()
    } else {
        format!("{n} years")
    }
}
