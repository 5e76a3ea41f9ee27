//! YAML syntax errors and `isms.toml` errors in words a coordinator understands: for each
//! kind of mistake, the message and help line `isms` says, and the line it points at, which
//! is the line to change (not always where the parser stopped). Both languages are said
//! without a missing value.

use isms::config::{Config, Language};
use isms::l10n::Args;
use isms::load::{RecordProblem, Unreadable, load_text};

use crate::support::TempRepo;

/// What a problem says in `lang`: its message and its help line.
fn said(lang: Language, template: &str, args: &Args) -> (String, String) {
    let catalogue = isms::rules::messages();
    for attr in [None, Some("help")] {
        let errors = catalogue.errors(lang, template, attr, args);
        assert!(
            errors.is_empty(),
            "{template} {attr:?} {lang:?}: {errors:?}"
        );
    }
    let message = catalogue
        .format(lang, template, None, args)
        .unwrap_or_default();
    let help = catalogue
        .format(lang, template, Some("help"), args)
        .unwrap_or_default();
    (message, help)
}

/// The one problem of a file `text`: its line, and its message and help in English (the
/// Swedish ones are said too, and must not lack a value).
fn yaml(text: &str) -> (u32, String, String) {
    let loaded = load_text("units/u.yaml", text);
    let problems: Vec<&Unreadable> = loaded
        .problems
        .iter()
        .filter_map(|p| match p {
            RecordProblem::Unreadable(u) => Some(u),
            _ => None,
        })
        .collect();
    let [problem] = problems.as_slice() else {
        panic!("one problem expected: {problems:#?}")
    };
    let line = problem.place.span.expect("a place").start.line;
    let (sv, sv_help) = said(Language::Sv, problem.template, &problem.args);
    swedish_form(&sv, &sv_help);
    let (message, help) = said(Language::En, problem.template, &problem.args);
    (line, message, help)
}

/// Swedish messages and help lines are full sentences without backticks.
#[track_caller]
fn swedish_form(message: &str, help: &str) {
    for text in [message, help] {
        assert!(
            text.starts_with(char::is_uppercase)
                && text.ends_with(['.', ')', '?'])
                && !text.contains('`'),
            "not a Swedish sentence: {text:?}"
        );
    }
}

#[track_caller]
fn assert_yaml(text: &str, line: u32, message: &str, help: &str) {
    let (l, m, h) = yaml(text);
    assert_eq!((l, m.as_str(), h.as_str()), (line, message, help), "{text}");
}

const HEAD: &str = "kind: unit\nid: u\n";

#[test]
fn over_indented_line() {
    assert_yaml(
        &format!("{HEAD}name: U\n  type: board\n"),
        4,
        "this line is indented more than the key `name` above it: YAML uses indentation for structure",
        "start `type` at the beginning of the line, as `name` on line 3",
    );
    assert_yaml(
        &format!("{HEAD}parent:\n  x: 1\n    y: 2\n"),
        5,
        "this line is indented more than the key `x` above it: YAML uses indentation for structure",
        "indent `y` by 2 spaces, as `x` on line 4",
    );
}

/// Under-indenting is reported at the line that is under-indented.
#[test]
fn under_indented_line() {
    assert_yaml(
        "kind: asset\nid: a\nhosting:\n    model: saas\n  countries: [SE]\n",
        5,
        "this line is indented less than the key `model` above it: YAML uses indentation for structure",
        "indent `countries` by 4 spaces, as `model` on line 4",
    );
    assert_yaml(
        &format!("{HEAD}waivers:\n  - rule: DOC001\n   reason: x\n"),
        5,
        "this line is indented less than the key `rule` above it: YAML uses indentation for structure",
        "indent `reason` by 4 spaces, as `rule` on line 4",
    );
    assert_yaml(
        "kind: asset\nid: a\nhosting:\n  countries:\n    - SE\n   - NO\n",
        6,
        "this line is indented less than the list item `- SE` above it: YAML uses indentation for structure",
        "indent `- NO` by 4 spaces, as `- SE` on line 5",
    );
}

