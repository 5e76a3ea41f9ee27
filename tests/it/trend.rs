//! `isms trend` and `isms report management --trend` on real git histories made in the
//! test: each point's figures are those of the records at its commit, computed as of its
//! day, exactly as `isms report` and `isms check` compute them on a checkout of that commit.

use std::path::Path;

use serde_json::Value;

use crate::baseline::{commit_on, git};
use crate::support::{Run, TempRepo, isms_in};

const AS_OF: &str = "2026-12-05";

/// The example with a year of history: committed in February, a classification removed in
/// May, a risk removed in August, and an uncommitted change in the work tree.
fn history() -> TempRepo {
    let repo = TempRepo::example();
    let dir = repo.path();
    git(dir, &["init", "-q"]);
    commit_on(dir, "2026-02-10", "the records", &[]);
    std::fs::remove_file(dir.join("classifications/vaxel.yaml")).expect("remove");
    commit_on(dir, "2026-05-10", "a classification removed", &[]);
    let risk = first_file(&dir.join("risks"));
    std::fs::remove_file(&risk).expect("remove");
    commit_on(dir, "2026-08-10", "a risk removed", &[]);
    std::fs::remove_file(dir.join("classifications/m365.yaml")).expect("remove");
    repo
}

fn first_file(folder: &Path) -> std::path::PathBuf {
    let mut files: Vec<_> = std::fs::read_dir(folder)
        .expect("read folder")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files.remove(0)
}

fn json(run: &Run) -> Value {
    assert_eq!(run.code, Some(0), "{}\n{}", run.stdout, run.stderr);
    serde_json::from_str(&run.stdout).expect("JSON")
}

fn trend(repo: &TempRepo, args: &[&str]) -> Run {
    let mut all = vec!["trend", "--as-of", AS_OF, "--lang", "en"];
    all.extend(args);
    repo.isms(&all)
}

/// What a point is compared on: each key figure's name and value, and the numbers of
/// errors, warnings and infos.
type Figures = (Vec<(String, Value)>, [u64; 3]);

/// [`Figures`] from a list of key figures and an object with the three counts.
fn figures(key_figures: &Value, counts: &Value) -> Figures {
    let named = key_figures
        .as_array()
        .expect("key figures")
        .iter()
        .map(|k| {
            (
                k["name"].as_str().expect("name").to_owned(),
                k["value"].clone(),
            )
        })
        .collect();
    let n = |k: &str| counts[k].as_u64().expect("a count");
    (named, [n("errors"), n("warnings"), n("infos")])
}

/// The key figures and finding counts of the records in `dir` as of `date`, as the
/// management review and `isms check` give them.
fn figures_of(dir: &Path, date: &str) -> Figures {
    let report = json(&isms_in(
        dir,
        &[
            "report",
            "management",
            "--format",
            "json",
            "--lang",
            "en",
            "--as-of",
            date,
        ],
    ));
    let check = isms_in(
        dir,
        &["check", "--format", "json", "--lang", "en", "--as-of", date],
    );
    let check: Value = serde_json::from_str(&check.stdout).expect("check JSON");
    figures(&report["key_figures"], &check["summary"])
}

/// The figures a point of the trend holds, in the same shape.
fn figures_at(point: &Value) -> Figures {
    figures(&point["key_figures"], &point["gaps"])
}

/// The errors a point counts in the REC area (records that cannot be read, duplicate ids,
/// references to nothing).
fn rec_errors(point: &Value) -> u64 {
    point["gaps"]["areas"]
        .as_array()
        .expect("areas")
        .iter()
        .find(|a| a["area"] == "REC")
        .map_or(0, |a| a["errors"].as_u64().expect("errors"))
}

/// A checkout of `commit` of the repository at `from`, in a folder of its own.
fn checkout(from: &Path, commit: &str) -> TempRepo {
    let to = TempRepo::empty();
    git(
        to.path(),
        &["clone", "-q", &from.display().to_string(), "."],
    );
    git(to.path(), &["checkout", "-q", commit]);
    to
}

