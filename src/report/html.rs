//! `--format html`: a report as one self-contained, print-ready HTML file, the board paper a
//! council secretary attaches to the agenda or prints to PDF.
//!
//! The report's Markdown is read with pulldown-cmark and written by the small writer below,
//! not by pulldown-cmark's own HTML output: record text is hostile, so every text is escaped
//! here, raw HTML in the Markdown (a user's template may hold some) is shown as text, links
//! keep only web, mail and relative targets, and pictures are never fetched (their
//! description stands in). Charts are drawn as inline SVG from the report's chart data.
//! The page layout (A4, page numbers, page breaks, tables that fit the page) is the
//! stylesheet's (`board.css`); the writer marks where pages break and how cells align.

use std::fmt::Write as _;

use pulldown_cmark::{Alignment, CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::report::board::{ChartMode, Meta, PageBreaks, Rendered, Words};
use crate::report::markdown::long_date;
use crate::util::visible::visible;

/// The stylesheet of every board paper; the page footer, which depends on the paper, is
/// added after it.
const CSS: &str = include_str!("board.css");

/// A token at least this long (in characters) that holds a letter gets break opportunities
/// after its separators: ids and paths (`sarbarhetsskanning-2026-q4`) then wrap in a
/// narrow column instead of widening the table. A shorter token with a hyphen or a slash
/// (`soa-nis2`, `act-2026-01`) is kept whole, as is every ISO date.
const LONG_TOKEN: usize = 16;

/// The width a table may take, in thousandths of an em of its text: the page's text width
/// (A4 less the margins in `board.css`, 168 mm, 476 pt) over the table's font size (9 pt).
const TABLE_WIDTH: u64 = 476_000 / 9;

/// A cell's padding, left and right (4 pt each in `board.css`), in thousandths of an em.
const CELL_PADDING: u64 = 8_000 / 9;

/// The same in a table set small (8 pt, class `small`), because its words would not fit
/// at 9 pt: a smaller table reads better than one whose words break.
const SMALL_TABLE_WIDTH: u64 = 476_000 / 8;
const SMALL_CELL_PADDING: u64 = 8_000 / 8;

/// A table whose estimated natural width is at most this share of the page, in percent,
/// is set as wide as its content rather than across the page: a two-column count should
/// not hold its label and its number a page apart.
const NARROW_PERCENT: u64 = 60;

/// The HTML document of a rendered report.
pub fn document(rendered: &Rendered, meta: &Meta, charts: ChartMode) -> String {
    let lang = meta.lang;
    let mut out = String::with_capacity(rendered.markdown.len() * 2 + CSS.len() + 4096);
    let title = joined(&[&meta.title, &meta.organisation]);
    let mut writer = Writer::new(rendered, charts);
    writer.write(&rendered.markdown);
    let body = writer.out;
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"isms\">\n<title>{}</title>\n<style>\n{CSS}{}{}</style>\n\
         </head>\n<body>\n",
        lang.as_str(),
        escape(&title),
        broken_columns_css(writer.broken_columns),
        page_footer(meta),
    );
    header_block(&mut out, meta);
    out.push_str("<main>\n");
    out.push_str(&body);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The texts that are not empty, joined by dashes and made visible: the header block, the
/// title and the footer show the paper's texts as they are, never reordered by a
/// bidirectional override or broken by a control character.
fn joined(texts: &[&str]) -> String {
    let parts: Vec<String> = texts
        .iter()
        .map(|t| visible(t.trim()).into_owned())
        .filter(|t| !t.is_empty())
        .collect();
    parts.join(" – ")
}

/// Text escaped for HTML and XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// The block at the top of the first page, as on a municipality's attachment: who, what,
/// when, and the reference of the decision it belongs to.
fn header_block(out: &mut String, meta: &Meta) {
    let words = Words::of(meta.lang);
    let rows = [
        (words.organisation, meta.organisation.as_str()),
        (words.report, &meta.title),
        (words.date, &long_date(&meta.date, meta.lang)),
        (words.as_of, &long_date(&meta.as_of, meta.lang)),
        (words.reference, meta.decision_ref.as_deref().unwrap_or("")),
    ];
    out.push_str("<header class=\"paper\">\n<dl>\n");
    for (label, value) in rows {
        let value = joined(&[value]);
        if value.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "<div><dt>{}</dt><dd>{}</dd></div>",
            escape(label),
            escape(&value)
        );
    }
    out.push_str("</dl>\n</header>\n");
}

/// The CSS of the last resort, for columns 1 to `columns`: in a table whose class names the
/// column (`brk-3`), the column's words break anywhere. The writer gives each such column
/// a minimum width on its header cell.
fn broken_columns_css(columns: usize) -> String {
    if columns == 0 {
        return String::new();
    }
    let mut css = String::new();
    for n in 1..=columns {
        let cell = format!("table.brk-{n} > * > tr > :nth-child({n})");
        css.push_str(&cell);
        css.push_str(if n < columns { ",\n" } else { " {\n" });
    }
    css.push_str("  overflow-wrap: anywhere;\n}\n");
    css
}

/// The CSS of the page footer: the paper's name on the left, "Sida 3 av 9" on the right.
fn page_footer(meta: &Meta) -> String {
    let words = Words::of(meta.lang);
    let name = joined(&[
        &meta.organisation,
        &meta.title,
        meta.decision_ref.as_deref().unwrap_or(""),
    ]);
    format!(
        "@page {{\n  @bottom-left {{ content: {}; }}\n  @bottom-right {{ content: {} \" \" counter(page) \" \" {} \" \" counter(pages); }}\n}}\n",
        css_string(&name),
        css_string(words.page),
        css_string(words.of),
    )
}

