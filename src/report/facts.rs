//! What the reports compute from the records as of a date: the window of the last months,
//! classifications as they stood, incidents handled to standard, training completion,
//! verified measures. Shared by every report so that a figure means the same everywhere.
//!
//! Records dated after the as-of date (a later classification, incident or review) are
//! left out, so that a report as of a past day shows what could be known that day.

use jiff::tz::TimeZone;

use crate::config::{Config, Language};
use crate::diagnostic::Diagnostic;
use crate::model::*;
use crate::registry::NotificationStage;
use crate::repo::derived::Derived;
use crate::repo::session::Session;
use crate::repo::{Rec, Repository};
use crate::rules::{self, Context, Selection, inc};

/// The period a report looks back on: the management review covers the last twelve months.
pub const PERIOD_MONTHS: u32 = 12;

/// Everything a report is built from: the records, the settings, the date, the language
/// and the findings of `isms check`.
pub struct Input<'a> {
    pub repo: &'a Repository,
    pub config: &'a Config,
    pub derived: Derived,
    pub as_of: Date,
    pub lang: Language,
    /// The findings, in output order but for [`Input::counted`] (waived findings are not
    /// among them).
    pub findings: Vec<Diagnostic>,
    /// Record problems (REC001–REC003 errors): such records are left out of every figure.
    pub record_problems: usize,
    /// The continuity plans listing each asset (BCM's own index), made the first time it
    /// is asked for: a report asks for every asset's plans.
    plans_by_asset: std::sync::OnceLock<Vec<Vec<usize>>>,
}

impl<'a> Input<'a> {
    /// Runs `isms check` on the session and keeps its findings.
    pub fn new(session: &'a Session, as_of: Date, lang: Language) -> Input<'a> {
        let result = crate::check::check_in(session, as_of, &Selection::default(), lang);
        Input::build(session, as_of, lang, result.findings, result.derived)
    }

    /// Runs `isms check` on the session as [`Input::new`] does, its findings' messages left
    /// unsaid and their order the rules' (`diagnostic::dedup`): for figures that count
    /// findings and never show one (a trend's points).
    pub fn counted(session: &'a Session, as_of: Date, lang: Language) -> Input<'a> {
        let result = crate::check::counted(session, as_of);
        Input::build(session, as_of, lang, result.findings, result.derived)
    }

    /// Uses the given findings instead of running the rules: for tests, and for callers that
    /// already ran the check.
    pub fn with_findings(
        session: &'a Session,
        as_of: Date,
        lang: Language,
        mut findings: Vec<Diagnostic>,
    ) -> Input<'a> {
        crate::diagnostic::sort(&mut findings);
        let derived = Derived::compute(&session.repo, as_of);
        Input::build(session, as_of, lang, findings, derived)
    }

    fn build(
        session: &'a Session,
        as_of: Date,
        lang: Language,
        findings: Vec<Diagnostic>,
        derived: Derived,
    ) -> Input<'a> {
        let record_problems = findings
            .iter()
            .filter(|d| crate::check::leaves_records_out(d))
            .count();
        Input {
            repo: &session.repo,
            config: &session.config,
            derived,
            as_of,
            lang,
            findings,
            record_problems,
            plans_by_asset: std::sync::OnceLock::new(),
        }
    }

    pub fn tz(&self) -> TimeZone {
        self.config.tz()
    }

