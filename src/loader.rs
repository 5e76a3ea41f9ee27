//! Reads a repository: walks it, parses every YAML document, checks each against its
//! schema and turns it into a typed record, collecting every problem on the way.
//!
//! The walk lists files in path order and hands them to the thread pool in chunks as it
//! goes; the chunks' results are joined in walk order, so records arrive in path order
//! whatever the number of threads. Nothing here writes to the repository.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{AnyRecord, FreeText, Kind};
use crate::schema;
use crate::span::{Pos, Span};
use crate::suggest::closest;
use crate::tree::{NodeRef, Tree};
use crate::yaml::{self, SpanTable};

/// Files larger than this are refused unread: a record file is a few kilobytes, and a
/// mistaken data dump would otherwise cost seconds and gigabytes.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Where a record came from.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: Arc<str>,
    /// 0-based document index in the file.
    pub doc: usize,
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
    pub diagnostics: Vec<Diagnostic>,
    /// The text of each file read, by relative path, for code frames.
    pub files: Vec<(Arc<str>, Arc<str>)>,
}

/// What to skip when walking.
pub struct Walk {
    exclude: GlobSet,
}

impl Walk {
    pub fn new(exclude: &[String]) -> anyhow::Result<Walk> {
        let mut b = GlobSetBuilder::new();
        for pattern in exclude {
            let glob = exclude_glob(pattern);
            if glob.is_empty() {
                continue;
            }
            b.add(
                Glob::new(glob)
                    .map_err(|e| anyhow::anyhow!("isms.toml: bad exclude glob `{pattern}`: {e}"))?,
            );
        }
        Ok(Walk {
            exclude: b.build()?,
        })
    }
}

/// An `exclude` entry as matched against paths relative to the root: written the way
/// `.gitignore` lines are (`./drafts/**`, `/drafts`, `drafts/`), it means the same as
/// `drafts/**` or `drafts` (a folder that matches is skipped with all below it).
fn exclude_glob(pattern: &str) -> &str {
    let mut p = pattern.trim();
    while let Some(rest) = p.strip_prefix("./") {
        p = rest;
    }
    p.trim_start_matches('/').trim_end_matches('/')
}

enum Found {
    File(PathBuf),
    Problem(Diagnostic),
}

fn rel(root: &Path, path: &Path) -> Arc<str> {
    // Every path of the walk is `root` joined with more: cutting the bytes of `root` off is
    // what `strip_prefix` does, without comparing component by component.
    let (r, p) = (
        root.as_os_str().as_encoded_bytes(),
        path.as_os_str().as_encoded_bytes(),
    );
    let sep = |c: &u8| std::path::is_separator(char::from(*c));
    let cut = p
        .strip_prefix(r)
        .and_then(|rest| match rest.split_first() {
            None => Some(rest),
            Some((c, tail)) if sep(c) => Some(tail),
            Some(_) if r.last().is_some_and(sep) => Some(rest),
            Some(_) => None,
        })
        .map(String::from_utf8_lossy);
    let r = match cut {
        Some(r) => r,
        None => path.strip_prefix(root).unwrap_or(path).to_string_lossy(),
    };
    if std::path::MAIN_SEPARATOR == '/' {
        r.into()
    } else {
        r.replace(std::path::MAIN_SEPARATOR, "/").into()
    }
}

/// The last component of a path of the walk, as bytes. `Path::file_name` parses every
/// component from the end; the walk asks for names hundreds of thousands of times (the
/// sort asks twice a comparison), and its paths are plain joins.
fn name_bytes(path: &Path) -> &[u8] {
    let bytes = path.as_os_str().as_encoded_bytes();
    // `/` is the only separator on Unix: one vectorised search back from the end.
    #[cfg(unix)]
    let last = memchr::memrchr(b'/', bytes);
    #[cfg(not(unix))]
    let last = bytes
        .iter()
        .rposition(|b| std::path::is_separator(char::from(*b)));
    match last {
        Some(i) => &bytes[i + 1..],
        None => bytes,
    }
}

