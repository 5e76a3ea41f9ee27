//! The machine formats of `isms check` (SARIF, JUnit, GitHub annotations) on hand-made
//! findings with hostile text, and on the example repository.
//!
//! SARIF is validated against the SARIF 2.1.0 JSON schema in `tests/data/`; JUnit is
//! parsed with quick-xml, which rejects XML that is not well-formed.

use std::path::Path;
use std::sync::Arc;

use isms::check::check;
use isms::config::Language;
use isms::diagnostic::{self, Diagnostic, Severity};
use isms::model::{Date, Kind};
use isms::render::{self, Output};
use isms::repo::session::Session;
use isms::rules::{self, Context, Declared, Rule, RuleMeta, Selection, Sink};
use isms::source::span::{Pos, Span};
use serde_json::Value;

const HOSTILE: &str = "no <tag> & \"quotes\" at 100%, really: yes\nsecond line\u{7}";

/// A rule whose catalogue text needs escaping everywhere.
struct Hostile;

static HOSTILE_META: RuleMeta = RuleMeta {
    code: "ORG001",
    name: "no-<ciso>",
    severity: Severity::Error,
    summary: "a summary with <tag> & \"quotes\", 100%: yes",
    doc: " ## What it does\n Finds <things> & \"more\".\n\n ## Why it matters\n x\n",
};

impl Declared for Hostile {
    fn meta(&self) -> &'static RuleMeta {
        &HOSTILE_META
    }
}

impl Rule for Hostile {
    fn check(&self, _: &Context<'_>, _: &mut Sink<'_>) {}
}

/// A rule that ran and found nothing.
struct Quiet;

static QUIET_META: RuleMeta = RuleMeta {
    code: "CUL001",
    name: "quiet-rule",
    severity: Severity::Warning,
    summary: "finds nothing here",
    doc: " ## What it does\n Nothing.\n",
};

impl Declared for Quiet {
    fn meta(&self) -> &'static RuleMeta {
        &QUIET_META
    }
}

impl Rule for Quiet {
    fn check(&self, _: &Context<'_>, _: &mut Sink<'_>) {}
}

static RAN: [&dyn Rule; 3] = [&rules::doc::StaleDocument, &Hostile, &Quiet];

fn span(line: u32, col: u32, end_col: u32) -> Option<Span> {
    Some(Span::new(Pos { line, col }, Pos { line, col: end_col }))
}

/// Four findings: without a location, with a file but no line, with a full span, an info;
/// and REC999, whose rule is not among those that ran.
fn findings() -> Vec<Diagnostic> {
    let mut v = vec![
        Diagnostic::new("ORG001", Severity::Error, HOSTILE)
            .with_help("ask the board, today: <now>"),
        Diagnostic::new("DOC001", Severity::Warning, "policy `p` is 4 years old")
            .at(Arc::from("policies/p.yaml"), span(6, 0, 7))
            .about(Kind::Policy, "p")
            .with_help("review it"),
        Diagnostic::new("REC999", Severity::Error, "cannot read: bad, file")
            .at(Arc::from("enheter/Överförmyndare nämnd.yaml"), None),
        Diagnostic::new("ORG001", Severity::Info, "consider a deputy")
            .at(Arc::from("organisation.yaml"), span(2, 6, 12)),
    ];
    // Two findings of one rule about no record: their subjects tell them apart, as a
    // rule's would.
    v[0].with_subject("board");
    v[3].with_subject("deputy");
    diagnostic::sort(&mut v);
    v
}

