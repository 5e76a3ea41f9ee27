//! The records of a repository, typed and indexed by id, with the problems met reading
//! them: the loader's, and those that need all records at once, duplicate ids (REC002) and
//! references to missing records (REC003).

pub mod after;
pub mod derived;
pub mod frameworks;
pub mod session;

pub use session::Session;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use crate::load::{At, Invalid, LoadResult, Loaded, RecordProblem, Source, in_path_order};
use crate::model::*;

/// Ids to what is known of them. A fixed-seed hash keeps runs identical; ids are the
/// repository's own, not an attacker's choice of keys. Shared strings: a revision filed
/// from the one before copies its index without copying an id.
type IdMap<V> = crate::util::hash::HashMap<Arc<str>, V>;

/// The place in `ids` of a record that failed its schema: its id exists, its record does not.
const INVALID: usize = usize::MAX;

/// An id as compared: ignoring case. Ids are almost always lower-case ASCII already, and
/// then no copy is made.
pub fn fold_case(id: &str) -> Cow<'_, str> {
    if id.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        Cow::Owned(id.to_lowercase())
    } else {
        Cow::Borrowed(id)
    }
}

/// One kind's records as loaded: lists in path order, one after the other.
type Bucket = crate::load::KindLists;

/// Files one kind's records into `out`, in path order, valid and invalid together. Of
/// records with the same id (ignoring case) one keeps it and the others are duplicates
/// (REC002), left out: the first in path order, unless a later one's file is named after
/// the id and the first's is not (`assets/diarium.yaml` keeps `diarium` against
/// `assets/diarium-copy.yaml`, the copy just made). Records come out of their boxes here,
/// so each kind's records lie side by side for the rules that read them all.
fn file_kind<T: Record>(
    kind: Kind,
    bucket: Bucket,
    out: &mut Vec<Rec<T>>,
    ids: &mut IdMap<usize>,
    problems: &mut Vec<RecordProblem>,
    kept_invalid: &mut Vec<Invalid>,
    unbox: fn(AnyRecord) -> Option<std::sync::Arc<T>>,
) {
    out.reserve_exact(bucket.valid_len());
    ids.reserve(bucket.valid_len() + bucket.invalid_len());
    let mut valid = in_path_order(bucket.valid, |l| &l.source)
        .into_iter()
        .flatten()
        .peekable();
    let mut invalid = in_path_order(bucket.invalid, |i| &i.source)
        .into_iter()
        .flatten()
        .peekable();
    let entries: Vec<Result<Loaded, Invalid>> =
        std::iter::from_fn(|| match (valid.peek(), invalid.peek()) {
            (Some(l), Some(i)) => {
                if (&*l.source.path, l.source.doc) <= (&*i.source.path, i.source.doc) {
                    valid.next().map(Ok)
                } else {
                    invalid.next().map(Err)
                }
            }
            (Some(_), None) => valid.next().map(Ok),
            (None, _) => invalid.next().map(Err),
        })
        .collect();
    // Who keeps each id, as the index of its entry: `ids` holds these until the records
    // are filed, then their places in `out` (or `INVALID`).
    let mut contested: Vec<usize> = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let (id, src) = id_of(entry);
        let key = fold_case(id);
        match ids.get_mut(&*key) {
            None => {
                ids.insert(key.into(), i);
            }
            Some(keeper) => {
                let (_, kept) = id_of(&entries[*keeper]);
                if named_after(src, id) && !named_after(kept, id) {
                    *keeper = i;
                }
                contested.push(i);
            }
        }
    }
    // Where each contested id is kept, for the duplicates' messages.
    let mut holders: IdMap<Holder> = IdMap::default();
    for &i in &contested {
        let key = fold_case(id_of(&entries[i]).0);
        if holders.contains_key(&*key) {
            continue;
        }
        let Some(&k) = ids.get(&*key) else { continue };
        let (id, src) = id_of(&entries[k]);
        holders.insert(
            key.into(),
            Holder {
                path: src.path.clone(),
                doc: src.doc,
                line: src.value("/id").start.line,
                id: id.to_owned(),
                named: named_after(src, id),
            },
        );
    }
    // Which entries keep their ids, from one sweep of the table rather than a lookup per
    // record; each entry's place in `out` as it is filed.
    let mut keeps = vec![false; entries.len()];
    for &k in ids.values() {
        if let Some(keep) = keeps.get_mut(k) {
            *keep = true;
        }
    }
    let mut place = vec![INVALID; entries.len()];
    for (i, entry) in entries.into_iter().enumerate() {
        if !keeps[i] {
            let (id, src) = id_of(&entry);
            if let Some(h) = holders.get(&*fold_case(id)) {
                problems.push(RecordProblem::DuplicateId {
                    at: At::value(src, "/id", kind, id),
                    first_id: h.id.clone(),
                    first_path: h.path.clone(),
                    first_line: h.line,
                    // The name decided only where path order alone would have kept this one.
                    by_name: h.named && (&*h.path, h.doc) > (&*src.path, src.doc),
                });
            }
            continue;
        }
        match entry {
            Ok(l) => {
                if let Some(r) = unbox(l.record) {
                    place[i] = out.len();
                    out.push(Rec { r, src: l.source });
                }
            }
            Err(inv) => kept_invalid.push(inv),
        }
    }
    for slot in ids.values_mut() {
        *slot = place.get(*slot).copied().unwrap_or(INVALID);
    }
}

