//! `danvan check`, run as users run it: the real binary on fixture
//! workspaces under `tests/fixtures/check/`, and the rules on notices and
//! targets on `tests/fixtures/notice/check` and
//! `tests/fixtures/progress/bad-targets`.
//!
//! Paths in the output are relative (each run starts in the fixture's
//! parent folder with a relative `--records`), so snapshots hold no
//! machine-specific paths.

mod common;
use common::{Danvan, copy_dir, danvan};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check")
}

/// `danvan` started in `dir`.
fn danvan_in(dir: &Path) -> Danvan {
    danvan().current_dir(dir).timeout(Duration::from_secs(60))
}

/// `danvan --records WS --color never --lang LANG check ARGS…` on a fixture.
fn check(ws: &str, lang: &str, args: &[&str]) -> Danvan {
    danvan_in(&fixtures())
        .args(["--records", ws, "--color", "never", "--lang", lang, "check"])
        .args(args)
}

/// Each diagnostic of a `--format json` run as (code, file, line, column).
fn positions(json: &str) -> Vec<(String, String, u64, u64)> {
    let items: Vec<Value> = serde_json::from_str(json).unwrap_or_else(|e| panic!("not JSON ({e}): {json}"));
    let mut out: Vec<_> = items
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["file"].as_str().unwrap().replace('\\', "/"),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

fn owned(expected: &[(&str, &str, u64, u64)]) -> Vec<(String, String, u64, u64)> {
    let mut out: Vec<_> = expected
        .iter()
        .map(|(c, f, l, col)| (c.to_string(), f.to_string(), *l, *col))
        .collect();
    out.sort();
    out
}

/// Every problem of `every-problem/` with where it is, computed by hand
/// from the fixture files. The first three need files that are made at
/// test time (see `every_problem_workspace`).
const EVERY_PROBLEM: &[(&str, &str, u64, u64)] = &[
    ("E002", "every-problem/petitions/folder.toml", 1, 1),
    // `summary = "caf\xe9"` on line 2: the bad byte follows `summary = "caf`.
    ("E003", "every-problem/models/latin1.toml", 2, 15),
    ("E004", "every-problem/petitions/huge.toml", 1, 1),
    ("E005", "every-problem/meetings/empty.toml", 1, 1),
    ("E010", "every-problem/petitions/syntax.toml", 1, 8),
    ("E011", "every-problem/meetings/wrong-type.toml", 4, 14),
    ("E012", "every-problem/models/missing-lead.toml", 1, 1),
    ("E013", "every-problem/models/typo-key.toml", 5, 1),
    ("E014", "every-problem/petitions/quoted-date.toml", 4, 12),
    ("E015", "every-problem/models/bad-status.toml", 4, 10),
    ("E016", "every-problem/danvan.toml", 10, 14),
    ("E016", "every-problem/meetings/bad-period.toml", 4, 10),
    // The later of the two `dup` petitions (by date received).
    ("E020", "every-problem/petitions/2023/dup.toml", 1, 1),
    ("E021", "every-problem/models/unknown-unit.toml", 2, 10),
    ("E021", "every-problem/petitions/bad-refs.toml", 3, 11),
    ("E021", "every-problem/petitions/bad-refs.toml", 4, 11),
    ("E030", "every-problem/petitions/accepted-early.toml", 3, 12),
    ("E030", "every-problem/petitions/resolved-early.toml", 4, 12),
    ("E030", "every-problem/models/ended-early.toml", 4, 9),
    ("E030", "every-problem/meetings/done-early.toml", 9, 8),
    ("E030", "every-problem/meetings/notice-early.toml", 7, 8),
    ("E031", "every-problem/models/recognition-no-date.toml", 5, 15),
    ("E031", "every-problem/models/recognized-no-level.toml", 5, 14),
    ("E032", "every-problem/petitions/round-3.toml", 2, 9),
    ("E032", "every-problem/petitions/round-on-denunciation.toml", 2, 9),
    ("E040", "every-problem/targets.toml", 13, 13),
    ("E040", "every-problem/targets.toml", 20, 21),
    ("E041", "every-problem/targets.toml", 27, 41),
    ("E042", "every-problem/targets.toml", 34, 50),
    ("E042", "every-problem/targets.toml", 41, 48),
    // At the `[[target]]` header of the manual target.
    ("E043", "every-problem/targets.toml", 43, 1),
    ("E044", "every-problem/targets.toml", 53, 12),
    // The 2022 notice number 12 is used first by 2022-07-12-so-ket.
    ("E050", "every-problem/meetings/2022-12-15-tong-ket.toml", 7, 10),
    // The [[member]] whose folder does not exist.
    ("E060", "every-problem/danvan.toml", 51, 8),
    ("W001", "every-problem/petitions/recommendation-2023.toml", 2, 12),
    ("W002", "every-problem/notes.toml", 1, 1),
    // Extensions (Luật Tố cáo art. 30) are warnings: the third of three,
    // one on a complaint, one decided after the deadline it extends.
    ("W003", "every-problem/petitions/three-extensions.toml", 5, 39),
    ("W003", "every-problem/petitions/extension-on-complaint.toml", 3, 15),
    ("W003", "every-problem/petitions/late-extension.toml", 5, 15),
    // A `workdays` entry that is a Wednesday.
    ("E034", "every-problem/danvan.toml", 27, 13),
    ("E035", "every-problem/petitions/outcome-unresolved.toml", 4, 11),
    // The second "tan-my" of one list.
    ("W004", "every-problem/models/listed-twice.toml", 3, 20),
    // `Tan-My` beside `tan-my`; a second organisation named like `ubnd`.
    ("W005", "every-problem/danvan.toml", 30, 6),
    ("W005", "every-problem/danvan.toml", 34, 6),
    // xa-cu joins xa-moi on 2025-07-01, a month before xa-moi exists.
    ("E036", "every-problem/danvan.toml", 41, 15),
    ("W006", "every-problem/models/before-unit.toml", 3, 10),
    ("W007", "every-problem/models/updates-order.toml", 9, 8),
    // `title = ""`.
    ("E016", "every-problem/meetings/empty-title.toml", 1, 9),
    // Observations on a target counted from the records.
    ("W008", "every-problem/targets.toml", 64, 10),
];

/// A copy of `every-problem/` in a temporary folder, with the files that
/// git should not hold: a file that is not UTF-8, one over 1 MiB, and a
/// folder named like a record.
fn every_problem_workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("every-problem");
    copy_dir(&fixtures().join("every-problem"), &ws);
    std::fs::write(
        ws.join("models/latin1.toml"),
        b"title = \"M\xc3\xb4 h\xc3\xacnh\"\nsummary = \"caf\xe9\"\n",
    )
    .unwrap();
    let mut huge = b"type = \"complaint\"\nreceived = 2022-01-05\n".to_vec();
    huge.resize(2 * 1024 * 1024, b'#');
    std::fs::write(ws.join("petitions/huge.toml"), huge).unwrap();
    std::fs::create_dir_all(ws.join("petitions/folder.toml")).unwrap();
    std::fs::write(
        ws.join("petitions/folder.toml/README"),
        "a folder named like a record\n",
    )
    .unwrap();
    dir
}