/// A CSS string literal holding `text` as it reads: every character that could end the
/// string, the rule or the `<style>` element (quotes, backslashes, braces, `<`, line
/// breaks) is written as a hexadecimal escape.
fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        if c.is_alphanumeric() && !c.is_control() || matches!(c, ' ' | '–' | '-' | '.' | ',') {
            out.push(c);
        } else {
            // The space ends the escape, so a following hex digit stays a character.
            let _ = write!(out, "\\{:x} ", c as u32);
        }
    }
    out.push('"');
    out
}

/// An open table: the alignment of its columns, where its opening tag and its header cells
/// are, and estimates of its columns' widths (thousandths of an em) for choosing its layout
/// when it ends.
struct Table {
    aligns: Vec<Alignment>,
    /// Where `<table>` starts in the output.
    start: usize,
    /// Where each cell is, in order.
    cells: Vec<Cell>,
    in_head: bool,
    column: usize,
    /// Per column: the widest piece of text that cannot break.
    unbreakable: Vec<u64>,
    /// Per column: the widest date or short id, kept on one line unless it cannot fit.
    nowrap: Vec<u64>,
    /// Per column: the widest cell, on one line.
    natural: Vec<u64>,
    /// The width of the current cell's text so far.
    cell: u64,
}

/// How a table is set: as wide as its content or the page, and which columns' words break.
#[derive(Debug, PartialEq, Eq)]
struct Layout {
    narrow: bool,
    /// Set in the smaller font; the widths below are in its ems.
    small: bool,
    /// The columns (from 0) whose words may break anywhere, each with the width it keeps
    /// at least, in thousandths of an em.
    broken: Vec<(usize, u64)>,
    /// The broken columns whose dates and short ids break too, as there is no room for
    /// them on one line.
    unwrapped: Vec<usize>,
}

