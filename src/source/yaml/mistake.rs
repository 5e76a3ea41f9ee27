//! A YAML syntax error as the mistake a person made. The scanner says where it gave up, in
//! its own terms ("mapping values are not allowed in this context"); the text around that
//! place shows what happened (a line indented one step too far, a quote left open, a
//! bracket never closed) and which line to change, which is not always the line where the
//! scanner stopped. The loader words each mistake (REC001); an error not recognised keeps
//! the scanner's words.

use crate::source::span::{Pos, Span};

/// A syntax error recognised as a common mistake, with what its message names.
#[derive(Debug, Clone, PartialEq)]
pub enum Mistake {
    /// A line whose indentation lines up with no key above it. `key` is what the line
    /// starts with, `above` the key (or, for a list item, the item) it most likely belongs
    /// beside (the nearest in indentation), on line `above_line`, indented by `column`
    /// spaces; `deeper` says whether the line is indented more than that key.
    Indent {
        key: String,
        above: String,
        above_line: u32,
        above_item: bool,
        column: usize,
        deeper: bool,
    },
    /// The first line of a document is indented (by `spaces`) and the lines after it are
    /// not: top-level keys start at the beginning of the line.
    IndentedStart { key: String, spaces: usize },
    /// A line of a block text (`notes: |`) indented less than the text's first line, which
    /// sets the text's indentation (`column` spaces).
    TextIndent { key: String, column: usize },
    /// A list that continues on a line indented no further than its key, `key`.
    FlowIndent { key: String },
    /// A tab after `:` or `-` (`mark`), where YAML wants a space.
    TabAfter { mark: char },
    /// `key:value` or `-item` without the space after `:` or `-` (`mark`): YAML reads the
    /// whole as text. `text` is what was written.
    NoSpace { mark: char, text: String },
    /// A line among keys with no `:` at all (`name Socialnämnden`, `name = x`): YAML reads
    /// it as text. `text` is the line as written, `fixed` the same as a key and its value.
    NoColon { text: String, fixed: String },
    /// A value holding `: `, which YAML reads as the start of a key: the value of `key`,
    /// and the same written in quotes (`quoted`).
    ColonInValue { key: String, quoted: String },
    /// A quote (`quote`) that is never closed.
    UnclosedQuote { quote: char },
    /// Text after a closing quote: `quoted` is the value written as one quoted text.
    AfterQuote { quote: char, quoted: String },
    /// A `[` or `{` (`open`) never closed by `close`.
    UnclosedBracket { open: char, close: char },
    /// A `]` or `}` that closes nothing.
    StrayBracket { close: char },
    /// A value that starts with a character YAML reserves (`@`, `` ` ``), and the same
    /// value in quotes.
    ReservedStart { ch: char, quoted: String },
    /// A ` #` inside a text that continues on the next line: the comment cuts the text.
    CommentInText,
    /// A list item (`- `) where a mapping expects a key: the mapping's last key.
    ListItem { above: String },
    /// A list started on the line of its key (`key: - item`).
    ListOnKeyLine { key: String },
}

/// The mistake behind the scanner's message `info` at `at` in `text`, and the span the
/// user must change; None when the error is not recognised (or is a tab in indentation,
/// which the loader places itself).
pub(super) fn recognise(text: &str, info: &str, at: Pos) -> Option<(Mistake, Span)> {
    let src = Text::new(text, at.line);
    if info.contains("tab") {
        return None;
    }
    // A quote left open runs on past any bracket: it goes first.
    if QUOTE_ERRORS.contains(&info) {
        return src.unclosed_quote(at);
    }
    if let Some(found) = src.bracket_mistake(info, at) {
        return Some(found);
    }
    match info {
        "mapping values are not allowed in this context" => src
            .colon_in_value(at)
            .or_else(|| src.indent_mistake(at.line)),
        "while parsing a block mapping, did not find expected key"
        | "while parsing a block collection, did not find expected '-' indicator"
        | "invalid indentation"
        | "wrongly indented line in block scalar" => src.indent_mistake(at.line),
        "did not find expected <document start>" | "did not find expected <document-start>" => {
            src.indented_start(at.line)
        }
        "simple key expect ':'" | "simple key expected" => src.no_space(at.line),
        "':' must be followed by a valid YAML whitespace"
        | "'-' must be followed by a valid YAML whitespace" => src.tab_after(info, at),
        "invalid trailing content after double-quoted scalar" => src.after_quote(at),
        "misplaced bracket" => {
            let close = src.char_at(at)?;
            Some((Mistake::StrayBracket { close }, Span::point(at)))
        }
        "comment intercepting the multiline text" => {
            Some((Mistake::CommentInText, Span::point(at)))
        }
        "block sequence entries are not allowed in this context" => src.list_on_key_line(at),
        _ if info.starts_with("unexpected character") => src.reserved_start(at),
        _ => None,
    }
}

