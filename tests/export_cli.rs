//! `danvan export` on the bundled records: one file per kind, the rows of
//! `danvan list` with their states as of the date, the same columns in CSV
//! and JSON Lines, and no personal data.

mod common;
use common::{Danvan, danvan};
use serde_json::Value;
use std::path::Path;

const AS_OF: &str = "2023-06-30";

/// `danvan --records records --color never --as-of DATE ARGS…`.
fn bundled_as_of(date: &str, args: &[&str]) -> Danvan {
    danvan()
        .records("records")
        .args(["--color", "never", "--as-of", date])
        .args(args)
}

/// The same as of [`AS_OF`].
fn bundled(args: &[&str]) -> Danvan {
    bundled_as_of(AS_OF, args)
}

fn csv_rows(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().iter().map(str::to_owned).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

fn jsonl_rows(text: &str) -> Vec<serde_json::Map<String, Value>> {
    text.lines()
        .map(|l| match serde_json::from_str(l).unwrap() {
            Value::Object(o) => o,
            other => panic!("not an object: {other}"),
        })
        .collect()
}

/// How many records `danvan list KIND` shows on the same date.
fn listed(kind: &str) -> usize {
    let list: Value = serde_json::from_str(&bundled(&["list", kind, "--format", "json"]).stdout()).unwrap();
    list["rows"].as_array().unwrap().len()
}

#[test]
fn one_file_per_kind_with_the_same_columns_in_both_formats() {
    let tmp = tempfile::tempdir().unwrap();
    let csv_dir = tmp.path().join("csv");
    let jsonl_dir = tmp.path().join("jsonl");
    let printed = bundled(&["export", "--out", csv_dir.to_str().unwrap()]).stdout();
    assert_eq!(printed.lines().count(), 5, "{printed}");
    bundled(&["export", "--format", "jsonl", "--out", jsonl_dir.to_str().unwrap()]).stdout();
    for kind in ["models", "meetings", "petitions", "conclusions", "targets"] {
        let csv_text = std::fs::read_to_string(csv_dir.join(format!("{kind}.csv"))).unwrap();
        let jsonl_text = std::fs::read_to_string(jsonl_dir.join(format!("{kind}.jsonl"))).unwrap();
        let (header, rows) = csv_rows(&csv_text);
        let objects = jsonl_rows(&jsonl_text);
        if kind != "targets" {
            assert_eq!(
                rows.len(),
                listed(kind),
                "{kind}: one row per record existing on {AS_OF}"
            );
        }
        assert_eq!(objects.len(), rows.len(), "{kind}");
        let mut keys: Vec<String> = objects[0].keys().cloned().collect();
        let mut columns = header.clone();
        keys.sort();
        columns.sort();
        assert_eq!(columns, keys, "{kind}: CSV columns and JSON keys differ");
        assert_eq!(&header[header.len() - 3..], ["as_of", "committee", "parent"], "{kind}");
        for row in &rows {
            assert_eq!(row[header.len() - 3], AS_OF);
            assert_eq!(row[header.len() - 2], "Huyện ủy Lấp Vò");
            assert_eq!(row[header.len() - 1], "Đảng bộ tỉnh Đồng Tháp");
        }
        // Nothing dated after the as-of date.
        for o in &objects {
            for (k, v) in o {
                if let Some(date) = v.as_str().filter(|s| s.len() == 10 && s.as_bytes()[4] == b'-') {
                    let future_ok = k.ends_with("deadline") || k == "due";
                    assert!(future_ok || date <= AS_OF, "{kind} {k} = {date} is after {AS_OF}");
                }
            }
        }
    }
}

/// The targets' rows are `danvan progress` on the same date, a row per
/// target, for a national roll-up to count the targets' statuses.
#[test]
fn targets_are_where_progress_puts_them() {
    let rows = jsonl_rows(&bundled(&["export", "--kind", "targets", "--format", "jsonl"]).stdout());
    let progress: Value = serde_json::from_str(&bundled(&["progress", "--format", "json"]).stdout()).unwrap();
    let targets = progress["targets"].as_array().unwrap();
    assert_eq!(rows.len(), targets.len());
    for (row, t) in rows.iter().zip(targets) {
        for key in [
            "id",
            "title",
            "measure",
            "direction",
            "goal",
            "deadline",
            "actual",
            "at_deadline",
            "expected",
            "percent_of_goal",
            "status",
        ] {
            assert_eq!(row[key], t[key], "{} {key}", t["id"]);
        }
        assert_eq!(row["baseline"], t["baseline"]["value"], "{}", t["id"]);
        assert_eq!(row["file"], "targets.toml");
        assert_eq!(row["parent"], "Đảng bộ tỉnh Đồng Tháp");
    }
    // `chi-tieu` is the same kind, in Vietnamese.
    assert_eq!(
        bundled(&["export", "--kind", "chi-tieu"]).stdout(),
        bundled(&["export", "--kind", "targets"]).stdout()
    );
}

#[test]
fn petitions_carry_deadlines_and_states_as_of_the_date() {
    let (header, rows) = csv_rows(&bundled(&["export", "--kind", "petitions"]).stdout());
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let register: Value = serde_json::from_str(&bundled(&["petitions", "--format", "json"]).stdout()).unwrap();
    for entry in register["petitions"].as_array().unwrap() {
        let id = entry["id"].as_str().unwrap();
        let row = rows.iter().find(|r| r[col("id")] == id).unwrap();
        assert_eq!(row[col("state")], entry["state"].as_str().unwrap(), "{id}");
        assert_eq!(
            row[col("acceptance_deadline")],
            entry["acceptance_deadline"].as_str().unwrap(),
            "{id}"
        );
        assert_eq!(
            row[col("resolution_deadline")],
            entry["resolution_deadline"].as_str().unwrap_or(""),
            "{id}"
        );
        assert_eq!(
            row[col("days_left")],
            entry["days_left"].as_i64().map(|d| d.to_string()).unwrap_or_default()
        );
    }
    // Rows in date order; lists joined with ';'.
    let received: Vec<&String> = rows.iter().map(|r| &r[col("received")]).collect();
    assert!(received.windows(2).all(|w| w[0] <= w[1]));
    assert!(rows.iter().all(|r| !r[col("units")].contains(',')));
}

#[test]
fn lists_and_maps_are_flat_in_csv() {
    let (header, rows) = csv_rows(&bundled(&["export", "--kind", "models"]).stdout());
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let river = rows
        .iter()
        .find(|r| r[col("id")] == "2021-05-01-dong-song-khong-rac")
        .unwrap();
    assert_eq!(river[col("indicators")], "households=320");
    assert_eq!(river[col("recognition")], "district");
    assert_eq!(river[col("file")], "models/2021/2021-05-01-dong-song-khong-rac.toml");
    let meetings = csv_rows(&bundled(&["export", "--kind", "meetings"]).stdout());
    let col = |name: &str| meetings.0.iter().position(|h| h == name).unwrap();
    let review = meetings
        .1
        .iter()
        .find(|r| r[col("id")] == "2022-07-12-btv-lam-viec-khoi-dan-van-6-thang-2022")
        .unwrap();
    assert!(review[col("participants")].starts_with("btv;ban-dan-van;mttq;"));
    assert_eq!(review[col("notice_number")], "245-TB/HU");
    assert_eq!(review[col("conclusions")], "4");
    assert_eq!(review[col("conclusions_done")], "4");
}

#[test]
fn conclusions_are_one_row_per_task() {
    let rows = jsonl_rows(&bundled(&["export", "--kind", "conclusions", "--format", "jsonl"]).stdout());
    assert_eq!(rows.len(), listed("conclusions"));
    let first = rows
        .iter()
        .find(|r| r["id"] == "2022-07-12-btv-lam-viec-khoi-dan-van-6-thang-2022#1")
        .unwrap();
    assert_eq!(first["meeting"], "2022-07-12-btv-lam-viec-khoi-dan-van-6-thang-2022");
    assert_eq!(first["number"], 1);
    assert_eq!(first["assignee"], "ubnd");
    assert_eq!(first["state"], "done");
    assert_eq!(first["done"], "2022-11-30");
    assert!(first["days_left"].is_null());
}

#[test]
fn no_personal_data_in_any_format() {
    for format in ["csv", "jsonl"] {
        let text = bundled_as_of("2025-12-31", &["export", "--kind", "petitions", "--format", format]).stdout();
        // The bundled petitioners are named "… Hư Cấu NN" with phones "0900 000 NNN".
        assert!(!text.contains("Hư Cấu") && !text.contains("0900 000"), "{format}");
        assert!(!text.contains("petitioner"), "{format}");
    }
}

#[test]
fn bom_for_excel_and_usage_errors() {
    let text = bundled(&["export", "--kind", "models", "--bom"]).stdout();
    assert!(text.starts_with("\u{feff}id,title,"));
    for args in [&["export"][..], &["export", "--kind", "models", "--kind", "petitions"]] {
        bundled(&[])
            .args(["--lang", "en"])
            .args(args)
            .assert()
            .code(2)
            .stderr(predicates::str::contains("--out DIR"));
    }
}

#[test]
fn files_are_replaced_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("out");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("models.csv"),
        "old contents that are longer than nothing\n".repeat(500),
    )
    .unwrap();
    bundled(&["export", "--kind", "models", "--out", dir.to_str().unwrap()]).stdout();
    let text = std::fs::read_to_string(dir.join("models.csv")).unwrap();
    assert!(text.starts_with("id,title,") && !text.contains("old contents"));
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["models.csv"], "no temporary file is left");
    assert!(Path::new(&dir).join("models.csv").is_file());
}

