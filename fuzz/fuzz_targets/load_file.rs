//! Fuzzes the reading of one record file: arbitrary bytes go through the loader as a file's
//! content would (decoding, YAML, schemas, typing), then through every rule of `isms check`,
//! and the findings are rendered as the human and the JSON outputs render them.
//!
//! Besides "no panic, no hang, no blow-up", it asserts what the outputs promise: every
//! finding in the file points at a line and column that exist in the text the loader saw,
//! the human output shows no control or reordering character of the file raw (code
//! frames included), and the JSON output is JSON with one entry per finding.

#![no_main]

use std::borrow::Cow;
use std::path::PathBuf;

use isms::check::check;
use isms::config::{Config, Language};
use isms::diagnostic::Diagnostic;
use isms::model::Date;
use isms::render::{self, Output};
use isms::repo::{Repository, Session};
use isms::rules::Selection;
use isms::source::span::Pos;
use isms::util::visible::visible;
use libfuzzer_sys::fuzz_target;

/// Where the file is, below the repository: a folder of records, as a real file's.
const PATH: &str = "assets/fuzzed.yaml";

fuzz_target!(
    init: {
        // One worker: the rules run in parallel, and libFuzzer's figures (and a crash's
        // replay) are clearer when a run does not depend on the threads' timing.
        rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build_global()
            .expect("the only thread pool");
    },
    |data: &[u8]| one_file(data)
);

fn one_file(bytes: &[u8]) {
    let loaded = isms::load::load_bytes(PATH, bytes);
    // The text the positions refer to: as decoded when the bytes are text; otherwise the
    // bytes as the loader salvages ids from them (invalid UTF-8 as U+FFFD), which is at
    // least as long, line by line, as what it locates the first bad byte in.
    let text: String = match loaded.files.iter().find(|(p, _)| &**p == PATH) {
        Some((_, t)) => t.to_string(),
        None => String::from_utf8_lossy(bytes).into_owned(),
    };
    let repo = Repository::build(loaded);
    // Both languages' messages, by the input's length: the same records are said in
    // either as the fuzzer adds and removes bytes.
    let config = Config {
        language: if bytes.len().is_multiple_of(2) {
            Language::Sv
        } else {
            Language::En
        },
        ..Config::default()
    };
    let session = Session::from_parts(PathBuf::new(), config, repo);
    let as_of = Date::parse("2026-06-15").expect("a date");
    let result = check(&session, as_of, &Selection::default());
    for d in &result.findings {
        within_text(d, &text);
    }
    rendered(&session, &result.findings, as_of);
}

/// Asserts that the finding's span, when it has one in the fuzzed file, lies in `text`:
/// its line exists (the one after a final line break included, where a parser stops at the
/// end), and its column is at most one past that line's last character.
fn within_text(d: &Diagnostic, text: &str) {
    let Some(loc) = &d.location else { return };
    assert_eq!(&*loc.path, PATH, "a finding in another file: {d:?}");
    let Some(span) = loc.span else { return };
    for (end, pos) in [("start", span.start), ("end", span.end)] {
        assert!(
            fits(text, pos),
            "{} {end} at line {} column {} is outside the text ({} lines): {d:?}",
            d.code,
            pos.line,
            pos.column(),
            text.split('\n').count()
        );
    }
}

fn fits(text: &str, pos: Pos) -> bool {
    let Some(index) = (pos.line as usize).checked_sub(1) else {
        return false;
    };
    text.split('\n')
        .nth(index)
        .is_some_and(|line| pos.column() as usize <= line.chars().count() + 1)
}

/// Renders the findings as `isms check` does, in the human form with code frames and as
/// JSON, and asserts that the JSON reads back with every finding.
fn rendered(session: &Session, findings: &[Diagnostic], as_of: Date) {
    let repo = &session.repo;
    let text_of = |p: &str| repo.file_text(p);
    let rules = isms::rules::all();
    let out = Output {
        as_of: as_of.to_string(),
        diagnostics: findings,
        records: repo.record_count(),
        counts: &repo.counts,
        file_text: &text_of,
        rules: &rules,
        lang: session.config.language,
        path_prefix: "",
    };
    let human = render::human::render(&out, false, false);
    assert!(human.ends_with('\n'));
    for line in human.split('\n') {
        assert!(
            matches!(visible(line), Cow::Borrowed(_)),
            "a raw control or reordering character in the human output: {line:?}"
        );
    }
    let json: serde_json::Value =
        serde_json::from_str(&render::json::render(&out)).expect("the JSON output is JSON");
    let listed = json["findings"].as_array().map_or(0, Vec::len);
    assert_eq!(
        listed,
        findings.len(),
        "findings missing from the JSON output"
    );
}