/// The id of a record as filed, and its source.
fn id_of(entry: &Result<Loaded, Invalid>) -> (&str, &Source) {
    match entry {
        Ok(l) => (l.record.id(), &l.source),
        Err(inv) => (&inv.id, &inv.source),
    }
}

/// The record that keeps a contested id: where its id is, how it is written, and whether
/// its file is named after it.
struct Holder {
    path: Arc<str>,
    doc: usize,
    line: u32,
    id: String,
    named: bool,
}

/// Whether the file of `src` is named after `id` (ignoring case): `assets/diarium.yaml`
/// for `diarium`.
fn named_after(src: &Source, id: &str) -> bool {
    let name = src.path.rsplit('/').next().unwrap_or_default();
    let stem = name
        .strip_suffix(".yaml")
        .or_else(|| name.strip_suffix(".yml"))
        .unwrap_or(name);
    stem.eq_ignore_ascii_case(id)
}

/// A record with its source.
#[derive(Debug, Clone)]
pub struct Rec<T> {
    /// Shared with the loader's cache and with other revisions that hold the same file.
    pub r: std::sync::Arc<T>,
    pub src: Source,
}

impl<T> std::ops::Deref for Rec<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.r
    }
}

/// Generates [`Repository`] with one list per kind, and what depends on the list of kinds:
/// filing the loaded records, the kind-agnostic entries and the references of every kind.
macro_rules! define_repository {
    ($($variant:ident {
        kind: $kind:ident, plural: $plural:literal, folder: $folder:literal, list: $list:ident,
        $($_rest:tt)*
    }),* $(,)?) => {
        /// Every valid record, by kind, in path and document order.
        #[derive(Debug, Default)]
        pub struct Repository {
            $(pub $list: Vec<Rec<$variant>>,)*
            /// Lower-cased ids of every record with a readable id, valid or not, indexed by
            /// kind: the record's place in its kind's list, or `INVALID`.
            ids: [IdMap<usize>; Kind::ALL.len()],
            /// The records that failed their schema but whose id was read and kept, by kind,
            /// in path order: their references are checked (REC003), and a revision filed
            /// from this one gives their ids up with their files.
            invalid: [Vec<Invalid>; Kind::ALL.len()],
            /// How many of `problems`, from the first, the loader met (REC001, with those of
            /// `isms.toml`): what a revision filed from this one keeps for the files it keeps.
            loader_problems: usize,
            /// Whether two records of a kind claimed one id, or a second organisation was
            /// read (REC002): a revision is then filed afresh rather than from this one.
            contested: bool,
            /// Records per kind, invalid ones included (for the summary line).
            pub counts: Vec<(Kind, usize)>,
            /// File texts by relative path, for code frames.
            pub files: HashMap<Arc<str>, Arc<str>>,
            /// `isms.toml` when the repository has one: where repository-wide findings
            /// point when there is no organisation record.
            pub config_file: Option<Arc<str>>,
            /// The problems met reading the records (REC001–REC003), unsorted: the REC
            /// rules report them.
            pub problems: Vec<RecordProblem>,
            /// The framework catalogues records can name: the built-in ones and the
            /// organisation's own (`frameworks::catalogues`).
            pub catalogues: Vec<crate::registry::Framework>,
            /// The active assets by the supplier their `hosting.supplier` names (folded),
            /// made the first time it is asked for.
            served: std::sync::OnceLock<IdMap<Vec<usize>>>,
        }

        impl Repository {
            /// Files each kind's loaded records into its list, the kinds in parallel; the
            /// duplicates found are added to `found`, one list per kind.
            fn file_all(
                &mut self,
                mut by_kind: [Bucket; Kind::ALL.len()],
                found: &mut [Vec<RecordProblem>; Kind::ALL.len()],
                kept_invalid: &mut [Vec<Invalid>; Kind::ALL.len()],
            ) {
                let Repository { $($list,)* ids, .. } = self;
                let mut ids_left = ids.iter_mut();
                let mut found_left = found.iter_mut();
                let mut invalid_left = kept_invalid.iter_mut();
                rayon::scope(|s| {
                    $(
                        let bucket = std::mem::take(&mut by_kind[Kind::$variant as usize]);
                        // `ids`, `found` and `kept_invalid` are in `Kind::ALL` order, as the
                        // table is.
                        let (Some(ids), Some(found), Some(invalid)) =
                            (ids_left.next(), found_left.next(), invalid_left.next())
                        else {
                            return;
                        };
                        s.spawn(move |_| {
                            file_kind(Kind::$variant, bucket, $list, ids, found, invalid, |r| match r {
                                AnyRecord::$variant(b) => Some(b),
                                _ => None,
                            })
                        });
                    )*
                });
            }

            /// Files each kind's records after the revision before (`after`), the kinds in
            /// parallel: `None` when ids are contested in a kind.
            fn file_all_after(
                &mut self,
                before: &Repository,
                delta: &after::Delta,
                mut by_kind: [Bucket; Kind::ALL.len()],
            ) -> Option<Vec<after::KindAfter>> {
                let Repository { $($list,)* ids, invalid, .. } = self;
                let mut found: [Option<after::KindAfter>; Kind::ALL.len()] = Default::default();
                let mut ids_left = ids.iter_mut();
                let mut invalid_left = invalid.iter_mut();
                let mut found_left = found.iter_mut();
                rayon::scope(|s| {
                    $(
                        let k = Kind::$variant as usize;
                        let bucket = std::mem::take(&mut by_kind[k]);
                        let (Some(ids), Some(invalid), Some(found)) =
                            (ids_left.next(), invalid_left.next(), found_left.next())
                        else {
                            return;
                        };
                        s.spawn(move |_| {
                            *found = after::file_kind_after(
                                &before.$list, &before.ids[k], &before.invalid[k], delta,
                                bucket, $list, ids, invalid,
                                |r| match r {
                                    AnyRecord::$variant(b) => Some(b),
                                    _ => None,
                                },
                            );
                        });
                    )*
                });
                found.into_iter().collect()
            }

            /// REC003 for the records each kind read anew (`KindAfter::fresh`).
            fn check_references_of(
                &self,
                found: &[after::KindAfter],
                problems: &mut Vec<RecordProblem>,
            ) {
                $(
                    if let Some(k) = found.get(Kind::$variant as usize) {
                        for &i in k.fresh() {
                            let r = &self.$list[i];
                            let mut refs = Refs { repo: self, src: &r.src, kind: r.r.kind(), id: r.r.id(), problems };
                            r.r.references(&mut refs);
                        }
                    }
                )*
            }

            /// How many valid records of `kind` there are.
            fn len_of(&self, kind: Kind) -> usize {
                match kind {
                    $(Kind::$variant => self.$list.len(),)*
                }
            }

            /// The valid records of one kind, in path order, as kind-agnostic entries.
            pub fn entries(&self, kind: Kind) -> Vec<Entry<'_>> {
                match kind {
                    $(Kind::$variant => self.$list.iter().map(Entry::of).collect(),)*
                }
            }

            /// REC003 for every kind's records, the kinds in parallel, their problems
            /// joined in table order; then for the records that failed their schema, by
            /// the references read from their documents.
            fn check_references(&self) -> Vec<RecordProblem> {
                let mut found: [Vec<RecordProblem>; Kind::ALL.len()] = Default::default();
                let mut found_left = found.iter_mut();
                rayon::scope(|s| {
                    $(
                        let Some(out) = found_left.next() else { return };
                        let list = &self.$list;
                        s.spawn(move |_| {
                            for r in list {
                                let mut refs = Refs { repo: self, src: &r.src, kind: r.r.kind(), id: r.r.id(), problems: out };
                                r.r.references(&mut refs);
                            }
                        });
                    )*
                });
                let mut problems: Vec<RecordProblem> = found.into_iter().flatten().collect();
                for inv in self.invalid.iter().flatten() {
                    self.check_invalid(inv, &mut problems);
                }
                problems
            }
        }
    };
}
kind_table!(define_repository);

