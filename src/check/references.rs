//! Every id a record names (unit, organisation, meeting) is defined in the
//! workspace.
//!
//! Owns E021 `unknown-reference` and W003 `listed-twice` (a unit or
//! organisation named twice in one list). [`dangling`] also words the unit and
//! organisation ids of target filters, which `targets` reports as E042.

use super::diag;
use crate::diag::{Code, Diagnostic, did_you_mean};
use crate::i18n::tr;
use crate::model::*;

#[derive(Clone, Copy)]
pub(super) enum RefKind {
    Unit,
    Org,
    Meeting,
}

/// What a reference to an id the workspace does not define says.
pub struct Dangling {
    pub message: String,
    pub help: String,
}

/// `None` when `id` is defined; else the message and help that name it.
pub(super) fn dangling(ws: &Workspace, id: &str, kind: RefKind) -> Option<Dangling> {
    let exists = match kind {
        RefKind::Unit => ws.config.unit(id).is_some(),
        RefKind::Org => ws.config.org(id).is_some(),
        RefKind::Meeting => ws.meeting(id).is_some(),
    };
    if exists {
        return None;
    }
    // Only a dangling reference pays for its message and the list of ids.
    let (what, candidates): (String, Vec<&str>) = match kind {
        RefKind::Unit => (
            tr!("đơn vị", "unit"),
            ws.config.units.iter().map(|u| u.id.as_str()).collect(),
        ),
        RefKind::Org => (
            tr!("tổ chức", "organisation"),
            ws.config.orgs.iter().map(|o| o.id.as_str()).collect(),
        ),
        RefKind::Meeting => (
            tr!("hội nghị", "meeting"),
            ws.meetings.iter().map(|m| m.id.as_str()).collect(),
        ),
    };
    let help = match did_you_mean(id, candidates.iter().copied()) {
        Some(s) => tr!("có phải ý bạn là \"{}\"?", "did you mean \"{}\"?", s),
        None if matches!(kind, RefKind::Meeting) => {
            tr!(
                "ghi mã hội nghị (tên tệp không có .toml)",
                "use a meeting id (its file name without .toml)"
            )
        }
        None => tr!(
            "khai báo trong danvan.toml, hoặc dùng một mã có sẵn: {}",
            "declare it in danvan.toml, or use one of: {}",
            candidates.join(", ")
        ),
    };
    Some(Dangling {
        message: tr!("không có {} nào mã \"{}\"", "no {} has the id \"{}\"", what, id),
        help,
    })
}

/// W003: the second naming of a unit or organisation in one list.
pub(super) fn listed_twice(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    let mut check = |file: FileId, list: &[Ref]| {
        for (i, r) in list.iter().enumerate() {
            if list[..i].iter().any(|earlier| earlier.value == r.value) {
                out.push(
                    diag(
                        ws,
                        file,
                        Code::ListedTwice,
                        r.span,
                        tr!("\"{}\" được ghi hai lần", "\"{}\" is listed twice", r.value),
                    )
                    .with_help(tr!("xóa chỗ lặp", "remove the repeat")),
                );
            }
        }
    };
    for m in &ws.models {
        check(m.file, &m.units);
    }
    for m in &ws.meetings {
        check(m.file, &m.units);
        check(m.file, &m.participants);
    }
    for p in &ws.petitions {
        check(p.file, &p.units);
    }
}

pub(super) fn references(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    let mut check = |file: FileId, r: &Ref, kind: RefKind| {
        if let Some(Dangling { message, help }) = dangling(ws, &r.value, kind) {
            out.push(diag(ws, file, Code::UnknownRef, r.span, message).with_help(help));
        }
    };
    for u in &ws.config.units {
        if let Some(m) = &u.merged_into {
            check(ws.config_file, m, RefKind::Unit);
        }
    }
    for m in &ws.models {
        m.units.iter().for_each(|u| check(m.file, u, RefKind::Unit));
        check(m.file, &m.lead, RefKind::Org);
    }
    for m in &ws.meetings {
        m.units.iter().for_each(|u| check(m.file, u, RefKind::Unit));
        m.participants.iter().for_each(|o| check(m.file, o, RefKind::Org));
        m.conclusions
            .iter()
            .for_each(|c| check(m.file, &c.assignee, RefKind::Org));
    }
    for p in &ws.petitions {
        p.units.iter().for_each(|u| check(p.file, u, RefKind::Unit));
        if let Some(h) = &p.handler {
            check(p.file, h, RefKind::Org);
        }
        if let Some(m) = &p.meeting {
            check(p.file, m, RefKind::Meeting);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::tests::*;
    use crate::diag::Code;

    #[test]
    fn every_reference_is_checked() {
        assert_eq!(
            check(&[
                (
                    "danvan.toml",
                    &config("").replace("name = \"xã Tân Mỹ\"", "name = \"xã Tân Mỹ\"\nmerged_into = \"xa-moi\"")
                ),
                (
                    "models/m.toml",
                    &model("units = [\"tan-my\", \"tan-mi\"]\n").replace("\"mttq\"", "\"mtqq\"")
                ),
                (
                    "meetings/h.toml",
                    &meeting(
                        "units = [\"tan-mỹ\"]\nparticipants = [\"mttq\", \"btv\"]\n[[conclusion]]\ntext = \"x\"\nassignee = \"ubdn\"\n"
                    ),
                ),
                (
                    "petitions/p.toml",
                    &petition(
                        "complaint",
                        "2022-08-01",
                        "units = [\"x\"]\nhandler = \"ubnd \"\nmeeting = \"h2\"\n"
                    )
                ),
                (
                    "petitions/q.toml",
                    &petition(
                        "complaint",
                        "2022-08-01",
                        "handler = \"ubnd\"\nmeeting = \"h\"\nunits = [\"tan-my\"]\n"
                    )
                ),
            ]),
            expect(&[
                (Code::UnknownRef, "danvan.toml", "\"xa-moi\""),
                (Code::UnknownRef, "meetings/h.toml", "\"tan-mỹ\""),
                (Code::UnknownRef, "meetings/h.toml", "\"btv\""),
                (Code::UnknownRef, "meetings/h.toml", "\"ubdn\""),
                (Code::UnknownRef, "models/m.toml", "\"mtqq\""),
                (Code::UnknownRef, "models/m.toml", "\"tan-mi\""),
                (Code::UnknownRef, "petitions/p.toml", "\"x\""),
                (Code::UnknownRef, "petitions/p.toml", "\"ubnd \""),
                (Code::UnknownRef, "petitions/p.toml", "\"h2\""),
            ])
        );
    }

    #[test]
    fn reference_help_suggests_or_lists() {
        let h = helps(&[(
            "petitions/p.toml",
            &petition("complaint", "2022-08-01", "handler = \"ubdn\"\n"),
        )]);
        assert!(h[0].contains("\"ubnd\""), "{h:?}");
        let h = helps(&[(
            "petitions/p.toml",
            &petition("complaint", "2022-08-01", "handler = \"zzzz\"\n"),
        )]);
        assert!(h[0].contains("ubnd, mttq"), "{h:?}");
        let h = helps(&[
            ("meetings/2022-07-12-so-ket.toml", &meeting("")),
            (
                "petitions/p.toml",
                &petition("complaint", "2022-08-01", "meeting = \"2022-07-12-so-kte\"\n"),
            ),
        ]);
        assert!(h[0].contains("\"2022-07-12-so-ket\""), "{h:?}");
    }
}
