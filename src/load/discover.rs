//! Finding the workspace, as git finds `.git` (SPEC section 1).

use crate::i18n::tr;
use std::path::{Path, PathBuf};

/// Where the workspace is, as SPEC section 1 says, or where we looked.
pub fn locate(explicit: Option<&Path>, cwd: &Path) -> Result<PathBuf, String> {
    if let Some(dir) = explicit {
        return if dir.is_dir() {
            Ok(dir.to_path_buf())
        } else {
            Err(tr!(
                "không tìm thấy thư mục hồ sơ {} (từ --records hoặc DANVAN_RECORDS)",
                "the records folder {} does not exist (from --records or DANVAN_RECORDS)",
                dir.display()
            ))
        };
    }
    let mut looked = Vec::new();
    for dir in cwd.ancestors() {
        if dir.join("danvan.toml").is_file() {
            return Ok(relative_to(dir, cwd));
        }
        looked.push(dir.display().to_string());
    }
    let fallback = cwd.join("records");
    if fallback.is_dir() {
        return Ok(PathBuf::from("records"));
    }
    Err(tr!(
        "không tìm thấy không gian hồ sơ: không có danvan.toml ở {} hay các thư mục cha, và không có ./records\n  (đã tìm: {}, {})\n  gợi ý: chỉ định --records THƯ_MỤC hoặc đặt DANVAN_RECORDS",
        "no workspace found: no danvan.toml in {} or any folder above it, and no ./records\n  (looked in: {}, {})\n  help: pass --records DIR or set DANVAN_RECORDS",
        cwd.display(),
        looked.join(", "),
        fallback.display()
    ))
}

/// `dir` as the user would type it from `cwd` ("." or "../..") when it is above.
fn relative_to(dir: &Path, cwd: &Path) -> PathBuf {
    match cwd.strip_prefix(dir) {
        Ok(rest) if rest.as_os_str().is_empty() => PathBuf::from("."),
        Ok(rest) => rest.components().map(|_| "..").collect(),
        Err(_) => dir.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::tests::{CONFIG, write};

    #[test]
    fn locate_follows_the_spec() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "ws/danvan.toml", CONFIG.as_bytes());
        std::fs::create_dir_all(root.join("ws/petitions/2022")).unwrap();
        std::fs::create_dir_all(root.join("plain/records")).unwrap();
        std::fs::create_dir_all(root.join("nothing")).unwrap();

        // --records wins, as given.
        assert_eq!(locate(Some(&root.join("plain")), root).unwrap(), root.join("plain"));
        let err = locate(Some(&root.join("missing")), root).unwrap_err();
        assert!(err.contains(&root.join("missing").display().to_string()), "{err}");
        // The nearest danvan.toml at or above, as a relative path.
        assert_eq!(locate(None, &root.join("ws")).unwrap(), PathBuf::from("."));
        assert_eq!(
            locate(None, &root.join("ws/petitions/2022")).unwrap(),
            PathBuf::from("../..")
        );
        // Else ./records.
        assert_eq!(locate(None, &root.join("plain")).unwrap(), PathBuf::from("records"));
        // Else an error that says where it looked.
        if root.ancestors().skip(1).all(|a| !a.join("danvan.toml").is_file()) {
            let err = locate(None, &root.join("nothing")).unwrap_err();
            assert!(err.contains(&root.join("nothing").display().to_string()), "{err}");
            assert!(
                err.contains(&root.join("nothing/records").display().to_string()),
                "{err}"
            );
            assert!(err.contains("--records"), "{err}");
        }
    }
}
