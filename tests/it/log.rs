//! `isms log KIND ID`: a record's history on real git repositories made in the test: a
//! classification raised, its file renamed (the history goes on across the rename), a
//! commit that touches only a comment (left out), a record in a file of several, JSON,
//! both languages, an unknown id, no git repository, a shallow clone, a hostile subject,
//! and the example with an asset changed and its file renamed.

use std::path::Path;

use serde_json::Value;

use crate::baseline::{commit_on, git_with_env};
use crate::support::{Run, TempRepo, isms_in, isms_outside_git};

/// Anna Andersson, author and committer of the test's commits.
const ANNA: [(&str, &str); 4] = [
    ("GIT_AUTHOR_NAME", "Anna Andersson"),
    ("GIT_AUTHOR_EMAIL", "anna@example.org"),
    ("GIT_COMMITTER_NAME", "Anna Andersson"),
    ("GIT_COMMITTER_EMAIL", "anna@example.org"),
];

/// Runs `git ARGS` in `dir` as Anna Andersson, author and committer, on `day` at 10:00
/// (so commits, and the output that shows them, are the same in every run), with `env`
/// added; returns its output.
fn git_on(dir: &Path, day: &str, args: &[&str], env: &[(&str, &str)]) -> String {
    let date = format!("{day}T10:00:00+01:00");
    let mut all = ANNA.to_vec();
    all.extend([
        ("GIT_AUTHOR_DATE", date.as_str()),
        ("GIT_COMMITTER_DATE", &date),
    ]);
    all.extend_from_slice(env);
    git_with_env(dir, args, &all)
}

/// Commits everything in `dir` on `day` with `subject`.
fn commit(dir: &Path, day: &str, subject: &str) {
    commit_as(dir, day, subject, &[]);
}

/// [`commit`] with `env` added (another committer, say).
fn commit_as(dir: &Path, day: &str, subject: &str, env: &[(&str, &str)]) {
    let mut all = ANNA.to_vec();
    all.extend_from_slice(env);
    commit_on(dir, day, subject, &all);
}

const CLASSIFICATION: &str = "\
kind: classification
id: procapita-2026
asset: procapita
date: 2026-01-10
method: KLASSA 4
classified_by: Frida Fors
confidentiality: 2
integrity: 3
availability: 3
";

const UNITS: &str = "\
kind: unit
id: socialnamnden
name: Socialnämnden
type: committee
---
kind: unit
id: kulturnamnden
name: Kulturnämnden
type: committee
";

/// A repository with five commits: the first holds a classification and two units in one
/// file; the second raises the classification's confidentiality from 2 to 3 and renames
/// one of the units; the third only adds a comment; the fourth renames the
/// classification's file; the fifth, committed by someone else, changes its integrity.
fn history_repo() -> TempRepo {
    let repo = TempRepo::empty();
    let dir = repo.path();
    repo.write("isms.toml", "organisation = \"Testa kommun\"\n")
        .write("classifications/procapita-2026.yaml", CLASSIFICATION)
        .write("units/units.yaml", UNITS);
    git_on(dir, "2026-01-10", &["init", "-q"], &[]);
    commit(dir, "2026-01-10", "Classify Procapita");
    repo.replace(
        "classifications/procapita-2026.yaml",
        "confidentiality: 2",
        "confidentiality: 3",
    )
    .replace(
        "units/units.yaml",
        "Kulturnämnden",
        "Kultur- och fritidsnämnden",
    );
    commit(dir, "2026-02-01", "Raise the confidentiality of Procapita");
    repo.replace(
        "classifications/procapita-2026.yaml",
        "method: KLASSA 4\n",
        "method: KLASSA 4 # the municipality's licence\n",
    );
    commit(dir, "2026-03-01", "A comment on the method");
    git_on(
        dir,
        "2026-04-01",
        &[
            "mv",
            "classifications/procapita-2026.yaml",
            "classifications/procapita.yaml",
        ],
        &[],
    );
    commit(dir, "2026-04-01", "Name the file after the asset");
    repo.replace(
        "classifications/procapita.yaml",
        "integrity: 3",
        "integrity: 4",
    );
    commit_as(
        dir,
        "2026-05-01",
        "Raise the integrity of Procapita",
        &[
            ("GIT_COMMITTER_NAME", "Bo Berg"),
            ("GIT_COMMITTER_EMAIL", "bo@example.org"),
        ],
    );
    repo
}

