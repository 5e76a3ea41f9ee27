//! Board papers: a rendered report's Markdown turned into what a council receives, and the
//! choice of how its charts appear.
//!
//! Markdown stays the source format. Every report is rendered to Markdown first (built-in or
//! the user's template), together with the charts its data holds. The HTML (`html.rs`) and
//! Word (`docx.rs`) writers read that Markdown; a fenced `mermaid` block whose text is one of
//! the report's charts is drawn from the chart's data (`svg.rs`), never parsed back from the
//! Mermaid text. A block that matches no chart (a user's template may write its own) stays
//! code.

use crate::config::Language;
use crate::report::charts::Chart;

/// A rendered report: its Markdown and the charts its data holds, in the data's order.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub lang: Language,
    pub markdown: String,
    pub charts: Vec<Chart>,
}

impl Rendered {
    /// The chart whose Mermaid source is `code` (a fenced block's text, with or without its
    /// final line break).
    pub fn chart_for(&self, code: &str) -> Option<&Chart> {
        let code = code.strip_suffix('\n').unwrap_or(code);
        self.charts.iter().find(|c| c.mermaid() == code)
    }
}

/// How charts appear (`--charts`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartMode {
    /// Mermaid code blocks (the Markdown default).
    Mermaid,
    /// Left out.
    None,
    /// Drawn as SVG: inline in HTML, as pictures in Word, as files beside `-o` for Markdown.
    Svg,
}

/// What the header block of a board paper says, and the document properties of a Word file.
#[derive(Debug, Clone)]
pub struct Meta {
    pub lang: Language,
    /// `management`, `audit`, …
    pub report: &'static str,
    /// The report's title: its first heading.
    pub title: String,
    /// The organisation's name, empty when `organisation.yaml` gives none.
    pub organisation: String,
    /// The date the figures are as of (`--as-of`), ISO.
    pub as_of: String,
    /// The paper's date (`--date`, default the as-of date), ISO.
    pub date: String,
    /// The decision's reference (diarienummer) when given (`--decision-ref`).
    pub decision_ref: Option<String>,
}

/// A chart drawn beside a Markdown report (`--charts svg`): its file name and SVG text.
pub struct ChartFile {
    pub name: String,
    pub svg: String,
}

/// The Markdown of a report with its charts as `mode` asks: unchanged Mermaid blocks, none,
/// or links to SVG files named `<stem>-<n>.svg` (returned, for the caller to write beside
/// the report).
pub fn markdown(rendered: &Rendered, mode: ChartMode, stem: &str) -> (String, Vec<ChartFile>) {
    if mode == ChartMode::Mermaid {
        return (rendered.markdown.clone(), Vec::new());
    }
    let mut out = String::with_capacity(rendered.markdown.len());
    let mut files = Vec::new();
    for block in blocks(&rendered.markdown) {
        match block {
            Block::Text(t) => out.push_str(t),
            Block::Mermaid { whole, code } => match (rendered.chart_for(code), mode) {
                (Some(chart), ChartMode::Svg) => {
                    let name = format!("{stem}-{}.svg", files.len() + 1);
                    out.push_str(&format!(
                        "![{}]({name})\n",
                        crate::report::markdown::escape(&chart.title)
                    ));
                    files.push(ChartFile {
                        name,
                        svg: crate::report::svg::render(chart, rendered.lang),
                    });
                }
                (Some(_), _) => {}
                (None, _) => out.push_str(whole),
            },
        }
    }
    (crate::report::markdown::tidy(&out), files)
}

/// A piece of a report's Markdown: text, or a fenced `mermaid` block.
pub enum Block<'a> {
    Text(&'a str),
    /// The block with its fences, and the text between them.
    Mermaid {
        whole: &'a str,
        code: &'a str,
    },
}

/// The report's Markdown cut into text and fenced `mermaid` blocks (a fence of three or
/// more backticks, closed by as many on a line of their own), in order; together they are
/// the whole text.
pub fn blocks(markdown: &str) -> Vec<Block<'_>> {
    let mut out = Vec::new();
    let mut text_start = 0;
    let mut pos = 0;
    // (the block's start, where its code starts, its fence)
    let mut open: Option<(usize, usize, &str)> = None;
    for line in markdown.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let trimmed = line.trim();
        match open {
            None => {
                let ticks = trimmed.len() - trimmed.trim_start_matches('`').len();
                if ticks >= 3 && trimmed[ticks..].trim() == "mermaid" {
                    open = Some((start, pos, &trimmed[..ticks]));
                }
            }
            Some((block_start, code_start, fence)) => {
                if trimmed.starts_with(fence) && trimmed.trim_start_matches('`').is_empty() {
                    if text_start < block_start {
                        out.push(Block::Text(&markdown[text_start..block_start]));
                    }
                    out.push(Block::Mermaid {
                        whole: &markdown[block_start..pos],
                        code: &markdown[code_start..start],
                    });
                    text_start = pos;
                    open = None;
                }
            }
        }
    }
    if text_start < markdown.len() {
        out.push(Block::Text(&markdown[text_start..]));
    }
    out
}

