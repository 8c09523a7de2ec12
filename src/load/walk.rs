//! Walking the workspace: the record folders at the root, then the record
//! files in each (hidden entries skipped, links followed only inside).

use super::read::{io_error, io_reason, not_a_file};
use crate::diag::{Code, Diagnostic};
use crate::i18n::tr;
use crate::model::Kind;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

/// A record file to read, relative to the workspace root.
pub(super) struct Job {
    pub(super) rel: PathBuf,
    /// Where its file name starts in `rel`, in bytes.
    name_at: usize,
}

impl Job {
    fn new(rel: &Path) -> Job {
        let name_at = rel.as_os_str().len() - file_name(rel).len();
        Job {
            rel: rel.to_path_buf(),
            name_at,
        }
    }

    /// The folder it is in, relative to the root; empty at the root.
    pub(super) fn folder(&self) -> &OsStr {
        let bytes = self.rel.as_os_str().as_encoded_bytes();
        let folder = &bytes[..self.name_at.saturating_sub(1)];
        // SAFETY: cut from an OsStr's own bytes just before the ASCII
        // separator that ends the folder, or empty.
        unsafe { OsStr::from_encoded_bytes_unchecked(folder) }
    }

    /// Its file name.
    pub(super) fn name(&self) -> &OsStr {
        let bytes = self.rel.as_os_str().as_encoded_bytes();
        // SAFETY: cut from an OsStr's own bytes just after an ASCII
        // separator, or whole.
        unsafe { OsStr::from_encoded_bytes_unchecked(&bytes[self.name_at..]) }
    }

    /// Its file name without `.toml`, the record's id before NFC (the walk
    /// lists only `.toml` files).
    pub(super) fn stem(&self) -> std::borrow::Cow<'_, str> {
        let name = self.name().as_encoded_bytes();
        let stem = name.strip_suffix(b".toml").filter(|s| !s.is_empty()).unwrap_or(name);
        String::from_utf8_lossy(stem)
    }
}

/// The last component of a path the walk made (a folder joined with
/// names: no `.` or `..`, no separator at the end), read off its bytes.
/// `Path::file_name` parses the components from the end each time, and
/// the walk asks it of every entry, twice.
fn file_name(path: &Path) -> &OsStr {
    let bytes = path.as_os_str().as_encoded_bytes();
    match bytes.iter().rposition(|&b| std::path::is_separator(char::from(b))) {
        // SAFETY: cut just after an ASCII separator of the OsStr's bytes.
        Some(i) => unsafe { OsStr::from_encoded_bytes_unchecked(&bytes[i + 1..]) },
        None => path.as_os_str(),
    }
}

/// `path` below `root`: the walk makes its paths by joining names onto
/// the root, so the root is cut off as bytes. `Path::strip_prefix`
/// compares component by component, and took a third of the walk.
/// Anything else (a root spelled differently) goes through it.
fn relative<'p>(path: &'p Path, root: &Path) -> Option<&'p Path> {
    let (bytes, prefix) = (path.as_os_str().as_encoded_bytes(), root.as_os_str().as_encoded_bytes());
    let is_sep = |b: &u8| std::path::is_separator(char::from(*b));
    if let Some(rest) = bytes.strip_prefix(prefix)
        && !prefix.is_empty()
        && (prefix.last().is_some_and(is_sep) || rest.first().is_some_and(is_sep))
    {
        let rest = &rest[rest.iter().take_while(|b| is_sep(b)).count()..];
        if !rest.is_empty() {
            // SAFETY: cut from the OsStr's own bytes just after an ASCII
            // separator.
            return Some(Path::new(unsafe { OsStr::from_encoded_bytes_unchecked(rest) }));
        }
    }
    path.strip_prefix(root).ok()
}

/// The folders records live in. Their files are numbered in this order,
/// which is also the byte order of the paths.
pub(super) const RECORD_FOLDERS: [(&str, Kind); 3] = [
    ("meetings", Kind::Meeting),
    ("models", Kind::Model),
    ("petitions", Kind::Petition),
];

/// What one walk found.
#[derive(Default)]
pub(super) struct Walked {
    /// Record files, sorted by path.
    pub(super) jobs: Vec<Job>,
    pub(super) diags: Vec<Diagnostic>,
    /// From the walk of the root: the record folders to walk next.
    pub(super) folders: Vec<(Kind, PathBuf)>,
}

pub(super) fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