#[test]
fn export_says_which_deadlines_are_provisional_and_what_each_extension_adds() {
    let rows = danvan()
        .records("examples/commune")
        .args(["--as-of", "2026-12-01", "export", "--kind", "petitions"])
        .csv();
    let col = |name: &str| {
        rows[0]
            .iter()
            .position(|c| c == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    let row = |id: &str| rows.iter().find(|r| r[0] == id).unwrap().clone();
    let p = row("2026-11-20-khieu-nai-xa-lap-vo");
    assert_eq!(
        (
            &*p[col("resolution_deadline")],
            &*p[col("resolution_provisional")],
            &*p[col("acceptance_provisional")]
        ),
        ("2027-01-11", "true", "false")
    );
    let d = row("2026-09-14-to-cao-xa-lap-vo");
    assert_eq!(
        (
            &*d[col("extensions")],
            &*d[col("extension_days")],
            &*d[col("especially_complex")]
        ),
        ("2026-10-19;2026-11-18", "30;20", "true")
    );
    // JSON Lines: booleans and numbers.
    let text = danvan()
        .records("examples/commune")
        .args([
            "--as-of",
            "2026-12-01",
            "export",
            "--kind",
            "petitions",
            "--format",
            "jsonl",
        ])
        .stdout();
    let line = text
        .lines()
        .find(|l| l.contains("2026-11-23-khieu-nai-lan-hai"))
        .unwrap();
    let v: Value = serde_json::from_str(line).unwrap();
    assert_eq!(
        (v["resolution_provisional"].as_bool(), v["round"].as_u64()),
        (Some(true), Some(2))
    );
}

/// CSV for Excel (`--bom`) writes a cell that Excel would run as a formula
/// (`=HYPERLINK(…)` in a title, `+cmd|…`) as text, with a leading `'`;
/// plain CSV, for machines, keeps every value as it is.
#[test]
fn csv_for_excel_neutralises_formulas() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("ws");
    common::copy_dir(&common::root().join("tests/fixtures/browse"), &ws);
    let model = std::fs::read_dir(ws.join("models"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "toml"))
        .expect("a model file");
    let text = std::fs::read_to_string(&model).unwrap();
    let title = text.lines().find(|l| l.starts_with("title")).unwrap().to_owned();
    std::fs::write(
        &model,
        text.replace(
            &title,
            "title = \"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\"\nsummary = \"+cmd|' /C calc'!A0\"",
        ),
    )
    .unwrap();
    let run = |bom: bool| {
        let mut args = vec!["export", "--kind", "models"];
        if bom {
            args.push("--bom");
        }
        common::danvan().records(&ws).args(&args).stdout()
    };
    let excel = run(true);
    assert!(excel.contains("'=HYPERLINK(") && excel.contains("'+cmd|"), "{excel}");
    assert!(
        !excel.contains(",=HYPERLINK") && !excel.contains(",\"=HYPERLINK"),
        "{excel}"
    );
    let plain = run(false);
    assert!(
        plain.contains("=HYPERLINK(") && !plain.contains("'=HYPERLINK("),
        "{plain}"
    );
}
