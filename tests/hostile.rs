//! Hostile workspaces: whatever sits in the folder, danvan ends with a
//! diagnostic that names the path and the right exit code (1 for problems
//! in the records), never a panic, a stack overflow or a wait for ever.
//! Each case runs the real binary, the library (`danvan::load`), or both.
//!
//! Also here: the workspace generator (examples/generate.rs) writes what
//! `check` accepts, and reading commands never change a file.

mod common;
use common::{Danvan, danvan};
use danvan::diag::Code;
use serde_json::Value;
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

#[allow(dead_code)]
#[path = "../examples/generate.rs"]
mod generate;

/// A `danvan.toml` that checks clean, with the holidays of 2022 and 2023.
const CONFIG: &str = "[committee]\nname = \"Huyện ủy Thử\"\nparent = \"Đảng bộ tỉnh Thử\"\n\
    standing = \"Ban Thường vụ Huyện ủy\"\nplace = \"Thử\"\nnotice_suffix = \"TB/HU\"\n\
    [[unit]]\nid = \"tan-my\"\nname = \"xã Tân Mỹ\"\n\
    [[org]]\nid = \"ubnd\"\nname = \"UBND huyện\"\n[[org]]\nid = \"mttq\"\nname = \"MTTQ huyện\"\n\
    [calendar]\nholidays = [2022-01-03, 2023-01-02]\n";

const PETITION: &str = "type = \"complaint\"\nround = 1\nreceived = 2022-03-01\nunits = [\"tan-my\"]\n";
const MODEL: &str = "title = \"Dòng sông không rác\"\nlead = \"mttq\"\nstarted = 2022-01-01\nstatus = \"active\"\n";

/// A workspace in a temporary folder: [`CONFIG`] and `files` (path, text).
fn workspace(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("danvan.toml"), CONFIG).unwrap();
    for (path, text) in files {
        write(dir.path(), path, text.as_bytes());
    }
    dir
}

fn write(root: &Path, rel: &str, bytes: &[u8]) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

/// `danvan --color never --lang en`, with NO_COLOR set too (and nothing
/// else of the caller's environment).
fn en() -> Danvan {
    danvan().env("NO_COLOR", "1").args(["--color", "never", "--lang", "en"])
}

/// One diagnostic of `check --format json`: (code, file).
type Found = (String, PathBuf);

/// Runs `check --format json` on `root`: the exit code and each diagnostic.
fn check(root: &Path) -> (i32, Vec<Found>) {
    let out = en()
        .arg("--records")
        .arg(root)
        .args(["check", "--format", "json"])
        .output();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    let code = out
        .status
        .code()
        .unwrap_or_else(|| panic!("killed (a hang?): {stderr}"));
    let json: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{stderr}", String::from_utf8_lossy(&out.stdout)));
    let found = json
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let file = d["file"].as_str().expect("every diagnostic names a file");
            (d["code"].as_str().unwrap().to_owned(), PathBuf::from(file))
        })
        .collect();
    (code, found)
}

/// Whether a diagnostic with `code` names `path` (as given, or under the root).
fn names(found: &[Found], code: &str, path: &Path) -> bool {
    found.iter().any(|(c, f)| c == code && (f == path || f.ends_with(path)))
}

/// Library run: each diagnostic as (code, file).
fn load(root: &Path) -> (danvan::load::Loaded, Vec<(Code, PathBuf)>) {
    let loaded = danvan::check::load(root);
    let found = loaded
        .diagnostics
        .iter()
        .map(|d| (d.code, d.file.clone().expect("every diagnostic names a file")))
        .collect();
    (loaded, found)
}

// ── the generator ───────────────────────────────────────────────────────

/// Every file under `root`, relative, with its bytes.
fn tree(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(root) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(root).unwrap().to_path_buf();
            files.insert(rel, std::fs::read(entry.path()).unwrap());
        }
    }
    files
}

