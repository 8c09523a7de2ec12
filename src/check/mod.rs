//! Rules across records, run once every file has been parsed. Rules within
//! one file (types, keys, values) are in `load`. One function per rule.

use crate::diag::{Code, Diagnostic, did_you_mean};
use crate::domain::filter::{KeyDomain, key_domain};
use crate::domain::{self, calendar::Calendar};
use crate::i18n::tr;
use crate::model::*;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Every cross-record rule, in a stable order.
pub fn run(ws: &Workspace) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    duplicate_ids(ws, &mut out);
    references(ws, &mut out);
    date_order(ws, &mut out);
    recognition(ws, &mut out);
    rounds_and_extensions(ws, &mut out);
    notice_numbers(ws, &mut out);
    target_filters(ws, &mut out);
    calendar_gaps(ws, &mut out);
    out
}

fn diag(ws: &Workspace, file: FileId, code: Code, span: Span, message: String) -> Diagnostic {
    Diagnostic::new(code, message).in_file(ws.path(file)).at(span.range())
}

fn duplicate_ids(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    fn check<'a>(
        ws: &Workspace,
        out: &mut Vec<Diagnostic>,
        what: &str,
        items: impl Iterator<Item = (&'a str, FileId, Span)>,
    ) {
        let mut seen: HashMap<&str, FileId> = HashMap::new();
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

#[derive(Clone, Copy)]
enum RefKind {
    Unit,
    Org,
    Meeting,
}

fn unknown_ref(ws: &Workspace, file: FileId, r: &Ref, kind: RefKind) -> Option<Diagnostic> {
    let (exists, what, candidates): (bool, String, Vec<&str>) = match kind {
        RefKind::Unit => (
            ws.config.unit(&r.value).is_some(),
            tr!("đơn vị", "unit"),
            ws.config.units.iter().map(|u| u.id.as_str()).collect(),
        ),
        RefKind::Org => (
            ws.config.org(&r.value).is_some(),
            tr!("tổ chức", "organisation"),
            ws.config.orgs.iter().map(|o| o.id.as_str()).collect(),
        ),
        RefKind::Meeting => (
            ws.meeting(&r.value).is_some(),
            tr!("hội nghị", "meeting"),
            ws.meetings.iter().map(|m| m.id.as_str()).collect(),
        ),
    };
    if exists {
        return None;
    }
    let help = match did_you_mean(&r.value, candidates.iter().copied()) {
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
    Some(
        diag(
            ws,
            file,
            Code::UnknownRef,
            r.span,
            tr!("không có {} nào mã \"{}\"", "no {} has the id \"{}\"", what, r.value),
        )
        .with_help(help),
    )
}

fn references(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    let mut check = |file: FileId, r: &Ref, kind: RefKind| out.extend(unknown_ref(ws, file, r, kind));
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

fn date_order(ws: &Workspace, out: &mut Vec<Diagnostic>) {
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
        if let Some(a) = &p.accepted {
            for e in &p.extensions {
                order(ws, out, p.file, ("accepted", a.value), ("extensions", e));
            }
        }
    }
}

fn recognition(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    for m in &ws.models {
        let message = match (&m.recognition, &m.recognized) {
            (Some(r), None) => Some((
                r.span,
                tr!(
                    "có `recognition` nhưng thiếu ngày `recognized`",
                    "`recognition` is set but its date `recognized` is missing"
                ),
            )),
            (None, Some(d)) => Some((
                d.span,
                tr!(
                    "có ngày `recognized` nhưng thiếu cấp `recognition`",
                    "`recognized` is set but the level `recognition` is missing"
                ),
            )),
            _ => None,
        };
        if let Some((span, message)) = message {
            out.push(diag(ws, m.file, Code::Recognition, span, message).with_help(tr!(
                "ghi cả hai: recognition = \"district\" và recognized = 2022-11-15",
                "set both: recognition = \"district\" and recognized = 2022-11-15"
            )));
        }
    }
}

fn rounds_and_extensions(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    let calendar = ws.config.calendar();
    let rules = ws.rules();
    for p in &ws.petitions {
        if let Some(r) = &p.round
            && p.kind != PetitionType::Complaint
        {
            out.push(
                diag(
                    ws,
                    p.file,
                    Code::Round,
                    r.span,
                    tr!(
                        "`round` chỉ dùng cho khiếu nại, đây là {}",
                        "`round` is for complaints only; this is a {}",
                        p.kind
                    ),
                )
                .with_help(tr!("xóa dòng round", "remove the round line")),
            );
        }
        if p.extensions.is_empty() {
            continue;
        }
        if p.kind != PetitionType::Denunciation {
            out.push(
                diag(
                    ws,
                    p.file,
                    Code::Extensions,
                    p.extensions[0].span,
                    tr!(
                        "chỉ đơn tố cáo mới được gia hạn, đây là {}",
                        "only denunciations are extended; this is a {}",
                        p.kind
                    ),
                )
                .with_help(tr!("xóa extensions", "remove extensions")),
            );
            continue;
        }
        let max = rules.max_extensions as usize;
        if p.extensions.len() > max {
            out.push(diag(
                ws,
                p.file,
                Code::Extensions,
                p.extensions[max].span,
                tr!(
                    "gia hạn tối đa {} lần (Luật Tố cáo 2018, điều 30), đang có {}",
                    "at most {} extensions (Luật Tố cáo 2018, art. 30); found {}",
                    max,
                    p.extensions.len()
                ),
            ));
        }
        if p.accepted.is_none() {
            continue;
        }
        // Each extension must be decided before the deadline it extends.
        let mut sorted: Vec<&Sp<NaiveDate>> = p.extensions.iter().collect();
        sorted.sort_by_key(|e| e.value);
        for (i, e) in sorted.iter().enumerate().take(max) {
            let mut facts = domain::facts(p);
            facts.extensions = sorted[..i].iter().map(|e| e.value).collect();
            facts.resolved = None;
            let due = domain::deadlines::deadlines(&facts, rules, &calendar, NaiveDate::MAX).resolution;
            if let Some(due) = due
                && e.value > due
            {
                out.push(diag(
                    ws,
                    p.file,
                    Code::Extensions,
                    e.span,
                    tr!(
                        "gia hạn ngày {} sau thời hạn mà nó gia hạn ({})",
                        "extension dated {} is after the deadline it extends ({})",
                        e.value,
                        due
                    ),
                ));
            }
        }
    }
}

fn notice_numbers(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<(i32, &str), &Meeting> = HashMap::new();
    for m in &ws.meetings {
        let Some(n) = &m.notice else { continue };
        use chrono::Datelike;
        let key = (n.date.value.year(), n.number.value.as_str());
        if let Some(first) = seen.get(&key) {
            out.push(
                diag(
                    ws,
                    m.file,
                    Code::NoticeNumber,
                    n.number.span,
                    tr!(
                        "thông báo số {} năm {} đã dùng ở {}",
                        "notice number {} of {} is already used by {}",
                        n.number.value,
                        key.0,
                        ws.path(first.file).display()
                    ),
                )
                .with_help(tr!(
                    "đặt số tiếp theo trong sổ văn bản",
                    "use the next number in the register"
                )),
            );
        } else {
            seen.insert(key, m);
        }
    }
}

/// Unit and org ids in target filters must exist (other values were checked when parsing).
fn target_filters(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    for t in &ws.targets {
        let (kind, filters): (Kind, Vec<&Filter>) = match &t.measure {
            Measure::Count { kind, filter, .. }
            | Measure::Coverage { kind, filter, .. }
            | Measure::Sum { kind, filter, .. } => (*kind, vec![filter]),
            Measure::Share { kind, filter, success } => (*kind, vec![filter, success]),
            Measure::Manual => continue,
        };
        for clause in filters.into_iter().flat_map(|f| &f.clauses) {
            let ref_kind = match key_domain(kind, &clause.key) {
                Some(KeyDomain::Unit) => RefKind::Unit,
                Some(KeyDomain::Org) => RefKind::Org,
                _ => continue,
            };
            for v in &clause.values {
                if let FilterValue::Text(id) = v
                    && let Some(mut d) = unknown_ref(ws, t.file, &Sp::new(id.clone(), clause.span), ref_kind)
                {
                    d.code = Code::FilterValue;
                    out.push(d);
                }
            }
        }
    }
}

/// One warning per year in which a working-day deadline falls outside the calendar.
fn calendar_gaps(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    let calendar: Calendar = ws.config.calendar();
    let rules = ws.rules();
    let mut gaps: BTreeMap<i32, (usize, &Petition)> = BTreeMap::new();
    let covered: HashSet<i32> = ws.config.calendar.holidays.iter().map(chrono::Datelike::year).collect();
    for p in &ws.petitions {
        for year in domain::working_day_deadline_years(p, rules, &calendar) {
            if !covered.contains(&year) {
                gaps.entry(year).or_insert((0, p)).0 += 1;
            }
        }
    }
    for (year, (count, first)) in gaps {
        out.push(
            diag(ws, first.file, Code::CalendarGap, first.received.span, tr!(
                "{} thời hạn tính theo ngày làm việc rơi vào năm {}, nhưng [calendar] chưa có ngày nghỉ của năm này",
                "{} working-day deadline(s) fall in {}, a year whose days off [calendar] does not list",
                count,
                year
            ))
            .with_help(tr!(
                "thêm ngày nghỉ lễ, Tết năm {} vào holidays trong danvan.toml",
                "add the holidays of {} to [calendar] holidays in danvan.toml",
                year
            )),
        );
    }
}