#[test]
fn every_problem_is_reported_in_one_run_at_its_file_line_and_column() {
    let dir = every_problem_workspace();
    let out = danvan_in(dir.path())
        .args([
            "--records",
            "every-problem",
            "--lang",
            "en",
            "check",
            "--format",
            "json",
        ])
        .run();
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(out.stderr, "");
    assert_eq!(positions(&out.stdout), owned(EVERY_PROBLEM));
    // Severity and name come with each code.
    let items: Vec<Value> = serde_json::from_str(&out.stdout).unwrap();
    for d in &items {
        let code = d["code"].as_str().unwrap();
        let severity = if code.starts_with('E') { "error" } else { "warning" };
        assert_eq!(d["severity"], severity, "{d}");
        assert!(d["name"].as_str().is_some_and(|n| !n.is_empty()), "{d}");
        assert!(d["message"].as_str().is_some_and(|m| !m.is_empty()), "{d}");
    }
}

#[test]
fn every_problem_covers_every_code_that_files_can_produce() {
    // E001 (no danvan.toml) cannot share a workspace with the others: it
    // has its own test. A new code needs an instance in `every-problem/`.
    let covered: BTreeSet<&str> = EVERY_PROBLEM.iter().map(|p| p.0).collect();
    let all: BTreeSet<&str> = danvan::diag::Code::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| *c != "E001")
        .collect();
    assert_eq!(covered, all);
}

#[test]
fn every_problem_in_english() {
    let out = check("every-problem", "en", &[]).run();
    assert_eq!(out.code, 1);
    assert!(
        !out.stdout.contains(&*fixtures().to_string_lossy()),
        "absolute paths in the output"
    );
    // Every problem of the committed fixture, that is all but the generated files.
    for (code, file, line, column) in EVERY_PROBLEM
        .iter()
        .filter(|p| !["E002", "E003", "E004"].contains(&p.0))
    {
        let head = if code.starts_with('E') { "error" } else { "warning" };
        assert!(out.stdout.contains(&format!("{head}[{code}]")), "{code} missing");
        let at = if (*line, *column) == (1, 1) {
            file.to_string()
        } else {
            format!("{file}:{line}:{column}")
        };
        assert!(out.stdout.contains(&at), "{at} missing");
    }
    insta::assert_snapshot!("every_problem_en", out.stdout);
}