#[test]
fn the_generated_workspace_checks_clean_and_holds_every_state() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ws");
    let counts = generate::generate(&generate::Options::new(300, &out, 7)).unwrap();
    assert_eq!((counts.petitions, counts.meetings, counts.models), (210, 45, 45));

    // Not one error or warning, but the deadlines that run into 2027, a
    // year the bundled calendar cannot list before its announcement: one
    // W001 (they are provisional).
    let (code, found) = check(&out);
    assert_eq!(code, 0, "{found:?}");
    assert!(found.iter().all(|(c, _)| c == "W001") && found.len() <= 1, "{found:?}");
    let (loaded, _) = load(&out);
    assert_eq!(loaded.workspace.unwrap().files.len(), 302);

    // Year folders, a copy of the bundled targets, Vietnamese text.
    let files = tree(&out);
    assert!(
        files.keys().any(|p| p.starts_with("petitions/2021")),
        "{:?}",
        files.keys()
    );
    assert!(files.keys().any(|p| p.starts_with("meetings/2026")));
    assert_eq!(
        files[Path::new("targets.toml")],
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("records/targets.toml")).unwrap()
    );
    let all: String = files
        .values()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect();
    for word in [
        "Khiếu nại",
        "Tố cáo",
        "Kiến nghị",
        "xã Tân Mỹ",
        "[[conclusion]]",
        "[notice]",
        "[[update]]",
    ] {
        assert!(all.contains(word), "no {word}");
    }
    for value in [
        "\"mail\"",
        "\"reception\"",
        "\"dialogue\"",
        "\"online\"",
        "\"transfer\"",
        "\"upheld\"",
        "\"partly-upheld\"",
        "\"rejected\"",
        "\"withdrawn\"",
        "\"transferred\"",
        "\"not-accepted\"",
        "\"planned\"",
        "\"suspended\"",
        "\"dropped\"",
        "\"national\"",
        "extensions = [",
    ] {
        assert!(all.contains(value), "no {value}");
    }

    // Every petition state, on the generator's as-of date.
    let run = en()
        .arg("--records")
        .arg(&out)
        .args(["--as-of", "2026-11-30", "petitions", "--format", "csv"])
        .assert()
        .success();
    let mut reader = csv::Reader::from_reader(run.get_output().stdout.as_slice());
    let state = reader.headers().unwrap().iter().position(|h| h == "state").unwrap();
    let states: std::collections::BTreeSet<String> = reader.records().map(|r| r.unwrap()[state].to_owned()).collect();
    for s in [
        "awaiting-acceptance",
        "acceptance-overdue",
        "open",
        "due-soon",
        "overdue",
        "resolved-on-time",
        "resolved-late",
    ] {
        assert!(states.contains(s), "no petition is {s}: {states:?}");
    }
}

/// At benchmark size too: no extension on the day of the one before (W007
/// once said so of 40 petitions in 100,000).
#[test]
fn a_large_generated_workspace_has_no_warning_but_the_2027_calendar() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ws");
    generate::generate(&generate::Options::new(10_000, &out, 42)).unwrap();
    let (code, found) = check(&out);
    assert_eq!(code, 0, "{found:?}");
    assert!(found.iter().all(|(c, _)| c == "W001"), "{found:?}");
}

#[test]
fn the_generator_is_deterministic_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, c) = (dir.path().join("a"), dir.path().join("b"), dir.path().join("c"));
    generate::generate(&generate::Options::new(120, &a, 11)).unwrap();
    generate::generate(&generate::Options::new(120, &b, 11)).unwrap();
    generate::generate(&generate::Options::new(120, &c, 12)).unwrap();
    assert_eq!(tree(&a), tree(&b), "the same seed writes the same files");
    assert_ne!(tree(&a), tree(&c), "another seed writes other files");

    // A folder that holds anything is refused, and left as it was.
    let before = tree(&a);
    let err = generate::generate(&generate::Options::new(10, &a, 1)).unwrap_err();
    assert!(err.contains("not empty"), "{err}");
    assert_eq!(tree(&a), before);
    // An empty folder is fine.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    assert_eq!(
        generate::generate(&generate::Options::new(3, &empty, 1))
            .unwrap()
            .total(),
        3
    );
}

