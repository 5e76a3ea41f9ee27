//! `isms due` and `isms list` speak the run's language: Swedish words without backticks with
//! `--lang sv` (and by default in a Swedish repository), the English of before with `--lang
//! en`, the same machine data in JSON, and catalogues that say every message in both
//! languages and have a Swedish word for every value of an enumerated column.

use std::collections::BTreeSet;
use std::path::PathBuf;

use isms::cli::{due, list};
use isms::l10n::{self, Catalogue, Language, Source};
use isms::model::Kind;
use serde_json::Value;

use crate::support::{Run, isms_in};

const AS_OF: &str = "2026-11-28";

fn norrvik() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/norrvik")
}

/// `isms ARGS --repo examples/norrvik --as-of 2026-11-28`, which must succeed.
fn run(args: &[&str]) -> String {
    let root = norrvik();
    let mut all: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    all.extend(["--repo".into(), root.display().to_string()]);
    all.extend(["--as-of".into(), AS_OF.into()]);
    let Run {
        code,
        stdout,
        stderr,
    } = isms_in(&root, &all);
    assert_eq!(code, Some(0), "isms {args:?}: {stderr}");
    stdout
}

/// Swedish output: the words it must have, and no backtick, unfilled value or English.
#[track_caller]
fn assert_swedish(out: &str, words: &[&str]) {
    for word in words {
        assert!(out.contains(word), "no `{word}` in:\n{out}");
    }
    assert!(!out.contains('`'), "a backtick in:\n{out}");
    assert!(!out.contains("{$"), "a value not filled in:\n{out}");
    for english in [
        "overdue",
        "deadlines",
        "verify measure",
        "never",
        " as of ",
        "with findings",
        "yes",
    ] {
        assert!(!out.contains(english), "`{english}` in:\n{out}");
    }
}

#[test]
fn due_speaks_swedish() {
    let table = run(&["due", "--lang", "sv", "--within", "1y"]);
    assert_swedish(
        &table,
        &[
            // Single words: the table wraps its cells.
            "Slutdatum",
            "försenad",
            "Verifiera",
            "säkerhetsåtgärden",
            "Revidera",
            "riktlinjen",
            "klassningen",
            "informationstillgången",
            "kontinuitetsplanen",
            "aktiviteten",
            "revisionsrekommendationen",
            "personuppgiftsincidenten",
            "säkerhetsåtgärd m-patchning",
            "försenade per 2026-11-28",
        ],
    );
    // A Swedish repository's default language.
    assert_eq!(run(&["due", "--within", "1y"]), table);

    let ics = run(&["due", "--lang", "sv", "--within", "1y", "--format", "ics"]);
    let unfolded = ics.replace("\r\n ", "");
    assert_swedish(
        &unfolded,
        &[
            "SUMMARY:Verifiera säkerhetsåtgärden Månatlig patchning av servrar (införd 2025-06-01\\, aldrig verifierad)",
            "DESCRIPTION:säkerhetsåtgärd m-patchning i measures/organisationsgemensamma.yaml",
        ],
    );
}

#[test]
fn due_in_english_is_as_before() {
    let table = run(&["due", "--lang", "en", "--within", "1y"]);
    for text in [
        "│ date       ┆         ┆ what ",
        "┆ overdue ┆ verify measure `Månatlig ",
        "┆ measure m-patchning ",
        "continuity_plan kp-vatten",
        " deadlines up to 2027-11-28 (",
        " overdue as of 2026-11-28)\n",
    ] {
        assert!(table.contains(text), "no `{text}` in:\n{table}");
    }
    let ics = run(&["due", "--lang", "en", "--within", "1y", "--format", "ics"]);
    let unfolded = ics.replace("\r\n ", "");
    for text in [
        "SUMMARY:verify measure `Månatlig patchning av servrar` (implemented 2025-06-01\\, never verified)",
        "DESCRIPTION:measure m-patchning in measures/organisationsgemensamma.yaml",
        "SUMMARY:notify IMY of the personal-data breach `Felsänt brev med hälsouppgifter` by 2026-11-23 10:00 (72 hours after detection)",
        "SUMMARY:review guideline `Riktlinje för lösenord och inloggning` (its review interval of 1 year)",
        "SUMMARY:the waiver of CLD003 expires (",
    ] {
        assert!(unfolded.contains(text), "no `{text}` in:\n{unfolded}");
    }
}

/// JSON is the same data in both languages: only a deadline's `summary` is in words, and
/// in Swedish those are Swedish.
#[test]
fn due_json_differs_only_in_the_summaries() {
    let parse = |lang: &str| -> Value {
        let out = run(&["due", "--lang", lang, "--within", "1y", "--format", "json"]);
        serde_json::from_str(&out).expect("JSON")
    };
    let (mut sv, mut en) = (parse("sv"), parse("en"));
    let summaries = |doc: &mut Value| -> Vec<String> {
        doc["deadlines"]
            .as_array_mut()
            .expect("deadlines")
            .iter_mut()
            .map(|d| d["summary"].take().as_str().expect("summary").to_owned())
            .collect()
    };
    let (sv_words, en_words) = (summaries(&mut sv), summaries(&mut en));
    assert_eq!(sv, en);
    assert_swedish(
        &sv_words.join("\n"),
        &["Verifiera säkerhetsåtgärden", "Öva kontinuitetsplanen"],
    );
    assert!(sv_words.iter().zip(&en_words).all(|(s, e)| s != e));
}

