//! Finding the workspace, as git finds `.git` (SPEC section 1).

use crate::diag::{Code, Diagnostic};
use crate::i18n::tr;
use std::path::{Path, PathBuf};

/// Where the workspace is, as SPEC section 1 says: a folder that holds
/// `danvan.toml`. Anything else is E001 at once, before any folder is
/// walked (`--records /` must not crawl the disk): a `--records` folder
/// without `danvan.toml` fails like a search that found none.
pub fn locate(explicit: Option<&Path>, cwd: &Path) -> Result<PathBuf, Diagnostic> {
    if let Some(dir) = explicit {
        if !dir.is_dir() {
            return Err(no_workspace(
                dir.join("danvan.toml"),
                tr!(
                    "không tìm thấy thư mục hồ sơ {} (từ --records hoặc DANVAN_RECORDS)",
                    "the records folder {} does not exist (from --records or DANVAN_RECORDS)",
                    dir.display()
                ),
            ));
        }
        return holding_config(dir, dir.to_path_buf());
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
        return holding_config(&fallback, PathBuf::from("records"));
    }
    Err(no_workspace(
        cwd.join("danvan.toml"),
        tr!(
            "không tìm thấy không gian hồ sơ: không có danvan.toml ở {} hay các thư mục cha, và không có ./records\n  (đã tìm: {}, {})",
            "no workspace found: no danvan.toml in {} or any folder above it, and no ./records\n  (looked in: {}, {})",
            cwd.display(),
            looked.join(", "),
            fallback.display()
        ),
    ))
}

/// `shown` (the folder `dir` as the user gave it) when `dir` holds
/// `danvan.toml`; else E001 naming it.
fn holding_config(dir: &Path, shown: PathBuf) -> Result<PathBuf, Diagnostic> {
    if dir.join("danvan.toml").is_file() {
        return Ok(shown);
    }
    let dir = shown;
    Err(no_workspace(
        dir.join("danvan.toml"),
        tr!("{} không có danvan.toml", "{} has no danvan.toml", dir.display()),
    ))
}

/// E001: no workspace where one was looked for.
pub fn no_workspace(file: PathBuf, message: String) -> Diagnostic {
    Diagnostic::new(Code::NoWorkspace, message).in_file(file).with_help(tr!(
        "chỉ --records THƯ_MỤC (hoặc DANVAN_RECORDS) tới thư mục chứa danvan.toml, hoặc tạo không gian hồ sơ mới: danvan init THƯ_MỤC",
        "pass --records DIR (or set DANVAN_RECORDS) to the folder that holds danvan.toml, or make a new workspace: danvan init DIR"
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
        assert_eq!(locate(Some(&root.join("ws")), root).unwrap(), root.join("ws"));
        let err = locate(Some(&root.join("missing")), root).unwrap_err().message;
        assert!(err.contains(&root.join("missing").display().to_string()), "{err}");
        // A folder without danvan.toml is E001 at once, not a walk.
        let err = locate(Some(&root.join("nothing")), root).unwrap_err();
        assert_eq!(err.code, crate::diag::Code::NoWorkspace);
        assert!(err.help.unwrap().contains("danvan init"));
        // The nearest danvan.toml at or above, as a relative path.
        assert_eq!(locate(None, &root.join("ws")).unwrap(), PathBuf::from("."));
        assert_eq!(
            locate(None, &root.join("ws/petitions/2022")).unwrap(),
            PathBuf::from("../..")
        );
        // Else ./records, when it holds danvan.toml.
        assert_eq!(
            locate(None, &root.join("plain")).unwrap_err().code,
            crate::diag::Code::NoWorkspace
        );
        write(root, "plain/records/danvan.toml", CONFIG.as_bytes());
        assert_eq!(locate(None, &root.join("plain")).unwrap(), PathBuf::from("records"));
        // Else an error that says where it looked.
        if root.ancestors().skip(1).all(|a| !a.join("danvan.toml").is_file()) {
            let d = locate(None, &root.join("nothing")).unwrap_err();
            let err = format!("{} {}", d.message, d.help.unwrap_or_default());
            assert!(err.contains(&root.join("nothing").display().to_string()), "{err}");
            assert!(
                err.contains(&root.join("nothing/records").display().to_string()),
                "{err}"
            );
            assert!(err.contains("--records"), "{err}");
        }
    }
}
