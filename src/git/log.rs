//! A record's history from git, for `isms log KIND ID`: the commits that changed its file
//! (renames followed), the record's document read at each of them and its parent straight
//! from git's object store, and the fields that changed between the two.
//!
//! One `git log` and one `git cat-file --batch` a run, whatever the number of commits.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use anyhow::{Result, bail};
use serde::Serialize;
use serde_json::Value;

use super::{Batch, CatFile, GitError, git, is_shallow, work_tree_place};
use crate::load::{Blobs, TreeFile};
use crate::model::Kind;
use crate::repo::fold_case;

/// What `isms log` prints: the record's file and the commits that changed the record,
/// newest first. Serialises as the `--format json` document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct History {
    pub kind: Kind,
    pub id: String,
    /// The record's file in the work tree, relative to the top of the git work tree.
    pub path: String,
    pub commits: Vec<Change>,
    /// The clone is shallow and the oldest commit shown is where its history is cut: the
    /// record may be older than that commit says.
    #[serde(skip)]
    pub cut: bool,
}

/// One commit that changed the record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub commit: String,
    pub short_commit: String,
    /// The author date, ISO 8601 (`2026-03-01T10:15:00+01:00`).
    pub date: String,
    pub author: Person,
    pub committer: Committer,
    pub subject: String,
    pub signature: Signature,
    /// The record's file after the commit (before it, for a removal), relative to the top
    /// of the git work tree.
    pub path: String,
    /// The file's name before the commit, when the commit renamed it.
    pub renamed_from: Option<String>,
    pub change: ChangeKind,
    pub fields: Vec<FieldChange>,
}

impl Change {
    /// The author date as `YYYY-MM-DD`.
    pub fn day(&self) -> &str {
        self.date.get(..10).unwrap_or(&self.date)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub name: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Committer {
    pub name: String,
    pub email: String,
    /// The committer date, ISO 8601.
    pub date: String,
}

/// What a commit did to the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    /// The record appeared: its file was created, or the record was written into it.
    Added,
    /// Some of its values changed (its file may have been renamed too).
    Changed,
    /// The record disappeared from its file, or the file was deleted.
    Removed,
    /// Only its file's name changed.
    Renamed,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Changed => "changed",
            ChangeKind::Removed => "removed",
            ChangeKind::Renamed => "renamed",
        }
    }
}

/// A commit's signature as `%G?` says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Signature {
    /// `G`: a good signature.
    Good,
    /// `B`: a bad signature.
    Bad,
    /// `U`: a good signature of unknown validity.
    Unknown,
    /// `X`: a good signature that has expired.
    Expired,
    /// `Y`: a good signature made by a key that has expired.
    ExpiredKey,
    /// `R`: a good signature made by a revoked key.
    Revoked,
    /// `E`: the signature cannot be checked (a missing key, no gpg).
    CannotCheck,
    /// `N`: no signature.
    None,
}

impl Signature {
    /// The status `%G?` prints; anything else is `cannot-check`.
    pub fn from_code(code: &str) -> Signature {
        match code {
            "G" => Signature::Good,
            "B" => Signature::Bad,
            "U" => Signature::Unknown,
            "X" => Signature::Expired,
            "Y" => Signature::ExpiredKey,
            "R" => Signature::Revoked,
            "N" => Signature::None,
            _ => Signature::CannotCheck,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Signature::Good => "good",
            Signature::Bad => "bad",
            Signature::Unknown => "unknown",
            Signature::Expired => "expired",
            Signature::ExpiredKey => "expired-key",
            Signature::Revoked => "revoked",
            Signature::CannotCheck => "cannot-check",
            Signature::None => "none",
        }
    }
}

/// One field of the record that a commit added, removed or changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    /// The field's place: `confidentiality`, `hosting.countries`, `exercises[0].date`.
    pub field: String,
    pub change: FieldChangeKind,
    /// The value before (`null` for a field added).
    pub old: Value,
    /// The value after (`null` for a field removed).
    pub new: Value,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FieldChangeKind {
    Added,
    Removed,
    Changed,
}

