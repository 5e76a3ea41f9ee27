//! A revision's records, or the staged ones, read from git's object store into memory
//! without touching the work tree or the index: what `isms check --baseline REV` and
//! `isms report --compare REV` read the records at REV from, and `isms check --staged` the
//! records about to be committed.

use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;

use anyhow::{Context as _, Result, bail};

use crate::load::{FileCache, TreeFile};
use crate::repo::Session;

pub mod log;
mod objects;

use objects::{Batch, CatFile};

/// The files of the ISMS repository at one revision (or in the index), as git lists them:
/// what `check --baseline` and `report --compare` read the records at a revision from.
/// Their contents stay in git until a session is opened, which reads them straight into
/// memory.
pub struct Snapshot {
    /// The ISMS repository's folder in the work tree, which git is run in.
    root: PathBuf,
    /// The files below the ISMS repository that the loader may read, in path order: shared
    /// with the sessions opened from it.
    files: Arc<[TreeFile]>,
    /// The full id of the commit the revision names (empty for the index).
    pub commit: String,
    /// The commit's committer date, `2026-05-01` (empty for the index).
    pub date: String,
    /// The reader of git's objects its blobs are read through, shared with the other
    /// snapshots listed with it.
    batch: Arc<Batch>,
}

/// A path of a listing below the ISMS repository (git listed it as `prefix` and `rel`,
/// which errors name), or `None` when the loader would not read a file of that name. A path
/// that could leave the repository is an error: git refuses such paths itself.
fn listed(rel: &str, prefix: &str, listing: &str) -> Result<Option<Arc<str>>> {
    if !Path::new(rel)
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
    {
        bail!("git {listing} lists an unsafe path `{prefix}{rel}`");
    }
    Ok(is_read(rel).then(|| rel.into()))
}

/// Whether the loader reads a file of this name: a record file (`.yaml`, `.yml`) or the
/// configuration. Other files are not read out of git: a revision is read with the work
/// tree's limits, not whatever a commit holds.
fn is_read(rel: &str) -> bool {
    crate::load::is_yaml(Path::new(rel)) || rel == crate::config::FILE_NAME
}

impl Snapshot {
    /// Lists the ISMS repository at `root` as it was at `rev`. `flag` (`--baseline`,
    /// `--compare`) starts the error messages.
    pub fn read(root: &Path, rev: &str, flag: &str) -> Result<Snapshot> {
        let mut one = Snapshot::read_all(root, &[rev], flag)?;
        one.pop().context("git listed no revision")
    }

