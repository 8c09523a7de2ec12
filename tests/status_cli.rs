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
