//! `isms report`: the management review, the audit self-assessment, a unit's page, a draft
//! plan, the statement of applicability or the cybersecurity-law readiness, as Markdown
//! (built-in or the user's template) or JSON, optionally compared with a git revision.

use std::io::{IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use clap::ValueEnum;

use super::{Clock, Common, Needs};
use crate::model::Date;
use crate::report::board::{self, ChartMode, Meta};
use crate::report::{self, Before, UserTemplate, Which};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    common: Common,
    /// Which report
    #[arg(value_enum, default_value = "management")]
    report: Report,
    /// The unit's id (for `unit`)
    #[arg(value_name = "ID")]
    unit: Option<String>,
    /// The framework of `soa` (`iso27001-2022`, `nis2-art21` or a `framework` record's id);
    /// default: every framework in isms.toml `frameworks`
    #[arg(long, value_name = "ID")]
    framework: Option<String>,
    /// Write the report to FILE instead of standard output (never a .yaml/.yml file)
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Your own Tera template; it receives the same data as `--format json` prints
    #[arg(long, value_name = "FILE")]
    template: Option<PathBuf>,
    /// markdown (the source format), json (the data), html (a print-ready board paper) or
    /// docx (Word)
    #[arg(long, value_enum, default_value = "markdown")]
    format: Format,
    /// How charts appear: mermaid code blocks (the Markdown default), none, or svg (inline in
    /// HTML, pictures in Word, files beside -o for Markdown; the default of html and docx)
    #[arg(long, value_enum, value_name = "HOW")]
    charts: Option<Charts>,
    /// Take the Word styles from this .docx (the municipality's own template)
    #[arg(long, value_name = "FILE")]
    reference_doc: Option<PathBuf>,
    /// The paper's date in its header (html, docx); default: the --as-of date
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
    /// The decision's reference (diarienummer) for the paper's header (html, docx)
    #[arg(long, value_name = "TEXT")]
    decision_ref: Option<String>,
    /// Add the change since this git revision (management and audit; same --as-of on both sides)
    #[arg(long, value_name = "REV")]
    compare: Option<String>,
    /// Add the development over the year (management): the key figures and gaps at the
    /// start of each quarter or month of the last twelve months, from git, as `isms trend` shows them
    #[arg(long, value_enum, value_name = "EVERY")]
    trend: Option<super::trend::EveryArg>,
}

/// The report as named on the command line.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Report {
    /// The management review (ISO/IEC 27001 9.3) for the executive board
    Management,
    /// The twelve-question self-assessment with verdicts
    Audit,
    /// One unit's page (give its id)
    Unit,
    /// A draft action plan for the next year
    Plan,
    /// The statement of applicability (ISO/IEC 27001 6.1.3 d) of each declared framework, or of --framework ID
    Soa,
    /// Readiness under the cybersecurity law (NIS2) for the management body
    Nis2,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Markdown,
    Json,
    Html,
    Docx,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Charts {
    Mermaid,
    None,
    Svg,
}

/// The largest `--reference-doc` read: a template with its fonts and pictures.
const REFERENCE_DOC_MAX: u64 = 64 << 20;

/// Writes the report to `-o FILE` or standard output.
fn write(output: Option<&Path>, bytes: &[u8]) -> Result<u8> {
    match output {
        Some(path) => super::output::write_output_bytes(path, bytes)?,
        None => super::emit_bytes(bytes)?,
    }
    Ok(0)
}

