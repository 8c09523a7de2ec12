//! Reading one file: bounded, UTF-8, never blocking on a pipe.

use super::walk::Job;
use crate::diag::{Code, Diagnostic};
use crate::i18n::tr;
use std::io::Read;
use std::path::Path;

/// Records over this size are refused unread: no record needs it.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

pub(super) fn not_a_file(path: &Path) -> Diagnostic {
    Diagnostic::new(
        Code::Unreadable,
        tr!(
            "{} không phải tệp thường (ống dẫn, socket hay thiết bị); không đọc",
            "{} is not a regular file (a pipe, socket or device); not read",
            path.display()
        ),
    )
    .in_file(path)
    .with_help(tr!(
        "chuyển nó ra khỏi không gian hồ sơ",
        "move it out of the workspace"
    ))
}

/// The OS error without its "(os error 13)" tail, which means nothing to users.
/// Why a file could not be read, in the run's language.
pub(super) fn io_error(e: &std::io::Error) -> String {
    crate::i18n::io_reason(e)
}

pub(super) fn io_reason(text: &str) -> String {
    match text.find(" (os error") {
        Some(i) => text[..i].to_owned(),
        None => text.to_owned(),
    }
}

/// Opens a file for reading without waiting: a pipe opened plainly blocks
/// until a writer comes, so it is opened non-blocking and refused after.
pub(super) fn open_no_wait(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        // No effect on regular files.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    #[cfg(not(unix))]
    {
        let meta = std::fs::metadata(path)?;
        if !meta.is_file() && !meta.is_dir() {
            return Err(std::io::Error::other("not a regular file"));
        }
    }
    options.open(path)
}

/// Reads one file's text: refuses big files unread, non-UTF-8 and empty
/// ones, and anything that is not a regular file (without waiting on a pipe).
pub fn read_text(path: &Path) -> Result<String, Diagnostic> {
    read_checked(path).map_err(|u| u.diagnostic)
}

/// Why a file gave no text, and what of it could be read: the text of a
/// file that is not UTF-8, read leniently, so its diagnostic can show where.
pub(super) struct Unread {
    pub(super) diagnostic: Diagnostic,
    pub(super) lenient: Option<String>,
}

impl From<Diagnostic> for Box<Unread> {
    fn from(diagnostic: Diagnostic) -> Box<Unread> {
        Box::new(Unread {
            diagnostic,
            lenient: None,
        })
    }
}

/// [`read_text`], keeping what the diagnostic of a non-UTF-8 file points into.
pub(super) fn read_checked(path: &Path) -> Result<String, Box<Unread>> {
    let fail = |code: Code, message: String| Box::<Unread>::from(Diagnostic::new(code, message).in_file(path));
    let file = open_no_wait(path).map_err(|e| {
        fail(
            Code::Unreadable,
            tr!("không mở được tệp: {}", "cannot open the file: {}", io_error(&e)),
        )
    })?;
    let meta = file.metadata().map_err(|e| fail(Code::Unreadable, io_error(&e)))?;
    if meta.is_dir() {
        return Err(fail(
            Code::Unreadable,
            tr!("đây là thư mục, không phải tệp", "this is a folder, not a file"),
        ));
    }
    if !meta.is_file() {
        return Err(not_a_file(path).into());
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(fail(
            Code::TooLarge,
            tr!(
                "tệp nặng {} byte, vượt giới hạn 1 MiB; không đọc",
                "the file has {} bytes, over the 1 MiB limit; not read",
                meta.len()
            ),
        ));
    }
    // One byte more than the size, so a file that grew is caught without a
    // second read to find the end.
    read_bounded(path, file, meta.len() as usize + 1)
}

/// [`read_text`] for a file the walk has just listed as a regular file:
/// no `fstat` to ask again (one system call of five per record file). A
/// file swapped for something else since is still caught: reading a
/// folder fails, and no more than the size limit is ever read.
pub(super) fn read_walked(path: &Path) -> Result<String, Box<Unread>> {
    let file = open_no_wait(path).map_err(|e| cannot_open(path, &e))?;
    // Records are a few hundred bytes: one read fills this, one more finds the end.
    read_bounded(path, file, 8 * 1024)
}

/// The folders of the files a walk listed, each opened once, so that a
/// file is opened by its name in its folder (`openat`): the kernel then
/// looks up one name, not the whole path again for each of a hundred
/// thousand records. A folder that cannot be opened so (or any, off Unix)
/// leaves its files to [`read_walked`] by their path.
pub(super) struct Folders<'a> {
    #[cfg(unix)]
    open: foldhash::HashMap<&'a std::ffi::OsStr, std::os::fd::OwnedFd>,
    #[cfg(not(unix))]
    open: std::marker::PhantomData<&'a Job>,
}

