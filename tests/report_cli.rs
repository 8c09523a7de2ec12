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

    let text = std::fs::read_to_string(a.join("data.json")).unwrap();
    let data: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(data["as_of"], "2025-12-31");
    // Each row of a register is one line of its own, so a diff names rows.
    let petitions = data["petitions"]["petitions"].as_array().unwrap();
    assert!(!petitions.is_empty());
    for row in petitions {
        let id = format!("{{\"id\":{},", row["id"]);
        let line = text
            .lines()
            .map(|l| l.trim().trim_end_matches(','))
            .find(|l| l.starts_with(&id))
            .unwrap_or_else(|| panic!("no line of its own for {row}"));
        assert_eq!(&serde_json::from_str::<serde_json::Value>(line).unwrap(), row);
    }
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
    // data.json follows its schema, has a format version, and rounds its figures.
    assert_eq!(data["format_version"], 1);
    let schema: serde_json::Value =
        serde_json::from_str(&danvan().args(["schema", "--kind", "data"]).run().stdout).unwrap();
    let validator = jsonschema::options().build(&schema).unwrap();
    let problems: Vec<String> = validator
        .iter_errors(&data)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(problems.is_empty(), "{problems:?}");
    for t in data["progress"]["targets"].as_array().unwrap() {
        for key in ["actual", "percent_of_goal", "expected"] {
            if let Some(x) = t[key].as_f64() {
                assert_eq!(
                    (x * 100.0).round() / 100.0,
                    x,
                    "{key} of {} is not rounded: {x}",
                    t["id"]
                );
            }
        }
    }

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

/// The page with a script of the test's own (the page has none, and its
/// CSP forbids one) that measures the layout once it is done and writes
/// what it found into the DOM: how far the page overflows the window
/// sideways, and each number heading that does not stand over numbers.
fn measured(page: &Path, out: &Path) {
    let html = std::fs::read_to_string(page)
        .unwrap()
        .replace("default-src 'none';", "default-src 'none'; script-src 'unsafe-inline';");
    let script = r#"<script>
window.addEventListener('load', () => {
  const overflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
  const misplaced = [];
  for (const table of document.querySelectorAll('table')) {
    const heads = [...table.querySelectorAll('thead th')];
    const row = table.querySelector('tbody tr');
    if (!row) continue;
    heads.forEach((th, i) => {
      const td = row.children[i];
      if (th.classList.contains('num') !== td.classList.contains('num')) misplaced.push(th.textContent);
      if (th.classList.contains('num') && th.getClientRects().length > 0) {
        const a = th.getBoundingClientRect(), b = td.getBoundingClientRect();
        if (Math.abs(a.right - b.right) > 1) misplaced.push(th.textContent + ' ' + a.right + '/' + b.right);
      }
    });
  }
  const cut = [...document.querySelectorAll('td')].filter(td => td.scrollWidth > td.clientWidth + 1 && !td.title);
  document.body.setAttribute('data-overflow', String(overflow));
  document.body.setAttribute('data-misplaced', misplaced.join('|'));
  document.body.setAttribute('data-cut', String(cut.length));
});
</script></body>"#;
    std::fs::write(out, html.replace("</body>", script)).unwrap();
}

fn attribute<'d>(dom: &'d str, name: &str) -> &'d str {
    let at = dom
        .find(&format!("{name}=\""))
        .unwrap_or_else(|| panic!("no {name} in the DOM"))
        + name.len()
        + 2;
    &dom[at..at + dom[at..].find('"').unwrap()]
}