// ── nesting, size, many folders ─────────────────────────────────────────

#[test]
fn deeply_nested_values_do_not_overflow_the_stack() {
    const DEEP: usize = 100_000;
    let arrays = format!("a = {}{}\n", "[".repeat(DEEP), "]".repeat(DEEP));
    let unclosed = format!("a = {}\n", "[".repeat(DEEP));
    let tables = format!("a = {}1{}\n", "{ b = ".repeat(DEEP), " }".repeat(DEEP));
    let keys = format!("{} = 1\n", vec!["k"; DEEP].join("."));
    let headers = format!("[{}]\nx = 1\n", vec!["k"; DEEP].join("."));
    let files = [
        ("petitions/deep-arrays.toml", arrays.as_str()),
        ("petitions/deep-unclosed.toml", unclosed.as_str()),
        ("models/deep-tables.toml", tables.as_str()),
        ("meetings/deep-keys.toml", keys.as_str()),
        ("meetings/deep-headers.toml", headers.as_str()),
    ];
    let dir = workspace(&files);

    // The library, on a test thread (2 MiB of stack unless RUST_MIN_STACK says otherwise).
    let (loaded, found) = load(dir.path());
    assert!(loaded.has_errors());
    for (rel, _) in files {
        assert!(
            found.contains(&(Code::Syntax, dir.path().join(rel))),
            "{rel}: {found:?}"
        );
    }
    // The binary.
    let (code, found) = check(dir.path());
    assert_eq!(code, 1);
    for (rel, _) in files {
        assert!(names(&found, "E010", Path::new(rel)), "{rel}: {found:?}");
    }
    // The same through the pure entry point the fuzzers use.
    let (record, diags) = danvan::load::parse_record(danvan::model::Kind::Petition, Path::new("p.toml"), &arrays);
    assert!(record.is_none());
    assert!(diags.iter().any(|d| d.code == Code::Syntax));
}

#[test]
fn a_huge_file_is_refused_by_its_size_unread() {
    let dir = workspace(&[("petitions/ok.toml", PETITION)]);
    let big = dir.path().join("petitions/huge.toml");
    // 100 MB without writing 100 MB: a sparse file.
    std::fs::File::create(&big).unwrap().set_len(100 * 1024 * 1024).unwrap();

    let err = danvan::load::read_text(&big).unwrap_err();
    assert_eq!(err.code, Code::TooLarge);
    assert_eq!(err.file.as_deref(), Some(big.as_path()));
    assert!(err.message.contains("104857600"), "{}", err.message);

    let (code, found) = check(dir.path());
    assert_eq!(code, 1);
    assert_eq!(found, [("E004".to_owned(), big)]);
}

#[test]
fn twenty_thousand_empty_folders_are_walked_quickly() {
    // Not a million: 19,000 sibling folders and a chain 1,000 deep (its path
    // stays under PATH_MAX) say as much about the walk, in seconds.
    let dir = workspace(&[]);
    let siblings = dir.path().join("petitions/empty");
    for i in 0..19_000 {
        std::fs::create_dir_all(siblings.join(format!("{i:05}"))).unwrap();
    }
    let mut deep = dir.path().join("models");
    for _ in 0..1_000 {
        deep.push("d");
    }
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(deep.join("song-khong-rac.toml"), MODEL).unwrap();
    write(dir.path(), "petitions/empty/09999/p.toml", PETITION.as_bytes());

    let started = std::time::Instant::now();
    let (loaded, found) = load(dir.path());
    assert!(found.is_empty(), "{found:?}");
    let ws = loaded.workspace.unwrap();
    assert_eq!((ws.models.len(), ws.petitions.len()), (1, 1));
    assert!(started.elapsed() < Duration::from_secs(60), "{:?}", started.elapsed());

    let (code, found) = check(dir.path());
    assert_eq!((code, found), (0, vec![]));
}

// ── names ───────────────────────────────────────────────────────────────

