//! Board papers as HTML (`isms report --format html`): every report in Swedish and English
//! is one self-contained, deterministic document with its header block and charts, record
//! text stays text, and, printed by headless Chromium, the pages keep the title's Swedish
//! letters and nothing runs past the right margin.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use crate::support::{Run, TempRepo, board_tools, example_root, isms_in};

pub const AS_OF: &str = "2026-11-28";

/// Every report, as the arguments of `isms report`.
pub const REPORTS: [&[&str]; 6] = [
    &["management"],
    &["audit"],
    &["unit", "socialnamnden"],
    &["plan"],
    &["soa"],
    &["nis2"],
];

/// Where a language's papers are rendered from: the example, or an English copy of it.
pub enum Source {
    Swedish,
    English(TempRepo),
}

impl Source {
    pub fn english() -> Source {
        let repo = TempRepo::example();
        repo.replace("isms.toml", "language = \"sv\"", "language = \"en\"");
        Source::English(repo)
    }

    pub fn lang(&self) -> &'static str {
        match self {
            Source::Swedish => "sv",
            Source::English(_) => "en",
        }
    }

    /// `isms report REPORT --as-of … EXTRA`.
    pub fn run(&self, report: &[&str], extra: &[&str]) -> Run {
        let root = example_root();
        let mut args: Vec<&str> = vec!["report"];
        args.extend_from_slice(report);
        args.extend_from_slice(&["--as-of", AS_OF]);
        args.extend_from_slice(extra);
        match self {
            Source::Swedish => {
                args.extend_from_slice(&["--repo", root.to_str().expect("a UTF-8 path")]);
                isms_in(&root, &args)
            }
            Source::English(repo) => repo.isms(&args),
        }
    }

    /// `isms report REPORT --as-of … EXTRA`, which must succeed: its output.
    pub fn report(&self, report: &[&str], extra: &[&str]) -> String {
        let run = self.run(report, extra);
        assert_eq!(run.code, Some(0), "{report:?} {extra:?}: {}", run.stderr);
        run.stdout
    }
}

/// The report's title as its Markdown gives it (the first heading, unescaped).
fn title_of(markdown: &str) -> String {
    isms::report::board::title_of(markdown)
}

/// Text escaped as the paper escapes it.
fn escaped(text: &str) -> String {
    isms::report::html::escape(text)
}

/// HTML without the paper's typographic markup (break opportunities, soft hyphens, spans
/// that keep dates and ids on one line), for finding a text in it.
fn plain(html: &str) -> String {
    html.replace("<wbr>", "")
        .replace("&shy;", "")
        .replace("<span class=\"nowrap\">", "")
        .replace("<span>", "")
        .replace("</span>", "")
}

/// The problems of an HTML document whose tags do not nest: every element opened is closed
/// in order, except the void ones and self-closed SVG elements.
fn nesting_problems(html: &str) -> Vec<String> {
    const VOID: [&str; 7] = ["meta", "br", "hr", "wbr", "img", "link", "input"];
    let mut open: Vec<String> = Vec::new();
    let mut problems = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        let Some(end) = rest.find('>') else {
            problems.push("a tag that never ends".to_owned());
            break;
        };
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.starts_with('!') || tag.starts_with('?') {
            continue;
        }
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<String>()
            .to_ascii_lowercase();
        if tag.starts_with('/') {
            match open.pop() {
                Some(o) if o == name => {}
                other => problems.push(format!("</{name}> closes {other:?}")),
            }
        } else if !tag.ends_with('/') && !VOID.contains(&name.as_str()) {
            open.push(name);
        }
    }
    if !open.is_empty() {
        problems.push(format!("never closed: {open:?}"));
    }
    problems
}

#[test]
fn the_nesting_check_can_fail() {
    assert_eq!(
        nesting_problems("<p>a<br><wbr><svg><rect/></svg></p>"),
        Vec::<String>::new()
    );
    assert_eq!(nesting_problems("<p><em></p>").len(), 2);
    assert_eq!(nesting_problems("<table><tr>").len(), 1);
}

