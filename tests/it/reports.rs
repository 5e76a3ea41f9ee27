//! `isms report`: snapshots of every report in both languages on the Sjöbacka example,
//! determinism, the audit verdicts on small hand-made repositories, escaping of hostile
//! record text, user templates, and the shape of the Markdown (tables, Mermaid blocks).

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use isms::config::Language;
use isms::diagnostic::{Diagnostic, Severity};
use isms::model::Date;
use isms::repo::session::Session;
use isms::report::{self, Format, Input, UserTemplate, Which};
use proptest::prelude::*;
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use crate::support::{PROVKOMMUN, TempRepo, overlay};

const AS_OF: &str = "2026-11-28";

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sjobacka")
}

fn date(s: &str) -> Date {
    Date::parse(s).expect("date")
}

fn render_example(which: &Which, lang: Language, format: Format) -> String {
    let session = Session::open(&example()).expect("open example");
    let input = Input::new(&session, date(AS_OF), lang);
    report::render(&input, which, format, None).expect("render")
}

/// Every report the snapshots cover: (snapshot name, report).
fn all_reports() -> Vec<(&'static str, Which)> {
    vec![
        ("management", Which::Management),
        ("audit", Which::Audit),
        ("unit_socialnamnden", Which::Unit("socialnamnden".into())),
        (
            "unit_kommunstyrelsen",
            Which::Unit("kommunstyrelsen".into()),
        ),
        ("plan", Which::Plan),
        ("soa", Which::Soa(None)),
        ("nis2", Which::Nis2),
    ]
}

const LANGS: [(Language, &str); 2] = [(Language::Sv, "sv"), (Language::En, "en")];

#[test]
fn every_report_in_both_languages() {
    for (name, which) in all_reports() {
        for (lang, code) in LANGS {
            let text = render_example(&which, lang, Format::Markdown);
            check_markdown(&text, &format!("{name}.{code}"));
            insta::assert_snapshot!(format!("{name}.{code}"), text);
        }
    }
}

#[test]
fn audit_json_has_the_fixed_shape() {
    let text = render_example(&Which::Audit, Language::En, Format::Json);
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(v["as_of"], AS_OF);
    let questions = v["questions"].as_array().expect("questions");
    assert_eq!(questions.len(), 12);
    for q in questions {
        assert!(q["number"].is_u64());
        assert!(
            matches!(q["verdict"].as_str(), Some("yes" | "partly" | "no")),
            "{q}"
        );
        assert!(q["key_figure"]["target"].is_f64());
        assert!(q["key_figure"].get("value").is_some());
        assert!(q["codes"].is_array());
        for f in q["findings"].as_array().expect("findings") {
            for key in [
                "code", "severity", "kind", "id", "path", "line", "column", "message", "help",
            ] {
                assert!(f.get(key).is_some(), "finding lacks `{key}`: {f}");
            }
        }
    }
    insta::assert_snapshot!("audit.en.json", text);
}

#[test]
fn reports_are_byte_identical_when_rendered_twice() {
    for (_, which) in all_reports() {
        for (lang, _) in LANGS {
            for format in [Format::Markdown, Format::Json] {
                let a = render_example(&which, lang, format);
                let b = render_example(&which, lang, format);
                assert!(a == b, "{} differs between two runs", which.name());
            }
        }
    }
}

/// Tables keep their column count and Mermaid blocks start with a diagram type; record
/// text never turns into HTML.
fn check_markdown(text: &str, name: &str) {
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_MATH
        | Options::ENABLE_GFM
        | Options::ENABLE_SUPERSCRIPT
        | Options::ENABLE_SUBSCRIPT
        | Options::ENABLE_WIKILINKS;
    let mut in_mermaid = false;
    let mut mermaid_seen = 0;
    let mut tables = 0;
    let mut header_cells = 0usize;
    let mut row_cells = 0usize;
    let mut in_head = false;
    for event in Parser::new_ext(text, opts) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => panic!("{name}: HTML in the output: {h}"),
            Event::Start(Tag::Table(_)) => {
                tables += 1;
                header_cells = 0;
            }
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => row_cells = 0,
            Event::Start(Tag::TableCell) => {
                if in_head {
                    header_cells += 1;
                } else {
                    row_cells += 1;
                }
            }
            Event::End(TagEnd::TableRow) => {
                assert_eq!(
                    row_cells, header_cells,
                    "{name}: a row with another column count"
                );
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                in_mermaid = &*info == "mermaid";
            }
            Event::Text(t) if in_mermaid => {
                let first = t.split_whitespace().next().unwrap_or_default();
                assert!(
                    ["pie", "xychart-beta", "gantt", "flowchart", "bar"].contains(&first),
                    "{name}: mermaid block starts with `{first}`"
                );
                mermaid_seen += 1;
                in_mermaid = false;
            }
            Event::End(TagEnd::CodeBlock) => in_mermaid = false,
            _ => {}
        }
    }
    assert!(tables > 0, "{name}: no table");
    // Row cell counts as the source writes them: GFM would silently pad or cut a row.
    let mut expected: Option<usize> = None;
    let mut in_code = false;
    for line in text.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code || !line.starts_with('|') {
            expected = None;
            continue;
        }
        let cells = unescaped_pipes(line) - 1;
        match expected {
            None => expected = Some(cells),
            Some(n) => assert_eq!(cells, n, "{name}: row has {cells} cells, not {n}: {line}"),
        }
    }
    let _ = mermaid_seen;
}

