//! Frameworks (FRM): the statement of applicability, its exclusions and the controls no record
//! carries out.
//!
//! [`framework_state`] is the one place where a control's applicability, its status and the
//! evidence behind it are decided: FRM003 and NIS003 report from it, and `isms report soa`
//! and `isms report nis2` print it.
//!
//! What counts as evidence for a control (the specification's mapping, data in
//! `registry/control_map.toml`):
//!
//! - a measure that names the control in `controls`, or provides a capability mapped to it;
//!   implemented (in place on the as-of date) or planned, never retired;
//! - a steering document adopted on the as-of date, by its `topics`, and an adopted
//!   information security policy for the policy controls whatever its topics;
//! - a continuity plan exercised within `exercise_max_age_months` (BCM002's window);
//! - a training campaign in the training window (CUL001's window);
//! - an evaluation dated within the last twelve months;
//! - an active supplier record, a classification of an active asset, an active asset (the
//!   inventory), each counted once for all such records.
//!
//! Plan activities have no link to controls in the record format, so a control is
//! `planned` only through planned measures.

use serde::Serialize;

use super::area_rules;
use crate::model::{
    Body, Date, HostingModel, Kind, Measure, MeasureStatus, PolicyType, StatementOfApplicability,
};
use crate::registry::{Control, Evidence as EvidenceKind, Framework};
use crate::repo::Rec;
use crate::rules::{Context, bcm, cul, sec};

area_rules! {
    framework_not_approved::FrameworkNotApproved,
    overdue_exclusion_review::OverdueExclusionReview,
    missing_control::MissingControl,
}

/// Evaluations count as evidence this long.
const EVALUATION_MONTHS: u32 = 12;

/// How far a control is carried out on the as-of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ControlStatus {
    /// Evidence counts for it, and every counting measure is verified within its interval.
    Implemented,
    /// Evidence counts for it, but a counting measure is overdue for verification, or the
    /// only measures next to other evidence are planned ones.
    Partly,
    /// Only planned measures count for it.
    Planned,
    /// Nothing counts for it.
    Missing,
}

impl ControlStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ControlStatus::Implemented => "implemented",
            ControlStatus::Partly => "partly",
            ControlStatus::Planned => "planned",
            ControlStatus::Missing => "missing",
        }
    }
}

/// What a piece of evidence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// A measure, implemented or planned.
    Measure,
    /// An adopted steering document.
    Document,
    /// A continuity plan's exercise.
    Exercise,
    /// A training campaign.
    Training,
    /// An evaluation (penetration test, scan, audit).
    Evaluation,
    /// The active suppliers in the register.
    Suppliers,
    /// The classifications of active assets.
    Classifications,
    /// The active assets in the inventory.
    AssetInventory,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Measure => "measure",
            Source::Document => "document",
            Source::Exercise => "exercise",
            Source::Training => "training",
            Source::Evaluation => "evaluation",
            Source::Suppliers => "suppliers",
            Source::Classifications => "classifications",
            Source::AssetInventory => "asset_inventory",
        }
    }
}

/// One piece of evidence that counts for a control.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence<'r> {
    pub source: Source,
    /// The record, for evidence from one record (`None` for the counted registers).
    pub kind: Option<&'static str>,
    pub id: Option<&'r str>,
    /// How many records, for the counted registers.
    pub count: Option<usize>,
    /// Its date: implemented, adopted, exercised, started, evaluated, or the latest of a
    /// register's records.
    pub date: Option<Date>,
    /// A measure that is planned, not in place.
    pub planned: bool,
    /// A measure's last verification.
    pub verified: Option<Date>,
    /// An implemented measure overdue for verification (SEC002's condition).
    pub overdue: bool,
}

impl<'r> Evidence<'r> {
    fn of(source: Source, kind: Kind, id: &'r str, date: Option<Date>) -> Evidence<'r> {
        Evidence {
            source,
            kind: Some(kind.as_str()),
            id: Some(id),
            count: None,
            date,
            planned: false,
            verified: None,
            overdue: false,
        }
    }

    fn register(source: Source, count: usize, date: Option<Date>) -> Evidence<'r> {
        Evidence {
            source,
            kind: None,
            id: None,
            count: Some(count),
            date,
            planned: false,
            verified: None,
            overdue: false,
        }
    }
}