impl Table {
    /// The table's layout. Breaking a word is the last resort: only when the columns'
    /// unbreakable pieces together are wider than the page, and then only in the columns
    /// with the widest ones, which keep the same width, the widest that lets the table fit
    /// (or their widest date or short id, when wider). Left to itself, a browser squeezes a
    /// column whose words may break anywhere down to a letter or two.
    fn layout(&self) -> Layout {
        let columns = self.unbreakable.len().max(self.natural.len()) as u64;
        let natural: u64 = self.natural.iter().sum::<u64>() + CELL_PADDING * columns;
        let narrow = natural * 100 <= TABLE_WIDTH * NARROW_PERCENT;
        let total = |cap: u64, floors: bool| -> u64 {
            self.unbreakable
                .iter()
                .zip(&self.nowrap)
                .map(|(u, n)| (*u).min(cap.max(if floors { *n } else { 0 })))
                .sum()
        };
        let widest = self.unbreakable.iter().copied().max().unwrap_or(0);
        let unbroken = |small| Layout {
            narrow,
            small,
            broken: Vec::new(),
            unwrapped: Vec::new(),
        };
        if total(widest, false) + CELL_PADDING * columns <= TABLE_WIDTH {
            return unbroken(false);
        }
        // The estimates are in ems, so they hold in the smaller font as they are.
        let room = SMALL_TABLE_WIDTH.saturating_sub(SMALL_CELL_PADDING * columns);
        if total(widest, false) <= room {
            return unbroken(true);
        }
        // Dates and short ids stay whole when that leaves room; the cap is the widest that
        // fits (the total grows with it), but at least a short word.
        let floors = total(0, true) + MIN_BROKEN * columns <= room;
        let (mut low, mut high) = (0, widest);
        while low < high {
            let mid = low + (high - low).div_ceil(2);
            if total(mid, floors) <= room {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        let cap = low.max(MIN_BROKEN);
        let mut broken = Vec::new();
        let mut unwrapped = Vec::new();
        for (i, (u, n)) in self.unbreakable.iter().zip(&self.nowrap).enumerate() {
            let keep = if floors { cap.max(*n) } else { cap };
            if *u > keep {
                broken.push((i, keep));
                if *n > keep {
                    unwrapped.push(i);
                }
            }
        }
        Layout {
            narrow,
            small: true,
            broken,
            unwrapped,
        }
    }

    /// Sets the table's layout in `out`, where the table ends: its classes on its opening
    /// tag, and in each column whose words break, soft hyphens in its long words and the
    /// width it keeps on its header cell (which sets the column's minimum). Returns the last
    /// column (from 1) whose words break, or 0.
    fn finish(&self, out: &mut String) -> usize {
        let layout = self.layout();
        if !layout.narrow && !layout.small {
            return 0;
        }
        // The table is written anew in one pass, from its text as it stands.
        let table = out.split_off(self.start);
        let mut classes = Vec::new();
        if layout.narrow {
            classes.push("narrow".to_owned());
        }
        if layout.small {
            classes.push("small".to_owned());
        }
        classes.extend(layout.broken.iter().map(|(c, _)| format!("brk-{}", c + 1)));
        let _ = write!(out, "<table class=\"{}\">", classes.join(" "));
        let mut from = "<table>".len();
        for cell in &self.cells {
            let Some((_, keep)) = layout.broken.iter().find(|(c, _)| *c == cell.column) else {
                continue;
            };
            if cell.head {
                out.push_str(&table[from..cell.attributes - self.start]);
                let _ = write!(
                    out,
                    " style=\"min-width:{}.{}em\"",
                    keep / 1000,
                    keep % 1000 / 100
                );
                from = cell.attributes - self.start;
            }
            let content = cell.content.start - self.start..cell.content.end - self.start;
            out.push_str(&table[from..content.start]);
            let mut hyphenated = hyphenate(&table[content.clone()]);
            if layout.unwrapped.contains(&cell.column) {
                hyphenated = hyphenated.replace(NOWRAP, "<span>");
            }
            out.push_str(&hyphenated);
            from = content.end;
        }
        out.push_str(&table[from..]);
        layout.broken.last().map_or(0, |(c, _)| c + 1)
    }
}

/// A table cell in the output: its column, whether it is a header cell, where its tag's
/// attributes end (before the `>`), and its content.
struct Cell {
    column: usize,
    head: bool,
    attributes: usize,
    content: std::ops::Range<usize>,
}

/// Words of at least this many letters get soft hyphens in a column whose words break.
const HYPHENATE_FROM: usize = 8;

/// An HTML fragment (escaped text and tags) with soft hyphens (`&shy;`) in its long words,
/// where Swedish may hyphenate them; see [`hyphen_in`]. Tags and entities stay as they are.
fn hyphenate(fragment: &str) -> String {
    let mut out = String::with_capacity(fragment.len() + 16);
    let mut word: Vec<char> = Vec::new();
    // Inside a tag (its attributes hold entities too), or inside an entity of the text.
    let (mut tag, mut entity) = (false, false);
    for c in fragment.chars() {
        if !tag && !entity && c.is_alphabetic() {
            word.push(c);
            continue;
        }
        push_hyphenated(&mut out, &word);
        word.clear();
        out.push(c);
        match c {
            '<' => tag = true,
            '>' => tag = false,
            '&' if !tag => entity = true,
            ';' => entity = false,
            _ => {}
        }
    }
    push_hyphenated(&mut out, &word);
    out
}

fn push_hyphenated(out: &mut String, word: &[char]) {
    let mut from = 0;
    if word.len() >= HYPHENATE_FROM {
        let mut last_vowel: Option<usize> = None;
        for (i, &c) in word.iter().enumerate() {
            if !is_vowel(c) {
                continue;
            }
            if let Some(v) = last_vowel
                && let Some(at) = hyphen_in(word, v, i)
            {
                out.extend(&word[from..at]);
                out.push_str("&shy;");
                from = at;
            }
            last_vowel = Some(i);
        }
    }
    out.extend(&word[from..]);
}

fn is_vowel(c: char) -> bool {
    "aeiouyåäöéüAEIOUYÅÄÖÉÜ".contains(c)
}

/// Consonant groups that begin Swedish words, those with `s` apart: a group between two
/// vowels that ends in one of them breaks before it.
const ONSETS: [&str; 12] = [
    "bl", "br", "dr", "fl", "fr", "gl", "gr", "kl", "kr", "pl", "pr", "tr",
];
const S_ONSETS: [&str; 10] = [
    "skr", "spr", "str", "sk", "sl", "sm", "sn", "sp", "st", "sv",
];

/// Where a word may break between its vowels at `v` and `i` (the position of the letter
/// after the break), by Swedish rules of thumb, in order: before a group that begins words
/// (hets-krav, lednings-grupp), after the linking `s` of a compound (informations-säkerhet,
/// kontinuitets-plan), before an `s` group (kommun-styrelse, bered-skap), otherwise before
/// the last consonant (kas-trull, sä-ker-het); never inside `ng` or `ck`, and leaving at
/// least two letters before and three after. Without a dictionary some compounds break at
/// the wrong joint (perso-nuppgift); it is the last resort before breaking anywhere.
fn hyphen_in(word: &[char], v: usize, i: usize) -> Option<usize> {
    if i < v + 2 {
        return None;
    }
    let group: String = word[v + 1..i]
        .iter()
        .flat_map(|c| c.to_lowercase())
        .collect();
    let lower = |k: usize| word[k].to_lowercase().next().unwrap_or(word[k]);
    // The break before a word-initial group at the end of this one, leaving a consonant.
    let before = |onsets: &[&str]| {
        onsets
            .iter()
            .find(|o| group.len() > o.len() && group.ends_with(*o))
            .map(|o| i - o.chars().count())
    };
    let linking = || {
        (v + 2..i)
            .find(|&j| {
                lower(j) == 's'
                    && (matches!(lower(j - 1), 't' | 'g')
                        || (lower(j - 1) == 'n' && lower(j - 2) == 'o'))
            })
            .map(|j| j + 1)
    };
    let at = before(&ONSETS)
        .or_else(linking)
        .or_else(|| before(&S_ONSETS))
        .or_else(|| ONSETS.contains(&group.as_str()).then_some(v + 1))
        .unwrap_or(i - 1);
    let inside = matches!((lower(at - 1), lower(at)), ('n', 'g') | ('c', 'k'));
    (at >= 2 && word.len() - at >= 3 && !inside).then_some(at)
}

/// The least width a column whose words break keeps (thousandths of an em): a short word.
const MIN_BROKEN: u64 = 4_000;

/// A fenced or indented code block being read.
struct Code {
    mermaid: bool,
    language: String,
    text: String,
}

/// An open heading: its level, the output before it, and its text as read.
struct Heading {
    level: HeadingLevel,
    outer: String,
    text: String,
}

/// Writes the body of the paper from pulldown-cmark's events.
struct Writer<'a> {
    rendered: &'a Rendered,
    charts: ChartMode,
    out: String,
    breaks: PageBreaks,
    heading: Option<Heading>,
    table: Option<Table>,
    code: Option<Code>,
    /// For each open link, whether it was written as `<a>` (a target that is allowed).
    links: Vec<bool>,
    /// Inside a picture, whose description is written as text.
    images: usize,
    /// The last column (from 1) of any table whose words break anywhere.
    broken_columns: usize,
    /// Inside bold text (it is wider).
    strong: usize,
}

impl<'a> Writer<'a> {
    fn new(rendered: &'a Rendered, charts: ChartMode) -> Writer<'a> {
        Writer {
            rendered,
            charts,
            out: String::new(),
            breaks: PageBreaks::default(),
            heading: None,
            table: None,
            code: None,
            links: Vec::new(),
            images: 0,
            broken_columns: 0,
            strong: 0,
        }
    }

    fn write(&mut self, markdown: &str) {
        for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
            self.event(event);
        }
    }

