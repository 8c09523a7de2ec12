//! `danvan conclusions`: the register of the tasks that conclusions
//! assign (sổ theo dõi thực hiện kết luận), with each task's state as of a
//! date, most urgent first.

use super::{
    Body, Cell, Column, Document, Fact, Report, Rows, Section, StateCount, Table, Tone, count_states, format_date, iso,
    keys,
};
use crate::domain::deadlines::TaskStatus;
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

/// A task of the register: its meeting, its index there and its status on
/// the date. Its [`TaskRow`] (with an id and a notice number of its own) is
/// made each time it is read or written, so that a province's register
/// holds 56 bytes a task rather than a row and its two strings.
#[derive(Debug, Clone, Copy)]
struct Row<'a> {
    meeting: &'a Meeting,
    index: usize,
    status: TaskStatus,
}

#[derive(Debug, Clone)]
pub struct Register<'a> {
    pub as_of: NaiveDate,
    /// Days ahead that count as due soon.
    pub due_within: u32,
    /// Most urgent first; borrowed from the records (see [`Register::tasks`]).
    rows: Vec<Row<'a>>,
    /// Where organisation names and the notice suffix come from.
    config: &'a Config,
    /// How many of the listed tasks are in each state, most urgent first; states with none left out.
    pub states: Vec<StateCount<TaskState>>,
}

impl<'a> Register<'a> {
    /// How many tasks it lists.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The `i`-th task, most urgent first.
    pub fn task(&self, i: usize) -> TaskRow<'a> {
        task_row(self.rows[i], self.config)
    }

    /// The tasks, most urgent first.
    pub fn tasks(&self) -> impl ExactSizeIterator<Item = TaskRow<'a>> + '_ {
        self.rows.iter().map(|&r| task_row(r, self.config))
    }

    /// The register listing only the first `limit` of its tasks whose
    /// state `keep` holds (the rows of the report page); its counts are
    /// the whole register's.
    pub fn only(&self, keep: impl Fn(TaskState) -> bool, limit: usize) -> Register<'a> {
        Register {
            rows: self
                .rows
                .iter()
                .copied()
                .filter(|r| keep(r.status.state))
                .take(limit)
                .collect(),
            states: self.states.clone(),
            ..*self
        }
    }
}

/// As it is written (`conclusions --format json`, `data.json`): the rows
/// under `tasks`.
impl Serialize for Register<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        super::serialize_register(s, self.as_of, self.due_within, ("tasks", || self.tasks()), &self.states)
    }
}

/// What the register says of one task.
fn task_row<'a>(
    Row {
        meeting: m,
        index,
        status,
    }: Row<'a>,
    config: &'a Config,
) -> TaskRow<'a> {
    let c = &m.conclusions[index];
    TaskRow {
        id: m.task_id(index),
        meeting: &m.id,
        meeting_date: m.date.value,
        notice: m
            .notice
            .as_ref()
            .map(|n| n.full_number(&config.committee.notice_suffix)),
        number: index + 1,
        text: &c.text,
        assignee: &c.assignee.value,
        assignee_name: config.org_name(&c.assignee.value),
        due: c.due.as_ref().map(|d| d.value),
        done: status.done,
        state: status.state,
        days_left: status.days_left,
        days_late: status.days_late,
    }
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
    // At most every task of the snapshot: sized once, not doubled as it grows.
    let mut rows: Vec<Row<'a>> = Vec::with_capacity(snap.tasks.iter().map(Vec::len).sum());
    rows.extend(
        snap.items(Kind::Conclusion)
            .filter(|i| opts.query.matches(i))
            .filter_map(|item| {
                let Item::Task(meeting, index, _, status) = item else {
                    return None;
                };
                if !opts.states.is_empty() && !opts.states.contains(&status.state) {
                    return None;
                }
                Some(Row { meeting, index, status })
            }),
    );
    rows.shrink_to_fit();
    // The key ends with the meeting and the task's place in it, so the
    // order is total and sorting in place gives it without a copy.
    rows.sort_unstable_by_key(|&r| urgency(r));
    let listed: Vec<TaskState> = rows.iter().map(|r| r.status.state).collect();
    let states = count_states(URGENCY, &listed);
    Register {
        as_of: snap.as_of,
        due_within: snap.due_within,
        rows,
        config: &snap.ws.config,
        states,
    }
}

/// The sort key: overdue (latest first), due soon (soonest first), open
/// (by due date, undated last), then done late and done (latest done
/// first); ties in record order.
fn urgency(r: Row<'_>) -> (u8, i64, NaiveDate, &str, usize) {
    let far = i64::MAX;
    let t = r.status;
    let rank = URGENCY.iter().position(|&s| s == t.state).unwrap_or(URGENCY.len()) as u8;
    let key = match t.state {
        TaskState::Overdue => -t.days_late.unwrap_or(0),
        TaskState::DueSoon | TaskState::Open => t.days_left.unwrap_or(far),
        TaskState::DoneLate | TaskState::Done => -t.done.map_or(0, |d| i64::from(d.num_days_from_ce())),
    };
    (rank, key, r.meeting.date.value, &r.meeting.id, r.index)
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
        let alarms = self.tasks().filter_map(|t| {
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
        let rows = Rows::made(self.len(), |i| {
            let t = self.task(i);
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
                self.len(),
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
