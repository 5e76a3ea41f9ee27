//! git's object store, read for a run: the commits it names, the trees that list their
//! files, and the files' blobs. Trees and blobs, asked for by id, are read in this process
//! (gix) where it can open the store; the names of revisions (`HEAD~2`, a tag) are git's
//! to resolve, and they, and any object the store in this process does not hold (a partial
//! clone's, an alternate named in the environment), go through one
//! `git cat-file --batch` process that stays open for the run. A trend over a year asks
//! for dozens of revisions and tens of thousands of blobs: reading them in the process
//! spares a second process inflating them and the pipe that carries them, and one process
//! answers the rest, where a process per question (`rev-parse`, `show`, `ls-tree`, a
//! `cat-file` per revision) costs more than the reading itself.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Stdio};
use std::sync::{Arc, Mutex, OnceLock};

use gix::prelude::{Find, Header};

use anyhow::{Context as _, Result, bail};

use super::{git_command, in_order, listed};
use crate::load::{Blob, Blobs, MAX_FILE_BYTES, TreeFile};
use crate::util::lock;

/// A `git cat-file --batch` process for the git repository `root` is in, started when first
/// asked and shared by the snapshots of a run (behind a lock: one question at a time).
pub struct Batch {
    root: PathBuf,
    process: Mutex<Option<Process>>,
    /// The object store opened in this process when first asked; none when it cannot be
    /// (no repository gix recognises, an extension or a hash it does not know), and every
    /// object then comes through `cat-file`. Objects are named by their content, so a store
    /// that answers for an id answers what git would.
    store: OnceLock<Option<gix::ThreadSafeRepository>>,
    /// Handles on the store not in use: each thread reading at a time has its own, which
    /// keeps the objects it inflated for the next question.
    handles: Mutex<Vec<gix::Repository>>,
}

/// A handle on the store, given back to its [`Batch`] when dropped.
struct Handle<'a> {
    repo: Option<gix::Repository>,
    batch: &'a Batch,
}

impl std::ops::Deref for Handle<'_> {
    type Target = gix::Repository;

    fn deref(&self) -> &gix::Repository {
        self.repo.as_ref().expect("held until dropped")
    }
}

impl Drop for Handle<'_> {
    fn drop(&mut self) {
        if let Some(repo) = self.repo.take() {
            lock(&self.batch.handles).push(repo);
        }
    }
}

/// The running process and its pipes.
struct Process {
    child: Child,
    stdin: ChildStdin,
    out: BufReader<ChildStdout>,
}

