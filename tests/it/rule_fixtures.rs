//! Runs every rule against its fixture folder `tests/fixtures/rules/<CODE>/`.
//!
//! A fixture is a small repository (or several, one per subfolder holding `isms.toml`).
//! `isms.toml` starts with `# as-of: YYYY-MM-DD`. A line that ends in `# expect: CODE`
//! must get exactly one finding of CODE on that line; a line holding only
//! `# expect: CODE` expects one finding of CODE anywhere in that file. Any other finding
//! of CODE fails the test, as does a missing one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use isms::check::check;
use isms::model::Date;
use isms::repo::session::Session;
use isms::rules::{self, Selection};

fn fixtures_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

/// Every repository of a fixture folder.
fn cases(dir: &Path) -> Vec<PathBuf> {
    if dir.join("isms.toml").is_file() {
        return vec![dir.to_path_buf()];
    }
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("isms.toml").is_file())
        .collect();
    v.sort();
    v
}

#[derive(Debug, Default, PartialEq, Eq, PartialOrd, Ord, Clone)]
struct Expect {
    path: String,
    line: Option<u32>,
}

fn expectations(root: &Path, code: &str) -> Vec<Expect> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry.expect("walk");
        let p = entry.path();
        let is_record = matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml" | "toml")
        );
        if !entry.file_type().is_file() || !is_record {
            continue;
        }
        let rel = p
            .strip_prefix(root)
            .expect("prefix")
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(p).expect("read");
        for (i, line) in text.lines().enumerate() {
            let Some((before, marker)) = line.split_once("# expect:") else {
                continue;
            };
            if !marker.split([',', ' ']).any(|c| c.trim() == code) {
                continue;
            }
            let whole_file = before.trim().is_empty();
            out.push(Expect {
                path: rel.clone(),
                line: (!whole_file).then_some(i as u32 + 1),
            });
        }
    }
    out
}

fn as_of(root: &Path) -> Date {
    let text = std::fs::read_to_string(root.join("isms.toml")).expect("isms.toml");
    let line = text.lines().next().unwrap_or_default();
    let date = line.strip_prefix("# as-of:").unwrap_or_else(|| {
        panic!(
            "{}: isms.toml must start with `# as-of: YYYY-MM-DD`",
            root.display()
        )
    });
    Date::parse(date.trim()).expect("as-of date")
}

fn run_case(code: &str, root: &Path) -> Result<(), String> {
    let session = Session::open(root).map_err(|e| format!("{e:#}"))?;
    let selection = Selection::default();
    let result = check(&session, as_of(root), &selection);
    let mut found: Vec<Expect> = result
        .findings
        .iter()
        .filter(|d| d.code == code)
        .map(|d| Expect {
            path: d.path().unwrap_or_default().to_owned(),
            line: d.line(),
        })
        .collect();
    let problems: Vec<String> = result
        .findings
        .iter()
        .filter(|d| matches!(d.code, "REC001" | "REC002" | "REC003") && d.code != code)
        .map(|d| {
            format!(
                "{}:{:?} {} {}",
                d.path().unwrap_or_default(),
                d.line(),
                d.code,
                d.message
            )
        })
        .collect();
    if !problems.is_empty() {
        return Err(format!(
            "fixture has invalid records:\n  {}",
            problems.join("\n  ")
        ));
    }
    let mut missing = Vec::new();
    for e in expectations(root, code) {
        let hit = found
            .iter()
            .position(|f| f.path == e.path && (e.line.is_none() || f.line == e.line));
        match hit {
            Some(i) => {
                found.remove(i);
            }
            None => missing.push(e),
        }
    }
    if missing.is_empty() && found.is_empty() {
        return Ok(());
    }
    let messages: BTreeMap<String, String> = result
        .findings
        .iter()
        .filter(|d| d.code == code)
        .map(|d| {
            (
                format!("{}:{}", d.path().unwrap_or_default(), d.line().unwrap_or(0)),
                d.message.clone(),
            )
        })
        .collect();
    Err(format!(
        "missing: {missing:?}\nextra: {found:?}\nall {code} findings: {messages:#?}"
    ))
}

#[test]
fn every_rule_fires_where_marked_and_nowhere_else() {
    let mut failures = Vec::new();
    for rule in rules::all() {
        let code = rule.meta().code;
        let dir = fixtures_root().join(code);
        if !dir.is_dir() {
            continue; // `every_rule_has_a_fixture` reports these.
        }
        let cases = cases(&dir);
        if cases.is_empty() {
            failures.push(format!(
                "{code}: no repository (isms.toml) in {}",
                dir.display()
            ));
        }
        for case in cases {
            let has_expect = !expectations(&case, code).is_empty();
            if let Err(e) = run_case(code, &case) {
                failures.push(format!("{code} {}:\n{e}", case.display()));
            }
            let _ = has_expect;
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn every_rule_has_a_fixture_that_fires() {
    let mut missing = Vec::new();
    for rule in rules::all() {
        let code = rule.meta().code;
        let dir = fixtures_root().join(code);
        let fires = dir.is_dir()
            && cases(&dir)
                .iter()
                .any(|c| !expectations(c, code).is_empty());
        if !fires {
            missing.push(code);
        }
    }
    assert!(
        missing.is_empty(),
        "rules without a firing fixture: {missing:?}"
    );
}