/// `isms log ARGS` on `repo`, which must succeed.
fn log(repo: &TempRepo, args: &[&str]) -> Run {
    let mut all = vec!["log"];
    all.extend(args);
    let run = repo.isms(&all);
    assert_eq!(run.code, Some(0), "{args:?}: {}{}", run.stdout, run.stderr);
    run
}

/// The JSON of `isms log KIND ID --format json`.
fn log_json(repo: &TempRepo, kind: &str, id: &str) -> Value {
    let run = log(repo, &[kind, id, "--format", "json"]);
    serde_json::from_str(&run.stdout).expect("JSON")
}

/// The table with each commit's short id replaced by `<id>`: ids depend on git's object
/// format and on every byte committed, which is not what these tests are about.
fn without_ids(table: &str, json: &Value) -> String {
    let mut out = table.to_owned();
    for c in json["commits"].as_array().expect("commits") {
        let short = c["short_commit"].as_str().expect("short id");
        out = out.replace(&format!("  {short}  "), "  <id>  ");
    }
    out
}

#[test]
fn a_raised_classification_across_a_rename_in_english() {
    let repo = history_repo();
    let run = log(&repo, &["classification", "PROCAPITA-2026", "--lang", "en"]);
    let json = log_json(&repo, "classification", "procapita-2026");
    assert_eq!(
        without_ids(&run.stdout, &json),
        "\
History of classification procapita-2026 (classifications/procapita.yaml)

2026-05-01  <id>  Anna Andersson  [unsigned]  Raise the integrity of Procapita
    committed by Bo Berg on 2026-05-01
    ~ integrity: 3 → 4

2026-04-01  <id>  Anna Andersson  [unsigned]  Name the file after the asset
    moved from classifications/procapita-2026.yaml to classifications/procapita.yaml

2026-02-01  <id>  Anna Andersson  [unsigned]  Raise the confidentiality of Procapita
    ~ confidentiality: 2 → 3

2026-01-10  <id>  Anna Andersson  [unsigned]  Classify Procapita
    added in classifications/procapita-2026.yaml
    + asset: procapita
    + availability: 3
    + classified_by: Frida Fors
    + confidentiality: 2
    + date: 2026-01-10
    + id: procapita-2026
    + integrity: 3
    + kind: classification
    + method: KLASSA 4

4 commits changed the record
"
    );
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn the_json_shape() {
    let repo = history_repo();
    let json = log_json(&repo, "classifications", "procapita-2026");
    let keys: Vec<&str> = json
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["kind", "id", "path", "commits"]);
    assert_eq!(json["kind"], "classification");
    assert_eq!(json["id"], "procapita-2026");
    assert_eq!(json["path"], "classifications/procapita.yaml");
    let commits = json["commits"].as_array().expect("commits");
    let changes: Vec<&str> = commits
        .iter()
        .map(|c| c["change"].as_str().expect("change"))
        .collect();
    assert_eq!(changes, ["changed", "renamed", "changed", "added"]);
    let newest = &commits[0];
    let keys: Vec<&str> = newest
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "commit",
            "short_commit",
            "date",
            "author",
            "committer",
            "subject",
            "signature",
            "path",
            "renamed_from",
            "change",
            "fields"
        ]
    );
    let commit = newest["commit"].as_str().expect("commit");
    assert!(commit.len() >= 40 && commit.starts_with(newest["short_commit"].as_str().unwrap()));
    assert_eq!(newest["date"], "2026-05-01T10:00:00+01:00");
    assert_eq!(
        newest["author"],
        serde_json::json!({"name": "Anna Andersson", "email": "anna@example.org"})
    );
    assert_eq!(
        newest["committer"],
        serde_json::json!({"name": "Bo Berg", "email": "bo@example.org", "date": "2026-05-01T10:00:00+01:00"})
    );
    assert_eq!(newest["signature"], "none");
    assert_eq!(newest["renamed_from"], Value::Null);
    assert_eq!(
        newest["fields"],
        serde_json::json!([{"field": "integrity", "change": "changed", "old": 3, "new": 4}])
    );
    assert_eq!(
        commits[1]["renamed_from"],
        "classifications/procapita-2026.yaml"
    );
    assert_eq!(commits[1]["path"], "classifications/procapita.yaml");
    assert_eq!(commits[1]["fields"], serde_json::json!([]));
    assert_eq!(commits[3]["path"], "classifications/procapita-2026.yaml");
    assert_eq!(commits[3]["fields"][0]["old"], Value::Null);
    // The comment-only commit is not there.
    assert!(
        commits
            .iter()
            .all(|c| c["subject"] != "A comment on the method")
    );
    // Deterministic, and the same whatever the language.
    let again = log(
        &repo,
        &[
            "classification",
            "procapita-2026",
            "--format",
            "json",
            "--lang",
            "en",
        ],
    );
    assert_eq!(
        serde_json::from_str::<Value>(&again.stdout).expect("JSON"),
        json
    );
    let bytes = log(
        &repo,
        &["classification", "procapita-2026", "--format", "json"],
    )
    .stdout;
    assert_eq!(
        bytes,
        log(
            &repo,
            &["classification", "procapita-2026", "--format", "json"]
        )
        .stdout
    );
}

