//! `isms init` and `isms new`: what they write validates, and they never overwrite a file.

use std::collections::BTreeMap;
use std::path::Path;

use isms::model::Kind;

use crate::support::{Run, TempRepo, isms_in};

/// The date everything is scaffolded on: fixed, so no test depends on the day it runs.
const AS_OF: &str = "2026-06-01";

/// `isms init . --as-of AS_OF` in the repository's folder.
fn init(repo: &TempRepo) -> Run {
    isms_in(repo.path(), &["init", ".", "--as-of", AS_OF])
}

/// A freshly scaffolded repository.
fn scaffolded() -> TempRepo {
    let repo = TempRepo::empty();
    let run = init(&repo);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    repo
}

/// Every file below `root` with its contents, by relative path.
fn files(root: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(root).expect("below root");
            let rel = rel.to_string_lossy().replace('\\', "/");
            (rel, std::fs::read(e.path()).expect("read"))
        })
        .collect()
}

fn assert_code(run: &Run, code: i32) {
    assert_eq!(run.code, Some(code), "{}{}", run.stdout, run.stderr);
}

#[test]
fn init_writes_a_repository_that_validates() {
    let repo = TempRepo::empty();
    let run = isms_in(repo.path(), &["init", "lis", "--as-of", AS_OF]);
    assert_code(&run, 0);
    assert!(run.stdout.contains("created  isms.toml"), "{}", run.stdout);
    let lis = repo.path().join("lis");

    // A new repository speaks Swedish, as its isms.toml says.
    let validate = isms_in(&lis, &["validate"]);
    assert_code(&validate, 0);
    assert!(
        validate.stdout.starts_with(&format!(
            "0 brister, 0 anmärkningar och 0 upplysningar i {} poster",
            isms::model::Kind::ALL.len()
        )),
        "{}",
        validate.stdout
    );
    let check = isms_in(&lis, &["check", "--as-of", AS_OF]);
    assert!(
        matches!(check.code, Some(0 | 1)),
        "{}{}",
        check.stdout,
        check.stderr
    );

    let all = files(&lis);
    for kind in Kind::ALL {
        let schema = format!(".isms/schemas/{kind}.schema.json");
        assert_eq!(
            all[&schema],
            isms::schema::text(kind.as_str()).unwrap().as_bytes(),
            "{schema}"
        );
    }
    assert!(all.contains_key(".isms/schemas/common.schema.json"));
    // Every record names its schema by a path that exists from where the record is.
    let records: Vec<&String> = all
        .keys()
        .filter(|p| p.ends_with(".yaml") && !p.starts_with('.'))
        .collect();
    assert_eq!(records.len(), 16, "{records:?}");
    for rel in records {
        let text = String::from_utf8(all[rel].clone()).unwrap();
        let first = text.lines().next().unwrap();
        let schema = first
            .strip_prefix("# yaml-language-server: $schema=")
            .unwrap_or_else(|| panic!("{rel} starts with `{first}`"));
        let folder = lis.join(rel).parent().unwrap().to_path_buf();
        assert!(folder.join(schema).is_file(), "{rel}: {schema}");
    }
    for rel in [
        "incidents/2026/INC-2026-001.yaml",
        "activities/2026/act-2026-01.yaml",
        "plans/2026.yaml",
        "units/kommunstyrelsen.yaml",
        "README.md",
        ".github/workflows/isms.yml",
        ".pre-commit-config.yaml",
    ] {
        assert!(all.contains_key(rel), "no {rel}");
    }
    let settings: serde_json::Value =
        serde_json::from_slice(&all[".vscode/settings.json"]).expect("settings are JSON");
    assert_eq!(
        settings["yaml.schemas"]["./.isms/schemas/incident.schema.json"][0],
        "incidents/**/*.yaml"
    );
    let workflow = String::from_utf8(all[".github/workflows/isms.yml"].clone()).unwrap();
    assert!(workflow.contains("--format github --select REC"));
    assert!(workflow.contains("ISMS_REPO: \".\""));
    assert!(workflow.contains("--format github --baseline \"$BASE\""));
    let hooks = String::from_utf8(all[".pre-commit-config.yaml"].clone()).unwrap();
    assert!(
        hooks.contains("repo: local")
            && hooks.contains("isms check --staged --baseline HEAD --repo .")
    );
    // The configuration is read as written, with every default in force.
    let config = isms::config::Config::load(&lis).expect("isms.toml parses");
    assert_eq!(config.organisation.as_deref(), Some("Exempelstad kommun"));
    assert_eq!(config.thresholds, isms::config::Thresholds::default());
}