fn unescaped_pipes(line: &str) -> usize {
    let mut n = 0;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => n += 1,
            _ => escaped = false,
        }
    }
    n
}

#[test]
fn management_review_has_its_charts() {
    let text = render_example(&Which::Management, Language::Sv, Format::Markdown);
    for kind in ["xychart-beta", "pie showData", "gantt"] {
        assert!(
            text.contains(&format!("```mermaid\n{kind}")),
            "no {kind} chart"
        );
    }
    assert!(text.contains("48 %"), "Swedish percent with a space");
    let en = render_example(&Which::Management, Language::En, Format::Markdown);
    assert!(en.contains("48%"), "English percent without a space");
}

// ---------------------------------------------------------------------------------------
// Small hand-made repositories

struct Repo {
    dir: TempRepo,
}

impl Repo {
    /// [`PROVKOMMUN`] with `files` written over it.
    fn new(files: &[(&str, &str)]) -> Repo {
        Repo {
            dir: overlay(&PROVKOMMUN, files),
        }
    }

    fn session(&self) -> Session {
        let s = Session::open(self.dir.path()).expect("open");
        assert!(s.repo.problems.is_empty(), "{:#?}", s.repo.problems);
        s
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }
}

fn training(completed: u64, targeted: u64) -> String {
    format!(
        "kind: training\nid: nano\ntitle: Nano\ntype: nano_learning\nstart: 2026-01-10\nend: 2026-12-20\nresults:\n  - unit: social\n    targeted: {targeted}\n    completed: {completed}\n"
    )
}

fn error(code: &'static str, message: &str) -> Diagnostic {
    Diagnostic::new(code, Severity::Error, message)
}

fn warning(code: &'static str, message: &str) -> Diagnostic {
    Diagnostic::new(code, Severity::Warning, message)
}

/// The audit's JSON for question `n`, given hand-made findings.
fn question(repo: &Repo, findings: Vec<Diagnostic>, n: usize) -> serde_json::Value {
    let session = repo.session();
    let input = Input::with_findings(&session, date(AS_OF), Language::En, findings);
    let data = report::data(&input, &Which::Audit).expect("data");
    data["questions"][n - 1].clone()
}

#[test]
fn verdict_yes_without_errors_at_three_quarters_of_the_target() {
    // 68 % reaches three quarters of the 90 % target (67.5 %); a warning is a remark.
    let t = training(68, 100);
    let repo = Repo::new(&[("training/nano.yaml", &t)]);
    let q = question(&repo, vec![warning("CUL002", "click rate too high")], 4);
    assert_eq!(q["verdict"], "yes");
    assert_eq!(q["warnings"], 1);
    assert_eq!(q["key_figure"]["value"], 0.68);
}

#[test]
fn verdict_partly_without_errors_but_a_low_figure() {
    let t = training(10, 100);
    let repo = Repo::new(&[("training/nano.yaml", &t)]);
    let q = question(&repo, vec![warning("CUL002", "click rate too high")], 4);
    assert_eq!(q["verdict"], "partly");
    assert_eq!(q["key_figure"]["value"], 0.1);
}

#[test]
fn verdict_partly_when_errors_but_half_the_target() {
    let t = training(48, 100);
    let repo = Repo::new(&[("training/nano.yaml", &t)]);
    let q = question(
        &repo,
        vec![error("CUL001", "completion 48 % below 90 %")],
        4,
    );
    assert_eq!(q["verdict"], "partly");
    assert_eq!(q["key_figure"]["target"], 0.9);
    assert_eq!(q["findings"][0]["code"], "CUL001");
}

