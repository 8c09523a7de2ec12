//! `danvan rollup` and `danvan report` on a province workspace, on
//! tests/fixtures/rollup/province: three member communes, xa-an and
//! xa-binh counted by hand in their files, xa-hong with two errors. As of
//! 1/12/2026:
//!
//! | committee | records | petitions | open | overdue | resolved | on time | tasks | open | overdue |
//! |-----------|---------|-----------|------|---------|----------|---------|-------|------|---------|
//! | xa-an     | 5       | 3         | 2    | 1       | 1        | 1       | 1     | 1    | 1       |
//! | xa-binh   | 5       | 3         | 1    | 0       | 2        | 1       | 2     | 1    | 0       |
//! | total     | 10      | 6         | 3    | 1       | 3        | 2       | 3     | 2    | 1       |
//!
//! Targets: `mo-hinh` achieved in xa-an (one model), behind in xa-binh
//! (none); `don-dung-han`, xa-an's own, missed (none resolved on time by
//! 30/6/2026). Overdue: p-an-2 (8/10) and xa-an's task (20/11); due in 14
//! days: p-an-3 and p-binh-2 (7/12), xa-binh's task (10/12).

mod common;
use common::{Danvan, Run, danvan};
use serde_json::Value;
use std::path::{Path, PathBuf};

const PROVINCE: &str = "tests/fixtures/rollup/province";
const AS_OF: &str = "2026-12-01";

fn member(id: &str) -> String {
    format!("{PROVINCE}/communes/{id}")
}

/// `danvan --records PROVINCE --color never --as-of AS_OF ARGS…`.
fn province(args: &[&str]) -> Danvan {
    danvan()
        .records(PROVINCE)
        .args(["--color", "never", "--as-of", AS_OF])
        .args(args)
        .env("COLUMNS", "250")
}

/// `danvan --color never --as-of AS_OF rollup xa-an xa-binh ARGS…`: the
/// two clean members given on the command line.
fn clean(args: &[&str]) -> Danvan {
    danvan()
        .args(["--color", "never", "--as-of", AS_OF, "rollup"])
        .args([member("xa-an"), member("xa-binh")])
        .args(args)
        .env("COLUMNS", "250")
}

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", run.stdout))
}

/// The figures of a committee, in the order of [`AN`], [`BINH`] and [`TOTAL`].
const FIGURES: [&str; 11] = [
    "records",
    "petitions",
    "petitions_open",
    "petitions_overdue",
    "petitions_resolved",
    "petitions_on_time",
    "tasks",
    "tasks_open",
    "tasks_overdue",
    "models",
    "meetings",
];

fn figures(v: &Value) -> Vec<(&'static str, i64)> {
    FIGURES
        .into_iter()
        .map(|k| (k, v[k].as_i64().unwrap_or_else(|| panic!("{k} in {v}"))))
        .collect()
}

fn expect(values: [i64; 11]) -> Vec<(&'static str, i64)> {
    FIGURES.into_iter().zip(values).collect()
}

const AN: [i64; 11] = [5, 3, 2, 1, 1, 1, 1, 1, 1, 1, 1];
const BINH: [i64; 11] = [5, 3, 1, 0, 2, 1, 2, 1, 0, 0, 2];
const TOTAL: [i64; 11] = [10, 6, 3, 1, 3, 2, 3, 2, 1, 1, 3];

