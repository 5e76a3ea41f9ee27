//! The command line: the parser, one module per command (its arguments and its body), and
//! what the commands share: opening the repository, the as-of date, standard output, exit codes.
//!
//! `main` parses [`Cli`], reads the clock and hands each command's `Args` to its `run`.

use std::borrow::Cow;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context as _, Result};
use clap::{Parser, Subcommand, ValueEnum};

use crate::config::{self, Config};
use crate::diagnostic::Diagnostic;
use crate::model::Date;
use crate::render::Output;
use crate::repo::session::Session;
use crate::util::hash::HashMap;

pub mod check;
pub mod completions;
pub mod due;
pub mod export;
pub mod init;
pub mod list;
pub mod log;
pub mod new;
mod output;
pub mod report;
pub mod rules;
mod scaffold;
pub mod schema;
pub mod schema_files;
pub mod trend;
pub mod validate;

/// A command's texts in both languages from `$texts` (its Swedish sources, then its
/// English ones): `texts()`, the catalogue read once, and `text(lang, id, args)`, a text
/// filled from `args` (the id itself when there is no such text: each command's tests
/// rule that out).
macro_rules! catalogue {
    // A command's texts: the kinds' names (`isms list`'s), then its own catalogue, named
    // by its path in the crate and by its path beside the command's file.
    (kinds, sv: $sv_name:literal => $sv:literal, en: $en_name:literal => $en:literal) => {
        /// The command's texts: the kinds' names (shared with `isms list`) and its own,
        /// Swedish then English.
        pub const TEXTS: [&[$crate::l10n::Source]; 2] = [
            &[
                $crate::cli::list::KIND_NAMES_SV,
                $crate::l10n::Source {
                    name: $sv_name,
                    text: include_str!($sv),
                },
            ],
            &[
                $crate::cli::list::KIND_NAMES_EN,
                $crate::l10n::Source {
                    name: $en_name,
                    text: include_str!($en),
                },
            ],
        ];

        $crate::cli::catalogue!(TEXTS);
    };
    ($texts:expr) => {
        fn texts() -> &'static $crate::l10n::Catalogue {
            static CATALOGUE: $crate::l10n::Catalogue =
                $crate::l10n::Catalogue::new($texts[0], $texts[1]);
            &CATALOGUE
        }

        fn text(
            lang: $crate::config::Language,
            id: &str,
            args: &[(&'static str, $crate::l10n::Value)],
        ) -> String {
            texts().text(lang, id, args)
        }
    };
}
pub(crate) use catalogue;

/// Exit code when gaps at or above `--fail-on` were found.
pub const EXIT_GAPS: u8 = 1;
/// Exit code when the records are invalid or the command was used wrongly.
pub const EXIT_INVALID: u8 = 2;

#[derive(Parser)]
#[command(name = "isms", version, about = "An information-security management system kept as code", long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Scaffold a new ISMS repository: isms.toml, example records, schemas, editor, CI and pre-commit settings
    Init(init::Args),
    /// Write a new record from its kind's template to its conventional path; never overwrites
    New(new::Args),
    /// Check records against their schemas, ids and references (REC rules); exit 0 or 2
    Validate(validate::Args),
    /// Validate, then run every gap rule; exit 0 (nothing at or above --fail-on), 1 (gaps), 2 (invalid)
    Check(check::Args),
    /// Render a report: management review (default), audit self-assessment, a unit's page, a draft plan, the statement of applicability (soa) or cybersecurity-law readiness (nis2)
    Report(report::Args),
    /// Upcoming deadlines (and those missed in the past year): reviews, renewals, exercises, due dates
    Due(due::Args),
    /// Key figures and gap counts over time: at points since a date (--since, --every) or at given revisions (--rev)
    Trend(trend::Args),
    /// List one kind's records with their key figures and findings
    List(list::Args),
    /// A record's history from git: the commits that changed it, by whom, and the fields they changed
    Log(log::Args),
    /// Export every record and its findings as JSON or CSV (one file per kind)
    Export(export::Args),
    /// List the rule catalogue
    Rules(rules::Args),
    /// Print one rule's documentation
    Explain(rules::ExplainArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    Completions(completions::Args),
    /// Print the JSON Schema of one kind, or list the kinds
    Schema(schema::Args),
}

/// The options of every command that reads a repository.
#[derive(clap::Args, Clone)]
pub struct Common {
    /// The ISMS repository [default: the nearest folder upwards holding isms.toml, else the current folder]
    #[arg(long, global = true, value_name = "DIR")]
    pub repo: Option<PathBuf>,
    /// Compute everything as of this date (YYYY-MM-DD) [default: today in the configured time zone]
    #[arg(long, global = true, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Language of messages, labels and reports [default: `language` in isms.toml]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
}

/// A language on the command line.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Lang {
    Sv,
    En,
}