#[test]
fn names_with_spaces_vietnamese_and_nfd_are_record_ids_in_nfc() {
    use unicode_normalization::UnicodeNormalization;
    let meeting = "hội nghị đối thoại Tân Mỹ";
    let model = "Dòng sông không rác";
    let nfd = |s: &str| s.nfd().collect::<String>();
    let nfc = |s: &str| s.nfc().collect::<String>();
    assert_ne!(nfd(model), model);
    let petition = format!("{PETITION}meeting = \"{}\"\n", nfc(meeting));
    let dir = workspace(&[
        (
            &format!("meetings/2022/{}.toml", nfd(meeting)),
            "title = \"Đối thoại\"\ntype = \"dialogue\"\ndate = 2022-02-20\n",
        ),
        (&format!("models/{}.toml", nfd(model)), MODEL),
        ("petitions/đơn khiếu nại số 1.toml", petition.as_str()),
    ]);
    let (loaded, found) = load(dir.path());
    assert!(found.is_empty(), "{found:?}");
    let ws = loaded.workspace.unwrap();
    assert_eq!(ws.meetings[0].id, nfc(meeting));
    assert_eq!(ws.models[0].id, nfc(model));
    assert_eq!(ws.petitions[0].id, "đơn khiếu nại số 1");
    // The NFD file name still opens: the path is kept as the disk spells it.
    assert!(ws.path(ws.models[0].file).is_file());
    assert_eq!((check(dir.path()).0), 0);

    // Two spellings of one name are one id: a duplicate.
    write(
        dir.path(),
        &format!("models/2022/{}.toml", nfc(model)),
        MODEL.as_bytes(),
    );
    let (code, found) = check(dir.path());
    assert_eq!(code, 1);
    assert!(found.iter().any(|(c, _)| c == "E020"), "{found:?}");
}

// ── files that vanish, folders that cannot be read ──────────────────────

#[test]
fn a_file_that_disappears_between_walk_and_read() {
    let dir = workspace(&[("petitions/gone.toml", PETITION)]);
    let gone = dir.path().join("petitions/gone.toml");
    // The walk saw it; now it is deleted before the read.
    std::fs::remove_file(&gone).unwrap();
    let err = danvan::load::read_text(&gone).unwrap_err();
    assert_eq!(err.code, Code::Unreadable);
    assert_eq!(err.file.as_deref(), Some(gone.as_path()));
    // Said in the run's language (Vietnamese by default), without the OS's number.
    assert!(
        err.message.contains("không tồn tại") && !err.message.contains("os error"),
        "{}",
        err.message
    );

    // A link whose target went away is the same thing, found by the walk.
    #[cfg(unix)]
    {
        let link = dir.path().join("petitions/link.toml");
        std::os::unix::fs::symlink(dir.path().join("petitions/removed.toml"), &link).unwrap();
        let (code, found) = check(dir.path());
        assert_eq!(code, 1);
        assert_eq!(found, [("E002".to_owned(), link)]);
    }
}

/// Whether this process ignores file permissions (root, or CAP_DAC_OVERRIDE).
#[cfg(unix)]
fn permissions_are_ignored(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = dir.join("probe");
    std::fs::create_dir(&probe).unwrap();
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o000)).unwrap();
    let readable = std::fs::read_dir(&probe).is_ok();
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::remove_dir(&probe).unwrap();
    readable
}

#[cfg(unix)]
#[test]
fn a_folder_without_read_permission() {
    let dir = workspace(&[("petitions/ok.toml", PETITION), ("petitions/locked/p.toml", PETITION)]);
    let locked = dir.path().join("petitions/locked");
    let Some((code, found, _)) = check_locked(dir.path(), &locked) else {
        return;
    };
    assert_eq!(code, 1, "{found:?}");
    assert_eq!(found, [("E002".to_owned(), locked)]);
}

