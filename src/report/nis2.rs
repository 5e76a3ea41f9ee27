//! `isms report nis2`: readiness under the cybersecurity law (cybersäkerhetslagen, the
//! Swedish NIS2) for the management body: the organisation under the law and its
//! registration, the management body's approval of the measures and its training (art. 20),
//! the ten risk-management measures of art. 21(2), the reporting of significant incidents in
//! the last twelve months, and the supplier register.
//!
//! Every judgement is a rule's: registration and its deadline are NIS001's
//! (`nis::registration_deadline`), the approval NIS004's (`nis::measures_approval`), the
//! training NIS002's (`nis::latest_management_training`), the measures' status
//! `frm::framework_state`'s (NIS003's), a late or missing incident report and the report
//! sent for a stage INC002's (`inc::late_reports`, `inc::first_report`), a supplier's
//! criticality and the organisation's own deadline the SUP rules' functions; the flags of a
//! supplier row are the SUP and CLD001 findings on that supplier. The parts of the law's duties apply only to a covered entity on a date the law
//! is in force (`nis::applies`); for any other, the report says so and still shows the
//! measures and the suppliers, which help before a decision.

use jiff::Timestamp;
use serde::Serialize;

use crate::report::charts::Chart;

use super::Header;
use super::facts::{Input, PERIOD_MONTHS};
use super::soa::{self, ControlRow, Statement, control_row};
use crate::config::Language;
use crate::diagnostic::Diagnostic;
use crate::model::Incident;
use crate::registry::{DeadlineStart, NotificationStage, ReportingDeadline};
use crate::render::json::JsonFinding;
use crate::repo::Rec;
use crate::rules::frm::{ControlStatus, framework_state};
use crate::rules::nis::{
    ART21, Approval, applies, latest_management_training, measures_approval, registration_deadline,
};
use crate::rules::sup::{SupplierCriticality, criticality, own_reporting_deadline, served_assets};
use crate::rules::{Context, inc};

/// The cybersecurity-law report's data.
#[derive(Clone, Serialize)]
pub struct Nis2<'a> {
    #[serde(flatten)]
    pub header: Header,
    /// The law's name in the report's language.
    pub law: String,
    /// The day the law came into force.
    pub in_force_from: String,
    /// The organisation record says it is a covered entity.
    pub covered: bool,
    /// The law is in force on the as-of date.
    pub in_force: bool,
    /// Covered and in force: the rules of the law apply (`nis::applies`).
    pub applies: bool,
    /// `essential` or `important`, when the organisation record says.
    pub entity_class: Option<&'static str>,
    pub entity_class_label: Option<String>,
    /// Only when the law applies.
    pub registration: Option<Registration<'a>>,
    /// Only when the law applies.
    pub management_body: Option<ManagementBody<'a>>,
    pub measures: Measures<'a>,
    /// Only when the law applies.
    pub incidents: Option<Incidents<'a>>,
    pub suppliers: Suppliers<'a>,
    /// Every finding of the sections above, in their order: the coordinator's appendix.
    pub findings: Vec<JsonFinding<'a>>,
}

/// Registration with the supervisory authority (NIS001).
#[derive(Clone, Serialize)]
pub struct Registration<'a> {
    pub registered: Option<String>,
    pub reference: Option<String>,
    /// The authority that receives registrations on the as-of date (an id: `mcf`).
    pub authority: String,
    pub authority_label: String,
    /// The deadline in force: `isms.toml`'s, else the registry's.
    pub deadline: Option<String>,
    /// The deadline has passed on the as-of date.
    pub deadline_passed: bool,
    /// The deadline is the registry's uncertain date (not set in `isms.toml`).
    pub deadline_uncertain: bool,
    /// Why the registry's date is uncertain.
    pub uncertainty: Option<String>,
    /// NIS001's findings.
    pub findings: Vec<JsonFinding<'a>>,
}

