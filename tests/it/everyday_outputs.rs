//! The outputs a coordinator hands on: CSV that Swedish Excel opens as it is, a bash
//! completion that knows the kinds and rule codes, `isms due` piped with its paths whole,
//! and a calendar with a name, UIDs of its own repository and a timed 72-hour deadline.

use std::collections::HashSet;
use std::path::Path;

use crate::support::{TempRepo, example_root, isms_in, isms_with_env};

const AS_OF: &str = "2026-11-28";

// --- CSV ---

/// The rows of an RFC 4180 text separated by `sep`: quoted fields may hold the separator,
/// doubled quotes and line breaks; records end with CRLF.
fn parse_csv(text: &str, sep: char) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, c) if c == sep => row.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => {
                assert!(c != '\n', "a bare LF outside quotes");
                field.push(c);
            }
        }
    }
    assert!(
        !quoted && row.is_empty() && field.is_empty(),
        "an unfinished record"
    );
    rows
}

/// The example with an activity title holding `;`, `,`, quotes and a line break, and a
/// review score with a fraction.
fn example_for_csv() -> TempRepo {
    let repo = TempRepo::example();
    let path = "activities/2026/act-2026-08.yaml";
    let title = repo
        .read(path)
        .lines()
        .find(|l| l.starts_with("title:"))
        .expect("a title")
        .to_owned();
    repo.replace(
        path,
        &title,
        "title: \"Öva; planen, \\\"skarpt\\\"\\noch utvärdera\"",
    );
    repo.replace(
        "reviews/infosakkollen-2026.yaml",
        "score: 56",
        "score: 56.5",
    );
    repo
}

/// `isms export --format csv -o DIR ARGS` on `repo`: the files it wrote, by name.
fn export_csv(repo: &TempRepo, args: &[&str]) -> Vec<(String, String)> {
    let out = tempfile::tempdir().expect("temp dir");
    let dir = out.path().join("export");
    let dir_str = dir.to_str().expect("UTF-8");
    let mut all = vec!["export", "--format", "csv", "-o", dir_str, "--as-of", AS_OF];
    all.extend(args);
    let run = repo.isms(&all);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("the export folder")
        .map(|e| {
            let path = e.expect("an entry").path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).expect("UTF-8"))
        })
        .collect();
    files.sort();
    files
}

/// The cells of the record `id` in one exported file, by header.
fn csv_record(text: &str, sep: char, id: &str) -> Vec<(String, String)> {
    let body = text.strip_prefix('\u{feff}').expect("a byte order mark");
    let rows = parse_csv(body, sep);
    let header = &rows[0];
    for row in &rows {
        assert_eq!(row.len(), header.len(), "a row of another width: {row:?}");
    }
    let row = rows
        .iter()
        .find(|r| r[0] == id)
        .unwrap_or_else(|| panic!("no {id}"));
    header.iter().cloned().zip(row.iter().cloned()).collect()
}

fn cell<'a>(record: &'a [(String, String)], name: &str) -> &'a str {
    &record.iter().find(|(h, _)| h == name).expect(name).1
}

#[test]
fn csv_in_a_swedish_repository_is_for_swedish_excel() {
    let repo = example_for_csv();
    let files = export_csv(&repo, &[]);
    assert!(files.len() > 5, "{files:?}");
    for (name, text) in &files {
        assert!(
            text.starts_with("\u{feff}id;"),
            "{name} starts {:?}",
            &text[..8]
        );
        assert!(text.ends_with("\r\n"), "{name}");
    }
    let activities = &files.iter().find(|(n, _)| n == "activity.csv").unwrap().1;
    // The semicolon is quoted, the comma is not: it is no separator here.
    assert!(
        activities.contains(";\"Öva; planen, \"\"skarpt\"\"\noch utvärdera\";"),
        "{activities}"
    );
    let record = csv_record(activities, ';', "act-2026-08");
    assert_eq!(
        cell(&record, "title"),
        "Öva; planen, \"skarpt\"\noch utvärdera"
    );
    // A fraction in the decimal comma Swedish Excel reads as a number.
    let reviews = &files.iter().find(|(n, _)| n == "review.csv").unwrap().1;
    assert_eq!(
        cell(&csv_record(reviews, ';', "infosakkollen-2026"), "score"),
        "56,5"
    );
}

#[test]
fn csv_in_english_or_asked_for_separates_by_commas() {
    let repo = example_for_csv();
    for args in [&["--lang", "en"][..], &["--csv-separator", "comma"]] {
        let files = export_csv(&repo, args);
        let activities = &files.iter().find(|(n, _)| n == "activity.csv").unwrap().1;
        assert!(activities.starts_with("\u{feff}id,"), "{args:?}");
        let record = csv_record(activities, ',', "act-2026-08");
        assert_eq!(
            cell(&record, "title"),
            "Öva; planen, \"skarpt\"\noch utvärdera"
        );
        let reviews = &files.iter().find(|(n, _)| n == "review.csv").unwrap().1;
        assert_eq!(
            cell(&csv_record(reviews, ',', "infosakkollen-2026"), "score"),
            "56.5"
        );
    }
    let files = export_csv(&repo, &["--lang", "en", "--csv-separator", "semicolon"]);
    assert!(files.iter().all(|(_, t)| t.starts_with("\u{feff}id;")));
    // The separator is for CSV only: JSON has none.
    let run = repo.isms(&["export", "--csv-separator", "comma"]);
    run.assert_refused("--csv-separator applies to `--format csv` only");
}

