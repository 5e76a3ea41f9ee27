//! Reads a repository: walks it, parses every YAML document, checks each against its
//! schema and turns it into a typed record, collecting every problem on the way.
//!
//! The walk (`walk`) lists files in path order and hands them to the thread pool in chunks
//! as it goes; each file is read (`read`) and its documents checked (`document`) on a
//! worker. The chunks' results are joined in walk order, so records arrive in path order
//! whatever the number of threads. Nothing here writes to the repository.

mod document;
pub mod placeholder;
mod problem;
mod read;
mod references;
mod tree;
mod walk;

use std::path::Path;
use std::sync::Arc;

use crate::model::{AnyRecord, Kind};
use crate::source::span::Span;
use crate::source::yaml::SpanTable;

pub use document::typed_record;
pub use problem::{At, Place, RecordProblem, Unreadable};
pub use read::{MAX_FILE_BYTES, source_text};
pub use references::RawRef;
pub use tree::{Blob, Blobs, FileCache, Kept, TreeFile, file_place, load_tree, matched, text_of};
use walk::{Found, rel, walk};
pub use walk::{Walk, is_yaml};

/// Where a record came from.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: Arc<str>,
    /// 0-based document index in the file.
    pub doc: usize,
    /// The file's place among the files a load of a tree read (`load_tree`), by which a
    /// revision filed from the one before finds what it keeps; 0 for a file read from disk.
    pub file: u32,
    pub spans: SpanTable,
    /// Where the document starts.
    pub span: Span,
}

impl Source {
    /// The span of the value at `pointer` (falls back to the nearest ancestor).
    pub fn value(&self, pointer: &str) -> Span {
        self.spans.value(pointer).unwrap_or(self.span)
    }

    /// The span of the key of the field at `pointer` (`adopted:`).
    pub fn key(&self, pointer: &str) -> Span {
        self.spans.key(pointer).unwrap_or(self.span)
    }
}

/// A record that passed its schema and deserialised.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub record: AnyRecord,
    pub source: Source,
}

/// A record that failed its schema but has a readable kind and id: its id still counts
/// as existing, so one bad record does not cascade into dangling-reference errors.
#[derive(Debug, Clone)]
pub struct Invalid {
    pub kind: Kind,
    pub id: String,
    pub source: Source,
    /// The references the document makes where their values have the right type: checked
    /// like a valid record's (REC003), so that they are reported in the same run as the
    /// record's other problems. Empty for a document that could not be parsed.
    pub refs: Vec<RawRef>,
}

/// One kind's records as read: lists in path order (one per chunk of files), valid records
/// and records that failed their schema apart.
#[derive(Debug, Default)]
pub struct KindLoad<V, I> {
    pub valid: V,
    pub invalid: I,
}

/// One kind's records of a whole repository: one list per chunk of files.
pub type KindLists = KindLoad<Vec<Vec<Loaded>>, Vec<Vec<Invalid>>>;

/// One kind's records of one chunk of files.
type KindPart = KindLoad<Vec<Loaded>, Vec<Invalid>>;

impl KindLists {
    /// Valid records, in all lists.
    pub fn valid_len(&self) -> usize {
        self.valid.iter().map(Vec::len).sum()
    }

    /// Records that failed their schema, in all lists.
    pub fn invalid_len(&self) -> usize {
        self.invalid.iter().map(Vec::len).sum()
    }

    /// Adds one chunk's records of this kind after those already held.
    fn append(&mut self, part: KindPart) {
        if !part.valid.is_empty() {
            self.valid.push(part.valid);
        }
        if !part.invalid.is_empty() {
            self.invalid.push(part.invalid);
        }
    }
}

/// Everything read from a repository.
#[derive(Debug, Default)]
pub struct LoadResult {
    /// Each kind's records, indexed by `Kind as usize`.
    pub kinds: [KindLists; Kind::ALL.len()],
    /// What could not be read (REC001), in path order.
    pub problems: Vec<RecordProblem>,
    /// The text of each file read, by relative path, for code frames.
    pub files: Vec<(Arc<str>, Arc<str>)>,
}

/// Files handed to a worker at a time while the walk goes on: enough to make a task worth
/// its overhead, few enough that the last ones spread over the threads.
const CHUNK: usize = 128;

/// Reads and checks every record below `root`.
pub fn load(root: &Path, w: &Walk) -> LoadResult {
    load_seeding(root, w, None)
}

