//! `isms.toml`: the organisation's settings and every rule threshold, with defaults.
//!
//! Unknown keys are refused with a suggestion, since a misspelt threshold would silently
//! keep its default.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use serde::{Deserialize, Serialize};

use crate::diagnostic::Severity;
use crate::l10n::Args;
use crate::util::suggest::closest;

/// The file name searched for upwards from the working directory.
pub const FILE_NAME: &str = "isms.toml";

pub use crate::l10n::Language;

/// A rule's configured severity, or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleLevel {
    Off,
    Severity(Severity),
}

/// Steering-document thresholds (`[policies]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Policies {
    pub warn_age_years: u32,
    pub max_age_years: u32,
    pub draft_max_age_months: u32,
    pub required_types: Vec<String>,
    pub required_topics: Vec<String>,
}

impl Default for Policies {
    fn default() -> Self {
        Policies {
            warn_age_years: 3,
            max_age_years: 5,
            draft_max_age_months: 12,
            required_types: vec!["information_security_policy".into(), "guideline".into()],
            required_topics: vec![
                "incident_management".into(),
                "classification".into(),
                "continuity".into(),
                "cloud_services".into(),
            ],
        }
    }
}

/// Security-culture thresholds (`[training]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TrainingCfg {
    pub completion_target: f64,
    pub phishing_click_rate_max: f64,
}

impl Default for TrainingCfg {
    fn default() -> Self {
        TrainingCfg {
            completion_target: 0.9,
            phishing_click_rate_max: 0.1,
        }
    }
}

/// Cybersecurity-law settings (`[cybersecurity]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CybersecurityCfg {
    /// Management-body training must be this recent (NIS002).
    pub management_training_months: u32,
    /// The registration deadline, where the organisation knows it better than the registry
    /// (whose date is marked uncertain): NIS001 reads this one when it is set.
    #[serde(deserialize_with = "toml_date")]
    pub registration_deadline: Option<crate::model::Date>,
}

impl Default for CybersecurityCfg {
    fn default() -> Self {
        CybersecurityCfg {
            management_training_months: 12,
            registration_deadline: None,
        }
    }
}

/// A date written as a TOML date (`2026-03-01`) or as a string (`"2026-03-01"`).
fn toml_date<'de, D>(d: D) -> std::result::Result<Option<crate::model::Date>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let text = match toml::Value::deserialize(d)? {
        toml::Value::String(s) => s,
        toml::Value::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => dt.to_string(),
        _ => return Err(serde::de::Error::custom("expected a date, YYYY-MM-DD")),
    };
    crate::model::Date::parse(&text)
        .map(Some)
        .map_err(serde::de::Error::custom)
}

/// Supplier settings (`[suppliers]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SuppliersCfg {
    /// A critical supplier's security assessment must be this recent (SUP002).
    pub supplier_assessment_max_age_months: u32,
}

impl Default for SuppliersCfg {
    fn default() -> Self {
        SuppliersCfg {
            supplier_assessment_max_age_months: 24,
        }
    }
}

/// Every other threshold. Written in `[thresholds]` or, as the spec names them, at the top
/// level of `isms.toml`; both are read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Thresholds {
    pub council_meetings_per_year: u32,
    pub classification_max_age_months: u32,
    pub risk_max_age_months: u32,
    pub risk_appetite_max: u32,
    pub pentest_max_age_months: u32,
    pub vulnerability_scan_max_age_months: u32,
    pub verify_interval_months: u32,
    pub evaluation_finding_max_days_critical: u32,
    pub evaluation_finding_max_days_high: u32,
    pub incident_open_max_days: u32,
    pub exercise_max_age_months: u32,
    pub activity_overdue_error_days: u32,
    pub management_review_max_age_months: u32,
    pub audit_max_age_months: u32,
    pub follow_up_max_age_months: u32,
    pub training_window_months: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            council_meetings_per_year: 4,
            classification_max_age_months: 24,
            risk_max_age_months: 12,
            risk_appetite_max: 8,
            pentest_max_age_months: 12,
            vulnerability_scan_max_age_months: 12,
            verify_interval_months: 12,
            evaluation_finding_max_days_critical: 30,
            evaluation_finding_max_days_high: 90,
            incident_open_max_days: 60,
            exercise_max_age_months: 12,
            activity_overdue_error_days: 90,
            management_review_max_age_months: 12,
            audit_max_age_months: 24,
            follow_up_max_age_months: 12,
            training_window_months: 12,
        }
    }
}

