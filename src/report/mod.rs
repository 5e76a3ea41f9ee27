//! `isms report`: the management review, the audit self-assessment, a committee's page, a
//! draft action plan, the statement of applicability and the cybersecurity-law readiness,
//! as Markdown from Tera templates or as the templates' data in JSON.
//!
//! Each report is a data structure built from the records and the findings of `isms check`
//! (`management/`, `audit/`, `unit/`, `plan/`, `soa.rs`, `nis2.rs`) from what they share: the figures of
//! `facts.rs`, the rows of `rows/` and the gaps by area of `gaps.rs`. The same data goes to
//! the built-in template of the chosen language (`templates/<report>.<lang>.md.tera`), to
//! the user's own template, or to `--format json`. Every value a template prints is escaped for Markdown
//! unless the template marks it `safe` (the Mermaid charts and YAML snippets are built
//! already escaped for their own syntax).

pub mod audit;
pub mod board;
pub mod charts;
pub mod compare;
pub mod docx;
pub mod facts;
pub mod gaps;
pub mod html;
pub mod labels;
pub mod management;
pub mod markdown;
pub mod nis2;
pub mod plan;
pub mod rows;
pub mod soa;
pub mod svg;
pub mod trend;
pub mod unit;

use std::path::Path;

use anyhow::{Context as _, Result, bail};
use serde::Serialize;

use crate::config::Language;
pub use compare::Before;
pub use facts::Input;

/// Which report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Which {
    Management,
    Audit,
    /// One unit's page, by unit id.
    Unit(String),
    Plan,
    /// The statement of applicability of one framework, by id, or of every framework
    /// `isms.toml` declares.
    Soa(Option<String>),
    /// Readiness under the cybersecurity law.
    Nis2,
}

impl Which {
    pub fn name(&self) -> &'static str {
        match self {
            Which::Management => "management",
            Which::Audit => "audit",
            Which::Unit(_) => "unit",
            Which::Plan => "plan",
            Which::Soa(_) => "soa",
            Which::Nis2 => "nis2",
        }
    }
}

/// Markdown from a template, or the template's data as JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Json,
}

/// A user's own template: its name (shown in errors, usually the path) and text.
#[derive(Debug, Clone)]
pub struct UserTemplate {
    pub name: String,
    pub text: String,
}

impl UserTemplate {
    /// Reads a template file: a regular file (a link the user named is followed) of at
    /// most a mebibyte, never a device or a pipe.
    pub fn read(path: &Path) -> Result<UserTemplate> {
        let text = crate::util::file::read_small_text(path, true)
            .with_context(|| format!("cannot read template {}", path.display()))?;
        Ok(UserTemplate {
            name: path.display().to_string(),
            text,
        })
    }
}

/// What every report's data starts with.
#[derive(Debug, Clone, Serialize)]
pub struct Header {
    /// `management`, `audit`, `unit`, `plan`, `soa` or `nis2`.
    pub report: &'static str,
    /// `sv` or `en`.
    pub lang: &'static str,
    pub as_of: String,
    pub organisation: String,
    /// Records with schema, id or reference errors: left out of every figure.
    pub record_problems: usize,
}

impl Header {
    pub fn new(input: &Input<'_>, report: &'static str) -> Header {
        Header {
            report,
            lang: input.lang.as_str(),
            as_of: input.as_of.to_string(),
            organisation: input.organisation(),
            record_problems: input.record_problems,
        }
    }
}

/// The data of a report: what its template receives and what `--format json` prints.
pub fn data(input: &Input<'_>, which: &Which) -> Result<serde_json::Value> {
    data_compared(input, which, None)
}

/// The data of a report, compared with the records at a revision when `before` is given:
/// the management review and the audit report then hold a `compare` object (see
/// [`compare::Compare`]); the other reports ignore `before`.
pub fn data_compared(
    input: &Input<'_>,
    which: &Which,
    before: Option<&Before<'_>>,
) -> Result<serde_json::Value> {
    Ok(data_and_charts(input, which, before, None)?.0)
}

