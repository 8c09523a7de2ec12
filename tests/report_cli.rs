//! `danvan report`: the CI bundle. Its page is opened in headless Chromium
//! (Debian's `chromium`, which .ci/run installs) to prove it renders with no
//! console message and no request to the network.

mod common;

use common::danvan;
use std::path::{Path, PathBuf};

/// `danvan --records RECORDS --as-of AS_OF report --out OUT`, which must succeed.
fn report(records: &str, out: &Path, as_of: &str) {
    danvan()
        .args(["--records", records, "--as-of", as_of, "report", "--out"])
        .arg(out)
        .assert()
        .success();
}

fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn bundle_has_every_part_and_is_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    report("records", &a, "2025-12-31");
    report("records", &b, "2025-12-31");
    let (fa, fb) = (files(&a), files(&b));
    assert_eq!(fa.len(), fb.len());
    for ((pa, da), (pb, db)) in fa.iter().zip(&fb) {
        assert_eq!(pa, pb);
        assert!(da == db, "{} differs between two runs", pa.display());
    }
    let names: Vec<String> = fa.iter().map(|(p, _)| p.display().to_string()).collect();
    for part in ["data.json", "index.html", "summary.md"] {
        assert!(names.contains(&part.to_owned()), "{part} missing: {names:?}");
    }
    let notices = names.iter().filter(|n| n.starts_with("notices/")).count();
    assert!(
        notices >= 2 && notices % 2 == 0,
        "each notice as html and docx: {names:?}"
    );

    let summary = std::fs::read(a.join("summary.md")).unwrap();
    assert!(summary.len() < 64 * 1024, "summary.md is {} bytes", summary.len());

    let data: serde_json::Value = serde_json::from_slice(&std::fs::read(a.join("data.json")).unwrap()).unwrap();
    assert_eq!(data["as_of"], "2025-12-31");
    assert_eq!(data["tool"], "danvan");
    assert_eq!(data["version"], env!("CARGO_PKG_VERSION"));
    for key in [
        "status",
        "progress",
        "summary",
        "petitions",
        "conclusions",
        "notices",
        "records_commit",
    ] {
        assert!(data.get(key).is_some(), "data.json lacks {key}");
    }
    assert_eq!(
        data["progress"]["targets"][0]["series"].as_array().unwrap().len(),
        5,
        "2021–2025 series"
    );

    // Self-contained: nothing is fetched from anywhere.
    let html = String::from_utf8(std::fs::read(a.join("index.html")).unwrap()).unwrap();
    for needle in ["src=\"http", "href=\"http", "url(", "<script", "@import"] {
        assert!(!html.contains(needle), "index.html contains {needle}");
    }
    assert!(html.contains("default-src 'none'"));
    assert!(html.contains("<svg"), "charts are inline SVG");
}

#[test]
fn unwritable_output_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("taken");
    std::fs::write(&file, "x").unwrap();
    danvan()
        .args(["--records", "records", "report", "--out"])
        .arg(&file)
        .assert()
        .code(2);
}

#[cfg(unix)]
#[test]
fn a_bundle_made_again_leaves_unchanged_notices_as_they_are() {
    use std::os::unix::fs::MetadataExt;
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    report("records", &out, "2025-12-31");
    let notices: Vec<PathBuf> = files(&out.join("notices"))
        .into_iter()
        .map(|(p, _)| out.join("notices").join(p))
        .collect();
    assert!(!notices.is_empty());
    let inodes =
        |paths: &[PathBuf]| -> Vec<u64> { paths.iter().map(|p| std::fs::metadata(p).unwrap().ino()).collect() };
    let before = inodes(&notices);
    report("records", &out, "2025-12-31");
    assert_eq!(inodes(&notices), before, "every notice is the same file");
    // data.json is written again (it is streamed), with the same bytes.
    let data = std::fs::read(out.join("data.json")).unwrap();
    report("records", &out, "2025-12-31");
    assert_eq!(std::fs::read(out.join("data.json")).unwrap(), data);
}

#[test]
fn a_failed_run_leaves_the_previous_bundle_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("records");
    common::copy_dir(Path::new("records"), &ws);
    let out = tmp.path().join("public");
    report(ws.to_str().unwrap(), &out, "2025-12-31");
    let before = files(&out);

    // A notice template that fails on every notice, when rendering (the
    // pages are being written meanwhile).
    std::fs::create_dir_all(ws.join("templates")).unwrap();
    std::fs::write(ws.join("templates/notice.html.j2"), "<p>{{ header.numbr }}</p>\n").unwrap();
    let failed = danvan()
        .args(["--records"])
        .arg(&ws)
        .args(["--as-of", "2026-06-30", "report", "--out"])
        .arg(&out)
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&failed.get_output().stderr).into_owned();
    assert_eq!(err.matches("notice.html.j2").count(), 1, "reported once: {err}");

    // Nothing replaced, nothing half-written, no temporary file left.
    let after = files(&out);
    assert_eq!(before.len(), after.len());
    for ((pa, da), (pb, db)) in before.iter().zip(&after) {
        assert_eq!(pa, pb);
        assert!(da == db, "{} changed", pa.display());
    }
}

