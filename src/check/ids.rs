//! Ids are unique per kind: units, organisations and members in
//! `danvan.toml`, models, meetings and petitions (their file stems),
//! targets.
//!
//! Owns E020 `duplicate-id` and W005 `look-alike` (unit ids that differ
//! only by case, organisations that share a name).

use super::diag;
use crate::diag::{Code, Diagnostic};
use crate::i18n::tr;
use crate::model::*;
use foldhash::{HashMap, HashMapExt};

/// W005: what a reader cannot tell apart: unit ids equal but for case,
/// two organisations with one name (accents and case aside).
pub(super) fn look_alikes(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    let cfg = ws.config_file;
    let units = &ws.config.units;
    for (i, u) in units.iter().enumerate() {
        let twin = units[..i]
            .iter()
            .find(|e| e.id.value != u.id.value && e.id.to_lowercase() == u.id.to_lowercase());
        if let Some(twin) = twin {
            out.push(
                diag(
                    ws,
                    cfg,
                    Code::LookAlike,
                    u.id.span,
                    tr!(
                        "mã đơn vị `{}` chỉ khác `{}` ở chữ hoa chữ thường",
                        "the unit id `{}` differs from `{}` only by case",
                        u.id.value,
                        twin.id.value
                    ),
                )
                .with_help(tr!(
                    "dùng một mã cho một đơn vị, viết thường",
                    "use one id per unit, in lower case"
                )),
            );
        }
    }
    let orgs = &ws.config.orgs;
    for (i, o) in orgs.iter().enumerate() {
        let name = crate::text::fold(&o.name);
        if let Some(twin) = orgs[..i].iter().find(|e| crate::text::fold(&e.name) == name) {
            out.push(
                diag(
                    ws,
                    cfg,
                    Code::LookAlike,
                    o.id.span,
                    tr!(
                        "tổ chức `{}` cùng tên với `{}`: \"{}\"",
                        "the organisation `{}` has the name of `{}`: \"{}\"",
                        o.id.value,
                        twin.id.value,
                        o.name
                    ),
                )
                .with_help(tr!(
                    "đặt tên đầy đủ, phân biệt được, hoặc gộp hai tổ chức",
                    "give each its full name, or merge the two"
                )),
            );
        }
    }
}

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
