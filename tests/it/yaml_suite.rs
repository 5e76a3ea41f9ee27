//! The official YAML test suite (`tests/data/yaml-test-suite`, its `data` branch) run
//! through the reader: no valid case is called a syntax error, no invalid case is read,
//! nothing panics, and every position reported lies on a line the file has. The counts are
//! kept in `docs/yaml-conformance.md`; the test fails when they change, and prints the new
//! table.

use std::path::{Path, PathBuf};

use isms::source::span::{Pos, Span};
use isms::source::yaml::{self, Problem};

use crate::support::TempRepo;

/// One case of the suite: a folder with `in.yaml`, and `error` when the YAML is invalid.
struct Case {
    id: String,
    name: String,
    text: String,
    invalid: bool,
}

fn suite_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/yaml-test-suite")
}

/// Every case, in id order; a case with variants (`ABCD/00`, `ABCD/01`) counts each.
fn cases() -> Vec<Case> {
    let mut dirs = Vec::new();
    for entry in std::fs::read_dir(suite_root()).expect("the vendored suite") {
        let path = entry.expect("a suite entry").path();
        if !path.is_dir() {
            continue;
        }
        if path.join("in.yaml").is_file() {
            dirs.push(path);
        } else {
            for sub in std::fs::read_dir(&path).expect("a case folder") {
                let sub = sub.expect("a variant").path();
                if sub.join("in.yaml").is_file() {
                    dirs.push(sub);
                }
            }
        }
    }
    dirs.sort();
    let root = suite_root();
    dirs.into_iter()
        .map(|dir| {
            let id = dir
                .strip_prefix(&root)
                .expect("below the suite")
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(dir.join("in.yaml")).expect("UTF-8 case");
            // A variant folder has no name of its own: its parent's names the case.
            let name = std::fs::read_to_string(dir.join("==="))
                .or_else(|_| std::fs::read_to_string(dir.parent().expect("parent").join("===")))
                .unwrap_or_default();
            Case {
                id,
                name: name.trim().to_string(),
                text,
                invalid: dir.join("error").exists(),
            }
        })
        .collect()
}

/// How the reader took a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Outcome {
    /// Read as documents without a problem.
    Read,
    /// Stopped at a YAML error (syntax, an unknown alias, an unbalanced end).
    YamlError,
    /// Well-formed YAML that records never need and `isms` refuses by decision: a
    /// key that is a list, a mapping or not a plain scalar.
    Refused,
}

fn outcome(text: &str) -> Outcome {
    match yaml::parse(text).error.map(|e| e.problem) {
        None => Outcome::Read,
        Some(Problem::CollectionKey | Problem::KeyNotString) => Outcome::Refused,
        Some(Problem::TooDeep | Problem::TooManyValues | Problem::TooManyDocuments) => {
            panic!("no suite case reaches a size limit")
        }
        Some(_) => Outcome::YamlError,
    }
}

/// The lines of `text` as an editor shows them: a final line break ends the last line
/// rather than starting an empty one. Each entry is the line's width in characters.
fn editor_lines(text: &str) -> Vec<usize> {
    let mut widths: Vec<usize> = Vec::new();
    let mut current = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                widths.push(current);
                current = 0;
            }
            _ => current += 1,
        }
    }
    if current > 0 || widths.is_empty() {
        widths.push(current);
    }
    widths
}

/// Whether `pos` lies on a line of the file, at most one column past its end.
fn on_a_line(pos: Pos, lines: &[usize]) -> bool {
    let line = pos.line as usize;
    line >= 1 && line <= lines.len() && pos.col as usize <= lines[line - 1]
}

fn span_on_lines(span: Span, lines: &[usize]) -> bool {
    on_a_line(span.start, lines) && on_a_line(span.end, lines)
}