/// What the scanner says of a quoted text that does not end.
const QUOTE_ERRORS: [&str; 3] = [
    "while scanning a quoted scalar, found unexpected end of stream",
    "invalid indentation in quoted scalar",
    "while scanning a quoted scalar, found unexpected document indicator",
];

/// The lines of the document a syntax error is in, up to the end of the text.
struct Text<'t> {
    /// Every line of the text; line `n` is `lines[n - 1]`.
    lines: Vec<&'t str>,
    /// The first line of the document the error is in.
    first: u32,
}

/// One line as YAML's block structure sees it.
#[derive(Debug, Default)]
struct Line<'t> {
    /// Spaces before the first character.
    indent: usize,
    /// The column after any `- ` list markers.
    body_col: usize,
    /// Whether the line starts with a list marker.
    item: bool,
    /// The key the body starts with (`name` of `name: x`), as written.
    key: Option<&'t str>,
    /// The column of the key's `:`.
    colon_col: usize,
    /// The key's value on the same line, without a trailing comment.
    value: &'t str,
    /// The column the value starts at.
    value_col: usize,
}

/// Whether a line holds YAML content: not blank, not a comment, not a document marker.
fn is_content(line: &str) -> bool {
    let t = line.trim();
    !(t.is_empty() || t.starts_with('#') || is_marker(line))
}

fn is_marker(line: &str) -> bool {
    ["---", "..."].iter().any(|m| {
        line.strip_prefix(m)
            .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t']))
    })
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

fn parse_line(line: &str) -> Line<'_> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let mut body = &line[indent..];
    let mut body_col = indent;
    let mut item = false;
    while let Some(rest) = body.strip_prefix('-') {
        if !(rest.is_empty() || rest.starts_with(' ')) {
            break;
        }
        item = true;
        let after = rest.trim_start_matches(' ');
        body_col += 1 + (rest.len() - after.len());
        body = after;
    }
    let mut out = Line {
        indent,
        body_col,
        item,
        ..Line::default()
    };
    if let Some(colon) = key_colon(body) {
        let key = body[..colon].trim_end();
        out.key = Some(key);
        out.colon_col = body_col + chars(&body[..colon]);
        let rest = &body[colon + 1..];
        let value = rest.trim_start();
        out.value_col = out.colon_col + 1 + chars(&rest[..rest.len() - value.len()]);
        out.value = strip_comment(value).trim_end();
    }
    out
}

/// The byte index of the `:` that ends a key at the start of `body`, if it starts with one.
fn key_colon(body: &str) -> Option<usize> {
    if body.starts_with(['"', '\'']) {
        let quote = body.chars().next()?;
        let close = body[1..].find(quote)? + 1;
        let after = &body[close + 1..];
        let colon = close + 1 + (after.len() - after.trim_start().len());
        return body[colon..]
            .strip_prefix(':')
            .filter(|r| r.is_empty() || r.starts_with([' ', '\t']))
            .map(|_| colon);
    }
    if body.starts_with([
        '[', '{', '#', '|', '>', '&', '*', '!', '%', '@', '`', ',', '?',
    ]) {
        return None;
    }
    let bytes = body.as_bytes();
    let colon = (0..bytes.len()).find(|&i| {
        bytes[i] == b':' && bytes.get(i + 1).is_none_or(|b| *b == b' ' || *b == b'\t')
    })?;
    let key = &body[..colon];
    (!key.trim().is_empty() && !key.contains(" #")).then_some(colon)
}

