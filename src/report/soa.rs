//! `isms report soa`: the statement of applicability (ISO/IEC 27001:2022 clause 6.1.3 d) of
//! each framework the organisation declares, as an auditor reads it: the approval, a summary
//! per group, and every control with its applicability, the reason, its status and the
//! evidence behind it.
//!
//! Applicability, status and evidence are `rules::frm::framework_state`'s, the function
//! FRM003 and NIS003 report from, so a control the report shows as missing is one FRM003
//! reports (the agreement tests hold them together). The report adds only what a reader
//! needs next to them: labels in the run's language, the records' titles and owners, and
//! the FRM findings about the framework.

use anyhow::{Result, bail};
use serde::Serialize;

use crate::report::charts::Chart;

use super::facts::Input;
use super::labels::label;
use super::{Header, charts};
use crate::config::Language;
use crate::diagnostic::Diagnostic;
use crate::model::{Date, StatementOfApplicability};
use crate::registry::Framework;
use crate::render::json::JsonFinding;
use crate::repo::{Rec, Repository};
use crate::rules::Context;
use crate::rules::frm::{
    ControlState, ControlStatus, Evidence, FrameworkState, Source, approval_expires,
    approved_by_management, framework_state,
};

/// The statuses in the order the report shows them.
pub const STATUSES: [ControlStatus; 4] = [
    ControlStatus::Implemented,
    ControlStatus::Partly,
    ControlStatus::Planned,
    ControlStatus::Missing,
];

/// A control status in words: "genomförd / delvis / planerad / saknas".
pub fn status_label(lang: Language, status: ControlStatus) -> &'static str {
    match status {
        ControlStatus::Implemented => lang.pick("genomförd", "implemented"),
        ControlStatus::Partly => lang.pick("delvis", "partly"),
        ControlStatus::Planned => lang.pick("planerad", "planned"),
        ControlStatus::Missing => lang.pick("saknas", "missing"),
    }
}

/// The statement of applicability's report: one part per framework.
#[derive(Clone, Serialize)]
pub struct Soa<'a> {
    #[serde(flatten)]
    pub header: Header,
    pub frameworks: Vec<FrameworkSoa<'a>>,
}

/// One framework's statement of applicability.
#[derive(Clone, Serialize)]
pub struct FrameworkSoa<'a> {
    pub id: String,
    pub name: String,
    pub source: String,
    /// Whether `isms.toml` `frameworks` declares it (FRM001–FRM003 judge only those).
    pub declared: bool,
    /// The statement that governs it, or null when the organisation has none.
    pub statement: Option<Statement>,
    /// Per group of controls, in catalogue order.
    pub summary: Vec<GroupSummary>,
    pub overall: Counts,
    pub controls: Vec<ControlRow>,
    /// The FRM findings about the framework (its statement, exclusions and controls).
    pub findings: Vec<JsonFinding<'a>>,
    /// A Mermaid pie of the applicable controls' statuses.
    pub chart: Option<Chart>,
}

/// The statement of applicability as decided.
#[derive(Debug, Clone, Serialize)]
pub struct Statement {
    pub id: String,
    pub title: Option<String>,
    pub approved: Option<String>,
    /// `executive_board`, `municipal_council`, `committee` or `official`.
    pub approved_by: Option<&'static str>,
    pub approved_by_label: Option<String>,
    pub decision_ref: Option<String>,
    pub review_interval_months: u32,
    /// The day the approval runs out (`approved` plus the review interval).
    pub expires: Option<String>,
    /// Approved on or before the as-of date by the executive board or the council
    /// (FRM001's condition for an approval that counts).
    pub approved_by_management: bool,
    /// The approval has run out on the as-of date.
    pub expired: bool,
}

/// How many controls have each status, of the applicable ones, and how many are excluded.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    pub total: usize,
    pub applicable: usize,
    pub implemented: usize,
    pub partly: usize,
    pub planned: usize,
    pub missing: usize,
    pub excluded: usize,
    /// Implemented of applicable, null when nothing applies.
    pub implemented_share: Option<f64>,
    /// The statuses of the applicable controls with a count above zero, in the report's
    /// order, for a sentence.
    pub parts: Vec<StatusCount>,
    /// `parts` without `missing`: what is in place or planned, for a sentence that says
    /// the missing ones apart.
    pub present: Vec<StatusCount>,
}

/// A status and how many controls have it.
#[derive(Debug, Clone, Serialize)]
pub struct StatusCount {
    /// `implemented`, `partly`, `planned` or `missing`.
    pub status: &'static str,
    pub count: usize,
}

