//! The command line: exit codes (0 clean, 1 gaps, 2 invalid records or usage), messages
//! that name the problem and suggest the fix, and the fixed JSON shape of `check`.

use serde_json::Value;

use crate::support::{TempRepo, example_root, isms_in};

/// The date the example is checked on: fixed, so no test depends on the day it runs.
const AS_OF: &str = "2026-06-01";

/// `isms ARGS --repo examples/sjobacka`.
fn on_example(args: &[&str]) -> crate::support::Run {
    let root = example_root();
    let mut all: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    // The example speaks Swedish; these tests read the English words.
    all.push("--lang".as_ref());
    all.push("en".as_ref());
    all.push("--repo".as_ref());
    all.push(root.as_os_str());
    isms_in(&root, &all)
}

/// `isms ARGS` for commands that read no repository.
fn isms(args: &[&str]) -> crate::support::Run {
    isms_in(&example_root(), args)
}

#[test]
fn validate_exits_0_on_the_example() {
    let run = on_example(&["validate"]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.starts_with("0 errors, 0 warnings, 0 infos in "));
    assert!(!run.stdout.contains('\x1b'), "colour without a terminal");
}

#[test]
fn validate_exits_2_on_an_invalid_record() {
    let repo = TempRepo::example();
    repo.replace("assets/filserver.yaml", "type: storage", "type: storrage");
    let run = repo.validate();
    assert_eq!(run.code, Some(2));
    assert!(run.stdout.contains("error[REC001]"), "{}", run.stdout);
    assert!(
        run.stdout.contains("--> assets/filserver.yaml:4:7"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("did you mean `storage`?"));
    let quiet = repo.isms(&["validate", "--quiet", "--lang", "en"]);
    assert_eq!(quiet.code, Some(2));
    assert_eq!(quiet.stdout.lines().count(), 1, "{}", quiet.stdout);
    assert!(quiet.stdout.starts_with("1 error, 0 warnings, 0 infos in "));
}

/// The JSON of a run, and the number of error findings in it.
fn json_of(run: &crate::support::Run) -> Value {
    serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}{}", run.stdout, run.stderr))
}

fn count(json: &Value, severity: &str) -> usize {
    json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["severity"] == severity)
        .count()
}

#[test]
fn check_exit_codes_follow_fail_on() {
    let json = json_of(&on_example(&[
        "check", "--as-of", AS_OF, "--format", "json",
    ]));
    let errors = count(&json, "error");
    let warnings = count(&json, "warning");
    let never = on_example(&["check", "--as-of", AS_OF, "--fail-on", "never"]);
    assert_eq!(never.code, Some(0), "{}{}", never.stdout, never.stderr);
    let default = on_example(&["check", "--as-of", AS_OF]);
    assert_eq!(default.code, Some(if errors > 0 { 1 } else { 0 }));
    let warning = on_example(&["check", "--as-of", AS_OF, "--fail-on", "warning"]);
    assert_eq!(
        warning.code,
        Some(if errors + warnings > 0 { 1 } else { 0 })
    );
    // A summary line always ends a check.
    let last = default.stdout.lines().last().unwrap_or_default();
    assert!(last.contains(" in ") && last.contains(" records"), "{last}");
}

#[test]
fn check_exits_2_on_invalid_records_whatever_fail_on() {
    let repo = TempRepo::example();
    repo.write("units/empty.yaml", "");
    for fail_on in ["error", "warning", "never"] {
        let run = repo.isms(&["check", "--as-of", AS_OF, "--fail-on", fail_on]);
        assert_eq!(run.code, Some(2), "--fail-on {fail_on}: {}", run.stdout);
    }
}

#[test]
fn select_with_an_unknown_code_suggests_one() {
    let run = on_example(&["check", "--as-of", AS_OF, "--select", "DCO001"]);
    run.assert_refused("did you mean `DOC001`?");
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    let run = on_example(&["check", "--as-of", AS_OF, "--ignore", "DOC001,XYZ999"]);
    run.assert_refused("XYZ999");
}

