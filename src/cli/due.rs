//! `isms due`: the deadlines coming up within a window after the as-of date (and those
//! missed in the year before it), as a table, JSON or an RFC 5545 calendar.

use anyhow::Result;
use clap::ValueEnum;
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};
use serde::Serialize;

use crate::derived::Derived;
use crate::model::{ActivityStatus, Date, FindingState, Kind, Recipient};
use crate::session::Session;

use super::{Clock, Common, Needs};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    common: Common,
    /// How far ahead to look after --as-of: days, weeks, months or years (90d, 12w, 6m, 1y)
    #[arg(long, default_value = "90d", value_name = "WINDOW")]
    within: String,
    /// Output format: a table, JSON or an iCalendar (RFC 5545) file to subscribe to
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Table,
    Json,
    Ics,
}

pub fn run(args: Args, clock: Clock) -> Result<u8> {
    let window = Window::parse(&args.within).map_err(|e| anyhow::anyhow!("--within: {e}"))?;
    let (session, as_of) = super::open(&args.common, Needs::Records, clock)?;
    let deadlines = deadlines(&session, as_of, window);
    let last = window.end(as_of);
    super::emit(&match args.format {
        Format::Table => render_table(&deadlines, as_of, last),
        Format::Json => render_json(&deadlines, as_of, last),
        Format::Ics => render_ics(&deadlines, as_of),
    })?;
    Ok(0)
}

/// How far ahead `--within` looks: `90d`, `12w`, `6m` or `1y`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    Days(i32),
    Months(i32),
}

impl Window {
    pub fn parse(s: &str) -> Result<Window, String> {
        let err = || format!("`{s}` is not a window such as 90d, 12w, 6m or 1y");
        let s = s.trim();
        let unit = s.chars().last().ok_or_else(err)?;
        let n: i32 = s[..s.len() - unit.len_utf8()].parse().map_err(|_| err())?;
        if n < 0 {
            return Err(err());
        }
        match unit.to_ascii_lowercase() {
            'd' => Ok(Window::Days(n)),
            'w' => n.checked_mul(7).map(Window::Days).ok_or_else(err),
            'm' => Ok(Window::Months(n)),
            'y' => n.checked_mul(12).map(Window::Months).ok_or_else(err),
            _ => Err(err()),
        }
    }

    /// The last day inside the window that starts at `from`.
    pub fn end(self, from: Date) -> Date {
        match self {
            Window::Days(n) => from.plus_days(n),
            Window::Months(n) => from.plus_months(n),
        }
    }
}

/// One deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadline {
    pub date: Date,
    /// A short stable name of what falls due (`review`, `waiver-DOC001`), part of the UID.
    pub what: String,
    /// The deadline in words.
    pub summary: String,
    pub kind: Kind,
    pub id: String,
    pub path: String,
    /// Whether the date is before the as-of date.
    pub overdue: bool,
}

