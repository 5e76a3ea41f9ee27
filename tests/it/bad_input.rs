//! Bad input gets a clear error and nothing is lost: each test copies the example, spoils
//! one file, runs `isms validate` and expects exit 2, a diagnostic at the file's position,
//! and every other record still read. The diagnostics are snapshots in `snapshots/`.

use std::collections::BTreeMap;

use crate::support::{TempRepo, example_records};

/// Validates `repo`, which holds one bad input, and returns what it printed for a snapshot.
///
/// `at` is where the diagnostic must point (`units/bad.yaml:3:7`, or only the path for
/// problems of a whole file); `records` is how many records the run must count compared
/// with the pristine example, so a bad file never hides the records of the others.
fn invalid(repo: &TempRepo, at: &str, records: isize) -> String {
    let run = repo.validate();
    assert_eq!(run.code, Some(2), "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    let located = run
        .stdout
        .lines()
        .any(|l| l.trim_start().strip_prefix("--> ") == Some(at));
    assert!(located, "no diagnostic at {at}:\n{}", run.stdout);
    let expected = example_records()
        .checked_add_signed(records)
        .expect("count");
    assert_eq!(run.records(), expected, "{}", run.stdout);
    run.diagnostics()
}

const UNIT: &str = "kind: unit\nid: bad\nname: Bad\ntype: board\n";

#[test]
fn malformed_yaml() {
    let repo = TempRepo::example();
    repo.write(
        "units/bad.yaml",
        "kind: unit\nid: bad\nname: [Bad\ntype: board\n",
    );
    // The id is salvaged from the broken document: +1 record. The error points at the
    // bracket never closed, not at the next line where the scanner stopped.
    insta::assert_snapshot!(invalid(&repo, "units/bad.yaml:3:7", 1));
}

#[test]
fn tab_indentation() {
    let repo = TempRepo::example();
    repo.replace(
        "units/socialnamnden.yaml",
        "essential_services: [health_care]",
        "essential_services:\n\t- health_care",
    );
    // Socialnämnden is referred to from 26 records: none of them may report it missing.
    insta::assert_snapshot!(invalid(&repo, "units/socialnamnden.yaml:7:1", 0));
}

#[test]
fn wrong_type() {
    let repo = TempRepo::example();
    repo.replace("assets/filserver.yaml", "critical: true", "critical: yes");
    insta::assert_snapshot!(invalid(&repo, "assets/filserver.yaml:9:11", 0));
}

#[test]
fn value_outside_an_enum() {
    let repo = TempRepo::example();
    repo.replace(
        "units/socialnamnden.yaml",
        "type: committee",
        "type: comittee",
    );
    insta::assert_snapshot!(invalid(&repo, "units/socialnamnden.yaml:4:7", 0));
}

#[test]
fn unknown_field() {
    let repo = TempRepo::example();
    repo.replace(
        "policies/rutin-incidenthantering.yaml",
        "adopted: 2026-01-12",
        "adopetd: 2026-01-12",
    );
    insta::assert_snapshot!(invalid(
        &repo,
        "policies/rutin-incidenthantering.yaml:6:1",
        0
    ));
}

#[test]
fn missing_kind() {
    let repo = TempRepo::example();
    repo.write("units/bad.yaml", UNIT.replace("kind: unit\n", ""));
    insta::assert_snapshot!(invalid(&repo, "units/bad.yaml:1:1", 0));
}

#[test]
fn missing_id() {
    let repo = TempRepo::example();
    repo.write("units/bad.yaml", UNIT.replace("id: bad\n", ""));
    insta::assert_snapshot!(invalid(&repo, "units/bad.yaml:1:1", 0));
}

#[test]
fn id_with_spaces() {
    let repo = TempRepo::example();
    repo.write("units/bad.yaml", UNIT.replace("id: bad", "id: bad unit"));
    insta::assert_snapshot!(invalid(&repo, "units/bad.yaml:2:5", 1));
}

#[test]
fn duplicate_id() {
    let repo = TempRepo::example();
    repo.write(
        "units/zz-copy.yaml",
        UNIT.replace("id: bad", "id: socialnamnden"),
    );
    insta::assert_snapshot!(invalid(&repo, "units/zz-copy.yaml:2:5", 1));
}

#[test]
fn duplicate_id_differing_in_case() {
    let repo = TempRepo::example();
    repo.write(
        "units/zz-copy.yaml",
        UNIT.replace("id: bad", "id: SocialNamnden"),
    );
    insta::assert_snapshot!(invalid(&repo, "units/zz-copy.yaml:2:5", 1));
}

#[test]
fn dangling_reference() {
    let repo = TempRepo::example();
    repo.replace(
        "assets/filserver.yaml",
        "unit: kommunledningsforvaltningen",
        "unit: kommunledningsforvaltning",
    );
    insta::assert_snapshot!(invalid(&repo, "assets/filserver.yaml:6:7", 0));
}

#[test]
fn impossible_date() {
    let repo = TempRepo::example();
    repo.replace(
        "classifications/ad-identitet.yaml",
        "date: 2026-01-20",
        "date: 2024-02-30",
    );
    insta::assert_snapshot!(invalid(&repo, "classifications/ad-identitet.yaml:4:7", 0));
}

/// An optional date is `anyOf [date, null]`: the error must still say what is wrong.
#[test]
fn impossible_date_in_an_optional_field() {
    let repo = TempRepo::example();
    repo.replace(
        "policies/rutin-incidenthantering.yaml",
        "adopted: 2026-01-12",
        "adopted: 2024-02-30",
    );
    insta::assert_snapshot!(invalid(
        &repo,
        "policies/rutin-incidenthantering.yaml:6:10",
        0
    ));
}

#[test]
fn level_out_of_range() {
    let repo = TempRepo::example();
    repo.replace(
        "classifications/ad-identitet.yaml",
        "confidentiality: 3",
        "confidentiality: 5",
    );
    insta::assert_snapshot!(invalid(&repo, "classifications/ad-identitet.yaml:7:18", 0));
}

#[test]
fn empty_file() {
    let repo = TempRepo::example();
    repo.write("units/empty.yaml", "");
    insta::assert_snapshot!(invalid(&repo, "units/empty.yaml:1:1", 0));
}

#[test]
fn not_utf8() {
    let repo = TempRepo::example();
    // Socialnämnden saved as Latin-1 by an old editor.
    let latin1: Vec<u8> = repo
        .read("units/socialnamnden.yaml")
        .chars()
        .map(|c| u8::try_from(u32::from(c)).expect("Latin-1 text"))
        .collect();
    repo.write("units/socialnamnden.yaml", latin1);
    // The byte 0xE4 of `Socialnämnden` is at 3:14. The record is refused, but its id is
    // kept: no reference to Socialnämnden dangles.
    insta::assert_snapshot!(invalid(&repo, "units/socialnamnden.yaml:3:14", 0));
}

#[test]
fn binary_file() {
    let repo = TempRepo::example();
    repo.write(
        "assets/logo.yaml",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1f\xf3\xffa",
    );
    // The NUL is at 3:1.
    insta::assert_snapshot!(invalid(&repo, "assets/logo.yaml:3:1", 0));
}

#[test]
fn error_in_the_second_document() {
    let repo = TempRepo::example();
    repo.replace(
        "classifications/scada-vatten.yaml",
        "integrity: 4",
        "integrity: four",
    );
    insta::assert_snapshot!(invalid(&repo, "classifications/scada-vatten.yaml:20:12", 0));
}

#[test]
fn syntax_error_in_the_second_document() {
    let repo = TempRepo::example();
    repo.replace(
        "classifications/scada-vatten.yaml",
        "method: KLASSA 4",
        "method: [KLASSA 4",
    );
    // The first document is read; the second is salvaged by its id. The error points at
    // the bracket never closed.
    insta::assert_snapshot!(invalid(&repo, "classifications/scada-vatten.yaml:17:9", 0));
}

#[test]
fn alias_bomb() {
    let mut text = String::from(UNIT);
    text.push_str("x-a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 10].join(", ");
        text.push_str(&format!("x-a{i}: &a{i} [{refs}]\n"));
    }
    let repo = TempRepo::example();
    repo.write("units/bad.yaml", text);
    // The record's id is read before the expansion stops: +1 record. (How long it takes is
    // measured by the benchmark, `benches/run.sh`, not here.)
    let out = invalid(&repo, "units/bad.yaml:9:47", 1);
    insta::assert_snapshot!(out);
}

#[test]
fn deep_nesting_flow() {
    let text = format!(
        "{UNIT}x-deep: {}{}\n",
        "[".repeat(20_000),
        "]".repeat(20_000)
    );
    let repo = TempRepo::example();
    repo.write("units/bad.yaml", text);
    insta::assert_snapshot!(invalid(&repo, "units/bad.yaml:5:264", 1));
}

#[test]
fn deep_nesting_block() {
    let text = format!("{UNIT}x-deep:\n{}x\n", "- ".repeat(20_000));
    let repo = TempRepo::example();
    repo.write("units/bad.yaml", text);
    insta::assert_snapshot!(invalid(&repo, "units/bad.yaml:6:127", 1));
}

#[test]
fn file_of_64_mb() {
    let mut text = String::from(UNIT);
    text.push_str("notes: >-\n");
    let line = format!("  {}\n", "lorem ipsum ".repeat(8));
    while text.len() < 64 * 1024 * 1024 {
        text.push_str(&line);
    }
    let repo = TempRepo::example();
    repo.write("units/big.yaml", text);
    // Refused by its size once 16 MiB of it are read (how fast: `benches/run.sh`).
    let out = invalid(&repo, "units/big.yaml", 0);
    insta::assert_snapshot!(out);
}

#[cfg(unix)]
#[test]
fn symlink_loop() {
    let repo = TempRepo::example();
    let units = repo.path().join("units");
    std::os::unix::fs::symlink("loop-b.yaml", units.join("loop-a.yaml")).expect("symlink");
    std::os::unix::fs::symlink("loop-a.yaml", units.join("loop-b.yaml")).expect("symlink");
    let out = invalid(&repo, "units/loop-a.yaml", 0);
    // The OS's own words differ in their error number (40 on Linux, 62 on macOS).
    let out: String = out
        .split("(os error ")
        .enumerate()
        .map(|(i, part)| match i {
            0 => part.to_owned(),
            _ => format!("(os error N{}", part.trim_start_matches(char::is_numeric)),
        })
        .collect();
    insta::assert_snapshot!(out);
}

#[cfg(unix)]
#[test]
fn symlink_to_a_parent_folder_is_not_followed() {
    let repo = TempRepo::example();
    std::os::unix::fs::symlink("..", repo.path().join("units/up")).expect("symlink");
    let run = repo.validate();
    assert_eq!(run.code, Some(0), "{}", run.stdout);
    assert_eq!(run.records(), example_records());
    assert!(run.stdout.contains("symbolic link not followed"));
}

#[test]
fn bom_and_crlf_are_accepted() {
    let repo = TempRepo::example();
    let text = repo.read("units/socialnamnden.yaml").replace('\n', "\r\n");
    repo.write("units/socialnamnden.yaml", format!("\u{FEFF}{text}"));
    let run = repo.validate();
    assert_eq!(run.code, Some(0), "{}", run.stdout);
    assert_eq!(run.records(), example_records());
    // And positions in such a file are still right.
    repo.replace("units/socialnamnden.yaml", "type: committee", "type: nope");
    let run = repo.validate();
    assert_eq!(run.code, Some(2));
    assert!(
        run.stdout.contains("--> units/socialnamnden.yaml:4:7"),
        "{}",
        run.stdout
    );
}

/// An invalid record's id still exists, and a valid record next to a broken file is read:
/// neither turns the references to it into dangling-reference errors.
#[test]
fn the_run_goes_on_for_the_other_files() {
    let repo = TempRepo::example();
    repo.replace(
        "units/socialnamnden.yaml",
        "type: committee",
        "type: comittee",
    );
    repo.write("units/a-broken.yaml", "kind: unit\n\tid: broken\n");
    repo.write(
        "units/nyhetsredaktionen.yaml",
        "kind: unit\nid: nyhetsredaktionen\nname: Nyhetsredaktionen\ntype: department\n",
    );
    repo.replace(
        "assets/filserver.yaml",
        "unit: kommunledningsforvaltningen",
        "unit: nyhetsredaktionen",
    );
    let run = repo.validate();
    assert_eq!(run.code, Some(2));
    let errors: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("error"))
        .collect();
    assert_eq!(errors.len(), 2, "{}", run.stdout);
    assert!(!run.stdout.contains("REC003"), "{}", run.stdout);
    assert_eq!(run.records(), example_records() + 1);
}

