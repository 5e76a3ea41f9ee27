//! The parts docx-rs does not write as a board paper needs, and the ZIP package.
//!
//! docx-rs renders the parts; this module finishes them: table header rows marked to repeat
//! (`w:tblHeader`), pictures numbered with their alt text (`wp:docPr`), style references
//! renamed to a reference document's ids, the document language, and the core properties
//! (title, subject, creator, language, dates), none of which docx-rs can set. The package is
//! then written with fixed timestamps and in a fixed order, so that the same report gives
//! the same bytes.

use std::collections::BTreeMap;
use std::io::{Cursor, Write as _};

use anyhow::{Context as _, Result};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

/// Runs every event of `xml` through `edit`, which writes what takes its place.
fn transform(
    xml: &[u8],
    mut edit: impl FnMut(Event<'_>, &mut Writer<Vec<u8>>) -> Result<()>,
) -> Result<Vec<u8>> {
    let text = std::str::from_utf8(xml).context("a part is not UTF-8")?;
    let mut reader = quick_xml::Reader::from_str(text);
    let mut writer = Writer::new(Vec::with_capacity(xml.len() + xml.len() / 16));
    loop {
        match reader
            .read_event()
            .context("a part is not well-formed XML")?
        {
            Event::Eof => break,
            event => edit(event, &mut writer)?,
        }
    }
    Ok(writer.into_inner())
}

/// The start tag `e` with its `w:val` renamed by `rename` when it names a style.
fn renamed<'a>(e: BytesStart<'a>, rename: &BTreeMap<String, String>) -> Result<BytesStart<'a>> {
    let names_style = matches!(
        e.name().as_ref(),
        "w:pStyle" | "w:rStyle" | "w:tblStyle" | "w:basedOn" | "w:next" | "w:link"
    );
    if !names_style || rename.is_empty() {
        return Ok(e);
    }
    let mut out = BytesStart::new(e.name().as_ref().to_owned());
    for attr in e.attributes() {
        let attr = attr?;
        let key = attr.key.as_ref().to_owned();
        let value = attr
            .normalized_value(quick_xml::XmlVersion::Explicit1_0)?
            .into_owned();
        let value = match rename.get(&value) {
            Some(to) if key == "w:val" => to.clone(),
            _ => value,
        };
        out.push_attribute((key.as_str(), value.as_str()));
    }
    Ok(out.into_owned())
}

/// XML (a style, a header or footer) with its style references renamed.
pub fn rename_styles(xml: &[u8], rename: &BTreeMap<String, String>) -> Result<Vec<u8>> {
    transform(xml, |event, w| {
        match event {
            Event::Start(e) => w.write_event(Event::Start(renamed(e, rename)?))?,
            Event::Empty(e) => w.write_event(Event::Empty(renamed(e, rename)?))?,
            other => w.write_event(other)?,
        }
        Ok(())
    })
}

