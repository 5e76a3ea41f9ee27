//! One run over a repository: its configuration and its records, with the problems met
//! reading them. Every command starts here.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context as _, Result};

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::load::{self, Blobs, FileCache, RecordProblem, TreeFile, Unreadable, Walk};
use crate::repo::{Repository, after};
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
    /// those the walk reads: `read` of them, each file's place among them in `places`
    /// ([`load::Source::file`]), or [`NOT_READ`].
    Tree {
        files: Arc<[TreeFile]>,
        places: Vec<u32>,
        read: usize,
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
        let (config, settings_problems) = Config::read(root)?;
        let walk = Walk::new(&config.exclude)?;
        let loaded = load::load_seeding(root, &walk, seed);
        Ok(Session::on_disk(root, config, settings_problems, loaded))
    }

    /// Reads `root`'s `isms.toml` and no record: for a run that reads its records from
    /// git revisions only (`isms trend --rev`), which needs the work tree's settings, not
    /// its records. A setting that cannot be read is a record problem, as in
    /// [`Session::open`].
    pub fn open_settings(root: &Path) -> Result<Session> {
        let (config, settings_problems) = Config::read(root)?;
        let none = load::LoadResult::default();
        Ok(Session::on_disk(root, config, settings_problems, none))
    }

    /// A session over the folder `root`: its settings, the problems of its `isms.toml`
    /// (REC001, with the records' own) and what was loaded of its records.
    fn on_disk(
        root: &Path,
        config: Config,
        settings_problems: Vec<crate::config::Problem>,
        mut loaded: load::LoadResult,
    ) -> Session {
        loaded.problems.extend(config_problems(settings_problems));
        let mut repo = Repository::build(loaded);
        if root.join(crate::config::FILE_NAME).is_file() {
            repo.config_file = Some(crate::config::FILE_NAME.into());
        }
        Session {
            root: root.to_path_buf(),
            config,
            repo,
            origin: Origin::Disk,
        }
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
        Session::read_tree(root, files, blobs, cache, None)
    }

    /// Reads a tree of files as [`Session::from_tree`] does, after `before`, a tree read
    /// just before it in the same run (the revision before, in a trend): when both have the
    /// same `isms.toml`, only the files that differ are read, and the records of the others
    /// are filed as `before` filed them ([`Repository::build_after`]). Otherwise, and where
    /// ids are contested, the tree is read afresh. The result is the same either way.
    pub fn from_tree_after(
        root: &Path,
        files: Arc<[TreeFile]>,
        blobs: Arc<dyn Blobs>,
        cache: Option<&FileCache>,
        before: &Session,
    ) -> Result<Session> {
        Session::read_tree(root, files, blobs, cache, Some(before))
    }

    fn read_tree(
        root: &Path,
        files: Arc<[TreeFile]>,
        blobs: Arc<dyn Blobs>,
        cache: Option<&FileCache>,
        before: Option<&Session>,
    ) -> Result<Session> {
        crate::schema::warm_up();
        let (config, settings_problems, has_config) = tree_config(&files, &*blobs)?;
        let walk = Walk::new(&config.exclude)?;
        let tree = Tree {
            files: &files,
            walk: &walk,
            blobs: &*blobs,
            cache,
        };
        let after = match before.and_then(|b| tree.follows(b)) {
            Some(b) => tree.file_after(b)?,
            None => None,
        };
        let filed = match after {
            Some(filed) => filed,
            None => {
                let mut filed = tree.file_afresh(settings_problems)?;
                if has_config {
                    filed.repo.config_file = Some(crate::config::FILE_NAME.into());
                }
                filed
            }
        };
        Ok(Session {
            root: root.to_path_buf(),
            config,
            repo: filed.repo,
            origin: Origin::Tree {
                files,
                places: filed.places,
                read: filed.read,
                blobs,
            },
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
                (None, Origin::Tree { files, places, .. }) => {
                    // Read below, all at once; only a file the loader read has positions.
                    if let Ok(i) = files.binary_search_by(|f| (*f.path).cmp(&*loc.path))
                        && places.get(i).is_some_and(|p| *p != NOT_READ)
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

/// A tree being read, with what reads it.
struct Tree<'t> {
    files: &'t [TreeFile],
    walk: &'t Walk,
    blobs: &'t dyn Blobs,
    cache: Option<&'t FileCache>,
}

/// A tree's records filed, and which of its files were read ([`Origin::Tree`]).
struct Filed {
    repo: Repository,
    places: Vec<u32>,
    read: usize,
}

/// What a tree is filed from when it follows another: that tree's files, their places and
/// its repository.
struct Before<'s> {
    files: &'s [TreeFile],
    places: &'s [u32],
    read: usize,
    repo: &'s Repository,
}

impl<'t> Tree<'t> {
    /// What `before` gives this tree to be filed from: a tree read from git, with the same
    /// `isms.toml` (the same walk, the same settings) and no contested ids.
    fn follows<'s>(&self, before: &'s Session) -> Option<Before<'s>> {
        let Origin::Tree {
            files,
            places,
            read,
            ..
        } = &before.origin
        else {
            return None;
        };
        let config_id = |files: &[TreeFile]| {
            files
                .iter()
                .find(|f| &*f.path == crate::config::FILE_NAME)
                .map(|f| f.id.clone())
        };
        (!before.repo.contested && config_id(files) == config_id(self.files)).then_some(Before {
            files,
            places,
            read: *read,
            repo: &before.repo,
        })
    }

    /// Reads and files every file the walk reads.
    fn file_afresh(&self, settings_problems: Vec<crate::config::Problem>) -> Result<Filed> {
        let mut read = Vec::with_capacity(self.files.len());
        let mut places = Vec::with_capacity(self.files.len());
        for f in self.files {
            if self.walk.reads(&f.path) {
                places.push(load::file_place(read.len()));
                read.push(f);
            } else {
                places.push(NOT_READ);
            }
        }
        let mut loaded = load::load_tree(&read, self.blobs, self.cache)?;
        loaded.problems.extend(config_problems(settings_problems));
        Ok(Filed {
            repo: Repository::build(loaded),
            places,
            read: read.len(),
        })
    }

    /// Reads the files that differ from `before` and files the tree from it: `None` when
    /// ids are contested now. The problems of `isms.toml`, the same file, are among those
    /// `before` keeps.
    fn file_after(&self, before: Before<'_>) -> Result<Option<Filed>> {
        let mut places = Vec::with_capacity(self.files.len());
        let mut kept = vec![after::GONE; before.read];
        let mut added = Vec::new();
        let mut added_files: Vec<&TreeFile> = Vec::new();
        let mut read = 0;
        for (f, same) in self
            .files
            .iter()
            .zip(load::matched(before.files, self.files))
        {
            // The same file read before: the same walk reads it again.
            let before_place = same.and_then(|i| before.places.get(i as usize).copied());
            let reads = match before_place {
                Some(p) => p != NOT_READ,
                None => self.walk.reads(&f.path),
            };
            if !reads {
                places.push(NOT_READ);
                continue;
            }
            match before_place {
                Some(p) => {
                    if let Some(k) = kept.get_mut(p as usize) {
                        *k = load::file_place(read);
                    }
                }
                None => {
                    added.push(load::file_place(read));
                    added_files.push(f);
                }
            }
            places.push(load::file_place(read));
            read += 1;
        }
        let mut gone: Vec<Arc<str>> = Vec::new();
        for (j, (f, p)) in before.files.iter().zip(before.places).enumerate() {
            if *p == NOT_READ || kept.get(*p as usize) != Some(&after::GONE) {
                continue;
            }
            // Names that read as one path (bytes that are not UTF-8) are next to each other;
            // a problem's path cannot tell which of them it is in: filed afresh.
            let twin = |k: usize| before.files.get(k).is_some_and(|g| g.path == f.path);
            if twin(j + 1) || j.checked_sub(1).is_some_and(twin) {
                return Ok(None);
            }
            gone.push(f.path.clone());
        }
        let loaded = load::load_tree(&added_files, self.blobs, self.cache)?;
        let delta = after::Delta { kept, added, gone };
        Ok(
            Repository::build_after(before.repo, &delta, loaded).map(|repo| Filed {
                repo,
                places,
                read,
            }),
        )
    }
}

/// In a tree's `places`: a file the walk does not read.
const NOT_READ: u32 = u32::MAX;

/// The settings of a tree, from its `isms.toml` if it has one: the configuration, the
/// problems of its settings, and whether there is one.
fn tree_config(
    files: &[TreeFile],
    blobs: &dyn Blobs,
) -> Result<(Config, Vec<crate::config::Problem>, bool)> {
    let config_file = files.iter().find(|f| &*f.path == crate::config::FILE_NAME);
    let (config, problems) = match config_file {
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
    Ok((config, problems, config_file.is_some()))
}

/// The problems of `isms.toml` as REC001 says them: each at its setting's value,
/// identified by its pointer.
fn config_problems(problems: Vec<crate::config::Problem>) -> impl Iterator<Item = RecordProblem> {
    let path: Arc<str> = crate::config::FILE_NAME.into();
    problems.into_iter().map(move |p| {
        let start = Pos::new(p.line, p.column);
        let span = Span::new(start, Pos::new(p.line, p.column + p.width));
        let mut problem = Unreadable::new(&path, Some(span), "REC001-config").with_args(p.args);
        if !p.setting.is_empty() {
            problem = problem.at_pointer(&p.setting);
        }
        problem.into()
    })
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
