//! What `isms` prints depends on the records and the as-of date alone: not on the number
//! of threads the rules run on, and not on records dated after the as-of date.

use std::path::Path;

use crate::support::{Run, TempRepo, isms_with_env};

const AS_OF: &str = "2026-11-28";

/// `isms ARGS --repo examples/sjobacka --as-of 2026-11-28` on `threads` rayon threads.
fn on_example_with_threads(args: &[&str], threads: &str) -> Run {
    let mut all = args.to_vec();
    all.extend(["--repo", "examples/sjobacka", "--as-of", AS_OF]);
    let run = isms_with_env(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &all,
        &[("RAYON_NUM_THREADS", threads)],
    );
    assert!(
        run.stderr.is_empty(),
        "isms {}: {}",
        all.join(" "),
        run.stderr
    );
    run
}

#[test]
fn output_does_not_depend_on_the_thread_count() {
    let commands: [&[&str]; 5] = [
        &["check", "--format", "json"],
        &["report", "management"],
        &["report", "audit"],
        &["report", "management", "--format", "json"],
        &["report", "audit", "--format", "json"],
    ];
    for args in commands {
        let one = on_example_with_threads(args, "1");
        let four = on_example_with_threads(args, "4");
        assert!(!one.stdout.is_empty(), "isms {}: no output", args.join(" "));
        assert_eq!(one.code, four.code, "isms {}", args.join(" "));
        assert!(
            one.stdout == four.stdout,
            "isms {} differs on 1 and 4 threads",
            args.join(" ")
        );
    }
}

// ---------------------------------------------------------------------------------------
// Records from the future

/// A record added to the example, dated by `{date}`.
struct Addition {
    path: &'static str,
    template: &'static str,
}

/// Records that would close or open a gap if they were dated on or before the as-of date.
/// Only records whose date says when they came to be: an incident detected, a measure
/// implemented, a risk assessed. A re-adopted policy or a revised continuity plan existed
/// before its date, so those are left out.
const ADDITIONS: [Addition; 7] = [
    // trygghetslarm is critical and unclassified: CLS001, CLD003.
    Addition {
        path: "classifications/trygghetslarm.yaml",
        template: "kind: classification
id: trygghetslarm-2026
asset: trygghetslarm
date: {date}
method: KLASSA 4
classified_by: Jonas Wikström
confidentiality: 3
integrity: 3
availability: 4
traceability: 3
",
    },
    // raddningstjansten and sjobacka-energi have had no follow-up: FUP003.
    Addition {
        path: "reviews/egenkontroll-2026-forbund-energi.yaml",
        template: "kind: review
id: egenkontroll-2026-forbund-energi
title: Självskattning i räddningstjänstförbundet och Sjöbacka Energi AB
type: self_assessment
date: {date}
units: [raddningstjansten, sjobacka-energi]
score: 64
",
    },
    // raddningstjansten was reached by no campaign: CUL003; the completion figures change.
    Addition {
        path: "training/grundkurs-forbund.yaml",
        template: "kind: training
id: grundkurs-forbund
title: Grundkurs i informationssäkerhet för räddningstjänsten
type: course
start: {date}
end: {date}
audience: [employees]
results:
  - unit: raddningstjansten
    targeted: 40
    completed: 12
",
    },
    // A high incident with no follow-up activity: INC005.
    Addition {
        path: "incidents/2026/INC-2026-099.yaml",
        template: "kind: incident
id: INC-2026-099
title: Utpressningsvirus på en klientdator i larmcentralen
type: it
severity: high
unit: raddningstjansten
detected: {date}T09:00
personal_data_breach: false
significant: false
escalated: false
status: open
",
    },
    // The same, closed without root cause or lessons: INC003.
    Addition {
        path: "incidents/2026/INC-2026-098.yaml",
        template: "kind: incident
id: INC-2026-098
title: Borttappad surfplatta i hemtjänsten
type: lost_equipment
severity: low
unit: socialnamnden
detected: {date}T14:00
personal_data_breach: false
significant: false
escalated: false
status: closed
closed: {date}
",
    },
    // A measure providing what SEC001 finds missing for five assets.
    Addition {
        path: "measures/skyddspaket.yaml",
        template: "kind: measure
id: skyddspaket
title: Skyddsbehovsanalys, biträdesavtal, integritetskontroller, återläsning och redundans
provides: [protection_needs_analysis, data_processing_agreement, integrity_checks, tested_restore, redundancy]
scope: organisation
status: implemented
implemented: {date}
last_verified: {date}
",
    },
    // A risk above the appetite with its treatment undecided: CLS004.
    Addition {
        path: "risks/r-2026-099.yaml",
        template: "kind: risk
id: r-2026-099
title: Larmcentralens klienter saknar skydd mot utpressningsvirus
asset: trygghetslarm
assessed: {date}
likelihood: 4
consequence: 4
treatment: undecided
owner: Enhetschef hemtjänst
status: open
",
    },
];

