//! Board papers as Word documents (`isms report --format docx`): every report in Swedish and
//! English is a well-formed .docx whose tables, headings and charts are the Markdown's, with
//! repeating table headers, the title and organisation in its properties and the same bytes
//! every time; record text stays text; `--reference-doc` brings a template's styles; and
//! LibreOffice prints each paper with the title's Swedish letters.

use std::collections::BTreeMap;
use std::io::{Cursor, Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::Command;

use pulldown_cmark::{CodeBlockKind, Event as Md, Options, Parser, Tag};
use quick_xml::events::Event;

use crate::board_html::{AS_OF, REPORTS, Source};
use crate::support::{TempRepo, board_tools};

/// The report as a Word file written to `out`, with `extra` arguments.
fn docx(source: &Source, report: &[&str], out: &Path, extra: &[&str]) -> Docx {
    let mut args = vec![
        "--format",
        "docx",
        "-o",
        out.to_str().expect("a UTF-8 path"),
    ];
    args.extend_from_slice(extra);
    let run = source.run(report, &args);
    assert_eq!(run.code, Some(0), "{report:?}: {}", run.stderr);
    Docx::read(&std::fs::read(out).expect("the Word file"))
}

/// A Word file's parts.
struct Docx {
    bytes: Vec<u8>,
    parts: BTreeMap<String, Vec<u8>>,
}

impl Docx {
    fn read(bytes: &[u8]) -> Docx {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a ZIP package");
        let mut parts = BTreeMap::new();
        for i in 0..zip.len() {
            let mut entry = zip.by_index(i).expect("an entry");
            let date = entry.last_modified().expect("a date");
            assert_eq!(
                (
                    date.year(),
                    date.month(),
                    date.day(),
                    date.hour(),
                    date.minute()
                ),
                (1980, 1, 1, 0, 0),
                "{} is dated by the clock",
                entry.name()
            );
            let mut data = Vec::new();
            entry.read_to_end(&mut data).expect("read");
            parts.insert(entry.name().to_owned(), data);
        }
        Docx {
            bytes: bytes.to_vec(),
            parts,
        }
    }

    fn part(&self, name: &str) -> &str {
        std::str::from_utf8(
            self.parts
                .get(name)
                .unwrap_or_else(|| panic!("no {name} in {:?}", self.parts.keys())),
        )
        .expect("UTF-8")
    }

    /// Every XML part parses to its end.
    fn assert_well_formed(&self, name: &str) {
        for (part, bytes) in &self.parts {
            if part.ends_with(".xml") || part.ends_with(".rels") {
                let text = std::str::from_utf8(bytes).expect("UTF-8");
                let mut reader = quick_xml::Reader::from_str(text);
                loop {
                    match reader.read_event() {
                        Ok(Event::Eof) => break,
                        Ok(_) => {}
                        Err(e) => panic!("{name}: {part} is not well-formed: {e}"),
                    }
                }
            }
        }
    }

    /// The elements of `part` (start or empty) with their attributes, in order.
    fn elements(&self, part: &str) -> Vec<(String, BTreeMap<String, String>)> {
        let mut reader = quick_xml::Reader::from_str(self.part(part));
        let mut out = Vec::new();
        loop {
            match reader.read_event().expect("well-formed") {
                Event::Eof => break,
                Event::Start(e) | Event::Empty(e) => {
                    let attrs = e
                        .attributes()
                        .map(|a| {
                            let a = a.expect("an attribute");
                            let value = a
                                .normalized_value(quick_xml::XmlVersion::Explicit1_0)
                                .expect("a value")
                                .into_owned();
                            (a.key.as_ref().to_owned(), value)
                        })
                        .collect();
                    out.push((e.name().as_ref().to_owned(), attrs));
                }
                _ => {}
            }
        }
        out
    }

    /// The name of the first child of each `parent` element of `part` ("" for none).
    fn first_children(&self, part: &str, parent: &str) -> Vec<String> {
        let mut reader = quick_xml::Reader::from_str(self.part(part));
        let mut out = Vec::new();
        let mut waiting = false;
        loop {
            let event = reader.read_event().expect("well-formed");
            if waiting {
                match &event {
                    Event::Start(e) | Event::Empty(e) => out.push(e.name().as_ref().to_owned()),
                    Event::End(_) => out.push(String::new()),
                    _ => continue,
                }
                waiting = false;
            }
            match event {
                Event::Eof => break,
                Event::Start(e) if e.name().as_ref() == parent => waiting = true,
                _ => {}
            }
        }
        out
    }

    fn count(&self, part: &str, element: &str) -> usize {
        self.elements(part)
            .iter()
            .filter(|(name, _)| name == element)
            .count()
    }

    /// The text of `part`'s elements named `element`, in order, unescaped.
    fn texts(&self, part: &str, element: &str) -> Vec<String> {
        let mut reader = quick_xml::Reader::from_str(self.part(part));
        let mut out = Vec::new();
        let mut inside = false;
        loop {
            match reader.read_event().expect("well-formed") {
                Event::Eof => break,
                Event::Start(e) if e.name().as_ref() == element => {
                    inside = true;
                    out.push(String::new());
                }
                Event::End(e) if e.name().as_ref() == element => inside = false,
                Event::Text(t) if inside => {
                    if let Some(last) = out.last_mut() {
                        last.push_str(&t.xml_content(quick_xml::XmlVersion::Explicit1_0));
                    }
                }
                Event::GeneralRef(r) if inside => {
                    let name = r.xml_content(quick_xml::XmlVersion::Explicit1_0);
                    let c = match name.as_ref() {
                        "lt" => "<",
                        "gt" => ">",
                        "amp" => "&",
                        "quot" => "\"",
                        "apos" => "'",
                        other => panic!("an unexpected entity &{other};"),
                    };
                    if let Some(last) = out.last_mut() {
                        last.push_str(c);
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// All the document's run text.
    fn text(&self) -> String {
        self.texts("word/document.xml", "w:t").concat()
    }

    fn media(&self) -> usize {
        self.parts
            .keys()
            .filter(|k| k.starts_with("word/media/"))
            .count()
    }
}

/// What the Markdown holds: its tables, headings and ```` ```mermaid ```` blocks.
#[derive(Debug, Default, PartialEq)]
struct Shape {
    tables: usize,
    headings: usize,
    charts: usize,
}

fn shape(markdown: &str) -> Shape {
    let mut shape = Shape::default();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Md::Start(Tag::Table(_)) => shape.tables += 1,
            Md::Start(Tag::Heading { .. }) => shape.headings += 1,
            Md::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if info.as_ref() == "mermaid" =>
            {
                shape.charts += 1
            }
            _ => {}
        }
    }
    shape
}

/// The document's shape, read the same way.
fn docx_shape(docx: &Docx) -> Shape {
    let elements = docx.elements("word/document.xml");
    Shape {
        tables: elements.iter().filter(|(n, _)| n == "w:tbl").count(),
        headings: elements
            .iter()
            .filter(|(n, a)| {
                n == "w:pStyle" && a.get("w:val").is_some_and(|v| v.starts_with("Heading"))
            })
            .count(),
        charts: elements.iter().filter(|(n, _)| n == "pic:pic").count(),
    }
}

fn temp_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("isms-docx-")
        .tempdir()
        .expect("a temporary folder")
}

/// Each report in each language: a well-formed Word file with the Markdown's tables (each
/// header row repeating), headings in Word's heading styles and a picture for each chart,
/// the title, organisation and language in its properties, and the header block.
#[test]
fn every_report_is_a_word_document_shaped_like_its_markdown() {
    let dir = temp_dir();
    let mut charts_seen = 0;
    for source in [Source::Swedish, Source::english()] {
        let lang = source.lang();
        for report in REPORTS {
            let name = format!("{report:?} ({lang})");
            let markdown = source.report(report, &[]);
            let out = dir.path().join(format!("{}-{lang}.docx", report.join("-")));
            let docx = docx(&source, report, &out, &[]);
            docx.assert_well_formed(&name);
            let expected = shape(&markdown);
            assert!(
                expected.tables > 0 && expected.headings > 0,
                "{name}: {expected:?}"
            );
            assert_eq!(docx_shape(&docx), expected, "{name}");
            charts_seen += expected.charts;
            assert_eq!(
                docx.count("word/document.xml", "w:tblHeader"),
                expected.tables,
                "{name}: every table's header row repeats"
            );
            assert_eq!(docx.media() > 0, expected.charts > 0, "{name}");
            // Properties in the schema's order (Word, unlike LibreOffice, insists): a
            // paragraph's style comes first.
            let first = docx.first_children("word/document.xml", "w:pPr");
            assert_eq!(
                first.iter().filter(|n| *n == "w:pStyle").count(),
                docx.count("word/document.xml", "w:pStyle"),
                "{name}: a paragraph style that is not its properties' first"
            );
            let title = isms::report::board::title_of(&markdown);
            assert_eq!(
                docx.texts("docProps/core.xml", "dc:title"),
                std::slice::from_ref(&title)
            );
            assert_eq!(
                docx.texts("docProps/core.xml", "dc:creator"),
                ["Sjöbacka kommun"]
            );
            let tag = if lang == "sv" { "sv-SE" } else { "en-GB" };
            assert_eq!(docx.texts("docProps/core.xml", "dc:language"), [tag]);
            assert_eq!(
                docx.texts("docProps/core.xml", "dcterms:created"),
                ["2026-11-28T00:00:00Z"]
            );
            let text = docx.text();
            let (as_of, date) = if lang == "sv" {
                ("Underlag per", "28 november 2026")
            } else {
                ("Figures as of", "28 November 2026")
            };
            assert!(
                text.starts_with("OrganisationSjöbacka kommun"),
                "{name}: {}",
                &text[..80.min(text.len())]
            );
            assert!(text.contains(&format!("{as_of}{date}")), "{name}");
            assert!(text.contains(&title), "{name}");
            // The plan's drafts are prose and tables for the council, the charts pictures.
            assert!(!text.contains("```"), "{name}: a fence reached the paper");
        }
    }
    assert!(charts_seen > 0, "some report draws a chart");
}

/// `--charts none` leaves the pictures out; `--decision-ref` reaches the header block.
#[test]
fn charts_can_be_left_out_and_the_reference_shown() {
    let dir = temp_dir();
    let out = dir.path().join("ledning.docx");
    let with = docx(
        &Source::Swedish,
        &["management"],
        &out,
        &["--decision-ref", "KS 2026/123"],
    );
    assert!(docx_shape(&with).charts > 0);
    assert!(with.text().contains("DiarienummerKS 2026/123"));
    let alt: Vec<String> = with
        .elements("word/document.xml")
        .into_iter()
        .filter(|(n, _)| n == "wp:docPr")
        .map(|(_, a)| a.get("descr").cloned().unwrap_or_default())
        .collect();
    assert!(
        alt.contains(&"Handlingsplanens aktiviteter 2026".to_owned()),
        "each picture is described by its chart's title: {alt:?}"
    );
    let without = docx(
        &Source::Swedish,
        &["management"],
        &out,
        &["--charts", "none"],
    );
    assert_eq!(docx_shape(&without).charts, 0);
    assert_eq!(without.media(), 0);
    assert!(
        !without.text().contains("Diarienummer"),
        "no reference given"
    );
    let run = Source::Swedish.run(
        &["management"],
        &[
            "--format",
            "docx",
            "--charts",
            "mermaid",
            "-o",
            out.to_str().expect("UTF-8"),
        ],
    );
    run.assert_refused("Word shows charts as pictures");
}

/// The same report gives the same bytes, run after run.
#[test]
fn the_same_report_is_the_same_bytes() {
    let dir = temp_dir();
    let first = docx(
        &Source::Swedish,
        &["management"],
        &dir.path().join("a.docx"),
        &[],
    );
    let second = docx(
        &Source::Swedish,
        &["management"],
        &dir.path().join("b.docx"),
        &[],
    );
    assert!(first.bytes == second.bytes, "two renders differ");
}

/// A paper with a table, lists, a code block and two charts, in memory.
fn paper() -> (isms::report::board::Rendered, isms::report::board::Meta) {
    use isms::config::Language;
    use isms::report::charts;
    let pie =
        charts::pie("Typ", &[("IT".into(), 2), ("Personuppgifter".into(), 1)]).expect("a pie");
    let bars = charts::bars(
        "Per månad",
        "Antal",
        &[("jan".into(), 1), ("feb".into(), 3)],
        3,
    )
    .expect("bars");
    let markdown = format!(
        "# Rapport\n\n## Sammanfattning\n\nText.\n\n| A | B |\n|---|---:|\n| x | 1 |\n\n\
         - ett\n- två\n\n1. första\n2. andra\n\n```mermaid\n{}\n```\n\n## Resultat\n\n\
         ```mermaid\n{}\n```\n\n```\nkod\n```\n",
        pie.mermaid(),
        bars.mermaid()
    );
    let rendered = isms::report::board::Rendered {
        lang: Language::Sv,
        markdown,
        charts: vec![pie, bars],
    };
    let meta = isms::report::board::Meta {
        lang: Language::Sv,
        report: "management",
        title: "Rapport".into(),
        organisation: "Provkommun".into(),
        as_of: AS_OF.into(),
        date: AS_OF.into(),
        decision_ref: None,
    };
    (rendered, meta)
}

/// Documents made at once on two threads, after other documents, are the same bytes as one
/// made alone: no id comes from a counter the process shares.
#[test]
fn documents_made_at_once_are_the_same_bytes() {
    use isms::report::board::ChartMode;
    let (rendered, meta) = paper();
    let make = || {
        isms::report::docx::document(&rendered, &meta, ChartMode::Svg, None).expect("a document")
    };
    let alone = make();
    let docx = Docx::read(&alone);
    assert_eq!(docx_shape(&docx).charts, 2);
    assert_eq!(
        docx.count("word/document.xml", "w:pageBreakBefore"),
        1,
        "the page breaks after the summary"
    );
    let several = || {
        let mut last = Vec::new();
        for _ in 0..3 {
            last = make();
        }
        last
    };
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(several);
        let b = s.spawn(several);
        (a.join().expect("thread a"), b.join().expect("thread b"))
    });
    assert!(a == alone && b == alone, "documents made at once differ");
}

/// A record's title that looks like WordprocessingML, and an organisation's name that looks
/// like a property, stay text where they appear.
#[test]
fn record_text_stays_text() {
    let hostile = "</w:t></w:r><w:r><w:t>x & <dc:title>";
    let repo = TempRepo::example();
    repo.replace(
        "incidents/2026/INC-2026-002.yaml",
        "title: Journalsystemet otillgängligt efter ransomwareangrepp hos leverantören",
        &format!("title: \"{hostile}\""),
    );
    repo.replace(
        "organisation.yaml",
        "name: Sjöbacka kommun",
        &format!("name: \"Sjöbacka {hostile}\""),
    );
    let dir = temp_dir();
    let out = dir.path().join("ledning.docx");
    let run = repo.isms(&[
        "report",
        "management",
        "--as-of",
        AS_OF,
        "--format",
        "docx",
        "-o",
        out.to_str().expect("UTF-8"),
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let docx = Docx::read(&std::fs::read(&out).expect("the Word file"));
    docx.assert_well_formed("hostile");
    let text = docx.text();
    assert!(text.contains(&format!("INC-2026-002 {hostile}")), "{text}");
    assert!(text.contains(&format!("OrganisationSjöbacka {hostile}")));
    assert_eq!(
        docx.texts("docProps/core.xml", "dc:creator"),
        [format!("Sjöbacka {hostile}")]
    );
    assert_eq!(docx.count("docProps/core.xml", "dc:title"), 1);
}

/// A reference document with `styles` as its `word/styles.xml`.
fn reference_doc(path: &Path, styles: &str) {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("[Content_Types].xml", options)
        .expect("entry");
    zip.write_all(b"<Types/>").expect("write");
    zip.start_file("word/styles.xml", options).expect("entry");
    zip.write_all(styles.as_bytes()).expect("write");
    std::fs::write(path, zip.finish().expect("zip").into_inner()).expect("write");
}

/// `--reference-doc` takes a template's styles, its own ids (a Swedish Word's "Rubrik1" for
/// "heading 1") included, and refuses a file that is not a Word document.
#[test]
fn a_reference_document_brings_its_styles() {
    let dir = temp_dir();
    let template = dir.path().join("mall.docx");
    reference_doc(
        &template,
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Kommunens Antikva" w:hAnsi="Kommunens Antikva"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Rubrik1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:rPr><w:rFonts w:ascii="Kommunens Grotesk"/></w:rPr></w:style></w:styles>"#,
    );
    let out = dir.path().join("ledning.docx");
    let template_arg = template.to_str().expect("UTF-8");
    let docx = docx(
        &Source::Swedish,
        &["management"],
        &out,
        &["--reference-doc", template_arg],
    );
    docx.assert_well_formed("with a reference");
    let styles = docx.part("word/styles.xml");
    assert!(styles.contains("Kommunens Antikva") && styles.contains("Kommunens Grotesk"));
    assert!(
        !styles.contains("w:styleId=\"Heading1\""),
        "the template's heading 1 is used"
    );
    assert!(
        styles.contains("w:styleId=\"Heading2\""),
        "missing styles are ours"
    );
    let used: Vec<String> = docx
        .elements("word/document.xml")
        .into_iter()
        .filter(|(n, _)| n == "w:pStyle")
        .filter_map(|(_, a)| a.get("w:val").cloned())
        .collect();
    assert!(used.contains(&"Rubrik1".to_owned()));
    assert!(!used.contains(&"Heading1".to_owned()));

    let not_docx = dir.path().join("mall.pdf");
    std::fs::write(&not_docx, b"%PDF-1.7\n").expect("write");
    let run = Source::Swedish.run(
        &["management"],
        &[
            "--format",
            "docx",
            "--reference-doc",
            not_docx.to_str().expect("UTF-8"),
            "-o",
            out.to_str().expect("UTF-8"),
        ],
    );
    run.assert_refused("--reference-doc is not a Word document (.docx)");
}

/// LibreOffice, pdftotext and pdfinfo, or `None` when the check does not run (see
/// [`board_tools`]).
fn office_tools() -> Option<OfficeTools> {
    let (soffice, [pdftotext, pdfinfo]) = board_tools(
        "LibreOffice check",
        &["soffice", "libreoffice"],
        ["pdftotext", "pdfinfo"],
    )?;
    Some(OfficeTools {
        soffice,
        pdftotext,
        pdfinfo,
    })
}

struct OfficeTools {
    soffice: PathBuf,
    pdftotext: PathBuf,
    pdfinfo: PathBuf,
}

fn output(command: &mut Command) -> String {
    let out = command.output().expect("the program runs");
    assert!(
        out.status.success(),
        "{command:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Words with single spaces: PDF text breaks lines where the page does.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Each report in both languages, printed by LibreOffice: the PDF holds the title and the
/// organisation's name with their Swedish letters, on as many pages as it says.
#[test]
fn libreoffice_prints_every_paper() {
    let Some(tools) = office_tools() else {
        return;
    };
    let dir = temp_dir();
    let mut papers = Vec::new();
    for source in [Source::Swedish, Source::english()] {
        let lang = source.lang();
        for report in REPORTS {
            let stem = format!("{}-{lang}", report.join("-"));
            let file = dir.path().join(format!("{stem}.docx"));
            docx(&source, report, &file, &[]);
            let title = isms::report::board::title_of(&source.report(report, &[]));
            papers.push((stem, file, title));
        }
    }
    // One LibreOffice for all the papers: it starts slowly. Its profile is a fresh folder, so
    // that no user's settings and no running instance are involved.
    let profile = dir.path().join("profile");
    let mut convert = Command::new(&tools.soffice);
    convert
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .args(papers.iter().map(|(_, file, _)| file));
    output(&mut convert);
    for (stem, _, title) in &papers {
        let pdf = dir.path().join(format!("{stem}.pdf"));
        assert!(pdf.is_file(), "LibreOffice made no {stem}.pdf");
        let info = output(Command::new(&tools.pdfinfo).arg(&pdf));
        let pages = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .map(str::trim)
            .unwrap_or("?")
            .to_owned();
        let page_texts = output(Command::new(&tools.pdftotext).arg(&pdf).arg("-"));
        if stem.starts_with("management-") {
            let main = crate::board_html::main_part_pages(&page_texts);
            assert!(
                (1..=crate::board_html::MAIN_PART_PAGES).contains(&main),
                "{stem}: the main part before the first appendix is {main} pages of {pages}"
            );
        }
        let text = words(&page_texts);
        assert!(
            text.contains(&words(title)) && text.contains("Sjöbacka kommun"),
            "{stem} ({pages} pages) lacks its title `{title}` or the organisation: {}",
            &text[..text.len().min(400)]
        );
        assert!(
            pages.parse::<u32>().is_ok_and(|n| n >= 1),
            "{stem}: pdfinfo gives {pages} pages"
        );
    }
}
