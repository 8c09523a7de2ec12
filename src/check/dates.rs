//! Dates within one record come in the order of events: a unit's `since`
//! before its `until`, a model's dates after `started`, a meeting's
//! conclusions and notice after the meeting, a petition's acceptance and
//! resolution after its receipt.
//!
//! Owns E030 `date-order` and W007 `updates-order` (a model's updates
//! or a denunciation's extensions not oldest first). (A target's deadline
//! before its baseline is E044, found by the loader as it reads
//! `targets.toml`; an extension before the acceptance is W003,
//! `check::petitions`: no extension problem stops a register.)

use super::diag;
use crate::diag::{Code, Diagnostic};
use crate::i18n::tr;
use crate::model::*;
use chrono::NaiveDate;

/// Reports `later` when it comes before `earlier`.
fn order(
    ws: &Workspace,
    out: &mut Vec<Diagnostic>,
    file: FileId,
    earlier: (&str, NaiveDate),
    later: (&str, &Sp<NaiveDate>),
) {
    if later.1.value < earlier.1 {
        let message = tr!(
            "`{}` ({}) trước `{}` ({})",
            "`{}` ({}) is before `{}` ({})",
            later.0,
            later.1.value,
            earlier.0,
            earlier.1
        );
        out.push(
            diag(ws, file, Code::DateOrder, later.1.span, message)
                .with_help(tr!("một trong hai ngày bị gõ nhầm", "one of the two dates is mistyped")),
        );
    }
}

/// W007: updates and extensions oldest first, extensions on distinct days.
pub(super) fn history_order(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    let mut check = |file: FileId, what: &str, dates: Vec<&Sp<NaiveDate>>, distinct: bool| {
        for pair in dates.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if b.value < a.value || (distinct && b.value == a.value) {
                out.push(
                    diag(
                        ws,
                        file,
                        Code::UpdatesOrder,
                        b.span,
                        tr!(
                            "{} {} đứng sau {}: cần theo thứ tự ngày, cũ trước{}",
                            "{} {} comes after {}: they go in date order, oldest first{}",
                            what,
                            b.value,
                            a.value,
                            if distinct {
                                crate::i18n::word(", mỗi ngày một lần", ", one a day")
                            } else {
                                ""
                            }
                        ),
                    )
                    .with_help(tr!("sắp xếp lại theo ngày", "reorder them by date")),
                );
            }
        }
    };
    for m in &ws.models {
        check(
            m.file,
            "update.date",
            m.updates.iter().map(|u| &u.date).collect(),
            false,
        );
    }
    for p in &ws.petitions {
        check(
            p.file,
            "extensions",
            p.extensions.iter().map(|e| &e.date).collect(),
            true,
        );
    }
}

pub(super) fn date_order(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    for u in &ws.config.units {
        if let (Some(since), Some(until)) = (&u.since, &u.until) {
            order(ws, out, ws.config_file, ("since", since.value), ("until", until));
        }
    }
    for m in &ws.models {
        let started = ("started", m.started.value);
        if let Some(e) = &m.ended {
            order(ws, out, m.file, started, ("ended", e));
        }
        if let Some(r) = &m.recognized {
            order(ws, out, m.file, started, ("recognized", r));
        }
        for u in &m.updates {
            order(ws, out, m.file, started, ("update.date", &u.date));
        }
    }
    for m in &ws.meetings {
        let held = ("date", m.date.value);
        for c in &m.conclusions {
            if let Some(done) = &c.done {
                order(ws, out, m.file, held, ("conclusion.done", done));
            }
            if let Some(due) = &c.due {
                order(ws, out, m.file, held, ("conclusion.due", due));
            }
        }
        if let Some(n) = &m.notice {
            order(ws, out, m.file, held, ("notice.date", &n.date));
        }
    }
    for p in &ws.petitions {
        let received = ("received", p.received.value);
        if let Some(a) = &p.accepted {
            order(ws, out, p.file, received, ("accepted", a));
        }
        if let Some(r) = &p.resolved {
            match &p.accepted {
                Some(a) => order(ws, out, p.file, ("accepted", a.value), ("resolved", r)),
                None => order(ws, out, p.file, received, ("resolved", r)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::tests::*;
    use crate::diag::Code;

    #[test]
    fn dates_in_impossible_order() {
        let cfg = config("").replace(
            "name = \"xã Tân Mỹ\"",
            "name = \"xã Tân Mỹ\"\nsince = 2025-07-01\nuntil = 2025-06-30",
        );
        assert_eq!(
            check(&[
                ("danvan.toml", &cfg),
                (
                    "models/m.toml",
                    &model(
                        "ended = 2022-02-28\nrecognition = \"commune\"\nrecognized = 2022-02-27\n\
                         [[update]]\ndate = 2022-02-26\nnote = \"x\"\n[[update]]\ndate = 2022-03-01\nnote = \"same day\"\n",
                    ),
                ),
                (
                    "meetings/h.toml",
                    &format!(
                        "{}{}",
                        meeting(
                            "[[conclusion]]\ntext = \"x\"\nassignee = \"ubnd\"\ndue = 2022-07-11\ndone = 2022-07-10\n"
                        ),
                        notice("1", "2022-07-09")
                    ),
                ),
                (
                    "petitions/a.toml",
                    &petition("complaint", "2022-04-10", "accepted = 2022-04-09\n")
                ),
                (
                    "petitions/b.toml",
                    &petition(
                        "complaint",
                        "2022-04-10",
                        "accepted = 2022-04-12\nresolved = 2022-04-11\n"
                    )
                ),
                (
                    "petitions/c.toml",
                    &petition("complaint", "2022-04-10", "resolved = 2022-04-08\n")
                ),
                (
                    "petitions/d.toml",
                    &petition(
                        "denunciation",
                        "2022-04-10",
                        "complex = true\naccepted = 2022-04-12\nextensions = [2022-04-11]\n"
                    )
                ),
                (
                    "petitions/e.toml",
                    &petition(
                        "complaint",
                        "2022-04-10",
                        "accepted = 2022-04-10\nresolved = 2022-04-10\n"
                    )
                ),
            ]),
            expect(&[
                (Code::DateOrder, "danvan.toml", "2025-06-30"),
                (Code::DateOrder, "meetings/h.toml", "2022-07-11"),
                (Code::DateOrder, "meetings/h.toml", "2022-07-10"),
                (Code::DateOrder, "meetings/h.toml", "2022-07-09"),
                (Code::DateOrder, "models/m.toml", "2022-02-28"),
                (Code::DateOrder, "models/m.toml", "2022-02-27"),
                (Code::DateOrder, "models/m.toml", "2022-02-26"),
                (Code::DateOrder, "petitions/a.toml", "2022-04-09"),
                (Code::DateOrder, "petitions/b.toml", "2022-04-11"),
                (Code::DateOrder, "petitions/c.toml", "2022-04-08"),
                // An extension before the acceptance: a warning of its own.
                (Code::Extensions, "petitions/d.toml", "2022-04-11"),
            ])
        );
    }
}