#[test]
fn each_point_holds_the_figures_of_its_commit_as_of_its_day() {
    let repo = history();
    let t = json(&trend(&repo, &["--format", "json"]));
    assert_eq!(t["as_of"], AS_OF);
    assert_eq!(t["every"], "quarter");
    let points = t["points"].as_array().expect("points");
    let dates: Vec<&str> = points
        .iter()
        .map(|p| p["date"].as_str().expect("date"))
        .collect();
    // No commit before 2026-01-01: the series starts at the next point.
    assert_eq!(dates, ["2026-04-01", "2026-07-01", "2026-10-01", AS_OF]);
    let log = git(repo.path(), &["log", "--format=%H", "--first-parent"]);
    let commits: Vec<&str> = log.lines().collect();
    // Newest first: the August, May and February commits.
    let expected = [commits[2], commits[1], commits[0]];
    for (point, commit) in points.iter().zip(expected) {
        assert_eq!(point["commit"], commit);
        let then = checkout(repo.path(), commit);
        let date = point["date"].as_str().expect("date");
        assert_eq!(
            figures_at(point),
            figures_of(then.path(), date),
            "point {date}"
        );
    }
    // The last point is the work tree, uncommitted change included.
    let now = &points[3];
    assert!(now["commit"].is_null());
    assert_eq!(figures_at(now), figures_of(repo.path(), AS_OF));
    // The records differ from point to point: the classification and the risk are gone.
    let records: Vec<u64> = points
        .iter()
        .map(|p| p["records"].as_u64().expect("records"))
        .collect();
    assert!(records.windows(2).all(|w| w[1] == w[0] - 1), "{records:?}");
    assert!(
        t["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .any(|r| r["group"] == "area")
    );
}

#[test]
fn revisions_given_are_computed_as_of_their_commit_days() {
    let repo = history();
    let t = json(&trend(
        &repo,
        &["--rev", "HEAD~2", "--rev", "HEAD", "--format", "json"],
    ));
    assert!(t["every"].is_null());
    let points = t["points"].as_array().expect("points");
    assert_eq!(points.len(), 2, "no work-tree point with --rev");
    assert_eq!(points[0]["rev"], "HEAD~2");
    assert_eq!(points[0]["date"], "2026-02-10");
    assert_eq!(points[1]["date"], "2026-08-10");
    let head = git(repo.path(), &["rev-parse", "HEAD"]);
    assert_eq!(points[1]["commit"], head.trim());
    let then = checkout(repo.path(), head.trim());
    assert_eq!(
        figures_at(&points[1]),
        figures_of(then.path(), "2026-08-10")
    );
}

#[test]
fn monthly_points_and_the_other_formats() {
    let repo = history();
    let t = json(&trend(
        &repo,
        &[
            "--since",
            "2026-03-01",
            "--every",
            "month",
            "--format",
            "json",
        ],
    ));
    // Ten months from March, and the work tree.
    assert_eq!(t["points"].as_array().expect("points").len(), 11);
    let csv = trend(&repo, &["--format", "csv"]);
    assert_eq!(csv.code, Some(0), "{}", csv.stderr);
    let header = csv.stdout.lines().next().expect("a header");
    assert_eq!(
        header,
        "\u{feff}key,figure,2026-04-01,2026-07-01,2026-10-01,2026-12-05"
    );
    assert!(
        csv.stdout.contains("\r\nerrors,Gaps (errors),"),
        "{}",
        csv.stdout
    );
    let md = trend(&repo, &["--format", "markdown"]);
    assert!(
        md.stdout.contains("```mermaid\nxychart-beta"),
        "{}",
        md.stdout
    );
    let table = repo.isms(&["trend", "--as-of", AS_OF, "--lang", "sv"]);
    assert_eq!(table.code, Some(0), "{}", table.stderr);
    assert!(table.stdout.contains("(arbetskopian)"), "{}", table.stdout);
    assert!(table.stdout.contains("Förändring"), "{}", table.stdout);
    assert!(
        table
            .stderr
            .contains("no commit was made before 2026-01-01"),
        "{}",
        table.stderr
    );
}

/// Many revisions are listed in groups side by side: each point still holds its own
/// revision, in the order given, and a series with two unknown revisions is refused at the
/// first.
#[test]
fn many_revisions_are_listed_in_their_order_and_refused_at_the_first_unknown() {
    let repo = history();
    let revs = [
        "HEAD~2", "HEAD", "HEAD~1", "HEAD~1", "HEAD~2", "HEAD", "HEAD", "HEAD~2", "HEAD~1",
    ];
    let mut args: Vec<&str> = revs.iter().flat_map(|r| ["--rev", *r]).collect();
    args.extend(["--format", "json"]);
    let t = json(&trend(&repo, &args));
    let points = t["points"].as_array().expect("points");
    assert_eq!(points.len(), revs.len());
    for (point, rev) in points.iter().zip(revs) {
        let commit = git(repo.path(), &["rev-parse", rev]);
        assert_eq!(point["rev"], rev);
        assert_eq!(point["commit"], commit.trim(), "{rev}");
    }
    // The same revision gives the same figures wherever it stands in the series.
    assert_eq!(figures_at(&points[1]), figures_at(&points[5]));
    assert_ne!(figures_at(&points[0]), figures_at(&points[1]));
    let mut bad: Vec<&str> = ["HEAD", "HEAD~1", "HEAD", "HEAD~2", "HEAD", "HEAD~1"]
        .iter()
        .flat_map(|r| ["--rev", *r])
        .collect();
    bad.extend([
        "--rev",
        "no-such-tag",
        "--rev",
        "HEAD",
        "--rev",
        "nor-this-one",
    ]);
    let refused = trend(&repo, &bad);
    assert_eq!(refused.code, Some(2), "{}", refused.stderr);
    assert!(
        refused.stderr.contains("`no-such-tag`") && !refused.stderr.contains("nor-this-one"),
        "{}",
        refused.stderr
    );
}

/// Named revisions need the work tree's settings, not its records: a series is the same
/// with the work tree's records gone, and a setting the work tree cannot read still
/// refuses it.
#[test]
fn named_revisions_need_the_work_trees_settings_not_its_records() {
    let repo = history();
    let args = ["--rev", "HEAD~2", "--rev", "HEAD", "--format", "json"];
    let before = trend(&repo, &args);
    assert_eq!(before.code, Some(0), "{}", before.stderr);
    for entry in std::fs::read_dir(repo.path()).expect("read folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() && !path.ends_with(".git") {
            std::fs::remove_dir_all(&path).expect("remove records");
        }
    }
    let after = trend(&repo, &args);
    assert_eq!(after.code, Some(0), "{}", after.stderr);
    assert_eq!(after.stdout, before.stdout);
    let config = repo.path().join("isms.toml");
    let text = std::fs::read_to_string(&config).expect("isms.toml");
    std::fs::write(&config, format!("{text}\n[rules]\nNOPE999 = \"off\"\n")).expect("write");
    let refused = trend(&repo, &args);
    assert_eq!(refused.code, Some(2), "{}", refused.stderr);
    assert!(refused.stderr.contains("NOPE999"), "{}", refused.stderr);
}

