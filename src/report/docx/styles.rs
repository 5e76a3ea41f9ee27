//! The Word styles of a board paper: built in, named as Word names its own (so that a
//! municipality's template applies by name), or taken from a reference document
//! (`--reference-doc`) whose styles win and whose missing ones ours fill in.
//!
//! Word localises the ids of its built-in styles ("Rubrik1" in a Swedish Word) but not their
//! names ("heading 1"), so a reference style is found by id first, then by name; the
//! document's style references are then renamed to the reference's ids.

use std::collections::BTreeMap;
use std::io::{Cursor, Read as _};

use anyhow::{Context as _, Result, anyhow, bail};
use docx_rs::{
    AlignmentType, BorderType, BuildXML as _, LineSpacing, LineSpacingType, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, RunFonts, Shading, Style, StyleType, Styles,
    TableBorder, TableBorderPosition, TableBorders, TableCellMargins, TableProperty,
};
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;

/// WordprocessingML's namespace.
pub const MAIN_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The document's font, and the one code is set in.
pub const FONT: &str = "Arial";
pub const MONOSPACE: &str = "Consolas";

/// Body text size in half-points (10.5 pt), and the size of table text (9.5 pt): close to
/// the HTML paper's, so that both keep the management review's main part to six pages.
pub const BODY_SIZE: usize = 21;
pub const TABLE_SIZE: usize = 19;

/// The style ids the document uses.
pub const HEADINGS: [&str; 4] = ["Heading1", "Heading2", "Heading3", "Heading4"];
pub const LIST_PARAGRAPH: &str = "ListParagraph";
pub const QUOTE: &str = "Quote";
pub const SOURCE_CODE: &str = "SourceCode";
pub const VERBATIM: &str = "VerbatimChar";
pub const TABLE_TEXT: &str = "TableText";
pub const TABLE: &str = "TableGrid";
pub const PAPER_HEADER: &str = "PaperHeader";
pub const FOOTER: &str = "Footer";
pub const PICTURE: &str = "Picture";

/// The largest `word/styles.xml` read from a reference document, uncompressed.
const REFERENCE_STYLES_MAX: u64 = 8 << 20;

fn fonts(name: &str) -> RunFonts {
    RunFonts::new()
        .ascii(name)
        .hi_ansi(name)
        .cs(name)
        .east_asia(name)
}

fn spacing(before: u32, after: u32) -> LineSpacing {
    LineSpacing::new().before(before).after(after)
}

fn paragraph(id: &str, name: &str) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .next("Normal")
}

/// The built-in styles: Arial 10.5 pt, headings 1–4 as Word's own, lists, quotes, code, table
/// text, a table grid with thin grey borders, the header block and the footer.
pub fn built_in() -> Styles {
    let mut headings = Vec::new();
    for (level, (size, before, after)) in
        [(36, 0, 240), (28, 360, 120), (24, 240, 80), (22, 200, 60)]
            .into_iter()
            .enumerate()
    {
        let mut h = paragraph(HEADINGS[level], &format!("heading {}", level + 1))
            .size(size)
            .bold()
            .color("1F3864")
            .line_spacing(spacing(before, after))
            .outline_lvl(level);
        if level == 3 {
            h = h.italic();
        }
        h.paragraph_property = h.paragraph_property.keep_next(true).keep_lines(true);
        headings.push(h);
    }
    let mut quote = paragraph(QUOTE, "Quote")
        .indent(Some(567), None, Some(567), None)
        .color("404040");
    quote.paragraph_property = quote.paragraph_property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Left)
                .val(BorderType::Single)
                .size(12)
                .space(8)
                .color("A6A6A6"),
        ),
    );
    let mut code = paragraph(SOURCE_CODE, "Source Code")
        .fonts(fonts(MONOSPACE))
        .size(18)
        .line_spacing(spacing(0, 160).line(240).line_rule(LineSpacingType::Auto));
    code.paragraph_property = code
        .paragraph_property
        .shading(Shading::new().fill("F2F2F2"));
    let thin = |position| {
        TableBorder::new(position)
            .border_type(BorderType::Single)
            .size(4)
            .color("808080")
    };
    let grid = Style::new(TABLE, StyleType::Table)
        .name("Table Grid")
        .table_property(
            TableProperty::new()
                .set_borders(
                    TableBorders::with_empty()
                        .set(thin(TableBorderPosition::Top))
                        .set(thin(TableBorderPosition::Left))
                        .set(thin(TableBorderPosition::Bottom))
                        .set(thin(TableBorderPosition::Right))
                        .set(thin(TableBorderPosition::InsideH))
                        .set(thin(TableBorderPosition::InsideV)),
                )
                .set_margins(TableCellMargins::new().margin(28, 85, 28, 85)),
        );
    // docx-rs writes a plain "Normal" style itself; the body's look is the defaults.
    let mut styles = Styles::new()
        .default_fonts(fonts(FONT))
        .default_size(BODY_SIZE)
        .default_line_spacing(spacing(0, 120).line(264).line_rule(LineSpacingType::Auto));
    for h in headings {
        styles = styles.add_style(h);
    }
    styles
        .add_style(paragraph(LIST_PARAGRAPH, "List Paragraph").line_spacing(spacing(0, 60)))
        .add_style(quote)
        .add_style(code)
        .add_style(
            Style::new(VERBATIM, StyleType::Character)
                .name("Verbatim Char")
                .fonts(fonts(MONOSPACE))
                .size(20),
        )
        .add_style(
            paragraph(TABLE_TEXT, "Table Text")
                .size(TABLE_SIZE)
                .line_spacing(spacing(20, 20).line(240).line_rule(LineSpacingType::Auto)),
        )
        .add_style(grid)
        .add_style(
            paragraph(PAPER_HEADER, "Paper Header")
                .size(20)
                .line_spacing(spacing(0, 40)),
        )
        .add_style(
            paragraph(PICTURE, "Picture")
                .align(AlignmentType::Center)
                .line_spacing(spacing(120, 120)),
        )
        .add_style(
            paragraph(FOOTER, "footer")
                .size(18)
                .color("595959")
                .align(AlignmentType::Center)
                .line_spacing(spacing(0, 0)),
        )
}

