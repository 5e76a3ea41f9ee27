//! Positions in a source file: 1-based lines, 0-based character columns.
//!
//! Columns count characters, as the YAML parser does; byte offsets are derived only when a
//! code frame is drawn.

use serde::Serialize;

/// A point in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Pos {
    /// 1-based line.
    pub line: u32,
    /// 0-based column, in characters.
    pub col: u32,
}

impl Pos {
    pub fn new(line: usize, col: usize) -> Pos {
        Pos {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            col: u32::try_from(col).unwrap_or(u32::MAX),
        }
    }

    /// The 1-based column users see.
    pub fn column(self) -> u32 {
        self.col.saturating_add(1)
    }
}

/// A range in a file, `end` exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: Pos,
    pub end: Pos,
}

impl Span {
    pub fn new(start: Pos, end: Pos) -> Span {
        Span { start, end }
    }

    pub fn point(pos: Pos) -> Span {
        Span {
            start: pos,
            end: pos,
        }
    }

    /// The start of a file, for problems that belong to the whole file.
    pub fn file_start() -> Span {
        Span::point(Pos { line: 1, col: 0 })
    }
}