/// The data of a report and the charts it holds, in the data's order.
fn data_and_charts(
    input: &Input<'_>,
    which: &Which,
    before: Option<&Before<'_>>,
    trend: Option<&trend::Trend>,
) -> Result<(serde_json::Value, Vec<charts::Chart>)> {
    fn some(charts: &[&Option<charts::Chart>]) -> Vec<charts::Chart> {
        charts.iter().filter_map(|c| (*c).clone()).collect()
    }
    let (value, compared, mut charts) = match which {
        Which::Management => {
            let mut m = management::build(input);
            let c = before.map(|b| compare::management(&mut m, b));
            let k = &m.charts;
            let charts = some(&[
                &k.incidents_by_month,
                &k.incidents_by_type,
                &k.training_by_unit,
                &k.classification_coverage,
                &k.plan_status,
                &k.plan_gantt,
            ]);
            (serde_json::to_value(m), c, charts)
        }
        Which::Audit => {
            let mut a = audit::build(input);
            let c = before.map(|b| compare::audit(&mut a, b));
            let charts = some(&[&a.charts.verdicts]);
            (serde_json::to_value(a), c, charts)
        }
        Which::Unit(id) => {
            let u = unit::build(input, id)?;
            let charts = some(&[&u.charts.classification]);
            (serde_json::to_value(u), None, charts)
        }
        Which::Plan => {
            let p = plan::build(input);
            let charts = some(&[&p.charts.gantt]);
            (serde_json::to_value(p), None, charts)
        }
        Which::Soa(framework) => {
            let s = soa::build(input, framework.as_deref())?;
            let charts = some(&s.frameworks.iter().map(|f| &f.chart).collect::<Vec<_>>());
            (serde_json::to_value(s), None, charts)
        }
        Which::Nis2 => {
            let n = nis2::build(input);
            let charts = some(&[&n.measures.chart]);
            (serde_json::to_value(n), None, charts)
        }
    };
    let mut value = value.context("cannot serialise the report data")?;
    if let (Some(c), Some(map)) = (compared, value.as_object_mut()) {
        map.insert(
            "compare".to_owned(),
            serde_json::to_value(c).context("cannot serialise the comparison")?,
        );
    }
    // The management review's development over the year (`--trend`).
    if let (Some(t), Which::Management, Some(map)) = (trend, which, value.as_object_mut()) {
        map.insert(
            "trend".to_owned(),
            serde_json::to_value(t).context("cannot serialise the trend")?,
        );
        charts.extend(t.chart.clone());
    }
    Ok((value, charts))
}

/// The built-in template of a report in a language.
pub fn builtin_template(which: &Which, lang: Language) -> (&'static str, &'static str) {
    match (which, lang) {
        (Which::Management, Language::Sv) => (
            "management.sv.md",
            include_str!("../../templates/management.sv.md.tera"),
        ),
        (Which::Management, Language::En) => (
            "management.en.md",
            include_str!("../../templates/management.en.md.tera"),
        ),
        (Which::Audit, Language::Sv) => (
            "audit.sv.md",
            include_str!("../../templates/audit.sv.md.tera"),
        ),
        (Which::Audit, Language::En) => (
            "audit.en.md",
            include_str!("../../templates/audit.en.md.tera"),
        ),
        (Which::Unit(_), Language::Sv) => (
            "unit.sv.md",
            include_str!("../../templates/unit.sv.md.tera"),
        ),
        (Which::Unit(_), Language::En) => (
            "unit.en.md",
            include_str!("../../templates/unit.en.md.tera"),
        ),
        (Which::Plan, Language::Sv) => (
            "plan.sv.md",
            include_str!("../../templates/plan.sv.md.tera"),
        ),
        (Which::Plan, Language::En) => (
            "plan.en.md",
            include_str!("../../templates/plan.en.md.tera"),
        ),
        (Which::Soa(_), Language::Sv) => {
            ("soa.sv.md", include_str!("../../templates/soa.sv.md.tera"))
        }
        (Which::Soa(_), Language::En) => {
            ("soa.en.md", include_str!("../../templates/soa.en.md.tera"))
        }
        (Which::Nis2, Language::Sv) => (
            "nis2.sv.md",
            include_str!("../../templates/nis2.sv.md.tera"),
        ),
        (Which::Nis2, Language::En) => (
            "nis2.en.md",
            include_str!("../../templates/nis2.en.md.tera"),
        ),
    }
}

/// A Tera environment for a language: Markdown escaping on for every template, whatever its
/// name, and the number filters of the language.
///
/// Filters: `percent` (0.48 → `48 %` / `48%`, null → `–`), `long_date` (`2026-03-16` →
/// `16 mars 2026`), `decimal(decimals=1)`
/// (0.5 → `0,5` / `0.5`), `count(one=, many=, neuter=false)` (3 → `tre brister`), `code`.
pub fn environment(lang: Language) -> tera::Tera {
    let mut tera = tera::Tera::new();
    // Every name ends with "": user templates are escaped whatever they are called.
    tera.autoescape_on([""]);
    tera.set_escape_fn(markdown::escape_fn);
    tera.register_filter(
        "percent",
        move |v: &tera::Value, _: tera::Kwargs, _: &tera::State| -> String {
            v.as_f64()
                .map_or_else(|| "–".to_owned(), |x| markdown::percent(x, lang))
        },
    );
    // A code span: its text is not escaped, as Markdown shows backslashes inside one.
    tera.register_filter(
        "code",
        |v: &tera::Value, _: tera::Kwargs, _: &tera::State| -> tera::Value {
            let text = v.as_str().map_or_else(|| v.to_string(), str::to_owned);
            tera::Value::safe_string(&markdown::code_span(&text))
        },
    );
    // A count with its noun in agreement: `count(one="brist", many="brister")`: "en
    // brist", "tre brister", "23 brister"; Swedish running text writes one to twelve as
    // words (`neuter=true` for "ett").
    tera.register_filter(
        "count",
        move |v: &tera::Value, kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            let n = v.as_i64().unwrap_or(0);
            let one = kwargs.get::<&str>("one")?.unwrap_or("");
            let many = kwargs.get::<&str>("many")?.unwrap_or("");
            let neuter = kwargs.get::<bool>("neuter")?.unwrap_or(false);
            Ok(markdown::count(n, one, many, neuter, lang))
        },
    );
    // A date in running text: `2026-03-16` → "16 mars 2026" / "16 March 2026".
    tera.register_filter(
        "long_date",
        move |v: &tera::Value, _: tera::Kwargs, _: &tera::State| -> String {
            v.as_str()
                .map_or_else(|| "–".to_owned(), |d| markdown::long_date(d, lang))
        },
    );
    tera.register_filter(
        "decimal",
        move |v: &tera::Value, kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            let decimals = kwargs.get::<usize>("decimals")?.unwrap_or(1);
            Ok(v.as_f64()
                .map_or_else(|| "–".to_owned(), |x| markdown::decimal(x, decimals, lang)))
        },
    );
    tera
}