/// The settings in force for one run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Config {
    pub organisation: Option<String>,
    pub language: Language,
    pub timezone: String,
    pub exclude: Vec<String>,
    pub policies: Policies,
    pub training: TrainingCfg,
    pub thresholds: Thresholds,
    /// The frameworks the organisation declares a statement of applicability for (FRM).
    pub frameworks: Vec<String>,
    pub cybersecurity: CybersecurityCfg,
    pub suppliers: SuppliersCfg,
    /// Per-rule severity overrides by code.
    pub rules: BTreeMap<String, RuleLevel>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            organisation: None,
            language: Language::Sv,
            timezone: "Europe/Stockholm".into(),
            exclude: Vec::new(),
            policies: Policies::default(),
            training: TrainingCfg::default(),
            thresholds: Thresholds::default(),
            frameworks: Vec::new(),
            cybersecurity: CybersecurityCfg::default(),
            suppliers: SuppliersCfg::default(),
            rules: BTreeMap::new(),
        }
    }
}

const TOP_KEYS: &[&str] = &[
    "organisation",
    "language",
    "timezone",
    "exclude",
    "policies",
    "training",
    "thresholds",
    "frameworks",
    "cybersecurity",
    "suppliers",
    "rules",
];

fn threshold_keys() -> Vec<String> {
    match toml::Value::try_from(Thresholds::default()) {
        Ok(toml::Value::Table(t)) => t.keys().cloned().collect(),
        _ => Vec::new(),
    }
}

fn section_keys<T: Serialize + Default>() -> Vec<String> {
    // JSON keeps the settings whose default is none (TOML has no null and drops them).
    match serde_json::to_value(T::default()) {
        Ok(serde_json::Value::Object(m)) => m.keys().cloned().collect(),
        _ => Vec::new(),
    }
}

/// A problem with `isms.toml`, as data: where it is, the setting it concerns and the values
/// REC001 says it with (the message `REC001-config`, selected on `problem`). The setting
/// keeps its default and the rest of the file is read.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// 1-based line.
    pub line: usize,
    /// 0-based column, in characters, of what to change, and its width.
    pub column: usize,
    pub width: usize,
    /// The setting as a JSON pointer (`/training/completion_target`); empty when the
    /// problem is the file's.
    pub setting: String,
    pub args: Args,
}

impl Problem {
    /// The problem as the error of a command that cannot report it as a finding.
    fn refusal(&self) -> anyhow::Error {
        let what = match self.setting.rsplit('/').next() {
            Some(key) if !key.is_empty() => format!("`{key}` cannot be read"),
            _ => "the file cannot be read".to_owned(),
        };
        anyhow::anyhow!(
            "{FILE_NAME}:{}:{}: {what}; `isms validate` says what is wrong",
            self.line,
            self.column + 1
        )
    }
}

/// Syntax errors one file is read past: each one costs a parse of the file.
const MAX_SYNTAX_ERRORS: usize = 16;

impl Config {
    /// Reads `isms.toml` in `root`; a missing file gives the defaults. A file with problems
    /// is refused (`read` reports them instead).
    pub fn load(root: &Path) -> Result<Config> {
        let (config, problems) = Config::read(root)?;
        match problems.first() {
            Some(p) => Err(p.refusal()),
            None => Ok(config),
        }
    }

    /// Reads `isms.toml` in `root` with its problems: each setting that cannot be read keeps
    /// its default, and the rest applies. A missing file gives the defaults; only a file
    /// that cannot be read at all is an error. It is read like a record: a regular file
    /// (not a link, which anyone who can commit could point at `/dev/zero` or a file
    /// outside the repository, nor a pipe) of bounded size.
    pub fn read(root: &Path) -> Result<(Config, Vec<Problem>)> {
        let path = root.join(FILE_NAME);
        if std::fs::symlink_metadata(&path).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
        {
            return Ok((Config::default(), Vec::new()));
        }
        let text = crate::util::file::read_small_text(&path, false)
            .with_context(|| format!("cannot read {FILE_NAME}"))?;
        Ok(Config::parse_all(&text))
    }