/// One control of a framework as of a date.
#[derive(Debug, Clone, Serialize)]
pub struct ControlState<'r> {
    #[serde(skip)]
    pub control: &'r Control,
    pub id: &'r str,
    pub group: &'r str,
    /// Not excluded by the statement of applicability.
    pub applicable: bool,
    /// Why it is excluded, or why included where the statement says.
    pub reason: Option<&'r str>,
    /// When an exclusion is to be reconsidered.
    pub review: Option<Date>,
    pub status: ControlStatus,
    pub evidence: Vec<Evidence<'r>>,
}

/// A framework's controls as of a date, with the statement of applicability that governs
/// them (when the organisation has one).
#[derive(Debug, Clone)]
pub struct FrameworkState<'r> {
    pub framework: &'r Framework,
    pub statement: Option<&'r Rec<StatementOfApplicability>>,
    pub controls: Vec<ControlState<'r>>,
}

impl FrameworkState<'_> {
    /// The applicable controls with `status`.
    pub fn count(&self, status: ControlStatus) -> usize {
        self.controls
            .iter()
            .filter(|c| c.applicable && c.status == status)
            .count()
    }

    /// The applicable controls.
    pub fn applicable(&self) -> usize {
        self.controls.iter().filter(|c| c.applicable).count()
    }
}

/// The statement of applicability for `framework`: of several, the one approved last (an
/// unapproved one only when none is approved), the first in path order among equals.
pub fn statement<'r>(
    cx: &Context<'r>,
    framework: &str,
) -> Option<&'r Rec<StatementOfApplicability>> {
    let mut best: Option<&'r Rec<StatementOfApplicability>> = None;
    for s in cx
        .repo
        .statements_of_applicability
        .iter()
        .filter(|s| s.framework == framework)
    {
        let approved = |s: &StatementOfApplicability| s.approved.filter(|d| *d <= cx.as_of);
        if best.is_none_or(|b| approved(s) > approved(b)) {
            best = Some(s);
        }
    }
    best
}

/// Whether the statement was approved, on or before the as-of date, by a body that can
/// decide it for the organisation (the executive board or the council).
pub fn approved_by_management(s: &StatementOfApplicability, as_of: Date) -> bool {
    s.approved.is_some_and(|d| d <= as_of)
        && matches!(
            s.approved_by,
            Some(Body::ExecutiveBoard | Body::MunicipalCouncil)
        )
}

/// The day the approval runs out: `review_interval_months` after it.
pub fn approval_expires(s: &StatementOfApplicability) -> Option<Date> {
    s.approved.map(|d| d.leaves_window(s.review_months()))
}

/// The framework `id` as of the as-of date: each control's applicability, status and
/// evidence. `None` when no catalogue has that id.
pub fn framework_state<'r>(cx: &Context<'r>, id: &str) -> Option<FrameworkState<'r>> {
    let framework = cx.repo.framework(id)?;
    let statement = statement(cx, id);
    let evidence = collect_evidence(cx, framework);
    let controls = framework
        .controls
        .iter()
        .zip(evidence)
        .map(|(control, found)| {
            let exclusion = statement.and_then(|s| s.exclusion(&control.id));
            let inclusion = statement.and_then(|s| s.inclusion(&control.id));
            ControlState {
                control,
                id: &control.id,
                group: &control.group,
                applicable: exclusion.is_none(),
                reason: exclusion
                    .map(|e| e.reason.as_str())
                    .or(inclusion.and_then(|i| i.reason.as_deref())),
                review: exclusion.and_then(|e| e.review),
                status: status_of(&found),
                evidence: found,
            }
        })
        .collect();
    Some(FrameworkState {
        framework,
        statement,
        controls,
    })
}

