//! `danvan man`: the manual page, from the same definitions as `--help`, on
//! standard output or as one page per command with `--out DIR`.

mod common;
use common::danvan;

#[test]
fn the_page_of_danvan_goes_to_standard_output() {
    // No workspace needed.
    let nowhere = tempfile::tempdir().unwrap();
    let page = danvan().current_dir(nowhere.path()).arg("man").stdout();
    assert!(page.contains("\n.TH danvan 1 "), "{page}");
    for section in [".SH NAME", ".SH \"CÚ PHÁP\"", ".SH \"TÙY CHỌN\"", ".SH LỆNH"] {
        assert!(page.contains(section), "{section} missing:\n{page}");
    }
    // Each command, as a reference to its own page (`-` is `\-` in roff).
    for command in common::commands() {
        assert!(page.contains(&format!("danvan\\-{command}(1)")), "{command}");
    }
}

#[test]
fn out_writes_one_page_per_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("man1");
    let printed = danvan().arg("man").arg("--out").arg(&out).stdout();
    let commands = common::commands();
    let mut expected: Vec<String> = commands.iter().map(|c| format!("danvan-{c}.1")).collect();
    expected.push("danvan.1".to_owned());
    expected.sort();
    let mut written: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written, expected);
    // The paths written are printed, one a line.
    assert_eq!(printed.lines().count(), expected.len(), "{printed}");
    for command in &commands {
        let page = std::fs::read_to_string(out.join(format!("danvan-{command}.1"))).unwrap();
        assert!(page.contains(&format!(".TH danvan-{command} 1 ")), "{command}:\n{page}");
    }
}

#[test]
fn help_and_the_page_say_the_same() {
    // One definition: the description of `check` in `--help` is in the page.
    let help = danvan().args(["--lang", "en", "--help"]).stdout();
    let line = help
        .lines()
        .find(|l| l.trim_start().starts_with("check "))
        .expect("check in --help");
    let about = line.trim_start().trim_start_matches("check").trim();
    let page = danvan().args(["--lang", "en", "man"]).stdout();
    assert!(page.contains(about), "{about:?} not in the page");
}

#[test]
fn the_page_is_in_the_language_of_the_help() {
    // The description of `check` in the Vietnamese --help is in the
    // Vietnamese page, and none of the English; so are the headings, but
    // NAME, which whatis and mandb look for.
    let help = danvan().arg("--help").stdout();
    let line = help
        .lines()
        .find(|l| l.trim_start().starts_with("check "))
        .expect("check in --help");
    let about = line.trim_start().trim_start_matches("check").trim();
    let page = danvan().arg("man").stdout();
    assert!(page.contains(about), "{about:?} not in the page");
    for english in [
        "Validate every record",
        "The workspace folder",
        "Print help",
        "Possible values",
        "[default:",
        "Examples:",
        "Success.",
        "subcommands",
    ] {
        assert!(!page.contains(english), "{english} in the Vietnamese page");
    }
    for heading in [
        ".SH NAME",
        ".SH \"TÙY CHỌN\"",
        ".SH \"BIẾN MÔI TRƯỜNG\"",
        ".SH \"MÃ THOÁT\"",
    ] {
        assert!(page.contains(heading), "{heading}");
    }
    for english in ["SYNOPSIS", "OPTIONS", "SUBCOMMANDS", "ENVIRONMENT", "EXIT STATUS"] {
        assert!(
            !page.contains(&format!(".SH {english}")),
            "{english} heading in the Vietnamese page"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    danvan().args(["man", "--out"]).arg(dir.path()).stdout();
    let petitions = std::fs::read_to_string(dir.path().join("danvan-petitions.1")).unwrap();
    assert!(
        petitions.contains("Chỉ các đơn quá hạn thụ lý hoặc quá hạn giải quyết")
            && petitions.contains("Ví dụ:")
            && !petitions.contains("Print help"),
        "{petitions}"
    );
    let english = danvan().args(["--lang", "en", "man"]).stdout();
    assert!(english.contains("Validate every record") && english.contains("Success."));
    for heading in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH OPTIONS",
        ".SH ENVIRONMENT",
        ".SH \"EXIT STATUS\"",
    ] {
        assert!(english.contains(heading), "{heading} in the English page");
    }
}