/// The deadlines from a year before `as_of` up to the end of the window, by date then path.
pub fn deadlines(session: &Session, as_of: Date, window: Window) -> Vec<Deadline> {
    let repo = &session.repo;
    let cfg = &session.config;
    let tz = cfg.tz();
    let first = as_of.minus_years(1);
    let last = window.end(as_of);
    let mut out = Vec::new();
    let mut add = |date: Date, what: &str, summary: String, kind: Kind, id: &str, path: &str| {
        if date >= first && date <= last {
            out.push(Deadline {
                date,
                what: what.to_owned(),
                summary,
                kind,
                id: id.to_owned(),
                path: path.to_owned(),
                overdue: date < as_of,
            });
        }
    };

    for p in &repo.policies {
        let Some(adopted) = p.adopted.filter(|_| p.adopted_on(as_of)) else {
            continue;
        };
        let kind = p.policy_type.as_str().replace('_', " ");
        if let Some(years) = p.review_interval_years {
            add(
                adopted.plus_months(years.saturating_mul(12) as i32),
                "review",
                format!(
                    "review {kind} `{}` (its review interval of {})",
                    p.title,
                    years_text(years)
                ),
                Kind::Policy,
                &p.id,
                &p.src.path,
            );
        } else {
            let pol = &cfg.policies;
            add(
                adopted.plus_months(pol.warn_age_years.saturating_mul(12) as i32),
                "review",
                format!(
                    "review {kind} `{}` ({} old)",
                    p.title,
                    years_text(pol.warn_age_years)
                ),
                Kind::Policy,
                &p.id,
                &p.src.path,
            );
            add(
                adopted.plus_months(pol.max_age_years.saturating_mul(12) as i32),
                "max-age",
                format!(
                    "{kind} `{}` reaches the maximum age of {}",
                    p.title,
                    years_text(pol.max_age_years)
                ),
                Kind::Policy,
                &p.id,
                &p.src.path,
            );
        }
    }

    let derived = Derived::compute(repo, as_of);
    let months = cfg.thresholds.classification_max_age_months;
    for (ai, a) in repo.assets.iter().enumerate() {
        if !a.is_active() {
            continue;
        }
        if let Some(ci) = derived.assets[ai].current {
            let c = &repo.classifications[ci];
            add(
                c.date.plus_months(months as i32),
                "classification",
                format!(
                    "renew the classification of `{}` (classified {}, `{}`)",
                    a.name, c.date, c.id
                ),
                Kind::Asset,
                &a.id,
                &a.src.path,
            );
        }
    }

    let months = cfg.thresholds.exercise_max_age_months;
    for c in &repo.continuity_plans {
        if !c.exists_on(as_of) {
            continue;
        }
        let last_exercise = c
            .exercises
            .iter()
            .map(|e| e.date)
            .filter(|d| *d <= as_of)
            .max();
        let (base, summary) = match (last_exercise, c.documented) {
            (Some(d), _) => (
                d,
                format!(
                    "exercise continuity plan `{}` (last exercised {d})",
                    c.title
                ),
            ),
            (None, Some(d)) => (
                d,
                format!(
                    "exercise continuity plan `{}` (documented {d}, never exercised)",
                    c.title
                ),
            ),
            (None, None) => continue,
        };
        add(
            base.plus_months(months as i32),
            "exercise",
            summary,
            Kind::ContinuityPlan,
            &c.id,
            &c.src.path,
        );
    }

    for m in &repo.measures {
        if !m.implemented_on(as_of) {
            continue;
        }
        let interval = m
            .verify_interval_months
            .unwrap_or(cfg.thresholds.verify_interval_months);
        let (base, how) = match (m.last_verified.filter(|d| *d <= as_of), m.implemented) {
            (Some(d), _) => (d, format!("last verified {d}")),
            (None, Some(d)) => (d, format!("implemented {d}, never verified")),
            (None, None) => continue,
        };
        add(
            base.plus_months(interval as i32),
            "verification",
            format!("verify measure `{}` ({how})", m.title),
            Kind::Measure,
            &m.id,
            &m.src.path,
        );
    }

    for a in &repo.activities {
        if !matches!(
            a.status,
            ActivityStatus::Planned | ActivityStatus::InProgress
        ) {
            continue;
        }
        if let Some(due) = a.due {
            add(
                due,
                "due",
                format!(
                    "activity `{}` is due ({})",
                    a.title,
                    a.status.as_str().replace('_', " ")
                ),
                Kind::Activity,
                &a.id,
                &a.src.path,
            );
        }
    }

    for f in &repo.findings {
        if matches!(f.status, FindingState::Done | FindingState::Rejected) {
            continue;
        }
        if let Some(due) = f.due {
            add(
                due,
                "due",
                format!("audit finding `{}` is due", f.title),
                Kind::Finding,
                &f.id,
                &f.src.path,
            );
        }
    }

    for e in Kind::ALL.into_iter().flat_map(|k| repo.entries(k)) {
        for w in e.record.waivers() {
            add(
                w.until,
                &format!("waiver-{}", w.rule),
                format!("the waiver of {} expires ({})", w.rule, w.reason),
                e.kind,
                e.record.id(),
                &e.src.path,
            );
        }
    }

    for i in &repo.incidents {
        let notified = i.notifications.iter().any(|n| n.to == Recipient::Imy);
        if !i.must_notify_imy() || notified || i.closed_on(as_of) || !i.detected_by(as_of, &tz) {
            continue;
        }
        let deadline = i.detected.instant(&tz) + jiff::SignedDuration::from_hours(72);
        let local = jiff::ZonedDateTime::new(deadline, tz.clone());
        add(
            Date(local.date()),
            "breach-notification",
            format!(
                "notify IMY of the personal-data breach `{}` by {} (72 hours after detection)",
                i.title,
                local.strftime("%Y-%m-%d %H:%M")
            ),
            Kind::Incident,
            &i.id,
            &i.src.path,
        );
    }

    out.sort_by(|a, b| (a.date, &a.path, &a.what, &a.id).cmp(&(b.date, &b.path, &b.what, &b.id)));
    out
}

