//! `isms report --compare REV`: the key figures at a git revision next to today's, with the
//! change; the audit verdicts at the revision; errors as for `check --baseline`.

use serde_json::Value;

use crate::baseline::{committed_example, git};
use crate::support::{Run, TempRepo, isms_outside_git};

const AS_OF: &str = "2026-11-28";

/// A classification for the critical asset `trygghetslarm`, which has none in the example.
const CLASSIFICATION: &str = "\
kind: classification
id: trygghetslarm-2026
asset: trygghetslarm
date: 2026-10-01
method: KLASSA 4
classified_by: Linnea Ek
confidentiality: 3
integrity: 3
availability: 3
traceability: 2
rationale: Larm med känsliga personuppgifter.
";

/// The committed example with `trygghetslarm` classified in the work tree only.
fn classified_since_head() -> TempRepo {
    let repo = committed_example();
    repo.write("classifications/trygghetslarm.yaml", CLASSIFICATION);
    repo
}

fn report(repo: &TempRepo, args: &[&str]) -> Run {
    let mut all = vec!["report"];
    all.extend(args);
    all.extend(["--as-of", AS_OF]);
    let run = repo.isms(&all);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    run
}

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).expect("JSON")
}

/// The key figure of audit question `q` in a list of key-figure rows.
fn figure(rows: &Value, q: u64) -> &Value {
    rows.as_array()
        .expect("rows")
        .iter()
        .find(|r| r["question"] == q)
        .expect("the question's row")
}

#[test]
fn the_management_review_shows_the_change_of_the_classification_figure() {
    let repo = committed_example();
    let then = json(&report(&repo, &["--format", "json"]));
    repo.write("classifications/trygghetslarm.yaml", CLASSIFICATION);
    let now = json(&report(&repo, &["--format", "json", "--compare", "HEAD"]));

    let before = figure(&then["key_figures"], 6)["value"]
        .as_f64()
        .expect("value");
    let row = figure(&now["key_figures"], 6);
    let after = row["value"].as_f64().expect("value");
    assert!(after > before, "{before} -> {after}");
    let points = (after * 100.0).round() as i64 - (before * 100.0).round() as i64;
    assert!(points > 0);
    assert_eq!(row["change_text"], format!("+{points} p.e."));
    assert_eq!(
        row["before_text"],
        figure(&then["key_figures"], 6)["value_text"]
    );

    // The compare object: the revision and the key figures at it, as the report at HEAD
    // had them.
    let c = &now["compare"];
    assert_eq!(c["rev"], "HEAD");
    let head = git(repo.path(), &["rev-parse", "HEAD"]);
    assert_eq!(c["commit"], head.trim());
    assert_eq!(c["short_commit"], head.trim()[..7]);
    assert_eq!(c["as_of"], AS_OF);
    assert_eq!(c["key_figures"], then["key_figures"]);
    // Counts change as plain numbers: the asset's missing-classification warning is gone.
    let warnings = now["key_figures"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["name"] == "Anmärkningar")
        .expect("warnings row");
    let diff = warnings["value"].as_f64().expect("count") as i64
        - then["gaps"]["warnings"].as_i64().expect("count");
    let expected = match diff {
        0 => "±0".to_owned(),
        d if d > 0 => format!("+{d}"),
        d => format!("-{}", -d),
    };
    assert_eq!(warnings["change_text"], expected);

    // The Markdown: a line naming the revision and two more columns.
    let md = report(&repo, &["--compare", "HEAD", "--lang", "en"]).stdout;
    assert!(
        md.contains(&format!(
            "Compared with `HEAD` (commit {}, ",
            &head.trim()[..7]
        )),
        "{md}"
    );
    assert!(md.contains("| Change |"), "{md}");
    let line = md
        .lines()
        .find(|l| l.starts_with("| Protected assets with a current classification |"))
        .unwrap_or_else(|| panic!("no classification row:\n{md}"));
    assert!(line.ends_with(&format!("| +{points} pp |")), "{line}");
}

#[test]
fn without_a_change_every_figure_is_unchanged_and_without_compare_nothing_is_added() {
    let repo = committed_example();
    let now = json(&report(&repo, &["--format", "json", "--compare", "HEAD"]));
    for row in now["key_figures"].as_array().expect("rows") {
        let change = row["change_text"].as_str().expect("change");
        assert!(change.starts_with("±0") || change == "–", "{row}");
    }
    let plain = json(&report(&repo, &["--format", "json"]));
    assert!(plain.get("compare").is_none());
    assert!(plain["key_figures"][0].get("change_text").is_none());
}

#[test]
fn the_audit_report_shows_the_verdict_at_the_revision() {
    let repo = classified_since_head();
    let data = json(&report(
        &repo,
        &["audit", "--format", "json", "--compare", "HEAD"],
    ));
    for q in data["questions"].as_array().expect("questions") {
        assert!(q["verdict_before"].is_string(), "{q}");
    }
    let summary = &data["compare"]["summary"];
    let total = ["yes", "partly", "no"]
        .iter()
        .map(|k| summary[k].as_u64().expect("count"))
        .sum::<u64>();
    assert_eq!(total, 12);
    let md = report(&repo, &["audit", "--lang", "sv", "--compare", "HEAD"]).stdout;
    assert!(md.contains("| Svar vid "), "{md}");
}

#[test]
fn unit_and_plan_reports_ignore_compare_with_a_note() {
    let repo = classified_since_head();
    let run = report(&repo, &["plan", "--compare", "HEAD"]);
    assert!(run.stderr.contains("ignored for `plan`"), "{}", run.stderr);
    let plain = report(&repo, &["plan"]);
    assert_eq!(run.stdout, plain.stdout);
}

#[test]
fn an_unknown_revision_exits_2_with_a_message() {
    let repo = classified_since_head();
    let run = repo.isms(&["report", "--as-of", AS_OF, "--compare", "no-such-tag"]);
    run.assert_refused("--compare: unknown revision `no-such-tag`");
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

#[test]
fn outside_a_git_repository_exits_2_with_a_message() {
    let repo = TempRepo::example();
    let run = isms_outside_git(&repo, &["report", "--as-of", AS_OF, "--compare", "HEAD"]);
    run.assert_refused("--compare needs a git repository");
}
