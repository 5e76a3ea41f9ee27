//! `isms report`: the management review, the audit self-assessment, a unit's page, a draft
//! plan, the statement of applicability or the cybersecurity-law readiness, as Markdown
//! (built-in or the user's template) or JSON, optionally compared with a git revision.

use std::io::Write as _;
use std::path::PathBuf;

use anyhow::{Context as _, Result};
use clap::ValueEnum;

use super::{Clock, Common, Needs};
use crate::repo::session::Session;
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
    #[arg(long, value_enum, default_value = "markdown")]
    format: Format,
    /// Add the change since this git revision (management and audit; same --as-of on both sides)
    #[arg(long, value_name = "REV")]
    compare: Option<String>,
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
    let template = args
        .template
        .as_deref()
        .map(UserTemplate::read)
        .transpose()?;
    let (session, as_of) = super::open(&args.common, Needs::Findings, clock)?;
    super::refuse_unread_settings(&session)?;
    let lang = session.config.language;
    let format = match args.format {
        Format::Markdown => report::Format::Markdown,
        Format::Json => report::Format::Json,
    };
    let input = report::Input::new(&session, as_of, lang);
    // Declared here: the comparison's input borrows the session at the revision, which
    // lives in the snapshot's temporary folder until the report is written.
    let snapshot;
    let session_then;
    let before = match (&args.compare, &which) {
        (Some(rev), Which::Management | Which::Audit) => {
            snapshot = crate::git::Snapshot::read(&session.root, rev, "--compare")?;
            let mut opened = Session::open(snapshot.path())
                .with_context(|| format!("--compare {rev}: cannot read the records at {rev}"))?;
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
            let _ = writeln!(
                std::io::stderr(),
                "note: --compare applies to the management and audit reports; ignored for `{}`",
                which.name()
            );
            None
        }
        (None, _) => None,
    };
    let text = report::render_compared(&input, &which, format, template.as_ref(), before.as_ref())?;
    match args.output {
        Some(path) => super::output::write_output(&path, &text)?,
        None => super::emit(&text)?,
    }
    Ok(0)
}