#[test]
fn in_swedish_by_default() {
    let repo = history_repo();
    let run = log(&repo, &["classification", "procapita-2026"]);
    let out = &run.stdout;
    assert!(
        out.starts_with("Historik för klassning procapita-2026 (classifications/procapita.yaml)\n"),
        "{out}"
    );
    assert!(out.contains("[osignerad]"), "{out}");
    assert!(
        out.contains("    incheckad av Bo Berg 2026-05-01\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "    flyttad från classifications/procapita-2026.yaml till classifications/procapita.yaml\n"
        ),
        "{out}"
    );
    assert!(out.contains("    ~ confidentiality: 2 → 3\n"), "{out}");
    assert!(
        out.contains("    tillagd i classifications/procapita-2026.yaml\n"),
        "{out}"
    );
    assert!(
        out.ends_with("Posten har ändrats i fyra incheckningar.\n"),
        "{out}"
    );
}

/// A record in a file of several: a commit that changes another record of the file is
/// not the record's history; one that changes it is.
#[test]
fn a_record_among_several_in_one_file() {
    let repo = history_repo();
    let json = log_json(&repo, "unit", "socialnamnden");
    let subjects: Vec<&str> = json["commits"]
        .as_array()
        .expect("commits")
        .iter()
        .map(|c| c["subject"].as_str().expect("subject"))
        .collect();
    assert_eq!(subjects, ["Classify Procapita"]);
    assert_eq!(json["path"], "units/units.yaml");
    let run = log(&repo, &["unit", "kulturnamnden", "--lang", "en"]);
    let json = log_json(&repo, "unit", "kulturnamnden");
    let table = without_ids(&run.stdout, &json);
    assert!(
        table.starts_with(
            "History of unit kulturnamnden – Kultur- och fritidsnämnden (units/units.yaml)\n\n\
             2026-02-01  <id>  Anna Andersson  [unsigned]  Raise the confidentiality of Procapita\n\
             \x20   ~ name: Kulturnämnden → Kultur- och fritidsnämnden\n\n"
        ),
        "{table}"
    );
    assert!(table.ends_with("2 commits changed the record\n"), "{table}");
}