impl Drop for Process {
    fn drop(&mut self) {
        // Ended rather than waited for: a question that failed may have left git writing
        // an answer nobody reads, and its status says nothing the answers did not.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One object as git gave it: its id, its type (`commit`, `tree`, `blob`) and its bytes.
struct Object {
    id: String,
    kind: String,
    bytes: Vec<u8>,
}

/// A commit: its full id, its tree and its committer date (`2026-05-01`, in the
/// committer's own time zone, as `git log --format=%cI` gives it).
pub struct Commit {
    pub id: String,
    pub tree: String,
    pub date: String,
}

impl Batch {
    pub fn new(root: &Path) -> Batch {
        Batch {
            root: root.to_path_buf(),
            process: Mutex::new(None),
            store: OnceLock::new(),
            handles: Mutex::new(Vec::new()),
        }
    }

    /// Starts `cat-file` and opens the object store, ahead of the first question. A reader
    /// that cannot start says so when a question is asked.
    pub fn warm(&self) {
        let _ = self.with(|_| Ok(()));
        drop(self.store());
    }

    /// The object store in this process, opened when first asked. Opened isolated: no
    /// environment variable and no configuration beyond the repository's own, as no
    /// setting changes what an object id holds.
    fn store(&self) -> Option<Handle<'_>> {
        let store = self.store.get_or_init(|| {
            gix::ThreadSafeRepository::discover_opts(&self.root, Default::default(), |_, _| {
                gix::open::Options::isolated()
            })
            .ok()
        });
        let store = store.as_ref()?;
        let repo = lock(&self.handles)
            .pop()
            .unwrap_or_else(|| store.to_thread_local());
        Some(Handle {
            repo: Some(repo),
            batch: self,
        })
    }

    /// The object with the id `id` (hex), from the store in this process, else from
    /// `cat-file`; `None` when neither holds it.
    fn object_by_id(&self, id: &str) -> Result<Option<Object>> {
        if let Some(repo) = self.store()
            && let Some(Stored::Object(kind, bytes)) = stored(&repo, id, u64::MAX, &mut Vec::new())
        {
            return Ok(Some(Object {
                id: id.to_owned(),
                kind: kind.to_string(),
                bytes,
            }));
        }
        self.object(id)
    }

    /// Runs `f` with the process, started if need be. A question that failed leaves the
    /// pipes at an unknown place in git's answer: the process is then ended, and the next
    /// question starts another.
    fn with<T>(&self, f: impl FnOnce(&mut Process) -> Result<T>) -> Result<T> {
        let mut held = lock(&self.process);
        if held.is_none() {
            let mut child = git_command(&self.root)
                .args(["cat-file", "--batch"])
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .context("cannot run git cat-file")?;
            let stdin = child.stdin.take().context("git cat-file: no input")?;
            let out = child.stdout.take().context("git cat-file: no output")?;
            *held = Some(Process {
                child,
                stdin,
                out: BufReader::with_capacity(1 << 16, out),
            });
        }
        let Some(process) = held.as_mut() else {
            bail!("git cat-file is not running");
        };
        let outcome = f(process);
        if outcome.is_err() {
            *held = None;
        }
        outcome
    }

    /// The object `name` names (an id, or any revision expression such as `HEAD~2^{commit}`),
    /// or `None` when git does not know it or the name is ambiguous.
    fn object(&self, name: &str) -> Result<Option<Object>> {
        // One question a line: a name that spans lines would ask several.
        if name.contains(['\n', '\r', '\0']) {
            return Ok(None);
        }
        self.with(|p| {
            p.stdin.write_all(format!("{name}\n").as_bytes())?;
            p.stdin.flush()?;
            let mut header = String::new();
            p.out.read_line(&mut header)?;
            let header = header.trim_end();
            if header.ends_with(" missing") || header.ends_with(" ambiguous") {
                return Ok(None);
            }
            let (id, kind, size) = parse_header(header)?;
            let mut bytes = vec![0; usize::try_from(size)?];
            p.out.read_exact(&mut bytes)?;
            let mut newline = [0u8; 1];
            p.out.read_exact(&mut newline)?;
            Ok(Some(Object {
                id: id.to_owned(),
                kind: kind.to_owned(),
                bytes,
            }))
        })
    }

    /// The commit `rev` names (a tag is followed to its commit), or `None` when git does
    /// not know it.
    pub fn commit(&self, rev: &str) -> Result<Option<Commit>> {
        let Some(object) = self.object(&format!("{rev}^{{commit}}"))? else {
            return Ok(None);
        };
        anyhow::ensure!(object.kind == "commit", "git: {rev} is not a commit");
        let text = String::from_utf8_lossy(&object.bytes);
        let mut tree = None;
        let mut date = None;
        // The headers, up to the first empty line; a header's continuation lines (a
        // signature's) start with a space and are no header of their own.
        for line in text.lines().take_while(|l| !l.is_empty()) {
            if let Some(t) = line.strip_prefix("tree ") {
                tree = Some(t.trim().to_owned());
            } else if let Some(c) = line.strip_prefix("committer ") {
                date = committer_date(c);
            }
        }
        match (tree, date) {
            (Some(tree), Some(date)) => Ok(Some(Commit {
                id: object.id,
                tree,
                date,
            })),
            _ => bail!("git: cannot read commit {}", object.id),
        }
    }

    /// The files of `tree` below `prefix` (a folder relative to the tree's top, `""` or
    /// ending in `/`) that the loader may read, in path order, their paths relative to
    /// `prefix`; symbolic links and submodules are skipped. `listing` keeps each folder as
    /// the revision before listed it, for the other revisions of the same run, which share
    /// most of it.
    pub fn files(&self, tree: &str, prefix: &str, listing: &mut Listing) -> Result<Vec<TreeFile>> {
        let hash_len = tree.len() / 2;
        let mut top: Arc<str> = tree.into();
        for part in prefix.split('/').filter(|p| !p.is_empty()) {
            let object = self.tree(&top)?;
            let entries = parse_tree(&object, hash_len, &[], |_| Ok(None))?;
            match entries.iter().find(|e| &*e.name == part && e.is_tree()) {
                Some(e) => top = e.id.clone(),
                None => return Ok(Vec::new()),
            }
        }
        let mut files = Vec::with_capacity(listing.last_len);
        self.walk(&top, hash_len, prefix, listing, &mut files)?;
        listing.last_len = files.len();
        // In path order already, as git orders a tree's entries (a folder as its name and
        // `/`), unless the tree was written out of order.
        in_order(&mut files);
        Ok(files)
    }

    /// The bytes of the tree `id`.
    fn tree(&self, id: &str) -> Result<Vec<u8>> {
        let Some(object) = self.object_by_id(id)? else {
            bail!("git: tree {id} is missing");
        };
        anyhow::ensure!(object.kind == "tree", "git: {id} is not a tree");
        Ok(object.bytes)
    }

    /// Lists the files below the tree `id` depth first in git's order of a tree's
    /// entries. A stack of folders rather than recursion: a hostile tree may nest deeper
    /// than a thread's stack.
    fn walk(
        &self,
        id: &Arc<str>,
        hash_len: usize,
        prefix: &str,
        listing: &mut Listing,
        files: &mut Vec<TreeFile>,
    ) -> Result<()> {
        // Each open folder: its entries, the next one to list, and its path (`""` or
        // ending in `/`).
        let mut open = vec![(
            listing.folder(self, prefix, id, hash_len, "")?,
            0,
            String::new(),
        )];
        // Entries listed so far, every one counted (a file the loader passes over too: a
        // folder of them named again and again is parsed again each time).
        let mut listed = 1;
        while let Some((entries, next, folder)) = open.last_mut() {
            let Some(e) = entries.get(*next) else {
                open.pop();
                continue;
            };
            *next += 1;
            listed += 1;
            if listed > MAX_LISTED {
                return Err(TooManyListed.into());
            }
            if e.is_tree() {
                let rel = format!("{folder}{}/", e.name);
                let id = e.id.clone();
                let entries = listing.folder(self, prefix, &id, hash_len, &rel)?;
                open.push((entries, 0, rel));
            } else if let Some(path) = &e.path {
                files.push(TreeFile {
                    path: path.clone(),
                    id: e.id.clone(),
                    // Said as the blob is read: an oversized one is passed over then,
                    // unkept.
                    size: None,
                });
            }
        }
        Ok(())
    }
}

/// The most files and folders a revision may list below the ISMS folder. A few bytes of
/// trees can name one folder any number of times (a tree of a thousand entries that are
/// all the same folder of a thousand files lists a million files), so a listing is bounded
/// as a file's read is; an organisation's records are some thousands of files.
pub const MAX_LISTED: usize = 1_000_000;

/// A revision refused for listing more than [`MAX_LISTED`] files and folders.
#[derive(Debug)]
pub struct TooManyListed;

impl std::fmt::Display for TooManyListed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the revision lists more than {MAX_LISTED} files and folders below the ISMS \
             repository, more than isms reads"
        )
    }
}

