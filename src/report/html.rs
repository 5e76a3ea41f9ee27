//! `--format html`: a report as one self-contained, print-ready HTML file.

use crate::report::board::{ChartMode, Meta, Rendered};

/// The HTML document of a rendered report.
pub fn document(rendered: &Rendered, meta: &Meta, charts: ChartMode) -> String {
    let _ = (charts, meta);
    format!(
        "<!DOCTYPE html>\n<pre>{}</pre>\n",
        escape(&rendered.markdown)
    )
}

/// Text escaped for HTML and XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
