//! `danvan progress` on the hand-counted fixture in
//! tests/fixtures/progress/workspace. The same fixture serves `show TARGET`
//! (tests/show_cli.rs) and the dashboard (tests/status_cli.rs); the check
//! rules on targets.toml are in tests/check_cli.rs.
//!
//! The fixture, counted by hand (every deadline is 2023-12-31):
//!
//! | record | date       | what it is                                                        |
//! |--------|------------|-------------------------------------------------------------------|
//! | m1     | 2022-01-10 | model, unit a, active, recognised district on 2022-09-01, 100 households |
//! | m2     | 2022-03-01 | model, unit b, completed 2022-06-01 (active before), 50 households |
//! | m3     | 2022-08-01 | model, units a and c, active, 200 households                      |
//! | m4     | 2023-02-01 | model, no unit, active, no households indicator                   |
//! | m5     | 2023-05-01 | model, unit b, dropped, 999 households                            |
//! | d1     | 2022-04-20 | dialogue in a                                                     |
//! | r1     | 2022-05-16 | reception in a chaired by the Secretary ("Bí thư Huyện ủy")       |
//! | r2     | 2022-06-15 | reception in b chaired by the deputy: not the Secretary's         |
//! | d2     | 2022-10-20 | dialogue in b and c                                               |
//! | d3     | 2023-03-15 | dialogue in a                                                     |
//! | p1     | 2022-03-01 | complaint, due 2022-04-06, resolved 2022-03-25: on time           |
//! | p2     | 2022-04-04 | complaint, due 2022-05-09, overdue from 05-10, resolved 06-01: late |
//! | p3     | 2022-11-01 | complaint, due 2022-12-07, never resolved: overdue from 12-08     |
//! | p4     | 2023-02-01 | complaint, due 2023-03-08, resolved 2023-03-01: on time           |
//! | p5     | 2022-06-01 | recommendation, resolved: outside the complaints                  |
//!
//! Units a and b exist throughout; c ceases on 2022-12-31.
//! The poor-households rate (manual, at most 3, baseline 5 on 2021-12-31)
//! was observed 4.6 on 2022-06-30, 3.8 on 2022-12-31, 2.9 on 2023-12-31.

mod common;
use common::{danvan, progress};
use serde_json::Value;

/// One target's object from `progress --format json` as of a date.
fn target(id: &str, as_of: &str) -> Value {
    let v = progress(&["--as-of", as_of, "progress", "--target", id]).json();
    assert_eq!(v["as_of"], as_of);
    let targets = v["targets"].as_array().unwrap();
    assert_eq!(targets.len(), 1);
    targets[0].clone()
}

/// (actual, status) of a target as of a date.
fn figure(id: &str, as_of: &str) -> (Option<f64>, String) {
    let t = target(id, as_of);
    (t["actual"].as_f64(), t["status"].as_str().unwrap().to_owned())
}

/// The JSON figure is the figure rounded to two decimals.
fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() <= 0.005 + 1e-9)
}

fn assert_figure(id: &str, as_of: &str, actual: Option<f64>, status: &str) {
    let (got, got_status) = figure(id, as_of);
    match actual {
        Some(want) => assert!(close(got, want), "{id} on {as_of}: actual {got:?}, want {want}"),
        None => assert_eq!(got, None, "{id} on {as_of}"),
    }
    assert_eq!(got_status, status, "{id} on {as_of}");
}

