//! Markdown output: escaping record text, formatting numbers per language, code fences and
//! the final tidy-up of rendered reports.
//!
//! Record text is the users' own and may hold anything; escaping keeps it literal text in
//! GitHub-flavoured Markdown and in pandoc's Markdown, in a paragraph or a table cell.

use std::io::{self, Write};

use crate::config::Language;

/// Characters escaped wherever they occur. Each can start or end inline markup in GFM or
/// pandoc Markdown: emphasis (`*`, `_`), code (`` ` ``), links and images (`[`, `]`, `!`),
/// raw HTML and autolinks (`<`, `>`), entities (`&`), table cells (`|`), strikethrough and
/// subscript (`~`), superscript (`^`), TeX math (`$`), citations (`@`), headings (`#`) and
/// the backslash itself. Other punctuation (`-`, `.`, `:`, `/`, `(`, `%`) is left alone,
/// so dates, ids and percentages stay readable in the Markdown source; where it could
/// start a block at the beginning of a line it is escaped there (see [`escape`]).
const ALWAYS: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '&', '|', '~', '^', '$', '@', '#', '!',
];

/// Escapes record text for Markdown: a newline (or any control character) becomes a space,
/// runs of spaces collapse, Markdown-significant ASCII punctuation gets a backslash.
///
/// The result is meant for inline positions (a paragraph, a list item, a table cell or a
/// heading); a text that would start a list, a block quote, a thematic break or a setext
/// underline at the start of a line has its first character escaped too.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() || c.is_control() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        // A mark that reorders the text after it is shown, not obeyed: a title must not
        // make a board paper read differently from what it says.
        if crate::util::visible::is_reordering(c) {
            out.push_str(&format!("\\<U+{:04X}\\>", c as u32));
            continue;
        }
        if ALWAYS.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    escape_line_start(out)
}

/// At the start of a line these would become blocks: `- x`, `+ x`, `= x` (lists, setext
/// underlines), `: x` (pandoc definitions), `1. x`, `1) x`, and pandoc's fancy list markers
/// `a. x`, `iv) x`, `(1) x`.
fn escape_line_start(s: String) -> String {
    let first = s.chars().next();
    if matches!(first, Some('-' | '+' | '=' | ':' | '(')) {
        return format!("\\{s}");
    }
    let marker = s
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>();
    let is_marker = !marker.is_empty()
        && (marker.chars().all(|c| c.is_ascii_digit())
            || marker.len() == 1
            || marker.chars().all(|c| "ivxlcdmIVXLCDM".contains(c)));
    let n = marker.len();
    if is_marker && matches!(s[n..].chars().next(), Some('.' | ')')) {
        return format!("{}\\{}", &s[..n], &s[n..]);
    }
    s
}

