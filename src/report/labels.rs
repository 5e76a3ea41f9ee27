//! The words of the reports in Swedish and English: record values (statuses, types,
//! severities) and the short names of the key figures.
//!
//! Record values keep their English identifiers in the data (`in_progress`); templates get
//! the label in the report's language next to them.

use crate::config::Language;

/// `(key, sv, en)`; keys are `group.value` as in the records.
const LABELS: &[(&str, &str, &str)] = &[
    ("activity.planned", "Planerad", "Planned"),
    ("activity.in_progress", "Pågår", "In progress"),
    ("activity.done", "Klar", "Done"),
    ("activity.postponed", "Uppskjuten", "Postponed"),
    ("activity.cancelled", "Avbruten", "Cancelled"),
    ("incident.it", "It-incident", "IT incident"),
    (
        "incident.personal_data",
        "Personuppgiftsincident",
        "Personal-data breach",
    ),
    ("incident.nis", "NIS-incident", "NIS incident"),
    (
        "incident.lost_equipment",
        "Förlorad utrustning",
        "Lost equipment",
    ),
    ("incident.other", "Övrigt", "Other"),
    ("incident_status.open", "Öppen", "Open"),
    ("incident_status.contained", "Begränsad", "Contained"),
    ("incident_status.closed", "Avslutad", "Closed"),
    ("severity.low", "Låg", "Low"),
    ("severity.medium", "Medel", "Medium"),
    ("severity.high", "Hög", "High"),
    ("severity.critical", "Kritisk", "Critical"),
    ("severity.none", "Ej angiven", "Not given"),
    ("finding.error", "Brist", "Error"),
    ("finding.warning", "Anmärkning", "Warning"),
    ("finding.info", "Upplysning", "Info"),
    ("finding_state.open", "Öppen", "Open"),
    ("finding_state.in_progress", "Pågår", "In progress"),
    ("finding_state.done", "Åtgärdad", "Done"),
    ("finding_state.rejected", "Avvisad", "Rejected"),
    (
        "evaluation.penetration_test",
        "Penetrationstest",
        "Penetration test",
    ),
    (
        "evaluation.vulnerability_scan",
        "Sårbarhetsskanning",
        "Vulnerability scan",
    ),
    (
        "evaluation.configuration_review",
        "Konfigurationsgranskning",
        "Configuration review",
    ),
    (
        "evaluation.red_team",
        "Red team-övning",
        "Red team exercise",
    ),
    ("evaluation.other", "Övrig granskning", "Other evaluation"),
    ("performer.external", "Extern", "External"),
    ("performer.internal", "Intern", "Internal"),
    ("eval_finding.open", "Öppen", "Open"),
    ("eval_finding.fixed", "Åtgärdad", "Fixed"),
    ("eval_finding.accepted", "Accepterad", "Accepted"),
    (
        "review.management_review",
        "Ledningens genomgång",
        "Management review",
    ),
    ("review.self_assessment", "Egenkontroll", "Self-assessment"),
    ("review.internal_audit", "Internrevision", "Internal audit"),
    (
        "review.external_audit",
        "Extern granskning",
        "External audit",
    ),
    ("review.infosakkollen", "Infosäkkollen", "Infosäkkollen"),
    (
        "body.municipal_council",
        "Kommunfullmäktige",
        "Municipal council",
    ),
    ("body.executive_board", "Kommunstyrelsen", "Executive board"),
    ("body.committee", "Nämnd", "Committee"),
    ("body.official", "Tjänsteperson", "Official"),
    ("unit.board", "Styrelse", "Board"),
    ("unit.committee", "Nämnd", "Committee"),
    ("unit.company", "Bolag", "Company"),
    ("unit.federation", "Förbund", "Federation"),
    ("unit.department", "Förvaltning", "Department"),
    ("treatment.undecided", "Ej beslutad", "Undecided"),
    ("treatment.accept", "Acceptera", "Accept"),
    ("treatment.mitigate", "Reducera", "Mitigate"),
    ("treatment.transfer", "Överför", "Transfer"),
    ("treatment.avoid", "Undvik", "Avoid"),
    ("risk_status.open", "Öppen", "Open"),
    ("risk_status.treated", "Behandlad", "Treated"),
    ("risk_status.accepted", "Accepterad", "Accepted"),
    ("risk_status.closed", "Stängd", "Closed"),
    ("exercise.tabletop", "Diskussionsövning", "Tabletop"),
    ("exercise.simulation", "Simulering", "Simulation"),
    ("exercise.live", "Fullskaleövning", "Live exercise"),
    ("exercise.restore_test", "Återläsningstest", "Restore test"),
    ("outcome.passed", "Godkänd", "Passed"),
    ("outcome.partial", "Delvis godkänd", "Partial"),
    ("outcome.failed", "Underkänd", "Failed"),
    ("outcome.none", "Ej angivet", "Not given"),
    ("training.course", "Kurs", "Course"),
    ("training.nano_learning", "Nano learning", "Nano learning"),
    ("training.briefing", "Genomgång", "Briefing"),
    (
        "training.phishing_simulation",
        "Nätfiskesimulering",
        "Phishing simulation",
    ),
    ("personal_data.none", "Inga", "None"),
    ("personal_data.ordinary", "Vanliga", "Ordinary"),
    ("personal_data.sensitive", "Känsliga", "Sensitive"),
    ("classification.current", "Aktuell", "Current"),
    ("classification.outdated", "Inaktuell", "Outdated"),
    ("classification.missing", "Saknas", "Missing"),
    (
        "role.information_security_coordinator",
        "Informationssäkerhetssamordnare",
        "Information security coordinator",
    ),
    (
        "role.it_security_coordinator",
        "It-säkerhetssamordnare",
        "IT security coordinator",
    ),
    ("role.security_chief", "Säkerhetschef", "Security chief"),
    (
        "role.data_protection_officer",
        "Dataskyddsombud",
        "Data protection officer",
    ),
    ("hosting.on_premises", "Egen drift", "On premises"),
    ("hosting.private_cloud", "Privat moln", "Private cloud"),
    ("hosting.public_cloud", "Publikt moln", "Public cloud"),
    ("hosting.saas", "SaaS", "SaaS"),
    ("hosting.external", "Extern drift", "External"),
    ("verdict.yes", "Ja", "Yes"),
    ("verdict.partly", "Delvis", "Partly"),
    ("verdict.no", "Nej", "No"),
];

