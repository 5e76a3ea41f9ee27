//! Properties of reading records that hold for any input: loading never panics, and every
//! position the YAML reader or the loader reports lies inside the text.

use proptest::prelude::*;
use serde_json::Value;

use isms::load::{RecordProblem, load_text};
use isms::source::span::Span;

/// The texts of the example's record files.
fn example_texts() -> Vec<String> {
    let root = crate::support::example_root();
    let mut texts = Vec::new();
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry.expect("walk");
        if entry.path().extension().is_some_and(|e| e == "yaml") {
            texts.push(std::fs::read_to_string(entry.path()).expect("read"));
        }
    }
    texts
}

/// Text that looks like YAML: its indicators, line breaks, tabs and a few letters.
fn yamlish() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("kind: unit\n".to_owned()),
        Just("id: a\n".to_owned()),
        Just("---\n".to_owned()),
        Just("- ".to_owned()),
        Just("  ".to_owned()),
        Just("\t".to_owned()),
        Just("\r\n".to_owned()),
        Just("\r".to_owned()),
        Just("\u{FEFF}".to_owned()),
        Just("&a ".to_owned()),
        Just("*a".to_owned()),
        Just("!!str ".to_owned()),
        Just("? ".to_owned()),
        Just(": ".to_owned()),
        "[\\[\\]{},:#|>'\"%@`]".prop_map(|s| s),
        "[a-zåäö0-9 ]{1,8}".prop_map(|s| s),
        Just("\n".to_owned()),
    ];
    prop::collection::vec(token, 0..60).prop_map(|t| t.concat())
}

/// One edit of a text, by character index (taken modulo the length).
#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, char),
    Delete(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let chars = prop_oneof![
        Just(' '),
        Just('\t'),
        Just('\n'),
        Just('\r'),
        Just(':'),
        Just('-'),
        Just('['),
        Just('{'),
        Just('"'),
        Just('\''),
        Just('#'),
        Just('&'),
        Just('*'),
        Just('|'),
        Just('ä'),
        any::<char>(),
    ];
    prop_oneof![
        (any::<usize>(), chars).prop_map(|(i, c)| Edit::Insert(i, c)),
        any::<usize>().prop_map(Edit::Delete),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for e in edits {
        match *e {
            Edit::Insert(i, c) => chars.insert(i % (chars.len() + 1), c),
            Edit::Delete(i) if !chars.is_empty() => {
                let i = i % chars.len();
                chars.remove(i);
            }
            Edit::Delete(_) => {}
        }
    }
    chars.into_iter().collect()
}

/// The lines of a text as YAML counts them: broken at LF, CRLF or a lone CR.
fn yaml_lines(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .split('\n')
        .map(str::to_owned)
        .collect()
}

/// Checks that `span` starts on one of `lines` and within (or just past) that line.
fn check_span(lines: &[String], span: Span, what: &str) -> Result<(), TestCaseError> {
    let line = span.start.line as usize;
    prop_assert!(
        line >= 1 && line <= lines.len(),
        "{what}: line {line} outside 1..={}",
        lines.len()
    );
    let width = lines[line - 1].trim_end_matches('\r').chars().count();
    prop_assert!(
        span.start.col as usize <= width,
        "{what}: column {} past the end of line {line} ({width} characters)",
        span.start.col
    );
    prop_assert!(span.end >= span.start, "{what}: ends before it starts");
    Ok(())
}

/// Every JSON pointer of a value.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                pointers(v, format!("{at}/{i}"), out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                let seg = k.replace('~', "~0").replace('/', "~1");
                pointers(v, format!("{at}/{seg}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

/// Every position `yaml::parse` gives lies inside the text.
fn positions_are_inside(text: &str) -> Result<(), TestCaseError> {
    let lines = yaml_lines(text);
    let parsed = isms::source::yaml::parse(text);
    for doc in &parsed.documents {
        check_span(&lines, doc.span, "document")?;
        let mut all = Vec::new();
        pointers(&doc.tree.to_value(), String::new(), &mut all);
        for p in all {
            if let Some(s) = doc.spans.value(&p) {
                check_span(&lines, s, &format!("value {p}"))?;
            }
            if let Some(s) = doc.spans.key(&p) {
                check_span(&lines, s, &format!("key {p}"))?;
            }
        }
    }
    if let Some(e) = &parsed.error {
        check_span(&lines, e.span, &format!("{:?}", e.problem))?;
    }
    for w in &parsed.warnings {
        check_span(&lines, w.span, &format!("{:?}", w.problem))?;
    }
    Ok(())
}

/// Every problem the loader finds points inside the text it keeps for code frames, whose
/// lines are broken at LF only.
fn diagnostics_are_inside(text: &str) -> Result<(), TestCaseError> {
    let loaded = load_text("a.yaml", text);
    let kept = &loaded.files[0].1;
    let lines: Vec<String> = kept.split('\n').map(str::to_owned).collect();
    for problem in &loaded.problems {
        if let RecordProblem::Unreadable(u) = problem
            && let Some(span) = u.place.span
        {
            check_span(&lines, span, u.template)?;
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn loading_arbitrary_text_never_panics(text in any::<String>()) {
        diagnostics_are_inside(&text)?;
        positions_are_inside(&text)?;
    }

    #[test]
    fn loading_yamlish_text_never_panics(text in yamlish()) {
        diagnostics_are_inside(&text)?;
        positions_are_inside(&text)?;
    }

    #[test]
    fn loading_an_edited_example_record_never_panics(
        file in prop::sample::select(example_texts()),
        edits in prop::collection::vec(edit(), 1..8),
    ) {
        let text = apply(&file, &edits);
        diagnostics_are_inside(&text)?;
        positions_are_inside(&text)?;
    }
}

#[test]
fn positions_of_the_example_are_inside() {
    for text in example_texts() {
        positions_are_inside(&text).expect("inside");
        diagnostics_are_inside(&text).expect("inside");
    }
}