/// Chromium's headless run of a page (or its screenshot): its console
/// messages and its DOM.
fn open_in_chromium(chromium: &Path, page: &Path, screenshot: Option<&Path>) -> (Vec<String>, String) {
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
        "--window-size=1280,2400",
    ])
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

#[test]
fn page_renders_in_chromium_without_console_messages_or_requests() {
    let Some(chromium) = common::require_tool(&["chromium", "chromium-browser"]) else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("bundle");
    report("records", &out, "2025-12-31");
    let page = out.join("index.html");
    let (console, dom) = open_in_chromium(&chromium, &page, None);
    assert!(console.is_empty(), "console messages: {console:?}");
    assert!(dom.contains("Huyện ủy Lấp Vò"), "the page rendered its content");
    assert!(dom.contains("<svg"), "the charts are in the DOM");

    // The harness itself catches a page that makes a request (a test that can fail).
    let bad = tmp.path().join("bad.html");
    let html = std::fs::read_to_string(&page)
        .unwrap()
        .replace("</main>", "<img src=\"http://127.0.0.1:9/x.png\"></main>");
    std::fs::write(&bad, html).unwrap();
    let (console, _) = open_in_chromium(&chromium, &bad, None);
    assert!(!console.is_empty(), "a blocked request shows on the console");

    // A screenshot to look at: target/tmp/report-screenshot.png (cargo's
    // folder for what integration tests leave, wherever the target is).
    let png = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report-screenshot.png");
    let (console, _) = open_in_chromium(&chromium, &page, Some(&png));
    assert!(console.is_empty(), "{console:?}");
    assert!(std::fs::metadata(&png).unwrap().len() > 10_000);
}

/// Files of the user's in the bundle folder stay; the bundle's own files
/// that a run no longer writes go; what killed runs left beside it and
/// in it (`.index.html.tmp-PID`) is removed.
#[test]
fn a_bundle_is_replaced_as_one_unit_keeping_the_users_files() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    report("records", &out, "2025-12-31");
    std::fs::write(out.join("README.md"), "mine").unwrap();
    std::fs::write(out.join("CNAME"), "example.org").unwrap();
    std::fs::write(out.join("notices/gone.html"), "a notice of a meeting removed since").unwrap();
    std::fs::write(out.join(".index.html.tmp-99999999"), "left by a killed run").unwrap();
    std::fs::write(out.join("notices/.a.docx.Ab12Cd.tmp"), "left by a killed run").unwrap();
    std::fs::create_dir_all(tmp.path().join(".public.danvan-new-99999999/notices")).unwrap();
    report("records", &out, "2025-12-31");
    let names: Vec<String> = files(&out)
        .into_iter()
        .map(|(p, _)| p.to_string_lossy().into_owned())
        .collect();
    assert!(
        names.contains(&"README.md".to_owned()) && names.contains(&"CNAME".to_owned()),
        "{names:?}"
    );
    assert!(
        !names.iter().any(|n| n.contains("gone.html") || n.contains(".tmp")),
        "{names:?}"
    );
    let beside: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(beside, ["public"]);
}

/// An interrupted `report` (Ctrl-C or SIGTERM while it works) leaves the
/// old bundle whole and no temporary file or folder. The run is held in
/// the middle by a `git` that waits (the bundle asks git for the records'
/// commit while its files are being written).
#[cfg(unix)]
#[test]
fn an_interrupted_report_leaves_the_old_bundle_and_no_temporaries() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    report("records", &out, "2025-12-31");
    let before = files(&out);
    let bin = tmp.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::fs::write(bin.join("git"), "#!/bin/sh\nsleep 30\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(bin.join("git"), std::fs::Permissions::from_mode(0o755)).unwrap();
    for signal in [libc::SIGINT, libc::SIGTERM] {
        let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_danvan"))
            .env_clear()
            .env("PATH", path)
            .current_dir(common::root())
            .args(["--records", "records", "--as-of", "2025-12-31", "report", "--out"])
            .arg(&out)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let staging = tmp.path().join(format!(".public.danvan-new-{}", child.id()));
        let started = std::time::Instant::now();
        while !staging.exists() {
            assert!(started.elapsed().as_secs() < 60, "no staging folder");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        std::thread::sleep(std::time::Duration::from_millis(300));
        // SAFETY: a signal to the child this test started.
        unsafe { libc::kill(child.id() as libc::pid_t, signal) };
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(128 + signal), "{status:?}");
        assert_eq!(files(&out), before, "the old bundle is whole");
        let beside: Vec<_> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != "bin")
            .collect();
        assert_eq!(beside, ["public"], "no temporary is left");
    }
}

/// The bundle replaces its folder whole, so it is never the folder the
/// user stands in (`--out .`): a usage error that says what to write.
#[test]
fn the_bundle_is_not_the_folder_one_stands_in() {
    let tmp = tempfile::tempdir().unwrap();
    let out = danvan()
        .current_dir(tmp.path())
        .args(["--lang", "en", "--records"])
        .arg(common::root().join("records"))
        .args(["report", "--out", "."])
        .run();
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("--out public"), "{}", out.stderr);
    assert_eq!(
        std::fs::read_dir(tmp.path()).unwrap().count(),
        0,
        "something was written"
    );
}