#[test]
fn what_cannot_make_a_series_is_refused() {
    let repo = history();
    let dash = trend(&repo, &["--rev=-x"]);
    assert!(dash.stderr.contains("is not a revision"), "{}", dash.stderr);
    assert_eq!(dash.code, Some(2), "{}", dash.stderr);
    let later = trend(&repo, &["--since", "2027-01-01"]);
    assert_eq!(later.code, Some(2));
    assert!(
        later.stderr.contains("is not before the as-of date"),
        "{}",
        later.stderr
    );
    let unknown = trend(&repo, &["--rev", "no-such-tag"]);
    assert_eq!(unknown.code, Some(2));
    assert!(
        unknown.stderr.contains("unknown revision"),
        "{}",
        unknown.stderr
    );
    let plain = TempRepo::example();
    let no_git = trend(&plain, &[]);
    assert_eq!(no_git.code, Some(2));
    assert!(
        no_git.stderr.contains("git repository"),
        "{}",
        no_git.stderr
    );
}

/// The review's development over the year is the trend's own data, in both languages and
/// in the board papers.
#[test]
fn the_management_review_shows_the_development_over_the_year() {
    let repo = history();
    let t = json(&trend(&repo, &["--format", "json"]));
    let report = json(&repo.isms(&[
        "report",
        "management",
        "--trend",
        "quarter",
        "--format",
        "json",
        "--lang",
        "en",
        "--as-of",
        AS_OF,
    ]));
    assert_eq!(report["trend"]["rows"], t["rows"]);
    assert_eq!(report["trend"]["points"], t["points"]);
    for (lang, heading) in [
        ("sv", "## Utveckling under året"),
        ("en", "## Development over the year"),
    ] {
        let md = repo.isms(&[
            "report",
            "management",
            "--trend",
            "quarter",
            "--lang",
            lang,
            "--as-of",
            AS_OF,
        ]);
        assert_eq!(md.code, Some(0), "{}", md.stderr);
        let section = md.stdout.split(heading).nth(1).expect("the section");
        assert!(section.contains("| 2026-04-01 | 2026-07-01 | 2026-10-01 | 2026-12-05 |"));
    }
    let plain = repo.isms(&["report", "management", "--lang", "en", "--as-of", AS_OF]);
    assert!(!plain.stdout.contains("Development over the year"));
    let html = repo.isms(&[
        "report",
        "management",
        "--trend",
        "quarter",
        "--format",
        "html",
        "--as-of",
        AS_OF,
    ]);
    assert_eq!(html.code, Some(0), "{}", html.stderr);
    let section = html
        .stdout
        .split("Utveckling under året")
        .nth(1)
        .expect("the section");
    let next = section.find("<h2").unwrap_or(section.len());
    assert!(section[..next].contains("<svg"), "the trend chart as SVG");
}

