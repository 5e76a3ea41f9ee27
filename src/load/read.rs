//! Reading one record file: a read bounded by [`MAX_FILE_BYTES`], decoding (UTF-8, a BOM,
//! lone CRs as line breaks), then its documents to `document`.

use std::borrow::Cow;
use std::path::Path;
use std::sync::Arc;

use super::FileResult;
use super::document::{parse_text, salvage_ids};
use super::problem::Unreadable;
use crate::l10n::{Args, Value};
use crate::source::span::{Pos, Span};

/// Files larger than this are refused unread: a record file is a few kilobytes, and a
/// mistaken data dump would otherwise cost seconds and gigabytes.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

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
pub(super) fn read_file(path: &Path, relp: Arc<str>, out: &mut FileResult) {
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
            too_large(&relp, size, out);
            shrink(bytes);
            return;
        }
        Err(e) => {
            out.unreadable(
                Unreadable::new(&relp, None, "REC001-unreadable")
                    .arg("reason", "io")
                    .arg("error", e.to_string()),
            );
            return;
        }
    }
    // The text is not kept: at a hundred thousand records it would be the largest thing in
    // memory, and only the few files with findings need it again, for code frames
    // (`source_text`).
    parse_bytes(bytes, &relp, out);
    shrink(bytes);
}

/// REC001 for a file over [`MAX_FILE_BYTES`], which is not read.
pub(super) fn too_large(relp: &Arc<str>, size: u64, out: &mut FileResult) {
    out.unreadable(
        Unreadable::new(relp, None, "REC001-unreadable")
            .arg("reason", "too-large")
            .arg("size_mib", Value::Tenths(size as f64 / (1024.0 * 1024.0)))
            .arg("limit_mib", MAX_FILE_BYTES / (1024 * 1024)),
    );
}

/// A file's bytes, read whole, as records and problems: decoded, then parsed. Gives the
/// text the positions of the problems refer to, or `None` for bytes that are not text.
pub(super) fn parse_bytes<'b>(
    bytes: &'b [u8],
    relp: &Arc<str>,
    out: &mut FileResult,
) -> Option<Cow<'b, str>> {
    match decode(bytes) {
        Ok(text) => {
            let text = lone_cr_to_lf(text);
            parse_text(&text, relp, out);
            Some(text)
        }
        Err((span, args)) => {
            out.unreadable(Unreadable::new(relp, Some(span), "REC001-unreadable").with_args(args));
            // A text file saved in another encoding (Latin-1) still names its records.
            if !bytes.contains(&0) {
                salvage_ids(&String::from_utf8_lossy(bytes), 0, 0, relp, out);
            }
            None
        }
    }
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
    text_of(&bytes)
}

/// The text of a file's bytes as the loader saw it, as [`source_text`] gives it; `None`
/// for bytes that are over the limit or not text.
pub(super) fn text_of(bytes: &[u8]) -> Option<String> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return None;
    }
    let text = decode(bytes).ok()?;
    Some(lone_cr_to_lf(text).into_owned())
}

/// UTF-8 text without a BOM, or where and why it is not text (the values of REC001's
/// message).
fn decode(bytes: &[u8]) -> Result<&str, (Span, Args)> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(i) = memchr::memchr(0, bytes) {
        let pos = pos_of(bytes, i);
        return Err((Span::point(pos), vec![("reason", "binary".into())]));
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
        let args = vec![
            ("reason", "not-utf8".into()),
            ("byte", format!("0x{:02X}", bytes[bad]).into()),
            ("offset", bad.into()),
        ];
        (Span::point(pos), args)
    })
}

/// Line breaks written as a lone CR (classic Mac OS) become LF: YAML counts a lone CR as a
/// line break and code frames would not, so the two would disagree on line numbers.
pub(super) fn lone_cr_to_lf(text: &str) -> Cow<'_, str> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_text;

    #[test]
    fn non_utf8_is_located() {
        let (span, args) = decode(b"kind: unit\nname: \xFF\n").unwrap_err();
        assert_eq!((span.start.line, span.start.column()), (2, 7));
        assert_eq!(args[0], ("reason", "not-utf8".into()));
        assert_eq!(args[1], ("byte", "0xFF".into()));
    }

    #[test]
    fn bom_is_accepted() {
        assert_eq!(decode(b"\xEF\xBB\xBFkind: unit").unwrap(), "kind: unit");
    }

    #[test]
    fn lone_carriage_returns_break_lines_as_in_code_frames() {
        let r = load_text("a.yaml", "kind: unit\rid: a\r\nname: A\rtype: bord\r");
        assert_eq!(r.problems.len(), 1);
        let at = r.unreadable()[0].place.span.expect("a span").start;
        assert_eq!(at.line, 4);
        assert_eq!(&*r.files[0].1, "kind: unit\nid: a\r\nname: A\ntype: bord\n");
    }

    #[test]
    fn bytes_load_as_a_file_read_from_disk_would() {
        let r = crate::load::load_bytes(
            "u.yaml",
            b"\xEF\xBB\xBFkind: unit\rid: a\rname: A\rtype: board\r",
        );
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        assert_eq!(r.records().count(), 1);
        assert_eq!(&*r.files[0].1, "kind: unit\nid: a\nname: A\ntype: board\n");
        // Not text: refused where it stops being text, with no text kept for code frames.
        let r = crate::load::load_bytes("u.yaml", b"kind: unit\nid: \0\n");
        assert_eq!(r.unreadable()[0].place.span.expect("a span").start.line, 2);
        assert!(r.files.is_empty());
    }

    #[test]
    fn ids_survive_another_encoding() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("u.yaml");
        std::fs::write(&path, b"kind: unit\nid: malmo\nname: Malm\xf6\n").expect("write");
        let mut r = FileResult::default();
        read_file(&path, "u.yaml".into(), &mut r);
        assert_eq!(r.problems.len(), 1);
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
}
