//! `status`, `summary`, `list`, `show` and `petitions` on the hand-counted
//! fixture in tests/fixtures/browse (its files say what each record is).

use assert_cmd::Command;
use serde_json::Value;

fn danvan(args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("danvan")
        .unwrap()
        .args(["--records", "tests/fixtures/browse", "--color", "never"])
        .args(args)
        .env_remove("DANVAN_AS_OF")
        .env_remove("DANVAN_RECORDS")
        .assert()
}

fn stdout(args: &[&str]) -> String {
    String::from_utf8(danvan(args).success().get_output().stdout.clone()).unwrap()
}

fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&stdout(&all)).unwrap()
}

fn csv_rows(args: &[&str]) -> Vec<Vec<String>> {
    let mut all = args.to_vec();
    all.extend(["--format", "csv"]);
    let text = stdout(&all);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// (unit, year) → count from the JSON groups of a summary.
fn groups(v: &Value) -> Vec<(String, u64)> {
    v["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            let keys = g["keys"].as_object().unwrap();
            let key: Vec<&str> = keys.values().map(|k| k.as_str().unwrap()).collect();
            (key.join("/"), g["count"].as_u64().unwrap())
        })
        .collect()
}

#[test]
fn summary_by_unit_and_year_counts_by_hand() {
    // Petitions of 2023 as of 1/1/2024: p1, p3 in Tân Mỹ; p2, p4 in Hội An.
    // p5 was received in 2022 and falls outside the period.
    let v = json(&[
        "summary",
        "--kind",
        "petitions",
        "--by",
        "unit",
        "--by",
        "year",
        "--period",
        "2023",
        "--as-of",
        "2024-01-01",
    ]);
    assert_eq!(
        groups(&v),
        [("tan-my/2023".to_owned(), 2), ("hoi-an/2023".to_owned(), 2)]
    );
    assert_eq!(v["total"]["count"], 4);
    // Resolved: p1, p4. Open: p2 (overdue), p3 (acceptance overdue).
    assert_eq!(v["total"]["resolved"], 2);
    assert_eq!(v["total"]["open"], 2);
    assert_eq!(v["total"]["overdue"], 2);
}

#[test]
fn summary_by_type_with_petition_counts() {
    // Complaints p1 (on time), p2 (overdue), p5 (late); denunciation p3; recommendation p4.
    let rows = csv_rows(&[
        "summary",
        "--kind",
        "petitions",
        "--by",
        "type",
        "--as-of",
        "2024-01-01",
    ]);
    assert_eq!(rows[0], ["type", "count", "resolved", "open", "overdue"]);
    assert_eq!(rows[1], ["complaint", "3", "2", "1", "1"]);
    assert_eq!(rows[2], ["denunciation", "1", "0", "1", "1"]);
    assert_eq!(rows[3], ["recommendation", "1", "1", "0", "0"]);
    assert_eq!(rows[4], ["total", "5", "3", "2", "2"]);
}

#[test]
fn summary_of_every_kind_and_the_other_groupings() {
    // As of 1/1/2024: 3 models, 3 meetings, 5 petitions.
    let v = json(&["summary", "--as-of", "2024-01-01"]);
    assert_eq!(
        groups(&v),
        [
            ("models".to_owned(), 3),
            ("meetings".to_owned(), 3),
            ("petitions".to_owned(), 5)
        ]
    );
    // Models: Dòng sông (active, recognised 10/5/2023), Cánh đồng, Tổ tự quản.
    let v = json(&["summary", "--kind", "models", "--by", "status", "--as-of", "2024-01-01"]);
    assert_eq!(v["total"]["active"], 1);
    assert_eq!(v["total"]["recognized"], 1);
    // Before the recognition date the model is not yet recognised.
    let v = json(&["summary", "--kind", "models", "--as-of", "2023-05-09"]);
    assert_eq!(v["total"]["recognized"], 0);
    assert_eq!(v["total"]["count"], 2);
    // Meetings reached 120 + 15 citizens; the review had none recorded.
    let v = json(&["summary", "--kind", "meetings", "--by", "half", "--as-of", "2024-01-01"]);
    assert_eq!(groups(&v), [("2023-H1".to_owned(), 2), ("2023-H2".to_owned(), 1)]);
    assert_eq!(v["total"]["attendance"], 135);
    // A model in two units counts in each of them.
    let v = json(&["summary", "--kind", "models", "--by", "unit", "--as-of", "2024-01-01"]);
    assert_eq!(groups(&v), [("tan-my".to_owned(), 2), ("hoi-an".to_owned(), 2)]);
    let v = json(&[
        "summary",
        "--kind",
        "petitions",
        "--by",
        "field",
        "--by",
        "quarter",
        "--by",
        "org",
        "--as-of",
        "2024-01-01",
    ]);
    // p1 and p2 share dat-dai / 2023-Q1 / ubnd; p3, p4, p5 each have their own group.
    assert_eq!(v["groups"].as_array().unwrap().len(), 4);
    assert_eq!(v["groups"][0]["count"], 1, "groups sort by field first: can-bo (p3)");
    let v = json(&[
        "summary",
        "--kind",
        "conclusions",
        "--by",
        "org",
        "--as-of",
        "2023-07-01",
    ]);
    // The review's two tasks: UBND done on time, MTTQ overdue since 30/6.
    assert_eq!(v["total"]["done"], 1);
    assert_eq!(v["total"]["overdue"], 1);
    let v = json(&[
        "summary",
        "--kind",
        "petitions",
        "--by",
        "month",
        "--period",
        "2023-Q1",
        "--as-of",
        "2024-01-01",
    ]);
    assert_eq!(groups(&v), [("2023-02".to_owned(), 1), ("2023-03".to_owned(), 1)]);
}

