//! Reading the small text files `isms` takes besides records (`isms.toml`, a report
//! template) with the limits records have: a regular file only, never a device or a pipe
//! that would never end, and a bounded size.

use std::io::Read as _;
use std::path::Path;

/// The largest configuration or template file read: far beyond any real one.
pub const MAX_SMALL_FILE_BYTES: u64 = 1024 * 1024;

/// Why a small file could not be read.
#[derive(Debug)]
pub enum SmallFileError {
    /// Not a regular file (a folder, a FIFO, a device such as `/dev/zero`).
    NotAFile,
    /// A symbolic link, where links are not followed.
    Link,
    /// Larger than the limit: its size and the limit.
    TooLarge(u64, u64),
    /// Not UTF-8.
    NotText,
    Io(std::io::Error),
}

impl std::fmt::Display for SmallFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SmallFileError::NotAFile => write!(f, "it is not a regular file"),
            SmallFileError::Link => write!(f, "it is a symbolic link, which is not followed"),
            SmallFileError::TooLarge(n, max) => write!(
                f,
                "it is {n} bytes, more than the {} MiB a file of this kind may have",
                max / (1024 * 1024)
            ),
            SmallFileError::NotText => write!(f, "it is not UTF-8 text"),
            SmallFileError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for SmallFileError {}

/// The first part of `rel` (a path below `base`, or relative to the current folder when
/// `base` is empty) that exists as a symbolic link, as the part of `rel` up to it: what a
/// file written at `rel` would be written through.
pub fn first_link(base: &Path, rel: &Path) -> Option<std::path::PathBuf> {
    let mut part = std::path::PathBuf::new();
    for component in rel.components() {
        part.push(component);
        if matches!(component, std::path::Component::Normal(_))
            && std::fs::symlink_metadata(base.join(&part)).is_ok_and(|m| m.file_type().is_symlink())
        {
            return Some(part);
        }
    }
    None
}

/// Reads `path` as UTF-8 text of at most [`MAX_SMALL_FILE_BYTES`]. The file's type is
/// checked before it is opened (opening a FIFO for reading waits for a writer); `follow`
/// says whether a symbolic link is followed to a regular file (a path the user typed) or
/// refused (a file found in a repository, which anyone who can commit controls).
pub fn read_small_text(path: &Path, follow: bool) -> Result<String, SmallFileError> {
    let bytes = read_small_bytes(path, follow, MAX_SMALL_FILE_BYTES)?;
    String::from_utf8(bytes).map_err(|_| SmallFileError::NotText)
}

/// Reads `path` as bytes of at most `max`, checked as [`read_small_text`] checks.
pub fn read_small_bytes(path: &Path, follow: bool, max: u64) -> Result<Vec<u8>, SmallFileError> {
    let meta = if follow {
        std::fs::metadata(path)
    } else {
        std::fs::symlink_metadata(path)
    }
    .map_err(SmallFileError::Io)?;
    if meta.file_type().is_symlink() {
        return Err(SmallFileError::Link);
    }
    if !meta.is_file() {
        return Err(SmallFileError::NotAFile);
    }
    if meta.len() > max {
        return Err(SmallFileError::TooLarge(meta.len(), max));
    }
    let file = std::fs::File::open(path).map_err(SmallFileError::Io)?;
    let mut bytes = Vec::new();
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(SmallFileError::Io)?;
    if bytes.len() as u64 > max {
        return Err(SmallFileError::TooLarge(bytes.len() as u64, max));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_small_file_and_refuses_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let ok = dir.path().join("a.md");
        std::fs::write(&ok, "# Rapport\n").unwrap();
        assert_eq!(read_small_text(&ok, false).unwrap(), "# Rapport\n");
        let big = dir.path().join("big.md");
        std::fs::File::create(&big)
            .unwrap()
            .set_len(MAX_SMALL_FILE_BYTES + 1)
            .unwrap();
        assert!(matches!(
            read_small_text(&big, true),
            Err(SmallFileError::TooLarge(..))
        ));
        assert!(matches!(
            read_small_text(dir.path(), true),
            Err(SmallFileError::NotAFile)
        ));
        #[cfg(unix)]
        {
            let link = dir.path().join("link.md");
            std::os::unix::fs::symlink(&ok, &link).unwrap();
            assert!(matches!(
                read_small_text(&link, false),
                Err(SmallFileError::Link)
            ));
            assert!(read_small_text(&link, true).is_ok());
            let zero = Path::new("/dev/zero");
            if zero.exists() {
                assert!(matches!(
                    read_small_text(zero, true),
                    Err(SmallFileError::NotAFile)
                ));
            }
        }
    }
}
