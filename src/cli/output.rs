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
use tempfile::NamedTempFile;

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

/// Writes `bytes` to `path` as SPEC section 5 says: `-` is standard
/// output; a new path or a regular file is written to a temporary file
/// beside it, flushed to disk, then renamed over it (a reader never sees
/// half a file; the file keeps its permissions); a symbolic link is
/// written through to its target (the link stays a link); a FIFO or a
/// device is written to directly (`-o /dev/null` stays the device).
/// Parent folders are created. An existing file replaced is said on
/// standard error ("ghi đè …"). Errors are usage errors (exit 2) naming
/// the path and saying what to do.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    if path.as_os_str() == "-" {
        return print_bytes(bytes);
    }
    let target = through_links(path)?;
    match std::fs::metadata(&target) {
        Ok(m) if m.is_dir() => Err(Failure::Usage(tr!(
            "{} là một thư mục: ghi tên một tệp",
            "{} is a folder: give a file name",
            path.display()
        ))),
        Ok(m) if !m.is_file() => {
            // A FIFO, a terminal, /dev/null: written, never replaced.
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .map_err(|e| failure(&target, &e))?;
            f.write_all(bytes).map_err(|e| failure(&target, &e))
        }
        Ok(m) => {
            let tmp = write_temp(&target, bytes)?;
            // The replacement keeps the permissions of the file it replaces.
            let _ = tmp.as_file().set_permissions(m.permissions());
            persist(tmp, &target)?;
            eprintln!(
                "{}",
                tr!("ghi đè tệp đã có: {}", "overwrote the existing file {}", path.display())
            );
            Ok(())
        }
        Err(_) => persist(write_temp(&target, bytes)?, &target),
    }
}

/// Renames a written temporary file to `path` (and stops tracking it).
fn persist(tmp: NamedTempFile, path: &Path) -> Result<(), Failure> {
    let at = tmp.path().to_path_buf();
    // A failed rename hands the temporary back, and dropping it removes it.
    let done = tmp.persist(path).map(drop).map_err(|e| failure(path, &e.error));
    cleanup::forget(&at);
    done
}

/// The path a write to `path` goes to: `path`, or the file its symbolic
/// links lead to (a link that leads nowhere yet: where it points).
fn through_links(path: &Path) -> Result<PathBuf, Failure> {
    let mut at = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = std::fs::read_link(&at).map_err(|e| failure(&at, &e))?;
                at = match at.parent() {
                    Some(dir) => dir.join(to),
                    None => to,
                };
            }
            _ => return Ok(at),
        }
    }
    Err(Failure::Usage(tr!(
        "{}: liên kết vòng; sửa liên kết hoặc ghi ra tệp khác",
        "{}: a link loop; fix the link or write another file",
        path.display()
    )))
}

