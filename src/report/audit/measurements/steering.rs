//! Questions 1–3: the required steering documents are adopted and current, the security
//! organisation is staffed, and the current action plan is on track.

use super::Measured;
use crate::config::Language;
use crate::l10n::Args;
use crate::model::*;
use crate::registry::registry;
use crate::report::audit::Evidence;
use crate::report::facts::Input;
use crate::report::labels::label;
use crate::rules::doc::{adopted_of_type, required_types};
use crate::rules::org;

fn body_name(lang: Language, body: Option<Body>) -> String {
    body.map_or_else(String::new, |b| label(lang, "body", b.as_str()))
}

/// Question 1: per required type (DOC002's list, `required_types`), whether an adopted
/// document exists (DOC002's `adopted_of_type`: a type with none is exactly a DOC002 finding)
/// and the newest is younger than `max_age_years`. The age part is the specification's key
/// figure, a different measure from DOC001: DOC001 also warns from `warn_age_years`, judges a
/// document with its own `review_interval_years` by that, and looks at every adopted
/// document, not only the newest of each required type.
pub(super) fn required_documents(input: &Input<'_>, m: &mut Measured) {
    let lang = input.lang;
    let max = input.config.policies.max_age_years;
    for ty in required_types(&input.config.policies) {
        let name = registry()
            .document_type(&ty)
            .map_or_else(|| ty.replace('_', " "), |d| d.name.get(lang).to_owned());
        // Undated adopted documents sort first: a dated one is the better evidence.
        let newest = adopted_of_type(input.repo, &ty, input.as_of)
            .max_by(|a, b| a.adopted.cmp(&b.adopted).then(b.id.cmp(&a.id)));
        let e = match newest {
            None => Evidence {
                kind: "policy",
                id: String::new(),
                name,
                ok: false,
                detail: lang
                    .pick("inget antaget dokument", "no adopted document")
                    .into(),
            },
            Some(p) => document_evidence(lang, p, name, input.as_of, max),
        };
        m.push(e.ok, || e);
    }
}

/// The newest adopted document of a required type: current when younger than `max` years.
fn document_evidence(lang: Language, p: &Policy, name: String, as_of: Date, max: u32) -> Evidence {
    let Some(adopted) = p.adopted else {
        return Evidence {
            kind: "policy",
            id: p.id.clone(),
            name,
            ok: false,
            detail: match lang {
                Language::Sv => format!("{} antagen, utan datum", p.title),
                Language::En => format!("{} adopted, with no date", p.title),
            },
        };
    };
    let age = adopted.years_until(as_of);
    let by = body_name(lang, p.adopted_by);
    let detail = match lang {
        Language::Sv => format!(
            "{} antagen {adopted}{}, {age} år gammal (högst {max} år)",
            p.title,
            if by.is_empty() {
                String::new()
            } else {
                format!(" av {}", by.to_lowercase())
            }
        ),
        Language::En => format!(
            "{} adopted {adopted}{}, {age} year{} old (at most {max})",
            p.title,
            if by.is_empty() {
                String::new()
            } else {
                format!(" by the {}", by.to_lowercase())
            },
            if age == 1 { "" } else { "s" },
        ),
    };
    Evidence {
        kind: "policy",
        id: p.id.clone(),
        name,
        ok: age < i64::from(max),
        detail,
    }
}

