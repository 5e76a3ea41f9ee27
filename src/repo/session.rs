//! One run over a repository: its configuration and its records, with the problems met
//! reading them. Every command starts here.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::load::{self, RecordProblem, Unreadable, Walk};
use crate::repo::Repository;
use crate::source::span::{Pos, Span};

/// A repository read from disk.
pub struct Session {
    pub root: PathBuf,
    pub config: Config,
    pub repo: Repository,
}

impl Session {
    /// Reads `root`: `isms.toml` first, then every record. A setting of `isms.toml` that
    /// cannot be read keeps its default and is a record problem (REC001) at its line, as a
    /// record file's would be; only a configuration that cannot be read at all stops the
    /// run.
    pub fn open(root: &Path) -> Result<Session> {
        let meta = std::fs::metadata(root)
            .with_context(|| format!("cannot open repository {}", root.display()))?;
        anyhow::ensure!(meta.is_dir(), "{} is not a folder", root.display());
        // Before the configuration is read: compiling the schemas takes longer, and the
        // configuration is read in a moment.
        crate::schema::warm_up();
        let (config, config_problems) = Config::read(root)?;
        let walk = Walk::new(&config.exclude)?;
        let mut loaded = load::load(root, &walk);
        let path: std::sync::Arc<str> = crate::config::FILE_NAME.into();
        loaded.problems.extend(
            config_problems
                .into_iter()
                .map(|p| config_problem(&path, p)),
        );
        let mut repo = Repository::build(loaded);
        if root.join(crate::config::FILE_NAME).is_file() {
            repo.config_file = Some(crate::config::FILE_NAME.into());
        }
        Ok(Session {
            root: root.to_path_buf(),
            config,
            repo,
        })
    }

    /// The texts of the files that `diagnostics` point into, for code frames: read again
    /// from disk (the loader keeps no texts), once per file.
    pub fn source_texts(
        &self,
        diagnostics: &[Diagnostic],
    ) -> std::collections::HashMap<String, String> {
        let mut texts = std::collections::HashMap::new();
        for d in diagnostics {
            let Some(loc) = &d.location else { continue };
            if loc.span.is_none() || texts.contains_key(&*loc.path) {
                continue;
            }
            let text = match self.repo.file_text(&loc.path) {
                Some(t) => Some(t.to_owned()),
                None => crate::load::source_text(&self.root, &loc.path),
            };
            if let Some(t) = text {
                texts.insert(loc.path.to_string(), t);
            }
        }
        texts
    }
}

/// A problem of `isms.toml` as REC001 says it: at the setting's value, identified by its
/// pointer.
fn config_problem(path: &std::sync::Arc<str>, p: crate::config::Problem) -> RecordProblem {
    let start = Pos::new(p.line, p.column);
    let span = Span::new(start, Pos::new(p.line, p.column + p.width));
    let mut problem = Unreadable::new(path, Some(span), "REC001-config").with_args(p.args);
    if !p.setting.is_empty() {
        problem = problem.at_pointer(&p.setting);
    }
    problem.into()
}
