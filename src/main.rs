//! The `isms` command line: parses arguments, reads the clock (the only place that does),
//! runs a command and maps the outcome to an exit code.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use clap::{Parser, Subcommand, ValueEnum};

use isms::config::{self, Config};
use isms::diagnostic::{self, Severity};
use isms::model::Date;
use isms::render::{self, Output};
use isms::session::Session;

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

#[derive(Subcommand)]
enum Command {
    /// Check records against their schemas, ids and references (REC rules); exit 0 or 2
    Validate {
        #[command(flatten)]
        common: Common,
        #[arg(long, value_enum, default_value = "human")]
        format: ValidateFormat,
        /// Print only the summary line
        #[arg(long, short)]
        quiet: bool,
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
    Date(jiff::ZonedDateTime::now().with_time_zone(config.tz()).date())
}

fn as_of(common: &Common, config: &Config) -> Result<Date> {
    match &common.as_of {
        Some(s) => Date::parse(s).map_err(|e| anyhow::anyhow!("--as-of: {e}")),
        None => Ok(today(config)),
    }
}

fn open(common: &Common) -> Result<Session> {
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    let root = config::find_root(common.repo.as_deref(), &cwd);
    Session::open(&root)
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
        Command::Validate { common, format, quiet } => {
            let session = open(&common)?;
            let as_of = as_of(&common, &session.config)?;
            let mut diags = session.record_problems.clone();
            diagnostic::sort(&mut diags);
            let repo = &session.repo;
            let text_of = |p: &str| repo.file_text(p);
            let out = Output {
                as_of: as_of.to_string(),
                diagnostics: &diags,
                records: repo.record_count(),
                counts: &repo.counts,
                file_text: &text_of,
            };
            let text = match format {
                ValidateFormat::Human => render::human::render(&out, color_wanted(), quiet),
                ValidateFormat::Json => render::json::render(&out),
            };
            emit(&text)?;
            let invalid = diags.iter().any(|d| d.severity == Severity::Error);
            Ok(if invalid { EXIT_INVALID } else { 0 })
        }
        Command::Schema { kind } => {
            match kind {
                Some(k) => {
                    let text = isms::schema::text(&k).ok_or_else(|| {
                        let names = isms::schema::SCHEMAS.iter().map(|(n, _)| *n);
                        anyhow::anyhow!("no schema for `{k}`{}", isms::suggest::did_you_mean(&k, names))
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
