//! Loading a tree of files that is not on disk: a git revision's blobs or the index's,
//! read from git's object store straight into memory. The files are read and checked as a
//! file of the work tree would be (same limits, same problems, same positions), and the
//! result of each file can be kept in a [`FileCache`], so that loading several revisions
//! parses a file only once for each content it had.

use crate::util::hash::HashMap;
use crate::util::lock;
use std::sync::{Arc, Mutex};

use super::{CHUNK, ChunkOutput, FileResult, LoadResult, MAX_FILE_BYTES, read};

/// One file of a tree held outside the file system.
#[derive(Debug, Clone)]
pub struct TreeFile {
    /// The path below the ISMS repository, `/`-separated, as the walk would give it.
    pub path: Arc<str>,
    /// What names the file's content: git's blob id. Two files with the same id and path
    /// load the same.
    pub id: Arc<str>,
    /// The size in bytes when it is known before the content is read (git's index does
    /// not say it): a file over [`MAX_FILE_BYTES`] is refused without reading it.
    pub size: Option<u64>,
}

impl TreeFile {
    /// Whether the file is known to be over [`MAX_FILE_BYTES`] before it is read.
    pub fn too_large(&self) -> bool {
        self.size.is_some_and(|s| s > MAX_FILE_BYTES)
    }
}

/// Where the bytes of a tree's files come from.
pub trait Blobs: Send + Sync {
    /// Reads `files` and hands each one's bytes to `each`, in the order of `files`, or its
    /// size, unread, when it is over [`MAX_FILE_BYTES`].
    fn read(&self, files: &[&TreeFile], each: &mut dyn FnMut(Blob)) -> anyhow::Result<()>;
}

/// One file's content as [`Blobs`] reads it: its bytes, or its size when it is over
/// [`MAX_FILE_BYTES`] and was not read.
pub type Blob = Result<Vec<u8>, u64>;

/// What one file gave the loader: shared between the cache and the revisions that hold it.
pub(super) type FileLoad = Arc<FileResult>;

/// The loaded result of each file read in a run, by content and path (the path is part of
/// each record's source and of every problem's place). Loading a revision reads and
/// parses only the files the cache does not hold; the records of those it holds are copied
/// out of it, which costs a fraction of a parse. It holds each distinct file once, so its
/// memory is that of the files loaded, whatever the number of revisions.
#[derive(Default)]
pub struct FileCache {
    /// Each file's result and, with trees planned ahead, its uses: one map, so that taking
    /// a file for a tree looks it up once.
    files: Mutex<HashMap<Key, Slot>>,
    /// Whether each file is given to the first tree that holds it rather than kept (one
    /// revision read after the work tree): its records then move rather than being copied,
    /// and the cache shrinks as the revision grows.
    once: bool,
    /// With trees planned ahead (a trend over several revisions): each file's slot counts
    /// how many of the trees still to be loaded hold it. A file is kept only while a later
    /// tree holds it, and the last of them takes it (moved, not copied), so that the cache
    /// holds what the trees to come share and never every version seen.
    planned: bool,
}

/// A file in the cache: what it gave, once loaded, and how many trees still to be loaded
/// hold it (planned caches only).
#[derive(Default)]
struct Slot {
    load: Option<FileLoad>,
    uses: u32,
}

/// A file's content id and path.
pub(super) type Key = (Arc<str>, Arc<str>);

/// A key as a tree's file holds it: looked up without copying its id and path, whose
/// counts a hundred thousand files would otherwise touch twice each.
trait KeyOf {
    fn id(&self) -> &str;
    fn path(&self) -> &str;
}

impl KeyOf for Key {
    fn id(&self) -> &str {
        &self.0
    }
    fn path(&self) -> &str {
        &self.1
    }
}

impl KeyOf for TreeFile {
    fn id(&self) -> &str {
        &self.id
    }
    fn path(&self) -> &str {
        &self.path
    }
}

impl<'a> std::borrow::Borrow<dyn KeyOf + 'a> for Key {
    fn borrow(&self) -> &(dyn KeyOf + 'a) {
        self
    }
}

impl PartialEq for dyn KeyOf + '_ {
    fn eq(&self, other: &Self) -> bool {
        self.id() == other.id() && self.path() == other.path()
    }
}

impl Eq for dyn KeyOf + '_ {}

/// Hashes as [`Key`] does, a pair of strings.
impl std::hash::Hash for dyn KeyOf + '_ {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.id().hash(state);
        self.path().hash(state);
    }
}

