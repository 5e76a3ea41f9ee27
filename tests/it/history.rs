//! Revisions read from git into memory (`check --baseline`, `report --compare`,
//! `check --staged`): read as the work tree is read, on real git repositories made in the
//! test (renames, deletions, a subfolder ISMS, shallow clones, tags, merges, invalid and
//! oversized records at a revision), and loaded once per content with a cache.

use std::path::Path;

use isms::check::check;
use isms::git::Snapshot;
use isms::load::FileCache;
use isms::model::Date;
use isms::repo::session::Session;
use isms::rules::Selection;
use serde_json::Value;

use crate::baseline::{commit_all, committed_example, git};
use crate::support::{Run, TempRepo, isms_in, isms_with_env};

const AS_OF: &str = "2026-11-28";

fn as_of() -> Date {
    Date::parse(AS_OF).expect("date")
}

/// Everything a check says of a session, in output order, as text: findings with their
/// places and messages, the waived ones, and the record counts.
fn said(session: &Session) -> String {
    let result = check(session, as_of(), &Selection::default());
    format!(
        "{:#?}\n{:#?}\n{:?}\n{:?}",
        result.findings, result.waived, session.repo.counts, session.repo.config_file
    )
}

/// Files of every sort the walk treats in its own way: hidden files and folders, a
/// folder excluded by `isms.toml`, `.yml`, a file that is not a record file, a record that
/// fails its schema, one that is not YAML, one that is not UTF-8, a BOM and lone CRs, a
/// file over the size limit, a record with an id used twice and one referring to a
/// missing record.
fn odd_files(repo: &TempRepo) {
    repo.write(
        ".hidden/a.yaml",
        "kind: unit\nid: dold\nname: Dold\ntype: board\n",
    )
    .write(
        "units/.b.yaml",
        "kind: unit\nid: dold-b\nname: B\ntype: board\n",
    )
    .write("utkast/x.yaml", "kind: unit\nid: [trasig\n")
    .write(
        "units/yml.yml",
        "kind: unit\nid: yml\nname: Yml\ntype: board\n",
    )
    .write("units/notes.txt", "kind: unit\nid: [not read\n")
    .write(
        "units/ogiltig.yaml",
        "kind: unit\nid: ogiltig\nname: X\ntype: nope\n",
    )
    .write("units/syntax.yaml", "kind: unit\nid: syntax\nname: [X\n")
    .write(
        "units/latin1.yaml",
        b"kind: unit\nid: latin\nname: Malm\xf6\ntype: board\n".as_slice(),
    )
    .write(
        "units/bom.yaml",
        b"\xEF\xBB\xBFkind: unit\rid: bom\rname: Bom\rtype: board\r".as_slice(),
    )
    .write("units/stor.yaml", vec![b'#'; 17 * 1024 * 1024])
    .write(
        "units/dubbel.yaml",
        "kind: unit\nid: yml\nname: Dubbel\ntype: board\n",
    )
    .write(
        "units/ref.yaml",
        "kind: unit\nid: ref\nname: Ref\ntype: board\nparent: finns-inte\n",
    );
    let config = repo.read("isms.toml");
    repo.write("isms.toml", format!("exclude = [\"utkast/\"]\n{config}"));
}

/// The revision says what the work tree says when they hold the same files: every
/// finding, its place and message, the counts and the configuration, for both examples
/// and for files the walk treats each in its own way.
#[test]
fn a_revision_reads_as_the_same_files_in_the_work_tree() {
    for example in ["sjobacka", "norrvik"] {
        let repo = TempRepo::empty();
        let from = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join(example);
        for entry in walkdir::WalkDir::new(&from) {
            let entry = entry.expect("walk");
            let rel = entry.path().strip_prefix(&from).expect("below");
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(repo.path().join(rel)).expect("mkdir");
            } else {
                std::fs::copy(entry.path(), repo.path().join(rel)).expect("copy");
            }
        }
        if example == "sjobacka" {
            odd_files(&repo);
        }
        commit_all(repo.path());
        let disk = Session::open(repo.path()).expect("work tree");
        let snapshot = Snapshot::read(repo.path(), "HEAD", "--baseline").expect("revision");
        let memory = snapshot.open(None).expect("revision's session");
        assert!(disk.repo.record_count() > 100, "{example}");
        assert_eq!(
            disk.repo.problems.len(),
            memory.repo.problems.len(),
            "{example}"
        );
        assert_eq!(said(&disk), said(&memory), "{example}");
        // And again through a cache, twice: the second time every file comes from it.
        let cache = FileCache::new();
        let first = snapshot.open(Some(&cache)).expect("first");
        let held = cache.len();
        let second = snapshot.open(Some(&cache)).expect("second");
        assert_eq!(cache.len(), held, "nothing parsed again");
        assert_eq!(said(&first), said(&disk), "{example}");
        assert_eq!(said(&second), said(&disk), "{example}");
    }
}

