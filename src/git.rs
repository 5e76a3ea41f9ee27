//! A revision's records, read from git without touching the work tree or the index: what
//! `isms check --baseline REV` and `isms report --compare REV` read the records at REV from.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context as _, Result, bail};

/// The files of the ISMS repository at one revision, in a temporary folder: what
/// `check --baseline` and `report --compare` read the records at a revision from.
pub struct Snapshot {
    /// `tempfile` rather than a hand-made folder: it is already in the lock file (for the
    /// tests), creates the folder readable by its owner only (these are a municipality's
    /// security records) and removes it on every path out, errors included.
    dir: tempfile::TempDir,
    /// The full id of the commit the revision names.
    pub commit: String,
    /// The commit's committer date, `2026-05-01`.
    pub date: String,
}

/// One file of the revision: its blob id and its path below the ISMS repository.
struct Blob {
    oid: String,
    path: PathBuf,
}

impl Snapshot {
    /// Copies the ISMS repository at `root` as it was at `rev` into a temporary folder,
    /// removed when the snapshot is dropped. `flag` (`--baseline`, `--compare`) starts the
    /// error messages.
    pub fn read(root: &Path, rev: &str, flag: &str) -> Result<Snapshot> {
        if rev.is_empty() || rev.starts_with('-') {
            bail!("{flag}: `{rev}` is not a revision");
        }
        let prefix = git_text(root, &["rev-parse", "--show-prefix"]).map_err(|e| match e {
            GitError::Failed(_) => anyhow::anyhow!(
                "{flag} needs a git repository, and the ISMS repository is not in one"
            ),
            GitError::Spawn(e) if e.kind() == std::io::ErrorKind::NotFound => {
                anyhow::anyhow!("{flag} needs git, and no `git` command was found")
            }
            e => anyhow::anyhow!("{flag}: {e}"),
        })?;
        let prefix = prefix.trim_end_matches(['\n', '\r']);
        let commit = git_text(
            root,
            &[
                "rev-parse",
                "--verify",
                "--quiet",
                &format!("{rev}^{{commit}}"),
            ],
        )
        .map_err(|e| match e {
            GitError::Failed(_) => anyhow::anyhow!("{flag}: unknown revision `{rev}`"),
            e => e.into(),
        })?;
        let commit = commit.trim().to_owned();
        // `%cI` (strict ISO 8601) rather than `%cs`: the date is its first ten characters
        // in every git version that has it.
        let date = git_text(root, &["show", "-s", "--format=%cI", &commit])?;
        let date = date.trim().chars().take(10).collect();
        let blobs = list_blobs(root, &commit, prefix)?;
        if blobs.is_empty() {
            bail!("{flag} {rev}: the revision holds no files of the ISMS repository");
        }
        let dir = tempfile::Builder::new()
            .prefix("isms-snapshot-")
            .tempdir()
            .with_context(|| format!("{flag}: cannot create a temporary folder"))?;
        write_blobs(root, &blobs, dir.path())
            .with_context(|| format!("{flag} {rev}: cannot read the files at {rev}"))?;
        Ok(Snapshot { dir, commit, date })
    }

    /// The folder holding the revision's files.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The commit id shortened to the usual seven characters.
    pub fn short_commit(&self) -> &str {
        self.commit.get(..7).unwrap_or(&self.commit)
    }
}

/// The regular files under `prefix` (the ISMS repository's folder relative to the git top
/// level, `""` or ending in `/`) at `commit`; symbolic links and submodules are skipped.
fn list_blobs(root: &Path, commit: &str, prefix: &str) -> Result<Vec<Blob>> {
    let mut args = vec!["ls-tree", "-r", "-z", "--full-tree", commit];
    if !prefix.is_empty() {
        args.extend(["--", prefix]);
    }
    let listing = git(root, &args)?;
    let mut blobs = Vec::new();
    for entry in listing.split(|b| *b == 0).filter(|e| !e.is_empty()) {
        let entry = String::from_utf8_lossy(entry);
        // `<mode> SP <type> SP <oid> TAB <path>`
        let Some((meta, path)) = entry.split_once('\t') else {
            bail!("unexpected output of git ls-tree: {entry}");
        };
        let mut fields = meta.split(' ');
        let (Some(mode), Some(kind), Some(oid)) = (fields.next(), fields.next(), fields.next())
        else {
            bail!("unexpected output of git ls-tree: {entry}");
        };
        if kind != "blob" || mode == "120000" {
            continue;
        }
        let Some(rel) = path.strip_prefix(prefix) else {
            continue;
        };
        let rel = PathBuf::from(rel);
        // Git refuses such paths itself; checked again since they are joined to a folder.
        if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
            bail!("git ls-tree lists an unsafe path `{path}`");
        }
        blobs.push(Blob {
            oid: oid.to_owned(),
            path: rel,
        });
    }
    Ok(blobs)
}

/// Writes every blob below `dir` through one `git cat-file --batch`. Chosen over
/// `git archive | tar`: one process whatever the number of files, no `tar` needed, and the
/// bytes exactly as committed (`archive` would apply `export-ignore` and `export-subst`).
fn write_blobs(root: &Path, blobs: &[Blob], dir: &Path) -> Result<()> {
    let mut child = git_command(root)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(GitError::Spawn)?;
    let mut stdin = child.stdin.take().context("git cat-file: no input")?;
    let request: String = blobs.iter().map(|b| format!("{}\n", b.oid)).collect();
    // Written from another thread: git answers while it reads, and a full pipe either way
    // would block both sides.
    let writer = std::thread::spawn(move || stdin.write_all(request.as_bytes()));
    let mut out = BufReader::new(child.stdout.take().context("git cat-file: no output")?);
    let outcome = (|| -> Result<()> {
        let mut header = String::new();
        for blob in blobs {
            header.clear();
            out.read_line(&mut header)?;
            // `<oid> blob <size>`, or `<oid> missing`
            let size: usize = match header.trim_end().split(' ').collect::<Vec<_>>()[..] {
                [_, "blob", size] => size.parse()?,
                _ => bail!("git cat-file: {}", header.trim_end()),
            };
            let mut bytes = vec![0; size];
            out.read_exact(&mut bytes)?;
            let mut newline = [0u8; 1];
            out.read_exact(&mut newline)?;
            let path = dir.join(&blob.path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(&path, &bytes)?;
        }
        Ok(())
    })();
    drop(out);
    let written = writer.join();
    let status = child.wait()?;
    outcome?;
    match written {
        Ok(Ok(())) => {}
        Ok(Err(e)) => return Err(e).context("git cat-file: cannot send the blob ids"),
        Err(_) => bail!("git cat-file: the writer thread panicked"),
    }
    anyhow::ensure!(status.success(), "git cat-file failed ({status})");
    Ok(())
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
/// the repository from `root` by itself.
fn git_command(root: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.arg("-C")
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
