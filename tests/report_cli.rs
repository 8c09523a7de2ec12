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

/// The bundle adds the reviews (`danvan review`) of the last completed
/// half-year and year, the same bytes as the command writes.
#[test]
fn bundle_adds_the_reviews_of_the_last_completed_half_year_and_year() {
    let tmp = tempfile::tempdir().unwrap();
    for (as_of, half, year) in [
        ("2025-06-30", "2025-H1", "2024"),
        ("2025-11-15", "2025-H1", "2024"),
        ("2025-12-31", "2025-H2", "2025"),
    ] {
        let out = tmp.path().join(as_of);
        report("records", &out, as_of);
        let names: Vec<String> = files(&out.join("reviews"))
            .iter()
            .map(|(p, _)| p.display().to_string())
            .collect();
        let mut expected = [
            format!("{half}.docx"),
            format!("{half}.html"),
            format!("{year}.docx"),
            format!("{year}.html"),
        ];
        expected.sort();
        assert_eq!(names, expected, "{as_of}");
        for period in [half, year] {
            let bytes = std::fs::read(out.join(format!("reviews/{period}.docx"))).unwrap();
            common::docx::check_package(&bytes);
            let alone = tmp.path().join(format!("{as_of}-{period}.docx"));
            danvan()
                .args([
                    "--records",
                    "records",
                    "--as-of",
                    as_of,
                    "review",
                    "--period",
                    period,
                    "-o",
                ])
                .arg(&alone)
                .assert()
                .success();
            assert!(
                std::fs::read(&alone).unwrap() == bytes,
                "{as_of}: reviews/{period}.docx is what `danvan review` writes"
            );
        }
        let data: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("data.json")).unwrap()).unwrap();
        let links: Vec<(&str, &str)> = data["reviews"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r["period"].as_str().unwrap(), r["docx"].as_str().unwrap()))
            .collect();
        assert_eq!(
            links,
            [
                (half, format!("reviews/{half}.docx").as_str()),
                (year, format!("reviews/{year}.docx").as_str())
            ]
        );
        let html = std::fs::read_to_string(out.join("index.html")).unwrap();
        assert!(
            html.contains(&format!("<a href=\"reviews/{half}.html\">HTML</a>")),
            "{as_of}"
        );
        assert!(
            html.contains(&format!("<a href=\"reviews/{year}.docx\">DOCX</a>")),
            "{as_of}"
        );
    }
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

#[test]
fn page_renders_in_chromium_without_console_messages_or_requests() {
    let Some(chromium) = common::require_tool(&["chromium", "chromium-browser"]) else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("bundle");
    report("records", &out, "2025-12-31");
    let page = out.join("index.html");
    let (console, dom) = common::open_in_chromium(&chromium, &page, None);
    assert!(console.is_empty(), "console messages: {console:?}");
    assert!(dom.contains("Huyện ủy Lấp Vò"), "the page rendered its content");
    assert!(dom.contains("<svg"), "the charts are in the DOM");

    // The harness itself catches a page that makes a request (a test that can fail).
    let bad = tmp.path().join("bad.html");
    let html = std::fs::read_to_string(&page)
        .unwrap()
        .replace("</main>", "<img src=\"http://127.0.0.1:9/x.png\"></main>");
    std::fs::write(&bad, html).unwrap();
    let (console, _) = common::open_in_chromium(&chromium, &bad, None);
    assert!(!console.is_empty(), "a blocked request shows on the console");

    // A screenshot to look at: target/tmp/report-screenshot.png (cargo's
    // folder for what integration tests leave, wherever the target is).
    let png = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report-screenshot.png");
    let (console, _) = common::open_in_chromium(&chromium, &page, Some(&png));
    assert!(console.is_empty(), "{console:?}");
    assert!(std::fs::metadata(&png).unwrap().len() > 10_000);
}

#[test]
fn the_bundle_marks_provisional_deadlines() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    danvan()
        .records("examples/commune")
        .args(["--lang", "en", "--as-of", "2026-12-28", "report", "--out"])
        .arg(&out)
        .assert()
        .success();
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(html.contains("2027-01-11 †"), "the marker in the page");
    assert!(
        html.contains("† provisional: the deadline depends on the days off"),
        "its legend"
    );
    let data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("data.json")).unwrap()).unwrap();
    let p = data["petitions"]["petitions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "2026-11-20-khieu-nai-xa-lap-vo")
        .unwrap();
    assert_eq!(p["provisional"], true);
    assert!(
        data["status"]["upcoming"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["provisional"] == true)
    );
    // On 1/2/2027 both 2027 complaints are late: summary.md's late items carry the mark and the note.
    let out = tmp.path().join("late");
    danvan()
        .records("examples/commune")
        .args(["--lang", "en", "--as-of", "2027-02-01", "report", "--out"])
        .arg(&out)
        .assert()
        .success();
    let md = std::fs::read_to_string(out.join("summary.md")).unwrap();
    assert!(md.contains("2027-01-29 †") && md.contains("_† provisional:"), "{md}");
}