/// A plain value without its trailing comment (` # …`); quoted values are kept whole.
fn strip_comment(value: &str) -> &str {
    if value.starts_with(['"', '\'']) {
        return value;
    }
    value.split(" #").next().unwrap_or(value)
}

/// A block text's header (`|`, `>-`, `|2+`).
fn is_block_header(value: &str) -> bool {
    value.starts_with(['|', '>'])
        && value[1..]
            .chars()
            .all(|c| matches!(c, '+' | '-' | '1'..='9'))
}

/// A value written as one quoted text: in double quotes, or single ones when it holds a
/// double quote (inside single quotes only `'` is special, written twice).
fn quoted(value: &str) -> String {
    if value.contains('"') {
        format!("'{}'", value.replace('\'', "''"))
    } else {
        format!("\"{}\"", value.replace('\\', "\\\\"))
    }
}

/// What a line starts with, for a message: its key, or its text.
fn what(line: &Line<'_>, text: &str) -> String {
    match line.key {
        Some(k) => k.to_owned(),
        None => {
            let t = strip_comment(text.trim());
            t.chars().take(30).collect()
        }
    }
}

/// A key or list item above the error line that the line could belong beside.
#[derive(Debug, Clone)]
struct Level {
    col: usize,
    /// The key, or the item's line as written (`- SE`).
    key: String,
    line: u32,
    item: bool,
}

/// The block structure above a line: the keys still open, and the block text it may be
/// part of.
#[derive(Debug, Default)]
struct Context {
    keys: Vec<Level>,
    /// A block text (`notes: |`) still open: its key and the indentation of its first line.
    text: Option<(Level, Option<usize>)>,
}

impl<'t> Text<'t> {
    fn new(text: &'t str, line: u32) -> Text<'t> {
        let lines: Vec<&str> = text.lines().collect();
        let upto = usize::try_from(line.max(1) - 1)
            .unwrap_or(usize::MAX)
            .min(lines.len());
        let first = lines[..upto]
            .iter()
            .rposition(|l| is_marker(l))
            .map_or(1, |i| i + 2);
        Text {
            lines,
            first: u32::try_from(first).unwrap_or(u32::MAX),
        }
    }

    fn line(&self, n: u32) -> Option<&'t str> {
        self.lines
            .get(usize::try_from(n).ok()?.checked_sub(1)?)
            .copied()
    }

    fn char_at(&self, at: Pos) -> Option<char> {
        self.line(at.line)?
            .chars()
            .nth(usize::try_from(at.col).ok()?)
    }

