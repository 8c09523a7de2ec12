//! `danvan conclusions`: the register of assigned tasks, on the fixture in
//! tests/fixtures/conclusions, whose meeting files say by hand what state
//! each task is in on which date.

mod common;
use common::{Danvan, danvan};
use serde_json::Value;

const FIXTURE: &str = "tests/fixtures/conclusions";
const T1: &str = "2022-07-12-so-ket#1";
const T2: &str = "2022-07-12-so-ket#2";
const T3: &str = "2022-07-12-so-ket#3";
const T4: &str = "2022-07-12-so-ket#4";
const D1: &str = "2022-12-15-doi-thoai-tan-my#1";

/// `danvan --records tests/fixtures/conclusions --color never ARGS…`.
fn fixture(args: &[&str]) -> Danvan {
    danvan().records(FIXTURE).args(["--color", "never"]).args(args)
}

fn json(as_of: &str, extra: &[&str]) -> Value {
    let mut args = vec!["conclusions", "--as-of", as_of, "--format", "json"];
    args.extend(extra);
    serde_json::from_str(&fixture(&args).stdout()).unwrap()
}

/// (id, state) of every listed task, in the register's order.
fn states(as_of: &str, extra: &[&str]) -> Vec<(String, String)> {
    json(as_of, extra)["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["id"].as_str().unwrap().to_owned(),
                t["state"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

fn task<'v>(v: &'v Value, id: &str) -> &'v Value {
    v["tasks"].as_array().unwrap().iter().find(|t| t["id"] == id).unwrap()
}

#[test]
fn before_any_due_date_everything_is_open() {
    // The dialogue of 15/12 has not happened yet: its task is not listed.
    // Open tasks are ordered by the days left, undated last.
    assert_eq!(
        states("2022-08-01", &[]),
        pairs(&[(T1, "open"), (T2, "open"), (T3, "open"), (T4, "open")])
    );
    // A task done later is not done yet on this date.
    let v = json("2022-08-01", &[]);
    assert_eq!(task(&v, T1)["done"], Value::Null);
    assert_eq!(task(&v, T1)["days_left"], 60);
}

#[test]
fn within_the_due_soon_window() {
    // #2 is due 31/10: 5 days left on 26/10, within the default 7.
    let v = json("2022-10-26", &[]);
    assert_eq!(task(&v, T2)["state"], "due-soon");
    assert_eq!(task(&v, T2)["days_left"], 5);
    assert_eq!(
        states("2022-10-26", &[]),
        pairs(&[(T2, "due-soon"), (T3, "open"), (T4, "open"), (T1, "done")])
    );
    // Exactly 7 days before is still due soon; 8 days before is not.
    assert_eq!(task(&json("2022-10-24", &[]), T2)["state"], "due-soon");
    assert_eq!(task(&json("2022-10-23", &[]), T2)["state"], "open");
    // --due-within narrows or widens the window.
    assert_eq!(task(&json("2022-10-26", &["--due-within", "3"]), T2)["state"], "open");
    let v = json("2022-10-20", &["--due-within", "14"]);
    assert_eq!(task(&v, T2)["state"], "due-soon");
    assert_eq!(v["due_within"], 14);
}

#[test]
fn after_the_due_date() {
    let v = json("2022-11-05", &[]);
    assert_eq!(task(&v, T2)["state"], "overdue");
    assert_eq!(task(&v, T2)["days_late"], 5);
    assert_eq!(task(&v, T2)["days_left"], -5);
    // The day after the due date is the first day overdue.
    assert_eq!(task(&json("2022-11-01", &[]), T2)["state"], "overdue");
    assert_eq!(task(&json("2022-10-31", &[]), T2)["state"], "due-soon");
}

#[test]
fn done_on_time() {
    let v = json("2022-09-15", &[]);
    assert_eq!(task(&v, T1)["state"], "done");
    assert_eq!(task(&v, T1)["done"], "2022-09-15");
    assert_eq!(task(&v, T1)["days_left"], Value::Null);
    // The day before it was reported done, it was open (and 16 days from due).
    assert_eq!(task(&json("2022-09-14", &[]), T1)["state"], "open");
}

#[test]
fn done_late() {
    let v = json("2022-11-15", &[]);
    assert_eq!(task(&v, T2)["state"], "done-late");
    assert_eq!(task(&v, T2)["done"], "2022-11-10");
    assert_eq!(task(&v, T2)["days_late"], 10);
    assert_eq!(task(&v, T2)["days_left"], Value::Null);
}

#[test]
fn most_urgent_first() {
    // Overdue, due soon, open, done late, done.
    assert_eq!(
        states("2023-01-10", &[]),
        pairs(&[
            (T3, "overdue"),
            (D1, "due-soon"),
            (T4, "open"),
            (T2, "done-late"),
            (T1, "done")
        ])
    );
    let v = json("2023-01-10", &[]);
    let counts: Vec<(String, u64)> = v["states"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["state"].as_str().unwrap().to_owned(), c["count"].as_u64().unwrap()))
        .collect();
    let expected: Vec<(String, u64)> = [
        ("overdue", 1),
        ("due-soon", 1),
        ("open", 1),
        ("done-late", 1),
        ("done", 1),
    ]
    .map(|(s, n)| (s.to_owned(), n))
    .into();
    assert_eq!(counts, expected);
}

