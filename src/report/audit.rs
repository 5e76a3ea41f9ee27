//! `isms report audit`: the twelve questions of a municipal audit of information security,
//! each with a verdict, its key figure and the records and findings behind it.
//!
//! The verdict follows rules.md exactly: **Yes** when the question's rules raise no error
//! (warnings are remarks); **Partly** when errors exist but the key figure reaches at least
//! half of its target; **No** otherwise. With nothing in scope the key figure has no value:
//! Yes without errors, No with them (no evidence shows half the target reached).
//!
//! DOC005 (a required topic no adopted document governs) finds one gap per topic and names
//! the topic in its message; it counts for a question only when the message names that
//! question's `topic` (as `cloud_services` or `cloud services`).

use serde::Serialize;

use super::facts::{ClassificationState, Input, PERIOD_MONTHS};
use super::labels::{self, label, pick};
use super::markdown::percent;
use super::{Header, charts};
use crate::config::Language;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::*;
use crate::registry::{AuditQuestion, registry};
use crate::render::json::Finding;

/// The answer to one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Yes,
    Partly,
    No,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Yes => "yes",
            Verdict::Partly => "partly",
            Verdict::No => "no",
        }
    }
}

/// The verdict of rules.md from the number of errors among the question's findings and its
/// key figure (`None` when nothing is in scope).
pub fn verdict(errors: usize, value: Option<f64>, target: f64) -> Verdict {
    // A hair of tolerance: 9/20 must count as half of 0.9 whatever the rounding.
    const EPS: f64 = 1e-9;
    if errors == 0 {
        Verdict::Yes
    } else if value.is_some_and(|v| v + EPS >= target / 2.0) {
        Verdict::Partly
    } else {
        Verdict::No
    }
}

/// A key figure: `numerator / denominator` against a target share.
#[derive(Debug, Clone, Serialize)]
pub struct KeyFigure {
    /// The share, or null when nothing is in scope.
    pub value: Option<f64>,
    pub target: f64,
    pub numerator: u64,
    pub denominator: u64,
    /// The value as the report prints it (`48 %`), `–` when nothing is in scope.
    pub value_text: String,
    pub target_text: String,
    /// Short name, for tables.
    pub name: String,
    /// What is counted, from the registry.
    pub description: String,
    pub reached: bool,
}

/// One record behind a key figure, and whether it counts towards it.
#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    pub kind: &'static str,
    pub id: String,
    pub name: String,
    pub ok: bool,
    pub detail: String,
}

#[derive(Clone, Serialize)]
pub struct Question<'a> {
    pub number: u8,
    pub question: String,
    pub verdict: Verdict,
    pub verdict_label: String,
    /// With `--compare REV`: the verdict at REV.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict_before: Option<Verdict>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict_before_label: Option<String>,
    pub key_figure: KeyFigure,
    /// False when nothing is in scope (no incidents, no cloud services...).
    pub in_scope: bool,
    /// What is missing from the scope, when nothing is in it.
    pub scope_note: Option<String>,
    pub codes: Vec<String>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub findings: Vec<Finding<'a>>,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub yes: usize,
    pub partly: usize,
    pub no: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Charts {
    pub verdicts: Option<String>,
}

/// The audit report's data.
#[derive(Clone, Serialize)]
pub struct Audit<'a> {
    #[serde(flatten)]
    pub header: Header,
    pub summary: Summary,
    pub questions: Vec<Question<'a>>,
    pub charts: Charts,
}

/// Builds the audit report from the input's records and findings.
pub fn build<'a>(input: &'a Input<'_>) -> Audit<'a> {
    let lang = input.lang;
    let questions: Vec<Question<'a>> = registry()
        .audit_questions
        .iter()
        .map(|q| question(input, q))
        .collect();
    let count = |v: Verdict| questions.iter().filter(|q| q.verdict == v).count();
    let summary = Summary {
        yes: count(Verdict::Yes),
        partly: count(Verdict::Partly),
        no: count(Verdict::No),
    };
    let verdicts = charts::pie(
        pick(
            lang,
            "Svar på granskningsfrågorna",
            "Answers to the audit questions",
        ),
        &[
            (label(lang, "verdict", "yes"), summary.yes as u64),
            (label(lang, "verdict", "partly"), summary.partly as u64),
            (label(lang, "verdict", "no"), summary.no as u64),
        ],
    );
    Audit {
        header: Header::new(input, "audit"),
        summary,
        questions,
        charts: Charts { verdicts },
    }
}

