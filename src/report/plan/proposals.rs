//! The draft plan's proposals: one activity per area of the catalogue with open gaps, under
//! the area's goal, addressing the area's findings.

use serde::Serialize;

use super::NextYear;
use super::snippets::ActivityYaml;
use crate::config::Language;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::*;
use crate::render::json::JsonFinding;
use crate::report::facts::Input;
use crate::report::markdown::fenced;
use crate::rules::Area;

/// An activity proposed for an area with open gaps.
#[derive(Clone, Serialize)]
pub struct Proposal<'a> {
    pub area: String,
    pub area_title: String,
    pub title: String,
    pub goal: String,
    pub goal_title: String,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// The codes of its findings, sorted.
    pub codes: Vec<String>,
    /// The records its findings are about, sorted.
    pub records: Vec<String>,
    pub new_id: String,
    pub due: String,
    pub path: String,
    pub yaml: String,
    pub findings: Vec<JsonFinding<'a>>,
}

/// The goal id a proposal goes under, in the report's language; the Swedish ids are the
/// ones municipalities commonly use, so a proposal often lands under an existing goal.
fn area_goal_id(area: Area, lang: Language) -> &'static str {
    let (sv, en) = match area {
        Area::Doc => ("styrdokument", "steering-documents"),
        Area::Org => ("organisation", "organisation"),
        Area::Plan => ("handlingsplan", "action-plan"),
        Area::Cul => ("kultur", "culture"),
        Area::Cls => ("klassning", "classification"),
        Area::Sec => ("tekniska-atgarder", "technical-measures"),
        Area::Inc => ("incident", "incidents"),
        Area::Bcm => ("kontinuitet", "continuity"),
        Area::Fup => ("uppfoljning", "follow-up"),
        Area::Cld => ("molntjanster", "cloud-services"),
        Area::Frm => ("ramverk", "frameworks"),
        Area::Nis => ("cybersakerhetslagen", "cybersecurity-law"),
        Area::Sup => ("leverantorer", "suppliers"),
        Area::Rec => ("poster", "records"),
    };
    lang.pick(sv, en)
}

/// Area → (proposed activity sv, en, goal title sv, en).
fn area_texts(area: Area) -> (&'static str, &'static str, &'static str, &'static str) {
    match area {
        Area::Doc => (
            "Revidera styrdokumenten och låt rätt instans fastställa dem",
            "Review the steering documents and have the right body adopt them",
            "Styrdokumenten är aktuella och beslutade på rätt nivå",
            "Steering documents are current and adopted at the right level",
        ),
        Area::Org => (
            "Tillsätt vakanta roller, säkerhetsombud, systemägare och systemförvaltare",
            "Fill vacant roles, security representatives, system owners and administrators",
            "Organisationen för informationssäkerhet är bemannad",
            "The information security organisation is staffed",
        ),
        Area::Plan => (
            "Följ upp handlingsplanens aktiviteter i informationssäkerhetsrådet varje kvartal",
            "Follow up the action plan's activities in the security council every quarter",
            "Handlingsplanen genomförs som beslutat",
            "The action plan is carried out as decided",
        ),
        Area::Cul => (
            "Höj genomförandegraden i utbildningarna där den är låg",
            "Raise training completion where it is low",
            "Medarbetarna i alla enheter genomför årets utbildning",
            "Staff in every unit complete the year's training",
        ),
        Area::Cls => (
            "Klassa och riskbedöm de tillgångar som saknar aktuell klassning eller riskanalys",
            "Classify and risk-assess the assets lacking a current classification or risk analysis",
            "Alla skyddsvärda tillgångar har aktuell klassning och riskanalys",
            "Every protected asset has a current classification and risk analysis",
        ),
        Area::Sec => (
            "Komplettera och verifiera de tekniska skyddsåtgärderna",
            "Complete and verify the technical security measures",
            "Tekniska åtgärder motsvarar klassningen och verifieras regelbundet",
            "Technical measures match the classification and are verified regularly",
        ),
        Area::Inc => (
            "Förbättra incidenthanteringen: rapportering i tid, grundorsak, lärdomar och uppföljning",
            "Improve incident handling: timely reports, root causes, lessons and follow-up",
            "Incidenter hanteras, rapporteras och följs upp enligt rutin",
            "Incidents are handled, reported and followed up as the routine says",
        ),
        Area::Bcm => (
            "Ta fram och öva kontinuitetsplaner för verksamhetskritiska tillgångar",
            "Write and exercise continuity plans for critical assets",
            "Verksamhetskritiska tillgångar har övade kontinuitetsplaner",
            "Critical assets have exercised continuity plans",
        ),
        Area::Fup => (
            "Genomför ledningens genomgång och följ upp revisionens rekommendationer",
            "Hold the management review and follow up the audit's recommendations",
            "Arbetet följs upp och rapporteras regelbundet",
            "The work is followed up and reported regularly",
        ),
        Area::Cld => (
            "Klassa molntjänsterna och säkra laglig överföring och jurisdiktion",
            "Classify the cloud services and secure lawful transfers and jurisdiction",
            "Molntjänster används endast efter klassning och med laglig överföring",
            "Cloud services are used only when classified and with lawful transfers",
        ),
        Area::Frm => (
            "Fastställ uttalandet om tillämplighet och inför de åtgärder som saknas",
            "Approve the statement of applicability and put the missing controls in place",
            "Tillämpliga säkerhetsåtgärder är beslutade och införda",
            "Applicable controls are decided and in place",
        ),
        Area::Nis => (
            "Uppfyll cybersäkerhetslagens krav på registrering, ledningens ansvar och riskhanteringsåtgärder",
            "Meet the cybersecurity law's duties: registration, the management body's role and the risk-management measures",
            "Kommunen uppfyller cybersäkerhetslagen",
            "The municipality meets the cybersecurity law",
        ),
        Area::Sup => (
            "Ställ säkerhetskrav på kritiska leverantörer och följ upp dem",
            "Set security requirements for critical suppliers and follow them up",
            "Leverantörer som kommunen är beroende av är säkrade",
            "The suppliers the municipality depends on are secured",
        ),
        Area::Rec => ("", "", "", ""),
    }
}

