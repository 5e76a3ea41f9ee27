//! One run over a repository: its configuration and its records, with the problems met
//! reading them. Every command starts here.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context as _, Result};

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::load::{self, Blobs, FileCache, RecordProblem, TreeFile, Unreadable, Walk};
use crate::repo::Repository;
use crate::source::span::{Pos, Span};

/// A repository read from disk, or from a tree of files held elsewhere (a git revision).
pub struct Session {
    /// The repository's folder; for a tree read from git, the folder of the work tree it
    /// belongs to, which its files are not read from.
    pub root: PathBuf,
    pub config: Config,
    pub repo: Repository,
    /// Where the files' texts are read again from, for code frames.
    origin: Origin,
}

/// Where a session's files are.
enum Origin {
    /// In the folder `root`.
    Disk,
    /// In a tree of files (path order) whose bytes `blobs` reads, of which the loader read
    /// those `walk` reads.
    Tree {
        files: Arc<[TreeFile]>,
        walk: Walk,
        blobs: Arc<dyn Blobs>,
    },
}

impl Session {
    /// A session over records already loaded (the fuzz target's one file), whose texts,
    /// when a code frame needs them, are read from `root` on disk.
    pub fn from_parts(root: PathBuf, config: Config, repo: Repository) -> Session {
        Session {
            root,
            config,
            repo,
            origin: Origin::Disk,
        }
    }

    /// Reads `root`: `isms.toml` first, then every record. A setting of `isms.toml` that
    /// cannot be read keeps its default and is a record problem (REC001) at its line, as a
    /// record file's would be; only a configuration that cannot be read at all stops the
    /// run.
    pub fn open(root: &Path) -> Result<Session> {
        Session::open_seeding(root, None)
    }

    /// Reads `root` as [`Session::open`] does, keeping what each file gives in `seed` for a
    /// revision read next (`check --baseline`, `report --compare`, `trend`).
    pub fn open_seeding(root: &Path, seed: Option<&load::Kept>) -> Result<Session> {
        let meta = std::fs::metadata(root)
            .with_context(|| format!("cannot open repository {}", root.display()))?;
        anyhow::ensure!(meta.is_dir(), "{} is not a folder", root.display());
        // Before the configuration is read: compiling the schemas takes longer, and the
        // configuration is read in a moment.
        crate::schema::warm_up();
        let (config, config_problems) = Config::read(root)?;
        let walk = Walk::new(&config.exclude)?;
        let mut loaded = load::load_seeding(root, &walk, seed);
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
            origin: Origin::Disk,
        })
    }

    /// Reads a tree of files that is not on disk (a git revision, the index) as
    /// [`Session::open`] reads a folder: its own `isms.toml` (the file `isms.toml` of
    /// `files`) first, then the record files the walk would read, with the same limits,
    /// problems and positions. `files` are in path order, below the ISMS repository;
    /// `blobs` reads their bytes; `cache` holds files already loaded in this run (and gains
    /// those read now). `root` is the work tree's folder of the same repository.
    pub fn from_tree(
        root: &Path,
        files: Arc<[TreeFile]>,
        blobs: Arc<dyn Blobs>,
        cache: Option<&FileCache>,
    ) -> Result<Session> {
        crate::schema::warm_up();
        let config_file = files.iter().find(|f| &*f.path == crate::config::FILE_NAME);
        let (config, config_problems) = match config_file {
            Some(f) => Config::read_bytes(f.size, || {
                let mut bytes = Ok(Vec::new());
                blobs.read(&[f], &mut |b| bytes = b)?;
                bytes.map_err(|size| {
                    let max = crate::util::file::MAX_SMALL_FILE_BYTES;
                    crate::util::file::SmallFileError::TooLarge(size, max).into()
                })
            })?,
            None => (Config::default(), Vec::new()),
        };
        let has_config = config_file.is_some();
        let walk = Walk::new(&config.exclude)?;
        let read: Vec<&TreeFile> = files.iter().filter(|f| walk.reads(&f.path)).collect();
        let mut loaded = load::load_tree(&read, &*blobs, cache)?;
        let path: Arc<str> = crate::config::FILE_NAME.into();
        loaded.problems.extend(
            config_problems
                .into_iter()
                .map(|p| config_problem(&path, p)),
        );
        let mut repo = Repository::build(loaded);
        if has_config {
            repo.config_file = Some(path);
        }
        Ok(Session {
            root: root.to_path_buf(),
            config,
            repo,
            origin: Origin::Tree { files, walk, blobs },
        })
    }

    /// The texts of the files that `diagnostics` point into, for code frames: read again
    /// from disk (the loader keeps no texts), once per file.
    pub fn source_texts(
        &self,
        diagnostics: &[Diagnostic],
    ) -> std::collections::HashMap<String, String> {
        let mut texts = std::collections::HashMap::new();
        let mut unread: Vec<&TreeFile> = Vec::new();
        let mut asked = std::collections::HashSet::new();
        for d in diagnostics {
            let Some(loc) = &d.location else { continue };
            if loc.span.is_none() || texts.contains_key(&*loc.path) {
                continue;
            }
            let text = match (self.repo.file_text(&loc.path), &self.origin) {
                (Some(t), _) => Some(t.to_owned()),
                (None, Origin::Disk) => crate::load::source_text(&self.root, &loc.path),
                (None, Origin::Tree { files, walk, .. }) => {
                    // Read below, all at once; only a file the loader read has positions.
                    if walk.reads(&loc.path)
                        && let Ok(i) = files.binary_search_by(|f| (*f.path).cmp(&*loc.path))
                        && asked.insert(i)
                    {
                        unread.push(&files[i]);
                    }
                    None
                }
            };
            if let Some(t) = text {
                texts.insert(loc.path.to_string(), t);
            }
        }
        if let Origin::Tree { blobs, .. } = &self.origin
            && !unread.is_empty()
        {
            unread.retain(|f| !f.too_large());
            let mut read = unread.iter();
            // Code frames are a help: a file that cannot be read again is shown without.
            let _ = blobs.read(&unread, &mut |blob| {
                let text = blob.ok().and_then(|bytes| load::text_of(&bytes));
                if let (Some(f), Some(text)) = (read.next(), text) {
                    texts.insert(f.path.to_string(), text);
                }
            });
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

#[cfg(test)]
impl Session {
    /// The bundled example `examples/<name>`, opened as a run opens it: for unit tests.
    pub fn example(name: &str) -> Session {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join(name);
        Session::open(&root).expect("the bundled example opens")
    }
}
