//! `danvan status`, the dashboard: counts, what is late, what falls due in
//! the next days, the latest meetings.

use super::progress::{self, Progress};
use super::{Body, Cell, Column, ColumnKind, Document, Fact, Report, Section, Table, Tone, keys};
use crate::domain::snapshot::{Item, Snapshot};
use crate::i18n::{Label, tr, word};
use crate::model::figures;
use crate::model::*;
use chrono::NaiveDate;
use serde::Serialize;

/// How far ahead the dashboard looks for deadlines.
pub const HORIZON_DAYS: i64 = 14;
const LATEST_MEETINGS: usize = 5;

#[derive(Debug, Clone, Serialize, Default)]
pub struct Counts {
    pub models: u64,
    pub models_active: u64,
    pub models_recognized: u64,
    pub meetings: u64,
    pub petitions: u64,
    pub petitions_open: u64,
    pub petitions_overdue: u64,
    pub tasks: u64,
    pub tasks_open: u64,
    pub tasks_overdue: u64,
}

/// A petition or task with a deadline that needs attention.
#[derive(Debug, Clone, Serialize)]
pub struct Attention {
    pub kind: Kind,
    pub id: String,
    pub title: String,
    /// The unit or organisation responsible (org id).
    pub responsible: Option<String>,
    pub deadline: NaiveDate,
    /// Days from the as-of date to the deadline; negative when late.
    pub days_left: i64,
    pub state: &'static str,
    /// A petition's deadline that rests on the statutory days off of a
    /// year the calendar does not list; false for a task.
    pub provisional: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct MeetingLine {
    pub id: String,
    pub date: NaiveDate,
    #[serde(rename = "type")]
    pub kind: MeetingType,
    pub title: String,
    pub conclusions: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub committee: String,
    pub as_of: NaiveDate,
    pub counts: Counts,
    /// Late petitions and tasks, the latest deadline first missed first.
    pub overdue: Vec<Attention>,
    /// Deadlines within the next `horizon_days` days.
    pub upcoming: Vec<Attention>,
    pub horizon_days: i64,
    pub latest_meetings: Vec<MeetingLine>,
    /// Headline progress of the targets (see `danvan progress`).
    pub progress: Vec<Headline>,
}

/// One target in a line, for the dashboard.
#[derive(Debug, Clone, Serialize)]
pub struct Headline {
    pub id: String,
    pub title: String,
    #[serde(serialize_with = "figures::opt")]
    pub actual: Option<f64>,
    #[serde(serialize_with = "figures::one")]
    pub goal: f64,
    pub direction: Direction,
    /// Whether values are percentages.
    pub percent: bool,
    /// Actual as a share of the goal, in percent (for at-most: goal ÷ actual).
    #[serde(serialize_with = "figures::opt")]
    pub percent_of_goal: Option<f64>,
    pub status: TargetStatus,
}

pub fn headline_table(items: &[Headline]) -> Table<'_> {
    Table {
        columns: vec![
            Column::id("id", word("Mã", "Id")),
            Column::text("title", word("Chỉ tiêu", "Target")),
            Column::number("actual", word("Thực hiện", "Actual")),
            Column::number("goal", word("Mục tiêu", "Goal")),
            Column::of(ColumnKind::Bar, "bar", word("Tiến độ", "Progress")),
            Column::state("status", word("Đánh giá", "Status")),
        ],
        rows: items
            .iter()
            .map(|h| {
                let tone = progress::status_tone(h.status);
                vec![
                    Cell::text(&h.id),
                    Cell::text(&h.title),
                    progress::value_cell(h.actual, h.percent),
                    progress::value_cell(Some(h.goal), h.percent),
                    Cell::Bar(h.percent_of_goal.unwrap_or(0.0) / 100.0, tone),
                    Cell::toned_key(h.status.as_str(), h.status.label(), tone),
                ]
            })
            .collect(),
        total: None,
        empty: None,
        drop: keys(&["goal", "bar", "actual"]),
    }
}

