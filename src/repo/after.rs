//! A revision filed from the one read before it (the points of a trend): the records of the
//! files the two share are taken as the earlier repository filed them, with their ids and
//! their problems, and only the files that differ are read, filed and checked. The result
//! is the repository that filing every file afresh gives, but for the order of its
//! problems, which is the rules' to decide (they are reported sorted or counted).
//!
//! Where ids are contested (REC002: two records of a kind claim one, or a second
//! organisation), which record keeps an id can depend on every record of the kind, and the
//! revision is filed afresh instead ([`Repository::build_after`] says so with `None`).

use std::sync::Arc;

use super::{Bucket, INVALID, IdMap, Rec, Repository, fold_case};
use crate::load::{Invalid, LoadResult, RecordProblem};
use crate::model::{AnyRecord, Kind, Record};

/// In [`Delta::kept`]: a file of the earlier revision that this one does not keep.
pub const GONE: u32 = u32::MAX;

/// How the files a revision reads stand to those the revision before read, by their places
/// among the files each read ([`crate::load::Source::file`]).
pub struct Delta {
    /// For each file the revision before read, its place among this revision's, or
    /// [`GONE`] when this revision does not hold it, or holds other content under its name.
    pub kept: Vec<u32>,
    /// For each file this revision reads that the one before did not (in the order they
    /// were loaded, which is path order), its place among this revision's.
    pub added: Vec<u32>,
    /// The paths of the files the revision before read that are gone, in path order: what
    /// their problems are dropped by.
    pub gone: Vec<Arc<str>>,
}

impl Delta {
    fn is_gone(&self, path: &str) -> bool {
        self.gone.binary_search_by(|p| (**p).cmp(path)).is_ok()
    }
}

/// What filing one kind after the revision before found.
#[derive(Default)]
pub(super) struct KindAfter {
    /// The places in the kind's list of the records read anew.
    fresh: Vec<usize>,
    /// The places in the kind's invalid records of those read anew.
    fresh_invalid: Vec<usize>,
    /// Whether an id the revision before had is gone.
    lost: bool,
    /// Whether an id the revision before did not have is new.
    gained: bool,
}

impl KindAfter {
    /// The places in the kind's list of the records read anew.
    pub(super) fn fresh(&self) -> &[usize] {
        &self.fresh
    }
}

/// Files one kind's records after the revision before: its records from the files this
/// revision keeps, moved to those files' places, and those of `bucket`, the files read
/// anew, in path order; and its ids likewise. `None` when a record read anew claims an id
/// another record of the kind has.
#[allow(clippy::too_many_arguments)]
pub(super) fn file_kind_after<T: Record>(
    before: &[Rec<T>],
    before_ids: &IdMap<usize>,
    before_invalid: &[Invalid],
    delta: &Delta,
    bucket: Bucket,
    out: &mut Vec<Rec<T>>,
    ids: &mut IdMap<usize>,
    invalid: &mut Vec<Invalid>,
    unbox: fn(AnyRecord) -> Option<Arc<T>>,
) -> Option<KindAfter> {
    let mut found = KindAfter::default();
    let mut fresh: Vec<Rec<T>> = Vec::with_capacity(bucket.valid_len());
    let mut fresh_invalid: Vec<Invalid> = Vec::with_capacity(bucket.invalid_len());
    for l in bucket.valid.into_iter().flatten() {
        let mut src = l.source;
        src.file = *delta.added.get(src.file as usize)?;
        fresh.push(Rec {
            r: unbox(l.record)?,
            src,
        });
    }
    for mut inv in bucket.invalid.into_iter().flatten() {
        inv.source.file = *delta.added.get(inv.source.file as usize)?;
        fresh_invalid.push(inv);
    }
    // Path order is the order of the files' places; sorting what is sorted costs a pass.
    fresh.sort_by_key(|r| (r.src.file, r.src.doc));
    fresh_invalid.sort_by_key(|i| (i.source.file, i.source.doc));

    // The ids of the records whose files are gone are given up; the others move with
    // their records.
    *ids = before_ids.clone();
    let mut gone: Vec<Arc<str>> = Vec::new();
    let mut place = vec![INVALID; before.len()];
    out.reserve_exact(before.len() + fresh.len());
    let mut fresh = fresh.into_iter().peekable();
    for (i, r) in before.iter().enumerate() {
        let file = delta.kept.get(r.src.file as usize).copied().unwrap_or(GONE);
        if file == GONE {
            gone.extend(ids.remove_entry(&*fold_case(r.r.id())).map(|(k, _)| k));
            continue;
        }
        while let Some(f) = fresh.next_if(|f| (f.src.file, f.src.doc) < (file, r.src.doc)) {
            found.fresh.push(out.len());
            out.push(f);
        }
        place[i] = out.len();
        let mut src = r.src.clone();
        src.file = file;
        out.push(Rec {
            r: Arc::clone(&r.r),
            src,
        });
    }
    for f in fresh {
        found.fresh.push(out.len());
        out.push(f);
    }
    for slot in ids.values_mut() {
        if *slot != INVALID {
            *slot = place.get(*slot).copied().unwrap_or(INVALID);
        }
    }
    let mut fresh_invalid = fresh_invalid.into_iter().peekable();
    for inv in before_invalid {
        let file = delta
            .kept
            .get(inv.source.file as usize)
            .copied()
            .unwrap_or(GONE);
        if file == GONE {
            gone.extend(ids.remove_entry(&*fold_case(&inv.id)).map(|(k, _)| k));
            continue;
        }
        while let Some(f) =
            fresh_invalid.next_if(|f| (f.source.file, f.source.doc) < (file, inv.source.doc))
        {
            found.fresh_invalid.push(invalid.len());
            invalid.push(f);
        }
        let mut kept = inv.clone();
        kept.source.file = file;
        invalid.push(kept);
    }
    for f in fresh_invalid {
        found.fresh_invalid.push(invalid.len());
        invalid.push(f);
    }

    // The ids read anew: each must be free, else which record keeps it is REC002's to say.
    let mut claimed = 0;
    for &p in &found.fresh {
        claimed += 1;
        if !claim(ids, out[p].r.id(), p) {
            return None;
        }
    }
    for &p in &found.fresh_invalid {
        claimed += 1;
        if !claim(ids, &invalid[p].id, INVALID) {
            return None;
        }
    }
    let back = gone.iter().filter(|k| ids.contains_key(&**k)).count();
    found.lost = back < gone.len();
    found.gained = claimed > back;
    Some(found)
}

