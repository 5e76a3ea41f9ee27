//! Meta-tests that keep the rule catalogue honest: codes and names, the spec's table,
//! the shape of every rule's documentation, and the wording of every message the rules
//! print on the example and on the rule fixtures.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use isms::rules::{self, RuleMeta};
use serde_json::Value;

use crate::support::{example_root, isms_in};

/// The table of `spec/rules.md`, in its order: every code and its default severity.
///
/// Where the spec names two severities, the default is the one that applies without a
/// condition: "warning; error after 90 days" is a warning, and so is ORG004's "error for
/// critical assets, else warning". DOC001's column gives only thresholds; its text says
/// "older than `warn_age_years` (warning)".
const SPEC: &[(&str, &str)] = &[
    ("DOC001", "warning"),
    ("DOC002", "error"),
    ("DOC003", "warning"),
    ("DOC004", "warning"),
    ("DOC005", "error"),
    ("ORG001", "warning"),
    ("ORG002", "error"),
    ("ORG003", "warning"),
    ("ORG004", "warning"),
    ("PLAN001", "error"),
    ("PLAN002", "warning"),
    ("PLAN003", "warning"),
    ("PLAN004", "warning"),
    ("CUL001", "error"),
    ("CUL002", "warning"),
    ("CUL003", "warning"),
    ("CLS001", "error"),
    ("CLS002", "warning"),
    ("CLS003", "warning"),
    ("CLS004", "error"),
    ("CLS005", "info"),
    ("SEC001", "error"),
    ("SEC002", "warning"),
    ("SEC003", "error"),
    ("SEC004", "error"),
    ("SEC005", "error"),
    ("INC001", "error"),
    ("INC002", "error"),
    ("INC003", "warning"),
    ("INC004", "warning"),
    ("INC005", "warning"),
    ("BCM001", "error"),
    ("BCM002", "warning"),
    ("BCM003", "warning"),
    ("FUP001", "error"),
    ("FUP002", "warning"),
    ("FUP003", "info"),
    ("FUP004", "warning"),
    ("CLD001", "error"),
    ("CLD002", "error"),
    ("CLD003", "warning"),
    ("FRM001", "error"),
    ("FRM002", "warning"),
    ("FRM003", "warning"),
    ("NIS001", "error"),
    ("NIS002", "error"),
    ("NIS003", "error"),
    ("NIS004", "warning"),
    ("SUP001", "error"),
    ("SUP002", "warning"),
    ("SUP003", "error"),
    ("SUP004", "warning"),
    ("SUP005", "warning"),
    ("REC001", "error"),
    ("REC002", "error"),
    ("REC003", "error"),
    ("REC004", "warning"),
];

/// The sections of a rule's documentation, in order (the ruff model).
const SECTIONS: [&str; 5] = [
    "## What it does",
    "## Why it matters",
    "## Example",
    "## How to fix",
    "## References",
];

const PREFIXES: [&str; 14] = [
    "DOC", "ORG", "PLAN", "CUL", "CLS", "SEC", "INC", "BCM", "FUP", "CLD", "FRM", "NIS", "SUP",
    "REC",
];

fn metas() -> Vec<&'static RuleMeta> {
    rules::all().into_iter().map(|r| r.meta()).collect()
}

/// Duplicates in a list, each once.
fn duplicates<'a>(items: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut seen = BTreeSet::new();
    let mut dups = BTreeSet::new();
    for item in items {
        if !seen.insert(item) {
            dups.insert(item);
        }
    }
    dups.into_iter().collect()
}