/// A record the user may not read is named, with the reason, and the
/// others still load (records are opened by name in their open folder).
#[cfg(unix)]
#[test]
fn a_record_without_read_permission() {
    let dir = workspace(&[("petitions/ok.toml", PETITION), ("petitions/locked.toml", PETITION)]);
    let locked = dir.path().join("petitions/locked.toml");
    let Some((code, found, messages)) = check_locked(dir.path(), &locked) else {
        return;
    };
    assert_eq!(code, 1, "{found:?}");
    assert_eq!(found, [("E002".to_owned(), locked)]);
    assert_eq!(messages, ["cannot open the file: permission denied"]);
}

/// `check --format json` on `dir` with `locked` made unreadable: the exit
/// code, each diagnostic's code and file, and their messages. Root reads
/// everything, so it then runs the binary as `nobody`, when the system can
/// drop privileges (setpriv, util-linux); `None` when it cannot (a skip,
/// which fails under CI).
#[cfg(unix)]
fn check_locked(dir: &Path, locked: &Path) -> Option<(i32, Vec<Found>, Vec<String>)> {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path, mode| std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
    let root_ignores_permissions = permissions_are_ignored(dir);
    mode(locked, 0o000);
    let mut command = if root_ignores_permissions {
        for sub in ["", "petitions"] {
            mode(&dir.join(sub), 0o755);
        }
        mode(&dir.join("danvan.toml"), 0o644);
        mode(&dir.join("petitions/ok.toml"), 0o644);
        let Some(setpriv) = common::require_tool(&["setpriv"]) else {
            mode(locked, 0o755);
            return None;
        };
        let mut c = common::isolated(setpriv);
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(env!("CARGO_BIN_EXE_danvan"));
        c
    } else {
        common::isolated(env!("CARGO_BIN_EXE_danvan"))
    };
    let out = command
        .arg("--records")
        .arg(dir)
        .args(["--color", "never", "--lang", "en", "check", "--format", "json"])
        .output();
    mode(locked, if locked.is_dir() { 0o755 } else { 0o644 });
    let out = match out {
        Ok(out) if out.status.code() != Some(127) && out.status.code() != Some(126) && !out.stdout.is_empty() => out,
        other => {
            common::skip(&format!(
                "running as root (permissions are not enforced) and cannot run as nobody with setpriv: {other:?}"
            ));
            return None;
        }
    };
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let diags = json.as_array().unwrap();
    let found = diags
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                PathBuf::from(d["file"].as_str().unwrap()),
            )
        })
        .collect();
    let messages = diags
        .iter()
        .map(|d| d["message"].as_str().unwrap().to_owned())
        .collect();
    Some((out.status.code().unwrap_or(-1), found, messages))
}

// ── links, folders named like records, pipes ────────────────────────────

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_reported_once_not_followed_for_ever() {
    use std::os::unix::fs::symlink;
    let dir = workspace(&[("models/m.toml", MODEL)]);
    symlink(".", dir.path().join("models/loop")).unwrap();
    symlink("..", dir.path().join("models/up")).unwrap();
    symlink("self.toml", dir.path().join("models/self.toml")).unwrap();
    let (code, found) = check(dir.path());
    assert_eq!(code, 1);
    for link in ["models/loop", "models/up", "models/self.toml"] {
        assert!(names(&found, "E002", &dir.path().join(link)), "{link}: {found:?}");
    }
    assert_eq!(found.len(), 3, "{found:?}");
    let (loaded, _) = load(dir.path());
    assert_eq!(loaded.workspace.unwrap().models.len(), 1);
}

