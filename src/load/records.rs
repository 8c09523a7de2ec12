//! One function per record kind: spanned TOML table → typed record.

use super::reader::{Ctx, Table};
use crate::diag::{Code, Diagnostic};
use crate::i18n::tr;
use crate::model::*;
use std::collections::BTreeMap;

/// Parses a model; `None` when a required field is missing or wrong.
pub fn model(cx: &mut Ctx<'_>, t: &Table<'_, '_>, id: String, file: FileId) -> Option<Model> {
    const KEYS: &[&str] = &[
        "title",
        "units",
        "lead",
        "started",
        "ended",
        "status",
        "recognition",
        "recognized",
        "tags",
        "summary",
        "source",
        "indicators",
        "update",
    ];
    t.finish(cx, KEYS);
    let title = t.req_string(cx, "title");
    let units = t.string_list(cx, "units");
    let lead = t.req_string(cx, "lead");
    let started = t.req_date(cx, "started");
    let ended = t.date(cx, "ended");
    let status = t.req_keyword::<ModelStatus>(cx, "status");
    let recognition = t.keyword::<Recognition>(cx, "recognition");
    let recognized = t.date(cx, "recognized");
    let tags = t.string_list(cx, "tags").into_iter().map(|s| s.value).collect();
    let summary = t.string(cx, "summary").map(|s| s.value);
    let source = t.string(cx, "source").map(|s| s.value);
    let mut indicators = BTreeMap::new();
    if let Some(ind) = t.table(cx, "indicators") {
        let names: Vec<String> = ind.keys().map(|(k, _)| k.to_owned()).collect();
        for name in names {
            if let Some(n) = ind.number(cx, &name) {
                indicators.insert(name, n);
            }
        }
    }
    let mut updates = Vec::new();
    for u in t.tables(cx, "update") {
        u.finish(cx, &["date", "note"]);
        let date = u.req_date(cx, "date");
        let note = u.req_string(cx, "note");
        if let (Some(date), Some(note)) = (date, note) {
            updates.push(Update { date, note: note.value });
        }
    }
    Some(Model {
        id,
        file,
        title: title?.value,
        units,
        lead: lead?,
        started: started?,
        ended,
        status: status?.value,
        recognition,
        recognized,
        tags,
        summary,
        source,
        indicators,
        updates,
    })
}

pub fn meeting(cx: &mut Ctx<'_>, t: &Table<'_, '_>, id: String, file: FileId) -> Option<Meeting> {
    const KEYS: &[&str] = &[
        "title",
        "type",
        "date",
        "period",
        "units",
        "chair",
        "participants",
        "attendance",
        "situation",
        "assessment",
        "conclusion",
        "notice",
    ];
    t.finish(cx, KEYS);
    let title = t.req_string(cx, "title");
    let kind = t.req_keyword::<MeetingType>(cx, "type");
    let date = t.req_date(cx, "date");
    let period = t
        .string(cx, "period")
        .and_then(|p| match crate::domain::period::Period::parse(&p.value) {
            Ok(period) => Some(period),
            Err(msg) => {
                cx.diags.push(
                    Diagnostic::new(
                        Code::BadFormat,
                        tr!("kỳ \"{}\" không hợp lệ", "invalid period \"{}\"", p.value),
                    )
                    .in_file(cx.path)
                    .at(p.span.range())
                    .with_help(msg),
                );
                None
            }
        });
    let units = t.string_list(cx, "units");
    let chair = t.string(cx, "chair").map(|s| s.value);
    let participants = t.string_list(cx, "participants");
    let attendance = t.int(cx, "attendance", 0, i64::from(u32::MAX)).map(|n| n.value as u32);
    let situation = t.string(cx, "situation").map(|s| s.value);
    let assessment = t.string(cx, "assessment").map(|s| s.value);
    let mut conclusions = Vec::new();
    for c in t.tables(cx, "conclusion") {
        c.finish(cx, &["text", "assignee", "due", "done"]);
        let text = c.req_string(cx, "text");
        let assignee = c.req_string(cx, "assignee");
        let due = c.date(cx, "due");
        let done = c.date(cx, "done");
        if let (Some(text), Some(assignee)) = (text, assignee) {
            conclusions.push(Conclusion {
                text: text.value,
                assignee,
                due,
                done,
            });
        }
    }
    let notice = t.table(cx, "notice").and_then(|n| notice(cx, &n));
    Some(Meeting {
        id,
        file,
        title: title?.value,
        kind: kind?.value,
        date: date?,
        period,
        units,
        chair,
        participants,
        attendance,
        situation,
        assessment,
        conclusions,
        notice,
    })
}

