//! Writing a file the user named with `-o`: never through a symbolic link, never over the
//! configuration or a record, and replaced whole (a reader never sees half a report).

use std::io::Write as _;
use std::path::Path;

use anyhow::{Context as _, Result, bail};

/// Writes `text` to `path`, replacing a regular file that is there. Refuses a file that is
/// a symbolic link, and a relative path any of whose folders is one (a link committed to a
/// repository could point `-o reports/x.md` at a record or at a file outside the folder;
/// the folders of an absolute path are the user's own choice, and system folders such as
/// macOS's `/tmp` are links), and a file named like the configuration or a record. The text goes to a temporary file next to `path` that is
/// then renamed over it, so a link that appears meanwhile is replaced, not followed.
pub fn write_output(path: &Path, text: &str) -> Result<()> {
    write_output_bytes(path, text.as_bytes())
}

/// [`write_output`] for bytes (a Word file, a chart).
pub fn write_output_bytes(path: &Path, bytes: &[u8]) -> Result<()> {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .with_context(|| format!("{} names no file", path.display()))?;
    let lower = name.to_ascii_lowercase();
    if lower == crate::config::FILE_NAME || lower.ends_with(".yaml") || lower.ends_with(".yml") {
        bail!(
            "refusing to write to {}: that is the configuration or a record; choose another name, such as a .md file",
            path.display()
        );
    }
    // A relative path is checked part by part; of an absolute one, only the file.
    let link = if path.is_relative() {
        crate::util::file::first_link(Path::new(""), path)
    } else {
        std::fs::symlink_metadata(path)
            .is_ok_and(|m| m.file_type().is_symlink())
            .then(|| path.to_path_buf())
    };
    if let Some(link) = link {
        bail!(
            "refusing to write to {}: {} is a symbolic link",
            path.display(),
            link.display()
        );
    }
    if let Ok(meta) = std::fs::symlink_metadata(path)
        && !meta.is_file()
    {
        bail!(
            "refusing to write to {}: it is not a regular file",
            path.display()
        );
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".isms-output-")
        .tempfile_in(folder)
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp.write_all(bytes)
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `path` (absolute, its links resolved) relative to the current folder (`../../tmp/…`).
    fn pathdiff(path: &Path) -> std::path::PathBuf {
        let cwd = std::env::current_dir().unwrap().canonicalize().unwrap();
        let up = cwd.components().count() - 1;
        let mut rel = std::path::PathBuf::new();
        for _ in 0..up {
            rel.push("..");
        }
        rel.join(path.strip_prefix("/").unwrap())
    }

    #[test]
    fn writes_and_replaces_a_regular_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rapport.md");
        write_output(&path, "ett").unwrap();
        write_output(&path, "två").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "två");
    }

    #[test]
    fn refuses_the_configuration_records_and_links() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["isms.toml", "ISMS.TOML", "a.yaml", "b.YML"] {
            let err = write_output(&dir.path().join(name), "x").unwrap_err();
            assert!(err.to_string().contains("refusing"), "{name}: {err}");
        }
        let record = dir.path().join("policy.yaml");
        std::fs::write(&record, "kind: policy\n").unwrap();
        #[cfg(unix)]
        {
            let link = dir.path().join("evil.md");
            std::os::unix::fs::symlink(&record, &link).unwrap();
            let err = write_output(&link, "x").unwrap_err();
            assert!(err.to_string().contains("symbolic link"), "{err}");
            let folder = dir.path().join("reports");
            std::os::unix::fs::symlink(dir.path(), &folder).unwrap();
            let relative = pathdiff(&dir.path().canonicalize().unwrap().join("reports/x.md"));
            let err = write_output(&relative, "x").unwrap_err();
            assert!(err.to_string().contains("symbolic link"), "{err}");
        }
        assert_eq!(std::fs::read_to_string(&record).unwrap(), "kind: policy\n");
    }
}