/// The label of `group.value` in `lang`; an unknown key is shown as its value, so a new
/// enum value never breaks a report.
pub fn label(lang: Language, group: &str, value: &str) -> String {
    let key = format!("{group}.{value}");
    LABELS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, sv, en)| lang.pick(sv, en).to_owned())
        .unwrap_or_else(|| value.replace('_', " "))
}

/// Yes / no in the report's language.
pub fn yes_no(lang: Language, b: bool) -> String {
    if b {
        lang.pick("Ja", "Yes")
    } else {
        lang.pick("Nej", "No")
    }
    .to_owned()
}

/// The short name of audit question `n`'s key figure, for tables where the registry's full
/// description is too long.
pub fn key_figure_name(lang: Language, n: u8) -> &'static str {
    let (sv, en) = match n {
        1 => (
            "Aktuella obligatoriska styrdokument",
            "Current required steering documents",
        ),
        2 => (
            "Tillsatta roller och säkerhetsombud",
            "Key roles and representatives in place",
        ),
        3 => (
            "Planaktiviteter som följer planen",
            "Plan activities on track",
        ),
        4 => ("Genomförd utbildning", "Training completion"),
        5 => ("Enheter som följts upp", "Units followed up"),
        6 => (
            "Skyddsvärda tillgångar med aktuell klassning",
            "Protected assets with a current classification",
        ),
        7 => ("Åtgärder verifierade i tid", "Measures verified on time"),
        8 => (
            "Övervakning och intrångsdetektering",
            "Monitoring and intrusion detection",
        ),
        9 => (
            "Incidenter hanterade enligt standard",
            "Incidents handled to standard",
        ),
        10 => (
            "Kritiska tillgångar med övad kontinuitetsplan",
            "Critical assets with an exercised continuity plan",
        ),
        11 => ("Genomförda uppföljningar", "Required follow-ups done"),
        12 => ("Molntjänster i ordning", "Cloud services in order"),
        _ => ("Nyckeltal", "Key figure"),
    };
    lang.pick(sv, en)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_fallback() {
        assert_eq!(label(Language::Sv, "activity", "in_progress"), "Pågår");
        assert_eq!(
            label(Language::En, "activity", "in_progress"),
            "In progress"
        );
        assert_eq!(label(Language::En, "activity", "brand_new"), "brand new");
        assert_eq!(yes_no(Language::Sv, true), "Ja");
    }
}
