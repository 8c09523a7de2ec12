//! What git knows about the records: the commit a report was made from.

use std::path::Path;

/// The commit the records were read at, and whether they differed from it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RecordsCommit {
    /// The last commit that touched the records.
    pub id: String,
    /// Whether the records had changes not committed (edited, added or
    /// removed files under the workspace): then the report is not that
    /// commit's.
    pub uncommitted_changes: bool,
}

/// The commit of the records under `root` and whether they had uncommitted
/// changes, when they are in a git repository (no network: `git log` and
/// `git status` read the local repository).
pub fn records_state(root: &Path) -> Option<RecordsCommit> {
    let id = records_commit(root)?;
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["status", "--porcelain", "--untracked-files=normal", "--", "."])
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    let uncommitted_changes = !out.status.success() || !out.stdout.is_empty();
    Some(RecordsCommit {
        id,
        uncommitted_changes,
    })
}

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