    /// Reads an `isms.toml` that is not on disk (a git revision's) as [`Config::read`]
    /// reads the file: `size` is checked against the same limit before `bytes` reads it,
    /// then the text must be UTF-8.
    pub fn read_bytes(
        size: Option<u64>,
        bytes: impl FnOnce() -> Result<Vec<u8>>,
    ) -> Result<(Config, Vec<Problem>)> {
        use crate::util::file::{MAX_SMALL_FILE_BYTES, SmallFileError};
        if let Some(size) = size.filter(|s| *s > MAX_SMALL_FILE_BYTES) {
            return Err(SmallFileError::TooLarge(size, MAX_SMALL_FILE_BYTES))
                .with_context(|| format!("cannot read {FILE_NAME}"));
        }
        let bytes = bytes().with_context(|| format!("cannot read {FILE_NAME}"))?;
        if bytes.len() as u64 > MAX_SMALL_FILE_BYTES {
            return Err(SmallFileError::TooLarge(
                bytes.len() as u64,
                MAX_SMALL_FILE_BYTES,
            ))
            .with_context(|| format!("cannot read {FILE_NAME}"));
        }
        let text = String::from_utf8(bytes)
            .map_err(|_| SmallFileError::NotText)
            .with_context(|| format!("cannot read {FILE_NAME}"))?;
        Ok(Config::parse_all(&text))
    }

    /// Parses the text of an `isms.toml`, refusing one with problems; `known_rules` is
    /// checked by the caller.
    pub fn parse(text: &str) -> Result<Config> {
        let (config, problems) = Config::parse_all(text);
        match problems.first() {
            Some(p) => Err(p.refusal()),
            None => Ok(config),
        }
    }

    /// Parses the text of an `isms.toml` as far as it can be read, with its problems.
    pub fn parse_all(text: &str) -> (Config, Vec<Problem>) {
        let mut problems = Vec::new();
        let table = read_table(text, &mut problems);
        let thresholds_known = threshold_keys();
        let mut config = Config::default();
        let mut thresholds = toml::Table::new();
        let empty = toml::Table::new();
        let mut in_section = None;
        for (key, value) in &table {
            let wrong =
                |expected: Option<&'static str>| value_problem(text, None, key, value, expected);
            match key.as_str() {
                "organisation" => match value.as_str() {
                    Some(s) => config.organisation = Some(s.into()),
                    None => problems.push(wrong(None)),
                },
                "language" => match value.as_str() {
                    Some("sv") => config.language = Language::Sv,
                    Some("en") => config.language = Language::En,
                    _ => problems.push(wrong(Some("language"))),
                },
                "timezone" => match value.as_str() {
                    Some(tz) if zone(tz).is_some() => config.timezone = tz.into(),
                    Some(tz) => {
                        let (line, column, width) = locate(text, None, key).unwrap_or((1, 0, 0));
                        problems.push(Problem {
                            line,
                            column,
                            width,
                            setting: format!("/{key}"),
                            args: vec![("problem", "timezone".into()), ("found", tz.into())],
                        });
                    }
                    None => problems.push(wrong(None)),
                },
                "exclude" => match value.clone().try_into() {
                    Ok(globs) => config.exclude = globs,
                    Err(_) => problems.push(wrong(None)),
                },
                "policies" => {
                    config.policies = read_section(text, "policies", value, &mut problems);
                }
                "training" => {
                    config.training = read_section(text, "training", value, &mut problems);
                }
                "frameworks" => match value.clone().try_into() {
                    Ok(ids) => config.frameworks = ids,
                    Err(_) => problems.push(wrong(None)),
                },
                "cybersecurity" => {
                    config.cybersecurity =
                        read_section(text, "cybersecurity", value, &mut problems);
                }
                "suppliers" => {
                    config.suppliers = read_section(text, "suppliers", value, &mut problems);
                }
                "thresholds" => match value.as_table() {
                    Some(t) => {
                        check_keys(text, "thresholds", value, &thresholds_known, &mut problems);
                        in_section = Some(t);
                    }
                    None => problems.push(wrong(Some("table"))),
                },
                "rules" => match value.as_table() {
                    Some(t) => {
                        for (code, written) in t {
                            let level = match written.as_str() {
                                Some("off") => Some(RuleLevel::Off),
                                Some(s) => Severity::parse(s).map(RuleLevel::Severity),
                                None => None,
                            };
                            match level {
                                // Codes compare ignoring case, as in waivers and --select.
                                Some(l) => {
                                    config.rules.insert(code.trim().to_ascii_uppercase(), l);
                                }
                                None => problems.push(value_problem(
                                    text,
                                    Some("rules"),
                                    code,
                                    written,
                                    Some("level"),
                                )),
                            }
                        }
                    }
                    None => problems.push(wrong(Some("table"))),
                },
                k if thresholds_known.iter().any(|t| t == k) => {
                    thresholds.insert(key.clone(), value.clone());
                }
                _ => {
                    let mut known: Vec<&str> = TOP_KEYS.to_vec();
                    known.extend(thresholds_known.iter().map(String::as_str));
                    problems.push(unknown_key(text, None, key, known));
                }
            }
        }
        // Thresholds are read at the top level and in `[thresholds]`; the section's win.
        let tables = [
            (None, &thresholds),
            (Some("thresholds"), in_section.unwrap_or(&empty)),
        ];
        config.thresholds = read_values(text, &tables, &mut problems);
        problems.sort_by_key(|p| (p.line, p.column));
        (config, problems)
    }