#[test]
fn verdict_partly_at_exactly_half_the_target() {
    // 45 of 100 is exactly half of the 0.9 target.
    let t = training(45, 100);
    let repo = Repo::new(&[("training/nano.yaml", &t)]);
    let q = question(&repo, vec![error("CUL001", "low completion")], 4);
    assert_eq!(q["key_figure"]["value"], 0.45);
    assert_eq!(q["verdict"], "partly");
    // Half of a 100 % target: one of two required document types.
    let repo = Repo::new(&[(
        "policies/isp.yaml",
        "kind: policy\nid: isp\ntitle: Policy\ntype: information_security_policy\nstatus: adopted\nadopted: 2025-01-01\nadopted_by: municipal_council\n",
    )]);
    let q = question(&repo, vec![error("DOC002", "no adopted guideline")], 1);
    assert_eq!(q["key_figure"]["value"], 0.5);
    assert_eq!(q["verdict"], "partly");
}

#[test]
fn verdict_no_below_half_the_target() {
    let t = training(44, 100);
    let repo = Repo::new(&[("training/nano.yaml", &t)]);
    let q = question(&repo, vec![error("CUL001", "low completion")], 4);
    assert_eq!(q["verdict"], "no");
}

#[test]
fn nothing_in_scope_says_so_and_answers_yes_unless_an_error() {
    let repo = Repo::new(&[]);
    let q = question(&repo, vec![], 12);
    assert_eq!(q["in_scope"], false);
    assert_eq!(q["verdict"], "yes");
    assert_eq!(q["scope_note"], "no cloud or SaaS services");
    assert!(q["key_figure"]["value"].is_null());
    let q = question(&repo, vec![topic_gap("cloud_services")], 12);
    assert_eq!(q["verdict"], "no");
}

/// A DOC005 finding: no adopted document governs `topic` (its subject).
fn topic_gap(topic: &str) -> Diagnostic {
    let mut d = error("DOC005", "no adopted steering document governs the topic");
    d.with_subject(topic);
    d
}

#[test]
fn doc005_counts_only_for_the_question_of_its_topic() {
    let repo = Repo::new(&[]);
    assert_eq!(
        question(&repo, vec![topic_gap("classification")], 6)["errors"],
        1
    );
    for n in [9, 10, 12] {
        assert_eq!(
            question(&repo, vec![topic_gap("classification")], n)["errors"],
            0,
            "question {n}"
        );
    }
    // The subject decides, whatever the message mentions.
    let mut d = topic_gap("continuity");
    d.message = "a draft `classification-and-continuity` lists continuity".into();
    assert_eq!(question(&repo, vec![d], 6)["errors"], 0);
    assert_eq!(
        question(&repo, vec![topic_gap("incident_management")], 9)["errors"],
        1
    );
}

#[test]
fn findings_of_other_codes_do_not_count() {
    let t = training(80, 100);
    let repo = Repo::new(&[("training/nano.yaml", &t)]);
    let q = question(&repo, vec![error("DOC001", "old policy")], 4);
    assert_eq!(q["verdict"], "yes");
    assert_eq!(q["findings"].as_array().map(Vec::len), Some(0));
}

// ---------------------------------------------------------------------------------------
// Escaping

const HOSTILE: &str =
    "Fel | i *tabell* <script>alert(1)</script>\n[länk](http://x) `kod` _under_ & ~stryk~ $x$";

fn hostile_repo() -> Repo {
    let title = serde_json::to_string(HOSTILE).expect("json");
    let incident = format!(
        "kind: incident\nid: INC-1\ntitle: {title}\ntype: it\nseverity: high\nunit: social\ndetected: 2026-10-01T10:00\nstatus: open\n"
    );
    let asset = format!(
        "kind: asset\nid: journal\nname: {title}\ntype: system\nunit: social\ncritical: true\n"
    );
    let activity = format!(
        "kind: activity\nid: act-1\nplan: plan-2026\ntitle: {title}\nunit: social\ndue: 2026-03-01\nstatus: in_progress\n"
    );
    let plan =
        format!("kind: plan\nid: plan-2026\nyear: 2026\ntitle: {title}\ndecided: 2026-01-10\n");
    Repo::new(&[
        ("incidents/inc-1.yaml", incident.as_str()),
        ("assets/journal.yaml", asset.as_str()),
        ("activities/act-1.yaml", activity.as_str()),
        ("plans/2026.yaml", plan.as_str()),
    ])
}

