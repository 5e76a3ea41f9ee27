use jiff::Timestamp;

use crate::model::{Incident, Notification, NotificationKind};
use crate::registry::{DeadlineStart, NotificationStage, Regime, ReportingDeadline};
use crate::rules::{Context, Rule, Sink, declare_rule};

use super::{Elapsed, add_span, allowed, arg_allowed, end_of_as_of_day, local};

declare_rule! {
    /// ## What it does
    /// Finds significant incidents (`significant: true`, whatever their `type`) reported late
    /// under the reporting regime in force on the day they were detected. The regimes and
    /// their deadlines are registry data with effective dates (`isms registry`):
    ///
    /// - detected 2018-08-01 to 2019-02-28: the NIS law (2018:1174, 20 §) alone, which asked
    ///   for reports "without undue delay" and set no hour limit: not judged;
    /// - detected 2019-03-01 to 2026-01-14: the NIS law with MSBFS 2018:9 (decided
    ///   2018-12-18, in force 2019-03-01) — a first report to MSB (CERT-SE; MCF from
    ///   2026-01-01) within 6 h of detection. The supplementary report within 24 h and the
    ///   final report within four weeks rest on secondary sources (MSB's guidance) and are
    ///   not checked;
    /// - detected from 2026-01-15: the cybersecurity law (2025:1506) and ordinance
    ///   (2025:1507), both issued 2025-12-11 — an early warning within 24 h and an incident
    ///   notification within 72 h of detection, and a final report within one month of the
    ///   incident notification, to the CSIRT: CERT-SE at MCF, and from 2026-07-01 the
    ///   national cyber security centre (NCSC) at FRA, which took over CERT-SE's tasks (SFS
    ///   2026:623 per secondary sources). A report to any of them counts.
    ///
    /// Every clock starts when the organisation became aware of the incident, read as its
    /// `detected` time (MSBFS 2018:9 counts from when the incident was identified as
    /// reportable, which records do not capture: this can only make isms stricter).
    ///
    /// Each deadline is met by the first notification whose `to` is one of the regime's
    /// recipients and whose `kind` is the report's (`early_warning`, `initial`, `final`) or a
    /// later one's: an incident notification sent within 24 h gives the early warning too,
    /// as it carries all the early warning would. A notification without `kind` counts as
    /// `initial`. A report sent after its deadline
    /// is reported at its `at`; reports missing once their deadline has passed are reported
    /// together at `detected`. The final report's clock starts when the incident
    /// notification was actually sent, so it is judged only once that has been sent. The
    /// as-of date counts as the whole day, and a deadline met to the minute is in time.
    /// Notifications dated after the as-of day are not known yet on that day and do not
    /// count, so a past day is reproduced as it was.
    ///
    /// ## Why it matters
    /// Providers of essential services must report significant incidents to the national
    /// CSIRT so that others can be warned and helped; late reporting is a breach of the law
    /// that the supervisory authority can sanction, and auditors check the incident routine
    /// against it. The regime changed on 2026-01-15, so an incident is judged by the law in
    /// force when it was detected, not by today's.
    ///
    /// ## Example
    /// ```yaml
    /// kind: incident
    /// id: INC-2026-003
    /// type: nis
    /// detected: 2026-02-02T08:00
    /// significant: true
    /// notifications:
    ///   - to: cert_se
    ///     kind: early_warning
    ///     at: 2026-02-03T14:00   # 30 h after detection: error
    ///   - to: cert_se
    ///     kind: initial
    ///     at: 2026-02-04T16:00
    /// ```
    /// Not reported: the same incident with the early warning at `2026-02-03T08:00`, or an
    /// incident with `significant: false`.
    ///
    /// ## How to fix
    /// Send the missing reports and record each under `notifications` with its `kind`. For a
    /// late report, record the reasons in `notes`; an incident that turned out not to be
    /// significant is marked `significant: false`.
    ///
    /// ## References
    /// - Cybersäkerhetslag (2025:1506) 2 kap. 5-8 §§; cybersäkerhetsförordning (2025:1507) 6 §
    /// - Directive (EU) 2022/2555 (NIS2), art. 23
    /// - Lag (2018:1174) om informationssäkerhet för samhällsviktiga och digitala tjänster; MSBFS 2018:9
    /// - ISO/IEC 27001:2022, A.5.24–A.5.26
    pub struct LateSignificantIncidentReport {
        code: "INC002",
        name: "late-significant-incident-report",
        severity: Error,
        summary: "significant incident reported late under the NIS / cybersecurity law regime in force when it was detected",
    }
}

fn report_kind(n: &Notification) -> NotificationStage {
    match n.kind {
        Some(NotificationKind::EarlyWarning) => NotificationStage::EarlyWarning,
        Some(NotificationKind::Final) => NotificationStage::Final,
        Some(NotificationKind::Initial) | None => NotificationStage::Initial,
    }
}