// --- bash completion ---

#[test]
fn bash_completion_knows_kinds_rule_codes_and_reports() {
    let run = isms_in(&example_root(), &["completions", "bash"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let words: HashSet<&str> = run
        .stdout
        .split(|c: char| c.is_whitespace() || c == '"')
        .collect();
    let kinds = isms::model::Kind::ALL.map(isms::model::Kind::as_str);
    let codes: Vec<&str> = isms::rules::all().iter().map(|r| r.meta().code).collect();
    let reports = ["management", "audit", "unit", "plan"];
    for word in kinds
        .iter()
        .chain(&codes)
        .chain(&reports)
        .chain(&["common"])
    {
        assert!(
            words.contains(word),
            "no `{word}` in the bash completion script"
        );
    }
    let script = tempfile::NamedTempFile::new().expect("temp file");
    std::fs::write(script.path(), &run.stdout).expect("write the script");
    let Some(complete) = bash_completer(script.path()) else {
        eprintln!("no bash: the script's words are checked, not its completions");
        return;
    };
    assert_eq!(complete(&["new", "cont"]), "continuity_plan");
    assert_eq!(complete(&["list", "clas"]), "classification");
    assert_eq!(complete(&["log", "clas"]), "classification");
    assert_eq!(complete(&["schema", "comm"]), "common");
    assert_eq!(complete(&["explain", "BCM00"]), "BCM001 BCM002 BCM003");
    assert_eq!(
        complete(&["check", "--select", "BC"]),
        "BCM BCM001 BCM002 BCM003"
    );
    assert_eq!(
        complete(&["check", "--ignore", "BCM00"]),
        "BCM001 BCM002 BCM003"
    );
    assert_eq!(complete(&["report", "a"]), "audit");
}

/// Completes `isms WORDS...` in bash with the script at `script`: the candidates for the
/// last word, sorted. None when there is no bash to run.
fn bash_completer(script: &Path) -> Option<impl Fn(&[&str]) -> String + '_> {
    let has_bash = std::process::Command::new("bash")
        .args(["-c", "true"])
        .status()
        .is_ok_and(|s| s.success());
    has_bash.then_some(move |words: &[&str]| {
        let cword = words.len();
        let prev = if cword > 1 { words[cword - 2] } else { "isms" };
        let line = format!(
            "source \"$1\"; COMP_WORDS=(isms {}); COMP_CWORD={cword}; _isms isms \"{}\" \"{prev}\"; \
             printf '%s\\n' \"${{COMPREPLY[@]}}\" | sort",
            words.join(" "),
            words[cword - 1],
        );
        let out = std::process::Command::new("bash")
            .args(["-c", &line, "bash"])
            .arg(script)
            .output()
            .expect("run bash");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    })
}

// --- isms due, piped ---

/// `isms due ARGS --lang en --within 1y` on the example, its standard output a pipe.
fn due(args: &[&str], env: &[(&str, &str)]) -> String {
    let root = example_root();
    let root_str = root.to_str().expect("UTF-8");
    let mut all = vec!["due", "--lang", "en", "--within", "1y", "--as-of", AS_OF];
    all.extend(args);
    all.extend(["--repo", root_str]);
    let run = isms_with_env(&root, &all, env);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    run.stdout
}

/// Every deadline's path, from `due --format json`.
fn due_paths() -> Vec<String> {
    let doc: serde_json::Value = serde_json::from_str(&due(&["--format", "json"], &[])).unwrap();
    let paths: Vec<String> = doc["deadlines"]
        .as_array()
        .expect("deadlines")
        .iter()
        .map(|d| d["path"].as_str().expect("a path").to_owned())
        .collect();
    assert!(paths.len() > 10);
    paths
}

#[test]
fn due_piped_keeps_every_path_whole() {
    let table = due(&[], &[]);
    let lines: Vec<&str> = table.lines().collect();
    for path in due_paths() {
        assert!(
            lines.iter().any(|l| l.contains(&format!(" {path} "))),
            "`{path}` is not whole in:\n{table}"
        );
    }
    // One line per deadline: nothing wrapped.
    let rows = lines.iter().filter(|l| l.contains(".yaml")).count();
    assert_eq!(rows, due_paths().len(), "{table}");
}

#[test]
fn due_piped_with_columns_wraps_to_them() {
    let table = due(&[], &[("COLUMNS", "100")]);
    for line in table.lines().filter(|l| l.starts_with('│')) {
        assert!(line.chars().count() <= 100, "{line}");
    }
    // The width asked for is narrower than the longest summary: cells wrap.
    let rows = table.lines().filter(|l| l.starts_with('│')).count();
    assert!(rows > due_paths().len() + 1, "{table}");
}

// --- the calendar ---

/// `isms due --format ics --within 1y` on `repo`, unfolded into its lines.
fn calendar(repo: &TempRepo) -> Vec<String> {
    let run = repo.isms(&["due", "--format", "ics", "--within", "1y", "--as-of", AS_OF]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    for line in run.stdout.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    run.stdout
        .replace("\r\n ", "")
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

fn uids(lines: &[String]) -> HashSet<String> {
    lines
        .iter()
        .filter_map(|l| l.strip_prefix("UID:"))
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_calendar_is_named_after_the_organisation() {
    let lines = calendar(&TempRepo::example());
    for name in [
        "NAME:isms – Sjöbacka kommun",
        "X-WR-CALNAME:isms – Sjöbacka kommun",
    ] {
        assert_eq!(lines.iter().filter(|l| *l == name).count(), 1, "{name}");
    }
    // Properties of the calendar, before its first event.
    let first_event = lines.iter().position(|l| l == "BEGIN:VEVENT").unwrap();
    assert!(lines[..first_event].iter().any(|l| l.starts_with("NAME:")));
}

#[test]
fn uids_differ_between_repositories_and_stay_the_same_in_one() {
    let sjobacka = TempRepo::example();
    let other = TempRepo::example();
    other.replace("organisation.yaml", "id: sjobacka", "id: solvik");
    other.replace(
        "organisation.yaml",
        "name: Sjöbacka kommun",
        "name: Solviks kommun",
    );
    let (a, b) = (calendar(&sjobacka), calendar(&other));
    let (uids_a, uids_b) = (uids(&a), uids(&b));
    assert_eq!(
        uids_a.len(),
        a.iter().filter(|l| *l == "BEGIN:VEVENT").count()
    );
    assert_eq!(uids_a.len(), uids_b.len(), "the same deadlines");
    assert!(uids_a.is_disjoint(&uids_b), "{uids_a:?}");
    assert!(uids_a.contains("activity-act-2026-08-due@sjobacka.isms"));
    assert!(uids_b.contains("activity-act-2026-08-due@solvik.isms"));
    assert!(b.contains(&"NAME:isms – Solviks kommun".to_owned()));
    assert_eq!(calendar(&sjobacka), a, "deterministic");
    // Without an organisation record: the organisation isms.toml names.
    std::fs::remove_file(other.path().join("organisation.yaml")).unwrap();
    let c = calendar(&other);
    assert!(uids(&c).contains("activity-act-2026-08-due@sjobacka-kommun.isms"));
    assert!(c.contains(&"NAME:isms – Sjöbacka kommun".to_owned()));
}

#[test]
fn the_72_hour_deadline_is_a_timed_event_and_the_others_all_day() {
    let lines = calendar(&TempRepo::example());
    let events: Vec<&[String]> = lines
        .split(|l| l == "BEGIN:VEVENT")
        .skip(1)
        .map(|e| &e[..e.iter().position(|l| l == "END:VEVENT").unwrap()])
        .collect();
    let is_breach = |e: &[String]| {
        e.iter()
            .any(|l| l.ends_with("-breach-notification@sjobacka.isms"))
    };
    let breach = events
        .iter()
        .find(|e| is_breach(e))
        .expect("the breach notice");
    // Detected 2026-11-26T09:00 in Europe/Stockholm (UTC+1 in November): 72 hours on,
    // 09:00 local, 08:00 UTC. A moment: no DTEND.
    assert!(
        breach.contains(&"DTSTART:20261129T080000Z".to_owned()),
        "{breach:?}"
    );
    assert!(!breach.iter().any(|l| l.starts_with("DTEND")), "{breach:?}");
    for e in events.iter().filter(|e| !is_breach(e)) {
        assert!(
            e.iter().any(|l| l.starts_with("DTSTART;VALUE=DATE:")),
            "{e:?}"
        );
        assert!(
            e.iter().any(|l| l.starts_with("DTEND;VALUE=DATE:")),
            "{e:?}"
        );
    }
    // JSON gives the same moment; deadlines of a day have none.
    let doc: serde_json::Value = serde_json::from_str(&due(&["--format", "json"], &[])).unwrap();
    let deadlines = doc["deadlines"].as_array().unwrap();
    let breach = deadlines
        .iter()
        .find(|d| d["what"] == "breach-notification")
        .expect("the breach notice");
    assert_eq!(breach["at"], "2026-11-29T08:00:00Z");
    assert_eq!(breach["date"], "2026-11-29");
    let timed = deadlines.iter().filter(|d| d.get("at").is_some()).count();
    assert_eq!(timed, 1);
}
