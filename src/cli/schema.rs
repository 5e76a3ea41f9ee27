//! `isms schema`: the JSON Schema of one kind (or the common fields), or the list of schemas.

use anyhow::Result;

use crate::model::Kind;
use crate::schema::{SCHEMAS, text};

#[derive(clap::Args)]
pub struct Args {
    /// A record kind (asset, policy, ...) or `common`
    kind: Option<String>,
}

pub fn run(args: Args) -> Result<u8> {
    let names = SCHEMAS.iter().map(|(n, _)| *n);
    match args.kind {
        Some(k) => {
            // A kind as `new` and `list` take it (`assets`, `continuity-plan`), or `common`.
            let kind = Kind::from_user(&k).ok();
            let name: &str = kind.map_or(&k, |kind| kind.as_str());
            let text = text(name).ok_or_else(|| {
                anyhow::anyhow!(
                    "no schema for `{k}`{}",
                    crate::util::suggest::did_you_mean(&k, names)
                )
            })?;
            super::emit(text)?;
        }
        None => {
            let names: Vec<&str> = names.collect();
            super::emit(&format!("{}\n", names.join("\n")))?;
        }
    }
    Ok(0)
}