/// The first line indented alone: the error is at the first line, not the second where
/// the parser stops.
#[test]
fn indented_first_line() {
    assert_yaml(
        "  kind: unit\nid: u\n",
        1,
        "the first line is indented and the lines after it are not: YAML uses indentation for structure",
        "remove the 2 spaces before `kind`: a record's keys start at the beginning of the line",
    );
}

#[test]
fn under_indented_line_of_a_text() {
    assert_yaml(
        &format!("{HEAD}notes: |\n  one\n two\nname: U\n"),
        5,
        "this line of the text of `notes` is indented less than the text's first line",
        "indent every line of `notes` by at least 2 spaces, as the text's first line",
    );
}

#[test]
fn tab_after_a_colon() {
    assert_yaml(
        &format!("{HEAD}name:\tU\n"),
        3,
        "a tab after the colon, where YAML needs a space",
        "replace the tab after `:` with a space",
    );
}

#[test]
fn tab_for_indentation() {
    let (line, _, help) = yaml(&format!("{HEAD}essential_services:\n\t- a\n"));
    assert_eq!(line, 4);
    assert_eq!(
        help,
        "indent with spaces; YAML does not allow tabs for indentation"
    );
}

/// `name:U` is read as text; the parser stops on the next line, the error points here.
#[test]
fn no_space_after_a_colon_or_a_dash() {
    assert_yaml(
        &format!("{HEAD}name:U\ntype: board\n"),
        3,
        "`name:U` has no space after the colon, so YAML reads it as text, not as a key and its value",
        "write a space after `:`",
    );
    assert_yaml(
        &format!("{HEAD}essential_services:\n- a\n-b\nname: U\n"),
        5,
        "`-b` has no space after the dash, so YAML reads it as text, not as a list item",
        "write a space after `-`",
    );
}

/// A key written without its colon: the parser stops on the next line, the error points
/// at this one.
#[test]
fn no_colon_after_a_key() {
    assert_yaml(
        &format!("{HEAD}name Socialnämnden\ntype: board\n"),
        3,
        "`name Socialnämnden` has no colon, so YAML reads it as text, not as a key and its value",
        "write the key with a colon and a space: `name: Socialnämnden`",
    );
    assert_yaml(
        &format!("{HEAD}name = Socialnämnden\ntype: board\n"),
        3,
        "`name = Socialnämnden` has no colon, so YAML reads it as text, not as a key and its value",
        "write the key with a colon and a space: `name: Socialnämnden`",
    );
}

#[test]
fn colon_and_space_in_a_value() {
    assert_yaml(
        &format!("{HEAD}name: Avd: IT\n"),
        3,
        "the value of `name` holds a colon and a space, which YAML reads as the start of another key",
        "put the value in quotes: `name: \"Avd: IT\"`",
    );
}

#[test]
fn quotes_left_open() {
    assert_yaml(
        &format!("{HEAD}name: \"Miljö\ntype: board\n"),
        3,
        "the double quote that starts this text is never closed",
        "end the text with `\"` on the same line",
    );
    assert_yaml(
        &format!("{HEAD}name: 'Miljö\ntype: board\n"),
        3,
        "the single quote that starts this text is never closed",
        "end the text with `'` on the same line; an apostrophe inside single quotes is written twice (`''`)",
    );
}

#[test]
fn text_after_a_closing_quote() {
    assert_yaml(
        &format!("{HEAD}notes: 'it's fine'\n"),
        3,
        "text follows the closing single quote of this value",
        "write the whole value inside the quotes: `'it''s fine'`",
    );
    assert_yaml(
        &format!("{HEAD}name: \"Miljö\" och bygg\n"),
        3,
        "text follows the closing double quote of this value",
        "write the whole value inside the quotes: `'\"Miljö\" och bygg'`",
    );
}

/// A bracket never closed: the parser stops on a later line, the error points at the
/// bracket.
#[test]
fn brackets_left_open_or_closing_nothing() {
    assert_yaml(
        &format!("{HEAD}essential_services: [a, b\ntype: board\n"),
        3,
        "`[` opens a list here that is never closed with `]`",
        "close it with `]` on the same line, or write the list one item per line, each starting with `- `",
    );
    assert_yaml(
        &format!("{HEAD}notes: [a]]\n"),
        3,
        "`]` closes no list",
        "remove the `]`, or put the value in quotes",
    );
    assert_yaml(
        "kind: asset\nid: a\nhosting:\n  countries: [SE,\n NO]\n",
        5,
        "the list of `countries` goes on at a line indented no further than `countries`",
        "indent the lines that go on with the list further than `countries`, or write the list on one line",
    );
}