/// Whether a finding counts for question `q`: its code is one of the question's rules,
/// and a DOC005 finding names the question's topic.
///
/// DOC005's message names its topic in backticks (`` `cloud_services` ``); when it names
/// any audit topic so, that decides, so that a draft's id mentioning another topic's word
/// cannot move the finding. Otherwise the topic's words anywhere in the message count.
pub fn concerns(q: &AuditQuestion, d: &Diagnostic) -> bool {
    if !q.rules.iter().any(|c| c == d.code) {
        return false;
    }
    if d.code != "DOC005" {
        return true;
    }
    let Some(topic) = &q.topic else {
        return false;
    };
    let message = d.message.to_lowercase();
    let quoted: Vec<&str> = message.split('`').skip(1).step_by(2).collect();
    let names_a_topic = registry()
        .audit_questions
        .iter()
        .filter_map(|q| q.topic.as_deref())
        .any(|t| quoted.contains(&t));
    if names_a_topic {
        return quoted.contains(&topic.as_str());
    }
    message.contains(topic.as_str()) || message.contains(&topic.replace('_', " "))
}

fn question<'a>(input: &'a Input<'_>, q: &AuditQuestion) -> Question<'a> {
    let lang = input.lang;
    let findings: Vec<&'a Diagnostic> = input.findings.iter().filter(|d| concerns(q, d)).collect();
    let count = |s: Severity| findings.iter().filter(|d| d.severity == s).count();
    let errors = count(Severity::Error);
    let measured = measure(input, q.number);
    let key_figure = key_figure(input, q, &measured);
    let v = verdict(errors, key_figure.value, key_figure.target);
    Question {
        number: q.number,
        question: q.question.get(lang.as_str()).to_owned(),
        verdict: v,
        verdict_label: label(lang, "verdict", v.as_str()),
        verdict_before: None,
        verdict_before_label: None,
        in_scope: measured.denominator > 0,
        scope_note: (measured.denominator == 0).then(|| measured.empty_note.clone()),
        key_figure,
        codes: q.rules.clone(),
        errors,
        warnings: count(Severity::Warning),
        infos: count(Severity::Info),
        findings: findings.into_iter().map(Finding::from).collect(),
        evidence: measured.evidence,
    }
}

/// The key figure of question `q`, with its target from `isms.toml` when the registry
/// names a setting.
pub fn key_figure(input: &Input<'_>, q: &AuditQuestion, m: &Measured) -> KeyFigure {
    let lang = input.lang;
    let target = match q.target_from.as_deref() {
        Some("training.completion_target") => input.config.training.completion_target,
        _ => q.target,
    };
    let value = (m.denominator > 0).then(|| m.numerator as f64 / m.denominator as f64);
    KeyFigure {
        value,
        target,
        numerator: m.numerator,
        denominator: m.denominator,
        value_text: value.map_or_else(|| "–".to_owned(), |v| percent(v, lang)),
        target_text: percent(target, lang),
        name: labels::key_figure_name(lang, q.number).to_owned(),
        description: q.key_figure.get(lang.as_str()).to_owned(),
        reached: value.is_some_and(|v| v + 1e-9 >= target),
    }
}

/// A key figure's count and the records behind it.
#[derive(Debug, Clone, Default)]
pub struct Measured {
    pub numerator: u64,
    pub denominator: u64,
    pub evidence: Vec<Evidence>,
    /// Said instead of a figure when nothing is in scope.
    pub empty_note: String,
}

impl Measured {
    fn push(&mut self, e: Evidence) {
        self.denominator += 1;
        if e.ok {
            self.numerator += 1;
        }
        self.evidence.push(e);
    }
}