/// A control's status from the evidence that counts for it.
fn status_of(evidence: &[Evidence<'_>]) -> ControlStatus {
    let measures = || evidence.iter().filter(|e| e.source == Source::Measure);
    let in_place = evidence.iter().any(|e| !e.planned);
    let planned = measures().any(|e| e.planned);
    let measures_in_place = measures().any(|e| !e.planned);
    match (in_place, planned) {
        (false, false) => ControlStatus::Missing,
        (false, true) => ControlStatus::Planned,
        (true, _) if measures().any(|e| e.overdue) => ControlStatus::Partly,
        // Other evidence with measures only planned: the technical part is not there yet.
        (true, true) if !measures_in_place => ControlStatus::Partly,
        (true, _) => ControlStatus::Implemented,
    }
}

/// The evidence for each control of `framework`, by the control's place in its catalogue,
/// in the order of the sources above and of the records within each. A control named twice
/// in the catalogue takes its evidence at its first place.
fn collect_evidence<'r>(cx: &Context<'r>, framework: &'r Framework) -> Vec<Vec<Evidence<'r>>> {
    let map = &cx.registry.control_map;
    let prefix = format!("{}:", framework.id);
    // A large repository has tens of thousands of pieces of evidence for a hundred controls:
    // each reference is turned into a control's place once, and the pieces go straight to
    // their control.
    let mut place: crate::util::hash::HashMap<&str, usize> = Default::default();
    for (i, c) in framework.controls.iter().enumerate() {
        place.entry(c.id.as_str()).or_insert(i);
    }
    let ours = |r: &String| {
        r.strip_prefix(prefix.as_str())
            .and_then(|c| place.get(c).copied())
    };
    let places = |refs: &[String]| -> Vec<usize> { refs.iter().filter_map(ours).collect() };
    // Each capability's controls, as `for_capability` gives them, by their places.
    let by_capability: crate::util::hash::HashMap<&str, Vec<usize>> = map
        .capabilities
        .iter()
        .map(|c| (c.capability.as_str(), places(map.for_capability(&c.capability))))
        .collect();
    let mut out: Vec<Vec<Evidence<'r>>> = vec![Vec::new(); framework.controls.len()];
    // A record counts once for a control it names twice: the last record each control took
    // evidence from, by the record's number in this gathering.
    let mut last = vec![usize::MAX; framework.controls.len()];
    let mut record = 0;
    let mut add = |controls: &mut dyn Iterator<Item = usize>, e: &Evidence<'r>| {
        record += 1;
        for c in controls {
            if last[c] != record {
                last[c] = record;
                out[c].push(e.clone());
            }
        }
    };
    for m in &cx.repo.measures {
        let Some(e) = measure_evidence(cx, m) else {
            continue;
        };
        let mut controls = m.controls.iter().filter_map(ours).chain(
            m.provides
                .iter()
                .filter_map(|c| by_capability.get(c.as_str()))
                .flatten()
                .copied(),
        );
        add(&mut controls, &e);
    }
    let policy = map.for_evidence(EvidenceKind::InformationSecurityPolicy);
    for p in cx.repo.policies.iter().filter(|p| p.adopted_on(cx.as_of)) {
        let e = Evidence::of(Source::Document, Kind::Policy, &p.id, p.adopted);
        let by_type = match p.policy_type {
            PolicyType::InformationSecurityPolicy => policy,
            _ => &[],
        };
        let mut controls = p
            .topics
            .iter()
            .flat_map(|t| map.for_topic(t))
            .chain(by_type)
            .filter_map(ours);
        add(&mut controls, &e);
    }
    let exercised = places(map.for_evidence(EvidenceKind::ContinuityExercised));
    for plan in &cx.repo.continuity_plans {
        if bcm::exercised_on(cx.config, plan, cx.as_of) {
            let date = bcm::last_exercise(plan, cx.as_of);
            let e = Evidence::of(Source::Exercise, Kind::ContinuityPlan, &plan.id, date);
            add(&mut exercised.iter().copied(), &e);
        }
    }
    let training = places(map.for_evidence(EvidenceKind::Training));
    for t in cx.repo.trainings.iter().filter(|t| cul::in_window(cx, t)) {
        let e = Evidence::of(Source::Training, Kind::Training, &t.id, Some(t.start));
        add(&mut training.iter().copied(), &e);
    }
    let evaluation = places(map.for_evidence(EvidenceKind::Evaluation));
    for ev in &cx.repo.evaluations {
        if cx.within_months(ev.date, EVALUATION_MONTHS) {
            let e = Evidence::of(Source::Evaluation, Kind::Evaluation, &ev.id, Some(ev.date));
            add(&mut evaluation.iter().copied(), &e);
        }
    }
    for &(source, kind, (count, date)) in &cx.framework_registers().0 {
        if count > 0 {
            let e = Evidence::register(source, count, date);
            add(&mut places(map.for_evidence(kind)).into_iter(), &e);
        }
    }
    out
}

