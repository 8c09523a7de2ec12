//! Ids are unique per kind: units, organisations and members in
//! `danvan.toml`, models, meetings and petitions (their file stems),
//! targets.
//!
//! Owns E020 `duplicate-id`.

use super::diag;
use crate::diag::{Code, Diagnostic};
use crate::i18n::tr;
use crate::model::*;
use std::collections::HashMap;

/// The second holder of an id is reported, naming the file of the first.
pub(super) fn duplicate_ids(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    fn check<'a>(
        ws: &Workspace,
        out: &mut Vec<Diagnostic>,
        what: &str,
        items: impl Iterator<Item = (&'a str, FileId, Span)>,
    ) {
        let mut seen: HashMap<&str, FileId> = HashMap::with_capacity(items.size_hint().0);
        for (id, file, span) in items {
            if let Some(first) = seen.get(id) {
                let message = tr!(
                    "{} `{}` trùng mã với {}",
                    "{} id `{}` is already used by {}",
                    what,
                    id,
                    ws.path(*first).display()
                );
                out.push(
                    diag(ws, file, Code::DuplicateId, span, message)
                        .with_help(tr!("đổi tên một trong hai", "rename one of them")),
                );
            } else {
                seen.insert(id, file);
            }
        }
    }
    let cfg = ws.config_file;
    check(
        ws,
        out,
        "unit",
        ws.config.units.iter().map(|u| (u.id.as_str(), cfg, u.id.span)),
    );
    check(
        ws,
        out,
        "org",
        ws.config.orgs.iter().map(|o| (o.id.as_str(), cfg, o.id.span)),
    );
    check(
        ws,
        out,
        "member",
        ws.config.members.iter().map(|m| (m.id.as_str(), cfg, m.id.span)),
    );
    check(
        ws,
        out,
        "model",
        ws.models.iter().map(|m| (m.id.as_str(), m.file, Span::default())),
    );
    check(
        ws,
        out,
        "meeting",
        ws.meetings.iter().map(|m| (m.id.as_str(), m.file, Span::default())),
    );
    check(
        ws,
        out,
        "petition",
        ws.petitions.iter().map(|p| (p.id.as_str(), p.file, Span::default())),
    );
    check(
        ws,
        out,
        "target",
        ws.targets.iter().map(|t| (t.id.as_str(), t.file, t.span)),
    );
}

#[cfg(test)]
mod tests {
    use crate::check::tests::*;
    use crate::diag::Code;
    use crate::load::tests::{found, workspace};

    #[test]
    fn duplicate_ids_of_each_kind() {
        let cfg = config("").replace(
            "[calendar]",
            "[[unit]]\nid = \"tan-my\"\nname = \"again\"\n[[org]]\nid = \"mttq\"\nname = \"again\"\n[calendar]",
        );
        assert_eq!(
            check(&[("danvan.toml", &cfg)]),
            expect(&[
                (Code::DuplicateId, "danvan.toml", "\"tan-my\""),
                (Code::DuplicateId, "danvan.toml", "\"mttq\"")
            ])
        );
        // Same stem in two folders: reported on the later record, at its start.
        assert_eq!(
            check(&[
                ("models/a/m.toml", &model("")),
                ("models/b/m.toml", &model("").replace("2022-03-01", "2022-01-01")),
                ("meetings/2022/h.toml", &meeting("")),
                ("meetings/2023/h.toml", &meeting("").replace("2022", "2023")),
                ("petitions/2022/p.toml", &petition("complaint", "2022-03-01", "")),
                ("petitions/2023/p.toml", &petition("complaint", "2023-03-01", "")),
            ]),
            expect(&[
                (Code::DuplicateId, "meetings/2023/h.toml", ""),
                (Code::DuplicateId, "models/a/m.toml", ""),
                (Code::DuplicateId, "petitions/2023/p.toml", ""),
            ])
        );
        let targets = format!(
            "{}{}",
            target("t", "{ count = \"models\" }"),
            target("t", "{ count = \"meetings\" }")
        );
        let dir = workspace(&[("targets.toml", &targets)]);
        let loaded = crate::check::load(dir.path());
        assert_eq!(
            found(dir.path(), &loaded),
            expect(&[(Code::DuplicateId, "targets.toml", "[[target]]")])
        );
        let second = targets.rfind("[[target]]").unwrap();
        assert_eq!(
            loaded.diagnostics[0].span,
            Some(second..second + "[[target]]".len()),
            "the second target"
        );
        // The same id in different kinds is fine.
        assert_eq!(
            check(&[
                ("models/x.toml", &model("")),
                ("meetings/x.toml", &meeting("")),
                ("petitions/x.toml", &petition("complaint", "2022-03-01", ""))
            ]),
            []
        );
    }
}