    /// Lists the ISMS repository at each of `revs`, in their order, as [`Snapshot::read`]
    /// does, through one reader of git's objects (`objects::Batch`) that the snapshots then
    /// share to read their blobs; a folder a revision did not change since the one listed
    /// before it is not read again.
    pub fn read_all(root: &Path, revs: &[&str], flag: &str) -> Result<Vec<Snapshot>> {
        if let Some(rev) = revs
            .iter()
            .find(|r| r.is_empty() || r.starts_with('-') || r.contains(['\n', '\r', '\0']))
        {
            bail!("{flag}: `{rev}` is not a revision");
        }
        let batch = Arc::new(Batch::new(root));
        // The object reader starts while git says where the ISMS folder sits: its process
        // and its object store take as long to open as that answer, and the listing would
        // otherwise wait for each after it.
        let prefix = std::thread::scope(|s| {
            s.spawn(|| batch.warm());
            work_tree_place(root, flag)
        })?;
        let prefix = prefix.trim_end_matches(['\n', '\r']);
        // Listing is most of a series' planning, and nothing else can start before it:
        // neighbouring revisions are listed together, each group beside the others with a
        // listing of its own. Each group stops at its first error, so the first error of
        // the first group with one is the first a listing in order would meet.
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let per = revs.len().div_ceil(threads).max(1);
        let groups: Vec<Result<Vec<Snapshot>>> = std::thread::scope(|s| {
            let listing: Vec<_> = revs
                .chunks(per)
                .map(|group| s.spawn(|| Snapshot::list(root, &batch, prefix, group, flag)))
                .collect();
            listing
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|_| Err(anyhow::anyhow!("{flag}: listing failed")))
                })
                .collect()
        });
        let mut snapshots = Vec::with_capacity(revs.len());
        for group in groups {
            snapshots.extend(group?);
        }
        Ok(snapshots)
    }

    /// The snapshots of `revs`, listed one after the other with one listing, as
    /// [`Snapshot::read_all`] gives them.
    fn list(
        root: &Path,
        batch: &Arc<Batch>,
        prefix: &str,
        revs: &[&str],
        flag: &str,
    ) -> Result<Vec<Snapshot>> {
        let mut listing = objects::Listing::default();
        let mut snapshots = Vec::with_capacity(revs.len());
        for rev in revs {
            let Some(commit) = batch.commit(rev)? else {
                if is_shallow(root) {
                    bail!(
                        "{flag}: unknown revision `{rev}`: this clone is shallow and does not \
                         hold it (fetch the history: `fetch-depth: 0` in actions/checkout, \
                         `GIT_DEPTH: 0` in GitLab CI, or `git fetch --unshallow`)"
                    );
                }
                bail!("{flag}: unknown revision `{rev}`");
            };
            let files = batch
                .files(&commit.tree, prefix, &mut listing)
                .map_err(|e| match e.downcast_ref::<objects::TooManyListed>() {
                    Some(too_many) => anyhow::anyhow!("{flag} {rev}: {too_many}"),
                    None => e,
                })?;
            if files.is_empty() {
                bail!("{flag} {rev}: the revision holds no files of the ISMS repository");
            }
            snapshots.push(Snapshot {
                root: root.to_path_buf(),
                files: files.into(),
                commit: commit.id,
                date: commit.date,
                batch: batch.clone(),
            });
        }
        Ok(snapshots)
    }

    /// Reads the records of the snapshot into a session, their bytes straight from git's
    /// object store; `cache` holds the files already loaded in this run.
    pub fn open(&self, cache: Option<&FileCache>) -> Result<Session> {
        let blobs = Arc::new(CatFile(self.batch.clone()));
        Session::from_tree(&self.root, Arc::clone(&self.files), blobs, cache)
    }

    /// Reads the records as [`Snapshot::open`] does, after `before`, the revision read just
    /// before in the same run: only the files that differ from it are read
    /// ([`Session::from_tree_after`]).
    pub fn open_after(&self, cache: Option<&FileCache>, before: &Session) -> Result<Session> {
        let blobs = Arc::new(CatFile(self.batch.clone()));
        Session::from_tree_after(&self.root, Arc::clone(&self.files), blobs, cache, before)
    }

    /// The files listed, in path order: those the loader may read, by their names.
    pub fn files(&self) -> &[TreeFile] {
        &self.files
    }

    /// The commit id shortened to the usual seven characters.
    pub fn short_commit(&self) -> &str {
        short_id(&self.commit)
    }
}

/// A commit id shortened to the usual seven characters, as the outputs show it.
pub fn short_id(commit: &str) -> &str {
    commit.get(..7).unwrap_or(commit)
}

/// The blob ids of the files below `root` that git has clean in its index (the work
/// tree's bytes are the blob's), by path relative to `root`: what lets a revision read
/// after the work tree take the files it shares with it from the work tree's load. Empty
/// when git cannot say (no repository, no git): the revision is then read whole.
pub fn work_tree_ids(root: &Path) -> crate::util::hash::HashMap<Box<str>, Arc<str>> {
    let mut ids = crate::util::hash::HashMap::default();
    // Paths relative to `root` and below it, as the loader names them.
    let (Ok(staged), Ok(changed)) = (
        git(root, &["ls-files", "--stage", "-z"]),
        git(root, &["diff-files", "--name-only", "--relative", "-z"]),
    ) else {
        return ids;
    };
    let changed: std::collections::HashSet<&[u8]> = changed
        .split(|b| *b == 0)
        .filter(|p| !p.is_empty())
        .collect();
    for entry in staged.split(|b| *b == 0).filter(|e| !e.is_empty()) {
        // `<mode> SP <oid> SP <stage> TAB <path>`
        let Some(tab) = entry.iter().position(|b| *b == b'\t') else {
            continue;
        };
        let (meta, path) = (&entry[..tab], &entry[tab + 1..]);
        let fields: Vec<&[u8]> = meta.split(|b| *b == b' ').collect();
        let [mode, oid, stage] = fields[..] else {
            continue;
        };
        if mode == b"120000" || mode == b"160000" || stage != b"0" || changed.contains(path) {
            continue;
        }
        let path = String::from_utf8_lossy(path);
        if crate::load::is_yaml(Path::new(&*path)) {
            ids.insert(path.into(), String::from_utf8_lossy(oid).into());
        }
    }
    ids
}

