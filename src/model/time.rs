//! Dates and date-times as records write them.
//!
//! A date-time without an offset is local time in the configured time zone; it is kept as
//! written and resolved to an instant only when a rule compares instants.

use std::fmt;

use jiff::Timestamp;
use jiff::civil;
use jiff::tz::TimeZone;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date (`YYYY-MM-DD`); impossible dates such as 2024-02-30 do not deserialise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub civil::Date);

impl Date {
    pub fn parse(s: &str) -> Result<Date, String> {
        let b = s.as_bytes();
        let shape_ok = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape_ok {
            return Err(format!("`{s}` is not a date of the form YYYY-MM-DD"));
        }
        let num = |r: std::ops::Range<usize>| s[r].parse::<i16>().unwrap_or(0);
        let (y, m, d) = (num(0..4), num(5..7), num(8..10));
        civil::Date::new(y, m as i8, d as i8)
            .map(Date)
            .map_err(|_| format!("`{s}` is not a date in the calendar"))
    }

    pub fn new(y: i16, m: i8, d: i8) -> Option<Date> {
        civil::Date::new(y, m, d).ok().map(Date)
    }

    pub fn year(self) -> i16 {
        self.0.year()
    }

    /// The date `months` calendar months earlier, clamped to the month's last day
    /// (2024-03-31 minus one month is 2024-02-29).
    pub fn minus_months(self, months: i32) -> Date {
        Date(
            self.0
                .checked_sub(jiff::Span::new().months(months))
                .unwrap_or(civil::Date::MIN),
        )
    }

    pub fn plus_months(self, months: i32) -> Date {
        Date(
            self.0
                .checked_add(jiff::Span::new().months(months))
                .unwrap_or(civil::Date::MAX),
        )
    }

    pub fn minus_years(self, years: i32) -> Date {
        self.minus_months(years.saturating_mul(12))
    }

    pub fn plus_days(self, days: i32) -> Date {
        Date(
            self.0
                .checked_add(jiff::Span::new().days(days))
                .unwrap_or(civil::Date::MAX),
        )
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        (later.0 - self.0).get_days().into()
    }

    /// Whole calendar years from `self` to `later`, as a person counts age.
    pub fn years_until(self, later: Date) -> i64 {
        self.0
            .until((jiff::Unit::Year, later.0))
            .map(|s| i64::from(s.get_years()))
            .unwrap_or(0)
    }

    /// Whole calendar months from `self` to `later`.
    pub fn months_until(self, later: Date) -> i64 {
        self.0
            .until((jiff::Unit::Month, later.0))
            .map(|s| i64::from(s.get_months()))
            .unwrap_or(0)
    }

    /// The first as-of date on which `self` no longer lies in "the last `months` months"
    /// (the window (as-of minus `months`, as-of]): the day a rule with that window starts
    /// reporting something last done on `self`, and so the deadline `isms due` shows for it.
    /// Usually `self` plus `months`; later when month-end clamping keeps `self` inside:
    /// 2024-01-31 is still in the last month of 2024-02-29 (whose window starts after
    /// 2024-01-29), so it leaves a one-month window on 2024-03-01.
    pub fn leaves_window(self, months: u32) -> Date {
        let months = i32::try_from(months).unwrap_or(i32::MAX);
        let mut day = self.plus_months(months);
        // Month-end clamping can leave `self` inside the window for up to three more days.
        for _ in 0..4 {
            if day.minus_months(months) >= self {
                break;
            }
            day = day.plus_days(1);
        }
        day
    }