/// The text of every table cell that mentions `marker`; such a cell must hold no markup.
fn cells_with(text: &str, marker: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cell: Option<(String, Vec<String>)> = None;
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_MATH;
    for event in Parser::new_ext(text, opts) {
        match event {
            Event::Start(Tag::TableCell) => cell = Some((String::new(), Vec::new())),
            Event::End(TagEnd::TableCell) => {
                if let Some((c, markup)) = cell.take()
                    && c.contains(marker)
                {
                    assert!(markup.is_empty(), "markup {markup:?} in the cell `{c}`");
                    out.push(c);
                }
            }
            Event::Text(t) => {
                if let Some((c, _)) = cell.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::Start(Tag::TableHead | Tag::TableRow) | Event::End(_) => {}
            other => {
                if let Some((_, markup)) = cell.as_mut() {
                    markup.push(format!("{other:?}"));
                }
            }
        }
    }
    out
}

#[test]
fn hostile_titles_stay_text() {
    let repo = hostile_repo();
    let session = repo.session();
    let flat = HOSTILE.split_whitespace().collect::<Vec<_>>().join(" ");
    for (lang, _) in LANGS {
        let input = Input::new(&session, date(AS_OF), lang);
        for which in [
            Which::Management,
            Which::Unit("social".into()),
            Which::Plan,
            Which::Audit,
        ] {
            let text = report::render(&input, &which, Format::Markdown, None).expect("render");
            check_markdown(&text, which.name());
            // Code blocks (the YAML records) hold the title verbatim, and may.
            let outside_code: String = text.split("```").step_by(2).collect();
            assert!(
                !outside_code.contains("<script>"),
                "{}: raw <script>",
                which.name()
            );
            let cells = cells_with(&text, "Fel | i");
            assert!(
                !cells.is_empty(),
                "{}: the title is in no table cell",
                which.name()
            );
            for c in cells {
                assert!(c.contains(&flat), "{}: cell `{c}` lost text", which.name());
            }
        }
    }
}

#[test]
fn hostile_titles_in_charts_and_yaml_cannot_break_out() {
    let repo = hostile_repo();
    let session = repo.session();
    let input = Input::new(&session, date(AS_OF), Language::Sv);
    let text = report::render(&input, &Which::Plan, Format::Markdown, None).expect("render");
    // The YAML snippet of the carried-over activity parses back to the same title.
    let yaml_start = text.find("id: act-2027-01").expect("snippet");
    let block_end = text[yaml_start..].find("```").expect("fence") + yaml_start;
    let title_line = text[yaml_start..block_end]
        .lines()
        .find(|l| l.starts_with("title: "))
        .expect("title");
    let parsed: String = serde_json::from_str(&title_line["title: ".len()..]).expect("quoted");
    assert_eq!(parsed, HOSTILE);
    let m = report::render(&input, &Which::Management, Format::Markdown, None).expect("render");
    let gantt = m.split("```mermaid\ngantt").nth(1).expect("gantt");
    let gantt = &gantt[..gantt.find("```").expect("end")];
    assert!(
        !gantt.contains('<') && !gantt.contains('`') && !gantt.contains('"'),
        "{gantt}"
    );
}

proptest! {
    /// Escaped text parses back to itself (whitespace collapsed), in a paragraph and in a
    /// table cell.
    #[test]
    fn escaped_text_round_trips(s in "[a-zA-Z0-9åäö \\n|*_<>\\[\\]()!#`~^$@&\\\\+=.:;\"'{}%/-]{0,40}") {
        let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
        let escaped = report::markdown::escape(&s);
        let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_MATH
            | Options::ENABLE_SUPERSCRIPT | Options::ENABLE_SUBSCRIPT | Options::ENABLE_FOOTNOTES;
        let text_of = |md: &str| -> String {
            let mut t = String::new();
            for e in Parser::new_ext(md, opts) {
                match e {
                    Event::Text(x) => t.push_str(&x),
                    Event::Start(Tag::Paragraph | Tag::TableHead | Tag::TableRow | Tag::TableCell | Tag::Table(_))
                    | Event::End(TagEnd::Paragraph | TagEnd::TableHead | TagEnd::TableRow | TagEnd::TableCell | TagEnd::Table) => {}
                    other => panic!("{other:?} from {md:?}"),
                }
            }
            t
        };
        prop_assert_eq!(text_of(&escaped), flat.clone());
        let table = format!("| a |\n|---|\n| {escaped} |\n");
        prop_assert_eq!(text_of(&table), format!("a{flat}"));
    }
}

// ---------------------------------------------------------------------------------------
// User templates and the command line

#[test]
fn a_user_template_gets_the_same_data() {
    let session = Session::open(&example()).expect("open");
    let input = Input::new(&session, date(AS_OF), Language::Sv);
    let template = UserTemplate {
        name: "kort.md.tera".into(),
        text: "# {{ organisation }} {{ as_of }}\n{% for q in questions %}{{ q.number }}: {{ q.verdict }} {{ q.key_figure.value | percent }}\n{% endfor %}"
            .into(),
    };
    let text =
        report::render(&input, &Which::Audit, Format::Markdown, Some(&template)).expect("render");
    assert!(
        text.starts_with("# Sjöbacka kommun 2026-11-28\n1: partly 50 %\n"),
        "{text}"
    );
}

#[test]
fn a_broken_user_template_names_its_line() {
    let session = Session::open(&example()).expect("open");
    let input = Input::new(&session, date(AS_OF), Language::Sv);
    let template = UserTemplate {
        name: "trasig.md.tera".into(),
        text: "# Rubrik\n\n{% for q in questions %}\n{{ q.number }\n{% endfor %}\n".into(),
    };
    let err = report::render(&input, &Which::Audit, Format::Markdown, Some(&template))
        .expect_err("broken template");
    let msg = format!("{err:#}");
    assert!(msg.contains("trasig.md.tera:4"), "{msg}");
    // An unknown variable is an error at its line too.
    let template = UserTemplate {
        name: "okand.md.tera".into(),
        text: "ok\n{{ no_such_value.x }}\n".into(),
    };
    let err = report::render(&input, &Which::Audit, Format::Markdown, Some(&template))
        .expect_err("unknown variable");
    assert!(format!("{err:#}").contains("okand.md.tera:2"), "{err:#}");
}

fn isms() -> Command {
    Command::cargo_bin("isms").expect("binary")
}

#[test]
fn cli_writes_to_a_file_but_never_to_yaml() {
    let out = tempfile::tempdir().expect("tempdir");
    let md = out.path().join("lg.md");
    isms()
        .args(["report", "--as-of", AS_OF, "-o"])
        .arg(&md)
        .arg("--repo")
        .arg(example())
        .assert()
        .success();
    let written = std::fs::read_to_string(&md).expect("written");
    assert_eq!(
        written,
        render_example(&Which::Management, Language::Sv, Format::Markdown)
    );
    let yaml = out.path().join("lg.YAML");
    isms()
        .args(["report", "audit", "--as-of", AS_OF, "-o"])
        .arg(&yaml)
        .arg("--repo")
        .arg(example())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("refusing to write"));
    assert!(!yaml.exists());
}

