//! `isms init` and `isms new`: a new repository's skeleton, or one record from its kind's
//! template. The only code that writes into a repository, and it never overwrites a file.

use std::fs::OpenOptions;
use std::io::Write as _;
use std::path::Path;

use anyhow::{Context as _, Result, bail};

use crate::model::{Date, Kind};
use crate::session::Session;

/// Where `init` puts the JSON Schemas, relative to the repository root.
pub const SCHEMA_DIR: &str = ".isms/schemas";

/// Each kind's templates, `templates/kinds/<kind>.yaml`, by the table of kinds.
macro_rules! define_templates {
    ($($variant:ident { kind: $kind:ident, $($_rest:tt)* }),* $(,)?) => {
        fn templates(kind: Kind) -> &'static str {
            match kind {
                $(Kind::$variant => include_str!(concat!("../templates/kinds/", stringify!($kind), ".yaml")),)*
            }
        }
    };
}
crate::model::kind_table!(define_templates);

/// The line in a kind's template file between the template of `isms new` and the example
/// record of `isms init`.
const EXAMPLE_SEPARATOR: &str = "--- # the example record of isms init\n";

/// The template `new` writes for a kind: required fields, then optional ones commented out.
fn new_template(kind: Kind) -> &'static str {
    templates(kind)
        .split_once(EXAMPLE_SEPARATOR)
        .map_or(templates(kind), |(new, _)| new)
}

/// The example record `init` writes for a kind (its path is [`Kind::example_path`]).
fn init_template(kind: Kind) -> &'static str {
    templates(kind)
        .split_once(EXAMPLE_SEPARATOR)
        .map_or("", |(_, example)| example)
}

/// The files of `init` other than records and schemas: path and contents.
const INIT_FILES: [(&str, &str); 4] = [
    (
        crate::config::FILE_NAME,
        include_str!("../templates/scaffold/init/isms.toml"),
    ),
    (
        "README.md",
        include_str!("../templates/scaffold/init/README.md"),
    ),
    (
        ".github/workflows/isms.yml",
        include_str!("../templates/scaffold/init/workflow.yml"),
    ),
    (
        ".pre-commit-config.yaml",
        include_str!("../templates/scaffold/init/pre-commit-config.yaml"),
    ),
];

/// The fields every kind shares, commented out at the end of each `new` template.
const NEW_COMMON: &str = include_str!("../templates/scaffold/new/_common.yaml");

/// What happened to one file `init` would write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Created,
    /// The file was there already and is left as it is.
    Exists,
    /// An example record not written because the folder already holds records.
    HasRecords,
}

/// The files `init` considered, as paths relative to its folder, in the order written.
#[derive(Debug, Default)]
pub struct Outcome {
    pub files: Vec<(String, Status)>,
}

impl Outcome {
    /// Writes `dir/rel` unless it exists, and records which it was.
    fn write(&mut self, dir: &Path, rel: &str, text: &str) -> Result<()> {
        let status = if write_new(dir, rel, text)? {
            Status::Created
        } else {
            Status::Exists
        };
        self.files.push((rel.to_owned(), status));
        Ok(())
    }

    pub fn created(&self) -> usize {
        self.count(Status::Created)
    }

    pub fn skipped(&self) -> usize {
        self.files.len() - self.created()
    }

    fn count(&self, status: Status) -> usize {
        self.files.iter().filter(|(_, s)| *s == status).count()
    }

