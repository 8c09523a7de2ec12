//! `danvan review`: the report to the review meeting, on the fixture in
//! tests/fixtures/review (every figure below counted by hand from its
//! files) and on the bundled records.
//!
//! The fixture, as the review of 2025-H1 sees it (taken on 30/6/2025):
//! - petitions received p4 (complaint, 6/1), p5 (denunciation, 3/3, never
//!   resolved: overdue since 10/4), p6 (complaint, 2/6, two units, resolved
//!   3/7 within its deadline of 7/7): 3; accepted the same 3; resolved in the
//!   half p4 only (on time). A year before (2024-H1): p1, p2 received, p1
//!   resolved; the half before (2024-H2): p3 received, p2 and p3 resolved.
//! - models: active on 30/6 mo1, mo2, mo4 (mo3 completed 2023); started
//!   mo4 (1/3/2025); recognised mo2 (province, 10/5/2025); in all mo1, mo2.
//! - meetings: m06–m10 (3 receptions, one of them, 17/2, chaired by the Phó
//!   Bí thư; the dialogue at Định An, 120 people; the review of 20/6).
//!   Receptions by the Bí thư in January and June only: 2 of 6 months.
//! - tasks: m04#2 (due 31/12/2024, never done) overdue by 181 days; m10#1
//!   (due 30/9) and m10#2 (due 30/6, done 5/7) open; m04#1 was done in 2024.

mod common;
use common::{Danvan, danvan};
use serde_json::Value;
use std::path::{Path, PathBuf};

const FIXTURE: &str = "tests/fixtures/review";

/// `danvan --records RECORDS --color never --as-of AS_OF review ARGS…`.
fn review(records: &str, as_of: &str, args: &[&str]) -> Danvan {
    danvan()
        .records(records)
        .args(["--color", "never", "--as-of", as_of, "review"])
        .args(args)
}

fn json(args: &[&str]) -> Value {
    review(FIXTURE, "2025-12-31", args).json()
}

fn text(args: &[&str]) -> String {
    review(FIXTURE, "2025-12-31", args).stdout()
}

/// The text with its line breaks flattened (paragraphs are wrapped at 78 columns).
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn u(v: &Value) -> u64 {
    v.as_u64().unwrap_or_else(|| panic!("not a count: {v}"))
}

/// The petitions received by type: complaints, denunciations, recommendations.
fn by_type(p: &Value) -> (u64, u64, u64) {
    let t = &p["by_type"];
    (u(&t["complaint"]), u(&t["denunciation"]), u(&t["recommendation"]))
}