/// Each report in each language: one document in the language, with the header block and
/// the title, tags that nest, the same bytes twice, an `<svg>` for each of the Markdown's
/// charts (none with `--charts none`), and no script.
#[test]
fn every_report_renders_to_one_deterministic_document() {
    for source in [Source::Swedish, Source::english()] {
        let lang = source.lang();
        for report in REPORTS {
            let name = format!("{report:?} ({lang})");
            let markdown = source.report(report, &[]);
            let html = source.report(report, &["--format", "html"]);
            assert_eq!(
                html,
                source.report(report, &["--format", "html"]),
                "{name}: not deterministic"
            );
            assert!(
                html.starts_with(&format!("<!DOCTYPE html>\n<html lang=\"{lang}\">\n")),
                "{name}"
            );
            for once in [
                "<html",
                "<head>",
                "<body>",
                "<header class=\"paper\">",
                "<main>",
            ] {
                assert_eq!(html.matches(once).count(), 1, "{name}: {once}");
            }
            assert_eq!(nesting_problems(&html), Vec::<String>::new(), "{name}");
            let title = title_of(&markdown);
            assert!(!title.is_empty(), "{name}: no title in the Markdown");
            assert!(
                html.contains(&format!(
                    "<title>{} – Sjöbacka kommun</title>",
                    escaped(&title)
                )),
                "{name}"
            );
            assert!(
                plain(&html).contains(&format!("<h1>{}</h1>", escaped(&title))),
                "{name}: the title as the first heading"
            );
            let (as_of, date) = match lang {
                "sv" => (
                    "<dt>Underlag per</dt><dd>28 november 2026</dd>",
                    "<dt>Datum</dt>",
                ),
                _ => (
                    "<dt>Figures as of</dt><dd>28 November 2026</dd>",
                    "<dt>Date</dt>",
                ),
            };
            assert!(
                html.contains(as_of) && html.contains(date),
                "{name}: header block"
            );
            assert!(!html.contains("<script"), "{name}");
            assert!(
                html.contains("<meta name=\"generator\" content=\"isms\">"),
                "{name}"
            );
            let charts = markdown.matches("```mermaid\n").count();
            assert_eq!(
                html.matches("<figure class=\"chart\">\n<svg").count()
                    + html
                        .matches("<figure class=\"chart timeline\">\n<svg")
                        .count(),
                charts,
                "{name}: a drawing for each chart"
            );
            let none = source.report(report, &["--format", "html", "--charts", "none"]);
            assert!(
                !none.contains("<svg") && !none.contains("<figure"),
                "{name}"
            );
            if charts > 0 {
                assert_ne!(none, html, "{name}");
            }
        }
    }
}

/// The management review and the plan have charts, so the check above checks something.
#[test]
fn the_management_review_has_charts() {
    let html = Source::Swedish.report(&["management"], &["--format", "html"]);
    assert!(html.matches("<svg").count() >= 3, "{html}");
}

