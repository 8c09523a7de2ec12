//! Where output goes: standard output, where a closed pipe (`danvan … |
//! head`) is success, and files written safely: a reader (an editor, a CI
//! upload, a spreadsheet open on the file) never sees a half-written file,
//! and `new` never replaces a file that exists.

use super::args::FormatArgs;
use super::{Context, Failure, Outcome};
use crate::i18n::tr;
use crate::render::Format;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use tempfile::{NamedTempFile, TempPath};

/// Writes text to standard output.
pub fn print(text: &str) -> Outcome {
    print_bytes(text.as_bytes())
}

/// Writes bytes to standard output.
pub fn print_bytes(bytes: &[u8]) -> Outcome {
    print_with(|out| out.write_all(bytes))
}

/// Prints a report as `--format` and `-o` ask: to standard output, as it
/// renders (see [`crate::render::write`]), or (xlsx, or any format with
/// `-o FILE`) to a file written atomically.
pub fn emit_report(report: &impl crate::report::Report, out: &FormatArgs, cx: &Context) -> Outcome {
    let format = out.effective();
    match out.file.as_ref().filter(|f| f.as_os_str() != "-") {
        Some(path) => {
            let mut bytes = Vec::new();
            crate::render::write(report, format, crate::render::Screen::PLAIN, &mut bytes)?;
            write_atomic(path, &bytes)?;
            print(&format!("{}\n", path.display()))
        }
        None if format == Format::Xlsx && std::io::stdout().is_terminal() => Err(Failure::Usage(tr!(
            "--format xlsx ghi ra tệp: thêm -o TỆP.xlsx",
            "--format xlsx writes a file: add -o FILE.xlsx"
        ))),
        None => page(cx, |w| crate::render::write(report, format, cx.screen, w)),
    }
}

/// The pager long output goes through, as git picks its own: none unless
/// standard output is a terminal and `--no-pager` is not given; then
/// `DANVAN_PAGER`, else `PAGER`, else `less -FRX` (which prints output
/// that fits the screen and quits, keeps colours, and leaves the text on
/// the screen). An empty command or `cat` means no pager.
fn pager(cx: &Context) -> Option<String> {
    if cx.global.no_pager || !std::io::stdout().is_terminal() {
        return None;
    }
    let command = std::env::var("DANVAN_PAGER")
        .or_else(|_| std::env::var("PAGER"))
        .unwrap_or_else(|_| "less -FRX".to_owned());
    let command = command.trim();
    (!command.is_empty() && command != "cat").then(|| command.to_owned())
}