impl Lang {
    /// `--lang`, else the configured language.
    pub fn or_config(lang: Option<Lang>, config: &Config) -> config::Language {
        match lang {
            Some(Lang::Sv) => config::Language::Sv,
            Some(Lang::En) => config::Language::En,
            None => config.language,
        }
    }
}

/// The formats of the commands that print a table (`list`, `rules`).
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum TableFormat {
    Table,
    Json,
}

/// A table for the terminal (`list`, `rules`, `due`): compact borders, as wide as
/// `COLUMNS` says, else 120 characters.
pub fn table() -> comfy_table::Table {
    let mut table = comfy_table::Table::new();
    table
        .load_style(comfy_table::presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(comfy_table::ContentArrangement::Dynamic)
        .set_width(
            std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.parse::<u16>().ok())
                .unwrap_or(120),
        );
    table
}

/// Today in a time zone. Only `main` reads the clock; commands receive it and ask it for
/// today only when no `--as-of` is given.
#[derive(Clone, Copy)]
pub struct Clock(pub fn(jiff::tz::TimeZone) -> Date);

impl Clock {
    /// The `--as-of` date, else today in the configured time zone.
    pub fn as_of(self, as_of: Option<&str>, config: &Config) -> Result<Date> {
        match as_of {
            Some(s) => Date::parse(s).map_err(|e| anyhow::anyhow!("--as-of: {e}")),
            None => Ok((self.0)(config.tz())),
        }
    }
}

/// What a command needs of the repository it opens.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// Findings (`validate`, `check`, `report`, `list`, `export`): the rules run, so
    /// `isms.toml [rules]` must name known codes.
    Findings,
    /// Records only; no rule runs (`due`).
    Records,
    /// Records, and an `isms.toml` to write next to: `new` writes into a repository only.
    Write,
}

/// Opens the repository of `--repo` (or the one around the current folder) and works out
/// the as-of date. When rules will run, `isms.toml [rules]` must name known codes.
///
/// A folder without `isms.toml` (here or above) is no repository: `new` refuses to write
/// there, and the other commands refuse it when it holds no records either, so that a run
/// in the wrong folder (a CI job's working directory) fails instead of passing on nothing.
pub fn open(common: &Common, needs: Needs, clock: Clock) -> Result<(Session, Date)> {
    open_seeding(common, needs, clock, None)
}

/// Opens the repository as [`open`] does, giving `cache` the files of the work tree that
/// git has clean, for a revision read next: it then parses only the files that differ.
pub fn open_seeding(
    common: &Common,
    needs: Needs,
    clock: Clock,
    cache: Option<&crate::load::FileCache>,
) -> Result<(Session, Date)> {
    let (session, as_of, kept) = open_keeping(common, needs, clock, cache.is_some())?;
    if let (Some(kept), Some(cache)) = (kept, cache) {
        kept.seed(cache);
    }
    Ok((session, as_of))
}

/// The work tree's files as a load kept them, and the blob ids git gave for them: what
/// seeds the cache of the revisions read after it.
pub struct KeptFiles {
    files: crate::load::Kept,
    ids: crate::util::hash::HashMap<Box<str>, std::sync::Arc<str>>,
}

impl KeptFiles {
    /// Gives `cache` the files a revision still to be read holds.
    pub fn seed(self, cache: &crate::load::FileCache) {
        self.files.seed(&self.ids, cache);
    }
}