/// Like [`write_atomic`], but never replaces anything: `Ok(false)` when
/// `path` already exists (even if it appeared while we wrote).
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<bool, Failure> {
    if std::fs::symlink_metadata(path).is_ok() {
        return Ok(false);
    }
    let tmp = write_temp(path, bytes)?;
    let at = tmp.path().to_path_buf();
    // The rename (or hard link) fails when the target exists, so two
    // writers racing for one name cannot both win; a plain rename is the
    // fallback for file systems that have neither (FAT on a USB stick).
    let done = match tmp.persist_noclobber(path) {
        Ok(_) => Ok(true),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists || path.exists() => Ok(false),
        Err(e) => e.file.persist(path).map(|_| true).map_err(|e| failure(path, &e.error)),
    };
    cleanup::forget(&at);
    done
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

/// The report bundle, written as one unit (SPEC section 5): every file is
/// made in a folder beside `--out` (`.<name>.danvan-new-<pid>`), and
/// [`Bundle::commit`] swaps that folder in once every file is complete,
/// in one step where the system has one (Linux: `renameat2` with
/// `RENAME_EXCHANGE`), else two renames. A run that fails or is
/// interrupted (Ctrl-C, SIGTERM) before then leaves the old bundle as it
/// was and removes its folder; a run that was killed outright leaves it
/// for the next run to remove. An interrupt during the swap is acted on
/// once the swap is done.
///
/// The bundle's own entries are [`Bundle::OWN`]; anything else in the
/// folder (a README, `.git`, a CNAME) is the user's and is carried into
/// the new folder before the swap, as hard links (copies where the file
/// system has none), so it is never missing from `--out`.
///
/// A file that holds the same bytes as the one it replaces is carried the
/// same way: an unchanged notice keeps its time stamp. Unlike
/// [`write_atomic`], files are not flushed to disk one by one: a bundle of
/// thousands of notices is made again from the records by the next run,
/// and a flush per file cost more than the rest of the run.
pub struct Bundle {
    out: PathBuf,
    staging: PathBuf,
    /// Folders made (or found) already: thousands of notices share one.
    folders: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
}

impl Bundle {
    /// The entries of `--out` that the bundle writes; every other is the user's.
    /// A workspace's bundle and a province's (`members`, `province`,
    /// `rollup.xlsx`): an entry left over from the other kind, or from an
    /// older bundle, is not carried as if it were the user's.
    pub const OWN: [&'static str; 11] = [
        "index.html",
        "summary.md",
        "data.json",
        "registers.xlsx",
        crate::render::site::PETITIONS_CSV,
        crate::render::site::CONCLUSIONS_CSV,
        "notices",
        "reviews",
        "members",
        "province",
        "rollup.xlsx",
    ];

    /// Starts a bundle to replace `out`; removes what killed runs left.
    pub fn new(out: &Path) -> Result<Bundle, Failure> {
        // The folder is swapped whole: not the one the user stands in.
        let here = std::env::current_dir().ok().and_then(|d| std::fs::canonicalize(d).ok());
        let there = std::fs::canonicalize(out).ok();
        if let (Some(here), Some(there)) = (here, there)
            && here.starts_with(&there)
        {
            return Err(Failure::Usage(tr!(
                "--out {}: bản báo cáo thay cả thư mục, nên không ghi vào thư mục đang đứng; ghi vào một thư mục con, ví dụ --out public",
                "--out {}: the bundle replaces the whole folder, so it is not the folder you are in; write a folder below it, e.g. --out public",
                out.display()
            )));
        }
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or_else(|| {
                Failure::Usage(tr!(
                    "--out {}: ghi tên một thư mục (không phải . hay ..)",
                    "--out {}: name a folder (not . or ..)",
                    out.display()
                ))
            })?;
        let parent = folder_of(out)?;
        std::fs::create_dir_all(parent).map_err(|e| failure(parent, &e))?;
        remove_stale_bundles(parent, &name, out);
        let staging = parent.join(format!(".{name}.danvan-new-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&staging);
        cleanup::track(&staging);
        std::fs::create_dir(&staging).map_err(|e| failure(&staging, &e))?;
        Ok(Bundle {
            out: out.to_path_buf(),
            staging,
            folders: Default::default(),
        })
    }

    /// Where a file of `--out` is made.
    fn staged(&self, path: &Path) -> PathBuf {
        match path.strip_prefix(&self.out) {
            Ok(rel) => self.staging.join(rel),
            Err(_) => path.to_path_buf(),
        }
    }

    /// Writes `bytes` as the file `path` (under `--out`) of the bundle; a
    /// file there that holds them already is carried as it is.
    pub fn write(&self, path: &Path, bytes: &[u8]) -> Result<(), Failure> {
        cleanup::check()?;
        let staged = self.staged(path);
        self.folder(&staged)?;
        if holds(path, bytes) && std::fs::hard_link(path, &staged).is_ok() {
            return Ok(());
        }
        std::fs::write(&staged, bytes).map_err(|e| failure(path, &e))
    }

    /// Writes the file `path` of the bundle through a buffer: `write`
    /// streams the content (and may seek in it, as a zip writer does).
    pub fn write_with(
        &self,
        path: &Path,
        write: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> std::io::Result<()>,
    ) -> Result<(), Failure> {
        cleanup::check()?;
        let staged = self.staged(path);
        self.folder(&staged)?;
        let file = std::fs::File::create(&staged).map_err(|e| failure(path, &e))?;
        let mut w = std::io::BufWriter::with_capacity(64 * 1024, file);
        write(&mut w).and_then(|_| w.flush()).map_err(|e| failure(path, &e))
    }

    /// Puts the bundle in place of `--out`, with the user's files.
    pub fn commit(self) -> Result<(), Failure> {
        // An interrupt now waits until the bundle is in place.
        let hold = cleanup::hold();
        let done = self.swap_in();
        drop(hold);
        done
    }

    fn swap_in(&self) -> Result<(), Failure> {
        if std::fs::symlink_metadata(&self.out).is_err() {
            return std::fs::rename(&self.staging, &self.out).map_err(|e| failure(&self.out, &e));
        }
        if let Ok(m) = std::fs::metadata(&self.out) {
            let _ = std::fs::set_permissions(&self.staging, m.permissions());
        }
        let entries = std::fs::read_dir(&self.out).map_err(|e| failure(&self.out, &e))?;
        let mut odd = Vec::new();
        for entry in entries.flatten() {
            let name = entry.file_name();
            let text = name.to_string_lossy();
            if Bundle::OWN.contains(&text.as_ref()) || is_own_temporary(&text) {
                continue;
            }
            if !carry(&entry.path(), &self.staging.join(&name)) {
                odd.push(name);
            }
        }
        swap(&self.staging, &self.out)?;
        // A socket or FIFO of the user's cannot be linked: moved across now.
        for name in odd {
            let _ = std::fs::rename(self.staging.join(&name), self.out.join(&name));
        }
        // The staging path now holds the old bundle: dropping removes it.
        Ok(())
    }

    /// The folder of `path`, made once.
    fn folder(&self, path: &Path) -> Result<(), Failure> {
        let dir = folder_of(path)?;
        let mut folders = self.folders.lock().unwrap_or_else(|e| e.into_inner());
        if !folders.contains(dir) {
            std::fs::create_dir_all(dir).map_err(|e| failure(dir, &e))?;
            folders.insert(dir.to_path_buf());
        }
        Ok(())
    }
}

impl Drop for Bundle {
    /// The staging folder goes: unfinished (a file failed), or the old
    /// bundle after the swap.
    fn drop(&mut self) {
        if std::fs::symlink_metadata(&self.staging).is_ok() {
            let _ = std::fs::remove_dir_all(&self.staging);
        }
        cleanup::forget(&self.staging);
    }
}

/// A temporary file an earlier danvan left in a bundle folder
/// (`.index.html.tmp-123`, `.data.json.Ab12Cd.tmp`): not the user's.
fn is_own_temporary(name: &str) -> bool {
    Bundle::OWN
        .iter()
        .any(|own| name.starts_with(&format!(".{own}.")) && (name.ends_with(".tmp") || name.contains(".tmp-")))
}

/// Recreates the entry `from` at `to`: a file as a hard link (a copy if
/// the file system has none), a folder entry by entry, a link as a link.
/// False for what cannot be recreated (a socket, a FIFO).
fn carry(from: &Path, to: &Path) -> bool {
    let Ok(m) = std::fs::symlink_metadata(from) else {
        return true;
    };
    let t = m.file_type();
    if t.is_symlink() {
        #[cfg(unix)]
        return std::fs::read_link(from).is_ok_and(|l| std::os::unix::fs::symlink(l, to).is_ok());
        #[cfg(not(unix))]
        return false;
    }
    if t.is_dir() {
        if std::fs::create_dir(to).is_err() {
            return false;
        }
        let _ = std::fs::set_permissions(to, m.permissions());
        let Ok(entries) = std::fs::read_dir(from) else {
            return false;
        };
        // Every entry is carried, even after one that could not be.
        let mut all = true;
        for e in entries.flatten() {
            all &= carry(&e.path(), &to.join(e.file_name()));
        }
        return all;
    }
    if t.is_file() {
        return std::fs::hard_link(from, to).is_ok() || std::fs::copy(from, to).is_ok();
    }
    false
}

/// Exchanges the folders `new` and `out`: afterwards `out` holds the new
/// bundle and `new` the old one.
fn swap(new: &Path, out: &Path) -> Result<(), Failure> {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        use std::os::unix::ffi::OsStrExt;
        let c = |p: &Path| std::ffi::CString::new(p.as_os_str().as_bytes()).ok();
        if let (Some(a), Some(b)) = (c(new), c(out)) {
            // SAFETY: two valid NUL-terminated paths, relative to the
            // working directory; renameat2 only reads them.
            let done = unsafe {
                libc::renameat2(
                    libc::AT_FDCWD,
                    a.as_ptr(),
                    libc::AT_FDCWD,
                    b.as_ptr(),
                    libc::RENAME_EXCHANGE,
                )
            };
            if done == 0 {
                return Ok(());
            }
        }
    }
    // Without an exchange: out → old, new → out. A run killed between the
    // two leaves `old`, which the next run puts back (`remove_stale_bundles`).
    let old = old_name(new);
    std::fs::rename(out, &old).map_err(|e| failure(out, &e))?;
    if let Err(e) = std::fs::rename(new, out) {
        let _ = std::fs::rename(&old, out);
        return Err(failure(out, &e));
    }
    std::fs::rename(&old, new).map_err(|e| failure(new, &e))
}

/// `.<name>.danvan-old-<pid>` for the staging folder `.<name>.danvan-new-<pid>`.
fn old_name(staging: &Path) -> PathBuf {
    let name = staging.file_name().unwrap_or_default().to_string_lossy();
    staging.with_file_name(name.replacen(".danvan-new-", ".danvan-old-", 1))
}

/// Removes the staging folders that killed runs left beside `out` (their
/// process is gone); an old bundle moved aside by a run killed in the
/// middle of its swap is put back first, when `out` is missing.
fn remove_stale_bundles(parent: &Path, name: &str, out: &Path) {
    let Ok(entries) = std::fs::read_dir(parent) else { return };
    let prefix = format!(".{name}.danvan-");
    for entry in entries.flatten() {
        let file = entry.file_name();
        let file = file.to_string_lossy();
        let Some(rest) = file.strip_prefix(&prefix) else {
            continue;
        };
        let (old, pid) = match (rest.strip_prefix("new-"), rest.strip_prefix("old-")) {
            (Some(pid), _) => (false, pid),
            (_, Some(pid)) => (true, pid),
            _ => continue,
        };
        if pid.parse::<u32>().is_ok_and(is_running) {
            continue;
        }
        if old && std::fs::symlink_metadata(out).is_err() && std::fs::rename(entry.path(), out).is_ok() {
            continue;
        }
        let _ = std::fs::remove_dir_all(entry.path());
    }
}

/// Whether a process of this id runs (so its temporaries are in use).
fn is_running(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // SAFETY: signal 0 only asks whether the process exists.
        let r = unsafe { libc::kill(pid, 0) };
        r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        true
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

/// A new temporary file `.<name>.danvan-<pid>-XXXXXX.tmp` in `dir`, the
/// folder of `path`, removed if the run is interrupted; those of killed
/// runs (whose process is gone) are removed first. It may be read as a
/// file `File::create` makes may (tempfile's own default is the owner
/// only).
fn temp_file(path: &Path, dir: &Path) -> Result<NamedTempFile, Failure> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    remove_stale_temporaries(dir, &name);
    let prefix = format!(".{name}.danvan-{}-", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Less the umask, as for `File::create`.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let tmp = builder.tempfile_in(dir).map_err(|e| failure(dir, &e))?;
    cleanup::track(tmp.path());
    Ok(tmp)
}

/// Removes `.<name>.danvan-<pid>-*.tmp` files of processes that are gone.
fn remove_stale_temporaries(dir: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let prefix = format!(".{name}.danvan-");
    for entry in entries.flatten() {
        let file = entry.file_name();
        let file = file.to_string_lossy();
        let Some(rest) = file.strip_prefix(&prefix).filter(|_| file.ends_with(".tmp")) else {
            continue;
        };
        let pid = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
        if pid.is_some_and(|p| !is_running(p)) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// What an interrupted run removes: its temporary files and folders. An
/// interrupt (SIGINT, SIGTERM, SIGHUP) is taken by a thread of
/// `signal-hook` (which does the async-signal-safe part; a handler that
/// removed files itself could not be safe), which removes them and exits
/// 128 + the signal, as a shell reports it. The handler is installed with
/// the first temporary, so a reading command keeps the default.
mod cleanup {
    use std::path::{Path, PathBuf};
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Mutex, MutexGuard};

    static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
    static INTERRUPTED: AtomicBool = AtomicBool::new(false);

    /// An error once the run is interrupted: no new file is begun.
    pub fn check() -> Result<(), super::Failure> {
        if INTERRUPTED.load(Ordering::SeqCst) {
            return Err(super::Failure::Usage(String::new()));
        }
        Ok(())
    }

    fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
        PENDING.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Removes `path` (a file or a folder) if the run is interrupted.
    pub fn track(path: &Path) {
        install();
        pending().push(path.to_path_buf());
    }

    /// `path` is in place (or gone): an interrupt leaves it.
    pub fn forget(path: &Path) {
        pending().retain(|p| p != path);
    }

    /// While held, an interrupt waits: what is under way is finished first.
    pub fn hold() -> MutexGuard<'static, Vec<PathBuf>> {
        pending()
    }

    fn install() {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            #[cfg(unix)]
            {
                use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
                let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
                    return;
                };
                std::thread::spawn(move || {
                    if let Some(signal) = signals.forever().next() {
                        INTERRUPTED.store(true, Ordering::SeqCst);
                        let mut pending = pending();
                        for path in pending.drain(..) {
                            // A file another thread was making as we began
                            // may land in a folder being removed: try again.
                            for _ in 0..50 {
                                let gone = std::fs::remove_dir_all(&path).is_ok()
                                    || std::fs::remove_file(&path).is_ok()
                                    || std::fs::symlink_metadata(&path).is_err();
                                if gone {
                                    break;
                                }
                                std::thread::sleep(std::time::Duration::from_millis(10));
                            }
                        }
                        std::process::exit(128 + signal);
                    }
                });
            }
        });
    }
}