/// With a cache, a second revision parses only the files that changed: one per content
/// and path. A renamed file is parsed again (its path is in its records' places).
#[test]
fn a_cache_parses_each_changed_file_once() {
    let repo = committed_example();
    let first = Snapshot::read(repo.path(), "HEAD", "--baseline").expect("first");
    let records = first.files().len() - 1; // and isms.toml, which is not cached
    let cache = FileCache::new();
    let before = first.open(Some(&cache)).expect("first");
    assert_eq!(cache.len(), records);
    repo.replace(
        "units/kultur-och-fritidsnamnden.yaml",
        "security_representative: Maria Sjöberg\n",
        "",
    );
    git(
        repo.path(),
        &[
            "mv",
            "policies/informationssakerhetspolicy.yaml",
            "policies/policy.yaml",
        ],
    );
    git(repo.path(), &["commit", "-qam", "one change, one rename"]);
    let second = Snapshot::read(repo.path(), "HEAD", "--baseline").expect("second");
    let after = second.open(Some(&cache)).expect("second");
    assert_eq!(cache.len(), records + 2);
    // The cached files give what a fresh read gives.
    let fresh = second.open(None).expect("fresh");
    assert_eq!(said(&after), said(&fresh));
    assert_ne!(said(&after), said(&before));
    assert!(
        fresh
            .repo
            .policies
            .iter()
            .any(|p| &*p.src.path == "policies/policy.yaml")
    );
}

/// A revision takes from the work tree's load only the files that git has clean in its
/// index: an edit made just after the commit (same size, same second: what git calls
/// racily clean), a staged edit (the index's blob, not the revision's) and a deleted file
/// are read from the revision.
#[test]
fn only_files_the_same_in_the_work_tree_are_taken_from_its_load() {
    let repo = committed_example();
    let (staged, edited, deleted) = (
        "units/kultur-och-fritidsnamnden.yaml",
        "policies/informationssakerhetspolicy.yaml",
        "units/raddningstjansten.yaml",
    );
    repo.replace(staged, "security_representative: Maria Sjöberg\n", "");
    git(repo.path(), &["add", staged]);
    let text = repo.read(edited);
    repo.write(edited, text.replacen("kind: policy", "kind: polisy", 1));
    std::fs::remove_file(repo.path().join(deleted)).expect("delete");
    let ids = isms::git::work_tree_ids(repo.path());
    for path in [edited, deleted] {
        assert!(!ids.contains_key(path), "{path}");
    }
    // The staged file is the index's blob, not the revision's.
    let blob = |rev: &str| git(repo.path(), &["rev-parse", &format!("{rev}:{staged}")]);
    assert_eq!(
        ids.get(staged).map(|id| id.to_string()),
        Some(blob("").trim().to_owned())
    );
    assert_ne!(blob(""), blob("HEAD"));
    assert!(ids.contains_key("units/barn-och-utbildningsnamnden.yaml"));
    let cache = FileCache::once();
    let kept = isms::load::Kept::default();
    let work_tree = Session::open_seeding(repo.path(), Some(&kept)).expect("work tree");
    kept.seed(&ids, &cache);
    assert_eq!(
        said(&work_tree),
        said(&Session::open(repo.path()).expect("open"))
    );
    let snapshot = Snapshot::read(repo.path(), "HEAD", "--baseline").expect("head");
    let seeded = snapshot.open(Some(&cache)).expect("seeded");
    let fresh = snapshot.open(None).expect("fresh");
    assert_eq!(said(&seeded), said(&fresh));
    assert_ne!(said(&seeded), said(&work_tree));
}