/// `isms check --format json` on a repository, as of the fixed date.
fn check_json(repo: &TempRepo) -> Run {
    let run = repo.isms(&["check", "--format", "json", "--as-of", AS_OF]);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    run
}

/// The summary's record count of `check --format json`.
fn records(run: &Run) -> u64 {
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    json["summary"]["records"].as_u64().expect("a record count")
}

/// The output of `check --format json` with the record count set to `records`.
fn with_records(run: &Run, records: u64) -> String {
    let line = |n: u64| format!("\n    \"records\": {n},\n");
    let own = line(self::records(run));
    assert_eq!(run.stdout.matches(&own).count(), 1, "{}", run.stdout);
    run.stdout.replacen(&own, &line(records), 1)
}

#[test]
fn records_dated_after_the_as_of_date_change_nothing_but_the_record_count() {
    let pristine = check_json(&TempRepo::example());
    let before = records(&pristine);
    for addition in &ADDITIONS {
        // The day after the as-of date, and a few weeks later.
        for date in ["2026-11-29", "2026-12-15"] {
            let repo = TempRepo::example();
            repo.write(addition.path, addition.template.replace("{date}", date));
            let run = check_json(&repo);
            assert_eq!(
                records(&run),
                before + 1,
                "{} dated {date} was not loaded",
                addition.path
            );
            assert_eq!(run.code, pristine.code, "{} dated {date}", addition.path);
            let after = with_records(&run, before);
            assert!(
                after == pristine.stdout,
                "{} dated {date}, after the as-of date {AS_OF}, changed the findings:\n{}",
                addition.path,
                changed_lines(&pristine.stdout, &after)
            );
        }
    }
}

/// The control: the same records dated on the as-of date itself do change the findings,
/// so the test above would see a rule that reads a record from the future.
#[test]
fn the_same_records_dated_on_the_as_of_date_change_the_findings() {
    let pristine = check_json(&TempRepo::example());
    let before = records(&pristine);
    for addition in &ADDITIONS {
        let repo = TempRepo::example();
        repo.write(addition.path, addition.template.replace("{date}", AS_OF));
        let run = check_json(&repo);
        assert_eq!(records(&run), before + 1, "{}", addition.path);
        // A change by an invalid record would prove nothing.
        let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        let rec: Vec<&serde_json::Value> = json["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter(|f| f["code"].as_str().is_some_and(|c| c.starts_with("REC")))
            .collect();
        assert!(rec.is_empty(), "{}: {rec:#?}", addition.path);
        assert!(
            with_records(&run, before) != pristine.stdout,
            "{} dated {AS_OF} changed no finding",
            addition.path
        );
    }
}

/// The lines of `b` not in `a` and of `a` not in `b`, for a readable failure.
fn changed_lines(a: &str, b: &str) -> String {
    let gone = a
        .lines()
        .filter(|l| !b.contains(l))
        .map(|l| format!("- {l}"));
    let new = b
        .lines()
        .filter(|l| !a.contains(l))
        .map(|l| format!("+ {l}"));
    gone.chain(new).collect::<Vec<_>>().join("\n")
}
