//! `isms report plan`: a draft action plan for next year (the as-of year + 1), ready to be
//! edited into `plans/` and `activities/`.
//!
//! It carries over every unfinished activity (planned, in progress, postponed) of the
//! current plan, and of earlier plans unless a later plan already took it up, marking those
//! carried over before and how often; and it proposes one activity per area of the
//! catalogue with open gaps. Each comes with a YAML record to paste in.
//!
//! An earlier plan's activity counts as taken up when an activity of a later plan lists
//! that plan in `carried_over_from` and shares an `addresses` finding, or has the same
//! goal and unit, or the same title.

use serde::Serialize;

use super::Header;
use super::charts::{self, Task, TaskState};
use super::facts::Input;
use super::labels::pick;
use super::markdown::fenced;
use super::rows::{ActivityRow, activity_row};
use crate::config::Language;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::*;
use crate::render::json::Finding;
use crate::repo::Rec;
use crate::rules::Area;

#[derive(Debug, Clone, Serialize)]
pub struct Carried {
    #[serde(flatten)]
    pub activity: ActivityRow,
    /// The plan it comes from.
    pub plan: String,
    pub plan_year: i16,
    /// How many plans carried it over before (its `carried_over_from`).
    pub times_before: usize,
    /// True when it was carried over before: carrying it again makes it a repeat (PLAN003).
    pub repeated: bool,
    /// Why an earlier plan's activity is listed, empty for the current plan's.
    pub note: String,
    pub new_id: String,
    pub new_due: String,
    pub path: String,
    /// The activity record for next year's plan, as a fenced YAML block.
    pub yaml: String,
}

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
    pub findings: Vec<Finding<'a>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GoalRow {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Charts {
    pub gantt: Option<String>,
}

/// The draft plan's data.
#[derive(Clone, Serialize)]
pub struct Draft<'a> {
    #[serde(flatten)]
    pub header: Header,
    pub year: i16,
    pub plan_id: String,
    pub plan_title: String,
    /// The current year's plan, if there is one.
    pub current_plan: String,
    /// A plan for next year already in the repository, if any.
    pub existing_plan: String,
    pub carried: Vec<Carried>,
    pub repeated: usize,
    pub proposals: Vec<Proposal<'a>>,
    pub goals: Vec<GoalRow>,
    pub plan_path: String,
    pub plan_yaml: String,
    pub charts: Charts,
}

const UNFINISHED: [ActivityStatus; 3] = [
    ActivityStatus::Planned,
    ActivityStatus::InProgress,
    ActivityStatus::Postponed,
];

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
        Area::Rec => ("poster", "records"),
    };
    pick(lang, sv, en)
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
        Area::Rec => ("", "", "", ""),
    }
}

/// A YAML scalar: plain when it is a simple word, else a double-quoted string (a JSON
/// string is a valid YAML double-quoted scalar).
fn scalar(s: &str) -> String {
    const SPECIAL: &[&str] = &[
        "true", "false", "null", "yes", "no", "on", "off", "y", "n", "~",
    ];
    let plain = s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        && !SPECIAL.contains(&s.to_ascii_lowercase().as_str());
    if plain {
        s.to_owned()
    } else {
        serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
    }
}

