//! Rules across records, run once every file has been parsed. Rules within
//! one file (types, keys, values) are in `load`. One function per rule.

use crate::diag::{Code, Diagnostic, did_you_mean};
use crate::domain::{self, calendar::Calendar};
use crate::i18n::tr;
use crate::model::filter::{KeyDomain, key_domain};
use crate::model::*;
use chrono::NaiveDate;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Loads the workspace at `root` and runs every rule across its records:
/// what every command reads, with every problem found.
pub fn load(root: &std::path::Path) -> crate::load::Loaded {
    let mut loaded = crate::load::load(root);
    if let Some(ws) = &loaded.workspace {
        let found = run(ws);
        loaded.diagnostics.extend(found);
        loaded.sort();
        loaded.sources.fill(&loaded.diagnostics);
    }
    loaded
}

/// Every cross-record rule, in a stable order.
pub fn run(ws: &Workspace) -> Vec<Diagnostic> {
    type Rule = fn(&Workspace, &mut Vec<Diagnostic>);
    const RULES: [Rule; 8] = [
        duplicate_ids,
        references,
        date_order,
        recognition,
        rounds_and_extensions,
        notice_numbers,
        target_filters,
        calendar_gaps,
    ];
    // The rules read the workspace only: they run side by side, and their
    // findings are put together in this order.
    let found: Vec<Vec<Diagnostic>> = RULES
        .par_iter()
        .map(|rule| {
            let mut out = Vec::new();
            rule(ws, &mut out);
            out
        })
        .collect();
    found.concat()
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
    let exists = match kind {
        RefKind::Unit => ws.config.unit(&r.value).is_some(),
        RefKind::Org => ws.config.org(&r.value).is_some(),
        RefKind::Meeting => ws.meeting(&r.value).is_some(),
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

#[cfg(test)]
mod tests {
    use crate::diag::Code;
    use crate::load::tests::{CONFIG, found, workspace};

    /// Loads a workspace of `files` (over a clean `danvan.toml`); each
    /// diagnostic as (code, file, the text it points at).
    fn check(files: &[(&str, &str)]) -> Vec<(Code, String, String)> {
        let dir = workspace(files);
        found(dir.path(), &super::load(dir.path()))
    }

    /// Like [`check`], with the diagnostics' help lines.
    fn helps(files: &[(&str, &str)]) -> Vec<String> {
        let dir = workspace(files);
        super::load(dir.path())
            .diagnostics
            .into_iter()
            .map(|d| d.help.unwrap_or_default())
            .collect()
    }

    fn expect(expected: &[(Code, &str, &str)]) -> Vec<(Code, String, String)> {
        expected
            .iter()
            .map(|(c, f, at)| (*c, f.to_string(), at.to_string()))
            .collect()
    }

    fn model(rest: &str) -> String {
        format!("title = \"M\"\nlead = \"mttq\"\nstarted = 2022-03-01\nstatus = \"active\"\n{rest}")
    }

    fn meeting(rest: &str) -> String {
        format!("title = \"H\"\ntype = \"review\"\ndate = 2022-07-12\n{rest}")
    }

    fn petition(kind: &str, received: &str, rest: &str) -> String {
        format!("type = \"{kind}\"\nreceived = {received}\n{rest}")
    }

    fn notice(number: &str, date: &str) -> String {
        format!(
            "[notice]\nnumber = \"{number}\"\ndate = {date}\nsubject = \"s\"\nsigner = \"A\"\nsigner_title = \"BÍ THƯ\"\n"
        )
    }

    fn target(id: &str, measure: &str) -> String {
        format!("[[target]]\nid = \"{id}\"\ntitle = \"T\"\ndeadline = 2025-12-31\ngoal = 1\nmeasure = {measure}\n")
    }

    fn config(extra: &str) -> String {
        format!("{CONFIG}{extra}")
    }

    #[test]
    fn the_base_workspace_is_clean() {
        assert_eq!(check(&[]), []);
    }

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
        let loaded = super::load(dir.path());
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
                        "accepted = 2022-04-12\nextensions = [2022-04-11]\n"
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
                (Code::DateOrder, "petitions/d.toml", "2022-04-11"),
            ])
        );
    }

    #[test]
    fn recognition_and_its_date_go_together() {
        assert_eq!(
            check(&[
                (
                    "models/both.toml",
                    &model("recognition = \"district\"\nrecognized = 2022-11-15\n")
                ),
                ("models/level.toml", &model("recognition = \"province\"\n")),
                ("models/date.toml", &model("recognized = 2022-11-15\n")),
            ]),
            expect(&[
                (Code::Recognition, "models/date.toml", "2022-11-15"),
                (Code::Recognition, "models/level.toml", "\"province\""),
            ])
        );
    }

    #[test]
    fn round_is_for_complaints() {
        assert_eq!(
            check(&[
                ("petitions/c.toml", &petition("complaint", "2022-04-10", "round = 2\n")),
                (
                    "petitions/d.toml",
                    &petition("denunciation", "2022-04-10", "round = 1\n")
                ),
                (
                    "petitions/r.toml",
                    &petition("recommendation", "2022-04-10", "round = 2\n")
                ),
            ]),
            expect(&[
                (Code::Round, "petitions/d.toml", "1"),
                (Code::Round, "petitions/r.toml", "2")
            ])
        );
    }

    #[test]
    fn extensions_are_for_denunciations_at_most_twice() {
        assert_eq!(
            check(&[
                (
                    "petitions/c.toml",
                    &petition("complaint", "2022-04-10", "extensions = [2022-05-01, 2022-06-01]\n")
                ),
                (
                    "petitions/r.toml",
                    &petition("recommendation", "2022-04-10", "extensions = [2022-05-01]\n")
                ),
                (
                    "petitions/two.toml",
                    &petition("denunciation", "2022-04-11", "extensions = [2022-05-01, 2022-06-01]\n")
                ),
                (
                    "petitions/three.toml",
                    &petition(
                        "denunciation",
                        "2022-04-11",
                        "extensions = [2022-06-01, 2022-07-01, 2022-05-01]\n"
                    ),
                ),
            ]),
            expect(&[
                (Code::Extensions, "petitions/c.toml", "2022-05-01"),
                (Code::Extensions, "petitions/r.toml", "2022-05-01"),
                (Code::Extensions, "petitions/three.toml", "2022-05-01"),
            ])
        );
        // `[rules]` may lower the cap.
        let cfg = config("[rules]\ndenunciation_max_extensions = 1\n");
        assert_eq!(
            check(&[
                ("danvan.toml", &cfg),
                (
                    "petitions/two.toml",
                    &petition("denunciation", "2022-04-11", "extensions = [2022-05-01, 2022-06-01]\n")
                )
            ]),
            expect(&[(Code::Extensions, "petitions/two.toml", "2022-06-01")])
        );
    }

    #[test]
    fn an_extension_is_decided_by_the_deadline_it_extends() {
        // Accepted 2022-03-01: 30 days to 2022-03-31 (a Thursday); extended
        // once, 30 days more to 2022-04-30, a Saturday, so Monday 2022-05-02.
        let p = |extensions: &str| {
            petition(
                "denunciation",
                "2022-02-25",
                &format!("accepted = 2022-03-01\nextensions = [{extensions}]\n"),
            )
        };
        assert_eq!(check(&[("petitions/p.toml", &p("2022-03-31"))]), []);
        assert_eq!(check(&[("petitions/p.toml", &p("2022-03-31, 2022-05-02"))]), []);
        assert_eq!(
            check(&[("petitions/p.toml", &p("2022-05-02, 2022-03-31"))]),
            [],
            "extensions in any order"
        );
        assert_eq!(
            check(&[("petitions/p.toml", &p("2022-04-01"))]),
            expect(&[(Code::Extensions, "petitions/p.toml", "2022-04-01")])
        );
        assert_eq!(
            check(&[("petitions/p.toml", &p("2022-03-15, 2022-05-03"))]),
            expect(&[(Code::Extensions, "petitions/p.toml", "2022-05-03")])
        );
        // Without an acceptance date there is no deadline to compare with.
        assert_eq!(
            check(&[(
                "petitions/p.toml",
                &petition("denunciation", "2022-02-25", "extensions = [2023-01-05]\n")
            )]),
            []
        );
    }

    #[test]
    fn notice_numbers_restart_each_year() {
        assert_eq!(
            check(&[
                (
                    "meetings/a.toml",
                    &format!("{}{}", meeting(""), notice("12", "2022-07-20"))
                ),
                (
                    "meetings/b.toml",
                    &format!(
                        "{}{}",
                        meeting("").replace("07-12", "12-15"),
                        notice("12", "2022-12-20")
                    )
                ),
                (
                    "meetings/c.toml",
                    &format!(
                        "{}{}",
                        meeting("").replace("2022-07-12", "2023-01-10"),
                        notice("12", "2023-01-12")
                    )
                ),
                (
                    "meetings/d.toml",
                    &format!("{}{}", meeting(""), notice("13", "2022-07-21"))
                ),
            ]),
            expect(&[(Code::NoticeNumber, "meetings/b.toml", "\"12\"")])
        );
    }

    #[test]
    fn target_filters_name_existing_units_and_organisations() {
        let targets = [
            target(
                "a",
                "{ count = \"models\", where = { lead = \"mtqq\", units = \"tan-my\" } }",
            ),
            target(
                "b",
                "{ coverage = \"meetings\", where = { units = [\"tan-my\", \"nowhere\"], participants = \"ubnd\" } }",
            ),
            target(
                "c",
                "{ share = \"petitions\", where = { handler = \"ubnd\" }, success = { handler = \"x\" } }",
            ),
            target("d", "{ count = \"conclusions\", where = { assignee = \"btv\" } }"),
            target(
                "e",
                "{ sum = \"models.indicators.households\", where = { lead = \"mttq\" } }",
            ),
        ]
        .concat();
        assert_eq!(
            check(&[("targets.toml", &targets)]),
            expect(&[
                (Code::FilterValue, "targets.toml", "\"mtqq\""),
                (Code::FilterValue, "targets.toml", "[\"tan-my\", \"nowhere\"]"),
                (Code::FilterValue, "targets.toml", "\"x\""),
                (Code::FilterValue, "targets.toml", "\"btv\""),
            ])
        );
    }

    #[test]
    fn a_working_day_deadline_outside_the_calendar_warns_once_per_year() {
        // The base calendar lists 2022 and 2023. Denunciations and
        // recommendations count acceptance in working days; complaints do not.
        let dir = workspace(&[
            ("petitions/a.toml", &petition("denunciation", "2024-03-01", "")),
            ("petitions/b.toml", &petition("recommendation", "2024-02-01", "")),
            ("petitions/c.toml", &petition("complaint", "2025-03-01", "")),
            ("petitions/d.toml", &petition("denunciation", "2023-12-28", "")),
            ("petitions/e.toml", &petition("denunciation", "2022-06-01", "")),
            ("petitions/f.toml", &petition("denunciation", "2026-06-01", "")),
        ]);
        let loaded = super::load(dir.path());
        assert!(!loaded.has_errors(), "warnings only");
        assert_eq!(
            found(dir.path(), &loaded),
            expect(&[
                // 2023-12-28 + 7 working days falls in 2024: the first 2024 petition.
                (Code::CalendarGap, "petitions/d.toml", "2023-12-28"),
                (Code::CalendarGap, "petitions/f.toml", "2026-06-01"),
            ])
        );
        let message = &loaded.diagnostics[0].message;
        assert!(message.contains('3') && message.contains("2024"), "{message}");
        // A `[rules]` limit in working days brings complaints in.
        let cfg = config("[rules]\ncomplaint_acceptance = { days = 10, count = \"working\" }\n");
        assert_eq!(
            check(&[
                ("danvan.toml", &cfg),
                ("petitions/c.toml", &petition("complaint", "2025-03-01", ""))
            ]),
            expect(&[(Code::CalendarGap, "petitions/c.toml", "2025-03-01")])
        );
    }
}