#[test]
fn cli_unit_needs_a_known_id() {
    isms()
        .args(["report", "unit", "socialnamden", "--as-of", AS_OF, "--repo"])
        .arg(example())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("did you mean `socialnamnden`"));
    isms()
        .args(["report", "unit", "--as-of", AS_OF, "--repo"])
        .arg(example())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("needs a unit id"));
}

#[test]
fn cli_language_comes_from_isms_toml_unless_given() {
    let repo = Repo::new(&[]);
    isms()
        .args(["report", "audit", "--as-of", AS_OF, "--repo"])
        .arg(repo.path())
        .assert()
        .success()
        .stdout(predicates::str::starts_with("# Self-assessment"));
    isms()
        .args([
            "report", "audit", "--lang", "sv", "--as-of", AS_OF, "--repo",
        ])
        .arg(repo.path())
        .assert()
        .success()
        .stdout(predicates::str::starts_with("# Självskattning"));
}

#[test]
fn cli_template_and_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path().join("egen.md.tera");
    std::fs::write(&t, "{{ report }}: {{ questions | length }} frågor\n").expect("write");
    isms()
        .args(["report", "audit", "--as-of", AS_OF, "--template"])
        .arg(&t)
        .arg("--repo")
        .arg(example())
        .assert()
        .success()
        .stdout("audit: 12 frågor\n");
    let out = isms()
        .args([
            "report", "plan", "--format", "json", "--as-of", AS_OF, "--repo",
        ])
        .arg(example())
        .output()
        .expect("run");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["year"], 2027);
}

