//! What `isms init` and `isms new` share: each kind's templates, the values they are filled
//! with, the schema comment of a record, and writing a file that never overwrites one.

use std::fs::OpenOptions;
use std::io::Write as _;
use std::path::Path;

use anyhow::{Context as _, Result};

use crate::model::{Date, Kind};

/// Where `init` puts the JSON Schemas, relative to the repository root.
pub const SCHEMA_DIR: &str = ".isms/schemas";

/// Each kind's templates, `templates/kinds/<kind>.yaml`, by the table of kinds.
macro_rules! define_templates {
    ($($variant:ident { kind: $kind:ident, $($_rest:tt)* }),* $(,)?) => {
        fn templates(kind: Kind) -> &'static str {
            match kind {
                $(Kind::$variant => include_str!(concat!("../../templates/kinds/", stringify!($kind), ".yaml")),)*
            }
        }
    };
}
crate::model::kind_table!(define_templates);

/// The line in a kind's template file between the template of `isms new` and the example
/// record of `isms init`.
const EXAMPLE_SEPARATOR: &str = "--- # the example record of isms init\n";

/// The template `new` writes for a kind: required fields, then optional ones commented out.
pub(super) fn new_template(kind: Kind) -> &'static str {
    templates(kind)
        .split_once(EXAMPLE_SEPARATOR)
        .map_or(templates(kind), |(new, _)| new)
}

/// The example record `init` writes for a kind (its path is [`Kind::example_path`]).
pub(super) fn init_template(kind: Kind) -> &'static str {
    templates(kind)
        .split_once(EXAMPLE_SEPARATOR)
        .map_or("", |(_, example)| example)
}

/// Writes `root/rel` unless it exists; false when it did. Creating the file exclusively
/// means even a file that appears meanwhile is not overwritten, and a link in its place is
/// not followed. A folder on the way that is a symbolic link is refused: the loader does
/// not read through links, so `isms` does not write through them either (a committed link
/// would send a new record out of the repository).
pub(super) fn write_new(root: &Path, rel: &str, text: &str) -> Result<bool> {
    let folder = Path::new(rel).parent().unwrap_or(Path::new(""));
    if let Some(link) = crate::util::file::first_link(root, folder) {
        anyhow::bail!(
            "refusing to write {rel}: {} is a symbolic link, which isms neither reads nor writes through",
            link.display()
        );
    }
    let path = root.join(rel);
    if path.exists() {
        return Ok(false);
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create the folder of {rel}"))?;
    }
    let mut file = match OpenOptions::new().write(true).create_new(true).open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Ok(false),
        Err(e) => return Err(e).with_context(|| format!("cannot create {rel}")),
    };
    file.write_all(text.as_bytes())
        .with_context(|| format!("cannot write {rel}"))?;
    Ok(true)
}

/// The `# yaml-language-server` line of a record at `rel` (relative to the root).
pub(super) fn schema_comment(rel: &str, kind: Kind) -> String {
    let depth = rel.matches('/').count();
    format!(
        "# yaml-language-server: $schema={}{SCHEMA_DIR}/{}.schema.json\n",
        "../".repeat(depth),
        kind.as_str()
    )
}

/// The values templates refer to as `{{name}}`.
pub(super) struct Values(Vec<(&'static str, String)>);

impl Values {
    pub(super) fn of(as_of: Date) -> Values {
        Values(vec![
            ("year", as_of.year().to_string()),
            ("today", as_of.to_string()),
            ("today-3m", as_of.minus_months(3).to_string()),
            ("today-6m", as_of.minus_months(6).to_string()),
            ("today-9m", as_of.minus_months(9).to_string()),
            ("today+12m", as_of.plus_months(12).to_string()),
            ("today+24m", as_of.plus_months(24).to_string()),
        ])
    }

    pub(super) fn with(mut self, name: &'static str, value: String) -> Values {
        self.0.push((name, value));
        self
    }

    /// `fill`, keeping trailing `  # comments` in the column the template put them, however
    /// long the values are.
    pub(super) fn fill_aligned(&self, template: &str) -> String {
        let mut out = String::with_capacity(template.len());
        for line in template.split_inclusive('\n') {
            let (body, newline) = match line.strip_suffix('\n') {
                Some(b) => (b, "\n"),
                None => (line, ""),
            };
            match body.find("  # ") {
                Some(at) if body[..at].contains("{{") => {
                    let before = self.fill(&body[..at]);
                    let before = before.trim_end();
                    let comment = body[at..].trim_start();
                    let column = body.len() - comment.len();
                    let column = body[..column].chars().count();
                    let pad = column.saturating_sub(before.chars().count()).max(1);
                    out.push_str(&format!("{before}{}{comment}{newline}", " ".repeat(pad)));
                }
                _ => {
                    out.push_str(&self.fill(body));
                    out.push_str(newline);
                }
            }
        }
        out
    }

    pub(super) fn fill(&self, template: &str) -> String {
        let mut text = template.to_owned();
        for (name, value) in &self.0 {
            text = text.replace(&format!("{{{{{name}}}}}"), value);
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn templates_leave_no_placeholder() {
        // The examples of `init` name their references themselves; `new` fills its
        // templates' references from flags (its own tests).
        let values = Values::of(date("2026-03-31"));
        for kind in Kind::ALL {
            let path = kind.example_path();
            assert!(!values.fill(path).contains("{{"), "{path}");
            assert!(!values.fill(init_template(kind)).contains("{{"), "{path}");
        }
        assert_eq!(
            Values::of(date("2026-03-31")).fill("{{today-3m}} {{year}}"),
            "2025-12-31 2026"
        );
        // Trailing comments stay in their column, or one space after a longer value.
        let values = Values::of(date("2026-03-31")).with("id", "abcdefghijkl".into());
        assert_eq!(
            values.fill_aligned("a: {{id}}   # c\nb: {{year}}    # d\n"),
            "a: abcdefghijkl # c\nb: 2026        # d\n"
        );
    }

    #[test]
    fn every_kind_has_an_example_whose_kind_matches() {
        for kind in Kind::ALL {
            let example = init_template(kind);
            let line = format!("kind: {kind}\n");
            assert!(
                example.starts_with(&line) || example.contains(&format!("\n{line}")),
                "{kind}"
            );
        }
        for kind in Kind::ALL {
            assert!(
                new_template(kind).starts_with(&format!("kind: {kind}\nid: {{{{id}}}}\n")),
                "{kind}"
            );
        }
    }

    #[test]
    fn schema_comments_are_relative_to_the_record() {
        assert_eq!(
            schema_comment("organisation.yaml", Kind::Organisation),
            "# yaml-language-server: $schema=.isms/schemas/organisation.schema.json\n"
        );
        assert_eq!(
            schema_comment("incidents/2026/INC-1.yaml", Kind::Incident),
            "# yaml-language-server: $schema=../../.isms/schemas/incident.schema.json\n"
        );
    }
}