#[test]
fn explain_prints_the_rule_documentation() {
    for name in ["DOC001", "stale-document"] {
        let run = isms(&["explain", name, "--lang", "en"]);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        assert!(run.stdout.contains("## What it does"), "{}", run.stdout);
        assert!(run.stdout.contains("DOC001"));
    }
    // In a repository whose isms.toml says Swedish, the Swedish page.
    let run = isms(&["explain", "DOC001"]);
    assert!(run.stdout.contains("## Vad regeln gör"), "{}", run.stdout);
}

#[test]
fn explain_with_a_misspelt_name_suggests_one() {
    let run = isms(&["explain", "stale-documnet"]);
    run.assert_refused("did you mean `stale-document`?");
}

#[test]
fn schema_prints_the_shipped_json_schema() {
    let run = isms(&["schema", "asset"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let printed: Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    let file = example_root().join("../../schemas/asset.schema.json");
    let shipped: Value =
        serde_json::from_str(&std::fs::read_to_string(file).expect("schema file")).expect("JSON");
    assert_eq!(printed, shipped);
    let list = isms(&["schema"]);
    assert_eq!(list.code, Some(0));
    assert!(list.stdout.lines().any(|l| l == "continuity_plan"));
    let unknown = isms(&["schema", "assett"]);
    assert_eq!(unknown.code, Some(2));
    assert!(
        unknown.stderr.contains("did you mean `asset`?"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn a_missing_repository_folder_is_an_error() {
    let dir = TempRepo::empty();
    let run = isms_in(dir.path(), &["validate", "--repo", "no-such-folder"]);
    run.assert_refused("cannot open repository no-such-folder");
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

#[test]
fn an_unknown_key_in_isms_toml_is_located_and_gets_a_suggestion() {
    let repo = TempRepo::example();
    repo.replace("isms.toml", "warn_age_years = 3", "warn_age_yeras = 3");
    // A finding at the key (REC001), as a record file's problem would be.
    let run = repo.validate();
    assert_eq!(run.code, Some(2));
    let at = "error[REC001]: unknown setting `warn_age_yeras` in [policies]\n --> isms.toml:8:1";
    assert!(run.stdout.contains(at), "{}", run.stdout);
    repo.replace("isms.toml", "warn_age_yeras = 3", "warn_age_years = 3");
    repo.replace("isms.toml", "timezone = ", "timezon = ");
    let run = repo.isms(&["check", "--lang", "en", "--as-of", AS_OF]);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stdout.contains(" --> isms.toml:4:1")
            && run.stdout.contains("did you mean `timezone`?"),
        "{}",
        run.stdout
    );
}

#[test]
fn an_unknown_rule_in_isms_toml_gets_a_suggestion() {
    let repo = TempRepo::example();
    let text = repo.read("isms.toml");
    repo.write("isms.toml", format!("{text}\n[rules]\nDOC01 = \"off\"\n"));
    let run = repo.isms(&["check", "--as-of", AS_OF]);
    run.assert_refused("did you mean `DOC001`?");
}

/// Sort key of a finding: path, line, code (the spec's order), then column (findings
/// without a path first).
fn order_key(f: &Value) -> (Option<String>, Option<u64>, String, Option<u64>) {
    (
        f["path"].as_str().map(str::to_owned),
        f["line"].as_u64(),
        f["code"].as_str().expect("code").to_owned(),
        f["column"].as_u64(),
    )
}

fn assert_fixed_shape(json: &Value, as_of: &str) {
    let keys =
        |v: &Value| -> Vec<String> { v.as_object().expect("an object").keys().cloned().collect() };
    assert_eq!(keys(json), ["as_of", "summary", "findings"]);
    assert_eq!(json["as_of"], as_of);
    assert_eq!(
        keys(&json["summary"]),
        ["records", "errors", "warnings", "infos"]
    );
    let findings = json["findings"].as_array().expect("findings");
    assert!(!findings.is_empty(), "the case should have findings");
    for f in findings {
        assert_eq!(
            keys(f),
            [
                "code",
                "severity",
                "kind",
                "id",
                "path",
                "line",
                "column",
                "message",
                "help",
                "subject",
                "related",
                "figures",
                "fingerprint"
            ]
        );
        assert!(f["subject"].is_string() || f["subject"].is_null());
        for r in f["related"].as_array().expect("related") {
            assert_eq!(keys(r), ["kind", "id"]);
        }
        assert!(f["figures"].is_object());
        assert_eq!(f["fingerprint"].as_str().map(str::len), Some(16));
        assert!(["error", "warning", "info"].contains(&f["severity"].as_str().expect("severity")));
        assert!(f["kind"].is_string() || f["kind"].is_null());
        assert!(f["id"].is_string() || f["id"].is_null());
        assert!(f["line"].is_u64() || f["line"].is_null());
        assert!(f["column"].is_u64() || f["column"].is_null());
        assert!(f["message"].is_string());
        assert!(f["help"].is_string() || f["help"].is_null());
    }
    for severity in ["error", "warning", "info"] {
        let total = json["summary"][format!("{severity}s")].as_u64();
        assert_eq!(total, Some(count(json, severity) as u64), "{severity}s");
    }
    for pair in findings.windows(2) {
        assert!(
            order_key(&pair[0]) <= order_key(&pair[1]),
            "not sorted by path, line, code:\n{}\n{}",
            pair[0],
            pair[1]
        );
    }
}

#[test]
fn check_json_has_the_fixed_shape_and_order() {
    let repo = TempRepo::example();
    // Record problems in several files, besides the gaps of the example.
    repo.replace(
        "units/socialnamnden.yaml",
        "type: committee",
        "type: comittee",
    );
    repo.write("units/empty.yaml", "");
    repo.replace(
        "assets/filserver.yaml",
        "unit: kommunledningsforvaltningen",
        "unit: ingen",
    );
    let run = repo.isms(&["check", "--as-of", AS_OF, "--format", "json"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    let json = json_of(&run);
    assert_fixed_shape(&json, AS_OF);
    let records = json["summary"]["records"].as_u64().expect("records");
    assert_eq!(records, crate::support::example_records() as u64);
    let codes: Vec<&str> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert!(
        codes.contains(&"REC001") && codes.contains(&"REC003"),
        "{codes:?}"
    );
    // A finding names its record and position.
    let dangling = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["code"] == "REC003")
        .expect("REC003");
    assert_eq!(dangling["kind"], "asset");
    assert_eq!(dangling["id"], "filserver");
    assert_eq!(dangling["path"], "assets/filserver.yaml");
    assert_eq!(
        (dangling["line"].as_u64(), dangling["column"].as_u64()),
        (Some(6), Some(7))
    );
}

#[test]
fn check_json_on_the_example() {
    let run = on_example(&[
        "check",
        "--as-of",
        AS_OF,
        "--format",
        "json",
        "--fail-on",
        "never",
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let json = json_of(&run);
    assert_fixed_shape(&json, AS_OF);
    let validate = on_example(&["validate", "--format", "json"]);
    let json = json_of(&validate);
    assert_eq!(json["summary"]["errors"], 0);
    assert_eq!(json["findings"], Value::Array(Vec::new()));
}

#[test]
fn completions_complete_the_subcommands() {
    let run = isms(&["completions", "bash"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    for word in ["isms", "check", "validate", "report", "--baseline"] {
        assert!(
            run.stdout.contains(word),
            "no `{word}` in the bash completion script"
        );
    }
    let run = isms(&["completions", "tcsh"]);
    assert_eq!(run.code, Some(2));
}

/// A folder with no `isms.toml` here or above and no records is no repository: every
/// command that reads one refuses it (exit 2) with a hint naming `isms init` and `--repo`,
/// so that a CI job started in the wrong folder fails instead of passing on nothing.
#[test]
fn a_folder_that_is_no_repository_is_refused() {
    let dir = TempRepo::empty();
    // Nothing above the temporary folder may hold an isms.toml, or the test means nothing.
    assert!(
        dir.path()
            .ancestors()
            .all(|d| !d.join("isms.toml").exists()),
        "an isms.toml above the temporary folder"
    );
    let commands: [&[&str]; 9] = [
        &["validate"],
        &["check"],
        &["report"],
        &["due"],
        &["list", "assets"],
        &["log", "asset", "diarium"],
        &["trend"],
        &["export"],
        &["export", "--format", "csv", "-o", "out"],
    ];
    for args in commands {
        let args: Vec<&str> = args.iter().chain(&["--lang", "en"]).copied().collect();
        let run = isms_in(dir.path(), &args);
        run.assert_refused(
            "no `isms.toml` in this folder or any folder above it, and no records: this is \
             not an ISMS repository",
        );
        assert!(
            run.stderr.contains(
                "help: run `isms init` to start a repository here, or name one with `--repo DIR`"
            ),
            "{args:?}: {}",
            run.stderr
        );
        assert!(run.stdout.is_empty(), "{args:?}: {}", run.stdout);
    }
    // In Swedish, the default.
    let run = isms_in(dir.path(), &["validate"]);
    run.assert_refused("Det finns ingen isms.toml i den här mappen eller i någon mapp ovanför");
    assert!(run.stderr.contains("Kör isms init"), "{}", run.stderr);
    // Named with --repo.
    let run = dir.isms(&["check", "--lang", "en"]);
    run.assert_refused("the folder given with `--repo` has no `isms.toml`, and no records");
    // `isms new` writes only into a repository: nothing is created.
    let run = isms_in(dir.path(), &["new", "asset", "lonesystem", "--lang", "en"]);
    run.assert_refused("`isms new` writes records only into an ISMS repository");
    assert!(run.stderr.contains("`isms init`"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("the folder").count(),
        0,
        "isms new wrote into a folder that is no repository"
    );
}

/// Records without an `isms.toml` are still a repository (the defaults apply), and an
/// `isms.toml` without records is a new, empty one: neither is refused.
#[test]
fn records_or_an_isms_toml_make_a_repository() {
    let records = TempRepo::empty();
    records.write(
        "units/ks.yaml",
        "kind: unit\nid: ks\nname: KS\ntype: board\n",
    );
    let run = records.validate();
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    let config = TempRepo::empty();
    config.write("isms.toml", "");
    let run = config.validate();
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    // From a subfolder, the isms.toml above is the repository.
    config.write("units/.keep", "");
    let run = isms_in(&config.path().join("units"), &["new", "unit", "ks"]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert!(config.path().join("units/ks.yaml").is_file());
}

/// A kind is named by its name, its plural or its folder wherever the command line takes
/// one: `new`, `list` and `schema`.
#[test]
fn kinds_are_named_in_the_singular_the_plural_or_by_their_folder() {
    let repo = TempRepo::empty();
    repo.write("isms.toml", "");
    for (kind, id, path) in [
        ("assets", "a", "assets/a.yaml"),
        ("Units", "u", "units/u.yaml"),
        ("continuity-plans", "kp", "continuity/kp.yaml"),
        ("continuity", "kp2", "continuity/kp2.yaml"),
        ("trainings", "t", "training/t.yaml"),
        ("organisations", "o", "organisation.yaml"),
    ] {
        let run = repo.isms(&["new", kind, id]);
        assert_eq!(run.code, Some(0), "{kind}: {}", run.stderr);
        assert_eq!(run.stdout, format!("{path}\n"));
    }
    for kind in ["asset", "assets", "Asset", "organisations", "policy"] {
        let run = repo.isms(&["list", kind, "--format", "json"]);
        assert_eq!(run.code, Some(0), "{kind}: {}", run.stderr);
    }
    let asset = isms(&["schema", "asset"]).stdout;
    for kind in ["assets", "ASSETS"] {
        assert_eq!(isms(&["schema", kind]).stdout, asset, "{kind}");
    }
    let risk = isms(&["schema", "risk"]).stdout;
    assert_eq!(isms(&["schema", "risks"]).stdout, risk);
    assert_eq!(
        isms(&["schema", "continuity"]).stdout,
        isms(&["schema", "continuity_plan"]).stdout
    );
}