/// Reads and checks every record below `root`, keeping what each file gives in `kept`, so
/// that a revision read next parses only the files that differ ([`Kept::seed`]).
pub fn load_seeding(root: &Path, w: &Walk, seed: Option<&Kept>) -> LoadResult {
    // The walk visits the files in path order (see `walk`) and hands them out in chunks
    // as it goes, so that walking overlaps reading and parsing. Each chunk's results are
    // gathered in one list and the chunks are joined in walk order: records arrive in
    // path order whatever the thread count, with no sort and no list per file.
    let chunks: std::sync::Mutex<Vec<(usize, ChunkOutput)>> = Default::default();
    rayon::in_place_scope(|s| {
        let mut chunk = ChunkInput::with_capacity(CHUNK);
        let mut seq = 0;
        let hand_out = |chunk: ChunkInput, seq: usize| {
            let chunks = &chunks;
            s.spawn(move |_| {
                let result = read_chunk(root, chunk, seed);
                // A panic elsewhere poisons the lock but ends the scope with that panic
                // anyway; no chunk's results are dropped before it.
                chunks
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push((seq, result));
            });
        };
        for found in walk(root, w) {
            chunk.push(found);
            if chunk.len() == CHUNK {
                let full = std::mem::replace(&mut chunk, ChunkInput::with_capacity(CHUNK));
                hand_out(full, seq);
                seq += 1;
            }
        }
        if !chunk.is_empty() {
            hand_out(chunk, seq);
        }
    });
    let mut chunks = chunks.into_inner().unwrap_or_else(|e| e.into_inner());
    chunks.sort_unstable_by_key(|(seq, _)| *seq);
    let mut out = LoadResult::default();
    for (_, c) in chunks {
        out.append(c);
    }
    out
}

/// Lists of records in path order, the lists one after the other, as the loader gives
/// them. Only names that are not UTF-8 can leave the walk's byte order different from the
/// order of the relative paths (in which those bytes became U+FFFD): the records are then
/// sorted, stably, so that equal paths keep the walk's order.
pub fn in_path_order<T>(lists: Vec<Vec<T>>, source: fn(&T) -> &Source) -> Vec<Vec<T>> {
    let by_place = |a: &T, b: &T| {
        let (a, b) = (source(a), source(b));
        (&*a.path, a.doc).cmp(&(&*b.path, b.doc))
    };
    if lists
        .iter()
        .flatten()
        .is_sorted_by(|a, b| by_place(a, b).is_le())
    {
        return lists;
    }
    let mut all: Vec<T> = lists.into_iter().flatten().collect();
    all.sort_by(by_place);
    vec![all]
}

/// One chunk's records split by kind, each list in path order.
fn split_by_kind(records: Vec<Loaded>, invalid: Vec<Invalid>) -> [KindPart; Kind::ALL.len()] {
    let mut kinds: [KindPart; Kind::ALL.len()] = Default::default();
    for l in records {
        kinds[l.record.kind() as usize].valid.push(l);
    }
    for i in invalid {
        kinds[i.kind as usize].invalid.push(i);
    }
    kinds
}

/// What one chunk of files gave, its records split by kind.
struct ChunkOutput {
    kinds: [KindPart; Kind::ALL.len()],
    problems: Vec<RecordProblem>,
}

/// The files of one chunk as the walk hands them to a worker, with the problems met
/// between them.
type ChunkInput = Vec<Found>;

/// Reads the files of one chunk, in order. The records are split by kind here, on the
/// worker, so that filing them (`Repository::build`) takes each kind's lists as they are.
fn read_chunk(root: &Path, chunk: ChunkInput, seed: Option<&Kept>) -> ChunkOutput {
    let mut out = FileResult {
        records: Vec::with_capacity(chunk.len()),
        ..FileResult::default()
    };
    let mut seeded = Vec::new();
    for found in chunk {
        match found {
            Found::File(path) => {
                let relp = rel(root, &path);
                if seed.is_some() {
                    let mut one = FileResult::default();
                    read::read_file(&path, relp.clone(), &mut one);
                    out.extend_from(&one);
                    // A file that could not be read says nothing of its blob.
                    if !one.problems.iter().any(RecordProblem::is_io) {
                        // Kept until the revision is read, one per file: room for more
                        // records than the file has would be a tenth of it.
                        one.shrink_to_fit();
                        seeded.push((relp, Arc::new(one)));
                    }
                } else {
                    read::read_file(&path, relp, &mut out);
                }
            }
            Found::Problem(problem) => out.problems.push(problem),
        }
    }
    if let Some(seed) = seed {
        seed.add(seeded);
    }
    ChunkOutput::from(out)
}

impl From<FileResult> for ChunkOutput {
    fn from(read: FileResult) -> ChunkOutput {
        ChunkOutput {
            kinds: split_by_kind(read.records, read.invalid),
            problems: read.problems,
        }
    }
}

/// What reading some files gave: their records in file order and their problems.
#[derive(Debug, Default)]
struct FileResult {
    records: Vec<Loaded>,
    invalid: Vec<Invalid>,
    problems: Vec<RecordProblem>,
}

impl FileResult {
    fn shrink_to_fit(&mut self) {
        self.records.shrink_to_fit();
        self.invalid.shrink_to_fit();
        self.problems.shrink_to_fit();
    }