fn is_yaml(path: &Path) -> bool {
    let name = name_bytes(path);
    // `.yaml` alone is a hidden file with no extension, as for `Path::extension`.
    [&b".yaml"[..], b".yml"]
        .iter()
        .any(|ext| name.len() > ext.len() && name.ends_with(ext))
}

/// The YAML files below `root` in the order of their paths as strings (the order of every
/// output), with problems met on the way.
fn walk<'a>(root: &'a Path, w: &'a Walk) -> impl Iterator<Item = Found> + Send + 'a {
    walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by(path_order)
        .into_iter()
        .filter_entry(move |e| {
            if e.depth() == 0 {
                return true;
            }
            let hidden = name_bytes(e.path()).starts_with(b".");
            !hidden && (w.exclude.is_empty() || !w.exclude.is_match(&*rel(root, e.path())))
        })
        .filter_map(move |entry| found(root, entry))
}

/// Siblings in the order of the paths below them: a folder's paths all start with its name
/// and a `/`, so it sorts as its name followed by `/` (`ab.yaml` before `ab/`, `ab-c/`
/// before `ab/`), and a walk in this order lists files in the order of their paths.
fn path_order(a: &walkdir::DirEntry, b: &walkdir::DirEntry) -> std::cmp::Ordering {
    let (na, nb) = (name_bytes(a.path()), name_bytes(b.path()));
    let common = na.len().min(nb.len());
    na[..common].cmp(&nb[..common]).then_with(|| {
        // One name starts the other: what follows it decides, a folder's `/` included.
        fn rest<'n>(name: &'n [u8], e: &walkdir::DirEntry) -> impl Iterator<Item = u8> + 'n {
            let slash: &[u8] = if e.file_type().is_dir() { b"/" } else { b"" };
            name.iter().chain(slash).copied()
        }
        rest(&na[common..], a).cmp(rest(&nb[common..], b))
    })
}

/// What one entry of the walk is: a record file, a problem, or nothing of interest.
fn found(root: &Path, entry: walkdir::Result<walkdir::DirEntry>) -> Option<Found> {
    let e = match entry {
        Ok(e) => e,
        Err(err) => {
            let relp = err
                .path()
                .map(|p| rel(root, p))
                .unwrap_or_else(|| "".into());
            return Some(Found::Problem(
                Diagnostic::new("REC001", Severity::Error, format!("cannot read: {err}"))
                    .at(relp, None),
            ));
        }
    };
    let path = e.path();
    if e.path_is_symlink() {
        let relp = rel(root, path);
        return match std::fs::metadata(path) {
            Ok(m) if m.is_dir() || is_yaml(path) => Some(Found::Problem(
                Diagnostic::new(
                    "REC001",
                    Severity::Warning,
                    "symbolic link not followed; its records are not read",
                )
                .at(relp, None)
                .with_help("isms reads the files of the repository itself; move the records here"),
            )),
            Ok(_) => None,
            Err(err) => Some(Found::Problem(
                Diagnostic::new(
                    "REC001",
                    Severity::Error,
                    format!("symbolic link cannot be resolved ({err}); a loop or a missing target"),
                )
                .at(relp, None),
            )),
        };
    }
    if !(e.file_type().is_file() && is_yaml(path)) {
        return None;
    }
    Some(Found::File(e.into_path()))
}

/// Files handed to a worker at a time while the walk goes on: enough to make a task worth
/// its overhead, few enough that the last ones spread over the threads.
const CHUNK: usize = 128;