    /// The lines of the document before line `n`, with their numbers.
    fn before(&self, n: u32) -> impl Iterator<Item = (u32, &'t str)> + '_ {
        (self.first..n).filter_map(|i| self.line(i).map(|l| (i, l)))
    }

    /// The content line before line `n` in the document.
    fn previous(&self, n: u32) -> Option<(u32, &'t str)> {
        self.before(n).filter(|(_, l)| is_content(l)).last()
    }

    /// The keys open above line `n` and the block text it may be in, read from the start
    /// of its document.
    fn context(&self, n: u32) -> Context {
        let mut cx = Context::default();
        let mut flow = FlowScan::default();
        for (i, text) in self.before(n) {
            let in_flow = flow.depth() > 0 || flow.in_quote.is_some();
            flow.scan_line(i, text);
            if !is_content(text) || in_flow {
                continue;
            }
            let line = parse_line(text);
            if let Some((key, first)) = &mut cx.text {
                if line.indent > key.col {
                    first.get_or_insert(line.indent);
                    continue;
                }
                cx.text = None;
            }
            cx.keys.retain(|l| l.col < line.indent);
            if line.item {
                cx.keys.push(Level {
                    col: line.indent,
                    key: strip_comment(text.trim()).chars().take(30).collect(),
                    line: i,
                    item: true,
                });
            }
            if let Some(key) = line.key {
                let level = Level {
                    col: line.body_col,
                    key: key.to_owned(),
                    line: i,
                    item: false,
                };
                if is_block_header(line.value) {
                    cx.text = Some((level.clone(), None));
                }
                cx.keys.push(level);
            }
        }
        cx
    }

    /// A line whose indentation matches no key above it.
    fn indent_mistake(&self, n: u32) -> Option<(Mistake, Span)> {
        let text = self.line(n)?;
        let line = parse_line(text);
        let cx = self.context(n);
        if let Some((key, first)) = &cx.text
            && line.indent > key.col
        {
            let column = first.unwrap_or(key.col + 2);
            let mistake = Mistake::TextIndent {
                key: key.key.clone(),
                column,
            };
            return Some((mistake, self.content_span(n)));
        }
        // A list item lines up with the items above it or with a key; a key only with
        // keys (at an item's dash it would start a mapping inside the list).
        let candidates: Vec<&Level> = cx.keys.iter().filter(|k| line.item || !k.item).collect();
        if candidates.iter().any(|k| k.col == line.indent) {
            return match line.item {
                true => self.list_item(n),
                false => None,
            };
        }
        // The nearest in indentation; of two as near, the deeper (the line above).
        let nearest = candidates
            .into_iter()
            .min_by_key(|k| (k.col.abs_diff(line.indent), std::cmp::Reverse(k.col)))?;
        let mistake = Mistake::Indent {
            key: what(&line, text),
            above: nearest.key.clone(),
            above_line: nearest.line,
            above_item: nearest.item,
            column: nearest.col,
            deeper: line.indent > nearest.col,
        };
        Some((mistake, self.content_span(n)))
    }

    /// The span of a line's content, from its first character to its end.
    fn content_span(&self, n: u32) -> Span {
        let text = self.line(n).unwrap_or_default();
        let indent = text.len() - text.trim_start().len();
        let end = chars(strip_comment(text.trim_end()));
        Span::new(
            Pos::new(n as usize, chars(&text[..indent])),
            Pos::new(n as usize, end),
        )
    }

    /// The first line of the document indented while the line at `n` is not.
    fn indented_start(&self, n: u32) -> Option<(Mistake, Span)> {
        let (first_n, first) = self.before(n).find(|(_, l)| is_content(l))?;
        let line = parse_line(first);
        let at = parse_line(self.line(n)?);
        if line.indent == 0 || at.indent >= line.indent {
            return None;
        }
        let mistake = Mistake::IndentedStart {
            key: what(&line, first),
            spaces: line.indent,
        };
        Some((mistake, self.content_span(first_n)))
    }

    /// A value with `: ` in it: the scanner stops at that colon, after the line's key.
    fn colon_in_value(&self, at: Pos) -> Option<(Mistake, Span)> {
        let text = self.line(at.line)?;
        let line = parse_line(text);
        let key = line.key?;
        if at.col as usize <= line.colon_col || line.value.is_empty() {
            return None;
        }
        let mistake = Mistake::ColonInValue {
            key: key.to_owned(),
            quoted: quoted(line.value),
        };
        let span = Span::new(
            Pos::new(at.line as usize, line.value_col),
            Pos::new(at.line as usize, line.value_col + chars(line.value)),
        );
        Some((mistake, span))
    }

    /// `key:value` or `-item` without the space, on the line the scanner stopped at or the
    /// one before (a text that runs on is read up to where it cannot go on).
    fn no_space(&self, n: u32) -> Option<(Mistake, Span)> {
        let here = self.line(n).map(|l| (n, l));
        for (i, text) in here.into_iter().chain(self.previous(n)) {
            let body = text.trim_start();
            let start = chars(&text[..text.len() - body.len()]);
            let word = body.split([' ', '\t']).next().unwrap_or_default();
            if let Some(rest) = word.strip_prefix('-')
                && !rest.is_empty()
                && !rest.starts_with('-')
            {
                let span = Span::new(Pos::new(i as usize, start), Pos::new(i as usize, start + 1));
                let mistake = Mistake::NoSpace {
                    mark: '-',
                    text: word.to_owned(),
                };
                return Some((mistake, span));
            }
            if let Some(colon) = word.find(':')
                && colon > 0
                && colon + 1 < word.len()
                && !word.contains("://")
            {
                let col = start + chars(&word[..colon]);
                let span = Span::new(Pos::new(i as usize, col), Pos::new(i as usize, col + 1));
                let mistake = Mistake::NoSpace {
                    mark: ':',
                    text: word.to_owned(),
                };
                return Some((mistake, span));
            }
        }
        self.no_colon(n)
    }

    /// The line before `n` lines up with the keys around it but has no `:`: a key written
    /// without its colon, which YAML read as text until the next line.
    fn no_colon(&self, n: u32) -> Option<(Mistake, Span)> {
        let (i, text) = self.previous(n)?;
        let line = parse_line(text);
        let body = strip_comment(text.trim());
        if line.key.is_some() || line.item || body.contains(':') {
            return None;
        }
        if !self
            .context(i)
            .keys
            .iter()
            .any(|k| !k.item && k.col == line.indent)
        {
            return None;
        }
        let (key, value) = match body.split_once('=') {
            Some((k, v)) => (k.trim(), v.trim()),
            None => body.split_once(' ').map(|(k, v)| (k, v.trim()))?,
        };
        let mistake = Mistake::NoColon {
            text: body.to_owned(),
            fixed: format!("{key}: {value}"),
        };
        Some((mistake, self.content_span(i)))
    }

    /// A tab right after `:` or `-` on the line the scanner stopped at.
    fn tab_after(&self, info: &str, at: Pos) -> Option<(Mistake, Span)> {
        let mark = info.chars().nth(1)?;
        let text = self.line(at.line)?;
        let pattern = format!("{mark}\t");
        let byte = text.find(&pattern)?;
        let col = chars(&text[..byte]) + 1;
        let span = Span::new(
            Pos::new(at.line as usize, col),
            Pos::new(at.line as usize, col + 1),
        );
        Some((Mistake::TabAfter { mark }, span))
    }

    /// A quote opened at (or before, on its line) where the scanner stopped.
    fn unclosed_quote(&self, at: Pos) -> Option<(Mistake, Span)> {
        let text = self.line(at.line)?;
        let head: String = text.chars().take(at.col as usize + 1).collect();
        let (byte, quote) = head
            .char_indices()
            .rev()
            .find(|(_, c)| matches!(c, '"' | '\''))?;
        let col = chars(&head[..byte]);
        let span = Span::new(
            Pos::new(at.line as usize, col),
            Pos::new(at.line as usize, chars(text.trim_end())),
        );
        Some((Mistake::UnclosedQuote { quote }, span))
    }

    /// Text after the closing quote of a value: the value from its opening quote.
    fn after_quote(&self, at: Pos) -> Option<(Mistake, Span)> {
        let text = self.line(at.line)?;
        let line = parse_line(text);
        let value = line.value.trim_end();
        let quote = value.chars().next().filter(|c| matches!(c, '"' | '\''))?;
        let inner = value[1..].strip_suffix(quote).unwrap_or(&value[1..]);
        // Inside single quotes only the apostrophe is special (written twice); a text with
        // double quotes in it is written whole inside single ones.
        let quoted = match quote {
            '\'' => format!("'{}'", inner.replace("''", "'").replace('\'', "''")),
            _ => format!("'{}'", value.replace('\'', "''")),
        };
        let span = Span::new(
            Pos::new(at.line as usize, line.value_col),
            Pos::new(at.line as usize, line.value_col + chars(value)),
        );
        Some((Mistake::AfterQuote { quote, quoted }, span))
    }

    /// A value starting with a reserved character.
    fn reserved_start(&self, at: Pos) -> Option<(Mistake, Span)> {
        let text = self.line(at.line)?;
        let ch = self.char_at(at)?;
        let rest: String = text.chars().skip(at.col as usize).collect();
        let value = strip_comment(rest.trim_end());
        let span = Span::new(
            at,
            Pos::new(at.line as usize, at.col as usize + chars(value)),
        );
        let mistake = Mistake::ReservedStart {
            ch,
            quoted: quoted(value),
        };
        Some((mistake, span))
    }

    /// `key: - item`: a list cannot start on its key's line.
    fn list_on_key_line(&self, at: Pos) -> Option<(Mistake, Span)> {
        let line = parse_line(self.line(at.line)?);
        let key = line.key.filter(|_| line.value.starts_with('-'))?;
        let span = Span::new(
            Pos::new(at.line as usize, line.value_col),
            Pos::new(at.line as usize, line.value_col + chars(line.value)),
        );
        let mistake = Mistake::ListOnKeyLine {
            key: key.to_owned(),
        };
        Some((mistake, span))
    }

    /// A list item where the mapping above expects a key.
    fn list_item(&self, n: u32) -> Option<(Mistake, Span)> {
        let text = self.line(n)?;
        let line = parse_line(text);
        let cx = self.context(n);
        let keys: Vec<&Level> = cx.keys.iter().filter(|k| !k.item).collect();
        let above = keys
            .iter()
            .rev()
            .find(|k| k.col <= line.indent)
            .or(keys.last())?;
        let mistake = Mistake::ListItem {
            above: above.key.clone(),
        };
        Some((mistake, self.content_span(n)))
    }

    /// A `[` or `{` open where the scanner stopped: never closed (point at it), or closed
    /// on a later line indented too little (a flow indentation error).
    fn bracket_mistake(&self, info: &str, at: Pos) -> Option<(Mistake, Span)> {
        let mut scan = FlowScan::default();
        for (i, text) in self.before(at.line) {
            scan.scan_line(i, text);
        }
        let here = self.line(at.line).unwrap_or_default();
        let head: String = here.chars().take(at.col as usize).collect();
        scan.scan_line(at.line, &head);
        let (open_at, open) = *scan.open.last()?;
        // Is it closed further on, before the document ends?
        let depth = scan.depth();
        let tail: String = here.chars().skip(at.col as usize).collect();
        scan.scan_line(at.line, &tail);
        let mut closed = scan.depth() < depth;
        let mut n = at.line + 1;
        while !closed && let Some(text) = self.line(n) {
            if is_marker(text) {
                break;
            }
            scan.scan_line(n, text);
            closed = scan.depth() < depth;
            n += 1;
        }
        if closed {
            if !info.starts_with("invalid indentation") {
                return None;
            }
            let key = self
                .context(open_at.line + 1)
                .keys
                .last()
                .map(|k| k.key.clone())
                .unwrap_or_default();
            return Some((Mistake::FlowIndent { key }, self.content_span(at.line)));
        }
        let close = if open == '[' { ']' } else { '}' };
        let span = Span::new(
            open_at,
            Pos::new(open_at.line as usize, open_at.col as usize + 1),
        );
        Some((Mistake::UnclosedBracket { open, close }, span))
    }
}

/// A rough reading of flow collections and quotes, line by line: enough to tell which
/// brackets are open at a place, skipping brackets inside quotes and comments.
#[derive(Default)]
struct FlowScan {
    /// Open brackets, innermost last.
    open: Vec<(Pos, char)>,
    /// A quoted text running over lines.
    in_quote: Option<char>,
}

impl FlowScan {
    fn depth(&self) -> usize {
        self.open.len()
    }

