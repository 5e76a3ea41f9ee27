//! `isms list KIND`: one kind's records with their key figures and the number of findings
//! `isms check` has on each, as a table or JSON.
//!
//! The table speaks the run's language (`list.sv.ftl`, `list.en.ftl`): its headers, the
//! words of enumerated fields and the line under it. JSON keeps the records' keys and codes.

use std::collections::HashMap;

use anyhow::Result;
use serde_json::{Map, Value, json};

use crate::config::Language;
use crate::l10n::{self, Source};
use crate::model::{Date, Kind};
use crate::repo::derived::Derived;
use crate::repo::session::Session;
use crate::rules::Selection;

use super::{Clock, Common, Needs, TableFormat};

/// The record kinds' names in the singular (`kind-singular`) in Swedish, which `isms due`
/// shares; the plurals are the tool's own (`kind-plural`, [`l10n::text`]).
pub const KIND_NAMES_SV: Source = Source {
    name: "src/cli/kinds.sv.ftl",
    text: include_str!("kinds.sv.ftl"),
};

/// The record kinds' names in the singular in English: their codes.
pub const KIND_NAMES_EN: Source = Source {
    name: "src/cli/kinds.en.ftl",
    text: include_str!("kinds.en.ftl"),
};

super::catalogue!(
    kinds,
    sv: "src/cli/list.sv.ftl" => "list.sv.ftl",
    en: "src/cli/list.en.ftl" => "list.en.ftl"
);

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    common: Common,
    /// The record kind (assets, policies, incidents, ...)
    kind: String,
    /// Output format
    #[arg(long, value_enum, default_value = "table")]
    format: TableFormat,
}

pub fn run(args: Args, clock: Clock) -> Result<u8> {
    let kind = Kind::from_user(&args.kind).map_err(anyhow::Error::msg)?;
    let (session, as_of) = super::open(&args.common, Needs::Findings, clock)?;
    super::refuse_unread_settings(&session)?;
    super::emit(&render(
        &session,
        as_of,
        kind,
        args.format == TableFormat::Json,
    ))?;
    super::exit_without_drop(session);
    Ok(0)
}

/// One row: column name, the value for JSON, the text for the table.
type Row = Vec<(String, Value, String)>;

/// The table's text of `field`'s value `v` in a record of `kind`: the word of an enumerated
/// field in `lang` (`list-KIND-FIELD`, filled from `value` and the record's `context`),
/// the word for true, nothing for false or no value.
fn cell(lang: Language, kind: Kind, field: &str, v: &Value, context: &l10n::Args) -> String {
    match v {
        Value::Null | Value::Bool(false) => String::new(),
        Value::Bool(true) => text(lang, "list-yes", &[]),
        Value::String(s) => {
            let id = format!("list-{kind}-{field}");
            if texts().has(lang, &id) {
                let mut args = context.clone();
                args.push(("value", s.into()));
                text(lang, &id, &args)
            } else {
                s.clone()
            }
        }
        other => other.to_string(),
    }
}

/// What the words of a record's fields depend on besides their values: an incident's type
/// is named by the reporting regime in force on the day it was detected (`regime`; a NIS
/// incident detected from 2026-01-15 is a significant incident under the cybersecurity law).
fn context(session: &Session, kind: Kind, index: usize) -> l10n::Args {
    match kind {
        Kind::Incident => {
            let detected = session.repo.incidents[index]
                .detected
                .date(&session.config.tz());
            let regime = crate::registry::registry()
                .regime_for("significant_incident", detected.0)
                .map_or("none", |r| r.id.as_str());
            vec![("regime", regime.into())]
        }
        _ => Vec::new(),
    }
}