/// A style of a reference document: its id, name (lowercased, as Word compares them) and
/// type.
#[derive(Debug)]
struct Known {
    id: String,
    name: String,
    kind: String,
}

/// The styles of a reference document (`--reference-doc`).
#[derive(Debug)]
pub struct Reference {
    xml: String,
    styles: Vec<Known>,
    /// Where the root element's end tag starts: missing styles go before it.
    end: usize,
}

impl Reference {
    /// The styles of a .docx file's bytes; an error for anything that is not a Word document
    /// with readable styles.
    pub fn read(docx: &[u8]) -> Result<Reference> {
        let mut archive = zip::ZipArchive::new(Cursor::new(docx))
            .map_err(|e| anyhow!("--reference-doc is not a Word document (.docx): {e}"))?;
        let mut file = archive.by_name("word/styles.xml").map_err(|_| {
            anyhow!("--reference-doc is not a Word document (.docx): it has no word/styles.xml")
        })?;
        let mut bytes = Vec::new();
        (&mut file)
            .take(REFERENCE_STYLES_MAX + 1)
            .read_to_end(&mut bytes)
            .context("--reference-doc: cannot read its word/styles.xml")?;
        if bytes.len() as u64 > REFERENCE_STYLES_MAX {
            bail!(
                "--reference-doc: its word/styles.xml is larger than {} MiB",
                REFERENCE_STYLES_MAX >> 20
            );
        }
        let xml = String::from_utf8(bytes)
            .map_err(|_| anyhow!("--reference-doc: its word/styles.xml is not UTF-8"))?;
        let (styles, end) = known_styles(&xml)
            .map_err(|e| anyhow!("--reference-doc: its word/styles.xml is not Word styles: {e}"))?;
        Ok(Reference { xml, styles, end })
    }

    /// The reference's styles.xml with those of `ours` that it lacks (by id and by name), and
    /// the renaming of our style ids to the reference's.
    pub fn merge(&self, ours: &Styles) -> Result<(Vec<u8>, BTreeMap<String, String>)> {
        let mut rename = BTreeMap::new();
        // Our styles are based on "Normal", which docx-rs writes itself; a template may call
        // its own by another id.
        if !self.styles.iter().any(|k| k.id == "Normal")
            && let Some(k) = self
                .styles
                .iter()
                .find(|k| k.name == "normal" && k.kind == "paragraph")
        {
            rename.insert("Normal".to_owned(), k.id.clone());
        }
        let mut missing = Vec::new();
        for style in &ours.styles {
            let kind = kind_name(&style.style_type);
            let name = style_name(style);
            if self.styles.iter().any(|k| k.id == style.style_id) {
                continue;
            }
            match self
                .styles
                .iter()
                .find(|k| k.name == name.to_lowercase() && k.kind == kind)
            {
                Some(k) => {
                    rename.insert(style.style_id.clone(), k.id.clone());
                }
                None => missing.push(style),
            }
        }
        let mut out = self.xml.as_bytes()[..self.end].to_vec();
        for style in missing {
            let xml = super::order::canonical(&style.build())?;
            let xml = String::from_utf8(xml).context("a built-in style")?;
            // Declared on the element itself: the reference may bind its own prefix.
            let xml = xml.replacen("<w:style ", &format!("<w:style xmlns:w=\"{MAIN_NS}\" "), 1);
            out.extend(super::package::rename_styles(xml.as_bytes(), &rename)?);
        }
        out.extend(&self.xml.as_bytes()[self.end..]);
        Ok((out, rename))
    }
}

