//! Compiler-style diagnostics: code, severity, message, `-->` position, code frame, help.

use std::borrow::Cow;

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::Output;
use crate::config::Language;
use crate::diagnostic::{Diagnostic, Severity};
use crate::l10n::text;
use crate::util::visible::visible;

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
        // Findings come sorted by path: each file's line index is built once, so drawing
        // every frame takes time in proportion to the files, not to findings × file size.
        let mut index: Option<(&str, Vec<usize>)> = None;
        for d in out.diagnostics {
            let path = d.path().unwrap_or("");
            if index.as_ref().is_none_or(|(p, _)| *p != path) {
                let starts = (out.file_text)(path).map(line_starts).unwrap_or_default();
                index = Some((path, starts));
            }
            let starts = index.as_ref().map_or(&[][..], |(_, s)| s.as_slice());
            s.push_str(&one(d, out, &renderer, starts));
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

/// One finding. Its message, help and path are printed with control characters and
/// reordering marks made visible ([`visible`]): a record's text must not start a line of
/// its own in a CI log, where the runner would read it as a workflow command.
fn one(d: &Diagnostic, out: &Output<'_>, renderer: &Renderer, starts: &[usize]) -> String {
    let message = visible(&d.message);
    let title = level(d.severity, out.lang)
        .primary_title(message.as_ref())
        .id(d.code);
    let mut groups = Vec::new();
    let frame = d
        .location
        .as_ref()
        .and_then(|l| Some((l, l.span?, (out.file_text)(&l.path)?)));
    let first = match frame {
        Some((loc, span, text)) => {
            let (excerpt, start_line, range) = excerpt(text, starts, span);
            let (excerpt, range) = shown(excerpt, range);
            title.element(
                Snippet::source(excerpt)
                    .line_start(start_line as usize)
                    .path(visible(&loc.path))
                    .annotation(AnnotationKind::Primary.span(range)),
            )
        }
        None => match &d.location {
            Some(loc) => {
                let mut origin = Origin::path(visible(&loc.path));
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
                .secondary_title(visible(help)),
        ));
    }
    renderer.render(&groups)
}

/// The byte offset at which each line of `text` starts (a final line break starts no
/// line of its own).
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(
            memchr::memchr_iter(b'\n', text.as_bytes())
                .map(|i| i + 1)
                .filter(|&i| i < text.len()),
        )
        .collect()
}