/// A file or folder that could not be written: which, why, what to do.
fn failure(path: &Path, e: &std::io::Error) -> Failure {
    Failure::Usage(tr!(
        "không ghi được {}: {}; {}",
        "cannot write {}: {}; {}",
        path.display(),
        crate::i18n::io_reason(e),
        crate::i18n::write_advice(e)
    ))
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

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_bundle_replaces_the_folder_only_when_committed_and_keeps_the_users_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir_all(out.join("notices")).unwrap();
        std::fs::create_dir_all(out.join(".git/objects")).unwrap();
        std::fs::write(out.join("index.html"), "old").unwrap();
        std::fs::write(out.join("notices/gone.html"), "old").unwrap();
        std::fs::write(out.join("README.md"), "mine").unwrap();
        std::fs::write(out.join(".git/objects/x"), "mine").unwrap();
        std::fs::write(out.join(".index.html.tmp-99999999"), "stale").unwrap();
        // What a killed run left beside it.
        std::fs::create_dir_all(dir.path().join(".public.danvan-new-99999999/notices")).unwrap();

        // Dropped before commit (a later file failed): nothing changes.
        let bundle = Bundle::new(&out).unwrap();
        assert_eq!(
            names(dir.path()),
            [format!(".public.danvan-new-{}", std::process::id()), "public".into()]
        );
        bundle.write(&out.join("index.html"), b"new").unwrap();
        bundle.write(&out.join("notices/a.html"), b"a").unwrap();
        drop(bundle);
        assert_eq!(names(dir.path()), ["public"]);
        assert_eq!(std::fs::read_to_string(out.join("index.html")).unwrap(), "old");

        // Committed: the bundle's files are the new ones, from several
        // threads; the user's stay; the bundle's old ones and temporaries go.
        let bundle = Bundle::new(&out).unwrap();
        std::thread::scope(|s| {
            for i in 0..4 {
                let bundle = &bundle;
                let path = out.join(format!("notices/{i}.html"));
                s.spawn(move || bundle.write_with(&path, |w| write!(w, "notice {i}")).unwrap());
            }
        });
        bundle.write(&out.join("index.html"), b"new").unwrap();
        bundle.commit().unwrap();
        assert_eq!(names(dir.path()), ["public"]);
        assert_eq!(names(&out), [".git", "README.md", "index.html", "notices"]);
        assert_eq!(names(&out.join("notices")), ["0.html", "1.html", "2.html", "3.html"]);
        assert_eq!(std::fs::read_to_string(out.join("index.html")).unwrap(), "new");
        assert_eq!(std::fs::read_to_string(out.join(".git/objects/x")).unwrap(), "mine");

        // A first bundle: the folder is made.
        let fresh = dir.path().join("fresh");
        let bundle = Bundle::new(&fresh).unwrap();
        bundle.write(&fresh.join("summary.md"), b"s").unwrap();
        bundle.commit().unwrap();
        assert_eq!(names(&fresh), ["summary.md"]);
    }

    #[cfg(unix)]
    #[test]
    fn an_unchanged_file_is_carried_as_it_is() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("summary.md"), "same").unwrap();
        let inode = std::fs::metadata(out.join("summary.md")).unwrap().ino();
        let bundle = Bundle::new(&out).unwrap();
        bundle.write(&out.join("summary.md"), b"same").unwrap();
        bundle.commit().unwrap();
        assert_eq!(std::fs::metadata(out.join("summary.md")).unwrap().ino(), inode);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_written_through_and_a_fifo_written_to() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.txt");
        std::fs::write(&target, "old").unwrap();
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink("real.txt", &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        // A link to a file not made yet makes it.
        let dangling = dir.path().join("later.txt");
        std::os::unix::fs::symlink("sub/made.txt", &dangling).unwrap();
        write_atomic(&dangling, b"made").unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("sub/made.txt")).unwrap(),
            "made"
        );

        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("mkfifo is not available; skipped");
            return;
        }
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read(&fifo).unwrap())
        };
        write_atomic(&fifo, b"through the pipe").unwrap();
        assert_eq!(reader.join().unwrap(), b"through the pipe");
        use std::os::unix::fs::FileTypeExt;
        assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    }

    #[test]
    fn stale_temporaries_of_gone_processes_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join(".out.txt.danvan-99999999-abc.tmp");
        let mine = dir
            .path()
            .join(format!(".out.txt.danvan-{}-abc.tmp", std::process::id()));
        std::fs::write(&stale, "x").unwrap();
        std::fs::write(&mine, "x").unwrap();
        write_atomic(&dir.path().join("out.txt"), b"x").unwrap();
        assert!(!stale.exists() && mine.exists());
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
        let bundle = Bundle::new(&dir.path().join("bundle")).unwrap();
        bundle.write(&dir.path().join("bundle/index.html"), b"b").unwrap();
        bundle.commit().unwrap();
        for name in ["atomic", "new", "bundle/index.html"] {
            assert_eq!(mode(&dir.path().join(name)), mode(&plain), "{name}");
        }
    }
}
