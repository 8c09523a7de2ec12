//! The text an office adds to a review (`danvan review`): a Markdown file
//! beside the records, `reviews/<PERIOD>.md`, read like a record (bounded,
//! UTF-8, never a pipe) but not a record: the walk skips it.

use crate::diag::Diagnostic;
use std::path::Path;

/// The file `rel` under the workspace `root`, NFC, without a byte-order
/// mark; `None` when there is none (or it is empty).
pub fn review_text(root: &Path, rel: &str) -> Result<Option<String>, Diagnostic> {
    let path = root.join(rel);
    match std::fs::symlink_metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Ok(m) if m.is_file() && m.len() == 0 => return Ok(None),
        _ => {}
    }
    let text = super::read_text(&path)?;
    Ok(Some(crate::text::nfc(text.trim_start_matches('\u{feff}'))))
}
