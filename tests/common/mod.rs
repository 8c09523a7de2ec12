//! What the integration tests share:
//! - [`danvan`]: the binary, run in a known environment (none of the
//!   caller's), as a builder ([`Danvan`]) that ends in `.assert()`,
//!   `.run()`, `.stdout()`, `.json()` or `.csv()`; [`browse`] and
//!   [`progress`] start it on the two fixtures several commands share;
//! - [`require_tool`], [`require_python_module`] and [`skip`]: a test that
//!   needs a program says when it skips, and fails instead under CI=true;
//!   [`make_fifo`];
//! - [`copy_dir`], [`commands`], [`isolated`] (other programs, in the same
//!   known environment), [`open_in_chromium`] (a page, headless).
//!
//! Each test file takes what it needs (`mod common;`), so the rest is
//! unused there.
#![allow(dead_code)]

pub mod docx;

use assert_cmd::assert::Assert;
use serde_json::Value;
use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

/// The repository root: where `danvan` starts unless a test says otherwise.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Variables passed on to every process a test starts; everything else in
/// the caller's environment is dropped (DANVAN_RECORDS, DANVAN_AS_OF,
/// NO_COLOR, CLICOLOR_FORCE, COLUMNS, LANG, LC_*, PAGER, EDITOR, GIT_DIR…),
/// so that no setting of the person or CI running the tests changes what
/// the binary prints. A test that wants one of those sets it with
/// [`Danvan::env`].
const KEPT: &[&str] = &[
    // Finding programs (git for `report`, the editor of `new --edit`).
    "PATH",
    // Where temporary files go.
    "TMPDIR",
    // Coverage runs (cargo llvm-cov) collect the binary's profile here.
    "LLVM_PROFILE_FILE",
    // Windows cannot start a process without it.
    "SYSTEMROOT",
];

/// The kept part of this process's environment (see [`KEPT`]).
pub fn kept_env() -> Vec<(OsString, OsString)> {
    KEPT.iter()
        .filter_map(|k| std::env::var_os(k).map(|v| (OsString::from(k), v)))
        .collect()
}

/// Starts `program` with only the kept environment (see [`KEPT`]): for the
/// tools a test runs around the binary (git, the pre-commit hook, setpriv).
pub fn isolated(program: impl AsRef<OsStr>) -> std::process::Command {
    let mut cmd = std::process::Command::new(program);
    cmd.env_clear().envs(kept_env());
    cmd
}

/// How long a run of the binary may take before the test fails: a run
/// that waits for ever fails its test instead of hanging the suite.
pub const TIMEOUT: Duration = Duration::from_secs(120);

/// The `danvan` binary, as a test runs it: started in the repository root,
/// with the caller's environment dropped (see [`KEPT`]), killed after
/// [`TIMEOUT`]. Add what the test needs, then run it:
///
/// ```ignore
/// let v = danvan().records("tests/fixtures/browse").args(["status", "--as-of", "2023-06-30"]).json();
/// danvan().args(["list", "people"]).assert().code(2);
/// ```
pub fn danvan() -> Danvan {
    let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_danvan"));
    cmd.env_clear().envs(kept_env()).current_dir(root()).timeout(TIMEOUT);
    Danvan(cmd)
}

/// `danvan --records tests/fixtures/browse --color never ARGS…`: the
/// hand-counted fixture of `status`, `summary`, `list`, `show` and
/// `petitions` (its files say what each record is).
pub fn browse(args: &[&str]) -> Danvan {
    danvan()
        .records("tests/fixtures/browse")
        .args(["--color", "never"])
        .args(args)
}

/// `danvan --records tests/fixtures/progress/workspace --color never ARGS…`:
/// the hand-counted fixture of `progress` and `show TARGET` (counted in
/// tests/progress_cli.rs), at a fixed width, so tables do not depend on the
/// terminal of the run.
pub fn progress(args: &[&str]) -> Danvan {
    danvan()
        .records("tests/fixtures/progress/workspace")
        .args(["--color", "never"])
        .args(args)
        .env("COLUMNS", "250")
}

/// A run of the binary being set up: see [`danvan`].
#[derive(Debug)]
pub struct Danvan(assert_cmd::Command);

/// What a run printed, and how it ended.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Danvan {
    /// `--records DIR` (relative to the folder the run starts in).
    pub fn records(self, dir: impl AsRef<OsStr>) -> Danvan {
        self.arg("--records").arg(dir)
    }

    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Danvan {
        self.0.arg(arg);
        self
    }

    pub fn args<I, S>(mut self, args: I) -> Danvan
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.0.args(args);
        self
    }

    /// Sets one variable for this run (the rest of the caller's environment
    /// stays out).
    pub fn env(mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Danvan {
        self.0.env(key, value);
        self
    }

    /// The folder the run starts in (the repository root by default).
    pub fn current_dir(mut self, dir: impl AsRef<Path>) -> Danvan {
        self.0.current_dir(dir);
        self
    }

    /// Another limit than [`TIMEOUT`].
    pub fn timeout(mut self, limit: Duration) -> Danvan {
        self.0.timeout(limit);
        self
    }

    /// Runs it: the raw output, after checking that it did not panic.
    pub fn output(mut self) -> Output {
        let out = self
            .0
            .output()
            .unwrap_or_else(|e| panic!("{:?} did not start: {e}", self.0));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{:?} panicked:\n{stderr}", self.0);
        out
    }

    /// Runs it for assert_cmd's assertions (`.success()`, `.code(2)`,
    /// `.stderr(…)`), after checking that it did not panic.
    pub fn assert(mut self) -> Assert {
        let assert = self.0.assert();
        let stderr = String::from_utf8_lossy(&assert.get_output().stderr);
        assert!(!stderr.contains("panicked"), "{:?} panicked:\n{stderr}", self.0);
        assert
    }

    /// Runs it: its exit code (it must exit, not be killed by a signal or
    /// the timeout) and what it printed (which must be UTF-8).
    pub fn run(self) -> Run {
        let what = format!("{:?}", self.0);
        let out = self.output();
        let code = out
            .status
            .code()
            .unwrap_or_else(|| panic!("{what} was killed (a hang?): {:?}", out.status));
        Run {
            code,
            stdout: String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("{what}: stdout is not UTF-8: {e}")),
            stderr: String::from_utf8(out.stderr).unwrap_or_else(|e| panic!("{what}: stderr is not UTF-8: {e}")),
        }
    }

    /// Runs it, requires success, and returns what it printed.
    pub fn stdout(self) -> String {
        let out = self.assert().success();
        String::from_utf8(out.get_output().stdout.clone()).expect("stdout is UTF-8")
    }

    /// Runs it with `--format json` added at the end, requires success,
    /// and parses what it printed.
    pub fn json(self) -> Value {
        let text = self.args(["--format", "json"]).stdout();
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
    }

    /// Runs it with `--format csv` added at the end, requires success, and
    /// parses what it printed: every row, the header first.
    pub fn csv(self) -> Vec<Vec<String>> {
        let text = self.args(["--format", "csv"]).stdout();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes());
        reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect()
    }
}

