//! The national roll-up of examples/rollup/: two generated workspaces
//! (examples/generate.rs), each a commune of its own province, exported
//! with `danvan export --format jsonl`, loaded into DuckDB (the `duckdb`
//! Python package, which .ci/run installs; under CI=true its absence fails
//! the test), and the named queries of national.sql checked against
//! `danvan rollup --format json` over the same two workspaces.

mod common;
use common::danvan;
use serde_json::Value;
use std::collections::BTreeMap;

#[path = "../examples/generate.rs"]
#[allow(dead_code)]
mod generate;

const AS_OF: &str = "2026-11-30";

/// The two communes: (folder, committee, province, seed).
const COMMUNES: [(&str, &str, &str, u64); 2] = [
    ("xa-mot", "Đảng ủy xã Một", "Đảng bộ tỉnh Một", 3),
    ("xa-hai", "Đảng ủy xã Hai", "Đảng bộ tỉnh Hai", 4),
];

fn int(v: &Value) -> i64 {
    v.as_i64()
        .or_else(|| v.as_f64().map(|f| f as i64))
        .unwrap_or_else(|| panic!("not a number: {v}"))
}

#[test]
fn the_national_sql_in_duckdb_agrees_with_danvan_rollup() {
    let Some(python) = common::require_python_module("duckdb") else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let mut folders = Vec::new();
    for (id, committee, province, seed) in COMMUNES {
        let ws = tmp.path().join("communes").join(id);
        generate::generate(&generate::Options::new(400, &ws, seed).named(committee, province)).unwrap();
        danvan()
            .records(&ws)
            .args(["--as-of", AS_OF, "export", "--format", "jsonl", "--out"])
            .arg(tmp.path().join("exports").join(id))
            .assert()
            .success();
        folders.push(ws);
    }
    let out = common::isolated(&python)
        .arg(common::root().join("examples/rollup/run.py"))
        .arg(tmp.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let sql: Value = serde_json::from_slice(&out.stdout).unwrap();
    let rollup = danvan()
        .args(["--as-of", AS_OF, "rollup"])
        .args(&folders)
        .args(["--by", "committee", "--by", "type", "--kind", "petitions"])
        .json();
    assert_eq!(rollup["totals"]["counted"], 2);

    // The national totals are the roll-up's.
    let national = &sql["national_totals"][0];
    let totals = &rollup["totals"];
    assert!(
        int(&totals["petitions"]) > 100,
        "a roll-up with something in it: {totals}"
    );
    for (column, key) in [
        ("committees", "counted"),
        ("petitions", "petitions"),
        ("open_petitions", "petitions_open"),
        ("overdue_petitions", "petitions_overdue"),
        ("resolved", "petitions_resolved"),
        ("resolved_on_time", "petitions_on_time"),
    ] {
        assert_eq!(int(&national[column]), int(&totals[key]), "{column}");
    }
    let share = |v: &Value| v.as_f64().unwrap();
    assert!((share(&national["on_time_share"]) - share(&totals["on_time_share"])).abs() < 1e-9);

    // By province: each is one commune here, so its figures are the member's.
    let members = rollup["members"].as_array().unwrap();
    for (row, (id, _, province, _)) in COMMUNES.iter().enumerate() {
        let figures = &members[row]["figures"];
        assert_eq!(members[row]["id"], *id);
        let by_province = sql["on_time_share_by_province"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["province"] == *province)
            .unwrap();
        assert_eq!(
            int(&by_province["resolved"]),
            int(&figures["petitions_resolved"]),
            "{province}"
        );
        assert_eq!(
            int(&by_province["resolved_on_time"]),
            int(&figures["petitions_on_time"]),
            "{province}"
        );
        assert!((share(&by_province["on_time_share"]) - share(&figures["on_time_share"])).abs() < 1e-9);
    }

    // Petitions by province and type: the roll-up's --by committee --by type.
    let of_committee: BTreeMap<&str, &str> = COMMUNES.iter().map(|(id, _, p, _)| (*id, *p)).collect();
    let mut from_rollup: BTreeMap<(String, String), i64> = BTreeMap::new();
    for g in rollup["summary"]["groups"].as_array().unwrap() {
        let province = of_committee[g["keys"]["committee"].as_str().unwrap()];
        let key = (province.to_owned(), g["keys"]["type"].as_str().unwrap().to_owned());
        *from_rollup.entry(key).or_default() += int(&g["count"]);
    }
    let from_sql: BTreeMap<(String, String), i64> = sql["petitions_by_province_and_type"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                (
                    r["province"].as_str().unwrap().to_owned(),
                    r["type"].as_str().unwrap().to_owned(),
                ),
                int(&r["petitions"]),
            )
        })
        .collect();
    assert_eq!(from_sql, from_rollup);
    assert_eq!(from_sql.len(), 6, "three types in each of two provinces");

    // Targets' status counts.
    let tally = |v: &Value, id_key: &str| -> BTreeMap<String, [i64; 6]> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|t| {
                let n = |k: &str| int(&t[k]);
                (
                    t[id_key].as_str().unwrap().to_owned(),
                    [
                        n("committees"),
                        n("achieved"),
                        n("on_track"),
                        n("behind"),
                        n("missed"),
                        n("no_data"),
                    ],
                )
            })
            .collect()
    };
    let targets = tally(&sql["target_status_counts"], "target");
    assert_eq!(targets, tally(&rollup["targets"], "id"));
    assert!(targets.len() >= 5, "{targets:?}");
    let by_status: i64 = sql["target_status_by_province"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| int(&r["targets"]))
        .sum();
    assert_eq!(by_status, 2 * targets.len() as i64);
}