impl std::error::Error for TooManyListed {}

/// What the listings of a run's revisions share: each folder as the last revision listed
/// it, so that the next revision takes from it the entries it did not change (their ids
/// and paths, one string each for every revision) and the paths of those it did, and
/// reads no tree it lists again. Revisions listed one after the other differ in a few
/// files each. A changed entry's id is a string of its own: the same blob under another
/// name is rare, and looking every new id up to share it cost more than the strings.
#[derive(Default)]
pub struct Listing {
    folders: HashMap<String, Folder>,
    /// The number of files the last revision listed: the next one lists about as many.
    last_len: usize,
}

/// A folder as a revision listed it: its tree and its entries.
struct Folder {
    tree: Arc<str>,
    entries: Arc<[Entry]>,
}

impl Listing {
    /// The entries of the folder `rel` (below the ISMS folder `prefix`), whose tree is
    /// `tree`: the last listing's when the tree is the same, else read and parsed, taking
    /// from the last listing of the folder what it can.
    fn folder(
        &mut self,
        batch: &Batch,
        prefix: &str,
        tree: &Arc<str>,
        hash_len: usize,
        rel: &str,
    ) -> Result<Arc<[Entry]>> {
        let before = self.folders.get(rel);
        if let Some(f) = before
            && f.tree == *tree
        {
            return Ok(f.entries.clone());
        }
        let object = batch.tree(tree)?;
        let before = before.map(|f| f.entries.clone());
        let entries: Arc<[Entry]> = parse_tree(
            &object,
            hash_len,
            before.as_deref().unwrap_or(&[]),
            |name| listed(&format!("{rel}{name}"), prefix, "cat-file"),
        )?
        .into();
        self.folders.insert(
            rel.to_owned(),
            Folder {
                tree: tree.clone(),
                entries: entries.clone(),
            },
        );
        Ok(entries)
    }
}