/// Question 2: ORG002's key roles and ORG001's units. Returns whether nothing is recorded
/// (no organisation record to hold the roles, and no units).
pub(super) fn organisation(input: &Input<'_>, m: &mut Measured) -> bool {
    let lang = input.lang;
    let org = input.repo.organisation.first();
    let units = input.member_units();
    let nothing = org.is_none() && units.is_empty();
    // ORG002's roles (all vacant without an organisation record), then ORG001's units.
    for (role, holder) in org::key_roles(&input.rules_context()) {
        m.push(holder.is_some(), || Evidence {
            kind: "organisation",
            id: org.map(|o| o.id.clone()).unwrap_or_default(),
            name: label(lang, "role", role),
            ok: holder.is_some(),
            detail: holder.map_or_else(|| lang.pick("vakant", "vacant").to_owned(), str::to_owned),
        });
    }
    for u in units {
        let rep = u.representative();
        m.push(rep.is_some(), || Evidence {
            kind: "unit",
            id: u.id.clone(),
            name: u.name.clone(),
            ok: rep.is_some(),
            detail: rep.map_or_else(
                || {
                    lang.pick("inget säkerhetsombud", "no security representative")
                        .to_owned()
                },
                |r| match lang {
                    Language::Sv => format!("säkerhetsombud {r}"),
                    Language::En => format!("security representative {r}"),
                },
            ),
        });
    }
    nothing
}

/// On track (the spec's "done, or not past due"): not overdue as PLAN002 finds it
/// ([`Input::days_overdue`]), and not postponed past its due date.
///
/// A different measure from PLAN002 on purpose, on that one point: PLAN002 leaves a
/// postponed activity to the plan that carries it over, while this key figure measures
/// the year's plan, for which a postponement past the due date is a delay. Cancelled
/// activities are left out of the figure: cancelling is a decision, not a delay.
fn on_track(input: &Input<'_>, a: &Activity) -> bool {
    let postponed_late =
        a.status == ActivityStatus::Postponed && a.due.is_some_and(|d| d < input.as_of);
    input.days_overdue(a).is_none() && !postponed_late
}

pub(super) fn plan_on_track(input: &Input<'_>, m: &mut Measured) {
    let plans = input.current_plans();
    // Counted, the order makes no difference and sorting costs more than counting.
    let activities = if m.counting {
        input.activities_in(&plans).collect()
    } else {
        input.activities_of(&plans)
    };
    for a in activities {
        if a.status == ActivityStatus::Cancelled {
            continue;
        }
        let ok = on_track(input, a);
        m.push(ok, || Evidence {
            kind: "activity",
            id: a.id.clone(),
            name: a.title.clone(),
            ok,
            detail: activity_detail(input, a),
        });
    }
}

/// An activity's status and dates, in words.
fn activity_detail(input: &Input<'_>, a: &Activity) -> String {
    let lang = input.lang;
    let status = label(lang, "activity", a.status.as_str());
    match (a.status, a.due, input.days_overdue(a)) {
        (ActivityStatus::Done, _, _) => match a.completed {
            Some(c) => format!("{status} {c}"),
            None => status,
        },
        (_, Some(due), Some(days)) => match lang {
            Language::Sv => format!(
                "{status}, försenad sedan {due} ({days} dag{})",
                if days == 1 { "" } else { "ar" }
            ),
            Language::En => format!(
                "{status}, overdue since {due} ({days} day{})",
                if days == 1 { "" } else { "s" }
            ),
        },
        (_, Some(due), None) if due < input.as_of => match lang {
            Language::Sv => format!("{status}, slutdatum {due} har passerat"),
            Language::En => format!("{status}, was due {due}"),
        },
        (_, Some(due), None) => match lang {
            Language::Sv => format!("{status}, slutdatum {due}"),
            Language::En => format!("{status}, due {due}"),
        },
        (_, None, _) => status,
    }
}

/// What question 3 lacks when it has nothing to count: the catalogue message and its values
/// (the year, how many plans it has, and how many of their activities are cancelled, which
/// the figure leaves out).
pub(super) fn plan_gap(input: &Input<'_>) -> (&'static str, Args) {
    let plans = input.current_plans();
    let cancelled = input
        .activities_of(&plans)
        .iter()
        .filter(|a| a.status == ActivityStatus::Cancelled)
        .count();
    let args: Args = vec![
        ("year", i64::from(input.as_of.year()).into()),
        ("plans", plans.len().into()),
        ("cancelled", cancelled.into()),
    ];
    ("missing-plan", args)
}