impl FileCache {
    /// A cache that keeps every file for every tree loaded after (several revisions).
    pub fn new() -> FileCache {
        FileCache::default()
    }

    /// A cache for one tree: each file it holds is given to the tree that holds it and
    /// leaves the cache, and files read for that tree are not added.
    pub fn once() -> FileCache {
        FileCache {
            once: true,
            ..FileCache::default()
        }
    }

    /// A cache for the trees listed, in the order they are loaded, after a work tree that
    /// seeds it when `seeded`: each file is kept only while a tree still to be loaded takes
    /// it from the cache. A tree filed from the one loaded before it takes from there the
    /// files the two share (`Session::from_tree_after`), so a file is counted only for the
    /// trees in which it is not the same as in the tree before.
    ///
    /// Unseeded, a file only one tree counts is read by that tree and never taken from the
    /// cache, so it is left out: the first tree's files (a whole revision) are counted only
    /// where a later tree counts them too.
    pub fn planned(trees: &[&[TreeFile]], seeded: bool) -> FileCache {
        use rayon::prelude::*;
        // Unseeded, the first tree is counted last, and only where a later one counts.
        let (first, counted) = match trees.split_first() {
            Some((first, rest)) if !seeded => (Some(*first), rest),
            _ => (None, trees),
        };
        // The run loads nothing until its plan is made: each tree's files that are not
        // the same as in the tree before are found side by side, and so are the first
        // tree's files that a later tree counts.
        let befores = std::iter::once(first.unwrap_or(&[])).chain(counted.iter().copied());
        let pairs: Vec<(&[TreeFile], &[TreeFile])> = befores.zip(counted.iter().copied()).collect();
        let changed: Vec<Vec<&TreeFile>> = pairs
            .par_iter()
            .map(|(before, tree)| {
                tree.iter()
                    .zip(matched(before, tree))
                    .filter_map(|(f, same)| same.is_none().then_some(f))
                    .collect()
            })
            .collect();
        let mut files: HashMap<Key, Slot> = HashMap::default();
        files.reserve(changed.iter().map(Vec::len).sum());
        for f in changed.iter().flatten() {
            files
                .entry((f.id.clone(), f.path.clone()))
                .or_default()
                .uses += 1;
        }
        if let Some(first) = first {
            let again: Vec<&TreeFile> = first
                .par_iter()
                .filter(|f| files.contains_key(*f as &dyn KeyOf))
                .collect();
            for f in again {
                if let Some(slot) = files.get_mut(f as &dyn KeyOf) {
                    slot.uses += 1;
                }
            }
            files.retain(|_, slot| slot.uses > 1);
        }
        FileCache {
            files: Mutex::new(files),
            planned: true,
            ..FileCache::default()
        }
    }

    /// Whether a file is worth keeping: a tree still to be loaded holds it (always, for a
    /// cache that was not planned). The loader asks this through `insert`, which keeps only
    /// what is wanted; the tests ask it directly.
    #[cfg(test)]
    pub fn wants(&self, id: &str, path: &str) -> bool {
        !self.planned || self.lock().contains_key(&(id.into(), path.into()))
    }

    /// The same files, now given to the one tree loaded next (the index's files for the
    /// revision read after them).
    pub fn into_once(self) -> FileCache {
        FileCache { once: true, ..self }
    }

    /// Keeps what files gave, for the trees loaded after: in a planned cache, only the
    /// files a tree still to be loaded holds.
    pub(super) fn insert(&self, loaded: impl IntoIterator<Item = (Key, FileLoad)>) {
        let mut files = self.lock();
        for (key, load) in loaded {
            if self.planned {
                if let Some(slot) = files.get_mut(&key) {
                    slot.load = Some(load);
                }
            } else {
                files.insert(
                    key,
                    Slot {
                        load: Some(load),
                        uses: 0,
                    },
                );
            }
        }
    }

