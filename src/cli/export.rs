//! `isms export`: every valid record with its findings, as one JSON document or one CSV
//! file per kind, for spreadsheets and county-wide roll-ups.
//!
//! The CSV files open as they are in Excel: a UTF-8 byte order mark (without it Excel
//! reads UTF-8 as the system's legacy code page) and the separator of the run's language
//! (Swedish Excel splits on `;`, its decimal sign being the comma; English on `,`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use clap::ValueEnum;
use serde_json::{Map, Value, json};

use crate::config::Language;
use crate::diagnostic::Diagnostic;
use crate::model::{Date, Kind};
use crate::render::json::JsonFinding;
use crate::repo::session::Session;
use crate::rules::Selection;

use super::{Clock, Common, Needs};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    common: Common,
    /// Output format
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// Write into this folder (isms.json, or KIND.csv per kind) instead of standard output;
    /// never an existing file, never a non-empty folder inside the repository
    #[arg(long, short, value_name = "DIR")]
    output: Option<PathBuf>,
    /// The CSV files' field separator [default: `semicolon` when the language is Swedish,
    /// as Swedish Excel expects, else `comma`]
    #[arg(long, value_enum, value_name = "SEP")]
    csv_separator: Option<Separator>,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Json,
    Csv,
}

/// A CSV dialect's field separator.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
pub enum Separator {
    /// `,`: RFC 4180, and Excel in English-speaking locales.
    Comma,
    /// `;`: Excel where the comma is the decimal sign (Swedish); fractions are written
    /// with a decimal comma too, so that Excel reads them as numbers.
    Semicolon,
}

impl Separator {
    /// `--csv-separator`, else the one Excel expects in the run's language.
    pub fn or_language(separator: Option<Separator>, lang: Language) -> Separator {
        separator.unwrap_or(match lang {
            Language::Sv => Separator::Semicolon,
            Language::En => Separator::Comma,
        })
    }

    fn char(self) -> char {
        match self {
            Separator::Comma => ',',
            Separator::Semicolon => ';',
        }
    }
}

/// The UTF-8 byte order mark each CSV file starts with: Excel reads a file without it in
/// the system's legacy code page (Windows-1252), which garbles å, ä and ö.
pub const BOM: char = '\u{feff}';

pub fn run(args: Args, clock: Clock) -> Result<u8> {
    if args.format == Format::Csv && args.output.is_none() {
        anyhow::bail!("`isms export --format csv` writes one file per kind: give -o DIR");
    }
    if args.format != Format::Csv && args.csv_separator.is_some() {
        anyhow::bail!("--csv-separator applies to `--format csv` only");
    }
    let (session, as_of) = super::open(&args.common, Needs::Findings, clock)?;
    super::refuse_unread_settings(&session)?;
    if let Some(dir) = &args.output {
        check_output_dir(dir, &session.root)?;
    }
    let files = match args.format {
        Format::Json => vec![("isms.json".to_owned(), json(&session, as_of))],
        Format::Csv => {
            let separator = Separator::or_language(args.csv_separator, session.config.language);
            csv(&session, as_of, separator)
        }
    };
    match &args.output {
        Some(dir) => write_files(dir, &files)?,
        None => super::emit(&files[0].1)?,
    }
    super::exit_without_drop(session);
    Ok(0)
}

/// Each kind's records as JSON objects, each with a `findings` array, kind by kind.
fn records(session: &Session, as_of: Date) -> Vec<(Kind, Vec<Map<String, Value>>)> {
    let result = crate::check::check(session, as_of, &Selection::default());
    let mut by_record: HashMap<(Kind, String), Vec<&Diagnostic>> = HashMap::new();
    for d in &result.findings {
        if let (Some(k), Some(id)) = (d.kind, &d.id) {
            by_record.entry((k, id.to_lowercase())).or_default().push(d);
        }
    }
    Kind::ALL
        .into_iter()
        .map(|kind| {
            let list = session
                .repo
                .entries(kind)
                .into_iter()
                .map(|e| {
                    let mut fields = match e.record.to_json() {
                        Value::Object(m) => m,
                        _ => Map::new(),
                    };
                    let findings: Vec<JsonFinding<'_>> = by_record
                        .get(&(kind, e.record.id().to_lowercase()))
                        .map(|ds| ds.iter().map(|d| JsonFinding::from(d)).collect())
                        .unwrap_or_default();
                    fields.insert("findings".into(), json!(findings));
                    fields
                })
                .collect();
            (kind, list)
        })
        .collect()
}