/// The statuses with a count above zero, in the report's order.
pub fn parts(
    implemented: usize,
    partly: usize,
    planned: usize,
    missing: usize,
) -> Vec<StatusCount> {
    [implemented, partly, planned, missing]
        .into_iter()
        .zip(STATUSES)
        .filter(|(n, _)| *n > 0)
        .map(|(count, s)| StatusCount {
            status: s.as_str(),
            count,
        })
        .collect()
}

impl Counts {
    fn add(&mut self, c: &ControlState<'_>) {
        self.total += 1;
        if !c.applicable {
            self.excluded += 1;
            return;
        }
        self.applicable += 1;
        match c.status {
            ControlStatus::Implemented => self.implemented += 1,
            ControlStatus::Partly => self.partly += 1,
            ControlStatus::Planned => self.planned += 1,
            ControlStatus::Missing => self.missing += 1,
        }
    }

    fn finish(mut self) -> Counts {
        self.implemented_share =
            (self.applicable > 0).then(|| self.implemented as f64 / self.applicable as f64);
        self.parts = parts(self.implemented, self.partly, self.planned, self.missing);
        self.present = parts(self.implemented, self.partly, self.planned, 0);
        self
    }

    /// The counts of a framework's state: the applicable controls as `FrameworkState`
    /// counts them, and the excluded ones.
    pub fn of(state: &FrameworkState<'_>) -> Counts {
        let mut counts = Counts::default();
        for c in &state.controls {
            counts.add(c);
        }
        counts.finish()
    }
}

/// One group's counts.
#[derive(Debug, Clone, Serialize)]
pub struct GroupSummary {
    pub id: String,
    pub name: String,
    #[serde(flatten)]
    pub counts: Counts,
}

/// One control of the statement.
#[derive(Debug, Clone, Serialize)]
pub struct ControlRow {
    pub id: String,
    pub label: String,
    pub group: String,
    pub applicable: bool,
    /// "ja" / "nej", "yes" / "no".
    pub applicable_label: String,
    /// Why it is excluded, or why it is included where the statement says.
    pub reason: Option<String>,
    /// `exclusion` or `inclusion`, with `reason`.
    pub reason_kind: Option<&'static str>,
    /// When an exclusion is to be reconsidered.
    pub review: Option<String>,
    /// `implemented`, `partly`, `planned` or `missing`, as `framework_state` decides it
    /// (for an excluded control too: what the records show, though it is not required).
    pub status: &'static str,
    pub status_label: String,
    pub evidence: Vec<EvidenceItem>,
    /// The evidence in one line, for tables.
    pub evidence_text: String,
    /// The owners of the counting records that name one (steering documents); null when
    /// none does (measures have no owner).
    pub owner: Option<String>,
    /// The latest `last_verified` among the counting measures.
    pub last_verified: Option<String>,
}

/// One piece of evidence, as `framework_state` found it, with the record's title.
#[derive(Debug, Clone, Serialize)]
pub struct EvidenceItem {
    /// `measure`, `document`, `exercise`, `training`, `evaluation`, `suppliers`,
    /// `classifications` or `asset_inventory`.
    pub source: &'static str,
    pub kind: Option<&'static str>,
    pub id: Option<String>,
    pub title: Option<String>,
    /// For the counted registers.
    pub count: Option<usize>,
    /// Implemented, adopted, exercised, started, evaluated, or a register's latest date.
    pub date: Option<String>,
    pub planned: bool,
    pub verified: Option<String>,
    pub overdue: bool,
    /// The item in words: `mfa-alla (genomförd 2025-03-01, verifierad 2026-02-01)`.
    pub text: String,
}

/// Builds the statement of applicability of `framework`, or of every framework `isms.toml`
/// declares.
///
/// # Errors
///
/// A framework id no catalogue has, or no framework at all (none declared, none named).
pub fn build<'a>(input: &'a Input<'_>, framework: Option<&str>) -> Result<Soa<'a>> {
    let ids: Vec<&str> = match framework {
        Some(id) => vec![id],
        None => input.config.frameworks.iter().map(String::as_str).collect(),
    };
    let known = || {
        input
            .repo
            .catalogues
            .iter()
            .map(|f| f.id.as_str())
            .collect::<Vec<_>>()
    };
    if ids.is_empty() {
        bail!(
            "no framework to report: `frameworks` in isms.toml is empty; name one with `isms report soa --framework ID` (known: {})",
            known().join(", ")
        );
    }
    let cx = input.rules_context();
    let mut frameworks = Vec::new();
    for id in ids {
        let Some(state) = framework_state(&cx, id) else {
            let hint = crate::util::suggest::closest(id, known())
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            bail!(
                "no framework `{id}`{hint} (known: {}); `--framework` takes a built-in id or the id of a `framework` record",
                known().join(", ")
            );
        };
        frameworks.push(framework_part(input, &cx, &state));
    }
    Ok(Soa {
        header: Header::new(input, "soa"),
        frameworks,
    })
}

