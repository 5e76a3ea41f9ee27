//! The rules' messages are data in two languages: every rule has its templates in Swedish
//! and English, every finding is said through one, and a template names only values the
//! finding has. Findings come from both example repositories and every rule's fixture.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use isms::check;
use isms::config::Language;
use isms::diagnostic::Diagnostic;
use isms::l10n;
use isms::model::Date;
use isms::repo::Session;
use isms::rules::{self, Selection};

/// Every repository with findings to say: the examples and each fixture's repositories.
fn repositories() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut repos = vec![
        root.join("examples/sjobacka"),
        root.join("examples/norrvik"),
    ];
    for entry in walkdir::WalkDir::new(root.join("tests/fixtures/rules")).sort_by_file_name() {
        let entry = entry.expect("fixtures");
        if entry.file_name() == "isms.toml" {
            repos.push(entry.path().parent().expect("a folder").to_path_buf());
        }
    }
    repos
}

/// A fixture's own as-of date (`# as-of:` on the first line of its `isms.toml`).
fn own_date(root: &Path) -> Option<Date> {
    let text = std::fs::read_to_string(root.join("isms.toml")).ok()?;
    let date = text.lines().next()?.strip_prefix("# as-of:")?;
    Date::parse(date.trim()).ok()
}

/// Every finding (waived ones too) of every repository, at its own date and two others.
fn findings() -> Vec<(String, Diagnostic)> {
    let mut all = Vec::new();
    for repo in repositories() {
        let Ok(session) = Session::open(&repo) else {
            continue;
        };
        let mut dates: Vec<Date> = ["2024-11-12", "2026-11-28"]
            .iter()
            .map(|d| Date::parse(d).expect("date"))
            .collect();
        dates.extend(own_date(&repo));
        for as_of in dates {
            let result = check::check(&session, as_of, &Selection::default());
            let place = format!("{} as of {as_of}", repo.display());
            for d in result.findings.into_iter().chain(result.waived) {
                all.push((place.clone(), d));
            }
        }
    }
    all
}

fn sources(lang: usize) -> &'static [l10n::Source] {
    rules::MESSAGES[lang]
}

#[test]
fn every_rule_has_its_messages_in_swedish_and_english() {
    let [sv, en] = [0, 1].map(|l| {
        l10n::message_ids(sources(l))
            .into_iter()
            .collect::<BTreeSet<_>>()
    });
    let only_sv: Vec<_> = sv.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&sv).collect();
    assert!(
        only_sv.is_empty() && only_en.is_empty(),
        "messages in one language only: Swedish {only_sv:?}, English {only_en:?}"
    );
    let codes: Vec<&str> = rules::all().iter().map(|r| r.meta().code).collect();
    let missing: Vec<&&str> = codes
        .iter()
        .filter(|c| !en.iter().any(|id| is_of(id, c)))
        .collect();
    assert!(missing.is_empty(), "rules without messages: {missing:?}");
    let stray: Vec<&String> = en
        .iter()
        .filter(|id| !codes.iter().any(|c| is_of(id, c)))
        .collect();
    assert!(stray.is_empty(), "messages of no rule: {stray:?}");
}

/// Whether message `id` is rule `code`'s: `CODE` or `CODE-variant`.
fn is_of(id: &str, code: &str) -> bool {
    id == code || id.strip_prefix(code).is_some_and(|v| v.starts_with('-'))
}

#[test]
fn every_finding_is_said_through_a_template_that_names_only_its_values() {
    let catalogue = rules::messages();
    let mut problems = BTreeMap::<String, String>::new();
    let mut used = BTreeSet::new();
    for (place, d) in findings() {
        if d.template.is_empty() {
            problems
                .entry(format!("{} has no template", d.code))
                .or_insert(format!("{place}: {}", d.message));
            continue;
        }
        used.insert(d.template);
        let args = rules::template_args(&d);
        for lang in [Language::Sv, Language::En] {
            for attr in [None, Some("help")] {
                for e in catalogue.errors(lang, d.template, attr, &args) {
                    if e.contains("no message") && attr.is_some() {
                        continue;
                    }
                    problems
                        .entry(format!("{} {} {attr:?}: {e}", d.template, lang.as_str()))
                        .or_insert(format!("{place}: figures {:?}", d.figures));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
    let unused: Vec<String> = l10n::message_ids(sources(1))
        .into_iter()
        .filter(|id| !used.contains(id.as_str()))
        .collect();
    assert!(
        unused.is_empty(),
        "templates that no example or fixture says (add a fixture case): {unused:?}"
    );
}

#[test]
fn swedish_messages_are_free_of_backticks() {
    for source in sources(0) {
        for (n, line) in source.text.lines().enumerate() {
            assert!(
                line.starts_with('#') || !line.contains('`'),
                "{}:{}: a backtick in Swedish text: {line}",
                source.name,
                n + 1
            );
        }
    }
}

/// The Swedish board papers and `check` in a Swedish repository carry no rule message or
/// help line in English: every English text a finding of the example can have is looked
/// for in them, and so are the words English sentences cannot do without.
#[test]
fn swedish_outputs_of_the_examples_carry_no_english_message() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for example in ["sjobacka", "norrvik"] {
        let repo = root.join("examples").join(example);
        let repo = repo.to_str().expect("a UTF-8 path");
        let common = ["--repo", repo, "--as-of", "2026-11-28"];
        let run = |args: &[&str]| {
            let args: Vec<&str> = args.iter().chain(&common).copied().collect();
            let run = crate::support::isms_in(root, &args);
            assert!(matches!(run.code, Some(0 | 1)), "{args:?}: {}", run.stderr);
            run.stdout
        };
        let json = run(&[
            "check",
            "--lang",
            "en",
            "--format",
            "json",
            "--fail-on",
            "never",
        ]);
        let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        let english: BTreeSet<String> = json["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .flat_map(|f| [&f["message"], &f["help"]])
            .filter_map(|t| t.as_str().map(str::to_owned))
            .collect();
        assert!(english.len() > 20, "{example}: too few findings to tell");

        let mut outputs = vec![("check".to_owned(), run(&["check", "--fail-on", "never"]))];
        for report in ["management", "audit", "plan"] {
            outputs.push((report.into(), run(&["report", report, "--lang", "sv"])));
        }
        for unit in
            std::fs::read_dir(root.join("examples").join(example).join("units")).expect("units")
        {
            let path = unit.expect("a unit").path();
            let id = path
                .file_stem()
                .and_then(|s| s.to_str())
                .expect("an id")
                .to_owned();
            let page = run(&["report", "unit", &id, "--lang", "sv"]);
            outputs.push((format!("unit {id}"), page));
        }
        for (name, text) in &outputs {
            for message in &english {
                assert!(
                    !text.contains(message.as_str()),
                    "{example} {name} carries the English {message:?}"
                );
            }
            for word in [" the ", " was ", " has no ", " older than ", " missing "] {
                assert!(
                    !text.contains(word),
                    "{example} {name} carries English ({word:?}): {}",
                    text.lines().find(|l| l.contains(word)).unwrap_or_default()
                );
            }
        }
    }
}