/// The whole export as one JSON document: `{as_of, records: {kind: [...]}}`.
pub fn json(session: &Session, as_of: Date) -> String {
    let mut kinds = Map::new();
    for (kind, list) in records(session, as_of) {
        kinds.insert(
            kind.as_str().into(),
            Value::Array(list.into_iter().map(Value::Object).collect()),
        );
    }
    let doc = json!({"as_of": as_of.to_string(), "records": kinds});
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

/// One CSV text per kind that has records, separated by `separator` and starting with the
/// byte order mark: `(file name, text)`.
pub fn csv(session: &Session, as_of: Date, separator: Separator) -> Vec<(String, String)> {
    records(session, as_of)
        .into_iter()
        .filter(|(_, list)| !list.is_empty())
        .map(|(kind, list)| {
            // Every record of a kind serialises the same fields; the first names them.
            // The id first, the findings last, the fields in between by name.
            let mut header: Vec<String> = list[0].keys().cloned().collect();
            header.sort_by_key(|k| (k != "id", k == "findings", k.clone()));
            let mut text = String::from(BOM);
            text.push_str(&csv_line(header.iter().map(String::as_str), separator));
            for rec in &list {
                let cells: Vec<String> = header
                    .iter()
                    .map(|k| csv_cell(rec.get(k).unwrap_or(&Value::Null), separator))
                    .collect();
                text.push_str(&csv_line(cells.iter().map(String::as_str), separator));
            }
            (format!("{}.csv", kind.as_str()), text)
        })
        .collect()
}

/// Scalars as text, nested values as JSON text. Next to `;` a fraction takes the decimal
/// comma of the locales that separate by `;`, so that Excel reads it as a number. Text that
/// a spreadsheet would evaluate as a formula is neutralised ([`neutralised`]).
pub(super) fn csv_cell(v: &Value, separator: Separator) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => neutralised(s),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) if separator == Separator::Semicolon => n.to_string().replace('.', ","),
        Value::Number(n) => n.to_string(),
        other => other.to_string(),
    }
}

/// Text that starts with a character a spreadsheet reads as the start of a formula (`=`,
/// `+`, `-`, `@`, a tab or a carriage return) gets a leading apostrophe, so that Excel and
/// LibreOffice show it as text instead of evaluating it (OWASP, "CSV injection"): a record
/// titled `=HYPERLINK(...)` must not become a live link in the reader's spreadsheet.
/// Numbers are written as numbers, never as text, so a negative number is untouched.
fn neutralised(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// RFC 4180 with `separator` in place of the comma: fields holding the separator, a quote
/// or a line break are quoted, quotes doubled; records end with CRLF.
pub(super) fn csv_line<'a>(cells: impl Iterator<Item = &'a str>, separator: Separator) -> String {
    let sep = separator.char();
    let quoted: Vec<String> = cells
        .map(|c| {
            if c.contains([sep, '"', '\n', '\r']) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c.to_owned()
            }
        })
        .collect();
    let mut line = quoted.join(&sep.to_string());
    line.push_str("\r\n");
    line
}