/// A shallow clone holds only its last commit: the points before it are left out with the
/// settings that fetch the history, and the series is what the clone holds.
#[test]
fn a_shallow_clone_gives_the_points_it_holds_and_says_how_to_fetch_the_rest() {
    let repo = history();
    let clone = TempRepo::empty();
    let url = format!("file://{}", repo.path().display());
    git(clone.path(), &["clone", "-q", "--depth", "1", &url, "c"]);
    let dir = clone.path().join("c");
    let run = isms_in(
        &dir,
        &[
            "trend", "--as-of", AS_OF, "--lang", "en", "--format", "json",
        ],
    );
    let t = json(&run);
    let dates: Vec<&str> = t["points"]
        .as_array()
        .expect("points")
        .iter()
        .map(|p| p["date"].as_str().expect("date"))
        .collect();
    // The clone's one commit (August) is the state at 2026-10-01; the work tree is today's.
    assert_eq!(dates, ["2026-10-01", AS_OF]);
    assert!(run.stderr.contains("shallow"), "{}", run.stderr);
    assert!(run.stderr.contains("fetch-depth: 0"), "{}", run.stderr);
}

/// An ISMS in a subfolder of its git repository, with a record that was invalid at one
/// revision: that point counts it among its record problems and its REC findings, and the
/// points after it do not.
#[test]
fn a_subfolder_isms_and_an_invalid_record_at_a_revision() {
    let top = TempRepo::empty();
    let lis = top.copy_example("lis");
    std::fs::write(top.path().join("README.md"), "top\n").expect("write");
    git(top.path(), &["init", "-q"]);
    commit_on(top.path(), "2026-02-10", "the records", &[]);
    let unit = first_file(&lis.join("units"));
    let good = std::fs::read_to_string(&unit).expect("read");
    std::fs::write(&unit, good.replacen("kind: unit", "kind: enhet", 1)).expect("write");
    commit_on(top.path(), "2026-05-10", "a broken unit", &[]);
    std::fs::write(&unit, &good).expect("write");
    commit_on(top.path(), "2026-08-10", "the unit mended", &[]);
    let run = isms_in(
        &lis,
        &[
            "trend", "--as-of", AS_OF, "--lang", "en", "--format", "json",
        ],
    );
    let t = json(&run);
    let points = t["points"].as_array().expect("points");
    let problems: Vec<u64> = points
        .iter()
        .map(|p| p["record_problems"].as_u64().expect("a count"))
        .collect();
    // 2026-07-01 holds the May commit, with the broken unit (and the records that refer
    // to it, whose references then lead nowhere).
    assert_eq!(problems.len(), 4);
    assert!(problems[1] > 0, "{problems:?}");
    assert_eq!([problems[0], problems[2], problems[3]], [0, 0, 0]);
    let rec = |i: usize| rec_errors(&points[i]);
    assert!(rec(1) > 0 && rec(0) == 0 && rec(2) == 0);
}