#[test]
fn vietnamese_output() {
    let out = check("tieng-viet", "vi", &[]).run();
    assert_eq!(out.code, 1);
    insta::assert_snapshot!("tieng_viet_vi", out.stdout);
    // Without --lang, the workspace's `lang = "vi"` decides.
    let default = danvan_in(&fixtures())
        .args(["--records", "tieng-viet", "--color", "never", "check"])
        .run();
    assert_eq!(default.stdout, out.stdout);
}

#[test]
fn the_workspace_language_is_the_default() {
    // `clean/` says lang = "en".
    let out = danvan_in(&fixtures()).args(["--records", "clean", "check"]).run();
    assert_eq!((out.code, out.stdout.as_str()), (0, "✓ 5 files, no problems\n"));
    let out = danvan_in(&fixtures())
        .args(["--records", "clean", "--lang", "vi", "check"])
        .run();
    assert_eq!((out.code, out.stdout.as_str()), (0, "✓ 5 tệp, không có lỗi\n"));
}

#[test]
fn a_clean_workspace_exits_0_in_every_format() {
    let out = check("clean", "en", &[]).run();
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (0, "✓ 5 files, no problems\n", "")
    );
    let out = check("clean", "en", &["--format", "json"]).run();
    assert_eq!(out.code, 0);
    assert_eq!(
        serde_json::from_str::<Value>(&out.stdout).unwrap(),
        serde_json::json!([])
    );
    let out = check("clean", "en", &["--format", "github"]).run();
    assert_eq!((out.code, out.stdout.as_str()), (0, ""));
    let out = check("clean", "en", &["--deny", "warnings"]).run();
    assert_eq!(out.code, 0);
}

