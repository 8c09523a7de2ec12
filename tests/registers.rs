//! An error in one record never hides the registers (SPEC section 5):
//! `status`, `petitions`, `conclusions`, `list` and `show` print from the
//! records that loaded, with a banner naming the records left out and why,
//! and exit 1; the statistics (`summary`, `progress`, `report`, `export`)
//! refuse; an error in danvan.toml stops every command.

mod common;

use common::{copy_dir, danvan, root};
use std::path::Path;

/// A copy of tests/fixtures/browse with a typo in petition p2 (a closed-set
/// word) and a missing date in another meeting file.
fn broken() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("tests/fixtures/browse"), dir.path());
    let p2 = dir.path().join("petitions/2023/p2.toml");
    let text = std::fs::read_to_string(&p2).unwrap();
    std::fs::write(&p2, text.replace("type = \"complaint\"", "type = \"complain\"")).unwrap();
    std::fs::write(
        dir.path().join("meetings/2023/broken.toml"),
        "title = \"Đối thoại\"\ntype = \"dialogue\"\n",
    )
    .unwrap();
    dir
}

fn run(ws: &Path, args: &[&str]) -> common::Run {
    danvan()
        .records(ws)
        .args(["--lang", "en", "--color", "never", "--as-of", "2023-06-30"])
        .args(args)
        .run()
}

#[test]
fn the_registers_print_what_loaded_name_what_did_not_and_exit_1() {
    let dir = broken();
    for args in [
        &["status"][..],
        &["petitions"],
        &["conclusions"],
        &["list", "petitions"],
        &["list", "meetings"],
        &["show", "p1"],
    ] {
        let out = run(dir.path(), args);
        assert_eq!(out.code, 1, "{args:?}: {}", out.stderr);
        assert!(!out.stdout.is_empty(), "{args:?} printed nothing");
        // The errors, then the banner naming both files and why.
        assert!(out.stderr.contains("error[E015]"), "{args:?}: {}", out.stderr);
        assert!(
            out.stderr.contains(
                "warning: 2 file(s) with errors are left out; what follows holds only the records that loaded"
            ),
            "{args:?}: {}",
            out.stderr
        );
        assert!(
            out.stderr
                .contains("petitions/2023/p2.toml: E015 `type` cannot be \"complain\""),
            "{args:?}: {}",
            out.stderr
        );
        assert!(
            out.stderr.contains("meetings/2023/broken.toml: E012"),
            "{args:?}: {}",
            out.stderr
        );
    }
    // The register holds the others, not p2.
    let out = run(dir.path(), &["petitions", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let ids: Vec<&str> = v["petitions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["p3", "p1", "p5"]);
    // The broken record itself cannot be shown: exit 1, not a usage error.
    let out = run(dir.path(), &["show", "p2"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("the record \"p2\" has errors"), "{}", out.stderr);
}

#[test]
fn the_statistics_refuse_records_with_errors() {
    let dir = broken();
    let out_dir = tempfile::tempdir().unwrap();
    let bundle = out_dir.path().join("bundle");
    for args in [
        vec!["summary"],
        vec!["progress"],
        vec!["export", "--kind", "petitions"],
        vec!["report", "--out", bundle.to_str().unwrap()],
    ] {
        let out = run(dir.path(), &args);
        assert_eq!(out.code, 1, "{args:?}");
        assert_eq!(out.stdout, "", "{args:?}");
        assert!(
            out.stderr.contains("the records have 2 error(s)"),
            "{args:?}: {}",
            out.stderr
        );
    }
    assert!(!bundle.exists());
}

#[test]
fn an_error_in_danvan_toml_stops_the_registers_too() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("tests/fixtures/browse"), dir.path());
    let config = dir.path().join("danvan.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, text.replacen("place =", "plaec =", 1)).unwrap();
    let out = run(dir.path(), &["petitions"]);
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout, "");
    assert!(out.stderr.contains("fix them and run again"), "{}", out.stderr);
}

#[test]
fn clean_records_exit_0_with_no_banner() {
    let out = run(&root().join("tests/fixtures/browse"), &["petitions"]);
    assert_eq!(out.code, 0);
    assert_eq!(out.stderr, "");
}
