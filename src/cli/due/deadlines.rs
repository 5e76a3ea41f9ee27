//! What falls due and when: one function per family of deadlines (policy reviews,
//! classification renewals, exercises, verifications, due dates, waivers, breach notices).

use serde::Serialize;

use super::Window;
use crate::config::Config;
use crate::model::{ActivityStatus, AuditFindingState, Date, Kind, Recipient};
use crate::repo::Repository;
use crate::repo::derived::Derived;
use crate::repo::session::Session;

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

/// Adopted policies: a review at their own interval, else a review at the configured
/// warning age and the end of their maximum age.
fn policy_reviews(found: &mut Found, repo: &Repository, config: &Config) {
    let as_of = found.as_of;
    for p in &repo.policies {
        let Some(adopted) = p.adopted.filter(|_| p.adopted_on(as_of)) else {
            continue;
        };
        let kind = p.policy_type.as_str().replace('_', " ");
        if let Some(years) = p.review_interval_years {
            found.add(
                adopted.plus_months(years.saturating_mul(12) as i32),
                "review",
                format!(
                    "review {kind} `{}` (its review interval of {})",
                    p.title,
                    years_text(years)
                ),
                Kind::Policy,
                &p.id,
                &p.src.path,
            );
        } else {
            let pol = &config.policies;
            found.add(
                adopted.plus_months(pol.warn_age_years.saturating_mul(12) as i32),
                "review",
                format!(
                    "review {kind} `{}` ({} old)",
                    p.title,
                    years_text(pol.warn_age_years)
                ),
                Kind::Policy,
                &p.id,
                &p.src.path,
            );
            found.add(
                adopted.plus_months(pol.max_age_years.saturating_mul(12) as i32),
                "max-age",
                format!(
                    "{kind} `{}` reaches the maximum age of {}",
                    p.title,
                    years_text(pol.max_age_years)
                ),
                Kind::Policy,
                &p.id,
                &p.src.path,
            );
        }
    }
}

/// Active assets: the renewal of their current classification.
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
                c.date.plus_months(months as i32),
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

/// Continuity plans in force: the next exercise, counted from the last one, else from
/// the plan's documentation.
fn exercises(found: &mut Found, repo: &Repository, config: &Config) {
    let as_of = found.as_of;
    let months = config.thresholds.exercise_max_age_months;
    for c in &repo.continuity_plans {
        if !c.exists_on(as_of) {
            continue;
        }
        let last_exercise = c
            .exercises
            .iter()
            .map(|e| e.date)
            .filter(|d| *d <= as_of)
            .max();
        let (base, summary) = match (last_exercise, c.documented) {
            (Some(d), _) => (
                d,
                format!(
                    "exercise continuity plan `{}` (last exercised {d})",
                    c.title
                ),
            ),
            (None, Some(d)) => (
                d,
                format!(
                    "exercise continuity plan `{}` (documented {d}, never exercised)",
                    c.title
                ),
            ),
            (None, None) => continue,
        };
        found.add(
            base.plus_months(months as i32),
            "exercise",
            summary,
            Kind::ContinuityPlan,
            &c.id,
            &c.src.path,
        );
    }
}

/// Implemented measures: the next verification, counted from the last one, else from
/// the implementation.
fn verifications(found: &mut Found, repo: &Repository, config: &Config) {
    let as_of = found.as_of;
    for m in &repo.measures {
        if !m.implemented_on(as_of) {
            continue;
        }
        let interval = m
            .verify_interval_months
            .unwrap_or(config.thresholds.verify_interval_months);
        let (base, how) = match (m.last_verified.filter(|d| *d <= as_of), m.implemented) {
            (Some(d), _) => (d, format!("last verified {d}")),
            (None, Some(d)) => (d, format!("implemented {d}, never verified")),
            (None, None) => continue,
        };
        found.add(
            base.plus_months(interval as i32),
            "verification",
            format!("verify measure `{}` ({how})", m.title),
            Kind::Measure,
            &m.id,
            &m.src.path,
        );
    }
}

/// Planned and ongoing activities: their due dates.
fn activities_due(found: &mut Found, repo: &Repository) {
    for a in &repo.activities {
        if !matches!(
            a.status,
            ActivityStatus::Planned | ActivityStatus::InProgress
        ) {
            continue;
        }
        if let Some(due) = a.due {
            found.add(
                due,
                "due",
                format!(
                    "activity `{}` is due ({})",
                    a.title,
                    a.status.as_str().replace('_', " ")
                ),
                Kind::Activity,
                &a.id,
                &a.src.path,
            );
        }
    }
}

/// Open audit findings: their due dates.
fn audit_findings_due(found: &mut Found, repo: &Repository) {
    for f in &repo.audit_findings {
        if matches!(
            f.status,
            AuditFindingState::Done | AuditFindingState::Rejected
        ) {
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