/// `<id> SP <type> SP <size>`, as `cat-file --batch` starts an object with.
fn parse_header(header: &str) -> Result<(&str, &str, u64)> {
    match header.split(' ').collect::<Vec<_>>()[..] {
        [id, kind, size] => Ok((id, kind, size.parse()?)),
        _ => bail!("git cat-file: {header}"),
    }
}

/// The committer date of a commit's `committer` header (`Name <mail> 1767225600 +0100`) as
/// a day in the committer's time zone.
fn committer_date(line: &str) -> Option<String> {
    let mut parts = line.rsplit(' ');
    let offset = parts.next()?;
    let seconds: i64 = parts.next()?.parse().ok()?;
    let sign = if offset.starts_with('-') { -1 } else { 1 };
    let digits = offset.trim_start_matches(['+', '-']);
    let (hours, minutes) = (digits.get(..2)?, digits.get(2..4)?);
    let offset = sign * (hours.parse::<i32>().ok()? * 3600 + minutes.parse::<i32>().ok()? * 60);
    let offset = jiff::tz::Offset::from_seconds(offset).ok()?;
    let at = jiff::Timestamp::from_second(seconds).ok()?;
    Some(
        at.to_zoned_datetime(jiff::tz::TimeZone::fixed(offset))
            .date()
            .to_string(),
    )
}

/// One entry of a tree: what it is, its name, its object id (hex) and, for a file the
/// loader reads, its path.
pub struct Entry {
    mode: Mode,
    /// Shared, as the id is, with the folder's next listing.
    name: Arc<str>,
    /// Shared by every file listed with this entry, in every revision that holds it.
    id: Arc<str>,
    /// The file's path below the ISMS folder, as the loader names it; none for a folder
    /// and for a file the loader does not read.
    path: Option<Arc<str>>,
}

/// What a tree entry's mode says it is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// `40000`.
    Tree,
    /// `100644`, `100755`: a regular file.
    File,
    /// A symbolic link (`120000`), a submodule (`160000`), anything else.
    Other,
}

impl Entry {
    fn is_tree(&self) -> bool {
        self.mode == Mode::Tree
    }
}

