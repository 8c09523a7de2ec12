//! Writing output files safely: a reader (an editor, a CI upload, a
//! spreadsheet open on the file) never sees a half-written file, and `new`
//! never replaces a file that exists.

use super::Failure;
use crate::i18n::tr;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically: to a temporary file in the same
/// folder, flushed to disk, then renamed over `path`. Parent folders are
/// created. Errors are usage errors (exit 2) naming the path.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let tmp = write_temp(path, bytes)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        failure(path, &e)
    })
}

/// Like [`write_atomic`], but never replaces an existing file: `Ok(false)`
/// when `path` already exists (even if it appeared while we wrote).
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<bool, Failure> {
    if path.exists() {
        return Ok(false);
    }
    let tmp = write_temp(path, bytes)?;
    // A hard link fails when the target exists, so two writers racing for
    // one name cannot both win; the rename below is the fallback for file
    // systems without hard links.
    let linked = match std::fs::hard_link(&tmp, path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(_) if path.exists() => Ok(false),
        Err(_) => std::fs::rename(&tmp, path).map(|_| true),
    };
    let _ = std::fs::remove_file(&tmp);
    linked.map_err(|e| failure(path, &e))
}

/// The temporary file `.<name>.tmp-<pid>` beside `path`, written and synced.
fn write_temp(path: &Path, bytes: &[u8]) -> Result<PathBuf, Failure> {
    let name = path
        .file_name()
        .ok_or_else(|| Failure::Usage(tr!("{} không phải tên tệp", "{} is not a file name", path.display())))?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| failure(dir, &e))?;
    let tmp = dir.join(format!(".{}.tmp-{}", name.to_string_lossy(), std::process::id()));
    let written = std::fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(failure(&tmp, &e));
    }
    Ok(tmp)
}

fn failure(path: &Path, e: &std::io::Error) -> Failure {
    Failure::Usage(tr!("không ghi được {}: {}", "cannot write {}: {}", path.display(), e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replaces_and_never_clobbers() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/out.txt");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert!(!write_new(&path, b"three").unwrap());
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert!(write_new(&dir.path().join("a/new.txt"), b"new").unwrap());
        // No temporary file is left behind.
        let names: Vec<_> = std::fs::read_dir(dir.path().join("a/b")).unwrap().collect();
        assert_eq!(names.len(), 1);
    }
}
