//! Where each value of a document sits in its file: a table keyed by hashed JSON pointers,
//! filled while parsing and read when a diagnostic needs a position.

use crate::source::span::{Pos, Span};

/// Where each value of a document sits in the file, keyed by JSON pointer (`/hosting/model`).
///
/// Pointers are stored as 64-bit hashes of their segments, computed while parsing: no
/// string per value, which matters at a hundred thousand records. A record has a few
/// dozen values and the table is read only when a diagnostic needs a position, so a flat
/// list searched linearly is the cheapest structure.
#[derive(Debug, Clone, Default)]
pub struct SpanTable {
    pub(super) entries: std::sync::Arc<[SpanEntry]>,
}

/// One value's position, packed into 24 bytes: a hundred thousand records hold millions of
/// these. Columns beyond 65 535 saturate (a record line is never that long).
#[derive(Debug, Clone, Copy)]
pub(super) struct SpanEntry {
    pointer: u64,
    pub(super) value_line: u32,
    /// How many lines above the value its key starts, plus one: 1 on the same line, 2 for a
    /// block value under its key. 0 when the value has no key (list items, the document
    /// itself), or when the key lies further above than this counts; the value then
    /// stands for its key.
    key_gap: u16,
    value_col: u16,
    value_end_col: u16,
    /// End line minus start line.
    pub(super) value_lines: u16,
    key_col: u16,
    key_end_col: u16,
}

fn col16(col: u32) -> u16 {
    u16::try_from(col).unwrap_or(u16::MAX)
}

const _: () = assert!(std::mem::size_of::<SpanEntry>() == 24);

impl SpanEntry {
    pub(super) fn new(pointer: u64, key: Option<Span>, value: Span) -> SpanEntry {
        let k = key.unwrap_or_default();
        SpanEntry {
            pointer,
            value_line: value.start.line,
            key_gap: match key {
                Some(_) if k.start.line <= value.start.line => {
                    u16::try_from(value.start.line.saturating_sub(k.start.line.max(1)) + 1)
                        .unwrap_or(0)
                }
                _ => 0,
            },
            value_col: col16(value.start.col),
            value_end_col: col16(value.end.col),
            value_lines: u16::try_from(value.end.line.saturating_sub(value.start.line))
                .unwrap_or(u16::MAX),
            key_col: col16(k.start.col),
            // Keys are kept on one line; a multi-line key (`? >` block) is marked at its start.
            key_end_col: if k.end.line == k.start.line {
                col16(k.end.col.max(k.start.col))
            } else {
                col16(k.start.col)
            },
        }
    }

    fn value(&self) -> Span {
        Span::new(
            Pos {
                line: self.value_line,
                col: u32::from(self.value_col),
            },
            Pos {
                line: self.value_line + u32::from(self.value_lines),
                col: u32::from(self.value_end_col),
            },
        )
    }

    fn key(&self) -> Option<Span> {
        (self.key_gap > 0).then(|| {
            let line = self.value_line - (u32::from(self.key_gap) - 1);
            Span::new(
                Pos {
                    line,
                    col: u32::from(self.key_col),
                },
                Pos {
                    line,
                    col: u32::from(self.key_end_col),
                },
            )
        })
    }

    /// Moves both spans through `f` (to keep them inside the text).
    pub(super) fn map(&mut self, f: impl Fn(Span) -> Span) {
        *self = SpanEntry::new(self.pointer, self.key().map(&f), f(self.value()));
    }
}

/// FNV-1a offset basis: the hash of the root pointer `""`.
pub(super) const ROOT: u64 = 0xcbf2_9ce4_8422_2325;

