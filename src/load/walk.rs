//! The walk of a repository: the YAML files below its root in the order of their paths,
//! leaving out hidden entries and the `exclude` globs of `isms.toml`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobSet, GlobSetBuilder};

use super::problem::{RecordProblem, Unreadable};

/// What to skip when walking.
pub struct Walk {
    exclude: GlobSet,
}

impl Walk {
    pub fn new(exclude: &[String]) -> anyhow::Result<Walk> {
        let mut b = GlobSetBuilder::new();
        for pattern in exclude {
            let glob = exclude_glob(pattern);
            if glob.is_empty() {
                continue;
            }
            b.add(
                Glob::new(glob)
                    .map_err(|e| anyhow::anyhow!("isms.toml: bad exclude glob `{pattern}`: {e}"))?,
            );
        }
        Ok(Walk {
            exclude: b.build()?,
        })
    }
}

impl Walk {
    /// Whether the walk reads the file at `rel` (relative to the root, `/`-separated), by
    /// its path alone: a record file (`is_yaml`) with no hidden part and neither it nor a
    /// folder above it excluded. What the walk decides on the file system, for a tree of
    /// files that is not on it (a git revision).
    pub fn reads(&self, rel: &str) -> bool {
        if !is_yaml(Path::new(rel)) {
            return false;
        }
        let mut end = 0;
        for part in rel.split('/') {
            end += part.len();
            if part.starts_with('.') {
                return false;
            }
            // Each folder above the file, then the file, as the walk meets them.
            if !self.exclude.is_empty() && self.exclude.is_match(&rel[..end]) {
                return false;
            }
            end += 1;
        }
        true
    }
}

/// An `exclude` entry as matched against paths relative to the root: written the way
/// `.gitignore` lines are (`./drafts/**`, `/drafts`, `drafts/`), it means the same as
/// `drafts/**` or `drafts` (a folder that matches is skipped with all below it).
fn exclude_glob(pattern: &str) -> &str {
    let mut p = pattern.trim();
    while let Some(rest) = p.strip_prefix("./") {
        p = rest;
    }
    p.trim_start_matches('/').trim_end_matches('/')
}

/// One entry of the walk that concerns the loader.
pub(super) enum Found {
    File(PathBuf),
    Problem(RecordProblem),
}

/// A path of the walk relative to `root`, with `/` separators. A name that is not UTF-8
/// keeps its other characters, the rest becoming U+FFFD.
pub(super) fn rel(root: &Path, path: &Path) -> Arc<str> {
    let r = path.strip_prefix(root).unwrap_or(path).to_string_lossy();
    if std::path::MAIN_SEPARATOR == '/' {
        r.into()
    } else {
        r.replace(std::path::MAIN_SEPARATOR, "/").into()
    }
}

/// Whether a file is a record file by its name: `.yaml` or `.yml` (a file named `.yaml`
/// alone is a hidden file with no extension).
pub fn is_yaml(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext == "yaml" || ext == "yml")
}

/// The YAML files below `root` in the order of their paths as strings (the order of every
/// output), with problems met on the way.
pub(super) fn walk<'a>(root: &'a Path, w: &'a Walk) -> impl Iterator<Item = Found> + Send + 'a {
    walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by(path_order)
        .into_iter()
        .filter_entry(move |e| {
            if e.depth() == 0 {
                return true;
            }
            let hidden = e.file_name().as_encoded_bytes().starts_with(b".");
            !hidden && (w.exclude.is_empty() || !w.exclude.is_match(&*rel(root, e.path())))
        })
        .filter_map(move |entry| found(root, entry))
}

/// Siblings in the order of the paths below them: a folder's paths all start with its name
/// and a `/`, so it sorts as its name followed by `/` (`ab.yaml` before `ab/`, `ab-c/`
/// before `ab/`), and a walk in this order lists files in the order of their paths.
fn path_order(a: &walkdir::DirEntry, b: &walkdir::DirEntry) -> std::cmp::Ordering {
    let (na, nb) = (
        a.file_name().as_encoded_bytes(),
        b.file_name().as_encoded_bytes(),
    );
    let common = na.len().min(nb.len());
    na[..common].cmp(&nb[..common]).then_with(|| {
        // One name starts the other: what follows it decides, a folder's `/` included.
        fn rest<'n>(name: &'n [u8], e: &walkdir::DirEntry) -> impl Iterator<Item = u8> + 'n {
            let slash: &[u8] = if e.file_type().is_dir() { b"/" } else { b"" };
            name.iter().chain(slash).copied()
        }
        rest(&na[common..], a).cmp(rest(&nb[common..], b))
    })
}

