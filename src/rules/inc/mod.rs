//! Incidents (INC): notification deadlines under GDPR and the NIS/cybersecurity law,
//! root cause and lessons, incidents left open, follow-up of serious incidents.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::{Context, area_rules};

area_rules! {
    late_breach_notification::LateBreachNotification,
    late_significant_incident_report::LateSignificantIncidentReport,
    closed_incident_without_lessons::ClosedIncidentWithoutLessons,
    long_open_incident::LongOpenIncident,
    serious_incident_without_follow_up::SeriousIncidentWithoutFollowUp,
}

pub use closed_incident_without_lessons::{MissingAnalysis, missing_analysis};
pub use late_breach_notification::{LateBreach, late_breach};
pub use late_significant_incident_report::{ReportShortfall, late_reports};
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

/// The time from `from` to `to` in words: `98 h`, `72 h 30 min`, or whole days (`40 days`)
/// when `days` is set.
pub(crate) fn elapsed(from: Timestamp, to: Timestamp, days: bool) -> String {
    let minutes = (to.as_second() - from.as_second()).max(0) / 60;
    if days {
        return super::plural(minutes / (24 * 60), "day", "days");
    }
    match (minutes / 60, minutes % 60) {
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
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
    fn elapsed_in_words() {
        let tz = TimeZone::UTC;
        let from = at("2023-05-02T09:30Z", &tz);
        assert_eq!(elapsed(from, at("2023-05-06T11:30Z", &tz), false), "98 h");
        assert_eq!(
            elapsed(from, at("2023-05-05T10:00Z", &tz), false),
            "72 h 30 min"
        );
        assert_eq!(elapsed(from, at("2023-06-03T09:30Z", &tz), true), "32 days");
        assert_eq!(elapsed(from, from, true), "0 days");
    }

    #[test]
    fn blank_text() {
        assert!(is_blank(None));
        assert!(is_blank(Some("  \n")));
        assert!(!is_blank(Some("Stulna uppgifter")));
    }
}
