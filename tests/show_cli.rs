//! `danvan show`: one record with its derived facts, on the hand-counted
//! fixture in tests/fixtures/browse (its files say what each record is); and
//! `show TARGET`, how a target's figure is made, on
//! tests/fixtures/progress/workspace (counted by hand in tests/progress_cli.rs).

mod common;

use common::{browse, progress};

#[test]
fn show_gives_derived_facts() {
    let v = browse(&["show", "p3", "--as-of", "2023-06-30"]).json();
    assert_eq!(v["derived"]["state"], "acceptance-overdue");
    assert_eq!(v["derived"]["acceptance_deadline"], "2023-05-12");
    assert!(v.get("petitioner").is_none());
    let v = browse(&["show", "so-ket-2022", "--as-of", "2023-06-30"]).json();
    let states: Vec<&str> = v["derived"]["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["state"].as_str().unwrap())
        .collect();
    // Done 20/3 before its due 31/3; the second is due 30/6, the day itself: due soon.
    assert_eq!(states, ["done", "due-soon"]);
    let text = browse(&["show", "dong-song", "--as-of", "2023-01-01", "--lang", "en"]).stdout();
    assert!(text.contains("not yet (recognised on 2023-05-10)"), "{text}");
}

#[test]
fn ceased_unit_leaves_the_coverage_denominator() {
    let units = |as_of: &str| -> Vec<(String, u64, bool)> {
        let v = progress(&["--as-of", as_of, "show", "dialogue-coverage"]).json();
        v["units"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| {
                (
                    u["id"].as_str().unwrap().to_owned(),
                    u["count"].as_u64().unwrap(),
                    u["covered"].as_bool().unwrap(),
                )
            })
            .collect()
    };
    let s = |id: &str| id.to_owned();
    assert_eq!(
        units("2022-12-31"),
        [(s("a"), 1, true), (s("b"), 1, true), (s("c"), 1, true)]
    );
    assert_eq!(units("2023-06-30"), [(s("a"), 1, true), (s("b"), 0, false)]);
    let v = progress(&["--as-of", "2023-06-30", "show", "dialogue-coverage"]).json();
    assert_eq!((v["numerator"].as_u64(), v["denominator"].as_u64()), (Some(1), Some(2)));
    assert_eq!(v["period"], "2023");
}

#[test]
fn share_explained_marks_the_numerator() {
    let v = progress(&["--as-of", "2022-12-31", "show", "complaints-on-time"]).json();
    let records: Vec<(&str, &str, bool)> = v["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap(),
                r["state"].as_str().unwrap(),
                r["counted"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        records,
        [
            ("p1-on-time", "resolved-on-time", true),
            ("p2-late", "resolved-late", false),
            ("p3-open", "overdue", false)
        ]
    );
    assert_eq!((v["numerator"].as_u64(), v["denominator"].as_u64()), (Some(1), Some(3)));
    assert_eq!(v["target"]["status"], "behind");
    let text = progress(&["--as-of", "2022-12-31", "show", "complaints-on-time"]).stdout();
    assert!(text.contains("1 / 3 hồ sơ × 100 = 33,3%"), "{text}");
}

#[test]
fn explanation_snapshot() {
    insta::assert_snapshot!(
        "show_dialogue_coverage_2023_06_30",
        progress(&["--as-of", "2023-06-30", "show", "dialogue-coverage"]).stdout()
    );
}

#[test]
fn show_csv_writes_codes_not_labels() {
    let csv = common::danvan()
        .args([
            "--as-of",
            "2025-06-30",
            "show",
            "2025-05-15-khieu-nai-long-hung-a",
            "--format",
            "csv",
        ])
        .run()
        .stdout;
    for wanted in [
        ",type,complaint\r",
        ",round,1\r",
        ",channel,reception\r",
        ",state,due-soon\r",
        ",days_left,7\r",
        ",handler,ubnd\r",
        ",complex,true\r",
    ] {
        assert!(csv.contains(wanted), "{wanted}: {csv}");
    }
    for label in ["khiếu nại", "tiếp công dân", "sắp đến hạn", "Ủy ban"] {
        assert!(!csv.contains(label), "{label}: {csv}");
    }
}