    /// The configured time zone (validated when read).
    pub fn tz(&self) -> jiff::tz::TimeZone {
        zone(&self.timezone).unwrap_or(jiff::tz::TimeZone::UTC)
    }
}

/// A time zone by its IANA name, from the database built into `isms`. Not the system's:
/// dates then come out the same on every machine whatever its `tzdata`, and no start-up
/// time goes to listing `/usr/share/zoneinfo`.
///
/// Each thread keeps the last zone it looked up: a run has one zone, and reports ask for it
/// asset by asset (a rules' context each), where a lookup in the database costs more than
/// the figure.
pub fn zone(name: &str) -> Option<jiff::tz::TimeZone> {
    static BUNDLED: std::sync::OnceLock<jiff::tz::TimeZoneDatabase> = std::sync::OnceLock::new();
    thread_local! {
        static LAST: std::cell::RefCell<Option<(String, jiff::tz::TimeZone)>> =
            const { std::cell::RefCell::new(None) };
    }
    if let Some(tz) = LAST.with_borrow(|last| {
        last.as_ref()
            .filter(|(n, _)| n == name)
            .map(|(_, tz)| tz.clone())
    }) {
        return Some(tz);
    }
    let tz = BUNDLED
        .get_or_init(jiff::tz::TimeZoneDatabase::bundled)
        .get(name)
        .ok()?;
    LAST.set(Some((name.to_owned(), tz.clone())));
    Some(tz)
}

/// The TOML table of `text`. A syntax error is a problem at its line, and the file is
/// read again without that line, so that one bad line hides no other setting.
fn read_table(text: &str, problems: &mut Vec<Problem>) -> toml::Table {
    let mut work = text.to_owned();
    for _ in 0..MAX_SYNTAX_ERRORS {
        let e = match toml::from_str::<toml::Table>(&work) {
            Ok(table) => return table,
            Err(e) => e,
        };
        let offset = e.span().map_or(0, |s| s.start);
        let (mut line, _) = line_col(&work, offset);
        // Inside a list left open, the parser stops at a later line; the line to change
        // is the setting that opened the list.
        let problem = match open_list_above(&work, line) {
            Some(open) => {
                line = open;
                unclosed_list(&work, open)
            }
            None => syntax_problem(&work, line, offset, &e),
        };
        // A string or list left open runs on: the lines after it up to the next
        // setting or section are left out with it.
        let runs_on = matches!(
            problem.args.first(),
            Some((_, crate::l10n::Value::Text(t))) if t == "unclosed-quote" || t == "unclosed-bracket"
        );
        // A section header missing its `]` is read as closed, so that its settings stay
        // in their section.
        let header = problem.args.iter().find_map(|(n, v)| match (n, v) {
            (&"header", crate::l10n::Value::Text(h)) => Some(h.clone()),
            _ => None,
        });
        problems.push(problem);
        if let Some(header) = header {
            let name = header.trim_start_matches('[').trim_end_matches(']').trim();
            let mut lines: Vec<String> = work.split('\n').map(str::to_owned).collect();
            if let Some(l) = lines.get_mut(line - 1) {
                *l = format!("[{name}]");
            }
            let repaired = lines.join("\n");
            if repaired != work {
                work = repaired;
                continue;
            }
        }
        if !blank_lines(&mut work, line, runs_on) {
            break;
        }
    }
    toml::Table::new()
}

/// The line of a setting above line `line` whose list (`[`) is still open at `line`.
fn open_list_above(text: &str, line: usize) -> Option<usize> {
    let lines: Vec<&str> = text.lines().take(line.saturating_sub(1)).collect();
    let (i, (_, _, value)) = lines
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, l)| key_value(l).map(|kv| (i, kv)))?;
    let depth = |s: &str| {
        let s = s.split(" #").next().unwrap_or(s);
        s.matches('[').count() as isize - s.matches(']').count() as isize
    };
    let open: isize = depth(value) + lines[i + 1..].iter().map(|l| depth(l)).sum::<isize>();
    (value.starts_with('[') && open > 0).then_some(i + 1)
}