/// One commit of the current branch's first-parent line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineCommit {
    /// The full commit id.
    pub id: String,
    /// The committer date, `YYYY-MM-DD` as written in the committer's own zone: a commit
    /// made on a day counts on that day, wherever the trend is computed.
    pub date: String,
}

/// The commits of `HEAD`'s first-parent line, newest first: the main line's states, which a
/// trend by date walks back through (a merged branch's own commits are not states of the
/// main line). Empty before the first commit. `flag` starts the error messages.
pub fn first_parent_line(root: &Path, flag: &str) -> Result<Vec<LineCommit>> {
    work_tree_place(root, flag)?;
    if !has_commits(root)? {
        return Ok(Vec::new());
    }
    let out = git_text(
        root,
        &["log", "--first-parent", "--format=%H %cI", "HEAD", "--"],
    )
    .map_err(|e| anyhow::anyhow!("{flag}: {e}"))?;
    let mut line = Vec::new();
    for entry in out.lines().filter(|l| !l.is_empty()) {
        let Some((id, date)) = entry.split_once(' ') else {
            bail!("unexpected output of git log: {entry}");
        };
        line.push(LineCommit {
            id: id.to_owned(),
            date: date.chars().take(10).collect(),
        });
    }
    Ok(line)
}

/// Whether the clone is shallow (its history cut off), which is why a revision it should
/// have can be unknown.
pub fn is_shallow(root: &Path) -> bool {
    git_text(root, &["rev-parse", "--is-shallow-repository"]).is_ok_and(|s| s.trim() == "true")
}

