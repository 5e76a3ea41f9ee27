//! JUnit XML output of `isms check`, for the test-report views of GitLab and Jenkins:
//! each rule that ran is a test case, failed by its errors and warnings.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::Output;
use crate::diagnostic::{Diagnostic, Severity};

/// Renders the findings as one JUnit XML document ending in a newline.
///
/// A rule with error or warning findings fails with a single `<failure>` that lists them
/// all: GitLab and Jenkins both read only the first `<failure>` of a test case, so one
/// element per finding would hide all but the first. Info findings do not fail a test
/// case; they are listed in its `<system-out>`.
pub fn render(out: &Output<'_>) -> String {
    let cases = cases(out);
    let failures = cases.iter().filter(|c| c.fails()).count();
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let counts = format!(
        "tests=\"{}\" failures=\"{failures}\" errors=\"0\"",
        cases.len()
    );
    // Jenkins' schema allows `skipped` on a test suite only.
    let _ = writeln!(s, "<testsuites name=\"isms\" {counts} time=\"0\">");
    let _ = writeln!(
        s,
        "  <testsuite name=\"isms check\" {counts} skipped=\"0\" time=\"0\">"
    );
    s.push_str("    <properties>\n");
    for (name, value) in [
        ("as_of", out.as_of.clone()),
        ("records", out.records.to_string()),
    ] {
        let _ = writeln!(
            s,
            "      <property name=\"{name}\" value=\"{}\"/>",
            attr(&value)
        );
    }
    s.push_str("    </properties>\n");
    for case in &cases {
        case.write(&mut s);
    }
    s.push_str("  </testsuite>\n");
    s.push_str("</testsuites>\n");
    s
}

/// One rule as a test case, with its findings.
struct Case<'a> {
    code: &'static str,
    name: Option<&'static str>,
    failing: Vec<&'a Diagnostic>,
    infos: Vec<&'a Diagnostic>,
}

impl Case<'_> {
    fn fails(&self) -> bool {
        !self.failing.is_empty()
    }

    fn write(&self, s: &mut String) {
        let area: String = self
            .code
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect();
        let name = match self.name {
            Some(n) => format!("{} {n}", self.code),
            None => self.code.to_owned(),
        };
        let _ = write!(
            s,
            "    <testcase classname=\"isms.{}\" name=\"{}\" time=\"0\"",
            attr(&area),
            attr(&name)
        );
        if !self.fails() && self.infos.is_empty() {
            s.push_str("/>\n");
            return;
        }
        s.push_str(">\n");
        if self.fails() {
            let message = match self.failing.as_slice() {
                [only] => only.message.clone(),
                many => counts(many),
            };
            let lines: Vec<String> = self.failing.iter().map(|d| finding_text(d)).collect();
            let _ = writeln!(
                s,
                "      <failure message=\"{}\" type=\"{}\">{}</failure>",
                attr(&message),
                attr(self.code),
                text(&lines.join("\n\n"))
            );
        }
        if !self.infos.is_empty() {
            let lines: Vec<String> = self.infos.iter().map(|d| finding_text(d)).collect();
            let _ = writeln!(
                s,
                "      <system-out>{}</system-out>",
                text(&lines.join("\n\n"))
            );
        }
        s.push_str("    </testcase>\n");
    }
}

/// The rules that ran, in catalogue order, then a case for every other code that has a
/// finding (so that no finding is lost), in code order.
fn cases<'a>(out: &Output<'a>) -> Vec<Case<'a>> {
    let mut cases: Vec<Case<'a>> = out
        .rules
        .iter()
        .map(|r| Case {
            code: r.meta().code,
            name: Some(r.meta().name),
            failing: Vec::new(),
            infos: Vec::new(),
        })
        .collect();
    let extra: BTreeSet<&'static str> = out
        .diagnostics
        .iter()
        .map(|d| d.code)
        .filter(|c| !cases.iter().any(|k| k.code == *c))
        .collect();
    cases.extend(extra.into_iter().map(|code| {
        Case {
            code,
            name: crate::rules::all()
                .into_iter()
                .map(|r| r.meta())
                .find(|m| m.code == code)
                .map(|m| m.name),
            failing: Vec::new(),
            infos: Vec::new(),
        }
    }));
    for d in out.diagnostics {
        if let Some(case) = cases.iter_mut().find(|c| c.code == d.code) {
            match d.severity {
                Severity::Error | Severity::Warning => case.failing.push(d),
                Severity::Info => case.infos.push(d),
            }
        }
    }
    cases
}

