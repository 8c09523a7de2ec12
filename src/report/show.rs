//! `danvan show ID`: one record with its derived facts (a petition's
//! deadlines and state, a meeting's tasks and their states).

use super::{Body, Cell, Column, Document, Fact, Report, Section, Table, Tone};
use crate::domain::snapshot::Snapshot;
use crate::i18n::{Label, tr, word};
use crate::model::*;
use chrono::NaiveDate;
use serde::Serialize;

/// Which record `show` found.
pub enum Found<'w> {
    Model(&'w Model),
    Meeting(&'w Meeting),
    Petition(&'w Petition),
    Target(&'w Target),
}

/// Finds a record by id, or `KIND/ID`; several kinds sharing the id is an
/// error that names the qualified ids to use.
pub fn find<'w>(ws: &'w Workspace, query: &str) -> Result<Found<'w>, String> {
    let (kind, id) = match query.split_once('/') {
        Some((k, id)) => match crate::model::filter::parse_kind(k) {
            Some(kind) => (Some(kind.as_str()), id),
            None if k == "target" || k == "targets" => (Some("targets"), id),
            None => (None, query),
        },
        None => (None, query),
    };
    let id = crate::text::nfc(id);
    let mut found: Vec<(&str, Found<'w>)> = Vec::new();
    let wants = |k: &str| kind.is_none_or(|w| w == k);
    if wants("models") {
        found.extend(
            ws.models
                .iter()
                .filter(|m| m.id == id)
                .map(|m| ("models", Found::Model(m))),
        );
    }
    if wants("meetings") {
        found.extend(
            ws.meetings
                .iter()
                .filter(|m| m.id == id)
                .map(|m| ("meetings", Found::Meeting(m))),
        );
    }
    if wants("petitions") {
        found.extend(
            ws.petitions
                .iter()
                .filter(|p| p.id == id)
                .map(|p| ("petitions", Found::Petition(p))),
        );
    }
    if wants("targets") {
        found.extend(
            ws.targets
                .iter()
                .filter(|t| t.id == id)
                .map(|t| ("targets", Found::Target(t))),
        );
    }
    match found.len() {
        1 => Ok(found.pop().map(|(_, f)| f).expect("one element")),
        0 => {
            let all = ws
                .models
                .iter()
                .map(|m| m.id.as_str())
                .chain(ws.meetings.iter().map(|m| m.id.as_str()))
                .chain(ws.petitions.iter().map(|p| p.id.as_str()))
                .chain(ws.targets.iter().map(|t| t.id.as_str()));
            let hint = crate::diag::did_you_mean(&id, all)
                .map(|s| tr!("; có phải ý bạn là {}?", "; did you mean {}?", s))
                .unwrap_or_default();
            Err(tr!(
                "không có hồ sơ nào mã \"{}\"{}",
                "no record has the id \"{}\"{}",
                id,
                hint
            ))
        }
        _ => {
            let names: Vec<String> = found.iter().map(|(k, _)| format!("{k}/{id}")).collect();
            Err(tr!(
                "nhiều hồ sơ cùng mã \"{}\"; ghi rõ: {}",
                "several records have the id \"{}\"; say which: {}",
                id,
                names.join(", ")
            ))
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct TaskView {
    pub number: usize,
    pub text: String,
    pub assignee: String,
    pub due: Option<NaiveDate>,
    pub done: Option<NaiveDate>,
    pub state: TaskState,
}

/// The derived facts shown beside a record.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Derived {
    Model {
        exists: bool,
        recognition: Option<Recognition>,
    },
    Meeting {
        exists: bool,
        tasks: Vec<TaskView>,
    },
    Petition {
        exists: bool,
        /// A complaint's round (1 unless it says 2); null for the others.
        round: Option<u8>,
        state: Option<PetitionState>,
        acceptance_deadline: NaiveDate,
        resolution_deadline: Option<NaiveDate>,
        /// Whether each deadline, and the one the state is judged on, rests
        /// on the statutory days off of a year the calendar does not list.
        acceptance_provisional: bool,
        resolution_provisional: bool,
        provisional: bool,
        days_left: Option<i64>,
        /// The `[[rules.from]]` set the petition is counted under (the one
        /// in force on the day it was received); null for the limits in
        /// force from the start.
        rules_from: Option<NaiveDate>,
        /// The days each extension adds on the date, in the order written
        /// (0 for one that does not count: decided later, or a third).
        extension_days: Vec<u32>,
    },
}

/// Personal data, present only with `--reveal-personal`.
#[derive(Debug, Clone, Serialize)]
pub struct Revealed {
    pub name: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub note: Option<String>,
}

#[derive(Serialize)]
pub struct Show<'w> {
    pub kind: Kind,
    pub id: String,
    pub file: String,
    pub as_of: NaiveDate,
    pub record: RecordRef<'w>,
    pub derived: Derived,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub petitioner: Option<Revealed>,
    #[serde(skip)]
    config: &'w Config,
}

#[derive(Serialize)]
#[serde(untagged)]
pub enum RecordRef<'w> {
    Model(&'w Model),
    Meeting(&'w Meeting),
    Petition(&'w Petition),
}

pub fn show<'w>(snap: &Snapshot<'w>, found: &Found<'w>, reveal_personal: bool) -> Option<Show<'w>> {
    let ws = snap.ws;
    let as_of = snap.as_of;
    let (kind, id, file, record, derived, petitioner) = match *found {
        Found::Model(m) => {
            let recognition = match (&m.recognition, &m.recognized) {
                (Some(r), Some(d)) if d.value <= as_of => Some(r.value),
                _ => None,
            };
            (
                Kind::Model,
                &m.id,
                m.file,
                RecordRef::Model(m),
                Derived::Model {
                    exists: m.started.value <= as_of,
                    recognition,
                },
                None,
            )
        }
        Found::Meeting(m) => {
            let i = ws.meetings.iter().position(|x| std::ptr::eq(x, m))?;
            let tasks = m
                .conclusions
                .iter()
                .zip(snap.task_statuses(i).iter())
                .enumerate()
                .map(|(n, (c, s))| TaskView {
                    number: n + 1,
                    text: c.text.clone(),
                    assignee: c.assignee.value.clone(),
                    due: c.due.as_ref().map(|d| d.value),
                    done: c.done.as_ref().map(|d| d.value),
                    state: s.state,
                })
                .collect();
            (
                Kind::Meeting,
                &m.id,
                m.file,
                RecordRef::Meeting(m),
                Derived::Meeting {
                    exists: m.date.value <= as_of,
                    tasks,
                },
                None,
            )
        }
        Found::Petition(p) => {
            let status = snap.petition_status(p)?;
            let exists = p.received.value <= as_of;
            let rules = ws.rules_for(p);
            let counted = crate::domain::deadlines::counted_extensions(&crate::domain::facts(p), rules, as_of);
            let derived = Derived::Petition {
                exists,
                round: p.round(),
                state: exists.then_some(status.state),
                acceptance_deadline: status.deadlines.acceptance,
                resolution_deadline: status.deadlines.resolution,
                acceptance_provisional: status.deadlines.acceptance_provisional,
                resolution_provisional: status.deadlines.resolution_provisional,
                provisional: status.provisional,
                days_left: if exists { status.days_left } else { None },
                rules_from: ws.rule_book().set_on(p.received.value).from,
                extension_days: (0..p.extensions.len())
                    .map(|i| counted.iter().find(|c| c.index == i).map_or(0, |c| c.days))
                    .collect(),
            };
            let revealed = reveal_personal
                .then_some(p.petitioner.as_ref())
                .flatten()
                .map(|x| Revealed {
                    name: x.name.clone(),
                    address: x.address.clone(),
                    phone: x.phone.clone(),
                    email: x.email.clone(),
                    note: x.note.clone(),
                });
            (Kind::Petition, &p.id, p.file, RecordRef::Petition(p), derived, revealed)
        }
        Found::Target(_) => return None,
    };
    Some(Show {
        kind,
        id: id.clone(),
        file: ws.path(file).display().to_string(),
        as_of,
        record,
        derived,
        petitioner,
        config: &ws.config,
    })
}

fn text(s: &str) -> Cell {
    Cell::text(s)
}

impl Show<'_> {
    /// Unit names on screen, their ids (`;` between) for machines.
    fn units(&self, units: &[Ref]) -> Cell {
        if units.is_empty() {
            return Cell::key("", word("toàn địa bàn", "committee-wide"));
        }
        let ids: Vec<&str> = units.iter().map(|u| u.value.as_str()).collect();
        let names: Vec<String> = ids
            .iter()
            .map(|u| crate::i18n::unit_name(self.config, u).into_owned())
            .collect();
        Cell::key(ids.join(";"), names.join(", "))
    }

    /// An organisation's name on screen, its id for machines.
    fn org(&self, id: &str) -> Cell {
        Cell::key(id, self.config.org_name(id))
    }

    fn not_yet(&self, exists: bool, facts: &mut Vec<Fact>) {
        if !exists {
            facts.push(Fact::new(
                "exists",
                word("Lưu ý", "Note"),
                Cell::toned_key(
                    "false",
                    tr!(
                        "hồ sơ này chưa có vào ngày {}",
                        "this record does not exist yet on {}",
                        super::format_date(self.as_of)
                    ),
                    Tone::Warn,
                ),
            ));
        }
    }
}

impl Report for Show<'_> {
    fn document(&self) -> Document<'_> {
        let mut facts = vec![Fact::new("file", word("Tệp", "File"), text(&self.file))];
        let mut sections = Vec::new();
        let title;
        let opt = |facts: &mut Vec<Fact>, key: &str, label: &str, v: &Option<String>| {
            if let Some(v) = v {
                facts.push(Fact::new(key, label, text(v)));
            }
        };
        match (&self.record, &self.derived) {
            (RecordRef::Model(m), Derived::Model { exists, recognition }) => {
                title = m.title.clone();
                self.not_yet(*exists, &mut facts);
                facts.push(Fact::new(
                    "status",
                    word("Trạng thái", "Status"),
                    Cell::key(m.status.as_str(), m.status.label()),
                ));
                facts.push(Fact::new("lead", word("Chủ trì", "Lead"), self.org(&m.lead)));
                facts.push(Fact::new("units", word("Đơn vị", "Units"), self.units(&m.units)));
                facts.push(Fact::new(
                    "started",
                    word("Bắt đầu", "Started"),
                    Cell::Date(m.started.value),
                ));
                if let Some(e) = &m.ended {
                    facts.push(Fact::new("ended", word("Kết thúc", "Ended"), Cell::Date(e.value)));
                }
                let rec = match (recognition, &m.recognized) {
                    (Some(r), Some(d)) => tr!("{} ({})", "{} ({})", r.label(), super::format_date(d.value)),
                    (None, Some(d)) => tr!(
                        "chưa (công nhận ngày {})",
                        "not yet (recognised on {})",
                        super::format_date(d.value)
                    ),
                    _ => word("chưa", "no").to_owned(),
                };
                facts.push(
                    Fact::new("recognition", word("Dân vận khéo", "Dân vận khéo"), text(&rec)).with_parts(vec![
                        (
                            "recognition",
                            recognition.map_or(Cell::Empty, |r| Cell::text(r.as_str())),
                        ),
                        ("recognized", Cell::opt_date(m.recognized.as_ref().map(|d| d.value))),
                    ]),
                );
                if !m.tags.is_empty() {
                    facts.push(Fact::new(
                        "tags",
                        word("Nhãn", "Tags"),
                        Cell::key(m.tags.join(";"), m.tags.join(", ")),
                    ));
                }
                for (k, v) in &m.indicators {
                    facts.push(Fact::new(
                        format!("indicators.{k}"),
                        k.clone(),
                        Cell::Num(*v, if v.fract() == 0.0 { 0 } else { 1 }),
                    ));
                }
                opt(&mut facts, "summary", word("Tóm tắt", "Summary"), &m.summary);
                opt(&mut facts, "source", word("Nguồn", "Source"), &m.source);
                if !m.updates.is_empty() {
                    sections.push(Section {
                        key: "updates",
                        heading: Some(word("Cập nhật", "Updates").into()),
                        body: Body::Table(Table {
                            columns: vec![
                                Column::date("date", word("Ngày", "Date")),
                                Column::text("note", word("Nội dung", "Note")),
                            ],
                            rows: m
                                .updates
                                .iter()
                                .map(|u| vec![Cell::Date(u.date.value), text(&u.note)])
                                .collect(),
                            total: None,
                            empty: None,
                            drop: Vec::new(),
                        }),
                    });
                }
            }
            (RecordRef::Meeting(m), Derived::Meeting { exists, tasks }) => {
                title = m.title.clone();
                self.not_yet(*exists, &mut facts);
                facts.push(Fact::new(
                    "type",
                    word("Loại", "Type"),
                    Cell::key(m.kind.as_str(), m.kind.label()),
                ));
                facts.push(Fact::new("date", word("Ngày", "Date"), Cell::Date(m.date.value)));
                if let Some(p) = m.period {
                    let label = if crate::i18n::is_en() {
                        p.label_en()
                    } else {
                        p.label_vi()
                    };
                    facts.push(Fact::new(
                        "period",
                        word("Kỳ", "Period"),
                        Cell::key(p.to_string(), label),
                    ));
                }
                facts.push(Fact::new("units", word("Đơn vị", "Units"), self.units(&m.units)));
                opt(&mut facts, "chair", word("Chủ trì", "Chair"), &m.chair);
                if !m.participants.is_empty() {
                    let names: Vec<&str> = m.participants.iter().map(|o| self.config.org_name(o)).collect();
                    let ids: Vec<&str> = m.participants.iter().map(|o| o.value.as_str()).collect();
                    facts.push(Fact::new(
                        "participants",
                        word("Thành phần", "Participants"),
                        Cell::key(ids.join(";"), names.join("; ")),
                    ));
                }
                if let Some(a) = m.attendance {
                    facts.push(Fact::new(
                        "attendance",
                        word("Người dân dự", "Citizens present"),
                        Cell::Int(i64::from(a)),
                    ));
                }
                opt(&mut facts, "situation", word("Tình hình", "Situation"), &m.situation);
                opt(&mut facts, "assessment", word("Đánh giá", "Assessment"), &m.assessment);
                if let Some(n) = &m.notice {
                    let number = n.full_number(&self.config.committee.notice_suffix);
                    facts.push(
                        Fact::new(
                            "notice",
                            word("Thông báo", "Notice"),
                            text(&tr!(
                                "số {}, ngày {}",
                                "no. {}, dated {}",
                                number,
                                super::format_date(n.date.value)
                            )),
                        )
                        .with_parts(vec![
                            ("notice", Cell::text(number)),
                            ("notice_date", Cell::Date(n.date.value)),
                        ]),
                    );
                }
                if !tasks.is_empty() {
                    sections.push(Section {
                        key: "conclusions",
                        heading: Some(word("Nhiệm vụ kết luận", "Conclusion tasks").into()),
                        body: Body::Table(Table {
                            columns: vec![
                                Column::number("number", "#"),
                                Column::text("text", word("Nhiệm vụ", "Task")),
                                Column::text("assignee", word("Cơ quan", "Assignee")),
                                Column::date("due", word("Hạn", "Due")),
                                Column::date("done", word("Hoàn thành", "Done")),
                                Column::state("state", word("Trạng thái", "State")),
                            ],
                            rows: tasks
                                .iter()
                                .map(|t| {
                                    let tone = match t.state {
                                        TaskState::Overdue => Tone::Bad,
                                        TaskState::DueSoon => Tone::Warn,
                                        TaskState::Done => Tone::Good,
                                        _ => Tone::Plain,
                                    };
                                    vec![
                                        Cell::Int(t.number as i64),
                                        text(&t.text),
                                        self.org(&t.assignee),
                                        Cell::opt_date(t.due),
                                        Cell::opt_date(t.done),
                                        Cell::toned_key(t.state.as_str(), t.state.label(), tone),
                                    ]
                                })
                                .collect(),
                            total: None,
                            empty: None,
                            drop: Vec::new(),
                        }),
                    });
                }
            }
            (
                RecordRef::Petition(p),
                Derived::Petition {
                    exists,
                    round,
                    state,
                    acceptance_deadline,
                    resolution_deadline,
                    acceptance_provisional,
                    resolution_provisional,
                    provisional: _,
                    days_left,
                    rules_from,
                    extension_days,
                },
            ) => {
                title = tr!("Đơn {} {}", "{} {}", p.kind.label(), p.id);
                self.not_yet(*exists, &mut facts);
                let kind = match (round, &p.round) {
                    (Some(r), Some(_)) => tr!("{} lần {}", "{} (round {})", p.kind.label(), r),
                    _ => p.kind.label().to_owned(),
                };
                let mut kind_parts = vec![("type", Cell::text(p.kind.as_str()))];
                if let Some(r) = p.round() {
                    kind_parts.push(("round", Cell::Int(i64::from(r))));
                }
                facts.push(Fact::new("type", word("Loại đơn", "Type"), text(&kind)).with_parts(kind_parts));
                if let Some(c) = p.channel {
                    facts.push(Fact::new(
                        "channel",
                        word("Nguồn đơn", "Channel"),
                        Cell::key(c.as_str(), c.label()),
                    ));
                }
                facts.push(Fact::new("units", word("Đơn vị", "Units"), self.units(&p.units)));
                opt(&mut facts, "field", word("Lĩnh vực", "Field"), &p.field);
                opt(&mut facts, "summary", word("Nội dung", "Summary"), &p.summary);
                let mut flags = Vec::new();
                if p.especially_complex {
                    flags.push(word("đặc biệt phức tạp", "especially complex"));
                } else if p.complex {
                    flags.push(word("phức tạp", "complex"));
                }
                if p.remote {
                    flags.push(word("vùng sâu, vùng xa", "remote area"));
                }
                if !flags.is_empty() {
                    let yes_no = |b: bool| Cell::text(if b { "true" } else { "false" });
                    facts.push(
                        Fact::new("flags", word("Tính chất", "Case"), text(&flags.join(", ")))
                            .with_parts(vec![("complex", yes_no(p.complex)), ("remote", yes_no(p.remote))]),
                    );
                }
                if let Some(h) = &p.handler {
                    facts.push(Fact::new("handler", word("Cơ quan giải quyết", "Handler"), self.org(h)));
                }
                if let Some(m) = &p.meeting {
                    facts.push(Fact::new("meeting", word("Nêu tại", "Raised at"), text(m)));
                }
                facts.push(Fact::new(
                    "received",
                    word("Ngày nhận", "Received"),
                    Cell::Date(p.received.value),
                ));
                if let Some(from) = rules_from {
                    facts.push(Fact::new(
                        "rules_from",
                        word("Thời hạn theo", "Limits"),
                        text(&tr!(
                            "bộ thời hạn áp dụng từ ngày {} ([[rules.from]] trong danvan.toml)",
                            "the set in force from {} ([[rules.from]] in danvan.toml)",
                            super::format_date(*from)
                        )),
                    ));
                }
                facts.push(Fact::new(
                    "acceptance_deadline",
                    word("Hạn thụ lý", "Acceptance deadline"),
                    Cell::deadline(*acceptance_deadline, *acceptance_provisional),
                ));
                if let Some(a) = &p.accepted {
                    facts.push(Fact::new(
                        "accepted",
                        word("Ngày thụ lý", "Accepted"),
                        Cell::Date(a.value),
                    ));
                }
                for (i, e) in p.extensions.iter().enumerate() {
                    let days = extension_days.get(i).copied().unwrap_or(0);
                    let value = if e.date.value > self.as_of {
                        tr!(
                            "{} (chưa đến ngày)",
                            "{} (not yet made)",
                            super::format_date(e.date.value)
                        )
                    } else if days == 0 {
                        tr!(
                            "{} (không được tính)",
                            "{} (does not count)",
                            super::format_date(e.date.value)
                        )
                    } else {
                        tr!("{} (+{} ngày)", "{} (+{} days)", super::format_date(e.date.value), days)
                    };
                    facts.push(Fact::new(
                        format!("extension.{}", i + 1),
                        tr!("Gia hạn lần {}", "Extension {}", i + 1),
                        text(&value),
                    ));
                }
                if let Some(d) = resolution_deadline {
                    facts.push(Fact::new(
                        "resolution_deadline",
                        word("Hạn giải quyết", "Resolution deadline"),
                        Cell::deadline(*d, *resolution_provisional),
                    ));
                }
                if let Some(r) = &p.resolved {
                    facts.push(Fact::new(
                        "resolved",
                        word("Ngày giải quyết", "Resolved"),
                        Cell::Date(r.value),
                    ));
                }
                if let Some(o) = &p.outcome {
                    facts.push(Fact::new(
                        "outcome",
                        word("Kết quả", "Outcome"),
                        Cell::key(o.value.as_str(), o.value.label()),
                    ));
                }
                if let Some(s) = state {
                    let tone = match s {
                        PetitionState::Overdue | PetitionState::AcceptanceOverdue => Tone::Bad,
                        PetitionState::DueSoon => Tone::Warn,
                        PetitionState::ResolvedOnTime => Tone::Good,
                        _ => Tone::Plain,
                    };
                    let days = match days_left {
                        Some(d) if *d < 0 => tr!(" (trễ {} ngày)", " ({} days late)", -d),
                        Some(d) => tr!(" (còn {} ngày)", " ({} days left)", d),
                        None => String::new(),
                    };
                    facts.push(
                        Fact::new(
                            "state",
                            word("Trạng thái", "State"),
                            Cell::toned(format!("{}{days}", s.label()), tone),
                        )
                        .with_parts(vec![
                            ("state", Cell::text(s.as_str())),
                            ("days_left", days_left.map_or(Cell::Empty, Cell::Int)),
                        ]),
                    );
                }
                if let Some(r) = &self.petitioner {
                    let mut personal = Vec::new();
                    for (key, label, value) in [
                        ("name", word("Họ tên", "Name"), &r.name),
                        ("address", word("Địa chỉ", "Address"), &r.address),
                        ("phone", word("Điện thoại", "Phone"), &r.phone),
                        ("email", "Email", &r.email),
                        ("note", word("Ghi chú", "Note"), &r.note),
                    ] {
                        opt(&mut personal, key, label, value);
                    }
                    sections.push(Section {
                        key: "petitioner",
                        heading: Some(word("Người gửi đơn (THÔNG TIN MẬT)", "Petitioner (CONFIDENTIAL)").into()),
                        body: Body::Facts(personal),
                    });
                }
            }
            _ => title = self.id.clone(),
        }
        if let Derived::Petition {
            acceptance_provisional,
            resolution_provisional,
            resolution_deadline,
            ..
        } = &self.derived
        {
            let shown = *acceptance_provisional || (*resolution_provisional && resolution_deadline.is_some());
            sections.extend(super::provisional_notes(shown));
        }
        sections.insert(
            0,
            Section {
                key: "record",
                heading: None,
                body: Body::Facts(facts),
            },
        );
        Document {
            title,
            subtitle: Some(tr!(
                "{} · tính đến ngày {}",
                "{} · as of {}",
                self.id,
                super::format_date(self.as_of)
            )),
            sections,
        }
    }
}