/// A record title that is markup (a script, the end of a drawing, a link to a script)
/// reaches the paper as text, in tables, prose and the plan's chart alike.
#[test]
fn a_hostile_title_stays_text() {
    let hostile = "<script>alert(1)</script> </svg> <b>fet</b> [x](javascript:alert(1)) & co";
    let repo = TempRepo::example();
    repo.replace(
        "activities/2026/act-2026-01.yaml",
        "title: Revidera informationssäkerhetspolicyn och lämna förslag till kommunfullmäktige",
        &format!("title: \"{hostile}\""),
    );
    let run = repo.isms(&["report", "management", "--as-of", AS_OF, "--format", "html"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let html = run.stdout;
    assert!(
        !html.contains("<script") && !html.contains("<b>fet"),
        "{html}"
    );
    assert!(!html.contains("href=\"javascript"), "{html}");
    let text = plain(&html);
    assert!(
        text.contains("&lt;script&gt;alert(1)&lt;/script&gt; &lt;/svg&gt; &lt;b&gt;fet&lt;/b&gt;"),
        "the title is shown, escaped"
    );
    assert_eq!(html.matches("</svg>").count(), html.matches("<svg").count());
    assert_eq!(nesting_problems(&html), Vec::<String>::new());
}

/// A user's template may hold HTML: it is shown as text, pictures are not fetched and a
/// link keeps a web target only. The header block takes `--date` and `--decision-ref`.
#[test]
fn a_template_s_markup_stays_text() {
    let repo = TempRepo::example();
    repo.write(
        "mall.md.tera",
        "# Egen rapport\n\n<div onclick=\"x\">rå</div>\n\n<img src=\"https://evil.example/x.png\">\n\n\
         [länk](javascript:alert(1)) och [webb](https://example.se) ![bild](https://evil.example/y.png)\n",
    );
    let template = repo.path().join("mall.md.tera");
    let run = repo.isms(&[
        "report",
        "management",
        "--as-of",
        AS_OF,
        "--format",
        "html",
        "--template",
        template.to_str().expect("a UTF-8 path"),
        "--date",
        "2026-12-01",
        "--decision-ref",
        "KS 2026/123 <x>",
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let html = run.stdout;
    assert!(
        html.contains("&lt;div onclick=&quot;x&quot;&gt;rå&lt;/div&gt;"),
        "{html}"
    );
    assert!(
        !html.contains("<div onclick") && !html.contains("<img"),
        "{html}"
    );
    assert!(
        !html.contains("evil.example/y.png") && !html.contains("javascript"),
        "{html}"
    );
    assert!(
        html.contains("<a href=\"https://example.se\">webb</a>"),
        "{html}"
    );
    assert!(
        html.contains("<dt>Datum</dt><dd>1 december 2026</dd>"),
        "{html}"
    );
    assert!(html.contains("<dt>Underlag per</dt><dd>28 november 2026</dd>"));
    assert!(html.contains("<dt>Diarienummer</dt><dd>KS 2026/123 &lt;x&gt;</dd>"));
    assert!(html.contains("<title>Egen rapport – Sjöbacka kommun</title>"));
    assert_eq!(nesting_problems(&html), Vec::<String>::new());
}

/// The programs of the print check, or `None` when it does not run (see
/// [`board_tools`]).
fn print_tools() -> Option<PrintTools> {
    let (chromium, [pdftotext, pdftoppm]) = board_tools(
        "print check",
        &["chromium", "chromium-browser", "google-chrome"],
        ["pdftotext", "pdftoppm"],
    )?;
    Some(PrintTools {
        chromium,
        pdftotext,
        pdftoppm,
    })
}

struct PrintTools {
    chromium: PathBuf,
    pdftotext: PathBuf,
    pdftoppm: PathBuf,
}

impl PrintTools {
    /// Headless Chromium printing `html` to `pdf`, started.
    fn print(&self, html: &Path, pdf: &Path, profile: &Path) -> Child {
        Command::new(&self.chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-pdf-header-footer",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("file://{}", html.display()))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromium")
    }

    /// The PDF's text, its runs of whitespace made single spaces.
    fn text(&self, pdf: &Path) -> String {
        self.page_texts(pdf)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The PDF's text as pdftotext gives it: each page ended by a form feed.
    fn page_texts(&self, pdf: &Path) -> String {
        let out = Command::new(&self.pdftotext)
            .arg(pdf)
            .arg("-")
            .output()
            .expect("run pdftotext");
        assert!(out.status.success(), "pdftotext {}", pdf.display());
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// How much Chromium shrank the first page: the height of the title's first word in
    /// the header block (9.5 pt) over its height in the page footer (8 pt), which is drawn
    /// in the page margin and never shrunk, over 9.5 / 8.
    fn scale(&self, pdf: &Path, title: &str) -> Option<f64> {
        let out = Command::new(&self.pdftotext)
            .args(["-bbox", "-f", "1", "-l", "1"])
            .arg(pdf)
            .arg("-")
            .output()
            .expect("run pdftotext -bbox");
        let boxes = String::from_utf8_lossy(&out.stdout);
        let word = escaped(title.split_whitespace().next()?);
        // <word xMin="62.2" yMin="61.3" xMax="106.7" yMax="69.3">Ledningens</word>
        let heights: Vec<(f64, f64)> = boxes
            .lines()
            .filter(|l| l.trim_end().ends_with(&format!(">{word}</word>")))
            .filter_map(|l| {
                let attribute = |name: &str| -> Option<f64> {
                    let start = l.find(&format!("{name}=\""))? + name.len() + 2;
                    l[start..].split('"').next()?.parse().ok()
                };
                Some((attribute("yMin")?, attribute("yMax")? - attribute("yMin")?))
            })
            .collect();
        let header = heights.iter().min_by(|a, b| a.0.total_cmp(&b.0))?;
        let footer = heights.iter().max_by(|a, b| a.0.total_cmp(&b.0))?;
        Some(header.1 / footer.1 / (9.5 / 8.0))
    }

    /// The PDF's pages as grey images at 40 dpi.
    fn pages(&self, pdf: &Path, folder: &Path) -> Vec<Grey> {
        let prefix = folder.join("page");
        let status = Command::new(&self.pdftoppm)
            .args(["-r", &DPI.to_string(), "-gray"])
            .arg(pdf)
            .arg(&prefix)
            .status()
            .expect("run pdftoppm");
        assert!(status.success(), "pdftoppm {}", pdf.display());
        let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
            .expect("read the pages")
            .map(|e| e.expect("an entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "pgm"))
            .collect();
        files.sort();
        files
            .iter()
            .map(|f| Grey::read(&std::fs::read(f).expect("read a page")))
            .collect()
    }
}

/// The resolution of the page images.
const DPI: usize = 40;

/// Millimetres as pixels of the page images.
fn px(mm: f64) -> usize {
    (mm / 25.4 * DPI as f64) as usize
}

/// A grey page image (pdftoppm's binary PGM).
struct Grey {
    width: usize,
    height: usize,
    pixels: Vec<u8>,
}

impl Grey {
    fn read(bytes: &[u8]) -> Grey {
        // "P5\n<width> <height>\n255\n" then a byte per pixel.
        let mut fields = Vec::new();
        let mut at = 0;
        while fields.len() < 4 {
            while bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            let start = at;
            while !bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            fields.push(String::from_utf8_lossy(&bytes[start..at]).into_owned());
        }
        assert_eq!(fields[0], "P5", "a binary grey image");
        let width: usize = fields[1].parse().expect("width");
        let height: usize = fields[2].parse().expect("height");
        let pixels = bytes[at + 1..].to_vec();
        assert_eq!(pixels.len(), width * height, "the image's size");
        Grey {
            width,
            height,
            pixels,
        }
    }

    fn at(&self, x: usize, y: usize) -> u8 {
        self.pixels[y * self.width + x]
    }

    /// Pixels that are not white in the outer `mm` millimetres on the right.
    fn marked_right_of(&self, mm: f64) -> usize {
        let from = self.width - px(mm);
        (0..self.height)
            .flat_map(|y| (from..self.width).map(move |x| (x, y)))
            .filter(|&(x, y)| self.at(x, y) < 250)
            .count()
    }
}

/// What is wrong with a printed paper: its page count and the problems found. The text
/// must hold `title` and the page numbers (`page` 1 `of` N); the outer 10 mm on the right
/// of each page must be white; and the first page must not be shrunk (Chromium shrinks a
/// page whose content is too wide, which leaves the margin white).
fn print_problems(
    tools: &PrintTools,
    pdf: &Path,
    title: &str,
    (page, of): (&str, &str),
) -> (usize, Vec<String>) {
    let mut problems = Vec::new();
    let folder = pdf.with_extension("pages");
    std::fs::create_dir_all(&folder).expect("a folder for the pages");
    let pages = tools.pages(pdf, &folder);
    let text = tools.text(pdf);
    if !text.contains(title) {
        problems.push(format!("the text lacks the title {title:?}"));
    }
    let numbers = format!("{page} 1 {of} {}", pages.len());
    if !text.contains(&numbers) {
        problems.push(format!("no page number {numbers:?}"));
    }
    for (n, image) in pages.iter().enumerate() {
        let marked = image.marked_right_of(10.0);
        if marked > 0 {
            problems.push(format!(
                "page {}: {marked} marked pixels in the right margin",
                n + 1
            ));
        }
    }
    match tools.scale(pdf, title) {
        Some(scale) if scale > 0.98 => {}
        scale => problems.push(format!("page 1 is shrunk to {scale:?}")),
    }
    (pages.len(), problems)
}

/// The management review's main part (summary included) is at most this many A4 pages.
pub const MAIN_PART_PAGES: usize = 6;

/// The pages before the one where the first appendix starts (pdftotext ends each page with
/// a form feed); 0 when no appendix is found.
pub fn main_part_pages(text: &str) -> usize {
    text.split('\u{c}')
        .position(|page| {
            page.lines()
                .map(str::trim)
                .any(|l| l.starts_with("Bilaga 1 –") || l.starts_with("Appendix 1 –"))
        })
        .unwrap_or(0)
}

/// Printed to PDF by headless Chromium, every paper holds its title with its Swedish
/// letters and stays inside the right margin on every page; a deliberately too wide table
/// shows that the check can fail.
#[test]
fn printed_papers_keep_their_title_and_their_margins() {
    let Some(tools) = print_tools() else {
        return;
    };
    // Below the target folder rather than /tmp: a confined (snap) Chromium may not see
    // the system's temporary folder.
    let dir = tempfile::Builder::new()
        .prefix("board-html-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("a temporary folder");
    let mut papers: Vec<(String, PathBuf, String)> = Vec::new();
    for source in [Source::Swedish, Source::english()] {
        for report in REPORTS {
            let name = format!("{}-{}", report.join("-"), source.lang());
            let html = dir.path().join(format!("{name}.html"));
            let paper = source.report(report, &["--format", "html"]);
            std::fs::write(&html, &paper).expect("write the paper");
            papers.push((name, html, title_of(&source.report(report, &[]))));
        }
    }
    // The Swedish management review with a table three thousand pixels wide.
    let (_, good, good_title) = &papers[0];
    let wide_row: String = (0..40).map(|i| format!("<td>Kolumn{i}</td>")).collect();
    let bad = std::fs::read_to_string(good)
        .expect("read the paper")
        .replace(
            "</main>",
            &format!("<table style=\"width:3000px\"><tr>{wide_row}</tr></table>\n</main>"),
        );
    let bad_html = dir.path().join("too-wide.html");
    std::fs::write(&bad_html, bad).expect("write the bad paper");
    papers.push(("too-wide".into(), bad_html, good_title.clone()));

    // Two at a time: Chromium takes a second or two to start.
    let mut results = Vec::new();
    for pair in papers.chunks(2) {
        let children: Vec<(&(String, PathBuf, String), PathBuf, Child)> = pair
            .iter()
            .map(|paper| {
                let pdf = paper.1.with_extension("pdf");
                let profile = dir.path().join(format!("profile-{}", paper.0));
                let child = tools.print(&paper.1, &pdf, &profile);
                (paper, pdf, child)
            })
            .collect();
        for (paper, pdf, mut child) in children {
            let status = child.wait().expect("wait for chromium");
            assert!(
                status.success() && pdf.is_file(),
                "{}: chromium printed nothing",
                paper.0
            );
            let words = if paper.0.ends_with("-en") {
                ("Page", "of")
            } else {
                ("Sida", "av")
            };
            let mut found = print_problems(&tools, &pdf, &paper.2, words);
            if paper.0.starts_with("management-") {
                let main = main_part_pages(&tools.page_texts(&pdf));
                if !(1..=MAIN_PART_PAGES).contains(&main) {
                    found.1.push(format!(
                        "the main part before the first appendix is {main} pages"
                    ));
                }
            }
            results.push((paper.0.clone(), found));
        }
    }
    for (name, (pages, problems)) in &results {
        eprintln!("{name}: {pages} pages {problems:?}");
        if name == "too-wide" {
            assert!(
                !problems.is_empty(),
                "a table 3000 px wide passes the margin check ({pages} pages)"
            );
        } else {
            assert!(pages > &0, "{name}: no pages");
            assert_eq!(problems, &Vec::<String>::new(), "{name}, {pages} pages");
        }
    }
}