#[test]
fn count_from_each_record_date() {
    // Active models: m1 (2022-01-10), m3 (2022-08-01), m4 (2023-02-01); m2
    // was active from 2022-03-01 until it was completed on 2022-06-01, and
    // m5 is dropped. Goal 4 from 0 on 2021-12-31 to 2023-12-31
    // (730 days).
    // Before the first record: 0, and 0 is expected before the baseline date.
    assert_figure("active-models", "2021-06-30", Some(0.0), "on-track");
    // m1 only; expected 4 × 181/730 = 0.99.
    assert_figure("active-models", "2022-06-30", Some(1.0), "on-track");
    // Still m1 only; expected 4 × 212/730 = 1.16.
    assert_figure("active-models", "2022-07-31", Some(1.0), "behind");
    // m1 and m3; expected 2 exactly.
    assert_figure("active-models", "2022-12-31", Some(2.0), "on-track");
    // After the deadline: m1, m3, m4 = 3 < 4, missed.
    let t = target("active-models", "2024-06-30");
    assert_eq!(t["actual"], 3.0);
    assert_eq!(t["percent_of_goal"], 75.0);
    assert_eq!(t["expected"], 4.0);
    assert_eq!(t["status"], "missed");
}

#[test]
fn expected_by_now_is_on_the_line_from_baseline_to_goal() {
    let t = target("active-models", "2022-06-30");
    assert!(close(t["expected"].as_f64(), 4.0 * 181.0 / 730.0));
    assert!(close(t["percent_of_goal"].as_f64(), 25.0));
    assert_eq!(t["baseline"]["value"], 0.0);
    assert_eq!(t["baseline"]["date"], "2021-12-31");
    // Without a baseline the goal itself is expected all along.
    let t = target("complaints-on-time", "2022-06-30");
    assert_eq!(t["expected"], 80.0);
    assert_eq!(t["baseline"], Value::Null);
}

#[test]
fn recognition_counts_from_the_recognition_date() {
    // m1 started 2022-01-10 but was recognised on 2022-09-01.
    assert_figure("recognized", "2022-06-30", Some(0.0), "behind");
    assert_figure("recognized", "2022-09-01", Some(1.0), "achieved");
}

#[test]
fn count_within_the_month() {
    assert_figure("monthly-reception", "2021-06-30", Some(0.0), "behind");
    // May 2022: r1, chaired by the Secretary.
    assert_figure("monthly-reception", "2022-05-31", Some(1.0), "achieved");
    // June 2022: r2 only, chaired by the deputy; r1 is in another month.
    assert_figure("monthly-reception", "2022-06-30", Some(0.0), "behind");
    // December 2023, the deadline's month: none. Missed.
    assert_figure("monthly-reception", "2024-06-30", Some(0.0), "missed");
}

#[test]
fn share_of_complaints_resolved_on_time() {
    // Denominator: complaints resolved or overdue. No petition yet: no data.
    assert_figure("complaints-on-time", "2021-06-30", None, "no-data");
    // p1 on time, p2 late (resolved 06-01): 1/2.
    assert_figure("complaints-on-time", "2022-06-30", Some(50.0), "behind");
    // p2 overdue on 2022-05-31 (due 05-09), p1 on time: still 1/2.
    assert_figure("complaints-on-time", "2022-05-31", Some(50.0), "behind");
    // p3 open and not yet due on 2022-11-30: outside the denominator.
    assert_figure("complaints-on-time", "2022-11-30", Some(50.0), "behind");
    // p3 overdue from 2022-12-08: 1/3.
    assert_figure("complaints-on-time", "2022-12-31", Some(100.0 / 3.0), "behind");
    // p4 on time: 2/4, below 80 on the deadline.
    assert_figure("complaints-on-time", "2024-06-30", Some(50.0), "missed");
    let t = target("complaints-on-time", "2024-06-30");
    assert_eq!(t["percent_of_goal"], 62.5);
}

#[test]
fn at_most_count_of_overdue_petitions() {
    // Goal: at most 0 overdue.
    assert_figure("no-overdue", "2021-06-30", Some(0.0), "achieved");
    // p2 overdue (due 2022-05-09): 1, and 0 ÷ 1 = 0% of goal.
    assert_figure("no-overdue", "2022-05-31", Some(1.0), "behind");
    assert_eq!(target("no-overdue", "2022-05-31")["percent_of_goal"], 0.0);
    // p2 resolved on 06-01: 0 overdue is 100% of goal.
    assert_figure("no-overdue", "2022-06-30", Some(0.0), "achieved");
    assert_eq!(target("no-overdue", "2022-06-30")["percent_of_goal"], 100.0);
    // p3 overdue from 2022-12-08 and still on the deadline.
    assert_figure("no-overdue", "2022-12-31", Some(1.0), "behind");
    assert_figure("no-overdue", "2024-06-30", Some(1.0), "missed");
}

