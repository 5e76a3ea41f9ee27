//! `isms log KIND ID`: a record's history from git, the evidence an auditor asks for (when
//! was this risk accepted, by whom): the commits that changed it and the fields they changed.
//!
//! The table speaks the run's language (`log.sv.ftl`, `log.en.ftl`); JSON keeps the codes.
//! What comes from git or the records is shown with its control characters made visible.

use anyhow::{Result, bail};
use serde_json::Value;

use crate::config::Language;
use crate::git::log::{Change, ChangeKind, FieldChangeKind, History};
use crate::l10n;
use crate::load::RecordProblem;
use crate::model::Kind;
use crate::repo::fold_case;
use crate::repo::session::Session;
use crate::util::visible::visible;

use super::{Clock, Common, Needs, TableFormat};

super::catalogue!(
    kinds,
    sv: "src/cli/log.sv.ftl" => "log.sv.ftl",
    en: "src/cli/log.en.ftl" => "log.en.ftl"
);

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    common: Common,
    /// The record's kind (asset, risks, policy, ...)
    kind: String,
    /// The record's id (case does not matter)
    id: String,
    /// Output format
    #[arg(long, value_enum, default_value = "table")]
    format: TableFormat,
}

pub fn run(args: Args, clock: Clock) -> Result<u8> {
    // Nothing the user writes reaches git as an option.
    if args.id.starts_with('-') {
        bail!("isms log: `{}` is not an id", args.id);
    }
    let kind = Kind::from_user(&args.kind).map_err(anyhow::Error::msg)?;
    let (session, _) = super::open(&args.common, Needs::Records, clock)?;
    let lang = session.config.language;
    let record = find(&session, kind, &args.id)?;
    let history = crate::git::log::history(&session.root, &record.path, kind, &record.id)?;
    let out = match args.format {
        TableFormat::Json => render_json(&history),
        TableFormat::Table => render_table(&history, record.title.as_deref(), lang),
    };
    super::emit(&out)?;
    if history.cut {
        eprintln!("{}", text(lang, "log-shallow", &[]));
    }
    super::exit_without_drop(session);
    Ok(0)
}

/// The record in the work tree that `isms log` follows.
struct Found {
    /// Its id as the record writes it.
    id: String,
    /// Its file, relative to the repository's folder.
    path: String,
    /// Its title or name, when it has one.
    title: Option<String>,
}

/// The record `kind` `id` (ids compare ignoring case), valid or not: a record that fails
/// its schema has a history too. An unknown id is an error with the closest id of the kind.
fn find(session: &Session, kind: Kind, id: &str) -> Result<Found> {
    let wanted = fold_case(id);
    let entries = session.repo.entries(kind);
    if let Some(e) = session.repo.index(kind, id).and_then(|i| entries.get(i)) {
        let fields = e.record.to_json();
        let title = ["title", "name"]
            .iter()
            .find_map(|k| fields.get(*k).and_then(Value::as_str))
            .map(str::to_owned);
        return Ok(Found {
            id: e.record.id().to_owned(),
            path: e.src.path.to_string(),
            title,
        });
    }
    for p in &session.repo.problems {
        if let RecordProblem::Unreadable(u) = p
            && u.place.kind == Some(kind)
            && let Some(found) = u.place.id.as_deref().filter(|i| fold_case(i) == wanted)
        {
            return Ok(Found {
                id: found.to_owned(),
                path: u.place.path.to_string(),
                title: None,
            });
        }
    }
    let lang = session.config.language;
    let closest = crate::util::suggest::closest(id, entries.iter().map(|e| e.record.id()));
    let mut args = vec![
        ("kind_name", kind_name(lang, kind).into()),
        ("id", shown(id)),
    ];
    l10n::suggest(&mut args, closest);
    bail!("{}", text(lang, "log-unknown-id", &args))
}

/// The kind's name in the singular in `lang`.
fn kind_name(lang: Language, kind: Kind) -> String {
    text(lang, "kind-singular", &[("kind", kind.as_str().into())])
}

/// The history as JSON: `{kind, id, path, commits: [...]}`, keys in a fixed order.
pub fn render_json(history: &History) -> String {
    let mut s = serde_json::to_string_pretty(history).unwrap_or_default();
    s.push('\n');
    s
}

/// Text from git or a record, safe for a terminal.
fn shown(s: &str) -> l10n::Value {
    visible(s).into_owned().into()
}