    fn event(&mut self, event: Event<'_>) {
        if let Some(code) = &mut self.code {
            match event {
                Event::Text(t) => code.text.push_str(&t),
                Event::End(TagEnd::CodeBlock) => self.end_code(),
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.text(&t),
            Event::Code(t) => {
                self.out.push_str("<code>");
                self.text(&t);
                self.out.push_str("</code>");
            }
            // Raw HTML is the template's text, shown as written; it never becomes markup.
            Event::Html(t) | Event::InlineHtml(t) => push_escaped(&mut self.out, &t),
            Event::SoftBreak => self.out.push('\n'),
            Event::HardBreak => self.out.push_str("<br>\n"),
            Event::Rule => self.out.push_str("<hr>\n"),
            // Not enabled in the parser's options; kept as text should that change.
            Event::InlineMath(t) | Event::DisplayMath(t) | Event::FootnoteReference(t) => {
                self.text(&t)
            }
            Event::TaskListMarker(done) => self.out.push_str(if done { "☑ " } else { "☐ " }),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => self.out.push_str("<p>"),
            Tag::Heading { level, .. } => {
                let outer = std::mem::take(&mut self.out);
                self.heading = Some(Heading {
                    level,
                    outer,
                    text: String::new(),
                });
            }
            Tag::BlockQuote(_) => self.out.push_str("<blockquote>\n"),
            Tag::CodeBlock(kind) => {
                let info = match &kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or(""),
                    CodeBlockKind::Indented => "",
                };
                self.code = Some(Code {
                    mermaid: info == "mermaid",
                    language: info
                        .chars()
                        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
                        .collect(),
                    text: String::new(),
                });
            }
            // Raw HTML blocks are shown as the text they are.
            Tag::HtmlBlock => self.out.push_str("<pre class=\"html\">"),
            Tag::List(Some(1)) => self.out.push_str("<ol>\n"),
            Tag::List(Some(start)) => {
                let _ = writeln!(self.out, "<ol start=\"{start}\">");
            }
            Tag::List(None) => self.out.push_str("<ul>\n"),
            Tag::Item => self.out.push_str("<li>"),
            Tag::Table(aligns) => {
                let start = self.out.len();
                self.out.push_str("<table>\n");
                self.table = Some(Table {
                    unbreakable: vec![0; aligns.len()],
                    nowrap: vec![0; aligns.len()],
                    natural: vec![0; aligns.len()],
                    aligns,
                    start,
                    cells: Vec::new(),
                    in_head: false,
                    column: 0,
                    cell: 0,
                });
            }
            Tag::TableHead => {
                self.out.push_str("<thead>\n<tr>");
                if let Some(t) = &mut self.table {
                    t.in_head = true;
                    t.column = 0;
                }
            }
            Tag::TableRow => {
                self.out.push_str("<tr>");
                if let Some(t) = &mut self.table {
                    t.column = 0;
                }
            }
            Tag::TableCell => {
                let (cell, align) = match &self.table {
                    Some(t) => (
                        if t.in_head { "th" } else { "td" },
                        t.aligns.get(t.column).copied().unwrap_or(Alignment::None),
                    ),
                    None => ("td", Alignment::None),
                };
                let class = match align {
                    Alignment::Right => " class=\"r\"",
                    Alignment::Center => " class=\"c\"",
                    Alignment::Left | Alignment::None => "",
                };
                let _ = write!(self.out, "<{cell}{class}");
                let attributes = self.out.len();
                self.out.push('>');
                if let Some(t) = &mut self.table {
                    t.cells.push(Cell {
                        column: t.column,
                        head: t.in_head,
                        attributes,
                        content: self.out.len()..self.out.len(),
                    });
                }
            }
            Tag::Emphasis => self.out.push_str("<em>"),
            Tag::Strong => {
                self.strong += 1;
                self.out.push_str("<strong>");
            }
            Tag::Strikethrough => self.out.push_str("<s>"),
            Tag::Superscript => self.out.push_str("<sup>"),
            Tag::Subscript => self.out.push_str("<sub>"),
            Tag::Link { dest_url, .. } => {
                let allowed = self.images == 0 && link_allowed(&dest_url);
                if allowed {
                    self.out.push_str("<a href=\"");
                    push_escaped(&mut self.out, &dest_url);
                    self.out.push_str("\">");
                }
                self.links.push(allowed);
            }
            // A picture would be fetched from elsewhere: the paper is self-contained, so its
            // description stands in.
            Tag::Image { .. } => self.images += 1,
            Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_) => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => self.out.push_str("</p>\n"),
            TagEnd::Heading(_) => self.end_heading(),
            TagEnd::BlockQuote(_) => self.out.push_str("</blockquote>\n"),
            TagEnd::CodeBlock => {}
            TagEnd::HtmlBlock => self.out.push_str("</pre>\n"),
            TagEnd::List(true) => self.out.push_str("</ol>\n"),
            TagEnd::List(false) => self.out.push_str("</ul>\n"),
            TagEnd::Item => self.out.push_str("</li>\n"),
            TagEnd::Table => {
                self.out.push_str("</tbody>\n</table>\n");
                if let Some(table) = self.table.take() {
                    let broken = table.finish(&mut self.out);
                    self.broken_columns = self.broken_columns.max(broken);
                }
            }
            TagEnd::TableHead => {
                self.out.push_str("</tr>\n</thead>\n<tbody>\n");
                if let Some(t) = &mut self.table {
                    t.in_head = false;
                }
            }
            TagEnd::TableRow => self.out.push_str("</tr>\n"),
            TagEnd::TableCell => {
                let cell = match &mut self.table {
                    Some(t) => {
                        if let Some(w) = t.natural.get_mut(t.column) {
                            *w = (*w).max(t.cell);
                        }
                        if let Some(c) = t.cells.last_mut() {
                            c.content.end = self.out.len();
                        }
                        t.cell = 0;
                        t.column += 1;
                        if t.in_head { "th" } else { "td" }
                    }
                    None => "td",
                };
                let _ = write!(self.out, "</{cell}>");
            }
            TagEnd::Emphasis => self.out.push_str("</em>"),
            TagEnd::Strong => {
                self.strong = self.strong.saturating_sub(1);
                self.out.push_str("</strong>");
            }
            TagEnd::Strikethrough => self.out.push_str("</s>"),
            TagEnd::Superscript => self.out.push_str("</sup>"),
            TagEnd::Subscript => self.out.push_str("</sub>"),
            TagEnd::Link => {
                if self.links.pop() == Some(true) {
                    self.out.push_str("</a>");
                }
            }
            TagEnd::Image => self.images = self.images.saturating_sub(1),
            TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::MetadataBlock(_) => {}
        }
    }