/// The registers any framework counts as evidence (suppliers, classifications, the asset
/// inventory), each with the source and kind it is evidence as, how many records it holds
/// on the as-of date and the latest of their dates.
pub struct Registers([(Source, EvidenceKind, (usize, Option<Date>)); 3]);

/// The registers as of the context's date. They are the same for every framework, and
/// reading them visits every classification and asset: a context counts them once
/// ([`Context::framework_registers`]).
pub(crate) fn registers(cx: &Context<'_>) -> Registers {
    Registers([
        (
            Source::Suppliers,
            EvidenceKind::Supplier,
            register(
                cx.repo
                    .suppliers
                    .iter()
                    .filter(|s| s.is_active())
                    .map(|s| s.assessed),
            ),
        ),
        (
            Source::Classifications,
            EvidenceKind::Classification,
            register(
                cx.repo
                    .classifications
                    .iter()
                    .filter(|c| c.date <= cx.as_of)
                    .filter(|c| cx.repo.asset(&c.asset).is_some_and(|a| a.is_active()))
                    .map(|c| Some(c.date)),
            ),
        ),
        (
            Source::AssetInventory,
            EvidenceKind::AssetInventory,
            register(cx.repo.assets.iter().filter(|a| a.is_active()).map(|_| None)),
        ),
    ])
}

/// How many records a register holds, and the latest of their dates.
fn register(dates: impl Iterator<Item = Option<Date>>) -> (usize, Option<Date>) {
    dates.fold((0, None), |(n, latest), d| (n + 1, latest.max(d)))
}

/// A measure as evidence on the as-of date: in place, or planned (a measure implemented
/// after the as-of date was still planned then); none for a retired measure.
fn measure_evidence<'r>(cx: &Context<'r>, m: &'r Rec<Measure>) -> Option<Evidence<'r>> {
    let in_place = m.implemented_on(cx.as_of);
    if !in_place && m.status == MeasureStatus::Retired {
        return None;
    }
    let mut e = Evidence::of(Source::Measure, Kind::Measure, &m.id, m.implemented);
    e.planned = !in_place;
    e.verified = m.last_verified.filter(|d| *d <= cx.as_of);
    e.overdue = in_place && !sec::verified_on(cx.config, m, cx.as_of);
    Some(e)
}

/// Whether every active asset is hosted outside the organisation (public cloud, SaaS, an
/// external provider): then the physical controls of ISO/IEC 27001 annex A (A.7) are the
/// providers' to carry out, and a missing one is information only (FRM003).
pub fn all_hosted_externally(cx: &Context<'_>) -> bool {
    let mut active = cx.repo.assets.iter().filter(|a| a.is_active()).peekable();
    active.peek().is_some()
        && active.all(|a| {
            matches!(
                a.hosting_model(),
                Some(HostingModel::PublicCloud | HostingModel::Saas | HostingModel::External)
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measure(planned: bool, overdue: bool) -> Evidence<'static> {
        let mut e = Evidence::of(Source::Measure, Kind::Measure, "m", None);
        e.planned = planned;
        e.overdue = overdue;
        e
    }

    fn document() -> Evidence<'static> {
        Evidence::of(Source::Document, Kind::Policy, "p", None)
    }

    #[test]
    fn status_follows_the_evidence() {
        use ControlStatus::*;
        assert_eq!(status_of(&[]), Missing);
        assert_eq!(status_of(&[measure(true, false)]), Planned);
        assert_eq!(status_of(&[measure(false, false)]), Implemented);
        assert_eq!(status_of(&[document()]), Implemented);
        // A measure in place but overdue for verification.
        assert_eq!(status_of(&[measure(false, true)]), Partly);
        assert_eq!(status_of(&[document(), measure(false, true)]), Partly);
        // Other evidence, and the measures only planned.
        assert_eq!(status_of(&[document(), measure(true, false)]), Partly);
        // A measure in place next to a planned one: the control is carried out.
        assert_eq!(
            status_of(&[measure(false, false), measure(true, false)]),
            Implemented
        );
    }
}