/// Renders a report: the data as JSON, or Markdown from the built-in or the user's template.
pub fn render(
    input: &Input<'_>,
    which: &Which,
    format: Format,
    template: Option<&UserTemplate>,
) -> Result<String> {
    render_compared(input, which, format, template, None, None)
}

/// Renders a report compared with the records at a revision (`isms report --compare REV`)
/// and, for the management review, with its development over time (`--trend`): its data as
/// JSON, or its Markdown.
pub fn render_compared(
    input: &Input<'_>,
    which: &Which,
    format: Format,
    template: Option<&UserTemplate>,
    before: Option<&Before<'_>>,
    trend: Option<&trend::Trend>,
) -> Result<String> {
    if format == Format::Json {
        let value = data_and_charts(input, which, before, trend)?.0;
        let mut s = serde_json::to_string_pretty(&value).context("cannot write JSON")?;
        s.push('\n');
        return Ok(s);
    }
    Ok(rendered(
        input,
        which,
        template,
        before,
        trend,
        board::ChartMode::Mermaid,
    )?
    .markdown)
}

/// A report's Markdown, from the built-in or the user's template, with the charts its data
/// holds: the source of every board paper. With [`board::ChartMode::None`] the template
/// sees no charts (each is null), so that it can show a chart's numbers as a table
/// instead.
pub fn rendered(
    input: &Input<'_>,
    which: &Which,
    template: Option<&UserTemplate>,
    before: Option<&Before<'_>>,
    trend: Option<&trend::Trend>,
    mode: board::ChartMode,
) -> Result<board::Rendered> {
    let (mut value, charts) = data_and_charts(input, which, before, trend)?;
    if mode == board::ChartMode::None {
        without_charts(&mut value, &charts);
    }
    let mut tera = environment(input.lang);
    let name = match template {
        Some(t) => {
            tera.add_raw_template(&t.name, &t.text)
                .map_err(|e| anyhow::anyhow!("template {} is invalid:\n{e}", t.name))?;
            t.name.clone()
        }
        None => {
            let (name, text) = builtin_template(which, input.lang);
            tera.add_raw_template(name, text)
                .map_err(|e| anyhow::anyhow!("built-in template {name} is invalid:\n{e}"))?;
            name.to_owned()
        }
    };
    let context = tera::Context::from_serialize(&value)
        .map_err(|e| anyhow::anyhow!("cannot pass the report data to the template: {e}"))?;
    let text = tera
        .render(&name, &context)
        .map_err(|e| anyhow::anyhow!("cannot render template {name}:\n{e}"))?;
    Ok(board::Rendered {
        lang: input.lang,
        markdown: markdown::tidy(&text),
        charts,
    })
}

/// Sets every value of the data that is one of `charts` (its Mermaid text) to null.
fn without_charts(value: &mut serde_json::Value, charts: &[charts::Chart]) {
    match value {
        serde_json::Value::String(s) if charts.iter().any(|c| c.mermaid() == s) => {
            *value = serde_json::Value::Null;
        }
        serde_json::Value::Array(items) => {
            for v in items {
                without_charts(v, charts);
            }
        }
        serde_json::Value::Object(map) => {
            for v in map.values_mut() {
                without_charts(v, charts);
            }
        }
        _ => {}
    }
}

/// Refuses an output path that could be a record: reports never overwrite YAML.
pub fn check_output_path(path: &Path) -> Result<()> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if matches!(ext.as_deref(), Some("yaml" | "yml")) {
        bail!(
            "refusing to write the report to {}: .yaml and .yml files are records; choose another name, such as a .md file",
            path.display()
        );
    }
    Ok(())
}