    /// How many files it holds.
    pub fn len(&self) -> usize {
        self.lock().values().filter(|s| s.load.is_some()).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Key, Slot>> {
        lock(&self.files)
    }

    /// Takes the file for the tree being loaded: what the cache holds of it, moved out when
    /// no later tree needs it; and whether what is parsed of it is to be kept. One use of a
    /// planned file is counted off.
    fn take(&self, files: &mut HashMap<Key, Slot>, key: &dyn KeyOf) -> (Option<FileLoad>, bool) {
        if self.planned {
            let Some(slot) = files.get_mut(key) else {
                return (None, false);
            };
            slot.uses = slot.uses.saturating_sub(1);
            if slot.uses > 0 {
                return (slot.load.clone(), true);
            }
            (files.remove(key).and_then(|s| s.load), false)
        } else if self.once {
            (files.remove(key).and_then(|s| s.load), false)
        } else {
            (files.get(key).and_then(|s| s.load.clone()), true)
        }
    }
}

/// What a load of the work tree gave for each file it read, by path, kept for the cache of
/// a revision read after it: which of them the revision holds is known only when git has
/// said the work tree's blob ids, which it is asked for while the work tree is read.
#[derive(Default)]
pub struct Kept(Mutex<Vec<(Arc<str>, FileLoad)>>);

impl Kept {
    pub(super) fn add(&self, files: Vec<(Arc<str>, FileLoad)>) {
        if !files.is_empty() {
            lock(&self.0).extend(files);
        }
    }

    /// Gives `cache` the files git has clean in the work tree (`ids`: their blob ids by
    /// path) that a revision still to be read holds; the others are dropped.
    pub fn seed(self, ids: &HashMap<Box<str>, Arc<str>>, cache: &FileCache) {
        let files = self.0.into_inner().unwrap_or_else(|e| e.into_inner());
        cache.insert(
            files
                .into_iter()
                .filter_map(|(path, load)| Some(((ids.get(&*path)?.clone(), path), load))),
        );
    }
}

/// The `n`th file of a tree as [`super::Source::file`] holds it. A tree lists at most
/// a million entries (`git::objects::MAX_LISTED`), far fewer than 2^32.
pub fn file_place(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// For each file of `after`, the place in `before` of the same file (the same path and
/// content id), if `before` holds it; both in path order. Each file of `before` is matched
/// at most once, even where names that are not UTF-8 read as the same path. Revisions
/// listed one after the other share the names and ids of the entries they have in common,
/// so most files are told apart without comparing a byte.
pub fn matched(before: &[TreeFile], after: &[TreeFile]) -> Vec<Option<u32>> {
    let mut out = Vec::with_capacity(after.len());
    let mut i = 0;
    for f in after {
        while before
            .get(i)
            .is_some_and(|b| !Arc::ptr_eq(&b.path, &f.path) && *b.path < *f.path)
        {
            i += 1;
        }
        let same = before.get(i).filter(|b| {
            (Arc::ptr_eq(&b.path, &f.path) || b.path == f.path)
                && (Arc::ptr_eq(&b.id, &f.id) || b.id == f.id)
        });
        let place = same.map(|_| file_place(i));
        if place.is_some() {
            i += 1;
        }
        out.push(place);
    }
    out
}

/// One file as a worker gets it.
enum Work {
    /// Already loaded in this run.
    Cached(FileLoad),
    /// Over [`MAX_FILE_BYTES`]: refused unread.
    TooLarge(Arc<str>, u64),
    /// Read, to be parsed; `Key` when the result goes into the cache.
    Bytes(Arc<str>, Vec<u8>, Option<Key>),
}

/// Reads and checks the files of a tree, given in path order (the files the walk would
/// read: see [`super::Walk::reads`]); `cache` holds the files already loaded and gains the
/// others. Records and problems come out as [`super::load`] gives them for the same files on
/// disk.
pub fn load_tree(
    files: &[&TreeFile],
    blobs: &dyn Blobs,
    cache: Option<&FileCache>,
) -> anyhow::Result<LoadResult> {
    // What each file needs, decided under one lock: the cached result, nothing (too large),
    // or its bytes.
    let mut known: Vec<Option<FileLoad>> = Vec::with_capacity(files.len());
    let mut keep: Vec<bool> = Vec::with_capacity(files.len());
    let mut wanted: Vec<&TreeFile> = Vec::new();
    if let Some(c) = cache {
        let mut held = c.lock();
        for &f in files {
            let (hit, kept) = c.take(&mut held, f);
            if hit.is_none() && !f.too_large() {
                wanted.push(f);
            }
            known.push(hit);
            keep.push(kept);
        }
    } else {
        for &f in files {
            if !f.too_large() {
                wanted.push(f);
            }
            known.push(None);
            keep.push(false);
        }
    }
    let chunks: Mutex<Vec<(usize, ChunkOutput)>> = Default::default();
    let mut outcome = Ok(());
    rayon::in_place_scope(|s| {
        let hand_out = |chunk: Vec<Work>, seq: usize| {
            let chunks = &chunks;
            s.spawn(move |_| {
                let result = load_chunk(chunk, seq * CHUNK, cache);
                // A panic elsewhere poisons the lock but ends the scope with that panic
                // anyway; no chunk's results are dropped before it.
                chunks
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push((seq, result));
            });
        };
        let mut feed = Feed {
            files,
            known,
            chunk: Vec::with_capacity(CHUNK),
            seq: 0,
            next: 0,
            keep,
            hand_out,
        };
        outcome = blobs.read(&wanted, &mut |bytes| feed.bytes(bytes));
        if outcome.is_ok() {
            feed.finish();
        }
    });
    outcome?;
    let mut chunks = chunks.into_inner().unwrap_or_else(|e| e.into_inner());
    chunks.sort_unstable_by_key(|(seq, _)| *seq);
    let mut out = LoadResult::default();
    for (_, c) in chunks {
        out.append(c);
    }
    Ok(out)
}

/// The files of a tree handed out to the workers in chunks as their bytes arrive, so that
/// parsing overlaps reading from git and each chunk holds its files' bytes only until it is
/// parsed.
struct Feed<'f, H: FnMut(Vec<Work>, usize)> {
    files: &'f [&'f TreeFile],
    /// The cached result of each file not yet handed out, if there is one.
    known: Vec<Option<FileLoad>>,
    chunk: Vec<Work>,
    /// The number of the next chunk, by which their results are put back in order.
    seq: usize,
    /// The first file not yet handed out.
    next: usize,
    /// Whether what each file gives goes into the cache, for a tree loaded later.
    keep: Vec<bool>,
    hand_out: H,
}

