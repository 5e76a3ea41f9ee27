//! Text from records and file names made safe to print for people: control characters and
//! the invisible characters that reorder or hide text shown as visible stand-ins, so that
//! no record can start a line of its own in a CI log (where the runner reads
//! `::command::` lines), move the terminal's cursor, or reorder what a reader sees.

use std::borrow::Cow;

/// `text` with every character that could act on a terminal or a log replaced by a visible
/// stand-in: C0 controls and DEL by their Unicode control pictures (`␊` for a line feed,
/// `␛` for escape), C1 controls, the bidirectional embeddings, overrides and isolates, and
/// the line and paragraph separators by `<U+XXXX>`. Borrowed when there is none, which
/// is almost always.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\u{0}'..='\u{1f}' => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'));
            }
            '\u{7f}' => out.push('\u{2421}'),
            c if needs_escape(c) => out.push_str(&format!("<U+{:04X}>", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether `c` reorders or hides text without being a control character: the
/// bidirectional embeddings, overrides, isolates and marks (a "Trojan Source" title).
pub fn is_reordering(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
}

fn needs_escape(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        // Bidirectional embeddings and overrides, isolates, marks that reorder text.
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200e}' | '\u{200f}' | '\u{61c}'
        // Line and paragraph separators, which some terminals and editors break lines at.
        | '\u{2028}' | '\u{2029}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(visible("Socialnämnden – 2026"), Cow::Borrowed(_)));
    }

    #[test]
    fn controls_and_reordering_marks_become_visible() {
        assert_eq!(visible("a\nb\tc\u{1b}[31m"), "a␊b␉c␛[31m");
        assert_eq!(visible("x\u{202e}y\u{7f}\u{85}"), "x<U+202E>y␡<U+0085>");
        assert_eq!(visible("\r\n::error::forged"), "␍␊::error::forged");
    }
}