fn framework_part<'a>(
    input: &'a Input<'_>,
    cx: &Context<'_>,
    state: &FrameworkState<'_>,
) -> FrameworkSoa<'a> {
    let lang = input.lang;
    let fw: &Framework = state.framework;
    let overall = Counts::of(state);
    let summary = fw
        .groups
        .iter()
        .map(|g| {
            let mut counts = Counts::default();
            for c in state.controls.iter().filter(|c| c.group == g.id) {
                counts.add(c);
            }
            GroupSummary {
                id: g.id.clone(),
                name: g.name.get(lang).to_owned(),
                counts: counts.finish(),
            }
        })
        .filter(|g| g.counts.total > 0)
        .collect();
    let chart = status_pie(
        lang,
        &format!(
            "{} – {}",
            fw.id,
            lang.pick("tillämpliga åtgärder", "applicable controls")
        ),
        &overall,
    );
    FrameworkSoa {
        id: fw.id.clone(),
        name: fw.name.get(lang).to_owned(),
        source: fw.source.clone(),
        declared: input.config.frameworks.contains(&fw.id),
        statement: state.statement.map(|s| statement_of(input, cx, s)),
        summary,
        controls: state
            .controls
            .iter()
            .map(|c| control_row(input, c))
            .collect(),
        overall,
        findings: findings_of(&input.findings, &fw.id)
            .map(JsonFinding::from)
            .collect(),
        chart,
    }
}

/// A pie of the applicable controls by status.
pub fn status_pie(lang: Language, title: &str, counts: &Counts) -> Option<Chart> {
    let n = |s: ControlStatus| match s {
        ControlStatus::Implemented => counts.implemented,
        ControlStatus::Partly => counts.partly,
        ControlStatus::Planned => counts.planned,
        ControlStatus::Missing => counts.missing,
    };
    let slices: Vec<(String, u64)> = STATUSES
        .iter()
        .map(|s| (capitalised(status_label(lang, *s)), n(*s) as u64))
        .collect();
    charts::pie(title, &slices)
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The FRM findings about framework `id`: each FRM rule names its framework in the figure
/// `framework`.
pub fn findings_of<'d>(
    findings: &'d [Diagnostic],
    id: &str,
) -> impl Iterator<Item = &'d Diagnostic> + 'd {
    let id = id.to_owned();
    findings.iter().filter(move |d| {
        d.code.starts_with("FRM")
            && matches!(d.figure("framework"), Some(crate::l10n::Value::Text(f)) if *f == id)
    })
}

/// A statement of applicability as the reports show it.
pub fn statement_of(
    input: &Input<'_>,
    cx: &Context<'_>,
    s: &Rec<StatementOfApplicability>,
) -> Statement {
    let expires = approval_expires(s);
    Statement {
        id: s.id.clone(),
        title: s.title.clone(),
        approved: s.approved.map(|d| d.to_string()),
        approved_by: s.approved_by.map(|b| b.as_str()),
        approved_by_label: s.approved_by.map(|b| label(input.lang, "body", b.as_str())),
        decision_ref: s.decision_ref.clone(),
        review_interval_months: s.review_months(),
        expires: expires.map(|d| d.to_string()),
        approved_by_management: approved_by_management(s, cx.as_of),
        expired: expires.is_some_and(|e| e <= cx.as_of),
    }
}