#[test]
fn the_bundled_records_check_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = danvan_in(root)
        .args(["--records", "records", "--lang", "en", "check", "--deny", "warnings"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(out.stdout.ends_with("no problems\n"), "{}", out.stdout);
}

#[test]
fn errors_exit_1_in_every_format() {
    for format in ["human", "json", "github"] {
        let out = check("tieng-viet", "en", &["--format", format]).run();
        assert_eq!(out.code, 1, "{format}");
        assert!(out.stdout.contains("E014"), "{format}: {}", out.stdout);
        assert_eq!(out.stderr, "", "{format}");
    }
}

#[test]
fn warnings_alone_pass_unless_denied() {
    let out = check("warnings-only", "en", &["--format", "json"]).run();
    assert_eq!(out.code, 0);
    assert_eq!(
        positions(&out.stdout),
        owned(&[
            ("W001", "warnings-only/petitions/to-cao-2023.toml", 2, 12),
            ("W002", "warnings-only/ghi-chu.toml", 1, 1),
        ])
    );
    let out = check("warnings-only", "en", &[]).run();
    assert_eq!(out.code, 0);
    assert!(
        out.stdout.contains("warning[W001]") && out.stdout.ends_with("2 files: 0 error(s), 2 warning(s)\n"),
        "{}",
        out.stdout
    );
    for format in ["human", "json", "github"] {
        let out = check("warnings-only", "en", &["--deny", "warnings", "--format", format]).run();
        assert_eq!(out.code, 1, "{format}");
        assert!(out.stdout.contains("W001") && out.stdout.contains("W002"), "{format}");
    }
    // Only `warnings` can be denied.
    let out = check("warnings-only", "en", &["--deny", "errors"]).run();
    assert_eq!(out.code, 2);
}

#[test]
fn github_annotations() {
    let dir = every_problem_workspace();
    let out = danvan_in(dir.path())
        .args([
            "--records",
            "every-problem",
            "--lang",
            "en",
            "check",
            "--format",
            "github",
        ])
        .run();
    assert_eq!(out.code, 1);
    let mut seen = Vec::new();
    for line in out.stdout.lines() {
        // ::error file=…,line=…,col=…[,endLine=…[,endColumn=…]],title=E0xx::message
        let (level, rest) = line
            .strip_prefix("::error ")
            .map(|r| ("error", r))
            .or_else(|| line.strip_prefix("::warning ").map(|r| ("warning", r)))
            .unwrap_or_else(|| panic!("not an annotation: {line}"));
        let (props, message) = rest.split_once("::").unwrap_or_else(|| panic!("no message: {line}"));
        assert!(!message.is_empty() && !message.contains('\n'), "{line}");
        let props: Vec<(&str, &str)> = props.split(',').map(|p| p.split_once('=').unwrap()).collect();
        let names: Vec<&str> = props.iter().map(|p| p.0).collect();
        assert!(
            names == ["file", "line", "col", "endLine", "endColumn", "title"]
                || names == ["file", "line", "col", "endLine", "title"],
            "{line}"
        );
        let get = |k: &str| props.iter().find(|p| p.0 == k).unwrap().1;
        let code = get("title");
        assert_eq!(level, if code.starts_with('E') { "error" } else { "warning" }, "{line}");
        seen.push((
            code.to_owned(),
            get("file").to_owned(),
            get("line").parse().unwrap(),
            get("col").parse().unwrap(),
        ));
    }
    seen.sort();
    assert_eq!(seen, owned(EVERY_PROBLEM));
    // Help lines travel in the message, with the newline escaped.
    assert!(
        out.stdout
            .contains("title=E013::unknown key `sumary`%0Ahelp: did you mean `summary`?"),
        "{}",
        out.stdout
    );
}

#[test]
fn json_keeps_english_keys_and_codes_in_any_language() {
    let vi = check("tieng-viet", "vi", &["--format", "json"]).run();
    let en = check("tieng-viet", "en", &["--format", "json"]).run();
    assert_eq!(positions(&vi.stdout), positions(&en.stdout));
    let items: Vec<Value> = serde_json::from_str(&vi.stdout).unwrap();
    let keys: Vec<&str> = items[0].as_object().unwrap().keys().map(String::as_str).collect();
    let mut expected = [
        "severity",
        "code",
        "name",
        "message",
        "file",
        "line",
        "column",
        "end_line",
        "end_column",
        "help",
    ];
    expected.sort();
    let mut keys = keys;
    keys.sort();
    assert_eq!(keys, expected);
    let quoted = items.iter().find(|d| d["code"] == "E014").unwrap();
    assert_eq!(quoted["name"], "quoted-date");
    assert_eq!(
        (quoted["line"].as_u64(), quoted["column"].as_u64()),
        (Some(4), Some(11))
    );
    assert_eq!(
        (quoted["end_line"].as_u64(), quoted["end_column"].as_u64()),
        (Some(4), Some(23))
    );
    assert_eq!(quoted["help"], "bỏ dấu ngoặc kép: started = 2022-03-01");
}

#[test]
fn a_folder_without_danvan_toml_is_e001() {
    let out = check("no-workspace", "en", &["--format", "json"]).run();
    assert_eq!(out.code, 2, "{}", out.stderr);
    // For a script, standard output is the JSON it reads: E001 alone.
    let diags: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(diags.as_array().map(|a| a.len()), Some(1), "{}", out.stdout);
    assert_eq!(diags[0]["code"], "E001");
    assert!(
        out.stderr.contains("error[E001]: no-workspace has no danvan.toml"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("danvan init"), "{}", out.stderr);
}

/// `--records DIR` without danvan.toml is E001 at once, exit 2, for every
/// command, like a search that found no workspace: nothing under DIR is
/// walked (before, `--records /` crawled the disk and warned about every
/// .toml file on it).
#[test]
fn records_without_danvan_toml_is_e001_before_any_walk() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..3 {
        let path = dir.path().join(format!("petitions/p{i}.toml"));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "type = \"complaint\"\nreceived = \"2022-03-01\"\n").unwrap();
        std::fs::write(dir.path().join(format!("stray{i}.toml")), "x = 1\n").unwrap();
    }
    for args in [
        vec!["check"],
        vec!["check", "--format", "json"],
        vec!["status"],
        vec!["list", "petitions"],
    ] {
        let out = danvan()
            .args(["--lang", "en", "--color", "never", "--records"])
            .arg(dir.path())
            .args(&args)
            .run();
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert_eq!(out.stderr.matches("error[").count(), 1, "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains("error[E001]"), "{args:?}: {}", out.stderr);
        assert!(
            !out.stderr.contains("W002") && !out.stderr.contains("E014"),
            "{}",
            out.stderr
        );
    }
}

#[test]
fn usage_errors_exit_2_and_say_where_they_looked() {
    // A --records folder that does not exist.
    let out = check("no-such-folder", "en", &[]).run();
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");
    assert!(out.stderr.contains("no-such-folder"), "{}", out.stderr);
    // The same from DANVAN_RECORDS.
    let out = danvan_in(&fixtures())
        .env("DANVAN_RECORDS", "no-such-folder")
        .args(["--lang", "en", "check"])
        .run();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("no-such-folder") && out.stderr.contains("DANVAN_RECORDS"),
        "{}",
        out.stderr
    );
    // No workspace at or above the current folder, and no ./records.
    let empty = tempfile::tempdir().unwrap();
    if empty.path().ancestors().all(|a| !a.join("danvan.toml").is_file()) {
        let out = danvan_in(empty.path()).args(["--lang", "en", "check"]).run();
        assert_eq!(out.code, 2);
        let cwd = std::fs::canonicalize(empty.path()).unwrap();
        assert!(out.stderr.contains(&*cwd.to_string_lossy()), "{}", out.stderr);
        assert!(
            out.stderr.contains("records") && out.stderr.contains("--records"),
            "{}",
            out.stderr
        );
    }
    // A date that is not one.
    for bad in ["2023-02-30", "30/06/2023", "soon"] {
        let out = danvan_in(&fixtures())
            .args(["--records", "clean", "--as-of", bad, "check"])
            .run();
        assert_eq!(out.code, 2, "{bad}");
        assert!(
            out.stderr.contains(bad) && out.stderr.contains("YYYY-MM-DD"),
            "{}",
            out.stderr
        );
    }
    let out = danvan_in(&fixtures())
        .env("DANVAN_AS_OF", "tomorrow")
        .args(["--records", "clean", "check"])
        .run();
    assert_eq!(out.code, 2);
    // An unknown format or option.
    assert_eq!(check("clean", "en", &["--format", "xml"]).run().code, 2);
    assert_eq!(check("clean", "en", &["--strict"]).run().code, 2);
}