/// Writes to the pager (see [`pager`]), or to standard output when there
/// is none or it cannot start. Quitting the pager early is success.
pub fn page(cx: &Context, write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Outcome {
    let Some(command) = pager(cx) else {
        return print_with(write);
    };
    #[cfg(unix)]
    let mut process = {
        let mut p = std::process::Command::new("sh");
        p.arg("-c").arg(&command);
        p
    };
    #[cfg(not(unix))]
    let mut process = {
        let mut words = command.split_whitespace();
        let mut p = std::process::Command::new(words.next().unwrap_or("more"));
        p.args(words);
        p
    };
    // As git does: less, when LESS does not say otherwise, gets -FRX.
    if std::env::var_os("LESS").is_none() {
        process.env("LESS", "FRX");
    }
    if std::env::var_os("LV").is_none() {
        process.env("LV", "-c");
    }
    // What danvan prints is UTF-8 whatever the locale says: a less under
    // the C locale would show Vietnamese letters as <C3><A0>.
    if std::env::var_os("LESSCHARSET").is_none() && std::env::var_os("LESSCHARDEF").is_none() {
        process.env("LESSCHARSET", "utf-8");
    }
    let Ok(mut child) = process.stdin(std::process::Stdio::piped()).spawn() else {
        return print_with(write);
    };
    let written = match child.stdin.take() {
        Some(stdin) => {
            let mut w = std::io::BufWriter::with_capacity(64 * 1024, stdin);
            write(&mut w).and_then(|_| w.flush())
        }
        None => Ok(()),
    };
    let _ = child.wait();
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// Runs `write` on a buffered stdout, treating a closed pipe as success.
fn print_with(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Outcome {
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
    match write(&mut out).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// Writes `bytes` to `path` atomically: to a temporary file in the same
/// folder, flushed to disk, then renamed over `path`. Parent folders are
/// created. Errors are usage errors (exit 2) naming the path.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let tmp = write_temp(path, bytes)?;
    // A failed rename hands the temporary back, and dropping it removes it.
    tmp.persist(path).map(drop).map_err(|e| failure(path, &e.error))
}

/// Like [`write_atomic`], but never replaces an existing file: `Ok(false)`
/// when `path` already exists (even if it appeared while we wrote).
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<bool, Failure> {
    if path.exists() {
        return Ok(false);
    }
    let tmp = write_temp(path, bytes)?;
    // The rename (or hard link) fails when the target exists, so two
    // writers racing for one name cannot both win; a plain rename is the
    // fallback for file systems that have neither (FAT on a USB stick).
    match tmp.persist_noclobber(path) {
        Ok(_) => Ok(true),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists || path.exists() => Ok(false),
        Err(e) => e.file.persist(path).map(|_| true).map_err(|e| failure(path, &e.error)),
    }
}

/// Writes a new record under the first free id among `base`, `base-2`, …
/// ([`crate::domain::ids::candidates`]): free in the whole kind (`taken`:
/// ids are unique per kind) and, at the moment of writing, in the folder
/// (another process may have taken it meanwhile). `text_for` makes the
/// file's text for an id. The path written.
pub fn write_fresh(
    folder: &Path,
    base: &str,
    taken: &std::collections::HashSet<String>,
    mut text_for: impl FnMut(&str) -> Result<String, Failure>,
) -> Result<PathBuf, Failure> {
    for id in crate::domain::ids::candidates(base) {
        if taken.contains(&id) {
            continue;
        }
        let path = folder.join(format!("{id}.toml"));
        if write_new(&path, text_for(&id)?.as_bytes())? {
            return Ok(path);
        }
    }
    Err(Failure::Usage(tr!(
        "không còn mã trống cho {}",
        "no free id left for {}",
        base
    )))
}

/// A temporary file beside `path`, written and synced; its folder is created.
fn write_temp(path: &Path, bytes: &[u8]) -> Result<NamedTempFile, Failure> {
    let dir = folder_of(path)?;
    std::fs::create_dir_all(dir).map_err(|e| failure(dir, &e))?;
    let mut tmp = temp_file(path, dir)?;
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| failure(tmp.path(), &e))?;
    Ok(tmp)
}

/// Files written as one set (the report bundle): each goes to a temporary
/// file beside its place as it is made, from any thread; [`Batch::commit`]
/// renames them all into place once every one is complete. A run that
/// fails or is interrupted before then leaves the old files untouched (and
/// removes its temporary ones when it can); one interrupted while renaming
/// leaves each file old or new, never half of one.
///
/// Unlike [`write_atomic`], the files are not flushed to disk one by one: a
/// bundle of thousands of notices is made again from the records by the
/// next run, and a flush per file cost more than the rest of the run.
#[derive(Default)]
pub struct Batch {
    /// (temporary, final) paths, in the order written; a temporary is
    /// closed once written (thousands of notices would exhaust the open
    /// files) and removed when dropped before it is renamed.
    pending: std::sync::Mutex<Vec<(TempPath, PathBuf)>>,
    /// Folders made (or found) already: thousands of notices share one.
    folders: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
}

impl Batch {
    pub fn new() -> Batch {
        Batch::default()
    }

    /// Writes `bytes` to `path`, unless `path` holds them already: an
    /// unchanged file keeps its time stamp, and a bundle made again into
    /// the same folder rewrites only the notices that changed.
    pub fn write(&self, path: &Path, bytes: &[u8]) -> Result<(), Failure> {
        if holds(path, bytes) {
            return Ok(());
        }
        self.write_with(path, |w| w.write_all(bytes))
    }

    /// Writes `path` through a buffer: `write` streams the content.
    pub fn write_with(
        &self,
        path: &Path,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<(), Failure> {
        let dir = self.folder(path)?;
        let mut tmp = temp_file(path, dir)?;
        let mut w = std::io::BufWriter::with_capacity(64 * 1024, tmp.as_file_mut());
        let written = write(&mut w).and_then(|_| w.flush());
        drop(w);
        written.map_err(|e| failure(tmp.path(), &e))?;
        self.pending().push((tmp.into_temp_path(), path.to_path_buf()));
        Ok(())
    }

    /// Renames every file into place; the temporaries not renamed after a
    /// failure are removed as they drop.
    pub fn commit(self) -> Result<(), Failure> {
        let pending = std::mem::take(&mut *self.pending());
        pending
            .into_iter()
            .try_for_each(|(tmp, path)| tmp.persist(&path).map_err(|e| failure(&path, &e.error)))
    }

    /// The folder of `path`, made once.
    fn folder<'p>(&self, path: &'p Path) -> Result<&'p Path, Failure> {
        let dir = folder_of(path)?;
        let mut folders = self.folders.lock().unwrap_or_else(|e| e.into_inner());
        if !folders.contains(dir) {
            std::fs::create_dir_all(dir).map_err(|e| failure(dir, &e))?;
            folders.insert(dir.to_path_buf());
        }
        Ok(dir)
    }

    fn pending(&self) -> std::sync::MutexGuard<'_, Vec<(TempPath, PathBuf)>> {
        // A thread that panicked while pushing left the list whole.
        self.pending.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Whether the regular file at `path` holds exactly `bytes` (read only
/// when its size matches).
fn holds(path: &Path, bytes: &[u8]) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && std::fs::read(path).is_ok_and(|held| held == bytes)
}

/// The folder `path` is in (`.` for a bare file name); an error when
/// `path` names no file.
fn folder_of(path: &Path) -> Result<&Path, Failure> {
    if path.file_name().is_none() {
        return Err(Failure::Usage(tr!(
            "{} không phải tên tệp",
            "{} is not a file name",
            path.display()
        )));
    }
    Ok(path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new(".")))
}

/// A new temporary file `.<name>.XXXXXX.tmp` in `dir`, the folder of
/// `path`. It may be read as a file `File::create` makes may (tempfile's
/// own default is the owner only): a published bundle is read by others.
fn temp_file(path: &Path, dir: &Path) -> Result<NamedTempFile, Failure> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Less the umask, as for `File::create`.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir).map_err(|e| failure(dir, &e))
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

    #[test]
    fn a_batch_replaces_its_files_only_when_committed() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("index.html");
        std::fs::write(&old, "old").unwrap();
        let names = |dir: &Path| {
            let mut names: Vec<String> = std::fs::read_dir(dir)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            names.sort();
            names
        };

        // Dropped before commit (a later file failed): the old file stays, no temporary is left.
        let batch = Batch::new();
        batch.write(&old, b"new").unwrap();
        batch.write(&dir.path().join("notices/a.html"), b"a").unwrap();
        assert_eq!(std::fs::read_to_string(&old).unwrap(), "old");
        drop(batch);
        assert_eq!(std::fs::read_to_string(&old).unwrap(), "old");
        assert_eq!(names(dir.path()), ["index.html", "notices"]);
        assert!(names(&dir.path().join("notices")).is_empty());

        // Committed: every file is in place, written from several threads.
        let batch = Batch::new();
        std::thread::scope(|s| {
            for i in 0..4 {
                let batch = &batch;
                let path = dir.path().join(format!("notices/{i}.html"));
                s.spawn(move || batch.write_with(&path, |w| write!(w, "notice {i}")).unwrap());
            }
        });
        batch.write(&old, b"new").unwrap();
        batch.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&old).unwrap(), "new");
        assert_eq!(
            names(&dir.path().join("notices")),
            ["0.html", "1.html", "2.html", "3.html"]
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("notices/2.html")).unwrap(),
            "notice 2"
        );
    }

    /// tempfile makes owner-only files; danvan's are as `File::create`
    /// makes them (0666 less the umask), so a published bundle is readable.
    #[cfg(unix)]
    #[test]
    fn written_files_have_the_usual_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let plain = dir.path().join("plain");
        std::fs::File::create(&plain).unwrap();
        write_atomic(&dir.path().join("atomic"), b"a").unwrap();
        assert!(write_new(&dir.path().join("new"), b"n").unwrap());
        let batch = Batch::new();
        batch.write(&dir.path().join("batch"), b"b").unwrap();
        batch.commit().unwrap();
        for name in ["atomic", "new", "batch"] {
            assert_eq!(mode(&dir.path().join(name)), mode(&plain), "{name}");
        }
    }
}