impl<H: FnMut(Vec<Work>, usize)> Feed<'_, H> {
    fn push(&mut self, work: Work) {
        self.chunk.push(work);
        if self.chunk.len() == CHUNK {
            let full = std::mem::replace(&mut self.chunk, Vec::with_capacity(CHUNK));
            (self.hand_out)(full, self.seq);
            self.seq += 1;
        }
    }

    /// Whether the file at `i` is read from git: neither cached nor too large.
    fn is_read(&self, i: usize) -> bool {
        self.known[i].is_none() && !self.files[i].too_large()
    }

    /// Hands out the files before `end`, which need no bytes.
    fn unread_up_to(&mut self, end: usize) {
        while self.next < end {
            let f = self.files[self.next];
            let work = match self.known[self.next].take() {
                Some(hit) => Work::Cached(hit),
                None => Work::TooLarge(f.path.clone(), f.size.unwrap_or_default()),
            };
            self.push(work);
            self.next += 1;
        }
    }

    /// The bytes of the next file that is read: the files are read in their order, so it
    /// is the first from `next` that is neither cached nor too large.
    fn bytes(&mut self, blob: Blob) {
        let mut end = self.next;
        while end < self.files.len() && !self.is_read(end) {
            end += 1;
        }
        self.unread_up_to(end);
        if let Some(&f) = self.files.get(self.next) {
            let work = match blob {
                Ok(bytes) => {
                    let key = self.keep[self.next].then(|| (f.id.clone(), f.path.clone()));
                    Work::Bytes(f.path.clone(), bytes, key)
                }
                Err(size) => Work::TooLarge(f.path.clone(), size),
            };
            self.push(work);
            self.next += 1;
        }
    }

    /// Hands out the files left and the last chunk.
    fn finish(mut self) {
        self.unread_up_to(self.files.len());
        if !self.chunk.is_empty() {
            let last = std::mem::take(&mut self.chunk);
            (self.hand_out)(last, self.seq);
        }
    }
}

