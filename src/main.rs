//! The `isms` binary: parses the arguments, reads the clock (the only place that does),
//! hands the command to its module in [`isms::cli`] and maps the outcome to an exit code.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use isms::cli::{self, Cli, Clock, Command};
use isms::model::Date;

/// Loading allocates many small values (a JSON tree per record); mimalloc makes that
/// markedly cheaper than the system allocator (figures in `docs/performance.md`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let clock = Clock(today);
    let outcome = match Cli::parse().command {
        Command::Init(args) => cli::init::run(args, clock),
        Command::New(args) => cli::new::run(args, clock),
        Command::Validate(args) => cli::validate::run(args, clock),
        Command::Check(args) => cli::check::run(args, clock),
        Command::Report(args) => cli::report::run(args, clock),
        Command::Due(args) => cli::due::run(args, clock),
        Command::Trend(args) => cli::trend::run(args, clock),
        Command::List(args) => cli::list::run(args, clock),
        Command::Log(args) => cli::log::run(args, clock),
        Command::Export(args) => cli::export::run(args, clock),
        Command::Rules(args) => cli::rules::run(args),
        Command::Explain(args) => cli::rules::run_explain(args),
        Command::Completions(args) => cli::completions::run(args),
        Command::Schema(args) => cli::schema::run(args),
    };
    match outcome {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "error: {e:#}");
            ExitCode::from(cli::EXIT_INVALID)
        }
    }
}

/// Today in the configured time zone: the one read of the clock in `isms`.
fn today(tz: jiff::tz::TimeZone) -> Date {
    // From the instant, not from a local time: the system's time zone plays no part.
    Date(jiff::Timestamp::now().to_zoned_datetime(tz).date())
}