fn notice(cx: &mut Ctx<'_>, n: &Table<'_, '_>) -> Option<Notice> {
    n.finish(
        cx,
        &["number", "date", "subject", "signer", "signer_title", "recipients"],
    );
    let number = n.req_string(cx, "number");
    let date = n.req_date(cx, "date");
    let subject = n.req_string(cx, "subject");
    let signer = n.req_string(cx, "signer");
    let signer_title = n.req_string(cx, "signer_title");
    let recipients = n.string_list(cx, "recipients").into_iter().map(|s| s.value).collect();
    Some(Notice {
        number: number?,
        date: date?,
        subject: subject?.value,
        signer: signer?.value,
        signer_title: signer_title?.value,
        recipients,
    })
}

pub fn petition(cx: &mut Ctx<'_>, t: &Table<'_, '_>, id: String, file: FileId) -> Option<Petition> {
    const KEYS: &[&str] = &[
        "type",
        "round",
        "received",
        "channel",
        "units",
        "field",
        "summary",
        "complex",
        "remote",
        "handler",
        "meeting",
        "accepted",
        "extensions",
        "resolved",
        "outcome",
        "petitioner",
    ];
    t.finish(cx, KEYS);
    let kind = t.req_keyword::<PetitionType>(cx, "type");
    let round = t.int(cx, "round", i64::MIN, i64::MAX).and_then(|r| match r.value {
        1 | 2 => Some(Sp::new(r.value as u8, r.span)),
        n => {
            cx.diags.push(
                Diagnostic::new(
                    Code::Round,
                    tr!("`round` là 1 hoặc 2, không phải {}", "`round` is 1 or 2, not {}", n),
                )
                .in_file(cx.path)
                .at(r.span.range())
                .with_help(tr!(
                    "khiếu nại lần đầu: round = 1; lần hai: round = 2",
                    "first complaint: round = 1; second: round = 2"
                )),
            );
            None
        }
    });
    let received = t.req_date(cx, "received");
    let channel = t.keyword::<Channel>(cx, "channel").map(|c| c.value);
    let units = t.string_list(cx, "units");
    let field = t.string(cx, "field").map(|s| s.value);
    let summary = t.string(cx, "summary").map(|s| s.value);
    let complex = t.bool(cx, "complex").unwrap_or(false);
    let remote = t.bool(cx, "remote").unwrap_or(false);
    let handler = t.string(cx, "handler");
    let meeting = t.string(cx, "meeting");
    let accepted = t.date(cx, "accepted");
    let extensions = t.date_list(cx, "extensions");
    let resolved = t.date(cx, "resolved");
    let outcome = t.keyword::<Outcome>(cx, "outcome");
    let petitioner = t.table(cx, "petitioner").map(|p| {
        // Deliberately no value is echoed in these messages: this is personal data.
        p.finish(cx, Petitioner::KEYS);
        Petitioner {
            name: p.string(cx, "name").map(|s| s.value),
            address: p.string(cx, "address").map(|s| s.value),
            phone: p.string(cx, "phone").map(|s| s.value),
            email: p.string(cx, "email").map(|s| s.value),
            note: p.string(cx, "note").map(|s| s.value),
        }
    });
    Some(Petition {
        id,
        file,
        kind: kind?.value,
        round,
        received: received?,
        channel,
        units,
        field,
        summary,
        complex,
        remote,
        handler,
        meeting,
        accepted,
        extensions,
        resolved,
        outcome,
        petitioner,
    })
}
