//! Snapshots of what `isms` prints for the Sjöbacka example: `check` in every format, the
//! catalogue and one rule's page. Each command runs twice and must print the same bytes.

use std::path::Path;

use crate::support::{Run, isms_in};

const AS_OF: &str = "2026-11-28";

/// Runs `isms ARGS` from the project folder twice (with `NO_COLOR=1`, as `isms_in` does);
/// the two runs must agree byte for byte.
fn twice(args: &[&str]) -> Run {
    let cwd = Path::new(env!("CARGO_MANIFEST_DIR"));
    let first = isms_in(cwd, args);
    let second = isms_in(cwd, args);
    assert!(
        first.stderr.is_empty(),
        "isms {}: {}",
        args.join(" "),
        first.stderr
    );
    assert_eq!(
        (first.code, &first.stdout, &first.stderr),
        (second.code, &second.stdout, &second.stderr),
        "isms {} differs between two runs",
        args.join(" ")
    );
    first
}

/// The version shows in SARIF; a release must not change the snapshot.
fn without_version(text: &str) -> String {
    text.replace(
        &format!("\"{}\"", env!("CARGO_PKG_VERSION")),
        "\"[version]\"",
    )
}

#[test]
fn check_in_every_format() {
    for format in ["human", "json", "sarif", "junit", "github"] {
        let run = twice(&[
            "check",
            "--repo",
            "examples/sjobacka",
            "--as-of",
            AS_OF,
            "--lang",
            "en",
            "--format",
            format,
        ]);
        // The example has errors: `check` fails with 1, in every format.
        assert_eq!(run.code, Some(1), "--format {format}");
        insta::assert_snapshot!(format!("check.{format}"), without_version(&run.stdout));
    }
}

/// The example's own language, Swedish: messages, help lines, severities and summary.
#[test]
fn check_in_swedish() {
    for format in ["human", "json"] {
        let run = twice(&[
            "check",
            "--repo",
            "examples/sjobacka",
            "--as-of",
            AS_OF,
            "--format",
            format,
        ]);
        assert_eq!(run.code, Some(1), "--format {format}");
        insta::assert_snapshot!(format!("check.{format}.sv"), run.stdout);
    }
}

#[test]
fn rules_as_a_table_and_as_json() {
    let table = twice(&["rules"]);
    assert_eq!(table.code, Some(0));
    insta::assert_snapshot!("rules", table.stdout);
    let json = twice(&["rules", "--format", "json"]);
    assert_eq!(json.code, Some(0));
    insta::assert_snapshot!("rules.json", json.stdout);
}

#[test]
fn explain_inc001() {
    let run = twice(&["explain", "INC001"]);
    assert_eq!(run.code, Some(0));
    insta::assert_snapshot!("explain.INC001", run.stdout);
    let run = twice(&["explain", "INC001", "--lang", "sv"]);
    assert_eq!(run.code, Some(0));
    insta::assert_snapshot!("explain.INC001.sv", run.stdout);
}
