//! What holds for every command: each report in every format, both
//! languages, and help with examples; on the hand-counted fixture in
//! tests/fixtures/browse.

mod common;

use common::{browse, danvan};
use serde_json::Value;

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
        let v: Value = serde_json::from_str(&browse(&with).stdout()).unwrap_or_else(|e| panic!("{args:?}: {e}"));
        assert_eq!(v["as_of"], "2023-06-30", "{args:?}");
        let rows = browse(&args).csv();
        assert!(rows.len() > 1, "{args:?}: {rows:?}");
        assert!(rows.iter().all(|r| r.len() == rows[0].len()), "{args:?}: ragged CSV");
        let mut md = args.clone();
        md.extend(["--format", "markdown"]);
        let text = browse(&md).stdout();
        assert!(text.starts_with("# "), "{args:?}: {text}");
        let table = browse(&args).stdout();
        assert!(!table.contains('\x1b'), "{args:?}: colour without a terminal");
    }
}

#[test]
fn languages() {
    let vi = browse(&["summary", "--kind", "petitions"]).stdout();
    assert!(vi.starts_with("Tổng hợp: Đơn thư"), "{vi}");
    let en = browse(&["--lang", "en", "summary", "--kind", "petitions"]).stdout();
    assert!(en.starts_with("Summary: Petitions"), "{en}");
    let en = browse(&["--lang", "en", "status", "--as-of", "2023-06-30"]).stdout();
    assert!(en.contains("As of 2023-06-30") && en.contains("Overdue"), "{en}");
    let vi = browse(&["status", "--as-of", "2023-06-30"]).stdout();
    assert!(vi.contains("Tính đến ngày 30/6/2023") && vi.contains("Quá hạn"), "{vi}");
}

#[test]
fn every_command_has_help_with_examples() {
    // Every subcommand clap knows, so a new command without examples fails here.
    let commands = common::commands();
    assert!(commands.len() >= 15, "{commands:?}");
    for cmd in &commands {
        for (lang, heading) in [("vi", "Ví dụ:"), ("en", "Examples:")] {
            let out = danvan().args(["--lang", lang, cmd, "--help"]).output();
            let text = String::from_utf8(out.stdout).unwrap();
            assert!(text.contains(heading), "{cmd} {lang}: {text}");
            let examples = text.split(heading).nth(1).unwrap_or_default();
            assert!(
                examples.matches("danvan").count() >= 2,
                "{cmd} {lang}: fewer than two examples"
            );
        }
    }
}

/// The descriptions in `--help` (what a command does, what each option
/// does, the explanations of the examples) are in Vietnamese by default
/// and in English with --lang en, never mixed.
#[test]
fn help_descriptions_follow_the_language() {
    let vi_overdue = "Chỉ các đơn quá hạn thụ lý hoặc quá hạn giải quyết";
    let en_overdue = "Only petitions late for acceptance or resolution";
    for help in ["--help", "-h"] {
        let vi = danvan().args(["petitions", help]).stdout();
        assert!(vi.contains(vi_overdue) && !vi.contains(en_overdue), "{vi}");
        assert!(vi.contains("Sổ theo dõi thời hạn giải quyết đơn thư"), "{vi}");
        let en = danvan().args(["--lang", "en", "petitions", help]).stdout();
        assert!(en.contains(en_overdue) && !en.contains(vi_overdue), "{en}");
        assert!(!en.contains("Ví dụ:") && !en.contains("Tùy chọn:"), "{en}");
    }
    // The values of --format have their help in the language too.
    let vi = danvan().args(["petitions", "--help"]).stdout();
    assert!(vi.contains("- table:    Bảng để xem trên màn hình"), "{vi}");
    let en = danvan().args(["--lang", "en", "petitions", "--help"]).stdout();
    assert!(en.contains("- table:    A table for the terminal"), "{en}");

    let vi = danvan().arg("--help").stdout();
    let line = |text: &str, command: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(&format!("{command} ")))
            .map(str::to_owned)
            .unwrap_or_default()
    };
    assert!(
        line(&vi, "petitions").contains("Sổ theo dõi thời hạn giải quyết đơn thư"),
        "{vi}"
    );
    assert!(line(&vi, "check").contains("Kiểm tra mọi hồ sơ"), "{vi}");
    assert!(
        vi.contains("\nVí dụ:\n") && vi.contains("tổng quan của không gian hồ sơ"),
        "{vi}"
    );
    for english in [
        "The dashboard",
        "Validate every record",
        "Examples:",
        "The workspace folder",
    ] {
        assert!(!vi.contains(english), "{english}: {vi}");
    }
    let en = danvan().args(["--lang", "en", "--help"]).stdout();
    assert!(line(&en, "check").contains("Validate every record"), "{en}");
    assert!(en.contains("Examples:") && !en.contains("Ví dụ:"), "{en}");
    // `help COMMAND` is `COMMAND --help`.
    let vi = danvan().args(["help", "petitions"]).stdout();
    assert!(vi.contains(vi_overdue), "{vi}");
}

/// clap's own messages (an unknown command or option, a value not among
/// the possible ones, a required argument missing) follow the language:
/// Vietnamese by default, English with --lang en; exit 2 either way.
#[test]
fn usage_errors_are_in_the_chosen_language() {
    for (args, vi, en) in [
        (vec!["lisst"], "không có lệnh 'lisst'", "unrecognized subcommand"),
        (
            vec!["list", "--formt", "json"],
            "có tùy chọn gần giống: '--format'",
            "unexpected argument",
        ),
        (
            vec!["list", "petitions", "--format", "xml"],
            "[các giá trị: table, json",
            "[possible values",
        ),
        (
            vec!["show"],
            "thiếu đối số bắt buộc: <ID>",
            "the following required arguments",
        ),
        (
            vec!["--as-of", "soon", "status"],
            "không phải một ngày",
            "is not a date",
        ),
        (
            vec![
                "--records",
                "tests/fixtures/browse",
                "list",
                "petitions",
                "--period",
                "2022-H3",
            ],
            "nửa năm là H1 hoặc H2",
            "a half-year is H1 or H2",
        ),
    ] {
        let out = danvan().args(&args).run();
        assert_eq!(out.code, 2, "{args:?}");
        assert!(
            out.stderr.contains(vi) && !out.stderr.contains(en),
            "{args:?}: {}",
            out.stderr
        );
        let out = danvan().arg("--lang").arg("en").args(&args).run();
        assert_eq!(out.code, 2, "{args:?}");
        assert!(out.stderr.contains(en), "{args:?}: {}", out.stderr);
    }
}

/// `--help` says clap's own words in Vietnamese by default (the headings,
/// its help and version lines, `[default: …]`, `[possible values: …]`),
/// in English with --lang en.
#[test]
fn help_headings_follow_the_language() {
    for cmd in [vec!["--help"], vec!["list", "--help"], vec!["check", "--help"]] {
        let vi = danvan().args(&cmd).stdout();
        assert!(
            vi.contains("Cách dùng: danvan") && vi.contains("Tùy chọn:"),
            "{cmd:?}: {vi}"
        );
        assert!(!vi.contains("Usage:") && !vi.contains("Print help"), "{cmd:?}: {vi}");
        let en = danvan().arg("--lang").arg("en").args(&cmd).stdout();
        assert!(en.contains("Usage: danvan") && en.contains("Options:"), "{cmd:?}: {en}");
    }
    let vi = danvan().args(["check", "--help"]).stdout();
    // The formats have their own help: clap lists them one per line.
    assert!(
        vi.contains("[mặc định: human]") && vi.contains("Các giá trị:") && vi.contains("- human:"),
        "{vi}"
    );
}
