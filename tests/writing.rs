//! How every command writes a file (`-o FILE`, `--out DIR`): only a
//! regular file (or a new path) is replaced, atomically, and saying so;
//! a symbolic link is written through to its target; a FIFO is written
//! to; `-o -` is standard output.

mod common;
use common::browse;
use std::path::Path;

fn csv_to(path: &Path) -> common::Run {
    browse(&["--lang", "en", "list", "petitions", "--format", "csv", "-o"])
        .arg(path)
        .run()
}

#[test]
fn an_existing_file_is_replaced_and_the_run_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("out.csv");
    let first = csv_to(&path);
    assert_eq!((first.code, first.stderr.as_str()), (0, ""));
    let again = csv_to(&path);
    assert_eq!(again.code, 0);
    assert!(again.stderr.contains("overwrote the existing file"), "{}", again.stderr);
    let vi = browse(&["--lang", "vi", "list", "petitions", "--format", "csv", "-o"])
        .arg(&path)
        .run();
    assert!(vi.stderr.contains("ghi đè tệp đã có"), "{}", vi.stderr);
}

#[cfg(unix)]
#[test]
fn a_link_is_written_through_to_its_target() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("real.csv");
    std::fs::write(&target, "old").unwrap();
    let link = tmp.path().join("link.csv");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    assert_eq!(csv_to(&link).code, 0);
    assert!(
        std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(),
        "the link was replaced"
    );
    assert!(std::fs::read_to_string(&target).unwrap().starts_with("id,"));
}

#[cfg(unix)]
#[test]
fn a_fifo_is_written_to_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("pipe");
    if !common::make_fifo(&fifo) {
        return;
    }
    // A FIFO replaced by a file would leave this reader waiting for ever:
    // it answers through a channel with a deadline.
    let (tx, rx) = std::sync::mpsc::channel();
    {
        let fifo = fifo.clone();
        std::thread::spawn(move || tx.send(std::fs::read_to_string(&fifo).unwrap()));
    }
    let out = csv_to(&fifo);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(),
        "the FIFO was replaced"
    );
    let read = rx
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("nothing came through the FIFO");
    assert!(read.starts_with("id,"));
}

#[test]
fn dash_is_standard_output_for_every_writer() {
    let tmp = tempfile::tempdir().unwrap();
    for args in [
        vec!["list", "petitions", "--format", "csv", "-o", "-"],
        vec!["notice", "so-ket-2022", "--format", "text", "-o", "-"],
    ] {
        let out = common::danvan()
            .records(common::root().join("tests/fixtures/browse"))
            .current_dir(tmp.path())
            .args(&args)
            .run();
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        assert!(!out.stdout.is_empty(), "{args:?}");
        assert!(!tmp.path().join("-").exists(), "{args:?} wrote a file named -");
    }
}