#[test]
fn init_twice_creates_nothing_and_changes_nothing() {
    let repo = scaffolded();
    let before = files(repo.path());
    let again = init(&repo);
    assert_code(&again, 0);
    assert_eq!(files(repo.path()), before);
    assert!(
        again.stdout.contains("0 files created, 38 files skipped"),
        "{}",
        again.stdout
    );
    assert!(!again.stdout.contains("created  "), "{}", again.stdout);
}

#[test]
fn init_leaves_an_existing_file_as_it_is() {
    let repo = TempRepo::empty();
    let own = "# our own\norganisation = \"Min kommun\"\n";
    repo.write("isms.toml", own);
    let run = init(&repo);
    assert_code(&run, 0);
    assert_eq!(repo.read("isms.toml"), own);
    assert!(
        run.stdout
            .contains("skipped  isms.toml (exists; left as it is)"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("created  organisation.yaml"));
    assert_code(&repo.validate(), 0);
}

#[test]
fn init_in_a_repository_with_records_adds_no_examples() {
    let repo = TempRepo::example();
    let before = files(repo.path());
    let run = init(&repo);
    assert_code(&run, 0);
    assert!(
        run.stdout
            .contains("skipped  measures/logg-och-intrangsovervakning.yaml (example; the folder already holds records)"),
        "{}",
        run.stdout
    );
    let after = files(repo.path());
    for (path, bytes) in &before {
        assert_eq!(after.get(path), Some(bytes), "{path} changed");
    }
    let added: Vec<&String> = after.keys().filter(|p| !before.contains_key(*p)).collect();
    assert!(
        added
            .iter()
            .all(|p| !p.ends_with(".yaml") || p.starts_with('.')),
        "{added:?}"
    );
    assert_code(&repo.validate(), 0);
}

#[test]
fn init_refuses_a_file() {
    let repo = TempRepo::empty();
    repo.write("lis", "not a folder");
    let run = isms_in(repo.path(), &["init", "lis", "--as-of", AS_OF]);
    assert_code(&run, 2);
    assert!(run.stderr.contains("lis is a file"), "{}", run.stderr);
    assert_eq!(repo.read("lis"), "not a folder");
}

/// `isms new KIND ID --as-of AS_OF --repo <repo>`.
fn new(repo: &TempRepo, kind: &str, id: &str) -> Run {
    repo.isms(&["new", kind, id, "--as-of", AS_OF])
}

#[test]
fn new_records_of_every_kind_validate_as_written() {
    let repo = scaffolded();
    for kind in Kind::ALL {
        if kind == Kind::Organisation {
            continue;
        }
        let id = format!("ny-{}", kind.as_str().replace('_', "-"));
        let run = new(&repo, kind.as_str(), &id);
        assert_code(&run, 0);
        let expected = isms::cli::new::record_path(kind, &id, 2026);
        assert_eq!(run.stdout, format!("{expected}\n"));
        let text = repo.read(&expected);
        assert!(
            text.starts_with("# yaml-language-server: $schema=../"),
            "{expected}:\n{text}"
        );
        assert!(
            text.contains(&format!("\nkind: {kind}\nid: {id}\n")),
            "{text}"
        );
    }
    assert!(
        repo.path()
            .join("incidents/2026/ny-incident.yaml")
            .is_file()
    );
    assert!(
        repo.path()
            .join("activities/2026/ny-activity.yaml")
            .is_file()
    );
    assert!(repo.path().join("plans/ny-plan.yaml").is_file());
    assert!(
        repo.path()
            .join("continuity/ny-continuity-plan.yaml")
            .is_file()
    );
    let validate = repo.validate();
    assert_code(&validate, 0);
    assert!(
        validate
            .stdout
            .starts_with("0 errors, 0 warnings, 0 infos in 31 records"),
        "{}",
        validate.stdout
    );
    // The references point at the repository's records, and the dates at the as-of date.
    assert!(
        repo.read("activities/2026/ny-activity.yaml")
            .contains("\nplan: handlingsplan-2026 ")
    );
    assert!(
        repo.read("classifications/ny-classification.yaml")
            .contains("\nasset: diarium ")
    );
    assert!(
        repo.read("findings/ny-finding.yaml")
            .contains("\nsource: revision-2026 ")
    );
    assert!(
        repo.read("risks/ny-risk.yaml")
            .contains("\nassessed: 2026-06-01\n")
    );
    assert!(repo.read("plans/ny-plan.yaml").contains("\nyear: 2026\n"));
}

#[test]
fn new_organisation_in_an_empty_folder_has_no_schema_line() {
    let repo = TempRepo::empty();
    let run = new(&repo, "organisation", "minkommun");
    assert_code(&run, 0);
    assert_eq!(run.stdout, "organisation.yaml\n");
    let text = repo.read("organisation.yaml");
    assert!(
        text.starts_with("kind: organisation\nid: minkommun\n"),
        "{text}"
    );
    assert_code(&repo.validate(), 0);
    // A second organisation is refused, whatever its id.
    let again = new(&repo, "organisation", "annan");
    assert_code(&again, 2);
    assert!(
        again.stderr.contains("organisation.yaml"),
        "{}",
        again.stderr
    );
}

#[test]
fn new_quotes_an_id_yaml_would_read_as_a_number() {
    let repo = scaffolded();
    let run = new(&repo, "asset", "2024");
    assert_code(&run, 0);
    assert!(repo.read("assets/2024.yaml").contains("\nid: \"2024\"\n"));
    assert_code(&repo.validate(), 0);
}

#[test]
fn new_never_overwrites() {
    let repo = scaffolded();
    let before = files(repo.path());
    // The file is there.
    let run = new(&repo, "unit", "kommunstyrelsen");
    assert_code(&run, 2);
    assert!(
        run.stderr
            .contains("units/kommunstyrelsen.yaml already exists"),
        "{}",
        run.stderr
    );
    // The id is taken (ignoring case) by a record in another file.
    let run = new(&repo, "asset", "DIARIUM-2");
    assert_code(&run, 0);
    let run = new(&repo, "asset", "Diarium");
    assert_code(&run, 2);
    assert!(
        run.stderr
            .contains("asset `Diarium` already exists (assets/diarium.yaml)"),
        "{}",
        run.stderr
    );
    // The file exists but holds no such record.
    repo.write("reviews/tom.yaml", "# kommer snart\n");
    let run = new(&repo, "review", "tom");
    assert_code(&run, 2);
    assert!(
        run.stderr.contains("reviews/tom.yaml already exists"),
        "{}",
        run.stderr
    );
    assert_eq!(repo.read("reviews/tom.yaml"), "# kommer snart\n");
    let after = files(repo.path());
    for (path, bytes) in &before {
        assert_eq!(after.get(path), Some(bytes), "{path} changed");
    }
}

#[test]
fn new_refuses_a_bad_id_and_an_unknown_kind() {
    let repo = scaffolded();
    let before = files(repo.path());
    let run = new(&repo, "asset", "lön");
    assert_code(&run, 2);
    assert!(
        run.stderr.contains("invalid id `lön`: `ö` is not allowed"),
        "{}",
        run.stderr
    );
    let run = new(&repo, "asset", ".dold");
    assert_code(&run, 2);
    assert!(
        run.stderr
            .contains("invalid id `.dold`: it starts with `.`"),
        "{}",
        run.stderr
    );
    let run = new(&repo, "assett", "x");
    assert_code(&run, 2);
    assert!(
        run.stderr
            .contains("unknown kind `assett`; did you mean `asset`?"),
        "{}",
        run.stderr
    );
    assert_eq!(files(repo.path()), before);
}

#[test]
fn init_validates_on_any_date() {
    for as_of in ["2024-02-29", "2027-01-01", "2026-12-31"] {
        let repo = TempRepo::empty();
        let run = isms_in(repo.path(), &["init", ".", "--as-of", as_of]);
        assert_code(&run, 0);
        assert_code(&repo.validate(), 0);
        let check = repo.isms(&["check", "--as-of", as_of]);
        assert!(
            matches!(check.code, Some(0 | 1)),
            "{as_of}: {}{}",
            check.stdout,
            check.stderr
        );
    }
}