    /// What the rules read, over the same records, settings and date: a report hands it to
    /// a rule's predicate so that a figure it shows is the rule's, never a reading of its own.
    pub fn rules_context(&self) -> Context<'_> {
        Context::new(self.repo, self.config, &self.derived, self.as_of)
    }

    /// The organisation's name: its record, else `isms.toml`, else empty.
    pub fn organisation(&self) -> String {
        self.repo
            .organisation
            .first()
            .map(|o| o.name.clone())
            .or_else(|| self.config.organisation.clone())
            .unwrap_or_default()
    }

    /// The first day of "the last `months` months": the window is (as_of - months, as_of].
    pub fn window_start(&self, months: u32) -> Date {
        self.as_of.minus_months(months as i32).plus_days(1)
    }

    /// Whether `date` lies in the last `months` months, as-of day included.
    pub fn within(&self, date: Date, months: u32) -> bool {
        date >= self.window_start(months) && date <= self.as_of
    }

    /// Units that take part in the security work (committees, companies, federations),
    /// as the rules count them.
    pub fn member_units(&self) -> Vec<&'a Rec<Unit>> {
        rules::member_units(self.repo).collect()
    }

    pub fn unit_name(&self, id: &str) -> String {
        self.repo
            .unit(id)
            .map_or_else(|| id.to_owned(), |u| u.name.clone())
    }

    /// The name of the unit a record names in its optional `unit` field, or nothing.
    pub fn unit_name_of(&self, unit: Option<&str>) -> String {
        unit.map(|u| self.unit_name(u)).unwrap_or_default()
    }

    /// An asset's current classification: its newest dated on or before the as-of date,
    /// the one the CLS rules judge.
    pub fn classification_of(&self, asset: &str) -> Option<&'a Rec<Classification>> {
        self.classification_at(self.repo.index(Kind::Asset, asset)?)
    }

    /// [`Input::classification_of`] the asset at `ai` in the repository's assets.
    fn classification_at(&self, ai: usize) -> Option<&'a Rec<Classification>> {
        let ci = self.derived.assets.get(ai)?.current?;
        self.repo.classifications.get(ci)
    }

    /// Missing (CLS001/CLS005: none of its own), outdated (CLS002: too old to stand) or
    /// current.
    pub fn classification_state(&self, asset: &str) -> ClassificationState {
        self.state_of(self.classification_of(asset))
    }

    /// [`Input::classification_state`] of the asset at `ai` in the repository's assets.
    pub fn classification_state_at(&self, ai: usize) -> ClassificationState {
        self.state_of(self.classification_at(ai))
    }

    fn state_of(&self, classification: Option<&Rec<Classification>>) -> ClassificationState {
        match classification {
            None => ClassificationState::Missing,
            Some(c) if rules::cls::is_stale(&self.rules_context(), c) => {
                ClassificationState::Outdated
            }
            Some(_) => ClassificationState::Current,
        }
    }

    /// Whether asset `ai` is critical, itself or through an asset it supports.
    pub fn is_critical(&self, ai: usize) -> bool {
        self.derived.assets.get(ai).is_some_and(|v| v.is_critical())
    }

    /// The assets CLS001 requires a classification for: active, and critical, holding
    /// sensitive personal data, under secrecy or supporting an essential service.
    pub fn must_classify(&self, ai: usize) -> bool {
        rules::cls::requires_classification(&self.rules_context(), ai)
    }

    pub fn detected(&self, incident: &Incident) -> Date {
        incident.detected.date(&self.tz())
    }

    /// How many incidents were detected in the last `months` months: the length of
    /// [`Input::incidents_within`], for figures that count them.
    pub fn count_incidents_within(&self, months: u32) -> usize {
        self.incidents_in(months).count()
    }

    /// The incidents of [`Input::incidents_within`] in the records' order: for figures
    /// that count them.
    pub fn incidents_in(&self, months: u32) -> impl Iterator<Item = &'a Rec<Incident>> + '_ {
        let tz = self.tz();
        self.repo
            .incidents
            .iter()
            .filter(move |i| self.detected_within(i, months, &tz))
    }

    fn detected_within(&self, incident: &Incident, months: u32, tz: &jiff::tz::TimeZone) -> bool {
        self.within(incident.detected.date(tz), months)
    }

    /// Incidents detected in the last `months` months, oldest first.
    pub fn incidents_within(&self, months: u32) -> Vec<&'a Rec<Incident>> {
        let tz = self.tz();
        // Each instant once: a local time's in the time zone costs a lookup in its rules.
        let mut v: Vec<(jiff::Timestamp, &Rec<Incident>)> = self
            .repo
            .incidents
            .iter()
            .filter(|i| self.detected_within(i, months, &tz))
            .map(|i| (i.detected.instant(&tz), i))
            .collect();
        v.sort_by(|(a_at, a), (b_at, b)| a_at.cmp(b_at).then(a.id.cmp(&b.id)));
        v.into_iter().map(|(_, i)| i).collect()
    }

    /// Whether an incident was handled to standard as of the date: the reasons it falls
    /// short, in the report's language, or none. Each reason is a rule's finding on it:
    /// a breach notified late or not at all (INC001), a significant incident reported late
    /// (INC002: the first report late or missing), closed without root cause or lessons
    /// (INC003), or open longer than `incident_open_max_days` (INC004).
    pub fn incident_shortfalls(&self, incident: &Incident) -> Vec<String> {
        let lang = self.lang;
        let cx = self.rules_context();
        let late = |authority: &str, kind: NotificationStage| {
            format!(
                "{} ({authority}, {})",
                lang.pick("anmälan inte gjord i tid", "report not made in time"),
                kind.as_str()
            )
        };
        let mut reasons = Vec::new();
        if let Some(b) = inc::late_breach(&cx, incident) {
            reasons.push(late(&b.regime.authority, b.deadline.kind));
        }
        if let Some((regime, shortfalls)) = inc::late_reports(&cx, incident)
            && let Some(first) = shortfalls.first()
        {
            reasons.push(late(&regime.authority, first.deadline().kind));
        }
        if let Some(missing) = inc::missing_analysis(&cx, incident) {
            if missing.root_cause {
                reasons.push(lang.pick("grundorsak saknas", "no root cause").into());
            }
            if missing.lessons {
                reasons.push(lang.pick("lärdomar saknas", "no lessons learned").into());
            }
        }
        if let Some(days) = inc::days_open_too_long(&cx, incident) {
            reasons.push(match lang {
                Language::Sv => format!("öppen i {days} dagar"),
                Language::En => format!("open for {days} days"),
            });
        }
        reasons
    }

    /// Whether an implemented measure was verified within its interval, as SEC002 judges
    /// it (a new measure is within its first interval until then).
    pub fn measure_verified(&self, m: &Measure) -> bool {
        crate::rules::sec::verified_on(self.config, m, self.as_of)
    }

    /// Training campaigns (not phishing simulations) whose period overlaps the last
    /// `training_window_months`, ongoing ones included: CUL001's.
    pub fn training_campaigns(&self) -> Vec<&'a Rec<Training>> {
        let cx = self.rules_context();
        self.repo
            .trainings
            .iter()
            .filter(|t| t.training_type != TrainingType::PhishingSimulation)
            .filter(|t| rules::cul::in_window(&cx, t))
            .collect()
    }

    /// Phishing simulations whose period overlaps the last `training_window_months`:
    /// CUL002's.
    pub fn phishing_simulations(&self) -> Vec<&'a Rec<Training>> {
        let cx = self.rules_context();
        self.repo
            .trainings
            .iter()
            .filter(|t| t.training_type == TrainingType::PhishingSimulation)
            .filter(|t| rules::cul::in_window(&cx, t))
            .collect()
    }

    /// The results CUL001 counts: reported rows of the campaigns of the window.
    pub fn counted_results(&self) -> Vec<rules::cul::CountedResult<'_>> {
        rules::cul::counted_results(&self.rules_context())
    }

    /// Sum of `completed` and of `targeted` over the results CUL001 counts, for units
    /// passing `unit`.
    pub fn completion(&self, unit: impl Fn(&str) -> bool) -> (u64, u64) {
        rules::cul::completion(&self.counted_results(), unit)
    }

    /// Whether `completed` of `targeted` is below the completion target, as CUL001 judges.
    pub fn below_target(&self, completed: u64, targeted: u64) -> bool {
        rules::cul::below_target(&self.rules_context(), completed, targeted)
    }

    /// Plans of the as-of year.
    pub fn current_plans(&self) -> Vec<&'a Rec<Plan>> {
        self.repo
            .plans
            .iter()
            .filter(|p| p.year == self.as_of.year())
            .collect()
    }

    /// Activities of the given plans, in id order.
    pub fn activities_of(&self, plans: &[&Rec<Plan>]) -> Vec<&'a Rec<Activity>> {
        let mut v: Vec<&Rec<Activity>> = self.activities_in(plans).collect();
        v.sort_by(|a, b| a.id.cmp(&b.id));
        v
    }

    /// The activities of [`Input::activities_of`] in the records' order: for figures that
    /// count them.
    pub fn activities_in<'p>(
        &self,
        plans: &'p [&Rec<Plan>],
    ) -> impl Iterator<Item = &'a Rec<Activity>> + 'p
    where
        'a: 'p,
    {
        self.repo
            .activities
            .iter()
            .filter(|a| plans.iter().any(|p| p.id.eq_ignore_ascii_case(&a.plan)))
    }

    /// Days an activity is overdue, when PLAN002 finds it so: past its due date and still
    /// open (planned, in progress, or completed only after the as-of date).
    pub fn days_overdue(&self, a: &Activity) -> Option<i64> {
        rules::plan::days_overdue(a, self.as_of)
    }

    /// Every activity PLAN002 finds overdue, whatever its plan, by id.
    pub fn overdue_activities(&self) -> Vec<&'a Rec<Activity>> {
        let mut v: Vec<&Rec<Activity>> = self
            .repo
            .activities
            .iter()
            .filter(|a| self.days_overdue(a).is_some())
            .collect();
        v.sort_by(|a, b| a.id.cmp(&b.id));
        v
    }

    /// The last exercise of a plan on or before the as-of date.
    pub fn last_exercise<'p>(&self, plan: &'p ContinuityPlan) -> Option<&'p Exercise> {
        plan.exercises
            .iter()
            .filter(|e| e.date <= self.as_of)
            .max_by(|a, b| a.date.cmp(&b.date))
    }

    /// Continuity plans covering an asset that existed on the as-of date, as BCM001 counts
    /// them.
    pub fn plans_covering(&self, asset: &str) -> Vec<&'a Rec<ContinuityPlan>> {
        let repo: &'a Repository = self.repo;
        let Some(ai) = repo.index(Kind::Asset, asset) else {
            return Vec::new();
        };
        self.plans_by_asset
            .get_or_init(|| rules::bcm::plans_by_asset(repo, self.as_of))
            .get(ai)
            .map(|plans| plans.iter().map(|&pi| &repo.continuity_plans[pi]).collect())
            .unwrap_or_default()
    }

    /// Whether a continuity plan was exercised within `exercise_max_age_months`, as BCM002
    /// judges it.
    pub fn exercised(&self, plan: &ContinuityPlan) -> bool {
        crate::rules::bcm::exercised_on(self.config, plan, self.as_of)
    }
}

/// An asset's classification as of the report date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClassificationState {
    Current,
    Outdated,
    Missing,
}

impl ClassificationState {
    pub fn as_str(self) -> &'static str {
        match self {
            ClassificationState::Current => "current",
            ClassificationState::Outdated => "outdated",
            ClassificationState::Missing => "missing",
        }
    }
}