/// A list left open on line `line`, as a problem at its bracket.
fn unclosed_list(text: &str, line: usize) -> Problem {
    let line_text = text.lines().nth(line - 1).unwrap_or_default();
    let (key, column, _) = key_value(line_text).unwrap_or(("", 0, ""));
    Problem {
        line,
        column,
        width: 1,
        setting: pointer(section_of(text, line).as_deref(), key),
        args: vec![("problem", "unclosed-bracket".into()), ("key", key.into())],
    }
}

/// Empties line `line` (1-based) of `text`, and with `runs_on` the lines after it up to
/// the next one that starts a setting or a section; false when nothing was left to empty.
fn blank_lines(text: &mut String, line: usize, runs_on: bool) -> bool {
    let mut lines: Vec<&str> = text.split('\n').collect();
    let Some(first) = line.checked_sub(1).filter(|i| *i < lines.len()) else {
        return false;
    };
    if lines[first].trim().is_empty() {
        return false;
    }
    lines[first] = "";
    if runs_on {
        for l in lines.iter_mut().skip(first + 1) {
            let t = l.trim_start();
            if t.starts_with('[') || t.split_once('=').is_some_and(|(k, _)| is_bare_key(k)) {
                break;
            }
            *l = "";
        }
    }
    *text = lines.join("\n");
    true
}