/// A record taken out of its file shows as removed, and one put back as added.
#[test]
fn a_record_removed_from_its_file_and_put_back() {
    let repo = history_repo();
    repo.write(
        "units/units.yaml",
        UNITS.split("---\n").next().expect("first"),
    );
    commit(repo.path(), "2026-06-01", "Kulturnämnden moves out");
    repo.write("units/units.yaml", UNITS);
    commit(repo.path(), "2026-07-01", "Kulturnämnden is back");
    let json = log_json(&repo, "unit", "kulturnamnden");
    let changes: Vec<(&str, &str)> = json["commits"]
        .as_array()
        .expect("commits")
        .iter()
        .map(|c| {
            (
                c["change"].as_str().unwrap(),
                c["subject"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        changes,
        [
            ("added", "Kulturnämnden is back"),
            ("removed", "Kulturnämnden moves out"),
            ("changed", "Raise the confidentiality of Procapita"),
            ("added", "Classify Procapita"),
        ]
    );
    let removed = &json["commits"][1]["fields"];
    assert!(
        removed
            .as_array()
            .expect("fields")
            .iter()
            .all(|f| f["change"] == "removed" && f["new"].is_null()),
        "{removed}"
    );
}

#[test]
fn an_unknown_id_or_kind_is_refused_with_a_suggestion() {
    let repo = history_repo();
    let run = repo.isms(&["log", "classification", "procapita-2062", "--lang", "en"]);
    run.assert_refused(
        "no classification has the id `procapita-2062`; did you mean `procapita-2026`?",
    );
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    let run = repo.isms(&["log", "classification", "procapita-2062"]);
    run.assert_refused(
        "Det finns ingen post av typen klassning med id:t procapita-2062. Menade du procapita-2026?",
    );
    let run = repo.isms(&["log", "clasification", "procapita-2026", "--lang", "en"]);
    run.assert_refused("unknown kind `clasification`; did you mean `classification`?");
    // Nothing the user writes reaches git as an option.
    let run = isms_in(repo.path(), &["log", "unit", "--", "--output=x"]);
    run.assert_refused("is not an id");
    assert!(!repo.path().join("x").exists());
}

#[test]
fn outside_a_git_repository() {
    let repo = TempRepo::empty();
    repo.write("isms.toml", "organisation = \"Testa kommun\"\n")
        .write("units/units.yaml", UNITS);
    let run = isms_outside_git(&repo, &["log", "unit", "socialnamnden", "--lang", "en"]);
    run.assert_refused("isms log needs a git repository, and the ISMS repository is not in one");
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

/// A record not yet committed has no history, nor has any before the first commit; one
/// committed in a subfolder ISMS shows paths from the top of the work tree.
#[test]
fn a_record_not_committed_and_a_subfolder() {
    let repo = history_repo();
    repo.write(
        "units/ny.yaml",
        "kind: unit\nid: ny\nname: Ny\ntype: committee\n",
    );
    let run = log(&repo, &["unit", "ny", "--lang", "en"]);
    assert_eq!(
        run.stdout,
        "History of unit ny – Ny (units/ny.yaml)\n\nno commit holds the record yet\n"
    );
    // Before the first commit, no record has a history.
    let fresh = TempRepo::empty();
    fresh
        .write("isms.toml", "organisation = \"Testa kommun\"\n")
        .write("units/units.yaml", UNITS);
    git_on(fresh.path(), "2026-01-10", &["init", "-q"], &[]);
    let run = log(&fresh, &["unit", "socialnamnden", "--lang", "en"]);
    assert!(
        run.stdout.ends_with("\n\nno commit holds the record yet\n"),
        "{}",
        run.stdout
    );
    let top = TempRepo::empty();
    top.write("lis/isms.toml", "organisation = \"Testa kommun\"\n")
        .write("lis/units/units.yaml", UNITS);
    git_on(top.path(), "2026-01-10", &["init", "-q"], &[]);
    commit(top.path(), "2026-01-10", "The ISMS");
    let lis = top.path().join("lis");
    let run = isms_in(&lis, &["log", "unit", "socialnamnden", "--format", "json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let json: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(json["path"], "lis/units/units.yaml");
    assert_eq!(json["commits"][0]["change"], "added");
}

/// A subject with an escape sequence prints it as visible characters in the table; JSON
/// keeps it as it is (escaped by JSON).
#[test]
fn a_hostile_subject_is_made_visible() {
    let repo = history_repo();
    repo.replace(
        "units/units.yaml",
        "type: committee\n---",
        "type: board\n---",
    );
    commit(
        repo.path(),
        "2026-06-01",
        "\u{1b}]0;owned\u{7}\u{1b}[2J\u{1b}[31mrewrite history",
    );
    let run = log(&repo, &["unit", "socialnamnden", "--lang", "en"]);
    assert!(!run.stdout.contains('\u{1b}'), "{:?}", run.stdout);
    assert!(!run.stdout.contains('\u{7}'), "{:?}", run.stdout);
    assert!(
        run.stdout
            .contains("[unsigned]  ␛]0;owned␇␛[2J␛[31mrewrite history\n"),
        "{}",
        run.stdout
    );
    let json = log_json(&repo, "unit", "socialnamnden");
    assert_eq!(
        json["commits"][0]["subject"],
        "\u{1b}]0;owned\u{7}\u{1b}[2J\u{1b}[31mrewrite history"
    );
}

/// A shallow clone shows the history it holds, then says on standard error how to fetch
/// the rest.
#[test]
fn a_shallow_clone_shows_what_it_holds_and_says_how_to_fetch_the_rest() {
    let repo = history_repo();
    let clone = TempRepo::empty();
    let url = format!("file://{}", repo.path().display());
    git_on(
        clone.path(),
        "2026-06-01",
        &["clone", "-q", "--depth", "2", &url, "c"],
        &[],
    );
    let dir = clone.path().join("c");
    let run = isms_in(
        &dir,
        &[
            "log",
            "classification",
            "procapita-2026",
            "--lang",
            "en",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let json: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let subjects: Vec<&str> = json["commits"]
        .as_array()
        .expect("commits")
        .iter()
        .map(|c| c["subject"].as_str().expect("subject"))
        .collect();
    assert_eq!(
        subjects,
        [
            "Raise the integrity of Procapita",
            "Name the file after the asset"
        ]
    );
    assert!(
        run.stderr.contains("this clone is shallow"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("fetch-depth: 0"), "{}", run.stderr);
    // The full repository says nothing of the kind.
    let full = log(&repo, &["classification", "procapita-2026", "--lang", "en"]);
    assert!(full.stderr.is_empty(), "{}", full.stderr);
}

/// The example committed, then an asset changed with its classification raised, then the
/// asset's file renamed: `isms log asset` follows the asset across the rename.
#[test]
fn an_asset_of_the_example() {
    let repo = TempRepo::example();
    let dir = repo.path();
    git_on(dir, "2026-01-10", &["init", "-q"], &[]);
    commit(dir, "2026-01-10", "The example");
    repo.replace(
        "assets/diarium.yaml",
        "countries: [SE]",
        "countries: [SE, FI]",
    )
    .replace(
        "assets/diarium.yaml",
        "personal_data: sensitive",
        "personal_data: ordinary",
    )
    .replace(
        "classifications/diarium.yaml",
        "confidentiality: 3",
        "confidentiality: 4",
    );
    commit(dir, "2026-02-01", "Reclassify the diarium");
    git_on(
        dir,
        "2026-03-01",
        &["mv", "assets/diarium.yaml", "assets/castor.yaml"],
        &[],
    );
    commit(dir, "2026-03-01", "Name the file after the system");
    let run = log(&repo, &["asset", "diarium", "--lang", "en"]);
    let json = log_json(&repo, "asset", "diarium");
    let table = without_ids(&run.stdout, &json);
    assert!(
        table.starts_with(
            "\
History of asset diarium – Ärende- och dokumenthanteringssystemet Castor (diarium) (assets/castor.yaml)

2026-03-01  <id>  Anna Andersson  [unsigned]  Name the file after the system
    moved from assets/diarium.yaml to assets/castor.yaml

2026-02-01  <id>  Anna Andersson  [unsigned]  Reclassify the diarium
    ~ hosting.countries: [SE] → [SE, FI]
    ~ personal_data: sensitive → ordinary

2026-01-10  <id>  Anna Andersson  [unsigned]  The example
    added in assets/diarium.yaml
    + administrator: Ulrika Fransson
"
        ),
        "{table}"
    );
    assert!(
        table.contains(
            "    + measures: [integritetskontroller, aterlasningstest, redundant-datorhall]\n"
        ),
        "{table}"
    );
    assert!(
        table.ends_with("\n3 commits changed the record\n"),
        "{table}"
    );
    let classification = log(&repo, &["classification", "diarium-2024", "--lang", "en"]);
    assert!(
        classification
            .stdout
            .contains("Reclassify the diarium\n    ~ confidentiality: 3 → 4\n"),
        "{}",
        classification.stdout
    );
}
