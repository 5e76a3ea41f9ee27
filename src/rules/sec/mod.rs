//! Technical measures and evaluation (SEC): required capabilities, verification of
//! measures, penetration tests and scans, evaluation findings, monitoring.

use std::borrow::Cow;

use crate::repo::fold_case;
use crate::util::hash::{HashMap, HashSet};

use super::{Context, area_rules};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::l10n::{Args, Value};
use crate::model::{Asset, Date, Kind, Measure, MeasureScope};
use crate::registry::Registry;
use crate::repo::{Rec, Repository};

pub use missing_monitoring::{DETECTION, detection_providers};

area_rules! {
    missing_capability::MissingCapability,
    unverified_measure::UnverifiedMeasure,
    security_testing::SecurityTesting,
    open_evaluation_finding::OpenEvaluationFinding,
    missing_monitoring::MissingMonitoring,
}

/// A capability word as compared: trimmed, lower case (an open vocabulary users type).
fn capability(word: &str) -> Cow<'_, str> {
    fold_case(word.trim())
}

/// A capability as a Swedish sentence names it: the registry's Swedish name in running
/// text's lower case ("personuppgiftsbiträdesavtal"), or the word itself when the
/// registry does not know it (users may use words of their own).
fn capability_sv(registry: &Registry, word: &str) -> String {
    let Some(known) = registry.capability(word) else {
        return word.to_owned();
    };
    let name = known.name.sv.as_str();
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        // An abbreviation ("IT-…", "MFA") keeps its capitals.
        (Some(first), Some(second)) if !second.is_uppercase() => first
            .to_lowercase()
            .chain(name[first.len_utf8()..].chars())
            .collect(),
        _ => name.to_owned(),
    }
}

/// Which capabilities implemented measures provide, indexed once so that asking for one
/// asset does not scan every measure (the semantics of `Derived::measures_for`).
pub(crate) struct Provided<'r> {
    /// Capabilities of organisation-wide measures implemented on the as-of date.
    organisation: HashSet<Cow<'r, str>>,
    /// Capabilities of implemented asset-scoped measures, by lower-case measure id.
    scoped: HashMap<Cow<'r, str>, HashSet<Cow<'r, str>>>,
}

impl<'r> Provided<'r> {
    pub(crate) fn new(repo: &'r Repository, as_of: Date) -> Provided<'r> {
        let mut organisation = HashSet::default();
        let mut scoped: HashMap<Cow<'r, str>, HashSet<Cow<'r, str>>> = HashMap::default();
        for m in repo.measures.iter().filter(|m| m.implemented_on(as_of)) {
            let caps = m.provides.iter().map(|c| capability(c));
            match m.scope {
                MeasureScope::Organisation => organisation.extend(caps),
                MeasureScope::Assets => scoped.entry(fold_case(&m.id)).or_default().extend(caps),
            }
        }
        Provided {
            organisation,
            scoped,
        }
    }

    /// Whether an implemented measure in scope for `asset` provides `cap`.
    pub(crate) fn has(&self, asset: &Asset, cap: &str) -> bool {
        let cap = capability(cap);
        self.organisation.contains(&*cap)
            || asset.measures.iter().any(|m| {
                self.scoped
                    .get(&*fold_case(m))
                    .is_some_and(|caps| caps.contains(&*cap))
            })
    }
}

/// Where a measure stands against its verification interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verification {
    Current,
    Overdue { date: Date },
    NeverSinceImplemented { date: Date },
    Never,
}

/// The measure's own `verify_interval_months`, else `[thresholds] verify_interval_months`.
pub fn interval_of(config: &Config, m: &Measure) -> u32 {
    m.verify_interval_months
        .unwrap_or(config.thresholds.verify_interval_months)
}

pub(crate) fn interval(cx: &Context<'_>, m: &Measure) -> u32 {
    interval_of(cx.config, m)
}

/// The day SEC002 starts to report `m` as of `as_of`: the day its `last_verified` (one
/// after the as-of date was not known then), or `implemented` when it was never verified (a
/// new measure has its first interval to be verified in), leaves the window of its
/// interval. `isms due` lists this date as the measure's verification deadline.
pub fn verification_due(config: &Config, m: &Measure, as_of: Date) -> Option<Date> {
    let since = m.last_verified.filter(|d| *d <= as_of).or(m.implemented)?;
    Some(since.leaves_window(interval_of(config, m)))
}

/// Where `m` stands on `as_of`: current before its [`verification_due`] date.
pub fn verification_on(config: &Config, m: &Measure, as_of: Date) -> Verification {
    if verification_due(config, m, as_of).is_some_and(|due| as_of < due) {
        return Verification::Current;
    }
    match (m.last_verified.filter(|d| *d <= as_of), m.implemented) {
        (Some(date), _) => Verification::Overdue { date },
        (None, Some(date)) => Verification::NeverSinceImplemented { date },
        (None, None) => Verification::Never,
    }
}

