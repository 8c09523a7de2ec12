//! `danvan conclusions`: the register of the tasks that conclusions
//! assign (sổ theo dõi thực hiện kết luận), with each task's state as of a
//! date, most urgent first.

use super::{
    Body, Cell, Column, Document, Fact, Report, Rows, Section, StateCount, Table, Tone, count_states, format_date, iso,
    keys,
};
use crate::domain::query::Query;
use crate::domain::snapshot::{Item, Snapshot};
use crate::i18n::{Label, tr, word};
use crate::model::*;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// What the register selects beyond the shared filters.
#[derive(Debug, Clone, Default)]
pub struct RegisterOptions {
    pub query: Query,
    /// Only tasks in these states; empty = every state.
    pub states: Vec<TaskState>,
}

/// One assigned task.
#[derive(Debug, Clone, Serialize)]
pub struct TaskRow<'a> {
    /// `MEETING#N`, N from 1.
    pub id: String,
    pub meeting: &'a str,
    #[serde(serialize_with = "iso::date")]
    pub meeting_date: NaiveDate,
    /// "245-TB/HU" when the meeting's notice was issued.
    pub notice: Option<String>,
    /// The task's number in its meeting, from 1.
    pub number: usize,
    pub text: &'a str,
    /// Org id.
    pub assignee: &'a str,
    pub assignee_name: &'a str,
    #[serde(serialize_with = "iso::opt_date")]
    pub due: Option<NaiveDate>,
    /// When it was reported done, if on or before the as-of date.
    #[serde(serialize_with = "iso::opt_date")]
    pub done: Option<NaiveDate>,
    pub state: TaskState,
    /// Unfinished tasks with a due date: days to the due date (negative = late).
    pub days_left: Option<i64>,
    /// Overdue tasks: days past due as of the date; done-late: days past due when done.
    pub days_late: Option<i64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Register<'a> {
    pub as_of: NaiveDate,
    /// Days ahead that count as due soon.
    pub due_within: u32,
    /// Most urgent first; borrowed from the records (a province's register is long).
    pub tasks: Vec<TaskRow<'a>>,
    /// How many of the listed tasks are in each state, most urgent first; states with none left out.
    pub states: Vec<StateCount<TaskState>>,
}

/// The states from most to least urgent: the register's order.
const URGENCY: [TaskState; 5] = [
    TaskState::Overdue,
    TaskState::DueSoon,
    TaskState::Open,
    TaskState::DoneLate,
    TaskState::Done,
];

/// The register as of the snapshot's date.
pub fn register<'a>(snap: &'a Snapshot<'_>, opts: &RegisterOptions) -> Register<'a> {
    let as_of = snap.as_of;
    let config = &snap.ws.config;
    let mut tasks: Vec<TaskRow<'a>> = snap
        .items(Kind::Conclusion)
        .filter(|i| opts.query.matches(i))
        .filter_map(|item| {
            let Item::Task(m, index, c, status) = item else {
                return None;
            };
            if !opts.states.is_empty() && !opts.states.contains(&status.state) {
                return None;
            }
            let notice = m
                .notice
                .as_ref()
                .map(|n| n.full_number(&config.committee.notice_suffix));
            Some(TaskRow {
                id: item.id().into_owned(),
                meeting: &m.id,
                meeting_date: m.date.value,
                notice,
                number: index + 1,
                text: &c.text,
                assignee: &c.assignee.value,
                assignee_name: config.org_name(&c.assignee.value),
                due: c.due.as_ref().map(|d| d.value),
                done: status.done,
                state: status.state,
                days_left: status.days_left,
                days_late: status.days_late,
            })
        })
        .collect();
    tasks.sort_by_key(urgency);
    let listed: Vec<TaskState> = tasks.iter().map(|t| t.state).collect();
    let states = count_states(URGENCY, &listed);
    Register {
        as_of,
        due_within: snap.due_within,
        tasks,
        states,
    }
}

