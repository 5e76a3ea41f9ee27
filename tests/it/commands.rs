//! `isms due`, `isms list`, `isms export` and `isms completions` on the example repository.

use crate::support::{TempRepo, example_root, isms_in};

const AS_OF: &str = "2026-11-28";

/// `isms ARGS` on the example in English, whose words these tests read (the example's own
/// language is Swedish).
fn example(args: &[&str]) -> crate::support::Run {
    let root = example_root();
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--lang", "en", "--as-of", AS_OF, "--repo"]);
    let root_str = root.to_str().expect("UTF-8 path");
    all.push(root_str);
    isms_in(&root, &all)
}

fn due_json() -> serde_json::Value {
    let run = example(&["due", "--within", "90d", "--format", "json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    serde_json::from_str(&run.stdout).expect("due --format json is JSON")
}

#[test]
fn due_lists_known_deadlines_in_date_order() {
    let doc = due_json();
    assert_eq!(doc["as_of"], AS_OF);
    assert_eq!(doc["until"], "2027-02-26");
    let rows = doc["deadlines"].as_array().expect("deadlines");
    let keys: Vec<(String, String)> = rows
        .iter()
        .map(|r| {
            (
                r["date"].as_str().unwrap().to_owned(),
                r["path"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "sorted by date, then path");
    let find = |id: &str, what: &str| {
        rows.iter()
            .find(|r| r["id"] == id && r["what"] == what)
            .unwrap_or_else(|| panic!("no {what} deadline for {id}"))
    };
    // activities/2026/act-2026-08.yaml: planned, due 2026-11-30.
    let act = find("act-2026-08", "due");
    assert_eq!(act["date"], "2026-11-30");
    assert_eq!(act["kind"], "activity");
    assert_eq!(act["overdue"], false);
    // INC-2026-012: a personal-data breach detected 2026-11-26T09:00, IMY not yet told.
    let breach = find("INC-2026-012", "breach-notification");
    assert_eq!(breach["date"], "2026-11-29");
    assert_eq!(breach["path"], "incidents/2026/INC-2026-012.yaml");
    // Adopted 2026-01-12 with a review interval of one year.
    assert_eq!(
        find("rutin-incidenthantering", "review")["date"],
        "2027-01-12"
    );
    // Missed deadlines from the past year are listed and marked.
    let overdue = rows.iter().filter(|r| r["overdue"] == true).count();
    assert!(overdue > 0);
    assert!(rows.iter().all(|r| {
        let d = r["date"].as_str().unwrap();
        (r["overdue"] == true) == (d < AS_OF) && ("2025-11-28"..="2027-02-26").contains(&d)
    }));
}

#[test]
fn due_table_and_window_units() {
    let run = example(&["due"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stdout.contains("2026-11-30"), "{}", run.stdout);
    assert!(run.stdout.contains("overdue"));
    let short = example(&["due", "--within", "1w", "--format", "json"]);
    let long = example(&["due", "--within", "1y", "--format", "json"]);
    let count = |s: &str| {
        serde_json::from_str::<serde_json::Value>(s).unwrap()["deadlines"]
            .as_array()
            .unwrap()
            .len()
    };
    assert!(count(&short.stdout) < count(&long.stdout));
    let bad = example(&["due", "--within", "90x"]);
    assert_eq!(bad.code, Some(2));
    assert!(bad.stderr.contains("--within"), "{}", bad.stderr);
}

#[test]
fn due_ics_is_a_valid_deterministic_calendar() {
    let run = example(&["due", "--format", "ics"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let ics = &run.stdout;
    assert!(ics.ends_with("\r\n"));
    assert!(
        !ics.replace("\r\n", "").contains('\n'),
        "bare LF in the calendar"
    );
    let lines: Vec<&str> = ics.split("\r\n").filter(|l| !l.is_empty()).collect();
    for l in &lines {
        assert!(l.len() <= 75, "{} octets: {l}", l.len());
    }
    assert_eq!(lines.first(), Some(&"BEGIN:VCALENDAR"));
    assert_eq!(lines.last(), Some(&"END:VCALENDAR"));
    for required in ["VERSION:2.0", "CALSCALE:GREGORIAN"] {
        assert!(lines.contains(&required), "{required}");
    }
    assert!(lines.iter().any(|l| l.starts_with("PRODID:")));
    let mut depth: Vec<&str> = Vec::new();
    for l in &lines {
        if let Some(what) = l.strip_prefix("BEGIN:") {
            depth.push(what);
        } else if let Some(what) = l.strip_prefix("END:") {
            assert_eq!(depth.pop(), Some(what), "unbalanced END:{what}");
        }
    }
    assert!(depth.is_empty());
    let events = lines.iter().filter(|l| **l == "BEGIN:VEVENT").count();
    let uids: std::collections::HashSet<&str> = lines
        .iter()
        .filter(|l| l.starts_with("UID:"))
        .copied()
        .collect();
    assert_eq!(uids.len(), events, "UIDs are unique");
    assert_eq!(
        lines.iter().filter(|l| l.starts_with("DTSTAMP:")).count(),
        events
    );
    assert!(lines.contains(&"DTSTAMP:20261128T000000Z"));
    assert!(lines.contains(&"DTSTART;VALUE=DATE:20261130"));
    assert!(lines.contains(&"UID:activity-act-2026-08-due@sjobacka.isms"));
    let again = example(&["due", "--format", "ics"]);
    assert_eq!(&again.stdout, ics, "the same input gives the same calendar");
}

#[test]
fn due_ics_escapes_text() {
    let repo = TempRepo::example();
    let text = repo.read("activities/2026/act-2026-08.yaml");
    let title_line = text
        .lines()
        .find(|l| l.starts_with("title:"))
        .expect("a title")
        .to_owned();
    repo.replace(
        "activities/2026/act-2026-08.yaml",
        &title_line,
        "title: \"Öva; planen, med \\\\ och\\nny rad\"",
    );
    let run = repo.isms(&["due", "--format", "ics", "--lang", "en", "--as-of", AS_OF]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let unfolded = run.stdout.replace("\r\n ", "");
    assert!(
        unfolded.contains("SUMMARY:activity `Öva\\; planen\\, med \\\\ och\\nny rad` is due"),
        "{unfolded}"
    );
}

fn example_assets() -> usize {
    isms::repo::session::Session::open(&example_root())
        .expect("the example opens")
        .repo
        .assets
        .len()
}

#[test]
fn list_assets_shows_every_asset() {
    let n = example_assets();
    let run = example(&["list", "assets"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stdout.contains(&format!("{n} assets as of {AS_OF}")),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("ad-identitet"));
    let json = example(&["list", "asset", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    let records = doc["records"].as_array().expect("records");
    assert_eq!(records.len(), n);
    assert_eq!(doc["kind"], "asset");
    assert!(records.iter().all(|r| r["findings"].is_u64()));
    // Backup storage carries the levels of what it supports: inherited, and marked so.
    let backup = records
        .iter()
        .find(|r| r["id"] == "backup-lagring")
        .expect("backup-lagring");
    assert!(backup["C"]["inherited_from"].is_string(), "{backup}");
}

#[test]
fn list_other_kinds_and_unknown_kind() {
    for kind in ["policies", "incidents", "continuity-plans", "finding"] {
        let run = example(&["list", kind]);
        assert_eq!(run.code, Some(0), "{kind}: {}", run.stderr);
        assert!(run.stdout.contains("findings"), "{kind}");
    }
    let run = example(&["list", "asets"]);
    run.assert_refused("did you mean `asset`");
}

#[test]
fn export_json_holds_every_record() {
    let validate = example(&["validate"]);
    let run = example(&["export"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(doc["as_of"], AS_OF);
    let kinds = doc["records"].as_object().expect("records by kind");
    let total: usize = kinds.values().map(|v| v.as_array().unwrap().len()).sum();
    assert_eq!(total, validate.records());
    let policy = kinds["policy"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "informationssakerhetspolicy")
        .expect("the policy");
    assert!(policy["findings"].as_array().is_some_and(|f| !f.is_empty()));
    // Free text is exported: `check` leaves it unread, `export` does not.
    let rationale = kinds["classification"]
        .as_array()
        .unwrap()
        .iter()
        .find_map(|c| c["rationale"].as_str())
        .expect("a classification with its rationale");
    assert!(!rationale.is_empty());
}

#[test]
fn export_csv_quotes_and_never_overwrites() {
    let repo = TempRepo::example();
    let text = repo.read("activities/2026/act-2026-08.yaml");
    let title_line = text
        .lines()
        .find(|l| l.starts_with("title:"))
        .unwrap()
        .to_owned();
    repo.replace(
        "activities/2026/act-2026-08.yaml",
        &title_line,
        "title: \"Öva, \\\"skarpt\\\"\\noch utvärdera\"",
    );
    let out = tempfile::tempdir().expect("temp dir");
    let dir = out.path().join("export");
    let dir_str = dir.to_str().unwrap();
    let run = repo.isms(&["export", "--format", "csv", "-o", dir_str, "--as-of", AS_OF]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let csv = std::fs::read_to_string(dir.join("activity.csv")).expect("activity.csv");
    assert!(csv.starts_with("\u{feff}id;"), "{csv}");
    assert!(
        csv.contains("\"Öva, \"\"skarpt\"\"\noch utvärdera\""),
        "{csv}"
    );
    assert!(csv.ends_with("\r\n"));
    let again = repo.isms(&["export", "--format", "csv", "-o", dir_str, "--as-of", AS_OF]);
    assert_eq!(again.code, Some(2));
    assert!(
        again.stderr.contains("refusing to overwrite"),
        "{}",
        again.stderr
    );
    // csv needs a folder; a record folder of the repository is refused.
    assert_eq!(repo.isms(&["export", "--format", "csv"]).code, Some(2));
    let root = repo.path().to_str().unwrap();
    let run = isms_in(repo.path(), &["export", "-o", "assets", "--repo", root]);
    assert_eq!(run.code, Some(2));
    assert!(!repo.path().join("assets/isms.json").exists());
}
