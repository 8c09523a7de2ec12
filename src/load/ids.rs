//! The ids already taken in a record folder, read from the file names
//! alone: a new record must not collide even with a file that does not parse.

use std::collections::HashSet;
use std::path::Path;

/// The ids (file stems, NFC) of the `.toml` files under `kind_dir`, in any sub-folder.
pub fn existing(kind_dir: &Path) -> HashSet<String> {
    walkdir::WalkDir::new(kind_dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
        .filter_map(|e| e.path().file_stem().map(|s| crate::text::nfc(&s.to_string_lossy())))
        .collect()
}
