//! `isms completions`: a shell completion script generated from the parser.
//!
//! The parser takes kinds and rule codes as free text, so that a typo gets `isms`'s own
//! "did you mean" rather than clap's; the script is generated from a copy of the parser
//! whose kind and rule arguments list their values, so that the shell completes them.

use std::ffi::OsStr;

use anyhow::Result;
use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};
use clap::{Arg, Command, CommandFactory};

use crate::model::Kind;

#[derive(clap::Args)]
pub struct Args {
    /// The shell to complete for
    shell: clap_complete::Shell,
}

pub fn run(args: Args) -> Result<u8> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command(), "isms", &mut script);
    super::emit(&String::from_utf8_lossy(&script))?;
    Ok(0)
}

/// The parser as the completion scripts see it: `isms`'s own, with the values of its kind
/// and rule arguments listed.
pub fn command() -> Command {
    let kinds = Words(Kind::ALL.map(Kind::as_str).to_vec());
    let mut schemas = kinds.clone();
    schemas.0.push("common");
    let codes = Words(rule_codes());
    let mut codes_and_areas = Words(rule_areas());
    codes_and_areas.0.extend(rule_codes());
    // `mut_subcommands` and `mut_args` change in place: `mut_subcommand` and `mut_arg`
    // would move what they change to the end, reordering the positional arguments.
    super::Cli::command().mut_subcommands(|c| match c.get_name() {
        "new" | "list" | "log" => listing(c, "kind", &kinds),
        "schema" => listing(c, "kind", &schemas),
        "explain" => listing(c, "rule", &codes),
        "check" => listing(
            listing(c, "select", &codes_and_areas),
            "ignore",
            &codes_and_areas,
        ),
        _ => c,
    })
}

/// `cmd` with its argument `id` listing `words` to complete, parsed as before.
fn listing(cmd: Command, id: &str, words: &Words) -> Command {
    cmd.mut_args(|a| {
        if a.get_id() == id {
            a.value_parser(words.clone())
        } else {
            a
        }
    })
}

/// Every rule's code, in catalogue order.
fn rule_codes() -> Vec<&'static str> {
    crate::rules::all().iter().map(|r| r.meta().code).collect()
}

/// The rules' areas as `--select`/`--ignore` take them: the codes' letters (`DOC`), once.
fn rule_areas() -> Vec<&'static str> {
    let mut areas: Vec<&'static str> = Vec::new();
    for code in rule_codes() {
        let area = code.trim_end_matches(|c: char| c.is_ascii_digit());
        if !area.is_empty() && !areas.contains(&area) {
            areas.push(area);
        }
    }
    areas
}

/// A parser of free text that lists `words` as the values to complete: unlike clap's
/// `PossibleValuesParser` it refuses nothing, leaving unknown words to the command.
#[derive(Clone)]
struct Words(Vec<&'static str>);

impl TypedValueParser for Words {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &Command,
        arg: Option<&Arg>,
        value: &OsStr,
    ) -> Result<String, clap::Error> {
        StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(self.0.iter().map(|w| PossibleValue::new(*w))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_are_the_codes_letters_once_each() {
        let areas = rule_areas();
        assert!(
            areas.contains(&"DOC") && areas.contains(&"SEC"),
            "{areas:?}"
        );
        let unique: std::collections::HashSet<_> = areas.iter().collect();
        assert_eq!(unique.len(), areas.len(), "{areas:?}");
    }

    #[test]
    fn the_completing_parser_parses_as_the_real_one() {
        // Words it does not list still parse: the command says what is wrong with them.
        let matches = command()
            .try_get_matches_from(["isms", "new", "asets", "x"])
            .expect("free text parses");
        let (_, new) = matches.subcommand().expect("a subcommand");
        assert_eq!(
            new.get_one::<String>("kind").map(String::as_str),
            Some("asets")
        );
    }
}