/// One valid record, whatever its kind.
pub struct Entry<'r> {
    pub kind: Kind,
    pub record: &'r dyn Record,
    pub src: &'r Source,
}

impl<'r> Entry<'r> {
    fn of<T: Record>(r: &'r Rec<T>) -> Entry<'r> {
        Entry {
            kind: r.r.kind(),
            record: &*r.r,
            src: &r.src,
        }
    }
}

impl Repository {
    /// Files the loaded records by kind and runs the whole-repository checks.
    pub fn build(load: LoadResult) -> Repository {
        let mut repo = Repository::default();
        let mut problems = load.problems;
        repo.files = load.files.into_iter().collect();
        // Each kind is filed on its own: ids are unique within a kind, so duplicates and
        // "first defined" need only that kind's records, which keep the loader's path
        // order. The kinds are then filed in parallel.
        let by_kind: [Bucket; Kind::ALL.len()] = load.kinds;
        let counts: Vec<usize> = by_kind
            .iter()
            .map(|b| b.valid_len() + b.invalid_len())
            .collect();
        let mut found: [Vec<RecordProblem>; Kind::ALL.len()] = Default::default();
        let mut invalid: [Vec<Invalid>; Kind::ALL.len()] = Default::default();
        repo.loader_problems = problems.len();
        repo.file_all(by_kind, &mut found, &mut invalid);
        repo.contested = found.iter().any(|f| !f.is_empty()) || repo.organisation.len() > 1;
        problems.extend(found.into_iter().flatten());
        let mut counts: Vec<(Kind, usize)> = Kind::ALL
            .iter()
            .map(|k| (*k, counts[*k as usize]))
            .filter(|(_, n)| *n > 0)
            .collect();
        counts.sort();
        repo.counts = counts;
        if repo.organisation.len() > 1 {
            for o in &repo.organisation[1..] {
                problems.push(RecordProblem::SecondOrganisation {
                    at: At::value(&o.src, "/kind", Kind::Organisation, o.id.clone()),
                });
            }
        }
        repo.invalid = invalid;
        problems.extend(repo.check_references());
        repo.finish(problems)
    }