fn with_output<T>(
    diags: &[Diagnostic],
    ran: &[&'static dyn Rule],
    f: impl FnOnce(&Output<'_>) -> T,
) -> T {
    let no_text = |_: &str| None;
    let out = Output {
        as_of: "2026-11-28".to_owned(),
        diagnostics: diags,
        records: 3,
        counts: &[(Kind::Organisation, 1), (Kind::Policy, 2)],
        file_text: &no_text,
        rules: ran,
        lang: Language::En,
        path_prefix: "",
    };
    f(&out)
}

/// The renderer's output on the example repository, as `isms check` would print it.
fn example(render: fn(&Output<'_>) -> String) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sjobacka");
    let mut session = Session::open(&root).expect("the example opens");
    session.config.language = Language::En;
    let as_of = Date::parse("2026-11-28").expect("a date");
    let result = check(&session, as_of, &Selection::default());
    let repo = &session.repo;
    let text_of = |p: &str| repo.file_text(p);
    let ran = rules::all();
    render(&Output {
        as_of: as_of.to_string(),
        diagnostics: &result.findings,
        records: repo.record_count(),
        counts: &repo.counts,
        file_text: &text_of,
        rules: &ran,
        lang: Language::En,
        path_prefix: "",
    })
}

// ---------------------------------------------------------------------------------------
// SARIF

fn sarif_validator() -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-schema-2.1.0.json");
    let text = std::fs::read_to_string(&path).expect("the vendored SARIF schema");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

pub(crate) fn assert_valid_sarif(text: &str) -> Value {
    let log: Value = serde_json::from_str(text).expect("SARIF output is JSON");
    let errors: Vec<String> = sarif_validator()
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "invalid SARIF:\n{}\n{text}",
        errors.join("\n")
    );
    log
}

#[test]
fn sarif_is_valid_against_the_sarif_2_1_0_schema() {
    let diags = findings();
    assert_valid_sarif(&with_output(&diags, &RAN, render::sarif::render));
    assert_valid_sarif(&with_output(&[], &[], render::sarif::render));
    assert_valid_sarif(&example(render::sarif::render));
}

#[test]
fn the_sarif_schema_check_can_fail() {
    let diags = findings();
    let mut log: Value =
        serde_json::from_str(&with_output(&diags, &RAN, render::sarif::render)).unwrap();
    log["runs"][0]["results"][0]["level"] = "info".into();
    assert!(
        !sarif_validator().is_valid(&log),
        "`info` is not a SARIF level"
    );
    let mut log: Value =
        serde_json::from_str(&with_output(&diags, &RAN, render::sarif::render)).unwrap();
    log["runs"][0]["results"][2]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        0.into();
    assert!(!sarif_validator().is_valid(&log), "lines start at 1");
}

#[test]
fn sarif_carries_rules_results_and_locations() {
    let diags = findings();
    let text = with_output(&diags, &RAN, render::sarif::render);
    assert!(text.ends_with("}\n"));
    let log: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        log["$schema"],
        "https://json.schemastore.org/sarif-2.1.0.json"
    );
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "isms");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert!(driver.get("informationUri").is_none());
    let ids: Vec<&str> = driver["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    // The rules that ran in their order, then REC999, which has a finding but did not run.
    assert_eq!(ids, ["DOC001", "ORG001", "CUL001", "REC999"]);
    let org = &driver["rules"][1];
    assert_eq!(org["name"], "No<ciso>");
    assert_eq!(org["shortDescription"]["text"], HOSTILE_META.summary);
    assert_eq!(org["fullDescription"]["text"], "Finds <things> & \"more\".");
    assert_eq!(org["defaultConfiguration"]["level"], "error");
    assert_eq!(org["properties"]["tags"][0], "ORG");
    assert!(
        org["help"]["markdown"]
            .as_str()
            .unwrap()
            .starts_with("# ORG001 no-<ciso>\n")
    );
    assert_eq!(driver["rules"][0]["name"], "StaleDocument");
    let rec = &driver["rules"][3];
    assert!(rec.get("name").is_none());
    assert!(rec.get("defaultConfiguration").is_none());
    // GitHub code scanning wants descriptions and help even for an unknown code.
    let text = format!(
        "REC999 (Record hygiene): a code that is not in the rule catalogue of isms {}",
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(rec["shortDescription"]["text"], text);
    assert_eq!(rec["fullDescription"]["text"], text);
    assert!(rec["help"]["text"].is_string());
    assert_eq!(rec["properties"]["tags"], serde_json::json!(["REC"]));
    assert!(run["originalUriBaseIds"]["%SRCROOT%"]["description"]["text"].is_string());

    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 4);
    // Output order: the finding without a path first.
    let r0 = &results[0];
    assert_eq!(r0["ruleId"], "ORG001");
    assert_eq!(r0["ruleIndex"], 1);
    assert_eq!(r0["level"], "error");
    assert_eq!(
        r0["message"]["text"],
        format!("{HOSTILE}\nhelp: ask the board, today: <now>")
    );
    // No file to point at: a logical location, since GitHub wants one on every result.
    assert_eq!(
        r0["locations"],
        serde_json::json!([{"logicalLocations": [{"name": "repository", "kind": "module"}]}])
    );

    let rec = results.iter().find(|r| r["ruleId"] == "REC999").unwrap();
    assert_eq!(rec["ruleIndex"], 3);
    let loc = &rec["locations"][0]["physicalLocation"];
    assert_eq!(
        loc["artifactLocation"],
        serde_json::json!({"uri": "enheter/%C3%96verf%C3%B6rmyndare%20n%C3%A4mnd.yaml", "uriBaseId": "%SRCROOT%"})
    );
    assert!(loc.get("region").is_none());

    let info = results.iter().find(|r| r["level"] == "note").unwrap();
    assert_eq!(info["ruleId"], "ORG001");
    assert_eq!(
        info["locations"][0]["physicalLocation"]["region"],
        serde_json::json!({"startLine": 2, "startColumn": 7, "endLine": 2, "endColumn": 13})
    );

    let doc = results.iter().find(|r| r["ruleId"] == "DOC001").unwrap();
    assert_eq!(doc["level"], "warning");
    assert_eq!(
        doc["properties"],
        serde_json::json!({"recordKind": "policy", "recordId": "p"})
    );

    let prints: std::collections::BTreeSet<&str> = results
        .iter()
        .map(|r| {
            r["partialFingerprints"]["isms/findingHash/v2"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(prints.len(), 4, "every finding has its own fingerprint");
}

#[test]
fn sarif_is_deterministic() {
    let diags = findings();
    assert_eq!(
        with_output(&diags, &RAN, render::sarif::render),
        with_output(&diags, &RAN, render::sarif::render)
    );
    assert_eq!(
        example(render::sarif::render),
        example(render::sarif::render)
    );
}

// ---------------------------------------------------------------------------------------
// JUnit

/// An element of a parsed XML document.
#[derive(Debug)]
struct Element {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Element>,
    text: String,
}

impl Element {
    fn attr(&self, name: &str) -> &str {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("<{}> has no attribute {name}", self.name))
    }

    fn all(&self, name: &str) -> Vec<&Element> {
        self.children.iter().filter(|c| c.name == name).collect()
    }
}

/// Parses a whole document, panicking on anything that is not well-formed XML 1.0.
fn parse_xml(xml: &str) -> Element {
    use quick_xml::events::{BytesStart, Event};

    for c in xml.chars() {
        let allowed = matches!(c, '\t' | '\n' | '\r')
            || (c >= '\u{20}' && c != '\u{fffe}' && c != '\u{ffff}');
        assert!(allowed, "character {c:?} is not allowed in XML 1.0");
    }
    fn element(e: &BytesStart<'_>) -> Element {
        let attrs = e
            .attributes()
            .map(|a| {
                let a = a.expect("a well-formed attribute");
                let name = a.key.as_ref().to_owned();
                let value = a
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .expect("a well-formed attribute value")
                    .into_owned();
                (name, value)
            })
            .collect();
        Element {
            name: e.name().as_ref().to_owned(),
            attrs,
            children: Vec::new(),
            text: String::new(),
        }
    }
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Element> = Vec::new();
    let mut root = None;
    let mut declared = false;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Decl(d) => {
                assert!(!declared && stack.is_empty());
                declared = true;
                assert_eq!(d.encoding().unwrap().unwrap(), "UTF-8");
            }
            Event::Start(e) => stack.push(element(&e)),
            Event::Empty(e) => {
                let el = element(&e);
                match stack.last_mut() {
                    Some(parent) => parent.children.push(el),
                    None => panic!("an empty root element"),
                }
            }
            Event::End(_) => {
                let el = stack.pop().expect("an open element");
                match stack.last_mut() {
                    Some(parent) => parent.children.push(el),
                    None => {
                        assert!(root.is_none(), "a second root element");
                        root = Some(el);
                    }
                }
            }
            Event::Text(t) => {
                let text = t.xml10_content();
                match stack.last_mut() {
                    Some(el) => el.text.push_str(&text),
                    None => assert!(text.trim().is_empty(), "text outside the root: {text:?}"),
                }
            }
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref().expect("a valid character reference") {
                    Some(c) => c,
                    None => match &*r {
                        "lt" => '<',
                        "gt" => '>',
                        "amp" => '&',
                        "quot" => '"',
                        "apos" => '\'',
                        other => panic!("undeclared entity &{other};"),
                    },
                };
                stack
                    .last_mut()
                    .expect("a reference inside an element")
                    .text
                    .push(c);
            }
            Event::Eof => break,
            Event::CData(_) | Event::Comment(_) | Event::PI(_) | Event::DocType(_) => {
                panic!("unexpected markup")
            }
        }
    }
    assert!(stack.is_empty(), "unclosed elements");
    assert!(declared, "no XML declaration");
    root.expect("a root element")
}