/// Whether the git repository `root` is in has a commit on its current branch: not the
/// case before the first commit, when `HEAD` names a branch that does not exist yet.
pub fn has_commits(root: &Path) -> Result<bool> {
    // Not a repository at all is an error, not "no commits".
    work_tree_place(root, "--baseline")?;
    match git(root, &["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]) {
        Ok(_) => Ok(true),
        Err(GitError::Failed(_)) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// The ISMS repository's folder below the top of its git work tree, as git says it
/// (`--show-prefix`); an error starting with `flag` when there is no git or no repository.
fn work_tree_place(root: &Path, flag: &str) -> Result<String> {
    git_text(root, &["rev-parse", "--show-prefix"]).map_err(|e| match e {
        GitError::Failed(_) => {
            anyhow::anyhow!("{flag} needs a git repository, and the ISMS repository is not in one")
        }
        GitError::Spawn(e) if e.kind() == std::io::ErrorKind::NotFound => {
            anyhow::anyhow!("{flag} needs git, and no `git` command was found")
        }
        e => anyhow::anyhow!("{flag}: {e}"),
    })
}

impl Snapshot {
    /// Lists the files of the ISMS repository at `root` as they are staged in git's index
    /// (what the next commit will hold): what a pre-commit hook checks, so that unstaged
    /// edits and untracked drafts neither fail nor pass a commit. Honours
    /// `GIT_INDEX_FILE`, which git sets for `git commit -a` and `git commit PATH`
    /// (relative to the folder the hook runs in, the top of the work tree).
    pub fn staged(root: &Path) -> Result<Snapshot> {
        let mut cmd = git_command(root);
        if let Some(index) = std::env::var_os("GIT_INDEX_FILE") {
            let index = PathBuf::from(index);
            let index = if index.is_absolute() {
                index
            } else {
                std::env::current_dir()
                    .context("--staged: cannot read the current folder")?
                    .join(index)
            };
            cmd.env("GIT_INDEX_FILE", index);
        }
        let out = cmd
            .args(["ls-files", "--stage", "-z"])
            .stdin(Stdio::null())
            .output()
            .map_err(GitError::Spawn)
            .map_err(|e| anyhow::anyhow!("--staged: {e}"))?;
        if !out.status.success() {
            bail!(
                "--staged needs a git repository: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        let mut files = Vec::new();
        for entry in out.stdout.split(|b| *b == 0).filter(|e| !e.is_empty()) {
            let entry = String::from_utf8_lossy(entry);
            // `<mode> SP <oid> SP <stage> TAB <path>`, the path relative to `root`
            let Some((meta, path)) = entry.split_once('\t') else {
                bail!("unexpected output of git ls-files: {entry}");
            };
            let fields: Vec<&str> = meta.split(' ').collect();
            let [mode, oid, stage] = fields[..] else {
                bail!("unexpected output of git ls-files: {entry}");
            };
            // Symbolic links, submodules, and the sides of a conflict (stages 1-3: git
            // refuses to commit them anyway).
            if mode == "120000" || mode == "160000" || stage != "0" {
                continue;
            }
            if let Some(path) = listed(path, "", "ls-files")? {
                // The index does not say sizes: a file over the limit is refused when git
                // says its size, before its content is read.
                files.push(TreeFile {
                    path,
                    id: oid.into(),
                    size: None,
                });
            }
        }
        in_order(&mut files);
        Ok(Snapshot {
            root: root.to_path_buf(),
            files: files.into(),
            commit: String::new(),
            date: String::new(),
            batch: Arc::new(Batch::new(root)),
        })
    }
}

/// The files in the order of their paths, as the walk gives a folder's: git lists them so
/// already (its trees and index are sorted by the paths' bytes), but only the order of the
/// paths as the loader names them is what the loader relies on.
fn in_order(files: &mut [TreeFile]) {
    if !files.is_sorted_by(|a, b| a.path <= b.path) {
        files.sort_by(|a, b| a.path.cmp(&b.path));
    }
}

/// Why a git command gave no answer.
#[derive(Debug)]
enum GitError {
    /// `git` could not be started (usually: not installed).
    Spawn(std::io::Error),
    /// `git` ran and failed; its error output.
    Failed(String),
}

impl std::fmt::Display for GitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GitError::Spawn(e) if e.kind() == std::io::ErrorKind::NotFound => {
                write!(f, "no `git` command was found")
            }
            GitError::Spawn(e) => write!(f, "cannot run git: {e}"),
            GitError::Failed(stderr) => write!(f, "git: {stderr}"),
        }
    }
}

impl std::error::Error for GitError {}

/// `git -C <root>`, with the variables a git hook sets removed: they hold paths relative
/// to the hook's folder (`GIT_DIR=.git`), which would be wrong from `root`, and git finds
/// the repository from `root` by itself. Paths are literal: a folder named like pathspec
/// magic (`:!x`, `:(top)`) names that folder.
fn git_command(root: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.env("GIT_LITERAL_PATHSPECS", "1")
        .arg("-C")
        .arg(root)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .env_remove("GIT_PREFIX");
    cmd
}

fn git(root: &Path, args: &[&str]) -> Result<Vec<u8>, GitError> {
    let out = git_command(root)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(GitError::Spawn)?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(GitError::Failed(
            String::from_utf8_lossy(&out.stderr).trim().to_owned(),
        ))
    }
}

fn git_text(root: &Path, args: &[&str]) -> Result<String, GitError> {
    git(root, args).map(|b| String::from_utf8_lossy(&b).into_owned())
}

/// The path of `root` below the top of the git work tree it is in, with `/` separators and
/// a final `/` (`lis/`), or `""` when `root` is the top or in no work tree. Found by
/// looking for `.git` (a folder, or a file in a worktree or submodule) in `root` and the
/// folders above it, without running git: it is asked on every run that prints paths.
pub fn work_tree_prefix(root: &Path) -> String {
    let Ok(root) = std::fs::canonicalize(root) else {
        return String::new();
    };
    for top in root.ancestors() {
        if top.join(".git").exists() {
            let Ok(below) = root.strip_prefix(top) else {
                return String::new();
            };
            let mut prefix = String::new();
            for part in below.components() {
                let Component::Normal(part) = part else {
                    return String::new();
                };
                let Some(part) = part.to_str() else {
                    return String::new();
                };
                prefix.push_str(part);
                prefix.push('/');
            }
            return prefix;
        }
    }
    String::new()
}
