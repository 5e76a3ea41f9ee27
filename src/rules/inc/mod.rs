//! Incidents (INC): notification deadlines under GDPR and the NIS/cybersecurity law,
//! root cause and lessons, incidents left open, follow-up of serious incidents.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::{Context, area_rules};
use crate::diagnostic::Diagnostic;
use crate::registry::ReportingDeadline;

area_rules! {
    late_breach_notification::LateBreachNotification,
    late_significant_incident_report::LateSignificantIncidentReport,
    closed_incident_without_lessons::ClosedIncidentWithoutLessons,
    long_open_incident::LongOpenIncident,
    serious_incident_without_follow_up::SeriousIncidentWithoutFollowUp,
}

pub use closed_incident_without_lessons::{MissingAnalysis, missing_analysis};
pub use late_breach_notification::{LateBreach, late_breach};
pub use late_significant_incident_report::{ReportShortfall, first_report, late_reports};
pub use long_open_incident::days_open_too_long;

/// The end of the as-of day: midnight that starts the next day, in the configured zone.
///
/// A deadline counts as passed when it falls before this instant, so the as-of date is
/// taken as the whole day (running `--as-of` on the day a deadline runs out at 09:30 reports
/// the missing notification, whatever the clock says).
pub(crate) fn end_of_as_of_day(cx: &Context<'_>) -> Timestamp {
    cx.as_of.plus_days(1).start_in(&cx.tz)
}

/// `start` plus a registry deadline span: hours are elapsed time, months are calendar
/// months in the configured zone.
pub(crate) fn add_span(start: Timestamp, span: jiff::Span, tz: &TimeZone) -> Timestamp {
    start
        .to_zoned_datetime(tz.clone())
        .checked_add(span)
        .map(|z| z.timestamp())
        .unwrap_or(Timestamp::MAX)
}

/// A local time for messages: `2023-05-05 09:30`.
pub(crate) fn local(t: Timestamp, tz: &TimeZone) -> String {
    t.to_zoned_datetime(tz.clone())
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}

/// The time a registry deadline allows as a count and its unit (`hours` or `months`), the
/// figures a message says it with (`72 h`, `1 month`).
pub(crate) fn allowed(deadline: &ReportingDeadline) -> (i64, &'static str) {
    match (deadline.hours, deadline.months) {
        (_, Some(months)) => (months.into(), "months"),
        (hours, None) => (hours.unwrap_or(0).into(), "hours"),
    }
}

/// Adds the time `deadline` allows to a finding: `deadline` and `deadline_unit`.
pub(crate) fn arg_allowed(d: &mut Diagnostic, deadline: &ReportingDeadline) {
    let (amount, unit) = allowed(deadline);
    d.arg("deadline", amount).arg("deadline_unit", unit);
}

/// The time from one instant to a later one, as a message says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Elapsed {
    /// Whole days, for deadlines counted in months.
    Days(i64),
    /// Hours and the minutes beyond them.
    Hours { hours: i64, minutes: i64 },
}

impl Elapsed {
    /// The time from `from` to `to`: whole days when `days` is set, else hours and minutes.
    pub(crate) fn between(from: Timestamp, to: Timestamp, days: bool) -> Elapsed {
        let minutes = (to.as_second() - from.as_second()).max(0) / 60;
        if days {
            return Elapsed::Days(minutes / (24 * 60));
        }
        Elapsed::Hours {
            hours: minutes / 60,
            minutes: minutes % 60,
        }
    }

    /// Adds the time to a finding: `elapsed_days`, or `elapsed_hours` and `elapsed_minutes`.
    pub(crate) fn arg(self, d: &mut Diagnostic) {
        match self {
            Elapsed::Days(days) => {
                d.arg("elapsed_days", days);
            }
            Elapsed::Hours { hours, minutes } => {
                d.arg("elapsed_hours", hours)
                    .arg("elapsed_minutes", minutes);
            }
        }
    }
}

/// Whether an optional text is missing or holds only whitespace.
pub(crate) fn is_blank(text: Option<&str>) -> bool {
    text.is_none_or(|t| t.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DateTime;

    fn at(s: &str, tz: &TimeZone) -> Timestamp {
        DateTime::parse(s).expect("date-time").instant(tz)
    }

    #[test]
    fn hours_are_elapsed_time_across_a_clock_change() {
        let tz = crate::config::zone("Europe/Stockholm").expect("zone");
        // Clocks go forward on 2023-03-26: 72 h after 10:00 on the 24th is 11:00 on the 27th.
        let due = add_span(
            at("2023-03-24T10:00", &tz),
            jiff::Span::new().hours(72),
            &tz,
        );
        assert_eq!(local(due, &tz), "2023-03-27 11:00");
    }

    #[test]
    fn months_are_calendar_months() {
        let tz = crate::config::zone("Europe/Stockholm").expect("zone");
        let due = add_span(
            at("2026-01-31T12:00", &tz),
            jiff::Span::new().months(1),
            &tz,
        );
        assert_eq!(local(due, &tz), "2026-02-28 12:00");
    }

    #[test]
    fn elapsed_in_hours_and_minutes_or_days() {
        let tz = TimeZone::UTC;
        let from = at("2023-05-02T09:30Z", &tz);
        let hours = |to: &str| Elapsed::between(from, at(to, &tz), false);
        assert_eq!(
            hours("2023-05-06T11:30Z"),
            Elapsed::Hours {
                hours: 98,
                minutes: 0
            }
        );
        assert_eq!(
            hours("2023-05-05T10:00Z"),
            Elapsed::Hours {
                hours: 72,
                minutes: 30
            }
        );
        assert_eq!(
            Elapsed::between(from, at("2023-06-03T09:30Z", &tz), true),
            Elapsed::Days(32)
        );
        assert_eq!(Elapsed::between(from, from, true), Elapsed::Days(0));
    }

    #[test]
    fn deadlines_in_hours_or_months() {
        let registry = crate::registry::registry();
        let deadlines: Vec<(i64, &str)> = registry
            .regimes
            .iter()
            .flat_map(|r| &r.deadlines)
            .map(allowed)
            .collect();
        assert!(deadlines.contains(&(72, "hours")));
        assert!(deadlines.contains(&(1, "months")));
    }

    #[test]
    fn blank_text() {
        assert!(is_blank(None));
        assert!(is_blank(Some("  \n")));
        assert!(!is_blank(Some("Stulna uppgifter")));
    }
}