#[test]
fn the_draft_plan_records_are_valid() {
    // Copy the example, add the draft's plan and activities, and read it back.
    let dir = tempfile::tempdir().expect("tempdir");
    for entry in walkdir::WalkDir::new(example()) {
        let entry = entry.expect("walk");
        let rel = entry.path().strip_prefix(example()).expect("prefix");
        let to = dir.path().join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &to).expect("copy");
        }
    }
    let session = Session::open(&example()).expect("open");
    let input = Input::new(&session, date(AS_OF), Language::Sv);
    let data = report::data(&input, &Which::Plan).expect("data");
    let unfence = |s: &str| -> String {
        let body: Vec<&str> = s.lines().collect();
        body[1..body.len() - 1].join("\n") + "\n"
    };
    let mut files = vec![(
        data["plan_path"].as_str().expect("path").to_owned(),
        unfence(data["plan_yaml"].as_str().expect("yaml")),
    )];
    for item in data["carried"]
        .as_array()
        .into_iter()
        .flatten()
        .chain(data["proposals"].as_array().into_iter().flatten())
    {
        files.push((
            item["path"].as_str().expect("path").to_owned(),
            unfence(item["yaml"].as_str().expect("yaml")),
        ));
    }
    assert!(files.len() > 2);
    for (path, text) in &files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }
    let copied = Session::open(dir.path()).expect("open copy");
    assert!(
        copied.repo.problems.is_empty(),
        "{:#?}",
        copied.repo.problems
    );
    assert_eq!(
        copied.repo.activities.len(),
        session.repo.activities.len() + files.len() - 1
    );
}

#[test]
fn an_empty_repository_gets_every_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let session = Session::open(dir.path()).expect("open");
    for (lang, _) in LANGS {
        let input = Input::new(&session, date(AS_OF), lang);
        for which in [Which::Management, Which::Audit, Which::Plan, Which::Nis2] {
            let text = report::render(&input, &which, Format::Markdown, None).expect("render");
            check_markdown(&text, which.name());
            assert!(
                !text.contains("****"),
                "{}: empty bold organisation",
                which.name()
            );
        }
        let err = report::render(&input, &Which::Unit("x".into()), Format::Markdown, None)
            .expect_err("no units");
        assert!(format!("{err:#}").contains("no unit `x`"));
        // No framework declared and none named: the error names the flag and the ids.
        let err = report::render(&input, &Which::Soa(None), Format::Markdown, None)
            .expect_err("no frameworks");
        let err = format!("{err:#}");
        assert!(
            err.contains("--framework")
                && err.contains("iso27001-2022")
                && err.contains("nis2-art21"),
            "{err}"
        );
        let text = report::render(
            &input,
            &Which::Soa(Some("iso27001-2022".into())),
            Format::Markdown,
            None,
        )
        .expect("render");
        check_markdown(&text, "soa");
    }
}

/// One of something is singular: "1 tillgång", "1 day overdue", "1 year old".
#[test]
fn one_is_singular() {
    let repo = Repo::new(&[
        (
            "assets/a.yaml",
            "kind: asset\nid: a\nname: A\ntype: system\nunit: social\nowner: O\nadministrator: F\n",
        ),
        (
            "plans/2026.yaml",
            "kind: plan\nid: hp-2026\nyear: 2026\ntitle: HP\ndecided: 2026-02-01\n",
        ),
        (
            "activities/a.yaml",
            "kind: activity\nid: act-1\nplan: hp-2026\ntitle: T\nunit: social\ndue: 2026-11-27\nstatus: planned\n",
        ),
        (
            "policies/p.yaml",
            "kind: policy\nid: isp\ntitle: ISP\ntype: information_security_policy\nstatus: adopted\nadopted: 2025-06-01\nadopted_by: municipal_council\n",
        ),
    ]);
    let session = repo.session();
    let render = |which: &Which, lang: Language| {
        let input = Input::new(&session, date(AS_OF), lang);
        report::render(&input, which, Format::Markdown, None).expect("render")
    };
    let unit = Which::Unit("social".into());
    let sv = render(&unit, Language::Sv);
    assert!(sv.contains("Av 1 tillgång i drift har 0"), "{sv}");
    assert!(sv.contains("1 dag försenad"), "{sv}");
    let en = render(&unit, Language::En);
    assert!(en.contains("Of 1 active asset, 0"), "{en}");
    assert!(en.contains("1 day overdue"), "{en}");
    let audit = render(&Which::Audit, Language::En);
    assert!(
        audit.contains("1 year old") && audit.contains("(1 day)"),
        "{audit}"
    );
    let plan = render(&Which::Plan, Language::Sv);
    assert!(plan.contains("1 dag försenad"), "{plan}");
}

/// A plan of one goal and one activity is counted in the singular in both languages, and a
/// revision in the comparison is a code span without Markdown escapes.
#[test]
fn counts_agree_with_their_nouns_and_revisions_are_shown_as_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("lis");
    let init = crate::support::isms_in(dir.path(), &["init", "lis", "--as-of", "2026-11-28"]);
    assert_eq!(init.code, Some(0), "{}", init.stderr);
    let report = |lang: &str| {
        crate::support::isms_in(
            &root,
            &[
                "report",
                "management",
                "--as-of",
                "2026-11-28",
                "--lang",
                lang,
            ],
        )
        .stdout
    };
    assert!(
        report("sv").contains("Den har 1 mål och 1 aktivitet, varav 0 är klara"),
        "{}",
        report("sv")
    );
    assert!(
        report("en").contains("It has 1 goal and 1 activity, of which 0 are done"),
        "{}",
        report("en")
    );
    assert_eq!(isms::report::markdown::code_span("HEAD~1"), "`HEAD~1`");
}

