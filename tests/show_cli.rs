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

/// `every = "month"` (Quy định 11-QĐi/TW): the bundled target counts the
/// months from 1/1/2021 with at least one reception chaired by the Bí thư
/// Huyện ủy. Counted by hand from records/meetings: 2021 March and May (2);
/// 2022 March, June, September, November (4); 2023 every month (12); 2024
/// March, June, September, November (4); 2025 January to June (6): 28 of
/// the 54 months to 30/6/2025.
#[test]
fn show_every_lists_its_months() {
    let run = |as_of: &str| {
        common::danvan()
            .records("records")
            .args(["--as-of", as_of, "show", "qd11-tiep-cong-dan"])
            .json()
    };
    let v = run("2025-06-30");
    assert_eq!(
        (v["numerator"].as_u64(), v["denominator"].as_u64()),
        (Some(28), Some(54))
    );
    // JSON figures are rounded to two decimals.
    assert!((v["target"]["actual"].as_f64().unwrap() - 28.0 / 54.0 * 100.0).abs() < 0.005);
    assert_eq!(v["definition"]["measure"], "every");
    assert_eq!(v["definition"]["every"], "month");
    let periods = v["periods"].as_array().unwrap();
    assert_eq!(periods.len(), 54);
    assert_eq!(periods[0]["period"], "2021-01");
    assert_eq!(periods[0]["met"], false);
    assert_eq!(periods[2]["period"], "2021-03");
    assert_eq!(periods[2]["records"][0], "2021-03-15-tiep-cong-dan");
    let met_2023 = periods
        .iter()
        .filter(|p| p["period"].as_str().unwrap().starts_with("2023-") && p["met"] == true)
        .count();
    assert_eq!(met_2023, 12);
    // On 10/7/2025 July is running without a reception: not counted yet.
    let v = run("2025-07-10");
    assert_eq!(
        (v["numerator"].as_u64(), v["denominator"].as_u64()),
        (Some(28), Some(54))
    );
    let last = v["periods"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (
            last["period"].as_str(),
            last["running"].as_bool(),
            last["counted"].as_bool()
        ),
        (Some("2025-07"), Some(true), Some(false))
    );
    // The text names each month, met or not.
    let text = common::danvan()
        .records("records")
        .args([
            "--color",
            "never",
            "--as-of",
            "2025-06-30",
            "show",
            "qd11-tiep-cong-dan",
        ])
        .env("COLUMNS", "200")
        .stdout();
    assert!(text.contains("28 / 54 tháng đạt × 100 = 51,9%"), "{text}");
    assert!(text.contains("Tháng 1/2021") && text.contains("Tháng 6/2025"), "{text}");
}

#[test]
fn a_petition_s_provisional_deadline_and_extensions() {
    let show = |id: &str, format: &str| {
        common::danvan()
            .records("examples/commune")
            .args(["--lang", "en", "--as-of", "2026-12-01", "show", id, "--format", format])
            .stdout()
    };
    let v: serde_json::Value = serde_json::from_str(&show("2026-11-20-khieu-nai-xa-lap-vo", "json")).unwrap();
    let d = &v["derived"];
    assert_eq!(
        (d["resolution_deadline"].as_str(), d["resolution_provisional"].as_bool()),
        (Some("2027-01-11"), Some(true))
    );
    assert_eq!(
        (d["acceptance_provisional"].as_bool(), d["provisional"].as_bool()),
        (Some(false), Some(true))
    );
    let text = show("2026-11-20-khieu-nai-xa-lap-vo", "table");
    assert!(
        text.contains("2027-01-11 †") && text.contains("† provisional:"),
        "{text}"
    );
    // An especially complex denunciation extended by 30, then 20 days.
    let v: serde_json::Value = serde_json::from_str(&show("2026-09-14-to-cao-xa-lap-vo", "json")).unwrap();
    assert_eq!(v["derived"]["extension_days"], serde_json::json!([30, 20]));
    assert_eq!(
        v["record"]["extensions"],
        serde_json::json!(["2026-10-19", { "date": "2026-11-18", "days": 20 }])
    );
    let text = show("2026-09-14-to-cao-xa-lap-vo", "table");
    assert!(text.contains("especially complex"), "{text}");
    assert!(
        text.contains("2026-11-18 (+20 days)") && text.contains("2026-12-10"),
        "{text}"
    );
    assert!(!text.contains('†'), "{text}");
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