/// A tree object's entries: `<mode> SP <name> NUL <id, hash_len bytes>`, one after the
/// other. `before` is the folder's entries as the last revision listed them, in git's
/// order as the tree is: an entry of the same name takes its path from there, and its id
/// too when it is the same. `path` names a regular file of a name not seen before (none
/// when the loader does not read it).
fn parse_tree(
    mut bytes: &[u8],
    hash_len: usize,
    before: &[Entry],
    path: impl Fn(&str) -> Result<Option<Arc<str>>>,
) -> Result<Vec<Entry>> {
    let mut entries = Vec::with_capacity(before.len());
    let mut was = before.iter().peekable();
    while !bytes.is_empty() {
        let space = memchr::memchr(b' ', bytes).context("git: a malformed tree")?;
        let nul = memchr::memchr(0, bytes).context("git: a malformed tree")?;
        anyhow::ensure!(
            space < nul && bytes.len() >= nul + 1 + hash_len,
            "git: a malformed tree"
        );
        let mode = match &bytes[..space] {
            b"40000" => Mode::Tree,
            m if m.starts_with(b"100") => Mode::File,
            _ => Mode::Other,
        };
        let name = &bytes[space + 1..nul];
        let raw = &bytes[nul + 1..nul + 1 + hash_len];
        bytes = &bytes[nul + 1 + hash_len..];
        // Both in git's order: the entries before this one are gone from the folder.
        while was
            .next_if(|e| git_order(e.name.as_bytes(), e.mode, name, mode).is_lt())
            .is_some()
        {}
        let same = was.next_if(|e| e.name.as_bytes() == name && e.mode == mode);
        if let Some(e) = same
            && same_id(&e.id, raw)
        {
            entries.push(Entry {
                mode,
                name: e.name.clone(),
                id: e.id.clone(),
                path: e.path.clone(),
            });
            continue;
        }
        let id: Arc<str> = hex(raw).into();
        let name: Arc<str> = String::from_utf8_lossy(name).into();
        let path = match (mode, same) {
            (Mode::File, Some(e)) => e.path.clone(),
            (Mode::File, None) => path(&name)?,
            _ => None,
        };
        entries.push(Entry {
            mode,
            name,
            id,
            path,
        });
    }
    Ok(entries)
}

/// git's order of a tree's entries: by name, a folder's name as if it ended in `/`.
fn git_order(a: &[u8], a_mode: Mode, b: &[u8], b_mode: Mode) -> std::cmp::Ordering {
    let end = |mode: Mode| (mode == Mode::Tree).then_some(b'/');
    let common = a.len().min(b.len());
    a[..common].cmp(&b[..common]).then_with(|| {
        let next = |name: &[u8], mode| name.get(common).copied().or(end(mode));
        next(a, a_mode).cmp(&next(b, b_mode))
    })
}

/// Whether the hexadecimal id `hex` is the id `raw`.
fn same_id(hex: &str, raw: &[u8]) -> bool {
    hex.len() == raw.len() * 2
        && hex
            .as_bytes()
            .chunks_exact(2)
            .zip(raw)
            .all(|(h, &b)| [h[0], h[1]] == hex_digits(b))
}

/// Bytes as lower-case hexadecimal, as git writes object ids.
fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        s.extend(hex_digits(b).map(char::from));
    }
    s
}

/// A byte's two lower-case hexadecimal digits.
fn hex_digits(b: u8) -> [u8; 2] {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    [DIGITS[usize::from(b >> 4)], DIGITS[usize::from(b & 15)]]
}

/// What the store in the process holds of an object.
enum Stored {
    /// Its type and its bytes.
    Object(gix::object::Kind, Vec<u8>),
    /// Its type and its size, over the bound it was asked with: not inflated.
    Over(gix::object::Kind, u64),
}

/// The object `id` (hex) from the store in the process, its size read first so that one
/// over `limit` is never inflated; `buffer` is reused from one object to the next. None
/// when the store does not hold it or cannot read it.
fn stored(repo: &gix::Repository, id: &str, limit: u64, buffer: &mut Vec<u8>) -> Option<Stored> {
    let oid = gix::ObjectId::from_hex(id.as_bytes()).ok()?;
    let header = repo.objects.try_header(&oid).ok()??;
    if header.size() > limit {
        return Some(Stored::Over(header.kind(), header.size()));
    }
    let object = repo.objects.try_find(&oid, buffer).ok()??;
    // Copied out at its size: the buffer the store decodes into may hold more (a delta's
    // base beside it), and a file's text is kept for as long as its revision.
    Some(Stored::Object(object.kind, object.data.to_vec()))
}

/// Blobs read through a run's [`Batch`].
pub struct CatFile(pub Arc<Batch>);

