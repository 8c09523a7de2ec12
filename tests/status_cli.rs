//! `danvan status`, the dashboard and the default command, on the
//! hand-counted fixture in tests/fixtures/browse (its files say what each
//! record is) and on tests/fixtures/progress/workspace (described in
//! tests/progress_cli.rs).

mod common;

use common::{browse, progress};

#[test]
fn status_is_the_default_command() {
    let plain = browse(&["--as-of", "2023-06-30"]).stdout();
    let status = browse(&["status", "--as-of", "2023-06-30"]).stdout();
    assert_eq!(plain, status);
    let v = browse(&["status", "--as-of", "2023-06-30"]).json();
    assert_eq!(v["counts"]["petitions"], 4);
    assert_eq!(v["counts"]["petitions_overdue"], 2);
    assert_eq!(v["counts"]["tasks_open"], 1);
    // The MTTQ task is due 30/6: today, so it is upcoming, not overdue.
    assert_eq!(v["upcoming"][0]["id"], "so-ket-2022#2");
    assert_eq!(v["upcoming"][0]["days_left"], 0);
}

#[test]
fn dashboard_headlines_are_real() {
    let v = progress(&["--as-of", "2022-12-31", "status"]).json();
    let progress = v["progress"].as_array().unwrap();
    assert_eq!(progress.len(), 8);
    let households = progress.iter().find(|h| h["id"] == "households").unwrap();
    assert_eq!(households["actual"], 350.0);
    assert_eq!(households["percent_of_goal"], 70.0);
    assert_eq!(households["status"], "on-track");
}

/// `danvan --records examples/commune --lang en ARGS…`: the commune
/// workspace, whose 2027 deadlines are provisional.
fn commune(args: &[&str]) -> common::Danvan {
    common::danvan()
        .records("examples/commune")
        .args(["--color", "never", "--lang", "en"])
        .args(args)
        .env("COLUMNS", "250")
}

#[test]
fn a_provisional_deadline_on_the_dashboard() {
    // On 28/12/2026 the complex complaint accepted 27/11/2026 is due Mon
    // 11/1/2027 (45 days), 14 days away: upcoming, and provisional (2027
    // is not listed in [calendar]).
    let v = commune(&["--as-of", "2026-12-28", "status"]).json();
    let upcoming = v["upcoming"].as_array().unwrap();
    let item = upcoming
        .iter()
        .find(|a| a["id"] == "2026-11-20-khieu-nai-xa-lap-vo")
        .unwrap_or_else(|| panic!("{upcoming:?}"));
    assert_eq!(
        (item["deadline"].as_str(), item["days_left"].as_i64()),
        (Some("2027-01-11"), Some(14))
    );
    assert_eq!(item["provisional"], true);
    assert!(
        upcoming
            .iter()
            .filter(|a| a["kind"] == "conclusion")
            .all(|a| a["provisional"] == false)
    );
    let text = commune(&["--as-of", "2026-12-28", "status"]).stdout();
    assert!(
        text.contains("2027-01-11 †") && text.contains("† provisional:"),
        "{text}"
    );
    // Long CSV: the flag in its own column, the date bare.
    let rows = commune(&["--as-of", "2026-12-28", "status"]).csv();
    let cell = |column: &str| {
        rows.iter()
            .filter(|r| r[0] == "upcoming" && r[2] == column)
            .map(|r| r[3].clone())
            .collect::<Vec<_>>()
    };
    assert!(cell("deadline").contains(&"2027-01-11".to_owned()));
    assert!(cell("provisional").contains(&"true".to_owned()));
    // Before it: nothing provisional falls due, no legend.
    let text = commune(&["--as-of", "2026-12-01", "status"]).stdout();
    assert!(!text.contains('†'), "{text}");
}

#[test]
fn deny_overdue_fails_the_run_and_github_lists_each_late_item() {
    // 30/6/2023: two petitions overdue, a task due today.
    let run = browse(&[
        "status",
        "--as-of",
        "2023-06-30",
        "--deny",
        "overdue",
        "--format",
        "github",
    ])
    .run();
    assert_eq!(run.code, 1, "{run:?}");
    let warnings: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("::warning ")).collect();
    assert_eq!(warnings.len(), 2, "{}", run.stdout);
    assert!(run.stdout.contains("::notice title="), "{}", run.stdout);
    assert!(run.stderr.contains("--deny overdue"), "{}", run.stderr);
    // due-soon is its own alarm; without --deny the run succeeds.
    assert_eq!(
        browse(&["status", "--as-of", "2023-06-30", "--deny", "due-soon"])
            .run()
            .code,
        1
    );
    assert_eq!(
        browse(&["status", "--as-of", "2023-06-30", "--format", "github"])
            .run()
            .code,
        0
    );
    // Before anything was received, nothing is late.
    assert_eq!(
        browse(&["status", "--as-of", "2020-01-01", "--deny", "overdue"])
            .run()
            .code,
        0
    );
    // A report that watches no deadline has no github format.
    assert_eq!(browse(&["summary", "--format", "github"]).run().code, 2);
}

#[test]
fn status_csv_writes_counts_and_codes_not_sentences() {
    let csv = browse(&["status", "--as-of", "2023-06-30", "--format", "csv"]).stdout();
    assert!(csv.contains("counts,1,models,"), "{csv}");
    assert!(csv.contains(",petitions_overdue,2\r\n"), "{csv}");
    assert!(!csv.contains("đang giải quyết"), "{csv}");
    assert!(!csv.contains('…'));
    for line in csv
        .lines()
        .filter(|l| l.starts_with("progress,") && l.contains(",status,"))
    {
        let value = line.rsplit(',').next().unwrap();
        assert!(value.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{line}");
    }
}
