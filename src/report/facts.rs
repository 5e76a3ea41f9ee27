//! What the reports compute from the records as of a date: the window of the last months,
//! classifications as they stood, incidents handled to standard, training completion,
//! verified measures. Shared by every report so that a figure means the same everywhere.
//!
//! Records dated after the as-of date (a later classification, incident or review) are
//! left out, so that a report as of a past day shows what could be known that day.

use jiff::tz::TimeZone;

use crate::config::{Config, Language};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::*;
use crate::registry::{DeadlineStart, NotificationStage, Regime, registry};
use crate::repo::derived::Derived;
use crate::repo::session::Session;
use crate::repo::{Rec, Repository};
use crate::rules::Selection;

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
    /// The findings, in output order (waived findings are not among them).
    pub findings: Vec<Diagnostic>,
    /// Record problems (REC001–REC003 errors): such records are left out of every figure.
    pub record_problems: usize,
}

impl<'a> Input<'a> {
    /// Runs `isms check` on the session and keeps its findings.
    pub fn new(session: &'a Session, as_of: Date, lang: Language) -> Input<'a> {
        let result = crate::check::check(session, as_of, &Selection::default());
        Input::with_findings(session, as_of, lang, result.findings)
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
        let record_problems = findings
            .iter()
            .filter(|d| {
                d.severity == Severity::Error && matches!(d.code, "REC001" | "REC002" | "REC003")
            })
            .count();
        Input {
            repo: &session.repo,
            config: &session.config,
            derived: Derived::compute(&session.repo, as_of),
            as_of,
            lang,
            findings,
            record_problems,
        }
    }

    pub fn tz(&self) -> TimeZone {
        self.config.tz()
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
        self.repo
            .units
            .iter()
            .filter(|u| {
                matches!(
                    u.unit_type,
                    UnitType::Committee | UnitType::Company | UnitType::Federation
                )
            })
            .collect()
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

    /// An asset's newest classification dated on or before the as-of date.
    pub fn classification_of(&self, asset: &str) -> Option<&'a Rec<Classification>> {
        self.repo
            .classifications
            .iter()
            .filter(|c| c.asset.eq_ignore_ascii_case(asset) && c.date <= self.as_of)
            .max_by(|a, b| a.date.cmp(&b.date))
    }

    /// Current (younger than `classification_max_age_months`), outdated or missing.
    pub fn classification_state(&self, asset: &str) -> ClassificationState {
        match self.classification_of(asset) {
            None => ClassificationState::Missing,
            Some(c) => {
                let max = self.config.thresholds.classification_max_age_months;
                if self.within(c.date, max) {
                    ClassificationState::Current
                } else {
                    ClassificationState::Outdated
                }
            }
        }
    }

    /// Whether asset `ai` is critical, itself or through an asset it supports.
    pub fn is_critical(&self, ai: usize) -> bool {
        self.derived.assets.get(ai).is_some_and(|v| v.is_critical())
    }

    /// The assets CLS001 requires a classification for: active, and critical, holding
    /// sensitive personal data, under secrecy or supporting an essential service.
    pub fn must_classify(&self, ai: usize) -> bool {
        let a = &self.repo.assets[ai];
        a.is_active()
            && (self.is_critical(ai)
                || a.personal_data == PersonalData::Sensitive
                || a.secrecy
                || a.essential_service.is_some())
    }

    pub fn detected(&self, incident: &Incident) -> Date {
        incident.detected.date(&self.tz())
    }

    /// Incidents detected in the last `months` months, oldest first.
    pub fn incidents_within(&self, months: u32) -> Vec<&'a Rec<Incident>> {
        let tz = self.tz();
        let mut v: Vec<&Rec<Incident>> = self
            .repo
            .incidents
            .iter()
            .filter(|i| self.within(i.detected.date(&tz), months))
            .collect();
        v.sort_by(|a, b| {
            a.detected
                .instant(&tz)
                .cmp(&b.detected.instant(&tz))
                .then(a.id.cmp(&b.id))
        });
        v
    }

    /// Whether an incident was handled to standard as of the date: every notification the
    /// law requires was made in time (or its deadline has not passed), and it is closed with
    /// a root cause and lessons, or still within `incident_open_max_days`. The reasons it
    /// falls short, in the report's language, otherwise.
    pub fn incident_shortfalls(&self, incident: &Incident) -> Vec<String> {
        let lang = self.lang;
        let mut reasons = Vec::new();
        let detected = self.detected(incident);
        let mut regimes: Vec<&Regime> = Vec::new();
        if incident.must_notify_imy()
            && let Some(r) = registry().regime_for("personal_data_breach", detected.0)
        {
            regimes.push(r);
        }
        if incident.significant
            && let Some(r) = registry().regime_for("significant_incident", detected.0)
        {
            regimes.push(r);
        }
        for regime in regimes {
            if let Some(kind) = self.late_report(incident, regime) {
                reasons.push(format!(
                    "{} ({})",
                    match lang {
                        Language::Sv => "anmälan inte gjord i tid",
                        Language::En => "report not made in time",
                    },
                    format_args!("{}, {}", regime.authority, kind)
                ));
            }
        }
        let blank = |s: &Option<String>| s.as_deref().is_none_or(|s| s.trim().is_empty());
        // An incident closed after the as-of date was still open then.
        if incident.closed_on(self.as_of) {
            if blank(&incident.root_cause) {
                reasons.push(lang.pick("grundorsak saknas", "no root cause").into());
            }
            if blank(&incident.lessons) {
                reasons.push(lang.pick("lärdomar saknas", "no lessons learned").into());
            }
        } else {
            let max = i64::from(self.config.thresholds.incident_open_max_days);
            let days = detected.days_until(self.as_of);
            if days > max {
                reasons.push(match lang {
                    Language::Sv => format!("öppen i {days} dagar"),
                    Language::En => format!("open for {days} days"),
                });
            }
        }
        reasons
    }