    /// Adds what depends on every record of some kinds, the framework catalogues and the
    /// problems of activities' goals and of controls, to `problems`, which become the
    /// repository's.
    fn finish(mut self, mut problems: Vec<RecordProblem>) -> Repository {
        self.catalogues = frameworks::catalogues(crate::registry::registry(), &self.frameworks);
        self.check_goals(&mut problems);
        self.check_controls(&mut problems);
        self.problems = problems;
        self
    }

    /// Total records read, invalid ones included.
    pub fn record_count(&self) -> usize {
        self.counts.iter().map(|(_, n)| n).sum()
    }

    /// Whether a record of `kind` with this id exists (case-insensitive), valid or not.
    pub fn exists(&self, kind: Kind, id: &str) -> bool {
        self.ids[kind as usize].contains_key(&*fold_case(id))
    }

    /// The id of `kind` closest to `value`, for a reference to nothing (REC003).
    fn closest(&self, kind: Kind, value: &str) -> Option<String> {
        let candidates = self.ids[kind as usize].keys().map(|k| &**k);
        crate::util::suggest::closest(value, candidates).map(str::to_owned)
    }

    /// The place of the valid record of `kind` with `id` in its kind's list (ids compare
    /// ignoring case): for views kept in the same order, such as the derived assets.
    pub fn index(&self, kind: Kind, id: &str) -> Option<usize> {
        self.ids[kind as usize]
            .get(&*fold_case(id))
            .copied()
            .filter(|i| *i != INVALID)
    }

