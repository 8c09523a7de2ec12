//! No command prints a petitioner's personal data, in any format, on stdout,
//! on stderr or in the files it writes; only `show --reveal-personal` does.
//! The fixture's petitioner fields hold unique MARKER strings.

mod common;
use common::danvan;
use std::path::Path;

const FIXTURE: &str = "tests/fixtures/browse";

/// What `danvan --records RECORDS --color always --as-of 2023-12-31 ARGS…`
/// printed on stdout and on stderr.
fn run(records: &Path, args: &[&str]) -> (String, String) {
    let out = danvan()
        .records(records)
        .args(["--color", "always", "--as-of", "2023-12-31"])
        .args(args)
        .output();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn assert_clean(what: &str, text: &str) {
    assert!(!text.contains("MARKER"), "personal data leaked by {what}:\n{text}");
}

/// Every file under `dir`, as text (docx: every zip entry).
fn scan_dir(what: &str, dir: &Path) {
    for entry in walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        let bytes = std::fs::read(entry.path()).unwrap();
        if entry.path().extension().is_some_and(|e| e == "docx") {
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
            for i in 0..zip.len() {
                let mut f = zip.by_index(i).unwrap();
                let mut s = String::new();
                std::io::Read::read_to_string(&mut f, &mut s).unwrap();
                assert_clean(
                    &format!("{what}: {}!{}", entry.path().display(), f.name().unwrap_or_default()),
                    &s,
                );
            }
        } else {
            assert_clean(
                &format!("{what}: {}", entry.path().display()),
                &String::from_utf8_lossy(&bytes),
            );
        }
    }
}

#[test]
fn no_command_prints_personal_data() {
    let records = Path::new(FIXTURE);
    let mut runs: Vec<Vec<&str>> = vec![
        vec![],
        vec!["check"],
        vec!["check", "--format", "json"],
        vec!["check", "--format", "github"],
    ];
    let reports: Vec<Vec<&str>> = vec![
        vec!["status"],
        vec!["summary"],
        vec!["summary", "--kind", "petitions", "--by", "unit", "--by", "field"],
        vec!["summary", "--kind", "petitions", "--by", "status", "--by", "org"],
        vec!["list", "petitions"],
        vec!["list", "models"],
        vec!["list", "meetings"],
        vec!["list", "conclusions"],
        vec!["show", "p1"],
        vec!["show", "p2"],
        vec!["show", "p3"],
        vec!["show", "p5"],
        vec!["show", "so-ket-2022"],
        vec!["petitions"],
        vec!["conclusions"],
        vec!["progress"],
    ];
    for r in &reports {
        for f in ["table", "json", "csv", "markdown"] {
            let mut args = r.clone();
            args.extend(["--format", f]);
            runs.push(args);
        }
    }
    for f in ["text", "markdown", "html"] {
        runs.push(vec!["notice", "so-ket-2022", "--format", f]);
    }
    for f in ["text", "markdown", "html", "json"] {
        runs.push(vec!["review", "--period", "2023", "--format", f]);
        runs.push(vec!["review", "--period", "2023-H1", "--format", f]);
        runs.push(vec![
            "review",
            "--from",
            "2022-01-01",
            "--to",
            "2023-12-31",
            "--format",
            f,
        ]);
    }
    for args in &runs {
        let (out, err) = run(records, args);
        assert_clean(&format!("danvan {args:?} (stdout)"), &out);
        assert_clean(&format!("danvan {args:?} (stderr)"), &err);
    }

    let tmp = tempfile::tempdir().unwrap();
    for (name, args) in [
        ("report", vec!["report", "--out"]),
        ("export-csv", vec!["export", "--format", "csv", "--out"]),
        ("export-jsonl", vec!["export", "--format", "jsonl", "--out"]),
        ("notices", vec!["notice", "--all", "--format", "docx", "--out-dir"]),
    ] {
        let dir = tmp.path().join(name);
        let mut all: Vec<&str> = args.clone();
        let dir_text = dir.to_str().unwrap().to_owned();
        all.push(&dir_text);
        let (out, err) = run(records, &all);
        assert!(dir.exists(), "{name} wrote nothing: {out}{err}");
        assert_clean(name, &out);
        assert_clean(name, &err);
        scan_dir(name, &dir);
    }
}

