//! A finding's identity (rule, record, subject; `Diagnostic::fingerprint`) names one gap:
//! no two findings of a run share it, on every example repository and every rule's
//! fixture, and edits that do not change the gap keep it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use isms::check;
use isms::model::Date;
use isms::repo::Session;
use isms::rules::Selection;

use crate::support::TempRepo;

fn repositories() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut repos = vec![
        root.join("examples/sjobacka"),
        root.join("examples/norrvik"),
    ];
    let fixtures = root.join("tests/fixtures/rules");
    let mut codes: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .expect("fixtures")
        .map(|e| e.expect("fixture").path())
        .collect();
    codes.sort();
    repos.extend(codes);
    repos
}

/// The fingerprints of a check of `root` as of `as_of`, each with the findings that have it.
fn fingerprints(root: &Path, as_of: &str) -> BTreeMap<String, Vec<String>> {
    let session = Session::open(root).expect("repository");
    let as_of = Date::parse(as_of).expect("date");
    let mut by_print: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for d in check::check(&session, as_of, &Selection::default()).findings {
        by_print.entry(d.fingerprint()).or_default().push(format!(
            "{} {:?} {:?}: {}",
            d.code, d.id, d.subject, d.message
        ));
    }
    by_print
}

#[test]
fn no_two_findings_of_a_run_share_an_identity() {
    let mut shared = Vec::new();
    for repo in repositories() {
        for as_of in ["2024-11-12", "2026-11-28"] {
            for (_, findings) in fingerprints(&repo, as_of) {
                if findings.len() > 1 {
                    shared.push(format!("{} as of {as_of}: {findings:#?}", repo.display()));
                }
            }
        }
    }
    assert!(
        shared.is_empty(),
        "findings that share an identity: {shared:#?}"
    );
}

#[test]
fn renaming_an_asset_and_moving_its_lines_keep_every_identity() {
    let repo = TempRepo::example();
    let before: Vec<String> = fingerprints(repo.path(), "2026-11-28")
        .into_keys()
        .collect();
    // A new display name, and a comment that moves every line of the file down.
    let assets = repo.path().join("assets");
    let mut renamed = 0;
    for entry in std::fs::read_dir(&assets).expect("assets") {
        let path = entry.expect("asset").path();
        let rel = format!(
            "assets/{}",
            path.file_name().expect("name").to_string_lossy()
        );
        let text = repo.read(&rel);
        if let Some(line) = text.lines().find(|l| l.starts_with("name: ")) {
            let new = text.replace(line, &format!("{line} (nytt namn)"));
            repo.write(&rel, format!("# Flyttad\n# rad\n{new}"));
            renamed += 1;
        }
    }
    assert!(renamed > 10, "{renamed} assets renamed");
    let after: Vec<String> = fingerprints(repo.path(), "2026-11-28")
        .into_keys()
        .collect();
    assert_eq!(before, after);
}