#[test]
fn coverage_of_units_with_a_dialogue_this_year() {
    // 2021: units a, b, c and no dialogue: 0/3.
    assert_figure("dialogue-coverage", "2021-06-30", Some(0.0), "behind");
    // 2022 to June: d1 in a: 1/3.
    assert_figure("dialogue-coverage", "2022-06-30", Some(100.0 / 3.0), "behind");
    // 2022: d1 in a, d2 in b and c (counts for each): 3/3.
    assert_figure("dialogue-coverage", "2022-12-31", Some(100.0), "achieved");
    // 2023: c has ceased, so the denominator is a and b; d3 in a: 1/2.
    assert_figure("dialogue-coverage", "2023-06-30", Some(50.0), "behind");
    // 2024: no dialogue, 0/2; on the deadline (2023) 1/2: missed.
    assert_figure("dialogue-coverage", "2024-06-30", Some(0.0), "missed");
}

#[test]
fn sum_of_households_over_matching_models() {
    // Active or completed: m1 100, m2 50, m3 200, m4 none; m5 (dropped) is out.
    assert_figure("households", "2021-06-30", Some(0.0), "on-track");
    // m1 + m2 = 150; expected 500 × 181/730 = 124.
    assert_figure("households", "2022-06-30", Some(150.0), "on-track");
    // m1 + m2 + m3 = 350; expected 250.
    assert_figure("households", "2022-12-31", Some(350.0), "on-track");
    // Still 350 (m4 has no indicator, m5 is dropped): missed.
    assert_figure("households", "2024-06-30", Some(350.0), "missed");
    let v = progress(&["--as-of", "2024-06-30", "show", "households"]).json();
    let lines: Vec<(&str, Option<f64>)> = v["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["id"].as_str().unwrap(), r["value"].as_f64()))
        .collect();
    assert_eq!(
        lines,
        [
            ("m1-to-tu-quan", Some(100.0)),
            ("m2-canh-dong", Some(50.0)),
            ("m3-dong-song", Some(200.0)),
            ("m4-so-tay", None)
        ]
    );
}

#[test]
fn manual_at_most_target() {
    // No observation before 2022-06-30: no data (the baseline is not one).
    assert_figure("poor-rate", "2021-06-30", None, "no-data");
    // 4.6 against 5 − 2 × 181/730 = 4.504 expected: behind (lower is better).
    assert_figure("poor-rate", "2022-06-30", Some(4.6), "behind");
    let t = target("poor-rate", "2022-06-30");
    assert!(close(t["expected"].as_f64(), 5.0 - 2.0 * 181.0 / 730.0));
    assert!(close(t["percent_of_goal"].as_f64(), 3.0 / 4.6 * 100.0));
    // 3.8 against 4.0 expected: on track.
    assert_figure("poor-rate", "2022-12-31", Some(3.8), "on-track");
    // The observation of a date holds until the next one.
    assert_figure("poor-rate", "2023-06-30", Some(3.8), "behind");
    // 2.9 ≤ 3: achieved, 3 ÷ 2.9 = 103.4% of goal; still so after the deadline.
    assert_figure("poor-rate", "2023-12-31", Some(2.9), "achieved");
    assert_figure("poor-rate", "2024-06-30", Some(2.9), "achieved");
    let v = progress(&["--as-of", "2022-12-31", "show", "poor-rate"]).json();
    let dates: Vec<&str> = v["observations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2022-06-30", "2022-12-31"], "only what was known on the date");
}