/// Every file of a repository, by relative path: contents (or a link's target).
fn snapshot_files(repo: &TempRepo) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(repo.path()) {
        let entry = entry.expect("walk");
        let rel = entry
            .path()
            .strip_prefix(repo.path())
            .expect("prefix")
            .to_string_lossy()
            .into_owned();
        let contents = if entry.path_is_symlink() {
            let target = std::fs::read_link(entry.path()).expect("link");
            target.to_string_lossy().into_owned().into_bytes()
        } else if entry.file_type().is_file() {
            std::fs::read(entry.path()).expect("read")
        } else {
            b"<folder>".to_vec()
        };
        files.insert(rel, contents);
    }
    files
}

#[test]
fn validation_never_writes() {
    let repo = TempRepo::example();
    repo.write("units/bad.yaml", "kind: unit\nid: [bad\n")
        .write("units/empty.yaml", "")
        .write("units/tab.yaml", "kind: unit\n\tid: tab\n")
        .write("units/bin.yaml", b"\0\x01\x02")
        .write("units/latin1.yaml", b"kind: unit\nname: Malm\xf6\n")
        .write("units/bom.yaml", "\u{FEFF}kind: unit\r\nid: bom\r\n")
        .replace(
            "classifications/scada-vatten.yaml",
            "integrity: 4",
            "integrity: 5",
        );
    #[cfg(unix)]
    std::os::unix::fs::symlink("loop.yaml", repo.path().join("units/loop.yaml")).expect("link");
    let before = snapshot_files(&repo);
    assert_eq!(repo.validate().code, Some(2));
    assert_eq!(repo.isms(&["check", "--as-of", "2026-06-01"]).code, Some(2));
    assert_eq!(repo.isms(&["validate", "--format", "json"]).code, Some(2));
    let after = snapshot_files(&repo);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "files were created or removed"
    );
    for (path, contents) in &before {
        assert!(after[path] == *contents, "{path} changed");
    }
}

