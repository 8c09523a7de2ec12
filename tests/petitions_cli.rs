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