/// `word/document.xml` finished: the first row of every table repeats on each page, the
/// pictures are numbered in order with `alt` as their description, and style references are
/// renamed.
pub fn finish_document(
    xml: &[u8],
    alt: &[String],
    rename: &BTreeMap<String, String>,
) -> Result<Vec<u8>> {
    // For each open table, whether its first row has been seen.
    let mut tables: Vec<bool> = Vec::new();
    // Inside a table's first row, before its properties.
    let mut header_row = false;
    let mut pictures = 0usize;
    transform(xml, |event, w| {
        let name = match &event {
            Event::Start(e) | Event::Empty(e) => Some(e.name().as_ref().to_owned()),
            _ => None,
        };
        if header_row && let Some(name) = &name {
            header_row = false;
            match (name.as_str(), &event) {
                ("w:trPr", Event::Start(_)) => {
                    w.write_event(event)?;
                    w.write_event(Event::Empty(BytesStart::new("w:tblHeader")))?;
                    return Ok(());
                }
                ("w:trPr", Event::Empty(_)) => {
                    w.write_event(Event::Start(BytesStart::new("w:trPr")))?;
                    w.write_event(Event::Empty(BytesStart::new("w:tblHeader")))?;
                    w.write_event(Event::End(BytesEnd::new("w:trPr")))?;
                    return Ok(());
                }
                _ => {
                    w.write_event(Event::Start(BytesStart::new("w:trPr")))?;
                    w.write_event(Event::Empty(BytesStart::new("w:tblHeader")))?;
                    w.write_event(Event::End(BytesEnd::new("w:trPr")))?;
                }
            }
        }
        match event {
            Event::Start(e) if e.name().as_ref() == "w:tbl" => {
                tables.push(false);
                w.write_event(Event::Start(e))?;
            }
            Event::End(e) if e.name().as_ref() == "w:tbl" => {
                tables.pop();
                w.write_event(Event::End(e))?;
            }
            Event::Start(e) if e.name().as_ref() == "w:tr" => {
                if let Some(seen) = tables.last_mut()
                    && !*seen
                {
                    *seen = true;
                    header_row = true;
                }
                w.write_event(Event::Start(e))?;
            }
            Event::Start(e) if e.name().as_ref() == "wp:docPr" => {
                pictures += 1;
                w.write_event(Event::Start(doc_pr(pictures, alt)))?;
            }
            Event::Empty(e) if e.name().as_ref() == "wp:docPr" => {
                pictures += 1;
                w.write_event(Event::Empty(doc_pr(pictures, alt)))?;
            }
            Event::Start(e) => w.write_event(Event::Start(renamed(e, rename)?))?,
            Event::Empty(e) => w.write_event(Event::Empty(renamed(e, rename)?))?,
            other => w.write_event(other)?,
        }
        Ok(())
    })
}

/// The `n`th picture's properties (from 1): its id, a name, and its description (alt text).
fn doc_pr(n: usize, alt: &[String]) -> BytesStart<'static> {
    let mut doc_pr = BytesStart::new("wp:docPr");
    doc_pr.push_attribute(("id", n.to_string().as_str()));
    doc_pr.push_attribute(("name", format!("Picture {n}").as_str()));
    doc_pr.push_attribute(("descr", alt.get(n - 1).map_or("", String::as_str)));
    doc_pr
}

/// Our own `word/styles.xml` finished: "Normal" is the default paragraph style, the
/// document's language is the default of every run (for spelling and hyphenation), and words
/// are hyphenated in table text only, where long Swedish compounds meet narrow columns
/// (Word's hyphenation is on in the settings, off by default for paragraphs, and on again in
/// the style `hyphenated`).
pub fn finish_styles(styles: &[u8], lang: &str, hyphenated: &str) -> Result<Vec<u8>> {
    let mut in_run_default = false;
    let mut in_paragraph_default = false;
    let mut in_hyphenated = false;
    let out = transform(styles, |event, w| {
        match &event {
            Event::Start(e) if e.name().as_ref() == "w:rPrDefault" => in_run_default = true,
            Event::End(e) if e.name().as_ref() == "w:rPrDefault" => in_run_default = false,
            Event::Start(e) if e.name().as_ref() == "w:pPrDefault" => in_paragraph_default = true,
            Event::End(e) if e.name().as_ref() == "w:pPrDefault" => in_paragraph_default = false,
            Event::Start(e) if e.name().as_ref() == "w:style" => {
                let id = |wanted: &str| {
                    e.attributes()
                        .flatten()
                        .any(|a| a.key.as_ref() == "w:styleId" && a.value.as_ref() == wanted)
                };
                in_hyphenated = id(hyphenated);
                // docx-rs's own "Normal" is the default paragraph style, as Word's is.
                if id("Normal")
                    && !e
                        .attributes()
                        .flatten()
                        .any(|a| a.key.as_ref() == "w:default")
                {
                    let mut normal = e.clone();
                    normal.push_attribute(("w:default", "1"));
                    w.write_event(Event::Start(normal))?;
                    return Ok(());
                }
            }
            Event::End(e) if e.name().as_ref() == "w:style" => in_hyphenated = false,
            Event::End(e) if in_run_default && e.name().as_ref() == "w:rPr" => {
                let mut l = BytesStart::new("w:lang");
                l.push_attribute(("w:val", lang));
                l.push_attribute(("w:eastAsia", lang));
                w.write_event(Event::Empty(l))?;
            }
            Event::End(e) if in_paragraph_default && e.name().as_ref() == "w:pPr" => {
                w.write_event(Event::Empty(BytesStart::new("w:suppressAutoHyphens")))?;
            }
            Event::End(e) if in_hyphenated && e.name().as_ref() == "w:pPr" => {
                let mut on = BytesStart::new("w:suppressAutoHyphens");
                on.push_attribute(("w:val", "0"));
                w.write_event(Event::Empty(on))?;
            }
            _ => {}
        }
        w.write_event(event)?;
        Ok(())
    })?;
    Ok(declared(out))
}