#[cfg(unix)]
#[test]
fn a_symlink_out_of_the_workspace_is_not_followed() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    // Were these read, they would be syntax errors.
    write(outside.path(), "secret.toml", b"not = [toml");
    write(outside.path(), "more/x.toml", b"not = [toml");
    let dir = workspace(&[("petitions/ok.toml", PETITION)]);
    symlink(
        outside.path().join("secret.toml"),
        dir.path().join("petitions/secret.toml"),
    )
    .unwrap();
    symlink(outside.path().join("more"), dir.path().join("petitions/more")).unwrap();
    // A link that stays inside is followed.
    symlink(
        dir.path().join("petitions/ok.toml"),
        dir.path().join("petitions/alias.toml"),
    )
    .unwrap();

    let (code, found) = check(dir.path());
    assert_eq!(code, 0, "warnings only: {found:?}");
    assert!(
        names(&found, "W002", &dir.path().join("petitions/secret.toml")),
        "{found:?}"
    );
    assert!(names(&found, "W002", &dir.path().join("petitions/more")), "{found:?}");
    assert_eq!(found.len(), 2, "an outside file was read: {found:?}");
    let (loaded, _) = load(dir.path());
    let ids: Vec<String> = loaded
        .workspace
        .unwrap()
        .petitions
        .iter()
        .map(|p| p.id.clone())
        .collect();
    assert_eq!(ids, ["alias", "ok"]);
}

/// A record folder that is a link out of the workspace (`petitions ->
/// ../elsewhere`) is not read, and no command keeps quiet about it: before,
/// every reading command reported zero petitions with exit 0.
#[cfg(unix)]
#[test]
fn a_record_folder_linked_out_of_the_workspace_is_said_by_every_command() {
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "p.toml", PETITION.as_bytes());
    let dir = workspace(&[("models/m.toml", MODEL)]);
    std::os::unix::fs::symlink(outside.path(), dir.path().join("petitions")).unwrap();
    for args in [
        vec!["status"],
        vec!["list", "petitions"],
        vec!["petitions"],
        vec!["summary"],
        vec!["export", "--format", "csv", "--kind", "petitions"],
    ] {
        let out = en().arg("--records").arg(dir.path()).args(&args).run();
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        assert!(
            out.stderr.contains("warning[W002]") && out.stderr.contains("petitions"),
            "{args:?} did not say so: {}",
            out.stderr
        );
    }
    let (code, found) = check(dir.path());
    assert_eq!(code, 0, "{found:?}");
    assert!(names(&found, "W002", &dir.path().join("petitions")), "{found:?}");
    let denied = en()
        .arg("--records")
        .arg(dir.path())
        .args(["check", "--deny", "warnings"])
        .run();
    assert_eq!(denied.code, 1, "{}", denied.stdout);
}

/// `x.TOML`, `x.tml`, `x.toml.txt` in a record folder are meant as records:
/// W002 with the name to give them, instead of silence.
#[test]
fn near_misses_of_a_record_name_are_warned_about() {
    let dir = workspace(&[
        ("petitions/a.TOML", PETITION),
        ("petitions/b.tml", PETITION),
        ("petitions/c.toml.txt", PETITION),
        ("petitions/d.toml.bak", PETITION),
        ("petitions/readme.md", "notes"),
    ]);
    let (code, found) = check(dir.path());
    assert_eq!(code, 0, "{found:?}");
    for name in ["a.TOML", "b.tml", "c.toml.txt"] {
        assert!(
            names(&found, "W002", &dir.path().join("petitions").join(name)),
            "{name}: {found:?}"
        );
    }
    assert_eq!(found.len(), 3, "{found:?}");
    let out = en().arg("--records").arg(dir.path()).arg("check").run();
    assert!(out.stdout.contains("rename it c.toml"), "{}", out.stdout);
    let out = en().arg("--records").arg(dir.path()).arg("status").run();
    assert_eq!(out.stderr.matches("warning[W002]").count(), 3, "{}", out.stderr);
}

#[test]
fn a_record_that_is_a_folder() {
    let dir = workspace(&[("models/ok.toml", MODEL)]);
    std::fs::create_dir_all(dir.path().join("models/x.toml")).unwrap();
    std::fs::create_dir_all(dir.path().join("petitions/2023/y.toml/inner")).unwrap();
    let (code, found) = check(dir.path());
    assert_eq!(code, 1);
    assert_eq!(
        found,
        [
            ("E002".to_owned(), dir.path().join("models/x.toml")),
            ("E002".to_owned(), dir.path().join("petitions/2023/y.toml")),
        ]
    );
    let err = danvan::load::read_text(&dir.path().join("models/x.toml")).unwrap_err();
    assert_eq!(err.code, Code::Unreadable);
}

