//! `danvan completions SHELL`: a script for each shell clap knows, naming
//! every command, written without a workspace.

mod common;
use common::danvan;

const SHELLS: [&str; 5] = ["bash", "elvish", "fish", "powershell", "zsh"];

#[test]
fn every_shell_gets_a_script_that_names_every_command() {
    // Completions are asked for anywhere, not only in a workspace.
    let nowhere = tempfile::tempdir().unwrap();
    let commands = common::commands();
    assert!(commands.len() >= 15, "{commands:?}");
    for shell in SHELLS {
        let script = danvan()
            .current_dir(nowhere.path())
            .args(["completions", shell])
            .stdout();
        assert!(script.contains("danvan"), "{shell}:\n{script}");
        for command in &commands {
            assert!(script.contains(command.as_str()), "{shell}: no {command}");
        }
    }
}

#[test]
fn the_bash_script_is_valid_bash() {
    let Some(bash) = common::require_tool(&["bash"]) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("danvan.bash");
    std::fs::write(&path, danvan().args(["completions", "bash"]).stdout()).unwrap();
    let out = std::process::Command::new(bash).arg("-n").arg(&path).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    danvan()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains("bash"));
    danvan().arg("completions").assert().code(2);
}

#[test]
fn scripts_offer_the_closed_sets_and_the_shell_can_ask_for_record_ids() {
    let bash = danvan().args(["completions", "bash"]).stdout();
    for word in [
        "resolved-on-time",
        "done-late",
        "complaint",
        "reception",
        "conclusions",
        "E014",
    ] {
        assert!(bash.contains(word), "the bash script offers {word}");
    }
    // COMPLETE=bash: the shell asks danvan, which lists the records' ids.
    let out = danvan()
        .env("COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", "2")
        .env("_CLAP_COMPLETE_COMP_TYPE", "9")
        .env("_CLAP_COMPLETE_SPACE", "true")
        .args(["--", "danvan", "show", "2025-05"])
        .run();
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        out.stdout.contains("2025-05-15-khieu-nai-long-hung-a"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("2023-"), "only ids that start so: {}", out.stdout);
}

/// The descriptions a shell shows beside the options are the help's, in
/// the same language: Vietnamese by default, English with --lang en.
#[test]
fn the_descriptions_follow_the_language() {
    let (vi, en) = (
        "Chỉ các đơn quá hạn thụ lý hoặc quá hạn giải quyết",
        "Only petitions late for acceptance or resolution",
    );
    for shell in ["fish", "zsh", "powershell", "elvish"] {
        let script = danvan().args(["completions", shell]).stdout();
        assert!(script.contains(vi) && !script.contains(en), "{shell}");
        assert!(!script.contains("Print help"), "{shell}: clap's --help in English");
        let script = danvan().args(["--lang", "en", "completions", shell]).stdout();
        assert!(script.contains(en) && !script.contains(vi), "{shell}");
    }
    // And when the shell asks danvan itself.
    let out = danvan()
        .env("COMPLETE", "fish")
        .args(["--", "danvan", "petitions", "--ov"])
        .stdout();
    assert!(out.contains(&format!("--overdue\t{vi}")), "{out}");
    // With --lang en on the line being completed, in English.
    let out = danvan()
        .env("COMPLETE", "fish")
        .args(["--", "danvan", "--lang", "en", "petitions", "--ov"])
        .stdout();
    assert!(out.contains(&format!("--overdue\t{en}")), "{out}");
    let out = danvan()
        .env("COMPLETE", "fish")
        .args(["--", "danvan", "--lang=en", "st"])
        .stdout();
    assert!(out.starts_with("status\tThe dashboard"), "{out}");
}
