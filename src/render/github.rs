//! GitHub Actions workflow commands for `isms check`: one `::error`/`::warning`/`::notice`
//! annotation per finding, then the summary line, so findings show on the changed files.

use std::fmt::Write as _;

use super::Output;
use crate::diagnostic::{Diagnostic, Severity};

/// Renders one annotation line per finding, then the summary line.
pub fn render(out: &Output<'_>) -> String {
    let mut s = String::new();
    for d in out.diagnostics {
        s.push_str(&annotation(d, rule_name(out, d.code)));
        s.push('\n');
    }
    s.push_str(&out.summary_line());
    s.push('\n');
    s
}

/// The kebab name of a code: from the rules that ran, else from the catalogue.
fn rule_name(out: &Output<'_>, code: &str) -> Option<&'static str> {
    out.rules
        .iter()
        .map(|r| r.meta())
        .chain(crate::rules::all().into_iter().map(|r| r.meta()))
        .find(|m| m.code == code)
        .map(|m| m.name)
}

/// `::error file=P,line=L,col=C,title=CODE name::message%0Ahelp: ...`
fn annotation(d: &Diagnostic, name: Option<&str>) -> String {
    let command = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let mut props = Vec::new();
    if let Some(path) = d.path() {
        props.push(format!("file={}", property(path)));
        if let Some(line) = d.line() {
            props.push(format!("line={line}"));
            if let Some(col) = d.column() {
                props.push(format!("col={col}"));
            }
        }
    }
    let title = match name {
        Some(n) => format!("{} {n}", d.code),
        None => d.code.to_owned(),
    };
    props.push(format!("title={}", property(&title)));
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        let _ = write!(message, "\nhelp: {help}");
    }
    format!("::{command} {}::{}", props.join(","), data(&message))
}

/// Escapes a command's message the way the Actions runner unescapes it.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property: like the message, and `:` and `,` too, which would
/// otherwise end the property.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn data_escapes_percent_first_then_line_breaks() {
        assert_eq!(data("100% done\r\nnext"), "100%25 done%0D%0Anext");
        assert_eq!(data("%0A"), "%250A");
        assert_eq!(data("a: b, c"), "a: b, c");
    }

    #[test]
    fn property_also_escapes_colon_and_comma() {
        assert_eq!(property("a: b, c%\n"), "a%3A b%2C c%25%0A");
    }

    #[test]
    fn annotation_without_location_has_only_a_title() {
        let d = Diagnostic::new("ORG003", Severity::Info, "no ciso");
        assert_eq!(annotation(&d, None), "::notice title=ORG003::no ciso");
    }

    #[test]
    fn annotation_with_file_but_no_span_has_no_line() {
        let d = Diagnostic::new("REC001", Severity::Error, "cannot read")
            .at(Arc::from("a,b:c.yaml"), None)
            .with_help("fix it");
        assert_eq!(
            annotation(&d, Some("schema-violation")),
            "::error file=a%2Cb%3Ac.yaml,title=REC001 schema-violation::cannot read%0Ahelp: fix it"
        );
    }
}