fn norrvik() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/norrvik")
}

/// The statement of applicability of one framework on Norrvik: the built-in NIS2 measures,
/// and Norrvik's own catalogue (a `framework` record), which `isms.toml` does not declare.
#[test]
fn soa_of_one_framework_on_norrvik() {
    let session = Session::open(&norrvik()).expect("open example");
    for framework in ["nis2-art21", "norrvik-grundkrav"] {
        for (lang, code) in LANGS {
            let input = Input::new(&session, date(AS_OF), lang);
            let which = Which::Soa(Some(framework.to_owned()));
            let text = report::render(&input, &which, Format::Markdown, None).expect("render");
            let name = format!("soa_norrvik_{framework}.{code}");
            check_markdown(&text, &name);
            insta::assert_snapshot!(name, text);
        }
    }
}

#[test]
fn soa_json_has_its_shape() {
    let text = render_example(&Which::Soa(None), Language::En, Format::Json);
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(v["report"], "soa");
    assert_eq!(v["as_of"], AS_OF);
    let frameworks = v["frameworks"].as_array().expect("frameworks");
    let ids: Vec<&str> = frameworks.iter().filter_map(|f| f["id"].as_str()).collect();
    assert_eq!(ids, ["iso27001-2022", "nis2-art21"]);
    for f in frameworks {
        for key in [
            "name",
            "source",
            "statement",
            "summary",
            "overall",
            "controls",
            "findings",
        ] {
            assert!(f.get(key).is_some(), "framework lacks `{key}`");
        }
        for key in [
            "applicable",
            "implemented",
            "partly",
            "planned",
            "missing",
            "excluded",
        ] {
            assert!(f["overall"][key].is_u64(), "overall lacks `{key}`");
            for g in f["summary"].as_array().expect("summary") {
                assert!(g[key].is_u64(), "group lacks `{key}`: {g}");
            }
        }
        for c in f["controls"].as_array().expect("controls") {
            for key in [
                "id",
                "label",
                "group",
                "applicable",
                "reason",
                "status",
                "evidence",
                "owner",
                "last_verified",
            ] {
                assert!(c.get(key).is_some(), "control lacks `{key}`: {c}");
            }
            assert!(matches!(
                c["status"].as_str(),
                Some("implemented" | "partly" | "planned" | "missing")
            ));
        }
    }
    let iso = &frameworks[0];
    let statement = &iso["statement"];
    for key in [
        "id",
        "approved",
        "approved_by",
        "decision_ref",
        "review_interval_months",
        "expires",
    ] {
        assert!(statement.get(key).is_some(), "statement lacks `{key}`");
    }
    assert_eq!(statement["approved_by"], "executive_board");
    assert_eq!(statement["expires"], "2027-03-16");
    insta::assert_snapshot!("soa.en.json", text);
}

#[test]
fn nis2_json_has_its_shape() {
    let text = render_example(&Which::Nis2, Language::En, Format::Json);
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(v["report"], "nis2");
    assert_eq!(v["applies"], true);
    assert_eq!(v["entity_class"], "essential");
    for key in [
        "registered",
        "deadline",
        "deadline_passed",
        "deadline_uncertain",
        "findings",
    ] {
        assert!(
            v["registration"].get(key).is_some(),
            "registration lacks `{key}`"
        );
    }
    for key in ["approval", "training", "findings"] {
        assert!(
            v["management_body"].get(key).is_some(),
            "management body lacks `{key}`"
        );
    }
    let measures = v["measures"]["rows"].as_array().expect("measures");
    let points: Vec<&str> = measures.iter().filter_map(|m| m["id"].as_str()).collect();
    assert_eq!(points, ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]);
    assert_eq!(v["measures"]["counts"]["total"], 10);
    for row in v["incidents"]["rows"].as_array().expect("incidents") {
        for stage in row["stages"].as_array().expect("stages") {
            assert!(matches!(
                stage["state"].as_str(),
                Some("on_time" | "late" | "missing" | "pending")
            ));
        }
    }
    for row in v["suppliers"]["rows"].as_array().expect("suppliers") {
        for key in [
            "critical",
            "security_requirements",
            "dpa",
            "assessed",
            "incident_notification_hours",
            "flags",
        ] {
            assert!(row.get(key).is_some(), "supplier lacks `{key}`: {row}");
        }
    }
    assert_eq!(v["suppliers"]["own_deadline_hours"], 24);
    insta::assert_snapshot!("nis2.en.json", text);
}