/// Every target in a line, for the dashboard.
pub fn headlines(snap: &Snapshot<'_>) -> Vec<Headline> {
    let all: Vec<&Target> = snap.ws.targets.iter().collect();
    headlines_of(&progress::progress(snap, &all, None))
}

/// The dashboard's lines of targets already evaluated.
pub fn headlines_of(progress: &Progress) -> Vec<Headline> {
    progress
        .targets
        .iter()
        .map(|t| Headline {
            id: t.id.clone(),
            title: t.title.clone(),
            // After the deadline the dashboard shows the figure it was judged on.
            actual: t.at_deadline.or(t.actual),
            goal: t.goal,
            direction: t.direction,
            percent: t.percent,
            percent_of_goal: t.percent_of_goal,
            status: t.status,
        })
        .collect()
}

/// The deadline that matters now for an item with one, and days left.
fn attention(item: &Item<'_>) -> Option<Attention> {
    let (deadline, days_left, state, responsible, provisional) = match item {
        Item::Petition(p, s) => (
            s.current_deadline()?,
            s.days_left?,
            s.state.as_str(),
            p.handler.as_ref().map(|h| h.value.clone()),
            s.provisional,
        ),
        Item::Task(_, _, c, s) => (
            c.due.as_ref()?.value,
            s.days_left?,
            s.state.as_str(),
            Some(c.assignee.value.clone()),
            false,
        ),
        _ => return None,
    };
    let title = match item {
        Item::Petition(p, _) => p.summary.clone().unwrap_or_else(|| p.kind.label().to_owned()),
        other => other.title().to_owned(),
    };
    Some(Attention {
        kind: item.kind(),
        id: item.id().into_owned(),
        title,
        responsible,
        deadline,
        days_left,
        state,
        provisional,
    })
}

pub fn status(snap: &Snapshot<'_>, progress: Vec<Headline>) -> Status {
    let mut c = Counts::default();
    let (mut overdue, mut upcoming) = (Vec::new(), Vec::new());
    for item in snap.items(Kind::Model) {
        c.models += 1;
        if let Item::Model(_, status) = item {
            c.models_active += u64::from(status == ModelStatus::Active);
        }
        c.models_recognized += u64::from(item.recognition_on(snap.as_of).is_some());
    }
    c.meetings = snap.items(Kind::Meeting).count() as u64;
    for kind in [Kind::Petition, Kind::Conclusion] {
        for item in snap.items(kind) {
            let (open, late) = match &item {
                Item::Petition(_, s) => (!s.state.is_resolved(), s.state.is_late()),
                Item::Task(.., s) => (!s.state.is_finished(), s.state == TaskState::Overdue),
                _ => (false, false),
            };
            let counts = if kind == Kind::Petition {
                (&mut c.petitions, &mut c.petitions_open, &mut c.petitions_overdue)
            } else {
                (&mut c.tasks, &mut c.tasks_open, &mut c.tasks_overdue)
            };
            *counts.0 += 1;
            *counts.1 += u64::from(open);
            *counts.2 += u64::from(late);
            if !open {
                continue;
            }
            if let Some(a) = attention(&item) {
                if a.days_left < 0 {
                    overdue.push(a);
                } else if a.days_left <= HORIZON_DAYS {
                    upcoming.push(a);
                }
            }
        }
    }
    overdue.sort_by(|a, b| (a.deadline, &a.id).cmp(&(b.deadline, &b.id)));
    upcoming.sort_by(|a, b| (a.deadline, &a.id).cmp(&(b.deadline, &b.id)));
    let mut latest: Vec<MeetingLine> = snap
        .items(Kind::Meeting)
        .filter_map(|i| match i {
            Item::Meeting(m) => Some(MeetingLine {
                id: m.id.clone(),
                date: m.date.value,
                kind: m.kind,
                title: m.title.clone(),
                conclusions: m.conclusions.len(),
            }),
            _ => None,
        })
        .collect();
    latest.reverse();
    latest.truncate(LATEST_MEETINGS);
    Status {
        committee: snap.ws.config.committee.name.clone(),
        as_of: snap.as_of,
        counts: c,
        overdue,
        upcoming,
        horizon_days: HORIZON_DAYS,
        latest_meetings: latest,
        progress,
    }
}