#[test]
fn a_value_starting_with_a_reserved_character() {
    assert_yaml(
        &format!("{HEAD}notes: @kommunen\n"),
        3,
        "a value cannot start with @ unless it is in quotes",
        "put the value in quotes: `\"@kommunen\"`",
    );
    assert_yaml(
        &format!("{HEAD}notes: *viktigt*\n"),
        3,
        "alias to an unknown anchor",
        "a value that starts with `*` is read as an alias to an anchor (`&name`); put text that starts with `*` in quotes",
    );
}

#[test]
fn a_comment_inside_a_text() {
    assert_yaml(
        &format!("{HEAD}notes: rum 4 # plan 2\n  och 5\n"),
        3,
        "` #` starts a comment, which cannot break a text that goes on to the next line",
        "put the text in quotes, or remove the ` #`",
    );
}

#[test]
fn a_list_item_among_keys() {
    assert_yaml(
        &format!("{HEAD}name: U\n- a\n"),
        4,
        "a list item where the mapping of `name` expects a key",
        "put the list under a key of its own, indented below it, or make the line a key and its value",
    );
}

#[test]
fn a_list_on_the_line_of_its_key() {
    assert_yaml(
        &format!("{HEAD}essential_services: - a\n"),
        3,
        "a list cannot start on the line of its key `essential_services`",
        "write each item on a line of its own below `essential_services:`, indented and starting with `- `, or the list in brackets: `essential_services: [a, b]`",
    );
}

#[test]
fn a_key_written_twice() {
    assert_yaml(
        &format!("{HEAD}name: U\nname: V\ntype: board\n"),
        4,
        "duplicate key `name` in the same mapping",
        "keep one `name:` in this mapping; as written, the later value is the one read",
    );
}

/// What is not recognised keeps the parser's words, with a help line.
#[test]
fn an_error_not_recognised_keeps_the_parsers_words_and_gets_help() {
    let (line, message, help) = yaml("%YAML 1.2\n%YAML 1.2\n---\nkind: unit\n");
    assert_eq!(line, 2);
    assert!(message.starts_with("invalid YAML: "), "{message}");
    assert_eq!(
        help,
        "check this line and the one above it: the indentation (spaces, not tabs), and that every quote and bracket opened is closed"
    );
}

/// The one problem of an `isms.toml` text: its line, and its message and help in English.
fn toml(text: &str) -> (usize, String, String) {
    let (_, problems) = Config::parse_all(text);
    let [problem] = problems.as_slice() else {
        panic!("one problem expected: {problems:#?}")
    };
    let (sv, sv_help) = said(Language::Sv, "REC001-config", &problem.args);
    swedish_form(&sv, &sv_help);
    let (message, help) = said(Language::En, "REC001-config", &problem.args);
    (problem.line, message, help)
}

#[track_caller]
fn assert_toml(text: &str, line: usize, message: &str, help: &str) {
    let (l, m, h) = toml(text);
    assert_eq!((l, m.as_str(), h.as_str()), (line, message, help), "{text}");
}

#[test]
fn a_share_written_as_a_percentage_in_isms_toml() {
    assert_toml(
        "language = \"sv\"\n[training]\ncompletion_target = 90%\n",
        3,
        "`completion_target` must be a number, such as 0.9, not 90%",
        "a share is written as a decimal number: `completion_target = 0.9`",
    );
    assert_toml(
        "[training]\ncompletion_target = \"90 %\"\n",
        2,
        "`completion_target` must be a number, such as 0.9, not \"90 %\"",
        "a share is written as a decimal number: `completion_target = 0.9`",
    );
}