#[test]
fn json_keys_are_stable_english() {
    let v = json("2023-01-10", &[]);
    assert_eq!(v["as_of"], "2023-01-10");
    assert_eq!(v["due_within"], 7);
    let t = task(&v, T3);
    let mut keys: Vec<&str> = t.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "assignee",
            "assignee_name",
            "days_late",
            "days_left",
            "done",
            "due",
            "id",
            "meeting",
            "meeting_date",
            "notice",
            "number",
            "state",
            "text"
        ]
    );
    assert_eq!(t["assignee"], "ubnd");
    assert_eq!(t["assignee_name"], "Ủy ban nhân dân huyện");
    assert_eq!(t["meeting"], "2022-07-12-so-ket");
    assert_eq!(t["meeting_date"], "2022-07-12");
    assert_eq!(t["notice"], "245-TB/HU");
    assert_eq!(t["number"], 3);
    assert_eq!(t["due"], "2022-12-31");
    assert_eq!(task(&v, D1)["notice"], Value::Null);
}

#[test]
fn filters_by_state_org_unit_and_period() {
    let ids = |extra: &[&str]| -> Vec<String> { states("2023-01-10", extra).into_iter().map(|(id, _)| id).collect() };
    assert_eq!(ids(&["--state", "overdue", "--state", "due-soon"]), [T3, D1]);
    assert_eq!(ids(&["--state", "done-late"]), [T2]);
    // --status (the shared filter) means the same for tasks.
    assert_eq!(ids(&["--status", "overdue"]), [T3]);
    assert_eq!(ids(&["--org", "ubnd"]), [T3, T2]);
    // By name, accents optional.
    assert_eq!(ids(&["--org", "hoi lien hiep phu nu"]), [T4]);
    assert_eq!(ids(&["--unit", "tan my"]), [D1]);
    // The period is the date of the meeting that assigned the task (not
    // the period it reviewed): 12/7/2022 is in July, 15/12/2022 in Q4.
    assert_eq!(ids(&["--period", "2022-Q4"]), [D1]);
    assert_eq!(ids(&["--period", "2022-07"]), [T3, T4, T2, T1]);
    assert_eq!(ids(&["--period", "2022-H2"]).len(), 5);
    assert!(ids(&["--period", "2022-H1"]).is_empty());
}

#[test]
fn bad_arguments_are_usage_errors() {
    let out = fixture(&["conclusions", "--state", "late"]).assert().code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("done-late") && err.contains("due-soon"),
        "lists the states: {err}"
    );
    fixture(&["conclusions", "--org", "khong-co-to-chuc-nay"])
        .assert()
        .code(2);
    fixture(&["conclusions", "--due-within", "-1"]).assert().code(2);
}

#[test]
fn every_format() {
    let args = ["conclusions", "--as-of", "2023-01-10"];
    let table = fixture(&args).stdout();
    assert!(
        table.contains("Sổ theo dõi thực hiện kết luận") && table.contains("quá hạn"),
        "{table}"
    );
    let en = fixture(&["--lang", "en", "conclusions", "--as-of", "2023-01-10"]).stdout();
    assert!(
        en.contains("Conclusion task register") && en.contains("overdue") && en.contains("done late"),
        "{en}"
    );

    let csv = fixture(&[&args[..], &["--format", "csv"]].concat()).stdout();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "id,meeting_date,notice,text,assignee,due,done,state,days_left,days_late"
    );
    // CSV writes codes and ISO dates, whatever the language.
    assert_eq!(
        lines.next().unwrap(),
        "2022-07-12-so-ket#3,2022-07-12,245-TB/HU,Báo cáo kết quả cấp giấy chứng nhận quyền sử dụng đất.,ubnd,2022-12-31,,overdue,,10"
    );
    assert_eq!(csv.lines().count(), 6);

    let md = fixture(&[&args[..], &["--format", "markdown"]].concat()).stdout();
    assert!(md.starts_with("# Sổ theo dõi thực hiện kết luận"), "{md}");
    assert!(md.contains("| 2022-07-12-so-ket#3 |"), "{md}");
}

#[test]
fn the_bundled_records_have_a_register() {
    let out = danvan()
        .args([
            "--records",
            "records",
            "conclusions",
            "--as-of",
            "2025-12-31",
            "--format",
            "json",
        ])
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert!(!v["tasks"].as_array().unwrap().is_empty());
}

#[test]
fn deny_due_soon_on_the_register() {
    let run = danvan()
        .records("tests/fixtures/browse")
        .args([
            "conclusions",
            "--as-of",
            "2023-06-30",
            "--deny",
            "due-soon",
            "--format",
            "github",
        ])
        .run();
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("::notice title="), "{}", run.stdout);
    let run = danvan()
        .records("tests/fixtures/browse")
        .args([
            "conclusions",
            "--as-of",
            "2019-06-30",
            "--deny",
            "due-soon",
            "--deny",
            "overdue",
        ])
        .run();
    assert_eq!(run.code, 0, "{run:?}");
}