/// The management body's duties (art. 20): approval of the measures and training.
#[derive(Clone, Serialize)]
pub struct ManagementBody<'a> {
    pub approval: Option<ApprovalRow>,
    /// The `nis2-art21` statement of applicability, approved or not.
    pub statement: Option<Statement>,
    /// How recent an approval must be, in months (NIS004).
    pub approval_months: u32,
    pub training: Option<TrainingRow>,
    /// How recent the training must be, in months (NIS002).
    pub training_months: u32,
    /// NIS002's and NIS004's findings.
    pub findings: Vec<JsonFinding<'a>>,
}

/// How the management body approved the measures (`nis::measures_approval`).
#[derive(Debug, Clone, Serialize)]
pub struct ApprovalRow {
    /// `statement` (a statement of applicability) or `policy` (an information security
    /// policy that names NIS2 in its topics).
    pub by: &'static str,
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    pub body_label: Option<String>,
    pub decision_ref: Option<String>,
}

/// The latest management training in the window (`nis::latest_management_training`).
#[derive(Debug, Clone, Serialize)]
pub struct TrainingRow {
    pub id: String,
    pub title: String,
    pub start: String,
    pub end: Option<String>,
}

/// The ten measures of art. 21(2).
#[derive(Clone, Serialize)]
pub struct Measures<'a> {
    pub framework: String,
    /// All ten, whatever a statement excludes: the law asks for every one of them.
    pub counts: MeasureCounts,
    pub rows: Vec<ControlRow>,
    pub chart: Option<Chart>,
    /// NIS003's findings.
    pub findings: Vec<JsonFinding<'a>>,
}

/// How many of the ten measures have each status.
#[derive(Debug, Clone, Default, Serialize)]
pub struct MeasureCounts {
    pub total: usize,
    pub implemented: usize,
    pub partly: usize,
    pub planned: usize,
    pub missing: usize,
    /// The statuses with a count above zero, in the report's order, for a sentence.
    pub parts: Vec<soa::StatusCount>,
}

/// The significant incidents of the last twelve months and their reports.
#[derive(Clone, Serialize)]
pub struct Incidents<'a> {
    pub period_start: String,
    pub rows: Vec<IncidentReporting>,
    /// How many reports were late or are missing, over all rows.
    pub late: usize,
    pub missing: usize,
    /// INC002's findings on these incidents.
    pub findings: Vec<JsonFinding<'a>>,
}

/// One significant incident and each report its regime asks for.
#[derive(Debug, Clone, Serialize)]
pub struct IncidentReporting {
    pub id: String,
    pub title: String,
    pub detected: String,
    /// The regime in force on the detection date.
    pub regime: String,
    pub regime_name: String,
    pub stages: Vec<StageRow>,
}

/// One report of an incident against its deadline.
#[derive(Debug, Clone, Serialize)]
pub struct StageRow {
    /// `early_warning`, `initial` or `final`.
    pub kind: &'static str,
    pub label: String,
    /// The time allowed, as the registry says it: `24 h`, `1 månad`.
    pub deadline: String,
    /// `detection` or `initial`: what the clock starts at.
    pub counted_from: &'static str,
    /// `on_time`, `late` (INC002), `missing` (INC002: due and not sent) or `pending`
    /// (neither sent nor due yet on the as-of date).
    pub state: &'static str,
    pub state_label: String,
    /// When it was sent (local time), for a report sent.
    pub sent: Option<String>,
    /// By when it was due, for a missing report.
    pub due: Option<String>,
}

/// The supplier register as the law's supply-chain point (art. 21(2)(d)) asks for it.
#[derive(Clone, Serialize)]
pub struct Suppliers<'a> {
    /// The shortest deadline the organisation must itself meet, in hours (SUP004's).
    pub own_deadline_hours: Option<u16>,
    /// `cybersecurity_act` or `gdpr`.
    pub own_deadline_law: Option<&'static str>,
    /// Active suppliers, critical ones first, each group in path order.
    pub rows: Vec<SupplierRow<'a>>,
    pub critical: usize,
    pub ended: usize,
    /// Every SUP finding and CLD001's findings on suppliers.
    pub findings: Vec<JsonFinding<'a>>,
}

