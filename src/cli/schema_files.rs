//! The JSON Schemas a repository keeps in `.isms/schemas/` for its editors: whether they
//! are this binary's (`validate` and `check` say once when they are not), and
//! `isms init --schemas`, which refreshes the ones `isms` wrote and nothing else.

use std::io::Write as _;
use std::path::Path;

use anyhow::{Context as _, Result, bail};

use super::scaffold::SCHEMA_DIR;
use crate::config::Language;
use crate::schema::SCHEMAS;

/// The file of schema `name` in the repository, relative to its root.
fn rel(name: &str) -> String {
    format!("{SCHEMA_DIR}/{name}.schema.json")
}

/// The names of this binary's schemas that `root/.isms/schemas` lacks or holds otherwise;
/// none when the repository keeps no schemas.
pub fn stale(root: &Path) -> Vec<&'static str> {
    if !root.join(SCHEMA_DIR).is_dir() {
        return Vec::new();
    }
    SCHEMAS
        .iter()
        .filter(|(name, text)| {
            std::fs::read(root.join(rel(name))).map_or(true, |bytes| bytes != text.as_bytes())
        })
        .map(|(name, _)| *name)
        .collect()
}

/// The note `validate` and `check` print on standard error when the repository's schemas
/// are not this binary's; `None` when they are. On standard error, once a run: the
/// findings on standard output stay as every format writes them.
pub fn note(root: &Path, lang: Language) -> Option<String> {
    let stale = stale(root);
    if stale.is_empty() {
        return None;
    }
    let args = [
        ("count", crate::l10n::Value::from(stale.len())),
        ("dir", SCHEMA_DIR.into()),
        ("names", stale.join(", ").into()),
    ];
    Some(format!(
        "{}\n",
        crate::l10n::text(lang, "schemas-stale", &args)
    ))
}

/// Prints [`note`] on standard error, if there is one.
pub fn print_note(root: &Path, lang: Language) {
    if let Some(note) = note(root, lang) {
        let _ = std::io::stderr().write_all(note.as_bytes());
    }
}

/// What `refresh` did with one schema file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Created,
    Updated,
    Unchanged,
    /// A file `isms` did not write (another `$id`, not JSON) or a symbolic link: left as it is.
    NotOurs,
}

/// Writes this binary's schemas into `dir/.isms/schemas`: creates the missing ones and
/// replaces the ones `isms` wrote (a JSON Schema whose `$id` is this schema's,
/// `urn:isms:schema:<name>`); leaves any other file, and never writes through a symbolic
/// link: a linked folder is refused, a linked file left as it is. Returns each schema's
/// path relative to `dir` and what became of it.
pub fn refresh(dir: &Path) -> Result<Vec<(String, Outcome)>> {
    for part in [".isms", SCHEMA_DIR] {
        let path = dir.join(part);
        if let Ok(meta) = std::fs::symlink_metadata(&path) {
            if meta.file_type().is_symlink() {
                bail!("{part} is a symbolic link; `isms init --schemas` writes through none");
            }
            if !meta.is_dir() {
                bail!("{part} is a file, not a folder");
            }
        }
    }
    let folder = dir.join(SCHEMA_DIR);
    std::fs::create_dir_all(&folder).with_context(|| format!("cannot create {SCHEMA_DIR}"))?;
    let mut out = Vec::new();
    for (name, text) in SCHEMAS {
        let rel = rel(name);
        let path = dir.join(&rel);
        let outcome = match std::fs::symlink_metadata(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                replace(&folder, name, text).with_context(|| format!("cannot write {rel}"))?;
                Outcome::Created
            }
            Err(e) => return Err(e).with_context(|| format!("cannot read {rel}")),
            Ok(meta) if !meta.is_file() => Outcome::NotOurs,
            Ok(_) => {
                let current = std::fs::read(&path).with_context(|| format!("cannot read {rel}"))?;
                if current == text.as_bytes() {
                    Outcome::Unchanged
                } else if written_by_isms(&current, name) {
                    replace(&folder, name, text).with_context(|| format!("cannot write {rel}"))?;
                    Outcome::Updated
                } else {
                    Outcome::NotOurs
                }
            }
        };
        out.push((rel, outcome));
    }
    Ok(out)
}

/// Whether a schema file's bytes are a schema `isms` wrote: JSON whose `$id` is schema
/// `name`'s. Every version of `isms` writes its schemas with that `$id`; a schema of the
/// user's own has its own.
fn written_by_isms(bytes: &[u8], name: &str) -> bool {
    serde_json::from_slice::<serde_json::Value>(bytes).is_ok_and(|v| {
        v.get("$id").and_then(|id| id.as_str()) == Some(&format!("urn:isms:schema:{name}"))
    })
}

/// Replaces schema `name` in `folder` with `text`: written to a new file beside it, then
/// renamed over it, so that a reader never sees half a schema and a link put there
/// meanwhile is replaced, not written through.
fn replace(folder: &Path, name: &str, text: &str) -> Result<()> {
    let temp = folder.join(format!(".{name}.schema.json.isms-new"));
    let _ = std::fs::remove_file(&temp);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)?;
    file.write_all(text.as_bytes())?;
    drop(file);
    std::fs::rename(&temp, folder.join(format!("{name}.schema.json")))?;
    Ok(())
}

/// `refresh`'s outcome as `isms init` reports its files: a line per schema it wrote or left,
/// then a summary line.
pub fn render(outcome: &[(String, Outcome)], dir: &Path) -> String {
    let mut text = String::new();
    let mut written = 0;
    for (path, what) in outcome {
        let line = match what {
            Outcome::Created => format!("created  {path}\n"),
            Outcome::Updated => format!("updated  {path}\n"),
            Outcome::Unchanged => continue,
            Outcome::NotOurs => {
                format!("skipped  {path} (not written by isms; left as it is)\n")
            }
        };
        if matches!(what, Outcome::Created | Outcome::Updated) {
            written += 1;
        }
        text.push_str(&line);
    }
    let unchanged = outcome
        .iter()
        .filter(|(_, w)| *w == Outcome::Unchanged)
        .count();
    text.push_str(&format!(
        "{written} of {} schemas written, {unchanged} already current, in {}\n",
        outcome.len(),
        Path::new(&dir).join(SCHEMA_DIR).display()
    ));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn isms_schemas_are_told_by_their_id() {
        let (name, text) = SCHEMAS[1];
        assert!(written_by_isms(text.as_bytes(), name));
        assert!(written_by_isms(
            format!("{{\"$id\": \"urn:isms:schema:{name}\", \"type\": \"object\"}}").as_bytes(),
            name
        ));
        assert!(!written_by_isms(
            b"{\"$id\": \"https://example.org/own\"}",
            name
        ));
        assert!(!written_by_isms(b"not json", name));
        let other = SCHEMAS[2].0;
        assert!(!written_by_isms(text.as_bytes(), other));
    }
}