#[cfg(unix)]
#[test]
fn a_pipe_named_like_a_record_is_not_waited_on() {
    let dir = workspace(&[("petitions/ok.toml", PETITION)]);
    let fifo = dir.path().join("petitions/fifo.toml");
    if !common::make_fifo(&fifo) {
        return;
    }
    // `read_text` opens without waiting for a writer, then refuses.
    let (tx, rx) = std::sync::mpsc::channel();
    let path = fifo.clone();
    std::thread::spawn(move || tx.send(danvan::load::read_text(&path).unwrap_err().code));
    assert_eq!(rx.recv_timeout(Duration::from_secs(20)), Ok(Code::Unreadable));
    let (code, found) = check(dir.path());
    assert_eq!((code, found), (1, vec![("E002".to_owned(), fifo)]));
}

// ── reading commands change nothing ─────────────────────────────────────

/// Every file and folder under `root`: size, modification time, content hash.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, (u64, SystemTime, u64)> {
    let mut all = BTreeMap::new();
    for entry in walkdir::WalkDir::new(root) {
        let entry = entry.unwrap();
        let meta = entry.metadata().unwrap();
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        if meta.is_file() {
            std::fs::read(entry.path()).unwrap().hash(&mut hasher);
        }
        all.insert(
            entry.path().to_path_buf(),
            (meta.len(), meta.modified().unwrap(), hasher.finish()),
        );
    }
    all
}

fn set_writable(root: &Path, writable: bool) {
    for entry in walkdir::WalkDir::new(root) {
        let entry = entry.unwrap();
        let mut perms = entry.metadata().unwrap().permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        perms.set_readonly(!writable);
        std::fs::set_permissions(entry.path(), perms).unwrap();
    }
}

#[test]
fn reading_commands_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("records");
    common::copy_dir(&common::root().join("records"), &ws);
    // Read-only, like `chmod -R a-w`; as root that stops nothing, so the
    // real test is the snapshot: no file or folder appears, vanishes or changes.
    set_writable(&ws, false);
    let before = snapshot(&ws);

    let has = |cmd: &str| en().args(["help", cmd]).output().status.success();
    let mut runs: Vec<Vec<&str>> = vec![
        vec![],
        vec!["status"],
        vec!["check"],
        vec!["summary"],
        vec!["summary", "--by", "unit", "--by", "year"],
        vec!["list", "petitions"],
        vec!["list", "meetings"],
        vec!["petitions"],
        vec!["petitions", "--format", "json"],
        vec!["show", "2023-03-02-khieu-nai-tan-my"],
        vec!["review", "--period", "2024-H1"],
        vec!["review", "--period", "2024-H1", "--format", "json"],
    ];
    for extra in [vec!["progress"], vec!["conclusions"], vec!["list", "conclusions"]] {
        if has(extra[0]) {
            runs.push(extra);
        }
    }
    for args in &runs {
        let out = en()
            .arg("--records")
            .arg(&ws)
            .args(["--as-of", "2024-06-30"])
            .args(args)
            .output();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty(), "{args:?} printed nothing");
        assert_eq!(
            snapshot(&ws),
            before,
            "`danvan {}` changed the workspace",
            args.join(" ")
        );
    }
    set_writable(&ws, true);
}

// ── fuzzing seeds and regressions ───────────────────────────────────────