/// Loads one chunk of files, in order, adding the files it parsed to `cache`. The chunk
/// holds one work for each file from the `first`th on, and what each file gives is marked
/// with its place ([`super::Source::file`]).
fn load_chunk(chunk: Vec<Work>, first: usize, cache: Option<&FileCache>) -> ChunkOutput {
    let mut out = FileResult {
        records: Vec::with_capacity(chunk.len()),
        ..FileResult::default()
    };
    let mut loaded: Vec<(Key, FileLoad)> = Vec::new();
    for (n, work) in chunk.into_iter().enumerate() {
        let (records, invalid) = (out.records.len(), out.invalid.len());
        match work {
            // Moved when the cache gave it away, copied when it keeps it.
            Work::Cached(hit) => match Arc::try_unwrap(hit) {
                Ok(one) => out.append(one),
                Err(hit) => out.extend_from(&hit),
            },
            Work::TooLarge(path, size) => read::too_large(&path, size, &mut out),
            Work::Bytes(path, bytes, None) => {
                read::parse_bytes(&bytes, &path, &mut out);
            }
            Work::Bytes(path, bytes, Some(key)) => {
                let mut one = FileResult::default();
                read::parse_bytes(&bytes, &path, &mut one);
                out.extend_from(&one);
                loaded.push((key, Arc::new(one)));
            }
        }
        let file = file_place(first + n);
        out.records[records..]
            .iter_mut()
            .for_each(|l| l.source.file = file);
        out.invalid[invalid..]
            .iter_mut()
            .for_each(|i| i.source.file = file);
    }
    if let Some(cache) = cache {
        cache.insert(loaded);
    }
    ChunkOutput::from(out)
}

impl FileResult {
    /// Adds a copy of what another file gave.
    pub(super) fn extend_from(&mut self, other: &FileResult) {
        self.records.extend(other.records.iter().cloned());
        self.invalid.extend(other.invalid.iter().cloned());
        self.problems.extend(other.problems.iter().cloned());
    }

    /// Adds what another file gave.
    fn append(&mut self, other: FileResult) {
        self.records.extend(other.records);
        self.invalid.extend(other.invalid);
        self.problems.extend(other.problems);
    }
}