/// Walks `start`: the root, where it lists the record folders to walk next
/// (and warns about `.toml` files elsewhere), or one record folder, where it
/// lists the record files. Hidden entries are skipped, and so are the
/// workspaces nested in this one; a link is followed only while it stays
/// inside the workspace.
pub(super) fn walk_from(root: &Path, canonical_root: &Path, start: &Path) -> Walked {
    let at_root = start == root;
    let mut walked = Walked::default();
    let mut escaped = Vec::new();
    let walker = walkdir::WalkDir::new(start)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| {
            if e.depth() > 0 && is_hidden(file_name(e.path())) {
                return false;
            }
            if e.path_is_symlink() {
                let inside = std::fs::canonicalize(e.path()).is_ok_and(|p| p.starts_with(canonical_root));
                if !inside {
                    escaped.push(e.path().to_path_buf());
                    return false;
                }
            }
            // A folder below the root with a danvan.toml of its own is
            // another workspace (a province's member committees): its files
            // are its own records, not strays of this one.
            if at_root && e.depth() > 0 && e.file_type().is_dir() && e.path().join("danvan.toml").is_file() {
                return false;
            }
            if at_root && e.depth() == 1 && e.file_type().is_dir() {
                let name = e.file_name().to_str().unwrap_or("");
                if let Some(&(_, kind)) = RECORD_FOLDERS.iter().find(|(n, _)| *n == name) {
                    walked.folders.push((kind, e.path().to_path_buf()));
                    return false;
                }
            }
            true
        });
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                walked.diags.push(walk_error(root, &err));
                continue;
            }
        };
        if entry.depth() == 0 {
            continue;
        }
        let name = file_name(entry.path()).as_encoded_bytes();
        // Not `Path::extension`, which looks for the name again (a hidden
        // `.toml` was skipped above).
        if !name.ends_with(b".toml") {
            // `x.TOML`, `x.tml`, `x.toml.txt` (Notepad's): meant as a
            // record, and silently not one.
            if !at_root
                && !entry.file_type().is_dir()
                && let Some(meant) = near_miss(&entry.file_name().to_string_lossy())
            {
                walked.diags.push(
                    Diagnostic::new(
                        Code::Ignored,
                        tr!(
                            "bỏ qua {}: tên tệp hồ sơ phải kết thúc bằng .toml",
                            "ignored {}: a record's file name ends in .toml",
                            entry.path().strip_prefix(root).unwrap_or(entry.path()).display()
                        ),
                    )
                    .in_file(entry.path())
                    .with_help(tr!("đổi tên thành {}", "rename it {}", meant)),
                );
            }
            continue;
        }
        let Some(rel) = relative(entry.path(), root) else {
            continue;
        };
        if at_root {
            let top = rel
                .components()
                .next()
                .and_then(|c| c.as_os_str().to_str())
                .unwrap_or("");
            let known = (entry.depth() == 1 && (top == "danvan.toml" || top == "targets.toml")) || top == "templates";
            if !known {
                walked.diags.push(
                    Diagnostic::new(
                        Code::Ignored,
                        tr!(
                            "bỏ qua {}: hồ sơ phải nằm trong models/, meetings/ hoặc petitions/",
                            "ignored {}: records belong under models/, meetings/ or petitions/",
                            rel.display()
                        ),
                    )
                    .in_file(entry.path()),
                );
            }
            continue;
        }
        let file_type = entry.file_type();
        if file_type.is_dir() {
            walked.diags.push(
                Diagnostic::new(
                    Code::Unreadable,
                    tr!(
                        "{} là một thư mục, không phải tệp hồ sơ",
                        "{} is a folder, not a record file",
                        rel.display()
                    ),
                )
                .in_file(entry.path())
                .with_help(tr!(
                    "đổi tên thư mục (bỏ đuôi .toml)",
                    "rename the folder (drop the .toml ending)"
                )),
            );
            continue;
        }
        if !file_type.is_file() {
            // A pipe, socket or device: opening a pipe would wait for ever.
            walked.diags.push(not_a_file(entry.path()));
            continue;
        }
        walked.jobs.push(Job::new(rel));
    }
    // A stable order whatever order the folders list their entries in: by
    // the bytes of the path. One sort at the end costs far less than
    // `sort_by_file_name`, which finds each name again at every comparison;
    // only the order matters (it breaks ties between duplicate ids), not
    // which order.
    walked
        .jobs
        .sort_unstable_by(|a, b| a.rel.as_os_str().cmp(b.rel.as_os_str()));
    for path in escaped {
        walked.diags.push(
            Diagnostic::new(
                Code::Ignored,
                tr!(
                    "bỏ qua liên kết trỏ ra ngoài không gian hồ sơ: {}",
                    "ignored a link that points out of the workspace: {}",
                    path.display()
                ),
            )
            .in_file(path),
        );
    }
    walked
}