/// The words of a paper's header block and page footer, and its language tag.
pub struct Words {
    pub organisation: &'static str,
    pub report: &'static str,
    pub date: &'static str,
    pub as_of: &'static str,
    pub reference: &'static str,
    pub page: &'static str,
    pub of: &'static str,
    /// The document's language tag.
    pub tag: &'static str,
}

impl Words {
    pub fn of(lang: Language) -> Words {
        match lang {
            Language::Sv => Words {
                organisation: "Organisation",
                report: "Rapport",
                date: "Datum",
                as_of: "Underlag per",
                reference: "Diarienummer",
                page: "Sida",
                of: "av",
                tag: "sv-SE",
            },
            Language::En => Words {
                organisation: "Organisation",
                report: "Report",
                date: "Date",
                as_of: "Figures as of",
                reference: "Reference",
                page: "Page",
                of: "of",
                tag: "en-GB",
            },
        }
    }
}

/// Where a board paper starts a new page: before every appendix, and before the first
/// level-two heading after the summary, so that the summary is a page of its own.
#[derive(Debug, Default)]
pub struct PageBreaks {
    after_summary: bool,
}

impl PageBreaks {
    /// Whether the level-two heading with this text (unescaped) starts a new page; call it
    /// for every level-two heading in order.
    pub fn before_heading(&mut self, text: &str) -> bool {
        let text = text.trim();
        let summary = matches!(text, "Sammanfattning" | "Summary");
        let page = std::mem::replace(&mut self.after_summary, summary) || is_appendix(text);
        page && !summary
    }
}

/// An appendix heading: "Bilaga 1 – …" or "Appendix 1 – …".
pub fn is_appendix(heading: &str) -> bool {
    ["Bilaga ", "Appendix "].iter().any(|p| {
        heading
            .strip_prefix(p)
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
    })
}

/// The text of the first level-one heading, without its `#` and Markdown escapes.
pub fn title_of(markdown: &str) -> String {
    markdown
        .lines()
        .find_map(|l| l.strip_prefix("# "))
        .map(unescape)
        .unwrap_or_default()
}

/// Markdown text with its backslash escapes removed (`\*` → `*`).
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match (c, chars.clone().next()) {
            ('\\', Some(n)) if n.is_ascii_punctuation() => {
                out.push(n);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::charts;

    #[test]
    fn a_block_is_a_chart_only_when_its_text_is_the_chart() {
        let pie = charts::pie("Typ", &[("IT".into(), 2)]).unwrap();
        let r = Rendered {
            lang: Language::Sv,
            markdown: String::new(),
            charts: vec![pie.clone()],
        };
        assert_eq!(r.chart_for(&format!("{}\n", pie.mermaid())), Some(&pie));
        assert_eq!(r.chart_for(pie.mermaid()), Some(&pie));
        assert_eq!(r.chart_for("pie showData\n    title Typ"), None);
    }

    #[test]
    fn charts_are_kept_left_out_or_linked() {
        let pie = charts::pie("Typ: *x*", &[("IT".into(), 2)]).unwrap();
        let r = Rendered {
            lang: Language::Sv,
            markdown: format!(
                "# R\n\nFöre.\n\n```mermaid\n{}\n```\n\n```mermaid\npie\n```\n\nEfter.\n",
                pie.mermaid()
            ),
            charts: vec![pie.clone()],
        };
        let (same, files) = markdown(&r, ChartMode::Mermaid, "r");
        assert_eq!((same.as_str(), files.len()), (r.markdown.as_str(), 0));
        let (none, files) = markdown(&r, ChartMode::None, "r");
        assert_eq!(
            none, "# R\n\nFöre.\n\n```mermaid\npie\n```\n\nEfter.\n",
            "a block that is no chart of the report stays"
        );
        assert!(files.is_empty());
        let (linked, files) = markdown(&r, ChartMode::Svg, "rapport");
        assert!(
            linked.contains("![Typ: \\*x\\*](rapport-1.svg)\n"),
            "{linked}"
        );
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].name, "rapport-1.svg");
        assert!(files[0].svg.starts_with("<svg"));
    }

    #[test]
    fn pages_break_after_the_summary_and_before_appendices() {
        let mut p = PageBreaks::default();
        let breaks: Vec<bool> = [
            "Sammanfattning",
            "1. Status",
            "2. Resultat",
            "Bilaga 1 – Brister",
            "Bilaga 2 – Försenade",
            "Bilagor",
        ]
        .iter()
        .map(|h| p.before_heading(h))
        .collect();
        assert_eq!(breaks, [false, true, false, true, true, false]);
        assert!(is_appendix("Appendix 3 – Findings"));
        assert!(!is_appendix("Bilaga till beslut"));
    }

    #[test]
    fn the_title_is_the_first_heading_unescaped() {
        assert_eq!(
            title_of("intro\n# Ledningens genomgång \\*2026\\*\n# Andra"),
            "Ledningens genomgång *2026*"
        );
        assert_eq!(title_of("no heading"), "");
    }
}