    /// The first report of `regime` that was made late, or is missing past its deadline.
    fn late_report(&self, incident: &Incident, regime: &Regime) -> Option<&'static str> {
        let tz = self.tz();
        // The end of the as-of day: a deadline later than that has not passed yet.
        let now = self.as_of.plus_days(1).start_in(&tz);
        let to_regime = |n: &&Notification| {
            regime
                .recipients
                .iter()
                .any(|r| r.eq_ignore_ascii_case(n.to.as_str()))
        };
        // As INC002: a report of the kind or of a later stage (a notification without `kind`
        // is the incident notification) meets the deadline, and reports sent after the
        // as-of day are not known yet.
        let stage = |k: &str| {
            ["early_warning", "initial", "final"]
                .iter()
                .position(|s| *s == k)
        };
        let matches_kind = |n: &Notification, kind: NotificationStage| {
            let sent = n.kind.map_or("initial", |k| k.as_str());
            n.at.instant(&tz) < now && stage(sent) >= stage(kind.as_str())
        };
        for d in &regime.deadlines {
            let start = match d.from {
                DeadlineStart::Detection => incident.detected.instant(&tz),
                DeadlineStart::Initial => {
                    let initial = incident
                        .notifications
                        .iter()
                        .filter(to_regime)
                        .filter(|n| matches_kind(n, NotificationStage::Initial))
                        .map(|n| n.at.instant(&tz))
                        .min();
                    match initial {
                        Some(t) => t,
                        // The missing initial report is the shortfall, reported by its own deadline.
                        None => continue,
                    }
                }
            };
            let deadline = jiff::ZonedDateTime::new(start, tz.clone())
                .checked_add(d.within())
                .map(|z| z.timestamp())
                .unwrap_or(jiff::Timestamp::MAX);
            let made = incident
                .notifications
                .iter()
                .filter(to_regime)
                .filter(|n| matches_kind(n, d.kind))
                .map(|n| n.at.instant(&tz))
                .min();
            let late = match made {
                Some(t) => t > deadline,
                None => deadline < now,
            };
            if late {
                return Some(d.kind.as_str());
            }
        }
        None
    }

    /// Whether an implemented measure was verified within its interval, as SEC002 judges
    /// it (a new measure is within its first interval until then).
    pub fn measure_verified(&self, m: &Measure) -> bool {
        crate::rules::sec::verified_on(self.config, m, self.as_of)
    }

    /// Training campaigns (not phishing simulations) whose period overlaps the last
    /// `training_window_months`, ongoing ones included.
    pub fn training_campaigns(&self) -> Vec<&'a Rec<Training>> {
        let months = self.config.thresholds.training_window_months;
        self.repo
            .trainings
            .iter()
            .filter(|t| t.training_type != TrainingType::PhishingSimulation)
            .filter(|t| t.overlaps(self.window_start(months), self.as_of))
            .collect()
    }

    /// Phishing simulations that started in the last `training_window_months`.
    pub fn phishing_simulations(&self) -> Vec<&'a Rec<Training>> {
        let months = self.config.thresholds.training_window_months;
        self.repo
            .trainings
            .iter()
            .filter(|t| t.training_type == TrainingType::PhishingSimulation)
            .filter(|t| t.overlaps(self.window_start(months), self.as_of))
            .collect()
    }

    /// Sum of `completed` and of `targeted` over the campaigns, for units passing `unit`.
    pub fn completion(&self, unit: impl Fn(&str) -> bool) -> (u64, u64) {
        let mut done = 0;
        let mut targeted = 0;
        for t in self.training_campaigns() {
            for r in t.results.iter().filter(|r| unit(&r.unit)) {
                done += r.completed.unwrap_or(0);
                targeted += r.targeted;
            }
        }
        (done, targeted)
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
        let mut v: Vec<&Rec<Activity>> = self
            .repo
            .activities
            .iter()
            .filter(|a| plans.iter().any(|p| p.id.eq_ignore_ascii_case(&a.plan)))
            .collect();
        v.sort_by(|a, b| a.id.cmp(&b.id));
        v
    }

    /// Days an open (planned, in progress, or completed only after the as-of date) activity
    /// is past its due date.
    pub fn days_overdue(&self, a: &Activity) -> Option<i64> {
        let due = a.due?;
        (a.open_on(self.as_of) && due < self.as_of).then(|| due.days_until(self.as_of))
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
        crate::rules::bcm::plans_covering(self.repo, asset, self.as_of)
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