#[test]
fn page_reads_on_a_screen_a_phone_and_paper() {
    let Some(chromium) = common::require_tool(&["chromium", "chromium-browser"]) else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("bundle");
    report("records", &out, "2025-06-30");
    let page = out.join("index.html");
    let html = std::fs::read_to_string(&page).unwrap();
    // The whole registers are beside the page, which links them.
    for file in ["petitions.csv", "conclusions.csv", "registers.xlsx"] {
        assert!(out.join(file).is_file(), "{file}");
        assert!(html.contains(&format!("href=\"{file}\"")), "{file} is linked");
    }
    // Number headings are marked as their cells are; charts have a text alternative.
    assert!(html.contains("<th class=\"num\" scope=\"col\">2021</th>"));
    assert!(html.contains("<title>2021: "), "a chart's text alternative");
    assert!(html.contains("mục tiêu"), "the goal line is labelled");

    let probe = out.join("probe.html");
    measured(&page, &probe);
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR"));
    for width in [1280, 390] {
        let (console, dom) = common::chromium_at(&chromium, &probe, None, width);
        assert!(console.is_empty(), "{width}: {console:?}");
        assert_eq!(
            attribute(&dom, "data-overflow"),
            "0",
            "the page overflows sideways at {width} px"
        );
        assert_eq!(
            attribute(&dom, "data-misplaced"),
            "",
            "number headings over their numbers at {width} px"
        );
        if width == 1280 {
            assert_eq!(
                attribute(&dom, "data-cut"),
                "0",
                "a cut cell without its title at {width} px"
            );
        }
        // Screenshots to look at: target/tmp/report-1280.png, report-390.png.
        let png = shots.join(format!("report-{width}.png"));
        let (console, _) = common::chromium_at(&chromium, &page, Some(&png), width);
        assert!(console.is_empty(), "{console:?}");
        assert!(std::fs::metadata(&png).unwrap().len() > 10_000);
    }
    // Printed: target/tmp/report.pdf, the dashboard alone on its first page.
    let pdf = shots.join("report.pdf");
    let profile = tempfile::tempdir().unwrap();
    let status = std::process::Command::new(&chromium)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer"])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap()
        .status;
    assert!(status.success());
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    if let Some(pdftotext) = common::require_tool(&["pdftotext"]) {
        let text = std::process::Command::new(pdftotext)
            .args(["-f", "1", "-l", "1"])
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap()
            .stdout;
        let first = String::from_utf8_lossy(&text);
        assert!(
            first.contains("Hội nghị gần đây"),
            "the dashboard fits the first page:\n{first}"
        );
        assert!(
            !first.contains("Tiến độ thực hiện chỉ tiêu"),
            "the first page holds the dashboard alone:\n{first}"
        );
    }
}

#[cfg(unix)]
#[test]
fn records_commit_says_whether_the_records_had_uncommitted_changes() {
    let Some(_) = common::require_tool(&["git"]) else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("ws");
    common::copy_dir(&common::root().join("examples/minimal"), &ws);
    let git = |args: &[&str]| {
        let ok = common::isolated("git")
            .args(args)
            .current_dir(&ws)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.org")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.org")
            .output()
            .unwrap()
            .status
            .success();
        assert!(ok, "git {args:?}");
    };
    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "records"]);
    let commit = |out: &Path| -> serde_json::Value {
        danvan()
            .arg("--records")
            .arg(&ws)
            .args(["--as-of", "2025-12-31", "report", "--out"])
            .arg(out)
            .assert()
            .success();
        let data: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("data.json")).unwrap()).unwrap();
        data["records_commit"].clone()
    };
    let clean = commit(&tmp.path().join("a"));
    assert_eq!(clean["uncommitted_changes"], false, "{clean}");
    assert_eq!(clean["id"].as_str().unwrap().len(), 40);
    let toml = ws.join("danvan.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, format!("{text}\n# edited\n")).unwrap();
    let dirty = commit(&tmp.path().join("b"));
    assert_eq!(dirty["uncommitted_changes"], true, "{dirty}");
    assert_eq!(dirty["id"], clean["id"]);
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
    std::fs::write(out.join("reviews/gone.html"), "a review of a period no longer shown").unwrap();
    // What a province bundle wrote here before: not the user's either.
    std::fs::create_dir_all(out.join("members/xa-a")).unwrap();
    std::fs::write(out.join("members/xa-a/index.html"), "a member's page").unwrap();
    std::fs::write(out.join("rollup.xlsx"), "a roll-up").unwrap();
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
    assert!(
        !names.iter().any(|n| n.starts_with("members") || n == "rollup.xlsx"),
        "{names:?}"
    );
    assert!(names.contains(&"petitions.csv".to_owned()), "{names:?}");
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