/// Counts the key figure of question `number` (rules.md's table).
pub fn measure(input: &Input<'_>, number: u8) -> Measured {
    let lang = input.lang;
    let mut m = Measured::default();
    let t = |sv: &str, en: &str| pick(lang, sv, en).to_owned();
    match number {
        1 => {
            m.empty_note = t(
                "inga obligatoriska dokumenttyper är angivna",
                "no required document types are configured",
            );
            required_documents(input, &mut m);
        }
        2 => {
            m.empty_note = t(
                "ingen organisation och inga enheter",
                "no organisation and no units",
            );
            organisation(input, &mut m);
        }
        3 => {
            m.empty_note = match lang {
                Language::Sv => format!("ingen plan för {} med aktiviteter", input.as_of.year()),
                Language::En => format!("no plan for {} with activities", input.as_of.year()),
            };
            plan_on_track(input, &mut m);
        }
        4 => {
            m.empty_note = t(
                "inga utbildningar de senaste 12 månaderna",
                "no training in the last 12 months",
            );
            training(input, &mut m);
        }
        5 => {
            m.empty_note = t(
                "inga nämnder, bolag eller förbund",
                "no committees, companies or federations",
            );
            follow_up_units(input, &mut m);
        }
        6 => {
            m.empty_note = t(
                "inga tillgångar som måste klassas",
                "no assets that must be classified",
            );
            classification(input, &mut m);
        }
        7 => {
            m.empty_note = t("inga genomförda åtgärder", "no implemented measures");
            measures_verified(input, &mut m);
        }
        8 => monitoring(input, &mut m),
        9 => {
            m.empty_note = t(
                "inga incidenter de senaste 12 månaderna",
                "no incidents in the last 12 months",
            );
            incidents(input, &mut m);
        }
        10 => {
            m.empty_note = t("inga verksamhetskritiska tillgångar", "no critical assets");
            continuity(input, &mut m);
        }
        11 => follow_ups(input, &mut m),
        12 => {
            m.empty_note = t(
                "inga moln- eller SaaS-tjänster",
                "no cloud or SaaS services",
            );
            cloud(input, &mut m);
        }
        _ => {}
    }
    m
}

fn body_name(lang: Language, body: Option<Body>) -> String {
    body.map_or_else(String::new, |b| label(lang, "body", b.as_str()))
}

fn required_documents(input: &Input<'_>, m: &mut Measured) {
    let lang = input.lang;
    let max = input.config.policies.max_age_years;
    for ty in &input.config.policies.required_types {
        let name = registry().document_type(ty).map_or_else(
            || ty.replace('_', " "),
            |d| d.name.get(lang.as_str()).to_owned(),
        );
        let newest = input
            .repo
            .policies
            .iter()
            .filter(|p| p.policy_type.as_str() == ty && p.status == PolicyStatus::Adopted)
            .filter_map(|p| p.adopted.filter(|d| *d <= input.as_of).map(|d| (d, p)))
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.id.cmp(&a.1.id)));
        let e = match newest {
            None => Evidence {
                kind: "policy",
                id: String::new(),
                name,
                ok: false,
                detail: pick(lang, "inget antaget dokument", "no adopted document").into(),
            },
            Some((adopted, p)) => {
                let age = adopted.years_until(input.as_of);
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
        };
        m.push(e);
    }
}

fn organisation(input: &Input<'_>, m: &mut Measured) {
    let lang = input.lang;
    let org = input.repo.organisation.first();
    let vacant = Roles::default();
    let roles = org.map_or(&vacant, |o| &o.roles).all();
    for (role, holder) in roles {
        m.push(Evidence {
            kind: "organisation",
            id: org.map(|o| o.id.clone()).unwrap_or_default(),
            name: label(lang, "role", role),
            ok: holder.is_some(),
            detail: holder.map_or_else(|| pick(lang, "vakant", "vacant").to_owned(), str::to_owned),
        });
    }
    for u in input.member_units() {
        let rep = u.representative();
        m.push(Evidence {
            kind: "unit",
            id: u.id.clone(),
            name: u.name.clone(),
            ok: rep.is_some(),
            detail: rep.map_or_else(
                || pick(lang, "inget säkerhetsombud", "no security representative").to_owned(),
                |r| match lang {
                    Language::Sv => format!("säkerhetsombud {r}"),
                    Language::En => format!("security representative {r}"),
                },
            ),
        });
    }
}