#[test]
fn every_status_on_one_date() {
    let v = progress(&["--as-of", "2022-06-30", "progress"]).json();
    let statuses: Vec<(&str, &str)> = v["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["id"].as_str().unwrap(), t["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        statuses,
        [
            ("active-models", "on-track"),
            ("recognized", "behind"),
            ("monthly-reception", "behind"),
            ("complaints-on-time", "behind"),
            ("no-overdue", "achieved"),
            ("dialogue-coverage", "behind"),
            ("households", "on-track"),
            ("poor-rate", "behind"),
        ]
    );
    // no-data and missed on other dates.
    assert_eq!(figure("complaints-on-time", "2021-06-30").1, "no-data");
    assert_eq!(figure("households", "2024-06-30").1, "missed");
}

#[test]
fn series_at_each_period_end() {
    let series = |id: &str, by: &str, as_of: &str| -> Vec<(String, String, Option<f64>)> {
        let v = progress(&["--as-of", as_of, "progress", "--by", by, "--target", id]).json();
        assert_eq!(v["by"], by);
        v["targets"][0]["series"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["period"].as_str().unwrap().to_owned(),
                    p["end"].as_str().unwrap().to_owned(),
                    p["actual"].as_f64(),
                )
            })
            .collect()
    };
    let p = |period: &str, end: &str, v: Option<f64>| (period.to_owned(), end.to_owned(), v);
    // From the year after the baseline (2021-12-31) to the deadline (2023).
    assert_eq!(
        series("active-models", "year", "2024-06-30"),
        [p("2022", "2022-12-31", Some(2.0)), p("2023", "2023-12-31", Some(3.0))]
    );
    // Up to the as-of date when earlier than the deadline; the last point is
    // taken on the as-of date, not at the end of its half.
    assert_eq!(
        series("active-models", "half", "2023-03-31"),
        [
            p("2022-H1", "2022-06-30", Some(1.0)),
            p("2022-H2", "2022-12-31", Some(2.0)),
            p("2023-H1", "2023-03-31", Some(3.0))
        ]
    );
    // Without a baseline: from the first petition (2022-03-01). Q1: p1 only
    // (on time); Q2: p1, p2 (late); Q3: the same; Q4: p3 overdue too.
    let got = series("complaints-on-time", "quarter", "2022-12-31");
    let want = [
        ("2022-Q1", "2022-03-31", 100.0),
        ("2022-Q2", "2022-06-30", 50.0),
        ("2022-Q3", "2022-09-30", 50.0),
        ("2022-Q4", "2022-12-31", 100.0 / 3.0),
    ];
    assert_eq!(got.len(), want.len(), "{got:?}");
    for (got, (period, end, value)) in got.iter().zip(want) {
        assert_eq!((got.0.as_str(), got.1.as_str()), (period, end));
        assert!(close(got.2, value), "{got:?}");
    }
    // Manual: each year-end's latest observation.
    assert_eq!(
        series("poor-rate", "year", "2024-06-30"),
        [p("2022", "2022-12-31", Some(3.8)), p("2023", "2023-12-31", Some(2.9))]
    );
    // Without --by the series is empty, but the key is there.
    assert_eq!(target("poor-rate", "2024-06-30")["series"], serde_json::json!([]));
}

#[test]
fn a_past_deadline_target_gives_the_figure_it_is_judged_on() {
    // households: goal 500 by 31/12/2023. On 30/6/2024 the figure then
    // (350) is what the status judges: "350 against 500, missed".
    let t = target("households", "2024-06-30");
    assert_eq!(
        (t["at_deadline"].as_f64(), t["goal"].as_f64()),
        (Some(350.0), Some(500.0))
    );
    assert_eq!(t["status"], "missed");
    assert_eq!(target("households", "2023-12-31")["at_deadline"], Value::Null);
}