    /// Midnight at the start of this date in `tz`.
    pub fn start_in(self, tz: &TimeZone) -> Timestamp {
        self.0
            .to_zoned_datetime(tz.clone())
            .map(|z| z.timestamp())
            .unwrap_or(Timestamp::MIN)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Reads a string without copying it (a hundred thousand records hold a few dates each)
/// and hands it to `parse`.
struct ParseStr<T>(fn(&str) -> Result<T, String>, &'static str);

impl<T> serde::de::Visitor<'_> for ParseStr<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.1)
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<T, E> {
        (self.0)(s).map_err(E::custom)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(ParseStr(Date::parse, "a date"))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A date-time as written: with an offset it is an instant, without one it is local time.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DateTime {
    Instant(Timestamp),
    Local(civil::DateTime),
}

impl DateTime {
    pub fn parse(s: &str) -> Result<DateTime, String> {
        let normal = s.replacen(' ', "T", 1);
        let has_offset = normal.ends_with('Z')
            || normal.ends_with('z')
            || normal
                .get(10..)
                .is_some_and(|t| t.contains('+') || t[1..].contains('-'));
        if has_offset {
            normal
                .parse::<Timestamp>()
                .map(DateTime::Instant)
                .map_err(|e| format!("`{s}` is not a valid date-time: {e}"))
        } else {
            normal
                .parse::<civil::DateTime>()
                .map(DateTime::Local)
                .map_err(|e| format!("`{s}` is not a valid date-time: {e}"))
        }
    }

    /// The instant, reading local times in `tz`.
    pub fn instant(&self, tz: &TimeZone) -> Timestamp {
        match self {
            DateTime::Instant(t) => *t,
            DateTime::Local(dt) => dt
                .to_zoned_datetime(tz.clone())
                .map(|z| z.timestamp())
                .unwrap_or(Timestamp::MIN),
        }
    }

    /// The calendar date in `tz`.
    pub fn date(&self, tz: &TimeZone) -> Date {
        match self {
            // The zone's offset at the instant, without a zoned value that would hold a
            // reference to the zone: rules ask this of every incident on every thread.
            DateTime::Instant(t) => Date(tz.to_datetime(*t).date()),
            DateTime::Local(dt) => Date(dt.date()),
        }
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateTime::Instant(t) => write!(f, "{t}"),
            DateTime::Local(dt) => write!(f, "{}", dt.strftime("%Y-%m-%dT%H:%M")),
        }
    }
}

impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(ParseStr(DateTime::parse, "a date-time"))
    }
}

impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_impossible_dates() {
        assert!(Date::parse("2024-02-30").is_err());
        assert!(Date::parse("2023-02-29").is_err());
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2024-2-1").is_err());
    }

    #[test]
    fn month_arithmetic_is_calendar_correct() {
        let d = Date::parse("2024-03-31").unwrap();
        assert_eq!(d.minus_months(1).to_string(), "2024-02-29");
        let a = Date::parse("2019-11-12").unwrap();
        let b = Date::parse("2022-11-12").unwrap();
        assert_eq!(a.years_until(b), 3);
        assert_eq!(a.years_until(b.plus_days(-1)), 2);
    }

    #[test]
    fn a_date_leaves_the_window_on_the_first_day_it_is_outside() {
        let inside = |d: Date, as_of: Date, m: u32| d > as_of.minus_months(m as i32) && d <= as_of;
        for (d, m) in [
            ("2024-01-31", 1),
            ("2023-11-12", 12),
            ("2020-02-29", 36),
            ("2023-03-31", 11),
        ] {
            let d = Date::parse(d).unwrap();
            let leaves = d.leaves_window(m);
            assert!(!inside(d, leaves, m), "{d} +{m}");
            assert!(inside(d, leaves.plus_days(-1), m), "{d} +{m}");
        }
        let d = Date::parse("2024-01-31").unwrap();
        assert_eq!(d.leaves_window(1).to_string(), "2024-03-01");
        let leap = Date::parse("2020-02-29").unwrap();
        assert_eq!(leap.years_until(leap.leaves_window(36)), 3);
    }

    #[test]
    fn local_times_resolve_in_the_zone() {
        let tz = crate::config::zone("Europe/Stockholm").expect("zone");
        let local = DateTime::parse("2023-05-02T09:30").unwrap();
        let utc = DateTime::parse("2023-05-02T07:30Z").unwrap();
        assert_eq!(local.instant(&tz), utc.instant(&tz));
        assert!(DateTime::parse("2023-05-02 09:30:00+02:00").is_ok());
        assert!(DateTime::parse("2023-02-30T09:30").is_err());
    }

    /// RFC 3339 5.6: "T" and "Z" may be written in lower case.
    #[test]
    fn lower_case_t_and_z() {
        let tz = crate::config::zone("Europe/Stockholm").expect("zone");
        let upper = DateTime::parse("2023-05-02T07:30:00Z").unwrap();
        let lower = DateTime::parse("2023-05-02t07:30:00z").unwrap();
        assert_eq!(lower.instant(&tz), upper.instant(&tz));
        assert_eq!(
            DateTime::parse("2023-05-02t09:30").unwrap(),
            DateTime::parse("2023-05-02T09:30").unwrap()
        );
    }
}