/// Records of every kind with their optional fields left empty, in the three ways YAML
/// writes nothing (`field:`, `field: ~`, `field: null`), as the specification itself does
/// with `completed: null` and an empty role. Lines ending in `#empty` are the empty ones.
const EMPTY_OPTIONALS: &str = "\
kind: organisation
id: noll
name: Noll kommun
tags: #empty
notes: ~ #empty
waivers: null #empty
roles: #empty
council: #empty
---
kind: unit
id: u1
name: U1
type: committee
parent: #empty
security_representative: #empty
essential_services: #empty
---
kind: policy
id: p1
title: P1
type: guideline
status: draft
adopted: #empty
adopted_by: #empty
topics: #empty
review_interval_years: #empty
---
kind: asset
id: a1
name: A1
type: system
status: #empty
unit: #empty
critical: #empty
personal_data: #empty
secrecy: #empty
essential_service: #empty
hosting: #empty
measures: #empty
supports: #empty
---
kind: asset
id: a2
name: A2
type: system
hosting:
  model: saas
  provider: #empty
  countries: #empty
  swedish_jurisdiction: #empty
  transfer_safeguard: #empty
---
kind: classification
id: c1
asset: a1
date: 2026-01-01
confidentiality: 1
integrity: 1
availability: 1
traceability: #empty
---
kind: risk
id: r1
title: R1
asset: a1
assessed: 2026-01-01
likelihood: 3
consequence: 3
treatment: #empty
activities: #empty
status: #empty
---
kind: measure
id: m1
title: M1
provides: [access_control]
scope: #empty
status: implemented
implemented: 2026-01-01
verify_interval_months: #empty
references: #empty
---
kind: incident
id: i1
title: I1
type: it
severity: #empty
detected: 2026-01-01T10:00
personal_data_breach: #empty
notification_required: #empty
significant: #empty
escalated: #empty
notifications: #empty
status: #empty
closed: #empty
activities: #empty
---
kind: plan
id: plan-2026
year: 2026
decided: 2026-01-10
decided_by: #empty
goals: #empty
---
kind: activity
id: act1
plan: plan-2026
title: A
due: #empty
status: planned
completed: #empty
carried_over_from: #empty
addresses: #empty
---
kind: training
id: t1
title: T
type: course
start: 2026-01-01
audience: #empty
results:
  - unit: u1
    targeted: 10
    completed: #empty