/// On track: done, or not past due. Cancelled activities are left out: cancelling is a
/// decision, not a delay.
pub fn on_track(input: &Input<'_>, a: &Activity) -> bool {
    (a.status == ActivityStatus::Done && !a.completed_after(input.as_of))
        || a.due.is_none_or(|d| d >= input.as_of)
}

fn plan_on_track(input: &Input<'_>, m: &mut Measured) {
    let lang = input.lang;
    let plans = input.current_plans();
    for a in input.activities_of(&plans) {
        if a.status == ActivityStatus::Cancelled {
            continue;
        }
        let status = label(lang, "activity", a.status.as_str());
        let detail = match (a.status, a.due, input.days_overdue(a)) {
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
                Language::Sv => format!("{status}, skulle varit klar {due}"),
                Language::En => format!("{status}, was due {due}"),
            },
            (_, Some(due), None) => match lang {
                Language::Sv => format!("{status}, ska vara klar {due}"),
                Language::En => format!("{status}, due {due}"),
            },
            (_, None, _) => status,
        };
        m.push(Evidence {
            kind: "activity",
            id: a.id.clone(),
            name: a.title.clone(),
            ok: on_track(input, a),
            detail,
        });
    }
}

/// Per-unit completion over the campaigns of the window, units by name.
pub fn completion_by_unit(input: &Input<'_>) -> Vec<(String, String, u64, u64)> {
    let mut units: Vec<String> = input
        .training_campaigns()
        .iter()
        .flat_map(|t| t.results.iter().map(|r| r.unit.to_lowercase()))
        .collect();
    units.sort();
    units.dedup();
    let mut rows: Vec<(String, String, u64, u64)> = units
        .into_iter()
        .map(|id| {
            let (done, targeted) = input.completion(|u| u.eq_ignore_ascii_case(&id));
            let canonical = input.repo.unit(&id).map_or(id.clone(), |u| u.id.clone());
            (canonical, input.unit_name(&id), done, targeted)
        })
        .collect();
    rows.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    rows
}

fn training(input: &Input<'_>, m: &mut Measured) {
    let lang = input.lang;
    let target = input.config.training.completion_target;
    let (done, targeted) = input.completion(|_| true);
    m.numerator = done;
    m.denominator = targeted;
    for (id, name, d, t) in completion_by_unit(input) {
        let share = if t > 0 { d as f64 / t as f64 } else { 0.0 };
        m.evidence.push(Evidence {
            kind: "unit",
            id,
            name,
            ok: t > 0 && share + 1e-9 >= target,
            detail: match lang {
                Language::Sv => format!("{d} av {t} ({})", percent(share, lang)),
                Language::En => format!("{d} of {t} ({})", percent(share, lang)),
            },
        });
    }
}

/// The reviews that count as a follow-up of a unit (FUP003), newest first.
pub fn follow_ups_of<'a>(input: &Input<'a>, unit: &str) -> Vec<&'a crate::repo::Rec<Review>> {
    let months = input.config.thresholds.follow_up_max_age_months;
    let mut v: Vec<&crate::repo::Rec<Review>> = input
        .repo
        .reviews
        .iter()
        .filter(|r| r.review_type.is_follow_up())
        .filter(|r| input.within(r.date, months))
        .filter(|r| r.units.is_empty() || r.units.iter().any(|u| u.eq_ignore_ascii_case(unit)))
        .collect();
    v.sort_by(|a, b| b.date.cmp(&a.date).then(a.id.cmp(&b.id)));
    v
}