/// The pre-commit hook's run (`check --staged --baseline HEAD`): the revision takes the
/// staged files it shares from the index's load and gives what reading it whole gives.
#[test]
fn the_staged_files_are_shared_with_the_revision_read_after_them() {
    let repo = committed_example();
    repo.replace(
        "units/kultur-och-fritidsnamnden.yaml",
        "security_representative: Maria Sjöberg\n",
        "",
    );
    git(repo.path(), &["add", "-A"]);
    let keep = FileCache::new();
    let staged = Snapshot::staged(repo.path()).expect("index");
    let _index = staged.open(Some(&keep)).expect("index's session");
    assert_eq!(keep.len(), staged.files().len() - 1);
    let head = Snapshot::read(repo.path(), "HEAD", "--baseline").expect("head");
    let once = keep.into_once();
    let shared = head.open(Some(&once)).expect("shared");
    assert_eq!(once.len(), 1, "the staged edit, which HEAD does not hold");
    assert_eq!(said(&shared), said(&head.open(None).expect("whole")));
    let run = isms_in(
        repo.path(),
        &[
            "check",
            "--staged",
            "--lang",
            "en",
            "--as-of",
            AS_OF,
            "--baseline",
            "HEAD",
            "--format",
            "json",
            "--fail-on",
            "never",
        ],
    );
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert_eq!(ids_in_state(&run, "new"), ["kultur-och-fritidsnamnden"]);
    assert!(ids_in_state(&run, "absent").is_empty(), "{}", run.stdout);
}

/// `check --as-of AS_OF --lang en --baseline REV ARGS` in `dir`.
fn check_in(dir: &Path, rev: &str, args: &[&str]) -> Run {
    let mut all = vec!["check", "--lang", "en", "--as-of", AS_OF, "--baseline", rev];
    all.extend(args);
    isms_in(dir, &all)
}

fn baseline_line(run: &Run) -> &str {
    run.stdout.lines().last().unwrap_or_default()
}

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
}

/// A committee without a security representative: one gap (ORG001) of its own.
const EXTRA_UNIT: &str = "kind: unit\nid: extra\nname: Extra\ntype: committee\n";