/// The hash of `parent` extended by one (unescaped) segment.
pub(super) fn child(parent: u64, segment: &[u8]) -> u64 {
    let mut h = parent ^ u64::from(b'/');
    h = h.wrapping_mul(0x0100_0000_01b3);
    for b in segment {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

pub(super) fn child_index(parent: u64, index: usize) -> u64 {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut n = index;
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    child(parent, &buf[i..])
}

/// Hashes of `pointer` and of each of its ancestors, root first.
fn prefixes(pointer: &str) -> Vec<u64> {
    let mut out = vec![ROOT];
    let mut h = ROOT;
    for seg in pointer.split('/').skip(1) {
        h = segment(h, seg);
        out.push(h);
    }
    out
}

/// The hash of `pointer` itself.
fn hash_of(pointer: &str) -> u64 {
    pointer.split('/').skip(1).fold(ROOT, segment)
}

fn segment(parent: u64, seg: &str) -> u64 {
    if seg.contains('~') {
        child(parent, seg.replace("~1", "/").replace("~0", "~").as_bytes())
    } else {
        child(parent, seg.as_bytes())
    }
}

impl SpanTable {
    /// The entries to change in place, while the document is being built (the table is
    /// not shared yet, so nothing is copied).
    pub(super) fn entries_mut(&mut self) -> &mut [SpanEntry] {
        std::sync::Arc::make_mut(&mut self.entries)
    }
    /// The span of the value at `pointer`, or of its nearest ancestor that has one.
    pub fn value(&self, pointer: &str) -> Option<Span> {
        self.nearest(pointer).map(SpanEntry::value)
    }

    /// The span of the key that introduces the value at `pointer` (the `adopted:` of
    /// `adopted: 2019-11-12`), falling back to the value's own span.
    pub fn key(&self, pointer: &str) -> Option<Span> {
        self.nearest(pointer).map(|e| e.key().unwrap_or(e.value()))
    }

    /// Whether a value exists at exactly this pointer.
    pub fn contains(&self, pointer: &str) -> bool {
        let h = hash_of(pointer);
        self.entries.iter().any(|e| e.pointer == h)
    }

    fn nearest(&self, pointer: &str) -> Option<&SpanEntry> {
        // Rules ask for values that exist, nearly always: the pointer itself first, and
        // its ancestors only when it has no position of its own.
        let h = hash_of(pointer);
        if let Some(e) = self.entries.iter().find(|e| e.pointer == h) {
            return Some(e);
        }
        prefixes(pointer)
            .iter()
            .rev()
            .find_map(|h| self.entries.iter().find(|e| e.pointer == *h))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::source::yaml::parse;

    #[test]
    fn keeps_positions_of_keys_and_values() {
        let p = parse("kind: policy\nid: a\nhosting:\n  model: saas\nlist: [1, 2]\n");
        assert!(p.error.is_none());
        let d = &p.documents[0];
        assert_eq!(d.tree.to_value()["hosting"]["model"], json!("saas"));
        let v = d.spans.value("/hosting/model").expect("span");
        assert_eq!((v.start.line, v.start.col), (4, 9));
        let k = d.spans.key("/hosting/model").expect("span");
        assert_eq!((k.start.line, k.start.col), (4, 2));
        let item = d.spans.value("/list/1").expect("span");
        assert_eq!((item.start.line, item.start.col), (5, 10));
        // A pointer below a scalar falls back to the nearest ancestor.
        assert_eq!(d.spans.value("/hosting/model/x"), Some(v));
        // A block value starts on the line below its key.
        let k = d.spans.key("/hosting").expect("span");
        assert_eq!((k.start.line, k.start.col, k.end.col), (3, 0, 7));
        assert_eq!(d.spans.value("/hosting").expect("span").start.line, 4);
    }

    #[test]
    fn a_key_far_above_its_value_falls_back_to_the_value() {
        let text = format!(
            "kind: unit\nnotes: # the text follows\n{}  later\n",
            "\n".repeat(70_000)
        );
        let p = parse(&text);
        assert!(p.error.is_none(), "{:?}", p.error);
        let v = p.documents[0].spans.value("/notes").expect("span");
        assert_eq!(v.start.line, 70_003);
        assert_eq!(p.documents[0].spans.key("/notes"), Some(v));
        let near = p.documents[0].spans.key("/kind").expect("span");
        assert_eq!(near.start.line, 1);
    }
}