    fn end_heading(&mut self) {
        let Some(heading) = self.heading.take() else {
            return;
        };
        let inner = std::mem::replace(&mut self.out, heading.outer);
        let level = heading.level as usize;
        let class =
            if heading.level == HeadingLevel::H2 && self.breaks.before_heading(&heading.text) {
                " class=\"page\""
            } else {
                ""
            };
        let _ = writeln!(self.out, "<h{level}{class}>{inner}</h{level}>");
    }

    fn end_code(&mut self) {
        let Some(code) = self.code.take() else {
            return;
        };
        let chart = if code.mermaid {
            self.rendered.chart_for(&code.text)
        } else {
            None
        };
        match (chart, self.charts) {
            (Some(chart), ChartMode::Svg) => {
                self.out.push_str(if chart.is_timeline() {
                    "<figure class=\"chart timeline\">\n"
                } else {
                    "<figure class=\"chart\">\n"
                });
                self.out
                    .push_str(&crate::report::svg::render(chart, self.rendered.lang));
                self.out.push_str("\n</figure>\n");
            }
            (Some(_), ChartMode::None) => {}
            (Some(_), ChartMode::Mermaid) => {
                self.out.push_str("<pre class=\"mermaid\">");
                push_escaped(&mut self.out, &code.text);
                self.out.push_str("</pre>\n");
            }
            (None, _) => {
                if code.language.is_empty() {
                    self.out.push_str("<pre><code>");
                } else {
                    let _ = write!(self.out, "<pre><code class=\"language-{}\">", code.language);
                }
                push_escaped(&mut self.out, &code.text);
                self.out.push_str("</code></pre>\n");
            }
        }
    }

    /// Text of the Markdown (already unescaped by the parser), escaped for HTML; in a
    /// table, its widths are counted for the table's layout.
    fn text(&mut self, text: &str) {
        if let Some(h) = &mut self.heading {
            h.text.push_str(text);
        }
        let widths = push_text(&mut self.out, text);
        if let Some(t) = &mut self.table {
            // Bold text is about a twelfth wider.
            let bold = |w: u64| {
                if t.in_head || self.strong > 0 {
                    w * 13 / 12
                } else {
                    w
                }
            };
            t.cell += bold(widths.whole);
            if let Some(w) = t.unbreakable.get_mut(t.column) {
                *w = (*w).max(bold(widths.unbreakable));
            }
            if let Some(w) = t.nowrap.get_mut(t.column) {
                *w = (*w).max(bold(widths.nowrap));
            }
        }
    }
}

/// Estimated widths of a text as set, in thousandths of an em.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Widths {
    /// On one line.
    whole: u64,
    /// Its widest piece that cannot break.
    unbreakable: u64,
    /// Its widest date or short id, set in a [`NOWRAP`] span.
    nowrap: u64,
}

/// The span that keeps a date or a short id on one line.
const NOWRAP: &str = "<span class=\"nowrap\">";

/// Text escaped for HTML, with the typography of a printed paper: a non-breaking space
/// between a number and its `%`, after `§` and around `×`, ISO dates and short ids kept on one line,
/// and break opportunities (`<wbr>`) after the separators of long ids and paths. Returns
/// the text's estimated widths.
fn push_text(out: &mut String, text: &str) -> Widths {
    let mut widths = Widths::default();
    // The width of the piece that a non-breaking space joins to the next token.
    let mut carried = 0;
    let mut rest = text;
    while !rest.is_empty() {
        let token_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (token, after) = rest.split_at(token_end);
        let token_widths = push_token(out, token);
        let space_end = after
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(after.len());
        let (space, next) = after.split_at(space_end);
        // "48 %", "§ 31", "3 × 4": the sign stays with its numbers.
        let glued = (token.ends_with(|c: char| c.is_ascii_digit()) && next.starts_with('%'))
            || (token.ends_with('§') && next.starts_with(|c: char| c.is_ascii_digit()))
            || token == "×"
            || next.starts_with("× ");
        widths.whole += token_widths.whole;
        widths.nowrap = widths.nowrap.max(token_widths.nowrap);
        widths.unbreakable = widths.unbreakable.max(carried + token_widths.unbreakable);
        if space.is_empty() {
            break;
        }
        widths.whole += SPACE;
        if space == " " && glued {
            out.push('\u{a0}');
            carried += token_widths.whole + SPACE;
        } else {
            out.push_str(space);
            carried = 0;
        }
        rest = next;
    }
    widths
}