#[test]
fn errors_never_quote_personal_data() {
    // A petition with problems inside and outside its [petitioner] table.
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    std::fs::copy(Path::new(FIXTURE).join("danvan.toml"), root.join("danvan.toml")).unwrap();
    std::fs::create_dir_all(root.join("petitions")).unwrap();
    std::fs::write(
        root.join("petitions/bad.toml"),
        "type = \"denunciation\"\nreceived = 2023-03-02\n[petitioner]\nname = \"MARKER-BAD-NAME\"\nphone = 12345\nnickname = \"MARKER-BAD-NICK\"\n",
    )
    .unwrap();
    std::fs::write(
        root.join("petitions/broken.toml"),
        "type = \"complaint\"\n[petitioner]\nname = \"MARKER-BROKEN \n",
    )
    .unwrap();
    for format in ["human", "json", "github"] {
        let (out, err) = run(root, &["check", "--format", format]);
        assert!(out.contains("bad.toml") && out.contains("broken.toml"), "{out}");
        assert_clean(&format!("check --format {format}"), &out);
        assert_clean(&format!("check --format {format}"), &err);
    }
    let (out, err) = run(root, &["status"]);
    assert_clean("status on broken records", &(out + &err));
}

#[test]
fn reveal_personal_shows_it_on_request_only() {
    let (out, _) = run(Path::new(FIXTURE), &["show", "p2", "--reveal-personal"]);
    assert!(
        out.contains("MARKER-P2-NAME") && out.contains("MARKER-P2-ADDRESS"),
        "{out}"
    );
    let (out, _) = run(
        Path::new(FIXTURE),
        &["show", "p2", "--reveal-personal", "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["petitioner"]["name"], "MARKER-P2-NAME");
}

/// The ways TOML can write the personal table (`{V}` is a value), each
/// found in a hostile test to print its values in some diagnostic before:
/// quoted and escaped headers, dotted keys, an inline table, a near miss
/// of the key, a name written as a key, a comment beside a value.
const SPELLINGS: &[&str] = &[
    "[petitioner]\nname = \"{V}\"\nphone = \"{V}\"\n",
    "[\"petitioner\"]\nname = \"{V}\"\n",
    "['petitioner']\nname = '{V}'\n",
    "[\"petiti\\u006fner\"]\nname = \"{V}\"\n",
    "petitioner.phone = \"{V}\"\npetitioner.name = \"{V}\"\n",
    "\"petitioner\".phone = \"{V}\"\n",
    "petitioner = { name = \"{V}\", phone = [\"{V}\"] }\n",
    "[Petitioner]\nname = \"{V}\"\n",
    "petitoner.name = \"{V}\"\n",
    "[petitioner]\nnote = \"\"\"\n{V}\n{V}\"\"\"\n",
    "[petitioner]\n\"{V}\" = \"x\"\n",
    "[petitioner]\nname = \"x\" # {V}\n",
    "[petitioner.extra]\nname = \"{V}\"\n",
];

/// Problems to put around the table: one of each kind of diagnostic a
/// petition file can have (a syntax error too).
const AROUND: &[&str] = &[
    "",
    "round = \"x\"\n",
    "foo = 1\n",
    "accepted = \"2023-03-03\"\n",
    "channel = \"fax\"\n",
    "units = [\"nowhere\"]\n",
    "x = \n",
    "name = \"dup\"\nname = \"dup\"\n",
];

/// A petition file: a BOM maybe, the record, a problem, the table, a problem.
fn petition_text(bom: bool, before: &str, spelling: &str, after: &str, value: &str) -> String {
    format!(
        "{}type = \"denunciation\"\nreceived = 2023-03-02\n{before}{}{after}",
        if bom { "\u{feff}" } else { "" },
        spelling.replace("{V}", value)
    )
}

/// Everything `check` prints of a workspace holding `text` as a petition,
/// in every format: human (plain and coloured), JSON and GitHub.
fn diagnostics_of(dir: &Path, text: &str) -> String {
    std::fs::write(dir.join("petitions/p.toml"), text).unwrap();
    let loaded = danvan::check::load(dir);
    let (d, s) = (&loaded.diagnostics, &loaded.sources);
    use danvan::render::diagnostics::{github, gitlab, human, json, sarif};
    let path = |p: &Path| Some(p.display().to_string());
    [
        human(d, s, false),
        human(d, s, true),
        json(d, s),
        github(d, s, &path),
        gitlab(d, s, &path),
        sarif(d, s, &path),
    ]
    .concat()
}

mod any_spelling {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

        /// However the table is written, with whatever problems around it,
        /// no value of it is printed, and the output is the same whatever
        /// the value's length.
        #[test]
        fn no_value_in_any_output_and_no_length(
            spelling in proptest::sample::select(SPELLINGS),
            before in proptest::sample::select(AROUND),
            after in proptest::sample::select(AROUND),
            bom in any::<bool>(),
            tail in "[a-zA-Z0-9 ]{0,24}",
        ) {
            let tmp = tempfile::tempdir().unwrap();
            std::fs::copy(Path::new(FIXTURE).join("danvan.toml"), tmp.path().join("danvan.toml")).unwrap();
            std::fs::create_dir_all(tmp.path().join("petitions")).unwrap();
            let value = format!("ZQX{tail}");
            let text = petition_text(bom, before, spelling, after, &value);
            let out = diagnostics_of(tmp.path(), &text);
            prop_assert!(!out.contains("ZQX"), "{text:?} printed:\n{out}");
            let short = diagnostics_of(tmp.path(), &petition_text(bom, before, spelling, after, "ZQX"));
            prop_assert_eq!(&out, &short, "the output tells the length of a value of {:?}", text);
        }
    }
}

/// Every spelling with problems around it, through every command that
/// prints diagnostics, in every format, on stdout and stderr.
#[test]
fn no_spelling_reaches_any_command() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    std::fs::copy(Path::new(FIXTURE).join("danvan.toml"), root.join("danvan.toml")).unwrap();
    std::fs::create_dir_all(root.join("petitions")).unwrap();
    for (i, spelling) in SPELLINGS.iter().enumerate() {
        let marker = format!("MARKER-{i}-SECRET");
        let text = petition_text(
            i % 2 == 0,
            AROUND[1 + i % (AROUND.len() - 1)],
            spelling,
            "foo = 1\n",
            &marker,
        );
        std::fs::write(root.join(format!("petitions/p{i}.toml")), text).unwrap();
    }
    let out_dir = tmp.path().join("out");
    let out_text = out_dir.to_str().unwrap();
    let mut runs: Vec<Vec<&str>> = Vec::new();
    for format in ["human", "json", "github"] {
        runs.push(vec!["check", "--format", format]);
    }
    for cmd in [
        vec!["status"],
        vec!["list", "petitions"],
        vec!["petitions"],
        vec!["conclusions"],
        vec!["summary"],
        vec!["progress"],
        vec!["show", "p0"],
    ] {
        for format in ["table", "json", "csv", "markdown"] {
            let mut args = cmd.clone();
            args.extend(["--format", format]);
            runs.push(args);
        }
    }
    runs.push(vec!["report", "--out", out_text]);
    runs.push(vec!["export", "--out", out_text]);
    for lang in ["vi", "en"] {
        for args in &runs {
            let mut all = vec!["--lang", lang];
            all.extend(args);
            let (out, err) = run(root, &all);
            assert_clean(&format!("danvan {all:?} (stdout)"), &out);
            assert_clean(&format!("danvan {all:?} (stderr)"), &err);
            assert!(!err.is_empty() || !out.is_empty(), "{all:?} printed nothing");
        }
    }
}
