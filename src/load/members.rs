//! The `[[member]]` folders of a province workspace: each must be a
//! workspace of its own, and no two members the same one. Their records
//! are read by `danvan rollup`, not here: a province loads as any
//! workspace, with the records of its own (often none).

use crate::diag::{Code, Diagnostic};
use crate::i18n::tr;
use crate::model::*;
use std::path::Path;

/// E060 for each member whose folder is missing, is not a workspace, is the
/// province itself or is another member's; the diagnostics point at the
/// member's `path` in the `danvan.toml` at `config_path`.
pub(super) fn check_members(root: &Path, config: &Config, config_path: &Path) -> Vec<Diagnostic> {
    let own = std::fs::canonicalize(root).ok();
    let mut seen: std::collections::HashMap<std::path::PathBuf, &str> =
        std::collections::HashMap::with_capacity(config.members.len());
    let mut out = Vec::new();
    for m in &config.members {
        let dir = m.root_under(root);
        let problem = if !dir.is_dir() {
            Some((
                tr!(
                    "cấp ủy trực thuộc `{}`: không có thư mục {}",
                    "member `{}`: the folder {} does not exist",
                    m.id.as_str(),
                    dir.display()
                ),
                tr!(
                    "đường dẫn tính từ danvan.toml; tải kho hồ sơ của cấp ủy về đó (git submodule add URL {}) hoặc sửa path",
                    "the path is relative to danvan.toml; clone the committee's repository there (git submodule add URL {}) or fix the path",
                    m.path.as_str()
                ),
            ))
        } else if !dir.join("danvan.toml").is_file() {
            Some((
                tr!(
                    "cấp ủy trực thuộc `{}`: {} không phải không gian hồ sơ (không có danvan.toml)",
                    "member `{}`: {} is not a workspace (it has no danvan.toml)",
                    m.id.as_str(),
                    dir.display()
                ),
                tr!(
                    "chỉ path tới thư mục chứa danvan.toml của cấp ủy đó",
                    "point path at the folder that holds that committee's danvan.toml"
                ),
            ))
        } else {
            let canonical = std::fs::canonicalize(&dir).unwrap_or_else(|_| dir.clone());
            if own.as_ref() == Some(&canonical) {
                Some((
                    tr!(
                        "cấp ủy trực thuộc `{}` là chính không gian hồ sơ này",
                        "member `{}` is this workspace itself",
                        m.id.as_str()
                    ),
                    tr!(
                        "một tỉnh không tổng hợp chính mình: chỉ path tới thư mục của cấp ủy trực thuộc",
                        "a province does not roll itself up: point path at the member committee's folder"
                    ),
                ))
            } else if let Some(other) = seen.get(&canonical) {
                Some((
                    tr!(
                        "cấp ủy trực thuộc `{}` dùng cùng thư mục với `{}`",
                        "member `{}` names the same folder as `{}`",
                        m.id.as_str(),
                        other
                    ),
                    tr!(
                        "mỗi cấp ủy một thư mục: bỏ một trong hai",
                        "one folder per committee: remove one of them"
                    ),
                ))
            } else {
                seen.insert(canonical, m.id.as_str());
                None
            }
        };
        if let Some((message, help)) = problem {
            out.push(
                Diagnostic::new(Code::Member, message)
                    .in_file(config_path)
                    .at(m.path.span.range())
                    .with_help(help),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::diag::Code;
    use crate::load::tests::{CONFIG, found, workspace, write};

    #[test]
    fn each_member_is_a_workspace_of_its_own() {
        let members = "[[member]]\nid = \"a\"\npath = \"communes/a\"\n\
                       [[member]]\nid = \"missing\"\npath = \"communes/missing\"\n\
                       [[member]]\nid = \"plain\"\npath = \"communes/plain\"\n\
                       [[member]]\nid = \"again\"\npath = \"communes/../communes/a\"\n\
                       [[member]]\nid = \"self\"\npath = \".\"\n\
                       [[member]]\nid = \"a\"\npath = \"communes/b\"\n\
                       [[member]]\nid = \"blank\"\npath = \" \"\n[[member]]\npath = \"x\"\nname = \"X\"\n\
                       [[member]]\nid = \"../up\"\npath = \"communes/b\"\n";
        let dir = workspace(&[
            ("danvan.toml", &format!("{CONFIG}{members}")),
            ("communes/a/danvan.toml", CONFIG),
            ("communes/b/danvan.toml", CONFIG),
            ("communes/plain/notes.txt", "not a workspace"),
        ]);
        // The members' own records are theirs: the province's walk does
        // not warn about them (W002).
        write(dir.path(), "communes/a/petitions/p.toml", b"type = \"complaint\"\n");
        let loaded = crate::check::load(dir.path());
        assert_eq!(
            found(dir.path(), &loaded),
            [
                (Code::Member, "danvan.toml", "\"communes/missing\""),
                (Code::Member, "danvan.toml", "\"communes/plain\""),
                (Code::Member, "danvan.toml", "\"communes/../communes/a\""),
                (Code::Member, "danvan.toml", "\".\""),
                (Code::DuplicateId, "danvan.toml", "\"a\""),
                (Code::BadFormat, "danvan.toml", "\" \""),
                // The last member: no id (at the table's start), and a key it does not have.
                (Code::MissingField, "danvan.toml", ""),
                (Code::UnknownKey, "danvan.toml", "name"),
                // An id that would not name a folder of the bundle.
                (Code::BadFormat, "danvan.toml", "\"../up\""),
            ]
            .map(|(c, f, at)| (c, f.to_owned(), at.to_owned()))
        );
        let config = &loaded.workspace.as_ref().unwrap().config;
        let ids: Vec<&str> = config.members.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["a", "missing", "plain", "again", "self", "a"]);
        assert_eq!(config.members[0].root_under(dir.path()), dir.path().join("communes/a"));
    }
}