/// The registers' items as (committee, id).
fn register(v: &Value, key: &str) -> Vec<(String, String)> {
    v[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["committee"].as_str().unwrap().into(),
                e["id"].as_str().unwrap().into(),
            )
        })
        .collect()
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn the_province_rolls_up_its_members_and_sets_the_broken_one_aside() {
    let run = province(&["rollup", "--format", "json"]).run();
    assert_eq!(run.code, 1, "a member has errors: {}", run.stderr);
    let v = json(&run);
    assert_eq!(v["as_of"], AS_OF);
    assert_eq!(v["province"], "Tỉnh ủy Thử Nghiệm");
    let members = v["members"].as_array().unwrap();
    let ids: Vec<&str> = members.iter().map(|m| m["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["xa-an", "xa-binh", "xa-hong"]);
    assert_eq!(figures(&members[0]["figures"]), expect(AN));
    assert_eq!(figures(&members[1]["figures"]), expect(BINH));
    assert_eq!(members[0]["committee"], "Đảng ủy xã An Thử");
    assert_eq!(members[0]["figures"]["on_time_share"], 100.0);
    assert_eq!(members[1]["figures"]["on_time_share"], 50.0);
    // The member with errors: named, its errors counted, no figures.
    let hong = &members[2];
    assert_eq!(hong["committee"], "Đảng ủy xã Hồng Thử");
    assert_eq!(
        (hong["counted"].as_bool(), hong["errors"].as_u64()),
        (Some(false), Some(2))
    );
    assert!(hong["figures"].is_null() && hong["targets"].as_array().unwrap().is_empty());
    // Totals of the counted members only.
    let t = &v["totals"];
    assert_eq!(
        (t["members"].as_u64(), t["counted"].as_u64(), t["left_out"].as_u64()),
        (Some(3), Some(2), Some(1))
    );
    assert_eq!(figures(t), expect(TOTAL));
    assert!((t["on_time_share"].as_f64().unwrap() - 200.0 / 3.0).abs() < 1e-9);
    // The targets' tallies, in the order first met.
    let tallies: Vec<(&str, u64, [u64; 5])> = v["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let n = |k: &str| t[k].as_u64().unwrap();
            (
                t["id"].as_str().unwrap(),
                n("committees"),
                [n("achieved"), n("on_track"), n("behind"), n("missed"), n("no_data")],
            )
        })
        .collect();
    assert_eq!(
        tallies,
        [("mo-hinh", 2, [1, 0, 1, 0, 0]), ("don-dung-han", 1, [0, 0, 0, 1, 0])]
    );
    // Each committee's targets, as its own `progress` has them.
    for m in &members[..2] {
        let own = danvan()
            .records(m["path"].as_str().unwrap())
            .args(["--as-of", AS_OF, "progress"])
            .json();
        let own: Vec<(&str, &str)> = own["targets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| (t["id"].as_str().unwrap(), t["status"].as_str().unwrap()))
            .collect();
        let rolled: Vec<(&str, &str)> = m["targets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| (t["id"].as_str().unwrap(), t["status"].as_str().unwrap()))
            .collect();
        assert_eq!(rolled, own, "{}", m["id"]);
    }
    // The registers merged, by deadline, each item with its committee.
    assert_eq!(
        register(&v, "overdue"),
        pairs(&[("xa-an", "p-an-2"), ("xa-an", "2026-11-05-tiep-dan#1")])
    );
    assert_eq!(
        register(&v, "upcoming"),
        pairs(&[
            ("xa-an", "p-an-3"),
            ("xa-binh", "p-binh-2"),
            ("xa-binh", "2026-11-20-hoi-nghi#1")
        ])
    );
    let late = &v["overdue"][0];
    assert_eq!(late["committee_name"], "Đảng ủy xã An Thử");
    assert_eq!(late["responsible"], "ubnd");
    assert_eq!(late["responsible_name"], "UBND xã An Thử");
    assert_eq!(
        (late["deadline"].as_str(), late["days_left"].as_i64()),
        (Some("2026-10-08"), Some(-54))
    );
    assert_eq!(v["upcoming"][1]["responsible_name"], "Ủy ban MTTQ Việt Nam xã Bình Thử");
    assert!(v.get("summary").is_none(), "no --by, no summary");

    // Loudly: a banner names the member, its errors and the command that lists them.
    assert!(run.stderr.contains("xa-hong"), "{}", run.stderr);
    assert!(run.stderr.contains("2 lỗi"), "{}", run.stderr);
    assert!(run.stderr.contains("E012"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains(&format!("danvan --records {} check", member("xa-hong"))),
        "{}",
        run.stderr
    );
}

#[test]
fn each_members_figures_are_its_own_status() {
    let v = clean(&["--format", "json"]).json_of_run();
    for m in v["members"].as_array().unwrap() {
        let status = danvan()
            .records(m["path"].as_str().unwrap())
            .args(["--as-of", AS_OF, "status"])
            .json();
        for (key, value) in status["counts"].as_object().unwrap() {
            assert_eq!(&m["figures"][key], value, "{} {key}", m["id"]);
        }
    }
}

/// `.run()`, requiring success, parsed as JSON.
trait JsonOfRun {
    fn json_of_run(self) -> Value;
}

impl JsonOfRun for Danvan {
    fn json_of_run(self) -> Value {
        let run = self.run();
        assert_eq!(run.code, 0, "{}", run.stderr);
        json(&run)
    }
}

#[test]
fn members_given_on_the_command_line_are_named_by_their_folders() {
    let v = clean(&["--format", "json"]).json_of_run();
    assert!(v["province"].is_null());
    let ids: Vec<&str> = v["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["xa-an", "xa-binh"]);
    assert_eq!(figures(&v["totals"]), expect(TOTAL));
    assert_eq!(v["totals"]["left_out"], 0);
    // Two folders of one name cannot be told apart.
    let tmp = tempfile::tempdir().unwrap();
    for side in ["a", "b"] {
        common::copy_dir(Path::new(&member("xa-an")), &tmp.path().join(side).join("xa-an"));
    }
    let run = danvan()
        .args(["--lang", "en", "rollup"])
        .arg(tmp.path().join("a/xa-an"))
        .arg(tmp.path().join("b/xa-an"))
        .run();
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("the same folder name `xa-an`"), "{}", run.stderr);
    // A folder that is not a workspace is a member with errors.
    let run = danvan()
        .args(["--lang", "en", "--as-of", AS_OF, "rollup", "--format", "json"])
        .arg(member("xa-an"))
        .arg(tmp.path())
        .run();
    assert_eq!(run.code, 1, "{}", run.stderr);
    let v = json(&run);
    assert_eq!(v["totals"]["counted"], 1);
    assert!(run.stderr.contains("E001"), "{}", run.stderr);
}

#[test]
fn a_workspace_without_members_and_a_member_that_is_missing() {
    let run = danvan()
        .records("tests/fixtures/browse")
        .args(["--lang", "en", "rollup"])
        .run();
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("lists no member committees"), "{}", run.stderr);

    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("province");
    common::copy_dir(Path::new(PROVINCE), &ws);
    let toml = std::fs::read_to_string(ws.join("danvan.toml")).unwrap();
    let toml = toml.replace("communes/xa-hong", "communes/xa-gone");
    std::fs::write(ws.join("danvan.toml"), toml).unwrap();
    let run = danvan()
        .records(&ws)
        .args(["--lang", "en", "--as-of", AS_OF, "rollup", "--format", "json"])
        .run();
    assert_eq!(run.code, 1);
    // `check` on the province says where, with E060; the roll-up counts the others.
    assert!(run.stderr.contains("error[E060]"), "{}", run.stderr);
    assert!(run.stderr.contains("communes/xa-gone does not exist"), "{}", run.stderr);
    let v = json(&run);
    assert_eq!(figures(&v["totals"]), expect(TOTAL));
    assert_eq!(v["members"][2]["counted"], false);
    let check = danvan().records(&ws).args(["--lang", "en", "check"]).run();
    assert_eq!(check.code, 1);
    assert!(check.stdout.contains("error[E060]"), "{}", check.stdout);
}

#[test]
fn every_format() {
    let table = clean(&[]).stdout();
    for needle in [
        "Tổng hợp 2 cấp ủy",
        "Đảng ủy xã An Thử",
        "Đảng ủy xã Bình Thử",
        "Tổng cộng",
        "66,7%",
        "Quá hạn",
        "p-an-2",
        "Đến hạn trong 14 ngày tới",
        "2026-11-20-hoi-nghi#1",
        "chậm tiến độ",
    ] {
        assert!(table.contains(needle), "{needle} missing:\n{table}");
    }
    let total = table.lines().find(|l| l.contains("Tổng cộng")).unwrap();
    let numbers: Vec<&str> = total
        .split(['│', '┆'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(numbers, ["Tổng cộng", "10", "6", "3", "1", "66,7%", "1"], "{total}");

    // CSV: the long form, a section per table, machine values.
    let rows = clean(&[]).csv();
    assert_eq!(rows[0], ["section", "row", "column", "value"]);
    let cell = |section: &str, row: &str, column: &str| -> String {
        rows.iter()
            .find(|r| r[0] == section && r[1] == row && r[2] == column)
            .map(|r| r[3].clone())
            .unwrap_or_else(|| panic!("{section} {row} {column}"))
    };
    assert_eq!(cell("committees", "1", "committee"), "xa-an");
    assert_eq!(cell("committees", "3", "committee"), "total");
    assert_eq!(cell("committees", "3", "records"), "10");
    assert_eq!(cell("committees", "3", "on_time_share"), "66.7");
    assert_eq!(cell("targets", "1", "behind"), "1");
    assert_eq!(cell("target_status", "2", "mo-hinh"), "behind");
    assert_eq!(cell("overdue", "1", "committee"), "xa-an");
    assert_eq!(cell("overdue", "1", "deadline"), "2026-10-08");
    assert_eq!(cell("upcoming", "2", "id"), "p-binh-2");

    let md = clean(&["--lang", "en", "--format", "markdown"]).stdout();
    assert!(md.starts_with("# Roll-up of 2 committees"), "{md}");
    assert!(
        md.contains("| **Total** | **10** | **6** | **3** | **1** | **66.7%** | **1** |"),
        "{md}"
    );
    assert!(md.contains("| Đảng ủy xã An Thử | Petitions | p-an-2 |"), "{md}");

    // xlsx: a sheet per table.
    let tmp = tempfile::tempdir().unwrap();
    let book = tmp.path().join("rollup.xlsx");
    let printed = clean(&["-o", book.to_str().unwrap()]).stdout();
    assert_eq!(printed.trim(), book.display().to_string());
    use calamine::Reader;
    let mut wb = calamine::open_workbook_auto(&book).unwrap();
    assert_eq!(wb.sheet_names().len(), 5, "{:?}", wb.sheet_names());
    let first = wb.worksheet_range_at(0).unwrap().unwrap();
    let text: Vec<String> = first.rows().flatten().map(|c| c.to_string()).collect();
    assert!(text.iter().any(|c| c == "Đảng ủy xã Bình Thử"), "{text:?}");
    assert!(text.iter().any(|c| c == "10"), "{text:?}");
}

#[test]
fn by_counts_across_members_as_summary_does() {
    let v = clean(&["--by", "type", "--kind", "petitions", "--format", "json"]).json_of_run();
    let groups: Vec<(&str, u64)> = v["summary"]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| (g["keys"]["type"].as_str().unwrap(), g["count"].as_u64().unwrap()))
        .collect();
    assert_eq!(groups, [("complaint", 4), ("denunciation", 1), ("recommendation", 1)]);
    assert_eq!(v["summary"]["total"]["overdue"], 1);
    // The same as adding up each member's own summary.
    let one = |id: &str| {
        danvan()
            .records(member(id))
            .args(["--as-of", AS_OF, "summary", "--kind", "petitions", "--by", "type"])
            .json()["total"]["count"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(one("xa-an") + one("xa-binh"), 6);

    // By committee and type: a cross-table of members.
    let v = clean(&[
        "--by",
        "committee",
        "--by",
        "type",
        "--kind",
        "petitions",
        "--format",
        "json",
    ])
    .json_of_run();
    let cells: Vec<(&str, &str, u64)> = v["summary"]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["keys"]["committee"].as_str().unwrap(),
                g["keys"]["type"].as_str().unwrap(),
                g["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        cells,
        [
            ("xa-an", "complaint", 3),
            ("xa-binh", "complaint", 1),
            ("xa-binh", "denunciation", 1),
            ("xa-binh", "recommendation", 1)
        ]
    );
    // Units are each member's own: ấp Một of xa-an is not ấp Một of xa-binh.
    let v = clean(&["--by", "unit", "--kind", "petitions", "--format", "json"]).json_of_run();
    let units: Vec<(&str, u64)> = v["summary"]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| (g["keys"]["unit"].as_str().unwrap(), g["count"].as_u64().unwrap()))
        .collect();
    assert_eq!(units, [("xa-an/ap-1", 2), ("xa-an/", 1), ("xa-binh/", 3)]);
    let table = clean(&["--by", "unit", "--kind", "petitions"]).stdout();
    assert!(table.contains("Đảng ủy xã An Thử · ấp Một"), "{table}");
    // A period narrows the counts.
    let v = clean(&[
        "--by",
        "type",
        "--kind",
        "petitions",
        "--period",
        "2026-11",
        "--format",
        "json",
    ])
    .json_of_run();
    assert_eq!(v["summary"]["total"]["count"], 3, "p-an-3, p-binh-1, p-binh-2");
}

#[test]
fn in_english() {
    let run = province(&["--lang", "en", "rollup"]).run();
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .starts_with("Tỉnh ủy Thử Nghiệm: roll-up of the member committees"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("Đảng ủy xã Hồng Thử (errors: left out)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("1 with errors, left out of the totals"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr.starts_with("error: 1 member committee(s) have errors"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("2 error(s), the first:"), "{}", run.stderr);
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(dir).unwrap().to_path_buf())
        .collect();
    out.sort();
    out
}

#[test]
fn report_on_a_province_writes_the_province_bundle() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let run = province(&["report", "--out", out.to_str().unwrap()]).run();
    assert_eq!(run.code, 1, "a member has errors: {}", run.stderr);
    assert!(run.stderr.contains("xa-hong"), "{}", run.stderr);
    let names: Vec<String> = files(&out).iter().map(|p| p.display().to_string()).collect();
    for part in [
        "index.html",
        "data.json",
        "summary.md",
        "rollup.xlsx",
        "members/xa-an/index.html",
        "members/xa-an/data.json",
        "members/xa-binh/index.html",
        "members/xa-binh/summary.md",
    ] {
        assert!(names.contains(&part.to_owned()), "{part} missing: {names:?}");
    }
    assert!(!names.iter().any(|n| n.contains("xa-hong")), "{names:?}");
    assert!(
        !names.iter().any(|n| n.starts_with("province/")),
        "no records of its own"
    );

    // data.json: the roll-up as `rollup --format json` prints it, and the pages.
    let data: Value = serde_json::from_slice(&std::fs::read(out.join("data.json")).unwrap()).unwrap();
    let rolled = json(&province(&["rollup", "--format", "json"]).run());
    assert_eq!(data["rollup"], rolled);
    assert_eq!(data["tool"], "danvan");
    assert_eq!(data["pages"][0]["page"], "members/xa-an/index.html");
    assert!(data["pages"][2]["page"].is_null());
    // Each member's bundle is its own `danvan report`.
    let alone = tmp.path().join("alone");
    danvan()
        .records(member("xa-binh"))
        .args(["--as-of", AS_OF, "report", "--out"])
        .arg(&alone)
        .assert()
        .success();
    for name in ["index.html", "data.json", "summary.md"] {
        assert!(
            std::fs::read(alone.join(name)).unwrap() == std::fs::read(out.join("members/xa-binh").join(name)).unwrap(),
            "members/xa-binh/{name}"
        );
    }
    let md = std::fs::read_to_string(out.join("summary.md")).unwrap();
    assert!(md.contains("Đảng ủy xã Hồng Thử có 2 lỗi"), "{md}");
    assert!(
        md.contains("| **Tổng cộng** | **10** | **6** | **3** | **1** | **66,7%** | **1** |"),
        "{md}"
    );

    // Made again: the same bytes.
    let again = tmp.path().join("again");
    province(&["report", "--out", again.to_str().unwrap()]).run();
    for name in files(&out) {
        assert!(
            std::fs::read(out.join(&name)).unwrap() == std::fs::read(again.join(&name)).unwrap(),
            "{} differs between two runs",
            name.display()
        );
    }

    // The page, in headless Chromium: no console message, the content in the DOM.
    let Some(chromium) = common::require_tool(&["chromium", "chromium-browser"]) else {
        return;
    };
    let (console, dom) = common::open_in_chromium(&chromium, &out.join("index.html"), None);
    assert!(console.is_empty(), "console messages: {console:?}");
    for needle in [
        "<h1>Tỉnh ủy Thử Nghiệm: tổng hợp các cấp ủy trực thuộc, tính đến ngày 1/12/2026</h1>",
        "<a href=\"members/xa-an/index.html\">Đảng ủy xã An Thử</a>",
        "<a href=\"members/xa-binh/index.html\">Đảng ủy xã Bình Thử</a>",
        "Đảng ủy xã Hồng Thử: 2 lỗi trong hồ sơ, không được tổng hợp",
        "<tr class=\"total\"><td data-label=\"Cấp ủy\" class=\"text\">Tổng cộng</td><td data-label=\"Hồ sơ\" class=\"num\">10</td><td data-label=\"Đơn thư\" class=\"num\">6</td>",
        "<td data-label=\"Mã\" class=\"id\">p-an-2</td>",
        "<span class=\"warn\">chậm tiến độ</span>",
    ] {
        assert!(dom.contains(needle), "{needle} not in the DOM:\n{dom}");
    }
    let (console, dom) = common::open_in_chromium(&chromium, &out.join("members/xa-an/index.html"), None);
    assert!(console.is_empty(), "console messages: {console:?}");
    assert!(dom.contains("Đảng ủy xã An Thử"), "the member's page rendered");
    // A screenshot to look at: target/tmp/rollup-screenshot.png.
    let png = Path::new(env!("CARGO_TARGET_TMPDIR")).join("rollup-screenshot.png");
    let (console, _) = common::open_in_chromium(&chromium, &out.join("index.html"), Some(&png));
    assert!(console.is_empty(), "{console:?}");
    assert!(std::fs::metadata(&png).unwrap().len() > 10_000);
}

/// No petitioner field crosses into a roll-up: the fixture's petitioner
/// fields hold MARKER strings, and no output, file or message has one.
#[test]
fn no_personal_data_crosses() {
    let clean_of = |what: &str, text: &str| assert!(!text.contains("MARKER"), "personal data in {what}:\n{text}");
    // The fixture holds the markers, where they belong.
    let shown = danvan()
        .records(member("xa-an"))
        .args(["show", "p-an-1", "--reveal-personal"])
        .stdout();
    assert!(shown.contains("MARKER-AN-1-NAME"), "{shown}");
    let tmp = tempfile::tempdir().unwrap();
    let book = tmp.path().join("r.xlsx");
    let mut runs: Vec<Vec<String>> = Vec::new();
    for format in ["table", "json", "csv", "markdown"] {
        for by in [
            &[][..],
            &["--by", "unit", "--by", "org"][..],
            &["--by", "field", "--by", "status"][..],
        ] {
            let mut args: Vec<String> = vec!["rollup".into(), "--format".into(), format.into()];
            args.extend(by.iter().map(|s| s.to_string()));
            runs.push(args);
        }
    }
    runs.push(vec!["rollup".into(), "-o".into(), book.display().to_string()]);
    let site = tmp.path().join("site");
    runs.push(vec!["report".into(), "--out".into(), site.display().to_string()]);
    for lang in ["vi", "en"] {
        for args in &runs {
            let run = province(&["--lang", lang]).args(args).run();
            clean_of(&format!("{args:?} stdout"), &run.stdout);
            clean_of(&format!("{args:?} stderr"), &run.stderr);
        }
    }
    for dir in [tmp.path()] {
        for entry in walkdir::WalkDir::new(dir).into_iter().filter_map(Result::ok) {
            if !entry.file_type().is_file() {
                continue;
            }
            let bytes = std::fs::read(entry.path()).unwrap();
            let what = entry.path().display().to_string();
            if matches!(entry.path().extension().and_then(|e| e.to_str()), Some("xlsx" | "docx")) {
                let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
                for i in 0..zip.len() {
                    let mut f = zip.by_index(i).unwrap();
                    let mut s = String::new();
                    std::io::Read::read_to_string(&mut f, &mut s).unwrap();
                    clean_of(&what, &s);
                }
            } else {
                clean_of(&what, &String::from_utf8_lossy(&bytes));
            }
        }
    }
}

/// A province with records of its own: they get their bundle under
/// `province/`, linked from the roll-up page and named in `data.json`, and
/// they are not counted as a member.
#[test]
fn report_on_a_province_with_records_of_its_own() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("tinh");
    std::fs::create_dir_all(root.join("models")).unwrap();
    let communes = std::fs::canonicalize(format!("{PROVINCE}/communes")).unwrap();
    let config = format!(
        "[committee]\nname = \"Tỉnh ủy Thử Nghiệm\"\nparent = \"Đảng bộ tỉnh Thử Nghiệm\"\nstanding = \"Ban Thường vụ Tỉnh ủy\"\n\
         place = \"Thử Nghiệm\"\nnotice_suffix = \"TB/TU\"\n\n\
         [[unit]]\nid = \"phuong-1\"\nname = \"phường Một\"\n\n\
         [[org]]\nid = \"mttq\"\nname = \"Ủy ban MTTQ Việt Nam tỉnh\"\n\n\
         [[member]]\nid = \"xa-an\"\npath = {an:?}\n\n[[member]]\nid = \"xa-binh\"\npath = {binh:?}\n",
        an = communes.join("xa-an").display().to_string(),
        binh = communes.join("xa-binh").display().to_string(),
    );
    std::fs::write(root.join("danvan.toml"), config).unwrap();
    std::fs::write(
        root.join("models/tinh-xanh.toml"),
        "title = \"Tỉnh xanh sạch đẹp\"\nlead = \"mttq\"\nunits = [\"phuong-1\"]\nstarted = 2026-03-01\nstatus = \"active\"\n",
    )
    .unwrap();
    let out = tmp.path().join("site");
    let run = danvan()
        .records(&root)
        .args(["--color", "never", "--as-of", AS_OF, "report", "--out"])
        .arg(&out)
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let names: Vec<String> = files(&out).iter().map(|p| p.display().to_string()).collect();
    for part in [
        "index.html",
        "province/index.html",
        "province/data.json",
        "members/xa-an/index.html",
        "members/xa-binh/index.html",
    ] {
        assert!(names.contains(&part.to_owned()), "{part} missing: {names:?}");
    }
    let data: Value = serde_json::from_slice(&std::fs::read(out.join("data.json")).unwrap()).unwrap();
    assert_eq!(data["province_page"], "province/index.html");
    assert_eq!(data["rollup"]["totals"]["members"], 2, "{}", data["rollup"]["totals"]);
    let own: Value = serde_json::from_slice(&std::fs::read(out.join("province/data.json")).unwrap()).unwrap();
    assert_eq!(own["status"]["committee"], "Tỉnh ủy Thử Nghiệm");
    assert_eq!(own["status"]["counts"]["models"], 1, "{}", own["status"]["counts"]);
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        page.contains("<a href=\"province/index.html\">Hồ sơ của chính Tỉnh ủy Thử Nghiệm</a>"),
        "{page}"
    );
}

/// A file a member's folder holds but danvan does not read (`x.TOML`) is
/// said on stderr, as every command says it for one workspace: otherwise
/// the member would count it as nothing, silently.
#[test]
fn what_a_member_leaves_unread_is_said() {
    let tmp = tempfile::tempdir().unwrap();
    let copy = tmp.path().join("xa-an");
    for entry in walkdir::WalkDir::new(member("xa-an")) {
        let entry = entry.unwrap();
        let to = copy.join(entry.path().strip_prefix(member("xa-an")).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    std::fs::copy(copy.join("petitions/p-an-1.toml"), copy.join("petitions/p-an-9.TOML")).unwrap();
    let run = danvan()
        .args(["--color", "never", "--as-of", AS_OF, "rollup"])
        .arg(&copy)
        .arg(member("xa-binh"))
        .run();
    assert_eq!(run.code, 0, "a warning does not fail the run: {}", run.stderr);
    assert!(run.stderr.contains("W002"), "{}", run.stderr);
    assert!(run.stderr.contains("p-an-9.TOML"), "{}", run.stderr);
    assert!(!run.stderr.contains("MARKER"), "{}", run.stderr);
}