/// The history of the record `kind` `id` whose file is `file` (relative to `root`, the
/// ISMS repository's folder in the work tree): the commits reachable from `HEAD` that
/// changed it, newest first.
pub fn history(root: &Path, file: &str, kind: Kind, id: &str) -> Result<History> {
    const FLAG: &str = "isms log";
    if file.starts_with('-') || id.starts_with('-') {
        bail!("{FLAG}: `{id}` is not a record");
    }
    let prefix = work_tree_place(root, FLAG)?;
    let prefix = prefix.trim_end_matches(['\n', '\r']);
    let listing = match git(root, &log_args(file)) {
        Ok(listing) => listing,
        // Before the first commit there is no history, which is not an error.
        Err(GitError::Failed(_)) if !super::has_commits(root)? => Vec::new(),
        Err(GitError::Failed(stderr)) => bail!("{FLAG}: git log failed: {stderr}"),
        Err(e) => bail!("{FLAG}: {e}"),
    };
    let entries = parse_log(&listing)?;
    let versions = read_versions(root, &entries)?;
    let mut commits = Vec::new();
    for (entry, (old, new)) in entries.iter().zip(versions) {
        let old = old.as_deref().and_then(|b| record_in(b, kind, id));
        let new = new.as_deref().and_then(|b| record_in(b, kind, id));
        if let Some(change) = compare(entry, old.as_ref(), new.as_ref()) {
            commits.push(change);
        }
    }
    // A shallow clone's oldest commit has no parents: whether the history goes on before
    // it, only the full clone knows.
    let cut = entries.last().is_some_and(|e| e.parents.is_empty()) && is_shallow(root);
    let path = entries
        .first()
        .map_or_else(|| format!("{prefix}{file}"), |e| e.path.clone());
    Ok(History {
        kind,
        id: id.to_owned(),
        path,
        commits,
        cut,
    })
}

/// `git log` following `file`, one commit after the other with its file's status and
/// paths (`-z`: NUL-separated, paths unquoted). Settings that would change what git
/// prints are pinned: signatures shown inline, paths relative to a subfolder, colour, a
/// root commit without its files.
fn log_args(file: &str) -> Vec<&str> {
    vec![
        "-c",
        "log.showSignature=false",
        "-c",
        "log.showRoot=true",
        "-c",
        "diff.relative=false",
        "log",
        "--no-color",
        "--encoding=UTF-8",
        "--follow",
        "--name-status",
        "-z",
        LOG_FORMAT,
        "--",
        file,
    ]
}

/// A commit's fields in `git log`, NUL-separated: a marker (`\x1e`) before the commit id,
/// then the parents, author date, name, email, committer name, email, date, signature
/// status and subject. A subject cannot hold a NUL, and fields are read by count, so no
/// text in a commit can pass for another field.
const LOG_FORMAT: &str =
    "--format=%x1e%H%x00%P%x00%aI%x00%an%x00%ae%x00%cn%x00%ce%x00%cI%x00%G?%x00%s";

/// The number of fields [`LOG_FORMAT`] gives a commit.
const LOG_FIELDS: usize = 10;

/// One commit of `git log --follow` and what it did to the file.
#[derive(Debug, Clone, PartialEq)]
struct LogEntry {
    commit: String,
    parents: Vec<String>,
    date: String,
    author: Person,
    committer: Committer,
    signature: Signature,
    subject: String,
    /// The status letter: `A`, `M`, `D`, `R`, `C`, `T`.
    status: char,
    /// The file after the commit (for `D`, the file deleted), from the top of the work tree.
    path: String,
    /// The file before the commit when git found it under another name (`R`, `C`).
    old_path: Option<String>,
}

impl LogEntry {
    /// The file before the commit, when it had a parent that held it.
    fn before(&self) -> Option<&str> {
        if self.status == 'A' || self.parents.is_empty() {
            return None;
        }
        Some(self.old_path.as_deref().unwrap_or(&self.path))
    }

    /// The file after the commit, unless the commit deleted it.
    fn after(&self) -> Option<&str> {
        (self.status != 'D').then_some(self.path.as_str())
    }
}