    fn scan_line(&mut self, n: u32, text: &str) {
        // The last character that was not a space: a quote or a bracket starts a value
        // only after one of these (or at the start of the line).
        let mut prev: Option<char> = None;
        let mut it = text.chars().enumerate().peekable();
        while let Some((col, c)) = it.next() {
            if let Some(q) = self.in_quote {
                match c {
                    '\\' if q == '"' => {
                        it.next();
                    }
                    '\'' if q == '\'' && it.peek().is_some_and(|(_, n)| *n == '\'') => {
                        it.next();
                    }
                    _ if c == q => {
                        self.in_quote = None;
                        prev = Some(c);
                    }
                    _ => {}
                }
                continue;
            }
            let starts_value = prev.is_none_or(|p| matches!(p, ':' | '-' | ',' | '[' | '{' | '?'));
            match c {
                ' ' | '\t' => {
                    if it.peek().is_some_and(|(_, n)| *n == '#') {
                        return;
                    }
                    continue;
                }
                '#' if prev.is_none() => return,
                '"' | '\'' if starts_value => self.in_quote = Some(c),
                '[' | '{' if starts_value || !self.open.is_empty() => {
                    self.open.push((Pos::new(n as usize, col), c));
                }
                ']' | '}' if !self.open.is_empty() => {
                    self.open.pop();
                }
                _ => {}
            }
            prev = Some(c);
        }
    }
}

/// The lines of a text that holds a tab, for the one check `saphyr-parser` leaves out: a
/// block collection may not start on the line of a `?`, `:` or `-` that a tab follows
/// (YAML 1.2, 8.2.1: the indentation of a compact collection is spaces), so `-<TAB>key: v`
/// and `  :<TAB>key: v` after an explicit key are errors that the scanner reads as valid.
pub(super) struct TabLines<'t> {
    lines: Vec<&'t str>,
}