fn years_text(n: u32) -> String {
    if n == 1 {
        "1 year".to_owned()
    } else {
        format!("{n} years")
    }
}

/// The deadlines as a table.
pub fn render_table(deadlines: &[Deadline], as_of: Date, last: Date) -> String {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(["date", "", "what", "record", "path"]);
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse::<u16>().ok())
        .unwrap_or(120);
    table.set_width(width);
    for d in deadlines {
        table.add_row([
            d.date.to_string(),
            if d.overdue {
                "overdue".into()
            } else {
                String::new()
            },
            d.summary.clone(),
            format!("{} {}", d.kind, d.id),
            d.path.clone(),
        ]);
    }
    let overdue = deadlines.iter().filter(|d| d.overdue).count();
    format!(
        "{table}\n{} deadlines up to {last} ({overdue} overdue as of {as_of})\n",
        deadlines.len()
    )
}

#[derive(Serialize)]
struct JsonDue<'a> {
    as_of: String,
    until: String,
    deadlines: &'a [Deadline],
}

/// The deadlines as JSON: `{as_of, until, deadlines: [...]}`.
pub fn render_json(deadlines: &[Deadline], as_of: Date, last: Date) -> String {
    let doc = JsonDue {
        as_of: as_of.to_string(),
        until: last.to_string(),
        deadlines,
    };
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

/// The deadlines as an RFC 5545 calendar: one all-day event each. Everything in it comes
/// from the records and `as_of`, so the same input gives the same bytes.
pub fn render_ics(deadlines: &[Deadline], as_of: Date) -> String {
    let stamp = format!("{}T000000Z", as_of.0.strftime("%Y%m%d"));
    let mut out = String::new();
    let mut line = |s: &str| fold_into(&mut out, s);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//isms//isms due//EN");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    let mut uids = std::collections::HashSet::new();
    for d in deadlines {
        // Two waivers of the same rule on one record would share a name: number the later.
        let base = format!("{}-{}-{}", d.kind, d.id, d.what);
        let mut uid = format!("{base}@isms");
        let mut n = 1;
        while !uids.insert(uid.clone()) {
            n += 1;
            uid = format!("{base}-{n}@isms");
        }
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", escape_text(&uid)));
        line(&format!("DTSTAMP:{stamp}"));
        line(&format!(
            "DTSTART;VALUE=DATE:{}",
            d.date.0.strftime("%Y%m%d")
        ));
        line(&format!(
            "DTEND;VALUE=DATE:{}",
            d.date.plus_days(1).0.strftime("%Y%m%d")
        ));
        line(&format!("SUMMARY:{}", escape_text(&d.summary)));
        line(&format!(
            "DESCRIPTION:{}",
            escape_text(&format!("{} {} in {}", d.kind, d.id, d.path))
        ));
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

/// RFC 5545 3.3.11: backslash, semicolon, comma and newline are escaped in TEXT values.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// RFC 5545 3.1: a content line longer than 75 octets is folded with CRLF and one space,
/// never inside a UTF-8 sequence.
fn fold_into(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_parse() {
        assert_eq!(Window::parse("90d"), Ok(Window::Days(90)));
        assert_eq!(Window::parse("12w"), Ok(Window::Days(84)));
        assert_eq!(Window::parse("6m"), Ok(Window::Months(6)));
        assert_eq!(Window::parse("1y"), Ok(Window::Months(12)));
        assert!(Window::parse("90").is_err());
        assert!(Window::parse("d").is_err());
        assert!(Window::parse("").is_err());
        assert!(Window::parse("-3d").is_err());
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        assert_eq!(escape_text("x\r\ny"), "x\\ny");
    }

    #[test]
    fn long_lines_fold_at_75_octets_on_char_boundaries() {
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "å".repeat(100));
        fold_into(&mut out, &long);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, long);
    }
}