/// The order of the reports: a later one carries what an earlier one would have.
fn stage(kind: NotificationStage) -> u8 {
    match kind {
        NotificationStage::EarlyWarning => 0,
        NotificationStage::Initial => 1,
        NotificationStage::Final => 2,
    }
}

/// How a deadline's start is named in the figures: `detection` or `initial`.
fn counted_from(start: DeadlineStart) -> &'static str {
    match start {
        DeadlineStart::Detection => "detection",
        DeadlineStart::Initial => "initial",
    }
}

/// The figures of the missing reports, by position: INC002's templates name up to three
/// (a regime has one deadline per stage).
const MISSING_FIGURES: [[&str; 5]; 3] = [
    [
        "report_1",
        "deadline_1",
        "deadline_unit_1",
        "counted_from_1",
        "due_1",
    ],
    [
        "report_2",
        "deadline_2",
        "deadline_unit_2",
        "counted_from_2",
        "due_2",
    ],
    [
        "report_3",
        "deadline_3",
        "deadline_unit_3",
        "counted_from_3",
        "due_3",
    ],
];

/// `Incident reporting under ...` → `incident reporting under ...`, for use mid-sentence.
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}

/// A report INC002 finds late or missing.
#[derive(Debug, Clone, Copy)]
pub enum ReportShortfall {
    /// The first report of the kind (or of a later stage) was sent after its deadline.
    Late {
        deadline: &'static ReportingDeadline,
        /// When the deadline's clock started.
        start: Timestamp,
        /// The report: index in `notifications`, time sent.
        index: usize,
        at: Timestamp,
    },
    /// No report of the kind known by the as-of day, and its deadline has passed.
    Missing {
        deadline: &'static ReportingDeadline,
        due: Timestamp,
    },
}

impl ReportShortfall {
    pub fn deadline(&self) -> &'static ReportingDeadline {
        match self {
            ReportShortfall::Late { deadline, .. } | ReportShortfall::Missing { deadline, .. } => {
                deadline
            }
        }
    }
}

/// The first report of `kind` or of a later stage that `inc` records to one of `regime`'s
/// recipients by the end of the as-of day: its index in `notifications` and when it was
/// sent. An incident notification sent within 24 h also gives the early warning (NIS2 art.
/// 23(4): the notification updates the early warning's information, and may come with it).
/// INC002 judges each deadline by it; `isms report nis2` shows it as the report sent.
pub fn first_report(
    cx: &Context<'_>,
    regime: &Regime,
    inc: &Incident,
    kind: NotificationStage,
) -> Option<(usize, Timestamp)> {
    let end_of_day = end_of_as_of_day(cx);
    inc.notifications
        .iter()
        .enumerate()
        .filter(|(_, n)| {
            stage(report_kind(n)) >= stage(kind)
                && regime.recipients.iter().any(|r| r == n.to.as_str())
        })
        .map(|(i, n)| (i, n.at.instant(&cx.tz)))
        .filter(|(_, at)| *at < end_of_day)
        .min_by_key(|(_, at)| *at)
}

/// The reports INC002 finds late or missing for incident `inc` under the regime in force
/// on its detection date, in the regime's order of deadlines: the regime and the
/// shortfalls, or `None` when the incident is not significant, no regime applies or every
/// report is in time. The audit report's "reported in time" is this.
pub fn late_reports(
    cx: &Context<'_>,
    inc: &Incident,
) -> Option<(&'static Regime, Vec<ReportShortfall>)> {
    if !inc.significant {
        return None;
    }
    let end_of_day = end_of_as_of_day(cx);
    let detected_on = inc.detected.date(&cx.tz);
    let regime = cx
        .registry
        .regime_for("significant_incident", detected_on.0)?;
    let first_of = |kind: NotificationStage| first_report(cx, regime, inc, kind);
    let detected = inc.detected.instant(&cx.tz);
    let initial_sent = first_of(NotificationStage::Initial).map(|(_, at)| at);
    let mut shortfalls = Vec::new();
    for deadline in &regime.deadlines {
        let start = match deadline.from {
            DeadlineStart::Detection => detected,
            // Not sent yet: the initial deadline itself reports that.
            DeadlineStart::Initial => match initial_sent {
                Some(t) => t,
                None => continue,
            },
        };
        let due = add_span(start, deadline.within(), &cx.tz);
        match first_of(deadline.kind) {
            Some((index, at)) if at > due => shortfalls.push(ReportShortfall::Late {
                deadline,
                start,
                index,
                at,
            }),
            Some(_) => {}
            None if due < end_of_day => shortfalls.push(ReportShortfall::Missing { deadline, due }),
            None => {}
        }
    }
    (!shortfalls.is_empty()).then_some((regime, shortfalls))
}