/// Reads the output of `git log` with [`LOG_FORMAT`], `--name-status` and `-z`. A commit
/// without a file status (a merge, whose changes git does not list) is left out.
fn parse_log(bytes: &[u8]) -> Result<Vec<LogEntry>> {
    let text = String::from_utf8_lossy(bytes);
    let mut tokens = text.split('\0').peekable();
    let mut entries = Vec::new();
    while let Some(token) = tokens.next() {
        let Some(commit) = token.strip_prefix('\x1e') else {
            if token.trim().is_empty() {
                continue;
            }
            bail!("unexpected output of git log: {token:?}");
        };
        let mut fields = vec![commit];
        for _ in 1..LOG_FIELDS {
            let Some(f) = tokens.next() else {
                bail!("git log: a commit's fields end early ({commit})");
            };
            fields.push(f);
        }
        let [commit, parents, date, an, ae, cn, ce, cdate, sig, subject] = fields[..] else {
            bail!("git log: a commit's fields end early");
        };
        // The status follows the commit's fields after a line break; its paths follow it.
        let status = match tokens.peek() {
            Some(t) if !t.starts_with('\x1e') && !t.trim().is_empty() => {
                tokens.next().unwrap_or_default().trim_start_matches('\n')
            }
            _ => continue,
        };
        let Some(letter) = status.chars().next() else {
            bail!("unexpected output of git log: an empty status");
        };
        let first = tokens.next().unwrap_or_default().to_owned();
        let (path, old_path) = if matches!(letter, 'R' | 'C') {
            (tokens.next().unwrap_or_default().to_owned(), Some(first))
        } else {
            (first, None)
        };
        if path.is_empty() {
            bail!("unexpected output of git log: a status without a path ({commit})");
        }
        entries.push(LogEntry {
            commit: commit.to_owned(),
            parents: parents.split_whitespace().map(str::to_owned).collect(),
            date: date.to_owned(),
            author: Person {
                name: an.to_owned(),
                email: ae.to_owned(),
            },
            committer: Committer {
                name: cn.to_owned(),
                email: ce.to_owned(),
                date: cdate.to_owned(),
            },
            signature: Signature::from_code(sig),
            subject: subject.to_owned(),
            status: letter,
            path,
            old_path,
        });
    }
    Ok(entries)
}

/// The file of each commit before and after it, read through one `git cat-file --batch`
/// (requests `<commit>^:<path>` and `<commit>:<path>`); `None` where there is no such
/// file or it is over the loader's size limit.
type Versions = Vec<(Option<Vec<u8>>, Option<Vec<u8>>)>;

fn read_versions(root: &Path, entries: &[LogEntry]) -> Result<Versions> {
    let mut requests = Vec::new();
    for e in entries {
        for (rev, path) in [
            (format!("{}^", e.commit), e.before()),
            (e.commit.clone(), e.after()),
        ] {
            if let Some(path) = path {
                // `cat-file --batch` reads one request a line.
                if path.contains(['\n', '\r']) {
                    bail!("isms log: git names a file with a line break in its name: {path:?}");
                }
                requests.push(TreeFile {
                    path: Arc::from(path),
                    id: format!("{rev}:{path}").into(),
                    size: None,
                });
            }
        }
    }
    let mut read = Vec::with_capacity(requests.len());
    let refs: Vec<&TreeFile> = requests.iter().collect();
    CatFile(Arc::new(Batch::new(root))).read(&refs, &mut |blob| read.push(blob.ok()))?;
    let mut read = read.into_iter();
    let mut versions = Vec::with_capacity(entries.len());
    for e in entries {
        let old = e.before().and_then(|_| read.next().flatten());
        let new = e.after().and_then(|_| read.next().flatten());
        versions.push((old, new));
    }
    Ok(versions)
}

/// The fields of the record `kind` `id` in one version of a file, flattened: the first
/// document whose `kind` and `id` (ignoring case) are the record's. `None` when the file
/// is not text or does not hold the record (a YAML error stops the reading at it).
fn record_in(bytes: &[u8], kind: Kind, id: &str) -> Option<Fields> {
    let text = crate::load::text_of(bytes)?;
    let wanted = fold_case(id);
    let parsed = crate::source::yaml::parse(&text);
    parsed.documents.iter().find_map(|doc| {
        let value = doc.tree.to_value();
        let is_it = value.get("kind").and_then(Value::as_str) == Some(kind.as_str())
            && value
                .get("id")
                .and_then(Value::as_str)
                .is_some_and(|i| fold_case(i) == wanted);
        is_it.then(|| flatten(&value))
    })
}