impl<'t> TabLines<'t> {
    /// The lines of `text` when it holds a tab; a text without one needs no check.
    pub(super) fn of(text: &'t str) -> Option<TabLines<'t>> {
        memchr::memchr(b'\t', text.as_bytes())?;
        Some(TabLines {
            lines: text.lines().collect(),
        })
    }

    /// The tab before a block collection that starts at `at`, after an indicator on the
    /// same line, as the mistake it is.
    pub(super) fn before_collection(&self, at: Pos) -> Option<(Mistake, Span)> {
        let line = self.lines.get((at.line as usize).checked_sub(1)?)?;
        let (byte, first) = line.char_indices().nth(at.col as usize)?;
        if matches!(first, '[' | '{') {
            return None;
        }
        let before = &line[..byte];
        let gap = before.len() - before.trim_end_matches([' ', '\t']).len();
        let head = &before[..before.len() - gap];
        let mark = head.chars().next_back()?;
        if !matches!(mark, '?' | ':' | '-') || !before[head.len()..].contains('\t') {
            return None;
        }
        // `?` and `-` are indicators only where they start a token; a key's colon is
        // always one.
        let starts_token = head[..head.len() - 1]
            .chars()
            .next_back()
            .is_none_or(|c| c == ' ' || c == '\t');
        if mark != ':' && !starts_token {
            return None;
        }
        let tab = head.len() + before[head.len()..].find('\t')?;
        let col = chars(&line[..tab]);
        let span = Span::new(
            Pos::new(at.line as usize, col),
            Pos::new(at.line as usize, col + 1),
        );
        Some((Mistake::TabAfter { mark }, span))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_read_as_block_structure() {
        let l = parse_line("  - rule: X # note");
        assert_eq!((l.indent, l.body_col, l.item), (2, 4, true));
        assert_eq!((l.key, l.colon_col, l.value), (Some("rule"), 8, "X"));
        assert_eq!(parse_line("name: Avd: IT").value, "Avd: IT");
        assert_eq!(parse_line("- a").key, None);
        assert_eq!(parse_line("\"a b\": c").key, Some("\"a b\""));
        assert_eq!(parse_line("url: https://x").key, Some("url"));
    }

    #[test]
    fn brackets_in_quotes_and_comments_are_not_counted() {
        let mut s = FlowScan::default();
        s.scan_line(1, "a: '[x' # [y");
        s.scan_line(2, "b: [c, \"]\"");
        assert_eq!(s.open, [(Pos::new(2, 3), '[')]);
        s.scan_line(3, "  d]");
        assert!(s.open.is_empty());
        let mut s = FlowScan::default();
        s.scan_line(1, "notes: it's [fine]");
        assert!(s.open.is_empty() && s.in_quote.is_none());
    }
}