    pub fn unit(&self, id: &str) -> Option<&Rec<Unit>> {
        self.index(Kind::Unit, id).map(|i| &self.units[i])
    }
    pub fn asset(&self, id: &str) -> Option<&Rec<Asset>> {
        self.index(Kind::Asset, id).map(|i| &self.assets[i])
    }
    pub fn plan(&self, id: &str) -> Option<&Rec<Plan>> {
        self.index(Kind::Plan, id).map(|i| &self.plans[i])
    }
    pub fn activity(&self, id: &str) -> Option<&Rec<Activity>> {
        self.index(Kind::Activity, id).map(|i| &self.activities[i])
    }
    pub fn measure(&self, id: &str) -> Option<&Rec<Measure>> {
        self.index(Kind::Measure, id).map(|i| &self.measures[i])
    }
    pub fn review(&self, id: &str) -> Option<&Rec<Review>> {
        self.index(Kind::Review, id).map(|i| &self.reviews[i])
    }
    pub fn audit_finding(&self, id: &str) -> Option<&Rec<AuditFinding>> {
        self.index(Kind::AuditFinding, id)
            .map(|i| &self.audit_findings[i])
    }

    /// The indices in `assets` of the active assets whose `hosting.supplier` names
    /// `supplier` (ids compare ignoring case), in path order.
    pub fn assets_served_by(&self, supplier: &str) -> &[usize] {
        let served = self.served.get_or_init(|| {
            let mut map: IdMap<Vec<usize>> = IdMap::default();
            for (i, a) in self.assets.iter().enumerate() {
                let named = a.hosting.as_ref().and_then(|h| h.supplier.as_deref());
                if let Some(s) = named.filter(|_| a.is_active()) {
                    // A supplier serves many assets: its key is made once, at the first.
                    let key = fold_case(s);
                    match map.get_mut(&*key) {
                        Some(served) => served.push(i),
                        None => {
                            map.insert(key.into(), vec![i]);
                        }
                    }
                }
            }
            map
        });
        served.get(&*fold_case(supplier)).map_or(&[], Vec::as_slice)
    }

    /// The text of a file, for code frames.
    pub fn file_text(&self, path: &str) -> Option<&str> {
        self.files.get(path).map(|t| &**t)
    }

    /// REC003 for the references read from the document of a record that failed its schema.
    fn check_invalid(&self, inv: &Invalid, problems: &mut Vec<RecordProblem>) {
        let mut refs = Refs {
            repo: self,
            src: &inv.source,
            kind: inv.kind,
            id: &inv.id,
            problems,
        };
        for r in &inv.refs {
            refs.one(&r.pointer, r.target, Some(&r.id));
        }
    }

    /// REC003 for an activity's goal, which must be one of its plan's goals.
    fn check_goals(&self, problems: &mut Vec<RecordProblem>) {
        for r in &self.activities {
            if let (Some(goal), Some(plan)) = (&r.goal, self.plan(&r.plan))
                && !plan.goals.iter().any(|g| g.id.eq_ignore_ascii_case(goal))
            {
                problems.push(RecordProblem::MissingGoal {
                    at: At::value(&r.src, "/goal", Kind::Activity, r.id.clone()),
                    goal: goal.clone(),
                    plan: plan.id.clone(),
                    goals: plan.goals.iter().map(|g| g.id.clone()).collect(),
                });
            }
        }
    }
}

/// Checks the references one record makes (REC003).
struct Refs<'a> {
    repo: &'a Repository,
    src: &'a Source,
    /// The record making the references.
    kind: Kind,
    id: &'a str,
    problems: &'a mut Vec<RecordProblem>,
}

impl References for Refs<'_> {
    fn one(&mut self, pointer: &str, target: Kind, value: Option<&str>) {
        let Some(value) = value else { return };
        if self.repo.exists(target, value) {
            return;
        }
        let (kind, id, src) = (self.kind, self.id, self.src);
        let field = pointer
            .trim_start_matches('/')
            .split('/')
            .next()
            .unwrap_or_default();
        self.problems.push(RecordProblem::MissingReference {
            at: At::value(src, pointer, kind, id),
            target,
            value: value.to_owned(),
            field: field.to_owned(),
            closest: self.repo.closest(target, value),
        });
    }

    fn many(&mut self, pointer: &str, target: Kind, values: &[String]) {
        for (i, v) in values.iter().enumerate() {
            // The pointer is written only for a reference that is missing.
            if !self.repo.exists(target, v) {
                self.one(&format!("{pointer}/{i}"), target, Some(v));
            }
        }
    }
}
