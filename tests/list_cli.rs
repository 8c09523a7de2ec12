//! `danvan list`, and the filters and periods it shares with `summary`,
//! `petitions` and `conclusions`, on the hand-counted fixture in
//! tests/fixtures/browse (its files say what each record is).

mod common;

use common::browse;

#[test]
fn every_filter_and_period_form() {
    let ids = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["list"];
        all.extend(args);
        all.extend(["--as-of", "2024-01-01", "--sort", "id"]);
        browse(&all).json()["rows"]
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
    browse(&["list", "petitions", "--unit", "tan mi"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("tan-my (xã Tân Mỹ)"));
    browse(&["summary", "--org", "nobody"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("nobody"));
    browse(&["summary", "--period", "2023-H3"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("2023-H3"));
    browse(&["summary", "--period", "2023-7"]).assert().code(2);
    browse(&["summary", "--as-of", "30/6/2023"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("YYYY-MM-DD"));
    browse(&["list", "people"]).assert().code(2);
    browse(&["list", "petitions", "--from", "2023-05-01", "--to", "2023-01-01"])
        .assert()
        .code(2);
    browse(&["show", "nope"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("nope"));
}

#[test]
fn a_petition_s_provisional_deadline_in_the_list() {
    let list = |format: &str| {
        common::danvan()
            .records("examples/commune")
            .args([
                "--lang",
                "en",
                "--as-of",
                "2026-12-01",
                "list",
                "petitions",
                "--format",
                format,
            ])
            .env("COLUMNS", "250")
            .stdout()
    };
    let v: serde_json::Value = serde_json::from_str(&list("json")).unwrap();
    let row = |id: &str| {
        v["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap()
            .clone()
    };
    let p = row("2026-11-23-khieu-nai-lan-hai-xa-lap-vo");
    assert_eq!(
        (p["deadline"].as_str(), p["provisional"].as_bool()),
        (Some("2027-01-29"), Some(true))
    );
    assert_eq!(row("2026-11-09-khieu-nai-xa-lap-vo")["provisional"], false);
    // Meetings have no such key.
    let meetings = common::danvan()
        .records("examples/commune")
        .args(["--as-of", "2026-12-01", "list", "meetings"])
        .json();
    assert!(meetings["rows"][0].get("provisional").is_none());
    let table = list("table");
    assert!(
        table.contains("2027-01-29 †") && table.contains("† provisional"),
        "{table}"
    );
    let csv = list("csv");
    assert!(csv.lines().next().unwrap().contains(",provisional,"), "{csv}");
}

#[test]
fn list_csv_has_whole_titles_and_unit_ids() {
    let csv = common::danvan()
        .args(["--as-of", "2025-06-30", "list", "petitions", "--format", "csv"])
        .run()
        .stdout;
    assert!(!csv.contains('…'), "{csv}");
    // The units column holds ids, not names.
    assert!(csv.contains(",dinh-an,resolved-on-time,"), "{csv}");
    assert!(!csv.contains(",xã "), "unit names in CSV: {csv}");
}

/// A filter word of a closed set that is none of its words is a usage
/// error (exit 2) with the closest word and the allowed ones: before,
/// `--status actve` printed "0 hồ sơ" and exit 0, so a typo read as
/// "nothing overdue". A free word (`--tag`, `--field`) that no record holds
/// is said on stderr.
#[test]
fn filter_values_are_checked() {
    for (args, said) in [
        (
            vec!["list", "petitions", "--status", "overdeu"],
            "did you mean `overdue`?",
        ),
        (vec!["list", "models", "--status", "actve"], "did you mean `active`?"),
        (vec!["list", "meetings", "--type", "foo"], "the values are: review"),
        (
            vec!["summary", "--kind", "petitions", "--type", "complain"],
            "did you mean `complaint`?",
        ),
        (
            vec!["petitions", "--status", "late"],
            "the values are: awaiting-acceptance",
        ),
        (vec!["conclusions", "--status", "don"], "did you mean `done`?"),
        (vec!["petitions", "--state", "du-soon"], "did you mean `due-soon`?"),
        (vec!["list", "petitionz"], "did you mean `petitions`?"),
    ] {
        let out = common::browse(&["--lang", "en"]).args(&args).run();
        assert_eq!(out.code, 2, "{args:?}: {}", out.stdout);
        assert!(out.stderr.contains(said), "{args:?}: {}", out.stderr);
    }
    let out = common::browse(&["--lang", "en", "list", "petitions", "--field", "nosuch"]).run();
    assert_eq!(out.code, 0);
    assert!(
        out.stderr.contains("no petition is in the field `nosuch`"),
        "{}",
        out.stderr
    );
    let out = common::browse(&["--lang", "en", "list", "models", "--tag", "nosuch"]).run();
    assert!(out.stderr.contains("no model has the tag `nosuch`"), "{}", out.stderr);
    // Words of the right kind pass, accents and case aside.
    let out = common::browse(&["list", "petitions", "--status", "Overdue", "--type", "complaint"]).run();
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
}