/// What one entry of the walk is: a record file, a problem, or nothing of interest.
fn found(root: &Path, entry: walkdir::Result<walkdir::DirEntry>) -> Option<Found> {
    let e = match entry {
        Ok(e) => e,
        Err(err) => {
            let relp = err
                .path()
                .map(|p| rel(root, p))
                .unwrap_or_else(|| "".into());
            let problem = Unreadable::new(&relp, None, "REC001-unreadable")
                .arg("reason", "walk")
                .arg("error", err.to_string());
            return Some(Found::Problem(problem.into()));
        }
    };
    let path = e.path();
    // The root itself may be a link (`--repo` naming one): the user chose it, and the walk
    // reads through it; only links inside the repository are not followed.
    if e.depth() > 0 && e.path_is_symlink() {
        let relp = rel(root, path);
        return match std::fs::metadata(path) {
            Ok(m) if m.is_dir() || is_yaml(path) => {
                Some(Found::Problem(RecordProblem::LinkNotFollowed {
                    path: relp,
                }))
            }
            Ok(_) => None,
            Err(err) => {
                let problem = Unreadable::new(&relp, None, "REC001-unreadable")
                    .arg("reason", "link-broken")
                    .arg("error", err.to_string());
                Some(Found::Problem(problem.into()))
            }
        };
    }
    if !is_yaml(path) || e.file_type().is_dir() {
        return None;
    }
    // A pipe, a device or a socket named like a record is not read (a pipe would wait
    // forever), and said so rather than skipped in silence.
    if !e.file_type().is_file() {
        let problem = Unreadable::new(&rel(root, path), None, "REC001-unreadable")
            .arg("reason", "not-a-file");
        return Some(Found::Problem(problem.into()));
    }
    Some(Found::File(e.into_path()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_are_cut_from_the_root() {
        let rel = |root: &str, path: &str| rel(Path::new(root), Path::new(path)).to_string();
        assert_eq!(rel("/r/isms", "/r/isms/assets/a.yaml"), "assets/a.yaml");
        assert_eq!(rel("/r/isms/", "/r/isms/assets/a.yaml"), "assets/a.yaml");
        assert_eq!(rel(".", "./a.yaml"), "a.yaml");
        assert_eq!(rel("/r/isms", "/r/isms"), "");
        // A sibling folder whose name starts with the root's is not below it.
        assert_eq!(rel("/r/isms", "/r/isms2/a.yaml"), "/r/isms2/a.yaml");
    }

    #[test]
    fn exclude_globs_written_as_in_gitignore() {
        let walk = Walk::new(&[
            "./drafts/**".into(),
            "old/".into(),
            "/archive".into(),
            "*.tmp.yaml".into(),
        ])
        .expect("globs");
        for path in ["drafts/a.yaml", "old", "archive", "units/x.tmp.yaml"] {
            assert!(walk.exclude.is_match(path), "{path}");
        }
        for path in ["units/a.yaml", "older/a.yaml"] {
            assert!(!walk.exclude.is_match(path), "{path}");
        }
    }

    /// `reads` decides by the path what the walk decides on the file system.
    #[test]
    fn a_path_is_read_as_the_walk_would_read_its_file() {
        let paths = [
            "a.yaml",
            "b.yml",
            "c.txt",
            ".d.yaml",
            ".hidden/e.yaml",
            "units/.f.yaml",
            "units/g.yaml",
            "drafts/h.yaml",
            "drafts/deep/i.yaml",
            "old/j.yaml",
            "units/k.tmp.yaml",
            "isms.toml",
            "units/draftsman.yaml",
        ];
        let dir = tempfile::tempdir().expect("temp dir");
        for f in paths {
            let path = dir.path().join(f);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, "").expect("write");
        }
        let walk =
            Walk::new(&["drafts".into(), "old/".into(), "*.tmp.yaml".into()]).expect("globs");
        let walked: Vec<String> = super::walk(dir.path(), &walk)
            .filter_map(|f| match f {
                Found::File(p) => Some(rel(dir.path(), &p).to_string()),
                Found::Problem(_) => None,
            })
            .collect();
        let mut read: Vec<&str> = paths.into_iter().filter(|p| walk.reads(p)).collect();
        read.sort();
        assert_eq!(walked, read);
        assert_eq!(
            read,
            ["a.yaml", "b.yml", "units/draftsman.yaml", "units/g.yaml"]
        );
    }

    #[test]
    fn the_walk_lists_files_in_the_order_of_their_paths() {
        let dir = tempfile::tempdir().expect("temp dir");
        for f in [
            "ab/x.yaml",
            "ab.yaml",
            "ab-c/y.yaml",
            "a b.yaml",
            "B.yaml",
            "ab/a/z.yaml",
        ] {
            let path = dir.path().join(f);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, "").expect("write");
        }
        let walk = Walk::new(&[]).expect("walk");
        let listed: Vec<String> = super::walk(dir.path(), &walk)
            .filter_map(|f| match f {
                Found::File(p) => Some(rel(dir.path(), &p).to_string()),
                Found::Problem(_) => None,
            })
            .collect();
        let mut sorted = listed.clone();
        sorted.sort();
        assert_eq!(listed, sorted);
        assert_eq!(listed.len(), 6);
    }
}