/// The table of late or upcoming items, shared with other reports.
pub fn attention_table(items: &[Attention], ws_config: &Config, empty: String) -> Table<'static> {
    let rows = items
        .iter()
        .map(|a| attention_cells(a, a.responsible.as_deref().map_or("", |o| ws_config.org_name(o))))
        .collect();
    Table {
        columns: attention_columns(),
        rows,
        total: None,
        empty: Some(empty),
        drop: keys(&["kind", "responsible"]),
    }
}

/// The columns of [`attention_table`].
pub fn attention_columns() -> Vec<Column> {
    vec![
        Column::state("kind", word("Loại", "Kind")),
        Column::id("id", word("Mã", "Id")),
        Column::text("title", word("Nội dung", "Subject")),
        Column::text("responsible", word("Cơ quan", "Responsible")),
        Column::date("deadline", word("Hạn", "Deadline")),
        Column::machine("provisional", word("Hạn tạm tính", "Provisional")),
        Column::state("days_left", word("Còn lại", "Days")),
    ]
}

/// A row of [`attention_table`], with the name of the body responsible.
pub fn attention_cells(a: &Attention, responsible: &str) -> Vec<Cell> {
    let tone = if a.days_left < 0 { Tone::Bad } else { Tone::Warn };
    let days = if a.days_left < 0 {
        tr!("trễ {} ngày", "{} days late", -a.days_left)
    } else if a.days_left == 0 {
        tr!("hôm nay", "today")
    } else {
        tr!("còn {} ngày", "{} days left", a.days_left)
    };
    vec![
        Cell::key(a.kind.as_str(), a.kind.label()),
        Cell::text(&a.id),
        Cell::text(&a.title),
        a.responsible
            .as_deref()
            .map_or(Cell::Empty, |o| Cell::key(o, responsible)),
        Cell::deadline(a.deadline, a.provisional),
        Cell::flag(a.provisional),
        Cell::toned_key(a.days_left.to_string(), days, tone),
    ]
}

impl Status {
    /// Whether a deadline the dashboard shows is provisional.
    pub fn any_provisional(&self) -> bool {
        self.overdue.iter().chain(&self.upcoming).any(|a| a.provisional)
    }