impl<'a> Folders<'a> {
    /// Opens the folders (under `root`) of the files of `jobs`.
    pub(super) fn open(root: &Path, jobs: &'a [Job]) -> Folders<'a> {
        #[cfg(unix)]
        {
            use rustix::fs::{Mode, OFlags};
            let mut open = foldhash::HashMap::default();
            for folder in jobs.iter().map(Job::folder) {
                if !open.contains_key(folder) {
                    let flags = OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC;
                    if let Ok(fd) = rustix::fs::open(root.join(folder), flags, Mode::empty()) {
                        open.insert(folder, fd);
                    }
                }
            }
            Folders { open }
        }
        #[cfg(not(unix))]
        {
            let _ = (root, jobs);
            Folders {
                open: std::marker::PhantomData,
            }
        }
    }

    /// [`read_walked`] of the file of `job`, which is `path`.
    pub(super) fn read(&self, path: &Path, job: &Job) -> Result<String, Box<Unread>> {
        #[cfg(unix)]
        if let Some(dir) = self.open.get(job.folder()) {
            use rustix::fs::{Mode, OFlags};
            let flags = OFlags::RDONLY | OFlags::NONBLOCK | OFlags::CLOEXEC;
            return match rustix::fs::openat(dir, job.name(), flags, Mode::empty()) {
                Ok(fd) => read_bounded(path, std::fs::File::from(fd), 8 * 1024),
                Err(e) => Err(cannot_open(path, &std::io::Error::from(e))),
            };
        }
        #[cfg(not(unix))]
        let _ = job;
        read_walked(path)
    }
}

fn cannot_open(path: &Path, e: &std::io::Error) -> Box<Unread> {
    Diagnostic::new(
        Code::Unreadable,
        tr!("không mở được tệp: {}", "cannot open the file: {}", io_error(e)),
    )
    .in_file(path)
    .into()
}

/// Reads at most the size limit (and one byte more, to tell a file over
/// it) into a buffer of `capacity` to start with; the text must be UTF-8.
fn read_bounded(path: &Path, file: std::fs::File, capacity: usize) -> Result<String, Box<Unread>> {
    let fail = |code: Code, message: String| Box::<Unread>::from(Diagnostic::new(code, message).in_file(path));
    let mut bytes = Vec::with_capacity(capacity);
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(|e| {
        fail(
            Code::Unreadable,
            tr!("không đọc được tệp: {}", "cannot read the file: {}", io_error(&e)),
        )
    })?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fail(
            Code::TooLarge,
            tr!(
                "tệp vượt giới hạn 1 MiB; không đọc phần còn lại",
                "the file is over the 1 MiB limit; the rest was not read"
            ),
        ));
    }
    // Checked with SIMD first: records are mostly Vietnamese, whose
    // multi-byte letters take the standard check off its ASCII fast path,
    // and this check ran at 5% of `check`'s time.
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: the bytes were just checked to be UTF-8.
        return Ok(unsafe { String::from_utf8_unchecked(bytes) });
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let lenient = Some(String::from_utf8_lossy(e.as_bytes()).into_owned());
        let diagnostic = Diagnostic::new(
            Code::NotUtf8,
            tr!(
                "tệp không phải văn bản UTF-8 (byte {} sai)",
                "the file is not UTF-8 text (bad byte at offset {})",
                at
            ),
        )
        .in_file(path)
        .at(at..at + 1)
        .with_help(tr!(
            "lưu lại tệp với bảng mã UTF-8",
            "save the file again with the UTF-8 encoding"
        ));
        Box::new(Unread { diagnostic, lenient })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_reasons_lose_the_os_error_number() {
        assert_eq!(io_reason("Permission denied (os error 13)"), "Permission denied");
        assert_eq!(io_reason("gone"), "gone");
    }

    #[test]
    fn read_text_refuses_what_is_not_a_small_text_file() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.toml");
        std::fs::write(&big, vec![b'#'; MAX_FILE_BYTES as usize + 1]).unwrap();
        let limit = dir.path().join("limit.toml");
        std::fs::write(&limit, vec![b'#'; MAX_FILE_BYTES as usize]).unwrap();
        // The same answers whether the file's type is asked first or not
        // (the walk has listed record files as regular files already).
        let walked = |path: &Path| read_walked(path).map_err(|u| u.diagnostic);
        for read in [read_text as fn(&Path) -> Result<String, Diagnostic>, walked] {
            assert_eq!(read(&big).unwrap_err().code, Code::TooLarge);
            assert_eq!(read(&limit).unwrap().len(), MAX_FILE_BYTES as usize);
            assert_eq!(read(dir.path()).unwrap_err().code, Code::Unreadable);
            let missing = read(&dir.path().join("missing.toml")).unwrap_err();
            assert_eq!(missing.code, Code::Unreadable);
            assert!(!missing.message.contains("os error"), "{}", missing.message);
            assert_eq!(missing.file.as_deref(), Some(&*dir.path().join("missing.toml")));
        }
    }
}