/// A field's value as the table shows it: strings bare, lists `[a, b]`, the rest as in
/// JSON.
fn compact(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(compact).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(map) => {
            // Key order fixed here: the map's own order depends on serde_json's features.
            let mut pairs: Vec<(&String, &Value)> = map.iter().collect();
            pairs.sort_by(|a, b| a.0.cmp(b.0));
            let pairs: Vec<String> = pairs
                .into_iter()
                .map(|(k, v)| format!("{k}: {}", compact(v)))
                .collect();
            format!("{{{}}}", pairs.join(", "))
        }
        other => other.to_string(),
    }
}

/// The history as the table shows it: the heading, then each commit's line and what it did,
/// then the line under it.
pub fn render_table(history: &History, title: Option<&str>, lang: Language) -> String {
    let mut out = text(
        lang,
        "log-heading",
        &[
            ("kind_name", kind_name(lang, history.kind).into()),
            ("id", shown(&history.id)),
            ("has_title", title.is_some().into()),
            ("title", shown(title.unwrap_or_default())),
            ("path", shown(&history.path)),
        ],
    );
    out.push_str("\n\n");
    for change in &history.commits {
        commit_lines(&mut out, change, lang);
        out.push('\n');
    }
    out.push_str(&text(
        lang,
        "log-total",
        &[("count", history.commits.len().into())],
    ));
    out.push('\n');
    out
}

