//! `danvan summary` on the hand-counted fixture in tests/fixtures/browse
//! (its files say what each record is).

mod common;

use common::{browse, danvan};
use serde_json::Value;

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
    let v = browse(&[
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
    ])
    .json();
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
    let rows = browse(&[
        "summary",
        "--kind",
        "petitions",
        "--by",
        "type",
        "--as-of",
        "2024-01-01",
    ])
    .csv();
    assert_eq!(rows[0], ["type", "count", "resolved", "open", "overdue"]);
    assert_eq!(rows[1], ["complaint", "3", "2", "1", "1"]);
    assert_eq!(rows[2], ["denunciation", "1", "0", "1", "1"]);
    assert_eq!(rows[3], ["recommendation", "1", "1", "0", "0"]);
    assert_eq!(rows[4], ["total", "5", "3", "2", "2"]);
}

#[test]
fn summary_of_every_kind_and_the_other_groupings() {
    // As of 1/1/2024: 3 models, 3 meetings, 5 petitions.
    let v = browse(&["summary", "--as-of", "2024-01-01"]).json();
    assert_eq!(
        groups(&v),
        [
            ("models".to_owned(), 3),
            ("meetings".to_owned(), 3),
            ("petitions".to_owned(), 5)
        ]
    );
    // Models: Dòng sông (active, recognised 10/5/2023), Cánh đồng, Tổ tự quản.
    let v = browse(&["summary", "--kind", "models", "--by", "status", "--as-of", "2024-01-01"]).json();
    assert_eq!(v["total"]["active"], 1);
    assert_eq!(v["total"]["recognized"], 1);
    // Before the recognition date the model is not yet recognised.
    let v = browse(&["summary", "--kind", "models", "--as-of", "2023-05-09"]).json();
    assert_eq!(v["total"]["recognized"], 0);
    assert_eq!(v["total"]["count"], 2);
    // Meetings reached 120 + 15 citizens; the review had none recorded.
    let v = browse(&["summary", "--kind", "meetings", "--by", "half", "--as-of", "2024-01-01"]).json();
    assert_eq!(groups(&v), [("2023-H1".to_owned(), 2), ("2023-H2".to_owned(), 1)]);
    assert_eq!(v["total"]["attendance"], 135);
    // A model in two units counts in each of them.
    let v = browse(&["summary", "--kind", "models", "--by", "unit", "--as-of", "2024-01-01"]).json();
    assert_eq!(groups(&v), [("tan-my".to_owned(), 2), ("hoi-an".to_owned(), 2)]);
    let v = browse(&[
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
    ])
    .json();
    // p1 and p2 share dat-dai / 2023-Q1 / ubnd; p3, p4, p5 each have their own group.
    assert_eq!(v["groups"].as_array().unwrap().len(), 4);
    assert_eq!(v["groups"][0]["count"], 1, "groups sort by field first: can-bo (p3)");
    let v = browse(&[
        "summary",
        "--kind",
        "conclusions",
        "--by",
        "org",
        "--as-of",
        "2023-07-01",
    ])
    .json();
    // The review's two tasks: UBND done on time, MTTQ overdue since 30/6.
    assert_eq!(v["total"]["done"], 1);
    assert_eq!(v["total"]["overdue"], 1);
    let v = browse(&[
        "summary",
        "--kind",
        "petitions",
        "--by",
        "month",
        "--period",
        "2023-Q1",
        "--as-of",
        "2024-01-01",
    ])
    .json();
    assert_eq!(groups(&v), [("2023-02".to_owned(), 1), ("2023-03".to_owned(), 1)]);
}

#[test]
fn as_of_cuts_off_records_dated_later() {
    // On 30/6/2023 p4 (received 1/8) does not exist yet.
    let v = browse(&["summary", "--kind", "petitions", "--as-of", "2023-06-30"]).json();
    assert_eq!(v["total"]["count"], 4);
    // DANVAN_AS_OF works like --as-of.
    let out = danvan()
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
        .output();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["total"]["count"], 2, "p5 and p1 only");
}

#[test]
fn ceased_units_fold_into_their_successors() {
    // The bundled district workspace: 13 units until 30/6/2025, 3 new
    // communes from 1/7/2025, 10 of the old ones with `merged_into`.
    let by_unit = |fold: bool| -> Vec<(String, u64)> {
        let mut args = vec![
            "--records",
            "records",
            "--as-of",
            "2025-12-31",
            "summary",
            "--kind",
            "petitions",
            "--by",
            "unit",
        ];
        if fold {
            args.push("--fold-merged");
        }
        danvan().args(&args).json()["groups"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| {
                (
                    g["keys"]["unit"].as_str().unwrap().to_owned(),
                    g["count"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let plain = by_unit(false);
    let folded = by_unit(true);
    let units: Vec<&str> = folded.iter().map(|(u, _)| u.as_str()).collect();
    // Định An and Định Yên have no merged_into (unconfirmed): they stay.
    assert_eq!(
        units,
        [
            "dinh-an",
            "dinh-yen",
            "xa-lap-vo",
            "xa-my-an-hung",
            "xa-tan-khanh-trung"
        ]
    );
    let count = |groups: &[(String, u64)], ids: &[&str]| -> u64 {
        groups
            .iter()
            .filter(|(u, _)| ids.contains(&u.as_str()))
            .map(|(_, n)| n)
            .sum()
    };
    // Lấp Vò = thị trấn Lấp Vò + Bình Thành + Vĩnh Thạnh + Bình Thạnh Trung.
    assert_eq!(
        count(&folded, &["xa-lap-vo"]),
        count(
            &plain,
            &["lap-vo", "binh-thanh", "vinh-thanh", "binh-thanh-trung", "xa-lap-vo"]
        )
    );
    assert_eq!(folded.iter().map(|(_, n)| n).sum::<u64>(), 52);
    // The same filter: a new commune covers the units merged into it.
    let listed = danvan()
        .args([
            "--records",
            "records",
            "--as-of",
            "2025-12-31",
            "list",
            "petitions",
            "--unit",
            "xa-tan-khanh-trung",
        ])
        .json();
    assert_eq!(
        listed["rows"].as_array().unwrap().len() as u64,
        count(&folded, &["xa-tan-khanh-trung"])
    );
}

#[test]
fn two_units_of_one_name_are_told_apart() {
    // The old xã Tân Khánh Trung (until 30/6/2025) and the new one.
    let models_by_unit = |lang: &str, fold: &[&str]| {
        danvan()
            .args(["--records", "records", "--lang", lang, "--as-of", "2025-12-31"])
            .args(["summary", "--kind", "models", "--by", "unit"])
            .args(fold)
            .env("COLUMNS", "200")
            .stdout()
    };
    let text = models_by_unit("vi", &[]);
    assert!(text.contains("xã Tân Khánh Trung (đến 30/6/2025)"), "{text}");
    assert!(models_by_unit("en", &[]).contains("xã Tân Khánh Trung (until 2025-06-30)"));
    // Folded, the old one is counted in the new one.
    let folded = models_by_unit("en", &["--fold-merged"]);
    assert!(!folded.contains("(until 2025-06-30)"), "{folded}");
    // The export's unit names too.
    let rows = danvan()
        .args([
            "--records",
            "records",
            "--lang",
            "en",
            "--as-of",
            "2025-12-31",
            "export",
            "--kind",
            "models",
        ])
        .csv();
    let names = rows[0].iter().position(|c| c == "unit_names").unwrap();
    assert!(
        rows.iter()
            .any(|r| r[names].contains("xã Tân Khánh Trung (until 2025-06-30)")),
        "{rows:?}"
    );
}