/// Opens the repository as [`open`] does; with `keep`, what each file gave is kept, and git
/// is asked for the work tree's blob ids while the files are read.
pub fn open_keeping(
    common: &Common,
    needs: Needs,
    clock: Clock,
    keep: bool,
) -> Result<(Session, Date, Option<KeptFiles>)> {
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    let root = config::find_root(common.repo.as_deref(), &cwd);
    let has_config = root.join(config::FILE_NAME).is_file();
    let lang = Lang::or_config(common.lang, &Config::default());
    if needs == Needs::Write && !has_config && root.is_dir() {
        return Err(no_repository(lang, common.repo.is_some(), true));
    }
    let files = keep.then(crate::load::Kept::default);
    let (opened, ids) = std::thread::scope(|s| {
        let ids = keep.then(|| s.spawn(|| crate::git::work_tree_ids(&root)));
        let opened = Session::open_seeding(&root, files.as_ref());
        // A panic asking git leaves no ids: the revision is then read whole.
        (opened, ids.map(|h| h.join().unwrap_or_default()))
    });
    let mut session = opened?;
    let kept = files.zip(ids).map(|(files, ids)| KeptFiles { files, ids });
    session.config.language = Lang::or_config(common.lang, &session.config);
    let empty = session.repo.record_count() == 0 && session.repo.problems.is_empty();
    if !has_config && empty {
        return Err(no_repository(lang, common.repo.is_some(), false));
    }
    if needs != Needs::Records {
        check_config_rules(&session.config)?;
    }
    let as_of = clock.as_of(common.as_of.as_deref(), &session.config)?;
    Ok((session, as_of, kept))
}

/// Opens the repository's settings and none of its records, for a run that reads its
/// records from git revisions only; none when there is no `isms.toml` to read, so that the
/// caller reads the work tree to tell a repository from a wrong folder.
pub fn open_settings(common: &Common, clock: Clock) -> Result<Option<(Session, Date)>> {
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    let root = config::find_root(common.repo.as_deref(), &cwd);
    if !root.join(config::FILE_NAME).is_file() {
        return Ok(None);
    }
    let mut session = Session::open_settings(&root)?;
    session.config.language = Lang::or_config(common.lang, &session.config);
    check_config_rules(&session.config)?;
    let as_of = clock.as_of(common.as_of.as_deref(), &session.config)?;
    Ok(Some((session, as_of)))
}

/// Refuses to go on when a setting of `isms.toml` could not be read (`validate` and
/// `check` report it as REC001 and run with its default): a board paper, an export, a
/// deadline list or a calendar computed with a default the organisation did not choose
/// would look right and be wrong.
pub fn refuse_unread_settings(session: &Session) -> Result<()> {
    let unread = session.repo.problems.iter().any(
        |p| matches!(p, crate::load::RecordProblem::Unreadable(u) if u.template == "REC001-config"),
    );
    if unread {
        anyhow::bail!(
            "{}",
            crate::l10n::text(session.config.language, "config-unread", &[])
        );
    }
    Ok(())
}

/// Opens the records staged for the next commit (`check --staged`): the repository is
/// found as [`open`] finds it, and its files read from git's index into memory, each kept
/// in `cache` when there is one (for a revision read next). Also returns the repository's
/// folder.
pub fn open_staged(
    common: &Common,
    clock: Clock,
    cache: Option<&crate::load::FileCache>,
) -> Result<(Session, Date, PathBuf)> {
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    let root = config::find_root(common.repo.as_deref(), &cwd);
    let snapshot = crate::git::Snapshot::staged(&root)?;
    let mut session = snapshot.open(cache)?;
    session.config.language = Lang::or_config(common.lang, &session.config);
    let empty = session.repo.record_count() == 0 && session.repo.problems.is_empty();
    if !root.join(config::FILE_NAME).is_file() && empty {
        let lang = Lang::or_config(common.lang, &Config::default());
        return Err(no_repository(lang, common.repo.is_some(), false));
    }
    check_config_rules(&session.config)?;
    let as_of = clock.as_of(common.as_of.as_deref(), &session.config)?;
    Ok((session, as_of, root))
}

