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
    /// Language of the documentation [default: `language` in the isms.toml of the current
    /// folder or above, else English]
    #[arg(long, value_enum)]
    lang: Option<super::Lang>,
}

pub fn run(args: Args) -> Result<u8> {
    super::emit(&render(args.format == TableFormat::Json))?;
    Ok(0)
}

pub fn run_explain(args: ExplainArgs) -> Result<u8> {
    let rule = args.rule.clone();
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
    super::emit(&r.meta().page_in(explain_language(args.lang)))?;
    Ok(0)
}

/// `--lang`, else the language of the repository around the current folder; outside
/// one, English (the documentation's own language). A broken `isms.toml` is `check`'s to
/// report, not `explain`'s: it falls back likewise.
fn explain_language(lang: Option<super::Lang>) -> crate::config::Language {
    use crate::config::{self, Config, Language};
    if lang.is_some() {
        return super::Lang::or_config(lang, &Config::default());
    }
    let Ok(cwd) = std::env::current_dir() else {
        return Language::En;
    };
    let root = config::find_root(None, &cwd);
    if !root.join(config::FILE_NAME).is_file() {
        return Language::En;
    }
    Config::load(&root).map_or(Language::En, |c| c.language)
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
