//! `isms due`: the deadlines coming up within a window after the as-of date (and those
//! missed in the year before it), as a table, JSON or an RFC 5545 calendar.
//!
//! Everything said to people is in the run's language (`sv.ftl`, `en.ftl`): the deadlines
//! in words, the table's headers and the calendar's descriptions. JSON keeps its keys and
//! codes; only a deadline's `summary` is in words.

use std::io::IsTerminal as _;

use anyhow::Result;
use clap::ValueEnum;
use serde::Serialize;

use super::{Clock, Common, Needs};
use crate::config::Language;
use crate::l10n::Value;
use crate::model::Date;
use crate::util::visible::visible;

mod calendar;
mod deadlines;

pub use calendar::{Owner, escape_text, render_ics};
pub use deadlines::{Deadline, deadlines};

super::catalogue!(
    kinds,
    sv: "src/cli/due/sv.ftl" => "sv.ftl",
    en: "src/cli/due/en.ftl" => "en.ftl"
);

/// A deadline's record as the table and the calendar name it: its kind, then its id.
fn record_args(d: &Deadline, lang: Language) -> Vec<(&'static str, Value)> {
    let kind_name = text(lang, "kind-singular", &[("kind", d.kind.as_str().into())]);
    vec![("kind_name", kind_name.into()), ("id", (&d.id).into())]
}

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
    super::refuse_unread_settings(&session)?;
    let lang = session.config.language;
    let deadlines = deadlines(&session, as_of, window);
    let last = window.end(as_of);
    super::emit(&match args.format {
        Format::Table => render_table(&deadlines, as_of, last, lang, table_wraps()),
        Format::Json => render_json(&deadlines, as_of, last),
        Format::Ics => render_ics(&deadlines, as_of, lang, &Owner::of(&session)),
    })?;
    Ok(0)
}

/// The longest window `--within` takes, in years and in days.
const MAX_WINDOW_YEARS: i32 = 100;
const MAX_WINDOW_DAYS: i32 = 36_525;

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
        let window = match unit.to_ascii_lowercase() {
            'd' => Window::Days(n),
            'w' => n.checked_mul(7).map(Window::Days).ok_or_else(err)?,
            'm' => Window::Months(n),
            'y' => n.checked_mul(12).map(Window::Months).ok_or_else(err)?,
            _ => return Err(err()),
        };
        // Dates have limits (the year 9999); a century covers every deadline a record can
        // set and keeps the arithmetic far inside them.
        let too_long = match window {
            Window::Days(d) => d > MAX_WINDOW_DAYS,
            Window::Months(m) => m > MAX_WINDOW_YEARS * 12,
        };
        if too_long {
            return Err(format!(
                "`{s}` is longer than {MAX_WINDOW_YEARS} years, the longest window `isms due` looks ahead"
            ));
        }
        Ok(window)
    }

    /// The last day inside the window that starts at `from`.
    pub fn end(self, from: Date) -> Date {
        match self {
            Window::Days(n) => from.plus_days(n),
            Window::Months(n) => from.plus_months(n),
        }
    }
}

/// Whether the table wraps its cells to a width: on a terminal, or when `COLUMNS` names one.
/// Piped into a file or another program with no width asked for, it does not: a path cut
/// in two is no longer one that `grep` finds or a shell opens.
fn table_wraps() -> bool {
    std::io::stdout().is_terminal() || std::env::var_os("COLUMNS").is_some_and(|c| !c.is_empty())
}

/// The deadlines as a table in `lang`, its cells wrapped to the width of [`super::table`]
/// when `wrap`, else each on one line.
pub fn render_table(
    deadlines: &[Deadline],
    as_of: Date,
    last: Date,
    lang: Language,
    wrap: bool,
) -> String {
    let mut table = super::table();
    if !wrap {
        table.set_content_arrangement(comfy_table::ContentArrangement::Disabled);
    }
    table.set_header(
        [
            "due-header-date",
            "due-header-state",
            "due-header-what",
            "due-header-record",
            "due-header-path",
        ]
        .map(|id| text(lang, id, &[])),
    );
    let overdue_word = text(lang, "due-overdue", &[]);
    for d in deadlines {
        table.add_row([
            d.date.to_string(),
            if d.overdue {
                overdue_word.clone()
            } else {
                String::new()
            },
            // Record text and file names with control characters or reordering marks shown
            // as visible stand-ins: a table must not move the terminal's cursor.
            visible(&d.summary).into_owned(),
            visible(&text(lang, "due-record", &record_args(d, lang))).into_owned(),
            visible(&d.path).into_owned(),
        ]);
    }
    let overdue = deadlines.iter().filter(|d| d.overdue).count();
    let total = text(
        lang,
        "due-total",
        &[
            ("count", deadlines.len().into()),
            ("until", last.into()),
            ("overdue", overdue.into()),
            ("as_of", as_of.into()),
        ],
    );
    format!("{table}\n{total}\n")
}

#[derive(Serialize)]
struct JsonDue<'a> {
    as_of: String,
    until: String,
    deadlines: &'a [Deadline],
}

/// The deadlines as JSON: `{as_of, until, deadlines: [...]}` (each deadline's `summary` in
/// the language it was said in).
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
    fn windows_beyond_a_century_are_refused_not_a_panic() {
        assert_eq!(Window::parse("100y"), Ok(Window::Months(1200)));
        let from = Date::parse("2026-11-28").unwrap();
        for long in ["19999y", "239977m", "7304485d", "1043498w", "101y"] {
            let err = Window::parse(long).unwrap_err();
            assert!(err.contains("longer than 100 years"), "{long}: {err}");
        }
        // The longest window still ends on a date.
        assert_eq!(
            Window::parse("36525d").unwrap().end(from).to_string(),
            "2126-11-29"
        );
    }
}