    fn unreadable(&mut self, problem: Unreadable) {
        self.problems.push(problem.into());
    }
}

/// Parses one text as if it were a file at `relp` (for tests and fuzzing).
pub fn load_text(relp: &str, text: &str) -> LoadResult {
    let mut f = FileResult::default();
    let relp: Arc<str> = relp.into();
    let text = read::lone_cr_to_lf(text).into_owned();
    document::parse_text(&text, &relp, &mut f);
    let mut out = LoadResult {
        files: vec![(relp, text.into())],
        ..LoadResult::default()
    };
    out.append(ChunkOutput::from(f));
    out
}

/// Reads `bytes` as if they were the whole content of a file at `relp`, as the loader
/// reads a file once it is read from disk: over [`MAX_FILE_BYTES`] refused, then decoded
/// (BOM, UTF-8, binary) and parsed (for fuzzing and tests). The text is kept for code
/// frames when the bytes are text, as [`source_text`] would give it.
pub fn load_bytes(relp: &str, bytes: &[u8]) -> LoadResult {
    let mut f = FileResult::default();
    let relp: Arc<str> = relp.into();
    let mut out = LoadResult::default();
    if bytes.len() as u64 > MAX_FILE_BYTES {
        read::too_large(&relp, bytes.len() as u64, &mut f);
    } else if let Some(text) = read::parse_bytes(bytes, &relp, &mut f) {
        out.files.push((relp, text.into()));
    }
    out.append(ChunkOutput::from(f));
    out
}

impl LoadResult {
    /// Adds one chunk's records and problems after those already held.
    fn append(&mut self, chunk: ChunkOutput) {
        for (all, part) in self.kinds.iter_mut().zip(chunk.kinds) {
            all.append(part);
        }
        self.problems.extend(chunk.problems);
    }

    /// Every valid record, kind by kind.
    pub fn records(&self) -> impl Iterator<Item = &Loaded> {
        self.kinds.iter().flat_map(|k| k.valid.iter().flatten())
    }

    /// Every record that failed its schema, kind by kind.
    pub fn invalid(&self) -> impl Iterator<Item = &Invalid> {
        self.kinds.iter().flat_map(|k| k.invalid.iter().flatten())
    }
}

#[cfg(test)]
impl LoadResult {
    /// The problems that are unreadable files or documents, for tests.
    fn unreadable(&self) -> Vec<&Unreadable> {
        self.problems
            .iter()
            .filter_map(|p| match p {
                RecordProblem::Unreadable(u) => Some(u),
                _ => None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_out_of_path_order_are_sorted_stably() {
        let inv = |path: &str, doc: usize, id: &str| Invalid {
            kind: Kind::Unit,
            id: id.into(),
            source: Source {
                path: path.into(),
                doc,
                file: 0,
                spans: SpanTable::default(),
                span: Span::file_start(),
            },
            refs: Vec::new(),
        };
        let ids = |lists: Vec<Vec<Invalid>>| -> Vec<String> {
            in_path_order(lists, |i| &i.source)
                .into_iter()
                .flatten()
                .map(|i| i.id)
                .collect()
        };
        // In order: the lists stay as they are.
        let sorted = vec![
            vec![inv("a", 0, "1"), inv("a", 1, "2")],
            vec![inv("b", 0, "3")],
        ];
        assert_eq!(in_path_order(sorted, |i| &i.source).len(), 2);
        // Out of order (names that are not UTF-8): sorted, equal places keeping their order.
        let unsorted = vec![
            vec![inv("b", 0, "1"), inv("a\u{FFFD}", 0, "2")],
            vec![inv("a\u{FFFD}", 0, "3"), inv("a", 0, "4")],
        ];
        assert_eq!(ids(unsorted), ["4", "2", "3", "1"]);
    }

    /// A name that is not UTF-8 is read, under its name with U+FFFD.
    #[cfg(unix)]
    #[test]
    fn files_with_names_that_are_not_utf8_are_read_too() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let odd = std::ffi::OsStr::from_bytes(b"b\xFF.yaml");
        std::fs::write(
            dir.path().join("a.yaml"),
            "kind: unit\nid: a\nname: A\ntype: board\n",
        )
        .expect("write");
        std::fs::write(
            dir.path().join(odd),
            "kind: unit\nid: b\nname: B\ntype: board\n",
        )
        .expect("write");
        let walk = Walk::new(&[]).expect("walk");
        let r = load(dir.path(), &walk);
        let read: Vec<(&str, &str)> = r
            .records()
            .map(|l| (l.record.id(), &*l.source.path))
            .collect();
        assert_eq!(read, [("a", "a.yaml"), ("b", "b\u{FFFD}.yaml")]);
        assert!(r.problems.is_empty(), "{:?}", r.problems);
    }
}