/// One word (no whitespace) escaped: an ISO date in it never breaks (Chromium would break
/// after its hyphens), neither does a short token with a hyphen or slash, and a long token
/// that holds a letter gets `<wbr>` after its `-`, `/`, `_` and `.`. Returns its estimated
/// widths.
fn push_token(out: &mut String, token: &str) -> Widths {
    let count = token.chars().count();
    let whole: u64 = token.chars().map(char_width).sum();
    if count < LONG_TOKEN && token.trim_end_matches(['-', '/']).contains(['-', '/']) {
        out.push_str(NOWRAP);
        push_escaped(out, token);
        out.push_str("</span>");
        return Widths {
            whole,
            unbreakable: whole,
            nowrap: whole,
        };
    }
    let long = count >= LONG_TOKEN && token.chars().any(char::is_alphabetic);
    let bytes = token.as_bytes();
    let mut widths = Widths {
        whole,
        ..Widths::default()
    };
    let mut piece = 0;
    let mut i = 0;
    while i < token.len() {
        if iso_date_at(bytes, i) {
            out.push_str(NOWRAP);
            out.push_str(&token[i..i + 10]);
            out.push_str("</span>");
            let date: u64 = token[i..i + 10].chars().map(char_width).sum();
            widths.nowrap = widths.nowrap.max(date);
            piece += date;
            i += 10;
            continue;
        }
        let Some(c) = token[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        push_escaped(out, c.encode_utf8(&mut [0; 4]));
        piece += char_width(c);
        let breaks = if long {
            matches!(c, '-' | '/' | '_' | '.')
                && token[i..].starts_with(char::is_alphanumeric)
                && !iso_date_at(bytes, i)
        } else {
            false
        };
        if breaks {
            out.push_str("<wbr>");
        }
        // Chromium breaks after a dash by itself.
        if breaks || matches!(c, '–' | '—') {
            widths.unbreakable = widths.unbreakable.max(piece);
            piece = 0;
        }
    }
    widths.unbreakable = widths.unbreakable.max(piece);
    widths
}

/// The width of a space, in thousandths of an em.
const SPACE: u64 = 278;

/// A character's estimated width in thousandths of an em: Arial's (and Liberation Sans's,
/// its metric twin, the first two fonts of the stylesheet), rounded up and a twentieth
/// wider, so that an estimate errs towards breaking. A wider font in their place (DejaVu
/// Sans is about a tenth wider) can make a crowded table a little too wide; Chromium then
/// shrinks the page to fit.
fn char_width(c: char) -> u64 {
    let arial = match c {
        'i' | 'j' | 'l' | '\'' | '|' => 222,
        'f' | 't' | 'I' | ' ' | '.' | ',' | ':' | ';' | '!' | '/' | '\\' => 278,
        'r' | '-' | '(' | ')' | '[' | ']' | '`' => 333,
        'c' | 'k' | 's' | 'v' | 'x' | 'y' | 'z' | 'J' | '"' | '*' => 500,
        'm' | 'M' => 833,
        'w' => 722,
        'W' => 944,
        '%' => 889,
        '@' => 1015,
        c if c.is_ascii_uppercase() => 722,
        c if c.is_ascii() => 556,
        // Å, Ä, Ö and other letters of European alphabets are about as wide as their bases.
        c if c.is_alphabetic() && (c as u32) < 0x0250 => {
            if c.is_uppercase() {
                722
            } else {
                556
            }
        }
        // Ideographs, emoji and other scripts: as wide as an em.
        _ => 1000,
    };
    arial * 21 / 20
}

/// Whether `2026-11-28` (four digits, two, two, not inside a longer number) starts at `i`.
fn iso_date_at(bytes: &[u8], i: usize) -> bool {
    let digit = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_digit);
    (i == 0 || !digit(i - 1))
        && (0..4).all(|k| digit(i + k))
        && bytes.get(i + 4) == Some(&b'-')
        && digit(i + 5)
        && digit(i + 6)
        && bytes.get(i + 7) == Some(&b'-')
        && digit(i + 8)
        && digit(i + 9)
        && !digit(i + 10)
}