/// Reads and checks every record below `root`, typing free text as `free_text` says.
pub fn load(root: &Path, w: &Walk, free_text: FreeText) -> LoadResult {
    // The walk visits the files in path order (see `walk`) and hands them out in chunks
    // as it goes, so that walking overlaps reading and parsing. Each chunk's results are
    // gathered in one list and the chunks are joined in walk order: records arrive in
    // path order whatever the thread count, with no sort and no list per file.
    let chunks: std::sync::Mutex<Vec<(usize, Chunk)>> = Default::default();
    rayon::in_place_scope(|s| {
        let mut chunk = Batch::default();
        let mut seq = 0;
        let hand_out = |chunk: Batch, seq: usize| {
            let chunks = &chunks;
            s.spawn(move |_| {
                let result = read_chunk(root, chunk, free_text);
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
            if chunk.items.len() == CHUNK {
                hand_out(std::mem::take(&mut chunk), seq);
                seq += 1;
            }
        }
        if !chunk.items.is_empty() {
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
struct Chunk {
    kinds: [KindPart; Kind::ALL.len()],
    diagnostics: Vec<Diagnostic>,
}

/// The files of one chunk as the walk hands them to a worker. Their paths share one
/// buffer: a path per file, allocated by the walking thread and freed by a worker, would
/// take the allocator's slow path for frees across threads a hundred thousand times (1 %
/// of a run at 100k files).
struct Batch {
    paths: String,
    items: Vec<Item>,
}

enum Item {
    /// A file whose path is `paths[range]`.
    File(std::ops::Range<usize>),
    /// A file whose path is not UTF-8.
    Other(PathBuf),
    Problem(Diagnostic),
}

impl Default for Batch {
    fn default() -> Batch {
        Batch {
            // Paths of a repository's records run to a few dozen bytes: room for a chunk's.
            paths: String::with_capacity(CHUNK * 64),
            items: Vec::with_capacity(CHUNK),
        }
    }
}

impl Batch {
    fn push(&mut self, found: Found) {
        let item = match found {
            Found::File(path) => match path.to_str() {
                Some(p) => {
                    let start = self.paths.len();
                    self.paths.push_str(p);
                    Item::File(start..self.paths.len())
                }
                None => Item::Other(path),
            },
            Found::Problem(d) => Item::Problem(d),
        };
        self.items.push(item);
    }
}

/// Reads the files of one chunk, in order. The records are split by kind here, on the
/// worker, so that filing them (`Repository::build`) takes each kind's lists as they are.
fn read_chunk(root: &Path, chunk: Batch, free_text: FreeText) -> Chunk {
    let mut out = FileResult {
        free_text,
        records: Vec::with_capacity(chunk.items.len()),
        ..FileResult::default()
    };
    for item in chunk.items {
        match item {
            Item::File(range) => {
                let path = Path::new(&chunk.paths[range]);
                read_file(path, rel(root, path), &mut out);
            }
            Item::Other(path) => read_file(&path, rel(root, &path), &mut out),
            Item::Problem(d) => out.diagnostics.push(d),
        }
    }
    Chunk::from(out)
}

impl From<FileResult> for Chunk {
    fn from(read: FileResult) -> Chunk {
        Chunk {
            kinds: split_by_kind(read.records, read.invalid),
            diagnostics: read.diagnostics,
        }
    }
}

/// What reading some files gave: their records in file order and their problems.
#[derive(Default)]
struct FileResult {
    /// How the records are typed: set before reading.
    free_text: FreeText,
    records: Vec<Loaded>,
    invalid: Vec<Invalid>,
    diagnostics: Vec<Diagnostic>,
}

fn file_error(relp: &Arc<str>, span: Option<Span>, message: impl Into<String>) -> Diagnostic {
    Diagnostic::new("REC001", Severity::Error, message).at(relp.clone(), span)
}

/// Room a reading thread starts with: a record file is one or two kilobytes, so most files
/// are read in one call, and the buffer grows for the rare large one.
const READ_BUFFER: usize = 16 * 1024;

thread_local! {
    /// Each thread reads its files into one buffer, kept from file to file: the text is
    /// needed only while the file is parsed.
    static BUFFER: std::cell::RefCell<Vec<u8>> =
        std::cell::RefCell::new(Vec::with_capacity(READ_BUFFER));
}

/// Reads one file and adds what it holds to `out`.
fn read_file(path: &Path, relp: Arc<str>, out: &mut FileResult) {
    BUFFER.with(|buffer| match buffer.try_borrow_mut() {
        Ok(mut bytes) => read_into(path, relp, &mut bytes, out),
        // Never reached (reading does not read again), but a fresh buffer is as correct.
        Err(_) => read_into(path, relp, &mut Vec::new(), out),
    })
}

/// Reads a file into `bytes` (emptied first), or gives its size when it is over
/// `MAX_FILE_BYTES`. No `stat` before reading: the size check is a bound on the read, and
/// the file's size is asked for only when it is over it. Two system calls fewer a file
/// than `fs::read` (`statx` and `lseek` for its size hint), at a hundred thousand files.
fn read_bounded(path: &Path, bytes: &mut Vec<u8>) -> std::io::Result<Result<(), u64>> {
    bytes.clear();
    let mut f = std::fs::File::open(path)?;
    let n =
        std::io::Read::read_to_end(&mut std::io::Read::take(&mut f, MAX_FILE_BYTES + 1), bytes)?;
    if n as u64 > MAX_FILE_BYTES {
        return Ok(Err(f.metadata().map_or(n as u64, |m| m.len())));
    }
    Ok(Ok(()))
}

fn read_into(path: &Path, relp: Arc<str>, bytes: &mut Vec<u8>, out: &mut FileResult) {
    match read_bounded(path, bytes) {
        Ok(Ok(())) => {}
        Ok(Err(size)) => {
            out.diagnostics.push(
                file_error(
                    &relp,
                    None,
                    format!(
                        "file is {:.1} MiB; record files are read up to {} MiB",
                        size as f64 / (1024.0 * 1024.0),
                        MAX_FILE_BYTES / (1024 * 1024)
                    ),
                )
                .with_help("split the records into files of their own"),
            );
            shrink(bytes);
            return;
        }
        Err(e) => {
            out.diagnostics
                .push(file_error(&relp, None, format!("cannot read file: {e}")));
            return;
        }
    }
    match decode(bytes) {
        // The text is not kept: at a hundred thousand records it would be the largest
        // thing in memory, and only the few files with findings need it again, for code
        // frames (`source_text`).
        Ok(text) => parse_text(&lone_cr_to_lf(text), &relp, out),
        Err((span, message)) => {
            out.diagnostics.push(file_error(&relp, Some(span), message));
            // A text file saved in another encoding (Latin-1) still names its records.
            if !bytes.contains(&0) {
                salvage_ids(&String::from_utf8_lossy(bytes), 0, 0, &relp, out);
            }
        }
    }
    shrink(bytes);
}

/// A buffer that grew for a large file goes back to its usual size, so that a thread does
/// not hold megabytes for the rest of the run.
fn shrink(bytes: &mut Vec<u8>) {
    if bytes.capacity() > 4 * READ_BUFFER {
        *bytes = Vec::with_capacity(READ_BUFFER);
    }
}

/// The text of a record file as the loader saw it (BOM removed, lone CRs made LFs), so
/// that positions in diagnostics match it; for drawing code frames.
pub fn source_text(root: &Path, rel: &str) -> Option<String> {
    let mut bytes = Vec::new();
    read_bounded(&root.join(rel), &mut bytes).ok()?.ok()?;
    let text = decode(&bytes).ok()?;
    Some(lone_cr_to_lf(text).into_owned())
}

/// UTF-8 text without a BOM, or where and why it is not text.
fn decode(bytes: &[u8]) -> Result<&str, (Span, String)> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(i) = memchr::memchr(0, bytes) {
        let pos = pos_of(bytes, i);
        return Err((
            Span::point(pos),
            "binary file (a NUL byte); records are YAML text".into(),
        ));
    }
    // Vectorised: record text mixes ASCII with `å`, `ä` and `ö` every few words, which
    // keeps the standard library's check off its ASCII fast path, and every byte of every
    // file goes through here. It says only whether the bytes are UTF-8; the standard
    // check then says where they are not.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok(text);
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let bad = e.valid_up_to();
        let pos = pos_of(bytes, bad);
        let message = format!(
            "file is not UTF-8 (byte 0x{:02X} at offset {bad}); save it as UTF-8",
            bytes[bad]
        );
        (Span::point(pos), message)
    })
}

/// Line breaks written as a lone CR (classic Mac OS) become LF: YAML counts a lone CR as a
/// line break and code frames would not, so the two would disagree on line numbers.
fn lone_cr_to_lf(text: &str) -> Cow<'_, str> {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() != Some(&'\n') => out.push('\n'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn pos_of(bytes: &[u8], offset: usize) -> Pos {
    let before = &bytes[..offset];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count();
    Pos::new(line, col)
}

/// Parses the documents of one file's text into records and diagnostics.
fn parse_text(text: &str, relp: &Arc<str>, out: &mut FileResult) {
    let parsed = yaml::parse(text);
    for w in &parsed.warnings {
        out.diagnostics
            .push(file_error(relp, Some(w.span), w.message.clone()));
    }
    if parsed.documents.is_empty() && parsed.error.is_none() {
        out.diagnostics.push(
            file_error(
                relp,
                Some(Span::file_start()),
                "file holds no YAML document",
            )
            .with_help(
                "a record file holds one or more records; delete the file if it is not needed",
            ),
        );
    }
    let read_docs = parsed.documents.len();
    for doc in parsed.documents {
        let source = Source {
            path: relp.clone(),
            doc: doc.index,
            spans: doc.spans,
            span: doc.span,
        };
        check_document(&doc.tree, source, out);
    }
    if let Some(e) = parsed.error {
        let is_tab = e.message.contains("tab");
        let help = is_tab
            .then(|| "indent with spaces; YAML does not allow tabs for indentation".to_owned());
        // The scanner places some tab errors at the start of the scalar being read, lines
        // above the tab itself.
        let span = match is_tab {
            true => leading_tab(text, e.span.start.line).map_or(e.span, Span::point),
            false => e.span,
        };
        let mut d = file_error(relp, Some(span), e.message);
        d.help = help;
        out.diagnostics.push(d);
        salvage_ids(text, e.span.start.line, read_docs, relp, out);
    }
}

/// The first tab in the indentation of a line with content, from line `from` on.
fn leading_tab(text: &str, from: u32) -> Option<Pos> {
    let skip = usize::try_from(from.max(1) - 1).unwrap_or(usize::MAX);
    text.lines().enumerate().skip(skip).find_map(|(i, line)| {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let rest = line[indent..].trim_end();
        let tab = line[..indent].find('\t')?;
        (!rest.is_empty() && !rest.starts_with('#')).then(|| Pos::new(i + 1, tab))
    })
}

/// The top-level `kind:` and `id:` lines of one document, read as plain text.
struct DocHead {
    first_line: u32,
    kind: Option<Kind>,
    id: Option<(String, Pos)>,
}

/// After a syntax error at `error_line`, registers the top-level `kind:` and `id:` of the
/// broken document and of every later one as invalid records: their ids still exist, so
/// one stray tab does not turn every reference to them into a dangling-reference error.
/// `first_doc` is the number of documents read before the error; `error_line` 0 takes
/// every document of the file.
fn salvage_ids(
    text: &str,
    error_line: u32,
    first_doc: usize,
    relp: &Arc<str>,
    out: &mut FileResult,
) {
    let mut heads = vec![DocHead {
        first_line: 1,
        kind: None,
        id: None,
    }];
    for (i, line) in text.lines().enumerate() {
        let is_separator = line
            .strip_prefix("---")
            .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t']));
        if is_separator {
            heads.push(DocHead {
                first_line: u32::try_from(i + 1).unwrap_or(u32::MAX),
                kind: None,
                id: None,
            });
            continue;
        }
        let field = |name: &str| {
            let rest = line.strip_prefix(name)?.strip_prefix(':')?;
            let value = rest.split(" #").next().unwrap_or_default().trim();
            let byte = line.len() - rest.trim_start().len();
            let value = value.trim_matches(['"', '\'']);
            Some((
                value.to_owned(),
                Pos::new(i + 1, line[..byte].chars().count()),
            ))
        };
        let Some(head) = heads.last_mut() else {
            continue;
        };
        if let Some((kind, _)) = field("kind") {
            head.kind = head.kind.or(Kind::parse(&kind));
        } else if let Some(id) = field("id") {
            head.id = head.id.take().or(Some(id));
        }
    }
    let broken = heads
        .iter()
        .rposition(|h| h.first_line <= error_line)
        .unwrap_or(0);
    for (n, head) in heads.into_iter().skip(broken).enumerate() {
        let (Some(kind), Some((id, at))) = (head.kind, head.id) else {
            continue;
        };
        let valid_id = id.starts_with(|c: char| c.is_ascii_alphanumeric())
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
        // The broken document itself was read whole when the error lies past its end;
        // later ones never were.
        // `out` holds the records of earlier files too: only this file's count.
        let already_read = n == 0
            && out
                .records
                .iter()
                .map(|l| (l.record.kind(), l.record.id(), &l.source))
                .chain(out.invalid.iter().map(|r| (r.kind, &*r.id, &r.source)))
                .any(|(k, i, src)| {
                    k == kind
                        && i.eq_ignore_ascii_case(&id)
                        && src.path == *relp
                        && src.span.start.line >= head.first_line
                });
        if valid_id && !already_read {
            out.invalid.push(Invalid {
                kind,
                id,
                source: Source {
                    path: relp.clone(),
                    doc: first_doc + n,
                    spans: SpanTable::default(),
                    span: Span::point(at),
                },
            });
        }
    }
}

fn check_document(tree: &Tree<'_>, source: Source, out: &mut FileResult) {
    let at = |p: &str| Some(source.value(p));
    let root = tree.root();
    let Some(map) = root.members() else {
        let what = if root.is_null() {
            "an empty document"
        } else {
            "not a mapping"
        };
        out.diagnostics.push(
            file_error(
                &source.path,
                Some(source.span),
                format!(
                    "document {} is {what}; a record is a mapping with `kind` and `id`",
                    source.doc + 1
                ),
            )
            .with_help("remove stray `---` separators, or write the record's fields"),
        );
        return;
    };
    let kind = match map.find("kind") {
        None => {
            out.diagnostics.push(
                file_error(&source.path, Some(source.span), "record has no `kind`")
                    .with_help(format!("add `kind:` with one of {}", kind_list())),
            );
            return;
        }
        Some(node) => match node.as_str() {
            Some(s) => match Kind::parse(s) {
                Some(k) => k,
                None => {
                    let hint = closest(s, Kind::ALL.iter().map(|k| k.as_str()))
                        .map(|c| format!("did you mean `{c}`?"))
                        .unwrap_or_else(|| format!("kinds are {}", kind_list()));
                    out.diagnostics.push(
                        file_error(&source.path, at("/kind"), format!("unknown kind `{s}`"))
                            .with_help(hint),
                    );
                    return;
                }
            },
            None => {
                out.diagnostics.push(file_error(
                    &source.path,
                    at("/kind"),
                    format!("`kind` must be text, found {}", node.to_value()),
                ));
                return;
            }
        },
    };
    // Borrowed: only a record with problems needs its id copied.
    let id = map.find("id").and_then(|n| n.as_str());
    let mut errors = schema::validate_tree(kind, tree);
    if errors.is_empty() && kind == Kind::Asset {
        errors = unknown_countries(root);
    }
    if !errors.is_empty() {
        for e in errors {
            let span = if e.at_key {
                source.key(&e.pointer)
            } else {
                source.value(&e.pointer)
            };
            let mut d = file_error(&source.path, Some(span), e.message);
            d.help = e.help;
            if let Some(id) = id {
                d = d.about(kind, id);
            } else {
                d.kind = Some(kind);
            }
            out.diagnostics.push(d);
        }
        if let Some(id) = id.filter(|i| !i.is_empty()) {
            out.invalid.push(Invalid {
                kind,
                id: id.to_owned(),
                source,
            });
        }
        return;
    }
    match AnyRecord::from_tree(kind, root.reading(out.free_text)) {
        Ok(record) => out.records.push(Loaded { record, source }),
        Err((pointer, message)) => {
            let mut d = file_error(&source.path, Some(source.value(&pointer)), message);
            if let Some(id) = id {
                d = d.about(kind, id);
            }
            out.diagnostics.push(d);
            if let Some(id) = id {
                out.invalid.push(Invalid {
                    kind,
                    id: id.to_owned(),
                    source,
                });
            }
        }
    }
}

/// An asset's `hosting.countries` that are not ISO 3166-1 alpha-2 codes. The schema checks
/// only the shape (two capital letters): `UK` or `EL` pass it, and a code that is not a
/// country cannot be judged under GDPR chapter V (CLD001 would call it a third country).
fn unknown_countries(record: NodeRef<'_>) -> Vec<schema::SchemaError> {
    let registry = crate::registry::registry();
    let Some(countries) = record
        .get("hosting")
        .and_then(|h| h.get("countries"))
        .and_then(|c| c.items())
    else {
        return Vec::new();
    };
    countries
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let code = c.as_str()?;
            if registry.is_country(code) {
                return None;
            }
            let help = match registry.reserved_country(code) {
                Some(iso) => format!("the ISO 3166-1 code is `{iso}`"),
                None => "write the country's two-letter ISO 3166-1 alpha-2 code, e.g. `SE`".into(),
            };
            Some(schema::SchemaError {
                pointer: format!("/hosting/countries/{i}"),
                at_key: false,
                message: format!("`{code}` is not an ISO 3166-1 alpha-2 country code"),
                help: Some(help),
            })
        })
        .collect()
}

