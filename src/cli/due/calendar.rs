//! The deadlines as an RFC 5545 calendar, for `isms due --format ics`.

use super::{Deadline, record_args, text};
use crate::config::Language;
use crate::model::Date;

/// The deadlines as an RFC 5545 calendar in `lang`: one all-day event each. Everything in
/// it comes from the records, `as_of` and `lang`, so the same input gives the same bytes.
pub fn render_ics(deadlines: &[Deadline], as_of: Date, lang: Language) -> String {
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