/// One active supplier.
#[derive(Clone, Serialize)]
pub struct SupplierRow<'a> {
    pub id: String,
    pub name: String,
    /// The effective criticality (`sup::criticality`).
    pub critical: bool,
    /// `stated` (the record says) or `inferred` (from the assets it serves).
    pub critical_basis: &'static str,
    /// The names of the active assets it serves (`sup::served_assets`).
    pub serves: Vec<String>,
    pub processor: bool,
    pub countries: Vec<String>,
    pub security_requirements: Option<bool>,
    pub dpa: Option<String>,
    pub assessed: Option<String>,
    pub incident_notification_hours: Option<u32>,
    pub contract_ends: Option<String>,
    pub exit_plan: Option<bool>,
    /// The findings on it, by rule: each flag is true exactly when the rule reports the
    /// supplier.
    pub flags: SupplierFlags,
    pub findings: Vec<JsonFinding<'a>>,
}

/// The rules that report a supplier.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SupplierFlags {
    /// SUP001: critical, and the contract states no security requirements.
    pub security_requirements: bool,
    /// SUP002: critical, and not assessed recently.
    pub assessment: bool,
    /// SUP003: a processor with no data processing agreement.
    pub dpa: bool,
    /// SUP004: critical, and it may notify the organisation later than its own deadline.
    pub notification: bool,
    /// SUP005: critical, the contract ends soon and no exit plan.
    pub exit_plan: bool,
    /// CLD001: a country it processes personal data in lacks a transfer ground.
    pub transfer: bool,
}

/// Builds the cybersecurity-law report.
pub fn build<'a>(input: &'a Input<'_>) -> Nis2<'a> {
    let lang = input.lang;
    let cx = input.rules_context();
    let law = &cx.registry.cybersecurity;
    let org = input.repo.organisation.first();
    let act = org.and_then(|o| o.cybersecurity_act.as_ref());
    let covered = org.is_some_and(|o| o.covered_by_cybersecurity_act());
    let applies = applies(&cx);
    let entity_class = act.and_then(|a| a.entity_class).map(|c| c.as_str());
    let registration = applies.then(|| registration(input, &cx));
    let management_body = applies.then(|| management_body(input, &cx));
    let measures = measures(input, &cx);
    let incidents = applies.then(|| incidents(input, &cx));
    let suppliers = suppliers(input, &cx);
    let findings = registration
        .iter()
        .flat_map(|r| &r.findings)
        .chain(management_body.iter().flat_map(|m| &m.findings))
        .chain(&measures.findings)
        .chain(incidents.iter().flat_map(|i| &i.findings))
        .chain(&suppliers.findings)
        .cloned()
        .collect();
    Nis2 {
        header: Header::new(input, "nis2"),
        law: law.name.get(lang).to_owned(),
        in_force_from: law.from.to_string(),
        covered,
        in_force: law.in_force_on(input.as_of.0),
        applies,
        entity_class,
        entity_class_label: entity_class
            .and_then(|c| law.entity_class(c))
            .map(|c| c.name.get(lang).to_owned()),
        registration,
        management_body,
        measures,
        incidents,
        suppliers,
        findings,
    }
}

/// The findings of `codes`.
fn of<'a>(input: &'a Input<'_>, codes: &[&str]) -> Vec<JsonFinding<'a>> {
    input
        .findings
        .iter()
        .filter(|d| codes.contains(&d.code))
        .map(JsonFinding::from)
        .collect()
}

/// An authority's id as a reader knows it: `cert_se` → `CERT-SE`, `mcf` → `MCF`.
fn authority_label(id: &str) -> String {
    id.to_uppercase().replace('_', "-")
}