#[test]
fn junit_is_well_formed_with_one_case_per_rule() {
    let diags = findings();
    let xml = with_output(&diags, &RAN, render::junit::render);
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
    assert!(xml.ends_with("</testsuites>\n"));
    let root = parse_xml(&xml);
    assert_eq!(root.name, "testsuites");
    assert_eq!(root.attr("name"), "isms");
    assert_eq!(root.attr("tests"), "4");
    assert_eq!(root.attr("failures"), "3");
    let suites = root.all("testsuite");
    assert_eq!(suites.len(), 1);
    let suite = suites[0];
    assert_eq!(suite.attr("name"), "isms check");
    assert_eq!(suite.attr("tests"), "4");
    assert_eq!(suite.attr("failures"), "3");
    assert_eq!(suite.attr("errors"), "0");
    let props = &suite.all("properties")[0].children;
    assert_eq!(props[0].attr("value"), "2026-11-28");

    let cases = suite.all("testcase");
    let names: Vec<(&str, &str)> = cases
        .iter()
        .map(|c| (c.attr("classname"), c.attr("name")))
        .collect();
    assert_eq!(
        names,
        [
            ("isms.DOC", "DOC001 stale-document"),
            ("isms.ORG", "ORG001 no-<ciso>"),
            ("isms.CUL", "CUL001 quiet-rule"),
            ("isms.REC", "REC999"),
        ]
    );
    let failures: usize = cases.iter().map(|c| c.all("failure").len()).sum();
    assert_eq!(failures.to_string(), suite.attr("failures"));

    let doc = &cases[0].all("failure")[0];
    assert_eq!(doc.attr("type"), "DOC001");
    assert_eq!(doc.attr("message"), "policy `p` is 4 years old");
    assert_eq!(
        doc.text,
        "policies/p.yaml:6:1: warning: policy `p` is 4 years old\nhelp: review it"
    );

    // The hostile message survives escaping exactly, less the control character.
    let org = cases[1];
    let failure = &org.all("failure")[0];
    let clean = HOSTILE.replace('\u{7}', "");
    assert_eq!(failure.attr("message"), clean);
    assert_eq!(
        failure.text,
        format!("error: {clean}\nhelp: ask the board, today: <now>")
    );
    // The info finding does not fail the case; it is listed in its output.
    assert_eq!(
        org.all("system-out")[0].text,
        "organisation.yaml:2:7: info: consider a deputy"
    );

    assert!(
        cases[2].children.is_empty(),
        "a rule without findings passes"
    );
    assert_eq!(
        cases[3].all("failure")[0].text,
        "enheter/Överförmyndare nämnd.yaml: error: cannot read: bad, file"
    );
    assert!(xml.contains(
        "no &lt;tag&gt; &amp; &quot;quotes&quot; at 100%, really: yes&#10;second line\""
    ));
}