/// The sort key: overdue (latest first), due soon (soonest first), open
/// (by due date, undated last), then done late and done (latest done
/// first); ties in record order.
fn urgency<'a>(t: &TaskRow<'a>) -> (u8, i64, NaiveDate, &'a str, usize) {
    let far = i64::MAX;
    let rank = URGENCY.iter().position(|&s| s == t.state).unwrap_or(URGENCY.len()) as u8;
    let key = match t.state {
        TaskState::Overdue => -t.days_late.unwrap_or(0),
        TaskState::DueSoon | TaskState::Open => t.days_left.unwrap_or(far),
        TaskState::DoneLate | TaskState::Done => -t.done.map_or(0, |d| i64::from(d.num_days_from_ce())),
    };
    (rank, key, t.meeting_date, t.meeting, t.number)
}

pub fn state_tone(state: TaskState) -> Tone {
    match state {
        TaskState::Overdue => Tone::Bad,
        TaskState::DueSoon => Tone::Warn,
        TaskState::DoneLate => Tone::Dim,
        TaskState::Done => Tone::Good,
        TaskState::Open => Tone::Plain,
    }
}

impl Report for Register<'_> {
    fn alarms(&self) -> Option<Vec<super::Alarm>> {
        let alarms = self.tasks.iter().filter_map(|t| {
            let urgency = match t.state {
                TaskState::Overdue => super::Urgency::Overdue,
                TaskState::DueSoon => super::Urgency::DueSoon,
                _ => return None,
            };
            Some(super::Alarm {
                urgency,
                kind: Kind::Conclusion,
                id: t.id.clone(),
                title: t.text.to_owned(),
                deadline: t.due,
                days_left: t.days_left.or(t.days_late.map(|d| -d)),
            })
        });
        Some(alarms.collect())
    }

    fn document(&self) -> Document<'_> {
        let columns = vec![
            Column::id("id", word("Mã", "Id")),
            Column::date("meeting_date", word("Ngày họp", "Meeting")),
            Column::state("notice", word("Thông báo", "Notice")),
            Column::text("text", word("Nhiệm vụ", "Task")),
            Column::text("assignee", word("Cơ quan thực hiện", "Assignee")),
            Column::date("due", word("Hạn", "Due")),
            Column::date("done", word("Hoàn thành", "Done")),
            Column::state("state", word("Trạng thái", "State")),
            Column::number("days_left", word("Còn (ngày)", "Days left")),
            Column::number("days_late", word("Trễ (ngày)", "Days late")),
        ];
        // Rows are made as they are printed: the register may be long.
        let rows = Rows::made(self.tasks.len(), |i| {
            let t = &self.tasks[i];
            vec![
                Cell::text(&t.id),
                Cell::Date(t.meeting_date),
                Cell::text(t.notice.as_deref().unwrap_or("")),
                Cell::text(t.text),
                Cell::key(t.assignee, t.assignee_name),
                Cell::opt_date(t.due),
                Cell::opt_date(t.done),
                Cell::toned_key(t.state.as_str(), t.state.label(), state_tone(t.state)),
                // Late tasks show how late, not a negative "days left".
                t.days_left.filter(|&n| n >= 0).map_or(Cell::Empty, Cell::Int),
                t.days_late.map_or(Cell::Empty, Cell::Int),
            ]
        });
        let counts = self
            .states
            .iter()
            .map(|c| Fact::new(c.state.as_str(), c.state.label(), Cell::Int(c.count as i64)))
            .collect();
        Document {
            title: word("Sổ theo dõi thực hiện kết luận", "Conclusion task register").to_owned(),
            subtitle: Some(tr!(
                "{} nhiệm vụ · tính đến ngày {} · \"sắp đến hạn\" = còn ≤ {} ngày",
                "{} task(s) · as of {} · \"due soon\" = {} days or fewer left",
                self.tasks.len(),
                format_date(self.as_of),
                self.due_within
            )),
            sections: vec![
                Section {
                    key: "conclusions",
                    heading: None,
                    body: Body::Table(Table {
                        columns,
                        rows,
                        total: None,
                        empty: Some(tr!("Không có nhiệm vụ nào khớp.", "No tasks match.")),
                        drop: keys(&["meeting_date", "notice", "done", "assignee", "days_left", "days_late"]),
                    }),
                },
                Section {
                    key: "states",
                    heading: Some(word("Theo trạng thái", "By state").into()),
                    body: Body::Facts(counts),
                },
            ],
        }
    }
}