/// Revisions read one after the other are filed each from the one before: every kind of
/// change between them (a record changed, added, renamed, made invalid and mended, an id
/// claimed twice and given up, a reference to a record that comes, goes and comes back,
/// `isms.toml` changed) leaves each point with the figures of a checkout of its commit.
#[test]
fn revisions_that_differ_in_every_way_each_hold_their_commits_figures() {
    let repo = TempRepo::example();
    let dir = repo.path();
    let write = |rel: &str, text: &str| std::fs::write(dir.join(rel), text).expect("write");
    let read = |path: &Path| std::fs::read_to_string(path).expect("read");
    let asset = |id: &str, supports: &str| {
        format!("kind: asset\nid: {id}\nname: {id}\ntype: system\nsupports: [{supports}]\n")
    };
    git(dir, &["init", "-q"]);
    commit_on(dir, "2026-01-10", "the records", &[]);
    // A risk changed; an asset added that supports one still to come.
    let risk = first_file(&dir.join("risks"));
    std::fs::write(
        &risk,
        read(&risk).replacen("\nname: ", "\nname: Ändrad ", 1),
    )
    .expect("write");
    write("assets/zz-new.yaml", &asset("zz-new", "zz-later"));
    commit_on(dir, "2026-02-10", "a risk changed, an asset added", &[]);
    // The asset it supports comes; a unit fails its schema; an asset's file is renamed.
    write("assets/zz-later.yaml", &asset("zz-later", ""));
    let unit = first_file(&dir.join("units"));
    let good_unit = read(&unit);
    std::fs::write(&unit, format!("{good_unit}not_a_field: 1\n")).expect("write");
    let renamed = first_file(&dir.join("assets"));
    git(
        dir,
        &[
            "mv",
            &renamed.display().to_string(),
            &dir.join("assets/renamed.yaml").display().to_string(),
        ],
    );
    commit_on(
        dir,
        "2026-03-10",
        "an asset comes, a unit broken, a file renamed",
        &[],
    );
    // An id claimed twice; the unit mended.
    write("assets/zz-copy.yaml", &asset("ZZ-later", ""));
    std::fs::write(&unit, &good_unit).expect("write");
    commit_on(
        dir,
        "2026-04-10",
        "an id claimed twice, the unit mended",
        &[],
    );
    // The copy gone; the settings changed.
    std::fs::remove_file(dir.join("assets/zz-copy.yaml")).expect("remove");
    let config = read(&dir.join("isms.toml"));
    write("isms.toml", &format!("{config}\n# changed\n"));
    commit_on(
        dir,
        "2026-05-10",
        "the copy gone, the settings changed",
        &[],
    );
    // The asset supported gone again.
    std::fs::remove_file(dir.join("assets/zz-later.yaml")).expect("remove");
    commit_on(dir, "2026-06-10", "an asset gone", &[]);
    // Back once more, with a classification changed.
    write("assets/zz-later.yaml", &asset("zz-later", ""));
    let classification = first_file(&dir.join("classifications"));
    let changed =
        read(&classification).replacen("confidentiality: ", "confidentiality: 4 # was ", 1);
    std::fs::write(&classification, changed).expect("write");
    commit_on(
        dir,
        "2026-07-10",
        "the asset back, a classification changed",
        &[],
    );

    let revs: Vec<String> = (0..7).rev().map(|n| format!("HEAD~{n}")).collect();
    let mut args: Vec<&str> = vec!["--format", "json"];
    for r in &revs {
        args.extend(["--rev", r.as_str()]);
    }
    let t = json(&trend(&repo, &args));
    let points = t["points"].as_array().expect("points");
    assert_eq!(points.len(), 7);
    let mut problems = Vec::new();
    for p in points {
        let commit = p["commit"].as_str().expect("a commit");
        let date = p["date"].as_str().expect("a date");
        let then = checkout(dir, commit);
        assert_eq!(figures_at(p), figures_of(then.path(), date), "at {date}");
        problems.push(p["record_problems"].as_u64().expect("a count"));
    }
    // The history holds what it is meant to: a reference to nothing (February, June), a
    // record that fails its schema (March) and an id claimed twice (April).
    let recs: Vec<u64> = points.iter().map(rec_errors).collect();
    assert!(recs[1] > recs[0] && recs[2] > recs[0], "{recs:?}");
    assert!(recs[3] > recs[0] && recs[5] > recs[0], "{recs:?}");
    assert!(problems[2] > 0 && problems[3] > 0, "{problems:?}");
}