#[test]
fn list_speaks_swedish() {
    let assets = run(&["list", "assets", "--lang", "sv"]);
    assert_swedish(
        &assets,
        &[
            "Namn",
            "Verksamhetskritisk",
            "Brister",
            "┆ K  ┆ R  ┆ T  ┆ S ┆ Brister │",
            " ja ",
            "Per 2026-11-28: ",
            " informationstillgångar, varav ",
            " med brister\n",
        ],
    );
    assert_eq!(run(&["list", "assets"]), assets);
    for (kind, words) in [
        ("policies", &["antagen", "riktlinje", " år "][..]),
        ("activities", &["pågår", "planerad", " aktiviteter, "][..]),
        (
            "incidents",
            &["personuppgiftsincident", "avslutad", "betydande incident"][..],
        ),
        ("units", &["nämnd", "kommunalförbund"][..]),
        ("organisation", &["Per 2026-11-28: 1 organisation, "][..]),
    ] {
        assert_swedish(&run(&["list", kind, "--lang", "sv"]), words);
    }
}

#[test]
fn list_in_english_is_as_before() {
    let assets = run(&["list", "assets", "--lang", "en"]);
    for text in [
        "│ id ",
        "┆ name ",
        "┆ critical ┆ C  ┆ I  ┆ A  ┆ T ┆ findings │",
        "┆ yes ",
        " assets as of 2026-11-28, ",
        " with findings\n",
    ] {
        assert!(assets.contains(text), "no `{text}` in:\n{assets}");
    }
    let policies = run(&["list", "policies", "--lang", "en"]);
    for text in ["information_security_p", "┆ adopted ", "┆ 4 y ", "┆ age "] {
        assert!(policies.contains(text), "no `{text}` in:\n{policies}");
    }
    let organisation = run(&["list", "organisation", "--lang", "en"]);
    assert!(
        organisation.ends_with("1 organisation as of 2026-11-28, 1 with findings\n"),
        "{organisation}"
    );
    // JSON keeps the records' keys and codes whatever the language.
    let json = |lang| run(&["list", "activities", "--lang", lang, "--format", "json"]);
    assert_eq!(json("sv"), json("en"));
}

fn ids(sources: &[Source]) -> BTreeSet<String> {
    l10n::message_ids(sources).into_iter().collect()
}

#[test]
fn every_message_is_in_both_languages() {
    for (name, texts) in [("due", due::TEXTS), ("list", list::TEXTS)] {
        let (sv, en) = (ids(texts[0]), ids(texts[1]));
        assert!(!sv.is_empty(), "{name}");
        let only_sv: Vec<_> = sv.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&sv).collect();
        assert!(only_sv.is_empty(), "{name}: only in Swedish: {only_sv:?}");
        assert!(only_en.is_empty(), "{name}: only in English: {only_en:?}");
    }
}

/// The enumerated values of property `column` in the schema of `kind` (one of the
/// property's alternatives, or a definition in the common schema it refers to).
fn schema_enum(kind: Kind, column: &str) -> Vec<String> {
    let schema = |name: &str| -> Value {
        serde_json::from_str(isms::schema::text(name).expect("a schema")).expect("JSON")
    };
    let common = schema("common");
    let property = schema(kind.as_str())["properties"][column].clone();
    let mut alternatives = vec![property.clone()];
    for key in ["oneOf", "anyOf"] {
        alternatives.extend(property[key].as_array().cloned().unwrap_or_default());
    }
    let mut values = Vec::new();
    for alt in alternatives {
        let alt = match alt["$ref"].as_str() {
            Some(r) => {
                let def = r.rsplit('/').next().expect("a definition");
                common["$defs"][def].clone()
            }
            None => alt,
        };
        for v in alt["enum"].as_array().into_iter().flatten() {
            values.extend(v.as_str().map(str::to_owned));
        }
    }
    values
}

/// `isms list` names each enumerated column's values in Swedish words (English shows the
/// codes): every value the schema allows has one, every column with such values has a
/// message, and every `list-KIND-FIELD` message is a column of the list.
#[test]
fn every_enumerated_value_has_a_swedish_word() {
    let catalogue = Catalogue::new(list::TEXTS[0], list::TEXTS[1]);
    let mut cells = BTreeSet::new();
    for kind in Kind::ALL {
        for column in kind.columns() {
            let values = schema_enum(kind, column);
            let id = format!("list-{kind}-{column}");
            if values.is_empty() {
                assert!(
                    !catalogue.has(Language::Sv, &id),
                    "{id}: no enumerated values"
                );
                continue;
            }
            cells.insert(id.clone());
            for value in values {
                let args = [("value", value.as_str().into()), ("regime", "none".into())];
                let sv = catalogue.format(Language::Sv, &id, None, &args);
                let en = catalogue.format(Language::En, &id, None, &args);
                assert_eq!(en.as_deref(), Some(value.as_str()), "{id} {value}");
                let sv = sv.unwrap_or_else(|| panic!("no {id} in Swedish"));
                assert!(sv != value && !sv.contains('_'), "{id} {value}: {sv}");
            }
        }
    }
    let messages: BTreeSet<String> = ids(list::TEXTS[0])
        .into_iter()
        .filter(|id| {
            id.starts_with("list-")
                && !["list-column", "list-yes", "list-age", "list-total"].contains(&id.as_str())
        })
        .collect();
    assert_eq!(messages, cells);
}