/// Gives `id` to the record at `place`, when no record of the kind has it.
fn claim(ids: &mut IdMap<usize>, id: &str, place: usize) -> bool {
    let key = fold_case(id);
    if ids.contains_key(&*key) {
        return false;
    }
    ids.insert(key.into(), place);
    true
}

/// The file a problem lies in.
fn path_of(p: &RecordProblem) -> &str {
    match p {
        RecordProblem::Unreadable(u) => &u.place.path,
        RecordProblem::LinkNotFollowed { path } => path,
        RecordProblem::DuplicateId { at, .. }
        | RecordProblem::SecondOrganisation { at }
        | RecordProblem::MissingReference { at, .. }
        | RecordProblem::MissingGoal { at, .. }
        | RecordProblem::SupportsCycle { at, .. }
        | RecordProblem::UnknownControl { at, .. } => &at.path,
    }
}

impl Repository {
    /// Files a revision from `before`, the repository of the revision read before it with
    /// the same `isms.toml`: `load` holds what the files `delta` adds gave (their places
    /// those among the files loaded), the other files are `before`'s. `None` when ids are
    /// contested, in `before` or now: the revision is then filed afresh.
    pub fn build_after(before: &Repository, delta: &Delta, load: LoadResult) -> Option<Repository> {
        if before.contested {
            return None;
        }
        let mut repo = Repository::default();
        let found = repo.file_all_after(before, delta, load.kinds)?;
        if repo.organisation.len() > 1 {
            return None;
        }
        let mut counts: Vec<(Kind, usize)> = Kind::ALL
            .iter()
            .map(|k| (*k, repo.len_of(*k) + repo.invalid[*k as usize].len()))
            .filter(|(_, n)| *n > 0)
            .collect();
        counts.sort();
        repo.counts = counts;
        repo.config_file = before.config_file.clone();
        repo.files = before
            .files
            .iter()
            .filter(|(path, _)| !delta.is_gone(path))
            .map(|(p, t)| (p.clone(), t.clone()))
            .chain(load.files)
            .collect();

        // What the loader met (REC001, `isms.toml`'s among it) in the files kept, then in
        // those read anew.
        let mut problems: Vec<RecordProblem> = before.problems[..before.loader_problems]
            .iter()
            .filter(|p| !delta.is_gone(path_of(p)))
            .cloned()
            .collect();
        problems.extend(load.problems);
        repo.loader_problems = problems.len();

        // REC003: when an id is gone, a record kept may now refer to nothing, and every
        // reference is checked again. Else a reference kept still misses, unless the kind
        // it names gained ids; and the records read anew are checked.
        if found.iter().any(|k| k.lost) {
            problems.extend(repo.check_references());
        } else {
            for p in &before.problems[before.loader_problems..] {
                let RecordProblem::MissingReference {
                    at,
                    target,
                    value,
                    field,
                    ..
                } = p
                else {
                    continue;
                };
                if delta.is_gone(&at.path) {
                    continue;
                }
                if !found[*target as usize].gained {
                    problems.push(p.clone());
                } else if !repo.exists(*target, value) {
                    problems.push(RecordProblem::MissingReference {
                        at: at.clone(),
                        target: *target,
                        value: value.clone(),
                        field: field.clone(),
                        closest: repo.closest(*target, value),
                    });
                }
            }
            repo.check_references_of(&found, &mut problems);
            for (kind, k) in found.iter().enumerate() {
                for &i in &k.fresh_invalid {
                    repo.check_invalid(&repo.invalid[kind][i], &mut problems);
                }
            }
        }
        Some(repo.finish(problems))
    }
}