    pub fn document_with(&self, config: &Config) -> Document<'_> {
        let c = &self.counts;
        let facts = vec![
            Fact::new(
                "models",
                word("Mô hình", "Models"),
                Cell::text(tr!(
                    "{} ({} đang thực hiện, {} Dân vận khéo)",
                    "{} ({} active, {} recognised Dân vận khéo)",
                    c.models,
                    c.models_active,
                    c.models_recognized
                )),
            )
            .parts(&[
                ("models", c.models),
                ("models_active", c.models_active),
                ("models_recognized", c.models_recognized),
            ]),
            Fact::new("meetings", word("Hội nghị", "Meetings"), Cell::Int(c.meetings as i64)),
            Fact::new(
                "petitions",
                word("Đơn thư", "Petitions"),
                Cell::toned(
                    tr!(
                        "{} ({} đang giải quyết, {} quá hạn)",
                        "{} ({} open, {} overdue)",
                        c.petitions,
                        c.petitions_open,
                        c.petitions_overdue
                    ),
                    if c.petitions_overdue > 0 {
                        Tone::Bad
                    } else {
                        Tone::Plain
                    },
                ),
            )
            .parts(&[
                ("petitions", c.petitions),
                ("petitions_open", c.petitions_open),
                ("petitions_overdue", c.petitions_overdue),
            ]),
            Fact::new(
                "tasks",
                word("Nhiệm vụ kết luận", "Conclusion tasks"),
                Cell::toned(
                    tr!(
                        "{} ({} chưa xong, {} quá hạn)",
                        "{} ({} open, {} overdue)",
                        c.tasks,
                        c.tasks_open,
                        c.tasks_overdue
                    ),
                    if c.tasks_overdue > 0 { Tone::Bad } else { Tone::Plain },
                ),
            )
            .parts(&[
                ("tasks", c.tasks),
                ("tasks_open", c.tasks_open),
                ("tasks_overdue", c.tasks_overdue),
            ]),
        ];
        let mut sections = vec![Section {
            key: "counts",
            heading: Some(word("Số liệu", "Records").into()),
            body: Body::Facts(facts),
        }];
        if !self.progress.is_empty() {
            sections.push(Section {
                key: "progress",
                heading: Some(word("Tiến độ chỉ tiêu", "Progress against targets").into()),
                body: Body::Table(headline_table(&self.progress)),
            });
        }
        sections.push(Section {
            key: "overdue",
            heading: Some(word("Quá hạn", "Overdue").into()),
            body: Body::Table(attention_table(
                &self.overdue,
                config,
                tr!("Không có việc quá hạn.", "Nothing is overdue."),
            )),
        });
        sections.push(Section {
            key: "upcoming",
            heading: Some(tr!(
                "Đến hạn trong {} ngày tới",
                "Due in the next {} days",
                self.horizon_days
            )),
            body: Body::Table(attention_table(
                &self.upcoming,
                config,
                tr!("Không có việc đến hạn.", "Nothing falls due."),
            )),
        });
        let meetings = Table {
            columns: vec![
                Column::date("date", word("Ngày", "Date")),
                Column::state("type", word("Loại", "Type")),
                Column::text("title", word("Hội nghị", "Meeting")),
                Column::number("conclusions", word("Nhiệm vụ", "Tasks")),
            ],
            rows: self
                .latest_meetings
                .iter()
                .map(|m| {
                    vec![
                        Cell::Date(m.date),
                        Cell::key(m.kind.as_str(), m.kind.label()),
                        Cell::text(&m.title),
                        Cell::Int(m.conclusions as i64),
                    ]
                })
                .collect(),
            total: None,
            empty: Some(tr!("Chưa có hội nghị.", "No meetings yet.")),
            drop: keys(&["type", "conclusions"]),
        };
        sections.push(Section {
            key: "latest_meetings",
            heading: Some(word("Hội nghị gần đây", "Latest meetings").into()),
            body: Body::Table(meetings),
        });
        sections.extend(super::provisional_notes(self.any_provisional()));
        Document {
            title: tr!(
                "{}: tình hình công tác dân vận",
                "{}: mass mobilization dashboard",
                self.committee
            ),
            subtitle: Some(tr!("Tính đến ngày {}", "As of {}", super::format_date(self.as_of))),
            sections,
        }
    }
}

/// The dashboard with its workspace, so org ids print as names.
pub struct StatusView<'a> {
    pub status: Status,
    pub config: &'a Config,
}

impl Serialize for StatusView<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.status.serialize(s)
    }
}

impl Report for StatusView<'_> {
    fn document(&self) -> Document<'_> {
        self.status.document_with(self.config)
    }

    fn alarms(&self) -> Option<Vec<super::Alarm>> {
        let alarm = |urgency, a: &Attention| super::Alarm {
            urgency,
            kind: a.kind,
            id: a.id.clone(),
            title: a.title.clone(),
            deadline: Some(a.deadline),
            days_left: Some(a.days_left),
        };
        let s = &self.status;
        let overdue = s.overdue.iter().map(|a| alarm(super::Urgency::Overdue, a));
        Some(
            overdue
                .chain(s.upcoming.iter().map(|a| alarm(super::Urgency::DueSoon, a)))
                .collect(),
        )
    }
}