pub fn run(args: Args, clock: Clock) -> Result<u8> {
    if let Some(id) = &args.framework
        && args.report != Report::Soa
    {
        anyhow::bail!(
            "--framework {id} applies only to `isms report soa`; `isms report {}` covers no single framework",
            args.report
                .to_possible_value()
                .map_or_else(String::new, |v| v.get_name().to_owned())
        );
    }
    let which = match (args.report, args.unit) {
        (Report::Unit, Some(id)) => Which::Unit(id),
        (Report::Unit, None) => anyhow::bail!("`isms report unit` needs a unit id"),
        (_, Some(id)) => anyhow::bail!("unexpected argument `{id}`: only `unit` takes an id"),
        (Report::Management, None) => Which::Management,
        (Report::Audit, None) => Which::Audit,
        (Report::Plan, None) => Which::Plan,
        (Report::Soa, None) => Which::Soa(args.framework),
        (Report::Nis2, None) => Which::Nis2,
    };
    if let Some(path) = &args.output {
        report::check_output_path(path)?;
    }
    let charts = match (args.charts, args.format) {
        (Some(_), Format::Json) => anyhow::bail!("--charts applies to markdown, html and docx"),
        (Some(Charts::Svg), Format::Markdown) if args.output.is_none() => {
            anyhow::bail!("--charts svg writes the charts as files beside the report: give -o FILE")
        }
        (Some(Charts::Mermaid), Format::Docx) => anyhow::bail!(
            "--charts mermaid applies to markdown and html; Word shows charts as pictures (svg) or none"
        ),
        (Some(c), _) => c,
        (None, Format::Markdown | Format::Json) => Charts::Mermaid,
        (None, Format::Html | Format::Docx) => Charts::Svg,
    };
    let charts = match charts {
        Charts::Mermaid => ChartMode::Mermaid,
        Charts::None => ChartMode::None,
        Charts::Svg => ChartMode::Svg,
    };
    if args.reference_doc.is_some() && args.format != Format::Docx {
        anyhow::bail!("--reference-doc applies to --format docx");
    }
    if args.format == Format::Docx && args.output.is_none() && std::io::stdout().is_terminal() {
        anyhow::bail!("a Word file is not for the terminal: give -o FILE.docx");
    }
    let reference = args
        .reference_doc
        .as_deref()
        .map(|p| {
            crate::util::file::read_small_bytes(p, true, REFERENCE_DOC_MAX)
                .with_context(|| format!("cannot read --reference-doc {}", p.display()))
        })
        .transpose()?;
    let date = args
        .date
        .as_deref()
        .map(|d| Date::parse(d).map_err(|e| anyhow::anyhow!("--date: {e}")))
        .transpose()?;
    let template = args
        .template
        .as_deref()
        .map(UserTemplate::read)
        .transpose()?;
    // With a comparison, the work tree's load keeps the files git has clean for the
    // revision's, which then parses only the files that differ.
    let compared = args.compare.is_some() && matches!(which, Which::Management | Which::Audit);
    // With a trend, the revisions are listed while the work tree is read, and its load
    // gives them the files they share (the comparison's revision reads from the same cache).
    let series = match (args.trend, &which) {
        (Some(every), Which::Management) => Some(super::trend::By::Dates {
            since: None,
            every: every.into(),
        }),
        (Some(_), _) => {
            ignored("--trend", "the management review", &which);
            None
        }
        (None, _) => None,
    };
    let mut cache = match &series {
        Some(_) => None,
        None => compared.then(crate::load::FileCache::once),
    };
    let (plan, session, as_of) = match series {
        Some(by) => {
            let (plan, session, as_of) =
                super::trend::plan_and_open(&args.common, clock, by, "--trend")?;
            (Some(plan), session, as_of)
        }
        None => {
            let (session, as_of) =
                super::open_seeding(&args.common, Needs::Findings, clock, cache.as_ref())?;
            (None, session, as_of)
        }
    };
    let shared = plan.as_ref().map(|p| &p.cache).or(cache.as_ref());
    super::refuse_unread_settings(&session)?;
    let lang = session.config.language;
    let input = report::Input::new(&session, as_of, lang);
    // Declared here: the comparison's input borrows the session at the revision until the
    // report is written.
    let snapshot;
    let session_then;
    let before = match (&args.compare, &which) {
        (Some(rev), Which::Management | Which::Audit) => {
            snapshot = crate::git::Snapshot::read(&session.root, rev, "--compare")?;
            let mut opened = snapshot
                .open(shared)
                .with_context(|| format!("--compare {rev}: cannot read the records at {rev}"))?;
            // What the revision did not take (files added since) is of no more use.
            drop(cache.take());
            opened.config.language = lang;
            session_then = opened;
            Some(Before {
                rev: rev.clone(),
                commit: snapshot.commit.clone(),
                date: snapshot.date.clone(),
                input: report::Input::new(&session_then, as_of, lang),
            })
        }
        (Some(_), _) => {
            ignored("--compare", "the management and audit reports", &which);
            None
        }
        (None, _) => None,
    };
    let trend = match &plan {
        Some(plan) => {
            let now = crate::report::trend::point(&input, Default::default());
            let points = plan.points(Some(now), lang)?;
            Some(crate::report::trend::assemble(points, plan.every, lang))
        }
        None => None,
    };
    if args.format == Format::Json {
        let text = report::render_compared(
            &input,
            &which,
            report::Format::Json,
            template.as_ref(),
            before.as_ref(),
            trend.as_ref(),
        )?;
        return write(args.output.as_deref(), text.as_bytes());
    }
    let rendered = report::rendered(
        &input,
        &which,
        template.as_ref(),
        before.as_ref(),
        trend.as_ref(),
        charts,
    )?;
    let meta = Meta {
        lang,
        report: which.name(),
        title: board::title_of(&rendered.markdown),
        organisation: input.organisation(),
        as_of: as_of.to_string(),
        date: date.unwrap_or(as_of).to_string(),
        decision_ref: args.decision_ref.clone(),
    };
    match args.format {
        Format::Markdown => {
            let stem = args
                .output
                .as_deref()
                .and_then(|p| p.file_stem())
                .and_then(|s| s.to_str())
                .unwrap_or("chart");
            let (text, files) = board::markdown(&rendered, charts, stem);
            if let Some(folder) = args.output.as_deref().map(|p| p.with_file_name("")) {
                for f in &files {
                    super::output::write_output(&folder.join(&f.name), &f.svg)?;
                }
            }
            write(args.output.as_deref(), text.as_bytes())
        }
        Format::Html => {
            let text = report::html::document(&rendered, &meta, charts);
            write(args.output.as_deref(), text.as_bytes())
        }
        Format::Docx => {
            let bytes = report::docx::document(&rendered, &meta, charts, reference.as_deref())?;
            write(args.output.as_deref(), &bytes)
        }
        Format::Json => unreachable!("handled above"),
    }
}

/// Says on standard error that `flag` was ignored: it applies to `applies_to` only.
fn ignored(flag: &str, applies_to: &str, which: &Which) {
    let _ = writeln!(
        std::io::stderr(),
        "note: {flag} applies to {applies_to}; ignored for `{}`",
        which.name()
    );
}