/// `^(DOC|ORG|PLAN|CUL|CLS|SEC|INC|BCM|FUP|CLD|SUP|REC)\d{3}$`
fn well_formed_code(code: &str) -> bool {
    PREFIXES.iter().any(|p| {
        code.strip_prefix(p)
            .is_some_and(|n| n.len() == 3 && n.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// Lowercase ASCII words joined by single hyphens: `stale-document`.
fn kebab_case(name: &str) -> bool {
    !name.is_empty()
        && name.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

#[test]
fn the_format_checks_can_fail() {
    for bad in [
        "DOC01", "DOC0001", "doc001", "XYZ001", "PLN001", "DOC00a", " DOC001",
    ] {
        assert!(!well_formed_code(bad), "{bad}");
    }
    for good in ["DOC001", "PLAN004", "REC999"] {
        assert!(well_formed_code(good), "{good}");
    }
    for bad in [
        "",
        "Stale-document",
        "stale_document",
        "stale--document",
        "-stale",
        "stale ",
    ] {
        assert!(!kebab_case(bad), "{bad:?}");
    }
    assert!(kebab_case("critical-asset-without-restore-test"));
    assert_eq!(duplicates(["a", "b", "a", "c", "b", "a"]), ["a", "b"]);
}

#[test]
fn codes_are_unique_and_well_formed() {
    let metas = metas();
    let malformed: Vec<&str> = metas
        .iter()
        .map(|m| m.code)
        .filter(|c| !well_formed_code(c))
        .collect();
    assert!(malformed.is_empty(), "malformed codes: {malformed:?}");
    let dups = duplicates(metas.iter().map(|m| m.code));
    assert!(dups.is_empty(), "codes registered twice: {dups:?}");
}

#[test]
fn names_are_unique_and_kebab_case() {
    let metas = metas();
    let bad: Vec<&str> = metas
        .iter()
        .map(|m| m.name)
        .filter(|n| !kebab_case(n))
        .collect();
    assert!(bad.is_empty(), "names not in kebab-case: {bad:?}");
    let dups = duplicates(metas.iter().map(|m| m.name));
    assert!(dups.is_empty(), "names registered twice: {dups:?}");
    // `isms explain` finds a rule by code or name, ignoring case: a name must not be a code.
    let clashes: Vec<&str> = metas
        .iter()
        .map(|m| m.name)
        .filter(|n| metas.iter().any(|m| m.code.eq_ignore_ascii_case(n)))
        .collect();
    assert!(clashes.is_empty(), "names that read as codes: {clashes:?}");
}

#[test]
fn the_catalogue_is_the_spec_table_in_its_order() {
    let registered: Vec<&str> = metas().iter().map(|m| m.code).collect();
    let spec: Vec<&str> = SPEC.iter().map(|(c, _)| *c).collect();
    let missing: Vec<&str> = spec
        .iter()
        .copied()
        .filter(|c| !registered.contains(c))
        .collect();
    let extra: Vec<&str> = registered
        .iter()
        .copied()
        .filter(|c| !spec.contains(c))
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "not registered: {missing:?}; not in the spec: {extra:?}"
    );
    assert_eq!(
        registered, spec,
        "`rules::all()` is not in the spec's order"
    );
}

#[test]
fn default_severities_match_the_spec() {
    let spec: BTreeMap<&str, &str> = SPEC.iter().copied().collect();
    let wrong: Vec<String> = metas()
        .iter()
        .filter(|m| spec.get(m.code).is_some_and(|s| *s != m.severity.as_str()))
        .map(|m| {
            format!(
                "{}: {} (spec: {})",
                m.code,
                m.severity.as_str(),
                spec[m.code]
            )
        })
        .collect();
    assert!(wrong.is_empty(), "default severities: {wrong:#?}");
}

/// The `## ` headings of a doc text outside code blocks (a YAML comment may start `##`).
fn headings(doc: &str) -> Vec<String> {
    let mut in_code = false;
    let mut out = Vec::new();
    for line in doc.lines().map(str::trim) {
        if line.starts_with("```") {
            in_code = !in_code;
        } else if !in_code && line.starts_with("## ") {
            out.push(line.to_owned());
        }
    }
    out
}

/// The lines of one section of a doc text, up to the next heading.
fn section<'a>(doc: &'a str, heading: &str) -> Vec<&'a str> {
    doc.lines()
        .map(str::trim)
        .skip_while(|l| *l != heading)
        .skip(1)
        .take_while(|l| !l.starts_with("## "))
        .collect()
}

/// Whether `lines` hold a ```yaml block that is closed and not empty.
fn has_yaml_block(lines: &[&str]) -> bool {
    let Some(open) = lines.iter().position(|l| *l == "```yaml") else {
        return false;
    };
    let body = &lines[open + 1..];
    body.iter()
        .position(|l| *l == "```")
        .is_some_and(|close| body[..close].iter().any(|l| !l.is_empty()))
}

#[test]
fn every_doc_has_the_sections_in_order_and_a_yaml_example() {
    let mut problems = Vec::new();
    for m in metas() {
        let found = headings(m.doc);
        if found != SECTIONS {
            problems.push(format!("{}: sections {found:?}", m.code));
        }
        if !has_yaml_block(&section(m.doc, "## Example")) {
            problems.push(format!("{}: the Example has no ```yaml block", m.code));
        }
        for heading in SECTIONS {
            let body = section(m.doc, heading);
            if body.iter().all(|l| l.is_empty()) {
                problems.push(format!("{}: `{heading}` is empty", m.code));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// The Swedish pages' sections, in the English order.
const SECTIONS_SV: [&str; 5] = [
    "## Vad regeln gör",
    "## Varför det spelar roll",
    "## Exempel",
    "## Så åtgärdar du",
    "## Referenser",
];

#[test]
fn every_rule_has_a_swedish_page_with_the_sections_in_order_and_its_yaml_example() {
    let mut problems = Vec::new();
    for m in metas() {
        let Some(doc) = m.doc_sv() else {
            problems.push(format!("{}: no Swedish page", m.code));
            continue;
        };
        let found = headings(doc);
        if found != SECTIONS_SV {
            problems.push(format!("{}: sections {found:?}", m.code));
        }
        if !has_yaml_block(&section(doc, "## Exempel")) {
            problems.push(format!("{}: the Exempel has no ```yaml block", m.code));
        }
        for heading in SECTIONS_SV {
            if section(doc, heading).iter().all(|l| l.is_empty()) {
                problems.push(format!("{}: `{heading}` is empty", m.code));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
    let page = metas()[0].page_in(isms::config::Language::Sv);
    assert!(page.contains("Område: Styrdokument."), "{page}");
}

#[test]
fn the_doc_checks_can_fail() {
    let doc = " ## What it does\n x\n ```yaml\n ## Why it matters\n ```\n ## Example\n no block\n";
    assert_eq!(headings(doc), ["## What it does", "## Example"]);
    assert!(!has_yaml_block(&section(doc, "## Example")));
    assert!(!has_yaml_block(&["```yaml", "a: 1"]), "an unclosed block");
    assert!(!has_yaml_block(&["```yaml", "```"]), "an empty block");
    assert!(has_yaml_block(&["text", "```yaml", "a: 1", "```"]));
}

#[test]
fn summaries_are_one_line_lowercase_without_a_trailing_period() {
    let bad: Vec<String> = metas()
        .iter()
        .filter(|m| {
            let s = m.summary;
            s.is_empty()
                || s.contains('\n')
                || s.trim() != s
                || s.starts_with(|c: char| c.is_uppercase())
                || s.ends_with('.')
        })
        .map(|m| format!("{}: {:?}", m.code, m.summary))
        .collect();
    assert!(bad.is_empty(), "summaries: {bad:#?}");
}

#[test]
fn explain_works_for_every_code_and_name() {
    let cwd = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut problems = Vec::new();
    for m in metas() {
        let by_code = isms_in(cwd, &["explain", m.code]);
        let by_name = isms_in(cwd, &["explain", m.name]);
        for (what, run) in [(m.code, &by_code), (m.name, &by_name)] {
            if run.code != Some(0) || !run.stderr.is_empty() {
                problems.push(format!(
                    "explain {what}: exit {:?}\n{}",
                    run.code, run.stderr
                ));
            }
        }
        let header = format!("# {} {}\n", m.code, m.name);
        if !by_code.stdout.starts_with(&header) {
            problems.push(format!("explain {}: does not start `{header}`", m.code));
        }
        if !SECTIONS.iter().all(|s| by_code.stdout.contains(s)) {
            problems.push(format!("explain {}: sections missing", m.code));
        }
        if by_code.stdout != by_name.stdout {
            problems.push(format!("explain {} and {} differ", m.code, m.name));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

// ---------------------------------------------------------------------------------------
// Messages

/// What is wrong with a finding's message, if anything: it starts with a lowercase letter,
/// a backtick or a digit, and does not end with a period.
/// What is wrong with a message's form in `lang`: English messages read like a
/// compiler's (lowercase, no final period), Swedish ones are full sentences.
fn message_problem_in(lang: &str, message: &str) -> Option<&'static str> {
    if lang == "en" {
        return message_problem(message);
    }
    let first = message.chars().next()?;
    if !first.is_uppercase() {
        return Some("does not start with a capital letter");
    }
    if !message.ends_with(['.', ')']) || message.ends_with("..") {
        return Some("does not end with a period");
    }
    if message.contains('`') {
        return Some("has a backtick");
    }
    if message.trim() != message {
        return Some("has surrounding white space");
    }
    None
}

fn message_problem(message: &str) -> Option<&'static str> {
    let first = message.chars().next()?;
    if !(first.is_lowercase() || first == '`' || first.is_ascii_digit()) {
        return Some("does not start lowercase");
    }
    if message.ends_with('.') {
        return Some("ends with a period");
    }
    if message.trim() != message {
        return Some("has surrounding white space");
    }
    None
}

#[test]
fn the_message_check_can_fail() {
    assert_eq!(
        message_problem("Asset `a` has no owner"),
        Some("does not start lowercase")
    );
    assert_eq!(
        message_problem("asset `a` has no owner."),
        Some("ends with a period")
    );
    assert_eq!(
        message_problem("(asset) x"),
        Some("does not start lowercase")
    );
    assert_eq!(
        message_problem("asset `a` has no owner "),
        Some("has surrounding white space")
    );
    assert_eq!(
        message_problem(""),
        None,
        "`messages_are_...` checks emptiness"
    );
    for good in [
        "asset `a` has no owner",
        "`a` is stale",
        "3 units lack a representative",
        "ämne saknas",
    ] {
        assert_eq!(message_problem(good), None, "{good}");
    }
}

/// Every repository below `tests/fixtures/rules` (a folder holding `isms.toml`), with the
/// as-of date on the first line of its `isms.toml`.
fn fixture_repositories() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let mut repos = Vec::new();
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
        let entry = entry.expect("walk the fixtures");
        if entry.file_name() != "isms.toml" {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).expect("read isms.toml");
        let first = text.lines().next().unwrap_or_default();
        let as_of = first
            .strip_prefix("# as-of:")
            .unwrap_or_else(|| panic!("{}: no `# as-of:` line", entry.path().display()))
            .trim()
            .to_owned();
        let dir = entry.path().parent().expect("a folder").to_path_buf();
        repos.push((dir, as_of));
    }
    repos
}

#[test]
fn messages_have_the_form_of_their_language_and_have_help() {
    let mut repos = vec![(example_root(), "2026-11-28".to_owned())];
    let fixtures = fixture_repositories();
    assert!(fixtures.len() >= SPEC.len(), "{} fixtures", fixtures.len());
    repos.extend(fixtures);
    let base = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for ((dir, as_of), lang) in repos.iter().flat_map(|r| [(r, "en"), (r, "sv")]) {
        let args = [
            "check".as_ref(),
            "--lang".as_ref(),
            lang.as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
            "--fail-on".as_ref(),
            "never".as_ref(),
            "--as-of".as_ref(),
            as_of.as_ref(),
            "--repo".as_ref(),
            dir.as_os_str(),
        ];
        let run = isms_in::<&std::ffi::OsStr>(dir, &args);
        let where_ = dir.strip_prefix(base).unwrap_or(dir).display().to_string();
        let json: Value = serde_json::from_str(&run.stdout)
            .unwrap_or_else(|e| panic!("{where_}: not JSON ({e}):\n{}{}", run.stdout, run.stderr));
        for f in json["findings"].as_array().expect("findings") {
            let code = f["code"].as_str().expect("a code");
            seen.insert(code.to_owned());
            let message = f["message"].as_str().unwrap_or_default();
            if message.is_empty() {
                problems.push(format!("{where_} {code}: empty message"));
            } else if let Some(p) = message_problem_in(lang, message) {
                problems.push(format!("{where_} {code} {lang}: message {p}: {message:?}"));
            }
            match f["help"].as_str() {
                Some(h) if !h.trim().is_empty() => {
                    // Help lines follow the message's form, except that an English one
                    // may start with a capital or a code.
                    if lang == "sv"
                        && let Some(p) = message_problem_in(lang, h)
                    {
                        problems.push(format!("{where_} {code} {lang}: help {p}: {h:?}"));
                    }
                }
                _ => problems.push(format!("{where_} {code}: no help for {message:?}")),
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
    // Every rule's wording was looked at: each fires somewhere above.
    let silent: Vec<&str> = metas()
        .iter()
        .map(|m| m.code)
        .filter(|c| !seen.contains(*c))
        .collect();
    assert!(silent.is_empty(), "rules that fired nowhere: {silent:?}");
}
