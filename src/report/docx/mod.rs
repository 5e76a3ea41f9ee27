//! `--format docx`: a report as a Word document for the council, built natively with
//! `docx-rs` from the report's Markdown: a header block (organisation, report, date, the date
//! the figures are as of, the decision's reference), the report in Word's own heading, list
//! and table styles, its charts as pictures, page numbers in the footer, and the document
//! properties. With `--reference-doc` the styles are the municipality's template's.
//!
//! The same report gives the same bytes: ids are the document's own, the parts are written
//! in a fixed order with fixed timestamps, and the only date is the paper's.

mod body;
mod chart;
mod order;
mod package;
mod styles;
mod widths;

use std::collections::BTreeMap;
use std::io::{Cursor, Read as _};

use anyhow::{Context as _, Result};
use docx_rs::{
    BorderType, Docx, Footer, NumPages, PageMargin, PageNum, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Run, Tab, TabValueType,
};

use crate::report::board::{ChartMode, Meta, Rendered, Words};
use crate::report::markdown::long_date;

/// A4 in twips, and the margin on every side (2 cm, as the HTML paper's).
const A4_WIDTH: u32 = 11906;
const A4_HEIGHT: u32 = 16838;
const MARGIN: u32 = 1134;

/// The Word document of a rendered report, with the styles of `reference` (a .docx file's
/// bytes) when given.
pub fn document(
    rendered: &Rendered,
    meta: &Meta,
    charts: ChartMode,
    reference: Option<&[u8]>,
) -> Result<Vec<u8>> {
    let reference = reference.map(styles::Reference::read).transpose()?;
    let words = Words::of(meta.lang);
    let mut ids = body::Ids::default();
    let header = header_block(meta, &words, &mut ids);
    let body = body::convert(rendered, charts, &mut ids)?;
    let footer = footer(&words, &mut ids);
    let built_in = styles::built_in();
    let (merged, rename) = match &reference {
        Some(r) => {
            let (xml, rename) = r.merge(&built_in)?;
            (Some(xml), rename)
        }
        None => (None, BTreeMap::new()),
    };

    let mut docx = Docx::new()
        .page_size(A4_WIDTH, A4_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(MARGIN as i32)
                .bottom(MARGIN as i32)
                .left(MARGIN as i32)
                .right(MARGIN as i32)
                .header(709)
                .footer(709),
        )
        .styles(built_in);
    for numbering in body::abstract_numberings() {
        docx = docx.add_abstract_numbering(numbering);
    }
    for numbering in body.numberings {
        docx = docx.add_numbering(numbering);
    }
    for p in header {
        docx = docx.add_paragraph(p);
    }
    for block in body.blocks {
        docx = match block {
            body::Block::Paragraph(p) => docx.add_paragraph(*p),
            body::Block::Table(t) => docx.add_table(*t),
        };
    }
    docx = docx.footer(Footer::new().add_paragraph(footer));

    let title = if meta.title.is_empty() {
        meta.report
    } else {
        meta.title.as_str()
    };
    let core = package::core(&package::Core {
        title,
        subject: meta.report,
        creator: if meta.organisation.is_empty() {
            "isms"
        } else {
            meta.organisation.as_str()
        },
        language: words.tag,
        date: &meta.date,
    })?;

    // docx-rs decides which parts there are; they are read back from its package and written
    // again, finished, in the same order.
    let mut raw = Cursor::new(Vec::new());
    docx.build()
        .pack(&mut raw)
        .context("cannot write the Word document")?;
    let mut archive =
        zip::ZipArchive::new(Cursor::new(raw.into_inner())).context("docx-rs's package")?;
    let mut parts = Vec::with_capacity(archive.len());
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).context("docx-rs's package")?;
        if entry.is_dir() {
            continue;
        }
        let name = entry.name().to_owned();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).context("docx-rs's package")?;
        let bytes = match name.as_str() {
            "docProps/core.xml" => core.clone(),
            "word/styles.xml" => match &merged {
                Some(xml) => xml.clone(),
                None => package::finish_styles(&bytes, words.tag, styles::TABLE_TEXT)?,
            },
            // A template decides for itself whether words are hyphenated.
            "word/settings.xml" if merged.is_none() => package::finish_settings(&bytes)?,
            "word/document.xml" => package::finish_document(&bytes, &body.alt, &rename)?,
            n if n.starts_with("word/footer") || n.starts_with("word/header") => {
                if n.ends_with(".xml") {
                    package::rename_styles(&bytes, &rename)?
                } else {
                    bytes
                }
            }
            _ => bytes,
        };
        // A template's own styles are left as its author's Word wrote them.
        let ours = !(name == "word/styles.xml" && merged.is_some());
        let bytes = if ours && name.starts_with("word/") && name.ends_with(".xml") {
            order::canonical(&bytes)?
        } else {
            bytes
        };
        parts.push((name, bytes));
    }
    package::zip(&parts)
}

/// The header block: one line per fact, its label bold and its value at a tab stop, a thin
/// rule under the last.
fn header_block(meta: &Meta, words: &Words, ids: &mut body::Ids) -> Vec<Paragraph> {
    let mut lines: Vec<(&str, String)> = Vec::new();
    if !meta.organisation.is_empty() {
        lines.push((words.organisation, meta.organisation.clone()));
    }
    if !meta.title.is_empty() {
        lines.push((words.report, meta.title.clone()));
    }
    lines.push((words.date, long_date(&meta.date, meta.lang)));
    lines.push((words.as_of, long_date(&meta.as_of, meta.lang)));
    if let Some(reference) = meta
        .decision_ref
        .as_deref()
        .filter(|r| !r.trim().is_empty())
    {
        lines.push((words.reference, reference.to_owned()));
    }
    let count = lines.len();
    lines
        .into_iter()
        .enumerate()
        .map(|(i, (label, value))| {
            let mut p = ids
                .paragraph()
                .style(styles::PAPER_HEADER)
                .add_tab(Tab::new().val(TabValueType::Left).pos(2268))
                .add_run(Run::new().add_text(label).bold())
                .add_run(Run::new().add_tab().add_text(value));
            if i + 1 == count {
                p.property = p.property.set_borders(
                    ParagraphBorders::with_empty().set(
                        ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                            .val(BorderType::Single)
                            .size(6)
                            .space(4)
                            .color("808080"),
                    ),
                );
                p = p.line_spacing(docx_rs::LineSpacing::new().after(360));
            }
            p
        })
        .collect()
}

/// "Sida 2 av 7": the page's number and the count, as fields Word and LibreOffice fill in.
fn footer(words: &Words, ids: &mut body::Ids) -> Paragraph {
    ids.paragraph()
        .style(styles::FOOTER)
        .add_run(Run::new().add_text(format!("{} ", words.page)))
        .add_page_num(PageNum::new())
        .add_run(Run::new().add_text(format!(" {} ", words.of)))
        .add_num_pages(NumPages::new())
}
