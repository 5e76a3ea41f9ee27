//! The deadlines as an RFC 5545 calendar, for `isms due --format ics`.
//!
//! The calendar is named after the organisation (RFC 7986 `NAME`, and `X-WR-CALNAME`, which
//! Outlook and Apple Calendar read); its UIDs name the organisation too, so that two
//! repositories' calendars subscribed side by side never share an event. A deadline with a
//! time of day is a timed event in UTC: a `TZID` would need a `VTIMEZONE` definition of
//! its own, while every calendar shows a UTC time in the reader's zone.

use super::{Deadline, record_args, text};
use crate::config::Language;
use crate::model::Date;
use crate::repo::session::Session;

/// Who the calendar belongs to: its name, and the identity that keeps its UIDs apart from
/// other repositories' calendars.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    /// The calendar's name: `isms – ORGANISATION`, or `isms` with no organisation named.
    pub name: String,
    /// The domain part of every UID: `ID.isms` from the organisation record's id, else
    /// from the organisation's name in `isms.toml`, else `isms`.
    pub uid_domain: String,
}

impl Owner {
    /// The owner of a repository's calendar: its organisation record (its id and name),
    /// else the organisation `isms.toml` names.
    pub fn of(session: &Session) -> Owner {
        let record = session.repo.organisation.first();
        let name = record
            .map(|o| o.name.clone())
            .or_else(|| session.config.organisation.clone())
            .filter(|n| !n.trim().is_empty());
        let identity = record
            .map(|o| o.id.to_lowercase())
            .or_else(|| name.as_deref().map(slug))
            .filter(|s| !s.is_empty());
        Owner {
            name: name.map_or_else(|| "isms".to_owned(), |n| format!("isms – {}", n.trim())),
            uid_domain: identity.map_or_else(|| "isms".to_owned(), |id| format!("{id}.isms")),
        }
    }
}

/// A name as lowercase ASCII letters, digits and dashes (`Sjöbacka kommun` →
/// `sjobacka-kommun`), for a UID's domain part.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().to_lowercase().chars() {
        let c = match c {
            'å' | 'ä' | 'á' | 'à' => 'a',
            'ö' | 'ø' | 'ó' => 'o',
            'é' | 'è' | 'ë' => 'e',
            'ü' | 'ú' => 'u',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if c != '-' || !(out.is_empty() || out.ends_with('-')) {
            out.push(c);
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// The deadlines as an RFC 5545 calendar of `owner` in `lang`: an all-day event each, a
/// timed one for a deadline with a time of day. Everything in it comes from the records,
/// `as_of` and `lang`, so the same input gives the same bytes.
pub fn render_ics(deadlines: &[Deadline], as_of: Date, lang: Language, owner: &Owner) -> String {
    let stamp = format!("{}T000000Z", as_of.0.strftime("%Y%m%d"));
    let mut out = String::new();
    let mut line = |s: &str| fold_into(&mut out, s);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//isms//isms due//EN");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line(&format!("NAME:{}", escape_text(&owner.name)));
    line(&format!("X-WR-CALNAME:{}", escape_text(&owner.name)));
    let mut uids = std::collections::HashSet::new();
    for d in deadlines {
        // Two waivers of the same rule on one record would share a name: number the later.
        let base = format!("{}-{}-{}", d.kind, d.id, d.what);
        let mut uid = format!("{base}@{}", owner.uid_domain);
        let mut n = 1;
        while !uids.insert(uid.clone()) {
            n += 1;
            uid = format!("{base}-{n}@{}", owner.uid_domain);
        }
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", escape_text(&uid)));
        line(&format!("DTSTAMP:{stamp}"));
        match d.at {
            // A moment: no DTEND, so the event ends when it starts (RFC 5545 3.6.1).
            Some(at) => line(&format!("DTSTART:{}", at.strftime("%Y%m%dT%H%M%SZ"))),
            None => {
                line(&format!(
                    "DTSTART;VALUE=DATE:{}",
                    d.date.0.strftime("%Y%m%d")
                ));
                line(&format!(
                    "DTEND;VALUE=DATE:{}",
                    d.date.plus_days(1).0.strftime("%Y%m%d")
                ));
            }
        }
        line(&format!("SUMMARY:{}", escape_text(&d.summary)));
        let mut args = record_args(d, lang);
        args.push(("path", (&d.path).into()));
        let description = text(lang, "due-ics-description", &args);
        line(&format!("DESCRIPTION:{}", escape_text(&description)));
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
    fn names_become_slugs() {
        assert_eq!(slug("Sjöbacka kommun"), "sjobacka-kommun");
        assert_eq!(slug("  Å, Ä & Ö!  "), "a-a-o");
        assert_eq!(slug("–"), "");
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