/// The text of a file's bytes as the loader saw it (BOM removed, lone CRs made LFs), so
/// that positions in diagnostics match it; `None` when the bytes are not text or over
/// the limit. For code frames of a file that is not on disk.
pub fn text_of(bytes: &[u8]) -> Option<String> {
    read::text_of(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blobs held in a list, by id; an id it does not hold fails the read there.
    struct Held(Vec<(String, Vec<u8>)>);

    impl Blobs for Held {
        fn read(&self, files: &[&TreeFile], each: &mut dyn FnMut(Blob)) -> anyhow::Result<()> {
            for f in files {
                let Some((_, bytes)) = self.0.iter().find(|(id, _)| **id == *f.id) else {
                    anyhow::bail!("no blob {}", f.id);
                };
                each(Ok(bytes.clone()));
            }
            Ok(())
        }
    }

    /// [`load_tree`] over every file of `files`.
    fn load(
        files: &[TreeFile],
        blobs: &dyn Blobs,
        cache: Option<&FileCache>,
    ) -> anyhow::Result<LoadResult> {
        load_tree(&files.iter().collect::<Vec<_>>(), blobs, cache)
    }

    fn unit(id: &str) -> Vec<u8> {
        format!("kind: unit\nid: {id}\nname: N\ntype: board\n").into_bytes()
    }

    fn file(path: &str, id: &str, size: Option<u64>) -> TreeFile {
        TreeFile {
            path: path.into(),
            id: id.into(),
            size,
        }
    }

    fn ids(r: &LoadResult) -> Vec<String> {
        r.records().map(|l| l.record.id().to_owned()).collect()
    }

    /// Cached, oversized and read files, in more than one chunk, come out in path order.
    #[test]
    fn files_come_out_in_order_whatever_their_source() {
        let mut held = Vec::new();
        let mut files = Vec::new();
        let names: Vec<String> = (0..300).map(|i| format!("u{i:03}")).collect();
        for (i, name) in names.iter().enumerate() {
            held.push((name.clone(), unit(name)));
            let size = (i % 7 == 3).then_some(MAX_FILE_BYTES + 1);
            files.push(file(&format!("units/{name}.yaml"), name, size));
        }
        let blobs = Held(held);
        let cache = FileCache::new();
        // Every other file first, so that the second load mixes cached and read files.
        let half: Vec<TreeFile> = files.iter().step_by(2).cloned().collect();
        load(&half, &blobs, Some(&cache)).expect("half");
        let all = load(&files, &blobs, Some(&cache)).expect("all");
        let fresh = load(&files, &blobs, None).expect("fresh");
        let expected: Vec<String> = names
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 7 != 3)
            .map(|(_, n)| n.clone())
            .collect();
        assert_eq!(ids(&all), expected);
        assert_eq!(ids(&fresh), expected);
        assert_eq!(all.problems, fresh.problems);
        assert_eq!(all.problems.len(), names.len().div_ceil(7));
    }

    /// A read that fails is an error, not a partial tree.
    #[test]
    fn a_failed_read_is_an_error() {
        let blobs = Held(vec![("a".into(), unit("a"))]);
        let files = [file("a.yaml", "a", None), file("b.yaml", "b", None)];
        let err = load(&files, &blobs, None).expect_err("b is missing");
        assert!(err.to_string().contains("no blob b"), "{err}");
    }

    /// A cache for one tree gives its files away and keeps none of those read.
    #[test]
    fn a_cache_for_one_tree_empties_as_it_is_used() {
        let blobs = Held(vec![("a".into(), unit("a")), ("b".into(), unit("b"))]);
        let files = [file("a.yaml", "a", None), file("b.yaml", "b", None)];
        let keep = FileCache::new();
        load(&files[..1], &blobs, Some(&keep)).expect("a");
        let once = keep.into_once();
        assert_eq!(once.len(), 1);
        let r = load(&files, &blobs, Some(&once)).expect("both");
        assert_eq!(ids(&r), ["a", "b"]);
        assert!(once.is_empty());
    }

    /// A planned cache counts a file only for the trees in which it differs from the tree
    /// loaded before (a tree filed from that one takes the others from it), gives each file
    /// to the last tree that counts it, and is empty when every planned tree has been
    /// loaded; each tree loads as it would fresh.
    #[test]
    fn a_planned_cache_keeps_a_file_until_its_last_tree() {
        let mut held = Vec::new();
        for name in ["a", "b", "b2", "c"] {
            held.push((name.to_owned(), unit(name)));
        }
        let blobs = Held(held);
        let one = [file("a.yaml", "a", None), file("b.yaml", "b", None)];
        let two = [file("a.yaml", "a", None), file("b.yaml", "b2", None)];
        let three = [
            file("a.yaml", "a", None),
            file("b.yaml", "b", None),
            file("c.yaml", "c", None),
        ];
        let cache = FileCache::planned(&[&one, &two, &three], true);
        assert!(cache.wants("a", "a.yaml") && !cache.wants("a", "b.yaml"));
        let mut wanted = Vec::new();
        for tree in [&one[..], &two, &three] {
            let cached = load(tree, &blobs, Some(&cache)).expect("cached");
            let fresh = load(tree, &blobs, None).expect("fresh");
            assert_eq!(ids(&cached), ids(&fresh));
            wanted.push(
                [("a", "a.yaml"), ("b", "b.yaml"), ("b2", "b.yaml")]
                    .map(|(id, path)| cache.wants(id, path)),
            );
        }
        // `a` is the same in every tree: only the first counts it. `b` is back in the third
        // tree after `b2`, and kept for it until then.
        assert_eq!(
            wanted,
            [
                [false, true, true],
                [false, true, false],
                [false, false, false]
            ]
        );
        assert!(cache.is_empty());
        // With no work tree to seed it, only `b` is worth keeping: each other file is read
        // by the one tree that counts it.
        let unseeded = FileCache::planned(&[&one, &two, &three], false);
        let kept = [
            ("a", "a.yaml"),
            ("b", "b.yaml"),
            ("b2", "b.yaml"),
            ("c", "c.yaml"),
        ]
        .map(|(id, path)| unseeded.wants(id, path));
        assert_eq!(kept, [false, true, false, false]);
        for tree in [&one[..], &two, &three] {
            let cached = load(tree, &blobs, Some(&unseeded)).expect("cached");
            assert_eq!(ids(&cached), ids(&load(tree, &blobs, None).expect("fresh")));
        }
        assert!(unseeded.is_empty());
    }

    /// A file of a tree is matched with the same file of the tree before: the same path and
    /// content id, whether or not the two share their names' storage.
    #[test]
    fn files_are_matched_by_path_and_content() {
        let before = [
            file("a.yaml", "1", None),
            file("b.yaml", "2", None),
            file("d.yaml", "4", None),
        ];
        let after = [
            before[0].clone(),
            file("b.yaml", "2b", None),
            file("c.yaml", "3", None),
            file("d.yaml", "4", None),
        ];
        assert_eq!(matched(&before, &after), [Some(0), None, None, Some(2)]);
        // Two names that read as one path: only one of them is the file before.
        let twice = [before[0].clone(), before[0].clone()];
        assert_eq!(matched(&before, &twice), [Some(0), None]);
        assert_eq!(matched(&[], &after), [None, None, None, None]);
        assert_eq!(matched(&after, &[]), []);
    }
}