/// Checks that `dir` may receive the export: outside the repository, or a new or empty
/// folder inside it, so that records are never overwritten or mixed with exports.
pub fn check_output_dir(dir: &Path, repo_root: &Path) -> Result<()> {
    let root = repo_root
        .canonicalize()
        .with_context(|| format!("cannot open repository {}", repo_root.display()))?;
    let target = resolve(dir);
    if target.starts_with(&root) && dir.exists() {
        anyhow::ensure!(dir.is_dir(), "{} is not a folder", dir.display());
        let empty = std::fs::read_dir(dir)
            .with_context(|| format!("cannot read {}", dir.display()))?
            .next()
            .is_none();
        anyhow::ensure!(
            empty,
            "refusing to export into {}: it is inside the ISMS repository and not empty; \
             choose a new or empty folder, or one outside the repository",
            dir.display()
        );
    }
    Ok(())
}

/// The absolute form of a path that may not exist yet: its nearest existing ancestor,
/// canonicalised, with the rest appended.
fn resolve(path: &Path) -> PathBuf {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut rest = Vec::new();
    let mut cur = abs.as_path();
    loop {
        if let Ok(c) = cur.canonicalize() {
            let mut out = c;
            for part in rest.iter().rev() {
                out.push(part);
            }
            return out;
        }
        match (cur.file_name(), cur.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_owned());
                cur = parent;
            }
            _ => return abs,
        }
    }
}

/// Writes the files into `dir` (created when missing), never overwriting one.
pub fn write_files(dir: &Path, files: &[(String, String)]) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    for (name, _) in files {
        let path = dir.join(name);
        anyhow::ensure!(
            !path.exists(),
            "refusing to overwrite {}; remove it or export to another folder",
            path.display()
        );
    }
    for (name, text) in files {
        let path = dir.join(name);
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .with_context(|| format!("cannot write {}", path.display()))?;
        std::io::Write::write_all(&mut f, text.as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_a_spreadsheet_would_evaluate_is_neutralised() {
        for formula in [
            "=HYPERLINK(\"http://x\")",
            "+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            let cell = csv_cell(&Value::String(formula.into()), Separator::Comma);
            assert_eq!(cell, format!("'{formula}"));
        }
        assert_eq!(
            csv_cell(&Value::String("Socialnämnden".into()), Separator::Comma),
            "Socialnämnden"
        );
        assert_eq!(csv_cell(&serde_json::json!(-5), Separator::Comma), "-5");
    }

    const CELLS: [&str; 6] = ["plain", "a,b", "c;d", "say \"hi\"", "two\nlines", ""];

    #[test]
    fn csv_quotes_per_rfc_4180() {
        let line = csv_line(CELLS.into_iter(), Separator::Comma);
        assert_eq!(
            line,
            "plain,\"a,b\",c;d,\"say \"\"hi\"\"\",\"two\nlines\",\r\n"
        );
    }

    #[test]
    fn csv_with_semicolons_quotes_the_semicolon_not_the_comma() {
        let line = csv_line(CELLS.into_iter(), Separator::Semicolon);
        assert_eq!(
            line,
            "plain;a,b;\"c;d\";\"say \"\"hi\"\"\";\"two\nlines\";\r\n"
        );
    }

    #[test]
    fn fractions_take_the_decimal_comma_next_to_semicolons_only() {
        let v = json!(2.5);
        assert_eq!(csv_cell(&v, Separator::Semicolon), "2,5");
        assert_eq!(csv_cell(&v, Separator::Comma), "2.5");
        assert_eq!(csv_cell(&json!(3), Separator::Semicolon), "3");
        // Nested values stay JSON text, whatever the separator.
        assert_eq!(csv_cell(&json!([1.5]), Separator::Semicolon), "[1.5]");
    }

    #[test]
    fn the_separator_follows_the_language_unless_given() {
        assert_eq!(
            Separator::or_language(None, Language::Sv),
            Separator::Semicolon
        );
        assert_eq!(Separator::or_language(None, Language::En), Separator::Comma);
        let given = Some(Separator::Comma);
        assert_eq!(
            Separator::or_language(given, Language::Sv),
            Separator::Comma
        );
    }
}