/// Registration: NIS001's deadline and the organisation's date.
pub fn registration<'a>(input: &'a Input<'_>, cx: &Context<'_>) -> Registration<'a> {
    let act = input
        .repo
        .organisation
        .first()
        .and_then(|o| o.cybersecurity_act.as_ref());
    let law = &cx.registry.cybersecurity;
    let deadline = registration_deadline(cx);
    let uncertain = deadline.is_some_and(|(_, u)| u);
    let authority = law.registration.authority_on(input.as_of.0).to_owned();
    Registration {
        registered: act
            .and_then(|a| a.registered)
            .filter(|d| *d <= input.as_of)
            .map(|d| d.to_string()),
        reference: act.and_then(|a| a.registration_ref.clone()),
        authority_label: authority_label(&authority),
        authority,
        deadline: deadline.map(|(d, _)| d.to_string()),
        deadline_passed: deadline.is_some_and(|(d, _)| input.as_of > d),
        deadline_uncertain: uncertain,
        uncertainty: law
            .registration
            .note
            .as_ref()
            .filter(|_| uncertain)
            .map(|n| n.get(input.lang).to_owned()),
        findings: of(input, &["NIS001"]),
    }
}

/// The management body: NIS004's approval and NIS002's training.
pub fn management_body<'a>(input: &'a Input<'_>, cx: &Context<'_>) -> ManagementBody<'a> {
    let lang = input.lang;
    let approval = measures_approval(cx).map(|a| match a {
        Approval::Statement { id, date } => {
            let s = crate::rules::frm::statement(cx, ART21);
            ApprovalRow {
                by: "statement",
                id: id.to_owned(),
                title: s.and_then(|s| s.title.clone()).unwrap_or_default(),
                date: Some(date.to_string()),
                body_label: s
                    .and_then(|s| s.approved_by)
                    .map(|b| super::labels::label(lang, "body", b.as_str())),
                decision_ref: s.and_then(|s| s.decision_ref.clone()),
            }
        }
        Approval::Policy { id } => {
            let p = input.repo.policies.iter().find(|p| p.id == id);
            ApprovalRow {
                by: "policy",
                id: id.to_owned(),
                title: p.map(|p| p.title.clone()).unwrap_or_default(),
                date: p.and_then(|p| p.adopted).map(|d| d.to_string()),
                body_label: p
                    .and_then(|p| p.adopted_by)
                    .map(|b| super::labels::label(lang, "body", b.as_str())),
                decision_ref: p.and_then(|p| p.decision_ref.clone()),
            }
        }
    });
    let training = latest_management_training(cx)
        .and_then(|i| input.repo.trainings.get(i))
        .map(|t| TrainingRow {
            id: t.id.clone(),
            title: t.title.clone(),
            start: t.start.to_string(),
            end: t.end.map(|d| d.to_string()),
        });
    let statement =
        crate::rules::frm::statement(cx, ART21).map(|s| soa::statement_of(input, cx, s));
    ManagementBody {
        approval,
        statement,
        approval_months: crate::rules::nis::APPROVAL_MONTHS,
        training,
        training_months: input.config.cybersecurity.management_training_months,
        findings: of(input, &["NIS002", "NIS004"]),
    }
}

/// The ten measures of art. 21(2) with their status and evidence (`framework_state`, as
/// NIS003 judges them).
pub fn measures<'a>(input: &'a Input<'_>, cx: &Context<'_>) -> Measures<'a> {
    let lang = input.lang;
    let state = framework_state(cx, ART21);
    let rows: Vec<ControlRow> = state
        .as_ref()
        .map(|s| s.controls.iter().map(|c| control_row(input, c)).collect())
        .unwrap_or_default();
    let counts = state
        .as_ref()
        .map(|s| measure_counts(s.controls.iter().map(|c| c.status)))
        .unwrap_or_default();
    let chart_counts = soa::Counts {
        total: counts.total,
        applicable: counts.total,
        implemented: counts.implemented,
        partly: counts.partly,
        planned: counts.planned,
        missing: counts.missing,
        excluded: 0,
        implemented_share: None,
        parts: Vec::new(),
        present: Vec::new(),
    };
    Measures {
        framework: state
            .as_ref()
            .map(|s| s.framework.name.get(lang).to_owned())
            .unwrap_or_default(),
        chart: soa::status_pie(
            lang,
            lang.pick("Åtgärderna i artikel 21.2", "The measures of article 21(2)"),
            &chart_counts,
        ),
        counts,
        rows,
        findings: of(input, &["NIS003"]),
    }
}

