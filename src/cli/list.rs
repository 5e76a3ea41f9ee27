//! `isms list KIND`: one kind's records with their key figures and the number of findings
//! `isms check` has on each, as a table or JSON.

use std::collections::HashMap;

use anyhow::Result;
use serde_json::{Map, Value, json};

use crate::model::{Date, Kind};
use crate::repo::derived::Derived;
use crate::repo::session::Session;
use crate::rules::Selection;

use super::{Clock, Common, Needs, TableFormat};

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

fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Bool(true) => "yes".into(),
        Value::Bool(false) => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The rows of one kind as of a date.
fn rows(session: &Session, as_of: Date, kind: Kind) -> Vec<Row> {
    let repo = &session.repo;
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
            let mut row: Row = vec![("id".into(), json!(e.record.id()), e.record.id().into())];
            for f in kind.columns() {
                let v = fields.get(*f).cloned().unwrap_or(Value::Null);
                let text = cell(&v);
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
                    age.map(|a| format!("{a} y")).unwrap_or_default(),
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

/// The records of `kind` as a table, or as JSON `{as_of, kind, records: [...]}`.
pub fn render(session: &Session, as_of: Date, kind: Kind, as_json: bool) -> String {
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
        Some(r) => r.iter().map(|(k, _, _)| k.clone()).collect(),
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
    for r in rows {
        table.add_row(r.into_iter().map(|(_, _, t)| t));
    }
    let noun = if n == 1 { kind.as_str() } else { kind.plural() };
    let table = if n == 0 {
        String::new()
    } else {
        format!("{table}\n")
    };
    format!("{table}{n} {noun} as of {as_of}, {with_findings} with findings\n")
}