    /// One line per file, then a summary line.
    pub fn render(&self, dir: &Path) -> String {
        let mut out = String::new();
        for (path, status) in &self.files {
            let line = match status {
                Status::Created => format!("created  {path}\n"),
                Status::Exists => format!("skipped  {path} (exists; left as it is)\n"),
                Status::HasRecords => {
                    format!("skipped  {path} (example; the folder already holds records)\n")
                }
            };
            out.push_str(&line);
        }
        out.push_str(&format!(
            "{} created, {} skipped in {}\n",
            plural(self.created(), "file"),
            plural(self.skipped(), "file"),
            dir.display()
        ));
        out
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Scaffolds a repository in `dir` (created when missing) as of `as_of`: configuration,
/// example records, schemas, editor settings, CI workflow, pre-commit hook and README.
/// Existing files are never touched; example records are left out when the folder
/// already holds records, so that `init` in a working repository adds no duplicates.
pub fn init(dir: &Path, as_of: Date) -> Result<Outcome> {
    if dir.exists() && !dir.is_dir() {
        bail!("{} is a file, not a folder", dir.display());
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let has_records = holds_records(dir)?;
    let mut outcome = Outcome::default();
    for (rel, text) in INIT_FILES {
        outcome.write(dir, rel, text)?;
    }
    for (name, text) in crate::schema::SCHEMAS {
        outcome.write(dir, &format!("{SCHEMA_DIR}/{name}.schema.json"), text)?;
    }
    outcome.write(dir, ".vscode/settings.json", &vscode_settings())?;
    let values = Values::of(as_of);
    for kind in Kind::ALL {
        let rel = values.fill(kind.example_path());
        if has_records && !dir.join(&rel).exists() {
            outcome.files.push((rel, Status::HasRecords));
            continue;
        }
        let text = format!(
            "{}{}",
            schema_comment(&rel, kind),
            values.fill(init_template(kind))
        );
        outcome.write(dir, &rel, &text)?;
    }
    Ok(outcome)
}

/// Whether any record file (`.yaml`/`.yml` outside hidden folders) is below `dir`.
fn holds_records(dir: &Path) -> Result<bool> {
    let walk = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walk {
        let entry = entry.with_context(|| format!("cannot read {}", dir.display()))?;
        let is_yaml = entry
            .path()
            .extension()
            .is_some_and(|e| e == "yaml" || e == "yml");
        if entry.file_type().is_file() && is_yaml {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Writes `root/rel` unless it exists; false when it did. Creating the file exclusively
/// means even a file that appears meanwhile is not overwritten.
fn write_new(root: &Path, rel: &str, text: &str) -> Result<bool> {
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

/// `.vscode/settings.json`: each kind's folder mapped to its schema for the YAML extension.
/// Written by hand, not with serde_json, so the key order is the kinds' order in any build.
fn vscode_settings() -> String {
    let entries: Vec<String> = Kind::ALL
        .iter()
        .map(|kind| {
            let globs = match kind.folder() {
                "" => format!("\"{}.yaml\"", kind.as_str()),
                folder => format!("\"{folder}/**/*.yaml\", \"{folder}/**/*.yml\""),
            };
            format!(
                "    \"./{SCHEMA_DIR}/{}.schema.json\": [{globs}]",
                kind.as_str()
            )
        })
        .collect();
    format!(
        "{{\n  \"yaml.schemas\": {{\n{}\n  }}\n}}\n",
        entries.join(",\n")
    )
}

/// The `# yaml-language-server` line of a record at `rel` (relative to the root).
fn schema_comment(rel: &str, kind: Kind) -> String {
    let depth = rel.matches('/').count();
    format!(
        "# yaml-language-server: $schema={}{SCHEMA_DIR}/{}.schema.json\n",
        "../".repeat(depth),
        kind.as_str()
    )
}

/// The values templates refer to as `{{name}}`.
struct Values(Vec<(&'static str, String)>);

impl Values {
    fn of(as_of: Date) -> Values {
        Values(vec![
            ("year", as_of.year().to_string()),
            ("today", as_of.to_string()),
            ("today-3m", as_of.minus_months(3).to_string()),
            ("today-6m", as_of.minus_months(6).to_string()),
            ("today-9m", as_of.minus_months(9).to_string()),
        ])
    }

    fn with(mut self, name: &'static str, value: String) -> Values {
        self.0.push((name, value));
        self
    }

    /// `fill`, keeping trailing `  # comments` in the column the template put them, however
    /// long the values are.
    fn fill_aligned(&self, template: &str) -> String {
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

    fn fill(&self, template: &str) -> String {
        let mut text = template.to_owned();
        for (name, value) in &self.0 {
            text = text.replace(&format!("{{{{{name}}}}}"), value);
        }
        text
    }
}

/// Refuses an id that does not match `^[A-Za-z0-9][A-Za-z0-9._-]*$`, naming what is wrong.
pub fn check_id(id: &str) -> Result<()> {
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-');
    let problem = match id.chars().next() {
        None => Some("it is empty".to_owned()),
        Some(first) if !first.is_ascii_alphanumeric() => Some(format!("it starts with `{first}`")),
        _ => id
            .chars()
            .find(|c| !allowed(*c))
            .map(|c| format!("`{c}` is not allowed")),
    };
    match problem {
        Some(why) => bail!(
            "invalid id `{id}`: {why}; an id starts with a letter or digit and holds only \
             A-Z, a-z, 0-9, `.`, `_` and `-` (pattern ^[A-Za-z0-9][A-Za-z0-9._-]*$)"
        ),
        None => Ok(()),
    }
}

/// The conventional path of a record, relative to the root: `<folder>/<id>.yaml`, with
/// incidents and activities in a folder per year and the organisation in `organisation.yaml`.
pub fn record_path(kind: Kind, id: &str, year: i16) -> String {
    kind.path_pattern()
        .replace("{year}", &year.to_string())
        .replace("{id}", id)
}

/// Writes a new record of `kind` with `id` from its template, as of `as_of`, and returns
/// its path relative to the root. Refuses an invalid id, an existing file and an id the
/// kind already has anywhere in the repository.
pub fn new_record(session: &Session, kind: Kind, id: &str, as_of: Date) -> Result<String> {
    check_id(id)?;
    let rel = record_path(kind, id, as_of.year());
    if session.root.join(&rel).exists() {
        bail!("{rel} already exists; `isms new` never overwrites a file");
    }
    let repo = &session.repo;
    if repo.exists(kind, id) {
        let place = existing_path(repo, kind, id)
            .map(|p| format!(" ({p})"))
            .unwrap_or_default();
        bail!("{kind} `{id}` already exists{place}; ids are compared ignoring case");
    }
    if kind == Kind::Organisation {
        if let Some(o) = repo.organisation.first() {
            bail!(
                "the repository already has an organisation record, `{}` in {}; a repository describes one organisation",
                o.id,
                o.src.path
            );
        }
        if repo
            .counts
            .iter()
            .any(|(k, n)| *k == Kind::Organisation && *n > 0)
        {
            bail!(
                "the repository already has an organisation record; a repository describes one organisation"
            );
        }
    }
    let values = Values::of(as_of)
        .with("id", yaml_scalar(id))
        .with(
            "asset",
            reference(
                first_by_id(repo.assets.iter().map(|a| &a.id)),
                "ange-tillgang",
            ),
        )
        .with(
            "unit",
            reference(first_by_id(repo.units.iter().map(|u| &u.id)), "ange-enhet"),
        )
        .with(
            "plan",
            reference(plan_for(session, as_of.year()), "ange-handlingsplan"),
        )
        .with(
            "review",
            reference(latest_review(session), "ange-granskning"),
        );
    let comment = if session.root.join(SCHEMA_DIR).is_dir() {
        schema_comment(&rel, kind)
    } else {
        String::new()
    };
    let text = format!(
        "{comment}{}{}",
        values.fill_aligned(new_template(kind)),
        values.fill_aligned(NEW_COMMON)
    );
    if !write_new(&session.root, &rel, &text)? {
        bail!("{rel} already exists; `isms new` never overwrites a file");
    }
    Ok(rel)
}

/// The file of the valid record of `kind` with `id`, if there is one.
fn existing_path(repo: &crate::repo::Repository, kind: Kind, id: &str) -> Option<String> {
    let id = id.to_lowercase();
    repo.entries(kind)
        .into_iter()
        .find(|e| e.record.id().to_lowercase() == id)
        .map(|e| e.src.path.to_string())
}

/// An existing id to put in a template's reference, or the placeholder that makes
/// `isms validate` ask for one (REC003) when the repository has none.
fn reference(existing: Option<&String>, placeholder: &str) -> String {
    existing.map_or_else(|| placeholder.to_owned(), |id| yaml_scalar(id))
}

fn first_by_id<'a>(ids: impl Iterator<Item = &'a String>) -> Option<&'a String> {
    ids.min_by_key(|id| (id.to_lowercase(), id.as_str()))
}

/// The plan of `year`, else the newest plan.
fn plan_for(session: &Session, year: i16) -> Option<&String> {
    let plans = &session.repo.plans;
    plans
        .iter()
        .filter(|p| p.year == year)
        .map(|p| &p.id)
        .min()
        .or_else(|| plans.iter().max_by_key(|p| (p.year, &p.id)).map(|p| &p.id))
}

/// The newest review: the usual source of a new finding.
fn latest_review(session: &Session) -> Option<&String> {
    session
        .repo
        .reviews
        .iter()
        .max_by_key(|r| (r.date, &r.id))
        .map(|r| &r.id)
}

/// `s` as a YAML scalar that reads back as the same string: quoted when a plain scalar
/// would read as a number, a boolean or null (an id such as `2024` or `true`).
fn yaml_scalar(s: &str) -> String {
    if crate::yaml::resolve_plain(s).is_string() {
        s.to_owned()
    } else {
        format!("\"{s}\"")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn date(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn the_config_template_parses_and_documents_the_defaults() {
        let text = INIT_FILES[0].1;
        let config = Config::parse(text).unwrap();
        let expected = Config {
            organisation: Some("Exempelstad kommun".into()),
            ..Config::default()
        };
        assert_eq!(config, expected);
        // Uncommenting every `# key = value` line must give the same settings: the
        // commented values are the real defaults.
        let uncommented: String = text
            .lines()
            .map(|line| match line.strip_prefix("# ") {
                Some(rest)
                    if rest.split_once(" = ").is_some_and(|(k, _)| {
                        k.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                    }) =>
                {
                    format!("{rest}\n")
                }
                _ => format!("{line}\n"),
            })
            .collect();
        assert_eq!(Config::parse(&uncommented).unwrap(), expected);
        // And every setting is there.
        let defaults = toml::Value::try_from(Config::default()).unwrap();
        let table = defaults.as_table().unwrap();
        for (key, value) in table {
            let keys: Vec<String> = match value {
                toml::Value::Table(t) => t.keys().cloned().collect(),
                _ => vec![key.clone()],
            };
            for k in keys {
                if key == "rules" {
                    continue;
                }
                assert!(
                    uncommented.contains(&format!("\n{k} = ")),
                    "isms.toml template lacks `{k}`"
                );
            }
        }
    }

    #[test]
    fn templates_leave_no_placeholder() {
        let values = Values::of(date("2026-03-31"))
            .with("id", "x".into())
            .with("asset", "a".into())
            .with("unit", "u".into())
            .with("plan", "p".into())
            .with("review", "r".into());
        for kind in Kind::ALL {
            let path = kind.example_path();
            assert!(!values.fill(path).contains("{{"), "{path}");
            assert!(!values.fill(init_template(kind)).contains("{{"), "{path}");
        }
        for kind in Kind::ALL {
            assert!(!values.fill(new_template(kind)).contains("{{"), "{kind}");
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
            assert!(
                init_template(kind).contains(&format!("\nkind: {kind}\n")),
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

    #[test]
    fn vscode_settings_are_json_with_every_kind() {
        let v: serde_json::Value = serde_json::from_str(&vscode_settings()).unwrap();
        let map = v["yaml.schemas"].as_object().unwrap();
        assert_eq!(map.len(), Kind::ALL.len());
        assert_eq!(
            map["./.isms/schemas/asset.schema.json"][0],
            "assets/**/*.yaml"
        );
        assert_eq!(
            map["./.isms/schemas/organisation.schema.json"][0],
            "organisation.yaml"
        );
    }

    #[test]
    fn record_paths() {
        assert_eq!(
            record_path(Kind::Incident, "INC-7", 2026),
            "incidents/2026/INC-7.yaml"
        );
        assert_eq!(
            record_path(Kind::Activity, "a", 2026),
            "activities/2026/a.yaml"
        );
        assert_eq!(
            record_path(Kind::Plan, "hp-2027", 2026),
            "plans/hp-2027.yaml"
        );
        assert_eq!(
            record_path(Kind::Organisation, "x", 2026),
            "organisation.yaml"
        );
        assert_eq!(
            record_path(Kind::ContinuityPlan, "kp", 2026),
            "continuity/kp.yaml"
        );
    }

    #[test]
    fn ids_are_checked() {
        assert!(check_id("INC-2026.01_a").is_ok());
        let e = check_id("-x").unwrap_err().to_string();
        assert!(e.contains("starts with `-`"), "{e}");
        let e = check_id("skåne").unwrap_err().to_string();
        assert!(e.contains("`å` is not allowed"), "{e}");
        assert!(check_id("").is_err());
        assert!(check_id("a/b").is_err());
    }

    #[test]
    fn ids_that_yaml_would_read_as_numbers_are_quoted() {
        assert_eq!(yaml_scalar("2024"), "\"2024\"");
        assert_eq!(yaml_scalar("true"), "\"true\"");
        assert_eq!(yaml_scalar("1.5"), "\"1.5\"");
        assert_eq!(yaml_scalar("r-2024"), "r-2024");
    }
}