/// The error of a folder that is no repository, in `lang`: `given` when the folder came from
/// `--repo`, `writing` for `isms new`; with a hint naming `isms init` and `--repo`.
fn no_repository(lang: config::Language, given: bool, writing: bool) -> anyhow::Error {
    let args = [
        ("given", crate::l10n::Value::from(given)),
        ("writing", writing.into()),
    ];
    anyhow::anyhow!(
        "{}\n{}",
        crate::l10n::text(lang, "no-repository", &args),
        crate::l10n::text(lang, "no-repository-help", &args)
    )
}

/// `isms.toml [rules]` may only name known codes: a typo would leave a rule on.
fn check_config_rules(config: &Config) -> Result<()> {
    let codes = rule_codes();
    for code in config.rules.keys() {
        if !codes.iter().any(|c| c == code) {
            anyhow::bail!(
                "invalid configuration in {}: [rules] names unknown rule `{code}`{}",
                config::FILE_NAME,
                crate::util::suggest::did_you_mean(code, codes.iter().copied())
            );
        }
    }
    Ok(())
}

/// Every rule's code, in catalogue order.
fn rule_codes() -> Vec<&'static str> {
    crate::rules::all().iter().map(|r| r.meta().code).collect()
}

/// The findings `validate` and `check` print, as `render` writes them: with the texts of
/// the files they point into when `frames` asks for code frames.
pub fn render_findings(
    session: &Session,
    as_of: Date,
    shown: &[Diagnostic],
    rules: &[&'static dyn crate::rules::Rule],
    frames: bool,
    paths: Option<&std::path::Path>,
    render: impl FnOnce(&Output<'_>) -> String,
) -> String {
    let texts = if frames {
        session.source_texts(shown)
    } else {
        Default::default()
    };
    // `paths`: the repository's folder on disk, when the output shows paths (with
    // `--staged` the records are read from git's index, and this is where they live).
    let prefix = paths.map(crate::git::work_tree_prefix).unwrap_or_default();
    let shown = from_work_tree(shown, &prefix);
    let text_of = |p: &str| {
        texts
            .get(p.strip_prefix(prefix.as_str()).unwrap_or(p))
            .map(String::as_str)
    };
    let repo = &session.repo;
    render(&Output {
        as_of: as_of.to_string(),
        diagnostics: &shown,
        records: repo.record_count(),
        counts: &repo.counts,
        file_text: &text_of,
        rules,
        lang: session.config.language,
        path_prefix: &prefix,
    })
}

/// The findings with their paths below the top of the git work tree (`prefix`, from
/// [`crate::git::work_tree_prefix`]) rather than below the ISMS repository, so that a
/// repository in a subfolder (`lis/`) gets annotations, SARIF results and code-quality
/// issues on the right files. Borrowed as they are when the prefix is empty.
pub fn from_work_tree<'a>(findings: &'a [Diagnostic], prefix: &str) -> Cow<'a, [Diagnostic]> {
    if prefix.is_empty() {
        return Cow::Borrowed(findings);
    }
    // Findings in one file share its path: one new path per file, not per finding.
    let mut moved: HashMap<Arc<str>, Arc<str>> = HashMap::default();
    let mut out = findings.to_vec();
    for d in &mut out {
        if let Some(loc) = &mut d.location {
            let path = moved
                .entry(loc.path.clone())
                .or_insert_with(|| format!("{prefix}{}", loc.path).into())
                .clone();
            loc.path = path;
        }
    }
    Cow::Owned(out)
}

/// Whether standard output takes colour: a terminal, and `NO_COLOR` unset or empty.
pub fn color_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

/// Frees `value` on a thread of its own, which the run does not wait for: a revision's
/// records are hundreds of thousands of allocations, and freeing them one by one on the
/// way out would hold the output back by a tenth of a second. Freed here when no thread
/// can be started.
pub fn drop_behind<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new()
        .name("drop".into())
        .spawn(move || drop(value));
}

/// Writes `text` to standard output.
pub fn emit(text: &str) -> Result<()> {
    emit_bytes(text.as_bytes())
}

/// [`emit`] for bytes.
pub fn emit_bytes(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        // A closed pipe (`isms check | head`) is the reader's choice, not a failure.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r.context("cannot write to standard output"),
    }
}

/// The process is about to exit: freeing a hundred thousand records (and as many findings)
/// one by one would only delay it, so they are left to the operating system.
pub fn exit_without_drop<T>(values: T) {
    std::mem::forget(values);
}
