//! `isms completions`: a shell completion script generated from the parser.

use anyhow::Result;
use clap::CommandFactory;

#[derive(clap::Args)]
pub struct Args {
    /// The shell to complete for
    shell: clap_complete::Shell,
}

pub fn run(args: Args) -> Result<u8> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut super::Cli::command(), "isms", &mut script);
    super::emit(&String::from_utf8_lossy(&script))?;
    Ok(0)
}