fn f(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

#[test]
fn the_half_year_counted_by_hand() {
    let v = json(&["--period", "2025-H1"]);
    assert_eq!(v["kind"], "half");
    assert_eq!(v["period"], "2025-H1");
    assert_eq!(
        (v["from"].as_str(), v["to"].as_str()),
        (Some("2025-01-01"), Some("2025-06-30"))
    );
    assert_eq!(v["figures_as_of"], "2025-06-30");
    assert_eq!(v["ended"], true);
    assert_eq!(v["label"], "6 tháng đầu năm 2025");
    let c = &v["current"];
    let p = &c["petitions"];
    assert_eq!(u(&p["received"]), 3);
    assert_eq!(by_type(p), (2, 1, 0));
    assert_eq!(
        (u(&p["accepted"]), u(&p["resolved"]), u(&p["resolved_on_time"])),
        (3, 1, 1)
    );
    assert_eq!(f(&p["on_time_percent"]), 100.0);
    assert_eq!(
        (u(&p["open"]), u(&p["overdue"]), u(&p["acceptance_overdue"])),
        (2, 1, 0)
    );
    assert_eq!(
        (
            u(&p["resolved_by_type"]["complaint"]),
            u(&p["on_time_by_type"]["complaint"])
        ),
        (1, 1)
    );
    assert_eq!(u(&p["resolved_by_type"]["denunciation"]), 0);
    let m = &c["models"];
    assert_eq!(
        (
            u(&m["active"]),
            u(&m["started"]),
            u(&m["recognized"]),
            u(&m["recognized_total"])
        ),
        (3, 1, 1, 2)
    );
    assert_eq!(m["recognized_by_level"][0]["key"], "province");
    let mt = &c["meetings"];
    assert_eq!(
        (
            u(&mt["total"]),
            u(&mt["reviews"]),
            u(&mt["dialogues"]),
            u(&mt["receptions"])
        ),
        (5, 1, 1, 3)
    );
    assert_eq!(
        (u(&mt["dialogue_attendance"]), u(&mt["reception_attendance"])),
        (120, 10)
    );
    assert_eq!(mt["dialogue_units"][0]["id"], "dinh-an");
    let r = &c["receptions_monthly"];
    assert_eq!(r["target"], "qd11");
    assert_eq!((u(&r["counted"]), u(&r["met"])), (6, 2));
    let met: Vec<bool> = r["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["met"] == true)
        .collect();
    assert_eq!(met, [true, false, false, false, false, true]);
    let t = &c["tasks"];
    assert_eq!(
        (
            u(&t["assigned"]),
            u(&t["done"]),
            u(&t["done_late"]),
            u(&t["open"]),
            u(&t["overdue"])
        ),
        (3, 0, 0, 2, 1)
    );
    let overdue = &t["overdue_tasks"][0];
    assert_eq!(overdue["id"], "m04-2024-07-10-so-ket-6-thang-2024#2");
    assert_eq!(overdue["notice"], "101-TB/HU");
    assert_eq!(overdue["assignee"], "mttq");
    assert_eq!(u(&overdue["days_late"]), 181);
    let ids = |key: &str| -> Vec<String> {
        c[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(ids("units_without_dialogue"), ["tan-my", "hoi-an-dong"]);
    assert_eq!(ids("units_without_model"), ["hoi-an-dong"]);
    // A year before, and the half before.
    let y = &v["year_ago"];
    assert_eq!(y["label"], "6 tháng đầu năm 2024");
    assert_eq!((u(&y["petitions"]["received"]), u(&y["petitions"]["resolved"])), (2, 1));
    assert_eq!((u(&y["meetings"]["total"]), u(&y["meetings"]["receptions"])), (3, 2));
    assert_eq!((u(&y["models"]["started"]), u(&y["models"]["recognized"])), (1, 0));
    let h = &v["previous"];
    assert_eq!(h["label"], "6 tháng cuối năm 2024");
    assert_eq!((u(&h["petitions"]["received"]), u(&h["petitions"]["resolved"])), (1, 2));
    assert_eq!((u(&h["meetings"]["total"]), u(&h["models"]["recognized"])), (2, 1));
    // Targets on 30/6/2025 and a year before: 5 of 18 months (Jan, Mar, Dec
    // 2024, Jan, Jun 2025), then 2 of 6; complaints on time 3 of 4 (p1, p4, p8;
    // p2 late), then 2 of 3 (p2 overdue on 30/6/2024); two models recognised, then none.
    let target = |id: &str| {
        v["targets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["id"] == id)
            .unwrap()
            .clone()
    };
    let q = target("qd11");
    assert!((f(&q["actual"]) - 5.0 / 18.0 * 100.0).abs() < 1e-9);
    assert!((f(&q["year_ago"]) - 2.0 / 6.0 * 100.0).abs() < 1e-9);
    assert_eq!(q["status"], "behind");
    let k = target("khieu-nai-dung-han");
    assert_eq!((f(&k["actual"]), k["status"].as_str()), (75.0, Some("behind")));
    assert!((f(&k["year_ago"]) - 200.0 / 3.0).abs() < 1e-9);
    let d = target("dvk");
    assert_eq!(
        (f(&d["actual"]), f(&d["year_ago"]), d["status"].as_str()),
        (2.0, 0.0, Some("achieved"))
    );
    assert!(q["verdict"].is_null(), "the deadline is not reached");
    // Shortcomings and directions, by kind.
    let kinds = |key: &str| -> Vec<String> {
        v[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["kind"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        kinds("shortcomings"),
        [
            "petitions-overdue",
            "tasks-overdue",
            "target-behind",
            "target-behind",
            "months-missed",
            "no-dialogue",
            "no-model"
        ]
    );
    assert_eq!(
        kinds("directions"),
        ["task-due", "petition-due", "target-due", "target-due"]
    );
    assert_eq!(v["directions"][1]["due"], "2025-07-07");
    assert_eq!(
        (v["next"]["from"].as_str(), v["next"]["label"].as_str()),
        (Some("2025-07-01"), Some("6 tháng cuối năm 2025"))
    );
    // The office's text: the review meeting of the period's assessment.
    assert_eq!(v["office"][0]["source"], "meeting");
    assert_eq!(v["office"][0]["reference"], "m10-2025-06-20-so-ket-6-thang-2025");
    assert_eq!(
        v["office"][0]["paragraphs"][0],
        "Công tác dân vận được duy trì nền nếp."
    );
    // The appendix: p6 counts for both its units.
    let by_unit: Vec<(String, u64)> = v["appendix"]["petitions_by_unit"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["unit"].as_str().unwrap().to_owned(), u(&r["total"])))
        .collect();
    assert_eq!(by_unit, [("tan-my".to_owned(), 2), ("dinh-an".to_owned(), 2)]);
    assert_eq!(v["appendix"]["models"].as_array().unwrap().len(), 2);
    assert_eq!(v["appendix"]["meetings"].as_array().unwrap().len(), 5);
}

#[test]
fn the_year_counted_by_hand_with_the_offices_file() {
    let v = json(&["--period", "2025"]);
    assert_eq!(
        (v["kind"].as_str(), v["label"].as_str()),
        (Some("year"), Some("năm 2025"))
    );
    let p = &v["current"]["petitions"];
    // p4, p5, p6, p7 received; p4, p6, p7 resolved, all on time; p5 overdue.
    assert_eq!(u(&p["received"]), 4);
    assert_eq!(by_type(p), (2, 1, 1));
    assert_eq!(
        (u(&p["resolved"]), u(&p["resolved_on_time"]), u(&p["overdue"])),
        (3, 3, 1)
    );
    let t = &v["current"]["tasks"];
    // m04#2 overdue 365 days, m10#1 overdue since 30/9 (92 days), m10#2 done 5 days late.
    assert_eq!(
        (
            u(&t["assigned"]),
            u(&t["done"]),
            u(&t["done_late"]),
            u(&t["open"]),
            u(&t["overdue"])
        ),
        (3, 0, 1, 0, 2)
    );
    let late: Vec<u64> = t["overdue_tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| u(&t["days_late"]))
        .collect();
    assert_eq!(late, [365, 92]);
    assert_eq!(
        (
            u(&v["current"]["receptions_monthly"]["counted"]),
            u(&v["current"]["receptions_monthly"]["met"])
        ),
        (12, 2)
    );
    // A year's comparison is the year before; there is no "previous" apart from it.
    assert_eq!(v["year_ago"]["label"], "năm 2024");
    assert_eq!(
        (
            u(&v["year_ago"]["petitions"]["received"]),
            u(&v["year_ago"]["petitions"]["resolved_on_time"])
        ),
        (3, 2)
    );
    assert!(v["previous"].is_null());
    // The deadline 31/12/2025 is reached: a final verdict on each target.
    let verdicts: Vec<(&str, &str)> = v["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["id"].as_str().unwrap(), t["verdict"].as_str().unwrap()))
        .collect();
    assert_eq!(
        verdicts,
        [
            ("qd11", "missed"),
            ("khieu-nai-dung-han", "missed"),
            ("dvk", "achieved")
        ]
    );
    // reviews/2025.md: its opening and "Đánh giá chung" go to the assessment,
    // "Phương hướng năm 2026" to the directions.
    let office: Vec<(&str, &str, Option<&str>)> = v["office"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["source"].as_str().unwrap(),
                o["part"].as_str().unwrap(),
                o["heading"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        office,
        [
            ("file", "assessment", None),
            ("file", "assessment", Some("Đánh giá chung")),
            ("file", "directions", Some("Phương hướng năm 2026"))
        ]
    );
    assert_eq!(v["office"][1]["reference"], "reviews/2025.md");
    assert_eq!(
        v["office"][1]["paragraphs"],
        serde_json::json!([
            "Công tác dân vận năm 2025 có nhiều chuyển biến. Các mô hình được Nhân dân đồng tình.",
            "- Nắm tình hình Nhân dân kịp thời."
        ])
    );
    // In the text, the office's words are marked as theirs.
    let out = flat(&text(&["--period", "2025"]));
    assert!(
        out.contains(
            "(Phần do cơ quan soạn thảo bổ sung, theo tệp reviews/2025.md.) Phần này do Ban Dân vận viết thêm"
        ),
        "{out}"
    );
    let directions = &out[out.find("PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026").expect("the directions")..];
    assert!(
        directions.contains("Phương hướng năm 2026 Tiếp tục nhân rộng các mô hình “Dân vận khéo”."),
        "{directions}"
    );
}

#[test]
fn the_whole_resolution_year_by_year() {
    let v = json(&["--from", "2021-01-01", "--to", "2025-12-31"]);
    assert_eq!(v["kind"], "range");
    assert!(v["period"].is_null());
    assert_eq!(v["label"], "giai đoạn 2021–2025");
    assert_eq!(v["subject"], "tổng kết công tác dân vận giai đoạn 2021–2025");
    assert!(v["year_ago"].is_null() && v["previous"].is_null());
    let years: Vec<(String, u64, u64)> = v["years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| {
            (
                y["label"].as_str().unwrap().to_owned(),
                u(&y["petitions"]["received"]),
                u(&y["meetings"]["total"]),
            )
        })
        .collect();
    // 2021: the review m12; 2022: p8 and the dialogue m11; 2023: nothing;
    // 2024: p1–p3 and m01–m05; 2025: p4–p7 and m06–m10.
    assert_eq!(
        years,
        [
            ("năm 2021".to_owned(), 0, 1),
            ("năm 2022".to_owned(), 1, 1),
            ("năm 2023".to_owned(), 0, 0),
            ("năm 2024".to_owned(), 3, 5),
            ("năm 2025".to_owned(), 4, 5)
        ]
    );
    assert_eq!(v["years"][2]["has_records"], false);
    let p = &v["current"]["petitions"];
    // Eight petitions: complaints p1, p2, p4, p6, p8; the denunciation p5;
    // recommendations p3, p7. Seven resolved, all on time but p2.
    assert_eq!(u(&p["received"]), 8);
    assert_eq!(by_type(p), (5, 1, 2));
    assert_eq!(
        (u(&p["resolved"]), u(&p["resolved_on_time"]), u(&p["resolved_late"])),
        (7, 6, 1)
    );
    // The standard counts from the target's own start (2024-01-01): 5 of 24 months.
    let r = &v["current"]["receptions_monthly"];
    assert_eq!((u(&r["counted"]), u(&r["met"])), (24, 5));
    assert_eq!(r["months"][0]["period"], "2024-01");
    // Each target's figure at the end of each year, and its final verdict.
    let k = v["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "khieu-nai-dung-han")
        .unwrap();
    let series: Vec<(String, f64)> = k["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["period"].as_str().unwrap().to_owned(), f(&s["actual"])))
        .collect();
    // 2022: p8 on time; 2023 the same; 2024: p1, p8 on time, p2 late; 2025: + p4, p6 on time.
    // JSON figures are rounded to two decimals.
    let expected = [("2022", 100.0), ("2023", 100.0), ("2024", 200.0 / 3.0), ("2025", 80.0)];
    assert_eq!(series.len(), expected.len(), "{series:?}");
    for ((period, actual), (want_period, want)) in series.iter().zip(expected) {
        assert_eq!(period, want_period);
        assert!((actual - want).abs() < 0.005, "{period}: {actual} vs {want}");
    }
    assert_eq!(k["verdict"], "missed");
    let out = flat(&text(&["--from", "2021-01-01", "--to", "2025-12-31"]));
    assert!(
        out.contains("BÁO CÁO tổng kết công tác dân vận giai đoạn 2021–2025"),
        "{out}"
    );
    assert!(out.contains("5. Kết quả qua từng năm"), "{out}");
    assert!(out.contains("Cộng 8 7 85,7% 2 3 6 2"), "the years' totals: {out}");
    let md = text(&["--from", "2021-01-01", "--to", "2025-12-31", "--format", "markdown"]);
    assert!(
        md.contains(
            "| Tỷ lệ đơn khiếu nại giải quyết đúng hạn | ≥ 85,0% |  | 100,0% | 100,0% | 66,7% | 80,0% | không đạt |"
        ),
        "{md}"
    );
}

/// Each figure of the text is the JSON's: the sentences are made from the numbers.
#[test]
fn the_text_says_what_the_json_counts() {
    for args in [
        vec!["--period", "2025-H1"],
        vec!["--period", "2025"],
        vec!["--period", "2024-H2"],
        vec!["--period", "2025-Q1"],
        vec!["--period", "2025-03"],
    ] {
        let v = json(&args);
        let out = flat(&text(&args));
        let c = &v["current"];
        let p = &c["petitions"];
        let expect = |s: String| assert!(out.contains(&s), "{args:?}: missing {s:?} in\n{out}");
        if u(&p["received"]) > 0 {
            expect(format!(
                "Tiếp nhận {} đơn ({} khiếu nại, {} tố cáo, {} kiến nghị, phản ánh)",
                p["received"], p["by_type"]["complaint"], p["by_type"]["denunciation"], p["by_type"]["recommendation"]
            ));
        }
        expect(format!(
            "Thụ lý {} đơn; giải quyết {} đơn",
            p["accepted"], p["resolved"]
        ));
        expect(format!(
            "còn {} đơn đang giải quyết, {} đơn quá hạn giải quyết, {} đơn quá hạn thụ lý",
            p["open"], p["overdue"], p["acceptance_overdue"]
        ));
        if u(&p["received"]) + u(&p["resolved"]) > 0 {
            let t = |key: &str, kind: &str| p[key][kind].clone();
            expect(format!(
                "Theo loại đơn: khiếu nại tiếp nhận {}, giải quyết {} (đúng hạn {}); tố cáo tiếp nhận {}, giải quyết {} (đúng hạn {}); kiến nghị, phản ánh tiếp nhận {}, giải quyết {} (đúng hạn {}).",
                t("by_type", "complaint"),
                t("resolved_by_type", "complaint"),
                t("on_time_by_type", "complaint"),
                t("by_type", "denunciation"),
                t("resolved_by_type", "denunciation"),
                t("on_time_by_type", "denunciation"),
                t("by_type", "recommendation"),
                t("resolved_by_type", "recommendation"),
                t("on_time_by_type", "recommendation")
            ));
        }
        let m = &c["models"];
        expect(format!(
            "có {} mô hình dân vận đang thực hiện. Trong kỳ có {} mô hình mới",
            m["active"], m["started"]
        ));
        expect(format!("lũy kế {} mô hình được công nhận", m["recognized_total"]));
        let mt = &c["meetings"];
        expect(format!(
            "Trong kỳ có {} hội nghị: {} hội nghị sơ kết, tổng kết; {} buổi đối thoại; {} buổi tiếp công dân; {} hội nghị khác",
            mt["total"], mt["reviews"], mt["dialogues"], mt["receptions"], mt["conferences"]
        ));
        expect(format!(
            "Tiếp công dân {} buổi, {} lượt công dân",
            mt["receptions"], mt["reception_attendance"]
        ));
        let r = &c["receptions_monthly"];
        if u(&r["counted"]) > 0 {
            expect(format!(
                "{}/{} tháng có ít nhất {} buổi",
                r["met"], r["counted"], r["min"]
            ));
        }
        let t = &c["tasks"];
        if u(&t["assigned"]) > 0 {
            expect(format!(
                "{} nhiệm vụ cần theo dõi trong kỳ: hoàn thành đúng hạn {}, hoàn thành trễ hạn {}, đang thực hiện {}, quá hạn {}",
                t["assigned"], t["done"], t["done_late"], t["open"], t["overdue"]
            ));
        }
        for task in t["overdue_tasks"].as_array().unwrap() {
            expect(format!("trễ {} ngày", task["days_late"]));
        }
        // The comparisons, from the figures of the spans compared with.
        if let Some(y) = v["year_ago"].as_object() {
            let before = y["petitions"]["received"].as_u64().unwrap();
            let now = u(&p["received"]);
            let name = if v["kind"] == "year" {
                format!("năm {}", &v["from"].as_str().unwrap()[..4].parse::<i32>().unwrap() - 1)
            } else {
                format!(
                    "cùng kỳ năm {}",
                    &v["from"].as_str().unwrap()[..4].parse::<i32>().unwrap() - 1
                )
            };
            let clause = match now.cmp(&before) {
                std::cmp::Ordering::Greater => format!("so với {name} tăng {} đơn", now - before),
                std::cmp::Ordering::Less => format!("so với {name} giảm {} đơn", before - now),
                std::cmp::Ordering::Equal => format!("bằng {name}"),
            };
            if now > 0 {
                expect(format!("kiến nghị, phản ánh); {clause}"));
            }
        }
        for s in v["shortcomings"]
            .as_array()
            .unwrap()
            .iter()
            .chain(v["directions"].as_array().unwrap())
        {
            expect(flat(s["text"].as_str().unwrap()));
        }
    }
    // The issue's example: "so với cùng kỳ năm 2024 tăng … đơn".
    let out = flat(&text(&["--period", "2025-H1"]));
    assert!(out.contains("Tiếp nhận 3 đơn (2 khiếu nại, 1 tố cáo, 0 kiến nghị, phản ánh); so với cùng kỳ năm 2024 tăng 1 đơn; so với 6 tháng cuối năm 2024 tăng 2 đơn."), "{out}");
    assert!(
        out.contains(
            "2/6 tháng có ít nhất 1 buổi (33,3%); chưa đạt: tháng 2/2025, tháng 3/2025, tháng 4/2025, tháng 5/2025."
        ),
        "{out}"
    );
}

#[test]
fn text_layout_is_pinned() {
    insta::assert_snapshot!("review_text_2025_h1", text(&["--period", "2025-H1"]));
}

#[test]
fn an_unfinished_period_is_taken_on_the_as_of_date_and_says_so() {
    let v = review(FIXTURE, "2025-05-15", &["--period", "2025-H1"]).json();
    assert_eq!(
        (v["ended"].as_bool(), v["figures_as_of"].as_str()),
        (Some(false), Some("2025-05-15"))
    );
    // p6 (2/6) is not received yet; June's reception has not happened.
    assert_eq!(u(&v["current"]["petitions"]["received"]), 2);
    assert_eq!(
        u(&v["current"]["receptions_monthly"]["counted"]),
        4,
        "May is running and unmet: not counted"
    );
    let out = flat(&review(FIXTURE, "2025-05-15", &["--period", "2025-H1"]).stdout());
    assert!(
        out.contains("tình hình Nhân dân và kết quả công tác dân vận 6 tháng đầu năm 2025 (tính đến ngày 15/5/2025)"),
        "{out}"
    );
    assert!(
        out.contains("tính đến ngày 15/5/2025 (kỳ báo cáo chưa kết thúc)"),
        "{out}"
    );
    // The date line is the as-of date unless --date says otherwise.
    assert!(out.contains("Lấp Vò, ngày 15 tháng 5 năm 2025"), "{out}");
    let out = review(FIXTURE, "2025-05-15", &["--period", "2025-H1", "--date", "2025-05-20"]).stdout();
    assert!(out.contains("Lấp Vò, ngày 20 tháng 5 năm 2025"), "{out}");
}

#[test]
fn a_period_without_records_says_so() {
    let v = json(&["--period", "2020-H1"]);
    assert_eq!(v["has_records"], false);
    assert!(v["year_ago"].is_null() && v["previous"].is_null());
    let out = flat(&text(&["--period", "2020-H1"]));
    assert!(
        out.contains("Trong 6 tháng đầu năm 2020 không có hồ sơ nào được ghi nhận (mô hình, hội nghị, đơn thư, nhiệm vụ kết luận)."),
        "{out}"
    );
    assert!(out.contains("Cùng kỳ năm 2019 chưa có số liệu để so sánh."), "{out}");
    assert!(out.contains("Không tiếp nhận đơn thư nào."), "{out}");
}

#[test]
fn usage_errors_exit_2() {
    // A period that has not begun on the as-of date.
    let err = review(FIXTURE, "2025-12-31", &["--period", "2026-H1"]).assert().code(2);
    let err = String::from_utf8_lossy(&err.get_output().stderr).into_owned();
    assert!(err.contains("2026-01-01") && err.contains("2025-12-31"), "{err}");
    for args in [
        vec!["--period", "2025-H3"],
        vec!["--from", "2025-01-01"],
        vec!["--to", "2025-01-01"],
        vec!["--period", "2025", "--from", "2025-01-01", "--to", "2025-12-31"],
        vec!["--from", "2025-12-31", "--to", "2025-01-01"],
        vec![],
    ] {
        review(FIXTURE, "2025-12-31", &args).assert().code(2);
    }
}

#[test]
fn records_with_errors_are_refused() {
    let ws = tempfile::tempdir().unwrap();
    common::copy_dir(Path::new(FIXTURE), ws.path());
    std::fs::write(
        ws.path().join("petitions/broken.toml"),
        "type = \"complaint\"\nreceived = \"2025-01-01\"\n",
    )
    .unwrap();
    review(ws.path().to_str().unwrap(), "2025-12-31", &["--period", "2025"])
        .assert()
        .code(1);
}

#[test]
fn always_vietnamese_with_vietnamese_numbers() {
    let en = review(FIXTURE, "2025-12-31", &["--lang", "en", "--period", "2025-H1"]).stdout();
    assert_eq!(
        en,
        text(&["--period", "2025-H1"]),
        "--lang does not change the document"
    );
    let out = flat(&en);
    assert!(
        out.contains("BÁO CÁO") && out.contains("(33,3%)") && out.contains("27,8%"),
        "{out}"
    );
    // Thousands with a dot: the bundled records count 3.337 households.
    let bundled = flat(&review("records", "2025-12-31", &["--lang", "en", "--period", "2025-H1"]).stdout());
    assert!(bundled.contains("3.337"), "{bundled}");
}

#[test]
fn the_layout_of_a_party_report() {
    let out = text(&["--period", "2025-H1", "--number", "12"]);
    let lines: Vec<&str> = out.lines().collect();
    // The committee, the board under it; the Party's name and its rule.
    assert!(lines[0].trim_start().starts_with("HUYỆN ỦY LẤP VÒ") && lines[0].contains("ĐẢNG CỘNG SẢN VIỆT NAM"));
    assert!(lines[1].trim_start().starts_with("BAN DÂN VẬN") && lines[1].contains(&"─".repeat(22)));
    assert!(lines[3].trim() == "Số 12-BC/BDVHU", "{out}");
    let out = flat(&out);
    for expected in [
        "BÁO CÁO tình hình Nhân dân và kết quả công tác dân vận 6 tháng đầu năm 2025 -----",
        "I. TÌNH HÌNH NHÂN DÂN",
        "II. KẾT QUẢ CÔNG TÁC DÂN VẬN",
        "III. THỰC HIỆN CÁC CHỈ TIÊU",
        "IV. HẠN CHẾ (TỪ SỐ LIỆU)",
        "V. ĐÁNH GIÁ CHUNG",
        "VI. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2025",
        "Nơi nhận: TRƯỞNG BAN ‾‾‾‾‾‾‾‾‾ - Thường trực Huyện ủy (b/c),",
        "- Lưu Ban Dân vận.",
        "Người Ký Thử",
        "PHỤ LỤC",
        "Phụ lục 1. Đơn thư tiếp nhận theo đơn vị và loại đơn, 6 tháng đầu năm 2025",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in {out}");
    }
    // Without --number the number is left blank, to be written by hand.
    let blank = text(&["--period", "2025-H1"]);
    assert!(blank.lines().nth(3).unwrap().trim() == "Số     -BC/BDVHU", "{blank}");
}

/// `danvan review … -o FILE` in a temporary folder; the file's bytes.
fn written(name: &str, args: &[&str]) -> (tempfile::TempDir, PathBuf, Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    let mut all = args.to_vec();
    let p = path.to_str().unwrap().to_owned();
    all.extend(["-o", &p]);
    review(FIXTURE, "2025-12-31", &all).assert().success();
    let bytes = std::fs::read(&path).unwrap();
    (dir, path, bytes)
}

#[test]
fn the_format_follows_the_extension() {
    let (_d, _, md) = written("bc.md", &["--period", "2025-H1"]);
    let md = String::from_utf8(md).unwrap();
    assert!(
        md.contains("# BÁO CÁO") && md.contains("## I. TÌNH HÌNH NHÂN DÂN") && md.contains("| <ins>Nơi nhận:</ins>"),
        "{md}"
    );
    assert!(
        md.contains("|:---|---:|---:|---:|---:|"),
        "the appendix is a table: {md}"
    );
    let (_d, _, html) = written("bc.html", &["--period", "2025-H1"]);
    let html = String::from_utf8(html).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("@top-center { content: counter(page);"));
    for outside in ["<script", "<link", "src=", "url("] {
        assert!(!html.contains(outside), "{outside}");
    }
    assert!(html.contains("<table class=\"data\">") && html.contains("class=\"appendix\""));
    let (_d, _, json) = written("bc.json", &["--period", "2025-H1"]);
    let v: Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(v["period"], "2025-H1");
    let (_d, _, docx) = written("bc.docx", &["--period", "2025-H1"]);
    assert!(docx.starts_with(b"PK"));
    // docx into a pipe; --format wins over the extension.
    let out = review(FIXTURE, "2025-12-31", &["--period", "2025-H1", "--format", "docx"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(out.starts_with(b"PK"));
}

#[test]
fn the_docx_follows_the_notices_document_rules() {
    let (_d, _, bytes) = written("bc.docx", &["--period", "2025-H1", "--number", "12"]);
    common::docx::check_package(&bytes);
    let xml = common::docx::part(&bytes, "word/document.xml");
    for expected in [
        "HUYỆN ỦY LẤP VÒ",
        "BAN DÂN VẬN",
        "Số 12-BC/BDVHU",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "BÁO CÁO",
        "I. TÌNH HÌNH NHÂN DÂN",
        "TRƯỞNG BAN",
        "PHỤ LỤC",
        // "Nơi nhận:" 14 pt upright underlined; the rule under the Party's name.
        r#"<w:sz w:val="28"/><w:szCs w:val="28"/><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">Nơi nhận:</w:t>"#,
        r#"<w:ind w:left="506" w:right="506"/>"#,
        // Pages numbered from the second; the appendix from a new page.
        "<w:titlePg/>",
        "<w:pageBreakBefore/>",
        // Data tables: bordered, their header row repeated on each page.
        r#"<w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#,
        "<w:tblHeader/>",
    ] {
        assert!(xml.contains(expected), "missing {expected:?}");
    }
    // The last paragraph before the signature is kept with it.
    let block = xml.rfind("Nơi nhận:").unwrap();
    let table = xml[..block].rfind("<w:tbl>").unwrap();
    let spacer = xml[..table].rfind("<w:p>").unwrap();
    let last = xml[..spacer].rfind("<w:p>").unwrap();
    assert!(
        xml[last..spacer].starts_with("<w:p><w:pPr><w:keepNext/>"),
        "{}",
        &xml[last..spacer]
    );
    let core = common::docx::part(&bytes, "docProps/core.xml");
    assert!(
        core.contains("<dc:title>tình hình Nhân dân và kết quả công tác dân vận 6 tháng đầu năm 2025</dc:title>"),
        "{core}"
    );
    assert!(!core.contains("Người Ký Thử") && !core.contains("dc:creator"));
    // The same records and date give the same bytes.
    let (_d, _, again) = written("bc.docx", &["--period", "2025-H1", "--number", "12"]);
    assert_eq!(bytes, again);
}

#[test]
fn libreoffice_opens_the_review() {
    let Some(soffice) = common::require_tool(&["soffice"]) else {
        return;
    };
    let Some(pdftotext) = common::require_tool(&["pdftotext"]) else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (records, name, args) in [
        (FIXTURE, "fixture-2025-h1.docx", vec!["--period", "2025-H1"]),
        (
            FIXTURE,
            "fixture-2021-2025.docx",
            vec!["--from", "2021-01-01", "--to", "2025-12-31"],
        ),
        ("records", "records-2025-h1.docx", vec!["--period", "2025-H1"]),
    ] {
        let path = tmp.path().join(name);
        let mut all = args.clone();
        let p = path.to_str().unwrap().to_owned();
        all.extend(["-o", &p]);
        review(records, "2025-12-31", &all).assert().success();
        files.push(path);
    }
    let pdf = tmp.path().join("pdf");
    common::docx::soffice_to_pdf(&soffice, &files, &pdf, &tmp.path().join("profile"));
    for file in &files {
        let name = file.file_stem().unwrap().to_string_lossy().into_owned();
        let pages = common::docx::pdf_pages(&pdftotext, &pdf.join(format!("{name}.pdf")));
        let pages: Vec<&String> = pages.iter().filter(|p| !p.is_empty()).collect();
        assert!(pages.len() >= 2, "{name}: {pages:#?}");
        let all = pages.iter().map(|p| p.as_str()).collect::<Vec<_>>().join(" ");
        for expected in [
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "BÁO CÁO",
            "I. TÌNH HÌNH NHÂN DÂN",
            "Nơi nhận:",
            "TRƯỞNG BAN",
            "PHỤ LỤC",
        ] {
            assert!(all.contains(expected), "{name}: {expected} missing from the PDF");
        }
        // Numbered from the second page; the signature with the last item of the directions.
        assert!(!pages[0].starts_with("1 "), "{name}: page 1 is not numbered");
        for (i, page) in pages.iter().enumerate().skip(1) {
            assert!(
                page.starts_with(&format!("{} ", i + 1)),
                "{name}: page {} starts {:?}",
                i + 1,
                &page[..40.min(page.len())]
            );
        }
        let signed = pages.iter().find(|p| p.contains("Nơi nhận:")).unwrap();
        assert!(
            signed.contains("PHƯƠNG HƯỚNG") || signed.contains("hạn 31/12/2025") || signed.contains("- "),
            "{name}: {signed}"
        );
    }
}

/// Every task overdue at the end of 2025-H1 in the bundled records (as
/// `conclusions` lists them) is named in the review, with its assignee.
#[test]
fn the_bundled_2025_h1_review_names_every_overdue_task() {
    let tasks = danvan()
        .records("records")
        .args(["--as-of", "2025-06-30", "conclusions", "--state", "overdue"])
        .json();
    let tasks = tasks["tasks"].as_array().unwrap().clone();
    assert!(
        !tasks.is_empty(),
        "the bundled records have an overdue task on 30/6/2025"
    );
    for as_of in ["2025-06-30", "2025-12-31"] {
        let out = flat(&review("records", as_of, &["--period", "2025-H1"]).stdout());
        let v = review("records", as_of, &["--period", "2025-H1"]).json();
        let listed: Vec<&str> = v["current"]["tasks"]["overdue_tasks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_str().unwrap())
            .collect();
        for t in &tasks {
            let text = flat(t["text"].as_str().unwrap());
            assert!(
                out.contains(text.trim_end_matches('.')),
                "{as_of}: the review does not name {text:?}"
            );
            assert!(out.contains(t["assignee_name"].as_str().unwrap()));
            assert!(listed.contains(&t["id"].as_str().unwrap()), "{as_of}: {listed:?}");
        }
        assert_eq!(listed.len(), tasks.len());
    }
}

#[test]
fn no_personal_data_in_any_form() {
    let (_d1, _, docx) = written("bc.docx", &["--period", "2025"]);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&docx)).unwrap();
    let mut all = String::new();
    for i in 0..zip.len() {
        std::io::Read::read_to_string(&mut zip.by_index(i).unwrap(), &mut all).unwrap();
    }
    for format in ["text", "markdown", "html", "json"] {
        all.push_str(&text(&["--period", "2025", "--format", format]));
        all.push_str(&text(&[
            "--from",
            "2021-01-01",
            "--to",
            "2025-12-31",
            "--format",
            format,
        ]));
    }
    assert!(!all.contains("BÍ-MẬT"), "a petitioner's data reached the review");
    // Petitions are counted, never described.
    assert!(!all.contains("Đơn thử số"), "a petition's summary reached the review");
}

#[test]
fn a_workspace_template_overrides_the_built_in_one() {
    let ws = tempfile::tempdir().unwrap();
    common::copy_dir(Path::new(FIXTURE), ws.path());
    std::fs::create_dir_all(ws.path().join("templates")).unwrap();
    std::fs::write(
        ws.path().join("templates/review.txt.j2"),
        "{{ header.number }} · {{ subject }} · {{ parts | length }} phần\n",
    )
    .unwrap();
    let out = review(
        ws.path().to_str().unwrap(),
        "2025-12-31",
        &["--period", "2025-H1", "--number", "7"],
    )
    .stdout();
    assert_eq!(
        out,
        "Số 7-BC/BDVHU · tình hình Nhân dân và kết quả công tác dân vận 6 tháng đầu năm 2025 · 6 phần\n"
    );
    std::fs::write(ws.path().join("templates/review.txt.j2"), "{{ header.numbr }}\n").unwrap();
    review(ws.path().to_str().unwrap(), "2025-12-31", &["--period", "2025-H1"])
        .assert()
        .code(1);
}

#[test]
fn the_fixture_itself_is_clean() {
    danvan().records(FIXTURE).arg("check").assert().success();
}