/// One step into a document: a mapping's key or a list's index.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    Key(String),
    Index(usize),
}

/// A record's values by their place: mappings by key (`a.b`), lists of mappings by index
/// (`a[0].b`), a list of scalars as one value. Ordered by place, keys by name and indices
/// by number, so that the fields of a change come out in the same order in every run.
type Fields = BTreeMap<Vec<Step>, Value>;

/// The values of a document at their places (see [`Fields`]).
fn flatten(value: &Value) -> Fields {
    let mut out = Fields::new();
    let mut at = Vec::new();
    flatten_into(value, &mut at, &mut out);
    out
}

fn flatten_into(value: &Value, at: &mut Vec<Step>, out: &mut Fields) {
    let is_leaf = match value {
        Value::Object(map) => map.is_empty() && !at.is_empty(),
        Value::Array(items) => items
            .iter()
            .all(|i| !matches!(i, Value::Object(_) | Value::Array(_))),
        _ => true,
    };
    if is_leaf {
        out.insert(at.clone(), value.clone());
        return;
    }
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                at.push(Step::Key(k.clone()));
                flatten_into(v, at, out);
                at.pop();
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                at.push(Step::Index(i));
                flatten_into(v, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

/// A place as the user reads it: `hosting.countries`, `exercises[0].date`.
fn field_name(at: &[Step]) -> String {
    let mut s = String::new();
    for step in at {
        match step {
            Step::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            Step::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

/// The fields that differ between two versions of a record, in place order.
fn diff(old: &Fields, new: &Fields) -> Vec<FieldChange> {
    let mut places: Vec<&Vec<Step>> = old.keys().chain(new.keys()).collect();
    places.sort();
    places.dedup();
    places
        .into_iter()
        .filter_map(|at| {
            let (change, o, n) = match (old.get(at), new.get(at)) {
                (Some(o), Some(n)) if o == n => return None,
                (Some(o), Some(n)) => (FieldChangeKind::Changed, o.clone(), n.clone()),
                (None, Some(n)) => (FieldChangeKind::Added, Value::Null, n.clone()),
                (Some(o), None) => (FieldChangeKind::Removed, o.clone(), Value::Null),
                (None, None) => return None,
            };
            Some(FieldChange {
                field: field_name(at),
                change,
                old: o,
                new: n,
            })
        })
        .collect()
}

/// What `entry` did to the record, given the record's fields before and after it; `None`
/// when it left the record as it was (a comment, another record of the file, layout) and
/// did not rename its file.
fn compare(entry: &LogEntry, old: Option<&Fields>, new: Option<&Fields>) -> Option<Change> {
    let empty = Fields::new();
    let renamed_from = entry
        .old_path
        .as_ref()
        .filter(|p| entry.status == 'R' && **p != entry.path)
        .cloned();
    let (change, fields) = match (old, new) {
        (None, None) => return None,
        (None, Some(n)) => (ChangeKind::Added, diff(&empty, n)),
        (Some(o), None) => (ChangeKind::Removed, diff(o, &empty)),
        (Some(o), Some(n)) => {
            let fields = diff(o, n);
            match (fields.is_empty(), renamed_from.is_some()) {
                (false, _) => (ChangeKind::Changed, fields),
                (true, true) => (ChangeKind::Renamed, fields),
                (true, false) => return None,
            }
        }
    };
    Some(Change {
        short_commit: super::short_id(&entry.commit).to_owned(),
        commit: entry.commit.clone(),
        date: entry.date.clone(),
        author: entry.author.clone(),
        committer: entry.committer.clone(),
        subject: entry.subject.clone(),
        signature: entry.signature,
        path: entry.path.clone(),
        renamed_from,
        change,
        fields,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const A: &str = "1111111111111111111111111111111111111111";
    const B: &str = "2222222222222222222222222222222222222222";
    const C: &str = "3333333333333333333333333333333333333333";

    /// One commit as `git log` prints it with [`LOG_FORMAT`], `--name-status` and `-z`.
    fn commit(id: &str, parents: &str, subject: &str, status: &[&str]) -> String {
        let mut s = format!(
            "\x1e{id}\0{parents}\02026-03-01T10:00:00+01:00\0Anna Andersson\0anna@example.org\0\
             Bo Berg\0bo@example.org\02026-03-02T09:00:00+01:00\0N\0{subject}\0"
        );
        if !status.is_empty() {
            s.push('\n');
            for part in status {
                s.push_str(part);
                s.push('\0');
            }
        }
        s
    }

    #[test]
    fn reads_commits_renames_and_a_root() {
        let out = [
            commit(
                C,
                B,
                "move",
                &["R100", "assets/a.yaml", "lis/assets/b.yaml"],
            ),
            commit(B, A, "höj K\u{1b}[31m", &["M", "assets/a.yaml"]),
            commit(A, "", "first", &["A", "assets/a.yaml"]),
        ]
        .concat();
        let entries = parse_log(out.as_bytes()).expect("parsed");
        assert_eq!(entries.len(), 3);
        assert_eq!(entries[0].status, 'R');
        assert_eq!(entries[0].path, "lis/assets/b.yaml");
        assert_eq!(entries[0].old_path.as_deref(), Some("assets/a.yaml"));
        assert_eq!(entries[0].before(), Some("assets/a.yaml"));
        assert_eq!(entries[1].subject, "höj K\u{1b}[31m");
        assert_eq!(entries[1].parents, vec![A.to_owned()]);
        assert_eq!(entries[1].before(), Some("assets/a.yaml"));
        assert_eq!(entries[2].before(), None);
        assert_eq!(entries[2].author.email, "anna@example.org");
        assert_eq!(entries[2].committer.name, "Bo Berg");
        assert_eq!(entries[2].committer.date, "2026-03-02T09:00:00+01:00");
        assert_eq!(entries[2].signature, Signature::None);
    }

    #[test]
    fn a_commit_without_a_status_is_left_out_and_a_deletion_has_no_after() {
        let out = [
            commit(C, &format!("{A} {B}"), "merge", &[]),
            commit(B, A, "gone", &["D", "x.yaml"]),
        ]
        .concat();
        let entries = parse_log(out.as_bytes()).expect("parsed");
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].after(), None);
        assert_eq!(entries[0].before(), Some("x.yaml"));
        assert!(parse_log(b"").expect("nothing").is_empty());
        assert!(parse_log(b"garbage").is_err());
        assert!(parse_log(format!("\x1e{A}\0{B}").as_bytes()).is_err());
    }

    #[test]
    fn signature_codes() {
        let codes = ["G", "B", "U", "X", "Y", "R", "E", "N", "?"];
        let words: Vec<&str> = codes
            .iter()
            .map(|c| Signature::from_code(c).as_str())
            .collect();
        assert_eq!(
            words,
            [
                "good",
                "bad",
                "unknown",
                "expired",
                "expired-key",
                "revoked",
                "cannot-check",
                "none",
                "cannot-check"
            ]
        );
    }

    fn names(fields: &Fields) -> Vec<String> {
        fields.keys().map(|k| field_name(k)).collect()
    }

    #[test]
    fn flattens_mappings_lists_of_mappings_and_keeps_lists_of_scalars_whole() {
        let doc = json!({
            "kind": "asset",
            "id": "x",
            "hosting": {"model": "saas", "countries": ["SE", "US"], "extra": {}},
            "exercises": [{"date": "2026-01-01", "kind": "tabletop"}, {"date": "2026-06-01"}],
            "tags": [],
            "mixed": ["a", {"b": 1}],
            "notes": null
        });
        let fields = flatten(&doc);
        assert_eq!(
            names(&fields),
            [
                "exercises[0].date",
                "exercises[0].kind",
                "exercises[1].date",
                "hosting.countries",
                "hosting.extra",
                "hosting.model",
                "id",
                "kind",
                "mixed[0]",
                "mixed[1].b",
                "notes",
                "tags"
            ]
        );
        assert_eq!(
            fields[&vec![Step::Key("hosting".into()), Step::Key("countries".into())]],
            json!(["SE", "US"])
        );
        // Indices order by number: `[2]` before `[10]`.
        let long = json!({"l": (0..11).map(|i| json!({"n": i})).collect::<Vec<_>>()});
        let order = names(&flatten(&long));
        assert_eq!(order[2], "l[2].n");
        assert_eq!(order[10], "l[10].n");
    }

    #[test]
    fn diffs_added_removed_and_changed_fields() {
        let old = flatten(
            &json!({"kind": "classification", "id": "c", "confidentiality": 2, "notes": "x"}),
        );
        let new = flatten(
            &json!({"kind": "classification", "id": "c", "confidentiality": 3, "rationale": "r"}),
        );
        let d = diff(&old, &new);
        let said: Vec<(String, FieldChangeKind, Value, Value)> = d
            .into_iter()
            .map(|f| (f.field, f.change, f.old, f.new))
            .collect();
        assert_eq!(
            said,
            [
                (
                    "confidentiality".into(),
                    FieldChangeKind::Changed,
                    json!(2),
                    json!(3)
                ),
                (
                    "notes".into(),
                    FieldChangeKind::Removed,
                    json!("x"),
                    Value::Null
                ),
                (
                    "rationale".into(),
                    FieldChangeKind::Added,
                    Value::Null,
                    json!("r")
                ),
            ]
        );
        assert!(diff(&old, &old).is_empty());
    }

    fn entry(status: char, old_path: Option<&str>) -> LogEntry {
        LogEntry {
            commit: A.into(),
            parents: vec![B.into()],
            date: "2026-03-01T10:00:00+01:00".into(),
            author: Person {
                name: "A".into(),
                email: "a@x".into(),
            },
            committer: Committer {
                name: "A".into(),
                email: "a@x".into(),
                date: "2026-03-01T10:00:00+01:00".into(),
            },
            signature: Signature::Good,
            subject: "s".into(),
            status,
            path: "b.yaml".into(),
            old_path: old_path.map(str::to_owned),
        }
    }

    #[test]
    fn a_commit_that_leaves_the_record_as_it_was_is_left_out_unless_it_renames_it() {
        let v = flatten(&json!({"kind": "risk", "id": "r", "title": "T"}));
        let w = flatten(&json!({"kind": "risk", "id": "r", "title": "U"}));
        assert_eq!(compare(&entry('M', None), Some(&v), Some(&v)), None);
        assert_eq!(compare(&entry('M', None), None, None), None);
        let moved = compare(&entry('R', Some("a.yaml")), Some(&v), Some(&v)).expect("shown");
        assert_eq!(moved.change, ChangeKind::Renamed);
        assert_eq!(moved.renamed_from.as_deref(), Some("a.yaml"));
        assert!(moved.fields.is_empty());
        let both = compare(&entry('R', Some("a.yaml")), Some(&v), Some(&w)).expect("shown");
        assert_eq!(both.change, ChangeKind::Changed);
        assert_eq!(both.fields.len(), 1);
        let added = compare(&entry('A', None), None, Some(&v)).expect("shown");
        assert_eq!(added.change, ChangeKind::Added);
        assert_eq!(added.fields.len(), 3);
        assert!(added.fields.iter().all(|f| f.old.is_null()));
        let removed = compare(&entry('M', None), Some(&v), None).expect("shown");
        assert_eq!(removed.change, ChangeKind::Removed);
        assert_eq!(removed.short_commit, "1111111");
        assert_eq!(removed.day(), "2026-03-01");
    }

    #[test]
    fn finds_the_record_among_the_documents_of_a_file() {
        let text = "kind: unit\nid: a\nname: A\n---\n# a comment\nkind: asset\nid: Proc\nname: P\n---\nkind: asset\nid: other\n";
        let found = record_in(text.as_bytes(), Kind::Asset, "proc").expect("found");
        assert_eq!(found[&vec![Step::Key("name".into())]], json!("P"));
        assert!(record_in(text.as_bytes(), Kind::Unit, "proc").is_none());
        assert!(record_in(b"\xff\xfe", Kind::Asset, "proc").is_none());
        // A BOM is not part of the text.
        let bom = b"\xEF\xBB\xBFkind: asset\nid: proc\n";
        assert!(record_in(bom, Kind::Asset, "proc").is_some());
    }
}