impl Rule for LateSignificantIncidentReport {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let lang = cx.config.language;
        for inc in &cx.repo.incidents {
            let Some((regime, shortfalls)) = late_reports(cx, inc) else {
                continue;
            };
            // The registry names each regime in both languages; the message says the name
            // in the run's language.
            let regime_name = lower_first(regime.name.get(lang));
            let mut missing = Vec::new();
            for shortfall in shortfalls {
                let deadline = shortfall.deadline();
                match shortfall {
                    ReportShortfall::Late {
                        start, index, at, ..
                    } => {
                        let d = sink
                            .record(inc, &format!("/notifications/{index}/at"))
                            .with_subject(deadline.kind.as_str())
                            .arg("title", &inc.title)
                            .arg("counted_from", counted_from(deadline.from))
                            .arg("regime", regime.id.as_str())
                            .arg("regime_name", regime_name.as_str());
                        arg_allowed(d, deadline);
                        Elapsed::between(start, at, deadline.months.is_some()).arg(d);
                    }
                    ReportShortfall::Missing { due, .. } => missing.push((deadline, due)),
                }
            }
            if missing.is_empty() {
                continue;
            }
            // One finding for every report still missing: sending one of them keeps the
            // gap, and a late one is its own finding.
            let d = sink
                .record(inc, "/detected")
                .says("INC002-missing")
                .with_subject("missing")
                .arg("title", &inc.title)
                .arg("detected", inc.detected.to_string())
                .arg("reports", missing.len())
                .arg("authority", regime.authority_on(cx.as_of.0))
                .arg("recipients", regime.recipients.clone())
                .arg("regime", regime.id.as_str())
                .arg("regime_name", regime_name.as_str());
            for ((deadline, due), names) in missing.into_iter().zip(MISSING_FIGURES) {
                let [report, amount, unit, from, by] = names;
                let (within, within_unit) = allowed(deadline);
                d.arg(report, deadline.kind.as_str())
                    .arg(amount, within)
                    .arg(unit, within_unit)
                    .arg(from, counted_from(deadline.from))
                    .arg(by, local(due, &cx.tz));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::MISSING_FIGURES;
    use crate::config::Language;
    use crate::l10n::{Args, Value};

    /// Today's regimes miss at most two reports at once (a final report is judged only once
    /// the incident notification was sent); the templates say a third one too, should a
    /// regime start every clock at detection.
    #[test]
    fn three_missing_reports_are_said_in_both_languages() {
        let mut args: Args = vec![
            ("id", "inc-1".into()),
            ("title", "Intrång".into()),
            ("detected", "2026-02-01T10:00".into()),
            ("reports", 3.into()),
            ("authority", "cert_se".into()),
            (
                "recipients",
                Value::List(vec!["cert_se".into(), "mcf".into()]),
            ),
            ("regime", "cybersecurity-2026".into()),
            ("regime_name", "incident reporting".into()),
        ];
        let reports = [("early_warning", 24), ("initial", 72), ("final", 1)];
        for ((report, within), names) in reports.into_iter().zip(MISSING_FIGURES) {
            let unit = if report == "final" { "months" } else { "hours" };
            args.extend([
                (names[0], report.into()),
                (names[1], within.into()),
                (names[2], unit.into()),
                (names[3], "detection".into()),
                (names[4], "2026-03-01 10:00".into()),
            ]);
        }
        let catalogue = crate::rules::messages();
        for lang in [Language::En, Language::Sv] {
            assert_eq!(
                catalogue.errors(lang, "INC002-missing", None, &args),
                Vec::<String>::new()
            );
        }
        let en = catalogue.format(Language::En, "INC002-missing", None, &args);
        assert_eq!(
            en.as_deref(),
            Some(
                "significant incident `inc-1` detected 2026-02-01T10:00 has no early warning \
                 (due within 24 h of detection, by 2026-03-01 10:00) and no incident notification \
                 (due within 72 h of detection, by 2026-03-01 10:00) and no final report (due \
                 within 1 month of detection, by 2026-03-01 10:00) to cert_se, mcf, as incident \
                 reporting requires"
            )
        );
        let sv = catalogue.format(Language::Sv, "INC002-missing", None, &args);
        assert!(
            sv.as_deref().is_some_and(|s| s.contains(
                "har varken tidig varning (inom 24 timmar från upptäckten, senast 2026-03-01 10:00), \
                 incidentanmälan (inom 72 timmar från upptäckten, senast 2026-03-01 10:00) eller \
                 slutrapport (inom en månad från upptäckten, senast 2026-03-01 10:00) skickats"
            )),
            "{sv:?}"
        );
    }
}