#[test]
fn junit_lists_every_finding_of_a_rule_in_one_failure() {
    let mut diags = findings();
    diags.push(
        Diagnostic::new("DOC001", Severity::Error, "policy `q` is 6 years old")
            .at(Arc::from("policies/q.yaml"), span(6, 0, 7)),
    );
    let root = parse_xml(&with_output(&diags, &RAN, render::junit::render));
    let doc = &root.all("testsuite")[0].all("testcase")[0];
    let failures = doc.all("failure");
    assert_eq!(failures.len(), 1);
    assert_eq!(failures[0].attr("message"), "1 error, 1 warning");
    assert_eq!(
        failures[0].text,
        "policies/p.yaml:6:1: warning: policy `p` is 4 years old\nhelp: review it\n\n\
         policies/q.yaml:6:1: error: policy `q` is 6 years old"
    );
}

#[test]
fn junit_of_the_example_and_of_nothing_is_well_formed() {
    let root = parse_xml(&example(render::junit::render));
    let suite = root.all("testsuite")[0];
    assert_eq!(suite.attr("tests"), rules::all().len().to_string());
    assert!(
        suite
            .all("testcase")
            .iter()
            .any(|c| c.attr("name") == "DOC001 stale-document")
    );
    let empty = parse_xml(&with_output(&[], &[], render::junit::render));
    assert_eq!(empty.attr("tests"), "0");
    assert_eq!(empty.attr("failures"), "0");
}

// ---------------------------------------------------------------------------------------
// GitHub

#[test]
fn github_prints_one_escaped_annotation_per_finding_then_the_summary() {
    let diags = findings();
    let text = with_output(&diags, &RAN, render::github::render);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "::error title=ORG001 no-<ciso>::no <tag> & \"quotes\" at 100%25, really: yes%0Asecond line\u{7}%0Ahelp: ask the board, today: <now>",
            "::error file=enheter/Överförmyndare nämnd.yaml,title=REC999::cannot read: bad, file",
            "::notice file=organisation.yaml,line=2,col=7,title=ORG001 no-<ciso>::consider a deputy",
            "::warning file=policies/p.yaml,line=6,col=1,title=DOC001 stale-document::policy `p` is 4 years old%0Ahelp: review it",
            "2 errors, 1 warning, 1 info in 3 records (organisation 1, policies 2)",
        ]
    );
    assert!(text.ends_with('\n'));
}

#[test]
fn github_escapes_colons_and_commas_in_properties() {
    let d = vec![
        Diagnostic::new("DOC001", Severity::Warning, "m")
            .at(Arc::from("a,b: c%.yaml"), span(1, 0, 1)),
    ];
    let text = with_output(&d, &RAN, render::github::render);
    assert_eq!(
        text.lines().next().unwrap(),
        "::warning file=a%2Cb%3A c%25.yaml,line=1,col=1,title=DOC001 stale-document::m"
    );
}