/// Filing [`Repository::build_after`] gives the same repository as filing afresh.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Blob, Blobs, FileCache, TreeFile};
    use crate::repo::Session;
    use std::path::Path;

    /// Blobs held by id.
    struct Held(std::collections::HashMap<String, Vec<u8>>);

    impl Blobs for Held {
        fn read(&self, files: &[&TreeFile], each: &mut dyn FnMut(Blob)) -> anyhow::Result<()> {
            for f in files {
                let Some(bytes) = self.0.get(&*f.id) else {
                    anyhow::bail!("no blob {}", f.id);
                };
                each(Ok(bytes.clone()));
            }
            Ok(())
        }
    }

    /// A tree of files given as (path, text), in path order, with the blobs that hold them.
    fn tree(files: &[(&str, &str)], held: &mut Held) -> Arc<[TreeFile]> {
        let mut files: Vec<(&str, &str)> = files.to_vec();
        files.sort();
        files
            .iter()
            .map(|(path, text)| {
                let id = format!("{:x}", md5_like(text));
                held.0.insert(id.clone(), text.as_bytes().to_vec());
                TreeFile {
                    path: (*path).into(),
                    id: id.into(),
                    size: Some(text.len() as u64),
                }
            })
            .collect()
    }

    /// A content id: any function of the text that tells these texts apart.
    fn md5_like(text: &str) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        text.hash(&mut h);
        h.finish()
    }

    /// What a repository is, as far as anything reads it: every kind's records in order
    /// with where they are, the ids each kind knows and where, the counts, and the problems
    /// (in any order).
    fn shape(repo: &Repository) -> String {
        let mut s = String::new();
        for kind in Kind::ALL {
            for e in repo.entries(kind) {
                s.push_str(&format!(
                    "{kind:?} {} {}#{} {:?}\n",
                    e.record.id(),
                    e.src.path,
                    e.src.doc,
                    repo.index(kind, e.record.id())
                ));
            }
            let mut ids: Vec<String> = repo.ids[kind as usize]
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect();
            ids.sort();
            s.push_str(&format!("{kind:?} ids {ids:?}\n"));
            let invalid: Vec<String> = repo.invalid[kind as usize]
                .iter()
                .map(|i| format!("{} {}#{}", i.id, i.source.path, i.source.doc))
                .collect();
            s.push_str(&format!("{kind:?} invalid {invalid:?}\n"));
        }
        s.push_str(&format!("counts {:?}\n", repo.counts));
        let mut problems: Vec<String> = repo.problems.iter().map(|p| format!("{p:?}")).collect();
        problems.sort();
        for p in problems {
            s.push_str(&p);
            s.push('\n');
        }
        s
    }

    const ORG: &str = "kind: organisation\nid: kommun\nname: Kommunen\n";

    fn unit(id: &str, parent: Option<&str>) -> String {
        let parent = parent.map_or(String::new(), |p| format!("parent: {p}\n"));
        format!("kind: unit\nid: {id}\nname: {id}\ntype: committee\n{parent}")
    }

    fn asset(id: &str, supports: &str) -> String {
        format!(
            "kind: asset\nid: {id}\nname: {id}\ntype: system\nunit: ks\nsupports: [{supports}]\n"
        )
    }

    /// Revisions one after the other: records added, changed, renamed and deleted; a
    /// record that fails its schema and is mended; references to records that come and go;
    /// two files in one; and an id claimed twice, then given up. Each holds the
    /// organisation, a unit and the asset `a`, and the files given.
    fn history() -> Vec<Vec<(&'static str, String)>> {
        let pair = format!("{}---\n{}", asset("e", "a"), asset("f", "missing"));
        let revisions = [
            vec![
                ("assets/b.yaml", asset("b", "")),
                ("assets/c.yaml", asset("c", "missing")),
            ],
            // b is deleted (a now refers to nothing); d is added; c changes.
            vec![
                ("assets/c.yaml", asset("c", "a")),
                ("assets/d.yaml", asset("d", "mising")),
            ],
            // b comes back under another name; d fails its schema; two records in one file.
            vec![
                ("assets/bb.yaml", asset("b", "")),
                ("assets/c.yaml", asset("c", "a")),
                ("assets/d.yaml", "kind: asset\nid: d\nname: 3\n".to_owned()),
                ("assets/pair.yaml", pair.clone()),
            ],
            // d is mended and now names an id that exists only from this revision.
            vec![
                ("assets/bb.yaml", asset("b", "")),
                ("assets/c.yaml", asset("c", "a")),
                ("assets/d.yaml", asset("d", "missing")),
                ("assets/m.yaml", asset("missing", "")),
                ("assets/pair.yaml", pair),
            ],
            // Two records claim c.
            vec![
                ("assets/c.yaml", asset("c", "a")),
                ("assets/c2.yaml", asset("C", "")),
            ],
            // And one gives it up; the unit changes.
            vec![("assets/c.yaml", asset("c", "a"))],
        ];
        let last = revisions.len() - 1;
        revisions
            .into_iter()
            .enumerate()
            .map(|(n, mut files)| {
                let parent = (n < last).then_some("ks-parent");
                files.push(("organisation.yaml", ORG.to_owned()));
                files.push(("units/ks.yaml", unit("ks", parent)));
                files.push(("assets/a.yaml", asset("a", "b")));
                files
            })
            .collect()
    }

    fn open(files: &Arc<[TreeFile]>, held: &Arc<Held>, before: Option<&Session>) -> Session {
        let root = Path::new(".");
        let cache = FileCache::new();
        let blobs: Arc<dyn Blobs> = held.clone();
        match before {
            Some(b) => Session::from_tree_after(root, files.clone(), blobs, Some(&cache), b),
            None => Session::from_tree(root, files.clone(), blobs, None),
        }
        .expect("the tree loads")
    }

    #[test]
    fn a_revision_filed_from_the_one_before_is_the_same_as_filed_afresh() {
        let mut held = Held(Default::default());
        let trees: Vec<Arc<[TreeFile]>> = history()
            .iter()
            .map(|files| {
                let files: Vec<(&str, &str)> =
                    files.iter().map(|(p, t)| (*p, t.as_str())).collect();
                tree(&files, &mut held)
            })
            .collect();
        let held = Arc::new(held);
        // Forwards and backwards, so that each change is also undone.
        for order in [
            trees.iter().collect::<Vec<_>>(),
            trees.iter().rev().collect(),
        ] {
            let mut before: Option<Session> = None;
            for files in order {
                let after = open(files, &held, before.as_ref());
                let fresh = open(files, &held, None);
                assert_eq!(shape(&after.repo), shape(&fresh.repo));
                before = Some(after);
            }
        }
        // The history holds what it is meant to: a reference to nothing, a record that
        // failed its schema, and a contested id.
        let shapes: Vec<String> = trees
            .iter()
            .map(|t| shape(&open(t, &held, None).repo))
            .collect();
        assert!(shapes[0].contains("MissingReference"), "{}", shapes[0]);
        assert!(
            shapes[2].contains("Asset invalid [\"d assets/d.yaml#0\"]"),
            "{}",
            shapes[2]
        );
        assert!(shapes[4].contains("DuplicateId"), "{}", shapes[4]);
    }

    /// Only the files that differ are read: a revision whose files are all the same as the
    /// one before reads no blob.
    #[test]
    fn a_revision_filed_from_the_one_before_reads_only_what_differs() {
        let mut held = Held(Default::default());
        let history = history();
        let files: Vec<(&str, &str)> = history[1].iter().map(|(p, t)| (*p, t.as_str())).collect();
        let first = tree(&files, &mut held);
        let mut changed = files.clone();
        let c = asset("c", "d");
        for f in changed
            .iter_mut()
            .filter(|(path, _)| *path == "assets/c.yaml")
        {
            f.1 = &c;
        }
        let second = tree(&changed, &mut held);
        let held = Arc::new(held);
        let before = open(&first, &held, None);
        // The blobs this revision shares with the one before are not there to be read.
        let only: std::collections::HashMap<String, Vec<u8>> = held
            .0
            .iter()
            .filter(|(id, _)| !first.iter().any(|f| &*f.id == id.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        assert_eq!(only.len(), 1);
        let after = open(&second, &Arc::new(Held(only)), Some(&before));
        assert_eq!(shape(&after.repo), shape(&open(&second, &held, None).repo));
        assert!(after.repo.asset("c").is_some_and(|c| c.supports == ["d"]));
    }
}