/// Whether `key` (the text before `=`) is a key as TOML writes one: bare or quoted.
fn is_bare_key(key: &str) -> bool {
    let key = key.trim();
    !key.is_empty()
        && (key.starts_with('"')
            || key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')))
}

/// A line `key = value`: the key without quotes, the value's column and text (without a
/// comment).
fn key_value(line: &str) -> Option<(&str, usize, &str)> {
    let (key, rest) = line.split_once('=')?;
    if !is_bare_key(key) {
        return None;
    }
    let value = rest.trim_start();
    let column = line[..line.len() - value.len()].chars().count();
    let value = match value.starts_with(['"', '\'']) {
        true => value.trim_end(),
        false => value.split(" #").next().unwrap_or(value).trim_end(),
    };
    Some((key.trim().trim_matches('"'), column, value))
}

/// The section (`[training]`) that line `line` is in.
fn section_of(text: &str, line: usize) -> Option<String> {
    text.lines()
        .take(line.saturating_sub(1))
        .filter_map(|l| {
            let t = l.trim();
            t.strip_prefix('[')
                .map(|h| h.trim_end_matches(']').trim().to_owned())
        })
        .last()
}

/// A TOML syntax error at line `line` (byte `offset`) as a problem, in the user's terms
/// where the line shows what happened.
fn syntax_problem(text: &str, line: usize, offset: usize, e: &toml::de::Error) -> Problem {
    let message = e.message().trim();
    let line_text = text.lines().nth(line - 1).unwrap_or_default();
    let (_, at_col) = line_col(text, offset);
    let section = section_of(text, line);
    let mut p = Problem {
        line,
        column: at_col.saturating_sub(1),
        width: 1,
        setting: String::new(),
        args: Vec::new(),
    };
    if message.starts_with("unclosed table") {
        let header = line_text.trim();
        p.column = line_text.len() - line_text.trim_start().len();
        p.width = header.chars().count();
        p.args = vec![("problem", "header".into()), ("header", header.into())];
        return p;
    }
    let Some((key, column, value)) = key_value(line_text) else {
        if message.starts_with("key with no value") {
            let written = line_text.trim();
            let (key, rest) = written.split_once([' ', '\t']).unwrap_or((written, ""));
            let rest = rest.trim();
            let fixed = match rest.is_empty() {
                true => format!("{key} = …"),
                false => format!("{key} = {rest}"),
            };
            p.column = line_text.len() - line_text.trim_start().len();
            p.width = written.chars().count();
            p.args = vec![
                ("problem", "no-equals".into()),
                ("key", key.into()),
                ("fixed", fixed.into()),
            ];
        } else {
            p.args = vec![("problem", "syntax".into()), ("error", message.into())];
        }
        return p;
    };
    p.setting = pointer(section.as_deref(), key);
    p.column = column;
    p.width = value.chars().count().max(1);
    if message.starts_with("duplicate key") {
        p.column = line_text.len() - line_text.trim_start().len();
        p.width = key.chars().count();
        p.args = vec![("problem", "duplicate-key".into()), ("key", key.into())];
        return p;
    }
    if message.starts_with("invalid basic string") || message.starts_with("invalid literal string")
    {
        let quote = value.chars().next().unwrap_or('"');
        p.args = vec![
            ("problem", "unclosed-quote".into()),
            ("key", key.into()),
            ("quote", quote.to_string().into()),
        ];
        return p;
    }
    if value.starts_with('[') && !value.contains(']') {
        return unclosed_list(text, line);
    }
    let (expected, example) = expectation(section.as_deref(), key);
    p.args = value_args(key, expected, example, value);
    p
}

/// The values of the message of a value that cannot be read: `found` as written, what was
/// `expected` and an example of it, and a `hint` at the likely slip (a percent sign, a
/// decimal comma, text without quotes) with the value written right (`fixed`).
fn value_args(key: &str, expected: &'static str, example: Option<String>, found: &str) -> Args {
    let bare = found.trim_matches(['"', '\'']);
    let number = |s: &str| s.trim().parse::<f64>().ok();
    let quoted = found.starts_with(['"', '\'']);
    let numeric = matches!(expected, "number" | "integer");
    let (hint, fixed) = if let Some(n) = bare.strip_suffix('%').and_then(number)
        && expected == "number"
    {
        ("percent", Some(format!("{}", n / 100.0)))
    } else if let Some(n) = number(&bare.replace(',', "."))
        && bare.contains(',')
        && expected == "number"
    {
        ("comma", Some(format!("{n}")))
    } else if quoted && numeric && number(bare).is_some() {
        ("unquote", Some(bare.trim().to_owned()))
    } else if expected == "text" && !quoted {
        ("quotes", Some(format!("\"{found}\"")))
    } else {
        ("none", None)
    };
    let mut args: Args = vec![
        ("problem", "value".into()),
        ("key", key.into()),
        ("expected", expected.into()),
        ("found", found.into()),
        ("hint", hint.into()),
        ("has_example", example.is_some().into()),
    ];
    if let Some(example) = example {
        args.push(("example", example.into()));
    }
    if let Some(fixed) = fixed {
        args.push(("fixed", fixed.into()));
    }
    args
}

/// What a setting takes (`number`, `integer`, `text`, `list`, `boolean`, `table`,
/// `language`, `level` or `other`) and an example of it: its default where that is short.
fn expectation(section: Option<&str>, key: &str) -> (&'static str, Option<String>) {
    let defaults = |value: Result<toml::Value, toml::ser::Error>| match value {
        Ok(toml::Value::Table(t)) => t.get(key).cloned(),
        _ => None,
    };
    let default = match section {
        None => match key {
            "organisation" => return ("text", Some("\"Sjöbacka kommun\"".into())),
            "language" => return ("language", None),
            "timezone" => return ("text", Some("\"Europe/Stockholm\"".into())),
            "exclude" => return ("list", Some("[\"drafts/**\"]".into())),
            _ => defaults(toml::Value::try_from(Thresholds::default())),
        },
        Some("policies") => defaults(toml::Value::try_from(Policies::default())),
        Some("training") => defaults(toml::Value::try_from(TrainingCfg::default())),
        Some("thresholds") => defaults(toml::Value::try_from(Thresholds::default())),
        Some("rules") => return ("level", None),
        Some(_) => None,
    };
    let Some(default) = default else {
        return ("other", None);
    };
    let expected = match &default {
        toml::Value::Integer(_) => "integer",
        toml::Value::Float(_) => "number",
        toml::Value::String(_) => "text",
        toml::Value::Array(_) => "list",
        toml::Value::Boolean(_) => "boolean",
        toml::Value::Table(_) => "table",
        toml::Value::Datetime(_) => "other",
    };
    let example = default.to_string();
    (expected, (example.chars().count() <= 48).then_some(example))
}

/// The JSON pointer of a setting.
fn pointer(section: Option<&str>, key: &str) -> String {
    match section {
        Some(s) => format!("/{s}/{key}"),
        None => format!("/{key}"),
    }
}

/// A setting whose value has the wrong type (or is not one of its words), at its value.
fn value_problem(
    text: &str,
    section: Option<&str>,
    key: &str,
    value: &toml::Value,
    expected: Option<&'static str>,
) -> Problem {
    let (line, column, width) = locate(text, section, key).unwrap_or((1, 0, 0));
    let found = text
        .lines()
        .nth(line.saturating_sub(1))
        .and_then(key_value)
        .map_or_else(|| value.to_string(), |(_, _, v)| v.to_owned());
    let (default_expected, example) = expectation(section, key);
    Problem {
        line,
        column,
        width,
        setting: pointer(section, key),
        args: value_args(key, expected.unwrap_or(default_expected), example, &found),
    }
}

/// A key the configuration does not know, with the closest known one.
fn unknown_key<'a>(
    text: &str,
    section: Option<&str>,
    key: &str,
    known: impl IntoIterator<Item = &'a str>,
) -> Problem {
    let (line, _, _) = locate(text, section, key).unwrap_or((1, 0, 0));
    let line_text = text.lines().nth(line.saturating_sub(1)).unwrap_or_default();
    let column = line_text.len() - line_text.trim_start().len();
    let mut args: Args = vec![
        ("problem", "unknown-key".into()),
        ("key", key.into()),
        ("in_section", section.is_some().into()),
        ("section", section.unwrap_or_default().into()),
    ];
    crate::l10n::suggest(&mut args, closest(key, known));
    Problem {
        line,
        column,
        width: key.chars().count(),
        setting: pointer(section, key),
        args,
    }
}