/// The rows of one kind as of a date.
fn rows(session: &Session, as_of: Date, kind: Kind) -> Vec<Row> {
    let repo = &session.repo;
    let lang = session.config.language;
    let result = crate::check::check(session, as_of, &Selection::default());
    let mut findings: HashMap<(Kind, String), usize> = HashMap::new();
    for d in &result.findings {
        if let (Some(k), Some(id)) = (d.kind, &d.id) {
            *findings.entry((k, id.to_lowercase())).or_default() += 1;
        }
    }
    let derived = (kind == Kind::Asset).then(|| Derived::compute(repo, as_of));
    repo.entries(kind)
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            let fields = e.record.to_json();
            let context = context(session, kind, i);
            let mut row: Row = vec![("id".into(), json!(e.record.id()), e.record.id().into())];
            for f in kind.columns() {
                let v = fields.get(*f).cloned().unwrap_or(Value::Null);
                let text = cell(lang, kind, f, &v, &context);
                row.push(((*f).into(), v, text));
            }
            if let Some(derived) = &derived {
                // Effective levels, marked when they come from an asset this one supports.
                let view = &derived.assets[i];
                for (k, letter) in ["C", "I", "A", "T"].into_iter().enumerate() {
                    let (v, text) = match view.levels[k] {
                        None => (Value::Null, String::new()),
                        Some(l) if l.from == i => (
                            json!({"level": l.level, "inherited_from": null}),
                            l.level.to_string(),
                        ),
                        Some(l) => (
                            json!({"level": l.level, "inherited_from": repo.assets[l.from].id}),
                            format!("{}↑", l.level),
                        ),
                    };
                    row.push((letter.into(), v, text));
                }
            }
            if kind == Kind::Policy {
                let adopted = repo.policies[i].adopted.filter(|d| *d <= as_of);
                let age = adopted.map(|d| d.years_until(as_of));
                row.push((
                    "age".into(),
                    json!(age),
                    age.map(|a| text(lang, "list-age", &[("years", a.into())]))
                        .unwrap_or_default(),
                ));
            }
            let n = findings
                .get(&(kind, e.record.id().to_lowercase()))
                .copied()
                .unwrap_or(0);
            row.push(("findings".into(), json!(n), n.to_string()));
            row
        })
        .collect()
}

/// The records of `kind` as a table in the run's language, or as JSON
/// `{as_of, kind, records: [...]}`.
pub fn render(session: &Session, as_of: Date, kind: Kind, as_json: bool) -> String {
    let lang = session.config.language;
    let rows = rows(session, as_of, kind);
    if as_json {
        let records: Vec<Value> = rows
            .into_iter()
            .map(|r| Value::Object(r.into_iter().map(|(k, v, _)| (k, v)).collect::<Map<_, _>>()))
            .collect();
        let doc = json!({"as_of": as_of.to_string(), "kind": kind.as_str(), "records": records});
        let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
        s.push('\n');
        return s;
    }
    let mut table = super::table();
    let header: Vec<String> = match rows.first() {
        Some(r) => r
            .iter()
            .map(|(k, _, _)| {
                let args = [("column", k.into()), ("kind", kind.as_str().into())];
                text(lang, "list-column", &args)
            })
            .collect(),
        None => Vec::new(),
    };
    if !header.is_empty() {
        table.set_header(header);
    }
    let with_findings = rows
        .iter()
        .filter(|r| {
            r.last()
                .is_some_and(|(_, v, _)| v.as_u64().unwrap_or(0) > 0)
        })
        .count();
    let n = rows.len();
    // Record text with control characters or reordering marks shown as visible
    // stand-ins: a table must not move the terminal's cursor or reorder what follows.
    for r in rows {
        table.add_row(
            r.into_iter()
                .map(|(_, _, t)| crate::util::visible::visible(&t).into_owned()),
        );
    }
    let table = if n == 0 {
        String::new()
    } else {
        format!("{table}\n")
    };
    let singular = text(lang, "kind-singular", &[("kind", kind.as_str().into())]);
    let plural = l10n::text(
        lang,
        "kind-plural",
        &[
            ("kind", kind.as_str().into()),
            ("plural", kind.plural().into()),
        ],
    );
    let total = text(
        lang,
        "list-total",
        &[
            ("count", n.into()),
            ("singular", singular.into()),
            ("plural", plural.into()),
            ("as_of", as_of.into()),
            ("with_findings", with_findings.into()),
        ],
    );
    format!("{table}{total}\n")
}