/// Each point of a trend over two commits, the first holding `older` and the second
/// `newer` (units by the last byte of their names, which is not UTF-8, and their texts),
/// holds the figures of a checkout of its commit; the older point's REC errors are
/// returned with the newer's.
fn twins(older: &[(u8, &str)], newer: &[(u8, &str)]) -> (u64, u64) {
    use std::os::unix::ffi::OsStrExt;
    let repo = TempRepo::example();
    let dir = repo.path();
    let name = |b: u8| {
        let bytes = [b'a', b, b'.', b'y', b'a', b'm', b'l'];
        dir.join("units").join(std::ffi::OsStr::from_bytes(&bytes))
    };
    git(dir, &["init", "-q"]);
    for (date, files) in [("2026-01-10", older), ("2026-02-10", newer)] {
        for b in [0xfe, 0xff] {
            let _ = std::fs::remove_file(name(b));
        }
        for (b, text) in files {
            std::fs::write(name(*b), text).expect("write");
        }
        commit_on(dir, date, "units", &[]);
    }
    let t = json(&trend(
        &repo,
        &["--rev", "HEAD~1", "--rev", "HEAD", "--format", "json"],
    ));
    let points = t["points"].as_array().expect("points");
    for p in points {
        let then = checkout(dir, p["commit"].as_str().expect("a commit"));
        let date = p["date"].as_str().expect("a date");
        assert_eq!(figures_at(p), figures_of(then.path(), date), "at {date}");
    }
    (rec_errors(&points[0]), rec_errors(&points[1]))
}

/// Two file names that differ only in bytes that are not UTF-8 read as one path. A revision
/// that holds both, read after one that holds one of them, still holds two files (and
/// their records claim one id); one that holds one of them, read after one that holds
/// both, keeps the problems of the one it holds. Each as a checkout of it does.
#[test]
fn names_that_read_as_one_path_are_two_files_at_every_point() {
    let unit = "kind: unit\nid: samma\nname: Samma\ntype: board\n";
    let (older, newer) = twins(&[(0xfe, unit), (0xff, unit)], &[(0xff, unit)]);
    assert!(older > newer, "{older} {newer}");
    let broken = "kind: unit\nid: trasig\nname: Trasig\ntype: nope\n";
    let other = "kind: unit\nid: annan\nname: Annan\ntype: board\n";
    let (older, newer) = twins(&[(0xfe, broken)], &[(0xfe, broken), (0xff, other)]);
    assert!(older > 0 && older == newer, "{older} {newer}");
}