fn list(items: &[String]) -> String {
    format!(
        "[{}]",
        items
            .iter()
            .map(|s| scalar(s))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// The activity record as YAML lines; `None` fields are left out.
#[allow(clippy::too_many_arguments)]
fn activity_yaml(
    id: &str,
    plan: &str,
    goal: Option<&str>,
    title: &str,
    owner: Option<&str>,
    unit: Option<&str>,
    due: &str,
    status: ActivityStatus,
    carried: &[String],
    addresses: &[String],
    notes: Option<&str>,
) -> String {
    let mut y = format!(
        "kind: activity\nid: {}\nplan: {}\n",
        scalar(id),
        scalar(plan)
    );
    if let Some(g) = goal {
        y += &format!("goal: {}\n", scalar(g));
    }
    y += &format!("title: {}\n", scalar(title));
    if let Some(o) = owner.filter(|o| !o.is_empty()) {
        y += &format!("owner: {}\n", scalar(o));
    }
    if let Some(u) = unit {
        y += &format!("unit: {}\n", scalar(u));
    }
    y += &format!("due: {due}\nstatus: {}\n", status.as_str());
    if !carried.is_empty() {
        y += &format!("carried_over_from: {}\n", list(carried));
    }
    if !addresses.is_empty() {
        y += &format!("addresses: {}\n", list(addresses));
    }
    if let Some(n) = notes {
        y += &format!("notes: {}\n", scalar(n));
    }
    y
}

/// Whether an earlier plan's activity was taken up by an activity of a later plan.
fn taken_up(input: &Input<'_>, a: &Activity, plan: &Plan) -> bool {
    input.repo.activities.iter().any(|b| {
        let later = input.repo.plan(&b.plan).is_some_and(|p| p.year > plan.year);
        let from_it = b
            .carried_over_from
            .iter()
            .any(|p| p.eq_ignore_ascii_case(&plan.id));
        let shares_finding = a
            .addresses
            .iter()
            .any(|f| b.addresses.iter().any(|g| g.eq_ignore_ascii_case(f)));
        let same = |x: &Option<String>, y: &Option<String>| {
            matches!((x, y), (Some(x), Some(y)) if x.eq_ignore_ascii_case(y))
        };
        let same_goal_unit = same(&a.goal, &b.goal) && same(&a.unit, &b.unit);
        let same_title = a.title.trim().eq_ignore_ascii_case(b.title.trim());
        later && from_it && (shares_finding || same_goal_unit || same_title)
    })
}

/// Ids `act-YYYY-NN` not yet used, in order.
struct Ids<'r> {
    year: i16,
    next: u32,
    repo: &'r crate::repo::Repository,
}

impl Ids<'_> {
    fn take(&mut self) -> String {
        loop {
            self.next += 1;
            let id = format!("act-{}-{:02}", self.year, self.next);
            if !self.repo.exists(Kind::Activity, &id) {
                return id;
            }
        }
    }
}