---
kind: continuity_plan
id: cp1
title: CP
assets: #empty
documented: #empty
exercises: #empty
---
kind: evaluation
id: e1
title: E
type: other
date: 2026-01-01
performed_by: #empty
scope: #empty
findings: #empty
---
kind: review
id: rv1
title: RV
type: external_audit
date: 2026-01-01
presented_to: #empty
units: #empty
score: #empty
level: #empty
---
kind: finding
id: f1
source: rv1
title: F
due: #empty
status: open
";

/// An empty optional field means the same as an absent one: the records validate, and
/// `isms check` finds exactly what it finds with those lines removed.
#[test]
fn empty_optional_fields_mean_absent() {
    let empty = TempRepo::empty();
    empty
        .write("isms.toml", "organisation = \"Noll kommun\"\n")
        .write("records.yaml", EMPTY_OPTIONALS.replace(" #empty", ""));
    let run = empty.validate();
    assert_eq!(run.code, Some(0), "{}", run.stdout);
    let absent = TempRepo::empty();
    let without: String = EMPTY_OPTIONALS
        .lines()
        .filter(|l| !l.ends_with("#empty"))
        .map(|l| format!("{l}\n"))
        .collect();
    absent
        .write("isms.toml", "organisation = \"Noll kommun\"\n")
        .write("records.yaml", without);
    let messages = |repo: &TempRepo| -> Vec<(String, String)> {
        let run = repo.isms(&["check", "--as-of", "2026-11-28", "--format", "json"]);
        let out: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        let mut v: Vec<(String, String)> = out["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| {
                (
                    f["code"].as_str().unwrap_or_default().to_owned(),
                    f["message"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect();
        v.sort();
        v
    };
    let found = messages(&empty);
    assert!(!found.is_empty());
    assert_eq!(found, messages(&absent));
}

/// A wrong value in a nullable field is named by the type it must have, not by a list
/// that includes `null`.
#[test]
fn wrong_type_in_an_optional_field() {
    let repo = TempRepo::example();
    repo.write(
        "units/bad.yaml",
        format!("{UNIT}security_representative: [Eva Ek, Bo Berg]\n"),
    );
    let run = repo.validate();
    assert_eq!(run.code, Some(2));
    assert!(
        run.stdout
            .contains("`security_representative` must be a string, found a list"),
        "{}",
        run.stdout
    );
}

/// `hosting.countries` must hold ISO 3166-1 alpha-2 codes: `UK` (exceptionally reserved, the
/// ISO code is `GB`) passes the two-capitals shape but is not a country `isms` can judge.
#[test]
fn country_code_that_is_not_iso() {
    let repo = TempRepo::example();
    repo.write(
        "assets/bad.yaml",
        "kind: asset\nid: bad\nname: Bad\ntype: service\npersonal_data: ordinary\nhosting:\n  model: saas\n  countries: [SE, UK]\n",
    );
    let run = repo.validate();
    assert_eq!(run.code, Some(2), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("error[REC001]: `UK` is not an ISO 3166-1 alpha-2 country code")
            && run.stdout.contains("--> assets/bad.yaml:8:19")
            && run.stdout.contains("help: the ISO 3166-1 code is `GB`"),
        "{}",
        run.stdout
    );
}

/// Date-times are RFC 3339, whose "T" and "Z" may be written in lower case (5.6).
#[test]
fn date_time_with_lower_case_t_and_z_is_valid() {
    let repo = TempRepo::empty();
    repo.write("isms.toml", "organisation = \"T\"\n").write(
        "incidents/i.yaml",
        "kind: incident\nid: i\ntitle: I\ntype: it\ndetected: 2026-05-02t09:30:00.5z\nnotifications: [{to: imy, at: 2026-05-03t10:00}]\n",
    );
    let run = repo.validate();
    assert_eq!(run.code, Some(0), "{}", run.stdout);
}

/// Ids are ASCII: an id written with å, ä or ö gets the rule and an id to use instead.
#[test]
fn id_with_swedish_letters() {
    let repo = TempRepo::example();
    repo.write(
        "units/bad.yaml",
        UNIT.replace("id: bad", "id: miljönämnden"),
    );
    let out = invalid(&repo, "units/bad.yaml:2:5", 1);
    assert!(
        out.contains("(not å, ä or ö)") && out.contains("e.g. `miljonamnden`"),
        "{out}"
    );
}

/// A copy of a record made to start a new one keeps the id it was copied with: the copy
/// is reported, not the original, although the copy comes first in path order
/// (`diarium-copy.yaml` sorts before `diarium.yaml`): the record whose file is named after
/// the id keeps it.
#[test]
fn duplicate_id_blames_the_copy_not_the_file_named_after_the_id() {
    let repo = TempRepo::example();
    let original = repo.read("assets/diarium.yaml");
    repo.write("assets/diarium-copy.yaml", &original);
    let run = repo.validate();
    assert_eq!(run.code, Some(2), "{}", run.stdout);
    let places: Vec<&str> = run
        .stdout
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("--> "))
        .collect();
    assert_eq!(places, ["assets/diarium-copy.yaml:2:5"], "{}", run.stdout);
    assert!(
        run.stdout
            .contains("the id stays with assets/diarium.yaml:2, the file named after it"),
        "{}",
        run.stdout
    );
    // Neither file named after the id: the later in path order is reported, as before.
    std::fs::remove_file(repo.path().join("assets/diarium-copy.yaml")).expect("remove");
    std::fs::rename(
        repo.path().join("assets/diarium.yaml"),
        repo.path().join("assets/b-diarium.yaml"),
    )
    .expect("rename");
    repo.write("assets/a-diarium.yaml", &original);
    let run = repo.validate();
    assert!(
        run.stdout.contains("--> assets/b-diarium.yaml:2:5")
            && run
                .stdout
                .contains("first defined at assets/a-diarium.yaml:2;"),
        "{}",
        run.stdout
    );
}

/// Another tool's YAML file in the repository (`mkdocs.yml`) is no record: the help says
/// how to leave it out.
#[test]
fn a_yaml_file_that_is_not_a_record_is_told_about_exclude() {
    let repo = TempRepo::example();
    repo.write("mkdocs.yml", "site_name: ISMS\nnav:\n  - index.md\n");
    let run = repo.validate();
    assert_eq!(run.code, Some(2), "{}", run.stdout);
    assert!(
        run.stdout.contains("help: a YAML file that is not a record is left out with `exclude = [\"mkdocs.yml\"]` in `isms.toml`"),
        "{}",
        run.stdout
    );
    // Left out as the help says, the run is clean again.
    let config = repo.read("isms.toml");
    repo.write("isms.toml", format!("exclude = [\"mkdocs.yml\"]\n{config}"));
    let run = repo.validate();
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
}