/// How many of the measures have each status, with the non-zero ones for a sentence.
pub fn measure_counts(statuses: impl Iterator<Item = ControlStatus>) -> MeasureCounts {
    let mut c = MeasureCounts::default();
    for s in statuses {
        c.total += 1;
        match s {
            ControlStatus::Implemented => c.implemented += 1,
            ControlStatus::Partly => c.partly += 1,
            ControlStatus::Planned => c.planned += 1,
            ControlStatus::Missing => c.missing += 1,
        }
    }
    c.parts = soa::parts(c.implemented, c.partly, c.planned, c.missing);
    c
}

/// The significant incidents of the last twelve months, each report judged by INC002.
fn incidents<'a>(input: &'a Input<'_>, cx: &Context<'_>) -> Incidents<'a> {
    let rows: Vec<IncidentReporting> = input
        .incidents_within(PERIOD_MONTHS)
        .into_iter()
        .filter_map(|i| incident_reporting(input, cx, i))
        .collect();
    let count = |state: &str| {
        rows.iter()
            .flat_map(|r| &r.stages)
            .filter(|s| s.state == state)
            .count()
    };
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    Incidents {
        period_start: input.window_start(PERIOD_MONTHS).to_string(),
        late: count("late"),
        missing: count("missing"),
        findings: input
            .findings
            .iter()
            .filter(|d| d.code == "INC002" && d.id.as_deref().is_some_and(|i| ids.contains(&i)))
            .map(JsonFinding::from)
            .collect(),
        rows,
    }
}

fn stage_label(lang: Language, kind: NotificationStage) -> &'static str {
    match kind {
        NotificationStage::EarlyWarning => lang.pick("Tidig varning", "Early warning"),
        NotificationStage::Initial => lang.pick("Incidentanmälan", "Incident notification"),
        NotificationStage::Final => lang.pick("Slutrapport", "Final report"),
    }
}

fn state_label(lang: Language, state: &str) -> &'static str {
    match state {
        "on_time" => lang.pick("i tid", "on time"),
        "late" => lang.pick("för sent", "late"),
        "missing" => lang.pick("saknas", "missing"),
        _ => lang.pick("inte förfallen", "not yet due"),
    }
}

fn deadline_text(lang: Language, d: &ReportingDeadline) -> String {
    match (inc::allowed(d), lang) {
        ((1, "months"), Language::Sv) => "1 månad".to_owned(),
        ((n, "months"), Language::Sv) => format!("{n} månader"),
        ((1, "months"), Language::En) => "1 month".to_owned(),
        ((n, "months"), Language::En) => format!("{n} months"),
        ((n, _), _) => format!("{n} h"),
    }
}

/// One significant incident's reports: late or missing as INC002 finds them
/// (`inc::late_reports`); any other report is on time when it was sent, and not yet due
/// when it was not.
fn incident_reporting(
    input: &Input<'_>,
    cx: &Context<'_>,
    i: &Rec<Incident>,
) -> Option<IncidentReporting> {
    if !i.significant {
        return None;
    }
    let lang = input.lang;
    let regime = cx
        .registry
        .regime_for("significant_incident", input.detected(i).0)?;
    let shortfalls = inc::late_reports(cx, i).map(|(_, s)| s).unwrap_or_default();
    // The report INC002 judges each deadline by: the time a report on time was sent.
    let first_sent = |kind: NotificationStage| -> Option<Timestamp> {
        inc::first_report(cx, regime, i, kind).map(|(_, at)| at)
    };
    let local = |t: Timestamp| inc::local(t, &cx.tz);
    let stages = regime
        .deadlines
        .iter()
        .map(|d| {
            let shortfall = shortfalls.iter().find(|s| s.deadline().kind == d.kind);
            let (state, sent, due) = match shortfall {
                Some(inc::ReportShortfall::Late { at, .. }) => ("late", Some(local(*at)), None),
                Some(inc::ReportShortfall::Missing { due, .. }) => {
                    ("missing", None, Some(local(*due)))
                }
                None => match first_sent(d.kind) {
                    Some(at) => ("on_time", Some(local(at)), None),
                    None => ("pending", None, None),
                },
            };
            StageRow {
                kind: d.kind.as_str(),
                label: stage_label(lang, d.kind).to_owned(),
                deadline: deadline_text(lang, d),
                counted_from: match d.from {
                    DeadlineStart::Detection => "detection",
                    DeadlineStart::Initial => "initial",
                },
                state,
                state_label: state_label(lang, state).to_owned(),
                sent,
                due,
            }
        })
        .collect();
    Some(IncidentReporting {
        id: i.id.clone(),
        title: i.title.clone(),
        detected: local(i.detected.instant(&cx.tz)),
        regime: regime.id.clone(),
        regime_name: regime.name.get(lang).to_owned(),
        stages,
    })
}

