//! `isms rules` and `isms explain`: the rule catalogue as a table or JSON, and one rule's
//! documentation.

use anyhow::Result;
use serde::Serialize;

use super::TableFormat;
use crate::rules;

#[derive(clap::Args)]
pub struct Args {
    /// Output format
    #[arg(long, value_enum, default_value = "table")]
    format: TableFormat,
}

#[derive(clap::Args)]
pub struct ExplainArgs {
    /// A rule code (DOC001) or name (stale-document)
    rule: String,
}

pub fn run(args: Args) -> Result<u8> {
    super::emit(&render(args.format == TableFormat::Json))?;
    Ok(0)
}

pub fn run_explain(args: ExplainArgs) -> Result<u8> {
    let rule = args.rule;
    let Some(r) = rules::find(&rule) else {
        let names = rules::all()
            .iter()
            .flat_map(|r| [r.meta().code, r.meta().name])
            .collect::<Vec<_>>();
        anyhow::bail!(
            "no rule `{rule}`{}",
            crate::util::suggest::did_you_mean(&rule, names.iter().copied())
        );
    };
    super::emit(&r.meta().page())?;
    Ok(0)
}

#[derive(Serialize)]
struct Entry<'a> {
    code: &'a str,
    name: &'a str,
    area: &'a str,
    severity: &'a str,
    summary: &'a str,
}

/// The catalogue as a table, or as JSON.
pub fn render(json: bool) -> String {
    let all = rules::all();
    if json {
        let entries: Vec<Entry<'_>> = all
            .iter()
            .map(|r| {
                let m = r.meta();
                Entry {
                    code: m.code,
                    name: m.name,
                    area: m.area().title(crate::config::Language::En),
                    severity: m.severity.as_str(),
                    summary: m.summary,
                }
            })
            .collect();
        let mut s = serde_json::to_string_pretty(&entries).unwrap_or_default();
        s.push('\n');
        return s;
    }
    let mut table = super::table();
    table.set_header(["code", "name", "severity", "finds"]);
    for r in &all {
        let m = r.meta();
        table.add_row([m.code, m.name, m.severity.as_str(), m.summary]);
    }
    format!(
        "{table}\n{} rules; `isms explain CODE` prints one rule's documentation\n",
        all.len()
    )
}
