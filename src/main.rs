//! The `isms` command line: parses arguments, reads the clock (the only place that does),
//! runs a command and maps the outcome to an exit code.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use isms::check;
use isms::config::{self, Config};
use isms::diagnostic::Severity;
use isms::model::{Date, Kind};
use isms::render::{self, Output};
use isms::rules::{self, Selection};
use isms::session::Session;

/// Loading allocates many small values (a JSON tree per record); mimalloc makes that
/// markedly cheaper than the system allocator (measured in the README's Performance section).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit code when gaps at or above `--fail-on` were found.
const EXIT_GAPS: u8 = 1;
/// Exit code when the records are invalid or the command was used wrongly.
const EXIT_INVALID: u8 = 2;

#[derive(Parser)]
#[command(name = "isms", version, about = "An information-security management system kept as code", long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args, Clone)]
struct Common {
    /// The ISMS repository [default: the nearest folder upwards holding isms.toml, else the current folder]
    #[arg(long, global = true, value_name = "DIR")]
    repo: Option<PathBuf>,
    /// Compute everything as of this date (YYYY-MM-DD) [default: today in the configured time zone]
    #[arg(long, global = true, value_name = "DATE")]
    as_of: Option<String>,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ValidateFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum CheckFormat {
    Human,
    Json,
    Github,
    Sarif,
    Junit,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum FailOn {
    Error,
    Warning,
    Never,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum TableFormat {
    Table,
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum DueFormat {
    Table,
    Json,
    Ics,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ExportFormat {
    Json,
    Csv,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ReportKind {
    Management,
    Audit,
    Unit,
    Plan,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ReportFormat {
    Markdown,
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Lang {
    Sv,
    En,
}

#[derive(Subcommand)]
enum Command {
    /// Scaffold a new ISMS repository: isms.toml, example records, schemas, editor, CI and pre-commit settings
    Init {
        /// The folder to scaffold (created when missing)
        #[arg(value_name = "DIR", default_value = ".")]
        dir: PathBuf,
        /// Date the example records as of this date (YYYY-MM-DD) [default: today]
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
    },
    /// Write a new record from its kind's template to its conventional path; never overwrites
    New {
        #[command(flatten)]
        common: Common,
        /// The record kind (asset, policy, incident, ...)
        kind: String,
        /// The new record's id
        id: String,
    },
    /// Check records against their schemas, ids and references (REC rules); exit 0 or 2
    Validate {
        #[command(flatten)]
        common: Common,
        /// Output format
        #[arg(long, value_enum, default_value = "human")]
        format: ValidateFormat,
        /// Print only the summary line
        #[arg(long, short)]
        quiet: bool,
    },
    /// Validate, then run every gap rule; exit 0 (nothing at or above --fail-on), 1 (gaps), 2 (invalid)
    Check {
        #[command(flatten)]
        common: Common,
        /// Output format: compiler-style text, the fixed JSON shape, GitHub workflow commands, SARIF 2.1.0 or JUnit XML
        #[arg(long, value_enum, default_value = "human")]
        format: CheckFormat,
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
        #[arg(long, value_name = "REV")]
        baseline: Option<String>,
    },
    /// Render a report: management review (default), audit self-assessment, a unit's page or a draft plan
    Report {
        #[command(flatten)]
        common: Common,
        /// Which report
        #[arg(value_enum, default_value = "management")]
        report: ReportKind,
        /// The unit's id (for `unit`)
        #[arg(value_name = "ID")]
        unit: Option<String>,
        /// Report language [default: `language` in isms.toml]
        #[arg(long, value_enum)]
        lang: Option<Lang>,
        /// Write the report to FILE instead of standard output (never a .yaml/.yml file)
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Your own Tera template; it receives the same data as `--format json` prints
        #[arg(long, value_name = "FILE")]
        template: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "markdown")]
        format: ReportFormat,
        /// Add the change since this git revision (management and audit; same --as-of on both sides)
        #[arg(long, value_name = "REV")]
        compare: Option<String>,
    },
    /// Upcoming deadlines (and those missed in the past year): reviews, renewals, exercises, due dates
    Due {
        #[command(flatten)]
        common: Common,
        /// How far ahead to look after --as-of: days, weeks, months or years (90d, 12w, 6m, 1y)
        #[arg(long, default_value = "90d", value_name = "WINDOW")]
        within: String,
        /// Output format: a table, JSON or an iCalendar (RFC 5545) file to subscribe to
        #[arg(long, value_enum, default_value = "table")]
        format: DueFormat,
    },
    /// List one kind's records with their key figures and findings
    List {
        #[command(flatten)]
        common: Common,
        /// The record kind (assets, policies, incidents, ...)
        kind: String,
        /// Output format
        #[arg(long, value_enum, default_value = "table")]
        format: TableFormat,
    },
    /// Export every record and its findings as JSON or CSV (one file per kind)
    Export {
        #[command(flatten)]
        common: Common,
        /// Output format
        #[arg(long, value_enum, default_value = "json")]
        format: ExportFormat,
        /// Write into this folder (isms.json, or KIND.csv per kind) instead of standard output;
        /// never an existing file, never a non-empty folder inside the repository
        #[arg(long, short, value_name = "DIR")]
        output: Option<PathBuf>,
    },
    /// List the rule catalogue
    Rules {
        /// Output format
        #[arg(long, value_enum, default_value = "table")]
        format: TableFormat,
    },
    /// Print one rule's documentation
    Explain {
        /// A rule code (DOC001) or name (stale-document)
        rule: String,
    },
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    Completions {
        /// The shell to complete for
        shell: clap_complete::Shell,
    },
    /// Print the JSON Schema of one kind, or list the kinds
    Schema {
        /// A record kind (asset, policy, ...) or `common`
        kind: Option<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "error: {e:#}");
            ExitCode::from(EXIT_INVALID)
        }
    }
}

/// Today in the configured time zone: the one read of the clock in `isms`.
fn today(config: &Config) -> Date {
    // From the instant, not from a local time: the system's time zone plays no part.
    Date(jiff::Timestamp::now().to_zoned_datetime(config.tz()).date())
}

fn as_of(common: &Common, config: &Config) -> Result<Date> {
    date_or_today(common.as_of.as_deref(), config)
}

/// The `--as-of` date, else today.
fn date_or_today(as_of: Option<&str>, config: &Config) -> Result<Date> {
    match as_of {
        Some(s) => Date::parse(s).map_err(|e| anyhow::anyhow!("--as-of: {e}")),
        None => Ok(today(config)),
    }
}

fn open(common: &Common) -> Result<Session> {
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    let root = config::find_root(common.repo.as_deref(), &cwd);
    Session::open(&root)
}

/// `isms.toml [rules]` may only name known codes: a typo would leave a rule on.
fn check_config_rules(config: &Config) -> Result<()> {
    let codes: Vec<&str> = rules::all().iter().map(|r| r.meta().code).collect();
    for code in config.rules.keys() {
        if !codes.iter().any(|c| c == code) {
            anyhow::bail!(
                "invalid configuration in {}: [rules] names unknown rule `{code}`{}",
                config::FILE_NAME,
                isms::suggest::did_you_mean(code, codes.iter().copied())
            );
        }
    }
    Ok(())
}

/// The process is about to exit: freeing a hundred thousand records (and as many findings)
/// one by one would only delay it, so they are left to the operating system.
fn exit_without_drop<T>(values: T) {
    std::mem::forget(values);
}

fn color_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

fn emit(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        // A closed pipe (`isms check | head`) is the reader's choice, not a failure.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r.context("cannot write to standard output"),
    }
}

fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Init { dir, as_of } => {
            // The folder's own time zone when it already has a readable isms.toml.
            let config = Config::load(&dir).unwrap_or_default();
            let as_of = date_or_today(as_of.as_deref(), &config)?;
            let outcome = isms::scaffold::init(&dir, as_of)?;
            emit(&outcome.render(&dir))?;
            Ok(0)
        }
        Command::New { common, kind, id } => {
            let kind = Kind::from_user(&kind).map_err(anyhow::Error::msg)?;
            isms::scaffold::check_id(&id)?;
            let session = open(&common)?;
            let as_of = as_of(&common, &session.config)?;
            let path = isms::scaffold::new_record(&session, kind, &id, as_of)?;
            emit(&format!("{path}\n"))?;
            Ok(0)
        }
        Command::Validate {
            common,
            format,
            quiet,
        } => {
            let session = open(&common)?;
            check_config_rules(&session.config)?;
            let as_of = as_of(&common, &session.config)?;
            // The REC rules only: schema, ids, references and waivers.
            let rec_only = Selection {
                select: vec!["REC".into()],
                ignore: Vec::new(),
            };
            let result = check::check(&session, as_of, &rec_only);
            let diags = result.findings;
            let repo = &session.repo;
            let texts = match format {
                ValidateFormat::Human if !quiet => session.source_texts(&diags),
                _ => Default::default(),
            };
            let text_of = |p: &str| texts.get(p).map(String::as_str);
            let out = Output {
                as_of: as_of.to_string(),
                diagnostics: &diags,
                records: repo.record_count(),
                counts: &repo.counts,
                file_text: &text_of,
                rules: &[],
            };
            let text = match format {
                ValidateFormat::Human => render::human::render(&out, color_wanted(), quiet),
                ValidateFormat::Json => render::json::render(&out),
            };
            emit(&text)?;
            let code = if result.invalid_records {
                EXIT_INVALID
            } else {
                0
            };
            exit_without_drop((session, diags));
            Ok(code)
        }
        Command::Check {
            common,
            format,
            fail_on,
            select,
            ignore,
            quiet,
            baseline,
        } => {
            let selection = Selection { select, ignore };
            let unknown = selection.unknown_patterns();
            if !unknown.is_empty() {
                let codes: Vec<&str> = rules::all().iter().map(|r| r.meta().code).collect();
                let hints: Vec<String> = unknown
                    .iter()
                    .map(|u| {
                        format!(
                            "`{u}`{}",
                            isms::suggest::did_you_mean(u, codes.iter().copied())
                        )
                    })
                    .collect();
                anyhow::bail!("--select/--ignore: no rule matches {}", hints.join(", "));
            }
            let session = open(&common)?;
            check_config_rules(&session.config)?;
            let as_of = as_of(&common, &session.config)?;
            let result = check::check(&session, as_of, &selection);
            let comparison = match &baseline {
                Some(rev) => {
                    let before =
                        isms::baseline::findings_at(&session.root, rev, as_of, &selection)?;
                    Some((
                        rev.as_str(),
                        isms::baseline::compare(&result.findings, &before),
                    ))
                }
                None => None,
            };
            let new_findings = comparison
                .as_ref()
                .map(|(_, c)| c.new_findings(&result.findings));
            // Ratchet mode shows only what is new or worse; JSON marks every finding instead.
            let shown = match &new_findings {
                Some(new) if format != CheckFormat::Json => new,
                _ => &result.findings,
            };
            let repo = &session.repo;
            let texts = match format {
                CheckFormat::Human if !quiet => session.source_texts(shown),
                _ => Default::default(),
            };
            let text_of = |p: &str| texts.get(p).map(String::as_str);
            let ran: Vec<&'static dyn rules::Rule> = rules::all()
                .into_iter()
                .filter(|r| selection.wants(r.meta().code))
                .collect();
            let out = Output {
                as_of: as_of.to_string(),
                diagnostics: shown,
                records: repo.record_count(),
                counts: &repo.counts,
                file_text: &text_of,
                rules: &ran,
            };
            let mut text = match (format, &comparison) {
                (CheckFormat::Human, _) => render::human::render(&out, color_wanted(), quiet),
                (CheckFormat::Json, Some((rev, c))) => {
                    render::json::render_with_baseline(&out, rev, c)
                }
                (CheckFormat::Json, None) => render::json::render(&out),
                (CheckFormat::Github, _) => render::github::render(&out),
                (CheckFormat::Sarif, _) => render::sarif::render(&out),
                (CheckFormat::Junit, _) => render::junit::render(&out),
            };
            if let (CheckFormat::Human, Some((rev, c))) = (format, &comparison) {
                text.push_str(&c.summary_line(rev));
                text.push('\n');
            }
            emit(&text)?;
            let threshold = match fail_on {
                FailOn::Error => Some(Severity::Error),
                FailOn::Warning => Some(Severity::Warning),
                FailOn::Never => None,
            };
            // Ratchet mode fails on new or worsened gaps only.
            let counted = new_findings.as_deref().unwrap_or(&result.findings);
            let failed = threshold.is_some_and(|t| counted.iter().any(|d| d.severity >= t));
            // Invalid records stop the run whatever the baseline held.
            let code = if result.invalid_records {
                EXIT_INVALID
            } else if failed {
                EXIT_GAPS
            } else {
                0
            };
            exit_without_drop((session, result));
            Ok(code)
        }
        Command::Report {
            common,
            report,
            unit,
            lang,
            output,
            template,
            format,
            compare,
        } => {
            use isms::report::{self, Before, Format, UserTemplate, Which};
            let which = match (report, unit) {
                (ReportKind::Unit, Some(id)) => Which::Unit(id),
                (ReportKind::Unit, None) => anyhow::bail!("`isms report unit` needs a unit id"),
                (_, Some(id)) => {
                    anyhow::bail!("unexpected argument `{id}`: only `unit` takes an id")
                }
                (ReportKind::Management, None) => Which::Management,
                (ReportKind::Audit, None) => Which::Audit,
                (ReportKind::Plan, None) => Which::Plan,
            };
            if let Some(path) = &output {
                report::check_output_path(path)?;
            }
            let template = template.as_deref().map(UserTemplate::read).transpose()?;
            let session = open(&common)?;
            check_config_rules(&session.config)?;
            let as_of = as_of(&common, &session.config)?;
            let lang = match lang {
                Some(Lang::Sv) => config::Language::Sv,
                Some(Lang::En) => config::Language::En,
                None => session.config.language,
            };
            let format = match format {
                ReportFormat::Markdown => Format::Markdown,
                ReportFormat::Json => Format::Json,
            };
            let input = report::Input::new(&session, as_of, lang);
            // Declared here: the comparison's input borrows the session at the revision,
            // which lives in the snapshot's temporary folder until the report is written.
            let snapshot;
            let session_then;
            let before = match (&compare, &which) {
                (Some(rev), Which::Management | Which::Audit) => {
                    snapshot = isms::baseline::Snapshot::read(&session.root, rev, "--compare")?;
                    session_then = Session::open(snapshot.path()).with_context(|| {
                        format!("--compare {rev}: cannot read the records at {rev}")
                    })?;
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
            let text = report::render_compared(
                &input,
                &which,
                format,
                template.as_ref(),
                before.as_ref(),
            )?;
            match output {
                Some(path) => std::fs::write(&path, text)
                    .with_context(|| format!("cannot write {}", path.display()))?,
                None => emit(&text)?,
            }
            Ok(0)
        }
        Command::Due {
            common,
            within,
            format,
        } => {
            let window =
                isms::due::Window::parse(&within).map_err(|e| anyhow::anyhow!("--within: {e}"))?;
            let session = open(&common)?;
            let as_of = as_of(&common, &session.config)?;
            let deadlines = isms::due::deadlines(&session, as_of, window);
            let last = window.end(as_of);
            emit(&match format {
                DueFormat::Table => isms::due::render_table(&deadlines, as_of, last),
                DueFormat::Json => isms::due::render_json(&deadlines, as_of, last),
                DueFormat::Ics => isms::due::render_ics(&deadlines, as_of),
            })?;
            Ok(0)
        }
        Command::List {
            common,
            kind,
            format,
        } => {
            let kind = Kind::from_user(&kind).map_err(anyhow::Error::msg)?;
            let session = open(&common)?;
            check_config_rules(&session.config)?;
            let as_of = as_of(&common, &session.config)?;
            emit(&isms::list::render(
                &session,
                as_of,
                kind,
                format == TableFormat::Json,
            ))?;
            exit_without_drop(session);
            Ok(0)
        }
        Command::Export {
            common,
            format,
            output,
        } => {
            if format == ExportFormat::Csv && output.is_none() {
                anyhow::bail!("`isms export --format csv` writes one file per kind: give -o DIR");
            }
            let session = open(&common)?;
            check_config_rules(&session.config)?;
            let as_of = as_of(&common, &session.config)?;
            if let Some(dir) = &output {
                isms::export::check_output_dir(dir, &session.root)?;
            }
            let files = match format {
                ExportFormat::Json => {
                    vec![("isms.json".to_owned(), isms::export::json(&session, as_of))]
                }
                ExportFormat::Csv => isms::export::csv(&session, as_of),
            };
            match &output {
                Some(dir) => isms::export::write_files(dir, &files)?,
                None => emit(&files[0].1)?,
            }
            exit_without_drop(session);
            Ok(0)
        }
        Command::Rules { format } => {
            emit(&isms::catalogue::render(format == TableFormat::Json))?;
            Ok(0)
        }
        Command::Explain { rule } => {
            let Some(r) = rules::find(&rule) else {
                let names = rules::all()
                    .iter()
                    .flat_map(|r| [r.meta().code, r.meta().name])
                    .collect::<Vec<_>>();
                anyhow::bail!(
                    "no rule `{rule}`{}",
                    isms::suggest::did_you_mean(&rule, names.iter().copied())
                );
            };
            emit(&isms::catalogue::explain(r.meta()))?;
            Ok(0)
        }
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "isms", &mut script);
            emit(&String::from_utf8_lossy(&script))?;
            Ok(0)
        }
        Command::Schema { kind } => {
            match kind {
                Some(k) => {
                    // A kind as `new` and `list` take it (`assets`, `continuity-plan`), or `common`.
                    let kind = Kind::from_user(&k).ok();
                    let name: &str = kind.map_or(&k, |kind| kind.as_str());
                    let text = isms::schema::text(name).ok_or_else(|| {
                        let names = isms::schema::SCHEMAS.iter().map(|(n, _)| *n);
                        anyhow::anyhow!(
                            "no schema for `{k}`{}",
                            isms::suggest::did_you_mean(&k, names)
                        )
                    })?;
                    emit(text)?;
                }
                None => {
                    let names: Vec<&str> = isms::schema::SCHEMAS.iter().map(|(n, _)| *n).collect();
                    emit(&format!("{}\n", names.join("\n")))?;
                }
            }
            Ok(0)
        }
    }
}