#[test]
fn as_of_cuts_off_records_dated_later() {
    // On 30/6/2023 p4 (received 1/8) does not exist yet.
    let v = json(&["summary", "--kind", "petitions", "--as-of", "2023-06-30"]);
    assert_eq!(v["total"]["count"], 4);
    // DANVAN_AS_OF works like --as-of.
    let out = Command::cargo_bin("danvan")
        .unwrap()
        .args([
            "--records",
            "tests/fixtures/browse",
            "summary",
            "--kind",
            "petitions",
            "--format",
            "json",
        ])
        .env("DANVAN_AS_OF", "2023-02-15")
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["total"]["count"], 2, "p5 and p1 only");
}

#[test]
fn every_filter_and_period_form() {
    let ids = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["list"];
        all.extend(args);
        all.extend(["--as-of", "2024-01-01", "--sort", "id"]);
        json(&all)["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(ids(&["petitions", "--unit", "tan my"]), ["p1", "p3"]);
    assert_eq!(ids(&["petitions", "--unit", "XÃ HỘI AN"]), ["p2", "p4"]);
    assert_eq!(ids(&["petitions", "--org", "mttq"]), ["p4"]);
    assert_eq!(
        ids(&["petitions", "--org", "ủy ban nhân dân"]),
        ["p1", "p2", "p3", "p5"]
    );
    assert_eq!(ids(&["petitions", "--type", "complaint"]), ["p1", "p2", "p5"]);
    assert_eq!(ids(&["petitions", "--status", "overdue"]), ["p2"]);
    assert_eq!(ids(&["petitions", "--field", "dat-dai"]), ["p1", "p2"]);
    assert_eq!(ids(&["petitions", "--period", "2023-H1"]), ["p1", "p2", "p3"]);
    assert_eq!(ids(&["petitions", "--period", "2023-Q1"]), ["p1", "p2"]);
    assert_eq!(ids(&["petitions", "--period", "2023-02"]), ["p1"]);
    assert_eq!(ids(&["petitions", "--period", "2022"]), ["p5"]);
    assert_eq!(
        ids(&["petitions", "--from", "2023-03-01", "--to", "2023-05-31"]),
        ["p2", "p3"]
    );
    assert_eq!(ids(&["models", "--tag", "moi-truong"]), ["dong-song"]);
    assert_eq!(ids(&["models", "--status", "active"]), ["dong-song"]);
    assert_eq!(ids(&["meetings", "--type", "dialogue"]), ["doi-thoai-tan-my"]);
    assert_eq!(ids(&["conclusions", "--org", "mttq"]), ["so-ket-2022#2"]);
    // Kinds in the singular and in Vietnamese.
    assert_eq!(ids(&["don", "--type", "denunciation"]), ["p3"]);
    assert_eq!(ids(&["mo-hinh", "--status", "planned"]), ["to-tu-quan"]);
}

#[test]
fn bad_filters_periods_and_dates_are_usage_errors() {
    danvan(&["list", "petitions", "--unit", "tan mi"])
        .code(2)
        .stderr(predicates::str::contains("tan-my (xã Tân Mỹ)"));
    danvan(&["summary", "--org", "nobody"])
        .code(2)
        .stderr(predicates::str::contains("nobody"));
    danvan(&["summary", "--period", "2023-H3"])
        .code(2)
        .stderr(predicates::str::contains("2023-H3"));
    danvan(&["summary", "--period", "2023-7"]).code(2);
    danvan(&["summary", "--as-of", "30/6/2023"])
        .code(2)
        .stderr(predicates::str::contains("YYYY-MM-DD"));
    danvan(&["list", "people"]).code(2);
    danvan(&["list", "petitions", "--from", "2023-05-01", "--to", "2023-01-01"]).code(2);
    danvan(&["show", "nope"])
        .code(2)
        .stderr(predicates::str::contains("nope"));
}

#[test]
fn every_report_in_every_format() {
    for args in [
        vec!["status", "--as-of", "2023-06-30"],
        vec!["summary", "--as-of", "2023-06-30"],
        vec!["summary", "--by", "unit", "--by", "year", "--as-of", "2023-06-30"],
        vec!["list", "petitions", "--as-of", "2023-06-30"],
        vec!["show", "so-ket-2022", "--as-of", "2023-06-30"],
        vec!["show", "p3", "--as-of", "2023-06-30"],
        vec!["show", "dong-song", "--as-of", "2023-06-30"],
        vec!["petitions", "--as-of", "2023-06-30"],
    ] {
        let mut with = args.clone();
        with.extend(["--format", "json"]);
        let v: Value = serde_json::from_str(&stdout(&with)).unwrap_or_else(|e| panic!("{args:?}: {e}"));
        assert_eq!(v["as_of"], "2023-06-30", "{args:?}");
        let rows = csv_rows(&args);
        assert!(rows.len() > 1, "{args:?}: {rows:?}");
        assert!(rows.iter().all(|r| r.len() == rows[0].len()), "{args:?}: ragged CSV");
        let mut md = args.clone();
        md.extend(["--format", "markdown"]);
        let text = stdout(&md);
        assert!(text.starts_with("# "), "{args:?}: {text}");
        let table = stdout(&args);
        assert!(!table.contains('\x1b'), "{args:?}: colour without a terminal");
    }
}

#[test]
fn petitions_register_states_and_flags() {
    // As of 30/6/2023: p2 overdue since 14/4, p3 late for acceptance since 12/5,
    // p1 resolved on time, p5 resolved late; most urgent first.
    let v = json(&["petitions", "--as-of", "2023-06-30"]);
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
        json(args)["petitions"]
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
        json(&["petitions", "--as-of", "2023-04-10"])["petitions"][0]["state"],
        "due-soon"
    );
    assert_eq!(
        ids(&["petitions", "--as-of", "2023-04-01", "--due-within", "7"]),
        Vec::<String>::new()
    );
    danvan(&["petitions", "--state", "late"]).code(2);
}

