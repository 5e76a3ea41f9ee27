//! A throw-away ISMS repository and a way to run `isms` on it, for the CLI-level tests.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// The example repository shipped with the project.
pub fn example_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sjobacka")
}

/// Records in the pristine example, invalid ones included.
pub fn example_records() -> usize {
    static COUNT: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *COUNT.get_or_init(|| {
        isms::repo::session::Session::open(&example_root())
            .expect("the example opens")
            .repo
            .record_count()
    })
}

/// A repository in a temporary folder, removed when dropped.
pub struct TempRepo {
    dir: TempDir,
}

impl TempRepo {
    /// A copy of `examples/sjobacka`.
    pub fn example() -> TempRepo {
        let repo = TempRepo::empty();
        repo.copy_example("");
        repo
    }

    /// Copies `examples/sjobacka` into the folder `rel` of this one (`""`: this folder)
    /// and returns that folder's path.
    pub fn copy_example(&self, rel: &str) -> PathBuf {
        let from = example_root();
        let into = self.path().join(rel);
        for entry in walkdir::WalkDir::new(&from) {
            let entry = entry.expect("walk the example");
            let below = entry.path().strip_prefix(&from).expect("below the example");
            let to = into.join(below);
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&to).expect("create folder");
            } else {
                std::fs::copy(entry.path(), &to).expect("copy file");
            }
        }
        into
    }

    /// An empty folder.
    pub fn empty() -> TempRepo {
        TempRepo {
            dir: tempfile::Builder::new()
                .prefix("isms-test-")
                .tempdir()
                .expect("temp dir"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes (or overwrites) a file, creating its folder.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> &TempRepo {
        let path = self.path().join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folder");
        }
        std::fs::write(&path, contents).unwrap_or_else(|e| panic!("write {rel}: {e}"));
        self
    }

    /// The text of a file.
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// Replaces the one occurrence of `from` in a file with `to`.
    pub fn replace(&self, rel: &str, from: &str, to: &str) -> &TempRepo {
        let text = self.read(rel);
        assert_eq!(
            text.matches(from).count(),
            1,
            "{rel} should hold `{from}` exactly once"
        );
        self.write(rel, text.replacen(from, to, 1))
    }

    /// Runs `isms ARGS --repo <this repository>` without colour.
    pub fn isms(&self, args: &[&str]) -> Run {
        let mut all: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
        all.push("--repo".as_ref());
        all.push(self.path().as_os_str());
        let run = isms_in(self.path(), &all);
        // Paths in messages are relative to the repository; the temp folder never shows.
        let root = self.path().to_string_lossy().into_owned();
        assert!(
            !run.stdout.contains(&root) && !run.stderr.contains(&root),
            "output names the temporary folder:\n{}{}",
            run.stdout,
            run.stderr
        );
        run
    }

    /// `isms validate --lang en --repo <this repository>`: in English, which the tests
    /// read (the example's `isms.toml` says Swedish).
    pub fn validate(&self) -> Run {
        self.isms(&["validate", "--lang", "en"])
    }
}

/// Runs `isms ARGS` in the folder `cwd`, without colour.
pub fn isms_in<S: AsRef<std::ffi::OsStr>>(cwd: &Path, args: &[S]) -> Run {
    isms_with_env(cwd, args, &[])
}

/// Runs `isms ARGS` in the folder `cwd`, without colour, with extra environment variables.
///
/// `COLUMNS` and `RAYON_NUM_THREADS` are taken from `env` only, never from the shell that
/// runs the tests: the table width and the thread count must not vary with the terminal.
pub fn isms_with_env<S: AsRef<std::ffi::OsStr>>(
    cwd: &Path,
    args: &[S],
    env: &[(&str, &str)],
) -> Run {
    let mut cmd = Command::cargo_bin("isms").expect("the isms binary");
    cmd.args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .env_remove("RAYON_NUM_THREADS")
        .timeout(std::time::Duration::from_secs(120));
    for (key, value) in env {
        cmd.env(key, value);
    }
    let out = cmd.output().expect("run isms");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// The outcome of one run of `isms`.
#[derive(Debug)]
pub struct Run {
    /// None when killed by a signal (or the timeout).
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Asserts that `isms` refused the command: exit 2, with `message` on standard error.
    #[track_caller]
    pub fn assert_refused(&self, message: &str) {
        assert_eq!(self.code, Some(2), "{}{}", self.stdout, self.stderr);
        assert!(self.stderr.contains(message), "{}", self.stderr);
    }

    /// The records counted in the summary line (`... in 202 records (...)`).
    pub fn records(&self) -> usize {
        let summary = self.stdout.lines().last().unwrap_or_default();
        summary
            .split(" in ")
            .nth(1)
            .and_then(|s| s.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no record count in the summary line `{summary}`"))
    }

    /// Standard output without the per-kind counts of the summary line, which change
    /// whenever the example grows: the diagnostics and `N errors, N warnings, N infos`.
    pub fn diagnostics(&self) -> String {
        let mut lines: Vec<&str> = self.stdout.lines().collect();
        if let Some(last) = lines.last_mut() {
            *last = last.split(" in ").next().unwrap_or_default();
        }
        lines.join("\n")
    }
}

/// Runs `isms` in a repository that is not inside any git repository: git is stopped from
/// looking above the temporary folder (the machine's own folders may be in one).
pub fn isms_outside_git(repo: &TempRepo, args: &[&str]) -> Run {
    let ceiling = repo
        .path()
        .parent()
        .expect("a parent")
        .to_str()
        .expect("UTF-8");
    isms_with_env(repo.path(), args, &[("GIT_CEILING_DIRECTORIES", ceiling)])
}

/// Both example repositories, each checked with every rule as of each of `dates`: `run`
/// gets the example's name, its session, the date and the result (the agreement tests).
pub fn each_example_check(
    dates: &[&str],
    mut run: impl FnMut(&str, isms::repo::session::Session, isms::model::Date, isms::check::CheckResult),
) {
    for repo in ["sjobacka", "norrvik"] {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join(repo);
        for as_of in dates {
            let session = isms::repo::session::Session::open(&root).expect("open example");
            let as_of = isms::model::Date::parse(as_of).expect("date");
            let result = isms::check::check(&session, as_of, &isms::rules::Selection::default());
            run(repo, session, as_of, result);
        }
    }
}

/// A small municipality: the configuration (English messages), an organisation with every
/// key role held, and one committee with its security representative.
pub const PROVKOMMUN: [(&str, &str); 3] = [
    (
        "isms.toml",
        "organisation = \"Provkommun\"\nlanguage = \"en\"\n",
    ),
    (
        "organisation.yaml",
        "kind: organisation\nid: prov\nname: Provkommun\nroles:\n  information_security_coordinator: A\n  it_security_coordinator: B\n  security_chief: C\n  data_protection_officer: D\n",
    ),
    (
        "units/social.yaml",
        "kind: unit\nid: social\nname: Socialnämnden\ntype: committee\nsecurity_representative: E\n",
    ),
];

/// A repository of `base` with `files` written over it: a file of `files` takes the place
/// of `base`'s at the same path, and an empty text leaves the path out.
pub fn overlay(base: &[(&str, &str)], files: &[(&str, &str)]) -> TempRepo {
    let repo = TempRepo::empty();
    for (path, text) in base {
        if !files.iter().any(|(p, _)| p == path) {
            repo.write(path, text);
        }
    }
    for (path, text) in files {
        if !text.is_empty() {
            repo.write(path, text);
        }
    }
    repo
}

/// The programs a board-paper check runs, or `None` when the check does not run: it runs
/// when `ISMS_BOARD_TOOLS=1` (as in CI) or its main program (any of `main`'s names) is on
/// PATH, and then every program must be there.
pub fn board_tools<const N: usize>(
    check: &str,
    main: &[&str],
    others: [&str; N],
) -> Option<(PathBuf, [PathBuf; N])> {
    let required = std::env::var("ISMS_BOARD_TOOLS").is_ok_and(|v| v == "1");
    let found = main.iter().find_map(|p| on_path(p));
    if !required && found.is_none() {
        eprintln!(
            "{check} skipped: no {} (set ISMS_BOARD_TOOLS=1 to require it)",
            main[0]
        );
        return None;
    }
    let find = |program: &str| {
        on_path(program)
            .unwrap_or_else(|| panic!("the {check} needs {program}, which is not on PATH"))
    };
    Some((found.unwrap_or_else(|| find(main[0])), others.map(find)))
}

fn on_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}