/// One commit's line, then its indented lines: who committed it when not its author, the
/// record added, removed or moved, and each field changed.
fn commit_lines(out: &mut String, c: &Change, lang: Language) {
    let signature = text(
        lang,
        "log-signature",
        &[("status", c.signature.as_str().into())],
    );
    let line = text(
        lang,
        "log-commit",
        &[
            ("date", shown(c.day())),
            ("short", shown(&c.short_commit)),
            ("author", shown(&c.author.name)),
            ("signature", signature.into()),
            ("subject", shown(&c.subject)),
        ],
    );
    out.push_str(&line);
    out.push('\n');
    let mut lines = Vec::new();
    if (&c.committer.name, &c.committer.email) != (&c.author.name, &c.author.email) {
        let date = c.committer.date.get(..10).unwrap_or(&c.committer.date);
        lines.push(text(
            lang,
            "log-committed-by",
            &[("name", shown(&c.committer.name)), ("date", shown(date))],
        ));
    }
    if let Some(from) = &c.renamed_from {
        lines.push(text(
            lang,
            "log-renamed",
            &[("from", shown(from)), ("to", shown(&c.path))],
        ));
    }
    match c.change {
        ChangeKind::Added => lines.push(text(lang, "log-added", &[("path", shown(&c.path))])),
        ChangeKind::Removed => lines.push(text(lang, "log-removed", &[("path", shown(&c.path))])),
        ChangeKind::Changed | ChangeKind::Renamed => {}
    }
    for f in &c.fields {
        let id = match f.change {
            FieldChangeKind::Added => "log-field-added",
            FieldChangeKind::Removed => "log-field-removed",
            FieldChangeKind::Changed => "log-field-changed",
        };
        lines.push(text(
            lang,
            id,
            &[
                ("field", shown(&f.field)),
                ("old", shown(&compact(&f.old))),
                ("new", shown(&compact(&f.new))),
            ],
        ));
    }
    for l in lines {
        out.push_str("    ");
        out.push_str(&l);
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::git::log::{Committer, FieldChange, Person, Signature};
    use serde_json::json;

    fn change(subject: &str) -> Change {
        Change {
            commit: "0123456789abcdef0123456789abcdef01234567".into(),
            short_commit: "0123456".into(),
            date: "2026-03-01T10:00:00+01:00".into(),
            author: Person {
                name: "Anna Andersson".into(),
                email: "anna@example.org".into(),
            },
            committer: Committer {
                name: "Bo Berg".into(),
                email: "bo@example.org".into(),
                date: "2026-03-02T09:00:00+01:00".into(),
            },
            subject: subject.into(),
            signature: Signature::None,
            path: "assets/b.yaml".into(),
            renamed_from: Some("assets/a.yaml".into()),
            change: ChangeKind::Changed,
            fields: vec![
                FieldChange {
                    field: "confidentiality".into(),
                    change: FieldChangeKind::Changed,
                    old: json!(2),
                    new: json!(3),
                },
                FieldChange {
                    field: "hosting.countries".into(),
                    change: FieldChangeKind::Added,
                    old: Value::Null,
                    new: json!(["SE", "US"]),
                },
            ],
        }
    }

    fn history(commits: Vec<Change>) -> History {
        History {
            kind: Kind::Asset,
            id: "procapita".into(),
            path: "assets/b.yaml".into(),
            commits,
            cut: false,
        }
    }

    #[test]
    fn the_table_in_english_and_swedish() {
        let h = history(vec![change("Raise \u{1b}[31mC")]);
        let en = render_table(&h, Some("Procapita"), Language::En);
        assert_eq!(
            en,
            "History of asset procapita – Procapita (assets/b.yaml)\n\n\
             2026-03-01  0123456  Anna Andersson  [unsigned]  Raise ␛[31mC\n\
             \x20   committed by Bo Berg on 2026-03-02\n\
             \x20   moved from assets/a.yaml to assets/b.yaml\n\
             \x20   ~ confidentiality: 2 → 3\n\
             \x20   + hosting.countries: [SE, US]\n\n\
             1 commit changed the record\n"
        );
        let sv = render_table(&h, None, Language::Sv);
        assert!(
            sv.starts_with("Historik för informationstillgång procapita (assets/b.yaml)\n"),
            "{sv}"
        );
        assert!(sv.contains("[osignerad]"), "{sv}");
        assert!(sv.contains("incheckad av Bo Berg 2026-03-02"), "{sv}");
        assert!(
            sv.ends_with("Posten har ändrats i en incheckning.\n"),
            "{sv}"
        );
        let none = render_table(&history(Vec::new()), None, Language::Sv);
        assert!(none.ends_with("Posten finns ännu inte i någon incheckning.\n"));
    }

    #[test]
    fn json_has_the_documented_shape() {
        let json: Value =
            serde_json::from_str(&render_json(&history(vec![change("s")]))).expect("JSON");
        assert_eq!(json["kind"], "asset");
        let c = &json["commits"][0];
        assert_eq!(c["signature"], "none");
        assert_eq!(c["change"], "changed");
        assert_eq!(
            c["author"],
            json!({"name": "Anna Andersson", "email": "anna@example.org"})
        );
        assert_eq!(c["committer"]["date"], "2026-03-02T09:00:00+01:00");
        assert_eq!(c["renamed_from"], "assets/a.yaml");
        assert_eq!(
            c["fields"][1],
            json!({"field": "hosting.countries", "change": "added", "old": null, "new": ["SE", "US"]})
        );
    }

    #[test]
    fn values_are_compact() {
        assert_eq!(compact(&json!("text")), "text");
        assert_eq!(compact(&json!(["a", 1, null])), "[a, 1, null]");
        assert_eq!(compact(&json!({})), "{}");
        assert_eq!(compact(&json!({"b": 1, "a": true})), "{a: true, b: 1}");
    }

    /// Every text is in both languages, and each fills without a missing value.
    #[test]
    fn every_text_is_in_both_languages_and_fills() {
        let ids = |sources: &[l10n::Source]| {
            let mut v = l10n::message_ids(sources);
            v.sort();
            v
        };
        assert_eq!(ids(TEXTS[0]), ids(TEXTS[1]));
        let s = |v: &str| l10n::Value::from(v);
        let cases: Vec<(&str, Vec<(&'static str, l10n::Value)>)> = vec![
            (
                "log-heading",
                vec![
                    ("kind_name", s("asset")),
                    ("id", s("x")),
                    ("has_title", true.into()),
                    ("title", s("X")),
                    ("path", s("p")),
                ],
            ),
            (
                "log-commit",
                vec![
                    ("date", s("d")),
                    ("short", s("c")),
                    ("author", s("a")),
                    ("signature", s("s")),
                    ("subject", s("t")),
                ],
            ),
            ("log-signature", vec![("status", s("revoked"))]),
            ("log-committed-by", vec![("name", s("n")), ("date", s("d"))]),
            ("log-added", vec![("path", s("p"))]),
            ("log-removed", vec![("path", s("p"))]),
            ("log-renamed", vec![("from", s("a")), ("to", s("b"))]),
            ("log-field-added", vec![("field", s("f")), ("new", s("n"))]),
            (
                "log-field-removed",
                vec![("field", s("f")), ("old", s("o"))],
            ),
            (
                "log-field-changed",
                vec![("field", s("f")), ("old", s("o")), ("new", s("n"))],
            ),
            ("log-total", vec![("count", 3usize.into())]),
            ("log-shallow", vec![]),
            (
                "log-unknown-id",
                vec![
                    ("kind_name", s("asset")),
                    ("id", s("x")),
                    ("has_closest", true.into()),
                    ("closest", s("y")),
                ],
            ),
            ("kind-singular", vec![("kind", s("asset"))]),
        ];
        let mut said: Vec<String> = cases.iter().map(|(id, _)| (*id).to_owned()).collect();
        said.sort();
        assert_eq!(said, ids(TEXTS[0]), "every text has its case here");
        for lang in [Language::Sv, Language::En] {
            for (id, args) in &cases {
                let errors = texts().errors(lang, id, None, args);
                assert!(errors.is_empty(), "{id} ({}): {errors:?}", lang.as_str());
            }
        }
    }
}
