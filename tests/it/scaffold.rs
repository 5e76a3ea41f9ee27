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
    assert_eq!(records.len(), isms::model::Kind::ALL.len(), "{records:?}");
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
    // Six files of the repository's own (isms.toml, the README, the hook, the workflow,
    // the editor settings, the shared schema), and each kind's schema and example record.
    let expected = 6 + 2 * isms::model::Kind::ALL.len();
    assert!(
        again
            .stdout
            .contains(&format!("0 files created, {expected} files skipped")),
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

/// The template's placeholders (`<…>`) in a record's text, as a person would fill them in.
fn fill_in(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        let end = start + rest[start..].find('>').expect("a closing `>`");
        out.push_str(&rest[..start]);
        out.push_str(match &rest[start..=end] {
            "<tillgångens id>" => "diarium",
            "<enhetens id>" => "kommunstyrelsen",
            "<handlingsplanens id>" => "handlingsplan-2026",
            "<granskningens id>" => "revision-2026",
            "<0–4>" | "<1–4>" => "2",
            "<förmåga>" => "mfa",
            _ => "Ifylld text",
        });
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// `validate --format json` of a repository: its findings.
fn findings(repo: &TempRepo) -> Vec<serde_json::Value> {
    let run = repo.isms(&["validate", "--lang", "en", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    json["findings"].as_array().expect("findings").clone()
}

/// A new record of every kind holds placeholders where a person must write something, and
/// `validate` reports each of them and nothing else; filled in, every record validates.
#[test]
fn new_records_of_every_kind_hold_placeholders_until_filled_in() {
    let repo = scaffolded();
    let mut written = Vec::new();
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
        written.push(expected);
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
    assert!(
        repo.path()
            .join("continuity/ny-continuity-plan.yaml")
            .is_file()
    );

    // No reference was guessed, no default level or likelihood given.
    let classification = repo.read("classifications/ny-classification.yaml");
    assert!(
        classification.contains("\nasset: <tillgångens id> "),
        "{classification}"
    );
    assert!(
        classification.contains("\nconfidentiality: <0–4>\n"),
        "{classification}"
    );
    assert!(
        repo.read("risks/ny-risk.yaml")
            .contains("\nasset: <tillgångens id> ")
    );
    assert!(
        repo.read("risks/ny-risk.yaml")
            .contains("\nlikelihood: <1–4> ")
    );
    assert!(
        repo.read("activities/2026/ny-activity.yaml")
            .contains("\nplan: <handlingsplanens id> ")
    );
    assert!(
        repo.read("findings/ny-finding.yaml")
            .contains("\nsource: <granskningens id> ")
    );
    assert!(
        repo.read("assets/ny-asset.yaml")
            .contains("\nname: <Tillgångens namn>\n")
    );
    // The dates are the as-of date.
    assert!(
        repo.read("risks/ny-risk.yaml")
            .contains("\nassessed: 2026-06-01\n")
    );
    assert!(repo.read("plans/ny-plan.yaml").contains("\nyear: 2026\n"));

    // Every placeholder is one REC001 finding at its line, and there is no other finding.
    let placeholders: usize = written
        .iter()
        .map(|p| {
            repo.read(p)
                .lines()
                .filter(|l| l.contains(": <") || l.contains("[<"))
                .count()
        })
        .sum();
    let found = findings(&repo);
    assert_eq!(found.len(), placeholders, "{found:#?}");
    for f in &found {
        assert_eq!(f["code"], "REC001", "{f:#}");
        let message = f["message"].as_str().expect("a message");
        assert!(
            message.contains("is still the template's placeholder `<"),
            "{f:#}"
        );
        let line = f["line"].as_u64().expect("a line") as usize;
        let text = repo.read(f["path"].as_str().expect("a path"));
        let value = f["figures"]["value"].as_str().expect("the placeholder");
        assert!(
            text.lines()
                .nth(line - 1)
                .expect("the line")
                .contains(value),
            "{f:#}"
        );
    }
    let asset = found
        .iter()
        .find(|f| f["path"] == "classifications/ny-classification.yaml" && f["line"] == 4)
        .expect("the classification's asset");
    assert_eq!(
        asset["message"],
        "`asset` is still the template's placeholder `<tillgångens id>`: write the id of the \
         asset this classification is about"
    );

    // Filled in, every new record validates.
    for path in &written {
        repo.write(path, fill_in(&repo.read(path)));
    }
    let validate = repo.validate();
    assert_code(&validate, 0);
    // The one organisation, and for every other kind the new record and init's example.
    let records = 1 + 2 * (isms::model::Kind::ALL.len() - 1);
    assert!(
        validate.stdout.starts_with(&format!(
            "0 errors, 0 warnings, 0 infos in {records} records"
        )),
        "{}",
        validate.stdout
    );
}

/// The flags name the records referred to: they must exist (with a suggestion when not),
/// apply to the kind, and are written as the record spells its id.
#[test]
fn new_takes_references_from_flags_and_checks_them() {
    let repo = scaffolded();
    let run = repo.isms(&[
        "new",
        "classification",
        "c",
        "--asset",
        "DIARIUM",
        "--as-of",
        AS_OF,
    ]);
    assert_code(&run, 0);
    assert!(
        repo.read("classifications/c.yaml")
            .contains("\nasset: diarium ")
    );
    let run = repo.isms(&[
        "new",
        "activity",
        "a",
        "--plan",
        "handlingsplan-2026",
        "--unit",
        "kommunstyrelsen",
        "--as-of",
        AS_OF,
    ]);
    assert_code(&run, 0);
    let activity = repo.read(&isms::cli::new::record_path(Kind::Activity, "a", 2026));
    assert!(
        activity.contains("\nplan: handlingsplan-2026 "),
        "{activity}"
    );
    assert!(activity.contains("\nunit: kommunstyrelsen\n"), "{activity}");
    // A risk on a unit has no asset to fill in.
    let run = repo.isms(&["new", "risk", "r", "--unit", "kommunstyrelsen"]);
    assert_code(&run, 0);
    let risk = repo.read("risks/r.yaml");
    assert!(risk.contains("\n# asset: "), "{risk}");
    assert!(risk.contains("\nunit: kommunstyrelsen "), "{risk}");

    let before = files(repo.path());
    let refused = |args: &[&str], expected: &str| {
        let run = repo.isms(args);
        assert_code(&run, 2);
        assert!(run.stderr.contains(expected), "{args:?}: {}", run.stderr);
    };
    refused(
        &["new", "classification", "d", "--asset", "diarum"],
        "`--asset diarum`: no asset has the id `diarum`; did you mean `diarium`?",
    );
    refused(
        &["new", "classification", "d", "--asset", "zzz"],
        "no asset has the id `zzz`; `isms list asset` lists the ids",
    );
    refused(
        &["new", "policy", "p", "--unit", "kommunstyrelsen"],
        "`--unit` does not apply to a policy: it takes no reference flag",
    );
    refused(
        &["new", "classification", "d", "--unit", "kommunstyrelsen"],
        "`--unit` does not apply to a classification: it takes --asset",
    );
    refused(
        &[
            "new",
            "activity",
            "b",
            "--plan",
            "handlingsplan-2026",
            "--plan",
            "x",
        ],
        "`--plan` takes one id for an activity, got 2",
    );
    assert_eq!(files(repo.path()), before);
}

/// `isms new classification X` without `--asset` changes no asset's effective levels, and
/// neither does a new risk or requirement: `isms list assets` is the same before and after.
#[test]
fn a_new_record_without_references_changes_no_other_record() {
    let repo = scaffolded();
    let list = || {
        // The day after: a classification dated then is the newest.
        let run = repo.isms(&[
            "list",
            "assets",
            "--format",
            "json",
            "--as-of",
            "2026-06-02",
        ]);
        assert_code(&run, 0);
        run.stdout
    };
    let before = list();
    for (kind, id) in [
        ("classification", "lonesystem-2026"),
        ("risk", "r-ny"),
        ("requirement", "krav-ny"),
    ] {
        assert_code(&new(&repo, kind, id), 0);
    }
    assert_eq!(list(), before);
    // Filled in for diarium, with other levels and a later date, the classification is
    // diarium's current one, and the list shows it.
    let path = "classifications/lonesystem-2026.yaml";
    repo.write(
        path,
        fill_in(&repo.read(path))
            .replace("2026-06-01", "2026-06-02")
            .replace("integrity: 2", "integrity: 4"),
    );
    assert_ne!(list(), before);
}

#[test]
fn new_organisation_without_schemas_has_no_schema_line() {
    let repo = TempRepo::empty();
    repo.write("isms.toml", "");
    let run = new(&repo, "organisation", "minkommun");
    assert_code(&run, 0);
    assert_eq!(run.stdout, "organisation.yaml\n");
    let text = repo.read("organisation.yaml");
    assert!(
        text.starts_with("kind: organisation\nid: minkommun\n"),
        "{text}"
    );
    repo.write("organisation.yaml", fill_in(&text));
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
    let text = repo.read("assets/2024.yaml");
    assert!(text.contains("\nid: \"2024\"\n"));
    repo.write("assets/2024.yaml", fill_in(&text));
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

/// After an upgrade the schemas `init` wrote into `.isms/schemas/` are an older version's:
/// `validate` and `check` say so once, on standard error (their outputs stay clean), and
/// `isms init --schemas` refreshes the ones isms wrote, leaving every other file alone.
#[test]
fn schemas_of_another_version_are_noted_and_refreshed() {
    let repo = scaffolded();
    let schema = |name: &str| repo.read(&format!(".isms/schemas/{name}.schema.json"));
    let current = isms::schema::text("asset").expect("the asset schema");
    assert_eq!(schema("asset"), current);
    let check = repo.isms(&["check", "--lang", "en", "--as-of", AS_OF]);
    assert!(check.stderr.is_empty(), "{}", check.stderr);

    // An older version's asset schema (another description), a schema the older version
    // did not have, and a schema of the user's own under an isms name.
    repo.write(
        ".isms/schemas/asset.schema.json",
        current.replacen("\"description\": \"", "\"description\": \"Old. ", 1),
    );
    std::fs::remove_file(repo.path().join(".isms/schemas/risk.schema.json")).expect("remove");
    let own = "{\"$id\": \"https://kommun.example/policy\", \"type\": \"object\"}\n";
    repo.write(".isms/schemas/policy.schema.json", own);
    let toml = repo.read("isms.toml");

    let note = "note: 3 schemas in .isms/schemas differ from this version of isms (policy, \
                asset, risk); `isms init --schemas` refreshes the ones isms wrote\n";
    let validate = repo.isms(&["validate", "--lang", "en"]);
    assert_code(&validate, 0);
    assert_eq!(validate.stderr, note);
    let sarif = repo.isms(&[
        "check", "--lang", "en", "--as-of", AS_OF, "--format", "sarif",
    ]);
    assert_eq!(sarif.stderr, note);
    let _: serde_json::Value = serde_json::from_str(&sarif.stdout).expect("SARIF is JSON");
    let swedish = repo.isms(&["validate"]);
    assert!(
        swedish
            .stderr
            .starts_with("obs: tre scheman i .isms/schemas skiljer sig"),
        "{}",
        swedish.stderr
    );

    let run = isms_in(repo.path(), &["init", "--schemas"]);
    assert_code(&run, 0);
    let all = isms::schema::SCHEMAS.len();
    assert_eq!(
        run.stdout,
        format!(
            "skipped  .isms/schemas/policy.schema.json (not written by isms; left as it is)\n\
             updated  .isms/schemas/asset.schema.json\n\
             created  .isms/schemas/risk.schema.json\n\
             2 of {all} schemas written, {} already current, in ./.isms/schemas\n",
            all - 3
        )
    );
    assert_eq!(schema("asset"), current);
    assert_eq!(schema("risk"), isms::schema::text("risk").expect("risk"));
    assert_eq!(schema("policy"), own);
    assert_eq!(repo.read("isms.toml"), toml);
    let validate = repo.isms(&["validate", "--lang", "en"]);
    assert_eq!(
        validate.stderr,
        "note: 1 schema in .isms/schemas differs from this version of isms (policy); \
         `isms init --schemas` refreshes the ones isms wrote\n"
    );
}

/// `init --schemas` never writes through a symbolic link: a linked schema is left as it
/// is (and so is the file it points to), a linked schema folder is refused.
#[cfg(unix)]
#[test]
fn init_schemas_writes_through_no_link() {
    let repo = scaffolded();
    let outside = TempRepo::empty();
    let old = "{\"$id\": \"urn:isms:schema:unit\"}\n";
    outside.write("unit.schema.json", old);
    let linked = repo.path().join(".isms/schemas/unit.schema.json");
    std::fs::remove_file(&linked).expect("remove");
    std::os::unix::fs::symlink(outside.path().join("unit.schema.json"), &linked).expect("link");
    let run = isms_in(repo.path(), &["init", "--schemas"]);
    assert_code(&run, 0);
    assert!(
        run.stdout.contains(
            "skipped  .isms/schemas/unit.schema.json (not written by isms; left as it is)"
        ),
        "{}",
        run.stdout
    );
    assert_eq!(outside.read("unit.schema.json"), old);
    assert!(linked.symlink_metadata().expect("the link").is_symlink());

    let other = TempRepo::empty();
    std::fs::create_dir(other.path().join(".isms")).expect("mkdir");
    std::os::unix::fs::symlink(outside.path(), other.path().join(".isms/schemas")).expect("link");
    let run = isms_in(other.path(), &["init", "--schemas"]);
    assert_code(&run, 2);
    assert!(
        run.stderr.contains(".isms/schemas is a symbolic link"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_dir(outside.path()).expect("outside").count(),
        1
    );
}