/// Whether a finding is about supplier `id`.
fn on_supplier(d: &Diagnostic, id: &str) -> bool {
    d.kind == Some(crate::model::Kind::Supplier) && d.id.as_deref() == Some(id)
}

/// The supplier register: the SUP rules' criticality and deadline, and their findings.
pub fn suppliers<'a>(input: &'a Input<'_>, cx: &Context<'_>) -> Suppliers<'a> {
    let repo = input.repo;
    let own = own_reporting_deadline(repo, cx.registry, input.as_of);
    let mut rows: Vec<SupplierRow<'a>> = repo
        .suppliers
        .iter()
        .filter(|s| s.is_active())
        .map(|s| {
            let c = criticality(repo, &input.derived, s);
            let findings: Vec<&'a Diagnostic> = input
                .findings
                .iter()
                .filter(|d| d.code.starts_with("SUP") || d.code == "CLD001")
                .filter(|d| on_supplier(d, &s.id))
                .collect();
            let has = |code: &str| findings.iter().any(|d| d.code == code);
            SupplierRow {
                id: s.id.clone(),
                name: s.name.clone(),
                critical: c.is_critical(),
                critical_basis: match c {
                    SupplierCriticality::Stated(_) => "stated",
                    SupplierCriticality::Inferred(_) => "inferred",
                },
                serves: served_assets(repo, &s.id)
                    .into_iter()
                    .map(|(_, a)| a.name.clone())
                    .collect(),
                processor: s.processor,
                countries: s.countries.clone(),
                security_requirements: s.contract.security_requirements,
                dpa: s.contract.dpa.map(|d| d.to_string()),
                assessed: s.assessed.map(|d| d.to_string()),
                incident_notification_hours: s.contract.incident_notification_hours,
                contract_ends: s.contract.ends.map(|d| d.to_string()),
                exit_plan: s.contract.exit_plan,
                flags: SupplierFlags {
                    security_requirements: has("SUP001"),
                    assessment: has("SUP002"),
                    dpa: has("SUP003"),
                    notification: has("SUP004"),
                    exit_plan: has("SUP005"),
                    transfer: has("CLD001"),
                },
                findings: findings.into_iter().map(JsonFinding::from).collect(),
            }
        })
        .collect();
    // Critical suppliers first; the sort is stable, so path order within each.
    rows.sort_by_key(|r| !r.critical);
    Suppliers {
        own_deadline_hours: own.map(|o| o.hours),
        own_deadline_law: own.map(|o| o.law.as_str()),
        critical: rows.iter().filter(|r| r.critical).count(),
        ended: repo.suppliers.iter().filter(|s| !s.is_active()).count(),
        rows,
        findings: input
            .findings
            .iter()
            .filter(|d| {
                d.code.starts_with("SUP")
                    || (d.code == "CLD001" && d.kind == Some(crate::model::Kind::Supplier))
            })
            .map(JsonFinding::from)
            .collect(),
    }
}