/// The row of a control: `framework_state`'s decision with the words and titles a reader
/// needs.
pub fn control_row(input: &Input<'_>, c: &ControlState<'_>) -> ControlRow {
    let lang = input.lang;
    let evidence: Vec<EvidenceItem> = c.evidence.iter().map(|e| evidence_item(input, e)).collect();
    let mut owners: Vec<String> = Vec::new();
    for e in c.evidence.iter().filter(|e| e.source == Source::Document) {
        let owner =
            e.id.and_then(|id| input.repo.policies.iter().find(|p| p.id == id))
                .and_then(|p| p.owner.clone());
        if let Some(o) = owner
            && !owners.contains(&o)
        {
            owners.push(o);
        }
    }
    let last_verified = c
        .evidence
        .iter()
        .filter(|e| e.source == Source::Measure)
        .filter_map(|e| e.verified)
        .max();
    let reason_kind = c.reason.map(|_| {
        if c.applicable {
            "inclusion"
        } else {
            "exclusion"
        }
    });
    ControlRow {
        id: c.id.to_owned(),
        label: c.control.label.get(lang).to_owned(),
        group: c.group.to_owned(),
        applicable: c.applicable,
        applicable_label: lang
            .pick(
                if c.applicable { "ja" } else { "nej" },
                if c.applicable { "yes" } else { "no" },
            )
            .to_owned(),
        reason: c.reason.map(str::to_owned),
        reason_kind,
        review: c.review.map(|d| d.to_string()),
        status: c.status.as_str(),
        status_label: status_label(lang, c.status).to_owned(),
        evidence_text: evidence
            .iter()
            .map(|e| e.text.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        evidence,
        owner: (!owners.is_empty()).then(|| owners.join(", ")),
        last_verified: last_verified.map(|d| d.to_string()),
    }
}

fn evidence_item(input: &Input<'_>, e: &Evidence<'_>) -> EvidenceItem {
    let lang = input.lang;
    let date = e.date.map(|d| d.to_string());
    let id = e.id.unwrap_or_default().to_owned();
    let on = |sv: &str, en: &str, d: Option<Date>| match d {
        Some(d) => format!(" ({} {d})", lang.pick(sv, en)),
        None => String::new(),
    };
    let count = e.count.unwrap_or(0);
    let text = match e.source {
        Source::Measure if e.planned => {
            format!("{id} ({})", lang.pick("planerad", "planned"))
        }
        Source::Measure => {
            let mut parts = Vec::new();
            if let Some(d) = e.date {
                parts.push(format!("{} {d}", lang.pick("genomförd", "implemented")));
            }
            if let Some(d) = e.verified {
                parts.push(format!("{} {d}", lang.pick("verifierad", "verified")));
            }
            if e.overdue {
                parts.push(
                    lang.pick("verifiering försenad", "verification overdue")
                        .to_owned(),
                );
            }
            if parts.is_empty() {
                id
            } else {
                format!("{id} ({})", parts.join(", "))
            }
        }
        Source::Document => format!("{id}{}", on("antagen", "adopted", e.date)),
        Source::Exercise => format!("{id}{}", on("övad", "exercised", e.date)),
        Source::Training => format!("{id}{}", on("start", "started", e.date)),
        Source::Evaluation => format!("{id}{}", on("utförd", "performed", e.date)),
        Source::Suppliers => match lang {
            Language::Sv => format!("leverantörsregistret ({count} leverantörer)"),
            Language::En => format!("supplier register ({count} suppliers)"),
        },
        Source::Classifications => match (lang, e.date) {
            (Language::Sv, Some(d)) => format!("{count} klassningar (senast {d})"),
            (Language::Sv, None) => format!("{count} klassningar"),
            (Language::En, Some(d)) => format!("{count} classifications (latest {d})"),
            (Language::En, None) => format!("{count} classifications"),
        },
        Source::AssetInventory => match lang {
            Language::Sv => format!("tillgångsförteckningen ({count} informationstillgångar)"),
            Language::En => format!("asset inventory ({count} assets)"),
        },
    };
    EvidenceItem {
        source: e.source.as_str(),
        kind: e.kind,
        id: e.id.map(str::to_owned),
        title: e.id.and_then(|id| title_of(input.repo, e.source, id)),
        count: e.count,
        date,
        planned: e.planned,
        verified: e.verified.map(|d| d.to_string()),
        overdue: e.overdue,
        text,
    }
}

/// The title of the record behind a piece of evidence.
fn title_of(repo: &Repository, source: Source, id: &str) -> Option<String> {
    let title = match source {
        Source::Measure => repo.measure(id)?.title.clone(),
        Source::Document => repo.policies.iter().find(|p| p.id == id)?.title.clone(),
        Source::Exercise => repo
            .continuity_plans
            .iter()
            .find(|p| p.id == id)?
            .title
            .clone(),
        Source::Training => repo.trainings.iter().find(|t| t.id == id)?.title.clone(),
        Source::Evaluation => repo.evaluations.iter().find(|t| t.id == id)?.title.clone(),
        Source::Suppliers | Source::Classifications | Source::AssetInventory => return None,
    };
    Some(title)
}