/// The issue's "done when": `isms report soa --framework iso27001-2022` on an example lists
/// all 93 controls with applicability, reason, status and evidence.
#[test]
fn cli_soa_lists_all_93_controls() {
    let run = |format: &str| {
        let out = isms()
            .args([
                "report",
                "soa",
                "--framework",
                "iso27001-2022",
                "--repo",
                example().to_str().expect("path"),
                "--as-of",
                AS_OF,
                "--format",
                format,
            ])
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    };
    let v: serde_json::Value = serde_json::from_str(&run("json")).expect("json");
    let frameworks = v["frameworks"].as_array().expect("frameworks");
    assert_eq!(frameworks.len(), 1);
    let controls = frameworks[0]["controls"].as_array().expect("controls");
    assert_eq!(controls.len(), 93);
    let excluded: Vec<&serde_json::Value> = controls
        .iter()
        .filter(|c| c["applicable"] == false)
        .collect();
    assert_eq!(excluded.len(), 9);
    for c in &controls[..] {
        assert!(c["applicable"].is_boolean());
        assert!(c["status"].is_string());
        let evidence = c["evidence"].as_array().expect("evidence");
        // Evidence exactly when the control is not missing.
        assert_eq!(evidence.is_empty(), c["status"] == "missing", "{c}");
        for e in evidence {
            assert!(e["id"].is_string() || e["count"].is_u64(), "{e}");
        }
    }
    for c in excluded {
        assert!(c["reason"].as_str().is_some_and(|r| !r.is_empty()), "{c}");
    }
    let md = run("markdown");
    let rows: Vec<&str> = md
        .lines()
        .filter(|l| l.starts_with("| A\\.") && l.matches(" | ").count() >= 7)
        .collect();
    assert_eq!(rows.len(), 93, "{md}");
    assert_eq!(rows.iter().filter(|r| r.contains(" | nej | ")).count(), 9);
    assert!(md.contains("Godkänt av kommunstyrelsen 16 mars 2026 (KS 2026-03-16 § 48)"));
}

/// Runs `isms` with `args`, which must fail; its standard error.
fn refused(args: &[&str]) -> String {
    let out = isms().args(args).output().expect("run");
    assert!(!out.status.success());
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn cli_framework_is_only_for_soa_and_must_be_known() {
    let repo = example();
    let repo = repo.to_str().expect("path");
    let err = refused(&[
        "report",
        "audit",
        "--framework",
        "iso27001-2022",
        "--repo",
        repo,
    ]);
    assert!(
        err.contains("--framework") && err.contains("report soa"),
        "{err}"
    );
    let err = refused(&[
        "report",
        "soa",
        "--framework",
        "iso27001-2021",
        "--repo",
        repo,
    ]);
    assert!(err.contains("did you mean `iso27001-2022`"), "{err}");
    // Norrvik declares no framework: soa needs --framework, and says so.
    let norrvik = norrvik();
    let err = refused(&["report", "soa", "--repo", norrvik.to_str().expect("path")]);
    assert!(
        err.contains("--framework") && err.contains("iso27001-2022, nis2-art21"),
        "{err}"
    );
}

/// An organisation the law does not cover gets one paragraph that says so, and still the
/// measures and the suppliers.
#[test]
fn nis2_for_an_organisation_not_covered() {
    let repo = Repo::new(&[(
        "organisation.yaml",
        "kind: organisation\nid: bolaget\nname: Bolaget AB\ncybersecurity_act:\n  covered: false\n",
    )]);
    let session = repo.session();
    for (lang, needle) in [
        (
            Language::Sv,
            "omfattas Bolaget AB inte av cybersäkerhetslagen",
        ),
        (
            Language::En,
            "Bolaget AB is not covered by the cybersecurity law",
        ),
    ] {
        let input = Input::new(&session, date(AS_OF), lang);
        let text = report::render(&input, &Which::Nis2, Format::Markdown, None).expect("render");
        check_markdown(&text, "nis2 not covered");
        assert!(text.contains(needle), "{text}");
        assert!(text.contains("| j |"), "{text}");
        let data = report::data(&input, &Which::Nis2).expect("data");
        assert_eq!(data["applies"], false);
        assert!(data["registration"].is_null() && data["incidents"].is_null());
    }
}