#[test]
fn show_gives_derived_facts() {
    let v = json(&["show", "p3", "--as-of", "2023-06-30"]);
    assert_eq!(v["derived"]["state"], "acceptance-overdue");
    assert_eq!(v["derived"]["acceptance_deadline"], "2023-05-12");
    assert!(v.get("petitioner").is_none());
    let v = json(&["show", "so-ket-2022", "--as-of", "2023-06-30"]);
    let states: Vec<&str> = v["derived"]["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["state"].as_str().unwrap())
        .collect();
    // Done 20/3 before its due 31/3; the second is due 30/6, the day itself: due soon.
    assert_eq!(states, ["done", "due-soon"]);
    let text = stdout(&["show", "dong-song", "--as-of", "2023-01-01", "--lang", "en"]);
    assert!(text.contains("not yet (recognised on 2023-05-10)"), "{text}");
}

#[test]
fn languages() {
    let vi = stdout(&["summary", "--kind", "petitions"]);
    assert!(vi.starts_with("Tổng hợp: Đơn thư"), "{vi}");
    let en = stdout(&["--lang", "en", "summary", "--kind", "petitions"]);
    assert!(en.starts_with("Summary: Petitions"), "{en}");
    let en = stdout(&["--lang", "en", "status", "--as-of", "2023-06-30"]);
    assert!(en.contains("As of 2023-06-30") && en.contains("Overdue"), "{en}");
    let vi = stdout(&["status", "--as-of", "2023-06-30"]);
    assert!(vi.contains("Tính đến ngày 30/6/2023") && vi.contains("Quá hạn"), "{vi}");
}

#[test]
fn status_is_the_default_command() {
    let plain = stdout(&["--as-of", "2023-06-30"]);
    let status = stdout(&["status", "--as-of", "2023-06-30"]);
    assert_eq!(plain, status);
    let v = json(&["status", "--as-of", "2023-06-30"]);
    assert_eq!(v["counts"]["petitions"], 4);
    assert_eq!(v["counts"]["petitions_overdue"], 2);
    assert_eq!(v["counts"]["tasks_open"], 1);
    // The MTTQ task is due 30/6: today, so it is upcoming, not overdue.
    assert_eq!(v["upcoming"][0]["id"], "so-ket-2022#2");
    assert_eq!(v["upcoming"][0]["days_left"], 0);
}

#[test]
fn bundled_register_on_30_june_2023() {
    // The bundled records hold one petition in each state on 30/6/2023
    // (see the comments in those files).
    let out = Command::cargo_bin("danvan")
        .unwrap()
        .args([
            "--records",
            "records",
            "petitions",
            "--as-of",
            "2023-06-30",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
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
fn every_command_has_help_with_examples() {
    // Every subcommand clap knows, so a new command without examples fails here.
    let help = Command::cargo_bin("danvan").unwrap().arg("--help").output().unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    let commands: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter(|l| !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    assert!(commands.len() >= 15, "{commands:?}");
    for cmd in commands {
        let out = Command::cargo_bin("danvan")
            .unwrap()
            .args([cmd, "--help"])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("Examples:"), "{cmd}");
        assert!(text.matches("danvan").count() >= 3, "{cmd}: fewer than two examples");
    }
}