#[test]
fn json_keys_are_stable() {
    let t = target("households", "2022-12-31");
    let mut keys: Vec<&str> = t.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "actual",
            "at_deadline",
            "baseline",
            "deadline",
            "direction",
            "expected",
            "goal",
            "id",
            "measure",
            "percent_of_goal",
            "series",
            "status",
            "title"
        ]
    );
    assert_eq!(t["measure"], "sum");
    assert_eq!(t["direction"], "at-least");
    // Before the deadline (31/12/2023) there is no figure on it yet.
    assert!(t["at_deadline"].is_null(), "{t}");
    assert_eq!(target("poor-rate", "2022-12-31")["direction"], "at-most");
}

#[test]
fn table_snapshot() {
    insta::assert_snapshot!(
        "table_2022_12_31",
        progress(&["--as-of", "2022-12-31", "progress"]).stdout()
    );
}

#[test]
fn series_table_snapshot() {
    insta::assert_snapshot!(
        "series_by_half_2024_06_30",
        progress(&["--lang", "en", "--as-of", "2024-06-30", "progress", "--by", "half"]).stdout()
    );
}

#[test]
fn every_format_has_every_target_and_its_bar() {
    let as_of = ["--as-of", "2022-12-31"];
    let csv = progress(&[&as_of[..], &["progress", "--format", "csv"]].concat()).stdout();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(
        header,
        [
            "id",
            "title",
            "baseline",
            "direction",
            "goal",
            "actual",
            "expected",
            "percent_of_goal",
            "bar",
            "status",
            "deadline"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 8);
    // households: 350 of 500, the bar 0.7 full.
    let households = rows.iter().find(|r| &r[0] == "households").unwrap();
    assert_eq!(
        (&households[5], &households[7], &households[8]),
        ("350", "70.0", "0.700")
    );
    // Codes, not words, for machines: the direction and the status.
    assert_eq!((&households[3], &households[9]), ("at-least", "on-track"));
    let poor = rows.iter().find(|r| &r[0] == "poor-rate").unwrap();
    assert_eq!((&poor[3], &poor[9]), ("at-most", "on-track"));
    let markdown = progress(&[&as_of[..], &["--lang", "en", "progress", "--format", "markdown"]].concat()).stdout();
    assert!(markdown.starts_with("# Progress against targets\n"), "{markdown}");
    assert!(markdown.contains("| households | Hộ tham gia mô hình | 0 | ≥ | 500 | 350 | 250 | 70.0% | ██████████████······ | on track | 2023-12-31 |"), "{markdown}");
    let shown = progress(&[&as_of[..], &["show", "complaints-on-time", "--format", "csv"]].concat()).stdout();
    assert_eq!(
        shown,
        "id,date,title,state,counted\r\n\
         p1-on-time,2022-03-01,,resolved-on-time,true\r\n\
         p2-late,2022-04-04,,resolved-late,false\r\n\
         p3-open,2022-11-01,,overdue,false\r\n"
    );
    let csv_by = progress(&[&as_of[..], &["progress", "--by", "year", "--format", "csv"]].concat()).stdout();
    assert!(
        csv_by.starts_with("id,title,2022,trend,direction,goal,bar,status\r\n"),
        "{csv_by}"
    );
}

#[test]
fn unknown_target_is_a_usage_error() {
    let out = progress(&["progress", "--target", "housholds"])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert!(err.contains("\"housholds\"") && err.contains("households"), "{err}");
}

#[test]
fn bundled_targets_evaluate() {
    let out = danvan()
        .records("records")
        .args([
            "--color",
            "never",
            "--as-of",
            "2025-12-31",
            "progress",
            "--by",
            "year",
            "--format",
            "json",
        ])
        .env("COLUMNS", "250")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    for t in v["targets"].as_array().unwrap() {
        assert_ne!(t["status"], "no-data", "{}", t["id"]);
        let periods: Vec<&str> = t["series"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["period"].as_str().unwrap())
            .collect();
        assert_eq!(periods, ["2021", "2022", "2023", "2024", "2025"], "{}", t["id"]);
    }
}