fn kind_name(kind: &StyleType) -> &'static str {
    match kind {
        StyleType::Paragraph => "paragraph",
        StyleType::Character => "character",
        StyleType::Table => "table",
        StyleType::Numbering => "numbering",
        _ => "",
    }
}

/// A built-in style's name, as written to styles.xml.
fn style_name(style: &Style) -> String {
    // `Name` keeps its text private; its serialisation is the text.
    serde_json::to_value(&style.name)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The styles a styles.xml defines, and where its root's end tag starts.
fn known_styles(xml: &str) -> Result<(Vec<Known>, usize)> {
    let mut reader = quick_xml::NsReader::from_str(xml);
    let mut depth = 0usize;
    let mut styles: Vec<Known> = Vec::new();
    let mut in_style = false;
    loop {
        let before = reader.buffer_position();
        let (ns, event) = reader.read_resolved_event()?;
        let main = matches!(ns, ResolveResult::Bound(n) if n.as_ref() == MAIN_NS);
        match event {
            Event::Start(e) if depth == 0 => {
                if !(main && e.local_name().as_ref() == "styles") {
                    bail!("its root element is not w:styles");
                }
                depth = 1;
            }
            Event::Empty(_) if depth == 0 => bail!("it defines no styles"),
            Event::Start(e) => {
                if depth == 1 && main && e.local_name().as_ref() == "style" {
                    let mut known = Known {
                        id: String::new(),
                        name: String::new(),
                        kind: String::new(),
                    };
                    for attr in e.attributes() {
                        let attr = attr?;
                        let value = attr
                            .normalized_value(quick_xml::XmlVersion::Explicit1_0)?
                            .into_owned();
                        match attr.key.local_name().as_ref() {
                            "styleId" => known.id = value,
                            "type" => known.kind = value,
                            _ => {}
                        }
                    }
                    styles.push(known);
                    in_style = true;
                }
                depth += 1;
            }
            Event::Empty(e)
                if depth == 2 && in_style && main && e.local_name().as_ref() == "name" =>
            {
                for attr in e.attributes() {
                    let attr = attr?;
                    if attr.key.local_name().as_ref() == "val"
                        && let Some(last) = styles.last_mut()
                    {
                        last.name = attr
                            .normalized_value(quick_xml::XmlVersion::Explicit1_0)?
                            .to_lowercase();
                    }
                }
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 1 {
                    in_style = false;
                }
                if depth == 0 {
                    let end = usize::try_from(before).context("position")?;
                    return Ok((styles, end));
                }
            }
            Event::Eof => bail!("it ends before its root element does"),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write as _;

    fn docx_with(styles: &str) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("word/styles.xml", options).expect("entry");
        zip.write_all(styles.as_bytes()).expect("write");
        zip.finish().expect("zip").into_inner()
    }

    const SWEDISH: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:rFonts w:ascii="Garamond"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Rubrik1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style></w:styles>"#;

    #[test]
    fn a_localised_template_keeps_its_ids_and_gains_what_it_lacks() {
        let reference = Reference::read(&docx_with(SWEDISH)).expect("read");
        assert_eq!(reference.styles.len(), 2);
        assert_eq!(reference.styles[1].name, "heading 1");
        let (xml, rename) = reference.merge(&built_in()).expect("merge");
        let xml = String::from_utf8(xml).expect("UTF-8");
        assert_eq!(rename.get("Heading1").map(String::as_str), Some("Rubrik1"));
        assert!(!rename.contains_key("Normal"));
        assert!(xml.contains("Garamond"), "the reference's own styles stay");
        assert!(!xml.contains("w:styleId=\"Heading1\""), "{xml}");
        assert!(
            xml.contains("w:styleId=\"Heading2\""),
            "missing styles are added"
        );
        assert!(xml.contains("w:styleId=\"TableGrid\""));
        assert!(xml.trim_end().ends_with("</w:styles>"));
        // What was added is well-formed and in Word's namespace.
        let (all, _) = known_styles(&xml).expect("well-formed");
        assert!(
            all.iter()
                .any(|k| k.id == "SourceCode" && k.kind == "paragraph")
        );
    }

    #[test]
    fn what_is_not_a_word_document_is_refused() {
        let err = Reference::read(b"%PDF-1.4 not a zip").expect_err("refused");
        assert!(err.to_string().contains("not a Word document"), "{err}");
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file("content.xml", zip::write::SimpleFileOptions::default())
            .expect("entry");
        let odt = zip.finish().expect("zip").into_inner();
        let err = Reference::read(&odt).expect_err("refused");
        assert!(err.to_string().contains("no word/styles.xml"), "{err}");
        let err = Reference::read(&docx_with("<html><body/></html>")).expect_err("refused");
        assert!(err.to_string().contains("not Word styles"), "{err}");
        let err = Reference::read(&docx_with(&SWEDISH[..200])).expect_err("refused");
        assert!(err.to_string().contains("not Word styles"), "{err}");
    }
}