/// The ids of the records of the findings of a JSON ratchet run in `state`, each once.
fn ids_in_state(run: &Run, state: &str) -> Vec<String> {
    let mut ids: Vec<String> = json(run)["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["baseline_state"] == state)
        .map(|f| f["id"].as_str().unwrap_or_default().to_owned())
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// A deleted record's findings are fixed at the revision, and a renamed file's are not
/// new; the management review counts the deleted record at the revision only.
#[test]
fn renamed_and_deleted_files() {
    let repo = TempRepo::example();
    repo.write("units/extra.yaml", EXTRA_UNIT);
    commit_all(repo.path());
    let units_then = Session::open(repo.path()).expect("open").repo.units.len();
    git(repo.path(), &["mv", "units", "enheter"]);
    git(repo.path(), &["rm", "-qf", "enheter/extra.yaml"]);
    let run = check_in(repo.path(), "HEAD", &["--fail-on", "warning"]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    // The new unit's three gaps are fixed; the renamed units' are not new.
    assert!(
        baseline_line(&run).ends_with(", 3 fixed, 0 new"),
        "{}",
        run.stdout
    );
    let run = check_in(
        repo.path(),
        "HEAD",
        &["--format", "json", "--fail-on", "never"],
    );
    assert_eq!(ids_in_state(&run, "absent"), ["extra"], "{}", run.stdout);

    let report = isms_in(
        repo.path(),
        &[
            "report",
            "management",
            "--format",
            "json",
            "--as-of",
            AS_OF,
            "--compare",
            "HEAD",
        ],
    );
    assert_eq!(report.code, Some(0), "{}", report.stderr);
    assert_eq!(json(&report)["compare"]["rev"], "HEAD");
    let now = Session::open(repo.path()).expect("open").repo.units.len();
    assert_eq!(now + 1, units_then);
    let at_head = Snapshot::read(repo.path(), "HEAD", "--compare")
        .expect("head")
        .open(None)
        .expect("open");
    assert_eq!(at_head.repo.units.len(), units_then);
    assert!(
        at_head
            .repo
            .units
            .iter()
            .all(|u| u.src.path.starts_with("units/"))
    );
}

/// The ISMS in a subfolder of the git work tree, with its own `isms.toml`: the revision's
/// files are those below it, read with the revision's own `exclude`, not the work tree's.
#[test]
fn a_subfolder_isms_is_read_with_the_revisions_own_configuration() {
    let top = TempRepo::empty();
    let lis = top.copy_example("lis");
    // A record beside the ISMS folder is not one of its files.
    top.write("annat/x.yaml", "kind: unit\nid: [trasig\n");
    top.write("lis/utkast/u.yaml", "kind: unit\nid: [trasig\n");
    let config = top.read("lis/isms.toml");
    top.write("lis/isms.toml", format!("exclude = [\"utkast\"]\n{config}"));
    commit_all(top.path());
    // The draft folder is read in the work tree from now on.
    top.write("lis/isms.toml", &config);
    let run = check_in(&lis, "HEAD", &["--fail-on", "error", "--format", "json"]);
    let data = json(&run);
    let new: Vec<&Value> = data["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["baseline_state"] == "new")
        .collect();
    assert_eq!(new.len(), 1, "{new:#?}");
    assert_eq!(new[0]["code"], "REC001");
    assert_eq!(new[0]["path"], "lis/utkast/u.yaml");
    let snapshot = Snapshot::read(&lis, "HEAD", "--baseline").expect("revision");
    assert!(
        snapshot
            .files()
            .iter()
            .all(|f| !f.path.starts_with("annat")),
        "only the ISMS folder's files"
    );
    assert!(snapshot.files().iter().any(|f| &*f.path == "isms.toml"));
}

/// A shallow clone holds its last commit: a baseline there works, and one before it is
/// refused with the settings that fetch the history.
#[test]
fn a_shallow_clone_reads_what_it_holds_and_says_how_to_fetch_the_rest() {
    let repo = committed_example();
    git(
        repo.path(),
        &["commit", "-q", "--allow-empty", "-m", "second"],
    );
    let clone = TempRepo::empty();
    let url = format!("file://{}", repo.path().display());
    git(clone.path(), &["clone", "-q", "--depth", "1", &url, "c"]);
    let dir = clone.path().join("c");
    let run = check_in(&dir, "HEAD", &["--fail-on", "warning"]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert!(
        baseline_line(&run).ends_with(", 0 fixed, 0 new"),
        "{}",
        run.stdout
    );
    let run = check_in(&dir, "HEAD~1", &[]);
    run.assert_refused("shallow");
    assert!(run.stderr.contains("fetch-depth: 0"), "{}", run.stderr);
    assert!(run.stderr.contains("GIT_DEPTH: 0"), "{}", run.stderr);
}

/// A tag (lightweight or annotated) names the commit it points at.
#[test]
fn a_tag_is_a_revision() {
    let repo = committed_example();
    git(repo.path(), &["tag", "granskad"]);
    git(repo.path(), &["tag", "-a", "-m", "rådet", "v2026"]);
    repo.replace(
        "units/kultur-och-fritidsnamnden.yaml",
        "security_representative: Maria Sjöberg\n",
        "",
    );
    git(repo.path(), &["commit", "-qam", "later"]);
    for tag in ["granskad", "v2026"] {
        let run = check_in(repo.path(), tag, &["--fail-on", "warning"]);
        assert_eq!(run.code, Some(1), "{tag}: {}{}", run.stdout, run.stderr);
        assert!(baseline_line(&run).ends_with(", 1 new"), "{}", run.stdout);
        let report = isms_in(
            repo.path(),
            &[
                "report",
                "management",
                "--format",
                "json",
                "--as-of",
                AS_OF,
                "--compare",
                tag,
            ],
        );
        assert_eq!(report.code, Some(0), "{}", report.stderr);
        let head1 = git(repo.path(), &["rev-parse", "HEAD~1"]);
        assert_eq!(json(&report)["compare"]["commit"], head1.trim(), "{tag}");
    }
}

/// A merge commit's records are its tree's: both sides' changes.
#[test]
fn a_merge_commit_holds_both_sides() {
    let repo = committed_example();
    git(repo.path(), &["checkout", "-qb", "sida"]);
    repo.replace(
        "units/kultur-och-fritidsnamnden.yaml",
        "security_representative: Maria Sjöberg\n",
        "",
    );
    git(repo.path(), &["commit", "-qam", "side"]);
    git(repo.path(), &["checkout", "-q", "main"]);
    repo.write("units/extra.yaml", EXTRA_UNIT);
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-qm", "main"]);
    git(repo.path(), &["merge", "-q", "--no-edit", "sida"]);
    let merge = Snapshot::read(repo.path(), "HEAD", "--baseline")
        .expect("merge")
        .open(None)
        .expect("open");
    let disk = Session::open(repo.path()).expect("work tree");
    assert_eq!(said(&merge), said(&disk));
    // Against each parent, the other side's gap is new.
    for (parent, new) in [("HEAD^1", "kultur-och-fritidsnamnden"), ("HEAD^2", "extra")] {
        let run = check_in(
            repo.path(),
            parent,
            &["--format", "json", "--fail-on", "never"],
        );
        assert_eq!(ids_in_state(&run, "new"), [new], "{}", run.stdout);
    }
    let run = check_in(repo.path(), "HEAD", &["--fail-on", "warning"]);
    assert!(
        baseline_line(&run).ends_with(", 0 fixed, 0 new"),
        "{}",
        run.stdout
    );
}

/// A record that is invalid at the revision is a REC001 at its place there, and the run
/// goes on: fixing it in the work tree counts as a fix.
#[test]
fn an_invalid_record_at_the_revision_is_reported_at_its_place() {
    let repo = TempRepo::example();
    repo.write(
        "units/trasig.yaml",
        "kind: unit\nid: trasig\nname: Trasig\ntype: board\nparent: [a\n",
    );
    commit_all(repo.path());
    let findings_at = |cache: Option<&FileCache>| {
        isms::check::baseline::findings_at(
            repo.path(),
            "HEAD",
            as_of(),
            &Selection::default(),
            isms::config::Language::En,
            cache,
        )
        .expect("findings")
    };
    let before = findings_at(None);
    // The same when the revision takes its files from the work tree's load.
    let cache = FileCache::once();
    let ids = isms::git::work_tree_ids(repo.path());
    assert!(ids.contains_key("units/trasig.yaml"), "{ids:?}");
    let kept = isms::load::Kept::default();
    let _work_tree = Session::open_seeding(repo.path(), Some(&kept)).expect("work tree");
    kept.seed(&ids, &cache);
    assert!(cache.len() > 100);
    assert_eq!(findings_at(Some(&cache)), before);
    assert!(cache.is_empty(), "every file given to the revision");
    let rec001 = before
        .iter()
        .find(|d| d.code == "REC001")
        .expect("a REC001 at the revision");
    let loc = rec001.location.as_ref().expect("a place");
    assert_eq!(&*loc.path, "units/trasig.yaml");
    let span = loc.span.expect("a position");
    assert_eq!(span.start.line, 5, "{rec001:#?}");
    git(repo.path(), &["rm", "-q", "units/trasig.yaml"]);
    let run = check_in(
        repo.path(),
        "HEAD",
        &["--format", "json", "--fail-on", "never"],
    );
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    let data = json(&run);
    let absent: Vec<&Value> = data["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"] == "REC001" && f["baseline_state"] == "absent")
        .collect();
    assert_eq!(absent.len(), 1, "{}", run.stdout);
    assert_eq!(absent[0]["path"], "units/trasig.yaml");
    assert_eq!(absent[0]["line"], 5);
}

/// The index has no sizes: a staged file over the limit is refused by the size git gives
/// as it reads it, and a staged record's code frame shows the staged text.
#[test]
fn staged_files_over_the_limit_and_code_frames_come_from_the_index() {
    let repo = committed_example();
    repo.write("assets/stor.yaml", vec![b'#'; 17 * 1024 * 1024]);
    repo.write(
        "units/trasig.yaml",
        "kind: unit\nid: trasig\nname: Staged\ntype: nope\n",
    );
    git(repo.path(), &["add", "-A"]);
    // The work tree differs from the index: the frame must show the staged text.
    repo.write(
        "units/trasig.yaml",
        "kind: unit\nid: trasig\nname: Work tree\ntype: board\n",
    );
    let run = isms_with_env(
        repo.path(),
        &[
            "check", "--staged", "--lang", "en", "--as-of", AS_OF, "--select", "REC",
        ],
        &[],
    );
    assert_eq!(run.code, Some(2), "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("assets/stor.yaml"), "{}", run.stdout);
    assert!(run.stdout.contains("17.0 MiB"), "{}", run.stdout);
    assert!(run.stdout.contains("units/trasig.yaml:4"), "{}", run.stdout);
    assert!(run.stdout.contains("type: nope"), "{}", run.stdout);
    assert!(!run.stdout.contains("Work tree"), "{}", run.stdout);
}

/// A trend's points count findings whose messages are left unsaid: the same findings as a
/// check's, data for data (rule, severity, record, subject, template, place), no message
/// said for any of them that has a template, and figures that tell findings apart as the
/// check's do, kept as a hash (`Diagnostic::counted`).
#[test]
fn counted_findings_are_the_checks_findings_without_their_messages() {
    let repo = TempRepo::example();
    let session = Session::open(repo.path()).expect("open");
    let data = |d: &isms::diagnostic::Diagnostic| {
        format!(
            "{} {:?} {:?} {:?} {:?} {} {:?}",
            d.code, d.severity, d.id, d.subject, d.related, d.template, d.location
        )
    };
    // Each finding's data, and how many different figures the findings with that data have.
    let grouped = |found: &[isms::diagnostic::Diagnostic]| {
        let mut groups: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> =
            Default::default();
        for d in found {
            let figures = format!("{:?} {}", d.figures, d.figures_hash);
            groups.entry(data(d)).or_default().insert(figures);
        }
        groups
            .into_iter()
            .map(|(k, v)| (k, v.len()))
            .collect::<Vec<_>>()
    };
    let said = check(&session, as_of(), &Selection::default()).findings;
    let counted = isms::check::counted(&session, as_of()).findings;
    assert!(
        counted
            .iter()
            .filter(|d| !d.template.is_empty())
            .all(|d| d.message.is_empty())
    );
    assert!(said.len() > 50, "{}", said.len());
    assert_eq!(said.len(), counted.len());
    assert_eq!(grouped(&said), grouped(&counted));
    // The figures of a counted finding are hashed, not kept.
    assert!(said.iter().all(|d| d.figures_hash == 0));
    let hashed = counted.iter().filter(|d| d.figures_hash != 0).count();
    assert!(
        hashed * 10 > counted.len() * 9,
        "{hashed} of {}",
        counted.len()
    );
}

/// A revision is one line of `git cat-file`'s input: a name with a line break in it is
/// refused, not read as two questions.
#[test]
fn a_revision_with_a_line_break_is_refused() {
    let repo = committed_example();
    let refused = |revs: &[&str]| match Snapshot::read_all(repo.path(), revs, "--rev") {
        Ok(_) => panic!("{revs:?} read"),
        Err(e) => e.to_string(),
    };
    for rev in ["HEAD\nHEAD", "HEAD\rx", "HEAD\0"] {
        let err = refused(&[rev]);
        assert!(err.contains("is not a revision"), "{err}");
    }
    let err = refused(&["HEAD", "HEAD\nHEAD"]);
    assert!(err.contains("is not a revision"), "{err}");
    let known = Snapshot::read_all(repo.path(), &["HEAD", "HEAD"], "--rev").expect("twice");
    assert_eq!(known.len(), 2);
    assert_eq!(known[0].commit, known[1].commit);
    assert_eq!(known[0].files().len(), known[1].files().len());
}

/// A blob git cannot give (a damaged object store) is an error naming git's answer, and
/// the run ends: with thousands of blob ids still to send and git's answers unread, neither
/// side waits for the other.
#[test]
fn a_missing_blob_ends_the_run_with_an_error() {
    let repo = TempRepo::example();
    for i in 0..3000 {
        repo.write(
            &format!("units/extra-{i:04}.yaml"),
            format!("kind: unit\nid: extra-{i:04}\nname: Extra {i}\ntype: committee\n"),
        );
    }
    commit_all(repo.path());
    let blob = git(repo.path(), &["rev-parse", "HEAD:units/extra-0000.yaml"]);
    let blob = blob.trim();
    let loose = repo
        .path()
        .join(".git/objects")
        .join(&blob[..2])
        .join(&blob[2..]);
    std::fs::remove_file(&loose).expect("the loose object");
    // Every file differs from the revision: all of them are read from git.
    for i in 0..3000 {
        let path = format!("units/extra-{i:04}.yaml");
        let text = std::fs::read_to_string(repo.path().join(&path)).expect("read");
        repo.write(&path, format!("{text}# ändrad\n"));
    }
    let run = check_in(repo.path(), "HEAD", &[]);
    assert_eq!(run.code, Some(2), "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("git cat-file"), "{}", run.stderr);
}

/// A tree of a thousand entries that are all one folder of a thousand and one files lists
/// a million and one files from a few kilobytes of objects: the revision is refused with
/// the reason, not listed without end.
#[test]
fn a_revision_that_lists_without_end_is_refused() {
    let repo = committed_example();
    repo.write(
        "bomb.yaml",
        "kind: unit\nid: bomb\nname: Bomb\ntype: board\n",
    );
    let blob = git(repo.path(), &["hash-object", "-w", "bomb.yaml"]);
    let mktree = |listing: String| {
        let mut child = std::process::Command::new("git")
            .args(["mktree"])
            .current_dir(repo.path())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("git mktree");
        let mut stdin = child.stdin.take().expect("stdin");
        std::io::Write::write_all(&mut stdin, listing.as_bytes()).expect("write");
        drop(stdin);
        let out = child.wait_with_output().expect("mktree ran");
        assert!(out.status.success());
        String::from_utf8(out.stdout)
            .expect("utf-8")
            .trim()
            .to_owned()
    };
    let files: String = (0..1001)
        .map(|i| format!("100644 blob {}\tf{i:04}.yaml\n", blob.trim()))
        .collect();
    let folder = mktree(files);
    let folders: String = (0..1000)
        .map(|i| format!("040000 tree {folder}\td{i:04}\n"))
        .collect();
    let top = mktree(folders);
    let commit = git(repo.path(), &["commit-tree", &top, "-m", "bomb"]);
    let run = check_in(repo.path(), commit.trim(), &[]);
    assert_eq!(run.code, Some(2), "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr
            .contains("lists more than 1000000 files and folders below the ISMS repository"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains(commit.trim()), "{}", run.stderr);
}

/// Trees and blobs are read in the process where its object store holds them, and from
/// git where it does not: a store git is told of in the environment alone
/// (`GIT_ALTERNATE_OBJECT_DIRECTORIES`), and a packed store, give the trend the same
/// figures as the loose objects it was first read from.
#[test]
fn objects_read_in_the_process_or_from_git_are_the_same() {
    let repo = TempRepo::example();
    commit_all(repo.path());
    let first = git(repo.path(), &["rev-parse", "HEAD"]);
    let path = "assets/diarium.yaml";
    let text = repo.read(path);
    repo.write(path, text.replace("critical: true", "critical: false"));
    git(repo.path(), &["commit", "-q", "-am", "not critical"]);
    let second = git(repo.path(), &["rev-parse", "HEAD"]);
    let args = [
        "trend",
        "--format",
        "json",
        "--as-of",
        AS_OF,
        "--rev",
        first.trim(),
        "--rev",
        second.trim(),
    ];
    let loose = repo.isms(&args);
    assert_eq!(loose.code, Some(0), "{}", loose.stderr);
    let points = json(&loose)["points"].as_array().map_or(0, Vec::len);
    assert_eq!(points, 2, "{}", loose.stdout);
    let figures = |i: usize| {
        let point = &json(&loose)["points"][i];
        (point["key_figures"].clone(), point["gaps"].clone())
    };
    assert_ne!(figures(0), figures(1), "the two revisions differ");

    // The same work tree in a repository of its own, with no object of its own: git
    // finds the objects through the environment, the store in the process does not.
    let borrowing = TempRepo::empty();
    git(borrowing.path(), &["init", "-q"]);
    for entry in walkdir::WalkDir::new(repo.path()) {
        let entry = entry.expect("walk");
        let rel = entry.path().strip_prefix(repo.path()).expect("below");
        if rel.starts_with(".git") || rel.as_os_str().is_empty() {
            continue;
        }
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(borrowing.path().join(rel)).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), borrowing.path().join(rel)).expect("copy");
        }
    }
    let objects = repo.path().join(".git/objects");
    let mut all: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    all.extend(["--repo".as_ref(), borrowing.path().as_os_str()]);
    let borrowed = isms_with_env(
        borrowing.path(),
        &all,
        &[(
            "GIT_ALTERNATE_OBJECT_DIRECTORIES",
            objects.to_str().expect("a UTF-8 path"),
        )],
    );
    assert_eq!(borrowed.code, Some(0), "{}", borrowed.stderr);
    assert_eq!(borrowed.stdout, loose.stdout);

    // Packed, with deltas.
    git(repo.path(), &["gc", "-q", "--aggressive"]);
    assert!(
        std::fs::read_dir(repo.path().join(".git/objects/pack"))
            .expect("packs")
            .count()
            > 0
    );
    let packed = repo.isms(&args);
    assert_eq!(packed.code, Some(0), "{}", packed.stderr);
    assert_eq!(packed.stdout, loose.stdout);
}