impl CatFile {
    /// Reads the leading files that the store in this process holds, as [`Blobs::read`]
    /// does, and says how many it read: `cat-file` reads the rest, so that the files still
    /// reach `each` in order.
    fn read_stored(&self, files: &[&TreeFile], each: &mut dyn FnMut(Blob)) -> usize {
        let Some(repo) = self.0.store() else {
            return 0;
        };
        let mut buffer = Vec::new();
        for (done, f) in files.iter().enumerate() {
            match stored(&repo, &f.id, MAX_FILE_BYTES, &mut buffer) {
                Some(Stored::Object(gix::object::Kind::Blob, bytes)) => each(Ok(bytes)),
                Some(Stored::Over(gix::object::Kind::Blob, size)) => each(Err(size)),
                // Not a blob: `cat-file` says so as it reads it.
                _ => return done,
            }
        }
        files.len()
    }
}

impl Blobs for CatFile {
    fn read(&self, files: &[&TreeFile], each: &mut dyn FnMut(Blob)) -> Result<()> {
        let files = &files[self.read_stored(files, each)..];
        if files.is_empty() {
            return Ok(());
        }
        let mut request = String::with_capacity(files.len() * 41);
        for f in files {
            anyhow::ensure!(
                !f.id.contains(['\n', '\r', '\0']),
                "git cat-file: a malformed blob id"
            );
            request.push_str(&f.id);
            request.push('\n');
        }
        self.0.with(|p| {
            let Process { child, stdin, out } = p;
            std::thread::scope(|s| {
                // Written from another thread: git answers while it reads, and a full
                // pipe either way would block both sides.
                let writer = s.spawn(move || {
                    stdin.write_all(request.as_bytes())?;
                    stdin.flush()
                });
                let read = (|| -> Result<()> {
                    let mut header = String::new();
                    for _ in files {
                        header.clear();
                        out.read_line(&mut header)?;
                        let size = match parse_header(header.trim_end()) {
                            Ok((_, "blob", size)) => size,
                            _ => bail!("git cat-file: {}", header.trim_end()),
                        };
                        if size > MAX_FILE_BYTES {
                            // Read past without keeping it: the size is all the loader
                            // needs.
                            std::io::copy(&mut (&mut *out).take(size), &mut std::io::sink())?;
                            each(Err(size));
                        } else {
                            let mut bytes = vec![0; usize::try_from(size)?];
                            out.read_exact(&mut bytes)?;
                            each(Ok(bytes));
                        }
                        let mut newline = [0u8; 1];
                        out.read_exact(&mut newline)?;
                    }
                    Ok(())
                })();
                if read.is_err() {
                    // Nobody reads git's answers any more: git stops reading the ids when
                    // its output is full, and the writer would wait for it for ever.
                    let _ = child.kill();
                }
                let written = writer.join();
                read?;
                match written {
                    Ok(Ok(())) => Ok(()),
                    Ok(Err(e)) => Err(e).context("git cat-file: cannot send the blob ids"),
                    Err(_) => bail!("git cat-file: the writer thread panicked"),
                }
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_committer_date_is_the_day_in_the_committers_zone() {
        // 2026-01-15T23:30:00Z
        let t = 1_768_519_800;
        assert_eq!(
            committer_date(&format!("A <a@x> {t} +0000")).as_deref(),
            Some("2026-01-15")
        );
        assert_eq!(
            committer_date(&format!("A <a@x> {t} +0100")).as_deref(),
            Some("2026-01-16")
        );
        assert_eq!(
            committer_date(&format!("A <a@x> {t} -0530")).as_deref(),
            Some("2026-01-15")
        );
        assert_eq!(committer_date("A <a@x> soon +0100"), None);
    }

    fn entry(mode: &str, name: &str, id: u8) -> Vec<u8> {
        let mut bytes = format!("{mode} {name}\0").into_bytes();
        bytes.extend([id; 20]);
        bytes
    }

    /// The path of a file `name` as a test's listing names it, counting the names asked.
    fn named(asked: &std::cell::Cell<usize>) -> impl Fn(&str) -> Result<Option<Arc<str>>> {
        |name| {
            asked.set(asked.get() + 1);
            Ok(name.ends_with(".yaml").then(|| name.into()))
        }
    }

    #[test]
    fn a_tree_is_read_entry_by_entry() {
        let bytes = [
            entry("100644", "a.yaml", 0xab),
            entry("40000", "sub", 0x01),
            entry("120000", "link", 0x02),
        ]
        .concat();
        let asked = std::cell::Cell::new(0);
        let entries = parse_tree(&bytes, 20, &[], named(&asked)).expect("a tree");
        assert_eq!(entries.len(), 3);
        assert!(entries[0].mode == Mode::File && entries[1].is_tree());
        assert!(entries[2].mode == Mode::Other);
        assert_eq!(&*entries[0].id, "ab".repeat(20));
        assert_eq!(entries[0].path.as_deref(), Some("a.yaml"));
        assert!(entries[1].path.is_none() && entries[2].path.is_none());
        assert_eq!(asked.get(), 1, "only a regular file is named");
        assert!(parse_tree(&bytes[..bytes.len() - 1], 20, &[], named(&asked)).is_err());
    }

    /// A folder's next version takes from the last: an unchanged entry its id and path, a
    /// changed one its path, and only a new name is named; entries gone, added or turned
    /// from a file into a folder are told apart in git's order.
    #[test]
    fn a_folder_takes_what_it_did_not_change_from_its_last_listing() {
        let asked = std::cell::Cell::new(0);
        let first = [
            entry("100644", "a-b.yaml", 1),
            entry("40000", "a", 2),
            entry("100644", "b.yaml", 3),
            entry("100644", "c.yaml", 4),
            entry("100644", "d", 5),
        ]
        .concat();
        let before = parse_tree(&first, 20, &[], named(&asked)).expect("first");
        assert_eq!(asked.get(), 4);
        let second = [
            entry("100644", "a-b.yaml", 1),
            entry("40000", "a", 2),
            entry("100644", "b.yaml", 9),
            entry("100644", "bb.yaml", 6),
            entry("40000", "d", 5),
        ]
        .concat();
        asked.set(0);
        let after = parse_tree(&second, 20, &before, named(&asked)).expect("second");
        assert_eq!(asked.get(), 1, "bb.yaml alone is new");
        let names: Vec<&str> = after.iter().map(|e| &*e.name).collect();
        assert_eq!(names, ["a-b.yaml", "a", "b.yaml", "bb.yaml", "d"]);
        assert!(Arc::ptr_eq(&after[0].id, &before[0].id));
        let (Some(p0), Some(q0)) = (&after[0].path, &before[0].path) else {
            panic!("paths")
        };
        assert!(Arc::ptr_eq(p0, q0), "an unchanged file keeps its path");
        assert!(
            Arc::ptr_eq(&after[1].id, &before[1].id),
            "an unchanged folder"
        );
        assert_eq!(&*after[2].id, "09".repeat(20));
        let (Some(p2), Some(q2)) = (&after[2].path, &before[2].path) else {
            panic!("paths")
        };
        assert!(Arc::ptr_eq(p2, q2), "a changed file keeps its path");
        assert_eq!(after[3].path.as_deref(), Some("bb.yaml"));
        assert!(after[4].is_tree() && after[4].path.is_none());
        // The same tree read from nothing lists the same.
        let fresh = parse_tree(&second, 20, &[], named(&asked)).expect("fresh");
        let said = |es: &[Entry]| -> Vec<(String, String, Option<String>)> {
            es.iter()
                .map(|e| {
                    (
                        e.name.to_string(),
                        e.id.to_string(),
                        e.path.as_deref().map(str::to_owned),
                    )
                })
                .collect()
        };
        assert_eq!(said(&after), said(&fresh));
    }

    #[test]
    fn git_orders_a_folder_as_its_name_and_a_slash() {
        use std::cmp::Ordering::*;
        assert_eq!(git_order(b"a", Mode::Tree, b"a-b", Mode::File), Greater);
        assert_eq!(git_order(b"a", Mode::File, b"a-b", Mode::File), Less);
        assert_eq!(git_order(b"a", Mode::Tree, b"a0", Mode::File), Less);
        assert_eq!(git_order(b"b", Mode::File, b"b", Mode::File), Equal);
        assert_eq!(git_order(b"b", Mode::File, b"a", Mode::Tree), Greater);
    }
}