/// Unknown keys of a section as problems.
fn check_keys(
    text: &str,
    section: &str,
    value: &toml::Value,
    known: &[String],
    problems: &mut Vec<Problem>,
) {
    let Some(t) = value.as_table() else { return };
    for key in t.keys() {
        if !known.iter().any(|k| k == key) {
            let known = known.iter().map(String::as_str);
            problems.push(unknown_key(text, Some(section), key, known));
        }
    }
}

/// A section (`[policies]`) read setting by setting: one that cannot be read is a problem
/// and keeps its default.
fn read_section<T>(
    text: &str,
    section: &'static str,
    value: &toml::Value,
    problems: &mut Vec<Problem>,
) -> T
where
    T: Serialize + Default + serde::de::DeserializeOwned,
{
    let Some(table) = value.as_table() else {
        problems.push(value_problem(text, None, section, value, Some("table")));
        return T::default();
    };
    check_keys(text, section, value, &section_keys::<T>(), problems);
    read_values(text, &[(Some(section), table)], problems)
}

/// The settings of `tables` (each with the section it was written in) as `T`, each one
/// that cannot be read left at its default; a later table's setting wins.
fn read_values<T>(
    text: &str,
    tables: &[(Option<&str>, &toml::Table)],
    problems: &mut Vec<Problem>,
) -> T
where
    T: Serialize + Default + serde::de::DeserializeOwned,
{
    let known = section_keys::<T>();
    let mut good = toml::Table::new();
    for (section, table) in tables {
        for (key, value) in table.iter().filter(|(k, _)| known.contains(k)) {
            let one = toml::Table::from_iter([(key.clone(), value.clone())]);
            match toml::Value::Table(one).try_into::<T>() {
                Ok(_) => {
                    good.insert(key.clone(), value.clone());
                }
                Err(_) => problems.push(value_problem(text, *section, key, value, None)),
            }
        }
    }
    toml::Value::Table(good).try_into().unwrap_or_default()
}