fn follow_up_units(input: &Input<'_>, m: &mut Measured) {
    let lang = input.lang;
    for u in input.member_units() {
        let reviews = follow_ups_of(input, &u.id);
        let detail = if reviews.is_empty() {
            pick(lang, "ingen uppföljning", "no follow-up").to_owned()
        } else {
            reviews
                .iter()
                .map(|r| {
                    format!(
                        "{} {}",
                        label(lang, "review", r.review_type.as_str()),
                        r.date
                    )
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        m.push(Evidence {
            kind: "unit",
            id: u.id.clone(),
            name: u.name.clone(),
            ok: !reviews.is_empty(),
            detail,
        });
    }
}

/// Why an asset must be classified, in words.
pub fn classification_reasons(input: &Input<'_>, ai: usize) -> String {
    let lang = input.lang;
    let a = &input.repo.assets[ai];
    let mut why = Vec::new();
    if input.is_critical(ai) {
        why.push(pick(lang, "verksamhetskritisk", "critical"));
    }
    if a.personal_data == PersonalData::Sensitive {
        why.push(pick(
            lang,
            "känsliga personuppgifter",
            "sensitive personal data",
        ));
    }
    if a.secrecy {
        why.push(pick(lang, "sekretess", "secrecy"));
    }
    if a.essential_service.is_some() {
        why.push(pick(lang, "samhällsviktig tjänst", "essential service"));
    }
    why.join(", ")
}

/// The classification state of an asset in words: `klassad 2025-12-03`.
pub fn classification_detail(input: &Input<'_>, asset: &str) -> (ClassificationState, String) {
    let lang = input.lang;
    let state = input.classification_state(asset);
    let detail = match (state, input.classification_of(asset)) {
        (ClassificationState::Missing, _) | (_, None) => {
            pick(lang, "ingen klassning", "no classification").to_owned()
        }
        (ClassificationState::Current, Some(c)) => match lang {
            Language::Sv => format!("klassad {}", c.date),
            Language::En => format!("classified {}", c.date),
        },
        (ClassificationState::Outdated, Some(c)) => {
            let max = input.config.thresholds.classification_max_age_months;
            match lang {
                Language::Sv => format!("klassad {}, äldre än {max} månader", c.date),
                Language::En => format!("classified {}, older than {max} months", c.date),
            }
        }
    };
    (state, detail)
}

fn classification(input: &Input<'_>, m: &mut Measured) {
    for (ai, a) in input.repo.assets.iter().enumerate() {
        if !input.must_classify(ai) {
            continue;
        }
        let (state, detail) = classification_detail(input, &a.id);
        m.push(Evidence {
            kind: "asset",
            id: a.id.clone(),
            name: a.name.clone(),
            ok: state == ClassificationState::Current,
            detail: format!("{detail} ({})", classification_reasons(input, ai)),
        });
    }
}

fn measures_verified(input: &Input<'_>, m: &mut Measured) {
    let lang = input.lang;
    for x in &input.repo.measures {
        if !x.implemented_on(input.as_of) {
            continue;
        }
        let interval = x
            .verify_interval_months
            .unwrap_or(input.config.thresholds.verify_interval_months);
        let detail = match (x.last_verified, lang) {
            (Some(d), Language::Sv) => format!("verifierad {d} (intervall {interval} månader)"),
            (Some(d), Language::En) => format!("verified {d} (interval {interval} months)"),
            (None, _) => pick(lang, "aldrig verifierad", "never verified").to_owned(),
        };
        m.push(Evidence {
            kind: "measure",
            id: x.id.clone(),
            name: x.title.clone(),
            ok: input.measure_verified(x),
            detail,
        });
    }
}

fn monitoring(input: &Input<'_>, m: &mut Measured) {
    let lang = input.lang;
    for cap in ["monitoring", "intrusion_detection"] {
        let providers: Vec<&crate::repo::Rec<Measure>> = input
            .repo
            .measures
            .iter()
            .filter(|x| x.implemented_on(input.as_of))
            .filter(|x| x.provides.iter().any(|p| p == cap))
            .collect();
        let verified: Vec<&str> = providers
            .iter()
            .filter(|x| input.measure_verified(x))
            .map(|x| x.id.as_str())
            .collect();
        let name = registry()
            .capability(cap)
            .map_or_else(|| cap.to_owned(), |c| c.name.get(lang.as_str()).to_owned());
        let detail = if !verified.is_empty() {
            match lang {
                Language::Sv => format!("ges av {}", verified.join(", ")),
                Language::En => format!("provided by {}", verified.join(", ")),
            }
        } else if !providers.is_empty() {
            let ids: Vec<&str> = providers.iter().map(|x| x.id.as_str()).collect();
            match lang {
                Language::Sv => format!("{} är inte verifierad i tid", ids.join(", ")),
                Language::En => format!("{} not verified on time", ids.join(", ")),
            }
        } else {
            pick(lang, "ingen genomförd åtgärd", "no implemented measure").to_owned()
        };
        m.push(Evidence {
            kind: "measure",
            id: verified
                .first()
                .map(|s| (*s).to_owned())
                .unwrap_or_default(),
            name,
            ok: !verified.is_empty(),
            detail,
        });
    }
}

fn incidents(input: &Input<'_>, m: &mut Measured) {
    let lang = input.lang;
    for i in input.incidents_within(PERIOD_MONTHS) {
        let reasons = input.incident_shortfalls(i);
        m.push(Evidence {
            kind: "incident",
            id: i.id.clone(),
            name: i.title.clone(),
            ok: reasons.is_empty(),
            detail: if reasons.is_empty() {
                pick(lang, "hanterad enligt standard", "handled to standard").to_owned()
            } else {
                reasons.join("; ")
            },
        });
    }
}

fn continuity(input: &Input<'_>, m: &mut Measured) {
    let lang = input.lang;
    for (ai, a) in input.repo.assets.iter().enumerate() {
        if !a.is_active() || !input.is_critical(ai) {
            continue;
        }
        let plans = input.plans_covering(&a.id);
        let exercised: Vec<&crate::repo::Rec<ContinuityPlan>> = plans
            .iter()
            .copied()
            .filter(|p| input.exercised(p))
            .collect();
        let describe = |p: &ContinuityPlan| match (input.last_exercise(p), lang) {
            (Some(e), Language::Sv) => format!("{} övad {}", p.id, e.date),
            (Some(e), Language::En) => format!("{} exercised {}", p.id, e.date),
            (None, Language::Sv) => format!("{} aldrig övad", p.id),
            (None, Language::En) => format!("{} never exercised", p.id),
        };
        let detail = if plans.is_empty() {
            pick(lang, "ingen kontinuitetsplan", "no continuity plan").to_owned()
        } else {
            plans
                .iter()
                .map(|p| describe(p))
                .collect::<Vec<_>>()
                .join(", ")
        };
        m.push(Evidence {
            kind: "asset",
            id: a.id.clone(),
            name: a.name.clone(),
            ok: !exercised.is_empty(),
            detail,
        });
    }
}

fn follow_ups(input: &Input<'_>, m: &mut Measured) {
    let lang = input.lang;
    let th = &input.config.thresholds;
    let newest = |pred: &dyn Fn(&Review) -> bool, months: u32| {
        input
            .repo
            .reviews
            .iter()
            .filter(|r| pred(r) && input.within(r.date, months))
            .max_by(|a, b| a.date.cmp(&b.date).then(b.id.cmp(&a.id)))
    };
    let review = newest(
        &|r| {
            r.review_type == ReviewType::ManagementReview
                && r.presented_to
                    .is_some_and(|b| b.rank() >= Body::ExecutiveBoard.rank())
        },
        th.management_review_max_age_months,
    );
    let audit = newest(&|r| r.review_type.is_audit(), th.audit_max_age_months);
    let item = |found: Option<&crate::repo::Rec<Review>>, name: String, months: u32| {
        let detail = match (found, lang) {
            (Some(r), _) => format!("{} {}", r.title, r.date),
            (None, Language::Sv) => format!("ingen de senaste {months} månaderna"),
            (None, Language::En) => format!("none in the last {months} months"),
        };
        Evidence {
            kind: "review",
            id: found.map(|r| r.id.clone()).unwrap_or_default(),
            name,
            ok: found.is_some(),
            detail,
        }
    };
    m.push(item(
        review,
        pick(
            lang,
            "Ledningens genomgång till kommunstyrelsen",
            "Management review to the executive board",
        )
        .into(),
        th.management_review_max_age_months,
    ));
    m.push(item(
        audit,
        pick(lang, "Granskning av ledningssystemet", "Audit of the ISMS").into(),
        th.audit_max_age_months,
    ));
}

/// What is wrong with a cloud asset (CLD001–CLD003's conditions), in words.
pub fn cloud_shortfalls(input: &Input<'_>, a: &Asset) -> Vec<String> {
    let lang = input.lang;
    let mut out = Vec::new();
    if input.classification_of(&a.id).is_none() {
        out.push(pick(lang, "ej klassad", "not classified").to_owned());
    }
    let hosting = a.hosting.clone().unwrap_or_default();
    if a.personal_data != PersonalData::None {
        let safeguard = hosting.transfer_safeguard;
        for c in &hosting.countries {
            if registry().is_eu_eea(c) {
                continue;
            }
            let adequate = registry().adequacy(c).is_some_and(|d| {
                d.in_force_on(input.as_of.0)
                    && d.requires_safeguard
                        .as_deref()
                        .is_none_or(|need| safeguard.is_some_and(|s| s.as_str() == need))
            });
            let other = matches!(
                safeguard,
                Some(TransferSafeguard::Scc | TransferSafeguard::Bcr)
            );
            if !adequate && !other {
                out.push(match lang {
                    Language::Sv => {
                        format!("personuppgifter i {c} utan adekvansbeslut eller skyddsåtgärd")
                    }
                    Language::En => {
                        format!("personal data in {c} without an adequacy decision or safeguard")
                    }
                });
            }
        }
    }
    if a.secrecy && hosting.swedish_jurisdiction != Some(true) {
        out.push(
            pick(
                lang,
                "sekretessbelagd information hos leverantör utanför svensk jurisdiktion",
                "information under secrecy with a provider outside Swedish jurisdiction",
            )
            .to_owned(),
        );
    }
    out
}

fn cloud(input: &Input<'_>, m: &mut Measured) {
    let lang = input.lang;
    for a in &input.repo.assets {
        let Some(model) = a.hosting_model().filter(|h| h.is_cloud()) else {
            continue;
        };
        if !a.is_active() {
            continue;
        }
        let problems = cloud_shortfalls(input, a);
        let hosting = label(lang, "hosting", model.as_str());
        m.push(Evidence {
            kind: "asset",
            id: a.id.clone(),
            name: a.name.clone(),
            ok: problems.is_empty(),
            detail: if problems.is_empty() {
                match lang {
                    Language::Sv => {
                        format!("{hosting}: klassad, laglig överföring och rätt jurisdiktion")
                    }
                    Language::En => {
                        format!("{hosting}: classified, lawful transfers and jurisdiction")
                    }
                }
            } else {
                format!("{hosting}: {}", problems.join("; "))
            },
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdict_follows_the_spec() {
        assert_eq!(verdict(0, Some(0.1), 1.0), Verdict::Yes);
        assert_eq!(verdict(0, None, 1.0), Verdict::Yes);
        assert_eq!(verdict(1, Some(0.48), 0.9), Verdict::Partly);
        assert_eq!(verdict(1, Some(0.45), 0.9), Verdict::Partly, "exactly half");
        assert_eq!(
            verdict(1, Some(9.0 / 20.0), 0.9),
            Verdict::Partly,
            "exactly half"
        );
        assert_eq!(verdict(1, Some(0.5), 1.0), Verdict::Partly, "exactly half");
        assert_eq!(verdict(1, Some(0.4499), 0.9), Verdict::No);
        assert_eq!(verdict(3, None, 1.0), Verdict::No);
    }
}