#[test]
fn a_decimal_comma_or_a_quoted_number_in_isms_toml() {
    assert_toml(
        "[training]\nphishing_click_rate_max = 0,05\n",
        2,
        "`phishing_click_rate_max` must be a number, such as 0.1, not 0,05",
        "a decimal number is written with a point: `phishing_click_rate_max = 0.05`",
    );
    assert_toml(
        "risk_appetite_max = \"6\"\n",
        1,
        "`risk_appetite_max` must be a whole number, such as 8, not \"6\"",
        "numbers are written without quotes: `risk_appetite_max = 6`",
    );
}

#[test]
fn text_without_quotes_in_isms_toml() {
    assert_toml(
        "organisation = Norrviks kommun\n",
        1,
        "`organisation` must be text in quotes, such as \"Sjöbacka kommun\", not Norrviks kommun",
        "write the text in quotes: `organisation = \"Norrviks kommun\"`",
    );
    assert_toml(
        "language = english\n",
        1,
        "`language` must be \"sv\" or \"en\", not english",
        "until it is corrected, `language` keeps its default",
    );
}

#[test]
fn settings_that_are_not_known_or_not_allowed_in_isms_toml() {
    assert_toml(
        "[policies]\nwarn_age_yeras = 2\n",
        2,
        "unknown setting `warn_age_yeras` in [policies]",
        "did you mean `warn_age_years`?",
    );
    assert_toml(
        "language = \"se\"\n",
        1,
        "`language` must be \"sv\" or \"en\", not \"se\"",
        "until it is corrected, `language` keeps its default",
    );
    assert_toml(
        "timezone = \"Europe/Stokholm\"\n",
        1,
        "unknown time zone `Europe/Stokholm`",
        "write an IANA time zone name, such as \"Europe/Stockholm\"",
    );
}

#[test]
fn toml_syntax_slips_in_isms_toml() {
    assert_toml(
        "language = \"sv\"\nlanguage = \"en\"\n",
        2,
        "`language` is set twice",
        "keep one of the two; until then the file is read without this line",
    );
    assert_toml(
        "organisation = \"Norrvik\ntimezone = \"UTC\"\n",
        1,
        "the text of `organisation` is never closed with \"",
        "end the text with \" on the same line",
    );
    // The parser stops on a later line; the line to change is the list's.
    assert_toml(
        "exclude = [\"drafts/**\",\n[rules]\nORG003 = \"off\"\n",
        1,
        "the list of `exclude` is never closed with ]",
        "end the list with ] after its last item",
    );
    assert_toml(
        "[training\ncompletion_target = 0.95\n",
        1,
        "the section header `[training` is not closed with ]",
        "write the header as [name], with both brackets",
    );
    assert_toml(
        "language \"en\"\n",
        1,
        "`language` has no `=` before its value",
        "write the setting as `language = \"en\"`",
    );
}

/// In a repository: the problem is a finding at the line of `isms.toml`, with its help,
/// the run goes on with the rest of the settings and the records, and it exits 2.
#[test]
fn a_bad_setting_is_a_finding_at_its_line_and_the_run_goes_on() {
    let repo = TempRepo::example();
    let config = repo.read("isms.toml");
    let line = config
        .lines()
        .position(|l| l.starts_with("completion_target"))
        .expect("completion_target in the example")
        + 1;
    let text: String = config
        .lines()
        .map(|l| match l.starts_with("completion_target") {
            true => "completion_target = 90%".to_owned(),
            false => l.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    repo.write("isms.toml", text);
    let run = repo.isms(&["check", "--lang", "en", "--as-of", "2026-11-28"]);
    assert_eq!(run.code, Some(2), "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    assert!(
        run.stdout.contains(&format!(
            "error[REC001]: `completion_target` must be a number, such as 0.9, not 90%\n  --> isms.toml:{line}:21"
        )),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("help: a share is written as a decimal number: `completion_target = 0.9`"),
        "{}",
        run.stdout
    );
    // The other rules still ran over the records.
    assert!(run.stdout.contains("[SEC001]"), "{}", run.stdout);
    // In Swedish, the language the file asks for.
    let run = repo.isms(&["validate", "--as-of", "2026-11-28"]);
    assert!(
        run.stdout.contains(
            "Inställningen completion_target ska vara ett tal, till exempel 0.9, men är 90%."
        ),
        "{}",
        run.stdout
    );
}
