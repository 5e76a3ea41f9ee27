//! `isms validate`: the records against their schemas, ids, references and waivers (the
//! REC rules only); exit 0, or 2 when records are invalid.

use anyhow::Result;
use clap::ValueEnum;

use super::{Clock, Common, EXIT_INVALID, Needs};
use crate::render;
use crate::rules::Selection;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    common: Common,
    /// Output format
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Print only the summary line
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Human,
    Json,
}

pub fn run(args: Args, clock: Clock) -> Result<u8> {
    let (session, as_of) = super::open(&args.common, Needs::Findings, clock)?;
    super::schema_files::print_note(&session.root, session.config.language);
    let rec_only = Selection {
        select: vec!["REC".into()],
        ignore: Vec::new(),
    };
    let result = crate::check::check(&session, as_of, &rec_only);
    let diags = result.findings;
    let frames = args.format == Format::Human && !args.quiet;
    let paths = (args.format != Format::Human || !args.quiet).then_some(session.root.as_path());
    let text = super::render_findings(
        &session,
        as_of,
        &diags,
        &[],
        frames,
        paths,
        |out| match args.format {
            Format::Human => render::human::render(out, super::color_wanted(), args.quiet),
            Format::Json => render::json::render(out),
        },
    );
    super::emit(&text)?;
    let code = if result.invalid_records {
        EXIT_INVALID
    } else {
        0
    };
    super::exit_without_drop((session, diags));
    Ok(code)
}