/// `word/settings.xml` with Word's automatic hyphenation on (see [`finish_styles`]).
pub fn finish_settings(settings: &[u8]) -> Result<Vec<u8>> {
    let out = transform(settings, |event, w| {
        let after = matches!(&event, Event::Empty(e) if e.name().as_ref() == "w:defaultTabStop");
        w.write_event(event)?;
        if after {
            w.write_event(Event::Empty(BytesStart::new("w:autoHyphenation")))?;
        }
        Ok(())
    })?;
    Ok(declared(out))
}

/// XML with its declaration, which docx-rs leaves out of some parts.
fn declared(xml: Vec<u8>) -> Vec<u8> {
    if xml.starts_with(b"<?xml") {
        return xml;
    }
    let mut out = DECLARATION.as_bytes().to_vec();
    out.extend(xml);
    out
}

const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";

/// What `docProps/core.xml` says.
pub struct Core<'a> {
    pub title: &'a str,
    pub subject: &'a str,
    pub creator: &'a str,
    pub language: &'a str,
    /// `YYYY-MM-DD`: created and modified at its midnight, UTC.
    pub date: &'a str,
}

/// `docProps/core.xml`.
pub fn core(props: &Core<'_>) -> Result<Vec<u8>> {
    let mut w = Writer::new(Vec::new());
    w.write_event(Event::Decl(BytesDecl::new(
        "1.0",
        Some("UTF-8"),
        Some("yes"),
    )))?;
    let mut root = BytesStart::new("cp:coreProperties");
    for (key, value) in [
        (
            "xmlns:cp",
            "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
        ),
        ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
        ("xmlns:dcterms", "http://purl.org/dc/terms/"),
        ("xmlns:dcmitype", "http://purl.org/dc/dcmitype/"),
        ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
    ] {
        root.push_attribute((key, value));
    }
    w.write_event(Event::Start(root))?;
    let stamp = format!("{}T00:00:00Z", props.date);
    let element = |w: &mut Writer<Vec<u8>>, name: &str, text: &str, dated: bool| -> Result<()> {
        let mut start = BytesStart::new(name);
        if dated {
            start.push_attribute(("xsi:type", "dcterms:W3CDTF"));
        }
        w.write_event(Event::Start(start))?;
        w.write_event(Event::Text(BytesText::new(text)))?;
        w.write_event(Event::End(BytesEnd::new(name)))?;
        Ok(())
    };
    element(&mut w, "dc:title", props.title, false)?;
    element(&mut w, "dc:subject", props.subject, false)?;
    element(&mut w, "dc:creator", props.creator, false)?;
    element(&mut w, "cp:lastModifiedBy", props.creator, false)?;
    element(&mut w, "dc:language", props.language, false)?;
    element(&mut w, "cp:revision", "1", false)?;
    element(&mut w, "dcterms:created", &stamp, true)?;
    element(&mut w, "dcterms:modified", &stamp, true)?;
    w.write_event(Event::End(BytesEnd::new("cp:coreProperties")))?;
    Ok(w.into_inner())
}

