//! One run over a repository: its configuration and its records, with the problems met
//! reading them. Every command starts here.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::load::{self, Walk};
use crate::repo::Repository;

/// A repository read from disk.
pub struct Session {
    pub root: PathBuf,
    pub config: Config,
    pub repo: Repository,
}

impl Session {
    /// Reads `root`: `isms.toml` first (a bad one stops the run), then every record.
    pub fn open(root: &Path) -> Result<Session> {
        let meta = std::fs::metadata(root)
            .with_context(|| format!("cannot open repository {}", root.display()))?;
        anyhow::ensure!(meta.is_dir(), "{} is not a folder", root.display());
        // Before the configuration is read: compiling the schemas takes longer, and a bad
        // configuration ends the run anyway.
        crate::schema::warm_up();
        let config = Config::load(root)?;
        let walk = Walk::new(&config.exclude)?;
        let loaded = load::load(root, &walk);
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
