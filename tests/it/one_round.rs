//! A record's independent problems come in one run: its schema errors, its impossible dates,
//! its unknown countries and its references to missing records are all reported by the
//! first `isms validate`, not one kind of problem per run as each is fixed.

use crate::support::{TempRepo, example_records};

/// The findings of a run as `(code, place)`, in output order.
fn findings(stdout: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut code = None;
    for line in stdout.lines() {
        if let Some(rest) = line
            .split_once('[')
            .filter(|(lead, _)| matches!(*lead, "error" | "warning" | "info"))
        {
            code = rest.1.split(']').next().map(str::to_owned);
        } else if let (Some(place), Some(c)) = (line.trim_start().strip_prefix("--> "), &code) {
            out.push((c.clone(), place.to_owned()));
            code = None;
        }
    }
    out
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(c, p)| ((*c).to_owned(), (*p).to_owned()))
        .collect()
}

/// `validate` on `repo` exits 2 with exactly these findings (code, `path:line:col`), in
/// order; the run, for what else a test looks at.
fn refused_with(repo: &TempRepo, expected: &[(&str, &str)]) -> crate::support::Run {
    let run = repo.validate();
    assert_eq!(run.code, Some(2), "{}{}", run.stdout, run.stderr);
    assert_eq!(findings(&run.stdout), pairs(expected), "{}", run.stdout);
    run
}

/// The case: one asset with an impossible date, a country that is not one and a
/// misspelt unit gets all three findings in the first run.
#[test]
fn a_bad_date_an_unknown_country_and_a_dangling_reference_in_one_run() {
    let repo = TempRepo::example();
    repo.write(
        "assets/lonesystem.yaml",
        "kind: asset
id: lonesystem
name: Lönesystem
type: system
unit: kommunledningsforvaltning
hosting:
  model: saas
  countries: [SE, UK]
waivers:
  - rule: CLD001
    reason: Avtalet omförhandlas
    until: 2026-02-30
",
    );
    let run = refused_with(
        &repo,
        &[
            ("REC003", "assets/lonesystem.yaml:5:7"),
            ("REC001", "assets/lonesystem.yaml:8:19"),
            ("REC001", "assets/lonesystem.yaml:12:12"),
        ],
    );
    // The invalid record still counts, and still exists for references to it.
    assert_eq!(run.records(), example_records() + 1);
    insta::assert_snapshot!(run.diagnostics());
}

/// The classification: a field that is not one, an impossible date and a misspelt
/// asset, all in the first run.
#[test]
fn a_classification_with_a_schema_error_a_bad_date_and_a_misspelt_asset() {
    let repo = TempRepo::example();
    repo.write(
        "classifications/lonsystem-2026.yaml",
        "kind: classification
id: lonsystem-2026
asset: hr-lonsystem
date: 2026-13-01
confidentiality: 2
integrity: 2
availability: 2
classifed_by: Ulla Nord
",
    );
    let run = refused_with(
        &repo,
        &[
            ("REC003", "classifications/lonsystem-2026.yaml:3:8"),
            ("REC001", "classifications/lonsystem-2026.yaml:4:7"),
            ("REC001", "classifications/lonsystem-2026.yaml:8:1"),
        ],
    );
    assert!(
        run.stdout.contains("did you mean `hr-lonesystem`?"),
        "{}",
        run.stdout
    );
}

/// A date-time of the right form that is not in the calendar is the model's to find; it is
/// found with the schema's errors, not after they are fixed.
#[test]
fn an_impossible_date_time_comes_with_the_schema_errors() {
    let repo = TempRepo::example();
    repo.write(
        "incidents/inc-falsk.yaml",
        "kind: incident
id: inc-falsk
title: Falsklarm
type: it
severity: severe
detected: 2026-02-30T10:00
status: open
",
    );
    let run = refused_with(
        &repo,
        &[
            ("REC001", "incidents/inc-falsk.yaml:5:11"),
            ("REC001", "incidents/inc-falsk.yaml:6:11"),
        ],
    );
    assert!(
        run.stdout.contains("not a valid date-time"),
        "{}",
        run.stdout
    );
}

/// A reference whose value has a problem of its own (the wrong type, an id that breaks
/// the pattern) is the schema's finding only: no second finding says it is missing.
#[test]
fn a_reference_of_the_wrong_form_is_not_also_missing() {
    let repo = TempRepo::example();
    repo.write(
        "assets/lonesystem.yaml",
        "kind: asset
id: lonesystem
name: Lönesystem
type: system
unit: kommunledningsförvaltningen
supports: ad-identitet
",
    );
    let run = repo.validate();
    assert_eq!(run.code, Some(2), "{}{}", run.stdout, run.stderr);
    let found = findings(&run.stdout);
    assert!(
        found.iter().all(|(code, _)| code == "REC001"),
        "{}",
        run.stdout
    );
    assert_eq!(found.len(), 2, "{}", run.stdout);
}