/// `2 errors, 1 warning`
fn counts(ds: &[&Diagnostic]) -> String {
    let n = |sev| ds.iter().filter(|d| d.severity == sev).count();
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut parts = Vec::new();
    let errors = n(Severity::Error);
    if errors > 0 {
        parts.push(plural(errors, "error", "errors"));
    }
    let warnings = n(Severity::Warning);
    if warnings > 0 {
        parts.push(plural(warnings, "warning", "warnings"));
    }
    parts.join(", ")
}

/// `path:line:col: severity: message`, then `help: ...` on its own line.
fn finding_text(d: &Diagnostic) -> String {
    let mut s = String::new();
    if let Some(path) = d.path() {
        s.push_str(path);
        if let Some(line) = d.line() {
            let _ = write!(s, ":{line}");
            if let Some(col) = d.column() {
                let _ = write!(s, ":{col}");
            }
        }
        s.push_str(": ");
    }
    let _ = write!(s, "{}: {}", d.severity.as_str(), d.message);
    if let Some(help) = &d.help {
        let _ = write!(s, "\nhelp: {help}");
    }
    s
}

/// Escapes an XML 1.0 attribute value. Tab, newline and carriage return become
/// character references: a parser turns a literal one into a space in an attribute.
fn attr(value: &str) -> String {
    escape(value, true)
}

/// Escapes XML 1.0 element content; newlines stay as they are, for a readable file.
fn text(content: &str) -> String {
    escape(content, false)
}

/// Escapes the five markup characters and drops what XML 1.0 does not allow at all
/// (control characters other than tab, newline and carriage return; U+FFFE, U+FFFF).
fn escape(raw: &str, in_attribute: bool) -> String {
    let mut s = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '"' => s.push_str("&quot;"),
            '\'' => s.push_str("&apos;"),
            // A literal CR would be read back as LF, in content too.
            '\r' => s.push_str("&#13;"),
            '\t' if in_attribute => s.push_str("&#9;"),
            '\n' if in_attribute => s.push_str("&#10;"),
            '\t' | '\n' => s.push(c),
            c if c < '\u{20}' || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => s.push(c),
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_handles_markup_quotes_and_forbidden_characters() {
        for f in [attr, text] {
            assert_eq!(
                f("<tag> & \"quotes\" 'x'"),
                "&lt;tag&gt; &amp; &quot;quotes&quot; &apos;x&apos;"
            );
            assert_eq!(f("a\u{0}b\u{1b}c\u{fffe}d\u{7f}"), "abcd\u{7f}");
            assert_eq!(f("åäö ]]>"), "åäö ]]&gt;");
        }
        assert_eq!(attr("l1\nl2\r\tx"), "l1&#10;l2&#13;&#9;x");
        assert_eq!(text("l1\nl2\r\tx"), "l1\nl2&#13;\tx");
    }

    #[test]
    fn finding_text_has_position_severity_and_help() {
        use std::sync::Arc;
        let span = crate::source::span::Span::point(crate::source::span::Pos { line: 3, col: 4 });
        let d = Diagnostic::new("DOC001", Severity::Warning, "old")
            .at(Arc::from("p.yaml"), Some(span))
            .with_help("review it");
        assert_eq!(
            finding_text(&d),
            "p.yaml:3:5: warning: old\nhelp: review it"
        );
        let bare = Diagnostic::new("ORG003", Severity::Error, "no ciso");
        assert_eq!(finding_text(&bare), "error: no ciso");
        let file_only =
            Diagnostic::new("REC001", Severity::Error, "bad").at(Arc::from("x.yaml"), None);
        assert_eq!(finding_text(&file_only), "x.yaml: error: bad");
    }

    #[test]
    fn counts_names_errors_then_warnings() {
        let e = Diagnostic::new("X001", Severity::Error, "e");
        let w = Diagnostic::new("X001", Severity::Warning, "w");
        assert_eq!(counts(&[&e, &w, &e]), "2 errors, 1 warning");
        assert_eq!(counts(&[&w, &w]), "2 warnings");
    }
}