/// The record file name a name nearly is: `x.TOML`, `x.Toml`, `x.tml`,
/// `x.tomll`, `x.toml ` or `x.toml.txt` mean `x.toml`. (A backup such as
/// `x.toml.bak` or `x.toml~` is not a near miss: it is kept on purpose.)
pub(super) fn near_miss(name: &str) -> Option<String> {
    let (stem, ext) = name.rsplit_once('.')?;
    if stem.is_empty() {
        return None;
    }
    if stem.to_ascii_lowercase().ends_with(".toml") && ext.eq_ignore_ascii_case("txt") {
        return Some(stem.to_owned());
    }
    let ext = ext.trim_end_matches([' ', '.']).to_ascii_lowercase();
    let letters = ext.len() >= 3 && ext.bytes().all(|b| b.is_ascii_alphabetic());
    (letters && strsim::levenshtein(&ext, "toml") <= 1).then(|| format!("{stem}.toml"))
}

/// What went wrong with an entry the walk could not visit.
pub(super) fn walk_error(root: &Path, err: &walkdir::Error) -> Diagnostic {
    let path = err.path().map(Path::to_path_buf).unwrap_or_else(|| root.to_path_buf());
    let message = if err.loop_ancestor().is_some() {
        tr!(
            "liên kết vòng, đã bỏ qua: {}",
            "a link loop, skipped: {}",
            path.display()
        )
    } else {
        // The walk error repeats the path; the OS error alone says it.
        let reason = match err.io_error() {
            Some(e) if e.kind() == std::io::ErrorKind::NotFound => {
                tr!(
                    "không tồn tại (liên kết hỏng, hoặc bị xóa trong lúc chạy)",
                    "it does not exist (a broken link, or removed during the run)"
                )
            }
            Some(e) => io_error(e),
            None => io_reason(&err.to_string()),
        };
        tr!("không đọc được {}: {}", "cannot read {}: {}", path.display(), reason)
    };
    Diagnostic::new(Code::Unreadable, message).in_file(path)
}

#[cfg(test)]
mod tests {
    use super::{Job, file_name, relative};
    use std::ffi::OsStr;
    use std::path::Path;

    #[test]
    fn paths_read_off_their_bytes_agree_with_the_standard_library() {
        for root in [
            "records",
            "records/",
            "./records",
            "records/.",
            "/srv/xa lấp vò",
            "a//b",
        ] {
            for rel in ["petitions/2024/x.toml", "meetings/a.b.toml", "models/ỹ.toml"] {
                let path = Path::new(root).join(rel);
                assert_eq!(
                    relative(&path, Path::new(root)),
                    path.strip_prefix(root).ok(),
                    "{path:?}"
                );
                assert_eq!(Some(file_name(&path)), path.file_name(), "{path:?}");
            }
        }
        // Not below the root: as the standard library says.
        assert_eq!(relative(Path::new("recordsx/a.toml"), Path::new("records")), None);
        assert_eq!(relative(Path::new("other/a.toml"), Path::new("records")), None);
        assert_eq!(file_name(Path::new("x.toml")), OsStr::new("x.toml"));

        let job = Job::new(Path::new("petitions/2024/khiếu-nại.toml"));
        assert_eq!(job.folder(), OsStr::new("petitions/2024"));
        assert_eq!(job.name(), OsStr::new("khiếu-nại.toml"));
        assert_eq!(job.stem(), "khiếu-nại");
        let job = Job::new(Path::new("a.b.toml"));
        assert_eq!((job.folder(), job.stem().as_ref()), (OsStr::new(""), "a.b"));
    }

    #[test]
    fn near_misses_of_a_record_name() {
        use super::near_miss;
        for (name, meant) in [
            ("x.TOML", "x.toml"),
            ("x.Toml", "x.toml"),
            ("x.tml", "x.toml"),
            ("x.tomll", "x.toml"),
            ("x.toml ", "x.toml"),
            ("x.toml.txt", "x.toml"),
        ] {
            assert_eq!(near_miss(name).as_deref(), Some(meant), "{name}");
        }
        for name in [
            "x.toml.bak",
            "x.toml~",
            "readme.md",
            "x.json",
            "x",
            ".toml",
            "notes.txt",
            "x.to",
        ] {
            assert_eq!(near_miss(name), None, "{name}");
        }
    }
}
