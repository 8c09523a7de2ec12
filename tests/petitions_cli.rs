//! `danvan petitions`: the petition deadline register, on the hand-counted
//! fixture in tests/fixtures/browse (its files say what each record is) and
//! on the bundled records.

mod common;

use common::{browse, danvan};
use serde_json::Value;

#[test]
fn petitions_register_states_and_flags() {
    // As of 30/6/2023: p2 overdue since 14/4, p3 late for acceptance since 12/5,
    // p1 resolved on time, p5 resolved late; most urgent first.
    let v = browse(&["petitions", "--as-of", "2023-06-30"]).json();
    let got: Vec<(&str, &str)> = v["petitions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p["state"].as_str().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            ("p2", "overdue"),
            ("p3", "acceptance-overdue"),
            ("p1", "resolved-on-time"),
            ("p5", "resolved-late")
        ]
    );
    assert_eq!(v["petitions"][0]["resolution_deadline"], "2023-04-14");
    assert_eq!(v["petitions"][0]["days_left"], -77);
    assert_eq!(v["petitions"][1]["acceptance_deadline"], "2023-05-12");
    let ids = |args: &[&str]| -> Vec<String> {
        browse(args).json()["petitions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(ids(&["petitions", "--as-of", "2023-06-30", "--overdue"]), ["p2", "p3"]);
    assert_eq!(
        ids(&["petitions", "--as-of", "2023-06-30", "--state", "resolved-late"]),
        ["p5"]
    );
    // On 10/4/2023 p2 (due 14/4) is due within 7 days; p1 is resolved.
    assert_eq!(
        ids(&["petitions", "--as-of", "2023-04-10", "--due-within", "7"]),
        ["p2"]
    );
    assert_eq!(
        browse(&["petitions", "--as-of", "2023-04-10"]).json()["petitions"][0]["state"],
        "due-soon"
    );
    assert_eq!(
        ids(&["petitions", "--as-of", "2023-04-01", "--due-within", "7"]),
        Vec::<String>::new()
    );
    browse(&["petitions", "--state", "late"]).assert().code(2);
}

#[test]
fn bundled_register_on_30_june_2023() {
    // The bundled records hold one petition in each state on 30/6/2023
    // (see the comments in those files).
    let out = danvan()
        .args([
            "--records",
            "records",
            "petitions",
            "--as-of",
            "2023-06-30",
            "--format",
            "json",
        ])
        .output();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let state = |id: &str| {
        v["petitions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id)
            .map(|p| p["state"].as_str().unwrap().to_owned())
    };
    assert_eq!(
        state("2023-06-27-khieu-nai-tan-my").as_deref(),
        Some("awaiting-acceptance")
    );
    assert_eq!(
        state("2023-06-05-khieu-nai-dinh-yen").as_deref(),
        Some("acceptance-overdue")
    );
    assert_eq!(state("2023-06-12-to-cao-my-an-hung-a").as_deref(), Some("open"));
    assert_eq!(state("2023-05-29-khieu-nai-long-hung-b").as_deref(), Some("due-soon"));
    assert_eq!(state("2023-04-14-khieu-nai-vinh-thanh").as_deref(), Some("overdue"));
    assert_eq!(
        state("2023-03-02-khieu-nai-tan-my").as_deref(),
        Some("resolved-on-time")
    );
    assert_eq!(
        state("2023-01-10-khieu-nai-my-an-hung-b").as_deref(),
        Some("resolved-late")
    );
    // Received after 30/6/2023: not listed.
    assert_eq!(state("2025-05-15-khieu-nai-long-hung-a"), None);
}

/// A workspace of the browse fixture's danvan.toml with `extra` appended,
/// and petitions `(file, text)`.
fn workspace(extra: &str, petitions: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let config = std::fs::read_to_string(common::root().join("tests/fixtures/browse/danvan.toml")).unwrap();
    std::fs::write(dir.path().join("danvan.toml"), format!("{config}\n{extra}")).unwrap();
    std::fs::create_dir_all(dir.path().join("petitions")).unwrap();
    for (name, text) in petitions {
        std::fs::write(dir.path().join("petitions").join(name), text).unwrap();
    }
    dir
}

#[test]
fn a_round_is_a_complaint_s_only() {
    // Today `petitions` said 1 for a denunciation; it has no round.
    let dir = workspace(
        "",
        &[
            ("c.toml", "type = \"complaint\"\nreceived = 2023-03-01\n"),
            ("d.toml", "type = \"denunciation\"\nreceived = 2023-03-01\n"),
            ("r.toml", "type = \"recommendation\"\nreceived = 2023-03-01\n"),
        ],
    );
    let v = danvan()
        .records(dir.path())
        .args(["petitions", "--as-of", "2023-03-02"])
        .json();
    let rounds: Vec<(String, Value)> = v["petitions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap().to_owned(), p["round"].clone()))
        .collect();
    let round = |id: &str| rounds.iter().find(|(i, _)| i == id).unwrap().1.clone();
    assert_eq!(round("c"), 1);
    assert!(round("d").is_null() && round("r").is_null(), "{rounds:?}");
    for args in [&["show", "d"][..], &["show", "r"]] {
        let shown = danvan()
            .records(dir.path())
            .args(["--as-of", "2023-03-02"])
            .args(args)
            .json();
        assert!(shown["derived"]["round"].is_null(), "{shown}");
        assert!(shown["record"]["round"].is_null(), "{shown}");
    }
    let shown = danvan()
        .records(dir.path())
        .args(["--as-of", "2023-03-02", "show", "c"])
        .json();
    assert_eq!(shown["derived"]["round"], 1);
    // The export column too.
    let rows = danvan()
        .records(dir.path())
        .args(["--as-of", "2023-03-02", "export", "--kind", "petitions"])
        .csv();
    let at = rows[0].iter().position(|c| c == "round").unwrap();
    let by_id: Vec<(&str, &str)> = rows[1..].iter().map(|r| (r[0].as_str(), r[at].as_str())).collect();
    assert_eq!(by_id, [("c", "1"), ("d", ""), ("r", "")]);
}

#[test]
fn a_petition_is_counted_under_the_rules_in_force_on_the_day_it_was_received() {
    // From 1/7/2023 the workspace counts a first complaint's resolution in
    // 20 working days (as if an amendment had said so). Both complaints
    // are accepted on Mon 2023-07-10:
    // - received Fri 30/6: the law's 30 calendar days → Wed 9/8;
    // - received Mon 3/7: 20 working days, Jul 11–14 (4), 17–21 (9),
    //   24–28 (14), 31/7–4/8 (19), Mon 7/8 (20).
    let dir = workspace(
        "[rules]\n[[rules.from]]\ndate = 2023-07-01\ncomplaint_resolution = { days = 20, count = \"working\" }\n",
        &[
            (
                "before.toml",
                "type = \"complaint\"\nreceived = 2023-06-30\naccepted = 2023-07-10\n",
            ),
            (
                "after.toml",
                "type = \"complaint\"\nreceived = 2023-07-03\naccepted = 2023-07-10\n",
            ),
        ],
    );
    let v = danvan()
        .records(dir.path())
        .args(["petitions", "--as-of", "2023-07-20"])
        .json();
    let due = |id: &str| {
        v["petitions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id)
            .map(|p| p["resolution_deadline"].as_str().unwrap().to_owned())
            .unwrap()
    };
    assert_eq!(due("before"), "2023-08-09");
    assert_eq!(due("after"), "2023-08-07");
    // `show` names the set a petition is counted under.
    let shown = danvan()
        .records(dir.path())
        .args(["--as-of", "2023-07-20", "show", "after"])
        .json();
    assert_eq!(shown["derived"]["rules_from"], "2023-07-01");
    let shown = danvan()
        .records(dir.path())
        .args(["--as-of", "2023-07-20", "show", "before"])
        .json();
    assert!(shown["derived"]["rules_from"].is_null());
    let text = danvan()
        .records(dir.path())
        .args(["--lang", "en", "--as-of", "2023-07-20", "show", "after"])
        .stdout();
    assert!(
        text.contains("the set in force from 2023-07-01 ([[rules.from]] in danvan.toml)"),
        "{text}"
    );
}

#[test]
fn provisional_deadlines_in_json_csv_and_on_screen() {
    // The browse calendar lists 2022 and 2023. A complaint accepted Fri
    // 2023-12-15: 30 days → Sun 2024-01-14 → Mon 2024-01-15, asked of
    // 2024, which the calendar does not list: provisional. Its acceptance
    // (Fri 8/12 + 10 = Mon 18/12) is not.
    let dir = workspace(
        "",
        &[(
            "p.toml",
            "type = \"complaint\"\nreceived = 2023-12-08\naccepted = 2023-12-15\n",
        )],
    );
    let v = danvan()
        .records(dir.path())
        .args(["petitions", "--as-of", "2023-12-20"])
        .json();
    let p = &v["petitions"][0];
    assert_eq!(p["resolution_deadline"], "2024-01-15");
    assert_eq!(
        (
            &p["acceptance_provisional"],
            &p["resolution_provisional"],
            &p["provisional"]
        ),
        (&Value::Bool(false), &Value::Bool(true), &Value::Bool(true))
    );
    let rows = danvan()
        .records(dir.path())
        .args(["petitions", "--as-of", "2023-12-20"])
        .csv();
    let col = |name: &str| rows[0].iter().position(|c| c == name).unwrap();
    assert_eq!(rows[1][col("resolution_deadline")], "2024-01-15");
    assert_eq!(rows[1][col("resolution_provisional")], "true");
    assert_eq!(rows[1][col("acceptance_provisional")], "false");
    // A table and Markdown for people: the marker, the legend, no flag columns.
    for format in ["table", "markdown"] {
        let text = danvan()
            .records(dir.path())
            .args(["--lang", "en", "petitions", "--as-of", "2023-12-20", "--format", format])
            .stdout();
        assert!(text.contains("2024-01-15 †"), "{format}: {text}");
        assert!(
            text.contains("† provisional: the deadline depends on the days off of a year [calendar] does not list"),
            "{text}"
        );
        assert!(
            !text.contains("provisional\n") && !text.contains("Resolve by: provisional"),
            "{text}"
        );
    }
    // Listing 2024 removes the mark.
    let dir = workspace(
        "",
        &[(
            "p.toml",
            "type = \"complaint\"\nreceived = 2023-12-08\naccepted = 2023-12-15\n",
        )],
    );
    let config = dir.path().join("danvan.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, text.replace("2023-09-04,", "2023-09-04, 2024-01-01,")).unwrap();
    let v = danvan()
        .records(dir.path())
        .args(["petitions", "--as-of", "2023-12-20"])
        .json();
    assert_eq!(v["petitions"][0]["resolution_provisional"], false);
    assert_eq!(v["petitions"][0]["resolution_deadline"], "2024-01-15");
}

#[test]
fn deny_overdue_on_the_register() {
    let run = browse(&[
        "petitions",
        "--as-of",
        "2023-06-30",
        "--deny",
        "overdue",
        "--format",
        "github",
    ])
    .run();
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout
            .lines()
            .all(|l| l.starts_with("::warning ") || l.starts_with("::notice "))
    );
    assert!(run.stdout.lines().any(|l| l.starts_with("::warning ")));
    // Filtered to what is not late, the register passes.
    let run = browse(&[
        "petitions",
        "--as-of",
        "2023-06-30",
        "--state",
        "resolved-on-time",
        "--deny",
        "overdue",
    ])
    .run();
    assert_eq!(run.code, 0, "{run:?}");
}