/// `text` as a Markdown code span: inside one nothing is escaped (a backslash would show),
/// so the fence is one backtick longer than the longest run of backticks in the text, with
/// a space inside when the text starts or ends with one; line breaks become spaces.
pub fn code_span(text: &str) -> String {
    let text: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// The escape function Tera calls for every `{{ value }}` not marked `safe`.
pub fn escape_fn(input: &str, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(escape(input).as_bytes())
}

/// A share (0.48) as a whole percentage: `48 %` in Swedish, `48%` in English.
pub fn percent(share: f64, lang: Language) -> String {
    let n = (share * 100.0).round();
    let n = if n == 0.0 { 0.0 } else { n }; // no "-0 %"
    match lang {
        Language::Sv => format!("{n:.0} %"),
        Language::En => format!("{n:.0}%"),
    }
}

/// A number with at most `decimals` decimals (trailing zeros dropped), with a decimal comma
/// in Swedish: `0,5`, `12`, `3,25`.
pub fn decimal(x: f64, decimals: usize, lang: Language) -> String {
    let mut s = format!("{x:.decimals$}");
    if s.contains('.') {
        s = s.trim_end_matches('0').trim_end_matches('.').to_owned();
    }
    if s == "-0" {
        s = "0".to_owned();
    }
    match lang {
        Language::Sv => s.replace('.', ","),
        Language::En => s,
    }
}

/// A fenced code block whose fence is longer than any backtick run in `content`, so the
/// content cannot close it early.
pub fn fenced(info: &str, content: &str) -> String {
    let longest = content.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    let body = content.trim_end_matches('\n');
    format!("{fence}{info}\n{body}\n{fence}")
}

/// Tidies rendered Markdown: no trailing spaces, at most one blank line in a row outside
/// code blocks, no leading blank lines, exactly one final newline. Templates can then be
/// written for readability without counting newlines around every tag.
pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut fence: Option<String> = None;
    let mut blank_run = 0usize;
    for line in text.lines() {
        let trimmed_end = line.trim_end();
        let opener = trimmed_end.trim_start();
        if let Some(f) = &fence {
            out.push_str(line);
            out.push('\n');
            if opener.starts_with(f.as_str()) && opener.trim_start_matches('`').is_empty() {
                fence = None;
            }
            continue;
        }
        if opener.starts_with("```") {
            let ticks: String = opener.chars().take_while(|c| *c == '`').collect();
            fence = Some(ticks);
        }
        if trimmed_end.is_empty() {
            blank_run += 1;
            if blank_run > 1 || out.is_empty() {
                continue;
            }
        } else {
            blank_run = 0;
        }
        out.push_str(trimmed_end);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// A date as running text says it: `2026-03-16` → "16 mars 2026" / "16 March 2026"
/// (Swedish council papers write dates in prose this way; ISO dates stay in tables). Text
/// that is not an ISO date is returned as it is.
pub fn long_date(iso: &str, lang: Language) -> String {
    const SV: [&str; 12] = [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let Ok(d) = iso.parse::<jiff::civil::Date>() else {
        return iso.to_owned();
    };
    let month = usize::try_from(d.month() - 1).unwrap_or(0);
    let name = match lang {
        Language::Sv => SV[month],
        Language::En => EN[month],
    };
    format!("{} {name} {}", d.day(), d.year())
}

/// `n` with its noun in agreement; in Swedish, one to twelve as words (Myndigheternas
/// skrivregler), `ett` for a neuter noun.
pub fn count(n: i64, one: &str, many: &str, neuter: bool, lang: Language) -> String {
    const WORDS: [&str; 13] = [
        "noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva",
        "tolv",
    ];
    let noun = if n == 1 { one } else { many };
    let number = match (lang, usize::try_from(n).ok().and_then(|i| WORDS.get(i))) {
        (Language::Sv, Some(_)) if n == 1 && neuter => "ett".to_owned(),
        (Language::Sv, Some(word)) => (*word).to_owned(),
        _ => n.to_string(),
    };
    format!("{number} {noun}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reordering_marks_are_shown_not_obeyed() {
        assert_eq!(escape("abc\u{202e}fed"), "abc\\<U+202E\\>fed");
        assert_eq!(escape("a\u{2066}b"), "a\\<U+2066\\>b");
    }

    #[test]
    fn code_spans_take_text_as_it_is() {
        assert_eq!(code_span("HEAD~1"), "`HEAD~1`");
        assert_eq!(code_span("lg-2023"), "`lg-2023`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x"), "`` `x ``");
        assert_eq!(code_span("a\nb"), "`a b`");
    }

    #[test]
    fn escapes_markup_and_flattens_lines() {
        assert_eq!(escape("a | b"), "a \\| b");
        assert_eq!(escape("*fet*\nrad två"), "\\*fet\\* rad två");
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "\\<script\\>alert(1)\\</script\\>"
        );
        assert_eq!(escape("[länk](http://x)"), "\\[länk\\](http://x)");
        assert_eq!(escape("  KF 2019-11-12 § 237  "), "KF 2019-11-12 § 237");
        assert_eq!(
            escape("Åtgärda `kod` & _mer_"),
            "Åtgärda \\`kod\\` \\& \\_mer\\_"
        );
    }

    #[test]
    fn escapes_block_starts() {
        assert_eq!(escape("- punkt"), "\\- punkt");
        assert_eq!(escape("2026. Året"), "2026\\. Året");
        assert_eq!(escape("2026-11-28"), "2026-11-28");
        assert_eq!(escape("# rubrik"), "\\# rubrik");
        assert_eq!(escape("a) punkt"), "a\\) punkt");
        assert_eq!(escape("iv. punkt"), "iv\\. punkt");
        assert_eq!(escape("(1) punkt"), "\\(1) punkt");
        assert_eq!(escape(": definition"), "\\: definition");
        assert_eq!(escape("Avtal. Nytt"), "Avtal. Nytt");
    }

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(percent(0.48, Language::Sv), "48 %");
        assert_eq!(percent(0.48, Language::En), "48%");
        assert_eq!(percent(0.475, Language::Sv), "48 %");
        assert_eq!(decimal(0.5, 2, Language::Sv), "0,5");
        assert_eq!(decimal(0.5, 2, Language::En), "0.5");
        assert_eq!(decimal(12.0, 1, Language::Sv), "12");
    }

    #[test]
    fn long_dates_follow_the_language() {
        assert_eq!(long_date("2026-03-16", Language::Sv), "16 mars 2026");
        assert_eq!(long_date("2025-11-29", Language::En), "29 November 2025");
        assert_eq!(long_date("okänt", Language::Sv), "okänt");
    }

    #[test]
    fn fences_outgrow_the_content() {
        assert_eq!(fenced("yaml", "a: 1\n"), "```yaml\na: 1\n```");
        assert!(fenced("", "x ```` y").starts_with("`````\n"));
    }

    #[test]
    fn tidy_collapses_blank_lines_outside_code() {
        let t = tidy("\n# A\n\n\n\ntext  \n```\n\n\nkeep\n```\n\n\n");
        assert_eq!(t, "# A\n\ntext\n```\n\n\nkeep\n```\n");
    }
}