/// The package of `parts` (path, bytes) in their order, compressed, every entry dated
/// 1980-01-01 00:00 (the ZIP format's first day), so that nothing in it depends on the clock.
pub fn zip(parts: &[(String, Vec<u8>)]) -> Result<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::DEFAULT)
        .unix_permissions(0o644);
    for (path, bytes) in parts {
        // Pictures are compressed already.
        let options = if path.ends_with(".png") {
            options.compression_method(zip::CompressionMethod::Stored)
        } else {
            options
        };
        zip.start_file(path.as_str(), options)
            .with_context(|| format!("cannot write {path}"))?;
        zip.write_all(bytes)?;
    }
    Ok(zip
        .finish()
        .context("cannot finish the Word file")?
        .into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: Vec<u8>) -> String {
        String::from_utf8(bytes).expect("UTF-8")
    }

    #[test]
    fn the_first_row_of_each_table_repeats() {
        let xml = br#"<w:body><w:tbl><w:tr><w:trPr/><w:tc/></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr></w:tr></w:tbl><w:tbl><w:tr><w:tc><w:tbl><w:tr><w:trPr></w:trPr></w:tr></w:tbl></w:tc></w:tr></w:tbl></w:body>"#;
        let out = text(finish_document(xml, &[], &BTreeMap::new()).expect("finished"));
        assert_eq!(out.matches("<w:tblHeader/>").count(), 3, "{out}");
        assert!(out.starts_with(
            "<w:body><w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc/></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr>"
        ));
        assert!(
            out.contains("<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:tbl>"),
            "a row without properties gains them: {out}"
        );
    }

    #[test]
    fn pictures_are_numbered_and_described_and_styles_renamed() {
        let xml = br#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><wp:docPr id="1" name="Figure"/><wp:docPr id="1" name="Figure"/></w:p>"#;
        let rename = BTreeMap::from([("Heading1".to_owned(), "Rubrik1".to_owned())]);
        let alt = ["Typ <a> & \"b\"".to_owned(), "Två".to_owned()];
        let out = text(finish_document(xml, &alt, &rename).expect("finished"));
        assert!(out.contains(r#"<w:pStyle w:val="Rubrik1"/>"#), "{out}");
        assert!(
            out.contains(
                r#"<wp:docPr id="1" name="Picture 1" descr="Typ &lt;a&gt; &amp; &quot;b&quot;"/>"#
            ),
            "{out}"
        );
        assert!(out.contains(r#"<wp:docPr id="2" name="Picture 2" descr="Två"/>"#));
    }

    #[test]
    fn core_properties_escape_their_text() {
        let xml = text(
            core(&Core {
                title: "</dc:title><x>",
                subject: "management",
                creator: "Sjöbacka & Co",
                language: "sv-SE",
                date: "2026-11-28",
            })
            .expect("core"),
        );
        assert!(
            xml.contains("<dc:title>&lt;/dc:title&gt;&lt;x&gt;</dc:title>"),
            "{xml}"
        );
        assert!(xml.contains("<dc:creator>Sjöbacka &amp; Co</dc:creator>"));
        assert!(xml.contains(
            "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-11-28T00:00:00Z</dcterms:created>"
        ));
    }

    #[test]
    fn runs_have_the_language_and_only_table_text_is_hyphenated() {
        let xml = br#"<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:rPr/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:styleId="Heading1"><w:pPr/><w:rPr/></w:style><w:style w:styleId="TableText"><w:pPr><w:spacing/></w:pPr></w:style></w:styles>"#;
        let out = text(finish_styles(xml, "sv-SE", "TableText").expect("styles"));
        assert!(out.starts_with("<?xml version=\"1.0\""), "{out}");
        assert!(out.contains(
            r#"<w:rPr><w:sz w:val="22"/><w:lang w:val="sv-SE" w:eastAsia="sv-SE"/></w:rPr></w:rPrDefault>"#
        ), "{out}");
        assert_eq!(out.matches("w:lang").count(), 1);
        assert!(out.contains(r#"<w:pPr><w:rPr/><w:suppressAutoHyphens/></w:pPr></w:pPrDefault>"#));
        assert!(out.contains(r#"<w:style w:styleId="TableText"><w:pPr><w:spacing/><w:suppressAutoHyphens w:val="0"/></w:pPr>"#));
        assert_eq!(out.matches("suppressAutoHyphens").count(), 2);
        assert!(out.contains(r#"<w:style w:type="paragraph" w:styleId="Normal" w:default="1">"#));
        assert_eq!(out.matches("w:default").count(), 1);
        let settings = text(
            finish_settings(
                br#"<w:settings><w:defaultTabStop w:val="840" /><w:zoom/></w:settings>"#,
            )
            .expect("settings"),
        );
        assert!(
            settings.contains(r#"<w:defaultTabStop w:val="840" /><w:autoHyphenation/><w:zoom/>"#),
            "{settings}"
        );
    }
}