/// Every fuzz seed, and every crash the fuzzers ever found (saved under
/// fuzz/regressions/<target>/), through the same pure entry points the
/// fuzz targets call: diagnostics, never a panic, spans inside the text.
#[test]
fn fuzz_seeds_and_regressions_parse_without_panic() {
    use danvan::model::Kind;
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut replayed = 0;
    for target in ["model", "meeting", "petition", "targets_and_config"] {
        let mut inputs = Vec::new();
        for folder in ["corpus", "regressions"] {
            let Ok(entries) = std::fs::read_dir(fuzz.join(folder).join(target)) else {
                continue;
            };
            for entry in entries {
                let path = entry.unwrap().path();
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                if folder == "regressions" || name.starts_with("seed-") {
                    inputs.push(path);
                }
            }
        }
        assert!(
            !inputs.is_empty() || target == "targets_and_config",
            "no seeds for {target}"
        );
        for path in inputs {
            let bytes = std::fs::read(&path).unwrap();
            let spans_ok = |text: &str, diags: &[danvan::diag::Diagnostic]| {
                for d in diags {
                    if let Some(span) = &d.span {
                        assert!(span.end <= text.len(), "{}: {d:?}", path.display());
                        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
                    }
                }
            };
            if target == "targets_and_config" {
                let split = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
                let config = String::from_utf8_lossy(&bytes[..split]);
                let targets = String::from_utf8_lossy(bytes.get(split + 1..).unwrap_or_default());
                let (_, diags) = danvan::load::parse_config(Path::new("danvan.toml"), &config);
                spans_ok(&config, &diags);
                let (_, diags) = danvan::load::parse_targets(Path::new("targets.toml"), &targets);
                spans_ok(&targets, &diags);
            } else {
                let kind = match target {
                    "model" => Kind::Model,
                    "meeting" => Kind::Meeting,
                    _ => Kind::Petition,
                };
                let text = String::from_utf8_lossy(&bytes);
                let (_, diags) = danvan::load::parse_record(kind, Path::new("fuzz.toml"), &text);
                spans_ok(&text, &diags);
            }
            replayed += 1;
        }
    }
    assert!(replayed >= 40, "{replayed}");
}

/// Issue 14, item 10: a record's text and a file's name may hold ESC, BEL,
/// CR or a bidi override; no human output lets one act on the terminal
/// (tables, facts, Markdown, HTML, check), and each shows as check shows it.
#[cfg(unix)]
#[test]
fn control_characters_never_reach_the_screen_raw() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("ws");
    common::copy_dir(&common::root().join("examples/minimal"), &ws);
    let name = "models/2025/zz\u{1b}[1m.toml";
    write(
        &ws,
        name,
        "title = \"A\\u001b[31mRED\\u0007 \\r CR \u{202e} evil\"\nlead = \"mttq\"\nstarted = 2025-01-01\nstatus = \"active\"\n"
            .as_bytes(),
    );
    write(
        &ws,
        "petitions/2025/2025-06-01-zz.toml",
        "type = \"complaint\"\nreceived = 2025-06-01\nsummary = \"B\\u001b[2J\\u0007 \u{202e} xin\"\n".as_bytes(),
    );
    let raw = ['\u{1b}', '\u{7}', '\r', '\u{202e}'];
    let runs: Vec<Vec<&str>> = vec![
        vec!["list", "models"],
        vec!["list", "models", "--format", "markdown"],
        vec!["show", "zz\u{1b}[1m"],
        vec!["show", "zz\u{1b}[1m", "--format", "markdown"],
        vec!["check"],
        vec!["check", "--format", "github"],
    ];
    for args in runs {
        for columns in ["200", "50"] {
            let out = danvan()
                .arg("--records")
                .arg(&ws)
                .args(["--color", "never", "--as-of", "2025-06-30"])
                .args(&args)
                .env("COLUMNS", columns)
                .run();
            assert!(out.code == 0, "{args:?}: {out:?}");
            let text = format!("{}{}", out.stdout, out.stderr);
            assert!(!text.contains(raw), "{args:?} at {columns}: {text:?}");
            if args[0] != "check" {
                assert!(text.contains("␛[31mRED␇"), "{args:?}: {text}");
            }
        }
    }
    // The report page.
    let out = tmp.path().join("out");
    danvan()
        .arg("--records")
        .arg(&ws)
        .args(["--as-of", "2025-06-30", "report", "--out"])
        .arg(&out)
        .assert()
        .success();
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(!html.contains(raw));
    assert!(html.contains("B␛[2J␇"), "the petition is on the page");
}
