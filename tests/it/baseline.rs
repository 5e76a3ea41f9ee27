//! `isms check --baseline REV`: ratchet mode against the findings at a git revision, read
//! from git without touching the work tree.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::support::{Run, TempRepo, isms_outside_git, isms_with_env};

/// The date the example is checked on: fixed, so no test depends on the day it runs.
const AS_OF: &str = "2026-11-28";

/// Runs `git ARGS` in `dir`, as a test's fixed identity, and returns its output.
pub(crate) fn git(dir: &Path, args: &[&str]) -> String {
    git_with_env(dir, args, &[])
}

/// Commits everything in `dir` with `message`, authored and committed on `day` at 10:00
/// (so that commits, and what shows them, are the same in every run), with `env` added.
pub(crate) fn commit_on(dir: &Path, day: &str, message: &str, env: &[(&str, &str)]) {
    let date = format!("{day}T10:00:00+01:00");
    let mut all = vec![
        ("GIT_AUTHOR_DATE", date.as_str()),
        ("GIT_COMMITTER_DATE", &date),
    ];
    all.extend_from_slice(env);
    git_with_env(dir, &["add", "-A"], &all);
    git_with_env(dir, &["commit", "-q", "-m", message], &all);
}

/// [`git`] with extra environment variables (`GIT_COMMITTER_DATE`, say).
pub(crate) fn git_with_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> String {
    let out = Command::new("git")
        .args([
            "-c",
            "user.email=test@example.org",
            "-c",
            "user.name=Test",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .envs(env.iter().copied())
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .output()
        .expect("run git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("git output is UTF-8")
}

/// The example, committed as the first commit of a new git repository.
pub(crate) fn committed_example() -> TempRepo {
    let repo = TempRepo::example();
    commit_all(repo.path());
    repo
}

pub(crate) fn commit_all(dir: &Path) {
    git(dir, &["init", "-q"]);
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", "the example"]);
}

/// `isms check --as-of AS_OF --baseline REV ARGS --repo <repo>`.
fn check_against(repo: &TempRepo, rev: &str, args: &[&str]) -> Run {
    let mut all = vec!["check", "--lang", "en", "--as-of", AS_OF, "--baseline", rev];
    all.extend(args);
    repo.isms(&all)
}

/// The last line of standard output: the comparison.
fn baseline_line(run: &Run) -> &str {
    run.stdout.lines().last().unwrap_or_default()
}

/// The codes of the findings shown (`warning[ORG001]: ...`).
fn shown_codes(run: &Run) -> Vec<&str> {
    run.stdout
        .lines()
        .filter_map(|l| l.split_once("]: ").map(|(head, _)| head))
        .filter_map(|head| head.split_once('[').map(|(_, code)| code))
        .collect()
}

#[test]
fn no_change_means_nothing_new_and_exit_0() {
    let repo = committed_example();
    let run = check_against(&repo, "HEAD", &["--fail-on", "warning"]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert!(shown_codes(&run).is_empty(), "{}", run.stdout);
    let line = baseline_line(&run);
    assert!(line.starts_with("baseline HEAD: "), "{line}");
    assert!(line.ends_with(", 0 fixed, 0 new"), "{line}");
    assert!(
        run.stdout.starts_with("0 errors, 0 warnings, 0 infos in "),
        "the summary counts only what is shown:\n{}",
        run.stdout
    );
}

#[test]
fn the_work_tree_is_left_as_it_was_and_no_temporary_file_is_made() {
    let repo = committed_example();
    let tmp = tempfile::tempdir().expect("temp dir");
    let tmpdir = tmp.path().to_str().expect("UTF-8 temp path");
    let run = isms_with_env(
        repo.path(),
        &[
            "check",
            "--as-of",
            AS_OF,
            "--baseline",
            "HEAD",
            "--repo",
            repo.path().to_str().expect("UTF-8 path"),
        ],
        &[("TMPDIR", tmpdir)],
    );
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert_eq!(git(repo.path(), &["status", "--porcelain"]), "");
    let left: Vec<_> = std::fs::read_dir(tmp.path())
        .expect("read the temp folder")
        .collect();
    assert!(left.is_empty(), "files were written: {left:?}");
}

#[test]
fn a_new_gap_is_shown_alone_and_fails() {
    let repo = committed_example();
    repo.replace(
        "units/kultur-och-fritidsnamnden.yaml",
        "security_representative: Maria Sjöberg\n",
        "",
    );
    let run = check_against(&repo, "HEAD", &["--fail-on", "warning"]);
    assert_eq!(run.code, Some(1), "{}{}", run.stdout, run.stderr);
    assert_eq!(shown_codes(&run), ["ORG001"], "{}", run.stdout);
    assert!(
        run.stdout
            .contains("committee `kultur-och-fritidsnamnden` (Kultur- och fritidsnämnden) has no security representative"),
        "{}",
        run.stdout
    );
    assert!(
        baseline_line(&run).ends_with(", 0 fixed, 1 new"),
        "{}",
        run.stdout
    );

    // A new warning does not fail a run that fails on errors only.
    let run = check_against(&repo, "HEAD", &[]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
}

#[test]
fn old_gaps_do_not_fail_the_run_even_when_they_are_errors() {
    let repo = committed_example();
    let plain = repo.isms(&["check", "--as-of", AS_OF]);
    assert_eq!(
        plain.code,
        Some(1),
        "the example has errors:\n{}",
        plain.stdout
    );
    let run = check_against(&repo, "HEAD", &[]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
}

#[test]
fn a_fixed_gap_is_counted() {
    let repo = committed_example();
    let unit = "units/miljo-och-byggnadsnamnden.yaml";
    repo.write(
        unit,
        format!("{}security_representative: Per Ek\n", repo.read(unit)),
    );
    let run = check_against(&repo, "HEAD", &["--fail-on", "warning"]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert!(shown_codes(&run).is_empty(), "{}", run.stdout);
    assert!(
        baseline_line(&run).ends_with(", 1 fixed, 0 new"),
        "{}",
        run.stdout
    );
}

#[test]
fn json_marks_every_finding_and_adds_the_comparison() {
    let repo = committed_example();
    repo.replace(
        "units/kultur-och-fritidsnamnden.yaml",
        "security_representative: Maria Sjöberg\n",
        "",
    );
    let run = check_against(&repo, "HEAD", &["--format", "json"]);
    let json: Value = serde_json::from_str(&run.stdout).expect("JSON output");
    let findings = json["findings"].as_array().expect("findings");
    let new: Vec<&str> = findings
        .iter()
        .filter(|f| f["new"] == Value::Bool(true))
        .map(|f| f["code"].as_str().expect("code"))
        .collect();
    assert_eq!(new, ["ORG001"]);
    assert!(findings.iter().all(|f| f["new"].is_boolean()));
    let baseline = &json["baseline"];
    assert_eq!(baseline["rev"], "HEAD");
    assert_eq!(baseline["new"], 1);
    assert_eq!(baseline["fixed"], 0);
    assert_eq!(
        baseline["remaining"].as_u64().expect("remaining") as usize,
        findings.len() - 1
    );
    assert_eq!(
        json["summary"]["warnings"].as_u64().expect("warnings") as usize,
        findings
            .iter()
            .filter(|f| f["severity"] == "warning")
            .count()
    );
}

#[test]
fn other_formats_carry_only_the_new_findings() {
    let repo = committed_example();
    repo.replace(
        "units/kultur-och-fritidsnamnden.yaml",
        "security_representative: Maria Sjöberg\n",
        "",
    );
    let run = check_against(&repo, "HEAD", &["--format", "github"]);
    let lines: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    assert!(lines[0].contains("ORG001"), "{}", run.stdout);
}

#[test]
fn invalid_records_exit_2_whatever_the_baseline() {
    let repo = committed_example();
    repo.replace("assets/filserver.yaml", "type: storage", "type: storrage");
    git(
        repo.path(),
        &["commit", "-q", "-a", "-m", "an invalid record"],
    );
    let run = check_against(&repo, "HEAD", &["--fail-on", "never"]);
    assert_eq!(run.code, Some(2), "{}{}", run.stdout, run.stderr);
}

#[test]
fn a_repository_in_a_subfolder_of_the_git_repository() {
    let top = TempRepo::empty();
    top.copy_example("isms");
    top.write("README.md", "not records\n");
    commit_all(top.path());
    let unit = "isms/units/miljo-och-byggnadsnamnden.yaml";
    top.write(
        unit,
        format!("{}security_representative: Per Ek\n", top.read(unit)),
    );
    let sub = top.path().join("isms");
    let run = isms_with_env(
        &sub,
        &["check", "--as-of", AS_OF, "--baseline", "HEAD"],
        &[],
    );
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    // The example's own language, Swedish.
    let last = run.stdout.lines().last().unwrap_or_default();
    assert!(
        last.ends_with(", 1 är åtgärdad och 0 är nya"),
        "{}",
        run.stdout
    );
}

#[test]
fn an_unknown_revision_exits_2_with_a_message() {
    let repo = committed_example();
    let run = check_against(&repo, "no-such-tag", &[]);
    run.assert_refused("unknown revision `no-such-tag`");
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

#[test]
fn outside_a_git_repository_exits_2_with_a_message() {
    let repo = TempRepo::example();
    let run = isms_outside_git(&repo, &["check", "--as-of", AS_OF, "--baseline", "HEAD"]);
    run.assert_refused("needs a git repository");
}

#[test]
fn without_git_exits_2_with_a_message() {
    let repo = committed_example();
    let empty = TempRepo::empty();
    let run = isms_with_env(
        repo.path(),
        &["check", "--as-of", AS_OF, "--baseline", "HEAD"],
        &[("PATH", empty.path().to_str().expect("UTF-8"))],
    );
    run.assert_refused("needs git");
}

#[test]
fn a_revision_that_looks_like_an_option_is_refused() {
    let repo = committed_example();
    let run = repo.isms(&["check", "--baseline=--output=x"]);
    run.assert_refused("is not a revision");
}

/// The SARIF `partialFingerprints` of a check of `repo`.
fn sarif_prints(repo: &TempRepo) -> std::collections::BTreeSet<String> {
    let run = repo.isms(&["check", "--as-of", AS_OF, "--format", "sarif"]);
    let sarif: Value = serde_json::from_str(&run.stdout).expect("SARIF");
    sarif["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            r["partialFingerprints"]["isms/findingHash/v2"]
                .as_str()
                .expect("print")
                .to_owned()
        })
        .collect()
}

#[test]
fn renamed_assets_moved_lines_and_a_partial_fix_are_not_new() {
    let repo = committed_example();
    let before = sarif_prints(&repo);
    // Every asset renamed, and every line of its file moved down.
    let mut renamed = 0;
    for entry in std::fs::read_dir(repo.path().join("assets")).expect("assets") {
        let name = entry
            .expect("asset")
            .file_name()
            .to_string_lossy()
            .into_owned();
        let rel = format!("assets/{name}");
        let text = repo.read(&rel);
        if let Some(line) = text.lines().find(|l| l.starts_with("name: ")) {
            let text = text.replace(line, &format!("{line} (nytt namn)"));
            repo.write(&rel, format!("# Omdöpt\n\n{text}"));
            renamed += 1;
        }
    }
    assert!(renamed > 10, "{renamed}");
    // One of the three capabilities `scada-energi` lacks (SEC001), provided: a partial fix.
    repo.write(
        "measures/integritetskontroller.yaml",
        "kind: measure\nid: integritetskontroller\ntitle: Integritetskontroller\n\
         provides: [integrity_checks]\nscope: organisation\nstatus: implemented\n\
         implemented: 2026-01-10\nlast_verified: 2026-11-01\n",
    );
    let run = check_against(&repo, "HEAD", &["--format", "json"]);
    let json: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(json["baseline"]["new"], 0, "{}", run.stdout);
    let findings = json["findings"].as_array().expect("findings");
    let scada = findings
        .iter()
        .find(|f| f["code"] == "SEC001" && f["id"] == "scada-energi")
        .expect("scada-energi still lacks two capabilities");
    assert_eq!(scada["baseline_state"], "updated");
    assert!(
        !scada["message"]
            .as_str()
            .expect("message")
            .contains("integrity_checks")
    );
    assert!(findings.iter().all(|f| f["baseline_state"] != "new"));
    // The renames and moves change no fingerprint; the partial fix keeps the gap's.
    let after = sarif_prints(&repo);
    assert!(
        after.is_subset(&before),
        "new fingerprints: {:?}",
        after.difference(&before)
    );
    assert!(after.contains(scada["fingerprint"].as_str().expect("print")));
}

#[test]
fn sarif_in_ratchet_mode_marks_every_result_and_lists_the_fixed() {
    let repo = committed_example();
    // A gap opened: a committee loses its security representative (ORG001).
    repo.replace(
        "units/kultur-och-fritidsnamnden.yaml",
        "security_representative: Maria Sjöberg\n",
        "",
    );
    // A gap closed: processor agreements for every asset (SEC001 of `bibliotekssystem`).
    repo.write(
        "measures/pub-avtal.yaml",
        "kind: measure\nid: pub-avtal\ntitle: Personuppgiftsbiträdesavtal\n\
         provides: [data_processing_agreement]\nscope: organisation\nstatus: implemented\n\
         implemented: 2026-01-10\nlast_verified: 2026-11-01\n",
    );
    let run = check_against(
        &repo,
        "HEAD",
        &["--format", "sarif", "--fail-on", "warning"],
    );
    assert_eq!(
        run.code,
        Some(1),
        "the new warning fails the run: {}",
        run.stderr
    );
    let sarif = crate::formats::assert_valid_sarif(&run.stdout);
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    let state = |r: &Value| {
        r["baselineState"]
            .as_str()
            .expect("baselineState")
            .to_owned()
    };
    let new: Vec<&Value> = results.iter().filter(|r| state(r) == "new").collect();
    assert_eq!(new.len(), 1, "{new:#?}");
    assert_eq!(new[0]["ruleId"], "ORG001");
    let absent: Vec<&Value> = results.iter().filter(|r| state(r) == "absent").collect();
    assert!(
        absent
            .iter()
            .any(|r| r["ruleId"] == "SEC001" && r["properties"]["recordId"] == "bibliotekssystem"),
        "{absent:#?}"
    );
    // Everything else is still there, marked rather than dropped.
    assert!(results.len() > 50);
    assert!(
        results
            .iter()
            .all(|r| ["new", "unchanged", "updated", "absent"].contains(&state(r).as_str()))
    );
}

/// A revision is read with the work tree's limits: only the files the loader reads, and a
/// file over the size limit refused by its size (which git says as the blob is read, and
/// which is passed over unkept), as in the work tree.
#[test]
fn a_revision_is_read_with_the_work_trees_limits() {
    let repo = TempRepo::example();
    let big = vec![b'#'; 17 * 1024 * 1024];
    std::fs::write(repo.path().join("assets/stor.yaml"), &big).expect("write");
    std::fs::write(repo.path().join("bilaga.bin"), &big).expect("write");
    commit_all(repo.path());
    let snapshot = isms::git::Snapshot::read(repo.path(), "HEAD", "--baseline").expect("snapshot");
    let listed = |p: &str| snapshot.files().iter().find(|f| &*f.path == p);
    assert!(
        listed("bilaga.bin").is_none(),
        "not a file the loader reads"
    );
    assert!(listed("assets/stor.yaml").is_some(), "listed");
    let session = snapshot.open(None).expect("session");
    let too_large = session.repo.problems.iter().any(|p| {
        matches!(p, isms::load::RecordProblem::Unreadable(u)
            if &*u.place.path == "assets/stor.yaml"
                && u.args.iter().any(|(k, v)| *k == "reason" && *v == "too-large".into()))
    });
    assert!(too_large, "{:#?}", session.repo.problems);
    // And the finding about it is the same at both revisions.
    let run = check_against(&repo, "HEAD", &["--select", "REC"]);
    assert!(baseline_line(&run).contains("0 new"), "{}", run.stdout);
}

/// An ISMS folder whose name looks like git pathspec magic is read as that folder.
#[test]
fn a_folder_named_like_pathspec_magic_is_a_folder() {
    let top = TempRepo::empty();
    for name in [":!x", ":(top)lis"] {
        top.copy_example(name);
    }
    commit_all(top.path());
    for name in [":!x", ":(top)lis"] {
        let run = crate::support::isms_in(
            top.path(),
            &[
                "check",
                "--repo",
                name,
                "--as-of",
                AS_OF,
                "--lang",
                "en",
                "--baseline",
                "HEAD",
                "--fail-on",
                "never",
            ],
        );
        assert_eq!(run.code, Some(0), "{name}: {}", run.stderr);
        assert!(
            baseline_line(&run).contains(", 0 fixed, 0 new"),
            "{name}: {}",
            run.stdout
        );
    }
}
