//! `danvan init DIR`: a new workspace from the built-in minimal one, which
//! checks clean, and never a file written over what is there.

mod common;
use common::danvan;

#[test]
fn a_new_workspace_checks_clean() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("hoso");
    let out = danvan().arg("init").arg(&dir).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout.trim(), dir.display().to_string());
    assert!(out.stderr.contains("danvan.toml"), "{}", out.stderr);
    let check = danvan()
        .records(&dir)
        .args(["--lang", "en", "check", "--deny", "warnings"])
        .run();
    assert_eq!(check.code, 0, "{}", check.stdout);
    // The same files as examples/minimal, byte for byte.
    for rel in ["danvan.toml", "targets.toml", "schema/petition.json"] {
        assert_eq!(
            std::fs::read(dir.join(rel)).unwrap(),
            std::fs::read(common::root().join("examples/minimal").join(rel)).unwrap(),
            "{rel}"
        );
    }
}

#[test]
fn nothing_is_written_over_what_is_there() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("hoso");
    std::fs::create_dir_all(dir.join("models")).unwrap();
    std::fs::write(dir.join("danvan.toml"), "mine").unwrap();
    std::fs::write(dir.join("notes.md"), "mine").unwrap();
    let out = danvan().args(["--lang", "en", "init"]).arg(&dir).run();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("nothing written") && out.stderr.contains("danvan.toml"),
        "{}",
        out.stderr
    );
    assert_eq!(std::fs::read_to_string(dir.join("danvan.toml")).unwrap(), "mine");
    assert!(!dir.join("targets.toml").exists(), "a file was written");
    // A folder with other files of its own is fine.
    let other = tmp.path().join("repo");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("README"), "mine").unwrap();
    assert_eq!(danvan().arg("init").arg(&other).run().code, 0);
    assert_eq!(std::fs::read_to_string(other.join("README")).unwrap(), "mine");
    // A file where the folder should be.
    let file = tmp.path().join("file");
    std::fs::write(&file, "x").unwrap();
    assert_eq!(danvan().arg("init").arg(&file).run().code, 2);
}

/// E001's help offers `danvan init`, which the installed binary has
/// (before, it pointed at examples/minimal, which it does not).
#[test]
fn no_workspace_points_at_init() {
    let tmp = tempfile::tempdir().unwrap();
    let out = danvan().args(["--lang", "en"]).records(tmp.path()).arg("status").run();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("danvan init DIR") && !out.stderr.contains("examples/minimal"),
        "{}",
        out.stderr
    );
}
