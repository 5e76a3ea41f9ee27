//! A report's Markdown as Word paragraphs and tables: headings in Word's heading styles (a
//! page break where the board paper's pages break), paragraphs, bold and italic, code,
//! lists, quotes, rules, tables with fitted columns, and the report's charts as pictures.
//!
//! Text reaches Word as run text only, which docx-rs escapes: nothing in a record can become
//! markup. Paragraph and picture ids come from [`Ids`], one per document, never from a
//! counter shared by the process, so that two documents made at once are the same bytes as
//! two made in turn.

use anyhow::Result;
use docx_rs::{
    AbstractNumbering, AlignmentType, BorderType, BreakType, IndentLevel, Level, LevelJc,
    LevelOverride, LevelText, LineSpacing, NumberFormat, Numbering, NumberingId, Paragraph,
    ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Pic, Run, Shading,
    SpecialIndentType, Start, Table, TableCell, TableLayoutType, TableRow, WidthType,
};
use pulldown_cmark::{Alignment, CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::styles::{self, TABLE_SIZE};
use super::{chart, widths};
use crate::report::board::{ChartMode, PageBreaks, Rendered};

/// The text width of the page in twips: A4 less the margins.
pub const TEXT_WIDTH: u32 = super::A4_WIDTH - 2 * super::MARGIN;
/// The text height of the page in twips.
const TEXT_HEIGHT: u32 = super::A4_HEIGHT - 2 * super::MARGIN;
/// English Metric Units per twip, and per CSS pixel (1/96 inch).
const EMU_PER_TWIP: f64 = 635.0;
const EMU_PER_PX: f64 = 9525.0;
/// A pie or bars is never taller than this share of the page's text height (50 mm, as in
/// the HTML paper): a figure beside the text's numbers. A timeline, read row by row, may
/// take the page.
const CHART_MAX_HEIGHT: f64 = 0.2;
const TIMELINE_MAX_HEIGHT: f64 = 0.9;

/// The size of the text of a table too wide for [`TABLE_SIZE`], in half-points (8.5 pt).
const SMALL_TABLE_SIZE: u32 = 17;

/// The abstract numberings lists use: bullets, and decimal numbers.
/// docx-rs writes a numbering of its own with the id 1, abstract and concrete.
const BULLETS: usize = 2;
const DECIMAL: usize = 3;
const FIRST_LIST: usize = 2;
/// How far each list level is indented, in twips.
const LIST_INDENT: i32 = 360;

/// The document's own ids: paragraphs (`w14:paraId`) and pictures (their relationship).
#[derive(Debug, Default)]
pub struct Ids {
    paragraphs: u32,
    pictures: usize,
}

impl Ids {
    /// A new paragraph with the next id.
    pub fn paragraph(&mut self) -> Paragraph {
        self.paragraphs += 1;
        Paragraph::new().id(format!("{:08X}", self.paragraphs))
    }

    fn picture(&mut self) -> String {
        self.pictures += 1;
        format!("rIdImage{}", self.pictures)
    }
}

/// A piece of the document's body.
pub enum Block {
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
}

/// The body of a report: its blocks, the numbering of each of its lists, and the pictures'
/// descriptions (alt text) in order.
pub struct Body {
    pub blocks: Vec<Block>,
    pub numberings: Vec<Numbering>,
    pub alt: Vec<String>,
}

/// The abstract numberings of [`BULLETS`] and [`DECIMAL`], nine levels each.
pub fn abstract_numberings() -> [AbstractNumbering; 2] {
    let levels = |id: usize, format: &str, text: &dyn Fn(usize) -> String| {
        (0..9).fold(AbstractNumbering::new(id), |a, level| {
            let indent = LIST_INDENT * (level as i32 + 1);
            a.add_level(
                Level::new(
                    level,
                    Start::new(1),
                    NumberFormat::new(format),
                    LevelText::new(text(level)),
                    LevelJc::new("left"),
                )
                .indent(
                    Some(indent),
                    Some(SpecialIndentType::Hanging(LIST_INDENT)),
                    None,
                    None,
                ),
            )
        })
    };
    [
        levels(BULLETS, "bullet", &|level| {
            ["•", "–", "◦"][level % 3].to_owned()
        }),
        levels(DECIMAL, "decimal", &|level| format!("%{}.", level + 1)),
    ]
}

/// The body of `rendered`, charts as `charts` asks.
pub fn convert(rendered: &Rendered, charts: ChartMode, ids: &mut Ids) -> Result<Body> {
    let mut c = Converter {
        rendered,
        charts,
        ids,
        blocks: Vec::new(),
        numberings: Vec::new(),
        alt: Vec::new(),
        breaks: PageBreaks::default(),
        containers: Vec::new(),
        inline: Inline::default(),
        format: Format::default(),
        heading: None,
        code: None,
        table: None,
        links: Vec::new(),
        after_table: false,
        gap: 0,
    };
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(&rendered.markdown, options) {
        c.event(event)?;
    }
    c.flush();
    Ok(Body {
        blocks: c.blocks,
        numberings: c.numberings,
        alt: c.alt,
    })
}

/// A block that holds others.
enum Container {
    Quote,
    List {
        numbering: usize,
        level: usize,
    },
    /// A list item, and whether its first paragraph (the numbered one) is out.
    Item {
        started: bool,
    },
}

/// Runs being collected for the paragraph (or table cell) in progress, and their text.
#[derive(Default)]
struct Inline {
    runs: Vec<Run>,
    text: String,
}

/// The inline formatting in force (counts, as emphasis nests).
#[derive(Default, Clone, Copy)]
struct Format {
    bold: u32,
    italic: u32,
    strike: u32,
}

/// A table being read: its columns' alignment, and its rows of cells.
struct TableState {
    alignments: Vec<Alignment>,
    rows: Vec<Vec<Inline>>,
    in_head: bool,
}

struct Converter<'a> {
    rendered: &'a Rendered,
    charts: ChartMode,
    ids: &'a mut Ids,
    blocks: Vec<Block>,
    numberings: Vec<Numbering>,
    alt: Vec<String>,
    breaks: PageBreaks,
    containers: Vec<Container>,
    inline: Inline,
    format: Format,
    /// The level of the heading being read.
    heading: Option<usize>,
    /// The info string and text of the code block being read.
    code: Option<(String, String)>,
    table: Option<TableState>,
    /// Open links: their destination and where their text starts.
    links: Vec<(String, usize)>,
    /// Whether the last block is a table.
    after_table: bool,
    /// Space (twips) the next paragraph keeps above it: after a table or a list, whose own
    /// spacing is tighter than paragraphs'.
    gap: u32,
}