#[test]
fn explain_by_code_or_name() {
    // No workspace needed.
    let nowhere = tempfile::tempdir().unwrap();
    let by_code = danvan_in(nowhere.path()).args(["check", "--explain", "E014"]).run();
    assert_eq!(by_code.code, 0);
    assert!(by_code.stdout.starts_with("E014 (quoted-date)\n"), "{}", by_code.stdout);
    assert!(by_code.stdout.contains("started = 2022-07-12"), "{}", by_code.stdout);
    for other in ["quoted-date", "e014", " E014 "] {
        let out = danvan_in(nowhere.path()).args(["check", "--explain", other]).run();
        assert_eq!((out.code, &out.stdout), (0, &by_code.stdout), "{other}");
    }
    // In Vietnamese by default, in English with --lang en.
    for code in danvan::diag::Code::ALL {
        let out = danvan_in(nowhere.path())
            .args(["check", "--explain", code.name()])
            .run();
        assert!(
            out.code == 0 && out.stdout.contains(code.explanation_vi()),
            "{}",
            code.as_str()
        );
        let out = danvan_in(nowhere.path())
            .args(["--lang", "en", "check", "--explain", code.name()])
            .run();
        assert!(
            out.code == 0 && out.stdout.contains(code.explanation()),
            "{}",
            code.as_str()
        );
    }
    let out = danvan_in(nowhere.path())
        .args(["--lang", "en", "check", "--explain", "nope"])
        .run();
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr.contains("nope") && out.stderr.contains("E014 quoted-date"),
        "{}",
        out.stderr
    );
}

#[test]
fn no_ansi_escapes_unless_asked() {
    let plain = |cmd: Danvan| {
        let out = cmd.run();
        assert_eq!(out.code, 1);
        assert!(
            !out.stdout.contains('\x1b') && !out.stderr.contains('\x1b'),
            "{}",
            out.stdout
        );
        out.stdout
    };
    let base = || danvan_in(&fixtures()).args(["--records", "tieng-viet", "--lang", "en"]);
    // Not a terminal: plain, with or without NO_COLOR.
    let auto = plain(base().arg("check"));
    let no_color = plain(base().env("NO_COLOR", "1").args(["check"]));
    let never = plain(base().args(["--color", "never", "check"]));
    assert_eq!(auto, no_color);
    assert_eq!(auto, never);
    // Asked for: colour.
    let out = base().args(["--color", "always", "check"]).run();
    assert!(out.stdout.contains('\x1b'));
}

