//! `isms init`: a new repository's skeleton (configuration, one example record per kind,
//! schemas, editor, CI and pre-commit settings, README), never overwriting a file.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};

use super::Clock;
use super::scaffold::{SCHEMA_DIR, Values, init_template, schema_comment, write_new};
use crate::config::Config;
use crate::model::{Date, Kind};

#[derive(clap::Args)]
pub struct Args {
    /// The folder to scaffold (created when missing)
    #[arg(value_name = "DIR", default_value = ".")]
    dir: PathBuf,
    /// Date the example records as of this date (YYYY-MM-DD) [default: today]
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
    /// Only refresh the schemas in .isms/schemas/ to this version's (the ones isms wrote)
    #[arg(long)]
    schemas: bool,
    /// The CI configuration to write at the top of the git work tree: a GitHub Actions
    /// workflow, a GitLab CI file, or none
    #[arg(long, value_enum, default_value = "github")]
    ci: Ci,
}

/// Which code host's CI `init` scaffolds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Ci {
    Github,
    Gitlab,
    None,
}

pub fn run(args: Args, clock: Clock) -> Result<u8> {
    if args.schemas {
        let outcome = super::schema_files::refresh(&args.dir)?;
        super::emit(&super::schema_files::render(&outcome, &args.dir))?;
        return Ok(0);
    }
    // The folder's own time zone when it already has a readable isms.toml.
    let config = Config::load(&args.dir).unwrap_or_default();
    let as_of = clock.as_of(args.as_of.as_deref(), &config)?;
    let outcome = init(&args.dir, as_of, args.ci)?;
    super::emit(&outcome.render(&args.dir))?;
    Ok(0)
}

/// The files of `init` in the repository's folder other than records and schemas: path
/// and contents.
const INIT_FILES: [(&str, &str); 2] = [
    (
        crate::config::FILE_NAME,
        include_str!("../../templates/scaffold/init/isms.toml"),
    ),
    (
        "README.md",
        include_str!("../../templates/scaffold/init/README.md"),
    ),
];

/// The pre-commit configuration, at the top of the git work tree where pre-commit looks.
const PRE_COMMIT: (&str, &str) = (
    ".pre-commit-config.yaml",
    include_str!("../../templates/scaffold/init/pre-commit-config.yaml"),
);

/// The CI files, at the top of the git work tree where GitHub and GitLab look.
const GITHUB_WORKFLOW: (&str, &str) = (
    ".github/workflows/isms.yml",
    include_str!("../../templates/scaffold/init/workflow.yml"),
);
const GITLAB_CI: (&str, &str) = (
    ".gitlab-ci.yml",
    include_str!("../../templates/scaffold/init/gitlab-ci.yml"),
);

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
pub struct Written {
    pub files: Vec<(String, Status)>,
}

impl Written {
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
///
/// The CI and pre-commit files go to the top of the git work tree `dir` is in (where
/// GitHub, GitLab and pre-commit look for them), naming `dir` as the repository to check;
/// to `dir` itself when it is in no work tree yet.
pub fn init(dir: &Path, as_of: Date, ci: Ci) -> Result<Written> {
    if dir.exists() && !dir.is_dir() {
        bail!("{} is a file, not a folder", dir.display());
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let has_records = holds_records(dir)?;
    let mut outcome = Written::default();
    for (rel, text) in INIT_FILES {
        outcome.write(dir, rel, text)?;
    }
    let prefix = crate::git::work_tree_prefix(dir);
    let depth = prefix.matches('/').count();
    let mut top = dir.to_path_buf();
    for _ in 0..depth {
        top.push("..");
    }
    let repo = match prefix.strip_suffix('/') {
        Some(p) => p.to_owned(),
        None => ".".to_owned(),
    };
    let ci_values = Values::of(as_of)
        .with("version", env!("CARGO_PKG_VERSION").to_owned())
        .with("repo_pattern", regex_escape(&prefix))
        .with("repo", repo);
    let mut top_files = vec![PRE_COMMIT];
    match ci {
        Ci::Github => top_files.push(GITHUB_WORKFLOW),
        Ci::Gitlab => top_files.push(GITLAB_CI),
        Ci::None => {}
    }
    for (rel, text) in top_files {
        let created = write_new(&top, rel, &ci_values.fill(text))?;
        let shown = format!("{}{rel}", "../".repeat(depth));
        let status = if created {
            Status::Created
        } else {
            Status::Exists
        };
        outcome.files.push((shown, status));
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

/// `text` with the characters a regular expression gives a meaning escaped (a folder
/// name in pre-commit's `files` pattern).
fn regex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\.+*?()|[]{}^$".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