/// The lines around `span`, the number of the first one, and the span's byte range within
/// them, found through `starts` (from [`line_starts`]) without scanning the file. Only a few
/// lines are handed to the renderer: records files can be long.
fn excerpt<'t>(
    text: &'t str,
    starts: &[usize],
    span: crate::source::span::Span,
) -> (&'t str, u32, std::ops::Range<usize>) {
    let line = span.start.line.max(1);
    let first = line.saturating_sub(CONTEXT_LINES).max(1);
    let last = line + CONTEXT_LINES;
    let start_of = |n: u32| starts.get(n as usize - 1).copied();
    // A position past the last line shows the file from its start, as far as it goes.
    let begin = start_of(first).unwrap_or(0).min(text.len());
    let end = start_of(last + 1)
        .unwrap_or(text.len())
        .min(text.len())
        .max(begin);
    let slice = text[begin..end].trim_end_matches(['\n', '\r']);
    // The span's line may be one of the empty lines the excerpt's end lost.
    let line_begin = start_of(line)
        .unwrap_or(begin)
        .saturating_sub(begin)
        .min(slice.len());
    let line_text = &slice[line_begin..];
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

/// The excerpt as the code frame shows it: every character that [`visible`] replaces shown
/// as its stand-in, as in the message, and `range` moved along with the text. Line breaks
/// and tabs stay for the renderer to lay out. The renderer replaces C0 controls and the
/// bidirectional overrides itself, but not C1 controls (U+009B starts an escape sequence
/// in some terminals), the marks that reorder text or the line separators.
fn shown(excerpt: &str, range: std::ops::Range<usize>) -> (Cow<'_, str>, std::ops::Range<usize>) {
    const KEPT: [char; 3] = ['\n', '\r', '\t'];
    if excerpt
        .split(KEPT)
        .all(|part| matches!(visible(part), Cow::Borrowed(_)))
    {
        return (Cow::Borrowed(excerpt), range);
    }
    let mut out = String::with_capacity(excerpt.len() + 16);
    let (mut start, mut end) = (None, None);
    for (i, c) in excerpt.char_indices() {
        if i == range.start {
            start = Some(out.len());
        }
        if i == range.end {
            end = Some(out.len());
        }
        let mut buf = [0; 4];
        match KEPT.contains(&c) {
            true => out.push(c),
            false => out.push_str(&visible(c.encode_utf8(&mut buf))),
        }
    }
    let start = start.unwrap_or(out.len());
    let end = end.unwrap_or(out.len()).max(start);
    (Cow::Owned(out), start..end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::span::{Pos, Span};

    #[test]
    fn excerpt_marks_the_value() {
        let text = "kind: policy\nid: p\nadopted: 2019-11-12\nowner: A\nx: y\n";
        let span = Span::new(Pos { line: 3, col: 9 }, Pos { line: 3, col: 19 });
        let (slice, first, range) = excerpt(text, &line_starts(text), span);
        assert_eq!(first, 2);
        assert_eq!(slice, "id: p\nadopted: 2019-11-12\nowner: A");
        assert_eq!(&slice[range], "2019-11-12");
    }

    #[test]
    fn excerpt_handles_crlf_and_non_ascii() {
        let text = "name: Överförmyndare\r\nid: ö\r\n";
        let span = Span::new(Pos { line: 1, col: 6 }, Pos { line: 1, col: 20 });
        let (slice, _, range) = excerpt(text, &line_starts(text), span);
        assert_eq!(&slice[range], "Överförmyndare");
    }

    /// Found by fuzzing: a position on an empty last line (after a CRLF) lay past the
    /// excerpt, whose final line breaks are cut, and the renderer refused the range.
    #[test]
    fn a_position_on_a_trailing_empty_line_is_shown_at_the_excerpts_end() {
        let text = "---\nseq:\n&anchone_mea-\r\n\n";
        let span = Span::new(Pos { line: 4, col: 0 }, Pos { line: 4, col: 0 });
        let (slice, _, range) = excerpt(text, &line_starts(text), span);
        assert!(range.end <= slice.len(), "{range:?} in {slice:?}");
        assert!(framed(text, span).contains("u.yaml"));
    }

    /// A REC001 at `at` in the file `u.yaml` holding `text`, rendered with its code frame.
    fn framed(text: &str, at: Span) -> String {
        let d = Diagnostic::new("REC001", Severity::Error, "m").at("u.yaml".into(), Some(at));
        let file_text = |_: &str| Some(text);
        let out = Output {
            as_of: "2026-01-01".into(),
            diagnostics: std::slice::from_ref(&d),
            records: 1,
            counts: &[],
            file_text: &file_text,
            rules: &[],
            lang: Language::En,
            path_prefix: "",
        };
        render(&out, false, false)
    }

    /// Found by fuzzing: the code frame showed the line as written, and the renderer leaves
    /// C1 controls (U+009B starts an escape sequence), reordering marks and line separators
    /// as they are.
    #[test]
    fn code_frames_show_controls_and_reordering_marks_as_stand_ins() {
        let text = "kind: unit\nname: \u{9b}2J\u{200f}x\u{2028}: ]\n";
        let at = Span::new(Pos { line: 2, col: 6 }, Pos { line: 2, col: 15 });
        let shown = framed(text, at);
        assert!(
            !shown.contains(['\u{9b}', '\u{200f}', '\u{2028}']),
            "{shown}"
        );
        let value = "<U+009B>2J<U+200F>x<U+2028>: ]";
        assert!(shown.contains(&format!("name: {value}")), "{shown}");
        // The whole value is still marked.
        assert!(
            shown.contains(&format!(" {}\n", "^".repeat(value.len()))),
            "{shown}"
        );
    }

    #[test]
    fn record_text_cannot_start_a_line_of_its_own() {
        let d = Diagnostic::new(
            "REC001",
            Severity::Error,
            "value `service\n::error file=README.md,line=1::approved` is not allowed",
        )
        .with_help("x\n::add-mask::error");
        let no_text = |_: &str| None;
        let out = Output {
            as_of: "2026-01-01".into(),
            diagnostics: std::slice::from_ref(&d),
            records: 1,
            counts: &[],
            file_text: &no_text,
            rules: &[],
            lang: Language::En,
            path_prefix: "",
        };
        let text = render(&out, false, false);
        assert!(
            text.lines().all(|l| !l.trim_start().starts_with("::")),
            "{text}"
        );
        assert!(text.contains("service␊::error"), "{text}");
    }
}