/// A workspace in a temporary folder: [`clean/danvan.toml`] and `files`.
fn temp_workspace(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    std::fs::create_dir_all(&ws).unwrap();
    std::fs::copy(fixtures().join("clean/danvan.toml"), ws.join("danvan.toml")).unwrap();
    for (path, bytes) in files {
        let path = ws.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

#[test]
fn a_bom_and_crlf_line_ends_are_accepted() {
    let good = "\u{feff}type = \"complaint\"\r\nreceived = 2022-03-01\r\nunits = [\"tan-my\"]\r\n[petitioner]\r\nname = \"A\"\r\n";
    let config = std::fs::read_to_string(fixtures().join("clean/danvan.toml")).unwrap();
    let config = format!("\u{feff}{}", config.replace('\n', "\r\n"));
    let dir = temp_workspace(&[("petitions/p.toml", good.as_bytes())]);
    std::fs::write(dir.path().join("ws/danvan.toml"), config).unwrap();
    let out = danvan_in(dir.path())
        .args(["--records", "ws", "--lang", "en", "check"])
        .run();
    assert_eq!((out.code, out.stdout.as_str()), (0, "✓ 2 files, no problems\n"));

    let bad = "\u{feff}type = \"complaint\"\r\nreceived = 2022-03-01\r\nresolved = \"2022-03-09\"\r\n\r\n  units = [\"tan-my\", \"tân-mi\"]\r\nfoo = 1\r\n";
    let dir = temp_workspace(&[("petitions/p.toml", bad.as_bytes())]);
    let out = danvan_in(dir.path())
        .args(["--records", "ws", "--lang", "en", "check", "--format", "json"])
        .run();
    assert_eq!(out.code, 1);
    assert_eq!(
        positions(&out.stdout),
        owned(&[
            ("E014", "ws/petitions/p.toml", 3, 12),
            ("E021", "ws/petitions/p.toml", 5, 22),
            ("E013", "ws/petitions/p.toml", 6, 1),
        ])
    );
    // The caret sits under the value, and no stray \r reaches the output.
    let out = danvan_in(dir.path())
        .args(["--records", "ws", "--lang", "en", "--color", "never", "check"])
        .run();
    assert!(!out.stdout.contains('\r'));
    assert!(
        out.stdout
            .contains("3 | resolved = \"2022-03-09\"\n  |            ^^^^^^^^^^^^\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_bom_does_not_shift_columns_on_the_first_line() {
    let dir = temp_workspace(&[(
        "petitions/p.toml",
        "\u{feff}typo = 1\r\ntype = \"complaint\"\r\nreceived = 2022-03-01\r\n".as_bytes(),
    )]);
    let out = danvan_in(dir.path())
        .args(["--records", "ws", "--lang", "en", "check", "--format", "json"])
        .run();
    assert_eq!(positions(&out.stdout), owned(&[("E013", "ws/petitions/p.toml", 1, 1)]));
}

const MARKER: &str = "MARKER-NAME-7731";

#[test]
fn personal_data_is_never_printed() {
    // Columns are counted on the lines as shown, each hidden value as its
    // `***`, so none tells a value's length; a file whose structure could
    // not be read (the E010s) gives lines only.
    let expected = owned(&[
        ("E010", "personal-data/petitions/syntax-elsewhere.toml", 3, 1),
        ("E010", "personal-data/petitions/syntax-inside.toml", 5, 1),
        ("E010", "personal-data/petitions/syntax-inside.toml", 6, 1),
        ("E011", "personal-data/petitions/inline.toml", 3, 47),
        ("E011", "personal-data/petitions/unknown-key.toml", 7, 9),
        ("E013", "personal-data/petitions/inline.toml", 3, 28),
        ("E013", "personal-data/petitions/unknown-key.toml", 6, 1),
    ]);
    let json = check("personal-data", "en", &["--format", "json"]).run();
    assert_eq!(positions(&json.stdout), expected, "the fixture finds what it should");
    for lang in ["en", "vi"] {
        for format in ["human", "json", "github"] {
            for color in ["never", "always"] {
                let out = danvan_in(&fixtures())
                    .args([
                        "--records",
                        "personal-data",
                        "--lang",
                        lang,
                        "--color",
                        color,
                        "check",
                        "--format",
                        format,
                    ])
                    .run();
                assert_eq!(out.code, 1);
                assert!(!out.stdout.contains(MARKER), "{lang} {format}:\n{}", out.stdout);
                assert!(!out.stderr.contains(MARKER), "{lang} {format}:\n{}", out.stderr);
                assert!(!out.stdout.contains("7731"), "{lang} {format}:\n{}", out.stdout);
            }
        }
    }
}

#[test]
fn personal_data_in_multi_line_values_is_never_printed() {
    let petition = format!(
        "type = \"complaint\"\nreceived = 2022-04-01\n[petitioner]\nphone = [\n  \"{MARKER}\",\n]\nnote = 1\naddress = \"\"\"\n{MARKER}\n\"\"\"\nname = [\"\"\"\n{MARKER}\"\"\"]\n"
    );
    let dir = temp_workspace(&[("petitions/p.toml", petition.as_bytes())]);
    let out = danvan_in(dir.path())
        .args(["--records", "ws", "--color", "never", "check"])
        .run();
    assert_eq!(out.code, 1);
    assert!(!out.stdout.contains(MARKER), "{}", out.stdout);
}

#[cfg(unix)]
#[test]
fn a_fifo_is_reported_not_waited_on() {
    let dir = temp_workspace(&[]);
    std::fs::create_dir_all(dir.path().join("ws/petitions")).unwrap();
    if !common::make_fifo(&dir.path().join("ws/petitions/fifo.toml")) {
        return;
    }
    let out = danvan_in(dir.path())
        .args(["--records", "ws", "check", "--format", "json"])
        .timeout(Duration::from_secs(20))
        .run();
    assert_eq!(
        positions(&out.stdout),
        owned(&[("E002", "ws/petitions/fifo.toml", 1, 1)])
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_does_not_hang_the_human_output() {
    let dir = temp_workspace(&[]);
    std::fs::create_dir_all(dir.path().join("ws/petitions")).unwrap();
    if !common::make_fifo(&dir.path().join("ws/petitions/fifo.toml")) {
        return;
    }
    let out = danvan_in(dir.path())
        .args(["--records", "ws", "check"])
        .timeout(Duration::from_secs(20))
        .run();
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("E002"));
}

#[test]
fn the_workspace_is_found_from_inside_it() {
    let sub = fixtures().join("clean/petitions/2022");
    let out = danvan_in(&sub).args(["check"]).run();
    assert_eq!((out.code, out.stdout.as_str()), (0, "✓ 5 files, no problems\n"));
    // Paths are shown relative to where the user stands.
    let out = danvan_in(&fixtures().join("tieng-viet/petitions"))
        .args(["--lang", "en", "check", "--format", "json"])
        .run();
    assert_eq!(out.code, 1);
    assert!(
        positions(&out.stdout).contains(&("E015".into(), "../petitions/don-01.toml".into(), 1, 8)),
        "{}",
        out.stdout
    );
    // DANVAN_RECORDS stands in for --records.
    let out = danvan_in(&fixtures()).env("DANVAN_RECORDS", "clean").arg("check").run();
    assert_eq!(out.code, 0);
}

// ── the rules on notices, tasks and targets ─────────────────────────────

#[test]
fn check_reports_each_notice_and_task_problem() {
    let out = danvan()
        .records("tests/fixtures/notice/check")
        .args(["--color", "never", "check", "--format", "json"])
        .assert()
        .code(1);
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let found: Vec<(String, String, String)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let file = d["file"].as_str().unwrap();
            let stem = Path::new(file).file_stem().unwrap().to_string_lossy().into_owned();
            (
                d["code"].as_str().unwrap().to_owned(),
                stem,
                d["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let codes_in = |code: &str, stem: &str| found.iter().filter(|(c, s, _)| c == code && s == stem).count();
    // A [notice] without number, date, subject and signer: one E012 each.
    assert_eq!(codes_in("E012", "2023-03-01-thieu-truong"), 4, "{found:?}");
    for field in ["number", "date", "subject", "signer"] {
        assert!(
            found
                .iter()
                .any(|(c, _, m)| c == "E012" && m.contains(&format!("`{field}`"))),
            "{field}: {found:?}"
        );
    }
    // Number 12 twice in 2022 (but not its reuse in 2023).
    assert_eq!(codes_in("E050", "2022-12-15-tong-ket"), 1, "{found:?}");
    assert_eq!(found.iter().filter(|(c, ..)| c == "E050").count(), 1, "{found:?}");
    // A task assigned to an organisation danvan.toml does not define.
    assert_eq!(codes_in("E021", "2022-07-12-so-ket"), 1, "{found:?}");
    assert!(found.iter().any(|(c, _, m)| c == "E021" && m.contains("hoi-khong-co")));
    assert_eq!(found.len(), 6, "nothing else: {found:?}");
    // And a reading command refuses the broken records (exit 1).
    danvan()
        .records("tests/fixtures/notice/check")
        .args(["--color", "never", "notice", "2022-07-12-so-ket"])
        .assert()
        .code(1);
}

#[test]
fn check_reports_every_rule_on_targets() {
    let out = danvan()
        .records("tests/fixtures/progress/bad-targets")
        .args(["--color", "never", "check", "--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let diags: Value = serde_json::from_slice(&out).unwrap();
    let found: Vec<(&str, u64)> = diags
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            assert_eq!(d["file"], "tests/fixtures/progress/bad-targets/targets.toml");
            (d["code"].as_str().unwrap(), d["line"].as_u64().unwrap())
        })
        .collect();
    assert_eq!(
        found,
        [
            ("E040", 13), // unknown-measure: `average`
            ("E040", 20), // unknown-kind: "households"
            ("E041", 27), // key-the-kind-lacks: models have no `handler`
            ("E042", 34), // value-outside-enum: state "solved"
            ("E043", 36), // manual-without-observations
            ("E044", 46), // deadline-before-baseline: the deadline
        ]
    );
}

#[test]
fn check_files_reports_only_those_files_and_fails_only_for_them() {
    let broken = "tests/fixtures/readme-broken/models/dong-song.toml";
    let out = danvan()
        .records("tests/fixtures/readme-broken")
        .args(["--color", "never", "--lang", "en", "check", "--format", "json", broken])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let diags: Value = serde_json::from_slice(&out).unwrap();
    let codes: Vec<&str> = diags
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["E014", "E015"]);
    // A file without problems passes, though others in the workspace have some.
    let clean = "tests/fixtures/readme-broken/danvan.toml";
    let out = danvan()
        .records("tests/fixtures/readme-broken")
        .args(["--color", "never", "--lang", "en", "check", clean])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8(out).unwrap(), "✓ 1 files, no problems\n");
}

#[test]
fn gitlab_and_sarif_carry_stable_fingerprints_and_repository_paths() {
    // --records absolute: paths are still from the repository root.
    let records = common::root().join("tests/fixtures/readme-broken");
    let run = |format: &str| -> Value {
        let out = danvan()
            .arg("--records")
            .arg(&records)
            .args(["--color", "never", "check", "--format", format])
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&out).unwrap()
    };
    let gitlab = run("gitlab");
    let issues = gitlab.as_array().unwrap();
    assert_eq!(issues.len(), 4);
    assert_eq!(
        issues[0]["location"]["path"],
        "tests/fixtures/readme-broken/models/dong-song.toml"
    );
    assert_eq!(issues[0]["location"]["lines"]["begin"], 4);
    assert_eq!(issues[0]["check_name"], "E014");
    assert_eq!(issues[0]["severity"], "major");
    let prints: Vec<&str> = issues.iter().map(|i| i["fingerprint"].as_str().unwrap()).collect();
    let mut unique = prints.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 4);
    assert_eq!(run("gitlab"), gitlab, "the same records give the same fingerprints");

    let sarif = run("sarif");
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 4);
    let location = &results[0]["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "tests/fixtures/readme-broken/models/dong-song.toml"
    );
    assert_eq!(location["region"]["startLine"], 4);
    assert_eq!(results[0]["partialFingerprints"]["danvan/v1"], prints[0]);
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.iter().any(|r| r["id"] == "E021"));

    let github = danvan()
        .arg("--records")
        .arg(&records)
        .args(["--color", "never", "check", "--format", "github"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let github = String::from_utf8(github).unwrap();
    assert!(
        github.starts_with("::error file=tests/fixtures/readme-broken/models/dong-song.toml,line=4"),
        "{github}"
    );
}

#[test]
fn e001_names_no_file_that_does_not_exist_in_annotations() {
    let dir = tempfile::tempdir().unwrap();
    let out = danvan()
        .arg("--records")
        .arg(dir.path())
        .args(["--color", "never", "check", "--format", "github"])
        .output();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("title=E001"), "{text}");
    assert!(!text.contains("file="), "{text}");
}

/// Numbers a record holds stay where every whole number is exact (2^53
/// either way): two `i64::MAX` indicators once summed to
/// 18446744073709555712, and `1e308 + 1e308` to "inf" ("đã đạt", an
/// empty bar). Now each is E016, said in words.
#[test]
fn numbers_out_of_the_exact_range_are_errors() {
    let model = |n: &str| {
        format!(
            "title = \"M\"\nlead = \"mttq\"\nstarted = 2022-01-01\nstatus = \"active\"\n[indicators]\nhouseholds = {n}\n"
        )
    };
    let dir = temp_workspace(&[
        ("models/a.toml", model("9223372036854775807").as_bytes()),
        ("models/b.toml", model("1e308").as_bytes()),
        ("models/c.toml", model("9007199254740992").as_bytes()),
        ("models/d.toml", model("-9_007_199_254_740_993").as_bytes()),
    ]);
    let config = std::fs::read_to_string(dir.path().join("ws/danvan.toml")).unwrap();
    if !config.contains("\"mttq\"") {
        std::fs::write(
            dir.path().join("ws/danvan.toml"),
            format!("{config}\n[[org]]\nid = \"mttq\"\nname = \"MTTQ\"\n"),
        )
        .unwrap();
    }
    let out = danvan_in(dir.path())
        .args(["--records", "ws", "--lang", "en", "check", "--format", "json"])
        .run();
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert_eq!(
        positions(&out.stdout),
        owned(&[
            ("E016", "ws/models/a.toml", 6, 14),
            ("E016", "ws/models/b.toml", 6, 14),
            ("E016", "ws/models/d.toml", 6, 14),
        ])
    );
    assert!(out.stdout.contains("no larger than nine quadrillion"), "{}", out.stdout);
    // A range is said in words, never as -9223372036854775808.
    let dir = temp_workspace(&[(
        "petitions/p.toml",
        b"type = \"complaint\"\nreceived = 2022-03-01\nround = 99999999999999999999\n",
    )]);
    let out = danvan_in(dir.path())
        .args(["--records", "ws", "--lang", "vi", "--color", "never", "check"])
        .run();
    assert!(out.stdout.contains("`round` là một số quá lớn"), "{}", out.stdout);
    assert!(!out.stdout.contains("9223372036854775"), "{}", out.stdout);
}
