//! The README's examples are real output: every block between
//! `<!-- example: ARGS -->` and `<!-- /example -->` is what `danvan ARGS`
//! prints from the repository root. `DANVAN_UPDATE_README=1 cargo test
//! --test readme` rewrites the blocks after a deliberate change.

mod common;
use common::danvan;

/// What `danvan --color never ARGS` prints from the repository root
/// (stdout, then stderr) in a terminal 120 columns wide, trimmed as the
/// README shows it.
fn run(args: &str) -> String {
    let words: Vec<&str> = args.split_whitespace().collect();
    let out = danvan()
        .args(["--color", "never"])
        .args(&words)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "120")
        .output();
    let mut text = String::from_utf8(out.stdout).unwrap();
    text.push_str(&String::from_utf8(out.stderr).unwrap());
    text.trim_end().trim_start_matches('\n').to_owned()
}

#[test]
fn readme_examples_are_real_output() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let mut out = String::new();
    let mut rest = readme.as_str();
    let mut stale = Vec::new();
    let mut count = 0;
    while let Some(start) = rest.find("<!-- example: ") {
        let (before, after) = rest.split_at(start);
        out.push_str(before);
        let header_end = after.find("-->").unwrap() + 3;
        let args = after["<!-- example: ".len()..header_end - 3].trim();
        let end = after.find("<!-- /example -->").expect("an example block is closed");
        let block = &after[header_end..end];
        let expected = block
            .trim_matches('\n')
            .strip_prefix("```text\n")
            .and_then(|b| b.strip_suffix("\n```"))
            .unwrap_or(block);
        let actual = run(args);
        if expected != actual {
            stale.push(args.to_owned());
        }
        out.push_str(&after[..header_end]);
        out.push_str(&format!("\n```text\n{actual}\n```\n"));
        rest = &after[end..];
        count += 1;
    }
    out.push_str(rest);
    assert!(count >= 3, "the README has its examples");
    if std::env::var_os("DANVAN_UPDATE_README").is_some() {
        std::fs::write(path, out).unwrap();
        return;
    }
    assert!(
        stale.is_empty(),
        "README examples out of date (DANVAN_UPDATE_README=1 to refresh): {stale:?}"
    );
}
