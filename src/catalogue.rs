//! The rule catalogue as `isms rules` prints it, and one rule's page for `isms explain`.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};
use serde::Serialize;

use crate::rules::{self, RuleMeta};

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
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(["code", "name", "severity", "finds"]);
    if let Ok(w) = std::env::var("COLUMNS").map(|c| c.parse::<u16>().unwrap_or(120)) {
        table.set_width(w);
    } else {
        table.set_width(120);
    }
    for r in &all {
        let m = r.meta();
        table.add_row([m.code, m.name, m.severity.as_str(), m.summary]);
    }
    format!(
        "{table}\n{} rules; `isms explain CODE` prints one rule's documentation\n",
        all.len()
    )
}

/// One rule's documentation: a header line, then its doc comment.
pub fn explain(m: &RuleMeta) -> String {
    let doc: String = m
        .doc
        .lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n");
    format!(
        "# {} {}\n\nArea: {}. Default severity: {}.\n\n{}\n",
        m.code,
        m.name,
        m.area().title(crate::config::Language::En),
        m.severity.as_str(),
        doc.trim_end()
    )
}