/// Whether a link may keep its target: web and mail addresses, and relative ones. Any other
/// scheme (`javascript:`, `data:`, `file:`) is written as plain text. A target with
/// whitespace or control characters is refused too: browsers drop those before reading the
/// scheme, so `java\tscript:` would otherwise pass.
fn link_allowed(url: &str) -> bool {
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let scheme_end = url.find(':');
    let path_start = url.find(['/', '?', '#']);
    match (scheme_end, path_start) {
        (Some(colon), Some(path)) if path < colon => true,
        (Some(colon), _) => matches!(
            url[..colon].to_ascii_lowercase().as_str(),
            "http" | "https" | "mailto"
        ),
        (None, _) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Language;
    use crate::report::charts;

    fn meta(lang: Language) -> Meta {
        Meta {
            lang,
            report: "management",
            title: "Ledningens genomgång".into(),
            organisation: "Sjöbacka kommun".into(),
            as_of: "2026-11-28".into(),
            date: "2026-12-01".into(),
            decision_ref: Some("KS 2026/123".into()),
        }
    }

    fn html(markdown: &str, charts: Vec<charts::Chart>, mode: ChartMode) -> String {
        let r = Rendered {
            lang: Language::Sv,
            markdown: markdown.into(),
            charts,
        };
        document(&r, &meta(Language::Sv), mode)
    }

    /// The body of the paper, without the stylesheet and the header block.
    fn main_of(doc: &str) -> &str {
        let start = doc.find("<main>").expect("a main element");
        &doc[start..]
    }

    #[test]
    fn the_header_block_names_the_paper() {
        let doc = html("# Ledningens genomgång\n", vec![], ChartMode::Svg);
        assert!(doc.starts_with("<!DOCTYPE html>\n<html lang=\"sv\">"));
        assert!(doc.contains("<title>Ledningens genomgång – Sjöbacka kommun</title>"));
        assert!(
            doc.contains("<dt>Datum</dt><dd>1 december 2026</dd>"),
            "{doc}"
        );
        assert!(doc.contains("<dt>Underlag per</dt><dd>28 november 2026</dd>"));
        assert!(doc.contains("<dt>Diarienummer</dt><dd>KS 2026/123</dd>"));
        let en = document(
            &Rendered {
                lang: Language::En,
                markdown: "# Review\n".into(),
                charts: vec![],
            },
            &Meta {
                decision_ref: None,
                ..meta(Language::En)
            },
            ChartMode::Svg,
        );
        assert!(en.contains("<html lang=\"en\">"));
        assert!(en.contains("<dt>Figures as of</dt><dd>28 November 2026</dd>"));
        assert!(!en.contains("<dt>Reference</dt>"), "no reference given");
        assert!(en.contains("\"Page\" \" \" counter(page)"));
        let odd = document(
            &Rendered {
                lang: Language::Sv,
                markdown: "Ingen rubrik.\n".into(),
                charts: vec![],
            },
            &Meta {
                title: String::new(),
                organisation: " ".into(),
                decision_ref: Some("KS\u{202e}321".into()),
                ..meta(Language::Sv)
            },
            ChartMode::Svg,
        );
        assert!(odd.contains("<title></title>"), "{odd}");
        assert!(!odd.contains("<dt>Organisation</dt>") && !odd.contains("<dt>Rapport</dt>"));
        assert!(!odd.contains('\u{202e}'), "{odd}");
        assert!(odd.contains("<dd>KS&lt;U+202E&gt;321</dd>"), "{odd}");
    }

    #[test]
    fn raw_html_and_bad_links_stay_text() {
        let doc = html(
            "<script>alert(1)</script>\n\nA <b>bold</b> [x](javascript:alert(1)) [y](https://e.se/a?b=\"c\") [z](java\tscript:x) [r](../a.md) ![p](https://e.se/p.png)\n",
            vec![],
            ChartMode::Svg,
        );
        let body = main_of(&doc);
        assert!(!body.contains("<script") && !body.contains("<b>"), "{body}");
        assert!(
            body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{body}"
        );
        assert!(!body.contains("javascript"), "{body}");
        assert!(body.contains("<a href=\"https://e.se/a?b=&quot;c&quot;\">y</a>"));
        assert!(body.contains("<a href=\"../a.md\">r</a>"), "{body}");
        assert!(!body.contains("<img") && body.contains(" p</p>"), "{body}");
    }

    #[test]
    fn links_keep_web_mail_and_relative_targets() {
        for ok in [
            "https://a.se",
            "HTTP://a.se",
            "mailto:a@b.se",
            "a/b:c",
            "#x",
            "x.html",
        ] {
            assert!(link_allowed(ok), "{ok}");
        }
        for bad in [
            "javascript:x",
            "data:text/html,x",
            "file:///etc",
            "vbscript:x",
            " https://a",
        ] {
            assert!(!link_allowed(bad), "{bad}");
        }
    }

    #[test]
    fn charts_are_drawn_left_out_or_kept_as_mermaid() {
        let pie = charts::pie("Typ", &[("IT".into(), 2)]).expect("a pie");
        let md = format!(
            "# R\n\n```mermaid\n{}\n```\n\n```mermaid\npie\n```\n\n```yaml\na: <b>\n```\n",
            pie.mermaid()
        );
        let svg = html(&md, vec![pie.clone()], ChartMode::Svg);
        assert_eq!(
            main_of(&svg)
                .matches("<figure class=\"chart\">\n<svg")
                .count(),
            1
        );
        assert!(main_of(&svg).contains("<pre><code class=\"language-mermaid\">pie\n</code></pre>"));
        assert!(main_of(&svg).contains("<pre><code class=\"language-yaml\">a: &lt;b&gt;\n"));
        let none = html(&md, vec![pie.clone()], ChartMode::None);
        assert!(
            !none.contains("<svg") && !none.contains("showData"),
            "{none}"
        );
        let mermaid = html(&md, vec![pie], ChartMode::Mermaid);
        assert!(
            mermaid.contains("<pre class=\"mermaid\">pie showData\n"),
            "{mermaid}"
        );
        assert!(!mermaid.contains("<svg"));
    }

    #[test]
    fn tables_align_as_the_markdown_says() {
        let doc = html(
            "| Enhet | Andel |\n|---|---:|\n| Barn | 48 % |\n",
            vec![],
            ChartMode::Svg,
        );
        assert!(
            doc.contains("<thead>\n<tr><th>Enhet</th><th class=\"r\">Andel</th></tr>\n</thead>"),
            "{doc}"
        );
        assert!(doc.contains("<tr><td>Barn</td><td class=\"r\">48\u{a0}%</td></tr>"));
    }

    #[test]
    fn long_ids_break_after_their_separators_and_dates_never() {
        let mut out = String::new();
        push_text(
            &mut out,
            "sarbarhetsskanning-2026-q4, act-2026-01 2025-11-29–2026-11-28. a/b plan-2026-02-09-x § 31 x§ y 3 × 4",
        );
        assert_eq!(
            out,
            "sarbarhetsskanning-<wbr>2026-<wbr>q4, <span class=\"nowrap\">act-2026-01</span> \
             <span class=\"nowrap\">2025-11-29</span>–<span class=\"nowrap\">2026-11-28</span>. \
             <span class=\"nowrap\">a/b</span> plan-<span class=\"nowrap\">2026-02-09</span>-<wbr>x \
             §\u{a0}31 x§ y 3\u{a0}×\u{a0}4"
        );
        let mut out = String::new();
        push_text(&mut out, "120261128000000-11-28 <2026-11-28>Revidera");
        assert_eq!(
            out,
            "120261128000000-11-28 &lt;<span class=\"nowrap\">2026-11-28</span>&gt;Revidera"
        );
    }

    #[test]
    fn widths_follow_the_break_opportunities() {
        let w = |t: &str| push_text(&mut String::new(), t);
        let one = |c| char_width(c);
        assert_eq!(w("ab").whole, one('a') + one('b'));
        assert_eq!(w("ab cd").whole, w("ab").whole + SPACE + w("cd").whole);
        assert_eq!(w("ab cde").unbreakable, w("cde").whole);
        assert_eq!(w("48 %").unbreakable, w("48").whole + SPACE + one('%'));
        assert_eq!(
            w("sarbarhetsskanning-2026-q4").unbreakable,
            w("sarbarhetsskanning-").whole
        );
        assert_eq!(w("act-2026-01 x").unbreakable, w("act-2026-01").whole);
        assert!(one('W') > one('i') && one('語') > one('W'));
    }

    #[test]
    fn a_table_breaks_words_only_when_its_columns_cannot_fit() {
        let table = |md: &str| {
            let doc = html(md, vec![], ChartMode::Svg);
            let start = doc.find("<table").expect("a table");
            let end = start + doc[start..].find("</tr>").expect("a header row");
            doc[start..end].to_owned()
        };
        assert_eq!(
            table("| Status | Antal |\n|---|---:|\n| Klar | 5 |\n"),
            "<table class=\"narrow\">\n<thead>\n<tr><th>Status</th><th class=\"r\">Antal</th>"
        );
        let prose = "Ett stycke text som är långt nog för att fylla en bred kolumn. ".repeat(3);
        assert!(
            table(&format!("| A | B |\n|---|---|\n| kort | {prose} |\n")).starts_with("<table>\n")
        );
        let word = "Informationssäkerhetssamordnare";
        let wide = format!(
            "| A | B | C | D |\n|---|---|---|---:|\n| Samordnare | {} | {word}{word} | x |\n",
            word.repeat(3)
        );
        let head = table(&wide);
        assert!(
            head.starts_with("<table class=\"small brk-2 brk-3\">"),
            "{head}"
        );
        let keep = "style=\"min-width:";
        assert_eq!(head.matches(keep).count(), 2, "{head}");
        assert!(head.contains(&format!("<th {keep}")), "{head}");
        assert!(head.contains("<th class=\"r\">D</th>"), "{head}");
    }

    #[test]
    fn long_words_get_soft_hyphens_where_swedish_breaks_them() {
        let h = |w: &str| hyphenate(w).replace("&shy;", "-");
        assert_eq!(h("informationssäkerhet"), "in-for-ma-tions-sä-ker-het");
        assert_eq!(h("Verksamhetskritisk"), "Verk-sam-hets-kri-tisk");
        assert_eq!(h("Säkerhetsskydd"), "Sä-ker-hets-skydd");
        assert_eq!(h("Kontinuitetsplan"), "Kon-ti-nui-tets-plan");
        assert_eq!(h("Kommunstyrelsen"), "Kom-mun-sty-rel-sen");
        assert_eq!(h("Tillgångar"), "Till-gångar");
        assert_eq!(
            h("Personuppgiftsbiträdesavtal"),
            "Per-so-nupp-gifts-bi-trä-de-sav-tal"
        );
        assert_eq!(h("Beredskapssamordnare"), "Be-red-skaps-sa-mord-nare");
        assert_eq!(
            hyphenate("<span class=\"nowrap\">arbetsuppgifter</span> &amp; kort"),
            "<span class=\"nowrap\">ar&shy;bets&shy;upp&shy;gif&shy;ter</span> &amp; kort"
        );
        let link = "<a href=\"https://e.se/?a=1&amp;parameter=informationssäkerhet\">x</a>";
        assert_eq!(hyphenate(link), link, "attributes stay as they are");
        assert_eq!(h("Kontakt"), "Kontakt", "shorter than eight letters");
    }

    #[test]
    fn the_widest_columns_share_what_the_others_leave() {
        let t = |unbreakable: Vec<u64>, nowrap: Vec<u64>| Table {
            aligns: vec![],
            start: 0,
            cells: vec![],
            in_head: false,
            column: 0,
            natural: unbreakable.clone(),
            nowrap,
            unbreakable,
            cell: 0,
        };
        let normal = TABLE_WIDTH - 3 * CELL_PADDING;
        let fits = t(vec![10_000, 10_000, normal - 20_000], vec![0; 3]).layout();
        assert_eq!((fits.small, fits.broken), (false, vec![]));
        let room = SMALL_TABLE_WIDTH - 3 * SMALL_CELL_PADDING;
        let smaller = t(vec![10_000, 10_000, room - 20_000], vec![0; 3]).layout();
        assert_eq!((smaller.small, smaller.broken), (true, vec![]));
        let one = t(vec![10_000, 70_000, 5_000], vec![0; 3]).layout();
        assert_eq!((one.small, one.broken), (true, vec![(1, room - 15_000)]));
        let two = t(vec![30_000, 40_000, 5_000], vec![0; 3]).layout();
        let share = (room - 5_000) / 2;
        assert_eq!(two.broken, vec![(0, share), (1, share)]);
        // A date wider than the share keeps its width, and the other column gives way.
        let date = share + 1_000;
        let dated = t(vec![30_000, 40_000, 5_000], vec![date, 0, 0]).layout();
        assert_eq!(dated.broken, vec![(0, date), (1, room - 5_000 - date)]);
        assert_eq!(dated.unwrapped, Vec::<usize>::new());
        let crowded = t(vec![90_000; 30], vec![6_000; 30]).layout();
        assert_eq!(
            crowded.broken[0],
            (0, MIN_BROKEN),
            "a column keeps a short word's width"
        );
        assert_eq!(
            crowded.unwrapped.len(),
            30,
            "no room for the dates on one line"
        );
    }

    #[test]
    fn pages_break_before_appendices_and_after_the_summary() {
        let doc = html(
            "# T\n\n## Sammanfattning\n\ntext\n\n## 1. Status\n\n## 2. Mer\n\n## Bilaga 1 – Brister\n",
            vec![],
            ChartMode::Svg,
        );
        assert!(doc.contains("<h2>Sammanfattning</h2>"));
        assert!(doc.contains("<h2 class=\"page\">1. Status</h2>"));
        assert!(doc.contains("<h2>2. Mer</h2>"));
        assert!(doc.contains("<h2 class=\"page\">Bilaga 1 – Brister</h2>"));
    }

    #[test]
    fn the_footer_cannot_end_its_string() {
        let s = css_string("a\"b\\c</style>{}\n");
        assert_eq!(s, "\"a\\22 b\\5c c\\3c \\2f style\\3e \\7b \\7d \\a \"");
    }
}
