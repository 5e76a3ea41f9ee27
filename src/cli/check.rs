//! `isms check`: validation and every selected gap rule, in one of five formats, optionally
//! against a baseline revision; exit 0 (nothing at or above `--fail-on`), 1 (gaps) or 2
//! (invalid records).

use anyhow::Result;
use clap::ValueEnum;

use super::{Clock, Common, EXIT_GAPS, EXIT_INVALID, Needs};
use crate::diagnostic::Severity;
use crate::render;
use crate::rules::{self, Selection};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    common: Common,
    /// Output format: compiler-style text, the fixed JSON shape, GitHub workflow commands, SARIF 2.1.0, JUnit XML or GitLab Code Quality
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// The lowest severity that fails the run
    #[arg(long, value_enum, default_value = "error")]
    fail_on: FailOn,
    /// Only these codes or prefixes (comma-separated: DOC,INC001)
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    select: Vec<String>,
    /// Skip these codes or prefixes (comma-separated)
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    ignore: Vec<String>,
    /// Print only the summary line (human format)
    #[arg(long, short)]
    quiet: bool,
    /// Ratchet mode: report and fail only on gaps that are new or worse than at this git revision
    /// (before the first commit, with no revision yet, only invalid records fail)
    #[arg(long, value_name = "REV")]
    baseline: Option<String>,
    /// Check the records as they are staged for the next commit (git's index), not the
    /// work tree: for pre-commit hooks
    #[arg(long)]
    staged: bool,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Human,
    Json,
    Github,
    Sarif,
    Junit,
    /// GitLab Code Quality (Code Climate JSON)
    Gitlab,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum FailOn {
    Error,
    Warning,
    Never,
}

impl FailOn {
    /// The lowest severity that fails the run, if any does.
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Never => None,
        }
    }
}

pub fn run(args: Args, clock: Clock) -> Result<u8> {
    let Args {
        common,
        format,
        fail_on,
        select,
        ignore,
        quiet,
        baseline,
        staged,
    } = args;
    let selection = Selection { select, ignore };
    check_selection(&selection)?;
    // With a baseline, the load of the work tree (its files git has clean) or of the index
    // keeps each file for the revision's, which then parses only the files that differ;
    // the revision takes them over (a cache for one revision: its records move).
    let (session, as_of, root, cache) = if staged {
        let keep = baseline.as_ref().map(|_| crate::load::FileCache::new());
        let (session, as_of, root) = super::open_staged(&common, clock, keep.as_ref())?;
        (
            session,
            as_of,
            root,
            keep.map(crate::load::FileCache::into_once),
        )
    } else {
        let cache = baseline.as_ref().map(|_| crate::load::FileCache::once());
        let (session, as_of) =
            super::open_seeding(&common, Needs::Findings, clock, cache.as_ref())?;
        let root = session.root.clone();
        (session, as_of, root, cache)
    };
    super::schema_files::print_note(&root, session.config.language);
    let result = crate::check::check(&session, as_of, &selection);
    // Before the first commit there is nothing to compare with: every gap is as old as the
    // repository, and only invalid records fail (what a pre-commit hook wants of the
    // first commit).
    let first_commit = match &baseline {
        Some(_) => !crate::git::has_commits(&root)?,
        None => false,
    };
    let comparison = match &baseline {
        Some(rev) if !first_commit => {
            let before = crate::check::baseline::findings_at(
                &root,
                rev,
                as_of,
                &selection,
                session.config.language,
                cache.as_ref(),
            )?;
            let mut c = crate::check::baseline::compare(&result.findings, &before);
            let prefix = crate::git::work_tree_prefix(&root);
            c.absent = super::from_work_tree(&c.absent, &prefix).into_owned();
            Some((rev.as_str(), c))
        }
        _ => None,
    };
    // What the revision did not take (files added since) is of no more use.
    drop(cache);
    let new_findings = match &comparison {
        Some((_, c)) => Some(c.new_findings(&result.findings)),
        None if first_commit => Some(Vec::new()),
        None => None,
    };
    // Ratchet mode shows only what is new or worse; JSON and SARIF mark every finding with
    // its baseline state instead (so that an upload closes only the fixed alerts).
    let shown = match &new_findings {
        Some(new)
            if !matches!(format, Format::Json | Format::Sarif | Format::Gitlab)
                && !first_commit =>
        {
            new
        }
        _ => &result.findings,
    };
    let ran: Vec<&'static dyn rules::Rule> = rules::all()
        .into_iter()
        .filter(|r| selection.wants(r.meta().code))
        .collect();
    let frames = format == Format::Human && !quiet;
    let paths = (format != Format::Human || !quiet).then_some(root.as_path());
    let mut text =
        super::render_findings(&session, as_of, shown, &ran, frames, paths, |out| {
            match (format, &comparison) {
                (Format::Human, _) => render::human::render(out, super::color_wanted(), quiet),
                (Format::Json, Some((rev, c))) => render::json::render_with_baseline(out, rev, c),
                (Format::Json, None) => render::json::render(out),
                (Format::Github, _) => render::github::render(out),
                (Format::Sarif, Some((_, c))) => render::sarif::render_with_baseline(out, c),
                (Format::Sarif, None) => render::sarif::render(out),
                (Format::Junit, _) => render::junit::render(out),
                (Format::Gitlab, _) => render::gitlab::render(out),
            }
        });
    match (format, &comparison, &baseline) {
        (Format::Human, Some((rev, c)), _) => {
            text.push_str(&c.summary_line(rev, session.config.language));
            text.push('\n');
        }
        (Format::Human, None, Some(rev)) if first_commit => {
            let line = crate::l10n::text(
                session.config.language,
                "baseline-first-commit",
                &[("rev", rev.as_str().into())],
            );
            text.push_str(&line);
            text.push('\n');
        }
        _ => {}
    }
    super::emit(&text)?;
    // Ratchet mode fails on new or worsened gaps only.
    let counted = new_findings.as_deref().unwrap_or(&result.findings);
    let failed = fail_on
        .threshold()
        .is_some_and(|t| counted.iter().any(|d| d.severity >= t));
    // Invalid records stop the run whatever the baseline held.
    let code = if result.invalid_records {
        EXIT_INVALID
    } else if failed {
        EXIT_GAPS
    } else {
        0
    };
    super::exit_without_drop((session, result));
    Ok(code)
}

/// Refuses `--select`/`--ignore` patterns that match no rule: a typo would check nothing.
fn check_selection(selection: &Selection) -> Result<()> {
    let unknown = selection.unknown_patterns();
    if unknown.is_empty() {
        return Ok(());
    }
    let codes = super::rule_codes();
    let hints: Vec<String> = unknown
        .iter()
        .map(|u| {
            format!(
                "`{u}`{}",
                crate::util::suggest::did_you_mean(u, codes.iter().copied())
            )
        })
        .collect();
    anyhow::bail!("--select/--ignore: no rule matches {}", hints.join(", "))
}