/// Whether `m` was verified within its interval (SEC002 is silent about it; audit
/// questions 7 and 8 count it).
pub fn verified_on(config: &Config, m: &Measure, as_of: Date) -> bool {
    verification_on(config, m, as_of) == Verification::Current
}

pub(crate) fn verification(cx: &Context<'_>, m: &Measure) -> Verification {
    verification_on(cx.config, m, cx.as_of)
}

/// A record's name or title as a message shows it before its id in parentheses: without
/// the `(id)` it may already end with ("Castor (diarium)" for `diarium`), which would
/// otherwise read twice.
pub(crate) fn display_name<'a>(name: &'a str, id: &str) -> &'a str {
    name.strip_suffix(')')
        .and_then(|n| n.strip_suffix(id))
        .and_then(|n| n.strip_suffix('('))
        .map(str::trim_end)
        .filter(|n| !n.is_empty())
        .unwrap_or(name)
}

/// Where a measure stands (`state`, from [`verification`]), as figures: `verification` is
/// `late` (last verified on `last_verified`, not within its interval), `never` (never
/// verified since it was `implemented`), `undated` (neither date) or `current`; and
/// `interval_months`, its interval.
pub(crate) fn verification_figures(cx: &Context<'_>, m: &Measure, state: Verification) -> Args {
    let mut figures: Args = match state {
        Verification::Overdue { date } => {
            vec![
                ("verification", "late".into()),
                ("last_verified", date.into()),
            ]
        }
        Verification::NeverSinceImplemented { date } => {
            vec![
                ("verification", "never".into()),
                ("implemented", date.into()),
            ]
        }
        Verification::Never => vec![("verification", "undated".into())],
        Verification::Current => vec![("verification", "current".into())],
    };
    figures.push(("interval_months", interval(cx, m).into()));
    figures
}

/// Says where asset `ai`'s levels on `aspects` (indices into [`crate::model::Aspect::ALL`])
/// come from: `levels_from` is `classification` (its own, `classification`), `supported`
/// (the assets it supports that give them, `supported`: each `asset` with its `name`),
/// `both`, or `none` when it has none. The classification and those assets are related.
pub(crate) fn level_sources<'d>(
    d: &'d mut Diagnostic,
    cx: &Context<'_>,
    ai: usize,
    aspects: &[usize],
) -> &'d mut Diagnostic {
    let view = &cx.derived.assets[ai];
    let sources: Vec<usize> = aspects
        .iter()
        .filter_map(|&k| view.levels.get(k).copied().flatten())
        .map(|l| l.from)
        .collect();
    // Own levels come from the current classification.
    let own = view
        .current
        .filter(|_| sources.contains(&ai))
        .map(|c| &cx.repo.classifications[c].id);
    let mut supported: Vec<usize> = sources.into_iter().filter(|&f| f != ai).collect();
    supported.sort_unstable();
    supported.dedup();
    let levels_from = match (own.is_some(), supported.is_empty()) {
        (true, true) => "classification",
        (false, false) => "supported",
        (true, false) => "both",
        (false, true) => "none",
    };
    d.arg("levels_from", levels_from);
    if let Some(c) = own {
        d.arg("classification", c).relate(Kind::Classification, c);
    }
    if !supported.is_empty() {
        let parts: Vec<Args> = supported
            .iter()
            .map(|&f| {
                let a = &cx.repo.assets[f];
                vec![
                    ("asset", (&a.id).into()),
                    ("name", display_name(&a.name, &a.id).into()),
                ]
            })
            .collect();
        d.arg("supported", Value::Parts(parts));
        for &f in &supported {
            d.relate(Kind::Asset, &cx.repo.assets[f].id);
        }
    }
    d
}

/// The field a verification finding points at: `last_verified`, else `implemented`, else
/// `status`.
pub(crate) fn verification_pointer(m: &Rec<Measure>) -> &'static str {
    if m.src.spans.contains("/last_verified") {
        "/last_verified"
    } else if m.src.spans.contains("/implemented") {
        "/implemented"
    } else {
        "/status"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capabilities_read_by_their_swedish_name_in_running_text() {
        let registry = crate::registry::registry();
        assert_eq!(
            capability_sv(registry, "data_processing_agreement"),
            "personuppgiftsbiträdesavtal"
        );
        assert_eq!(
            capability_sv(registry, "tested_restore"),
            "testad återläsning"
        );
        // A word of the organisation's own is shown as written.
        assert_eq!(capability_sv(registry, "exit_plan"), "exit_plan");
    }
}
