//! Every id a record names (unit, organisation, meeting) is defined in the
//! workspace.
//!
//! Owns E021 `unknown-reference`, W004 `listed-twice` (a unit or
//! organisation named twice in one list), E036 `unit-merge` (a
//! `merged_into` that cannot be followed) and W006 `before-unit` (a record
//! dated before its unit existed). [`dangling`] also words the unit and
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

/// E036: a unit merged into itself, into a unit merged back into it,
/// without `until`, or into a unit that did not exist the day after.
pub(super) fn merges(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    let units = &ws.config.units;
    for u in units {
        let Some(into) = &u.merged_into else { continue };
        let Some(target) = ws.config.unit(&into.value) else {
            continue;
        };
        let mut seen = vec![u.id.value.as_str()];
        let mut next = Some(target);
        let mut circular = false;
        while let Some(t) = next {
            if seen.contains(&t.id.value.as_str()) {
                circular = true;
                break;
            }
            seen.push(&t.id.value);
            next = t.merged_into.as_ref().and_then(|m| ws.config.unit(&m.value));
        }
        let day_after = u.until.as_ref().and_then(|d| d.value.succ_opt());
        let problem = if circular {
            Some(tr!(
                "`{}` sáp nhập vòng tròn: {}",
                "`{}` is merged in a circle: {}",
                u.id.value,
                seen.join(" → ")
            ))
        } else if u.until.is_none() {
            Some(tr!(
                "`{}` có `merged_into` nhưng không có `until` (ngày cuối còn tồn tại)",
                "`{}` has `merged_into` but no `until` (the last day it existed)",
                u.id.value
            ))
        } else if day_after.is_some_and(|d| !target.exists_on(d)) {
            Some(tr!(
                "`{}` sáp nhập vào `{}`, nhưng đơn vị đó chưa có vào ngày {}",
                "`{}` is merged into `{}`, which does not exist on {}",
                u.id.value,
                target.id.value,
                day_after.map(|d| d.to_string()).unwrap_or_default()
            ))
        } else {
            None
        };
        if let Some(message) = problem {
            out.push(
                diag(ws, ws.config_file, Code::UnitMerge, into.span, message).with_help(tr!(
                    "kiểm tra mã và ngày của đợt sắp xếp: until của đơn vị cũ, since của đơn vị mới",
                    "check the ids and dates of the reorganisation: the old unit's until, the new one's since"
                )),
            );
        }
    }
}

/// W006: a record dated before a unit it names existed.
pub(super) fn before_units(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    let mut check = |file: FileId, date: chrono::NaiveDate, units: &[Ref]| {
        for r in units {
            let Some(unit) = ws.config.unit(&r.value) else { continue };
            if let Some(since) = unit.since.as_ref().filter(|s| date < s.value) {
                out.push(
                    diag(
                        ws,
                        file,
                        Code::BeforeUnit,
                        r.span,
                        tr!(
                            "hồ sơ ngày {} ghi đơn vị \"{}\", thành lập từ {}",
                            "a record of {} names \"{}\", which exists from {}",
                            date,
                            r.value,
                            since.value
                        ),
                    )
                    .with_help(tr!(
                        "dùng mã của đơn vị cũ cho hồ sơ trước ngày sắp xếp, hoặc sửa ngày",
                        "use the former unit's id for a record before the reorganisation, or fix the date"
                    )),
                );
            }
        }
    };
    for m in &ws.models {
        check(m.file, m.started.value, &m.units);
    }
    for m in &ws.meetings {
        check(m.file, m.date.value, &m.units);
    }
    for p in &ws.petitions {
        check(p.file, p.received.value, &p.units);
    }
}

/// W004: the second naming of a unit or organisation in one list.
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
    fn merges_that_cannot_be_followed() {
        let units = "[[unit]]\nid = \"a\"\nname = \"A\"\nuntil = 2025-06-30\nmerged_into = \"a\"\n\
            [[unit]]\nid = \"b\"\nname = \"B\"\nmerged_into = \"tan-my\"\n\
            [[unit]]\nid = \"c\"\nname = \"C\"\nuntil = 2025-06-30\nmerged_into = \"d\"\n\
            [[unit]]\nid = \"d\"\nname = \"D\"\nuntil = 2025-06-30\nmerged_into = \"c\"\n\
            [[unit]]\nid = \"e\"\nname = \"E\"\nuntil = 2025-06-30\nmerged_into = \"tan-my\"\n";
        let found = check(&[("danvan.toml", &config(units))]);
        let merges: Vec<&str> = found
            .iter()
            .filter(|(c, ..)| *c == Code::UnitMerge)
            .map(|(_, _, at)| at.as_str())
            .collect();
        // a into itself, b without until, c and d in a circle; e is fine.
        assert_eq!(merges, ["\"a\"", "\"tan-my\"", "\"d\"", "\"c\""], "{found:?}");
    }

    #[test]
    fn extensions_on_one_day_or_out_of_order() {
        let found = check(&[(
            "petitions/p.toml",
            &petition(
                "denunciation",
                "2022-03-01",
                "units = [\"tan-my\"]\naccepted = 2022-03-02\ncomplex = true\nextensions = [2022-04-01, 2022-04-01]\n",
            ),
        )]);
        assert!(found.iter().any(|(c, ..)| *c == Code::UpdatesOrder), "{found:?}");
    }

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
