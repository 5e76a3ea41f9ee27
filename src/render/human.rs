//! Compiler-style diagnostics: code, severity, message, `-->` position, code frame, help.

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::Output;
use crate::config::Language;
use crate::diagnostic::{Diagnostic, Severity};
use crate::l10n::text;

/// Lines of context shown above and below the offending line.
const CONTEXT_LINES: u32 = 1;

/// Renders every diagnostic, then the summary line (or only the summary when `quiet`).
pub fn render(out: &Output<'_>, color: bool, quiet: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .decor_style(DecorStyle::Ascii);
    let mut s = String::new();
    if !quiet {
        for d in out.diagnostics {
            s.push_str(&one(d, out, &renderer));
            s.push_str("\n\n");
        }
    }
    s.push_str(&out.summary_line());
    s.push('\n');
    s
}

/// The level of a finding, named in `lang` (`error` / `brist`).
fn level(sev: Severity, lang: Language) -> Level<'static> {
    let level = match sev {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    level.with_name(text(lang, &format!("severity-{}", sev.as_str()), &[]))
}

fn one(d: &Diagnostic, out: &Output<'_>, renderer: &Renderer) -> String {
    let title = level(d.severity, out.lang)
        .primary_title(d.message.as_str())
        .id(d.code);
    let mut groups = Vec::new();
    let frame = d
        .location
        .as_ref()
        .and_then(|l| Some((l, l.span?, (out.file_text)(&l.path)?)));
    let first = match frame {
        Some((loc, span, text)) => {
            let (excerpt, start_line, range) = excerpt(text, span);
            title.element(
                Snippet::source(excerpt)
                    .line_start(start_line as usize)
                    .path(&*loc.path)
                    .annotation(AnnotationKind::Primary.span(range)),
            )
        }
        None => match &d.location {
            Some(loc) => {
                let mut origin = Origin::path(&*loc.path);
                if let Some(span) = loc.span {
                    origin = origin
                        .line(span.start.line as usize)
                        .char_column(span.start.column() as usize);
                }
                title.element(origin)
            }
            None => Group::with_title(title),
        },
    };
    groups.push(first);
    if let Some(help) = &d.help {
        groups.push(Group::with_title(
            Level::HELP
                .with_name(text(out.lang, "help", &[]))
                .secondary_title(help.as_str()),
        ));
    }
    renderer.render(&groups)
}

/// The lines around `span`, the number of the first one, and the span's byte range within
/// them. Only a few lines are handed to the renderer: records files can be long.
fn excerpt(text: &str, span: crate::source::span::Span) -> (&str, u32, std::ops::Range<usize>) {
    let line = span.start.line.max(1);
    let first = line.saturating_sub(CONTEXT_LINES).max(1);
    let last = line + CONTEXT_LINES;
    let mut starts = Vec::new();
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        let n = i as u32 + 1;
        if n >= first && n <= last + 1 {
            starts.push((n, offset));
        }
        if n > last + 1 {
            break;
        }
        offset += l.len();
    }
    let begin = starts.first().map_or(0, |s| s.1);
    let end = starts
        .iter()
        .find(|(n, _)| *n == last + 1)
        .map_or(text.len(), |s| s.1);
    let slice = text[begin..end].trim_end_matches(['\n', '\r']);
    let line_begin = starts
        .iter()
        .find(|(n, _)| *n == line)
        .map_or(begin, |s| s.1)
        - begin;
    let line_text = &slice[line_begin.min(slice.len())..];
    let line_text = line_text
        .split('\n')
        .next()
        .unwrap_or("")
        .trim_end_matches('\r');
    let col_byte = |col: u32| {
        line_text
            .char_indices()
            .nth(col as usize)
            .map_or(line_text.len(), |(b, _)| b)
    };
    let start = col_byte(span.start.col);
    let end = if span.end.line == span.start.line && span.end.col > span.start.col {
        col_byte(span.end.col)
    } else {
        // Multi-line values are marked on their first line only; to its end, or one
        // character where the line is empty.
        line_text
            .len()
            .max(start + usize::from(start < line_text.len()))
    };
    let range = line_begin + start..line_begin + end.max(start);
    (slice, first, range)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::span::{Pos, Span};

    #[test]
    fn excerpt_marks_the_value() {
        let text = "kind: policy\nid: p\nadopted: 2019-11-12\nowner: A\nx: y\n";
        let span = Span::new(Pos { line: 3, col: 9 }, Pos { line: 3, col: 19 });
        let (slice, first, range) = excerpt(text, span);
        assert_eq!(first, 2);
        assert_eq!(slice, "id: p\nadopted: 2019-11-12\nowner: A");
        assert_eq!(&slice[range], "2019-11-12");
    }

    #[test]
    fn excerpt_handles_crlf_and_non_ascii() {
        let text = "name: Överförmyndare\r\nid: ö\r\n";
        let span = Span::new(Pos { line: 1, col: 6 }, Pos { line: 1, col: 20 });
        let (slice, _, range) = excerpt(text, span);
        assert_eq!(&slice[range], "Överförmyndare");
    }
}