pub fn build<'a>(input: &'a Input<'_>) -> Draft<'a> {
    let lang = input.lang;
    let this_year = input.as_of.year();
    let year = this_year + 1;
    let current = input.current_plans();
    let current_plan = current.first().map(|p| p.id.clone()).unwrap_or_default();
    let plan_id = current
        .first()
        .filter(|p| p.id.contains(&this_year.to_string()))
        .map(|p| p.id.replace(&this_year.to_string(), &year.to_string()))
        .unwrap_or_else(|| format!("handlingsplan-{year}"));
    let plan_title = current
        .first()
        .and_then(|p| p.title.as_deref())
        .filter(|t| t.contains(&this_year.to_string()))
        .map(|t| t.replace(&this_year.to_string(), &year.to_string()))
        .unwrap_or_else(|| match lang {
            Language::Sv => format!("Handlingsplan för informationssäkerhet {year}"),
            Language::En => format!("Information security action plan {year}"),
        });
    let existing_plan = input
        .repo
        .plans
        .iter()
        .find(|p| p.year == year)
        .map(|p| p.id.clone())
        .unwrap_or_default();
    let mut ids = Ids {
        year,
        next: 0,
        repo: input.repo,
    };
    let mut goals: Vec<GoalRow> = Vec::new();
    fn add_goal(goals: &mut Vec<GoalRow>, id: &str, title: &str) {
        if !goals.iter().any(|g| g.id.eq_ignore_ascii_case(id)) {
            goals.push(GoalRow {
                id: id.to_owned(),
                title: title.to_owned(),
            });
        }
    }

    // Unfinished activities: the current plan's first, then earlier plans' not taken up.
    let mut sources: Vec<(&Rec<Plan>, &Rec<Activity>)> = Vec::new();
    let mut plans: Vec<&Rec<Plan>> = input
        .repo
        .plans
        .iter()
        .filter(|p| p.year <= this_year)
        .collect();
    plans.sort_by(|a, b| b.year.cmp(&a.year).then(a.id.cmp(&b.id)));
    for p in &plans {
        for a in input.activities_of(&[p]) {
            if !UNFINISHED.contains(&a.status) {
                continue;
            }
            if p.year < this_year && taken_up(input, a, p) {
                continue;
            }
            sources.push((p, a));
        }
    }
    let first_half = Date::new(year, 6, 30).unwrap_or(input.as_of);
    let year_end = Date::new(year, 12, 31).unwrap_or(input.as_of);
    let year_start = Date::new(year, 1, 1).unwrap_or(input.as_of);
    let mut carried = Vec::new();
    for (p, a) in sources {
        let row = activity_row(input, a);
        if let Some(g) = a.goal.as_deref() {
            let title = p
                .goals
                .iter()
                .find(|x| x.id.eq_ignore_ascii_case(g))
                .and_then(|x| x.title.clone())
                .unwrap_or_else(|| g.to_owned());
            add_goal(&mut goals, g, &title);
        }
        let new_id = ids.take();
        // A due date already in next year stands; anything older is due by midsummer.
        let new_due = a.due.filter(|d| *d >= year_start).unwrap_or(first_half);
        let mut from = a.carried_over_from.clone();
        if !from.iter().any(|x| x.eq_ignore_ascii_case(&p.id)) {
            from.push(p.id.clone());
        }
        let status = if a.status == ActivityStatus::InProgress {
            ActivityStatus::InProgress
        } else {
            ActivityStatus::Planned
        };
        let yaml = activity_yaml(
            &new_id,
            &plan_id,
            a.goal.as_deref(),
            &a.title,
            a.owner.as_deref(),
            a.unit.as_deref(),
            &new_due.to_string(),
            status,
            &from,
            &a.addresses,
            None,
        );
        let note = if p.year < this_year {
            match (a.status, lang) {
                (ActivityStatus::Postponed, Language::Sv) => {
                    format!("uppskjuten i {} men inte upptagen i en senare plan", p.id)
                }
                (ActivityStatus::Postponed, Language::En) => {
                    format!("postponed in {} but not taken up by a later plan", p.id)
                }
                (_, Language::Sv) => format!("fortfarande öppen i {}", p.id),
                (_, Language::En) => format!("still open in {}", p.id),
            }
        } else {
            String::new()
        };
        carried.push(Carried {
            times_before: a.carried_over_from.len(),
            repeated: !a.carried_over_from.is_empty(),
            plan: p.id.clone(),
            plan_year: p.year,
            note,
            path: format!("activities/{year}/{new_id}.yaml"),
            new_id,
            new_due: new_due.to_string(),
            yaml: fenced("yaml", &yaml),
            activity: row,
        });
    }

    // One proposal per area with open gaps; record problems are fixed in the records, not planned.
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
    let owner = pick(
        lang,
        "Informationssäkerhetssamordnare",
        "Information security coordinator",
    );
    let mut proposals = Vec::new();
    for (area, mut found) in areas {
        found.sort_by_key(|d| std::cmp::Reverse(d.severity));
        let (sv, en, goal_sv, goal_en) = area_texts(area);
        let title = pick(lang, sv, en).to_owned();
        let goal_title_new = pick(lang, goal_sv, goal_en);
        let goal_id_new = area_goal_id(area, lang);
        // An existing goal with the same id or title is the same goal.
        let (goal, goal_title) = goals
            .iter()
            .find(|g| {
                g.id.eq_ignore_ascii_case(goal_id_new)
                    || g.title.trim().eq_ignore_ascii_case(goal_title_new)
            })
            .map(|g| (g.id.clone(), g.title.clone()))
            .unwrap_or_else(|| (goal_id_new.to_owned(), goal_title_new.to_owned()));
        let count = |s: Severity| found.iter().filter(|d| d.severity == s).count();
        let errors = count(Severity::Error);
        let mut codes: Vec<String> = found.iter().map(|d| d.code.to_owned()).collect();
        codes.sort();
        codes.dedup();
        let mut records: Vec<String> = found.iter().filter_map(|d| d.id.clone()).collect();
        records.sort();
        records.dedup();
        let addresses: Vec<String> = found
            .iter()
            .filter(|d| d.kind == Some(Kind::Finding))
            .filter_map(|d| d.id.clone())
            .collect();
        let due = if errors > 0 { first_half } else { year_end };
        let new_id = ids.take();
        let proposed = match lang {
            Language::Sv => "Föreslagen av isms",
            Language::En => "Proposed by isms",
        };
        let about = if records.is_empty() {
            String::new()
        } else {
            format!(" ({})", records.join(", "))
        };
        let notes = format!("{proposed} {}: {}{about}", input.as_of, codes.join(", "));
        let yaml = activity_yaml(
            &new_id,
            &plan_id,
            Some(&goal),
            &title,
            Some(owner),
            None,
            &due.to_string(),
            ActivityStatus::Planned,
            &[],
            &addresses,
            Some(&notes),
        );
        add_goal(&mut goals, &goal, &goal_title);
        proposals.push(Proposal {
            area: format!("{area:?}").to_uppercase(),
            area_title: match lang {
                Language::Sv => area.title_sv(),
                Language::En => area.title(),
            }
            .to_owned(),
            title,
            goal,
            goal_title,
            errors,
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
            codes,
            records,
            path: format!("activities/{year}/{new_id}.yaml"),
            new_id,
            due: due.to_string(),
            yaml: fenced("yaml", &yaml),
            findings: found.into_iter().map(Finding::from).collect(),
        });
    }

    let mut plan_yaml = format!(
        "kind: plan\nid: {}\nyear: {year}\ntitle: {}\n{}\n",
        scalar(&plan_id),
        scalar(&plan_title),
        pick(
            lang,
            "# decided, decided_by och decision_ref fylls i när kommunstyrelsen har beslutat planen",
            "# decided, decided_by and decision_ref are filled in once the executive board has decided the plan",
        ),
    );
    if goals.is_empty() {
        plan_yaml += "goals: []\n";
    } else {
        plan_yaml += "goals:\n";
        for g in &goals {
            plan_yaml += &format!(
                "  - id: {}\n    title: {}\n",
                scalar(&g.id),
                scalar(&g.title)
            );
        }
    }

    let tasks: Vec<Task> = carried
        .iter()
        .map(|c| Task {
            section: pick(lang, "Överförda aktiviteter", "Carried over").to_owned(),
            name: format!("{} {}", c.new_id, c.activity.title),
            start: year_start,
            end: Date::parse(&c.new_due).unwrap_or(year_end),
            state: if c.activity.status == "in_progress" {
                TaskState::Active
            } else {
                TaskState::Planned
            },
        })
        .chain(proposals.iter().map(|p| Task {
            section: pick(lang, "Föreslagna aktiviteter", "Proposed").to_owned(),
            name: format!("{} {}", p.new_id, p.title),
            start: year_start,
            end: Date::parse(&p.due).unwrap_or(year_end),
            state: TaskState::Planned,
        }))
        .collect();

    Draft {
        header: Header::new(input, "plan"),
        year,
        plan_path: format!("plans/{year}.yaml"),
        plan_yaml: fenced("yaml", &plan_yaml),
        plan_id,
        plan_title,
        current_plan,
        existing_plan,
        repeated: carried.iter().filter(|c| c.repeated).count(),
        carried,
        proposals,
        goals,
        charts: Charts {
            gantt: charts::gantt(
                &format!(
                    "{} {year}",
                    pick(lang, "Utkast till handlingsplan", "Draft action plan")
                ),
                &tasks,
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_scalars_are_quoted_when_needed() {
        assert_eq!(scalar("act-2027-01"), "act-2027-01");
        assert_eq!(scalar("yes"), "\"yes\"");
        assert_eq!(scalar("Titel: med kolon"), "\"Titel: med kolon\"");
        assert_eq!(scalar("Rad\ntvå \"citat\""), "\"Rad\\ntvå \\\"citat\\\"\"");
        assert_eq!(scalar("2027"), "\"2027\"");
    }
}