/// Every command `danvan --help` lists, but `help`: a new command is
/// found by the tests that go through them all.
pub fn commands() -> Vec<String> {
    let help = danvan().args(["--lang", "en", "--help"]).stdout();
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter(|l| !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(str::to_owned)
        .collect()
}

/// Whether this run is CI's: `CI` is set to anything but empty, `false` or
/// `0` (CI services set `CI=true`; so does `.ci/run`'s caller).
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// Skips the rest of a test that cannot run here, and says so: on the
/// terminal (written past the test harness's capture, so a plain
/// `cargo test` shows it) outside CI; in CI ([`in_ci`]) the test fails
/// instead, since CI must have everything the tests need (`.ci/run`
/// installs it). Call it, then `return`.
pub fn skip(reason: &str) {
    // The test harness names each test's thread after the test.
    let thread = std::thread::current();
    let test = thread.name().filter(|n| *n != "main").unwrap_or("a test");
    assert!(
        !in_ci(),
        "{test}: {reason}; in CI this fails instead of skipping (.ci/run installs what the tests need)"
    );
    // `eprintln!` would be captured, and shown only for a failing test.
    let _ = writeln!(std::io::stderr(), "skipped {test}: {reason}");
}

/// The first of `names` found on PATH (a program a test runs, such as
/// `soffice` or `chromium`); when there is none, the test is skipped with
/// [`skip`] (so it fails in CI) and this returns `None`:
///
/// ```ignore
/// let Some(soffice) = require_tool(&["soffice"]) else { return };
/// ```
pub fn require_tool(names: &[&str]) -> Option<PathBuf> {
    let found = names.iter().find_map(|name| find_program(name));
    if found.is_none() {
        skip(&format!("{} is not installed (not on PATH)", names.join(" or ")));
    }
    found
}

/// Chromium's headless run of a page (or its screenshot): its console
/// messages and its DOM.
pub fn open_in_chromium(chromium: &Path, page: &Path, screenshot: Option<&Path>) -> (Vec<String>, String) {
    chromium_at(chromium, page, screenshot, 1280)
}

/// [`open_in_chromium`] in a window `width` pixels wide (a phone: 390).
pub fn chromium_at(chromium: &Path, page: &Path, screenshot: Option<&Path>, width: u32) -> (Vec<String>, String) {
    let profile = tempfile::tempdir().unwrap();
    let mut cmd = std::process::Command::new(chromium);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--enable-logging=stderr",
        "--v=0",
        "--virtual-time-budget=3000",
    ])
    .arg(format!("--window-size={width},2400"))
    .arg(format!("--user-data-dir={}", profile.path().display()));
    match screenshot {
        Some(png) => cmd.arg(format!("--screenshot={}", png.display())),
        None => cmd.arg("--dump-dom"),
    };
    let out = cmd.arg(format!("file://{}", page.display())).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let console = stderr
        .lines()
        .filter(|l| l.contains(":CONSOLE"))
        .map(str::to_owned)
        .collect();
    (console, String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A Python 3 that can import `module` (the `duckdb` package, which
/// .ci/run installs with pip); when there is none, the test is skipped
/// with [`skip`] (so it fails in CI) and this returns `None`.
pub fn require_python_module(module: &str) -> Option<PathBuf> {
    let python = ["python3", "python"].iter().find_map(|name| find_program(name));
    let Some(python) = python else {
        skip("python3 is not installed (not on PATH)");
        return None;
    };
    let imported = isolated(&python)
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if !imported {
        skip(&format!(
            "the Python module {module} is not installed ({} -m pip install {module})",
            python.display()
        ));
        return None;
    }
    Some(python)
}

/// Makes a named pipe at `path` with `mkfifo`; false when the test is
/// skipped because there is no `mkfifo` (see [`require_tool`]).
#[cfg(unix)]
pub fn make_fifo(path: &Path) -> bool {
    let Some(mkfifo) = require_tool(&["mkfifo"]) else {
        return false;
    };
    let status = std::process::Command::new(mkfifo).arg(path).status().unwrap();
    assert!(status.success(), "mkfifo {}: {status}", path.display());
    true
}

/// `name` as an executable file in one of PATH's folders.
fn find_program(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| is_executable(candidate))
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.with_extension("exe").is_file() || path.is_file()
}

/// Copies the folder `from` to `to`, recursively (fixtures are copied
/// before a test changes them).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