fn kind_list() -> String {
    Kind::ALL
        .iter()
        .map(|k| k.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Parses one text as if it were a file at `relp` (for tests and fuzzing).
pub fn load_text(relp: &str, text: &str) -> LoadResult {
    let mut f = FileResult::default();
    let relp: Arc<str> = relp.into();
    let text = lone_cr_to_lf(text).into_owned();
    parse_text(&text, &relp, &mut f);
    let mut out = LoadResult {
        files: vec![(relp, text.into())],
        ..LoadResult::default()
    };
    out.append(Chunk::from(f));
    out
}

impl LoadResult {
    /// Adds one chunk's records and problems after those already held.
    fn append(&mut self, chunk: Chunk) {
        for (all, part) in self.kinds.iter_mut().zip(chunk.kinds) {
            all.append(part);
        }
        self.diagnostics.extend(chunk.diagnostics);
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
mod tests {
    use super::*;

    #[test]
    fn non_utf8_is_located() {
        let (span, msg) = decode(b"kind: unit\nname: \xFF\n").unwrap_err();
        assert_eq!((span.start.line, span.start.column()), (2, 7));
        assert!(msg.contains("not UTF-8"));
    }

    #[test]
    fn relative_paths_are_cut_from_the_root() {
        let rel = |root: &str, path: &str| rel(Path::new(root), Path::new(path)).to_string();
        assert_eq!(rel("/r/isms", "/r/isms/assets/a.yaml"), "assets/a.yaml");
        assert_eq!(rel("/r/isms/", "/r/isms/assets/a.yaml"), "assets/a.yaml");
        assert_eq!(rel(".", "./a.yaml"), "a.yaml");
        assert_eq!(rel("/r/isms", "/r/isms"), "");
        // A sibling folder whose name starts with the root's is not below it.
        assert_eq!(rel("/r/isms", "/r/isms2/a.yaml"), "/r/isms2/a.yaml");
    }

    #[test]
    fn exclude_globs_written_as_in_gitignore() {
        let walk = Walk::new(&[
            "./drafts/**".into(),
            "old/".into(),
            "/archive".into(),
            "*.tmp.yaml".into(),
        ])
        .expect("globs");
        for path in ["drafts/a.yaml", "old", "archive", "units/x.tmp.yaml"] {
            assert!(walk.exclude.is_match(path), "{path}");
        }
        for path in ["units/a.yaml", "older/a.yaml"] {
            assert!(!walk.exclude.is_match(path), "{path}");
        }
    }

    #[test]
    fn bom_is_accepted() {
        assert_eq!(decode(b"\xEF\xBB\xBFkind: unit").unwrap(), "kind: unit");
    }

    #[test]
    fn tab_errors_point_at_the_tab() {
        let r = load_text(
            "a.yaml",
            "kind: unit\nid: a\nname: A\ntype: board\nnotes: one\n\ttwo\n",
        );
        let d = &r.diagnostics[0];
        assert!(d.message.contains("tab"), "{}", d.message);
        assert_eq!((d.line(), d.column()), (Some(6), Some(1)));
    }

    #[test]
    fn ids_survive_a_syntax_error() {
        let text = "kind: unit\nid: a\nname: A\ntype: board\n---\nkind: unit\nid: b # x\n\
                    name: [B\ntype: board\n---\nkind: asset\nid: \"c\"\n";
        let r = load_text("a.yaml", text);
        assert_eq!(r.records().count(), 1);
        let salvaged: Vec<(Kind, &str, u32, u32)> = r
            .invalid()
            .map(|i| {
                let s = i.source.span.start;
                (i.kind, &*i.id, s.line, s.col)
            })
            .collect();
        assert_eq!(
            salvaged,
            [(Kind::Unit, "b", 7, 4), (Kind::Asset, "c", 12, 4)]
        );
    }

    #[test]
    fn ids_survive_another_encoding() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("u.yaml");
        std::fs::write(&path, b"kind: unit\nid: malmo\nname: Malm\xf6\n").expect("write");
        let mut r = FileResult::default();
        read_file(&path, "u.yaml".into(), &mut r);
        assert_eq!(r.diagnostics.len(), 1);
        assert_eq!(r.invalid.len(), 1);
        assert_eq!(r.invalid[0].id, "malmo");
    }

    #[test]
    fn a_broken_file_is_salvaged_whatever_was_read_before_it() {
        // Files are read in chunks into one result: a record of an earlier file with the
        // same id must not count as already read.
        let dir = tempfile::tempdir().expect("temp dir");
        let good = dir.path().join("a.yaml");
        let bad = dir.path().join("b.yaml");
        std::fs::write(&good, "kind: unit\nid: x\nname: X\ntype: board\n").expect("write");
        std::fs::write(&bad, "kind: unit\nid: x\nname: [X\n").expect("write");
        let mut r = FileResult::default();
        read_file(&good, "a.yaml".into(), &mut r);
        read_file(&bad, "b.yaml".into(), &mut r);
        assert_eq!(r.records.len(), 1);
        let salvaged: Vec<&str> = r.invalid.iter().map(|i| &*i.source.path).collect();
        assert_eq!(salvaged, ["b.yaml"]);
    }

    #[test]
    fn records_out_of_path_order_are_sorted_stably() {
        let inv = |path: &str, doc: usize, id: &str| Invalid {
            kind: Kind::Unit,
            id: id.into(),
            source: Source {
                path: path.into(),
                doc,
                spans: SpanTable::default(),
                span: Span::file_start(),
            },
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

    /// A name that is not UTF-8 takes the other way to the worker than the shared buffer.
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
        let r = load(dir.path(), &walk, FreeText::Read);
        let read: Vec<(&str, &str)> = r
            .records()
            .map(|l| (l.record.id(), &*l.source.path))
            .collect();
        assert_eq!(read, [("a", "a.yaml"), ("b", "b\u{FFFD}.yaml")]);
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    }

    #[test]
    fn the_walk_lists_files_in_the_order_of_their_paths() {
        let dir = tempfile::tempdir().expect("temp dir");
        for f in [
            "ab/x.yaml",
            "ab.yaml",
            "ab-c/y.yaml",
            "a b.yaml",
            "B.yaml",
            "ab/a/z.yaml",
        ] {
            let path = dir.path().join(f);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, "").expect("write");
        }
        let walk = Walk::new(&[]).expect("walk");
        let listed: Vec<String> = super::walk(dir.path(), &walk)
            .filter_map(|f| match f {
                Found::File(p) => Some(rel(dir.path(), &p).to_string()),
                Found::Problem(_) => None,
            })
            .collect();
        let mut sorted = listed.clone();
        sorted.sort();
        assert_eq!(listed, sorted);
        assert_eq!(listed.len(), 6);
    }

    #[test]
    fn lone_carriage_returns_break_lines_as_in_code_frames() {
        let r = load_text("a.yaml", "kind: unit\rid: a\r\nname: A\rtype: bord\r");
        assert_eq!(r.diagnostics.len(), 1);
        assert_eq!(r.diagnostics[0].line(), Some(4));
        assert_eq!(&*r.files[0].1, "kind: unit\nid: a\r\nname: A\ntype: bord\n");
    }

    #[test]
    fn unknown_kind_gets_a_suggestion() {
        let r = load_text("a.yaml", "kind: assett\nid: a\n");
        assert_eq!(r.diagnostics.len(), 1);
        assert_eq!(
            r.diagnostics[0].help.as_deref(),
            Some("did you mean `asset`?")
        );
    }
}
