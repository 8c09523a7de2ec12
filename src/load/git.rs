//! What git knows about the records: the commit a report was made from.

use std::path::Path;

/// The last commit that touched the records under `root`, when they are in
/// a git repository (no network: `git log` reads the local repository).
pub fn records_commit(root: &Path) -> Option<String> {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["log", "-1", "--format=%H", "--", "."])
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let commit = text.trim();
    (out.status.success() && commit.len() >= 7).then(|| commit.to_owned())
}