/// Where the value of `key` is written (after its section header, if any): its line, and
/// the column and width of its value; None when the key is not found.
fn locate(text: &str, section: Option<&str>, key: &str) -> Option<(usize, usize, usize)> {
    let mut in_section = section.is_none();
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with('[') {
            in_section =
                section.is_some_and(|s| trimmed.trim_end().trim_matches(['[', ']']).trim() == s);
            continue;
        }
        if !in_section {
            continue;
        }
        if let Some((k, column, value)) = key_value(line)
            && k == key
        {
            return Some((i + 1, column, value.chars().count()));
        }
    }
    None
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// The directory to use as repository root: `explicit`, else the nearest ancestor of
/// `cwd` holding `isms.toml`, else `cwd`.
pub fn find_root(explicit: Option<&Path>, cwd: &Path) -> PathBuf {
    if let Some(p) = explicit {
        return p.to_path_buf();
    }
    cwd.ancestors()
        .find(|d| d.join(FILE_NAME).is_file())
        .unwrap_or(cwd)
        .to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_match_the_spec() {
        let c = Config::parse("").unwrap();
        assert_eq!(c.policies.warn_age_years, 3);
        assert_eq!(c.policies.max_age_years, 5);
        assert_eq!(c.training.completion_target, 0.9);
        assert_eq!(c.thresholds.risk_appetite_max, 8);
        assert_eq!(c.timezone, "Europe/Stockholm");
    }

    #[test]
    fn reads_thresholds_at_top_level_and_in_a_section() {
        let c = Config::parse("risk_appetite_max = 6\n[thresholds]\nincident_open_max_days = 30\n")
            .unwrap();
        assert_eq!(c.thresholds.risk_appetite_max, 6);
        assert_eq!(c.thresholds.incident_open_max_days, 30);
    }

    /// A value of `problem`'s args by name, as text.
    fn arg(p: &Problem, name: &str) -> String {
        p.args
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| format!("{v:?}"))
            .unwrap_or_default()
    }

    #[test]
    fn unknown_keys_get_a_suggestion_and_a_line() {
        let (_, problems) =
            Config::parse_all("language = \"sv\"\n[policies]\nwarn_age_yeras = 2\n");
        let [p] = problems.as_slice() else {
            panic!("{problems:?}")
        };
        assert_eq!(
            (p.line, p.column, p.setting.as_str()),
            (3, 0, "/policies/warn_age_yeras")
        );
        assert!(arg(p, "closest").contains("warn_age_years"), "{p:?}");
        let e = Config::parse("timezon = \"UTC\"\n").unwrap_err();
        assert!(format!("{e:#}").starts_with("isms.toml:1:1: "), "{e:#}");
        let (_, problems) = Config::parse_all("timezon = \"UTC\"\n");
        assert!(arg(&problems[0], "closest").contains("timezone"));
    }

    /// `completion_target = 90%` is not TOML: the problem is at the value, says a number
    /// is wanted and how the share is written, and every other setting is still read.
    #[test]
    fn a_share_written_as_a_percentage_is_a_problem_at_its_value() {
        let text = "language = \"en\"\n[training]\ncompletion_target = 90%\nphishing_click_rate_max = 0.2\n";
        let (config, problems) = Config::parse_all(text);
        let [p] = problems.as_slice() else {
            panic!("{problems:?}")
        };
        assert_eq!((p.line, p.column, p.width), (3, 20, 3));
        assert_eq!(p.setting, "/training/completion_target");
        assert_eq!(arg(p, "expected"), "Text(\"number\")");
        assert_eq!(arg(p, "hint"), "Text(\"percent\")");
        assert_eq!(arg(p, "fixed"), "Text(\"0.9\")");
        // The rest of the file applies; the bad setting keeps its default.
        assert_eq!(config.language, Language::En);
        assert_eq!(config.training.phishing_click_rate_max, 0.2);
        assert_eq!(config.training.completion_target, 0.9);
        assert!(Config::parse(text).is_err());
    }

    /// Every bad line is reported, not only the first, and each has its own kind.
    #[test]
    fn each_bad_line_is_a_problem_of_its_own() {
        let text = "organisation = Norrviks kommun\nlanguage = \"sv\"\nlanguage = \"en\"\n\
                    timezone = \"Europe/Stokholm\"\n[thresholds]\nrisk_appetite_max = \"6\"\n\
                    audit_max_age_months = 0,5\nexclude = [\"a\",\n[rules]\nDOC001 = \"loud\"\n";
        let (config, problems) = Config::parse_all(text);
        let found: Vec<(usize, String, String)> = problems
            .iter()
            .map(|p| (p.line, arg(p, "problem"), arg(p, "hint")))
            .collect();
        let text = |s: &str| format!("Text(\"{s}\")");
        assert_eq!(
            found,
            [
                (1, text("value"), text("quotes")),
                (3, text("duplicate-key"), String::new()),
                (4, text("timezone"), String::new()),
                (6, text("value"), text("unquote")),
                (7, text("value"), text("none")),
                (8, text("unclosed-bracket"), String::new()),
                (10, text("value"), text("none")),
            ],
            "{problems:#?}"
        );
        assert_eq!(config.language, Language::Sv);
        assert_eq!(config.thresholds.risk_appetite_max, 8);
    }
    #[test]
    fn rule_levels() {
        let c = Config::parse("[rules]\n\"ORG003\" = \"off\"\nDOC001 = \"error\"\n").unwrap();
        assert_eq!(c.rules["ORG003"], RuleLevel::Off);
        assert_eq!(c.rules["DOC001"], RuleLevel::Severity(Severity::Error));
        assert!(Config::parse("[rules]\nDOC001 = \"loud\"\n").is_err());
        let (_, problems) = Config::parse_all("[rules]\nDOC001 = \"loud\"\n");
        assert_eq!(problems[0].setting, "/rules/DOC001");
        assert_eq!(arg(&problems[0], "expected"), "Text(\"level\")");
        // Codes ignore case, as waivers and --select do.
        let c = Config::parse("[rules]\n\"org003\" = \"off\"\ncls005 = \"error\"\n").unwrap();
        assert_eq!(c.rules["ORG003"], RuleLevel::Off);
        assert_eq!(c.rules["CLS005"], RuleLevel::Severity(Severity::Error));
    }

    #[test]
    fn bad_timezone_is_refused() {
        assert!(Config::parse("timezone = \"Europe/Stokholm\"\n").is_err());
    }
}