impl Converter<'_> {
    fn event(&mut self, event: Event<'_>) -> Result<()> {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag)?,
            Event::Text(text) => match &mut self.code {
                Some((_, code)) => code.push_str(&text),
                None => self.text(&text),
            },
            Event::Code(text) => {
                let run = Run::new().add_text(text.as_ref()).style(styles::VERBATIM);
                self.push_run(run, &text);
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                // A template's comments are notes to its author, not text for the council.
                if !html.trim_start().starts_with("<!--") {
                    self.text(&html);
                }
            }
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => {
                let run = Run::new().add_break(BreakType::TextWrapping);
                self.push_run(run, " ");
            }
            Event::Rule => {
                self.flush();
                let mut p = self.ids.paragraph();
                p.property = p.property.set_borders(
                    ParagraphBorders::with_empty().set(
                        ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                            .val(BorderType::Single)
                            .size(6)
                            .space(1)
                            .color("A6A6A6"),
                    ),
                );
                self.push_paragraph(p);
            }
            Event::TaskListMarker(done) => self.text(if done { "☒ " } else { "☐ " }),
            Event::FootnoteReference(label) => self.text(&format!("[{label}]")),
            Event::InlineMath(text) | Event::DisplayMath(text) => self.text(&text),
        }
        Ok(())
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph | Tag::HtmlBlock => self.flush(),
            Tag::Heading { level, .. } => {
                self.flush();
                self.heading = Some(level_number(level));
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.containers.push(Container::Quote);
            }
            Tag::CodeBlock(kind) => {
                self.flush();
                let info = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().unwrap_or("").to_owned()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((info, String::new()));
            }
            Tag::List(start) => {
                self.flush();
                let level = self
                    .containers
                    .iter()
                    .filter(|c| matches!(c, Container::List { .. }))
                    .count()
                    .min(8);
                let id = self.numberings.len() + FIRST_LIST;
                let numbering = match start {
                    // Each numbered list counts from its own start.
                    Some(n) => Numbering::new(id, DECIMAL).add_override(
                        LevelOverride::new(level).start(usize::try_from(n).unwrap_or(1)),
                    ),
                    None => Numbering::new(id, BULLETS),
                };
                self.numberings.push(numbering);
                self.containers.push(Container::List {
                    numbering: id,
                    level,
                });
            }
            Tag::Item => {
                self.flush();
                self.containers.push(Container::Item { started: false });
            }
            Tag::Table(alignments) => {
                self.flush();
                // Word joins tables that touch; a paragraph keeps them apart.
                if self.after_table {
                    let p = self.ids.paragraph().style(styles::TABLE_TEXT);
                    self.push_paragraph(p);
                }
                self.table = Some(TableState {
                    alignments,
                    rows: Vec::new(),
                    in_head: false,
                });
            }
            Tag::TableHead => {
                if let Some(t) = &mut self.table {
                    t.in_head = true;
                    t.rows.push(Vec::new());
                }
            }
            Tag::TableRow => {
                if let Some(t) = &mut self.table {
                    t.rows.push(Vec::new());
                }
            }
            Tag::TableCell => self.inline = Inline::default(),
            Tag::Emphasis => self.format.italic += 1,
            Tag::Strong => self.format.bold += 1,
            Tag::Strikethrough => self.format.strike += 1,
            Tag::Link { dest_url, .. } => {
                self.links
                    .push((dest_url.into_string(), self.inline.text.len()));
            }
            // An image cannot be fetched: its description stands in for it.
            Tag::Image { .. } => self.format.italic += 1,
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) -> Result<()> {
        match tag {
            TagEnd::Paragraph | TagEnd::HtmlBlock => self.flush(),
            TagEnd::Heading(_) => self.end_heading(),
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.containers.pop();
            }
            TagEnd::CodeBlock => {
                if let Some((info, code)) = self.code.take() {
                    self.code_block(&info, &code)?;
                }
            }
            TagEnd::List(_) | TagEnd::Item => {
                self.flush();
                self.containers.pop();
                if matches!(tag, TagEnd::List(_))
                    && !self
                        .containers
                        .iter()
                        .any(|c| matches!(c, Container::List { .. }))
                {
                    self.gap = 120;
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    let table = self.table_of(t);
                    self.blocks.push(Block::Table(Box::new(table)));
                    self.after_table = true;
                    self.gap = 200;
                }
            }
            TagEnd::TableHead => {
                if let Some(t) = &mut self.table {
                    t.in_head = false;
                }
            }
            TagEnd::TableCell => {
                let cell = std::mem::take(&mut self.inline);
                if let Some(row) = self.table.as_mut().and_then(|t| t.rows.last_mut()) {
                    row.push(cell);
                }
            }
            TagEnd::Emphasis | TagEnd::Image => {
                self.format.italic = self.format.italic.saturating_sub(1);
            }
            TagEnd::Strong => self.format.bold = self.format.bold.saturating_sub(1),
            TagEnd::Strikethrough => self.format.strike = self.format.strike.saturating_sub(1),
            TagEnd::Link => {
                if let Some((dest, at)) = self.links.pop() {
                    // On paper a link is its text and, when that is not the address itself,
                    // the address.
                    let shown = self.inline.text.get(at..).unwrap_or("").trim().to_owned();
                    if !dest.is_empty() && !dest.starts_with('#') && shown != dest {
                        self.text(&format!(" ({dest})"));
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// A run of `text` in the formatting in force.
    fn text(&mut self, text: &str) {
        let mut run = Run::new().add_text(text);
        let header = self.table.as_ref().is_some_and(|t| t.in_head);
        if self.format.bold > 0 || header {
            run = run.bold();
        }
        if self.format.italic > 0 {
            run = run.italic();
        }
        if self.format.strike > 0 {
            run = run.strike();
        }
        self.push_run(run, text);
    }

    /// Adds a paragraph to the body; the first after a table or a list keeps a little distance
    /// from it.
    fn push_paragraph(&mut self, mut p: Paragraph) {
        self.after_table = false;
        let gap = std::mem::take(&mut self.gap);
        if gap > 0 {
            p = p.line_spacing(LineSpacing::new().before(gap));
        }
        self.blocks.push(Block::Paragraph(Box::new(p)));
    }

    fn push_run(&mut self, run: Run, text: &str) {
        self.inline.runs.push(run);
        self.inline.text.push_str(text);
    }

    /// Ends the paragraph in progress, if any, placing it in its list item or quote.
    fn flush(&mut self) {
        if self.table.is_some() || self.inline.runs.is_empty() {
            return;
        }
        let inline = std::mem::take(&mut self.inline);
        let mut p = self.ids.paragraph();
        let quotes = self
            .containers
            .iter()
            .filter(|c| matches!(c, Container::Quote))
            .count();
        if quotes > 0 {
            p = p.style(styles::QUOTE);
            if quotes > 1 {
                p = p.indent(Some(567 * quotes as i32), None, None, None);
            }
        }
        let list = self.containers.iter().rev().find_map(|c| match c {
            Container::List { numbering, level } => Some((*numbering, *level)),
            _ => None,
        });
        let item = self.containers.iter_mut().rev().find_map(|c| match c {
            Container::Item { started } => Some(started),
            _ => None,
        });
        if let (Some((numbering, level)), Some(started)) = (list, item) {
            p = p.style(styles::LIST_PARAGRAPH);
            if *started {
                // A later paragraph of the item: under the item's text, not numbered.
                p = p.indent(Some(LIST_INDENT * (level as i32 + 1)), None, None, None);
            } else {
                *started = true;
                p = p.numbering(NumberingId::new(numbering), IndentLevel::new(level));
            }
        }
        for run in inline.runs {
            p = p.add_run(run);
        }
        self.push_paragraph(p);
    }

    fn end_heading(&mut self) {
        let level = self.heading.take().unwrap_or(1);
        let inline = std::mem::take(&mut self.inline);
        let mut p = self
            .ids
            .paragraph()
            .style(styles::HEADINGS[level.clamp(1, 4) - 1]);
        if level == 2 && self.breaks.before_heading(&inline.text) {
            p = p.page_break_before(true);
        }
        for run in inline.runs {
            p = p.add_run(run);
        }
        // A heading keeps its own distance from a table or list above it.
        self.after_table = false;
        self.gap = 0;
        self.blocks.push(Block::Paragraph(Box::new(p)));
    }

    /// A fenced block: a chart of the report as `charts` asks, or code.
    fn code_block(&mut self, info: &str, code: &str) -> Result<()> {
        if info == "mermaid"
            && let Some(chart) = self.rendered.chart_for(code)
        {
            match self.charts {
                ChartMode::None => return Ok(()),
                ChartMode::Svg => {
                    let svg = crate::report::svg::render(chart, self.rendered.lang);
                    let png = chart::png(&svg)?;
                    let (width, height) =
                        shown_size(png.css_width, png.css_height, chart.is_timeline());
                    let pic = Pic::new_with_dimensions(png.bytes, png.width, png.height)
                        .size(width, height)
                        .id(self.ids.picture());
                    self.alt.push(chart.title.clone());
                    let p = self
                        .ids
                        .paragraph()
                        .style(styles::PICTURE)
                        .add_run(Run::new().add_image(pic));
                    self.push_paragraph(p);
                    return Ok(());
                }
                // Word has no Mermaid; the command line refuses it, and code is what is left.
                ChartMode::Mermaid => {}
            }
        }
        let mut run = Run::new();
        for (i, line) in code
            .strip_suffix('\n')
            .unwrap_or(code)
            .split('\n')
            .enumerate()
        {
            if i > 0 {
                run = run.add_break(BreakType::TextWrapping);
            }
            run = run.add_text(line);
        }
        let p = self.ids.paragraph().style(styles::SOURCE_CODE).add_run(run);
        self.push_paragraph(p);
        Ok(())
    }

    /// A Word table of a Markdown table: the header row bold on grey, columns as wide as
    /// their text asks within the page, cells aligned as the Markdown says.
    fn table_of(&mut self, t: TableState) -> Table {
        let columns = t
            .rows
            .iter()
            .map(Vec::len)
            .max()
            .unwrap_or(0)
            .max(t.alignments.len())
            .max(1);
        // The cell margins (85 twips each side) and a little room for the estimate's error.
        let padding = 2 * 85 + 60;
        let measure = |size: u32| {
            let mut least = vec![padding; columns];
            let mut natural = vec![padding; columns];
            for (r, row) in t.rows.iter().enumerate() {
                let bold = r == 0;
                for (i, cell) in row.iter().enumerate() {
                    let text = cell.text.trim();
                    least[i] = least[i].max(widths::longest_word(text, bold, size) + padding);
                    natural[i] = natural[i].max(widths::text_width(text, bold, size) + padding);
                }
            }
            (least, natural)
        };
        // A table whose longest words do not fit at 10 pt is set at 9 pt, which breaks fewer.
        let mut size = TABLE_SIZE as u32;
        let (mut least, mut natural) = measure(size);
        if least.iter().sum::<u32>() > TEXT_WIDTH {
            size = SMALL_TABLE_SIZE;
            (least, natural) = measure(size);
        }
        let grid = widths::fit(&least, &natural, TEXT_WIDTH);
        let mut rows = Vec::with_capacity(t.rows.len());
        for (r, row) in t.rows.into_iter().enumerate() {
            let mut row: Vec<Option<Inline>> = row.into_iter().map(Some).collect();
            row.resize_with(columns, || None);
            let mut cells = Vec::with_capacity(columns);
            for (i, cell) in row.into_iter().enumerate() {
                let mut p = self.ids.paragraph().style(styles::TABLE_TEXT);
                match t.alignments.get(i) {
                    Some(Alignment::Right) => p = p.align(AlignmentType::Right),
                    Some(Alignment::Center) => p = p.align(AlignmentType::Center),
                    _ => {}
                }
                for run in cell.map(|c| c.runs).unwrap_or_default() {
                    p = p.add_run(if size == TABLE_SIZE as u32 {
                        run
                    } else {
                        run.size(size as usize)
                    });
                }
                let mut cell = TableCell::new()
                    .add_paragraph(p)
                    .width(grid[i] as usize, WidthType::Dxa);
                if r == 0 {
                    cell = cell.shading(Shading::new().fill("E7E6E6"));
                }
                cells.push(cell);
            }
            rows.push(TableRow::new(cells).cant_split());
        }
        let width: u32 = grid.iter().sum();
        Table::without_borders(rows)
            .style(styles::TABLE)
            .set_grid(grid.into_iter().map(|w| w as usize).collect())
            .layout(TableLayoutType::Fixed)
            .width(width as usize, WidthType::Dxa)
    }
}

fn level_number(level: HeadingLevel) -> usize {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The size a chart is shown at, in EMU: its SVG size, scaled down to the text width and to
/// at most [`CHART_MAX_HEIGHT`] of the page ([`TIMELINE_MAX_HEIGHT`] for a timeline),
/// keeping its proportions.
fn shown_size(css_width: f32, css_height: f32, timeline: bool) -> (u32, u32) {
    let width = f64::from(css_width) * EMU_PER_PX;
    let height = f64::from(css_height) * EMU_PER_PX;
    let max_width = f64::from(TEXT_WIDTH) * EMU_PER_TWIP;
    let share = if timeline {
        TIMELINE_MAX_HEIGHT
    } else {
        CHART_MAX_HEIGHT
    };
    let max_height = f64::from(TEXT_HEIGHT) * EMU_PER_TWIP * share;
    let scale = (max_width / width).min(max_height / height).min(1.0);
    (
        (width * scale).round() as u32,
        (height * scale).round() as u32,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_shrink_to_the_text_width_and_keep_their_shape() {
        let (w, h) = shown_size(800.0, 400.0, true);
        assert_eq!(w, TEXT_WIDTH * 635);
        assert_eq!(h, w / 2);
        let (w, h) = shown_size(640.0, 320.0, false);
        assert!(f64::from(h) <= f64::from(TEXT_HEIGHT) * 635.0 * CHART_MAX_HEIGHT + 1.0);
        assert!(w < TEXT_WIDTH * 635, "a figure is held to its height");
        assert!((f64::from(w) / f64::from(h) - 2.0).abs() < 0.01);
        assert_eq!(shown_size(320.0, 100.0, false), (320 * 9525, 100 * 9525));
        let (w, h) = shown_size(640.0, 2000.0, true);
        assert!(f64::from(h) <= f64::from(TEXT_HEIGHT) * 635.0 * TIMELINE_MAX_HEIGHT + 1.0);
        assert!(w < h);
    }
}