/// The findings by area in catalogue order, errors first within an area; record problems
/// are fixed in the records, not planned, so REC has no area here.
pub(super) fn gap_areas<'a>(input: &'a Input<'_>) -> Vec<(Area, Vec<&'a Diagnostic>)> {
    let mut areas: Vec<(Area, Vec<&'a Diagnostic>)> = Vec::new();
    for d in &input.findings {
        let Some(area) = Area::of(d.code).filter(|a| *a != Area::Rec) else {
            continue;
        };
        match areas.iter_mut().find(|(a, _)| *a == area) {
            Some((_, v)) => v.push(d),
            None => areas.push((area, vec![d])),
        }
    }
    areas.sort_by_key(|(a, _)| *a);
    for (_, found) in &mut areas {
        found.sort_by_key(|d| std::cmp::Reverse(d.severity));
    }
    areas
}

/// Sorted and without repeats.
fn distinct(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v.dedup();
    v
}

impl NextYear<'_, '_> {
    /// The goal a proposal for `area` goes under, (id, title): an existing goal with the
    /// area goal's id or title is the same goal.
    fn goal_for(&self, area: Area) -> (String, String) {
        let lang = self.input.lang;
        let (_, _, goal_sv, goal_en) = area_texts(area);
        let title = lang.pick(goal_sv, goal_en);
        let id = area_goal_id(area, lang);
        self.goals
            .iter()
            .find(|g| g.id.eq_ignore_ascii_case(id) || g.title.trim().eq_ignore_ascii_case(title))
            .map(|g| (g.id.clone(), g.title.clone()))
            .unwrap_or_else(|| (id.to_owned(), title.to_owned()))
    }

    /// The activity proposed for `area` and its findings `found`, its goal added to the plan.
    pub(super) fn propose<'a>(&mut self, area: Area, found: Vec<&'a Diagnostic>) -> Proposal<'a> {
        let lang = self.input.lang;
        let (sv, en, _, _) = area_texts(area);
        let title = lang.pick(sv, en).to_owned();
        let (goal, goal_title) = self.goal_for(area);
        let count = |s: Severity| found.iter().filter(|d| d.severity == s).count();
        let errors = count(Severity::Error);
        let codes = distinct(found.iter().map(|d| d.code.to_owned()).collect());
        let records = distinct(found.iter().filter_map(|d| d.id.clone()).collect());
        let addresses: Vec<String> = found
            .iter()
            .filter(|d| d.kind == Some(Kind::AuditFinding))
            .filter_map(|d| d.id.clone())
            .collect();
        let due = if errors > 0 {
            self.first_half
        } else {
            self.year_end
        };
        let new_id = self.ids.take();
        let proposed = match lang {
            Language::Sv => "Föreslagen av isms",
            Language::En => "Proposed by isms",
        };
        let about = if records.is_empty() {
            String::new()
        } else {
            format!(" ({})", records.join(", "))
        };
        let notes = format!(
            "{proposed} {}: {}{about}",
            self.input.as_of,
            codes.join(", ")
        );
        let yaml = ActivityYaml {
            id: &new_id,
            plan: &self.plan_id,
            goal: Some(&goal),
            title: &title,
            owner: Some(lang.pick(
                "Informationssäkerhetssamordnare",
                "Information security coordinator",
            )),
            unit: None,
            due: &due.to_string(),
            status: ActivityStatus::Planned,
            carried_over_from: &[],
            addresses: &addresses,
            notes: Some(&notes),
        }
        .text();
        self.add_goal(&goal, &goal_title);
        Proposal {
            area: format!("{area:?}").to_uppercase(),
            area_title: area.title(lang).to_owned(),
            title,
            goal,
            goal_title,
            errors,
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
            codes,
            records,
            path: format!("activities/{}/{new_id}.yaml", self.year),
            new_id,
            due: due.to_string(),
            yaml: fenced("yaml", &yaml),
            findings: found.into_iter().map(JsonFinding::from).collect(),
        }
    }
}