/// The conformance table as `docs/yaml-conformance.md` keeps it.
fn table(cases: &[Case]) -> String {
    let mut count = std::collections::BTreeMap::new();
    for case in cases {
        *count
            .entry((case.invalid, outcome(&case.text)))
            .or_insert(0usize) += 1;
    }
    let get = |invalid, outcome| count.get(&(invalid, outcome)).copied().unwrap_or(0);
    let valid = cases.iter().filter(|c| !c.invalid).count();
    let invalid = cases.len() - valid;
    let mut t = String::new();
    t.push_str("| suite cases | read | YAML error | refused by decision |\n");
    t.push_str("|---|---:|---:|---:|\n");
    t.push_str(&format!(
        "| valid YAML ({valid}) | {} | {} | {} |\n",
        get(false, Outcome::Read),
        get(false, Outcome::YamlError),
        get(false, Outcome::Refused)
    ));
    t.push_str(&format!(
        "| invalid YAML ({invalid}) | {} | {} | {} |\n",
        get(true, Outcome::Read),
        get(true, Outcome::YamlError),
        get(true, Outcome::Refused)
    ));
    for (invalid, title) in [
        (false, "Valid YAML refused by decision"),
        (
            true,
            "Invalid YAML refused by decision before the parser's error",
        ),
    ] {
        t.push_str(&format!("\n{title}:\n\n"));
        for case in cases
            .iter()
            .filter(|c| c.invalid == invalid && outcome(&c.text) == Outcome::Refused)
        {
            t.push_str(&format!("- `{}` {}\n", case.id, case.name));
        }
    }
    t
}

#[test]
fn the_suite_has_all_its_cases() {
    let cases = cases();
    assert_eq!(cases.len(), 402, "the vendored suite is whole");
    assert!(cases.iter().filter(|c| c.invalid).count() > 90);
}

#[test]
fn no_valid_case_is_a_yaml_error_and_no_invalid_case_is_read() {
    let cases = cases();
    let wrong: Vec<String> = cases
        .iter()
        .filter_map(|c| match (c.invalid, outcome(&c.text)) {
            (false, Outcome::YamlError) => Some(format!("{} ({}) called invalid", c.id, c.name)),
            (true, Outcome::Read) => Some(format!("{} ({}) read although invalid", c.id, c.name)),
            _ => None,
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_conformance_table_in_the_docs_is_current() {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/yaml-conformance.md");
    let docs = std::fs::read_to_string(docs).expect("docs/yaml-conformance.md");
    let begin = "<!-- table: begin -->\n";
    let end = "<!-- table: end -->";
    let kept = docs
        .split_once(begin)
        .and_then(|(_, rest)| rest.split_once(end))
        .map(|(table, _)| table.trim())
        .expect("the table's markers");
    let now = table(&cases());
    assert_eq!(kept, now.trim(), "the new table:\n{now}");
}

#[test]
fn every_position_lies_on_a_line_of_the_file() {
    let mut wrong = Vec::new();
    for case in cases() {
        let lines = editor_lines(&case.text);
        let parsed = yaml::parse(&case.text);
        let spans = parsed
            .error
            .iter()
            .chain(&parsed.warnings)
            .map(|e| ("problem", e.span))
            .chain(parsed.documents.iter().map(|d| ("document", d.span)));
        for (what, span) in spans {
            if !span_on_lines(span, &lines) {
                wrong.push(format!("{}: {what} at {span:?}", case.id));
            }
        }
        // The loader's problems are what every output format prints.
        let loaded = isms::load::load_text("case.yaml", &case.text);
        for problem in &loaded.problems {
            if let isms::load::RecordProblem::Unreadable(u) = problem
                && let Some(span) = u.place.span
                && !span_on_lines(span, &lines)
            {
                wrong.push(format!("{}: {} at {span:?}", case.id, u.template));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The machine formats print the lines a person can open: every case as a file of one
/// repository, checked once, and each location compared with its file's lines.
#[test]
fn machine_formats_point_at_lines_that_exist() {
    let repo = TempRepo::empty();
    repo.write("isms.toml", "");
    let cases = cases();
    let mut lines = std::collections::HashMap::new();
    for case in &cases {
        let file = format!("suite/{}.yaml", case.id.replace('/', "-"));
        repo.write(&file, &case.text);
        lines.insert(file, editor_lines(&case.text));
    }
    let run = repo.isms(&["check", "--format", "json", "--lang", "en"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON output");
    let mut seen = 0;
    let mut wrong = Vec::new();
    for finding in json["findings"].as_array().expect("findings") {
        let (Some(file), Some(line)) = (finding["path"].as_str(), finding["line"].as_u64()) else {
            continue;
        };
        let Some(file_lines) = lines.get(file) else {
            continue;
        };
        seen += 1;
        let column = finding["column"].as_u64().unwrap_or(1) as usize;
        let ok = line >= 1
            && (line as usize) <= file_lines.len()
            && column <= file_lines[line as usize - 1] + 1;
        if !ok {
            wrong.push(format!("{file}:{line}:{column}"));
        }
    }
    assert!(seen > 100, "the findings carry locations ({seen})");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
